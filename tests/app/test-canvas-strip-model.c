/* test-canvas-strip-model.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <gtk/gtk.h>

#include "app/vt-canvas-strip.h"
#include "app/vt-canvas-strip-model.h"
#include "iiif/vt-iiif-document.h"
#include "net/vt-client.h"

/* The strip's list of a huge manifest makes an item only for the canvases
 * a row shows: opening a book of many pages makes none, the strip on
 * screen a few hundred at most, wherever it scrolls to. */

#define N_CANVASES 20000

static gboolean have_display;

static VtManifest *
new_book (guint n_canvases)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append (json, "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
                         "\"id\":\"https://example.org/book\",\"type\":\"Manifest\","
                         "\"label\":{\"en\":[\"Book\"]},\"items\":[");
  for (guint i = 0; i < n_canvases; i++)
    g_string_append_printf (json, "%s{\"id\":\"https://example.org/book/c%u\",\"type\":\"Canvas\","
                                  "\"label\":{\"en\":[\"p. %u\"]},\"width\":1200,\"height\":800}",
                            i > 0 ? "," : "", i, i + 1);
  g_string_append (json, "]}");
  doc = vt_iiif_document_parse (g_bytes_new (json->str, json->len), NULL, &error);
  g_assert_no_error (error);
  return vt_manifest_ref (doc->manifest);
}

typedef struct
{
  guint calls;
  guint removed;
  guint added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  g_assert_cmpuint (position, ==, 0);
  changes->calls++;
  changes->removed = removed;
  changes->added = added;
}

static void
test_lazy (void)
{
  g_autoptr(VtManifest) book = new_book (N_CANVASES);
  g_autoptr(VtManifest) other = new_book (3);
  g_autoptr(VtCanvasStripModel) model = vt_canvas_strip_model_new ();
  g_autoptr(VtCanvasStripItem) last = NULL;
  g_autoptr(VtCanvasStripItem) again = NULL;
  Changes changes = { 0 };
  gpointer gone = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == VT_TYPE_CANVAS_STRIP_ITEM);

  /* Setting a manifest says how many there are, and makes none. */
  vt_canvas_strip_model_set_manifest (model, book);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, N_CANVASES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CANVASES);
  g_assert_cmpuint (vt_canvas_strip_model_get_n_made (model), ==, 0);
  g_assert_true (vt_canvas_strip_model_get_manifest (model) == book);

  /* An item is made when asked for, once. */
  last = g_list_model_get_item (G_LIST_MODEL (model), N_CANVASES - 1);
  g_assert_nonnull (last);
  g_assert_cmpuint (vt_canvas_strip_item_get_index (last), ==, N_CANVASES - 1);
  g_assert_cmpstr (vt_canvas_strip_item_get_label (last), ==, "p. 20000");
  again = g_list_model_get_item (G_LIST_MODEL (model), N_CANVASES - 1);
  g_assert_true (again == last);
  g_assert_cmpuint (vt_canvas_strip_model_get_n_made (model), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_CANVASES));
  g_assert_cmpuint (vt_canvas_strip_model_get_n_made (model), ==, 1);

  /* The same manifest again changes nothing. */
  vt_canvas_strip_model_set_manifest (model, book);
  g_assert_cmpuint (changes.calls, ==, 1);

  /* Another manifest drops the items of the first. */
  g_object_add_weak_pointer (G_OBJECT (last), &gone);
  gone = last;
  g_clear_object (&last);
  g_clear_object (&again);
  vt_canvas_strip_model_set_manifest (model, other);
  g_assert_null (gone);
  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.removed, ==, N_CANVASES);
  g_assert_cmpuint (changes.added, ==, 3);
  g_assert_cmpuint (vt_canvas_strip_model_get_n_made (model), ==, 0);

  vt_canvas_strip_model_set_manifest (model, NULL);
  g_assert_cmpuint (changes.calls, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 3);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static void
run_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 until = g_get_monotonic_time () + 20 * 1000;

      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
}

static void
test_strip (void)
{
  g_autoptr(VtManifest) book = new_book (N_CANVASES);
  g_autofree char *cache_dir = NULL;
  g_autoptr(VtClient) client = NULL;
  VtCanvasStripModel *model;
  VtCanvasStrip *strip;
  GtkWidget *window;
  guint made;

  if (!have_display)
    {
      g_test_skip ("No display (gtk_init_check failed)");
      return;
    }

  cache_dir = g_dir_make_tmp ("vitrine-strip-model-XXXXXX", NULL);
  client = vt_client_new (cache_dir);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 200);
  strip = VT_CANVAS_STRIP (vt_canvas_strip_new (client));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (strip));
  gtk_window_present (GTK_WINDOW (window));
  model = VT_CANVAS_STRIP_MODEL (vt_canvas_strip_get_model (strip));

  vt_canvas_strip_set_manifest (strip, book);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CANVASES);
  run_frames (10);

  /* The rows GtkListView binds (up to 200 in GTK 4.8), not 20,000. */
  made = vt_canvas_strip_model_get_n_made (model);
  g_test_message ("%u items made for the strip on screen", made);
  g_assert_cmpuint (made, >, 0);
  g_assert_cmpuint (made, <=, 400);

  /* Jumping to the last page binds the rows around it. */
  vt_canvas_strip_set_selected (strip, N_CANVASES - 1);
  run_frames (10);
  g_assert_cmpuint (vt_canvas_strip_get_selected (strip), ==, N_CANVASES - 1);
  made = vt_canvas_strip_model_get_n_made (model);
  g_test_message ("%u items made after jumping to the end", made);
  g_assert_cmpuint (made, <=, 800);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&client);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

    (void) system (command);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  g_test_add_func ("/vitrine/app/canvas-strip-model/lazy", test_lazy);
  g_test_add_func ("/vitrine/app/canvas-strip-model/strip", test_strip);

  return g_test_run ();
}
