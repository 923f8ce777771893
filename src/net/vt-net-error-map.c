/* vt-net-error-map.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-net-error-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "vt-net-error-private.h"

/* Longest server message kept: enough for Ghent's sentences and for a
 * Flask "did you mean" tail, short enough for an error page. */
#define MAX_SERVER_MESSAGE_CHARS 400

/* Only this much of an error body is looked at. */
#define MAX_ERROR_BODY_SCAN (64 * 1024)

static char *
host_of (const char *uri)
{
  g_autoptr(GUri) guri = NULL;

  if (uri == NULL)
    return g_strdup ("?");

  guri = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  if (guri == NULL || g_uri_get_host (guri) == NULL)
    return g_strdup (uri);

  return g_strdup (g_uri_get_host (guri));
}

gboolean
_vt_net_error_is_retryable (const GError *error)
{
  if (error == NULL || error->domain != G_IO_ERROR)
    return FALSE;

  switch (error->code)
    {
    case G_IO_ERROR_CONNECTION_CLOSED:
    case G_IO_ERROR_PARTIAL_INPUT:
      return TRUE;
    /* Not G_IO_ERROR_CONNECTION_REFUSED: nothing listens there, and
     * saying "offline" at once (then trying the disk cache) beats seconds
     * of retries. A server that is restarting answers 503. */
    default:
      return FALSE;
    }
}

/* 502, 503 and 504 are a gateway that lost its server, or a server that
 * is busy or restarting: the next attempt may well find it in better
 * shape (Ghent's gateway answers 504 when the manifest generator is slow,
 * and the generator is faster once warm). 429 asks to come back later.
 * 500 is not retried: it is the server failing on this very request, as
 * Ghent's generator does with "Something went wrong while generating the
 * manifest" for some objects, the same every time; retrying would only
 * hold the user longer before the same message. */
gboolean
_vt_net_status_is_retryable (guint status)
{
  return status == SOUP_STATUS_BAD_GATEWAY ||
         status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
         status == SOUP_STATUS_GATEWAY_TIMEOUT ||
         status == 429;
}

GError *
_vt_net_error_from_transport (const GError *error,
                              const char   *uri)
{
  g_autofree char *host = host_of (uri);

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == G_RESOLVER_ERROR)
    return vt_net_error_new_full (VT_NET_ERROR_OFFLINE, 0, uri, NULL,
                                  _("Could not find the server “%s”. Check the network connection."),
                                  host);

  if (error->domain == G_TLS_ERROR)
    return vt_net_error_new_full (VT_NET_ERROR_TLS, 0, uri, NULL,
                                  _("The secure connection to “%s” could not be trusted: %s"),
                                  host, error->message);

  if (error->domain == SOUP_SESSION_ERROR)
    {
      switch (error->code)
        {
        case SOUP_SESSION_ERROR_REDIRECT_BAD_URI:
          return vt_net_error_new_full (VT_NET_ERROR_UNSUPPORTED_URI, 0, uri, NULL,
                                        _("The server “%s” redirected to an address that is not allowed."),
                                        host);
        case SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS:
        case SOUP_SESSION_ERROR_TOO_MANY_RESTARTS:
          return vt_net_error_new_full (VT_NET_ERROR_BAD_RESPONSE, 0, uri, NULL,
                                        _("The server “%s” redirected too many times."),
                                        host);
        default:
          return vt_net_error_new_full (VT_NET_ERROR_BAD_RESPONSE, 0, uri, NULL,
                                        _("The server “%s” sent a malformed answer: %s"),
                                        host, error->message);
        }
    }

  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_TIMED_OUT:
          return vt_net_error_new_full (VT_NET_ERROR_TIMEOUT, 0, uri, NULL,
                                        _("The server “%s” did not answer in time."),
                                        host);
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_HOST_UNREACHABLE:
        case G_IO_ERROR_NETWORK_UNREACHABLE:
        case G_IO_ERROR_HOST_NOT_FOUND:
        case G_IO_ERROR_NOT_CONNECTED:
        case G_IO_ERROR_PROXY_FAILED:
        case G_IO_ERROR_PROXY_NOT_ALLOWED:
        case G_IO_ERROR_PROXY_AUTH_FAILED:
        case G_IO_ERROR_PROXY_NEED_AUTH:
          return vt_net_error_new_full (VT_NET_ERROR_OFFLINE, 0, uri, NULL,
                                        _("Could not connect to “%s”. Check the network connection."),
                                        host);
        default:
          break;
        }
    }

  return vt_net_error_new_full (VT_NET_ERROR_CONNECTION_LOST, 0, uri, NULL,
                                _("The connection to “%s” broke off: %s"),
                                host, error->message);
}

