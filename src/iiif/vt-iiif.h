/* vt-iiif.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The public API of the IIIF core in one include. */
#include "vt-canvas.h"
#include "vt-collection.h"
#include "vt-html.h"
#include "vt-iiif-document.h"
#include "vt-iiif-error.h"
#include "vt-iiif-types.h"
#include "vt-image-service.h"
#include "vt-language-map.h"
#include "vt-manifest.h"
#include "vt-range.h"
#include "vt-resource.h"
#include "vt-tile-pyramid.h"
