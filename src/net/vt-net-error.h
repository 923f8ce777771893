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
 * @VT_NET_ERROR_NOT_PUBLIC: 403: the object or image is not public
 * @VT_NET_ERROR_AUTH_REQUIRED: 401: the server wants a login
 * @VT_NET_ERROR_NOT_FOUND: 404 or 410
 * @VT_NET_ERROR_SERVER: a 5xx answer, after retries
 * @VT_NET_ERROR_TIMEOUT: the server did not answer in time
 * @VT_NET_ERROR_OFFLINE: no route to the server (DNS, refused, no network)
 * @VT_NET_ERROR_TLS: a certificate problem; never bypassed
 * @VT_NET_ERROR_TOO_LARGE: the body is over the cap for its kind
 * @VT_NET_ERROR_BAD_RESPONSE: not JSON where JSON was asked for, not an image where an image was
 * @VT_NET_ERROR_BAD_REQUEST: any other 4xx
 * @VT_NET_ERROR_UNSUPPORTED_URI: a scheme or redirect we refuse to follow
 *
 * Errors of the network layer, one per state the window shows.
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
} VtNetError;

GQuark vt_net_error_quark (void);

G_END_DECLS
