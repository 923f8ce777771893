/* vt-search-page.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-search-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "catalogue/vt-catalogue.h"
#include "net/vt-ghent-catalogue.h"

#include "vt-catalogue-rows.h"
#include "vt-context-menu.h"
#include "vt-search-page.h"
#include "vt-search-result-row.h"
#include "vt-text.h"

/* The search page: the local catalogue searched as the user types. Each
 * keystroke (after a short pause) cancels the search before it and starts
 * one in a worker thread; results that come back for an older text are
 * dropped. Thumbnails load only for the rows that get on screen, through
 * the session's image route (the decoder's checks, the client's queue). */

/* Short enough for results on screen within 100 ms of a keystroke, long
 * enough not to search for every letter of a word typed fast. */
#define SEARCH_DELAY_MS 30

struct _VtSearchPage
{
  AdwBin          parent_instance;

  VtSession      *session;
  VtThumbnailLoader *thumbnails;    /* for records without an image service */
  GCancellable   *search_cancellable;
  GPtrArray      *results;          /* VtCatalogueRecord* shown */
  guint           generation;       /* of the search whose results count */
  gboolean        catalogue_empty;
  gboolean        pending;          /* typed, the entry's pause not over */
  char           *searched;         /* organisation and text last searched */
  gboolean        searching;        /* a search under way for the text */
  const char     *state;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown    *org_dropdown;
  GtkStack       *state_stack;
  AdwStatusPage  *no_results_page;
  GtkScrolledWindow *results_scroller;
  GtkListView    *results_view;

  GListStore     *store;            /* items carrying "record" */
  GtkSingleSelection *selection;
  GtkLabel       *updated_label;
};

