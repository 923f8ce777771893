/* vt-net-error.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-net-error"

#include "config.h"

#include <string.h>

#include "vt-net-error.h"

/* Errors of this domain carry what the window and vitrine-inspect need
 * besides the sentence: the HTTP status, the address and the server's own
 * words (Ghent's 403 explains itself in a JSON "message"). An extended
 * error domain keeps them attached through GTask and g_error_copy(). */
typedef struct
{
  guint  http_status;
  char  *uri;
  char  *server_message;
} VtNetErrorPrivate;

static void
vt_net_error_private_init (VtNetErrorPrivate *priv)
{
  priv->http_status = 0;
  priv->uri = NULL;
  priv->server_message = NULL;
}

static void
vt_net_error_private_copy (const VtNetErrorPrivate *src,
                           VtNetErrorPrivate       *dest)
{
  dest->http_status = src->http_status;
  dest->uri = g_strdup (src->uri);
  dest->server_message = g_strdup (src->server_message);
}

static void
vt_net_error_private_clear (VtNetErrorPrivate *priv)
{
  g_clear_pointer (&priv->uri, g_free);
  g_clear_pointer (&priv->server_message, g_free);
}

G_DEFINE_EXTENDED_ERROR (VtNetError, vt_net_error)

/* Stable names, used by vitrine-inspect as its first word on stderr and
 * by scripts that read it: never change one, only add. */
static const char * const nicks[VT_NET_N_ERRORS] = {
  [VT_NET_ERROR_NOT_PUBLIC] = "not-public",
  [VT_NET_ERROR_AUTH_REQUIRED] = "auth-required",
  [VT_NET_ERROR_NOT_FOUND] = "not-found",
  [VT_NET_ERROR_SERVER] = "server-error",
  [VT_NET_ERROR_TIMEOUT] = "timeout",
  [VT_NET_ERROR_OFFLINE] = "offline",
  [VT_NET_ERROR_TLS] = "tls",
  [VT_NET_ERROR_TOO_LARGE] = "too-large",
  [VT_NET_ERROR_BAD_RESPONSE] = "bad-response",
  [VT_NET_ERROR_BAD_REQUEST] = "bad-request",
  [VT_NET_ERROR_UNSUPPORTED_URI] = "unsupported-uri",
  [VT_NET_ERROR_CONNECTION_LOST] = "connection-lost",
};

/**
 * vt_net_error_to_nick:
 * @code: a #VtNetError
 *
 * Returns: (transfer none): a short stable name such as `not-public`
 */
const char *
vt_net_error_to_nick (VtNetError code)
{
  if ((guint) code >= VT_NET_N_ERRORS)
    return "unknown";

  return nicks[code];
}

/**
 * vt_net_error_from_nick:
 * @nick: a name returned by vt_net_error_to_nick()
 * @code: (out): the code
 *
 * Returns: %TRUE if @nick names a code
 */
gboolean
vt_net_error_from_nick (const char *nick,
                        VtNetError *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < VT_NET_N_ERRORS; i++)
    {
      if (g_strcmp0 (nicks[i], nick) == 0)
        {
          *code = (VtNetError) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * vt_net_error_get_server_message:
 * @error: an error
 *
 * The explanation the server sent with an error answer, cleaned of
 * control characters and shortened, e.g. Ghent's "You don't have
 * permission to access this resource". HTML error pages are not kept.
 *
 * Returns: (nullable) (transfer none): the message, or %NULL if @error is
 *   not a #VT_NET_ERROR or the server sent none
 */
const char *
vt_net_error_get_server_message (const GError *error)
{
  if (error == NULL || error->domain != VT_NET_ERROR)
    return NULL;

  return vt_net_error_get_private (error)->server_message;
}

/**
 * vt_net_error_get_http_status:
 * @error: an error
 *
 * Returns: the HTTP status of the answer that caused @error, or 0 when
 *   there was no answer (or @error is not a #VT_NET_ERROR)
 */
guint
vt_net_error_get_http_status (const GError *error)
{
  if (error == NULL || error->domain != VT_NET_ERROR)
    return 0;

  return vt_net_error_get_private (error)->http_status;
}

/**
 * vt_net_error_get_uri:
 * @error: an error
 *
 * Returns: (nullable) (transfer none): the address that failed
 */
const char *
vt_net_error_get_uri (const GError *error)
{
  if (error == NULL || error->domain != VT_NET_ERROR)
    return NULL;

  return vt_net_error_get_private (error)->uri;
}

/**
 * vt_net_error_new_full:
 * @code: the code
 * @http_status: the HTTP status, or 0
 * @uri: (nullable): the address
 * @server_message: (nullable): what the server said, already cleaned
 * @format: printf-style message for the user
 *
 * Returns: (transfer full): a new #VT_NET_ERROR error
 */
GError *
vt_net_error_new_full (VtNetError  code,
                       guint       http_status,
                       const char *uri,
                       const char *server_message,
                       const char *format,
                       ...)
{
  VtNetErrorPrivate *priv;
  GError *error;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (VT_NET_ERROR, code, format, args);
  va_end (args);

  priv = vt_net_error_get_private (error);
  priv->http_status = http_status;
  priv->uri = g_strdup (uri);
  priv->server_message = g_strdup (server_message);

  return error;
}