static gboolean
looks_like_html (const char   *content_type,
                 const guint8 *body,
                 gsize         len)
{
  gsize i = 0;

  if (content_type != NULL &&
      (g_ascii_strncasecmp (content_type, "text/html", 9) == 0 ||
       g_ascii_strncasecmp (content_type, "application/xhtml", 17) == 0))
    return TRUE;

  while (i < len && g_ascii_isspace (body[i]))
    i++;

  return i < len && body[i] == '<';
}

/* One line of readable text: valid UTF-8, no control characters, runs of
 * white space folded, shortened at a character boundary. */
static char *
clean_message (const char *text,
               gssize      len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0' && n_chars < MAX_SERVER_MESSAGE_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = out->len > 0;
          continue;
        }
      if (g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;

      if (space)
        {
          g_string_append_c (out, ' ');
          n_chars++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      n_chars++;
    }

  if (n_chars >= MAX_SERVER_MESSAGE_CHARS)
    g_string_append (out, "…");

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

/**
 * _vt_net_error_extract_message:
 *
 * Error bodies come as JSON (Ghent, Flask: `{"message": …}`), plain text
 * (Cantaloupe, IIPImage) or HTML (proxies, web servers). JSON and text
 * give a message; HTML is not shown, since it is markup meant for a
 * browser and we never render what a server sends.
 */
char *
_vt_net_error_extract_message (const char   *content_type,
                               const guint8 *body,
                               gsize         len)
{
  gsize start = 0;

  if (body == NULL || len == 0)
    return NULL;

  len = MIN (len, MAX_ERROR_BODY_SCAN);

  if (looks_like_html (content_type, body, len))
    return NULL;

  while (start < len && g_ascii_isspace (body[start]))
    start++;

  if (start < len && (body[start] == '{' || body[start] == '"'))
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      JsonNode *root;

      if (json_parser_load_from_data (parser, (const char *) body, len, NULL) &&
          (root = json_parser_get_root (parser)) != NULL)
        {
          const char *text = NULL;

          if (JSON_NODE_HOLDS_OBJECT (root))
            {
              JsonObject *object = json_node_get_object (root);
              JsonNode *nested;

              text = string_member (object, "message");
              if (text == NULL)
                text = string_member (object, "detail");
              if (text == NULL)
                text = string_member (object, "error_description");
              if (text == NULL)
                text = string_member (object, "error");
              if (text == NULL &&
                  (nested = json_object_get_member (object, "error")) != NULL &&
                  JSON_NODE_HOLDS_OBJECT (nested))
                text = string_member (json_node_get_object (nested), "message");
            }
          else if (JSON_NODE_HOLDS_VALUE (root) &&
                   json_node_get_value_type (root) == G_TYPE_STRING)
            text = json_node_get_string (root);

          return text != NULL ? clean_message (text, -1) : NULL;
        }
      /* Not JSON after all: read it as text. */
    }

  if (content_type != NULL &&
      g_ascii_strncasecmp (content_type, "text/", 5) != 0 &&
      strstr (content_type, "json") == NULL)
    return NULL;

  return clean_message ((const char *) body, len);
}

GError *
_vt_net_error_from_status (guint         status,
                           const char   *uri,
                           const char   *content_type,
                           const guint8 *body,
                           gsize         body_len)
{
  g_autofree char *message = _vt_net_error_extract_message (content_type, body, body_len);
  g_autofree char *host = host_of (uri);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return vt_net_error_new_full (VT_NET_ERROR_AUTH_REQUIRED, status, uri, message,
                                    _("The server “%s” asks for a login to show this."),
                                    host);
    case SOUP_STATUS_FORBIDDEN:
      return vt_net_error_new_full (VT_NET_ERROR_NOT_PUBLIC, status, uri, message,
                                    _("This is not public: the server “%s” refused access."),
                                    host);
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      return vt_net_error_new_full (VT_NET_ERROR_NOT_FOUND, status, uri, message,
                                    _("Nothing was found at this address on “%s”."),
                                    host);
    case SOUP_STATUS_REQUEST_TIMEOUT:
      return vt_net_error_new_full (VT_NET_ERROR_TIMEOUT, status, uri, message,
                                    _("The server “%s” did not answer in time."),
                                    host);
    case 429:
      return vt_net_error_new_full (VT_NET_ERROR_SERVER, status, uri, message,
                                    _("The server “%s” is busy (too many requests). Try again later."),
                                    host);
    default:
      break;
    }

  if (status >= 500 && status <= 599)
    return vt_net_error_new_full (VT_NET_ERROR_SERVER, status, uri, message,
                                  _("The server “%s” had a problem (HTTP %u). Try again later."),
                                  host, status);

  if (status >= 400 && status <= 499)
    return vt_net_error_new_full (VT_NET_ERROR_BAD_REQUEST, status, uri, message,
                                  _("The server “%s” refused the request (HTTP %u)."),
                                  host, status);

  return vt_net_error_new_full (VT_NET_ERROR_BAD_RESPONSE, status, uri, message,
                                _("The server “%s” gave an unexpected answer (HTTP %u)."),
                                host, status);
}
