/* test-client-schedule.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* VtClient's scheduling against the real test bed (IIPImage): with more
 * requests queued than the host has slots, each request that waited is
 * started by the end of another's body, from the same call, before that
 * one's bytes reach its caller. Ordering, not timing: the gaps are
 * printed (g_test_message) but never asserted. */

#define G_LOG_DOMAIN "test-client-schedule"

#include "config.h"

#include "net-test-util.h"
#include "vt-testbed.h"

#define N_TILES   24
#define MAX_CONNS 2


typedef struct
{
  guint n_done;
  guint work_us;
} Batch;

static void
tile_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Batch *batch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  gint64 until = g_get_monotonic_time () + batch->work_us;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  /* What a caller does with the bytes (hand them to a decoder, update
   * its state) takes a little time on the main thread: it must not hold
   * back the next request. */
  while (g_get_monotonic_time () < until)
    ;
  batch->n_done++;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/* Prints the median and the 90th percentile of the time between a
 * response's last byte and the next request libsoup writes on the same
 * connection. */
static guint
print_gaps (GArray     *timings,
            const char *what)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) freed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) conns = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < timings->len; i++)
    {
      VtClientTiming *t = &g_array_index (timings, VtClientTiming, i);
      gint64 best = G_MININT64;

      g_hash_table_add (conns, &t->connection_id);
      for (guint j = 0; j < timings->len; j++)
        {
          VtClientTiming *p = &g_array_index (timings, VtClientTiming, j);

          if (p->connection_id == t->connection_id && p != t &&
              p->body_end_us != 0 && p->body_end_us <= t->wire_sent_us && p->body_end_us > best)
            best = p->body_end_us;
        }
      if (best != G_MININT64)
        {
          gint64 gap = t->wire_sent_us - best;

          g_array_append_val (gaps, gap);
        }
      if (t->freed_by != 0)
        {
          guint64 first = g_array_index (timings, VtClientTiming, 0).id;
          VtClientTiming *p = &g_array_index (timings, VtClientTiming, t->freed_by - first);
          gint64 gap = t->sent_us - p->body_end_us;

          g_array_append_val (freed, gap);
        }
    }
  g_array_sort (gaps, compare_gint64);
  g_array_sort (freed, compare_gint64);
  if (gaps->len > 0)
    g_test_message ("%s: %u connections; body end → next request on the connection: median %.2f ms, "
                    "90th percentile %.2f ms, max %.2f ms (%u gaps)",
                    what, g_hash_table_size (conns),
                    g_array_index (gaps, gint64, gaps->len / 2) / 1000.0,
                    g_array_index (gaps, gint64, gaps->len * 9 / 10) / 1000.0,
                    g_array_index (gaps, gint64, gaps->len - 1) / 1000.0, gaps->len);
  if (freed->len > 0)
    g_test_message ("%s: body end → next request handed to libsoup: median %.3f ms, max %.3f ms",
                    what, g_array_index (freed, gint64, freed->len / 2) / 1000.0,
                    g_array_index (freed, gint64, freed->len - 1) / 1000.0);
  return g_hash_table_size (conns);
}

