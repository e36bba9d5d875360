#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run the README's test command inside another Debian release: a minimal
# system made with debootstrap from Debian's archive, kept in a cache folder
# and reused, with /proc, /dev and /sys mounted while it runs. The source
# tree (what git tracks, plus uncommitted changes) is copied in fresh each
# time, so nothing of this tree's ./build is reused. Needs root.
#
# Usage: bash build-aux/run-tests-debian.sh [RELEASE] [MESON-TEST-ARGS…]
#   RELEASE: a Debian code name, trixie (Debian 13) by default
#   LUMBAR_CHROOT_CACHE: where the systems are kept (/var/cache/lumbar-ci)
#
# Like run-tests.sh, its last line is "N passed, N failed" and its exit
# status is that of meson test inside the system.

set -euo pipefail

srcdir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
release="${1:-trixie}"
shift || true
cache="${LUMBAR_CHROOT_CACHE:-/var/cache/lumbar-ci}"
root="$cache/$release"
mirror="http://deb.debian.org/debian"

if [ "$(id -u)" -ne 0 ]; then
  echo "run-tests-debian.sh: needs root (debootstrap and chroot)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

if ! command -v debootstrap >/dev/null 2>&1 || [ ! -f "/usr/share/debootstrap/scripts/$release" ]; then
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    apt-get update -q
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap ||
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap; }
fi

# A system is complete only once debootstrap has finished: it is made
# beside the cache and renamed into place, so an interrupted run leaves
# nothing half-made to reuse.
if [ ! -x "$root/usr/bin/apt-get" ]; then
  mkdir -p "$cache"
  rm -rf "$root.new"
  echo "run-tests-debian.sh: making a Debian $release system in $root"
  debootstrap --variant=minbase "$release" "$root.new" "$mirror"
  mv "$root.new" "$root"
fi

mounted=()
cleanup () {
  # Anything the tests left running inside keeps the mounts busy.
  for pid_root in /proc/[0-9]*/root; do
    if [ "$(readlink "$pid_root" 2>/dev/null)" = "$root" ]; then
      pid="${pid_root#/proc/}"
      kill -9 "${pid%/root}" 2>/dev/null || true
    fi
  done
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -R -l "${mounted[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

for fs in proc sys dev; do
  if ! mountpoint -q "$root/$fs"; then
    case "$fs" in
      proc) mount -t proc proc "$root/proc" ;;
      sys) mount -t sysfs sysfs "$root/sys" ;;
      dev) mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" ;;
    esac
    mounted+=("$root/$fs")
  fi
done
cp -L /etc/resolv.conf "$root/etc/resolv.conf"

# The tree as it is now: tracked files with their uncommitted changes,
# and new files not yet added, but never a build folder.
rm -rf "$root/src"
mkdir -p "$root/src"
(cd "$srcdir" && git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do
    [ -e "$file" ] && printf '%s\0' "$file"
  done | tar -c --no-recursion --null -T - -f -) | tar -x -C "$root/src"
# The FHIR schema validator is plain JavaScript: bring this machine's copy
# rather than install npm in there too.
if [ -d "$srcdir/tests/fhir/node_modules" ]; then
  cp -a "$srcdir/tests/fhir/node_modules" "$root/src/tests/fhir/"
fi

rc=0
chroot "$root" /usr/bin/env -i \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  HOME=/root TERM="${TERM:-dumb}" \
  bash -c 'cd /src && bash build-aux/run-tests.sh "$@"' run-tests "$@" || rc=$?

# The testlog stays inside for .ci/run to count.
exit "$rc"
