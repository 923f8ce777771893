/* vt-navigation.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-navigation"

#include "config.h"

#include "vt-navigation.h"

/* Which object a window shows, and how the user moves between objects:
 * opening makes a new VtViewing in place of the one on screen, Esc while it
 * loads brings the previous one back whole, and Back and Forward walk the
 * history of what was shown. It holds no widget, so all of it is tested
 * without a display. */

struct _VtNavigation
{
  GObject       parent_instance;

  VtSession    *session;
  VtHistory    *history;

  /* The object on screen, and while it loads, the one shown before it. */
  VtViewing    *viewing;
  VtViewing    *previous;
  gulong        state_handler;
};

G_DEFINE_FINAL_TYPE (VtNavigation, vt_navigation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VIEWING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
viewing_state_changed_cb (VtNavigation *self)
{
  VtViewingState state = vt_viewing_get_state (self->viewing);
  const char *location = vt_viewing_get_location (self->viewing);

  if (state == VT_VIEWING_LOADING || state == VT_VIEWING_CANCELLED)
    return;

  /* Once the new object has arrived, or failed, Esc has nothing to bring
   * back; Back does that, from the history. */
  g_clear_object (&self->previous);

  if (location != NULL)
    vt_history_push (self->history, location);
}

static void
set_viewing (VtNavigation *self,
             VtViewing    *viewing)
{
  if (self->viewing == viewing)
    return;

  g_clear_signal_handler (&self->state_handler, self->viewing);
  g_set_object (&self->viewing, viewing);
  if (viewing != NULL)
    self->state_handler = g_signal_connect_object (viewing, "notify::state",
                                                   G_CALLBACK (viewing_state_changed_cb), self,
                                                   G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEWING]);
}

static VtViewing *
open_viewing (VtNavigation *self,
              VtViewing    *viewing,
              gboolean      reload)
{
  /* A load replaced by another load leaves the object shown before both
   * as the one Esc returns to. */
  if (self->viewing != NULL && vt_viewing_is_loading (self->viewing))
    vt_viewing_cancel (self->viewing);
  else
    g_set_object (&self->previous, self->viewing);

  set_viewing (self, viewing);
  vt_viewing_load (viewing, reload);

  /* Input that named nothing has failed already, without a notification. */
  if (!vt_viewing_is_loading (viewing))
    viewing_state_changed_cb (self);

  return viewing;
}

/**
 * vt_navigation_open:
 * @input: an object number, a manifest URL, a IIIF link or a file
 * @default_organisation: (nullable): the organisation a bare number belongs to
 *
 * Opens @input as the new object on screen.
 *
 * Returns: (transfer none): the new object on screen
 */
