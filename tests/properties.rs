//! Property tests: no input makes the decoder or the validator panic; every valid generated
//! event validates and round-trips; any single mutation of a valid event gets the same verdict
//! from the validator and from the JSON Schema; the interpreted validator of `--spec`
//! ([`DynCatalogue`]) gives the generated checks' report, violation for violation.
//!
//! CI runs a modest number of cases with a fixed seed. A long campaign:
//! `PROPTEST_CASES=1000000 PROPTEST_RNG_SEED=$RANDOM cargo test --release --all-features --test properties`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::OnceLock;

use ors_events::validate::dynamic::DynCatalogue;
use ors_events::validate::{validate, validate_lines, Options};
use ors_events::Event;
use ors_events_codegen::corpus::{self, Rng};
use ors_events_codegen::Catalogue;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde_json::{json, Value};

fn config(default_cases: u32) -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x0125_2026);
    }
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default_cases;
    }
    config.failure_persistence = None;
    config
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(support::catalogue)
}

fn interpreted() -> &'static DynCatalogue {
    static INTERPRETED: OnceLock<DynCatalogue> = OnceLock::new();
    INTERPRETED.get_or_init(|| DynCatalogue::from_ir(catalogue()))
}

/// Every option set the validator takes, by index.
fn options(choice: usize) -> Options {
    let release = |text: &str| text.parse().unwrap();
    match choice % 4 {
        0 => Options::new(),
        1 => Options::new().lenient(true),
        2 => Options::new().ors_version(release("8.1.200.73")),
        _ => Options::new().ors_version(release("8.1.3")).lenient(true),
    }
}

fn peer() -> &'static jsonschema::Validator {
    static PEER: OnceLock<jsonschema::Validator> = OnceLock::new();
    PEER.get_or_init(|| {
        let text =
            std::fs::read(support::workspace().join("generated/schema/ors-events.schema.json"))
                .unwrap();
        jsonschema::draft202012::new(&serde_json::from_slice(&text).unwrap()).unwrap()
    })
}

/// A valid envelope of a random event kind.
fn valid_event() -> impl Strategy<Value = Value> {
    (0..60usize, any::<u64>()).prop_map(|(index, seed)| {
        let catalogue = catalogue();
        let event = &catalogue.events[index % catalogue.events.len()];
        serde_json::from_str(&corpus::valid(catalogue, event, &mut Rng::new(seed)).to_compact())
            .unwrap()
    })
}

/// Text that looks like event JSON, to reach deeper than random bytes do.
fn jsonish() -> impl Strategy<Value = Vec<u8>> {
    let fragment = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just("\"name\"".to_owned()),
        Just("\"data\"".to_owned()),
        Just("\"interaction.added\"".to_owned()),
        Just("\"voice.hold.done\"".to_owned()),
        Just("\"interactionid\"".to_owned()),
        Just("\"hints\"".to_owned()),
        Just("\"callstate\"".to_owned()),
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("-0.0e-7".to_owned()),
        Just("18446744073709551616".to_owned()),
        Just("\"\\u00e9\\ud800\"".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\r\n".to_owned()),
        "[a-z. ]{0,12}".prop_map(|s| format!("\"{s}\"")),
        any::<i64>().prop_map(|n| n.to_string()),
    ];
    prop::collection::vec(fragment, 0..40).prop_map(|parts| parts.concat().into_bytes())
}

/// A JSON value of any type, small.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (0..60i64).prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "[a-z.]{0,10}".prop_map(Value::String),
        Just(json!("detaching")),
        Just(json!("platform")),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One mutation at a random place: a member removed, replaced, or added.
#[derive(Debug, Clone)]
enum Mutation {
    Remove,
    Replace(Value),
    Add(String, Value),
}

fn mutation() -> impl Strategy<Value = (usize, Mutation)> {
    let kind = prop_oneof![
        Just(Mutation::Remove),
        any_json().prop_map(Mutation::Replace),
        (
            "[a-z]{1,8}|interactionid|requestid|hints|callstate|type",
            any_json()
        )
            .prop_map(|(k, v)| Mutation::Add(k, v)),
    ];
    (any::<usize>(), kind)
}

