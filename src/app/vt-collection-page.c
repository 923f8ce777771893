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

#include "vt-collection-page.h"
#include "vt-text.h"

/* A IIIF collection: its title, its summary and a row per member. A row
 * opens its member through the window's `win.open-input`, as if its address
 * had been typed, so that history and the header follow. */

struct _VtCollectionPage
{
  AdwBin      parent_instance;

  guint       n_members;

  /* Template widgets */
  GtkLabel   *collection_title_label;
  GtkLabel   *collection_summary_label;
  GtkListBox *collection_list;
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

/**
 * vt_collection_page_set_collection:
 * @collection: (nullable): the collection to list, or %NULL to empty the page
 */
void
vt_collection_page_set_collection (VtCollectionPage *self,
                                   VtCollection     *collection)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  g_return_if_fail (VT_IS_COLLECTION_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->collection_list))) != NULL)
    gtk_list_box_remove (self->collection_list, child);
  self->n_members = 0;

  if (collection == NULL)
    {
      gtk_label_set_text (self->collection_title_label, "");
      gtk_label_set_text (self->collection_summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->collection_summary_label), FALSE);
      return;
    }

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
    {
      VtCollectionMember *member = g_ptr_array_index (collection->members, i);
      g_autofree char *label = NULL;
      g_autofree char *escaped = NULL;
      GtkWidget *row;

      if (member->id == NULL)
        continue;

      label = dup_label (member->label, member->id, VT_TEXT_MAX_TITLE_CHARS);
      escaped = g_markup_escape_text (label, -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   member->kind == VT_COLLECTION_MEMBER_COLLECTION
                                   ? _("Collection") : _("Object"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-input");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", member->id);
      gtk_list_box_append (self->collection_list, row);
      self->n_members++;
    }
}

const char *
vt_collection_page_get_title (VtCollectionPage *self)
{
  g_return_val_if_fail (VT_IS_COLLECTION_PAGE (self), NULL);

  return gtk_label_get_text (self->collection_title_label);
}

guint
vt_collection_page_get_n_members (VtCollectionPage *self)
{
  g_return_val_if_fail (VT_IS_COLLECTION_PAGE (self), 0);

  return self->n_members;
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

static void
vt_collection_page_dispose (GObject *object)
{
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
}

static void
vt_collection_page_init (VtCollectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
