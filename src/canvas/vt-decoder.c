/* vt-decoder.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-decoder"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <turbojpeg.h>

#include "vt-canvas-error.h"
#include "vt-decoder.h"

/* Tiles are decoded with libvips in a pool of our own, sized to the cores,
 * rather than GTask's shared pool: the pool is sorted by priority, so the
 * placeholder and the tiles near the centre are decoded first, and a job
 * whose tile left the view is dropped before it costs anything. libvips'
 * own threading is set to one thread per pipeline, since a 256 px tile is
 * far too small to split and our pool already keeps every core busy.
 *
 * Tile bytes come from the network and are untrusted (docs.gtk.org warns
 * against gdk_texture_new_from_bytes on such data): only common raster
 * loaders are allowed, the header is read before any pixel, and a tile
 * whose size is far from the one asked for is refused before decoding. */

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
} DecodeData;


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

/* IIIF servers round level sizes either way, and some return a pixel more
 * or less than asked; anything beyond a quarter off is not the tile we
 * asked for (an error page rendered as an image, or a decompression bomb). */
gboolean
vt_size_is_close (guint got,
                  guint expected)
{
  if (expected == 0)
    return TRUE;
  return got + 2 >= expected * 3 / 4 && got <= expected * 5 / 4 + 2;
}

typedef int (*LoadFunc) (void *buf, size_t len, VipsImage **out, ...);

/* Only common raster formats, recognised by their magic bytes: no SVG,
 * PDF, ImageMagick or other loaders libvips could reach by sniffing, and
 * no cost of asking every loader in turn (which is most of the time a
 * 256 px tile takes). */
static LoadFunc
sniff_loader (const guchar *d,
              gsize         len)
{
  if (len >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
    return (LoadFunc) vips_jpegload_buffer;
  if (len >= 8 && memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0)
    return (LoadFunc) vips_pngload_buffer;
  if (len >= 12 && memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0)
    return (LoadFunc) vips_webpload_buffer;
  if (len >= 4 && memcmp (d, "GIF8", 4) == 0)
    return (LoadFunc) vips_gifload_buffer;
  if (len >= 4 && (memcmp (d, "II*\0", 4) == 0 || memcmp (d, "MM\0*", 4) == 0))
    return (LoadFunc) vips_tiffload_buffer;
  if ((len >= 12 && memcmp (d, "\0\0\0\x0cjP  \r\n\x87\n", 12) == 0) ||
      (len >= 4 && d[0] == 0xff && d[1] == 0x4f && d[2] == 0xff && d[3] == 0x51))
    return (LoadFunc) vips_jp2kload_buffer;
  return NULL;
}

/* One TurboJPEG decompressor per decoder thread. */
static GPrivate tj_handle = G_PRIVATE_INIT ((GDestroyNotify) tjDestroy);

typedef enum
{
  TJ_OK,
  TJ_FAILED,      /* a real error: @error is set */
  TJ_NOT_MINE,    /* not something TurboJPEG decodes (e.g. CMYK): use libvips */
} TjResult;

/* JPEG tiles, by far the most common, are decoded with libjpeg-turbo's
 * TurboJPEG API directly: the same library libvips uses underneath, minus
 * the pipeline set-up and thread hand-offs that made libvips take several
 * times as long as the decode itself on a 256 px tile (see the benchmark
 * in tests/bench). The rules are the same: header first, refuse a wrong
 * size before any pixel, stop on a truncated or corrupt stream, and a cap
 * on progressive scans against scan bombs. */
static TjResult
decode_jpeg_turbo (const guchar  *data,
                   gsize          len,
                   guint          expected_width,
                   guint          expected_height,
                   GdkTexture   **texture,
                   GError       **error)
{
  tjhandle tj = g_private_get (&tj_handle);
  g_autoptr (GBytes) bytes = NULL;
  guchar *pixels;
  int width, height, subsamp, colorspace;

  if (tj == NULL)
    {
      tj = tjInitDecompress ();
      if (tj == NULL)
        return TJ_NOT_MINE;
      g_private_set (&tj_handle, tj);
    }

  if (len > G_MAXULONG ||
      tjDecompressHeader3 (tj, data, len, &width, &height, &subsamp, &colorspace) != 0)
    return TJ_NOT_MINE;
  if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK)
    return TJ_NOT_MINE;

  if (!vt_size_is_close (width, expected_width) || !vt_size_is_close (height, expected_height))
    {
      g_set_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_WRONG_SIZE,
                   _("The server sent an image of %u × %u pixels where %u × %u were asked for"),
                   width, height, expected_width, expected_height);
      return TJ_FAILED;
    }
  if ((guint64) width * height > VT_DECODER_MAX_PIXELS)
    return TJ_NOT_MINE;  /* libvips shrinks it while loading */

  pixels = g_malloc ((gsize) width * height * 3);
  if (tjDecompress2 (tj, data, len, pixels, width, width * 3, height, TJPF_RGB,
                     TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS) != 0)
    {
      g_debug ("turbojpeg: %s", tjGetErrorStr2 (tj));
      g_free (pixels);
      g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
      return TJ_FAILED;
    }
  bytes = g_bytes_new_take (pixels, (gsize) width * height * 3);
  *texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, bytes, (gsize) width * 3);
  return TJ_OK;
}

static void
set_vips_error (GError     **error,
                int          code,
                const char  *message)
{
  g_debug ("libvips: %s", vips_error_buffer ());
  vips_error_clear ();
  g_set_error_literal (error, VT_CANVAS_ERROR, code, message);
}

