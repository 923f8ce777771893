/* vt-rate-floor.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-rate-floor"

#include "config.h"

#include "vt-rate-floor-private.h"

/**
 * _vt_rate_floor_interval_ms:
 * @window_ms: the window
 *
 * Returns: how often to call _vt_rate_floor_tick(), in milliseconds
 */
guint
_vt_rate_floor_interval_ms (guint window_ms)
{
  return MAX (1, window_ms / VT_RATE_FLOOR_SLOTS);
}

/**
 * _vt_rate_floor_start:
 * @bytes_per_second: the floor
 * @window_ms: the window it is measured over
 * @received: the bytes received so far
 *
 * Starts measuring, now.
 */
void
_vt_rate_floor_start (VtRateFloor *self,
                      guint        bytes_per_second,
                      guint        window_ms,
                      guint64      received)
{
  guint interval = _vt_rate_floor_interval_ms (window_ms);

  /* What the ticks really span, so that a window that does not divide
   * into slots is not judged on more time than it had. */
  self->min_bytes = (guint64) bytes_per_second * interval * VT_RATE_FLOOR_SLOTS / 1000;
  self->ticks = 0;
  for (guint i = 0; i < VT_RATE_FLOOR_SLOTS; i++)
    self->ring[i] = received;
}

/**
 * _vt_rate_floor_tick:
 * @received: the bytes received so far (a count that only grows)
 *
 * Called every _vt_rate_floor_interval_ms().
 *
 * Returns: %FALSE when less than the floor arrived over the last window
 */
gboolean
_vt_rate_floor_tick (VtRateFloor *self,
                     guint64      received)
{
  guint slot;
  guint64 window_ago;

  self->ticks++;
  slot = self->ticks % VT_RATE_FLOOR_SLOTS;
  /* The count of VT_RATE_FLOOR_SLOTS ticks ago (or of the start). */
  window_ago = self->ring[slot];
  self->ring[slot] = received;

  if (self->ticks < VT_RATE_FLOOR_SLOTS)
    return TRUE;

  return received - MIN (window_ago, received) >= self->min_bytes;
}
