/* vt-object-grid.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-object-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iiif/vt-image-url.h"
#include "net/vt-ghent-catalogue.h"

#include "vt-object-grid.h"
#include "vt-text.h"

/* Objects as a grid of titled thumbnails, for the welcome page: the
 * recent objects (their title and thumbnail address kept with them) and
 * the examples. Activating a tile opens its object through the window's
 * `win.open-input`, as if it had been typed.
 *
 * A tile that knows only its location (an example, or a recent object
 * saved before thumbnails were kept) learns its title and thumbnail from
 * its Ghent manifest, through the session's loader, when it is first
 * mapped. Thumbnails come through the session too (the client's queue at
 * thumbnail priority, the decoder's checks): the one route to pixels.
 * Loads live while the grid is on screen: opening an object hides the
 * welcome page and cancels them, so that five example manifests never
 * queue before the one the user asked for. */

#define TILE_WIDTH  160
#define TILE_HEIGHT 120

struct _VtObjectGrid
{
  AdwBin         parent_instance;

  VtSession     *session;
  GCancellable  *cancellable;    /* the loads of the tiles shown now */
  guint          n_thumbnails;

  /* Children */
  GtkFlowBox    *flow_box;
};

G_DEFINE_FINAL_TYPE (VtObjectGrid, vt_object_grid, ADW_TYPE_BIN)

typedef struct
{
  char       *location;
  char       *title;
  char       *thumbnail_url;
  GtkPicture *picture;
  GtkLabel   *title_label;
  gboolean    requested;
} Tile;

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_free (tile->location);
  g_free (tile->title);
  g_free (tile->thumbnail_url);
  g_free (tile);
}

static Tile *
get_tile (GtkFlowBoxChild *child)
{
  return g_object_get_data (G_OBJECT (child), "vt-tile");
}

typedef struct
{
  VtObjectGrid    *self;
  GtkFlowBoxChild *child;
} TileLoad;

static TileLoad *
tile_load_new (VtObjectGrid    *self,
               GtkFlowBoxChild *child)
{
  TileLoad *load = g_new0 (TileLoad, 1);

  load->self = g_object_ref (self);
  load->child = g_object_ref (child);
  return load;
}

static void
tile_load_free (TileLoad *load)
{
  g_object_unref (load->self);
  g_object_unref (load->child);
  g_free (load);
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TileLoad *load = user_data;
  Tile *tile = get_tile (load->child);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = vt_session_load_image_finish (VT_SESSION (object), result, &error);

  if (texture != NULL)
    {
      gtk_picture_set_paintable (tile->picture, GDK_PAINTABLE (texture));
      load->self->n_thumbnails++;
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No thumbnail for %s: %s", tile->location, error->message);
  tile_load_free (load);
}

static void
load_thumbnail (VtObjectGrid    *self,
                GtkFlowBoxChild *child)
{
  Tile *tile = get_tile (child);

  vt_session_load_image_async (self->session, tile->thumbnail_url, VT_OBJECT_GRID_THUMBNAIL_SIZE,
                               self->cancellable, thumbnail_loaded_cb, tile_load_new (self, child));
}

static void
set_title (GtkFlowBoxChild *child,
           const char      *title)
{
  Tile *tile = get_tile (child);
  g_autofree char *shown = vt_text_ellipsize (title, VT_TEXT_MAX_TITLE_CHARS);

  g_free (tile->title);
  tile->title = g_steal_pointer (&shown);
  gtk_label_set_text (tile->title_label, tile->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, tile->title, -1);
}

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TileLoad *load = user_data;
  Tile *tile = get_tile (load->child);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtIiifDocument) document = vt_loader_load_document_finish (VT_LOADER (object), result,
                                                                       NULL, &error);
  VtManifest *manifest = document != NULL ? document->manifest : NULL;

  if (manifest != NULL)
    {
      g_autofree char *title = vt_language_map_dup_text (manifest->label, g_get_language_names (), " · ");

      if (title != NULL)
        set_title (load->child, title);
      if (tile->thumbnail_url == NULL)
        tile->thumbnail_url = vt_manifest_dup_thumbnail_url (manifest, VT_OBJECT_GRID_THUMBNAIL_SIZE);
      if (tile->thumbnail_url != NULL && load->self->session != NULL)
        load_thumbnail (load->self, load->child);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not describe %s: %s", tile->location, error->message);
  tile_load_free (load);
}

