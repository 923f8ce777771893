/* vt-fetch-kind-private.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vt-client.h"

G_BEGIN_DECLS

/* What differs between the kinds of fetch, in one place: the Accept
 * header, the default body cap, how long an answer stays fresh when the
 * server says nothing, how long the server may think before it answers,
 * and what the body must look like. */

const char *_vt_fetch_kind_describe              (VtFetchKind   kind);
const char *_vt_fetch_kind_accept                (VtFetchKind   kind);
gsize       _vt_fetch_kind_default_limit         (VtFetchKind   kind);
guint       _vt_fetch_kind_default_max_age       (VtFetchKind   kind);
guint       _vt_fetch_kind_default_first_byte_ms (VtFetchKind   kind);
gboolean    _vt_fetch_kind_check_content         (VtFetchKind   kind,
                                                  const char   *uri,
                                                  const char   *content_type,
                                                  GBytes       *body,
                                                  GError      **error);
gboolean    _vt_fetch_kind_rejects_type          (VtFetchKind   kind,
                                                  const char   *content_type);

G_END_DECLS
