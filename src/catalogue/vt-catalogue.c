/* vt-catalogue.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vt-catalogue-private.h"
#include "vt-catalogue.h"

/* The local catalogue: one SQLite file in WAL mode. Two connections, so
 * that searches (the read connection, from any thread) go on while a
 * harvest writes a page (the write connection, from its worker thread);
 * each connection has its own lock because prepared statements are not
 * shared between threads. */

#define SCHEMA_VERSION 3

struct _VtCatalogue
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *write_db;
  GMutex   write_lock;
  sqlite3 *read_db;
  GMutex   read_lock;
};

G_DEFINE_FINAL_TYPE (VtCatalogue, vt_catalogue, G_TYPE_OBJECT)

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS objects ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"          /* the object URI, else org:number */
  "  org TEXT NOT NULL,"
  "  object_number TEXT NOT NULL,"
  "  object_uri TEXT, version_uri TEXT, generated_at TEXT,"
  "  title TEXT, description TEXT,"
  "  maker TEXT,"                        /* names, for the index */
  "  makers TEXT,"                       /* name US role RS name US role... */
  "  date TEXT, object_type TEXT, material TEXT, dimensions TEXT,"
  "  collection TEXT, manifest_url TEXT, web_url TEXT, image_service TEXT,"
  "  licence TEXT);"
  "CREATE INDEX IF NOT EXISTS objects_number ON objects (object_number COLLATE NOCASE, org);"
  "CREATE INDEX IF NOT EXISTS objects_org ON objects (org);"
  /* org is indexed only for the organisation filter: user words are
   * matched in the other columns. */
  "CREATE VIRTUAL TABLE IF NOT EXISTS objects_fts USING fts5 ("
  "  title, description, maker, object_type, object_number, org,"
  "  content = 'objects', content_rowid = 'id',"
  "  tokenize = \"unicode61 remove_diacritics 2\", prefix = '1 2 3');"
  "CREATE TRIGGER IF NOT EXISTS objects_ai AFTER INSERT ON objects BEGIN"
  "  INSERT INTO objects_fts (rowid, title, description, maker, object_type, object_number, org)"
  "  VALUES (new.id, new.title, new.description, new.maker, new.object_type, new.object_number, new.org);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS objects_ad AFTER DELETE ON objects BEGIN"
  "  INSERT INTO objects_fts (objects_fts, rowid, title, description, maker, object_type, object_number, org)"
  "  VALUES ('delete', old.id, old.title, old.description, old.maker, old.object_type, old.object_number, old.org);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS objects_au AFTER UPDATE ON objects BEGIN"
  "  INSERT INTO objects_fts (objects_fts, rowid, title, description, maker, object_type, object_number, org)"
  "  VALUES ('delete', old.id, old.title, old.description, old.maker, old.object_type, old.object_number, old.org);"
  "  INSERT INTO objects_fts (rowid, title, description, maker, object_type, object_number, org)"
  "  VALUES (new.id, new.title, new.description, new.maker, new.object_type, new.object_number, new.org);"
  "END;"
  "CREATE TABLE IF NOT EXISTS streams ("
  "  stream TEXT PRIMARY KEY, org TEXT NOT NULL,"
  "  complete INTEGER NOT NULL DEFAULT 0, last_sync INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS immutable_pages ("
  "  stream TEXT NOT NULL, url TEXT NOT NULL, PRIMARY KEY (stream, url)) WITHOUT ROWID;"
  /* The key's columns come first: SQLite 3.40's quick_check reports
   * false NULLs in WITHOUT ROWID tables whose key columns are not. */
  "CREATE TABLE IF NOT EXISTS frontier ("
  "  stream TEXT NOT NULL, url TEXT NOT NULL, seq INTEGER NOT NULL,"
  "  PRIMARY KEY (stream, url)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS visited ("
  "  stream TEXT NOT NULL, url TEXT NOT NULL, PRIMARY KEY (stream, url)) WITHOUT ROWID;";

