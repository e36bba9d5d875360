#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Keeps the German translation complete and up to date:
#
#  1. every shipped file with translatable strings (app/*.c, ui/*.c,
#     ui/**/*.ui, data/*.in, data/*.gschema.xml) is listed in po/POTFILES.in,
#     and POTFILES.in lists only files that exist and are not tests;
#  2. xgettext over POTFILES.in, run like po/meson.build's glib preset,
#     gives a template that holds the desktop entry's Name and the
#     metainfo's summary (so the .desktop and ITS rules really ran);
#  3. for every language in po/LINGUAS: msgcmp finds every message of that
#     template translated in po/LANG.po
#     (untranslated and fuzzy entries count as missing), and de.po holds no
#     live message the sources no longer have;
#  4. msgfmt --check reports 0 fuzzy and 0 untranslated messages, both for
#     de.po as it is and merged with the fresh template (which checks the
#     placeholders against the c-format flags of today's sources).
#
# With a second argument, the build's po directory, it also checks that the
# compiled de catalogue is not older than po/de.po.
#
# Usage: check-translations.py SOURCE_ROOT [BUILD_PO_DIR]
# Exit status 0 = pass, 1 = fail, 77 = skipped (gettext tools missing).
# Fix a failure with: meson compile -C BUILD lumbar-pot lumbar-update-po,
# then translate in po/de.po and delete po/lumbar.pot.

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

DOMAIN = "lumbar"

