/* vt-window-search.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window"

#include "config.h"

#include "vt-search-page.h"
#include "vt-window-private.h"

/* A satellite of the window: the catalogue's search page, in the window's
 * stack, and what the catalogue knows of the object on screen (the sidebar
 * section and the "no public image" page). It calls only into the centre. */

static void
search_open_object_cb (VtWindow   *self,
                       const char *object_id)
{
  vt_window_open_input (self, object_id);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);

  vt_window_show_search (self, parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL);
}

static void
close_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VtWindow *self = VT_WINDOW (widget);

  if (g_strcmp0 (vt_window_get_page_name (self), "search") == 0)
    _vt_window_sync_page (self);
}

/* Typing on the welcome page starts a search with what was typed. Keys
 * the focused widget takes (the find bar's entry) never get here. */
static gboolean
window_key_pressed_cb (VtWindow        *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  gunichar ch = gdk_keyval_to_unicode (keyval);
  char text[8] = { 0 };

  if (g_strcmp0 (vt_window_get_page_name (self), "welcome") != 0 ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      ch == 0 || !g_unichar_isgraph (ch))
    return FALSE;

  g_unichar_to_utf8 (ch, text);
  vt_window_show_search (self, text);
  return TRUE;
}

void
_vt_window_class_search_init (VtWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (VT_TYPE_SEARCH_PAGE);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", search_action);
  gtk_widget_class_install_action (widget_class, "win.close-search", NULL, close_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

void
_vt_window_search_init (VtWindow *self)
{
  GtkEventController *keys;
  GtkStackPage *page;

  self->search_page = VT_SEARCH_PAGE (vt_search_page_new ());
  page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->search_page), "search");
  gtk_stack_page_set_title (page, "search");
  g_signal_connect_object (self->search_page, "open-object",
                           G_CALLBACK (search_open_object_cb), self, G_CONNECT_SWAPPED);

  g_signal_group_connect_swapped (self->viewing_signals, "notify::catalogue-record",
                                  G_CALLBACK (_vt_window_sync_catalogue), self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (window_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* What the catalogue knows of the object on screen: only ever the record
 * of the window's current VtViewing, which starts without one. */
void
_vt_window_sync_catalogue (VtWindow *self)
{
  VtCatalogueRecord *record = self->viewing ? vt_viewing_get_catalogue_record (self->viewing) : NULL;

  vt_metadata_view_set_catalogue_record (self->metadata_view, record);
  vt_error_page_set_catalogue_record (self->error_page,
                                      g_strcmp0 (vt_window_get_state_name (self), "not-public") == 0
                                      ? record : NULL);
}

/**
 * vt_window_show_search:
 * @text: (nullable): what to search for, or %NULL to keep what was typed
 *
 * Shows the catalogue's search page, with the keyboard in its entry.
 */
void
vt_window_show_search (VtWindow   *self,
                       const char *text)
{
  g_return_if_fail (VT_IS_WINDOW (self));

  vt_search_page_set_session (self->search_page, vt_navigation_get_session (self->navigation));
  vt_search_page_refresh (self->search_page);
  gtk_stack_set_visible_child_name (self->stack, "search");
  /* Focus first: focusing selects the text, which the next key typed
   * would replace; setting the text puts the cursor after it. */
  vt_search_page_focus (self->search_page);
  if (text != NULL)
    vt_search_page_set_text (self->search_page, text);
}

/**
 * vt_window_get_search_page:
 *
 * Returns: (transfer none): the catalogue's search page
 */
VtSearchPage *
vt_window_get_search_page (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->search_page;
}
