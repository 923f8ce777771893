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
#define HTTPS_PREFIX "HTTPS "
#define HTTPS_LOOPBACK_PREFIX "https://127.0.0.1:"
#define LOOPBACK_PREFIX "http://127.0.0.1:"

/* Exit status of vitrine-testbed when lighttpd or IIPImage is missing. */
#define EXIT_MISSING 3

struct _VtTestbed
{
  GSubprocess   *process;
  char          *base_url;
  guint16        port;
  VtTestbedFlags flags;
  char          *https_base_url;
  char          *ca_file;
  guint16        https_port;
  char         **extra_args;
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

/* The HTTPS line, "HTTPS https://127.0.0.1:PORT CA-FILE", printed before
 * READY when the test bed runs with --https. */
static gboolean
parse_https_line (VtTestbed   *self,
                  const char  *line,
                  GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (line + strlen (HTTPS_PREFIX), " ", 2);
  g_autoptr(GUri) uri = NULL;
  gint uri_port;

  if (g_strv_length (parts) != 2 || !g_str_has_prefix (parts[0], HTTPS_LOOPBACK_PREFIX) ||
      !g_path_is_absolute (parts[1]))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "vitrine-testbed said “%s” instead of “HTTPS https://127.0.0.1:PORT CA-FILE”", line);
      return FALSE;
    }
  uri = g_uri_parse (parts[0], G_URI_FLAGS_NONE, NULL);
  uri_port = uri != NULL ? g_uri_get_port (uri) : -1;
  if (uri_port <= 0 || uri_port > G_MAXUINT16 ||
      (self->https_port != 0 && uri_port != self->https_port))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "vitrine-testbed serves HTTPS at an unexpected URL: %s", parts[0]);
      return FALSE;
    }
  g_free (self->https_base_url);
  self->https_base_url = g_strdup (parts[0]);
  g_free (self->ca_file);
  self->ca_file = g_strdup (parts[1]);
  self->https_port = (guint16) uri_port;
  return TRUE;
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
  g_autofree char *https_port_str = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *url;
  gint uri_port;

  g_ptr_array_add (argv, (char *) VT_TESTBED_PYTHON);
  g_ptr_array_add (argv, (char *) VT_TESTBED_SCRIPT);
  g_ptr_array_add (argv, (char *) "serve");
  g_ptr_array_add (argv, (char *) "--fixtures");
  g_ptr_array_add (argv, (char *) vt_testbed_get_fixtures_dir ());
  if (port != 0)
    {
      port_str = g_strdup_printf ("%u", port);
      g_ptr_array_add (argv, (char *) "--port");
      g_ptr_array_add (argv, port_str);
    }
  if (self->flags & VT_TESTBED_FLAGS_HTTPS)
    {
      g_ptr_array_add (argv, (char *) "--https");
      if (self->https_port != 0)
        {
          https_port_str = g_strdup_printf ("%u", self->https_port);
          g_ptr_array_add (argv, (char *) "--https-port");
          g_ptr_array_add (argv, https_port_str);
        }
    }
  for (guint j = 0; self->extra_args != NULL && self->extra_args[j] != NULL; j++)
    g_ptr_array_add (argv, self->extra_args[j]);
  g_ptr_array_add (argv, NULL);

  /* stdin is a pipe that only we hold: when this process ends, even by a
   * crash, the pipe closes and the test bed stops by itself. Its stderr is
   * ours, so its messages end up in the test log. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
  if (process == NULL)
    return FALSE;

  data = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);
  line = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &local_error);
  if (line != NULL && (self->flags & VT_TESTBED_FLAGS_HTTPS) && g_str_has_prefix (line, HTTPS_PREFIX))
    {
      if (!parse_https_line (self, line, error))
        {
          abandon (process);
          return FALSE;
        }
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &local_error);
    }
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
  return vt_testbed_start_full (VT_TESTBED_FLAGS_NONE, NULL, error);
}

/**
 * vt_testbed_start_full:
 * @flags: %VT_TESTBED_FLAGS_HTTPS to serve everything over HTTPS as well
 * @extra_args: (nullable): more arguments for `vitrine-testbed serve`,
 *   such as `--public-base URL` (see its `--help`), or %NULL
 * @error: return location for an error
 *
 * Like vt_testbed_start(). With %VT_TESTBED_FLAGS_HTTPS the test bed also
 * listens for HTTPS (lighttpd with mod_openssl, HTTP/2 offered by ALPN)
 * on a second port, with a certificate for 127.0.0.1 signed by a CA it
 * makes at start: see vt_testbed_get_https_base_url() and
 * vt_testbed_get_ca_file(). G_IO_ERROR_NOT_FOUND also when mod_openssl
 * is missing.
 */