/* A Ghent object's manifest address, from its location (`dmg:1987-1049`). */
static char *
dup_ghent_manifest_url (VtObjectGrid *self,
                        const char   *location)
{
  g_autofree char *organisation = NULL;
  g_autofree char *number = NULL;

  if (strstr (location, "://") != NULL ||
      !vt_ghent_parse_input (location, NULL, &organisation, &number, NULL))
    return NULL;
  return vt_ghent_build_manifest_url (vt_session_get_api_base (self->session), organisation, number);
}

static void
tile_mapped_cb (GtkFlowBoxChild *child,
                VtObjectGrid    *self)
{
  Tile *tile = get_tile (child);
  g_autofree char *manifest_url = NULL;

  if (tile->requested || self->session == NULL)
    return;
  tile->requested = TRUE;

  if (tile->title != NULL && tile->thumbnail_url != NULL)
    {
      load_thumbnail (self, child);
      return;
    }

  manifest_url = dup_ghent_manifest_url (self, tile->location);
  if (manifest_url != NULL)
    vt_loader_load_document_async (vt_session_get_loader (self->session), manifest_url,
                                   VT_FETCH_FLAGS_NO_PRECONNECT, self->cancellable,
                                   document_loaded_cb, tile_load_new (self, child));
  else if (tile->thumbnail_url != NULL)
    load_thumbnail (self, child);
}

static void
child_activated_cb (VtObjectGrid    *self,
                    GtkFlowBoxChild *child)
{
  Tile *tile = get_tile (child);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-input", "s", tile->location);
}

/* What tells a recent object apart under its title: a Ghent number as
 * typed, a web address' host, a file's name. */
static char *
dup_location_subtitle (const char *location)
{
  if (strstr (location, "://") != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
        return g_strdup (g_uri_get_host (uri));
      if (uri != NULL && g_strcmp0 (g_uri_get_scheme (uri), "file") == 0)
        return g_path_get_basename (g_uri_get_path (uri));
    }
  if (g_path_is_absolute (location))
    return g_path_get_basename (location);
  return g_strdup (location);
}

/**
 * vt_object_grid_append:
 * @location: what opens the object, as typed (`dmg:1987-1049`, an
 *   address, a file)
 * @title: (nullable): its title; %NULL to learn it from a Ghent manifest
 * @subtitle: (nullable): the line under the title; %NULL for one made
 *   from @location
 * @thumbnail_url: (nullable): where its thumbnail is
 */
void
vt_object_grid_append (VtObjectGrid *self,
                       const char   *location,
                       const char   *title,
                       const char   *subtitle,
                       const char   *thumbnail_url)
{
  g_autofree char *made_subtitle = NULL;
  GtkWidget *child;
  GtkWidget *box;
  GtkWidget *frame;
  GtkWidget *overlay;
  GtkWidget *placeholder;
  GtkWidget *picture;
  GtkWidget *title_label;
  GtkWidget *subtitle_label;
  Tile *tile;

  g_return_if_fail (VT_IS_OBJECT_GRID (self));
  g_return_if_fail (location != NULL);

  if (subtitle == NULL)
    subtitle = made_subtitle = dup_location_subtitle (location);

  tile = g_new0 (Tile, 1);
  tile->location = g_strdup (location);
  tile->thumbnail_url = g_strdup (thumbnail_url);

  picture = gtk_picture_new ();
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  /* The picture is an overlay over a box of the tile's size, so that its
   * natural size (the texture's) never widens the tile: the flow box
   * counts tiles per line by their natural widths. */
  overlay = gtk_overlay_new ();
  placeholder = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (placeholder), 32);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_size_request (placeholder, TILE_WIDTH, TILE_HEIGHT);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), placeholder);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), picture);
  gtk_overlay_set_clip_overlay (GTK_OVERLAY (overlay), picture, TRUE);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), overlay);
  gtk_widget_add_css_class (frame, "object-thumbnail");
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);

  title_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 1);
  gtk_label_set_justify (GTK_LABEL (title_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title_label, "heading");

  subtitle_label = gtk_label_new (subtitle);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle_label), 1);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, TILE_WIDTH, -1);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), subtitle_label);

  child = gtk_flow_box_child_new ();
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_add_css_class (child, "object-tile");
  tile->picture = GTK_PICTURE (picture);
  tile->title_label = GTK_LABEL (title_label);
  g_object_set_data_full (G_OBJECT (child), "vt-tile", tile, tile_free);
  set_title (GTK_FLOW_BOX_CHILD (child), title != NULL ? title : location);
  if (title == NULL)
    {
      g_free (tile->title);
      tile->title = NULL;
    }
  /* The tile is announced once, by its title and subtitle; what it is
   * made of would say the same again. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  g_signal_connect_object (child, "map", G_CALLBACK (tile_mapped_cb), self, 0);

  gtk_flow_box_append (self->flow_box, child);
}

/**
 * vt_object_grid_remove_all:
 *
 * Empties the grid and stops the loads of its tiles.
 */
