/* vt-canvas.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vt-iiif-types.h"
#include "vt-language-map.h"
#include "vt-annotation-target.h"
#include "vt-nav-place.h"
#include "vt-resource.h"
#include "vt-selector.h"

G_BEGIN_DECLS

/**
 * VtContentKind:
 *
 * What a painting annotation paints (the v3 content `type` table; v2
 * `dctypes:Image`, `dctypes:Sound`… map onto it).
 */
typedef enum
{
  VT_CONTENT_OTHER = 0,
  VT_CONTENT_IMAGE,
  VT_CONTENT_SOUND,
  VT_CONTENT_VIDEO,
  VT_CONTENT_TEXT,
  VT_CONTENT_MODEL,
  VT_CONTENT_DATASET,
} VtContentKind;

/**
 * VtContentResource:
 * @kind: what it is
 * @type: the type as the document spells it, or %NULL
 * @id: the resource URI (for an image often a `full/full/0/default.jpg` URL)
 * @format: media type or %NULL
 * @label: (nullable): label (Choice options have one)
 * @width: width in pixels, or 0 when not stated
 * @height: height in pixels, or 0
 * @duration: seconds, or 0
 * @services: (element-type VtServiceRef): services; image services first
 *   in document order
 * @has_selector: whether @selector holds a region of the resource
 *   (SpecificResource + FragmentSelector / ImageApiSelector)
 * @selector: the region of the resource to show
 * @full_selector: (nullable): the selector of the SpecificResource as
 *   written: an ImageApiSelector's region, size, rotation, mirror and
 *   quality, or a FragmentSelector (also in per cent); @selector is its
 *   pixel region when it has one
 * @value: (nullable): a TextualBody's text (@kind %VT_CONTENT_TEXT), raw
 * @language: (nullable): the language of @value
 * @thumbnail: (element-type VtResource): the resource's own thumbnails
 *   (a poster frame of a video)
 * @annotation_pages: (element-type VtAnnotationPage) (nullable): the
 *   resource's own v3 `annotations` (a tag on one image of a Choice,
 *   cookbook 0326), targets in its pixels; %NULL when it has none
 *
 * The body of a painting annotation (or one option of a Choice).
 */
typedef struct
{
  VtContentKind  kind;
  char          *type;
  char          *id;
  char          *format;
  VtLanguageMap *label;
  gint64         width;
  gint64         height;
  double         duration;
  GPtrArray     *services;
  gboolean       has_selector;
  VtRect         selector;
  VtSelector    *full_selector;
  char          *value;
  char          *language;
  GPtrArray     *thumbnail;
  GPtrArray     *annotation_pages;
} VtContentResource;

/**
 * VtPaintingAnnotation:
 * @id: annotation id or %NULL
 * @bodies: (element-type VtContentResource): the body, or the options of a
 *   Choice (then @is_choice is set); never empty
 * @default_body: index into @bodies of what to show first (v2 `default`,
 *   v3 first item)
 * @is_choice: whether the body was a Choice
 * @has_target: whether @target holds a `#xywh=` region of the canvas
 * @target: where on the canvas the body goes
 * @rights: the annotation's own v3 `rights` / first v2 `license` (Ghent
 *   puts it there), or %NULL
 * @required_statement: (nullable): the annotation's own v3
 *   `requiredStatement`, or its v2 `attribution` (label %NULL)
 * @full_target: (nullable): the target as written: its source and every
 *   selector (a `#xywh=percent:` region, a `#t=` time range, an
 *   SvgSelector…); @target is its pixel region when it has one
 * @has_time: whether @time_start and @time_end hold the target's `t=`
 *   time range on a time-based canvas
 * @time_start: seconds
 * @time_end: seconds, or -1 when open-ended
 *
 * A painting annotation of a canvas.
 */
typedef struct
{
  char            *id;
  GPtrArray       *bodies;
  guint            default_body;
  gboolean         is_choice;
  gboolean         has_target;
  VtRect           target;
  char            *rights;
  VtMetadataEntry *required_statement;
  VtAnnotationTarget *full_target;
  gboolean         has_time;
  double           time_start;
  double           time_end;
} VtPaintingAnnotation;

