/* test-testbed.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-testbed"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <vips/vips.h>

#include "vt-testbed.h"

/* Proves that the local test bed is real: real servers answer, with the
 * statuses, types, bodies and pixels the rest of the suite relies on. */

typedef struct
{
  guint    status;
  char    *content_type;
  GBytes  *body;
} Response;

static void
response_free (Response *r)
{
  g_free (r->content_type);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

/* One test bed for the whole run, started by the first test that needs it;
 * the restart and parallel tests start their own. */
static VtTestbed *shared_testbed;
static SoupSession *session;

static VtTestbed *
get_testbed (void)
{
  if (shared_testbed == NULL)
    shared_testbed = vt_testbed_start_or_skip ();
  return shared_testbed;
}

static Response *
fetch (const char *url)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);
  g_autoptr(GError) error = NULL;
  Response *r;
  const char *type;

  g_assert_nonnull (msg);
  r = g_new0 (Response, 1);
  r->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  r->status = soup_message_get_status (msg);
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  r->content_type = g_strdup (type);
  return r;
}

static Response *
fetch_path (VtTestbed  *tb,
            const char *path)
{
  g_autofree char *url = vt_testbed_get_url (tb, path);

  return fetch (url);
}

static JsonNode *
parse_json (Response *r)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (r->body, &len);

  json_parser_load_from_data (parser, data, len, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_body_equals (Response   *r,
                    const char *expected)
{
  gsize len;
  const char *data = g_bytes_get_data (r->body, &len);
  g_autofree char *body = g_strndup (data, len);

  g_assert_cmpstr (body, ==, expected);
}

/* Decodes a JPEG with libvips, every pixel of it; returns its mean. */
static double
decode_jpeg (GBytes *bytes,
             int    *width,
             int    *height)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  VipsImage *image;
  double avg = -1;

  g_assert_cmpuint (len, >, 2);
  g_assert_cmpuint (data[0], ==, 0xff);
  g_assert_cmpuint (data[1], ==, 0xd8);
  g_assert_cmpstr (vips_foreign_find_load_buffer (data, len), ==, "VipsForeignLoadJpegBuffer");
  image = vips_image_new_from_buffer (data, len, "", NULL);
  if (image == NULL)
    g_error ("libvips could not decode the image: %s", vips_error_buffer ());
  *width = vips_image_get_width (image);
  *height = vips_image_get_height (image);
  if (vips_avg (image, &avg, NULL) != 0)
    g_error ("libvips could not decode the pixels: %s", vips_error_buffer ());
  g_object_unref (image);
  return avg;
}

static void
assert_jpeg (Response *r,
             int       width,
             int       height)
{
  int w, h;
  double avg;

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->content_type, ==, "image/jpeg");
  avg = decode_jpeg (r->body, &w, &h);
  g_assert_cmpint (w, ==, width);
  g_assert_cmpint (h, ==, height);
  g_assert_cmpfloat (avg, >, 0.0);
}

static double
tile_average (VtTestbed  *tb,
              const char *path)
{
  g_autoptr(Response) r = fetch_path (tb, path);
  int w, h;

  g_assert_cmpuint (r->status, ==, 200);
  return decode_jpeg (r->body, &w, &h);
}

static void
test_iipimage_info (void)
{
  VtTestbed *tb = get_testbed ();
  g_autoptr(Response) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonObject *info;

  if (tb == NULL)
    return;

  r = fetch_path (tb, VT_TESTBED_IIP_MAIN "/info.json");
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->content_type, ==, "application/ld+json");
  root = parse_json (r);
  info = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (info, "width"), ==, VT_TESTBED_MAIN_WIDTH);
  g_assert_cmpint (json_object_get_int_member (info, "height"), ==, VT_TESTBED_MAIN_HEIGHT);
  g_assert_cmpstr (json_object_get_string_member (info, "@context"), ==,
                   "http://iiif.io/api/image/2/context.json");
  id = vt_testbed_get_url (tb, VT_TESTBED_IIP_MAIN);
  g_assert_cmpstr (json_object_get_string_member (info, "@id"), ==, id);
  g_assert_true (json_object_has_member (info, "tiles"));
  g_assert_true (json_object_has_member (info, "sizes"));
}

static void
test_iipimage_tiles (void)
{
  VtTestbed *tb = get_testbed ();
  g_autoptr(Response) first = NULL;
  g_autoptr(Response) edge = NULL;
  g_autoptr(Response) scaled = NULL;
  g_autoptr(Response) portrait = NULL;
  g_autoptr(Response) missing = NULL;
  double a, b;

  if (tb == NULL)
    return;

  first = fetch_path (tb, VT_TESTBED_IIP_MAIN "/0,0,256,256/256,/0/default.jpg");
  assert_jpeg (first, 256, 256);
  /* The bottom-right tile: 12000 = 46 * 256 + 224, 9000 = 35 * 256 + 40. */
  edge = fetch_path (tb, VT_TESTBED_IIP_MAIN "/11776,8960,224,40/224,/0/default.jpg");
  assert_jpeg (edge, 224, 40);
  /* A tile at scale factor 8. */
  scaled = fetch_path (tb, VT_TESTBED_IIP_MAIN "/2048,2048,2048,2048/256,/0/default.jpg");
  assert_jpeg (scaled, 256, 256);
  portrait = fetch_path (tb, VT_TESTBED_IIP_PORTRAIT "/full/300,/0/default.jpg");
  assert_jpeg (portrait, 300, 400);

  /* Real structure: tiles from different places differ. */
  a = tile_average (tb, VT_TESTBED_IIP_MAIN "/0,0,256,256/256,/0/default.jpg");
  b = tile_average (tb, VT_TESTBED_IIP_MAIN "/6144,4096,256,256/256,/0/default.jpg");
  g_assert_cmpfloat (ABS (a - b), >, 0.5);

  /* IIPImage's own error for an unknown image (not lighttpd's). */
  missing = fetch_path (tb, "/iiif/no-such-image.tif/info.json");
  g_assert_cmpuint (missing->status, ==, 404);
}

