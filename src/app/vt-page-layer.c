/* vt-page-layer.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-page-layer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "canvas/vt-canvas-error.h"
#include "canvas/vt-iiif-source.h"
#include "canvas/vt-tile-layer.h"
#include "iiif/vt-html.h"
#include "iiif/vt-image-url.h"

#include "vt-client-fetcher.h"
#include "vt-page-layer.h"

/* One image of a composite canvas (IIIF cookbook 0036, 0033, 0040, 0299):
 * a body of a painting annotation, where on the canvas it goes, which part
 * of it and turned how far, and its tile source once opened through the
 * session's one route to pixels (the image-service cache and fetcher), or
 * why it could not be (0283). The canvas pane places it in the image
 * view's scene; the layer list shows and hides it and sets its opacity.
 *
 * An ImageApiSelector's region and quarter turn are asked of the server
 * when its compliance allows (one image of the region, turned), else the
 * view crops and turns the tiles; a `#xywh` fragment on the body is
 * always a crop of the tiles.
 *
 * A TextualBody painted on the canvas (cookbook 0561) is a layer too: it
 * opens nothing, and the view draws its sanitised text in a text layer at
 * its place, shown and hidden like an image. */

/* The longest side of a region the server cuts and turns for us. */
#define SERVER_REGION_MAX_SIDE 2048

struct _VtPageLayer
{
  GObject parent_instance;

  VtPaintingAnnotation *annotation;
  guint body_index;
  guint group;
  graphene_rect_t placement;

  gboolean cropped;
  graphene_rect_t crop;
  guint turn;
  gboolean server_side;

  VtTileSource *source;
  GError *error;
  gboolean visible;
  double opacity;
  int in_time;          /* whether the canvas clock is in its time range; -1 before it is told */
  gboolean chosen;      /* what it showed when the clock left its range */
};

G_DEFINE_FINAL_TYPE (VtPageLayer, vt_page_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_ERROR,
  PROP_VISIBLE,
  PROP_OPACITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_result (VtPageLayer  *self,
            VtTileSource *source,
            const GError *error)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (error != NULL)
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  if (g_set_object (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
fail (VtPageLayer *self,
      const char  *message)
{
  g_autoptr (GError) error = g_error_new_literal (VT_CANVAS_ERROR, VT_CANVAS_ERROR_NO_IMAGE, message);

  set_result (self, NULL, error);
}

static VtSelector *
get_selector (VtPageLayer *self)
{
  VtContentResource *body = vt_page_layer_get_body (self);

  return body->full_selector;
}

/* The selector's region and turn, for the view to apply to the tiles of
 * a source @width × @height. */
static void
apply_client_side (VtPageLayer *self,
                   gint64       width,
                   gint64       height)
{
  VtContentResource *body = vt_page_layer_get_body (self);
  VtSelector *selector = get_selector (self);
  VtRect rect;

  self->cropped = FALSE;
  self->turn = 0;
  if (selector != NULL && vt_selector_get_rect (selector, width, height, &rect))
    {
      self->cropped = TRUE;
      graphene_rect_init (&self->crop, rect.x, rect.y, rect.width, rect.height);
    }
  else if (body->has_selector)
    {
      self->cropped = TRUE;
      graphene_rect_init (&self->crop, body->selector.x, body->selector.y,
                          body->selector.width, body->selector.height);
    }
  if (selector != NULL && selector->kind == VT_SELECTOR_IMAGE_API)
    self->turn = ((guint) round (selector->rotation / 90.0) * 90) % 360;
}

/* An ImageApiSelector the server can apply (it cuts regions and, for a
 * turn, turns by quarters): one image of the region, turned, at most
 * SERVER_REGION_MAX_SIDE wide. */
static VtTileSource *
server_side_source (VtPageLayer    *self,
                    VtSession      *session,
                    VtImageService *service)
{
  VtSelector *selector = get_selector (self);
  g_autofree char *url = NULL;
  guint turn;
  VtRect rect = { 0, 0, service->width, service->height };
  gint64 w, h;
  gboolean has_region, can_turn;

  if (selector == NULL || selector->kind != VT_SELECTOR_IMAGE_API)
    return NULL;
  turn = ((guint) round (selector->rotation / 90.0) * 90) % 360;
  has_region = selector->has_rect && vt_selector_get_rect (selector, service->width, service->height, &rect);
  can_turn = turn == 0 || service->level >= 2 || vt_image_service_supports (service, "rotationBy90s");
  if ((!has_region && turn == 0) || !can_turn || service->level < 1 ||
      service->version < VT_IMAGE_API_2)
    return NULL;

  w = MIN (rect.width, SERVER_REGION_MAX_SIDE);
  h = MAX (1, (gint64) round ((double) rect.height * w / rect.width));
  url = g_strdup_printf ("%s/%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                         "/%" G_GINT64_FORMAT ",/%u/default.jpg",
                         service->id, rect.x, rect.y, rect.width, rect.height, w, turn);
  self->server_side = TRUE;
  self->cropped = FALSE;
  self->turn = 0;
  if (turn % 180 != 0)
    return VT_TILE_SOURCE (vt_iiif_source_new_static (vt_session_get_fetcher (session), url, h, w));
  return VT_TILE_SOURCE (vt_iiif_source_new_static (vt_session_get_fetcher (session), url, w, h));
}

typedef struct
{
  VtPageLayer *self;
  VtSession *session;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->session);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
service_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (LoadData) data = user_data;
  VtPageLayer *self = data->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (VtTilePyramid) pyramid = NULL;
  g_autoptr (VtImageService) service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), result,
                                                                     &pyramid, &error);
  g_autoptr (VtTileSource) source = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (service == NULL)
    {
      g_autoptr (GError) reason = vt_client_fetcher_map_error (error);

      set_result (self, NULL, reason);
      return;
    }

  source = server_side_source (self, data->session, service);
  if (source == NULL)
    {
      source = VT_TILE_SOURCE (vt_iiif_source_new (vt_session_get_fetcher (data->session), pyramid));
      apply_client_side (self, vt_tile_source_get_image_width (source),
                         vt_tile_source_get_image_height (source));
    }
  set_result (self, source, NULL);
}

