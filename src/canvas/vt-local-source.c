/* vt-local-source.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-local-source"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vt-canvas-error.h"
#include "vt-decoder-private.h"
#include "vt-local-source.h"

/* A curator's own TIFF or JPEG master, deep-zoomed offline. Each level is a
 * libvips image (a page of a pyramidal TIFF when there is one, otherwise a
 * resize of the full image); a tile is a crop of it, computed in the
 * decoder pool. Cropping one image per level, rather than resizing each
 * tile's own region, means neighbouring tiles are cut from the same
 * resampled image: no seams from resampling.
 *
 * A large image that is not pyramidal (a strip TIFF, a big JPEG) cannot be
 * resized tile by tile: every tile of a reduced level reads most of the
 * file. It is read twice, in order, in a worker thread: once for a preview
 * that serves the coarse levels (libvips' thumbnail, which shrinks while
 * loading where the format can), then for a pyramid of the half size and
 * below, kept in the user's cache (VtPyramidCache) so that the next open
 * is instant. Until then, tiles of levels not ready wait. The full size is
 * always cut from the original. */

#define BUILD_GATE_WAIT_US (100 * G_TIME_SPAN_MILLISECOND)

struct _VtLocalSource
{
  VtTileSource parent_instance;

  char *path;
  GPtrArray *level_images;  /* VipsImage or NULL while not ready, coarsest first */
  VtSourceLevel *levels;
  guint n_levels;
  guint preview_level;
  VtLocalSourceStage stage;
  char *pyramid_path;       /* the cached pyramid in use, or NULL */

  GQueue pending;           /* GTask of tiles waiting for their level */
  guint sweep_id;
  GCancellable *cancellable; /* the build's */
};

G_DEFINE_ENUM_TYPE (VtLocalSourceStage, vt_local_source_stage,
                    G_DEFINE_ENUM_VALUE (VT_LOCAL_SOURCE_STAGE_HEADER, "header"),
                    G_DEFINE_ENUM_VALUE (VT_LOCAL_SOURCE_STAGE_PREVIEW, "preview"),
                    G_DEFINE_ENUM_VALUE (VT_LOCAL_SOURCE_STAGE_COMPLETE, "complete"))

G_DEFINE_FINAL_TYPE (VtLocalSource, vt_local_source, VT_TYPE_TILE_SOURCE)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GMutex gate_lock;
static GCond gate_cond;
static gboolean gate_closed;

typedef struct
{
  VipsImage *image;
  char *cache_path;         /* the pyramid @image comes from, or NULL */
  guint x, y, w, h;
} CropData;

typedef struct
{
  guint level, x, y;
  int priority;
  gulong cancel_id;
} Pending;

static void
crop_data_free (gpointer data)
{
  CropData *d = data;

  g_object_unref (d->image);
  g_free (d->cache_path);
  g_free (d);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static GdkTexture *
crop_func (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  CropData *d = data;
  g_autoptr (VipsImage) tile = NULL;
  GdkTexture *texture = NULL;

  if (vips_crop (d->image, &tile, d->x, d->y, d->w, d->h, NULL) == 0)
    texture = vt_texture_new_from_vips (tile, error);
  else
    {
      g_debug ("crop: %s", vips_error_buffer ());
      vips_error_clear ();
      g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                           _("The image file could not be read"));
    }

  /* A cached pyramid damaged after it was checked: the next open rebuilds. */
  if (texture == NULL && d->cache_path != NULL)
    {
      g_debug ("%s is damaged: removing it", d->cache_path);
      g_unlink (d->cache_path);
    }
  return texture;
}

static void
start_crop (VtLocalSource       *self,
            guint                level,
            guint                x,
            guint                y,
            int                  priority,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  CropData *d = g_new0 (CropData, 1);

  d->image = g_object_ref (g_ptr_array_index (self->level_images, level));
  /* Only the reduced levels come from the cache. */
  if (level + 1 < self->n_levels)
    d->cache_path = g_strdup (self->pyramid_path);
  vt_tile_source_get_tile_rect (VT_TILE_SOURCE (self), level, x, y, &d->x, &d->y, &d->w, &d->h);
  vt_decoder_run_async (vt_decoder_get_default (), self, crop_func, d, crop_data_free,
                        priority, cancellable, callback, user_data);
}

