//! Fixture catalogues, one per generator feature, on the model of typify's and prost-build's
//! fixtures: `codegen/tests/fixtures/<case>/spec/` is a catalogue, and `expected/` is every
//! output the generator makes of it, checked by the same function that checks `generated/`
//! (refresh with `UPDATE_GOLDEN=1 cargo test --all-features --test fixtures`).
//!
//! Each case's Rust output is compiled here, inside a module of its own, and exercised: every
//! event of the case decodes from generated envelopes, encodes back unchanged, validates, and
//! gets from the interpreted catalogue (`validate --spec`) the same report as from its
//! generated checks; flawed envelopes are invalid with the flaw's code.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// A case with one event has a one-variant `Event`, which `let ... else` still reads best as.
#![allow(irrefutable_let_patterns)]

mod support;

use std::path::PathBuf;

use ors_events::runtime::{self, Catalogue, Checks, Options};
use ors_events::validate::dynamic::DynCatalogue;
use ors_events_codegen::corpus::{self, Flaw, Rng};
use serde_json::Value;
use support::workspace;

/// Declares the module of a fixture case, holding its committed Rust output.
macro_rules! fixture {
    ($($case:ident),* $(,)?) => {
        $(
            #[allow(dead_code, clippy::all)]
            mod $case {
                include!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/codegen/tests/fixtures/",
                    stringify!($case),
                    "/expected/rust/mod.rs"
                ));
            }
        )*

        /// Every case, by name.
        const CASES: &[&str] = &[$(stringify!($case)),*];
    };
}

fixture!(
    arrays,
    async_only_family,
    hostile_text,
    integer_enum_gaps,
    name_table,
    name_table_fallback,
    open_objects,
    own_families,
    rust_names,
    since_gating,
    string_enum,
);

fn case_dir(case: &str) -> PathBuf {
    workspace().join("codegen/tests/fixtures").join(case)
}

