// ajv 8 (draft 2020-12 build, strict mode): compiles the catalogue schema and every per-event
// schema, and gives every corpus line the verdict the Rust validator gives (the line's "valid").
//
// Usage: node check_ajv.js NODE_MODULES_PARENT CATALOGUE_SCHEMA EVENTS_SCHEMA_DIR CORPUS_JSONL
"use strict";

const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const [modulesRoot, cataloguePath, eventsDir, corpusPath] = process.argv.slice(2);
const load = createRequire(path.join(path.resolve(modulesRoot), "package.json"));
const Ajv2020 = load("ajv/dist/2020");
const ajvVersion = load("ajv/package.json").version;

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

// One Ajv instance per schema: every per-event schema is self-contained and has no `$id`, so
// they are compiled independently, as a consumer would load any one of them.
function compile(file) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  try {
    return ajv.compile(readJson(file));
  } catch (error) {
    console.log(`${file}: ajv ${ajvVersion} (strict) does not compile it: ${error.message}`);
    process.exit(1);
  }
}

const catalogue = compile(cataloguePath);
const perEvent = new Map();
for (const file of fs.readdirSync(eventsDir).filter((f) => f.endsWith(".schema.json")).sort()) {
  perEvent.set(file.slice(0, -".schema.json".length), compile(path.join(eventsDir, file)));
}
console.log(
  `ajv ${ajvVersion} (ajv/dist/2020, strict: true): ${1 + perEvent.size} schemas compile ` +
    `(1 catalogue + ${perEvent.size} per event)`,
);

let checked = 0;
let agree = 0;
let perEventAgree = 0;
const failures = [];
const lines = fs.readFileSync(corpusPath, "utf8").split("\n");
lines.forEach((line, index) => {
  if (line.trim() === "") return;
  const number = index + 1;
  const entry = JSON.parse(line);
  const expected = entry.valid;
  checked += 1;
  const verdict = catalogue(entry.envelope);
  if (verdict === expected) {
    agree += 1;
  } else {
    const errors = (catalogue.errors || []).slice(0, 3).map((e) => `${e.instancePath} ${e.message}`);
    failures.push(
      `${corpusPath}:${number}: ajv says valid=${verdict}, the Rust validator says ` +
        `valid=${expected} (${entry.event}, ${entry.flaw}): ${JSON.stringify(errors)}\n  ${line}`,
    );
  }
  const validate = perEvent.get(entry.event);
  if (!validate) {
    failures.push(`${corpusPath}:${number}: no per-event schema for ${entry.event}`);
    return;
  }
  if (validate(entry.envelope) === expected) {
    perEventAgree += 1;
  } else {
    failures.push(
      `${corpusPath}:${number}: ajv with events/${entry.event}.schema.json says ` +
        `valid=${!expected}, the Rust validator says valid=${expected}\n  ${line}`,
    );
  }
});
for (const failure of failures) console.log(failure);
console.log(
  `ajv: ${checked} events checked, ${agree} agree (and ${perEventAgree} with the event's own ` +
    `schema in events/)`,
);
process.exit(failures.length === 0 ? 0 : 1);
