/* vt-loader.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-loader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iiif/vt-iiif-error.h"
#include "vt-loader.h"
#include "vt-net-error.h"

/* Connections opened to a manifest's host as it is asked for: one for the
 * manifest, the others for info.json, the placeholder and the first
 * tiles (VtClient's default cap is 6 a host). */
#define PRECONNECT_CONNECTIONS 5

/**
 * VtLoader:
 *
 * What the window calls to get a IIIF document (manifest, collection)
 * from an address or from a file the user opened. Documents are parsed
 * off the main thread and kept in memory for the session (the disk cache
 * below keeps the bytes across sessions), so going back to an object is
 * instant. Image services have their own cache (#VtServiceCache); tiles
 * and images are fetched with the #VtClient.
 */

/* Parsed documents kept in memory: at most this many, holding at most
 * max_cached_canvases canvases and collection members in all. Counting
 * documents alone, 32 manifests of 100,000 canvases (some 200 MiB parsed
 * each) would all be kept for going back to them. */
#define MAX_DOCUMENTS 32
#define DEFAULT_MAX_CACHED_CANVASES 20000

struct _VtLoader
{
  GObject     parent_instance;

  VtClient   *client;

  /* uri → CachedDocument; keys in insertion order for eviction */
  GHashTable *documents;
  GQueue      document_order;
  guint       cached_weight;
  guint       max_cached_canvases;
};

G_DEFINE_FINAL_TYPE (VtLoader, vt_loader, G_TYPE_OBJECT)

typedef struct
{
  VtIiifDocument *document;
  char           *final_uri;
  guint           weight;
} CachedDocument;

static void
cached_document_free (gpointer data)
{
  CachedDocument *cached = data;

  g_clear_pointer (&cached->document, vt_iiif_document_unref);
  g_free (cached->final_uri);
  g_free (cached);
}

typedef struct
{
  char           *uri;
  char           *final_uri;
  GBytes         *bytes;
  VtIiifDocument *document;
} DocumentData;

static void
document_data_free (gpointer data)
{
  DocumentData *d = data;

  g_free (d->uri);
  g_free (d->final_uri);
  g_clear_pointer (&d->bytes, g_bytes_unref);
  g_clear_pointer (&d->document, vt_iiif_document_unref);
  g_free (d);
}

/* ------------------------------------------------------------------ */
/* Memory caches                                                       */

/* What a parsed document costs to keep, in canvases and members: one
 * for the document itself. */
static guint
document_weight (VtIiifDocument *document)
{
  guint weight = 1;

  if (document->manifest != NULL)
    weight += vt_manifest_get_n_canvases (document->manifest);
  if (document->collection != NULL && document->collection->members != NULL)
    weight += document->collection->members->len;
  return weight;
}

static void
forget_document (VtLoader   *self,
                 const char *key)
{
  CachedDocument *cached = g_hash_table_lookup (self->documents, key);
  GList *link;

  if (cached != NULL)
    {
      self->cached_weight -= cached->weight;
      g_hash_table_remove (self->documents, key);
    }
  link = g_queue_find_custom (&self->document_order, key, (GCompareFunc) g_strcmp0);
  if (link != NULL)
    {
      g_free (link->data);
      g_queue_delete_link (&self->document_order, link);
    }
}

/* Drops the oldest documents until the rest are within the bounds. */
static void
trim_documents (VtLoader *self)
{
  while (self->document_order.length > MAX_DOCUMENTS ||
         (self->document_order.length > 0 && self->cached_weight > self->max_cached_canvases))
    {
      g_autofree char *oldest = g_strdup (g_queue_peek_head (&self->document_order));

      forget_document (self, oldest);
    }
}

static void
remember_document (VtLoader       *self,
                   const char     *key,
                   VtIiifDocument *document,
                   const char     *final_uri)
{
  CachedDocument *cached;
  guint weight = document_weight (document);

  /* A new answer replaces the old one, even when it is too big to keep. */
  forget_document (self, key);
  if (weight > self->max_cached_canvases)
    return;

  cached = g_new0 (CachedDocument, 1);
  cached->document = vt_iiif_document_ref (document);
  cached->final_uri = g_strdup (final_uri);
  cached->weight = weight;
  g_hash_table_insert (self->documents, g_strdup (key), cached);
  g_queue_push_tail (&self->document_order, g_strdup (key));
  self->cached_weight += weight;
  trim_documents (self);
}

/* ------------------------------------------------------------------ */
/* Documents                                                           */

