/* vt-image-service.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-image-service"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-iiif-private.h"

#define DEFAULT_TILE_SIZE 512

static void
vt_image_tiles_free (VtImageTiles *tiles)
{
  g_clear_pointer (&tiles->scale_factors, g_array_unref);
  g_free (tiles);
}

static void
vt_auth_service_clear (VtAuthService *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->label, vt_language_map_unref);
  g_clear_pointer (&self->header, vt_language_map_unref);
  g_clear_pointer (&self->description, vt_language_map_unref);
  g_clear_pointer (&self->confirm_label, vt_language_map_unref);
  g_clear_pointer (&self->failure_header, vt_language_map_unref);
  g_clear_pointer (&self->failure_description, vt_language_map_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
}

VT_DEFINE_RC (VtAuthService, vt_auth_service, vt_auth_service_clear)

VtAuthService *
vt_auth_service_new (void)
{
  VtAuthService *self = g_atomic_rc_box_new0 (VtAuthService);

  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_auth_service_unref);
  return self;
}

static void
vt_image_service_clear (VtImageService *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->formats, g_strfreev);
  g_clear_pointer (&self->qualities, g_strfreev);
  g_clear_pointer (&self->features, g_strfreev);
  g_clear_pointer (&self->preferred_formats, g_strfreev);
  g_clear_pointer (&self->rights, g_free);
  g_clear_pointer (&self->auth, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
}

VT_DEFINE_RC (VtImageService, vt_image_service, vt_image_service_clear)
G_DEFINE_BOXED_TYPE (VtImageService, vt_image_service, vt_image_service_ref, vt_image_service_unref)

VtImageService *
vt_image_service_new (void)
{
  VtImageService *self = g_atomic_rc_box_new0 (VtImageService);

  self->tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_image_tiles_free);
  self->sizes = g_array_new (FALSE, TRUE, sizeof (VtImageSize));
  self->formats = g_new0 (char *, 1);
  self->qualities = g_new0 (char *, 1);
  self->features = g_new0 (char *, 1);
  self->preferred_formats = g_new0 (char *, 1);
  self->auth = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_auth_service_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

static gint
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static GArray *
scale_factors_from_json (VtParseContext *ctx,
                         JsonArray      *array)
{
  GArray *factors = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n && i < 64; i++)
    {
      g_autoptr(JsonObject) holder = json_object_new ();
      gint64 value = 0;
      guint factor;
      gboolean dup = FALSE;

      /* Reuse the integer reader, which also takes 2.0 for 2. */
      json_object_set_member (holder, "v", json_node_copy (json_array_get_element (array, i)));
      if (!vt_json_get_int64 (holder, "v", &value) || value < 1 || value > VT_IIIF_MAX_SCALE_FACTOR)
        {
          vt_parse_warn (ctx, _("Ignored a scale factor that is not a whole number from 1 to %d"),
                         VT_IIIF_MAX_SCALE_FACTOR);
          continue;
        }

      factor = (guint) value;
      for (guint j = 0; j < factors->len; j++)
        dup |= g_array_index (factors, guint, j) == factor;
      if (!dup)
        g_array_append_val (factors, factor);
    }

  g_array_sort (factors, compare_uint);
  return factors;
}

static void
add_tiles (VtParseContext *ctx,
           VtImageService *self,
           gint64          width,
           gint64          height,
           GArray         *factors)
{
  VtImageTiles *tiles;

  if (width <= 0 || width > VT_IIIF_MAX_TILE_SIZE || height <= 0 || height > VT_IIIF_MAX_TILE_SIZE)
    {
      /* Plain %lld: xgettext cannot see through G_GINT64_FORMAT. */
      vt_parse_warn (ctx, _("Ignored tiles of %lld×%lld pixels: tile sizes must be from 1 to %d"),
                     (long long) width, (long long) height, VT_IIIF_MAX_TILE_SIZE);
      g_array_unref (factors);
      return;
    }
  if (factors->len == 0)
    {
      vt_parse_warn (ctx, _("Ignored a tiles entry without scale factors"));
      g_array_unref (factors);
      return;
    }

  tiles = g_new0 (VtImageTiles, 1);
  tiles->width = (guint) width;
  tiles->height = (guint) height;
  tiles->scale_factors = factors;
  g_ptr_array_add (self->tiles, tiles);
}

