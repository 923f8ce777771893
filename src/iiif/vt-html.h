/* vt-html.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *vt_html_to_markup (const char *value);
char *vt_html_to_text   (const char *value);

G_END_DECLS
