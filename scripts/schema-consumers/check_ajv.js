// ajv 8 (draft 2020-12 build, strict mode): compiles both catalogue documents and every per-event
// schema; each gives every corpus line the verdict the Rust validator gives (the line's "valid");
// and on the invalid lines, the first error with the validators' document names the keyword that
// fails: never a `oneOf`, `anyOf`, `if` or `then` around it; whenever it is the keyword of the
// Rust validator's first violation, at that violation's member; and that on at least 98 % of the
// lines. The first error is checked with `allErrors: true` and with ajv's default options, which
// stop at it.
//
// Usage: node check_ajv.js NODE_MODULES_PARENT VALIDATORS_SCHEMA TYPES_SCHEMA EVENTS_SCHEMA_DIR
//        CORPUS_JSONL RUST_VIOLATIONS_JSONL
// RUST_VIOLATIONS_JSONL is `ors-events validate --format json` of the corpus's envelopes, one
// envelope per corpus line.
"use strict";

const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const [modulesRoot, validatorsPath, typesPath, eventsDir, corpusPath, rustPath] =
  process.argv.slice(2);
const load = createRequire(path.join(path.resolve(modulesRoot), "package.json"));
const Ajv2020 = load("ajv/dist/2020");
const ajvVersion = load("ajv/package.json").version;

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

// Keywords that only combine or select other schemas: an error of theirs says that something
// failed, not what.
const WRAPPERS = new Set(
  ["oneOf", "anyOf", "allOf", "not", "if", "then", "else", "$ref", "false schema"],
);

// The share of invalid lines whose first error must name the failing keyword.
const MINIMUM_SHARE = 0.98;

// The keyword that reports the flaw each violation code of the Rust validator names.
const KEYWORD_OF_CODE = {
  "wrong-type": "type",
  "missing-attribute": "required",
  "missing-field": "required",
  "unknown-attribute": "additionalProperties",
  "unknown-field": "additionalProperties",
  "unknown-event": "enum",
  "enum-value": "enum",
};

// One Ajv instance per schema: every schema is self-contained and has no `$id`, so they are
// compiled independently, as a consumer would load any one of them.
function compile(file, options = { allErrors: true }) {
  const ajv = new Ajv2020({ strict: true, ...options });
  try {
    return ajv.compile(readJson(file));
  } catch (error) {
    console.log(`${file}: ajv ${ajvVersion} (strict) does not compile it: ${error.message}`);
    process.exit(1);
  }
}

