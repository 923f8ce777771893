/* test-book-layout.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which canvases go together on screen and where, from the behaviours and
 * viewing direction of books shaped like the IIIF Cookbook's recipes 0009
 * (simple book), 0010 (viewing direction), 0011 (paging variations) and
 * 0024 (table of contents). */

#include "config.h"

#include <string.h>

#include "iiif/vt-book-layout.h"
#include "vt-iiif-test-util.h"

/* A v3 book of @n canvases of @width × @height; @canvas_behavior[i], when
 * not NULL, is canvas i's behaviour. */
static VtIiifDocument *
make_book (const char  *behavior,
           const char  *direction,
           guint        n,
           const char **canvas_behavior,
           const gint  *widths)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  VtIiifDocument *doc;

  g_string_append (json, "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                         " \"id\": \"https://example.org/book/manifest.json\", \"type\": \"Manifest\","
                         " \"label\": {\"en\": [\"Book\"]},");
  if (behavior != NULL)
    g_string_append_printf (json, " \"behavior\": [\"%s\"],", behavior);
  if (direction != NULL)
    g_string_append_printf (json, " \"viewingDirection\": \"%s\",", direction);
  g_string_append (json, " \"items\": [");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"https://example.org/book/canvas/%u\", \"type\": \"Canvas\","
                                    " \"width\": %d, \"height\": 1500",
                              i > 0 ? ", " : "", i + 1, widths ? widths[i] : 1000);
      if (canvas_behavior != NULL && canvas_behavior[i] != NULL)
        g_string_append_printf (json, ", \"behavior\": [\"%s\"]", canvas_behavior[i]);
      g_string_append (json, "}");
    }
  g_string_append (json, "]}");

  doc = vt_test_parse_string (json->str, &error);
  g_assert_no_error (error);
  return doc;
}

/* The canvases (1-based, as a reader counts) of each view, in reading
 * order: "1|2,3|4,5". */
static char *
describe (VtBookLayout *layout)
{
  GString *out = g_string_new (NULL);

  for (guint v = 0; v < vt_book_layout_get_n_views (layout); v++)
    {
      const VtBookView *view = vt_book_layout_get_view (layout, v);

      if (v > 0)
        g_string_append_c (out, '|');
      for (guint i = 0; i < view->n_placements; i++)
        g_string_append_printf (out, "%s%u", i > 0 ? "," : "", view->placements[i].canvas + 1);
    }
  return g_string_free (out, FALSE);
}

/* 0009: no behaviour at all, one page at a time. */
static void
test_simple_book (void)
{
  g_autoptr(VtIiifDocument) doc = make_book (NULL, NULL, 5, NULL, NULL);
  g_autoptr(VtBookLayout) layout = vt_book_layout_new (doc->manifest, NULL);
  g_autofree char *text = describe (layout);
  guint canvas = 0;

  g_assert_cmpint (vt_book_layout_get_mode (layout), ==, VT_BOOK_MODE_INDIVIDUALS);
  g_assert_cmpstr (text, ==, "1|2|3|4|5");
  g_assert_true (vt_book_layout_step (layout, 2, 1, &canvas));
  g_assert_cmpuint (canvas, ==, 3);
  g_assert_false (vt_book_layout_step (layout, 4, 1, &canvas));
  g_assert_false (vt_book_layout_step (layout, 0, -1, &canvas));
}

/* 0011 "paged": the first page alone, then spreads; an odd last page
 * alone. Both pages of a spread at one height, side by side. */
static void
test_paged (void)
{
  const gint widths[] = { 1000, 1000, 500, 1000, 1000, 1000 };
  g_autoptr(VtIiifDocument) doc = make_book ("paged", NULL, 6, NULL, widths);
  g_autoptr(VtBookLayout) layout = vt_book_layout_new (doc->manifest, NULL);
  g_autofree char *text = describe (layout);
  const VtBookView *spread;
  guint canvas = 0, view = 0;

  g_assert_cmpint (vt_book_layout_get_mode (layout), ==, VT_BOOK_MODE_PAGED);
  g_assert_cmpstr (text, ==, "1|2,3|4,5|6");

  spread = vt_book_layout_get_view (layout, 1);
  g_assert_cmpfloat (spread->placements[0].x, ==, 0);
  g_assert_cmpfloat (spread->placements[0].width, ==, 1000);
  g_assert_cmpfloat (spread->placements[1].x, ==, 1000);
  g_assert_cmpfloat (spread->placements[1].width, ==, 500);
  g_assert_cmpfloat (spread->placements[1].height, ==, 1500);
  g_assert_cmpfloat (spread->width, ==, 1500);
  g_assert_cmpfloat (spread->height, ==, 1500);

  /* Turning pages moves by spreads, from either page of one. */
  g_assert_true (vt_book_layout_step (layout, 0, 1, &canvas));
  g_assert_cmpuint (canvas, ==, 1);
  g_assert_true (vt_book_layout_step (layout, 2, 1, &canvas));
  g_assert_cmpuint (canvas, ==, 3);
  g_assert_true (vt_book_layout_step (layout, 4, -1, &canvas));
  g_assert_cmpuint (canvas, ==, 1);
  g_assert_true (vt_book_layout_find_view (layout, 4, &view));
  g_assert_cmpuint (view, ==, 2);
  g_assert_cmpuint (vt_book_layout_get_view_first (layout, 2), ==, 3);
  g_assert_cmpuint (vt_book_layout_get_view_last (layout, 2), ==, 4);
}

