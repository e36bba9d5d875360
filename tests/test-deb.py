#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Debian package: build-aux/make-deb.sh builds lumbar_VERSION_ARCH.deb
# into a temporary folder, lintian finds no errors in it, and its file list
# (dpkg-deb -c) holds what a patient needs once it is installed: the
# program, the desktop entry and icons that put Lumbar in the application
# grid, the metainfo, the MIME type of exported diaries, the GSettings
# schema, the manual page and every language of po/LINGUAS.
#
# It builds from the source tree with debhelper, not from this build
# directory: about 30 s on two cores.
#
# Usage: test-deb.py SOURCE_ROOT
# Exit status 77 (skip) when the packaging tools or Build-Depends are missing
# and this user cannot install them: run build-aux/setup-debian.sh.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

SRCDIR = None
# The package builds the stable variant (meson.build's base_id).
APP_ID = "io.github.lumbar.Lumbar"


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def languages():
    with open(os.path.join(SRCDIR, "po", "LINGUAS"), encoding="utf-8") as f:
        return [word for line in f if not line.startswith("#") for word in line.split()]


def newest_release():
    """The version of the metainfo's first (newest) release."""
    path = os.path.join(SRCDIR, "data", APP_ID + ".metainfo.xml.in")
    with open(path, encoding="utf-8") as f:
        return re.search(r'<release\s+version="([^"]+)"', f.read()).group(1)


def missing_tools():
    """What make-deb.sh would have to install first, or None."""
    proc = run(["dpkg", "-s", "debhelper", "dpkg-dev", "fakeroot", "lintian"])
    if proc.returncode != 0:
        return "debhelper, dpkg-dev, fakeroot or lintian"
    proc = run(["dpkg-checkbuilddeps", os.path.join(SRCDIR, "build-aux", "debian", "control")])
    if proc.returncode != 0:
        return proc.stderr.strip()
    return None


class DebianPackage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="lumbar-test-deb-")
        # Only what a shell would have: the test environment's G_DEBUG,
        # LC_ALL, GSETTINGS_* and MESON_* are no business of the package build.
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", cls.tmp),
            "LANG": "C.UTF-8",
            "TMPDIR": cls.tmp,
        }
        started = time.monotonic()
        cls.proc = run(["bash", os.path.join(SRCDIR, "build-aux", "make-deb.sh"),
                        os.path.join(cls.tmp, "out")], env=env)
        cls.seconds = time.monotonic() - started
        print(f"make-deb.sh took {cls.seconds:.0f} s", file=sys.stderr)
        cls.out = os.path.join(cls.tmp, "out")
        cls.debs = sorted(os.listdir(cls.out)) if os.path.isdir(cls.out) else []

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        if self.proc.returncode != 0:
            self.fail("make-deb.sh failed:\n" + self.proc.stdout[-4000:] + self.proc.stderr[-4000:])
        self.assertEqual(len(self.debs), 1, self.debs)
        self.deb = os.path.join(self.out, self.debs[0])

    def field(self, name):
        return run(["dpkg-deb", "--field", self.deb, name]).stdout.strip()

    def contents(self):
        """path -> mode string, from dpkg-deb -c."""
        proc = run(["dpkg-deb", "--contents", self.deb])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        files = {}
        for line in proc.stdout.splitlines():
            parts = line.split(None, 5)
            path = parts[5].split(" -> ")[0]
            files[path[1:] if path.startswith(".") else path] = parts[0]
        return files

    def test_name_and_version(self):
        arch = run(["dpkg", "--print-architecture"]).stdout.strip()
        version = newest_release()
        self.assertEqual(self.debs[0], f"lumbar_{version}_{arch}.deb",
                         "the package's version (build-aux/debian/changelog) is the "
                         "metainfo's newest release")
        self.assertEqual(self.field("Package"), "lumbar")
        self.assertEqual(self.field("Version"), version)

    def test_lintian_finds_no_errors(self):
        # make-deb.sh runs lintian --fail-on error; its tags go to stdout.
        errors = [line for line in self.proc.stdout.splitlines() if line.startswith("E: ")]
        self.assertEqual(errors, [])

    def test_depends_on_the_libraries(self):
        depends = self.field("Depends")
        for library in ("libgtk-4-1", "libadwaita-1-0", "libglib2.0-0", "libjson-glib-1.0-0"):
            self.assertIn(library, depends)

    def test_files(self):
        files = self.contents()
        expected = [
            "/usr/bin/lumbar",
            f"/usr/share/applications/{APP_ID}.desktop",
            f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
            f"/usr/share/mime/packages/{APP_ID}.mime.xml",
            f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
            f"/usr/share/icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg",
            f"/usr/share/glib-2.0/schemas/{APP_ID}.gschema.xml",
            "/usr/share/man/man1/lumbar.1.gz",
            "/usr/share/doc/lumbar/copyright",
            "/usr/share/doc/lumbar/changelog.gz",
        ]
        self.assertTrue(languages(), "po/LINGUAS lists no language")
        for lang in languages():
            expected.append(f"/usr/share/locale/{lang}/LC_MESSAGES/lumbar.mo")
        for path in expected:
            self.assertIn(path, files)
            self.assertTrue(files[path].startswith("-"), f"{path} is not a regular file")
        self.assertEqual(files["/usr/bin/lumbar"], "-rwxr-xr-x")

    def test_nothing_else(self):
        # No tests, benchmark or fuzz harness, nothing outside /usr.
        for path in self.contents():
            self.assertTrue(path == "/" or path.startswith("/usr/"), path)
            self.assertFalse(path.startswith("/usr/local"), path)
            name = os.path.basename(path.rstrip("/"))
            self.assertFalse(name.startswith(("test-", "lumbar-bench", "fuzz-", "lumbar-fault")), path)
        binaries = [p for p, mode in self.contents().items()
                    if mode.startswith("-") and "x" in mode]
        self.assertEqual(binaries, ["/usr/bin/lumbar"])


def main():
    global SRCDIR
    if len(sys.argv) != 2:
        print("usage: test-deb.py SOURCE_ROOT", file=sys.stderr)
        return 2
    SRCDIR = os.path.abspath(sys.argv[1])
    if shutil.which("dpkg") is None:
        print("SKIP: not a Debian system (no dpkg)")
        return 77
    missing = missing_tools()
    if missing and os.geteuid() != 0:
        print(f"SKIP: {missing} not installed and not root: run build-aux/setup-debian.sh")
        return 77
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
