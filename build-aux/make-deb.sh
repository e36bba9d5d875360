#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build Lumbar's Debian package, lumbar_VERSION_ARCH.deb, into OUTDIR, and
# check it with lintian (which must find no errors).
#
# The packaging lives in build-aux/debian/, since the source's top level is
# fixed: the tree as it is now (what git tracks, with uncommitted changes,
# and new files not yet added, but never a build folder) is copied to a
# temporary folder, build-aux/debian/ becomes its debian/, and
# dpkg-buildpackage builds the binary package there with debhelper's meson
# build system. The package's version is build-aux/debian/changelog's.
# Tests are not run in the package build (CI runs them under Xvfb).
#
# Installs what it needs first (debhelper, dpkg-dev, fakeroot, lintian and
# the Build-Depends of build-aux/debian/control), as root or through sudo.
#
# Usage: bash build-aux/make-deb.sh OUTDIR
#   Install the result with: sudo apt install ./OUTDIR/lumbar_*.deb
#   LUMBAR_DEB_LINTIAN=0 skips lintian (the package test checks files only).

set -euo pipefail

if [ "$#" -ne 1 ]; then
  echo "usage: bash build-aux/make-deb.sh OUTDIR" >&2
  exit 2
fi

srcdir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
outdir="$(cd "$1" && pwd)"

as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "make-deb.sh: run as root (or install sudo) to install packages" >&2
    exit 1
  fi
}

# apt-get with the lists refreshed only when they are missing or an install
# from them fails, as build-aux/setup-debian.sh does.
apt_install () {
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    as_root apt-get update -q
  fi
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get "$@"; then
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "$@"
  fi
}

tools=(debhelper dpkg-dev fakeroot)
[ "${LUMBAR_DEB_LINTIAN:-1}" = 0 ] || tools+=(lintian)
if ! dpkg -s "${tools[@]}" >/dev/null 2>&1; then
  apt_install install -y -q --no-install-recommends "${tools[@]}"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/lumbar-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tree="$work/lumbar"
mkdir -p "$tree"

# The tree as it is now, like build-aux/run-tests-debian.sh copies it, but
# for packages built earlier (the README builds them into the clone). A
# copy without git (the one run-tests-debian.sh makes, say) is taken whole
# but for build folders and what .gitignore leaves out.
if [ "$(git -C "$srcdir" rev-parse --show-toplevel 2>/dev/null)" = "$srcdir" ]; then
  (cd "$srcdir" && git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do
      case "$file" in *.deb) continue ;; esac
      [ -e "$file" ] && printf '%s\0' "$file"
    done | tar -c --no-recursion --null -T - -f -) | tar -x -C "$tree"
else
  excludes=(--exclude=./.git --exclude=./tests/fhir/node_modules --exclude=__pycache__
            --exclude='*.mo' --exclude=./po/lumbar.pot --exclude='*.deb')
  for dir in "$srcdir"/*/; do
    if [ -d "$dir/meson-private" ] || [ -d "$dir/meson-info" ]; then
      excludes+=("--exclude=./$(basename "$dir")")
    fi
  done
  (cd "$srcdir" && tar -c "${excludes[@]}" -f - .) | tar -x -C "$tree"
fi
rm -rf "$tree/debian"
cp -a "$srcdir/build-aux/debian" "$tree/debian"

cd "$tree"
if ! dpkg-checkbuilddeps >/dev/null 2>&1; then
  apt_install build-dep -y -q "$tree"
fi

version="$(dpkg-parsechangelog -S Version)"
arch="$(dpkg-architecture -q DEB_HOST_ARCH)"
deb="lumbar_${version}_${arch}.deb"
meson_version="$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" meson.build | head -n 1)"
if [ "$meson_version" != "$version" ]; then
  echo "make-deb.sh: warning: meson.build says version $meson_version," \
    "build-aux/debian/changelog $version" >&2
fi

# No -dbgsym package: only lumbar_*.deb is kept.
DEB_BUILD_OPTIONS="nocheck noautodbgsym parallel=$(nproc) ${DEB_BUILD_OPTIONS:-}" \
  dpkg-buildpackage --build=binary --no-sign

mv "$work/$deb" "$outdir/$deb"

if [ "${LUMBAR_DEB_LINTIAN:-1}" != 0 ]; then
  # Errors fail the build; warnings and the rest are printed.
  lintian --fail-on error --display-info "$outdir/$deb"
fi

echo "$outdir/$deb"