/* A canvas of a whole opening ("facing-pages") stands alone, and the
 * page after it starts a new spread; "non-paged" canvases are out of the
 * page order altogether. */
static void
test_facing_and_non_paged (void)
{
  const char *behaviors[] = { NULL, NULL, "non-paged", NULL, "facing-pages", NULL, NULL, NULL };
  g_autoptr(VtIiifDocument) doc = make_book ("paged", NULL, 8, behaviors, NULL);
  g_autoptr(VtBookLayout) layout = vt_book_layout_new (doc->manifest, NULL);
  g_autofree char *text = describe (layout);
  guint canvas = 0;

  g_assert_cmpstr (text, ==, "1|2,4|5|6,7|8");
  g_assert_false (vt_book_layout_find_view (layout, 2, NULL));

  /* From the tissue shown by itself, the pages on either side. */
  g_assert_true (vt_book_layout_step (layout, 2, 1, &canvas));
  g_assert_cmpuint (canvas, ==, 4);
  g_assert_true (vt_book_layout_step (layout, 2, -1, &canvas));
  g_assert_cmpuint (canvas, ==, 1);
}

/* 0010 right-to-left: the first page of a spread is on the right. */
static void
test_right_to_left (void)
{
  const gint widths[] = { 1000, 800, 1000, 1000 };
  g_autoptr(VtIiifDocument) doc = make_book ("paged", "right-to-left", 4, NULL, widths);
  g_autoptr(VtBookLayout) layout = vt_book_layout_new (doc->manifest, NULL);
  g_autofree char *text = describe (layout);
  const VtBookView *spread;

  g_assert_cmpint (vt_book_layout_get_direction (layout), ==, VT_VIEWING_DIRECTION_RIGHT_TO_LEFT);
  g_assert_true (vt_book_layout_is_reversed (layout));
  g_assert_false (vt_book_layout_is_vertical (layout));
  g_assert_cmpstr (text, ==, "1|2,3|4");

  spread = vt_book_layout_get_view (layout, 1);
  g_assert_cmpuint (spread->placements[0].canvas, ==, 1);
  g_assert_cmpfloat (spread->placements[0].x, ==, 1000);
  g_assert_cmpfloat (spread->placements[0].width, ==, 800);
  g_assert_cmpuint (spread->placements[1].canvas, ==, 2);
  g_assert_cmpfloat (spread->placements[1].x, ==, 0);
  g_assert_cmpfloat (spread->width, ==, 1800);
}

/* 0010 top-to-bottom: a scroll read downwards, every canvas at the width
 * of the widest; bottom-to-top starts at the bottom. */
static void
test_vertical (void)
{
  const gint widths[] = { 1000, 500, 1000 };
  g_autoptr(VtIiifDocument) ttb = make_book ("continuous", "top-to-bottom", 3, NULL, widths);
  g_autoptr(VtIiifDocument) btt = make_book ("continuous", "bottom-to-top", 3, NULL, widths);
  g_autoptr(VtBookLayout) down = vt_book_layout_new (ttb->manifest, NULL);
  g_autoptr(VtBookLayout) up = vt_book_layout_new (btt->manifest, NULL);
  const VtBookView *view;

  g_assert_true (vt_book_layout_is_vertical (down));
  g_assert_false (vt_book_layout_is_reversed (down));
  g_assert_cmpuint (vt_book_layout_get_n_views (down), ==, 1);
  view = vt_book_layout_get_view (down, 0);
  g_assert_cmpuint (view->n_placements, ==, 3);
  g_assert_cmpfloat (view->width, ==, 1000);
  g_assert_cmpfloat (view->height, ==, 1500 + 3000 + 1500);
  g_assert_cmpfloat (view->placements[0].y, ==, 0);
  g_assert_cmpfloat (view->placements[1].y, ==, 1500);
  g_assert_cmpfloat (view->placements[1].height, ==, 3000);
  g_assert_cmpfloat (view->placements[2].y, ==, 4500);

  g_assert_true (vt_book_layout_is_reversed (up));
  view = vt_book_layout_get_view (up, 0);
  g_assert_cmpfloat (view->placements[0].y, ==, 4500);
  g_assert_cmpfloat (view->placements[2].y, ==, 0);
}

