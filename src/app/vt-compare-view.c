/* vt-compare-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-compare-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "iiif/vt-physdim.h"

#include "vt-compare-grid.h"
#include "vt-compare-view.h"

/* Two or more canvases side by side, from one object or several, as a
 * curator compares two states, two pages or two objects. Each pane is an
 * object on screen of its own (a VtViewing) with its own canvas pane and
 * its own sidebar, which opens and scrolls independently: comparing
 * means reading both labels. One pane is active (the last one touched):
 * the window's zoom, rotate and page keys act on it.
 *
 * With Link Views on, a pan, zoom or turn in any pane is copied to the
 * others as it happens, frame by frame through animations and kinetic
 * pans, since it follows the viewport rather than the gestures. The copy
 * is guarded, so the others' answering notifications do not come back. */

#define TRUE_SCALE_MIN_ZOOM_FACTOR (1.0 / 32)

typedef struct
{
  VtCompareView  *view;
  GtkWidget      *column;
  GtkLabel       *title;
  GtkToggleButton *details_button;
  GtkWidget      *close_button;
  AdwFlap        *flap;
  VtCanvasPane   *canvas_pane;
  VtMetadataView *metadata_view;
  VtViewing      *viewing;
  VtViewport     *viewport;
  int             start_canvas;
  double          region[4];   /* x, y, w, h on the canvas, w 0 for none */
  double          image_width;
  double          image_height;
  guint           needs_pull : 1;
} Pane;

struct _VtCompareView
{
  AdwBin          parent_instance;

  VtSession      *session;
  GPtrArray      *panes;       /* Pane */
  guint           active;
  VtCompareSync   sync;
  guint           pull_id;
  guint           syncing : 1;
  guint           true_scale_available : 1;

  /* Template widgets */
  VtCompareGrid  *grid;
  GtkToggleButton *link_button;
  GtkToggleButton *true_scale_button;
  GtkToggleButton *swipe_button;
};

G_DEFINE_FINAL_TYPE (VtCompareView, vt_compare_view, ADW_TYPE_BIN)

