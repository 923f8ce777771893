/* vt-metadata-view.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-metadata-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iiif/vt-markup.h"
#include "iiif/vt-rights.h"
#include "vt-language-picker.h"
#include "vt-metadata-row.h"
#include "vt-metadata-view.h"

struct _VtMetadataView
{
  GtkWidget      parent_instance;

  VtManifest    *manifest;
  char          *manifest_url;
  char          *ghent_page_url;
  char          *logo_url;
  guint          canvas_index;   /* the page whose rights are shown */

  /* Template widgets */
  GtkBox        *details_section;
  GtkListBox    *details_list;
  VtLanguagePicker *language_picker;
  GtkBox        *links_section;
  GtkListBox    *links_list;
  GtkPicture    *logo_picture;
  GtkBox        *manifest_section;
  GtkListBox    *manifest_list;
  GtkBox        *provider_section;
  GtkListBox    *provider_list;
  GtkBox        *rights_section;
  GtkListBox    *rights_list;
  GtkScrolledWindow *scroller;
  GtkLabel      *summary_label;
  GtkLabel      *title_label;
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

static const char * const *
lookup (VtMetadataView *self,
        VtLanguageMap  *map)
{
  return vt_language_picker_lookup (self->language_picker, map);
}

static char *
dup_text (VtMetadataView *self,
          VtLanguageMap  *map,
          const char     *separator)
{
  const char * const *values = lookup (self, map);
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return NULL;
  joined = g_strjoinv (separator, (char **) values);
  g_strstrip (joined);
  return joined[0] != '\0' ? g_steal_pointer (&joined) : NULL;
}

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

static char *
dup_markup (VtMetadataView *self,
            VtLanguageMap  *map)
{
  return vt_markup_from_values (lookup (self, map));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Links in the summary and in every row end here: only http(s) ones are
 * opened (see vt_markup_is_openable_uri()). */
static void
follow_link (VtMetadataView *self,
             const char     *uri)
{
  if (vt_markup_is_openable_uri (uri))
    g_signal_emit (self, signals[OPEN_URI], 0, uri);
  else
    g_debug ("Not opening a link that is not http(s): %s", uri);
}

static gboolean
on_activate_link (GtkLabel       *label,
                  const char     *uri,
                  VtMetadataView *self)
{
  follow_link (self, uri);

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

static VtMetadataRow *
add_row (VtMetadataView *self,
         GtkListBox     *list,
         const char     *label,
         const char     *markup)
{
  GtkWidget *row = vt_metadata_row_new (label, markup);

  g_signal_connect_object (row, "link-activated", G_CALLBACK (follow_link), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (list, row);
  return VT_METADATA_ROW (row);
}

static void
add_resource_rows (VtMetadataView *self,
                   GtkListBox     *list,
                   GPtrArray      *resources,
                   const char     *label)
{
  if (resources == NULL)
    return;

  for (guint i = 0; i < resources->len; i++)
    {
      VtResource *resource = g_ptr_array_index (resources, i);
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      if (resource->id == NULL)
        continue;
      text = dup_text (self, resource->label, " ");
      markup = vt_markup_link (resource->id, text);
      add_row (self, list, label, markup);
    }
}

static void
on_copy_clicked (VtMetadataView *self)
{
  vt_metadata_view_copy_manifest_url (self);
}

static void
fill_details (VtMetadataView *self)
{
  GPtrArray *metadata = self->manifest->metadata;

  if (metadata == NULL)
    return;

  for (guint i = 0; i < metadata->len; i++)
    {
      VtMetadataEntry *entry = g_ptr_array_index (metadata, i);
      g_autofree char *label = dup_text (self, entry->label, " ");
      g_autofree char *markup = dup_markup (self, entry->value);

      if (markup == NULL)
        continue;
      add_row (self, self->details_list, label != NULL ? label : "", markup);
    }
}

/* The rights rows for the page on screen, as label and markup, in order.
 * They follow the page: Ghent names the licence and the rights holder per
 * image, and the pages of one object can differ. */
static GStrv
dup_rights_rows (VtMetadataView *self)
{
  VtMetadataEntry *statement = vt_manifest_get_canvas_required_statement (self->manifest, self->canvas_index);
  const char *rights = vt_manifest_get_canvas_rights (self->manifest, self->canvas_index);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *label = NULL;
  g_autofree char *markup = NULL;

  if (statement != NULL)
    {
      label = dup_text (self, statement->label, " ");
      markup = dup_markup (self, statement->value);
    }
  if (markup != NULL)
    {
      g_strv_builder_add (builder, label != NULL ? label : _("Attribution"));
      g_strv_builder_add (builder, markup);
    }

  if (rights != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *link = NULL;
      g_autofree char *rights_markup = NULL;

      if (vt_rights_describe (rights, &name, &link) != VT_RIGHTS_UNKNOWN)
        rights_markup = vt_markup_link (link, name);
      else
        rights_markup = vt_markup_link (rights, rights);
      /* Translators: the licence or rights statement of the object */
      g_strv_builder_add (builder, _("Rights"));
      g_strv_builder_add (builder, rights_markup);
    }
  return g_strv_builder_end (builder);
}

static void
add_rights_rows (VtMetadataView *self,
                 char          **pairs)
{
  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    add_row (self, self->rights_list, pairs[i], pairs[i + 1]);
}

static void
fill_rights (VtMetadataView *self)
{
  g_auto(GStrv) pairs = dup_rights_rows (self);

  add_rights_rows (self, pairs);
}

static void
fill_provider (VtMetadataView *self)
{
  GPtrArray *providers = self->manifest->provider;

  if (providers == NULL)
    return;

  for (guint i = 0; i < providers->len; i++)
    {
      VtAgent *agent = g_ptr_array_index (providers, i);
      g_autofree char *name = dup_text (self, agent->label, " ");
      const char *homepage = NULL;
      g_autofree char *markup = NULL;

      for (guint j = 0; agent->homepage != NULL && j < agent->homepage->len && homepage == NULL; j++)
        {
          VtResource *page = g_ptr_array_index (agent->homepage, j);

          if (vt_markup_is_openable_uri (page->id))
            homepage = page->id;
        }
      for (guint j = 0; agent->logo != NULL && j < agent->logo->len && self->logo_url == NULL; j++)
        {
          VtResource *logo = g_ptr_array_index (agent->logo, j);

          if (vt_markup_is_openable_uri (logo->id))
            self->logo_url = g_strdup (logo->id);
        }

      if (name == NULL && homepage == NULL)
        continue;
      markup = homepage != NULL ? vt_markup_link (homepage, name) : g_markup_escape_text (name, -1);
      /* Translators: the institution that publishes the object */
      add_row (self, self->provider_list, _("Institution"), markup);
    }
}

static void
fill_links (VtMetadataView *self)
{
  if (self->ghent_page_url != NULL)
    {
      g_autofree char *markup = vt_markup_link (self->ghent_page_url, self->ghent_page_url);

      /* Translators: the object's page on the museum's public web site */
      add_row (self, self->links_list, _("Public Web Page"), markup);
    }

  add_resource_rows (self, self->links_list, self->manifest->homepage, _("Homepage"));
  /* Translators: another form of the object, such as a PDF or a record */
  add_resource_rows (self, self->links_list, self->manifest->rendering, _("Alternative Format"));
  /* Translators: a machine-readable description of the object elsewhere */
  add_resource_rows (self, self->links_list, self->manifest->see_also, _("See Also"));
}

static void
fill_manifest (VtMetadataView *self)
{
  VtMetadataRow *row;
  GtkWidget *button;
  g_autofree char *markup = NULL;

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
  row = add_row (self, self->manifest_list, _("Manifest Link"), markup);
  vt_metadata_row_add_suffix (row, button);
}

static void
update_section (GtkBox     *section,
                GtkListBox *list)
{
  gtk_widget_set_visible (GTK_WIDGET (section), gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL);
}

static void
render (VtMetadataView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *old_logo = g_steal_pointer (&self->logo_url);

  clear_list (self->details_list);
  clear_list (self->rights_list);
  clear_list (self->provider_list);
  clear_list (self->links_list);
  clear_list (self->manifest_list);

  if (self->manifest != NULL)
    {
      title = dup_text (self, self->manifest->label, " ");
      summary = dup_markup (self, self->manifest->summary);
      fill_details (self);
      fill_rights (self);
      fill_provider (self);
      fill_links (self);
    }
  fill_manifest (self);

  gtk_label_set_text (self->title_label, title != NULL ? title : _("Untitled Object"));
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), self->manifest != NULL);
  gtk_label_set_markup (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);

  update_section (self->details_section, self->details_list);
  update_section (self->rights_section, self->rights_list);
  update_section (self->provider_section, self->provider_list);
  update_section (self->links_section, self->links_list);
  update_section (self->manifest_section, self->manifest_list);

  if (g_strcmp0 (old_logo, self->logo_url) != 0)
    {
      gtk_picture_set_paintable (self->logo_picture, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO_URL]);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->logo_picture)))
    gtk_widget_set_visible (GTK_WIDGET (self->provider_section), TRUE);
}

