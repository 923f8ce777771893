/* vt-window-test.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "app/vt-application.h"
#include "app/vt-window.h"
#include "vt-testbed.h"

G_BEGIN_DECLS

/* A window of the real application beside the test bed, as the tests of
 * the window's features set one up. */
typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
} VtWindowTest;

gboolean vt_window_test_start_testbed (VtWindowTest *self);
void     vt_window_test_open_window   (VtWindowTest *self,
                                       const char   *name);
void     vt_window_test_tear_down     (VtWindowTest *self);
void     vt_window_test_wait_until    (gboolean    (*done) (gpointer),
                                       gpointer      data,
                                       const char   *what);
gboolean vt_window_test_not_loading   (gpointer      window);
gboolean vt_window_test_have_clip     (const char   *name);

G_END_DECLS
