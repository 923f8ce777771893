/* vt-timeline-controls.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VT_TYPE_TIMELINE_CONTROLS (vt_timeline_controls_get_type ())

G_DECLARE_FINAL_TYPE (VtTimelineControls, vt_timeline_controls, VT, TIMELINE_CONTROLS, GtkWidget)

GtkWidget      *vt_timeline_controls_new           (void);
void            vt_timeline_controls_set_stream    (VtTimelineControls *self,
                                                    GtkMediaStream     *stream);
GtkMediaStream *vt_timeline_controls_get_stream    (VtTimelineControls *self);
const char     *vt_timeline_controls_get_time_text (VtTimelineControls *self);
char           *vt_timeline_format_time            (double              seconds);

G_END_DECLS
