/* fuzz-manifest.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "iiif/vt-iiif.h"

/* libFuzzer target: any bytes through vt_iiif_document_parse(), then
 * through everything a viewer would do with the result. */

static void
walk_map (VtLanguageMap *map)
{
  const char *langs[] = { "nl-BE", "nl", NULL };
  g_autofree char *joined = vt_language_map_dup_string (map, langs, "; ");
  g_autofree char *markup = vt_html_to_markup (joined);

  (void) markup;
}

static void
walk_range (VtRange *range)
{
  walk_map (range->label);
  (void) vt_range_is_navigable (range);
  for (guint i = 0; i < range->items->len; i++)
    {
      VtRangeItem *item = g_ptr_array_index (range->items, i);

      if (item->range != NULL)
        walk_range (item->range);
    }
}

static void
walk_pyramid (VtImageService *service)
{
  g_autoptr(VtTilePyramid) pyramid = vt_tile_pyramid_new (service);

  for (guint i = 0; i < vt_tile_pyramid_get_n_levels (pyramid); i++)
    {
      const VtTileLevel *level = vt_tile_pyramid_get_level (pyramid, i);
      g_autofree char *first = vt_tile_pyramid_dup_tile_url (pyramid, i, 0, 0);
      g_autofree char *last = vt_tile_pyramid_dup_tile_url (pyramid, i, level->columns - 1, level->rows - 1);

      g_assert (level->columns > 0 && level->rows > 0);
      g_assert ((first == NULL) == (last == NULL));
    }
  (void) vt_tile_pyramid_choose_level (pyramid, 0.37, 2.0);
}

/* What the sidebar shows: every value must be well-formed label markup. */
static void
check_rows (char **rows)
{
  for (guint i = 0; rows[i] != NULL && rows[i + 1] != NULL; i += 2)
    {
      g_autofree char *text = vt_markup_to_text (rows[i + 1]);

      g_assert (text != NULL);
    }
  g_strfreev (rows);
}

static void
walk_sidebar (VtManifest *m)
{
  const char *langs[] = { "nl-BE", "nl", NULL };
  g_autofree char *title = vt_manifest_dup_title (m, langs);
  g_auto(GStrv) languages = vt_manifest_dup_languages (m);

  check_rows (vt_manifest_dup_metadata_rows (m, langs));
  check_rows (vt_manifest_dup_provider_rows (m, langs));
  check_rows (vt_manifest_dup_link_rows (m, langs));
  check_rows (vt_manifest_dup_place_rows (m, langs));
  check_rows (vt_manifest_dup_rights_rows (m, G_MAXUINT, langs));
}

/* What the overlays and the annotation panel will do with the model. */
static void
walk_target (VtAnnotationTarget *target)
{
  VtRect rect;
  double start, end;

  if (vt_annotation_target_get_rect (target, 4000, 3000, &rect))
    g_assert (rect.width > 0 && rect.height > 0);
  if (vt_annotation_target_get_time (target, &start, &end))
    g_assert (start >= 0 && (end < 0 || end > start));
  for (guint i = 0; i < target->selectors->len; i++)
    {
      VtSelector *selector = g_ptr_array_index (target->selectors, i);

      (void) vt_selector_kind_to_string (selector->kind);
      if (selector->kind == VT_SELECTOR_SVG)
        g_assert (selector->value != NULL && strlen (selector->value) <= VT_IIIF_MAX_TEXT_LENGTH);
    }
}

static void
walk_pages (GPtrArray *pages)
{
  const char *langs[] = { "de", NULL };

  for (guint i = 0; i < pages->len; i++)
    {
      VtAnnotationPage *page = g_ptr_array_index (pages, i);

      g_assert (page->items->len <= VT_IIIF_MAX_ANNOTATIONS);
      walk_map (page->label);
      for (guint j = 0; j < page->items->len; j++)
        {
          VtAnnotation *anno = g_ptr_array_index (page->items, j);
          VtAnnotationBody *text = vt_annotation_get_text (anno, langs);

          (void) vt_annotation_has_motivation (anno, "tagging");
          if (text != NULL && vt_annotation_body_is_html (text))
            {
              g_autofree char *markup = vt_html_to_markup (text->value);

              (void) markup;
            }
          for (guint k = 0; k < anno->bodies->len; k++)
            walk_map (((VtAnnotationBody *) g_ptr_array_index (anno->bodies, k))->label);
          for (guint k = 0; k < anno->targets->len; k++)
            walk_target (g_ptr_array_index (anno->targets, k));
        }
    }
}

