/* vt-client-timings.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-client"

#include "config.h"

#include "vt-client-private.h"

/* Scheduling helpers for callers that ask ahead, and the record of when
 * each request was queued, sent, answered and read,
 * kept only when asked for: the tests of the scheduling (a slot freed
 * by one request's end is taken by the next from the same call) and the
 * network benchmark read it. Off, it costs one pointer test a request. */

static void
timing_clear (gpointer data)
{
  VtClientTiming *timing = data;

  g_clear_pointer (&timing->uri, g_free);
}

/* The record of request @seq, or %NULL when timings are not kept (or it
 * was submitted before they were). */
VtClientTiming *
_vt_client_timing (VtClient *self,
                   guint64   seq)
{
  guint64 index;

  if (self->timings == NULL || seq < self->timings_base)
    return NULL;

  index = seq - self->timings_base;
  if (index >= G_MAXUINT)
    return NULL;
  if (index >= self->timings->len)
    g_array_set_size (self->timings, (guint) index + 1);
  return &g_array_index (self->timings, VtClientTiming, index);
}

void
_vt_client_timings_free (VtClient *self)
{
  g_clear_pointer (&self->timings, g_array_unref);
}

/**
 * vt_client_reprioritize:
 * @self: a #VtClient
 * @cancellable: the cancellable a request was made with
 * @priority: its new priority, if more urgent
 *
 * Moves a request still waiting for a slot up to @priority: a request
 * asked ahead at prefetch priority that something on screen now waits
 * for must not wait behind every visible one. A request under way, or
 * already more urgent, is left alone.
 *
 * Returns: whether a request made with @cancellable is still queued
 */
gboolean
vt_client_reprioritize (VtClient     *self,
                        GCancellable *cancellable,
                        int           priority)
{
  g_return_val_if_fail (VT_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), FALSE);

  return _vt_client_hurry (self, cancellable, priority);
}

/**
 * vt_client_set_record_timings:
 * @self: a #VtClient
 * @record: whether to keep a #VtClientTiming of each request submitted
 *   from now on
 *
 * For tests and benchmarks. Turning it on clears what was kept before.
 */
void
vt_client_set_record_timings (VtClient *self,
                              gboolean  record)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  _vt_client_timings_free (self);
  if (record)
    {
      self->timings = g_array_new (FALSE, TRUE, sizeof (VtClientTiming));
      g_array_set_clear_func (self->timings, timing_clear);
      self->timings_base = self->next_seq;
    }
}

/**
 * vt_client_clear_timings:
 * @self: a #VtClient
 *
 * Forgets the timings kept so far; requests submitted from now on are
 * recorded (if recording is on).
 */
void
vt_client_clear_timings (VtClient *self)
{
  g_return_if_fail (VT_IS_CLIENT (self));

  if (self->timings != NULL)
    vt_client_set_record_timings (self, TRUE);
}

/**
 * vt_client_dup_timings:
 * @self: a #VtClient
 *
 * Returns: (transfer full) (element-type VtClientTiming): a copy of the
 *   timings kept, in order of submission (empty when recording is off);
 *   requests still under way have zeros where they have not got to
 */
GArray *
vt_client_dup_timings (VtClient *self)
{
  GArray *copy;

  g_return_val_if_fail (VT_IS_CLIENT (self), NULL);

  copy = g_array_new (FALSE, TRUE, sizeof (VtClientTiming));
  g_array_set_clear_func (copy, timing_clear);
  if (self->timings == NULL)
    return copy;

  for (guint i = 0; i < self->timings->len; i++)
    {
      VtClientTiming timing = g_array_index (self->timings, VtClientTiming, i);

      timing.uri = g_strdup (timing.uri);
      g_array_append_val (copy, timing);
    }
  return copy;
}
