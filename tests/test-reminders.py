#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reminders on a real session bus (DESIGN.md, "Settings and reminders").

Run inside `dbus-run-session` and an X server (tests/meson.build does):
python3-dbusmock plays the notification daemon and logs every call; the
real `lumbar --gapplication-service` sends its GNotifications there
(GNOTIFICATION_BACKEND=freedesktop). The reminder time is set to the
current minute before the app starts, so it is due at once; nothing waits
for the clock, every wait has a deadline."""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

LUMBAR = os.path.abspath(sys.argv.pop(1))
DEADLINE_S = 30
APP_ID = "io.github.lumbar.Lumbar"


def wait_for(condition, what, deadline_s=DEADLINE_S):
    """Polls @condition until it returns something true, or fails after the
    deadline (a process without a main loop has nothing to block in)."""
    end = time.monotonic() + deadline_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Reminders(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="lumbar-reminders-")
        self.env = dict(os.environ)
        self.env["LC_ALL"] = "C.UTF-8"
        self.env["G_DEBUG"] = "gc-friendly,fatal-warnings"
        self.env["GNOTIFICATION_BACKEND"] = "freedesktop"
        self.env["GSETTINGS_BACKEND"] = "keyfile"
        self.env["GTK_A11Y"] = "none"
        self.env["NO_AT_BRIDGE"] = "1"
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            path = os.path.join(self.tmp, var.lower())
            os.mkdir(path, 0o700)
            self.env[var] = path
        self.diary = os.path.join(self.env["XDG_DATA_HOME"], "lumbar")
        self.log_path = os.path.join(self.tmp, "notifications.log")
        self.processes = []

        self.daemon = self.start(["/usr/bin/python3", "-m", "dbusmock", "--session",
                                  "-t", "notification_daemon", "-l", self.log_path],
                                 "dbusmock.log")
        wait_for(lambda: self.name_has_owner("org.freedesktop.Notifications"),
                 "the mock notification daemon")

    def tearDown(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def start(self, argv, log_name):
        log = open(os.path.join(self.tmp, log_name), "w+")
        self.addCleanup(log.close)
        process = subprocess.Popen(argv, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def gdbus(self, *args):
        return subprocess.run(["gdbus", "call", "--session", *args], env=self.env,
                              capture_output=True, text=True)

    def name_has_owner(self, name):
        result = self.gdbus("--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                            "--method", "org.freedesktop.DBus.NameHasOwner", name)
        return result.returncode == 0 and "true" in result.stdout

    def write_settings(self, times):
        folder = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
        os.makedirs(folder)
        listed = ", ".join(f"'{t}'" for t in times)
        with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as f:
            f.write("[io/github/lumbar/Lumbar]\n"
                    f"reminder-times=[{listed}]\n"
                    "welcome-shown=true\n")

    def write_diary(self, entries, timers=()):
        os.makedirs(self.diary, 0o700)
        with open(os.path.join(self.diary, "journal.json"), "w", encoding="utf-8") as f:
            json.dump({"format": "lumbar-journal", "version": 1, "entries": entries}, f)
        if timers:
            with open(os.path.join(self.diary, "timers.json"), "w", encoding="utf-8") as f:
                json.dump({"format": "lumbar-timers", "version": 1, "timers": list(timers)}, f)

    def notifications(self):
        try:
            with open(self.log_path, encoding="utf-8") as f:
                return [line for line in f if " Notify " in line]
        except FileNotFoundError:
            return []

    def notified(self, text):
        return [line for line in self.notifications() if text in line]

    def start_lumbar(self):
        self.app = self.start([LUMBAR, "--gapplication-service"], "lumbar.log")
        wait_for(lambda: self.name_has_owner(APP_ID) or self.app.poll() is not None,
                 "Lumbar on the session bus")
        self.assertIsNone(self.app.poll(), self.app_output())

    def app_output(self):
        with open(os.path.join(self.tmp, "lumbar.log"), encoding="utf-8") as f:
            return f.read()

    def windows(self, name="Lumbar"):
        # Only this Lumbar's: other tests may show windows on the display.
        result = subprocess.run(["xdotool", "search", "--all", "--pid", str(self.app.pid),
                                 "--onlyvisible", "--name", f"^{name}$"],
                                env=self.env, capture_output=True, text=True)
        return result.stdout.split()

    @staticmethod
    def now():
        return datetime.datetime.now().astimezone()

    def test_reminder_at_its_time_opens_today(self):
        self.write_settings([self.now().strftime("%H:%M")])
        self.start_lumbar()

        line = wait_for(lambda: self.notified("How is your back?"), "the reminder")[0]
        self.assertIn("Log Pain", line)
        self.assertIn("app.log-pain", line)
        # As a service it opens no window by itself.
        self.assertEqual(self.windows(), [])

        # A click on the notification is the daemon's signal; GLib runs the
        # default action, app.log-pain.
        result = self.gdbus("--dest", "org.freedesktop.Notifications",
                            "--object-path", "/org/freedesktop/Notifications",
                            "--method", "org.freedesktop.DBus.Mock.EmitSignal",
                            "org.freedesktop.Notifications", "ActionInvoked", "us",
                            "[<uint32 1>, <'default'>]")
        self.assertEqual(result.returncode, 0, result.stderr)
        wait_for(self.windows, "the main window")
        # Once a day for that time: the window's start sent nothing more.
        self.assertEqual(len(self.notified("How is your back?")), 1)
        self.assertIsNone(self.app.poll(), self.app_output())

    def test_no_reminder_after_pain_logged(self):
        now = self.now().replace(microsecond=0)
        self.write_settings([now.strftime("%H:%M")])
        # Pain an hour ago; and a rest timer running for 3 hours, whose
        # question comes in the same check, after the reminder would have.
        self.write_diary(
            [{"id": "p1", "kind": "pain", "at": (now - datetime.timedelta(hours=1)).isoformat(),
              "local": 4}],
            [{"id": "r1", "kind": "rest", "start": (now - datetime.timedelta(hours=3)).isoformat()}])
        self.start_lumbar()

        line = wait_for(lambda: self.notified("Still resting?"), "the long rest's question")[0]
        self.assertIn("Keep Going", line)
        self.assertIn("app.stop-timer", line)
        self.assertEqual(self.notified("How is your back?"), [])
        self.assertEqual(self.windows(), [])

    def test_no_window_as_a_service(self):
        self.write_settings([])
        self.start_lumbar()
        # Ask it something over the bus: by the answer, startup is done.
        result = self.gdbus("--dest", APP_ID, "--object-path", "/io/github/lumbar/Lumbar",
                            "--method", "org.freedesktop.DBus.Peer.Ping")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.windows(), [])
        self.assertEqual(self.notifications(), [])

    def gsettings_set(self, key, value):
        result = subprocess.run(["gsettings", "set", "io.github.lumbar.Lumbar", key, value],
                                env=self.env, capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_autostart_follows_reminders(self):
        entry = os.path.join(self.env["XDG_CONFIG_HOME"], "autostart", f"{APP_ID}.desktop")
        self.write_settings([])
        self.start_lumbar()
        self.assertFalse(os.path.exists(entry))

        # Switched on (a time far from now, so no reminder comes).
        later = (self.now() + datetime.timedelta(hours=6)).strftime("%H:%M")
        self.gsettings_set("reminder-times", f"['{later}']")
        wait_for(lambda: os.path.exists(entry), "the autostart entry")
        self.assertEqual(os.stat(entry).st_mode & 0o777, 0o600)
        with open(entry, encoding="utf-8") as f:
            self.assertIn("Exec=lumbar --gapplication-service\n", f.read())

        self.gsettings_set("reminder-times", "@as []")
        wait_for(lambda: not os.path.exists(entry), "the autostart entry to go")
        self.assertIsNone(self.app.poll(), self.app_output())


if __name__ == "__main__":
    unittest.main(verbosity=2)
