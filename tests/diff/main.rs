//! `ors-events diff`: one before/after pair of specs per change kind (the real spec and a copy
//! with one small edit), with the exact findings, their categories and locations; then the
//! command line: git revisions, formats and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ors_events_codegen::diff::{self, Report, Side};
use ors_events_codegen::loader;
use serde_json::{json, Value};
use support::{copy_spec, edit, ors_events, position_of, text, workspace, TempDir};

/// Two copies of the real spec, `old/spec` and `new/spec`, for a test to edit.
struct Pair {
    _dir: TempDir,
    old: PathBuf,
    new: PathBuf,
}

impl Pair {
    fn new() -> Self {
        let dir = TempDir::new("diff");
        let old = copy_spec(&dir.path().join("old"));
        let new = copy_spec(&dir.path().join("new"));
        Pair {
            _dir: dir,
            old,
            new,
        }
    }

    fn side(&self, side: &str) -> &Path {
        match side {
            "old" => &self.old,
            _ => &self.new,
        }
    }

    /// Replaces the one `from` in `file` of the `side` spec with `to`.
    fn edit(&self, side: &str, file: &str, from: &str, to: &str) -> &Self {
        edit(&self.side(side).join(file), from, to);
        self
    }

    /// The report from old to new.
    fn report(&self) -> Report {
        let (old, new) = (compile(&self.old), compile(&self.new));
        let changes = diff::diff(Side { catalogue: &old }, Side { catalogue: &new });
        Report::new("old", "new", changes)
    }

    /// The findings from old to new as the JSON report has them, without `message` and `why`
    /// (which follow from the kind and are checked once below).
    fn findings(&self) -> Vec<Value> {
        let report = serde_json::to_value(self.report()).unwrap();
        report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|finding| {
                let mut finding = finding.clone();
                let members = finding.as_object_mut().unwrap();
                assert!(members.remove("message").unwrap().is_string());
                assert!(members.remove("why").unwrap().is_string());
                finding
            })
            .collect()
    }

    /// The location of `value`, found inside the one occurrence of `context` in `file` of the
    /// `side` spec.
    fn at(&self, side: &str, file: &str, context: &str, value: &str) -> Value {
        let (line, column) = position_of(&self.side(side).join(file), context);
        let before = &context[..context.find(value).expect("value in its context")];
        let (line, column) = match before.rsplit_once('\n') {
            Some((above, last)) => (
                line + above.matches('\n').count() + 1,
                last.chars().count() + 1,
            ),
            None => (line, column + before.chars().count()),
        };
        json!({ "side": side, "file": format!("spec/{file}"), "line": line, "column": column })
    }
}

fn compile(dir: &Path) -> ors_events_codegen::Catalogue {
    ors_events_codegen::compile(dir).unwrap_or_else(|problems| panic!("{problems}"))
}

fn event(name: &str) -> Value {
    json!({ "type": "event", "name": name })
}

// ---------------------------------------------------------------------------------------------
// One case per change kind.

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

#[test]
fn attribute_added_as_required() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "voice.yaml",
        "put on hold for the call.\n      attributes:\n",
        "put on hold for the call.\n      attributes:\n        - name: holdtime\n          type: integer\n          description: Seconds on hold.\n",
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
        "    members:\n      - name: vendor\n        type: string\n        description: The vendor.\n        optional: Few modules send it.\n      - name: ccevent\n",
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
        "  fields:\n    - name: sessionid\n      type: string\n      description: The session.\n      optional: Rarely sent.\n",
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

const HELDPARTYSTATE: &str = "      - name: heldpartystate
        type: string
        description: The state of the held party of the primary/consultation call pair.
";

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
        "      - name: cause
        type: cause
        description: Why the call control event happened.
        optional: The page describes hints as implementation-specific and promises no member.
