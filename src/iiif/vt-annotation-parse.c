/* vt-annotation-parse.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-parse"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"

/* Web Annotations in both versions: v3 (`body`, `target`, `TextualBody`
 * with `value`) and v2 Open Annotation (`resource`, `on`,
 * `cnt:ContentAsText` with `chars`, `oa:` selectors). */

#define MAX_NESTING 4

/* A type without its prefix: "oa:SvgSelector" is an SvgSelector. */
gboolean
vt_type_is (const char *type,
            const char *name)
{
  const char *colon;

  if (type == NULL)
    return FALSE;
  colon = strrchr (type, ':');
  return g_ascii_strcasecmp (colon != NULL ? colon + 1 : type, name) == 0;
}

/* A string value that is not absurdly long: text and SVG are kept raw, and
 * a document may hold 10,000 of them. */
char *
vt_json_dup_text (VtParseContext *ctx,
                  JsonNode       *node)
{
  const char *s = vt_json_node_get_string (node);

  if (s == NULL && node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) > 0)
    s = vt_json_node_get_string (json_array_get_element (json_node_get_array (node), 0));
  if (s == NULL)
    return NULL;
  if (strlen (s) > VT_IIIF_MAX_TEXT_LENGTH)
    {
      vt_parse_warn (ctx, _("Ignored an annotation text longer than %d bytes"), VT_IIIF_MAX_TEXT_LENGTH);
      return NULL;
    }
  return g_strdup (s);
}

