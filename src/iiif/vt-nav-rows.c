/* vt-nav-rows.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-nav-rows"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"
#include "vt-markup.h"
#include "vt-nav-rows.h"

/* Where and when an object or page is (the navPlace and navDate
 * extensions, cookbook 0154, 0230, 0240, 0318), as sidebar rows: a place
 * by its label and its coordinates in degrees, linked to OpenStreetMap, a
 * date as a reader writes it. A navPlace can hold a hundred thousand
 * numbers and anything for them: only so many places are shown, and only
 * coordinates on Earth. */

/* More places than this are one row that says how many are left out. */
#define MAX_PLACE_ROWS 8

/* A navDate longer than this that is not a date is not shown as written. */
#define MAX_RAW_DATE 64

typedef struct
{
  double lat, lon;         /* the centre */
  double extent;           /* the larger side of the bounding box, in degrees */
  gboolean point;
} Position;

static gboolean
on_earth (double lon,
          double lat)
{
  return isfinite (lon) && isfinite (lat) &&
         lon >= -180.0 && lon <= 180.0 && lat >= -90.0 && lat <= 90.0;
}

/* The centre of @feature's bounding box; FALSE when it has no
 * coordinates, when they cannot be paired, or when one is not on Earth
 * (then none of it is trusted). */
static gboolean
feature_position (const VtNavFeature *feature,
                  Position           *out)
{
  const double *c = (const double *) feature->coordinates->data;
  guint n = feature->coordinates->len;
  guint stride = feature->dimensions;
  double min_lon = G_MAXDOUBLE, max_lon = -G_MAXDOUBLE;
  double min_lat = G_MAXDOUBLE, max_lat = -G_MAXDOUBLE;

  if (stride < 2 || stride > 3 || n < stride || n % stride != 0)
    return FALSE;

  for (guint i = 0; i + 1 < n; i += stride)
    {
      if (!on_earth (c[i], c[i + 1]))
        return FALSE;
      min_lon = MIN (min_lon, c[i]);
      max_lon = MAX (max_lon, c[i]);
      min_lat = MIN (min_lat, c[i + 1]);
      max_lat = MAX (max_lat, c[i + 1]);
    }

  out->lon = (min_lon + max_lon) / 2.0;
  out->lat = (min_lat + max_lat) / 2.0;
  out->extent = MAX (max_lon - min_lon, max_lat - min_lat);
  out->point = n == stride;
  return TRUE;
}

/* "41.8902° N, 12.4922° E": degrees in the user's locale's digits. */
static char *
format_position (const Position *p)
{
  g_autofree char *lat = g_strdup_printf ("%.4f", fabs (p->lat));
  g_autofree char *lon = g_strdup_printf ("%.4f", fabs (p->lon));
  g_autofree char *lat_text = NULL;
  g_autofree char *lon_text = NULL;

  if (p->lat >= 0)
    /* Translators: a latitude north of the equator; %s is the degrees,
     * such as "41.8902" */
    lat_text = g_strdup_printf (_("%s° N"), lat);
  else
    /* Translators: a latitude south of the equator; %s is the degrees */
    lat_text = g_strdup_printf (_("%s° S"), lat);
  if (p->lon >= 0)
    /* Translators: a longitude east of Greenwich; %s is the degrees */
    lon_text = g_strdup_printf (_("%s° E"), lon);
  else
    /* Translators: a longitude west of Greenwich; %s is the degrees */
    lon_text = g_strdup_printf (_("%s° W"), lon);
  if (p->point)
    /* Translators: a place's coordinates: its latitude and its longitude,
     * such as "41.8902° N, 12.4922° E" */
    return g_strdup_printf (_("%s, %s"), lat_text, lon_text);
  /* Translators: the centre of an area or a line on a map: its latitude
   * and longitude, such as "41.8902° N, 12.4922° E" */
  return g_strdup_printf (_("Around %s, %s"), lat_text, lon_text);
}

/* The place on OpenStreetMap, zoomed so that an area fits. Numbers in
 * a URL are C numbers, whatever the locale. */
