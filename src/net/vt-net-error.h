/* vt-net-error.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VT_NET_ERROR (vt_net_error_quark ())

/**
 * VtNetError:
 * @VT_NET_ERROR_NOT_PUBLIC: 403: the object or image is not public; the
 *   server's own explanation is kept, see vt_net_error_get_server_message()
 * @VT_NET_ERROR_AUTH_REQUIRED: 401: the server wants a login
 * @VT_NET_ERROR_NOT_FOUND: 404 or 410
 * @VT_NET_ERROR_SERVER: a 5xx answer, or 429 "too many requests", after retries
 * @VT_NET_ERROR_TIMEOUT: the server did not answer in time (no progress
 *   for the idle timeout, or the whole request took too long, or 408)
 * @VT_NET_ERROR_OFFLINE: no route to the server (DNS, refused, no network)
 * @VT_NET_ERROR_TLS: a certificate problem; never bypassed
 * @VT_NET_ERROR_TOO_LARGE: the body is over the cap for its kind
 * @VT_NET_ERROR_BAD_RESPONSE: not JSON where JSON was asked for, not an
 *   image where an image was, a malformed HTTP answer, or a redirect loop
 * @VT_NET_ERROR_BAD_REQUEST: any other 4xx
 * @VT_NET_ERROR_UNSUPPORTED_URI: a scheme or redirect we refuse to follow
 *   (only http and https are fetched), or an address that does not parse
 * @VT_NET_ERROR_CONNECTION_LOST: the connection broke while the answer was
 *   on its way (reset, closed early), after retries
 *
 * Errors of the network layer, one per state the window shows. Errors in
 * this domain carry the HTTP status, the address and the server's own
 * message when there was one (see the getters below).
 */
typedef enum
{
  VT_NET_ERROR_NOT_PUBLIC,
  VT_NET_ERROR_AUTH_REQUIRED,
  VT_NET_ERROR_NOT_FOUND,
  VT_NET_ERROR_SERVER,
  VT_NET_ERROR_TIMEOUT,
  VT_NET_ERROR_OFFLINE,
  VT_NET_ERROR_TLS,
  VT_NET_ERROR_TOO_LARGE,
  VT_NET_ERROR_BAD_RESPONSE,
  VT_NET_ERROR_BAD_REQUEST,
  VT_NET_ERROR_UNSUPPORTED_URI,
  VT_NET_ERROR_CONNECTION_LOST,
} VtNetError;

#define VT_NET_N_ERRORS (VT_NET_ERROR_CONNECTION_LOST + 1)

GQuark      vt_net_error_quark              (void);

const char *vt_net_error_to_nick            (VtNetError    code);
gboolean    vt_net_error_from_nick          (const char   *nick,
                                             VtNetError   *code);

const char *vt_net_error_get_server_message (const GError *error);
guint       vt_net_error_get_http_status    (const GError *error);
const char *vt_net_error_get_uri            (const GError *error);

GError     *vt_net_error_new_full           (VtNetError    code,
                                             guint         http_status,
                                             const char   *uri,
                                             const char   *server_message,
                                             const char   *format,
                                             ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
