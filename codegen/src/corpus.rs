//! Deterministic event corpora made from the IR: realistic valid events of every kind, and
//! invalid ones of every violation kind, for tests, cross-language checks and benchmarks.
//!
//! The same catalogue and seed give the same bytes on every machine: the generator uses its own
//! small PRNG (SplitMix64) and writes JSON with the emitters' ordered printer.

use crate::emit::json::Json;
use crate::ir::{Catalogue, EnumKind, Event, Type, WireValue};

/// A deterministic pseudo-random source (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`0` when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        (self.next_u64() % bound as u64) as usize
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille as usize
    }
}

/// What a sample is: valid, or invalid in one named way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flaw {
    /// A valid event.
    None,
    /// `name` is not an event of the catalogue.
    UnknownEvent,
    /// A required attribute is missing.
    MissingAttribute,
    /// An attribute, or the envelope's `name` or `data`, has the wrong JSON type.
    WrongType,
    /// `data` holds an attribute the event does not have.
    UnknownAttribute,
    /// An enum attribute holds a value the enum does not have.
    EnumValue,
    /// The envelope lacks `name` or `data`.
    MissingField,
    /// The envelope has a field SCXML does not define.
    UnknownField,
}

impl Flaw {
    /// Every flaw, `None` first.
    pub const ALL: [Flaw; 8] = [
        Flaw::None,
        Flaw::UnknownEvent,
        Flaw::MissingAttribute,
        Flaw::WrongType,
        Flaw::UnknownAttribute,
        Flaw::EnumValue,
        Flaw::MissingField,
        Flaw::UnknownField,
    ];

    /// The violation code a validator reports for it (`valid` for none).
    pub fn code(self) -> &'static str {
        match self {
            Flaw::None => "valid",
            Flaw::UnknownEvent => "unknown-event",
            Flaw::MissingAttribute => "missing-attribute",
            Flaw::WrongType => "wrong-type",
            Flaw::UnknownAttribute => "unknown-attribute",
            Flaw::EnumValue => "enum-value",
            Flaw::MissingField => "missing-field",
            Flaw::UnknownField => "unknown-field",
        }
    }
}

/// One generated event.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The event's name in the catalogue (before any flaw renamed it).
    pub event: String,
    /// How it is flawed.
    pub flaw: Flaw,
    /// The envelope.
    pub json: Json,
}

impl Sample {
    /// The envelope as one compact JSON line (no newline).
    pub fn line(&self) -> String {
        self.json.to_compact()
    }
}

const WORDS: &[&str] = &[
    "agent",
    "queue",
    "Sales",
    "VIP caller",
    "routing point",
    "transfer",
    "\"quoted\"",
    "café",
    "line\\path",
    "überweisung",
    "🙂 ok",
    "tab\there",
];

fn id(rng: &mut Rng, prefix: &str) -> String {
    format!("{prefix}{:016X}", rng.next_u64())
}

/// A realistic value of `ty` for the attribute `name`.
fn value(catalogue: &Catalogue, ty: &Type, name: &str, rng: &mut Rng, depth: usize) -> Json {
    match ty {
        Type::String if name.ends_with("id") => Json::Str(id(rng, "00")),
        Type::String => {
            let words: Vec<&str> = (0..1 + rng.below(4))
                .map(|_| WORDS[rng.below(WORDS.len())])
                .collect();
            Json::Str(words.join(" "))
        }
        Type::Integer => Json::Int(rng.below(100_000) as i64),
        Type::Boolean => Json::Bool(rng.chance(500)),
        Type::AnyObject => Json::object()
            .with("ErrorCode", Json::Int(rng.below(1000) as i64))
            .with("ErrorMessage", Json::str(WORDS[rng.below(WORDS.len())])),
        Type::Array(item) => {
            let count = if depth > 2 { 0 } else { rng.below(4) };
            Json::Array(
                (0..count)
                    .map(|_| value(catalogue, item, name, rng, depth + 1))
                    .collect(),
            )
        }
        Type::Enum(id) => match &catalogue[*id] {
            item if !item.values.is_empty() => {
                match &item.values[rng.below(item.values.len())].wire {
                    WireValue::Int(code) => Json::Int(*code),
                    WireValue::Str(text) => Json::str(text.clone()),
                }
            }
            _ => Json::Int(0),
        },
        Type::Object(id) => {
            let mut object = Json::object();
            let object_type = &catalogue[*id];
            for member in &object_type.members {
                if member.required || rng.chance(800) {
                    object.push(
                        member.name.clone(),
                        value(catalogue, &member.ty, &member.name, rng, depth + 1),
                    );
                }
            }
            if object_type.open && rng.chance(300) {
                // A member the type does not describe, which an open type keeps.
                let described = |name: &str| object_type.members.iter().any(|m| m.name == name);
                let extra = ["vendor", "x-vendor-data"]
                    .into_iter()
                    .find(|name| !described(name))
                    .unwrap_or("x-vendor-data-2");
                object.push(
                    extra,
                    Json::object().with("code", Json::Int(rng.below(99) as i64)),
                );
            }
            if object_type.members.is_empty() {
                object.push("text", Json::str(WORDS[rng.below(WORDS.len())]));
            }
            object
        }
    }
}

