/* vt-find-bar.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vt-find-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "net/vt-ghent-catalogue.h"

#include "vt-accessible.h"
#include "vt-find-bar.h"
#include "vt-object-grid.h"
#include "vt-text.h"

/* The header's way to an object: the organisation picker, the entry for an
 * object number or an address, and the recent objects. It says what is on
 * screen (a Ghent object as organisation and number, anything else as its
 * address or path with no organisation) and hands what the user types to
 * the window through ::activate. */

#define MAX_RECENT 20
/* Abbreviations this long or shorter are never cut. */
#define MAX_WHOLE_ABBREVIATION 5

struct _VtFindBar
{
  AdwBin       parent_instance;

  GSettings   *settings;

  /* Template widgets */
  GtkDropDown *organisation_dropdown;
  GtkEntry    *object_entry;
  GtkMenuButton *recent_button;
  GMenu       *recent_section;
  GMenuModel  *recent_menu;

  guint        inhibit_organisation_changed : 1;
  guint        compact : 1;
};

G_DEFINE_FINAL_TYPE (VtFindBar, vt_find_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const VtGhentOrganisation *
get_selected (VtFindBar *self)
{
  guint n_orgs;
  const VtGhentOrganisation *orgs = vt_ghent_get_organisations (&n_orgs);
  guint selected = gtk_drop_down_get_selected (self->organisation_dropdown);

  return selected < n_orgs ? &orgs[selected] : NULL;
}

static void
select_organisation (VtFindBar  *self,
                     const char *abbreviation)
{
  guint n_orgs;
  const VtGhentOrganisation *orgs = vt_ghent_get_organisations (&n_orgs);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; abbreviation != NULL && i < n_orgs; i++)
    if (g_strcmp0 (orgs[i].abbreviation, abbreviation) == 0)
      position = i;

  self->inhibit_organisation_changed = TRUE;
  gtk_drop_down_set_selected (self->organisation_dropdown, position);
  self->inhibit_organisation_changed = FALSE;
}

static void
organisation_selected_cb (VtFindBar *self)
{
  const VtGhentOrganisation *org = get_selected (self);

  if (org != NULL && !self->inhibit_organisation_changed)
    g_settings_set_string (self->settings, "last-organisation", org->abbreviation);
}

/* The picker's items are abbreviations; these show them. */

static const VtGhentOrganisation *
item_get_organisation (GtkListItem *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  return string ? vt_ghent_lookup_organisation (gtk_string_object_get_string (string)) : NULL;
}

/* "Industriemuseum" says "industriemuseum" already: the abbreviation is
 * worth showing beside a name only when it reads differently ("dmg"). */
static gboolean
abbreviation_is_redundant (const VtGhentOrganisation *org)
{
  g_autoptr(GString) squashed = g_string_new (NULL);

  for (const char *p = vt_ghent_organisation_get_display_name (org); *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (squashed, g_ascii_tolower (*p));

  return g_ascii_strcasecmp (squashed->str, org->abbreviation) == 0;
}

static GtkWidget *
new_ellipsized_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* A longer name never makes the header, and so the window, wider:
   * short of room, it is cut instead. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/* The button: the organisation's name, or its abbreviation ("dmg") while
 * the bar is compact. */
static void
button_setup_cb (VtFindBar                *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = new_ellipsized_label ();
  GtkWidget *abbreviation = new_ellipsized_label ();

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), abbreviation);
  g_object_bind_property (self, "compact", name, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self, "compact", abbreviation, "visible", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, box);
}

static void
button_bind_cb (VtFindBar                *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  const VtGhentOrganisation *org = item_get_organisation (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *abbreviation = gtk_widget_get_next_sibling (name);

  gtk_label_set_text (GTK_LABEL (name), org ? vt_ghent_organisation_get_display_name (org) : "");
  gtk_label_set_text (GTK_LABEL (abbreviation), org ? org->abbreviation : "");
  /* "dmg" is read whole; only a long one ("industriemuseum") is cut. */
  if (org != NULL && strlen (org->abbreviation) <= MAX_WHOLE_ABBREVIATION)
    gtk_label_set_ellipsize (GTK_LABEL (abbreviation), PANGO_ELLIPSIZE_NONE);
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (abbreviation), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (abbreviation), MAX_WHOLE_ABBREVIATION);
    }
}

/* The list: each name, and its abbreviation, dimmed, where it tells
 * something the name does not. */
static void
row_setup_cb (VtFindBar                *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *abbreviation = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (abbreviation, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), abbreviation);
  gtk_list_item_set_child (item, box);
}

static void
row_bind_cb (VtFindBar                *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  const VtGhentOrganisation *org = item_get_organisation (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *abbreviation = gtk_widget_get_next_sibling (name);

  gtk_label_set_text (GTK_LABEL (name), org ? vt_ghent_organisation_get_display_name (org) : "");
  gtk_label_set_text (GTK_LABEL (abbreviation), org ? org->abbreviation : "");
  gtk_widget_set_visible (abbreviation, org != NULL && !abbreviation_is_redundant (org));
}

/* GtkDropDown says "(None)" while nothing is picked (an address is on
 * screen), in a label of its own that does not ellipsize: it would widen
 * a narrow window. */
static void
ellipsize_placeholder (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && GTK_IS_STACK (widget))
        {
          /* "(None)" reads like an error; the picker invites a choice. */
          gtk_label_set_text (GTK_LABEL (child), _("Organisation"));
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (child), 3);
        }
      else
        ellipsize_placeholder (child);
    }
}

