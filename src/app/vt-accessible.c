/* vt-accessible.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-accessible"

#include "config.h"

#include <adwaita.h>

#include "vt-accessible.h"

/* What GTK 4.8 tells a screen reader, corrected where it says too much or
 * too little:
 *
 *  - a button with a mnemonic is named with the underscore, and then with
 *    its label again: "Try _Another Object Try Another Object";
 *  - a tooltip becomes the description, so that an icon button whose
 *    tooltip is its name is read twice: "Back Back";
 *  - a stack's other pages stay in the tree, read as if on screen;
 *  - a widget without a name is named after its type ("GtkToggleButton").
 *
 * Later GTK versions fix some of these; these helpers are harmless there. */

#define TIDY_KEY "vt-accessible-tidy"

static void
drop_description_cb (GtkWidget *widget)
{
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * vt_accessible_drop_tooltip_description:
 * @widget: a widget whose tooltip says what its name already says
 *
 * Keeps @widget's tooltip out of its accessible description, now and
 * whenever the tooltip changes.
 */
void
vt_accessible_drop_tooltip_description (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TIDY_KEY "-tooltip") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), TIDY_KEY "-tooltip", GINT_TO_POINTER (TRUE));
      /* GTK sets the description before it notifies. */
      g_signal_connect (widget, "notify::tooltip-text", G_CALLBACK (drop_description_cb), NULL);
    }
  drop_description_cb (widget);
}

static void
button_label_changed_cb (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (!gtk_button_get_use_underline (GTK_BUTTON (button)) ||
      gtk_button_get_label (GTK_BUTTON (button)) == NULL ||
      !GTK_IS_LABEL (child))
    return;

  /* The label's text, without the underscore, is the whole name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (child)),
                                  -1);
}

/**
 * vt_accessible_name_button:
 * @button: a #GtkButton whose label has a mnemonic
 *
 * Names @button by its label without the underscore, once, as its label
 * changes.
 */
void
vt_accessible_name_button (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  if (g_object_get_data (G_OBJECT (button), TIDY_KEY "-label") == NULL)
    {
      g_object_set_data (G_OBJECT (button), TIDY_KEY "-label", GINT_TO_POINTER (TRUE));
      g_signal_connect_after (button, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
      g_signal_connect_after (button, "notify::use-underline", G_CALLBACK (button_label_changed_cb), NULL);
    }
  button_label_changed_cb (button);
}

static gboolean
is_icon_button (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL;
  /* The button inside a menu button. */
  if (GTK_IS_BUTTON (widget) && GTK_IS_MENU_BUTTON (parent))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (parent)) != NULL;
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL;
  return FALSE;
}

static void
status_page_title_cb (AdwStatusPage *page)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (page));

  /* A status page scrolls its content in a window of its own, which can
   * take the focus: it is named after the page. */
  if (GTK_IS_SCROLLED_WINDOW (scroller))
    vt_accessible_set_label (scroller, adw_status_page_get_title (page));
}

/**
 * vt_accessible_tidy:
 * @root: a widget
 *
 * Applies vt_accessible_name_button() to every button under @root with a
 * mnemonic, and vt_accessible_drop_tooltip_description() to every icon
 * button, whose tooltip is, by GNOME's convention, its name; names the
 * scrolled window of every status page after its title. Call it on a
 * composite widget once its template is built.
 */
void
vt_accessible_tidy (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    vt_accessible_name_button (root);
  if (is_icon_button (root))
    vt_accessible_drop_tooltip_description (root);
  if (ADW_IS_STATUS_PAGE (root) &&
      g_object_get_data (G_OBJECT (root), TIDY_KEY "-status") == NULL)
    {
      g_object_set_data (G_OBJECT (root), TIDY_KEY "-status", GINT_TO_POINTER (TRUE));
      g_signal_connect (root, "notify::title", G_CALLBACK (status_page_title_cb), NULL);
      status_page_title_cb (ADW_STATUS_PAGE (root));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    vt_accessible_tidy (child);
}

static void
stack_visible_child_cb (GtkStack *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != visible,
                                 -1);
}

/**
 * vt_accessible_follow_stack:
 * @stack: a #GtkStack
 *
 * Keeps the pages of @stack that are not shown out of what a screen
 * reader reads.
 */
void
vt_accessible_follow_stack (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (stack_visible_child_cb), NULL);
  stack_visible_child_cb (stack);
}

/**
 * vt_accessible_set_label:
 * @widget: a widget
 * @label: (nullable): its accessible name, or %NULL for none of its own
 */
void
vt_accessible_set_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}