/// A valid envelope of `event`: required attributes always, optional ones usually.
pub fn valid(catalogue: &Catalogue, event: &Event, rng: &mut Rng) -> Json {
    let mut data = Json::object();
    for attribute in &event.attributes {
        if attribute.required || rng.chance(700) {
            data.push(
                attribute.name.clone(),
                value(catalogue, &attribute.ty, &attribute.name, rng, 0),
            );
        }
    }
    let mut envelope = Json::object()
        .with("name", Json::str(event.name.clone()))
        .with("data", data);
    if rng.chance(300) {
        if let Some(field) = catalogue.envelope.fields.first() {
            envelope.push(field.name.clone(), envelope_value(catalogue, field, rng));
        }
    }
    envelope
}

/// A value of an envelope field: an enum's first value (`"platform"` for the SCXML `type`, as
/// ORS sends it), any other type's usual value.
fn envelope_value(catalogue: &Catalogue, field: &crate::ir::Attribute, rng: &mut Rng) -> Json {
    match &field.ty {
        Type::Enum(id) => match catalogue[*id].values.first().map(|value| &value.wire) {
            Some(WireValue::Int(code)) => Json::Int(*code),
            Some(WireValue::Str(text)) => Json::str(text.clone()),
            None => Json::Int(0),
        },
        other => value(catalogue, other, &field.name, rng, 0),
    }
}

/// The JSON type name of a value, and a value of another type.
fn wrong_value(value: &Json) -> Json {
    match value {
        Json::Str(_) => Json::Int(42),
        Json::Int(_) => Json::str("42"),
        Json::Bool(_) => Json::str("true"),
        Json::Array(_) => Json::object(),
        Json::Object(_) => Json::Array(vec![Json::Int(1)]),
    }
}

fn members(json: &mut Json) -> Option<&mut Vec<(String, Json)>> {
    match json {
        Json::Object(members) => Some(members),
        _ => None,
    }
}

