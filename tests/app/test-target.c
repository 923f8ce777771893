/* test-target.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <gio/gio.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/app/target/plain-numbers", test_plain_numbers);
  g_test_add_func ("/vitrine/app/target/prefix-without-colon", test_prefix_without_colon);
  g_test_add_func ("/vitrine/app/target/not-a-prefix", test_not_a_prefix);
  g_test_add_func ("/vitrine/app/target/prefix-alone", test_prefix_alone);

  return g_test_run ();
}
