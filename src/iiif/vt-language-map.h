/* vt-language-map.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * VtLanguageMap:
 *
 * A IIIF language map: every language of a label or value with all of its
 * values, in document order. Presentation 2 values (plain strings,
 * `{"@value", "@language"}` objects and arrays of both) are normalised to
 * this v3 shape; untagged values are stored under the key "none" (the v3
 * `@none` spelling is folded into it). Keys are kept as the document spells
 * them otherwise, junk keys ("true", "English") included.
 *
 * Immutable once parsed; reference counted (thread-safe refcount).
 */
typedef struct _VtLanguageMap VtLanguageMap;

#define VT_TYPE_LANGUAGE_MAP (vt_language_map_get_type ())

GType                vt_language_map_get_type      (void) G_GNUC_CONST;
VtLanguageMap       *vt_language_map_new           (void);
VtLanguageMap       *vt_language_map_new_string    (const char          *language,
                                                    const char          *value);
VtLanguageMap       *vt_language_map_ref           (VtLanguageMap       *self);
void                 vt_language_map_unref         (VtLanguageMap       *self);
void                 vt_language_map_add           (VtLanguageMap       *self,
                                                    const char          *language,
                                                    const char          *value);
gboolean             vt_language_map_is_empty      (const VtLanguageMap *self);
guint                vt_language_map_get_n_languages (const VtLanguageMap *self);
const char          *vt_language_map_get_language  (const VtLanguageMap *self,
                                                    guint                index);
const char * const  *vt_language_map_get_values    (const VtLanguageMap *self,
                                                    guint                index);
const char * const  *vt_language_map_lookup        (const VtLanguageMap *self,
                                                    const char * const  *languages);
char                *vt_language_map_dup_string    (const VtLanguageMap *self,
                                                    const char * const  *languages,
                                                    const char          *separator);
char                *vt_language_map_dup_text      (const VtLanguageMap *self,
                                                    const char * const  *languages,
                                                    const char          *separator);
const char          *vt_language_map_get_first     (const VtLanguageMap *self,
                                                    const char * const  *languages);

gboolean             vt_language_tag_equal         (const char          *a,
                                                    const char          *b);
gboolean             vt_language_tag_names_language (const char        *tag);
void                 vt_language_map_add_languages_to (const VtLanguageMap *self,
                                                       GPtrArray           *tags);
int                  vt_language_tag_pick          (const char * const  *tags,
                                                    guint                n_tags,
                                                    const char * const  *preferences);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtLanguageMap, vt_language_map_unref)

G_END_DECLS
