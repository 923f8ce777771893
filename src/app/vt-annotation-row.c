/* vt-annotation-row.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-annotation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "iiif/vt-html.h"
#include "iiif/vt-markup.h"

#include "vt-annotation-image.h"
#include "vt-annotation-row.h"
#include "vt-text.h"

/* One annotation in the sidebar's list: what kind it is, its text in the
 * language picked (HTML through the core's sanitiser, never as GTK would
 * take it), its tags as chips and its links. Only http(s) links open;
 * GTK's default handler, which hands any scheme to the system, never
 * runs.
 *
 * A body that is an image on the web (cookbook 0377: a comment that is a
 * picture) shows as a small picture with its link below as its caption:
 * a VtAnnotationImage. */

struct _VtAnnotationRow
{
  GtkListBoxRow  parent_instance;

  VtAnnotation  *annotation;
  int            item;          /* its shape on the overlay, or -1 */
  char          *folded;        /* every text of it, for the search */
  char          *markup;
  GPtrArray     *tags;
  GPtrArray     *links;
  char          *layer;         /* the label of the image it is on, or NULL */

  GtkWidget     *box;
  GtkLabel      *kind_label;
  GtkLabel      *layer_label;
  GtkLabel      *text_label;
  GtkFlowBox    *tags_box;
  GtkBox        *links_box;
  GtkBox        *images_box;    /* of VtAnnotationImage */
};

G_DEFINE_FINAL_TYPE (VtAnnotationRow, vt_annotation_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * vt_annotation_fold_text:
 *
 * Returns: (transfer full): @text without diacritics and case, so that
 *   "Été" and "ete" compare equal
 */
char *
vt_annotation_fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) stripped = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type != G_UNICODE_NON_SPACING_MARK && type != G_UNICODE_SPACING_MARK &&
          type != G_UNICODE_ENCLOSING_MARK)
        g_string_append_unichar (stripped, c);
    }
  return g_utf8_casefold (stripped->str, -1);
}

static const char *
kind_name (VtAnnotation *a)
{
  static const struct { const char *motivation; const char *name; } names[] = {
    { "tagging", N_("Tag") },
    { "commenting", N_("Comment") },
    { "describing", N_("Description") },
    { "identifying", N_("Identification") },
    { "linking", N_("Link") },
    { "highlighting", N_("Highlight") },
    { "supplementing", N_("Transcription") },
    { "classifying", N_("Classification") },
    { "questioning", N_("Question") },
    { "replying", N_("Reply") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (vt_annotation_has_motivation (a, names[i].motivation))
      return _(names[i].name);
  return _("Annotation");
}

static gboolean
is_tag (VtAnnotation     *a,
        VtAnnotationBody *body)
{
  if (!body->is_text)
    return FALSE;
  if (vt_annotation_body_has_purpose (body, "tagging"))
    return TRUE;
  return body->purpose[0] == NULL && vt_annotation_has_motivation (a, "tagging");
}

static gboolean
language_matches (const char *tag,
                  const char *wanted)
{
  gsize n;

  if (tag == NULL || wanted == NULL)
    return FALSE;
  n = strlen (wanted);
  return g_ascii_strncasecmp (tag, wanted, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

/* The language of @tags (TRUE) or of the other texts (FALSE) that comes
 * first in @languages, or %NULL when none does: then every one shows.
 * Options of a Choice are left to vt_annotation_get_choice(). */
static const char *
pick_language (VtAnnotation       *a,
               gboolean            tags,
               const char * const *languages)
{
  for (guint l = 0; languages != NULL && languages[l] != NULL; l++)
    for (guint i = 0; i < a->bodies->len; i++)
      {
        VtAnnotationBody *body = g_ptr_array_index (a->bodies, i);

        if (body->is_text && body->choice == 0 && is_tag (a, body) == tags &&
            language_matches (body->language, languages[l]))
          return body->language;
      }
  return NULL;
}

static VtAnnotationImage *
find_image (VtAnnotationRow  *self,
            VtAnnotationBody *body)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->images_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (vt_annotation_image_get_body (VT_ANNOTATION_IMAGE (child)) == body)
      return VT_ANNOTATION_IMAGE (child);
  return NULL;
}

static char *
body_markup (VtAnnotationBody *body)
{
  g_autofree char *bounded = NULL;

  if (vt_annotation_body_is_html (body))
    return vt_markup_from_value (body->value);
  bounded = vt_text_ellipsize (body->value, VT_TEXT_MAX_LABEL_CHARS);
  return g_markup_escape_text (bounded, -1);
}

static char *
dup_label_text (VtLanguageMap      *label,
                const char * const *languages)
{
  return label != NULL ? vt_language_map_dup_text (label, languages, " · ") : NULL;
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  /* In a window, the window follows it: a link to a canvas of the object
   * turns the page (cookbook 0022). */
  if (gtk_widget_activate_action (GTK_WIDGET (label), "win.open-link", "s", uri))
    return TRUE;
  if (vt_markup_is_openable_uri (uri))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (label));

      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
    }
  else
    g_debug ("Not opening a link that is not http(s): %s", uri);

  /* Handled either way: GTK's default would hand any scheme to the system. */
  return TRUE;
}

static GtkWidget *
new_link_label (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), NULL);
  return label;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