#define RECORD_COLUMNS \
  "org, object_number, object_uri, version_uri, generated_at, title, description, makers," \
  " date, object_type, material, dimensions, collection, manifest_url, web_url, image_service, licence"

/* The same, for queries that join the index. */
#define RECORD_COLUMNS_OF_OBJECTS \
  "objects.org, objects.object_number, objects.object_uri, objects.version_uri," \
  " objects.generated_at, objects.title, objects.description, objects.makers, objects.date," \
  " objects.object_type, objects.material, objects.dimensions, objects.collection," \
  " objects.manifest_url, objects.web_url, objects.image_service, objects.licence"

GError *
_vt_catalogue_db_error (sqlite3    *db,
          const char *what)
{
  int code = db != NULL ? sqlite3_errcode (db) & 0xff : SQLITE_CANTOPEN;

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    return g_error_new (VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_CORRUPT,
                        _("The catalogue database is damaged (%s)."),
                        db != NULL ? sqlite3_errmsg (db) : what);

  return g_error_new (VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_IO,
                      _("The catalogue database could not be used: %s (%s)."),
                      db != NULL ? sqlite3_errmsg (db) : "", what);
}

gboolean
_vt_catalogue_exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_propagate_error (error, _vt_catalogue_db_error (db, sql));
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_vt_catalogue_prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_propagate_error (error, _vt_catalogue_db_error (db, sql));
      return NULL;
    }
  return stmt;
}

void
_vt_catalogue_bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
vt_catalogue_finalize (GObject *object)
{
  VtCatalogue *self = VT_CATALOGUE (object);

  sqlite3_close_v2 (self->read_db);
  sqlite3_close_v2 (self->write_db);
  g_mutex_clear (&self->read_lock);
  g_mutex_clear (&self->write_lock);
  g_free (self->path);

  G_OBJECT_CLASS (vt_catalogue_parent_class)->finalize (object);
}

static void
vt_catalogue_class_init (VtCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_catalogue_finalize;
}

static void
vt_catalogue_init (VtCatalogue *self)
{
  g_mutex_init (&self->read_lock);
  g_mutex_init (&self->write_lock);
}

char *
vt_catalogue_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "vitrine", "catalogue.sqlite", NULL);
}

/* A file that does not start with SQLite's magic is not ours to open:
 * SQLite itself would only notice at the first query. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *file;
  size_t n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    return TRUE;  /* absent: it will be made */

  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    return TRUE;  /* empty: SQLite makes it a database */

  if (n < sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_CORRUPT,
                   _("“%s” is not a catalogue database."), path);
      return FALSE;
    }
  return TRUE;
}

static sqlite3 *
open_connection (const char  *path,
                 GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      g_propagate_error (error, _vt_catalogue_db_error (db, path));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 10000);
  return db;
}

static gboolean
quick_check (sqlite3     *db,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _vt_catalogue_prepare (db, "PRAGMA quick_check", error);
  const char *result;

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_propagate_error (error, _vt_catalogue_db_error (db, "quick_check"));
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_CORRUPT,
                   _("The catalogue database is damaged (%s)."), result != NULL ? result : "?");
      return FALSE;
    }
  return TRUE;
}

static gboolean
setup_schema (sqlite3     *db,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _vt_catalogue_prepare (db, "PRAGMA user_version", error);
  int version;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (error != NULL && *error == NULL)
        g_propagate_error (error, _vt_catalogue_db_error (db, "user_version"));
      return FALSE;
    }
  version = sqlite3_column_int (stmt, 0);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_CORRUPT,
                   _("The catalogue database was made by a newer version of Vitrine."));
      return FALSE;
    }

  if (version == SCHEMA_VERSION)
    return TRUE;

  /* The catalogue is a copy of the streams: an older layout is dropped
   * and harvested again rather than migrated. */
  if (version > 0 &&
      !_vt_catalogue_exec (db,
                           "DROP TABLE IF EXISTS objects_fts; DROP TABLE IF EXISTS objects;"
                           " DROP TABLE IF EXISTS streams; DROP TABLE IF EXISTS immutable_pages;"
                           " DROP TABLE IF EXISTS frontier; DROP TABLE IF EXISTS visited;", error))
    return FALSE;

  return _vt_catalogue_exec (db, "BEGIN", error) &&
         _vt_catalogue_exec (db, schema_sql, error) &&
         _vt_catalogue_exec (db, "PRAGMA user_version = " G_STRINGIFY (SCHEMA_VERSION), error) &&
         _vt_catalogue_exec (db, "COMMIT", error);
}

