/* bench-book.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The page-turn benchmark of issue 12 ("Book reading speed"). Not a test:
 * it prints a table and never fails on a number.
 *
 * The test bed's 300-page paged book (tests/testbed/generate-books.py:
 * every page its own IIPImage service) is opened through the app's route
 * (a VtSession on one client, a VtViewing on the manifest URL, shown by a
 * VtCanvasPane in a 1280 × 800 window), then its pages are turned forward
 * spread by spread, as Page Down does. Each turn is timed from the call
 * that turns it to the spread being sharp: both pages have their image
 * and every tile in view is drawn.
 *
 * Two ways of reading, each with a fresh client (nothing cached):
 *   reading  after each turn, a pause until the requests made ahead (the
 *            neighbouring spreads' info.json, placeholders and fit-view
 *            tiles, at prefetch priority) have ended, as a reader's would;
 *   leafing  the next turn as soon as the spread is sharp: what is asked
 *            ahead has had no time, so the turn pays its own round trips.
 * On loopback, and behind tests/bench/delay-proxy.py at 80 ms RTT and
 * 50 Mbit/s.
 *
 * Columns: turns timed; p50 / p95 / max of turn → sharp (ms); "view rq":
 * requests at view priority made by the turns (mean per turn: what had not
 * come ahead); "0-rq turns": turns that made no request of their own;
 * "ahead rq": requests at prefetch priority (and the strip's thumbnails,
 * also below the view's priority) over the run; "repeats": requests for
 * a URL the run had asked for before (a tile asked ahead twice, or
 * again at view priority after its bytes were dropped).
 *
 * Target (issue 12): a turn after a pause is sharp within one round trip
 * plus decode, i.e. it needs no request at all once its tiles came ahead.
 */

#include "config.h"

#include <libsoup/soup.h>

#include "app/vt-canvas-pane.h"
#include "app/vt-session.h"
#include "app/vt-viewing.h"
#include "canvas/vt-image-view-private.h"
#include "net/vt-client-private.h"
#include "vt-testbed.h"

#define VIEW_W    1280
#define VIEW_H    800
#define N_TURNS   40
#define DELAY_MS  40
#define RATE_MBIT 50

typedef struct
{
  guint view;       /* requests queued at view priority */
  guint ahead;      /* below it: prefetch, thumbnails */
  guint repeats;    /* of a URL asked for before in the run */
  int   in_flight;
  GHashTable *urls;
} Requests;

static void
on_request_queued (SoupSession *session,
                   SoupMessage *msg,
                   Requests    *requests)
{
  g_autofree char *uri = g_uri_to_string (soup_message_get_uri (msg));

  if (!g_hash_table_add (requests->urls, g_steal_pointer (&uri)))
    requests->repeats++;
  if (soup_message_get_priority (msg) <= SOUP_MESSAGE_PRIORITY_LOW)
    requests->ahead++;
  else
    requests->view++;
  requests->in_flight++;
}

static void
on_request_unqueued (SoupSession *session,
                     SoupMessage *msg,
                     Requests    *requests)
{
  requests->in_flight--;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_sharp (VtCanvasPane *pane)
{
  VtImageView *view = vt_canvas_pane_get_image_view (pane);
  VtSpread *spread = vt_canvas_pane_get_spread (pane);

  if (spread != NULL && !vt_spread_is_complete (spread))
    return FALSE;
  return vt_image_view_get_state (view) == VT_IMAGE_VIEW_STATE_READY &&
         !vt_image_view_is_animating (view) && vt_image_view_get_sharp (view);
}

static gboolean
wait_sharp (VtCanvasPane *pane,
            guint         seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  vt_image_view_update_now (vt_canvas_pane_get_image_view (pane));
  while (!timed_out && !is_sharp (pane) &&
         vt_image_view_get_state (vt_canvas_pane_get_image_view (pane)) != VT_IMAGE_VIEW_STATE_ERROR)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return is_sharp (pane);
}

/* A reader's pause: until nothing is in flight (what was asked ahead has
 * come), at most a few seconds. */
static void
pause_reading (Requests *requests)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, timeout_cb, &timed_out);
  gint64 quiet_since = 0;

  while (!timed_out)
    {
      g_main_context_iteration (NULL, FALSE);
      if (requests->in_flight > 0)
        quiet_since = 0;
      else if (quiet_since == 0)
        quiet_since = g_get_monotonic_time ();
      /* Quiet for 100 ms: the next spread's tiles are asked once its
       * info.json is in, a moment after the last answer. */
      else if (g_get_monotonic_time () - quiet_since > 100 * 1000)
        break;
      g_usleep (1000);
    }
  if (!timed_out)
    g_source_remove (id);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
