/* vt-annotation-page.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-iiif-private.h"

static void
vt_annotation_page_clear (VtAnnotationPage *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
}

VT_DEFINE_RC (VtAnnotationPage, vt_annotation_page, vt_annotation_page_clear)
G_DEFINE_BOXED_TYPE (VtAnnotationPage, vt_annotation_page, vt_annotation_page_ref, vt_annotation_page_unref)

VtAnnotationPage *
vt_annotation_page_new (void)
{
  VtAnnotationPage *self = g_atomic_rc_box_new0 (VtAnnotationPage);

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_annotation_unref);
  return self;
}

/**
 * vt_annotation_page_load:
 * @bytes: the fetched document: a v3 AnnotationPage or a v2 AnnotationList
 *
 * Fills a page that was only referenced (@loaded %FALSE) with the
 * annotations of the fetched document. A page already loaded is left as
 * it is.
 *
 * Returns: %TRUE on success; on error (%VT_IIIF_ERROR) @self is unchanged
 */
gboolean
vt_annotation_page_load (VtAnnotationPage  *self,
                         GBytes            *bytes,
                         GError           **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(VtAnnotationPage) page = vt_annotation_page_new ();
  VtParseContext ctx;
  guint budget = VT_IIIF_MAX_ANNOTATIONS;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->loaded)
    return TRUE;

  root = vt_json_parse_bytes (bytes, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                   _("The document is not an annotation page"));
      return FALSE;
    }

  vt_parse_context_init (&ctx, self->id);
  ok = vt_annotation_page_fill (&ctx, page, json_node_get_object (root), &budget);
  vt_parse_context_clear (&ctx);
  if (!ok)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                   _("The document is not an annotation page"));
      return FALSE;
    }

  if (self->label == NULL)
    self->label = g_steal_pointer (&page->label);
  if (self->id == NULL)
    self->id = g_steal_pointer (&page->id);
  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&page->items));
  page->items = g_ptr_array_new ();
  self->n_skipped += page->n_skipped;
  self->loaded = TRUE;
  return TRUE;
}

/**
 * vt_annotation_page_new_from_bytes:
 * @uri: (nullable): where it came from (the page's id if it has none)
 *
 * Returns: (transfer full) (nullable): the annotation page, or %NULL with
 *   @error set (%VT_IIIF_ERROR)
 */
VtAnnotationPage *
vt_annotation_page_new_from_bytes (GBytes      *bytes,
                                   const char  *uri,
                                   GError     **error)
{
  g_autoptr(VtAnnotationPage) self = vt_annotation_page_new ();

  g_return_val_if_fail (bytes != NULL, NULL);

  self->id = g_strdup (uri);
  if (!vt_annotation_page_load (self, bytes, error))
    return NULL;
  return g_steal_pointer (&self);
}