# The same arguments as meson's i18n.gettext(preset: 'glib'), plus -k_ and
# the package name that meson's pot target adds.
XGETTEXT_ARGS = [
    "--package-name=" + DOMAIN,
    "--from-code=UTF-8",
    "--add-comments",
    "-k_",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--keyword=ngettext:1,2",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def read_potfiles(srcdir):
    files = []
    with open(os.path.join(srcdir, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                files.append(line)
    return files


def shipped_candidates(srcdir):
    patterns = ["app/*.c", "ui/*.c", "ui/**/*.ui", "data/*.in", "data/*.gschema.xml"]
    found = set()
    for pattern in patterns:
        for path in glob.glob(os.path.join(srcdir, pattern), recursive=True):
            found.add(os.path.relpath(path, srcdir))
    return sorted(found)


def xgettext(srcdir, files, output):
    """Runs xgettext on FILES (relative to SRCDIR) as meson would."""
    listfile = output + ".files"
    with open(listfile, "w", encoding="utf-8") as f:
        f.write("\n".join(files) + "\n")
    proc = run(["xgettext", *XGETTEXT_ARGS, "-f", listfile, "-D", srcdir, "-o", output])
    if proc.returncode != 0 or not os.path.exists(output):
        fail("xgettext failed:\n" + proc.stderr)
        return False
    return True


def po_entries(path):
    """(msgctxt, msgid) -> list of source files, from a .po/.pot's '#:' lines;
    obsolete (#~) entries are left out."""
    entries = {}
    refs, ctx, msgid, field = [], None, None, None
    text = open(path, encoding="utf-8").read()

    def unquote(s):
        return bytes(s[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    def flush():
        nonlocal refs, ctx, msgid, field
        if msgid:  # the header has an empty msgid
            entries[(ctx, msgid)] = refs
        refs, ctx, msgid, field = [], None, None, None

    for line in text.split("\n") + [""]:
        if line.startswith("#~") or not line.strip():
            if msgid is not None:
                flush()
            continue
        if line.startswith("#"):
            if msgid is not None:
                flush()
            if line.startswith("#:"):
                refs += [r.rsplit(":", 1)[0] for r in line[2:].split()]
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
        if m:
            field = m.group(1)
            if field == "msgctxt":
                ctx = unquote(m.group(2))
            elif field == "msgid":
                msgid = unquote(m.group(2))
            continue
        if line.startswith('"'):
            if field == "msgctxt":
                ctx += unquote(line)
            elif field == "msgid":
                msgid += unquote(line)
    return entries


def check_potfiles(srcdir, tmp):
    listed = read_potfiles(srcdir)
    for path in sorted({p for p in listed if listed.count(p) > 1}):
        fail(f"po/POTFILES.in lists {path} more than once")
    for path in listed:
        if not os.path.isfile(os.path.join(srcdir, path)):
            fail(f"po/POTFILES.in lists {path}, which does not exist")
        if path.startswith("tests/"):
            fail(f"po/POTFILES.in lists {path}; tests are not shipped")

    # Let xgettext itself say which files hold strings: no guessing with
    # regular expressions, and the same rules as the real template.
    everything = os.path.join(tmp, "everything.pot")
    if not xgettext(srcdir, shipped_candidates(srcdir), everything):
        return
    with_strings = {ref for refs in po_entries(everything).values() for ref in refs}
    for path in sorted(with_strings - set(listed)):
        fail(f"{path} has translatable strings but is not listed in po/POTFILES.in")


def check_template(srcdir, pot):
    entries = po_entries(pot)
    if not entries:
        fail("the template from po/POTFILES.in has no messages")
        return

    desktop = glob.glob(os.path.join(srcdir, "data", "*.desktop.in"))
    for path in desktop:
        name = re.search(r"^Name=(.*)$", open(path, encoding="utf-8").read(), re.M)
        rel = os.path.relpath(path, srcdir)
        if name and rel not in entries.get((None, name.group(1)), []):
            fail(f"the template lacks the Name “{name.group(1)}” of {rel}: xgettext did not read the desktop entry")

    metainfo = glob.glob(os.path.join(srcdir, "data", "*.metainfo.xml.in"))
    for path in metainfo:
        summary = re.search(r"<summary>(.*?)</summary>", open(path, encoding="utf-8").read(), re.S)
        rel = os.path.relpath(path, srcdir)
        if summary and rel not in entries.get((None, summary.group(1)), []):
            fail(f"the template lacks the summary “{summary.group(1)}” of {rel}: the AppStream ITS rules are missing")
    if not desktop or not metainfo:
        fail("data/ has no desktop entry or metainfo template to check")


def statistics(path):
    proc = run(["msgfmt", "--check", "--statistics", "-o", os.devnull, path],
               env=dict(os.environ, LC_ALL="C", LANGUAGE=""))
    counts = {}
    for kind in ("translated", "fuzzy", "untranslated"):
        m = re.search(r"(\d+) " + kind, proc.stderr)
        counts[kind] = int(m.group(1)) if m else 0
    return proc, counts


def check_language(srcdir, lang, pot, tmp):
    po = os.path.join(srcdir, "po", lang + ".po")
    if not os.path.isfile(po):
        fail(f"po/{lang}.po is missing")
        return

    # Every message of the template is in the catalogue and translated;
    # msgcmp ignores fuzzy and untranslated entries unless told otherwise.
    proc = run(["msgcmp", po, pot])
    if proc.returncode != 0:
        fail(f"po/{lang}.po misses translations of the current sources (msgcmp):\n{proc.stderr.strip()}")

    # ...and holds nothing the sources no longer say.
    stale = sorted(set(po_entries(po)) - set(po_entries(pot)))
    for ctx, msgid in stale:
        fail(f"po/{lang}.po still has “{msgid}”" + (f" (context “{ctx}”)" if ctx else "") +
             ", which the sources no longer contain; run lumbar-update-po")

    proc, counts = statistics(po)
    print(f"po/{lang}.po: {proc.stderr.strip()}")
    if proc.returncode != 0:
        fail(f"msgfmt --check rejects po/{lang}.po:\n{proc.stderr.strip()}")
    if counts["fuzzy"] or counts["untranslated"]:
        fail(f"po/{lang}.po has {counts['fuzzy']} fuzzy and {counts['untranslated']} untranslated messages")
    if counts["translated"] < len(po_entries(pot)):
        fail(f"po/{lang}.po translates {counts['translated']} messages, the sources have {len(po_entries(pot))}")

    # Merged with the fresh template, as lumbar-update-po would do: the
    # c-format flags now come from today's sources, so msgfmt --check also
    # compares every placeholder with the English one.
    merged = os.path.join(tmp, lang + ".merged.po")
    proc = run(["msgmerge", "--quiet", "-o", merged, po, pot])
    if proc.returncode != 0:
        fail(f"msgmerge failed on po/{lang}.po:\n{proc.stderr.strip()}")
        return
    proc, counts = statistics(merged)
    if proc.returncode != 0:
        fail(f"po/{lang}.po merged with the current template fails msgfmt --check:\n{proc.stderr.strip()}")
    if counts["fuzzy"] or counts["untranslated"]:
        fail(f"po/{lang}.po merged with the current template has {counts['fuzzy']} fuzzy "
             f"and {counts['untranslated']} untranslated messages")


def check_compiled(srcdir, build_po_dir, lang):
    mo = os.path.join(build_po_dir, lang, "LC_MESSAGES", DOMAIN + ".mo")
    po = os.path.join(srcdir, "po", lang + ".po")
    if not os.path.isfile(mo):
        fail(f"{mo} is missing: build the project first")
    elif os.path.getmtime(mo) < os.path.getmtime(po):
        fail(f"{mo} is older than po/{lang}.po: rebuild")


def shipped_languages(srcdir):
    """The languages po/LINGUAS ships: every one is checked."""
    with open(os.path.join(srcdir, "po", "LINGUAS"), encoding="utf-8") as f:
        return [w for line in f if not line.startswith("#") for w in line.split()]


def check_i18nspector(srcdir, lang):
    """i18nspector (Debian's checker for PO files) has nothing to say."""
    if shutil.which("i18nspector") is None:
        fail("i18nspector is missing: run build-aux/setup-debian.sh")
        return
    proc = run(["i18nspector", os.path.join(srcdir, "po", lang + ".po")])
    findings = [line for line in proc.stdout.splitlines() if line[:2] in ("E:", "W:")]
    if proc.returncode != 0 or findings:
        fail(f"i18nspector finds problems in po/{lang}.po:\n" + "\n".join(findings or [proc.stderr.strip()]))


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: check-translations.py SOURCE_ROOT [BUILD_PO_DIR]", file=sys.stderr)
        return 2
    srcdir = os.path.abspath(argv[1])
    build_po_dir = argv[2] if len(argv) == 3 else None

    for tool in ("xgettext", "msgcmp", "msgfmt", "msgmerge"):
        if shutil.which(tool) is None:
            print(f"SKIP: {tool} is not installed (gettext)")
            return 77

    with tempfile.TemporaryDirectory(prefix="lumbar-translations-") as tmp:
        check_potfiles(srcdir, tmp)

        pot = os.path.join(tmp, DOMAIN + ".pot")
        if xgettext(srcdir, read_potfiles(srcdir), pot):
            check_template(srcdir, pot)
            for lang in shipped_languages(srcdir):
                check_language(srcdir, lang, pot, tmp)
                check_i18nspector(srcdir, lang)

    if build_po_dir:
        for lang in shipped_languages(srcdir):
            check_compiled(srcdir, build_po_dir, lang)

    if failures:
        print(f"\n{len(failures)} problem(s). Fix: meson compile -C BUILD lumbar-pot lumbar-update-po, "
              "translate every po/LANG.po, delete po/lumbar.pot.", file=sys.stderr)
        return 1
    print("translations: complete and up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