/* "commenting", "oa:commenting", "http://www.w3.org/ns/oa#tagging". */
static char **
names_from_json (JsonNode *node)
{
  g_auto(GStrv) values = vt_json_dup_strv (node);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values[i] != NULL && i < 16; i++)
    {
      const char *name = values[i];
      const char *sep = strrchr (name, '#');

      if (sep == NULL)
        sep = strrchr (name, ':');
      if (sep == NULL)
        sep = strrchr (name, '/');
      if (sep != NULL)
        name = sep + 1;
      if (*name != '\0')
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

static double
number_member (JsonObject *object,
               const char *member,
               gboolean   *out_found)
{
  double d;

  *out_found = FALSE;
  if (!vt_json_get_double (object, member, &d) || !isfinite (d) ||
      d < 0 || d >= (double) VT_IIIF_MAX_DIMENSION)
    return 0;
  *out_found = TRUE;
  return d;
}

static VtSelector *
selector_from_object (VtParseContext *ctx,
                      JsonObject     *object)
{
  const char *type = vt_json_get_type (object);
  g_autoptr(VtSelector) selector = NULL;
  gboolean found;

  if (vt_type_is (type, "FragmentSelector") || (type == NULL && vt_json_get_string (object, "value") != NULL))
    {
      selector = vt_selector_new_from_fragment (vt_json_get_string (object, "value"));
      if (selector == NULL)
        {
          vt_parse_warn (ctx, _("Ignored a fragment selector without a valid region or time"));
          return NULL;
        }
    }
  else if (vt_type_is (type, "SvgSelector"))
    {
      selector = vt_selector_new (VT_SELECTOR_SVG);
      selector->value = vt_json_dup_text (ctx, vt_json_get_member (object, "value"));
      if (selector->value == NULL)
        selector->value = vt_json_dup_text (ctx, vt_json_get_member (object, "chars"));
      if (selector->value == NULL)
        {
          vt_parse_warn (ctx, _("Ignored an SVG selector without SVG"));
          return NULL;
        }
    }
  else if (vt_type_is (type, "PointSelector"))
    {
      selector = vt_selector_new (VT_SELECTOR_POINT);
      selector->point_x = number_member (object, "x", &found);
      selector->has_point = found;
      selector->point_y = number_member (object, "y", &found);
      selector->has_point = selector->has_point && found;
      selector->time_start = number_member (object, "t", &found);
      selector->has_time = found;
      if (!selector->has_point && !selector->has_time)
        {
          vt_parse_warn (ctx, _("Ignored a point selector without a valid point or time"));
          return NULL;
        }
    }
  else if (vt_type_is (type, "ImageApiSelector") || vt_type_is (type, "iiif:ImageApiSelector"))
    {
      const char *rotation = vt_json_get_string (object, "rotation");
      double degrees = 0;

      selector = vt_selector_new (VT_SELECTOR_IMAGE_API);
      selector->region = g_strdup (vt_json_get_string (object, "region"));
      selector->size = g_strdup (vt_json_get_string (object, "size"));
      selector->quality = g_strdup (vt_json_get_string (object, "quality"));
      selector->format = g_strdup (vt_json_get_string (object, "format"));
      if (rotation != NULL)
        {
          char *end = NULL;

          if (*rotation == '!')
            {
              selector->mirror = TRUE;
              rotation++;
            }
          degrees = g_ascii_strtod (rotation, &end);
          if (end == rotation || *end != '\0')
            degrees = NAN;
        }
      else if (json_object_has_member (object, "rotation") &&
               !vt_json_get_double (object, "rotation", &degrees))
        degrees = NAN;
      if (!isfinite (degrees) || degrees < 0 || degrees > 360)
        {
          vt_parse_warn (ctx, _("Ignored the invalid rotation of an image selector"));
          degrees = 0;
        }
      selector->rotation = degrees >= 360 ? 0 : degrees;
      if (selector->region != NULL)
        {
          const char *r = selector->region;
          gboolean pct = g_str_has_prefix (r, "pct:");

          if (strcmp (r, "full") != 0 && strcmp (r, "square") != 0 &&
              !vt_selector_parse_rect (selector, pct ? r + 4 : r, r + strlen (r)))
            vt_parse_warn (ctx, _("Ignored the invalid region “%s” of an image selector"), r);
          selector->percent = selector->has_rect && pct;
        }
    }
  else
    {
      selector = vt_selector_new (VT_SELECTOR_OTHER);
      selector->value = vt_json_dup_text (ctx, vt_json_get_member (object, "value"));
    }

  if (selector->type == NULL)
    selector->type = g_strdup (type);
  return g_steal_pointer (&selector);
}

/**
 * vt_selectors_from_json:
 *
 * Appends the selectors @node holds to @out: one selector, a list, or a
 * v2 `oa:Choice` of selectors (Mirador 2 writes a FragmentSelector as the
 * default and an SvgSelector as the item), or a selector refined by another
 * (`refinedBy`), up to %VT_IIIF_MAX_SELECTORS.
 */
void
vt_selectors_from_json (VtParseContext *ctx,
                        JsonNode       *node,
                        GPtrArray      *out,
                        guint           depth)
{
  JsonObject *object;
  VtSelector *selector;

  if (node == NULL || depth > MAX_NESTING || out->len >= VT_IIIF_MAX_SELECTORS)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && out->len < VT_IIIF_MAX_SELECTORS; i++)
        vt_selectors_from_json (ctx, json_array_get_element (array, i), out, depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      vt_parse_warn (ctx, _("Ignored a selector that is not an object"));
      return;
    }

  object = json_node_get_object (node);
  if (vt_type_is (vt_json_get_type (object), "Choice"))
    {
      vt_selectors_from_json (ctx, vt_json_get_member (object, "default"), out, depth + 1);
      vt_selectors_from_json (ctx, vt_json_get_member (object, "item"), out, depth + 1);
      vt_selectors_from_json (ctx, vt_json_get_member (object, "items"), out, depth + 1);
      return;
    }

  selector = selector_from_object (ctx, object);
  if (selector != NULL)
    g_ptr_array_add (out, selector);
  vt_selectors_from_json (ctx, vt_json_get_member (object, "refinedBy"), out, depth + 1);
}

static void
add_uri_fragment (VtAnnotationTarget *target,
                  const char         *uri)
{
  const char *hash = uri != NULL ? strchr (uri, '#') : NULL;
  VtSelector *selector;

  g_free (target->source);
  target->source = hash != NULL ? g_strndup (uri, hash - uri) : g_strdup (uri);
  if (hash != NULL && (selector = vt_selector_new_from_fragment (hash + 1)) != NULL)
    g_ptr_array_add (target->selectors, selector);
}

