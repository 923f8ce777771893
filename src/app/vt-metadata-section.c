/* vt-metadata-section.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-metadata-section"

#include "config.h"

#include "vt-metadata-section.h"

/* One section of the sidebar: a heading over a list of #VtMetadataRow.
 * It shows itself only when it has something to show, so that no empty
 * heading is left. Widgets given as children in a .ui (the provider's
 * logo) go between the heading and the rows, and count as something to
 * show while they are visible. */

struct _VtMetadataSection
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkLabel   *heading;
  GtkListBox *list;
};

static void vt_metadata_section_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtMetadataSection, vt_metadata_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, vt_metadata_section_buildable_init))

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static void
update_visible (VtMetadataSection *self)
{
  gboolean shown;

  if (self->list == NULL)
    return;

  shown = gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL && !shown;
       child = gtk_widget_get_next_sibling (child))
    if (child != GTK_WIDGET (self->heading) && child != GTK_WIDGET (self->list))
      shown = gtk_widget_get_visible (child);
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
}

/* Whether the rows show @rows (label, markup, …) already. */
static gboolean
shows (VtMetadataSection  *self,
       const char * const *rows)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), n += 2)
    {
      VtMetadataRow *row = VT_METADATA_ROW (child);

      if (rows[n] == NULL || rows[n + 1] == NULL
          || !g_str_equal (vt_metadata_row_get_label (row), rows[n])
          || !g_str_equal (vt_metadata_row_get_markup (row), rows[n + 1]))
        return FALSE;
    }
  return rows[n] == NULL;
}

static void
vt_metadata_section_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  VtMetadataSection *self = VT_METADATA_SECTION (buildable);

  /* The template's own children come while the list is not bound yet. */
  if (self->list == NULL || !GTK_IS_WIDGET (child))
    {
      parent_buildable_iface->add_child (buildable, builder, child, type);
      return;
    }

  gtk_widget_insert_before (GTK_WIDGET (child), GTK_WIDGET (self), GTK_WIDGET (self->list));
  g_signal_connect_object (child, "notify::visible", G_CALLBACK (update_visible), self, G_CONNECT_SWAPPED);
  update_visible (self);
}

static void
vt_metadata_section_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = vt_metadata_section_add_child;
}

static void
vt_metadata_section_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_METADATA_SECTION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vt_metadata_section_parent_class)->dispose (object);
}

static void
vt_metadata_section_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VtMetadataSection *self = VT_METADATA_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, vt_metadata_section_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_metadata_section_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VtMetadataSection *self = VT_METADATA_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      vt_metadata_section_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_metadata_section_class_init (VtMetadataSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_metadata_section_dispose;
  object_class->get_property = vt_metadata_section_get_property;
  object_class->set_property = vt_metadata_section_set_property;

  /**
   * VtMetadataSection:title:
   *
   * The heading, which also names the list for screen readers.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VT_TYPE_METADATA_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-metadata-section.ui");
  gtk_widget_class_bind_template_child (widget_class, VtMetadataSection, heading);
  gtk_widget_class_bind_template_child (widget_class, VtMetadataSection, list);
}

static void
vt_metadata_section_init (VtMetadataSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vt_metadata_section_new:
 * @title: the heading
 *
 * Returns: (transfer floating): an empty section, hidden until it has rows
 */
GtkWidget *
vt_metadata_section_new (const char *title)
{
  return g_object_new (VT_TYPE_METADATA_SECTION, "title", title, NULL);
}

const char *
vt_metadata_section_get_title (VtMetadataSection *self)
{
  g_return_val_if_fail (VT_IS_METADATA_SECTION (self), NULL);

  return gtk_label_get_text (self->heading);
}

void
vt_metadata_section_set_title (VtMetadataSection *self,
                               const char        *title)
{
  g_return_if_fail (VT_IS_METADATA_SECTION (self));

  if (title == NULL)
    title = "";
  if (g_str_equal (gtk_label_get_text (self->heading), title))
    return;
  gtk_label_set_text (self->heading, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * vt_metadata_section_append:
 * @label: the row's caption, plain text
 * @markup: its value, label markup
 *
 * Adds a row at the end, and shows the section.
 *
 * Returns: (transfer none): the new row, to add a button to
 */
VtMetadataRow *
vt_metadata_section_append (VtMetadataSection *self,
                            const char        *label,
                            const char        *markup)
{
  GtkWidget *row;

  g_return_val_if_fail (VT_IS_METADATA_SECTION (self), NULL);

  row = vt_metadata_row_new (label, markup);
  gtk_list_box_append (self->list, row);
  update_visible (self);
  return VT_METADATA_ROW (row);
}

/**
 * vt_metadata_section_clear:
 *
 * Removes every row; the section hides unless another child is shown.
 */
void
vt_metadata_section_clear (VtMetadataSection *self)
{
  GtkWidget *child;

  g_return_if_fail (VT_IS_METADATA_SECTION (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  update_visible (self);
}

/**
 * vt_metadata_section_set_rows:
 * @rows: (array zero-terminated=1): label, markup, label, markup, …
 *
 * Shows @rows, in order. Rows that show them already stay as they are, and
 * so does the keyboard focus in them.
 */
void
vt_metadata_section_set_rows (VtMetadataSection  *self,
                              const char * const *rows)
{
  g_return_if_fail (VT_IS_METADATA_SECTION (self));
  g_return_if_fail (rows != NULL);

  if (shows (self, rows))
    return;

  vt_metadata_section_clear (self);
  for (guint i = 0; rows[i] != NULL && rows[i + 1] != NULL; i += 2)
    vt_metadata_section_append (self, rows[i], rows[i + 1]);
}

/**
 * vt_metadata_section_collect_rows:
 * @rows: (element-type VtMetadataRow): where to add them
 *
 * Adds the rows to @rows, in the order shown.
 */
void
vt_metadata_section_collect_rows (VtMetadataSection *self,
                                  GPtrArray         *rows)
{
  g_return_if_fail (VT_IS_METADATA_SECTION (self));
  g_return_if_fail (rows != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (rows, child);
}
