/* vt-language-picker.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-language-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vt-accessible.h"
#include "vt-language-picker.h"

/* The sidebar's "Language" row: the languages the manifest's texts come
 * in, by name, and the one they are shown in. It is also the one place
 * that says in which order the user's languages are tried
 * (vt_language_picker_dup_preferences()), so that the picker never names
 * another language than the texts are in. */

struct _VtLanguagePicker
{
  GtkWidget    parent_instance;

  char        *language;      /* picked by the user, or NULL for the locale */
  char       **languages;     /* tags the manifest's texts come in */
  guint        updating : 1;  /* selecting to follow, not by the user */

  /* Template widgets */
  GtkDropDown *dropdown;
  GtkLabel    *label;     /* bound so that the template unparents it */
};

G_DEFINE_FINAL_TYPE (VtLanguagePicker, vt_language_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Names for the picker. A tag not in the table is shown as it is written;
 * that is rare and still understandable to the people who wrote the
 * manifest in it. */
static const struct
{
  const char *tag;
  const char *name;
} language_names[] = {
  { "ar", N_("Arabic") },
  { "ca", N_("Catalan") },
  { "cs", N_("Czech") },
  { "cy", N_("Welsh") },
  { "da", N_("Danish") },
  { "de", N_("German") },
  { "el", N_("Greek") },
  { "en", N_("English") },
  { "es", N_("Spanish") },
  { "fi", N_("Finnish") },
  { "fr", N_("French") },
  { "fy", N_("Frisian") },
  { "ga", N_("Irish") },
  { "he", N_("Hebrew") },
  { "hu", N_("Hungarian") },
  { "it", N_("Italian") },
  { "ja", N_("Japanese") },
  { "la", N_("Latin") },
  { "nl", N_("Dutch") },
  { "no", N_("Norwegian") },
  { "pl", N_("Polish") },
  { "pt", N_("Portuguese") },
  { "ru", N_("Russian") },
  { "sv", N_("Swedish") },
  { "tr", N_("Turkish") },
  { "zh", N_("Chinese") },
};

static char *
dup_language_name (const char *tag)
{
  g_autofree char *primary = g_ascii_strdown (tag, -1);
  char *dash = strpbrk (primary, "-_");

  if (dash != NULL)
    *dash = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    {
      if (!g_str_equal (primary, language_names[i].tag))
        continue;
      if (dash != NULL)
        /* Translators: a language name and its tag, "Dutch (nl-BE)" */
        return g_strdup_printf (_("%s (%s)"), _(language_names[i].name), tag);
      return g_strdup (_(language_names[i].name));
    }
  return g_strdup (tag);
}

/* Which of the offered languages the texts are shown in now, so that the
 * picker says what the user sees: the same choice the language maps make. */
static void
select_current (VtLanguagePicker *self)
{
  g_auto(GStrv) prefs = NULL;
  guint n = g_strv_length (self->languages);
  int found;

  if (n == 0)
    return;

  prefs = vt_language_picker_dup_preferences (self);
  found = vt_language_tag_pick ((const char * const *) self->languages, n, (const char * const *) prefs);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->dropdown, found >= 0 ? (guint) found : 0);
  self->updating = FALSE;
}

static void
on_selected (VtLanguagePicker *self)
{
  guint selected = gtk_drop_down_get_selected (self->dropdown);

  if (self->updating || selected >= g_strv_length (self->languages))
    return;
  vt_language_picker_set_language (self, self->languages[selected]);
}

static void
vt_language_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_LANGUAGE_PICKER);

  G_OBJECT_CLASS (vt_language_picker_parent_class)->dispose (object);
}

static void
vt_language_picker_finalize (GObject *object)
{
  VtLanguagePicker *self = VT_LANGUAGE_PICKER (object);

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (vt_language_picker_parent_class)->finalize (object);
}

