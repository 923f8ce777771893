/* vt-decoder.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-decoder"

#include "config.h"

#include "vt-decoder-private.h"

/* Images are decoded (see vt-decode.c) in a pool of our own, sized to the cores,
 * rather than GTask's shared pool: the pool is sorted by priority, so the
 * placeholder and the tiles near the centre are decoded first, and a job
 * whose tile left the view is dropped before it costs anything. libvips'
 * own threading is set to one thread per pipeline, since a 256 px tile is
 * far too small to split and our pool already keeps every core busy.
 *
 * Image bytes come from the network and are untrusted (docs.gtk.org warns
 * against gdk_texture_new_from_bytes on such data): every decode, of a
 * tile, a static image, a thumbnail or a logo, goes through the checks of
 * vt-decode.c. */

struct _VtDecoder
{
  GObject parent_instance;

  GThreadPool *pool;
  guint n_threads;
  guint64 seq;
};

G_DEFINE_FINAL_TYPE (VtDecoder, vt_decoder, G_TYPE_OBJECT)

typedef struct
{
  GTask *task;
  VtDecodeFunc func;
  gpointer data;
  GDestroyNotify destroy;
  int priority;
  guint64 seq;
} Job;

typedef struct
{
  GBytes *bytes;
  guint expected_width;
  guint expected_height;
  guint max_size;           /* a thumbnail when not 0 */
} DecodeData;

typedef struct
{
  GPtrArray *tiles;
  guint columns;
  guint tile_width;
  guint tile_height;
  guint width;
  guint height;
  guint max_size;
} ComposeData;


static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  if (job->destroy)
    job->destroy (job->data);
  g_free (job);
}

static gboolean
job_free_cb (gpointer data)
{
  job_free (data);

  return G_SOURCE_REMOVE;
}

static int
job_compare (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const Job *ja = a, *jb = b;

  if (ja->priority != jb->priority)
    return ja->priority < jb->priority ? -1 : 1;
  return ja->seq < jb->seq ? -1 : (ja->seq > jb->seq ? 1 : 0);
}

static void
worker (gpointer data,
        gpointer user_data)
{
  Job *job = data;
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  GError *error = NULL;
  GdkTexture *texture;

  if (!g_task_return_error_if_cancelled (job->task))
    {
      texture = job->func (job->data, cancellable, &error);
      if (texture)
        g_task_return_pointer (job->task, texture, g_object_unref);
      else
        g_task_return_error (job->task, error);
    }

  /* The task holds the caller's object as its source: were our reference
   * the last one, the caller would be finalized here, on a worker thread,
   * taking its client and widgets with it. Drop it where the caller lives. */
  g_main_context_invoke (g_task_get_context (job->task), job_free_cb, job);
}

static void
vt_decoder_finalize (GObject *object)
{
  VtDecoder *self = VT_DECODER (object);

  g_thread_pool_free (self->pool, FALSE, TRUE);

  G_OBJECT_CLASS (vt_decoder_parent_class)->finalize (object);
}

static void
vt_decoder_class_init (VtDecoderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_decoder_finalize;
}

static void
vt_decoder_init (VtDecoder *self)
{
  self->n_threads = MAX (1, g_get_num_processors ());
  self->pool = g_thread_pool_new (worker, self, self->n_threads, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, job_compare, NULL);
}

/* libvips warns on stderr about every damaged tile ("error in tile …");
 * hostile or broken tiles are expected here and reported once by the
 * canvas (and the error itself is logged with g_debug), so these are
 * dropped. Logging from a log handler would recurse, hence silence. */
static void
vips_log_cb (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
}

/**
 * vt_decoder_get_default:
 *
 * Returns: (transfer none): the process-wide decoder; it also initialises
 *   libvips.
 */
VtDecoder *
vt_decoder_get_default (void)
{
  static VtDecoder *decoder;

  if (g_once_init_enter (&decoder))
    {
      VtDecoder *d;

      if (VIPS_INIT ("vitrine") != 0)
        g_error ("libvips failed to start: %s", vips_error_buffer ());
      vips_concurrency_set (1);
      /* Every decode is of new bytes: libvips' operation cache would never
       * hit, and would keep up to 100 MiB of finished pipelines alive. */
      vips_cache_set_max (0);
      g_log_set_handler ("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO,
                         vips_log_cb, NULL);
      d = g_object_new (VT_TYPE_DECODER, NULL);
      g_once_init_leave (&decoder, d);
    }
  return decoder;
}

guint
vt_decoder_get_n_threads (VtDecoder *self)
{
  g_return_val_if_fail (VT_IS_DECODER (self), 1);
  return self->n_threads;
}

