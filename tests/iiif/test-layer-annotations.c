/* test-layer-annotations.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vt-iiif-test-util.h"

/* Annotations of one painted image (IIIF Cookbook 0326, "annotating an
 * image layer"): kept on the image they come with, their targets in its
 * pixels and mapped to the canvas through where it is painted. */

static VtCanvas *
first_canvas (VtIiifDocument *doc)
{
  g_assert_nonnull (doc->manifest);
  g_assert_cmpuint (doc->manifest->canvases->len, >, 0);
  return g_ptr_array_index (doc->manifest->canvases, 0);
}

static VtAnnotation *
layer_annotation (VtContentResource *body,
                  guint              page,
                  guint              index)
{
  VtAnnotationPage *p;

  g_assert_nonnull (body->annotation_pages);
  g_assert_cmpuint (page, <, body->annotation_pages->len);
  p = g_ptr_array_index (body->annotation_pages, page);
  g_assert_true (p->loaded);
  g_assert_cmpuint (index, <, p->items->len);
  return g_ptr_array_index (p->items, index);
}

static void
assert_rect (const VtRect *rect,
             gint64        x,
             gint64        y,
             gint64        width,
             gint64        height)
{
  g_assert_cmpint (rect->x, ==, x);
  g_assert_cmpint (rect->y, ==, y);
  g_assert_cmpint (rect->width, ==, width);
  g_assert_cmpint (rect->height, ==, height);
}

static void
test_parse_and_map (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("layer-annotations.json");
  VtCanvas *canvas = first_canvas (doc);
  VtPaintingAnnotation *choice, *detail;
  VtContentResource *visible, *infrared, *seal_image;
  VtAnnotation *tag, *fragment, *seal;
  VtRect rect;

  g_assert_cmpuint (canvas->annotations->len, ==, 2);
  choice = g_ptr_array_index (canvas->annotations, 0);
  g_assert_true (choice->is_choice);
  g_assert_cmpuint (choice->bodies->len, ==, 2);
  visible = g_ptr_array_index (choice->bodies, 0);
  infrared = g_ptr_array_index (choice->bodies, 1);

  /* Only the option that has them; the canvas's own pages stay empty. */
  g_assert_null (visible->annotation_pages);
  g_assert_cmpuint (canvas->annotation_pages->len, ==, 0);
  g_assert_cmpuint (infrared->annotation_pages->len, ==, 1);
  tag = layer_annotation (infrared, 0, 0);
  g_assert_cmpstr (tag->id, ==, "https://example.org/iiif/layer-tags/annotation/underdrawing");
  g_assert_true (vt_annotation_has_motivation (tag, "tagging"));
  g_assert_cmpstr (vt_annotation_get_target (tag)->source, ==, "https://example.org/images/infrared");

  /* Image pixels (4000 × 3200) onto the canvas (1000 × 800): a quarter. */
  g_assert_true (vt_painting_annotation_map_target (choice, infrared, canvas->width, canvas->height,
                                                    vt_annotation_get_target (tag), &rect));
  assert_rect (&rect, 200, 100, 300, 150);
  {
    g_autoptr(VtAnnotationTarget) on_canvas =
      vt_painting_annotation_dup_canvas_target (choice, infrared, canvas, vt_annotation_get_target (tag));
    VtRect again;

    /* As a target of the canvas, in its pixels. */
    g_assert_nonnull (on_canvas);
    g_assert_cmpstr (on_canvas->source, ==, canvas->id);
    g_assert_true (vt_annotation_target_get_rect (on_canvas, canvas->width, canvas->height, &again));
    assert_rect (&again, 200, 100, 300, 150);
    g_assert_null (vt_painting_annotation_dup_canvas_target (choice, visible, canvas, vt_annotation_get_target (tag)));
  }

  /* A FragmentSelector on the image's own id, at its corner. */
  fragment = layer_annotation (infrared, 0, 1);
  g_assert_true (vt_painting_annotation_map_target (choice, infrared, canvas->width, canvas->height,
                                                    vt_annotation_get_target (fragment), &rect));
  assert_rect (&rect, 900, 700, 100, 100);

  /* Not the other option's pixels: the target names the infrared. */
  g_assert_false (vt_painting_annotation_map_target (choice, visible, canvas->width, canvas->height,
                                                     vt_annotation_get_target (tag), &rect));

  /* An image painted on a region of the canvas, its service named by its
   * info.json (and the service id with a final slash): 400 px onto 200. */
  detail = g_ptr_array_index (canvas->annotations, 1);
  g_assert_true (detail->has_target);
  seal_image = vt_painting_annotation_get_body (detail);
  seal = layer_annotation (seal_image, 0, 0);
  g_assert_true (vt_painting_annotation_map_target (detail, seal_image, canvas->width, canvas->height,
                                                    vt_annotation_get_target (seal), &rect));
  assert_rect (&rect, 650, 450, 100, 50);
}

