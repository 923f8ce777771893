/* vt-metadata-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-metadata-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-manifest-rows.h"
#include "iiif/vt-markup.h"
#include "vt-language-picker.h"
#include "vt-metadata-section.h"
#include "vt-catalogue-rows.h"
#include "vt-metadata-view.h"
#include "vt-text.h"

/* The sidebar: the object's title and summary over its sections (details,
 * the page on screen, rights and attribution, provider, links, the
 * manifest link). What the
 * rows say comes from the core (vt-manifest-rows.h) in the languages the
 * #VtLanguagePicker names; #VtMetadataSection and #VtMetadataRow show it.
 * The view keeps what it is given (manifest, its URL, the page on screen,
 * the Ghent web page, the logo) and which links are followed. */

struct _VtMetadataView
{
  GtkWidget          parent_instance;

  VtManifest        *manifest;
  char              *manifest_url;
  char              *ghent_page_url;
  char              *object_number;  /* what the input named, for Ghent */
  char              *organisation;
  char              *logo_url;
  guint              canvas_index;   /* the page whose rows are shown */

  /* Template widgets */
  VtMetadataSection *catalogue_section;
  VtMetadataSection *details_section;
  VtLanguagePicker  *language_picker;
  VtMetadataSection *links_section;
  GtkPicture        *logo_picture;
  VtMetadataSection *manifest_section;
  VtMetadataSection *page_section;
  VtMetadataSection *provider_section;
  VtMetadataSection *rights_section;
  GtkScrolledWindow *scroller;
  GtkLabel          *summary_label;
  GtkLabel          *title_label;
};

G_DEFINE_FINAL_TYPE (VtMetadataView, vt_metadata_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MANIFEST_URL,
  PROP_GHENT_PAGE_URL,
  PROP_LANGUAGE,
  PROP_LOGO_URL,
  PROP_CANVAS_INDEX,
  N_PROPS
};

enum {
  LINK_COPIED,
  OPEN_URI,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
set_str (char       **ptr,
         const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

/* "metadata.follow-link": links in the summary and in every row
 * (VtMetadataRow) end here. Only http(s) ones are opened (see
 * vt_markup_is_openable_uri()). */
static void
follow_link (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  const char *uri = g_variant_get_string (param, NULL);

  if (vt_markup_is_openable_uri (uri))
    g_signal_emit (widget, signals[OPEN_URI], 0, uri);
  else
    g_debug ("Not opening a link that is not http(s): %s", uri);
}

static gboolean
on_activate_link (GtkLabel       *label,
                  const char     *uri,
                  VtMetadataView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (label), "metadata.follow-link", "s", uri);

  /* Handled either way: GTK's default would hand any scheme to the system. */
  return TRUE;
}

static void
vt_metadata_view_real_open_uri (VtMetadataView *self,
                                const char     *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_copy_clicked (VtMetadataView *self)
{
  vt_metadata_view_copy_manifest_url (self);
}

/* The public web page first, then the manifest's own links. */
static char **
dup_link_rows (VtMetadataView      *self,
               const char * const *languages)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();
  g_auto(GStrv) links = vt_manifest_dup_link_rows (self->manifest, languages);

  if (self->ghent_page_url != NULL)
    {
      g_autofree char *markup = vt_markup_link (self->ghent_page_url, self->ghent_page_url);

      /* Translators: the object's page on the museum's public web site */
      g_strv_builder_add (rows, _("Public Web Page"));
      g_strv_builder_add (rows, markup);
    }
  g_strv_builder_addv (rows, (const char **) links);
  return g_strv_builder_end (rows);
}

/* A Ghent object's number and organisation come from what was typed, not
 * from its manifest, which names neither: before the manifest's own
 * metadata, where a curator looks first. */
static char **
dup_details_rows (VtMetadataView      *self,
                  const char * const *languages)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();
  g_auto(GStrv) metadata = vt_manifest_dup_metadata_rows (self->manifest, languages);
  g_auto(GStrv) places = vt_manifest_dup_place_rows (self->manifest, languages);

  if (self->object_number != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (self->object_number, -1);

      /* Translators: the museum's inventory number of the object */
      g_strv_builder_add (rows, _("Object Number"));
      g_strv_builder_add (rows, markup);
    }
  if (self->organisation != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (self->organisation, -1);

      /* Translators: the museum or archive that holds the object */
      g_strv_builder_add (rows, _("Organisation"));
      g_strv_builder_add (rows, markup);
    }
  g_strv_builder_addv (rows, (const char **) metadata);
  g_strv_builder_addv (rows, (const char **) places);
  return g_strv_builder_end (rows);
}

