/* vt-iiif-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "vt-iiif.h"

G_BEGIN_DECLS

/* Reference counting for the plain model structs: each is a g_atomic_rc_box
 * whose clear function frees the members. */
#define VT_DEFINE_RC(TypeName, type_name, clear_func)                  \
  TypeName *                                                            \
  type_name##_ref (TypeName *self)                                      \
  {                                                                     \
    g_return_val_if_fail (self != NULL, NULL);                          \
    return g_atomic_rc_box_acquire (self);                              \
  }                                                                     \
  void                                                                  \
  type_name##_unref (TypeName *self)                                    \
  {                                                                     \
    g_return_if_fail (self != NULL);                                    \
    g_atomic_rc_box_release_full (self, (GDestroyNotify) clear_func);   \
  }

/* JSON input with limits: size, UTF-8 and nesting depth are checked, and
 * escapes json-glib gets wrong repaired, before json-glib sees the data;
 * lists of canvases can be left out of the tree and parsed one element at
 * a time (vt-json-scan.c). */
typedef struct
{
  gsize start;   /* the first byte of an element */
  gsize end;     /* after its last byte; start == end: an empty element */
} VtJsonSpan;

typedef enum
{
  VT_JSON_LIST_ITEMS,               /* $.items */
  VT_JSON_LIST_CANVASES,            /* $.canvases */
  VT_JSON_LIST_SEQUENCE_CANVASES,   /* $.sequences[0].canvases */
  VT_JSON_N_LISTS,
} VtJsonList;

typedef struct
{
  gboolean    found;
  gsize       open;        /* offset of its '[' */
  gsize       close;       /* offset of its ']' */
  GArray     *elements;    /* VtJsonSpan */
  guint       n_objects;   /* elements that are objects */
  JsonObject *owner;       /* the object of the skeleton tree it belongs to */
} VtJsonDeferred;

typedef struct
{
  const char     *data;       /* the text to parse: the input or @repaired */
  gsize           length;
  char           *repaired;   /* a copy with repaired escapes, or NULL */
  guint           n_repairs;
  char           *skeleton;   /* @data without the elements of @lists, or NULL */
  gsize           skeleton_length;
  VtJsonDeferred  lists[VT_JSON_N_LISTS];
  JsonParser     *element_parser;
} VtJsonScan;

extern const char * const vt_json_list_members[VT_JSON_N_LISTS];
void          vt_json_deferred_clear (VtJsonDeferred *list);
gboolean      vt_json_scan           (VtJsonScan  *scan,
                                      const char  *data,
                                      gsize        length,
                                      guint        max_depth,
                                      gboolean     defer,
                                      GError     **error);
void          vt_json_scan_clear     (VtJsonScan  *scan);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VtJsonScan, vt_json_scan_clear)
void          vt_json_scan_attach    (VtJsonScan  *scan,
                                      JsonNode    *root);
VtJsonDeferred *vt_json_scan_find    (VtJsonScan  *scan,
                                      JsonObject  *object,
                                      const char  *member);
JsonNode     *vt_json_scan_parse_element (VtJsonScan     *scan,
                                          VtJsonDeferred *list,
                                          guint           index,
                                          GError        **error);
gboolean      vt_json_scan_restore   (VtJsonScan  *scan,
                                      GError     **error);
void          vt_json_scan_set_skeleton_error (VtJsonScan  *scan,
                                               const char  *detail,
                                               GError     **error);
JsonNode     *vt_json_parse_bytes    (GBytes      *bytes,
                                      GError     **error);
JsonNode     *vt_json_parse_document (GBytes      *bytes,
                                      VtJsonScan  *scan,
                                      GError     **error);

/* What a parser carries along: warnings and running totals for limits. */
typedef struct
{
  GPtrArray  *warnings;
  const char *base_uri;
  VtJsonScan *scan;         /* lists left out of the tree, or NULL */
  guint       n_canvases;
  guint       n_ranges;
  guint       n_members;
  guint       depth;
  guint      *annotation_budget;   /* while a v3 canvas is read: what its
                                    * painting bodies' own `annotations`
                                    * may still hold; NULL elsewhere */
} VtParseContext;

void          vt_parse_context_init  (VtParseContext *ctx,
                                      const char     *base_uri);
