/* test-window-adaptive.c
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "app/vt-application.h"
#include "app/vt-window.h"
#include "net/vt-ghent-catalogue.h"
#include "vt-testbed.h"

/* The window fits a phone-sized screen: whatever it shows (the welcome
 * page with any organisation picked, loading, the viewer with and without
 * its sidebar, a long object's description, a collection, the error
 * pages), in whatever language the test runs in (meson runs it in English,
 * Dutch and French), its minimum width is at most NARROW px, so the user
 * can always make it that narrow; and made that narrow, no widget of the
 * header draws over another. The header's entry stays where it is from
 * one state to the next. */

#define NARROW 360
/* Wider than this, the window shows its wide layout (vt-window.c's
 * NARROW_WIDTH): whose minimum must be below it, or a user could never
 * shrink the window into the narrow one. */
#define NARROW_WIDTH 600
#define WIDE 1280
#define HEIGHT 800

typedef struct
{
  VtTestbed     *testbed;
  VtApplication *app;
  VtWindow      *window;
  char          *dir;
  GString       *report;
  guint          failures;
} Fixture;

static guint app_serial;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.AdaptiveTest%u", APP_ID, ++app_serial);

  f->testbed = vt_testbed_start_or_skip ();
  if (f->testbed == NULL)
    return;

  g_setenv ("VITRINE_GHENT_API", vt_testbed_get_base_url (f->testbed), TRUE);
  f->dir = g_dir_make_tmp ("vitrine-adaptive-XXXXXX", &error);
  g_assert_no_error (error);
  f->report = g_string_new (NULL);

  f->app = vt_application_new ();
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);

  f->window = vt_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), WIDE, HEIGHT);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  if (f->dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

      (void) system (command);
      g_free (f->dir);
    }
  if (f->report != NULL)
    g_string_free (f->report, TRUE);
  g_clear_pointer (&f->testbed, vt_testbed_free);
}

/* Lets the window lay out and draw what it shows now. */
static void
draw_frames (Fixture *f)
{
  for (guint i = 0; i < 4; i++)
    {
      gint64 until = g_get_monotonic_time () + 30 * 1000;

      gtk_widget_queue_draw (GTK_WIDGET (f->window));
      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
}

static void
open_and_wait (Fixture    *f,
               const char *input,
               const char *expected_state)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  vt_window_open_input (f->window, input);
  while (g_strcmp0 (vt_window_get_state_name (f->window), "loading") == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out opening %s", input);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  if (g_strcmp0 (vt_window_get_state_name (f->window), expected_state) != 0)
    g_error ("%s: expected state %s, got %s", input, expected_state,
             vt_window_get_state_name (f->window));
  draw_frames (f);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_header_bar (Fixture *f)
{
  GtkWidget *header = find_descendant (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);

  g_assert_nonnull (header);
  return header;
}

static GtkDropDown *
get_organisation_picker (Fixture *f)
{
  GtkWidget *dropdown = find_descendant (get_header_bar (f), GTK_TYPE_DROP_DOWN);

  g_assert_nonnull (dropdown);
  return GTK_DROP_DOWN (dropdown);
}

/* The minimum width of what the window shows (the window itself adds
 * its client-side shadow, which is not part of its width). */
static int
measure_minimum (Fixture *f)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  int minimum = 0;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The window's width on screen, its surface's, which includes what the
 * window draws around its content (shadow, border). */
static int
get_window_width (Fixture *f)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (f->window)));
}

/* Resizes the window to @width and waits until it has that width, asking
 * again as a user dragging its edge would: the window may first reach a
 * width between, where it takes its narrow layout and can shrink more. */
static void
resize (Fixture *f,
        int      width)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  gint64 ask = 0;

  while (get_window_width (f) != width &&
         g_get_monotonic_time () < deadline)
    {
      if (g_get_monotonic_time () > ask)
        {
          /* A different size each time, or GTK sees nothing to do. */
          gtk_window_set_default_size (GTK_WINDOW (f->window), width + 1, HEIGHT);
          gtk_window_set_default_size (GTK_WINDOW (f->window), width, HEIGHT);
          ask = g_get_monotonic_time () + 100 * 1000;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (500);
    }
  draw_frames (f);
}

