/* vt-content-state-write.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-content-state"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vt-content-state.h"
#include "vt-iiif-error.h"

/* The content-state encoding (§6) both ways, and what Vitrine writes of a
 * view to share it: compact JSON, the `?iiif-content=` query and the IIIF
 * drag-and-drop link. Reading is in vt-content-state.c. */

/* Encoding (§6) */

/**
 * vt_content_state_encode_text:
 * @text: UTF-8 text, usually JSON
 *
 * Content-state-encodes @text: percent-encoding as encodeURIComponent
 * does, then base64url without `=` padding.
 *
 * Returns: (transfer full): the encoded text
 */
char *
vt_content_state_encode_text (const char *text)
{
  g_autofree char *escaped = NULL;
  g_autofree char *b64 = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* encodeURIComponent leaves A–Z a–z 0–9 - _ . ! ~ * ' ( ) alone;
   * g_uri_escape_string leaves the unreserved ones and what we allow. */
  escaped = g_uri_escape_string (text, "!*'()", FALSE);
  b64 = g_base64_encode ((const guchar *) escaped, strlen (escaped));

  out = g_string_sized_new (strlen (b64));
  for (const char *p = b64; *p != '\0' && *p != '='; p++)
    g_string_append_c (out, *p == '+' ? '-' : *p == '/' ? '_' : *p);

  return g_string_free (out, FALSE);
}

/**
 * vt_content_state_decode_text:
 * @encoded: content-state-encoded text, with or without `=` padding (the
 *   plain base64 alphabet is accepted too)
 *
 * Returns: (transfer full): the decoded UTF-8 text, or %NULL with @error
 *   set when @encoded is not base64url of percent-encoded UTF-8
 */
char *
vt_content_state_decode_text (const char  *encoded,
                              GError     **error)
{
  g_autoptr(GString) b64 = NULL;
  g_autofree guchar *bytes = NULL;
  g_autofree char *escaped = NULL;
  char *decoded;
  gsize len = 0;
  gsize n_pad = 0;

  g_return_val_if_fail (encoded != NULL, NULL);

  if (strlen (encoded) > VT_CONTENT_STATE_MAX_TEXT)
    goto fail;

  b64 = g_string_sized_new (strlen (encoded) + 4);
  for (const char *p = encoded; *p != '\0'; p++)
    {
      if (*p == '=')
        {
          /* Padding only at the end, at most two. */
          n_pad++;
          if (n_pad > 2)
            goto fail;
          continue;
        }
      if (n_pad > 0)
        goto fail;
      if (*p == '-' || *p == '+')
        g_string_append_c (b64, '+');
      else if (*p == '_' || *p == '/')
        g_string_append_c (b64, '/');
      else if (g_ascii_isalnum (*p))
        g_string_append_c (b64, *p);
      else
        goto fail;
    }

  if (b64->len == 0 || b64->len % 4 == 1 || (n_pad > 0 && (b64->len + n_pad) % 4 != 0))
    goto fail;
  while (b64->len % 4 != 0)
    g_string_append_c (b64, '=');

  bytes = g_base64_decode (b64->str, &len);
  if (bytes == NULL || len == 0 || memchr (bytes, '\0', len) != NULL)
    goto fail;

  escaped = g_strndup ((const char *) bytes, len);
  decoded = g_uri_unescape_string (escaped, NULL);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    {
      g_free (decoded);
      goto fail;
    }

  return decoded;

fail:
  g_set_error_literal (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE,
                       _("This is not a content-state-encoded text (base64url)."));
  return NULL;
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value - round (value)) < 1e-9 && fabs (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) round (value));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.3f", value));
}

/* The canvas id with its media fragment: `#xywh=x,y,w,h&t=s,e`. The
 * region is written in whole canvas pixels, rounded outwards so that it
 * still holds everything asked for. */
