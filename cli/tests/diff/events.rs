//! Events and their known errors, families and actions: added, removed and changed; and no
//! change at all.

use std::fs;

use serde_json::{json, Value};

use crate::Pair;

#[test]
fn the_same_spec_has_no_changes() {
    let pair = Pair::new();
    assert_eq!(pair.findings(), Vec::<Value>::new());
    let report = pair.report();
    assert_eq!(report.summary.changes, 0);
    assert!(report.to_markdown().contains("No changes"));
}

const NEW_CHAT_EVENT: &str = "events:
  - name: chat.typing
    description: A party of the chat interaction is typing.
    attributes:
      - use: interactionid
";

#[test]
fn event_added() {
    let pair = Pair::new();
    pair.edit("new", "chat.yaml", "events: []\n", NEW_CHAT_EVENT);
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "event-added",
            "event": "chat.typing",
            "location": pair.at("new", "chat.yaml", "- name: chat.typing", "chat.typing"),
            "categories": ["wire"],
        })]
    );
}

#[test]
fn event_removed() {
    let pair = Pair::new();
    pair.edit("old", "chat.yaml", "events: []\n", NEW_CHAT_EVENT);
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "event-removed",
            "event": "chat.typing",
            "location": pair.at("old", "chat.yaml", "- name: chat.typing", "chat.typing"),
            "categories": ["wire", "rust-api"],
        })]
    );
}

#[test]
fn event_since_changed() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "interaction.yaml",
        "since: \"8.1.400.39\"",
        "since: \"8.1.400.45\"",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "event-since-changed",
            "event": "interaction.property.changed",
            "old": "8.1.400.39",
            "new": "8.1.400.45",
            "location": pair.at("new", "interaction.yaml", "- name: interaction.property.changed", "interaction."),
            "categories": ["wire"],
        })]
    );
}

const BUSY: &str = "        - value: busy
          description: The destination is busy.
          source: ors-facts
          inferred: true
";
const TIMEOUT: &str = "        - value: timeout
          description: The request timed out.
          source: ors-facts
          inferred: true
";

#[test]
fn known_error_added() {
    let pair = Pair::new();
    pair.edit("new", "voice.yaml", TIMEOUT, &format!("{TIMEOUT}{BUSY}"));
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "known-error-added",
            "event": "error.voice.createcall",
            "value": "busy",
            "location": pair.at("new", "voice.yaml", "- value: busy", "busy"),
            "categories": ["docs-only"],
        })]
    );
}

#[test]
fn known_error_removed() {
    let pair = Pair::new();
    pair.edit("old", "voice.yaml", TIMEOUT, &format!("{TIMEOUT}{BUSY}"));
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "known-error-removed",
            "event": "error.voice.createcall",
            "value": "busy",
            "location": pair.at("old", "voice.yaml", "- value: busy", "busy"),
            "categories": ["docs-only"],
        })]
    );
}

#[test]
fn known_error_states_changed() {
    let pair = Pair::new();
    let terminate = "routed]\n          source: ors-facts\n          inferred: true\n        - value: remote\n          description: The request failed on the remote side, in the server that carries it out.\n          source: ors-facts\n          inferred: true\n\n  - name: redirect";
    pair.edit(
        "new",
        "interaction.yaml",
        terminate,
        &terminate.replace("routed]", "routed, queued]"),
    );
    let terminate_error = "invalidstate\n          description: The interaction is in a state that does not allow the request.\n          states: [\"null\", ringing, hold, transferring, treating, routed, queued]";
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "known-error-states-changed",
            "event": "error.interaction.terminate",
            "value": "invalidstate",
            "old": ["null", "ringing", "hold", "transferring", "treating", "routed"],
            "new": ["null", "ringing", "hold", "transferring", "treating", "routed", "queued"],
            "location": pair.at("new", "interaction.yaml", terminate_error, "invalidstate"),
            "categories": ["docs-only"],
        })]
    );
}

const SMS: &str = "family:
  name: sms
  title: SMS events
  description: Text messages.

events:
  - name: sms.received
    description: A text message arrived.
    attributes:
      - use: interactionid
";

/// Adds the family of [`SMS`] to `side`.
fn add_family(pair: &Pair, side: &str) {
    pair.edit(
        side,
        "catalogue.yaml",
        "families: [interaction, voice, msgbased, chat]",
        "families: [interaction, voice, msgbased, chat, sms]",
    );
    fs::write(pair.side(side).join("sms.yaml"), SMS).unwrap();
}

#[test]
fn family_added() {
    let pair = Pair::new();
    add_family(&pair, "new");
    assert_eq!(
        pair.findings(),
        [
            json!({
                "kind": "event-added",
                "event": "sms.received",
                "location": pair.at("new", "sms.yaml", "- name: sms.received", "sms.received"),
                "categories": ["wire"],
            }),
            json!({
                "kind": "family-added",
                "family": "sms",
                "location": pair.at("new", "sms.yaml", "name: sms\n", "sms"),
                "categories": ["docs-only"],
            }),
        ]
    );
}

#[test]
fn family_removed() {
    let pair = Pair::new();
    add_family(&pair, "old");
    assert_eq!(
        pair.findings(),
        [
            json!({
                "kind": "event-removed",
                "event": "sms.received",
                "location": pair.at("old", "sms.yaml", "- name: sms.received", "sms.received"),
                "categories": ["wire", "rust-api"],
            }),
            json!({
                "kind": "family-removed",
                "family": "sms",
                "location": pair.at("old", "sms.yaml", "name: sms\n", "sms"),
                "categories": ["rust-api"],
            }),
        ]
    );
}

const PARK: &str = "
  - name: park
    description: Park a call.
    done:
      description: The call is parked.
      attributes:
        - use: requestid
    error:
      description: The call could not be parked.
      attributes:
        - use: requestid
        - use: error
        - use: description
";

/// Adds the action of [`PARK`] to the voice family of `side`.
fn add_action(pair: &Pair, side: &str) {
    pair.edit(
        side,
        "voice.yaml",
        "\nevents: []\n",
        &format!("{PARK}\nevents: []\n"),
    );
}

#[test]
fn action_added() {
    let pair = Pair::new();
    add_action(&pair, "new");
    let at = pair.at("new", "voice.yaml", "- name: park", "park");
    assert_eq!(
        pair.findings(),
        [
            json!({ "kind": "event-added", "event": "voice.park.done", "location": at, "categories": ["wire"] }),
            json!({ "kind": "event-added", "event": "error.voice.park", "location": at, "categories": ["wire"] }),
            json!({ "kind": "action-added", "family": "voice", "action": "park", "location": at, "categories": ["docs-only"] }),
        ]
    );
}

#[test]
fn action_removed() {
    let pair = Pair::new();
    add_action(&pair, "old");
    let at = pair.at("old", "voice.yaml", "- name: park", "park");
    let removed = ["wire", "rust-api"];
    assert_eq!(
        pair.findings(),
        [
            json!({ "kind": "event-removed", "event": "voice.park.done", "location": at, "categories": removed }),
            json!({ "kind": "event-removed", "event": "error.voice.park", "location": at, "categories": removed }),
            json!({ "kind": "action-removed", "family": "voice", "action": "park", "location": at, "categories": ["rust-api"] }),
        ]
    );
}