static void
vt_language_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VtLanguagePicker *self = VT_LANGUAGE_PICKER (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_language_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VtLanguagePicker *self = VT_LANGUAGE_PICKER (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      vt_language_picker_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_language_picker_class_init (VtLanguagePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_language_picker_dispose;
  object_class->finalize = vt_language_picker_finalize;
  object_class->get_property = vt_language_picker_get_property;
  object_class->set_property = vt_language_picker_set_property;

  /**
   * VtLanguagePicker:language:
   *
   * The language picked for the manifest's texts (a BCP 47 tag), or %NULL
   * to follow the UI locale. Set by the user in the drop-down, or from
   * outside.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-language-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, VtLanguagePicker, dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtLanguagePicker, label);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
}

static void
vt_language_picker_init (VtLanguagePicker *self)
{
  self->languages = g_new0 (char *, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The button inside the drop-down takes the focus: it is named as the
   * drop-down is, by the caption (without its underscore), not
   * "GtkToggleButton"; the tooltip says more. */
  vt_accessible_set_label (gtk_widget_get_first_child (GTK_WIDGET (self->dropdown)),
                           gtk_label_get_text (self->label));
}

/**
 * vt_language_picker_new:
 *
 * Returns: (transfer floating): a picker with nothing to offer, hidden
 */
GtkWidget *
vt_language_picker_new (void)
{
  return g_object_new (VT_TYPE_LANGUAGE_PICKER, NULL);
}

/**
 * vt_language_picker_set_manifest:
 * @manifest: (nullable): the manifest whose texts are shown
 *
 * Offers the languages of @manifest (vt_manifest_dup_languages()), and
 * shows the picker only when there are two or more to choose from. The
 * picked language stays.
 */
void
vt_language_picker_set_manifest (VtLanguagePicker *self,
                                 VtManifest       *manifest)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n;

  g_return_if_fail (VT_IS_LANGUAGE_PICKER (self));

  g_strfreev (self->languages);
  self->languages = manifest != NULL ? vt_manifest_dup_languages (manifest) : g_new0 (char *, 1);
  n = g_strv_length (self->languages);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = dup_language_name (self->languages[i]);

      gtk_string_list_append (names, name);
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (names));
  self->updating = FALSE;
  select_current (self);

  gtk_widget_set_visible (GTK_WIDGET (self), n > 1);
}

const char *
vt_language_picker_get_language (VtLanguagePicker *self)
{
  g_return_val_if_fail (VT_IS_LANGUAGE_PICKER (self), NULL);

  return self->language;
}

/**
 * vt_language_picker_set_language:
 * @language: (nullable): a BCP 47 tag, or %NULL (or "") to follow the UI
 *   locale
 *
 * Picks @language for the texts; the drop-down follows.
 */
void
vt_language_picker_set_language (VtLanguagePicker *self,
                                 const char       *language)
{
  g_return_if_fail (VT_IS_LANGUAGE_PICKER (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);

  select_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * vt_language_picker_dup_languages:
 *
 * Returns: (transfer full): the language tags offered, in document order;
 *   empty when there are fewer than two (the picker is hidden then)
 */
char **
vt_language_picker_dup_languages (VtLanguagePicker *self)
{
  g_return_val_if_fail (VT_IS_LANGUAGE_PICKER (self), NULL);

  if (g_strv_length (self->languages) < 2)
    return g_new0 (char *, 1);
  return g_strdupv (self->languages);
}

/**
 * vt_language_picker_dup_preferences:
 *
 * The user's languages, best first: the one picked here, then the UI
 * locale's. Pass them to vt_language_map_lookup() and the like, so that
 * the texts are in the language the picker names.
 *
 * Returns: (transfer full): language tags and locale names
 */
char **
vt_language_picker_dup_preferences (VtLanguagePicker *self)
{
  g_autoptr(GStrvBuilder) prefs = g_strv_builder_new ();

  g_return_val_if_fail (VT_IS_LANGUAGE_PICKER (self), NULL);

  if (self->language != NULL)
    g_strv_builder_add (prefs, self->language);
  g_strv_builder_addv (prefs, (const char **) g_get_language_names ());
  return g_strv_builder_end (prefs);
}