static void
check_level0 (const char *service,
              const char *context,
              const char *id_key,
              const char *tile,
              const char *edge_tile)
{
  VtTestbed *tb = get_testbed ();
  g_autofree char *info_path = NULL;
  g_autofree char *tile_path = NULL;
  g_autofree char *edge_path = NULL;
  g_autofree char *id = NULL;
  g_autoptr(Response) r = NULL;
  g_autoptr(Response) t = NULL;
  g_autoptr(Response) e = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *info;

  if (tb == NULL)
    return;

  info_path = g_strconcat (service, "/info.json", NULL);
  r = fetch_path (tb, info_path);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->content_type, ==, "application/json");
  root = parse_json (r);
  info = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (info, "@context"), ==, context);
  /* The id was rewritten from the build-time placeholder to this server. */
  id = vt_testbed_get_url (tb, service);
  g_assert_cmpstr (json_object_get_string_member (info, id_key), ==, id);
  g_assert_cmpint (json_object_get_int_member (info, "width"), ==, VT_TESTBED_LEVEL0_WIDTH);
  g_assert_cmpint (json_object_get_int_member (info, "height"), ==, VT_TESTBED_LEVEL0_HEIGHT);

  tile_path = g_strconcat (service, tile, NULL);
  t = fetch_path (tb, tile_path);
  assert_jpeg (t, 256, 256);
  edge_path = g_strconcat (service, edge_tile, NULL);
  e = fetch_path (tb, edge_path);
  assert_jpeg (e, 112, 160);
}

static void
test_level0_v2 (void)
{
  check_level0 (VT_TESTBED_LEVEL0_V2, "http://iiif.io/api/image/2/context.json", "@id",
                "/0,0,256,256/256,/0/default.jpg",
                "/5888,3840,112,160/112,/0/default.jpg");
}

static void
test_level0_v3 (void)
{
  check_level0 (VT_TESTBED_LEVEL0_V3, "http://iiif.io/api/image/3/context.json", "id",
                "/0,0,256,256/256,256/0/default.jpg",
                "/5888,3840,112,160/112,160/0/default.jpg");
}

static void
test_static_image (void)
{
  VtTestbed *tb = get_testbed ();
  g_autoptr(Response) r = NULL;

  if (tb == NULL)
    return;

  r = fetch_path (tb, VT_TESTBED_STATIC_IMAGE);
  assert_jpeg (r, VT_TESTBED_STATIC_WIDTH, VT_TESTBED_STATIC_HEIGHT);
}

static void
test_audio (void)
{
  VtTestbed *tb = get_testbed ();
  g_autoptr(Response) r = NULL;
  gsize len;
  const char *data;

  if (tb == NULL)
    return;

  r = fetch_path (tb, VT_TESTBED_AUDIO);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->content_type, ==, "audio/wav");
  data = g_bytes_get_data (r->body, &len);
  g_assert_cmpuint (len, >, 44);
  g_assert_cmpmem (data, 4, "RIFF", 4);
  g_assert_cmpmem (data + 8, 4, "WAVE", 4);
}

/* Every canvas of a public Ghent manifest points at an image service of the
 * test bed whose info.json has the canvas's size. */
static void
check_ghent_manifest (VtTestbed  *tb,
                      const char *object_id,
                      guint       n_canvases,
                      guint       image_status)
{
  g_autofree char *url = vt_testbed_get_manifest_url (tb, object_id);
  g_autoptr(Response) r = fetch (url);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *manifest;
  JsonArray *sequences;
  JsonArray *canvases;

  g_test_message ("%s", url);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->content_type, ==, "application/ld+json");
  root = parse_json (r);
  manifest = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (manifest, "@type"), ==, "sc:Manifest");
  g_assert_cmpstr (json_object_get_string_member (manifest, "@id"), ==, url);
  g_assert_true (json_object_has_member (manifest, "label"));
  /* Ghent never sends a metadata block. */
  g_assert_false (json_object_has_member (manifest, "metadata"));

  sequences = json_object_get_array_member (manifest, "sequences");
  g_assert_cmpuint (json_array_get_length (sequences), ==, 1);
  canvases = json_object_get_array_member (json_array_get_object_element (sequences, 0), "canvases");
  g_assert_cmpuint (json_array_get_length (canvases), ==, n_canvases);

  for (guint i = 0; i < n_canvases; i++)
    {
      JsonObject *canvas = json_array_get_object_element (canvases, i);
      JsonObject *annotation =
        json_array_get_object_element (json_object_get_array_member (canvas, "images"), 0);
      JsonObject *resource = json_object_get_object_member (annotation, "resource");
      JsonObject *service = json_object_get_object_member (resource, "service");
      const char *service_id = json_object_get_string_member (service, "@id");
      g_autofree char *info_url = g_strconcat (service_id, "/info.json", NULL);
      g_autoptr(Response) info = NULL;

      /* Licence and attribution sit on the annotation, as in Ghent's;
       * an image that names nobody leaves it to the manifest. */
      g_assert_true (json_object_has_member (annotation, "license"));
      g_assert_true (json_object_has_member (annotation, "attribution")
                     || json_object_has_member (manifest, "attribution"));
      g_assert_true (g_str_has_prefix (service_id, vt_testbed_get_base_url (tb)));

      info = fetch (info_url);
      g_assert_cmpuint (info->status, ==, image_status);
      if (image_status == 200)
        {
          g_autoptr(JsonNode) info_root = parse_json (info);
          JsonObject *obj = json_node_get_object (info_root);

          g_assert_cmpint (json_object_get_int_member (obj, "width"), ==,
                           json_object_get_int_member (canvas, "width"));
          g_assert_cmpint (json_object_get_int_member (obj, "height"), ==,
                           json_object_get_int_member (canvas, "height"));
        }
    }
}

