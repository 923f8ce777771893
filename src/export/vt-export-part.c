/* vt-export-part.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "vt-export-error.h"
#include "vt-export-private.h"

/* Every export is written beside its destination under a hidden name and
 * renamed over it only once whole, so that a cancelled or failed export
 * leaves no partial file where the user asked for one. */

/**
 * vt_export_reserve_part:
 * @destination: where the export goes (a local file)
 * @dest_path: (out): its path
 * @tmp_path: (out): a new empty file beside it, to write into
 *
 * Returns: %FALSE with @error set when the destination is not local or
 *   nothing can be created beside it
 */
gboolean
vt_export_reserve_part (GFile   *destination,
                        char   **dest_path,
                        char   **tmp_path,
                        GError **error)
{
  g_autofree char *path = g_file_get_path (destination);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *part = NULL;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_WRITE,
                   _("Exports are written to local files only"));
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  part = g_strdup_printf ("%s/.%s.XXXXXX.part", dir, base);
  fd = g_mkstemp_full (part, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_WRITE,
                   _("The file could not be written: %s"), g_strerror (saved));
      return FALSE;
    }
  close (fd);

  *dest_path = g_steal_pointer (&path);
  *tmp_path = g_steal_pointer (&part);
  return TRUE;
}

/**
 * vt_export_commit_part:
 * @tmp_path: (inout): the written file; cleared once it has become
 *   @dest_path, left for the caller to remove on failure
 * @dest_path: where it goes
 *
 * Returns: %FALSE with @error set when the rename failed
 */
gboolean
vt_export_commit_part (char       **tmp_path,
                       const char  *dest_path,
                       GError     **error)
{
  /* mkstemp made it private; an export is an ordinary file. */
  g_chmod (*tmp_path, 0644);
  if (g_rename (*tmp_path, dest_path) != 0)
    {
      int saved = errno;

      g_set_error (error, VT_EXPORT_ERROR, VT_EXPORT_ERROR_WRITE,
                   _("The file could not be written: %s"), g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (tmp_path, g_free);
  return TRUE;
}
