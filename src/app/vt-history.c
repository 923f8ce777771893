/* vt-history.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-history"

#include "config.h"

#include "vt-history.h"

/* A browser's Back/Forward: a list of the locations loaded in one window
 * and a cursor into it. Going somewhere new from the middle drops what lay
 * ahead, as every browser does. */
#define MAX_ENTRIES 100

struct _VtHistory
{
  GObject    parent_instance;

  GPtrArray *entries;
  int        position;
};

G_DEFINE_FINAL_TYPE (VtHistory, vt_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vt_history_notify_all (VtHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

static void
vt_history_finalize (GObject *object)
{
  VtHistory *self = VT_HISTORY (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_history_parent_class)->finalize (object);
}

static void
vt_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VtHistory *self = VT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, vt_history_get_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, vt_history_get_can_go_forward (self));
      break;

    case PROP_CURRENT:
      g_value_set_string (value, vt_history_get_current (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_history_class_init (VtHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_history_finalize;
  object_class->get_property = vt_history_get_property;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENT] =
    g_param_spec_string ("current", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_history_init (VtHistory *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_free);
  self->position = -1;
}

VtHistory *
vt_history_new (void)
{
  return g_object_new (VT_TYPE_HISTORY, NULL);
}

/**
 * vt_history_push:
 * @location: what was loaded, as it can be loaded again
 *
 * Records a new location after the current one. Loading the current location
 * again (a reload, a retry) records nothing.
 */
void
vt_history_push (VtHistory  *self,
                 const char *location)
{
  g_return_if_fail (VT_IS_HISTORY (self));
  g_return_if_fail (location != NULL);

  if (g_strcmp0 (vt_history_get_current (self), location) == 0)
    return;

  if (self->position + 1 < (int) self->entries->len)
    g_ptr_array_remove_range (self->entries, self->position + 1,
                              self->entries->len - (self->position + 1));

  g_ptr_array_add (self->entries, g_strdup (location));
  if (self->entries->len > MAX_ENTRIES)
    g_ptr_array_remove_index (self->entries, 0);
  self->position = self->entries->len - 1;

  vt_history_notify_all (self);
}

const char *
vt_history_get_current (VtHistory *self)
{
  g_return_val_if_fail (VT_IS_HISTORY (self), NULL);

  if (self->position < 0)
    return NULL;

  return g_ptr_array_index (self->entries, self->position);
}

gboolean
vt_history_get_can_go_back (VtHistory *self)
{
  g_return_val_if_fail (VT_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
vt_history_get_can_go_forward (VtHistory *self)
{
  g_return_val_if_fail (VT_IS_HISTORY (self), FALSE);

  return self->position + 1 < (int) self->entries->len;
}

/**
 * vt_history_go_back:
 *
 * Returns: (nullable): the location now current, or %NULL at the start
 */
const char *
vt_history_go_back (VtHistory *self)
{
  g_return_val_if_fail (VT_IS_HISTORY (self), NULL);

  if (!vt_history_get_can_go_back (self))
    return NULL;

  self->position--;
  vt_history_notify_all (self);

  return vt_history_get_current (self);
}

/**
 * vt_history_go_forward:
 *
 * Returns: (nullable): the location now current, or %NULL at the end
 */
const char *
vt_history_go_forward (VtHistory *self)
{
  g_return_val_if_fail (VT_IS_HISTORY (self), NULL);

  if (!vt_history_get_can_go_forward (self))
    return NULL;

  self->position++;
  vt_history_notify_all (self);

  return vt_history_get_current (self);
}
