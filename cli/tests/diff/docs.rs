//! Changes that reach only the docs: descriptions, titles, notes, presence reasons, sources.

use serde_json::{json, Value};

use crate::{event, Pair};

#[test]
fn docs_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "interaction.yaml",
        "The interaction has been diverted.",
        "The interaction has been deflected.",
    )
    .edit(
        "new",
        "types.yaml",
        "title: Call Control Event Call State",
        "title: Call state",
    )
    .edit(
        "new",
        "types.yaml",
        "source: w3c-scxml\n    values:",
        "source: reference-page\n    values:",
    )
    .edit(
        "new",
        "msgbased.yaml",
        "            and a message need not be based on one.",
        "            and a message need not be based on one at all.",
    )
    .edit(
        "new",
        "interaction.yaml",
        "The updated user data is available in the data model, in the interaction's object.",
        "The updated user data is in the interaction's object.",
    );
    let docs = |item: Value, field: &str, old: &str, new: &str, location: Value| {
        json!({
            "kind": "docs-changed",
            "item": item,
            "field": field,
            "old": old,
            "new": new,
            "location": location,
            "categories": ["docs-only"],
        })
    };
    assert_eq!(
        pair.findings(),
        [
            docs(
                json!({ "type": "enum", "name": "callstate" }),
                "title",
                "Call Control Event Call State",
                "Call state",
                pair.at("new", "types.yaml", "- name: callstate\n    rust_name", "callstate"),
            ),
            docs(
                json!({ "type": "enum", "name": "event_type" }),
                "source",
                "w3c-scxml",
                "reference-page",
                pair.at("new", "types.yaml", "- name: event_type", "event_type"),
            ),
            docs(
                json!({ "type": "event", "name": "interaction.udata.changed" }),
                "notes",
                "usage: The updated user data is available in the data model, in the interaction's object.",
                "usage: The updated user data is in the interaction's object.",
                pair.at("new", "interaction.yaml", "- name: interaction.udata.changed", "interaction."),
            ),
            docs(
                json!({ "type": "event", "name": "interaction.ondivert" }),
                "description",
                "The interaction has been diverted.",
                "The interaction has been deflected.",
                pair.at("new", "interaction.yaml", "- name: interaction.ondivert", "interaction."),
            ),
            docs(
                json!({ "type": "attribute", "owner": event("msgbased.createmessage.done"), "name": "srid" }),
                "presence-reason",
                "Only sent when a suggested response was used. This is an inference: the page lists srid without qualification, but describes it as the suggested response that was used, and a message need not be based on one. [source: reference-page] [inferred]",
                "Only sent when a suggested response was used. This is an inference: the page lists srid without qualification, but describes it as the suggested response that was used, and a message need not be based on one at all. [source: reference-page] [inferred]",
                pair.at("new", "msgbased.yaml", "- name: srid", "srid"),
            ),
        ]
    );
}
