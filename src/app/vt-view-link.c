/* vt-view-link.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-view-link"

#include "config.h"

#include "vt-view-link.h"

/* The linking of the compare view's panes: with a sync mode other than
 * none, a pan, zoom or turn in any pane is copied to the others as it
 * happens, frame by frame through animations and kinetic pans, since it
 * follows the viewport rather than the gestures. By image, the others
 * show the same fraction of their image at the same zoom relative to
 * fit; at true scale, the same millimetres per screen pixel. The copy is
 * guarded, so the others' answering notifications do not come back.
 *
 * The compare view owns one and tells it the panes (in its order) and
 * the active one, which leads. */

#define TRUE_SCALE_MIN_ZOOM_FACTOR (1.0 / 32)

/* The link's own state of each pane. */
typedef struct
{
  VtViewLink     *link;
  VtComparePane  *pane;
  VtViewport     *viewport;
  double          region[4];   /* x, y, w, h on the canvas, w 0 for none */
  double          image_width;
  double          image_height;
  guint           had_geometry : 1;
  guint           pending : 1;     /* changed while the panes were laid out */
  guint           arrived : 1;     /* …and its image is new */
} Member;

struct _VtViewLink
{
  GObject         parent_instance;

  VtCompareGrid  *grid;
  GPtrArray      *members;     /* Member */
  guint           leader;
  VtCompareSync   sync;
  guint           deferred_id;
  guint           syncing : 1;
  guint           true_scale_available : 1;
};

G_DEFINE_FINAL_TYPE (VtViewLink, vt_view_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TRUE_SCALE_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Member *
get_member (VtViewLink *self,
            guint       index)
{
  return index < self->members->len ? g_ptr_array_index (self->members, index) : NULL;
}

static gboolean
member_has_geometry (Member *member)
{
  return vt_viewport_get_image_width (member->viewport) > 0 &&
         vt_viewport_get_image_height (member->viewport) > 0 &&
         vt_viewport_get_width (member->viewport) > 0 &&
         vt_viewport_get_height (member->viewport) > 0;
}

static gboolean
member_mm_per_pixel (Member *member,
                     double *mm)
{
  return vt_compare_pane_get_mm_per_pixel (member->pane, mm);
}

static VtCompareSync
effective_sync (VtViewLink *self)
{
  if (self->sync == VT_COMPARE_SYNC_TRUE_SCALE && !vt_view_link_get_true_scale_available (self))
    return VT_COMPARE_SYNC_IMAGE;
  return self->sync;
}

/* Copies @from's view to every other pane. */
static void
push_view (VtViewLink *self,
           Member     *from)
{
  VtViewport *src = from->viewport;
  VtCompareSync sync = effective_sync (self);
  double iw, ih, fx, fy, zoom, fit, mm_src = 0;
  guint rotation;
  gboolean fitted;

  if (self->syncing || sync == VT_COMPARE_SYNC_NONE || !member_has_geometry (from))
    return;
  if (sync == VT_COMPARE_SYNC_TRUE_SCALE && !member_mm_per_pixel (from, &mm_src))
    return;

  iw = vt_viewport_get_image_width (src);
  ih = vt_viewport_get_image_height (src);
  fx = vt_viewport_get_center_x (src) / iw;
  fy = vt_viewport_get_center_y (src) / ih;
  zoom = vt_viewport_get_zoom (src);
  fit = vt_viewport_get_fit_zoom (src);
  rotation = vt_viewport_get_rotation (src);
  fitted = vt_viewport_get_fitted (src);

  self->syncing = TRUE;
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = g_ptr_array_index (self->members, i);
      VtViewport *dst = member->viewport;
      double mm_dst;

      if (member == from || !member_has_geometry (member))
        continue;

      vt_viewport_set_rotation (dst, rotation);
      if (sync == VT_COMPARE_SYNC_IMAGE && fitted)
        vt_viewport_fit (dst);
      else if (sync == VT_COMPARE_SYNC_IMAGE)
        vt_viewport_set_zoom (dst, zoom / fit * vt_viewport_get_fit_zoom (dst));
      else if (member_mm_per_pixel (member, &mm_dst))
        /* The same millimetres per screen pixel: mm / zoom is equal. */
        vt_viewport_set_zoom (dst, zoom * mm_dst / mm_src);
      vt_viewport_set_center (dst,
                              fx * vt_viewport_get_image_width (dst),
                              fy * vt_viewport_get_image_height (dst));
    }
  self->syncing = FALSE;
}

/* Shows the pane's region, given on the canvas (a Content State's xywh),
 * in full resolution image pixels. */