static char *
canvas_with_fragment (const VtContentStateTarget *target)
{
  GString *id = g_string_new (target->canvas_id);
  const char *sep = "#";

  if (target->has_region)
    {
      if (target->region_percent)
        {
          g_autofree char *x = format_number (target->x);
          g_autofree char *y = format_number (target->y);
          g_autofree char *w = format_number (target->width);
          g_autofree char *h = format_number (target->height);

          g_string_append_printf (id, "#xywh=percent:%s,%s,%s,%s", x, y, w, h);
        }
      else
        g_string_append_printf (id, "#xywh=%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                (gint64) round (target->x), (gint64) round (target->y),
                                MAX ((gint64) round (target->width), 1), MAX ((gint64) round (target->height), 1));
      sep = "&";
    }
  if (target->has_time)
    {
      g_autofree char *start = format_number (target->time_start);

      g_string_append_printf (id, "%st=%s", sep, start);
      if (target->time_end > target->time_start)
        {
          g_autofree char *end = format_number (target->time_end);

          g_string_append_printf (id, ",%s", end);
        }
    }

  return g_string_free (id, FALSE);
}

static void
build_target (JsonBuilder                *builder,
              const VtContentStateTarget *target)
{
  json_builder_begin_object (builder);
  if (target->canvas_id != NULL)
    {
      g_autofree char *id = canvas_with_fragment (target);

      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "Canvas");
      json_builder_set_member_name (builder, "partOf");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
    }
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, target->manifest_uri);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Manifest");
  if (target->canvas_id != NULL)
    {
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/**
 * vt_content_state_to_json:
 *
 * Writes the content state as compact JSON: for one target, just the
 * target (a Canvas with its region in a `#xywh=` fragment and the
 * manifest in `partOf`, or the Manifest), which §3.1 advises for links;
 * for several, a full annotation with motivation `contentState` and a
 * list of targets (§5.3).
 *
 * Returns: (transfer full): the JSON text
 */
char *
vt_content_state_to_json (const VtContentState *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->targets->len > 0, NULL);

  if (self->targets->len == 1)
    build_target (builder, g_ptr_array_index (self->targets, 0));
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "@context");
      json_builder_add_string_value (builder, "http://iiif.io/api/presentation/3/context.json");
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "Annotation");
      json_builder_set_member_name (builder, "motivation");
      json_builder_add_string_value (builder, "contentState");
      json_builder_set_member_name (builder, "target");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->targets->len; i++)
        build_target (builder, g_ptr_array_index (self->targets, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * vt_content_state_encode:
 *
 * Returns: (transfer full): the content state as JSON, content-state
 *   encoded (§6): the value of an `iiif-content` parameter
 */
char *
vt_content_state_encode (const VtContentState *self)
{
  g_autofree char *json = vt_content_state_to_json (self);

  return vt_content_state_encode_text (json);
}

/**
 * vt_content_state_to_query:
 *
 * Returns: (transfer full): `?iiif-content=` and the encoded state: the
 *   query any IIIF viewer's address takes (§3.1)
 */
char *
vt_content_state_to_query (const VtContentState *self)
{
  g_autofree char *encoded = vt_content_state_encode (self);

  return g_strconcat ("?iiif-content=", encoded, NULL);
}

/**
 * vt_content_state_to_drag_link:
 *
 * The IIIF drag-and-drop link of the first target: its manifest's address
 * with `?manifest=` (and `&canvas=`) appended, as the IIIF logo links
 * carry it, so that what does not know the convention still gets the
 * manifest. The whole state rides along as `iiif-content=`, which viewers
 * that know it (Vitrine among them) prefer, for the region.
 *
 * Returns: (transfer full): the link
 */
char *
vt_content_state_to_drag_link (const VtContentState *self)
{
  const VtContentStateTarget *target;
  g_autofree char *manifest = NULL;
  g_autofree char *encoded = NULL;
  GString *link;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->targets->len > 0, NULL);

  target = g_ptr_array_index (self->targets, 0);
  manifest = g_uri_escape_string (target->manifest_uri, NULL, FALSE);
  encoded = vt_content_state_encode (self);

  link = g_string_new (target->manifest_uri);
  /* Any fragment of the manifest address would swallow the query. */
  if (strchr (link->str, '#') != NULL)
    g_string_truncate (link, strchr (link->str, '#') - link->str);
  g_string_append_printf (link, "%smanifest=%s", strchr (link->str, '?') != NULL ? "&" : "?", manifest);
  if (target->canvas_id != NULL)
    {
      g_autofree char *canvas = g_uri_escape_string (target->canvas_id, NULL, FALSE);

      g_string_append_printf (link, "&canvas=%s", canvas);
    }
  g_string_append_printf (link, "&iiif-content=%s", encoded);

  return g_string_free (link, FALSE);
}
