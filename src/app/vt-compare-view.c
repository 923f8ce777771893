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

#include "vt-compare-grid.h"
#include "vt-compare-pane.h"
#include "vt-compare-view.h"
#include "vt-view-link.h"

/* Two or more canvases side by side, from one object or several, as a
 * curator compares two states, two pages or two objects. Each pane (a
 * VtComparePane) is an object on screen of its own with its own sidebar.
 * One pane is active (the last one touched): the window's zoom, rotate
 * and page keys act on it. With Link Views on, a VtViewLink copies a
 * pan, zoom or turn in any pane to the others as it happens. */

/* The compare view's own state of each pane. */
typedef struct
{
  VtCompareView  *view;
  VtComparePane  *widget;
} Pane;

struct _VtCompareView
{
  AdwBin          parent_instance;

  VtSession      *session;
  GPtrArray      *panes;       /* Pane */
  guint           active;
  VtViewLink     *link;
  guint           setting_buttons : 1;

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

/**
 * vt_compare_view_get_linking:
 *
 * Returns: whether changes made while the panes were laid out are still
 *   to be copied to the others (before the next frame)
 */
gboolean
vt_compare_view_get_linking (VtCompareView *self)
{
  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), FALSE);
  return vt_view_link_get_pending (self->link);
}

static void
sync_active_style (VtCompareView *self)
{
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *pane = g_ptr_array_index (self->panes, i);

      vt_compare_pane_set_active (pane->widget, i == self->active && self->panes->len > 1);
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
pane_touched_cb (VtComparePane *widget,
                 Pane          *pane)
{
  vt_compare_view_set_active (pane->view, pane_index (pane));
}

static void
pane_close_cb (VtComparePane *widget,
               Pane          *pane)
{
  vt_compare_view_remove (pane->view, pane_index (pane));
}

static void
pane_object_changed_cb (VtComparePane *widget,
                        Pane          *pane)
{
  update_true_scale (pane->view);
}

static Pane *
pane_new (VtCompareView *self)
{
  Pane *pane = g_new0 (Pane, 1);

  pane->view = self;
  pane->widget = g_object_ref_sink (vt_compare_pane_new (self->session));
  g_signal_connect (pane->widget, "touched", G_CALLBACK (pane_touched_cb), pane);
  g_signal_connect (pane->widget, "close-requested", G_CALLBACK (pane_close_cb), pane);
  g_signal_connect (pane->widget, "object-changed", G_CALLBACK (pane_object_changed_cb), pane);
  return pane;
}

static void
pane_free (Pane *pane)
{
  g_signal_handlers_disconnect_by_data (pane->widget, pane);
  g_clear_object (&pane->widget);
  g_free (pane);
}

static void
sync_panes (VtCompareView *self)
{
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *pane = g_ptr_array_index (self->panes, i);

      vt_compare_pane_set_closable (pane->widget, self->panes->len > 2);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->swipe_button), self->panes->len >= 2);
  sync_active_style (self);
  update_true_scale (self);
}

static void
update_true_scale (VtCompareView *self)
{
  /* Notifies true-scale-available when it changes (true_scale_cb). */
  vt_view_link_update_scale (self->link);
  gtk_widget_set_sensitive (GTK_WIDGET (self->true_scale_button),
                            vt_compare_view_get_true_scale_available (self) &&
                            !vt_compare_grid_get_swipe (self->grid));
}

static void
true_scale_cb (VtCompareView *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->true_scale_button),
                            vt_compare_view_get_true_scale_available (self) &&
                            !vt_compare_grid_get_swipe (self->grid));
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

  if (self->setting_buttons)
    return;
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

  if (self->panes != NULL)
    g_ptr_array_set_size (self->panes, 0);
  if (self->link != NULL)
    g_signal_handlers_disconnect_by_data (self->link, self);
  g_clear_object (&self->link);
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
      g_value_set_enum (value, vt_view_link_get_sync (self->link));
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
  gtk_widget_init_template (GTK_WIDGET (self));
  self->link = vt_view_link_new (self->grid);
  g_signal_connect_swapped (self->link, "notify::true-scale-available",
                            G_CALLBACK (true_scale_cb), self);
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
    vt_compare_pane_set_session (((Pane *) g_ptr_array_index (self->panes, i))->widget, session);
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
  Pane *pane;

  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), 0);
  g_return_val_if_fail (input != NULL, 0);
  g_return_val_if_fail (self->session != NULL, 0);

  pane = pane_new (self);
  g_ptr_array_add (self->panes, pane);
  vt_view_link_add (self->link, pane->widget);
  vt_compare_grid_append (self->grid, GTK_WIDGET (pane->widget));
  vt_compare_pane_open (pane->widget, input, default_organisation, canvas_index);

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

  vt_compare_grid_remove (self->grid, GTK_WIDGET (pane->widget));
  vt_view_link_remove (self->link, index);
  g_ptr_array_remove_index (self->panes, index);
  if (self->active >= self->panes->len)
    self->active = self->panes->len > 0 ? self->panes->len - 1 : 0;
  vt_view_link_set_leader (self->link, self->active);
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
  g_return_if_fail (VT_IS_COMPARE_VIEW (self));

  vt_view_link_set_region (self->link, index, x, y, width, height);
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
  return pane ? vt_compare_pane_get_viewing (pane->widget) : NULL;
}

VtCanvasPane *
vt_compare_view_get_canvas_pane (VtCompareView *self,
                                 guint          index)
{
  Pane *pane;

  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), NULL);
  pane = get_pane (self, index);
  return pane ? vt_compare_pane_get_canvas_pane (pane->widget) : NULL;
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
  return pane ? vt_compare_pane_get_metadata_view (pane->widget) : NULL;
}

gboolean
vt_compare_view_get_sidebar_revealed (VtCompareView *self,
                                      guint          index)
{
  Pane *pane;

  g_return_val_if_fail (VT_IS_COMPARE_VIEW (self), FALSE);
  pane = get_pane (self, index);
  return pane ? vt_compare_pane_get_sidebar_revealed (pane->widget) : FALSE;
}

void
vt_compare_view_set_sidebar_revealed (VtCompareView *self,
                                      guint          index,
                                      gboolean       revealed)
{
  Pane *pane;

  g_return_if_fail (VT_IS_COMPARE_VIEW (self));
  if ((pane = get_pane (self, index)) != NULL)
    vt_compare_pane_set_sidebar_revealed (pane->widget, revealed);
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
  if ((pane = get_pane (self, index)) == NULL || !vt_compare_pane_get_mm_per_pixel (pane->widget, &value))
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
  vt_view_link_set_leader (self->link, index);
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
  return vt_view_link_get_sync (self->link);
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
  g_return_if_fail (VT_IS_COMPARE_VIEW (self));

  if (vt_view_link_get_sync (self->link) == sync)
    return;

  self->setting_buttons = TRUE;
  gtk_toggle_button_set_active (self->link_button, sync != VT_COMPARE_SYNC_NONE);
  if (sync != VT_COMPARE_SYNC_NONE)
    gtk_toggle_button_set_active (self->true_scale_button, sync == VT_COMPARE_SYNC_TRUE_SCALE);
  self->setting_buttons = FALSE;

  /* Brings the others to the active pane's view at once. */
  vt_view_link_set_sync (self->link, sync);
  update_true_scale (self);
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
  return vt_view_link_get_true_scale_available (self->link);
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
        vt_compare_pane_set_sidebar_revealed (((Pane *) g_ptr_array_index (self->panes, i))->widget, FALSE);
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