static void
parse_tiles (VtParseContext *ctx,
             VtImageService *self,
             JsonObject     *object)
{
  JsonNode *node = vt_json_get_member (object, "tiles");
  JsonArray *array;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      vt_parse_warn (ctx, _("Ignored “tiles”: it is not a list"));
      return;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry;
      gint64 w = 0, h = 0;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          vt_parse_warn (ctx, _("Ignored a tiles entry that is not an object"));
          continue;
        }
      entry = json_node_get_object (element);
      if (!vt_json_get_int64 (entry, "width", &w))
        {
          vt_parse_warn (ctx, _("Ignored a tiles entry without a width"));
          continue;
        }
      if (!vt_json_get_int64 (entry, "height", &h))
        h = w;
      add_tiles (ctx, self, w, h, scale_factors_from_json (ctx, vt_json_get_array (entry, "scaleFactors")));
    }
}

static void
parse_sizes (VtParseContext *ctx,
             VtImageService *self,
             JsonObject     *object)
{
  JsonNode *node = vt_json_get_member (object, "sizes");
  JsonArray *array;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      vt_parse_warn (ctx, _("Ignored “sizes”: it is not a list"));
      return;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array) && i < 256; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      VtImageSize size = { 0, 0 };

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !vt_json_get_int64 (json_node_get_object (element), "width", &size.width) ||
          !vt_json_get_int64 (json_node_get_object (element), "height", &size.height) ||
          !vt_dimension_valid (size.width) || !vt_dimension_valid (size.height))
        {
          vt_parse_warn (ctx, _("Ignored a size without a valid width and height"));
          continue;
        }
      g_array_append_val (self->sizes, size);
    }
}

static char **
strv_union (char       **strv,
            JsonNode    *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) more = vt_json_dup_strv (node);

  guint n = g_strv_length (strv);

  /* Real lists are a handful of names; a capped list keeps the duplicate
   * check from turning quadratic on hostile input. */
  g_strv_builder_addv (builder, (const char **) strv);
  for (guint i = 0; more[i] != NULL && n < 64; i++)
    if (!g_strv_contains ((const char * const *) strv, more[i]))
      {
        g_strv_builder_add (builder, more[i]);
        n++;
      }
  g_strfreev (strv);
  return g_strv_builder_end (builder);
}

static void
parse_limits (VtParseContext *ctx,
              VtImageService *self,
              JsonObject     *object)
{
  gint64 value;

  if (vt_json_get_int64 (object, "maxWidth", &value))
    {
      if (vt_dimension_valid (value))
        self->max_width = value;
      else
        vt_parse_warn (ctx, _("Ignored an invalid maxWidth"));
    }
  if (vt_json_get_int64 (object, "maxHeight", &value))
    {
      if (vt_dimension_valid (value))
        self->max_height = value;
      else
        vt_parse_warn (ctx, _("Ignored an invalid maxHeight"));
    }
  if (vt_json_get_int64 (object, "maxArea", &value))
    {
      if (value > 0)
        self->max_area = value;
      else
        vt_parse_warn (ctx, _("Ignored an invalid maxArea"));
    }
}

/* A v2 profile is an array: a level URI, then URIs or objects describing
 * extra features; one corpus document gives a single object. */
static void
parse_profile (VtParseContext *ctx,
               VtImageService *self,
               JsonNode       *node)
{
  const char *s;

  if (node == NULL)
    return;

  if ((s = vt_json_node_get_string (node)) != NULL)
    {
      if (self->level < 0)
        self->level = vt_iiif_parse_level (s);
      return;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
        parse_profile (ctx, self, json_array_get_element (array, i));
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (self->level < 0)
        self->level = vt_iiif_parse_level (vt_json_get_id (object));
      self->formats = strv_union (self->formats, vt_json_get_member (object, "formats"));
      self->qualities = strv_union (self->qualities, vt_json_get_member (object, "qualities"));
      self->features = strv_union (self->features, vt_json_get_member (object, "supports"));
      parse_limits (ctx, self, object);
    }
}

