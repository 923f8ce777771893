/* test-annotations.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vt-iiif-test-util.h"

/* The whole model of issue 12: painting annotations with targets, choices
 * and selectors, non-painting annotations (embedded, referenced, fetched),
 * placeholder and accompanying canvases, start, navDate, navPlace,
 * behaviours, viewing direction, thumbnails, provider, partOf. Fixtures are
 * shaped like the IIIF Cookbook recipes named in each test. */

static const char *
label_get (VtLanguageMap *map,
           const char    *language)
{
  const char *languages[] = { language, NULL };

  g_assert_nonnull (map);
  return vt_language_map_get_first (map, language != NULL ? languages : NULL);
}

static VtPaintingAnnotation *
painting (VtCanvas *canvas,
          guint     i)
{
  g_assert_cmpuint (i, <, canvas->annotations->len);
  return g_ptr_array_index (canvas->annotations, i);
}

static VtAnnotation *
annotation (VtAnnotationPage *page,
            guint             i)
{
  g_assert_cmpuint (i, <, page->items->len);
  return g_ptr_array_index (page->items, i);
}

static VtAnnotationBody *
body (VtAnnotation *anno,
      guint         i)
{
  g_assert_cmpuint (i, <, anno->bodies->len);
  return g_ptr_array_index (anno->bodies, i);
}

static VtSelector *
target_selector (VtAnnotation *anno,
                 guint         i)
{
  VtAnnotationTarget *target = vt_annotation_get_target (anno);

  g_assert_nonnull (target);
  g_assert_cmpuint (i, <, target->selectors->len);
  return g_ptr_array_index (target->selectors, i);
}

/* 0036 composition, 0033 choice, 0040 rotation, 0299 region, 0283 missing
 * image, plus behaviours, direction, navDate, navPlace, provider, partOf. */
