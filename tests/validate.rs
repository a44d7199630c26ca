//! The validator: every violation code, versions, lenient mode, and agreement with the JSON
//! Schema (through the `jsonschema` crate) on a corpus covering every event and every check.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;

use ors_events::validate::{validate, Options, Severity};
use ors_events_codegen::corpus::{self, Flaw};
use ors_events_codegen::emit::json::Json;
use serde_json::Value;
use support::{catalogue, workspace};

/// The seed of the committed corpus `tests/corpus/events.jsonl`.
const CORPUS_SEED: u64 = 20_261_125;

fn findings(text: &str, options: &Options) -> Vec<(String, &'static str, Severity)> {
    validate(text.as_bytes(), options)
        .violations
        .into_iter()
        .map(|v| (v.pointer, v.code, v.severity))
        .collect()
}

fn strict(text: &str) -> Vec<(String, &'static str)> {
    findings(text, &Options::new())
        .into_iter()
        .map(|(p, c, _)| (p, c))
        .collect()
}

fn pairs(expected: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    expected.iter().map(|(p, c)| (p.to_string(), *c)).collect()
}

#[test]
fn every_violation_code_with_its_pointer() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i"}}"#,
            &[],
        ),
        (
            r#"{"data": {"requestid": "r", "interactionid": "i"}, "name": "voice.hold.done", "type": "platform"}"#,
            &[],
        ),
        (
            r#"{"name": "voice.hold.dne", "data": {}}"#,
            &[("/name", "unknown-event")],
        ),
        (
            r#"{"name": "Voice.hold.done", "data": {}}"#,
            &[("/name", "unknown-event")],
        ),
        (r#"{"name": 7, "data": {}}"#, &[("/name", "wrong-type")]),
        (r#"{"data": {}}"#, &[("/name", "missing-field")]),
        (
            r#"{"name": "voice.hold.done"}"#,
            &[("/data", "missing-field")],
        ),
        (
            r#"{"name": "voice.hold.done", "data": []}"#,
            &[("/data", "wrong-type")],
        ),
        (r#"[1, 2]"#, &[("", "wrong-type")]),
        (
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i"}, "colour": 1}"#,
            &[("/colour", "unknown-field")],
        ),
        (
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i"}, "type": "remote"}"#,
            &[("/type", "enum-value")],
        ),
        (
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i"}, "sendid": null}"#,
            &[("/sendid", "wrong-type")],
        ),
        (
            r#"{"name": "voice.hold.done", "data": {"requestid": 5}}"#,
            &[
                ("/data/requestid", "wrong-type"),
                ("/data/interactionid", "missing-attribute"),
            ],
        ),
        (
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i", "partyid": "p"}}"#,
            &[("/data/partyid", "unknown-attribute")],
        ),
        (
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i", "a/b~c": 1}}"#,
            &[("/data/a~1b~0c", "unknown-attribute")],
        ),
        (
            r#"{"name": "voice.createcall.done", "data": {"requestid": "r", "interactionid": "i", "callstate": 40}}"#,
            &[("/data/callstate", "enum-value")],
        ),
        (
            r#"{"name": "voice.createcall.done", "data": {"requestid": "r", "interactionid": "i", "callstate": 49.0}}"#,
            &[],
        ),
        (
            r#"{"name": "voice.createcall.done", "data": {"requestid": "r", "interactionid": "i", "callstate": 4.5}}"#,
            &[("/data/callstate", "wrong-type")],
        ),
        (
            r#"{"name": "voice.createcall.done", "data": {"requestid": "r", "interactionid": "i", "callstate": "0"}}"#,
            &[("/data/callstate", "wrong-type")],
        ),
        (
            r#"{"name": "interaction.deleted", "data": {"interactionid": "i", "resultof": "migrating"}}"#,
            &[("/data/resultof", "enum-value")],
        ),
        (
            r#"{"name": "interaction.partystatechanged", "data": {"interactionid": "i", "focusdeviceid": "d", "partyid": "p", "partystate": "s", "hints": {"ccevent": 3, "cause": 6, "callstate": 33, "vendor": 1}}}"#,
            &[("/data/hints/callstate", "enum-value")],
        ),
        (
            r#"{"name": "interaction.partystatechanged", "data": {"interactionid": "i", "focusdeviceid": "d", "partyid": "p", "partystate": "s", "hints": {"ccevent": 3, "cause": true}}}"#,
            &[("/data/hints/cause", "wrong-type")],
        ),
        (
            r#"{"name": "chat.gettranscript.done", "data": {"requestid": "r", "transcript": [{"text": "hi"}, 3, {}]}}"#,
            &[("/data/transcript/1", "wrong-type")],
        ),
        (
            r#"{"name": "error.voice.privateservice", "data": {"requestid": "r", "interactionid": "i", "error": "tserver", "description": "d", "properties": "x"}}"#,
            &[("/data/properties", "wrong-type")],
        ),
        (
            r#"{"name": "error.voice.hold", "data": {"requestid": "r", "interactionid": "i", "error": "a brand new error", "description": "d"}}"#,
            &[],
        ),
        (
            r#"{"name": "voice.hold.done", "name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i"}}"#,
            &[("/name", "duplicate-key")],
        ),
        (
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "requestid": "s", "interactionid": "i"}}"#,
            &[("/data/requestid", "duplicate-key")],
        ),
        (
            r#"{"name": "voice.hold.done", "data": {"requestid": "r""#,
            &[("", "malformed-json")],
        ),
        (
            r#"{"name": "voice.hold.done", "data": {}} trailing"#,
            &[("", "malformed-json")],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(strict(text), pairs(expected), "{text}");
    }
}