static void
parse_document_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  DocumentData *d = task_data;
  GError *error = NULL;
  VtIiifDocument *document;

  document = vt_iiif_document_parse (d->bytes, d->final_uri, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, (GDestroyNotify) vt_iiif_document_unref);
}

static void
on_document_parsed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  VtLoader *self = VT_LOADER (object);
  g_autoptr(GTask) task = user_data;
  DocumentData *d = g_task_get_task_data (task);
  GError *error = NULL;
  VtIiifDocument *document;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Files are read again each time: the user may be editing one. */
  if (!g_str_has_prefix (d->final_uri, "file:"))
    {
      remember_document (self, d->uri, document, d->final_uri);
      if (g_strcmp0 (d->uri, d->final_uri) != 0)
        remember_document (self, d->final_uri, document, d->final_uri);
    }

  d->document = vt_iiif_document_ref (document);
  g_task_return_pointer (task, document, (GDestroyNotify) vt_iiif_document_unref);
}

static void
parse_in_thread (VtLoader *self,
                 GTask    *task)
{
  DocumentData *d = g_task_get_task_data (task);
  g_autoptr(GTask) parse_task = NULL;

  parse_task = g_task_new (self, g_task_get_cancellable (task), on_document_parsed, g_object_ref (task));
  g_task_set_source_tag (parse_task, parse_in_thread);
  g_task_set_task_data (parse_task, d, NULL);
  g_task_run_in_thread (parse_task, parse_document_thread);
}

static void
on_document_fetched (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DocumentData *d = g_task_get_task_data (task);
  GError *error = NULL;

  d->bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, &d->final_uri, &error);
  if (d->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  parse_in_thread (g_task_get_source_object (task), task);
}

/**
 * vt_loader_load_document_async:
 * @self: a #VtLoader
 * @uri: an http or https address of a manifest or collection
 * @flags: %VT_FETCH_FLAGS_RELOAD skips the memory cache and revalidates
 *   the disk cache; %VT_FETCH_FLAGS_NO_PRECONNECT opens no connections
 *   ahead for the document's images
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the parsed document
 * @user_data: data for @callback
 *
 * Loads and parses a IIIF document. Errors are #VT_NET_ERROR (could not
 * get it) or #VT_IIIF_ERROR (got it, but it is not usable IIIF).
 */
void
vt_loader_load_document_async (VtLoader            *self,
                               const char          *uri,
                               VtFetchFlags         flags,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DocumentData *d;
  CachedDocument *cached;

  g_return_if_fail (VT_IS_LOADER (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_loader_load_document_async);

  d = g_new0 (DocumentData, 1);
  d->uri = g_strdup (uri);
  g_task_set_task_data (task, d, document_data_free);

  if (!(flags & VT_FETCH_FLAGS_RELOAD) &&
      (cached = g_hash_table_lookup (self->documents, uri)) != NULL)
    {
      d->final_uri = g_strdup (cached->final_uri);
      d->document = vt_iiif_document_ref (cached->document);
      g_task_return_pointer (task, vt_iiif_document_ref (cached->document),
                             (GDestroyNotify) vt_iiif_document_unref);
      return;
    }

  /* The manifest's host is most often its images' too (Ghent's is):
   * connections opened now, while the manifest is on its way, let
   * info.json and the placeholder leave side by side the moment it
   * arrives, and the fit view's tiles right after info.json, none of them
   * a connection round trip later. libsoup opens none while one is idle,
   * so a warm session opens nothing. Not for a list's thumbnails, though:
   * a screenful of rows would open five each, none of them cancelled with
   * the row, and every one a name lookup in GLib's shared thread pool,
   * where a slow resolver holds the threads other work waits for (the
   * catalogue's search as you type, issue 11). */
  if (!(flags & VT_FETCH_FLAGS_NO_PRECONNECT))
    vt_client_preconnect (self->client, uri, PRECONNECT_CONNECTIONS);
  vt_client_fetch_async (self->client, uri, VT_FETCH_KIND_MANIFEST, flags,
                         VT_FETCH_PRIORITY_DEFAULT, cancellable,
                         on_document_fetched, g_steal_pointer (&task));
}

static void
on_file_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DocumentData *d = g_task_get_task_data (task);
  GError *error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  d->bytes = g_bytes_new_take (contents, length);
  if (length > VT_IIIF_MAX_DOCUMENT_SIZE)
    {
      g_task_return_new_error (task, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE,
                               _("The file is too large to be a IIIF document."));
      return;
    }

  parse_in_thread (g_task_get_source_object (task), task);
}

