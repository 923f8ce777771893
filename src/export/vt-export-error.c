/* vt-export-error.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vt-export-error.h"

G_DEFINE_QUARK (vt-export-error-quark, vt_export_error)