/* 0011 "continuous": a horizontal scroll joined at one height. */
static void
test_continuous (void)
{
  const gint widths[] = { 3000, 1500, 750 };
  g_autoptr(VtIiifDocument) doc = make_book ("continuous", NULL, 3, NULL, widths);
  g_autoptr(VtBookLayout) layout = vt_book_layout_new (doc->manifest, NULL);
  g_autofree char *text = describe (layout);
  const VtBookView *view = vt_book_layout_get_view (layout, 0);
  guint canvas = 0;

  g_assert_cmpint (vt_book_layout_get_mode (layout), ==, VT_BOOK_MODE_CONTINUOUS);
  g_assert_cmpstr (text, ==, "1,2,3");
  g_assert_cmpfloat (view->placements[1].x, ==, 3000);
  g_assert_cmpfloat (view->placements[2].x, ==, 4500);
  g_assert_cmpfloat (view->width, ==, 5250);
  g_assert_false (vt_book_layout_step (layout, 0, 1, &canvas));
  g_assert_null (vt_book_layout_get_view (layout, 1));
}

/* 0011 "individuals" and "unordered": one canvas a view, even in a
 * manifest that is otherwise a book. */
static void
test_individuals (void)
{
  g_autoptr(VtIiifDocument) doc = make_book ("individuals", "right-to-left", 4, NULL, NULL);
  g_autoptr(VtIiifDocument) unordered = make_book ("unordered", NULL, 3, NULL, NULL);
  g_autoptr(VtBookLayout) layout = vt_book_layout_new (doc->manifest, NULL);
  g_autoptr(VtBookLayout) other = vt_book_layout_new (unordered->manifest, NULL);
  g_autofree char *text = describe (layout);
  g_autofree char *other_text = describe (other);

  g_assert_cmpint (vt_book_layout_get_mode (layout), ==, VT_BOOK_MODE_INDIVIDUALS);
  g_assert_cmpstr (text, ==, "1|2|3|4");
  g_assert_cmpstr (other_text, ==, "1|2|3");
}

/* Canvases without a size still take a shape: the book's first known. */
static void
test_no_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc =
    vt_test_parse_string ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                          " \"id\": \"https://example.org/m\", \"type\": \"Manifest\", \"behavior\": [\"paged\"],"
                          " \"items\": [{\"id\": \"https://example.org/c1\", \"type\": \"Canvas\"},"
                          " {\"id\": \"https://example.org/c2\", \"type\": \"Canvas\", \"width\": 600, \"height\": 900},"
                          " {\"id\": \"https://example.org/c3\", \"type\": \"Canvas\"}]}", &error);
  g_autoptr(VtBookLayout) layout = NULL;
  const VtBookView *spread;

  g_assert_no_error (error);
  layout = vt_book_layout_new (doc->manifest, NULL);
  spread = vt_book_layout_get_view (layout, 1);
  g_assert_nonnull (spread);
  g_assert_cmpuint (spread->n_placements, ==, 2);
  g_assert_cmpfloat (spread->placements[1].width, ==, 600);
  g_assert_cmpfloat (spread->placements[1].height, ==, 900);
}

/* 0024-shaped ranges: "no-nav" and "thumbnail-nav" stay out of the table
 * of contents, "thumbnail-nav" ranges feed thumbnail navigation, and a
 * "sequence" range is another order of the same canvases, with its own
 * behaviour (each canvas named once). */
