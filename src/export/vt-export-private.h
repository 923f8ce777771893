/* vt-export-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-export.h"

G_BEGIN_DECLS

typedef enum
{
  PLAN_LOCAL,
  PLAN_SINGLE,
  PLAN_TILES,
} PlanKind;

typedef struct
{
  PlanKind kind;
  guint    level;
  /* PLAN_TILES: the region in level pixels. PLAN_SINGLE: the region
   * asked of the server, in full-resolution pixels, and the size asked
   * (sw × sh); at full resolution it is widened to JPEG's 8 px blocks. */
  gint64   lx, ly, lw, lh;
  gint64   sw, sh;
} Plan;

struct _VtExport
{
  GObject           parent_instance;

  VtClient         *client;
  VtTilePyramid    *pyramid;
  char             *path;        /* a local file */
  gint64            image_width, image_height;
  gint64            rx, ry, rw, rh;
  gint64            width, height;
  VtExportFormat    format;
  gboolean          pyramidal;
  VtExportMetadata *metadata;
  double            progress;
  gboolean          single_request;
  gboolean          running;
};

gboolean vt_export_choose_plan (VtExport *self,
                                gint64    width,
                                gint64    height,
                                Plan     *plan);

gboolean vt_export_reserve_part (GFile       *destination,
                                 char       **dest_path,
                                 char       **tmp_path,
                                 GError     **error);
gboolean vt_export_commit_part  (char       **tmp_path,
                                 const char  *dest_path,
                                 GError     **error);

G_END_DECLS
