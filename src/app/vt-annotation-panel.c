/* vt-annotation-panel.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-annotation-page.h"
#include "iiif/vt-iiif-error.h"

#include "vt-annotation-fetch.h"
#include "vt-annotation-panel.h"
#include "vt-annotation-row.h"
#include "vt-layer-watch.h"

/* The sidebar's list of the annotations of the canvas shown (commenting,
 * tagging, describing, linking…), beside the overlay that draws their
 * shapes over the image: a row selected zooms the view to its target and
 * selects its shape; a shape clicked selects its row; a row hovered or
 * focused highlights its shape. A search entry filters the rows by their
 * text, diacritics and case aside.
 *
 * It follows the page of a VtViewing. Pages of annotations a manifest only
 * refers to are fetched when their canvas is shown, through the session's
 * client, and read off the main thread into pages of the panel's own: the
 * document is never changed, and everything asked for one canvas is
 * cancelled when another is shown, so no answer lands on the wrong one. */

/* At most this many referenced pages are fetched for one canvas. */
#define MAX_FETCHED_PAGES 64

struct _VtAnnotationPanel
{
  GtkWidget            parent_instance;

  VtSession           *session;
  VtThumbnailLoader   *images;      /* for annotations that are pictures */
  VtViewing           *viewing;
  GSignalGroup        *viewing_signals;
  VtAnnotationOverlay *overlay;
  VtCanvas            *canvas;
  VtLayerWatch        *layer_watch;
  GCancellable        *cancellable;
  char                *language;
  char                *query;       /* folded */
  guint                n_pending;
  guint                n_failed;
  guint                n_rows;
  guint                selecting_from_overlay : 1;
  guint                syncing_entry : 1;

  /* Template widgets */
  GtkWidget           *box;
  GtkSearchEntry      *search_entry;
  GtkLabel            *failed_label;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkListBox          *list_box;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (VtAnnotationPanel, vt_annotation_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
dup_languages (VtAnnotationPanel *self)
{
  g_autoptr(GStrvBuilder) prefs = g_strv_builder_new ();

  if (self->language != NULL)
    g_strv_builder_add (prefs, self->language);
  g_strv_builder_addv (prefs, (const char **) g_get_language_names ());
  return g_strv_builder_end (prefs);
}

static guint
count_shown (VtAnnotationPanel *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (VT_IS_ANNOTATION_ROW (row) && vt_annotation_row_matches (VT_ANNOTATION_ROW (row), self->query))
      n++;
  return n;
}

static void
update_state (VtAnnotationPanel *self)
{
  const char *page;

  if (self->n_rows == 0 && self->n_pending > 0)
    page = "loading";
  else if (self->n_rows == 0)
    page = "empty";
  else if (count_shown (self) == 0)
    page = "no-matches";
  else
    page = "list";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), self->n_rows > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->failed_label), self->n_failed > 0);
  if (self->n_failed > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u page of annotations could not be loaded.",
                                      "%u pages of annotations could not be loaded.",
                                      self->n_failed),
                         self->n_failed);

      gtk_label_set_text (self->failed_label, text);
    }
}

/* Rows and shapes */

static void
row_highlight_cb (VtAnnotationPanel *self,
                  GtkEventController *controller)
{
  GtkWidget *row = gtk_event_controller_get_widget (controller);

  if (self->overlay != NULL)
    vt_annotation_overlay_set_highlighted (self->overlay, vt_annotation_row_get_item (VT_ANNOTATION_ROW (row)));
}

static void
row_unhighlight_cb (VtAnnotationPanel  *self,
                    GtkEventController *controller)
{
  GtkWidget *row = gtk_event_controller_get_widget (controller);

  if (self->overlay != NULL &&
      vt_annotation_overlay_get_highlighted (self->overlay) == vt_annotation_row_get_item (VT_ANNOTATION_ROW (row)))
    vt_annotation_overlay_set_highlighted (self->overlay, -1);
}

