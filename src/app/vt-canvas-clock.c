/* vt-canvas-clock.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-canvas-clock"

#include "config.h"

#include <math.h>

#include "vt-canvas-clock.h"

/* The time of a time-based canvas (its `duration`), as a GtkMediaStream,
 * so that the player's controls, GtkMediaControls and the sections all
 * drive one clock: play, pause, seek, the position and the end are the
 * canvas's, not one file's.
 *
 * The canvas may paint several recordings at time ranges of it (cookbook
 * 0064: two acts of an opera, one after the other, `#t=0,3971.24` and
 * `#t=3971.24`): each is a segment. While the clock is inside a segment,
 * that segment's file (a GtkMediaFile, GStreamer) plays at (clock −
 * start) and its timestamp drives the clock, so sound and picture stay in
 * step; at the segment's end (or the file's) the clock goes on into the
 * next segment, whose file is opened at its offset, and playback goes on.
 * Where no segment covers the time (a gap, or a canvas of images at time
 * ranges, cookbook 0560 and 0489), the monotonic clock moves it.
 *
 * It is a paintable: it draws the frame of the file playing now, so one
 * GtkPicture shows every video of the canvas in turn. */

/* How often the clock moves when no file drives it. */
#define TICK_MS 40

typedef struct
{
  double  start;  /* seconds of the canvas */
  double  end;    /* seconds, or < 0 for the end of the canvas */
  char   *uri;
  VtPaintingAnnotation *annotation;  /* that paints it, or NULL */
} Segment;

struct _VtCanvasClock
{
  GtkMediaStream  parent_instance;

  gint64          duration;   /* µs */
  GPtrArray      *segments;   /* of Segment, in document order */
  int             current;    /* the segment whose file is open, or -1 */
  GtkMediaStream *file;       /* that file */
  gint64          pending;    /* µs into the file to seek to once it can, or -1 */
  gboolean        file_seeking;
  GdkSurface     *surface;    /* realized on, handed to each file */

  guint           tick_id;
  gint64          tick_origin;      /* monotonic µs when the tick started */
  gint64          tick_origin_pos;  /* the position then */
};

static void vt_canvas_clock_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtCanvasClock, vt_canvas_clock, GTK_TYPE_MEDIA_STREAM,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, vt_canvas_clock_paintable_init))

static void
segment_free (gpointer data)
{
  Segment *segment = data;

  g_free (segment->uri);
  g_clear_pointer (&segment->annotation, vt_painting_annotation_unref);
  g_free (segment);
}

static gint64
segment_end (VtCanvasClock *self,
             Segment       *segment)
{
  return segment->end >= 0 ? (gint64) (segment->end * G_USEC_PER_SEC) : self->duration;
}

/* The segment that holds @position: the last to start at or before it
 * and not yet ended, so that at a boundary the one starting wins. */
static int
segment_at (VtCanvasClock *self,
            gint64         position)
{
  int found = -1;

  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = g_ptr_array_index (self->segments, i);
      gint64 start = (gint64) (segment->start * G_USEC_PER_SEC);

      if (start <= position && position < segment_end (self, segment))
        {
          if (found < 0 || start >= ((Segment *) g_ptr_array_index (self->segments, found))->start * G_USEC_PER_SEC)
            found = (int) i;
        }
    }
  return found;
}

static gint64
position (VtCanvasClock *self)
{
  return gtk_media_stream_get_timestamp (GTK_MEDIA_STREAM (self));
}

static void tick_start (VtCanvasClock *self);
static void tick_stop  (VtCanvasClock *self);
static void enter      (VtCanvasClock *self,
                        int            index,
                        gint64         offset);

static void
drop_file (VtCanvasClock *self)
{
  if (self->file == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->file, self);
  gtk_media_stream_pause (self->file);
  if (self->surface != NULL)
    gtk_media_stream_unrealize (self->file, self->surface);
  g_clear_object (&self->file);
  self->current = -1;
  self->pending = -1;
  self->file_seeking = FALSE;
  gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}

/* The clock reached the end of the canvas. */
static void
reach_end (VtCanvasClock *self)
{
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self);

  if (gtk_media_stream_get_loop (stream))
    {
      /* behavior `repeat` (cookbook 0560): round again. */
      gtk_media_stream_seek (stream, 0);
      return;
    }
  tick_stop (self);
  drop_file (self);
  gtk_media_stream_update (stream, self->duration);
  if (!gtk_media_stream_get_ended (stream))
    gtk_media_stream_stream_ended (stream);
}

