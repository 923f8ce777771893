/* vt-range.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-range"

#include "config.h"

#include <string.h>

#include "vt-iiif-private.h"

static void
vt_range_clear (VtRange *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->behavior, g_strfreev);
  g_clear_pointer (&self->thumbnail, g_ptr_array_unref);
  g_clear_pointer (&self->start_selector, vt_selector_unref);
}

VT_DEFINE_RC (VtRange, vt_range, vt_range_clear)

VtRange *
vt_range_new (void)
{
  VtRange *self = g_atomic_rc_box_new0 (VtRange);

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_range_item_free);
  self->behavior = g_new0 (char *, 1);
  self->thumbnail = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_resource_unref);
  return self;
}

/* Takes a reference on @range. */
VtRangeItem *
vt_range_item_new_range (VtRange *range)
{
  VtRangeItem *item = g_new0 (VtRangeItem, 1);

  item->range = vt_range_ref (range);
  return item;
}

VtRangeItem *
vt_range_item_new_canvas (const char *canvas_uri)
{
  VtRangeItem *item = g_new0 (VtRangeItem, 1);

  const char *hash = canvas_uri != NULL ? strchr (canvas_uri, '#') : NULL;
  g_autoptr(VtSelector) fragment = hash != NULL ? vt_selector_new_from_fragment (hash + 1) : NULL;

  item->canvas_id = vt_iiif_split_fragment (canvas_uri, &item->region, &item->has_region);
  item->time_end = -1;
  if (fragment != NULL && fragment->has_time)
    {
      item->has_time = TRUE;
      item->time_start = fragment->time_start;
      item->time_end = fragment->time_end;
    }
  return item;
}

void
vt_range_item_free (VtRangeItem *item)
{
  g_clear_pointer (&item->range, vt_range_unref);
  g_clear_pointer (&item->canvas_id, g_free);
  g_free (item);
}

gboolean
vt_range_has_behavior (const VtRange *self,
                       const char    *behavior)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->behavior != NULL && g_strv_contains ((const char * const *) self->behavior, behavior);
}

/**
 * vt_range_is_navigable:
 *
 * Returns: whether the range belongs in a table of contents: it has a
 *   label and is neither "no-nav" nor "thumbnail-nav"
 */
gboolean
vt_range_is_navigable (const VtRange *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return !vt_language_map_is_empty (self->label) &&
         !vt_range_has_behavior (self, "no-nav") &&
         !vt_range_has_behavior (self, "thumbnail-nav");
}
