#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Command-line tests of `lumbar --summary [--json] [--today=…] [FILE…]`, with no display."""

import datetime
import json
import locale
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

LUMBAR = os.path.abspath(sys.argv.pop(1))
FIXTURES = os.path.join(os.environ["LUMBAR_TEST_SRCDIR"], "fixtures")
TODAY = "--today=2026-11-27"


def run(*args, env=None):
    e = dict(os.environ)
    e.pop("DISPLAY", None)
    e.pop("WAYLAND_DISPLAY", None)
    e["LANGUAGE"] = "en"
    if env:
        e.update(env)
    p = subprocess.run([LUMBAR, *args], capture_output=True, text=True, env=e, cwd=FIXTURES, timeout=60)
    return p.returncode, p.stdout, p.stderr


def summary_json(name, *extra, env=None):
    rc, out, err = run("--summary", "--json", TODAY, *extra, name, env=env)
    if rc != 0:
        raise AssertionError(f"exit {rc}: {err}")
    return json.loads(out)


def has_locale(name):
    try:
        old = locale.setlocale(locale.LC_ALL)
        locale.setlocale(locale.LC_ALL, name)
        locale.setlocale(locale.LC_ALL, old)
        return True
    except locale.Error:
        return False


# Translated runs need a real German locale: glibc 2.41 (Debian 13) ignores
# LANGUAGE under C.UTF-8, so LANGUAGE=de alone would silently stay English.
GERMAN = "de_DE.UTF-8"


def require_german(test):
    if not has_locale(GERMAN):
        test.fail("the de_DE.UTF-8 locale is missing: run build-aux/setup-debian.sh")