/**
 * vt_decoder_run_async:
 * @source_object: (nullable): the GTask's source object (the caller's
 *   object, so its own _finish can take the result), or %NULL for @self
 * @func: run in a worker thread; must not touch GTK widgets
 * @priority: lower runs first
 *
 * Runs @func in the pool; finish with vt_decoder_decode_finish().
 */
void
vt_decoder_run_async (VtDecoder           *self,
                      gpointer             source_object,
                      VtDecodeFunc         func,
                      gpointer             data,
                      GDestroyNotify       destroy,
                      int                  priority,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Job *job;

  g_return_if_fail (VT_IS_DECODER (self));

  job = g_new0 (Job, 1);
  job->task = g_task_new (source_object ? source_object : (gpointer) self,
                          cancellable, callback, user_data);
  g_task_set_source_tag (job->task, vt_decoder_run_async);
  job->func = func;
  job->data = data;
  job->destroy = destroy;
  job->priority = priority;
  /* Only touched on the thread that queues jobs (the main thread). */
  job->seq = self->seq++;
  g_thread_pool_push (self->pool, job, NULL);
}

static GdkTexture *
decode_func (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  DecodeData *d = data;

  if (d->max_size > 0)
    return vt_decode_thumbnail (d->bytes, d->max_size, error);
  return vt_decode_bytes (d->bytes, d->expected_width, d->expected_height, error);
}

static void
decode_data_free (gpointer data)
{
  DecodeData *d = data;

  g_bytes_unref (d->bytes);
  g_free (d);
}

/**
 * vt_decoder_decode_async:
 * @expected_width: the width asked for, or 0 if unknown
 *
 * Decodes tile bytes in the pool. See vt_decode_bytes().
 */
void
vt_decoder_decode_async (VtDecoder           *self,
                         GBytes              *bytes,
                         guint                expected_width,
                         guint                expected_height,
                         int                  priority,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  DecodeData *d = g_new0 (DecodeData, 1);

  d->bytes = g_bytes_ref (bytes);
  d->expected_width = expected_width;
  d->expected_height = expected_height;
  vt_decoder_run_async (self, NULL, decode_func, d, decode_data_free, priority,
                        cancellable, callback, user_data);
}

/**
 * vt_decoder_decode_thumbnail_async:
 * @bytes: an encoded image of any size
 * @max_size: the longest side wanted, in pixels
 *
 * Decodes @bytes in the pool into a texture whose longest side is at most
 * @max_size, shrinking while loading: for thumbnails and logos. See
 * vt_decode_thumbnail(); finish with vt_decoder_decode_finish().
 */
void
vt_decoder_decode_thumbnail_async (VtDecoder           *self,
                                   GBytes              *bytes,
                                   guint                max_size,
                                   int                  priority,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  DecodeData *d;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (max_size > 0);

  d = g_new0 (DecodeData, 1);
  d->bytes = g_bytes_ref (bytes);
  d->max_size = max_size;
  vt_decoder_run_async (self, NULL, decode_func, d, decode_data_free, priority,
                        cancellable, callback, user_data);
}

static GdkTexture *
compose_func (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  ComposeData *d = data;

  return vt_decode_tiles_thumbnail (d->tiles, d->columns, d->tile_width, d->tile_height,
                                    d->width, d->height, d->max_size, error);
}

static void
compose_data_free (gpointer data)
{
  ComposeData *d = data;

  g_ptr_array_unref (d->tiles);
  g_free (d);
}

/**
 * vt_decoder_compose_thumbnail_async:
 * @tiles: (element-type GBytes): the encoded tiles of one level, row by row
 *
 * Joins and shrinks the tiles of one level in the pool: for thumbnails of
 * a level 0 image service. See vt_decode_tiles_thumbnail(); finish with
 * vt_decoder_decode_finish().
 */
void
vt_decoder_compose_thumbnail_async (VtDecoder           *self,
                                    GPtrArray           *tiles,
                                    guint                columns,
                                    guint                tile_width,
                                    guint                tile_height,
                                    guint                width,
                                    guint                height,
                                    guint                max_size,
                                    int                  priority,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ComposeData *d;

  g_return_if_fail (tiles != NULL && tiles->len > 0);
  g_return_if_fail (max_size > 0);

  d = g_new0 (ComposeData, 1);
  d->tiles = g_ptr_array_ref (tiles);
  d->columns = columns;
  d->tile_width = tile_width;
  d->tile_height = tile_height;
  d->width = width;
  d->height = height;
  d->max_size = max_size;
  vt_decoder_run_async (self, NULL, compose_func, d, compose_data_free, priority,
                        cancellable, callback, user_data);
}

/**
 * vt_decoder_decode_finish:
 *
 * Returns: (transfer full): the texture
 */
GdkTexture *
vt_decoder_decode_finish (VtDecoder     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
