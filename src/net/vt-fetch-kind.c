/* vt-fetch-kind.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-fetch-kind"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-fetch-kind-private.h"
#include "vt-net-error.h"

#define MIB (1024 * 1024)

const char *
_vt_fetch_kind_describe (VtFetchKind kind)
{
  switch (kind)
    {
    case VT_FETCH_KIND_MANIFEST:
      return _("IIIF document");
    case VT_FETCH_KIND_INFO:
      return _("image information document");
    case VT_FETCH_KIND_TILE:
      return _("image tile");
    case VT_FETCH_KIND_THUMBNAIL:
      return _("image");
    case VT_FETCH_KIND_CAPTIONS:
      return _("caption file");
    default:
      return _("document");
    }
}

const char *
_vt_fetch_kind_accept (VtFetchKind kind)
{
  switch (kind)
    {
    case VT_FETCH_KIND_MANIFEST:
      return "application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\", "
             "application/ld+json;profile=\"http://iiif.io/api/presentation/2/context.json\";q=0.9, "
             "application/ld+json;q=0.8, application/json;q=0.8, */*;q=0.1";
    case VT_FETCH_KIND_INFO:
      return "application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\", "
             "application/ld+json;profile=\"http://iiif.io/api/image/2/context.json\";q=0.9, "
             "application/ld+json;q=0.8, application/json;q=0.8, */*;q=0.1";
    case VT_FETCH_KIND_CAPTIONS:
      return "text/vtt, text/*;q=0.5, */*;q=0.1";
    case VT_FETCH_KIND_TILE:
    case VT_FETCH_KIND_THUMBNAIL:
    default:
      return "image/jpeg, image/png, image/webp, image/*;q=0.8, */*;q=0.1";
    }
}

/* The caps are far above anything real (Ghent's manifests are a few kB,
 * the largest manifest in the corpus is 3.8 MB, a 1024 px JPEG tile is
 * well under 1 MB) and far below what would hurt. */
gsize
_vt_fetch_kind_default_limit (VtFetchKind kind)
{
  switch (kind)
    {
    case VT_FETCH_KIND_MANIFEST:
      return 64 * MIB;
    case VT_FETCH_KIND_INFO:
    case VT_FETCH_KIND_CAPTIONS:
      return 4 * MIB;
    case VT_FETCH_KIND_TILE:
      return 32 * MIB;
    case VT_FETCH_KIND_THUMBNAIL:
    default:
      return 64 * MIB;
    }
}

/* Freshness used when the server gives none (Ghent and lighttpd send
 * neither Cache-Control nor Expires): without it every revisit would ask
 * the server again and nothing would open offline. Image answers are
 * effectively immutable; a manifest may be edited, so it is re-checked
 * after an hour (cheaply, with If-Modified-Since when possible). */
guint
_vt_fetch_kind_default_max_age (VtFetchKind kind)
{
  switch (kind)
    {
    case VT_FETCH_KIND_MANIFEST:
    case VT_FETCH_KIND_CAPTIONS:
      return 60 * 60;
    case VT_FETCH_KIND_INFO:
    case VT_FETCH_KIND_TILE:
    case VT_FETCH_KIND_THUMBNAIL:
    default:
      return 7 * 24 * 60 * 60;
    }
}

/* The least time the server gets to start answering (VtClient's idle
 * timeout applies when it is longer). Ghent generates each manifest on
 * request: a third-party client measured a cold median of 17 s on the
 * real route, with a long tail its gateway often cuts off with a 504.
 * Document requests are few and the user waits for them anyway, with a
 * Cancel button; images come from image servers that answer at once or
 * not at all, so they keep the short idle timeout. */
guint
_vt_fetch_kind_default_first_byte_ms (VtFetchKind kind)
{
  switch (kind)
    {
    case VT_FETCH_KIND_MANIFEST:
      return 45 * 1000;
    case VT_FETCH_KIND_INFO:
    case VT_FETCH_KIND_TILE:
    case VT_FETCH_KIND_THUMBNAIL:
    case VT_FETCH_KIND_CAPTIONS:
    default:
      return 0;
    }
}

static gboolean
is_json_kind (VtFetchKind kind)
{
  return kind == VT_FETCH_KIND_MANIFEST || kind == VT_FETCH_KIND_INFO;
}

static gboolean
type_is (const char *content_type,
         const char *prefix)
{
  return content_type != NULL &&
         g_ascii_strncasecmp (content_type, prefix, strlen (prefix)) == 0;
}

static gboolean
type_is_html (const char *content_type)
{
  return type_is (content_type, "text/html") ||
         type_is (content_type, "application/xhtml");
}

/**
 * _vt_fetch_kind_rejects_type:
 *
 * Whether a declared content type alone rules the answer out, so that the
 * body need not be read at all: a web page or an image where JSON was
 * asked for, a web page or JSON where an image was.
 */
