/* vt-export.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "canvas/vt-canvas-error.h"
#include "vt-export-private.h"
#include "vt-export-stitch.h"

/* One export: the whole image or a region of it, at full resolution or a
 * chosen size, into a TIFF, JPEG or PNG file with its rights as XMP.
 *
 * How the pixels are had (the plan):
 * - a local file: libvips reads it directly (it is the user's own file);
 * - one server request (`region/size`), when the service's level allows
 *   it, the size is within its maxWidth/maxHeight/maxArea and small
 *   enough to decode at once;
 * - otherwise stitched from the tiles of the coarsest level that still
 *   gives the size asked for (vt-export-stitch.c), streaming.
 * Tile and image bytes go through the decoder's gate. The file is written
 * to a temporary name beside the destination and renamed when complete,
 * so that a cancelled or failed export leaves nothing behind. */

enum
{
  PROP_0,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VtExport, vt_export, G_TYPE_OBJECT)

static void
vt_export_finalize (GObject *object)
{
  VtExport *self = VT_EXPORT (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->pyramid, vt_tile_pyramid_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->metadata, vt_export_metadata_free);
  G_OBJECT_CLASS (vt_export_parent_class)->finalize (object);
}

static void
vt_export_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VtExport *self = VT_EXPORT (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_export_class_init (VtExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_export_finalize;
  object_class->get_property = vt_export_get_property;

  /**
   * VtExport:progress:
   *
   * How much of the file is written, from 0 to 1; notified on the thread
   * that started the export.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  if (VIPS_INIT ("vitrine") != 0)
    g_warning ("libvips could not start: %s", vips_error_buffer ());
}

static void
vt_export_init (VtExport *self)
{
  self->format = VT_EXPORT_FORMAT_TIFF;
  self->metadata = vt_export_metadata_new ();
}

static void
reset_region (VtExport *self)
{
  self->rx = self->ry = 0;
  self->rw = self->width = self->image_width;
  self->rh = self->height = self->image_height;
}

/**
 * vt_export_new_for_pyramid:
 * @client: fetches the tiles, on the calling thread's main context
 * @pyramid: an image service's (or a static image's) levels
 *
 * Returns: (transfer full): an export of the whole image at full
 *   resolution, as TIFF, until told otherwise
 */
VtExport *
vt_export_new_for_pyramid (VtClient      *client,
                           VtTilePyramid *pyramid)
{
  VtExport *self;

  g_return_val_if_fail (VT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (pyramid != NULL, NULL);

  self = g_object_new (VT_TYPE_EXPORT, NULL);
  self->client = g_object_ref (client);
  self->pyramid = vt_tile_pyramid_ref (pyramid);
  self->image_width = vt_tile_pyramid_get_width (pyramid);
  self->image_height = vt_tile_pyramid_get_height (pyramid);
  reset_region (self);
  return self;
}

/**
 * vt_export_new_for_file:
 * @file: a local image libvips reads (what VtLocalSource shows)
 *
 * Returns: (transfer full): an export of the whole image, or %NULL with
 *   @error set when the file is not an image
 */
VtExport *
vt_export_new_for_file (GFile   *file,
                        GError **error)
{
  g_autoptr (VtExport) self = NULL;
  g_autoptr (VipsImage) image = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (VT_TYPE_EXPORT, NULL);
  self->path = g_file_get_path (file);
  if (self->path == NULL ||
      (image = vips_image_new_from_file (self->path, "access", VIPS_ACCESS_SEQUENTIAL, NULL)) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      vips_error_clear ();
      g_set_error (error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_NO_IMAGE,
                   _("“%s” is not an image that can be read"), name);
      return NULL;
    }
  self->image_width = vips_image_get_width (image);
  self->image_height = vips_image_get_height (image);
  reset_region (self);
  return g_steal_pointer (&self);
}

gint64
vt_export_get_image_width (VtExport *self)
{
  g_return_val_if_fail (VT_IS_EXPORT (self), 0);
  return self->image_width;
}

gint64
vt_export_get_image_height (VtExport *self)
{
  g_return_val_if_fail (VT_IS_EXPORT (self), 0);
  return self->image_height;
}

/**
 * vt_export_set_region:
 * @x: left, in full-resolution image pixels
 * @width: the width, or 0 for the whole image (then all are ignored)
 *
 * Also resets the size to the region's full resolution.
 */
gboolean
vt_export_set_region (VtExport  *self,
                      gint64     x,
                      gint64     y,
                      gint64     width,
                      gint64     height,
                      GError   **error)
{
  g_return_val_if_fail (VT_IS_EXPORT (self), FALSE);

  if (width == 0 && height == 0)
    {
      reset_region (self);
      return TRUE;
    }
  if (x < 0 || y < 0 || width <= 0 || height <= 0 ||
      x >= self->image_width || y >= self->image_height ||
      width > self->image_width - x || height > self->image_height - y)
    {
      g_set_error (error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_INVALID,
                   _("The region %" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64
                     " is not inside the image (%" PRId64 " × %" PRId64 " pixels)"),
                   x, y, width, height, self->image_width, self->image_height);
      return FALSE;
    }
  self->rx = x;
  self->ry = y;
  self->width = self->rw = width;
  self->height = self->rh = height;
  return TRUE;
}

/**
 * vt_export_set_size:
 * @width: the output width; 0 (with @height 0) for full resolution
 *
 * The size the region is exported at; never larger than the region.
 */
gboolean
vt_export_set_size (VtExport  *self,
                    gint64     width,
                    gint64     height,
                    GError   **error)
{
  g_return_val_if_fail (VT_IS_EXPORT (self), FALSE);

  if (width == 0 && height == 0)
    {
      width = self->rw;
      height = self->rh;
    }
  if (width <= 0 || height <= 0 || width > self->rw || height > self->rh)
    {
      g_set_error (error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_INVALID,
                   _("The size %" PRId64 " × %" PRId64
                     " is not possible: the region is %" PRId64 " × %" PRId64
                     " pixels and is never enlarged"),
                   width, height, self->rw, self->rh);
      return FALSE;
    }
  self->width = width;
  self->height = height;
  return TRUE;
}

void
vt_export_get_size (VtExport *self,
                    gint64   *width,
                    gint64   *height)
{
  g_return_if_fail (VT_IS_EXPORT (self));
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

void
vt_export_set_format (VtExport       *self,
                      VtExportFormat  format)
{
  g_return_if_fail (VT_IS_EXPORT (self));
  self->format = format;
}

VtExportFormat
vt_export_get_format (VtExport *self)
{
  g_return_val_if_fail (VT_IS_EXPORT (self), VT_EXPORT_FORMAT_TIFF);
  return self->format;
}

/* A pyramidal TIFF also holds halved copies, for viewers of large files. */
void
vt_export_set_pyramidal (VtExport *self,
                         gboolean  pyramidal)
{
  g_return_if_fail (VT_IS_EXPORT (self));
  self->pyramidal = !!pyramidal;
}

void
vt_export_set_metadata (VtExport               *self,
                        const VtExportMetadata *metadata)
{
  g_return_if_fail (VT_IS_EXPORT (self));
  g_clear_pointer (&self->metadata, vt_export_metadata_free);
  self->metadata = vt_export_metadata_copy (metadata);
}

const VtExportMetadata *
vt_export_get_metadata (VtExport *self)
{
  g_return_val_if_fail (VT_IS_EXPORT (self), NULL);
  return self->metadata;
}

double
vt_export_get_progress (VtExport *self)
{
  g_return_val_if_fail (VT_IS_EXPORT (self), 0.0);
  return self->progress;
}

/* Whether the last run got its pixels in one server request. */
gboolean
vt_export_get_used_single_request (VtExport *self)
{
  g_return_val_if_fail (VT_IS_EXPORT (self), FALSE);
  return self->single_request;
}

gboolean
vt_export_format_from_name (const char     *name,
                            VtExportFormat *format)
{
  if (g_ascii_strcasecmp (name, "tif") == 0 || g_ascii_strcasecmp (name, "tiff") == 0)
    *format = VT_EXPORT_FORMAT_TIFF;
  else if (g_ascii_strcasecmp (name, "jpg") == 0 || g_ascii_strcasecmp (name, "jpeg") == 0)
    *format = VT_EXPORT_FORMAT_JPEG;
  else if (g_ascii_strcasecmp (name, "png") == 0)
    *format = VT_EXPORT_FORMAT_PNG;
  else
    return FALSE;
  return TRUE;
}


typedef struct
{
  VtExport       *self;
  Plan            plan;
  gint64          rx, ry, rw, rh, width, height;
  VtExportFormat  format;
  gboolean        pyramidal;
  char           *xmp;
  GBytes         *iptc;
  char           *path;
  char           *dest_path;
  char           *tmp_path;
  GBytes         *single_bytes;
  VtExportStitch *stitch;
  GMainContext   *context;
  GCancellable   *cancellable;
  int             last_percent;
} Job;

static void
job_free (Job *job)
{
  if (job->tmp_path != NULL)
    g_unlink (job->tmp_path);
  if (job->stitch != NULL)
    {
      vt_export_stitch_release (job->stitch);
      vt_export_stitch_unref (job->stitch);
    }
  g_clear_object (&job->self);
  g_free (job->xmp);
  g_clear_pointer (&job->iptc, g_bytes_unref);
  g_free (job->path);
  g_free (job->dest_path);
  g_free (job->tmp_path);
  g_clear_pointer (&job->single_bytes, g_bytes_unref);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* Before the error is returned: whoever is told must find no file. */
static void
fail_job (GTask  *task,
          Job    *job,
          GError *error)
{
  if (job->tmp_path != NULL)
    g_unlink (job->tmp_path);
  g_clear_pointer (&job->tmp_path, g_free);
  g_task_return_error (task, error);
}

typedef struct
{
  VtExport *self;
  double    progress;
} ProgressUpdate;

static gboolean
post_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  if (update->self->progress != update->progress)
    {
      update->self->progress = update->progress;
      g_object_notify_by_pspec (G_OBJECT (update->self), properties[PROP_PROGRESS]);
    }
  g_object_unref (update->self);
  g_free (update);
  return G_SOURCE_REMOVE;
}

static void
set_progress (Job    *job,
              double  progress)
{
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->self = g_object_ref (job->self);
  update->progress = progress;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, post_progress, update, NULL);
}

/* In libvips' threads, as the saver computes strips. */
static void
eval_cb (VipsImage    *image,
         VipsProgress *progress,
         gpointer      user_data)
{
  Job *job = user_data;

  if (g_cancellable_is_cancelled (job->cancellable))
    vips_image_set_kill (image, TRUE);
  if (progress->percent != g_atomic_int_get (&job->last_percent))
    {
      g_atomic_int_set (&job->last_percent, progress->percent);
      set_progress (job, MIN (progress->percent, 99) / 100.0);
    }
}

/* The pixels of the region, before resizing. */
static VipsImage *
open_source (Job     *job,
             GError **error)
{
  g_autoptr (VipsImage) image = NULL;
  VipsImage *region = NULL;

  switch (job->plan.kind)
    {
    case PLAN_LOCAL:
      image = vips_image_new_from_file (job->path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
      if (image == NULL)
        break;
      if (job->rx == 0 && job->ry == 0 &&
          job->rw == vips_image_get_width (image) && job->rh == vips_image_get_height (image))
        return g_steal_pointer (&image);
      if (vips_crop (image, &region, job->rx, job->ry, job->rw, job->rh, NULL) != 0)
        break;
      return region;
    case PLAN_SINGLE:
      image = vt_gate_open_checked (job->single_bytes, job->plan.sw, job->plan.sh, error);
      if (image == NULL)
        return NULL;
      if (job->plan.sw != job->width || job->plan.sh != job->height)
        {
          /* Widened to whole JPEG blocks: back to the region. */
          if (vips_crop (image, &region, job->rx - job->plan.lx, job->ry - job->plan.ly,
                         job->width, job->height, NULL) != 0)
            break;
          g_object_unref (image);
          image = region;
        }
      return vt_export_to_rgb (image, error);
    case PLAN_TILES:
    default:
      return vt_export_stitch_get_image (job->stitch);
    }
  vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image could not be read"));
  return NULL;
}

static gboolean
save (Job       *job,
      VipsImage *image)
{
  const char *tmp = job->tmp_path;

  switch (job->format)
    {
    case VT_EXPORT_FORMAT_JPEG:
      return vips_jpegsave (image, tmp, "Q", 92, "interlace", FALSE, NULL) == 0;
    case VT_EXPORT_FORMAT_PNG:
      return vips_pngsave (image, tmp, NULL) == 0;
    case VT_EXPORT_FORMAT_TIFF:
    default:
      {
        /* Classic TIFF stops at 4 GiB of file; deflate rarely halves a
         * photograph, so the raw size decides, with a margin for the
         * pyramid's levels. */
        guint64 raw = (guint64) job->width * job->height * vips_image_get_bands (image);
        gboolean big = raw * (job->pyramidal ? 4 : 3) / 3 >= ((guint64) 4 << 30) - ((guint64) 256 << 20);

        return vips_tiffsave (image, tmp,
                              "tile", TRUE,
                              "tile_width", 256,
                              "tile_height", 256,
                              "compression", VIPS_FOREIGN_TIFF_COMPRESSION_DEFLATE,
                              "predictor", VIPS_FOREIGN_TIFF_PREDICTOR_HORIZONTAL,
                              "bigtiff", big,
                              "pyramid", job->pyramidal,
                              NULL) == 0;
      }
    }
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (VipsImage) source = NULL;
  g_autoptr (VipsImage) sized = NULL;
  g_autoptr (VipsImage) out = NULL;
  GError *error = NULL;
  gboolean ok;

  source = open_source (job, &error);
  if (source == NULL)
    {
      fail_job (task, job, error);
      return;
    }

  if (vips_image_get_width (source) != job->width || vips_image_get_height (source) != job->height)
    {
      g_autoptr (VipsImage) resized = NULL;

      if (vips_resize (source, &resized, (double) job->width / vips_image_get_width (source),
                       "vscale", (double) job->height / vips_image_get_height (source),
                       NULL) != 0 ||
          vips_embed (resized, &sized, 0, 0, job->width, job->height,
                      "extend", VIPS_EXTEND_COPY, NULL) != 0)
        {
          vt_gate_set_vips_error (&error, VT_CANVAS_ERROR_DECODE, _("The image could not be resized"));
          fail_job (task, job, error);
          return;
        }
    }
  else
    sized = g_object_ref (source);

  if (vips_copy (sized, &out, NULL) != 0)
    {
      vt_gate_set_vips_error (&error, VT_CANVAS_ERROR_DECODE, _("The image could not be read"));
      fail_job (task, job, error);
      return;
    }
  vips_image_set_blob_copy (out, "xmp-data", job->xmp, strlen (job->xmp));
  /* IPTC in JPEG only: PNG has no place for it, and libvips writes TIFF's
   * IPTC tag as 32-bit words that exiv2 0.27 reads a quarter of. */
  if (vips_image_get_typeof (out, "iptc-data"))
    vips_image_remove (out, "iptc-data");
  if (job->format == VT_EXPORT_FORMAT_JPEG)
    {
      gsize len;
      const void *data = g_bytes_get_data (job->iptc, &len);

      vips_image_set_blob_copy (out, "iptc-data", data, len);
    }
  vips_image_set_progress (out, TRUE);
  g_signal_connect (out, "eval", G_CALLBACK (eval_cb), job);

  ok = save (job, out);
  g_signal_handlers_disconnect_by_data (out, job);
  if (!ok)
    {
      GError *cause = job->stitch ? vt_export_stitch_dup_error (job->stitch) : NULL;

      if (g_cancellable_set_error_if_cancelled (job->cancellable, &error))
        {
          g_clear_error (&cause);
          vips_error_clear ();
        }
      else if (cause != NULL)
        {
          error = cause;
          vips_error_clear ();
        }
      else
        {
          g_debug ("libvips: %s", vips_error_buffer ());
          vips_error_clear ();
          g_set_error (&error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_WRITE,
                       _("The file could not be written"));
        }
      fail_job (task, job, error);
      return;
    }

  if (!vt_export_commit_part (&job->tmp_path, job->dest_path, &error))
    {
      fail_job (task, job, error);
      return;
    }
  set_progress (job, 1.0);
  g_task_return_boolean (task, TRUE);
}

static void
single_fetched_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  job->single_bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  if (job->single_bytes == NULL)
    {
      fail_job (task, job, error);
      return;
    }
  g_task_run_in_thread (task, run_thread);
}

static char *
dup_single_url (VtExport   *self,
                const Plan *plan)
{
  const VtImageService *service = vt_tile_pyramid_get_service (self->pyramid);
  g_autofree char *id = g_strdup (service->id);
  g_autofree char *region = NULL;
  g_autofree char *size = NULL;
  gsize len = strlen (id);

  while (len > 0 && id[len - 1] == '/')
    id[--len] = '\0';
  if (plan->lx == 0 && plan->ly == 0 && plan->lw == self->image_width && plan->lh == self->image_height)
    region = g_strdup ("full");
  else
    region = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              plan->lx, plan->ly, plan->lw, plan->lh);
  /* Image API 2 level 1 has `w,` but not `w,h`; the height the server
   * works out is within a pixel, and resized to the exact size. */
  if (service->version >= VT_IMAGE_API_3 || service->level >= 2 ||
      vt_image_service_supports (service, "sizeByWh"))
    size = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, plan->sw, plan->sh);
  else
    size = g_strdup_printf ("%" G_GINT64_FORMAT ",", plan->sw);
  return g_strdup_printf ("%s/%s/%s/0/default.jpg", id, region, size);
}

/**
 * vt_export_run_async:
 * @destination: a local file; replaced only once the export is complete
 *
 * Exports in libvips' threads, fetching on the calling thread's main
 * context. VtExport:progress follows it. A cancelled or failed export
 * leaves no file. Fails with %VT_EXPORT_ERROR_LIMITED (naming the largest
 * possible size) when the server's limits forbid the size asked for, with
 * %VT_EXPORT_ERROR_TOO_LARGE when the format cannot hold it, or with the
 * network layer's or decoder's error when a tile fails.
 */
void
vt_export_run_async (VtExport            *self,
                     GFile               *destination,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;
  GError *error = NULL;

  g_return_if_fail (VT_IS_EXPORT (self));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_export_run_async);
  self->single_request = FALSE;

  job = g_new0 (Job, 1);
  job->self = g_object_ref (self);
  job->rx = self->rx;
  job->ry = self->ry;
  job->rw = self->rw;
  job->rh = self->rh;
  job->width = self->width;
  job->height = self->height;
  job->format = self->format;
  job->pyramidal = self->pyramidal && self->format == VT_EXPORT_FORMAT_TIFF;
  job->xmp = vt_export_metadata_to_xmp (self->metadata);
  job->iptc = vt_export_metadata_to_iptc (self->metadata, TRUE);
  job->path = g_strdup (self->path);
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  job->last_percent = -1;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  if (self->format == VT_EXPORT_FORMAT_JPEG &&
      (self->width > VT_EXPORT_JPEG_MAX_SIDE || self->height > VT_EXPORT_JPEG_MAX_SIDE))
    {
      g_task_return_new_error (task, VT_EXPORT_ERROR, VT_EXPORT_ERROR_TOO_LARGE,
                               _("JPEG holds at most %d pixels a side, and this export is %" PRId64
                                 " × %" PRId64 ": choose TIFF or a smaller size"),
                               VT_EXPORT_JPEG_MAX_SIDE, self->width, self->height);
      return;
    }
  if (!vt_export_choose_plan (self, self->width, self->height, &job->plan))
    {
      gint64 max_w, max_h;

      vt_export_get_max_size (self, &max_w, &max_h);
      g_task_return_new_error (task, VT_EXPORT_ERROR, VT_EXPORT_ERROR_LIMITED,
                               _("The image server gives this region at most %" PRId64
                                 " × %" PRId64 " pixels, not %" PRId64 " × %" PRId64),
                               max_w, max_h, self->width, self->height);
      return;
    }

  if (!vt_export_reserve_part (destination, &job->dest_path, &job->tmp_path, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->plan.kind)
    {
    case PLAN_SINGLE:
      {
        g_autofree char *url = dup_single_url (self, &job->plan);

        self->single_request = TRUE;
        g_debug ("export in one request: %s", url);
        vt_client_fetch_async (self->client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE,
                               VT_FETCH_PRIORITY_DEFAULT, job->cancellable,
                               single_fetched_cb, g_steal_pointer (&task));
        return;
      }
    case PLAN_TILES:
      g_debug ("export from level %u tiles, region %" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
               " %" G_GINT64_FORMAT "×%" G_GINT64_FORMAT,
               job->plan.level, job->plan.lx, job->plan.ly, job->plan.lw, job->plan.lh);
      job->stitch = vt_export_stitch_new (self->client, self->pyramid, job->plan.level,
                                          job->plan.lx, job->plan.ly, job->plan.lw, job->plan.lh,
                                          job->cancellable);
      break;
    case PLAN_LOCAL:
    default:
      break;
    }
  g_task_run_in_thread (task, run_thread);
}

gboolean
vt_export_run_finish (VtExport      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
