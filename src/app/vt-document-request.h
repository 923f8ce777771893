/* vt-document-request.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "canvas/vt-tile-source.h"
#include "iiif/vt-iiif-document.h"

#include "vt-session.h"
#include "vt-target.h"

G_BEGIN_DECLS

#define VT_TYPE_DOCUMENT_REQUEST (vt_document_request_get_type ())

G_DECLARE_FINAL_TYPE (VtDocumentRequest, vt_document_request, VT, DOCUMENT_REQUEST, GObject)

VtDocumentRequest *vt_document_request_new        (VtSession           *session,
                                                   const VtTarget      *target,
                                                   gboolean             reload);
const VtTarget    *vt_document_request_get_target (VtDocumentRequest   *self);
void               vt_document_request_run_async  (VtDocumentRequest   *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
VtIiifDocument    *vt_document_request_run_finish (VtDocumentRequest   *self,
                                                   GAsyncResult        *result,
                                                   VtTileSource       **image,
                                                   GError             **error);

G_END_DECLS