/* Shows @rows (label, markup, …; %NULL for none) in @section. */
static void
show_rows (VtMetadataSection *section,
           char             **rows)
{
  static const char * const none[] = { NULL };

  vt_metadata_section_set_rows (section, rows != NULL ? (const char * const *) rows : none);
  g_strfreev (rows);
}

static void
fill_manifest_link (VtMetadataView *self)
{
  VtMetadataRow *row;
  GtkWidget *button;
  g_autofree char *markup = NULL;

  vt_metadata_section_clear (self->manifest_section);
  if (self->manifest_url == NULL)
    return;

  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Copy Link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Manifest Link"),
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_copy_clicked), self, G_CONNECT_SWAPPED);

  markup = vt_markup_link (self->manifest_url, self->manifest_url);
  row = vt_metadata_section_append (self->manifest_section, _("Manifest Link"), markup);
  vt_metadata_row_add_suffix (row, button);
}

static void
render (VtMetadataView *self)
{
  g_auto(GStrv) languages = vt_language_picker_dup_preferences (self->language_picker);
  const char * const *prefs = (const char * const *) languages;
  VtManifest *m = self->manifest;
  g_autofree char *title = m != NULL ? vt_manifest_dup_title (m, prefs) : NULL;
  g_autofree char *shown_title = NULL;
  g_autofree char *summary = m != NULL ? vt_markup_from_values (vt_language_map_lookup (m->summary, prefs)) : NULL;
  g_autofree char *old_logo = g_steal_pointer (&self->logo_url);

  show_rows (self->details_section, m != NULL ? dup_details_rows (self, prefs) : NULL);
  show_rows (self->page_section, m != NULL ? vt_manifest_dup_page_rows (m, self->canvas_index, prefs) : NULL);
  show_rows (self->rights_section, m != NULL ? vt_manifest_dup_rights_rows (m, self->canvas_index, prefs) : NULL);
  show_rows (self->provider_section, m != NULL ? vt_manifest_dup_provider_rows (m, prefs) : NULL);
  show_rows (self->links_section, m != NULL ? dup_link_rows (self, prefs) : NULL);
  /* The same the window fetches (VtViewing), to hand it over. */
  self->logo_url = m != NULL ? g_strdup (vt_manifest_get_logo_url (m)) : NULL;
  fill_manifest_link (self);

  /* Pango lays a paragraph out on one line before it wraps it, in units
   * that overflow past 2 million pixels: a title of a megabyte draws as a
   * bar. The label shows six lines of it at most anyway. */
  shown_title = vt_text_ellipsize (title, VT_TEXT_MAX_LABEL_CHARS);
  gtk_label_set_text (self->title_label, shown_title != NULL ? shown_title : _("Untitled Object"));
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), self->manifest != NULL);
  gtk_label_set_markup (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);

  /* Another publisher's logo is not this one's. */
  if (g_strcmp0 (old_logo, self->logo_url) != 0)
    {
      gtk_picture_set_paintable (self->logo_picture, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO_URL]);
    }
}

/* Every row, in the order shown: the sections from top to bottom. */
static GPtrArray *
dup_rows (VtMetadataView *self)
{
  VtMetadataSection *sections[] = {
    self->details_section, self->page_section, self->catalogue_section, self->rights_section, self->provider_section, self->links_section,
    self->manifest_section,
  };
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    vt_metadata_section_collect_rows (sections[i], rows);
  return rows;
}

/* Only the sections of the page, for another page of the same object; the
 * rest of the view (and the keyboard focus in it) stays as it is, and so
 * do the rows when the new page's read the same. */
static void
refill_page (VtMetadataView *self)
{
  g_auto(GStrv) languages = vt_language_picker_dup_preferences (self->language_picker);
  const char * const *prefs = (const char * const *) languages;
  VtManifest *m = self->manifest;

  show_rows (self->page_section, m != NULL ? vt_manifest_dup_page_rows (m, self->canvas_index, prefs) : NULL);
  show_rows (self->rights_section, m != NULL ? vt_manifest_dup_rights_rows (m, self->canvas_index, prefs) : NULL);
}

/* The picker is where the language is chosen, by the user or through
 * vt_metadata_view_set_language(): show the texts in it. */