",
        "",
    );
    assert_eq!(
        pair.findings(),
        [json!({
            "kind": "attribute-removed",
            "owner": { "type": "object", "name": "hints", "open": true },
            "attribute": "cause",
            "required": false,
            "location": pair.at("old", "types.yaml", "- name: cause\n        type: cause", "cause"),
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
        "        description: The device id of the party that diverted the interaction.\n        optional: Not every switch reports it.\n",
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

const NEW_ENUM: &str = "  - name: holdreason
    kind: string
    description: Why a party was put on hold.
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
        "      - value: revoking\n        description: >-\n          The interaction was revoked, for example implicitly when the Interaction Server\n          disconnected. Pure multimedia interactions only.\n",
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

const BUSY: &str = "        - value: busy
          description: The destination is busy.
          source: ors-guide-8.1.4
";
const TIMEOUT: &str = "        - value: timeout
          description: The request timed out.
          source: ors-guide-8.1.4
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
    let terminate = "bare `invalidstate`.\n          states: [\"null\", ringing, hold, transferring, treating, routed]\n          source: ors-guide-8.1.4\n        - value: remote\n          description: The request failed on the remote side, in the server that carries it out.\n          source: ors-guide-8.1.4\n\n  - name: redirect";
    pair.edit(
        "new",
        "interaction.yaml",
        terminate,
        &terminate.replace("routed]", "routed, queued]"),
    );
    let terminate_error = "invalidstate\n          description: >-\n            The interaction is in a state that does not allow the request. ORS sends\n            `invalidstate.<state>`, naming the interaction's state; applications also test the\n            bare `invalidstate`.\n          states: [\"null\", ringing, hold, transferring, treating, routed, queued]";
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
                "Only sent when a suggested response was used. This is an inference: the page lists srid without qualification, but describes it as the suggested response that was used, and a message need not be based on one.",
                "Only sent when a suggested response was used. This is an inference: the page lists srid without qualification, but describes it as the suggested response that was used, and a message need not be based on one at all.",
                pair.at("new", "msgbased.yaml", "- name: srid", "srid"),
            ),
        ]
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

// ---------------------------------------------------------------------------------------------
// The rule table and the reports.

#[test]
fn messages_and_reasons_follow_the_kind() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "      - { code: 50, name: CallStateHeld }\n",
        "      - { code: 50, name: CallStateHeld }\n      - { code: 51, name: CallStateParked }\n",
    );
    let report = pair.report();
    let finding = &report.changes[0];
    assert_eq!(
        finding.message,
        "value 51 (`CallStateParked`) added to enum `callstate`"
    );
    assert_eq!(finding.why, finding.change.rule().why);
    assert!(finding.why.contains("non_exhaustive"), "{}", finding.why);
}

#[test]
fn the_readme_shows_the_rule_table() {
    let readme = fs::read_to_string(workspace().join("README.md")).unwrap();
    let table = diff::rule_table();
    assert!(
        readme.contains(&table),
        "README.md must show the rule table of `ors-events diff` exactly as \
         `ors_events_codegen::diff::rule_table()` renders it:\n\n{table}"
    );
}

/// A pair with one change of each strictness: a wire break, a Rust API break, a docs change.
fn mixed_pair() -> Pair {
    let pair = Pair::new();
    pair.edit(
        "new",
        "types.yaml",
        "      - { code: 50, name: CallStateHeld }\n",
        "      - { code: 50, name: CallStateHeld }\n      - { code: 51, name: CallStateParked }\n",
    )
    .edit(
        "new",
        "interaction.yaml",
        "      - name: divertingresource\n",
        "      - name: divertingresource\n        rust_name: diverting_resource\n",
    )
    .edit(
        "new",
        "interaction.yaml",
        "The interaction has been diverted.",
        "The interaction has been deflected.",
    );
    pair
}

#[test]
fn markdown_is_a_review_comment_with_breaking_changes_first() {
    let pair = mixed_pair();
    let markdown = pair.report().to_markdown();
    let value_line = pair.at("new", "types.yaml", "{ code: 51,", "51")["line"].clone();
    let expected_start = "### Event catalogue changes: `old` → `new`\n\n**3 changes**: 2 breaking (1 on the wire, 1 for the Rust API), 1 docs-only.\n\n#### Breaking changes\n\n**`enum-value-added`**: wire\n> ";
    assert!(markdown.starts_with(expected_start), "{markdown}");
    assert!(
        markdown.contains(&format!(
            "- Value 51 (`CallStateParked`) added to enum `callstate` — `spec/types.yaml:{value_line}`\n"
        )),
        "{markdown}"
    );
    let wire = markdown.find("enum-value-added").unwrap();
    let rust = markdown.find("attribute-rust-name-changed").unwrap();
    let docs_heading = markdown.find("#### Docs-only changes").unwrap();
    let docs = markdown
        .find("- Description of event `interaction.ondivert` changed")
        .unwrap();
    assert!(
        wire < rust && rust < docs_heading && docs_heading < docs,
        "{markdown}"
    );
}

#[test]
fn removals_are_located_in_the_old_spec() {
    let pair = Pair::new();
    pair.edit("new", "interaction.yaml", HELDPARTYSTATE, "");
    let line = pair.at("old", "interaction.yaml", "- name: heldpartystate", "held")["line"].clone();
    let report = pair.report();
    assert!(report
        .to_markdown()
        .contains(&format!("`spec/interaction.yaml:{line}` (old)")));
    assert!(report.to_text().contains(&format!(
        "spec/interaction.yaml:{line} (old)  attribute-removed: "
    )));
}

