// ajv's fastest setup as a whole-process peer of `ors-events validate`: the catalogue schema
// compiled ahead of time into standalone JavaScript (ajv's `standaloneCode`), then run by node on
// a JSON Lines file, one `JSON.parse` and one validation per line, every error of an invalid
// line (`allErrors`, as the Rust validator reports every violation) written as a JSON line.
//
// Usage: node ajv_standalone.js compile NODE_MODULES_PARENT SCHEMA OUT_JS
//        node ajv_standalone.js run OUT_JS EVENTS_JSONL > errors.jsonl
// OUT_JS must lie under NODE_MODULES_PARENT, whose ajv runtime the compiled code requires.
"use strict";

const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");
const { StringDecoder } = require("string_decoder");

function compile(modulesRoot, schemaPath, outPath) {
  const load = createRequire(path.join(path.resolve(modulesRoot), "package.json"));
  const Ajv2020 = load("ajv/dist/2020");
  const standaloneCode = load("ajv/dist/standalone").default;
  const ajv = new Ajv2020({ strict: true, allErrors: true, code: { source: true } });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
  fs.writeFileSync(outPath, standaloneCode(ajv, validate));
}

function run(compiledPath, eventsPath) {
  const validate = require(path.resolve(compiledPath));
  const out = [];
  let pending = 0;
  const flush = () => {
    if (out.length > 0) fs.writeSync(1, out.join(""));
    out.length = 0;
    pending = 0;
  };
  const fd = fs.openSync(eventsPath, "r");
  const buffer = Buffer.alloc(1 << 20);
  // Decodes across buffer boundaries, where a character may be cut.
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let lineNumber = 0;
  let events = 0;
  let invalid = 0;
  const line = (text) => {
    lineNumber += 1;
    if (text.trim() === "") return;
    events += 1;
    let errors;
    try {
      const value = JSON.parse(text);
      errors = validate(value) ? null : validate.errors;
    } catch (error) {
      errors = [{ instancePath: "", keyword: "malformed-json", message: String(error.message) }];
    }
    if (errors === null) return;
    invalid += 1;
    for (const error of errors) {
      const record = { line: lineNumber, pointer: error.instancePath, keyword: error.keyword, message: error.message };
      out.push(JSON.stringify(record) + "\n");
      pending += 1;
    }
    if (pending > 4096) flush();
  };
  for (;;) {
    const read = fs.readSync(fd, buffer, 0, buffer.length, null);
    if (read === 0) break;
    const lines = (carry + decoder.write(buffer.subarray(0, read))).split("\n");
    carry = lines.pop();
    for (const text of lines) line(text);
  }
  carry += decoder.end();
  if (carry !== "") line(carry);
  flush();
  process.stderr.write(`${events} events, ${invalid} invalid\n`);
}

const [command, ...args] = process.argv.slice(2);
if (command === "compile" && args.length === 3) compile(...args);
else if (command === "run" && args.length === 2) run(...args);
else {
  process.stderr.write("usage: ajv_standalone.js compile NODE_MODULES_PARENT SCHEMA OUT_JS | run OUT_JS EVENTS_JSONL\n");
  process.exit(2);
}
