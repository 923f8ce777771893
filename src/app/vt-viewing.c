/* vt-viewing.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-viewing"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-html.h"

#include "vt-document-request.h"
#include "vt-object-extras.h"
#include "vt-viewing.h"

/* The object on screen: what the user asked for, what it resolved to, the
 * document, the current canvas and its image, and where loading stands.
 *
 * Opening something makes a new VtViewing; the window and its parts bind to
 * it and rebind when it is replaced. Every field of the object on screen
 * lives here and nowhere else, so nothing of one object can survive into
 * the next: a new instance starts empty by construction. All work belongs
 * to the instance and is cancelled with it (the cancellables follow the
 * ownership), so a late answer for an object that is gone changes nothing.
 *
 * It holds no widget and needs no display: opening, cancelling and the
 * canvas route are tested on their own. */

struct _VtViewing
{
  GObject          parent_instance;

  VtSession       *session;
  VtTarget        *target;
  char            *input;
  char            *default_organisation;

  GCancellable    *cancellable;

  VtViewingState   state;
  GError          *error;
  char            *title;
  VtIiifDocument  *document;

  /* Getting the document, while it loads. */
  VtDocumentRequest *request;

  VtPage          *page;
  gboolean         reload;
  VtBook          *book;

  /* The logo and the local catalogue's record, fetched on the side. */
  VtObjectExtras  *extras;
};

G_DEFINE_FINAL_TYPE (VtViewing, vt_viewing, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VtViewingState, vt_viewing_state,
                    G_DEFINE_ENUM_VALUE (VT_VIEWING_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (VT_VIEWING_MANIFEST, "manifest"),
                    G_DEFINE_ENUM_VALUE (VT_VIEWING_COLLECTION, "collection"),
                    G_DEFINE_ENUM_VALUE (VT_VIEWING_IMAGE, "image"),
                    G_DEFINE_ENUM_VALUE (VT_VIEWING_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (VT_VIEWING_CANCELLED, "cancelled"))

enum {
  PROP_0,
  PROP_INPUT,
  PROP_TARGET,
  PROP_STATE,
  PROP_ERROR,
  PROP_TITLE,
  PROP_DOCUMENT,
  PROP_N_CANVASES,
  PROP_CANVAS_INDEX,
  PROP_PAGE,
  PROP_BOOK,
  PROP_ORDER,
  PROP_LOGO,
  PROP_CATALOGUE_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify (VtViewing *self,
        guint      prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static char *
dup_label (VtLanguageMap *label,
           const char    *fallback)
{
  char *text = label ? vt_language_map_dup_text (label, g_get_language_names (), " · ") : NULL;

  return text ? text : g_strdup (fallback);
}

static void
set_state (VtViewing      *self,
           VtViewingState  state,
           const GError   *error)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->error != NULL || error != NULL)
    {
      g_clear_error (&self->error);
      self->error = error ? g_error_copy (error) : NULL;
      notify (self, PROP_ERROR);
    }

  if (self->state != state)
    {
      self->state = state;
      notify (self, PROP_STATE);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_title (VtViewing  *self,
           const char *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  notify (self, PROP_TITLE);
}

static void
fail (VtViewing    *self,
      const GError *error)
{
  set_state (self, VT_VIEWING_FAILED, error);
}

/* Canvas images */

static VtManifest *
get_manifest (VtViewing *self)
{
  if (self->document == NULL || self->document->kind != VT_IIIF_DOCUMENT_MANIFEST)
    return NULL;

  return self->document->manifest;
}

/* Shows page @index in place of the current one: a new VtPage, so that
 * nothing of the last page is shown for this one. */
static void
show_page (VtViewing *self,
           VtPage    *page)
{
  if (self->page != NULL)
    vt_page_cancel (self->page);

  g_set_object (&self->page, page);
  notify (self, PROP_CANVAS_INDEX);
  notify (self, PROP_PAGE);
}

static void
open_page (VtViewing *self,
           guint      index,
           gboolean   reload)
{
  g_autoptr(VtPage) page = vt_page_new (self->session, get_manifest (self), index);

  show_page (self, page);
  vt_page_load (page, reload);
}

/* The logo and the catalogue record */

static void
extras_changed_cb (VtObjectExtras *extras,
                   GParamSpec     *pspec,
                   VtViewing      *self)
{
  notify (self, g_str_equal (pspec->name, "logo") ? PROP_LOGO : PROP_CATALOGUE_RECORD);
}

/* Documents */

/* A content state followed by reference names the manifest in its place. */
static void
request_target_cb (VtViewing *self)
{
  vt_target_free (self->target);
  self->target = vt_target_copy (vt_document_request_get_target (self->request));
  notify (self, PROP_TARGET);
}

static void
show_document (VtViewing      *self,
               VtIiifDocument *document)
{
  g_autofree char *title = NULL;
  guint start = 0;

  /* The request gives a whole manifest or collection, nothing less. */
  if (document->kind == VT_IIIF_DOCUMENT_COLLECTION)
    {
      self->document = vt_iiif_document_ref (document);
      notify (self, PROP_DOCUMENT);
      title = dup_label (document->collection->label, _("Untitled Collection"));
      set_title (self, title);
      set_state (self, VT_VIEWING_COLLECTION, NULL);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));

  self->document = vt_iiif_document_ref (document);
  self->book = vt_book_new (document->manifest);
  notify (self, PROP_DOCUMENT);
  notify (self, PROP_N_CANVASES);
  notify (self, PROP_BOOK);

  title = dup_label (document->manifest->label, _("Untitled Object"));
  set_title (self, title);

  if (self->target->canvas_id != NULL)
    vt_manifest_find_canvas (document->manifest, self->target->canvas_id, &start);
  else if (document->manifest->start_canvas != NULL)
    vt_manifest_find_canvas (document->manifest, document->manifest->start_canvas, &start);
  if (vt_manifest_get_n_canvases (document->manifest) > 0)
    open_page (self, start, self->reload);
  vt_object_extras_load_logo (self->extras, vt_manifest_get_logo_url (get_manifest (self)),
                              self->cancellable);
  set_state (self, VT_VIEWING_MANIFEST, NULL);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VtViewing) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTileSource) image = NULL;
  g_autoptr(VtIiifDocument) document = vt_document_request_run_finish (VT_DOCUMENT_REQUEST (object),
                                                                       result, &image, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document != NULL)
    show_document (self, document);
  else if (image != NULL)
    {
      /* A local image opens in deep zoom on its own. */
      g_autoptr(VtPage) page = vt_page_new_for_source (image);

      set_title (self, self->target->display_name);
      show_page (self, page);
      set_state (self, VT_VIEWING_IMAGE, NULL);
    }
  else
    fail (self, error);
}

/* GObject */

static void
vt_viewing_dispose (GObject *object)
{
  VtViewing *self = VT_VIEWING (object);

  g_cancellable_cancel (self->cancellable);
  if (self->page != NULL)
    vt_page_cancel (self->page);

  G_OBJECT_CLASS (vt_viewing_parent_class)->dispose (object);
}

static void
vt_viewing_finalize (GObject *object)
{
  VtViewing *self = VT_VIEWING (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->target, vt_target_free);
  g_clear_pointer (&self->input, g_free);
  g_clear_pointer (&self->default_organisation, g_free);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->document, vt_iiif_document_unref);
  if (self->request != NULL)
    g_signal_handlers_disconnect_by_data (self->request, self);
  g_clear_object (&self->request);
  g_clear_object (&self->page);
  g_clear_object (&self->book);
  if (self->extras != NULL)
    g_signal_handlers_disconnect_by_data (self->extras, self);
  g_clear_object (&self->extras);

  G_OBJECT_CLASS (vt_viewing_parent_class)->finalize (object);
}