static void
test_ghent_manifests (void)
{
  VtTestbed *tb = get_testbed ();

  if (tb == NULL)
    return;

  check_ghent_manifest (tb, VT_TESTBED_OBJECT_DMG, 1, 200);
  check_ghent_manifest (tb, VT_TESTBED_OBJECT_TWO_CANVASES, 2, 200);
  check_ghent_manifest (tb, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS, 3, 200);
  check_ghent_manifest (tb, VT_TESTBED_OBJECT_HVA, 1, 200);
  check_ghent_manifest (tb, VT_TESTBED_OBJECT_INDUSTRIEMUSEUM, 1, 200);
  check_ghent_manifest (tb, VT_TESTBED_OBJECT_STAM, 1, 200);
  check_ghent_manifest (tb, VT_TESTBED_OBJECT_ARCHIEFGENT, 1, 200);
  check_ghent_manifest (tb, VT_TESTBED_OBJECT_SPACE_IN_ID, 1, 200);
  check_ghent_manifest (tb, VT_TESTBED_OBJECT_IMAGE_FORBIDDEN, 1, 403);
  /* IIPImage's own 404: the image is not on the server. */
  check_ghent_manifest (tb, VT_TESTBED_OBJECT_IMAGE_MISSING, 1, 404);
}

/* The shapes that matter to a parser are really there. */
static void
test_ghent_shapes (void)
{
  VtTestbed *tb = get_testbed ();
  g_autofree char *dmg_url = NULL;
  g_autofree char *hva_url = NULL;
  g_autofree char *im_url = NULL;
  g_autoptr(Response) dmg = NULL;
  g_autoptr(Response) hva = NULL;
  g_autoptr(Response) im = NULL;
  g_autoptr(JsonNode) dmg_root = NULL;
  g_autoptr(JsonNode) hva_root = NULL;
  g_autoptr(JsonNode) im_root = NULL;
  gsize len;
  const char *data;

  if (tb == NULL)
    return;

  dmg_url = vt_testbed_get_manifest_url (tb, VT_TESTBED_OBJECT_TWO_CANVASES);
  dmg = fetch (dmg_url);
  dmg_root = parse_json (dmg);
  g_assert_cmpint (json_node_get_node_type (json_object_get_member (json_node_get_object (dmg_root),
                                                                    "label")),
                   ==, JSON_NODE_OBJECT);
  /* Compact, raw UTF-8, raw '$' in the image ids, as Ghent sends them. */
  data = g_bytes_get_data (dmg->body, &len);
  g_assert_nonnull (g_strstr_len (data, len, "\"@type\":\"sc:Manifest\""));
  g_assert_nonnull (g_strstr_len (data, len, "-2011-0075_0-2$1.jpg/full/full/0/default.jpg"));
  g_assert_nonnull (g_strstr_len (data, len, "Bořek Šípek"));

  hva_url = vt_testbed_get_manifest_url (tb, VT_TESTBED_OBJECT_STRING_LABEL);
  hva = fetch (hva_url);
  hva_root = parse_json (hva);
  g_assert_cmpint (json_node_get_node_type (json_object_get_member (json_node_get_object (hva_root),
                                                                    "label")),
                   ==, JSON_NODE_VALUE);

  im_url = vt_testbed_get_manifest_url (tb, VT_TESTBED_OBJECT_CONTEXT_TYPO);
  im = fetch (im_url);
  im_root = parse_json (im);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (im_root), "@context"), ==,
                   "https:///iiif.io/api/presentation/2/context.json");
  g_assert_false (json_object_has_member (json_node_get_object (im_root), "description"));

  /* Spaces in image ids: %20 in URLs, raw in the canvas label. */
  {
    g_autofree char *url = vt_testbed_get_manifest_url (tb, VT_TESTBED_OBJECT_SPACE_IN_ID);
    g_autoptr(Response) r = fetch (url);

    data = g_bytes_get_data (r->body, &len);
    g_assert_nonnull (g_strstr_len (data, len, "_TE%20grondplan.jpg/full/full/0/default.jpg"));
    g_assert_nonnull (g_strstr_len (data, len, "\"label\":\"7b3e9d1f0a2c4e6b8d5f1a3c9e7b2d40-transcode-"
                                    "OA_535_001_05_B_TE grondplan.jpg\""));
  }
}

typedef struct
{
  const char *license;
  const char *attribution;  /* NULL: the annotation names nobody */
} CanvasRights;