#[test]
fn every_violation_is_reported_at_once() {
    let text = r#"{"colour": 1, "data": {"interactionid": 3, "focusdeviceid": null, "hints": {"ccevent": 99, "cause": 6, "callstate": "x"}, "bogus": true}, "name": "interaction.partystatechanged"}"#;
    assert_eq!(
        strict(text),
        pairs(&[
            ("/colour", "unknown-field"),
            ("/data/interactionid", "wrong-type"),
            ("/data/focusdeviceid", "wrong-type"),
            ("/data/hints/ccevent", "enum-value"),
            ("/data/hints/callstate", "wrong-type"),
            ("/data/bogus", "unknown-attribute"),
            ("/data/partyid", "missing-attribute"),
            ("/data/partystate", "missing-attribute"),
        ])
    );
    let report = validate(text.as_bytes(), &Options::new());
    assert_eq!(
        report.event.as_deref(),
        Some(ors_events::EventName::InteractionPartystatechanged.as_str())
    );
    let unknown = report
        .violations
        .iter()
        .find(|v| v.code == "unknown-attribute")
        .unwrap();
    assert_eq!(
        unknown.message,
        "`bogus` is not an attribute of `interaction.partystatechanged`"
    );
    let typo = validate(br#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i", "requestd": "x"}}"#, &Options::new());
    assert!(
        typo.violations[0]
            .message
            .contains("did you mean `requestid`?"),
        "{:?}",
        typo.violations
    );
}

#[test]
fn versions_gate_events_and_attributes() {
    let v = |text: &str| Options::new().ors_version(text.parse().unwrap());
    let createcall = r#"{"name": "voice.createcall.done", "data": {"requestid": "r", "interactionid": "i", "callstate": 0}}"#;
    let found = findings(createcall, &v("8.1.200.73"));
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].0.as_str(), found[0].1),
        ("/data/callstate", "not-in-version")
    );
    assert!(validate(createcall.as_bytes(), &v("8.1.300.05")).is_valid());
    assert!(validate(createcall.as_bytes(), &v("8.1.3")).is_valid());

    let hints = r#"{"name": "interaction.partystatechanged", "data": {"interactionid": "i", "focusdeviceid": "d", "partyid": "p", "partystate": "s", "hints": {"ccevent": 3, "cause": 6, "callstate": 0}}}"#;
    assert_eq!(
        findings(hints, &v("8.1.200.73"))[0].0,
        "/data/hints/callstate"
    );
    assert!(validate(hints.as_bytes(), &v("8.1.300.01")).is_valid());

    let changed = r#"{"name": "interaction.property.changed", "data": {"interactionid": "i"}}"#;
    let found = validate(changed.as_bytes(), &v("8.1.400.38"));
    assert_eq!(
        (
            found.violations[0].pointer.as_str(),
            found.violations[0].code
        ),
        ("/name", "not-in-version")
    );
    assert!(found.violations[0].message.contains("since ORS 8.1.400.39"));
    assert!(validate(changed.as_bytes(), &v("8.1.400.39")).is_valid());

    let deleted = r#"{"name": "interaction.deleted", "data": {"interactionid": "i", "resultof": "deletion"}}"#;
    assert!(
        !validate(deleted.as_bytes(), &v("8.1.4")).is_valid(),
        "8.1.4 is the line's first build, before 8.1.400.09"
    );
    assert!(validate(deleted.as_bytes(), &v("8.1.400.09")).is_valid());
    assert!(validate(deleted.as_bytes(), &Options::new()).is_valid());
}