const escape = (name) => String(name).replace(/~/g, "~0").replace(/\//g, "~1");

// The JSON pointer of the member an error is about: the value that failed, or for a missing or
// unexpected member, that member of the object that failed.
function memberPointer(error) {
  if (error.keyword === "required") {
    return `${error.instancePath}/${escape(error.params.missingProperty)}`;
  }
  if (error.keyword === "additionalProperties") {
    return `${error.instancePath}/${escape(error.params.additionalProperty)}`;
  }
  return error.instancePath;
}

// Line number -> [code, pointer] of the first violation the Rust validator reports.
function firstViolations(file) {
  const first = new Map();
  for (const text of fs.readFileSync(file, "utf8").split("\n")) {
    if (text.trim() === "") continue;
    const violation = JSON.parse(text);
    if (!first.has(violation.line)) first.set(violation.line, [violation.code, violation.pointer]);
  }
  return first;
}

const corpus = [];
fs.readFileSync(corpusPath, "utf8")
  .split("\n")
  .forEach((line, index) => {
    if (line.trim() !== "") corpus.push({ number: index + 1, line, entry: JSON.parse(line) });
  });
const invalid = corpus.filter(({ entry }) => !entry.valid);
const failures = [];

// `validateOf(entry)` must give every line its verdict; the count that agree.
function checkVerdicts(label, validateOf) {
  let agree = 0;
  for (const { number, line, entry } of corpus) {
    const validate = validateOf(entry);
    if (!validate) {
      failures.push(`${corpusPath}:${number}: ${label}: no schema for ${entry.event}`);
      continue;
    }
    const verdict = validate(entry.envelope);
    if (verdict === entry.valid) {
      agree += 1;
      continue;
    }
    const errors = (validate.errors || []).slice(0, 3).map((e) => `${e.instancePath} ${e.message}`);
    failures.push(
      `${corpusPath}:${number}: ${label} says valid=${verdict}, the Rust validator says ` +
        `valid=${entry.valid} (${entry.event}, ${entry.flaw}): ${JSON.stringify(errors)}\n  ${line}`,
    );
  }
  return agree;
}

// ajv's first error on every invalid line. Returns the count of lines where it names the failing
// keyword, the one that describes the Rust validator's first violation (each of them must point
// at that violation's member), and a note for each line where it names another keyword. An error
// of a wrapper (`oneOf`, `if`, ...) is a failure, pushed on `sink`.
function errorQuality(validate, rust, label, sink) {
  let named = 0;
  const others = [];
  for (const { number, line, entry } of invalid) {
    validate(entry.envelope);
    const error = validate.errors[0];
    const [code, rustPointer] = rust.get(number) || [];
    const where = memberPointer(error);
    if (WRAPPERS.has(error.keyword)) {
      sink.push(
        `${corpusPath}:${number}: ${label}: the first error is \`${error.keyword}\` at ` +
          `'${error.instancePath}' (${error.message}), not the failing keyword; the Rust ` +
          `validator: ${code} at ${rustPointer}\n  ${line}`,
      );
    } else if (KEYWORD_OF_CODE[code] !== error.keyword) {
      others.push(
        `${corpusPath}:${number}: \`${error.keyword}\` at ${where}; the Rust validator: ` +
          `${code} at ${rustPointer}`,
      );
    } else if (where !== rustPointer) {
      sink.push(
        `${corpusPath}:${number}: ${label}: \`${error.keyword}\` points at '${where}', the Rust ` +
          `validator's ${code} at '${rustPointer}'\n  ${line}`,
      );
    } else {
      named += 1;
    }
  }
  return { named, others };
}

const validators = compile(validatorsPath);
const types = compile(typesPath);
const perEvent = new Map();
for (const file of fs.readdirSync(eventsDir).filter((f) => f.endsWith(".schema.json")).sort()) {
  perEvent.set(file.slice(0, -".schema.json".length), compile(path.join(eventsDir, file)));
}
console.log(
  `ajv ${ajvVersion} (ajv/dist/2020, strict: true): ${2 + perEvent.size} schemas compile ` +
    `(2 catalogue documents + ${perEvent.size} per event)`,
);

const validatorsName = path.basename(validatorsPath);
const typesName = path.basename(typesPath);
const agree = checkVerdicts(validatorsName, () => validators);
const typesAgree = checkVerdicts(typesName, () => types);
// The event's own schema rejects an envelope whose name is another event's, as it should.
const ownAgree = checkVerdicts("events/", (entry) => perEvent.get(entry.event));
console.log(
  `ajv: ${corpus.length} events checked, ${agree} agree with ${validatorsName}, ${typesAgree} ` +
    `with ${typesName}, ${ownAgree} with the event's own schema in events/`,
);

const rust = firstViolations(rustPath);
const percent = (count) => `${((100 * count) / invalid.length).toFixed(1)} %`;
for (const [options, label] of [
  [{ allErrors: true }, "allErrors: true"],
  [{}, "default options, first error only"],
]) {
  const quality = errorQuality(compile(validatorsPath, options), rust, label, failures);
  console.log(
    `ajv first error with ${validatorsName} (${label}): ${quality.named} of ${invalid.length} ` +
      `invalid lines (${percent(quality.named)}) name the failing keyword, the one of the Rust ` +
      `validator's first violation, at its member; ${quality.others.length} name another keyword`,
  );
  for (const note of quality.others) console.log(`  ${note}`);
  if (quality.named < MINIMUM_SHARE * invalid.length) {
    failures.push(
      `ajv (${label}) names the failing keyword on less than ${100 * MINIMUM_SHARE} % of the ` +
        "invalid lines",
    );
  }
}
const before = errorQuality(types, rust, typesName, []);
console.log(
  `  for comparison, with ${typesName} (a oneOf of every event, allErrors: true): ` +
    `${before.named} of ${invalid.length} (${percent(before.named)})`,
);

for (const failure of failures) console.log(failure);
process.exit(failures.length === 0 ? 0 : 1);