G_DEFINE_FINAL_TYPE (VtSearchPage, vt_search_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  OPEN_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_search (VtSearchPage *self,
                          gboolean      force);

static void
set_state (VtSearchPage *self,
           const char   *state)
{
  gtk_stack_set_visible_child_name (self->state_stack, state);
  if (g_strcmp0 (self->state, state) == 0)
    return;

  self->state = g_intern_string (state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static VtCatalogue *
get_catalogue (VtSearchPage *self)
{
  return self->session != NULL ? vt_session_get_catalogue (self->session) : NULL;
}

/* Results: a list view over a store of plain objects, each carrying its
 * record (and its thumbnail once loaded). Only the rows on screen are
 * built, and they are reused as the list scrolls: a page of results costs
 * a dozen rows, whatever the number of results. */

/* A result beside the object on screen, without leaving it. */
static GMenuModel *
row_menu_cb (GtkWidget *row,
             gpointer   user_data)
{
  GtkListItem *list_item = user_data;
  VtSearchPage *self = VT_SEARCH_PAGE (gtk_widget_get_ancestor (row, VT_TYPE_SEARCH_PAGE));
  guint position = gtk_list_item_get_position (list_item);
  g_autofree char *id = NULL;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;

  if (self == NULL || self->results == NULL || position >= self->results->len)
    return NULL;

  id = vt_catalogue_record_dup_object_id (g_ptr_array_index (self->results, position));
  menu = g_menu_new ();
  item = g_menu_item_new (_("_Open"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.open-input", g_variant_new_string (id));
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  /* Translators: in a search result's context menu */
  item = g_menu_item_new (_("_Compare With Object on Screen"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.compare-input", g_variant_new_string (id));
  g_menu_append_item (menu, item);
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              VtSearchPage             *self)
{
  GtkWidget *row = vt_search_result_row_new ();

  vt_context_menu_attach (row, row_menu_cb, list_item);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             VtSearchPage             *self)
{
  vt_search_result_row_bind (VT_SEARCH_RESULT_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item), self->session, self->thumbnails);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               VtSearchPage             *self)
{
  vt_search_result_row_unbind (VT_SEARCH_RESULT_ROW (gtk_list_item_get_child (list_item)));
}

static void
show_results (VtSearchPage *self,
              GPtrArray    *results)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = results != NULL ? g_ptr_array_ref (results) : NULL;

  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      g_ptr_array_add (items, vt_search_result_item_new (g_ptr_array_index (results, i)));
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  if (results != NULL && results->len > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->results_scroller), 0);
      set_state (self, "results");
    }
  else
    {
      g_autofree char *description =
        /* Translators: %s is what the user searched for */
        g_strdup_printf (_("Nothing in the catalogue matches “%s”. Try fewer words, or another organisation."),
                         vt_search_page_get_text (self));

      adw_status_page_set_description (self->no_results_page, description);
      set_state (self, "no-results");
    }
}

/* Searching */

typedef struct
{
  VtSearchPage *self;
  guint         generation;
} Search;

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Search *search = user_data;
  g_autoptr(VtSearchPage) self = search->self;
  guint generation = search->generation;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = vt_catalogue_search_finish (VT_CATALOGUE (object), result, &error);

  g_free (search);

  /* An answer to a text since changed is not worth showing. */
  if (generation != self->generation)
    return;

  self->searching = FALSE;

  if (results == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A query FTS cannot read is a query nothing matches. */
      g_debug ("Search failed: %s", error->message);
    }

  show_results (self, results);
}

/* @force: search again even for the text and organisation last searched */
static void
start_search (VtSearchPage *self,
              gboolean      force)
{
  VtCatalogue *catalogue = get_catalogue (self);
  g_autofree char *text = g_strstrip (g_strdup (vt_search_page_get_text (self)));
  const char *org = vt_search_page_get_organisation (self);
  g_autofree char *key = g_strconcat (org != NULL ? org : "", "\n", text, NULL);
  Search *search;

  if (!force && g_strcmp0 (key, self->searched) == 0)
    {
      self->pending = FALSE;
      return;
    }
  g_free (self->searched);
  self->searched = g_steal_pointer (&key);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->generation++;
  self->pending = FALSE;
  self->searching = FALSE;

  if (catalogue == NULL || self->catalogue_empty)
    {
      show_results (self, NULL);
      set_state (self, "no-catalogue");
      return;
    }

  if (*text == '\0')
    {
      show_results (self, NULL);
      set_state (self, "start");
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  self->searching = TRUE;
  search = g_new0 (Search, 1);
  search->self = g_object_ref (self);
  search->generation = self->generation;
  vt_catalogue_search_async (catalogue, text, vt_search_page_get_organisation (self),
                             VT_SEARCH_PAGE_MAX_RESULTS, self->search_cancellable,
                             search_done_cb, search);
}

/* The entry's pause is over. */
static void
search_changed_cb (VtSearchPage *self)
{
  start_search (self, FALSE);
}

/* A keystroke while nothing is being searched starts at once: the pause is
 * for keystrokes that come while a search runs, which the next one would
 * make stale anyway. */
static void
text_changed_cb (VtSearchPage *self)
{
  if (!self->searching)
    start_search (self, FALSE);
  else
    self->pending = TRUE;
}

static void
org_changed_cb (VtSearchPage *self)
{
  start_search (self, TRUE);
}

static void
open_record (VtSearchPage      *self,
             VtCatalogueRecord *record)
{
  g_autofree char *id = vt_catalogue_record_dup_object_id (record);

  g_signal_emit (self, signals[OPEN_OBJECT], 0, id);
}

static void
result_activated_cb (VtSearchPage *self,
                     guint         position)
{
  if (self->results != NULL && position < self->results->len)
    open_record (self, g_ptr_array_index (self->results, position));
}

/* Up from the first result goes back to the entry. */
static gboolean
list_key_pressed_cb (VtSearchPage    *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  if ((keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Up) ||
      gtk_single_selection_get_selected (self->selection) != 0)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/* Down from the entry goes into the results. */
static gboolean
entry_key_pressed_cb (VtSearchPage    *self,
                      guint            keyval,
                      guint            keycode,
                      GdkModifierType  state)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || !g_str_equal (self->state, "results"))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
  return TRUE;
}

static void
entry_activate_cb (VtSearchPage *self)
{
  vt_search_page_activate (self);
}

static void
stop_search_cb (VtSearchPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.close-search", NULL);
}

/* GObject */

static void
vt_search_page_dispose (GObject *object)
{
  VtSearchPage *self = VT_SEARCH_PAGE (object);

  g_cancellable_cancel (self->search_cancellable);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_SEARCH_PAGE);

  G_OBJECT_CLASS (vt_search_page_parent_class)->dispose (object);
}

static void
vt_search_page_finalize (GObject *object)
{
  VtSearchPage *self = VT_SEARCH_PAGE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->thumbnails);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->searched, g_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vt_search_page_parent_class)->finalize (object);
}

