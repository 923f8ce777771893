/* vt-testbed.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-testbed"

#include "config.h"

#include <signal.h>
#include <string.h>

#include "vt-testbed.h"

#define IIPSRV_PATH "/usr/lib/iipimage-server/iipsrv.fcgi"
#define READY_PREFIX "READY "
#define LOOPBACK_PREFIX "http://127.0.0.1:"

/* Exit status of vitrine-testbed when lighttpd or IIPImage is missing. */
#define EXIT_MISSING 3

struct _VtTestbed
{
  GSubprocess *process;
  char        *base_url;
  guint16      port;
};

/**
 * vt_testbed_get_fixtures_dir:
 *
 * Returns: where the build put the test bed's fixtures:
 *   $VITRINE_TESTBED_FIXTURES (set by tests/meson.build), or the build
 *   directory this library was compiled for.
 */
const char *
vt_testbed_get_fixtures_dir (void)
{
  const char *dir = g_getenv ("VITRINE_TESTBED_FIXTURES");

  return dir != NULL && dir[0] != '\0' ? dir : VT_TESTBED_FIXTURES_DIR;
}

static char *
find_lighttpd (void)
{
  char *path = g_find_program_in_path ("lighttpd");

  /* /usr/sbin is not in an ordinary user's PATH on Debian. */
  if (path == NULL && g_file_test ("/usr/sbin/lighttpd", G_FILE_TEST_IS_EXECUTABLE))
    path = g_strdup ("/usr/sbin/lighttpd");
  return path;
}

/**
 * vt_testbed_check_available:
 * @reason: (out) (optional): why the test bed cannot run
 *
 * Checks that lighttpd, IIPImage, Python 3 and the generated fixtures are
 * all there, without starting anything.
 */
gboolean
vt_testbed_check_available (char **reason)
{
  g_autofree char *lighttpd = find_lighttpd ();
  g_autofree char *stamp = NULL;
  const char *why = NULL;

  stamp = g_build_filename (vt_testbed_get_fixtures_dir (), "fixtures.json", NULL);
  if (lighttpd == NULL)
    why = "lighttpd is not installed (Debian package lighttpd)";
  else if (!g_file_test (IIPSRV_PATH, G_FILE_TEST_IS_EXECUTABLE))
    why = "IIPImage is not installed (Debian package iipimage-server)";
  else if (!g_file_test (VT_TESTBED_PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    why = "Python 3 is not installed (" VT_TESTBED_PYTHON ")";
  else if (!g_file_test (stamp, G_FILE_TEST_IS_REGULAR))
    {
      if (reason != NULL)
        *reason = g_strdup_printf ("the test bed fixtures are missing (%s); build the "
                                   "testbed-fixtures target (needs vips from libvips-tools)",
                                   stamp);
      return FALSE;
    }

  if (why != NULL)
    {
      if (reason != NULL)
        *reason = g_strdup (why);
      return FALSE;
    }
  return TRUE;
}

/* Stops a test bed we will not use. */
static void
abandon (GSubprocess *process)
{
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
}

static gboolean
vt_testbed_spawn (VtTestbed  *self,
                  guint16     port,
                  GError    **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *port_str = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *argv[8];
  const char *url;
  guint i = 0;
  gint uri_port;

  argv[i++] = VT_TESTBED_PYTHON;
  argv[i++] = VT_TESTBED_SCRIPT;
  argv[i++] = "serve";
  argv[i++] = "--fixtures";
  argv[i++] = vt_testbed_get_fixtures_dir ();
  if (port != 0)
    {
      port_str = g_strdup_printf ("%u", port);
      argv[i++] = "--port";
      argv[i++] = port_str;
    }
  argv[i] = NULL;

  /* stdin is a pipe that only we hold: when this process ends, even by a
   * crash, the pipe closes and the test bed stops by itself. Its stderr is
   * ours, so its messages end up in the test log. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return FALSE;

  data = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);
  line = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &local_error);
  if (line == NULL)
    {
      gint status;

      if (local_error != NULL)
        {
          abandon (process);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* End of file: the script exited before it was ready, and it said why
       * on stderr. */
      if (!g_subprocess_wait (process, NULL, error))
        return FALSE;
      status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
      g_set_error (error, G_IO_ERROR,
                   status == EXIT_MISSING ? G_IO_ERROR_NOT_FOUND : G_IO_ERROR_FAILED,
                   "vitrine-testbed exited with status %d before it was ready "
                   "(its messages are above)", status);
      return FALSE;
    }

  if (!g_str_has_prefix (line, READY_PREFIX LOOPBACK_PREFIX))
    {
      abandon (process);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "vitrine-testbed said “%s” instead of “READY http://127.0.0.1:PORT”", line);
      return FALSE;
    }

  url = line + strlen (READY_PREFIX);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  uri_port = uri != NULL ? g_uri_get_port (uri) : -1;
  if (uri_port <= 0 || uri_port > G_MAXUINT16 || (port != 0 && uri_port != port))
    {
      abandon (process);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "vitrine-testbed is ready at an unexpected URL: %s", url);
      return FALSE;
    }

  g_free (self->base_url);
  self->base_url = g_strdup (url);
  self->port = (guint16) uri_port;
  self->process = g_steal_pointer (&process);
  return TRUE;
}