static void
on_language_changed (VtMetadataView *self)
{
  render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* --- GObject ------------------------------------------------------------ */

static void
vt_metadata_view_dispose (GObject *object)
{
  VtMetadataView *self = VT_METADATA_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_METADATA_VIEW);

  g_clear_pointer (&self->manifest, vt_manifest_unref);

  G_OBJECT_CLASS (vt_metadata_view_parent_class)->dispose (object);
}

static void
vt_metadata_view_finalize (GObject *object)
{
  VtMetadataView *self = VT_METADATA_VIEW (object);

  g_clear_pointer (&self->manifest_url, g_free);
  g_clear_pointer (&self->ghent_page_url, g_free);
  g_clear_pointer (&self->object_number, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->logo_url, g_free);

  G_OBJECT_CLASS (vt_metadata_view_parent_class)->finalize (object);
}

static void
vt_metadata_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VtMetadataView *self = VT_METADATA_VIEW (object);

  switch (prop_id)
    {
    case PROP_MANIFEST_URL:
      g_value_set_string (value, self->manifest_url);
      break;

    case PROP_GHENT_PAGE_URL:
      g_value_set_string (value, self->ghent_page_url);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, vt_language_picker_get_language (self->language_picker));
      break;

    case PROP_LOGO_URL:
      g_value_set_string (value, self->logo_url);
      break;

    case PROP_CANVAS_INDEX:
      g_value_set_uint (value, self->canvas_index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_metadata_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VtMetadataView *self = VT_METADATA_VIEW (object);

  switch (prop_id)
    {
    case PROP_GHENT_PAGE_URL:
      vt_metadata_view_set_ghent_page_url (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      vt_metadata_view_set_language (self, g_value_get_string (value));
      break;

    case PROP_CANVAS_INDEX:
      vt_metadata_view_set_canvas_index (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_metadata_view_class_init (VtMetadataViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_metadata_view_dispose;
  object_class->finalize = vt_metadata_view_finalize;
  object_class->get_property = vt_metadata_view_get_property;
  object_class->set_property = vt_metadata_view_set_property;

  /**
   * VtMetadataView:manifest-url:
   *
   * The address the manifest was loaded from, shown with a copy button.
   */
  properties[PROP_MANIFEST_URL] =
    g_param_spec_string ("manifest-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * VtMetadataView:ghent-page-url:
   *
   * The public web page of a Ghent object, or %NULL for other publishers.
   */
  properties[PROP_GHENT_PAGE_URL] =
    g_param_spec_string ("ghent-page-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * VtMetadataView:language:
   *
   * The language picked for the manifest's texts (a BCP 47 tag), or %NULL
   * to follow the UI locale.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * VtMetadataView:logo-url:
   *
   * The http(s) address of the provider's logo, or %NULL. The view does no
   * networking: the window fetches it and passes the image to
   * vt_metadata_view_set_logo().
   */
  properties[PROP_LOGO_URL] =
    g_param_spec_string ("logo-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * VtMetadataView:canvas-index:
   *
   * The page on screen: the "This Page" section shows what the document
   * says of it alone (vt_manifest_dup_page_rows()), and the attribution,
   * required statement and rights rows what holds for it (see
   * vt_manifest_get_canvas_rights()).
   * Reset to 0 by vt_metadata_view_set_manifest().
   */
  properties[PROP_CANVAS_INDEX] =
    g_param_spec_uint ("canvas-index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtMetadataView::link-copied:
   * @self: the view
   * @uri: what was put on the clipboard
   *
   * Emitted after the manifest link was copied, so that the window can say
   * so in a toast.
   */
  signals[LINK_COPIED] =
    g_signal_new ("link-copied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * VtMetadataView::open-uri:
   * @self: the view
   * @uri: an http or https address
   *
   * Emitted when the user follows a link. Only http(s) links get here.
   * The default handler opens @uri with gtk_show_uri(); stop the emission
   * to open it some other way.
   */
  signals[OPEN_URI] =
    g_signal_new_class_handler ("open-uri",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (vt_metadata_view_real_open_uri),
                                NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (VT_TYPE_LANGUAGE_PICKER);
  g_type_ensure (VT_TYPE_METADATA_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-metadata-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, catalogue_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, details_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, language_picker);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, links_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, manifest_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, page_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, provider_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, rights_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, scroller);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, title_label);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_link);

  gtk_widget_class_install_action (widget_class, "metadata.follow-link", "s", follow_link);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "metadataview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vt_metadata_view_init (VtMetadataView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Object Details"),
                                  -1);
  g_signal_connect_object (self->language_picker, "notify::language",
                           G_CALLBACK (on_language_changed), self, G_CONNECT_SWAPPED);
  render (self);
}

/* --- Public API --------------------------------------------------------- */

/**
 * vt_metadata_view_new:
 *
 * Returns: (transfer floating): a new, empty metadata view
 */
GtkWidget *
vt_metadata_view_new (void)
{
  return g_object_new (VT_TYPE_METADATA_VIEW, NULL);
}

/**
 * vt_metadata_view_set_manifest:
 * @manifest: (nullable): the manifest to describe
 * @manifest_url: (nullable): where it was loaded from
 *
 * Shows @manifest, with the rights of its first canvas: call
 * vt_metadata_view_set_canvas_index() afterwards for another page. The
 * Ghent page and the picked language stay as they are; the logo is cleared
 * when the logo URL changes.
 */
void
vt_metadata_view_set_manifest (VtMetadataView *self,
                               VtManifest     *manifest,
                               const char     *manifest_url)
{
  g_return_if_fail (VT_IS_METADATA_VIEW (self));

  if (manifest != NULL)
    vt_manifest_ref (manifest);
  g_clear_pointer (&self->manifest, vt_manifest_unref);
  self->manifest = manifest;

  if (set_str (&self->manifest_url, manifest_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANIFEST_URL]);
  /* The last object's page means nothing for this one. */
  if (self->canvas_index != 0)
    {
      self->canvas_index = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS_INDEX]);
    }

  vt_language_picker_set_manifest (self->language_picker, manifest);
  render (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * vt_metadata_view_get_manifest:
 *
 * Returns: (transfer none) (nullable): the manifest shown
 */
VtManifest *
vt_metadata_view_get_manifest (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  return self->manifest;
}

const char *
vt_metadata_view_get_manifest_url (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  return self->manifest_url;
}

/**
 * vt_metadata_view_set_canvas_index:
 * @index: the canvas on screen, 0-based
 *
 * Makes the "This Page" section (the canvas's own summary, metadata and
 * links) and the attribution, required statement and rights rows follow
 * the page: each canvas's own (Ghent names them per image), else the
 * manifest's. Only those rows are rebuilt, and only when what they say
 * changes; an index past the last canvas shows the manifest's own.
 */
void
vt_metadata_view_set_canvas_index (VtMetadataView *self,
                                   guint           index)
{
  g_return_if_fail (VT_IS_METADATA_VIEW (self));

  if (self->canvas_index == index)
    return;
  self->canvas_index = index;

  refill_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS_INDEX]);
}

guint
vt_metadata_view_get_canvas_index (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), 0);

  return self->canvas_index;
}

/**
 * vt_metadata_view_set_ghent_page_url:
 * @url: (nullable): the object's public web page; only http(s) addresses
 *   are linked
 */
void
vt_metadata_view_set_ghent_page_url (VtMetadataView *self,
                                     const char     *url)
{
  g_return_if_fail (VT_IS_METADATA_VIEW (self));

  if (!set_str (&self->ghent_page_url, url))
    return;
  render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GHENT_PAGE_URL]);
}