#[test]
fn lenient_mode_warns_about_what_a_newer_server_may_send() {
    let text = r#"{"name": "interaction.partystatechanged", "type": "platform", "trace": "t1", "data": {"interactionid": "i", "focusdeviceid": "d", "partyid": "p", "partystate": "s", "newflag": true, "hints": {"ccevent": 3, "cause": 6, "callstate": 51}}}"#;
    assert!(!validate(text.as_bytes(), &Options::new()).is_valid());
    let report = validate(text.as_bytes(), &Options::new().lenient(true));
    assert!(report.is_valid(), "{:?}", report.violations);
    let warnings: Vec<&str> = report.warnings().map(|w| w.code).collect();
    assert_eq!(
        warnings,
        ["unknown-field", "unknown-attribute", "enum-value"]
    );
    // Lenient is not lax: a wrong type or a missing attribute is still a violation.
    let wrong = r#"{"name": "voice.hold.done", "data": {"requestid": 1, "interactionid": "i"}}"#;
    assert!(!validate(wrong.as_bytes(), &Options::new().lenient(true)).is_valid());
}

/// The page says the merge type of `interaction.onmerge` is "provided in the hints", but its
/// table lists no `hints`: the catalogue follows the table, so `hints` there is an unknown
/// attribute (a violation, a warning with `--lenient`), and the Rust bindings drop it.
#[test]
fn onmerge_hints_are_unknown_as_the_table_lists_none() {
    let text = r#"{"name": "interaction.onmerge", "data": {"frominteractionid": "a", "tointeractionid": "b", "activeresource": "r1", "activepartyid": "p1", "activepartystate": "s1", "heldresource": "r2", "heldpartyid": "p2", "heldpartystate": "s2", "hints": {"ccevent": 11, "cause": 6}}}"#;
    assert_eq!(strict(text), pairs(&[("/data/hints", "unknown-attribute")]));
    let lenient = findings(text, &Options::new().lenient(true));
    assert_eq!(
        lenient,
        [(
            "/data/hints".to_owned(),
            "unknown-attribute",
            Severity::Warning
        )]
    );
    let event = ors_events::Event::from_json(text.as_bytes()).unwrap();
    let encoded = serde_json::to_value(&event).unwrap();
    assert!(encoded["data"].get("hints").is_none(), "{encoded}");
}

#[test]
fn typed_events_validate_as_their_json() {
    use ors_events::{interaction, DeletedResultOf, Event};
    let event = Event::from(interaction::Deleted {
        interactionid: "i".into(),
        resultof: Some(DeletedResultOf::Deletion),
    });
    assert!(event.validate(&Options::new()).is_valid());
    let old = event.validate(&Options::new().ors_version("8.1.300.10".parse().unwrap()));
    assert_eq!(old.violations[0].pointer, "/data/resultof");
    assert_eq!(old.violations[0].code, "not-in-version");
}

