#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Set up a Debian machine, build Lumbar in ./build and run it from the build
# tree, without installing. Arguments go to the app (e.g. FILE…, --summary).
#
# Usage: bash build-aux/run-app.sh [LUMBAR-ARGS…]

set -euo pipefail

srcdir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$srcdir"
builddir="build"

bash build-aux/setup-debian.sh

if [ ! -f "$builddir/meson-private/coredata.dat" ]; then
  meson setup "$builddir"
fi
meson compile -C "$builddir"

# Uninstalled run: the GSettings schema is compiled into <build>/data, the
# translations into <build>/po, and data/icons is a hicolor icon theme tree.
export GSETTINGS_SCHEMA_DIR="$srcdir/$builddir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export LUMBAR_LOCALEDIR="$srcdir/$builddir/po"
export XDG_DATA_DIRS="$srcdir/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

exec "$srcdir/$builddir/ui/lumbar" "$@"
