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
  g_clear_pointer (&self->start_selector, vt_selector_unref);
  g_clear_pointer (&self->nav_place, vt_nav_place_unref);
  g_clear_pointer (&self->placeholder_canvas, vt_canvas_unref);
  g_clear_pointer (&self->accompanying_canvas, vt_canvas_unref);
  g_clear_pointer (&self->annotation_pages, g_ptr_array_unref);
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
  self->annotation_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_annotation_page_unref);
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

static void
add_entry_languages (const VtMetadataEntry *entry,
                     GPtrArray             *tags)
{
  if (entry == NULL)
    return;
  vt_language_map_add_languages_to (entry->label, tags);
  vt_language_map_add_languages_to (entry->value, tags);
}

/**
 * vt_manifest_dup_languages:
 *
 * The languages the manifest's texts come in, for a language picker: of
 * its label, summary and metadata, and of the required statements of the
 * manifest and of every canvas (so that a picker stays the same as the
 * statement follows the page). In document order, each language once (see
 * vt_language_map_add_languages_to()); "none" and junk keys are left out.
 *
 * Returns: (transfer full): the language tags, as the manifest spells them
 */
char **
vt_manifest_dup_languages (const VtManifest *self)
{
  g_autoptr(GPtrArray) tags = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  tags = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  vt_language_map_add_languages_to (self->label, tags);
  vt_language_map_add_languages_to (self->summary, tags);
  for (guint i = 0; self->metadata != NULL && i < self->metadata->len; i++)
    add_entry_languages (g_ptr_array_index (self->metadata, i), tags);
  add_entry_languages (self->required_statement, tags);
  for (guint i = 0; i < self->canvases->len; i++)
    add_entry_languages (vt_canvas_get_required_statement (g_ptr_array_index (self->canvases, i)), tags);

  return (char **) g_ptr_array_steal (tags, NULL);
}

/**
 * vt_manifest_get_canvas_rights:
 * @canvas_index: the page shown
 *
 * The rights that hold for one canvas: its own (vt_canvas_get_rights():
 * its first painting annotation that names rights, else the canvas), else
 * the manifest's. Never another canvas's: in Ghent's `dmg:2011-0075_0-2`
 * page 1 is CC BY-NC-ND and page 2 In Copyright. An index past the last
 * canvas gives the manifest's own.
 *
 * Returns: (nullable): the rights URI to show with that canvas
 */
const char *
vt_manifest_get_canvas_rights (const VtManifest *self,
                               guint             canvas_index)
{
  VtCanvas *canvas;
  const char *rights = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if ((canvas = vt_manifest_get_canvas (self, canvas_index)) != NULL)
    rights = vt_canvas_get_rights (canvas);
  if (rights == NULL && self->rights != NULL && *self->rights != '\0')
    rights = self->rights;
  return rights;
}

/**
 * vt_manifest_get_canvas_required_statement:
 * @canvas_index: the page shown
 *
 * The required statement for one canvas, found as
 * vt_manifest_get_canvas_rights() finds the rights: the canvas's (from its
 * image annotation or itself), else the manifest's. A v2 attribution comes
 * as a statement whose label is %NULL.
 *
 * Returns: (nullable) (transfer none): the statement to show
 */
VtMetadataEntry *
vt_manifest_get_canvas_required_statement (const VtManifest *self,
                                           guint             canvas_index)
{
  VtCanvas *canvas;
  VtMetadataEntry *statement = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if ((canvas = vt_manifest_get_canvas (self, canvas_index)) != NULL)
    statement = vt_canvas_get_required_statement (canvas);
  if (statement == NULL && vt_metadata_entry_has_value (self->required_statement))
    statement = self->required_statement;
  return statement;
}

/**
 * vt_manifest_get_canvas_attribution:
 * @canvas_index: the page shown
 *
 * The value of vt_manifest_get_canvas_required_statement(): who to credit
 * for that canvas, e.g. Ghent's "rightsholder: …, photographer: …".
 *
 * Returns: (nullable) (transfer none): the attribution to show
 */
VtLanguageMap *
vt_manifest_get_canvas_attribution (const VtManifest *self,
                                    guint             canvas_index)
{
  VtMetadataEntry *statement = vt_manifest_get_canvas_required_statement (self, canvas_index);

  return statement != NULL ? statement->value : NULL;
}

/**
 * vt_manifest_get_logo_url:
 *
 * The first logo of the manifest's providers (a v2 `logo` counts as one)
 * that can be fetched: an http or https address.
 *
 * Returns: (nullable): the logo's address
 */
const char *
vt_manifest_get_logo_url (const VtManifest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->provider != NULL && i < self->provider->len; i++)
    {
      VtAgent *agent = g_ptr_array_index (self->provider, i);

      for (guint j = 0; agent->logo != NULL && j < agent->logo->len; j++)
        {
          VtResource *logo = g_ptr_array_index (agent->logo, j);

          if (logo->id != NULL &&
              (g_str_has_prefix (logo->id, "https://") || g_str_has_prefix (logo->id, "http://")))
            return logo->id;
        }
    }

  return NULL;
}
