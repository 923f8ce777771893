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
  else if (G_VALUE_HOLDS (value, G_TYPE_STRING) && g_value_get_string (value) != NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (g_value_get_string (value)));

      /* Content-state JSON may span lines (§3.4 drags it as text/plain);
       * text/uri-list, text/x-moz-url and plain text carry the link on
       * their first line that is not a comment. */
      if (text[0] == '{' || text[0] == '[')
        input = g_steal_pointer (&text);
      else
        {
          g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

          for (guint i = 0; lines[i] != NULL && input == NULL; i++)
            {
              g_strstrip (lines[i]);
              if (lines[i][0] != '\0' && lines[i][0] != '#')
                input = g_strdup (lines[i]);
            }
        }
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
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  /* The window's own share handle, dropped back on it. */
  if (drop != NULL && _vt_window_share_is_own_drag (self, gdk_drop_get_drag (drop)))
    return FALSE;

  return vt_window_open_dropped (self, value);
}

/* text/x-moz-url, what Firefox drags (and some pages set alone): UTF-16,
 * the URL then the title on the next line. Read as a string, so that the
 * drop target's G_TYPE_STRING takes it. */
static void
moz_url_spliced_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GdkContentDeserializer *deserializer = user_data;
  GOutputStream *stream = G_OUTPUT_STREAM (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const gunichar2 *data;

  if (g_output_stream_splice_finish (stream, result, &error) < 0)
    {
      gdk_content_deserializer_return_error (deserializer, g_steal_pointer (&error));
      return;
    }

  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  text = data != NULL ? g_utf16_to_utf8 (data, size / sizeof (gunichar2), NULL, NULL, NULL) : NULL;
  if (text == NULL)
    {
      gdk_content_deserializer_return_error (deserializer,
                                             g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                                                  "text/x-moz-url is not UTF-16"));
      return;
    }

  g_value_take_string (gdk_content_deserializer_get_value (deserializer), g_steal_pointer (&text));
  gdk_content_deserializer_return_success (deserializer);
}

static void
moz_url_deserializer (GdkContentDeserializer *deserializer)
{
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();

  g_output_stream_splice_async (output, gdk_content_deserializer_get_input_stream (deserializer),
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                gdk_content_deserializer_get_priority (deserializer),
                                gdk_content_deserializer_get_cancellable (deserializer),
                                moz_url_spliced_cb, deserializer);
}

void
_vt_window_dnd_init (VtWindow *self)
{
  static gsize registered = 0;
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, G_TYPE_STRING };

  if (g_once_init_enter (&registered))
    {
      gdk_content_register_deserializer ("text/x-moz-url", G_TYPE_STRING, moz_url_deserializer, NULL, NULL);
      g_once_init_leave (&registered, 1);
    }

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_LINK);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
