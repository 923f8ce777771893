/* vt-webvtt.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Limits: a caption file of a film has a few thousand cues. */
#define VT_WEBVTT_MAX_SIZE      (4 * 1024 * 1024)
#define VT_WEBVTT_MAX_CUES      20000
#define VT_WEBVTT_MAX_CUE_TEXT  4096

/**
 * VtWebVttCue:
 * @id: the cue's identifier, or %NULL
 * @start: when it shows, in seconds
 * @end: when it goes, in seconds (always after @start)
 * @text: what it says, as plain UTF-8 text: WebVTT's tags (`<v Name>`,
 *   `<i>`, `<c.x>`, timestamps) removed, character references decoded;
 *   lines joined with "\n"
 *
 * One cue of a WebVTT file.
 */
typedef struct
{
  char   *id;
  double  start;
  double  end;
  char   *text;
} VtWebVttCue;

/**
 * VtWebVtt:
 * @cues: (element-type VtWebVttCue): the cues, by start time (cues that
 *   start together keep their order in the file)
 * @n_skipped: cues left out: malformed timings, empty or backwards times,
 *   over %VT_WEBVTT_MAX_CUES
 *
 * A parsed WebVTT file (captions or subtitles of a sound or video canvas).
 */
typedef struct
{
  GPtrArray *cues;
  guint      n_skipped;
} VtWebVtt;

#define VT_TYPE_WEBVTT (vt_webvtt_get_type ())

GType        vt_webvtt_get_type    (void) G_GNUC_CONST;
VtWebVtt    *vt_webvtt_parse       (const char  *data,
                                    gssize       length,
                                    GError     **error);
VtWebVtt    *vt_webvtt_ref         (VtWebVtt    *self);
void         vt_webvtt_unref       (VtWebVtt    *self);
char        *vt_webvtt_dup_text_at (const VtWebVtt *self,
                                    double          time);
int          vt_webvtt_find_cue    (const VtWebVtt *self,
                                    double          time);
gboolean     vt_webvtt_parse_timestamp (const char  *text,
                                        const char **end,
                                        double      *out_seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtWebVtt, vt_webvtt_unref)

G_END_DECLS
