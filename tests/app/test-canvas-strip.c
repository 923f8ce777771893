/* test-canvas-strip.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <gtk/gtk.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <stdlib.h>

#include "app/vt-canvas-strip.h"
#include "app/vt-canvas-strip-item.h"
#include "app/vt-canvas-toc.h"
#include "app/vt-thumbnail-loader.h"
#include "app/vt-toc-entry.h"
#include "iiif/vt-iiif-document.h"
#include "vt-testbed.h"

static gboolean have_display;

#define REQUIRE_DISPLAY()                                   \
  G_STMT_START {                                            \
    if (!have_display)                                      \
      {                                                     \
        g_test_skip ("No display (gtk_init_check failed)"); \
        return;                                             \
      }                                                     \
  } G_STMT_END

/* A guard against hangs only: every wait ends as soon as its condition
 * holds, and a load either finishes or fails well within this. */
#define WAIT_LIMIT_S 60

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_limit_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (Condition condition,
          gpointer  data)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (WAIT_LIMIT_S, wait_limit_cb, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  g_assert_false (expired);
}

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static VtManifest *
load_manifest (const char *name,
               const char *base,
               const char *fault)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "data", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(GString) text = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  text = g_string_new_len (contents, len);
  g_free (contents);
  if (base != NULL)
    g_string_replace (text, "@BASE@", base, 0);
  if (fault != NULL)
    g_string_replace (text, "@FAULT@", fault, 0);

  doc = vt_iiif_document_parse (g_bytes_new (text->str, text->len), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_nonnull (doc->manifest);
  return vt_manifest_ref (doc->manifest);
}

typedef struct
{
  VtTestbed     *testbed;
  char          *cache_dir;
  VtClient      *client;
  GtkWidget     *window;
  VtCanvasStrip *strip;
  GArray        *activated;
} Fixture;

static void
activated_cb (VtCanvasStrip *strip,
              guint          index,
              Fixture       *f)
{
  g_array_append_val (f->activated, index);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;

  f->cache_dir = g_dir_make_tmp ("vitrine-strip-XXXXXX", &error);
  g_assert_no_error (error);
  f->client = vt_client_new (f->cache_dir);
  f->activated = g_array_new (FALSE, FALSE, sizeof (guint));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 200);
  f->strip = VT_CANVAS_STRIP (vt_canvas_strip_new (f->client));
  g_signal_connect (f->strip, "canvas-activated", G_CALLBACK (activated_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->strip));
  gtk_window_present (GTK_WINDOW (f->window));
  flush ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
      g_autofree char *child_path = g_file_get_path (child);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child_path);
      else
        g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (dir, NULL, NULL);
}

static gboolean
client_gone (gpointer data)
{
  Fixture *f = data;

  return f->client == NULL;
}

/* VT_TEST_HOLD=SECONDS keeps each window on screen that long before it
 * closes, to look at it (e.g. with `import -window root`). */
static void
hold_for_looking (void)
{
  const char *hold = g_getenv ("VT_TEST_HOLD");
  gboolean expired = FALSE;

  if (hold == NULL)
    return;
  g_timeout_add_seconds (MAX (1, atoi (hold)), wait_limit_cb, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hold_for_looking ();
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  flush ();
  if (f->client != NULL)
    {
      /* Cancelled loads hold the client until their callbacks have run. */
      g_object_add_weak_pointer (G_OBJECT (f->client), (gpointer *) &f->client);
      g_object_unref (f->client);
      wait_for (client_gone, f);
    }
  g_clear_pointer (&f->testbed, vt_testbed_free);
  g_clear_pointer (&f->activated, g_array_unref);
  if (f->cache_dir != NULL)
    remove_tree (f->cache_dir);
  g_clear_pointer (&f->cache_dir, g_free);
}

static VtCanvasStripItem *
get_item (Fixture *f,
          guint    index)
{
  GListModel *model = vt_canvas_strip_get_model (f->strip);
  g_autoptr(VtCanvasStripItem) item = g_list_model_get_item (model, index);

  /* The model keeps its own reference. */
  return item;
}

static gboolean
all_settled (gpointer data)
{
  Fixture *f = data;
  GListModel *model = vt_canvas_strip_get_model (f->strip);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      VtThumbnailState state = vt_canvas_strip_item_get_state (get_item (f, i));

      if (state != VT_THUMBNAIL_STATE_LOADED && state != VT_THUMBNAIL_STATE_FAILED)
        return FALSE;
    }
  return TRUE;
}