VtAnnotationTarget *
vt_annotation_target_from_json (VtParseContext *ctx,
                                JsonNode       *node)
{
  g_autoptr(VtAnnotationTarget) target = vt_annotation_target_new ();
  const char *s;

  if (node == NULL)
    return NULL;

  if ((s = vt_json_node_get_string (node)) != NULL)
    add_uri_fragment (target, s);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *source = vt_json_get_member (object, "source");

      if (source == NULL)
        source = vt_json_get_member (object, "full");
      target->type = g_strdup (vt_json_get_type (object));
      if (source != NULL)
        {
          g_autofree char *uri = vt_json_dup_uri (source);

          add_uri_fragment (target, uri);
        }
      else
        add_uri_fragment (target, vt_json_get_id (object));
      vt_selectors_from_json (ctx, vt_json_get_member (object, "selector"), target->selectors, 0);
    }
  else
    {
      vt_parse_warn (ctx, _("Ignored an annotation target that is neither a URI nor an object"));
      return NULL;
    }

  if (target->source == NULL && target->selectors->len == 0)
    return NULL;
  return g_steal_pointer (&target);
}

static void add_bodies (VtParseContext *ctx,
                        JsonNode       *node,
                        VtAnnotation   *anno,
                        guint           choice,
                        guint           depth);

static JsonNode *
text_value (JsonObject *object)
{
  JsonNode *value = vt_json_get_member (object, "value");

  return value != NULL ? value : vt_json_get_member (object, "chars");
}

/* A TextualBody (v2 `cnt:ContentAsText`), or anything with a value and no
 * id, which can only be text. */
static gboolean
is_textual (JsonObject *object)
{
  const char *type = vt_json_get_type (object);

  return vt_type_is (type, "TextualBody") || vt_type_is (type, "ContentAsText") ||
         (text_value (object) != NULL && vt_json_get_id (object) == NULL);
}

/* A SpecificResource whose source is a TextualBody (a purpose or a
 * selector on a text, as recipe 0045 and others write it): the text is the
 * body, with the wrapper's purpose and selector. Not recursive: a source
 * that is itself a SpecificResource has no text to show. */
static VtAnnotationBody *
text_from_specific_resource (VtParseContext   *ctx,
                             VtAnnotationBody *body,
                             JsonObject       *object,
                             JsonObject       *inner)
{
  g_autoptr(GPtrArray) selectors = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_selector_unref);

  body->is_text = TRUE;
  body->kind = VT_CONTENT_TEXT;
  body->value = vt_json_dup_text (ctx, text_value (inner));
  if (body->value == NULL)
    {
      vt_annotation_body_unref (body);
      return NULL;
    }
  body->id = g_strdup (vt_json_get_id (inner));
  if (body->format == NULL)
    body->format = g_strdup (vt_json_get_string (inner, "format"));
  if (body->language == NULL)
    body->language = g_strdup (vt_json_get_string (inner, "language"));
  if (body->language == NULL)
    body->language = g_strdup (vt_json_get_string (inner, "@language"));
  if (body->label == NULL)
    body->label = vt_language_map_from_json (vt_json_get_member (inner, "label"));
  if (body->purpose[0] == NULL)
    {
      g_strfreev (body->purpose);
      body->purpose = names_from_json (vt_json_get_member (inner, "purpose"));
    }
  vt_selectors_from_json (ctx, vt_json_get_member (object, "selector"), selectors, 0);
  if (selectors->len > 0)
    body->selector = vt_selector_ref (g_ptr_array_index (selectors, 0));
  return body;
}

