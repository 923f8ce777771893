/* test-manifest-rows.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "vt-iiif-test-util.h"
#include "vt-iiif-test-markup.h"

static const char * const en[] = { "en", NULL };

/* @rows are @expected, and every value is markup a GtkLabel takes. */
static void
check_rows (char               **rows,
            const char * const  *expected)
{
  g_assert_cmpstrv (rows, expected);
  for (guint i = 1; rows[i - 1] != NULL && rows[i] != NULL; i += 2)
    {
      g_autofree char *text = vt_test_check_markup (rows[i]);
    }
  g_strfreev (rows);
}

static void
test_v3 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3.json");
  const char * const nl[] = { "nl-BE", "en", NULL };
  VtManifest *m = doc->manifest;
  g_autofree char *title = vt_manifest_dup_title (m, en);
  g_autofree char *title_nl = vt_manifest_dup_title (m, nl);

  g_assert_cmpstr (title, ==, "Portrait of a woman");
  g_assert_cmpstr (title_nl, ==, "Portret van een vrouw");

  /* The second label is keyed "English", which is no language: shown as
   * the only one there is. */
  check_rows (vt_manifest_dup_metadata_rows (m, en),
              (const char * const []) { "Maker", "Unknown", "Date", "1650", NULL });
  check_rows (vt_manifest_dup_rights_rows (m, 0, en),
              (const char * const []) {
                "Attribution", "Example Museum",
                "Rights", "<a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>", NULL });
  /* The provider by name, linked to its homepage. */
  check_rows (vt_manifest_dup_provider_rows (m, en),
              (const char * const []) { "Institution", "<a href=\"https://museum.example.org/\">Example Museum</a>", NULL });
  check_rows (vt_manifest_dup_link_rows (m, en),
              (const char * const []) {
                "Homepage", "<a href=\"https://museum.example.org/objects/7\">Object page</a>",
                "PDF Document", "<a href=\"https://museum.example.org/objects/7.pdf\">PDF</a>", NULL });
}

static void
test_v2 (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v2-book.json");
  const char * const fr[] = { "fr", NULL };
  VtManifest *m = doc->manifest;
  g_autofree char *title = vt_manifest_dup_title (m, fr);

  g_assert_cmpstr (title, ==, "Livre d'heures");
  check_rows (vt_manifest_dup_metadata_rows (m, fr),
              (const char * const []) { "Date", "c. 1450", "Auteur", "Anonymous", "Digitised", "true", NULL });
  /* A v2 attribution has no label of its own. */
  check_rows (vt_manifest_dup_rights_rows (m, 0, fr),
              (const char * const []) {
                "Attribution", "Provided by the Example Library",
                "Rights", "<a href=\"https://creativecommons.org/publicdomain/mark/1.0/\">Public Domain Mark 1.0</a>",
                NULL });
  /* A v2 logo is a provider without a name or homepage: no row. */
  check_rows (vt_manifest_dup_provider_rows (m, fr), (const char * const []) { NULL });
  /* Links without a label show their address. */
  check_rows (vt_manifest_dup_link_rows (m, fr),
              (const char * const []) {
                "Homepage",
                "<a href=\"https://library.example.org/objects/book1\">https://library.example.org/objects/book1</a>",
                "Catalogue Record (XML)", "<a href=\"https://library.example.org/book1.xml\">https://library.example.org/book1.xml</a>",
                NULL });
}

/* Ghent names the licence and the rights holder per image: the rows
 * follow the page, and a page that names nothing gets the manifest's
 * attribution, not another page's rights holder. */
static void
test_rights_follow_page (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v2-rights-per-canvas.json");
  VtManifest *m = doc->manifest;

  check_rows (vt_manifest_dup_rights_rows (m, 0, en),
              (const char * const []) {
                "Attribution", "Rights holder: Museum\nPhotographer: A. Fotograaf\nSource: Museum",
                "Rights", "<a href=\"https://creativecommons.org/licenses/by-nc-nd/4.0/\">CC BY-NC-ND 4.0</a>", NULL });
  check_rows (vt_manifest_dup_rights_rows (m, 1, en),
              (const char * const []) {
                "Attribution", "Source: Museum",
                "Rights", "<a href=\"https://rightsstatements.org/page/InC/1.0/\">In Copyright</a>", NULL });
  check_rows (vt_manifest_dup_rights_rows (m, 2, en),
              (const char * const []) { "Attribution", "Source: Museum", NULL });
  check_rows (vt_manifest_dup_rights_rows (m, G_MAXUINT, en),
              (const char * const []) { "Attribution", "Source: Museum", NULL });
}

