#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`lumbar --export=fhir`: the Bundle a clinic's system takes in, checked
against HL7's official FHIR R4 JSON schema (tests/fhir/validate.js) and field
by field against the diary it came from."""

import datetime
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest
import uuid

LUMBAR = os.path.abspath(sys.argv.pop(1))
SRCDIR = os.environ["LUMBAR_TEST_SRCDIR"]
VALIDATOR = os.path.join(SRCDIR, "fhir", "validate.js")
SCHEMA = os.path.join(SRCDIR, "fhir", "node_modules", "@asymmetrik",
                      "fhir-json-schema-validator", "fhir.schema.json")

LOINC_PAIN = ("http://loinc.org", "72514-3")
LOWER_BACK = ("http://snomed.info/sct", "37822005")
LOWER_LIMB = ("http://snomed.info/sct", "61685007")
ENTRY_KIND = "https://lumbar.github.io/fhir/CodeSystem/entry-kind"
FLAGS = ["both-legs", "saddle-numbness", "bladder-bowel", "leg-weakness",
         "fever", "after-fall", "night-pain", "leg-numbness"]
NOTES = [
    'she said "rest", then \\"left\\"',
    "two\nlines\r\nand a tab\there",
    "emoji 😖🛋️ and 𝄞, Müller",
    '{"resourceType": "Patient", "id": "x"} ]}',
    "no-break\u00a0space, narrow\u202fspace, line\u2028separator",
    "</script><b>not markup</b>",
]


def entry(kind, at, n, **fields):
    e = {"id": f"00000000-0000-4000-8000-{n:012d}", "kind": kind}
    e["start" if kind in ("rest", "incline") else "at"] = at
    e.update(fields)
    e.setdefault("note", "")
    return e


def every_kind():
    """Each kind, every warning sign, notes that are hard to carry."""
    entries = [
        entry("pain", "2026-11-20T08:30:00+01:00", 1, local=6, radiating=3, flags=FLAGS, note=NOTES[0]),
        entry("pain", "2026-11-20T20:00:00-05:00", 2, local=4, note=NOTES[1]),
        entry("spasm", "2026-11-21T11:00:00+01:00", 3, intensity=7, trigger="lifting the \"heavy\" box",
              note=NOTES[2]),
        entry("rest", "2026-11-21T23:50:00+01:00", 4, minutes=30, note=NOTES[3]),
        entry("incline", "2026-11-22T18:00:00+05:30", 5, minutes=45, support="recliner",
              legs_supported=True, knees_bent=False, note=NOTES[4]),
        entry("therapy", "2026-11-23T10:00:00+01:00", 6, therapy="manual", note=NOTES[5]),
        entry("therapy", "2026-11-24T10:00:00+01:00", 7, therapy="exercise"),
        entry("pain", "2026-11-24T09:00:00+01:00", 8, local=0, radiating=0, flags=["fever"]),
    ]
    return {"format": "lumbar-journal", "version": 1, "entries": entries}


def a_year():
    entries = []
    n = 0
    start = datetime.date(2025, 12, 1)
    for i in range(365):
        d = start + datetime.timedelta(days=i)
        for hour in ("08:00", "20:00"):
            n += 1
            fields = {"local": (i * 7 + n) % 11}
            if n % 3 == 0:
                fields["radiating"] = n % 11
            if i % 50 == 0 and hour == "08:00":
                fields["flags"] = ["night-pain"]
            entries.append(entry("pain", f"{d}T{hour}:00+01:00", n, **fields))
        n += 1
        entries.append(entry("rest", f"{d}T13:00:00+01:00", n, minutes=20 + i % 60))
        n += 1
        entries.append(entry("incline", f"{d}T18:00:00+01:00", n, minutes=45, support="pillows",
                             legs_supported=True, knees_bent=True))
        if i % 6 == 0:
            n += 1
            entries.append(entry("spasm", f"{d}T11:00:00+01:00", n, intensity=5, trigger=""))
        if i % 14 == 0:
            n += 1
            entries.append(entry("therapy", f"{d}T10:00:00+01:00", n, therapy="manual"))
    return {"format": "lumbar-journal", "version": 1, "entries": entries}


def coding(concept):
    return [(c["system"], c["code"]) for c in concept["coding"]]


class Fhir(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # CI must not pass without the official schema: a missing validator
        # is a failure that says how to install it.
        if shutil.which("node") is None or not os.path.isfile(SCHEMA):
            raise AssertionError("the FHIR validator is missing: run build-aux/setup-debian.sh "
                                 "(it installs nodejs and runs npm ci in tests/fhir)")

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="lumbar-fhir-")
        self.env = dict(os.environ, LANGUAGE="en")
        self.env.pop("DISPLAY", None)
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            path = os.path.join(self.tmp, var.lower())
            os.mkdir(path, 0o700)
            self.env[var] = path

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def write(self, name, doc):
        with open(self.path(name), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        return self.path(name)

    def export(self, source, *extra, out="out.fhir.json"):
        out = self.path(out)
        p = subprocess.run([LUMBAR, "--export=fhir", f"--output={out}", *extra, source],
                           capture_output=True, text=True, env=self.env, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
        self.validate(out)
        with open(out, encoding="utf-8") as f:
            return json.load(f)

    def validate(self, *paths):
        p = subprocess.run(["node", VALIDATOR, *paths], capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, f"not valid FHIR R4:\n{p.stdout}{p.stderr}")

    def resources(self, bundle):
        self.assertEqual(bundle["resourceType"], "Bundle")
        self.assertEqual(bundle["type"], "collection")
        return [(e["fullUrl"], e["resource"]) for e in bundle["entry"]]

    # -- the validator itself -------------------------------------------------

    def test_validator_rejects_what_the_schema_forbids(self):
        # A no-break space in a string, an unknown member, a missing status.
        bad = {"resourceType": "Bundle", "type": "collection", "entry": [
            {"fullUrl": "urn:uuid:" + str(uuid.uuid4()),
             "resource": {"resourceType": "Observation", "status": "final", "code": {"text": "a\u00a0b"}}},
            {"fullUrl": "urn:uuid:" + str(uuid.uuid4()),
             "resource": {"resourceType": "Observation", "code": {"text": "x"}, "valueInteger": 1,
                          "mood": "good"}}]}
        path = self.write("bad.json", bad)
        p = subprocess.run(["node", VALIDATOR, path], capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("pattern", p.stdout)

    # -- content ----------------------------------------------------------------

    def test_every_kind_field_by_field(self):
        doc = every_kind()
        bundle = self.export(self.write("diary.json", doc), "--patient-name=Anna\u00a0Beispiel")
        res = self.resources(bundle)

        patient_url, patient = res[0]
        self.assertEqual(patient["resourceType"], "Patient")
        self.assertEqual(patient["name"], [{"text": "Anna Beispiel"}])
        self.assertTrue(patient_url.startswith("urn:uuid:"))
        uuid.UUID(patient_url[len("urn:uuid:"):])
        for url, r in res[1:]:
            self.assertEqual(r["subject"], {"reference": patient_url}, url)
            uuid.UUID(url[len("urn:uuid:"):])
        self.assertEqual(len({url for url, _ in res}), len(res), "fullUrls are unique")

        by_url = dict(res)
        e = {x["id"]: x for x in doc["entries"]}
        # 8 entries, three readings with radiating values: 11 resources + Patient.
        self.assertEqual(len(res), 1 + 8 + 2)

        # The first reading: local, then radiating, warning signs on both.
        first = by_url["urn:uuid:" + e["00000000-0000-4000-8000-000000000001"]["id"]]
        self.assertEqual(first["resourceType"], "Observation")
        self.assertEqual(first["status"], "final")
        self.assertEqual(coding(first["code"]), [LOINC_PAIN])
        self.assertEqual(first["code"]["coding"][0]["display"],
                         "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
        self.assertEqual(coding(first["category"][0]),
                         [("http://terminology.hl7.org/CodeSystem/observation-category", "survey")])
        self.assertEqual(coding(first["bodySite"]), [LOWER_BACK])
        self.assertEqual(first["valueInteger"], 6)
        self.assertEqual(first["effectiveDateTime"], "2026-11-20T08:30:00+01:00")
        self.assertEqual(coding(first["interpretation"][0]),
                         [("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "AA")])
        notes = [n["text"] for n in first["note"]]
        self.assertEqual(notes[-1], NOTES[0])
        for flag in FLAGS:
            self.assertIn(f"({flag})", notes[0])

        radiating = [r for _, r in res if r.get("bodySite") and coding(r["bodySite"]) == [LOWER_LIMB]]
        self.assertEqual([r["valueInteger"] for r in radiating], [3, 0])
        self.assertEqual(radiating[0]["effectiveDateTime"], "2026-11-20T08:30:00+01:00")
        self.assertEqual(coding(radiating[0]["code"]), [LOINC_PAIN])
        self.assertIn("interpretation", radiating[0])

        # A reading without radiating pain has one Observation, no warning.
        second = by_url["urn:uuid:00000000-0000-4000-8000-000000000002"]
        self.assertEqual(second["effectiveDateTime"], "2026-11-20T20:00:00-05:00")
        self.assertEqual(second["valueInteger"], 4)
        self.assertNotIn("interpretation", second)
        self.assertEqual([n["text"] for n in second["note"]], [NOTES[1]])

        spasm = by_url["urn:uuid:00000000-0000-4000-8000-000000000003"]
        self.assertEqual(coding(spasm["code"]), [(ENTRY_KIND, "spasm")])
        self.assertEqual(spasm["valueInteger"], 7)
        self.assertEqual([n["text"] for n in spasm["note"]],
                         ['Trigger: lifting the "heavy" box', NOTES[2]])

        # A rest that ends after midnight ends on the next day, same offset.
        rest = by_url["urn:uuid:00000000-0000-4000-8000-000000000004"]
        self.assertEqual(coding(rest["code"]), [(ENTRY_KIND, "rest")])
        self.assertEqual(rest["effectivePeriod"], {"start": "2026-11-21T23:50:00+01:00",
                                                   "end": "2026-11-22T00:20:00+01:00"})
        self.assertEqual(rest["valueQuantity"], {"value": 30, "unit": "min",
                                                 "system": "http://unitsofmeasure.org", "code": "min"})
        self.assertEqual([n["text"] for n in rest["note"]], [NOTES[3]])

        incline = by_url["urn:uuid:00000000-0000-4000-8000-000000000005"]
        self.assertEqual(coding(incline["code"]), [(ENTRY_KIND, "incline")])
        self.assertEqual(incline["effectivePeriod"], {"start": "2026-11-22T18:00:00+05:30",
                                                      "end": "2026-11-22T18:45:00+05:30"})
        self.assertEqual([n["text"] for n in incline["note"]],
                         ["Back support: recliner; legs supported: yes; knees bent: no",
                          "no-break space, narrow space, line separator"])

        therapy = by_url["urn:uuid:00000000-0000-4000-8000-000000000006"]
        self.assertEqual(therapy["resourceType"], "Procedure")
        self.assertEqual(therapy["status"], "completed")
        self.assertEqual(coding(therapy["code"]), [(ENTRY_KIND, "therapy")])
        self.assertEqual(therapy["performedDateTime"], "2026-11-23T10:00:00+01:00")
        self.assertEqual([n["text"] for n in therapy["note"]], ["Therapy: manual", NOTES[5]])
        # An empty note is left out, not written as "".
        exercise = by_url["urn:uuid:00000000-0000-4000-8000-000000000007"]
        self.assertEqual([n["text"] for n in exercise["note"]], ["Therapy: exercise"])

        # Time order, as the diary lists them.
        times = [r.get("effectiveDateTime") or r.get("performedDateTime") or r["effectivePeriod"]["start"]
                 for _, r in res[1:]]
        parsed = [datetime.datetime.fromisoformat(t) for t in times]
        self.assertEqual(parsed, sorted(parsed))

    def test_unnamed_patient_and_stable_urls(self):
        doc = every_kind()
        for e in doc["entries"]:
            e["id"] = "entry-" + e["id"][-2:]  # ids need not be UUIDs
        src = self.write("diary.json", doc)
        one = self.resources(self.export(src, out="one.json"))
        two = self.resources(self.export(src, out="two.json"))
        self.assertEqual(one[0][1], {"resourceType": "Patient"})
        # Same diary, same URLs, each a UUID, though the ids are not.
        self.assertEqual([u for u, _ in one], [u for u, _ in two])
        for url, _ in one:
            self.assertEqual(uuid.UUID(url[len("urn:uuid:"):]).version, 5, url)

    def test_range_at_day_edges(self):
        entries = [
            entry("pain", "2026-11-09T23:59:00+01:00", 1, local=1),
            entry("pain", "2026-11-10T00:00:00+01:00", 2, local=2),
            # 23:30 in New York is already the 11th in UTC: still the 10th.
            entry("pain", "2026-11-10T23:30:00-05:00", 3, local=3),
            entry("pain", "2026-11-12T23:59:59+14:00", 4, local=4),
            entry("pain", "2026-11-13T00:00:00-12:00", 5, local=5),
        ]
        src = self.write("edges.json", {"format": "lumbar-journal", "version": 1, "entries": entries})
        res = self.resources(self.export(src, "--from=2026-11-10", "--to=2026-11-12"))
        self.assertEqual([r["valueInteger"] for _, r in res[1:]], [2, 3, 4])

        empty = self.resources(self.export(src, "--from=2027-01-01", "--to=2027-01-31", out="empty.json"))
        self.assertEqual(len(empty), 1)
        self.assertEqual(empty[0][1]["resourceType"], "Patient")

    def test_a_year_validates(self):
        doc = a_year()
        bundle = self.export(self.write("year.json", doc), "--patient-name=Jo")
        n_radiating = sum(1 for e in doc["entries"] if "radiating" in e)
        self.assertEqual(len(bundle["entry"]), 1 + len(doc["entries"]) + n_radiating)

    def test_unknown_format_names_fhir(self):
        p = subprocess.run([LUMBAR, "--export=hl7", f"--output={self.path('x')}"],
                           capture_output=True, text=True, env=self.env, timeout=60)
        self.assertEqual(p.returncode, 2)
        self.assertIn("csv, json, pdf or fhir", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