gboolean
_vt_fetch_kind_rejects_type (VtFetchKind  kind,
                             const char  *content_type)
{
  if (content_type == NULL)
    return FALSE;

  if (type_is_html (content_type))
    return TRUE;

  if (kind == VT_FETCH_KIND_CAPTIONS)
    return strstr (content_type, "json") != NULL ||
           type_is (content_type, "image/") ||
           type_is (content_type, "video/") ||
           type_is (content_type, "audio/");

  if (is_json_kind (kind))
    return type_is (content_type, "image/") ||
           type_is (content_type, "video/") ||
           type_is (content_type, "audio/");

  return strstr (content_type, "json") != NULL ||
         type_is (content_type, "video/") ||
         type_is (content_type, "audio/");
}

static gsize
skip_space_and_bom (const guint8 *data,
                    gsize         len)
{
  gsize i = 0;

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    i = 3;

  while (i < len && g_ascii_isspace (data[i]))
    i++;

  return i;
}

static gboolean
has_image_magic (const guint8 *d,
                 gsize         len)
{
  static const guint8 jp2[] = { 0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' ' };

  if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
    return TRUE; /* JPEG */
  if (len >= 8 && memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0)
    return TRUE;
  if (len >= 6 && (memcmp (d, "GIF87a", 6) == 0 || memcmp (d, "GIF89a", 6) == 0))
    return TRUE;
  if (len >= 12 && memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0)
    return TRUE;
  if (len >= 4 && (memcmp (d, "II*\0", 4) == 0 || memcmp (d, "MM\0*", 4) == 0))
    return TRUE; /* TIFF */
  if (len >= sizeof jp2 && memcmp (d, jp2, sizeof jp2) == 0)
    return TRUE;
  if (len >= 4 && d[0] == 0xFF && d[1] == 0x4F && d[2] == 0xFF && d[3] == 0x51)
    return TRUE; /* JPEG 2000 codestream */
  if (len >= 12 && memcmp (d + 4, "ftyp", 4) == 0 &&
      (memcmp (d + 8, "avif", 4) == 0 || memcmp (d + 8, "heic", 4) == 0 ||
       memcmp (d + 8, "mif1", 4) == 0))
    return TRUE;
  if (len >= 2 && d[0] == 0xFF && d[1] == 0x0A)
    return TRUE; /* JPEG XL codestream */
  if (len >= 2 && d[0] == 'B' && d[1] == 'M')
    return TRUE;

  return FALSE;
}

/**
 * _vt_fetch_kind_check_content:
 *
 * Checks that a 2xx body is what was asked for. The declared type is a
 * hint only: real servers send JSON as text/plain or
 * application/octet-stream and images with no type at all, so the first
 * bytes decide, and the declared type only rules out what is clearly
 * something else.
 */
gboolean
_vt_fetch_kind_check_content (VtFetchKind   kind,
                              const char   *uri,
                              const char   *content_type,
                              GBytes       *body,
                              GError      **error)
{
  gsize len = 0;
  const guint8 *data = body != NULL ? g_bytes_get_data (body, &len) : NULL;
  gsize start;

  if (_vt_fetch_kind_rejects_type (kind, content_type) || len == 0)
    goto bad;

  start = skip_space_and_bom (data, len);

  if (is_json_kind (kind))
    {
      if (start < len && (data[start] == '{' || data[start] == '['))
        return TRUE;
      goto bad;
    }

  /* WebVTT says what it is in its first six bytes, whatever the type. */
  if (kind == VT_FETCH_KIND_CAPTIONS)
    {
      if (len - start >= 6 && memcmp (data + start, "WEBVTT", 6) == 0)
        return TRUE;
      goto bad;
    }

  if (has_image_magic (data, len))
    return TRUE;

  /* An image type we cannot recognise by its first bytes (SVG, a format
   * newer than this table) is left to the decoder, unless the body is
   * plainly markup or JSON. */
  if (type_is (content_type, "image/") &&
      (type_is (content_type, "image/svg") ||
       (start < len && data[start] != '<' && data[start] != '{')))
    return TRUE;

bad:
  if (len == 0 && !_vt_fetch_kind_rejects_type (kind, content_type))
    g_propagate_error (error,
                       vt_net_error_new_full (VT_NET_ERROR_BAD_RESPONSE, 200, uri, NULL,
                                              _("The server sent an empty answer (expected: %s)."),
                                              _vt_fetch_kind_describe (kind)));
  else if (type_is_html (content_type) ||
           (content_type == NULL && skip_space_and_bom (data, len) < len &&
            data[skip_space_and_bom (data, len)] == '<'))
    g_propagate_error (error,
                       vt_net_error_new_full (VT_NET_ERROR_BAD_RESPONSE, 200, uri, NULL,
                                              _("The server sent a web page (expected: %s)."),
                                              _vt_fetch_kind_describe (kind)));
  else
    g_propagate_error (error,
                       vt_net_error_new_full (VT_NET_ERROR_BAD_RESPONSE, 200, uri, NULL,
                                              _("The server sent “%s” (expected: %s)."),
                                              content_type != NULL ? content_type : _("unknown content"),
                                              _vt_fetch_kind_describe (kind)));
  return FALSE;
}
