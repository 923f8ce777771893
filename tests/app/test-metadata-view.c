/* test-metadata-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "app/vt-metadata-view.h"
#include "iiif/vt-iiif-document.h"

static gboolean have_display;

#define GHENT_URL "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:2099-0042"

#define REQUIRE_DISPLAY()                                 \
  G_STMT_START {                                          \
    if (!have_display)                                    \
      {                                                   \
        g_test_skip ("No display (gtk_init_check failed)"); \
        return;                                           \
      }                                                   \
  } G_STMT_END

static VtManifest *
load_manifest (const char *name,
               const char *base_uri)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "data", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, len);
  doc = vt_iiif_document_parse (bytes, base_uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_nonnull (doc->manifest);
  return vt_manifest_ref (doc->manifest);
}

static VtManifest *
parse_manifest (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  doc = vt_iiif_document_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc->manifest);
  return vt_manifest_ref (doc->manifest);
}

/* A window like the app's sidebar, so that the view is realized and laid
 * out as it is in use. */
static VtMetadataView *
new_view_in_window (GtkWidget **out_window)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = vt_metadata_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 340, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  *out_window = window;
  return VT_METADATA_VIEW (view);
}

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Where the first string starting with @prefix is; G_MAXUINT for none. */
static guint
strv_find_prefix (char * const *strv,
                  const char   *prefix)
{
  for (guint i = 0; strv[i] != NULL; i++)
    if (g_str_has_prefix (strv[i], prefix))
      return i;
  return G_MAXUINT;
}

static gboolean
strv_contains_prefix (char * const *strv,
                      const char   *prefix)
{
  return strv_find_prefix (strv, prefix) != G_MAXUINT;
}

static void
find_widgets (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (child, type, found);
}

/* Whether @widget and all its parents up to @top are set visible. */
static gboolean
shown_within (GtkWidget *widget,
              GtkWidget *top)
{
  for (; widget != NULL && widget != top; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return TRUE;
}

/* The first widget of @type in @view for which @match says yes. */
static GtkWidget *
find_widget (VtMetadataView *view,
             GType           type,
             gboolean      (*match) (GtkWidget *widget, const char *what),
             const char     *what)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_widgets (GTK_WIDGET (view), type, found);
  for (guint i = 0; i < found->len; i++)
    if (match (g_ptr_array_index (found, i), what))
      return g_ptr_array_index (found, i);
  return NULL;
}

static gboolean
label_has_markup (GtkWidget  *label,
                  const char *markup)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), markup) == 0;
}

static GtkLabel *
find_label_with_markup (VtMetadataView *view,
                        const char     *markup)
{
  return GTK_LABEL (find_widget (view, GTK_TYPE_LABEL, label_has_markup, markup));
}

/* Rows are labelled for screen readers "label: value". */
static gboolean
row_is_labelled (GtkWidget  *row,
                 const char *accessible_label)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 accessible_label);

  return problem == NULL;
}

static GtkWidget *
find_row_with_label (VtMetadataView *view,
                     const char     *accessible_label)
{
  return find_widget (view, GTK_TYPE_LIST_BOX_ROW, row_is_labelled, accessible_label);
}

static guint
count_shown_lists (VtMetadataView *view)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  guint n = 0;

  find_widgets (GTK_WIDGET (view), GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    n += shown_within (g_ptr_array_index (lists, i), GTK_WIDGET (view));
  return n;
}

static void
increment (guint *counter)
{
  (*counter)++;
}

static void
on_link_copied (VtMetadataView *view,
                const char     *uri,
                char          **out)
{
  g_free (*out);
  *out = g_strdup (uri);
}

