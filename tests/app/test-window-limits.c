/* test-window-limits.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app/vt-application.h"
#include "app/vt-canvas-strip-item.h"
#include "app/vt-window.h"
#include "vt-testbed.h"

/* What a document may send that the window must still draw sensibly: a
 * 1 MB title with no place to break it, in a manifest, its canvases and a
 * collection. The window title is capped, every label wraps or ellipsizes
 * to a bounded size, and nothing warns. A collection of many members lists
 * them a page at a time. Also: the memory-cache-size setting bounds the
 * canvas' tile cache. Public API only. */

/* Window titles are ellipsized to this many characters, plus "…". */
#define MAX_TITLE_CHARS 200
/* No label of a 1280 × 800 window is taller than this. */
#define MAX_LABEL_HEIGHT 400
/* Nor wider than this, even on one line where nothing limits it. */
#define MAX_LABEL_WIDTH 100000
#define LONG_LABEL_BYTES (1024 * 1024)
#define HUGE_COLLECTION 2000

typedef struct
{
  VtTestbed     *testbed;
  char          *dir;
  VtApplication *app;
  VtWindow      *window;
  GSettings     *settings;
  char          *long_label;
} Fixture;

static guint app_serial;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.LimitsTest%u", APP_ID, ++app_serial);
  GString *label;

  f->testbed = vt_testbed_start_or_skip ();
  if (f->testbed == NULL)
    return;

  f->dir = g_dir_make_tmp ("vitrine-limits-XXXXXX", &error);
  g_assert_no_error (error);

  /* Two-byte characters, so that a cut in the middle of one shows. */
  label = g_string_sized_new (LONG_LABEL_BYTES + 8);
  while (label->len < LONG_LABEL_BYTES)
    g_string_append (label, "Ä");
  f->long_label = g_string_free (label, FALSE);

  f->app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (BASE_APP_ID);

  f->window = vt_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->settings);
  g_clear_object (&f->app);
  if (f->dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

      (void) system (command);
      g_free (f->dir);
    }
  g_free (f->long_label);
  g_clear_pointer (&f->testbed, vt_testbed_free);
}

/* Writes @json into the fixture's folder and returns its URI. */
static char *
write_document (Fixture    *f,
                const char *name,
                const char *json)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  return g_filename_to_uri (path, NULL, NULL);
}

static void
open_and_wait (Fixture    *f,
               const char *input,
               const char *expected_state)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  vt_window_open_input (f->window, input);
  while (g_strcmp0 (vt_window_get_state_name (f->window), "loading") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (vt_window_get_state_name (f->window), ==, expected_state);
}

/* Lets the window lay out and draw what it shows now. */
static void
draw_frames (Fixture *f)
{
  for (guint i = 0; i < 5; i++)
    {
      gint64 until = g_get_monotonic_time () + 40 * 1000;

      gtk_widget_queue_draw (GTK_WIDGET (f->window));
      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
}

/* The window title: at most MAX_TITLE_CHARS characters of @full and "…",
 * valid UTF-8. */
static void
assert_title_capped (Fixture    *f,
                     const char *full)
{
  const char *title = gtk_window_get_title (GTK_WINDOW (f->window));
  g_autofree char *expected_start = g_utf8_substring (full, 0, 20);

  g_assert_nonnull (title);
  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (title, -1), <=, MAX_TITLE_CHARS + 1);
  g_assert_true (g_str_has_prefix (title, expected_start));
  g_assert_true (g_str_has_suffix (title, "…"));
}

/* Every label, row title and tooltip under @widget that shows @text (or
 * starts like it) takes a bounded height at the width it is given, and
 * every tooltip is capped. Returns how many labels were checked. */