class Json(unittest.TestCase):
    def assert_contract(self, d):
        """The keys DESIGN.md promises, with their types."""
        self.assertRegex(d["today"], r"^\d{4}-\d{2}-\d{2}$")
        self.assertIn(d["status"], ("ok", "not-enough-data"))
        self.assertEqual([t["id"] for t in d["tips"]], ["rest", "incline", "manual-therapy"])
        for t in d["tips"]:
            self.assertIsInstance(t["indicated"], bool)
            self.assertIsInstance(t["evidence"], str)
            self.assertTrue(t["evidence"])
        self.assertIsInstance(d["red_flags"]["active"], bool)
        self.assertIsInstance(d["red_flags"]["reasons"], list)
        for key in ("mean_w7", "mean_p14"):
            self.assertTrue(d["pain"][key] is None or isinstance(d["pain"][key], (int, float)))

    def test_rest_fixture_field_by_field(self):
        d = summary_json("summary-rest.json")
        self.assert_contract(d)
        self.assertEqual(d["today"], "2026-11-27")
        self.assertEqual(d["status"], "ok")
        self.assertEqual([t["indicated"] for t in d["tips"]], [True, True, True])
        rest, incline, therapy = d["tips"]
        # B7 averages 4.2 over five days; L3 is 6, 6 and 5.4 (a reading at
        # 23:30 in UTC−5 still belongs to the 27th).
        self.assertEqual(rest["evidence"],
                         "Your pain rose from 4.2 to 5.8 over the last three days; you logged 10 minutes of rest.")
        self.assertEqual(rest["comparison"],
                         "In the last four weeks, on the 4 days you rested, your pain averaged 4.5. "
                         "On the 15 days without, it averaged 4.3.")
        self.assertEqual(incline["evidence"],
                         "Your pain averaged 5.3 over the last seven days; you sat inclined on 2 of them.")
        self.assertIsNone(incline["comparison"])
        self.assertIn("against 4.0 in the two weeks before (+32%)", therapy["evidence"])
        # The fever and the spasm logged on the 28th lie after today.
        self.assertEqual(d["red_flags"], {"active": False, "reasons": [], "flags": [], "message": None})
        self.assertEqual(d["pain"]["mean_w7"], 5.28)
        self.assertEqual(d["pain"]["mean_p14"], 4)
        self.assertEqual(d["pain"]["mean_l3"], 5.8)
        self.assertEqual(d["pain"]["mean_b7"], 4.2)
        self.assertEqual(d["pain"]["days_w7"], 5)
        self.assertEqual(d["pain"]["days_last28"], 19)
        self.assertEqual(d["pain"]["change_w7_p14_percent"], 32)
        self.assertEqual(d["radiating"]["mean_w7"], 3)
        self.assertIsNone(d["radiating"]["mean_b7"])
        self.assertEqual(d["activity"], {"incline_days_w7": 2, "rest_minutes_l3": 10,
                                         "spasms_l3": 0, "therapy_last14": 0})
        self.assertIsNone(d["manual_therapy"]["first_session"])
        self.assertEqual(d["skipped_entries"], 0)

    def test_red_flags_fixture(self):
        d = summary_json("summary-red-flags.json")
        self.assert_contract(d)
        self.assertEqual(d["status"], "ok")
        self.assertEqual([t["indicated"] for t in d["tips"]], [True, True, False])
        self.assertEqual(d["tips"][2]["evidence"], "You logged 1 therapy visit in the last 14 days.")
        self.assertTrue(d["red_flags"]["active"])
        # The night pain of the 20th lies before W7.
        self.assertEqual(d["red_flags"]["reasons"], [
            "You logged pain or tingling in both legs on 27 November 2026.",
            "You logged worsening weakness in one or both legs on 24 November 2026, 27 November 2026.",
            "Your daily pain was 8 or more on 3 days in a row (25 November 2026, 26 November 2026, 27 November 2026).",
        ])
        self.assertEqual(d["red_flags"]["flags"], ["both-legs", "leg-weakness"])
        self.assertIn("seek medical care promptly", d["red_flags"]["message"])
        self.assertEqual(d["pain"]["mean_w7"], 7.75)
        self.assertEqual(d["pain"]["mean_p14"], 6)

    def test_sparse_fixture_is_not_enough_data(self):
        d = summary_json("summary-sparse.json")
        self.assert_contract(d)
        self.assertEqual(d["status"], "not-enough-data")
        self.assertEqual([t["indicated"] for t in d["tips"]], [False, False, False])
        for t in d["tips"]:
            self.assertEqual(t["evidence"],
                             "You logged pain on only 2 of the last seven days; personal tips need at least 3.")
        self.assertFalse(d["red_flags"]["active"])
        self.assertEqual(d["pain"]["mean_w7"], 8)
        self.assertIsNone(d["pain"]["mean_p14"])

    def test_therapy_fixture_change_since_first_session(self):
        d = summary_json("summary-therapy.json")
        self.assert_contract(d)
        self.assertEqual(d["manual_therapy"], {
            "first_session": "2026-11-10",
            "local_before": 6, "local_after": 4.43, "local_percent": -26.19,
            "radiating_before": 4, "radiating_after": 2.57, "radiating_percent": -35.71,
        })
        therapy = d["tips"][2]
        self.assertTrue(therapy["indicated"])
        self.assertEqual(therapy["comparison"],
                         "Since your first manual-therapy session on 10 November 2026, your pain went "
                         "from 6.0 to 4.4 (−26%). Your radiating pain went from 4.0 to 2.6 (−36%).")

    def test_today_moves_the_windows(self):
        # A week later W7 holds only the 28th: its fever now counts.
        d = summary_json("summary-rest.json", "--today=2026-12-04")
        self.assertEqual(d["today"], "2026-12-04")
        self.assertEqual(d["status"], "not-enough-data")
        self.assertEqual(d["pain"]["mean_w7"], 10)
        self.assertEqual(d["pain"]["days_w7"], 1)
        self.assertEqual(d["pain"]["mean_p14"], 4.53)
        self.assertEqual(d["red_flags"]["reasons"], ["You logged fever or feeling generally unwell on 28 November 2026."])
        # And the day before the diary begins, there is nothing at all.
        d = summary_json("summary-rest.json", "--today=2026-11-06")
        self.assertEqual((d["status"], d["pain"]["mean_w7"], d["pain"]["mean_p14"]), ("not-enough-data", None, None))

    def test_numbers_use_dot_in_any_locale(self):
        require_german(self)
        rc, out, err = run("--summary", "--json", TODAY, "summary-rest.json", env={"LC_ALL": GERMAN})
        self.assertEqual(rc, 0, err)
        self.assertIn('"mean_w7": 5.28,', out)
        d = json.loads(out)
        self.assertEqual(d["tips"][0]["evidence"],
                         "Your pain rose from 4.2 to 5.8 over the last three days; you logged 10 minutes of rest.")

    def test_json_escapes_strings(self):
        rc, out, err = run("--summary", "--json", TODAY, "summary-rest.json")
        self.assertEqual(rc, 0, err)
        for line in out.splitlines():
            self.assertFalse(any(ord(c) < 0x20 for c in line))
        json.loads(out)


