/* vt-manifest-rows.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-manifest-rows"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-credit.h"
#include "vt-iiif-private.h"
#include "vt-manifest-rows.h"
#include "vt-markup.h"
#include "vt-nav-rows.h"
#include "vt-rights.h"

/* What a manifest says about its object, as the rows a sidebar shows:
 * pairs of a label (plain text) and a value (label markup, see
 * vt-markup.h), in the order shown, as one NULL-terminated array
 * "label, markup, label, markup, …". Which IIIF property gives which row,
 * and what it is called, is decided here, so that it is tested under
 * valgrind and fuzzed with the rest of the core; the sidebar only shows the
 * rows. @languages is the user's languages, best first, as
 * vt_language_map_lookup() takes them. */

/* A label's text in the best language: its values joined, blanks around
 * them dropped, %NULL when nothing is left. Labels are plain text: HTML in
 * them is shown as written. The place rows name their features so too. */
char *
_vt_language_map_dup_label (VtLanguageMap      *map,
                            const char * const *languages)
{
  const char * const *values = vt_language_map_lookup (map, languages);
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return NULL;
  joined = g_strjoinv (" ", (char **) values);
  g_strstrip (joined);
  return joined[0] != '\0' ? g_steal_pointer (&joined) : NULL;
}

static char *
dup_value (VtLanguageMap      *map,
           const char * const *languages)
{
  return vt_markup_from_values (vt_language_map_lookup (map, languages));
}

/* An attribution's values with Ghent's English prefixes ("rightsholder:
 * …, photographer: …") made labels in the user's language, one part a
 * line (vt-credit.h). A value with markup in it is left as written. */
static char *
dup_attribution (VtLanguageMap      *map,
                 const char * const *languages)
{
  const char * const *values = vt_language_map_lookup (map, languages);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) credits = NULL;

      if (strchr (values[i], '<') != NULL)
        {
          g_strv_builder_add (lines, values[i]);
          continue;
        }
      credits = vt_credits_parse (values[i]);
      for (guint j = 0; j < credits->len; j++)
        {
          VtCredit *credit = g_ptr_array_index (credits, j);
          const char *label = vt_credit_kind_get_label (credit->kind);

          g_autofree char *line = NULL;

          if (label != NULL)
            /* Translators: a part of an image's credit: its label (such as
             * "Photographer") and the name it credits */
            line = g_strdup_printf (_("%s: %s"), label, credit->text);
          g_strv_builder_add (lines, line != NULL ? line : credit->text);
        }
    }
  shown = g_strv_builder_end (lines);
  return vt_markup_from_values ((const char * const *) shown);
}

/* Adds a row; takes @markup over. */
static void
add_row (GStrvBuilder *rows,
         const char   *label,
         char         *markup)
{
  g_strv_builder_add (rows, label);
  g_strv_builder_add (rows, markup);
  g_free (markup);
}

/* The pairs of @metadata with a value, in order. */
static void
add_metadata_rows (GStrvBuilder       *rows,
                   GPtrArray          *metadata,
                   const char * const *languages)
{
  for (guint i = 0; metadata != NULL && i < metadata->len; i++)
    {
      VtMetadataEntry *entry = g_ptr_array_index (metadata, i);
      g_autofree char *label = _vt_language_map_dup_label (entry->label, languages);
      char *markup = dup_value (entry->value, languages);

      if (markup != NULL)
        add_row (rows, label != NULL ? label : "", markup);
    }
}

/**
 * vt_manifest_dup_title:
 *
 * Returns: (transfer full) (nullable): the manifest's label as plain text,
 *   or %NULL when it has none
 */
char *
vt_manifest_dup_title (const VtManifest   *self,
                       const char * const *languages)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _vt_language_map_dup_label (self->label, languages);
}

/**
 * vt_manifest_dup_metadata_rows:
 *
 * The metadata pairs, in order; a pair without a value is left out.
 *
 * Returns: (transfer full): label, markup, … (see the top of this file)
 */
char **
vt_manifest_dup_metadata_rows (const VtManifest   *self,
                               const char * const *languages)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  add_metadata_rows (rows, self->metadata, languages);
  return g_strv_builder_end (rows);
}

/**
 * vt_manifest_dup_place_rows:
 *
 * Where and when the object is: a "Place" row for each feature of its
 * navPlace (its label and its coordinates, linked to OpenStreetMap; only
 * so many), and a "Date" row for its navDate. A page's own are in
 * vt_manifest_dup_page_rows().
 *
 * Returns: (transfer full): label, markup, … (see the top of this file)
 */
char **
vt_manifest_dup_place_rows (const VtManifest   *self,
                            const char * const *languages)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  vt_nav_rows_add (rows, self->nav_place, self->nav_date, languages);
  return g_strv_builder_end (rows);
}

