/* vt-media-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-media-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "iiif/vt-webvtt.h"
#include "net/vt-client.h"

#include "vt-canvas-clock.h"
#include "vt-media-annotations.h"
#include "vt-media-section-row.h"
#include "vt-media-sections.h"
#include "vt-media-view.h"
#include "vt-page.h"
#include "vt-session.h"
#include "vt-timeline-controls.h"

/* A sound or video canvas, played: GtkMediaFile (GTK's GStreamer backend)
 * with play, pause, a position scale and the time; the canvas' WebVTT
 * captions under or over it; its sections (time ranges of the table of
 * contents and of its annotations) in a list that seeks. An image
 * stands in before playing (placeholderCanvas) and beside the sound while
 * it plays (accompanyingCanvas), drawn by a VtImageView as any page is.
 *
 * The recording is opened by its URL: GStreamer's souphttpsrc reads it
 * with Range requests, so seeking costs one request and nothing is held
 * in memory. (A GInputStream from VtClient would not seek: GtkMediaFile
 * then plays through appsrc from the start.) Only http and https URLs
 * are opened; a manifest cannot make Vitrine read a local file. */

struct _VtMediaView
{
  AdwBin          parent_instance;

  VtSession      *session;
  VtManifest     *manifest;
  guint           index;
  char          **languages;

  GtkMediaStream *stream;
  gboolean        is_video;
  gboolean        has_played;
  double          pending_seek;    /* seconds, or < 0 */
  gboolean        updating_scale;
  char           *time_text;
  char           *error_text;

  VtPage         *placeholder_page;
  VtPage         *accompanying_page;
  VtPage         *shown_page;

  VtMediaAnnotations *annotations;  /* sections and captions of the canvas */
  char           *caption_text;
  int             current_section;
  gboolean        selecting;

  /* Template widgets */
  GtkStack       *visual_stack;
  GtkPicture     *video_picture;
  VtImageView    *image_view;
  AdwStatusPage  *status_page;
  GtkLabel       *overlay_caption;
  GtkLabel       *below_caption;
  GtkButton      *play_button;
  GtkScale       *seek_scale;
  GtkAdjustment  *seek_adjustment;
  GtkLabel       *time_label;
  GtkToggleButton *captions_button;
  GtkLabel       *error_label;
  GtkWidget      *entries_window;
  GtkListBox     *entries_list;

  VtThumbnailLoader *thumbnails;    /* the sections' thumbnails */
  GCancellable   *thumbnail_cancellable;
};

G_DEFINE_FINAL_TYPE (VtMediaView, vt_media_view, ADW_TYPE_BIN)

#define SEEK_STEP 5.0

static double
stream_position (VtMediaView *self)
{
  if (self->stream == NULL)
    return 0;
  return gtk_media_stream_get_timestamp (self->stream) / (double) G_USEC_PER_SEC;
}

static double
stream_duration (VtMediaView *self)
{
  VtCanvas *canvas = self->manifest ? vt_manifest_get_canvas (self->manifest, self->index) : NULL;
  gint64 duration = self->stream ? gtk_media_stream_get_duration (self->stream) : 0;

  if (duration > 0)
    return duration / (double) G_USEC_PER_SEC;
  return canvas ? canvas->duration : 0;
}

/* The placeholder stands in until the first play; then the video, or
 * for sound the accompanying canvas (the placeholder again without one). */
static VtMediaVisual
choose_visual (VtMediaView *self)
{
  if (self->placeholder_page != NULL && !self->has_played)
    return VT_MEDIA_VISUAL_PLACEHOLDER;
  if (self->is_video)
    return VT_MEDIA_VISUAL_VIDEO;
  if (self->accompanying_page != NULL)
    return VT_MEDIA_VISUAL_ACCOMPANYING;
  if (self->placeholder_page != NULL)
    return VT_MEDIA_VISUAL_PLACEHOLDER;
  return VT_MEDIA_VISUAL_NONE;
}