static gboolean
apply_region (Member *member)
{
  VtViewing *viewing = vt_compare_pane_get_viewing (member->pane);
  VtPage *page = viewing ? vt_viewing_get_page (viewing) : NULL;
  VtCanvas *canvas = page ? vt_page_get_canvas (page) : NULL;
  VtViewport *vp = member->viewport;
  double iw = vt_viewport_get_image_width (vp);
  double ih = vt_viewport_get_image_height (vp);
  double sx = canvas && canvas->width > 0 ? iw / canvas->width : 1;
  double sy = canvas && canvas->height > 0 ? ih / canvas->height : 1;
  double w = member->region[2] * sx, h = member->region[3] * sy;

  if (!member_has_geometry (member) || w <= 0 || h <= 0)
    return FALSE;

  member->region[2] = 0;
  member->link->syncing = TRUE;
  vt_viewport_set_zoom (vp, MIN (vt_viewport_get_width (vp) / w, vt_viewport_get_height (vp) / h));
  vt_viewport_set_center (vp, member->region[0] * sx + w / 2, member->region[1] * sy + h / 2);
  member->link->syncing = FALSE;
  return TRUE;
}

/* A pane whose image just arrived takes the view of another one (the
 * leader, else any with an image), or leads when asked to show a region.
 * The viewport notifies a new image once it is whole (fitted to it), so
 * this runs at once, before any frame shows it unlinked. */
static void
image_arrived (VtViewLink *self,
               Member     *member)
{
  Member *active = get_member (self, self->leader);
  Member *leader = NULL;

  vt_view_link_update_scale (self);
  if (!member_has_geometry (member))
    return;
  if (member->region[2] > 0 && apply_region (member))
    {
      push_view (self, member);
      return;
    }

  if (active != NULL && active != member && member_has_geometry (active))
    leader = active;
  for (guint i = 0; i < self->members->len && leader == NULL; i++)
    {
      Member *other = g_ptr_array_index (self->members, i);

      if (other != member && member_has_geometry (other))
        leader = other;
    }
  if (leader != NULL)
    push_view (self, leader);
}

/* Changes made while the panes are laid out (a resize refits a pane)
 * are copied right after: copying them then would change a pane already
 * laid out in this frame. Before the next frame, all the same. */
static gboolean
deferred_cb (gpointer data)
{
  VtViewLink *self = data;
  Member *active = get_member (self, self->leader);
  Member *leader = NULL;

  self->deferred_id = 0;
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = g_ptr_array_index (self->members, i);

      if (member->arrived)
        image_arrived (self, member);
      else if (member->pending && (leader == NULL || member == active))
        leader = member;
      member->pending = member->arrived = FALSE;
    }
  if (leader != NULL)
    push_view (self, leader);
  return G_SOURCE_REMOVE;
}

static void
viewport_changed_cb (VtViewport *viewport,
                     GParamSpec *pspec,
                     Member     *member)
{
  VtViewLink *self = member->link;
  double iw = vt_viewport_get_image_width (viewport);
  double ih = vt_viewport_get_image_height (viewport);
  gboolean geometry = member_has_geometry (member);
  /* A new image, or the first size of a pane whose image came first. */
  gboolean arrived = iw != member->image_width || ih != member->image_height ||
                     (geometry && !member->had_geometry);

  if (self->syncing)
    return;

  member->image_width = iw;
  member->image_height = ih;
  member->had_geometry = geometry;
  if (self->grid != NULL && vt_compare_grid_get_allocating (self->grid))
    {
      member->pending = TRUE;
      member->arrived |= arrived;
      if (self->deferred_id == 0)
        {
          self->deferred_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, deferred_cb, self, NULL);
          g_source_set_name_by_id (self->deferred_id, "[vitrine] compare link");
        }
      return;
    }

  if (arrived)
    image_arrived (self, member);
  else
    push_view (self, member);
}

static void
member_free (Member *member)
{
  g_signal_handlers_disconnect_by_data (member->viewport, member);
  g_clear_object (&member->viewport);
  g_clear_object (&member->pane);
  g_free (member);
}

static void
vt_view_link_dispose (GObject *object)
{
  VtViewLink *self = VT_VIEW_LINK (object);

  g_clear_handle_id (&self->deferred_id, g_source_remove);
  if (self->members != NULL)
    g_ptr_array_set_size (self->members, 0);
  g_clear_object (&self->grid);

  G_OBJECT_CLASS (vt_view_link_parent_class)->dispose (object);
}

static void
vt_view_link_finalize (GObject *object)
{
  VtViewLink *self = VT_VIEW_LINK (object);

  g_clear_pointer (&self->members, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_view_link_parent_class)->finalize (object);
}