/* The controls of the header a user sees and clicks: buttons, the picker,
 * the entry. Their parts (a button's label) are not separate controls. */
static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
      GTK_IS_ENTRY (widget))
    {
      g_ptr_array_add (controls, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

/* Made @width px wide, no control of the header overlaps another, and all
 * of them lie inside the window. */
static void
check_header (Fixture    *f,
              const char *state,
              int         width)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  GtkWidget *window = GTK_WIDGET (f->window);

  collect_controls (get_header_bar (f), controls);
  if (controls->len < 3)
    {
      g_string_append_printf (f->report, "  %s at %d px: only %u header controls are mapped\n",
                              state, width, controls->len);
      f->failures++;
    }

  for (guint i = 0; i < controls->len; i++)
    {
      graphene_rect_t a;

      g_assert_true (gtk_widget_compute_bounds (controls->pdata[i], window, &a));
      if (a.origin.x < 0 || a.origin.x + a.size.width > width + 0.5 || a.size.width < 1)
        {
          g_string_append_printf (f->report, "  %s at %d px: %s lies at %.0f…%.0f px\n", state, width,
                                  G_OBJECT_TYPE_NAME (controls->pdata[i]), a.origin.x,
                                  a.origin.x + a.size.width);
          f->failures++;
        }

      for (guint j = i + 1; j < controls->len; j++)
        {
          graphene_rect_t b, overlap;

          g_assert_true (gtk_widget_compute_bounds (controls->pdata[j], window, &b));
          if (graphene_rect_intersection (&a, &b, &overlap) &&
              /* Linked buttons share their border. */
              overlap.size.width > 1.5 && overlap.size.height > 1.5)
            {
              g_string_append_printf (f->report, "  %s at %d px: %s (%.0f…%.0f) overlaps %s (%.0f…%.0f)\n",
                                      state, width,
                                      G_OBJECT_TYPE_NAME (controls->pdata[i]),
                                      a.origin.x, a.origin.x + a.size.width,
                                      G_OBJECT_TYPE_NAME (controls->pdata[j]),
                                      b.origin.x, b.origin.x + b.size.width);
              f->failures++;
            }
        }
    }
}

/* VT_DUMP=<part of a state's name> prints the minimum and natural widths
 * of the window's widgets in that state: what to look at when it fails. */
static void
dump_minimums (GtkWidget *widget,
               int        depth)
{
  int min = 0, nat = 0;

  if (depth > 16 || !gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_printerr ("%*s%s %d/%d\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget), min, nat);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dump_minimums (child, depth + 1);
}

/* Measures the window's minimum width in the state it shows, wide, then
 * resizes it to NARROW px, measures it again and checks its header; and
 * goes back to WIDE. */
static void
check_state (Fixture    *f,
             const char *state)
{
  int wide_minimum, narrow_minimum = -1;

  draw_frames (f);
  if (g_getenv ("VT_DUMP") && strstr (state, g_getenv ("VT_DUMP")))
    dump_minimums (GTK_WIDGET (f->window), 0);
  wide_minimum = measure_minimum (f);
  if (wide_minimum >= NARROW_WIDTH)
    f->failures++;

  resize (f, NARROW);
  if (get_window_width (f) != NARROW)
    {
      g_string_append_printf (f->report, "  %s: the window stays %d px wide\n", state,
                              get_window_width (f));
      f->failures++;
    }
  else
    {
      if (g_getenv ("VT_DUMP") && strstr (state, g_getenv ("VT_DUMP")))
        dump_minimums (GTK_WIDGET (f->window), 0);
      narrow_minimum = measure_minimum (f);
      if (narrow_minimum > NARROW)
        f->failures++;
      check_header (f, state, NARROW);
    }
  g_string_append_printf (f->report, "%-52s wide %4d px, narrow %4d px\n",
                          state, wide_minimum, narrow_minimum);
  resize (f, WIDE);
}

static void
pick_organisations (Fixture    *f,
                    const char *state)
{
  GtkDropDown *picker = get_organisation_picker (f);
  guint n_orgs;
  const VtGhentOrganisation *orgs = vt_ghent_get_organisations (&n_orgs);

  for (guint i = 0; i < n_orgs; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s, %s picked", state, orgs[i].abbreviation);

      gtk_drop_down_set_selected (picker, i);
      check_state (f, name);
    }
}

static char *
write_long_manifest (Fixture *f)
{
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *image = vt_testbed_get_url (f->testbed, VT_TESTBED_STATIC_IMAGE);
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (f->dir, "long.json", NULL);
  g_autoptr(GError) error = NULL;

  /* Unbroken runs, as inventory numbers and addresses are. */
  while (word->len < 600)
    g_string_append (word, "Tentoonstellingscatalogus");

  json = g_strdup_printf (
    "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
    "\"id\":\"https://example.org/long/manifest\",\"type\":\"Manifest\","
    "\"label\":{\"nl\":[\"%s\"]},"
    "\"summary\":{\"nl\":[\"%s %s\"]},"
    "\"metadata\":["
    "{\"label\":{\"nl\":[\"%s\"]},\"value\":{\"nl\":[\"%s\"]}},"
    "{\"label\":{\"nl\":[\"Vervaardiger\"]},\"value\":{\"nl\":[\"https://example.org/%s\"]}}],"
    "\"requiredStatement\":{\"label\":{\"nl\":[\"Attributie\"]},\"value\":{\"nl\":[\"%s\"]}},"
    "\"rights\":\"http://creativecommons.org/publicdomain/zero/1.0/\","
    "\"items\":["
    "{\"id\":\"https://example.org/long/c1\",\"type\":\"Canvas\",\"label\":{\"none\":[\"%s\"]},"
    "\"width\":1200,\"height\":800,\"items\":[{\"id\":\"https://example.org/long/p1\","
    "\"type\":\"AnnotationPage\",\"items\":[{\"id\":\"https://example.org/long/a1\","
    "\"type\":\"Annotation\",\"motivation\":\"painting\",\"target\":\"https://example.org/long/c1\","
    "\"body\":{\"id\":\"%s\",\"type\":\"Image\",\"format\":\"image/jpeg\",\"width\":1200,\"height\":800}}]}]}"
    "]}",
    word->str, word->str, word->str, word->str, word->str, word->str, word->str, word->str, image);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  return g_filename_to_uri (path, NULL, NULL);
}

static void
test_minimum_width (Fixture       *f,
                    gconstpointer  user_data)
{
  g_autofree char *collection = NULL;
  g_autofree char *long_manifest = NULL;
  g_autofree char *image = NULL;
  g_autofree char *path = NULL;
  const struct {
    const char *input;
    const char *state;
  } objects[] = {
    { VT_TESTBED_OBJECT_DMG, "viewer" },
    { VT_TESTBED_OBJECT_HVA, "viewer" },
    { VT_TESTBED_OBJECT_INDUSTRIEMUSEUM, "viewer" },
    { VT_TESTBED_OBJECT_STAM, "viewer" },
    { VT_TESTBED_OBJECT_ARCHIEFGENT, "viewer" },
    { VT_TESTBED_OBJECT_TWO_CANVASES, "viewer" },
    { VT_TESTBED_OBJECT_IMAGE_FORBIDDEN, "viewer" },
    { VT_TESTBED_OBJECT_FORBIDDEN, "not-public" },
    { VT_TESTBED_OBJECT_MISSING, "not-found" },
    { VT_TESTBED_OBJECT_FAILING, "server-error" },
    { "museum:1234", "invalid-input" },
  };

  if (f->testbed == NULL)
    return;

  g_test_message ("Language: %s (\"Back\" is \"%s\")",
                  g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "(default)", _("Back"));
  /* The translations were found: the window speaks the test's language. */
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "nl") == 0 || g_strcmp0 (g_getenv ("LANGUAGE"), "fr") == 0)
    g_assert_cmpstr (_("Back"), !=, "Back");
  draw_frames (f);

  check_state (f, "welcome");
  pick_organisations (f, "welcome");

  /* Answers after 25 s: loading long enough to be measured. */
  vt_window_open_input (f->window, VT_TESTBED_OBJECT_SLOW);
  g_assert_cmpstr (vt_window_get_state_name (f->window), ==, "loading");
  check_state (f, "loading");
  vt_window_cancel (f->window);
  draw_frames (f);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s (%s)", objects[i].state, objects[i].input);

      open_and_wait (f, objects[i].input, objects[i].state);
      check_state (f, name);
      if (g_str_equal (objects[i].state, "viewer"))
        {
          g_autofree char *other = g_strdup_printf ("%s, sidebar toggled", name);

          gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL);
          check_state (f, other);
          gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL);
        }
    }
  pick_organisations (f, "viewer");

  long_manifest = write_long_manifest (f);
  open_and_wait (f, long_manifest, "viewer");
  check_state (f, "viewer (long object)");

  path = g_build_filename (vt_testbed_get_fixtures_dir (), "portrait.tif", NULL);
  image = g_filename_to_uri (path, NULL, NULL);
  open_and_wait (f, image, "viewer");
  check_state (f, "viewer (local image)");

  collection = vt_testbed_get_url (f->testbed, VT_TESTBED_COLLECTION_GHENT);
  open_and_wait (f, collection, "collection");
  check_state (f, "collection");

  g_test_message ("Minimum widths (must be ≤ %d px):\n%s", NARROW, f->report->str);
  if (f->failures > 0)
    g_error ("%u checks failed:\n%s", f->failures, f->report->str);
}

