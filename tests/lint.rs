//! The linter (`ors_events::lint`) on the hand-written SCXML applications in `tests/lint/`:
//! every finding with its code, line and column. The command line, its formats and exit
//! statuses are tested with the CLI (`cli/tests/cli/lint.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use ors_events::lint::{self, Finding, Options, Severity, RULES};

mod lint_real;
mod support;

use support::workspace;

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
