/* vt-svg-shape.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-svg-shape"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "vt-iiif-error.h"
#include "vt-iiif-private.h"
#include "vt-svg-shape.h"

/* An SvgSelector's SVG comes from whoever wrote the annotation: it is
 * untrusted, so it is read as data and nothing more. libxml2 reads it with
 * no network, no entity substitution and no DTD; only the few shape
 * elements are looked at, every number is checked to be finite, and every
 * count is bounded (points, elements, depth). Curves are flattened here,
 * once, so that drawing and hit-testing only ever see polygons. */

#define CURVE_SEGMENTS   12
#define ELLIPSE_SEGMENTS 48
#define MAX_DEPTH        32
/* Coordinates beyond this are nonsense for a canvas (at most 2^31 px) and
 * would only overflow whoever draws them. */
#define MAX_COORDINATE   1e10

typedef struct
{
  GPtrArray    *subpaths;
  VtSvgSubpath *current;
  guint         n_points;
  guint         n_elements;
  gboolean      full;
} Builder;

static void
subpath_free (VtSvgSubpath *subpath)
{
  g_clear_pointer (&subpath->points, g_array_unref);
  g_free (subpath);
}

static void
vt_svg_shape_clear (VtSvgShape *self)
{
  g_clear_pointer (&self->subpaths, g_ptr_array_unref);
}

VT_DEFINE_RC (VtSvgShape, vt_svg_shape, vt_svg_shape_clear)
G_DEFINE_BOXED_TYPE (VtSvgShape, vt_svg_shape, vt_svg_shape_ref, vt_svg_shape_unref)

static void
builder_init (Builder *b)
{
  memset (b, 0, sizeof *b);
  b->subpaths = g_ptr_array_new_with_free_func ((GDestroyNotify) subpath_free);
}

static void
builder_end (Builder *b)
{
  /* A subpath of one point draws nothing and cannot be hit: dropped. */
  if (b->current != NULL && b->current->points->len < 2)
    {
      b->n_points -= b->current->points->len;
      g_ptr_array_remove (b->subpaths, b->current);
    }
  b->current = NULL;
}

static void
builder_move (Builder *b,
              double   x,
              double   y)
{
  VtSvgPoint p = { x, y };

  builder_end (b);
  if (b->n_points >= VT_SVG_SHAPE_MAX_POINTS)
    {
      b->full = TRUE;
      return;
    }
  b->current = g_new0 (VtSvgSubpath, 1);
  b->current->points = g_array_new (FALSE, FALSE, sizeof (VtSvgPoint));
  g_array_append_val (b->current->points, p);
  g_ptr_array_add (b->subpaths, b->current);
  b->n_points++;
}

static void
builder_line (Builder *b,
              double   x,
              double   y)
{
  VtSvgPoint p = { x, y };

  if (b->current == NULL)
    {
      builder_move (b, x, y);
      return;
    }
  if (b->n_points >= VT_SVG_SHAPE_MAX_POINTS)
    {
      b->full = TRUE;
      return;
    }
  g_array_append_val (b->current->points, p);
  b->n_points++;
}

static void
builder_close (Builder *b)
{
  if (b->current != NULL)
    b->current->closed = TRUE;
  builder_end (b);
}

static VtSvgShape *
builder_finish (Builder  *b,
                GError  **error)
{
  VtSvgShape *shape;
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

  builder_end (b);
  if (b->subpaths->len == 0)
    {
      g_clear_pointer (&b->subpaths, g_ptr_array_unref);
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE,
                   _("The SVG selector holds no shape"));
      return NULL;
    }

  for (guint i = 0; i < b->subpaths->len; i++)
    {
      VtSvgSubpath *s = g_ptr_array_index (b->subpaths, i);

      for (guint j = 0; j < s->points->len; j++)
        {
          VtSvgPoint *p = &g_array_index (s->points, VtSvgPoint, j);

          x0 = MIN (x0, p->x);
          y0 = MIN (y0, p->y);
          x1 = MAX (x1, p->x);
          y1 = MAX (y1, p->y);
        }
    }

  shape = g_atomic_rc_box_new0 (VtSvgShape);
  shape->subpaths = g_steal_pointer (&b->subpaths);
  shape->x = x0;
  shape->y = y0;
  shape->width = x1 - x0;
  shape->height = y1 - y0;
  return shape;
}

