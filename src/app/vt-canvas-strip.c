/* vt-canvas-strip.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-canvas-strip.h"
#include "vt-context-menu.h"
#include "vt-canvas-strip-item.h"
#include "vt-canvas-strip-model.h"
#include "vt-thumbnail-loader.h"

/* The pages of a multi-canvas object: a horizontal list of thumbnails with
 * the canvas label under each, and the table of contents button before it.
 * GtkListView 4.8 binds up to 200 rows whether they show or not, so a
 * thumbnail is asked for only when its bound row is on screen (mapped and
 * within the visible part), and cancelled when the row is unbound or
 * scrolls away. Loaded textures stay with their item, the oldest dropped
 * past MAX_TEXTURES to bound memory. */

/* 512 thumbnails of 120² RGBA are about 30 MB (120 MB at scale 2). */
#define MAX_TEXTURES 512
/* Frames to wait for newly bound rows to be placed. */
#define MAX_UPDATE_FRAMES 8

struct _VtCanvasStrip
{
  GtkWidget           parent_instance;

  VtClient           *client;
  VtServiceCache     *services;
  VtThumbnailLoader  *loader;
  VtManifest         *manifest;
  VtCanvasStripModel *items;
  GtkSingleSelection *selection;
  GQueue              loaded;          /* VtCanvasStripItem, newest first */
  GHashTable         *bound;           /* GtkListItem set */
  GdkFrameClock      *frame_clock;
  gulong              after_paint_handler;
  guint               update_frames;
  guint               update_pending : 1;
  guint               setting_selection : 1;
  GtkWidget          *start_widget;   /* a child of box, not owned */

  /* Template widgets */
  GtkBox             *box;
  GtkListView        *list_view;
  GtkScrolledWindow  *scroller;
  VtCanvasToc        *toc;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SERVICE_CACHE,
  PROP_SELECTED,
  N_PROPS
};