static VtAuthKind
auth_kind_from (const char *type,
                const char *profile,
                int        *out_version)
{
  static const struct { const char *suffix; VtAuthKind kind; } profiles[] = {
    { "/login", VT_AUTH_LOGIN },
    { "/clickthrough", VT_AUTH_CLICKTHROUGH },
    { "/kiosk", VT_AUTH_KIOSK },
    { "/external", VT_AUTH_EXTERNAL },
    { "/token", VT_AUTH_TOKEN },
    { "/logout", VT_AUTH_LOGOUT },
    { "/probe", VT_AUTH_PROBE },
  };

  *out_version = 0;

  if (type != NULL)
    {
      if (strcmp (type, "AuthProbeService2") == 0)
        return (*out_version = 2), VT_AUTH_PROBE;
      if (strcmp (type, "AuthAccessTokenService2") == 0)
        return (*out_version = 2), VT_AUTH_TOKEN;
      if (strcmp (type, "AuthLogoutService2") == 0)
        return (*out_version = 2), VT_AUTH_LOGOUT;
      if (strcmp (type, "AuthAccessService2") == 0)
        {
          *out_version = 2;
          if (g_strcmp0 (profile, "active") == 0)
            return VT_AUTH_ACTIVE;
          if (g_strcmp0 (profile, "kiosk") == 0)
            return VT_AUTH_KIOSK;
          if (g_strcmp0 (profile, "external") == 0)
            return VT_AUTH_EXTERNAL;
          return VT_AUTH_UNKNOWN;
        }
    }

  if (profile != NULL && (strstr (profile, "iiif.io/api/auth/1/") != NULL ||
                          strstr (profile, "iiif.io/api/auth/0/") != NULL))
    {
      *out_version = 1;
      for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
        if (g_str_has_suffix (profile, profiles[i].suffix))
          return profiles[i].kind;
      return VT_AUTH_UNKNOWN;
    }

  return VT_AUTH_UNKNOWN;
}

static VtLanguageMap *
map_member (JsonObject *object,
            const char *name)
{
  return vt_language_map_from_json (vt_json_get_member (object, name));
}

static void
parse_auth (VtParseContext *ctx,
            GPtrArray      *into,
            JsonNode       *node,
            guint           depth)
{
  JsonObject *object;
  g_autoptr(VtAuthService) auth = NULL;
  int version = 0;
  VtAuthKind kind;

  if (node == NULL || depth > 4)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 32; i++)
        parse_auth (ctx, into, json_array_get_element (array, i), depth);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  kind = auth_kind_from (vt_json_get_type (object), vt_json_get_string (object, "profile"), &version);
  if (version == 0)
    return;

  auth = vt_auth_service_new ();
  auth->version = version;
  auth->kind = kind;
  auth->id = g_strdup (vt_json_get_id (object));
  auth->type = g_strdup (vt_json_get_type (object));
  auth->profile = g_strdup (vt_json_get_string (object, "profile"));
  auth->label = map_member (object, "label");
  auth->header = map_member (object, version == 2 ? "heading" : "header");
  auth->description = map_member (object, version == 2 ? "note" : "description");
  auth->confirm_label = map_member (object, "confirmLabel");
  auth->failure_header = map_member (object, "failureHeader");
  auth->failure_description = map_member (object, "failureDescription");
  parse_auth (ctx, auth->services, vt_json_get_member (object, "service"), depth + 1);

  g_ptr_array_add (into, g_steal_pointer (&auth));
}