run (const char *name,
     const char *manifest_url,
     gboolean    reading)
{
  g_autoptr(VtClient) client = vt_client_new (NULL);
  g_autoptr(VtSession) session = vt_session_new (client);
  g_autoptr(VtViewing) viewing = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  VtCanvasPane *pane = g_object_new (VT_TYPE_CANVAS_PANE, NULL);
  VtImageView *view = vt_canvas_pane_get_image_view (pane);
  Requests requests = { 0, 0, 0, 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  guint view_before, ahead_before, turn_requests = 0, free_turns = 0;
  guint failed = 0;

  g_signal_connect (client->session, "request-queued", G_CALLBACK (on_request_queued), &requests);
  g_signal_connect (client->session, "request-unqueued", G_CALLBACK (on_request_unqueued), &requests);

  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, VIEW_W, VIEW_H);
  vt_canvas_pane_set_session (pane, session);
  gtk_window_set_child (window, GTK_WIDGET (pane));
  gtk_window_present (window);
  while (gtk_widget_get_width (GTK_WIDGET (view)) == 0 || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);

  viewing = vt_viewing_new (session, manifest_url, NULL);
  vt_canvas_pane_set_viewing (pane, viewing);
  vt_viewing_load (viewing, FALSE);
  if (!wait_sharp (pane, 60))
    g_error ("%s: the book did not open", name);
  pause_reading (&requests);
  ahead_before = requests.ahead;

  for (guint i = 0; i < N_TURNS; i++)
    {
      VtBook *book = vt_viewing_get_book (viewing);
      guint canvas;
      gint64 start;
      double ms;

      if (!vt_book_step (book, vt_viewing_get_canvas_index (viewing), 1, &canvas))
        break;
      view_before = requests.view;
      start = g_get_monotonic_time ();
      vt_viewing_set_canvas_index (viewing, canvas);
      if (!wait_sharp (pane, 30))
        failed++;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      turn_requests += requests.view - view_before;
      if (requests.view == view_before)
        free_turns++;
      if (reading)
        pause_reading (&requests);
    }

  g_array_sort (times, compare_doubles);
  g_print ("%-22s %-8s %5u %8.1f %8.1f %8.1f %8.2f %10u %9u %8u%s\n", name, reading ? "reading" : "leafing",
           times->len, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, MIN (times->len - 1, (times->len * 95 + 99) / 100 - 1)),
           g_array_index (times, double, times->len - 1),
           (double) turn_requests / MAX (1, times->len), free_turns, requests.ahead - ahead_before,
           requests.repeats,
           failed > 0 ? "  (some turns never became sharp)" : "");

  vt_canvas_pane_set_viewing (pane, NULL);
  vt_viewing_cancel (viewing);
  g_signal_handlers_disconnect_by_data (client->session, &requests);
  g_hash_table_unref (requests.urls);
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* delay-proxy.py from LISTEN to TARGET; it stops when we exit (its stdin
 * is our pipe). */
static GSubprocess *
proxy_start (guint16 listen,
             guint16 target)
{
  g_autofree char *listen_s = g_strdup_printf ("%u", listen);
  g_autofree char *target_s = g_strdup_printf ("%u", target);
  g_autofree char *delay_s = g_strdup_printf ("%d", DELAY_MS);
  g_autofree char *rate_s = g_strdup_printf ("%d", RATE_MBIT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autofree char *line = NULL;
  GSubprocess *proxy;

  proxy = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            VT_TESTBED_PYTHON, DELAY_PROXY, "--listen", listen_s, "--target", target_s,
                            "--delay", delay_s, "--rate", rate_s, NULL);
  g_assert_no_error (error);
  data = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proxy));
  line = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &error);
  if (line == NULL || !g_str_has_prefix (line, "READY "))
    g_error ("delay-proxy did not start: %s", error ? error->message : line ? line : "end of file");
  return proxy;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VtTestbed) near = NULL;
  g_autoptr(VtTestbed) far = NULL;
  g_autoptr(GSubprocess) proxy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *near_url = NULL;
  g_autofree char *far_url = NULL;
  g_autofree char *public_base = NULL;
  guint16 port;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  near = vt_testbed_start (&error);
  if (near == NULL)
    {
      g_print ("1..0 # SKIP the test bed cannot run: %s\n", error->message);
      return 0;
    }
  near_url = vt_testbed_get_url (near, VT_TESTBED_BOOK_300);

  /* The far test bed names the proxy in its documents, so that every
   * image service of the book goes through it too. */
  port = free_port ();
  public_base = g_strdup_printf ("http://127.0.0.1:%u", port);
  {
    const char *args[] = { "--public-base", public_base, NULL };

    far = vt_testbed_start_full (VT_TESTBED_FLAGS_NONE, args, &error);
    g_assert_no_error (error);
  }
  proxy = proxy_start (port, vt_testbed_get_port (far));
  far_url = g_strconcat (public_base, VT_TESTBED_BOOK_300, NULL);

  g_print ("Page-turn benchmark (issue 12): the %u-page paged book, %u turns forward by spreads, "
           "%d x %d px, HTTP/1.1. Times from the turn to a sharp spread (ms).\n",
           VT_TESTBED_BOOK_300_PAGES, N_TURNS, VIEW_W, VIEW_H);
  g_print ("%-22s %-8s %5s %8s %8s %8s %8s %10s %9s %8s\n", "set-up", "reading", "turns", "p50", "p95", "max",
           "view rq", "0-rq turns", "ahead rq", "repeats");
  run ("loopback", near_url, TRUE);
  run ("loopback", near_url, FALSE);
  run ("80 ms RTT, 50 Mbit/s", far_url, TRUE);
  run ("80 ms RTT, 50 Mbit/s", far_url, FALSE);

  return 0;
}