static void
crop_forward_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  GdkTexture *texture = g_task_propagate_pointer (G_TASK (result), &error);

  if (texture != NULL)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Hands the waiting tiles whose level is ready to the decoder; with
 * @error, fails them all. Cancelled ones end now. */
static void
dispatch_pending (VtLocalSource *self,
                  const GError  *error)
{
  GList *l = self->pending.head;

  while (l != NULL)
    {
      GList *next = l->next;
      GTask *task = l->data;
      Pending *p = g_task_get_task_data (task);
      GCancellable *cancellable = g_task_get_cancellable (task);
      gboolean cancelled = g_cancellable_is_cancelled (cancellable);

      if (cancelled || error != NULL || g_ptr_array_index (self->level_images, p->level) != NULL)
        {
          g_queue_delete_link (&self->pending, l);
          if (p->cancel_id != 0)
            g_cancellable_disconnect (cancellable, p->cancel_id);
          if (cancelled)
            g_task_return_error_if_cancelled (task);
          else if (error != NULL)
            g_task_return_error (task, g_error_copy (error));
          else
            start_crop (self, p->level, p->x, p->y, p->priority, cancellable,
                        crop_forward_cb, g_object_ref (task));
          g_object_unref (task);
        }
      l = next;
    }
}

static gboolean
sweep_cb (gpointer user_data)
{
  VtLocalSource *self = user_data;

  self->sweep_id = 0;
  dispatch_pending (self, NULL);
  return G_SOURCE_REMOVE;
}

/* Runs inside g_cancellable_cancel (): the waiting tile ends from an idle,
 * not under the canceller's feet. */
static void
pending_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  VtLocalSource *self = user_data;

  if (self->sweep_id == 0)
    self->sweep_id = g_idle_add_full (G_PRIORITY_DEFAULT, sweep_cb, g_object_ref (self),
                                      g_object_unref);
}

static void
vt_local_source_load_tile_async (VtTileSource        *source,
                                 guint                level,
                                 guint                x,
                                 guint                y,
                                 int                  priority,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  VtLocalSource *self = VT_LOCAL_SOURCE (source);
  GTask *task;
  Pending *p;

  if (level >= self->n_levels)
    {
      g_task_report_new_error (self, callback, user_data, vt_local_source_load_tile_async,
                               VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE,
                               "No level %u", level);
      return;
    }

  if (g_ptr_array_index (self->level_images, level) != NULL)
    {
      start_crop (self, level, x, y, priority, cancellable, callback, user_data);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_local_source_load_tile_async);
  p = g_new0 (Pending, 1);
  p->level = level;
  p->x = x;
  p->y = y;
  p->priority = priority;
  g_task_set_task_data (task, p, g_free);
  g_queue_push_tail (&self->pending, task);
  if (cancellable != NULL)
    p->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (pending_cancelled_cb), self, NULL);
}

