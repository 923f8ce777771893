/* vt-context-menu.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-context-menu"

#include "config.h"

#include "vt-context-menu.h"

/* A context menu on a list row: the secondary button, or a long press on
 * a touch screen. The menu is built when it
 * opens, since rows are reused for other items as a list scrolls. */

typedef struct
{
  VtContextMenuFunc func;
  gpointer          user_data;
} ContextMenu;

static gboolean
unparent_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

/* After the menu's action ran: a popover must not lose its parent while
 * its item is being activated. */
static void
closed_cb (GtkPopover *popover)
{
  g_idle_add (unparent_cb, g_object_ref (popover));
}

static void
popup (GtkWidget *widget,
       double     x,
       double     y)
{
  ContextMenu *menu = g_object_get_data (G_OBJECT (widget), "vt-context-menu");
  g_autoptr(GMenuModel) model = menu ? menu->func (widget, menu->user_data) : NULL;
  GtkWidget *popover;

  if (model == NULL)
    return;

  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, widget);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GtkWidget       *widget)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup (widget, x, y);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 GtkWidget           *widget)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup (widget, x, y);
}

/**
 * vt_context_menu_attach:
 * @func: builds the menu when it opens
 *
 * Gives @widget a context menu.
 */
void
vt_context_menu_attach (GtkWidget         *widget,
                        VtContextMenuFunc  func,
                        gpointer           user_data)
{
  ContextMenu *menu = g_new0 (ContextMenu, 1);
  GtkGesture *click, *press;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  menu->func = func;
  menu->user_data = user_data;
  g_object_set_data_full (G_OBJECT (widget), "vt-context-menu", menu, g_free);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (long_pressed_cb), widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (press));
}