G_DEFINE_ENUM_TYPE (VtCompareSync, vt_compare_sync,
                    G_DEFINE_ENUM_VALUE (VT_COMPARE_SYNC_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (VT_COMPARE_SYNC_IMAGE, "image"),
                    G_DEFINE_ENUM_VALUE (VT_COMPARE_SYNC_TRUE_SCALE, "true-scale"))

enum {
  PROP_0,
  PROP_N_PANES,
  PROP_ACTIVE,
  PROP_SYNC,
  PROP_TRUE_SCALE_AVAILABLE,
  PROP_SWIPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLOSE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_true_scale (VtCompareView *self);

static Pane *
get_pane (VtCompareView *self,
          guint          index)
{
  return index < self->panes->len ? g_ptr_array_index (self->panes, index) : NULL;
}

static gboolean
pane_has_geometry (Pane *pane)
{
  return vt_viewport_get_image_width (pane->viewport) > 0 &&
         vt_viewport_get_image_height (pane->viewport) > 0 &&
         vt_viewport_get_width (pane->viewport) > 0 &&
         vt_viewport_get_height (pane->viewport) > 0;
}

/* Millimetres per full-resolution image pixel: from the canvas' physical
 * dimensions service, else, for an object of one canvas, from the
 * catalogue's dimensions (the width, or the height when it gives none). */
static gboolean
pane_mm_per_pixel (Pane   *pane,
                   double *mm)
{
  VtPage *page = pane->viewing ? vt_viewing_get_page (pane->viewing) : NULL;
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  VtCatalogueRecord *record = pane->viewing ? vt_viewing_get_catalogue_record (pane->viewing) : NULL;
  double iw = vt_viewport_get_image_width (pane->viewport);
  double ih = vt_viewport_get_image_height (pane->viewport);
  double unit, w, h;

  if (iw <= 0 || ih <= 0)
    return FALSE;

  if (canvas != NULL && canvas->width > 0 && vt_canvas_get_mm_per_unit (canvas, &unit))
    {
      *mm = unit * canvas->width / iw;
      return TRUE;
    }

  if (record != NULL && vt_viewing_get_n_canvases (pane->viewing) == 1 &&
      vt_physdim_parse_dimensions_text (record->dimensions, &w, &h))
    {
      *mm = w > 0 ? w / iw : h / ih;
      return TRUE;
    }

  return FALSE;
}

static VtCompareSync
effective_sync (VtCompareView *self)
{
  if (self->sync == VT_COMPARE_SYNC_TRUE_SCALE && !vt_compare_view_get_true_scale_available (self))
    return VT_COMPARE_SYNC_IMAGE;
  return self->sync;
}

/* Copies @from's view to every other pane. */
static void
push_view (VtCompareView *self,
           Pane          *from)
{
  VtViewport *src = from->viewport;
  VtCompareSync sync = effective_sync (self);
  double iw, ih, fx, fy, zoom, fit, mm_src = 0;
  guint rotation;
  gboolean fitted;

  if (self->syncing || sync == VT_COMPARE_SYNC_NONE || !pane_has_geometry (from))
    return;
  if (sync == VT_COMPARE_SYNC_TRUE_SCALE && !pane_mm_per_pixel (from, &mm_src))
    return;

  iw = vt_viewport_get_image_width (src);
  ih = vt_viewport_get_image_height (src);
  fx = vt_viewport_get_center_x (src) / iw;
  fy = vt_viewport_get_center_y (src) / ih;
  zoom = vt_viewport_get_zoom (src);
  fit = vt_viewport_get_fit_zoom (src);
  rotation = vt_viewport_get_rotation (src);
  fitted = vt_viewport_get_fitted (src);

  self->syncing = TRUE;
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *pane = g_ptr_array_index (self->panes, i);
      VtViewport *dst = pane->viewport;
      double mm_dst;

      if (pane == from || !pane_has_geometry (pane) || pane->needs_pull)
        continue;

      vt_viewport_set_rotation (dst, rotation);
      if (sync == VT_COMPARE_SYNC_IMAGE && fitted)
        vt_viewport_fit (dst);
      else if (sync == VT_COMPARE_SYNC_IMAGE)
        vt_viewport_set_zoom (dst, zoom / fit * vt_viewport_get_fit_zoom (dst));
      else if (pane_mm_per_pixel (pane, &mm_dst))
        /* The same millimetres per screen pixel: mm / zoom is equal. */
        vt_viewport_set_zoom (dst, zoom * mm_dst / mm_src);
      vt_viewport_set_center (dst,
                              fx * vt_viewport_get_image_width (dst),
                              fy * vt_viewport_get_image_height (dst));
    }
  self->syncing = FALSE;
}

static Pane *
find_leader (VtCompareView *self)
{
  Pane *active = get_pane (self, self->active);

  if (active != NULL && !active->needs_pull && pane_has_geometry (active))
    return active;
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *pane = g_ptr_array_index (self->panes, i);

      if (!pane->needs_pull && pane_has_geometry (pane))
        return pane;
    }
  return NULL;
}

/* Shows the pane's region, given on the canvas (a Content State's xywh),
 * in full resolution image pixels. */
static gboolean
apply_region (Pane *pane)
{
  VtPage *page = pane->viewing ? vt_viewing_get_page (pane->viewing) : NULL;
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  VtViewport *vp = pane->viewport;
  double iw = vt_viewport_get_image_width (vp);
  double ih = vt_viewport_get_image_height (vp);
  double sx = canvas && canvas->width > 0 ? iw / canvas->width : 1;
  double sy = canvas && canvas->height > 0 ? ih / canvas->height : 1;
  double w = pane->region[2] * sx, h = pane->region[3] * sy;

  if (!pane_has_geometry (pane) || w <= 0 || h <= 0)
    return FALSE;

  pane->region[2] = 0;
  pane->view->syncing = TRUE;
  vt_viewport_set_zoom (vp, MIN (vt_viewport_get_width (vp) / w, vt_viewport_get_height (vp) / h));
  vt_viewport_set_center (vp, pane->region[0] * sx + w / 2, pane->region[1] * sy + h / 2);
  pane->view->syncing = FALSE;
  return TRUE;
}

/* A pane whose image just arrived takes the others' view, once all of
 * its viewport's notifications for the new image are out. */