/**
 * vt_page_layer_load:
 *
 * Opens the body's image: its image service (info.json through the
 * session's cache), or the plain image. #VtPageLayer:source or
 * #VtPageLayer:error is set when done.
 */
void
vt_page_layer_load (VtPageLayer  *self,
                    VtSession    *session,
                    gboolean      prefetch,
                    GCancellable *cancellable)
{
  VtContentResource *body;
  VtServiceRef *service;

  g_return_if_fail (VT_IS_PAGE_LAYER (self));
  g_return_if_fail (VT_IS_SESSION (session));

  body = vt_page_layer_get_body (self);
  if (body->kind == VT_CONTENT_TEXT)
    return;
  service = vt_content_resource_get_image_service (body);
  if (service != NULL && service->id != NULL)
    {
      LoadData *data = g_new0 (LoadData, 1);

      data->self = g_object_ref (self);
      data->session = g_object_ref (session);
      vt_service_cache_load_async (vt_session_get_service_cache (session), service->id,
                                   VT_FETCH_FLAGS_NONE,
                                   prefetch ? VT_FETCH_PRIORITY_PREFETCH : VT_FETCH_PRIORITY_DEFAULT,
                                   cancellable, service_loaded_cb, data);
      return;
    }

  /* A plain image is painted over its whole target, whatever its pixel
   * size (cookbook 0068): its one tile is drawn stretched over the
   * source's size, so a source of the target's size fills the target
   * exactly, even where the body states no size, or one of another
   * shape. Only a part of it (a selector, in the body's pixels) needs
   * the size the body states. */
  if (body->id != NULL && get_selector (self) == NULL && !body->has_selector &&
      self->placement.size.width >= 1 && self->placement.size.height >= 1)
    {
      gint64 width = (gint64) round (self->placement.size.width);
      gint64 height = (gint64) round (self->placement.size.height);
      g_autoptr (VtIiifSource) source = vt_iiif_source_new_static (vt_session_get_fetcher (session),
                                                                   body->id, width, height);

      if (source != NULL)
        {
          apply_client_side (self, width, height);
          set_result (self, VT_TILE_SOURCE (source), NULL);
          return;
        }
    }

  if (body->id != NULL && body->width > 0 && body->height > 0)
    {
      g_autoptr (VtIiifSource) source = vt_iiif_source_new_static (vt_session_get_fetcher (session),
                                                                   body->id, body->width, body->height);

      if (source == NULL)
        {
          fail (self, _("The image’s size is not known, so it cannot be drawn."));
          return;
        }
      apply_client_side (self, body->width, body->height);
      set_result (self, VT_TILE_SOURCE (source), NULL);
      return;
    }

  fail (self, body->id == NULL ? _("The canvas names no image.")
                               : _("The image’s size is not known, so it cannot be drawn."));
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
vt_page_layer_finalize (GObject *object)
{
  VtPageLayer *self = VT_PAGE_LAYER (object);

  g_clear_pointer (&self->annotation, vt_painting_annotation_unref);
  g_clear_object (&self->source);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (vt_page_layer_parent_class)->finalize (object);
}

static void
vt_page_layer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VtPageLayer *self = VT_PAGE_LAYER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    case PROP_OPACITY:
      g_value_set_double (value, self->opacity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_page_layer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VtPageLayer *self = VT_PAGE_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      vt_page_layer_set_visible (self, g_value_get_boolean (value));
      break;
    case PROP_OPACITY:
      vt_page_layer_set_opacity (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_page_layer_class_init (VtPageLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = vt_page_layer_finalize;
  object_class->get_property = vt_page_layer_get_property;
  object_class->set_property = vt_page_layer_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, VT_TYPE_TILE_SOURCE, ro);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE, rw);
  properties[PROP_OPACITY] =
    g_param_spec_double ("opacity", NULL, NULL, 0, 1, 1, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_page_layer_init (VtPageLayer *self)
{
  self->visible = TRUE;
  self->opacity = 1;
}

/**
 * vt_page_layer_new:
 * @annotation: the painting annotation
 * @body_index: which of its bodies (the option of a Choice)
 * @group: the annotation's index on the canvas: the options of one Choice
 *   share it
 * @placement: where the body goes on the canvas
 *
 * Returns: (transfer full): a layer, shown if it is the annotation's
 *   default body
 */
VtPageLayer *
vt_page_layer_new (VtPaintingAnnotation  *annotation,
                   guint                  body_index,
                   guint                  group,
                   const graphene_rect_t *placement)
{
  VtPageLayer *self;

  g_return_val_if_fail (annotation != NULL, NULL);
  g_return_val_if_fail (body_index < annotation->bodies->len, NULL);

  self = g_object_new (VT_TYPE_PAGE_LAYER, NULL);
  self->annotation = vt_painting_annotation_ref (annotation);
  self->body_index = body_index;
  self->group = group;
  self->placement = *placement;
  self->visible = !annotation->is_choice || body_index == annotation->default_body;
  self->in_time = -1;
  self->chosen = self->visible;
  return self;
}

VtContentResource *
vt_page_layer_get_body (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), NULL);
  return g_ptr_array_index (self->annotation->bodies, self->body_index);
}

guint
vt_page_layer_get_group (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), 0);
  return self->group;
}