static void
sync_image (VtMediaView *self)
{
  VtPage *page = self->shown_page;

  if (page == NULL)
    return;

  switch (vt_page_get_state (page))
    {
    case VT_PAGE_READY:
      if (vt_image_view_get_source (self->image_view) != vt_page_get_source (page))
        vt_image_view_set_source (self->image_view, vt_page_get_source (page));
      break;

    case VT_PAGE_FAILED:
      vt_image_view_clear (self->image_view);
      vt_image_view_fail (self->image_view, vt_page_get_error (page));
      break;

    case VT_PAGE_LOADING:
    case VT_PAGE_EMPTY:
    case VT_PAGE_NOT_IMAGE:
    default:
      vt_image_view_clear (self->image_view);
      vt_image_view_begin_loading (self->image_view);
      break;
    }
}

static void
sync_visual (VtMediaView *self)
{
  VtMediaVisual visual = choose_visual (self);
  VtPage *page = visual == VT_MEDIA_VISUAL_PLACEHOLDER ? self->placeholder_page
               : visual == VT_MEDIA_VISUAL_ACCOMPANYING ? self->accompanying_page : NULL;
  gboolean over = visual == VT_MEDIA_VISUAL_VIDEO;

  if (page != self->shown_page)
    {
      if (self->shown_page != NULL)
        g_signal_handlers_disconnect_by_data (self->shown_page, self);
      self->shown_page = page;
      vt_image_view_clear (self->image_view);
      if (page != NULL)
        {
          g_signal_connect_object (page, "notify::state", G_CALLBACK (sync_image), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (page, "notify::source", G_CALLBACK (sync_image), self, G_CONNECT_SWAPPED);
          sync_image (self);
        }
    }

  gtk_stack_set_visible_child_name (self->visual_stack,
                                    visual == VT_MEDIA_VISUAL_VIDEO ? "video"
                                    : page != NULL ? "image" : "none");

  /* Captions go over a video, under a sound's picture. */
  gtk_widget_set_visible (GTK_WIDGET (self->overlay_caption), over && self->caption_text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->below_caption), !over && self->caption_text != NULL);
}

static void
set_caption (VtMediaView *self,
             const char  *text)
{
  if (g_strcmp0 (text, self->caption_text) == 0)
    return;
  g_free (self->caption_text);
  self->caption_text = g_strdup (text);
  gtk_label_set_text (self->overlay_caption, text ? text : "");
  gtk_label_set_text (self->below_caption, text ? text : "");
  sync_visual (self);
}

static void
update_caption (VtMediaView *self)
{
  g_autofree char *text = NULL;

  VtWebVtt *captions = self->annotations ? vt_media_annotations_get_captions (self->annotations) : NULL;

  if (captions != NULL && gtk_toggle_button_get_active (self->captions_button))
    text = vt_webvtt_dup_text_at (captions, stream_position (self));
  set_caption (self, text);
}

static GPtrArray *
sections (VtMediaView *self)
{
  return self->annotations ? vt_media_annotations_get_sections (self->annotations) : NULL;
}

static void
update_current_section (VtMediaView *self)
{
  int current = vt_media_sections_find (sections (self), stream_position (self));

  if (current == self->current_section)
    return;
  self->current_section = current;
  self->selecting = TRUE;
  if (current >= 0)
    gtk_list_box_select_row (self->entries_list, gtk_list_box_get_row_at_index (self->entries_list, current));
  else
    gtk_list_box_unselect_all (self->entries_list);
  self->selecting = FALSE;
}

static void
update_time (VtMediaView *self)
{
  double position = stream_position (self);
  double duration = stream_duration (self);
  g_autofree char *now = vt_timeline_format_time (position);
  g_autofree char *total = vt_timeline_format_time (duration);

  g_free (self->time_text);
  /* Translators: the playback position and the length of a recording,
   * e.g. "1:23 / 5:00" */
  self->time_text = g_strdup_printf (_("%s / %s"), now, total);
  gtk_label_set_text (self->time_label, self->time_text);

  self->updating_scale = TRUE;
  gtk_adjustment_set_upper (self->seek_adjustment, MAX (duration, 0.001));
  gtk_adjustment_set_value (self->seek_adjustment, position);
  self->updating_scale = FALSE;

  update_caption (self);
  update_current_section (self);
}

