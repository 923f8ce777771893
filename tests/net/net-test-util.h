/* net-test-util.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "net/vt-client.h"

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

/* Peak resident memory of this process so far (VmHWM), in KiB. */
gsize         peak_rss_kib        (void);
/* Current resident memory (VmRSS), in KiB. */
gsize         current_rss_kib     (void);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FetchResult, fetch_result_clear)

G_END_DECLS
