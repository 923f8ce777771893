/* test-inspect-url.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `vitrine-inspect URL` against the real test bed: its exit status and
 * the kind word on stderr name the state the app would show. */

#define G_LOG_DOMAIN "test-inspect-url"

#include "config.h"

#undef G_DISABLE_ASSERT

#include <string.h>

#include "vt-testbed.h"

static const char *inspect_path;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_inspect_with (const char *option,
                  const char *url,
                  Run        *run)
{
  const char *argv[] = { inspect_path, option != NULL ? option : url, option != NULL ? url : NULL, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
run_inspect (const char *url,
             Run        *run)
{
  run_inspect_with (NULL, url, run);
}

static void
assert_fails (VtTestbed  *tb,
              const char *path,
              int         status,
              const char *kind,
              const char *server_message)
{
  g_autofree char *url = vt_testbed_get_url (tb, path);
  g_autofree char *prefix = g_strdup_printf ("vitrine-inspect: %s: ", kind);
  g_auto(Run) run = { 0 };

  g_test_message ("%s", url);
  run_inspect (url, &run);
  g_assert_cmpint (run.status, ==, status);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));
  /* One line. */
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_null (memchr (run.err, '\n', strlen (run.err) - 1));
  if (server_message != NULL)
    g_assert_nonnull (strstr (run.err, server_message));
}

static void
test_inspect_url (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  if (tb == NULL)
    return;

  /* Success: the normalised document on stdout, nothing on stderr. */
  {
    g_autofree char *url = vt_testbed_get_manifest_url (tb, VT_TESTBED_OBJECT_DMG);

    run_inspect (url, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "{"));
    g_assert_nonnull (strstr (run.out, "\"Manifest\""));
  }

  assert_fails (tb, VT_TESTBED_MANIFEST_PATH VT_TESTBED_OBJECT_FORBIDDEN, 10, "not-public",
                "You don't have permission to access this resource");
  assert_fails (tb, VT_TESTBED_MANIFEST_PATH VT_TESTBED_OBJECT_MISSING, 12, "not-found",
                "doesn't exist in collection entities");
  assert_fails (tb, VT_TESTBED_MANIFEST_PATH VT_TESTBED_OBJECT_FAILING, 13, "server-error",
                "Something went wrong while generating the manifest");
  assert_fails (tb, VT_TESTBED_STATIC_IMAGE, 15, "bad-response", "image/jpeg");
  assert_fails (tb, VT_TESTBED_INDEX "-not-there", 12, "not-found", NULL);

  /* The server stopped: offline. */
  g_assert_true (vt_testbed_stop (tb, &error));
  g_assert_no_error (error);
  assert_fails (tb, VT_TESTBED_MANIFEST_PATH VT_TESTBED_OBJECT_DMG, 8, "offline", NULL);
}

static void
test_unsupported (void)
{
  g_auto(Run) run = { 0 };

  /* Not fetched at all: a file URL is read as a path, ftp is refused. */
  run_inspect ("ftp://example.org/manifest.json", &run);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
}

/* Referenced annotation pages: only listed by default; with
 * --fetch-annotations fetched from the test bed and printed, and one that
 * is not there is a warning, not a failure. */
static void
test_fetch_annotations (void)
{
  g_autoptr(VtTestbed) tb = vt_testbed_start_or_skip ();
  g_auto(Run) run = { 0 };

  if (tb == NULL)
    return;

  {
    g_autofree char *url = vt_testbed_get_url (tb, "/manifests/v3/annotations.json");

    run_inspect (url, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "An embedded comment"));
    g_assert_null (strstr (run.out, "A tag from a page fetched later"));

    run_inspect_with ("--fetch-annotations", url, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, "An embedded comment"));
    g_assert_nonnull (strstr (run.out, "A tag from a page fetched later"));
    g_assert_nonnull (strstr (run.out, "Could not load the annotation page"));
    g_assert_nonnull (strstr (run.out, "not-there.json"));
  }
  {
    g_autofree char *url = vt_testbed_get_url (tb, "/manifests/v2/annotations.json");

    run_inspect_with ("-a", url, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "A comment from an annotation list"));
    g_assert_null (strstr (run.out, "Could not load"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  inspect_path = VITRINE_INSPECT_PATH;

  g_test_add_func ("/net/inspect-url/states", test_inspect_url);
  g_test_add_func ("/net/inspect-url/unsupported", test_unsupported);
  g_test_add_func ("/net/inspect-url/fetch-annotations", test_fetch_annotations);

  return g_test_run ();
}
