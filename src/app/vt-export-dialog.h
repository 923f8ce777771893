/* vt-export-dialog.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "canvas/vt-image-view.h"
#include "vt-session.h"
#include "vt-viewing.h"

G_BEGIN_DECLS

/**
 * VtExportArea:
 * @VT_EXPORT_AREA_WHOLE: the whole image
 * @VT_EXPORT_AREA_VISIBLE: the part of it in view
 * @VT_EXPORT_AREA_REGION: a region drawn on the canvas
 */
typedef enum
{
  VT_EXPORT_AREA_WHOLE,
  VT_EXPORT_AREA_VISIBLE,
  VT_EXPORT_AREA_REGION,
} VtExportArea;

#define VT_TYPE_EXPORT_DIALOG (vt_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VtExportDialog, vt_export_dialog, VT, EXPORT_DIALOG, AdwMessageDialog)

VtExportDialog *vt_export_dialog_new                (GtkWindow       *parent,
                                                     VtSession       *session,
                                                     VtViewing       *viewing,
                                                     VtImageView     *view,
                                                     AdwToastOverlay *toasts);
gboolean        vt_export_dialog_get_reuse_allowed  (VtExportDialog  *self);
const char     *vt_export_dialog_get_rights_text    (VtExportDialog  *self);
const char     *vt_export_dialog_get_limit_text     (VtExportDialog  *self);
void            vt_export_dialog_set_region         (VtExportDialog  *self,
                                                     double           x,
                                                     double           y,
                                                     double           width,
                                                     double           height);
gboolean        vt_export_dialog_get_area           (VtExportDialog  *self,
                                                     VtExportArea     area,
                                                     gint64           region[4]);
void            vt_export_dialog_set_choices        (VtExportDialog  *self,
                                                     VtExportArea     area,
                                                     guint            size_index,
                                                     int              format);
void            vt_export_dialog_start              (VtExportDialog  *self,
                                                     GFile           *file);

G_END_DECLS
