/* vt-export-stitch.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "canvas/vt-canvas-error.h"
#include "vt-export-stitch.h"

/* A region of one pyramid level as a libvips image whose pixels are tiles
 * fetched on demand, so that a saver streams it: libvips asks for strips
 * from top to bottom (in its worker threads); the first strip that needs
 * a row of tiles asks the main thread to fetch it (and the next ones, so
 * the network keeps busy while the file is written), waits, decodes the
 * row through the decoder's gate and keeps it until the saver has moved
 * two rows further. Memory is a handful of tile rows whatever the size of
 * the output: 5 rows of a 16384 px wide region of 256 px tiles are 60 MiB.
 *
 * The client is used on the main thread only (the context the stitch was
 * made on); libvips' threads only wait for bytes. */

#define ROWS_AHEAD 2
#define ROWS_BEHIND 2
#define WAIT_STEP_US (50 * G_TIME_SPAN_MILLISECOND)

typedef enum
{
  ROW_FETCHING,
  ROW_FETCHED,
  ROW_DECODING,
  ROW_READY,
  ROW_FAILED,
} RowState;

typedef struct
{
  guint     ty;
  guint     n_columns;
  RowState  state;
  guint     n_pending;
  GBytes  **bytes;      /* per column of the region, until decoded */
  VtTile   *tiles;
  guchar   *pixels;     /* span_width × height × 3, once decoded */
  gint64    top;        /* level y of the row's first line */
  guint     height;
} Row;

struct _VtExportStitch
{
  gatomicrefcount  ref_count;
  VtClient        *client;
  VtTilePyramid   *pyramid;
  guint            level;
  VtTileLevel      info;
  gint64           x, y, width, height;   /* the region, in level pixels */
  guint            tx0, tx1, ty0, ty1;    /* its tiles, inclusive */
  gint64           span_x;                /* level x of column tx0 */
  gint64           span_width;
  GMainContext    *context;
  GCancellable    *cancellable;

  GMutex           lock;
  GCond            cond;
  GHashTable      *rows;                  /* ty → Row (a reference) */
  GError          *error;
  guint            n_fetched;

  VipsImage       *image;
};

static void
row_clear (Row *row)
{
  for (guint i = 0; row->bytes != NULL && i < row->n_columns; i++)
    g_clear_pointer (&row->bytes[i], g_bytes_unref);
  g_free (row->bytes);
  g_free (row->pixels);
  g_free (row->tiles);
}

static Row *
row_ref (Row *row)
{
  return g_atomic_rc_box_acquire (row);
}