/* Every row, in the order shown: the sections from top to bottom. */
static GPtrArray *
dup_rows (VtMetadataView *self)
{
  GtkListBox *lists[] = {
    self->details_list, self->rights_list, self->provider_list, self->links_list, self->manifest_list,
  };
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (lists[i]));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      g_ptr_array_add (rows, child);
  return rows;
}

/* Whether the rights rows already show @pairs (label, markup, …). */
static gboolean
rights_rows_show (VtMetadataView *self,
                  char          **pairs)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->rights_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), n += 2)
    {
      VtMetadataRow *row = VT_METADATA_ROW (child);

      if (pairs[n] == NULL || pairs[n + 1] == NULL
          || !g_str_equal (vt_metadata_row_get_label (row), pairs[n])
          || !g_str_equal (vt_metadata_row_get_markup (row), pairs[n + 1]))
        return FALSE;
    }
  return pairs[n] == NULL;
}

/* Only the rights section, for another page of the same object; the rest
 * of the view (and the keyboard focus in it) stays as it is, and so do the
 * rights rows when the new page's read the same. */
static void
refill_rights (VtMetadataView *self)
{
  g_auto(GStrv) pairs = self->manifest != NULL ? dup_rights_rows (self) : g_new0 (char *, 1);

  if (rights_rows_show (self, pairs))
    return;

  clear_list (self->rights_list);
  add_rights_rows (self, pairs);
  update_section (self->rights_section, self->rights_list);
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
   * The page on screen: the attribution, required statement and rights
   * rows show what holds for it (see vt_manifest_get_canvas_rights()).
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
  g_type_ensure (VT_TYPE_METADATA_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-metadata-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, details_list);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, details_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, language_picker);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, links_list);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, links_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, manifest_list);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, manifest_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, provider_list);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, provider_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, rights_list);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, rights_section);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, scroller);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataView, title_label);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_link);

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
 * Makes the attribution, required statement and rights rows follow the
 * page: each canvas's own (Ghent names them per image), else the
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

  refill_rights (self);
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
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), logo != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->provider_section),
                          logo != NULL || gtk_widget_get_first_child (GTK_WIDGET (self->provider_list)) != NULL);
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