static void
assert_texture_size (VtCanvasStripItem *item,
                     int                width,
                     int                height)
{
  GdkTexture *texture = vt_canvas_strip_item_get_texture (item);

  g_assert_cmpint (vt_canvas_strip_item_get_state (item), ==, VT_THUMBNAIL_STATE_LOADED);
  g_assert_nonnull (texture);
  /* Servers and shrinkers round either way. */
  g_assert_cmpint (ABS (gdk_texture_get_width (texture) - width), <=, 1);
  g_assert_cmpint (ABS (gdk_texture_get_height (texture) - height), <=, 1);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  /* Not into the table of contents' popover. */
  if (GTK_IS_POPOVER (widget))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row widget whose label shows @label, searched among the bound rows:
 * a box with a tooltip, its label last. */
static GtkWidget *
find_row_by_label (GtkWidget  *widget,
                   const char *label)
{
  GtkWidget *last = gtk_widget_get_last_child (widget);

  if (GTK_IS_BOX (widget) && gtk_widget_get_has_tooltip (widget) && GTK_IS_LABEL (last) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (last)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_by_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_accessible_label (Fixture    *f,
                         const char *shown,
                         const char *label)
{
  GtkWidget *list_view = find_descendant (GTK_WIDGET (f->strip), GTK_TYPE_LIST_VIEW);
  GtkWidget *row = find_row_by_label (list_view, shown);
  g_autofree char *mismatch = NULL;

  g_assert_nonnull (row);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (mismatch != NULL)
    g_error ("accessible label of %s: %s", shown, mismatch);
}

static gboolean
start_testbed (Fixture *f)
{
  f->testbed = vt_testbed_start_or_skip ();
  return f->testbed != NULL;
}

/* Pure helpers ---------------------------------------------------------- */

static void
test_file_name_labels (void)
{
  g_assert_true (vt_canvas_label_looks_like_file_name ("60dc1dc217d1ee211f421f4b3de4eab8-transcode-0710.jpg"));
  g_assert_true (vt_canvas_label_looks_like_file_name ("b41f0e9d-2011-0075_0-2$2.JPG"));
  g_assert_true (vt_canvas_label_looks_like_file_name ("scan_0001.tif"));
  g_assert_false (vt_canvas_label_looks_like_file_name ("f. 1r"));
  g_assert_false (vt_canvas_label_looks_like_file_name ("Achterkant"));
  g_assert_false (vt_canvas_label_looks_like_file_name ("Foto van de voorkant.jpg"));
  g_assert_false (vt_canvas_label_looks_like_file_name (".jpg"));
  g_assert_false (vt_canvas_label_looks_like_file_name (""));
  g_assert_false (vt_canvas_label_looks_like_file_name (NULL));
}

static VtTilePyramid *
pyramid_from_info (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImageService) service = NULL;

  service = vt_image_service_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  return vt_tile_pyramid_new (service);
}

static void
test_choose_level (void)
{
  g_autoptr(VtTilePyramid) tiles = NULL;
  g_autoptr(VtTilePyramid) sizes = NULL;
  g_autoptr(VtTilePyramid) huge = NULL;
  const VtTileLevel *level;
  g_autofree char *url = NULL;
  int index;

  /* The test bed's level 0 set: at scale 16 two tiles (375 × 250). */
  tiles = pyramid_from_info ("{\"@context\": \"http://iiif.io/api/image/2/context.json\","
                             " \"@id\": \"https://example.org/l0\","
                             " \"profile\": [\"http://iiif.io/api/image/2/level0.json\"],"
                             " \"width\": 6000, \"height\": 4000,"
                             " \"tiles\": [{\"width\": 256, \"scaleFactors\": [1, 2, 4, 8, 16]}]}");
  index = vt_thumbnail_choose_level (tiles, 120);
  g_assert_cmpint (index, >=, 0);
  level = vt_tile_pyramid_get_level (tiles, index);
  g_assert_cmpint (level->width, ==, 375);
  g_assert_cmpint (level->columns * level->rows, ==, 2);

  /* Sizes: the smallest at least as large as asked. */
  sizes = pyramid_from_info ("{\"@context\": \"http://iiif.io/api/image/3/context.json\","
                             " \"id\": \"https://example.org/s\", \"type\": \"ImageService3\","
                             " \"profile\": \"level0\", \"width\": 4000, \"height\": 3000,"
                             " \"sizes\": [{\"width\": 100, \"height\": 75},"
                             "             {\"width\": 500, \"height\": 375},"
                             "             {\"width\": 1000, \"height\": 750}]}");
  index = vt_thumbnail_choose_level (sizes, 240);
  g_assert_cmpint (index, >=, 0);
  level = vt_tile_pyramid_get_level (sizes, index);
  g_assert_cmpint (level->width, ==, 500);
  url = vt_tile_pyramid_dup_tile_url (sizes, index, 0, 0);
  g_assert_cmpstr (url, ==, "https://example.org/s/full/500,375/0/default.jpg");

  /* Nothing small: no sizes, no tiles, a 40000 px image. */
  huge = pyramid_from_info ("{\"@context\": \"http://iiif.io/api/image/2/context.json\","
                            " \"@id\": \"https://example.org/h\","
                            " \"profile\": [\"http://iiif.io/api/image/2/level0.json\"],"
                            " \"width\": 40000, \"height\": 30000}");
  g_assert_cmpint (vt_thumbnail_choose_level (huge, 120), ==, -1);
}

/* With the test bed -------------------------------------------------------- */

static void
test_two_canvases (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_autofree char *tooltip = NULL;
  VtCanvasStripItem *item;

  REQUIRE_DISPLAY ();
  if (!start_testbed (f))
    return;

  manifest = load_manifest ("strip-two-canvases-v2.json", vt_testbed_get_base_url (f->testbed), NULL);
  vt_canvas_strip_set_manifest (f->strip, manifest);
  g_assert_cmpuint (g_list_model_get_n_items (vt_canvas_strip_get_model (f->strip)), ==, 2);
  g_assert_cmpuint (vt_canvas_strip_get_selected (f->strip), ==, GTK_INVALID_LIST_POSITION);
  /* No ranges: no table of contents. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (vt_canvas_strip_get_toc (f->strip))));

  wait_for (all_settled, f);

  /* File-name labels show as page numbers; the tooltip keeps the name. */
  item = get_item (f, 0);
  g_assert_cmpstr (vt_canvas_strip_item_get_label (item), ==, "1");
  g_assert_cmpstr (vt_canvas_strip_item_get_title (item), ==,
                   "0a1b2c3d4e5f60718293a4b5c6d7e8f9-transcode-2099-0002_0-2$1.jpg");
  tooltip = vt_canvas_strip_item_dup_tooltip (item);
  g_assert_cmpstr (tooltip, ==, "0a1b2c3d4e5f60718293a4b5c6d7e8f9-transcode-2099-0002_0-2$1.jpg");
  assert_texture_size (item, 120, 90);

  item = get_item (f, 1);
  g_assert_cmpstr (vt_canvas_strip_item_get_label (item), ==, "2");
  assert_texture_size (item, 90, 120);

  /* A file name is not read out. */
  assert_accessible_label (f, "1", "Page 1");

  /* Nothing was picked by loading. */
  g_assert_cmpuint (f->activated->len, ==, 0);
}

static void
test_sources (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VtManifest) manifest = NULL;
  VtCanvasStripItem *item;

  REQUIRE_DISPLAY ();
  if (!start_testbed (f))
    return;

  manifest = load_manifest ("strip-sources-v2.json", vt_testbed_get_base_url (f->testbed), NULL);
  vt_canvas_strip_set_manifest (f->strip, manifest);
  wait_for (all_settled, f);

  /* Level 0: two tiles of the coarsest level, joined and shrunk. */
  assert_texture_size (get_item (f, 0), 120, 80);
  /* A static image without a service. */
  assert_texture_size (get_item (f, 1), 120, 80);
  /* The canvas thumbnail (90 × 120 as published). */
  item = get_item (f, 2);
  assert_texture_size (item, 90, 120);
  g_assert_cmpstr (vt_canvas_strip_item_get_label (item), ==, "Achterkant");

  /* What a screen reader says. */
  assert_accessible_label (f, "Achterkant", "Page 3: Achterkant");
  assert_accessible_label (f, "Static image", "Page 2: Static image");

  vt_canvas_strip_set_selected (f->strip, 2);
  g_assert_cmpuint (vt_canvas_strip_get_selected (f->strip), ==, 2);
  g_assert_cmpuint (f->activated->len, ==, 0);
}

static void
test_select (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VtManifest) manifest = NULL;
  GtkWidget *list_view;
  GtkSelectionModel *model;

  REQUIRE_DISPLAY ();
  if (!start_testbed (f))
    return;

  manifest = load_manifest ("strip-two-canvases-v2.json", vt_testbed_get_base_url (f->testbed), NULL);
  vt_canvas_strip_set_manifest (f->strip, manifest);
  flush ();

  /* The window's choice: no signal. */
  vt_canvas_strip_set_selected (f->strip, 0);
  g_assert_cmpuint (vt_canvas_strip_get_selected (f->strip), ==, 0);
  vt_canvas_strip_set_selected (f->strip, 7);
  g_assert_cmpuint (vt_canvas_strip_get_selected (f->strip), ==, GTK_INVALID_LIST_POSITION);
  vt_canvas_strip_set_selected (f->strip, 0);
  g_assert_cmpuint (f->activated->len, ==, 0);

  /* A click selects through the list's model. */
  list_view = find_descendant (GTK_WIDGET (f->strip), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  gtk_selection_model_select_item (model, 1, TRUE);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->activated, guint, 0), ==, 1);
  g_assert_cmpuint (vt_canvas_strip_get_selected (f->strip), ==, 1);

  /* Enter on the selected thumbnail changes nothing; on another picks it. */
  g_signal_emit_by_name (list_view, "activate", 1);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpuint (f->activated->len, ==, 2);
  g_assert_cmpuint (g_array_index (f->activated, guint, 1), ==, 0);

  /* The keyboard: End moves the cursor and the selection to the last page. */
  gtk_widget_grab_focus (list_view);
  flush ();
  gtk_widget_activate_action (list_view, "list.select-item", "(ubb)", 1, FALSE, FALSE);
  g_assert_cmpuint (f->activated->len, ==, 3);
  g_assert_cmpuint (g_array_index (f->activated, guint, 2), ==, 1);

  /* A new manifest starts with nothing selected, silently. */
  vt_canvas_strip_set_manifest (f->strip, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (vt_canvas_strip_get_model (f->strip)), ==, 0);
  g_assert_cmpuint (vt_canvas_strip_get_selected (f->strip), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (f->activated->len, ==, 3);
}

