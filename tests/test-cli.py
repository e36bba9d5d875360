#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Command-line tests: `lumbar --version` and `lumbar --check`, with no display."""

import json
import re
import os
import resource
import subprocess
import sys
import tempfile
import unittest

LUMBAR = os.path.abspath(sys.argv.pop(1))
FIXTURES = os.path.join(os.environ["LUMBAR_TEST_SRCDIR"], "fixtures")


def limit_memory():
    # A reader that does not stop at /dev/zero fails here instead of taking
    # the machine's memory.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(*args, env=None, timeout=60):
    e = dict(os.environ)
    e.pop("DISPLAY", None)
    e.pop("WAYLAND_DISPLAY", None)
    e["LANGUAGE"] = "en"
    if env:
        e.update(env)
    p = subprocess.run([LUMBAR, *args], capture_output=True, text=True, env=e, cwd=FIXTURES,
                       timeout=timeout, preexec_fn=limit_memory)
    return p.returncode, p.stdout, p.stderr


class Cli(unittest.TestCase):
    def test_product_holds_no_benchmark(self):
        # The benchmark builds its own program from the UI library; no code
        # path or environment variable of the installed app serves it.
        with open(LUMBAR, "rb") as f:
            binary = f.read()
        for word in (b"LUMBAR_BENCH", b"lumbar-bench", b"VmHWM"):
            self.assertNotIn(word, binary)

    def test_usage_matrix(self):
        """Every usage error of DESIGN.md: exit 2, "lumbar: …" and the hint
        to --help on standard error, nothing on standard output."""
        hint = "Try “lumbar --help” for more information."
        cases = [
            (["--frobnicate"], "Unknown option --frobnicate"),
            (["-x"], "Unknown option -x"),
            (["--check", "--summary", "valid.json"], "--check and --summary cannot be used together"),
            (["--summary", "--export=csv", "--output=/tmp/x"], "--summary and --export cannot be used together"),
            (["--check", "--export=csv", "valid.json"], "--check and --export cannot be used together"),
            (["--version", "--check", "valid.json"], "--version and --check cannot be used together"),
            (["--json"], "--json only goes with --summary"),
            (["--today=2026-11-27"], "--today only goes with --summary"),
            (["--check", "--json", "valid.json"], "--json only goes with --summary"),
            (["--output=out.csv"], "--output only goes with --export"),
            (["--from=2026-11-01"], "--from only goes with --export"),
            (["--to=2026-11-01", "valid.json"], "--to only goes with --export"),
            (["--patient-name=Anna"], "--patient-name only goes with --export"),
            (["--check"], "--check needs at least one FILE"),
            (["--export=csv"], "--export needs --output=PATH"),
            (["--export=xls", "--output=x"], "unknown export format “xls” (use csv, json, pdf or fhir)"),
            (["--summary", "--today=27.11.2026"], "invalid --today “27.11.2026”: expected a date as YYYY-MM-DD"),
            (["--export=csv", "--output=x", "--from=2026-11-30", "--to=2026-11-01"], "--from is after --to"),
        ]
        for args, message in cases:
            rc, out, err = run(*args)
            self.assertEqual((rc, out), (2, ""), args)
            self.assertEqual(err, f"lumbar: {message}\n{hint}\n", args)

    def test_positional_errors_have_no_space(self):
        # FILE:LINE:COLUMN: message, the position taken from the error's data.
        rc, out, err = run("--check", "malformed.json")
        self.assertEqual(rc, 1)
        self.assertRegex(err, r"^malformed\.json:\d+:\d+: \S")
        rc, out, err = run("--summary", "malformed.json")
        self.assertEqual(rc, 1)
        self.assertRegex(err, r"^malformed\.json:\d+:\d+: \S")

    def test_version(self):
        rc, out, err = run("--version")
        self.assertEqual(rc, 0, err)
        self.assertRegex(out, r"^lumbar \d+\.\d+\.\d+\n$")

    def test_help_is_translated(self):
        """Every shipped language's --help is in that language."""
        podir = os.path.join(os.environ["LUMBAR_TEST_SRCDIR"], "..", "po")
        with open(os.path.join(podir, "LINGUAS"), encoding="utf-8") as f:
            langs = [w for line in f if not line.startswith("#") for w in line.split()]
        available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().split()
        summary = "Track back pain and follow your therapist's tips"
        for lang in langs:
            locale_name = {"de": "de_DE", "fr": "fr_FR", "es": "es_ES"}.get(lang, f"{lang}_{lang.upper()}")
            self.assertIn(locale_name.lower() + ".utf8", available,
                          f"the {locale_name}.UTF-8 locale is missing: run build-aux/setup-debian.sh")
            with open(os.path.join(podir, lang + ".po"), encoding="utf-8") as f:
                po = f.read()
            translated = re.search(r'msgid "' + re.escape(summary) + r'"\nmsgstr "(.*)"', po).group(1)
            self.assertNotEqual(translated, summary)
            rc, out, err = run("--help", env={"LC_ALL": locale_name + ".UTF-8", "LANGUAGE": ""})
            self.assertEqual(rc, 0, err)
            self.assertIn(translated, out, lang)
            self.assertNotIn("Check that each FILE is a valid Lumbar diary", out, lang)

    def test_help_lists_the_command_line(self):
        rc, out, err = run("--help")
        self.assertEqual(rc, 0, err)
        self.assertIn("lumbar [OPTION…] [FILE…]", out)
        for option in ("--check", "--summary", "--json", "--today", "--export", "--output", "--version"):
            self.assertIn(option, out)

    def test_check_valid(self):
        rc, out, err = run("--check", "valid.json")
        self.assertEqual((rc, out, err), (0, "valid.json: valid, 5 entries\n", ""))

    def test_check_bad_entries_lists_each(self):
        rc, out, err = run("--check", "bad-entries.json")
        self.assertEqual(rc, 1)
        self.assertEqual(err.splitlines(), [
            "bad-entries.json: entry 2: “local” is 12, outside 0 to 10",
            "bad-entries.json: entry 3: unknown kind “nap”",
            "bad-entries.json: entry 4: duplicate id “a1”",
            "bad-entries.json: entry 5: “minutes” is missing",
        ])

    def test_check_years_outside_the_calendar(self):
        # DESIGN.md: a time the calendar cannot show is out of range
        # (years 1900 to 2200, in its own offset and in UTC).
        times = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59-12:00",
                 "2201-01-01T00:00:00Z", "1900-01-01T00:00:00+00:00"]
        doc = {"format": "lumbar-journal", "version": 1, "entries": [
            {"id": f"e{i}", "kind": "pain", "at": at, "local": 3} for i, at in enumerate(times)]}
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "years.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            rc, out, err = run("--check", path)
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(err.splitlines(), [
            f"{path}: entry {i + 1}: “at” is “{at}”, outside the years 1900 to 2200"
            for i, at in enumerate(times[:3])])

    def test_check_malformed_has_line_and_column(self):
        rc, out, err = run("--check", "malformed.json")
        self.assertEqual((rc, err), (1, "malformed.json:5:16: expected “,” or “}”\n"))

    def test_check_invalid_utf8(self):
        rc, out, err = run("--check", "bad-utf8.json")
        self.assertEqual((rc, err), (1, "bad-utf8.json:1:143: invalid UTF-8\n"))

    def test_check_not_lumbar_and_newer(self):
        rc, out, err = run("--check", "not-lumbar.json", "newer.json", "valid.json")
        self.assertEqual(rc, 1)
        self.assertEqual(err.splitlines(), [
            "not-lumbar.json: not a Lumbar diary (its “format” is not “lumbar-journal”)",
            "newer.json: written by a newer version of Lumbar (format version 7; this version reads up to 1)",
        ])
        self.assertEqual(out, "valid.json: valid, 5 entries\n")

    def test_check_missing_file(self):
        rc, out, err = run("--check", "no-such-file.json")
        self.assertEqual(rc, 1)
        self.assertTrue(err.startswith("no-such-file.json: "), err)

    def test_check_refuses_what_is_not_a_regular_file(self):
        # Refused at once: a FIFO without a writer would block a plain open
        # for ever, /dev/zero never ends. The timeout is only a backstop.
        with tempfile.TemporaryDirectory() as d:
            fifo = os.path.join(d, "diary.json")
            os.mkfifo(fifo)
            for path in (fifo, "/dev/zero"):
                rc, out, err = run("--check", path, "valid.json", timeout=10)
                self.assertEqual(rc, 1, path)
                self.assertEqual(err, f"{path}: not a regular file\n")
                self.assertEqual(out, "valid.json: valid, 5 entries\n")

    def test_summary_refuses_a_fifo_as_journal(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "lumbar"), mode=0o700)
            journal = os.path.join(d, "lumbar", "journal.json")
            os.mkfifo(journal, 0o600)
            rc, out, err = run("--summary", env={"XDG_DATA_HOME": d}, timeout=10)
            self.assertEqual((rc, out), (1, ""))
            self.assertEqual(err, f"{journal}: not a regular file\n")

    def test_check_leaves_files_untouched(self):
        with open(os.path.join(FIXTURES, "bad-entries.json"), "rb") as f:
            before = f.read()
        run("--check", "bad-entries.json")
        with open(os.path.join(FIXTURES, "bad-entries.json"), "rb") as f:
            self.assertEqual(f.read(), before)

    def test_check_usage(self):
        rc, out, err = run("--check")
        self.assertEqual(rc, 2)
        rc, out, err = run("--check", "--no-such-option")
        self.assertEqual(rc, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
