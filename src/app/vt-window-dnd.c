/* vt-window-dnd.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-window-dnd"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-window-private.h"

/* Anything dropped on the window opens as if it had been typed: a file, a
 * manifest URL, a IIIF drag-and-drop link (…?manifest=URL) or a Content
 * State. The input parser decides what it is; here we only take the first
 * thing dropped and its text or URI. */

/**
 * vt_window_open_dropped:
 * @value: what a drop carried: a file list, a file or text
 *
 * Opens what a drop carried. Split from the drop target's handler so that
 * tests can hand it exactly what a drag from a browser or a file manager
 * brings.
 *
 * Returns: %TRUE when the value carried something to open
 */
gboolean
vt_window_open_dropped (VtWindow     *self,
                        const GValue *value)
{
  g_autofree char *input = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files != NULL)
        input = g_file_get_uri (files->data);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      input = g_file_get_uri (g_value_get_object (value));
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      g_auto(GStrv) lines = g_strsplit (g_value_get_string (value), "\n", 2);

      /* text/uri-list and plain text both carry the link on the first line. */
      if (lines[0] != NULL)
        input = g_strdup (g_strstrip (lines[0]));
    }

  if (input == NULL || *input == '\0')
    return FALSE;

  vt_window_open_input (self, input);

  return TRUE;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         VtWindow      *self)
{
  return vt_window_open_dropped (self, value);
}

void
_vt_window_dnd_init (VtWindow *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, G_TYPE_STRING };

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_LINK);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