static gboolean
pull_cb (gpointer data)
{
  VtCompareView *self = data;
  Pane *leader;

  self->pull_id = 0;
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *pane = g_ptr_array_index (self->panes, i);

      if (pane->needs_pull && !pane_has_geometry (pane))
        pane->needs_pull = FALSE;
    }

  /* A pane asked to show a region leads, rather than follows. */
  leader = NULL;
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *pane = g_ptr_array_index (self->panes, i);

      if (pane->needs_pull && pane->region[2] > 0 && apply_region (pane) && leader == NULL)
        leader = pane;
    }
  if (leader == NULL)
    leader = find_leader (self);
  for (guint i = 0; i < self->panes->len; i++)
    ((Pane *) g_ptr_array_index (self->panes, i))->needs_pull = FALSE;
  update_true_scale (self);
  if (leader != NULL)
    push_view (self, leader);
  return G_SOURCE_REMOVE;
}

static void
viewport_changed_cb (VtViewport *viewport,
                     GParamSpec *pspec,
                     Pane       *pane)
{
  VtCompareView *self = pane->view;
  double iw = vt_viewport_get_image_width (viewport);
  double ih = vt_viewport_get_image_height (viewport);

  if (iw != pane->image_width || ih != pane->image_height)
    {
      pane->image_width = iw;
      pane->image_height = ih;
      pane->needs_pull = TRUE;
      if (self->pull_id == 0)
        {
          /* Before the next frame, and not starved by tile loads. */
          self->pull_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, pull_cb, self, NULL);
          g_source_set_name_by_id (self->pull_id, "[vitrine] compare pull");
        }
      return;
    }

  if (!pane->needs_pull)
    push_view (self, pane);
}

static void
update_title (Pane *pane)
{
  const char *title = vt_viewing_get_title (pane->viewing);
  guint n = vt_viewing_get_n_canvases (pane->viewing);
  g_autofree char *text = NULL;

  if (title == NULL)
    title = vt_viewing_get_display_name (pane->viewing);
  if (title != NULL && n > 1)
    text = g_strdup_printf (_("%s, page %u of %u"), title,
                            vt_viewing_get_canvas_index (pane->viewing) + 1, n);
  gtk_label_set_text (pane->title, text ? text : title ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (pane->title), text ? text : title);
}

static void
sync_sidebar (Pane *pane)
{
  VtManifest *manifest = vt_viewing_get_manifest (pane->viewing);

  vt_metadata_view_set_manifest (pane->metadata_view, manifest,
                                 manifest ? vt_viewing_get_manifest_url (pane->viewing) : NULL);
  vt_metadata_view_set_canvas_index (pane->metadata_view, vt_viewing_get_canvas_index (pane->viewing));
  vt_metadata_view_set_ghent_page_url (pane->metadata_view,
                                       manifest ? vt_viewing_get_web_page_url (pane->viewing) : NULL);
  vt_metadata_view_set_logo (pane->metadata_view, vt_viewing_get_logo (pane->viewing));
  vt_metadata_view_set_catalogue_record (pane->metadata_view,
                                         vt_viewing_get_catalogue_record (pane->viewing));
  gtk_widget_set_sensitive (GTK_WIDGET (pane->details_button), manifest != NULL);
}

static void
viewing_state_cb (VtViewing  *viewing,
                  GParamSpec *pspec,
                  Pane       *pane)
{
  /* A pane opened on another canvas than the object's first. */
  if (pane->start_canvas >= 0 && vt_viewing_get_state (viewing) == VT_VIEWING_MANIFEST)
    {
      guint index = (guint) pane->start_canvas;

      pane->start_canvas = -1;
      vt_viewing_set_canvas_index (viewing, index);
    }
  update_title (pane);
  sync_sidebar (pane);
  update_true_scale (pane->view);
}

static void
viewing_page_cb (VtViewing  *viewing,
                 GParamSpec *pspec,
                 Pane       *pane)
{
  update_title (pane);
  vt_metadata_view_set_canvas_index (pane->metadata_view, vt_viewing_get_canvas_index (viewing));
  update_true_scale (pane->view);
}

static void
viewing_details_cb (VtViewing  *viewing,
                    GParamSpec *pspec,
                    Pane       *pane)
{
  update_title (pane);
  vt_metadata_view_set_logo (pane->metadata_view, vt_viewing_get_logo (viewing));
  vt_metadata_view_set_catalogue_record (pane->metadata_view, vt_viewing_get_catalogue_record (viewing));
  update_true_scale (pane->view);
}