/* @painting and @body: the image the annotation is on (its own
 * `annotations`, cookbook 0326), whose pixels its target is in; its shape
 * goes where that image is painted, and shows while the image does. */
static GtkWidget *
add_annotation (VtAnnotationPanel    *self,
                VtAnnotation         *annotation,
                VtPaintingAnnotation *painting,
                VtContentResource    *body,
                guint                 page_index,
                guint                 index)
{
  g_auto(GStrv) languages = dup_languages (self);
  GtkWidget *row = vt_annotation_row_new (annotation, (const char * const *) languages);
  VtAnnotationTarget *target = vt_annotation_get_target (annotation);
  g_autoptr(VtAnnotationTarget) on_canvas = NULL;
  GtkEventController *controller;

  /* A comment that is a picture (cookbook 0377). */
  if (self->session != NULL && vt_annotation_row_has_images (VT_ANNOTATION_ROW (row)))
    {
      if (self->images == NULL)
        self->images = vt_thumbnail_loader_new (vt_session_get_client (self->session),
                                                vt_session_get_service_cache (self->session));
      vt_annotation_row_load_images (VT_ANNOTATION_ROW (row), self->images);
    }

  if (body != NULL)
    {
      g_object_set_data (G_OBJECT (row), "vt-painting", painting);
      g_object_set_data (G_OBJECT (row), "vt-body", body);

      /* The region of the image, as a region of the canvas; none (a
       * target of another image, no size to scale by): no shape. */
      on_canvas = vt_painting_annotation_dup_canvas_target (painting, body, self->canvas,
                                                            vt_annotation_get_target (annotation));
      target = on_canvas;
    }

  if (self->overlay != NULL && target != NULL && self->canvas != NULL)
    vt_annotation_row_set_item (VT_ANNOTATION_ROW (row),
                                vt_annotation_overlay_add_target (self->overlay, target,
                                                                  self->canvas->width,
                                                                  self->canvas->height));

  /* The order of the document, whichever page came first. */
  g_object_set_data (G_OBJECT (row), "vt-order",
                     GSIZE_TO_POINTER ((gsize) page_index * (VT_IIIF_MAX_ANNOTATIONS + 1) + index));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (row_highlight_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (row_unhighlight_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, controller);
  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (row_highlight_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (row_unhighlight_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, controller);

  gtk_list_box_append (self->list_box, row);
  self->n_rows++;
  return row;
}

/* Whether the image @row's annotation is on, if any, is shown. */
static gboolean
row_layer_shown (VtAnnotationPanel *self,
                 GtkListBoxRow     *row)
{
  VtContentResource *body = g_object_get_data (G_OBJECT (row), "vt-body");

  if (body == NULL)
    return TRUE;
  return vt_layer_watch_is_shown (self->layer_watch, g_object_get_data (G_OBJECT (row), "vt-painting"), body);
}

/* Whether @annotation is about the canvas shown: an annotation of the
 * manifest's own pages must name it; one of the canvas' pages is taken to
 * be about it unless it names another. */
static gboolean
is_on_canvas (VtAnnotationPanel *self,
              VtAnnotation      *annotation,
              gboolean           must_name)
{
  VtAnnotationTarget *target = vt_annotation_get_target (annotation);

  if (target == NULL || target->source == NULL || self->canvas->id == NULL)
    return !must_name;
  return g_str_equal (target->source, self->canvas->id);
}

static void
add_page (VtAnnotationPanel *self,
          VtAnnotationPage  *page,
          guint              page_index)
{
  gboolean manifest_level = page_index >= self->canvas->annotation_pages->len;

  for (guint i = 0; i < page->items->len; i++)
    if (is_on_canvas (self, g_ptr_array_index (page->items, i), manifest_level))
      add_annotation (self, g_ptr_array_index (page->items, i), NULL, NULL, page_index, i);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  gsize oa = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (a), "vt-order"));
  gsize ob = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (b), "vt-order"));

  return oa < ob ? -1 : oa > ob;
}

