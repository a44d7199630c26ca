//! `ors-events lint` on the hand-written SCXML applications in `tests/lint/`: every finding
//! with its code, line and column, the three output formats and the exit statuses.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use ors_events::lint::{self, Finding, Options, Severity, RULES};
use serde_json::Value;

mod lint_real;
mod support;

use support::{ors_events, text, workspace};

fn fixture(name: &str) -> String {
    let path = workspace().join("tests/lint").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn lint_fixture(name: &str, options: &Options) -> Vec<Finding> {
    lint::lint(&fixture(name), options)
}

/// (code, line, column) of every finding.
fn positions(findings: &[Finding]) -> Vec<(&'static str, u32, u32)> {
    findings
        .iter()
        .map(|finding| (finding.code, finding.line, finding.column))
        .collect()
}

fn suggestions(findings: &[Finding]) -> Vec<Option<&str>> {
    findings
        .iter()
        .map(|finding| finding.suggestion.as_deref())
        .collect()
}

fn at(version: &str) -> Options {
    Options::new().ors_version(version.parse().unwrap())
}

/// The text of `source` at a finding's line and column, `length` characters of it.
fn text_at(source: &str, finding: &Finding, length: usize) -> String {
    let line = source.lines().nth(finding.line as usize - 1).unwrap();
    line.chars()
        .skip(finding.column as usize - 1)
        .take(length)
        .collect()
}

#[test]
fn a_correct_application_has_no_findings() {
    assert_eq!(lint_fixture("clean.scxml", &Options::new()), vec![]);
    // Nothing in it is newer than 8.1.3 either.
    assert_eq!(lint_fixture("clean.scxml", &at("8.1.3")), vec![]);
    let out = ors_events(&["lint", "tests/lint/clean.scxml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "1 file: no findings\n");
}

#[test]
fn misspelt_events_are_reported_with_suggestions() {
    let source = fixture("events.scxml");
    let findings = lint::lint(&source, &Options::new());
    assert_eq!(
        positions(&findings),
        vec![
            ("unknown-event", 5, 24),
            ("unknown-event", 6, 24),
            ("unknown-event", 7, 24),
            ("unknown-event", 8, 24),
            ("unknown-event", 9, 24),
            ("unknown-event", 10, 42),
            ("unknown-event", 11, 25),
            ("bad-descriptor", 12, 24),
            ("unknown-event", 13, 24),
            ("unknown-event", 14, 24),
            ("unknown-event", 16, 24),
        ]
    );
    assert_eq!(
        suggestions(&findings),
        vec![
            Some("interaction.partydeleted"),
            Some("interaction.partydeleted"),
            Some("voice.hold.done"),
            Some("error.voice.hold"),
            Some("interaction.added"),
            Some("interaction.deleted"),
            Some("interaction.added"),
            None,
            Some("voice.hold.*"),
            None,
            Some("interaction.notcontrolled"),
        ]
    );
    // Each finding points at its descriptor, inside quotes and on a continuation line too.
    assert_eq!(text_at(&source, &findings[5], 18), "interaction.deletd");
    assert_eq!(text_at(&source, &findings[6], 17), "interaction.addde");
    assert_eq!(
        text_at(&source, &findings[10], 24),
        "interaction.notcontroled"
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(
        findings[0].message,
        "unknown event `interaction.partydelete`: it matches no event of the catalogue \
         (descriptors match whole tokens, so not `interaction.partydeleted`); \
         did you mean `interaction.partydeleted`?"
    );
    assert_eq!(
        findings[1].message,
        "unknown event `interaction.paprtydeleted`: it matches no event of the catalogue; \
         did you mean `interaction.partydeleted`?"
    );
    // `interaction.party` is a prefix of names, not of their tokens.
    assert!(findings[9]
        .message
        .contains("so not `interaction.partyadded`, `interaction.partydeleted`, `interaction.partystatechanged`"));
    assert!(findings[7]
        .message
        .contains("`*` is a wildcard only alone or as a trailing `.*`"));
}

#[test]
fn matching_follows_the_scxml_rules() {
    let check = |event: &str| {
        let source = format!(
            "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" version=\"1.0\">\
             <transition event=\"{event}\"/></scxml>"
        );
        positions(&lint::lint(&source, &Options::new()))
            .into_iter()
            .map(|(code, _, column)| (code, column))
            .collect::<Vec<_>>()
    };
    // Prefixes of whole tokens, `*` and a trailing `.*` match.
    for fine in [
        "interaction",
        "interaction.*",
        "interaction.udata",
        "interaction.udata.changed",
        "interaction.udata.changed.*",
        "voice.hold",
        "error.voice",
        "error.voice.*",
        "error.voice.hold",
        "error.chat.getcontent",
        "msgbased.*",
        "chat",
        "*",
        "error",
        "error.*",
        "error.execution",
        "queue.submit.done",
        "dialog.start",
        "application.x",
        "myapp.callback.scheduled",
        "interaction.added\tinteraction.deleted",
        "  interaction.added  ",
        "",
    ] {
        assert_eq!(check(fine), vec![], "{fine:?}");
    }
    // Not a prefix of whole tokens, a wildcard inside, a family's wrong case.
    assert_eq!(check("interaction.udat"), vec![("unknown-event", 81)]);
    assert_eq!(check("interaction.added.done"), vec![("unknown-event", 81)]);
    assert_eq!(check("voice"), vec![]);
    assert_eq!(
        check("voice.hold.done voice.hold.don"),
        vec![("unknown-event", 97)]
    );
    assert_eq!(check("error.voice.holdd"), vec![("unknown-event", 81)]);
    assert_eq!(check("error.Voice.hold"), vec![("unknown-event", 81)]);
    assert_eq!(check("error.voice.*.x"), vec![("bad-descriptor", 81)]);
    assert_eq!(check("interaction..added"), vec![("bad-descriptor", 81)]);
    assert_eq!(check("'interaction.adde'"), vec![("unknown-event", 82)]);
    assert_eq!(
        check("&quot;interaction.adde&quot;"),
        vec![("unknown-event", 87)]
    );
    // A reference in the value still points at the descriptor.
    assert_eq!(
        check("interaction.added&#10;interaction.adde"),
        vec![("unknown-event", 103)]
    );
}

#[test]
fn attribute_reads_are_checked_against_the_matched_events() {
    let source = fixture("attributes.scxml");
    let findings = lint::lint(&source, &Options::new());
    assert_eq!(
        positions(&findings),
        vec![
            ("unknown-attribute", 9, 61),  // transition cond
            ("unknown-attribute", 11, 31), // nested <if cond>
            ("unknown-attribute", 12, 54), // <assign expr>
            ("unknown-attribute", 13, 36), // <elseif cond>, bracket read
            ("unknown-attribute", 14, 45), // <log expr>
            ("unknown-attribute", 18, 29), // <script> text
            ("unknown-attribute", 21, 47), // <send><param expr>
            ("unknown-attribute", 23, 87), // an ORS action's attribute
            ("unknown-attribute", 25, 66),
            ("unknown-attribute", 26, 67),
            ("unknown-attribute", 27, 60),
            ("unknown-attribute", 30, 81),
            ("unknown-event", 36, 24),
            ("unknown-attribute", 45, 55),
        ]
    );
    let names: Vec<String> = findings
        .iter()
        .filter(|f| f.code == "unknown-attribute")
        .map(|f| {
            let line = source.lines().nth(f.line as usize - 1).unwrap();
            line.chars()
                .skip(f.column as usize - 1)
                .take_while(|c| c.is_alphanumeric())
                .collect()
        })
        .collect();
    assert_eq!(
        names,
        [
            "partyid",
            "focusdeviceid",
            "partyid",
            "partystate",
            "partystate",
            "partyid",
            "party",
            "partyid",
            "partyID",
            "focusdevice",
            "reason",
            "partyid",
            "causes"
        ]
    );
    assert_eq!(
        findings[0].message,
        "`interaction.added` has no attribute `partyid`; its attributes: `interactionid`"
    );
    assert_eq!(findings[0].suggestion, None);
    assert_eq!(findings[8].suggestion.as_deref(), Some("partyid"));
    assert_eq!(findings[9].suggestion.as_deref(), Some("focusdeviceid"));
    assert_eq!(
        findings[10].message,
        "`error.voice.hold` has no attribute `reason`; its attributes: `requestid`, \
         `interactionid`, `error`, `description`"
    );
    assert_eq!(
        findings[11].message,
        "none of the events this transition can match has an attribute `partyid` \
         (`interaction.added`, `interaction.deleted`); their attributes: `interactionid`, \
         `resultof`"
    );
}

#[test]
fn versions_report_newer_events_and_attributes() {
    let source = fixture("versions.scxml");
    assert_eq!(lint::lint(&source, &Options::new()), vec![]);
    assert_eq!(lint::lint(&source, &at("8.1.400.39")), vec![]);
    let findings = lint::lint(&source, &at("8.1.3"));
    assert_eq!(
        positions(&findings),
        vec![
            ("not-in-version", 5, 24),
            ("not-in-version", 7, 63),
            ("not-in-version", 10, 30),
        ]
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(
        findings[0].message,
        "event `interaction.property.changed` exists since ORS 8.1.400.39, after the target \
         release 8.1.3"
    );
    assert_eq!(
        findings[1].message,
        "attribute `resultof` of `interaction.deleted` exists since ORS 8.1.400.09, after the \
         target release 8.1.3"
    );
    // Before 8.1.3 the call state of createcall and interaction.onrouterequest are new too;
    // the read of interactionid under the too-new transition is not reported again.
    assert_eq!(
        positions(&lint::lint(&source, &at("8.1.2"))),
        vec![
            ("not-in-version", 5, 24),
            ("not-in-version", 6, 24),
            ("not-in-version", 7, 63),
            ("not-in-version", 8, 65),
            ("not-in-version", 10, 30),
        ]
    );
    let out = ors_events(&[
        "lint",
        "--ors-version",
        "8.1.3",
        "tests/lint/versions.scxml",
    ]);
    // Warnings alone pass (`--deny warnings` makes them fail).
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with(
        "tests/lint/versions.scxml:5:24: warning: event `interaction.property.changed` exists \
         since ORS 8.1.400.39, after the target release 8.1.3 [not-in-version]\n"
    ));
    assert!(text(&out.stdout).ends_with("1 file: 3 warnings\n"));
    let bad = ors_events(&["lint", "--ors-version", "eight", "tests/lint/clean.scxml"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn malformed_files_are_reported_with_their_position() {
    let findings = lint_fixture("malformed.scxml", &Options::new());
    assert_eq!(positions(&findings), vec![("malformed-xml", 6, 5)]);
    assert_eq!(
        findings[0].message,
        "not well-formed XML: expected 'log' tag, not 'transition'"
    );
    // An unclosed root is reported where the file ends.
    let findings = lint_fixture("truncated.scxml", &Options::new());
    assert_eq!(positions(&findings), vec![("malformed-xml", 5, 1)]);
    // Not UTF-8: at the first bad byte.
    let bytes = b"<scxml>\n  <transition event=\"caf\xe9\"/></scxml>";
    let findings = lint::lint_bytes(bytes, &Options::new());
    assert_eq!(positions(&findings), vec![("malformed-xml", 2, 25)]);
    assert!(findings[0].message.starts_with("not UTF-8: byte 0xE9"));
    assert_eq!(
        lint::source_text(bytes),
        "<scxml>\n  <transition event=\"caf"
    );
    // UTF-16 with an unpaired surrogate: located in the text decoded before it, which
    // `source_text` gives (its bytes are not UTF-8 at all).
    let mut utf16: Vec<u8> = vec![0xFE, 0xFF];
    for unit in "<scxml>\n <a b=\"".encode_utf16() {
        utf16.extend(unit.to_be_bytes());
    }
    utf16.extend([0xDC, 0x00]);
    let findings = lint::lint_bytes(&utf16, &Options::new());
    assert_eq!(positions(&findings), vec![("malformed-xml", 2, 8)]);
    assert_eq!(lint::source_text(&utf16), "<scxml>\n <a b=\"");
    assert_eq!(lint::source_text(b"<a/>"), "<a/>");
    assert_eq!(
        positions(&lint::lint("", &Options::new())),
        vec![("malformed-xml", 1, 1)]
    );
    // A byte order mark is not a column.
    let bom = format!(
        "\u{feff}{}",
        "<scxml><transition event=\"voice.hold.don\"/></scxml>"
    );
    assert_eq!(
        positions(&lint::lint(&bom, &Options::new())),
        vec![("unknown-event", 1, 27)]
    );
}

#[test]
fn namespaces_line_ends_and_entities() {
    let lint = |source: &str| positions(&lint::lint(source, &Options::new()));
    // A prefixed SCXML namespace counts; a `transition` of another namespace does not.
    assert_eq!(
        lint(
            "<sc:scxml xmlns:sc=\"http://www.w3.org/2005/07/scxml\" xmlns:x=\"urn:x\">\n\
             <sc:transition event=\"voice.hold.don\"/>\n\
             <x:transition event=\"voice.hold.don\"/>\n\
             </sc:scxml>"
        ),
        vec![("unknown-event", 2, 23)]
    );
    // CRLF line ends, and a cond over several lines.
    assert_eq!(
        lint(
            "<scxml>\r\n  <transition event=\"interaction.added\"\r\n    \
             cond=\"_event.data.interactionid &amp;&amp;\r\n      _event.data.partyid\">\r\n\
             \x20   <script><![CDATA[\r\n x = _event.data.focusdeviceid;]]></script>\r\n\
             \x20 </transition>\r\n</scxml>\r\n"
        ),
        vec![("unknown-attribute", 4, 19), ("unknown-attribute", 6, 18)]
    );
    // Lone CR line ends (XML 1.0 reads them as line ends, and so do editors).
    assert_eq!(
        lint("<scxml>\r  <transition event=\"voice.hold.don\"/>\r</scxml>"),
        vec![("unknown-event", 2, 22)]
    );
    // Where the XML reader, which counts `\n` lines, finds a document not well-formed.
    assert_eq!(
        lint("<scxml>\r  <a>\r</scxml>"),
        vec![("malformed-xml", 3, 1)]
    );
    assert_eq!(lint("\rZ"), vec![("malformed-xml", 2, 1)]);
    // Entities the document's DTD defines are expanded; what they hold is placed at the value
    // or element that uses them.
    let source = "<!DOCTYPE scxml [<!ENTITY p '_event.data.partyid'>]>\n\
                  <scxml><transition event=\"interaction.added\" cond=\"&p; || x\">\n\
                  <script>&p;</script></transition></scxml>";
    assert_eq!(
        lint(source),
        vec![("unknown-attribute", 2, 52), ("unknown-attribute", 3, 1)]
    );
}

#[test]
fn no_input_makes_it_panic() {
    for name in [
        "attributes.scxml",
        "events.scxml",
        "clean.scxml",
        "inbound.scxml",
        "composer/src-gen/Inbound.scxml",
    ] {
        let bytes = std::fs::read(workspace().join("tests/lint").join(name)).unwrap();
        let bytes = bytes.as_slice();
        let (cut, mutate) = ((bytes.len() / 600).max(7), (bytes.len() / 300).max(13));
        for end in (0..bytes.len()).step_by(cut) {
            let _ = lint::lint_bytes(&bytes[..end], &Options::new());
        }
        for offset in (0..bytes.len()).step_by(mutate) {
            for byte in [b'<', b'>', b'"', b'\'', b'&', b'.', b'[', 0xFF] {
                let mut mutated = bytes.to_vec();
                mutated[offset] = byte;
                let _ = lint::lint_bytes(&mutated, &at("8.1.3"));
            }
        }
    }
}

#[test]
fn text_output_exit_status_and_unreadable_files() {
    let out = ors_events(&["lint", "tests/lint/events.scxml"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with(
        "tests/lint/events.scxml:5:24: error: unknown event `interaction.partydelete`: it \
         matches no event of the catalogue (descriptors match whole tokens, so not \
         `interaction.partydeleted`); did you mean `interaction.partydeleted`? [unknown-event]\n"
    ));
    assert_eq!(stdout.lines().count(), 12);
    assert!(stdout.ends_with("1 file: 11 errors\n"));

    // An unreadable file: reported, the others still linted, exit 2. A directory is walked.
    let out = ors_events(&[
        "lint",
        "tests/lint/missing.scxml",
        "tests/lint/events.scxml",
        "tests/lint/composer",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("tests/lint/missing.scxml: error: cannot read the file: "));
    assert!(lines[0].ends_with("[unreadable-file]"));
    assert!(lines[1].starts_with("tests/lint/events.scxml:5:24: error: "));
    assert_eq!(lines[12], "7 files: 12 errors");

    // A file is required.
    assert_eq!(ors_events(&["lint"]).status.code(), Some(2));
}

#[test]
fn json_output_is_one_object_per_finding() {
    let out = ors_events(&[
        "lint",
        "--format",
        "json",
        "tests/lint/attributes.scxml",
        "tests/lint/nope.scxml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let records: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 15);
    assert_eq!(
        records[8],
        serde_json::json!({
            "file": "tests/lint/attributes.scxml",
            "line": 25,
            "column": 66,
            "code": "unknown-attribute",
            "severity": "error",
            "message": "`interaction.partyadded` has no attribute `partyID`; did you mean `partyid`?",
            "suggestion": "partyid",
        })
    );
    assert_eq!(records[14]["code"], "unreadable-file");
    assert_eq!(records[14]["line"], Value::Null);
    assert_eq!(text(&out.stderr), "2 files: 15 errors\n");
}

/// The structure SARIF 2.1.0 requires of what we write; `scripts/check-sarif.sh` validates
/// the same output against the OASIS schema itself.
#[test]
fn sarif_output_is_one_run_with_rules_and_located_results() {
    let out = ors_events(&[
        "lint",
        "--format",
        "sarif",
        "--ors-version",
        "8.1.3",
        "tests/lint/events.scxml",
        "tests/lint/versions.scxml",
        "tests/lint/malformed.scxml",
        "tests/lint/clean.scxml",
        "tests/lint/absent.scxml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"]
        .as_str()
        .unwrap()
        .contains("sarif-schema-2.1.0"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "ors-events");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "unknown-event",
            "bad-descriptor",
            "unknown-attribute",
            "not-in-version",
            "malformed-xml",
            "unreadable-file",
            "unknown-family"
        ]
    );
    for rule in rules {
        assert!(!rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning"].contains(&level));
    }
    let results = runs[0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 11 + 3 + 1 + 1);
    for result in results {
        let rule_id = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], rule_id);
        assert_eq!(
            result["level"],
            rules[index]["defaultConfiguration"]["level"]
        );
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let locations = result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("tests/lint/") && uri.ends_with(".scxml"),
            "{uri}"
        );
        if rule_id == "unreadable-file" {
            assert!(physical.get("region").is_none());
        } else {
            assert!(physical["region"]["startLine"].as_u64().unwrap() >= 1);
            assert!(physical["region"]["startColumn"].as_u64().unwrap() >= 1);
        }
    }
    let first = &results[0];
    assert_eq!(first["ruleId"], "unknown-event");
    assert_eq!(
        first["locations"][0]["physicalLocation"],
        serde_json::json!({
            "artifactLocation": { "uri": "tests/lint/events.scxml" },
            "region": { "startLine": 5, "startColumn": 24 },
        })
    );
    let malformed = results
        .iter()
        .find(|r| r["ruleId"] == "malformed-xml")
        .unwrap();
    assert_eq!(
        malformed["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({ "startLine": 6, "startColumn": 5 })
    );
    let warnings = results.iter().filter(|r| r["level"] == "warning").count();
    assert_eq!(warnings, 3);
}

#[test]
fn the_rules_are_documented() {
    let codes: Vec<&str> = RULES.iter().map(|rule| rule.code).collect();
    for code in codes {
        assert!(lint::rule(code).is_some());
    }
    assert_eq!(
        lint::rule("not-in-version").unwrap().severity,
        Severity::Warning
    );
    assert!(Path::new(&workspace().join("scripts/check-sarif.sh")).is_file());
}

/// The example the README shows, file and output: the README's copy of both is the real one.
#[test]
fn readme_example() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let command = "$ ors-events lint --ors-version 8.1.4 tests/lint/inbound.scxml\n";
    let start = readme.find(command).expect("the README shows the command") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = ors_events(&["lint", "--ors-version", "8.1.4", "tests/lint/inbound.scxml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), shown);
    // The file, decoded from ISO-8859-1 as it declares, is the one the README shows.
    let bytes = std::fs::read(workspace().join("tests/lint/inbound.scxml")).unwrap();
    let latin: String = bytes.iter().copied().map(char::from).collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(readme.contains(&format!("```xml\n{latin}```")));
}