/// An envelope of `event` with `flaw`, or `None` when the event cannot have that flaw (an event
/// without enum attributes cannot hold a wrong enum value).
pub fn flawed(catalogue: &Catalogue, event: &Event, flaw: Flaw, rng: &mut Rng) -> Option<Json> {
    let mut envelope = valid(catalogue, event, rng);
    let top = members(&mut envelope)?;
    match flaw {
        Flaw::None => {}
        Flaw::UnknownEvent => {
            let name = match rng.below(3) {
                0 => event.name.to_uppercase(),
                1 => format!("{}x", event.name),
                _ => event.name.replacen('.', "..", 1),
            };
            top[0].1 = Json::Str(name);
        }
        Flaw::MissingField => {
            top.remove(rng.below(2));
        }
        Flaw::UnknownField => top.push(("timestamp".into(), Json::Int(1_700_000_000))),
        Flaw::MissingAttribute => {
            let required: Vec<&str> = event
                .attributes
                .iter()
                .filter(|a| a.required)
                .map(|a| a.name.as_str())
                .collect();
            let drop = *required.get(rng.below(required.len()))?;
            let data = members(&mut top[1].1)?;
            data.retain(|(key, _)| key != drop);
        }
        Flaw::WrongType => {
            let attribute = event.attributes.get(rng.below(event.attributes.len()))?;
            let data = members(&mut top[1].1)?;
            let current = value(catalogue, &attribute.ty, &attribute.name, rng, 0);
            let wrong = wrong_value(&current);
            data.retain(|(key, _)| key != &attribute.name);
            data.push((attribute.name.clone(), wrong));
        }
        Flaw::UnknownAttribute => {
            let data = members(&mut top[1].1)?;
            data.push(("partyidd".into(), Json::str("p-1")));
        }
        Flaw::EnumValue => {
            // A value the enum lacks: 40 or the next free code, `migrating` or a longer word.
            let bad = |id: &crate::ir::EnumId| -> Option<Json> {
                let item = &catalogue[*id];
                let has = |wire: &WireValue| item.values.iter().any(|value| value.wire == *wire);
                Some(match item.kind {
                    EnumKind::Integer => Json::Int(
                        (40..)
                            .find(|code| !has(&WireValue::Int(*code)))
                            .unwrap_or(i64::MIN),
                    ),
                    EnumKind::String => Json::str(
                        ["migrating", "migrating-elsewhere"]
                            .into_iter()
                            .find(|text| !has(&WireValue::Str((*text).to_owned())))
                            .unwrap_or("migrating-elsewhere-again"),
                    ),
                })
            };
            let data = members(&mut top[1].1)?;
            if let Some(attribute) = event
                .attributes
                .iter()
                .find(|a| matches!(a.ty, Type::Enum(_)))
            {
                let Type::Enum(enum_name) = &attribute.ty else {
                    return None;
                };
                let bad = bad(enum_name)?;
                data.retain(|(key, _)| key != &attribute.name);
                data.push((attribute.name.clone(), bad));
            } else {
                // An enum member of an object attribute, such as `hints.callstate`.
                let (attribute, object, member) =
                    event.attributes.iter().find_map(|attribute| {
                        let Type::Object(object) = &attribute.ty else {
                            return None;
                        };
                        let member = catalogue[*object]
                            .members
                            .iter()
                            .find(|m| matches!(m.ty, Type::Enum(_)))?;
                        Some((attribute, *object, member))
                    })?;
                let Type::Enum(enum_name) = &member.ty else {
                    return None;
                };
                let bad = bad(enum_name)?;
                // The object's other required members are valid, so the enum value is its only
                // flaw.
                let mut value_object = Json::object();
                for other in &catalogue[object].members {
                    if other.name == member.name {
                        value_object.push(other.name.clone(), bad.clone());
                    } else if other.required {
                        let valid = value(catalogue, &other.ty, &other.name, rng, 1);
                        value_object.push(other.name.clone(), valid);
                    }
                }
                data.retain(|(key, _)| key != &attribute.name);
                data.push((attribute.name.clone(), value_object));
            }
        }
    }
    Some(envelope)
}

/// Every event of the catalogue valid (twice, with different optional attributes) and with
/// every flaw it can have: a corpus that covers every event kind and every check.
pub fn coverage(catalogue: &Catalogue, seed: u64) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    let mut samples = Vec::new();
    for event in &catalogue.events {
        for flaw in Flaw::ALL.iter().copied().chain([Flaw::None]) {
            if let Some(json) = flawed(catalogue, event, flaw, &mut rng) {
                samples.push(Sample {
                    event: event.name.clone(),
                    flaw,
                    json,
                });
            }
        }
    }
    samples
}

/// A stream of `count` events across every kind, `invalid_per_mille` of them flawed, each flaw
/// kind in turn.
pub fn stream(
    catalogue: &Catalogue,
    seed: u64,
    count: usize,
    invalid_per_mille: u32,
) -> impl Iterator<Item = Sample> + '_ {
    let mut rng = Rng::new(seed);
    let mut next_flaw = 0;
    (0..count).filter_map(move |_| {
        let event = catalogue.events.get(rng.below(catalogue.events.len()))?;
        let flaw = if rng.chance(invalid_per_mille) {
            next_flaw = next_flaw % (Flaw::ALL.len() - 1) + 1;
            Flaw::ALL[next_flaw]
        } else {
            Flaw::None
        };
        let (flaw, json) = match flawed(catalogue, event, flaw, &mut rng) {
            Some(json) => (flaw, json),
            None => (Flaw::None, valid(catalogue, event, &mut rng)),
        };
        Some(Sample {
            event: event.name.clone(),
            flaw,
            json,
        })
    })
}

