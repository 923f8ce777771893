/* test-huge.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A manifest of 100,000 canvases (the limit, about 64 MB) opens without a
 * tree of the whole document: the memory it takes grows with the model,
 * not with json-glib's nodes (900 MiB before). Each case runs in a process
 * of its own, so that its peak RSS is its own. Times are measured by
 * bench-parse, never asserted. */

#include "config.h"

#include <sys/resource.h>

#include "vt-iiif-test-huge.h"
#include "vt-iiif-test-util.h"

/* Sanitizers keep freed memory in quarantine and add shadow memory: the
 * RSS of such a build says nothing about ours. */
#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#  define SANITIZED 1
# endif
#endif
#ifndef SANITIZED
# define SANITIZED 0
#endif

/* Peak growth allowed while opening, on top of the document's own bytes. */
#define BUDGET_MIB 400

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
open_huge (guint version)
{
  g_autoptr(GBytes) bytes = vt_test_huge_manifest (version, VT_IIIF_MAX_CANVASES);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  double before = peak_rss_mib ();
  double growth;

  doc = vt_iiif_document_parse (bytes, NULL, &error);
  growth = peak_rss_mib () - before;
  g_assert_no_error (error);
  g_assert_cmpuint (vt_manifest_get_n_canvases (doc->manifest), ==, VT_IIIF_MAX_CANVASES);
  g_assert_true (vt_canvas_is_image (vt_manifest_get_canvas (doc->manifest, VT_IIIF_MAX_CANVASES - 1)));
  g_test_message ("P%u, %u canvases, %.1f MB: peak RSS grew by %.0f MiB",
                  version, VT_IIIF_MAX_CANVASES, g_bytes_get_size (bytes) / 1e6, growth);
  if (SANITIZED)
    g_test_message ("a sanitizer build: the growth is not checked");
  else
    g_assert_cmpfloat (growth, <=, BUDGET_MIB);
}

static void
test_huge_v3 (void)
{
  /* Under sanitizers a 60 MB parse takes minutes and its memory says
   * nothing; the same code is run there by the json and reading tests. */
  if (SANITIZED)
    {
      g_test_skip ("a sanitizer build: what this measures is meaningless there");
      return;
    }

  if (g_test_subprocess ())
    {
      open_huge (3);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_huge_v2 (void)
{
  /* Under sanitizers a 60 MB parse takes minutes and its memory says
   * nothing; the same code is run there by the json and reading tests. */
  if (SANITIZED)
    {
      g_test_skip ("a sanitizer build: what this measures is meaningless there");
      return;
    }

  if (g_test_subprocess ())
    {
      open_huge (2);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* One canvas over the limit: refused before a canvas is read, so the
 * peak hardly moves (868 MiB before). */
static void
test_refused (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) bytes = vt_test_huge_manifest (3, VT_IIIF_MAX_CANVASES + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(VtIiifDocument) doc = NULL;
      double before = peak_rss_mib ();
      double growth;

      doc = vt_iiif_document_parse (bytes, NULL, &error);
      growth = peak_rss_mib () - before;
      g_assert_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE);
      g_assert_null (doc);
      g_test_message ("refused; peak RSS grew by %.0f MiB", growth);
      if (!SANITIZED)
        g_assert_cmpfloat (growth, <=, 64);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitrine/iiif/huge/v3", test_huge_v3);
  g_test_add_func ("/vitrine/iiif/huge/v2", test_huge_v2);
  g_test_add_func ("/vitrine/iiif/huge/refused", test_refused);

  return g_test_run ();
}