static void
vt_view_link_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VtViewLink *self = VT_VIEW_LINK (object);

  switch (prop_id)
    {
    case PROP_TRUE_SCALE_AVAILABLE:
      g_value_set_boolean (value, vt_view_link_get_true_scale_available (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_view_link_class_init (VtViewLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_view_link_dispose;
  object_class->finalize = vt_view_link_finalize;
  object_class->get_property = vt_view_link_get_property;

  /**
   * VtViewLink:true-scale-available:
   *
   * Whether there are two panes or more and every one knows the
   * physical size of what it shows. Notified when vt_view_link_update_scale()
   * (or an image's arrival) finds it changed.
   */
  properties[PROP_TRUE_SCALE_AVAILABLE] =
    g_param_spec_boolean ("true-scale-available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_view_link_init (VtViewLink *self)
{
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  self->sync = VT_COMPARE_SYNC_IMAGE;
}

/**
 * vt_view_link_new:
 * @grid: (nullable): the grid the panes are laid out in; what changes
 *   while it allocates is copied right after
 */
VtViewLink *
vt_view_link_new (VtCompareGrid *grid)
{
  VtViewLink *self = g_object_new (VT_TYPE_VIEW_LINK, NULL);

  g_set_object (&self->grid, grid);
  return self;
}

/**
 * vt_view_link_add:
 *
 * Links @pane's viewport to the others, as the last one.
 */
void
vt_view_link_add (VtViewLink    *self,
                  VtComparePane *pane)
{
  Member *member;

  g_return_if_fail (VT_IS_VIEW_LINK (self));
  g_return_if_fail (VT_IS_COMPARE_PANE (pane));

  member = g_new0 (Member, 1);
  member->link = self;
  member->pane = g_object_ref (pane);
  /* Held, as the link may outlive the pane's widgets. */
  member->viewport = g_object_ref (vt_compare_pane_get_viewport (pane));
  g_signal_connect (member->viewport, "notify", G_CALLBACK (viewport_changed_cb), member);
  g_ptr_array_add (self->members, member);
}

void
vt_view_link_remove (VtViewLink *self,
                     guint       index)
{
  g_return_if_fail (VT_IS_VIEW_LINK (self));

  if (index < self->members->len)
    g_ptr_array_remove_index (self->members, index);
}

/**
 * vt_view_link_set_leader:
 *
 * Sets the pane (the active one) whose view the others take when linking
 * starts, and which a pane whose image arrives follows first.
 */
void
vt_view_link_set_leader (VtViewLink *self,
                         guint       index)
{
  g_return_if_fail (VT_IS_VIEW_LINK (self));
  self->leader = index;
}

VtCompareSync
vt_view_link_get_sync (VtViewLink *self)
{
  g_return_val_if_fail (VT_IS_VIEW_LINK (self), VT_COMPARE_SYNC_NONE);
  return self->sync;
}

/**
 * vt_view_link_set_sync:
 *
 * Links the views (or unlinks them). Linking brings the others to the
 * leader's view at once.
 */
void
vt_view_link_set_sync (VtViewLink    *self,
                       VtCompareSync  sync)
{
  Member *leader;

  g_return_if_fail (VT_IS_VIEW_LINK (self));

  if (self->sync == sync)
    return;
  self->sync = sync;
  vt_view_link_update_scale (self);
  if ((leader = get_member (self, self->leader)) != NULL)
    push_view (self, leader);
}

/**
 * vt_view_link_set_region:
 *
 * Shows that region of pane @index's canvas (in canvas units), zoomed to
 * fit the pane, once its image is there; the others follow it.
 */
void
vt_view_link_set_region (VtViewLink *self,
                         guint       index,
                         double      x,
                         double      y,
                         double      width,
                         double      height)
{
  Member *member;

  g_return_if_fail (VT_IS_VIEW_LINK (self));

  if ((member = get_member (self, index)) == NULL || !(width > 0) || !(height > 0))
    return;
  member->region[0] = x;
  member->region[1] = y;
  member->region[2] = width;
  member->region[3] = height;
  /* Already shown: at once. */
  if (member_has_geometry (member) && apply_region (member))
    push_view (self, member);
}

/**
 * vt_view_link_get_pending:
 *
 * Returns: whether changes made while the panes were laid out are still
 *   to be copied to the others (before the next frame)
 */
gboolean
vt_view_link_get_pending (VtViewLink *self)
{
  g_return_val_if_fail (VT_IS_VIEW_LINK (self), FALSE);
  return self->deferred_id != 0;
}

gboolean
vt_view_link_get_true_scale_available (VtViewLink *self)
{
  g_return_val_if_fail (VT_IS_VIEW_LINK (self), FALSE);

  if (self->members->len < 2)
    return FALSE;
  for (guint i = 0; i < self->members->len; i++)
    {
      double mm;

      if (!member_mm_per_pixel (g_ptr_array_index (self->members, i), &mm))
        return FALSE;
    }
  return TRUE;
}

/**
 * vt_view_link_update_scale:
 *
 * Looks again whether true scale is available (after panes came or went,
 * or an object changed), and lets the zoom go below fit while linked at
 * true scale.
 */
void
vt_view_link_update_scale (VtViewLink *self)
{
  gboolean available, was;

  g_return_if_fail (VT_IS_VIEW_LINK (self));

  available = vt_view_link_get_true_scale_available (self);
  was = self->true_scale_available;
  self->true_scale_available = available;
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = g_ptr_array_index (self->members, i);

      /* At true scale a smaller object may need to be smaller than its
       * pane: the zoom may go below fit. */
      vt_viewport_set_min_zoom_factor (member->viewport,
                                       effective_sync (self) == VT_COMPARE_SYNC_TRUE_SCALE
                                       ? TRUE_SCALE_MIN_ZOOM_FACTOR : 1.0);
    }
  if (was != available)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUE_SCALE_AVAILABLE]);
}
