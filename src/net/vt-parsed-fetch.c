/* vt-parsed-fetch.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vt-parsed-fetch.h"

/* A document fetched through the client and read off the main thread:
 * annotation pages a canvas only refers to, caption files. The window's
 * parts hand in how to read it; fetching, the thread and cancelling are
 * here once. */

typedef struct
{
  char             *uri;
  GBytes           *bytes;
  VtParseBytesFunc  parse;
  GDestroyNotify    free_result;
} ParsedFetch;

static void
parsed_fetch_free (gpointer data)
{
  ParsedFetch *fetch = data;

  g_free (fetch->uri);
  g_clear_pointer (&fetch->bytes, g_bytes_unref);
  g_free (fetch);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ParsedFetch *fetch = task_data;
  GError *error = NULL;
  gpointer result = fetch->parse (fetch->bytes, fetch->uri, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, fetch->free_result);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);

  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  ((ParsedFetch *) g_task_get_task_data (task))->bytes = g_steal_pointer (&bytes);
  g_task_run_in_thread (task, parse_in_thread);
}

/**
 * vt_parsed_fetch_async:
 * @kind: what is fetched (its size cap and timeouts)
 * @parse: reads the body, in a worker thread
 * @free_result: frees what @parse returns
 *
 * Fetches @uri through @client and reads it with @parse off the main
 * thread. The task has no source object: @callback checks @cancellable,
 * which its caller cancels before it goes.
 */
void
vt_parsed_fetch_async (VtClient            *client,
                       const char          *uri,
                       VtFetchKind          kind,
                       int                  priority,
                       VtParseBytesFunc     parse,
                       GDestroyNotify       free_result,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ParsedFetch *fetch;

  g_return_if_fail (VT_IS_CLIENT (client));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (parse != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_parsed_fetch_async);
  fetch = g_new0 (ParsedFetch, 1);
  fetch->uri = g_strdup (uri);
  fetch->parse = parse;
  fetch->free_result = free_result;
  g_task_set_task_data (task, fetch, parsed_fetch_free);
  vt_client_fetch_async (client, uri, kind, VT_FETCH_FLAGS_NONE, priority,
                         cancellable, fetched_cb, g_steal_pointer (&task));
}

/**
 * vt_parsed_fetch_finish:
 *
 * Returns: (transfer full) (nullable): what the parse function returned,
 *   or %NULL with @error
 */
gpointer
vt_parsed_fetch_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_parsed_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