append_all_languages (GString       *out,
                      VtLanguageMap *map)
{
  if (map == NULL)
    return;
  for (guint i = 0; i < vt_language_map_get_n_languages (map); i++)
    {
      const char * const *values = vt_language_map_get_values (map, i);

      for (guint j = 0; values != NULL && values[j] != NULL; j++)
        {
          g_autofree char *plain = vt_html_to_text (values[j]);

          g_string_append_printf (out, "%s\n", plain != NULL ? plain : values[j]);
        }
    }
}

/* Everything the search looks in: every text of every language, the
 * label and the links' names. */
static void
build_search_text (VtAnnotationRow *self)
{
  g_autoptr(GString) all = g_string_new (NULL);
  VtAnnotation *a = self->annotation;

  for (guint i = 0; i < a->bodies->len; i++)
    {
      VtAnnotationBody *body = g_ptr_array_index (a->bodies, i);

      if (body->is_text && body->value != NULL)
        {
          g_autofree char *plain = vt_annotation_body_is_html (body) ? vt_html_to_text (body->value)
                                                                     : g_strdup (body->value);

          g_string_append_printf (all, "%s\n", plain != NULL ? plain : "");
        }
      append_all_languages (all, body->label);
    }
  append_all_languages (all, a->label);

  g_free (self->folded);
  self->folded = vt_annotation_fold_text (all->str);
}

/* A screen reader hears the kind, the image it is on and the text, not
 * "row". */
static void
update_accessible (VtAnnotationRow *self)
{
  g_autofree char *accessible = NULL;
  gboolean has_text = self->markup != NULL && self->markup[0] != '\0';
  const char *text = has_text ? gtk_label_get_text (self->text_label)
                     : self->tags->len > 0 ? (const char *) g_ptr_array_index (self->tags, 0) : "";

  /* A picture is named by what the annotation says of it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->images_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    /* TRANSLATORS: the name a screen reader gives the picture an
     * annotation shows, when the annotation has no text */
    vt_annotation_image_set_name (VT_ANNOTATION_IMAGE (child), has_text ? text : _("Image"));

  if (self->layer != NULL)
    accessible = g_strdup_printf ("%s, %s: %s", gtk_label_get_text (self->kind_label),
                                  gtk_label_get_text (self->layer_label), text);
  else
    accessible = g_strdup_printf ("%s: %s", gtk_label_get_text (self->kind_label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update (VtAnnotationRow    *self,
        const char * const *languages)
{
  VtAnnotation *a = self->annotation;
  const char *text_language = pick_language (a, FALSE, languages);
  const char *tag_language = pick_language (a, TRUE, languages);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *label = dup_label_text (a->label, languages);
  VtAnnotationBody *picked = NULL;
  guint picked_choice = 0;

  g_ptr_array_set_size (self->tags, 0);
  g_ptr_array_set_size (self->links, 0);
  clear_box (GTK_WIDGET (self->tags_box));
  clear_box (GTK_WIDGET (self->links_box));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->images_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, FALSE);

  if (label != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (label, -1);

      g_string_append_printf (markup, "<b>%s</b>", escaped);
    }

  for (guint i = 0; i < a->bodies->len; i++)
    {
      VtAnnotationBody *body = g_ptr_array_index (a->bodies, i);

      /* One option of each Choice, in the language picked. A Choice's
       * options come one after the other: it is picked once. */
      if (body->choice != 0)
        {
          if (body->choice != picked_choice)
            {
              picked_choice = body->choice;
              picked = vt_annotation_get_choice (a, picked_choice, languages);
            }
          if (body != picked)
            continue;
        }

      if (body->is_text && body->value != NULL && is_tag (a, body))
        {
          GtkWidget *chip;

          if (body->choice == 0 && tag_language != NULL && body->language != NULL &&
              g_ascii_strcasecmp (body->language, tag_language) != 0)
            continue;
          g_ptr_array_add (self->tags, vt_text_ellipsize (body->value, VT_TEXT_MAX_TITLE_CHARS));
          chip = gtk_label_new (g_ptr_array_index (self->tags, self->tags->len - 1));
          gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (chip, "annotation-tag");
          gtk_flow_box_append (self->tags_box, chip);
        }
      else if (body->is_text && body->value != NULL)
        {
          g_autofree char *body_text = NULL;

          if (body->choice == 0 && text_language != NULL && body->language != NULL &&
              g_ascii_strcasecmp (body->language, text_language) != 0)
            continue;
          body_text = body_markup (body);
          if (markup->len > 0)
            g_string_append (markup, "\n");
          g_string_append (markup, body_text);
        }
      else if (body->id != NULL)
        {
          g_autofree char *name = dup_label_text (body->label, languages);
          g_autofree char *link = vt_markup_is_openable_uri (body->id)
                                  ? vt_markup_link (body->id, name != NULL ? name : body->id)
                                  : g_markup_escape_text (name != NULL ? name : body->id, -1);
          VtAnnotationImage *image = find_image (self, body);

          g_ptr_array_add (self->links, g_strdup (body->id));
          if (image != NULL)
            {
              /* The link under the picture, as its caption. */
              gtk_label_set_markup (vt_annotation_image_get_caption (image), link);
              gtk_widget_set_visible (GTK_WIDGET (image), TRUE);
            }
          else
            gtk_box_append (self->links_box, new_link_label (link));
        }
    }

  g_free (self->markup);
  self->markup = g_string_free (g_steal_pointer (&markup), FALSE);
  gtk_label_set_markup (self->text_label, self->markup);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), self->markup[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), self->tags->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), gtk_widget_get_first_child (GTK_WIDGET (self->links_box)) != NULL);

  update_accessible (self);
}