#[test]
fn specs_from_texts_load_as_from_a_directory() {
    let dir = workspace().join("spec");
    let mut files = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.push((name, fs::read(&path).unwrap()));
    }
    files.reverse();
    let from_texts = loader::load_texts("spec", files).unwrap();
    let from_dir = loader::load(&dir).unwrap();
    let paths = |spec: &ors_events_codegen::spec::Spec| -> Vec<(String, String)> {
        spec.files
            .iter()
            .map(|file| (file.display_path.clone(), file.text.clone()))
            .collect()
    };
    assert_eq!(paths(&from_texts), paths(&from_dir));
    let (texts, dirs) = (
        ors_events_codegen::compile_spec(&from_texts).unwrap(),
        ors_events_codegen::compile_spec(&from_dir).unwrap(),
    );
    let changes = diff::diff(Side { catalogue: &texts }, Side { catalogue: &dirs });
    assert_eq!(changes, []);

    let codes = |files: Vec<(String, Vec<u8>)>| -> Vec<(&'static str, String)> {
        let problems = loader::load_texts("spec", files).unwrap_err();
        problems
            .iter()
            .map(|problem| (problem.code, problem.location.to_string()))
            .collect()
    };
    let too_large = usize::try_from(loader::MAX_FILE_BYTES).unwrap() + 1;
    assert_eq!(
        codes(vec![
            ("a.yaml".into(), b"family:\n  name: \xff".to_vec()),
            ("b.yaml".into(), vec![b'#'; too_large]),
            ("c.yaml".into(), b"# nothing\n".to_vec()),
        ]),
        [
            ("not-utf8", "spec/a.yaml:2:9".to_owned()),
            ("file-too-large", "spec/b.yaml:1:1".to_owned()),
            ("empty-file", "spec/c.yaml:1:1".to_owned()),
        ]
    );
    assert_eq!(
        codes(vec![("README.md".into(), b"# spec".to_vec())]),
        [("no-spec-files", "spec:1:1".to_owned())]
    );
}

// ---------------------------------------------------------------------------------------------
// The command line.

fn diff_dirs(pair: &Pair, extra: &[&str]) -> Output {
    let old = pair.old.to_str().unwrap();
    let new = pair.new.to_str().unwrap();
    let mut args = vec!["diff", old, new];
    args.extend_from_slice(extra);
    ors_events(&args)
}