/* Fetches OBJECT_ID and checks the licence and attribution on the image
 * annotation of each of its canvases. */
static JsonNode *
fetch_with_rights (VtTestbed          *tb,
                   const char         *object_id,
                   const CanvasRights *expected,
                   guint               n_canvases)
{
  g_autofree char *url = vt_testbed_get_manifest_url (tb, object_id);
  g_autoptr(Response) r = fetch (url);
  JsonNode *root = parse_json (r);
  JsonArray *sequences = json_object_get_array_member (json_node_get_object (root), "sequences");
  JsonArray *canvases = json_object_get_array_member (json_array_get_object_element (sequences, 0), "canvases");

  g_assert_cmpuint (json_array_get_length (canvases), ==, n_canvases);
  for (guint i = 0; i < n_canvases; i++)
    {
      JsonArray *images = json_object_get_array_member (json_array_get_object_element (canvases, i), "images");
      JsonObject *annotation = json_array_get_object_element (images, 0);

      g_test_message ("%s canvas %u", object_id, i);
      g_assert_cmpstr (json_object_get_string_member (annotation, "license"), ==, expected[i].license);
      g_assert_cmpstr (json_object_get_string_member_with_default (annotation, "attribution", NULL), ==,
                       expected[i].attribution);
    }
  return root;
}

/* Rights differ per page, as they do in Ghent's manifests. */
static void
test_ghent_rights_per_canvas (void)
{
  static const CanvasRights two_canvases[] = {
    { "https://creativecommons.org/licenses/by-nc-nd/4.0/",
      "rightsholder: Bořek Šípek, photographer: Foto Design Museum Gent, source: Design Museum Gent" },
    { "http://rightsstatements.org/vocab/InC/1.0/",
      "photographer: Michiel Hendryckx, source: Design Museum Gent" },
  };
  static const CanvasRights per_canvas[] = {
    { "https://creativecommons.org/licenses/by-nc-nd/4.0/", VT_TESTBED_RIGHTS_CANVAS_ATTRIBUTION },
    { "http://rightsstatements.org/vocab/InC/1.0/", NULL },
    { "https://creativecommons.org/licenses/by-nc-nd/4.0/", VT_TESTBED_RIGHTS_CANVAS_ATTRIBUTION },
  };
  VtTestbed *tb = get_testbed ();
  g_autoptr(JsonNode) two = NULL;
  g_autoptr(JsonNode) three = NULL;

  if (tb == NULL)
    return;

  two = fetch_with_rights (tb, VT_TESTBED_OBJECT_TWO_CANVASES, two_canvases, G_N_ELEMENTS (two_canvases));
  g_assert_false (json_object_has_member (json_node_get_object (two), "attribution"));

  /* Only this object has a manifest-level attribution, and no licence. */
  three = fetch_with_rights (tb, VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS, per_canvas, G_N_ELEMENTS (per_canvas));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (three), "attribution"), ==,
                   VT_TESTBED_RIGHTS_MANIFEST_ATTRIBUTION);
  g_assert_false (json_object_has_member (json_node_get_object (three), "license"));
}

static void
test_ghent_forbidden (void)
{
  VtTestbed *tb = get_testbed ();
  const char *ids[] = { VT_TESTBED_OBJECT_FORBIDDEN, VT_TESTBED_OBJECT_FORBIDDEN_2 };

  if (tb == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *url = vt_testbed_get_manifest_url (tb, ids[i]);
      g_autoptr(Response) r = fetch (url);

      g_assert_cmpuint (r->status, ==, 403);
      g_assert_cmpstr (r->content_type, ==, "application/json");
      assert_body_equals (r, VT_TESTBED_FORBIDDEN_BODY);
    }
}

static void
test_ghent_missing (void)
{
  VtTestbed *tb = get_testbed ();
  const char *ids[] = { VT_TESTBED_OBJECT_MISSING, "stam:S.0000-anything" };

  if (tb == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *url = vt_testbed_get_manifest_url (tb, ids[i]);
      g_autofree char *expected = g_strdup_printf (VT_TESTBED_MISSING_BODY_FORMAT, ids[i]);
      g_autoptr(Response) r = fetch (url);

      g_assert_cmpuint (r->status, ==, 404);
      g_assert_cmpstr (r->content_type, ==, "application/json");
      assert_body_equals (r, expected);
    }
}

static void
test_ghent_failing (void)
{
  VtTestbed *tb = get_testbed ();
  g_autofree char *url = NULL;
  g_autoptr(Response) r = NULL;

  if (tb == NULL)
    return;

  url = vt_testbed_get_manifest_url (tb, VT_TESTBED_OBJECT_FAILING);
  r = fetch (url);
  g_assert_cmpuint (r->status, ==, 500);
  g_assert_cmpstr (r->content_type, ==, "application/json");
  assert_body_equals (r, VT_TESTBED_FAILING_BODY);
}