class Text(unittest.TestCase):
    def test_english_key_sentences(self):
        rc, out, err = run("--summary", TODAY, "summary-rest.json")
        self.assertEqual((rc, err), (0, ""))
        lines = out.splitlines()
        self.assertEqual(lines[0], "Lumbar summary for 27 November 2026")
        self.assertIn("Pain over the last 7 days: 5.3 on average (5 days with readings)", lines)
        self.assertIn("Suggested for you:", lines)
        self.assertIn("    Your pain rose from 4.2 to 5.8 over the last three days; you logged 10 minutes of rest.",
                      lines)
        self.assertIn("  Take a short, relative rest", lines)
        self.assertNotIn("Red flags", out)

    def test_red_flags_come_first(self):
        rc, out, err = run("--summary", TODAY, "summary-red-flags.json")
        self.assertEqual(rc, 0, err)
        self.assertLess(out.index("Red flags: seek medical care promptly"), out.index("Pain over the last 7 days"))
        self.assertIn("  • You logged worsening weakness in one or both legs on 24 November 2026, 27 November 2026.", out)
        self.assertIn("Watch for:", out)
        self.assertIn("Not indicated at the moment:", out)

    def test_not_enough_data_shows_general_advice(self):
        rc, out, err = run("--summary", TODAY, "summary-sparse.json")
        self.assertEqual(rc, 0, err)
        self.assertIn("You logged pain on only 2 of the last seven days; personal tips need at least 3.", out)
        self.assertIn("General advice:", out)
        self.assertIn("not bed rest", out)
        self.assertIn("22% less local pain", out)

    def test_decimal_comma_in_german_locale(self):
        require_german(self)
        rc, out, err = run("--summary", TODAY, "summary-rest.json", env={"LC_ALL": GERMAN})
        self.assertEqual(rc, 0, err)
        self.assertIn("5,3", out)

    def test_translated_to_german(self):
        require_german(self)
        rc, out, err = run("--summary", TODAY, "summary-rest.json",
                           env={"LC_ALL": GERMAN, "LANGUAGE": "de"})
        self.assertEqual(rc, 0, err)
        self.assertIn("Leg eine kurze, relative Ruhepause ein", out)
        self.assertNotIn("Take a short, relative rest", out)
        self.assertNotIn("Your pain rose", out)
        self.assertIn("4,2", out)


class BadInput(unittest.TestCase):
    def assert_same_as_check(self, name):
        rc_check, _, err_check = run("--check", name)
        rc, out, err = run("--summary", "--json", TODAY, name)
        self.assertEqual(rc_check, 1)
        self.assertEqual(rc, 1)
        self.assertEqual(err, err_check)
        return out

    def test_malformed(self):
        out = self.assert_same_as_check("malformed.json")
        self.assertEqual(out, "")

    def test_invalid_utf8(self):
        self.assertEqual(self.assert_same_as_check("bad-utf8.json"), "")

    def test_not_lumbar_and_newer(self):
        self.assertEqual(self.assert_same_as_check("not-lumbar.json"), "")
        self.assertEqual(self.assert_same_as_check("newer.json"), "")

    def test_missing_file(self):
        out = self.assert_same_as_check("no-such-file.json")
        self.assertEqual(out, "")

    def test_bad_entries_listed_and_the_rest_summarised(self):
        out = self.assert_same_as_check("bad-entries.json")
        d = json.loads(out)
        self.assertEqual(d["skipped_entries"], 4)
        self.assertEqual(d["today"], "2026-11-27")
        # The one valid entry is a reading of 6 on 2026-11-23.
        self.assertEqual(d["pain"]["mean_w7"], 6)
        self.assertEqual(d["status"], "not-enough-data")

    def test_bad_today_is_a_usage_error(self):
        for today in ("2026-13-01", "2026-02-29", "yesterday", "2026-1-1", ""):
            rc, out, err = run("--summary", f"--today={today}", "summary-rest.json")
            self.assertEqual(rc, 2, today)
            self.assertEqual(out, "")
            self.assertIn("--today", err)

    def test_unknown_option_is_a_usage_error(self):
        rc, out, err = run("--summary", "--no-such-option")
        self.assertEqual(rc, 2)