static void
sync_active_style (VtCompareView *self)
{
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *pane = g_ptr_array_index (self->panes, i);

      if (i == self->active && self->panes->len > 1)
        gtk_widget_add_css_class (pane->column, "active-pane");
      else
        gtk_widget_remove_css_class (pane->column, "active-pane");
    }
}

static guint
pane_index (Pane *pane)
{
  guint index = 0;

  g_ptr_array_find (pane->view->panes, pane, &index);
  return index;
}

static void
pane_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 Pane            *pane)
{
  vt_compare_view_set_active (pane->view, pane_index (pane));
}

static void
pane_focus_cb (GtkEventControllerFocus *controller,
               Pane                    *pane)
{
  vt_compare_view_set_active (pane->view, pane_index (pane));
}

static void
pane_close_cb (GtkButton *button,
               Pane      *pane)
{
  vt_compare_view_remove (pane->view, pane_index (pane));
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

static void pane_set_viewing (Pane      *pane,
                              VtViewing *viewing);

/* A link dropped on a pane opens there, in place of what it showed. */
static gboolean
pane_drop_cb (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              Pane          *pane)
{
  VtCompareView *self = pane->view;
  g_autofree char *input = dup_dropped_input (value);
  g_autoptr(VtViewing) viewing = NULL;

  if (input == NULL || self->session == NULL)
    return FALSE;

  viewing = vt_viewing_new (self->session, input, NULL);
  pane->start_canvas = -1;
  pane_set_viewing (pane, viewing);
  vt_viewing_load (viewing, FALSE);
  vt_compare_view_set_active (self, pane_index (pane));
  return TRUE;
}

static void
pane_set_viewing (Pane      *pane,
                  VtViewing *viewing)
{
  if (pane->viewing != NULL)
    {
      g_signal_handlers_disconnect_by_data (pane->viewing, pane);
      vt_viewing_cancel (pane->viewing);
    }
  g_set_object (&pane->viewing, viewing);

  g_signal_connect (viewing, "notify::state", G_CALLBACK (viewing_state_cb), pane);
  g_signal_connect (viewing, "notify::page", G_CALLBACK (viewing_page_cb), pane);
  g_signal_connect (viewing, "notify::title", G_CALLBACK (viewing_details_cb), pane);
  g_signal_connect (viewing, "notify::logo", G_CALLBACK (viewing_details_cb), pane);
  g_signal_connect (viewing, "notify::catalogue-record", G_CALLBACK (viewing_details_cb), pane);

  vt_canvas_pane_set_viewing (pane->canvas_pane, viewing);
  update_title (pane);
  sync_sidebar (pane);
}

static Pane *
pane_new (VtCompareView *self)
{
  Pane *pane = g_new0 (Pane, 1);
  GtkWidget *header, *sidebar, *scrolled;
  GtkGesture *press;
  GtkEventController *focus;
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, G_TYPE_STRING };

  pane->view = self;
  pane->start_canvas = -1;

  pane->column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (pane->column, "compare-pane");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "compare-pane-header");
  pane->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (pane->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (pane->title, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (pane->title), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (pane->title), 6);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (pane->title));

  pane->details_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (pane->details_button), "sidebar-show-right-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (pane->details_button), _("Object Details"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pane->details_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Object Details"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (pane->details_button), "flat");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (pane->details_button));

  pane->close_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_tooltip_text (pane->close_button, _("Remove From Comparison"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pane->close_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove From Comparison"), -1);
  gtk_widget_add_css_class (pane->close_button, "flat");
  g_signal_connect (pane->close_button, "clicked", G_CALLBACK (pane_close_cb), pane);
  gtk_box_append (GTK_BOX (header), pane->close_button);
  gtk_box_append (GTK_BOX (pane->column), header);

  pane->canvas_pane = g_object_new (VT_TYPE_CANVAS_PANE, "hexpand", TRUE, "vexpand", TRUE, NULL);
  if (self->session != NULL)
    vt_canvas_pane_set_session (pane->canvas_pane, self->session);
  /* Held, as the pane outlives its widgets when it is removed. */
  pane->viewport = g_object_ref (vt_image_view_get_viewport (vt_canvas_pane_get_image_view (pane->canvas_pane)));
  g_signal_connect (pane->viewport, "notify", G_CALLBACK (viewport_changed_cb), pane);

  /* Each pane's own sidebar: it opens, scrolls and switches language
   * for its object only. */
  pane->metadata_view = VT_METADATA_VIEW (vt_metadata_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (pane->metadata_view), TRUE);
  sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (sidebar, 300, -1);
  gtk_widget_add_css_class (sidebar, "background");
  scrolled = GTK_WIDGET (pane->metadata_view);
  gtk_box_append (GTK_BOX (sidebar), scrolled);

  pane->flap = ADW_FLAP (adw_flap_new ());
  adw_flap_set_flap_position (pane->flap, GTK_PACK_END);
  adw_flap_set_reveal_flap (pane->flap, FALSE);
  adw_flap_set_swipe_to_open (pane->flap, FALSE);
  adw_flap_set_fold_threshold_policy (pane->flap, ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  adw_flap_set_content (pane->flap, GTK_WIDGET (pane->canvas_pane));
  adw_flap_set_separator (pane->flap, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_flap_set_flap (pane->flap, sidebar);
  gtk_widget_set_vexpand (GTK_WIDGET (pane->flap), TRUE);
  g_object_bind_property (pane->details_button, "active", pane->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_box_append (GTK_BOX (pane->column), GTK_WIDGET (pane->flap));

  press = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (press), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect (press, "pressed", G_CALLBACK (pane_pressed_cb), pane);
  gtk_widget_add_controller (pane->column, GTK_EVENT_CONTROLLER (press));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (pane_focus_cb), pane);
  gtk_widget_add_controller (pane->column, focus);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (pane_drop_cb), pane);
  gtk_widget_add_controller (pane->column, GTK_EVENT_CONTROLLER (drop));

  return pane;
}

static void
pane_free (Pane *pane)
{
  if (pane->viewing != NULL)
    {
      g_signal_handlers_disconnect_by_data (pane->viewing, pane);
      vt_viewing_cancel (pane->viewing);
      g_clear_object (&pane->viewing);
    }
  g_signal_handlers_disconnect_by_data (pane->viewport, pane);
  g_clear_object (&pane->viewport);
  g_free (pane);
}

static void
sync_panes (VtCompareView *self)
{
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *pane = g_ptr_array_index (self->panes, i);

      /* Two panes is the least a comparison has. */
      gtk_widget_set_visible (pane->close_button, self->panes->len > 2);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->swipe_button), self->panes->len >= 2);
  sync_active_style (self);
  update_true_scale (self);
}