static void
test_ranges (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3-book-ranges.json");
  VtManifest *m = doc->manifest;
  g_autoptr(GPtrArray) sequences = vt_manifest_collect_ranges (m, VT_BEHAVIOR_SEQUENCE);
  g_autoptr(GPtrArray) thumbnails = vt_manifest_collect_ranges (m, VT_BEHAVIOR_THUMBNAIL_NAV);
  g_autoptr(GPtrArray) hidden = vt_manifest_collect_ranges (m, VT_BEHAVIOR_NO_NAV);
  g_autoptr(GArray) illustrations = NULL;
  g_autoptr(VtBookLayout) book = vt_book_layout_new (m, NULL);
  g_autoptr(VtBookLayout) bound = NULL;
  g_autofree char *book_text = describe (book);
  g_autofree char *bound_text = NULL;
  VtRange *toc = g_ptr_array_index (m->structures, 0);
  VtRangeItem *binding_item = g_ptr_array_index (toc->items, 1);
  guint canvas = 0;

  g_assert_cmpstr (book_text, ==, "1|2,3|4,5");

  g_assert_cmpuint (sequences->len, ==, 1);
  g_assert_cmpuint (thumbnails->len, ==, 1);
  g_assert_cmpuint (hidden->len, ==, 1);
  g_assert_true (hidden->pdata[0] == binding_item->range);
  g_assert_false (vt_range_is_navigable (binding_item->range));
  g_assert_false (vt_range_is_navigable (thumbnails->pdata[0]));
  g_assert_true (vt_range_is_navigable (toc));

  illustrations = vt_range_collect_canvases (thumbnails->pdata[0], m);
  g_assert_cmpuint (illustrations->len, ==, 2);
  g_assert_cmpuint (g_array_index (illustrations, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (illustrations, guint, 1), ==, 3);

  /* Thumbnail navigation through the illustrations: one at a time,
   * although the book is paged. */
  {
    g_autoptr(VtBookLayout) pictures = vt_book_layout_new (m, thumbnails->pdata[0]);
    g_autofree char *pictures_text = describe (pictures);

    g_assert_cmpstr (pictures_text, ==, "3|4");
  }

  bound = vt_book_layout_new (m, sequences->pdata[0]);
  bound_text = describe (bound);
  g_assert_cmpint (vt_book_layout_get_mode (bound), ==, VT_BOOK_MODE_INDIVIDUALS);
  g_assert_cmpstr (bound_text, ==, "1|4|3|2");
  g_assert_cmpuint (vt_book_layout_get_n_order (bound), ==, 4);
  g_assert_cmpuint (vt_book_layout_get_order_canvas (bound, 1), ==, 3);
  g_assert_true (vt_book_layout_step (bound, 3, 1, &canvas));
  g_assert_cmpuint (canvas, ==, 2);
  /* The back cover is not in that order: going on from it starts it. */
  g_assert_false (vt_book_layout_find_view (bound, 4, NULL));
  g_assert_true (vt_book_layout_step (bound, 4, 1, &canvas));
  g_assert_cmpuint (canvas, ==, 0);
  g_assert_false (vt_book_layout_step (bound, 4, -1, &canvas));
}

/* v2 structures link ranges by id; a range that lists itself must not
 * make either walk loop. */
static void
test_range_loop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc =
    vt_test_parse_string ("{\"@context\": \"http://iiif.io/api/presentation/2/context.json\","
                          " \"@id\": \"https://example.org/m\", \"@type\": \"sc:Manifest\", \"label\": \"x\","
                          " \"sequences\": [{\"@type\": \"sc:Sequence\", \"canvases\": ["
                          "  {\"@id\": \"https://example.org/c1\", \"@type\": \"sc:Canvas\", \"width\": 10, \"height\": 10}]}],"
                          " \"structures\": [{\"@id\": \"https://example.org/r1\", \"@type\": \"sc:Range\", \"label\": \"r\","
                          "  \"viewingHint\": \"top\", \"ranges\": [\"https://example.org/r1\"],"
                          "  \"canvases\": [\"https://example.org/c1\"]}]}", &error);
  g_autoptr(GPtrArray) tops = NULL;

  g_assert_no_error (error);
  tops = vt_manifest_collect_ranges (doc->manifest, VT_BEHAVIOR_TOP);
  g_assert_cmpuint (tops->len, <=, 1);
  for (guint i = 0; i < tops->len; i++)
    {
      g_autoptr(GArray) canvases = vt_range_collect_canvases (tops->pdata[i], doc->manifest);

      g_assert_cmpuint (canvases->len, ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/book-layout/simple", test_simple_book);
  g_test_add_func ("/vitrine/book-layout/paged", test_paged);
  g_test_add_func ("/vitrine/book-layout/facing-and-non-paged", test_facing_and_non_paged);
  g_test_add_func ("/vitrine/book-layout/right-to-left", test_right_to_left);
  g_test_add_func ("/vitrine/book-layout/vertical", test_vertical);
  g_test_add_func ("/vitrine/book-layout/continuous", test_continuous);
  g_test_add_func ("/vitrine/book-layout/individuals", test_individuals);
  g_test_add_func ("/vitrine/book-layout/no-size", test_no_size);
  g_test_add_func ("/vitrine/book-layout/ranges", test_ranges);
  g_test_add_func ("/vitrine/book-layout/range-loop", test_range_loop);

  return g_test_run ();
}
