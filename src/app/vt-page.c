/* vt-page.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-page"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-canvas-error.h"
#include "canvas/vt-iiif-source.h"
#include "canvas/vt-tile-grid.h"
#include "iiif/vt-image-url.h"

#include "vt-client-fetcher.h"
#include "vt-page-layer.h"
#include "vt-page.h"

/* One canvas of the object on screen, as it is shown: its image (the tile
 * source, or why there is none) and the rights and attribution that hold
 * for it. Turning the page makes a new VtPage, so nothing of one canvas
 * (its licence, its credit, its error) can be shown for another. */

struct _VtPage
{
  GObject       parent_instance;

  VtSession    *session;
  VtManifest   *manifest;
  guint         index;
  VtCanvas     *canvas;      /* a canvas outside the manifest's list */
  GCancellable *cancellable;

  VtPageState   state;
  VtTileSource *source;
  GError       *error;

  /* Loaded ahead (the canvas after the one shown): at prefetch priority,
   * and the tiles of a fit view of this size are asked for too. */
  gboolean      prefetch;
  int           prefetch_width;
  int           prefetch_height;
  int           prefetch_scale;
  guint         n_fit_ahead;

  /* The placeholder asked for beside info.json, and its size. */
  char         *placeholder_url;
  gint64        placeholder_width;
  gint64        placeholder_height;

  /* A composite canvas's images (VtPageLayer), or NULL for one image. */
  GListStore   *layers;
};

/* The longest side of the placeholder asked for before info.json: small
 * enough to come in the first round trip's congestion window (some
 * 10 KB of JPEG), large enough to show what the image is. */
#define PLACEHOLDER_SIDE 256

