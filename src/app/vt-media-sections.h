/* vt-media-sections.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iiif/vt-annotation-page.h"
#include "iiif/vt-manifest.h"
#include "iiif/vt-webvtt.h"
#include "net/vt-client.h"

G_BEGIN_DECLS

/**
 * VtMediaSection:
 * @label: what the section is called
 * @start: where it starts, in seconds
 * @end: where it ends, in seconds, or -1 when it runs to the end
 * @thumbnail: (element-type VtResource) (nullable): the range's own
 *   thumbnails (cookbook 0229's "thumbnail-nav"), or %NULL
 *
 * A part of a sound or video canvas that the player lists: a range of the
 * table of contents that takes a time range of it, a painting annotation
 * on a time range, or an annotation that targets one.
 */
typedef struct
{
  char      *label;
  double     start;
  double     end;
  GPtrArray *thumbnail;
} VtMediaSection;

GPtrArray *vt_media_sections_collect  (VtManifest         *manifest,
                                       guint               index,
                                       GPtrArray          *extra_pages,
                                       const char * const *languages);
int        vt_media_sections_find     (GPtrArray          *sections,
                                       double              time);
char      *vt_media_sections_pick_captions (VtCanvas           *canvas,
                                            GPtrArray          *extra_pages,
                                            const char * const *languages,
                                            char              **out_language);
void       vt_media_sections_load_captions_async (VtClient            *client,
                                                  const char          *url,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
VtWebVtt  *vt_media_sections_load_captions_finish (GAsyncResult  *result,
                                                   GError       **error);

G_END_DECLS
