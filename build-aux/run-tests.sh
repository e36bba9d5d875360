#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Set up a Debian machine, build Lumbar in ./build with warnings as errors,
# run every test under Xvfb, and finish with one line "N passed, N failed".
# Exits with meson test's status. Extra arguments go to `meson test`
# (e.g. --suite engine).
#
# Usage: bash build-aux/run-tests.sh [MESON-TEST-ARGS…]

set -euo pipefail

srcdir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$srcdir"
builddir="build"

bash build-aux/setup-debian.sh

setup_args=(--werror -Dwarning_level=2)
if [ -f "$builddir/meson-private/coredata.dat" ]; then
  if ! meson setup --reconfigure "$builddir" "${setup_args[@]}"; then
    meson setup --wipe "$builddir" "${setup_args[@]}"
  fi
else
  meson setup "$builddir" "${setup_args[@]}"
fi

testlog="$builddir/meson-logs/testlog.json"
rm -f "$testlog"

rc=0
meson compile -C "$builddir" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "run-tests.sh: the build failed; no tests were run" >&2
  echo "0 passed, 1 failed"
  exit "$rc"
fi

xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  meson test -C "$builddir" --print-errorlogs "$@" || rc=$?

# meson prints its own Ok:/Fail: table; CI reads this single line instead.
summary="$(python3 build-aux/count-tests.py "$testlog" "$rc")"
echo "$summary"
exit "$rc"