/* Numbers */

static void
skip_separators (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r' || **p == ',')
    (*p)++;
}

/* An SVG number (sign, digits, fraction, exponent; no "inf", "nan" or
 * hex, which strtod would take), finite and within MAX_COORDINATE. */
static gboolean
read_number (const char **pp,
             double      *out)
{
  const char *p = *pp;
  const char *start;
  char buf[64];
  gsize len;
  gboolean digits = FALSE;
  double value;

  skip_separators (&p);
  start = p;
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if ((*p == 'e' || *p == 'E') &&
      (g_ascii_isdigit (p[1]) ||
       ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    {
      p += 2;
      while (g_ascii_isdigit (*p))
        p++;
    }

  len = p - start;
  if (len >= sizeof buf)
    return FALSE;
  memcpy (buf, start, len);
  buf[len] = '\0';
  value = g_ascii_strtod (buf, NULL);
  if (!isfinite (value) || fabs (value) > MAX_COORDINATE)
    return FALSE;

  *out = value;
  *pp = p;
  return TRUE;
}

/* An arc's flags are single digits that may run into the next number. */
static gboolean
read_flag (const char **pp,
           gboolean    *out)
{
  skip_separators (pp);
  if (**pp != '0' && **pp != '1')
    return FALSE;
  *out = **pp == '1';
  (*pp)++;
  return TRUE;
}

static gboolean
read_numbers (const char **pp,
              double      *out,
              guint        n)
{
  const char *p = *pp;

  for (guint i = 0; i < n; i++)
    if (!read_number (&p, &out[i]))
      return FALSE;
  *pp = p;
  return TRUE;
}

/* Path data */

static void
flatten_cubic (Builder *b,
               double x0, double y0, double x1, double y1,
               double x2, double y2, double x3, double y3)
{
  for (guint i = 1; i <= CURVE_SEGMENTS; i++)
    {
      double t = (double) i / CURVE_SEGMENTS, u = 1 - t;

      builder_line (b,
                    u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
                    u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
    }
}

static void
flatten_quadratic (Builder *b,
                   double x0, double y0, double x1, double y1, double x2, double y2)
{
  for (guint i = 1; i <= CURVE_SEGMENTS; i++)
    {
      double t = (double) i / CURVE_SEGMENTS, u = 1 - t;

      builder_line (b, u * u * x0 + 2 * u * t * x1 + t * t * x2,
                    u * u * y0 + 2 * u * t * y1 + t * t * y2);
    }
}

/* An elliptical arc by the SVG implementation notes (F.6.5), flattened. */
static void
flatten_arc (Builder  *b,
             double    x1, double y1,
             double    rx, double ry,
             double    angle,
             gboolean  large,
             gboolean  sweep,
             double    x2, double y2)
{
  double phi = angle * G_PI / 180, c = cos (phi), s = sin (phi);
  double dx = (x1 - x2) / 2, dy = (y1 - y2) / 2;
  double xp = c * dx + s * dy, yp = -s * dx + c * dy;
  double lambda, num, den, k, cxp, cyp, cx, cy, t1, dt;

  rx = fabs (rx);
  ry = fabs (ry);
  if (rx == 0 || ry == 0 || (x1 == x2 && y1 == y2))
    {
      builder_line (b, x2, y2);
      return;
    }

  lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry);
  if (lambda > 1)
    {
      rx *= sqrt (lambda);
      ry *= sqrt (lambda);
    }
  num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp;
  den = rx * rx * yp * yp + ry * ry * xp * xp;
  k = (den > 0 && num > 0) ? sqrt (num / den) : 0;
  if (large == sweep)
    k = -k;
  cxp = k * rx * yp / ry;
  cyp = -k * ry * xp / rx;
  cx = c * cxp - s * cyp + (x1 + x2) / 2;
  cy = s * cxp + c * cyp + (y1 + y2) / 2;

  t1 = atan2 ((yp - cyp) / ry, (xp - cxp) / rx);
  dt = atan2 ((-yp - cyp) / ry, (-xp - cxp) / rx) - t1;
  if (sweep && dt < 0)
    dt += 2 * G_PI;
  else if (!sweep && dt > 0)
    dt -= 2 * G_PI;

  if (!isfinite (cx) || !isfinite (cy) || !isfinite (dt))
    {
      builder_line (b, x2, y2);
      return;
    }

  for (guint i = 1; i < CURVE_SEGMENTS; i++)
    {
      double t = t1 + dt * i / CURVE_SEGMENTS;

      builder_line (b, cx + rx * cos (t) * c - ry * sin (t) * s,
                    cy + rx * cos (t) * s + ry * sin (t) * c);
    }
  builder_line (b, x2, y2);
}

/* Reads path data into @b; stops at the first error, keeping what came
 * before it, as the SVG specification's error handling says. */
static void
parse_path (Builder    *b,
            const char *d)
{
  const char *p = d;
  double cx = 0, cy = 0;         /* current point */
  double sx = 0, sy = 0;         /* start of the subpath */
  double qx = 0, qy = 0;         /* last control point, for S and T */
  char last = 0;
  char cmd = 0;

  while (!b->full)
    {
      double v[7];
      gboolean rel;
      char c;

      skip_separators (&p);
      if (*p == '\0')
        break;
      if (g_ascii_isalpha (*p))
        cmd = *p++;
      else if (cmd == 0 || cmd == 'Z' || cmd == 'z')
        break;                   /* numbers without a command */

      rel = g_ascii_islower (cmd);
      c = g_ascii_toupper (cmd);
      /* Path data must begin with a moveto. */
      if (last == 0 && c != 'M')
        return;
      /* Drawing after a Z starts again where that subpath started. */
      if (c != 'M' && c != 'Z' && b->current == NULL)
        builder_move (b, cx, cy);
      switch (c)
        {
        case 'M':
          if (!read_numbers (&p, v, 2))
            return;
          cx = rel ? cx + v[0] : v[0];
          cy = rel ? cy + v[1] : v[1];
          builder_move (b, cx, cy);
          sx = cx, sy = cy;
          /* Further pairs are implicit line-tos. */
          cmd = rel ? 'l' : 'L';
          break;

        case 'L':
          if (!read_numbers (&p, v, 2))
            return;
          cx = rel ? cx + v[0] : v[0];
          cy = rel ? cy + v[1] : v[1];
          builder_line (b, cx, cy);
          break;

        case 'H':
          if (!read_numbers (&p, v, 1))
            return;
          cx = rel ? cx + v[0] : v[0];
          builder_line (b, cx, cy);
          break;

        case 'V':
          if (!read_numbers (&p, v, 1))
            return;
          cy = rel ? cy + v[0] : v[0];
          builder_line (b, cx, cy);
          break;

        case 'C':
        case 'S':
          {
            double x1, y1;
            guint n = c == 'C' ? 6 : 4;

            if (!read_numbers (&p, v, n))
              return;
            if (c == 'S')
              {
                gboolean smooth = last == 'C' || last == 'S';

                memmove (v + 2, v, 4 * sizeof (double));
                x1 = smooth ? 2 * cx - qx : cx;
                y1 = smooth ? 2 * cy - qy : cy;
              }
            else
              {
                x1 = rel ? cx + v[0] : v[0];
                y1 = rel ? cy + v[1] : v[1];
              }
            qx = rel ? cx + v[2] : v[2];
            qy = rel ? cy + v[3] : v[3];
            flatten_cubic (b, cx, cy, x1, y1, qx, qy,
                           rel ? cx + v[4] : v[4], rel ? cy + v[5] : v[5]);
            cx = rel ? cx + v[4] : v[4];
            cy = rel ? cy + v[5] : v[5];
          }
          break;

        case 'Q':
        case 'T':
          {
            double x2, y2;

            if (!read_numbers (&p, v, c == 'Q' ? 4 : 2))
              return;
            if (c == 'T')
              {
                gboolean smooth = last == 'Q' || last == 'T';

                qx = smooth ? 2 * cx - qx : cx;
                qy = smooth ? 2 * cy - qy : cy;
                x2 = rel ? cx + v[0] : v[0];
                y2 = rel ? cy + v[1] : v[1];
              }
            else
              {
                qx = rel ? cx + v[0] : v[0];
                qy = rel ? cy + v[1] : v[1];
                x2 = rel ? cx + v[2] : v[2];
                y2 = rel ? cy + v[3] : v[3];
              }
            flatten_quadratic (b, cx, cy, qx, qy, x2, y2);
            cx = x2, cy = y2;
          }
          break;

        case 'A':
          {
            gboolean large, sweep;
            double x2, y2;

            if (!read_numbers (&p, v, 3) || !read_flag (&p, &large) || !read_flag (&p, &sweep) ||
                !read_numbers (&p, v + 3, 2))
              return;
            x2 = rel ? cx + v[3] : v[3];
            y2 = rel ? cy + v[4] : v[4];
            flatten_arc (b, cx, cy, v[0], v[1], v[2], large, sweep, x2, y2);
            cx = x2, cy = y2;
          }
          break;

        case 'Z':
          builder_close (b);
          cx = sx, cy = sy;
          break;

        default:
          return;                /* not a path command */
        }
      last = c;
    }
}

/* Elements */

static char *
dup_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
attr_number (xmlNode    *node,
             const char *name,
             double      fallback,
             double     *out)
{
  g_autofree char *value = dup_attr (node, name);
  const char *p = value;

  if (value == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!read_number (&p, out))
    return FALSE;
  /* A unit other than px cannot be placed on a canvas. */
  skip_separators (&p);
  return *p == '\0' || g_str_equal (p, "px");
}

static void
add_points (Builder    *b,
            const char *points,
            gboolean    closed)
{
  const char *p = points;
  double v[2];
  gboolean first = TRUE;

  if (points == NULL)
    return;
  while (!b->full && read_numbers (&p, v, 2))
    {
      if (first)
        builder_move (b, v[0], v[1]);
      else
        builder_line (b, v[0], v[1]);
      first = FALSE;
    }
  if (closed)
    builder_close (b);
  else
    builder_end (b);
}

static void
add_ellipse (Builder *b,
             double   cx,
             double   cy,
             double   rx,
             double   ry)
{
  if (!(rx > 0) || !(ry > 0))
    return;
  builder_move (b, cx + rx, cy);
  for (guint i = 1; i < ELLIPSE_SEGMENTS; i++)
    {
      double t = 2 * G_PI * i / ELLIPSE_SEGMENTS;

      builder_line (b, cx + rx * cos (t), cy + ry * sin (t));
    }
  builder_close (b);
}

static void
add_element (Builder *b,
             xmlNode *node)
{
  const char *name = (const char *) node->name;
  double v[4];

  if (g_str_equal (name, "path"))
    {
      g_autofree char *d = dup_attr (node, "d");

      if (d != NULL)
        parse_path (b, d);
      builder_end (b);
    }
  else if (g_str_equal (name, "polygon") || g_str_equal (name, "polyline"))
    {
      g_autofree char *points = dup_attr (node, "points");

      add_points (b, points, g_str_equal (name, "polygon"));
    }
  else if (g_str_equal (name, "line"))
    {
      if (attr_number (node, "x1", 0, &v[0]) && attr_number (node, "y1", 0, &v[1]) &&
          attr_number (node, "x2", 0, &v[2]) && attr_number (node, "y2", 0, &v[3]))
        {
          builder_move (b, v[0], v[1]);
          builder_line (b, v[2], v[3]);
          builder_end (b);
        }
    }
  else if (g_str_equal (name, "rect"))
    {
      if (attr_number (node, "x", 0, &v[0]) && attr_number (node, "y", 0, &v[1]) &&
          attr_number (node, "width", 0, &v[2]) && attr_number (node, "height", 0, &v[3]) &&
          v[2] > 0 && v[3] > 0)
        {
          builder_move (b, v[0], v[1]);
          builder_line (b, v[0] + v[2], v[1]);
          builder_line (b, v[0] + v[2], v[1] + v[3]);
          builder_line (b, v[0], v[1] + v[3]);
          builder_close (b);
        }
    }
  else if (g_str_equal (name, "circle"))
    {
      if (attr_number (node, "cx", 0, &v[0]) && attr_number (node, "cy", 0, &v[1]) &&
          attr_number (node, "r", 0, &v[2]))
        add_ellipse (b, v[0], v[1], v[2], v[2]);
    }
  else if (g_str_equal (name, "ellipse"))
    {
      if (attr_number (node, "cx", 0, &v[0]) && attr_number (node, "cy", 0, &v[1]) &&
          attr_number (node, "rx", 0, &v[2]) && attr_number (node, "ry", 0, &v[3]))
        add_ellipse (b, v[0], v[1], v[2], v[3]);
    }
}

static void
walk (Builder *b,
      xmlNode *node,
      guint    depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (; node != NULL && !b->full && b->n_elements < VT_SVG_SHAPE_MAX_ELEMENTS; node = node->next)
    {
      const char *name;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      name = (const char *) node->name;
      /* Only containers that draw their children as they are; defs,
       * masks, clip paths, symbols, patterns draw nothing themselves. */
      if (g_str_equal (name, "svg") || g_str_equal (name, "g") || g_str_equal (name, "a"))
        walk (b, node->children, depth + 1);
      else
        {
          b->n_elements++;
          add_element (b, node);
        }
    }
}

/**
 * vt_svg_shape_parse:
 * @svg: an SvgSelector's value: an SVG document (UTF-8)
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Reads the shapes of an SVG document (see #VtSvgShape). Whatever the
 * input, this returns a bounded shape or an error.
 *
 * Returns: (transfer full) (nullable): the shape, or %NULL with @error set
 *   (%VT_IIIF_ERROR) when the document is not XML or holds no shape
 */
VtSvgShape *
vt_svg_shape_parse (const char  *svg,
                    gssize       length,
                    GError     **error)
{
  xmlDoc *doc;
  xmlNode *root;
  Builder b;

  g_return_val_if_fail (svg != NULL, NULL);

  if (length < 0)
    length = strlen (svg);
  if (length > G_MAXINT)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_TOO_LARGE,
                   _("The SVG selector is too large"));
      return NULL;
    }

  /* Errors are the caller's to report, not libxml2's to print. */
  doc = xmlReadMemory (svg, (int) length, NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                       XML_PARSE_NOCDATA);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE,
                   _("The SVG selector is not an SVG document"));
      return NULL;
    }

  builder_init (&b);
  walk (&b, root, 0);
  xmlFreeDoc (doc);
  return builder_finish (&b, error);
}

