/* vt-window-compare.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-window-private.h"

/* The window's side of the compare view: a page of its stack, opened by
 * "Compare With…", by the strip's and the search results' context menus,
 * by vt_window_compare() (a Content State with several targets), and left
 * with Escape, Back or its own back button. While it shows, the window's
 * zoom, rotate and page actions act on its active pane. */

gboolean
_vt_window_is_comparing (VtWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "compare") == 0;
}

VtViewing *
_vt_window_get_active_viewing (VtWindow *self)
{
  if (_vt_window_is_comparing (self))
    return vt_compare_view_get_active_viewing (self->compare_view);
  return self->viewing;
}

VtImageView *
_vt_window_get_active_image_view (VtWindow *self)
{
  if (_vt_window_is_comparing (self))
    return vt_compare_view_get_active_image_view (self->compare_view);
  return vt_canvas_pane_get_image_view (self->canvas_pane);
}

/* The window's actions follow the active pane's object as they follow
 * the object on screen. */
static void
active_changed_cb (VtWindow *self)
{
  g_signal_group_set_target (self->compare_viewing_signals,
                             vt_compare_view_get_active_viewing (self->compare_view));
  if (_vt_window_is_comparing (self))
    _vt_window_update_actions (self);
}

static void
active_viewing_changed_cb (VtWindow *self)
{
  if (_vt_window_is_comparing (self))
    _vt_window_update_actions (self);
}

static void
show_compare (VtWindow *self)
{
  if (vt_compare_view_get_n_panes (self->compare_view) == 0)
    return;
  active_changed_cb (self);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  _vt_window_set_state_name (self, "compare");
  _vt_window_update_actions (self);
}

/**
 * _vt_window_leave_compare:
 *
 * Back to the object on screen; the comparison's panes stop loading and
 * let go of their images.
 *
 * Returns: whether the compare view was shown
 */
gboolean
_vt_window_leave_compare (VtWindow *self)
{
  if (!_vt_window_is_comparing (self))
    return FALSE;

  vt_compare_view_clear (self->compare_view);
  _vt_window_sync_page (self);
  return TRUE;
}

static gboolean
ensure_session (VtWindow *self)
{
  VtSession *session = vt_navigation_get_session (self->navigation);

  if (session == NULL)
    return FALSE;
  vt_compare_view_set_session (self->compare_view, session);
  return TRUE;
}

/* The canvas of the object on screen starts the comparison. */
static gboolean
add_current (VtWindow *self)
{
  VtViewing *viewing = self->viewing;
  const VtTarget *target;
  VtViewingState state;

  if (viewing == NULL)
    return FALSE;
  state = vt_viewing_get_state (viewing);
  if (state != VT_VIEWING_MANIFEST && state != VT_VIEWING_IMAGE)
    return FALSE;

  target = vt_viewing_get_target (viewing);
  vt_compare_view_add (self->compare_view,
                       target && target->location ? target->location : vt_viewing_get_input (viewing),
                       target ? target->organisation : NULL,
                       state == VT_VIEWING_MANIFEST ? (int) vt_viewing_get_canvas_index (viewing) : -1);
  return TRUE;
}

/**
 * vt_window_compare:
 * @inputs: (array zero-terminated=1): what to compare, each as the
 *   window's open action accepts it (an object number, a manifest URL, a
 *   IIIF link that may name a canvas, a file); at least one
 *
 * Opens the compare view on @inputs, one pane each, in place of any
 * comparison shown before. With a single input, the object on screen
 * (when there is one) is compared with it.
 */
void
vt_window_compare (VtWindow           *self,
                   const char * const *inputs)
{
  g_autofree char *organisation = NULL;

  g_return_if_fail (VT_IS_WINDOW (self));
  g_return_if_fail (inputs != NULL);

  if (inputs[0] == NULL || !ensure_session (self))
    return;

  organisation = vt_find_bar_dup_default_organisation (self->find_bar);
  vt_compare_view_clear (self->compare_view);
  if (inputs[1] == NULL)
    add_current (self);
  for (guint i = 0; inputs[i] != NULL; i++)
    if (*inputs[i] != '\0')
      vt_compare_view_add (self->compare_view, inputs[i], organisation, -1);
  vt_compare_view_set_active (self->compare_view, 0);
  show_compare (self);
}

/**
 * vt_window_compare_canvas:
 * @index: a canvas of the object on screen, from 0
 *
 * Compares the canvas on screen with canvas @index of the same object;
 * when the compare view shows already, adds @index to it.
 */
void
vt_window_compare_canvas (VtWindow *self,
                          guint     index)
{
  VtViewing *viewing;
  const VtTarget *target;

  g_return_if_fail (VT_IS_WINDOW (self));

  viewing = _vt_window_get_active_viewing (self);
  if (viewing == NULL || vt_viewing_get_state (viewing) != VT_VIEWING_MANIFEST ||
      index >= vt_viewing_get_n_canvases (viewing) || !ensure_session (self))
    return;

  target = vt_viewing_get_target (viewing);
  if (!_vt_window_is_comparing (self))
    {
      vt_compare_view_clear (self->compare_view);
      add_current (self);
    }
  vt_compare_view_add (self->compare_view,
                       target && target->location ? target->location : vt_viewing_get_input (viewing),
                       target ? target->organisation : NULL, (int) index);
  show_compare (self);
}

