//! Broken copies of the real spec: each must be rejected with the exact code at the exact
//! file:line:column, and every problem of a spec is reported at once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;
use std::path::Path;

use ors_events_codegen::{Diagnostics, SpecCode};
use support::{broken_spec, copy_spec, edit, position_of, TempDir};

/// What a case does to a copy of the real spec.
enum Change {
    /// Replaces the only occurrence of `from` in the file by `to`.
    Edit {
        from: &'static str,
        to: &'static str,
    },
    /// Writes the file with these bytes.
    Write(Vec<u8>),
    /// Removes every spec file.
    RemoveAll,
    /// Makes the file a directory, which cannot be read as one.
    Directory,
}

/// One breakage of the spec and the problem it must cause: `code` where `at` starts in `file`
/// (or at `@LINE:COLUMN`), or at no location when `at` is empty.
struct Case {
    file: &'static str,
    change: Change,
    code: &'static str,
    at: &'static str,
}

impl Case {
    fn edit(
        file: &'static str,
        from: &'static str,
        to: &'static str,
        code: &'static str,
        at: &'static str,
    ) -> Self {
        let change = Change::Edit { from, to };
        Case {
            file,
            change,
            code,
            at,
        }
    }

    fn write(
        file: &'static str,
        text: impl Into<String>,
        code: &'static str,
        at: &'static str,
    ) -> Self {
        let change = Change::Write(text.into().into_bytes());
        Case {
            file,
            change,
            code,
            at,
        }
    }

