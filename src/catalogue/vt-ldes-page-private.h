/* vt-ldes-page-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-catalogue.h"

G_BEGIN_DECLS

#define MAX_PAGE_BYTES (32 * 1024 * 1024)

/* One page of a stream, parsed and stored by a worker thread
 * (_vt_ldes_page_thread, the task data of a GTask) for the harvest. */
typedef struct
{
  /* in */
  VtCatalogue *catalogue;
  char        *stream;
  char        *org;
  char        *url;          /* asked for */
  char        *final_url;    /* after redirects */
  gboolean     immutable;
  GBytes      *body;
  GHashTable  *skip;         /* url set: this page and its targets so far */
  /* out */
  GPtrArray   *targets;      /* char*, new pages to visit */
  GArray      *target_remaining; /* gint64 per target, -1 unknown */
  guint        n_members;
  guint        n_skipped;
  guint        n_changed;
} PageJob;

void _vt_ldes_page_job_free (PageJob      *job);
void _vt_ldes_page_thread   (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable);

G_END_DECLS
