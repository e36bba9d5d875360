#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fault suite: DESIGN.md's storage promises against the real store, from
outside its process.

tests/fault/lumbar-fault-saver loads a diary with the engine's LumbarStore
and saves entries with known ids in a loop, printing "saved ID" only after
the store said the entry is on disk. This script kills it with SIGKILL at
random moments, fills its disk, puts a FIFO or a device where the diary
should be, deletes files from under it, sets its backups' clocks wrong and
makes its diary a symlink, and checks what is on disk each time.

  test-fault.py SAVER LUMBAR [unittest options]

LUMBAR_FAULT_SEED=N replays the random kills of an earlier run (the seed is
printed); LUMBAR_FAULT_KILLS=N changes how many kills land during saves.
"""

import datetime
import json
import os
import random
import re
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unittest

SAVER = os.path.abspath(sys.argv.pop(1))
LUMBAR = os.path.abspath(sys.argv.pop(1))

# Exit statuses of the saver.
DONE, LOAD_FAILED, READ_ONLY, SAVE_FAILED = 0, 2, 3, 4

# What a save may leave behind when killed: exactly the app's own
# temporary names (DESIGN.md), which the next start removes.
TEMP_NAME = re.compile(r"^\.[^/]*\.json\.saving(\.[A-Za-z0-9]{6})?$")
BACKUP_NAME = re.compile(r"^journal-\d{4}-\d{2}-\d{2}(-\d{6})?\.json$")

DAY = 24 * 3600

# Seconds the kill test goes on for once it has its 50 kills.
BUDGET = float(os.environ.get("LUMBAR_FAULT_BUDGET", "20"))


def log(message):
    # Shown in the test log; meson keeps standard error.
    print(message, file=sys.stderr, flush=True)


def make_env(root):
    """The test environment with this case's own XDG folders."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["LANGUAGE"] = "en"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        path = os.path.join(root, name.lower())
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[name] = path
    return env


def diary(ids):
    return {
        "format": "lumbar-journal",
        "version": 1,
        "entries": [
            {"id": i, "kind": "pain", "at": "2026-11-23T08:30:00+01:00", "local": 3, "flags": [], "note": ""}
            for i in ids
        ],
    }


def write_diary(path, ids, mode=0o600):
    with open(path, "w") as f:
        json.dump(diary(ids), f)
    os.chmod(path, mode)


def read_ids(path):
    """The ids in a diary file; it must parse."""
    with open(path) as f:
        doc = json.load(f)
    return [e["id"] for e in doc["entries"]]


def temp_files(directory):
    try:
        return sorted(n for n in os.listdir(directory) if TEMP_NAME.match(n))
    except FileNotFoundError:
        return []


