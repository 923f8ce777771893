/* vt-client.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * VtFetchKind:
 * @VT_FETCH_KIND_MANIFEST: a Presentation document (manifest, collection,
 *   content-state annotation): JSON, capped at 64 MiB
 * @VT_FETCH_KIND_INFO: an image service's info.json: JSON, capped at 4 MiB
 * @VT_FETCH_KIND_TILE: an image tile: an image, capped at 32 MiB
 * @VT_FETCH_KIND_THUMBNAIL: a thumbnail or static image: an image, capped
 *   at 64 MiB
 * @VT_FETCH_KIND_CAPTIONS: the captions of a sound or video canvas: a
 *   WebVTT file, capped at 4 MiB
 *
 * What is fetched. The kind picks the Accept header, the body cap, the
 * content check, the freshness kept when the server sends none, and how
 * long the server may think before it answers (documents are often made
 * on request; images are not).
 */
typedef enum
{
  VT_FETCH_KIND_MANIFEST,
  VT_FETCH_KIND_INFO,
  VT_FETCH_KIND_TILE,
  VT_FETCH_KIND_THUMBNAIL,
  VT_FETCH_KIND_CAPTIONS,
} VtFetchKind;

#define VT_N_FETCH_KINDS 5

/**
 * VtFetchFlags:
 * @VT_FETCH_FLAGS_NONE: the default: a fresh disk-cache entry is used
 *   without asking the server
 * @VT_FETCH_FLAGS_RELOAD: ask the server even when the disk cache holds a
 *   fresh answer (a "reload" action); an unchanged answer still comes from
 *   the cache after a 304
 * @VT_FETCH_FLAGS_NO_PRECONNECT: the document is only glanced at (a
 *   thumbnail's manifest in a list): vt_loader_load_document_async() opens
 *   no connections ahead for images that will not follow
 */
typedef enum
{
  VT_FETCH_FLAGS_NONE          = 0,
  VT_FETCH_FLAGS_RELOAD        = 1 << 0,
  VT_FETCH_FLAGS_NO_PRECONNECT = 1 << 1,
} VtFetchFlags;

/* Priorities follow GLib's I/O priority convention: lower runs first. A
 * request waits in its host's queue behind every request with a lower
 * value; equal values are served first come, first served. */
#define VT_FETCH_PRIORITY_VISIBLE   (-100) /* tiles on screen now */
#define VT_FETCH_PRIORITY_DEFAULT   0      /* documents the user asked for */
#define VT_FETCH_PRIORITY_THUMBNAIL 100
#define VT_FETCH_PRIORITY_PREFETCH  200

#define VT_TYPE_CLIENT (vt_client_get_type ())

G_DECLARE_FINAL_TYPE (VtClient, vt_client, VT, CLIENT, GObject)

VtClient    *vt_client_new                     (const char     *cache_dir);
char        *vt_client_dup_default_cache_dir   (void);

const char  *vt_client_get_cache_dir           (VtClient       *self);

guint        vt_client_get_max_conns_per_host  (VtClient       *self);
void         vt_client_set_max_conns_per_host  (VtClient       *self,
                                                guint           max_conns);
guint        vt_client_get_disk_cache_size     (VtClient       *self);
void         vt_client_set_disk_cache_size     (VtClient       *self,
                                                guint           size_mib);
gsize        vt_client_get_body_limit          (VtClient       *self,
                                                VtFetchKind     kind);
void         vt_client_set_body_limit          (VtClient       *self,
                                                VtFetchKind     kind,
                                                gsize           max_bytes);
void         vt_client_set_timeouts            (VtClient       *self,
                                                guint           io_timeout_ms,
                                                guint           request_timeout_ms);
guint        vt_client_get_first_byte_timeout  (VtClient       *self,
                                                VtFetchKind     kind);
void         vt_client_set_first_byte_timeout  (VtClient       *self,
                                                VtFetchKind     kind,
                                                guint           timeout_ms);
void         vt_client_set_min_body_rate       (VtClient       *self,
                                                guint           bytes_per_second,
                                                guint           window_ms);
void         vt_client_set_retry_policy        (VtClient       *self,
                                                guint           max_retries,
                                                guint           base_delay_ms,
                                                guint           max_delay_ms);

void         vt_client_set_tls_database        (VtClient       *self,
                                                GTlsDatabase   *database);

void         vt_client_fetch_async             (VtClient            *self,
                                                const char          *uri,
                                                VtFetchKind          kind,
                                                VtFetchFlags         flags,
                                                int                  priority,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GBytes      *vt_client_fetch_finish            (VtClient            *self,
                                                GAsyncResult        *result,
                                                char               **content_type,
                                                char               **final_uri,
                                                GError             **error);

char        *vt_client_fetch_dup_response_header (VtClient     *self,
                                                  GAsyncResult *result,
                                                  const char   *name);
void         vt_client_preconnect              (VtClient            *self,
                                                const char          *uri,
                                                guint                n_connections);
gboolean     vt_client_reprioritize            (VtClient            *self,
                                                GCancellable        *cancellable,
                                                int                  priority);

void         vt_client_clear_cache             (VtClient       *self);
void         vt_client_save_cache              (VtClient       *self);

guint        vt_client_get_n_active            (VtClient       *self);
guint        vt_client_get_n_queued            (VtClient       *self);
guint        vt_client_get_n_network_answers   (VtClient       *self);
guint        vt_client_get_n_retries           (VtClient       *self);

/**
 * VtClientTiming:
 * @id: the request's number, in order of submission (from 1)
 * @uri: the address asked for
 * @kind: what was fetched
 * @priority: its priority when it was queued
 * @queued_us: when it was submitted (g_get_monotonic_time())
 * @sent_us: when VtClient handed it to libsoup (the last attempt)
 * @first_byte_us: when its answer's headers arrived, or 0
 * @body_end_us: when its body's last byte was read, or 0
 * @done_us: when its outcome was handed to the caller, or 0
 * @wire_sent_us: libsoup's own time of writing the request, or 0 (an
 *   answer from the disk cache was never sent)
 * @connection_id: libsoup's connection, or 0 for the disk cache
 * @new_connection: whether the request had to wait for a connection to be
 *   opened for it (a round trip, more with TLS)
 * @freed_by: the @id of the request whose end freed the slot this one
 *   was started in, from the same call; 0 when it found a slot free
 * @network: whether the answer came over the network
 * @failed: whether it ended in an error (including cancellation)
 *
 * When a request went through VtClient's queue, for tests and benchmarks
 * (see vt_client_set_record_timings()).
 */
typedef struct
{
  guint64      id;
  char        *uri;
  VtFetchKind  kind;
  int          priority;
  gint64       queued_us;
  gint64       sent_us;
  gint64       first_byte_us;
  gint64       body_end_us;
  gint64       done_us;
  gint64       wire_sent_us;
  guint64      connection_id;
  gboolean     new_connection;
  guint64      freed_by;
  gboolean     network;
  gboolean     failed;
} VtClientTiming;

void         vt_client_set_record_timings      (VtClient       *self,
                                                gboolean        record);
GArray      *vt_client_dup_timings             (VtClient       *self);
void         vt_client_clear_timings           (VtClient       *self);

G_END_DECLS
