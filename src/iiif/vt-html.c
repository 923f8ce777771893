/* vt-html.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-html"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <string.h>

#include "vt-html.h"

/* HTML from manifests, turned into markup for a GtkLabel. libxml2's HTML
 * parser does the tokenising and entity decoding; we walk its tree and emit
 * only the IIIF subset, so whatever the input, the output is well-formed. */

#define MAX_DEPTH 64

/* Fragments are parsed inside an element of our own: with a root, libxml2
 * keeps sibling elements and the spaces between them (without one, its
 * HTML parser nests each top-level element in the one before and drops the
 * spaces), and no tag of the input can close it (as it could a div). The
 * writer passes it, like any unknown element, through transparently. */
#define ROOT_OPEN  "<vitrine-root>"
#define ROOT_CLOSE "</vitrine-root>"

typedef struct
{
  GString  *out;
  gboolean  markup;
  gboolean  in_link;
  guint     depth;
} Writer;

static gboolean
is_dropped_with_contents (const char *name)
{
  static const char * const dropped[] = {
    "script", "style", "object", "embed", "applet", "form", "input", "textarea",
    "select", "button", "iframe", "frame", "frameset", "noscript", "template",
    "svg", "math", "head", "title", "meta", "link", "base", "audio", "video",
    "canvas", "noembed", "noframes", "xmp", "plaintext",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    if (g_ascii_strcasecmp (name, dropped[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_block (const char *name)
{
  static const char * const blocks[] = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "header", "footer",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp (name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
pango_tag (const char *name)
{
  if (g_ascii_strcasecmp (name, "b") == 0 || g_ascii_strcasecmp (name, "strong") == 0)
    return "b";
  if (g_ascii_strcasecmp (name, "i") == 0 || g_ascii_strcasecmp (name, "em") == 0 ||
      g_ascii_strcasecmp (name, "cite") == 0)
    return "i";
  if (g_ascii_strcasecmp (name, "small") == 0)
    return "small";
  if (g_ascii_strcasecmp (name, "sub") == 0)
    return "sub";
  if (g_ascii_strcasecmp (name, "sup") == 0)
    return "sup";
  return NULL;
}

static gboolean
href_allowed (const char *href)
{
  while (g_ascii_isspace (*href))
    href++;
  return g_ascii_strncasecmp (href, "http://", 7) == 0 ||
         g_ascii_strncasecmp (href, "https://", 8) == 0 ||
         g_ascii_strncasecmp (href, "mailto:", 7) == 0;
}

static void
append_text (Writer     *w,
             const char *text)
{
  if (text == NULL)
    return;
  if (w->markup)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_string_append (w->out, escaped);
    }
  else
    g_string_append (w->out, text);
}

static void
paragraph_break (Writer *w)
{
  /* A blank line between blocks, none at the very start. */
  if (w->out->len == 0)
    return;
  if (w->out->str[w->out->len - 1] != '\n')
    g_string_append_c (w->out, '\n');
  if (w->out->len < 2 || w->out->str[w->out->len - 2] != '\n')
    g_string_append_c (w->out, '\n');
}

static void write_children (Writer *w, xmlNode *node);

static void
write_node (Writer  *w,
            xmlNode *node)
{
  const char *name;

  switch (node->type)
    {
    case XML_TEXT_NODE:
      {
        const char *text = (const char *) node->content;

        /* Spaces at the start of a line, as between two paragraphs, show
         * nothing in HTML. */
        if (text != NULL && (w->out->len == 0 || w->out->str[w->out->len - 1] == '\n'))
          while (g_ascii_isspace (*text))
            text++;
        append_text (w, text);
      }
      return;

    case XML_ELEMENT_NODE:
      break;

    case XML_CDATA_SECTION_NODE:
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
    case XML_ENTITY_REF_NODE:
    case XML_ENTITY_NODE:
    case XML_ATTRIBUTE_NODE:
    case XML_DOCUMENT_NODE:
    case XML_DOCUMENT_TYPE_NODE:
    case XML_DOCUMENT_FRAG_NODE:
    case XML_NOTATION_NODE:
    case XML_HTML_DOCUMENT_NODE:
    case XML_DTD_NODE:
    case XML_ELEMENT_DECL:
    case XML_ATTRIBUTE_DECL:
    case XML_ENTITY_DECL:
    case XML_NAMESPACE_DECL:
    case XML_XINCLUDE_START:
    case XML_XINCLUDE_END:
#ifdef LIBXML_DOCB_ENABLED
    case XML_DOCB_DOCUMENT_NODE:
#endif
    default:
      return;
    }

  name = (const char *) node->name;
  if (name == NULL || is_dropped_with_contents (name))
    return;

  if (w->depth >= MAX_DEPTH)
    return;
  w->depth++;

  if (g_ascii_strcasecmp (name, "br") == 0)
    g_string_append_c (w->out, '\n');
  else if (g_ascii_strcasecmp (name, "img") == 0)
    {
      g_autofree char *alt = (char *) xmlGetProp (node, (const xmlChar *) "alt");
      append_text (w, alt);
    }
  else if (g_ascii_strcasecmp (name, "a") == 0)
    {
      g_autofree char *href = (char *) xmlGetProp (node, (const xmlChar *) "href");

      /* A link inside a link is no link: GtkLabel cannot nest them. */
      if (w->markup && !w->in_link && href != NULL && href_allowed (href))
        {
          g_autofree char *escaped = NULL;
          char *colon;

          /* Schemes are case-insensitive; write them in lower case so that
           * whoever checks the link later sees "https:", not "hTTps:". */
          g_strstrip (href);
          colon = strchr (href, ':');
          for (char *p = href; colon != NULL && p < colon; p++)
            *p = g_ascii_tolower (*p);
          escaped = g_markup_escape_text (href, -1);
          g_string_append_printf (w->out, "<a href=\"%s\">", escaped);
          w->in_link = TRUE;
          write_children (w, node);
          w->in_link = FALSE;
          g_string_append (w->out, "</a>");
        }
      else
        write_children (w, node);
    }
  else if (is_block (name))
    {
      paragraph_break (w);
      write_children (w, node);
      paragraph_break (w);
    }
  else
    {
      const char *tag = w->markup ? pango_tag (name) : NULL;

      if (tag != NULL)
        g_string_append_printf (w->out, "<%s>", tag);
      write_children (w, node);
      if (tag != NULL)
        g_string_append_printf (w->out, "</%s>", tag);
    }

  w->depth--;
}

static void
write_children (Writer  *w,
                xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    write_node (w, child);
}

static gboolean
looks_like_html (const char *value,
                 gsize       len)
{
  return len >= 2 && value[0] == '<' && value[len - 1] == '>';
}

static gboolean
has_known_element (xmlNode *node,
                   guint    depth)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && node->name != NULL)
        {
          const char *name = (const char *) node->name;

          if (pango_tag (name) != NULL || is_block (name) || is_dropped_with_contents (name) ||
              g_ascii_strcasecmp (name, "a") == 0 || g_ascii_strcasecmp (name, "br") == 0 ||
              g_ascii_strcasecmp (name, "img") == 0 || g_ascii_strcasecmp (name, "span") == 0)
            return TRUE;
        }
      if (depth < MAX_DEPTH && has_known_element (node->children, depth + 1))
        return TRUE;
    }
  return FALSE;
}

/* The elements a value may use without starting with '<' and still be read
 * as HTML: the subset the IIIF specification allows (Presentation 3.0
 * §4.4), and em and strong. */
static gboolean
is_subset_element (const char *name)
{
  static const char * const subset[] = {
    "a", "b", "br", "em", "i", "img", "p", "small", "span", "strong", "sub", "sup",
  };

  for (guint i = 0; i < G_N_ELEMENTS (subset); i++)
    if (g_ascii_strcasecmp (name, subset[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_void_element (const char *name)
{
  return g_ascii_strcasecmp (name, "br") == 0 || g_ascii_strcasecmp (name, "img") == 0;
}

/* By the IIIF rule a value is HTML only when it starts with '<' and ends
 * with '>', yet "Letter to <i>Jan</i>" is common, and other viewers show
 * it as HTML. Such a value is read as HTML only when it is well-formed in
 * the subset: every '<' that can open a tag opens one of the subset (or a
 * comment), quoted attribute values included, and the tags nest and
 * close. Anything else ("x <script>", "x <b>unclosed", "<p>a<p>b") stays
 * plain text. A value that starts with a tag of the subset may leave its
 * last tags open, as browsers forgive: "<span>Reuse of <a href=…>Source
 * Manifest</a> with added Annotation" (cookbook 0464) is HTML. */
static gboolean
is_well_formed_subset (const char *value)
{
  gboolean starts_with_tag = value[0] == '<' && g_ascii_isalpha (value[1]);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  gboolean any_tag = FALSE;
  const char *p = value;

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *q = p + 1;
      const char *name;
      g_autofree char *tag = NULL;
      gboolean closing = FALSE;

      if (g_str_has_prefix (q, "!--"))
        {
          const char *end = strstr (q + 3, "-->");

          if (end == NULL)
            return FALSE;
          p = end + 3;
          continue;
        }

      /* "a < b": a '<' that cannot open a tag is text, to HTML too. */
      if (!g_ascii_isalpha (*q) && *q != '/' && *q != '!' && *q != '?')
        {
          p = q;
          continue;
        }
      if (*q == '/')
        {
          closing = TRUE;
          q++;
        }
      name = q;
      if (!g_ascii_isalpha (*q))
        return FALSE;
      while (g_ascii_isalnum (*q))
        q++;
      tag = g_ascii_strdown (name, q - name);
      if (!is_subset_element (tag) || (*q != '>' && *q != '/' && !g_ascii_isspace (*q)))
        return FALSE;

      /* Attributes, whose quoted values may hold '>' or '<'. */
      while (*q != '\0' && *q != '>')
        {
          if (*q == '"' || *q == '\'')
            {
              q = strchr (q + 1, *q);
              if (q == NULL)
                return FALSE;
            }
          else if (*q == '<')
            return FALSE;
          q++;
        }
      if (*q != '>')
        return FALSE;

      if (closing)
        {
          if (open->len == 0 || strcmp (g_ptr_array_index (open, open->len - 1), tag) != 0)
            return FALSE;
          g_ptr_array_set_size (open, open->len - 1);
        }
      else if (q[-1] != '/' && !is_void_element (tag))
        {
          if (open->len >= MAX_DEPTH)
            return FALSE;
          g_ptr_array_add (open, g_steal_pointer (&tag));
        }
      any_tag = TRUE;
      p = q + 1;
    }

  return any_tag && (open->len == 0 || starts_with_tag);
}

/* The spec's test for HTML (first character '<', last '>') also matches
 * text like "<x> <y> <plain text>". Well-formed XML is read as XML (so
 * CDATA, comments and processing instructions are seen and dropped);
 * anything else through the forgiving HTML parser, and it only counts as
 * HTML when that finds an element we know. A DTD is never processed, so no
 * entity can expand. Either way the value is parsed inside ROOT_OPEN. */
static xmlDoc *
parse_html (const char *value,
            gsize       len)
{
  g_autofree char *wrapped = NULL;
  gsize wrapped_len;
  xmlDoc *doc;

  static gsize initialized = 0;

  if (len > G_MAXINT - strlen (ROOT_OPEN ROOT_CLOSE))
    return NULL;

  /* libxml2 must be initialised once before use from several threads. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  wrapped = g_strconcat (ROOT_OPEN, value, ROOT_CLOSE, NULL);
  wrapped_len = strlen (wrapped);

  doc = xmlReadMemory (wrapped, (int) wrapped_len, NULL, "UTF-8",
                       XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET);
  if (doc != NULL && doc->intSubset == NULL && doc->extSubset == NULL)
    return doc;
  g_clear_pointer (&doc, xmlFreeDoc);

  /* The HTML parser closes what is open at the end by itself; without
   * ROOT_CLOSE, an unterminated attribute value cannot take it in. */
  doc = htmlReadMemory (wrapped, (int) (wrapped_len - strlen (ROOT_CLOSE)), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT);
  if (doc != NULL && !has_known_element (doc->children, 0))
    g_clear_pointer (&doc, xmlFreeDoc);

  return doc;
}

static char *
convert (const char *value,
         gboolean    markup)
{
  Writer w = { NULL, markup, FALSE, 0 };
  xmlDoc *doc = NULL;
  gsize len;

  if (value == NULL)
    return g_strdup ("");

  len = strlen (value);
  if (looks_like_html (value, len) || (strchr (value, '<') != NULL && is_well_formed_subset (value)))
    doc = parse_html (value, len);
  if (doc == NULL)
    return markup ? g_markup_escape_text (value, -1) : g_strdup (value);

  w.out = g_string_new (NULL);
  for (xmlNode *node = doc->children; node != NULL; node = node->next)
    write_node (&w, node);
  xmlFreeDoc (doc);

  /* Trailing paragraph breaks carry nothing. */
  while (w.out->len > 0 && w.out->str[w.out->len - 1] == '\n')
    g_string_truncate (w.out, w.out->len - 1);

  return g_string_free (w.out, FALSE);
}

/**
 * vt_html_to_markup:
 * @value: (nullable): a label or value from a manifest
 *
 * Converts a IIIF value to markup for a GtkLabel (Pango markup plus
 * `<a href>` links, which GtkLabel understands). A value that is HTML by
 * the IIIF rule (first character `<`, last `>`) keeps only `a` (http,
 * https and mailto links, never nested), `b`, `i`, `small`, `sub`, `sup`,
 * line and paragraph breaks, and the alt text of images; `script`, `style`
 * and the like are dropped with their contents, and entities are decoded.
 * A value that only contains tags is read the same way when it is
 * well-formed in the IIIF subset (as other viewers do); anything else is
 * escaped as plain text.
 *
 * Returns: (transfer full): markup, never %NULL
 */
char *
vt_html_to_markup (const char *value)
{
  return convert (value, TRUE);
}

/**
 * vt_html_to_text:
 * @value: (nullable): a label or value from a manifest
 *
 * Like vt_html_to_markup() but all tags are removed: plain text for
 * places that cannot show markup (titles, tooltips, search).
 *
 * Returns: (transfer full): plain text, never %NULL
 */
char *
vt_html_to_text (const char *value)
{
  return convert (value, FALSE);
}
