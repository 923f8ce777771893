/* test-net-robustness.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Property tests over generated input, with GTest's seeded random
 * numbers (rerun a failure with --seed): whatever a person pastes and
 * whatever a server sends as an error body, the parsers answer with a
 * result that keeps their promises, or with an error, and never crash. */

#define G_LOG_DOMAIN "test-net-robustness"

#include "config.h"

#undef G_DISABLE_ASSERT

#include <string.h>

#include "net/vt-ghent-catalogue.h"
#include "net/vt-iiif-link.h"
#include "net/vt-net-error-private.h"

#define N_ROUNDS 20000

static const char * const fragments[] = {
  "dmg", "hva", "stam", "industriemuseum", "archiefgent", "DMG", "msk", ":", "/", "%", "%2F", "%3A",
  "%24", "%zz", "http://", "https://", "data.collectie.gent", "/entity/", "api.collectie.gent",
  "/iiif/presentation/v2/manifest/", "127.0.0.1:8080", " ", "\t", "\n", "\r", "\xC2\xA0",
  "\xE2\x80\x8B", "\xEF\xBB\xBF", "\xC3\xA9", "$", ".", "_", "-", "1987", "1049", "A2005.02",
  "?", "#", "&", "=", "\\", "\xFF", "\xC3", "{", "}", "[", "]", "\"", ",", "iiif-content=",
  "manifest=", "canvas=", "image=", "id", "type", "Manifest", "Canvas", "partOf", "target",
  "contentState", "JTdC", "eyJ", "-_", "==", "\x01", "message", "<html>", "</html>",
};

static char *
random_text (void)
{
  GString *s = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 12);

  for (guint i = 0; i < n; i++)
    g_string_append (s, fragments[g_test_rand_int_range (0, G_N_ELEMENTS (fragments))]);

  return g_string_free (s, FALSE);
}

static void
test_ghent_input (void)
{
  guint n_ok = 0;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *text = random_text ();
      g_autofree char *org = NULL;
      g_autofree char *number = NULL;
      g_autoptr(GError) error = NULL;
      const char *chosen = g_test_rand_bit () ? "stam" : NULL;

      if (!vt_ghent_parse_input (text, chosen, &org, &number, &error))
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == VT_GHENT_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_null (org);
          g_assert_null (number);
          continue;
        }

      n_ok++;
      g_assert_no_error (error);
      g_assert_nonnull (vt_ghent_lookup_organisation (org));
      g_assert_cmpstr (number, !=, "");
      g_assert_true (g_utf8_validate (number, -1, NULL));
      g_assert_null (strchr (number, '/'));
      g_assert_null (strchr (number, '\\'));

      /* The URLs built from it are valid and read back to the same. */
      {
        g_autofree char *manifest = vt_ghent_build_manifest_url ("https://api.collectie.gent", org, number);
        g_autofree char *page = vt_ghent_build_web_page_url (org, number);
        g_autoptr(GUri) uri = g_uri_parse (manifest, G_URI_FLAGS_ENCODED, NULL);
        g_autofree char *org2 = NULL;
        g_autofree char *number2 = NULL;

        g_assert_nonnull (uri);
        g_assert_true (vt_ghent_parse_input (manifest, NULL, &org2, &number2, NULL));
        g_assert_cmpstr (org2, ==, org);
        /* Leading/trailing white space is trimmed on the way back. */
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (number));

          g_assert_cmpstr (number2, ==, trimmed);
        }
        g_clear_pointer (&org2, g_free);
        g_clear_pointer (&number2, g_free);
        g_assert_true (vt_ghent_parse_input (page, NULL, &org2, &number2, NULL));
        g_assert_cmpstr (org2, ==, org);
      }
    }

  g_test_message ("%u of %u generated inputs were object references", n_ok, N_ROUNDS);
  g_assert_cmpuint (n_ok, >, 0);
}

static gboolean
is_http (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);

  return parsed != NULL &&
         (g_str_equal (g_uri_get_scheme (parsed), "http") || g_str_equal (g_uri_get_scheme (parsed), "https"));
}

static void
test_iiif_links (void)
{
  guint n_ok = 0;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *text = random_text ();
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifLink) link = vt_iiif_link_parse (text, &error);

      if (link == NULL)
        {
          g_assert_nonnull (error);
          continue;
        }

      n_ok++;
      g_assert_no_error (error);
      g_assert_true (link->manifest_uri != NULL || link->image_uri != NULL);
      if (link->manifest_uri != NULL)
        g_assert_true (is_http (link->manifest_uri));
      if (link->image_uri != NULL)
        g_assert_true (is_http (link->image_uri));
    }

  g_test_message ("%u of %u generated inputs were links", n_ok, N_ROUNDS);
}