static void
on_file_info (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFileInfo) info = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Refuse a huge file before reading it into memory. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               _("This is not a file that can hold a IIIF document."));
      return;
    }
  if (g_file_info_get_size (info) > VT_IIIF_MAX_DOCUMENT_SIZE)
    {
      g_task_return_new_error (task, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE,
                               _("The file is too large to be a IIIF document."));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  g_file_load_contents_async (G_FILE (object), cancellable, on_file_loaded, g_steal_pointer (&task));
}

/**
 * vt_loader_load_file_async:
 * @self: a #VtLoader
 * @file: a file the user chose to open (never one named by a document)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the parsed document
 * @user_data: data for @callback
 *
 * Reads and parses a local IIIF document. Finish with
 * vt_loader_load_document_finish().
 */
void
vt_loader_load_file_async (VtLoader            *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DocumentData *d;

  g_return_if_fail (VT_IS_LOADER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_loader_load_document_async);

  d = g_new0 (DocumentData, 1);
  d->uri = g_file_get_uri (file);
  d->final_uri = g_strdup (d->uri);
  g_task_set_task_data (task, d, document_data_free);

  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, cancellable,
                           on_file_info, g_steal_pointer (&task));
}

/**
 * vt_loader_load_document_finish:
 * @self: a #VtLoader
 * @result: the result
 * @final_uri: (out) (optional): the document's address after redirects
 *   (the base for its relative references)
 * @error: a #VT_NET_ERROR, #VT_IIIF_ERROR or #G_IO_ERROR
 *
 * Returns: (transfer full): the document
 */
VtIiifDocument *
vt_loader_load_document_finish (VtLoader      *self,
                                GAsyncResult  *result,
                                char         **final_uri,
                                GError       **error)
{
  VtIiifDocument *document;

  g_return_val_if_fail (VT_IS_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_loader_load_document_async, NULL);

  document = g_task_propagate_pointer (G_TASK (result), error);
  if (document != NULL && final_uri != NULL)
    {
      DocumentData *d = g_task_get_task_data (G_TASK (result));

      *final_uri = g_strdup (d->final_uri);
    }

  return document;
}

/* ------------------------------------------------------------------ */

/**
 * vt_loader_forget:
 * @self: a #VtLoader
 *
 * Drops the documents kept in memory (with "clear cache").
 */
void
vt_loader_forget (VtLoader *self)
{
  g_return_if_fail (VT_IS_LOADER (self));

  g_hash_table_remove_all (self->documents);
  g_queue_clear_full (&self->document_order, g_free);
  self->cached_weight = 0;
}

/**
 * vt_loader_set_max_cached_canvases:
 * @self: a #VtLoader
 * @max_canvases: how many canvases and collection members the parsed
 *   documents kept in memory may hold in all
 *
 * Bounds the memory the documents kept for going back take: a document
 * larger than this is never kept, and the oldest go first. The default is
 * 20,000: a long book or two, or dozens of ordinary objects.
 */
void
vt_loader_set_max_cached_canvases (VtLoader *self,
                                   guint     max_canvases)
{
  g_return_if_fail (VT_IS_LOADER (self));

  self->max_cached_canvases = max_canvases;
  trim_documents (self);
}

VtClient *
vt_loader_get_client (VtLoader *self)
{
  g_return_val_if_fail (VT_IS_LOADER (self), NULL);

  return self->client;
}

/**
 * vt_loader_new:
 * @client: the app's #VtClient
 *
 * Returns: (transfer full): a new loader
 */
VtLoader *
vt_loader_new (VtClient *client)
{
  VtLoader *self;

  g_return_val_if_fail (VT_IS_CLIENT (client), NULL);

  self = g_object_new (VT_TYPE_LOADER, NULL);
  self->client = g_object_ref (client);

  return self;
}

static void
vt_loader_dispose (GObject *object)
{
  VtLoader *self = VT_LOADER (object);

  vt_loader_forget (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (vt_loader_parent_class)->dispose (object);
}

static void
vt_loader_finalize (GObject *object)
{
  VtLoader *self = VT_LOADER (object);

  g_clear_pointer (&self->documents, g_hash_table_unref);

  G_OBJECT_CLASS (vt_loader_parent_class)->finalize (object);
}

static void
vt_loader_class_init (VtLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_loader_dispose;
  object_class->finalize = vt_loader_finalize;
}

static void
vt_loader_init (VtLoader *self)
{
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_document_free);
  g_queue_init (&self->document_order);
  self->max_cached_canvases = DEFAULT_MAX_CACHED_CANVASES;
}
