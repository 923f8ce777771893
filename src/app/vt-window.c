/* vt-window.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-window.h"

struct _VtWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *input;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  GtkStack             *stack;
  AdwStatusPage        *welcome_page;
};

G_DEFINE_FINAL_TYPE (VtWindow, vt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_INPUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vt_window_save_state (VtWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximised window's size says nothing about the one to restore. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
vt_window_restore_state (VtWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
vt_window_close_request (GtkWindow *window)
{
  vt_window_save_state (VT_WINDOW (window));

  return GTK_WINDOW_CLASS (vt_window_parent_class)->close_request (window);
}

static void
vt_window_dispose (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_WINDOW);

  G_OBJECT_CLASS (vt_window_parent_class)->dispose (object);
}

static void
vt_window_finalize (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->input, g_free);

  G_OBJECT_CLASS (vt_window_parent_class)->finalize (object);
}

static void
vt_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VtWindow *self = VT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      g_value_set_string (value, self->input);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_window_open_input_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  VtWindow *self = VT_WINDOW (widget);

  g_assert (VT_IS_WINDOW (self));

  vt_window_open_input (self, g_variant_get_string (param, NULL));
}

static void
vt_window_class_init (VtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vt_window_dispose;
  object_class->finalize = vt_window_finalize;
  object_class->get_property = vt_window_get_property;

  window_class->close_request = vt_window_close_request;

  /**
   * VtWindow:input:
   *
   * What the user last asked this window to open: an object number, a URL
   * or a file URI, as given.
   */
  properties[PROP_INPUT] =
    g_param_spec_string ("input", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, welcome_page);

  gtk_widget_class_install_action (widget_class, "win.open-input", "s",
                                   vt_window_open_input_action);
}

static void
vt_window_init (VtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);
  vt_window_restore_state (self);

}

VtWindow *
vt_window_new (VtApplication *application)
{
  return g_object_new (VT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * vt_window_open_input:
 * @self: a #VtWindow
 * @input: an object number, a manifest URL or a file URI
 *
 * Opens what the user typed, pasted, dropped or passed on the command line.
 */
void
vt_window_open_input (VtWindow   *self,
                      const char *input)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (VT_IS_WINDOW (self));
  g_return_if_fail (input != NULL);

  stripped = g_strstrip (g_strdup (input));
  if (g_strcmp0 (stripped, self->input) == 0)
    return;

  g_free (self->input);
  self->input = g_steal_pointer (&stripped);
  g_debug ("Asked to open “%s”", self->input);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INPUT]);
}

const char *
vt_window_get_input (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->input;
}

/**
 * vt_window_get_page_name:
 *
 * Returns: the name of the page the window shows: "welcome", "loading", …
 */
const char *
vt_window_get_page_name (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