#[test]
fn every_case_directory_is_declared_and_fresh() {
    let mut on_disk: Vec<String> = std::fs::read_dir(workspace().join("codegen/tests/fixtures"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk, CASES,
        "declare every fixture directory in fixture!()"
    );
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for case in CASES {
        let dir = case_dir(case);
        let outputs = ors_events_codegen::generate(&dir.join("spec"))
            .unwrap_or_else(|problems| panic!("fixture {case}: {problems}"));
        if let Err(message) = outputs.ensure(&dir.join("expected"), update) {
            stale.push(message);
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n\n"));
}

/// Decodes, round-trips and validates generated envelopes of every event of `case`, through its
/// generated catalogue `C`, and compares the generated checks with the interpreted catalogue.
fn exercise<C>(case: &str)
where
    C: Catalogue + Checks + Default,
    C::Event: serde::Serialize,
{
    let ir = ors_events_codegen::compile(&case_dir(case).join("spec")).unwrap();
    let interpreted = DynCatalogue::from_ir(&ir);
    let checks = C::default();
    let options = [
        Options::new(),
        Options::new().lenient(true),
        Options::new().ors_version("8.1.200.73".parse().unwrap()),
    ];
    assert_lookup::<C>(case, &ir);
    let mut rng = Rng::new(0x00F1_C7E5);
    let mut flaws_seen = 0;
    for event in &ir.events {
        for _ in 0..8 {
            let text = corpus::valid(&ir, event, &mut rng).to_compact();
            let bytes = text.as_bytes();
            let decoded = runtime::from_json::<C>(bytes)
                .unwrap_or_else(|err| panic!("{case}: {text}: {err}"));
            assert_eq!(C::name_str(C::event_name(&decoded)), event.name);
            let envelope: runtime::Envelope<C> = serde_json::from_slice(bytes).unwrap();
            // The view, read straight from the bytes, is the event serde_json alone decodes.
            let view = runtime::from_json_ref::<C>(bytes).unwrap();
            assert_eq!(C::into_owned(view), envelope.event, "{case}: {text}");
            assert_eq!(decoded, envelope.event, "{case}: {text}");
            let again = serde_json::to_value(&envelope).unwrap();
            assert_eq!(
                again,
                serde_json::from_slice::<Value>(bytes).unwrap(),
                "{case}"
            );
            let report = runtime::validate_with(&checks, bytes, &Options::new());
            assert!(report.is_valid(), "{case}: {text}: {:?}", report.violations);
            let encoded = serde_json::to_vec(&decoded).unwrap();
            assert_eq!(runtime::from_json::<C>(&encoded).unwrap(), decoded);
            for options in &options {
                assert_eq!(
                    interpreted.validate(bytes, options),
                    runtime::validate_with(&checks, bytes, options),
                    "{case}: {text}"
                );
            }
        }
        for flaw in Flaw::ALL.into_iter().skip(1) {
            let Some(json) = corpus::flawed(&ir, event, flaw, &mut rng) else {
                continue;
            };
            flaws_seen += 1;
            let text = json.to_compact();
            let report = runtime::validate_with(&checks, text.as_bytes(), &Options::new());
            assert!(!report.is_valid(), "{case}: {text}");
            assert!(
                report.violations.iter().any(|v| v.code == flaw.code()),
                "{case}: {text}: {:?}",
                report.violations
            );
            assert_eq!(
                interpreted.validate(text.as_bytes(), &Options::new()),
                report
            );
            // Typed decoding keeps unknown attributes' neighbours and unknown enum values; it
            // refuses what its types cannot hold.
            assert_same_decoding::<C>(case, text.as_bytes());
            let untypable = matches!(
                flaw,
                Flaw::UnknownEvent | Flaw::MissingAttribute | Flaw::WrongType | Flaw::MissingField
            );
            if untypable {
                assert!(
                    runtime::from_json::<C>(text.as_bytes()).is_err(),
                    "{case}: {text}"
                );
            }
        }
    }
    assert!(flaws_seen > 0, "{case}: no flawed event was made");
}

#[test]
fn arrays_compile_and_work() {
    exercise::<arrays::Catalogue>("arrays");
    let event = arrays::Event::from_json(
        br#"{"name": "list.changed", "data": {"items": [{"id": "a", "tags": ["x"]}], "colors": ["red"], "matrix": [[1, 2], []]}}"#,
    )
    .unwrap();
    let arrays::Event::ListChanged(data) = event else {
        panic!("{event:?}")
    };
    assert_eq!(data.items[0].tags.as_deref(), Some(&["x".to_owned()][..]));
    assert_eq!(data.colors, [arrays::Color::Red]);
    assert_eq!(data.matrix, Some(vec![vec![1, 2], vec![]]));
    let report = arrays::validate(
        br#"{"name": "list.changed", "data": {"items": [{"id": 1}], "colors": ["blue"], "matrix": [[true]]}}"#,
        &Options::new(),
    );
    let found: Vec<(&str, &str)> = report
        .violations
        .iter()
        .map(|v| (v.pointer.as_str(), v.code))
        .collect();
    assert_eq!(
        found,
        [
            ("/data/items/0/id", "wrong-type"),
            ("/data/colors/0", "enum-value"),
            ("/data/matrix/0/0", "wrong-type"),
        ]
    );
}

/// `C`'s name lookup finds every event name of the catalogue, and nothing else among the
/// strings one edit away from one (a byte changed, added or taken off).
fn assert_lookup<C: Catalogue>(case: &str, ir: &ors_events_codegen::ir::Catalogue) {
    let expected = |name: &str| ir.events.iter().any(|event| event.name == name);
    let found = |name: &str| C::lookup(name).map(C::name_str);
    for event in &ir.events {
        assert_eq!(found(&event.name), Some(event.name.as_str()), "{case}");
        let mut near = vec![
            String::new(),
            format!("{}x", event.name),
            event.name[..event.name.len() - 1].to_owned(),
            event.name.to_uppercase(),
        ];
        for at in 0..event.name.len() {
            let mut bytes = event.name.clone().into_bytes();
            bytes[at] ^= 1;
            near.push(String::from_utf8(bytes).unwrap());
        }
        for name in &near {
            let want = expected(name).then_some(name.as_str());
            assert_eq!(found(name), want, "{case}: {name:?}");
        }
    }
}

/// The generated `event.rs` of a fixture case.
fn generated_event_rs(case: &str) -> String {
    std::fs::read_to_string(case_dir(case).join("expected/rust/event.rs")).unwrap()
}

#[test]
fn name_table_compiles_and_works() {
    exercise::<name_table::Catalogue>("name_table");
    assert!(generated_event_rs("name_table").contains("name_table::slot("));
    assert_eq!(
        name_table::EventName::from_name("nt.thirty.two.bytes.lonx.exactly"),
        Some(name_table::EventName::NtThirtyTwoBytesLonxExactly)
    );
}

#[test]
fn name_table_fallback_compiles_and_works() {
    exercise::<name_table_fallback::Catalogue>("name_table_fallback");
    let generated = generated_event_rs("name_table_fallback");
    assert!(!generated.contains("name_table::slot("));
    assert!(generated.contains("match name.len()"));
}

#[test]
fn async_only_family_compiles_and_works() {
    exercise::<async_only_family::Catalogue>("async_only_family");
    assert!(async_only_family::Action::ALL.is_empty());
    let event = async_only_family::Event::from_json(
        br#"{"name": "presence.offline", "data": {"userid": "u", "idle": true}}"#,
    )
    .unwrap();
    assert_eq!(event.family(), async_only_family::Family::Presence);
    assert_eq!(event.result_of(), None);
    assert_eq!(event.request_id(), None);
}

#[test]
fn hostile_text_compiles_and_works() {
    exercise::<hostile_text::Catalogue>("hostile_text");
    let known = hostile_text::EventName::ErrorEvilInject.attributes();
    assert_eq!(known[1].name, "error");
    let schema = std::fs::read_to_string(
        case_dir("hostile_text").join("expected/schema/ors-events.schema.json"),
    )
    .unwrap();
    let schema: Value = serde_json::from_str(&schema).unwrap();
    assert!(schema.to_string().contains(r#"bad\"value</script>"#));
}

#[test]
fn integer_enum_gaps_compile_and_work() {
    exercise::<integer_enum_gaps::Catalogue>("integer_enum_gaps");
    use integer_enum_gaps::ReadyReason;
    let event = integer_enum_gaps::Event::from_json(
        br#"{"name": "agent.notready", "data": {"agentid": "a", "reason": 40, "previous": 7}}"#,
    )
    .unwrap();
    let integer_enum_gaps::Event::AgentNotready(data) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(data.reason, ReadyReason::AfterCallWork);
    assert_eq!(data.previous, Some(ReadyReason::Unrecognized(7)));
    assert_eq!(
        serde_json::to_value(&event).unwrap()["data"]["previous"],
        7,
        "an unknown code encodes back unchanged"
    );
    for (code, valid) in [(2, true), (3, false), (10, true), (12, false), (40, true)] {
        let line = format!(
            r#"{{"name": "agent.notready", "data": {{"agentid": "a", "reason": {code}}}}}"#
        );
        let report = integer_enum_gaps::validate(line.as_bytes(), &Options::new());
        assert_eq!(report.is_valid(), valid, "{code}: {:?}", report.violations);
    }
}

/// Typed decoding (through the view) and serde_json alone give the same event, or errors of
/// the same text.
fn assert_same_decoding<C: Catalogue>(case: &str, bytes: &[u8]) {
    let alone = serde_json::from_slice::<runtime::Envelope<C>>(bytes).map(|e| e.event);
    let text = String::from_utf8_lossy(bytes);
    match (runtime::from_json::<C>(bytes), alone) {
        (Ok(typed), Ok(alone)) => assert_eq!(typed, alone, "{case}: {text}"),
        (Err(typed), Err(alone)) => {
            assert_eq!(typed.to_string(), alone.to_string(), "{case}: {text}")
        }
        (typed, alone) => panic!("{case}: {text}: {typed:?} against {alone:?}"),
    }
}

#[test]
fn open_objects_compile_and_work() {
    exercise::<open_objects::Catalogue>("open_objects");
    let line = br#"{"name": "data.updated", "data": {"extensions": {"vendor": "v", "extra": [1]}, "blob": {"anything": {"at": "all"}}, "at": {"x": 1, "y": 2}, "raw": {"k": null}}}"#;
    let event = open_objects::Event::from_json(line).unwrap();
    let open_objects::Event::DataUpdated(data) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(data.extensions.other["extra"], serde_json::json!([1]));
    assert_eq!(data.blob.as_ref().unwrap().members["anything"]["at"], "all");
    assert!(open_objects::validate(line, &Options::new()).is_valid());
    assert_eq!(
        serde_json::to_value(&event).unwrap(),
        serde_json::from_slice::<Value>(line).unwrap()
    );
    let closed = open_objects::validate(
        br#"{"name": "data.updated", "data": {"extensions": {"vendor": "v"}, "at": {"x": 1, "y": 2, "z": 3}}}"#,
        &Options::new(),
    );
    assert_eq!(closed.violations.len(), 1, "{:?}", closed.violations);
    assert_eq!(closed.violations[0].pointer, "/data/at/z");
    assert_eq!(closed.violations[0].code, "unknown-attribute");
}

#[test]
fn own_families_compile_and_correlate() {
    exercise::<own_families::Catalogue>("own_families");
    use ors_events::Pending;
    use own_families::{dialog, queue, Action, Event, Family};
    let pending = Pending::<queue::Submit>::new("r-1");
    let done = Event::from_json(
        br#"{"name": "queue.submit.done", "data": {"requestid": "r-1", "interactionid": "i", "priority": 5}}"#,
    )
    .unwrap();
    let error = Event::from_json(
        br#"{"name": "error.queue.submit", "data": {"requestid": "r-1", "error": "queuefull"}}"#,
    )
    .unwrap();
    let other = Event::from_json(
        br#"{"name": "dialog.start.done", "data": {"requestid": "r-1", "dialogid": "d"}}"#,
    )
    .unwrap();
    let submitted = pending.completion(&done).unwrap().unwrap();
    assert_eq!(submitted.priority, own_families::Priority::Urgent);
    assert_eq!(
        pending.completion(&error).unwrap().unwrap_err().error,
        "queuefull"
    );
    assert!(
        pending.completion(&other).is_none(),
        "another action's result"
    );
    assert_eq!(
        Pending::<dialog::Start>::new("r-2").completion(&other),
        None
    );
    assert_eq!(
        done.completes("r-1"),
        Some((Action::QueueSubmit, ors_events::Outcome::Done))
    );
    assert_eq!(Action::DialogStart.family(), Family::Dialog);
    assert_eq!(Family::ALL, [Family::Queue, Family::Dialog]);
    let envelope: own_families::Envelope = serde_json::from_str(
        r#"{"name": "queue.overflow", "type": "internal", "sendid": "s", "data": {"queueid": "q", "waiting": 3}}"#,
    )
    .unwrap();
    assert_eq!(
        envelope.fields.event_type,
        Some(own_families::EventType::Internal)
    );
}

#[test]
fn rust_names_compile_and_work() {
    exercise::<rust_names::Catalogue>("rust_names");
    let event = rust_names::Event::from_json(
        br#"{"name": "names.match.done", "data": {"type": "fn", "ref": {"self": "s", "loop": 2}}}"#,
    )
    .unwrap();
    let rust_names::Event::NamesMatchDone(done) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(done.kind, rust_names::ThingKind::Fn);
    assert_eq!(done.reference.self_, "s");
    assert_eq!(done.reference.loop_count, 2);
    let changed = rust_names::names::TypeChanged {
        kind: rust_names::ThingKind::Async,
        party_id: "p".into(),
        dynamic: true,
    };
    let json = serde_json::to_value(rust_names::Event::from(changed)).unwrap();
    assert_eq!(json["data"]["partyId"], "p");
    assert_eq!(json["data"]["dyn"], true);
    assert_eq!(json["data"]["type"], "async");
    let _: rust_names::names::Match = rust_names::names::Match;
}

#[test]
fn since_gating_compiles_and_works() {
    exercise::<since_gating::Catalogue>("since_gating");
    use since_gating::EventName;
    assert_eq!(
        EventName::FeatureEnableDone.since().unwrap().to_string(),
        "8.1.3"
    );
    assert_eq!(
        EventName::ErrorFeatureEnable.since().unwrap().to_string(),
        "8.1.400.17"
    );
    let codes = |line: &str, version: &str| -> Vec<(String, &'static str)> {
        since_gating::validate(
            line.as_bytes(),
            &Options::new().ors_version(version.parse().unwrap()),
        )
        .violations
        .into_iter()
        .map(|v| (v.pointer, v.code))
        .collect()
    };
    let done = r#"{"name": "feature.enable.done", "data": {"requestid": "r", "level": 2}}"#;
    assert_eq!(codes(done, "8.1.400.09"), []);
    assert_eq!(
        codes(done, "8.1.400"),
        [("/data/level".into(), "not-in-version")]
    );
    assert_eq!(
        codes(done, "8.1.200.73"),
        [
            ("/name".into(), "not-in-version"),
            ("/data/level".into(), "not-in-version")
        ]
    );
    let seen = r#"{"name": "feature.seen", "data": {"featureid": "f", "detail": "d"}}"#;
    assert_eq!(codes(seen, "8.1.400.39"), []);
    assert_eq!(
        codes(seen, "8.1.4"),
        [("/data/detail".into(), "not-in-version")]
    );
    assert_eq!(
        codes(seen, "8.1.200.73"),
        [("/data/detail".into(), "not-in-version")]
    );
}

#[test]
fn string_enum_compiles_and_works() {
    exercise::<string_enum::Catalogue>("string_enum");
    use string_enum::QueueState;
    let event = string_enum::Event::from_json(
        br#"{"name": "queue.state.changed", "data": {"queueid": "q", "state": "draining"}}"#,
    )
    .unwrap();
    let string_enum::Event::QueueStateChanged(data) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(data.state, QueueState::Unrecognized("draining".into()));
    assert_eq!(event.interaction_id(), Some("q"));
    let report = string_enum::validate(
        br#"{"name": "queue.state.changed", "data": {"queueid": "q", "state": "draining"}}"#,
        &Options::new(),
    );
    assert_eq!(report.violations[0].code, "enum-value");
    assert!(string_enum::validate(
        br#"{"name": "queue.state.changed", "data": {"queueid": "q", "state": "closed-for-maintenance"}}"#,
        &Options::new()
    )
    .is_valid());
}