static void
update_playing (VtMediaView *self)
{
  gboolean playing = self->stream != NULL && gtk_media_stream_get_playing (self->stream);
  const char *label = playing ? _("Pause") : _("Play");

  if (playing && !self->has_played)
    self->has_played = TRUE;
  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  sync_visual (self);
}

static void
set_error_text (VtMediaView *self,
                const char  *text)
{
  g_free (self->error_text);
  self->error_text = g_strdup (text);
  gtk_label_set_text (self->error_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

static void
stream_error_cb (VtMediaView *self)
{
  const GError *error = self->stream ? gtk_media_stream_get_error (self->stream) : NULL;
  g_autofree char *text = NULL;

  if (error == NULL)
    return;
  /* Translators: %s is GStreamer's reason, e.g. "Could not resolve
   * server name" */
  text = g_strdup_printf (_("The recording could not be played: %s"), error->message);
  set_error_text (self, text);
}

static void
apply_pending_seek (VtMediaView *self)
{
  if (self->pending_seek < 0 || self->stream == NULL || !gtk_media_stream_is_seekable (self->stream))
    return;
  gtk_media_stream_seek (self->stream, (gint64) (self->pending_seek * G_USEC_PER_SEC));
  self->pending_seek = -1;
}

static void
scale_value_changed_cb (VtMediaView *self)
{
  if (!self->updating_scale)
    vt_media_view_seek (self, gtk_adjustment_get_value (self->seek_adjustment));
}

static void
row_activated_cb (VtMediaView   *self,
                  GtkListBoxRow *row)
{
  vt_media_view_activate_section (self, (guint) gtk_list_box_row_get_index (row));
}

static void
toggle_play_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VtMediaView *self = VT_MEDIA_VIEW (widget);

  if (self->stream != NULL && gtk_media_stream_get_playing (self->stream))
    vt_media_view_pause (self);
  else
    vt_media_view_play (self);
}

static void
seek_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtMediaView *self = VT_MEDIA_VIEW (widget);
  double step = g_variant_get_double (parameter);

  vt_media_view_seek (self, CLAMP (stream_position (self) + step, 0, MAX (0, stream_duration (self))));
}

static void
clear_stream (VtMediaView *self)
{
  if (self->stream == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->stream, self);
  gtk_media_stream_pause (self->stream);
  gtk_picture_set_paintable (self->video_picture, NULL);
  g_clear_object (&self->stream);
}

/* The session's thumbnail loader shares its image services with the
 * pages; made when a section first has a thumbnail. */
static VtThumbnailLoader *
thumbnail_loader (VtMediaView *self)
{
  if (self->thumbnails == NULL && self->session != NULL)
    self->thumbnails = vt_thumbnail_loader_new (vt_session_get_client (self->session),
                                                vt_session_get_service_cache (self->session));
  return self->thumbnails;
}

static void
fill_sections (VtMediaView *self)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list))) != NULL)
    gtk_list_box_remove (self->entries_list, child);
  /* The thumbnails of the rows just removed are not wanted any more. */
  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  self->thumbnail_cancellable = g_cancellable_new ();

  for (guint i = 0; sections (self) != NULL && i < sections (self)->len && !any; i++)
    any = ((VtMediaSection *) g_ptr_array_index (sections (self), i))->thumbnail != NULL;
  for (guint i = 0; sections (self) != NULL && i < sections (self)->len; i++)
    {
      VtMediaSection *section = g_ptr_array_index (sections (self), i);
      VtThumbnailLoader *loader = section->thumbnail != NULL ? thumbnail_loader (self) : NULL;

      gtk_list_box_append (self->entries_list,
                           vt_media_section_row_new (section, any, loader, self->thumbnail_cancellable));
    }
  gtk_widget_set_visible (self->entries_window, sections (self) != NULL && sections (self)->len > 0);
  self->current_section = -2;
}

static void
captions_changed_cb (VtMediaView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->captions_button),
                          vt_media_annotations_get_captions (self->annotations) != NULL);
  update_caption (self);
}

static void
sections_changed_cb (VtMediaView *self)
{
  fill_sections (self);
  update_current_section (self);
}

