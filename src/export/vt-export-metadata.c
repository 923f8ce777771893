/* vt-export-metadata.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "iiif/vt-rights.h"
#include "vt-export-metadata.h"

/* Rights, credit and source travel inside the exported file as XMP, the
 * one metadata packet TIFF, JPEG and PNG all carry (libvips writes its
 * "xmp-data" as TIFF tag 700, a JPEG APP1 segment and a PNG iTXt chunk).
 * Every value comes from a document on the network: it is escaped, and
 * the characters XML 1.0 cannot hold at all are dropped. */

G_DEFINE_BOXED_TYPE (VtExportMetadata, vt_export_metadata,
                     vt_export_metadata_copy, vt_export_metadata_free)

VtExportMetadata *
vt_export_metadata_new (void)
{
  return g_new0 (VtExportMetadata, 1);
}

VtExportMetadata *
vt_export_metadata_copy (const VtExportMetadata *self)
{
  VtExportMetadata *copy = vt_export_metadata_new ();

  if (self == NULL)
    return copy;
  copy->title = g_strdup (self->title);
  copy->rights_uri = g_strdup (self->rights_uri);
  copy->rights = g_strdup (self->rights);
  copy->usage_terms = g_strdup (self->usage_terms);
  copy->attribution = g_strdup (self->attribution);
  copy->source = g_strdup (self->source);
  return copy;
}

void
vt_export_metadata_free (VtExportMetadata *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->rights_uri);
  g_free (self->rights);
  g_free (self->usage_terms);
  g_free (self->attribution);
  g_free (self->source);
  g_free (self);
}

static char *
entry_to_text (VtMetadataEntry     *entry,
               const char * const  *languages)
{
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;

  if (entry == NULL || entry->value == NULL)
    return NULL;
  value = vt_language_map_dup_text (entry->value, languages, "; ");
  if (value == NULL)
    return NULL;
  if (entry->label != NULL)
    label = vt_language_map_dup_text (entry->label, languages, "; ");
  if (label != NULL)
    return g_strdup_printf ("%s: %s", label, value);
  return g_steal_pointer (&value);
}

/**
 * vt_export_metadata_new_for_canvas:
 * @canvas_index: 0-based
 * @languages: (nullable): preferred languages, best first
 *
 * What holds for one canvas: its rights (the canvas', its image's or the
 * manifest's, as the core resolves them), attribution and required
 * statement, its label, and the manifest and canvas it comes from.
 *
 * Returns: (transfer full): the metadata
 */
VtExportMetadata *
vt_export_metadata_new_for_canvas (const VtManifest   *manifest,
                                   guint               canvas_index,
                                   const char * const *languages)
{
  VtExportMetadata *self = vt_export_metadata_new ();
  VtCanvas *canvas;
  VtLanguageMap *attribution;
  g_autofree char *name = NULL;
  g_autofree char *canvas_label = NULL;
  g_autofree char *manifest_label = NULL;
  const char *uri;

  g_return_val_if_fail (manifest != NULL, self);
  g_return_val_if_fail (canvas_index < vt_manifest_get_n_canvases (manifest), self);

  canvas = vt_manifest_get_canvas (manifest, canvas_index);
  uri = vt_manifest_get_canvas_rights (manifest, canvas_index);
  if (uri != NULL)
    {
      self->rights_uri = g_strdup (uri);
      vt_rights_describe (uri, &name, NULL);
      self->rights = name != NULL ? g_strdup_printf ("%s (%s)", name, uri) : g_strdup (uri);
    }

  attribution = vt_manifest_get_canvas_attribution (manifest, canvas_index);
  if (attribution != NULL)
    self->attribution = vt_language_map_dup_text (attribution, languages, "; ");
  self->usage_terms = entry_to_text (vt_manifest_get_canvas_required_statement (manifest, canvas_index),
                                     languages);
  if (self->usage_terms == NULL && self->attribution != NULL)
    self->usage_terms = g_strdup (self->attribution);

  if (manifest->label != NULL)
    manifest_label = vt_language_map_dup_text (manifest->label, languages, "; ");
  if (canvas->label != NULL)
    canvas_label = vt_language_map_dup_text (canvas->label, languages, "; ");
  if (manifest_label != NULL && canvas_label != NULL && g_strcmp0 (manifest_label, canvas_label) != 0)
    self->title = g_strdup_printf ("%s — %s", manifest_label, canvas_label);
  else
    self->title = g_strdup (manifest_label != NULL ? manifest_label : canvas_label);

  if (manifest->id != NULL && canvas->id != NULL)
    self->source = g_strdup_printf ("%s (canvas %u: %s)", manifest->id, canvas_index + 1, canvas->id);
  else
    self->source = g_strdup (manifest->id != NULL ? manifest->id : canvas->id);
  return self;
}

/**
 * vt_export_metadata_allows_reuse:
 *
 * Whether the rights allow reuse: %FALSE for In Copyright, the NoC-*
 * statements, or no rights at all (see vt_rights_allows_reuse()).
 */
gboolean
vt_export_metadata_allows_reuse (const VtExportMetadata *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->rights_uri != NULL && vt_rights_allows_reuse (self->rights_uri);
}

/* XML 1.0 allows tab, newline, carriage return and everything from
 * U+0020 on except the surrogates and U+FFFE/U+FFFF; the rest would make
 * the whole packet unreadable, so it goes. */
static char *
xml_escape (const char *text)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r' ||
          (c >= 0x20 && c < 0xd800) || (c >= 0xe000 && c < 0xfffe) || c >= 0x10000)
        g_string_append_unichar (clean, c);
    }
  return g_markup_escape_text (clean->str, -1);
}

