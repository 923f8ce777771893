/* vt-session.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-session"

#include "config.h"

#include <string.h>

#include "canvas/vt-decoder.h"
#include "catalogue/vt-catalogue.h"
#include "net/vt-ghent-catalogue.h"

#include "vt-client-fetcher.h"

#include "vt-session.h"

/* What every object opened in this process shares: one network client (its
 * connections, queue and disk cache), one document loader and one cache of
 * image services, so that the strip, the canvas and every window fetch an
 * info.json once. The application owns the session; a test can make one
 * of its own without a display. */

struct _VtSession
{
  GObject   parent_instance;

  VtClient *client;
  VtLoader *loader;
  VtServiceCache *services;
  VtTileFetcher *fetcher;
  char     *api_base;

  /* The local catalogue of Ghent's objects, when one could be opened. */
  VtCatalogue *catalogue;
};

G_DEFINE_FINAL_TYPE (VtSession, vt_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_API_BASE,
  PROP_CATALOGUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vt_session_finalize (GObject *object)
{
  VtSession *self = VT_SESSION (object);

  g_clear_object (&self->catalogue);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->services);
  g_clear_object (&self->loader);
  g_clear_object (&self->client);
  g_clear_pointer (&self->api_base, g_free);

  G_OBJECT_CLASS (vt_session_parent_class)->finalize (object);
}

static void
vt_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VtSession *self = VT_SESSION (object);

  switch (prop_id)
    {
    case PROP_API_BASE:
      g_value_set_string (value, self->api_base);
      break;

    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VtSession *self = VT_SESSION (object);

  switch (prop_id)
    {
    case PROP_API_BASE:
      vt_session_set_api_base (self, g_value_get_string (value));
      break;

    case PROP_CATALOGUE:
      vt_session_set_catalogue (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_session_class_init (VtSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_session_finalize;
  object_class->get_property = vt_session_get_property;
  object_class->set_property = vt_session_set_property;

  /**
   * VtSession:api-base:
   *
   * The base address of the Ghent API that object numbers resolve against.
   */
  properties[PROP_API_BASE] =
    g_param_spec_string ("api-base", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * VtSession:catalogue:
   *
   * The local catalogue of Ghent's objects (search, enrichment), or %NULL.
   */
  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, VT_TYPE_CATALOGUE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_session_init (VtSession *self)
{
  self->api_base = vt_ghent_get_api_base (NULL);
}

VtSession *
vt_session_new (VtClient *client)
{
  VtSession *self;

  g_return_val_if_fail (VT_IS_CLIENT (client), NULL);

  self = g_object_new (VT_TYPE_SESSION, NULL);
  self->client = g_object_ref (client);
  self->loader = vt_loader_new (client);
  self->services = vt_service_cache_new (client);
  self->fetcher = VT_TILE_FETCHER (vt_client_fetcher_new (client));

  return self;
}

VtClient *
vt_session_get_client (VtSession *self)
{
  g_return_val_if_fail (VT_IS_SESSION (self), NULL);

  return self->client;
}

/**
 * vt_session_get_service_cache:
 *
 * Returns: (transfer none): the image services of the session: thumbnails
 *   and canvases of every window fetch each info.json once
 */
VtServiceCache *
vt_session_get_service_cache (VtSession *self)
{
  g_return_val_if_fail (VT_IS_SESSION (self), NULL);

  return self->services;
}

/**
 * vt_session_get_fetcher:
 *
 * Returns: (transfer none): what the canvases' tile sources fetch through
 */
VtTileFetcher *
vt_session_get_fetcher (VtSession *self)
{
  g_return_val_if_fail (VT_IS_SESSION (self), NULL);

  return self->fetcher;
}

VtLoader *
vt_session_get_loader (VtSession *self)
{
  g_return_val_if_fail (VT_IS_SESSION (self), NULL);

  return self->loader;
}

const char *
vt_session_get_api_base (VtSession *self)
{
  g_return_val_if_fail (VT_IS_SESSION (self), NULL);

  return self->api_base;
}

/**
 * vt_session_set_api_base:
 * @api_base: (nullable): the Ghent API's base address, as the settings
 *   hold it; empty or %NULL for the default (or $VITRINE_GHENT_API)
 */
void
vt_session_set_api_base (VtSession  *self,
                         const char *api_base)
{
  g_autofree char *resolved = NULL;

  g_return_if_fail (VT_IS_SESSION (self));

  resolved = vt_ghent_get_api_base (api_base);
  if (g_strcmp0 (resolved, self->api_base) == 0)
    return;

  g_free (self->api_base);
  self->api_base = g_steal_pointer (&resolved);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_BASE]);
}

/**
 * vt_session_forget:
 *
 * Drops what the session keeps in memory (after the user cleared the
 * cache), so that the next open asks the network again.
 */
void
vt_session_forget (VtSession *self)
{
  g_return_if_fail (VT_IS_SESSION (self));

  vt_loader_forget (self->loader);
  vt_service_cache_forget (self->services);
}

static void
image_decoded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GdkTexture *texture = vt_decoder_decode_finish (VT_DECODER (object), result, &error);

  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
image_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);

  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  vt_decoder_decode_thumbnail_async (vt_decoder_get_default (), bytes,
                                     GPOINTER_TO_UINT (g_task_get_task_data (task)), 0,
                                     g_task_get_cancellable (task), image_decoded_cb,
                                     g_object_ref (task));
}

/**
 * vt_session_load_image_async:
 * @uri: an http(s) address of a small image: a logo
 * @max_size: the longest side wanted, in pixels
 *
 * Fetches a small image like a thumbnail (low priority, size-capped) and
 * decodes it off the main thread through the canvas' decoder, the one gate
 * for untrusted image bytes, which refuses image bombs.
 */
void
vt_session_load_image_async (VtSession           *self,
                             const char          *uri,
                             guint                max_size,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VT_IS_SESSION (self));
  g_return_if_fail (uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_session_load_image_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (max_size), NULL);

  vt_client_fetch_async (self->client, uri, VT_FETCH_KIND_THUMBNAIL, VT_FETCH_FLAGS_NONE,
                         VT_FETCH_PRIORITY_THUMBNAIL, cancellable,
                         image_fetched_cb, g_steal_pointer (&task));
}