static guint
check_labels (GtkWidget  *widget,
              const char *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  guint checked = 0;

  if (tooltip != NULL)
    g_assert_cmpuint (strlen (tooltip), <, 4096);

  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), "ÄÄÄÄ"))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      int width = MAX (gtk_widget_get_width (widget), 300);
      PangoRectangle ink, logical;
      int natural = 0;

      /* Pango's units overflow past 2^21 px: a line that long draws as a
       * bar from far left to far right, with a logical width of nothing. */
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      if (ink.x < -MAX_LABEL_WIDTH || ink.width > MAX_LABEL_WIDTH || logical.width <= 0)
        g_error ("A label of %zu bytes lays out as %d lines, ink from %d px, %d px wide, logical %d px wide",
                 strlen (gtk_label_get_text (GTK_LABEL (widget))), pango_layout_get_line_count (layout),
                 ink.x, ink.width, logical.width);

      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
      if (natural > MAX_LABEL_HEIGHT || gtk_widget_get_height (widget) > MAX_LABEL_HEIGHT)
        g_error ("A label of %zu bytes is %d px tall at %d px wide (allocated %d × %d)",
                 strlen (gtk_label_get_text (GTK_LABEL (widget))), natural, width,
                 gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      checked++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += check_labels (child, text);

  return checked;
}

static void
test_long_manifest_label (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autofree char *image = NULL;
  g_autofree char *json = NULL;
  g_autofree char *uri = NULL;
  g_auto(GStrv) recent = NULL;
  VtCanvasStrip *strip;

  if (f->testbed == NULL)
    return;

  image = vt_testbed_get_url (f->testbed, VT_TESTBED_STATIC_IMAGE);
  json = g_strdup_printf (
    "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
    "\"id\":\"https://example.org/long/manifest\",\"type\":\"Manifest\","
    "\"label\":{\"none\":[\"%s\"]},\"items\":["
    "{\"id\":\"https://example.org/long/c1\",\"type\":\"Canvas\",\"label\":{\"none\":[\"%s\"]},"
    "\"width\":1200,\"height\":800,\"items\":[{\"id\":\"https://example.org/long/p1\","
    "\"type\":\"AnnotationPage\",\"items\":[{\"id\":\"https://example.org/long/a1\","
    "\"type\":\"Annotation\",\"motivation\":\"painting\",\"target\":\"https://example.org/long/c1\","
    "\"body\":{\"id\":\"%s\",\"type\":\"Image\",\"format\":\"image/jpeg\",\"width\":1200,\"height\":800}}]}]},"
    "{\"id\":\"https://example.org/long/c2\",\"type\":\"Canvas\",\"label\":{\"none\":[\"%s\"]},"
    "\"width\":1200,\"height\":800,\"items\":[{\"id\":\"https://example.org/long/p2\","
    "\"type\":\"AnnotationPage\",\"items\":[{\"id\":\"https://example.org/long/a2\","
    "\"type\":\"Annotation\",\"motivation\":\"painting\",\"target\":\"https://example.org/long/c2\","
    "\"body\":{\"id\":\"%s\",\"type\":\"Image\",\"format\":\"image/jpeg\",\"width\":1200,\"height\":800}}]}]}"
    "]}",
    f->long_label, f->long_label, image, f->long_label, image);
  uri = write_document (f, "long.json", json);

  /* Any warning from here on (GTK's "allocating a negative size", Pango's,
   * ours) fails the test. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  open_and_wait (f, uri, "viewer");
  /* The model keeps the whole title; the window shows a bounded one. */
  g_assert_cmpstr (vt_viewing_get_title (vt_window_get_viewing (f->window)), ==, f->long_label);
  assert_title_capped (f, f->long_label);

  strip = vt_canvas_pane_get_strip (vt_window_get_canvas_pane (f->window));
  g_assert_nonnull (strip);
  draw_frames (f);

  /* The strip's tooltips, asked for on hover. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(VtCanvasStripItem) item = g_list_model_get_item (vt_canvas_strip_get_model (strip), i);
      g_autofree char *tooltip = vt_canvas_strip_item_dup_tooltip (item);

      g_assert_cmpuint (g_utf8_strlen (tooltip, -1), <=, 1001);
      g_assert_true (g_str_has_suffix (tooltip, "…"));
    }

  /* The sidebar's title, the strip's labels and tooltips. */
  g_assert_cmpuint (check_labels (GTK_WIDGET (f->window), f->long_label), >=, 1);

  /* The recent objects keep a bounded title too: the settings hold them. */
  recent = g_settings_get_strv (f->settings, "recent-objects");
  g_assert_nonnull (recent[0]);
  g_assert_cmpuint (strlen (recent[0]), <, 4096);
  g_assert_true (g_utf8_validate (recent[0], -1, NULL));

  /* Turning the page redraws the strip and the sidebar for canvas 2. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-canvas", NULL);
  draw_frames (f);
  check_labels (GTK_WIDGET (f->window), f->long_label);
}

static void
test_long_collection_labels (Fixture       *f,
                             gconstpointer  user_data)
{
  g_autofree char *json = NULL;
  g_autofree char *uri = NULL;

  if (f->testbed == NULL)
    return;

  json = g_strdup_printf (
    "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
    "\"id\":\"https://example.org/long/collection\",\"type\":\"Collection\","
    "\"label\":{\"none\":[\"%s\"]},\"items\":["
    "{\"id\":\"https://example.org/long/m1\",\"type\":\"Manifest\",\"label\":{\"none\":[\"%s\"]}},"
    "{\"id\":\"https://example.org/long/m2\",\"type\":\"Manifest\",\"label\":{\"none\":[\"short\"]}}"
    "]}",
    f->long_label, f->long_label);
  uri = write_document (f, "collection.json", json);

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  open_and_wait (f, uri, "collection");
  assert_title_capped (f, f->long_label);
  g_assert_cmpuint (vt_collection_page_get_n_members (vt_window_get_collection_page (f->window)), ==, 2);
  draw_frames (f);

  /* The page title and the member's row. */
  g_assert_cmpuint (check_labels (GTK_WIDGET (vt_window_get_collection_page (f->window)),
                                  f->long_label), >=, 2);
}