static GdkTexture *
vt_local_source_load_tile_finish (VtTileSource  *source,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Levels */

static void
set_stage (VtLocalSource      *self,
           VtLocalSourceStage  stage)
{
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/* @image resized to exactly @level's size (it may differ by a pixel:
 * libvips and this source round halved sizes differently). */
static VipsImage *
fit_level (VtLocalSource *self,
           VipsImage     *image,
           guint          level)
{
  const VtSourceLevel *l = &self->levels[level];
  int iw = vips_image_get_width (image), ih = vips_image_get_height (image);
  VipsImage *out = NULL;
  int ret;

  if ((guint) iw == l->width && (guint) ih == l->height)
    return g_object_ref (image);
  if (ABS (iw - (int) l->width) <= 1 && ABS (ih - (int) l->height) <= 1)
    ret = vips_embed (image, &out, 0, 0, l->width, l->height, "extend", VIPS_EXTEND_COPY, NULL);
  else
    ret = vips_resize (image, &out, (double) l->width / iw,
                       "vscale", (double) l->height / ih, NULL);
  if (ret != 0)
    {
      g_debug ("fit level %u: %s", level, vips_error_buffer ());
      vips_error_clear ();
      return NULL;
    }
  return out;
}

/* Every reduced level still missing, resized from the full image: what
 * small images always get, and large ones when no pyramid can be built. */
static gboolean
resize_missing_levels (VtLocalSource  *self,
                       GError        **error)
{
  VipsImage *full = g_ptr_array_index (self->level_images, self->n_levels - 1);

  for (guint l = 0; l + 1 < self->n_levels; l++)
    {
      VipsImage *level;

      if (g_ptr_array_index (self->level_images, l) != NULL)
        continue;
      level = fit_level (self, full, l);
      if (level == NULL)
        {
          g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                               _("The image file could not be read"));
          return FALSE;
        }
      g_ptr_array_index (self->level_images, l) = level;
    }
  return TRUE;
}

/* The reduced levels from a cached pyramid: page k is level n - 2 - k;
 * levels below its last page are resized from that page. */
static gboolean
open_pyramid_file (VtLocalSource *self,
                   const char    *pyramid_path)
{
  g_autoptr (GPtrArray) levels = g_ptr_array_new_with_free_func (unref_nullable);
  g_autoptr (VipsImage) smallest = NULL;
  int n_pages;

  g_ptr_array_set_size (levels, self->n_levels - 1);
  {
    g_autoptr (VipsImage) first = vips_image_new_from_file (pyramid_path, "access",
                                                            VIPS_ACCESS_RANDOM, NULL);

    if (first == NULL)
      {
        vips_error_clear ();
        return FALSE;
      }
    n_pages = vips_image_get_n_pages (first);
  }

  for (int level = (int) self->n_levels - 2; level >= 0; level--)
    {
      int page = (int) self->n_levels - 2 - level;
      g_autoptr (VipsImage) image = NULL;

      if (page < n_pages)
        {
          image = vips_image_new_from_file (pyramid_path, "page", page,
                                            "access", VIPS_ACCESS_RANDOM, NULL);
          if (image == NULL ||
              ABS (vips_image_get_width (image) - (int) self->levels[level].width) > 1 ||
              ABS (vips_image_get_height (image) - (int) self->levels[level].height) > 1)
            {
              vips_error_clear ();
              g_debug ("%s: page %d does not fit", pyramid_path, page);
              return FALSE;
            }
          g_set_object (&smallest, image);
        }
      else if (smallest == NULL)
        return FALSE;
      g_ptr_array_index (levels, level) = fit_level (self, page < n_pages ? image : smallest,
                                                     level);
      if (g_ptr_array_index (levels, level) == NULL)
        return FALSE;
    }

  for (guint l = 0; l + 1 < self->n_levels; l++)
    if (g_ptr_array_index (self->level_images, l) == NULL)
      g_ptr_array_index (self->level_images, l) = g_object_ref (g_ptr_array_index (levels, l));
  g_free (self->pyramid_path);
  self->pyramid_path = g_strdup (pyramid_path);
  return TRUE;
}

static void
pyramid_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr (VipsImage) full = NULL;
  g_autoptr (VipsImage) half = NULL;
  const char *loader;
  GError *error = NULL;
  char *pyramid;

  g_mutex_lock (&gate_lock);
  while (gate_closed && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait_until (&gate_cond, &gate_lock, g_get_monotonic_time () + BUILD_GATE_WAIT_US);
  g_mutex_unlock (&gate_lock);

  /* In order, once: a strip TIFF streams through the shrink; libjpeg
   * halves a JPEG while decoding it, for a fraction of the work. */
  loader = vips_foreign_find_load (path);
  if (loader != NULL && g_str_has_prefix (loader, "VipsForeignLoadJpeg"))
    half = vips_image_new_from_file (path, "access", VIPS_ACCESS_SEQUENTIAL, "shrink", 2, NULL);
  else if ((full = vips_image_new_from_file (path, "access", VIPS_ACCESS_SEQUENTIAL, NULL)) != NULL &&
           vips_shrink (full, &half, 2, 2, NULL) != 0)
    g_clear_object (&half);
  if (half == NULL)
    {
      g_debug ("shrink %s: %s", path, vips_error_buffer ());
      vips_error_clear ();
      g_task_return_new_error (task, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                               _("The image file could not be read"));
      return;
    }
  pyramid = vt_pyramid_cache_build (vt_pyramid_cache_get_default (), path, half,
                                    cancellable, &error);
  if (pyramid != NULL)
    g_task_return_pointer (task, pyramid, g_free);
  else
    g_task_return_error (task, error);
}

static void
pyramid_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VtLocalSource *self = VT_LOCAL_SOURCE (object);
  g_autoptr (GError) error = NULL;
  g_autofree char *pyramid = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pyramid == NULL || !open_pyramid_file (self, pyramid))
    {
      g_autoptr (GError) resize_error = NULL;

      /* No cache (a read-only home, a full disk): slow, but it shows. */
      g_debug ("no pyramid for %s: %s", self->path, error ? error->message : "unreadable");
      if (!resize_missing_levels (self, &resize_error))
        {
          dispatch_pending (self, resize_error);
          set_stage (self, VT_LOCAL_SOURCE_STAGE_COMPLETE);
          return;
        }
    }
  dispatch_pending (self, NULL);
  set_stage (self, VT_LOCAL_SOURCE_STAGE_COMPLETE);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  VtLocalSource *self = source_object;
  const VtSourceLevel *l = &self->levels[self->preview_level];
  g_autoptr (VipsImage) thumb = NULL;
  g_autoptr (VipsImage) display = NULL;
  VipsImage *memory;
  GError *error = NULL;

  if (vips_thumbnail (self->path, &thumb, l->width, "height", l->height,
                      "size", VIPS_SIZE_FORCE, "no_rotate", TRUE, NULL) != 0 ||
      (display = vt_vips_to_display (thumb, &error)) == NULL ||
      (memory = vips_image_copy_memory (display)) == NULL)
    {
      g_debug ("preview %s: %s", self->path, vips_error_buffer ());
      vips_error_clear ();
      if (error == NULL)
        error = g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                                     _("The image file could not be read"));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, memory, g_object_unref);
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VtLocalSource *self = VT_LOCAL_SOURCE (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (VipsImage) preview = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (GTask) task = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without a preview the pyramid still comes; tiles wait for it. */
  if (preview != NULL)
    {
      for (guint l = 0; l <= self->preview_level; l++)
        g_ptr_array_index (self->level_images, l) = fit_level (self, preview, l);
      dispatch_pending (self, NULL);
      set_stage (self, VT_LOCAL_SOURCE_STAGE_PREVIEW);
    }

  task = g_task_new (self, self->cancellable, pyramid_done_cb, NULL);
  g_task_set_source_tag (task, preview_done_cb);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, pyramid_thread);
}