/// The places in `value` a mutation can reach: every object member and array item, as paths.
fn places(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(members) => {
            out.push(path.clone());
            for (key, member) in members {
                path.push(key.clone());
                places(member, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(index.to_string());
                places(item, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn apply(mut value: Value, (choice, mutation): (usize, Mutation)) -> Value {
    let mut all = Vec::new();
    places(&value, &mut Vec::new(), &mut all);
    let path = all[choice % all.len()].clone();
    let pointer: String = path
        .iter()
        .map(|p| format!("/{}", p.replace('~', "~0").replace('/', "~1")))
        .collect();
    match mutation {
        Mutation::Add(key, new) => {
            if let Some(Value::Object(members)) = value.pointer_mut(&pointer) {
                members.insert(key, new);
            }
        }
        Mutation::Replace(new) => {
            if let Some(target) = value.pointer_mut(&pointer) {
                *target = new;
            }
        }
        Mutation::Remove => {
            if let Some((last, parent)) = path.split_last() {
                let parent: String = parent.iter().map(|p| format!("/{p}")).collect();
                match value.pointer_mut(&parent) {
                    Some(Value::Object(members)) => {
                        members.remove(last);
                    }
                    Some(Value::Array(items)) => {
                        if let Ok(index) = last.parse::<usize>() {
                            if index < items.len() {
                                items.remove(index);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    value
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256), jsonish in jsonish()) {
        for input in [&bytes, &jsonish] {
            let report = validate(input, &Options::new());
            let decoded = Event::from_json(input);
            prop_assert!(decoded.is_err() || report.is_valid() || report.violations.iter().any(|v| v.code == "duplicate-key"));
            let viewed = ors_events::EventRef::from_json(input).map(ors_events::EventRef::into_owned);
            let serde_only = serde_json::from_slice::<Event>(input);
            prop_assert_eq!(serde_only.ok(), decoded.as_ref().ok().cloned());
            prop_assert_eq!(viewed.map_err(|e| e.to_string()), decoded.map_err(|e| e.to_string()));
            validate(input, &Options::new().lenient(true).ors_version("8.1.200.73".parse().unwrap()));
            validate_lines(&input[..], &Options::new(), 64, |_, _| Ok(())).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn valid_events_validate_and_round_trip(event in valid_event()) {
        let bytes = serde_json::to_vec(&event).unwrap();
        let report = validate(&bytes, &Options::new());
        prop_assert!(report.is_valid(), "{:?}", report.violations);
        let decoded = Event::from_json(&bytes).unwrap();
        prop_assert_eq!(ors_events::EventRef::from_json(&bytes).unwrap().into_owned(), decoded.clone());
        let encoded = serde_json::to_vec(&ors_events::Envelope::from(decoded.clone())).unwrap();
        prop_assert!(validate(&encoded, &Options::new()).is_valid());
        prop_assert_eq!(Event::from_json(&encoded).unwrap(), decoded);
        let mut without_type = event.clone();
        without_type.as_object_mut().unwrap().remove("type");
        prop_assert_eq!(serde_json::from_slice::<Value>(&encoded).unwrap(), without_type);
    }

    #[test]
    fn single_mutations_get_the_schema_verdict(event in valid_event(), change in mutation()) {
        let mutated = apply(event, change);
        let ours = validate(&serde_json::to_vec(&mutated).unwrap(), &Options::new());
        let theirs = peer().is_valid(&mutated);
        prop_assert_eq!(ours.is_valid(), theirs, "{}\n{:?}", mutated, ours.violations);
    }

    #[test]
    fn interpreted_catalogue_gives_the_generated_report(
        event in valid_event(),
        change in mutation(),
        choice in 0..4usize,
        bytes in jsonish(),
    ) {
        let options = options(choice);
        for input in [serde_json::to_vec(&apply(event, change)).unwrap(), bytes] {
            let generated = validate(&input, &options);
            let interpreted = interpreted().validate(&input, &options);
            prop_assert_eq!(&interpreted, &generated, "{}", String::from_utf8_lossy(&input));
        }
    }
}