static void
row_unref (Row *row)
{
  g_atomic_rc_box_release_full (row, (GDestroyNotify) row_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Row, row_unref)

VtExportStitch *
vt_export_stitch_ref (VtExportStitch *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vt_export_stitch_unref (VtExportStitch *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_error (&self->error);
  g_clear_object (&self->client);
  g_clear_pointer (&self->pyramid, vt_tile_pyramid_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

static guint
n_columns (VtExportStitch *self)
{
  return self->tx1 - self->tx0 + 1;
}

static void
fail_locked (VtExportStitch *self,
             Row            *row,
             const GError   *error)
{
  row->state = ROW_FAILED;
  if (self->error == NULL)
    self->error = g_error_copy (error);
  g_cond_broadcast (&self->cond);
}

typedef struct
{
  VtExportStitch *stitch;
  Row            *row;
  guint           column;
} TileFetch;

static void
tile_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TileFetch *fetch = user_data;
  VtExportStitch *self = fetch->stitch;
  Row *row = fetch->row;
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  g_mutex_lock (&self->lock);
  if (bytes != NULL)
    {
      row->bytes[fetch->column] = bytes;
      self->n_fetched++;
    }
  else if (row->state != ROW_FAILED)
    fail_locked (self, row, error);
  if (--row->n_pending == 0 && row->state == ROW_FETCHING)
    {
      row->state = ROW_FETCHED;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);

  row_unref (fetch->row);
  vt_export_stitch_unref (fetch->stitch);
  g_free (fetch);
}

/* On the main thread: one request per tile of the row. */
static gboolean
fetch_row (gpointer user_data)
{
  TileFetch *start = user_data;
  VtExportStitch *self = start->stitch;
  Row *row = start->row;

  if (self->client == NULL)
    {
      row_unref (start->row);
      vt_export_stitch_unref (start->stitch);
      g_free (start);
      return G_SOURCE_REMOVE;
    }
  for (guint i = 0; i < n_columns (self); i++)
    {
      g_autofree char *url = vt_tile_pyramid_dup_tile_url (self->pyramid, self->level,
                                                            self->tx0 + i, row->ty);
      TileFetch *fetch = g_new0 (TileFetch, 1);

      fetch->stitch = vt_export_stitch_ref (self);
      fetch->row = row_ref (row);
      fetch->column = i;
      vt_client_fetch_async (self->client, url, VT_FETCH_KIND_TILE, VT_FETCH_FLAGS_NONE,
                             VT_FETCH_PRIORITY_DEFAULT, self->cancellable,
                             tile_fetched_cb, fetch);
    }
  row_unref (start->row);
  vt_export_stitch_unref (start->stitch);
  g_free (start);
  return G_SOURCE_REMOVE;
}

static void
request_row_locked (VtExportStitch *self,
                    guint           ty)
{
  Row *row;
  TileFetch *start;
  guint n = n_columns (self);

  if (ty < self->ty0 || ty > self->ty1 ||
      g_hash_table_contains (self->rows, GUINT_TO_POINTER (ty)))
    return;

  row = g_atomic_rc_box_new0 (Row);
  row->ty = ty;
  row->state = ROW_FETCHING;
  row->n_pending = n;
  row->n_columns = n;
  row->bytes = g_new0 (GBytes *, n);
  row->tiles = g_new0 (VtTile, n);
  for (guint i = 0; i < n; i++)
    vt_tile_pyramid_get_tile (self->pyramid, self->level, self->tx0 + i, ty, &row->tiles[i]);
  row->top = (gint64) ty * self->info.tile_height;
  row->height = row->tiles[0].height;
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (ty), row);

  start = g_new0 (TileFetch, 1);
  start->stitch = vt_export_stitch_ref (self);
  start->row = row_ref (row);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, fetch_row, start, NULL);
}

static gboolean
evict_cb (gpointer key,
          gpointer value,
          gpointer user_data)
{
  Row *row = value;
  guint ty = GPOINTER_TO_UINT (user_data);

  return row->ty + ROWS_BEHIND < ty && (row->state == ROW_READY || row->state == ROW_FAILED);
}

/* Decodes each tile through the gate into the row's pixels. Runs in a
 * libvips worker thread, outside the lock: the row is ours (DECODING). */
static gboolean
decode_row (VtExportStitch  *self,
            Row             *row,
            GError         **error)
{
  gsize line = (gsize) self->span_width * 3;
  guchar *pixels = g_malloc0 (line * row->height);

  for (guint i = 0; i < n_columns (self); i++)
    {
      g_autoptr (VipsImage) tile = NULL;
      g_autoptr (VipsImage) rgb = NULL;
      g_autoptr (VipsRegion) region = NULL;
      VipsRect rect;
      gsize x0 = (gsize) i * self->info.tile_width;

      tile = vt_gate_open_checked (row->bytes[i], row->tiles[i].width, row->tiles[i].height, error);
      if (tile == NULL || (rgb = vt_export_to_rgb (tile, error)) == NULL)
        {
          g_free (pixels);
          return FALSE;
        }
      /* Servers round edge tiles either way: what falls outside the
       * tile's place is not copied, what is missing stays black. */
      rect.left = 0;
      rect.top = 0;
      rect.width = MIN (vips_image_get_width (rgb), (int) row->tiles[i].width);
      rect.height = MIN (vips_image_get_height (rgb), (int) row->height);
      rect.width = MIN ((gint64) rect.width, self->span_width - (gint64) x0);
      region = vips_region_new (rgb);
      if (vips_region_prepare (region, &rect) != 0)
        {
          g_free (pixels);
          vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image is damaged"));
          return FALSE;
        }
      for (int y = 0; y < rect.height; y++)
        memcpy (pixels + y * line + x0 * 3, VIPS_REGION_ADDR (region, 0, y), (gsize) rect.width * 3);
    }
  row->pixels = pixels;
  return TRUE;
}

/* The row @ty, decoded; waits for it. %NULL once the export failed or was
 * cancelled. */
static Row *
get_row (VtExportStitch *self,
         guint           ty)
{
  g_autoptr (Row) row = NULL;

  g_mutex_lock (&self->lock);
  g_hash_table_foreach_remove (self->rows, evict_cb, GUINT_TO_POINTER (ty));
  for (guint i = 0; i <= ROWS_AHEAD; i++)
    request_row_locked (self, ty + i);
  row = row_ref (g_hash_table_lookup (self->rows, GUINT_TO_POINTER (ty)));

  for (;;)
    {
      if (self->error != NULL || g_cancellable_is_cancelled (self->cancellable) ||
          row->state == ROW_FAILED)
        {
          g_mutex_unlock (&self->lock);
          return NULL;
        }
      if (row->state == ROW_READY)
        {
          g_mutex_unlock (&self->lock);
          return g_steal_pointer (&row);
        }
      if (row->state == ROW_FETCHED)
        {
          g_autoptr (GError) error = NULL;
          gboolean ok;

          row->state = ROW_DECODING;
          g_mutex_unlock (&self->lock);
          ok = decode_row (self, row, &error);
          g_mutex_lock (&self->lock);
          for (guint i = 0; i < n_columns (self); i++)
            g_clear_pointer (&row->bytes[i], g_bytes_unref);
          if (ok)
            row->state = ROW_READY;
          else
            fail_locked (self, row, error);
          g_cond_broadcast (&self->cond);
          continue;
        }
      g_cond_wait_until (&self->cond, &self->lock, g_get_monotonic_time () + WAIT_STEP_US);
    }
}

static int
generate (VipsRegion *out,
          void       *seq,
          void       *a,
          void       *b,
          gboolean   *stop)
{
  VtExportStitch *self = a;
  VipsRect *r = &out->valid;
  gint64 first = (self->y + r->top) / self->info.tile_height;
  gint64 last = (self->y + r->top + r->height - 1) / self->info.tile_height;

  for (gint64 ty = first; ty <= last; ty++)
    {
      g_autoptr (Row) row = get_row (self, ty);
      gint64 from, to;

      if (row == NULL)
        {
          vips_error ("vitrine", "%s", "export stopped");
          return -1;
        }
      from = MAX (r->top, row->top - self->y);
      to = MIN (r->top + r->height, row->top + row->height - self->y);
      for (gint64 y = from; y < to; y++)
        memcpy (VIPS_REGION_ADDR (out, r->left, y),
                row->pixels + ((y + self->y - row->top) * self->span_width +
                               (r->left + self->x - self->span_x)) * 3,
                (gsize) r->width * 3);
    }
  return 0;
}

static void
image_closed_cb (VipsImage *image,
                 gpointer   user_data)
{
  vt_export_stitch_unref (user_data);
}

/**
 * vt_export_stitch_new:
 * @level: a level of @pyramid
 * @x: (in level pixels) the region's left
 *
 * Must be called on the thread whose main context the client runs in.
 */
VtExportStitch *
vt_export_stitch_new (VtClient      *client,
                      VtTilePyramid *pyramid,
                      guint          level,
                      gint64         x,
                      gint64         y,
                      gint64         width,
                      gint64         height,
                      GCancellable  *cancellable)
{
  VtExportStitch *self = g_new0 (VtExportStitch, 1);
  const VtTileLevel *info = vt_tile_pyramid_get_level (pyramid, level);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->client = g_object_ref (client);
  self->pyramid = vt_tile_pyramid_ref (pyramid);
  self->level = level;
  self->info = *info;
  self->x = x;
  self->y = y;
  self->width = width;
  self->height = height;
  self->tx0 = x / info->tile_width;
  self->tx1 = (x + width - 1) / info->tile_width;
  self->ty0 = y / info->tile_height;
  self->ty1 = (y + height - 1) / info->tile_height;
  self->span_x = (gint64) self->tx0 * info->tile_width;
  self->span_width = MIN ((gint64) (self->tx1 + 1) * info->tile_width, info->width) - self->span_x;
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) row_unref);

  self->image = vips_image_new ();
  vips_image_init_fields (self->image, width, height, 3, VIPS_FORMAT_UCHAR,
                          VIPS_CODING_NONE, VIPS_INTERPRETATION_sRGB, 1.0, 1.0);
  vips_image_pipelinev (self->image, VIPS_DEMAND_STYLE_THINSTRIP, NULL);
  vips_image_generate (self->image, NULL, generate, NULL, self, NULL);
  g_signal_connect (self->image, "close", G_CALLBACK (image_closed_cb), vt_export_stitch_ref (self));
  return self;
}

