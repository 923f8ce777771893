/* vt-pyramid-cache.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-pyramid-cache"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vt-canvas-error.h"
#include "vt-decoder-private.h"
#include "vt-pyramid-cache.h"

/* Pyramids of large local images that are not pyramidal themselves (a
 * strip TIFF, a big JPEG), built once and kept in
 * $XDG_CACHE_HOME/vitrine/pyramids/. A pyramid holds the image at half
 * size and below, as a tiled pyramidal TIFF; the full size is always read
 * from the original, so a curator inspecting pixels sees the file's own.
 *
 * A file is named after the original's path, size and modification time,
 * so an edited original never meets a stale pyramid. It is written under a
 * temporary name and renamed, and ends with a trailer giving its own
 * length: a file cut short (a full disk, a crash while copying a home
 * directory) is found and rebuilt rather than shown with holes. The
 * directory is kept under a size by evicting the pyramids used least
 * recently (their access time, which a use sets explicitly, as relatime
 * mounts would not). */

#define TRAILER_MAGIC "VTPYR001"
#define TRAILER_SIZE 16
/* A temporary file older than this is a leftover of a crashed build. */
#define STALE_TEMP_SECONDS (60 * 60)

struct _VtPyramidCache
{
  GObject parent_instance;

  char *directory;
  guint64 max_bytes;
  guint64 min_pixels;
  guint n_builds;          /* atomic */
  GMutex evict_lock;
};

G_DEFINE_FINAL_TYPE (VtPyramidCache, vt_pyramid_cache, G_TYPE_OBJECT)

static void
vt_pyramid_cache_finalize (GObject *object)
{
  VtPyramidCache *self = VT_PYRAMID_CACHE (object);

  g_clear_pointer (&self->directory, g_free);
  g_mutex_clear (&self->evict_lock);

  G_OBJECT_CLASS (vt_pyramid_cache_parent_class)->finalize (object);
}

static void
vt_pyramid_cache_class_init (VtPyramidCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_pyramid_cache_finalize;
}

static void
vt_pyramid_cache_init (VtPyramidCache *self)
{
  self->max_bytes = VT_PYRAMID_CACHE_DEFAULT_MAX_BYTES;
  self->min_pixels = VT_PYRAMID_CACHE_DEFAULT_MIN_PIXELS;
  g_mutex_init (&self->evict_lock);
}

/**
 * vt_pyramid_cache_new:
 * @directory: where the pyramids are kept (created when first needed)
 *
 * Returns: (transfer full): a cache
 */
VtPyramidCache *
vt_pyramid_cache_new (const char *directory)
{
  VtPyramidCache *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (VT_TYPE_PYRAMID_CACHE, NULL);
  self->directory = g_strdup (directory);
  return self;
}

/**
 * vt_pyramid_cache_get_default:
 *
 * Returns: (transfer none): the cache in the user's cache directory
 */
VtPyramidCache *
vt_pyramid_cache_get_default (void)
{
  static gsize cache;

  if (g_once_init_enter (&cache))
    {
      g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "vitrine",
                                               "pyramids", NULL);

      g_once_init_leave (&cache, (gsize) vt_pyramid_cache_new (dir));
    }
  return (VtPyramidCache *) cache;
}

const char *
vt_pyramid_cache_get_directory (VtPyramidCache *self)
{
  g_return_val_if_fail (VT_IS_PYRAMID_CACHE (self), NULL);
  return self->directory;
}

guint64
vt_pyramid_cache_get_max_bytes (VtPyramidCache *self)
{
  g_return_val_if_fail (VT_IS_PYRAMID_CACHE (self), 0);
  return self->max_bytes;
}

/* Takes effect at the next eviction (after the next build). */
void
vt_pyramid_cache_set_max_bytes (VtPyramidCache *self,
                                guint64         max_bytes)
{
  g_return_if_fail (VT_IS_PYRAMID_CACHE (self));
  self->max_bytes = max_bytes;
}

guint64
vt_pyramid_cache_get_min_pixels (VtPyramidCache *self)
{
  g_return_val_if_fail (VT_IS_PYRAMID_CACHE (self), 0);
  return self->min_pixels;
}

void
vt_pyramid_cache_set_min_pixels (VtPyramidCache *self,
                                 guint64         min_pixels)
{
  g_return_if_fail (VT_IS_PYRAMID_CACHE (self));
  self->min_pixels = min_pixels;
}

