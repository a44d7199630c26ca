// The AsyncAPI document through the official parser (@asyncapi/parser, which validates against
// the AsyncAPI 3.0 JSON Schema and runs its Spectral rule set): no diagnostic of severity
// error; every other diagnostic is printed. Then, on the parsed model: exactly one message per
// catalogue event, by the event's name (the names come from the validators' JSON Schema, the
// `enum` of `name`), each in one channel and one `receive` operation, whose payload is the
// event's definition (its `name` is the event's `const`); and only the done and error events of
// an action (those with `x-action`) have a correlation id, at a required member of their
// payload's `data` (`$message.payload#/data/requestid`).
//
// Usage: node check_asyncapi.js NODE_MODULES_PARENT ASYNCAPI_YAML VALIDATORS_SCHEMA
//        [ASYNCAPI_YAML VALIDATORS_SCHEMA]...
// Each document is checked against the catalogue of the validators' schema after it.
"use strict";

const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const [modulesRoot, ...pairs] = process.argv.slice(2);
const load = createRequire(path.join(path.resolve(modulesRoot), "package.json"));
const { Parser, DiagnosticSeverity } = load("@asyncapi/parser");

function fail(message) {
  console.error(`check_asyncapi: ${message}`);
  process.exit(1);
}

function sameNames(what, actual, expected) {
  const sorted = (names) => [...names].sort();
  const [a, e] = [sorted(actual), sorted(expected)];
  const missing = e.filter((name) => !a.includes(name));
  const extra = a.filter((name) => !e.includes(name));
  const twice = a.filter((name, i) => a.indexOf(name) !== i);
  if (missing.length || extra.length || twice.length || a.length !== e.length) {
    fail(`${what}: missing ${JSON.stringify(missing)}, not in the catalogue ${JSON.stringify(extra)}, twice ${JSON.stringify(twice)}`);
  }
}

async function check(parser, documentPath, schemaPath) {
  const names = JSON.parse(fs.readFileSync(schemaPath, "utf8")).properties.name.enum;
  const text = fs.readFileSync(documentPath, "utf8");
  const started = Date.now();
  const { document, diagnostics } = await parser.parse(text, { source: documentPath });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = {};
  for (const diagnostic of diagnostics) {
    const severity = DiagnosticSeverity[diagnostic.severity] ?? String(diagnostic.severity);
    counts[severity] = (counts[severity] ?? 0) + 1;
    const where = diagnostic.path.length ? diagnostic.path.join(".") : "(root)";
    console.log(`  ${severity.toLowerCase()} [${diagnostic.code}] at ${where}: ${diagnostic.message}`);
  }
  const summary = Object.entries(counts).map(([s, n]) => `${n} ${s.toLowerCase()}`).join(", ") || "none";
  console.log(`  parsed ${documentPath} in ${seconds} s; diagnostics: ${summary}`);
  if (counts.Error || !document) fail("the parser reports errors");

  const messages = document.allMessages().all();
  sameNames("messages (by id)", messages.map((m) => m.id()), names);
  sameNames("messages (by name)", messages.map((m) => m.name()), names);
  for (const message of messages) {
    const payload = message.payload()?.json();
    const constName = payload?.properties?.name?.const;
    if (constName !== message.id()) fail(`${message.id()}: the payload's name is ${JSON.stringify(constName)}`);
    const result = message.extensions().has("x-action");
    if (message.hasCorrelationId()) {
      const location = message.correlationId().location();
      const member = /^\$message\.payload#\/data\/([^/]+)$/.exec(location)?.[1];
      const data = payload?.properties?.data;
      if (!result) fail(`${message.id()}: an asynchronous event correlates (${location})`);
      if (!member || !data?.properties?.[member] || !data.required?.includes(member)) {
        fail(`${message.id()}: the correlation id ${location} is no required member of the payload's data`);
      }
    }
  }
  const inChannels = document.channels().all().flatMap((c) => c.messages().all().map((m) => m.id()));
  sameNames("messages of the channels", inChannels, names);
  const operations = document.operations().all();
  for (const operation of operations) {
    if (operation.action() !== "receive") fail(`operation ${operation.id()}: action ${operation.action()}`);
  }
  sameNames("messages of the operations", operations.flatMap((o) => o.messages().all().map((m) => m.id())), names);
  const correlated = messages.filter((m) => m.hasCorrelationId()).length;
  console.log(`  ${messages.length} messages, one per catalogue event (${correlated} with a correlation id), in ${document.channels().length} channels and ${operations.length} receive operations`);
}

async function main() {
  if (pairs.length === 0 || pairs.length % 2 !== 0) fail("give documents and schemas in pairs");
  const parser = new Parser();
  for (let i = 0; i < pairs.length; i += 2) {
    await check(parser, pairs[i], pairs[i + 1]);
  }
}

main().catch((error) => fail(error.stack || String(error)));