/* Goes on from @at (the end of the segment playing) into what follows:
 * the next segment's file, or the clock alone. */
static void
move_on (VtCanvasClock *self,
         gint64         at)
{
  int next;

  if (at >= self->duration)
    {
      reach_end (self);
      return;
    }
  gtk_media_stream_update (GTK_MEDIA_STREAM (self), at);
  next = segment_at (self, at);
  if (next >= 0 && next != self->current)
    {
      Segment *segment = g_ptr_array_index (self->segments, next);

      enter (self, next, at - (gint64) (segment->start * G_USEC_PER_SEC));
      return;
    }
  /* A gap: nothing is painted there, and the time goes on. */
  drop_file (self);
  if (gtk_media_stream_get_playing (GTK_MEDIA_STREAM (self)))
    tick_start (self);
}

static void
file_timestamp_cb (VtCanvasClock *self)
{
  Segment *segment;
  gint64 at;

  /* While the file seeks, its timestamp is still the old one. */
  if (self->file_seeking || self->pending >= 0 || self->current < 0)
    return;
  segment = g_ptr_array_index (self->segments, self->current);
  at = (gint64) (segment->start * G_USEC_PER_SEC) + gtk_media_stream_get_timestamp (self->file);
  if (at >= segment_end (self, segment))
    move_on (self, segment_end (self, segment));
  else
    gtk_media_stream_update (GTK_MEDIA_STREAM (self), at);
}

static void
file_ended_cb (VtCanvasClock *self)
{
  Segment *segment;

  if (self->current < 0 || !gtk_media_stream_get_ended (self->file))
    return;
  segment = g_ptr_array_index (self->segments, self->current);
  /* A file shorter than its range: the rest of the range is a gap. */
  move_on (self, MAX (position (self),
                      (gint64) (segment->start * G_USEC_PER_SEC) + gtk_media_stream_get_duration (self->file)));
}

static void
file_error_cb (VtCanvasClock *self)
{
  const GError *error = gtk_media_stream_get_error (self->file);

  if (error != NULL && gtk_media_stream_get_error (GTK_MEDIA_STREAM (self)) == NULL)
    gtk_media_stream_gerror (GTK_MEDIA_STREAM (self), g_error_copy (error));
}

static void
file_seeking_cb (VtCanvasClock *self)
{
  if (!self->file_seeking || gtk_media_stream_is_seeking (self->file))
    return;
  self->file_seeking = FALSE;
  file_timestamp_cb (self);
  if (gtk_media_stream_is_seeking (GTK_MEDIA_STREAM (self)))
    gtk_media_stream_seek_success (GTK_MEDIA_STREAM (self));
}

/* Once the file can seek: to the offset waiting, then playing if the
 * clock plays. */
static void
file_ready_cb (VtCanvasClock *self)
{
  if (self->file == NULL || !gtk_media_stream_is_prepared (self->file))
    return;
  if (self->pending >= 0)
    {
      gint64 offset = self->pending;

      if (!gtk_media_stream_is_seekable (self->file))
        {
          /* It plays from its start, or not at all. */
          self->pending = -1;
          if (gtk_media_stream_is_seeking (GTK_MEDIA_STREAM (self)))
            gtk_media_stream_seek_success (GTK_MEDIA_STREAM (self));
        }
      else
        {
          self->pending = -1;
          self->file_seeking = TRUE;
          gtk_media_stream_seek (self->file, offset);
        }
    }
  if (gtk_media_stream_get_playing (GTK_MEDIA_STREAM (self)))
    gtk_media_stream_play (self->file);
}

static void
file_invalidate_contents_cb (VtCanvasClock *self)
{
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}

static void
file_invalidate_size_cb (VtCanvasClock *self)
{
  gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
}