/* What the in-process server was asked for, by path. */
static GHashTable *fault_hits;

/* A level 0 Image API 3 service of 600 × 400 with one listed size, for
 * counting its info.json requests. */
#define SHARED_INFO \
  "{\"@context\": \"http://iiif.io/api/image/3/context.json\", \"id\": \"%s/shared\"," \
  " \"type\": \"ImageService3\", \"profile\": \"level0\", \"width\": 600, \"height\": 400," \
  " \"sizes\": [{\"width\": 150, \"height\": 100}]}"

static GBytes *
new_png (int width,
         int height)
{
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *data = g_malloc (width * height * 3);

  for (int i = 0; i < width * height * 3; i++)
    data[i] = (guchar) (i * 7);
  pixels = g_bytes_new_take (data, width * height * 3);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, pixels, width * 3);
  return gdk_texture_save_to_png_bytes (texture);
}

static gboolean
unpause_cb (gpointer data)
{
  soup_server_message_unpause (data);
  return G_SOURCE_REMOVE;
}

/* Faults: an in-process server answering badly. */
static void
fault_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  static const char html[] = "<!DOCTYPE html><html><body><form>Log in</form></body></html>";
  /* A JPEG cut after its header. */
  static const guchar truncated[] = {
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00,
    0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x08,
  };

  if (fault_hits != NULL)
    g_hash_table_insert (fault_hits, g_strdup (path),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (fault_hits, path)) + 1));

  if (g_str_equal (path, "/shared/info.json"))
    {
      GUri *uri = soup_server_message_get_uri (msg);
      g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
      g_autofree char *body = g_strdup_printf (SHARED_INFO, base);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/ld+json", SOUP_MEMORY_COPY, body, strlen (body));
      /* Slow, so that the thumbnails ask while the canvas waits. */
      soup_server_message_pause (msg);
      g_timeout_add_full (G_PRIORITY_DEFAULT, 300, unpause_cb, g_object_ref (msg), g_object_unref);
    }
  else if (g_str_equal (path, "/shared/full/150,100/0/default.jpg"))
    {
      g_autoptr(GBytes) png = new_png (150, 100);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (png, NULL), g_bytes_get_size (png));
    }
  else if (g_str_equal (path, "/login.html"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, html, strlen (html));
    }
  else if (g_str_has_prefix (path, "/iiif/truncated/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_STATIC,
                                        (const char *) truncated, sizeof truncated);
    }
  else if (g_str_equal (path, "/slow.jpg"))
    {
      /* Never answered: the load stays in flight until cancelled. */
      soup_server_message_pause (msg);
    }
  else if (g_str_equal (path, "/iiif/badinfo/info.json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"width\": -5", 12);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static SoupServer *
start_fault_server (char **out_base)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  soup_server_add_handler (server, NULL, fault_handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *out_base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  return server;
}

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(VtManifest) manifest = NULL;
  g_autofree char *fault = NULL;
  guint n;

  REQUIRE_DISPLAY ();
  if (!start_testbed (f))
    return;

  server = start_fault_server (&fault);

  /* No retries: a 404 is final anyway, and this keeps the test short. */
  vt_client_set_retry_policy (f->client, 0, 0, 0);

  manifest = load_manifest ("strip-faults-v2.json", vt_testbed_get_base_url (f->testbed), fault);
  vt_canvas_strip_set_manifest (f->strip, manifest);
  n = g_list_model_get_n_items (vt_canvas_strip_get_model (f->strip));
  g_assert_cmpuint (n, ==, 6);
  wait_for (all_settled, f);

  /* The good one loads beside the broken ones. */
  assert_texture_size (get_item (f, 0), 120, 80);
  for (guint i = 1; i < n; i++)
    {
      VtCanvasStripItem *item = get_item (f, i);

      g_test_message ("page %u: %s", i + 1, vt_canvas_strip_item_get_label (item));
      g_assert_cmpint (vt_canvas_strip_item_get_state (item), ==, VT_THUMBNAIL_STATE_FAILED);
      g_assert_null (vt_canvas_strip_item_get_texture (item));
      g_assert_cmpstr (vt_canvas_strip_item_get_placeholder_icon (item), ==, "image-missing-symbolic");
    }
}

