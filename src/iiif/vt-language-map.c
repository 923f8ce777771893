/* vt-language-map.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-language-map"

#include "config.h"

#include <string.h>

#include "vt-html.h"
#include "vt-iiif-private.h"

#define VT_LANGUAGE_MAP_MAX_LANGUAGES 256

struct _VtLanguageMap
{
  GPtrArray *languages;  /* char * */
  GPtrArray *values;     /* GPtrArray of char *, NULL-terminated */
};

static void
vt_language_map_clear (VtLanguageMap *self)
{
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
}

VT_DEFINE_RC (VtLanguageMap, vt_language_map, vt_language_map_clear)
G_DEFINE_BOXED_TYPE (VtLanguageMap, vt_language_map, vt_language_map_ref, vt_language_map_unref)

VtLanguageMap *
vt_language_map_new (void)
{
  VtLanguageMap *self = g_atomic_rc_box_new0 (VtLanguageMap);

  self->languages = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return self;
}

VtLanguageMap *
vt_language_map_new_string (const char *language,
                            const char *value)
{
  VtLanguageMap *self = vt_language_map_new ();

  vt_language_map_add (self, language, value);
  return self;
}

/**
 * vt_language_map_add:
 * @language: (nullable): a language tag; %NULL, "@none" and "none" all
 *   mean untagged
 * @value: the value
 *
 * Adds @value to the values of @language (appended, order kept). A map
 * holds at most 256 languages; values of further languages are dropped.
 */
void
vt_language_map_add (VtLanguageMap *self,
                     const char    *language,
                     const char    *value)
{
  GPtrArray *values = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL);

  if (language == NULL || *language == '\0' || strcmp (language, "@none") == 0)
    language = "none";

  for (guint i = 0; i < self->languages->len; i++)
    if (strcmp (g_ptr_array_index (self->languages, i), language) == 0)
      values = g_ptr_array_index (self->values, i);

  if (values == NULL)
    {
      /* Looking a language up is linear; a hostile map with a million
       * keys must not make parsing quadratic. No real map comes close. */
      if (self->languages->len >= VT_LANGUAGE_MAP_MAX_LANGUAGES)
        return;
      values = g_ptr_array_new_null_terminated (1, g_free, TRUE);
      g_ptr_array_add (self->languages, g_strdup (language));
      g_ptr_array_add (self->values, values);
    }

  g_ptr_array_add (values, g_strdup (value));
}

gboolean
vt_language_map_is_empty (const VtLanguageMap *self)
{
  return self == NULL || self->languages->len == 0;
}

guint
vt_language_map_get_n_languages (const VtLanguageMap *self)
{
  return self != NULL ? self->languages->len : 0;
}

const char *
vt_language_map_get_language (const VtLanguageMap *self,
                              guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->languages->len, NULL);
  return g_ptr_array_index (self->languages, index);
}

const char * const *
vt_language_map_get_values (const VtLanguageMap *self,
                            guint                index)
{
  GPtrArray *values;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->values->len, NULL);
  values = g_ptr_array_index (self->values, index);
  return (const char * const *) values->pdata;
}

/* --- Language tags ------------------------------------------------------ */

/* The comparison key of a tag: lower case, '-' between subtags, untagged
 * spellings folded into "none". Locale names from g_get_language_names()
 * become tags: "nl_BE.UTF-8@euro" → "nl-be", and the script modifiers
 * glibc uses ("sr_RS@latin") become script subtags ("sr-latn-rs"). */
static char *
normalize_tag (const char *tag)
{
  g_autofree char *copy = NULL;
  const char *modifier;
  const char *script = NULL;
  char *p;

  if (tag == NULL || *tag == '\0' || g_ascii_strcasecmp (tag, "none") == 0
      || g_ascii_strcasecmp (tag, "@none") == 0)
    return g_strdup ("none");

  copy = g_ascii_strdown (tag, -1);
  if ((modifier = strchr (copy, '@')) != NULL)
    {
      if (g_str_equal (modifier, "@latin"))
        script = "latn";
      else if (g_str_equal (modifier, "@cyrillic"))
        script = "cyrl";
    }
  if ((p = strpbrk (copy, ".@")) != NULL)
    *p = '\0';
  g_strdelimit (copy, "_", '-');

  if (script != NULL && copy[0] != '\0')
    {
      char *dash = strchr (copy, '-');

      if (dash == NULL)
        return g_strconcat (copy, "-", script, NULL);
      *dash = '\0';
      return g_strconcat (copy, "-", script, "-", dash + 1, NULL);
    }
  return g_steal_pointer (&copy);
}