static VtPage *
load_page (VtMediaView *self,
           VtCanvas    *canvas)
{
  VtPage *page;

  if (canvas == NULL || self->session == NULL || !vt_canvas_is_image (canvas))
    return NULL;
  page = vt_page_new_for_canvas (self->session, canvas);
  vt_page_load (page, FALSE);
  return page;
}

static void
clear (VtMediaView *self)
{
  clear_stream (self);
  if (self->shown_page != NULL)
    g_signal_handlers_disconnect_by_data (self->shown_page, self);
  self->shown_page = NULL;
  g_clear_object (&self->placeholder_page);
  g_clear_object (&self->accompanying_page);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_clear_pointer (&self->caption_text, g_free);
  g_clear_pointer (&self->manifest, vt_manifest_unref);
  self->has_played = FALSE;
  self->pending_seek = -1;
  self->is_video = FALSE;
  set_error_text (self, NULL);
  vt_image_view_clear (self->image_view);
  gtk_widget_set_visible (GTK_WIDGET (self->captions_button), FALSE);
}

static void
vt_media_view_dispose (GObject *object)
{
  VtMediaView *self = VT_MEDIA_VIEW (object);

  clear (self);
  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  g_clear_object (&self->thumbnails);
  g_clear_object (&self->session);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->time_text, g_free);
  g_clear_pointer (&self->error_text, g_free);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_MEDIA_VIEW);

  G_OBJECT_CLASS (vt_media_view_parent_class)->dispose (object);
}

static void
vt_media_view_class_init (VtMediaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_media_view_dispose;

  g_type_ensure (VT_TYPE_IMAGE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-media-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, below_caption);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, captions_button);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, entries_list);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, entries_window);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, error_label);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, image_view);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, overlay_caption);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, play_button);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, seek_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, seek_scale);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, status_page);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, time_label);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, video_picture);
  gtk_widget_class_bind_template_child (widget_class, VtMediaView, visual_stack);

  gtk_widget_class_install_action (widget_class, "media.toggle-play", NULL, toggle_play_action);
  gtk_widget_class_install_action (widget_class, "media.seek", "d", seek_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "media.toggle-play", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "media.toggle-play", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "media.seek", "d", -SEEK_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "media.seek", "d", SEEK_STEP);

  gtk_widget_class_set_css_name (widget_class, "vt-media-view");
}

