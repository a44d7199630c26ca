//! Every event of the catalogue decodes into its typed value and encodes back unchanged, with
//! `name` first or `data` first; unknown enum values and unknown hints members survive.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use ors_events::{Envelope, Event, EventName};
use serde_json::{json, Value};
use support::{catalogue, sample_data};

/// `{"name": ..., "data": ...}` with the keys in the order given.
fn envelope_text(name: &str, data: &Value, data_first: bool, extra: &str) -> String {
    let (name, data) = (json!(name).to_string(), data.to_string());
    if data_first {
        format!(r#"{{"data": {data}, "name": {name}{extra}}}"#)
    } else {
        format!(r#"{{"name": {name}, "data": {data}{extra}}}"#)
    }
}

fn round_trip(text: &str) -> (Envelope, Value) {
    let envelope: Envelope =
        serde_json::from_str(text).unwrap_or_else(|err| panic!("{text}: {err}"));
    let encoded = serde_json::to_value(&envelope).unwrap();
    let original: Value = serde_json::from_str(text).unwrap();
    assert_eq!(encoded, original, "round trip of {text}");
    (envelope, encoded)
}

#[test]
fn every_event_round_trips_in_both_key_orders() {
    let catalogue = catalogue();
    assert_eq!(catalogue.events.len(), 60);
    assert_eq!(EventName::ALL.len(), 60);
    for event in &catalogue.events {
        for all in [true, false] {
            let data = sample_data(&catalogue, event, all);
            for data_first in [false, true] {
                let extra = if all {
                    r#", "type": "platform", "sendid": "s-1", "invokeid": """#
                } else {
                    ""
                };
                let (envelope, _) =
                    round_trip(&envelope_text(&event.name, &data, data_first, extra));
                assert_eq!(envelope.event.name(), event.name);
                assert_eq!(
                    envelope.event.family().as_str(),
                    catalogue[event.family].name
                );
                assert_eq!(envelope.event.since(), event.since);
                // A bare `Event` decodes too, and encodes as name and data only.
                let bare: Event =
                    serde_json::from_str(&envelope_text(&event.name, &data, data_first, extra))
                        .unwrap();
                assert_eq!(
                    serde_json::to_value(&bare).unwrap(),
                    json!({ "name": event.name, "data": data })
                );
            }
        }
    }
}

#[test]
fn unknown_enum_values_and_hints_members_survive() {
    let text = r#"{"name": "interaction.partystatechanged", "data": {
        "interactionid": "ix", "focusdeviceid": "d", "partyid": "p", "partystate": "s",
        "hints": {"ccevent": 99, "cause": 6, "callstate": 77, "vendor": {"deep": [1, "x"]}}}}"#;
    let (envelope, _) = round_trip(text);
    let Event::InteractionPartystatechanged(changed) = &envelope.event else {
        panic!("wrong variant")
    };
    let hints = &changed.hints;
    assert_eq!(
        hints.ccevent,
        ors_events::CallControlEvent::Unrecognized(99)
    );
    assert_eq!(hints.cause, ors_events::CallControlCause::Normal);
    assert_eq!(
        hints.callstate,
        Some(ors_events::CallState::Unrecognized(77))
    );
    assert_eq!(hints.other["vendor"], json!({"deep": [1, "x"]}));

    let text = r#"{"name": "interaction.notcontrolled", "data": {"interactionid": "ix", "resultof": "migrating"}}"#;
    let (envelope, _) = round_trip(text);
    let Event::InteractionNotcontrolled(event) = &envelope.event else {
        panic!("wrong variant")
    };
    assert_eq!(
        event.resultof,
        Some(ors_events::NotControlledResultOf::Unrecognized(
            "migrating".into()
        ))
    );
}

#[test]
fn enums_display_and_parse_by_their_names() {
    use ors_events::CallState;
    assert_eq!(CallState::Deafened.to_string(), "CallStateDeafened");
    assert_eq!(
        "CallStateDeafened".parse::<CallState>().unwrap(),
        CallState::Deafened
    );
    assert_eq!(CallState::Deafened.code(), 49);
    assert_eq!(CallState::from_code(33), CallState::Unrecognized(33));
    assert_eq!(serde_json::to_string(&CallState::Held).unwrap(), "50");
    assert_eq!(
        ors_events::DeletedResultOf::Deletion.to_string(),
        "deletion"
    );
}

