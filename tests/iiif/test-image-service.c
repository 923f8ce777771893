/* test-image-service.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vt-iiif-test-util.h"

static void
test_v2 (void)
{
  g_autoptr(VtImageService) service = vt_test_parse_info ("info-v2-tiles.json", "https://images.example.org/iiif/2/ms%252F12");
  VtImageTiles *tiles;
  VtAuthService *login;

  g_assert_cmpint (service->version, ==, VT_IMAGE_API_2);
  /* verbatim: %252F stays, trailing slash goes */
  g_assert_cmpstr (service->id, ==, "https://images.example.org/iiif/2/ms%252F12");
  g_assert_false (vt_image_service_is_degraded (service, "https://images.example.org/iiif/2/ms%252F12/info.json"));
  g_assert_true (vt_image_service_is_degraded (service, "https://images.example.org/iiif/2/other"));
  g_assert_cmpint (service->level, ==, 2);
  g_assert_cmpint (service->width, ==, 5000);
  g_assert_cmpint (service->height, ==, 3000);
  g_assert_cmpuint (service->tiles->len, ==, 2);
  tiles = g_ptr_array_index (service->tiles, 1);
  g_assert_cmpuint (tiles->width, ==, 512);
  g_assert_cmpuint (tiles->height, ==, 512);
  g_assert_cmpuint (tiles->scale_factors->len, ==, 3);
  g_assert_cmpuint (g_array_index (tiles->scale_factors, guint, 0), ==, 4);
  g_assert_cmpuint (g_array_index (tiles->scale_factors, guint, 1), ==, 5);
  g_assert_cmpuint (g_array_index (tiles->scale_factors, guint, 2), ==, 8);
  g_assert_cmpuint (service->sizes->len, ==, 1);
  g_assert_true (g_strv_contains ((const char * const *) service->formats, "webp"));
  g_assert_true (g_strv_contains ((const char * const *) service->qualities, "gray"));
  g_assert_true (vt_image_service_supports (service, "sizeAboveFull"));
  g_assert_false (vt_image_service_supports (service, "rotationArbitrary"));
  g_assert_cmpstr (service->rights, ==, "https://creativecommons.org/licenses/by/4.0/");
  /* the bad tile entry, the 0 scale factor and the bad size */
  g_assert_cmpuint (service->warnings->len, ==, 3);

  g_assert_cmpuint (service->auth->len, ==, 1);
  login = g_ptr_array_index (service->auth, 0);
  g_assert_cmpint (login->version, ==, 1);
  g_assert_cmpint (login->kind, ==, VT_AUTH_LOGIN);
  g_assert_cmpstr (login->id, ==, "https://images.example.org/auth/login");
  g_assert_cmpstr (vt_language_map_get_first (login->label, NULL), ==, "Log in to Example Images");
  g_assert_cmpstr (vt_language_map_get_first (login->header, NULL), ==, "Please log in");
  g_assert_cmpstr (vt_language_map_get_first (login->confirm_label, NULL), ==, "Login");
  g_assert_cmpstr (vt_language_map_get_first (login->failure_description, NULL), ==, "Try again");
  g_assert_cmpuint (login->services->len, ==, 2);
  g_assert_cmpint (((VtAuthService *) g_ptr_array_index (login->services, 0))->kind, ==, VT_AUTH_TOKEN);
  g_assert_cmpint (((VtAuthService *) g_ptr_array_index (login->services, 1))->kind, ==, VT_AUTH_LOGOUT);
}

static void
test_v3 (void)
{
  g_autoptr(VtImageService) service = vt_test_parse_info ("info-v3-tiles.json", NULL);
  VtAuthService *probe, *access;

  g_assert_cmpint (service->version, ==, VT_IMAGE_API_3);
  g_assert_cmpstr (service->id, ==, "https://images.example.org/iiif/3/p%C3%A9riode-1");
  g_assert_cmpint (service->level, ==, 1);
  g_assert_true (g_strv_contains ((const char * const *) service->preferred_formats, "webp"));
  g_assert_true (g_strv_contains ((const char * const *) service->qualities, "bitonal"));
  g_assert_true (vt_image_service_supports (service, "mirroring"));
  g_assert_cmpstr (service->rights, ==, "http://rightsstatements.org/vocab/InC/1.0/");
  g_assert_cmpuint (service->warnings->len, ==, 0);

  g_assert_cmpuint (service->auth->len, ==, 1);
  probe = g_ptr_array_index (service->auth, 0);
  g_assert_cmpint (probe->version, ==, 2);
  g_assert_cmpint (probe->kind, ==, VT_AUTH_PROBE);
  g_assert_cmpuint (probe->services->len, ==, 1);
  access = g_ptr_array_index (probe->services, 0);
  g_assert_cmpint (access->kind, ==, VT_AUTH_ACTIVE);
  g_assert_cmpstr (vt_language_map_get_first (access->header, NULL), ==, "Restricted");
  g_assert_cmpstr (vt_language_map_get_first (access->description, NULL), ==, "Staff only");
  g_assert_cmpuint (access->services->len, ==, 2);
  g_assert_cmpint (((VtAuthService *) g_ptr_array_index (access->services, 0))->kind, ==, VT_AUTH_TOKEN);
}