def export_of(path, entries_from, exported_at, patient=None, range_to=None):
    """An export of a fixture's entries, as a therapist receives it."""
    with open(os.path.join(FIXTURES, entries_from), encoding="utf-8") as f:
        doc = json.load(f)
    doc["exported_at"] = exported_at
    if patient is not None:
        doc["patient"] = {"name": patient}
    if range_to is not None:
        doc["range"] = {"from": "2026-10-01", "to": range_to}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)


class Several(unittest.TestCase):
    """`--summary FILE…` for a therapist with several patients' exports."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="lumbar-several-")
        self.anna = os.path.join(self.dir, "anna.lumbar.json")
        self.ben = os.path.join(self.dir, "ben.lumbar.json")
        self.broken = os.path.join(self.dir, "broken.lumbar.json")
        export_of(self.anna, "summary-red-flags.json", "2026-11-27T18:00:00+01:00", "Anna Berg")
        export_of(self.ben, "summary-rest.json", "2026-11-27T09:00:00+01:00")
        with open(self.broken, "w", encoding="utf-8") as f:
            f.write('{"format": "lumbar-journal", "version": 1, "entries": [,]}')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_json_array_in_argument_order(self):
        rc, out, err = run("--summary", "--json", self.anna, self.broken, self.ben)
        self.assertEqual(rc, 1)
        self.assertRegex(err, r"broken\.lumbar\.json:1:\d+: ")
        d = json.loads(out)
        self.assertEqual([o["file"] for o in d], [self.anna, self.broken, self.ben])
        self.assertEqual([o["patient"] for o in d], ["Anna Berg", None, None])
        self.assertIn("error", d[1])
        self.assertNotIn("today", d[1])
        # Each object is the single-file object, with file and patient.
        single = summary_json(self.ben, "--today=2026-11-27")
        self.assertEqual({k: v for k, v in d[2].items() if k not in ("file", "patient")}, single)
        self.assertTrue(d[0]["red_flags"]["active"])

    def test_text_blocks_in_argument_order(self):
        rc, out, err = run("--summary", self.ben, self.anna)
        self.assertEqual(rc, 0, err)
        first = out.index(f"{self.ben}\n\nLumbar summary for ")
        second = out.index(f"{self.anna} (Anna Berg)\n\nLumbar summary for ")
        self.assertLess(first, second)

    def test_unreadable_file_in_its_place(self):
        rc, out, err = run("--summary", self.broken, self.ben)
        self.assertEqual(rc, 1)
        self.assertTrue(out.startswith(f"{self.broken}: cannot be read: "), out)
        self.assertIn(f"{self.ben}\n\nLumbar summary for ", out)

    def test_export_is_summarised_as_of_its_own_day(self):
        # Not the viewer's clock: the day it was exported, or the end of its
        # range when that came first (DESIGN.md → Tips).
        rc, out, err = run("--summary", "--json", self.ben)
        self.assertEqual(json.loads(out)["today"], "2026-11-27")
        export_of(self.ben, "summary-rest.json", "2026-12-20T09:00:00+01:00", range_to="2026-11-27")
        rc, out, err = run("--summary", "--json", self.ben)
        self.assertEqual(json.loads(out)["today"], "2026-11-27")
        rc, out, err = run("--summary", "--json", "--today=2026-11-20", self.ben)
        self.assertEqual(json.loads(out)["today"], "2026-11-20")

    def test_export_speaks_about_the_patient(self):
        """DESIGN.md → Voice: a summary of an export is for the therapist,
        in the third person; the same entries as the person's own diary
        speak to the person."""
        you = re.compile(r"\b(you|your)\b", re.IGNORECASE)
        rc, out, err = run("--summary", self.anna)
        self.assertEqual(rc, 0, err)
        self.assertIsNone(you.search(out), out)
        self.assertIn("The patient logged", out)
        self.assertIn("Lumbar advised the patient to seek medical care promptly", out)
        rc, out, err = run("--summary", "--json", self.anna)
        d = json.loads(out)
        self.assertIsNone(you.search(json.dumps(d["tips"]) + d["red_flags"]["message"]))
        # The diary itself, without "exported_at": the person's own.
        rc, out, err = run("--summary", "--today=2026-11-27", "summary-red-flags.json")
        self.assertIsNotNone(you.search(out))

    def test_export_speaks_about_the_patient_in_german(self):
        require_german(self)
        rc, out, err = run("--summary", self.anna, env={"LC_ALL": GERMAN, "LANGUAGE": "de"})
        self.assertEqual(rc, 0, err)
        self.assertIn("Die Patientin/der Patient hat am", out)
        self.assertIsNone(re.search(r"\b(du|dein|deine|deinen|dich|dir)\b", out, re.IGNORECASE), out)


class Journal(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="lumbar-summary-")
        os.chmod(self.home, 0o700)
        self.env = {"XDG_DATA_HOME": os.path.join(self.home, "data"),
                    "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
                    "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
                    "XDG_STATE_HOME": os.path.join(self.home, "state")}
        for d in self.env.values():
            os.makedirs(d, mode=0o700)

    def tearDown(self):
        shutil.rmtree(self.home)

    def tree(self):
        found = {}
        for root, dirs, files in os.walk(self.home):
            for f in files:
                p = os.path.join(root, f)
                st = os.stat(p)
                with open(p, "rb") as fh:
                    found[p] = (fh.read(), st.st_mtime_ns, st.st_mode)
            for d in dirs:
                found[os.path.join(root, d)] = None
        return found

    def test_reads_the_journal_without_writing(self):
        lumbar_dir = os.path.join(self.env["XDG_DATA_HOME"], "lumbar")
        os.makedirs(lumbar_dir, mode=0o700)
        journal = os.path.join(lumbar_dir, "journal.json")
        shutil.copy(os.path.join(FIXTURES, "summary-rest.json"), journal)
        os.chmod(journal, 0o600)
        before = self.tree()

        rc, out, err = run("--summary", "--json", TODAY, env=self.env)
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out), summary_json("summary-rest.json"))
        self.assertEqual(self.tree(), before)

    def test_no_journal_yet(self):
        before = self.tree()
        rc, out, err = run("--summary", "--json", TODAY, env=self.env)
        self.assertEqual(rc, 0, err)
        d = json.loads(out)
        self.assertEqual(d["status"], "not-enough-data")
        self.assertEqual(d["red_flags"]["active"], False)
        self.assertIsNone(d["pain"]["mean_w7"])
        self.assertEqual(self.tree(), before)

    def test_broken_journal_exits_1_naming_it(self):
        lumbar_dir = os.path.join(self.env["XDG_DATA_HOME"], "lumbar")
        os.makedirs(lumbar_dir, mode=0o700)
        journal = os.path.join(lumbar_dir, "journal.json")
        shutil.copy(os.path.join(FIXTURES, "malformed.json"), journal)
        rc, out, err = run("--summary", TODAY, env=self.env)
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(err, journal + ":5:16: expected “,” or “}”\n")

    def test_today_defaults_to_the_local_date(self):
        before = datetime.date.today().isoformat()
        rc, out, err = run("--summary", "--json", env=self.env)
        after = datetime.date.today().isoformat()
        self.assertEqual(rc, 0, err)
        self.assertIn(json.loads(out)["today"], (before, after))


if __name__ == "__main__":
    unittest.main(verbosity=2)