static void
vt_search_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VtSearchPage *self = VT_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_search_page_class_init (VtSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_search_page_dispose;
  object_class->finalize = vt_search_page_finalize;
  object_class->get_property = vt_search_page_get_property;

  /**
   * VtSearchPage:state:
   *
   * What the page shows: "start", "no-catalogue", "no-results" or
   * "results".
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "start",
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtSearchPage::open-object:
   * @object_id: what to open: `dmg:1987-1049`
   *
   * Emitted when the user picks a result or types an exact object number.
   */
  signals[OPEN_OBJECT] =
    g_signal_new ("open-object", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VtSearchPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, VtSearchPage, org_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtSearchPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, VtSearchPage, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, VtSearchPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VtSearchPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, VtSearchPage, updated_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_set_css_name (widget_class, "searchpage");
}

static void
vt_search_page_init (VtSearchPage *self)
{
  g_autoptr(GtkStringList) orgs = gtk_string_list_new (NULL);
  const VtGhentOrganisation *list;
  GtkEventController *keys;
  GtkListItemFactory *factory;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->state = g_intern_static_string ("start");

  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);

  self->store = g_list_store_new (G_TYPE_OBJECT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->selection));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->results_view), keys);

  gtk_string_list_append (orgs, _("All Organisations"));
  list = vt_ghent_get_organisations (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (orgs, vt_ghent_organisation_get_display_name (&list[i]));
  gtk_drop_down_set_model (self->org_dropdown, G_LIST_MODEL (orgs));
  g_signal_connect_object (self->search_entry, "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->org_dropdown, "notify::selected",
                           G_CALLBACK (org_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GtkWidget *
vt_search_page_new (void)
{
  return g_object_new (VT_TYPE_SEARCH_PAGE, NULL);
}

/**
 * vt_search_page_set_session:
 * @session: (nullable): whose catalogue to search and whose route
 *   thumbnails load through
 */
void
vt_search_page_set_session (VtSearchPage *self,
                            VtSession    *session)
{
  g_return_if_fail (VT_IS_SEARCH_PAGE (self));

  if (!g_set_object (&self->session, session))
    return;

  g_clear_object (&self->thumbnails);
  if (session != NULL)
    self->thumbnails = vt_thumbnail_loader_new (vt_session_get_client (session),
                                                vt_session_get_service_cache (session));
  vt_search_page_refresh (self);
}

static char *
format_last_sync (gint64 last_sync)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (last_sync);

  /* Translators: a date and time, see the strftime() manual */
  return when != NULL ? g_date_time_format (when, _("%-d %B %Y, %H:%M")) : NULL;
}

/**
 * vt_search_page_refresh:
 *
 * Reads again how much the catalogue holds and when it was last updated,
 * and searches again: after a sync, or when the page is shown.
 */
void
vt_search_page_refresh (VtSearchPage *self)
{
  VtCatalogue *catalogue;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated = NULL;
  guint64 objects = 0;
  gint64 last_sync = 0;

  g_return_if_fail (VT_IS_SEARCH_PAGE (self));

  catalogue = get_catalogue (self);
  orgs = catalogue != NULL ? vt_catalogue_list_orgs (catalogue, &error) : NULL;
  if (error != NULL)
    g_warning ("Cannot read the catalogue: %s", error->message);

  for (guint i = 0; orgs != NULL && i < orgs->len; i++)
    {
      VtCatalogueOrgInfo *info = g_ptr_array_index (orgs, i);

      objects += info->objects;
      last_sync = MAX (last_sync, info->last_sync);
    }

  self->catalogue_empty = objects == 0;
  if (objects > 0 && last_sync > 0)
    {
      g_autofree char *when = format_last_sync (last_sync);
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, objects);

      /* Translators: %s is a number of objects, then a date */
      updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s object, catalogue last updated %s",
                                              "%s objects, catalogue last updated %s",
                                              objects > G_MAXULONG ? G_MAXULONG : (gulong) objects),
                                 count, when);
    }
  else if (objects > 0)
    updated = g_strdup (_("The catalogue is not fully synced yet"));

  gtk_label_set_text (self->updated_label, updated != NULL ? updated : "");
  gtk_widget_set_visible (GTK_WIDGET (self->updated_label), updated != NULL);

  start_search (self, TRUE);
}