static void
test_v1 (void)
{
  g_autoptr(VtImageService) v10 = vt_test_parse_info ("info-v1.0.json", "https://images.example.org/iiif/abc/info.json");
  g_autoptr(VtImageService) v11 = vt_test_parse_info ("info-v1.1.json", NULL);

  g_assert_cmpint (v10->version, ==, VT_IMAGE_API_1_0);
  g_assert_cmpstr (v10->id, ==, "https://images.example.org/iiif/abc");
  g_assert_cmpint (v10->level, ==, 1);
  g_assert_cmpuint (v10->tiles->len, ==, 1);
  /* [4, 1, 2, 2] sorted, duplicates dropped */
  g_assert_cmpuint (((VtImageTiles *) g_ptr_array_index (v10->tiles, 0))->scale_factors->len, ==, 3);

  g_assert_cmpint (v11->version, ==, VT_IMAGE_API_1_1);
  g_assert_cmpstr (v11->id, ==, "https://images.example.org/iiif/1.1/plate%2F7");
  g_assert_cmpuint (((VtImageTiles *) g_ptr_array_index (v11->tiles, 0))->height, ==, 256);
  g_assert_true (g_strv_contains ((const char * const *) v11->qualities, "grey"));
}

typedef struct
{
  const char *json;
  int         code;
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "", VT_IIIF_ERROR_NOT_JSON },
    { "{\"width\": ", VT_IIIF_ERROR_NOT_JSON },
    { "[1, 2]", VT_IIIF_ERROR_NOT_IIIF },
    { "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"x\"}", VT_IIIF_ERROR_MISSING_FIELD },
    { "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"x\", \"width\": 0, \"height\": 5}", VT_IIIF_ERROR_INVALID_VALUE },
    { "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"x\", \"width\": 2147483648, \"height\": 5}", VT_IIIF_ERROR_INVALID_VALUE },
    { "{\"@context\": \"http://iiif.io/api/image/2/context.json\", \"@id\": \"x\", \"width\": 10.5, \"height\": 5}", VT_IIIF_ERROR_MISSING_FIELD },
    { "{\"@context\": \"http://iiif.io/api/image/4/context.json\", \"id\": \"x\", \"width\": 10, \"height\": 5}", VT_IIIF_ERROR_UNSUPPORTED_VERSION },
    { "{\"id\": \"\xff\xfe\"}", VT_IIIF_ERROR_INVALID_UTF8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(VtImageService) service = vt_image_service_parse (bytes, NULL, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (service);
      g_assert_error (error, VT_IIIF_ERROR, cases[i].code);
    }
}

/* Spellings seen in the wild: profile as an object, "level3", a stray
 * space and https in the context. */
static void
test_quirks (void)
{
  static const struct { const char *json; VtImageApiVersion version; int level; } cases[] = {
    { "{\"profile\": {\"@id\": \"http://iiif.io/api/image/2/level2.json\", \"supports\": [\"sizeByW\"]}, \"width\": 7, \"height\": 3, \"protocol\": \"http://iiif.io/api/image\"}", VT_IMAGE_API_2, 2 },
    { "{\"@context\": \"http://iiif.io/api/image/3/context.json\", \"id\": \"x\", \"profile\": \"level3\", \"width\": 7, \"height\": 3}", VT_IMAGE_API_3, 0 },
    { "{\"@context\": \" https://iiif.io/api/image/2/context.json\", \"@id\": \"x\", \"profile\": \"http://iiif.io/api/image/1/level1.json\", \"width\": 7, \"height\": 3}", VT_IMAGE_API_2, 1 },
    { "{\"@context\": \"https:///iiif.io/api/image/2/context.json\", \"@id\": \"x\", \"profile\": [\"https:///iiif.io/api/image/2/level2.json\"], \"width\": 7, \"height\": 3}", VT_IMAGE_API_2, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(VtImageService) service = vt_image_service_parse (bytes, "https://r.example/i", &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpint (service->version, ==, cases[i].version);
      g_assert_cmpint (service->level, ==, cases[i].level);
    }
}

/* info.json is also readable through the generic entry point. */
static void
test_document (void)
{
  g_autoptr(VtIiifDocument) doc = vt_test_parse_fixture ("info-v3-level0-sizes.json");

  g_assert_cmpint (doc->kind, ==, VT_IIIF_DOCUMENT_IMAGE_SERVICE);
  g_assert_nonnull (doc->image_service);
  g_assert_null (doc->manifest);
  g_assert_cmpuint (doc->image_service->sizes->len, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/image-service/v2", test_v2);
  g_test_add_func ("/vitrine/iiif/image-service/v3", test_v3);
  g_test_add_func ("/vitrine/iiif/image-service/v1", test_v1);
  g_test_add_func ("/vitrine/iiif/image-service/errors", test_errors);
  g_test_add_func ("/vitrine/iiif/image-service/quirks", test_quirks);
  g_test_add_func ("/vitrine/iiif/image-service/document", test_document);

  return g_test_run ();
}