static gboolean
item_settled (Fixture *f,
              guint    index)
{
  VtThumbnailState state = vt_canvas_strip_item_get_state (get_item (f, index));

  return state == VT_THUMBNAIL_STATE_LOADED || state == VT_THUMBNAIL_STATE_FAILED;
}

static gboolean
first_settled (gpointer data)
{
  return item_settled (data, 0);
}

static gboolean
last_settled (gpointer data)
{
  return item_settled (data, 299);
}

static gboolean
none_loading (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; i < 300; i++)
    if (vt_canvas_strip_item_get_state (get_item (f, i)) == VT_THUMBNAIL_STATE_LOADING)
      return FALSE;
  return TRUE;
}

static VtManifest *
new_long_manifest (const char *thumbnail)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append (json, "{\"@context\": \"http://iiif.io/api/presentation/2/context.json\","
                         " \"@id\": \"https://example.org/long\", \"@type\": \"sc:Manifest\","
                         " \"label\": \"Long\", \"sequences\": [{\"@type\": \"sc:Sequence\", \"canvases\": [");
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (json, "%s{\"@id\": \"https://example.org/long/c%u\", \"@type\": \"sc:Canvas\","
                                  " \"label\": \"p. %u\", \"width\": 1200, \"height\": 800,"
                                  " \"thumbnail\": \"%s\", \"images\": []}",
                            i > 0 ? ", " : "", i, i + 1, thumbnail);
  g_string_append (json, "]}]}");
  doc = vt_iiif_document_parse (g_bytes_new (json->str, json->len), NULL, &error);
  g_assert_no_error (error);
  return vt_manifest_ref (doc->manifest);
}

