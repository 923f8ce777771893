/* vt-rate-floor-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The slowest body VtClient accepts: at least so many bytes in every
 * window of so many milliseconds once the body has started. A server that
 * drips one byte every few seconds never trips the idle timer, and would
 * otherwise hold the user until the request's deadline.
 *
 * The window is sampled in VT_RATE_FLOOR_SLOTS ticks; a ring of the byte
 * counts seen at the last ticks makes each check O(1). Nothing is judged
 * before one whole window has passed, so a body that is done within one
 * window never is. */

#define VT_RATE_FLOOR_SLOTS 10

typedef struct
{
  guint64 ring[VT_RATE_FLOOR_SLOTS];
  guint64 min_bytes;   /* per window */
  guint   ticks;
} VtRateFloor;

guint    _vt_rate_floor_interval_ms (guint        window_ms);
void     _vt_rate_floor_start       (VtRateFloor *self,
                                     guint        bytes_per_second,
                                     guint        window_ms,
                                     guint64      received);
gboolean _vt_rate_floor_tick        (VtRateFloor *self,
                                     guint64      received);

G_END_DECLS