/**
 * vt_manifest_dup_rights_rows:
 * @canvas_index: the page on screen
 *
 * The attribution (required statement) and the rights for one page, as
 * vt_manifest_get_canvas_required_statement() and
 * vt_manifest_get_canvas_rights() find them: Ghent names the licence and
 * the rights holder per image, and the pages of one object can differ. A
 * known rights URI is shown by its name, linked to its page.
 *
 * Returns: (transfer full): label, markup, … (see the top of this file)
 */
char **
vt_manifest_dup_rights_rows (const VtManifest   *self,
                             guint               canvas_index,
                             const char * const *languages)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();
  VtMetadataEntry *statement;
  const char *rights;

  g_return_val_if_fail (self != NULL, NULL);

  statement = vt_manifest_get_canvas_required_statement (self, canvas_index);
  rights = vt_manifest_get_canvas_rights (self, canvas_index);

  if (statement != NULL)
    {
      g_autofree char *label = _vt_language_map_dup_label (statement->label, languages);
      char *markup = dup_attribution (statement->value, languages);

      if (markup != NULL)
        add_row (rows, label != NULL ? label : _("Attribution"), markup);
    }

  if (rights != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *link = NULL;
      gboolean known = vt_rights_describe (rights, &name, &link) != VT_RIGHTS_UNKNOWN;

      /* Translators: the licence or rights statement of the object */
      add_row (rows, _("Rights"), known ? vt_markup_link (link, name) : vt_markup_link (rights, rights));
    }
  return g_strv_builder_end (rows);
}

/**
 * vt_manifest_dup_provider_rows:
 *
 * One row for each provider with a name or a homepage: the name, linked to
 * the first homepage that may be opened.
 *
 * Returns: (transfer full): label, markup, … (see the top of this file)
 */
char **
vt_manifest_dup_provider_rows (const VtManifest   *self,
                               const char * const *languages)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->provider != NULL && i < self->provider->len; i++)
    {
      VtAgent *agent = g_ptr_array_index (self->provider, i);
      g_autofree char *name = _vt_language_map_dup_label (agent->label, languages);
      const char *homepage = NULL;

      for (guint j = 0; agent->homepage != NULL && j < agent->homepage->len && homepage == NULL; j++)
        {
          VtResource *page = g_ptr_array_index (agent->homepage, j);

          if (vt_markup_is_openable_uri (page->id))
            homepage = page->id;
        }

      if (name == NULL && homepage == NULL)
        continue;
      /* Translators: the institution that publishes the object */
      add_row (rows, _("Institution"),
               homepage != NULL ? vt_markup_link (homepage, name) : g_markup_escape_text (name, -1));
    }
  return g_strv_builder_end (rows);
}

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return text != NULL && g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
contains_ci (const char *text,
             const char *part)
{
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;
  lower = g_ascii_strdown (text, -1);
  return strstr (lower, part) != NULL;
}

/* What a link elsewhere leads to, by its format, profile or address, for
 * a curator who does not read media types: "Alternative Format" says
 * nothing about Ghent's LDES record. @fallback when nothing is known. */
static const char *
link_kind_label (const VtResource *resource,
                 const char       *fallback,
                 gboolean          homepage)
{
  const char *format = resource->format;
  const char *profile = resource->profile;

  /* Ghent's rendering: the object's record in the city's linked data
   * event stream, stad.gent/id/mensgemaaktobject/<org>/<priref>/<time>. */
  if (contains_ci (profile, "ldes") || contains_ci (resource->id, "://stad.gent/id/"))
    /* Translators: a link to the object's record as linked data, in Ghent's
     * event stream (LDES, Linked Data Event Stream) */
    return _("Linked Data Record (LDES)");
  if (has_prefix_ci (format, "application/ld+json") || has_prefix_ci (format, "text/turtle") ||
      has_prefix_ci (format, "application/rdf+xml") || has_prefix_ci (format, "application/n-triples"))
    /* Translators: a link to a description of the object as linked data */
    return _("Linked Data Record");
  if (has_prefix_ci (format, "application/pdf"))
    /* Translators: a link to the object as a PDF document */
    return _("PDF Document");
  /* A homepage is a web page anyway: "Homepage" says more. */
  if (has_prefix_ci (format, "text/html") && !homepage)
    /* Translators: a link to a web page about the object */
    return _("Web Page");
  if (contains_ci (profile, "marc"))
    /* Translators: a link to a library catalogue record (MARC) */
    return _("Catalogue Record (MARC)");
  if (contains_ci (profile, "mods") || contains_ci (profile, "dublin") ||
      contains_ci (profile, "purl.org/dc") || contains_ci (profile, "lido") ||
      has_prefix_ci (format, "application/xml") || has_prefix_ci (format, "text/xml"))
    /* Translators: a link to a machine-readable description of the object
     * (an XML record such as MODS, LIDO or Dublin Core) */
    return _("Catalogue Record (XML)");
  if (has_prefix_ci (format, "application/json"))
    /* Translators: a link to a machine-readable description of the object */
    return _("Data Record (JSON)");
  if (has_prefix_ci (format, "image/"))
    /* Translators: a link to an image file of the object */
    return _("Image File");
  if (has_prefix_ci (format, "text/plain"))
    /* Translators: a link to the object's text, such as a transcription */
    return _("Text");
  return fallback;
}