/* A row the search leaves out takes its shape off the image too; so does
 * a hidden image the shapes of its annotations (the row stays). */
static gboolean
filter_rows (GtkListBoxRow *row,
             gpointer       user_data)
{
  VtAnnotationPanel *self = user_data;
  gboolean matches = vt_annotation_row_matches (VT_ANNOTATION_ROW (row), self->query);

  if (self->overlay != NULL)
    vt_annotation_overlay_set_item_hidden (self->overlay, vt_annotation_row_get_item (VT_ANNOTATION_ROW (row)),
                                           !matches || !row_layer_shown (self, row));
  return matches;
}

/* Referenced pages */

typedef struct
{
  VtAnnotationPanel *self;   /* weak: valid while the cancellable is not cancelled */
  char              *uri;
  guint              page_index;
} PageData;

static void
page_data_free (PageData *data)
{
  g_free (data->uri);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageData, page_data_free)

static void
page_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PageData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtAnnotationPage) page = vt_annotation_fetch_page_finish (result, &error);
  VtAnnotationPanel *self = data->self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self->n_pending--;
  if (page == NULL)
    {
      g_debug ("Could not read the annotation page %s: %s", data->uri, error->message);
      self->n_failed++;
    }
  else
    add_page (self, page, data->page_index);
  update_state (self);
}

static void
fetch_page (VtAnnotationPanel *self,
            VtAnnotationPage  *page,
            guint              page_index)
{
  PageData *data = g_new0 (PageData, 1);

  data->self = self;
  data->uri = g_strdup (page->id);
  data->page_index = page_index;

  /* The panel cancels self->cancellable before it goes or shows another
   * canvas; the callback checks it. */
  self->n_pending++;
  vt_annotation_fetch_page_async (vt_session_get_client (self->session), page->id, G_PRIORITY_LOW,
                                  self->cancellable,
                                  page_fetched_cb, data);
}

/* The canvas shown */

static void
clear (VtAnnotationPanel *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->canvas, vt_canvas_unref);
  if (self->layer_watch != NULL)
    vt_layer_watch_set_page (self->layer_watch, NULL);
  self->n_pending = 0;
  self->n_failed = 0;
  self->n_rows = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  if (self->overlay != NULL)
    vt_annotation_overlay_clear (self->overlay);
}

/* The annotations of the images themselves, after all others: those of
 * each option of a Choice, shown with it. Only embedded pages: they come
 * with the manifest. */
static void
add_layer_pages (VtAnnotationPanel *self,
                 VtCanvas          *canvas,
                 guint              page_index)
{
  for (guint i = 0; i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *painting = g_ptr_array_index (canvas->annotations, i);

      for (guint b = 0; b < painting->bodies->len; b++)
        {
          VtContentResource *body = g_ptr_array_index (painting->bodies, b);
          g_auto(GStrv) languages = dup_languages (self);
          g_autofree char *layer = NULL;

          if (body->annotation_pages == NULL)
            continue;
          /* Named as in the layer popover. */
          if (body->label != NULL)
            layer = vt_language_map_dup_text (body->label, (const char * const *) languages, " · ");
          if (layer == NULL || *layer == '\0')
            {
              g_free (layer);
              /* TRANSLATORS: a layer of a canvas without a label of its own */
              layer = g_strdup_printf (_("Image %u"), i + b + 1);
            }
          for (guint p = 0; body->annotation_pages != NULL && p < body->annotation_pages->len; p++)
            {
              VtAnnotationPage *page = g_ptr_array_index (body->annotation_pages, p);

              for (guint a = 0; page->loaded && a < page->items->len; a++)
                vt_annotation_row_set_layer (VT_ANNOTATION_ROW (add_annotation (self, g_ptr_array_index (page->items, a),
                                                                                painting, body, page_index, a)),
                                             layer);
              page_index++;
            }
        }
    }
}