/**
 * vt_metadata_view_set_ghent_object:
 * @number: (nullable): the Ghent object number
 * @organisation: (nullable): the name of the organisation that holds it
 *
 * What the details say first about a Ghent object.
 */
void
vt_metadata_view_set_ghent_object (VtMetadataView *self,
                                   const char     *number,
                                   const char     *organisation)
{
  gboolean changed;

  g_return_if_fail (VT_IS_METADATA_VIEW (self));

  changed = set_str (&self->object_number, number);
  changed |= set_str (&self->organisation, organisation);
  if (changed)
    render (self);
}

const char *
vt_metadata_view_get_ghent_page_url (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  return self->ghent_page_url;
}

/**
 * vt_metadata_view_set_language:
 * @language: (nullable): a BCP 47 tag, or %NULL to follow the UI locale
 *
 * Shows the manifest's texts in @language where it has them.
 */
void
vt_metadata_view_set_language (VtMetadataView *self,
                               const char     *language)
{
  g_return_if_fail (VT_IS_METADATA_VIEW (self));

  vt_language_picker_set_language (self->language_picker, language);
}

const char *
vt_metadata_view_get_language (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  return vt_language_picker_get_language (self->language_picker);
}

/**
 * vt_metadata_view_get_languages:
 *
 * Returns: (transfer full): the language tags the picker offers, in
 *   document order; empty when the manifest has fewer than two (the
 *   picker is hidden then)
 */