static void
test_painting_v3 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3-painting.json");
  VtManifest *m = doc->manifest;
  VtCanvas *canvas;
  VtPaintingAnnotation *anno;
  VtContentResource *res;
  VtSelector *sel;
  VtNavFeature *feature;
  VtRange *range;
  VtAgent *agent;
  VtRect rect;

  g_assert_cmpuint (m->canvases->len, ==, 5);
  g_assert_cmpint (m->behavior_flags, ==, VT_BEHAVIOR_PAGED | VT_BEHAVIOR_NO_REPEAT);
  g_assert_cmpint (m->viewing_direction, ==, VT_VIEWING_DIRECTION_RIGHT_TO_LEFT);
  g_assert_cmpstr (m->nav_date, ==, "1856-01-01T00:00:00Z");
  g_assert_nonnull (m->nav_place);
  g_assert_cmpuint (m->nav_place->features->len, ==, 2);
  feature = g_ptr_array_index (m->nav_place->features, 0);
  g_assert_cmpstr (feature->geometry, ==, "Point");
  g_assert_cmpuint (feature->coordinates->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (feature->coordinates, double, 0), 3.7203, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (feature->coordinates, double, 1), 51.0573, 1e-9);
  g_assert_cmpstr (label_get (feature->label, "en"), ==, "Ghent, the castle");
  feature = g_ptr_array_index (m->nav_place->features, 1);
  g_assert_cmpstr (feature->geometry, ==, "Polygon");
  g_assert_cmpuint (feature->coordinates->len, ==, 8);
  g_assert_cmpuint (m->thumbnail->len, ==, 1);
  g_assert_cmpuint (m->provider->len, ==, 1);
  agent = g_ptr_array_index (m->provider, 0);
  g_assert_cmpstr (label_get (agent->label, "en"), ==, "Example Museum");
  g_assert_cmpuint (agent->homepage->len, ==, 1);
  g_assert_cmpuint (agent->logo->len, ==, 1);
  g_assert_cmpuint (m->part_of->len, ==, 1);
  g_assert_cmpstr (((VtResource *) g_ptr_array_index (m->part_of, 0))->id, ==, "https://example.org/iiif/collection.json");

  /* 0036: the base at the whole canvas, the detail at its region. */
  canvas = g_ptr_array_index (m->canvases, 0);
  g_assert_cmpint (canvas->behavior_flags, ==, VT_BEHAVIOR_FACING_PAGES);
  g_assert_cmpuint (canvas->thumbnail->len, ==, 1);
  g_assert_cmpuint (canvas->annotations->len, ==, 2);
  anno = painting (canvas, 0);
  g_assert_false (anno->has_target);
  g_assert_nonnull (vt_content_resource_get_image_service (vt_painting_annotation_get_body (anno)));
  anno = painting (canvas, 1);
  g_assert_true (anno->has_target);
  g_assert_cmpint (anno->target.x, ==, 3949);
  g_assert_cmpint (anno->target.y, ==, 994);
  g_assert_cmpint (anno->target.width, ==, 1091);
  g_assert_cmpint (anno->target.height, ==, 1232);
  g_assert_cmpstr (anno->full_target->source, ==, "https://example.org/iiif/painting/canvas/composite");
  res = vt_painting_annotation_get_body (anno);
  g_assert_cmpstr (res->id, ==, "https://images.example.org/detail/full/max/0/default.jpg");
  g_assert_cmpstr (vt_content_resource_get_image_service (res)->id, ==, "https://images.example.org/detail");

  /* 0033: a Choice, the first item by default. */
  canvas = g_ptr_array_index (m->canvases, 1);
  anno = painting (canvas, 0);
  g_assert_true (anno->is_choice);
  g_assert_cmpuint (anno->bodies->len, ==, 2);
  g_assert_cmpuint (anno->default_body, ==, 0);
  g_assert_cmpstr (label_get (((VtContentResource *) g_ptr_array_index (anno->bodies, 1))->label, "en"), ==, "X-ray");

  /* 0040: an ImageApiSelector, mirrored and rotated. */
  canvas = g_ptr_array_index (m->canvases, 2);
  res = vt_painting_annotation_get_body (painting (canvas, 0));
  g_assert_cmpstr (res->id, ==, "https://images.example.org/rotated/full/max/0/default.jpg");
  g_assert_nonnull (vt_content_resource_get_image_service (res));
  sel = res->full_selector;
  g_assert_nonnull (sel);
  g_assert_cmpint (sel->kind, ==, VT_SELECTOR_IMAGE_API);
  g_assert_cmpfloat (sel->rotation, ==, 90);
  g_assert_true (sel->mirror);
  g_assert_cmpstr (sel->region, ==, "10,20,1100,1400");
  g_assert_cmpstr (sel->size, ==, "max");
  g_assert_cmpstr (sel->quality, ==, "gray");
  g_assert_cmpstr (sel->format, ==, "png");
  g_assert_true (sel->has_rect);
  g_assert_true (res->has_selector);
  g_assert_cmpint (res->selector.x, ==, 10);
  g_assert_cmpint (res->selector.height, ==, 1400);

  /* 0299: a FragmentSelector on the body, a per-cent target; a text body. */
  canvas = g_ptr_array_index (m->canvases, 3);
  anno = painting (canvas, 0);
  res = vt_painting_annotation_get_body (anno);
  g_assert_cmpint (res->full_selector->kind, ==, VT_SELECTOR_FRAGMENT);
  g_assert_true (res->has_selector);
  g_assert_cmpint (res->selector.x, ==, 1000);
  g_assert_cmpint (res->selector.width, ==, 800);
  sel = g_ptr_array_index (anno->full_target->selectors, 0);
  g_assert_true (sel->percent);
  g_assert_true (anno->has_target);
  g_assert_cmpint (anno->target.x, ==, 200);
  g_assert_cmpint (anno->target.y, ==, 200);
  g_assert_cmpint (anno->target.width, ==, 1000);
  g_assert_cmpint (anno->target.height, ==, 250);
  res = vt_painting_annotation_get_body (painting (canvas, 1));
  g_assert_cmpint (res->kind, ==, VT_CONTENT_TEXT);
  g_assert_cmpstr (res->value, ==, "Painted words on the canvas");
  g_assert_cmpstr (res->language, ==, "en");

  /* 0283: the model keeps what to fetch; failing is the viewer's part. */
  canvas = g_ptr_array_index (m->canvases, 4);
  g_assert_cmpstr (vt_canvas_get_image (canvas)->id, ==, "https://images.example.org/does-not-exist.jpg");

  range = g_ptr_array_index (m->structures, 0);
  g_assert_cmpint (range->behavior_flags, ==, VT_BEHAVIOR_SEQUENCE | VT_BEHAVIOR_THUMBNAIL_NAV);
  g_assert_cmpint (range->viewing_direction, ==, VT_VIEWING_DIRECTION_RIGHT_TO_LEFT);
  g_assert_cmpuint (range->thumbnail->len, ==, 1);

  g_assert_true (vt_selector_get_rect (sel, 2000, 1000, &rect));
  g_assert_false (vt_selector_get_rect (sel, 0, 0, &rect));
}

/* 0266 commenting, 0269 tagging, 0261 SvgSelector, 0135 PointSelector,
 * 0019 HTML, linking, describing, highlighting, referenced pages. */
