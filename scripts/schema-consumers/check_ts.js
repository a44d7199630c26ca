// json-schema-to-typescript + tsc: compiles, with `tsc --noEmit --strict`, the types json2ts
// generated together with (1) uses-events.ts, a small hand-written consumer, and (2) the corpus
// written as TypeScript: every envelope as an `ORSInteractionEvents` constant, each invalid one
// under `// @ts-expect-error`, so tsc passes only when the types accept exactly the lines the
// Rust validator accepts.
//
// Usage: node check_ts.js NODE_MODULES_PARENT TS_DIR CORPUS_JSONL
// TS_DIR holds ors-events.d.ts (from json2ts) and a copy of uses-events.ts.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const [modulesRoot, tsDir, corpusPath] = process.argv.slice(2);
const tsc = path.resolve(modulesRoot, "node_modules", ".bin", "tsc");
const tscVersion = JSON.parse(
  fs.readFileSync(path.resolve(modulesRoot, "node_modules", "typescript", "package.json"), "utf8"),
).version;

function compile(files) {
  const args = ["--noEmit", "--strict", "--pretty", "false", ...files, "ors-events.d.ts"];
  console.log(`  $ tsc ${args.join(" ")}`);
  const run = spawnSync(tsc, args, { cwd: tsDir, encoding: "utf8" });
  if (run.error) throw run.error;
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

// (1) The hand-written consumer.
const uses = compile(["uses-events.ts"]);
if (!uses.ok) {
  console.log(uses.output);
  console.log("tsc rejects uses-events.ts with the generated types");
  process.exit(1);
}
const usesText = fs.readFileSync(path.join(tsDir, "uses-events.ts"), "utf8");
const expectErrors = (usesText.match(/^\s*\/\/ @ts-expect-error/gm) || []).length;
console.log(
  `tsc ${tscVersion} --strict: uses-events.ts compiles (narrowing on name, open hints, ` +
    `${expectErrors} invalid events rejected as expected)`,
);

// (2) The corpus as TypeScript.
const out = [
  "// Written by scripts/schema-consumers/check_ts.js from the corpus; not committed.",
  'import type { ORSInteractionEvents } from "./ors-events";',
  "",
];
const corpusLineOf = new Map(); // TS line -> corpus line
const entries = new Map(); // corpus line -> [entry, text]
let valid = 0;
let invalid = 0;
fs.readFileSync(corpusPath, "utf8")
  .split("\n")
  .forEach((line, index) => {
    if (line.trim() === "") return;
    const number = index + 1;
    const entry = JSON.parse(line);
    entries.set(number, [entry, line]);
    out.push(`// corpus line ${number}: ${entry.event}, ${entry.flaw}`);
    if (entry.valid) {
      valid += 1;
    } else {
      invalid += 1;
      out.push("// @ts-expect-error");
    }
    corpusLineOf.set(out.length + 1, number);
    out.push(`export const line${number}: ORSInteractionEvents = ${JSON.stringify(entry.envelope)};`);
  });
fs.writeFileSync(path.join(tsDir, "corpus.ts"), `${out.join("\n")}\n`);

const corpus = compile(["corpus.ts"]);
let disagree = 0;
if (!corpus.ok) {
  const seen = new Set();
  for (const message of corpus.output.split("\n")) {
    const found = /^corpus\.ts\((\d+),\d+\): (.*)$/.exec(message);
    if (!found) {
      if (message.trim() !== "") console.log(message);
      continue;
    }
    // An unused @ts-expect-error is reported on the directive, one line above the constant.
    const tsLine = Number(found[1]);
    const number = corpusLineOf.get(tsLine) ?? corpusLineOf.get(tsLine + 1);
    if (number === undefined || seen.has(number)) continue;
    seen.add(number);
    disagree += 1;
    const [entry, text] = entries.get(number);
    console.log(
      `${corpusPath}:${number}: the TypeScript types ${entry.valid ? "reject" : "accept"} it, the ` +
        `Rust validator says valid=${entry.valid} (${entry.event}, ${entry.flaw}): ${found[2]}\n  ${text}`,
    );
  }
  if (disagree === 0) {
    console.log(corpus.output);
    disagree = 1;
  }
}
const checked = valid + invalid;
console.log(
  `json-schema-to-typescript + tsc: ${checked} events checked, ${checked - disagree} agree ` +
    `(${valid} valid ones must type-check, ${invalid} invalid ones must not)`,
);
process.exit(disagree === 0 ? 0 : 1);