static void
test_ghent_image_forbidden (void)
{
  VtTestbed *tb = get_testbed ();
  g_autofree char *url = NULL;
  g_autoptr(Response) manifest = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *service;
  const char *service_id;
  g_autofree char *info_url = NULL;
  g_autofree char *tile_url = NULL;
  g_autoptr(Response) info = NULL;
  g_autoptr(Response) tile = NULL;

  if (tb == NULL)
    return;

  url = vt_testbed_get_manifest_url (tb, VT_TESTBED_OBJECT_IMAGE_FORBIDDEN);
  manifest = fetch (url);
  g_assert_cmpuint (manifest->status, ==, 200);
  root = parse_json (manifest);
  service = json_object_get_object_member (
      json_object_get_object_member (
        json_array_get_object_element (
          json_object_get_array_member (
            json_array_get_object_element (
              json_object_get_array_member (
                json_array_get_object_element (
                  json_object_get_array_member (json_node_get_object (root), "sequences"), 0),
                "canvases"), 0),
            "images"), 0),
        "resource"),
      "service");
  service_id = json_object_get_string_member (service, "@id");

  info_url = g_strconcat (service_id, "/info.json", NULL);
  info = fetch (info_url);
  g_assert_cmpuint (info->status, ==, 403);
  g_assert_cmpstr (info->content_type, ==, "text/plain");
  assert_body_equals (info, VT_TESTBED_IMAGE_FORBIDDEN_BODY);

  tile_url = g_strconcat (service_id, "/0,0,256,256/256,/0/default.jpg", NULL);
  tile = fetch (tile_url);
  g_assert_cmpuint (tile->status, ==, 403);
}

/* The slow servers: the flaky manifest answers the gateway's 504 page
 * twice, then the manifest, then starts again; the slow one says nothing
 * at all for a long while (waiting the whole 25 s is test-slow-servers'
 * job). The index lists both apart from the other Ghent objects. */
static void
test_ghent_slow_servers (void)
{
  VtTestbed *tb = get_testbed ();
  g_autofree char *flaky = NULL;
  g_autofree char *slow = NULL;
  g_autoptr(Response) index_r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SoupSession) impatient = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) nothing = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *listed;
  guint statuses[] = { VT_TESTBED_FLAKY_STATUS, VT_TESTBED_FLAKY_STATUS, 200, VT_TESTBED_FLAKY_STATUS };

  G_STATIC_ASSERT (VT_TESTBED_FLAKY_TIMES == 2);

  if (tb == NULL)
    return;

  flaky = vt_testbed_get_manifest_url (tb, VT_TESTBED_OBJECT_FLAKY);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(Response) r = fetch (flaky);

      g_assert_cmpuint (r->status, ==, statuses[i]);
      if (r->status == 200)
        {
          g_autoptr(JsonNode) manifest = parse_json (r);

          g_assert_cmpstr (r->content_type, ==, "application/ld+json");
          g_assert_cmpstr (json_object_get_string_member (json_node_get_object (manifest), "@id"), ==, flaky);
        }
      else
        {
          g_assert_cmpstr (r->content_type, ==, "text/html");
          g_assert_nonnull (g_strstr_len (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body),
                                          "504 Gateway Time-out"));
        }
    }

  slow = vt_testbed_get_manifest_url (tb, VT_TESTBED_OBJECT_SLOW);
  impatient = soup_session_new_with_options ("timeout", 2, NULL);
  msg = soup_message_new (SOUP_METHOD_GET, slow);
  nothing = soup_session_send_and_read (impatient, msg, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);

  index_r = fetch_path (tb, VT_TESTBED_INDEX);
  root = parse_json (index_r);
  listed = json_object_get_array_member (json_node_get_object (root), "slow_servers");
  g_assert_cmpuint (json_array_get_length (listed), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *entry = json_array_get_object_element (listed, i);
      const char *id = json_object_get_string_member (entry, "id");

      if (g_str_equal (id, VT_TESTBED_OBJECT_SLOW))
        g_assert_cmpint (json_object_get_int_member (entry, "delay"), ==, VT_TESTBED_SLOW_DELAY_S);
      else
        {
          JsonObject *fail = json_object_get_object_member (entry, "fail");

          g_assert_cmpstr (id, ==, VT_TESTBED_OBJECT_FLAKY);
          g_assert_cmpint (json_object_get_int_member (fail, "status"), ==, VT_TESTBED_FLAKY_STATUS);
          g_assert_cmpint (json_object_get_int_member (fail, "times"), ==, VT_TESTBED_FLAKY_TIMES);
        }
    }
}

/* Every document the index lists is served and is JSON, and the index
 * lists the Ghent objects with the statuses they really answer. */
