/* vt-parsed-fetch.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vt-client.h"

G_BEGIN_DECLS

/**
 * VtParseBytesFunc:
 * @bytes: the body fetched
 * @uri: where it came from
 * @error: where a failure goes
 *
 * Reads a body into an object, in a worker thread.
 *
 * Returns: (transfer full) (nullable): the object, or %NULL with @error
 */
typedef gpointer (*VtParseBytesFunc) (GBytes      *bytes,
                                      const char  *uri,
                                      GError     **error);

void     vt_parsed_fetch_async  (VtClient            *client,
                                 const char          *uri,
                                 VtFetchKind          kind,
                                 int                  priority,
                                 VtParseBytesFunc     parse,
                                 GDestroyNotify       free_result,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gpointer vt_parsed_fetch_finish (GAsyncResult        *result,
                                 GError             **error);

G_END_DECLS