static void
update_true_scale (VtCompareView *self)
{
  gboolean available = vt_compare_view_get_true_scale_available (self);
  gboolean was = self->true_scale_available;

  self->true_scale_available = available;
  gtk_widget_set_sensitive (GTK_WIDGET (self->true_scale_button),
                            available && !vt_compare_grid_get_swipe (self->grid));
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *pane = g_ptr_array_index (self->panes, i);

      /* At true scale a smaller object may need to be smaller than its
       * pane: the zoom may go below fit. */
      vt_viewport_set_min_zoom_factor (pane->viewport,
                                       effective_sync (self) == VT_COMPARE_SYNC_TRUE_SCALE
                                       ? TRUE_SCALE_MIN_ZOOM_FACTOR : 1.0);
    }
  if (was != available)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUE_SCALE_AVAILABLE]);
}

static void
back_clicked_cb (VtCompareView *self)
{
  g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

static void
sync_buttons_cb (VtCompareView *self)
{
  VtCompareSync sync = VT_COMPARE_SYNC_NONE;

  if (gtk_toggle_button_get_active (self->link_button))
    sync = gtk_toggle_button_get_active (self->true_scale_button) ? VT_COMPARE_SYNC_TRUE_SCALE
                                                                  : VT_COMPARE_SYNC_IMAGE;
  vt_compare_view_set_sync (self, sync);
}

static void
swipe_toggled_cb (VtCompareView *self)
{
  vt_compare_view_set_swipe (self, gtk_toggle_button_get_active (self->swipe_button));
}

static void
vt_compare_view_dispose (GObject *object)
{
  VtCompareView *self = VT_COMPARE_VIEW (object);

  g_clear_handle_id (&self->pull_id, g_source_remove);
  if (self->panes != NULL)
    g_ptr_array_set_size (self->panes, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_COMPARE_VIEW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (vt_compare_view_parent_class)->dispose (object);
}

static void
vt_compare_view_finalize (GObject *object)
{
  VtCompareView *self = VT_COMPARE_VIEW (object);

  g_clear_pointer (&self->panes, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_compare_view_parent_class)->finalize (object);
}

static void
vt_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VtCompareView *self = VT_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PANES:
      g_value_set_uint (value, self->panes->len);
      break;
    case PROP_ACTIVE:
      g_value_set_uint (value, self->active);
      break;
    case PROP_SYNC:
      g_value_set_enum (value, self->sync);
      break;
    case PROP_TRUE_SCALE_AVAILABLE:
      g_value_set_boolean (value, vt_compare_view_get_true_scale_available (self));
      break;
    case PROP_SWIPE:
      g_value_set_boolean (value, vt_compare_view_get_swipe (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VtCompareView *self = VT_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      vt_compare_view_set_active (self, g_value_get_uint (value));
      break;
    case PROP_SYNC:
      vt_compare_view_set_sync (self, g_value_get_enum (value));
      break;
    case PROP_SWIPE:
      vt_compare_view_set_swipe (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_compare_view_class_init (VtCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = vt_compare_view_dispose;
  object_class->finalize = vt_compare_view_finalize;
  object_class->get_property = vt_compare_view_get_property;
  object_class->set_property = vt_compare_view_set_property;

  properties[PROP_N_PANES] = g_param_spec_uint ("n-panes", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_ACTIVE] = g_param_spec_uint ("active", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_SYNC] = g_param_spec_enum ("sync", NULL, NULL, VT_TYPE_COMPARE_SYNC,
                                             VT_COMPARE_SYNC_IMAGE, rw);
  properties[PROP_TRUE_SCALE_AVAILABLE] = g_param_spec_boolean ("true-scale-available", NULL, NULL,
                                                                FALSE, ro);
  properties[PROP_SWIPE] = g_param_spec_boolean ("swipe", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtCompareView::close-requested:
   *
   * The user asked to leave the comparison (its back button).
   */
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (VT_TYPE_COMPARE_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VtCompareView, grid);
  gtk_widget_class_bind_template_child (widget_class, VtCompareView, link_button);
  gtk_widget_class_bind_template_child (widget_class, VtCompareView, swipe_button);
  gtk_widget_class_bind_template_child (widget_class, VtCompareView, true_scale_button);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, swipe_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_buttons_cb);
}

static void
vt_compare_view_init (VtCompareView *self)
{
  self->panes = g_ptr_array_new_with_free_func ((GDestroyNotify) pane_free);
  self->sync = VT_COMPARE_SYNC_IMAGE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vt_compare_view_new (void)
{
  return g_object_new (VT_TYPE_COMPARE_VIEW, NULL);
}

void
vt_compare_view_set_session (VtCompareView *self,
                             VtSession     *session)
{
  g_return_if_fail (VT_IS_COMPARE_VIEW (self));

  if (!g_set_object (&self->session, session))
    return;
  for (guint i = 0; i < self->panes->len; i++)
    vt_canvas_pane_set_session (((Pane *) g_ptr_array_index (self->panes, i))->canvas_pane, session);
}

/**
 * vt_compare_view_clear:
 *
 * Removes every pane (and stops their loading).
 */
void
vt_compare_view_clear (VtCompareView *self)
{
  g_return_if_fail (VT_IS_COMPARE_VIEW (self));

  while (self->panes->len > 0)
    vt_compare_view_remove (self, self->panes->len - 1);
}

/**
 * vt_compare_view_add:
 * @input: what the window's open action accepts: an object number, a
 *   manifest URL, a IIIF link (which may name a canvas) or a file
 * @default_organisation: (nullable): the organisation of a bare number
 * @canvas_index: the canvas to show (from 0), or -1 for the one @input
 *   names or the first
 *
 * Opens @input in a new pane, which becomes the active one.
 *
 * Returns: the index of the new pane
 */
guint
vt_compare_view_add (VtCompareView *self,
                     const char    *input,
                     const char    *default_organisation,
                     int            canvas_index)
{
  g_autoptr(VtViewing) viewing = NULL;
  Pane *pane;

  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), 0);
  g_return_val_if_fail (input != NULL, 0);
  g_return_val_if_fail (self->session != NULL, 0);

  pane = pane_new (self);
  pane->start_canvas = canvas_index;
  g_ptr_array_add (self->panes, pane);
  vt_compare_grid_append (self->grid, pane->column);

  viewing = vt_viewing_new (self->session, input, default_organisation);
  pane_set_viewing (pane, viewing);
  vt_viewing_load (viewing, FALSE);

  sync_panes (self);
  vt_compare_view_set_active (self, self->panes->len - 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PANES]);
  return self->panes->len - 1;
}

void
vt_compare_view_remove (VtCompareView *self,
                        guint          index)
{
  Pane *pane;

  g_return_if_fail (VT_IS_COMPARE_VIEW (self));

  if ((pane = get_pane (self, index)) == NULL)
    return;

  vt_compare_grid_remove (self->grid, pane->column);
  g_ptr_array_remove_index (self->panes, index);
  if (self->active >= self->panes->len)
    self->active = self->panes->len > 0 ? self->panes->len - 1 : 0;
  sync_panes (self);
  if (self->panes->len < 2)
    gtk_toggle_button_set_active (self->swipe_button, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PANES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * vt_compare_view_set_region:
 * @x: (in): the region's left edge on the canvas, in canvas units (a
 *   Content State's `xywh`)
 *
 * Shows that region of pane @index's canvas, zoomed to fit the pane, once
 * its image is there; with linked views the others follow it. Call it
 * right after vt_compare_view_add() or vt_window_compare().
 */
void
vt_compare_view_set_region (VtCompareView *self,
                            guint          index,
                            double         x,
                            double         y,
                            double         width,
                            double         height)
{
  Pane *pane;

  g_return_if_fail (VT_IS_COMPARE_VIEW (self));

  if ((pane = get_pane (self, index)) == NULL || !(width > 0) || !(height > 0))
    return;
  pane->region[0] = x;
  pane->region[1] = y;
  pane->region[2] = width;
  pane->region[3] = height;
  /* Already shown: at once. */
  if (pane_has_geometry (pane) && apply_region (pane))
    push_view (self, pane);
}

guint
vt_compare_view_get_n_panes (VtCompareView *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), 0);
  return self->panes->len;
}

/**
 * vt_compare_view_get_viewing:
 *
 * Returns: (nullable) (transfer none): the object shown in pane @index
 */
VtViewing *
vt_compare_view_get_viewing (VtCompareView *self,
                             guint          index)
{
  Pane *pane;

  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), NULL);
  pane = get_pane (self, index);
  return pane ? pane->viewing : NULL;
}

VtCanvasPane *
vt_compare_view_get_canvas_pane (VtCompareView *self,
                                 guint          index)
{
  Pane *pane;

  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), NULL);
  pane = get_pane (self, index);
  return pane ? pane->canvas_pane : NULL;
}