static void
test_annotations_v3 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3-annotations.json");
  const char *fr[] = { "fr", NULL };
  VtCanvas *canvas = g_ptr_array_index (doc->manifest->canvases, 0);
  VtAnnotationPage *page, *ref;
  VtAnnotation *anno;
  VtAnnotationBody *b;
  VtSelector *sel;
  VtRect rect;
  double start, end;

  g_assert_cmpint (doc->manifest->behavior_flags, ==, VT_BEHAVIOR_INDIVIDUALS);
  g_assert_cmpuint (canvas->annotations->len, ==, 1);
  g_assert_cmpuint (canvas->annotation_pages->len, ==, 3);
  g_assert_cmpuint (vt_canvas_count_annotations (canvas), ==, 8);

  page = g_ptr_array_index (canvas->annotation_pages, 0);
  g_assert_true (page->loaded);
  g_assert_cmpstr (page->id, ==, "https://example.org/iiif/notes/page/p1/comments");
  g_assert_cmpstr (label_get (page->label, "en"), ==, "Notes");

  anno = annotation (page, 0);
  g_assert_true (vt_annotation_has_motivation (anno, "commenting"));
  b = body (anno, 0);
  g_assert_true (b->is_text);
  g_assert_cmpstr (b->value, ==, "Göttinger Marktplatz mit Gänseliesel-Brunnen");
  g_assert_cmpstr (b->language, ==, "de");
  g_assert_cmpstr (b->format, ==, "text/plain");
  g_assert_false (vt_annotation_body_is_html (b));
  g_assert_cmpstr (vt_annotation_get_target (anno)->source, ==, "https://example.org/iiif/notes/canvas/p1");
  g_assert_true (vt_annotation_target_get_rect (vt_annotation_get_target (anno), 3000, 2000, &rect));
  g_assert_cmpint (rect.x, ==, 265);
  g_assert_cmpint (rect.height, ==, 1239);

  anno = annotation (page, 1);
  g_assert_true (vt_annotation_has_motivation (anno, "tagging"));
  g_assert_cmpstr (body (anno, 0)->value, ==, "Gänseliesel-Brunnen");

  anno = annotation (page, 2);
  g_assert_true (vt_annotation_body_has_purpose (body (anno, 0), "tagging"));
  sel = target_selector (anno, 0);
  g_assert_cmpint (sel->kind, ==, VT_SELECTOR_SVG);
  g_assert_true (g_str_has_prefix (sel->value, "<svg xmlns='http://www.w3.org/2000/svg'><path d='M270.0,1900.0"));
  g_assert_cmpstr (vt_annotation_get_target (anno)->source, ==, "https://example.org/iiif/notes/canvas/p1");
  g_assert_false (vt_annotation_target_get_rect (vt_annotation_get_target (anno), 3000, 2000, &rect));

  anno = annotation (page, 3);
  sel = target_selector (anno, 0);
  g_assert_cmpint (sel->kind, ==, VT_SELECTOR_POINT);
  g_assert_true (sel->has_point);
  g_assert_false (sel->has_time);
  g_assert_cmpfloat (sel->point_x, ==, 1520);
  g_assert_cmpfloat (sel->point_y, ==, 340);

  /* 0019: HTML kept raw (the app sanitises); two languages; two targets. */
  anno = annotation (page, 4);
  g_assert_cmpuint (anno->bodies->len, ==, 2);
  g_assert_cmpuint (anno->targets->len, ==, 2);
  g_assert_true (vt_annotation_body_is_html (body (anno, 0)));
  g_assert_nonnull (strstr (body (anno, 0)->value, "<script>"));
  g_assert_true (vt_annotation_get_text (anno, fr) == body (anno, 1));
  g_assert_true (vt_annotation_get_text (anno, NULL) == body (anno, 0));

  anno = annotation (page, 5);
  g_assert_true (vt_annotation_has_motivation (anno, "linking"));
  b = body (anno, 0);
  g_assert_false (b->is_text);
  g_assert_cmpstr (b->id, ==, "https://en.wikipedia.org/wiki/G%C3%A4nseliesel");
  g_assert_cmpint (b->kind, ==, VT_CONTENT_TEXT);
  g_assert_cmpstr (b->format, ==, "text/html");
  g_assert_cmpstr (label_get (b->label, "en"), ==, "Wikipedia: Gänseliesel");
  g_assert_cmpuint (vt_annotation_get_target (anno)->selectors->len, ==, 0);

  g_assert_true (vt_annotation_has_motivation (annotation (page, 6), "describing"));
  anno = annotation (page, 7);
  g_assert_true (vt_annotation_has_motivation (anno, "highlighting"));
  g_assert_cmpuint (anno->bodies->len, ==, 0);
  g_assert_false (vt_annotation_target_get_time (vt_annotation_get_target (anno), &start, &end));

  /* Referenced: kept by URI, loaded later. */
  ref = g_ptr_array_index (canvas->annotation_pages, 1);
  g_assert_false (ref->loaded);
  g_assert_cmpstr (ref->id, ==, "https://example.org/iiif/notes/page/p1/transcription.json");
  g_assert_cmpuint (ref->items->len, ==, 0);
  ref = g_ptr_array_index (canvas->annotation_pages, 2);
  g_assert_false (ref->loaded);
  g_assert_cmpstr (label_get (ref->label, "en"), ==, "More notes");

  {
    g_autoptr(GBytes) bytes = vt_test_load_fixture ("annotation-page-v3.json");
    g_autoptr(GError) error = NULL;

    ref = g_ptr_array_index (canvas->annotation_pages, 1);
    g_assert_true (vt_annotation_page_load (ref, bytes, &error));
    g_assert_no_error (error);
    g_assert_true (ref->loaded);
    g_assert_cmpuint (ref->items->len, ==, 2);
    anno = annotation (ref, 1);
    g_assert_true (vt_annotation_has_motivation (anno, "supplementing"));
    g_assert_cmpstr (body (anno, 0)->value, ==, "Fetched line two");
    g_assert_true (vt_annotation_target_get_rect (vt_annotation_get_target (anno), 0, 0, &rect));
    g_assert_cmpint (rect.y, ==, 170);
    /* Loading again changes nothing. */
    g_assert_true (vt_annotation_page_load (ref, bytes, &error));
    g_assert_cmpuint (ref->items->len, ==, 2);
    g_assert_cmpuint (vt_canvas_count_annotations (canvas), ==, 10);
  }
}