static void
run_batch (guint work_us)
{
  g_autoptr(VtTestbed) testbed = vt_testbed_start_or_skip ();
  g_autoptr(VtClient) client = NULL;
  g_autoptr(GArray) timings = NULL;
  g_autofree char *id = NULL;
  g_autofree char *what = g_strdup_printf ("%u tiles, %u slots, %u µs of work a callback",
                                           N_TILES, MAX_CONNS, work_us);
  Batch batch = { 0, work_us };
  guint n_waited = 0;
  guint n_conns;

  if (testbed == NULL)
    return;
  client = vt_client_new (NULL);
  id = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN);
  vt_client_set_max_conns_per_host (client, MAX_CONNS);
  vt_client_set_record_timings (client, TRUE);

  for (guint i = 0; i < N_TILES; i++)
    {
      /* A different tile each time (and, per batch, a different size),
       * so that IIPImage's own cache does not answer at once. */
      g_autofree char *url = g_strdup_printf ("%s/%u,%u,256,256/%u,/0/default.jpg", id,
                                              (i % 40) * 256, (i / 40 + work_us / 1000) * 256,
                                              256 - work_us / 1000);

      vt_client_fetch_async (client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE,
                             VT_FETCH_PRIORITY_VISIBLE, NULL, tile_cb, &batch);
    }
  g_assert_cmpuint (vt_client_get_n_active (client), ==, MAX_CONNS);
  run_until_count (&batch.n_done, N_TILES);

  timings = vt_client_dup_timings (client);
  g_assert_cmpuint (timings->len, ==, N_TILES);
  n_conns = print_gaps (timings, what);

  for (guint i = 0; i < timings->len; i++)
    {
      VtClientTiming *t = &g_array_index (timings, VtClientTiming, i);
      VtClientTiming *by;

      g_assert_cmpuint (t->id, ==, timings->len > 0 ? g_array_index (timings, VtClientTiming, 0).id + i : 0);
      g_assert_false (t->failed);
      g_assert_true (t->network);
      g_assert_cmpint (t->queued_us, <=, t->sent_us);
      g_assert_cmpint (t->sent_us, <=, t->first_byte_us);
      g_assert_cmpint (t->first_byte_us, <=, t->body_end_us);
      g_assert_cmpint (t->body_end_us, <=, t->done_us);

      if (i < MAX_CONNS)
        {
          /* The first ones found their slots free. */
          g_assert_cmpuint (t->freed_by, ==, 0);
          continue;
        }

      /* Everything else waited: it was started by another request's
       * end, after that one's body was read and before its bytes went
       * to its caller (whose callback takes work_us). */
      n_waited++;
      g_assert_cmpuint (t->freed_by, !=, 0);
      by = &g_array_index (timings, VtClientTiming, t->freed_by - g_array_index (timings, VtClientTiming, 0).id);
      g_assert_cmpuint (by->id, ==, t->freed_by);
      g_assert_cmpint (by->body_end_us, <=, t->sent_us);
      g_assert_cmpint (t->sent_us, <=, by->done_us);
    }
  g_assert_cmpuint (n_waited, ==, N_TILES - MAX_CONNS);

  /* The connection a response came on was free again for the request
   * its end started: no new connection was opened beside it. */
  g_assert_cmpuint (n_conns, ==, MAX_CONNS);
}

static void
test_next_starts_at_body_end (void)
{
  run_batch (0);
}

static void
test_next_starts_before_callbacks (void)
{
  run_batch (3000);
}

/* A request asked ahead at prefetch priority waits behind every visible
 * one, until something on screen needs it: then it is moved up and
 * leaves next. */
static void
test_reprioritize (void)
{
  g_autoptr(VtTestbed) testbed = vt_testbed_start_or_skip ();
  g_autoptr(VtClient) client = NULL;
  g_autoptr(GCancellable) ahead = g_cancellable_new ();
  g_autoptr(GArray) timings = NULL;
  g_autofree char *id = NULL;
  Batch batch = { 0, 0 };
  VtClientTiming *first, *moved, *next;

  if (testbed == NULL)
    return;
  client = vt_client_new (NULL);
  id = vt_testbed_get_url (testbed, VT_TESTBED_IIP_MAIN);
  vt_client_set_max_conns_per_host (client, 1);
  vt_client_set_record_timings (client, TRUE);

  /* One under way, then the prefetch, then three visible ones. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/%u,512,256,256/200,/0/default.jpg", id, i * 256);
      gboolean is_ahead = i == 1;

      vt_client_fetch_async (client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE,
                             is_ahead ? VT_FETCH_PRIORITY_PREFETCH : VT_FETCH_PRIORITY_VISIBLE,
                             is_ahead ? ahead : NULL, tile_cb, &batch);
    }
  g_assert_cmpuint (vt_client_get_n_queued (client), ==, 4);
  g_assert_true (vt_client_reprioritize (client, ahead, VT_FETCH_PRIORITY_VISIBLE - 1));
  run_until_count (&batch.n_done, 5);

  timings = vt_client_dup_timings (client);
  first = &g_array_index (timings, VtClientTiming, 0);
  moved = &g_array_index (timings, VtClientTiming, 1);
  next = &g_array_index (timings, VtClientTiming, 2);
  g_assert_cmpuint (moved->freed_by, ==, first->id);
  g_assert_cmpuint (next->freed_by, ==, moved->id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-schedule/next-starts-at-body-end", test_next_starts_at_body_end);
  g_test_add_func ("/client-schedule/next-starts-before-callbacks", test_next_starts_before_callbacks);

  g_test_add_func ("/client-schedule/reprioritize", test_reprioritize);

  return g_test_run ();
}
