/* vt-media-annotations.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-media-annotations"

#include "config.h"

#include "vt-annotation-fetch.h"
#include "vt-media-annotations.h"
#include "vt-media-sections.h"

/* What the player of one sound or video canvas reads besides the
 * recording: its sections and its captions, in the reader's languages.
 * The annotation pages the canvas only refers to are fetched (at most
 * MAX_FETCHED_PAGES, http and https) and read off the main thread as pages
 * of their own; the captions file chosen is fetched and parsed likewise.
 * One instance per canvas shown: dropping it cancels everything, so
 * nothing of one canvas reaches the next. */

struct _VtMediaAnnotations
{
  GObject       parent_instance;

  VtClient     *client;
  VtManifest   *manifest;
  guint         index;
  char        **languages;

  GPtrArray    *sections;          /* VtMediaSection */
  GPtrArray    *extra_pages;       /* VtAnnotationPage, fetched */
  GCancellable *pages_cancellable;

  VtWebVtt     *captions;
  char         *captions_url;
  char         *caption_language;
  GCancellable *captions_cancellable;
};

G_DEFINE_FINAL_TYPE (VtMediaAnnotations, vt_media_annotations, G_TYPE_OBJECT)

enum {
  SECTIONS_CHANGED,
  CAPTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MAX_FETCHED_PAGES 16

static VtCanvas *
get_canvas (VtMediaAnnotations *self)
{
  return vt_manifest_get_canvas (self->manifest, self->index);
}

static void
captions_parsed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VtMediaAnnotations) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtWebVtt) vtt = vt_media_sections_load_captions_finish (result, &error);

  if (vtt == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No captions: %s", error->message);
      return;
    }
  g_clear_pointer (&self->captions, vt_webvtt_unref);
  self->captions = g_steal_pointer (&vtt);
  g_signal_emit (self, signals[CAPTIONS_CHANGED], 0);
}

/* Picks the captions file for the languages; fetches it when the choice
 * changed (only the latest choice may arrive). */
static void
pick_captions (VtMediaAnnotations *self)
{
  g_autofree char *language = NULL;
  g_autofree char *url = vt_media_sections_pick_captions (get_canvas (self), self->extra_pages,
                                                          (const char * const *) self->languages,
                                                          &language);

  if (g_strcmp0 (url, self->captions_url) == 0)
    return;

  g_cancellable_cancel (self->captions_cancellable);
  g_clear_object (&self->captions_cancellable);
  g_clear_pointer (&self->captions, vt_webvtt_unref);
  g_free (self->captions_url);
  self->captions_url = g_steal_pointer (&url);
  g_free (self->caption_language);
  self->caption_language = g_steal_pointer (&language);
  g_signal_emit (self, signals[CAPTIONS_CHANGED], 0);

  if (self->captions_url == NULL || self->client == NULL)
    return;
  self->captions_cancellable = g_cancellable_new ();
  vt_media_sections_load_captions_async (self->client, self->captions_url, self->captions_cancellable,
                                         captions_parsed_cb, g_object_ref (self));
}

static void
collect_sections (VtMediaAnnotations *self)
{
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->sections = vt_media_sections_collect (self->manifest, self->index, self->extra_pages,
                                              (const char * const *) self->languages);
  g_signal_emit (self, signals[SECTIONS_CHANGED], 0);
}

static void
page_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VtMediaAnnotations) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtAnnotationPage) page = vt_annotation_fetch_page_finish (result, &error);

  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("An annotation page of the canvas could not be read: %s", error->message);
      return;
    }

  g_ptr_array_add (self->extra_pages, g_steal_pointer (&page));
  collect_sections (self);
  pick_captions (self);
}