static gboolean
first_loading (gpointer data)
{
  return vt_canvas_strip_item_get_state (get_item (data, 0)) == VT_THUMBNAIL_STATE_LOADING;
}

static gboolean
first_idle_last_loading (gpointer data)
{
  return vt_canvas_strip_item_get_state (get_item (data, 0)) == VT_THUMBNAIL_STATE_NONE &&
         vt_canvas_strip_item_get_state (get_item (data, 299)) == VT_THUMBNAIL_STATE_LOADING;
}

/* Loads of thumbnails that scroll away are cancelled: against a server
 * that never answers, they can only end that way. */
static void
test_cancel_offscreen (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(VtManifest) manifest = NULL;
  g_autofree char *fault = NULL;
  g_autofree char *slow = NULL;
  g_autoptr(VtCanvasStripItem) last = NULL;

  REQUIRE_DISPLAY ();

  server = start_fault_server (&fault);
  slow = g_strconcat (fault, "/slow.jpg", NULL);
  manifest = new_long_manifest (slow);
  vt_canvas_strip_set_manifest (f->strip, manifest);
  wait_for (first_loading, f);

  vt_canvas_strip_set_selected (f->strip, 299);
  wait_for (first_idle_last_loading, f);

  /* And a new manifest cancels what is left. */
  last = g_object_ref (get_item (f, 299));
  vt_canvas_strip_set_manifest (f->strip, NULL);
  g_assert_cmpint (vt_canvas_strip_item_get_state (last), ==, VT_THUMBNAIL_STATE_NONE);
}