/* How many pyramids this cache has built, for tests and the benchmark. */
guint
vt_pyramid_cache_get_n_builds (VtPyramidCache *self)
{
  g_return_val_if_fail (VT_IS_PYRAMID_CACHE (self), 0);
  return (guint) g_atomic_int_get (&self->n_builds);
}

/**
 * vt_pyramid_cache_get_path:
 * @source_path: the original image
 *
 * Returns: (transfer full) (nullable): where the pyramid of
 *   @source_path as it is now belongs, or %NULL if it cannot be read
 */
char *
vt_pyramid_cache_get_path (VtPyramidCache *self,
                           const char     *source_path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;

  g_return_val_if_fail (VT_IS_PYRAMID_CACHE (self), NULL);
  g_return_val_if_fail (source_path != NULL, NULL);

  if (g_stat (source_path, &st) != 0)
    return NULL;
  canonical = g_canonicalize_filename (source_path, NULL);
  key = g_strdup_printf ("%s\n%" G_GUINT64_FORMAT "\n%" G_GINT64_FORMAT ".%09ld", canonical,
                         (guint64) st.st_size, (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  name = g_strdup_printf ("%.32s.tif", hash);
  return g_build_filename (self->directory, name, NULL);
}

/* The trailer says how long the file was when it was finished. */
static gboolean
is_complete (const char *path)
{
  guchar trailer[TRAILER_SIZE];
  guint64 length;
  GStatBuf st;
  int fd;
  gboolean ok;

  if (g_stat (path, &st) != 0 || st.st_size < TRAILER_SIZE + 8)
    return FALSE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  ok = pread (fd, trailer, sizeof trailer, st.st_size - TRAILER_SIZE) == TRAILER_SIZE;
  close (fd);
  if (!ok || memcmp (trailer, TRAILER_MAGIC, 8) != 0)
    return FALSE;
  memcpy (&length, trailer + 8, 8);
  return GUINT64_FROM_LE (length) + TRAILER_SIZE == (guint64) st.st_size;
}

/* Marks a pyramid as just used, for the eviction order. */
static void
touch (const char *path)
{
  struct timespec times[2] = { { 0, UTIME_NOW }, { 0, UTIME_OMIT } };

  utimensat (AT_FDCWD, path, times, 0);
}

/**
 * vt_pyramid_cache_lookup:
 * @source_path: the original image
 *
 * Finds a complete pyramid of @source_path as it is now; one cut short is
 * removed. The caller still checks that its pages fit the image.
 *
 * Returns: (transfer full) (nullable): the pyramid's path, or %NULL
 */
char *
vt_pyramid_cache_lookup (VtPyramidCache *self,
                         const char     *source_path)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (VT_IS_PYRAMID_CACHE (self), NULL);

  path = vt_pyramid_cache_get_path (self, source_path);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  if (!is_complete (path))
    {
      g_debug ("%s is incomplete: rebuilding it", path);
      g_unlink (path);
      return NULL;
    }
  touch (path);
  return g_steal_pointer (&path);
}

/* Removes the pyramid of @source_path, found damaged after all. */
void
vt_pyramid_cache_discard (VtPyramidCache *self,
                          const char     *source_path)
{
  g_autofree char *path = NULL;

  g_return_if_fail (VT_IS_PYRAMID_CACHE (self));

  path = vt_pyramid_cache_get_path (self, source_path);
  if (path != NULL)
    g_unlink (path);
}

typedef struct
{
  char *path;
  guint64 size;
  gint64 used;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->path);
  g_free (e);
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *ea = *(Entry **) a, *eb = *(Entry **) b;

  return ea->used < eb->used ? -1 : (ea->used > eb->used ? 1 : g_strcmp0 (ea->path, eb->path));
}

/**
 * vt_pyramid_cache_evict:
 * @keep: (nullable): a pyramid never to evict (the one just built)
 *
 * Removes the pyramids used least recently until the directory is within
 * its size, and leftovers of builds that never finished.
 */