/* The 0326 shape itself: X-ray pixels are canvas pixels. */
static void
test_cookbook_shape (void)
{
  static const char json[] =
    "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"https://e.org/m\",\"type\":\"Manifest\","
    "\"label\":{\"en\":[\"x\"]},\"items\":[{\"id\":\"https://e.org/c\",\"type\":\"Canvas\",\"height\":1271,\"width\":2000,"
    "\"items\":[{\"id\":\"https://e.org/p\",\"type\":\"AnnotationPage\",\"items\":[{\"id\":\"https://e.org/a\","
    "\"type\":\"Annotation\",\"motivation\":\"painting\",\"body\":{\"type\":\"Choice\",\"items\":["
    "{\"id\":\"https://e.org/n/full/max/0/default.jpg\",\"type\":\"Image\",\"height\":1271,\"width\":2000,"
    "\"service\":[{\"id\":\"https://e.org/n\",\"type\":\"ImageService3\",\"profile\":\"level1\"}]},"
    "{\"id\":\"https://e.org/x/full/2000,1271/0/default.jpg\",\"type\":\"Image\",\"label\":{\"en\":[\"X-ray\"]},"
    "\"height\":1271,\"width\":2000,"
    "\"service\":[{\"id\":\"https://e.org/x\",\"type\":\"ImageService3\",\"profile\":\"level1\"}],"
    "\"annotations\":[{\"id\":\"https://e.org/p2\",\"type\":\"AnnotationPage\",\"items\":[{\"id\":\"https://e.org/tag\","
    "\"type\":\"Annotation\",\"motivation\":\"tagging\",\"body\":{\"type\":\"TextualBody\",\"value\":\"A group of skulls.\","
    "\"language\":\"en\",\"format\":\"text/plain\"},\"target\":{\"type\":\"SpecificResource\",\"source\":\"https://e.org/x\","
    "\"selector\":{\"type\":\"ImageApiSelector\",\"region\":\"810,900,260,370\",\"size\":\"2000,1271\"}}}]}]}]},"
    "\"target\":\"https://e.org/c\"}]}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = vt_test_parse_string (json, &error);
  VtCanvas *canvas;
  VtPaintingAnnotation *choice;
  VtContentResource *xray;
  VtRect rect;

  g_assert_no_error (error);
  canvas = first_canvas (doc);
  choice = g_ptr_array_index (canvas->annotations, 0);
  xray = g_ptr_array_index (choice->bodies, 1);
  g_assert_true (vt_painting_annotation_map_target (choice, xray, canvas->width, canvas->height,
                                                    vt_annotation_get_target (layer_annotation (xray, 0, 0)),
                                                    &rect));
  assert_rect (&rect, 810, 900, 260, 370);
}