def mode_of(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class Saver:
    """A running lumbar-fault-saver whose output is read line by line
    with a deadline."""

    def __init__(self, directory, *options, env):
        self.argv = [SAVER, *options, directory]
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.pending = b""
        self.closed = False
        self.lines = []
        self.saved = []
        self.status = None
        self.stderr = ""

    def _fill(self, deadline):
        """Reads what the saver printed; False at the end of its output."""
        fd = self.proc.stdout.fileno()
        left = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(left, 0))
        if not ready:
            self.proc.kill()
            self.finish()
            raise AssertionError(f"{self.argv}: no output within the deadline; printed {self.lines}, "
                                 f"standard error {self.stderr!r}")
        chunk = os.read(fd, 65536)
        if not chunk:
            self.closed = True
            return False
        self.pending += chunk
        return True

    def next_line(self, timeout=10):
        """The next whole line, or None once the saver's output has ended
        (a line cut off by a kill is not a promise)."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.pending:
            if self.closed or not self._fill(deadline):
                return None
        line, self.pending = self.pending.split(b"\n", 1)
        text = line.decode("utf-8", "replace")
        self.lines.append(text)
        if text.startswith("saved "):
            self.saved.append(text[len("saved "):])
        return text

    def wait_for(self, prefix, timeout=10):
        deadline = time.monotonic() + timeout
        while True:
            line = self.next_line(max(deadline - time.monotonic(), 0))
            if line is None:
                self.finish()
                raise AssertionError(f"{self.argv}: ended (status {self.status}) before “{prefix}”; "
                                     f"printed {self.lines}, standard error {self.stderr!r}")
            if line.startswith(prefix):
                return line

    def go(self):
        self.proc.stdin.write(b"go\n")
        self.proc.stdin.flush()

    def finish(self, timeout=20):
        """Reads the rest of the output and waits for the exit status."""
        if self.status is not None:
            return self.status
        deadline = time.monotonic() + timeout
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        while self.next_line(max(deadline - time.monotonic(), 0)) is not None:
            pass
        self.status = self.proc.wait(max(deadline - time.monotonic(), 0.1))
        self.stderr = self.proc.stderr.read().decode("utf-8", "replace")
        self.proc.stdout.close()
        self.proc.stderr.close()
        return self.status

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        return self.finish()


class FaultCase(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="lumbar-fault-")
        os.chmod(self.root, 0o700)
        self.env = make_env(self.root)
        self.dir = os.path.join(self.env["XDG_DATA_HOME"], "lumbar")
        self.journal = os.path.join(self.dir, "journal.json")
        self.backups = os.path.join(self.dir, "backups")
        self.savers = []
        self.addCleanup(shutil.rmtree, self.root, ignore_errors=True)
        self.addCleanup(self._stop_savers)

    def _stop_savers(self):
        for saver in self.savers:
            if saver.status is None:
                saver.proc.kill()
                saver.finish()

    def saver(self, *options, directory=None):
        saver = Saver(directory or self.dir, *options, env=self.env)
        self.savers.append(saver)
        return saver

    def lumbar(self, *args, timeout=10):
        """Runs the command line; a hang fails the test instead of the suite."""
        try:
            p = subprocess.run([LUMBAR, *args], capture_output=True, text=True, env=self.env,
                               timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            self.fail(f"lumbar {' '.join(args)} did not end within {timeout} s")
        return p.returncode, p.stdout, p.stderr

    def assert_left_nothing(self, *directories, keep=()):
        """Nothing of an interrupted save is left: the diary's folder holds
        only what the store keeps there and the names in @keep (the user's
        own files, which must never be touched), and the backups folder only
        backups."""
        allowed = {"journal.json", "timers.json", "backups", *keep}
        for directory in directories or (self.dir,):
            self.assertEqual(temp_files(directory), [], f"temporary files left in {directory}")
            stray = sorted(set(os.listdir(directory)) - allowed)
            self.assertEqual(stray, [], f"left in {directory}")
        if os.path.isdir(self.backups):
            stray = [n for n in os.listdir(self.backups) if not BACKUP_NAME.match(n)]
            self.assertEqual(stray, [], "the backups folder holds something that is not a backup")
        for name in keep:
            self.assertTrue(os.path.exists(os.path.join(self.dir, name)), f"the user's {name} was removed")

    def ids_in(self, path, context=""):
        """The ids in a diary file, which must parse."""
        try:
            return read_ids(path)
        except (OSError, ValueError, KeyError, TypeError) as e:
            self.fail(f"{context}: {path} does not hold a diary: {e!r}")

    def assert_private(self):
        self.assertEqual(mode_of(self.journal), 0o600, "journal.json is not 0600")
        self.assertEqual(mode_of(self.dir), 0o700, "the diary's folder is not 0700")


class KillDuringSaves(FaultCase):
    """kill -9 at random moments of saving: nothing reported saved is lost,
    the file always parses and stays private, and the next start cleans up."""

    def test_kill_9_during_saves(self):
        seed = int(os.environ.get("LUMBAR_FAULT_SEED", random.SystemRandom().randrange(1 << 32)))
        wanted = int(os.environ.get("LUMBAR_FAULT_KILLS", "300"))
        log(f"kill -9 during saves: seed {seed} (replay with LUMBAR_FAULT_SEED={seed})")
        rng = random.Random(seed)

        # The user's own copies beside the diary: never taken for a stale
        # temporary file (DESIGN.md).
        os.makedirs(self.dir, mode=0o700)
        copies = ("journal.json.backup", "journal.json.copy01", ".journal.json.saving-notes.txt")
        for name in copies:
            write_diary(os.path.join(self.dir, name), ["mine"])

        reported = set()
        kills = kills_at_start = left_temp = backups_redone = 0
        started = time.monotonic()
        run = 0

        # At least 50 kills, and more while the time allows.
        while kills < wanted and (kills < 50 or time.monotonic() - started < BUDGET):
            run += 1
            autosave = rng.random() < 0.5
            # Now and then the day's backup goes, so the next first save
            # writes it again and a kill can land in that write too.
            if os.path.isdir(self.backups) and rng.random() < 0.3:
                for name in os.listdir(self.backups):
                    if BACKUP_NAME.match(name):
                        os.unlink(os.path.join(self.backups, name))
                backups_redone += 1

            options = ["--prefix", f"r{run}", "--note-size", str(rng.choice((0, 500, 2000, 4000))), "--wait-go"]
            if autosave:
                options.append("--autosave")
            saver = self.saver(*options)
            context = f"seed {seed}, run {run}, {'autosave' if autosave else 'flush'}"

            if rng.random() < 0.1:
                # Some kills land while the store loads (and cleans up).
                time.sleep(rng.uniform(0, 0.005))
                saver.kill()
                kills_at_start += 1
            else:
                loaded = saver.wait_for("loaded ")
                self.assertEqual(saver.lines, [loaded], f"{context}: the diary was not loaded as it was")
                # The store has loaded: what a killed save left is gone.
                self.assert_left_nothing(keep=copies)
                if os.path.exists(self.journal):
                    self.assert_private()
                    on_disk = self.ids_in(self.journal, context)
                    self.assertEqual(int(loaded.split()[1]), len(on_disk), context)
                saver.go()
                saver.wait_for("saved ", timeout=20)
                time.sleep(rng.uniform(0, 0.025))
                saver.kill()
                kills += 1

            self.assertIn(saver.status, (-signal.SIGKILL, DONE), f"{context}: {saver.stderr}")
            reported.update(saver.saved)
            if temp_files(self.dir) or temp_files(self.backups):
                left_temp += 1

            # Right after the kill: the diary parses, is private and holds
            # everything ever reported saved.
            if reported:
                ids = set(self.ids_in(self.journal, f"{context}, after the kill"))
                self.assertEqual(reported - ids, set(), f"{context}: entries reported saved are lost")
                self.assert_private()

        # One more start, left to finish: everything is there, nothing stale.
        saver = self.saver("--prefix", "last", "--count", "1", "--wait-go")
        saver.wait_for("loaded ")
        self.assert_left_nothing(keep=copies)
        saver.go()
        self.assertEqual(saver.finish(), DONE, saver.stderr)
        self.assertEqual(reported - set(read_ids(self.journal)), set())
        for name in copies:
            self.assertEqual(read_ids(os.path.join(self.dir, name)), ["mine"], name)
        self.assert_private()
        rc, out, err = self.lumbar("--check", self.journal)
        self.assertEqual(rc, 0, err)
        self.assertIn(f"valid, {len(read_ids(self.journal))} entries", out)

        elapsed = time.monotonic() - started
        log(f"kill -9 during saves: {kills} kills while saving and {kills_at_start} while starting "
            f"in {elapsed:.1f} s; {left_temp} left a temporary file for the next start to remove; "
            f"the day's backup was written again {backups_redone} times; "
            f"{len(reported)} entries reported saved, none lost")
        self.assertGreaterEqual(kills, 50)


class DiskFull(FaultCase):
    """A disk that fills up: the save fails and says so, the last good
    diary stays, and once there is room again everything is saved."""

    SIZE = "1m"

    def setUp(self):
        super().setUp()
        self.mount = os.path.join(self.root, "small-disk")
        os.mkdir(self.mount)
        try:
            p = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.SIZE},mode=0700", "tmpfs", self.mount],
                               capture_output=True, text=True, timeout=30)
            reason = p.stderr.strip() or f"exit status {p.returncode}"
            mounted = p.returncode == 0
        except (OSError, subprocess.TimeoutExpired) as e:
            reason, mounted = str(e), False
        if not mounted:
            self.skipTest(f"a full disk is made with a {self.SIZE} tmpfs, and mounting one failed here "
                          f"({reason}); it needs root where mount is allowed")
        self.addCleanup(self._umount)
        self.dir = os.path.join(self.mount, "lumbar")
        self.journal = os.path.join(self.dir, "journal.json")
        self.backups = os.path.join(self.dir, "backups")
        self.filler = os.path.join(self.mount, "filler")

    def _umount(self):
        self._stop_savers()
        subprocess.run(["umount", self.mount], capture_output=True, timeout=30)

    def fill(self, size):
        with open(self.filler, "wb") as f:
            f.write(b"\0" * size)

    def test_flush_fails_and_the_last_good_diary_stays(self):
        self.fill(512 * 1024)
        saver = self.saver("--prefix", "a", "--note-size", "4000")
        status = saver.finish(timeout=60)
        self.assertEqual(status, SAVE_FAILED, f"{saver.lines[-3:]} {saver.stderr}")
        last = saver.lines[-1]
        self.assertRegex(last, r"^not-saved a-\d+ .*the disk is full")
        self.assertGreater(len(saver.saved), 0)
        log(f"disk full: {len(saver.saved)} saves worked, then “{last}”")

        # The last good version: exactly what was reported saved.
        self.assertEqual(set(read_ids(self.journal)), set(saver.saved))
        self.assert_private()

        os.unlink(self.filler)
        again = self.saver("--prefix", "b", "--count", "3", "--wait-go")
        loaded = again.wait_for("loaded ")
        self.assertEqual(loaded, f"loaded {len(saver.saved)}")
        self.assert_left_nothing()
        again.go()
        self.assertEqual(again.finish(), DONE, again.stderr)
        self.assertEqual(set(read_ids(self.journal)), set(saver.saved) | set(again.saved))
        self.assert_left_nothing()

    def test_autosave_retries_once_there_is_room(self):
        self.fill(700 * 1024)
        saver = self.saver("--prefix", "a", "--note-size", "4000", "--autosave", "--retry-delay", "20")
        error = saver.wait_for("save-error ", timeout=60)
        self.assertIn("the disk is full", error)
        # While saving fails, the file is the last version that worked.
        reported = list(saver.saved)
        self.assertGreater(len(reported), 0)
        self.assertEqual(set(read_ids(self.journal)), set(reported))

        # The entry waiting in memory reaches the disk on a retry.
        os.unlink(self.filler)
        pending = f"a-{len(reported) + 1}"
        self.assertEqual(saver.wait_for("saved ", timeout=20), f"saved {pending}")
        saver.kill()
        self.assertLessEqual(set(saver.saved), set(read_ids(self.journal)))

        again = self.saver("--prefix", "b", "--count", "1", "--wait-go")
        again.wait_for("loaded ")
        self.assert_left_nothing()
        again.go()
        self.assertEqual(again.finish(), DONE, again.stderr)


class NotARegularFile(FaultCase):
    """A FIFO or a device as the diary is refused at once, and left as it is."""

    def check_refused(self, kind):
        rc, out, err = self.lumbar("--summary")
        self.assertEqual(rc, 1, f"{kind}: {out} {err}")
        self.assertIn("not a regular file", err)
        rc, out, err = self.lumbar("--check", self.journal)
        self.assertEqual(rc, 1, f"{kind}: {out} {err}")
        self.assertIn("not a regular file", err)

        saver = self.saver("--count", "1")
        status = saver.finish(timeout=10)
        self.assertIn(status, (LOAD_FAILED, READ_ONLY), f"{kind}: {saver.lines} {saver.stderr}")
        self.assertEqual(saver.saved, [])
        self.assertTrue(any("not a regular file" in line for line in saver.lines), saver.lines)

    def test_fifo(self):
        os.makedirs(self.dir, mode=0o700)
        os.mkfifo(self.journal, 0o600)
        self.check_refused("FIFO")
        self.assertTrue(stat.S_ISFIFO(os.lstat(self.journal).st_mode), "the FIFO was replaced")

    def test_device(self):
        os.makedirs(self.dir, mode=0o700)
        try:
            # The same device as /dev/zero, in this case's own folder.
            os.mknod(self.journal, stat.S_IFCHR | 0o600, os.makedev(1, 5))
        except PermissionError as e:
            self.skipTest(f"making a device node needs root: {e}")
        self.check_refused("device")
        self.assertTrue(stat.S_ISCHR(os.lstat(self.journal).st_mode), "the device was replaced")

    def test_dev_zero_is_not_read(self):
        rc, out, err = self.lumbar("--check", "/dev/zero")
        self.assertEqual(rc, 1)
        self.assertIn("not a regular file", err)


class LockDeleted(FaultCase):
    """Deleting every file but the diary while one instance writes does not
    let a second one write too."""

    def test_second_instance_stays_read_only(self):
        a = self.saver("--prefix", "a", "--count", "5", "--hold")
        a.wait_for("holding")
        # Whatever is in the folder besides the diary: timers, backups, and a
        # lock file as older versions had.
        with open(os.path.join(self.dir, "lock"), "w"):
            pass
        deleted = []
        for name in os.listdir(self.dir):
            if name == "journal.json":
                continue
            path = os.path.join(self.dir, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.unlink(path)
            deleted.append(name)
        log(f"lock deleted: removed {sorted(deleted)} while the first instance held the diary")

        b = self.saver("--prefix", "b", "--count", "5")
        self.assertEqual(b.finish(timeout=10), READ_ONLY, f"{b.lines} {b.stderr}")
        self.assertEqual(b.saved, [])
        self.assertTrue(b.lines[-1].startswith("read-only "), b.lines)

        self.assertEqual(a.finish(), DONE, a.stderr)
        self.assertEqual(sorted(read_ids(self.journal)), sorted(a.saved))

        # Once the first has gone, the next one writes.
        c = self.saver("--prefix", "c", "--count", "1")
        self.assertEqual(c.finish(), DONE, f"{c.lines} {c.stderr}")
        self.assertEqual(set(read_ids(self.journal)), set(a.saved) | {"c-1"})

    # The store locks the folder it opened and writes by path: once that
    # folder has been moved away and a second instance has made and locked a
    # new one at the same path, the first must not write into the new one.
    def test_folder_moved_away_is_not_written_through_its_path(self):
        a = self.saver("--prefix", "a", "--count", "6", "--pause-after", "3")
        a.wait_for("paused")
        moved = self.dir + ".moved"
        os.rename(self.dir, moved)

        b = self.saver("--prefix", "b", "--count", "3", "--hold")
        b.wait_for("holding")
        a.go()
        a.finish()
        log(f"folder moved away: the first instance went on with {a.lines[-4:]}")

        # The folder at the path is the second instance's: only it writes there.
        ids = set(read_ids(self.journal))
        self.assertEqual(set(b.saved) - ids, set(), "entries the second instance reported saved are lost")
        self.assertEqual({i for i in ids if i.startswith("a-")}, set(),
                         "the first instance wrote into a folder it does not hold")
        self.assertEqual(b.finish(), DONE, b.stderr)


class ClockSetBack(FaultCase):
    """Backups written while the clock was ahead rank oldest: recovery takes
    the one written last, and today's backup survives rotation."""

    def make_backup(self, day, ids, mtime, suffix=""):
        os.makedirs(self.backups, mode=0o700, exist_ok=True)
        path = os.path.join(self.backups, f"journal-{day.isoformat()}{suffix}.json")
        write_diary(path, ids)
        os.utime(path, (mtime, mtime))
        return path

    def test_broken_diary_restores_the_backup_written_last(self):
        today, now = datetime.date.today(), time.time()
        d = datetime.timedelta
        # Written with the clock a week ahead: newest name, future time.
        self.make_backup(today + d(days=7), [f"f{i}" for i in range(5)], now + 7 * DAY)
        # A name from the future, but written (honestly) three days ago.
        self.make_backup(today + d(days=30), [f"n{i}" for i in range(3)], now - 3 * DAY)
        honest = self.make_backup(today - d(days=1), [f"h{i}" for i in range(6)], now - 3600)
        self.make_backup(today - d(days=2), [f"o{i}" for i in range(4)], now - 2 * DAY)
        self.make_backup(today - d(days=5), [f"r{i}" for i in range(2)], now - 5 * DAY, "-101500")
        with open(self.journal, "w") as f:
            f.write('{"format": "lumbar-journal", "version": 1, "entries": [')
        os.chmod(self.journal, 0o600)

        saver = self.saver("--prefix", "x", "--count", "1")
        self.assertEqual(saver.finish(), DONE, saver.stderr)
        self.assertIn(f"restored-from {honest}", saver.lines)
        self.assertIn("loaded 6", saver.lines)
        self.assertEqual(sorted(read_ids(self.journal)), sorted([f"h{i}" for i in range(6)] + ["x-1"]))
        broken = [n for n in os.listdir(self.dir) if n.startswith("journal.json.broken-")]
        self.assertEqual(len(broken), 1, os.listdir(self.dir))
        self.assertEqual(temp_files(self.dir), [])

    def check_todays_backup_survives(self, days, mtime_of):
        before = ["k1", "k2", "k3"]
        os.makedirs(self.dir, mode=0o700)
        write_diary(self.journal, before)
        now = time.time()
        for k in days:
            self.make_backup(datetime.date.today() + datetime.timedelta(days=k), ["old"], mtime_of(now, k))

        first = datetime.date.today()
        saver = self.saver("--prefix", "x", "--count", "2")
        self.assertEqual(saver.finish(), DONE, saver.stderr)
        # Around midnight the saver's day may be the next one.
        names = {f"journal-{day.isoformat()}.json" for day in (first, datetime.date.today())}
        present = sorted(os.listdir(self.backups))
        todays = names & set(present)
        self.assertEqual(len(todays), 1, f"no backup of today among {present}")
        self.assertEqual(read_ids(os.path.join(self.backups, todays.pop())), before)
        self.assertLessEqual(len(present), 14, present)
        return present

    def test_fourteen_backups_from_the_future(self):
        # Written on a clock 1–14 days ahead: names and times in the future.
        self.check_todays_backup_survives(range(1, 15), lambda now, k: now + k * DAY)

    def test_fourteen_future_names_written_in_the_past(self):
        self.check_todays_backup_survives(range(1, 15), lambda now, k: now - (15 - k) * DAY)

    def test_fourteen_honest_backups_lose_the_oldest(self):
        present = self.check_todays_backup_survives(range(-14, 0), lambda now, k: now + k * DAY)
        oldest = f"journal-{(datetime.date.today() - datetime.timedelta(days=14)).isoformat()}.json"
        self.assertNotIn(oldest, present)


