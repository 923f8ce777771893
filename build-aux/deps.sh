# Sourced by build-aux/run and build-aux/test: installs the Debian 12
# packages Vitrine needs, and only those that are missing, so that a second
# run needs no network at all.
# SPDX-License-Identifier: GPL-3.0-or-later

VITRINE_BUILD_PACKAGES="meson ninja-build gcc pkg-config gettext git
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libvips-dev libxml2-dev libturbojpeg0-dev libsqlite3-dev glib-networking gsettings-desktop-schemas
  adwaita-icon-theme fonts-cantarell desktop-file-utils
  libgtk-4-media-gstreamer gstreamer1.0-plugins-base gstreamer1.0-plugins-good"

# What the test suite and the demo need on top: the real servers of the
# local IIIF test bed, a display and a session bus, the validators, the
# libvips command line for the fixtures, clang for the fuzzers, djpeg
# for the benchmark's baseline, the AT-SPI bindings the accessibility
# test reads the application through, openssl for the test bed's HTTPS
# side, exiv2 to read back what an export embeds, xdotool to open the
# dialogs that build-aux/screenshots shows, and gst-launch-1.0 for the
# sound and video clips of the media test.
VITRINE_TEST_PACKAGES="appstream xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0
  lighttpd lighttpd-mod-openssl openssl iipimage-server libvips-tools imagemagick python3 valgrind
  clang libclang-rt-14-dev libjpeg-turbo-progs sqlite3 exiv2 xdotool gstreamer1.0-tools"

vitrine_install_packages ()
{
  local missing=()
  local pkg

  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
      missing+=("$pkg")
    fi
  done

  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi

  echo "Installing ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}
