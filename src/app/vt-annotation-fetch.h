/* vt-annotation-fetch.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iiif/vt-annotation-page.h"
#include "net/vt-client.h"

G_BEGIN_DECLS

void              vt_annotation_fetch_page_async  (VtClient            *client,
                                                   const char          *uri,
                                                   int                  priority,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
VtAnnotationPage *vt_annotation_fetch_page_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
