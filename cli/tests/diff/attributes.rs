//! Attributes of events, members of object types and fields of the envelope.

use serde_json::json;

use crate::{event, Pair, HELDPARTYSTATE};

#[test]
fn attribute_added_as_required() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "voice.yaml",
        "going on hold for the call.\n      attributes:\n",
        "going on hold for the call.\n      attributes:\n        - name: holdtime\n          type: integer\n          description: Seconds on hold.\n",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-added",
            "owner": event("voice.hold.done"),
            "attribute": "holdtime",
            "required": true,
            "location": pair.at("new", "voice.yaml", "- name: holdtime", "holdtime"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn attribute_added_as_optional_member_of_an_open_object() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "    members:\n      - name: ccevent\n",
        "    members:\n      - name: vendor\n        type: string\n        description: The vendor.\n        optional: Few modules send it.\n        inferred: true\n      - name: ccevent\n",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-added",
            "owner": { "type": "object", "name": "hints", "open": true },
            "attribute": "vendor",
            "required": false,
            "location": pair.at("new", "types.yaml", "- name: vendor", "vendor"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn attribute_added_to_the_envelope() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "catalogue.yaml",
        "  fields:\n",
        "  fields:\n    - name: sessionid\n      type: string\n      description: The session.\n      optional: Rarely sent.\n      inferred: true\n",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-added",
            "owner": { "type": "envelope" },
            "attribute": "sessionid",
            "required": false,
            "location": pair.at("new", "catalogue.yaml", "- name: sessionid", "sessionid"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn attribute_removed() {
    let pair = Pair::new();
    pair.edit("new", "interaction.yaml", HELDPARTYSTATE, "");
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-removed",
            "owner": event("interaction.onmerge"),
            "attribute": "heldpartystate",
            "required": true,
            "location": pair.at("old", "interaction.yaml", "- name: heldpartystate", "heldpartystate"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn attribute_removed_from_an_open_object_while_optional() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "      - name: callstate
        type: callstate
        description: The current call state of the interaction behind the event.
        optional: >-
          The page calls it optional (\"This optional property is an integer\"), and releases
          before 8.1.3 do not send it.
        source: reference-page
        since: \"8.1.3\"
",
        "",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-removed",
            "owner": { "type": "object", "name": "hints", "open": true },
            "attribute": "callstate",
            "required": false,
            "location": pair.at("old", "types.yaml", "- name: callstate\n        type: callstate", "callstate"),
            "categories": ["rust-api"],
        })]
    );
}

#[test]
fn attribute_type_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "chat.yaml",
        "type: array<chatmessage>",
        "type: array<object>",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-type-changed",
            "owner": event("chat.gettranscript.done"),
            "attribute": "transcript",
            "old": "array<chatmessage>",
            "new": "array<object>",
            "location": pair.at("new", "chat.yaml", "- name: transcript", "transcript"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn attribute_made_optional() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "interaction.yaml",
        "        description: The device id of the party that diverted the interaction.\n",
        "        description: The device id of the party that diverted the interaction.\n        optional: Not every switch reports it.\n        inferred: true\n",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-made-optional",
            "owner": event("interaction.ondivert"),
            "attribute": "divertingresource",
            "location": pair.at("new", "interaction.yaml", "- name: divertingresource", "diverting"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn attribute_made_required() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "msgbased.yaml",
        "          optional: >-
            Only sent when a suggested response was used. This is an inference: the page lists
            srid without qualification, but describes it as the suggested response that was used,
            and a message need not be based on one.
          source: reference-page
          inferred: true
",
        "",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-made-required",
            "owner": event("msgbased.createmessage.done"),
            "attribute": "srid",
            "location": pair.at("new", "msgbased.yaml", "- name: srid", "srid"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn attribute_since_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "interaction.yaml",
        "since: \"8.1.400.09\"",
        "since: \"8.1.3\"",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-since-changed",
            "owner": event("interaction.deleted"),
            "attribute": "resultof",
            "old": "8.1.400.09",
            "new": "8.1.3",
            "location": pair.at("new", "interaction.yaml", "- name: resultof\n        type: deleted_resultof", "resultof"),
            "categories": ["wire"],
        })]
    );
}

#[test]
fn attribute_rust_name_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "interaction.yaml",
        "      - name: divertingresource\n",
        "      - name: divertingresource\n        rust_name: diverting_resource\n",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-rust-name-changed",
            "owner": event("interaction.ondivert"),
            "attribute": "divertingresource",
            "old": "divertingresource",
            "new": "diverting_resource",
            "location": pair.at("new", "interaction.yaml", "- name: divertingresource", "diverting"),
            "categories": ["rust-api"],
        })]
    );
}

#[test]
fn attribute_role_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "interaction.yaml",
        "      - name: heldpartyid\n",
        "      - name: heldpartyid\n        role: request-id\n",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-role-changed",
            "owner": event("interaction.onmerge"),
            "attribute": "heldpartyid",
            "old": null,
            "new": "request-id",
            "location": pair.at("new", "interaction.yaml", "- name: heldpartyid", "heldpartyid"),
            "categories": ["rust-api"],
        })]
    );
}

#[test]
fn a_shared_attribute_change_is_reported_for_every_event_that_uses_it() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "attributes.yaml",
        "  - name: partystate\n    type: string",
        "  - name: partystate\n    type: integer",
    );
    let findings = pair.findings();
    let events: Vec<&str> = findings
        .iter()
        .map(|finding| {
            assert_eq!(finding["kind"], "attribute-type-changed");
            assert_eq!(finding["attribute"], "partystate");
            finding["owner"]["name"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        events,
        [
            "interaction.partyadded",
            "interaction.partydeleted",
            "interaction.partystatechanged"
        ]
    );
}