    /// Breaks a copy of the spec in `dir` and checks the problem is reported as expected.
    fn run(&self, dir: &Path) -> Result<(), String> {
        let spec = copy_spec(dir);
        let path = spec.join(self.file);
        match &self.change {
            Change::Edit { from, to } => edit(&path, from, to),
            Change::Write(text) => fs::write(&path, text).unwrap(),
            Change::RemoveAll => {
                for entry in fs::read_dir(&spec).unwrap() {
                    fs::remove_file(entry.unwrap().path()).unwrap();
                }
            }
            Change::Directory => fs::create_dir(&path).unwrap(),
        }
        let problems = match ors_events_codegen::compile(&spec) {
            Ok(_) => return Err("the broken spec was accepted".into()),
            Err(problems) => problems,
        };
        let expected = match self.at {
            "" => None,
            at if at.starts_with('@') => Some(format!("spec/{}:{}", self.file, &at[1..])),
            at => {
                let (line, column) = position_of(&path, at);
                Some(format!("spec/{}:{line}:{column}", self.file))
            }
        };
        let found = problems.iter().any(|p| {
            p.code == self.code && p.location.as_ref().map(ToString::to_string) == expected
        });
        if found {
            Ok(())
        } else {
            let at = expected.as_deref().unwrap_or("no location");
            Err(format!(
                "expected [{}] at {at}, got:\n{problems}",
                self.code
            ))
        }
    }
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

/// Every case: each spec code of the registry has at least one.
fn cases() -> Vec<Case> {
    vec![
        Case::edit("voice.yaml", "type: callstate\n          description: The call state of the created call", "type: calstate\n          description: The call state of the created call", "unknown-type", "calstate"),
        Case::edit("chat.yaml", "  - name: getcontent", "  - name: gettranscript", "duplicate-event", "gettranscript\n    description: Refresh the content"),
        Case::edit("chat.yaml", "        - use: requestid\n        - name: transcript", "        - use: reqestid\n        - name: transcript", "unknown-attribute-ref", "reqestid"),
        Case::edit("chat.yaml", "  - name: sendchatmessage\n    description:", "  - name: sendchatmessage\n    descripton:", "unknown-key", "descripton"),
        Case::edit("chat.yaml", "  - name: sendchatmessage\n", "  - name: sendchatmessage\n\t\n", "yaml-syntax", "\t"),
        Case::edit("interaction.yaml", "since: \"8.1.400.39\"", "since: \"8.1.40.39\"", "invalid-version", "\"8.1.40.39\""),
        Case::edit("interaction.yaml", "        optional: Releases before 8.1.400.09 do not send it.\n", "", "since-required", "\"8.1.400.09\""),
        Case::edit("chat.yaml", "        - name: transcript\n", "        - { name: party_id, type: string, description: x }\n        - { name: partyid, type: string, description: y }\n        - name: transcript\n", "name-collision", "partyid, type"),
        Case::edit("chat.yaml", "        - name: transcript\n", "        - { name: type, type: string, description: x }\n        - name: transcript\n", "rust-keyword", "type, type"),
        Case::edit("chat.yaml", "        - name: transcript\n", "        - { name: 1st, type: string, description: x }\n        - name: transcript\n", "invalid-name", "1st"),
        Case::edit("chat.yaml", "        - name: transcript\n", "        - { name: \"x: String } fn evil() {\", type: string, description: x }\n        - name: transcript\n", "invalid-name", "\"x: String"),
        Case::edit("types.yaml", "{ code: 13, name: CallControlEvent_Diverted }", "{ code: 12, name: CallControlEvent_Diverted }", "duplicate-enum-value", "12, name: CallControlEvent_Diverted"),
        Case::edit("types.yaml", "name: CallControlEvent_Diverted", "name: CallEvent_Diverted", "prefix-mismatch", "CallEvent_Diverted"),
        Case::edit("types.yaml", "name: CCEventCause_unknown", "name: CCEventCause_unrecognized", "name-collision", "CCEventCause_unrecognized"),
        Case::edit("interaction.yaml", "events:\n  - name: interaction.added\n", "events:\n  - name: interaction.terminate.done.ref\n    description: x\n  - name: interaction.added\n", "name-collision", "interaction.terminate.done.ref"),
        Case::edit("chat.yaml", "          source: ors-facts\n          inferred: true\n\n  - name: gettranscript", "          source: ors-fact\n          inferred: true\n\n  - name: gettranscript", "unknown-source", "ors-fact\n"),
        Case::edit("chat.yaml", "      description: The request succeeded and the content object has been refreshed.", "      description: The request succeeded and the content object has been refreshed.\n      description: twice", "duplicate-key", "description: twice"),
        Case::edit("catalogue.yaml", "families: [interaction, voice, msgbased, chat]", "families: [interaction, voice, msgbased, chat, video]", "unknown-family", "video"),
        Case::edit("chat.yaml", "      description: The request succeeded and the content object has been refreshed.", "      description: The request succeeded and the content object has been refreshed.\n      errors: [{ value: x, description: y, source: reference-page }]", "misplaced-errors", "[{ value: x"),
        Case::edit("voice.yaml", "type: callstate\n          description: The call state of the created call", "type: callstate\n          required_because: r\n          description: The call state of the created call", "conflicting-presence", "r\n          description: The call state of the created call"),
        Case::edit("chat.yaml", "  - name: getcontent", "  - name: get.content", "invalid-name", "get.content"),
        Case::edit("attributes.yaml", "  - name: newdestination\n    type: string", "  - name: newdestination\n    type: array<strin>", "unknown-type", "array<strin>"),
        Case::edit("types.yaml", "    kind: integer\n    prefix: CCEventCause_", "    kind: int\n    prefix: CCEventCause_", "unknown-enum-kind", "int\n    prefix: CCEventCause_"),
        Case::edit("chat.yaml", "    notes:\n      - kind: quirk", "    notes:\n      - kind: quirck", "unknown-note-kind", "quirck"),
        Case::edit("msgbased.yaml", "need not be based on one.\n          source: reference-page\n          inferred: true\n", "need not be based on one.\n", "uncited-claim", ">-\n            Only sent when"),
        Case::edit("chat.yaml", "          source: ors-facts\n          inferred: true\n\n  - name: gettranscript", "\n  - name: gettranscript", "uncited-claim", "Request Invalid\n          description: The request was rejected as invalid.\n\n"),
        Case::edit("types.yaml", "    source: w3c-scxml\n", "", "uncited-claim", "event_type\n    rust_name"),
        Case::edit("catalogue.yaml", "sources:\n", "sources:\n  - id: ors-guide-8.1.4\n    title: The 8.1.4 guide\n", "unused-source", "ors-guide-8.1.4"),
        Case::edit("chat.yaml", "        - name: transcript\n", "        - { name: party, type: string, description: x, source: reference-page }\n        - name: transcript\n", "stray-provenance", "reference-page }"),
        Case::edit("types.yaml", "{ code: 13, name: CallControlEvent_Diverted }", "{ code: 13, name: CallControlEvent_Diverted, inferred: true }", "stray-provenance", "true }"),
        // One case for each code the edits above do not trigger.
        Case::write("types.yaml", types_with(
            "    members: []",
            "    members:\n      - { name: again, type: chatmessage, description: x, optional: y }",
        ), "recursive-type", "chatmessage\n    rust_name: ChatMessage"),
        Case::edit("interaction.yaml", "      - use: interactionid\n        description: The id of the interaction whose property changed.",
            "      - { name: older, type: string, description: x, optional: y, since: \"8.1.2\" }\n      - use: interactionid\n        description: The id of the interaction whose property changed.",
            "since-before-event", "\"8.1.2\""),
        Case::edit("chat.yaml", "  - name: getcontent", "  - name: getcontent\n    description: d\n    done: { description: x, attributes: [{ use: requestid }, { name: again, type: string, role: request-id, description: y }] }\n    error: { description: z }\n  - name: other",
            "duplicate-role", "again, type: string, role"),
        Case::edit("interaction.yaml", "  - name: interaction.onrouterequest", "  - name: voice.onrouterequest", "wrong-family", "voice.onrouterequest"),
        Case::edit("interaction.yaml", "      - use: interactionid\n        description: The id of the interaction whose property changed.",
            "      - use: interactionid\n        type: integer\n        description: The id of the interaction whose property changed.",
            "type-on-use", "integer\n        description: The id of the interaction whose"),
        Case::edit("interaction.yaml", "      - use: interactionid\n        description: The id of the interaction whose property changed.",
            "      - use: interactionid\n        role: interaction-id\n        description: The id of the interaction whose property changed.",
            "role-on-use", "interaction-id\n        description: The id of the interaction whose"),
        Case::edit("interaction.yaml", "      - use: interactionid\n        description: The id of the interaction whose property changed.",
            "      - { name: untyped, description: x }\n      - use: interactionid\n        description: The id of the interaction whose property changed.",
            "missing-type", "untyped"),
        Case::write("extra.yaml", "events: [{ name: x.y, description: z }]\n", "missing-family", "[{ name"),
        Case::write("types.yaml", types_with("enums:\n", "enums:\n  - { name: nothing, kind: string, description: x, values: [] }\n"), "empty-enum", "[] }"),
        Case::edit("chat.yaml", "description: Send a chat message in association with a party of a chat interaction.", "description: \"  \"", "empty-text", "\"  \""),
        Case::edit("chat.yaml", "  - name: getcontent", "  - name: getcontent\n    description: d\n    done: { description: x, attributes: [{ use: requestid, name: both }] }\n    error: { description: z }\n  - name: other",
            "attribute-form", "{ use: requestid, name: both }"),
        Case::edit("chat.yaml", "  - name: getcontent", "  - name: getcontent\n    description: d\n    done: { description: x, attributes: [{ name: twin, type: string, description: a }, { name: twin, type: string, description: b }] }\n    error: { description: z }\n  - name: other",
            "duplicate-attribute", "twin, type: string, description: b"),
        Case::edit("chat.yaml", "  - name: getcontent", "  - name: getcontent\n    description: d\n    done: { description: x, attributes: [{ name: roled, type: string, role: boss, description: a }] }\n    error: { description: z }\n  - name: other",
            "unknown-role", "boss"),
        Case::edit("types.yaml", "{ code: 13, name: CallControlEvent_Diverted }", "{ value: Diverted }", "wrong-enum-value", "{ value: Diverted }"),
        Case::write("chat2.yaml", "family: { name: chat, title: Chat, description: Again. }\n", "duplicate-name", "chat, title"),
        Case::write("video.yaml", "family: { name: video, title: Video, description: Calls. }\n", "unlisted-family", "video, title"),
        Case::write("video.yaml", "family: { name: video, title: Video, description: Calls. }\nactions:\n  - name: mute\n    description: Mute.\n    done: { description: Muted. }\n",
            "incomplete-result-pair", "mute\n"),
        // The loader's codes.
        Case::edit("catalogue.yaml", "  - id: w3c-scxml\n    title: \"W3C SCXML Recommendation, section 5.10.1: the _event system variable\"\n", "  - id: w3c-scxml\n", "missing-key", "id: w3c-scxml"),
        Case::edit("catalogue.yaml", "families: [interaction, voice, msgbased, chat]", "families: nope", "wrong-shape", "nope"),
        Case::write("extra.yaml", alias_bomb(), "too-deep", "events:"),
        Case::write("extra.yaml", "# nothing\n", "empty-file", "# nothing"),
        Case { file: "extra.yaml", change: Change::Write(b"sources:\n  - id: caf\xe9\n".to_vec()), code: "not-utf8", at: "@2:12" },
        Case { file: "catalogue.yaml", change: Change::RemoveAll, code: "no-spec-files", at: "" },
        Case::write("extra.yaml", "# padding\n".repeat(500_000), "file-too-large", "@1:1"),
        Case { file: "extra.yaml", change: Change::Directory, code: "io-error", at: "" },
    ]
}

/// The real `types.yaml` with its only `from` replaced by `to`.
fn types_with(from: &str, to: &str) -> String {
    let text = fs::read_to_string(support::workspace().join("spec/types.yaml")).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

/// A few hundred YAML events whose aliases expand to over a hundred thousand nodes.
fn alias_bomb() -> String {
    let repeat = |line: &str| format!("{line}\n").repeat(49);
    format!(
        "events:\n  - &e\n    name: x.y\n    description: d\n    attributes:\n      - &a\n        name: n\n        type: string\n        description: d\n        notes:\n          - &nt {{ kind: usage, text: t }}\n{}{}{}",
        repeat("          - *nt"),
        repeat("      - *a"),
        repeat("  - *e"),
    )
}

/// Every case is run, and every failing one is reported, not only the first.
#[test]
fn every_breakage_is_reported_with_its_code_and_position() {
    let mut failures = Vec::new();
    for (index, case) in cases().iter().enumerate() {
        let dir = TempDir::new("check");
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| case.run(dir.path())));
        let error = match outcome {
            Ok(Ok(())) => continue,
            Ok(Err(error)) => error,
            Err(panic) => panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
                .unwrap_or_else(|| "the case panicked".into()),
        };
        failures.push(format!(
            "case {index} ({} in {}): {error}",
            case.code, case.file
        ));
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases().len(),
        failures.join("\n\n")
    );
}

