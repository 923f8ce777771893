/* vt-net-error.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vt-net-error.h"

G_DEFINE_QUARK (vt-net-error-quark, vt_net_error)