static VtAnnotationBody *
body_from_object (VtParseContext *ctx,
                  JsonObject     *object,
                  guint           choice)
{
  g_autoptr(VtAnnotationBody) body = vt_annotation_body_new ();
  const char *type = vt_json_get_type (object);
  JsonNode *value = vt_json_get_member (object, "value");

  if (value == NULL)
    value = vt_json_get_member (object, "chars");
  body->type = g_strdup (type);
  body->choice = choice;
  body->format = g_strdup (vt_json_get_string (object, "format"));
  body->language = g_strdup (vt_json_get_string (object, "language"));
  if (body->language == NULL)
    body->language = g_strdup (vt_json_get_string (object, "@language"));
  body->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  g_strfreev (body->purpose);
  body->purpose = names_from_json (vt_json_get_member (object, "purpose"));

  if (vt_type_is (type, "TextualBody") || vt_type_is (type, "ContentAsText") ||
      (value != NULL && vt_json_get_id (object) == NULL))
    {
      body->is_text = TRUE;
      body->kind = VT_CONTENT_TEXT;
      body->value = vt_json_dup_text (ctx, value);
      body->id = g_strdup (vt_json_get_id (object));
      if (body->value == NULL)
        return NULL;
      return g_steal_pointer (&body);
    }

  if (vt_type_is (type, "SpecificResource"))
    {
      g_autoptr(GPtrArray) selectors = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_selector_unref);
      JsonNode *source = vt_json_get_member (object, "source");

      if (source == NULL)
        source = vt_json_get_member (object, "full");
      if (source != NULL && JSON_NODE_HOLDS_OBJECT (source) &&
          is_textual (json_node_get_object (source)))
        return text_from_specific_resource (ctx, g_steal_pointer (&body), object,
                                            json_node_get_object (source));
      body->id = vt_json_dup_uri (source);
      if (source != NULL && JSON_NODE_HOLDS_OBJECT (source))
        {
          JsonObject *inner = json_node_get_object (source);

          body->kind = vt_content_kind_from_type (vt_json_get_type (inner));
          if (body->format == NULL)
            body->format = g_strdup (vt_json_get_string (inner, "format"));
          if (body->label == NULL)
            body->label = vt_language_map_from_json (vt_json_get_member (inner, "label"));
        }
      vt_selectors_from_json (ctx, vt_json_get_member (object, "selector"), selectors, 0);
      if (selectors->len > 0)
        body->selector = vt_selector_ref (g_ptr_array_index (selectors, 0));
    }
  else
    {
      body->id = g_strdup (vt_json_get_id (object));
      body->kind = vt_content_kind_from_type (type);
    }

  if (body->id == NULL)
    {
      vt_parse_warn (ctx, _("Skipped an annotation body without text or id"));
      return NULL;
    }
  return g_steal_pointer (&body);
}

static void
add_bodies (VtParseContext *ctx,
            JsonNode       *node,
            VtAnnotation   *anno,
            guint           choice,
            guint           depth)
{
  const char *s;

  if (node == NULL || depth > MAX_NESTING || anno->bodies->len >= VT_IIIF_MAX_BODIES)
    return;

  if ((s = vt_json_node_get_string (node)) != NULL)
    {
      VtAnnotationBody *body = vt_annotation_body_new ();

      body->id = g_strdup (s);
      body->choice = choice;
      g_ptr_array_add (anno->bodies, body);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && anno->bodies->len < VT_IIIF_MAX_BODIES; i++)
        add_bodies (ctx, json_array_get_element (array, i), anno, choice, depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (vt_type_is (vt_json_get_type (object), "Choice"))
        {
          guint n = 1;

          /* Number this Choice after the ones before it. */
          for (guint i = 0; i < anno->bodies->len; i++)
            n = MAX (n, ((VtAnnotationBody *) g_ptr_array_index (anno->bodies, i))->choice + 1);
          add_bodies (ctx, vt_json_get_member (object, "default"), anno, n, depth + 1);
          add_bodies (ctx, vt_json_get_member (object, "item"), anno, n, depth + 1);
          add_bodies (ctx, vt_json_get_member (object, "items"), anno, n, depth + 1);
        }
      else
        {
          VtAnnotationBody *body = body_from_object (ctx, object, choice);

          if (body != NULL)
            g_ptr_array_add (anno->bodies, body);
        }
    }
}

VtAnnotation *
vt_annotation_from_json (VtParseContext *ctx,
                         JsonObject     *object)
{
  g_autoptr(VtAnnotation) anno = vt_annotation_new ();
  JsonNode *node;

  anno->id = g_strdup (vt_json_get_id (object));
  g_strfreev (anno->motivation);
  anno->motivation = names_from_json (vt_json_get_member (object, "motivation"));
  anno->label = vt_language_map_from_json (vt_json_get_member (object, "label"));

  node = vt_json_get_member (object, "body");
  if (node == NULL)
    node = vt_json_get_member (object, "resource");
  add_bodies (ctx, node, anno, 0, 0);

  node = vt_json_get_member (object, "target");
  if (node == NULL)
    node = vt_json_get_member (object, "on");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < VT_IIIF_MAX_BODIES; i++)
        {
          VtAnnotationTarget *target = vt_annotation_target_from_json (ctx, json_array_get_element (array, i));

          if (target != NULL)
            g_ptr_array_add (anno->targets, target);
        }
    }
  else
    {
      VtAnnotationTarget *target = vt_annotation_target_from_json (ctx, node);

      if (target != NULL)
        g_ptr_array_add (anno->targets, target);
    }
  if (anno->targets->len == 0)
    vt_parse_warn (ctx, _("The annotation “%s” has no target"), anno->id ? anno->id : "?");

  return g_steal_pointer (&anno);
}