static void
page_changed_cb (VtAnnotationPanel *self)
{
  VtPage *page = self->viewing ? vt_viewing_get_page (self->viewing) : NULL;
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  VtManifest *manifest = self->viewing ? vt_viewing_get_manifest (self->viewing) : NULL;
  guint fetched = 0;
  guint n_canvas_pages, n_pages;

  if (canvas != NULL && canvas == self->canvas)
    return;

  clear (self);
  if (canvas == NULL)
    {
      update_state (self);
      return;
    }

  self->canvas = vt_canvas_ref (canvas);
  self->cancellable = g_cancellable_new ();

  /* The canvas' own pages, then the manifest's (v3 `annotations` on the
   * manifest), whose annotations say which canvas they are about. */
  n_canvas_pages = canvas->annotation_pages->len;
  n_pages = n_canvas_pages + (manifest != NULL ? manifest->annotation_pages->len : 0);
  for (guint i = 0; i < n_pages; i++)
    {
      VtAnnotationPage *p = g_ptr_array_index (i < n_canvas_pages ? canvas->annotation_pages
                                                                  : manifest->annotation_pages,
                                               i < n_canvas_pages ? i : i - n_canvas_pages);

      if (p->loaded)
        add_page (self, p, i);
      else if (p->id != NULL && self->session != NULL && fetched++ < MAX_FETCHED_PAGES)
        fetch_page (self, p, i);
    }
  add_layer_pages (self, canvas, n_pages);
  vt_layer_watch_set_page (self->layer_watch, page);
  update_state (self);
}

/* Selection */

static void
zoom_to_row (VtAnnotationPanel *self,
             VtAnnotationRow   *row)
{
  VtImageView *view = self->overlay ? vt_annotation_overlay_get_view (self->overlay) : NULL;
  graphene_rect_t bounds;

  if (view == NULL)
    return;

  if (vt_annotation_overlay_get_view_bounds (self->overlay, vt_annotation_row_get_item (row), &bounds))
    vt_image_view_zoom_to_rect (view, bounds.origin.x, bounds.origin.y,
                                bounds.size.width, bounds.size.height, TRUE);
  else
    /* The whole canvas, or only a time in it. */
    vt_image_view_zoom_fit (view, TRUE);
}

static void
row_selected_cb (VtAnnotationPanel *self,
                 GtkListBoxRow     *row)
{
  /* An annotation of a hidden image points at nothing seen: show that
   * image (its shape follows through the layer watch). */
  if (row != NULL && !row_layer_shown (self, row))
    vt_layer_watch_show (self->layer_watch, g_object_get_data (G_OBJECT (row), "vt-body"));
  if (self->overlay != NULL)
    vt_annotation_overlay_set_selected (self->overlay,
                                        row ? vt_annotation_row_get_item (VT_ANNOTATION_ROW (row)) : -1);
  if (row != NULL && !self->selecting_from_overlay)
    zoom_to_row (self, VT_ANNOTATION_ROW (row));
}

/* Brings @row into the list's view, without moving the keyboard focus
 * from the image. */
static void
scroll_to_row (VtAnnotationPanel *self,
               GtkWidget         *row)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double value, page;

  if (!gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_box), &bounds))
    return;
  value = gtk_adjustment_get_value (adj);
  page = gtk_adjustment_get_page_size (adj);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adj, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
}

static void
overlay_activated_cb (VtAnnotationPanel *self,
                      int                item)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (VT_IS_ANNOTATION_ROW (row) && vt_annotation_row_get_item (VT_ANNOTATION_ROW (row)) == item)
      {
        /* A shape clicked is already in view: select its row, no zoom. */
        self->selecting_from_overlay = TRUE;
        gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
        self->selecting_from_overlay = FALSE;
        scroll_to_row (self, row);
        return;
      }
}