static void
test_ghent (void)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) languages = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *rights = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *clipboard_text = NULL;
  GdkContentProvider *content;
  GValue value = G_VALUE_INIT;
  GtkWidget *window;
  VtMetadataView *view;

  REQUIRE_DISPLAY ();

  manifest = load_manifest ("ghent-v2.json", GHENT_URL);
  view = new_view_in_window (&window);
  vt_metadata_view_set_manifest (view, manifest, GHENT_URL);
  vt_metadata_view_set_ghent_page_url (view, "https://data.collectie.gent/entity/dmg:2099-0042");
  flush ();

  g_assert_cmpstr (vt_metadata_view_get_title (view), ==, "Eikenhouten kast met twee deuren");
  summary = vt_metadata_view_get_summary_markup (view);
  g_assert_nonnull (summary);
  g_assert_true (g_str_has_prefix (summary, "Deze kast werd ontworpen"));

  rows = vt_metadata_view_get_row_texts (view);
  /* Ghent's licence and attribution live on the image annotation. */
  g_assert_true (g_strv_contains ((const char * const *) rows,
                                  "Attribution: Rights holder: Vitrine Tests\nPhotographer: Foto Vitrine\nSource: Design Museum Gent"));
  g_assert_true (g_strv_contains ((const char * const *) rows, "Rights: CC BY-NC-ND 4.0"));
  g_assert_true (g_strv_contains ((const char * const *) rows,
                                  "Public Web Page: https://data.collectie.gent/entity/dmg:2099-0042"));
  g_assert_true (g_strv_contains ((const char * const *) rows,
                                  "Linked Data Record (LDES): https://stad.gent/id/mensgemaaktobject/dmg/999000042/2026-01-02T03:04:05.678Z"));
  g_assert_true (g_strv_contains ((const char * const *) rows, "Manifest Link: " GHENT_URL));
  g_assert_false (strv_contains_prefix (rows, "Institution:"));

  rights = vt_metadata_view_get_row_markup (view, "Rights");
  g_assert_cmpstr (rights, ==, "<a href=\"https://creativecommons.org/licenses/by-nc-nd/4.0/\">CC BY-NC-ND 4.0</a>");

  /* One language only: no picker. */
  languages = vt_metadata_view_get_languages (view);
  g_assert_cmpuint (g_strv_length (languages), ==, 0);

  /* Details (no metadata) and provider are hidden; rights, links and the
   * manifest link are shown. */
  g_assert_cmpuint (count_shown_lists (view), ==, 3);

  g_signal_connect (view, "link-copied", G_CALLBACK (on_link_copied), &copied);
  vt_metadata_view_copy_manifest_url (view);
  g_assert_cmpstr (copied, ==, GHENT_URL);
  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (view)));
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, GHENT_URL);
  g_value_unset (&value);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where the first row starting with PREFIX is, in the order shown. */
static guint
row_index (VtMetadataView *view,
           const char     *prefix)
{
  g_auto(GStrv) rows = vt_metadata_view_get_row_texts (view);

  return strv_find_prefix (rows, prefix);
}

static gboolean
shows_row (VtMetadataView *view,
           const char     *text)
{
  g_auto(GStrv) rows = vt_metadata_view_get_row_texts (view);

  return g_strv_contains ((const char * const *) rows, text);
}

#define GHENT_PAGES_URL "https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:2099-0043_0-3"
#define GHENT_PAGE1_ATTRIBUTION \
  "Attribution: Rights holder: Design Museum Gent\nPhotographer: Foto Vitrine\nSource: Design Museum Gent"

/* The rights rows follow the page, as Ghent names rights per image: page 2
 * is In Copyright and names nobody, so the manifest's attribution shows,
 * not page 1's rights holder. The rest of the view is left alone. */