/* Whether the body is painted text rather than an image. */
gboolean
vt_page_layer_is_text (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), FALSE);
  return vt_page_layer_get_body (self)->kind == VT_CONTENT_TEXT;
}

/**
 * vt_page_layer_get_language:
 *
 * Returns: (nullable): the language of a painted text
 */
const char *
vt_page_layer_get_language (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), NULL);
  return vt_page_layer_get_body (self)->language;
}

/* Link tags, which GtkLabel understands and Pango does not: text painted
 * on a canvas cannot be clicked, so its links are plain text. */
static char *
strip_links (const char *markup)
{
  g_autoptr (GRegex) links = g_regex_new ("<a href=\"[^\"]*\">|</a>", G_REGEX_OPTIMIZE, 0, NULL);

  return g_regex_replace_literal (links, markup, -1, 0, "", 0, NULL);
}

/**
 * vt_page_layer_dup_markup:
 *
 * Returns: (transfer full) (nullable): a painted text as Pango markup:
 *   HTML through the sanitiser (only its harmless tags, no styles, no
 *   links), anything else as plain text
 */
char *
vt_page_layer_dup_markup (VtPageLayer *self)
{
  VtContentResource *body;
  g_autofree char *markup = NULL;

  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), NULL);

  body = vt_page_layer_get_body (self);
  if (body->kind != VT_CONTENT_TEXT || body->value == NULL)
    return NULL;
  if (body->format != NULL && g_ascii_strncasecmp (body->format, "text/plain", 10) == 0)
    return g_markup_escape_text (body->value, -1);
  markup = vt_html_to_markup (body->value);
  return strip_links (markup);
}