enum {
  CANVAS_ACTIVATED,
  REGION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (VtCanvasStrip, vt_canvas_strip, GTK_TYPE_WIDGET)

typedef struct
{
  VtCanvasStrip     *self;
  VtCanvasStripItem *item;
} LoadClosure;

static void
load_closure_free (LoadClosure *closure)
{
  g_clear_object (&closure->self);
  g_clear_object (&closure->item);
  g_free (closure);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadClosure, load_closure_free)

/* Row widgets, found again through these names at bind time. */
typedef struct
{
  GtkWidget *picture;
  GtkWidget *icon;
  GtkWidget *label;
  gulong     state_handler;
} Row;

static void
forget_loaded (VtCanvasStrip *self)
{
  GObject *item;

  while ((item = g_queue_pop_head (&self->loaded)) != NULL)
    g_object_unref (item);
}

static void
remember_loaded (VtCanvasStrip     *self,
                 VtCanvasStripItem *item)
{
  GList *link = g_queue_find (&self->loaded, item);

  if (link != NULL)
    {
      g_queue_unlink (&self->loaded, link);
      g_queue_push_head_link (&self->loaded, link);
      return;
    }

  g_queue_push_head (&self->loaded, g_object_ref (item));
  while (self->loaded.length > MAX_TEXTURES)
    {
      g_autoptr(VtCanvasStripItem) oldest = g_queue_pop_tail (&self->loaded);

      vt_canvas_strip_item_set_texture (oldest, NULL);
    }
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoadClosure) closure = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = vt_thumbnail_loader_load_finish (VT_THUMBNAIL_LOADER (object), result, &error);
  if (texture == NULL)
    {
      /* A cancelled load belongs to a row that went away (the item was
       * reset then) or to a strip that is gone. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("No thumbnail for page %u: %s",
               vt_canvas_strip_item_get_index (closure->item) + 1, error->message);
      vt_canvas_strip_item_set_failed (closure->item);
      return;
    }

  vt_canvas_strip_item_set_texture (closure->item, texture);
  remember_loaded (closure->self, closure->item);
}

static void
load_thumbnail (VtCanvasStrip     *self,
                VtCanvasStripItem *item)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  VtCanvas *canvas = vt_canvas_strip_item_get_canvas (item);
  LoadClosure *closure;
  guint size;

  /* Time-based canvases have nothing to show but their icon. */
  if (vt_canvas_is_time_based (canvas) && !vt_canvas_is_image (canvas) &&
      (canvas->thumbnail == NULL || canvas->thumbnail->len == 0))
    {
      vt_canvas_strip_item_set_failed (item);
      return;
    }

  size = VT_CANVAS_STRIP_THUMBNAIL_SIZE * MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  closure = g_new0 (LoadClosure, 1);
  closure->self = g_object_ref (self);
  closure->item = g_object_ref (item);
  vt_canvas_strip_item_set_loading (item, cancellable);
  vt_thumbnail_loader_load_async (self->loader, canvas, size, cancellable,
                                  thumbnail_loaded_cb, closure);
}

static gboolean
row_is_on_screen (VtCanvasStrip *self,
             GtkListItem   *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  /* Not laid out yet: decided again once it is. */
  if (child == NULL || page <= 0 ||
      !gtk_widget_compute_bounds (child, GTK_WIDGET (self->scroller), &bounds))
    return FALSE;

  return bounds.origin.x + bounds.size.width >= 0 &&
         bounds.origin.x <= page;
}

/* Returns whether some bound row had no position yet. */
static gboolean
update_loads (VtCanvasStrip *self)
{
  GHashTableIter iter;
  gpointer key;
  gboolean unplaced = FALSE;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *list_item = key;
      VtCanvasStripItem *item = gtk_list_item_get_item (list_item);
      GtkWidget *child = gtk_list_item_get_child (list_item);

      if (item == NULL || child == NULL)
        continue;
      /* GtkListView 4.8 maps and places only the rows on screen; the
       * others keep a stale position from before they were recycled. */
      if (!gtk_widget_get_mapped (child) || gtk_widget_get_width (child) == 0)
        {
          vt_canvas_strip_item_cancel (item);
          unplaced = TRUE;
          continue;
        }
      if (row_is_on_screen (self, list_item))
        {
          if (vt_canvas_strip_item_get_state (item) == VT_THUMBNAIL_STATE_NONE)
            load_thumbnail (self, item);
        }
      else
        vt_canvas_strip_item_cancel (item);
    }

  return unplaced;
}

/* After the frame's layout, so that rows have their current places (a
 * recycled row keeps its old place until then). */
static void
after_paint_cb (VtCanvasStrip *self,
                GdkFrameClock *frame_clock)
{
  if (!self->update_pending || self->bound == NULL)
    return;

  self->update_pending = FALSE;
  /* Rows bound in this frame are placed in the next one: look again, a
   * few frames at most. */
  if (update_loads (self) && ++self->update_frames < MAX_UPDATE_FRAMES)
    {
      self->update_pending = TRUE;
      gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
    }
}