/* Returns: (transfer full) */
VipsImage *
vt_export_stitch_get_image (VtExportStitch *self)
{
  return g_object_ref (self->image);
}

GError *
vt_export_stitch_dup_error (VtExportStitch *self)
{
  GError *error = NULL;

  g_mutex_lock (&self->lock);
  if (self->error != NULL)
    error = g_error_copy (self->error);
  g_mutex_unlock (&self->lock);
  return error;
}

guint
vt_export_stitch_get_n_fetched (VtExportStitch *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->n_fetched;
  g_mutex_unlock (&self->lock);
  return n;
}

/* Drops the rows still held, the client and the image reference, once
 * the file is written: libvips' operation cache may keep the image (and so
 * this stitch) alive after the export, its pixels and client need not. */
void
vt_export_stitch_release (VtExportStitch *self)
{
  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->rows);
  g_clear_object (&self->client);
  g_mutex_unlock (&self->lock);
  g_clear_object (&self->image);
}

/**
 * vt_export_to_rgb:
 *
 * @image as 8-bit sRGB, three bands: what the stitched rows hold.
 *
 * Returns: (transfer full): the image, or %NULL with @error set
 */
VipsImage *
vt_export_to_rgb (VipsImage  *image,
                  GError    **error)
{
  g_autoptr (VipsImage) srgb = NULL;

  if (vips_image_get_bands (image) == 3 &&
      vips_image_get_format (image) == VIPS_FORMAT_UCHAR &&
      (vips_image_get_interpretation (image) == VIPS_INTERPRETATION_sRGB ||
       vips_image_get_interpretation (image) == VIPS_INTERPRETATION_RGB))
    return g_object_ref (image);

  if (vips_colourspace (image, &srgb, VIPS_INTERPRETATION_sRGB, NULL) != 0)
    goto fail;
  if (vips_image_get_bands (srgb) > 3)
    {
      g_autoptr (VipsImage) three = NULL;

      if (vips_extract_band (srgb, &three, 0, "n", 3, NULL) != 0)
        goto fail;
      g_set_object (&srgb, three);
    }
  if (vips_image_get_format (srgb) != VIPS_FORMAT_UCHAR)
    {
      g_autoptr (VipsImage) u8 = NULL;

      if (vips_cast_uchar (srgb, &u8, NULL) != 0)
        goto fail;
      g_set_object (&srgb, u8);
    }
  return g_steal_pointer (&srgb);

fail:
  vt_gate_set_vips_error (error, VT_CANVAS_ERROR_DECODE, _("The image’s colours could not be read"));
  return NULL;
}