static void
vt_media_view_init (VtMediaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending_seek = -1;
  self->current_section = -2;
  self->languages = g_strdupv ((char **) g_get_language_names ());

  g_signal_connect_object (self->seek_adjustment, "value-changed",
                           G_CALLBACK (scale_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entries_list, "row-activated",
                           G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->captions_button, "notify::active",
                           G_CALLBACK (update_caption), self, G_CONNECT_SWAPPED);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/**
 * vt_media_view_new:
 * @session: (nullable): the session whose client fetches captions and
 *   whose image route draws the placeholder and accompanying canvases
 */
GtkWidget *
vt_media_view_new (VtSession *session)
{
  VtMediaView *self = g_object_new (VT_TYPE_MEDIA_VIEW, NULL);

  g_set_object (&self->session, session);
  return GTK_WIDGET (self);
}

/**
 * vt_media_view_set_canvas:
 * @manifest: (nullable): the manifest, or %NULL to show nothing
 * @index: the sound or video canvas in @manifest
 *
 * Shows canvas @index, paused at its start; everything of the canvas shown
 * before (the stream, its captions, its images) is dropped.
 */
void
vt_media_view_set_canvas (VtMediaView *self,
                          VtManifest  *manifest,
                          guint        index)
{
  VtCanvas *canvas;
  VtContentResource *body = NULL;
  const char *scheme;

  g_return_if_fail (VT_IS_MEDIA_VIEW (self));

  clear (self);
  if (manifest == NULL || index >= vt_manifest_get_n_canvases (manifest))
    {
      fill_sections (self);
      update_time (self);
      sync_visual (self);
      return;
    }

  self->manifest = vt_manifest_ref (manifest);
  self->index = index;
  canvas = vt_manifest_get_canvas (manifest, index);

  for (guint i = 0; i < canvas->annotations->len && body == NULL; i++)
    {
      VtContentResource *b = vt_painting_annotation_get_body (g_ptr_array_index (canvas->annotations, i));

      if (b != NULL && (b->kind == VT_CONTENT_VIDEO || b->kind == VT_CONTENT_SOUND))
        body = b;
    }
  self->is_video = body != NULL && vt_canvas_has_video (canvas);
  adw_status_page_set_icon_name (self->status_page, self->is_video ? "video-x-generic-symbolic"
                                                                   : "audio-x-generic-symbolic");

  self->placeholder_page = load_page (self, canvas->placeholder_canvas ? canvas->placeholder_canvas
                                                                       : manifest->placeholder_canvas);
  self->accompanying_page = load_page (self, canvas->accompanying_canvas ? canvas->accompanying_canvas
                                                                         : manifest->accompanying_canvas);

  scheme = body && body->id ? g_uri_peek_scheme (body->id) : NULL;
  if (body == NULL || body->id == NULL)
    set_error_text (self, _("This part of the object names no recording."));
  else if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    set_error_text (self, _("The recording is not on the web (its address is not http or https), "
                            "so Vitrine does not open it."));
  else
    {
      g_autoptr(GFile) file = g_file_new_for_uri (body->id);

      /* Recordings at time ranges of the canvas (cookbook 0064) play on
       * the canvas's clock; one alone over the whole canvas is its file. */
      if (vt_canvas_clock_is_for (canvas))
        self->stream = GTK_MEDIA_STREAM (vt_canvas_clock_new_for_canvas (canvas));
      else
        self->stream = gtk_media_file_new_for_file (file);
      g_signal_connect_object (self->stream, "notify::timestamp", G_CALLBACK (update_time), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stream, "notify::duration", G_CALLBACK (update_time), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stream, "notify::playing", G_CALLBACK (update_playing), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stream, "notify::error", G_CALLBACK (stream_error_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stream, "notify::seekable", G_CALLBACK (apply_pending_seek), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stream, "notify::prepared", G_CALLBACK (apply_pending_seek), self, G_CONNECT_SWAPPED);
      if (self->is_video)
        gtk_picture_set_paintable (self->video_picture, GDK_PAINTABLE (self->stream));

      /* The manifest's `start` at a time of this canvas (recipe 0015):
       * it waits there, paused, taken as soon as the stream can seek. */
      if (manifest->start_selector != NULL && manifest->start_selector->has_time &&
          manifest->start_canvas != NULL && g_strcmp0 (manifest->start_canvas, canvas->id) == 0)
        self->pending_seek = manifest->start_selector->time_start;
    }

  self->annotations = vt_media_annotations_new (self->session ? vt_session_get_client (self->session) : NULL,
                                                manifest, index, (const char * const *) self->languages);
  g_signal_connect_object (self->annotations, "sections-changed", G_CALLBACK (sections_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->annotations, "captions-changed", G_CALLBACK (captions_changed_cb),
                           self, G_CONNECT_SWAPPED);
  fill_sections (self);
  captions_changed_cb (self);
  update_playing (self);
  update_time (self);
}

/**
 * vt_media_view_set_languages:
 * @languages: (array zero-terminated=1) (nullable): the window's
 *   languages, best first; %NULL for the locale's
 *
 * Picks the captions in the first of @languages the canvas has them in
 * (for the canvas shown next; the one shown now reloads them).
 */
void
vt_media_view_set_languages (VtMediaView        *self,
                             const char * const *languages)
{
  g_return_if_fail (VT_IS_MEDIA_VIEW (self));

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) (languages ? languages : g_get_language_names ()));
  if (self->annotations != NULL)
    vt_media_annotations_set_languages (self->annotations, (const char * const *) self->languages);
}

GtkMediaStream *
vt_media_view_get_stream (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), NULL);
  return self->stream;
}

void
vt_media_view_play (VtMediaView *self)
{
  g_return_if_fail (VT_IS_MEDIA_VIEW (self));

  if (self->stream == NULL)
    return;
  /* At the end, playing again starts over. */
  if (gtk_media_stream_get_ended (self->stream))
    vt_media_view_seek (self, 0);
  gtk_media_stream_play (self->stream);
}

