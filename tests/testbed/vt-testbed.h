/* vt-testbed.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* VtTestbed runs tests/testbed/vitrine-testbed: real lighttpd and IIPImage on
 * 127.0.0.1 at a free port, serving Ghent-shaped manifests and the fixtures
 * the build generated. Its base URL stands in for https://api.collectie.gent.
 * Every object and path below is described in tests/testbed/README.md.
 *
 * Tests that use it must list `testbed_fixtures` in the `depends:` of their
 * meson test() and run with `test_env`.
 */

/* Ghent-shaped objects, at /iiif/presentation/v2/manifest/<id>. */
#define VT_TESTBED_OBJECT_DMG             "dmg:1987-1049"
#define VT_TESTBED_OBJECT_TWO_CANVASES    "dmg:2011-0075_0-2"
/* Canvas 1 CC BY-NC-ND with its rights holder, canvas 2 In Copyright naming
 * nobody (the manifest-level attribution holds), canvas 3 as canvas 1. */
#define VT_TESTBED_OBJECT_RIGHTS_PER_CANVAS "dmg:2014-0120_0-3"
#define VT_TESTBED_RIGHTS_MANIFEST_ATTRIBUTION "source: Design Museum Gent"
#define VT_TESTBED_RIGHTS_CANVAS_ATTRIBUTION \
  "rightsholder: Design Museum Gent, photographer: Foto Design Museum Gent, source: Design Museum Gent"
#define VT_TESTBED_OBJECT_HVA             "hva:2002-078-852"
#define VT_TESTBED_OBJECT_STRING_LABEL    VT_TESTBED_OBJECT_HVA
#define VT_TESTBED_OBJECT_INDUSTRIEMUSEUM "industriemuseum:V35236-001"
#define VT_TESTBED_OBJECT_CONTEXT_TYPO    VT_TESTBED_OBJECT_INDUSTRIEMUSEUM
#define VT_TESTBED_OBJECT_STAM            "stam:A2005.02.364.1-2"
#define VT_TESTBED_OBJECT_ARCHIEFGENT     "archiefgent:OA_535_001_01_C_TE"
#define VT_TESTBED_OBJECT_SPACE_IN_ID     "archiefgent:OA_535_001_05_B_TE"
#define VT_TESTBED_OBJECT_IMAGE_FORBIDDEN "hva:1982-280"
#define VT_TESTBED_OBJECT_IMAGE_MISSING   "stam:07391"
#define VT_TESTBED_OBJECT_FAILING         "industriemuseum:V12829"
#define VT_TESTBED_OBJECT_FORBIDDEN       "archiefgent:OA_535_001_01"
#define VT_TESTBED_OBJECT_FORBIDDEN_2     "dmg:2008-0038_11-14"
#define VT_TESTBED_OBJECT_MISSING         "dmg:2099-0001"

/* Slow servers (ghent-objects.json's "slow_servers", served through
 * slow-server.py): public Ghent-shaped manifests whose route misbehaves as
 * api.collectie.gent's does when its generator is slow. SLOW answers after
 * VT_TESTBED_SLOW_DELAY_S seconds (nothing at all before, not even
 * headers); FLAKY answers VT_TESTBED_FLAKY_STATUS (an nginx HTML page) to
 * the first VT_TESTBED_FLAKY_TIMES requests of every
 * VT_TESTBED_FLAKY_TIMES + 1, and the manifest to the last one. Each test
 * bed counts the requests of its own, from its start. */
#define VT_TESTBED_OBJECT_SLOW            "dmg:1994-0025"
#define VT_TESTBED_SLOW_DELAY_S           25
#define VT_TESTBED_OBJECT_FLAKY           "dmg:1994-0504"
#define VT_TESTBED_FLAKY_STATUS           504
#define VT_TESTBED_FLAKY_TIMES            2

/* Ghent's bodies, byte for byte (Flask-RESTful ends them with a newline). */
#define VT_TESTBED_FORBIDDEN_BODY \
  "{\"message\": \"You don't have permission to access this resource\"}\n"
#define VT_TESTBED_MISSING_BODY_FORMAT \
  "{\"message\": \"Item with id %s doesn't exist in collection entities\"}\n"
#define VT_TESTBED_FAILING_BODY \
  "{\"message\": \"Something went wrong while generating the manifest\"}\n"
/* What the image service answers for VT_TESTBED_OBJECT_IMAGE_FORBIDDEN. */
#define VT_TESTBED_IMAGE_FORBIDDEN_BODY "403 Forbidden\n"

/* Paths (append to the base URL, or pass to vt_testbed_get_url()). */
#define VT_TESTBED_MANIFEST_PATH          "/iiif/presentation/v2/manifest/"
#define VT_TESTBED_IIP_MAIN               "/iiif/ghent.tif"
#define VT_TESTBED_IIP_PORTRAIT           "/iiif/portrait.tif"
#define VT_TESTBED_LEVEL0_V2              "/level0/v2/photo"
#define VT_TESTBED_LEVEL0_V3              "/level0/v3/photo"
#define VT_TESTBED_STATIC_IMAGE           "/static/static.jpg"
#define VT_TESTBED_AUDIO                  "/media/tone.wav"
#define VT_TESTBED_MANIFEST_V2_LEVEL0     "/manifests/v2/level0.json"
#define VT_TESTBED_MANIFEST_V2_STATIC     "/manifests/v2/static.json"
/* An image service whose info.json limits it (maxWidth 2000, maxArea
 * 3,000,000) in front of IIPImage's ghent.tif. */
