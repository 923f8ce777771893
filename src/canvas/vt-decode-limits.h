/* vt-decode-limits.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one pixel budget of every decode (tile, static image, thumbnail,
 * logo): no image is decoded into more pixels than this at the scale it
 * is loaded at; a header that promises more is refused before any pixel.
 * 64 Mpx of RGBA is 256 MiB. */
#define VT_DECODER_MAX_PIXELS ((guint64) 8192 * 8192)
/* The longest side a static image over the budget is shrunk to while
 * loading, when its format can shrink while loading (JPEG). */
#define VT_DECODER_SHRINK_TO 4096

gboolean vt_size_is_close (guint got,
                           guint expected);

G_END_DECLS
