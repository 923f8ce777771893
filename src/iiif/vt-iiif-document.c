/* vt-iiif-document.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-iiif-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-iiif-private.h"

static void
vt_iiif_document_clear (VtIiifDocument *self)
{
  g_clear_pointer (&self->manifest, vt_manifest_unref);
  g_clear_pointer (&self->collection, vt_collection_unref);
  g_clear_pointer (&self->image_service, vt_image_service_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
}

VT_DEFINE_RC (VtIiifDocument, vt_iiif_document, vt_iiif_document_clear)
G_DEFINE_BOXED_TYPE (VtIiifDocument, vt_iiif_document, vt_iiif_document_ref, vt_iiif_document_unref)

VtIiifDocument *
vt_iiif_document_new (VtIiifDocumentKind kind)
{
  VtIiifDocument *self = g_atomic_rc_box_new0 (VtIiifDocument);

  self->kind = kind;
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

typedef enum
{
  TYPE_UNKNOWN,
  TYPE_NONSENSE,
  TYPE_MANIFEST,
  TYPE_COLLECTION,
  TYPE_CANVAS,
  TYPE_SEQUENCE,
  TYPE_ANNOTATIONS,
  TYPE_ANNOTATION_COLLECTION,
} DocType;

static DocType
doc_type (const char *type,
          gboolean   *out_prefixed)
{
  static const struct { const char *name; DocType type; } names[] = {
    { "Manifest", TYPE_MANIFEST },
    { "Collection", TYPE_COLLECTION },
    { "Canvas", TYPE_CANVAS },
    { "Sequence", TYPE_SEQUENCE },
    { "AnnotationList", TYPE_ANNOTATIONS },
    { "AnnotationPage", TYPE_ANNOTATIONS },
    { "Annotation", TYPE_ANNOTATIONS },
    { "AnnotationCollection", TYPE_ANNOTATION_COLLECTION },
    { "Layer", TYPE_ANNOTATION_COLLECTION },
  };
  const char *colon;

  *out_prefixed = FALSE;
  if (type == NULL)
    return TYPE_UNKNOWN;

  colon = strrchr (type, ':');
  if (colon != NULL)
    {
      *out_prefixed = g_str_has_prefix (type, "sc:") || g_str_has_prefix (type, "oa:");
      type = colon + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (type, names[i].name) == 0)
      return names[i].type;
  return TYPE_NONSENSE;
}

static guint
count_annotations (JsonObject *object)
{
  JsonArray *array = vt_json_get_array (object, "resources");

  if (array == NULL)
    array = vt_json_get_array (object, "items");
  return array != NULL ? json_array_get_length (array) : 1;
}

static VtIiifDocument *
parse_presentation (VtParseContext *ctx,
                    JsonObject     *object,
                    GError        **error)
{
  g_autoptr(VtIiifDocument) doc = NULL;
  VtPresentationVersion version = VT_PRESENTATION_UNKNOWN;
  gboolean has_context = json_object_has_member (object, "@context");
  gboolean prefixed = FALSE;
  const char *type_name = vt_json_get_type (object);
  DocType type = doc_type (type_name, &prefixed);

  if (vt_json_has_context (object, "/api/presentation/3/context.json"))
    version = VT_PRESENTATION_3;
  else if (vt_json_has_context (object, "/api/presentation/2/context.json"))
    version = VT_PRESENTATION_2;
  else if (vt_json_has_context (object, "/ns/context.json") ||
           vt_json_has_context (object, "/api/presentation/1/context.json"))
    {
      /* Presentation 1 (shared canvas) has the shape of v2: sc: types,
       * sequences, images. Read it as v2 rather than refuse it. */
      vt_parse_warn (ctx, _("A Presentation 1 document; reading it as version 2"));
      version = VT_PRESENTATION_2;
    }
  else if (vt_json_has_context (object, "/api/presentation/4/context.json"))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_UNSUPPORTED_VERSION,
                   _("Presentation API 4 documents are not supported yet"));
      return NULL;
    }

  if (type == TYPE_NONSENSE)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                   _("“%s” is not a type of IIIF document"), type_name);
      return NULL;
    }

  /* No type: guess from the shape, as a forgiving viewer should. */
  if (type == TYPE_UNKNOWN)
    {
      if (json_object_has_member (object, "sequences") ||
          (version == VT_PRESENTATION_3 && json_object_has_member (object, "items") &&
           json_object_has_member (object, "label")))
        type = TYPE_MANIFEST;
      else if (json_object_has_member (object, "manifests") || json_object_has_member (object, "collections") ||
               json_object_has_member (object, "members"))
        type = TYPE_COLLECTION;
      else
        {
          g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                       _("The document has no type and does not look like a manifest or a collection"));
          return NULL;
        }
      vt_parse_warn (ctx, _("The document does not say what type it is"));
    }

  /* No or unknown context: "sc:" types and v2 members mean v2, bare types
   * with "items" v3. */
  if (version == VT_PRESENTATION_UNKNOWN)
    {
      if (prefixed || json_object_has_member (object, "sequences") ||
          json_object_has_member (object, "canvases") || json_object_has_member (object, "manifests") ||
          json_object_has_member (object, "members") || json_object_has_member (object, "images"))
        version = VT_PRESENTATION_2;
      else if (json_object_has_member (object, "items") || json_object_has_member (object, "id"))
        version = VT_PRESENTATION_3;
      else if (type == TYPE_COLLECTION || type == TYPE_MANIFEST)
        version = VT_PRESENTATION_2;
      else
        {
          g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                       _("The document has no IIIF context and its shape is not recognised"));
          return NULL;
        }
      if (has_context)
        vt_parse_warn (ctx, _("Unknown @context; reading the document as Presentation %d"), (int) version);
      else
        vt_parse_warn (ctx, _("No @context; reading the document as Presentation %d"), (int) version);
    }
  else if (version == VT_PRESENTATION_3 && json_object_has_member (object, "sequences") &&
           !json_object_has_member (object, "items"))
    {
      vt_parse_warn (ctx, _("A Presentation 3 document with Presentation 2 sequences; reading it as version 2"));
      version = VT_PRESENTATION_2;
    }
  else if (version == VT_PRESENTATION_2 && !prefixed && json_object_has_member (object, "items") &&
           !json_object_has_member (object, "sequences"))
    version = VT_PRESENTATION_3;

  /* Only manifests and sequences read their canvases one at a time; the
   * others want their lists whole. */
  if (type != TYPE_MANIFEST && type != TYPE_SEQUENCE && !vt_json_scan_restore (ctx->scan, error))
    return NULL;

  switch (type)
    {
    case TYPE_MANIFEST:
      doc = vt_iiif_document_new (VT_IIIF_DOCUMENT_MANIFEST);
      doc->manifest = version == VT_PRESENTATION_3 ?
                      vt_presentation3_parse_manifest (ctx, object, error) :
                      vt_presentation2_parse_manifest (ctx, object, error);
      if (doc->manifest == NULL)
        return NULL;
      break;

    case TYPE_COLLECTION:
      doc = vt_iiif_document_new (VT_IIIF_DOCUMENT_COLLECTION);
      doc->collection = version == VT_PRESENTATION_3 ?
                        vt_presentation3_parse_collection (ctx, object, error) :
                        vt_presentation2_parse_collection (ctx, object, error);
      if (doc->collection == NULL)
        return NULL;
      break;

    case TYPE_CANVAS:
    case TYPE_SEQUENCE:
      doc = vt_iiif_document_new (VT_IIIF_DOCUMENT_CANVAS);
      doc->manifest = version == VT_PRESENTATION_3 && type == TYPE_CANVAS ?
                      vt_presentation3_parse_canvas (ctx, object, error) :
                      vt_presentation2_parse_canvases (ctx, object, error);
      if (doc->manifest == NULL)
        return NULL;
      break;

    case TYPE_ANNOTATIONS:
      doc = vt_iiif_document_new (VT_IIIF_DOCUMENT_ANNOTATIONS);
      doc->n_annotations = count_annotations (object);
      break;

    case TYPE_ANNOTATION_COLLECTION:
      {
        gint64 total = 0;

        /* A v3 AnnotationCollection (a v2 sc:Layer) only links to its
         * pages: it is read, like an annotation page, for what it is. Its
         * "total" counts the annotations. */
        doc = vt_iiif_document_new (VT_IIIF_DOCUMENT_ANNOTATIONS);
        if (vt_json_get_int64 (object, "total", &total) && total >= 0 && total <= G_MAXUINT)
          doc->n_annotations = (guint) total;
      }
      break;

    case TYPE_UNKNOWN:
    case TYPE_NONSENSE:
    default:
      g_assert_not_reached ();
    }

  doc->version = version;
  return g_steal_pointer (&doc);
}