static VtImageApiVersion
detect_version (JsonObject *object)
{
  const char *type = vt_json_get_type (object);
  const char *profile = vt_json_get_string (object, "profile");

  if (vt_json_has_context (object, "/api/image/3/context.json"))
    return VT_IMAGE_API_3;
  if (vt_json_has_context (object, "/api/image/2/context.json"))
    return VT_IMAGE_API_2;
  if (vt_json_has_context (object, "/image-api/1.1/context.json"))
    return VT_IMAGE_API_1_1;
  if (g_strcmp0 (type, "ImageService3") == 0)
    return VT_IMAGE_API_3;
  if (g_strcmp0 (type, "ImageService2") == 0 || g_strcmp0 (type, "iiif:Image") == 0)
    return VT_IMAGE_API_2;
  if (profile != NULL && strstr (profile, "image-api/1.1/") != NULL)
    return VT_IMAGE_API_1_1;
  if (json_object_has_member (object, "identifier") ||
      (profile != NULL && strstr (profile, "library.stanford.edu") != NULL))
    return VT_IMAGE_API_1_0;
  if (json_object_has_member (object, "scale_factors") || json_object_has_member (object, "tile_width"))
    return VT_IMAGE_API_1_1;
  /* No recognisable context: a bare "levelN" profile string is v3 style, an
   * array or object profile v2 style. */
  if (profile != NULL || json_object_has_member (object, "id"))
    return VT_IMAGE_API_3;
  return VT_IMAGE_API_2;
}

/* Whether a JSON object looks like an info.json rather than a Presentation
 * document. */
gboolean
vt_image_service_detect (JsonObject *object)
{
  const char *type = vt_json_get_type (object);
  const char *protocol = vt_json_get_string (object, "protocol");

  /* Some manifests carry the Image API context (Internet Archive): their
   * Presentation type decides. */
  if (type != NULL && (g_str_has_prefix (type, "sc:") || strcmp (type, "Manifest") == 0 ||
                       strcmp (type, "Collection") == 0 || strcmp (type, "Canvas") == 0))
    return FALSE;

  if (vt_json_has_context (object, "/api/image/3/context.json") ||
      vt_json_has_context (object, "/api/image/2/context.json") ||
      vt_json_has_context (object, "/image-api/1.1/context.json"))
    return TRUE;
  if (type != NULL && (g_str_has_prefix (type, "ImageService") || strcmp (type, "iiif:Image") == 0))
    return TRUE;
  if (protocol != NULL && vt_uri_matches (protocol, "/api/image"))
    return TRUE;
  if (type == NULL && json_object_has_member (object, "width") && json_object_has_member (object, "height") &&
      (json_object_has_member (object, "identifier") || json_object_has_member (object, "scale_factors") ||
       json_object_has_member (object, "tiles") || json_object_has_member (object, "profile")))
    return TRUE;
  return FALSE;
}

