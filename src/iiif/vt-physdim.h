/* vt-physdim.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The profile of the IIIF physical dimensions service (an annex service a
 * canvas carries): physicalScale physical units per canvas unit. */
#define VT_PHYSDIM_PROFILE "http://iiif.io/api/annex/services/physdim"

double    vt_physical_units_to_mm        (const char *units);
gboolean  vt_physdim_parse_dimensions_text (const char *text,
                                            double     *width_mm,
                                            double     *height_mm);

G_END_DECLS