/* Opens segment @index's file (unless open) at @offset µs into it. */
static void
enter (VtCanvasClock *self,
       int            index,
       gint64         offset)
{
  Segment *segment = g_ptr_array_index (self->segments, index);

  tick_stop (self);
  if (self->current != index || self->file == NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (segment->uri);
      GtkMediaStream *stream = GTK_MEDIA_STREAM (self);

      drop_file (self);
      self->current = index;
      self->file = gtk_media_file_new_for_file (file);
      gtk_media_stream_set_muted (self->file, gtk_media_stream_get_muted (stream));
      gtk_media_stream_set_volume (self->file, gtk_media_stream_get_volume (stream));
      if (self->surface != NULL)
        gtk_media_stream_realize (self->file, self->surface);
      g_signal_connect_object (self->file, "notify::timestamp", G_CALLBACK (file_timestamp_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->file, "notify::ended", G_CALLBACK (file_ended_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->file, "notify::error", G_CALLBACK (file_error_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->file, "notify::seeking", G_CALLBACK (file_seeking_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->file, "notify::prepared", G_CALLBACK (file_ready_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->file, "notify::seekable", G_CALLBACK (file_ready_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->file, "invalidate-contents", G_CALLBACK (file_invalidate_contents_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->file, "invalidate-size", G_CALLBACK (file_invalidate_size_cb),
                               self, G_CONNECT_SWAPPED);
      gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
      /* A file entered at its start needs no seek (a boundary crossed
       * while playing goes straight on). */
      self->pending = offset > G_USEC_PER_SEC / 100 ? offset : -1;
    }
  else
    self->pending = offset;
  file_ready_cb (self);
  if (self->pending < 0 && !self->file_seeking && gtk_media_stream_is_seeking (GTK_MEDIA_STREAM (self)))
    gtk_media_stream_seek_success (GTK_MEDIA_STREAM (self));
}

static gboolean
tick_cb (gpointer data)
{
  VtCanvasClock *self = data;
  gint64 at = self->tick_origin_pos + (g_get_monotonic_time () - self->tick_origin);
  int index;

  if (at >= self->duration)
    {
      self->tick_id = 0;
      reach_end (self);
      return G_SOURCE_REMOVE;
    }
  gtk_media_stream_update (GTK_MEDIA_STREAM (self), at);
  index = segment_at (self, at);
  if (index >= 0)
    {
      Segment *segment = g_ptr_array_index (self->segments, index);

      self->tick_id = 0;
      enter (self, index, at - (gint64) (segment->start * G_USEC_PER_SEC));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
tick_start (VtCanvasClock *self)
{
  self->tick_origin = g_get_monotonic_time ();
  self->tick_origin_pos = position (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
}

static void
tick_stop (VtCanvasClock *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

static gboolean
vt_canvas_clock_play (GtkMediaStream *stream)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (stream);
  int index;

  if (self->duration <= 0)
    return FALSE;
  /* At the end, playing starts over. */
  if (position (self) >= self->duration)
    gtk_media_stream_update (stream, 0);
  index = segment_at (self, position (self));
  if (index >= 0 && index == self->current && self->file != NULL)
    {
      if (gtk_media_stream_is_prepared (self->file))
        gtk_media_stream_play (self->file);
    }
  else if (index >= 0)
    {
      Segment *segment = g_ptr_array_index (self->segments, index);

      /* Playing is set after this returns: the file is told to play
       * once it is ready, and it is not yet. */
      enter (self, index, position (self) - (gint64) (segment->start * G_USEC_PER_SEC));
      if (self->file != NULL && gtk_media_stream_is_prepared (self->file))
        gtk_media_stream_play (self->file);
    }
  else
    tick_start (self);
  return TRUE;
}

static void
vt_canvas_clock_pause (GtkMediaStream *stream)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (stream);

  tick_stop (self);
  if (self->file != NULL)
    gtk_media_stream_pause (self->file);
}

static void
vt_canvas_clock_seek (GtkMediaStream *stream,
                      gint64          timestamp)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (stream);
  gint64 at = CLAMP (timestamp, 0, self->duration);
  int index = segment_at (self, at);

  /* The time shows at once; the picture follows when the file gets
   * there. */
  gtk_media_stream_update (stream, at);
  if (index >= 0)
    {
      Segment *segment = g_ptr_array_index (self->segments, index);

      enter (self, index, at - (gint64) (segment->start * G_USEC_PER_SEC));
      return;
    }
  drop_file (self);
  if (gtk_media_stream_get_playing (stream))
    tick_start (self);
  gtk_media_stream_seek_success (stream);
}

static void
vt_canvas_clock_update_audio (GtkMediaStream *stream,
                              gboolean        muted,
                              double          volume)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (stream);

  if (self->file == NULL)
    return;
  gtk_media_stream_set_muted (self->file, muted);
  gtk_media_stream_set_volume (self->file, volume);
}

static void
vt_canvas_clock_realize (GtkMediaStream *stream,
                         GdkSurface     *surface)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (stream);

  /* One surface at a time: the one the picture is on. */
  if (self->surface != NULL)
    return;
  self->surface = g_object_ref (surface);
  if (self->file != NULL)
    gtk_media_stream_realize (self->file, surface);
}

static void
vt_canvas_clock_unrealize (GtkMediaStream *stream,
                           GdkSurface     *surface)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (stream);

  if (self->surface != surface)
    return;
  if (self->file != NULL)
    gtk_media_stream_unrealize (self->file, surface);
  g_clear_object (&self->surface);
}

static void
vt_canvas_clock_paintable_snapshot (GdkPaintable *paintable,
                                    GdkSnapshot  *snapshot,
                                    double        width,
                                    double        height)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (paintable);

  if (self->file != NULL)
    gdk_paintable_snapshot (GDK_PAINTABLE (self->file), snapshot, width, height);
}

static GdkPaintable *
vt_canvas_clock_paintable_get_current_image (GdkPaintable *paintable)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (paintable);

  if (self->file != NULL)
    return gdk_paintable_get_current_image (GDK_PAINTABLE (self->file));
  return gdk_paintable_new_empty (0, 0);
}

static int
vt_canvas_clock_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (paintable);

  return self->file ? gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (self->file)) : 0;
}

static int
vt_canvas_clock_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (paintable);

  return self->file ? gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (self->file)) : 0;
}