void
vt_search_page_focus (VtSearchPage *self)
{
  g_return_if_fail (VT_IS_SEARCH_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

const char *
vt_search_page_get_text (VtSearchPage *self)
{
  g_return_val_if_fail (VT_IS_SEARCH_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/**
 * vt_search_page_set_text:
 *
 * Types @text into the search entry, as the user would: the search
 * follows after the entry's short pause.
 */
void
vt_search_page_set_text (VtSearchPage *self,
                         const char   *text)
{
  g_return_if_fail (VT_IS_SEARCH_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

/**
 * vt_search_page_get_organisation:
 *
 * Returns: (nullable): the abbreviation of the organisation searched, or
 *   %NULL for all
 */
const char *
vt_search_page_get_organisation (VtSearchPage *self)
{
  const VtGhentOrganisation *list;
  guint selected;
  guint n;

  g_return_val_if_fail (VT_IS_SEARCH_PAGE (self), NULL);

  selected = gtk_drop_down_get_selected (self->org_dropdown);
  list = vt_ghent_get_organisations (&n);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > n)
    return NULL;

  return list[selected - 1].abbreviation;
}

/**
 * vt_search_page_set_organisation:
 * @organisation: (nullable): an abbreviation such as "dmg", or %NULL for all
 */
void
vt_search_page_set_organisation (VtSearchPage *self,
                                 const char   *organisation)
{
  const VtGhentOrganisation *list;
  guint n;
  guint selected = 0;

  g_return_if_fail (VT_IS_SEARCH_PAGE (self));

  list = vt_ghent_get_organisations (&n);
  for (guint i = 0; organisation != NULL && i < n; i++)
    if (g_str_equal (list[i].abbreviation, organisation))
      selected = i + 1;

  gtk_drop_down_set_selected (self->org_dropdown, selected);
}

/* `dmg:1987-1049`: an organisation's abbreviation, a colon and a number. */
static gboolean
is_object_id (const char *text)
{
  const char *colon = strchr (text, ':');
  g_autofree char *prefix = NULL;

  if (colon == NULL || colon == text || colon[1] == '\0' || strpbrk (text, " \t/") != NULL)
    return FALSE;

  prefix = g_strndup (text, colon - text);
  return vt_ghent_lookup_organisation (prefix) != NULL;
}

/**
 * vt_search_page_activate:
 *
 * What Enter in the entry does: an exact object number (`dmg:1987-1049`,
 * or a number the catalogue knows) opens that object at once; otherwise
 * the selected result opens.
 */
void
vt_search_page_activate (VtSearchPage *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) results = NULL;
  VtCatalogue *catalogue;
  guint selected;

  g_return_if_fail (VT_IS_SEARCH_PAGE (self));

  text = g_strstrip (g_strdup (vt_search_page_get_text (self)));
  if (*text == '\0')
    return;

  if (is_object_id (text))
    {
      g_signal_emit (self, signals[OPEN_OBJECT], 0, text);
      return;
    }

  /* Enter may come before the pause after the last keystroke is over: the
   * number typed must still win over whatever was shown for less of it. */
  catalogue = get_catalogue (self);
  if (catalogue != NULL)
    results = vt_catalogue_search (catalogue, text, vt_search_page_get_organisation (self),
                                   VT_SEARCH_PAGE_MAX_RESULTS, NULL);
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      VtCatalogueRecord *record = g_ptr_array_index (results, i);

      if (g_ascii_strcasecmp (record->object_number, text) == 0)
        {
          open_record (self, record);
          return;
        }
    }

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION && g_str_equal (self->state, "results"))
    result_activated_cb (self, selected);
}

const char *
vt_search_page_get_state (VtSearchPage *self)
{
  g_return_val_if_fail (VT_IS_SEARCH_PAGE (self), NULL);

  return self->state;
}

/**
 * vt_search_page_get_updated_text:
 *
 * Returns: (nullable): what the page says of the catalogue's last update
 */
const char *
vt_search_page_get_updated_text (VtSearchPage *self)
{
  g_return_val_if_fail (VT_IS_SEARCH_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->updated_label)))
    return NULL;

  return gtk_label_get_text (self->updated_label);
}

guint
vt_search_page_get_n_results (VtSearchPage *self)
{
  g_return_val_if_fail (VT_IS_SEARCH_PAGE (self), 0);

  return self->results != NULL && g_str_equal (self->state, "results") ? self->results->len : 0;
}

/**
 * vt_search_page_get_result:
 *
 * Returns: (transfer none): the result at @index, in the order shown
 */
VtCatalogueRecord *
vt_search_page_get_result (VtSearchPage *self,
                           guint         index)
{
  g_return_val_if_fail (VT_IS_SEARCH_PAGE (self), NULL);
  g_return_val_if_fail (index < vt_search_page_get_n_results (self), NULL);

  return g_ptr_array_index (self->results, index);
}

/**
 * vt_search_page_get_n_thumbnails:
 *
 * Returns: how many thumbnails of the results shown have loaded
 */
guint
vt_search_page_get_n_thumbnails (VtSearchPage *self)
{
  guint n = 0;

  g_return_val_if_fail (VT_IS_SEARCH_PAGE (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      n += vt_search_result_item_get_texture (item) != NULL;
    }

  return n;
}

/**
 * vt_search_page_is_searching:
 *
 * Returns: whether what is shown may still change for the text typed: the
 *   entry's pause is not over, or the search for it is under way
 */
gboolean
vt_search_page_is_searching (VtSearchPage *self)
{
  g_return_val_if_fail (VT_IS_SEARCH_PAGE (self), FALSE);

  return self->pending || self->searching;
}