static void
search_changed_cb (VtAnnotationPanel *self)
{
  if (self->syncing_entry)
    return;
  vt_annotation_panel_set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* GObject */

static void
vt_annotation_panel_dispose (GObject *object)
{
  VtAnnotationPanel *self = VT_ANNOTATION_PANEL (object);

  if (self->viewing_signals != NULL)
    g_signal_group_set_target (self->viewing_signals, NULL);
  g_clear_object (&self->viewing_signals);
  clear (self);
  g_clear_object (&self->layer_watch);
  vt_annotation_panel_set_overlay (self, NULL);
  g_clear_object (&self->viewing);
  g_clear_object (&self->images);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_ANNOTATION_PANEL);

  G_OBJECT_CLASS (vt_annotation_panel_parent_class)->dispose (object);
}

static void
vt_annotation_panel_finalize (GObject *object)
{
  VtAnnotationPanel *self = VT_ANNOTATION_PANEL (object);

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (vt_annotation_panel_parent_class)->finalize (object);
}

static void
vt_annotation_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VtAnnotationPanel *self = VT_ANNOTATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_annotation_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VtAnnotationPanel *self = VT_ANNOTATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      vt_annotation_panel_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_annotation_panel_class_init (VtAnnotationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_annotation_panel_dispose;
  object_class->finalize = vt_annotation_panel_finalize;
  object_class->get_property = vt_annotation_panel_get_property;
  object_class->set_property = vt_annotation_panel_set_property;

  /**
   * VtAnnotationPanel:language:
   *
   * The language picked for texts (a BCP 47 tag), or %NULL to follow the
   * user interface's.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-annotation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VtAnnotationPanel, box);
  gtk_widget_class_bind_template_child (widget_class, VtAnnotationPanel, failed_label);
  gtk_widget_class_bind_template_child (widget_class, VtAnnotationPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, VtAnnotationPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, VtAnnotationPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VtAnnotationPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, VtAnnotationPanel, stack);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationpanel");
}

static void
vt_annotation_panel_init (VtAnnotationPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_sort_func (self->list_box, sort_rows, NULL, NULL);
  gtk_list_box_set_filter_func (self->list_box, filter_rows, self, NULL);

  self->layer_watch = vt_layer_watch_new ();
  g_signal_connect_object (self->layer_watch, "changed", G_CALLBACK (gtk_list_box_invalidate_filter),
                           self->list_box, G_CONNECT_SWAPPED);

  self->viewing_signals = g_signal_group_new (VT_TYPE_VIEWING);
  g_signal_group_connect_swapped (self->viewing_signals, "notify::page",
                                  G_CALLBACK (page_changed_cb), self);
  update_state (self);
}

/* Public API */

void
vt_annotation_panel_set_session (VtAnnotationPanel *self,
                                 VtSession         *session)
{
  g_return_if_fail (VT_IS_ANNOTATION_PANEL (self));

  if (g_set_object (&self->session, session))
    g_clear_object (&self->images);
}

/**
 * vt_annotation_panel_set_viewing:
 * @viewing: (nullable): the object on screen
 */
void
vt_annotation_panel_set_viewing (VtAnnotationPanel *self,
                                 VtViewing         *viewing)
{
  g_return_if_fail (VT_IS_ANNOTATION_PANEL (self));
  g_return_if_fail (!viewing || VT_IS_VIEWING (viewing));

  if (self->viewing == viewing)
    return;

  /* Nothing of the last object survives, even on a canvas of the same
   * address. */
  clear (self);
  g_set_object (&self->viewing, viewing);
  g_signal_group_set_target (self->viewing_signals, viewing);
  page_changed_cb (self);
}

/**
 * vt_annotation_panel_set_overlay:
 * @overlay: (nullable): where the shapes are drawn; its view is the one
 *   zoomed
 */
void
vt_annotation_panel_set_overlay (VtAnnotationPanel   *self,
                                 VtAnnotationOverlay *overlay)
{
  g_return_if_fail (VT_IS_ANNOTATION_PANEL (self));
  g_return_if_fail (!overlay || VT_IS_ANNOTATION_OVERLAY (overlay));

  if (self->overlay == overlay)
    return;

  if (self->overlay != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->overlay, self);
      vt_annotation_overlay_clear (self->overlay);
    }
  g_set_object (&self->overlay, overlay);
  if (overlay != NULL)
    g_signal_connect_swapped (overlay, "activated", G_CALLBACK (overlay_activated_cb), self);

  /* The shapes of the rows already there. */
  if (self->canvas != NULL)
    {
      g_clear_pointer (&self->canvas, vt_canvas_unref);
      page_changed_cb (self);
    }
}