static void
queue_update_loads (VtCanvasStrip *self)
{
  GdkFrameClock *frame_clock;

  if (self->bound == NULL)
    return;
  self->update_pending = TRUE;
  self->update_frames = 0;
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (frame_clock != NULL)
    gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
vt_canvas_strip_realize (GtkWidget *widget)
{
  VtCanvasStrip *self = VT_CANVAS_STRIP (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (vt_canvas_strip_parent_class)->realize (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  self->after_paint_handler = g_signal_connect_swapped (frame_clock, "after-paint",
                                                        G_CALLBACK (after_paint_cb), self);
  self->frame_clock = g_object_ref (frame_clock);
}

static void
vt_canvas_strip_unrealize (GtkWidget *widget)
{
  VtCanvasStrip *self = VT_CANVAS_STRIP (widget);

  g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);

  GTK_WIDGET_CLASS (vt_canvas_strip_parent_class)->unrealize (widget);
}

static void
update_row (Row               *row,
            VtCanvasStripItem *item)
{
  GdkTexture *texture = vt_canvas_strip_item_get_texture (item);

  gtk_image_set_from_paintable (GTK_IMAGE (row->picture), GDK_PAINTABLE (texture));
  gtk_widget_set_visible (row->picture, texture != NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), vt_canvas_strip_item_get_placeholder_icon (item));
  gtk_widget_set_visible (row->icon, texture == NULL);
}

static void
item_state_changed_cb (VtCanvasStripItem *item,
                       GParamSpec        *pspec,
                       Row               *row)
{
  update_row (row, item);
}

static gboolean
row_query_tooltip_cb (GtkWidget   *box,
                      int          x,
                      int          y,
                      gboolean     keyboard,
                      GtkTooltip  *tooltip,
                      GtkListItem *list_item)
{
  VtCanvasStripItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;
  text = vt_canvas_strip_item_dup_tooltip (item);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Another page of the object, beside the one on screen. */
static GMenuModel *
row_menu_cb (GtkWidget *box,
             gpointer   user_data)
{
  GtkListItem *list_item = user_data;
  guint position = gtk_list_item_get_position (list_item);
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;

  menu = g_menu_new ();
  /* Translators: in a page thumbnail's context menu: show it beside the page on screen */
  item = g_menu_item_new (_("_Compare"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.compare-canvas", g_variant_new_uint32 (position));
  g_menu_append_item (menu, item);
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          VtCanvasStrip            *self)
{
  GtkWidget *box, *frame;
  Row *row = g_new0 (Row, 1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  /* A fixed square, so that rows keep their size while loading and a
   * taller strip does not enlarge the thumbnails. */
  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (frame, VT_CANVAS_STRIP_THUMBNAIL_SIZE, VT_CANVAS_STRIP_THUMBNAIL_SIZE);
  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (frame, FALSE);
  gtk_box_append (GTK_BOX (box), frame);

  /* A GtkImage, not a GtkPicture: it draws the texture inside a fixed
   * square, keeping its aspect, where a picture asks for the height its
   * width implies. The texture has that many device pixels. */
  row->picture = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (row->picture), VT_CANVAS_STRIP_THUMBNAIL_SIZE);
  gtk_box_append (GTK_BOX (frame), row->picture);

  row->icon = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (row->icon), 48);
  gtk_widget_set_size_request (row->icon, VT_CANVAS_STRIP_THUMBNAIL_SIZE, VT_CANVAS_STRIP_THUMBNAIL_SIZE);
  gtk_widget_add_css_class (row->icon, "dim-label");
  gtk_box_append (GTK_BOX (frame), row->icon);

  row->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (row->label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (row->label), 14);
  gtk_label_set_width_chars (GTK_LABEL (row->label), 14);
  gtk_widget_add_css_class (row->label, "caption");
  gtk_box_append (GTK_BOX (box), row->label);

  /* The tooltip is asked for when it shows: gtk_widget_set_tooltip_text()
   * asks the X server where the pointer is, and a jump in a long strip
   * binds 200 rows at once. */
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), list_item);
  vt_context_menu_attach (box, row_menu_cb, list_item);

  g_object_set_data_full (G_OBJECT (list_item), "vt-row", row, g_free);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         VtCanvasStrip            *self)
{
  VtCanvasStripItem *item = gtk_list_item_get_item (list_item);
  Row *row = g_object_get_data (G_OBJECT (list_item), "vt-row");
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const char *label = vt_canvas_strip_item_get_label (item);
  const char *title = vt_canvas_strip_item_get_title (item);
  guint page = vt_canvas_strip_item_get_index (item) + 1;
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (row->label), label);

  /* The number alone when the label is one (or a file name). */
  if (g_strcmp0 (label, title) == 0)
    /* Translators: the accessible name of a thumbnail: page number and label */
    accessible = g_strdup_printf (_("Page %u: %s"), page, label);
  else
    /* Translators: the accessible name of a thumbnail without a label */
    accessible = g_strdup_printf (_("Page %u"), page);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* What takes the focus, and what a screen reader reads as the list's
   * item, is the list's own row around the box (GTK 4.8 has no
   * gtk_list_item_set_accessible_label() yet). */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    -1);

  row->state_handler = g_signal_connect (item, "notify::state", G_CALLBACK (item_state_changed_cb), row);
  update_row (row, item);

  if (vt_canvas_strip_item_get_state (item) == VT_THUMBNAIL_STATE_LOADED)
    remember_loaded (self, item);

  if (self->bound != NULL)
    g_hash_table_add (self->bound, list_item);
  queue_update_loads (self);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           VtCanvasStrip            *self)
{
  VtCanvasStripItem *item = gtk_list_item_get_item (list_item);
  Row *row = g_object_get_data (G_OBJECT (list_item), "vt-row");

  if (self->bound != NULL)
    g_hash_table_remove (self->bound, list_item);
  g_clear_signal_handler (&row->state_handler, item);
  gtk_image_clear (GTK_IMAGE (row->picture));
  vt_canvas_strip_item_cancel (item);
}

