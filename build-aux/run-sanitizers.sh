#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build Lumbar in ./build-asan with AddressSanitizer and UndefinedBehavior-
# Sanitizer (gcc, warnings as errors) and run the tests under them, finishing
# with one line "N passed, N failed" counted from
# build-asan/meson-logs/testlog.json. Exits non-zero when a test fails.
#
# Every test but test-cli.py (see below) runs, in two runs of `meson test`
# under Xvfb:
#  1. Every suite but ui and bench (engine, cli, data, fault, …) with
#     LeakSanitizer as well. The library-internal leaks in tests/lsan.supp
#     are suppressed, which needs the slow unwinder
#     (fast_unwind_on_malloc=0).
#  2. The ui and bench suites for memory errors and undefined behaviour,
#     without leak checking. With the slow unwinder each of GTK's many
#     mallocs walks the whole stack: the UI suite takes about seven times
#     as long (minutes), overruns its timeouts and breaks tests that time a
#     first frame; and GTK's own leaks at exit (Mesa's driver, X11 selection
#     streams still in flight) come and go with timing, through frames
#     that have no name to suppress them by.
#
# Usage: bash build-aux/run-sanitizers.sh

set -euo pipefail

srcdir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$srcdir"
builddir="build-asan"
logdir="$builddir/meson-logs"
testlog="$logdir/testlog.json"

if [ "$#" -ne 0 ]; then
  echo "usage: bash build-aux/run-sanitizers.sh (it takes no arguments)" >&2
  exit 2
fi

# A log left from an earlier run must not be counted for this one.
rm -f "$testlog" "$logdir/testlog-leaks.json" "$logdir/testlog-ui.json"

bash build-aux/setup-debian.sh

# gcc, whatever CC says: its sanitizer runtime links without
# -Db_lundef=false, which clang's would need.
setup_args=(--werror -Dwarning_level=2 -Db_sanitize=address,undefined)
if [ -f "$builddir/meson-private/coredata.dat" ]; then
  if ! meson setup --reconfigure "$builddir" "${setup_args[@]}"; then
    CC=gcc meson setup --wipe "$builddir" "${setup_args[@]}"
  fi
else
  CC=gcc meson setup "$builddir" "${setup_args[@]}"
fi

rc=0
meson compile -C "$builddir" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "run-sanitizers.sh: the build failed; no tests were run" >&2
  echo "0 passed, 1 failed"
  exit "$rc"
fi

# ASan's runtime must be the first library a program loads; anything in
# LD_PRELOAD (eatmydata, say) makes every instrumented program refuse to
# start. The Python and node test runners are not instrumented and need
# nothing preloaded: the lumbar binary they start links libasan itself.
unset LD_PRELOAD

# A sanitizer report ends the program with status 86, one Lumbar never uses,
# so a command-line test that expects status 1 (a refused file) cannot take
# a crash for a refusal. UBSan only reports and carries on unless
# halt_on_error is set.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=86"
asan_common="exitcode=86"
xvfb=(xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp")

# test-cli.py limits lumbar's address space to 1 GiB (RLIMIT_AS, so that a
# reader that does not stop at /dev/zero fails instead of eating memory), and
# ASan cannot map its shadow memory in 1 GiB: that test runs in
# build-aux/run-tests.sh only.
needs_small_address_space=(cli)
leak_tests=()
while read -r listed; do
  name="${listed##* / }"
  for skipped in "${needs_small_address_space[@]}"; do
    [ "$name" = "$skipped" ] && continue 2
  done
  leak_tests+=("$name")
done < <(meson test -C "$builddir" --no-rebuild --list \
           --no-suite ui --no-suite bench)
# No names would make meson run every test, the UI ones with leak checks.
if [ "${#leak_tests[@]}" -eq 0 ]; then
  echo "run-sanitizers.sh: meson listed no tests outside ui and bench" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

run1=0
ASAN_OPTIONS="$asan_common:detect_leaks=1:fast_unwind_on_malloc=0" \
LSAN_OPTIONS="suppressions=$srcdir/tests/lsan.supp" \
  "${xvfb[@]}" meson test -C "$builddir" --no-rebuild --print-errorlogs \
    --logbase testlog-leaks --timeout-multiplier 3 "${leak_tests[@]}" || run1=$?

run2=0
ASAN_OPTIONS="$asan_common:detect_leaks=0" \
  "${xvfb[@]}" meson test -C "$builddir" --no-rebuild --print-errorlogs \
    --logbase testlog-ui --timeout-multiplier 2 --suite ui --suite bench || run2=$?

# One log for CI to count, as if one `meson test` had run everything.
cat "$logdir/testlog-leaks.json" "$logdir/testlog-ui.json" > "$testlog" 2>/dev/null || true
[ "$run1" -eq 0 ] || rc="$run1"
[ "$rc" -ne 0 ] || rc="$run2"

# meson prints its own Ok:/Fail: tables; CI reads this single line instead.
summary="$(python3 build-aux/count-tests.py "$testlog" "$rc")"
echo "$summary"
exit "$rc"