static double
vt_canvas_clock_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (paintable);

  return self->file ? gdk_paintable_get_intrinsic_aspect_ratio (GDK_PAINTABLE (self->file)) : 0;
}

static void
vt_canvas_clock_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = vt_canvas_clock_paintable_snapshot;
  iface->get_current_image = vt_canvas_clock_paintable_get_current_image;
  iface->get_intrinsic_width = vt_canvas_clock_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = vt_canvas_clock_paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = vt_canvas_clock_paintable_get_intrinsic_aspect_ratio;
}

static void
vt_canvas_clock_dispose (GObject *object)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (object);

  tick_stop (self);
  drop_file (self);
  g_clear_object (&self->surface);

  G_OBJECT_CLASS (vt_canvas_clock_parent_class)->dispose (object);
}

static void
vt_canvas_clock_finalize (GObject *object)
{
  VtCanvasClock *self = VT_CANVAS_CLOCK (object);

  g_clear_pointer (&self->segments, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_canvas_clock_parent_class)->finalize (object);
}

static void
vt_canvas_clock_class_init (VtCanvasClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkMediaStreamClass *stream_class = GTK_MEDIA_STREAM_CLASS (klass);

  object_class->dispose = vt_canvas_clock_dispose;
  object_class->finalize = vt_canvas_clock_finalize;

  stream_class->play = vt_canvas_clock_play;
  stream_class->pause = vt_canvas_clock_pause;
  stream_class->seek = vt_canvas_clock_seek;
  stream_class->update_audio = vt_canvas_clock_update_audio;
  stream_class->realize = vt_canvas_clock_realize;
  stream_class->unrealize = vt_canvas_clock_unrealize;
}

static void
vt_canvas_clock_init (VtCanvasClock *self)
{
  self->segments = g_ptr_array_new_with_free_func (segment_free);
  self->current = -1;
  self->pending = -1;
}

/**
 * vt_canvas_clock_new:
 * @duration: the canvas's duration, in seconds
 *
 * A clock with no recordings: it moves on its own (the images of a
 * canvas at time ranges follow it). Add the recordings with
 * vt_canvas_clock_add_segment() before using it.
 */
VtCanvasClock *
vt_canvas_clock_new (double duration)
{
  VtCanvasClock *self = g_object_new (VT_TYPE_CANVAS_CLOCK, NULL);

  self->duration = (gint64) (MAX (0, duration) * G_USEC_PER_SEC);
  /* Always seekable, whatever its files: a seek outside them is the
   * clock's alone. */
  gtk_media_stream_stream_prepared (GTK_MEDIA_STREAM (self), FALSE, FALSE, TRUE, self->duration);
  return self;
}

/**
 * vt_canvas_clock_add_segment:
 * @start: where the recording starts on the canvas, in seconds
 * @end: where it ends, or < 0 for the end of the canvas
 * @uri: its address
 *
 * Paints the recording at @uri at [@start, @end) of the canvas; it plays
 * from its own start at @start.
 */
void
vt_canvas_clock_add_segment (VtCanvasClock *self,
                             double         start,
                             double         end,
                             const char    *uri)
{
  Segment *segment;

  g_return_if_fail (VT_IS_CANVAS_CLOCK (self));
  g_return_if_fail (uri != NULL);

  segment = g_new0 (Segment, 1);
  segment->start = MAX (0, start);
  segment->end = end > start ? end : -1;
  segment->uri = g_strdup (uri);
  g_ptr_array_add (self->segments, segment);
}

