/* vt-error-page.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-error-page"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-iiif-error.h"
#include "net/vt-net-error.h"

#include "vt-catalogue-rows.h"
#include "vt-error-page.h"
#include "vt-text.h"

/* The designed page for each way opening an object can fail: it says what
 * happened in words a curator understands, and offers the one action that
 * helps (the actions are the window's). */

struct _VtErrorPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkBox         *catalogue_box;
  GtkLabel       *catalogue_description_label;
  GtkLabel       *catalogue_details_label;
  GtkLabel       *catalogue_title_label;
  AdwStatusPage  *error_page;
  GtkLabel       *error_message_label;
  GtkButton      *error_primary_button;
  GtkButton      *error_secondary_button;
  GtkExpander    *error_details_expander;
  GtkLabel       *error_details_label;
};

G_DEFINE_FINAL_TYPE (VtErrorPage, vt_error_page, ADW_TYPE_BIN)

static void
set_page (VtErrorPage *self,
          const char  *icon_name,
          const char  *title,
          const char  *description,
          const char  *message,
          const char  *primary_label,
          const char  *primary_action,
          const char  *secondary_label,
          const char  *secondary_action,
          const char  *details)
{
  adw_status_page_set_icon_name (self->error_page, icon_name);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);

  gtk_label_set_text (self->error_message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_message_label), message != NULL && *message);

  gtk_button_set_label (self->error_primary_button, primary_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_primary_button), primary_action);

  gtk_widget_set_visible (GTK_WIDGET (self->error_secondary_button), secondary_label != NULL);
  if (secondary_label != NULL)
    {
      gtk_button_set_label (self->error_secondary_button, secondary_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_secondary_button),
                                      secondary_action);
    }

  gtk_label_set_text (self->error_details_label, details ? details : "");
  gtk_expander_set_expanded (self->error_details_expander, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_details_expander), details != NULL);

  /* What the catalogue knew belongs to the failure it was shown for. */
  vt_error_page_set_catalogue_record (self, NULL);
}

static char *
describe_host (const GError *error,
               const char   *fallback)
{
  const char *uri = error->domain == VT_NET_ERROR ? vt_net_error_get_uri (error) : NULL;
  g_autoptr(GUri) parsed = uri ? g_uri_parse (uri, G_URI_FLAGS_NONE, NULL) : NULL;

  if (parsed != NULL && g_uri_get_host (parsed) != NULL)
    return g_strdup (g_uri_get_host (parsed));

  return g_strdup (fallback);
}

/**
 * vt_error_page_show:
 * @error: why the object could not be shown
 * @what: how to name the object: its title, number or address
 * @web_page_url: (nullable): the object's own web page, offered where it helps
 *
 * Shows the page for @error.
 *
 * Returns: the name of the failure: "not-public", "not-found",
 *   "auth-required", "offline", "timeout", "server-error", "not-iiif",
 *   "invalid-input" or "failed"
 */
const char *
vt_error_page_show (VtErrorPage  *self,
                    const GError *error,
                    const char   *what,
                    const char   *web_page_url)
{
  g_autofree char *description = NULL;
  g_autofree char *host = NULL;
  const char *server_message = NULL;

  g_return_val_if_fail (VT_IS_ERROR_PAGE (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  host = describe_host (error, _("the server"));
  if (error->domain == VT_NET_ERROR)
    server_message = vt_net_error_get_server_message (error);

  if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_NOT_PUBLIC))
    {
      description = g_strdup_printf (_("The image of %s is not public. Usually this is because "
                                       "of copyright: the museum may not show it online yet. "
                                       "The object’s own web page may still tell you more."),
                                     what);
      set_page (self, "image-missing-symbolic", _("No Public Image"), description,
                server_message,
                web_page_url ? _("Open _Web Page") : _("Try _Another Object"),
                web_page_url ? "win.open-web-page" : "win.focus-entry",
                web_page_url ? _("Try _Another Object") : NULL,
                "win.focus-entry", NULL);
      return "not-public";
    }

  if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_NOT_FOUND))
    {
      description = g_strdup_printf (_("There is no object %s. Check the number, or whether "
                                       "it belongs to another organisation."), what);
      set_page (self, "edit-find-symbolic", _("Object Not Found"), description,
                server_message, _("Try _Another Object"), "win.focus-entry",
                NULL, NULL, NULL);
      return "not-found";
    }

  if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_AUTH_REQUIRED))
    {
      description = g_strdup_printf (_("%s only shows this object to visitors who log in, "
                                       "which Vitrine cannot do."), host);
      set_page (self, "dialog-password-symbolic", _("Login Required"), description,
                server_message, _("Try _Another Object"), "win.focus-entry",
                NULL, NULL, NULL);
      return "auth-required";
    }

  if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_OFFLINE) ||
      g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_CONNECTION_LOST))
    {
      description = g_strdup_printf (_("Vitrine could not reach %s. Check your internet "
                                       "connection, then try again."), host);
      set_page (self, "network-offline-symbolic", _("No Connection"), description,
                NULL, _("_Retry"), "win.retry", NULL, NULL, NULL);
      return "offline";
    }

  if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_TIMEOUT))
    {
      description = g_strdup_printf (_("%s did not answer in time. It may be busy; "
                                       "try again in a moment."), host);
      set_page (self, "network-error-symbolic", _("The Server Is Not Answering"),
                description, NULL, _("_Retry"), "win.retry", NULL, NULL, NULL);
      return "timeout";
    }

  if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_SERVER))
    {
      description = g_strdup_printf (_("%s ran into a problem of its own while answering. "
                                       "This is not your fault; try again later."), host);
      set_page (self, "dialog-warning-symbolic", _("The Server Had a Problem"),
                description, server_message, _("_Retry"), "win.retry", NULL, NULL,
                error->message);
      return "server-error";
    }

  if (error->domain == VT_IIIF_ERROR ||
      g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_BAD_RESPONSE) ||
      g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_TOO_LARGE))
    {
      set_page (self, "dialog-question-symbolic", _("Not a IIIF Manifest"),
                _("What was opened is not a IIIF manifest or collection that "
                  "Vitrine can read. The details below say what is wrong with it."),
                NULL, _("Try _Another Object"), "win.focus-entry", NULL, NULL,
                error->message);
      return "not-iiif";
    }

  if (g_error_matches (error, VT_NET_ERROR, VT_NET_ERROR_UNSUPPORTED_URI) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    {
      set_page (self, "dialog-information-symbolic", _("Cannot Open This"),
                error->message, NULL, _("Try _Again"), "win.focus-entry",
                NULL, NULL, NULL);
      return "invalid-input";
    }

  set_page (self, "dialog-error-symbolic", _("Could Not Open the Object"),
            _("Something went wrong while opening it."),
            NULL, _("_Retry"), "win.retry", NULL, NULL, error->message);
  return "failed";
}