/// A synthetic spec with `events` events (rounded up to whole families of 100), as
/// `(file name, YAML text)` pairs: for measuring how the generator scales with catalogue size.
/// Each family has 25 actions (50 result events) and 50 asynchronous events, with shared and
/// local attributes of every type. Like the real catalogue, it declares a source and cites it for
/// every claim (the provenance rule of `spec/README.md`).
pub fn synthetic_spec(events: usize) -> Vec<(String, String)> {
    let families = events.div_ceil(100).max(1);
    let names: Vec<String> = (0..families).map(|f| format!("fam{f}")).collect();
    let mut files = vec![(
        "catalogue.yaml".to_owned(),
        format!(
            "families: [{}]\nsources:\n  - id: synthetic\n    title: A synthetic catalogue\nenvelope:\n  description: The SCXML envelope.\n  fields:\n    - name: type\n      rust_name: event_type\n      type: event_type\n      description: The event type.\n      optional: Often absent.\n      source: synthetic\n    - name: sendid\n      type: string\n      description: The send id.\n      optional: Often absent.\n      source: synthetic\n",
            names.join(", ")
        ),
    )];
    let mut types = String::from("enums:\n  - name: event_type\n    kind: string\n    description: The envelope type.\n    source: synthetic\n    values:\n      - { value: platform }\n      - { value: internal }\n      - { value: external }\n");
    for e in 0..8 {
        types.push_str(&format!("  - name: code{e}\n    kind: integer\n    description: Codes of kind {e}.\n    source: synthetic\n    values:\n"));
        for v in 0..20 {
            types.push_str(&format!(
                "      - {{ code: {v}, name: Code{e}Value{v}, description: Value {v}. }}\n"
            ));
        }
    }
    types.push_str(
        "objects:\n  - name: hints\n    open: true\n    description: Open hints.\n    members:\n",
    );
    for e in 0..3 {
        types.push_str(&format!("      - {{ name: member{e}, type: code{e}, description: A member., optional: Implementation data., source: synthetic }}\n"));
    }
    files.push(("types.yaml".to_owned(), types));
    files.push((
        "attributes.yaml".to_owned(),
        "attributes:\n  - name: requestid\n    type: string\n    role: request-id\n    description: The request id.\n  - name: interactionid\n    type: string\n    role: interaction-id\n    description: The interaction id.\n  - name: error\n    type: string\n    role: error\n    description: The error kind.\n  - name: description\n    type: string\n    description: The error text.\n  - name: hints\n    type: hints\n    description: Hints.\n".to_owned(),
    ));
    let local = |index: usize| -> String {
        let ty = match index % 5 {
            0 => "string".to_owned(),
            1 => "integer".to_owned(),
            2 => format!("code{}", index % 8),
            3 => "array<string>".to_owned(),
            _ => "boolean".to_owned(),
        };
        let optional = if index.is_multiple_of(3) {
            "\n          optional: Not always sent.\n          source: synthetic"
        } else {
            ""
        };
        format!("        - name: attr{index}\n          type: {ty}\n          description: Attribute {index} of this event, with text long enough to be realistic.{optional}\n")
    };
    for family in &names {
        let mut text = format!("family:\n  name: {family}\n  title: Family {family}\n  description: A synthetic family.\nactions:\n");
        for a in 0..25 {
            text.push_str(&format!("  - name: act{a}\n    description: Action {a}.\n    done:\n      description: Action {a} succeeded.\n      attributes:\n        - use: requestid\n        - use: interactionid\n"));
            for k in 0..3 {
                text.push_str(&local(a + k));
            }
            text.push_str("    error:\n      description: Action failed.\n      attributes:\n        - use: requestid\n        - use: error\n        - use: description\n      errors:\n        - { value: unknown, description: Unknown., source: synthetic }\n");
        }
        text.push_str("events:\n");
        for e in 0..50 {
            text.push_str(&format!("  - name: {family}.evt{e}\n    description: Event {e} happened.\n    attributes:\n        - use: interactionid\n        - use: hints\n          optional: Implementation data.\n          source: synthetic\n"));
            for k in 0..4 {
                text.push_str(&local(e + k));
            }
        }
        files.push((format!("{family}.yaml"), text));
    }
    files
}

