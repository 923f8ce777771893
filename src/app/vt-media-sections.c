/* vt-media-sections.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-media-sections"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iiif/vt-annotation-page.h"
#include "iiif/vt-html.h"
#include "net/vt-parsed-fetch.h"

#include "vt-media-sections.h"

/* What the player of a sound or video canvas reads from the manifest
 * besides the recording: its sections (with the times they start at) and
 * its captions (which WebVTT file, in which language, fetched and
 * parsed off the main thread). */

static void
section_free (gpointer data)
{
  VtMediaSection *section = data;

  g_free (section->label);
  g_clear_pointer (&section->thumbnail, g_ptr_array_unref);
  g_free (section);
}

static VtMediaSection *
add_section (GPtrArray  *sections,
             const char *label,
             double      start,
             double      end)
{
  VtMediaSection *section = g_new0 (VtMediaSection, 1);

  section->label = g_strdup (label);
  section->start = MAX (0, start);
  section->end = end;
  g_ptr_array_add (sections, section);
  return section;
}

/* Whether one of @thumbnails may be fetched: only http(s), as anything
 * the player loads. */
static gboolean
has_web_thumbnail (GPtrArray *thumbnails)
{
  for (guint i = 0; thumbnails != NULL && i < thumbnails->len; i++)
    {
      VtResource *thumbnail = g_ptr_array_index (thumbnails, i);
      const char *scheme = thumbnail->id != NULL ? g_uri_peek_scheme (thumbnail->id) : NULL;

      if (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
collect_ranges (GPtrArray          *sections,
                GPtrArray          *ranges,
                const char         *canvas_id,
                const char * const *languages,
                guint               depth)
{
  /* Ranges nest as deep as a document says; a TOC deeper than this is
   * not one anybody reads. */
  if (ranges == NULL || depth > 32)
    return;

  for (guint i = 0; i < ranges->len; i++)
    {
      VtRange *range = g_ptr_array_index (ranges, i);
      const char *label = vt_language_map_get_first (range->label, languages);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      for (guint j = 0; j < range->items->len; j++)
        {
          VtRangeItem *item = g_ptr_array_index (range->items, j);

          if (item->range != NULL)
            g_ptr_array_add (children, item->range);
          else if (item->has_time && label != NULL && g_strcmp0 (item->canvas_id, canvas_id) == 0)
            {
              VtMediaSection *section = add_section (sections, label, item->time_start, item->time_end);

              /* A range's picture (cookbook 0229: a scene of a film) is
               * shown beside its label. */
              if (has_web_thumbnail (range->thumbnail))
                section->thumbnail = g_ptr_array_ref (range->thumbnail);
            }
        }
      collect_ranges (sections, children, canvas_id, languages, depth + 1);
    }
}

static gboolean
is_captions (const VtAnnotationBody *body)
{
  return body->id != NULL &&
         (g_strcmp0 (body->format, "text/vtt") == 0 ||
          (body->format == NULL && g_str_has_suffix (body->id, ".vtt")));
}

/* The canvas' annotation pages that hold their annotations: the embedded
 * ones, and those only referenced that the player fetched (@extra). */
static GPtrArray *
loaded_pages (VtCanvas  *canvas,
              GPtrArray *extra)
{
  GPtrArray *pages = g_ptr_array_new ();

  for (guint p = 0; canvas != NULL && p < canvas->annotation_pages->len; p++)
    {
      VtAnnotationPage *page = g_ptr_array_index (canvas->annotation_pages, p);

      if (page->loaded)
        g_ptr_array_add (pages, page);
    }
  for (guint p = 0; extra != NULL && p < extra->len; p++)
    g_ptr_array_add (pages, g_ptr_array_index (extra, p));
  return pages;
}

static int
compare_sections (gconstpointer a,
                  gconstpointer b)
{
  const VtMediaSection *x = *(VtMediaSection * const *) a;
  const VtMediaSection *y = *(VtMediaSection * const *) b;

  return (x->start > y->start) - (x->start < y->start);
}

/**
 * vt_media_sections_collect:
 * @index: a sound or video canvas of @manifest
 * @extra_pages: (element-type VtAnnotationPage) (nullable): the canvas'
 *   annotation pages that were only referenced, fetched
 * @languages: (array zero-terminated=1) (nullable): for the labels
 *
 * Returns: (transfer full) (element-type VtMediaSection): the sections of
 *   the canvas, by start time: the table of contents' ranges that take a
 *   time range of it, its painting annotations on a time range, and its
 *   annotations (not captions) that target one
 */
GPtrArray *
vt_media_sections_collect (VtManifest         *manifest,
                           guint               index,
                           GPtrArray          *extra_pages,
                           const char * const *languages)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func (section_free);
  g_autoptr(GPtrArray) pages = NULL;
  VtCanvas *canvas;
  gboolean named;

  g_return_val_if_fail (manifest != NULL, sections);

  canvas = vt_manifest_get_canvas (manifest, index);
  if (canvas == NULL)
    return sections;

  collect_ranges (sections, manifest->structures, canvas->id, languages, 0);

  /* The recordings a canvas paints at time ranges (cookbook 0064's two
   * acts) are its parts when its table of contents names none: else they
   * would stand twice in the list, once named and once as "Part N". */
  named = sections->len > 0;
  for (guint i = 0; !named && i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *annotation = g_ptr_array_index (canvas->annotations, i);
      VtContentResource *body = vt_painting_annotation_get_body (annotation);
      const char *label = body ? vt_language_map_get_first (body->label, languages) : NULL;
      g_autofree char *fallback = NULL;

      if (!annotation->has_time)
        continue;
      if (label == NULL)
        /* Translators: a part of a recording without a name of its own */
        label = fallback = g_strdup_printf (_("Part %u"), i + 1);
      add_section (sections, label, annotation->time_start, annotation->time_end);
    }

  pages = loaded_pages (canvas, extra_pages);
  for (guint p = 0; p < pages->len; p++)
    {
      VtAnnotationPage *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->items->len; i++)
        {
          VtAnnotation *annotation = g_ptr_array_index (page->items, i);
          VtAnnotationTarget *target = vt_annotation_get_target (annotation);
          VtAnnotationBody *text = vt_annotation_get_text (annotation, languages);
          g_autofree char *plain = NULL;
          double start, end;
          gboolean captions = FALSE;

          for (guint b = 0; b < annotation->bodies->len; b++)
            captions |= is_captions (g_ptr_array_index (annotation->bodies, b));
          if (captions || target == NULL || text == NULL || text->value == NULL ||
              !vt_annotation_target_get_time (target, &start, &end))
            continue;
          plain = vt_annotation_body_is_html (text) ? vt_html_to_text (text->value) : g_strdup (text->value);
          if (plain != NULL && *g_strstrip (plain) != '\0')
            add_section (sections, plain, start, end);
        }
    }

  /* Stable: g_ptr_array_sort is not before GLib 2.76. */
  for (guint k = 1; k < sections->len; k++)
    {
      gpointer section = sections->pdata[k];
      guint j = k;

      while (j > 0 && compare_sections (&sections->pdata[j - 1], &section) > 0)
        {
          sections->pdata[j] = sections->pdata[j - 1];
          j--;
        }
      sections->pdata[j] = section;
    }
  return sections;
}

/**
 * vt_media_sections_find:
 * @time: the playback position
 *
 * Returns: the section playing at @time (the one that started last, when
 *   several are), or -1
 */
int
vt_media_sections_find (GPtrArray *sections,
                        double     time)
{
  int found = -1;

  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      VtMediaSection *section = g_ptr_array_index (sections, i);

      if (section->start > time)
        break;
      if (section->end < 0 || time < section->end)
        found = (int) i;
    }
  return found;
}

