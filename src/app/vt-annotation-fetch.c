/* vt-annotation-fetch.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-fetch"

#include "config.h"

#include "vt-annotation-fetch.h"

/* A page of annotations a manifest only refers to: fetched through the
 * session's client at a low priority, and read off the main thread into a
 * page of its own (the document is never changed). */

static void
parse_page_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *uri = g_object_get_data (G_OBJECT (task), "vt-page-uri");
  GBytes *bytes = task_data;
  GError *error = NULL;
  VtAnnotationPage *page = vt_annotation_page_new_from_bytes (bytes, uri, &error);

  if (page == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, page, (GDestroyNotify) vt_annotation_page_unref);
}

static void
page_fetched_cb (GObject      *object,
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
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, parse_page_thread);
}

/**
 * vt_annotation_fetch_page_async:
 * @uri: the page's id
 *
 * Fetches and reads the annotation page at @uri. The task has no source
 * object: @callback checks @cancellable, which its caller cancels before
 * it goes.
 */
void
vt_annotation_fetch_page_async (VtClient            *client,
                                const char          *uri,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VT_IS_CLIENT (client));
  g_return_if_fail (uri != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_annotation_fetch_page_async);
  g_object_set_data_full (G_OBJECT (task), "vt-page-uri", g_strdup (uri), g_free);
  vt_client_fetch_async (client, uri, VT_FETCH_KIND_MANIFEST, VT_FETCH_FLAGS_NONE, G_PRIORITY_LOW,
                         cancellable, page_fetched_cb, g_steal_pointer (&task));
}

/**
 * vt_annotation_fetch_page_finish:
 *
 * Returns: (transfer full) (nullable): the page read, or %NULL with @error
 */
VtAnnotationPage *
vt_annotation_fetch_page_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
