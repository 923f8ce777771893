/* vt-behavior.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-behavior"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"

static const struct
{
  const char      *name;
  VtBehaviorFlags  flag;
} behaviors[] = {
  { "auto-advance", VT_BEHAVIOR_AUTO_ADVANCE },
  { "no-auto-advance", VT_BEHAVIOR_NO_AUTO_ADVANCE },
  { "repeat", VT_BEHAVIOR_REPEAT },
  { "no-repeat", VT_BEHAVIOR_NO_REPEAT },
  { "unordered", VT_BEHAVIOR_UNORDERED },
  { "individuals", VT_BEHAVIOR_INDIVIDUALS },
  { "continuous", VT_BEHAVIOR_CONTINUOUS },
  { "paged", VT_BEHAVIOR_PAGED },
  { "facing-pages", VT_BEHAVIOR_FACING_PAGES },
  { "non-paged", VT_BEHAVIOR_NON_PAGED },
  { "multi-part", VT_BEHAVIOR_MULTI_PART },
  { "together", VT_BEHAVIOR_TOGETHER },
  { "sequence", VT_BEHAVIOR_SEQUENCE },
  { "thumbnail-nav", VT_BEHAVIOR_THUMBNAIL_NAV },
  { "no-nav", VT_BEHAVIOR_NO_NAV },
  { "hidden", VT_BEHAVIOR_HIDDEN },
  { "top", VT_BEHAVIOR_TOP },
};

/**
 * vt_behavior_flags_from_strv:
 * @behavior: (nullable) (array zero-terminated=1): values as written
 *
 * Returns: the values Vitrine knows (case-insensitive; a `sc:` or other
 *   prefix ignored), as flags
 */
VtBehaviorFlags
vt_behavior_flags_from_strv (const char * const *behavior)
{
  VtBehaviorFlags flags = VT_BEHAVIOR_NONE;

  for (guint i = 0; behavior != NULL && behavior[i] != NULL; i++)
    {
      const char *colon = strrchr (behavior[i], ':');
      const char *name = colon != NULL ? colon + 1 : behavior[i];

      for (guint j = 0; j < G_N_ELEMENTS (behaviors); j++)
        if (g_ascii_strcasecmp (name, behaviors[j].name) == 0)
          flags |= behaviors[j].flag;
    }
  return flags;
}

/**
 * vt_behavior_flag_to_string:
 * @flag: one flag
 *
 * Returns: (nullable): its v3 spelling
 */
const char *
vt_behavior_flag_to_string (VtBehaviorFlags flag)
{
  for (guint j = 0; j < G_N_ELEMENTS (behaviors); j++)
    if (behaviors[j].flag == flag)
      return behaviors[j].name;
  return NULL;
}