/* Only bound rows load: 300 pages in a 900 px window. */
static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_autofree char *thumbnail = NULL;
  guint n_asked = 0, n_loaded = 0;

  REQUIRE_DISPLAY ();
  if (!start_testbed (f))
    return;

  thumbnail = vt_testbed_get_url (f->testbed, VT_TESTBED_STATIC_IMAGE);
  manifest = new_long_manifest (thumbnail);
  vt_canvas_strip_set_manifest (f->strip, manifest);
  flush ();

  /* Wait for the first page, then for everything asked to settle. */
  wait_for (first_settled, f);
  wait_for (none_loading, f);

  for (guint i = 0; i < 300; i++)
    {
      VtThumbnailState state = vt_canvas_strip_item_get_state (get_item (f, i));

      n_asked += state != VT_THUMBNAIL_STATE_NONE;
      n_loaded += state == VT_THUMBNAIL_STATE_LOADED;
    }
  g_test_message ("%u of 300 thumbnails asked for, %u loaded", n_asked, n_loaded);
  g_assert_cmpint (vt_canvas_strip_item_get_state (get_item (f, 0)), ==, VT_THUMBNAIL_STATE_LOADED);
  g_assert_cmpuint (n_loaded, >=, 5);
  g_assert_cmpuint (n_asked, <, 100);
  g_assert_cmpint (vt_canvas_strip_item_get_state (get_item (f, 299)), ==, VT_THUMBNAIL_STATE_NONE);

  /* Scrolling to the end asks for the last one. */
  vt_canvas_strip_set_selected (f->strip, 299);
  wait_for (last_settled, f);
  g_assert_cmpint (vt_canvas_strip_item_get_state (get_item (f, 299)), ==, VT_THUMBNAIL_STATE_LOADED);
}

typedef struct
{
  gboolean        done;
  VtImageService *service;
  GError         *error;
} ServiceLoad;

static void
service_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ServiceLoad *load = user_data;

  load->service = vt_service_cache_load_finish (VT_SERVICE_CACHE (object), result, NULL, &load->error);
  load->done = TRUE;
}

static gboolean
service_loaded (gpointer data)
{
  return ((ServiceLoad *) data)->done;
}

static guint
hits (const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fault_hits, path));
}

/* Six pages on one level 0 service, and the canvas opening it as the
 * window does, at once: the strip and the canvas share the service cache,
 * and the server is asked for the info.json once. */
static void
test_shared_service (Fixture       *f,
                     gconstpointer  data)
{
  const guint n = 6;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(VtManifest) manifest = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(VtServiceCache) services = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  ServiceLoad canvas = { 0 };
  ServiceLoad again = { 0 };

  REQUIRE_DISPLAY ();

  fault_hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server = start_fault_server (&base);
  id = g_strconcat (base, "/shared", NULL);
  g_object_get (f->strip, "service-cache", &services, NULL);
  g_assert_nonnull (services);

  g_string_append (json, "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                         " \"id\": \"https://example.org/shared\", \"type\": \"Manifest\","
                         " \"label\": {\"en\": [\"Shared\"]}, \"items\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"https://example.org/shared/c%u\", \"type\": \"Canvas\","
                                  " \"label\": {\"en\": [\"p. %u\"]}, \"width\": 600, \"height\": 400,"
                                  " \"items\": [{\"id\": \"https://example.org/shared/p%u\","
                                  " \"type\": \"AnnotationPage\", \"items\": [{"
                                  " \"id\": \"https://example.org/shared/a%u\", \"type\": \"Annotation\","
                                  " \"motivation\": \"painting\", \"target\": \"https://example.org/shared/c%u\","
                                  " \"body\": {\"id\": \"%s/full/max/0/default.jpg\", \"type\": \"Image\","
                                  " \"format\": \"image/jpeg\", \"width\": 600, \"height\": 400,"
                                  " \"service\": [{\"id\": \"%s\", \"type\": \"ImageService3\","
                                  " \"profile\": \"level0\"}]}}]}]}",
                            i > 0 ? ", " : "", i, i + 1, i, i, i, id, id);
  g_string_append (json, "]}");
  doc = vt_iiif_document_parse (g_bytes_new (json->str, json->len), NULL, &error);
  g_assert_no_error (error);
  manifest = vt_manifest_ref (doc->manifest);
  g_assert_cmpuint (vt_manifest_get_n_canvases (manifest), ==, n);

  /* The window opens the first canvas as it fills the strip. */
  vt_canvas_strip_set_manifest (f->strip, manifest);
  vt_service_cache_load_async (services, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL,
                               service_loaded_cb, &canvas);
  wait_for (all_settled, f);
  wait_for (service_loaded, &canvas);
  g_assert_no_error (canvas.error);
  g_assert_cmpint (canvas.service->level, ==, 0);

  /* Every page from the one listed size, 150 × 100 shrunk to 120 × 80. */
  for (guint i = 0; i < n; i++)
    assert_texture_size (get_item (f, i), 120, 80);
  g_assert_cmpuint (hits ("/shared/full/150,100/0/default.jpg"), >=, 1);
  g_assert_cmpuint (hits ("/shared/info.json"), ==, 1);

  /* Going back to the canvas later: still nothing asked. */
  vt_service_cache_load_async (services, id, VT_FETCH_FLAGS_NONE, VT_FETCH_PRIORITY_DEFAULT, NULL,
                               service_loaded_cb, &again);
  wait_for (service_loaded, &again);
  g_assert_true (again.service == canvas.service);
  g_assert_cmpuint (hits ("/shared/info.json"), ==, 1);

  g_clear_pointer (&canvas.service, vt_image_service_unref);
  g_clear_pointer (&again.service, vt_image_service_unref);
  g_clear_pointer (&fault_hits, g_hash_table_unref);
}