#[test]
fn unknown_names_and_bad_envelopes_are_clear_errors() {
    let err = serde_json::from_str::<Event>(r#"{"name": "voice.hld.done", "data": {}}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown event `voice.hld.done`"), "{err}");
    assert!(err.contains("did you mean `voice.hold.done`?"), "{err}");
    let err = serde_json::from_str::<Event>(r#"{"data": {}, "name": "Interaction.Added"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown event `Interaction.Added`"), "{err}");
    let err = serde_json::from_str::<Event>(r#"{"name": "interaction.added"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `data`"), "{err}");
    let err = serde_json::from_str::<Event>(r#"{"name": "interaction.added", "data": {}}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `interactionid`"), "{err}");
    let err = serde_json::from_str::<Event>(
        r#"{"name": "interaction.added", "data": {"interactionid": "i"}, "colour": 1}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("unknown envelope field `colour`"), "{err}");
    let err = serde_json::from_str::<Event>(
        r#"{"name": "interaction.added", "name": "interaction.added", "data": {}}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("duplicate field `name`"), "{err}");
    let err = Event::from_data("voice.hold.dne", json!({}))
        .unwrap_err()
        .to_string();
    assert!(err.contains("did you mean `voice.hold.done`"), "{err}");
}

#[test]
fn events_know_their_ids_results_and_versions() {
    let event: Event = serde_json::from_value(json!({"name": "voice.createcall.done",
        "data": {"requestid": "r-9", "interactionid": "ix-2", "callstate": 9}}))
    .unwrap();
    assert_eq!(event.request_id(), Some("r-9"));
    assert_eq!(event.interaction_id(), Some("ix-2"));
    assert_eq!(
        event.result_of(),
        Some((
            ors_events::Action::VoiceCreatecall,
            ors_events::Outcome::Done
        ))
    );
    assert_eq!(event.completes("r-9"), event.result_of());
    assert_eq!(event.completes("r-8"), None);
    let Event::VoiceCreatecallDone(done) = &event else {
        panic!("wrong variant")
    };
    assert_eq!(
        done.callstate,
        Some(ors_events::CallState::AnsweringMachineDetected)
    );

    let added: Event = serde_json::from_value(
        json!({"name": "interaction.property.changed", "data": {"interactionid": "i"}}),
    )
    .unwrap();
    assert_eq!(added.request_id(), None);
    assert_eq!(added.result_of(), None);
    assert_eq!(added.since(), Some("8.1.400.39".parse().unwrap()));
    assert!(added.since().unwrap() > "8.1.3".parse().unwrap());
    assert_eq!(
        ors_events::Action::VoiceHold.error(),
        EventName::ErrorVoiceHold
    );
}

#[test]
fn pending_requests_are_completed_by_their_typed_results() {
    use ors_events::{msgbased, voice, Pending};
    let pending = Pending::<voice::Hold>::new("req-17");
    let done: Event = serde_json::from_value(
        json!({"name": "voice.hold.done", "data": {"requestid": "req-17", "interactionid": "ix"}}),
    )
    .unwrap();
    let failed: Event = serde_json::from_value(json!({"name": "error.voice.hold", "data": {"requestid": "req-17", "interactionid": "ix", "error": "unknown", "description": "d"}})).unwrap();
    let other: Event = serde_json::from_value(
        json!({"name": "voice.hold.done", "data": {"requestid": "req-18", "interactionid": "ix"}}),
    )
    .unwrap();
    let unrelated: Event = serde_json::from_value(json!({"name": "voice.retrieve.done", "data": {"requestid": "req-17", "interactionid": "ix"}})).unwrap();
    assert_eq!(
        pending.completion(&done).unwrap().unwrap().interactionid,
        "ix"
    );
    assert_eq!(
        pending.completion(&failed).unwrap().unwrap_err().error,
        "unknown"
    );
    assert!(pending.completion(&other).is_none());
    assert!(pending.completion(&unrelated).is_none());
    let sending = Pending::<msgbased::Sendmessage>::new("m-1");
    assert!(sending.completion(&done).is_none());
}