/* The texts of the mapped labels under @widget, joined by "|". */
static void
collect_label_texts (GtkWidget *widget,
                     GString   *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "|%s", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

/* The window does not grow by itself when another organisation is picked,
 * whatever the length of its name. The picker shows the name alone, not
 * "Industriemuseum (industriemuseum)"; narrow, the abbreviation alone. */
static void
test_organisation_keeps_size (Fixture       *f,
                              gconstpointer  user_data)
{
  GtkDropDown *picker;
  const VtGhentOrganisation *orgs;
  guint n_orgs;

  if (f->testbed == NULL)
    return;

  picker = get_organisation_picker (f);
  orgs = vt_ghent_get_organisations (&n_orgs);
  for (guint width = 700; width >= NARROW; width -= 700 - NARROW)
    {
      resize (f, width);
      for (guint i = 0; i < n_orgs; i++)
        {
          g_autoptr(GString) texts = g_string_new (NULL);
          const char *expected = width == NARROW ? orgs[i].abbreviation
                                                 : vt_ghent_organisation_get_display_name (&orgs[i]);
          g_autofree char *shown = g_strdup_printf ("|%s", expected);

          gtk_drop_down_set_selected (picker, i);
          draw_frames (f);
          g_assert_cmpint (get_window_width (f), ==, width);

          collect_label_texts (GTK_WIDGET (picker), texts);
          g_test_message ("%u px, %s picked: the picker shows %s", width, orgs[i].abbreviation, texts->str);
          g_assert_cmpstr (texts->str, ==, shown);
        }
    }
}

/* The header's title area (the picker, the entry and the recent objects)
 * stays where it is from one page to the next, whatever organisation it
 * shows. */
static void
test_title_steady (Fixture       *f,
                   gconstpointer  user_data)
{
  GtkWidget *entry;
  graphene_rect_t welcome, viewer, error_page, other;

  if (f->testbed == NULL)
    return;

  draw_frames (f);
  entry = gtk_widget_get_parent (GTK_WIDGET (get_organisation_picker (f)));
  g_assert_nonnull (entry);
  /* On a slow build (ASan) the first frames may come before the window's
   * first allocation: measure once the title area has settled. */
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    graphene_rect_t before = GRAPHENE_RECT_INIT (-1, -1, -1, -1);

    for (;;)
      {
        g_assert_true (gtk_widget_compute_bounds (entry, GTK_WIDGET (f->window), &welcome));
        if ((welcome.size.width > 0 && graphene_rect_equal (&welcome, &before)) ||
            g_get_monotonic_time () > deadline)
          break;
        before = welcome;
        draw_frames (f);
      }
  }

  open_and_wait (f, VT_TESTBED_OBJECT_DMG, "viewer");
  g_assert_true (gtk_widget_compute_bounds (entry, GTK_WIDGET (f->window), &viewer));

  open_and_wait (f, VT_TESTBED_OBJECT_MISSING, "not-found");
  g_assert_true (gtk_widget_compute_bounds (entry, GTK_WIDGET (f->window), &error_page));

  open_and_wait (f, VT_TESTBED_OBJECT_INDUSTRIEMUSEUM, "viewer");
  g_assert_true (gtk_widget_compute_bounds (entry, GTK_WIDGET (f->window), &other));

  g_test_message ("Title area: welcome %.0f+%.0f, viewer %.0f+%.0f, error %.0f+%.0f, "
                  "another organisation %.0f+%.0f",
                  welcome.origin.x, welcome.size.width, viewer.origin.x, viewer.size.width,
                  error_page.origin.x, error_page.size.width, other.origin.x, other.size.width);
  g_assert_cmpfloat_with_epsilon (welcome.origin.x, viewer.origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (welcome.size.width, viewer.size.width, 0.5);
  g_assert_cmpfloat_with_epsilon (welcome.origin.x, error_page.origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (welcome.origin.x, other.origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (welcome.size.width, other.size.width, 0.5);
}

/* A window closed narrow opens narrow, as narrow as it was: laid out wide
 * first, it would open as wide as the wide layout needs. */
static void
test_restored_narrow (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = NULL;
  VtWindow *window;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (f->testbed == NULL)
    return;

  settings = g_settings_new (BASE_APP_ID);
  g_settings_set_int (settings, "window-width", NARROW);
  g_settings_set_int (settings, "window-height", HEIGHT);

  window = vt_window_new (f->app);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  draw_frames (f);
  /* The X server's configure event may come a few frames after mapping, on
   * a busy machine; the size it settles on is what counts. */
  while (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))) != NARROW &&
         g_get_monotonic_time () < deadline)
    draw_frames (f);

  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, NARROW);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;
  g_autofree char *cache_dir = NULL;
  int status;

  /* The language comes from the environment (LANGUAGE=nl, fr): the
   * translations are the ones just built. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A cache of our own, so that no earlier run answers for the test bed. */
  cache_dir = g_dir_make_tmp ("vitrine-adaptive-test-XXXXXX", NULL);
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the window tests");
      return 77;
    }
  adw_init ();
  /* GNOME's title buttons (org.gnome.desktop.wm.preferences' default
   * button-layout), not GTK's fallback without a session, which adds
   * Minimize and Maximize. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/vitrine/app/window-adaptive/minimum-width", test_minimum_width);
  ADD ("/vitrine/app/window-adaptive/organisation-keeps-size", test_organisation_keeps_size);
  ADD ("/vitrine/app/window-adaptive/title-steady", test_title_steady);
  ADD ("/vitrine/app/window-adaptive/restored-narrow", test_restored_narrow);
#undef ADD

  status = g_test_run ();
  if (g_str_has_prefix (cache_dir, g_get_tmp_dir ()))
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

      (void) system (command);
    }
  return status;
}
