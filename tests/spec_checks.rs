//! Broken copies of the real spec: each must be rejected with the exact code at the exact
//! file:line:column, and every problem of a spec is reported at once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;
use std::path::Path;

use ors_events_codegen::Diagnostics;
use support::{copy_spec, edit, position_of, TempDir};

/// One breakage: edit `file` (replace `from` by `to`), then expect `code` where `at` starts.
struct Case {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    code: &'static str,
    at: &'static str,
}

fn problems_of(spec: &Path) -> Diagnostics {
    match ors_events_codegen::compile(spec) {
        Ok(_) => panic!("the broken spec in {} was accepted", spec.display()),
        Err(problems) => problems,
    }
}

fn assert_reported(problems: &Diagnostics, spec: &Path, file: &str, code: &str, at: &str) {
    let (line, column) = position_of(&spec.join(file), at);
    let expected = format!("spec/{file}:{line}:{column}");
    assert!(
        problems.iter().any(|p| p.code == code
            && p.location
                .as_ref()
                .is_some_and(|at| at.to_string() == expected)),
        "expected [{code}] at {expected} (`{at}`), got:\n{problems}"
    );
}

const CASES: &[Case] = &[
    Case { file: "voice.yaml", from: "type: callstate\n          description: The call state of the created call", to: "type: calstate\n          description: The call state of the created call", code: "unknown-type", at: "calstate" },
    Case { file: "chat.yaml", from: "  - name: getcontent", to: "  - name: gettranscript", code: "duplicate-event", at: "gettranscript\n    description: Refresh the content" },
    Case { file: "chat.yaml", from: "        - use: requestid\n        - name: transcript", to: "        - use: reqestid\n        - name: transcript", code: "unknown-attribute-ref", at: "reqestid" },
    Case { file: "chat.yaml", from: "  - name: sendchatmessage\n    description:", to: "  - name: sendchatmessage\n    descripton:", code: "unknown-key", at: "descripton" },
    Case { file: "chat.yaml", from: "  - name: sendchatmessage\n", to: "  - name: sendchatmessage\n\t\n", code: "yaml-syntax", at: "\t" },
    Case { file: "interaction.yaml", from: "since: \"8.1.400.39\"", to: "since: \"8.1.40.39\"", code: "invalid-version", at: "\"8.1.40.39\"" },
    Case { file: "interaction.yaml", from: "        optional: Releases before 8.1.400.09 do not send it.\n", to: "", code: "since-required", at: "\"8.1.400.09\"" },
    Case { file: "chat.yaml", from: "        - name: transcript\n", to: "        - { name: party_id, type: string, description: x }\n        - { name: partyid, type: string, description: y }\n        - name: transcript\n", code: "name-collision", at: "partyid, type" },
    Case { file: "chat.yaml", from: "        - name: transcript\n", to: "        - { name: type, type: string, description: x }\n        - name: transcript\n", code: "rust-keyword", at: "type, type" },
    Case { file: "chat.yaml", from: "        - name: transcript\n", to: "        - { name: 1st, type: string, description: x }\n        - name: transcript\n", code: "invalid-name", at: "1st" },
    Case { file: "chat.yaml", from: "        - name: transcript\n", to: "        - { name: \"x: String } fn evil() {\", type: string, description: x }\n        - name: transcript\n", code: "invalid-name", at: "\"x: String" },
    Case { file: "types.yaml", from: "{ code: 13, name: CallControlEvent_Diverted }", to: "{ code: 12, name: CallControlEvent_Diverted }", code: "duplicate-enum-value", at: "12, name: CallControlEvent_Diverted" },
    Case { file: "types.yaml", from: "name: CallControlEvent_Diverted", to: "name: CallEvent_Diverted", code: "prefix-mismatch", at: "CallEvent_Diverted" },
    Case { file: "types.yaml", from: "name: CCEventCause_unknown", to: "name: CCEventCause_unrecognized", code: "name-collision", at: "CCEventCause_unrecognized" },
    Case { file: "chat.yaml", from: "          source: ors-guide-8.1.4\n\n  - name: gettranscript", to: "          source: ors-guide-8.14\n\n  - name: gettranscript", code: "unknown-source", at: "ors-guide-8.14" },
    Case { file: "chat.yaml", from: "      description: The request succeeded and the content object has been refreshed.", to: "      description: The request succeeded and the content object has been refreshed.\n      description: twice", code: "duplicate-key", at: "description: twice" },
    Case { file: "catalogue.yaml", from: "families: [interaction, voice, msgbased, chat]", to: "families: [interaction, voice, msgbased, chat, video]", code: "unknown-family", at: "video" },
    Case { file: "chat.yaml", from: "      description: The request succeeded and the content object has been refreshed.", to: "      description: The request succeeded and the content object has been refreshed.\n      errors: [{ value: x, description: y, source: reference-page }]", code: "misplaced-errors", at: "[{ value: x" },
    Case { file: "voice.yaml", from: "type: callstate\n          description: The call state of the created call", to: "type: callstate\n          required_because: r\n          description: The call state of the created call", code: "conflicting-presence", at: "r\n          description: The call state of the created call" },
    Case { file: "chat.yaml", from: "  - name: getcontent", to: "  - name: get.content", code: "invalid-name", at: "get.content" },
    Case { file: "attributes.yaml", from: "  - name: newdestination\n    type: string", to: "  - name: newdestination\n    type: array<strin>", code: "unknown-type", at: "array<strin>" },
    Case { file: "types.yaml", from: "    kind: integer\n    prefix: CCEventCause_", to: "    kind: int\n    prefix: CCEventCause_", code: "unknown-enum-kind", at: "int\n    prefix: CCEventCause_" },
    Case { file: "chat.yaml", from: "      - kind: quirk", to: "      - kind: quirck", code: "unknown-note-kind", at: "quirck" },
];

