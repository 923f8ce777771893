/* vt-manifest.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-manifest"

#include "config.h"

#include <string.h>

#include "vt-iiif-private.h"

static void
vt_manifest_clear (VtManifest *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->summary, vt_language_map_unref);
  g_clear_pointer (&self->metadata, g_ptr_array_unref);
  g_clear_pointer (&self->required_statement, vt_metadata_entry_unref);
  g_clear_pointer (&self->rights, g_free);
  g_clear_pointer (&self->provider, g_ptr_array_unref);
  g_clear_pointer (&self->homepage, g_ptr_array_unref);
  g_clear_pointer (&self->rendering, g_ptr_array_unref);
  g_clear_pointer (&self->see_also, g_ptr_array_unref);
  g_clear_pointer (&self->part_of, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnail, g_ptr_array_unref);
  g_clear_pointer (&self->nav_date, g_free);
  g_clear_pointer (&self->behavior, g_strfreev);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->canvases, g_ptr_array_unref);
  g_clear_pointer (&self->structures, g_ptr_array_unref);
  g_clear_pointer (&self->start_canvas, g_free);
}

VT_DEFINE_RC (VtManifest, vt_manifest, vt_manifest_clear)
G_DEFINE_BOXED_TYPE (VtManifest, vt_manifest, vt_manifest_ref, vt_manifest_unref)

#define RESOURCES() g_ptr_array_new_with_free_func ((GDestroyNotify) vt_resource_unref)

VtManifest *
vt_manifest_new (VtPresentationVersion version)
{
  VtManifest *self = g_atomic_rc_box_new0 (VtManifest);

  self->version = version;
  self->metadata = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_metadata_entry_unref);
  self->provider = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_agent_unref);
  self->homepage = RESOURCES ();
  self->rendering = RESOURCES ();
  self->see_also = RESOURCES ();
  self->part_of = RESOURCES ();
  self->thumbnail = RESOURCES ();
  self->behavior = g_new0 (char *, 1);
  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_service_ref_unref);
  self->canvases = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_canvas_unref);
  self->structures = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_range_unref);
  return self;
}

guint
vt_manifest_get_n_canvases (const VtManifest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->canvases->len;
}

/**
 * vt_manifest_get_canvas:
 *
 * Returns: (nullable) (transfer none): the canvas at @index
 */
VtCanvas *
vt_manifest_get_canvas (const VtManifest *self,
                        guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  return index < self->canvases->len ? g_ptr_array_index (self->canvases, index) : NULL;
}

/**
 * vt_manifest_find_canvas:
 * @canvas_id: a canvas id, with or without a `#` fragment
 * @out_index: (out) (optional): its index
 *
 * Returns: (nullable) (transfer none): the canvas with that id
 */
VtCanvas *
vt_manifest_find_canvas (const VtManifest *self,
                         const char       *canvas_id,
                         guint            *out_index)
{
  gsize len;

  g_return_val_if_fail (self != NULL, NULL);

  if (canvas_id == NULL)
    return NULL;
  len = strcspn (canvas_id, "#");

  for (guint i = 0; i < self->canvases->len; i++)
    {
      VtCanvas *canvas = g_ptr_array_index (self->canvases, i);

      if (canvas->id != NULL && strlen (canvas->id) == len && strncmp (canvas->id, canvas_id, len) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return canvas;
        }
    }
  return NULL;
}

/**
 * vt_manifest_get_effective_rights:
 *
 * Ghent (and others) put `license` on the image annotation rather than the
 * manifest: when the manifest has none of its own, the first one found on
 * an annotation stands for the manifest.
 *
 * Returns: (nullable): the rights URI to show for the manifest
 */
const char *
vt_manifest_get_effective_rights (const VtManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->rights != NULL)
    return self->rights;

  for (guint i = 0; i < self->canvases->len; i++)
    {
      VtCanvas *canvas = g_ptr_array_index (self->canvases, i);

      for (guint j = 0; j < canvas->annotations->len; j++)
        {
          VtPaintingAnnotation *anno = g_ptr_array_index (canvas->annotations, j);

          if (anno->rights != NULL)
            return anno->rights;
        }
    }
  return NULL;
}

/**
 * vt_manifest_get_effective_attribution:
 *
 * Like vt_manifest_get_effective_rights() for the attribution: the
 * manifest's requiredStatement value, else the first annotation's
 * attribution.
 *
 * Returns: (nullable) (transfer none): the attribution to show
 */
VtLanguageMap *
vt_manifest_get_effective_attribution (const VtManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->required_statement != NULL && !vt_language_map_is_empty (self->required_statement->value))
    return self->required_statement->value;

  for (guint i = 0; i < self->canvases->len; i++)
    {
      VtCanvas *canvas = g_ptr_array_index (self->canvases, i);

      for (guint j = 0; j < canvas->annotations->len; j++)
        {
          VtPaintingAnnotation *anno = g_ptr_array_index (canvas->annotations, j);

          if (!vt_language_map_is_empty (anno->attribution))
            return anno->attribution;
        }
    }
  return NULL;
}