/**
 * vt_annotation_page_fill:
 *
 * Reads the annotations of a v3 AnnotationPage (`items`) or v2
 * AnnotationList (`resources`) into @page, and marks it loaded.
 *
 * Returns: whether @object was a page or list at all
 */
gboolean
vt_annotation_page_fill (VtParseContext   *ctx,
                         VtAnnotationPage *page,
                         JsonObject       *object,
                         guint            *budget)
{
  JsonArray *items = vt_json_get_array (object, "items");

  if (items == NULL)
    items = vt_json_get_array (object, "resources");
  if (items == NULL)
    return FALSE;

  if (page->id == NULL)
    page->id = g_strdup (vt_json_get_id (object));
  if (page->label == NULL)
    page->label = vt_language_map_from_json (vt_json_get_member (object, "label"));
  page->loaded = TRUE;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);

      if (*budget == 0)
        {
          page->n_skipped += json_array_get_length (items) - i;
          vt_parse_warn (ctx, _("More than %d annotations; the rest are left out"), VT_IIIF_MAX_ANNOTATIONS);
          break;
        }
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          page->n_skipped++;
          continue;
        }
      (*budget)--;
      g_ptr_array_add (page->items, vt_annotation_from_json (ctx, json_node_get_object (element)));
    }
  return TRUE;
}

/* An embedded page, or a reference to one (a URI, or an object with only
 * an id) to load later. */
VtAnnotationPage *
vt_annotation_page_from_json (VtParseContext *ctx,
                              JsonNode       *node,
                              guint          *budget)
{
  g_autoptr(VtAnnotationPage) page = vt_annotation_page_new ();
  const char *s;

  if ((s = vt_json_node_get_string (node)) != NULL)
    {
      page->id = g_strdup (s);
      return g_steal_pointer (&page);
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      vt_parse_warn (ctx, _("Ignored an annotation page that is neither a URI nor an object"));
      return NULL;
    }

  if (!vt_annotation_page_fill (ctx, page, json_node_get_object (node), budget))
    {
      page->id = g_strdup (vt_json_get_id (json_node_get_object (node)));
      page->label = vt_language_map_from_json (vt_json_get_member (json_node_get_object (node), "label"));
      if (page->id == NULL)
        {
          vt_parse_warn (ctx, _("Ignored an annotation page without id or annotations"));
          return NULL;
        }
    }
  return g_steal_pointer (&page);
}

/* v3 `annotations`, v2 `otherContent`: a list of pages, or one. */
void
vt_annotation_pages_from_json (VtParseContext *ctx,
                               JsonNode       *node,
                               GPtrArray      *out,
                               guint          *budget)
{
  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          VtAnnotationPage *page;

          if (out->len >= VT_IIIF_MAX_ANNOTATION_PAGES)
            {
              vt_parse_warn (ctx, _("More than %d annotation pages; the rest are left out"),
                             VT_IIIF_MAX_ANNOTATION_PAGES);
              break;
            }
          page = vt_annotation_page_from_json (ctx, json_array_get_element (array, i), budget);
          if (page != NULL)
            g_ptr_array_add (out, page);
        }
    }
  else
    {
      VtAnnotationPage *page = vt_annotation_page_from_json (ctx, node, budget);

      if (page != NULL)
        g_ptr_array_add (out, page);
    }
}

/* `start`: a canvas, or a SpecificResource of one with a PointSelector
 * (a time) or a FragmentSelector. */
VtSelector *
vt_start_selector_from_json (VtParseContext *ctx,
                             JsonNode       *node)
{
  g_autoptr(VtAnnotationTarget) target = NULL;

  if (node == NULL)
    return NULL;
  target = vt_annotation_target_from_json (ctx, node);
  if (target == NULL || target->selectors->len == 0)
    return NULL;
  return vt_selector_ref (g_ptr_array_index (target->selectors, 0));
}
