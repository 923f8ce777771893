/* test-corpus.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vt-iiif-test-util.h"
#include "vt-iiif-test-markup.h"

/* Every real-world document of the shared corpus (../shared, never copied
 * into the repository): files outside bad/ must load; files in bad/ must
 * fail with a clear error or load with warnings; nothing may crash. Every
 * label and value goes through the HTML sanitiser and must come out as
 * valid markup. */

typedef struct
{
  guint total;
  guint parsed;
  guint failed;
  guint bad_loaded;
  guint values;
} Counts;

static void
check_map (VtLanguageMap *map,
           Counts        *counts)
{
  for (guint i = 0; i < vt_language_map_get_n_languages (map); i++)
    {
      const char * const *values = vt_language_map_get_values (map, i);

      for (guint j = 0; values[j] != NULL; j++)
        {
          g_autofree char *markup = vt_html_to_markup (values[j]);
          g_autofree char *text = vt_test_check_markup (markup);
          g_autofree char *lower = g_ascii_strdown (markup, -1);

          g_assert_null (strstr (lower, "<script"));
          g_assert_null (strstr (lower, "javascript:"));
          counts->values++;
        }
    }
}

static void
check_metadata (GPtrArray *metadata,
                Counts    *counts)
{
  for (guint i = 0; i < metadata->len; i++)
    {
      VtMetadataEntry *entry = g_ptr_array_index (metadata, i);

      check_map (entry->label, counts);
      check_map (entry->value, counts);
    }
}

static void
check_statement (VtMetadataEntry *statement,
                 Counts          *counts)
{
  if (statement == NULL)
    return;
  check_map (statement->label, counts);
  check_map (statement->value, counts);
}

static void
check_range (VtRange *range,
             Counts  *counts)
{
  check_map (range->label, counts);
  for (guint i = 0; i < range->items->len; i++)
    {
      VtRangeItem *item = g_ptr_array_index (range->items, i);

      if (item->range != NULL)
        check_range (item->range, counts);
    }
}

static void
check_manifest (VtManifest *m,
                Counts     *counts,
                GString    *summary)
{
  VtServiceRef *first_service = NULL;

  check_map (m->label, counts);
  check_map (m->summary, counts);
  check_metadata (m->metadata, counts);
  check_statement (m->required_statement, counts);
  for (guint i = 0; i < m->canvases->len; i++)
    {
      VtCanvas *canvas = g_ptr_array_index (m->canvases, i);

      check_map (canvas->label, counts);
      if (first_service == NULL)
        first_service = vt_canvas_get_image_service (canvas);
      check_statement (canvas->required_statement, counts);
      for (guint j = 0; j < canvas->annotations->len; j++)
        check_statement (((VtPaintingAnnotation *) g_ptr_array_index (canvas->annotations, j))->required_statement, counts);
    }
  for (guint i = 0; i < m->structures->len; i++)
    check_range (g_ptr_array_index (m->structures, i), counts);

  g_string_append_printf (summary, "canvases=%u", m->canvases->len);
  if (first_service != NULL)
    {
      g_autoptr(VtImageService) service = NULL;
      VtCanvas *canvas = NULL;

      g_string_append_printf (summary, " service=%s v%d level=%d", first_service->id ? first_service->id : "(none)",
                              (int) first_service->image_version, first_service->level);

      /* A provisional pyramid from the reference must never fail oddly. */
      for (guint i = 0; i < m->canvases->len && canvas == NULL; i++)
        if (vt_canvas_get_image_service (g_ptr_array_index (m->canvases, i)) == first_service)
          canvas = g_ptr_array_index (m->canvases, i);
      service = vt_image_service_new_from_ref (first_service, canvas->width, canvas->height, NULL);
      if (service != NULL)
        {
          g_autoptr(VtTilePyramid) pyramid = vt_tile_pyramid_new (service);
          g_autofree char *url = vt_tile_pyramid_dup_tile_url (pyramid, vt_tile_pyramid_get_n_levels (pyramid) - 1, 0, 0);

          g_assert_cmpuint (vt_tile_pyramid_get_n_levels (pyramid), >, 0);
          if (service->id != NULL)
            g_assert_nonnull (url);
        }
    }
}

static void
check_image_service (VtImageService *service,
                     GString        *summary)
{
  g_autoptr(VtTilePyramid) pyramid = vt_tile_pyramid_new (service);
  guint n = vt_tile_pyramid_get_n_levels (pyramid);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const VtTileLevel *level = vt_tile_pyramid_get_level (pyramid, i);
      g_autofree char *first = vt_tile_pyramid_dup_tile_url (pyramid, i, 0, 0);
      g_autofree char *last = vt_tile_pyramid_dup_tile_url (pyramid, i, level->columns - 1, level->rows - 1);
      VtTile tile;

      g_assert_true (vt_tile_pyramid_get_tile (pyramid, i, level->columns - 1, level->rows - 1, &tile));
      g_assert_cmpint (tile.region.x + tile.region.width, ==, service->width);
      g_assert_cmpint (tile.region.y + tile.region.height, ==, service->height);
      if (service->id != NULL)
        {
          g_assert_nonnull (first);
          g_assert_nonnull (last);
        }
    }
  g_string_append_printf (summary, "image service v%d level=%d %" G_GINT64_FORMAT "x%" G_GINT64_FORMAT " levels=%u",
                          (int) service->version, service->level, service->width, service->height, n);
}

