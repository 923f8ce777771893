/* vt-compare-pane.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-compare-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-physdim.h"

#include "vt-compare-pane.h"

/* One pane of the compare view: an object on screen of its own (a
 * VtViewing) with its canvas pane, a header naming it, and its own
 * sidebar, which opens, scrolls and switches language for its object
 * only: comparing means reading both labels. A link dropped on it opens
 * there, in place of what it showed. It says when the user touched it
 * (the compare view's active pane takes the window's keys). */

struct _VtComparePane
{
  AdwBin           parent_instance;

  VtSession       *session;
  VtViewing       *viewing;
  int              start_canvas;

  GtkLabel        *title;
  GtkToggleButton *details_button;
  GtkWidget       *close_button;
  AdwFlap         *flap;
  VtCanvasPane    *canvas_pane;
  VtMetadataView  *metadata_view;
};

G_DEFINE_FINAL_TYPE (VtComparePane, vt_compare_pane, ADW_TYPE_BIN)

enum {
  TOUCHED,
  CLOSE_REQUESTED,
  OBJECT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_title (VtComparePane *self)
{
  const char *title = vt_viewing_get_title (self->viewing);
  guint n = vt_viewing_get_n_canvases (self->viewing);
  g_autofree char *text = NULL;

  if (title == NULL)
    title = vt_viewing_get_display_name (self->viewing);
  if (vt_viewing_get_state (self->viewing) == VT_VIEWING_FAILED && vt_viewing_get_error (self->viewing) != NULL)
    /* Translators: in a pane of the compare view: what could not be
     * opened (an object number, a title or an address), and why */
    text = g_strdup_printf (_("%s could not be opened: %s"), title ? title : "",
                            vt_viewing_get_error (self->viewing)->message);
  else if (title != NULL && n > 1)
    text = g_strdup_printf (_("%s, page %u of %u"), title,
                            vt_viewing_get_canvas_index (self->viewing) + 1, n);
  gtk_label_set_text (self->title, text ? text : title ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), text ? text : title);
}

static void
sync_sidebar (VtComparePane *self)
{
  VtManifest *manifest = vt_viewing_get_manifest (self->viewing);

  vt_metadata_view_set_manifest (self->metadata_view, manifest,
                                 manifest ? vt_viewing_get_manifest_url (self->viewing) : NULL);
  vt_metadata_view_set_canvas_index (self->metadata_view, vt_viewing_get_canvas_index (self->viewing));
  vt_metadata_view_set_ghent_page_url (self->metadata_view,
                                       manifest ? vt_viewing_get_web_page_url (self->viewing) : NULL);
  vt_metadata_view_set_logo (self->metadata_view, vt_viewing_get_logo (self->viewing));
  vt_metadata_view_set_catalogue_record (self->metadata_view,
                                         vt_viewing_get_catalogue_record (self->viewing));
  gtk_widget_set_sensitive (GTK_WIDGET (self->details_button), manifest != NULL);
}

static void
viewing_state_cb (VtComparePane *self)
{
  /* A pane opened on another canvas than the object's first. */
  if (self->start_canvas >= 0 && vt_viewing_get_state (self->viewing) == VT_VIEWING_MANIFEST)
    {
      guint index = (guint) self->start_canvas;

      self->start_canvas = -1;
      vt_viewing_set_canvas_index (self->viewing, index);
    }
  update_title (self);
  sync_sidebar (self);
  g_signal_emit (self, signals[OBJECT_CHANGED], 0);
}

static void
viewing_page_cb (VtComparePane *self)
{
  update_title (self);
  vt_metadata_view_set_canvas_index (self->metadata_view, vt_viewing_get_canvas_index (self->viewing));
  g_signal_emit (self, signals[OBJECT_CHANGED], 0);
}

static void
viewing_details_cb (VtComparePane *self)
{
  update_title (self);
  vt_metadata_view_set_logo (self->metadata_view, vt_viewing_get_logo (self->viewing));
  vt_metadata_view_set_catalogue_record (self->metadata_view,
                                         vt_viewing_get_catalogue_record (self->viewing));
  g_signal_emit (self, signals[OBJECT_CHANGED], 0);
}

static void
set_viewing (VtComparePane *self,
             VtViewing     *viewing)
{
  if (self->viewing != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->viewing, self);
      vt_viewing_cancel (self->viewing);
    }
  g_set_object (&self->viewing, viewing);

  g_signal_connect_swapped (viewing, "notify::state", G_CALLBACK (viewing_state_cb), self);
  g_signal_connect_swapped (viewing, "notify::page", G_CALLBACK (viewing_page_cb), self);
  g_signal_connect_swapped (viewing, "notify::title", G_CALLBACK (viewing_details_cb), self);
  g_signal_connect_swapped (viewing, "notify::logo", G_CALLBACK (viewing_details_cb), self);
  g_signal_connect_swapped (viewing, "notify::catalogue-record", G_CALLBACK (viewing_details_cb), self);

  vt_canvas_pane_set_viewing (self->canvas_pane, viewing);
  update_title (self);
  sync_sidebar (self);
  g_signal_emit (self, signals[OBJECT_CHANGED], 0);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            VtComparePane   *self)
{
  g_signal_emit (self, signals[TOUCHED], 0);
}

