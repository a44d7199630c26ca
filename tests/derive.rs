//! The derive macros on hand-written types: `#[derive(Event)]` and `#[derive(OrsEnum)]`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ors_events::{OrsEnum, OrsEvent, OrsVersion, UnknownName};

// ---------------------------------------------------------------------------------------------
// #[derive(Event)]

/// A result event with both ids.
#[derive(ors_events::Event)]
#[event(name = "voice.hold.done", since = "8.1.3")]
struct HoldDone {
    #[event(request_id)]
    requestid: String,
    #[event(interaction_id)]
    interactionid: Option<String>,
    #[allow(dead_code)]
    other: u32,
}

/// An error event: its family is the token after `error.`.
#[derive(ors_events::Event)]
#[event(name = "error.voice.hold", since = "8.1.400.09")]
struct HoldError {
    #[event(request_id)]
    requestid: Option<String>,
}

/// An application's own event, without `since`, with a line as a version elsewhere.
#[derive(ors_events::Event)]
#[event(name = "myapp.callback.scheduled")]
struct CallbackScheduled;

/// A tuple struct marks its fields by position.
#[derive(ors_events::Event)]
#[event(name = "chat.gettranscript.done", since = "8.1.300")]
struct Transcript(#[event(interaction_id)] String, #[event(request_id)] String);

/// Generic structs work too.
#[derive(ors_events::Event)]
#[event(name = "interaction.added")]
struct Added<T: Clone> {
    #[allow(dead_code)]
    payload: T,
    #[event(interaction_id)]
    interactionid: String,
}

fn v(text: &str) -> OrsVersion {
    text.parse().unwrap()
}

#[test]
fn event_name_family_and_since() {
    assert_eq!(HoldDone::NAME, "voice.hold.done");
    assert_eq!(HoldDone::FAMILY, "voice");
    assert_eq!(
        HoldDone::SINCE,
        Some("8.1.3".parse::<OrsVersion>().unwrap())
    );
    assert_eq!(HoldDone::SINCE.unwrap().to_string(), "8.1.3");

    assert_eq!(HoldError::NAME, "error.voice.hold");
    assert_eq!(HoldError::FAMILY, "voice");
    assert_eq!(HoldError::SINCE, Some(v("8.1.400.09")));
    // The form is kept, so the version displays as written.
    assert_eq!(HoldError::SINCE.unwrap().to_string(), "8.1.400.09");

    assert_eq!(CallbackScheduled::NAME, "myapp.callback.scheduled");
    assert_eq!(CallbackScheduled::FAMILY, "myapp");
    assert_eq!(CallbackScheduled::SINCE, None);

    assert_eq!(Transcript::FAMILY, "chat");
    assert_eq!(Transcript::SINCE.unwrap().to_string(), "8.1.300");
    assert_eq!(Transcript::SINCE, Some(v("8.1.3")));

    assert_eq!(<Added<u8>>::NAME, "interaction.added");
    assert_eq!(<Added<u8>>::FAMILY, "interaction");
}

#[test]
fn since_is_usable_in_const_context() {
    const SINCE: Option<OrsVersion> = HoldDone::SINCE;
    assert!(SINCE.unwrap() < v("8.1.400.09"));
    assert!(SINCE.unwrap() > v("8.1.200.73"));
}

#[test]
fn event_ids_from_string_and_option_fields() {
    let done = HoldDone {
        requestid: "r-17".into(),
        interactionid: Some("ix-4".into()),
        other: 0,
    };
    assert_eq!(done.request_id(), Some("r-17"));
    assert_eq!(done.interaction_id(), Some("ix-4"));

    let done = HoldDone {
        requestid: String::new(),
        interactionid: None,
        other: 0,
    };
    assert_eq!(done.request_id(), Some(""));
    assert_eq!(done.interaction_id(), None);

    let error = HoldError {
        requestid: Some("r-1".into()),
    };
    assert_eq!(error.request_id(), Some("r-1"));
    // Not marked: the trait's default.
    assert_eq!(error.interaction_id(), None);
    assert_eq!(HoldError { requestid: None }.request_id(), None);

    assert_eq!(CallbackScheduled.request_id(), None);
    assert_eq!(CallbackScheduled.interaction_id(), None);

    let transcript = Transcript("ix-9".into(), "r-9".into());
    assert_eq!(transcript.interaction_id(), Some("ix-9"));
    assert_eq!(transcript.request_id(), Some("r-9"));

    let added = Added {
        payload: 1u8,
        interactionid: "ix-2".into(),
    };
    assert_eq!(added.interaction_id(), Some("ix-2"));
}

#[test]
fn events_work_through_trait_bounds() {
    fn describe<E: OrsEvent>(event: &E) -> String {
        format!("{} ({}) {:?}", E::NAME, E::FAMILY, event.request_id())
    }
    let error = HoldError {
        requestid: Some("r-3".into()),
    };
    assert_eq!(describe(&error), "error.voice.hold (voice) Some(\"r-3\")");
}

// ---------------------------------------------------------------------------------------------
// #[derive(OrsEnum)], integer codes

#[derive(Debug, Clone, Copy, PartialEq, Eq, ors_events::OrsEnum)]
#[ors(integer)]
enum CallState {
    #[ors(code = 0, name = "CallStateOk")]
    Ok,
    #[ors(code = 1, name = "CallStateTransferred")]
    Transferred,
    #[ors(code = 22, name = "CallStateConferenced")]
    Conferenced,
    #[ors(code = -1, name = "CallStateNegative")]
    Negative,
    #[ors(code = -9223372036854775808, name = "CallStateMin")]
    Min,
    /// A code this test does not know.
    #[ors(unrecognized)]
    Unrecognized(i64),
}

#[test]
fn integer_enum_round_trips_known_and_unknown_codes() {
    for (json, value) in [
        ("0", CallState::Ok),
        ("1", CallState::Transferred),
        ("22", CallState::Conferenced),
        ("-1", CallState::Negative),
        ("-9223372036854775808", CallState::Min),
        ("77", CallState::Unrecognized(77)),
        ("-5", CallState::Unrecognized(-5)),
        ("9223372036854775807", CallState::Unrecognized(i64::MAX)),
    ] {
        let decoded: CallState = serde_json::from_str(json).unwrap();
        assert_eq!(decoded, value, "{json}");
        assert_eq!(serde_json::to_string(&decoded).unwrap(), json);
    }
    // Inside a document, and from a `serde_json::Value` (which visits u64/i64 too).
    let states: Vec<CallState> = serde_json::from_str("[1, 77, 0]").unwrap();
    assert_eq!(
        states,
        [
            CallState::Transferred,
            CallState::Unrecognized(77),
            CallState::Ok
        ]
    );
    assert_eq!(serde_json::to_string(&states).unwrap(), "[1,77,0]");
    let value = serde_json::json!(22);
    assert_eq!(
        serde_json::from_value::<CallState>(value).unwrap(),
        CallState::Conferenced
    );
    assert_eq!(
        serde_json::to_value(CallState::Unrecognized(123)).unwrap(),
        serde_json::json!(123)
    );
}

#[test]
fn integer_enum_rejects_what_is_not_an_i64() {
    let err = serde_json::from_str::<CallState>("18446744073709551615").unwrap_err();
    assert!(err.to_string().contains("out of range"), "{err}");
    assert!(err.to_string().contains("CallState"), "{err}");
    let err = serde_json::from_str::<CallState>("9223372036854775808").unwrap_err();
    assert!(err.to_string().contains("out of range"), "{err}");

    let err = serde_json::from_str::<CallState>("\"CallStateOk\"").unwrap_err();
    assert!(err.to_string().contains("invalid type: string"), "{err}");
    assert!(
        err.to_string().contains("an integer code of CallState"),
        "{err}"
    );
    let err = serde_json::from_str::<CallState>("1.5").unwrap_err();
    assert!(
        err.to_string().contains("invalid type: floating point"),
        "{err}"
    );
    let err = serde_json::from_str::<CallState>("null").unwrap_err();
    assert!(err.to_string().contains("invalid type: null"), "{err}");
}

#[test]
fn integer_enum_display_and_from_str() {
    assert_eq!(CallState::Ok.to_string(), "CallStateOk");
    assert_eq!(CallState::Negative.to_string(), "CallStateNegative");
    assert_eq!(CallState::Unrecognized(77).to_string(), "77");
    assert_eq!(CallState::Unrecognized(-3).to_string(), "-3");
    assert_eq!(format!("{:>14}", CallState::Ok), "   CallStateOk");

    assert_eq!("CallStateTransferred".parse(), Ok(CallState::Transferred));
    // A decimal code: known or not.
    assert_eq!("22".parse(), Ok(CallState::Conferenced));
    assert_eq!("-1".parse(), Ok(CallState::Negative));
    assert_eq!("77".parse(), Ok(CallState::Unrecognized(77)));
    for value in [
        CallState::Ok,
        CallState::Min,
        CallState::Unrecognized(77),
        CallState::Unrecognized(-8),
    ] {
        assert_eq!(value.to_string().parse(), Ok(value));
    }

    let err = "callstateok".parse::<CallState>().unwrap_err();
    assert_eq!(
        err,
        UnknownName {
            enum_name: "CallState",
            text: "callstateok".into()
        }
    );
    assert_eq!(
        err.to_string(),
        "`callstateok` is not a name or code of CallState"
    );
    assert!("".parse::<CallState>().is_err());
    assert!("18446744073709551615".parse::<CallState>().is_err());
}

#[test]
fn integer_enum_codes_and_names() {
    const CODE: i64 = CallState::Transferred.code();
    assert_eq!(CODE, 1);
    assert_eq!(CallState::Min.code(), i64::MIN);
    assert_eq!(CallState::Unrecognized(77).code(), 77);

    assert_eq!(CallState::from_code(0), CallState::Ok);
    assert_eq!(CallState::from_code(-1), CallState::Negative);
    assert_eq!(CallState::from_code(77), CallState::Unrecognized(77));

    assert_eq!(CallState::Conferenced.name(), Some("CallStateConferenced"));
    assert_eq!(CallState::Unrecognized(0).name(), None);
}

#[test]
fn integer_enum_known_values() {
    assert_eq!(
        CallState::KNOWN,
        &[
            CallState::Ok,
            CallState::Transferred,
            CallState::Conferenced,
            CallState::Negative,
            CallState::Min
        ]
    );
    assert!(CallState::KNOWN.iter().all(OrsEnum::is_known));
    assert!(!CallState::Unrecognized(77).is_known());
    // An unrecognized variant built by hand with a known code is still not "known"; decoding
    // never makes one.
    assert!(!CallState::Unrecognized(1).is_known());
    assert!(CallState::from_code(1).is_known());
    for value in CallState::KNOWN {
        assert_eq!(CallState::from_code(value.code()), *value);
        assert_eq!(value.name().unwrap().parse(), Ok(*value));
    }
}

// ---------------------------------------------------------------------------------------------
// #[derive(OrsEnum)], strings

#[derive(Debug, Clone, PartialEq, Eq, ors_events::OrsEnum)]
#[ors(string)]
enum PartyState {
    #[ors(value = "detaching")]
    Detaching,
    #[ors(value = "attached")]
    Attached,
    #[ors(value = "")]
    Empty,
    /// A value this test does not know.
    #[ors(unrecognized)]
    Other(::std::string::String),
}

#[test]
fn string_enum_round_trips_known_and_unknown_values() {
    for (json, value) in [
        (r#""detaching""#, PartyState::Detaching),
        (r#""attached""#, PartyState::Attached),
        (r#""""#, PartyState::Empty),
        (r#""parked""#, PartyState::Other("parked".into())),
        (r#""Detaching""#, PartyState::Other("Detaching".into())),
        (r#""a\"b""#, PartyState::Other("a\"b".into())),
    ] {
        let decoded: PartyState = serde_json::from_str(json).unwrap();
        assert_eq!(decoded, value, "{json}");
        assert_eq!(serde_json::to_string(&decoded).unwrap(), json);
        // From a reader (visit_str) and from a Value (visit_string) too.
        let from_reader: PartyState = serde_json::from_reader(json.as_bytes()).unwrap();
        assert_eq!(from_reader, value, "{json}");
        let as_value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(
            serde_json::from_value::<PartyState>(as_value).unwrap(),
            value
        );
    }
    let err = serde_json::from_str::<PartyState>("3").unwrap_err();
    assert!(err.to_string().contains("invalid type: integer"), "{err}");
    assert!(
        err.to_string().contains("a string value of PartyState"),
        "{err}"
    );
}

#[test]
fn string_enum_display_from_str_and_wire() {
    assert_eq!(PartyState::Detaching.to_string(), "detaching");
    assert_eq!(PartyState::Other("parked".into()).to_string(), "parked");
    assert_eq!(format!("{:<10}|", PartyState::Attached), "attached  |");

    assert_eq!("attached".parse(), Ok(PartyState::Attached));
    assert_eq!("parked".parse(), Ok(PartyState::Other("parked".into())));
    let never: Result<PartyState, std::convert::Infallible> = "anything".parse();
    assert!(never.is_ok());

    assert_eq!(PartyState::Detaching.as_str(), "detaching");
    assert_eq!(PartyState::Other("x".into()).as_str(), "x");
    assert_eq!(PartyState::from_wire("detaching"), PartyState::Detaching);
    assert_eq!(PartyState::from_wire("y"), PartyState::Other("y".into()));
}

#[test]
fn string_enum_known_values() {
    assert_eq!(
        PartyState::KNOWN,
        &[
            PartyState::Detaching,
            PartyState::Attached,
            PartyState::Empty
        ]
    );
    assert!(PartyState::KNOWN.iter().all(OrsEnum::is_known));
    assert!(!PartyState::Other("parked".into()).is_known());
    for value in PartyState::KNOWN {
        assert_eq!(PartyState::from_wire(value.as_str()), *value);
    }
}

// ---------------------------------------------------------------------------------------------
// Together: an event struct whose fields are OrsEnums, decoded with serde.

#[derive(Debug, PartialEq, ors_events::__private::serde::Deserialize, ors_events::Event)]
#[serde(crate = "ors_events::__private::serde")]
#[event(name = "interaction.partystatechanged")]
struct PartyStateChanged {
    #[event(interaction_id)]
    interactionid: String,
    callstate: CallState,
    partystate: PartyState,
}

#[test]
fn enums_inside_an_event() {
    let event: PartyStateChanged = serde_json::from_str(
        r#"{"interactionid": "ix-1", "callstate": 99, "partystate": "parked"}"#,
    )
    .unwrap();
    assert_eq!(event.interaction_id(), Some("ix-1"));
    assert_eq!(event.callstate, CallState::Unrecognized(99));
    assert_eq!(event.partystate, PartyState::Other("parked".into()));
    assert_eq!(PartyStateChanged::FAMILY, "interaction");
}