#define VT_TESTBED_MANIFEST_V2_LIMITED    "/manifests/v2/limited.json"
#define VT_TESTBED_LIMITED_MAX_WIDTH      2000
#define VT_TESTBED_LIMITED_MAX_HEIGHT     1500
#define VT_TESTBED_MANIFEST_V3_LEVEL0     "/manifests/v3/level0.json"
#define VT_TESTBED_MANIFEST_V3_STATIC     "/manifests/v3/static.json"
#define VT_TESTBED_MANIFEST_V3_AV         "/manifests/v3/av.json"
#define VT_TESTBED_MANIFEST_V3_MULTILINGUAL "/manifests/v3/multilingual.json"
/* Two canvases with a physical dimensions service, for true-scale
 * comparison: 12000 units of 0.0025 cm (300 mm) on ghent.tif, and 6000
 * units of 0.1 mm (600 mm) on the level 0 photo. */
#define VT_TESTBED_MANIFEST_V3_PHYSDIM_PANEL "/manifests/v3/physdim-panel.json"
#define VT_TESTBED_PHYSDIM_PANEL_MM_PER_UNIT 0.025
#define VT_TESTBED_MANIFEST_V3_PHYSDIM_SHEET "/manifests/v3/physdim-sheet.json"
#define VT_TESTBED_PHYSDIM_SHEET_MM_PER_UNIT 0.1
#define VT_TESTBED_COLLECTION_GHENT       "/collections/ghent.json"
#define VT_TESTBED_COLLECTION_ALL         "/collections/testbed.json"
#define VT_TESTBED_INDEX                  "/testbed.json"
/* The books of generate-books.py (issue 12): page N is the IIPImage
 * service /iiif/books/pNNNN.tif, N's last digit printed on a colour of
 * its own (VT_TESTBED_BOOK_PAGE_RGB). */
#define VT_TESTBED_BOOK_300               "/books/book-300.json"
#define VT_TESTBED_BOOK_RTL               "/books/book-rtl.json"
#define VT_TESTBED_BOOK_TTB               "/books/book-ttb.json"
#define VT_TESTBED_BOOK_CONTINUOUS        "/books/book-continuous.json"
#define VT_TESTBED_BOOK_INDIVIDUALS       "/books/book-individuals.json"
#define VT_TESTBED_BOOK_ORDERS            "/books/book-orders.json"
#define VT_TESTBED_BOOK_300_PAGES         300
#define VT_TESTBED_BOOK_RTL_PAGES         12
#define VT_TESTBED_BOOK_PAGE_WIDTH        1000
#define VT_TESTBED_BOOK_PAGE_HEIGHT       1400

/* Sizes of the fixtures. */
#define VT_TESTBED_MAIN_WIDTH      12000
#define VT_TESTBED_MAIN_HEIGHT     9000
#define VT_TESTBED_PORTRAIT_WIDTH  3000
#define VT_TESTBED_PORTRAIT_HEIGHT 4000
#define VT_TESTBED_LEVEL0_WIDTH    6000
#define VT_TESTBED_LEVEL0_HEIGHT   4000
#define VT_TESTBED_STATIC_WIDTH    1200
#define VT_TESTBED_STATIC_HEIGHT   800
#define VT_TESTBED_TILE_SIZE       256

typedef struct _VtTestbed VtTestbed;

/**
 * VtTestbedFlags:
 * @VT_TESTBED_FLAGS_NONE: plain HTTP only
 * @VT_TESTBED_FLAGS_HTTPS: also HTTPS with HTTP/2 (ALPN h2), on a second
 *   port, with a certificate signed by a CA made at start
 */
typedef enum
{
  VT_TESTBED_FLAGS_NONE  = 0,
  VT_TESTBED_FLAGS_HTTPS = 1 << 0,
} VtTestbedFlags;

const char *vt_testbed_get_fixtures_dir  (void);
gboolean    vt_testbed_check_available   (char       **reason);
gboolean    vt_testbed_check_https_available (char   **reason);

VtTestbed  *vt_testbed_start             (GError     **error);
VtTestbed  *vt_testbed_start_or_skip     (void);
VtTestbed  *vt_testbed_start_full        (VtTestbedFlags       flags,
                                          const char * const  *extra_args,
                                          GError             **error);
VtTestbed  *vt_testbed_start_full_or_skip (VtTestbedFlags      flags);
gboolean    vt_testbed_stop              (VtTestbed   *self,
                                          GError     **error);
gboolean    vt_testbed_restart           (VtTestbed   *self,
                                          GError     **error);
gboolean    vt_testbed_is_running        (VtTestbed   *self);
void        vt_testbed_free              (VtTestbed   *self);

const char *vt_testbed_get_base_url      (VtTestbed   *self);
guint16     vt_testbed_get_port          (VtTestbed   *self);
char       *vt_testbed_get_url           (VtTestbed   *self,
                                          const char  *path);
char       *vt_testbed_get_manifest_url  (VtTestbed   *self,
                                          const char  *object_id);

const char *vt_testbed_get_https_base_url (VtTestbed  *self);
guint16     vt_testbed_get_https_port    (VtTestbed   *self);
char       *vt_testbed_get_https_url     (VtTestbed   *self,
                                          const char  *path);
const char *vt_testbed_get_ca_file       (VtTestbed   *self);
GTlsDatabase *vt_testbed_new_tls_database (VtTestbed  *self,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtTestbed, vt_testbed_free)

G_END_DECLS
