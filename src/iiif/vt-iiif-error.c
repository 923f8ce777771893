/* vt-iiif-error.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-iiif-error"

#include "config.h"

#include "vt-iiif-error.h"

G_DEFINE_QUARK (vt-iiif-error-quark, vt_iiif_error)