static gboolean
must_fail (const char *name)
{
  /* NOTES.tsv: not JSON, invalid UTF-8, nonsense type */
  return strstr (name, "error-00--non-json") != NULL ||
         strstr (name, "potterselectric") != NULL ||
         strstr (name, "error-06--json-with-a-nonsense-type") != NULL;
}

static void
check_injection (const char     *name,
                 VtIiifDocument *doc)
{
  const char * const *values;
  g_autofree char *markup = NULL;
  g_autofree char *lower = NULL;

  if (strstr (name, "error-47") == NULL && strstr (name, "error-48") == NULL && strstr (name, "error-49") == NULL)
    return;

  g_assert_nonnull (doc);
  g_assert_nonnull (doc->manifest);
  values = vt_language_map_lookup (doc->manifest->summary, NULL);
  g_assert_nonnull (values);
  markup = vt_html_to_markup (values[0]);
  lower = g_ascii_strdown (markup, -1);
  g_assert_cmpstr (markup, ==, "Naughty");
  g_assert_null (strstr (lower, "script"));
  g_assert_null (strstr (lower, "onmouseover"));
  g_assert_null (strstr (lower, "javascript:"));
}

static void
check_file (const char *path,
            const char *name,
            gboolean    in_bad,
            Counts     *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("cannot read %s: %s", path, error->message);
  bytes = g_bytes_new_take (contents, length);
  counts->total++;

  doc = vt_iiif_document_parse (bytes, NULL, &error);
  if (doc == NULL)
    {
      g_assert_error (error, VT_IIIF_ERROR, error->code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_test_message ("%s: FAILED (code %d): %s", name, error->code, error->message);
      if (!in_bad)
        g_error ("%s should load: %s", name, error->message);
      counts->failed++;
      return;
    }

  g_assert_false (must_fail (name));
  counts->parsed++;
  if (in_bad)
    counts->bad_loaded++;

  switch (doc->kind)
    {
    case VT_IIIF_DOCUMENT_MANIFEST:
    case VT_IIIF_DOCUMENT_CANVAS:
      check_manifest (doc->manifest, counts, summary);
      break;
    case VT_IIIF_DOCUMENT_COLLECTION:
      check_map (doc->collection->label, counts);
      check_map (doc->collection->summary, counts);
      check_metadata (doc->collection->metadata, counts);
      for (guint i = 0; i < doc->collection->members->len; i++)
        check_map (((VtCollectionMember *) g_ptr_array_index (doc->collection->members, i))->label, counts);
      g_string_append_printf (summary, "members=%u", doc->collection->members->len);
      break;
    case VT_IIIF_DOCUMENT_IMAGE_SERVICE:
      check_image_service (doc->image_service, summary);
      break;
    case VT_IIIF_DOCUMENT_ANNOTATIONS:
      g_string_append_printf (summary, "annotations=%u", doc->n_annotations);
      break;
    default:
      g_assert_not_reached ();
    }

  /* A bad document that loads must say what is wrong with it, unless the
   * problem is harmless HTML that the sanitiser handles on display (checked
   * by check_injection and the markup checks) or a label we read anyway. */
  if (in_bad && doc->warnings->len == 0)
    {
      static const char * const display_only[] = {
        "error-45--", "error-47--", "error-48--", "error-49--", "info-3-0-service-badlabel",
      };
      gboolean allowed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (display_only); i++)
        allowed |= strstr (name, display_only[i]) != NULL;
      if (!allowed)
        g_error ("%s loads without any warning", name);
    }

  check_injection (name, doc);
  g_test_message ("%s: kind=%d version=%d %s warnings=%u", name, doc->kind, doc->version, summary->str,
                  doc->warnings->len);
  for (guint i = 0; i < doc->warnings->len; i++)
    g_test_message ("  warning: %s", (const char *) g_ptr_array_index (doc->warnings, i));
}

static void
walk (const char *dir,
      const char *rel,
      gboolean    in_bad,
      Counts     *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) (void (*) (void)) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      g_autofree char *sub = rel ? g_build_filename (rel, entry, NULL) : g_strdup (entry);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (strcmp (entry, "LICENSES") != 0)
            walk (path, sub, in_bad || strcmp (entry, "bad") == 0, counts);
        }
      else if (g_str_has_suffix (entry, ".json"))
        check_file (path, sub, in_bad, counts);
    }
}

static void
test_corpus (void)
{
  const char *shared = g_getenv ("VITRINE_SHARED_DIR");
  g_autofree char *corpus = NULL;
  g_autofree char *ghent = NULL;
  Counts counts = { 0 };

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("VITRINE_SHARED_DIR is not set or missing: no corpus to read");
      return;
    }

  corpus = g_build_filename (shared, "iiif-corpus", NULL);
  ghent = g_build_filename (shared, "ghent-samples", "manifests", NULL);
  if (!g_file_test (corpus, G_FILE_TEST_IS_DIR) || !g_file_test (ghent, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared corpus is incomplete");
      return;
    }

  walk (corpus, "iiif-corpus", FALSE, &counts);
  walk (ghent, "ghent-samples/manifests", FALSE, &counts);

  g_test_message ("CORPUS: parsed %u / failed cleanly %u / total %u (of which bad/ loaded with warnings or quirks: %u); %u values sanitised",
                  counts.parsed, counts.failed, counts.total, counts.bad_loaded, counts.values);
  g_assert_cmpuint (counts.parsed + counts.failed, ==, counts.total);
  g_assert_cmpuint (counts.total, >, 250);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/corpus/all", test_corpus);

  return g_test_run ();
}