static void
vt_viewing_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VtViewing *self = VT_VIEWING (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      g_value_set_string (value, self->input);
      break;
    case PROP_TARGET:
      g_value_set_boxed (value, self->target);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DOCUMENT:
      g_value_set_boxed (value, self->document);
      break;
    case PROP_N_CANVASES:
      g_value_set_uint (value, vt_viewing_get_n_canvases (self));
      break;
    case PROP_CANVAS_INDEX:
      g_value_set_uint (value, vt_viewing_get_canvas_index (self));
      break;
    case PROP_PAGE:
      g_value_set_object (value, self->page);
      break;
    case PROP_BOOK:
      g_value_set_object (value, self->book);
      break;
    case PROP_ORDER:
      g_value_set_uint (value, self->book ? vt_book_get_order (self->book) : 0);
      break;
    case PROP_CATALOGUE_RECORD:
      g_value_set_boxed (value, vt_object_extras_get_record (self->extras));
      break;
    case PROP_LOGO:
      g_value_set_object (value, vt_object_extras_get_logo (self->extras));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_viewing_class_init (VtViewingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vt_viewing_dispose;
  object_class->finalize = vt_viewing_finalize;
  object_class->get_property = vt_viewing_get_property;

  /**
   * VtViewing:input:
   *
   * What the user asked for, as given (trimmed).
   */
  properties[PROP_INPUT] = g_param_spec_string ("input", NULL, NULL, NULL, ro);
  /**
   * VtViewing:target:
   *
   * What the input resolved to, or %NULL when it names nothing.
   */
  properties[PROP_TARGET] = g_param_spec_boxed ("target", NULL, NULL, VT_TYPE_TARGET, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, VT_TYPE_VIEWING_STATE,
                                              VT_VIEWING_LOADING, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  /**
   * VtViewing:title:
   *
   * The object's title as plain text: the document's label, or the file's
   * name; %NULL until it is known.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_DOCUMENT] = g_param_spec_boxed ("document", NULL, NULL, VT_TYPE_IIIF_DOCUMENT, ro);
  properties[PROP_N_CANVASES] = g_param_spec_uint ("n-canvases", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CANVAS_INDEX] = g_param_spec_uint ("canvas-index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /**
   * VtViewing:page:
   *
   * The canvas shown, with its image and rights; a new page each time
   * the canvas changes. %NULL while there is none.
   */
  properties[PROP_PAGE] = g_param_spec_object ("page", NULL, NULL, VT_TYPE_PAGE, ro);
  /**
   * VtViewing:book:
   *
   * How the manifest is read: its spreads, scroll or single canvases, in
   * the order chosen. %NULL until a manifest is shown.
   */
  properties[PROP_BOOK] = g_param_spec_object ("book", NULL, NULL, VT_TYPE_BOOK, ro);
  /**
   * VtViewing:order:
   *
   * Which order of the book is read (see vt_viewing_set_order()).
   */
  properties[PROP_ORDER] = g_param_spec_uint ("order", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LOGO] = g_param_spec_object ("logo", NULL, NULL, GDK_TYPE_PAINTABLE, ro);
  /**
   * VtViewing:catalogue-record:
   *
   * What the local catalogue knows of this Ghent object, or %NULL: looked
   * up off the main thread when loading starts.
   */
  properties[PROP_CATALOGUE_RECORD] =
    g_param_spec_boxed ("catalogue-record", NULL, NULL, VT_TYPE_CATALOGUE_RECORD, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_viewing_init (VtViewing *self)
{
  self->state = VT_VIEWING_LOADING;
}

/**
 * vt_viewing_new:
 * @session: what the objects of this process share
 * @input: an object number, a manifest URL, a IIIF link or a file
 * @default_organisation: (nullable): the organisation a bare number belongs to
 *
 * Makes the model of a new object on screen. It resolves @input at once:
 * input that names nothing gives a viewing that has failed, with a reason
 * for the user. Call vt_viewing_load() to fetch the rest.
 *
 * Returns: (transfer full): a new #VtViewing
 */
VtViewing *
vt_viewing_new (VtSession  *session,
                const char *input,
                const char *default_organisation)
{
  VtViewing *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VT_IS_SESSION (session), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  self = g_object_new (VT_TYPE_VIEWING, NULL);
  self->session = g_object_ref (session);
  self->extras = vt_object_extras_new (session);
  g_signal_connect (self->extras, "notify", G_CALLBACK (extras_changed_cb), self);
  self->input = g_strstrip (g_strdup (input));
  self->default_organisation = g_strdup (default_organisation);
  self->target = vt_target_resolve (self->input, default_organisation,
                                    vt_session_get_api_base (session), &error);
  if (self->target == NULL)
    {
      self->state = VT_VIEWING_FAILED;
      self->error = g_steal_pointer (&error);
    }

  return self;
}

/**
 * vt_viewing_load:
 * @reload: ask the server again even when the cache holds a fresh answer
 *
 * Fetches (or reads) the document, then the current canvas' image.
 */
void
vt_viewing_load (VtViewing *self,
                 gboolean   reload)
{
  g_return_if_fail (VT_IS_VIEWING (self));

  if (self->target == NULL || self->document != NULL || self->page != NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->reload = reload;

  set_state (self, VT_VIEWING_LOADING, NULL);
  vt_object_extras_lookup_record (self->extras, self->target, self->cancellable);

  if (self->request != NULL)
    g_signal_handlers_disconnect_by_data (self->request, self);
  g_clear_object (&self->request);
  self->request = vt_document_request_new (self->session, self->target, reload);
  g_signal_connect_swapped (self->request, "notify::target", G_CALLBACK (request_target_cb), self);
  vt_document_request_run_async (self->request, self->cancellable,
                                 document_loaded_cb, g_object_ref (self));
}

/**
 * vt_viewing_cancel:
 *
 * Stops all work for this object. A viewing still loading becomes
 * %VT_VIEWING_CANCELLED; one already shown keeps what it has.
 */
void
vt_viewing_cancel (VtViewing *self)
{
  g_return_if_fail (VT_IS_VIEWING (self));

  g_cancellable_cancel (self->cancellable);
  if (self->page != NULL)
    vt_page_cancel (self->page);

  if (self->state == VT_VIEWING_LOADING)
    set_state (self, VT_VIEWING_CANCELLED, NULL);
}

/**
 * vt_viewing_retry_page:
 *
 * Asks again for the current canvas' image, past the caches: what Retry on
 * the canvas does.
 */
void
vt_viewing_retry_page (VtViewing *self)
{
  g_return_if_fail (VT_IS_VIEWING (self));

  if (get_manifest (self) == NULL || self->page == NULL)
    return;

  open_page (self, vt_page_get_index (self->page), TRUE);
}

const char *
vt_viewing_get_input (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->input;
}

/**
 * vt_viewing_get_target:
 *
 * Returns: (nullable): what the input resolved to, or %NULL when the input
 *   names nothing (see #VtViewing:error)
 */
const VtTarget *
vt_viewing_get_target (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->target;
}

const char *
vt_viewing_get_location (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->target ? self->target->location : NULL;
}

const char *
vt_viewing_get_display_name (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->target ? self->target->display_name : self->input;
}

const char *
vt_viewing_get_organisation (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->target ? self->target->organisation : NULL;
}

/**
 * vt_viewing_get_manifest_url:
 *
 * Returns: (nullable): the address of the document shown or being loaded,
 *   when it came from the web; %NULL for files and local images
 */
const char *
vt_viewing_get_manifest_url (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  if (self->target == NULL || self->target->kind == VT_TARGET_FILE)
    return NULL;

  return self->target->uri;
}

const char *
vt_viewing_get_web_page_url (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->target ? self->target->web_page_url : NULL;
}

VtViewingState
vt_viewing_get_state (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), VT_VIEWING_FAILED);

  return self->state;
}

gboolean
vt_viewing_is_loading (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), FALSE);

  return self->state == VT_VIEWING_LOADING;
}

const GError *
vt_viewing_get_error (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->error;
}

const char *
vt_viewing_get_title (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->title;
}

VtIiifDocument *
vt_viewing_get_document (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->document;
}

VtManifest *
vt_viewing_get_manifest (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return get_manifest (self);
}

VtCollection *
vt_viewing_get_collection (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  if (self->document == NULL || self->document->kind != VT_IIIF_DOCUMENT_COLLECTION)
    return NULL;

  return self->document->collection;
}

guint
vt_viewing_get_n_canvases (VtViewing *self)
{
  VtManifest *manifest;

  g_return_val_if_fail (VT_IS_VIEWING (self), 0);

  manifest = get_manifest (self);
  if (manifest != NULL)
    return vt_manifest_get_n_canvases (manifest);

  return self->state == VT_VIEWING_IMAGE ? 1 : 0;
}

guint
vt_viewing_get_canvas_index (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), 0);

  return self->page ? vt_page_get_index (self->page) : 0;
}