static void
test_error_bodies (void)
{
  const char *types[] = { NULL, "application/json", "text/plain", "text/html", "application/octet-stream" };

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *body = random_text ();
      const char *type = types[g_test_rand_int_range (0, G_N_ELEMENTS (types))];
      g_autofree char *message = _vt_net_error_extract_message (type, (const guint8 *) body, strlen (body));
      guint status = g_test_rand_int_range (100, 600);
      g_autoptr(GError) error = _vt_net_error_from_status (status, "http://x/y", type,
                                                           (const guint8 *) body, strlen (body));

      if (message != NULL)
        {
          g_assert_true (g_utf8_validate (message, -1, NULL));
          g_assert_cmpuint (g_utf8_strlen (message, -1), <=, 401);
          for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
            g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
          g_assert_false (g_ascii_isspace (message[0]));
        }

      g_assert_true (error->domain == VT_NET_ERROR);
      g_assert_cmpstr (vt_net_error_to_nick (error->code), !=, "unknown");
      g_assert_cmpuint (vt_net_error_get_http_status (error), ==, status);
      g_assert_cmpstr (vt_net_error_get_server_message (error), ==, message);
    }
}

/* The status table, once, by hand. */
static void
test_status_table (void)
{
  const struct { guint status; VtNetError code; } table[] = {
    { 401, VT_NET_ERROR_AUTH_REQUIRED }, { 403, VT_NET_ERROR_NOT_PUBLIC },
    { 404, VT_NET_ERROR_NOT_FOUND }, { 410, VT_NET_ERROR_NOT_FOUND },
    { 408, VT_NET_ERROR_TIMEOUT }, { 429, VT_NET_ERROR_SERVER },
    { 400, VT_NET_ERROR_BAD_REQUEST }, { 405, VT_NET_ERROR_BAD_REQUEST }, { 451, VT_NET_ERROR_BAD_REQUEST },
    { 500, VT_NET_ERROR_SERVER }, { 502, VT_NET_ERROR_SERVER }, { 503, VT_NET_ERROR_SERVER },
    { 504, VT_NET_ERROR_SERVER }, { 599, VT_NET_ERROR_SERVER },
    { 204, VT_NET_ERROR_BAD_RESPONSE }, { 304, VT_NET_ERROR_BAD_RESPONSE }, { 301, VT_NET_ERROR_BAD_RESPONSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GError) error = _vt_net_error_from_status (table[i].status, "http://x/", NULL, NULL, 0);

      g_assert_error (error, VT_NET_ERROR, table[i].code);
    }

  g_assert_true (_vt_net_status_is_retryable (502));
  g_assert_true (_vt_net_status_is_retryable (503));
  g_assert_true (_vt_net_status_is_retryable (504));
  g_assert_true (_vt_net_status_is_retryable (429));
  g_assert_false (_vt_net_status_is_retryable (500));
  g_assert_false (_vt_net_status_is_retryable (404));
  g_assert_false (_vt_net_status_is_retryable (403));
}

static void
test_transport_table (void)
{
  const struct { GQuark domain; int code; VtNetError expected; gboolean retry; } table[] = {
    { 0, G_RESOLVER_ERROR_NOT_FOUND, VT_NET_ERROR_OFFLINE, FALSE },
    { 1, G_IO_ERROR_CONNECTION_REFUSED, VT_NET_ERROR_OFFLINE, FALSE },
    { 1, G_IO_ERROR_NETWORK_UNREACHABLE, VT_NET_ERROR_OFFLINE, FALSE },
    { 1, G_IO_ERROR_HOST_UNREACHABLE, VT_NET_ERROR_OFFLINE, FALSE },
    { 1, G_IO_ERROR_TIMED_OUT, VT_NET_ERROR_TIMEOUT, FALSE },
    { 1, G_IO_ERROR_CONNECTION_CLOSED, VT_NET_ERROR_CONNECTION_LOST, TRUE },
    { 1, G_IO_ERROR_PARTIAL_INPUT, VT_NET_ERROR_CONNECTION_LOST, TRUE },
    { 2, G_TLS_ERROR_BAD_CERTIFICATE, VT_NET_ERROR_TLS, FALSE },
    { 2, G_TLS_ERROR_CERTIFICATE_REQUIRED, VT_NET_ERROR_TLS, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      GQuark domain = table[i].domain == 0 ? G_RESOLVER_ERROR : table[i].domain == 1 ? G_IO_ERROR : G_TLS_ERROR;
      g_autoptr(GError) cause = g_error_new_literal (domain, table[i].code, "cause");
      g_autoptr(GError) error = _vt_net_error_from_transport (cause, "https://example.org/m");

      g_assert_error (error, VT_NET_ERROR, table[i].expected);
      g_assert_cmpint (_vt_net_error_is_retryable (cause), ==, table[i].retry);
      g_assert_cmpstr (vt_net_error_get_uri (error), ==, "https://example.org/m");
      /* The message names the server, not the whole address. */
      g_assert_nonnull (strstr (error->message, "example.org"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/robustness/ghent-input", test_ghent_input);
  g_test_add_func ("/net/robustness/iiif-links", test_iiif_links);
  g_test_add_func ("/net/robustness/error-bodies", test_error_bodies);
  g_test_add_func ("/net/robustness/status-table", test_status_table);
  g_test_add_func ("/net/robustness/transport-table", test_transport_table);

  return g_test_run ();
}
