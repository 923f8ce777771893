/* vt-export-dialog.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "export/vt-export.h"
#include "iiif/vt-rights.h"
#include "vt-export-dialog.h"

/* "Export Image…": the canvas on screen, whole or the part of it in view,
 * at full resolution or smaller, as TIFF, JPEG or PNG. The dialog names
 * the licence before saving, and says so plainly when it does not allow
 * reuse. The export itself outlives the dialog: a toast follows it, with
 * its progress and a Cancel button, and says where the file went. */

struct _VtExportDialog
{
  AdwMessageDialog  parent_instance;

  VtSession        *session;
  AdwToastOverlay  *toasts;
  VtExport         *export;
  /* Each area's region in full-resolution pixels, by VtExportArea. */
  gint64            areas[3][4];
  gboolean          has_area[3];
  VtExportArea      area_kinds[3];   /* the area row's items */
  guint             n_areas;
  double            view_scale_x, view_scale_y;  /* export px per view unit */
  gboolean          reuse_allowed;
  char             *rights_text;
  char             *limit_text;
  char             *suggested_name;

  AdwComboRow      *area_row;
  AdwComboRow      *size_row;
  AdwComboRow      *format_row;
  GtkStringList    *area_model;
  GtkStringList    *size_model;

  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (VtExportDialog, vt_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Sizes offered, as fractions of the region's full resolution (or of
 * the largest the server allows). */
static const int size_divisors[] = { 1, 2, 4, 8 };

static const char *area_names[] = { N_("Whole Image"), N_("Visible Area"), N_("Selected Region") };

static void
vt_export_dialog_dispose (GObject *object)
{
  VtExportDialog *self = VT_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->session);
  g_clear_object (&self->toasts);
  g_clear_object (&self->export);
  g_clear_object (&self->area_model);
  g_clear_object (&self->size_model);
  G_OBJECT_CLASS (vt_export_dialog_parent_class)->dispose (object);
}

static void
vt_export_dialog_finalize (GObject *object)
{
  VtExportDialog *self = VT_EXPORT_DIALOG (object);

  g_free (self->rights_text);
  g_free (self->limit_text);
  g_free (self->suggested_name);
  G_OBJECT_CLASS (vt_export_dialog_parent_class)->finalize (object);
}

/* --- one running export, followed by a toast ------------------------ */

typedef struct
{
  VtExport        *export;
  AdwToastOverlay *toasts;
  AdwToast        *toast;
  GCancellable    *cancellable;
  GtkWidget       *window;
  char            *name;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->export);
  g_clear_object (&run->toasts);
  g_clear_object (&run->toast);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->window);
  g_free (run->name);
  g_free (run);
}

static void
run_progress_cb (VtExport   *export,
                 GParamSpec *pspec,
                 Run        *run)
{
  g_autofree char *title = g_strdup_printf (_("Exporting “%s”… %d %%"), run->name,
                                            (int) (vt_export_get_progress (export) * 100));

  adw_toast_set_title (run->toast, title);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *done;

  g_signal_handlers_disconnect_by_data (run->export, run);
  adw_toast_dismiss (run->toast);
  gtk_widget_insert_action_group (run->window, "export", NULL);

  if (vt_export_run_finish (VT_EXPORT (object), result, &error))
    message = g_strdup_printf (_("Exported “%s”"), run->name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("Export cancelled"));
  else
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  done = adw_toast_new (message);
  adw_toast_set_timeout (done, 5);
  adw_toast_overlay_add_toast (run->toasts, done);
  run_free (run);
}

static void
cancel_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  g_cancellable_cancel (user_data);
}

/* --- the dialog ------------------------------------------------------ */

static VtExportArea
current_area (VtExportDialog *self)
{
  guint i = self->area_row ? adw_combo_row_get_selected (self->area_row) : 0;

  return i < self->n_areas ? self->area_kinds[i] : VT_EXPORT_AREA_WHOLE;
}

static void
set_export_region (VtExportDialog *self)
{
  VtExportArea area = current_area (self);
  const gint64 *r = self->areas[area];

  if (area == VT_EXPORT_AREA_WHOLE || !self->has_area[area] ||
      !vt_export_set_region (self->export, r[0], r[1], r[2], r[3], NULL))
    vt_export_set_region (self->export, 0, 0, 0, 0, NULL);
}

