/* vt-nav-place.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-nav-place"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"

static void
vt_nav_feature_free (VtNavFeature *feature)
{
  g_free (feature->id);
  g_clear_pointer (&feature->label, vt_language_map_unref);
  g_free (feature->geometry);
  g_array_unref (feature->coordinates);
  g_free (feature);
}

static void
vt_nav_place_clear (VtNavPlace *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->features, g_ptr_array_unref);
}

VT_DEFINE_RC (VtNavPlace, vt_nav_place, vt_nav_place_clear)
G_DEFINE_BOXED_TYPE (VtNavPlace, vt_nav_place, vt_nav_place_ref, vt_nav_place_unref)

/* Positions are the innermost arrays; @dimensions is their length, kept
 * so that the flattened numbers can be paired again (an altitude makes
 * three), or 0 once two of them differ. */
static gboolean
add_coordinates (GArray   *out,
                 JsonNode *node,
                 guint     depth,
                 guint    *budget,
                 guint    *dimensions)
{
  if (node == NULL || depth > 4)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);
      double d;

      if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
        return FALSE;
      d = json_node_get_double (node);
      if (!isfinite (d) || *budget == 0)
        return FALSE;
      (*budget)--;
      g_array_append_val (out, d);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);

      if (length > 0 && JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)))
        {
          if (*dimensions == G_MAXUINT)
            *dimensions = length;
          else if (*dimensions != length)
            *dimensions = 0;
        }
      for (guint i = 0; i < length; i++)
        if (!add_coordinates (out, json_array_get_element (array, i), depth + 1, budget, dimensions))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/* A GeoJSON FeatureCollection (or a lone Feature); what is not GeoJSON is
 * skipped with a warning. */
VtNavPlace *
vt_nav_place_from_json (VtParseContext *ctx,
                        JsonNode       *node)
{
  g_autoptr(VtNavPlace) self = NULL;
  JsonObject *object;
  JsonArray *features;
  guint budget = VT_IIIF_MAX_NAV_COORDINATES;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      vt_parse_warn (ctx, _("Ignored a navPlace that is not an object"));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_atomic_rc_box_new0 (VtNavPlace);
  self->features = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_nav_feature_free);
  self->id = g_strdup (vt_json_get_id (object));
  features = vt_json_get_array (object, "features");

  for (guint i = 0; features != NULL && i < json_array_get_length (features); i++)
    {
      JsonNode *element = json_array_get_element (features, i);
      JsonObject *feature, *geometry;
      VtNavFeature *out;
      guint dimensions = G_MAXUINT;

      if (i >= VT_IIIF_MAX_NAV_FEATURES)
        {
          vt_parse_warn (ctx, _("The navPlace has more than %d features; the rest are left out"),
                         VT_IIIF_MAX_NAV_FEATURES);
          break;
        }
      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      feature = json_node_get_object (element);
      out = g_new0 (VtNavFeature, 1);
      out->coordinates = g_array_new (FALSE, FALSE, sizeof (double));
      out->id = g_strdup (vt_json_get_id (feature));
      out->label = vt_language_map_from_json (vt_json_get_member (vt_json_get_object (feature, "properties"), "label"));
      geometry = vt_json_get_object (feature, "geometry");
      out->geometry = g_strdup (vt_json_get_type (geometry));
      if (geometry != NULL && !add_coordinates (out->coordinates, vt_json_get_member (geometry, "coordinates"), 0, &budget, &dimensions))
        {
          vt_parse_warn (ctx, _("Ignored the invalid coordinates of a navPlace feature"));
          g_array_set_size (out->coordinates, 0);
        }
      out->dimensions = dimensions != G_MAXUINT ? dimensions : 0;
      g_ptr_array_add (self->features, out);
    }

  return g_steal_pointer (&self);
}