/* How well the normalised @tag serves someone who asked for @want: 0 when
 * the primary language differs, more for each leading subtag in common,
 * one more when @tag adds no subtags of its own. For "nl-be" that ranks
 * "nl-be" (5) over "nl" (3) over "nl-nl" (2); for "zh-hant", "zh-hant-tw"
 * (4) over "zh" (3) over "zh-hans" (2). */
static guint
match_score (const char *want,
             const char *tag)
{
  guint common = 0;

  for (;;)
    {
      gsize want_len = strcspn (want, "-");
      gsize tag_len = strcspn (tag, "-");

      if (want_len == 0 || want_len != tag_len || strncmp (want, tag, want_len) != 0)
        break;
      common++;
      want += want_len;
      tag += tag_len;
      if (*tag == '\0')
        return 2 * common + 1;
      if (*want == '\0')
        break;
      want++;
      tag++;
    }
  return 2 * common;
}

static gboolean
is_locale_without_language (const char *normalized)
{
  /* "C", "C.UTF-8" and "POSIX" say nothing about a language. */
  return g_str_equal (normalized, "c") || g_str_equal (normalized, "posix");
}

static int
best_match (char       **tags,
            guint        n_tags,
            const char  *want)
{
  guint best_score = 0;
  int best = -1;

  for (guint i = 0; i < n_tags; i++)
    {
      guint score = match_score (want, tags[i]);

      if (score > best_score)
        {
          best_score = score;
          best = (int) i;
        }
    }
  return best;
}

/**
 * vt_language_tag_equal:
 * @a: (nullable): a language tag or locale name
 * @b: (nullable): another
 *
 * Compares tags the way vt_language_tag_pick() does: without regard to
 * case, `_` and `-` alike, a locale's codeset and modifier ignored, and
 * %NULL, "", "none" and "@none" all meaning untagged.
 *
 * Returns: whether @a and @b name the same language
 */
gboolean
vt_language_tag_equal (const char *a,
                       const char *b)
{
  g_autofree char *norm_a = normalize_tag (a);
  g_autofree char *norm_b = normalize_tag (b);

  return g_str_equal (norm_a, norm_b);
}

/**
 * vt_language_tag_names_language:
 * @tag: (nullable): a key of a language map
 *
 * Keys as manifests write them are not all languages: "none" marks
 * untagged values, and some manifests carry junk keys ("true",
 * "English"). A language starts with a primary subtag of two or three
 * letters, alone or before '-' (or a locale's '_'): "fr", "nl-BE",
 * "ar-latn".
 *
 * Returns: whether @tag names a language a picker can offer
 */
gboolean
vt_language_tag_names_language (const char *tag)
{
  gsize n = 0;

  if (tag == NULL)
    return FALSE;
  while (g_ascii_isalpha (tag[n]))
    n++;
  if (n < 2 || n > 3 || (tag[n] != '\0' && tag[n] != '-' && tag[n] != '_'))
    return FALSE;
  return g_ascii_strcasecmp (tag, "none") != 0;
}

/**
 * vt_language_map_add_languages_to:
 * @self: (nullable): a language map
 * @tags: (element-type utf8): the languages found so far
 *
 * Adds each language of @self (see vt_language_tag_names_language()) that
 * is not in @tags yet, as vt_language_tag_equal() compares them, to the
 * end of @tags. The first spelling met is kept.
 */
void
vt_language_map_add_languages_to (const VtLanguageMap *self,
                                  GPtrArray           *tags)
{
  g_return_if_fail (tags != NULL);

  for (guint i = 0; self != NULL && i < self->languages->len; i++)
    {
      const char *tag = g_ptr_array_index (self->languages, i);
      gboolean seen = FALSE;

      if (!vt_language_tag_names_language (tag))
        continue;
      for (guint j = 0; j < tags->len && !seen; j++)
        seen = vt_language_tag_equal (g_ptr_array_index (tags, j), tag);
      if (!seen)
        g_ptr_array_add (tags, g_strdup (tag));
    }
}