static void
apply_choices (VtExportDialog *self)
{
  guint size = adw_combo_row_get_selected (self->size_row);
  gint64 w, h, max_w, max_h;
  int divisor = size_divisors[MIN (size, G_N_ELEMENTS (size_divisors) - 1)];

  set_export_region (self);
  vt_export_get_size (self->export, &w, &h);
  /* Full resolution, or the largest the server allows when it limits. */
  vt_export_get_max_size (self->export, &max_w, &max_h);
  w = MAX (1, MIN (max_w, w) / divisor);
  h = MAX (1, MIN (max_h, h) / divisor);
  vt_export_set_size (self->export, w, h, NULL);
  vt_export_set_format (self->export, (VtExportFormat) adw_combo_row_get_selected (self->format_row));
}

/* The sizes offered follow the area chosen, and so does what the server
 * allows: where its maxWidth, maxHeight or maxArea stop short of full
 * resolution the first size is the largest it gives, and the row says so. */
static void
update_sizes (VtExportDialog *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  guint selected = adw_combo_row_get_selected (self->size_row);
  gint64 max_w, max_h, full_w, full_h;
  gboolean full;

  set_export_region (self);
  vt_export_get_size (self->export, &full_w, &full_h);
  full = vt_export_get_max_size (self->export, &max_w, &max_h);
  for (guint i = 0; i < G_N_ELEMENTS (size_divisors); i++)
    {
      gint64 w = MAX (1, max_w / size_divisors[i]);
      gint64 h = MAX (1, max_h / size_divisors[i]);

      if (i == 0 && full)
        g_ptr_array_add (items, g_strdup_printf (_("Full Resolution (%" PRId64 " × %" PRId64 ")"), w, h));
      else if (i == 0)
        g_ptr_array_add (items, g_strdup_printf (_("Largest the Server Allows (%" PRId64 " × %" PRId64 ")"),
                                                 w, h));
      else
        g_ptr_array_add (items, g_strdup_printf (_("1/%d (%" PRId64 " × %" PRId64 ")"),
                                                 size_divisors[i], w, h));
    }
  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (self->size_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->size_model)),
                          (const char * const *) items->pdata);
  /* Full resolution (or the largest allowed) unless another was chosen;
   * an empty row has no choice yet. */
  adw_combo_row_set_selected (self->size_row, selected < G_N_ELEMENTS (size_divisors) ? selected : 0);

  g_clear_pointer (&self->limit_text, g_free);
  if (!full)
    self->limit_text = g_strdup_printf (_("The image server gives at most %" PRId64 " × %" PRId64
                                          " pixels of this area, less than its full resolution (%"
                                          PRId64 " × %" PRId64 ")."),
                                        max_w, max_h, full_w, full_h);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->size_row), self->limit_text ? self->limit_text : "");
}

static void
update_areas (VtExportDialog *self,
              VtExportArea    select)
{
  const char *items[G_N_ELEMENTS (area_names) + 1] = { NULL };
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n = 0, selected = 0;

  for (guint kind = 0; kind < G_N_ELEMENTS (area_names); kind++)
    {
      char *text;

      if (kind != VT_EXPORT_AREA_WHOLE && !self->has_area[kind])
        continue;
      if (kind == VT_EXPORT_AREA_REGION)
        /* Translators: the area to export, with its size in pixels */
        text = g_strdup_printf (_("Selected Region (%" PRId64 " × %" PRId64 ")"),
                                self->areas[kind][2], self->areas[kind][3]);
      else
        text = g_strdup (_(area_names[kind]));
      g_ptr_array_add (texts, text);
      if (kind == select)
        selected = n;
      self->area_kinds[n] = kind;
      items[n++] = text;
    }
  self->n_areas = n;
  gtk_string_list_splice (self->area_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->area_model)),
                          items);
  adw_combo_row_set_selected (self->area_row, selected);
  update_sizes (self);
}

/**
 * vt_export_dialog_start:
 * @file: where to write
 *
 * Starts the export as chosen; a toast follows it. The dialog may close.
 */
