/* vt-canvas-test-util.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-decoder-private.h"
#include "vt-image-view-private.h"

G_BEGIN_DECLS

/* Rendered RGBA pixels (R, G, B, A bytes). */
typedef struct
{
  int width;
  int height;
  guchar *data;
} VtPixels;

void       vt_pixels_free               (VtPixels    *pixels);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtPixels, vt_pixels_free)

/* What the view's tile layer asked for and cancelled, in order (VT_TILE_KEY
 * values), kept through its debug hook; owned by the layer. */
typedef struct
{
  GArray *requests;
  GArray *cancels;
  GArray *prefetches;   /* asked ahead, outside the view */
} VtTestLog;

VtTestLog *vt_test_log_attach           (VtImageView *view);
void       vt_test_log_reset            (VtTestLog   *log);
gboolean   vt_test_open_file            (VtImageView *view,
                                         const char  *path);

gboolean   vt_test_init_display         (int         *argc,
                                         char      ***argv);
gboolean   vt_test_skip_without_display (void);
VipsImage *vt_test_make_image           (int          width,
                                         int          height);
char      *vt_test_write_fixture        (VipsImage   *image,
                                         const char  *name,
                                         const char  *options);
GtkWidget *vt_test_window_new           (int          width,
                                         int          height,
                                         VtImageView **view);
void       vt_test_wait_for_size        (GtkWidget   *view);
gboolean   vt_test_wait_until           (gboolean   (*done) (VtImageView *view),
                                         VtImageView *view,
                                         guint        max_seconds);
gboolean   vt_test_wait_sharp           (VtImageView *view);
gboolean   vt_test_wait_settled         (VtImageView *view);
void       vt_test_set_view             (VtImageView *view,
                                         double       zoom,
                                         double       center_x,
                                         double       center_y);
VtPixels  *vt_test_render               (VtImageView *view);
VtPixels  *vt_test_reference            (VipsImage   *full,
                                         VtViewport  *viewport);
double     vt_test_psnr                 (VtPixels    *a,
                                         VtPixels    *b,
                                         int         *max_error);
guint      vt_test_count_holes          (VtPixels    *pixels,
                                         VtPixels    *reference);

G_END_DECLS