GdkTexture *
vt_session_load_image_finish (VtSession     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vt_session_get_catalogue:
 *
 * Returns: (transfer none) (nullable): the local catalogue, which the
 *   session owns, or %NULL when there is none
 */
VtCatalogue *
vt_session_get_catalogue (VtSession *self)
{
  g_return_val_if_fail (VT_IS_SESSION (self), NULL);

  return self->catalogue;
}

/**
 * vt_session_set_catalogue:
 * @catalogue: (nullable): the catalogue to search and enrich from
 */
void
vt_session_set_catalogue (VtSession   *self,
                          VtCatalogue *catalogue)
{
  g_return_if_fail (VT_IS_SESSION (self));
  g_return_if_fail (catalogue == NULL || VT_IS_CATALOGUE (catalogue));

  if (g_set_object (&self->catalogue, catalogue))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

/**
 * vt_session_dup_ldes_base:
 *
 * Returns: (transfer full) (nullable): the base address of the LDES
 *   streams the catalogue is harvested from: `$VITRINE_GHENT_LDES` when set
 *   (the test bed stands in for Ghent's), else %NULL for Ghent's own
 */
char *
vt_session_dup_ldes_base (VtSession *self)
{
  const char *env = g_getenv (VT_SESSION_LDES_ENV);
  g_autofree char *stripped = NULL;
  gsize len;

  g_return_val_if_fail (VT_IS_SESSION (self), NULL);

  if (env == NULL || *env == '\0')
    return NULL;

  stripped = g_strstrip (g_strdup (env));
  len = strlen (stripped);
  while (len > 0 && stripped[len - 1] == '/')
    stripped[--len] = '\0';

  return len > 0 ? g_steal_pointer (&stripped) : NULL;
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VtCatalogue *catalogue = task_data;
  const char * const *key = g_object_get_data (G_OBJECT (task), "key");
  GError *error = NULL;
  VtCatalogueRecord *record = vt_catalogue_lookup (catalogue, key[0], key[1], &error);

  if (record == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, record, (GDestroyNotify) vt_catalogue_record_unref);
}

/**
 * vt_session_lookup_record_async:
 * @organisation: a Ghent organisation's abbreviation
 * @number: an object number
 *
 * Looks the object up in the local catalogue, off the main thread. Fails
 * with %VT_CATALOGUE_ERROR_NOT_FOUND when there is no catalogue or it does
 * not know the object.
 */
void
vt_session_lookup_record_async (VtSession           *self,
                                const char          *organisation,
                                const char          *number,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char **key;

  g_return_if_fail (VT_IS_SESSION (self));
  g_return_if_fail (organisation != NULL && number != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_session_lookup_record_async);

  if (self->catalogue == NULL)
    {
      g_task_return_new_error (task, VT_CATALOGUE_ERROR, VT_CATALOGUE_ERROR_NOT_FOUND,
                               "No catalogue");
      return;
    }

  key = g_new0 (char *, 3);
  key[0] = g_strdup (organisation);
  key[1] = g_strdup (number);
  g_object_set_data_full (G_OBJECT (task), "key", key, (GDestroyNotify) g_strfreev);
  /* The task holds the catalogue: replacing it meanwhile changes nothing. */
  g_task_set_task_data (task, g_object_ref (self->catalogue), g_object_unref);
  g_task_run_in_thread (task, lookup_thread);
}

/**
 * vt_session_lookup_record_finish:
 *
 * Returns: (transfer full) (nullable): the record
 */
VtCatalogueRecord *
vt_session_lookup_record_finish (VtSession     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
