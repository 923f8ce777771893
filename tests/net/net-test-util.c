/* net-test-util.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "net-test-util"

#include "config.h"

#undef G_DISABLE_ASSERT

#include <string.h>

#include "net-test-util.h"

/* Only a guard against a hang: no assertion depends on it. */
#define SAFETY_TIMEOUT_S 30

/* Valgrind runs everything some twenty times slower, and the pipeline
 * runs it on a loaded machine: a TLS handshake alone has taken over 20 s. */
static guint
safety_timeout_s (void)
{
  return g_getenv ("VITRINE_UNDER_VALGRIND") != NULL ? 5 * SAFETY_TIMEOUT_S : SAFETY_TIMEOUT_S;
}

void
fetch_result_clear (FetchResult *result)
{
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_clear_pointer (&result->content_type, g_free);
  g_clear_pointer (&result->final_uri, g_free);
  g_clear_error (&result->error);
  result->done = FALSE;
}

void
fetch_cb (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  FetchResult *result = user_data;

  g_assert_false (result->done);
  result->bytes = vt_client_fetch_finish (VT_CLIENT (object), res,
                                          &result->content_type, &result->final_uri,
                                          &result->error);
  g_assert_true ((result->bytes == NULL) != (result->error == NULL));
  result->done = TRUE;
  if (result->n_done != NULL)
    (*result->n_done)++;
}

void
service_result_clear (ServiceResult *result)
{
  g_clear_pointer (&result->service, vt_image_service_unref);
  g_clear_pointer (&result->pyramid, vt_tile_pyramid_unref);
  g_clear_error (&result->error);
  result->done = FALSE;
  result->n_calls = 0;
}

void
service_result_cb (GObject      *object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  ServiceResult *result = user_data;

  result->service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), res, &result->pyramid,
                                                  &result->error);
  g_assert_true ((result->service == NULL) != (result->error == NULL));
  g_assert_true ((result->service == NULL) == (result->pyramid == NULL));
  result->done = TRUE;
  result->n_calls++;
  if (result->n_done != NULL)
    (*result->n_done)++;
}

SoupServer *
server_new_local (SoupServerCallback   callback,
                  gpointer             user_data,
                  char               **out_base)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *base;

  soup_server_add_handler (server, NULL, callback, user_data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  *out_base = base;
  return server;
}

void
server_respond (SoupServerMessage *msg,
                guint              status,
                const char        *content_type,
                const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

guint
hit_count (GHashTable *hits,
           const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (hits, path));
}

void
hit_count_add (GHashTable *hits,
               const char *path)
{
  g_hash_table_insert (hits, g_strdup (path), GUINT_TO_POINTER (hit_count (hits, path) + 1));
}

static gboolean
safety_timeout_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

void
run_until_true (const gboolean *flag)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (safety_timeout_s (), safety_timeout_cb, &expired);

  while (!*flag && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (expired)
    g_error ("gave up waiting after %u s", safety_timeout_s ());

  g_source_remove (id);
}

void
run_until_count (const guint *count,
                 guint        target)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (safety_timeout_s (), safety_timeout_cb, &expired);

  while (*count < target && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (expired)
    g_error ("gave up waiting after %u s (%u of %u)", safety_timeout_s (), *count, target);

  g_source_remove (id);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
run_until_count_polled (guint    (*count) (gpointer data),
                        gpointer   data,
                        guint      target)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (safety_timeout_s (), safety_timeout_cb, &expired);
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (count (data) < target && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (expired)
    g_error ("gave up waiting after %u s (%u of %u)", safety_timeout_s (), count (data), target);

  g_source_remove (wake);
  g_source_remove (id);
}

void
fetch_sync (VtClient     *client,
            const char   *uri,
            VtFetchKind   kind,
            VtFetchFlags  flags,
            FetchResult  *result)
{
  fetch_result_clear (result);
  vt_client_fetch_async (client, uri, kind, flags, VT_FETCH_PRIORITY_DEFAULT, NULL,
                         fetch_cb, result);
  run_until_true (&result->done);
}

gboolean
bytes_are_jpeg (GBytes *bytes)
{
  gsize len;
  const guint8 *d = g_bytes_get_data (bytes, &len);

  return len > 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;
}

static gsize
status_field_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, field);
  if (line == NULL)
    return 0;

  return (gsize) g_ascii_strtoull (line + strlen (field), NULL, 10);
}

gsize
peak_rss_kib (void)
{
  return status_field_kib ("VmHWM:");
}

gsize
current_rss_kib (void)
{
  return status_field_kib ("VmRSS:");
}
