/* vt-catalogue-error.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vt-catalogue-error.h"

G_DEFINE_QUARK (vt-catalogue-error-quark, vt_catalogue_error)
