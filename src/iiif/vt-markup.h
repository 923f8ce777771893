/* vt-markup.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  vt_markup_is_openable_uri (const char         *uri);
gboolean  vt_markup_is_web_address  (const char         *text);
char     *vt_markup_link            (const char         *uri,
                                     const char         *text);
char     *vt_markup_from_value      (const char         *value);
char     *vt_markup_from_values     (const char * const *values);
char     *vt_markup_to_text         (const char         *markup);

G_END_DECLS