VtImageView *
vt_compare_view_get_image_view (VtCompareView *self,
                                guint          index)
{
  VtCanvasPane *canvas_pane = vt_compare_view_get_canvas_pane (self, index);

  return canvas_pane ? vt_canvas_pane_get_image_view (canvas_pane) : NULL;
}

VtMetadataView *
vt_compare_view_get_metadata_view (VtCompareView *self,
                                   guint          index)
{
  Pane *pane;

  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), NULL);
  pane = get_pane (self, index);
  return pane ? pane->metadata_view : NULL;
}

gboolean
vt_compare_view_get_sidebar_revealed (VtCompareView *self,
                                      guint          index)
{
  Pane *pane;

  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), FALSE);
  pane = get_pane (self, index);
  return pane ? adw_flap_get_reveal_flap (pane->flap) : FALSE;
}

void
vt_compare_view_set_sidebar_revealed (VtCompareView *self,
                                      guint          index,
                                      gboolean       revealed)
{
  Pane *pane;

  g_return_if_fail (VT_IS_COMPARE_VIEW (self));
  if ((pane = get_pane (self, index)) != NULL)
    adw_flap_set_reveal_flap (pane->flap, revealed);
}

/**
 * vt_compare_view_get_mm_per_pixel:
 * @mm: (out): millimetres per full-resolution image pixel of pane @index
 *
 * Returns: whether pane @index knows its object's physical size
 */