static VtIiifDocument *
parse_with_option (const char *option,
                   const char *canvas_target)
{
  g_autofree char *json =
    g_strdup_printf ("{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"https://e.org/m\","
                     "\"type\":\"Manifest\",\"label\":{\"en\":[\"x\"]},\"items\":[{\"id\":\"https://e.org/c\","
                     "\"type\":\"Canvas\",\"height\":1000,\"width\":1000,\"items\":[{\"id\":\"https://e.org/p\","
                     "\"type\":\"AnnotationPage\",\"items\":[{\"id\":\"https://e.org/a\",\"type\":\"Annotation\","
                     "\"motivation\":\"painting\",\"body\":{\"type\":\"Choice\",\"items\":[%s]},"
                     "\"target\":\"%s\"}]}]}]}", option, canvas_target);
  g_autoptr(GError) error = NULL;
  VtIiifDocument *doc = vt_test_parse_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

#define TAGGED(SIZE, SOURCE, SELECTOR)                                                         \
  "{\"id\":\"https://e.org/x/full/max/0/default.jpg\",\"type\":\"Image\"" SIZE ","             \
  "\"service\":[{\"id\":\"https://e.org/x\",\"type\":\"ImageService3\",\"profile\":\"level1\"}]," \
  "\"annotations\":[{\"type\":\"AnnotationPage\",\"id\":\"https://e.org/p2\",\"items\":[{\"type\":\"Annotation\"," \
  "\"id\":\"https://e.org/t\",\"motivation\":\"tagging\",\"body\":{\"type\":\"TextualBody\",\"value\":\"t\"}," \
  "\"target\":{\"type\":\"SpecificResource\",\"source\":\"" SOURCE "\",\"selector\":" SELECTOR "}}]}]}"

/* Maps the one annotation of the first option; FALSE when it is not
 * placed. */
static gboolean
map_first (VtIiifDocument *doc,
           VtRect         *rect)
{
  VtCanvas *canvas = first_canvas (doc);
  VtPaintingAnnotation *painting = g_ptr_array_index (canvas->annotations, 0);
  VtContentResource *image = g_ptr_array_index (painting->bodies, 0);

  /* Whatever its values, the annotation is kept (and listed). */
  return vt_painting_annotation_map_target (painting, image, canvas->width, canvas->height,
                                            vt_annotation_get_target (layer_annotation (image, 0, 0)), rect);
}

static void
test_hostile (void)
{
  VtRect rect;

  /* A region far larger than the image: cut to the image painted. */
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/x",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"1000,1000,2000000000,2000000000\"}"),
                         "https://e.org/c");
    g_assert_true (map_first (doc, &rect));
    assert_rect (&rect, 500, 500, 500, 500);
  }
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/x",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"-5000,-5000,6000,6000\"}"),
                         "https://e.org/c");
    /* Not an Image API region: not placed (nor the whole image). */
    g_assert_false (map_first (doc, &rect));
  }
  /* Beyond any image's size: no region at all. */
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/x",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"1000,1000,999999999999,1e308\"}"),
                         "https://e.org/c");
    g_assert_false (map_first (doc, &rect));
  }
  /* Wholly outside the image: nowhere on the canvas. */
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/x",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"90000000,10,10,10\"}"),
                         "https://e.org/c");
    g_assert_false (map_first (doc, &rect));
  }
  /* No image size to scale by. */
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED ("", "https://e.org/x",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"10,10,10,10\"}"),
                         "https://e.org/c");
    g_assert_false (map_first (doc, &rect));
  }
  /* An invalid size is dropped: the same. */
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":-5,\"height\":1e300", "https://e.org/x",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"10,10,10,10\"}"),
                         "https://e.org/c");
    g_assert_false (map_first (doc, &rect));
  }
  /* Another image's service, or the canvas: not this image's pixels. */
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/other",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"10,10,10,10\"}"),
                         "https://e.org/c");
    g_assert_false (map_first (doc, &rect));
  }
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/c",
                                 "{\"type\":\"FragmentSelector\",\"value\":\"xywh=10,10,10,10\"}"),
                         "https://e.org/c");
    g_assert_false (map_first (doc, &rect));
  }
  /* A prefix of the service id is another resource. */
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"10,10,10,10\"}"),
                         "https://e.org/c");
    g_assert_false (map_first (doc, &rect));
  }
  /* A shape alone has no region; "full" is the whole image painted. */
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/x",
                                 "{\"type\":\"SvgSelector\",\"value\":\"<svg/>\"}"),
                         "https://e.org/c");
    g_assert_false (map_first (doc, &rect));
  }
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/x",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"full\"}"),
                         "https://e.org/c#xywh=100,100,400,200");
    g_assert_true (map_first (doc, &rect));
    assert_rect (&rect, 100, 100, 400, 200);
  }
  /* Per cent of the image. */
  {
    g_autoptr(VtIiifDocument) doc =
      parse_with_option (TAGGED (",\"width\":2000,\"height\":2000", "https://e.org/x",
                                 "{\"type\":\"ImageApiSelector\",\"region\":\"pct:50,50,50,50\"}"),
                         "https://e.org/c");
    g_assert_true (map_first (doc, &rect));
    assert_rect (&rect, 500, 500, 500, 500);
  }
}

/* An image's annotations count against its canvas's. */
static void
test_budget (void)
{
  g_autoptr(GString) items = g_string_new (NULL);
  g_autoptr(GString) option = g_string_new (NULL);
  g_autoptr(VtIiifDocument) doc = NULL;
  VtCanvas *canvas;
  VtPaintingAnnotation *painting;
  VtContentResource *image;
  VtAnnotationPage *page;
  guint n = VT_IIIF_MAX_ANNOTATIONS + 50;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (items, "%s{\"type\":\"Annotation\",\"motivation\":\"tagging\","
                            "\"body\":{\"type\":\"TextualBody\",\"value\":\"t\"},\"target\":\"https://e.org/x\"}",
                            i > 0 ? "," : "");
  g_string_printf (option, "{\"id\":\"https://e.org/x\",\"type\":\"Image\",\"width\":10,\"height\":10,"
                   "\"annotations\":[{\"type\":\"AnnotationPage\",\"id\":\"https://e.org/p2\",\"items\":[%s]}]}",
                   items->str);
  doc = parse_with_option (option->str, "https://e.org/c");
  canvas = first_canvas (doc);
  painting = g_ptr_array_index (canvas->annotations, 0);
  image = g_ptr_array_index (painting->bodies, 0);
  page = g_ptr_array_index (image->annotation_pages, 0);
  g_assert_cmpuint (page->items->len, <=, VT_IIIF_MAX_ANNOTATIONS);
  g_assert_cmpuint (page->items->len, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/layer-annotations/parse-and-map", test_parse_and_map);
  g_test_add_func ("/vitrine/iiif/layer-annotations/cookbook-shape", test_cookbook_shape);
  g_test_add_func ("/vitrine/iiif/layer-annotations/hostile", test_hostile);
  g_test_add_func ("/vitrine/iiif/layer-annotations/budget", test_budget);

  return g_test_run ();
}
