#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts the results in a meson testlog.json: OK and EXPECTEDFAIL pass;
FAIL, ERROR, TIMEOUT, UNEXPECTEDPASS and INTERRUPT fail.

Usage: count-tests.py TESTLOG [RC]     prints "N passed, N failed"
       count-tests.py --numbers TESTLOG prints "N N" (for .ci/run)

With RC, meson's exit status: a run that failed without recording a
failing test (it could not start, say) counts one failure, so it never
reads as clean."""

import json
import sys

PASS = {"OK", "EXPECTEDFAIL"}
FAIL = {"FAIL", "ERROR", "TIMEOUT", "UNEXPECTEDPASS", "INTERRUPT"}


def count(path):
    passed = failed = 0
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                if line.strip():
                    result = json.loads(line).get("result")
                    if result in PASS:
                        passed += 1
                    elif result in FAIL:
                        failed += 1
    except FileNotFoundError:
        pass
    return passed, failed


def main(argv):
    if len(argv) == 3 and argv[1] == "--numbers":
        print(*count(argv[2]))
        return 0
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    passed, failed = count(argv[1])
    if len(argv) == 3 and int(argv[2]) != 0 and failed == 0:
        failed = 1
    print(f"{passed} passed, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