gboolean
vt_compare_view_get_mm_per_pixel (VtCompareView *self,
                                  guint          index,
                                  double        *mm)
{
  Pane *pane;
  double value;

  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), FALSE);
  if ((pane = get_pane (self, index)) == NULL || !pane_mm_per_pixel (pane, &value))
    return FALSE;
  if (mm != NULL)
    *mm = value;
  return TRUE;
}

guint
vt_compare_view_get_active (VtCompareView *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), 0);
  return self->active;
}

void
vt_compare_view_set_active (VtCompareView *self,
                            guint          index)
{
  g_return_if_fail (VT_IS_COMPARE_VIEW (self));

  if (index >= self->panes->len || index == self->active)
    return;
  self->active = index;
  sync_active_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * vt_compare_view_get_active_viewing:
 *
 * Returns: (nullable) (transfer none): the object of the active pane
 */
VtViewing *
vt_compare_view_get_active_viewing (VtCompareView *self)
{
  return vt_compare_view_get_viewing (self, vt_compare_view_get_active (self));
}

/**
 * vt_compare_view_get_active_image_view:
 *
 * Returns: (nullable) (transfer none): the image view of the active pane
 */
VtImageView *
vt_compare_view_get_active_image_view (VtCompareView *self)
{
  return vt_compare_view_get_image_view (self, vt_compare_view_get_active (self));
}

VtCompareSync
vt_compare_view_get_sync (VtCompareView *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), VT_COMPARE_SYNC_NONE);
  return self->sync;
}

