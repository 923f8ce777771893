/* vt-window-export.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-region-selector.h"

#include "vt-export-dialog.h"
#include "vt-view-export.h"
#include "vt-window-private.h"

/* The window's exports beyond "Export Image…": a region drawn on the
 * canvas ("Export Region…", Ctrl+Shift+E: the first time it starts the
 * drawing, then opens the export dialog with the region), and the view as
 * the canvas shows it, saved as PNG or copied. */

static void
export_region_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  VtRegionSelector *selector = vt_canvas_pane_get_region_selector (self->canvas_pane);
  VtSession *session = vt_navigation_get_session (self->navigation);
  VtExportDialog *dialog;
  double x, y, w, h;

  if (self->viewing == NULL)
    return;
  if (!vt_region_selector_get_region (selector, &x, &y, &w, &h))
    {
      vt_region_selector_set_active (selector, TRUE);
      return;
    }
  dialog = vt_export_dialog_new (GTK_WINDOW (self), session, self->viewing,
                                 vt_canvas_pane_get_image_view (self->canvas_pane),
                                 self->toast_overlay);
  vt_export_dialog_set_region (dialog, x, y, w, h);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
view_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (VtWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (vt_view_export_save_finish (result, &error))
    message = g_strdup (_("View saved as PNG"));
  else
    message = g_strdup_printf (_("Could not save the view: %s"), error->message);
  _vt_window_toast (self, message);
}

static void
view_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          VtWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->viewing != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      vt_view_export_save_async (GTK_WIDGET (vt_canvas_pane_get_image_view (self->canvas_pane)),
                                 self->viewing, file, NULL, view_saved_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->viewing == NULL)
    return;
  base = vt_view_export_suggest_name (self->viewing);
  name = g_strdup_printf ("%s.png", base);
  chooser = gtk_file_chooser_native_new (_("Export View as PNG"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (view_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);
  g_autoptr (GdkTexture) texture =
    vt_view_export_copy (GTK_WIDGET (vt_canvas_pane_get_image_view (self->canvas_pane)));

  if (texture != NULL)
    _vt_window_toast (self, _("View copied"));
}

void
_vt_window_update_export_actions (VtWindow *self,
                                  gboolean  viewer)
{
  _vt_window_set_action_enabled (self, "win.export-region", viewer);
  _vt_window_set_action_enabled (self, "win.export-view", viewer);
  _vt_window_set_action_enabled (self, "win.copy-view", viewer);
  if (!viewer)
    vt_region_selector_set_active (vt_canvas_pane_get_region_selector (self->canvas_pane), FALSE);
}

void
_vt_window_class_export_init (VtWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export-region", NULL, export_region_action);
  gtk_widget_class_install_action (widget_class, "win.export-view", NULL, export_view_action);
  gtk_widget_class_install_action (widget_class, "win.copy-view", NULL, copy_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-region", NULL);
  /* Ctrl+Shift+C copies the link to the view; the picture takes Alt. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.copy-view", NULL);
}