char **
vt_metadata_view_get_languages (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  return vt_language_picker_dup_languages (self->language_picker);
}

/**
 * vt_metadata_view_get_logo_url:
 *
 * Returns: (nullable): the provider's logo to fetch, see
 *   #VtMetadataView:logo-url
 */
const char *
vt_metadata_view_get_logo_url (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  return self->logo_url;
}

/**
 * vt_metadata_view_set_logo:
 * @logo: (nullable): the image behind #VtMetadataView:logo-url
 *
 * Shows the provider's logo, scaled down without distortion as IIIF asks.
 */
void
vt_metadata_view_set_logo (VtMetadataView *self,
                           GdkPaintable   *logo)
{
  g_return_if_fail (VT_IS_METADATA_VIEW (self));
  g_return_if_fail (!logo || GDK_IS_PAINTABLE (logo));

  gtk_picture_set_paintable (self->logo_picture, logo);
  /* The provider section shows while the logo does (VtMetadataSection). */
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), logo != NULL);
  gtk_picture_set_alternative_text (self->logo_picture, logo != NULL ? _("Provider Logo") : NULL);
}

/**
 * vt_metadata_view_get_logo:
 *
 * Returns: (transfer none) (nullable): the provider's logo, once the window
 *   has handed it over
 */
GdkPaintable *
vt_metadata_view_get_logo (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  return gtk_picture_get_paintable (self->logo_picture);
}

/**
 * vt_metadata_view_copy_manifest_url:
 *
 * Puts the manifest link on the clipboard and emits
 * #VtMetadataView::link-copied. Does nothing without a link.
 */
void
vt_metadata_view_copy_manifest_url (VtMetadataView *self)
{
  g_return_if_fail (VT_IS_METADATA_VIEW (self));

  if (self->manifest_url == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->manifest_url);
  g_signal_emit (self, signals[LINK_COPIED], 0, self->manifest_url);
}

/**
 * vt_metadata_view_get_title:
 *
 * Returns: the title as shown
 */
const char *
vt_metadata_view_get_title (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  if (self->manifest == NULL)
    return NULL;

  return gtk_label_get_text (self->title_label);
}

/**
 * vt_metadata_view_get_summary_markup:
 *
 * Returns: (transfer full) (nullable): the summary's Pango markup, or
 *   %NULL when none is shown
 */
char *
vt_metadata_view_get_summary_markup (VtMetadataView *self)
{
  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->summary_label)))
    return NULL;
  return g_strdup (gtk_label_get_label (self->summary_label));
}

/**
 * vt_metadata_view_get_row_texts:
 *
 * Returns: (transfer full): every row as a screen reader reads it,
 *   "label: value", in the order shown
 */
char **
vt_metadata_view_get_row_texts (VtMetadataView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);

  rows = dup_rows (self);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (builder, vt_metadata_row_get_spoken (g_ptr_array_index (rows, i)));
  return g_strv_builder_end (builder);
}

/**
 * vt_metadata_view_get_row_markup:
 * @label: a row's label as shown
 *
 * Returns: (transfer full) (nullable): the markup of the first row with
 *   that label
 */
char *
vt_metadata_view_get_row_markup (VtMetadataView *self,
                                 const char     *label)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (VT_IS_METADATA_VIEW (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  rows = dup_rows (self);
  for (guint i = 0; i < rows->len; i++)
    {
      VtMetadataRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (vt_metadata_row_get_label (row), label))
        return g_strdup (vt_metadata_row_get_markup (row));
    }
  return NULL;
}

/**
 * vt_metadata_view_is_openable_uri:
 * @uri: (nullable): a link target
 *
 * Returns: whether the view would open @uri in the browser: only http(s),
 *   see vt_markup_is_openable_uri()
 */
gboolean
vt_metadata_view_is_openable_uri (const char *uri)
{
  return vt_markup_is_openable_uri (uri);
}

/**
 * vt_metadata_view_set_catalogue_record:
 * @record: (nullable): what the local catalogue knows of the object on
 *   screen, or %NULL
 *
 * Shows @record in a section of its own, labelled as the catalogue's: the
 * manifest's own metadata stays as the publisher gave it.
 */
void
vt_metadata_view_set_catalogue_record (VtMetadataView    *self,
                                       VtCatalogueRecord *record)
{
  g_return_if_fail (VT_IS_METADATA_VIEW (self));

  show_rows (self->catalogue_section, record != NULL ? vt_catalogue_record_dup_rows (record) : NULL);
}