gboolean
vt_page_layer_is_choice (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), FALSE);
  return self->annotation->is_choice;
}

/**
 * vt_page_layer_dup_label:
 *
 * Returns: (transfer full): the body's label in the user's languages, or
 *   a numbered stand-in
 */
char *
vt_page_layer_dup_label (VtPageLayer *self)
{
  VtContentResource *body;
  char *text = NULL;

  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), NULL);

  body = vt_page_layer_get_body (self);
  if (body->label != NULL)
    text = vt_language_map_dup_text (body->label, g_get_language_names (), " · ");
  if ((text == NULL || *text == '\0') && body->kind == VT_CONTENT_TEXT)
    {
      g_free (text);
      /* TRANSLATORS: a text painted on a canvas, in the list of its
       * layers; %s is the text's language (“en”) */
      text = body->language != NULL ? g_strdup_printf (_("Text (%s)"), body->language) : g_strdup (_("Text"));
    }
  if (text == NULL || *text == '\0')
    {
      g_free (text);
      /* TRANSLATORS: a layer of a canvas without a label of its own */
      text = g_strdup_printf (_("Image %u"), self->group + self->body_index + 1);
    }
  return text;
}

void
vt_page_layer_get_placement (VtPageLayer     *self,
                             graphene_rect_t *placement)
{
  g_return_if_fail (VT_IS_PAGE_LAYER (self));
  *placement = self->placement;
}

/**
 * vt_page_layer_get_crop:
 * @crop: (out): the part of the source to show, when it returns %TRUE
 *
 * Known once the source is.
 */
gboolean
vt_page_layer_get_crop (VtPageLayer     *self,
                        graphene_rect_t *crop)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), FALSE);

  if (self->cropped)
    *crop = self->crop;
  return self->cropped;
}

/* The clockwise turn the view applies to the (cropped) source. */
guint
vt_page_layer_get_turn (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), 0);
  return self->turn;
}

/* Whether the server applies the selector (for tests). */
gboolean
vt_page_layer_get_server_side (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), FALSE);
  return self->server_side;
}

/**
 * vt_page_layer_get_source:
 *
 * Returns: (transfer none) (nullable): the tile source, once opened
 */
VtTileSource *
vt_page_layer_get_source (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), NULL);
  return self->source;
}

/**
 * vt_page_layer_get_error:
 *
 * Returns: (transfer none) (nullable): why the image could not be opened
 */
const GError *
vt_page_layer_get_error (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), NULL);
  return self->error;
}

gboolean
vt_page_layer_get_visible (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), FALSE);
  return self->visible;
}

void
vt_page_layer_set_visible (VtPageLayer *self,
                           gboolean     visible)
{
  g_return_if_fail (VT_IS_PAGE_LAYER (self));

  visible = !!visible;
  if (self->visible == visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

/**
 * vt_page_layer_get_time_range:
 * @start: (out) (optional): where its time range starts, in seconds
 * @end: (out) (optional): where it ends, or -1 for the end of the canvas
 *
 * Returns: whether the layer is painted at a time range of a time-based
 *   canvas (`#t=` on its target) rather than all the time
 */
gboolean
vt_page_layer_get_time_range (VtPageLayer *self,
                              double      *start,
                              double      *end)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), FALSE);

  if (start != NULL)
    *start = self->annotation->has_time ? self->annotation->time_start : 0;
  if (end != NULL)
    *end = self->annotation->has_time ? self->annotation->time_end : -1;
  return self->annotation->has_time;
}

