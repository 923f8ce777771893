/* fuzz-webvtt.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "iiif/vt-iiif-error.h"
#include "iiif/vt-webvtt.h"

/* libFuzzer target: any bytes through the WebVTT parser (the captions of a
 * sound or video canvas), then the cue lookups a player makes. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtWebVtt) vtt = vt_webvtt_parse ((const char *) data, (gssize) size, &error);
  double previous = -1;

  if (vtt == NULL)
    {
      g_assert (error != NULL && error->domain == VT_IIIF_ERROR);
      return 0;
    }

  g_assert (vtt->cues->len <= VT_WEBVTT_MAX_CUES);
  for (guint i = 0; i < vtt->cues->len; i++)
    {
      const VtWebVttCue *cue = g_ptr_array_index (vtt->cues, i);
      g_autofree char *text = NULL;

      g_assert (cue->start >= previous && cue->end > cue->start);
      g_assert (cue->text != NULL && g_utf8_validate (cue->text, -1, NULL));
      g_assert (strlen (cue->text) <= VT_WEBVTT_MAX_CUE_TEXT);
      g_assert (cue->id == NULL || g_utf8_validate (cue->id, -1, NULL));
      previous = cue->start;
      g_assert (vt_webvtt_find_cue (vtt, cue->start) >= 0);
      text = vt_webvtt_dup_text_at (vtt, cue->start);
      g_assert (text == NULL || g_utf8_validate (text, -1, NULL));
    }
  return 0;
}