static gboolean
is_recording (VtContentResource *body)
{
  const char *scheme = body && body->id ? g_uri_peek_scheme (body->id) : NULL;

  return body != NULL && (body->kind == VT_CONTENT_SOUND || body->kind == VT_CONTENT_VIDEO) &&
         (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0);
}

/**
 * vt_canvas_clock_is_for:
 *
 * Returns: whether @canvas paints its recordings at time ranges of its
 *   own (several in sequence, or one that starts later), so that its
 *   time is not one file's
 */
gboolean
vt_canvas_clock_is_for (VtCanvas *canvas)
{
  guint n = 0;
  gboolean timed = FALSE;

  g_return_val_if_fail (canvas != NULL, FALSE);

  if (canvas->duration <= 0)
    return FALSE;
  for (guint i = 0; i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *annotation = g_ptr_array_index (canvas->annotations, i);

      if (!is_recording (vt_painting_annotation_get_body (annotation)))
        continue;
      n++;
      timed = timed || annotation->has_time;
    }
  return n > 1 || (n == 1 && timed);
}

/**
 * vt_canvas_clock_new_for_canvas:
 *
 * The clock of @canvas, with each sound and video it paints (on the web)
 * at its time range: the whole canvas for one without.
 */
VtCanvasClock *
vt_canvas_clock_new_for_canvas (VtCanvas *canvas)
{
  VtCanvasClock *self;
  gboolean has_audio = FALSE, has_video = FALSE;

  g_return_val_if_fail (canvas != NULL, NULL);

  self = vt_canvas_clock_new (canvas->duration);
  for (guint i = 0; i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *annotation = g_ptr_array_index (canvas->annotations, i);
      VtContentResource *body = vt_painting_annotation_get_body (annotation);

      if (!is_recording (body))
        continue;
      vt_canvas_clock_add_segment (self, annotation->has_time ? annotation->time_start : 0,
                                   annotation->has_time ? annotation->time_end : -1, body->id);
      ((Segment *) g_ptr_array_index (self->segments, self->segments->len - 1))->annotation =
        vt_painting_annotation_ref (annotation);
      has_video = has_video || body->kind == VT_CONTENT_VIDEO;
      has_audio = TRUE;
    }
  /* Prepared again with what it holds, for controls that show a volume
   * button only for sound. */
  gtk_media_stream_stream_unprepared (GTK_MEDIA_STREAM (self));
  gtk_media_stream_stream_prepared (GTK_MEDIA_STREAM (self), has_audio, has_video, TRUE, self->duration);
  /* The recording at the start is opened, paused, so that its first
   * frame shows before playing, as a lone file's does. */
  if (segment_at (self, 0) >= 0)
    enter (self, segment_at (self, 0), 0);
  return self;
}

/**
 * vt_canvas_clock_get_position:
 *
 * Returns: the time of the canvas, in seconds
 */
double
vt_canvas_clock_get_position (VtCanvasClock *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_CLOCK (self), 0);

  return position (self) / (double) G_USEC_PER_SEC;
}

/**
 * vt_canvas_clock_get_segment:
 *
 * Returns: the index of the recording open now (in the order added), or
 *   -1 when none is
 */
int
vt_canvas_clock_get_segment (VtCanvasClock *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_CLOCK (self), -1);

  return self->current;
}

/**
 * vt_canvas_clock_get_segment_stream:
 *
 * Returns: (nullable) (transfer none): the file of the recording open
 *   now
 */
GtkMediaStream *
vt_canvas_clock_get_segment_stream (VtCanvasClock *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_CLOCK (self), NULL);

  return self->file;
}

/**
 * vt_canvas_clock_get_segment_uri:
 *
 * Returns: (nullable): the address of the recording open now
 */
const char *
vt_canvas_clock_get_segment_uri (VtCanvasClock *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_CLOCK (self), NULL);

  if (self->current < 0)
    return NULL;
  return ((Segment *) g_ptr_array_index (self->segments, self->current))->uri;
}

/**
 * vt_canvas_clock_get_segment_annotation:
 *
 * Returns: (nullable) (transfer none): the painting annotation of the
 *   recording open now (where on the canvas it goes), when the clock was
 *   made for a canvas
 */
VtPaintingAnnotation *
vt_canvas_clock_get_segment_annotation (VtCanvasClock *self)
{
  g_return_val_if_fail (VT_IS_CANVAS_CLOCK (self), NULL);

  if (self->current < 0)
    return NULL;
  return ((Segment *) g_ptr_array_index (self->segments, self->current))->annotation;
}