/**
 * vt_page_layer_set_time:
 * @seconds: the time of the canvas clock
 *
 * Shows the layer while @seconds is inside its time range, [start, end),
 * and hides it outside (cookbook 0560, 0489); a layer without one is
 * left alone. Only crossing the range's edges changes it, so a layer
 * hidden from the layer list inside its range stays hidden, and comes
 * back as it was when the clock comes back into the range.
 */
void
vt_page_layer_set_time (VtPageLayer *self,
                        double       seconds)
{
  double start, end;
  int inside;

  g_return_if_fail (VT_IS_PAGE_LAYER (self));

  if (!vt_page_layer_get_time_range (self, &start, &end))
    return;
  inside = seconds >= start && (end < 0 || seconds < end);
  if (inside == self->in_time)
    return;
  if (!inside && self->in_time == 1)
    self->chosen = self->visible;
  self->in_time = inside;
  vt_page_layer_set_visible (self, inside && self->chosen);
}

double
vt_page_layer_get_opacity (VtPageLayer *self)
{
  g_return_val_if_fail (VT_IS_PAGE_LAYER (self), 1);
  return self->opacity;
}

void
vt_page_layer_set_opacity (VtPageLayer *self,
                           double       opacity)
{
  g_return_if_fail (VT_IS_PAGE_LAYER (self));

  opacity = CLAMP (opacity, 0, 1);
  if (self->opacity == opacity)
    return;
  self->opacity = opacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPACITY]);
}

/* ------------------------------------------------------------------ */
/* The view's layer */

/* A page layer opened its image, or could not: the view's layer shows it,
 * or says what failed over the place the image would have taken. */
static void
tile_layer_update (VtPageLayer *page_layer,
                       GParamSpec  *pspec,
                       VtTileLayer *layer)
{
  VtTileSource *source = vt_page_layer_get_source (page_layer);
  const GError *error = vt_page_layer_get_error (page_layer);
  graphene_rect_t crop;

  if (error != NULL)
    {
      g_autofree char *label = vt_page_layer_dup_label (page_layer);
      /* TRANSLATORS: over the place of a missing image of a composite
       * canvas; %s is the image's label, then why it failed */
      g_autofree char *message = g_strdup_printf (_("“%s” could not be shown. %s"), label, error->message);

      vt_tile_layer_set_failure (layer, message);
      return;
    }
  if (source == NULL)
    return;
  vt_tile_layer_set_crop (layer, vt_page_layer_get_crop (page_layer, &crop) ? &crop : NULL);
  vt_tile_layer_set_turn (layer, vt_page_layer_get_turn (page_layer));
  vt_tile_layer_set_source (layer, source);
}

/**
 * vt_page_layer_bind:
 * @layer: the image view's layer placed for this one
 *
 * Has @layer follow this layer for as long as @layer lives: its source
 * (cropped and turned as the selector says) once opened, what failed
 * otherwise, its visibility and its opacity.
 */
void
vt_page_layer_bind (VtPageLayer *self,
                    VtTileLayer *layer)
{
  g_return_if_fail (VT_IS_PAGE_LAYER (self));
  g_return_if_fail (VT_IS_TILE_LAYER (layer));
  g_return_if_fail (!vt_page_layer_is_text (self));

  g_object_bind_property (self, "visible", layer, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "opacity", layer, "opacity", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self, "notify::source", G_CALLBACK (tile_layer_update), layer, 0);
  g_signal_connect_object (self, "notify::error", G_CALLBACK (tile_layer_update), layer, 0);
  tile_layer_update (self, NULL, layer);
}

/**
 * vt_page_layer_bind_text:
 * @text: the image view's text layer placed for this painted text
 *
 * Gives @text the body's sanitised text, and has it follow this layer's
 * visibility and opacity for as long as it lives.
 */
void
vt_page_layer_bind_text (VtPageLayer *self,
                         VtTextLayer *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (VT_IS_PAGE_LAYER (self));
  g_return_if_fail (VT_IS_TEXT_LAYER (text));
  g_return_if_fail (vt_page_layer_is_text (self));

  markup = vt_page_layer_dup_markup (self);
  vt_text_layer_set_markup (text, markup);
  g_object_bind_property (self, "visible", text, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "opacity", text, "opacity", G_BINDING_SYNC_CREATE);
}
