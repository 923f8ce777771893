/* vt-selector.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-selector"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"

static void
vt_selector_clear (VtSelector *self)
{
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->size, g_free);
  g_clear_pointer (&self->quality, g_free);
  g_clear_pointer (&self->format, g_free);
}

VT_DEFINE_RC (VtSelector, vt_selector, vt_selector_clear)
G_DEFINE_BOXED_TYPE (VtSelector, vt_selector, vt_selector_ref, vt_selector_unref)

VtSelector *
vt_selector_new (VtSelectorKind kind)
{
  VtSelector *self = g_atomic_rc_box_new0 (VtSelector);

  self->kind = kind;
  self->time_end = -1;
  return self;
}

static gboolean
parse_number (const char **p,
              double      *out)
{
  char *end = NULL;
  double d = g_ascii_strtod (*p, &end);

  if (end == *p || !isfinite (d) || d < 0 || d >= (double) VT_IIIF_MAX_DIMENSION)
    return FALSE;
  *out = d;
  *p = end;
  return TRUE;
}

/* "x,y,w,h" as four finite numbers, w and h > 0, up to @end. */
gboolean
vt_selector_parse_rect (VtSelector *self,
                        const char *p,
                        const char *end)
{
  double v[4];

  for (guint i = 0; i < 4; i++)
    {
      if (!parse_number (&p, &v[i]))
        return FALSE;
      if (i < 3 && *p++ != ',')
        return FALSE;
    }
  if (p != end || v[2] <= 0 || v[3] <= 0)
    return FALSE;
  self->has_rect = TRUE;
  self->x = v[0];
  self->y = v[1];
  self->width = v[2];
  self->height = v[3];
  return TRUE;
}

/* "t=[npt:]start[,end]": a start alone is a point or an open range. */
static gboolean
parse_time (VtSelector *self,
            const char *p,
            const char *end)
{
  double start = 0, stop = -1;

  if (g_str_has_prefix (p, "npt:"))
    p += 4;
  if (*p != ',' && !parse_number (&p, &start))
    return FALSE;
  if (p < end && *p == ',')
    {
      p++;
      if (!parse_number (&p, &stop) || stop <= start)
        return FALSE;
    }
  if (p != end)
    return FALSE;
  self->has_time = TRUE;
  self->time_start = start;
  self->time_end = stop;
  return TRUE;
}

/**
 * vt_selector_new_from_fragment:
 * @fragment: a media fragment without `#`, e.g. "xywh=percent:10,10,50,50&t=5,10"
 *
 * Returns: (transfer full) (nullable): a %VT_SELECTOR_FRAGMENT with the
 *   region and/or time range @fragment gives, or %NULL when it gives
 *   neither (or only invalid ones: negative, NaN, empty, absurd)
 */
VtSelector *
vt_selector_new_from_fragment (const char *fragment)
{
  g_autoptr(VtSelector) self = NULL;
  const char *p = fragment;

  if (fragment == NULL)
    return NULL;

  self = vt_selector_new (VT_SELECTOR_FRAGMENT);
  while (*p != '\0')
    {
      const char *end = strchr (p, '&');

      if (end == NULL)
        end = p + strlen (p);
      if (g_str_has_prefix (p, "xywh="))
        {
          const char *q = p + 5;

          self->percent = FALSE;
          if (g_str_has_prefix (q, "pixel:"))
            q += 6;
          else if (g_str_has_prefix (q, "percent:"))
            {
              q += 8;
              self->percent = TRUE;
            }
          if (!vt_selector_parse_rect (self, q, end))
            self->percent = FALSE;
        }
      else if (g_str_has_prefix (p, "t="))
        parse_time (self, p + 2, end);
      p = *end == '&' ? end + 1 : end;
    }

  if (!self->has_rect && !self->has_time)
    return NULL;
  self->value = g_strdup (fragment);
  return g_steal_pointer (&self);
}

/**
 * vt_selector_get_rect:
 * @target_width: the width of what is selected from (for per cent), or 0
 * @target_height: its height
 * @out_rect: (out): the region in pixels, rounded outwards
 *
 * Returns: whether the selector has a region that is not empty in pixels
 *   (a per-cent region needs a target size)
 */
gboolean
vt_selector_get_rect (const VtSelector *self,
                      gint64            target_width,
                      gint64            target_height,
                      VtRect           *out_rect)
{
  double x, y, w, h;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_rect != NULL, FALSE);

  if (!self->has_rect)
    return FALSE;
  x = self->x;
  y = self->y;
  w = self->width;
  h = self->height;
  if (self->percent)
    {
      if (target_width <= 0 || target_height <= 0)
        return FALSE;
      x = x * target_width / 100;
      y = y * target_height / 100;
      w = w * target_width / 100;
      h = h * target_height / 100;
    }
  out_rect->x = (gint64) floor (x);
  out_rect->y = (gint64) floor (y);
  out_rect->width = (gint64) ceil (x + w) - out_rect->x;
  out_rect->height = (gint64) ceil (y + h) - out_rect->y;
  if (out_rect->width <= 0 || out_rect->height <= 0 ||
      !vt_dimension_valid (out_rect->width) || !vt_dimension_valid (out_rect->height))
    return FALSE;
  return TRUE;
}

const char *
vt_selector_kind_to_string (VtSelectorKind kind)
{
  switch (kind)
    {
    case VT_SELECTOR_FRAGMENT: return "FragmentSelector";
    case VT_SELECTOR_IMAGE_API: return "ImageApiSelector";
    case VT_SELECTOR_SVG: return "SvgSelector";
    case VT_SELECTOR_POINT: return "PointSelector";
    case VT_SELECTOR_OTHER:
    default: return "other";
    }
}
