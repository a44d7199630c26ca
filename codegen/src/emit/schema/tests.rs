//! Unit tests of the schema emitter on the real catalogue: the validators' dispatch selects
//! every event's definition exactly once, and the two catalogue documents describe the same
//! events with the same definitions.

use serde_json::Value;

use super::*;

fn catalogue() -> Catalogue {
    crate::compile(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec"))
        .unwrap_or_else(|problems| panic!("{problems}"))
}

fn value(json: &Json) -> Value {
    serde_json::from_str(&json.to_compact()).unwrap_or_else(|err| panic!("{err}"))
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn names(catalogue: &Catalogue) -> Vec<&str> {
    catalogue
        .events
        .iter()
        .map(|event| event.name.as_str())
        .collect()
}

/// The names the dispatch of `schema` selects a definition for, in order, after checking that
/// each family's condition lists exactly its branches and that each branch refers to the
/// definition of the event it names.
fn dispatched(schema: &Value) -> Vec<String> {
    let mut reached = Vec::new();
    let families = schema["allOf"].as_array().cloned().unwrap_or_default();
    assert!(!families.is_empty(), "no dispatch in {schema}");
    for family in &families {
        assert_eq!(strings(&family["if"]["required"]), ["name"]);
        let members = strings(&family["if"]["properties"]["name"]["enum"]);
        assert!(!members.is_empty(), "a family without events: {family}");
        let branches = family["then"]["allOf"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let mut selected = Vec::new();
        for branch in &branches {
            assert_eq!(strings(&branch["if"]["required"]), ["name"]);
            let name = branch["if"]["properties"]["name"]["const"]
                .as_str()
                .unwrap_or_default();
            let target = branch["then"]["$ref"].as_str().unwrap_or_default();
            let key = target.strip_prefix("#/$defs/").unwrap_or(target);
            assert_eq!(
                schema["$defs"][key]["properties"]["name"]["const"], name,
                "{name} is dispatched to {target}"
            );
            selected.push(name);
        }
        assert_eq!(
            selected, members,
            "the family's condition lists its branches"
        );
        reached.extend(selected.into_iter().map(str::to_owned));
    }
    reached
}

#[test]
fn name_selects_each_event_definition_exactly_once() {
    let catalogue = catalogue();
    let schema = value(&catalogue_schema(&catalogue, None));
    assert_eq!(
        strings(&schema["properties"]["name"]["enum"]),
        names(&catalogue)
    );
    assert_eq!(strings(&schema["required"]), ["name", "data"]);
    assert_eq!(dispatched(&schema), names(&catalogue));
    assert_eq!(
        schema["allOf"].as_array().map(Vec::len),
        Some(catalogue.families.len()),
        "one branch per family"
    );
    assert!(schema.get("oneOf").is_none());
}

#[test]
fn a_release_dispatches_on_its_own_events_only() {
    let catalogue = catalogue();
    let version: OrsVersion = "8.1.200.73".parse().unwrap_or_else(|err| panic!("{err}"));
    let narrowed = catalogue.at_version(&version);
    let schema = value(&catalogue_schema(&narrowed, Some(&version)));
    assert!(narrowed.events.len() < catalogue.events.len());
    assert_eq!(
        strings(&schema["properties"]["name"]["enum"]),
        names(&narrowed)
    );
    assert_eq!(dispatched(&schema), names(&narrowed));
    assert_eq!(
        schema["title"],
        "ORS interaction events, as of ORS 8.1.200.73"
    );
    let types = value(&types_schema(&narrowed, Some(&version)));
    assert!(types["$comment"]
        .as_str()
        .is_some_and(|comment| comment.contains("schema --types --ors-version 8.1.200.73")));
}

#[test]
fn both_documents_share_every_event_and_object_definition() {
    let catalogue = catalogue();
    let validators = value(&catalogue_schema(&catalogue, None));
    let types = value(&types_schema(&catalogue, None));
    let union: Vec<&str> = types["oneOf"]
        .as_array()
        .map(|branches| {
            branches
                .iter()
                .filter_map(|branch| branch["$ref"].as_str())
                .collect()
        })
        .unwrap_or_default();
    let keys: Vec<String> = catalogue
        .events
        .iter()
        .map(|event| format!("#/$defs/{}", event.variant_name))
        .collect();
    assert_eq!(union, keys);
    assert_eq!(validators["title"], types["title"]);
    assert_eq!(validators["description"], types["description"]);
    for key in catalogue
        .events
        .iter()
        .map(|event| &event.variant_name)
        .chain(catalogue.objects.iter().map(|object| &object.rust_name))
    {
        assert!(validators["$defs"][key].is_object(), "{key}");
        assert_eq!(validators["$defs"][key], types["$defs"][key], "{key}");
    }
}

#[test]
fn enums_are_values_for_validators_and_titled_consts_for_type_generators() {
    let catalogue = catalogue();
    let validators = value(&catalogue_schema(&catalogue, None));
    let types = value(&types_schema(&catalogue, None));
    for item in &catalogue.enums {
        let plain = &validators["$defs"][&item.rust_name];
        let titled = &types["$defs"][&item.rust_name];
        let expected_type = match item.kind {
            EnumKind::Integer => "integer",
            EnumKind::String => "string",
        };
        assert_eq!(plain["type"], expected_type, "{}", item.name);
        assert!(plain.get("oneOf").is_none() && titled.get("type").is_none());
        let consts: Vec<&Value> = titled["oneOf"]
            .as_array()
            .map(|values| values.iter().map(|value| &value["const"]).collect())
            .unwrap_or_default();
        let values: Vec<&Value> = plain["enum"]
            .as_array()
            .map(|values| values.iter().collect())
            .unwrap_or_default();
        assert_eq!(values, consts, "{}", item.name);
        assert_eq!(values.len(), item.values.len());
        let titles: Vec<&str> = titled["oneOf"]
            .as_array()
            .map(|values| values.iter().filter_map(|v| v["title"].as_str()).collect())
            .unwrap_or_default();
        let names: Vec<&str> = item.values.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(titles, names);
    }
}

#[test]
fn the_outputs_list_both_catalogue_documents() {
    let catalogue = catalogue();
    let files = emit(&catalogue);
    let paths: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(paths[..2], [CATALOGUE_SCHEMA_PATH, TYPES_SCHEMA_PATH]);
    assert_eq!(paths.len(), 2 + catalogue.events.len());
    assert_eq!(files, emit(&catalogue), "deterministic");
}