void
vt_export_dialog_start (VtExportDialog *self,
                        GFile          *file)
{
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GSimpleAction) cancel = g_simple_action_new ("cancel", NULL);
  GtkWidget *window = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  Run *run;

  g_return_if_fail (VT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->export != NULL);

  apply_choices (self);
  run = g_new0 (Run, 1);
  run->export = g_object_ref (self->export);
  run->toasts = g_object_ref (self->toasts);
  run->cancellable = g_cancellable_new ();
  run->window = g_object_ref (window != NULL ? window : GTK_WIDGET (self->toasts));
  run->name = g_file_get_basename (file);
  run->toast = g_object_ref (adw_toast_new (""));
  adw_toast_set_timeout (run->toast, 0);
  adw_toast_set_priority (run->toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (run->toast, _("_Cancel"));
  adw_toast_set_action_name (run->toast, "export.cancel");
  g_signal_connect_data (cancel, "activate", G_CALLBACK (cancel_activated),
                         g_object_ref (run->cancellable), (GClosureNotify) g_object_unref, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (cancel));
  gtk_widget_insert_action_group (run->window, "export", G_ACTION_GROUP (group));
  run_progress_cb (run->export, NULL, run);
  g_signal_connect (run->export, "notify::progress", G_CALLBACK (run_progress_cb), run);
  adw_toast_overlay_add_toast (run->toasts, g_object_ref (run->toast));
  vt_export_run_async (run->export, file, run->cancellable, run_done_cb, run);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     VtExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      vt_export_dialog_start (self, file);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static const char *
extension (VtExportFormat format)
{
  switch (format)
    {
    case VT_EXPORT_FORMAT_JPEG:
      return "jpg";
    case VT_EXPORT_FORMAT_PNG:
      return "png";
    case VT_EXPORT_FORMAT_TIFF:
    default:
      return "tif";
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             VtExportDialog   *self)
{
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "export"))
    return;
  name = g_strdup_printf ("%s.%s", self->suggested_name,
                          extension ((VtExportFormat) adw_combo_row_get_selected (self->format_row)));
  self->chooser = gtk_file_chooser_native_new (_("Export Image"),
                                               gtk_window_get_transient_for (GTK_WINDOW (self)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  /* The message dialog closes on any response: keep it until the file is
   * chosen, hidden, as it carries the choices. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
close_request_cb (GtkWindow      *window,
                  VtExportDialog *self)
{
  /* While the file chooser is open the dialog only hides. */
  return self->chooser != NULL && gtk_native_dialog_get_visible (GTK_NATIVE_DIALOG (self->chooser));
}

static void
vt_export_dialog_class_init (VtExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_export_dialog_dispose;
  object_class->finalize = vt_export_dialog_finalize;
}

static AdwComboRow *
combo_row (const char *title,
           GListModel *model)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, model);
  return row;
}

static void
vt_export_dialog_init (VtExportDialog *self)
{
}

/* How the view's image coordinates map to the export's pixels (the
 * same for the test bed; a IIIF canvas' own coordinates may differ). */
static void
compute_view_scale (VtExportDialog *self,
                    VtImageView    *view)
{
  VtViewport *viewport = view ? vt_image_view_get_viewport (view) : NULL;
  double iw, ih;

  self->view_scale_x = self->view_scale_y = 1.0;
  if (viewport == NULL || (iw = vt_viewport_get_image_width (viewport)) <= 0 ||
      (ih = vt_viewport_get_image_height (viewport)) <= 0)
    return;
  self->view_scale_x = vt_export_get_image_width (self->export) / iw;
  self->view_scale_y = vt_export_get_image_height (self->export) / ih;
}

/* Stores a rectangle in the view's image coordinates as @area, in the
 * export's pixels, inside the image. */
static gboolean
store_area (VtExportDialog *self,
            VtExportArea    area,
            double          x,
            double          y,
            double          width,
            double          height)
{
  double x0 = MAX (0, x * self->view_scale_x);
  double y0 = MAX (0, y * self->view_scale_y);
  double x1 = MIN (vt_export_get_image_width (self->export), (x + width) * self->view_scale_x);
  double y1 = MIN (vt_export_get_image_height (self->export), (y + height) * self->view_scale_y);
  gint64 *r = self->areas[area];

  if (x1 - x0 < 1 || y1 - y0 < 1)
    return FALSE;
  r[0] = (gint64) (x0 + 0.5);
  r[1] = (gint64) (y0 + 0.5);
  r[2] = MAX (1, MIN ((gint64) (x1 + 0.5), vt_export_get_image_width (self->export)) - r[0]);
  r[3] = MAX (1, MIN ((gint64) (y1 + 0.5), vt_export_get_image_height (self->export)) - r[1]);
  self->has_area[area] = TRUE;
  return TRUE;
}

