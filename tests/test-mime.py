#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exported diaries as a file type of their own (DESIGN.md, Exports): Lumbar
installed into a temporary folder, its MIME database built there, and GIO
(what Files uses) asked what an export is and which app opens it.

Usage: test-mime.py LUMBAR MESON BUILD_ROOT DATADIR BINDIR APP_ID
(DATADIR and BINDIR as configured, absolute; the install goes to a
temporary DESTDIR below them)."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

LUMBAR, MESON, BUILD_ROOT, DATADIR, BINDIR, APP_ID = sys.argv[1:7]
LUMBAR = os.path.abspath(LUMBAR)
del sys.argv[1:7]

FIXTURES = os.path.join(os.environ["LUMBAR_TEST_SRCDIR"], "fixtures")
MIME_TYPE = "application/x-lumbar-journal"
MAGIC = b'"format": "lumbar-journal"'
SETUP_HINT = "install the test tools with: bash build-aux/setup-debian.sh"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tool(name, package):
    path = shutil.which(name)
    if path is None:
        # Not a skip: without these tools nothing here is checked at all.
        raise AssertionError(f"{name} not found (Debian package {package}); {SETUP_HINT}")
    return path


def under_destdir(destdir, path):
    # As meson does: DESTDIR is put in front of the absolute install path.
    return os.path.join(destdir, os.path.relpath(path, "/"))


class Mime(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.gio = tool("gio", "libglib2.0-bin")
        cls.update_mime_database = tool("update-mime-database", "shared-mime-info")
        cls.desktop_file_validate = tool("desktop-file-validate", "desktop-file-utils")
        cls.update_desktop_database = tool("update-desktop-database", "desktop-file-utils")

        cls.tmp = tempfile.mkdtemp(prefix="lumbar-mime-")
        destdir = os.path.join(cls.tmp, "destdir")
        install = subprocess.run([MESON, "install", "-C", BUILD_ROOT, "--no-rebuild", "--quiet",
                                  "--destdir", destdir],
                                 capture_output=True, text=True, timeout=120)
        if install.returncode != 0:
            shutil.rmtree(cls.tmp)
            raise AssertionError("meson install failed:\n" + install.stdout + install.stderr)

        cls.share = under_destdir(destdir, DATADIR)
        cls.bindir = under_destdir(destdir, BINDIR)
        cls.package = os.path.join(cls.share, "mime", "packages", APP_ID + ".mime.xml")
        if not os.path.isfile(cls.package):
            shutil.rmtree(cls.tmp)
            raise AssertionError("meson install put no MIME package in " + os.path.dirname(cls.package))
        # What gnome.post_install does after a plain `meson install`, and a
        # package manager's triggers after a staged one: GIO reads types
        # from mime.cache and the apps for a type from mimeinfo.cache.
        for command in ([cls.update_mime_database, os.path.join(cls.share, "mime")],
                        [cls.update_desktop_database, os.path.join(cls.share, "applications")]):
            update = subprocess.run(command, capture_output=True, text=True, timeout=60)
            if update.returncode != 0:
                shutil.rmtree(cls.tmp)
                raise AssertionError(" ".join(command) + " failed:\n" + update.stdout + update.stderr)

        cls.files = os.path.join(cls.tmp, "files")
        os.mkdir(cls.files)
        # Empty user folders: only the installed prefix and the system count.
        cls.env = {k: v for k, v in os.environ.items() if k not in ("G_DEBUG", "LANGUAGE")}
        cls.env["LC_ALL"] = "C.UTF-8"
        cls.env["XDG_DATA_DIRS"] = cls.share + ":/usr/share"
        cls.env["PATH"] = cls.bindir + ":" + os.environ.get("PATH", "/usr/bin:/bin")
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            path = os.path.join(cls.tmp, var.lower())
            os.mkdir(path, 0o700)
            cls.env[var] = path

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def content_type(self, path):
        p = subprocess.run([self.gio, "info", "-a", "standard::content-type", path],
                           capture_output=True, text=True, env=self.env, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        m = re.search(r"standard::content-type: (\S+)", p.stdout)
        self.assertIsNotNone(m, p.stdout)
        return m.group(1)

    def export(self, name, *args):
        path = os.path.join(self.files, name)
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        env.update({k: self.env[k] for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")})
        p = subprocess.run([LUMBAR, "--export=json", "--output=" + path, *args,
                            os.path.join(FIXTURES, "valid.json")],
                           capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        return path

    def write(self, name, text):
        path = os.path.join(self.files, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_package_is_installed_translated(self):
        mime_type = ET.parse(self.package).getroot().find(MIME_NS + "mime-type")
        self.assertEqual(mime_type.get("type"), MIME_TYPE)
        comments = {c.get(XML_LANG): c.text for c in mime_type.findall(MIME_NS + "comment")}
        self.assertEqual(comments.get(None), "Lumbar diary")
        self.assertEqual(comments.get("de"), "Lumbar-Tagebuch")

    def test_export_starts_with_its_format(self):
        # The magic looks at the first 64 bytes only: the patient's name and
        # the period come after the format.
        for args in ((), ("--patient-name=" + "Anna-Katharina " * 8,)):
            with open(self.export("first-bytes.lumbar.json", *args), "rb") as f:
                self.assertIn(MAGIC, f.read(64), args)

    def test_named_export_is_a_lumbar_diary(self):
        path = self.export("anna.lumbar.json", "--patient-name=Anna Berg")
        self.assertEqual(self.content_type(path), MIME_TYPE)

    def test_renamed_export_is_recognised_by_content(self):
        named = self.export("renamed.lumbar.json")
        for name in ("anna.json", "anna"):
            path = os.path.join(self.files, name)
            shutil.copyfile(named, path)
            self.assertEqual(self.content_type(path), MIME_TYPE, name)

    def test_plain_json_is_not_claimed(self):
        self.assertEqual(self.content_type(self.write("list.json", "[1, 2, 3]\n")), "application/json")
        other = self.write("other.json", '{\n  "format": "something-else",\n  "version": 1\n}\n')
        self.assertEqual(self.content_type(other), "application/json")

    def test_format_after_64_bytes_is_not_claimed(self):
        text = '{\n  "comment": "%s",\n  "format": "lumbar-journal",\n  "version": 1,\n  "entries": []\n}\n' % ("x" * 80)
        self.assertGreater(text.encode().index(MAGIC), 64)
        self.assertEqual(self.content_type(self.write("late.json", text)), "application/json")

    def test_desktop_file_opens_the_type(self):
        desktop = os.path.join(self.share, "applications", APP_ID + ".desktop")
        p = subprocess.run([self.desktop_file_validate, desktop], capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        keys = {}
        with open(desktop, encoding="utf-8") as f:
            for line in f:
                key, sep, value = line.rstrip("\n").partition("=")
                if sep and key not in keys:
                    keys[key] = value
        self.assertIn(MIME_TYPE, keys.get("MimeType", "").split(";"))
        # Files passes the chosen files as arguments only with a file code.
        self.assertRegex(keys.get("Exec", ""), r"%[FfUu]")

        # What Files asks when a diary is double-clicked.
        p = subprocess.run([self.gio, "mime", MIME_TYPE], capture_output=True, text=True,
                           env=self.env, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        first_line = p.stdout.splitlines()[0] if p.stdout else ""
        self.assertIn("Default application", first_line, p.stdout)
        self.assertTrue(first_line.endswith(": " + APP_ID + ".desktop"), p.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