/// A code of the registry that no case triggers fails here.
#[test]
fn every_spec_code_of_the_registry_has_a_case() {
    let covered: std::collections::BTreeSet<&str> = cases().iter().map(|case| case.code).collect();
    let missing: Vec<&str> = SpecCode::ALL
        .iter()
        .map(|code| code.as_str())
        .filter(|code| !covered.contains(code))
        .collect();
    assert!(missing.is_empty(), "codes without a case: {missing:?}");
    for code in &covered {
        assert!(
            SpecCode::from_name(code).is_some(),
            "`{code}` is not in the registry"
        );
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
    let spec = broken_spec(dir.path());
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

/// A catalogue of its own events, with no sources: an optional reason cites nothing, and that is
/// fine, since the catalogue transcribes no source.
const OWN_CATALOGUE: &str = "family: { name: video, title: Video, description: Video calls. }
events:
  - name: video.muted
    description: The video was muted.
    attributes:
      - name: by
        type: string
        description: Who muted it.
        optional: Absent when the platform muted it.
";

#[test]
fn the_provenance_rule_applies_once_a_catalogue_declares_sources() {
    let dir = TempDir::new("provenance");
    let spec = dir.path().join("spec");
    fs::create_dir_all(&spec).unwrap();
    fs::write(spec.join("video.yaml"), OWN_CATALOGUE).unwrap();
    ors_events_codegen::compile(&spec).unwrap_or_else(|problems| panic!("{problems}"));

    fs::write(
        spec.join("sources.yaml"),
        "sources:\n  - id: video-notes\n    title: Notes on video calls\n",
    )
    .unwrap();
    let problems = problems_of(&spec);
    assert_reported(
        &problems,
        &spec,
        "video.yaml",
        "uncited-claim",
        "Absent when",
    );
    assert_reported(
        &problems,
        &spec,
        "sources.yaml",
        "unused-source",
        "video-notes",
    );
    assert_eq!(problems.len(), 2, "{problems}");
    let text = problems.to_string();
    assert!(
        text.contains("help: cite the source it rests on with `source: ID` (declared: `video-notes`), or mark it as the catalogue's own inference with `inferred: true`"),
        "{text}"
    );

    edit(
        &spec.join("video.yaml"),
        "the platform muted it.\n",
        "the platform muted it.\n        source: video-notes\n",
    );
    ors_events_codegen::compile(&spec).unwrap_or_else(|problems| panic!("{problems}"));
}

#[test]
fn the_real_spec_is_clean() {
    let catalogue = ors_events_codegen::compile(&support::workspace().join("spec"))
        .unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(catalogue.events.len(), 60);
}