/// The committed corpus: every event kind valid and with every flaw it can have.
fn corpus_lines() -> Vec<String> {
    let catalogue = catalogue();
    corpus::coverage(&catalogue, CORPUS_SEED)
        .into_iter()
        .map(|sample| {
            // Written with the generator's ordered printer: the same bytes in every build.
            Json::object()
                .with("event", Json::str(sample.event.clone()))
                .with("flaw", Json::str(sample.flaw.code()))
                .with("valid", Json::Bool(sample.flaw == Flaw::None))
                .with("envelope", sample.json)
                .to_compact()
        })
        .collect()
}

#[test]
fn the_committed_corpus_is_fresh() {
    let path = workspace().join("tests/corpus/events.jsonl");
    let expected = corpus_lines().join("\n") + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&path, &expected).unwrap();
    }
    let actual = fs::read_to_string(&path).unwrap_or_default();
    assert!(actual == expected, "tests/corpus/events.jsonl is stale: refresh it with UPDATE_GOLDEN=1 cargo test --all-features --test validate");
}

/// The `jsonschema` crate's validator of a committed catalogue schema.
fn peer(document: &str) -> jsonschema::Validator {
    let path = workspace().join("generated/schema").join(document);
    let schema: Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// Both catalogue documents, the validators' (which dispatches on `name`) and the type
/// generators' (a `oneOf` of every event), give every line the validator's verdict.
#[test]
fn validator_and_json_schema_agree_on_the_corpus() {
    let union = peer("ors-events.types.schema.json");
    let peer = peer("ors-events.schema.json");
    let catalogue = catalogue();
    let mut kinds = std::collections::BTreeSet::new();
    let mut flaws = std::collections::BTreeSet::new();
    let mut disagreements = Vec::new();
    let mut count = 0;
    let lines = corpus_lines().into_iter().map(|line| {
        let record: Value = serde_json::from_str(&line).unwrap();
        (
            record["envelope"].to_string(),
            record["valid"].as_bool().unwrap(),
            record["event"].as_str().unwrap().to_owned(),
            record["flaw"].as_str().unwrap().to_owned(),
        )
    });
    let stream = corpus::stream(&catalogue, 7, 2000, 300).map(|s| {
        (
            s.line(),
            s.flaw == Flaw::None,
            s.event.clone(),
            s.flaw.code().to_owned(),
        )
    });
    for (text, expected, event, flaw) in lines.chain(stream) {
        count += 1;
        kinds.insert(event);
        flaws.insert(flaw.clone());
        let ours = validate(text.as_bytes(), &Options::new());
        let value = serde_json::from_str::<Value>(&text).unwrap();
        let theirs = peer.is_valid(&value);
        let union_says = union.is_valid(&value);
        if ours.is_valid() != theirs || theirs != expected || union_says != expected {
            disagreements.push(format!(
                "{flaw}: ours {} schema {theirs} types schema {union_says} expected {expected}: \
                 {text}\n  {:?}",
                ours.is_valid(),
                ours.violations
            ));
        }
        if !expected {
            assert!(
                ours.violations.iter().any(|v| v.code == flaw),
                "expected {flaw}: {text}\n{:?}",
                ours.violations
            );
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    assert!(count >= 300, "{count}");
    assert_eq!(kinds.len(), 60);
    assert_eq!(flaws.len(), Flaw::ALL.len());
}

/// The keyword of the JSON Schema that reports the flaw a violation code names.
fn keyword_of(code: &str) -> &'static str {
    match code {
        "wrong-type" => "type",
        "missing-attribute" | "missing-field" => "required",
        "unknown-attribute" | "unknown-field" => "additionalProperties",
        "unknown-event" | "enum-value" => "enum",
        _ => "",
    }
}

/// The validators' document dispatches on `name`, so the `jsonschema` crate's first error on
/// every invalid line of the corpus is the flaw itself: the keyword that describes the
/// validator's first violation, at the member it points at (a missing or unexpected member is
/// reported on its object, with its name).
#[test]
fn json_schema_errors_point_where_the_validator_does() {
    let peer = peer("ors-events.schema.json");
    let mut checked = 0;
    let mut differences = Vec::new();
    for line in corpus_lines() {
        let record: Value = serde_json::from_str(&line).unwrap();
        if record["valid"] == true {
            continue;
        }
        checked += 1;
        let envelope = &record["envelope"];
        let ours = validate(envelope.to_string().as_bytes(), &Options::new());
        let first = &ours.violations[0];
        let error = peer.iter_errors(envelope).next().expect("an error");
        let mut pointer = error.instance_path().as_str().to_owned();
        match error.kind() {
            jsonschema::error::ValidationErrorKind::Required { property } => {
                pointer = format!("{pointer}/{}", property.as_str().unwrap_or_default());
            }
            jsonschema::error::ValidationErrorKind::AdditionalProperties { unexpected } => {
                pointer = format!("{pointer}/{}", unexpected[0]);
            }
            _ => {}
        }
        if (error.kind().keyword(), pointer.as_str())
            != (keyword_of(first.code), first.pointer.as_str())
        {
            differences.push(format!(
                "{}: schema `{}` at {pointer}, validator {} at {}",
                record["envelope"],
                error.kind().keyword(),
                first.code,
                first.pointer
            ));
        }
    }
    assert!(checked > 300, "{checked}");
    assert!(
        differences.is_empty(),
        "{} of {checked}:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

/// One input per validator code of the registry that makes the validator report it, with the
/// options it needs; a code without a case fails the test.
#[test]
fn every_validator_code_of_the_registry_has_a_case_that_triggers_it() {
    use ors_events::validate::{validate_lines, ViolationCode};
    let release: ors_events::OrsVersion = "8.1.3".parse().unwrap();
    let lines: &[(&str, &str, Options)] = &[
        ("malformed-json", "{\"name\": ", Options::new()),
        (
            "wrong-type",
            r#"{"name": "voice.hold.done", "data": {"requestid": 1, "interactionid": "i"}}"#,
            Options::new(),
        ),
        (
            "missing-field",
            r#"{"name": "voice.hold.done"}"#,
            Options::new(),
        ),
        (
            "unknown-field",
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i"}, "sendidd": "x"}"#,
            Options::new(),
        ),
        (
            "duplicate-key",
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "requestid": "r", "interactionid": "i"}}"#,
            Options::new(),
        ),
        (
            "unknown-event",
            r#"{"name": "voice.hld.done", "data": {}}"#,
            Options::new(),
        ),
        (
            "missing-attribute",
            r#"{"name": "voice.hold.done", "data": {"requestid": "r"}}"#,
            Options::new(),
        ),
        (
            "unknown-attribute",
            r#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i", "x": 1}}"#,
            Options::new(),
        ),
        (
            "enum-value",
            r#"{"name": "interaction.partystatechanged", "data": {"interactionid": "i", "focusdeviceid": "d", "partyid": "p", "partystate": "connected", "hints": {"callstate": 999}}}"#,
            Options::new(),
        ),
        (
            "not-in-version",
            r#"{"name": "interaction.deleted", "data": {"interactionid": "i", "resultof": "x"}}"#,
            Options::new().ors_version(release),
        ),
    ];
    let mut triggered = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for (code, line, options) in lines {
        let report = validate(line.as_bytes(), options);
        if report.violations.iter().any(|v| v.code == *code) {
            triggered.insert(code.to_string());
        } else {
            failures.push(format!(
                "{code}: not reported for {line}: {:?}",
                report.violations
            ));
        }
    }
    // A line longer than the limit is skipped and reported.
    let long = format!("{}\n", " ".repeat(100));
    validate_lines(long.as_bytes(), &Options::new(), 10, |_, report| {
        for violation in &report.violations {
            triggered.insert(violation.code.to_owned());
        }
        Ok(())
    })
    .unwrap();
    for code in ViolationCode::ALL {
        if !triggered.contains(code.as_str()) {
            failures.push(format!("{code}: no case triggers it"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
