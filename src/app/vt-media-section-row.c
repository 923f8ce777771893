/* vt-media-section-row.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-media-section-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-media-section-row.h"
#include "vt-timeline-controls.h"

/* One section of a recording in the player's list: its label and the
 * time it starts at, and its range's thumbnail before them when the range
 * has one (cookbook 0229: the scenes of a film, each with a still). The
 * thumbnail comes through the session's thumbnail loader, as the page
 * strip's do, shrunk off the main thread. */

struct _VtMediaSectionRow
{
  GtkListBoxRow  parent_instance;

  GtkPicture    *picture;   /* only for a section with a thumbnail */
};

G_DEFINE_FINAL_TYPE (VtMediaSectionRow, vt_media_section_row, GTK_TYPE_LIST_BOX_ROW)

static void
vt_media_section_row_class_init (VtMediaSectionRowClass *klass)
{
}

static void
vt_media_section_row_init (VtMediaSectionRow *self)
{
}

/* The row may be gone by now (the list refilled for another canvas): the
 * load was cancelled then, and the picture is only held here. */
static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = vt_thumbnail_loader_load_finish (VT_THUMBNAIL_LOADER (object), result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("section thumbnail: %s", error->message);
      return;
    }
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

/**
 * vt_media_section_row_new:
 * @align: whether to keep a thumbnail's room free when the section has
 *   none, so that the labels line up with those of sections that have
 * @loader: (nullable): loads the section's thumbnail; without one, none
 *   is shown
 * @cancellable: (nullable): cancels that load
 *
 * Returns: (transfer floating): a row for @section
 */
GtkWidget *
vt_media_section_row_new (const VtMediaSection *section,
                          gboolean              align,
                          VtThumbnailLoader    *loader,
                          GCancellable         *cancellable)
{
  VtMediaSectionRow *self;
  g_autofree char *time = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *box, *label, *time_label;

  g_return_val_if_fail (section != NULL, NULL);

  self = g_object_new (VT_TYPE_MEDIA_SECTION_ROW, NULL);
  time = vt_timeline_format_time (section->start);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (section->label);
  time_label = gtk_label_new (time);

  if (loader != NULL && section->thumbnail != NULL && section->thumbnail->len > 0)
    {
      /* The place is kept while the picture loads, so that the labels do
       * not jump when it comes. */
      self->picture = GTK_PICTURE (gtk_picture_new ());
      gtk_picture_set_can_shrink (self->picture, TRUE);
      gtk_widget_set_size_request (GTK_WIDGET (self->picture),
                                   VT_MEDIA_SECTION_THUMBNAIL_SIZE, VT_MEDIA_SECTION_THUMBNAIL_SIZE * 9 / 16);
      gtk_widget_set_valign (GTK_WIDGET (self->picture), GTK_ALIGN_CENTER);
      /* The label says what the picture shows. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->picture));
      vt_thumbnail_loader_load_resources_async (loader, section->thumbnail, VT_MEDIA_SECTION_THUMBNAIL_SIZE,
                                                cancellable, thumbnail_loaded_cb, g_object_ref (self->picture));
    }
  else if (align)
    {
      GtkWidget *room = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_size_request (room, VT_MEDIA_SECTION_THUMBNAIL_SIZE, -1);
      gtk_box_append (GTK_BOX (box), room);
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), time_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  /* Translators: a section of a recording and where it starts, read
   * by a screen reader, e.g. "Second movement, at 2:05" */
  accessible = g_strdup_printf (_("%s, at %s"), section->label, time);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return GTK_WIDGET (self);
}

/**
 * vt_media_section_row_has_thumbnail:
 *
 * Returns: whether the row shows a thumbnail (its range has one)
 */
gboolean
vt_media_section_row_has_thumbnail (VtMediaSectionRow *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_SECTION_ROW (self), FALSE);

  return self->picture != NULL;
}

/**
 * vt_media_section_row_get_thumbnail:
 *
 * Returns: (transfer none) (nullable): the thumbnail, once loaded
 */
GdkPaintable *
vt_media_section_row_get_thumbnail (VtMediaSectionRow *self)
{
  g_return_val_if_fail (VT_IS_MEDIA_SECTION_ROW (self), NULL);

  return self->picture != NULL ? gtk_picture_get_paintable (self->picture) : NULL;
}