static void
test_canvas_index (void)
{
  g_autoptr(VtManifest) pages = NULL;
  g_autoptr(VtManifest) single = NULL;
  g_autofree char *in_copyright = NULL;
  GtkWidget *window, *link_row, *rights_row;
  VtMetadataView *view;
  guint notified = 0;

  REQUIRE_DISPLAY ();

  pages = load_manifest ("ghent-pages-v2.json", GHENT_PAGES_URL);
  view = new_view_in_window (&window);
  vt_metadata_view_set_manifest (view, pages, GHENT_PAGES_URL);
  g_signal_connect_swapped (view, "notify::canvas-index", G_CALLBACK (increment), &notified);
  flush ();

  g_assert_cmpuint (vt_metadata_view_get_canvas_index (view), ==, 0);
  g_assert_true (shows_row (view, GHENT_PAGE1_ATTRIBUTION));
  g_assert_true (shows_row (view, "Rights: CC BY-NC-ND 4.0"));
  link_row = find_row_with_label (view, "Manifest Link: " GHENT_PAGES_URL);
  g_assert_nonnull (link_row);

  vt_metadata_view_set_canvas_index (view, 1);
  flush ();
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (vt_metadata_view_get_canvas_index (view), ==, 1);
  g_assert_true (shows_row (view, "Attribution: Source: Design Museum Gent"));
  g_assert_true (shows_row (view, "Rights: In Copyright"));
  g_assert_cmpuint (row_index (view, "Attribution: Rights holder"), ==, G_MAXUINT);
  g_assert_cmpuint (row_index (view, "Rights: CC"), ==, G_MAXUINT);
  in_copyright = vt_metadata_view_get_row_markup (view, "Rights");
  g_assert_cmpstr (in_copyright, ==, "<a href=\"https://rightsstatements.org/page/InC/1.0/\">In Copyright</a>");
  g_assert_nonnull (find_row_with_label (view, "Rights: In Copyright"));
  /* Still in the order shown: attribution, rights, then the links. */
  g_assert_cmpuint (row_index (view, "Attribution:"), ==, 0);
  g_assert_cmpuint (row_index (view, "Rights:"), ==, 1);
  g_assert_cmpuint (row_index (view, "Linked Data Record (LDES):"), ==, 2);
  g_assert_cmpuint (row_index (view, "Manifest Link:"), ==, 3);
  /* Not rebuilt: the title and the manifest link row. */
  g_assert_true (find_row_with_label (view, "Manifest Link: " GHENT_PAGES_URL) == link_row);
  g_assert_cmpstr (vt_metadata_view_get_title (view), ==, "Drie stoelen");

  /* The same page again: nothing happens. */
  vt_metadata_view_set_canvas_index (view, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Back to page 1. */
  vt_metadata_view_set_canvas_index (view, 0);
  g_assert_true (shows_row (view, GHENT_PAGE1_ATTRIBUTION));
  g_assert_true (shows_row (view, "Rights: CC BY-NC-ND 4.0"));
  g_assert_cmpuint (notified, ==, 2);

  /* Page 3 names the same licence and rights holder on its own image: the
   * rows stay as they are. */
  rights_row = find_row_with_label (view, "Rights: CC BY-NC-ND 4.0");
  vt_metadata_view_set_canvas_index (view, 2);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_true (find_row_with_label (view, "Rights: CC BY-NC-ND 4.0") == rights_row);

  /* Another object starts at its first page. */
  vt_metadata_view_set_canvas_index (view, 1);
  single = load_manifest ("ghent-v2.json", GHENT_URL);
  vt_metadata_view_set_manifest (view, single, GHENT_URL);
  g_assert_cmpuint (vt_metadata_view_get_canvas_index (view), ==, 0);
  g_assert_cmpuint (notified, ==, 5);
  g_assert_true (shows_row (view, "Rights: CC BY-NC-ND 4.0"));

  /* Past the last page: the manifest's own, none here. */
  vt_metadata_view_set_canvas_index (view, 5);
  g_assert_null (find_row_with_label (view, "Rights: CC BY-NC-ND 4.0"));
  g_assert_cmpuint (row_index (view, "Rights:"), ==, G_MAXUINT);
  g_assert_cmpuint (row_index (view, "Attribution:"), ==, G_MAXUINT);
  g_assert_cmpuint (count_shown_lists (view), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_ghent_accessible_rows (void)
{
  g_autoptr(VtManifest) manifest = NULL;
  GtkWidget *window;
  VtMetadataView *view;

  REQUIRE_DISPLAY ();

  manifest = load_manifest ("ghent-v2.json", GHENT_URL);
  view = new_view_in_window (&window);
  vt_metadata_view_set_manifest (view, manifest, GHENT_URL);
  flush ();

  g_assert_nonnull (find_row_with_label (view, "Rights: CC BY-NC-ND 4.0"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_multilingual (void)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) rows_fr = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *summary_fr = NULL;
  g_autofree char *literature = NULL;
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkDropDown *dropdown;
  GtkWidget *window;
  VtMetadataView *view;
  guint fr_index;

  REQUIRE_DISPLAY ();

  manifest = load_manifest ("multilingual-v3.json", NULL);
  view = new_view_in_window (&window);
  vt_metadata_view_set_manifest (view, manifest, "https://example.org/iiif/vitrine/tapestry/manifest.json");
  flush ();

  /* The test runs in English (see main()). */
  g_assert_null (vt_metadata_view_get_language (view));
  g_assert_cmpstr (vt_metadata_view_get_title (view), ==, "Tapestry with a hunting scene");
  summary = vt_metadata_view_get_summary_markup (view);
  g_assert_nonnull (strstr (summary, "<b>Oudenaarde</b>"));

  rows = vt_metadata_view_get_row_texts (view);
  g_assert_true (g_strv_contains ((const char * const *) rows, "Material: wool\nsilk"));
  g_assert_true (g_strv_contains ((const char * const *) rows, "Date: c. 1600"));
  g_assert_true (g_strv_contains ((const char * const *) rows, "Attribution: Provided by the Example Museum"));
  g_assert_true (g_strv_contains ((const char * const *) rows, "Rights: In Copyright"));
  g_assert_true (g_strv_contains ((const char * const *) rows, "Institution: Example Museum"));
  g_assert_true (g_strv_contains ((const char * const *) rows, "Homepage: Tapestry on our web site"));
  g_assert_true (g_strv_contains ((const char * const *) rows, "PDF Document: PDF of the catalogue entry"));
  g_assert_true (g_strv_contains ((const char * const *) rows,
                                  "Catalogue Record (XML): https://example.org/data/tapestry-17.xml"));
  g_assert_cmpstr (vt_metadata_view_get_logo_url (view), ==, "https://example.org/logo.png");

  /* A bare web address in a value becomes a link; HTML links stay. */
  g_free (literature);
  literature = vt_metadata_view_get_row_markup (view, "Catalogue entry");
  g_assert_cmpstr (literature, ==,
                   "<a href=\"https://example.org/collection/tapestry-17\">https://example.org/collection/tapestry-17</a>");
  g_free (literature);
  literature = vt_metadata_view_get_row_markup (view, "Literature");
  g_assert_nonnull (strstr (literature, "<a href=\"https://example.org/books/42\">"));

  /* Three languages: the picker is shown and offers them all. */
  languages = vt_metadata_view_get_languages (view);
  g_assert_cmpuint (g_strv_length (languages), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) languages, "fr"));
  find_widgets (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 1);
  dropdown = g_ptr_array_index (dropdowns, 0);
  g_assert_true (shown_within (GTK_WIDGET (dropdown), GTK_WIDGET (view)));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 3);

  /* Pick French the way a user does, in the drop-down. */
  for (fr_index = 0; !g_str_equal (languages[fr_index], "fr"); fr_index++)
    ;
  gtk_drop_down_set_selected (dropdown, fr_index);
  flush ();

  g_assert_cmpstr (vt_metadata_view_get_language (view), ==, "fr");
  g_assert_cmpstr (vt_metadata_view_get_title (view), ==, "Tapisserie avec une scène de chasse");
  summary_fr = vt_metadata_view_get_summary_markup (view);
  g_assert_nonnull (strstr (summary_fr, "<b>Audenarde</b>"));
  rows_fr = vt_metadata_view_get_row_texts (view);
  g_assert_true (g_strv_contains ((const char * const *) rows_fr, "Matériau: laine\nsoie"));
  g_assert_true (g_strv_contains ((const char * const *) rows_fr, "Date: c. 1600"));
  g_assert_true (g_strv_contains ((const char * const *) rows_fr, "Attribution: Fourni par le Musée Exemple"));
  g_assert_true (g_strv_contains ((const char * const *) rows_fr, "Institution: Musée Exemple"));
  g_assert_false (strv_contains_prefix (rows_fr, "Material:"));

  /* And back through the property: the picker follows. */
  vt_metadata_view_set_language (view, "nl");
  g_assert_cmpstr (vt_metadata_view_get_title (view), ==, "Wandtapijt met een jachttafereel");
  g_assert_cmpstr (languages[gtk_drop_down_get_selected (dropdown)], ==, "nl");
  /* Dutch has no summary: the view falls back rather than showing none. */
  g_clear_pointer (&summary, g_free);
  summary = vt_metadata_view_get_summary_markup (view);
  g_assert_nonnull (summary);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The picker and the texts choose the language in one place: with a tag
 * written as a locale name, the picker used to say "nl-NL" while the
 * title was the "nl_BE.UTF-8" one. */
static void
test_picker_matches_texts (void)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_auto(GStrv) languages = NULL;
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkDropDown *dropdown;
  GtkWidget *window;
  VtMetadataView *view;

  REQUIRE_DISPLAY ();

  manifest = parse_manifest ("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
                             " \"id\": \"https://example.org/iiif/locale-tags/manifest\", \"type\": \"Manifest\","
                             " \"label\": {\"nl-NL\": [\"Kast (NL)\"], \"nl_BE.UTF-8\": [\"Kast (BE)\"],"
                             " \"nl-be\": [\"Same language, other spelling\"], \"fr\": [\"Armoire\"]},"
                             " \"items\": []}");
  view = new_view_in_window (&window);
  vt_metadata_view_set_manifest (view, manifest, NULL);
  vt_metadata_view_set_language (view, "nl-BE");
  flush ();

  /* "nl-be" is the same language as "nl_BE.UTF-8": offered once. */
  languages = vt_metadata_view_get_languages (view);
  g_assert_cmpuint (g_strv_length (languages), ==, 3);
  g_assert_cmpstr (vt_metadata_view_get_title (view), ==, "Kast (BE)");
  find_widgets (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, dropdowns);
  dropdown = g_ptr_array_index (dropdowns, 0);
  g_assert_cmpstr (languages[gtk_drop_down_get_selected (dropdown)], ==, "nl_BE.UTF-8");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_open_uri (VtMetadataView *view,
             const char     *uri,
             GPtrArray      *opened)
{
  g_ptr_array_add (opened, g_strdup (uri));
  /* Keep the default handler from starting a browser. */
  g_signal_stop_emission_by_name (view, "open-uri");
}

static void
test_hostile_html (void)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *markup = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *not_xml = NULL;
  g_autofree char *entities = NULL;
  g_auto(GStrv) rows = NULL;
  GtkLabel *label;
  GtkWidget *window;
  VtMetadataView *view;
  gboolean handled = FALSE;

  REQUIRE_DISPLAY ();

  manifest = load_manifest ("hostile-v3.json", NULL);
  view = new_view_in_window (&window);
  vt_metadata_view_set_manifest (view, manifest, "https://example.org/iiif/vitrine/hostile/manifest.json");
  g_signal_connect (view, "open-uri", G_CALLBACK (on_open_uri), opened);
  flush ();

  /* A label is plain text, even when it looks like HTML. */
  g_assert_cmpstr (vt_metadata_view_get_title (view), ==, "<b>Not bold</b> title");

  markup = vt_metadata_view_get_row_markup (view, "Hostile");
  g_assert_nonnull (markup);
  g_test_message ("hostile value: %s", markup);
  g_assert_null (strstr (markup, "script"));
  g_assert_null (strstr (markup, "alert"));
  g_assert_null (strstr (markup, "onclick"));
  g_assert_null (strstr (markup, "onmouseover"));
  g_assert_null (strstr (markup, "steal"));
  g_assert_null (strstr (markup, "javascript"));
  g_assert_nonnull (strstr (markup, "<a href=\"https://example.org/safe\">safe</a>"));
  g_assert_nonnull (strstr (markup, "click"));

  summary = vt_metadata_view_get_summary_markup (view);
  g_test_message ("hostile summary: %s", summary);
  g_assert_null (strstr (summary, "script"));
  g_assert_null (strstr (summary, "alert"));
  g_assert_null (strstr (summary, "onerror"));
  g_assert_nonnull (strstr (summary, "Intro"));

  /* Starts with < and ends with > but is no XML: shown as text. */
  not_xml = vt_metadata_view_get_row_markup (view, "Not XML");
  g_assert_cmpstr (not_xml, ==, "&lt;x&gt; &lt;y&gt; &lt;plain text&gt;");
  entities = vt_metadata_view_get_row_markup (view, "Entities");
  g_assert_cmpstr (entities, ==, "Fish &amp; chips &lt; 5 € &gt; 3");
  rows = vt_metadata_view_get_row_texts (view);
  g_assert_true (g_strv_contains ((const char * const *) rows, "Entities: Fish & chips < 5 € > 3"));

  /* Following links: only http(s) reaches open-uri, whatever the label
   * is asked to open. */
  label = find_label_with_markup (view, markup);
  g_assert_nonnull (label);
  g_signal_emit_by_name (label, "activate-link", "javascript:alert(2)", &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (label, "activate-link", "file:///etc/passwd", &handled);
  g_signal_emit_by_name (label, "activate-link", "mailto:someone@example.org", &handled);
  g_signal_emit_by_name (label, "activate-link", "https:no-host", &handled);
  g_assert_cmpuint (opened->len, ==, 0);
  g_signal_emit_by_name (label, "activate-link", "https://example.org/safe", &handled);
  g_assert_true (handled);
  g_assert_cmpuint (opened->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (opened, 0), ==, "https://example.org/safe");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_label_only (void)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) languages = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *window;
  VtMetadataView *view;

  REQUIRE_DISPLAY ();

  manifest = load_manifest ("label-only-v3.json", NULL);
  view = new_view_in_window (&window);
  vt_metadata_view_set_manifest (view, manifest, "https://example.org/iiif/vitrine/bare/manifest.json");
  flush ();

  g_assert_cmpstr (vt_metadata_view_get_title (view), ==, "A manifest with nothing but a label");
  summary = vt_metadata_view_get_summary_markup (view);
  g_assert_null (summary);
  rows = vt_metadata_view_get_row_texts (view);
  g_assert_cmpuint (g_strv_length (rows), ==, 1);
  g_assert_cmpstr (rows[0], ==, "Manifest Link: https://example.org/iiif/vitrine/bare/manifest.json");
  languages = vt_metadata_view_get_languages (view);
  g_assert_cmpuint (g_strv_length (languages), ==, 0);
  /* Only the manifest link's section: no empty headings. */
  g_assert_cmpuint (count_shown_lists (view), ==, 1);

  /* Without a manifest URL either, nothing but the title is left. */
  vt_metadata_view_set_manifest (view, manifest, NULL);
  g_clear_pointer (&rows, g_strfreev);
  rows = vt_metadata_view_get_row_texts (view);
  g_assert_cmpuint (g_strv_length (rows), ==, 0);
  g_assert_cmpuint (count_shown_lists (view), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_replace_and_clear (void)
{
  g_autoptr(VtManifest) ghent = NULL;
  g_autoptr(VtManifest) tapestry = NULL;
  g_auto(GStrv) rows = NULL;
  GtkWidget *window;
  VtMetadataView *view;

  REQUIRE_DISPLAY ();

  ghent = load_manifest ("ghent-v2.json", GHENT_URL);
  tapestry = load_manifest ("multilingual-v3.json", NULL);
  view = new_view_in_window (&window);
  vt_metadata_view_set_manifest (view, tapestry, "https://example.org/m.json");
  g_assert_nonnull (vt_metadata_view_get_logo_url (view));

  /* The next object must not keep anything of the last one. */
  vt_metadata_view_set_manifest (view, ghent, GHENT_URL);
  g_assert_null (vt_metadata_view_get_logo_url (view));
  rows = vt_metadata_view_get_row_texts (view);
  g_assert_false (strv_contains_prefix (rows, "Material:"));
  g_assert_false (strv_contains_prefix (rows, "Institution:"));
  g_assert_cmpuint (count_shown_lists (view), ==, 3);

  vt_metadata_view_set_manifest (view, NULL, NULL);
  g_clear_pointer (&rows, g_strfreev);
  rows = vt_metadata_view_get_row_texts (view);
  g_assert_cmpuint (g_strv_length (rows), ==, 0);
  g_assert_null (vt_metadata_view_get_manifest (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_logo (void)
{
  g_autoptr(VtManifest) ghent = NULL;
  g_autoptr(VtManifest) tapestry = NULL;
  g_autoptr(GdkPaintable) logo = gdk_paintable_new_empty (96, 48);
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();
  GtkWidget *window;
  GtkWidget *picture;
  VtMetadataView *view;
  guint notified = 0;

  REQUIRE_DISPLAY ();

  ghent = load_manifest ("ghent-v2.json", GHENT_URL);
  tapestry = load_manifest ("multilingual-v3.json", NULL);
  view = new_view_in_window (&window);
  g_signal_connect_swapped (view, "notify::logo-url", G_CALLBACK (increment), &notified);

  find_widgets (GTK_WIDGET (view), GTK_TYPE_PICTURE, pictures);
  g_assert_cmpuint (pictures->len, ==, 1);
  picture = g_ptr_array_index (pictures, 0);
  g_assert_false (shown_within (picture, GTK_WIDGET (view)));

  /* The window fetches the logo the view names and hands it back. */
  vt_metadata_view_set_manifest (view, tapestry, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (vt_metadata_view_get_logo_url (view), ==, "https://example.org/logo.png");
  vt_metadata_view_set_logo (view, logo);
  g_assert_true (shown_within (picture, GTK_WIDGET (view)));
  g_assert_true (gtk_picture_get_paintable (GTK_PICTURE (picture)) == logo);

  /* A language switch keeps it: same publisher, same logo. */
  vt_metadata_view_set_language (view, "fr");
  g_assert_true (shown_within (picture, GTK_WIDGET (view)));
  g_assert_cmpuint (notified, ==, 1);

  /* Another publisher's object drops it. */
  vt_metadata_view_set_manifest (view, ghent, GHENT_URL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (picture)));
  g_assert_false (shown_within (picture, GTK_WIDGET (view)));

  /* Back to following the UI locale. */
  vt_metadata_view_set_manifest (view, tapestry, NULL);
  vt_metadata_view_set_language (view, NULL);
  g_assert_null (vt_metadata_view_get_language (view));
  g_assert_cmpstr (vt_metadata_view_get_title (view), ==, "Tapestry with a hunting scene");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Tab and the arrow keys, as a keyboard user moves: every row, the
 * language picker, the links and the copy button must be reachable. */
static void
test_keyboard (void)
{
  g_autoptr(VtManifest) manifest = NULL;
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkWidget *window;
  GtkWidget *copy_button = NULL;
  VtMetadataView *view;

  REQUIRE_DISPLAY ();

  manifest = load_manifest ("multilingual-v3.json", NULL);
  view = new_view_in_window (&window);
  vt_metadata_view_set_manifest (view, manifest, "https://example.org/iiif/vitrine/tapestry/manifest.json");
  flush ();

  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      /* Inside a list, the arrows go from row to row. */
      for (guint j = 0; j < 20 && focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) != NULL; j++)
        {
          for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
            g_hash_table_add (reached, w);
          if (!gtk_widget_child_focus (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX), GTK_DIR_DOWN))
            break;
          focus = gtk_window_get_focus (GTK_WINDOW (window));
        }
      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);
    }

  find_widgets (GTK_WIDGET (view), GTK_TYPE_LIST_BOX_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 11);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (g_hash_table_contains (reached, g_ptr_array_index (rows, i)));

  find_widgets (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_true (g_hash_table_contains (reached, g_ptr_array_index (dropdowns, 0)));

  find_widgets (GTK_WIDGET (view), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), "edit-copy-symbolic") == 0)
      copy_button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (copy_button);
  g_assert_true (g_hash_table_contains (reached, copy_button));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (copy_button),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "Copy Manifest Link"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_openable_uris (void)
{
  /* Pure: no display needed. */
  g_assert_true (vt_metadata_view_is_openable_uri ("https://example.org/"));
  g_assert_true (vt_metadata_view_is_openable_uri ("HTTP://example.org/a?b=c#d"));
  g_assert_false (vt_metadata_view_is_openable_uri (NULL));
  g_assert_false (vt_metadata_view_is_openable_uri (""));
  g_assert_false (vt_metadata_view_is_openable_uri ("javascript:alert(1)"));
  g_assert_false (vt_metadata_view_is_openable_uri ("JavaScript://example.org/%0aalert(1)"));
  g_assert_false (vt_metadata_view_is_openable_uri ("file:///etc/passwd"));
  g_assert_false (vt_metadata_view_is_openable_uri ("data:text/html,<script>alert(1)</script>"));
  g_assert_false (vt_metadata_view_is_openable_uri ("mailto:a@example.org"));
  g_assert_false (vt_metadata_view_is_openable_uri ("https://"));
  g_assert_false (vt_metadata_view_is_openable_uri ("/relative/path"));
}

int
main (int   argc,
      char *argv[])
{
  /* The expectations are in English and the manifests' languages are
   * picked by the UI locale: pin it. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  /* The suite's environment turns accessibility off; the rows' accessible
   * labels are what this test reads, and GTK's test backend keeps them
   * without a screen reader. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* Nothing here needs GL, and loading the EGL driver leaves a one-time
   * allocation from its dlclose() that LeakSanitizer cannot attribute. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  g_test_add_func ("/vitrine/metadata-view/openable-uris", test_openable_uris);
  g_test_add_func ("/vitrine/metadata-view/ghent", test_ghent);
  g_test_add_func ("/vitrine/metadata-view/ghent-accessible-rows", test_ghent_accessible_rows);
  g_test_add_func ("/vitrine/metadata-view/canvas-index", test_canvas_index);
  g_test_add_func ("/vitrine/metadata-view/multilingual", test_multilingual);
  g_test_add_func ("/vitrine/metadata-view/picker-matches-texts", test_picker_matches_texts);
  g_test_add_func ("/vitrine/metadata-view/hostile-html", test_hostile_html);
  g_test_add_func ("/vitrine/metadata-view/label-only", test_label_only);
  g_test_add_func ("/vitrine/metadata-view/replace-and-clear", test_replace_and_clear);
  g_test_add_func ("/vitrine/metadata-view/logo", test_logo);
  g_test_add_func ("/vitrine/metadata-view/keyboard", test_keyboard);

  return g_test_run ();
}
