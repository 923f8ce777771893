/* vt-catalogue-query.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vt-catalogue-private.h"

/* Searching the catalogue.
 *
 * What a person types, made into a safe FTS5 query. Every word becomes a
 * quoted string (so `"`, `*`, `NEAR(`, `OR`, `-` and `:` are text, never
 * syntax) with a prefix star, and the words are ANDed explicitly: results appear as
 * you type. The tokenizer folds case and diacritics on both sides
 * ("é" finds "e"); the city's names in other languages are expanded
 * here, because no tokenizer folds "Ghent" to "Gent". */

static const char * const ghent_names[] = { "gent", "ghent", "gand", NULL };

/* Lower case without diacritics, for comparing with the aliases. */
static char *
fold (const char *word)
{
  g_autofree char *decomposed = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  g_autofree char *lower = NULL;
  GString *out = g_string_new (NULL);
  const char *p;

  if (decomposed == NULL)
    return g_string_free (out, FALSE);

  lower = g_utf8_strdown (decomposed, -1);
  /* Marks and punctuation go: "Gent," and "«Gand»" are the city too. */
  for (p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || !g_unichar_isalnum (c))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_ghent (const char *folded)
{
  guint i;

  for (i = 0; ghent_names[i] != NULL; i++)
    if (strcmp (folded, ghent_names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_word_character (const char *word)
{
  const char *p;

  for (p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
append_string (GString    *out,
               const char *word)
{
  const char *p;

  g_string_append_c (out, '"');
  for (p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
_vt_catalogue_build_match (const char *query)
{
  g_auto(GStrv) words = NULL;
  GString *out;
  guint i;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return NULL;

  words = g_strsplit_set (query, " \t\n\r\f\v", -1);
  out = g_string_new (NULL);

  for (i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;

      /* A word of only punctuation is no word: an empty FTS5 string
       * would be a syntax error or match nothing. */
      if (!has_word_character (words[i]))
        continue;

      /* An explicit AND: FTS5 has no implicit one after a parenthesis. */
      if (out->len > 0)
        g_string_append (out, " AND ");

      folded = fold (words[i]);
      if (is_ghent (folded))
        {
          guint j;

          g_string_append_c (out, '(');
          for (j = 0; ghent_names[j] != NULL; j++)
            {
              if (j > 0)
                g_string_append (out, " OR ");
              append_string (out, ghent_names[j]);
            }
          g_string_append_c (out, ')');
          continue;
        }

      append_string (out, words[i]);
      g_string_append_c (out, '*');
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* "dmg:1987-1049" is an organisation and an object number. */
static gboolean
split_object_id (const char  *query,
                 char       **org,
                 char       **number)
{
  static const char * const orgs[] = { "dmg", "hva", "industriemuseum", "stam", "archiefgent", NULL };
  const char *colon;
  guint i;

  if (query == NULL)
    return FALSE;
  while (g_ascii_isspace (*query))
    query++;
  colon = strchr (query, ':');
  if (colon == NULL || colon[1] == '\0' || strpbrk (colon + 1, " \t\n") != NULL)
    return FALSE;

  for (i = 0; orgs[i] != NULL; i++)
    {
      if ((size_t) (colon - query) == strlen (orgs[i]) &&
          g_ascii_strncasecmp (query, orgs[i], colon - query) == 0)
        {
          *org = g_strdup (orgs[i]);
          *number = g_strdup (colon + 1);
          return TRUE;
        }
    }
  return FALSE;
}

/* A query that matches more rows than this is not ranked: bm25 over
 * tens of thousands of rows (one letter typed) costs hundreds of
 * milliseconds, and its order means little then anyway. */
#define MAX_RANKED_MATCHES 1000

static gboolean
collect_rows (sqlite3_stmt  *stmt,
              sqlite3       *db,
              GPtrArray     *results,
              GHashTable    *seen,
              guint          limit,
              GError       **error)
{
  int rc;

  while ((limit == 0 || results->len < limit) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VtCatalogueRecord *record = _vt_catalogue_record_from_row (stmt, 0);
      g_autofree char *key = g_strconcat (record->org, ":", record->object_number, NULL);

      if (g_hash_table_contains (seen, key))
        {
          vt_catalogue_record_unref (record);
          continue;
        }
      g_hash_table_add (seen, g_steal_pointer (&key));
      g_ptr_array_add (results, record);
    }

  if (limit != 0 && results->len >= limit)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, _vt_catalogue_db_error (db, "search"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
search_locked (sqlite3      *db,
               const char   *match,
               const char   *exact,
               const char   *org,
               guint         limit,
               GPtrArray    *results,
               GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *full_match = NULL;
  gboolean ranked = TRUE;

  /* An exact object number comes first, found through its index. */
  stmt = _vt_catalogue_prepare (db,
                                "SELECT " RECORD_COLUMNS " FROM objects"
                                " WHERE object_number = ?1 COLLATE NOCASE AND (?2 IS NULL OR org = ?2)"
                                " ORDER BY org", error);
  if (stmt == NULL)
    return FALSE;
  _vt_catalogue_bind_text (stmt, 1, exact);
  _vt_catalogue_bind_text (stmt, 2, org);
  if (!collect_rows (stmt, db, results, seen, limit, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (limit != 0 && results->len >= limit)
    return TRUE;

  /* The words are matched in the text columns only; the organisation
   * filter is a term of the org column, so FTS5 alone picks the rows. */
  if (org != NULL)
    {
      GString *quoted = g_string_new ("\"");
      const char *p;

      for (p = org; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (quoted, '"');
          g_string_append_c (quoted, *p);
        }
      g_string_append_c (quoted, '"');
      full_match = g_strdup_printf ("{title description maker object_type object_number} : (%s) AND org : %s",
                                    match, quoted->str);
      g_string_free (quoted, TRUE);
    }
  else
    full_match = g_strdup_printf ("{title description maker object_type object_number} : (%s)", match);

  stmt = _vt_catalogue_prepare (db,
                                "SELECT count(*) FROM (SELECT rowid FROM objects_fts"
                                " WHERE objects_fts MATCH ?1 LIMIT " G_STRINGIFY (MAX_RANKED_MATCHES) ")", error);
  if (stmt == NULL)
    return FALSE;
  _vt_catalogue_bind_text (stmt, 1, full_match);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_propagate_error (error, _vt_catalogue_db_error (db, "search"));
      return FALSE;
    }
  ranked = sqlite3_column_int (stmt, 0) < MAX_RANKED_MATCHES;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Title and number weigh most, the description least. */
  stmt = _vt_catalogue_prepare (db,
                                ranked
                                ? "SELECT " RECORD_COLUMNS_OF_OBJECTS " FROM"
                                  " (SELECT rowid AS hit, bm25 (objects_fts, 10.0, 1.0, 5.0, 3.0, 10.0, 0.0) AS score"
                                  "  FROM objects_fts WHERE objects_fts MATCH ?1 ORDER BY score LIMIT ?2)"
                                  " JOIN objects ON objects.id = hit ORDER BY score"
                                : "SELECT " RECORD_COLUMNS_OF_OBJECTS " FROM"
                                  " (SELECT rowid AS hit FROM objects_fts WHERE objects_fts MATCH ?1 LIMIT ?2)"
                                  " JOIN objects ON objects.id = hit ORDER BY hit",
                                error);
  if (stmt == NULL)
    return FALSE;
  _vt_catalogue_bind_text (stmt, 1, full_match);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit + results->len : -1);

  return collect_rows (stmt, db, results, seen, limit, error);
}

GPtrArray *
vt_catalogue_search (VtCatalogue  *self,
                     const char   *query,
                     const char   *org,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalogue_record_unref);
  g_autofree char *id_org = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *match = NULL;
  g_autofree char *exact = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (VT_IS_CATALOGUE (self), NULL);

  if (split_object_id (query, &id_org, &id_number))
    {
      if (org != NULL && g_strcmp0 (org, id_org) != 0)
        return g_steal_pointer (&results);
      org = id_org;
      query = id_number;
    }

  match = _vt_catalogue_build_match (query);
  if (match == NULL)
    return g_steal_pointer (&results);
  exact = g_strstrip (g_strdup (query));

  db = _vt_catalogue_lock_reader (self);
  ok = search_locked (db, match, exact, org, limit, results, error);
  _vt_catalogue_unlock_reader (self);

  return ok ? g_steal_pointer (&results) : NULL;
}

typedef struct
{
  char  *query;
  char  *org;
  guint  limit;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->query);
  g_free (data->org);
  g_free (data);
}

static void
search_thread (gpointer data,
               gpointer pool_data)
{
  g_autoptr(GTask) task = data;
  SearchData *search = g_task_get_task_data (task);
  GError *error = NULL;
  GPtrArray *results;

  /* Searches typed over are cancelled while they wait their turn. */
  if (g_task_return_error_if_cancelled (task))
    return;

  results = vt_catalogue_search (g_task_get_source_object (task), search->query, search->org,
                                 search->limit, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else if (g_task_return_error_if_cancelled (task))
    g_ptr_array_unref (results);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/* Searches run on a thread of their own, not in GLib's shared GTask pool:
 * whatever blocks there (the threaded resolver's name lookups while a DNS
 * server is slow, libsoup's connections, file I/O) would otherwise hold the
 * threads a search as you type waits for, seconds at a time (issue 11).
 * One thread is enough, since the reading connection takes one search at a
 * time anyway. The pool lives as long as the process, as GLib's does, so
 * that no catalogue has to wait for it when it goes. */
static GThreadPool *
get_search_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (search_thread, NULL, 1, FALSE, NULL));

  return pool;
}

void
vt_catalogue_search_async (VtCatalogue         *self,
                           const char          *query,
                           const char          *org,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (VT_IS_CATALOGUE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_catalogue_search_async);
  data = g_new0 (SearchData, 1);
  data->query = g_strdup (query);
  data->org = g_strdup (org);
  data->limit = limit;
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_thread_pool_push (get_search_pool (), g_steal_pointer (&task), NULL);
}

GPtrArray *
vt_catalogue_search_finish (VtCatalogue   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
