//! Enums, their values, and named object types.

use serde_json::json;

use crate::Pair;

const NEW_ENUM: &str = "  - name: holdreason
    kind: string
    description: Why a party was put on hold.
    inferred: true
    values:
      - value: consult
";

/// Adds the enum of [`NEW_ENUM`] to `side`, after the last enum.
fn add_enum(pair: &Pair, side: &str) {
    pair.edit(
        side,
        "types.yaml",
        "\nobjects:\n",
        &format!("{NEW_ENUM}\nobjects:\n"),
    );
}

#[test]
fn enum_added() {
    let pair = Pair::new();
    add_enum(&pair, "new");
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "enum-added",
            "enum": "holdreason",
            "location": pair.at("new", "types.yaml", "- name: holdreason", "holdreason"),
            "categories": ["docs-only"],
        })]
    );
}

#[test]
fn enum_removed() {
    let pair = Pair::new();
    add_enum(&pair, "old");
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "enum-removed",
            "enum": "holdreason",
            "location": pair.at("old", "types.yaml", "- name: holdreason", "holdreason"),
            "categories": ["rust-api"],
        })]
    );
}

#[test]
fn enum_rust_name_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "rust_name: CallState\n",
        "rust_name: CallStatus\n",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "enum-rust-name-changed",
            "enum": "callstate",
            "old": "CallState",
            "new": "CallStatus",
            "location": pair.at("new", "types.yaml", "- name: callstate\n    rust_name", "callstate"),
            "categories": ["rust-api"],
        })]
    );
}

#[test]
fn enum_kind_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "kind: string\n    description: The `type` field",
        "kind: integer\n    description: The `type` field",
    );
    for (code, value) in ["platform", "internal", "external"].iter().enumerate() {
        pair.edit(
            "new",
            "types.yaml",
            &format!("      - value: {value}\n"),
            &format!("      - code: {code}\n        name: {value}\n"),
        );
    }
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "enum-kind-changed",
            "enum": "event_type",
            "old": "string",
            "new": "integer",
            "location": pair.at("new", "types.yaml", "- name: event_type", "event_type"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn enum_value_added() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "      - { code: 50, name: CallStateHeld }\n",
        "      - { code: 50, name: CallStateHeld }\n      - { code: 51, name: CallStateParked }\n",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "enum-value-added",
            "enum": "callstate",
            "value": 51,
            "name": "CallStateParked",
            "location": pair.at("new", "types.yaml", "{ code: 51,", "51"),
            "categories": ["wire"],
        })]
    );
}

#[test]
fn enum_value_removed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "      - value: revoking\n        description: Pure multimedia interactions only; not voice or chat through SIPS.\n",
        "",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "enum-value-removed",
            "enum": "notcontrolled_resultof",
            "value": "revoking",
            "name": "revoking",
            "location": pair.at("old", "types.yaml", "- value: revoking", "revoking"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn enum_value_renamed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "name: CallControlEvent_Diverted",
        "name: CallControlEvent_Deflected",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "enum-value-renamed",
            "enum": "ccevent",
            "value": 13,
            "old_name": "CallControlEvent_Diverted",
            "new_name": "CallControlEvent_Deflected",
            "old_rust_name": "Diverted",
            "new_rust_name": "Deflected",
            "location": pair.at(
                "new",
                "types.yaml",
                "{ code: 13, name: CallControlEvent_Deflected",
                "13"
            ),
            "categories": ["rust-api"],
        })]
    );
}

#[test]
fn enum_value_renamed_with_the_same_rust_variant() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "name: CCEventCause_distributionDelay",
        "name: CCEventCause_DistributionDelay",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "enum-value-renamed",
            "enum": "cause",
            "value": 4,
            "old_name": "CCEventCause_distributionDelay",
            "new_name": "CCEventCause_DistributionDelay",
            "old_rust_name": "DistributionDelay",
            "new_rust_name": "DistributionDelay",
            "location": pair.at("new", "types.yaml", "{ code: 4, name: CCEventCause_D", "4"),
            "categories": ["docs-only"],
        })]
    );
}

const NEW_OBJECT: &str = "  - name: party
    title: A party
    description: One party of an interaction.
    members:
      - name: partyid
        type: string
        description: Its id.
";

#[test]
fn object_added() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "\nobjects:\n",
        &format!("\nobjects:\n{NEW_OBJECT}"),
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "object-added",
            "object": "party",
            "location": pair.at("new", "types.yaml", "- name: party\n", "party"),
            "categories": ["docs-only"],
        })]
    );
}

#[test]
fn object_removed() {
    let pair = Pair::new();
    pair.edit(
        "old",
        "types.yaml",
        "\nobjects:\n",
        &format!("\nobjects:\n{NEW_OBJECT}"),
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "object-removed",
            "object": "party",
            "location": pair.at("old", "types.yaml", "- name: party\n", "party"),
            "categories": ["rust-api"],
        })]
    );
}

#[test]
fn object_rust_name_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "rust_name: ChatMessage",
        "rust_name: ChatLine",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "object-rust-name-changed",
            "object": "chatmessage",
            "old": "ChatMessage",
            "new": "ChatLine",
            "location": pair.at("new", "types.yaml", "- name: chatmessage", "chatmessage"),
            "categories": ["rust-api"],
        })]
    );
}

#[test]
fn object_openness_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "title: Event hints\n    open: true",
        "title: Event hints\n    open: false",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "object-openness-changed",
            "object": "hints",
            "open": false,
            "location": pair.at("new", "types.yaml", "- name: hints", "hints"),
            "categories": ["wire", "rust-api"],
        })]
    );
}