class SymlinkedDiary(FaultCase):
    """A diary that is a link into another folder (a synced one) stays a
    link: saves and kills happen in the target's folder, and leave nothing."""

    def test_link_stays_and_target_is_written(self):
        synced = os.path.join(self.root, "synced")
        os.makedirs(synced, mode=0o700)
        target = os.path.join(synced, "journal.json")
        write_diary(target, ["s1", "s2"])
        os.makedirs(self.dir, mode=0o700)
        link = os.path.relpath(target, self.dir)
        os.symlink(link, self.journal)

        seed = int(os.environ.get("LUMBAR_FAULT_SEED", random.SystemRandom().randrange(1 << 32)))
        log(f"symlinked diary: seed {seed}")
        rng = random.Random(seed)
        reported = {"s1", "s2"}
        for run in range(1, 11):
            saver = self.saver("--prefix", f"r{run}", "--note-size", "2000", "--wait-go")
            saver.wait_for("loaded ")
            self.assert_left_nothing(self.dir, synced)
            saver.go()
            saver.wait_for("saved ")
            time.sleep(rng.uniform(0, 0.02))
            saver.kill()
            reported.update(saver.saved)
            self.assertTrue(os.path.islink(self.journal), f"seed {seed}, run {run}: the link was replaced by a file")
            self.assertEqual(os.readlink(self.journal), link)
            self.assertEqual(reported - set(self.ids_in(target, f"seed {seed}, run {run}")), set(),
                             f"seed {seed}, run {run}")

        saver = self.saver("--prefix", "last", "--count", "3", "--wait-go")
        saver.wait_for("loaded ")
        self.assert_left_nothing(self.dir, synced)
        saver.go()
        self.assertEqual(saver.finish(), DONE, saver.stderr)
        self.assertTrue(os.path.islink(self.journal))
        self.assertEqual(os.readlink(self.journal), link)
        self.assertEqual((reported | set(saver.saved)) - set(read_ids(target)), set())
        self.assertEqual(mode_of(target), 0o600)
        self.assertEqual(temp_files(self.dir) + temp_files(synced), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
