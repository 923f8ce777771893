/* test-target.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "app/vt-target.h"

/* What typed text resolves to, before anything is fetched. */

#define API "http://127.0.0.1:1/api"

static void
assert_ghent (const char *input,
              const char *picked,
              const char *expected_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTarget) target = vt_target_resolve (input, picked, API, &error);

  g_assert_no_error (error);
  g_assert_nonnull (target);
  g_assert_cmpint (target->kind, ==, VT_TARGET_GHENT);
  g_assert_cmpstr (target->location, ==, expected_id);
  g_assert_cmpstr (target->display_name, ==, expected_id);
}

static void
test_plain_numbers (void)
{
  assert_ghent ("dmg:1987-1049", NULL, "dmg:1987-1049");
  assert_ghent ("  dmg : 1987-1049 ", "hva", "dmg:1987-1049");
  assert_ghent ("1987-1049", "dmg", "dmg:1987-1049");
  assert_ghent ("HVA:2001.0001", NULL, "hva:2001.0001");
}

/* Issue 13: "dmg 1987-1049" gave "There is no object dmg:dmg 1987-1049". */
static void
test_prefix_without_colon (void)
{
  const char *inputs[] = {
    "dmg 1987-1049",
    "DMG 1987-1049",
    "dmg  1987-1049",
    "dmg\u00a01987-1049",
    "dmg/1987-1049",
    "dmg - 1987-1049",
    "dmg.1987-1049",
    "dmg;1987-1049",
    "dmg\uff1a1987-1049",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      /* With no organisation picked, with the same one picked (the prefix
       * typed again), and with another (the typed one wins). */
      assert_ghent (inputs[i], NULL, "dmg:1987-1049");
      assert_ghent (inputs[i], "dmg", "dmg:1987-1049");
      assert_ghent (inputs[i], "stam", "dmg:1987-1049");
    }

  assert_ghent ("industriemuseum 1990.0103", "dmg", "industriemuseum:1990.0103");
  assert_ghent ("archiefgent_SCMS_FO_0001", NULL, "archiefgent:SCMS_FO_0001");
}

/* Text that only starts like an abbreviation stays a number of the picked
 * organisation, and the input as typed is kept. */
static void
test_not_a_prefix (void)
{
  g_autoptr(VtTarget) target = NULL;

  assert_ghent ("dmg1987", "stam", "stam:dmg1987");
  assert_ghent ("hvac 12", "stam", "stam:hvac 12");

  target = vt_target_resolve ("dmg 1987-1049", NULL, API, NULL);
  g_assert_cmpstr (target->input, ==, "dmg 1987-1049");
  g_assert_cmpstr (target->number, ==, "1987-1049");
}

static void
test_prefix_alone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTarget) target = vt_target_resolve ("dmg ", "dmg", API, &error);

  /* Trimmed, "dmg" alone is a bare number of the picked organisation; it
   * must not become "dmg:" with an empty number. */
  g_assert_no_error (error);
  g_assert_cmpstr (target->location, ==, "dmg:dmg");
}

/* Content states and drag-and-drop links resolve to their manifest, their
 * canvas and the region to show, however they were passed; anything that
 * is not a web address is refused with a reason. */
static void
test_content_state (void)
{
  g_autoptr(VtContentState) state = vt_content_state_new ();
  VtContentStateTarget *t = vt_content_state_add_target (state, "https://example.org/m.json",
                                                         "https://example.org/c/2");
  g_autofree char *encoded = NULL;
  g_autofree char *query = NULL;
  g_autofree char *drag = NULL;
  g_autofree char *url = NULL;
  const char *inputs[4];

  vt_content_state_target_set_region (t, 10, 20, 300, 400);
  encoded = vt_content_state_encode (state);
  query = vt_content_state_to_query (state);
  drag = vt_content_state_to_drag_link (state);
  url = g_strconcat ("https://viewer.example.org/?iiif-content=", encoded, NULL);
  inputs[0] = encoded;
  inputs[1] = query;
  inputs[2] = drag;
  inputs[3] = url;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      /* A picked organisation must not turn the state into a number. */
      g_autoptr(VtTarget) target = vt_target_resolve (inputs[i], "dmg", API, &error);
      const VtContentStateTarget *view;

      g_assert_no_error (error);
      g_assert_cmpint (target->kind, ==, VT_TARGET_URL);
      g_assert_cmpstr (target->uri, ==, "https://example.org/m.json");
      g_assert_cmpstr (target->canvas_id, ==, "https://example.org/c/2");
      view = vt_target_get_view (target);
      g_assert_nonnull (view);
      g_assert_true (view->has_region);
      g_assert_cmpfloat (view->x, ==, 10);
      g_assert_cmpfloat (view->height, ==, 400);

      {
        g_autoptr(VtTarget) copy = vt_target_copy (target);

        g_assert_true (vt_target_get_view (copy)->has_region);
      }
    }

  {
    g_autoptr(VtTarget) plain = vt_target_resolve ("https://example.org/m.json", NULL, API, NULL);

    g_assert_null (vt_target_get_view (plain));
  }

  /* A short encoded state (a manifest alone) is letters and digits, as an
   * object number may be: read as a number of the picked organisation,
   * it opened "dmg:JTdCJTIy…", which does not exist. */
  {
    g_autoptr(VtContentState) manifest_only = vt_content_state_new ();
    g_autofree char *short_state = NULL;
    g_autoptr(VtTarget) target = NULL;

    vt_content_state_add_target (manifest_only, "https://example.org/m.json", NULL);
    short_state = vt_content_state_encode (manifest_only);
    target = vt_target_resolve (short_state, "dmg", API, NULL);
    g_assert_nonnull (target);
    g_assert_cmpint (target->kind, ==, VT_TARGET_URL);
    g_assert_cmpstr (target->uri, ==, "https://example.org/m.json");
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VtTarget) target = vt_target_resolve ("https://viewer.example.org/?manifest=file:///etc/passwd",
                                                    NULL, API, &error);

    g_assert_null (target);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "http"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/app/target/plain-numbers", test_plain_numbers);
  g_test_add_func ("/vitrine/app/target/content-state", test_content_state);
  g_test_add_func ("/vitrine/app/target/prefix-without-colon", test_prefix_without_colon);
  g_test_add_func ("/vitrine/app/target/not-a-prefix", test_not_a_prefix);
  g_test_add_func ("/vitrine/app/target/prefix-alone", test_prefix_alone);

  return g_test_run ();
}
