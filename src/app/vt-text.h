/* vt-text.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Window titles, menu items, tooltips: text a document sends that the
 * window shows where GTK cannot wrap or ellipsize it itself. */
#define VT_TEXT_MAX_TITLE_CHARS   200
#define VT_TEXT_MAX_TOOLTIP_CHARS 1000
/* Labels that wrap and show a few lines at most: enough for those lines,
 * far from the widths where Pango's units overflow. */
#define VT_TEXT_MAX_LABEL_CHARS   2000

char *vt_text_ellipsize (const char *text,
                         guint       max_chars);

G_END_DECLS