/* A collection of many members lists them a page at a time: making a row
 * for each of 100,000 froze the window for minutes. */
static void
test_huge_collection (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *uri = NULL;
  VtCollectionPage *page;
  guint n_rows = 0;

  if (f->testbed == NULL)
    return;

  g_string_append (json, "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
                         "\"id\":\"https://example.org/many\",\"type\":\"Collection\","
                         "\"label\":{\"en\":[\"Many\"]},\"items\":[");
  for (guint i = 0; i < HUGE_COLLECTION; i++)
    g_string_append_printf (json, "%s{\"id\":\"https://example.org/many/m%u\",\"type\":\"Manifest\","
                                  "\"label\":{\"en\":[\"Object %u\"]}}", i > 0 ? "," : "", i, i + 1);
  g_string_append (json, "]}");
  uri = write_document (f, "many.json", json->str);

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  open_and_wait (f, uri, "collection");
  draw_frames (f);
  page = vt_window_get_collection_page (f->window);
  g_assert_cmpuint (vt_collection_page_get_n_members (page), ==, HUGE_COLLECTION);
  g_assert_cmpuint (vt_collection_page_get_n_shown (page), ==, 200);

  /* Show More adds the next page of rows, and the last one ends. */
  g_assert_true (vt_collection_page_show_more (page));
  g_assert_cmpuint (vt_collection_page_get_n_shown (page), ==, 400);
  draw_frames (f);
  while (vt_collection_page_show_more (page))
    n_rows = vt_collection_page_get_n_shown (page);
  g_assert_cmpuint (n_rows, ==, HUGE_COLLECTION);
  g_assert_false (vt_collection_page_show_more (page));

  /* The rows open their members; the last row is the last member. */
  g_assert_true (vt_collection_page_activate (page, HUGE_COLLECTION - 1));
  g_assert_false (vt_collection_page_activate (page, HUGE_COLLECTION));
}

