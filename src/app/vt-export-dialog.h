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

#define VT_TYPE_EXPORT_DIALOG (vt_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VtExportDialog, vt_export_dialog, VT, EXPORT_DIALOG, AdwMessageDialog)

VtExportDialog *vt_export_dialog_new                (GtkWindow       *parent,
                                                     VtSession       *session,
                                                     VtViewing       *viewing,
                                                     VtImageView     *view,
                                                     AdwToastOverlay *toasts);
gboolean        vt_export_dialog_get_reuse_allowed  (VtExportDialog  *self);
const char     *vt_export_dialog_get_rights_text    (VtExportDialog  *self);
void            vt_export_dialog_set_choices        (VtExportDialog  *self,
                                                     gboolean         visible_only,
                                                     guint            size_index,
                                                     int              format);
void            vt_export_dialog_start              (VtExportDialog  *self,
                                                     GFile           *file);

G_END_DECLS
