/* vt-physdim.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-physdim"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"
#include "vt-physdim.h"

/* How large an object is in the world: the IIIF physical dimensions
 * service on a canvas, or a museum's dimensions text ("hoogte 12 cm;
 * breedte 3 cm"), which is what a true-scale comparison needs. */

/**
 * vt_physical_units_to_mm:
 * @units: a `physicalUnits` value ("mm", "cm", "in") or a unit as museum
 *   records write it
 *
 * Returns: millimetres in one @units, or 0 for a unit not known
 */
double
vt_physical_units_to_mm (const char *units)
{
  static const struct { const char *name; double mm; } table[] = {
    { "mm", 1.0 }, { "millimetre", 1.0 }, { "millimeter", 1.0 },
    { "cm", 10.0 }, { "centimetre", 10.0 }, { "centimeter", 10.0 },
    { "m", 1000.0 }, { "metre", 1000.0 }, { "meter", 1000.0 },
    { "in", 25.4 }, { "inch", 25.4 }, { "inches", 25.4 },
  };
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  if (units == NULL)
    return 0;
  stripped = g_strstrip (g_strdup (units));
  folded = g_ascii_strdown (stripped, -1);
  if (g_str_has_suffix (folded, "."))
    folded[strlen (folded) - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (strcmp (folded, table[i].name) == 0)
      return table[i].mm;
  return 0;
}

static gboolean
is_physdim (VtParseContext *ctx,
            JsonObject     *object)
{
  g_auto(GStrv) profiles = vt_json_dup_strv (vt_json_get_member (object, "profile"));
  g_auto(GStrv) contexts = vt_json_dup_strv (vt_json_get_member (object, "@context"));

  for (guint i = 0; profiles[i] != NULL; i++)
    if (strstr (profiles[i], "/api/annex/services/physdim") != NULL)
      return TRUE;
  for (guint i = 0; contexts[i] != NULL; i++)
    if (strstr (contexts[i], "/api/annex/services/physdim") != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
read_one (VtParseContext *ctx,
          JsonNode       *node,
          double         *scale,
          char          **units)
{
  JsonObject *object;
  double value;
  const char *unit;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  if (!is_physdim (ctx, object))
    return FALSE;

  unit = vt_json_get_string (object, "physicalUnits");
  if (!vt_json_get_double (object, "physicalScale", &value) || !isfinite (value) ||
      value <= 0 || value > 1e9 || vt_physical_units_to_mm (unit) == 0)
    {
      vt_parse_warn (ctx, _("Ignored a physical dimensions service without a usable scale and unit"));
      return FALSE;
    }
  *scale = value;
  *units = g_strdup (unit);
  return TRUE;
}

/* Reads the physical dimensions service among a canvas' services (a
 * `service` member, an object or a list). */
void
vt_canvas_read_physdim (VtParseContext *ctx,
                        VtCanvas       *canvas,
                        JsonObject     *object)
{
  const char *members[] = { "service", "services" };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonNode *node = vt_json_get_member (object, members[m]);

      if (node == NULL)
        continue;
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
            if (read_one (ctx, json_array_get_element (array, i),
                          &canvas->physical_scale, &canvas->physical_units))
              return;
        }
      else if (read_one (ctx, node, &canvas->physical_scale, &canvas->physical_units))
        return;
    }
}

/**
 * vt_canvas_get_mm_per_unit:
 * @mm: (out): millimetres per canvas unit
 *
 * Returns: whether the canvas has a physical dimensions service
 */
gboolean
vt_canvas_get_mm_per_unit (const VtCanvas *self,
                           double         *mm)
{
  double unit;

  g_return_val_if_fail (self != NULL, FALSE);

  unit = vt_physical_units_to_mm (self->physical_units);
  if (self->physical_scale <= 0 || unit == 0)
    return FALSE;
  if (mm != NULL)
    *mm = self->physical_scale * unit;
  return TRUE;
}

/* Reads "<number> <unit>" at *p, after a word naming the dimension. */
static gboolean
read_measure (const char *p,
              double     *mm)
{
  char *end;
  double value;
  g_autofree char *unit = NULL;
  const char *start;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    {
      if (*p == ';' || (*p == ',' && !g_ascii_isdigit (p[1])))
        return FALSE;
      p++;
    }
  if (*p == '\0')
    return FALSE;

  /* Dutch and French records write a decimal comma. */
  {
    g_autofree char *number = NULL;
    const char *q = p;

    while (g_ascii_isdigit (*q) || ((*q == ',' || *q == '.') && g_ascii_isdigit (q[1])))
      q++;
    number = g_strndup (p, q - p);
    g_strdelimit (number, ",", '.');
    value = g_ascii_strtod (number, &end);
    if (end == number || !isfinite (value) || value <= 0)
      return FALSE;
    p = q;
  }

  while (*p == ' ')
    p++;
  start = p;
  while (g_ascii_isalpha (*p) || *p == '.')
    p++;
  unit = g_strndup (start, p - start);
  if (vt_physical_units_to_mm (unit) == 0)
    return FALSE;
  *mm = value * vt_physical_units_to_mm (unit);
  return TRUE;
}

static gboolean
find_measure (const char         *text,
              const char * const *words,
              double             *mm)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *hit = strstr (text, words[i]);

      if (hit != NULL && read_measure (hit + strlen (words[i]), mm))
        return TRUE;
    }
  return FALSE;
}

/**
 * vt_physdim_parse_dimensions_text:
 * @text: a catalogue's dimensions, e.g. "hoogte 12 cm; breedte 3,5 cm"
 * @width_mm: (out): the width, or 0 when the text gives none
 * @height_mm: (out): the height, or 0
 *
 * Reads the width and height a museum record gives (Dutch, English or
 * French words).
 *
 * Returns: whether a width or a height was found
 */
gboolean
vt_physdim_parse_dimensions_text (const char *text,
                                  double     *width_mm,
                                  double     *height_mm)
{
  static const char * const width_words[] = { "breedte", "width", "largeur", NULL };
  static const char * const height_words[] = { "hoogte", "height", "hauteur", NULL };
  g_autofree char *folded = NULL;
  double w = 0, h = 0;

  g_return_val_if_fail (width_mm != NULL && height_mm != NULL, FALSE);
  *width_mm = *height_mm = 0;
  if (text == NULL)
    return FALSE;

  folded = g_ascii_strdown (text, MIN (strlen (text), 4096));
  find_measure (folded, width_words, &w);
  find_measure (folded, height_words, &h);
  *width_mm = w;
  *height_mm = h;
  return w > 0 || h > 0;
}