/**
 * vt_language_tag_pick:
 * @tags: (array length=n_tags): the languages on offer (the keys of a
 *   language map, or the languages of a picker)
 * @n_tags: the number of @tags
 * @preferences: (array zero-terminated=1) (nullable): the user's languages,
 *   best first, as BCP 47 tags or locale names; %NULL for
 *   g_get_language_names()
 *
 * The one place that decides which language to show. Tags are compared as
 * vt_language_tag_equal() does. For each preference in order, the tag of
 * the same language that shares the most leading subtags with it wins;
 * among those, one that adds no subtags of its own; then the earliest.
 * So for "nl-BE": "nl-BE", then "nl", then "nl-NL"; for "zh-Hant":
 * "zh-Hant-TW" before "zh" before "zh-Hans". The "C" and "POSIX" locales
 * are skipped. Without a match, the untagged values ("none") are shown,
 * then English, then the first tag.
 *
 * Returns: the index into @tags, or -1 when @n_tags is 0
 */
int
vt_language_tag_pick (const char * const *tags,
                      guint               n_tags,
                      const char * const *preferences)
{
  g_autoptr(GPtrArray) normalized = NULL;
  char **keys;
  int found;

  if (n_tags == 0)
    return -1;
  g_return_val_if_fail (tags != NULL, -1);
  if (preferences == NULL)
    preferences = g_get_language_names ();

  normalized = g_ptr_array_new_full (n_tags, g_free);
  for (guint i = 0; i < n_tags; i++)
    g_ptr_array_add (normalized, normalize_tag (tags[i]));
  keys = (char **) normalized->pdata;

  for (guint i = 0; preferences[i] != NULL; i++)
    {
      g_autofree char *want = normalize_tag (preferences[i]);

      if (preferences[i][0] == '\0' || is_locale_without_language (want))
        continue;
      if ((found = best_match (keys, n_tags, want)) >= 0)
        return found;
    }

  if ((found = best_match (keys, n_tags, "none")) >= 0)
    return found;
  if ((found = best_match (keys, n_tags, "en")) >= 0)
    return found;
  return 0;
}

/* --- Resolving a map ---------------------------------------------------- */

static int
resolve (const VtLanguageMap *self,
         const char * const  *languages)
{
  if (self == NULL)
    return -1;
  return vt_language_tag_pick ((const char * const *) self->languages->pdata,
                               self->languages->len, languages);
}

/**
 * vt_language_map_lookup:
 * @languages: (nullable): preferred languages, best first; %NULL for
 *   g_get_language_names()
 *
 * Picks the values to show: the best of @languages, then untagged values,
 * then English, then the first language of the map (see
 * vt_language_tag_pick()).
 *
 * Returns: (nullable) (transfer none): the values, %NULL-terminated, or
 *   %NULL when the map is empty
 */
const char * const *
vt_language_map_lookup (const VtLanguageMap *self,
                        const char * const  *languages)
{
  int index = resolve (self, languages);

  if (index < 0)
    return NULL;
  return vt_language_map_get_values (self, index);
}

const char *
vt_language_map_get_first (const VtLanguageMap *self,
                           const char * const  *languages)
{
  const char * const *values = vt_language_map_lookup (self, languages);

  return values != NULL ? values[0] : NULL;
}

/**
 * vt_language_map_dup_string:
 * @separator: (nullable): joins several values; %NULL means "\n"
 *
 * Returns: (nullable) (transfer full): the resolved values joined
 */
char *
vt_language_map_dup_string (const VtLanguageMap *self,
                            const char * const  *languages,
                            const char          *separator)
{
  const char * const *values = vt_language_map_lookup (self, languages);

  if (values == NULL)
    return NULL;
  return g_strjoinv (separator != NULL ? separator : "\n", (char **) values);
}

/**
 * vt_language_map_dup_text:
 * @separator: (nullable): joins several values; %NULL means "\n"
 *
 * The resolved values as plain text, for titles and window names: IIIF
 * allows HTML in labels, which is taken out here.
 *
 * Returns: (nullable) (transfer full): the text, or %NULL when there is
 *   none or it is empty
 */
char *
vt_language_map_dup_text (const VtLanguageMap *self,
                          const char * const  *languages,
                          const char          *separator)
{
  g_autofree char *raw = vt_language_map_dup_string (self, languages, separator);
  g_autofree char *text = raw ? vt_html_to_text (raw) : NULL;

  if (text == NULL || *g_strstrip (text) == '\0')
    return NULL;

  return g_steal_pointer (&text);
}