static void
set_catalogue_label (GtkLabel   *label,
                     const char *text)
{
  g_autofree char *shown = vt_text_ellipsize (text, VT_TEXT_MAX_LABEL_CHARS);

  gtk_label_set_text (label, shown != NULL ? shown : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown != NULL && *shown != '\0');
}

/**
 * vt_error_page_set_catalogue_record:
 * @record: (nullable): what the local catalogue knows of the object that
 *   failed, or %NULL
 *
 * Adds the catalogue's title, maker, date and description to the page, so
 * that an object without a public image still tells the curator about
 * itself. vt_error_page_show() takes it away again.
 */
void
vt_error_page_set_catalogue_record (VtErrorPage       *self,
                                    VtCatalogueRecord *record)
{
  g_autofree char *makers = NULL;
  g_autofree char *details = NULL;

  g_return_if_fail (VT_IS_ERROR_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->catalogue_box), record != NULL);
  if (record == NULL)
    return;

  makers = vt_catalogue_record_dup_makers_text (record);
  if (makers != NULL && record->date != NULL && *record->date != '\0')
    /* Translators: the maker(s) of an object, then its date */
    details = g_strdup_printf (_("%s · %s"), makers, record->date);
  else
    details = g_strdup (makers != NULL ? makers : record->date);

  set_catalogue_label (self->catalogue_title_label, record->title);
  set_catalogue_label (self->catalogue_details_label, details);
  set_catalogue_label (self->catalogue_description_label, record->description);
}

/**
 * vt_error_page_get_catalogue_text:
 *
 * Returns: (transfer full) (nullable): what the page shows from the
 *   catalogue, one line per label, or %NULL when it shows nothing of it
 */
char *
vt_error_page_get_catalogue_text (VtErrorPage *self)
{
  GtkLabel *labels[3];
  GString *text;

  g_return_val_if_fail (VT_IS_ERROR_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->catalogue_box)))
    return NULL;

  labels[0] = self->catalogue_title_label;
  labels[1] = self->catalogue_details_label;
  labels[2] = self->catalogue_description_label;
  text = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[i])))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (labels[i]));

  return g_string_free (text, FALSE);
}

const char *
vt_error_page_get_title (VtErrorPage *self)
{
  g_return_val_if_fail (VT_IS_ERROR_PAGE (self), NULL);

  return adw_status_page_get_title (self->error_page);
}

const char *
vt_error_page_get_description (VtErrorPage *self)
{
  g_return_val_if_fail (VT_IS_ERROR_PAGE (self), NULL);

  return adw_status_page_get_description (self->error_page);
}

/**
 * vt_error_page_get_message:
 *
 * Returns: (nullable): the server's own words, when it gave any
 */
const char *
vt_error_page_get_message (VtErrorPage *self)
{
  g_return_val_if_fail (VT_IS_ERROR_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_message_label)))
    return NULL;

  return gtk_label_get_text (self->error_message_label);
}

/**
 * vt_error_page_get_primary_action:
 *
 * Returns: the action the page offers first, such as "win.retry"
 */
const char *
vt_error_page_get_primary_action (VtErrorPage *self)
{
  g_return_val_if_fail (VT_IS_ERROR_PAGE (self), NULL);

  return gtk_actionable_get_action_name (GTK_ACTIONABLE (self->error_primary_button));
}

/**
 * vt_error_page_set_narrow:
 * @narrow: whether the window is narrow
 *
 * A narrow page stacks its buttons, which side by side would make the
 * window wider than a phone.
 */
void
vt_error_page_set_narrow (VtErrorPage *self,
                          gboolean     narrow)
{
  GtkWidget *buttons;

  g_return_if_fail (VT_IS_ERROR_PAGE (self));

  buttons = gtk_widget_get_parent (GTK_WIDGET (self->error_primary_button));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (buttons),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static void
vt_error_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; the template's pointers must not
   * outlive it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_ERROR_PAGE);

  G_OBJECT_CLASS (vt_error_page_parent_class)->dispose (object);
}

static void
vt_error_page_class_init (VtErrorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_error_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-error-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, catalogue_box);
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, catalogue_description_label);
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, catalogue_details_label);
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, catalogue_title_label);
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, error_details_expander);
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, error_details_label);
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, error_message_label);
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, error_primary_button);
  gtk_widget_class_bind_template_child (widget_class, VtErrorPage, error_secondary_button);
}

static void
vt_error_page_init (VtErrorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