/* 0002/0003/0064 time ranges, 0013 placeholderCanvas, 0014
 * accompanyingCanvas, 0015 start, 0219 captions as supplementing WebVTT. */
static void
test_av_v3 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3-av.json");
  VtManifest *m = doc->manifest;
  VtCanvas *canvas;
  VtPaintingAnnotation *anno;
  VtAnnotationPage *page;
  VtAnnotation *a;
  double start, end;

  g_assert_cmpstr (m->start_canvas, ==, "https://example.org/iiif/av/canvas/video");
  g_assert_nonnull (m->start_selector);
  g_assert_cmpint (m->start_selector->kind, ==, VT_SELECTOR_POINT);
  g_assert_true (m->start_selector->has_time);
  g_assert_cmpfloat (m->start_selector->time_start, ==, 120.5);

  canvas = g_ptr_array_index (m->canvases, 0);
  g_assert_true (vt_canvas_is_time_based (canvas));
  g_assert_cmpuint (canvas->annotations->len, ==, 2);
  anno = painting (canvas, 1);
  g_assert_true (anno->has_time);
  g_assert_cmpfloat (anno->time_start, ==, 1371.437);
  g_assert_cmpfloat (anno->time_end, ==, 1985.024);
  g_assert_false (anno->has_target);
  g_assert_cmpint (vt_painting_annotation_get_body (anno)->kind, ==, VT_CONTENT_SOUND);
  g_assert_cmpfloat (vt_painting_annotation_get_body (anno)->duration, ==, 613.587);

  canvas = g_ptr_array_index (m->canvases, 1);
  g_assert_cmpint (vt_painting_annotation_get_body (painting (canvas, 0))->kind, ==, VT_CONTENT_VIDEO);
  g_assert_cmpuint (vt_painting_annotation_get_body (painting (canvas, 0))->thumbnail->len, ==, 1);
  g_assert_cmpstr (((VtResource *) g_ptr_array_index (vt_painting_annotation_get_body (painting (canvas, 0))->thumbnail, 0))->id, ==,
                   "https://media.example.org/lunchroom-poster.jpg");
  g_assert_false (painting (canvas, 0)->has_time);
  g_assert_nonnull (canvas->placeholder_canvas);
  g_assert_cmpstr (canvas->placeholder_canvas->id, ==, "https://example.org/iiif/av/canvas/video/placeholder");
  g_assert_cmpstr (vt_canvas_get_image (canvas->placeholder_canvas)->id, ==, "https://media.example.org/poster.jpg");
  g_assert_nonnull (canvas->accompanying_canvas);
  g_assert_cmpstr (vt_canvas_get_image (canvas->accompanying_canvas)->id, ==, "https://media.example.org/sleeve.jpg");
  /* No placeholder of a placeholder. */
  g_assert_null (canvas->accompanying_canvas->placeholder_canvas);

  page = g_ptr_array_index (canvas->annotation_pages, 0);
  a = annotation (page, 0);
  g_assert_true (vt_annotation_has_motivation (a, "supplementing"));
  g_assert_cmpstr (body (a, 0)->id, ==, "https://media.example.org/lunchroom.vtt");
  g_assert_cmpstr (body (a, 0)->format, ==, "text/vtt");
  g_assert_cmpstr (body (a, 0)->language, ==, "en");
  a = annotation (page, 1);
  g_assert_true (vt_annotation_target_get_time (vt_annotation_get_target (a), &start, &end));
  g_assert_cmpfloat (start, ==, 30.5);
  g_assert_cmpfloat (end, ==, 45);
  a = annotation (page, 2);
  g_assert_true (vt_annotation_target_get_time (vt_annotation_get_target (a), &start, &end));
  g_assert_cmpfloat (start, ==, 27);
  g_assert_cmpfloat (end, ==, -1);

  /* A range of a part of the recording. */
  {
    VtRange *range = g_ptr_array_index (m->structures, 0);
    VtRangeItem *item = g_ptr_array_index (range->items, 0);

    g_assert_cmpstr (item->canvas_id, ==, "https://example.org/iiif/av/canvas/sound");
    g_assert_true (item->has_time);
    g_assert_cmpfloat (item->time_start, ==, 0);
    g_assert_cmpfloat (item->time_end, ==, 1371.437);
  }
}