/* Whatever a manifest says, the labels stay text and the values safe
 * markup; a link that may not be opened loses its link, not its text. */
static void
test_hostile (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("manifest-v3-hostile-rows.json");
  VtManifest *m = doc->manifest;
  g_autofree char *title = vt_manifest_dup_title (m, en);

  g_assert_cmpstr (title, ==, "<b>Not bold</b> title");

  check_rows (vt_manifest_dup_metadata_rows (m, en),
              (const char * const []) {
                "A & B", "xy",
                "", "<a href=\"https://x.example/record\">https://x.example/record</a>", NULL });
  check_rows (vt_manifest_dup_rights_rows (m, 0, en),
              (const char * const []) { "Attribution", "Me &amp; you", "Rights", "javascript:alert(3)", NULL });
  check_rows (vt_manifest_dup_provider_rows (m, en),
              (const char * const []) { "Institution", "&lt;i&gt;P&lt;/i&gt;", NULL });
  check_rows (vt_manifest_dup_link_rows (m, en),
              (const char * const []) {
                "See Also", "<a href=\"https://x.example/d.xml\">&lt;/a&gt;&lt;b&gt;</a>", NULL });
}

/* Links are labelled by what they lead to: Ghent's rendering is its LDES
 * record, not an unexplained "Alternative Format". */