VtCatalogue *
vt_catalogue_open (const char  *path,
                   GError     **error)
{
  g_autoptr(VtCatalogue) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_IO,
                   _("Could not make the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  if (!check_header (path, error))
    return NULL;

  self = g_object_new (VT_TYPE_CATALOGUE, NULL);
  self->path = g_strdup (path);

  self->write_db = open_connection (path, error);
  if (self->write_db == NULL)
    return NULL;

  if (!_vt_catalogue_exec (self->write_db, "PRAGMA journal_mode = WAL", error) ||
      !_vt_catalogue_exec (self->write_db, "PRAGMA synchronous = NORMAL", error) ||
      !quick_check (self->write_db, error) ||
      !setup_schema (self->write_db, error))
    return NULL;

  self->read_db = open_connection (path, error);
  if (self->read_db == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
vt_catalogue_rebuild (const char  *path,
                      GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", NULL };
  g_autoptr(VtCatalogue) fresh = NULL;
  guint i;

  g_return_val_if_fail (path != NULL, FALSE);

  for (i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_IO,
                       _("Could not remove “%s”: %s"), file, g_strerror (saved));
          return FALSE;
        }
    }

  fresh = vt_catalogue_open (path, error);
  return fresh != NULL;
}

const char *
vt_catalogue_get_path (VtCatalogue *self)
{
  g_return_val_if_fail (VT_IS_CATALOGUE (self), NULL);

  return self->path;
}

/* ------------------------------------------------------------------ */
/* Records in and out                                                  */

static char *
join_makers (GPtrArray *makers,
             gboolean   names_only)
{
  GString *out = g_string_new (NULL);
  guint i;

  for (i = 0; i < makers->len; i++)
    {
      VtCatalogueMaker *maker = g_ptr_array_index (makers, i);

      if (out->len > 0)
        g_string_append (out, names_only ? "; " : "\x1e");
      g_string_append (out, maker->name);
      if (!names_only)
        {
          g_string_append_c (out, '\x1f');
          if (maker->role != NULL)
            g_string_append (out, maker->role);
        }
    }

  return g_string_free (out, FALSE);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

/* The row in RECORD_COLUMNS order, from @first. */
static VtCatalogueRecord *
record_from_row (sqlite3_stmt *stmt,
                 int           first)
{
  VtCatalogueRecord *record = vt_catalogue_record_new ();
  const char *makers;
  int i = first;

  record->org = column_dup (stmt, i++);
  record->object_number = column_dup (stmt, i++);
  record->object_uri = column_dup (stmt, i++);
  record->version_uri = column_dup (stmt, i++);
  record->generated_at = column_dup (stmt, i++);
  record->title = column_dup (stmt, i++);
  record->description = column_dup (stmt, i++);
  makers = (const char *) sqlite3_column_text (stmt, i++);
  if (makers != NULL && *makers != '\0')
    {
      g_auto(GStrv) entries = g_strsplit (makers, "\x1e", -1);
      guint j;

      for (j = 0; entries[j] != NULL; j++)
        {
          char *sep = strchr (entries[j], '\x1f');

          if (sep != NULL)
            *sep++ = '\0';
          vt_catalogue_record_add_maker (record, entries[j], sep);
        }
    }
  record->date = column_dup (stmt, i++);
  record->object_type = column_dup (stmt, i++);
  record->material = column_dup (stmt, i++);
  record->dimensions = column_dup (stmt, i++);
  record->collection = column_dup (stmt, i++);
  record->manifest_url = column_dup (stmt, i++);
  record->web_url = column_dup (stmt, i++);
  record->image_service = column_dup (stmt, i++);
  record->licence = column_dup (stmt, i++);

  return record;
}

/* Only a newer version replaces what is stored: pages arrive in any
 * order, and the same object may be in several of them. */
static const char upsert_sql[] =
  "INSERT INTO objects (key, maker, " RECORD_COLUMNS ")"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"
  " ON CONFLICT (key) DO UPDATE SET"
  "  maker = excluded.maker, org = excluded.org, object_number = excluded.object_number,"
  "  object_uri = excluded.object_uri, version_uri = excluded.version_uri,"
  "  generated_at = excluded.generated_at, title = excluded.title,"
  "  description = excluded.description, makers = excluded.makers, date = excluded.date,"
  "  object_type = excluded.object_type, material = excluded.material,"
  "  dimensions = excluded.dimensions, collection = excluded.collection,"
  "  manifest_url = excluded.manifest_url, web_url = excluded.web_url,"
  "  image_service = excluded.image_service, licence = excluded.licence"
  " WHERE ifnull (excluded.generated_at, '') > ifnull (objects.generated_at, '')";

gboolean
_vt_catalogue_upsert_records (sqlite3       *db,
                GPtrArray     *records,
                guint         *n_changed,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = _vt_catalogue_prepare (db, upsert_sql, error);
  guint i;

  if (stmt == NULL)
    return FALSE;

  for (i = 0; i < records->len; i++)
    {
      VtCatalogueRecord *r = g_ptr_array_index (records, i);
      g_autofree char *key = r->object_uri != NULL ? g_strdup (r->object_uri)
                                                   : g_strconcat (r->org, ":", r->object_number, NULL);
      g_autofree char *names = join_makers (r->makers, TRUE);
      g_autofree char *makers = join_makers (r->makers, FALSE);
      int n = 1;

      sqlite3_reset (stmt);
      _vt_catalogue_bind_text (stmt, n++, key);
      _vt_catalogue_bind_text (stmt, n++, names);
      _vt_catalogue_bind_text (stmt, n++, r->org);
      _vt_catalogue_bind_text (stmt, n++, r->object_number);
      _vt_catalogue_bind_text (stmt, n++, r->object_uri);
      _vt_catalogue_bind_text (stmt, n++, r->version_uri);
      _vt_catalogue_bind_text (stmt, n++, r->generated_at);
      _vt_catalogue_bind_text (stmt, n++, r->title);
      _vt_catalogue_bind_text (stmt, n++, r->description);
      _vt_catalogue_bind_text (stmt, n++, makers);
      _vt_catalogue_bind_text (stmt, n++, r->date);
      _vt_catalogue_bind_text (stmt, n++, r->object_type);
      _vt_catalogue_bind_text (stmt, n++, r->material);
      _vt_catalogue_bind_text (stmt, n++, r->dimensions);
      _vt_catalogue_bind_text (stmt, n++, r->collection);
      _vt_catalogue_bind_text (stmt, n++, r->manifest_url);
      _vt_catalogue_bind_text (stmt, n++, r->web_url);
      _vt_catalogue_bind_text (stmt, n++, r->image_service);
      _vt_catalogue_bind_text (stmt, n++, r->licence);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_propagate_error (error, _vt_catalogue_db_error (db, "upsert"));
          return FALSE;
        }
      if (n_changed != NULL)
        *n_changed += sqlite3_changes (db);
    }

  return TRUE;
}

gboolean
_vt_catalogue_insert_records (VtCatalogue  *self,
                              GPtrArray    *records,
                              GError      **error)
{
  gboolean ok;

  g_mutex_lock (&self->write_lock);
  ok = _vt_catalogue_exec (self->write_db, "BEGIN IMMEDIATE", error) &&
       _vt_catalogue_upsert_records (self->write_db, records, NULL, error) &&
       _vt_catalogue_exec (self->write_db, "COMMIT", error);
  if (!ok)
    sqlite3_exec (self->write_db, "ROLLBACK", NULL, NULL, NULL);
  g_mutex_unlock (&self->write_lock);

  return ok;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

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
      VtCatalogueRecord *record = record_from_row (stmt, 0);
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
search_locked (VtCatalogue  *self,
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
  stmt = _vt_catalogue_prepare (self->read_db,
                                "SELECT " RECORD_COLUMNS " FROM objects"
                                " WHERE object_number = ?1 COLLATE NOCASE AND (?2 IS NULL OR org = ?2)"
                                " ORDER BY org", error);
  if (stmt == NULL)
    return FALSE;
  _vt_catalogue_bind_text (stmt, 1, exact);
  _vt_catalogue_bind_text (stmt, 2, org);
  if (!collect_rows (stmt, self->read_db, results, seen, limit, error))
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

  stmt = _vt_catalogue_prepare (self->read_db,
                                "SELECT count(*) FROM (SELECT rowid FROM objects_fts"
                                " WHERE objects_fts MATCH ?1 LIMIT " G_STRINGIFY (MAX_RANKED_MATCHES) ")", error);
  if (stmt == NULL)
    return FALSE;
  _vt_catalogue_bind_text (stmt, 1, full_match);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_propagate_error (error, _vt_catalogue_db_error (self->read_db, "search"));
      return FALSE;
    }
  ranked = sqlite3_column_int (stmt, 0) < MAX_RANKED_MATCHES;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Title and number weigh most, the description least. */
  stmt = _vt_catalogue_prepare (self->read_db,
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

  return collect_rows (stmt, self->read_db, results, seen, limit, error);
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

  g_mutex_lock (&self->read_lock);
  ok = search_locked (self, match, exact, org, limit, results, error);
  g_mutex_unlock (&self->read_lock);

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
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;
  GPtrArray *results;

  if (g_task_return_error_if_cancelled (task))
    return;

  results = vt_catalogue_search (source_object, data->query, data->org, data->limit, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
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
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, search_thread);
}

GPtrArray *
vt_catalogue_search_finish (VtCatalogue   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

VtCatalogueRecord *
vt_catalogue_lookup (VtCatalogue  *self,
                     const char   *org,
                     const char   *object_number,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  VtCatalogueRecord *record = NULL;
  int rc;

  g_return_val_if_fail (VT_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (org != NULL && object_number != NULL, NULL);

  g_mutex_lock (&self->read_lock);
  stmt = _vt_catalogue_prepare (self->read_db,
                  "SELECT " RECORD_COLUMNS " FROM objects WHERE org = ?1 AND object_number = ?2"
                  " ORDER BY generated_at DESC LIMIT 1", error);
  if (stmt != NULL)
    {
      _vt_catalogue_bind_text (stmt, 1, org);
      _vt_catalogue_bind_text (stmt, 2, object_number);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        record = record_from_row (stmt, 0);
      else if (rc == SQLITE_DONE)
        g_set_error (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_NOT_FOUND,
                     _("The catalogue does not know %s:%s."), org, object_number);
      else
        g_propagate_error (error, _vt_catalogue_db_error (self->read_db, "lookup"));
    }
  g_mutex_unlock (&self->read_lock);

  return record;
}

void
vt_catalogue_org_info_free (VtCatalogueOrgInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->org);
  g_free (info);
}

GPtrArray *
vt_catalogue_list_orgs (VtCatalogue  *self,
                        GError      **error)
{
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_catalogue_org_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VT_IS_CATALOGUE (self), NULL);

  g_mutex_lock (&self->read_lock);
  stmt = _vt_catalogue_prepare (self->read_db,
                  "SELECT org, (SELECT count(*) FROM objects WHERE objects.org = o.org),"
                  "  ifnull ((SELECT max (last_sync) FROM streams WHERE streams.org = o.org), 0),"
                  "  ifnull ((SELECT min (complete) FROM streams WHERE streams.org = o.org), 1)"
                  " FROM (SELECT DISTINCT org FROM objects UNION SELECT org FROM streams) AS o"
                  " ORDER BY org", error);
  if (stmt == NULL)
    {
      g_mutex_unlock (&self->read_lock);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VtCatalogueOrgInfo *info = g_new0 (VtCatalogueOrgInfo, 1);

      info->org = column_dup (stmt, 0);
      info->objects = sqlite3_column_int64 (stmt, 1);
      info->last_sync = sqlite3_column_int64 (stmt, 2);
      info->complete = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (orgs, info);
    }
  g_mutex_unlock (&self->read_lock);

  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, _vt_catalogue_db_error (self->read_db, "list"));
      return NULL;
    }

  return g_steal_pointer (&orgs);
}