static void
selected_changed_cb (VtCanvasStrip      *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  guint selected = gtk_single_selection_get_selected (selection);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  if (self->setting_selection || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_signal_emit (self, signals[CANVAS_ACTIVATED], 0, selected);
}

static void
activate_cb (VtCanvasStrip *self,
             guint          position,
             GtkListView   *list_view)
{
  /* Enter or a double click on a thumbnail the cursor moved to without
   * selecting it (Ctrl+arrows); selecting emits the signal. */
  if (self->selection != NULL && position != gtk_single_selection_get_selected (self->selection))
    gtk_single_selection_set_selected (self->selection, position);
}

static void
toc_activated_cb (VtCanvasStrip *self,
                  guint          index,
                  VtCanvasToc   *toc)
{
  vt_canvas_strip_set_selected (self, index);
  g_signal_emit (self, signals[CANVAS_ACTIVATED], 0, index);
}

static void
toc_region_activated_cb (VtCanvasStrip *self,
                         guint          index,
                         double         x,
                         double         y,
                         double         width,
                         double         height,
                         VtCanvasToc   *toc)
{
  g_signal_emit (self, signals[REGION_ACTIVATED], 0, index, x, y, width, height);
}

static void
cancel_all (VtCanvasStrip *self)
{
  if (self->items != NULL)
    vt_canvas_strip_model_cancel_all (self->items);
}

static void
vt_canvas_strip_dispose (GObject *object)
{
  VtCanvasStrip *self = (VtCanvasStrip *)object;

  /* First, so that rows unbound and adjustments changed while the children
   * go away queue nothing. */
  g_clear_pointer (&self->bound, g_hash_table_unref);
  cancel_all (self);
  forget_loaded (self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  self->start_widget = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_CANVAS_STRIP);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_pointer (&self->manifest, vt_manifest_unref);
  g_clear_object (&self->loader);
  g_clear_object (&self->services);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (vt_canvas_strip_parent_class)->dispose (object);
}

/* Thumbnails and the canvas share the session's image services, so that
 * each info.json is fetched once: whoever makes the strip hands it the
 * session's (VtCanvasPane does); a strip on its own makes its own. */
static void
vt_canvas_strip_constructed (GObject *object)
{
  VtCanvasStrip *self = VT_CANVAS_STRIP (object);

  G_OBJECT_CLASS (vt_canvas_strip_parent_class)->constructed (object);

  if (self->client == NULL && self->services != NULL)
    self->client = g_object_ref (vt_service_cache_get_client (self->services));
  if (self->client == NULL)
    return;
  if (self->services == NULL)
    self->services = vt_service_cache_new (self->client);

  self->loader = vt_thumbnail_loader_new (self->client, self->services);
}

static void
vt_canvas_strip_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vt_canvas_strip_parent_class)->map (widget);

  /* Shown again (the window hides the strip for single images): the rows
   * on screen may have no thumbnail yet. */
  queue_update_loads (VT_CANVAS_STRIP (widget));
}