static void
test_link_kinds (void)
{
  static const char json[] =
    "{\"@context\": \"http://iiif.io/api/presentation/2/context.json\","
    " \"@id\": \"https://api.collectie.gent/iiif/presentation/v2/manifest/dmg:1\","
    " \"@type\": \"sc:Manifest\", \"label\": \"x\","
    " \"rendering\": [{\"@id\": \"https://stad.gent/id/mensgemaaktobject/dmg/5/2022-07-07T00:00:41.512Z\"},"
    "   {\"@id\": \"https://x.example/a.html\", \"format\": \"text/html\"},"
    "   {\"@id\": \"https://x.example/a.bin\", \"format\": \"application/octet-stream\"}],"
    " \"seeAlso\": [{\"@id\": \"https://x.example/a.jsonld\", \"format\": \"application/ld+json\"},"
    "   {\"@id\": \"https://x.example/a.mrc\", \"profile\": \"http://www.loc.gov/MARC21/slim\"},"
    "   {\"@id\": \"https://x.example/a.json\", \"format\": \"application/json\"},"
    "   {\"@id\": \"https://x.example/a\"}],"
    " \"sequences\": []}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = vt_iiif_document_parse (bytes, NULL, &error);
  g_auto(GStrv) rows = NULL;
  const char *expected[] = {
    "Linked Data Record (LDES)", "Web Page", "Alternative Format",
    "Linked Data Record", "Catalogue Record (MARC)", "Data Record (JSON)", "See Also",
  };

  g_assert_no_error (error);
  rows = vt_manifest_dup_link_rows (doc->manifest, en);
  g_assert_cmpuint (g_strv_length (rows), ==, 2 * G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (rows[2 * i], ==, expected[i]);
}

/* What a canvas says of itself (cookbook 0029 metadata-anywhere, 0017's
 * transcript of a video) shows for that page alone, headed by its label; a
 * page that says nothing else gives no rows. */
static void
test_page_rows (void)
{
  static const char v3[] =
    "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
    " \"id\": \"https://x.example/m\", \"type\": \"Manifest\", \"label\": {\"en\": [\"Dee\"]},"
    " \"items\": ["
    "  {\"id\": \"https://x.example/c1\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
    "   \"label\": {\"en\": [\"Natural light\"]},"
    "   \"summary\": {\"en\": [\"The <b>front</b>\"]},"
    "   \"metadata\": [{\"label\": {\"en\": [\"Description\"]}, \"value\": {\"en\": [\"Dee & Kelly\"]}}],"
    "   \"rendering\": [{\"id\": \"https://x.example/t.txt\", \"type\": \"Text\","
    "     \"label\": {\"en\": [\"Transcript\"]}, \"format\": \"text/plain\"},"
    "    {\"id\": \"javascript:alert(1)\", \"type\": \"Text\", \"format\": \"application/pdf\"}],"
    "   \"homepage\": [{\"id\": \"https://x.example/p1\", \"type\": \"Text\", \"label\": {\"en\": [\"Page 1\"]}}],"
    "   \"seeAlso\": [{\"id\": \"https://x.example/p1.xml\", \"type\": \"Dataset\", \"format\": \"text/xml\"}]},"
    "  {\"id\": \"https://x.example/c2\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
    "   \"label\": {\"en\": [\"X-ray\"]}}]}";
  static const char v2[] =
    "{\"@context\": \"http://iiif.io/api/presentation/2/context.json\","
    " \"@id\": \"https://x.example/m2\", \"@type\": \"sc:Manifest\", \"label\": \"x\","
    " \"sequences\": [{\"@type\": \"sc:Sequence\", \"canvases\": ["
    "  {\"@id\": \"https://x.example/c1\", \"@type\": \"sc:Canvas\", \"label\": \"f. 1r\","
    "   \"width\": 10, \"height\": 10, \"description\": \"Recto\","
    "   \"metadata\": [{\"label\": \"Folio\", \"value\": \"1r\"}],"
    "   \"related\": \"https://x.example/f1\","
    "   \"rendering\": {\"@id\": \"https://x.example/f1.pdf\", \"format\": \"application/pdf\", \"label\": \"PDF\"}}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = vt_test_parse_string (v3, &error);
  g_autoptr(VtIiifDocument) doc2 = NULL;

  g_assert_no_error (error);
  check_rows (vt_manifest_dup_page_rows (doc->manifest, 0, en),
              (const char * const []) {
                "Page", "Natural light",
                "Summary", "The <b>front</b>",
                "Description", "Dee &amp; Kelly",
                "Homepage", "<a href=\"https://x.example/p1\">Page 1</a>",
                "Text", "<a href=\"https://x.example/t.txt\">Transcript</a>",
                "PDF Document", "javascript:alert(1)",
                "Catalogue Record (XML)", "<a href=\"https://x.example/p1.xml\">https://x.example/p1.xml</a>",
                NULL });
  check_rows (vt_manifest_dup_page_rows (doc->manifest, 1, en), (const char * const []) { NULL });
  check_rows (vt_manifest_dup_page_rows (doc->manifest, G_MAXUINT, en), (const char * const []) { NULL });
  /* The manifest's own rows are not the page's. */
  check_rows (vt_manifest_dup_metadata_rows (doc->manifest, en), (const char * const []) { NULL });

  doc2 = vt_test_parse_string (v2, &error);
  g_assert_no_error (error);
  check_rows (vt_manifest_dup_page_rows (doc2->manifest, 0, en),
              (const char * const []) {
                "Page", "f. 1r",
                "Summary", "Recto",
                "Folio", "1r",
                "Homepage", "<a href=\"https://x.example/f1\">https://x.example/f1</a>",
                "PDF Document", "<a href=\"https://x.example/f1.pdf\">PDF</a>",
                NULL });
}

/* navPlace and navDate (cookbook 0154, 0230, 0240, 0318): a row for each
 * place, by its label in the user's language and its coordinates, linked
 * to OpenStreetMap; an area by its centre; what is not on Earth without
 * coordinates; only so many places; a date as a reader writes it. */
static void
test_place_rows (void)
{
  static const char v3[] =
    "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
    " \"id\": \"https://x.example/m\", \"type\": \"Manifest\", \"label\": {\"en\": [\"x\"]},"
    " \"navDate\": \"1776-01-01T00:00:00Z\","
    " \"navPlace\": {\"type\": \"FeatureCollection\", \"features\": ["
    "  {\"type\": \"Feature\", \"properties\": {\"label\": {\"en\": [\"The Bronze\"], \"it\": [\"Il Bronzo\"]}},"
    "   \"geometry\": {\"type\": \"Point\", \"coordinates\": [-118.4745559, 34.0776376]}},"
    "  {\"type\": \"Feature\", \"properties\": {\"label\": {\"en\": [\"Rome & around\"]}},"
    "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[12.0, 41.0], [13.0, 41.0], [13.0, 42.0], [12.0, 41.0]]]}},"
    "  {\"type\": \"Feature\", \"properties\": {\"label\": {\"en\": [\"Nowhere\"]}},"
    "   \"geometry\": {\"type\": \"Point\", \"coordinates\": [12.0, 95.0]}},"
    "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [200.0, 10.0]}},"
    "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [-0.5, -33.25, 120.0]}}]},"
    " \"items\": ["
    "  {\"id\": \"https://x.example/c1\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
    "   \"label\": {\"en\": [\"Front\"]}, \"navDate\": \"1986-05-04T14:30:00+02:00\","
    "   \"navPlace\": {\"type\": \"FeatureCollection\", \"features\": ["
    "    {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [12.4922, 41.8902]}}]}},"
    "  {\"id\": \"https://x.example/c2\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
    "   \"label\": {\"en\": [\"Back\"]}, \"navDate\": \"not a date\"},"
    "  {\"id\": \"https://x.example/c3\", \"type\": \"Canvas\", \"width\": 10, \"height\": 10,"
    "   \"label\": {\"en\": [\"Many\"]}, \"navPlace\": {\"type\": \"FeatureCollection\", \"features\": [%s]}}]}";
  const char * const it[] = { "it", NULL };
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  g_auto(GStrv) rows = NULL;

  for (guint i = 0; i < 11; i++)
    g_string_append_printf (many, "%s{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [%u, %u]}}",
                            i > 0 ? ", " : "", i, i);
  json = g_strdup_printf (v3, many->str);
  doc = vt_test_parse_string (json, &error);
  g_assert_no_error (error);

  check_rows (vt_manifest_dup_place_rows (doc->manifest, en),
              (const char * const []) {
                "Place", "The Bronze\n<a href=\"https://www.openstreetmap.org/?mlat=34.07764&amp;mlon=-118.47456#map=15/34.07764/-118.47456\">34.0776° N, 118.4746° W</a>",
                "Place", "Rome &amp; around\n<a href=\"https://www.openstreetmap.org/?mlat=41.50000&amp;mlon=12.50000#map=8/41.50000/12.50000\">Around 41.5000° N, 12.5000° E</a>",
                "Place", "Nowhere",
                "Place", "<a href=\"https://www.openstreetmap.org/?mlat=-33.25000&amp;mlon=-0.50000#map=15/-33.25000/-0.50000\">33.2500° S, 0.5000° W</a>",
                "Date", "January 1, 1776",
                NULL });
  rows = vt_manifest_dup_place_rows (doc->manifest, it);
  g_assert_cmpstr (rows[1], ==, "Il Bronzo\n<a href=\"https://www.openstreetmap.org/?mlat=34.07764&amp;mlon=-118.47456#map=15/34.07764/-118.47456\">34.0776° N, 118.4746° W</a>");

  /* A page's own place and date are on its rows; a time that is not
   * midnight is shown, in UTC. */
  check_rows (vt_manifest_dup_page_rows (doc->manifest, 0, en),
              (const char * const []) {
                "Page", "Front",
                "Place", "<a href=\"https://www.openstreetmap.org/?mlat=41.89020&amp;mlon=12.49220#map=15/41.89020/12.49220\">41.8902° N, 12.4922° E</a>",
                "Date", "May 4, 1986, 12:30 UTC",
                NULL });
  check_rows (vt_manifest_dup_page_rows (doc->manifest, 1, en),
              (const char * const []) { "Page", "Back", "Date", "not a date", NULL });
  g_clear_pointer (&rows, g_strfreev);
  rows = vt_manifest_dup_page_rows (doc->manifest, 2, en);
  /* The page's label, eight places and the count of the rest. */
  g_assert_cmpuint (g_strv_length (rows), ==, 2 * 10);
  g_assert_cmpstr (rows[18], ==, "Place");
  g_assert_cmpstr (rows[19], ==, "3 more places");
}

int
main (int   argc,
      char *argv[])
{
  /* The row labels are checked in English. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/manifest-rows/v3", test_v3);
  g_test_add_func ("/vitrine/iiif/manifest-rows/v2", test_v2);
  g_test_add_func ("/vitrine/iiif/manifest-rows/rights-follow-page", test_rights_follow_page);
  g_test_add_func ("/vitrine/iiif/manifest-rows/hostile", test_hostile);
  g_test_add_func ("/vitrine/iiif/manifest-rows/link-kinds", test_link_kinds);
  g_test_add_func ("/vitrine/iiif/manifest-rows/page-rows", test_page_rows);
  g_test_add_func ("/vitrine/iiif/manifest-rows/place-rows", test_place_rows);

  return g_test_run ();
}
