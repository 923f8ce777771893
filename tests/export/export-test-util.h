/* export-test-util.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <vips/vips.h>

#include "export/vt-export.h"
#include "net/vt-service-cache.h"

G_BEGIN_DECLS

/* libvips 8.14 (Debian 12) declares no autoptr cleanup for its images. */
#if !(VIPS_MAJOR_VERSION > 8 || (VIPS_MAJOR_VERSION == 8 && VIPS_MINOR_VERSION >= 16))
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VipsImage, g_object_unref)
#endif

VtTilePyramid *export_test_load_pyramid (VtClient    *client,
                                         const char  *info_url);
gboolean       export_test_run          (VtExport    *export,
                                         const char  *path,
                                         GError     **error);
double         export_test_psnr         (const char  *path,
                                         VipsImage   *reference);
double         export_test_max_diff     (const char  *path,
                                         VipsImage   *reference);
char          *export_test_read_xmp     (const char  *path);

G_END_DECLS