VtViewing *
vt_navigation_open (VtNavigation *self,
                    const char   *input,
                    const char   *default_organisation)
{
  g_autoptr(VtViewing) viewing = NULL;

  g_return_val_if_fail (VT_IS_NAVIGATION (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  viewing = vt_viewing_new (self->session, input, default_organisation);

  return open_viewing (self, viewing, FALSE);
}

/**
 * vt_navigation_reload:
 *
 * Opens the object on screen again, past the caches: what Retry does.
 *
 * Returns: (transfer none) (nullable): the new object on screen, or %NULL
 *   when there is nothing to reload
 */
VtViewing *
vt_navigation_reload (VtNavigation *self)
{
  g_autoptr(VtViewing) viewing = NULL;
  const VtTarget *target;

  g_return_val_if_fail (VT_IS_NAVIGATION (self), NULL);

  if (self->viewing == NULL || self->session == NULL)
    return NULL;

  target = vt_viewing_get_target (self->viewing);
  viewing = vt_viewing_new (self->session,
                            target ? target->location : vt_viewing_get_input (self->viewing),
                            target ? target->organisation : NULL);

  return open_viewing (self, viewing, TRUE);
}

/**
 * vt_navigation_cancel:
 *
 * Stops loading, and brings back the object that was on screen before.
 *
 * Returns: %TRUE if something was loading
 */
gboolean
vt_navigation_cancel (VtNavigation *self)
{
  g_autoptr(VtViewing) previous = NULL;

  g_return_val_if_fail (VT_IS_NAVIGATION (self), FALSE);

  if (self->viewing == NULL || !vt_viewing_is_loading (self->viewing))
    return FALSE;

  vt_viewing_cancel (self->viewing);
  previous = g_steal_pointer (&self->previous);
  set_viewing (self, previous);

  return TRUE;
}

static gboolean
go_to (VtNavigation *self,
       const char   *location)
{
  g_autoptr(VtViewing) viewing = NULL;

  if (location == NULL || self->session == NULL)
    return FALSE;

  /* Locations are resolved as they were recorded: a Ghent location names
   * its organisation. */
  viewing = vt_viewing_new (self->session, location, NULL);
  open_viewing (self, viewing, FALSE);

  return TRUE;
}

gboolean
vt_navigation_go_back (VtNavigation *self)
{
  g_return_val_if_fail (VT_IS_NAVIGATION (self), FALSE);

  return go_to (self, vt_history_go_back (self->history));
}

gboolean
vt_navigation_go_forward (VtNavigation *self)
{
  g_return_val_if_fail (VT_IS_NAVIGATION (self), FALSE);

  return go_to (self, vt_history_go_forward (self->history));
}

static void
vt_navigation_dispose (GObject *object)
{
  VtNavigation *self = VT_NAVIGATION (object);

  if (self->viewing != NULL)
    vt_viewing_cancel (self->viewing);
  g_clear_signal_handler (&self->state_handler, self->viewing);
  g_clear_object (&self->viewing);
  g_clear_object (&self->previous);

  G_OBJECT_CLASS (vt_navigation_parent_class)->dispose (object);
}

static void
vt_navigation_finalize (GObject *object)
{
  VtNavigation *self = VT_NAVIGATION (object);

  g_clear_object (&self->session);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (vt_navigation_parent_class)->finalize (object);
}

static void
vt_navigation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VtNavigation *self = VT_NAVIGATION (object);

  switch (prop_id)
    {
    case PROP_VIEWING:
      g_value_set_object (value, self->viewing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_navigation_class_init (VtNavigationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_navigation_dispose;
  object_class->finalize = vt_navigation_finalize;
  object_class->get_property = vt_navigation_get_property;

  /**
   * VtNavigation:viewing:
   *
   * The object on screen (or loading), or %NULL before anything was opened.
   */
  properties[PROP_VIEWING] =
    g_param_spec_object ("viewing", NULL, NULL, VT_TYPE_VIEWING,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_navigation_init (VtNavigation *self)
{
  self->history = vt_history_new ();
}

/**
 * vt_navigation_new:
 * @session: (nullable): what the objects opened share; may come later,
 *   see vt_navigation_set_session()
 */
VtNavigation *
vt_navigation_new (VtSession *session)
{
  VtNavigation *self = g_object_new (VT_TYPE_NAVIGATION, NULL);

  if (session != NULL)
    vt_navigation_set_session (self, session);

  return self;
}

VtSession *
vt_navigation_get_session (VtNavigation *self)
{
  g_return_val_if_fail (VT_IS_NAVIGATION (self), NULL);

  return self->session;
}

void
vt_navigation_set_session (VtNavigation *self,
                           VtSession    *session)
{
  g_return_if_fail (VT_IS_NAVIGATION (self));
  g_return_if_fail (!session || VT_IS_SESSION (session));

  g_set_object (&self->session, session);
}

/**
 * vt_navigation_get_viewing:
 *
 * Returns: (transfer none) (nullable): the object on screen, or loading
 */
VtViewing *
vt_navigation_get_viewing (VtNavigation *self)
{
  g_return_val_if_fail (VT_IS_NAVIGATION (self), NULL);

  return self->viewing;
}

VtHistory *
vt_navigation_get_history (VtNavigation *self)
{
  g_return_val_if_fail (VT_IS_NAVIGATION (self), NULL);

  return self->history;
}
