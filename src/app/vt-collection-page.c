/* vt-collection-page.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-collection-page"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-html.h"
#include "net/vt-ghent-catalogue.h"

#include "vt-collection-page.h"
#include "vt-text.h"

/* A IIIF collection: its title, its summary and a row per member. A row
 * opens its member through the window's `win.open-input`, as if its address
 * had been typed, so that history and the header follow.
 *
 * A collection may list 100,000 members: making a row for each froze the
 * window for minutes. Rows come ROWS_PER_PAGE at a time, and Show More at
 * the end of the list adds the next ones.
 *
 * A member's thumbnail, when the collection gives one, is fetched only
 * when its row is first mapped, through the session (the client's queue
 * at thumbnail priority, the decoder's checks): scrolling past a thousand
 * rows does not ask for a thousand images. */

#define ROWS_PER_PAGE 200
#define THUMBNAIL_SIZE 48

struct _VtCollectionPage
{
  AdwBin        parent_instance;

  VtCollection *collection;
  VtSession    *session;
  GCancellable *cancellable;   /* the thumbnails of this collection's rows */
  guint         n_thumbnails;  /* how many have come */
  guint         n_members;     /* those with an address, which get a row */
  guint         n_shown;
  guint         next_member;   /* where the next Show More goes on */

  /* Template widgets */
  GtkLabel     *collection_title_label;
  GtkLabel     *collection_summary_label;
  GtkListBox   *collection_list;
  GtkWidget    *more_box;
  GtkLabel     *more_label;
};

G_DEFINE_FINAL_TYPE (VtCollectionPage, vt_collection_page, ADW_TYPE_BIN)

/* At most @max_chars characters: GTK freezes wrapping a megabyte with
 * nowhere to break it, and draws it as a bar on one line. */
static char *
dup_label (VtLanguageMap *label,
           const char    *fallback,
           guint          max_chars)
{
  g_autofree char *text = label ? vt_language_map_dup_text (label, g_get_language_names (), " · ") : NULL;

  return vt_text_ellipsize (text ? text : fallback, max_chars);
}

typedef struct
{
  VtCollectionPage *self;
  GtkImage         *image;
} ThumbnailData;

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ThumbnailData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = vt_session_load_image_finish (VT_SESSION (object), result, &error);

  if (texture != NULL)
    {
      gtk_image_set_from_paintable (data->image, GDK_PAINTABLE (texture));
      gtk_image_set_pixel_size (data->image, THUMBNAIL_SIZE);
      gtk_widget_remove_css_class (GTK_WIDGET (data->image), "dim-label");
      data->self->n_thumbnails++;
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No thumbnail for a collection member: %s", error->message);

  g_object_unref (data->self);
  g_object_unref (data->image);
  g_free (data);
}

static void
thumbnail_mapped_cb (GtkImage         *image,
                     VtCollectionPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (image), "vt-thumbnail-uri");
  ThumbnailData *data;

  /* Once: a row scrolled back into view keeps what it has. */
  g_signal_handlers_disconnect_by_func (image, thumbnail_mapped_cb, self);
  if (uri == NULL || self->session == NULL)
    return;

  data = g_new0 (ThumbnailData, 1);
  data->self = g_object_ref (self);
  data->image = g_object_ref (image);
  vt_session_load_image_async (self->session, uri, THUMBNAIL_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (image)),
                               self->cancellable, thumbnail_loaded_cb, data);
}

/* The member's first thumbnail that is a web address, if any. */
static const char *
get_thumbnail_uri (VtCollectionMember *member)
{
  for (guint i = 0; member->thumbnail != NULL && i < member->thumbnail->len; i++)
    {
      VtResource *thumbnail = g_ptr_array_index (member->thumbnail, i);

      if (thumbnail->id != NULL &&
          (g_str_has_prefix (thumbnail->id, "https://") || g_str_has_prefix (thumbnail->id, "http://")))
        return thumbnail->id;
    }
  return NULL;
}

/* What tells members apart under their titles: a Ghent object's number,
 * else the date the collection gives it; a sub-collection says so. */
