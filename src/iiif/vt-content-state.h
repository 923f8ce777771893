/* vt-content-state.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A content state holds at most this many targets; more are left out. */
#define VT_CONTENT_STATE_MAX_TARGETS 32

/* Text longer than this is not read as a content state or a link. */
#define VT_CONTENT_STATE_MAX_TEXT (1024 * 1024)

/**
 * VtContentStateTarget:
 * @manifest_uri: the manifest or collection to open (always http or
 *   https); for a content state given by reference (a bare address), the
 *   address, which may also lead to a content-state annotation
 * @canvas_id: (nullable): the canvas to show, without its fragment
 * @has_region: whether @x, @y, @width, @height hold a region of the canvas
 * @region_percent: whether the region is in per cent of the canvas' size
 *   (`xywh=percent:`) rather than in canvas pixels
 * @x: left of the region, >= 0
 * @y: top
 * @width: > 0
 * @height: > 0
 * @has_time: whether @time_start holds a time (`t=`, a PointSelector's `t`)
 * @time_start: seconds, >= 0
 * @time_end: seconds, > @time_start, or -1 for a point or an open range
 *
 * One thing a content state asks to show (IIIF Content State API 1.0 §2).
 */
typedef struct
{
  char     *manifest_uri;
  char     *canvas_id;
  gboolean  has_region;
  gboolean  region_percent;
  double    x;
  double    y;
  double    width;
  double    height;
  gboolean  has_time;
  double    time_start;
  double    time_end;
} VtContentStateTarget;

/**
 * VtContentState:
 * @targets: (element-type VtContentStateTarget): what to show, in order;
 *   never empty once parsed
 *
 * A IIIF Content State: a view of one or more IIIF resources to open,
 * from a link, a paste or a drop, or to share.
 */
typedef struct
{
  GPtrArray *targets;
} VtContentState;

#define VT_TYPE_CONTENT_STATE (vt_content_state_get_type ())

GType                 vt_content_state_get_type     (void) G_GNUC_CONST;
VtContentState       *vt_content_state_new          (void);
VtContentState       *vt_content_state_copy         (const VtContentState *self);
void                  vt_content_state_free         (VtContentState       *self);

VtContentStateTarget *vt_content_state_add_target   (VtContentState       *self,
                                                     const char           *manifest_uri,
                                                     const char           *canvas_id);
void                  vt_content_state_target_set_region (VtContentStateTarget *target,
                                                          double                x,
                                                          double                y,
                                                          double                width,
                                                          double                height);
guint                 vt_content_state_get_n_targets (const VtContentState *self);
const VtContentStateTarget *vt_content_state_get_target (const VtContentState *self,
                                                         guint                 index);

VtContentState       *vt_content_state_parse        (const char           *text,
                                                     GError              **error);
VtContentState       *vt_content_state_parse_json   (const char           *json,
                                                     gssize                length,
                                                     GError              **error);

char                 *vt_content_state_to_json      (const VtContentState *self);
char                 *vt_content_state_encode       (const VtContentState *self);
char                 *vt_content_state_to_query     (const VtContentState *self);
char                 *vt_content_state_to_drag_link (const VtContentState *self);

char                 *vt_content_state_encode_text  (const char           *text);
char                 *vt_content_state_decode_text  (const char           *encoded,
                                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtContentState, vt_content_state_free)

G_END_DECLS