guint64
_vt_catalogue_count_objects (VtCatalogue *self,
                             const char  *org)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 n = 0;

  g_mutex_lock (&self->read_lock);
  stmt = _vt_catalogue_prepare (self->read_db, "SELECT count(*) FROM objects WHERE ?1 IS NULL OR org = ?1", NULL);
  if (stmt != NULL)
    {
      _vt_catalogue_bind_text (stmt, 1, org);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
    }
  g_mutex_unlock (&self->read_lock);

  return n;
}

gint64
vt_catalogue_get_size_bytes (VtCatalogue *self)
{
  static const char * const suffixes[] = { "", "-wal", NULL };
  gint64 total = 0;
  guint i;

  g_return_val_if_fail (VT_IS_CATALOGUE (self), 0);

  for (i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0)
        total += st.st_size;
    }
  return total;
}

static gboolean
run_in_transaction (VtCatalogue  *self,
                    const char   *sql,
                    const char   *arg,
                    GError      **error)
{
  gboolean ok = FALSE;
  const char *tail = sql;

  g_mutex_lock (&self->write_lock);
  if (!_vt_catalogue_exec (self->write_db, "BEGIN IMMEDIATE", error))
    goto out;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *one = NULL;

      if (sqlite3_prepare_v2 (self->write_db, tail, -1, &one, &tail) != SQLITE_OK)
        {
          g_propagate_error (error, _vt_catalogue_db_error (self->write_db, sql));
          goto rollback;
        }
      if (one == NULL)
        break;
      if (sqlite3_bind_parameter_count (one) > 0)
        _vt_catalogue_bind_text (one, 1, arg);
      if (sqlite3_step (one) != SQLITE_DONE)
        {
          g_propagate_error (error, _vt_catalogue_db_error (self->write_db, sql));
          sqlite3_finalize (one);
          goto rollback;
        }
      sqlite3_finalize (one);
    }

  ok = _vt_catalogue_exec (self->write_db, "COMMIT", error);
  if (ok)
    goto out;

rollback:
  sqlite3_exec (self->write_db, "ROLLBACK", NULL, NULL, NULL);
out:
  g_mutex_unlock (&self->write_lock);
  return ok;
}

gboolean
vt_catalogue_remove_org (VtCatalogue  *self,
                         const char   *org,
                         GError      **error)
{
  g_return_val_if_fail (VT_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (org != NULL, FALSE);

  return run_in_transaction (self,
                             "DELETE FROM objects WHERE org = ?1;"
                             "DELETE FROM immutable_pages WHERE stream IN (SELECT stream FROM streams WHERE org = ?1);"
                             "DELETE FROM frontier WHERE stream IN (SELECT stream FROM streams WHERE org = ?1);"
                             "DELETE FROM visited WHERE stream IN (SELECT stream FROM streams WHERE org = ?1);"
                             "DELETE FROM streams WHERE org = ?1;",
                             org, error);
}

sqlite3 *
_vt_catalogue_lock_writer (VtCatalogue *self)
{
  g_mutex_lock (&self->write_lock);
  return self->write_db;
}

void
_vt_catalogue_unlock_writer (VtCatalogue *self)
{
  g_mutex_unlock (&self->write_lock);
}
