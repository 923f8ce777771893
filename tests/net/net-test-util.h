/* net-test-util.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "net/vt-client.h"
#include "net/vt-service-cache.h"

G_BEGIN_DECLS

/* What a finished vt_client_fetch_async() handed back. */
typedef struct
{
  gboolean  done;
  GBytes   *bytes;
  char     *content_type;
  char     *final_uri;
  GError   *error;
  guint     index;
  guint    *n_done;   /* shared counter, optional */
} FetchResult;

void          fetch_result_clear  (FetchResult *result);
void          fetch_cb            (GObject      *object,
                                   GAsyncResult *res,
                                   gpointer      user_data);

/* What a finished vt_service_cache_load_async() handed back. */
typedef struct
{
  gboolean        done;
  guint           n_calls;
  VtImageService *service;
  VtTilePyramid  *pyramid;
  GError         *error;
  guint          *n_done;   /* shared counter, optional */
} ServiceResult;

void          service_result_clear (ServiceResult *result);
void          service_result_cb   (GObject      *object,
                                   GAsyncResult *res,
                                   gpointer      user_data);

/* In-process servers: one on 127.0.0.1 with its base URL (no trailing
 * slash: tests append absolute paths), an answer with a body, and a count
 * of requests by path (a table of path → count). */
SoupServer   *server_new_local    (SoupServerCallback callback,
                                   gpointer           user_data,
                                   char             **out_base);
void          server_respond      (SoupServerMessage *msg,
                                   guint              status,
                                   const char        *content_type,
                                   const char        *body);
guint         hit_count           (GHashTable        *hits,
                                   const char        *path);
void          hit_count_add       (GHashTable        *hits,
                                   const char        *path);

/* Runs the default main context until *flag is TRUE; aborts the test
 * (rather than hanging) if that takes more than a generous 30 s. */
void          run_until_true      (const gboolean *flag);
void          run_until_count     (const guint    *count,
                                   guint           target);

/* Same, for a count that nothing signals: polled every 10 ms. */
void          run_until_count_polled (guint        (*count) (gpointer data),
                                      gpointer       data,
                                      guint          target);

/* Fetches and waits. */
void          fetch_sync          (VtClient     *client,
                                   const char   *uri,
                                   VtFetchKind   kind,
                                   VtFetchFlags  flags,
                                   FetchResult  *result);

/* Whether @bytes start as a JPEG does. */
gboolean      bytes_are_jpeg      (GBytes       *bytes);

/* Peak resident memory of this process so far (VmHWM), in KiB. */
gsize         peak_rss_kib        (void);
/* Current resident memory (VmRSS), in KiB. */
gsize         current_rss_kib     (void);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FetchResult, fetch_result_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ServiceResult, service_result_clear)

G_END_DECLS
