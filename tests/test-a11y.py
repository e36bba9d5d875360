#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real window as a screen reader hears it, over AT-SPI (pyatspi).

Run inside `dbus-run-session` (tests/meson.build does): starts the AT-SPI
bus, then Lumbar with a fresh diary; walks every page's accessibility tree
and fails on a control without a human name, with a name spoken twice, or
announced by its toolkit class; then logs pain 6 with radiating pain 3
through AT-SPI alone and finds the reading in journal.json."""

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

# Roles a person operates; each needs a name of its own.
CONTROL_ROLES = {
    "push button", "button", "toggle button", "check box", "radio button", "slider",
    "spin button", "entry", "text", "password text", "combo box", "switch",
    "menu item", "check menu item", "radio menu item", "page tab", "link",
    "toggle button", "expander", "list item",
}


def wait_for(condition, what, deadline_s=DEADLINE_S):
    """Polls @condition (a GLib-free process has no main loop to block in)
    until it returns something true, or fails after the deadline."""
    end = time.monotonic() + deadline_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Accessibility(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lumbar-a11y-")
        env = dict(os.environ)
        for var in ("GTK_A11Y", "NO_AT_BRIDGE"):
            env.pop(var, None)
        env["LANGUAGE"] = "en"
        env["LC_ALL"] = "C.UTF-8"
        env["G_DEBUG"] = "gc-friendly,fatal-warnings"
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            path = os.path.join(cls.tmp, var.lower())
            os.mkdir(path, 0o700)
            env[var] = path
        cls.journal = os.path.join(env["XDG_DATA_HOME"], "lumbar", "journal.json")
        if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
            raise AssertionError("at-spi2-core is missing: run build-aux/setup-debian.sh")
        cls.bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import pyatspi  # noqa: E402 (needs the session bus of dbus-run-session)
        cls.pyatspi = pyatspi
        # The app registers with the accessibility bus when it starts: the
        # bus must answer first, or the app is never seen.
        wait_for(cls.bus_ready, "the AT-SPI bus")
        cls.app_log = open(os.path.join(cls.tmp, "lumbar.log"), "w+")
        cls.app_process = subprocess.Popen([LUMBAR], env=env, stdout=cls.app_log,
                                           stderr=subprocess.STDOUT)
        try:
            cls.app = wait_for(cls.find_app, "Lumbar on the accessibility bus")
        except AssertionError:
            cls.app_log.seek(0)
            print(f"lumbar exited with {cls.app_process.poll()}; it said:\n{cls.app_log.read()}")
            raise
        cls.window = wait_for(lambda: cls.find(cls.app, "frame", "Lumbar"), "the window “Lumbar”")

    @classmethod
    def tearDownClass(cls):
        cls.app_process.terminate()
        try:
            cls.app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            cls.app_process.kill()
        cls.bus.terminate()
        cls.bus.wait(timeout=10)
        cls.app_log.close()
        shutil.rmtree(cls.tmp)

    @classmethod
    def bus_ready(cls):
        try:
            return subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                                   "--object-path", "/org/a11y/bus", "--method", "org.a11y.Bus.GetAddress"],
                                  capture_output=True, timeout=5).returncode == 0
        except subprocess.TimeoutExpired:
            return False

    @classmethod
    def find_app(cls):
        try:
            desktop = cls.pyatspi.Registry.getDesktop(0)
        except Exception:  # the bus is not up yet
            return None
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name in ("lumbar", "Lumbar"):
                return app
        return None

    @classmethod
    def children(cls, node):
        """@node's children; none once it is gone (a toast timing out)."""
        from gi.repository import GLib

        try:
            return [node.getChildAtIndex(i) for i in range(node.childCount)]
        except GLib.GError:
            return []

    @classmethod
    def walk(cls, node, depth=0):
        if node is None or depth > 80:
            return
        yield node
        for child in cls.children(node):
            yield from cls.walk(child, depth + 1)

    @classmethod
    def find(cls, root, role, name):
        from gi.repository import GLib

        # at-spi2-core 2.56 (Debian 13) calls a push button a "button".
        roles = {"push button", "button"} if role == "push button" else {role}
        for node in cls.walk(root):
            try:
                if node.getRoleName() in roles and node.name == name:
                    return node
            except GLib.GError:
                continue
        return None

    @classmethod
    def walk_controls(cls, node, depth=0):
        """The controls under @node; a combo box is one control, its
        popover's rows and inner button are its own business."""
        from gi.repository import GLib

        if node is None or depth > 80:
            return
        try:
            role = node.getRoleName()
        except GLib.GError:
            return
        if role in CONTROL_ROLES:
            yield node
        if role == "combo box":
            return
        for child in cls.children(node):
            yield from cls.walk_controls(child, depth + 1)

    def controls(self):
        return list(self.walk_controls(self.window))

    @staticmethod
    def where(node):
        """The named ancestors of @node, to find it in the window."""
        path = []
        parent = node.parent
        while parent is not None and len(path) < 4:
            if parent.name:
                path.append(f"{parent.getRoleName()} “{parent.name}”")
            parent = parent.parent
        return " in ".join(path)

    def assert_named(self, page):
        from gi.repository import GLib

        problems = []
        for node in self.controls():
            try:
                role, name = node.getRoleName(), node.name or ""
            except GLib.GError:
                # Gone while being read (a toast timing out), unless the
                # whole app is gone.
                self.assertIsNone(self.app_process.poll(), "Lumbar exited")
                continue
            words = name.split()
            half = len(words) // 2
            if not name.strip():
                problems.append(f"a {role} without a name, in {self.where(node)}")
            elif name.startswith(("Gtk", "Adw", "Lumbar")) and " " not in name:
                problems.append(f"a {role} announced by its class: “{name}”, in {self.where(node)}")
            elif len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
                problems.append(f"a {role} named twice: “{name}”, in {self.where(node)}")
        self.assertEqual(problems, [], f"on the {page} page")

    def test_every_control_has_one_human_name(self):
        for page in ("Today", "Diary", "History", "Tips"):
            switcher = wait_for(lambda: self.find(self.window, "page tab", page), f"the {page} switcher")
            switcher.queryAction().doAction(0)
            wait_for(lambda: switcher.getState().contains(self.pyatspi.STATE_SELECTED)
                     or switcher.getState().contains(self.pyatspi.STATE_CHECKED), f"the {page} page")
            self.assert_named(page)
        self.find(self.window, "page tab", "Today").queryAction().doAction(0)

    def test_timer_button_keeps_one_name(self):
        start = wait_for(lambda: self.find(self.window, "push button", "Start rest"), "the button “Start rest”")
        start.queryAction().doAction(0)
        stop = wait_for(lambda: self.find(self.window, "push button", "Stop rest"), "the button “Stop rest”")
        stop.queryAction().doAction(0)
        wait_for(lambda: self.find(self.window, "push button", "Start rest"), "“Start rest” again")
        self.assert_named("Today")

    def test_log_pain_through_atspi_alone(self):
        local = wait_for(lambda: self.find(self.window, "slider", "Local pain"), "the slider “Local pain”")
        local.queryValue().currentValue = 6.0
        spreading = wait_for(lambda: self.find(self.window, "switch", "I have pain spreading into a leg")
                             or self.find(self.window, "toggle button", "I have pain spreading into a leg")
                             or self.find(self.window, "check box", "I have pain spreading into a leg"),
                             "the switch for radiating pain")
        spreading.queryAction().doAction(0)
        radiating = wait_for(lambda: self.find(self.window, "slider", "Radiating pain"), "the slider “Radiating pain”")
        radiating.queryValue().currentValue = 3.0
        log = self.find(self.window, "push button", "Log pain")
        self.assertIsNotNone(log, "the button “Log pain”")
        log.queryAction().doAction(0)

        def logged():
            try:
                with open(self.journal, encoding="utf-8") as f:
                    doc = json.load(f)
            except (OSError, ValueError):
                return None
            return [e for e in doc["entries"] if e["kind"] == "pain"]

        readings = wait_for(logged, "the reading in journal.json", deadline_s=DEADLINE_S)
        self.assertEqual([(e["local"], e.get("radiating")) for e in readings], [(6, 3)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