/* A picture and its caption for each image body on the web, whether a
 * Choice shows it or not: update() says which show. */
static void
add_images (VtAnnotationRow *self)
{
  VtAnnotation *a = self->annotation;

  for (guint i = 0; i < a->bodies->len; i++)
    {
      VtAnnotationBody *body = g_ptr_array_index (a->bodies, i);

      if (vt_annotation_image_accepts (body))
        gtk_box_append (self->images_box,
                        vt_annotation_image_new (body, GTK_LABEL (new_link_label (""))));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->images_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->images_box)) != NULL);
}

static void
vt_annotation_row_dispose (GObject *object)
{
  VtAnnotationRow *self = VT_ANNOTATION_ROW (object);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);
  g_clear_pointer (&self->annotation, vt_annotation_unref);

  G_OBJECT_CLASS (vt_annotation_row_parent_class)->dispose (object);
}

static void
vt_annotation_row_finalize (GObject *object)
{
  VtAnnotationRow *self = VT_ANNOTATION_ROW (object);

  g_clear_pointer (&self->folded, g_free);
  g_clear_pointer (&self->markup, g_free);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->layer, g_free);

  G_OBJECT_CLASS (vt_annotation_row_parent_class)->finalize (object);
}

static void
vt_annotation_row_class_init (VtAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_annotation_row_dispose;
  object_class->finalize = vt_annotation_row_finalize;
}

static void
vt_annotation_row_init (VtAnnotationRow *self)
{
  self->item = -1;
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->links = g_ptr_array_new_with_free_func (g_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->box, 9);
  gtk_widget_set_margin_bottom (self->box, 9);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);

  self->kind_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->kind_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->kind_label));

  self->layer_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->layer_label, 0);
  gtk_label_set_wrap (self->layer_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->layer_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->layer_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->layer_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->layer_label));

  self->text_label = GTK_LABEL (new_link_label (""));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->text_label));

  self->tags_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->tags_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (self->tags_box, 6);
  gtk_flow_box_set_row_spacing (self->tags_box, 6);
  gtk_flow_box_set_max_children_per_line (self->tags_box, 20);
  gtk_widget_set_can_target (GTK_WIDGET (self->tags_box), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self->tags_box), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->tags_box));

  self->images_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_visible (GTK_WIDGET (self->images_box), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->images_box));

  self->links_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 3));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->links_box));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);
}

/**
 * vt_annotation_row_new:
 * @languages: (array zero-terminated=1): preferred languages, best first
 */
GtkWidget *
vt_annotation_row_new (VtAnnotation       *annotation,
                       const char * const *languages)
{
  VtAnnotationRow *self;

  g_return_val_if_fail (annotation != NULL, NULL);

  self = g_object_new (VT_TYPE_ANNOTATION_ROW, NULL);
  self->annotation = vt_annotation_ref (annotation);
  gtk_label_set_text (self->kind_label, kind_name (annotation));
  build_search_text (self);
  add_images (self);
  update (self, languages);
  return GTK_WIDGET (self);
}

