/* vt-language-map.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-language-map"

#include "config.h"

#include <string.h>

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

/* "nl_BE.UTF-8@euro" and "nl-be" both become "nl-be". */
static char *
normalize_tag (const char *tag)
{
  char *copy = g_ascii_strdown (tag, -1);
  char *p;

  if ((p = strpbrk (copy, ".@")) != NULL)
    *p = '\0';
  for (p = copy; *p; p++)
    if (*p == '_')
      *p = '-';
  return copy;
}

static int
find_language (const VtLanguageMap *self,
               const char          *wanted,
               gboolean             primary_only)
{
  g_autofree char *want = normalize_tag (wanted);
  gsize want_len;

  if (primary_only)
    {
      char *dash = strchr (want, '-');
      if (dash != NULL)
        *dash = '\0';
    }
  want_len = strlen (want);
  if (want_len == 0)
    return -1;

  for (guint i = 0; i < self->languages->len; i++)
    {
      g_autofree char *have = normalize_tag (g_ptr_array_index (self->languages, i));

      if (strcmp (have, want) == 0)
        return (int) i;
      if (primary_only && strncmp (have, want, want_len) == 0 && have[want_len] == '-')
        return (int) i;
    }

  return -1;
}

static int
resolve (const VtLanguageMap *self,
         const char * const  *languages)
{
  int found;

  if (self == NULL || self->languages->len == 0)
    return -1;

  if (languages == NULL)
    languages = g_get_language_names ();

  /* The user's languages in order of preference, exact tag first, then the
   * same primary language ("nl" for "nl-BE" and the other way round). */
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (strcmp (languages[i], "C") == 0 || strcmp (languages[i], "POSIX") == 0)
        continue;
      if ((found = find_language (self, languages[i], FALSE)) >= 0)
        return found;
      if ((found = find_language (self, languages[i], TRUE)) >= 0)
        return found;
    }

  if ((found = find_language (self, "none", FALSE)) >= 0)
    return found;
  if ((found = find_language (self, "en", TRUE)) >= 0)
    return found;
  return 0;
}

/**
 * vt_language_map_lookup:
 * @languages: (nullable): preferred languages, best first; %NULL for
 *   g_get_language_names()
 *
 * Picks the values to show: the best of @languages, then untagged values,
 * then English, then the first language of the map.
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
