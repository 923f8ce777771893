/* vt-markup.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most characters of one value shown: a description of several pages
 * fits, while a megabyte of text no longer stalls text layout. */
#define VT_MARKUP_MAX_VALUE_CHARS 10000
/* A run of text with no space longer than this gets a break opportunity
 * (a zero-width space) every so many characters: laying out one unbroken
 * word costs more than its length, long before it is a megabyte. */
#define VT_MARKUP_MAX_WORD_CHARS 200


gboolean  vt_markup_is_openable_uri (const char         *uri);
gboolean  vt_markup_is_web_address  (const char         *text);
char     *vt_markup_link            (const char         *uri,
                                     const char         *text);
char     *vt_markup_from_value      (const char         *value);
char     *vt_markup_from_values     (const char * const *values);
char     *vt_markup_to_text         (const char         *markup);

G_END_DECLS