static char *
dup_subtitle (VtCollectionMember *member)
{
  g_autofree char *organisation = NULL;
  g_autofree char *number = NULL;

  if (member->kind == VT_COLLECTION_MEMBER_COLLECTION)
    return g_strdup (_("Collection"));

  if (vt_ghent_parse_input (member->id, NULL, &organisation, &number, NULL))
    {
      const VtGhentOrganisation *org = vt_ghent_lookup_organisation (organisation);
      g_autofree char *shown = vt_text_ellipsize (number, VT_TEXT_MAX_TITLE_CHARS);

      if (org != NULL)
        /* Translators: a collection member's object number, then the name
         * of the museum that holds it, e.g. "1987-1049 · Design Museum Gent" */
        return g_strdup_printf (_("%s · %s"), shown, vt_ghent_organisation_get_display_name (org));
      return g_steal_pointer (&shown);
    }

  /* A navDate is an ISO date and time; the day is enough. */
  if (member->nav_date != NULL)
    return g_strndup (member->nav_date, 10);

  return NULL;
}

static GtkWidget *
new_member_row (VtCollectionPage   *self,
                VtCollectionMember *member)
{
  g_autofree char *label = dup_label (member->label, member->id, VT_TEXT_MAX_TITLE_CHARS);
  g_autofree char *escaped = g_markup_escape_text (label, -1);
  g_autofree char *subtitle = dup_subtitle (member);
  g_autofree char *subtitle_escaped = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;
  const char *thumbnail = get_thumbnail_uri (member);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (subtitle_escaped != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_escaped);

  image = gtk_image_new_from_icon_name (member->kind == VT_COLLECTION_MEMBER_COLLECTION
                                        ? "folder-pictures-symbolic" : "image-x-generic-symbolic");
  /* A small dim icon in the thumbnail's place until it comes (if ever). */
  gtk_image_set_pixel_size (GTK_IMAGE (image), THUMBNAIL_SIZE / 2);
  gtk_widget_set_size_request (image, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_widget_add_css_class (image, "member-thumbnail");
  /* The row's title names it; the picture adds nothing to hear. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  if (thumbnail != NULL)
    {
      g_object_set_data_full (G_OBJECT (image), "vt-thumbnail-uri", g_strdup (thumbnail), g_free);
      g_signal_connect (image, "map", G_CALLBACK (thumbnail_mapped_cb), self);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-input");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", member->id);

  return row;
}

static void
update_more (VtCollectionPage *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->more_box, self->n_shown < self->n_members);
  if (self->n_shown >= self->n_members)
    return;

  /* Translators: how many members of a collection are listed, of how many */
  text = g_strdup_printf (ngettext ("%u of %u object shown", "%u of %u objects shown", self->n_members),
                          self->n_shown, self->n_members);
  gtk_label_set_text (self->more_label, text);
}

/* Adds the rows of the next ROWS_PER_PAGE members. */
static void
show_more (VtCollectionPage *self)
{
  GPtrArray *members = self->collection ? self->collection->members : NULL;
  guint added = 0;

  while (members != NULL && self->next_member < members->len && added < ROWS_PER_PAGE)
    {
      VtCollectionMember *member = g_ptr_array_index (members, self->next_member++);

      if (member->id == NULL)
        continue;
      gtk_list_box_append (self->collection_list, new_member_row (self, member));
      added++;
    }
  self->n_shown += added;
  update_more (self);
}

static void
more_clicked_cb (VtCollectionPage *self)
{
  show_more (self);
}

/**
 * vt_collection_page_set_collection:
 * @collection: (nullable): the collection to list, or %NULL to empty the page
 *
 * Lists the first members of @collection; Show More lists the others.
 */
void
vt_collection_page_set_collection (VtCollectionPage *self,
                                   VtCollection     *collection)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  g_return_if_fail (VT_IS_COLLECTION_PAGE (self));

  /* The window syncs its pages on every change of state. */
  if (collection == self->collection)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->collection_list))) != NULL)
    gtk_list_box_remove (self->collection_list, child);
  g_clear_pointer (&self->collection, vt_collection_unref);
  self->n_members = self->n_shown = self->next_member = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_thumbnails = 0;

  if (collection == NULL)
    {
      gtk_label_set_text (self->collection_title_label, "");
      gtk_label_set_text (self->collection_summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->collection_summary_label), FALSE);
      update_more (self);
      return;
    }

  self->collection = vt_collection_ref (collection);
  title = dup_label (collection->label, _("Untitled Collection"), VT_TEXT_MAX_LABEL_CHARS);
  gtk_label_set_text (self->collection_title_label, title);

  if (collection->summary != NULL)
    {
      g_autofree char *raw = vt_language_map_dup_string (collection->summary,
                                                         g_get_language_names (), "\n");

      summary = raw ? vt_html_to_markup (raw) : NULL;
    }
  gtk_label_set_markup (self->collection_summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->collection_summary_label), summary && *summary);

  for (guint i = 0; collection->members != NULL && i < collection->members->len; i++)
    if (((VtCollectionMember *) g_ptr_array_index (collection->members, i))->id != NULL)
      self->n_members++;
  show_more (self);
}