static void
load_pages (VtMediaAnnotations *self)
{
  VtCanvas *canvas = get_canvas (self);
  guint n = 0;

  if (self->client == NULL)
    return;
  self->pages_cancellable = g_cancellable_new ();
  for (guint p = 0; p < canvas->annotation_pages->len && n < MAX_FETCHED_PAGES; p++)
    {
      VtAnnotationPage *page = g_ptr_array_index (canvas->annotation_pages, p);
      const char *scheme = page->id ? g_uri_peek_scheme (page->id) : NULL;

      if (page->loaded || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
        continue;
      vt_annotation_fetch_page_async (self->client, page->id, VT_FETCH_PRIORITY_DEFAULT, self->pages_cancellable,
                                      page_loaded_cb, g_object_ref (self));
      n++;
    }
}

static void
vt_media_annotations_dispose (GObject *object)
{
  VtMediaAnnotations *self = VT_MEDIA_ANNOTATIONS (object);

  g_cancellable_cancel (self->pages_cancellable);
  g_cancellable_cancel (self->captions_cancellable);

  G_OBJECT_CLASS (vt_media_annotations_parent_class)->dispose (object);
}

static void
vt_media_annotations_finalize (GObject *object)
{
  VtMediaAnnotations *self = VT_MEDIA_ANNOTATIONS (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->manifest, vt_manifest_unref);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->extra_pages, g_ptr_array_unref);
  g_clear_object (&self->pages_cancellable);
  g_clear_pointer (&self->captions, vt_webvtt_unref);
  g_clear_pointer (&self->captions_url, g_free);
  g_clear_pointer (&self->caption_language, g_free);
  g_clear_object (&self->captions_cancellable);

  G_OBJECT_CLASS (vt_media_annotations_parent_class)->finalize (object);
}

static void
vt_media_annotations_class_init (VtMediaAnnotationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_media_annotations_dispose;
  object_class->finalize = vt_media_annotations_finalize;

  /**
   * VtMediaAnnotations::sections-changed:
   *
   * The list of sections is another (a referenced page came).
   */
  signals[SECTIONS_CHANGED] = g_signal_new ("sections-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * VtMediaAnnotations::captions-changed:
   *
   * Other captions were chosen, or the chosen ones arrived.
   */
  signals[CAPTIONS_CHANGED] = g_signal_new ("captions-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vt_media_annotations_init (VtMediaAnnotations *self)
{
  self->extra_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_annotation_page_unref);
}

/**
 * vt_media_annotations_new:
 * @client: (nullable): fetches referenced pages and captions; without
 *   one, only what the manifest embeds is read
 * @index: a sound or video canvas of @manifest
 * @languages: (array zero-terminated=1) (nullable): the reader's
 *   languages, best first; %NULL for the locale's
 *
 * Returns: (transfer full): the canvas' sections (at once) and captions
 *   (when they arrive), with referenced pages fetched
 */
VtMediaAnnotations *
vt_media_annotations_new (VtClient           *client,
                          VtManifest         *manifest,
                          guint               index,
                          const char * const *languages)
{
  VtMediaAnnotations *self;

  g_return_val_if_fail (!client || VT_IS_CLIENT (client), NULL);
  g_return_val_if_fail (manifest != NULL && index < vt_manifest_get_n_canvases (manifest), NULL);

  self = g_object_new (VT_TYPE_MEDIA_ANNOTATIONS, NULL);
  self->client = client ? g_object_ref (client) : NULL;
  self->manifest = vt_manifest_ref (manifest);
  self->index = index;
  self->languages = g_strdupv ((char **) (languages ? languages : g_get_language_names ()));
  self->sections = vt_media_sections_collect (manifest, index, NULL, (const char * const *) self->languages);
  pick_captions (self);
  load_pages (self);
  return self;
}

/**
 * vt_media_annotations_set_languages:
 * @languages: (array zero-terminated=1) (nullable): %NULL for the locale's
 *
 * Picks the captions again for @languages (and the section labels).
 */
void
vt_media_annotations_set_languages (VtMediaAnnotations *self,
                                    const char * const *languages)
{
  g_return_if_fail (VT_IS_MEDIA_ANNOTATIONS (self));

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) (languages ? languages : g_get_language_names ()));
  collect_sections (self);
  pick_captions (self);
}

/**
 * vt_media_annotations_get_sections:
 *
 * Returns: (transfer none) (element-type VtMediaSection): by start time
 */
GPtrArray *
vt_media_annotations_get_sections (VtMediaAnnotations *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_ANNOTATIONS (self), NULL);
  return self->sections;
}

/**
 * vt_media_annotations_get_captions:
 *
 * Returns: (transfer none) (nullable): the captions, once they arrived
 */
VtWebVtt *
vt_media_annotations_get_captions (VtMediaAnnotations *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_ANNOTATIONS (self), NULL);
  return self->captions;
}

/**
 * vt_media_annotations_get_caption_language:
 *
 * Returns: (nullable): the language of the captions chosen, as the
 *   manifest tags it
 */
const char *
vt_media_annotations_get_caption_language (VtMediaAnnotations *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_ANNOTATIONS (self), NULL);
  return self->caption_language;
}