static void
focus_cb (VtComparePane *self)
{
  g_signal_emit (self, signals[TOUCHED], 0);
}

static void
close_cb (VtComparePane *self)
{
  g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

static char *
dup_dropped_input (const GValue *value)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      return files != NULL ? g_file_get_uri (files->data) : NULL;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    return g_file_get_uri (g_value_get_object (value));
  if (G_VALUE_HOLDS (value, G_TYPE_STRING) && g_value_get_string (value) != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (g_value_get_string (value), "\n", 2);

      /* text/uri-list and plain text both carry the link on the first line. */
      if (lines[0] != NULL && *g_strstrip (lines[0]) != '\0')
        return g_strdup (lines[0]);
    }
  return NULL;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         VtComparePane *self)
{
  g_autofree char *input = dup_dropped_input (value);

  if (input == NULL || self->session == NULL)
    return FALSE;

  vt_compare_pane_open (self, input, NULL, -1);
  g_signal_emit (self, signals[TOUCHED], 0);
  return TRUE;
}

static void
vt_compare_pane_dispose (GObject *object)
{
  VtComparePane *self = VT_COMPARE_PANE (object);

  if (self->viewing != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->viewing, self);
      vt_viewing_cancel (self->viewing);
      g_clear_object (&self->viewing);
    }
  g_clear_object (&self->session);

  G_OBJECT_CLASS (vt_compare_pane_parent_class)->dispose (object);
}

static void
vt_compare_pane_class_init (VtComparePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_compare_pane_dispose;

  /**
   * VtComparePane::touched:
   *
   * The user clicked, touched or focused something in the pane.
   */
  signals[TOUCHED] =
    g_signal_new ("touched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * VtComparePane::close-requested:
   *
   * The user asked to take the pane out of the comparison.
   */
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * VtComparePane::object-changed:
   *
   * The object shown, its state, its page or what is known of it changed
   * (and with it, maybe, its physical size).
   */
  signals[OBJECT_CHANGED] =
    g_signal_new ("object-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vt_compare_pane_init (VtComparePane *self)
{
  GtkWidget *column, *header, *sidebar;
  GtkGesture *press;
  GtkEventController *focus;
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, G_TYPE_STRING };

  self->start_canvas = -1;
  gtk_widget_add_css_class (GTK_WIDGET (self), "compare-pane");

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "compare-pane-header");
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->title, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->title), 6);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));

  self->details_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->details_button), "sidebar-show-right-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->details_button), _("Object Details"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->details_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Object Details"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->details_button), "flat");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->details_button));

  self->close_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_tooltip_text (self->close_button, _("Remove From Comparison"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove From Comparison"), -1);
  gtk_widget_add_css_class (self->close_button, "flat");
  gtk_widget_set_visible (self->close_button, FALSE);
  g_signal_connect_swapped (self->close_button, "clicked", G_CALLBACK (close_cb), self);
  gtk_box_append (GTK_BOX (header), self->close_button);
  gtk_box_append (GTK_BOX (column), header);

  self->canvas_pane = g_object_new (VT_TYPE_CANVAS_PANE, "hexpand", TRUE, "vexpand", TRUE, NULL);

  self->metadata_view = VT_METADATA_VIEW (vt_metadata_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->metadata_view), TRUE);
  sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (sidebar, 300, -1);
  gtk_widget_add_css_class (sidebar, "background");
  gtk_box_append (GTK_BOX (sidebar), GTK_WIDGET (self->metadata_view));

  self->flap = ADW_FLAP (adw_flap_new ());
  adw_flap_set_flap_position (self->flap, GTK_PACK_END);
  adw_flap_set_reveal_flap (self->flap, FALSE);
  adw_flap_set_swipe_to_open (self->flap, FALSE);
  adw_flap_set_fold_threshold_policy (self->flap, ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  adw_flap_set_content (self->flap, GTK_WIDGET (self->canvas_pane));
  adw_flap_set_separator (self->flap, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_flap_set_flap (self->flap, sidebar);
  gtk_widget_set_vexpand (GTK_WIDGET (self->flap), TRUE);
  g_object_bind_property (self->details_button, "active", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->flap));
  adw_bin_set_child (ADW_BIN (self), column);

  /* Any button, before the pane's own widgets act on it: a click on a
   * pane's zoom button zooms that pane. */
  press = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (press), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect (press, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

VtComparePane *
vt_compare_pane_new (VtSession *session)
{
  VtComparePane *self = g_object_new (VT_TYPE_COMPARE_PANE, NULL);

  vt_compare_pane_set_session (self, session);
  return self;
}

void
vt_compare_pane_set_session (VtComparePane *self,
                             VtSession     *session)
{
  g_return_if_fail (VT_IS_COMPARE_PANE (self));

  if (g_set_object (&self->session, session) && session != NULL)
    vt_canvas_pane_set_session (self->canvas_pane, session);
}

/**
 * vt_compare_pane_open:
 * @input: what the window's open action accepts
 * @default_organisation: (nullable): the organisation of a bare number
 * @canvas_index: the canvas to show (from 0), or -1 for the one @input
 *   names or the first
 *
 * Shows @input in the pane, in place of what it showed.
 */
void
vt_compare_pane_open (VtComparePane *self,
                      const char    *input,
                      const char    *default_organisation,
                      int            canvas_index)
{
  g_autoptr(VtViewing) viewing = NULL;

  g_return_if_fail (VT_IS_COMPARE_PANE (self));
  g_return_if_fail (input != NULL);
  g_return_if_fail (self->session != NULL);

  viewing = vt_viewing_new (self->session, input, default_organisation);
  self->start_canvas = canvas_index;
  set_viewing (self, viewing);
  vt_viewing_load (viewing, FALSE);
}

/**
 * vt_compare_pane_get_viewing:
 *
 * Returns: (nullable) (transfer none): the object shown
 */
VtViewing *
vt_compare_pane_get_viewing (VtComparePane *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_PANE (self), NULL);
  return self->viewing;
}

VtCanvasPane *
vt_compare_pane_get_canvas_pane (VtComparePane *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_PANE (self), NULL);
  return self->canvas_pane;
}

VtImageView *
vt_compare_pane_get_image_view (VtComparePane *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_PANE (self), NULL);
  return vt_canvas_pane_get_image_view (self->canvas_pane);
}

