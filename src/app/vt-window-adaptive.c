/* vt-window-adaptive.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-window-private.h"

/* The window's satellite for its width: from a phone (360 px) to a 4K
 * screen. Everything in the header shrinks on its own (the entry, the
 * organisation's name), so that the window's minimum width never depends
 * on the organisation or the page; below NARROW_WIDTH the window takes a
 * narrow layout that leaves the entry room. The sidebar (an AdwFlap)
 * folds over the canvas by itself when there is no room beside it. */

/* Below this width the window is narrow: a phone, or half of a small
 * laptop screen. The wide layout's minimum must stay below it, or a user
 * could not shrink the window into the narrow one. */
#define NARROW_WIDTH 600

/* A narrow window keeps in its header what is needed on every page: Back,
 * the picker (by abbreviation) and the entry, the sidebar and the menu.
 * Forward goes (its key stays); Open and the recent objects move into the
 * menu. The error page stacks its buttons. */
static void
find_bar_compact_changed_cb (VtWindow *self)
{
  gboolean narrow = vt_find_bar_get_compact (self->find_bar);

  gtk_widget_set_visible (self->forward_button, !narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->open_menu_button), !narrow);
  gtk_menu_button_set_menu_model (self->primary_menu_button,
                                  narrow ? G_MENU_MODEL (self->narrow_menu) : self->primary_menu);
  vt_error_page_set_narrow (self->error_page, narrow);
}

static GMenu *
build_narrow_menu (VtWindow *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) open_section = g_menu_new ();

  g_menu_append_section (open_section, NULL, self->open_menu);
  g_menu_append_submenu (open_section, _("_Recent Objects"),
                         vt_find_bar_get_recent_menu (self->find_bar));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open_section));
  for (int i = 0; i < g_menu_model_get_n_items (self->primary_menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (self->primary_menu, i,
                                                                  G_MENU_LINK_SECTION);

      if (section != NULL)
        g_menu_append_section (menu, NULL, section);
    }
  return menu;
}

#if !ADW_CHECK_VERSION (1, 4, 0)
/* libadwaita 1.2 has no breakpoints: the window decides from the width it
 * is given, before its content is laid out at that width. */
static void
vt_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  VtWindow *self = VT_WINDOW (widget);
  GtkWidgetClass *parent_class = g_type_class_peek (ADW_TYPE_APPLICATION_WINDOW);

  vt_find_bar_set_compact (self->find_bar, width < NARROW_WIDTH);

  parent_class->size_allocate (widget, width, height, baseline);
}
#endif

void
_vt_window_class_adaptive_init (VtWindowClass *klass)
{
#if !ADW_CHECK_VERSION (1, 4, 0)
  GTK_WIDGET_CLASS (klass)->size_allocate = vt_window_size_allocate;
#endif
}

/* After the window's size is restored. */
void
_vt_window_adaptive_init (VtWindow *self)
{
  self->narrow_menu = build_narrow_menu (self);
  g_signal_connect_object (self->find_bar, "notify::compact",
                           G_CALLBACK (find_bar_compact_changed_cb), self, G_CONNECT_SWAPPED);

#if ADW_CHECK_VERSION (1, 4, 0)
  /* Built against libadwaita 1.4 or later (the Flatpak's runtime), a
   * breakpoint switches the layout, and the window's minimum is its
   * width-request. The build pins ADW_VERSION_MAX_ALLOWED to 1.2, hence
   * the guard against availability warnings. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    AdwBreakpoint *narrow = adw_breakpoint_new (adw_breakpoint_condition_new_length (
                                                  ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                  NARROW_WIDTH - 1, ADW_LENGTH_UNIT_PX));

    adw_breakpoint_add_setters (narrow,
                                G_OBJECT (self->find_bar), "compact", TRUE,
                                NULL);
    adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), narrow);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    int width, height;

    /* A window restored narrow starts narrow: laid out wide first, it
     * would be mapped as wide as the wide layout's minimum. */
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
    vt_find_bar_set_compact (self->find_bar, width > 0 && width < NARROW_WIDTH);
  }
#endif
}
