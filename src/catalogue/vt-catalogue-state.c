/* vt-catalogue-state.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vt-catalogue-private.h"

/* The state of each stream's harvest, kept in the catalogue's own file so
 * that it commits with the objects it describes: a crash or a cancel
 * between two pages leaves a frontier that names exactly the pages whose
 * members are not stored yet. */

void
_vt_harvest_state_free (VtHarvestState *state)
{
  if (state == NULL)
    return;
  g_clear_pointer (&state->frontier, g_ptr_array_unref);
  g_clear_pointer (&state->visited, g_hash_table_unref);
  g_clear_pointer (&state->immutable, g_hash_table_unref);
  g_free (state);
}

static gboolean
load_strings (sqlite3     *db,
              const char  *sql,
              const char  *stream,
              GPtrArray   *into_array,
              GHashTable  *into_set,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _vt_catalogue_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  _vt_catalogue_bind_text (stmt, 1, stream);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *url = (const char *) sqlite3_column_text (stmt, 0);

      if (url == NULL)
        continue;
      if (into_array != NULL)
        g_ptr_array_add (into_array, g_strdup (url));
      if (into_set != NULL)
        g_hash_table_add (into_set, g_strdup (url));
    }

  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, _vt_catalogue_db_error (db, sql));
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_one (sqlite3      *db,
          const char   *sql,
          const char   *a,
          const char   *b,
          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _vt_catalogue_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  _vt_catalogue_bind_text (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    _vt_catalogue_bind_text (stmt, 2, b);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_propagate_error (error, _vt_catalogue_db_error (db, sql));
      return FALSE;
    }
  return TRUE;
}

VtHarvestState *
_vt_catalogue_begin_harvest (VtCatalogue  *self,
                             const char   *stream,
                             const char   *org,
                             GError      **error)
{
  g_autoptr(VtHarvestState) state = g_new0 (VtHarvestState, 1);
  sqlite3 *db;
  gboolean ok;
  int complete = -1;

  state->frontier = g_ptr_array_new_with_free_func (g_free);
  state->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->immutable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  db = _vt_catalogue_lock_writer (self);

  {
    g_autoptr(sqlite3_stmt) stmt = _vt_catalogue_prepare (db, "SELECT complete FROM streams WHERE stream = ?1", error);

    ok = stmt != NULL;
    if (ok)
      {
        _vt_catalogue_bind_text (stmt, 1, stream);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          complete = sqlite3_column_int (stmt, 0);
      }
  }

  ok = ok && load_strings (db, "SELECT url FROM frontier WHERE stream = ?1 ORDER BY seq",
                           stream, state->frontier, NULL, error);

  if (ok && complete == 0 && state->frontier->len > 0)
    {
      state->resumed = TRUE;
      ok = load_strings (db, "SELECT url FROM visited WHERE stream = ?1", stream, NULL, state->visited, error);
    }
  else if (ok)
    {
      g_ptr_array_set_size (state->frontier, 0);
      g_ptr_array_add (state->frontier, g_strdup (stream));
      ok = _vt_catalogue_exec (db, "BEGIN IMMEDIATE", error) &&
           step_one (db, "DELETE FROM visited WHERE stream = ?1", stream, NULL, error) &&
           step_one (db, "DELETE FROM frontier WHERE stream = ?1", stream, NULL, error) &&
           step_one (db, "INSERT INTO streams (stream, org, complete) VALUES (?1, ?2, 0)"
                         " ON CONFLICT (stream) DO UPDATE SET complete = 0, org = excluded.org",
                     stream, org, error) &&
           step_one (db, "INSERT INTO frontier (stream, seq, url) VALUES (?1, 0, ?1)", stream, NULL, error) &&
           _vt_catalogue_exec (db, "COMMIT", error);
      if (!ok)
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }

  ok = ok && load_strings (db, "SELECT url FROM immutable_pages WHERE stream = ?1",
                           stream, NULL, state->immutable, error);

  _vt_catalogue_unlock_writer (self);

  return ok ? g_steal_pointer (&state) : NULL;
}

gboolean
_vt_catalogue_store_page (VtCatalogue        *self,
                          const char         *stream,
                          const char * const *urls,
                          const char         *immutable_url,
                          GPtrArray          *records,
                          const char * const *targets,
                          guint              *n_changed,
                          GError            **error)
{
  sqlite3 *db = _vt_catalogue_lock_writer (self);
  gboolean ok;
  guint i;

  ok = _vt_catalogue_exec (db, "BEGIN IMMEDIATE", error) &&
       _vt_catalogue_upsert_records (db, records, n_changed, error);

  for (i = 0; ok && urls != NULL && urls[i] != NULL; i++)
    {
      ok = step_one (db, "INSERT OR IGNORE INTO visited (stream, url) VALUES (?1, ?2)", stream, urls[i], error) &&
           step_one (db, "DELETE FROM frontier WHERE stream = ?1 AND url = ?2", stream, urls[i], error);
    }
  if (ok && immutable_url != NULL)
    ok = step_one (db, "INSERT OR IGNORE INTO immutable_pages (stream, url) VALUES (?1, ?2)",
                   stream, immutable_url, error);

  for (i = 0; ok && targets != NULL && targets[i] != NULL; i++)
    ok = step_one (db, "INSERT OR IGNORE INTO frontier (stream, seq, url)"
                       " VALUES (?1, (SELECT ifnull (max (seq), 0) + 1 FROM frontier WHERE stream = ?1), ?2)",
                   stream, targets[i], error);

  ok = ok && _vt_catalogue_exec (db, "COMMIT", error);
  if (!ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

  _vt_catalogue_unlock_writer (self);
  return ok;
}

gboolean
_vt_catalogue_finish_harvest (VtCatalogue  *self,
                              const char   *stream,
                              GError      **error)
{
  sqlite3 *db = _vt_catalogue_lock_writer (self);
  gboolean ok;

  ok = _vt_catalogue_exec (db, "BEGIN IMMEDIATE", error) &&
       step_one (db, "UPDATE streams SET complete = 1, last_sync = CAST (strftime ('%s', 'now') AS INTEGER)"
                     " WHERE stream = ?1", stream, NULL, error) &&
       step_one (db, "DELETE FROM visited WHERE stream = ?1", stream, NULL, error) &&
       step_one (db, "DELETE FROM frontier WHERE stream = ?1", stream, NULL, error) &&
       _vt_catalogue_exec (db, "COMMIT", error);
  if (!ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

  _vt_catalogue_unlock_writer (self);
  return ok;
}