/**
 * vt_svg_shape_parse_path:
 * @d: SVG path data (a `d` attribute)
 *
 * Returns: (transfer full) (nullable): the shape, or %NULL with @error set
 *   when the data draws nothing
 */
VtSvgShape *
vt_svg_shape_parse_path (const char  *d,
                         GError     **error)
{
  Builder b;

  g_return_val_if_fail (d != NULL, NULL);

  builder_init (&b);
  parse_path (&b, d);
  return builder_finish (&b, error);
}

guint
vt_svg_shape_get_n_points (const VtSvgShape *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->subpaths->len; i++)
    n += ((VtSvgSubpath *) g_ptr_array_index (self->subpaths, i))->points->len;
  return n;
}

static double
segment_distance (const VtSvgPoint *a,
                  const VtSvgPoint *b,
                  double            x,
                  double            y)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((x - a->x) * dx + (y - a->y) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (x - (a->x + t * dx), y - (a->y + t * dy));
}

/**
 * vt_svg_shape_contains:
 * @tolerance: how far from a line still counts, in the shape's units
 *
 * Returns: whether (@x, @y) is inside a closed outline (even-odd rule) or
 *   within @tolerance of any outline
 */
gboolean
vt_svg_shape_contains (const VtSvgShape *self,
                       double            x,
                       double            y,
                       double            tolerance)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (x < self->x - tolerance || x > self->x + self->width + tolerance ||
      y < self->y - tolerance || y > self->y + self->height + tolerance)
    return FALSE;

  for (guint i = 0; i < self->subpaths->len; i++)
    {
      VtSvgSubpath *s = g_ptr_array_index (self->subpaths, i);
      VtSvgPoint *pts = (VtSvgPoint *) (void *) s->points->data;
      guint n = s->points->len;

      for (guint j = 0; j + 1 < n || (s->closed && j < n); j++)
        {
          const VtSvgPoint *a = &pts[j];
          const VtSvgPoint *c = &pts[(j + 1) % n];

          if (segment_distance (a, c, x, y) <= tolerance)
            return TRUE;
          if (s->closed && ((a->y > y) != (c->y > y)) &&
              x < (c->x - a->x) * (y - a->y) / (c->y - a->y) + a->x)
            inside = !inside;
        }
    }
  return inside;
}