G_DEFINE_FINAL_TYPE (VtPage, vt_page, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VtPageState, vt_page_state,
                    G_DEFINE_ENUM_VALUE (VT_PAGE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (VT_PAGE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (VT_PAGE_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (VT_PAGE_NOT_IMAGE, "not-image"),
                    G_DEFINE_ENUM_VALUE (VT_PAGE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_INDEX,
  PROP_STATE,
  PROP_SOURCE,
  PROP_ERROR,
  PROP_RIGHTS,
  PROP_ATTRIBUTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (VtPage       *self,
           VtPageState   state,
           VtTileSource *source,
           const GError *error)
{
  g_object_freeze_notify (G_OBJECT (self));

  /* The source and the error change before the state, so that whoever
   * follows the state reads this page's reason, never an older one. */
  if (g_set_object (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);

  if (self->error != NULL || error != NULL)
    {
      g_clear_error (&self->error);
      self->error = error ? g_error_copy (error) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
fail_literal (VtPage     *self,
              const char *message)
{
  g_autoptr(GError) error = g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE, message);

  set_state (self, VT_PAGE_FAILED, NULL, error);
}

/* The tiles of the fit view a page loaded ahead will show first, asked
 * for now at prefetch priority; their bytes wait in the session's fetcher
 * until the page is turned, so that the fit view costs no request then. */
static void
fetch_fit_ahead (VtPage       *self,
                 VtIiifSource *source)
{
  VtTileFetcher *fetcher = vt_session_get_fetcher (self->session);
  g_autoptr(VtViewport) viewport = NULL;
  g_autoptr(GArray) keys = NULL;

  if (!VT_IS_CLIENT_FETCHER (fetcher) || self->prefetch_width <= 0 || self->prefetch_height <= 0)
    return;

  viewport = vt_viewport_new ();
  vt_viewport_set_size (viewport, self->prefetch_width, self->prefetch_height);
  vt_viewport_set_image_size (viewport, vt_tile_source_get_image_width (VT_TILE_SOURCE (source)),
                              vt_tile_source_get_image_height (VT_TILE_SOURCE (source)));
  vt_viewport_fit (viewport);

  keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  vt_tile_grid_get_minimal_set (VT_TILE_SOURCE (source), viewport, MAX (1, self->prefetch_scale), keys);
  for (guint i = 0; i < keys->len; i++)
    {
      guint64 key = g_array_index (keys, guint64, i);
      g_autofree char *url = vt_iiif_source_dup_tile_url (source, VT_TILE_KEY_LEVEL (key),
                                                          VT_TILE_KEY_X (key), VT_TILE_KEY_Y (key));

      if (url != NULL &&
          vt_client_fetcher_fetch_ahead (VT_CLIENT_FETCHER (fetcher), url, VT_TILE_FETCH_TILE,
                                         VT_TILE_PRIORITY_PREFETCH + (int) i, self->cancellable))
        self->n_fit_ahead++;
    }
}

static void
service_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VtPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTilePyramid) pyramid = NULL;
  g_autoptr(VtImageService) service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), result,
                                                                    &pyramid, &error);
  g_autoptr(VtIiifSource) source = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (service == NULL)
    {
      /* The canvas speaks of images, not of requests: what the image
       * server did becomes a reason the canvas page can give. */
      g_autoptr(GError) reason = vt_client_fetcher_map_error (error);

      set_state (self, VT_PAGE_FAILED, NULL, reason);
      return;
    }

  if (self->placeholder_url != NULL)
    source = vt_iiif_source_new_with_placeholder (vt_session_get_fetcher (self->session), pyramid,
                                                  self->placeholder_url,
                                                  self->placeholder_width, self->placeholder_height);
  else
    source = vt_iiif_source_new (vt_session_get_fetcher (self->session), pyramid);
  if (self->prefetch)
    fetch_fit_ahead (self, source);
  set_state (self, VT_PAGE_READY, VT_TILE_SOURCE (source), NULL);
}

/* When the manifest names the image service, its compliance level (1 or
 * 2: both allow any size of the full region) and the image's size, the
 * placeholder's address is known before info.json: it is asked for at
 * once, beside info.json, instead of one round trip after it. A level 0
 * service, or one whose level the manifest does not state, serves only
 * the sizes its info.json lists, so its placeholder waits for info.json
 * (a guessed size would cost a failed request on a connection). */
static void
ask_placeholder_early (VtPage            *self,
                       int                priority,
                       VtCanvas          *canvas,
                       VtContentResource *image,
                       VtServiceRef      *service)
{
  VtTileFetcher *fetcher = vt_session_get_fetcher (self->session);
  gint64 width = service->width > 0 ? service->width : image->width > 0 ? image->width : canvas->width;
  gint64 height = service->height > 0 ? service->height : image->height > 0 ? image->height : canvas->height;
  g_autofree char *url = NULL;

  g_clear_pointer (&self->placeholder_url, g_free);
  if (!VT_IS_CLIENT_FETCHER (fetcher) || width <= 0 || height <= 0 || service->level < 1)
    return;

  url = vt_service_ref_dup_fit_url (service, width, height, PLACEHOLDER_SIDE);
  if (url == NULL)
    return;

  vt_image_size_fit (width, height, PLACEHOLDER_SIDE, &self->placeholder_width, &self->placeholder_height);
  self->placeholder_url = g_steal_pointer (&url);
  vt_client_fetcher_fetch_ahead (VT_CLIENT_FETCHER (fetcher), self->placeholder_url,
                                 VT_TILE_FETCH_TILE, priority, self->cancellable);
}

/**
 * vt_page_get_placeholder_url:
 *
 * Returns: (nullable): the placeholder asked for beside info.json, if any
 */
const char *
vt_page_get_placeholder_url (VtPage *self)
{
  g_return_val_if_fail (VT_IS_PAGE (self), NULL);
  return self->placeholder_url;
}

static void page_load (VtPage   *self,
                       gboolean  reload);

/**
 * vt_page_load:
 * @reload: ask the image server again, past the caches
 *
 * Finds what draws the canvas: its image service when it has one (its
 * description comes first), else its plain image.
 */
void
vt_page_load (VtPage   *self,
              gboolean  reload)
{
  g_return_if_fail (VT_IS_PAGE (self));

  self->prefetch = FALSE;
  page_load (self, reload);
}

/**
 * vt_page_prefetch:
 * @width: the width of the view that will show the page
 * @height: its height
 * @scale_factor: its scale factor
 *
 * Loads the page ahead, behind everything on screen (prefetch priority):
 * its image service's info.json (into the session's cache), its
 * placeholder and the tiles of its fit view at @width × @height, whose
 * bytes then wait in the session's fetcher for the page shown next.
 * vt_page_cancel() (or dropping the page) stops what nothing claimed yet.
 */
void
vt_page_prefetch (VtPage *self,
                  int     width,
                  int     height,
                  int     scale_factor)
{
  g_return_if_fail (VT_IS_PAGE (self));

  self->prefetch = TRUE;
  self->prefetch_width = width;
  self->prefetch_height = height;
  self->prefetch_scale = scale_factor;
  page_load (self, FALSE);
}

/**
 * vt_page_get_n_fit_ahead:
 *
 * For tests: how many fit-view tiles vt_page_prefetch() asked for ahead
 * (the placeholder, asked for by itself, is not counted).
 *
 * Returns: the count
 */
guint
vt_page_get_n_fit_ahead (VtPage *self)
{
  g_return_val_if_fail (VT_IS_PAGE (self), 0);
  return self->n_fit_ahead;
}

/* Whether a painting annotation of the canvas paints text (cookbook
 * 0561). On a time-based canvas text alone makes no scene (a video with
 * a caption painted on it plays in the media view); when images at time
 * ranges make one (0489), its texts join them as layers on the clock. */
static gboolean
canvas_paints_text (VtCanvas *canvas)
{
  if (canvas->width <= 0 || canvas->height <= 0 || canvas->annotations == NULL ||
      vt_canvas_is_time_based (canvas))
    return FALSE;
  for (guint i = 0; i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *annotation = g_ptr_array_index (canvas->annotations, i);

      for (guint b = 0; b < annotation->bodies->len; b++)
        if (((VtContentResource *) g_ptr_array_index (annotation->bodies, b))->kind == VT_CONTENT_TEXT)
          return TRUE;
    }
  return FALSE;
}

/* Whether the canvas needs a scene rather than one image: several
 * images, a Choice, an image placed on part of the canvas, or one that
 * shows part of its source or turns it; or text painted on it. */
static gboolean
canvas_is_composite (VtCanvas *canvas)
{
  guint n_images = 0;

  if (canvas->width <= 0 || canvas->height <= 0 || canvas->annotations == NULL)
    return FALSE;
  if (canvas_paints_text (canvas))
    return TRUE;
  for (guint i = 0; i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *annotation = g_ptr_array_index (canvas->annotations, i);
      VtContentResource *body = vt_painting_annotation_get_body (annotation);

      if (body == NULL || body->kind != VT_CONTENT_IMAGE)
        continue;
      n_images++;
      /* An image at a time range of a time-based canvas (cookbook 0560,
       * 0489) shows and hides with the canvas's clock: a layer. */
      if (annotation->has_time && canvas->duration > 0)
        return TRUE;
      if (annotation->is_choice || body->has_selector ||
          (body->full_selector != NULL && body->full_selector->kind == VT_SELECTOR_IMAGE_API) ||
          (annotation->has_target &&
           (annotation->target.x != 0 || annotation->target.y != 0 ||
            annotation->target.width != canvas->width || annotation->target.height != canvas->height)))
        return TRUE;
    }
  return n_images > 1;
}

/* Every image and text body of the canvas, bottom first, at its target. */
static void
load_layers (VtPage   *self,
             VtCanvas *canvas)
{
  g_clear_object (&self->layers);
  self->layers = g_list_store_new (VT_TYPE_PAGE_LAYER);
  for (guint i = 0; i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *annotation = g_ptr_array_index (canvas->annotations, i);
      graphene_rect_t placement = GRAPHENE_RECT_INIT (0, 0, canvas->width, canvas->height);

      if (annotation->has_target)
        graphene_rect_init (&placement, annotation->target.x, annotation->target.y,
                            annotation->target.width, annotation->target.height);
      for (guint b = 0; b < annotation->bodies->len; b++)
        {
          VtContentResource *body = g_ptr_array_index (annotation->bodies, b);
          g_autoptr (VtPageLayer) layer = NULL;

          if (body->kind != VT_CONTENT_IMAGE && body->kind != VT_CONTENT_TEXT)
            continue;
          layer = vt_page_layer_new (annotation, b, i, &placement);
          g_list_store_append (self->layers, layer);
          vt_page_layer_load (layer, self->session, self->prefetch, self->cancellable);
        }
    }
}

/**
 * vt_page_get_layers:
 *
 * Returns: (transfer none) (nullable): the images of a composite canvas
 *   (#VtPageLayer, bottom first) once the page loads, or %NULL when one
 *   image (#VtPage:source) draws the canvas
 */
GListModel *
vt_page_get_layers (VtPage *self)
{
  g_return_val_if_fail (VT_IS_PAGE (self), NULL);
  return self->layers ? G_LIST_MODEL (self->layers) : NULL;
}

static void
page_load (VtPage   *self,
           gboolean  reload)
{
  VtCanvas *canvas;
  VtContentResource *image;
  VtServiceRef *service;

  canvas = vt_page_get_canvas (self);
  if (canvas == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if ((vt_canvas_is_image (canvas) || canvas_paints_text (canvas)) && canvas_is_composite (canvas))
    {
      /* A canvas of text alone is drawn as a blank sheet with its text,
       * rather than called "not an image". */
      /* Ready at once: the scene shows each image as it comes, and a
       * placeholder for each that fails. */
      load_layers (self, canvas);
      /* Through LOADING, so that a reload makes a new scene. */
      set_state (self, VT_PAGE_LOADING, NULL, NULL);
      set_state (self, VT_PAGE_READY, NULL, NULL);
      return;
    }

  image = vt_canvas_get_image (canvas);
  service = vt_canvas_get_image_service (canvas);

  if (!vt_canvas_is_image (canvas) || image == NULL)
    {
      set_state (self, VT_PAGE_NOT_IMAGE, NULL, NULL);
      return;
    }

  if (service != NULL && service->id != NULL)
    {
      /* The session's cache: the strip's thumbnails may have described
       * this service already, or be fetching it now. */
      set_state (self, VT_PAGE_LOADING, NULL, NULL);
      vt_service_cache_load_async (vt_session_get_service_cache (self->session), service->id,
                                   reload ? VT_FETCH_FLAGS_RELOAD : VT_FETCH_FLAGS_NONE,
                                   self->prefetch ? VT_FETCH_PRIORITY_PREFETCH : VT_FETCH_PRIORITY_DEFAULT,
                                   self->cancellable, service_loaded_cb, g_object_ref (self));
      ask_placeholder_early (self, self->prefetch ? VT_TILE_PRIORITY_PREFETCH : VT_TILE_PRIORITY_PLACEHOLDER,
                             canvas, image, service);
      return;
    }

  if (image->id != NULL)
    {
      /* The image is painted over the whole canvas, whatever its pixel
       * size (cookbook 0068): its one tile is drawn stretched over the
       * source, so a source of the canvas's size fills the canvas even
       * when the image's stated size has another shape. */
      gint64 width = canvas->width > 0 && canvas->height > 0 ? canvas->width : image->width;
      gint64 height = canvas->width > 0 && canvas->height > 0 ? canvas->height : image->height;
      g_autoptr(VtIiifSource) source = vt_iiif_source_new_static (vt_session_get_fetcher (self->session),
                                                                  image->id, width, height);

      if (source != NULL)
        set_state (self, VT_PAGE_READY, VT_TILE_SOURCE (source), NULL);
      else
        fail_literal (self, _("The image’s size is not known, so it cannot be drawn."));
      return;
    }

  fail_literal (self, _("The canvas names no image."));
}

/**
 * vt_page_cancel:
 *
 * Stops finding the image; a page still loading becomes empty.
 */
void
vt_page_cancel (VtPage *self)
{
  g_return_if_fail (VT_IS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  if (self->state == VT_PAGE_LOADING)
    set_state (self, VT_PAGE_EMPTY, NULL, NULL);
}

static void
vt_page_dispose (GObject *object)
{
  VtPage *self = VT_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (vt_page_parent_class)->dispose (object);
}

static void
vt_page_finalize (GObject *object)
{
  VtPage *self = VT_PAGE (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->manifest, vt_manifest_unref);
  g_clear_pointer (&self->canvas, vt_canvas_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->source);
  g_clear_error (&self->error);
  g_clear_pointer (&self->placeholder_url, g_free);
  g_clear_object (&self->layers);

  G_OBJECT_CLASS (vt_page_parent_class)->finalize (object);
}

static void
vt_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  VtPage *self = VT_PAGE (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_RIGHTS:
      g_value_set_string (value, vt_page_get_rights (self));
      break;

    case PROP_ATTRIBUTION:
      g_value_take_string (value, vt_page_dup_attribution (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_page_class_init (VtPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vt_page_dispose;
  object_class->finalize = vt_page_finalize;
  object_class->get_property = vt_page_get_property;

  properties[PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, VT_TYPE_PAGE_STATE,
                                              VT_PAGE_EMPTY, ro);
  properties[PROP_SOURCE] = g_param_spec_object ("source", NULL, NULL, VT_TYPE_TILE_SOURCE, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  /**
   * VtPage:rights:
   *
   * The rights URI that holds for this canvas: its image's own, else the
   * manifest's.
   */
  properties[PROP_RIGHTS] = g_param_spec_string ("rights", NULL, NULL, NULL, ro);
  /**
   * VtPage:attribution:
   *
   * The attribution that holds for this canvas (IIIF HTML): its image's
   * own, else the manifest's.
   */
  properties[PROP_ATTRIBUTION] = g_param_spec_string ("attribution", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_page_init (VtPage *self)
{
  self->state = VT_PAGE_EMPTY;
}

/**
 * vt_page_new:
 * @manifest: the manifest the canvas belongs to
 * @index: the canvas' position in @manifest
 *
 * Returns: (transfer full): page @index of @manifest; call vt_page_load()
 *   to find its image
 */
VtPage *
vt_page_new (VtSession  *session,
             VtManifest *manifest,
             guint       index)
{
  VtPage *self;

  g_return_val_if_fail (VT_IS_SESSION (session), NULL);
  g_return_val_if_fail (manifest != NULL, NULL);

  self = g_object_new (VT_TYPE_PAGE, NULL);
  self->session = g_object_ref (session);
  self->manifest = vt_manifest_ref (manifest);
  self->index = index;

  return self;
}

/**
 * vt_page_new_for_canvas:
 * @canvas: a canvas that is not one of a manifest's pages: the
 *   `placeholderCanvas` or `accompanyingCanvas` of a sound or video canvas
 *
 * Returns: (transfer full): a page that draws @canvas through the same
 *   route as a manifest's pages; call vt_page_load(). It has no rights or
 *   attribution of its own (the canvas it stands for has them).
 */
VtPage *
vt_page_new_for_canvas (VtSession *session,
                        VtCanvas  *canvas)
{
  VtPage *self;

  g_return_val_if_fail (VT_IS_SESSION (session), NULL);
  g_return_val_if_fail (canvas != NULL, NULL);

  self = g_object_new (VT_TYPE_PAGE, NULL);
  self->session = g_object_ref (session);
  self->canvas = vt_canvas_ref (canvas);

  return self;
}

/**
 * vt_page_new_for_source:
 * @source: what draws the page: a local image
 *
 * Returns: (transfer full): a page with no document behind it
 */
VtPage *
vt_page_new_for_source (VtTileSource *source)
{
  VtPage *self;

  g_return_val_if_fail (VT_IS_TILE_SOURCE (source), NULL);

  self = g_object_new (VT_TYPE_PAGE, NULL);
  self->state = VT_PAGE_READY;
  self->source = g_object_ref (source);

  return self;
}

guint
vt_page_get_index (VtPage *self)
{
  g_return_val_if_fail (VT_IS_PAGE (self), 0);

  return self->index;
}

/**
 * vt_page_get_canvas:
 *
 * Returns: (nullable): the canvas, or %NULL for a page without a document
 */
VtCanvas *
vt_page_get_canvas (VtPage *self)
{
  g_return_val_if_fail (VT_IS_PAGE (self), NULL);

  if (self->canvas != NULL)
    return self->canvas;
  if (self->manifest == NULL || self->index >= vt_manifest_get_n_canvases (self->manifest))
    return NULL;

  return vt_manifest_get_canvas (self->manifest, self->index);
}

VtPageState
vt_page_get_state (VtPage *self)
{
  g_return_val_if_fail (VT_IS_PAGE (self), VT_PAGE_EMPTY);

  return self->state;
}

VtTileSource *
vt_page_get_source (VtPage *self)
{
  g_return_val_if_fail (VT_IS_PAGE (self), NULL);

  return self->source;
}

const GError *
vt_page_get_error (VtPage *self)
{
  g_return_val_if_fail (VT_IS_PAGE (self), NULL);

  return self->error;
}

/**
 * vt_page_get_rights:
 *
 * Returns: (nullable): the rights URI that holds for this canvas
 */
const char *
vt_page_get_rights (VtPage *self)
{
  g_return_val_if_fail (VT_IS_PAGE (self), NULL);

  return self->manifest ? vt_manifest_get_canvas_rights (self->manifest, self->index) : NULL;
}

/**
 * vt_page_dup_attribution:
 *
 * Returns: (nullable) (transfer full): the attribution that holds for this
 *   canvas, in the user's languages (IIIF HTML)
 */
char *
vt_page_dup_attribution (VtPage *self)
{
  VtLanguageMap *attribution;

  g_return_val_if_fail (VT_IS_PAGE (self), NULL);

  attribution = self->manifest ? vt_manifest_get_canvas_attribution (self->manifest, self->index) : NULL;

  return attribution ? vt_language_map_dup_string (attribution, g_get_language_names (), "\n") : NULL;
}
