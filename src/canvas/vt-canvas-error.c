/* vt-canvas-error.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vt-canvas-error.h"

G_DEFINE_QUARK (vt-canvas-error-quark, vt_canvas_error)
