//! The generated schema is faithful to the source page: every event, every attribute, every
//! enum value with its exact code, every version note, and nothing the page does not have.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use serde_json::Value;
use support::workspace;

const FAMILIES: [&str; 4] = ["interaction", "voice", "msgbased", "chat"];

/// What the page says, read from its text.
struct Page {
    /// Event name → attribute names, in page order.
    events: BTreeMap<String, Vec<String>>,
    /// Event name → its `(since X)` note.
    since: BTreeMap<String, String>,
    /// `(code, name)` of every enum value line (`- 3 - CallControlEvent_Established`), first list
    /// of each name only.
    enum_values: Vec<(i64, String)>,
}

fn event_line(line: &str) -> Option<(String, Option<String>)> {
    let head = line.strip_suffix(" |")?;
    let (name, since) = match head.split_once(" (") {
        Some((name, note)) => {
            let version = note.strip_suffix(')')?.split_once(' ')?.1;
            (name, Some(version.to_owned()))
        }
        None => (head, None),
    };
    let bare = name.strip_prefix("error.").unwrap_or(name);
    let family_ok = FAMILIES
        .iter()
        .any(|family| bare.starts_with(&format!("{family}.")));
    let chars_ok = name.chars().all(|c| c.is_ascii_lowercase() || c == '.');
    (family_ok && chars_ok).then(|| (name.to_owned(), since))
}

fn read_page() -> Option<Page> {
    let path = workspace().join("../shared/seed/000_16f4987931713eeb.txt");
    let Ok(text) = fs::read_to_string(&path) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have the source page at {}",
            path.display()
        );
        eprintln!("skipped: the source page is not at {}", path.display());
        return None;
    };
    let mut page = Page {
        events: BTreeMap::new(),
        since: BTreeMap::new(),
        enum_values: Vec::new(),
    };
    let mut current: Option<String> = None;
    let mut seen_names = BTreeSet::new();
    for line in text.lines() {
        if let Some((name, since)) = event_line(line) {
            assert!(
                page.events.insert(name.clone(), Vec::new()).is_none(),
                "{name} twice on the page"
            );
            if let Some(since) = since {
                page.since.insert(name.clone(), since);
            }
            current = Some(name);
        } else if let Some(attribute) = line.strip_suffix(" |") {
            if attribute.chars().all(|c| c.is_ascii_lowercase()) && !attribute.is_empty() {
                if let Some(event) = &current {
                    page.events
                        .get_mut(event)
                        .unwrap()
                        .push(attribute.to_owned());
                }
            }
        } else if !line.ends_with('|')
            && !line.starts_with("This ")
            && !line.is_empty()
            && line.chars().next().is_some_and(char::is_uppercase)
        {
            // A section heading ends the attribute table.
            current = None;
        }
        if let Some(rest) = line.strip_prefix("- ") {
            if let Some((code, name)) = rest.split_once(" - ") {
                if let Ok(code) = code.parse::<i64>() {
                    let name = name.trim().to_owned();
                    if seen_names.insert(name.clone()) {
                        page.enum_values.push((code, name));
                    }
                }
            }
        }
    }
    Some(page)
}

/// The type generators' catalogue schema: its `oneOf` lists the events, and its enums keep each
/// value's name as a `title`. The validators' document has the same event and object
/// definitions and the same enum values (unit tests of the schema emitter).
fn schema() -> Value {
    let text = fs::read(workspace().join("generated/schema/ors-events.types.schema.json")).unwrap();
    serde_json::from_slice(&text).unwrap()
}

/// Event name → its `$defs` entry, from the catalogue schema.
fn schema_events(schema: &Value) -> BTreeMap<String, &Value> {
    schema["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|reference| {
            let key = reference["$ref"]
                .as_str()
                .unwrap()
                .trim_start_matches("#/$defs/");
            let def = &schema["$defs"][key];
            (
                def["properties"]["name"]["const"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                def,
            )
        })
        .collect()
}