static void
add_resource_rows (GStrvBuilder       *rows,
                   GPtrArray          *resources,
                   const char         *label,
                   gboolean            homepage,
                   const char * const *languages)
{
  for (guint i = 0; resources != NULL && i < resources->len; i++)
    {
      VtResource *resource = g_ptr_array_index (resources, i);
      g_autofree char *text = NULL;

      if (resource->id == NULL)
        continue;
      text = _vt_language_map_dup_label (resource->label, languages);
      add_row (rows, link_kind_label (resource, label, homepage), vt_markup_link (resource->id, text));
    }
}

/**
 * vt_manifest_dup_link_rows:
 *
 * The manifest's links elsewhere: its homepages, alternative formats
 * (`rendering`) and machine-readable descriptions (`seeAlso`), by their
 * labels where they have them. Each row is labelled by what it leads to
 * where its format, profile or address tells (a PDF, a linked data
 * record, …), else by the property it comes from.
 *
 * Returns: (transfer full): label, markup, … (see the top of this file)
 */
char **
vt_manifest_dup_link_rows (const VtManifest   *self,
                           const char * const *languages)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  add_resource_rows (rows, self->homepage, _("Homepage"), TRUE, languages);
  /* Translators: another form of the object, such as a PDF or a record */
  add_resource_rows (rows, self->rendering, _("Alternative Format"), FALSE, languages);
  /* Translators: a machine-readable description of the object elsewhere */
  add_resource_rows (rows, self->see_also, _("See Also"), FALSE, languages);
  return g_strv_builder_end (rows);
}

/**
 * vt_manifest_dup_page_rows:
 * @canvas_index: the page on screen
 *
 * What the canvas at @canvas_index says of itself alone (IIIF allows
 * descriptive properties on every resource: cookbook 0029, a video's
 * transcript in 0017): its summary, its metadata pairs and its links
 * (homepages, `rendering`, `seeAlso`, labelled by what they lead to as in
 * vt_manifest_dup_link_rows()), and where and when it is (its navPlace and
 * navDate, as in vt_manifest_dup_place_rows()), headed by its label. Its rights and
 * required statement are in vt_manifest_dup_rights_rows(). A page that
 * says nothing but its label gives no rows: the label alone is already in
 * the page strip and the status.
 *
 * Returns: (transfer full): label, markup, … (see the top of this file);
 *   empty past the last canvas
 */
char **
vt_manifest_dup_page_rows (const VtManifest   *self,
                           guint               canvas_index,
                           const char * const *languages)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) body = g_strv_builder_new ();
  g_auto(GStrv) said = NULL;
  VtCanvas *canvas;
  g_autofree char *name = NULL;
  char *summary;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->canvases == NULL || canvas_index >= self->canvases->len)
    return g_strv_builder_end (rows);
  canvas = g_ptr_array_index (self->canvases, canvas_index);

  summary = dup_value (canvas->summary, languages);
  if (summary != NULL)
    /* Translators: what the page on screen is about (its IIIF summary) */
    add_row (body, _("Summary"), summary);
  add_metadata_rows (body, canvas->metadata, languages);
  add_resource_rows (body, canvas->homepage, _("Homepage"), TRUE, languages);
  add_resource_rows (body, canvas->rendering, _("Alternative Format"), FALSE, languages);
  add_resource_rows (body, canvas->see_also, _("See Also"), FALSE, languages);
  vt_nav_rows_add (body, canvas->nav_place, canvas->nav_date, languages);
  said = g_strv_builder_end (body);
  if (said[0] == NULL)
    return g_strv_builder_end (rows);

  name = _vt_language_map_dup_label (canvas->label, languages);
  if (name != NULL)
    /* Translators: the name of the page (canvas) on screen, such as
     * "X-ray view" or "p. 12" */
    add_row (rows, _("Page"), g_markup_escape_text (name, -1));
  g_strv_builder_addv (rows, (const char **) said);
  return g_strv_builder_end (rows);
}