static void
start_build (VtLocalSource *self)
{
  g_autoptr (GTask) task = NULL;

  for (guint l = 0; l + 1 < self->n_levels; l++)
    if (MAX (self->levels[l].width, self->levels[l].height) <= VT_LOCAL_SOURCE_PREVIEW_SIZE)
      self->preview_level = l;

  task = g_task_new (self, self->cancellable, preview_done_cb, NULL);
  g_task_set_source_tag (task, start_build);
  g_task_run_in_thread (task, preview_thread);
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
vt_local_source_dispose (GObject *object)
{
  VtLocalSource *self = VT_LOCAL_SOURCE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->sweep_id, g_source_remove);

  G_OBJECT_CLASS (vt_local_source_parent_class)->dispose (object);
}

static void
vt_local_source_finalize (GObject *object)
{
  VtLocalSource *self = VT_LOCAL_SOURCE (object);

  /* Waiting tiles hold the source: none is left by now. */
  g_assert (g_queue_is_empty (&self->pending));
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->pyramid_path, g_free);
  g_clear_pointer (&self->levels, g_free);
  g_clear_pointer (&self->level_images, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vt_local_source_parent_class)->finalize (object);
}

static void
vt_local_source_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VtLocalSource *self = VT_LOCAL_SOURCE (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_local_source_class_init (VtLocalSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VtTileSourceClass *source_class = VT_TILE_SOURCE_CLASS (klass);

  object_class->dispose = vt_local_source_dispose;
  object_class->finalize = vt_local_source_finalize;
  object_class->get_property = vt_local_source_get_property;
  source_class->load_tile_async = vt_local_source_load_tile_async;
  source_class->load_tile_finish = vt_local_source_load_tile_finish;

  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, VT_TYPE_LOCAL_SOURCE_STAGE,
                       VT_LOCAL_SOURCE_STAGE_HEADER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_local_source_init (VtLocalSource *self)
{
  self->level_images = g_ptr_array_new_with_free_func (unref_nullable);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->pending);
}

/* The pages of a pyramidal TIFF, when each halves the previous one. */
static gboolean
open_pyramid_pages (VtLocalSource *self,
                    VipsImage     *full)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  int n_pages = vips_image_get_n_pages (full);
  const char *loader = NULL;

  if (n_pages < 2 ||
      vips_image_get_typeof (full, VIPS_META_LOADER) == 0 ||
      vips_image_get_string (full, VIPS_META_LOADER, &loader) != 0 ||
      g_strcmp0 (loader, "tiffload") != 0)
    return FALSE;

  g_ptr_array_add (pages, g_object_ref (full));
  for (int p = 1; p < n_pages; p++)
    {
      VipsImage *prev = g_ptr_array_index (pages, pages->len - 1);
      VipsImage *page = vips_image_new_from_file (self->path, "page", p,
                                                  "access", VIPS_ACCESS_RANDOM, NULL);
      int pw, ph;

      if (page == NULL)
        {
          vips_error_clear ();
          break;
        }
      pw = vips_image_get_width (prev);
      ph = vips_image_get_height (prev);
      if (ABS (vips_image_get_width (page) - (pw + 1) / 2) > 1 ||
          ABS (vips_image_get_height (page) - (ph + 1) / 2) > 1 ||
          vips_image_get_bands (page) != vips_image_get_bands (full))
        {
          g_object_unref (page);
          break;
        }
      g_ptr_array_add (pages, page);
    }

  if (pages->len < 2)
    return FALSE;

  /* Coarsest first. */
  for (guint i = pages->len; i > 0; i--)
    g_ptr_array_add (self->level_images, g_object_ref (g_ptr_array_index (pages, i - 1)));
  return TRUE;
}