#[test]
fn every_breakage_is_reported_with_its_code_and_position() {
    for case in CASES {
        let dir = TempDir::new("check");
        let spec = copy_spec(dir.path());
        edit(&spec.join(case.file), case.from, case.to);
        let problems = problems_of(&spec);
        assert_reported(&problems, &spec, case.file, case.code, case.at);
    }
}

#[test]
fn a_family_missing_from_the_order_is_reported_where_it_is_defined() {
    let dir = TempDir::new("unlisted");
    let spec = copy_spec(dir.path());
    edit(&spec.join("catalogue.yaml"), "msgbased, chat]", "msgbased]");
    let problems = problems_of(&spec);
    assert_reported(
        &problems,
        &spec,
        "chat.yaml",
        "unlisted-family",
        "chat\n  title",
    );
    assert_eq!(problems.len(), 1, "{problems}");
}

#[test]
fn a_result_pair_missing_its_half_is_reported() {
    let dir = TempDir::new("pair");
    let spec = copy_spec(dir.path());
    edit(
        &spec.join("catalogue.yaml"),
        "msgbased, chat]",
        "msgbased, chat, video]",
    );
    fs::write(
        spec.join("video.yaml"),
        "family: { name: video, title: Video, description: Video calls. }\nactions:\n  - name: mute\n    description: Mute.\n    done: { description: Muted. }\n",
    )
    .unwrap();
    let problems = problems_of(&spec);
    assert_reported(
        &problems,
        &spec,
        "video.yaml",
        "incomplete-result-pair",
        "mute",
    );
    assert_eq!(problems.len(), 1, "{problems}");
}

#[test]
fn a_family_defined_twice_duplicates_its_events_across_files() {
    let dir = TempDir::new("twice");
    let spec = copy_spec(dir.path());
    fs::write(
        spec.join("chat2.yaml"),
        "family: { name: chat, title: Chat, description: Again. }\nactions:\n  - name: sendchatmessage\n    description: Send.\n    done: { description: Sent. }\n    error: { description: Failed. }\n",
    )
    .unwrap();
    let problems = problems_of(&spec);
    assert_reported(
        &problems,
        &spec,
        "chat2.yaml",
        "duplicate-name",
        "chat, title",
    );
    assert_reported(
        &problems,
        &spec,
        "chat2.yaml",
        "duplicate-event",
        "sendchatmessage",
    );
    let text = problems.to_string();
    assert!(
        text.contains("chat.sendchatmessage.done") && text.contains("error.chat.sendchatmessage"),
        "{text}"
    );
    // The first definition is a second, labelled snippet.
    let (line, column) = position_of(&spec.join("chat.yaml"), "sendchatmessage");
    let event = problems
        .iter()
        .find(|p| p.code == "duplicate-event")
        .unwrap();
    let first = &event.related[0];
    assert_eq!(first.label, "first defined here");
    assert_eq!(
        first.location.to_string(),
        format!("spec/chat.yaml:{line}:{column}")
    );
    assert!(
        text.contains(&format!("::: spec/chat.yaml:{line}:{column}")),
        "{text}"
    );
    assert!(
        text.contains("--------------- first defined here"),
        "{text}"
    );
}

#[test]
fn every_problem_is_reported_at_once_in_file_order() {
    let dir = TempDir::new("all");
    let spec = copy_spec(dir.path());
    edit(
        &spec.join("voice.yaml"),
        "type: callstate\n          description: The call state of the created call",
        "type: calstate\n          description: The call state of the created call",
    );
    edit(
        &spec.join("chat.yaml"),
        "  - name: getcontent",
        "  - name: gettranscript",
    );
    edit(
        &spec.join("interaction.yaml"),
        "since: \"8.1.400.39\"",
        "since: \"8.1.40.39\"",
    );
    let problems = problems_of(&spec);
    let codes: Vec<&str> = problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "duplicate-event",
            "duplicate-event",
            "invalid-version",
            "unknown-type"
        ],
        "{problems}"
    );
    let text = problems.to_string();
    assert!(text.contains("help: did you mean `callstate`?"), "{text}");
    assert!(text.ends_with("4 problems found in the spec"), "{text}");
}

#[test]
fn syntax_errors_of_several_files_are_all_reported() {
    let dir = TempDir::new("syntax");
    let spec = copy_spec(dir.path());
    edit(
        &spec.join("chat.yaml"),
        "  - name: sendchatmessage\n    description:",
        "  - name: sendchatmessage\n    descripton:",
    );
    edit(&spec.join("voice.yaml"), "actions:\n", "actions: [\n");
    fs::write(spec.join("empty.yaml"), "# nothing here\n").unwrap();
    fs::write(spec.join("latin1.yaml"), b"sources:\n  - id: caf\xe9\n").unwrap();
    let problems = problems_of(&spec);
    let codes: Vec<&str> = problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        codes,
        ["unknown-key", "empty-file", "not-utf8", "yaml-syntax"],
        "{problems}"
    );
    let not_utf8 = problems.iter().find(|p| p.code == "not-utf8").unwrap();
    let at = not_utf8.location.as_ref().map(ToString::to_string);
    assert_eq!(at.as_deref(), Some("spec/latin1.yaml:2:12"));
}

#[test]
fn the_real_spec_is_clean() {
    let catalogue = ors_events_codegen::compile(&support::workspace().join("spec"))
        .unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(catalogue.events.len(), 60);
}
