//! `EventRef`, the borrowed view: it decodes every input to what `Event` decodes it to, and its
//! strings borrow from the input unless they have escapes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::borrow::Cow;

use ors_events::{voice, Event, EventRef};
use serde_json::Value;

/// Every envelope of the committed corpus, valid and invalid, as one line each.
fn corpus() -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(support::workspace().join("tests/corpus/events.jsonl"))
        .expect("the corpus");
    text.lines()
        .map(|line| {
            let case: Value = serde_json::from_str(line).unwrap();
            serde_json::to_vec(&case["envelope"]).unwrap()
        })
        .collect()
}

/// The view made owned, the owned decoding, and serde_json's own reading (which neither fast
/// path takes part in) agree on `bytes`: the same event, or all refuse it (the first two with
/// the same message).
fn assert_agrees(bytes: &[u8]) {
    let through_view = EventRef::from_json(bytes).map(EventRef::into_owned);
    let direct = Event::from_json(bytes);
    let serde_only = serde_json::from_slice::<Event>(bytes);
    let context = || String::from_utf8_lossy(bytes).into_owned();
    match (&through_view, &direct, &serde_only) {
        (Ok(view), Ok(owned), Ok(serde)) => {
            assert_eq!(view, owned, "{}", context());
            assert_eq!(owned, serde, "{}", context());
        }
        (Err(view), Err(owned), Err(_)) => {
            assert_eq!(view.to_string(), owned.to_string(), "{}", context());
        }
        _ => panic!(
            "{}: view {through_view:?}, owned {direct:?}, serde_json {serde_only:?}",
            context()
        ),
    }
}

#[test]
fn every_corpus_event_decodes_as_the_owned_event_does() {
    let lines = corpus();
    assert!(lines.len() > 400);
    let mut decoded = 0;
    for line in &lines {
        assert_agrees(line);
        if let Ok(view) = EventRef::from_json(line) {
            decoded += 1;
            let owned = Event::from_json(line).unwrap();
            assert_eq!(view.event_name(), owned.event_name());
            assert_eq!(view.name(), owned.name());
            assert_eq!(view.request_id(), owned.request_id());
            assert_eq!(view.interaction_id(), owned.interaction_id());
            assert_eq!(
                serde_json::to_value(&view).unwrap(),
                serde_json::to_value(&owned).unwrap()
            );
        }
    }
    assert!(decoded > 50, "only {decoded} corpus events decoded");
}

#[test]
fn pretty_printed_and_reordered_envelopes_decode_alike() {
    for line in corpus() {
        let value: Value = serde_json::from_slice(&line).unwrap();
        assert_agrees(serde_json::to_string_pretty(&value).unwrap().as_bytes());
        // `data` before `name`: buffered, then decoded into owned strings.
        if let Value::Object(members) = &value {
            let mut reversed: Vec<(&String, &Value)> = members.iter().collect();
            reversed.reverse();
            let text = format!(
                "{{{}}}",
                reversed
                    .iter()
                    .map(|(key, value)| format!("{}:{value}", Value::from(key.as_str())))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            assert_agrees(text.as_bytes());
        }
    }
}

#[test]
fn strings_without_escapes_borrow_from_the_input() {
    let json =
        br#"{"name": "voice.hold.done", "data": {"requestid": "r-1", "interactionid": "ix\"9"}}"#;
    let EventRef::VoiceHoldDone(view) = EventRef::from_json(json).unwrap() else {
        panic!("not voice.hold.done");
    };
    assert!(matches!(view.requestid, Cow::Borrowed("r-1")));
    assert!(matches!(&view.interactionid, Cow::Owned(text) if text == "ix\"9"));
    assert_eq!(
        view.clone().into_owned(),
        voice::HoldDone {
            requestid: "r-1".into(),
            interactionid: "ix\"9".into(),
        }
    );
    // Read with serde_json from a `str`, the view borrows too.
    let text = std::str::from_utf8(json).unwrap();
    let EventRef::VoiceHoldDone(again) = serde_json::from_str::<EventRef<'_>>(text).unwrap() else {
        panic!("not voice.hold.done");
    };
    assert!(matches!(again.requestid, Cow::Borrowed("r-1")));
    assert_eq!(again, view);
}

#[test]
fn bad_input_is_refused_as_the_owned_event_refuses_it() {
    for bad in [
        &br#"{"name": "voice.hold.done", "data": {"requestid": null, "interactionid": "ix"}}"#[..],
        br#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": 7}}"#,
        br#"{"name": "voice.hold.done", "data": ["r", "ix"]}"#,
        br#"{"name": "voice.hold.don", "data": {}}"#,
        br#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "ix"}} x"#,
        b"{\"name\": \"voice.hold.done\", \"data\": {\"requestid\": \"\xff\", \"interactionid\": \"ix\"}}",
        br#"{"data": {"requestid": "r", "interactionid": "ix"}}"#,
        br#"{"name": "voice.hold.done", "data": {"requestid": "r", "requestid": "s", "interactionid": "ix"}}"#,
        br#"{"name": "voice.hold.done", "name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "ix"}}"#,
        br#"{"name": "voice.hold.done", "data": {"requestid": "r"}}"#,
        br#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "ix"}, "type": 5}"#,
        br#"{"name": "voice.createcall.done", "data": {"requestid": "r", "interactionid": "ix", "callstate": "1"}}"#,
        br#"{"name": "voice.createcall.done", "data": {"requestid": "r", "interactionid": "ix", "callstate": null}}"#,
        br#"{"name": "voice.hold.done", "data": {"requestid": "r\u12", "interactionid": "ix"}}"#,
        br#"{"name": "voice.hold.done", "data": {"requestid": "\ud800", "interactionid": "ix"}}"#,
        br#"[]"#,
        b"",
    ] {
        assert!(EventRef::from_json(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        assert_agrees(bad);
    }
}
