#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs `lumbar-bench --quick --json` and checks that every key is there
with a number: the bench itself works. It never judges a time."""

import json
import subprocess
import sys

KEYS = ["load_ratio", "save_ratio", "add_entry_main_thread_ms", "summary_ms",
        "chart_ratio", "startup_ratio", "data_shown_ratio", "rss_extra_mib",
        "patients_ratio", "patients_ms", "search_ms"]

out = subprocess.run([sys.argv[1], "--quick", "--json"], capture_output=True, text=True, timeout=280)
print(out.stderr, file=sys.stderr)
if out.returncode != 0:
    sys.exit(f"lumbar-bench exited with {out.returncode}")
figures = json.loads(out.stdout)
missing = [k for k in KEYS if not isinstance(figures.get(k), (int, float))]
if missing:
    sys.exit(f"keys without a number: {missing}\n{out.stdout}")
print(out.stdout)