/* Halving until a level fits in one tile. */
static void
plan_levels (VtLocalSource *self,
             VipsImage     *full)
{
  guint w = vips_image_get_width (full);
  guint h = vips_image_get_height (full);
  guint shift = 0;

  while ((w >> shift) > VT_LOCAL_SOURCE_TILE_SIZE || (h >> shift) > VT_LOCAL_SOURCE_TILE_SIZE)
    shift++;
  self->n_levels = shift + 1;
  self->levels = g_new0 (VtSourceLevel, self->n_levels);
  g_ptr_array_set_size (self->level_images, self->n_levels);
  for (guint i = 0; i < self->n_levels; i++)
    {
      guint s = shift - i;

      self->levels[i].width = MAX (1, (w + (1u << s) - 1) >> s);
      self->levels[i].height = MAX (1, (h + (1u << s) - 1) >> s);
    }
  g_ptr_array_index (self->level_images, self->n_levels - 1) = g_object_ref (full);
}

/**
 * vt_local_source_new:
 * @path: a local image file libvips can read (TIFF, JPEG, PNG, …)
 *
 * Reads the file's header (not its pixels) and plans the pyramid. A large
 * image that is not pyramidal gets its pyramid from the user's cache, or
 * has it built there in the background (see #VtLocalSource:stage).
 *
 * Returns: (transfer full): the source, or %NULL with @error set
 */