static void
test_documents (void)
{
  VtTestbed *tb = get_testbed ();
  g_autoptr(Response) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *index;
  JsonArray *documents;
  JsonArray *ghent;
  guint n_v3 = 0;

  if (tb == NULL)
    return;

  r = fetch_path (tb, VT_TESTBED_INDEX);
  g_assert_cmpuint (r->status, ==, 200);
  root = parse_json (r);
  index = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (index, "base"), ==, vt_testbed_get_base_url (tb));

  documents = json_object_get_array_member (index, "documents");
  g_assert_cmpuint (json_array_get_length (documents), >=, 8);
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      const char *url = json_array_get_string_element (documents, i);
      g_autoptr(Response) d = fetch (url);
      g_autoptr(JsonNode) doc = NULL;
      JsonObject *obj;
      const char *context;
      const char *id;

      g_test_message ("%s", url);
      g_assert_cmpuint (d->status, ==, 200);
      g_assert_cmpstr (d->content_type, ==, "application/json");
      doc = parse_json (d);
      obj = json_node_get_object (doc);
      /* A document with extensions (navPlace, cookbook 0154) lists their
       * contexts first and the API's last. */
      if (JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "@context")))
        {
          JsonArray *contexts = json_object_get_array_member (obj, "@context");

          g_assert_cmpuint (json_array_get_length (contexts), >, 0);
          context = json_array_get_string_element (contexts, json_array_get_length (contexts) - 1);
        }
      else
        context = json_object_get_string_member (obj, "@context");
      if (g_str_equal (context, "http://iiif.io/api/image/2/context.json"))
        {
          /* An info.json in front of IIPImage's image (/limited/…): its
           * @id is that image's, on this test bed. */
          g_assert_cmpstr (json_object_get_string_member (obj, "protocol"), ==, "http://iiif.io/api/image");
          g_assert_true (g_str_has_prefix (json_object_get_string_member (obj, "@id"),
                                           vt_testbed_get_base_url (tb)));
          continue;
        }
      if (g_str_equal (context, "http://iiif.io/api/presentation/3/context.json"))
        {
          id = json_object_get_string_member (obj, "id");
          n_v3++;
        }
      else
        {
          g_assert_cmpstr (context, ==, "http://iiif.io/api/presentation/2/context.json");
          id = json_object_get_string_member (obj, "@id");
        }
      /* @BASE@ was replaced everywhere, so ids point back here. */
      g_assert_cmpstr (id, ==, url);
      g_assert_null (g_strstr_len (g_bytes_get_data (d->body, NULL), g_bytes_get_size (d->body),
                                   "@BASE@"));
    }
  g_assert_cmpuint (n_v3, >=, 5);

  /* A home page for people, linking the same things. */
  {
    g_autoptr(Response) home = fetch_path (tb, "/");

    g_assert_cmpuint (home->status, ==, 200);
    g_assert_cmpstr (home->content_type, ==, "text/html");
  }

  ghent = json_object_get_array_member (index, "ghent");
  for (guint i = 0; i < json_array_get_length (ghent); i++)
    {
      JsonObject *entry = json_array_get_object_element (ghent, i);
      g_autoptr(Response) m = fetch (json_object_get_string_member (entry, "url"));

      g_assert_cmpint (m->status, ==, json_object_get_int_member (entry, "status"));
    }
}

static void
test_time_based (void)
{
  VtTestbed *tb = get_testbed ();
  g_autoptr(Response) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *canvas;
  JsonObject *body;
  g_autoptr(Response) audio = NULL;

  if (tb == NULL)
    return;

  r = fetch_path (tb, VT_TESTBED_MANIFEST_V3_AV);
  root = parse_json (r);
  canvas = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root),
                                                                        "items"), 0);
  g_assert_cmpfloat (json_object_get_double_member (canvas, "duration"), ==, 5.0);
  body = json_object_get_object_member (
      json_array_get_object_element (
        json_object_get_array_member (
          json_array_get_object_element (json_object_get_array_member (canvas, "items"), 0),
          "items"), 0),
      "body");
  g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "Sound");
  audio = fetch (json_object_get_string_member (body, "id"));
  g_assert_cmpuint (audio->status, ==, 200);
}

/* The instance (temporary directory name) of the test bed that answers at
 * PORT, or %NULL when nothing listens there. A port freed by one test bed may
 * be taken by another test's, so what matters is whose server answers. */
static char *
instance_at_port (guint16 port)
{
  g_autoptr(SoupSession) fresh = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u" VT_TESTBED_INDEX, port);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  body = soup_session_send_and_read (fresh, msg, NULL, &error);
  if (body == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
      return NULL;
    }
  if (soup_message_get_status (msg) != 200 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   g_bytes_get_size (body), NULL))
    return g_strdup ("");
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup ("");
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root),
                                                               "instance", ""));
}

static gboolean
instance_answers (guint16     port,
                  const char *instance)
{
  g_autofree char *now = instance_at_port (port);

  return g_strcmp0 (now, instance) == 0;
}

static char *
get_instance (VtTestbed *tb)
{
  g_autoptr(Response) r = fetch_path (tb, VT_TESTBED_INDEX);
  g_autoptr(JsonNode) root = parse_json (r);

  return g_strdup (json_object_get_string_member (json_node_get_object (root), "instance"));
}

/* Is any process still running with INSTANCE (the test bed's temporary
 * directory) in its command line or environment? That catches lighttpd (-f
 * its config) and IIPImage (FILESYSTEM_PREFIX). */
static gboolean
instance_has_processes (const char *instance)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      const char *files[] = { "cmdline", "environ" };

      if (!g_ascii_isdigit (name[0]))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autofree char *path = g_build_filename ("/proc", name, files[i], NULL);
          g_autofree char *contents = NULL;
          gsize len;

          if (!g_file_get_contents (path, &contents, &len, NULL))
            continue;
          /* The entries are NUL-separated. */
          for (gsize j = 0; j < len; j += strlen (contents + j) + 1)
            {
              if (strstr (contents + j, instance) != NULL)
                {
                  g_test_message ("process %s still has %s", name, instance);
                  return TRUE;
                }
            }
        }
    }
  return FALSE;
}