void
vt_media_view_pause (VtMediaView *self)
{
  g_return_if_fail (VT_IS_MEDIA_VIEW (self));

  if (self->stream != NULL)
    gtk_media_stream_pause (self->stream);
}

/**
 * vt_media_view_seek:
 * @seconds: the position to go to
 *
 * Moves the playback there; before the stream knows it can seek (it is
 * still opening), the position is kept and taken as soon as it can.
 */
void
vt_media_view_seek (VtMediaView *self,
                    double       seconds)
{
  g_return_if_fail (VT_IS_MEDIA_VIEW (self));

  if (self->stream == NULL)
    return;
  self->pending_seek = MAX (0, seconds);
  apply_pending_seek (self);
}

double
vt_media_view_get_position (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), 0);
  return stream_position (self);
}

VtMediaVisual
vt_media_view_get_visual (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), VT_MEDIA_VISUAL_NONE);
  return choose_visual (self);
}

VtImageView *
vt_media_view_get_image_view (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), NULL);
  return self->image_view;
}

/**
 * vt_media_view_get_time_text:
 *
 * Returns: what the time display says, e.g. "0:02 / 0:06"
 */
const char *
vt_media_view_get_time_text (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), NULL);
  return self->time_text;
}

/**
 * vt_media_view_get_caption_text:
 *
 * Returns: (nullable): the caption shown now, or %NULL
 */
const char *
vt_media_view_get_caption_text (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), NULL);
  return self->caption_text;
}

/**
 * vt_media_view_get_caption_language:
 *
 * Returns: (nullable): the language of the captions chosen, as the
 *   manifest tags them, or %NULL
 */
const char *
vt_media_view_get_caption_language (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), NULL);
  return self->annotations ? vt_media_annotations_get_caption_language (self->annotations) : NULL;
}

/**
 * vt_media_view_get_error_text:
 *
 * Returns: (nullable): why the recording does not play, or %NULL
 */
const char *
vt_media_view_get_error_text (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), NULL);
  return self->error_text;
}

guint
vt_media_view_get_n_sections (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), 0);
  return sections (self) ? sections (self)->len : 0;
}

const char *
vt_media_view_get_section_label (VtMediaView *self,
                                 guint        index)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), NULL);

  if (sections (self) == NULL || index >= sections (self)->len)
    return NULL;
  return ((VtMediaSection *) g_ptr_array_index (sections (self), index))->label;
}

/**
 * vt_media_view_get_section_thumbnail:
 * @shows: (out) (optional): whether the section's row has a thumbnail
 *   (its range has one), loaded or not
 *
 * Returns: (transfer none) (nullable): the thumbnail beside the section's
 *   label, once loaded
 */
GdkPaintable *
vt_media_view_get_section_thumbnail (VtMediaView *self,
                                     guint        index,
                                     gboolean    *shows)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), NULL);

  row = gtk_list_box_get_row_at_index (self->entries_list, (int) index);
  if (shows != NULL)
    *shows = row != NULL && vt_media_section_row_has_thumbnail (VT_MEDIA_SECTION_ROW (row));
  return row != NULL ? vt_media_section_row_get_thumbnail (VT_MEDIA_SECTION_ROW (row)) : NULL;
}

/**
 * vt_media_view_activate_section:
 *
 * What a click on the section's row does: go to its start, playing if
 * the recording was playing, paused if it was paused.
 *
 * Returns: whether there is such a section
 */
gboolean
vt_media_view_activate_section (VtMediaView *self,
                                guint        index)
{
  VtMediaSection *section;

  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), FALSE);

  if (sections (self) == NULL || index >= sections (self)->len)
    return FALSE;
  section = g_ptr_array_index (sections (self), index);
  vt_media_view_seek (self, section->start);
  return TRUE;
}

/**
 * vt_media_view_get_current_section:
 *
 * Returns: the section highlighted (the one playing), or -1
 */
int
vt_media_view_get_current_section (VtMediaView *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_VIEW (self), -1);
  return MAX (-1, self->current_section);
}
