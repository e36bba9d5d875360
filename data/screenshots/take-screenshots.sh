#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the screenshots in this folder, which the metainfo and the README
# show: English, light theme, 990 × 810 pixels.
#
#  - today.png, diary.png, history.png, tips.png: the built Lumbar (BUILD/ui/
#    lumbar) on a made-up diary of four weeks ending today (an old flare-up
#    that settled with rest, inclined sitting and manual therapy, and a new
#    one this week with a spasm yesterday), each page of its main window
#    captured with ImageMagick's import. The time zone is chosen so that it
#    is early afternoon there, whenever this runs.
#  - review.png: tests/review-shots' review window, the Overview page.
#
# Usage, from the source tree, with BUILD built:
#   xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
#     bash data/screenshots/take-screenshots.sh BUILD [OUTDIR]
# OUTDIR is this folder unless given. Needs xdotool and imagemagick
# (build-aux/setup-debian.sh installs both).

set -euo pipefail

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ] || [ -z "${DISPLAY:-}" ]; then
  echo "usage: xvfb-run -a -s \"-screen 0 1280x1024x24\" bash $0 BUILD [OUTDIR]" >&2
  exit 2
fi
build="$(cd "$1" && pwd)"
out="$(cd "${2:-$(dirname "${BASH_SOURCE[0]}")}" && pwd)"
width=990
height=810

work="$(mktemp -d "${TMPDIR:-/tmp}/lumbar-screenshots.XXXXXX")"
app=""
cleanup () {
  [ -z "$app" ] || kill "$app" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -m 700 -p "$work/data/lumbar" "$work/config/glib-2.0/settings" "$work/cache" "$work/run"

# UTC+offset is 14:00 give or take an hour.
utc_hour="$(date -u +%H)"
offset=$((14 - 10#$utc_hour))
if [ "$offset" -lt -12 ]; then
  offset=$((offset + 24))
fi

python3 - "$offset" "$work/data/lumbar/journal.json" <<'PY'
import datetime
import json
import random
import sys
import uuid

tz = datetime.timezone(datetime.timedelta(hours=int(sys.argv[1])))
today = datetime.datetime.now(tz).date()
rnd = random.Random(7)
entries = []


def at(days_ago, hour, minute):
    d = today - datetime.timedelta(days=days_ago)
    return datetime.datetime(d.year, d.month, d.day, hour, minute, tzinfo=tz).isoformat()


def add(entry):
    entry["id"] = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
    entries.append(entry)


def level(days_ago):
    """Local and radiating pain of a day."""
    if days_ago >= 26:
        return 6, 4
    if days_ago >= 23:
        return 5, 3
    if days_ago >= 20:
        return 4, 2
    if days_ago >= 7:
        return 3, 1
    return [6, 6, 5, 5, 4, 4, 3][days_ago], 2


for day in range(29, -1, -1):
    if day in (19, 13):  # days without readings
        continue
    local, radiating = level(day)
    if day > 6:
        local += rnd.choice([-1, 0, 0, 1])
    reading = {"kind": "pain", "at": at(day, 8, 15 + rnd.randint(0, 30)), "local": local,
               "radiating": max(0, radiating + rnd.choice([-1, 0, 1])), "flags": [], "note": ""}
    if day == 27:
        reading["note"] = "Stiff after the night, worse when bending"
    if day == 0:
        reading["note"] = "Stiff again this morning"
    add(reading)
    if day % 3 == 0 or day >= 25 or day <= 2:
        # Today's second reading before noon: it is early afternoon.
        add({"kind": "pain", "at": at(day, 19 if day else 11, rnd.randint(0, 50)),
             "local": min(10, max(0, local + rnd.choice([-1, 0, 1]))), "flags": [], "note": ""})
    if 28 >= day >= 21 and day % 2 == 0:
        add({"kind": "rest", "start": at(day, 11, 0), "minutes": rnd.choice([20, 30, 30, 45]), "note": ""})
    if (27 >= day >= 9 and day % 3 == 0) or day == 4:
        add({"kind": "incline", "start": at(day, 15, 30), "minutes": rnd.choice([30, 40, 45]),
             "support": "pillows" if day % 2 else "recliner",
             "legs_supported": True, "knees_bent": True, "note": ""})
add({"kind": "spasm", "at": at(28, 10, 5), "intensity": 7, "trigger": "Lifting a box",
     "note": "Could hardly stand up straight"})
add({"kind": "spasm", "at": at(26, 18, 40), "intensity": 5, "trigger": "Getting out of the car", "note": ""})
add({"kind": "spasm", "at": at(1, 7, 50), "intensity": 6, "trigger": "Turning in bed", "note": ""})
for day in (25, 18, 10):
    add({"kind": "therapy", "at": at(day, 16, 0), "therapy": "manual",
         "note": "Mobilisation of the lower back" if day == 25 else ""})
add({"kind": "rest", "start": at(0, 10, 30), "minutes": 30, "note": ""})
entries.sort(key=lambda e: e.get("at", e.get("start")))
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump({"format": "lumbar-journal", "version": 1, "entries": entries}, f, indent=1)
PY
chmod 600 "$work/data/lumbar/journal.json"

# The welcome already seen, and the window's size.
printf '[io/github/lumbar/Lumbar]\nwelcome-shown=true\nwindow-width=%d\nwindow-height=%d\n' \
  "$width" "$height" > "$work/config/glib-2.0/settings/keyfile"

(
  export TZ="UTC$(printf %+d $((-offset)))" LC_ALL=en_US.UTF-8 LANGUAGE=en \
    XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
    XDG_RUNTIME_DIR="$work/run" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
    LUMBAR_LOCALEDIR="$build/po" GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
    DBUS_SESSION_BUS_ADDRESS=disabled:
  exec "$build/ui/lumbar"
) &
app=$!
window="$(xdotool search --sync --onlyvisible --class lumbar | head -n 1)"

# A page fills in over a few frames: capture until two captures in a row
# are the same.
capture () {
  local name="$1" previous="" current
  for _ in $(seq 100); do
    import -window "$window" "$work/shot.png"
    current="$(md5sum < "$work/shot.png")"
    [ "$current" = "$previous" ] && break
    previous="$current"
    sleep 0.2
  done
  mv "$work/shot.png" "$out/$name.png"
  echo "$out/$name.png"
}

# The view switcher's buttons, at their offsets from the middle of the
# header bar, clicked with the pointer (the Alt+number keys would leave a
# focus ring), then the pointer moved off the window.
middle=$((width / 2))
for page in -184:today -62:diary 61:history 185:tips; do
  xdotool mousemove --window "$window" $((middle + ${page%%:*})) 27 click 1 mousemove 1270 1010
  capture "${page#*:}"
done
kill "$app"
wait "$app" || true
app=""

(
  export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" LUMBAR_LOCALEDIR="$build/po" \
    GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 DBUS_SESSION_BUS_ADDRESS=disabled:
  "$build/tests/review-shots" "$work/review" >/dev/null
)
cp "$work/review/review-en-1000-overview.png" "$out/review.png"
echo "$out/review.png"
