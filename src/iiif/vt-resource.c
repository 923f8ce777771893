/* vt-resource.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-resource"

#include "config.h"

#include <string.h>

#include "vt-iiif-private.h"

static void
vt_service_ref_clear (VtServiceRef *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->context, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
}

VT_DEFINE_RC (VtServiceRef, vt_service_ref, vt_service_ref_clear)

VtServiceRef *
vt_service_ref_new (void)
{
  VtServiceRef *self = g_atomic_rc_box_new0 (VtServiceRef);

  self->level = -1;
  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_service_ref_unref);
  return self;
}

gboolean
vt_service_ref_is_image_service (const VtServiceRef *self)
{
  return self != NULL && self->image_version != VT_IMAGE_API_UNKNOWN;
}

static void
vt_resource_clear (VtResource *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
}

VT_DEFINE_RC (VtResource, vt_resource, vt_resource_clear)

VtResource *
vt_resource_new (void)
{
  VtResource *self = g_atomic_rc_box_new0 (VtResource);

  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_service_ref_unref);
  return self;
}

/**
 * vt_resource_get_image_service:
 *
 * Returns: (nullable) (transfer none): the first image service of the
 *   resource (e.g. of a thumbnail)
 */
VtServiceRef *
vt_resource_get_image_service (const VtResource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _vt_service_refs_find_image (self->services);
}

/* Resources, canvas bodies and thumbnails all list services the same way:
 * the first that is an Image API service is the one to draw from. */
VtServiceRef *
_vt_service_refs_find_image (GPtrArray *services)
{
  for (guint i = 0; services != NULL && i < services->len; i++)
    {
      VtServiceRef *ref = g_ptr_array_index (services, i);

      if (vt_service_ref_is_image_service (ref))
        return ref;
    }
  return NULL;
}

static void
vt_agent_clear (VtAgent *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->homepage, g_ptr_array_unref);
  g_clear_pointer (&self->logo, g_ptr_array_unref);
}

VT_DEFINE_RC (VtAgent, vt_agent, vt_agent_clear)

VtAgent *
vt_agent_new (void)
{
  VtAgent *self = g_atomic_rc_box_new0 (VtAgent);

  self->homepage = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_resource_unref);
  self->logo = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_resource_unref);
  return self;
}

static void
vt_metadata_entry_clear (VtMetadataEntry *self)
{
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->value, vt_language_map_unref);
}

VT_DEFINE_RC (VtMetadataEntry, vt_metadata_entry, vt_metadata_entry_clear)

/* Takes ownership of both maps. */
VtMetadataEntry *
vt_metadata_entry_new (VtLanguageMap *label,
                       VtLanguageMap *value)
{
  VtMetadataEntry *self = g_atomic_rc_box_new0 (VtMetadataEntry);

  self->label = label;
  self->value = value;
  return self;
}

/* Whether a statement says anything: Ghent-like generators write
 * `"attribution": ""` when nobody is named, and that must not hide the
 * manifest's statement behind it. */
gboolean
vt_metadata_entry_has_value (const VtMetadataEntry *self)
{
  if (self == NULL)
    return FALSE;

  for (guint i = 0; i < vt_language_map_get_n_languages (self->value); i++)
    {
      const char * const *values = vt_language_map_get_values (self->value, i);

      for (guint j = 0; values[j] != NULL; j++)
        {
          for (const char *p = values[j]; *p != '\0'; p++)
            if (!g_ascii_isspace (*p))
              return TRUE;
        }
    }
  return FALSE;
}