/**
 * VtCanvas:
 * @id: canvas id (without fragment); may be %NULL in broken documents
 * @label: (nullable): label
 * @width: width, or 0 (zero-size canvases exist in the wild)
 * @height: height, or 0
 * @duration: seconds, or 0; a canvas with a duration and no image is
 *   time-based and "not an image" (see vt_canvas_is_image())
 * @thumbnail: (element-type VtResource): thumbnails
 * @annotations: (element-type VtPaintingAnnotation): painting annotations
 * @behavior: (array zero-terminated=1): v3 behavior / v2 viewingHint values
 * @rights: the canvas's own v3 `rights` / first v2 `license`, or %NULL
 * @required_statement: (nullable): the canvas's own v3 `requiredStatement`
 *   or v2 `attribution` (label %NULL)
 * @behavior_flags: the known values of @behavior
 * @annotation_pages: (element-type VtAnnotationPage): non-painting
 *   annotations: v3 `annotations`, v2 `otherContent`; embedded pages are
 *   loaded, referenced ones wait for vt_annotation_page_load(); v3
 *   non-painting annotations found in `items` come in an extra page with
 *   no id
 * @placeholder_canvas: (nullable): v3 `placeholderCanvas`
 * @accompanying_canvas: (nullable): v3 `accompanyingCanvas`
 * @nav_date: (nullable): `navDate` as written
 * @nav_place: (nullable): `navPlace`
 * @physical_scale: the physical dimensions service's `physicalScale`
 *   (physical units per canvas unit), or 0 when the canvas has none
 * @physical_units: (nullable): its `physicalUnits` ("mm", "cm", "in")
 * @summary: (nullable): the canvas's own v3 `summary` / v2 `description`
 * @metadata: (element-type VtMetadataEntry) (nullable): the canvas's own
 *   metadata pairs (a page's description, an X-ray's date), in order
 * @homepage: (element-type VtResource) (nullable): v3 `homepage` / v2
 *   `related`
 * @rendering: (element-type VtResource) (nullable): other forms of this
 *   page alone (a video's transcript, a page's PDF)
 * @see_also: (element-type VtResource) (nullable): machine-readable
 *   descriptions of this page
 *
 * The last four are %NULL when the canvas does not have the property:
 * most canvases have none, and a manifest may have a hundred thousand.
 *
 * One canvas (page, view) of a manifest. Which rights hold for it is
 * vt_canvas_get_rights() (and, with the manifest's as a fallback,
 * vt_manifest_get_canvas_rights()), not @rights alone.
 */
typedef struct _VtCanvas VtCanvas;

struct _VtCanvas
{
  char            *id;
  VtLanguageMap   *label;
  gint64           width;
  gint64           height;
  double           duration;
  GPtrArray       *thumbnail;
  GPtrArray       *annotations;
  char           **behavior;
  char            *rights;
  VtMetadataEntry *required_statement;
  VtBehaviorFlags  behavior_flags;
  GPtrArray       *annotation_pages;
  VtCanvas        *placeholder_canvas;
  VtCanvas        *accompanying_canvas;
  char            *nav_date;
  VtNavPlace      *nav_place;
  double           physical_scale;
  char            *physical_units;
  VtLanguageMap   *summary;
  GPtrArray       *metadata;
  GPtrArray       *homepage;
  GPtrArray       *rendering;
  GPtrArray       *see_also;
};

#define VT_TYPE_CANVAS (vt_canvas_get_type ())

GType                 vt_canvas_get_type      (void) G_GNUC_CONST;
VtCanvas             *vt_canvas_ref           (VtCanvas *self);
void                  vt_canvas_unref         (VtCanvas *self);
gboolean              vt_canvas_is_image      (const VtCanvas *self);
gboolean              vt_canvas_is_time_based (const VtCanvas *self);
gboolean              vt_canvas_has_video     (const VtCanvas *self);
VtContentResource    *vt_canvas_get_image     (const VtCanvas *self);
VtServiceRef         *vt_canvas_get_image_service (const VtCanvas *self);
const char           *vt_canvas_get_rights    (const VtCanvas *self);
guint                 vt_canvas_count_annotations (const VtCanvas *self);
VtMetadataEntry      *vt_canvas_get_required_statement (const VtCanvas *self);
gboolean              vt_canvas_get_mm_per_unit (const VtCanvas *self,
                                                 double         *mm);

VtContentResource    *vt_content_resource_ref   (VtContentResource *self);
void                  vt_content_resource_unref (VtContentResource *self);
VtServiceRef         *vt_content_resource_get_image_service (const VtContentResource *self);

VtPaintingAnnotation *vt_painting_annotation_ref   (VtPaintingAnnotation *self);
void                  vt_painting_annotation_unref (VtPaintingAnnotation *self);
VtContentResource    *vt_painting_annotation_get_body (const VtPaintingAnnotation *self);
gboolean              vt_painting_annotation_map_target (const VtPaintingAnnotation *self,
                                                         const VtContentResource    *body,
                                                         gint64                      canvas_width,
                                                         gint64                      canvas_height,
                                                         const VtAnnotationTarget   *target,
                                                         VtRect                     *out_rect);
VtAnnotationTarget   *vt_painting_annotation_dup_canvas_target (const VtPaintingAnnotation *self,
                                                                const VtContentResource    *body,
                                                                const VtCanvas             *canvas,
                                                                const VtAnnotationTarget   *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCanvas, vt_canvas_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtContentResource, vt_content_resource_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtPaintingAnnotation, vt_painting_annotation_unref)

G_END_DECLS
