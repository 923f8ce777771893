/* vt-nav-rows.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vt-nav-place.h"

G_BEGIN_DECLS

void vt_nav_rows_add (GStrvBuilder       *rows,
                      const VtNavPlace   *place,
                      const char         *nav_date,
                      const char * const *languages);

G_END_DECLS