void
vt_pyramid_cache_evict (VtPyramidCache *self,
                        const char     *keep)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr (GMutexLocker) locker = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint64 total = 0;
  const char *name;

  g_return_if_fail (VT_IS_PYRAMID_CACHE (self));

  locker = g_mutex_locker_new (&self->evict_lock);
  dir = g_dir_open (self->directory, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (self->directory, name, NULL);
      GStatBuf st;
      Entry *e;

      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (!g_str_has_suffix (name, ".tif"))
        {
          if (strstr (name, ".tif.tmp-") != NULL && now - st.st_mtime > STALE_TEMP_SECONDS)
            g_unlink (path);
          continue;
        }
      e = g_new0 (Entry, 1);
      e->path = g_steal_pointer (&path);
      e->size = st.st_size;
      e->used = MAX (st.st_atime, st.st_mtime);
      total += e->size;
      g_ptr_array_add (entries, e);
    }

  g_ptr_array_sort (entries, entry_compare);
  for (guint i = 0; i < entries->len && total > self->max_bytes; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);

      if (g_strcmp0 (e->path, keep) == 0)
        continue;
      g_debug ("evicting %s", e->path);
      if (g_unlink (e->path) == 0)
        total -= e->size;
    }
}

static void
eval_cb (VipsImage    *image,
         VipsProgress *progress,
         GCancellable *cancellable)
{
  if (g_cancellable_is_cancelled (cancellable))
    vips_image_set_kill (image, TRUE);
}

static gboolean
append_trailer (const char  *path,
                GError     **error)
{
  guchar trailer[TRAILER_SIZE];
  guint64 length;
  GStatBuf st;
  int fd;
  gboolean ok;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      return FALSE;
    }
  length = GUINT64_TO_LE ((guint64) st.st_size);
  memcpy (trailer, TRAILER_MAGIC, 8);
  memcpy (trailer + 8, &length, 8);
  fd = g_open (path, O_WRONLY | O_APPEND | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      return FALSE;
    }
  ok = write (fd, trailer, sizeof trailer) == TRAILER_SIZE && fsync (fd) == 0;
  if (!ok)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
  close (fd);
  return ok;
}

/**
 * vt_pyramid_cache_build:
 * @source_path: the original image
 * @half: the original at half size (a pipeline over the file, read once,
 *   from top to bottom)
 *
 * Writes the pyramid of @half for @source_path: under a temporary name,
 * then renamed into place. Blocks: run it in a worker thread.
 *
 * Returns: (transfer full): the pyramid's path, or %NULL with @error set
 */
char *
vt_pyramid_cache_build (VtPyramidCache  *self,
                        const char      *source_path,
                        VipsImage       *half,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr (VipsImage) display = NULL;
  int bands, fd, ret;
  gulong handler;

  g_return_val_if_fail (VT_IS_PYRAMID_CACHE (self), NULL);

  path = vt_pyramid_cache_get_path (self, source_path);
  if (path == NULL || g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write to %s", self->directory);
      return NULL;
    }
  tmp = g_strdup_printf ("%s.tmp-XXXXXX", path);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      return NULL;
    }
  close (fd);

  display = vt_vips_to_display (half, error);
  if (display == NULL)
    {
      g_unlink (tmp);
      return NULL;
    }

  /* The reduced levels only ever show the image smaller than it is, where
   * JPEG at this quality cannot be told from the original; alpha needs a
   * lossless codec. */
  bands = vips_image_get_bands (display);
  vips_image_set_progress (display, TRUE);
  handler = g_signal_connect (display, "eval", G_CALLBACK (eval_cb), cancellable);
  ret = vips_tiffsave (display, tmp,
                       "tile", TRUE, "tile_width", 256, "tile_height", 256,
                       "pyramid", TRUE,
                       "compression", bands == 3 ? VIPS_FOREIGN_TIFF_COMPRESSION_JPEG
                                                 : VIPS_FOREIGN_TIFF_COMPRESSION_DEFLATE,
                       "Q", 90,
                       "strip", TRUE,
                       NULL);
  g_signal_handler_disconnect (display, handler);
  if (ret != 0 || g_cancellable_is_cancelled (cancellable))
    {
      g_unlink (tmp);
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_debug ("tiffsave %s: %s", tmp, vips_error_buffer ());
          g_set_error_literal (error, VT_CANVAS_ERROR, VT_CANVAS_ERROR_DECODE,
                               _("The image file could not be read"));
        }
      vips_error_clear ();
      return NULL;
    }

  if (!append_trailer (tmp, error) || g_rename (tmp, path) != 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      g_unlink (tmp);
      return NULL;
    }

  g_atomic_int_inc (&self->n_builds);
  vt_pyramid_cache_evict (self, path);
  return g_steal_pointer (&path);
}
