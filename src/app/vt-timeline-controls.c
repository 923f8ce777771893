/* vt-timeline-controls.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-timeline-controls"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vt-timeline-controls.h"

/* Play, the position and "0:02 / 0:04" for a canvas clock over a
 * composite canvas (cookbook 0560, 0489): the player's own controls,
 * on an OSD bar, for a canvas that is not a recording. */

struct _VtTimelineControls
{
  GtkWidget       parent_instance;

  GtkMediaStream *stream;
  GtkWidget      *box;
  GtkButton      *play_button;
  GtkScale       *scale;
  GtkAdjustment  *adjustment;
  GtkLabel       *time_label;
  char           *time_text;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (VtTimelineControls, vt_timeline_controls, GTK_TYPE_WIDGET)

/**
 * vt_timeline_format_time:
 * @seconds: a time
 *
 * Returns: (transfer full): @seconds as "1:05", or "1:02:03" past an hour
 */
char *
vt_timeline_format_time (double seconds)
{
  gint64 s = (gint64) MAX (0.0, floor (seconds));

  if (s >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", s / 3600, (int) (s / 60 % 60), (int) (s % 60));
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", s / 60, (int) (s % 60));
}

static void
update_time (VtTimelineControls *self)
{
  double position = self->stream ? gtk_media_stream_get_timestamp (self->stream) / (double) G_USEC_PER_SEC : 0;
  double duration = self->stream ? gtk_media_stream_get_duration (self->stream) / (double) G_USEC_PER_SEC : 0;
  g_autofree char *now = vt_timeline_format_time (position);
  g_autofree char *total = vt_timeline_format_time (duration);

  g_free (self->time_text);
  /* Translators: the playback position and the length of a recording,
   * e.g. "1:23 / 5:00" */
  self->time_text = g_strdup_printf (_("%s / %s"), now, total);
  gtk_label_set_text (self->time_label, self->time_text);

  self->updating = TRUE;
  gtk_adjustment_set_upper (self->adjustment, MAX (duration, 0.001));
  gtk_adjustment_set_value (self->adjustment, position);
  self->updating = FALSE;
}

static void
update_playing (VtTimelineControls *self)
{
  gboolean playing = self->stream != NULL && gtk_media_stream_get_playing (self->stream);
  const char *label = playing ? _("Pause") : _("Play");

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
play_clicked_cb (VtTimelineControls *self)
{
  if (self->stream == NULL)
    return;
  if (gtk_media_stream_get_playing (self->stream))
    gtk_media_stream_pause (self->stream);
  else
    {
      /* At the end, playing again starts over. */
      if (gtk_media_stream_get_ended (self->stream))
        gtk_media_stream_seek (self->stream, 0);
      gtk_media_stream_play (self->stream);
    }
}

static void
value_changed_cb (VtTimelineControls *self)
{
  if (self->updating || self->stream == NULL)
    return;
  gtk_media_stream_seek (self->stream, (gint64) (gtk_adjustment_get_value (self->adjustment) * G_USEC_PER_SEC));
}

/**
 * vt_timeline_controls_set_stream:
 * @stream: (nullable): the clock to drive
 */
void
vt_timeline_controls_set_stream (VtTimelineControls *self,
                                 GtkMediaStream     *stream)
{
  g_return_if_fail (VT_IS_TIMELINE_CONTROLS (self));

  if (self->stream == stream)
    return;
  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_set_object (&self->stream, stream);
  if (stream != NULL)
    {
      g_signal_connect_object (stream, "notify::timestamp", G_CALLBACK (update_time), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "notify::duration", G_CALLBACK (update_time), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "notify::playing", G_CALLBACK (update_playing), self, G_CONNECT_SWAPPED);
    }
  update_time (self);
  update_playing (self);
}

GtkMediaStream *
vt_timeline_controls_get_stream (VtTimelineControls *self)
{
  g_return_val_if_fail (VT_IS_TIMELINE_CONTROLS (self), NULL);
  return self->stream;
}

/**
 * vt_timeline_controls_get_time_text:
 *
 * Returns: what the time display says, e.g. "0:02 / 0:04"
 */
const char *
vt_timeline_controls_get_time_text (VtTimelineControls *self)
{
  g_return_val_if_fail (VT_IS_TIMELINE_CONTROLS (self), NULL);
  return self->time_text;
}

static void
vt_timeline_controls_dispose (GObject *object)
{
  VtTimelineControls *self = VT_TIMELINE_CONTROLS (object);

  vt_timeline_controls_set_stream (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->time_text, g_free);

  G_OBJECT_CLASS (vt_timeline_controls_parent_class)->dispose (object);
}

static void
vt_timeline_controls_class_init (VtTimelineControlsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vt_timeline_controls_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vt-timeline-controls");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vt_timeline_controls_init (VtTimelineControls *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->play_button = GTK_BUTTON (gtk_button_new_from_icon_name ("media-playback-start-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->play_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->play_button), "circular");
  g_signal_connect_object (self->play_button, "clicked", G_CALLBACK (play_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->play_button));

  self->adjustment = gtk_adjustment_new (0, 0, 1, 1, 5, 0);
  self->scale = GTK_SCALE (gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->adjustment));
  gtk_scale_set_draw_value (self->scale, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->scale), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Position"), -1);
  g_signal_connect_object (self->adjustment, "value-changed", G_CALLBACK (value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->scale));

  self->time_label = GTK_LABEL (gtk_label_new ("0:00 / 0:00"));
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "numeric");
  gtk_widget_set_margin_end (GTK_WIDGET (self->time_label), 6);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->time_label));

  update_time (self);
  update_playing (self);
}

GtkWidget *
vt_timeline_controls_new (void)
{
  return g_object_new (VT_TYPE_TIMELINE_CONTROLS, NULL);
}
