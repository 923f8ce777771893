/* vt-export-png.c
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
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "canvas/vt-canvas-error.h"
#include "vt-decode-gate.h"
#include "vt-export-error.h"
#include "vt-export-private.h"
#include "vt-export-png.h"

/* A picture already made (the view as the canvas draws it, which the
 * application renders) saved as PNG with the same XMP rights as an
 * export, through a temporary file renamed when complete. The bytes are
 * the application's own, but they open through the decoder's gate all
 * the same: one route into libvips. */

typedef struct
{
  GBytes *png;
  guint   width, height;
  char   *xmp;
  char   *dest_path;
  char   *tmp_path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  if (job->tmp_path != NULL)
    g_unlink (job->tmp_path);
  g_clear_pointer (&job->png, g_bytes_unref);
  g_free (job->xmp);
  g_free (job->dest_path);
  g_free (job->tmp_path);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr (VipsImage) image = NULL;
  g_autoptr (VipsImage) out = NULL;
  GError *error = NULL;

  image = vt_gate_open_checked (job->png, job->width, job->height, &error);
  if (image == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (vips_copy (image, &out, NULL) != 0)
    {
      vt_gate_set_vips_error (&error, VT_CANVAS_ERROR_DECODE, _("The image could not be read"));
      g_task_return_error (task, error);
      return;
    }
  vips_image_set_blob_copy (out, "xmp-data", job->xmp, strlen (job->xmp));
  if (g_task_return_error_if_cancelled (task))
    return;
  if (vips_pngsave (out, job->tmp_path, NULL) != 0)
    {
      g_debug ("libvips: %s", vips_error_buffer ());
      vips_error_clear ();
      g_task_return_new_error (task, VT_EXPORT_ERROR, VT_EXPORT_ERROR_WRITE,
                               _("The file could not be written"));
      return;
    }
  if (!vt_export_commit_part (&job->tmp_path, job->dest_path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * vt_export_save_png_async:
 * @png: a PNG of @width × @height pixels
 * @metadata: the rights, credit and source to embed as XMP
 * @destination: a local file, replaced only once the PNG is complete
 *
 * Saves @png again with @metadata in it, in a worker thread.
 */
void
vt_export_save_png_async (GBytes                 *png,
                          guint                   width,
                          guint                   height,
                          const VtExportMetadata *metadata,
                          GFile                  *destination,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_autoptr (GTask) task = NULL;
  SaveJob *job;
  GError *error = NULL;

  g_return_if_fail (png != NULL);
  g_return_if_fail (metadata != NULL);
  g_return_if_fail (G_IS_FILE (destination));

  if (VIPS_INIT ("vitrine") != 0)
    g_warning ("libvips could not start: %s", vips_error_buffer ());

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_export_save_png_async);
  job = g_new0 (SaveJob, 1);
  job->png = g_bytes_ref (png);
  job->width = width;
  job->height = height;
  job->xmp = vt_export_metadata_to_xmp (metadata);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);

  if (!vt_export_reserve_part (destination, &job->dest_path, &job->tmp_path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, save_thread);
}

gboolean
vt_export_save_png_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