/// A spec with exactly `problems` located problems, all in one family file of `problems`
/// events: each event's one attribute has the unknown type `strin` (`unknown-type`, with a
/// suggestion). For measuring how checking and reporting scale with the number of problems.
pub fn spec_with_problems(problems: usize) -> Vec<(String, String)> {
    // No `sources:`: the catalogue cites nothing, so the provenance rule has nothing to check.
    let catalogue = "families: [big]\n";
    let mut family =
        String::from("family:\n  name: big\n  title: Big\n  description: A big family.\nevents:\n");
    for i in 0..problems {
        family.push_str(&format!(
            "  - name: big.evt{i}\n    description: Event {i} happened.\n    attributes:\n      - {{ name: attr, type: strin, description: An attribute. }}\n"
        ));
    }
    vec![
        ("catalogue.yaml".to_owned(), catalogue.to_owned()),
        ("big.yaml".to_owned(), family),
    ]
}

/// [`synthetic_spec`] with two docs of every event reworded: against `synthetic_spec(events)`,
/// exactly two `docs-changed` findings per event (its description, and the description of its
/// first local attribute or of its known error). For measuring how `diff` scales with the
/// number of changes.
pub fn synthetic_spec_reworded(events: usize) -> Vec<(String, String)> {
    let reword = |text: String| {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        // Set where an event with local attributes starts, cleared at its first one.
        let mut first_local = false;
        for line in text.lines() {
            if line.starts_with("    done:")
                || line.starts_with("  - name: ") && line.contains(".evt")
            {
                first_local = true;
            }
            let mut line = line
                .replace(" happened.", " has happened.")
                .replace(" succeeded.", " has succeeded.")
                .replace(
                    "description: Action failed.",
                    "description: The action failed.",
                )
                .replace("description: Unknown.", "description: Not known.");
            if first_local && line.trim_start().starts_with("description: Attribute ") {
                line = line.replace("long enough", "reworded, long enough");
                first_local = false;
            }
            out.push_str(&line);
            out.push('\n');
        }
        out
    };
    synthetic_spec(events)
        .into_iter()
        .map(|(name, text)| (name, reword(text)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_specs_have_the_asked_number_of_problems() {
        let files = spec_with_problems(7)
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect();
        let spec = match crate::loader::load_texts("spec", files) {
            Ok(spec) => spec,
            Err(problems) => panic!("{problems}"),
        };
        match crate::compile_spec(&spec) {
            Ok(_) => panic!("no problems"),
            Err(problems) => {
                assert_eq!(problems.len(), 7, "{problems}");
                assert!(problems
                    .iter()
                    .all(|p| p.code == crate::SpecCode::UnknownType));
            }
        }
    }

    #[test]
    fn synthetic_specs_check_clean_and_have_the_asked_size() {
        let dir = std::env::temp_dir().join(format!("ors-events-synthetic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_default();
        for (name, text) in synthetic_spec(250) {
            std::fs::write(dir.join(name), text).unwrap_or_default();
        }
        let catalogue = crate::compile(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        match catalogue {
            Ok(catalogue) => assert_eq!(catalogue.events.len(), 300),
            Err(problems) => panic!("{problems}"),
        }
    }

    #[test]
    fn corpora_are_deterministic() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
        let catalogue = match crate::compile(&dir) {
            Ok(catalogue) => catalogue,
            Err(problems) => panic!("{problems}"),
        };
        let first: Vec<String> = stream(&catalogue, 3, 500, 100).map(|s| s.line()).collect();
        let second: Vec<String> = stream(&catalogue, 3, 500, 100).map(|s| s.line()).collect();
        assert_eq!(first, second);
        let invalid = stream(&catalogue, 3, 1000, 100)
            .filter(|s| s.flaw != Flaw::None)
            .count();
        assert!((60..=140).contains(&invalid), "{invalid}");
    }
}