static void
vt_canvas_strip_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VtCanvasStrip *self = VT_CANVAS_STRIP (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_SERVICE_CACHE:
      g_value_set_object (value, self->services);
      break;

    case PROP_SELECTED:
      g_value_set_uint (value, vt_canvas_strip_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_canvas_strip_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VtCanvasStrip *self = VT_CANVAS_STRIP (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_SERVICE_CACHE:
      self->services = g_value_dup_object (value);
      break;

    case PROP_SELECTED:
      vt_canvas_strip_set_selected (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_canvas_strip_class_init (VtCanvasStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vt_canvas_strip_constructed;
  object_class->dispose = vt_canvas_strip_dispose;
  object_class->get_property = vt_canvas_strip_get_property;
  object_class->set_property = vt_canvas_strip_set_property;

  widget_class->map = vt_canvas_strip_map;
  widget_class->realize = vt_canvas_strip_realize;
  widget_class->unrealize = vt_canvas_strip_unrealize;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, VT_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE_CACHE] =
    g_param_spec_object ("service-cache", NULL, NULL, VT_TYPE_SERVICE_CACHE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtCanvasStrip::canvas-activated:
   * @self: the strip
   * @index: the index of the canvas the user picked
   *
   * Emitted when the user picks a canvas: by clicking its thumbnail, moving
   * to it with the arrow keys, Home, End, Page Up or Page Down, pressing
   * Enter on it, or choosing a range of the table of contents. Not emitted
   * by vt_canvas_strip_set_selected().
   */
  signals[CANVAS_ACTIVATED] =
    g_signal_new ("canvas-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * VtCanvasStrip::region-activated:
   * @self: the strip
   * @index: the canvas the user is about to go to
   * @x: the left of the part of it to show, in canvas units
   * @y: its top
   * @width: its width
   * @height: its height
   *
   * Emitted just before #VtCanvasStrip::canvas-activated when the user
   * chose a range of the table of contents that starts at a part of its
   * canvas (see #VtCanvasToc::region-activated).
   */
  signals[REGION_ACTIVATED] =
    g_signal_new ("region-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  g_type_ensure (VT_TYPE_CANVAS_TOC);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitrine/Vitrine/ui/vt-canvas-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, VtCanvasStrip, box);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasStrip, list_view);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasStrip, scroller);
  gtk_widget_class_bind_template_child (widget_class, VtCanvasStrip, toc);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, toc_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, toc_region_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vtcanvasstrip");
}

static void
vt_canvas_strip_init (VtCanvasStrip *self)
{
  GtkListItemFactory *factory;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_hash_table_new (NULL, NULL);
  adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (queue_update_loads), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed",
                           G_CALLBACK (queue_update_loads), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->items = vt_canvas_strip_model_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * vt_canvas_strip_new:
 * @client: the client that fetches thumbnails
 *
 * Thumbnails read info.json through a #VtServiceCache of the strip's own;
 * the session's is given as #VtCanvasStrip:service-cache.
 *
 * Returns: (transfer full): a new, empty strip
 */
GtkWidget *
vt_canvas_strip_new (VtClient *client)
{
  g_return_val_if_fail (VT_IS_CLIENT (client), NULL);

  return g_object_new (VT_TYPE_CANVAS_STRIP, "client", client, NULL);
}

/**
 * vt_canvas_strip_set_manifest:
 * @self: a strip
 * @manifest: (nullable): the manifest, or %NULL to empty the strip
 *
 * Shows one thumbnail per canvas and the manifest's table of contents.
 * Nothing is selected afterwards; loads for the previous manifest are
 * cancelled.
 */
void
vt_canvas_strip_set_manifest (VtCanvasStrip *self,
                              VtManifest    *manifest)
{
  g_return_if_fail (VT_IS_CANVAS_STRIP (self));

  if (manifest == self->manifest)
    return;

  cancel_all (self);
  forget_loaded (self);
  g_clear_pointer (&self->manifest, vt_manifest_unref);
  if (manifest != NULL)
    self->manifest = vt_manifest_ref (manifest);

  /* The model makes an item when a row first shows its canvas: a book of
   * 100,000 pages costs nothing to open. */
  self->setting_selection = TRUE;
  vt_canvas_strip_model_set_manifest (self->items, manifest);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->setting_selection = FALSE;

  vt_canvas_toc_set_manifest (self->toc, manifest);
}

/**
 * vt_canvas_strip_get_manifest:
 *
 * Returns: (transfer none) (nullable): the manifest shown
 */
VtManifest *
vt_canvas_strip_get_manifest (VtCanvasStrip *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP (self), NULL);
  return self->manifest;
}

/**
 * vt_canvas_strip_set_selected:
 * @self: a strip
 * @index: the canvas shown, or %GTK_INVALID_LIST_POSITION for none
 *
 * Marks the canvas the window shows and scrolls its thumbnail into view,
 * without #VtCanvasStrip::canvas-activated. Past the end: no selection.
 */
void
vt_canvas_strip_set_selected (VtCanvasStrip *self,
                              guint          index)
{
  g_return_if_fail (VT_IS_CANVAS_STRIP (self));

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (self->items)))
    index = GTK_INVALID_LIST_POSITION;

  self->setting_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, index);
  self->setting_selection = FALSE;

  /* GTK 4.8 has no gtk_list_view_scroll_to(); the list's own action
   * scrolls and moves the keyboard cursor there. */
  if (index != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", index);
}

/**
 * vt_canvas_strip_set_start_widget:
 * @widget: (nullable): a control to put after the table of contents
 *
 * Puts a control of the window's (the book's order) at the start of the
 * strip; a new one replaces it.
 */
void
vt_canvas_strip_set_start_widget (VtCanvasStrip *self,
                                  GtkWidget     *widget)
{
  g_return_if_fail (VT_IS_CANVAS_STRIP (self));

  if (self->start_widget != NULL)
    gtk_box_remove (self->box, self->start_widget);
  self->start_widget = widget;
  if (widget != NULL)
    gtk_box_insert_child_after (self->box, widget, GTK_WIDGET (self->toc));
}

/**
 * vt_canvas_strip_set_reversed:
 * @reversed: whether the book is read from right to left
 *
 * Runs the thumbnails from right to left for a right-to-left book, the
 * first page at the right, whatever the direction of the user's language.
 */
void
vt_canvas_strip_set_reversed (VtCanvasStrip *self,
                              gboolean       reversed)
{
  GtkTextDirection dir;

  g_return_if_fail (VT_IS_CANVAS_STRIP (self));

  dir = reversed ? GTK_TEXT_DIR_RTL : gtk_widget_get_default_direction ();
  if (gtk_widget_get_direction (GTK_WIDGET (self->list_view)) != dir)
    gtk_widget_set_direction (GTK_WIDGET (self->list_view), dir);
}

gboolean
vt_canvas_strip_get_reversed (VtCanvasStrip *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP (self), FALSE);

  return gtk_widget_get_direction (GTK_WIDGET (self->list_view)) == GTK_TEXT_DIR_RTL;
}

/**
 * vt_canvas_strip_get_selected:
 *
 * Returns: the selected canvas, or %GTK_INVALID_LIST_POSITION
 */
guint
vt_canvas_strip_get_selected (VtCanvasStrip *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP (self), GTK_INVALID_LIST_POSITION);
  return gtk_single_selection_get_selected (self->selection);
}

/**
 * vt_canvas_strip_get_model:
 *
 * Returns: (transfer none): the #VtCanvasStripItem of each canvas
 */
GListModel *
vt_canvas_strip_get_model (VtCanvasStrip *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * vt_canvas_strip_get_toc:
 *
 * Returns: (transfer none): the table of contents button at the start of
 *   the strip (hidden when the manifest has no ranges)
 */
VtCanvasToc *
vt_canvas_strip_get_toc (VtCanvasStrip *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_STRIP (self), NULL);
  return self->toc;
}