VtImageService *
vt_image_service_parse_object (VtParseContext *ctx,
                               JsonObject     *object,
                               const char     *requested_id,
                               GError        **error)
{
  g_autoptr(VtImageService) self = vt_image_service_new ();
  const char *id;
  gint64 value;

  self->version = detect_version (object);
  self->level = -1;

  if (vt_json_has_context (object, "/api/image/4/context.json"))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_UNSUPPORTED_VERSION,
                   _("Image API 4 is not supported"));
      return NULL;
    }

  if (self->version >= VT_IMAGE_API_3)
    id = vt_json_get_id (object);
  else
    {
      id = vt_json_get_string (object, "@id");
      if (id == NULL)
        id = vt_json_get_string (object, "id");
    }

  /* 1.0 gives only the identifier; the base is where we fetched it from. */
  if (id == NULL && requested_id != NULL)
    id = requested_id;
  if (id == NULL)
    vt_parse_warn (ctx, _("The image service has no id: tiles cannot be requested"));
  self->id = vt_image_service_id_from_info_url (id);

  if (!vt_json_get_int64 (object, "width", &self->width) ||
      !vt_json_get_int64 (object, "height", &self->height))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_MISSING_FIELD,
                   _("The image service does not give the width and height of the image"));
      return NULL;
    }
  if (!vt_dimension_valid (self->width) || !vt_dimension_valid (self->height))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_INVALID_VALUE,
                   _("The image size %lld×%lld is not valid"),
                   (long long) self->width, (long long) self->height);
      return NULL;
    }

  parse_profile (ctx, self, vt_json_get_member (object, "profile"));

  if (json_object_has_member (object, "@context") &&
      !vt_json_has_context (object, "/api/image/3/context.json") &&
      !vt_json_has_context (object, "/api/image/2/context.json") &&
      !vt_json_has_context (object, "/image-api/1.1/context.json"))
    vt_parse_warn (ctx, _("Unknown @context; reading the image service as version %s"),
                   self->version >= VT_IMAGE_API_3 ? "3" : self->version >= VT_IMAGE_API_2 ? "2" : "1");
  if (self->version >= VT_IMAGE_API_3)
    {
      JsonNode *context = vt_json_get_member (object, "@context");
      JsonNode *profile = vt_json_get_member (object, "profile");

      if (context != NULL && JSON_NODE_HOLDS_ARRAY (context) &&
          !vt_uri_matches (vt_json_node_get_string (json_array_get_element (json_node_get_array (context),
                                                                          json_array_get_length (json_node_get_array (context)) - 1)),
                           "/api/image/3/context.json"))
        vt_parse_warn (ctx, _("The Image API context should come last"));
      if (profile != NULL && vt_json_node_get_string (profile) == NULL)
        vt_parse_warn (ctx, _("The profile of an Image API 3 service should be a single string"));
      if (json_object_has_member (object, "logo") || json_object_has_member (object, "attribution") ||
          json_object_has_member (object, "license"))
        vt_parse_warn (ctx, _("The image service uses Image API 2 properties (logo, attribution, license)"));
    }

  if (self->version <= VT_IMAGE_API_1_1)
    {
      gint64 tw = 0, th = 0;
      JsonArray *factors = vt_json_get_array (object, "scale_factors");

      self->formats = strv_union (self->formats, vt_json_get_member (object, "formats"));
      self->qualities = strv_union (self->qualities, vt_json_get_member (object, "qualities"));
      if (vt_json_get_int64 (object, "tile_width", &tw))
        {
          if (!vt_json_get_int64 (object, "tile_height", &th))
            th = tw;
          add_tiles (ctx, self, tw, th, scale_factors_from_json (ctx, factors));
        }
      else if (factors != NULL && self->level >= 1)
        {
          /* Scale factors without a tile size: the server cuts any region,
           * so choose the tile size ourselves. */
          add_tiles (ctx, self, DEFAULT_TILE_SIZE, DEFAULT_TILE_SIZE, scale_factors_from_json (ctx, factors));
        }
    }
  else
    {
      parse_tiles (ctx, self, object);
      parse_sizes (ctx, self, object);
      parse_limits (ctx, self, object);
      self->formats = strv_union (self->formats, vt_json_get_member (object, "extraFormats"));
      self->qualities = strv_union (self->qualities, vt_json_get_member (object, "extraQualities"));
      self->features = strv_union (self->features, vt_json_get_member (object, "extraFeatures"));
      self->preferred_formats = strv_union (self->preferred_formats, vt_json_get_member (object, "preferredFormats"));
    }

  if (self->max_width > 0 && self->max_height == 0)
    self->max_height = self->max_width;

  if (self->level < 0)
    {
      if (json_object_has_member (object, "profile"))
        vt_parse_warn (ctx, _("Unknown compliance level; assuming level 0"));
      self->level = 0;
    }

  if (vt_json_get_string (object, "rights") != NULL)
    self->rights = g_strdup (vt_json_get_string (object, "rights"));
  else
    {
      g_auto(GStrv) licenses = vt_json_dup_strv (vt_json_get_member (object, "license"));

      self->rights = g_strdup (licenses[0]);
    }

  parse_auth (ctx, self->auth, vt_json_get_member (object, "service"), 0);

  if (vt_json_get_int64 (object, "maxArea", &value) && value > 0 && self->max_area == 0)
    self->max_area = value;

  for (guint i = 0; i < ctx->warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (ctx->warnings, i)));
  return g_steal_pointer (&self);
}

/**
 * vt_image_service_parse:
 * @bytes: the info.json document
 * @requested_id: (nullable): the service id that was asked for (without
 *   `/info.json`); stands in for a missing id and tells whether the server
 *   answered with another (degraded) image
 *
 * Reads an Image API info.json of any version.
 *
 * Returns: (transfer full): the service, or %NULL with @error set
 */