static void
test_memory_cache_setting (Fixture       *f,
                           gconstpointer  user_data)
{
  VtImageView *view;

  if (f->testbed == NULL)
    return;

  /* What the preferences say bounds the decoded tiles the canvas keeps. */
  view = vt_canvas_pane_get_image_view (vt_window_get_canvas_pane (f->window));
  g_assert_cmpuint (vt_image_view_get_cache_size (view), ==,
                    (guint64) g_settings_get_uint (f->settings, "memory-cache-size") * 1024 * 1024);
  g_settings_set_uint (f->settings, "memory-cache-size", 64);
  g_assert_cmpuint (vt_image_view_get_cache_size (view), ==, (guint64) 64 * 1024 * 1024);
  g_settings_set_uint (f->settings, "memory-cache-size", 1024);
  g_assert_cmpuint (vt_image_view_get_cache_size (view), ==, (guint64) 1024 * 1024 * 1024);
  g_settings_reset (f->settings, "memory-cache-size");
}


/* A megabyte of unbroken text as the summary and as a metadata value:
 * the sidebar shows a bounded text, marked as cut, without a warning or a
 * stall (before, text layout froze the window). */
static void
test_long_summary (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *image = NULL;
  g_autofree char *json = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *row = NULL;
  VtMetadataView *sidebar;

  if (f->testbed == NULL)
    return;

  /* Laying out megabytes of text under ASan takes minutes; the cut itself
   * is run there by the core's markup test. */
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("a sanitizer build: too slow to lay out a megabyte here");
  return;
#endif

  image = vt_testbed_get_url (f->testbed, VT_TESTBED_STATIC_IMAGE);
  json = g_strdup_printf (
    "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
    "\"id\":\"https://example.org/long/summary\",\"type\":\"Manifest\","
    "\"label\":{\"none\":[\"Long summary\"]},\"summary\":{\"none\":[\"%s\"]},"
    "\"metadata\":[{\"label\":{\"none\":[\"Notes\"]},\"value\":{\"none\":[\"<i>%s</i>\"]}}],"
    "\"items\":[{\"id\":\"https://example.org/long/c1\",\"type\":\"Canvas\","
    "\"width\":1200,\"height\":800,\"items\":[{\"id\":\"https://example.org/long/p1\","
    "\"type\":\"AnnotationPage\",\"items\":[{\"id\":\"https://example.org/long/a1\","
    "\"type\":\"Annotation\",\"motivation\":\"painting\",\"target\":\"https://example.org/long/c1\","
    "\"body\":{\"id\":\"%s\",\"type\":\"Image\",\"format\":\"image/jpeg\",\"width\":1200,\"height\":800}}]}]}]}",
    f->long_label, f->long_label, image);
  uri = write_document (f, "summary.json", json);

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  open_and_wait (f, uri, "viewer");
  draw_frames (f);

  sidebar = vt_window_get_metadata_view (f->window);
  summary = vt_metadata_view_get_summary_markup (sidebar);
  row = vt_metadata_view_get_row_markup (sidebar, "Notes");
  g_assert_nonnull (summary);
  g_assert_nonnull (row);
  g_assert_cmpuint (strlen (summary), <, 64 * 1024);
  g_assert_cmpuint (strlen (row), <, 64 * 1024);
  g_assert_nonnull (strstr (summary, "…"));
  g_assert_nonnull (strstr (row, "…"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/window-limits/memory-cache-setting", test_memory_cache_setting);
  ADD ("/vitrine/app/window-limits/long-manifest-label", test_long_manifest_label);
  ADD ("/vitrine/app/window-limits/long-collection-labels", test_long_collection_labels);
  ADD ("/vitrine/app/window-limits/huge-collection", test_huge_collection);
  ADD ("/vitrine/app/window-limits/long-summary", test_long_summary);
#undef ADD

  return g_test_run ();
}