/**
 * vt_viewing_set_canvas_index:
 *
 * Shows another canvas of the manifest, as a new page: its image, rights
 * and attribution follow.
 */
void
vt_viewing_set_canvas_index (VtViewing *self,
                             guint      index)
{
  VtManifest *manifest;

  g_return_if_fail (VT_IS_VIEWING (self));

  manifest = get_manifest (self);
  if (manifest == NULL || index >= vt_manifest_get_n_canvases (manifest) ||
      (self->page != NULL && index == vt_page_get_index (self->page)))
    return;

  open_page (self, index, FALSE);
}

/**
 * vt_viewing_get_book:
 *
 * Returns: (nullable) (transfer none): how the manifest shown is read
 */
VtBook *
vt_viewing_get_book (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->book;
}

/**
 * vt_viewing_set_order:
 * @order: 0 for the manifest's own order, else one of its "sequence" or
 *   "thumbnail-nav" ranges (vt_book_get_n_orders())
 *
 * Reads the book in another order. The canvas shown stays when the order
 * has it; else the order's first view is shown.
 */
void
vt_viewing_set_order (VtViewing *self,
                      guint      order)
{
  guint first;

  g_return_if_fail (VT_IS_VIEWING (self));

  if (self->book == NULL || order == vt_book_get_order (self->book) ||
      order >= vt_book_get_n_orders (self->book))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  vt_book_set_order (self->book, order);
  if (!vt_book_layout_find_view (vt_book_get_layout (self->book), vt_viewing_get_canvas_index (self), NULL) &&
      vt_book_get_end (self->book, FALSE, &first))
    vt_viewing_set_canvas_index (self, first);
  notify (self, PROP_ORDER);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vt_viewing_get_page:
 *
 * Returns: (nullable) (transfer none): the page shown
 */
VtPage *
vt_viewing_get_page (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return self->page;
}

GdkPaintable *
vt_viewing_get_logo (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return vt_object_extras_get_logo (self->extras);
}

/**
 * vt_viewing_get_catalogue_record:
 *
 * Returns: (nullable) (transfer none): what the local catalogue knows of
 *   this object, once looked up
 */
VtCatalogueRecord *
vt_viewing_get_catalogue_record (VtViewing *self)
{
  g_return_val_if_fail (VT_IS_VIEWING (self), NULL);

  return vt_object_extras_get_record (self->extras);
}