static void
test_stop_restart (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *instance = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(Response) before = NULL;
  g_autoptr(Response) after = NULL;
  guint16 port;

  if (tb == NULL)
    return;

  base = g_strdup (vt_testbed_get_base_url (tb));
  port = vt_testbed_get_port (tb);
  g_assert_cmpuint (port, >, 0);
  before = fetch_path (tb, VT_TESTBED_IIP_MAIN "/info.json");
  g_assert_cmpuint (before->status, ==, 200);
  instance = get_instance (tb);
  tmp = g_build_filename (g_get_tmp_dir (), instance, NULL);
  g_assert_true (instance_has_processes (instance));

  g_assert_true (vt_testbed_stop (tb, &error));
  g_assert_no_error (error);
  g_assert_false (vt_testbed_is_running (tb));
  g_assert_false (instance_answers (port, instance));
  /* Nothing left behind: no process, no temporary directory. */
  g_assert_false (instance_has_processes (instance));
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  /* Stopping twice is harmless. */
  g_assert_true (vt_testbed_stop (tb, &error));

  g_assert_true (vt_testbed_restart (tb, &error));
  g_assert_no_error (error);
  g_assert_true (vt_testbed_is_running (tb));
  g_assert_cmpuint (vt_testbed_get_port (tb), ==, port);
  g_assert_cmpstr (vt_testbed_get_base_url (tb), ==, base);
  after = fetch_path (tb, VT_TESTBED_IIP_MAIN "/0,0,256,256/256,/0/default.jpg");
  assert_jpeg (after, 256, 256);

  /* Restarting a running one works too. */
  g_clear_pointer (&instance, g_free);
  instance = get_instance (tb);
  g_assert_true (vt_testbed_restart (tb, &error));
  g_assert_no_error (error);
  g_assert_false (instance_has_processes (instance));
  g_assert_false (instance_answers (port, instance));
  g_clear_pointer (&instance, g_free);
  instance = get_instance (tb);
  g_assert_true (instance_answers (port, instance));
}

static void
test_parallel (void)
{
  g_autoptr(VtTestbed) a = vt_testbed_start_or_skip ();
  g_autoptr(VtTestbed) b = NULL;
  g_autoptr(Response) ra = NULL;
  g_autoptr(Response) rb = NULL;
  g_autofree char *instance_a = NULL;

  if (a == NULL)
    return;
  b = vt_testbed_start_or_skip ();
  if (b == NULL)
    return;

  g_assert_cmpuint (vt_testbed_get_port (a), !=, vt_testbed_get_port (b));
  ra = fetch_path (a, VT_TESTBED_IIP_MAIN "/info.json");
  rb = fetch_path (b, VT_TESTBED_IIP_MAIN "/info.json");
  g_assert_cmpuint (ra->status, ==, 200);
  g_assert_cmpuint (rb->status, ==, 200);

  /* Freeing one leaves the other running. */
  instance_a = get_instance (a);
  g_clear_pointer (&a, vt_testbed_free);
  g_assert_false (instance_has_processes (instance_a));
  g_clear_pointer (&rb, response_free);
  rb = fetch_path (b, VT_TESTBED_LEVEL0_V3 "/info.json");
  g_assert_cmpuint (rb->status, ==, 200);
}

/* Runs vitrine-testbed directly (not through VtTestbed) on FIXTURES; returns
 * the process, with the port it announced. */
static GSubprocess *
spawn_script (const char *fixtures,
              const char *extra_arg,
              const char *extra_value,
              guint16    *port)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *argv[] = { VT_TESTBED_PYTHON, VT_TESTBED_SCRIPT, "serve", "--fixtures",
                         fixtures, extra_arg, extra_value, NULL };

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  data = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);
  line = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "READY http://127.0.0.1:"));
  *port = (guint16) g_ascii_strtoull (line + strlen ("READY http://127.0.0.1:"), NULL, 10);
  g_assert_cmpuint (*port, >, 0);
  return g_steal_pointer (&process);
}

/* A test bed whose parent goes away without stopping it stops by itself,
 * because its stdin (a pipe) closes. */
static void
test_dies_with_parent (void)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *instance = NULL;
  guint16 port;

  if (!vt_testbed_check_available (&reason))
    {
      g_test_skip (reason);
      return;
    }

  process = spawn_script (vt_testbed_get_fixtures_dir (), NULL, NULL, &port);
  instance = instance_at_port (port);
  g_assert_nonnull (instance);
  g_assert_true (g_str_has_prefix (instance, "vitrine-testbed-"));

  g_output_stream_close (g_subprocess_get_stdin_pipe (process), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (instance_answers (port, instance));
  g_assert_false (instance_has_processes (instance));
}

/* --watch-pid: a test bed started in the background by a shell script stops
 * when the script's process does. */