/* Presentation 2: several images, #xywh on `on`, oa:Choice, a
 * SpecificResource with an ImageApiSelector, otherContent. */
static void
test_v2 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v2-choice.json");
  VtManifest *m = doc->manifest;
  VtCanvas *canvas = g_ptr_array_index (m->canvases, 0);
  VtPaintingAnnotation *anno;
  VtContentResource *res;
  VtAnnotationPage *page;
  VtAnnotation *a;

  g_assert_cmpint (m->behavior_flags, ==, VT_BEHAVIOR_PAGED);
  g_assert_cmpint (m->viewing_direction, ==, VT_VIEWING_DIRECTION_RIGHT_TO_LEFT);
  g_assert_cmpstr (m->nav_date, ==, "1780-01-01T00:00:00Z");
  g_assert_cmpint (canvas->behavior_flags, ==, VT_BEHAVIOR_NON_PAGED);
  g_assert_cmpuint (canvas->annotations->len, ==, 4);

  anno = painting (canvas, 1);
  g_assert_true (anno->has_target);
  g_assert_cmpint (anno->target.x, ==, 100);
  g_assert_cmpint (anno->target.height, ==, 600);

  anno = painting (canvas, 2);
  g_assert_true (anno->is_choice);
  g_assert_cmpuint (anno->bodies->len, ==, 2);
  g_assert_cmpstr (vt_painting_annotation_get_body (anno)->id, ==, "https://images.example.org/v2/colour/full/full/0/default.jpg");
  g_assert_true (anno->has_target);
  g_assert_cmpint (anno->target.x, ==, 2000);

  anno = painting (canvas, 3);
  res = vt_painting_annotation_get_body (anno);
  g_assert_cmpstr (res->id, ==, "https://images.example.org/v2/strip/full/full/0/default.jpg");
  g_assert_nonnull (res->full_selector);
  g_assert_cmpint (res->full_selector->kind, ==, VT_SELECTOR_IMAGE_API);
  g_assert_cmpfloat (res->full_selector->rotation, ==, 180);
  g_assert_true (res->has_selector);
  g_assert_cmpint (res->selector.width, ==, 300);

  g_assert_cmpuint (canvas->annotation_pages->len, ==, 3);
  page = g_ptr_array_index (canvas->annotation_pages, 0);
  g_assert_true (page->loaded);
  a = annotation (page, 0);
  g_assert_true (vt_annotation_has_motivation (a, "commenting"));
  g_assert_true (body (a, 0)->is_text);
  g_assert_true (vt_annotation_body_is_html (body (a, 0)));
  g_assert_cmpstr (body (a, 0)->value, ==, "<p>Embedded v2 note</p>");
  page = g_ptr_array_index (canvas->annotation_pages, 1);
  g_assert_false (page->loaded);
  g_assert_cmpstr (page->id, ==, "https://example.org/iiif/v2/choice/list/2.json");
  page = g_ptr_array_index (canvas->annotation_pages, 2);
  g_assert_false (page->loaded);
  g_assert_cmpstr (page->id, ==, "https://example.org/iiif/v2/choice/list/3.json");
}