VtViewport *
vt_compare_pane_get_viewport (VtComparePane *self)
{
  return vt_image_view_get_viewport (vt_compare_pane_get_image_view (self));
}

VtMetadataView *
vt_compare_pane_get_metadata_view (VtComparePane *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_PANE (self), NULL);
  return self->metadata_view;
}

gboolean
vt_compare_pane_get_sidebar_revealed (VtComparePane *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_PANE (self), FALSE);
  return adw_flap_get_reveal_flap (self->flap);
}

void
vt_compare_pane_set_sidebar_revealed (VtComparePane *self,
                                      gboolean       revealed)
{
  g_return_if_fail (VT_IS_COMPARE_PANE (self));
  adw_flap_set_reveal_flap (self->flap, revealed);
}

/* Two panes is the least a comparison has: then none can be closed. */
void
vt_compare_pane_set_closable (VtComparePane *self,
                              gboolean       closable)
{
  g_return_if_fail (VT_IS_COMPARE_PANE (self));
  gtk_widget_set_visible (self->close_button, closable);
}

void
vt_compare_pane_set_active (VtComparePane *self,
                            gboolean       active)
{
  g_return_if_fail (VT_IS_COMPARE_PANE (self));

  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self), "active-pane");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "active-pane");
}

/**
 * vt_compare_pane_get_mm_per_pixel:
 * @mm: (out): millimetres per full-resolution image pixel
 *
 * From the canvas' physical dimensions service, else, for an object of
 * one canvas, from the catalogue's dimensions (the width, or the height
 * when it gives none).
 *
 * Returns: whether the pane knows the physical size of what it shows
 */
gboolean
vt_compare_pane_get_mm_per_pixel (VtComparePane *self,
                                  double        *mm)
{
  VtPage *page;
  VtCanvas *canvas;
  VtCatalogueRecord *record;
  VtViewport *viewport;
  double iw, ih, unit, w, h;

  g_return_val_if_fail (VT_IS_COMPARE_PANE (self), FALSE);

  if (self->viewing == NULL)
    return FALSE;
  page = vt_viewing_get_page (self->viewing);
  canvas = page ? vt_page_get_canvas (page) : NULL;
  record = vt_viewing_get_catalogue_record (self->viewing);
  viewport = vt_compare_pane_get_viewport (self);
  iw = vt_viewport_get_image_width (viewport);
  ih = vt_viewport_get_image_height (viewport);
  if (iw <= 0 || ih <= 0)
    return FALSE;

  if (canvas != NULL && canvas->width > 0 && vt_canvas_get_mm_per_unit (canvas, &unit))
    {
      *mm = unit * canvas->width / iw;
      return TRUE;
    }

  if (record != NULL && vt_viewing_get_n_canvases (self->viewing) == 1 &&
      vt_physdim_parse_dimensions_text (record->dimensions, &w, &h))
    {
      *mm = w > 0 ? w / iw : h / ih;
      return TRUE;
    }

  return FALSE;
}
