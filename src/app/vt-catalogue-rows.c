/* vt-catalogue-rows.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-catalogue-rows"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "net/vt-ghent-catalogue.h"

#include "vt-catalogue-rows.h"
#include "vt-text.h"

/* How the app words a catalogue record: the same in the sidebar, on the
 * "no public image" page and in the search results. The catalogue's values
 * are Ghent's own (Dutch) text, shown as given. */

/**
 * vt_catalogue_record_dup_makers_text:
 *
 * Returns: (transfer full) (nullable): the makers, each with its role in
 *   brackets, or %NULL when the record names none
 */
char *
vt_catalogue_record_dup_makers_text (const VtCatalogueRecord *record)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  if (record->makers == NULL || record->makers->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < record->makers->len; i++)
    {
      const VtCatalogueMaker *maker = g_ptr_array_index (record->makers, i);

      if (maker->name == NULL || *maker->name == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, maker->name);
      if (maker->role != NULL && *maker->role != '\0')
        g_string_append_printf (text, " (%s)", maker->role);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
add_row (GPtrArray  *rows,
         const char *label,
         const char *value)
{
  g_autofree char *shown = NULL;

  if (value == NULL || *value == '\0')
    return;

  /* A field of a megabyte would lay out as a bar, as in the manifest's. */
  shown = vt_text_ellipsize (value, VT_TEXT_MAX_LABEL_CHARS);
  g_ptr_array_add (rows, g_strdup (label));
  g_ptr_array_add (rows, g_markup_escape_text (shown, -1));
}

/**
 * vt_catalogue_record_dup_rows:
 *
 * Returns: (transfer full): label, markup, label, markup, …, for the
 *   record's maker (with role), date, object type, material, dimensions,
 *   collection and inventory number, in that order; fields it lacks are
 *   left out
 */
char **
vt_catalogue_record_dup_rows (const VtCatalogueRecord *record)
{
  GPtrArray *rows = g_ptr_array_new ();
  g_autofree char *makers = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  makers = vt_catalogue_record_dup_makers_text (record);
  add_row (rows, _("Maker"), makers);
  add_row (rows, _("Date"), record->date);
  add_row (rows, _("Object Type"), record->object_type);
  add_row (rows, _("Material"), record->material);
  add_row (rows, _("Dimensions"), record->dimensions);
  add_row (rows, _("Collection"), record->collection);
  add_row (rows, _("Inventory Number"), record->object_number);
  g_ptr_array_add (rows, NULL);

  return (char **) g_ptr_array_free (rows, FALSE);
}

/**
 * vt_catalogue_record_dup_object_id:
 *
 * Returns: (transfer full): what opens the object: `dmg:1987-1049`
 */
char *
vt_catalogue_record_dup_object_id (const VtCatalogueRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return vt_ghent_build_object_id (record->org, record->object_number);
}

/**
 * vt_catalogue_record_dup_thumbnail_url:
 * @size: the longest side wanted, in pixels
 *
 * Returns: (transfer full) (nullable): an Image API request for the whole
 *   image fitted in @size × @size, or %NULL without an image service
 */
char *
vt_catalogue_record_dup_thumbnail_url (const VtCatalogueRecord *record,
                                       guint                    size)
{
  g_autofree char *id = NULL;
  gsize len;

  g_return_val_if_fail (record != NULL, NULL);

  if (record->image_service == NULL ||
      (!g_str_has_prefix (record->image_service, "https://") &&
       !g_str_has_prefix (record->image_service, "http://")))
    return NULL;

  id = g_strdup (record->image_service);
  if (g_str_has_suffix (id, "/info.json"))
    id[strlen (id) - strlen ("/info.json")] = '\0';
  len = strlen (id);
  while (len > 0 && id[len - 1] == '/')
    id[--len] = '\0';

  return g_strdup_printf ("%s/full/!%u,%u/0/default.jpg", id, size, size);
}

/**
 * vt_catalogue_dup_thumbnail_cache_path:
 * @object_id: an object id: `dmg:1987-1049`
 *
 * Where the search page keeps the thumbnail it showed for an object, for
 * GNOME Shell's search to show without the network.
 *
 * Returns: (transfer full): a path in the user's cache directory
 */
char *
vt_catalogue_dup_thumbnail_cache_path (const char *object_id)
{
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (object_id != NULL, NULL);

  /* Object numbers may hold anything, slashes included. */
  name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, object_id, -1);
  file = g_strconcat (name, ".png", NULL);

  return g_build_filename (g_get_user_cache_dir (), "vitrine", "thumbnails", file, NULL);
}