static char *
osm_url (const Position *p)
{
  char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];
  int zoom = 15;

  if (p->extent > 0.0)
    zoom = CLAMP ((int) floor (log2 (360.0 / p->extent)), 2, 15);
  g_ascii_formatd (lat, sizeof lat, "%.5f", p->lat);
  g_ascii_formatd (lon, sizeof lon, "%.5f", p->lon);
  return g_strdup_printf ("https://www.openstreetmap.org/?mlat=%s&mlon=%s#map=%d/%s/%s",
                          lat, lon, zoom, lat, lon);
}

/* A feature's label over its coordinates, or either alone; %NULL when it
 * has neither. */
static char *
dup_feature_markup (const VtNavFeature *feature,
                    const char * const *languages)
{
  g_autofree char *label = _vt_language_map_dup_label (feature->label, languages);
  g_autofree char *escaped = NULL;
  Position position;

  if (label != NULL)
    escaped = g_markup_escape_text (label, -1);
  if (feature_position (feature, &position))
    {
      g_autofree char *text = format_position (&position);
      g_autofree char *url = osm_url (&position);
      g_autofree char *link = vt_markup_link (url, text);

      if (escaped == NULL)
        return g_steal_pointer (&link);
      return g_strconcat (escaped, "\n", link, NULL);
    }
  return g_steal_pointer (&escaped);
}

static void
add_place_rows (GStrvBuilder       *rows,
                const VtNavPlace   *place,
                const char * const *languages)
{
  guint shown = 0, left = 0;

  for (guint i = 0; place != NULL && place->features != NULL && i < place->features->len; i++)
    {
      g_autofree char *markup = NULL;

      if (shown == MAX_PLACE_ROWS)
        {
          left = place->features->len - i;
          break;
        }
      markup = dup_feature_markup (g_ptr_array_index (place->features, i), languages);
      if (markup == NULL)
        continue;
      /* Translators: a place the object or page is of or from (its IIIF
       * navPlace), shown by its name and coordinates */
      g_strv_builder_add (rows, _("Place"));
      g_strv_builder_add (rows, markup);
      shown++;
    }
  if (left > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u more place", "%u more places", left), left);

      g_autofree char *markup = g_markup_escape_text (text, -1);

      g_strv_builder_add (rows, _("Place"));
      g_strv_builder_add (rows, markup);
    }
}

/* A navDate as a reader writes it: the day alone at midnight UTC (how
 * the cookbook dates a year or a day), else the day and the time in UTC,
 * the zone it is compared in. A date GLib does not read is shown as
 * written when it is short. */
static char *
dup_date_markup (const char *nav_date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  g_autofree char *text = NULL;

  if (nav_date == NULL || nav_date[0] == '\0')
    return NULL;
  parsed = g_date_time_new_from_iso8601 (nav_date, utc);
  if (parsed == NULL)
    return strlen (nav_date) <= MAX_RAW_DATE ? g_markup_escape_text (nav_date, -1) : NULL;

  in_utc = g_date_time_to_utc (parsed);
  if (g_date_time_get_hour (in_utc) == 0 && g_date_time_get_minute (in_utc) == 0 &&
      g_date_time_get_second (in_utc) == 0)
    /* Translators: the format of a date such as "January 1, 1776", see
     * the GLib manual for g_date_time_format(); %B is the month's name in
     * your language, %-d the day without a leading zero */
    text = g_date_time_format (in_utc, _("%B %-d, %Y"));
  else
    /* Translators: the format of a date and time such as "January 1, 1776,
     * 14:30 UTC", see g_date_time_format() */
    text = g_date_time_format (in_utc, _("%B %-d, %Y, %H:%M UTC"));
  return text != NULL ? g_markup_escape_text (text, -1) : NULL;
}

/**
 * vt_nav_rows_add:
 * @rows: where the rows go (label, markup, …)
 * @place: (nullable): a navPlace
 * @nav_date: (nullable): a navDate as written
 *
 * Adds a "Place" row for each of @place's features with a label or
 * coordinates (at most a few, then one that counts the rest), and a "Date"
 * row for @nav_date.
 */
void
vt_nav_rows_add (GStrvBuilder       *rows,
                 const VtNavPlace   *place,
                 const char         *nav_date,
                 const char * const *languages)
{
  g_autofree char *date = dup_date_markup (nav_date);

  add_place_rows (rows, place, languages);
  if (date != NULL)
    {
      /* Translators: the date the object or page is of (its IIIF navDate) */
      g_strv_builder_add (rows, _("Date"));
      g_strv_builder_add (rows, date);
    }
}
