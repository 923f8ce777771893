/* bench-parse.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The huge-document benchmark of issue 10. Not a test: it prints a table
 * and never fails on a number.
 *
 * Each case generates a manifest in memory and opens it with
 * vt_iiif_document_parse() (JSON checks, JSON tree, model), in a process
 * of its own so that the peak RSS (getrusage) is that case's alone. The
 * bytes of the document are counted in the peak, as they are in the app
 * that downloaded them; "base" is the peak before parsing began.
 *
 * Run: meson test -C BUILD --benchmark --suite iiif -v
 *  or: BUILD/tests/iiif/bench-parse [CASE…]
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "vt-iiif-test-huge.h"
#include "vt-iiif-test-util.h"

typedef struct
{
  const char *name;
  const char *description;
  guint       version;
  guint       n_canvases;
} Case;

static const Case cases[] = {
  { "v3-100000", "P3, 100,000 canvases", 3, 100000 },
  { "v2-100000", "P2, 100,000 canvases", 2, 100000 },
  { "v3-100001", "P3, 100,001 canvases (refused)", 3, 100001 },
  { "v2-100001", "P2, 100,001 canvases (refused)", 2, 100001 },
  { "v3-10000", "P3, 10,000 canvases", 3, 10000 },
};

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  /* KiB on Linux */
}

/* Runs one case and prints one line: size, base, peak, wall and CPU time,
 * result. CPU time says more than wall time on a busy machine. */
static int
run_case (const Case *c)
{
  g_autoptr(GBytes) bytes = vt_test_huge_manifest (c->version, c->n_canvases);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  double base = peak_rss_mib ();
  double cpu = cpu_seconds ();
  gint64 start = g_get_monotonic_time ();
  double seconds;

  doc = vt_iiif_document_parse (bytes, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;

  printf ("%.1f %.0f %.0f %.2f %.2f %s\n",
          g_bytes_get_size (bytes) / 1e6, base, peak_rss_mib (), seconds, cpu,
          doc != NULL ? (doc->manifest != NULL ? "opened" : "?") :
          error->code == VT_IIIF_ERROR_TOO_LARGE ? "refused" : "error");
  if (doc != NULL && doc->manifest != NULL)
    g_assert_cmpuint (doc->manifest->canvases->len, ==, c->n_canvases);
  return 0;
}

static const Case *
find_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_strcmp0 (cases[i].name, name) == 0)
      return &cases[i];
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (argc == 3 && g_strcmp0 (argv[1], "--run") == 0)
    {
      const Case *c = find_case (argv[2]);

      if (c == NULL)
        return 2;
      return run_case (c);
    }

  for (int i = 1; i < argc; i++)
    if (find_case (argv[i]) != NULL)
      g_ptr_array_add (names, argv[i]);
  if (names->len == 0)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      g_ptr_array_add (names, (gpointer) cases[i].name);

  printf ("Opening a huge manifest: vt_iiif_document_parse (), one process per case\n\n");
  printf ("| %-32s | %8s | %9s | %9s | %8s | %8s | %-8s |\n",
          "case", "size MB", "base MiB", "peak MiB", "wall s", "CPU s", "result");
  printf ("|%s|%s|%s|%s|%s|%s|%s|\n", "----------------------------------", "----------",
          "-----------", "-----------", "----------", "----------", "----------");

  for (guint i = 0; i < names->len; i++)
    {
      const Case *c = find_case (names->pdata[i]);
      const char *child_argv[] = { argv[0], "--run", c->name, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) fields = NULL;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          printf ("| %-32s | %s\n", c->description, error->message);
          continue;
        }
      g_strstrip (out);
      fields = g_strsplit (out, " ", -1);
      if (g_strv_length (fields) != 6)
        {
          printf ("| %-32s | unexpected output “%s”\n", c->description, out);
          continue;
        }
      printf ("| %-32s | %8s | %9s | %9s | %8s | %8s | %-8s |\n", c->description,
              fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
      fflush (stdout);
    }

  return 0;
}
