/* vt-document-request.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-document-request"

#include "config.h"

#include <glib/gi18n.h>

#include "canvas/vt-local-source.h"
#include "iiif/vt-iiif-error.h"

#include "vt-document-request.h"

/* Getting the document a target names, for the object on screen
 * (VtViewing owns one while it loads): fetched (or read from a file), or
 * a local image opened in deep zoom on its own. An address given as a
 * content state may lead to the content-state annotation itself
 * (§3.1.1): it is followed once, by reference, to the manifest it names,
 * and the target changes to say so (#VtDocumentRequest:target). */

struct _VtDocumentRequest
{
  GObject          parent_instance;

  VtSession       *session;
  VtTarget        *target;
  gboolean         reload;
  gboolean         followed_reference;
};

G_DEFINE_FINAL_TYPE (VtDocumentRequest, vt_document_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GError *
new_not_manifest_error (void)
{
  return g_error_new_literal (VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                              _("This is a part of a IIIF document, "
                                "not a whole manifest or collection."));
}

static void document_loaded_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);

static void
load_document (GTask *task)
{
  VtDocumentRequest *self = g_task_get_source_object (task);

  vt_loader_load_document_async (vt_session_get_loader (self->session), self->target->uri,
                                 self->reload ? VT_FETCH_FLAGS_RELOAD : VT_FETCH_FLAGS_NONE,
                                 g_task_get_cancellable (task), document_loaded_cb, task);
}

/* The annotation a content-state address led to: the manifest it names
 * is loaded in its place, at the canvas and region it names. The target
 * keeps its input and location, so that history opens the same again. */
static void
content_state_fetched_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GTask *task = user_data;
  VtDocumentRequest *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vt_client_fetch_finish (VT_CLIENT (object), result, NULL, NULL, &error);
  g_autoptr(VtContentState) state = NULL;
  const VtContentStateTarget *first;
  VtTarget *target;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (bytes != NULL)
    state = vt_content_state_parse_json (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  if (state == NULL)
    {
      g_task_return_error (task, error != NULL ? g_steal_pointer (&error) : new_not_manifest_error ());
      g_object_unref (task);
      return;
    }

  first = vt_content_state_get_target (state, 0);
  target = vt_target_copy (self->target);
  g_free (target->uri);
  target->uri = g_strdup (first->manifest_uri);
  g_free (target->canvas_id);
  target->canvas_id = g_strdup (first->canvas_id);
  g_clear_pointer (&target->content_state, vt_content_state_free);
  target->content_state = g_steal_pointer (&state);
  vt_target_free (self->target);
  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);

  load_document (task);
}

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  VtDocumentRequest *self = g_task_get_source_object (task);
  GError *error = NULL;
  VtIiifDocument *document = vt_loader_load_document_finish (VT_LOADER (object), result, NULL, &error);

  if (document != NULL && document->kind == VT_IIIF_DOCUMENT_ANNOTATIONS &&
      self->target->kind == VT_TARGET_URL && !self->followed_reference)
    {
      self->followed_reference = TRUE;
      vt_iiif_document_unref (document);
      vt_client_fetch_async (vt_session_get_client (self->session), self->target->uri,
                             VT_FETCH_KIND_MANIFEST, VT_FETCH_FLAGS_NONE, G_PRIORITY_DEFAULT,
                             g_task_get_cancellable (task), content_state_fetched_cb, task);
      return;
    }

  /* A part (an image service, a canvas, an annotation not followed) is
   * not an object to show. */
  if (document != NULL && document->kind != VT_IIIF_DOCUMENT_MANIFEST &&
      document->kind != VT_IIIF_DOCUMENT_COLLECTION)
    {
      g_clear_pointer (&document, vt_iiif_document_unref);
      error = new_not_manifest_error ();
    }

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, (GDestroyNotify) vt_iiif_document_unref);
  g_object_unref (task);
}