/**
 * vt_annotation_row_load_images:
 * @loader: the session's thumbnail loader
 *
 * Starts loading the pictures of the row's image bodies. Until one has
 * loaded, and if it fails, its link shows alone. Disposing of the row
 * cancels what is under way.
 */
void
vt_annotation_row_load_images (VtAnnotationRow   *self,
                               VtThumbnailLoader *loader)
{
  g_return_if_fail (VT_IS_ANNOTATION_ROW (self));
  g_return_if_fail (VT_IS_THUMBNAIL_LOADER (loader));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->images_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    vt_annotation_image_load (VT_ANNOTATION_IMAGE (child), loader);
}

gboolean
vt_annotation_row_has_images (VtAnnotationRow *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), FALSE);

  return gtk_widget_get_first_child (GTK_WIDGET (self->images_box)) != NULL;
}

/**
 * vt_annotation_row_get_n_loading:
 *
 * Returns: how many of the row's pictures are still loading
 */
guint
vt_annotation_row_get_n_loading (VtAnnotationRow *self)
{
  guint n = 0;

  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->images_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (vt_annotation_image_is_loading (VT_ANNOTATION_IMAGE (child)))
      n++;
  return n;
}

/**
 * vt_annotation_row_get_picture:
 *
 * Returns: (transfer none) (nullable): the picture of the @index-th image
 *   body on the web, or %NULL
 */
GtkPicture *
vt_annotation_row_get_picture (VtAnnotationRow *self,
                               guint            index)
{
  GtkWidget *child;

  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), NULL);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->images_box));
  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child != NULL ? vt_annotation_image_get_picture (VT_ANNOTATION_IMAGE (child)) : NULL;
}

VtAnnotation *
vt_annotation_row_get_annotation (VtAnnotationRow *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), NULL);

  return self->annotation;
}

void
vt_annotation_row_set_languages (VtAnnotationRow    *self,
                                 const char * const *languages)
{
  g_return_if_fail (VT_IS_ANNOTATION_ROW (self));

  update (self, languages);
}

/**
 * vt_annotation_row_set_layer:
 * @layer: (nullable): the label of the image the annotation is on (one
 *   layer of the canvas, an option of a Choice), or %NULL when it is on
 *   the canvas
 */
void
vt_annotation_row_set_layer (VtAnnotationRow *self,
                             const char      *layer)
{
  g_return_if_fail (VT_IS_ANNOTATION_ROW (self));

  g_free (self->layer);
  self->layer = g_strdup (layer);
  if (layer != NULL)
    {
      /* TRANSLATORS: under an annotation in the sidebar: the image of the
       * page it is about, e.g. “On X-ray”; %s is that image's label */
      g_autofree char *text = g_strdup_printf (_("On %s"), layer);

      gtk_label_set_text (self->layer_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->layer_label), layer != NULL);
  update_accessible (self);
}

/**
 * vt_annotation_row_get_layer_text:
 *
 * Returns: (nullable): what the row says of the image it is on (“On
 *   X-ray”), or %NULL
 */
const char *
vt_annotation_row_get_layer_text (VtAnnotationRow *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), NULL);

  return self->layer != NULL ? gtk_label_get_text (self->layer_label) : NULL;
}

int
vt_annotation_row_get_item (VtAnnotationRow *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), -1);

  return self->item;
}

void
vt_annotation_row_set_item (VtAnnotationRow *self,
                            int              item)
{
  g_return_if_fail (VT_IS_ANNOTATION_ROW (self));

  self->item = item;
}

/**
 * vt_annotation_row_matches:
 * @folded_query: (nullable): a query through vt_annotation_fold_text()
 */
gboolean
vt_annotation_row_matches (VtAnnotationRow *self,
                           const char      *folded_query)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), FALSE);

  return folded_query == NULL || folded_query[0] == '\0' || strstr (self->folded, folded_query) != NULL;
}

const char *
vt_annotation_row_get_markup (VtAnnotationRow *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), NULL);

  return self->markup;
}

static char **
dup_strv (GPtrArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < array->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (array, i));
  return g_strv_builder_end (builder);
}

char **
vt_annotation_row_dup_tags (VtAnnotationRow *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), NULL);

  return dup_strv (self->tags);
}

char **
vt_annotation_row_dup_links (VtAnnotationRow *self)
{
  g_return_val_if_fail (VT_IS_ANNOTATION_ROW (self), NULL);

  return dup_strv (self->links);
}