VtTestbed *
vt_testbed_start_full (VtTestbedFlags       flags,
                       const char * const  *extra_args,
                       GError             **error)
{
  g_autoptr(VtTestbed) self = NULL;
  g_autofree char *reason = NULL;

  if (!vt_testbed_check_available (&reason) ||
      ((flags & VT_TESTBED_FLAGS_HTTPS) && !vt_testbed_check_https_available (&reason)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The local IIIF test bed cannot run: %s", reason);
      return NULL;
    }

  self = g_new0 (VtTestbed, 1);
  self->flags = flags;
  self->extra_args = g_strdupv ((char **) extra_args);
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
  return vt_testbed_start_full_or_skip (VT_TESTBED_FLAGS_NONE);
}

/**
 * vt_testbed_start_full_or_skip:
 * @flags: as for vt_testbed_start_full()
 *
 * vt_testbed_start_or_skip() with @flags; skips also when HTTPS is asked
 * for and lighttpd's mod_openssl or openssl is missing.
 *
 * Returns: (transfer full) (nullable): the running test bed
 */
VtTestbed *
vt_testbed_start_full_or_skip (VtTestbedFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  VtTestbed *self;

  if (!vt_testbed_check_available (&reason) ||
      ((flags & VT_TESTBED_FLAGS_HTTPS) && !vt_testbed_check_https_available (&reason)))
    {
      g_autofree char *msg = g_strdup_printf ("local IIIF test bed not available: %s", reason);

      g_test_skip (msg);
      return NULL;
    }

  self = vt_testbed_start_full (flags, NULL, &error);
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
  g_free (self->https_base_url);
  g_free (self->ca_file);
  g_strfreev (self->extra_args);
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

/**
 * vt_testbed_check_https_available:
 * @reason: (out) (optional): why not
 *
 * Whether the test bed can serve HTTPS: lighttpd's mod_openssl (Debian
 * package lighttpd-mod-openssl) and the openssl command.
 */
gboolean
vt_testbed_check_https_available (char **reason)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");

  if (!g_file_test (LIGHTTPD_MOD_OPENSSL, G_FILE_TEST_EXISTS))
    {
      if (reason != NULL)
        *reason = g_strdup (LIGHTTPD_MOD_OPENSSL " is missing (Debian package lighttpd-mod-openssl)");
      return FALSE;
    }
  if (openssl == NULL)
    {
      if (reason != NULL)
        *reason = g_strdup ("openssl is not installed (Debian package openssl)");
      return FALSE;
    }
  return TRUE;
}

/**
 * vt_testbed_get_https_base_url:
 * @self: a #VtTestbed started with %VT_TESTBED_FLAGS_HTTPS
 *
 * Returns: (nullable): "https://127.0.0.1:PORT", serving the same as
 *   vt_testbed_get_base_url() (its documents name HTTPS URLs) over TLS,
 *   with HTTP/2 offered by ALPN; %NULL without HTTPS
 */
const char *
vt_testbed_get_https_base_url (VtTestbed *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->https_base_url;
}

/**
 * vt_testbed_get_https_url:
 * @self: a #VtTestbed started with %VT_TESTBED_FLAGS_HTTPS
 * @path: an absolute path
 *
 * Returns: (transfer full): the HTTPS URL of @path
 */
char *
vt_testbed_get_https_url (VtTestbed  *self,
                          const char *path)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->https_base_url != NULL, NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  return g_strconcat (self->https_base_url, path, NULL);
}

/**
 * vt_testbed_get_ca_file:
 * @self: a #VtTestbed started with %VT_TESTBED_FLAGS_HTTPS
 *
 * The PEM file of the CA that signed the test bed's certificate, in its
 * temporary directory: load it with g_tls_file_database_new() and hand
 * the database to the client under test. A restart makes a new CA.
 *
 * Returns: (nullable): the path, or %NULL without HTTPS
 */
const char *
vt_testbed_get_ca_file (VtTestbed *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->ca_file;
}

/**
 * vt_testbed_new_tls_database:
 * @self: a #VtTestbed started with %VT_TESTBED_FLAGS_HTTPS
 * @error: return location for an error
 *
 * Returns: (transfer full): a database that trusts the test bed's CA and
 *   nothing else
 */
GTlsDatabase *
vt_testbed_new_tls_database (VtTestbed  *self,
                             GError    **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->ca_file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "The test bed was not started with HTTPS");
      return NULL;
    }
  return g_tls_file_database_new (self->ca_file, error);
}

/**
 * vt_testbed_get_https_port:
 * @self: a #VtTestbed
 *
 * Returns: the HTTPS port, or 0 without HTTPS
 */
guint16
vt_testbed_get_https_port (VtTestbed *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->https_port;
}