/* The part of the image in view. */
static void
compute_visible (VtExportDialog *self,
                 VtImageView    *view)
{
  VtViewport *viewport = view ? vt_image_view_get_viewport (view) : NULL;
  double x, y, w, h;

  if (viewport == NULL || vt_viewport_get_image_width (viewport) <= 0 ||
      vt_viewport_get_image_height (viewport) <= 0 || vt_viewport_get_zoom (viewport) <= 0)
    return;
  vt_viewport_get_visible_rect (viewport, &x, &y, &w, &h);
  store_area (self, VT_EXPORT_AREA_VISIBLE, x, y, w, h);
}

static char *
safe_file_name (const char *title)
{
  g_autofree char *name = g_strdup (title != NULL && *title != '\0' ? title : _("image"));

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  if (g_utf8_strlen (name, -1) > 80)
    *g_utf8_offset_to_pointer (name, 80) = '\0';
  return g_steal_pointer (&name);
}

/* The export of what @viewing shows, or %NULL. */
static VtExport *
export_for_viewing (VtExportDialog *self,
                    VtViewing      *viewing)
{
  VtViewingState state = vt_viewing_get_state (viewing);

  if (state == VT_VIEWING_IMAGE)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (vt_viewing_get_input (viewing));

      return vt_export_new_for_file (file, NULL);
    }
  if (state == VT_VIEWING_MANIFEST && vt_viewing_get_manifest (viewing) != NULL)
    {
      VtManifest *manifest = vt_viewing_get_manifest (viewing);
      guint index = vt_viewing_get_canvas_index (viewing);
      VtCanvas *canvas;
      VtServiceRef *ref;
      VtContentResource *body;
      g_autoptr (VtTilePyramid) pyramid = NULL;
      g_autoptr (VtExportMetadata) metadata = NULL;
      VtExport *export;

      if (index >= vt_manifest_get_n_canvases (manifest))
        return NULL;
      canvas = vt_manifest_get_canvas (manifest, index);
      ref = vt_canvas_get_image_service (canvas);
      body = vt_canvas_get_image (canvas);
      if (ref != NULL && ref->id != NULL)
        {
          g_autoptr (VtImageService) service =
            vt_service_cache_lookup (vt_session_get_service_cache (self->session), ref->id, &pyramid);
        }
      else if (body != NULL && body->id != NULL && body->width > 0 && body->height > 0)
        pyramid = vt_tile_pyramid_new_static (body->id, body->width, body->height);
      if (pyramid == NULL)
        return NULL;
      export = vt_export_new_for_pyramid (vt_session_get_client (self->session), pyramid);
      metadata = vt_export_metadata_new_for_canvas (manifest, index,
                                                    (const char * const *) g_get_language_names ());
      vt_export_set_metadata (export, metadata);
      return export;
    }
  return NULL;
}

/**
 * vt_export_dialog_new:
 * @view: (nullable): the canvas on screen, for "Visible Area"
 *
 * Returns: (transfer floating): the dialog, for what @viewing shows
 */
VtExportDialog *
vt_export_dialog_new (GtkWindow       *parent,
                      VtSession       *session,
                      VtViewing       *viewing,
                      VtImageView     *view,
                      AdwToastOverlay *toasts)
{
  static const char *format_names[] = { "TIFF", "JPEG", "PNG", NULL };
  g_autoptr (GtkStringList) formats = gtk_string_list_new (format_names);
  VtExportDialog *self;
  GtkWidget *group;
  const VtExportMetadata *metadata;

  self = g_object_new (VT_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Export Image"),
                       NULL);
  self->session = g_object_ref (session);
  self->toasts = g_object_ref (toasts);
  self->export = export_for_viewing (self, viewing);
  self->suggested_name = safe_file_name (vt_viewing_get_title (viewing));

  if (self->export == NULL)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("There is no image on this page that can be exported."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));
      return self;
    }

  metadata = vt_export_get_metadata (self->export);
  self->reuse_allowed = vt_export_metadata_allows_reuse (metadata);
  if (metadata->rights_uri != NULL)
    {
      g_autofree char *name = NULL;

      vt_rights_describe (metadata->rights_uri, &name, NULL);
      if (self->reuse_allowed)
        self->rights_text = g_strdup_printf (_("Licence: %s. The licence and credit are embedded in the file."),
                                             name ? name : metadata->rights_uri);
      else
        self->rights_text = g_strdup_printf (_("The rights statement (%s) does not allow reuse. "
                                               "Ask the rights holder before you publish or share this image."),
                                             name ? name : metadata->rights_uri);
    }
  else if (vt_viewing_get_state (viewing) == VT_VIEWING_MANIFEST)
    self->rights_text = g_strdup (_("No licence is given for this image, so reuse may not be allowed. "
                                    "Ask the rights holder before you publish or share it."));
  if (self->rights_text != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), self->rights_text);

  compute_view_scale (self, view);
  compute_visible (self, view);

  group = adw_preferences_group_new ();
  self->area_model = gtk_string_list_new (NULL);
  self->size_model = gtk_string_list_new (NULL);
  self->area_row = combo_row (_("_Area"), G_LIST_MODEL (self->area_model));
  self->size_row = combo_row (_("_Size"), G_LIST_MODEL (self->size_model));
  self->format_row = combo_row (_("_Format"), G_LIST_MODEL (formats));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->area_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->size_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->format_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), group);
  update_areas (self, VT_EXPORT_AREA_WHOLE);
  g_signal_connect_swapped (self->area_row, "notify::selected", G_CALLBACK (update_sizes), self);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "export",
                                              self->reuse_allowed ? ADW_RESPONSE_SUGGESTED
                                                                  : ADW_RESPONSE_DEFAULT);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), self);
  return self;
}