/* A manifest claiming level 1 for the test bed's level 0 tiles (dzsave: no
 * `sizes`), as the cookbook recipes served as static tiles do: the size
 * asked on the claim 404s, and info.json then says what may be asked. */
static void
test_claimed_level1 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const char *base;

  REQUIRE_DISPLAY ();
  if (!start_testbed (f))
    return;

  base = vt_testbed_get_base_url (f->testbed);
  json = g_strdup_printf ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                          " \"id\": \"https://example.org/claimed\", \"type\": \"Manifest\","
                          " \"label\": {\"en\": [\"Claimed\"]}, \"items\": ["
                          "{\"id\": \"https://example.org/claimed/c1\", \"type\": \"Canvas\","
                          " \"width\": 6000, \"height\": 4000,"
                          " \"items\": [{\"id\": \"https://example.org/claimed/p1\","
                          " \"type\": \"AnnotationPage\", \"items\": [{"
                          " \"id\": \"https://example.org/claimed/a1\", \"type\": \"Annotation\","
                          " \"motivation\": \"painting\", \"target\": \"https://example.org/claimed/c1\","
                          " \"body\": {\"id\": \"%s/level0/v3/photo/full/max/0/default.jpg\", \"type\": \"Image\","
                          " \"format\": \"image/jpeg\", \"width\": 6000, \"height\": 4000,"
                          " \"service\": [{\"id\": \"%s/level0/v3/photo\", \"type\": \"ImageService3\","
                          " \"profile\": \"level1\"}]}}]}]}]}", base, base);
  doc = vt_iiif_document_parse (g_bytes_new (json, strlen (json)), NULL, &error);
  g_assert_no_error (error);
  manifest = vt_manifest_ref (doc->manifest);

  vt_canvas_strip_set_manifest (f->strip, manifest);
  wait_for (all_settled, f);
  /* Two tiles of the coarsest level (375 × 250), joined and shrunk. */
  assert_texture_size (get_item (f, 0), 120, 80);
}

/* Table of contents ---------------------------------------------------------- */

static VtTocEntry *
toc_row (GListModel *rows,
         guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);
  g_autoptr(VtTocEntry) entry = NULL;

  g_assert_nonnull (row);
  entry = gtk_tree_list_row_get_item (row);
  return entry;  /* the tree keeps it */
}

