/* test-cli.c: vitrine-catalogue's commands, output and exit codes,
 * against the test bed.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "vt-testbed.h"

static VtTestbed *testbed;
static char *dir;
static char *db;

/* Runs vitrine-catalogue ARGS… --db DB; returns the exit status. */
static int
run (char      **out,
     char      **err,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) VITRINE_CATALOGUE_PATH);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, db);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);
  g_test_message ("stderr: %s", stderr_text);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);

  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
stream (const char *org)
{
  return g_strdup_printf ("%s/opendata/adlib2eventstream/v1/%s/objecten", vt_testbed_get_base_url (testbed), org);
}

static void
test_usage (void)
{
  g_assert_cmpint (run (NULL, NULL, NULL), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "frobnicate", NULL), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "show", "no-colon", NULL), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "sync", NULL), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "sync", "file:///etc/passwd", NULL), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "--bogus", NULL), ==, 1);
}

static void
test_sync_and_search (void)
{
  g_autofree char *url = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint i, n = 0;

  if (testbed == NULL)
    return;

  url = stream ("industriemuseum");
  g_assert_cmpint (run (NULL, &err, "sync", url, NULL), ==, 0);
  /* Progress on standard error, ending with the total. */
  g_assert_nonnull (strstr (err, "industriemuseum: done, 22 pages, 2200 members"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, NULL, "search", "--json", "--limit", "5", "gent", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *object;

      if (*lines[i] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (object, "org"), ==, "industriemuseum");
      g_assert_nonnull (json_object_get_string_member (object, "object_number"));
      g_assert_nonnull (json_object_get_string_member (object, "title"));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "manifest"),
                                       "https://api.collectie.gent/iiif/presentation/v2/manifest/industriemuseum:"));
      n++;
    }
  g_assert_cmpuint (n, ==, 5);
  g_clear_pointer (&out, g_free);

  /* Plain text: org:number TAB title. */
  g_assert_cmpint (run (&out, NULL, "search", "V35236-001", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "industriemuseum:V35236-001\tJacquardkaarten"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "search", "zzzzqqq", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "search", "NEAR(", "\"", "OR", NULL), ==, 2);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "show", "industriemuseum:V35236-001", "--json", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "{\"org\":\"industriemuseum\",\"object_number\":\"V35236-001\""));
  g_assert_true (g_str_has_suffix (out, "}\n"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (NULL, &err, "show", "industriemuseum:V0000000", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "vitrine-catalogue: not-found: "));
}

static void
test_sync_errors (void)
{
  g_autofree char *huge = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *err = NULL;

  if (testbed == NULL)
    return;

  huge = stream ("fault-huge");
  g_assert_cmpint (run (NULL, &err, "sync", huge, NULL), ==, 6);
  g_assert_nonnull (strstr (err, "vitrine-catalogue: too-large: "));
  g_clear_pointer (&err, g_free);

  redirect = stream ("fault-file");
  g_assert_cmpint (run (NULL, &err, "sync", redirect, NULL), ==, 6);
  g_assert_nonnull (strstr (err, "vitrine-catalogue: unsafe-redirect: "));
  g_clear_pointer (&err, g_free);

  /* Nobody listens on port 9 of the loopback. */
  g_assert_cmpint (run (NULL, &err, "sync", "http://127.0.0.1:9/opendata/adlib2eventstream/v1/dmg/objecten", NULL), ==, 5);
  g_assert_nonnull (strstr (err, "vitrine-catalogue: offline: "));
}

static void
test_corrupt (void)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (db, "garbage, not a database at all, but long enough", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (NULL, &err, "search", "gent", NULL), ==, 3);
  g_assert_true (g_str_has_prefix (err, "vitrine-catalogue: corrupt: "));
  g_assert_cmpint (run (NULL, NULL, "rebuild", NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "search", "gent", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("vt-catalogue-cli-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "catalogue.sqlite", NULL);

  g_test_add_func ("/catalogue-cli/usage", test_usage);
  g_test_add_func ("/catalogue-cli/sync-and-search", test_sync_and_search);
  g_test_add_func ("/catalogue-cli/sync-errors", test_sync_errors);
  g_test_add_func ("/catalogue-cli/corrupt", test_corrupt);

  testbed = vt_testbed_start_or_skip ();
  status = g_test_run ();
  g_clear_pointer (&testbed, vt_testbed_free);

  {
    const char *suffixes[] = { "", "-wal", "-shm", NULL };
    guint i;

    for (i = 0; suffixes[i] != NULL; i++)
      {
        g_autofree char *file = g_strconcat (db, suffixes[i], NULL);

        g_unlink (file);
      }
  }
  g_rmdir (dir);
  g_free (db);
  g_free (dir);
  return status;
}