/**
 * vt_texture_new_from_vips:
 *
 * Renders @image into memory as 8-bit sRGB (with alpha if it has one).
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
vt_texture_new_from_vips (VipsImage  *image,
                          GError    **error)
{
  g_autoptr (VipsImage) rgb = NULL;
  g_autoptr (GBytes) bytes = NULL;
  VipsInterpretation interp;
  GdkMemoryFormat format;
  void *pixels;
  size_t size;
  int bands, width, height;

  interp = vips_image_get_interpretation (image);
  bands = vips_image_get_bands (image);

  if (bands >= 3 && bands <= 4 &&
      (interp == VIPS_INTERPRETATION_sRGB || interp == VIPS_INTERPRETATION_RGB) &&
      vips_image_get_format (image) == VIPS_FORMAT_UCHAR)
    rgb = g_object_ref (image);
  else
    {
      g_autoptr (VipsImage) srgb = NULL;

      if (vips_colourspace (image, &srgb, VIPS_INTERPRETATION_sRGB, NULL) != 0)
        {
          set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image’s colours could not be read"));
          return NULL;
        }
      if (vips_image_get_bands (srgb) > 4)
        {
          g_autoptr (VipsImage) four = NULL;

          if (vips_extract_band (srgb, &four, 0, "n", 4, NULL) != 0)
            {
              set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image’s colours could not be read"));
              return NULL;
            }
          g_set_object (&srgb, four);
        }
      if (vips_image_get_format (srgb) != VIPS_FORMAT_UCHAR)
        {
          g_autoptr (VipsImage) u8 = NULL;

          if (vips_cast_uchar (srgb, &u8, NULL) != 0)
            {
              set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image’s colours could not be read"));
              return NULL;
            }
          g_set_object (&srgb, u8);
        }
      rgb = g_steal_pointer (&srgb);
    }

  bands = vips_image_get_bands (rgb);
  width = vips_image_get_width (rgb);
  height = vips_image_get_height (rgb);
  format = bands == 4 ? GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8;

  /* Compute the pixels in this thread with one region, rather than with
   * vips_image_write_to_memory (), whose thread pool hand-offs cost more
   * than decoding a whole 256 px tile. */
  {
    g_autoptr (VipsRegion) region = vips_region_new (rgb);
    VipsRect rect = { 0, 0, width, height };
    gsize line = (gsize) width * bands;

    if (vips_region_prepare (region, &rect) != 0)
      {
        set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
        return NULL;
      }
    size = line * height;
    pixels = g_malloc (size);
    for (int y = 0; y < height; y++)
      memcpy ((guchar *) pixels + y * line, VIPS_REGION_ADDR (region, 0, y), line);
  }
  bytes = g_bytes_new_take (pixels, size);
  return gdk_memory_texture_new (width, height, format, bytes, (gsize) width * bands);
}

/**
 * vt_decode_bytes:
 * @expected_width: the width asked for, or 0 if unknown
 * @expected_height: the height asked for, or 0 if unknown
 *
 * Decodes an encoded image (JPEG, PNG, WebP, GIF, TIFF, JPEG 2000) into a
 * texture. Safe to call from any thread.
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
vt_decode_bytes (GBytes  *bytes,
                 guint    expected_width,
                 guint    expected_height,
                 GError **error)
{
  g_autoptr (VipsImage) image = NULL;
  LoadFunc load;
  gconstpointer data;
  gsize len;
  guint width, height;

  data = g_bytes_get_data (bytes, &len);
  load = sniff_loader (data, len);
  if (load == (LoadFunc) vips_jpegload_buffer)
    {
      GdkTexture *texture = NULL;

      switch (decode_jpeg_turbo (data, len, expected_width, expected_height, &texture, error))
        {
        case TJ_OK:
          return texture;
        case TJ_FAILED:
          return NULL;
        case TJ_NOT_MINE:
        default:
          break;
        }
    }
  if (load == NULL)
    {
      g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                           _("The server sent something that is not an image"));
      return NULL;
    }

  /* Reads the header only; pixels come when the image is rendered. */
  if (load ((void *) data, len, &image,
            "access", VIPS_ACCESS_SEQUENTIAL,
            "fail_on", VIPS_FAIL_ON_TRUNCATED,
            NULL) != 0)
    {
      set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
      return NULL;
    }

  width = vips_image_get_width (image);
  height = vips_image_get_height (image);
  if (!vt_size_is_close (width, expected_width) || !vt_size_is_close (height, expected_height))
    {
      g_set_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_WRONG_SIZE,
                   _("The server sent an image of %u × %u pixels where %u × %u were asked for"),
                   width, height, expected_width, expected_height);
      return NULL;
    }

  if ((guint64) width * height > VT_DECODER_MAX_PIXELS)
    {
      g_autoptr (VipsImage) small = NULL;

      if (expected_width != 0 || expected_height != 0)
        {
          g_set_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_TOO_LARGE,
                       _("The image is too large to show (%u × %u pixels)"), width, height);
          return NULL;
        }
      /* Shrink-on-load keeps memory bounded: a JPEG decodes at 1/8 scale. */
      if (vips_thumbnail_buffer ((void *) data, len, &small, VT_DECODER_SHRINK_TO,
                                 "height", VT_DECODER_SHRINK_TO,
                                 "size", VIPS_SIZE_DOWN,
                                 "fail_on", VIPS_FAIL_ON_TRUNCATED,
                                 NULL) != 0)
        {
          set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
          return NULL;
        }
      g_set_object (&image, small);
    }

  return vt_texture_new_from_vips (image, error);
}