/// Whether the workspace is a git checkout with a HEAD (not, say, an unpacked source archive).
fn in_git_checkout() -> bool {
    Command::new("git")
        .args(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        .current_dir(workspace())
        .output()
        .is_ok_and(|out| out.status.success())
}

#[test]
fn head_against_head_has_no_changes() {
    if !in_git_checkout() {
        eprintln!("skipped: the workspace is not a git checkout");
        return;
    }
    let out = ors_events(&["diff", "HEAD", "HEAD", "--fail-on", "any"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let markdown = text(&out.stdout);
    assert!(
        markdown.starts_with("### Event catalogue changes: `HEAD"),
        "{markdown}"
    );
    assert!(markdown.contains("No changes"), "{markdown}");
    let out = ors_events(&["diff", "HEAD", "HEAD", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["changes"], json!([]));
    assert_eq!(
        report["summary"],
        json!({ "changes": 0, "breaking": 0, "wire": 0, "rust-api": 0, "docs-only": 0 })
    );
}

#[test]
fn a_revision_and_a_directory_can_be_compared() {
    if !in_git_checkout() {
        eprintln!("skipped: the workspace is not a git checkout");
        return;
    }
    // spec/ at HEAD against a copy of spec/ at HEAD: no changes, whatever the work tree holds.
    let dir = TempDir::new("diff-rev");
    let spec = dir.path().join("spec");
    fs::create_dir_all(&spec).unwrap();
    let listing = Command::new("git")
        .args(["ls-tree", "--name-only", "HEAD", "--", "spec/"])
        .current_dir(workspace())
        .output()
        .unwrap();
    for path in text(&listing.stdout).lines() {
        let blob = Command::new("git")
            .args(["show", &format!("HEAD:./{path}")])
            .current_dir(workspace())
            .output()
            .unwrap();
        let name = Path::new(path).file_name().unwrap();
        fs::write(spec.join(name), blob.stdout).unwrap();
    }
    let out = ors_events(&["diff", "HEAD", spec.to_str().unwrap(), "--format", "text"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).ends_with(": 0 changes (0 wire, 0 rust-api, 0 docs-only)\n"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn json_is_the_change_model() {
    let pair = mixed_pair();
    let out = diff_dirs(&pair, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["old"], pair.old.to_str().unwrap());
    assert_eq!(
        report["summary"],
        json!({ "changes": 3, "breaking": 2, "wire": 1, "rust-api": 1, "docs-only": 1 })
    );
    let kinds: Vec<&str> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "enum-value-added",
            "attribute-rust-name-changed",
            "docs-changed"
        ]
    );
    let first = &report["changes"][0];
    assert_eq!(first["location"]["file"], "spec/types.yaml");
    assert_eq!(first["categories"], json!(["wire"]));
    assert!(first["message"]
        .as_str()
        .unwrap()
        .contains("CallStateParked"));
    assert!(first["why"].as_str().unwrap().contains("oneOf"));
}

#[test]
fn text_is_one_line_per_change() {
    let pair = mixed_pair();
    let out = diff_dirs(&pair, &["--format", "text"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(lines[0].starts_with("wire  spec/types.yaml:"), "{stdout}");
    assert!(
        lines[0].ends_with(
            "  enum-value-added: value 51 (`CallStateParked`) added to enum `callstate`"
        ),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("rust-api  spec/interaction.yaml:"),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with("docs-only  spec/interaction.yaml:"),
        "{stdout}"
    );
    assert!(
        lines[3].ends_with(": 3 changes (1 wire, 1 rust-api, 1 docs-only)"),
        "{stdout}"
    );
}

#[test]
fn fail_on_sets_the_exit_status() {
    let cases: [(&str, &str, &str, [i32; 4]); 3] = [
        // A wire break, then a Rust API break only, then a docs change only; the statuses are
        // for no --fail-on, --fail-on wire, rust-api and any.
        (
            "types.yaml",
            "      - { code: 50, name: CallStateHeld }\n",
            "      - { code: 50, name: CallStateHeld }\n      - { code: 51, name: CallStateParked }\n",
            [0, 1, 1, 1],
        ),
        (
            "interaction.yaml",
            "      - name: divertingresource\n",
            "      - name: divertingresource\n        rust_name: diverting_resource\n",
            [0, 0, 1, 1],
        ),
        (
            "interaction.yaml",
            "The interaction has been diverted.",
            "The interaction has been deflected.",
            [0, 0, 0, 1],
        ),
    ];
    for (file, from, to, statuses) in cases {
        let pair = Pair::new();
        pair.edit("new", file, from, to);
        let runs = [
            diff_dirs(&pair, &[]),
            diff_dirs(&pair, &["--fail-on", "wire"]),
            diff_dirs(&pair, &["--fail-on", "rust-api"]),
            diff_dirs(&pair, &["--fail-on", "any"]),
        ];
        let got: Vec<i32> = runs.iter().map(|out| out.status.code().unwrap()).collect();
        assert_eq!(got, statuses, "{to}");
        for out in &runs {
            // The report is printed whatever the verdict.
            assert!(text(&out.stdout).starts_with("### Event catalogue changes"));
            if out.status.code() == Some(1) {
                assert!(
                    text(&out.stderr).contains("(--fail-on "),
                    "{}",
                    text(&out.stderr)
                );
            }
        }
    }
    // Without changes, even --fail-on any passes.
    let pair = Pair::new();
    assert_eq!(
        diff_dirs(&pair, &["--fail-on", "any"]).status.code(),
        Some(0)
    );
}

#[test]
fn a_side_that_is_neither_a_directory_nor_a_revision_is_an_error() {
    let out = ors_events(&["diff", "no-such-revision-or-dir", "spec"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "the old side `no-such-revision-or-dir` is neither a directory nor a git revision"
        ),
        "{stderr}"
    );
    let out = ors_events(&["diff", "spec", "--help-me"]);
    assert_eq!(out.status.code(), Some(2));
    let out = ors_events(&["diff", "spec", "spec", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_broken_spec_on_either_side_is_an_error_with_located_problems() {
    let pair = Pair::new();
    pair.edit(
        "new",
        "voice.yaml",
        "type: callstate\n          description: The call state of the created call",
        "type: calstate\n          description: The call state of the created call",
    );
    let out = diff_dirs(&pair, &["--fail-on", "any"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("the new spec ("), "{stderr}");
    assert!(
        stderr.contains("error[unknown-type]: unknown type `calstate`"),
        "{stderr}"
    );
    let (line, column) = position_of(&pair.new.join("voice.yaml"), "calstate");
    assert!(
        stderr.contains(&format!("--> spec/voice.yaml:{line}:{column}")),
        "{stderr}"
    );
    // The old side is named as such.
    let out = ors_events(&[
        "diff",
        pair.new.to_str().unwrap(),
        pair.old.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("the old spec ("));
}