gboolean
vt_find_bar_get_compact (VtFindBar *self)
{
  g_return_val_if_fail (VT_IS_FIND_BAR (self), FALSE);

  return self->compact;
}

/**
 * vt_find_bar_set_compact:
 * @compact: whether the bar is short of room
 *
 * A compact bar, for a narrow window, shows the picked organisation by its
 * abbreviation ("dmg", as typed before an object number) instead of its
 * name.
 */
void
vt_find_bar_set_compact (VtFindBar *self,
                         gboolean   compact)
{
  g_return_if_fail (VT_IS_FIND_BAR (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  /* The recent objects move to the window's menu
   * (vt_find_bar_get_recent_menu()), and the entry's search icon goes:
   * the entry is what is left of the room. */
  gtk_widget_set_visible (GTK_WIDGET (self->recent_button), !compact);
  gtk_drop_down_set_show_arrow (self->organisation_dropdown, !compact);
  gtk_widget_set_margin_start (GTK_WIDGET (self), compact ? 0 : 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self), compact ? 0 : 6);
  gtk_entry_set_icon_from_icon_name (self->object_entry, GTK_ENTRY_ICON_PRIMARY,
                                     compact ? NULL : "system-search-symbolic");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/**
 * vt_find_bar_get_recent_menu:
 *
 * Returns: (transfer none): the menu of recent objects, for a compact bar
 *   that does not show its own button for it
 */
GMenuModel *
vt_find_bar_get_recent_menu (VtFindBar *self)
{
  g_return_val_if_fail (VT_IS_FIND_BAR (self), NULL);

  return self->recent_menu;
}

static void
set_text (VtFindBar  *self,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->object_entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->object_entry), -1);
}

/**
 * vt_find_bar_show_viewing:
 * @viewing: (nullable): the object on screen, or %NULL for none
 *
 * Makes the bar say what is on screen.
 */
void
vt_find_bar_show_viewing (VtFindBar *self,
                          VtViewing *viewing)
{
  const VtTarget *target = viewing ? vt_viewing_get_target (viewing) : NULL;

  g_return_if_fail (VT_IS_FIND_BAR (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->object_entry), "error");

  if (viewing == NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-organisation");

      select_organisation (self, last);
      set_text (self, NULL);
      return;
    }

  if (target == NULL)
    {
      /* Input that names nothing stays in the entry, marked, to be fixed. */
      set_text (self, vt_viewing_get_input (viewing));
      gtk_widget_add_css_class (GTK_WIDGET (self->object_entry), "error");
      return;
    }

  switch (target->kind)
    {
    case VT_TARGET_GHENT:
      select_organisation (self, target->organisation);
      set_text (self, target->number);
      break;

    case VT_TARGET_FILE:
      {
        g_autofree char *path = g_filename_from_uri (target->uri, NULL, NULL);

        select_organisation (self, NULL);
        set_text (self, path ? path : target->uri);
      }
      break;

    case VT_TARGET_URL:
    default:
      select_organisation (self, NULL);
      set_text (self, target->uri);
      break;
    }
}

/**
 * vt_find_bar_get_organisation:
 *
 * Returns: (nullable): the abbreviation of the organisation the picker
 *   shows, or %NULL when it shows none
 */
const char *
vt_find_bar_get_organisation (VtFindBar *self)
{
  const VtGhentOrganisation *org;

  g_return_val_if_fail (VT_IS_FIND_BAR (self), NULL);

  org = get_selected (self);

  return org ? org->abbreviation : NULL;
}

/**
 * vt_find_bar_dup_default_organisation:
 *
 * Returns: (transfer full): the organisation a bare number belongs to: the
 *   one picked, or, while the picker shows none (an address or a file is
 *   on screen), the last one picked
 */
char *
vt_find_bar_dup_default_organisation (VtFindBar *self)
{
  const VtGhentOrganisation *org;

  g_return_val_if_fail (VT_IS_FIND_BAR (self), NULL);

  org = get_selected (self);
  if (org != NULL)
    return g_strdup (org->abbreviation);

  return g_settings_get_string (self->settings, "last-organisation");
}

const char *
vt_find_bar_get_text (VtFindBar *self)
{
  g_return_val_if_fail (VT_IS_FIND_BAR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->object_entry));
}

void
vt_find_bar_focus (VtFindBar *self)
{
  g_return_if_fail (VT_IS_FIND_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->object_entry));
}