static void
test_toc (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_autoptr(GtkTreeListRow) back = NULL;
  VtCanvasToc *toc;
  GListModel *rows;

  REQUIRE_DISPLAY ();

  manifest = load_manifest ("strip-ranges-v2.json", NULL, NULL);
  vt_canvas_strip_set_manifest (f->strip, manifest);
  toc = vt_canvas_strip_get_toc (f->strip);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (toc)));
  rows = vt_canvas_toc_get_model (toc);
  g_assert_nonnull (rows);

  /* The single root opens one level. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_assert_cmpstr (vt_toc_entry_get_label (toc_row (rows, 0)), ==, "Inhoud");
  g_assert_cmpint (vt_toc_entry_get_canvas_index (toc_row (rows, 0)), ==, 0);
  g_assert_cmpstr (vt_toc_entry_get_label (toc_row (rows, 1)), ==, "Voorkant");
  g_assert_cmpint (vt_toc_entry_get_canvas_index (toc_row (rows, 1)), ==, 0);
  g_assert_null (vt_toc_entry_get_children (toc_row (rows, 1)));
  g_assert_cmpstr (vt_toc_entry_get_label (toc_row (rows, 2)), ==, "Achterkant");
  /* Its first canvas is in its sub-range, with a fragment. */
  g_assert_cmpint (vt_toc_entry_get_canvas_index (toc_row (rows, 2)), ==, 2);
  g_assert_nonnull (vt_toc_entry_get_children (toc_row (rows, 2)));
  g_assert_cmpstr (vt_toc_entry_get_label (toc_row (rows, 3)), ==, "Elders");
  g_assert_cmpint (vt_toc_entry_get_canvas_index (toc_row (rows, 3)), ==, -1);

  /* Opening "Achterkant" shows "Detail". */
  back = g_list_model_get_item (rows, 2);
  gtk_tree_list_row_set_expanded (back, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  g_assert_cmpstr (vt_toc_entry_get_label (toc_row (rows, 3)), ==, "Detail");
  g_assert_cmpint (vt_toc_entry_get_canvas_index (toc_row (rows, 3)), ==, 2);

  if (g_getenv ("VT_TEST_HOLD") != NULL)
    {
      GtkWidget *button = find_descendant (GTK_WIDGET (toc), GTK_TYPE_MENU_BUTTON);

      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      hold_for_looking ();
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    }

  /* Picking a range picks its first canvas, in the strip too. */
  g_assert_true (vt_canvas_toc_activate (toc, 3));
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->activated, guint, 0), ==, 2);
  g_assert_cmpuint (vt_canvas_strip_get_selected (f->strip), ==, 2);
  /* A range naming no canvas of the manifest leads nowhere. */
  g_assert_false (vt_canvas_toc_activate (toc, 4));
  g_assert_false (vt_canvas_toc_activate (toc, 99));
  g_assert_cmpuint (f->activated->len, ==, 1);

  /* Gone with the manifest. */
  vt_canvas_strip_set_manifest (f->strip, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (toc)));
  g_assert_null (vt_canvas_toc_get_model (toc));
}

/* Damaged images make libvips warn; that is the point of the fault test,
 * so its warnings are not fatal here. Ours still are. */
static gboolean
ignore_vips (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  return g_strcmp0 (log_domain, "VIPS") != 0;
}

int
main (int   argc,
      char *argv[])
{
  /* The expectations are in English. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  /* GTK's test accessibility backend keeps the labels checked here. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* Nothing here needs GL, and loading the EGL driver leaves a one-time
   * allocation from its dlclose() that LeakSanitizer cannot attribute. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (ignore_vips, NULL);
  /* g_test_init () makes warnings of every domain fatal through the
   * always-fatal mask, which no handler overrides for libvips' threads. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  have_display = gtk_init_check ();

  g_test_add_func ("/vitrine/canvas-strip/file-name-labels", test_file_name_labels);
  g_test_add_func ("/vitrine/canvas-strip/choose-level", test_choose_level);
  g_test_add ("/vitrine/canvas-strip/two-canvases", Fixture, NULL,
              fixture_set_up, test_two_canvases, fixture_tear_down);
  g_test_add ("/vitrine/canvas-strip/sources", Fixture, NULL,
              fixture_set_up, test_sources, fixture_tear_down);
  g_test_add ("/vitrine/canvas-strip/select", Fixture, NULL,
              fixture_set_up, test_select, fixture_tear_down);
  g_test_add ("/vitrine/canvas-strip/faults", Fixture, NULL,
              fixture_set_up, test_faults, fixture_tear_down);
  g_test_add ("/vitrine/canvas-strip/lazy", Fixture, NULL,
              fixture_set_up, test_lazy, fixture_tear_down);
  g_test_add ("/vitrine/canvas-strip/cancel-offscreen", Fixture, NULL,
              fixture_set_up, test_cancel_offscreen, fixture_tear_down);
  g_test_add ("/vitrine/canvas-strip/shared-service", Fixture, NULL,
              fixture_set_up, test_shared_service, fixture_tear_down);
  g_test_add ("/vitrine/canvas-strip/claimed-level1", Fixture, NULL,
              fixture_set_up, test_claimed_level1, fixture_tear_down);
  g_test_add ("/vitrine/canvas-strip/toc", Fixture, NULL,
              fixture_set_up, test_toc, fixture_tear_down);

  return g_test_run ();
}