static void
test_watch_pid (void)
{
  g_autoptr(GSubprocess) watched = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *instance = NULL;
  const char *sleep_argv[] = { "sleep", "600", NULL };
  guint16 port;

  if (!vt_testbed_check_available (&reason))
    {
      g_test_skip (reason);
      return;
    }

  watched = g_subprocess_newv (sleep_argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  process = spawn_script (vt_testbed_get_fixtures_dir (), "--watch-pid",
                          g_subprocess_get_identifier (watched), &port);
  instance = instance_at_port (port);
  g_assert_nonnull (instance);

  g_subprocess_force_exit (watched);
  g_subprocess_wait (watched, NULL, &error);
  g_assert_no_error (error);
  /* Its stdin pipe is still open: only the watched process ended. */
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (instance_answers (port, instance));
  g_assert_false (instance_has_processes (instance));
}

/* Restarting on a port someone else took fails with a clear error, and
 * leaves nothing behind. */
static void
test_restart_port_taken (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autoptr(GSubprocess) squatter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *port_str = NULL;
  guint16 port, squatter_port;

  if (tb == NULL)
    return;

  port = vt_testbed_get_port (tb);
  g_assert_true (vt_testbed_stop (tb, &error));
  g_assert_no_error (error);

  port_str = g_strdup_printf ("%u", port);
  squatter = spawn_script (vt_testbed_get_fixtures_dir (), "--port", port_str, &squatter_port);
  g_assert_cmpuint (squatter_port, ==, port);

  g_assert_false (vt_testbed_restart (tb, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_false (vt_testbed_is_running (tb));
  g_clear_error (&error);

  g_subprocess_send_signal (squatter, SIGTERM);
  g_subprocess_wait_check (squatter, NULL, &error);
  g_assert_no_error (error);

  /* Once the port is free again, a restart works. */
  g_assert_true (vt_testbed_restart (tb, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vt_testbed_get_port (tb), ==, port);
}

/* bench.tif is served at /iiif/bench.tif once the testbed-bench-image target
 * made it. Making it takes a minute, so this stands a link to ghent.tif in
 * for it, in a copy of the fixtures directory made of links. */
static void
test_bench_image (void)
{
  VtTestbed *tb = get_testbed ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(Response) shared = NULL;
  g_autoptr(Response) r = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *real_bench = NULL;
  g_autofree char *url = NULL;
  const char *fixtures = vt_testbed_get_fixtures_dir ();
  const char *name;
  guint16 port;

  if (tb == NULL)
    return;

  real_bench = g_build_filename (fixtures, "bench.tif", NULL);
  shared = fetch_path (tb, "/iiif/bench.tif/info.json");
  g_assert_cmpuint (shared->status, ==, g_file_test (real_bench, G_FILE_TEST_EXISTS) ? 200 : 404);

  tmp = g_dir_make_tmp ("vitrine-testbed-fixtures-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_dir_open (fixtures, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *target = g_build_filename (fixtures, name, NULL);
      g_autofree char *link = g_build_filename (tmp, name, NULL);

      if (g_str_equal (name, "bench.tif"))
        continue;
      g_assert_cmpint (symlink (target, link), ==, 0);
    }
  {
    g_autofree char *target = g_build_filename (fixtures, "ghent.tif", NULL);
    g_autofree char *link = g_build_filename (tmp, "bench.tif", NULL);

    g_assert_cmpint (symlink (target, link), ==, 0);
  }

  process = spawn_script (tmp, NULL, NULL, &port);
  url = g_strdup_printf ("http://127.0.0.1:%u/iiif/bench.tif/info.json", port);
  r = fetch (url);
  g_assert_cmpuint (r->status, ==, 200);
  root = parse_json (r);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "width"), ==,
                   VT_TESTBED_MAIN_WIDTH);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  /* Remove the links (never what they point to). */
  g_clear_pointer (&dir, g_dir_close);
  dir = g_dir_open (tmp, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename (tmp, name, NULL);

      g_assert_cmpint (g_unlink (link), ==, 0);
    }
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

static void
test_bad_fixtures (void)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  const char *argv[] = { VT_TESTBED_PYTHON, VT_TESTBED_SCRIPT, "serve", "--fixtures",
                         "/nonexistent/vitrine-fixtures", NULL };

  if (!vt_testbed_check_available (&reason))
    {
      g_test_skip (reason);
      return;
    }

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (VIPS_INIT (argv[0]) != 0)
    g_error ("libvips did not start: %s", vips_error_buffer ());

  session = soup_session_new ();

  g_test_add_func ("/testbed/iipimage/info", test_iipimage_info);
  g_test_add_func ("/testbed/iipimage/tiles", test_iipimage_tiles);
  g_test_add_func ("/testbed/level0/v2", test_level0_v2);
  g_test_add_func ("/testbed/level0/v3", test_level0_v3);
  g_test_add_func ("/testbed/static-image", test_static_image);
  g_test_add_func ("/testbed/audio", test_audio);
  g_test_add_func ("/testbed/ghent/manifests", test_ghent_manifests);
  g_test_add_func ("/testbed/ghent/shapes", test_ghent_shapes);
  g_test_add_func ("/testbed/ghent/rights-per-canvas", test_ghent_rights_per_canvas);
  g_test_add_func ("/testbed/ghent/forbidden", test_ghent_forbidden);
  g_test_add_func ("/testbed/ghent/missing", test_ghent_missing);
  g_test_add_func ("/testbed/ghent/failing", test_ghent_failing);
  g_test_add_func ("/testbed/ghent/image-forbidden", test_ghent_image_forbidden);
  g_test_add_func ("/testbed/ghent/slow-servers", test_ghent_slow_servers);
  g_test_add_func ("/testbed/documents", test_documents);
  g_test_add_func ("/testbed/time-based", test_time_based);
  g_test_add_func ("/testbed/server/stop-restart", test_stop_restart);
  g_test_add_func ("/testbed/server/parallel", test_parallel);
  g_test_add_func ("/testbed/server/dies-with-parent", test_dies_with_parent);
  g_test_add_func ("/testbed/server/restart-port-taken", test_restart_port_taken);
  g_test_add_func ("/testbed/server/watch-pid", test_watch_pid);
  g_test_add_func ("/testbed/server/bad-fixtures", test_bad_fixtures);
  g_test_add_func ("/testbed/server/bench-image", test_bench_image);

  ret = g_test_run ();

  g_clear_pointer (&shared_testbed, vt_testbed_free);
  g_clear_object (&session);
  vips_shutdown ();
  return ret;
}