VtLocalSource *
vt_local_source_new (const char  *path,
                     GError     **error)
{
  g_autoptr (VtLocalSource) self = NULL;
  g_autoptr (VipsImage) full = NULL;
  VtPyramidCache *cache;

  g_return_val_if_fail (path != NULL, NULL);

  vt_decoder_get_default ();
  cache = vt_pyramid_cache_get_default ();

  full = vips_image_new_from_file (path, "access", VIPS_ACCESS_RANDOM, NULL);
  if (full == NULL)
    {
      g_debug ("open %s: %s", path, vips_error_buffer ());
      vips_error_clear ();
      g_set_error (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                   _("“%s” is not an image that can be opened"), path);
      return NULL;
    }

  self = g_object_new (VT_TYPE_LOCAL_SOURCE, NULL);
  self->path = g_strdup (path);
  self->stage = VT_LOCAL_SOURCE_STAGE_COMPLETE;

  if (open_pyramid_pages (self, full))
    {
      self->n_levels = self->level_images->len;
      self->levels = g_new0 (VtSourceLevel, self->n_levels);
      for (guint i = 0; i < self->n_levels; i++)
        {
          VipsImage *image = g_ptr_array_index (self->level_images, i);

          self->levels[i].width = vips_image_get_width (image);
          self->levels[i].height = vips_image_get_height (image);
        }
    }
  else
    {
      g_autofree char *cached = NULL;
      guint64 pixels = (guint64) vips_image_get_width (full) * vips_image_get_height (full);

      plan_levels (self, full);
      if (self->n_levels < 3 || pixels < vt_pyramid_cache_get_min_pixels (cache))
        {
          if (!resize_missing_levels (self, error))
            return NULL;
        }
      else if ((cached = vt_pyramid_cache_lookup (cache, path)) != NULL &&
               open_pyramid_file (self, cached))
        ;
      else
        {
          if (cached != NULL)
            vt_pyramid_cache_discard (cache, path);
          self->stage = VT_LOCAL_SOURCE_STAGE_HEADER;
          start_build (self);
        }
    }

  for (guint i = 0; i < self->n_levels; i++)
    {
      self->levels[i].tile_width = VT_LOCAL_SOURCE_TILE_SIZE;
      self->levels[i].tile_height = VT_LOCAL_SOURCE_TILE_SIZE;
    }
  vt_tile_source_set_geometry (VT_TILE_SOURCE (self),
                               vips_image_get_width (full), vips_image_get_height (full),
                               self->levels, self->n_levels);
  return g_steal_pointer (&self);
}

VtLocalSourceStage
vt_local_source_get_stage (VtLocalSource *self)
{
  g_return_val_if_fail (VT_IS_LOCAL_SOURCE (self), VT_LOCAL_SOURCE_STAGE_HEADER);
  return self->stage;
}

/**
 * vt_local_source_get_pyramid_path:
 *
 * Returns: (nullable): the cached pyramid the reduced levels come from
 */
const char *
vt_local_source_get_pyramid_path (VtLocalSource *self)
{
  g_return_val_if_fail (VT_IS_LOCAL_SOURCE (self), NULL);
  return self->pyramid_path;
}

/* While @closed, every pyramid build waits once its preview is shown, so
 * a test can look at the preview stage for as long as it needs. */
void
vt_local_source_set_build_gate (gboolean closed)
{
  g_mutex_lock (&gate_lock);
  gate_closed = closed;
  g_cond_broadcast (&gate_cond);
  g_mutex_unlock (&gate_lock);
}
