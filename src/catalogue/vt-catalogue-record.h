/* vt-catalogue-record.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  char *name;   /* "Stockmans, Pieter" */
  char *role;   /* "vervaardiger" as given, or NULL */
} VtCatalogueMaker;

/**
 * VtCatalogueRecord:
 *
 * One object as the catalogue knows it, from the latest version of its
 * LDES member. Any field but @org and @object_number may be %NULL.
 */
typedef struct _VtCatalogueRecord VtCatalogueRecord;
struct _VtCatalogueRecord {
  char *org;            /* "dmg", "hva", "industriemuseum", "stam", "archiefgent" */
  char *object_number;  /* "2008-0038_11-14" */
  char *object_uri;     /* dcterms:isVersionOf */
  char *version_uri;    /* the member's @id */
  char *generated_at;   /* prov:generatedAtTime, ISO 8601 */
  char *title;
  char *description;
  GPtrArray *makers;    /* VtCatalogueMaker*, never NULL */
  char *date;           /* as given, e.g. EDTF "1998/1998" */
  char *object_type;
  char *material;
  char *dimensions;     /* readable text, e.g. "hoogte 12 cm; breedte 3 cm" */
  char *collection;
  char *manifest_url;
  char *web_url;        /* public web page, e.g. https://data.collectie.gent/entity/dmg:2008-0038_11-14 */
  char *image_service;  /* IIIF Image API service id, or NULL */
  char *licence;        /* URI, or NULL */
};

#define VT_TYPE_CATALOGUE_RECORD (vt_catalogue_record_get_type ())

GType              vt_catalogue_record_get_type        (void) G_GNUC_CONST;
VtCatalogueRecord *vt_catalogue_record_new             (void);
VtCatalogueRecord *vt_catalogue_record_ref             (VtCatalogueRecord       *self);
void               vt_catalogue_record_unref           (VtCatalogueRecord       *self);
VtCatalogueRecord *vt_catalogue_record_new_from_member (JsonObject              *member,
                                                        const char              *org,
                                                        GError                 **error);
char              *vt_catalogue_record_to_json         (const VtCatalogueRecord *self);
void               vt_catalogue_record_add_maker       (VtCatalogueRecord       *self,
                                                        const char              *name,
                                                        const char              *role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCatalogueRecord, vt_catalogue_record_unref)

G_END_DECLS