const char *
vt_collection_page_get_title (VtCollectionPage *self)
{
  g_return_val_if_fail (VT_IS_COLLECTION_PAGE (self), NULL);

  return gtk_label_get_text (self->collection_title_label);
}

/**
 * vt_collection_page_get_n_members:
 *
 * Returns: how many members the page lists, shown or behind Show More
 */
guint
vt_collection_page_get_n_members (VtCollectionPage *self)
{
  g_return_val_if_fail (VT_IS_COLLECTION_PAGE (self), 0);

  return self->n_members;
}

/**
 * vt_collection_page_get_n_shown:
 *
 * Returns: how many members have a row now
 */
guint
vt_collection_page_get_n_shown (VtCollectionPage *self)
{
  g_return_val_if_fail (VT_IS_COLLECTION_PAGE (self), 0);

  return self->n_shown;
}

/**
 * vt_collection_page_show_more:
 *
 * Lists the next members, as Show More does.
 *
 * Returns: %TRUE if there were more to show
 */
gboolean
vt_collection_page_show_more (VtCollectionPage *self)
{
  g_return_val_if_fail (VT_IS_COLLECTION_PAGE (self), FALSE);

  if (self->n_shown >= self->n_members)
    return FALSE;
  show_more (self);
  return TRUE;
}

/**
 * vt_collection_page_activate:
 *
 * Opens member @index, as a click on its row does.
 *
 * Returns: %TRUE if there is such a member
 */
gboolean
vt_collection_page_activate (VtCollectionPage *self,
                             guint             index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (VT_IS_COLLECTION_PAGE (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->collection_list, index);
  if (row == NULL)
    return FALSE;

  return gtk_widget_activate (GTK_WIDGET (row));
}

/**
 * vt_collection_page_set_session:
 *
 * The session whose client fetches the members' thumbnails.
 */
void
vt_collection_page_set_session (VtCollectionPage *self,
                                VtSession        *session)
{
  g_return_if_fail (VT_IS_COLLECTION_PAGE (self));
  g_return_if_fail (!session || VT_IS_SESSION (session));

  g_set_object (&self->session, session);
}

/**
 * vt_collection_page_get_n_thumbnails:
 *
 * Returns: how many rows show their member's thumbnail now
 */
guint
vt_collection_page_get_n_thumbnails (VtCollectionPage *self)
{
  g_return_val_if_fail (VT_IS_COLLECTION_PAGE (self), 0);

  return self->n_thumbnails;
}

/**
 * vt_collection_page_get_subtitle:
 *
 * Returns: (nullable): what the row of member @index says under its title
 */
const char *
vt_collection_page_get_subtitle (VtCollectionPage *self,
                                 guint             index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (VT_IS_COLLECTION_PAGE (self), NULL);

  row = gtk_list_box_get_row_at_index (self->collection_list, index);
  if (!ADW_IS_ACTION_ROW (row))
    return NULL;
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
vt_collection_page_dispose (GObject *object)
{
  VtCollectionPage *self = VT_COLLECTION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  g_clear_pointer (&self->collection, vt_collection_unref);
  /* AdwBin unparents its child itself; the template's pointers must not
   * outlive it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_COLLECTION_PAGE);

  G_OBJECT_CLASS (vt_collection_page_parent_class)->dispose (object);
}

static void
vt_collection_page_class_init (VtCollectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_collection_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-collection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VtCollectionPage, collection_list);
  gtk_widget_class_bind_template_child (widget_class, VtCollectionPage, collection_summary_label);
  gtk_widget_class_bind_template_child (widget_class, VtCollectionPage, collection_title_label);
  gtk_widget_class_bind_template_child (widget_class, VtCollectionPage, more_box);
  gtk_widget_class_bind_template_child (widget_class, VtCollectionPage, more_label);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
}

static void
vt_collection_page_init (VtCollectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
