/* vt-annotation-fetch.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-fetch"

#include "config.h"

#include "net/vt-parsed-fetch.h"

#include "vt-annotation-fetch.h"

/* A page of annotations a manifest only refers to: fetched through the
 * session's client and read off the main thread into a page of its own
 * (the document, shared with other threads, is never changed). The
 * annotation panel and the media view's sections both read them so. */

static gpointer
parse_page (GBytes      *bytes,
            const char  *uri,
            GError     **error)
{
  return vt_annotation_page_new_from_bytes (bytes, uri, error);
}

/**
 * vt_annotation_fetch_page_async:
 * @uri: the page's id
 * @priority: the request's priority (lower is sooner)
 *
 * Fetches and reads the annotation page at @uri. The task has no source
 * object: @callback checks @cancellable, which its caller cancels before
 * it goes.
 */
void
vt_annotation_fetch_page_async (VtClient            *client,
                                const char          *uri,
                                int                  priority,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  vt_parsed_fetch_async (client, uri, VT_FETCH_KIND_MANIFEST, priority, parse_page,
                         (GDestroyNotify) vt_annotation_page_unref, cancellable, callback, user_data);
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
  return vt_parsed_fetch_finish (result, error);
}