/**
 * vt_compare_view_set_sync:
 *
 * Links the panes' views (or unlinks them). Linking brings the others to
 * the active pane's view at once.
 */
void
vt_compare_view_set_sync (VtCompareView *self,
                          VtCompareSync  sync)
{
  Pane *active;

  g_return_if_fail (VT_IS_COMPARE_VIEW (self));

  if (self->sync == sync)
    return;
  self->sync = sync;

  gtk_toggle_button_set_active (self->link_button, sync != VT_COMPARE_SYNC_NONE);
  if (sync != VT_COMPARE_SYNC_NONE)
    gtk_toggle_button_set_active (self->true_scale_button, sync == VT_COMPARE_SYNC_TRUE_SCALE);

  update_true_scale (self);
  if ((active = get_pane (self, self->active)) != NULL)
    push_view (self, active);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC]);
}

/**
 * vt_compare_view_get_true_scale_available:
 *
 * Returns: whether every pane knows the physical size of what it shows
 *   (a physical dimensions service, or the catalogue's dimensions)
 */
gboolean
vt_compare_view_get_true_scale_available (VtCompareView *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), FALSE);

  if (self->panes->len < 2)
    return FALSE;
  for (guint i = 0; i < self->panes->len; i++)
    {
      double mm;

      if (!pane_mm_per_pixel (g_ptr_array_index (self->panes, i), &mm))
        return FALSE;
    }
  return TRUE;
}

gboolean
vt_compare_view_get_swipe (VtCompareView *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), FALSE);
  return vt_compare_grid_get_swipe (self->grid);
}

/**
 * vt_compare_view_set_swipe:
 *
 * Lays the second pane over the first, shown right of a divider: for two
 * registered images of one object (before and after a restoration, a
 * photograph and its X-ray). The views are linked by image while it lasts.
 */
void
vt_compare_view_set_swipe (VtCompareView *self,
                           gboolean       swipe)
{
  g_return_if_fail (VT_IS_COMPARE_VIEW (self));

  swipe = swipe && self->panes->len >= 2;
  if (vt_compare_grid_get_swipe (self->grid) == swipe)
    return;

  vt_compare_grid_set_swipe (self->grid, swipe);
  gtk_toggle_button_set_active (self->swipe_button, swipe);
  if (swipe)
    {
      for (guint i = 0; i < self->panes->len; i++)
        adw_flap_set_reveal_flap (((Pane *) g_ptr_array_index (self->panes, i))->flap, FALSE);
      vt_compare_view_set_sync (self, VT_COMPARE_SYNC_IMAGE);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), !swipe);
  gtk_widget_set_sensitive (GTK_WIDGET (self->true_scale_button),
                            !swipe && vt_compare_view_get_true_scale_available (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWIPE]);
}

double
vt_compare_view_get_swipe_position (VtCompareView *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), 0.5);
  return vt_compare_grid_get_swipe_position (self->grid);
}

void
vt_compare_view_set_swipe_position (VtCompareView *self,
                                    double         position)
{
  g_return_if_fail (VT_IS_COMPARE_VIEW (self));
  vt_compare_grid_set_swipe_position (self->grid, position);
}