void
vt_object_grid_remove_all (VtObjectGrid *self)
{
  GtkWidget *child;

  g_return_if_fail (VT_IS_OBJECT_GRID (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_thumbnails = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
}

/**
 * vt_object_grid_set_recent:
 * @entries: (array zero-terminated=1): the `recent-objects` setting, as
 *   vt_recent_entry_new() writes its entries
 */
void
vt_object_grid_set_recent (VtObjectGrid       *self,
                           const char * const *entries)
{
  g_return_if_fail (VT_IS_OBJECT_GRID (self));

  vt_object_grid_remove_all (self);
  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    {
      g_autofree char *location = NULL;
      g_autofree char *title = NULL;
      g_autofree char *thumbnail_url = NULL;

      if (vt_recent_entry_parse (entries[i], &location, &title, &thumbnail_url))
        vt_object_grid_append (self, location, title, NULL, thumbnail_url);
    }
}

/**
 * vt_object_grid_set_label:
 *
 * What the grid is called for screen readers ("Recent objects").
 */
void
vt_object_grid_set_label (VtObjectGrid *self,
                          const char   *label)
{
  g_return_if_fail (VT_IS_OBJECT_GRID (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow_box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
vt_object_grid_set_session (VtObjectGrid *self,
                            VtSession    *session)
{
  g_return_if_fail (VT_IS_OBJECT_GRID (self));
  g_return_if_fail (!session || VT_IS_SESSION (session));

  g_set_object (&self->session, session);
}

guint
vt_object_grid_get_n_items (VtObjectGrid *self)
{
  guint n = 0;

  g_return_val_if_fail (VT_IS_OBJECT_GRID (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static Tile *
get_tile_at (VtObjectGrid *self,
             guint         index)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->flow_box, index);

  return child != NULL ? get_tile (child) : NULL;
}

/**
 * vt_object_grid_get_title:
 *
 * Returns: (nullable): the title tile @index shows, or %NULL while it
 *   shows its location for want of one
 */
const char *
vt_object_grid_get_title (VtObjectGrid *self,
                          guint         index)
{
  Tile *tile;

  g_return_val_if_fail (VT_IS_OBJECT_GRID (self), NULL);

  tile = get_tile_at (self, index);
  return tile != NULL ? tile->title : NULL;
}

const char *
vt_object_grid_get_location (VtObjectGrid *self,
                             guint         index)
{
  Tile *tile;

  g_return_val_if_fail (VT_IS_OBJECT_GRID (self), NULL);

  tile = get_tile_at (self, index);
  return tile != NULL ? tile->location : NULL;
}

/**
 * vt_object_grid_get_n_thumbnails:
 *
 * Returns: how many tiles show their thumbnail now
 */
guint
vt_object_grid_get_n_thumbnails (VtObjectGrid *self)
{
  g_return_val_if_fail (VT_IS_OBJECT_GRID (self), 0);

  return self->n_thumbnails;
}

/**
 * vt_object_grid_activate:
 *
 * Opens the object of tile @index, as a click on it does.
 *
 * Returns: %TRUE if there is such a tile
 */
gboolean
vt_object_grid_activate (VtObjectGrid *self,
                         guint         index)
{
  GtkFlowBoxChild *child;

  g_return_val_if_fail (VT_IS_OBJECT_GRID (self), FALSE);

  child = gtk_flow_box_get_child_at_index (self->flow_box, index);
  if (child == NULL)
    return FALSE;
  child_activated_cb (self, child);
  return TRUE;
}

/**
 * vt_recent_entry_new:
 * @title: (nullable): the object's title
 * @thumbnail_url: (nullable): where its thumbnail is
 *
 * One entry of the `recent-objects` setting: "location TAB title TAB
 * thumbnail", tabs and line breaks in the title made spaces, the title
 * capped as a menu item shows it.
 *
 * Returns: (transfer full): the entry
 */
char *
vt_recent_entry_new (const char *location,
                     const char *title,
                     const char *thumbnail_url)
{
  g_autofree char *clean_title = vt_text_ellipsize (title ? title : "", VT_TEXT_MAX_TITLE_CHARS);
  g_autofree char *clean_url = g_strdup (thumbnail_url ? thumbnail_url : "");

  g_return_val_if_fail (location != NULL, NULL);

  g_strdelimit (clean_title, "\t\n\r", ' ');
  g_strdelimit (clean_url, "\t\n\r", ' ');
  if (*clean_url == '\0')
    return g_strdup_printf ("%s\t%s", location, clean_title);
  return g_strdup_printf ("%s\t%s\t%s", location, clean_title, clean_url);
}

/**
 * vt_recent_entry_parse:
 * @location: (out): where the object is
 * @title: (out) (nullable): its title, %NULL if none was kept
 * @thumbnail_url: (out) (nullable): its thumbnail, %NULL if none was kept
 *   (entries saved before thumbnails were kept have none)
 *
 * Returns: %FALSE for an entry without a location
 */
gboolean
vt_recent_entry_parse (const char  *entry,
                       char       **location,
                       char       **title,
                       char       **thumbnail_url)
{
  g_auto(GStrv) parts = g_strsplit (entry, "\t", 3);

  *location = *title = *thumbnail_url = NULL;
  if (parts[0] == NULL || parts[0][0] == '\0')
    return FALSE;
  *location = g_strdup (parts[0]);
  if (parts[1] != NULL && parts[1][0] != '\0')
    *title = g_strdup (parts[1]);
  if (parts[1] != NULL && parts[2] != NULL && parts[2][0] != '\0')
    *thumbnail_url = g_strdup (parts[2]);
  return TRUE;
}

/* Off screen: stop what is still loading; the tiles that had not finished
 * ask again when they show again. */
static void
vt_object_grid_unmap (GtkWidget *widget)
{
  VtObjectGrid *self = VT_OBJECT_GRID (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      Tile *tile = get_tile (GTK_FLOW_BOX_CHILD (child));

      if (gtk_picture_get_paintable (tile->picture) == NULL)
        tile->requested = FALSE;
    }

  GTK_WIDGET_CLASS (vt_object_grid_parent_class)->unmap (widget);
}

static void
vt_object_grid_dispose (GObject *object)
{
  VtObjectGrid *self = VT_OBJECT_GRID (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (vt_object_grid_parent_class)->dispose (object);
}

static void
vt_object_grid_class_init (VtObjectGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_object_grid_dispose;
  widget_class->unmap = vt_object_grid_unmap;
}

static void
vt_object_grid_init (VtObjectGrid *self)
{
  self->cancellable = g_cancellable_new ();
  self->flow_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_activate_on_single_click (self->flow_box, TRUE);
  gtk_flow_box_set_homogeneous (self->flow_box, TRUE);
  gtk_flow_box_set_min_children_per_line (self->flow_box, 1);
  gtk_flow_box_set_max_children_per_line (self->flow_box, 5);
  gtk_flow_box_set_column_spacing (self->flow_box, 12);
  gtk_flow_box_set_row_spacing (self->flow_box, 12);
  gtk_widget_set_halign (GTK_WIDGET (self->flow_box), GTK_ALIGN_CENTER);
  g_signal_connect_object (self->flow_box, "child-activated",
                           G_CALLBACK (child_activated_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->flow_box));
}

/**
 * vt_object_grid_new:
 *
 * Returns: (transfer floating): an empty grid
 */
GtkWidget *
vt_object_grid_new (void)
{
  return g_object_new (VT_TYPE_OBJECT_GRID, NULL);
}