gboolean
vt_export_dialog_get_reuse_allowed (VtExportDialog *self)
{
  g_return_val_if_fail (VT_IS_EXPORT_DIALOG (self), FALSE);
  return self->reuse_allowed;
}

/* The sentence about the rights, or %NULL (a local file). */
const char *
vt_export_dialog_get_rights_text (VtExportDialog *self)
{
  g_return_val_if_fail (VT_IS_EXPORT_DIALOG (self), NULL);
  return self->rights_text;
}

/* What the server's limits leave of the chosen area, in words, or %NULL
 * when it can be had at full resolution. */
const char *
vt_export_dialog_get_limit_text (VtExportDialog *self)
{
  g_return_val_if_fail (VT_IS_EXPORT_DIALOG (self), NULL);
  return self->limit_text;
}

/**
 * vt_export_dialog_set_region:
 * @x: left, in the view's image coordinates (its viewport's)
 *
 * Adds "Selected Region" to the areas, and chooses it: a region drawn on
 * the canvas. Call before presenting the dialog.
 */
void
vt_export_dialog_set_region (VtExportDialog *self,
                             double          x,
                             double          y,
                             double          width,
                             double          height)
{
  g_return_if_fail (VT_IS_EXPORT_DIALOG (self));

  if (self->area_row == NULL || !store_area (self, VT_EXPORT_AREA_REGION, x, y, width, height))
    return;
  update_areas (self, VT_EXPORT_AREA_REGION);
}

/**
 * vt_export_dialog_get_region:
 * @region: (out caller-allocates) (array fixed-size=4): x, y, width and
 *   height in full-resolution pixels
 *
 * Returns: whether @area is offered, and where it is
 */
gboolean
vt_export_dialog_get_area (VtExportDialog *self,
                           VtExportArea    area,
                           gint64          region[4])
{
  g_return_val_if_fail (VT_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (area <= VT_EXPORT_AREA_REGION, FALSE);

  if (area == VT_EXPORT_AREA_WHOLE)
    {
      if (self->export == NULL)
        return FALSE;
      region[0] = region[1] = 0;
      region[2] = vt_export_get_image_width (self->export);
      region[3] = vt_export_get_image_height (self->export);
      return TRUE;
    }
  if (!self->has_area[area])
    return FALSE;
  memcpy (region, self->areas[area], sizeof self->areas[area]);
  return TRUE;
}

/**
 * vt_export_dialog_set_choices:
 * @area: which area, when it is offered (else the whole image)
 * @size_index: 0 for full resolution (or the largest allowed), then 1/2,
 *   1/4, 1/8 of it
 * @format: a #VtExportFormat
 *
 * What the rows choose, for keyboard-free use and tests.
 */
void
vt_export_dialog_set_choices (VtExportDialog *self,
                              VtExportArea    area,
                              guint           size_index,
                              int             format)
{
  g_return_if_fail (VT_IS_EXPORT_DIALOG (self));
  if (self->area_row == NULL)
    return;
  for (guint i = 0; i < self->n_areas; i++)
    if (self->area_kinds[i] == area)
      adw_combo_row_set_selected (self->area_row, i);
  if (area == VT_EXPORT_AREA_WHOLE || !self->has_area[area])
    adw_combo_row_set_selected (self->area_row, 0);
  adw_combo_row_set_selected (self->size_row, MIN (size_index, G_N_ELEMENTS (size_divisors) - 1));
  adw_combo_row_set_selected (self->format_row, (guint) format);
}