static void
append_alt (GString    *xmp,
            const char *property,
            const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = xml_escape (value);
  g_string_append_printf (xmp,
                          "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></%s>\n",
                          property, escaped, property);
}

static void
append_simple (GString    *xmp,
               const char *property,
               const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = xml_escape (value);
  g_string_append_printf (xmp, "   <%s>%s</%s>\n", property, escaped, property);
}

/**
 * vt_export_metadata_to_xmp:
 *
 * The XMP packet: dc:title, dc:rights, dc:creator, dc:source,
 * xmpRights:WebStatement, xmpRights:UsageTerms, xmpRights:Marked and
 * photoshop:Credit.
 *
 * Returns: (transfer full): the packet, UTF-8
 */
char *
vt_export_metadata_to_xmp (const VtExportMetadata *self)
{
  GString *xmp = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append (xmp,
                   "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                   " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                   "  <rdf:Description rdf:about=\"\"\n"
                   "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                   "    xmlns:xmpRights=\"http://ns.adobe.com/xap/1.0/rights/\"\n"
                   "    xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\">\n");
  append_alt (xmp, "dc:title", self->title);
  append_alt (xmp, "dc:rights", self->rights);
  if (self->attribution != NULL)
    {
      g_autofree char *escaped = xml_escape (self->attribution);

      g_string_append_printf (xmp, "   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n",
                              escaped);
    }
  append_simple (xmp, "dc:source", self->source);
  append_simple (xmp, "xmpRights:WebStatement", self->rights_uri);
  append_alt (xmp, "xmpRights:UsageTerms", self->usage_terms);
  if (self->rights_uri != NULL)
    append_simple (xmp, "xmpRights:Marked",
                   vt_rights_allows_reuse (self->rights_uri) &&
                   g_str_has_prefix (self->rights_uri, "http://creativecommons.org/publicdomain/")
                   ? "False" : "True");
  append_simple (xmp, "photoshop:Credit", self->attribution);
  g_string_append (xmp,
                   "  </rdf:Description>\n"
                   " </rdf:RDF>\n"
                   "</x:xmpmeta>\n"
                   "<?xpacket end=\"w\"?>");
  return g_string_free (xmp, FALSE);
}

static void
append_dataset (GByteArray *iim,
                guint8      record,
                guint8      dataset,
                const char *value,
                gsize       max_bytes)
{
  g_autofree char *valid = NULL;
  gsize len;
  guint8 head[5];

  if (value == NULL || *value == '\0')
    return;
  valid = g_utf8_make_valid (value, -1);
  len = strlen (valid);
  /* Cut at a character boundary. */
  if (len > max_bytes)
    len = g_utf8_find_prev_char (valid, valid + max_bytes + 1) - valid;
  head[0] = 0x1c;
  head[1] = record;
  head[2] = dataset;
  head[3] = (len >> 8) & 0xff;
  head[4] = len & 0xff;
  g_byte_array_append (iim, head, sizeof head);
  g_byte_array_append (iim, (const guint8 *) valid, len);
}

/**
 * vt_export_metadata_to_iptc:
 * @photoshop: wrap it as a Photoshop image resource (what a JPEG's APP13
 *   holds); else the bare IPTC-IIM records (what TIFF's IPTC tag holds)
 *
 * The same rights as IPTC-IIM, UTF-8: Object Name (title), By-line and
 * Credit (attribution), Source, Copyright Notice (rights) and Special
 * Instructions (usage terms), for the readers that know no XMP; cut to
 * IIM's maximum lengths.
 *
 * Returns: (transfer full): the bytes
 */
GBytes *
vt_export_metadata_to_iptc (const VtExportMetadata *self,
                            gboolean                photoshop)
{
  g_autoptr (GByteArray) iim = g_byte_array_new ();
  static const guint8 version[] = { 0x1c, 0x02, 0x00, 0x00, 0x02, 0x00, 0x04 };
  /* 1:90, coded character set: ESC % G, UTF-8. */
  static const guint8 utf8[] = { 0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47 };
  GByteArray *out;
  guint8 size[4];
  guint len;

  g_return_val_if_fail (self != NULL, NULL);

  g_byte_array_append (iim, utf8, sizeof utf8);
  g_byte_array_append (iim, version, sizeof version);
  /* IIM's own maximum lengths, which strict readers (exiv2 in TIFF)
   * enforce: the full text is in the XMP. */
  append_dataset (iim, 2, 5, self->title, 64);
  append_dataset (iim, 2, 80, self->attribution, 32);
  append_dataset (iim, 2, 110, self->attribution, 32);
  append_dataset (iim, 2, 115, self->source, 32);
  append_dataset (iim, 2, 116, self->rights, 128);
  append_dataset (iim, 2, 40, self->usage_terms, 256);
  if (!photoshop)
    {
      /* TIFF stores the tag as 32-bit words. */
      while (iim->len % 4 != 0)
        g_byte_array_append (iim, (const guint8 *) "", 1);
      return g_byte_array_free_to_bytes (g_steal_pointer (&iim));
    }

  out = g_byte_array_new ();
  len = iim->len;
  g_byte_array_append (out, (const guint8 *) "Photoshop 3.0", 14);
  g_byte_array_append (out, (const guint8 *) "8BIM\x04\x04\0\0", 8);
  size[0] = len >> 24;
  size[1] = (len >> 16) & 0xff;
  size[2] = (len >> 8) & 0xff;
  size[3] = len & 0xff;
  g_byte_array_append (out, size, 4);
  g_byte_array_append (out, iim->data, iim->len);
  if (len % 2 != 0)
    g_byte_array_append (out, (const guint8 *) "", 1);
  return g_byte_array_free_to_bytes (out);
}