void          vt_parse_context_clear (VtParseContext *ctx);
void          vt_parse_warn          (VtParseContext *ctx,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (2, 3);

const char   *vt_json_get_string     (JsonObject  *object,
                                      const char  *member);
const char   *vt_json_node_get_string (JsonNode   *node);
const char   *vt_json_get_id         (JsonObject  *object);
const char   *vt_json_get_type       (JsonObject  *object);
JsonObject   *vt_json_get_object     (JsonObject  *object,
                                      const char  *member);
JsonArray    *vt_json_get_array      (JsonObject  *object,
                                      const char  *member);
gboolean      vt_json_get_int64      (JsonObject  *object,
                                      const char  *member,
                                      gint64      *out_value);
gboolean      vt_json_get_double     (JsonObject  *object,
                                      const char  *member,
                                      double      *out_value);
JsonNode     *vt_json_get_member     (JsonObject  *object,
                                      const char  *member);
char        **vt_json_dup_strv       (JsonNode    *node);
gboolean      vt_json_has_context    (JsonObject  *object,
                                      const char  *suffix);
gboolean      vt_uri_matches         (const char  *uri,
                                      const char  *suffix);
int           vt_iiif_parse_level    (const char  *profile);
gboolean      vt_parse_xywh          (const char  *fragment,
                                      VtRect      *out_rect);
char         *vt_iiif_split_fragment (const char  *uri,
                                      VtRect      *out_rect,
                                      gboolean    *out_has_rect);
gboolean      vt_dimension_valid     (gint64       value);

/* Shared Presentation property readers (vt-presentation.c). */
VtLanguageMap *vt_language_map_from_json (JsonNode       *node);
GPtrArray     *vt_resources_from_json    (VtParseContext *ctx,
                                          JsonNode       *node);
GPtrArray     *vt_service_refs_from_json (VtParseContext *ctx,
                                          JsonNode       *node);
VtServiceRef  *vt_service_ref_from_json  (VtParseContext *ctx,
                                          JsonNode       *node);
GPtrArray     *vt_metadata_from_json     (VtParseContext *ctx,
                                          JsonNode       *node);
char         **vt_behavior_from_json     (JsonNode       *node);
VtViewingDirection vt_viewing_direction_from_string (const char *value);
gboolean       vt_uri_is_absolute        (const char     *uri);
void           vt_check_viewing_direction (VtParseContext *ctx,
                                           JsonObject     *object);
typedef VtCanvas *(*VtCanvasParser) (VtParseContext *ctx,
                                     JsonObject     *object);
gboolean       vt_parse_canvas_list      (VtParseContext *ctx,
                                          JsonObject     *owner,
                                          const char     *member,
                                          JsonArray      *array,
                                          VtManifest     *manifest,
                                          VtCanvasParser  parse,
                                          GError        **error);
void           vt_check_start_canvas     (VtParseContext *ctx,
                                          VtManifest     *manifest);
VtContentKind  vt_content_kind_from_type (const char     *type);
void           vt_painting_body_from_json (VtParseContext       *ctx,
                                           JsonNode             *node,
                                           VtPaintingAnnotation *anno,
                                           guint                 depth);
void           vt_painting_target_from_json (JsonNode             *node,
                                             VtPaintingAnnotation *anno);
void           vt_read_dimension         (VtParseContext *ctx,
                                          JsonObject     *object,
                                          const char     *member,
                                          const char     *owner,
                                          gint64         *out_value);
char          *vt_json_dup_uri           (JsonNode       *node);
gboolean       vt_parse_selector_rect    (JsonNode       *node,
                                          VtRect         *out_rect);

/* Annotations, selectors, navPlace (vt-annotation-parse.c, vt-selector.c,
 * vt-nav-place.c). @budget counts down the annotations a canvas may still
 * have. */
gboolean       vt_type_is                (const char     *type,
                                          const char     *name);
gboolean       vt_selector_parse_rect    (VtSelector     *self,
                                          const char     *p,
                                          const char     *end);
void           vt_selectors_from_json    (VtParseContext *ctx,
                                          JsonNode       *node,
                                          GPtrArray      *out,
                                          guint           depth);
VtAnnotationTarget *vt_annotation_target_from_json (VtParseContext *ctx,
                                                    JsonNode       *node);
VtAnnotation  *vt_annotation_from_json   (VtParseContext *ctx,
                                          JsonObject     *object);
VtAnnotationPage *vt_annotation_page_from_json (VtParseContext *ctx,
                                                JsonNode       *node,
                                                guint          *budget);
void           vt_annotation_pages_from_json (VtParseContext *ctx,
                                              JsonNode       *node,
                                              GPtrArray      *out,
                                              guint          *budget);
gboolean       vt_annotation_page_fill   (VtParseContext   *ctx,
                                          VtAnnotationPage *page,
                                          JsonObject       *object,
                                          guint            *budget);
char          *vt_json_dup_text          (VtParseContext *ctx,
                                          JsonNode       *node);
VtNavPlace    *vt_nav_place_from_json    (VtParseContext *ctx,
                                          JsonNode       *node);
void           vt_canvas_resolve_targets (VtCanvas       *canvas);
void           vt_canvas_read_physdim    (VtParseContext *ctx,
                                          VtCanvas       *canvas,
                                          JsonObject     *object);
VtSelector    *vt_start_selector_from_json (VtParseContext *ctx,
                                            JsonNode       *node);

/* Model constructors (empty, all arrays allocated). */
VtServiceRef       *vt_service_ref_new       (void);
VtServiceRef       *_vt_service_refs_find_image (GPtrArray *services);
VtResource         *vt_resource_new          (void);
VtAgent            *vt_agent_new             (void);
VtMetadataEntry    *vt_metadata_entry_new    (VtLanguageMap *label,
                                              VtLanguageMap *value);
gboolean            vt_metadata_entry_has_value (const VtMetadataEntry *self);
VtContentResource  *vt_content_resource_new  (void);
VtPaintingAnnotation *vt_painting_annotation_new (void);
VtCanvas           *vt_canvas_new            (void);
VtRange            *vt_range_new             (void);
VtRangeItem        *vt_range_item_new_range  (VtRange    *range);
VtRangeItem        *vt_range_item_new_canvas (const char *canvas_uri);
void                vt_range_item_free       (VtRangeItem *item);
VtManifest         *vt_manifest_new          (VtPresentationVersion version);
VtCollection       *vt_collection_new        (VtPresentationVersion version);
VtCollectionMember *vt_collection_member_new (VtCollectionMemberKind kind);
VtImageService     *vt_image_service_new     (void);
VtAuthService      *vt_auth_service_new      (void);
VtIiifDocument     *vt_iiif_document_new     (VtIiifDocumentKind kind);

/* Parsers of one version (vt-presentation2.c, vt-presentation3.c). */
VtManifest   *vt_presentation2_parse_manifest   (VtParseContext *ctx,
                                                 JsonObject     *object,
                                                 GError        **error);
VtManifest   *vt_presentation2_parse_canvases   (VtParseContext *ctx,
                                                 JsonObject     *object,
                                                 GError        **error);
VtCollection *vt_presentation2_parse_collection (VtParseContext *ctx,
                                                 JsonObject     *object,
                                                 GError        **error);
VtManifest   *vt_presentation3_parse_manifest   (VtParseContext *ctx,
                                                 JsonObject     *object,
                                                 GError        **error);
VtManifest   *vt_presentation3_parse_canvas     (VtParseContext *ctx,
                                                 JsonObject     *object,
                                                 GError        **error);
VtCollection *vt_presentation3_parse_collection (VtParseContext *ctx,
                                                 JsonObject     *object,
                                                 GError        **error);
VtImageService *vt_image_service_parse_object   (VtParseContext *ctx,
                                                 JsonObject     *object,
                                                 const char     *requested_id,
                                                 GError        **error);
gboolean      vt_image_service_detect           (JsonObject     *object);

/* Image API request URIs in each version's spelling (vt-image-url.c). */
char         *vt_image_api_dup_size             (VtImageApiVersion  version,
                                                 gint64             width,
                                                 gint64             height,
                                                 gboolean           max);
char         *vt_image_api_dup_url              (VtImageApiVersion  version,
                                                 const char        *id,
                                                 const char        *region,
                                                 const char        *size);

char        *_vt_language_map_dup_label (VtLanguageMap      *map,
                                         const char * const *languages);

G_END_DECLS
