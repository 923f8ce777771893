/* test-history.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include "app/vt-history.h"

static void
test_empty (void)
{
  g_autoptr(VtHistory) history = vt_history_new ();

  g_assert_null (vt_history_get_current (history));
  g_assert_false (vt_history_get_can_go_back (history));
  g_assert_false (vt_history_get_can_go_forward (history));
  g_assert_null (vt_history_go_back (history));
  g_assert_null (vt_history_go_forward (history));
}

static void
test_back_forward (void)
{
  g_autoptr(VtHistory) history = vt_history_new ();

  vt_history_push (history, "a");
  vt_history_push (history, "b");
  vt_history_push (history, "c");
  g_assert_cmpstr (vt_history_get_current (history), ==, "c");
  g_assert_true (vt_history_get_can_go_back (history));
  g_assert_false (vt_history_get_can_go_forward (history));

  g_assert_cmpstr (vt_history_go_back (history), ==, "b");
  g_assert_cmpstr (vt_history_go_back (history), ==, "a");
  g_assert_null (vt_history_go_back (history));
  g_assert_cmpstr (vt_history_get_current (history), ==, "a");
  g_assert_true (vt_history_get_can_go_forward (history));
  g_assert_cmpstr (vt_history_go_forward (history), ==, "b");

  /* Going somewhere new from the middle drops what lay ahead. */
  vt_history_push (history, "d");
  g_assert_false (vt_history_get_can_go_forward (history));
  g_assert_cmpstr (vt_history_go_back (history), ==, "b");
  g_assert_cmpstr (vt_history_go_back (history), ==, "a");
}

static void
test_reload_is_not_a_step (void)
{
  g_autoptr(VtHistory) history = vt_history_new ();

  vt_history_push (history, "a");
  vt_history_push (history, "a");
  g_assert_false (vt_history_get_can_go_back (history));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_notifies (void)
{
  g_autoptr(VtHistory) history = vt_history_new ();
  guint count = 0;

  g_signal_connect (history, "notify::can-go-back", G_CALLBACK (notify_cb), &count);
  vt_history_push (history, "a");
  vt_history_push (history, "b");
  g_assert_cmpuint (count, ==, 2);
}

static void
test_bounded (void)
{
  g_autoptr(VtHistory) history = vt_history_new ();
  guint steps = 0;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *location = g_strdup_printf ("object-%u", i);

      vt_history_push (history, location);
    }

  while (vt_history_go_back (history) != NULL)
    steps++;
  g_assert_cmpuint (steps, ==, 99);
  g_assert_cmpstr (vt_history_get_current (history), ==, "object-900");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/app/history/empty", test_empty);
  g_test_add_func ("/vitrine/app/history/back-forward", test_back_forward);
  g_test_add_func ("/vitrine/app/history/reload", test_reload_is_not_a_step);
  g_test_add_func ("/vitrine/app/history/notifies", test_notifies);
  g_test_add_func ("/vitrine/app/history/bounded", test_bounded);

  return g_test_run ();
}