const char *
vt_annotation_panel_get_language (VtAnnotationPanel *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_PANEL (self), NULL);

  return self->language;
}

void
vt_annotation_panel_set_language (VtAnnotationPanel *self,
                                  const char        *language)
{
  g_auto(GStrv) languages = NULL;

  g_return_if_fail (VT_IS_ANNOTATION_PANEL (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);

  languages = dup_languages (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (VT_IS_ANNOTATION_ROW (row))
      vt_annotation_row_set_languages (VT_ANNOTATION_ROW (row), (const char * const *) languages);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * vt_annotation_panel_set_query:
 * @query: (nullable): text to look for in the annotations
 *
 * Shows only the annotations whose text holds @query, whatever its case
 * and diacritics; also what typing in the panel's search entry does.
 */
void
vt_annotation_panel_set_query (VtAnnotationPanel *self,
                               const char        *query)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (VT_IS_ANNOTATION_PANEL (self));

  /* The entry shows the query; its own signal, which setting its text
   * emits, has nothing to add. */
  if (!self->syncing_entry &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), query ? query : "") != 0)
    {
      self->syncing_entry = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
      self->syncing_entry = FALSE;
    }
  stripped = g_strstrip (g_strdup (query ? query : ""));
  g_free (self->query);
  self->query = vt_annotation_fold_text (stripped);
  gtk_list_box_invalidate_filter (self->list_box);
  update_state (self);
}

guint
vt_annotation_panel_get_n_annotations (VtAnnotationPanel *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_PANEL (self), 0);

  return self->n_rows;
}

guint
vt_annotation_panel_get_n_pending (VtAnnotationPanel *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_PANEL (self), 0);

  return self->n_pending;
}

guint
vt_annotation_panel_get_n_shown (VtAnnotationPanel *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_PANEL (self), 0);

  return count_shown (self);
}

/**
 * vt_annotation_panel_get_state:
 *
 * Returns: what the panel shows: "list", "loading", "empty" or
 *   "no-matches"
 */
const char *
vt_annotation_panel_get_state (VtAnnotationPanel *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_PANEL (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * vt_annotation_panel_get_row:
 *
 * Returns: (transfer none) (nullable): the @index-th row, in the order
 *   shown (filtered out or not)
 */
GtkListBoxRow *
vt_annotation_panel_get_row (VtAnnotationPanel *self,
                             guint              index)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_PANEL (self), NULL);

  return gtk_list_box_get_row_at_index (self->list_box, index);
}

/**
 * vt_annotation_panel_find_row:
 *
 * Returns: (transfer none) (nullable): the row of the annotation with
 *   that id
 */
GtkListBoxRow *
vt_annotation_panel_find_row (VtAnnotationPanel *self,
                              const char        *annotation_id)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_PANEL (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (VT_IS_ANNOTATION_ROW (row) &&
        g_strcmp0 (vt_annotation_row_get_annotation (VT_ANNOTATION_ROW (row))->id, annotation_id) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

void
vt_annotation_panel_select_row (VtAnnotationPanel *self,
                                GtkListBoxRow     *row)
{
  g_return_if_fail (VT_IS_ANNOTATION_PANEL (self));

  gtk_list_box_select_row (self->list_box, row);
}

GtkListBoxRow *
vt_annotation_panel_get_selected_row (VtAnnotationPanel *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_PANEL (self), NULL);

  return gtk_list_box_get_selected_row (self->list_box);
}