/**
 * vt_testbed_start:
 * @error: return location for an error
 *
 * Starts lighttpd and IIPImage at a free port and waits until they answer.
 *
 * Returns: (transfer full): the running test bed, or %NULL with @error set
 *   (G_IO_ERROR_NOT_FOUND when a server or the fixtures are missing).
 */
VtTestbed *
vt_testbed_start (GError **error)
{
  g_autoptr(VtTestbed) self = NULL;
  g_autofree char *reason = NULL;

  if (!vt_testbed_check_available (&reason))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The local IIIF test bed cannot run: %s", reason);
      return NULL;
    }

  self = g_new0 (VtTestbed, 1);
  if (!vt_testbed_spawn (self, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * vt_testbed_start_or_skip:
 *
 * For GTest cases: starts the test bed, or calls g_test_skip() with the
 * reason when lighttpd, IIPImage or the fixtures are missing, or fails the
 * test when the servers do not start.
 *
 * Returns: (transfer full) (nullable): the running test bed; on %NULL the
 *   test case should just return.
 */
VtTestbed *
vt_testbed_start_or_skip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  VtTestbed *self;

  if (!vt_testbed_check_available (&reason))
    {
      g_autofree char *msg = g_strdup_printf ("local IIIF test bed not available: %s", reason);

      g_test_skip (msg);
      return NULL;
    }

  self = vt_testbed_start (&error);
  if (self == NULL)
    g_test_fail_printf ("the local IIIF test bed did not start: %s", error->message);
  return self;
}

/**
 * vt_testbed_stop:
 * @self: a #VtTestbed
 * @error: return location for an error
 *
 * Stops the servers and waits until they and their temporary files are
 * gone. The base URL and port stay known, for vt_testbed_restart().
 * Stopping a stopped test bed does nothing.
 *
 * Returns: %FALSE if the test bed did not exit cleanly (say, a server had
 *   died under it).
 */
gboolean
vt_testbed_stop (VtTestbed  *self,
                 GError    **error)
{
  g_autoptr(GSubprocess) process = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->process == NULL)
    return TRUE;

  process = g_steal_pointer (&self->process);
  g_subprocess_send_signal (process, SIGTERM);
  if (!g_subprocess_wait (process, NULL, error))
    return FALSE;

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "vitrine-testbed did not stop cleanly (wait status %d)",
                   g_subprocess_get_status (process));
      return FALSE;
    }
  return TRUE;
}

/**
 * vt_testbed_restart:
 * @self: a #VtTestbed
 * @error: return location for an error
 *
 * Stops the test bed if it runs, and starts it again on the same port, so
 * that URLs taken before stay valid.
 */
gboolean
vt_testbed_restart (VtTestbed  *self,
                    GError    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->port != 0, FALSE);

  if (!vt_testbed_stop (self, error))
    return FALSE;
  return vt_testbed_spawn (self, self->port, error);
}

gboolean
vt_testbed_is_running (VtTestbed *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->process != NULL;
}

void
vt_testbed_free (VtTestbed *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  if (!vt_testbed_stop (self, &error))
    g_warning ("Stopping the test bed: %s", error->message);
  g_free (self->base_url);
  g_free (self);
}

/**
 * vt_testbed_get_base_url:
 * @self: a #VtTestbed
 *
 * Returns: `http://127.0.0.1:PORT`, with no trailing slash. This is also the
 *   Ghent API base URL to give the app and the network layer.
 */
const char *
vt_testbed_get_base_url (VtTestbed *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->base_url;
}

guint16
vt_testbed_get_port (VtTestbed *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->port;
}

/**
 * vt_testbed_get_url:
 * @self: a #VtTestbed
 * @path: an absolute path such as "/iiif/ghent.tif/info.json"
 *
 * Returns: (transfer full): the URL of @path on the test bed
 */
char *
vt_testbed_get_url (VtTestbed  *self,
                    const char *path)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  return g_strconcat (self->base_url, path, NULL);
}

/**
 * vt_testbed_get_manifest_url:
 * @self: a #VtTestbed
 * @object_id: a Ghent object id such as "dmg:1987-1049"
 *
 * Returns: (transfer full): the Ghent-shaped manifest URL of @object_id, with
 *   the id raw as Ghent writes it
 */
char *
vt_testbed_get_manifest_url (VtTestbed  *self,
                             const char *object_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (object_id != NULL, NULL);

  return g_strconcat (self->base_url, VT_TESTBED_MANIFEST_PATH, object_id, NULL);
}
