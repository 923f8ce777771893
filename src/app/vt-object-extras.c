/* vt-object-extras.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-viewing"

#include "config.h"

#include "vt-object-extras.h"

/* What is shown beside the object's document, fetched on the side: the
 * provider's logo, and what the local catalogue knows of a Ghent object.
 * VtViewing owns one per object on screen and passes its cancellable, so
 * a late answer for an object that is gone changes nothing. Neither is
 * worth troubling the user about when it cannot be had. */

#define LOGO_SIZE 256

struct _VtObjectExtras
{
  GObject            parent_instance;

  VtSession         *session;
  GdkPaintable      *logo;
  VtCatalogueRecord *record;
};

G_DEFINE_FINAL_TYPE (VtObjectExtras, vt_object_extras, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOGO,
  PROP_CATALOGUE_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
logo_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VtObjectExtras) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = vt_session_load_image_finish (VT_SESSION (object), result, &error);

  /* A logo that cannot be shown leaves the provider's name, which is
   * enough: no need to trouble the user about it. */
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No logo: %s", error->message);
      return;
    }

  g_set_object (&self->logo, GDK_PAINTABLE (texture));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO]);
}

static void
record_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VtObjectExtras) self = user_data;
  g_autoptr(GError) error = NULL;
  VtCatalogueRecord *record = vt_session_lookup_record_finish (VT_SESSION (object), result, &error);

  /* Most objects are simply not in the catalogue (not synced): nothing to
   * say to the user. A cancelled lookup belongs to an object that is gone. */
  if (record == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_NOT_FOUND))
        g_debug ("No catalogue record: %s", error->message);
      return;
    }

  g_clear_pointer (&self->record, vt_catalogue_record_unref);
  self->record = record;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE_RECORD]);
}

static void
vt_object_extras_finalize (GObject *object)
{
  VtObjectExtras *self = VT_OBJECT_EXTRAS (object);

  g_clear_object (&self->session);
  g_clear_object (&self->logo);
  g_clear_pointer (&self->record, vt_catalogue_record_unref);

  G_OBJECT_CLASS (vt_object_extras_parent_class)->finalize (object);
}

static void
vt_object_extras_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VtObjectExtras *self = VT_OBJECT_EXTRAS (object);

  switch (prop_id)
    {
    case PROP_LOGO:
      g_value_set_object (value, self->logo);
      break;
    case PROP_CATALOGUE_RECORD:
      g_value_set_boxed (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_object_extras_class_init (VtObjectExtrasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = vt_object_extras_finalize;
  object_class->get_property = vt_object_extras_get_property;

  properties[PROP_LOGO] = g_param_spec_object ("logo", NULL, NULL, GDK_TYPE_PAINTABLE, ro);
  properties[PROP_CATALOGUE_RECORD] =
    g_param_spec_boxed ("catalogue-record", NULL, NULL, VT_TYPE_CATALOGUE_RECORD, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_object_extras_init (VtObjectExtras *self)
{
}

VtObjectExtras *
vt_object_extras_new (VtSession *session)
{
  VtObjectExtras *self;

  g_return_val_if_fail (VT_IS_SESSION (session), NULL);

  self = g_object_new (VT_TYPE_OBJECT_EXTRAS, NULL);
  self->session = g_object_ref (session);
  return self;
}

/**
 * vt_object_extras_load_logo:
 * @url: (nullable): the provider's logo, from the manifest
 */
void
vt_object_extras_load_logo (VtObjectExtras *self,
                            const char     *url,
                            GCancellable   *cancellable)
{
  g_return_if_fail (VT_IS_OBJECT_EXTRAS (self));

  if (url != NULL)
    vt_session_load_image_async (self->session, url, LOGO_SIZE, cancellable,
                                 logo_loaded_cb, g_object_ref (self));
}

/**
 * vt_object_extras_lookup_record:
 *
 * Looks the Ghent object @target names up in the local catalogue (off the
 * main thread), once; other targets have no record.
 */
void
vt_object_extras_lookup_record (VtObjectExtras *self,
                                const VtTarget *target,
                                GCancellable   *cancellable)
{
  g_return_if_fail (VT_IS_OBJECT_EXTRAS (self));
  g_return_if_fail (target != NULL);

  if (self->record != NULL || target->kind != VT_TARGET_GHENT ||
      target->organisation == NULL || target->number == NULL ||
      vt_session_get_catalogue (self->session) == NULL)
    return;

  vt_session_lookup_record_async (self->session, target->organisation, target->number,
                                  cancellable, record_found_cb, g_object_ref (self));
}

GdkPaintable *
vt_object_extras_get_logo (VtObjectExtras *self)
{
  g_return_val_if_fail (VT_IS_OBJECT_EXTRAS (self), NULL);
  return self->logo;
}

VtCatalogueRecord *
vt_object_extras_get_record (VtObjectExtras *self)
{
  g_return_val_if_fail (VT_IS_OBJECT_EXTRAS (self), NULL);
  return self->record;
}
