/* vt-tile-source.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gdk/gdk.h>

G_BEGIN_DECLS

#define VT_TYPE_TILE_SOURCE (vt_tile_source_get_type ())

G_DECLARE_DERIVABLE_TYPE (VtTileSource, vt_tile_source, VT, TILE_SOURCE, GObject)

/**
 * VtSourceLevel:
 * @width: the level's width in level pixels
 * @height: the level's height in level pixels
 * @tile_width: the width of a tile in level pixels
 * @tile_height: the height of a tile in level pixels
 *
 * One level of a pyramid. Level 0 is the coarsest; the last is the finest
 * (normally the full image). A level's scale is @width / the image width.
 */
typedef struct
{
  guint width;
  guint height;
  guint tile_width;
  guint tile_height;
} VtSourceLevel;

/* Priorities: lower runs first (like G_PRIORITY_*). */
#define VT_TILE_PRIORITY_PLACEHOLDER (-1000)
#define VT_TILE_PRIORITY_VISIBLE     0
/* Tiles not on screen yet (just outside the view, the next canvas): after
 * every visible one, and never holding one back. */
#define VT_TILE_PRIORITY_PREFETCH    100000

struct _VtTileSourceClass
{
  GObjectClass parent_class;

  void         (*load_tile_async)  (VtTileSource        *self,
                                    guint                level,
                                    guint                x,
                                    guint                y,
                                    int                  priority,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
  GdkTexture  *(*load_tile_finish) (VtTileSource        *self,
                                    GAsyncResult        *result,
                                    GError             **error);
  /* Raises the priority of a request already under way, if the source
   * can: FALSE when it cannot (the caller asks again instead). */
  gboolean     (*reprioritize)     (VtTileSource        *self,
                                    GCancellable        *cancellable,
                                    int                  priority);

  /*< private >*/
  gpointer padding[8];
};

guint              vt_tile_source_get_image_width  (VtTileSource *self);
guint              vt_tile_source_get_image_height (VtTileSource *self);
guint              vt_tile_source_get_n_levels     (VtTileSource *self);
const VtSourceLevel *vt_tile_source_get_level        (VtTileSource *self,
                                                    guint         level);
double             vt_tile_source_get_level_scale  (VtTileSource *self,
                                                    guint         level);
void               vt_tile_source_get_grid_size    (VtTileSource *self,
                                                    guint         level,
                                                    guint        *columns,
                                                    guint        *rows);
void               vt_tile_source_get_tile_rect    (VtTileSource *self,
                                                    guint         level,
                                                    guint         x,
                                                    guint         y,
                                                    guint        *rx,
                                                    guint        *ry,
                                                    guint        *rw,
                                                    guint        *rh);
guint              vt_tile_source_choose_level     (VtTileSource *self,
                                                    double        device_zoom);

void               vt_tile_source_load_tile_async  (VtTileSource        *self,
                                                    guint                level,
                                                    guint                x,
                                                    guint                y,
                                                    int                  priority,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GdkTexture        *vt_tile_source_load_tile_finish (VtTileSource        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
gboolean           vt_tile_source_reprioritize     (VtTileSource        *self,
                                                    GCancellable        *cancellable,
                                                    int                  priority);

/* For implementations. */
void               vt_tile_source_set_geometry     (VtTileSource       *self,
                                                    guint               image_width,
                                                    guint               image_height,
                                                    const VtSourceLevel  *levels,
                                                    guint               n_levels);

G_END_DECLS