VtImageService *
vt_image_service_parse (GBytes      *bytes,
                        const char  *requested_id,
                        GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  VtParseContext ctx;
  VtImageService *service;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = vt_json_parse_bytes (bytes, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_NOT_IIIF,
                   _("The document is not an image service description"));
      return NULL;
    }

  vt_parse_context_init (&ctx, requested_id);
  service = vt_image_service_parse_object (&ctx, json_node_get_object (root), requested_id, error);
  vt_parse_context_clear (&ctx);
  return service;
}

/**
 * vt_image_service_new_from_ref:
 * @ref: an image service reference from a manifest
 * @width: full width (the canvas or image size), used when @ref has none
 * @height: full height
 *
 * Builds a provisional service from what a manifest says, so that a viewer
 * can show something before info.json arrives. Level 0 (or unknown) gives a
 * single full image; level 1 and 2 a tiled pyramid with our own tile size.
 *
 * Returns: (transfer full): the service, or %NULL when the reference is not
 *   an image service or the size is unknown
 */
VtImageService *
vt_image_service_new_from_ref (const VtServiceRef *ref,
                               gint64              width,
                               gint64              height,
                               GError            **error)
{
  g_autoptr(VtImageService) self = NULL;

  g_return_val_if_fail (ref != NULL, NULL);

  if (ref->id == NULL)
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_MISSING_FIELD,
                   _("The image service reference has no id"));
      return NULL;
    }

  if (ref->width > 0 && ref->height > 0)
    {
      width = ref->width;
      height = ref->height;
    }
  if (!vt_dimension_valid (width) || !vt_dimension_valid (height))
    {
      g_set_error (error, VT_IIIF_ERROR, VT_IIIF_ERROR_MISSING_FIELD,
                   _("The size of the image is not known"));
      return NULL;
    }

  self = vt_image_service_new ();
  self->from_reference = TRUE;
  self->version = ref->image_version != VT_IMAGE_API_UNKNOWN ? ref->image_version : VT_IMAGE_API_2;
  self->id = vt_image_service_id_from_info_url (ref->id);
  self->level = ref->level >= 0 ? ref->level : 0;
  self->width = width;
  self->height = height;
  return g_steal_pointer (&self);
}

gboolean
vt_image_service_supports (const VtImageService *self,
                           const char           *feature)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_strv_contains ((const char * const *) self->features, feature);
}

/**
 * vt_image_service_is_degraded:
 *
 * Auth 1.0 tiered access: a 200 answer whose id differs from the one asked
 * for is a degraded image, and logging in may give the real one.
 */
gboolean
vt_image_service_is_degraded (const VtImageService *self,
                              const char           *requested_id)
{
  g_autofree char *requested = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (requested_id == NULL || self->id == NULL)
    return FALSE;
  requested = vt_image_service_id_from_info_url (requested_id);
  return requested != NULL && strcmp (requested, self->id) != 0;
}

/**
 * vt_image_service_get_max_size:
 *
 * The largest full-image size the server delivers, given maxWidth,
 * maxHeight and maxArea (Image API 3.0 implementation notes §4).
 */
void
vt_image_service_get_max_size (const VtImageService *self,
                               gint64               *out_width,
                               gint64               *out_height)
{
  double scale = 1.0;
  gint64 w, h;

  g_return_if_fail (self != NULL);

  if (self->max_width > 0 && self->width > self->max_width)
    scale = MIN (scale, (double) self->max_width / (double) self->width);
  if (self->max_height > 0 && self->height > self->max_height)
    scale = MIN (scale, (double) self->max_height / (double) self->height);
  if (self->max_area > 0 && (double) self->width * (double) self->height > (double) self->max_area)
    scale = MIN (scale, sqrt ((double) self->max_area / ((double) self->width * (double) self->height)));

  if (scale >= 1.0)
    {
      w = self->width;
      h = self->height;
    }
  else
    {
      w = MAX (1, (gint64) floor ((double) self->width * scale));
      h = MAX (1, (gint64) floor ((double) self->height * scale));
    }

  if (out_width != NULL)
    *out_width = w;
  if (out_height != NULL)
    *out_height = h;
}
