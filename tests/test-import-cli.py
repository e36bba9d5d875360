#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`lumbar --import FILE`: merges by id into the person's own diary, prints
"N new, N already there, N conflicts", refuses a bad file whole, and never
writes while another Lumbar holds the diary (DESIGN.md → Import)."""

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

LUMBAR = os.path.abspath(sys.argv.pop(1))


def entry_pain(id_, at, local, note=""):
    return {"id": id_, "kind": "pain", "at": at, "local": local, "flags": [], "note": note}


OWN = [
    entry_pain("a", "2026-11-20T08:30:00+01:00", 3),
    {"id": "b", "kind": "rest", "start": "2026-11-20T10:00:00+01:00", "minutes": 30, "note": ""},
]
OTHER = [
    entry_pain("a", "2026-11-20T08:30:00+01:00", 3),
    {"id": "b", "kind": "rest", "start": "2026-11-20T10:00:00+01:00", "minutes": 30, "note": "on the sofa"},
    entry_pain("c", "2026-11-19T21:00:00+01:00", 6, "from the laptop"),
    {"id": "d", "kind": "therapy", "at": "2026-11-24T16:00:00+01:00", "therapy": "manual", "note": ""},
]


def document(entries, **extra):
    doc = {"format": "lumbar-journal", "version": 1, "entries": entries}
    doc.update(extra)
    return json.dumps(doc, ensure_ascii=False, indent=1)


class Import(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="lumbar-import-")
        self.data = os.path.join(self.tmp, "data")
        self.dir = os.path.join(self.data, "lumbar")
        self.journal = os.path.join(self.dir, "journal.json")
        os.makedirs(self.dir, mode=0o700)
        with open(self.journal, "w", encoding="utf-8") as f:
            f.write(document(OWN))
        os.chmod(self.journal, 0o600)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_lumbar(self, *args):
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env["XDG_DATA_HOME"] = self.data
        # No session bus: no running app can be found, so the command line
        # merges itself under the lock.
        env["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
        env["LANGUAGE"] = "en"
        p = subprocess.run([LUMBAR, *args], capture_output=True, text=True, env=env,
                           cwd=self.tmp, timeout=30)
        return p.returncode, p.stdout, p.stderr

    def ids(self):
        with open(self.journal, encoding="utf-8") as f:
            return {e["id"]: e for e in json.load(f)["entries"]}

    def test_merges_by_id(self):
        other = self.write("laptop.lumbar.json",
                           document(OTHER, exported_at="2026-11-25T20:00:00+01:00"))
        rc, out, err = self.run_lumbar("--import", "laptop.lumbar.json")
        self.assertEqual((rc, out, err), (0, "2 new, 1 already there, 1 conflicts\n", ""))
        entries = self.ids()
        self.assertEqual(sorted(entries), ["a", "b", "c", "d"])
        # The conflict keeps the diary's own entry.
        self.assertEqual(entries["b"]["note"], "")
        self.assertEqual(entries["c"]["note"], "from the laptop")
        self.assertEqual(os.stat(self.journal).st_mode & 0o777, 0o600)

        # Importing again adds nothing: no duplicates.
        rc, out, err = self.run_lumbar(f"--import={other}")
        self.assertEqual((rc, out), (0, "0 new, 3 already there, 1 conflicts\n"))
        self.assertEqual(len(self.ids()), 4)

    def test_bad_file_refused_whole(self):
        before = open(self.journal, encoding="utf-8").read()
        bad = dict(OTHER[2], local=11)
        cases = {
            "problems.json": (document([OTHER[3], bad]), "the file has 1 problem, so nothing was added"),
            "malformed.json": ('{"format": "lumbar-journal", "version": 1, "entries": [,]}',
                               "malformed.json:1:"),
            "newer.json": (document([OTHER[3]]).replace('"version": 1', '"version": 9'), "newer"),
            "list.json": ('{"shopping": ["milk"]}', "list.json: "),
        }
        for name, (text, message) in cases.items():
            self.write(name, text)
            rc, out, err = self.run_lumbar("--import", name)
            self.assertEqual((rc, out), (1, ""), name)
            self.assertIn(message, err, name)
            self.assertEqual(open(self.journal, encoding="utf-8").read(), before, name)

        rc, out, err = self.run_lumbar("--import", "missing.json")
        self.assertEqual(rc, 1)
        self.assertTrue(err.startswith("missing.json: "), err)
        fifo = os.path.join(self.tmp, "pipe.json")
        os.mkfifo(fifo)
        rc, out, err = self.run_lumbar("--import", fifo)
        self.assertEqual(rc, 1)
        self.assertIn("not a regular file", err)
        self.assertEqual(open(self.journal, encoding="utf-8").read(), before)

    def test_locked_diary_not_written(self):
        # Another Lumbar holds the diary (the lock is on its folder).
        self.write("laptop.json", document(OTHER))
        before = open(self.journal, encoding="utf-8").read()
        fd = os.open(self.dir, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            rc, out, err = self.run_lumbar("--import", "laptop.json")
        finally:
            os.close(fd)
        self.assertEqual((rc, out), (1, ""))
        self.assertIn("lumbar: Another Lumbar window is already open", err)
        self.assertEqual(open(self.journal, encoding="utf-8").read(), before)

    def test_new_diary(self):
        shutil.rmtree(self.dir)
        self.write("laptop.json", document(OTHER))
        rc, out, err = self.run_lumbar("--import", "laptop.json")
        self.assertEqual((rc, out), (0, "4 new, 0 already there, 0 conflicts\n"))
        self.assertEqual(len(self.ids()), 4)
        self.assertEqual(os.stat(self.dir).st_mode & 0o777, 0o700)

    def test_usage(self):
        hint = "Try “lumbar --help” for more information.\n"
        for args, message in [
            (["--import"], "Missing argument for --import"),
            (["--import", "a.json", "b.json"], "--import takes one FILE"),
            (["--import", "a.json", "--summary"], "--summary and --import cannot be used together"),
        ]:
            rc, out, err = self.run_lumbar(*args)
            self.assertEqual((rc, out, err), (2, "", f"lumbar: {message}\n{hint}"), args)


if __name__ == "__main__":
    unittest.main(verbosity=2)
