/* vt-metadata-row.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-metadata-row"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-markup.h"
#include "vt-accessible.h"
#include "vt-metadata-row.h"

/* One row of the sidebar's lists: a caption ("Material") over a value in
 * label markup ("oak", or links), with room for a button at the end. It
 * reads to a screen reader as "label: value" rather than as two unrelated
 * labels. It opens no links itself: it activates the "metadata.follow-link"
 * action with the link's target, and the view that installs it decides. */

struct _VtMetadataRow
{
  GtkListBoxRow  parent_instance;

  char          *spoken;   /* "label: value", as a screen reader says it */

  /* Template widgets */
  GtkLabel      *caption;
  GtkLabel      *value;
};

G_DEFINE_FINAL_TYPE (VtMetadataRow, vt_metadata_row, GTK_TYPE_LIST_BOX_ROW)

/* A row shows one label and value for its whole life: a section makes new
 * rows when what it shows changes. */
static void
show (VtMetadataRow *self,
      const char    *label,
      const char    *markup)
{
  g_autofree char *text = NULL;

  if (label == NULL)
    label = "";
  if (markup == NULL)
    markup = "";
  text = vt_markup_to_text (markup);
  if (text == NULL)
    text = g_strdup (markup);

  gtk_label_set_text (self->caption, label);
  gtk_label_set_markup (self->value, markup);
  if (vt_markup_is_web_address (text))
    {
      /* A bare address reads better on one line, shortened in the middle
       * where it is least telling; the tooltip and a copy give it whole. */
      gtk_label_set_ellipsize (self->value, PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->value), text);
    }
  else
    {
      gtk_label_set_wrap (self->value, TRUE);
      gtk_label_set_wrap_mode (self->value, PANGO_WRAP_WORD_CHAR);
    }

  /* A screen reader meets the row first: let it say "label: value" rather
   * than two unrelated labels. */
  /* Translators: how a screen reader reads one row of the object's
   * details: "Material: oak" */
  self->spoken = g_strdup_printf (_("%s: %s"), label, text);

  /* One Tab stop per row, read once. The value is selectable (to copy
   * it) and may hold links, so it takes the focus of its own: it is the
   * row's one stop, and carries the row's name; the row itself is not a
   * stop. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->spoken,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->spoken,
                                  -1);
  /* The tooltip holds the whole address, which the name has too. */
  vt_accessible_drop_tooltip_description (GTK_WIDGET (self->value));
  /* The caption is part of the row's name already. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->caption),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
}

/* Links are followed by whoever installs "metadata.follow-link". */
static gboolean
on_activate_link (GtkLabel      *label,
                  const char    *uri,
                  VtMetadataRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "metadata.follow-link", "s", uri);

  /* Never GTK's default, which would hand any scheme to the system. */
  return TRUE;
}

static void
vt_metadata_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_METADATA_ROW);

  G_OBJECT_CLASS (vt_metadata_row_parent_class)->dispose (object);
}

static void
vt_metadata_row_finalize (GObject *object)
{
  VtMetadataRow *self = VT_METADATA_ROW (object);

  g_clear_pointer (&self->spoken, g_free);

  G_OBJECT_CLASS (vt_metadata_row_parent_class)->finalize (object);
}

static void
vt_metadata_row_class_init (VtMetadataRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_metadata_row_dispose;
  object_class->finalize = vt_metadata_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-metadata-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VtMetadataRow, caption);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataRow, value);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_link);
}

static void
vt_metadata_row_init (VtMetadataRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vt_metadata_row_new:
 * @label: the caption, plain text
 * @markup: the value, label markup
 *
 * Returns: (transfer floating): a row showing @label over @markup
 */
GtkWidget *
vt_metadata_row_new (const char *label,
                     const char *markup)
{
  VtMetadataRow *self = g_object_new (VT_TYPE_METADATA_ROW, NULL);

  show (self, label, markup);
  return GTK_WIDGET (self);
}

const char *
vt_metadata_row_get_label (VtMetadataRow *self)
{
  g_return_val_if_fail (VT_IS_METADATA_ROW (self), NULL);

  return gtk_label_get_text (self->caption);
}

const char *
vt_metadata_row_get_markup (VtMetadataRow *self)
{
  g_return_val_if_fail (VT_IS_METADATA_ROW (self), NULL);

  return gtk_label_get_label (self->value);
}

/**
 * vt_metadata_row_get_spoken:
 *
 * Returns: the row as a screen reader reads it, "label: value", the value
 *   as plain text
 */
const char *
vt_metadata_row_get_spoken (VtMetadataRow *self)
{
  g_return_val_if_fail (VT_IS_METADATA_ROW (self), NULL);

  return self->spoken;
}

/**
 * vt_metadata_row_add_suffix:
 * @suffix: a widget, such as a button, to show after the value
 *
 * Adds @suffix at the end of the row, centred beside the value.
 */
void
vt_metadata_row_add_suffix (VtMetadataRow *self,
                            GtkWidget     *suffix)
{
  GtkWidget *box;

  g_return_if_fail (VT_IS_METADATA_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (suffix));
  g_return_if_fail (gtk_widget_get_parent (suffix) == NULL);

  /* The box is the row's child, not bound: GtkListBoxRow unparents it
   * itself. The suffix brings its own padding: less margin after it. */
  box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), suffix);
}
