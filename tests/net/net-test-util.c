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
  guint id = g_timeout_add_seconds (SAFETY_TIMEOUT_S, safety_timeout_cb, &expired);

  while (!*flag && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (expired)
    g_error ("gave up waiting after %d s", SAFETY_TIMEOUT_S);

  g_source_remove (id);
}

void
run_until_count (const guint *count,
                 guint        target)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (SAFETY_TIMEOUT_S, safety_timeout_cb, &expired);

  while (*count < target && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (expired)
    g_error ("gave up waiting after %d s (%u of %u)", SAFETY_TIMEOUT_S, *count, target);

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
  guint id = g_timeout_add_seconds (SAFETY_TIMEOUT_S, safety_timeout_cb, &expired);
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (count (data) < target && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (expired)
    g_error ("gave up waiting after %d s (%u of %u)", SAFETY_TIMEOUT_S, count (data), target);

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