/* Adds @input to the comparison shown, or starts one with the object on
 * screen. */
static void
compare_with (VtWindow   *self,
              const char *input)
{
  g_autofree char *organisation = NULL;

  if (input == NULL || *input == '\0')
    return;

  if (!_vt_window_is_comparing (self))
    {
      const char *inputs[] = { input, NULL };

      vt_window_compare (self, inputs);
      return;
    }

  if (!ensure_session (self))
    return;
  organisation = vt_find_bar_dup_default_organisation (self->find_bar);
  vt_compare_view_add (self->compare_view, input, organisation, -1);
}

static void
compare_input_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  compare_with (VT_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
compare_canvas_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  vt_window_compare_canvas (VT_WINDOW (widget), g_variant_get_uint32 (param));
}

static void
leave_compare_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  _vt_window_leave_compare (VT_WINDOW (widget));
}

typedef struct
{
  VtWindow      *window;
  GtkEditable   *entry;
  GtkSpinButton *page;
} CompareDialog;

static void
compare_dialog_free (gpointer data)
{
  CompareDialog *dialog = data;

  g_object_unref (dialog->window);
  g_free (dialog);
}

static void
compare_dialog_response_cb (AdwMessageDialog *message_dialog,
                            const char       *response,
                            CompareDialog    *dialog)
{
  if (g_strcmp0 (response, "object") == 0)
    compare_with (dialog->window, gtk_editable_get_text (dialog->entry));
  else if (g_strcmp0 (response, "page") == 0)
    vt_window_compare_canvas (dialog->window, (guint) gtk_spin_button_get_value_as_int (dialog->page) - 1);
}

static void
compare_entry_activate_cb (GtkEntry         *entry,
                           AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "object");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Another object (a number, a manifest or a link, typed or pasted), or
 * another page of this one. */
static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  VtViewing *viewing = _vt_window_get_active_viewing (self);
  guint n = viewing && vt_viewing_get_state (viewing) == VT_VIEWING_MANIFEST
            ? vt_viewing_get_n_canvases (viewing) : 0;
  CompareDialog *data = g_new0 (CompareDialog, 1);
  GtkWidget *dialog, *box, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Compare With"),
                                   n > 1 ? _("Enter an object number or the address of a IIIF "
                                             "manifest, or choose another page of this object.")
                                         : _("Enter an object number or the address of a IIIF "
                                             "manifest."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "dmg:1987-1049, https://…/manifest.json");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Object or Address"),
                                  -1);
  gtk_box_append (GTK_BOX (box), entry);
  data->window = g_object_ref (self);
  data->entry = GTK_EDITABLE (entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), NULL);
  if (n > 1)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new_with_mnemonic (_("_Page of this object"));

      data->page = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, n, 1));
      gtk_spin_button_set_value (data->page, MIN (vt_viewing_get_canvas_index (viewing) + 2, n));
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (data->page));
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (data->page));
      gtk_box_append (GTK_BOX (box), row);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "page", _("Compare _Page"), NULL);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "object", _("_Compare"), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "object",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "object");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (compare_dialog_response_cb), data,
                         (GClosureNotify) (void (*) (void)) compare_dialog_free, 0);
  g_signal_connect (entry, "activate", G_CALLBACK (compare_entry_activate_cb), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_vt_window_update_compare_actions (VtWindow *self)
{
  VtViewing *viewing = _vt_window_get_active_viewing (self);
  VtViewingState state = viewing ? vt_viewing_get_state (viewing) : VT_VIEWING_CANCELLED;
  gboolean viewer = state == VT_VIEWING_MANIFEST || state == VT_VIEWING_IMAGE;

  _vt_window_set_action_enabled (self, "win.compare-with", viewer || _vt_window_is_comparing (self));
  _vt_window_set_action_enabled (self, "win.compare-input", viewer || _vt_window_is_comparing (self));
  _vt_window_set_action_enabled (self, "win.compare-canvas", state == VT_VIEWING_MANIFEST);
  _vt_window_set_action_enabled (self, "win.leave-compare", _vt_window_is_comparing (self));
}

void
_vt_window_class_compare_init (VtWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "win.compare-input", "s", compare_input_action);
  gtk_widget_class_install_action (widget_class, "win.compare-canvas", "u", compare_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.leave-compare", NULL, leave_compare_action);
}

void
_vt_window_compare_init (VtWindow *self)
{
  GtkStackPage *page;

  self->compare_view = VT_COMPARE_VIEW (vt_compare_view_new ());
  page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->compare_view), "compare");
  gtk_stack_page_set_title (page, _("Compare"));
  g_signal_connect_object (self->compare_view, "close-requested",
                           G_CALLBACK (_vt_window_leave_compare), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_view, "notify::active",
                           G_CALLBACK (active_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_view, "notify::n-panes",
                           G_CALLBACK (active_changed_cb), self, G_CONNECT_SWAPPED);

  self->compare_viewing_signals = g_signal_group_new (VT_TYPE_VIEWING);
  g_signal_group_connect_swapped (self->compare_viewing_signals, "notify::state",
                                  G_CALLBACK (active_viewing_changed_cb), self);
  g_signal_group_connect_swapped (self->compare_viewing_signals, "notify::page",
                                  G_CALLBACK (active_viewing_changed_cb), self);
}