static void
test_annotation_list_v2 (void)
{
  g_autoptr(GBytes) bytes = vt_test_load_fixture ("annotation-list-v2.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtAnnotationPage) page = vt_annotation_page_new_from_bytes (bytes, "https://example.org/list", &error);
  VtAnnotation *a;
  VtAnnotationTarget *target;
  VtRect rect;

  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_cmpstr (page->id, ==, "https://example.org/list");
  g_assert_cmpstr (label_get (page->label, NULL), ==, "Transcription");
  g_assert_cmpuint (page->items->len, ==, 2);
  g_assert_cmpuint (page->n_skipped, ==, 2);

  a = annotation (page, 0);
  g_assert_true (vt_annotation_has_motivation (a, "commenting"));
  g_assert_cmpstr (body (a, 0)->value, ==, "Fetched v2 comment");
  g_assert_cmpstr (body (a, 0)->language, ==, "la");
  target = vt_annotation_get_target (a);
  g_assert_cmpstr (target->source, ==, "https://example.org/iiif/v2/choice/canvas/1");
  g_assert_cmpuint (target->selectors->len, ==, 2);
  g_assert_nonnull (vt_annotation_target_find_selector (target, VT_SELECTOR_SVG));
  g_assert_true (vt_annotation_target_get_rect (target, 0, 0, &rect));
  g_assert_cmpint (rect.width, ==, 200);

  a = annotation (page, 1);
  g_assert_true (vt_annotation_has_motivation (a, "tagging"));
  g_assert_true (vt_annotation_has_motivation (a, "commenting"));
  g_assert_cmpuint (a->bodies->len, ==, 2);
  g_assert_cmpstr (body (a, 0)->value, ==, "initial");
}

static void
test_fragments (void)
{
  static const struct
  {
    const char *fragment;
    gboolean    valid;
    gboolean    percent;
    gboolean    time;
  } cases[] = {
    { "xywh=1,2,3,4", TRUE, FALSE, FALSE },
    { "xywh=pixel:1,2,3,4", TRUE, FALSE, FALSE },
    { "xywh=percent:1.5,2,3,4", TRUE, TRUE, FALSE },
    { "t=10", TRUE, FALSE, TRUE },
    { "t=,20", TRUE, FALSE, TRUE },
    { "xywh=1,2,3,4&t=1,2", TRUE, FALSE, TRUE },
    { "xywh=-1,2,3,4", FALSE, FALSE, FALSE },
    { "xywh=1,2,0,4", FALSE, FALSE, FALSE },
    { "xywh=1,2,3", FALSE, FALSE, FALSE },
    { "xywh=1,2,3,4,5", FALSE, FALSE, FALSE },
    { "xywh=nan,2,3,4", FALSE, FALSE, FALSE },
    { "xywh=inf,2,3,4", FALSE, FALSE, FALSE },
    { "xywh=1,2,99999999999999999999,4", FALSE, FALSE, FALSE },
    { "xywh=1e400,2,3,4", FALSE, FALSE, FALSE },
    { "t=20,10", FALSE, FALSE, FALSE },
    { "t=-5", FALSE, FALSE, FALSE },
    { "t=abc", FALSE, FALSE, FALSE },
    { "", FALSE, FALSE, FALSE },
    { "&&&", FALSE, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VtSelector) sel = vt_selector_new_from_fragment (cases[i].fragment);

      g_test_message ("%s", cases[i].fragment);
      g_assert_true ((sel != NULL) == cases[i].valid);
      if (sel == NULL)
        continue;
      g_assert_true (sel->percent == cases[i].percent);
      g_assert_true (sel->has_time == cases[i].time);
    }
}

/* Wrong types everywhere: skipped with warnings, never a crash. */
/* 0346: a Choice of TextualBody items in several languages shows one of
 * them, in the language picked, with the fallbacks of every label (an
 * option without a language, then English, then the first). 0045-style: a
 * SpecificResource whose source is a TextualBody is text, with the
 * wrapper's purpose and selector. */
static void
test_text_bodies (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3-text-bodies.json");
  const char *de[] = { "de", NULL };
  const char *nl_be[] = { "nl-BE", "en", NULL };
  const char *nl[] = { "nl", NULL };
  const char *ja[] = { "ja", NULL };
  const char *it_fr[] = { "it", "fr", NULL };
  VtCanvas *canvas = g_ptr_array_index (doc->manifest->canvases, 0);
  VtAnnotationPage *page = g_ptr_array_index (canvas->annotation_pages, 0);
  VtAnnotation *anno;
  VtAnnotationBody *b;

  g_assert_cmpuint (doc->warnings->len, ==, 0);
  g_assert_cmpuint (page->items->len, ==, 4);

  /* 0346 */
  anno = annotation (page, 0);
  g_assert_cmpuint (anno->bodies->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (body (anno, i)->choice, ==, 1);
  g_assert_true (vt_annotation_get_choice (anno, 1, de) == body (anno, 0));
  g_assert_true (vt_annotation_get_choice (anno, 1, nl_be) == body (anno, 2));
  g_assert_true (vt_annotation_get_choice (anno, 1, nl) == body (anno, 2));
  g_assert_true (vt_annotation_get_choice (anno, 1, ja) == body (anno, 1));
  g_assert_null (vt_annotation_get_choice (anno, 2, de));
  g_assert_null (vt_annotation_get_choice (anno, 0, de));
  g_assert_true (vt_annotation_shows_body (anno, body (anno, 2), nl));
  g_assert_false (vt_annotation_shows_body (anno, body (anno, 0), nl));
  g_assert_false (vt_annotation_shows_body (anno, body (anno, 1), nl));
  g_assert_cmpstr (vt_annotation_get_text (anno, nl)->value, ==, "De Berlijnse Muur, 1989");
  g_assert_cmpstr (vt_annotation_get_text (anno, ja)->value, ==, "The Berlin Wall, 1989");

  /* Neither the language asked for nor English: the first, the default. */
  anno = annotation (page, 1);
  g_assert_true (vt_annotation_get_choice (anno, 1, ja) == body (anno, 0));
  g_assert_true (vt_annotation_get_choice (anno, 1, it_fr) == body (anno, 1));
  g_assert_cmpstr (vt_annotation_get_text (anno, ja)->value, ==, "Le mur de Berlin");

  /* A TextualBody wrapped in a SpecificResource. */
  anno = annotation (page, 2);
  g_assert_cmpuint (anno->bodies->len, ==, 1);
  b = body (anno, 0);
  g_assert_true (b->is_text);
  g_assert_cmpint (b->kind, ==, VT_CONTENT_TEXT);
  g_assert_cmpstr (b->value, ==, "A note wrapped in a SpecificResource");
  g_assert_cmpstr (b->language, ==, "en");
  g_assert_cmpstr (b->format, ==, "text/plain");
  g_assert_true (vt_annotation_body_has_purpose (b, "commenting"));
  g_assert_true (vt_annotation_get_text (anno, NULL) == b);
  g_assert_true (vt_annotation_shows_body (anno, b, NULL));

  /* The source's purpose and id kept; an image source is still a link,
   * with its selector. */
  anno = annotation (page, 3);
  g_assert_cmpuint (anno->bodies->len, ==, 2);
  b = body (anno, 0);
  g_assert_true (b->is_text);
  g_assert_cmpstr (b->value, ==, "wall");
  g_assert_cmpstr (b->id, ==, "https://example.org/iiif/text-bodies/tags/wall");
  g_assert_true (vt_annotation_body_has_purpose (b, "tagging"));
  g_assert_null (b->selector);
  b = body (anno, 1);
  g_assert_false (b->is_text);
  g_assert_nonnull (b->selector);
  g_assert_null (b->value);
  g_assert_cmpstr (b->id, ==, "https://example.org/iiif/text-bodies/picture.jpg");
  g_assert_cmpint (b->kind, ==, VT_CONTENT_IMAGE);
}

static void
test_hostile (void)
{
  static const char * const documents[] = {
    /* strings where objects go, objects where strings go */
    "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"m\",\"type\":\"Manifest\","
    "\"navPlace\":\"here\",\"placeholderCanvas\":\"c\",\"accompanyingCanvas\":[1],\"start\":{\"type\":\"SpecificResource\",\"selector\":\"t=5\"},"
    "\"behavior\":{\"paged\":true},\"annotations\":[1,null,\"u\",{\"type\":\"AnnotationPage\"}],"
    "\"items\":[{\"id\":\"c\",\"type\":\"Canvas\",\"width\":10,\"height\":10,\"annotations\":{\"items\":\"x\"},"
    "\"items\":[{\"type\":\"AnnotationPage\",\"items\":[{\"motivation\":\"commenting\",\"body\":5,\"target\":[1,{\"selector\":[1,\"x\",{\"type\":\"PointSelector\",\"x\":\"a\"},"
    "{\"type\":\"ImageApiSelector\",\"rotation\":\"-90\",\"region\":\"0,0,-1,5\"},{\"type\":\"SvgSelector\",\"value\":7}]}]},"
    "{\"motivation\":\"painting\",\"body\":{\"type\":\"SpecificResource\",\"source\":{\"id\":\"i.jpg\",\"type\":\"Image\"},\"selector\":{\"type\":\"ImageApiSelector\",\"rotation\":1e300}},"
    "\"target\":\"c#xywh=percent:-5,0,10,10&t=9,3\"}]}]}]}",
    /* absurd numbers */
    "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"m\",\"type\":\"Manifest\","
    "\"navPlace\":{\"features\":[{\"geometry\":{\"type\":\"Point\",\"coordinates\":[1e999,\"x\",[[[[[[1]]]]]]]}},5]},"
    "\"items\":[{\"id\":\"c\",\"type\":\"Canvas\",\"width\":10,\"height\":10,\"annotations\":[{\"items\":[{\"target\":{\"type\":\"SpecificResource\",\"source\":\"c\","
    "\"selector\":{\"type\":\"PointSelector\",\"x\":-1,\"y\":1e308,\"t\":-3}},\"body\":{\"type\":\"Choice\",\"items\":[{\"type\":\"Choice\",\"items\":[{\"type\":\"Choice\","
    "\"items\":[{\"type\":\"Choice\",\"items\":[{\"type\":\"Choice\",\"items\":[{\"type\":\"Choice\",\"items\":[\"deep\"]}]}]}]}]}]}}]}]}]}",
    /* Presentation 2 */
    "{\"@context\":\"http://iiif.io/api/presentation/2/context.json\",\"@id\":\"m\",\"@type\":\"sc:Manifest\",\"label\":\"x\","
    "\"sequences\":[{\"canvases\":[{\"@id\":\"c\",\"@type\":\"sc:Canvas\",\"label\":\"c\",\"width\":1,\"height\":1,\"otherContent\":\"u\","
    "\"images\":[{\"motivation\":\"sc:painting\",\"resource\":{\"@type\":\"oa:Choice\",\"default\":\"rdf:nil\",\"item\":\"rdf:nil\"},\"on\":{\"selector\":{\"@type\":\"oa:Choice\"}}}]}]}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifDocument) doc = vt_test_parse_string (documents[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (doc->manifest);
      g_assert_cmpuint (doc->warnings->len, >, 0);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VtIiifDocument) doc = vt_test_parse_string (documents[0], &error);
    VtCanvas *canvas = g_ptr_array_index (doc->manifest->canvases, 0);
    VtPaintingAnnotation *anno = painting (canvas, 0);

    g_assert_null (doc->manifest->nav_place);
    g_assert_null (doc->manifest->placeholder_canvas);
    g_assert_null (doc->manifest->accompanying_canvas);
    g_assert_false (anno->has_target);
    g_assert_false (anno->has_time);
    g_assert_cmpfloat (vt_painting_annotation_get_body (anno)->full_selector->rotation, ==, 0);
  }
}

static void
test_not_a_page (void)
{
  static const char * const documents[] = { "", "[]", "{}", "{\"items\":3}", "\"x\"", "{\"resources\":{}}" };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (documents[i], strlen (documents[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(VtAnnotationPage) page = vt_annotation_page_new_from_bytes (bytes, NULL, &error);

      g_assert_null (page);
      g_assert_error (error, VT_IIIF_ERROR, error->code);
    }
}

/* A page with far too many annotations keeps the first 10,000. */
static void
test_too_many (void)
{
  guint n = g_test_thorough () ? 1000000 : 20001;
  g_autoptr(GString) json = g_string_new ("{\"type\":\"AnnotationPage\",\"items\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtAnnotationPage) page = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append (json, i > 0 ? ",{}" : "{}");
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  page = vt_annotation_page_new_from_bytes (bytes, "https://example.org/many", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, VT_IIIF_MAX_ANNOTATIONS);
  g_assert_cmpuint (page->n_skipped, ==, n - VT_IIIF_MAX_ANNOTATIONS);
}

static void
test_behavior_flags (void)
{
  const char *values[] = { "paged", "sc:continuous", "INDIVIDUALS", "whatever", "top", NULL };

  g_assert_cmpint (vt_behavior_flags_from_strv (values), ==,
                   VT_BEHAVIOR_PAGED | VT_BEHAVIOR_CONTINUOUS | VT_BEHAVIOR_INDIVIDUALS | VT_BEHAVIOR_TOP);
  g_assert_cmpint (vt_behavior_flags_from_strv (NULL), ==, VT_BEHAVIOR_NONE);
  g_assert_cmpstr (vt_behavior_flag_to_string (VT_BEHAVIOR_FACING_PAGES), ==, "facing-pages");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/annotations/painting-v3", test_painting_v3);
  g_test_add_func ("/vitrine/iiif/annotations/annotations-v3", test_annotations_v3);
  g_test_add_func ("/vitrine/iiif/annotations/av-v3", test_av_v3);
  g_test_add_func ("/vitrine/iiif/annotations/v2", test_v2);
  g_test_add_func ("/vitrine/iiif/annotations/annotation-list-v2", test_annotation_list_v2);
  g_test_add_func ("/vitrine/iiif/annotations/fragments", test_fragments);
  g_test_add_func ("/vitrine/iiif/annotations/text-bodies", test_text_bodies);
  g_test_add_func ("/vitrine/iiif/annotations/hostile", test_hostile);
  g_test_add_func ("/vitrine/iiif/annotations/not-a-page", test_not_a_page);
  g_test_add_func ("/vitrine/iiif/annotations/too-many", test_too_many);
  g_test_add_func ("/vitrine/iiif/annotations/behavior-flags", test_behavior_flags);

  return g_test_run ();
}