static void
walk_canvas_content (VtCanvas *canvas)
{
  (void) vt_canvas_count_annotations (canvas);
  for (guint i = 0; i < canvas->annotations->len; i++)
    {
      VtPaintingAnnotation *anno = g_ptr_array_index (canvas->annotations, i);

      g_assert (anno->bodies->len > 0);
      if (anno->has_target)
        g_assert (anno->target.width > 0 && anno->target.height > 0);
      if (anno->full_target != NULL)
        walk_target (anno->full_target);
      /* An image's own annotations, mapped to the canvas as the panel
       * does. */
      for (guint b = 0; b < anno->bodies->len; b++)
        {
          VtContentResource *body = g_ptr_array_index (anno->bodies, b);

          if (body->annotation_pages == NULL)
            continue;
          walk_pages (body->annotation_pages);
          for (guint p = 0; p < body->annotation_pages->len; p++)
            {
              VtAnnotationPage *page = g_ptr_array_index (body->annotation_pages, p);

              for (guint a = 0; a < page->items->len; a++)
                {
                  VtRect rect;

                  if (vt_painting_annotation_map_target (anno, body, canvas->width, canvas->height,
                                                         vt_annotation_get_target (g_ptr_array_index (page->items, a)),
                                                         &rect))
                    g_assert (rect.width > 0 && rect.height > 0);
                }
            }
        }
    }
  walk_pages (canvas->annotation_pages);
  if (canvas->nav_place != NULL)
    for (guint i = 0; i < canvas->nav_place->features->len; i++)
      walk_map (((VtNavFeature *) g_ptr_array_index (canvas->nav_place->features, i))->label);
  if (canvas->placeholder_canvas != NULL)
    walk_canvas_content (canvas->placeholder_canvas);
  if (canvas->accompanying_canvas != NULL)
    walk_canvas_content (canvas->accompanying_canvas);
}

/* Every view of every order: each placement of a canvas that exists,
 * with a size, inside its view. */
static void
walk_layouts (VtManifest *m)
{
  g_autoptr(GPtrArray) orders = vt_manifest_collect_ranges (m, VT_BEHAVIOR_SEQUENCE | VT_BEHAVIOR_THUMBNAIL_NAV);

  g_ptr_array_insert (orders, 0, NULL);
  for (guint o = 0; o < orders->len; o++)
    {
      g_autoptr(VtBookLayout) layout = vt_book_layout_new (m, orders->pdata[o]);

      for (guint v = 0; v < vt_book_layout_get_n_views (layout); v++)
        {
          const VtBookView *view = vt_book_layout_get_view (layout, v);
          guint canvas;

          g_assert (view->n_placements > 0);
          for (guint i = 0; i < view->n_placements; i++)
            {
              g_assert (view->placements[i].canvas < m->canvases->len);
              g_assert (view->placements[i].width > 0 && view->placements[i].height > 0);
            }
          (void) vt_book_layout_step (layout, view->placements[0].canvas, 1, &canvas);
        }
    }
}

static void
walk_manifest (VtManifest *m)
{
  walk_layouts (m);
  walk_pages (m->annotation_pages);
  if (m->placeholder_canvas != NULL)
    walk_canvas_content (m->placeholder_canvas);
  if (m->accompanying_canvas != NULL)
    walk_canvas_content (m->accompanying_canvas);
  walk_sidebar (m);
  walk_map (m->label);
  walk_map (m->summary);
  for (guint i = 0; i < m->metadata->len; i++)
    {
      VtMetadataEntry *entry = g_ptr_array_index (m->metadata, i);

      walk_map (entry->label);
      walk_map (entry->value);
    }
  for (guint i = 0; i < m->canvases->len; i++)
    {
      VtCanvas *canvas = g_ptr_array_index (m->canvases, i);
      VtServiceRef *ref = vt_canvas_get_image_service (canvas);
      const char *langs[] = { "fr", NULL };

      walk_map (canvas->label);
      walk_map (vt_manifest_get_canvas_attribution (m, i));
      check_rows (vt_manifest_dup_rights_rows (m, i, langs));
      check_rows (vt_manifest_dup_page_rows (m, i, langs));
      (void) vt_rights_allows_reuse (vt_manifest_get_canvas_rights (m, i));
      (void) vt_canvas_is_time_based (canvas);
      walk_canvas_content (canvas);
      if (ref != NULL)
        {
          g_autoptr(VtImageService) service = vt_image_service_new_from_ref (ref, canvas->width, canvas->height, NULL);

          if (service != NULL)
            walk_pyramid (service);
        }
    }
  for (guint i = 0; i < m->structures->len; i++)
    walk_range (g_ptr_array_index (m->structures, i));
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = vt_iiif_document_parse (bytes, "https://fuzz.example/info.json", &error);

  /* The same bytes as a fetched annotation page, and as a fragment. */
  {
    g_autoptr(GError) page_error = NULL;
    g_autoptr(VtAnnotationPage) page = vt_annotation_page_new_from_bytes (bytes, "https://fuzz.example/page", &page_error);
    g_autofree char *fragment = g_strndup ((const char *) data, MIN (size, 256));
    g_autoptr(VtSelector) selector = vt_selector_new_from_fragment (fragment);
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();

    g_assert ((page == NULL) == (page_error != NULL));
    if (page != NULL)
      {
        g_ptr_array_add (pages, page);
        walk_pages (pages);
      }
    if (selector != NULL)
      g_assert (selector->has_rect || selector->has_time);
  }

  if (doc == NULL)
    {
      g_assert (error != NULL && error->domain == VT_IIIF_ERROR);
      return 0;
    }

  if (doc->manifest != NULL)
    walk_manifest (doc->manifest);

  if (doc->collection != NULL)
    for (guint i = 0; i < doc->collection->members->len; i++)
      walk_map (((VtCollectionMember *) g_ptr_array_index (doc->collection->members, i))->label);
  if (doc->image_service != NULL)
    walk_pyramid (doc->image_service);

  return 0;
}
