/* vt-catalogue-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "vt-catalogue.h"

G_BEGIN_DECLS

/* The harvest's side of the database: the state of one stream's harvest
 * (what is still to visit, what was visited in this run, which pages are
 * immutable and already stored) lives next to the objects, and changes in
 * the same transaction as the objects of each page. */

typedef struct
{
  GPtrArray  *frontier;   /* char*, pages still to visit, in order */
  GHashTable *visited;    /* char* set, pages stored in this run */
  GHashTable *immutable;  /* char* set, immutable pages stored in any run */
  gboolean    resumed;    /* an unfinished run goes on */
} VtHarvestState;

void     _vt_harvest_state_free         (VtHarvestState     *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtHarvestState, _vt_harvest_state_free)

VtHarvestState *_vt_catalogue_begin_harvest (VtCatalogue        *self,
                                             const char         *stream,
                                             const char         *org,
                                             GError            **error);
/* Stores the members of one page, marks @urls visited (and
 * @immutable_url, when not NULL, immutable), and moves @targets into the
 * frontier, in one transaction.
 * @n_changed counts the objects that were new or newer. */
gboolean _vt_catalogue_store_page       (VtCatalogue        *self,
                                         const char         *stream,
                                         const char * const *urls,
                                         const char         *immutable_url,
                                         GPtrArray          *records,
                                         const char * const *targets,
                                         guint              *n_changed,
                                         GError            **error);
gboolean _vt_catalogue_finish_harvest   (VtCatalogue        *self,
                                         const char         *stream,
                                         GError            **error);
guint64  _vt_catalogue_count_objects    (VtCatalogue        *self,
                                         const char         *org);
/* For benchmarks and tests: many records in one transaction. */
gboolean _vt_catalogue_insert_records   (VtCatalogue        *self,
                                         GPtrArray          *records,
                                         GError            **error);

G_END_DECLS

G_BEGIN_DECLS
/* The user's words as a safe FTS5 MATCH expression, or NULL when nothing
 * searchable is left. */
char    *_vt_catalogue_build_match      (const char         *query);
G_END_DECLS

G_BEGIN_DECLS
/* Shared by the files of the catalogue. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
GError       *_vt_catalogue_db_error        (sqlite3            *db,
                                             const char         *what);
gboolean      _vt_catalogue_exec            (sqlite3            *db,
                                             const char         *sql,
                                             GError            **error);
sqlite3_stmt *_vt_catalogue_prepare         (sqlite3            *db,
                                             const char         *sql,
                                             GError            **error);
void          _vt_catalogue_bind_text       (sqlite3_stmt       *stmt,
                                             int                 index,
                                             const char         *text);
gboolean      _vt_catalogue_upsert_records  (sqlite3            *db,
                                             GPtrArray          *records,
                                             guint              *n_changed,
                                             GError            **error);
sqlite3      *_vt_catalogue_lock_writer     (VtCatalogue        *self);
void          _vt_catalogue_unlock_writer   (VtCatalogue        *self);
G_END_DECLS