static void
reload_recent (VtFindBar *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-objects");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *location = NULL;
      g_autofree char *saved_title = NULL;
      g_autofree char *thumbnail_url = NULL;
      const char *title;
      g_autofree char *label = NULL;

      if (!vt_recent_entry_parse (recent[i], &location, &saved_title, &thumbnail_url))
        continue;
      title = saved_title != NULL ? saved_title : location;

      /* Mnemonic underscores in titles would otherwise vanish. Entries
       * saved before titles were capped may be of any length. */
      label = g_strdelimit (vt_text_ellipsize (title, VT_TEXT_MAX_TITLE_CHARS), "_", ' ');
      if (g_strcmp0 (title, location) != 0)
        {
          g_autofree char *short_title = vt_text_ellipsize (title, VT_TEXT_MAX_TITLE_CHARS);

          g_free (label);
          label = g_strdup_printf ("%s — %s", short_title, location);
        }

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-input",
                                               g_variant_new_string (location));
      g_menu_append_item (self->recent_section, item);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->recent_button), recent[0] != NULL);
}

/**
 * vt_find_bar_add_recent:
 * @title: (nullable): the object's title
 * @thumbnail_url: (nullable): where a thumbnail of it is
 *
 * Puts @location first in the recent objects, with the title it had and
 * its thumbnail's address, so that the menu and the welcome page read as
 * a list of objects rather than of addresses.
 */
void
vt_find_bar_add_recent (VtFindBar  *self,
                        const char *location,
                        const char *title,
                        const char *thumbnail_url)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autofree char *entry = NULL;
  guint n = 1;

  g_return_if_fail (VT_IS_FIND_BAR (self));
  g_return_if_fail (location != NULL);

  recent = g_settings_get_strv (self->settings, "recent-objects");
  entry = vt_recent_entry_new (location, title, thumbnail_url);
  g_strv_builder_add (builder, entry);

  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      g_auto(GStrv) parts = g_strsplit (recent[i], "\t", 2);

      if (g_strcmp0 (parts[0], location) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-objects", (const char * const *) updated);
}

static void
object_entry_activate_cb (VtFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->object_entry));

  if (*text != '\0')
    g_signal_emit (self, signals[ACTIVATE], 0, text);
}

static void
object_entry_changed_cb (VtFindBar *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->object_entry), "error");
}

static void
vt_find_bar_dispose (GObject *object)
{
  VtFindBar *self = VT_FIND_BAR (object);

  g_clear_object (&self->settings);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_FIND_BAR);

  G_OBJECT_CLASS (vt_find_bar_parent_class)->dispose (object);
}

static void
vt_find_bar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VtFindBar *self = VT_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_find_bar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VtFindBar *self = VT_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      vt_find_bar_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_find_bar_class_init (VtFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_find_bar_dispose;
  object_class->get_property = vt_find_bar_get_property;
  object_class->set_property = vt_find_bar_set_property;

  /**
   * VtFindBar:compact:
   *
   * Whether the bar is short of room: it then shows the organisation by
   * its abbreviation.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtFindBar::activate:
   * @text: what the user typed
   *
   * The user asked to open @text.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/vt-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, VtFindBar, object_entry);
  gtk_widget_class_bind_template_child (widget_class, VtFindBar, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtFindBar, recent_button);
  gtk_widget_class_bind_template_child (widget_class, VtFindBar, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, VtFindBar, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, object_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, object_entry_changed_cb);
}

static void
vt_find_bar_init (VtFindBar *self)
{
  g_autoptr(GtkStringList) abbreviations = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) row_factory = gtk_signal_list_item_factory_new ();
  guint n_orgs;
  const VtGhentOrganisation *orgs = vt_ghent_get_organisations (&n_orgs);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);

  for (guint i = 0; i < n_orgs; i++)
    gtk_string_list_append (abbreviations, orgs[i].abbreviation);

  g_signal_connect_object (button_factory, "setup", G_CALLBACK (button_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (button_factory, "bind", G_CALLBACK (button_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row_factory, "setup", G_CALLBACK (row_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row_factory, "bind", G_CALLBACK (row_bind_cb), self, G_CONNECT_SWAPPED);
  gtk_drop_down_set_factory (self->organisation_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->organisation_dropdown, row_factory);
  ellipsize_placeholder (GTK_WIDGET (self->organisation_dropdown));

  self->inhibit_organisation_changed = TRUE;
  gtk_drop_down_set_model (self->organisation_dropdown, G_LIST_MODEL (abbreviations));
  self->inhibit_organisation_changed = FALSE;

  /* The button inside the drop-down is what takes the focus; unnamed, a
   * screen reader calls it "GtkToggleButton". */
  vt_accessible_set_label (gtk_widget_get_first_child (GTK_WIDGET (self->organisation_dropdown)),
                           _("Organisation"));
  /* Its tooltip is its name. */
  vt_accessible_drop_tooltip_description (GTK_WIDGET (self->organisation_dropdown));

  g_signal_connect_object (self->organisation_dropdown, "notify::selected",
                           G_CALLBACK (organisation_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-objects",
                           G_CALLBACK (reload_recent), self, G_CONNECT_SWAPPED);

  reload_recent (self);
  vt_find_bar_show_viewing (self, NULL);
}