/**
 * vt_media_sections_pick_captions:
 * @languages: (array zero-terminated=1) (nullable): the user's languages
 * @out_language: (out) (optional) (transfer full): the language of the
 *   file picked, as the manifest tags it
 *
 * Among the WebVTT files that the canvas' loaded annotation pages (and
 * @extra_pages, fetched for it) give as
 * bodies (supplementing annotations, format `text/vtt`), the one in the
 * user's language (as vt_language_tag_pick() chooses).
 *
 * Returns: (transfer full) (nullable): its http or https URL
 */
char *
vt_media_sections_pick_captions (VtCanvas           *canvas,
                                 GPtrArray          *extra_pages,
                                 const char * const *languages,
                                 char              **out_language)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) pages = loaded_pages (canvas, extra_pages);
  int pick;

  if (out_language != NULL)
    *out_language = NULL;

  for (guint p = 0; p < pages->len; p++)
    {
      VtAnnotationPage *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->items->len; i++)
        {
          VtAnnotation *annotation = g_ptr_array_index (page->items, i);

          for (guint b = 0; b < annotation->bodies->len; b++)
            {
              VtAnnotationBody *body = g_ptr_array_index (annotation->bodies, b);
              const char *scheme = body->id ? g_uri_peek_scheme (body->id) : NULL;

              if (!is_captions (body) ||
                  (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
                continue;
              g_ptr_array_add (urls, body->id);
              g_ptr_array_add (tags, body->language ? body->language : (char *) "none");
            }
        }
    }

  pick = vt_language_tag_pick ((const char * const *) tags->pdata, tags->len, languages);
  if (pick < 0)
    return NULL;
  if (out_language != NULL && g_strcmp0 (tags->pdata[pick], "none") != 0)
    *out_language = g_strdup (tags->pdata[pick]);
  return g_strdup (urls->pdata[pick]);
}

static gpointer
parse_captions (GBytes      *bytes,
                const char  *uri,
                GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return vt_webvtt_parse (data, (gssize) length, error);
}

/**
 * vt_media_sections_load_captions_async:
 * @url: a WebVTT file
 *
 * Fetches @url through @client and parses it off the main thread.
 */
void
vt_media_sections_load_captions_async (VtClient            *client,
                                       const char          *url,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  vt_parsed_fetch_async (client, url, VT_FETCH_KIND_CAPTIONS, VT_FETCH_PRIORITY_DEFAULT, parse_captions,
                         (GDestroyNotify) vt_webvtt_unref, cancellable, callback, user_data);
}

/**
 * vt_media_sections_load_captions_finish:
 *
 * Returns: (transfer full) (nullable): the captions
 */
VtWebVtt *
vt_media_sections_load_captions_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return vt_parsed_fetch_finish (result, error);
}
