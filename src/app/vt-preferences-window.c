/* vt-preferences-window.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "net/vt-ghent-catalogue.h"

#include "vt-preferences-window.h"

struct _VtPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwPreferencesGroup  *api_group;
  AdwEntryRow          *api_row;
  GtkSpinButton        *connections_spin;
  GtkSpinButton        *disk_cache_spin;
  GtkSpinButton        *memory_cache_spin;
};

G_DEFINE_FINAL_TYPE (VtPreferencesWindow, vt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Only an absolute http or https address can stand in for the Ghent API:
 * anything else would make every object fail to load. */
static gboolean
is_valid_api_url (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0;
}

static void
api_row_changed_cb (VtPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->api_row));

  if (*text == '\0' || is_valid_api_url (text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->api_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->api_row), "error");
}

static void
api_row_apply_cb (VtPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->api_row))));
  size_t len;

  if (*text == '\0')
    {
      g_autofree char *fallback = NULL;

      g_settings_reset (self->settings, "api-base-url");
      fallback = g_settings_get_string (self->settings, "api-base-url");
      gtk_editable_set_text (GTK_EDITABLE (self->api_row), fallback);
      return;
    }

  if (!is_valid_api_url (text))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Enter an address starting with https:// or http://")));
      return;
    }

  /* The manifest path is appended with a slash of its own. */
  len = strlen (text);
  while (len > 0 && text[len - 1] == '/')
    text[--len] = '\0';

  g_settings_set_string (self->settings, "api-base-url", text);
}

/* GTK gives the first focus to the page switcher, which then gives way to
 * the title, and the focus moves on to the address row, which selects all
 * its text as GTK does for a Tab: one key press would replace the address.
 * The row is the first thing to fill in anyway: it gets the focus straight
 * away, with the cursor at its end. */
static void
vt_preferences_window_show (GtkWidget *widget)
{
  VtPreferencesWindow *self = VT_PREFERENCES_WINDOW (widget);
  GtkEditable *api = GTK_EDITABLE (self->api_row);

  GTK_WIDGET_CLASS (vt_preferences_window_parent_class)->show (widget);

  if (gtk_widget_is_sensitive (GTK_WIDGET (self->api_row)) &&
      gtk_widget_grab_focus (GTK_WIDGET (self->api_row)))
    gtk_editable_select_region (api, -1, -1);
}

static void
vt_preferences_window_dispose (GObject *object)
{
  VtPreferencesWindow *self = VT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vt_preferences_window_parent_class)->dispose (object);
}

static void
vt_preferences_window_class_init (VtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_preferences_window_dispose;
  widget_class->show = vt_preferences_window_show;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/vt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtPreferencesWindow, api_group);
  gtk_widget_class_bind_template_child (widget_class, VtPreferencesWindow, api_row);
  gtk_widget_class_bind_template_child (widget_class, VtPreferencesWindow, connections_spin);
  gtk_widget_class_bind_template_child (widget_class, VtPreferencesWindow, disk_cache_spin);
  gtk_widget_class_bind_template_child (widget_class, VtPreferencesWindow, memory_cache_spin);
  gtk_widget_class_bind_template_callback (widget_class, api_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, api_row_apply_cb);
}

static void
vt_preferences_window_init (VtPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VtPreferencesWindow *
vt_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  VtPreferencesWindow *self;
  g_autofree char *api = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  api = g_settings_get_string (settings, "api-base-url");
  if (g_getenv (VT_GHENT_API_ENV) != NULL && *g_getenv (VT_GHENT_API_ENV) != '\0')
    {
      g_autofree char *effective = vt_ghent_get_api_base (api);
      g_autofree char *note = NULL;

      /* What is used, not a setting that has no effect; and no way to
       * change it here, since the environment would win again. */
      gtk_editable_set_text (GTK_EDITABLE (self->api_row), effective);
      gtk_widget_set_sensitive (GTK_WIDGET (self->api_row), FALSE);
      /* Translators: %s is the name of an environment variable */
      note = g_strdup_printf (_("Where object numbers are looked up. The %s environment "
                                "variable overrides this setting, so it cannot be changed here."),
                              VT_GHENT_API_ENV);
      adw_preferences_group_set_description (self->api_group, note);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->api_row), api);
    }

  g_settings_bind (settings, "connections-per-host", self->connections_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "disk-cache-size", self->disk_cache_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "memory-cache-size", self->memory_cache_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  return self;
}
