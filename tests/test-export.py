#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`lumbar --export`: CSV, JSON and PDF files as a user (or their therapist's
spreadsheet) gets them, with no display."""

import csv
import datetime
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

LUMBAR = os.path.abspath(sys.argv.pop(1))
FIXTURES = os.path.join(os.environ["LUMBAR_TEST_SRCDIR"], "fixtures")
HEADER = "date,time,kind,local_pain,radiating_pain,intensity,minutes,details,flags,note"

TRICKY_NOTES = [
    "=1+2",
    "+49 170 1234567",
    "-5 is how I feel",
    "@SUM(A1:A9)",
    "\tstarts with a tab",
    "\rstarts with CR",
    "\nstarts with LF",
    "a, b, and c",
    'she said "rest"',
    "two\nlines",
    "three\r\nline\rends",
    "=HYPERLINK(\"http://example.com\",\"x\"), then text",
    "Müller ✓ 𝄞 Rücken",
    "",
]


def has_locale(name):
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    return name.lower().replace("utf-8", "utf8") in out.split()


def entry(kind, at, n, **fields):
    e = {"id": f"00000000-0000-4000-8000-{n:012d}", "kind": kind}
    e["start" if kind in ("rest", "incline") else "at"] = at
    e.update(fields)
    e.setdefault("note", "")
    return e


def diary(entries):
    return {"format": "lumbar-journal", "version": 1, "entries": entries}


def two_months():
    """A diary of October and November 2026: readings, spasms, rest,
    inclined sitting, therapy, and a red-flag symptom."""
    entries = []
    n = 0
    start = datetime.date(2026, 10, 1)
    for i in range(61):
        d = start + datetime.timedelta(days=i)
        if i % 10 == 4:
            continue
        for hour, delta in (("08:30", 1), ("20:00", 0)):
            n += 1
            fields = {"local": max(0, min(10, 7 - i // 10 + delta)), "flags": []}
            if i % 3 == 0:
                fields["radiating"] = 3
            if i == 12 and hour == "08:30":
                fields["flags"] = ["leg-numbness"]
                fields["note"] = "Numb left calf after the long drive"
            entries.append(entry("pain", f"{d}T{hour}:00+01:00", n, **fields))
        n += 1
        entries.append(entry("rest", f"{d}T13:00:00+01:00", n, minutes=20))
        if i % 2 == 0:
            n += 1
            entries.append(entry("incline", f"{d}T18:00:00+01:00", n, minutes=45, support="pillows",
                                 legs_supported=True, knees_bent=True))
        if i % 7 == 1:
            n += 1
            entries.append(entry("spasm", f"{d}T11:00:00+01:00", n, intensity=6, trigger="lifting"))
        if i % 14 == 3:
            n += 1
            entries.append(entry("therapy", f"{d}T10:00:00+01:00", n, therapy="manual",
                                 note="Mobilisation L4/L5"))
    return diary(entries)


class Export(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="lumbar-export-")
        os.chmod(self.tmp, 0o700)
        self.xdg = {}
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            path = os.path.join(self.tmp, var.lower())
            os.mkdir(path, 0o700)
            self.xdg[var] = path

    def tearDown(self):
        for root, dirs, files in os.walk(self.tmp):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o700)
        shutil.rmtree(self.tmp)

    def run_lumbar(self, *args, env=None):
        e = dict(os.environ)
        e.pop("DISPLAY", None)
        e.pop("WAYLAND_DISPLAY", None)
        e["LANGUAGE"] = "en"
        e.update(self.xdg)
        if env:
            e.update(env)
        p = subprocess.run([LUMBAR, *args], capture_output=True, env=e, cwd=self.tmp, timeout=120)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def path(self, name):
        return os.path.join(self.tmp, name)

    def write_diary(self, name, doc):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
        return path

    def export(self, fmt, source, out, *extra, env=None):
        rc, stdout, stderr = self.run_lumbar(f"--export={fmt}", f"--output={out}", *extra, source, env=env)
        self.assertEqual(rc, 0, stderr)
        with open(out, "rb") as f:
            return f.read()

    def read_csv(self, data):
        self.assertTrue(data.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n"), data[:120])
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))

    # CSV ---------------------------------------------------------------

    def test_csv_formula_injection_and_quoting(self):
        entries = [entry("pain", f"2026-11-01T{8 + i:02d}:00:00+01:00", i + 1, local=3, note=note)
                   for i, note in enumerate(TRICKY_NOTES)]
        entries.append(entry("spasm", "2026-11-02T09:00:00+01:00", 99, intensity=5, trigger="=cmd|' /C calc'!A0"))
        src = self.write_diary("tricky.json", diary(entries))
        data = self.export("csv", src, self.path("out.csv"))
        rows = self.read_csv(data)

        self.assertEqual(rows[0], HEADER.split(","))
        self.assertEqual(len(rows), len(entries) + 1)
        for row, note in zip(rows[1:], TRICKY_NOTES):
            self.assertEqual(len(row), 10, row)
            expected = "'" + note if note[:1] in ("=", "+", "-", "@", "\t", "\r", "\n") else note
            self.assertEqual(row[9], expected)
        # The trigger sits in "details" after "trigger=", which already
        # keeps a spreadsheet from reading it as a formula.
        self.assertEqual(rows[-1][7], "trigger==cmd|' /C calc'!A0")

        # No cell a spreadsheet would run as a formula.
        for row in rows[1:]:
            for cell in row:
                self.assertFalse(cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\n"), row)

        # Records end in CRLF; only quoted cells hold other line breaks.
        unquoted = re.sub(rb'"(?:[^"]|"")*"', b'""', data)
        self.assertNotIn(b"\r", unquoted.replace(b"\r\n", b""))
        self.assertNotIn(b"\n", unquoted.replace(b"\r\n", b""))
        self.assertTrue(data.endswith(b"\r\n"))

    def test_csv_columns_per_kind(self):
        src = os.path.join(FIXTURES, "valid.json")
        rows = self.read_csv(self.export("csv", src, self.path("valid.csv")))
        self.assertEqual(rows[1:], [
            ["2026-11-23", "08:30", "pain", "6", "2", "", "", "", "leg-numbness", "woke up stiff"],
            ["2026-11-23", "09:10", "spasm", "", "", "7", "", "trigger=lifting", "", ""],
            ["2026-11-23", "10:00", "rest", "", "", "", "30", "", "", ""],
            ["2026-11-23", "14:00", "incline", "", "", "", "45",
             "support=pillows;legs_supported=yes;knees_bent=yes", "", ""],
            ["2026-11-24", "16:00", "therapy", "", "", "", "", "therapy=manual", "", ""],
        ])

    def test_csv_numbers_ignore_locale(self):
        if not has_locale("de_DE.UTF-8"):
            self.fail("the de_DE.UTF-8 locale is missing: run build-aux/setup-debian.sh "
                      "(or enable it in /etc/locale.gen and run locale-gen)")
        src = self.write_diary("two-months.json", two_months())
        c = self.export("csv", src, self.path("c.csv"), env={"LC_ALL": "C.UTF-8"})
        de = self.export("csv", src, self.path("de.csv"), env={"LC_ALL": "de_DE.UTF-8", "LANGUAGE": "de"})
        self.assertEqual(c, de)
        for row in self.read_csv(de)[1:]:
            for cell in row[3:7]:
                self.assertRegex(cell, r"^(\d+)?$")

    # JSON --------------------------------------------------------------

    def test_json_round_trip_through_check(self):
        source = two_months()
        src = self.write_diary("two-months.json", source)
        out = self.path("export.json")
        self.export("json", src, out, "--patient-name=Anna Beispiel")

        rc, stdout, stderr = self.run_lumbar("--check", out)
        self.assertEqual((rc, stderr), (0, ""))
        self.assertEqual(stdout, f"{out}: valid, {len(source['entries'])} entries\n")

        with open(out, encoding="utf-8") as f:
            exported = json.load(f)
        self.assertEqual(exported["format"], "lumbar-journal")
        self.assertEqual(exported["version"], 1)
        self.assertEqual(exported["patient"], {"name": "Anna Beispiel"})
        self.assertEqual(exported["range"], {"from": "2026-10-01", "to": "2026-11-30"})
        self.assertRegex(exported["exported_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")

        def key(e):
            return e["id"]

        def normal(e):
            e = dict(e)
            if e["kind"] == "pain":
                e.setdefault("flags", [])
            return e

        self.assertEqual(sorted(map(normal, exported["entries"]), key=key),
                         sorted(map(normal, source["entries"]), key=key))

    # Ranges ------------------------------------------------------------

    def test_range_uses_each_entry_own_day(self):
        src = self.write_diary("zones.json", diary([
            entry("pain", "2026-11-09T12:00:00Z", 1, local=1),
            entry("pain", "2026-11-10T23:30:00-05:00", 2, local=2, note="late, New York"),
            entry("pain", "2026-11-11T00:30:00+09:00", 3, local=3, note="early, Tokyo"),
            entry("pain", "2026-11-12T12:00:00Z", 4, local=4),
        ]))
        rows = self.read_csv(self.export("csv", src, self.path("tenth.csv"),
                                         "--from=2026-11-10", "--to=2026-11-10"))
        self.assertEqual([r[:4] + r[9:] for r in rows[1:]], [["2026-11-10", "23:30", "pain", "2", "late, New York"]])

        rows = self.read_csv(self.export("csv", src, self.path("eleventh.csv"),
                                         "--from=2026-11-11", "--to=2026-11-11"))
        self.assertEqual([r[:4] for r in rows[1:]], [["2026-11-11", "00:30", "pain", "3"]])

        self.export("json", src, self.path("from.json"), "--from=2026-11-11")
        with open(self.path("from.json"), encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual([e["local"] for e in doc["entries"]], [3, 4])
        self.assertEqual(doc["range"], {"from": "2026-11-11", "to": "2026-11-12"})

        self.export("json", src, self.path("to.json"), "--to=2026-11-10")
        with open(self.path("to.json"), encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual([e["local"] for e in doc["entries"]], [1, 2])
        self.assertEqual(doc["range"], {"from": "2026-11-09", "to": "2026-11-10"})

    # PDF ---------------------------------------------------------------

    def pdf_text(self, path, *pages):
        args = ["pdftotext", "-layout", "-enc", "UTF-8"]
        if pages:
            args += ["-f", str(pages[0]), "-l", str(pages[-1])]
        return subprocess.run([*args, path, "-"], capture_output=True, check=True).stdout.decode()

    def pdf_info(self, path):
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)

    def test_pdf_report(self):
        if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
            self.skipTest("pdfinfo/pdftotext missing: install poppler-utils (build-aux/setup-debian.sh does)")
        src = self.write_diary("two-months.json", two_months())
        out = self.path("report.pdf")
        data = self.export("pdf", src, out, "--patient-name=Anna Beispiel", env={"LC_ALL": "C.UTF-8"})
        self.assertTrue(data.startswith(b"%PDF-"))

        info = self.pdf_info(out)
        pages = int(info["Pages"])
        self.assertGreaterEqual(pages, 3, "page 1 and a table of 55 days over at least two pages")
        self.assertIn("A4", info["Page size"])
        self.assertEqual(info["Title"].strip(), "Lumbar pain diary")

        first = self.pdf_text(out, 1)
        self.assertIn("Lumbar pain diary", first)
        self.assertIn("Anna Beispiel", first)
        self.assertIn("1 October 2026", first)
        self.assertIn("30 November 2026", first)
        self.assertIn("61 days", first)
        self.assertIn("Mean local pain", first)
        self.assertIn("First week", first)
        self.assertIn("Numbness in a leg", first)
        self.assertRegex(first, r"Tips on \d{1,2} \w+ \d{4}")
        self.assertRegex(first, r"(Indicated|Not indicated|General advice)")
        self.assertIn(f"Page 1 of {pages}", first)

        everything = self.pdf_text(out)
        self.assertIn("Day by day", everything)
        self.assertIn("Thu, 1 Oct 2026", everything)
        self.assertIn("Mon, 30 Nov 2026", everything)
        self.assertNotIn("Mon, 5 Oct 2026", everything, "a day without entries is not listed")
        self.assertIn("Mobilisation L4/L5", everything)
        self.assertIn(f"Page {pages} of {pages}", everything)
        for n in range(2, pages + 1):
            self.assertIn("Date", self.pdf_text(out, n), f"page {n} repeats the table header")

    def test_pdf_keeps_every_note_in_full(self):
        """Every note and trigger in the day-by-day table in full, wrapped
        across lines and pages, never cut; a flagged day shows its sign."""
        if shutil.which("pdftotext") is None:
            self.skipTest("pdftotext missing: install poppler-utils (build-aux/setup-debian.sh does)")

        def words(prefix, n):
            return [f"{prefix}{i:04d}" for i in range(n)]

        note = words("note", 66)                  # about 600 characters
        trigger = words("trig", 22)               # about 200 characters
        long_notes = [words(f"l{k}w", 440) for k in range(5)]   # 5 × 4,000 characters
        entries = [
            entry("pain", "2026-11-02T08:00:00+01:00", 1, local=5, flags=[], note=" ".join(note)),
            entry("spasm", "2026-11-02T09:00:00+01:00", 2, intensity=6, trigger=" ".join(trigger)[:200]),
            entry("pain", "2026-11-03T08:00:00+01:00", 3, local=7, flags=["saddle-numbness"]),
        ]
        for k, text in enumerate(long_notes):
            entries.append(entry("pain", f"2026-11-04T{8 + k:02d}:00:00+01:00", 4 + k, local=4, flags=[],
                                 note=" ".join(text)))
        for tokens in [trigger] + long_notes:
            self.assertLessEqual(len(" ".join(tokens)), 4000)
        src = self.write_diary("notes.json", diary(entries))
        out = self.path("notes.pdf")
        self.export("pdf", src, out, env={"LC_ALL": "C.UTF-8"})

        pages = int(self.pdf_info(out)["Pages"])
        self.assertGreaterEqual(pages, 3, "20,000 characters of notes on one day need more than one table page")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", "2", out, "-"],
                              capture_output=True, check=True).stdout.decode()
        self.assertNotIn("…", text)
        found = re.findall(r"\b(?:note|trig|l\dw)\d{4}\b", text)
        kept_trigger = " ".join(trigger)[:200].split()
        # Every word once, and each note's words in their order (pdftotext
        # may read the table's blocks in another order).
        self.assertEqual(sorted(found), sorted(note + kept_trigger + [w for t in long_notes for w in t]))
        for group in [note, kept_trigger] + long_notes:
            members = set(group)
            self.assertEqual([w for w in found if w in members], group)
        flat = " ".join(text.split())
        self.assertIn("Spasm trigger: " + " ".join(kept_trigger), flat)
        self.assertIn("Numbness around the groin or buttocks", flat)
        # The day that runs over a page says so on the next one.
        self.assertGreaterEqual(flat.count("Wed, 4 Nov 2026"), 2)

    def test_pdf_report_in_german(self):
        if shutil.which("pdftotext") is None:
            self.skipTest("pdftotext missing: install poppler-utils (build-aux/setup-debian.sh does)")
        if not has_locale("de_DE.UTF-8"):
            self.fail("the de_DE.UTF-8 locale is missing: run build-aux/setup-debian.sh")
        src = self.write_diary("two-months.json", two_months())
        out = self.path("bericht.pdf")
        self.export("pdf", src, out, "--patient-name=Anna Beispiel",
                    env={"LC_ALL": "de_DE.UTF-8", "LANGUAGE": "de"})
        first = self.pdf_text(out, 1)
        self.assertIn("Lumbar-Schmerztagebuch", first)
        self.assertIn("1. Oktober 2026 bis 30. November 2026 (61 Tage)", first)
        self.assertRegex(first, r"\d,\d / 10", "people read the locale's decimal comma")
        self.assertRegex(first, r"Seite 1 von \d")
        self.assertIn("Tag für Tag", self.pdf_text(out, 2))

    def test_report_and_summary_show_the_same_figures(self):
        """One diary, one period: the PDF's first page and --summary show
        the same figures in the same words (the review window's Overview
        renders the same LumbarPeriodStats, see test-review)."""
        src = self.write_diary("two-months.json", two_months())
        exported = self.path("export.json")
        self.export("json", src, exported, "--from=2026-10-01", "--to=2026-11-30")
        pdf = self.path("report.pdf")
        self.export("pdf", exported, pdf)
        page = " ".join(self.pdf_text(pdf, 1).split())

        rc, text, err = self.run_lumbar("--summary", "--today=2026-11-30", exported)
        self.assertEqual(rc, 0, err)
        lines = text.split("Period ", 1)[1].split("\n\n", 1)[0].splitlines()
        self.assertEqual(lines[0], "1 Oct – 30 Nov 2026:")
        figures = [line.strip() for line in lines[1:]]
        self.assertEqual(len(figures), 8, figures)
        for figure in figures:
            label, rest = figure.split(": ", 1)
            for part in rest.split(" — "):
                self.assertIn(part, page, f"{label}: the PDF shows no “{part}”")
        self.assertIn("Days with pain readings: 55 of 61 days", figures)
        self.assertIn("First week → last week: 7.5 → 2.3 — −5.2 points (−69%)", figures)

        rc, out, err = self.run_lumbar("--summary", "--json", "--today=2026-11-30", exported)
        self.assertEqual(rc, 0, err)
        period = json.loads(out)["period"]
        self.assertEqual((period["from"], period["to"], period["days"], period["days_with_pain"]),
                         ("2026-10-01", "2026-11-30", 61, 55))
        self.assertEqual((period["mean_first_week"], period["mean_last_week"]), (7.5, 2.33))
        self.assertEqual((period["rest_sessions"], period["rest_minutes"]), (55, 1100))
        self.assertIn("18 h 20 min", page)

    def test_report_of_a_range_counts_therapy_before_it(self):
        """A PDF of November names the first manual-therapy session of 4
        October, with the same change as the app shows on 30 November."""
        src = self.write_diary("two-months.json", two_months())
        pdf = self.path("november.pdf")
        self.export("pdf", src, pdf, "--from=2026-11-01", "--to=2026-11-30")
        page = " ".join(self.pdf_text(pdf, 1).split())
        rc, text, err = self.run_lumbar("--summary", "--today=2026-11-30", src)
        self.assertEqual(rc, 0, err)
        # The same figures, about the patient: the report is for the clinician.
        m = re.search(r"Since your first manual-therapy session on ([^,]*), your pain went from (.*?\))\.", text)
        self.assertEqual(m.group(1), "4 October 2026")
        self.assertIn(f"Since the patient’s first manual-therapy session on {m.group(1)}, "
                      f"their pain went from {m.group(2)}.", page)
        self.assertNotIn("Since your", page)
        rest = re.search(r"Your radiating pain went from ([^.]*\.[^.]*)\.", text)
        if rest:
            self.assertIn(" ".join(f"Their radiating pain went from {rest.group(1)}.".split()), page)

    def test_one_way_to_write_dates_durations_percentages(self):
        """Every date, duration and percentage in the report and the summary
        comes from one formatter: English puts the day before the month,
        durations read "1 h 5 min", percentages "+5%" ("+5 %" in German)."""
        src = self.write_diary("two-months.json", two_months())
        months = "January|February|March|April|May|June|July|August|September|October|November|December"
        short = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
        month_first = re.compile(rf"\b({months}|{short}) \d{{1,2}}\b")
        for lang, env in (("en", {"LC_ALL": "C.UTF-8"}), ("de", {"LC_ALL": "de_DE.UTF-8", "LANGUAGE": "de"})):
            if lang == "de" and not has_locale("de_DE.UTF-8"):
                self.fail("the de_DE.UTF-8 locale is missing: run build-aux/setup-debian.sh")
            out = self.path(f"report-{lang}.pdf")
            self.export("pdf", src, out, "--to=2026-11-30", env=env)
            rc, summary, err = self.run_lumbar("--summary", "--today=2026-11-30", src, env=env)
            self.assertIn(rc, (0, 1), err)
            for name, text in (("PDF", self.pdf_text(out)), ("--summary", summary)):
                where = f"{name} ({lang})"
                self.assertNotRegex(text, month_first, where)
                self.assertNotRegex(text, r"\d h 0\d min", where)
                self.assertNotRegex(text, r"\b\d+ hours?\b", where)
                if lang == "en":
                    self.assertNotRegex(text, r"\d %", where)
                else:
                    self.assertNotRegex(text, r"\d%", where)
                self.assertNotRegex(text, r"\(\+?-\d", where + ": a minus sign, not a hyphen")

    def test_pdf_paper_follows_locale(self):
        if shutil.which("pdfinfo") is None:
            self.skipTest("pdfinfo missing: install poppler-utils")
        if not has_locale("en_US.UTF-8"):
            self.skipTest("the en_US.UTF-8 locale is missing (enable it in /etc/locale.gen and run locale-gen)")
        src = os.path.join(FIXTURES, "valid.json")
        out = self.path("letter.pdf")
        self.export("pdf", src, out, env={"LC_ALL": "en_US.UTF-8"})
        self.assertIn("612 x 792", self.pdf_info(out)["Page size"])

    # Files -------------------------------------------------------------

    def test_files_are_private(self):
        src = os.path.join(FIXTURES, "valid.json")
        for fmt in ("csv", "json", "pdf", "fhir"):
            out = self.path(f"private.{fmt}")
            with open(out, "w") as f:
                f.write("old")
            os.chmod(out, 0o644)
            self.export(fmt, src, out)
            self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600, fmt)

    def test_unwritable_output(self):
        src = self.write_diary("two-months.json", two_months())
        with open(src, "rb") as f:
            before = f.read()
        with open(self.path("a-file"), "w") as f:
            f.write("x")
        for out in (self.path("no-such-folder/out.csv"), self.path("a-file/out.csv")):
            rc, stdout, stderr = self.run_lumbar("--export=csv", f"--output={out}", src)
            self.assertEqual(rc, 1, stderr)
            self.assertTrue(stderr.startswith(out + ": "), stderr)
            self.assertFalse(os.path.exists(out))
        with open(src, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_bad_file_same_messages_as_check(self):
        for name in ("malformed.json", "bad-utf8.json", "not-lumbar.json", "newer.json", "no-such-file.json"):
            src = os.path.join(FIXTURES, name)
            rc, stdout, stderr = self.run_lumbar("--export=json", f"--output={self.path('x.json')}", src)
            self.assertEqual(rc, 1, name)
            crc, cout, cerr = self.run_lumbar("--check", src)
            self.assertEqual(stderr, cerr, name)
            self.assertFalse(os.path.exists(self.path("x.json")))

    def test_invalid_entries_skipped_with_warning(self):
        src = os.path.join(FIXTURES, "bad-entries.json")
        with open(src, "rb") as f:
            before = f.read()
        out = self.path("valid-part.json")
        rc, stdout, stderr = self.run_lumbar("--export=json", f"--output={out}", src)
        self.assertEqual(rc, 0, stderr)
        crc, cout, cerr = self.run_lumbar("--check", src)
        self.assertEqual(stderr.splitlines()[:-1], cerr.splitlines())
        self.assertIn("4 invalid entries skipped", stderr.splitlines()[-1])
        with open(out, encoding="utf-8") as f:
            self.assertEqual([e["id"] for e in json.load(f)["entries"]], ["a1"])
        with open(src, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_usage_errors(self):
        src = os.path.join(FIXTURES, "valid.json")
        out = self.path("never.csv")
        for args in (
            ["--export=xlsx", f"--output={out}", src],
            ["--export=", f"--output={out}", src],
            ["--export=csv", src],
            ["--export=csv", f"--output={out}", "--from=2026-13-01", src],
            ["--export=csv", f"--output={out}", "--to=yesterday", src],
            ["--export=csv", f"--output={out}", "--from=2026-11-30", "--to=2026-11-01", src],
            ["--export=csv", f"--output={out}", src, src],
            ["--export=csv", f"--output={out}", "--no-such-option", src],
        ):
            rc, stdout, stderr = self.run_lumbar(*args)
            self.assertEqual(rc, 2, (args, stderr))
            self.assertTrue(stderr.startswith("lumbar: "), stderr)
            self.assertFalse(os.path.exists(out), args)

    def test_journal_is_read_never_written(self):
        folder = os.path.join(self.xdg["XDG_DATA_HOME"], "lumbar")
        os.mkdir(folder, 0o700)
        journal = os.path.join(folder, "journal.json")
        shutil.copy(os.path.join(FIXTURES, "valid.json"), journal)
        os.chmod(journal, 0o600)
        with open(journal, "rb") as f:
            before = f.read()
        mtime = os.stat(journal).st_mtime_ns

        rows = self.read_csv(self.export_journal("csv", self.path("journal.csv")))
        self.assertEqual(len(rows), 6)

        # Not over the journal itself, nor over the FILE being exported.
        rc, stdout, stderr = self.run_lumbar("--export=json", f"--output={journal}")
        self.assertEqual(rc, 2, stderr)
        src = self.write_diary("copy.json", two_months())
        with open(src, "rb") as f:
            copy = f.read()
        rc, stdout, stderr = self.run_lumbar("--export=csv", f"--output={src}", src)
        self.assertEqual(rc, 2, stderr)
        with open(src, "rb") as f:
            self.assertEqual(f.read(), copy)

        with open(journal, "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertEqual(os.stat(journal).st_mtime_ns, mtime)
        self.assertEqual(sorted(os.listdir(folder)), ["journal.json"])

    def export_journal(self, fmt, out):
        rc, stdout, stderr = self.run_lumbar(f"--export={fmt}", f"--output={out}")
        self.assertEqual(rc, 0, stderr)
        with open(out, "rb") as f:
            return f.read()


if __name__ == "__main__":
    unittest.main(verbosity=2)