/**
 * vt_iiif_document_parse:
 * @bytes: the JSON document
 * @base_uri: (nullable): where it came from (used for an info.json without
 *   an id)
 *
 * Reads any IIIF JSON document: a Presentation 2.x/3.0 manifest,
 * collection, lone canvas or sequence, annotation list, page or
 * collection, or an Image
 * API info.json. Size, UTF-8 and nesting are checked first; parts of the
 * document that are broken are skipped with a warning.
 *
 * Returns: (transfer full): the document, or %NULL with @error set in the
 *   %VT_IIIF_ERROR domain
 */
VtIiifDocument *
vt_iiif_document_parse (GBytes      *bytes,
                        const char  *base_uri,
                        GError     **error)
{
  g_auto(VtJsonScan) scan = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(VtIiifDocument) doc = NULL;
  VtParseContext ctx;
  JsonObject *object;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = vt_json_parse_document (bytes, &scan, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                   _("The document is JSON but not a IIIF document"));
      return NULL;
    }
  object = json_node_get_object (root);

  vt_parse_context_init (&ctx, base_uri);
  ctx.scan = &scan;

  if (vt_image_service_detect (object))
    {
      VtImageService *service = vt_json_scan_restore (&scan, error) ?
                                vt_image_service_parse_object (&ctx, object, base_uri, error) : NULL;

      if (service != NULL)
        {
          doc = vt_iiif_document_new (VT_IIIF_DOCUMENT_IMAGE_SERVICE);
          doc->image_service = service;
        }
    }
  else
    doc = parse_presentation (&ctx, object, error);

  if (doc != NULL)
    g_ptr_array_extend_and_steal (doc->warnings, g_steal_pointer (&ctx.warnings));
  vt_parse_context_clear (&ctx);

  return g_steal_pointer (&doc);
}
