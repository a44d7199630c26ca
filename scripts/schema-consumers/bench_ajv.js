// Per-event validation time of ajv 8 (ajv/dist/2020, strict: true, its default options otherwise)
// with each catalogue document, on the corpus, in one run: the documents take turns in every
// round, and each figure is the median of the rounds, in CPU time. Prints Markdown table rows.
//
// Usage: node bench_ajv.js NODE_MODULES_PARENT ROUNDS CORPUS_JSONL SCHEMA...
// A corpus line is either an entry of tests/corpus/events.jsonl ({"valid": ..., "envelope": {...}})
// or an envelope alone, as the example `corpus` writes them, whose verdict is then the last
// schema's.
"use strict";

const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const [modulesRoot, roundsText, corpusPath, ...documents] = process.argv.slice(2);
const load = createRequire(path.join(path.resolve(modulesRoot), "package.json"));
const Ajv2020 = load("ajv/dist/2020");
const ajvVersion = load("ajv/package.json").version;

const validators = documents.map((file) =>
  new Ajv2020({ strict: true }).compile(JSON.parse(fs.readFileSync(file, "utf8"))),
);
const corpus = fs
  .readFileSync(corpusPath, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const entry = JSON.parse(line);
    if ("envelope" in entry && "valid" in entry) return entry;
    return { envelope: entry, valid: validators[validators.length - 1](entry) };
  });
const groups = {
  all: corpus.map((entry) => entry.envelope),
  valid: corpus.filter((entry) => entry.valid).map((entry) => entry.envelope),
  invalid: corpus.filter((entry) => !entry.valid).map((entry) => entry.envelope),
};

// Nanoseconds of CPU time per event of enough passes over `envelopes` to take about 200 ms of
// it. CPU time (user and system, `process.cpuUsage`), not wall time, so that the other work of
// a shared machine does not count.
function perEvent(validate, envelopes) {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) * 1000;
  };
  let passes = 0;
  const start = cpu();
  let elapsed = 0;
  while (elapsed < 200_000_000) {
    for (const envelope of envelopes) validate(envelope);
    passes += 1;
    elapsed = cpu() - start;
  }
  return elapsed / passes / envelopes.length;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const times = documents.map(() => Object.fromEntries(Object.keys(groups).map((g) => [g, []])));
for (const validate of validators) perEvent(validate, groups.all); // warm-up: the JIT
for (let round = 0; round < Number(roundsText); round += 1) {
  const order = documents.map((_, index) => index);
  if (round % 2 === 1) order.reverse();
  for (const doc of order) {
    for (const [group, envelopes] of Object.entries(groups)) {
      times[doc][group].push(perEvent(validators[doc], envelopes));
    }
  }
}
const label = `ajv ${ajvVersion}, strict, first error`;
const medians = times.map((byGroup) =>
  Object.fromEntries(Object.entries(byGroup).map(([group, values]) => [group, median(values)])),
);
const format = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(1)} µs` : `${ns.toFixed(0)} ns`);
documents.forEach((file, doc) => {
  const cells = Object.keys(groups).map((group) => format(medians[doc][group]));
  console.log(`| ${label} | \`${path.basename(file)}\` | ${cells.join(" | ")} |`);
});
if (documents.length === 2) {
  const cells = Object.keys(groups).map(
    (group) => `${(medians[0][group] / medians[1][group]).toFixed(1)}x`,
  );
  console.log(
    `| ${label} | speed-up, \`${path.basename(documents[1])}\` over ` +
      `\`${path.basename(documents[0])}\` | ${cells.join(" | ")} |`,
  );
}