#[test]
fn every_event_and_attribute_of_the_page_and_nothing_else() {
    let Some(page) = read_page() else { return };
    let schema = schema();
    let events = schema_events(&schema);
    assert_eq!(page.events.len(), 60, "the page has 60 events");
    assert_eq!(
        events.keys().collect::<Vec<_>>(),
        page.events.keys().collect::<Vec<_>>(),
        "the schema's events are the page's events"
    );
    let mut total = 0;
    for (name, page_attributes) in &page.events {
        let mut expected: BTreeSet<&str> = page_attributes.iter().map(String::as_str).collect();
        if name == "interaction.deleted" {
            // The page gives `resultof` of interaction.deleted only in its prose.
            expected.insert("resultof");
        }
        let actual: BTreeSet<&str> = events[name]["properties"]["data"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(actual, expected, "attributes of {name}");
        total += actual.len();
    }
    assert_eq!(total, 173);
}

#[test]
fn every_enum_value_with_its_exact_code_and_name() {
    let Some(page) = read_page() else { return };
    let schema = schema();
    let mut in_schema = Vec::new();
    for key in ["CallControlEvent", "CallControlCause", "CallState"] {
        for value in schema["$defs"][key]["oneOf"].as_array().unwrap() {
            in_schema.push((
                value["const"].as_i64().unwrap(),
                value["title"].as_str().unwrap().to_owned(),
            ));
        }
    }
    assert_eq!(in_schema, page.enum_values);
    assert_eq!(in_schema.len(), 60);
    let count = |prefix: &str| {
        in_schema
            .iter()
            .filter(|(_, name)| name.starts_with(prefix))
            .count()
    };
    assert_eq!(
        (
            count("CallControlEvent_"),
            count("CCEventCause_"),
            count("CallState")
        ),
        (14, 11, 35)
    );
}

#[test]
fn every_version_note_is_kept() {
    let Some(page) = read_page() else { return };
    let schema = schema();
    let events = schema_events(&schema);
    assert_eq!(page.since.len(), 2);
    for (name, since) in &page.since {
        let description = events[name]["description"].as_str().unwrap();
        assert!(
            description.ends_with(&format!("Since ORS {since}.")),
            "{name}: {description}"
        );
    }
    let attribute = |event: &str, name: &str| {
        events[event]["properties"]["data"]["properties"][name]["description"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    for (event, name, since) in [
        ("interaction.deleted", "resultof", "8.1.400.09"),
        ("interaction.notcontrolled", "resultof", "8.1.400.17"),
        ("interaction.ondivert", "hints", "8.1.400.53"),
        ("voice.createcall.done", "callstate", "8.1.3"),
        ("error.voice.createcall", "callstate", "8.1.3"),
    ] {
        assert!(
            attribute(event, name).ends_with(&format!("Since ORS {since}.")),
            "{event} {name}"
        );
    }
    let hints_callstate = schema["$defs"]["Hints"]["properties"]["callstate"]["description"]
        .as_str()
        .unwrap();
    assert!(hints_callstate.ends_with("Since ORS 8.1.3."));
}

#[test]
fn result_values_and_known_errors_are_kept() {
    let schema = schema();
    let values = |key: &str| -> Vec<String> {
        schema["$defs"][key]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["const"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(values("DeletedResultOf"), ["detaching", "deletion"]);
    assert_eq!(
        values("NotControlledResultOf"),
        ["detaching", "deletion", "routing", "revoking"]
    );
    let events = schema_events(&schema);
    let known = |event: &str| -> Vec<String> {
        events[event]["properties"]["data"]["properties"]["error"]["examples"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|v| v.as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        known("error.voice.createcall"),
        [
            "timeout",
            "invalidsource",
            "invaliddestination",
            "invalidserver",
            "unknown"
        ]
    );
    assert_eq!(known("error.voice.privateservice"), ["tserver"]);
    assert_eq!(
        known("error.msgbased.sendmessage"),
        ["Timeout", "Request Invalid"]
    );
    assert_eq!(known("error.chat.gettranscript"), ["Request Invalid"]);
    assert!(known("error.interaction.terminate").contains(&"invalidstate.ringing".to_owned()));
    assert!(known("error.interaction.redirect").contains(&"invalidsource".to_owned()));
    assert!(
        known("error.voice.hold").is_empty(),
        "nothing is published for error.voice.hold"
    );
    // Known values document; they never restrict the string.
    assert!(
        events["error.voice.createcall"]["properties"]["data"]["properties"]["error"]["enum"]
            .is_null()
    );
}
