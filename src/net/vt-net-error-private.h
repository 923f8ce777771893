/* vt-net-error-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-client.h"
#include "vt-net-error.h"

G_BEGIN_DECLS

/* How the client turns what libsoup, GIO and the server said into one of
 * the states of VtNetError. Kept apart from VtClient so that the mapping
 * can be read (and tested) as one table. */

GError   *_vt_net_error_from_transport   (const GError *error,
                                          const char   *uri);
GError   *_vt_net_error_from_status      (guint         status,
                                          const char   *uri,
                                          const char   *content_type,
                                          const guint8 *body,
                                          gsize         body_len);
char     *_vt_net_error_extract_message  (const char   *content_type,
                                          const guint8 *body,
                                          gsize         body_len);
gboolean  _vt_net_error_is_retryable     (const GError *transport_error);
gboolean  _vt_net_status_is_retryable    (guint         status);

G_END_DECLS