static void
file_info_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  VtDocumentRequest *self = g_task_get_source_object (task);
  GFile *file = G_FILE (object);
  GError *error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (file, result, &error);
  const char *type;

  if (info == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* An image opens in deep zoom on its own; anything else must be a IIIF
   * document, which the loader reads and judges. */
  type = g_file_info_get_content_type (info);
  if (type != NULL && g_content_type_is_mime_type (type, "image/*"))
    {
      g_autofree char *path = g_file_get_path (file);
      VtLocalSource *source = vt_local_source_new (path, &error);

      if (source == NULL)
        {
          g_task_return_error (task, error);
        }
      else
        {
          /* No document: the image is the task's data (see run_finish). */
          g_task_set_task_data (task, source, g_object_unref);
          g_task_return_pointer (task, NULL, NULL);
        }
      g_object_unref (task);
      return;
    }

  vt_loader_load_file_async (vt_session_get_loader (self->session), file,
                             g_task_get_cancellable (task), document_loaded_cb, task);
}

static void
vt_document_request_finalize (GObject *object)
{
  VtDocumentRequest *self = VT_DOCUMENT_REQUEST (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->target, vt_target_free);

  G_OBJECT_CLASS (vt_document_request_parent_class)->finalize (object);
}

static void
vt_document_request_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VtDocumentRequest *self = VT_DOCUMENT_REQUEST (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_boxed (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_document_request_class_init (VtDocumentRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_document_request_finalize;
  object_class->get_property = vt_document_request_get_property;

  /**
   * VtDocumentRequest:target:
   *
   * What is loaded: the target given, until a content state is followed
   * by reference to the manifest it names.
   */
  properties[PROP_TARGET] =
    g_param_spec_boxed ("target", NULL, NULL, VT_TYPE_TARGET,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_document_request_init (VtDocumentRequest *self)
{
}

/**
 * vt_document_request_new:
 * @reload: ask the server again even when the cache holds a fresh answer
 */
VtDocumentRequest *
vt_document_request_new (VtSession      *session,
                         const VtTarget *target,
                         gboolean        reload)
{
  VtDocumentRequest *self;

  g_return_val_if_fail (VT_IS_SESSION (session), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  self = g_object_new (VT_TYPE_DOCUMENT_REQUEST, NULL);
  self->session = g_object_ref (session);
  self->target = vt_target_copy (target);
  self->reload = reload;
  return self;
}

const VtTarget *
vt_document_request_get_target (VtDocumentRequest *self)
{
  g_return_val_if_fail (VT_IS_DOCUMENT_REQUEST (self), NULL);
  return self->target;
}

/**
 * vt_document_request_run_async:
 *
 * Fetches (or reads) the document; run once.
 */
void
vt_document_request_run_async (VtDocumentRequest   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VT_IS_DOCUMENT_REQUEST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_document_request_run_async);
  /* What the loader gives is what is returned, as the loader judges
   * cancellation (its answer may already be on its way). */
  g_task_set_check_cancellable (task, FALSE);

  if (self->target->kind == VT_TARGET_FILE)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (self->target->uri);

      g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                               G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                               cancellable, file_info_cb, task);
      return;
    }

  load_document (task);
}

/**
 * vt_document_request_run_finish:
 * @image: (out) (optional) (transfer full): the local image, when the
 *   target is an image file rather than a document
 *
 * Returns: (transfer full) (nullable): the document, a manifest or a
 *   collection (a content-state annotation is followed once, no more);
 *   %NULL for an image file (then @image is set) or on error
 */
VtIiifDocument *
vt_document_request_run_finish (VtDocumentRequest  *self,
                                GAsyncResult       *result,
                                VtTileSource      **image,
                                GError            **error)
{
  GTask *task = G_TASK (result);
  VtIiifDocument *document;
  VtTileSource *source;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  document = g_task_propagate_pointer (task, error);
  source = g_task_get_task_data (task);
  if (image != NULL)
    *image = document == NULL && source != NULL ? g_object_ref (source) : NULL;
  return document;
}
