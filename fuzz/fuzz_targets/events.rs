//! The event validator and the typed decoder. Modes: (0) arbitrary bytes; (1) a valid envelope
//! of any event of the catalogue, mutated (members removed, replaced, added, nudged).
//!
//! Asserted: validating and decoding never panic and are deterministic; the interpreted
//! validator (`DynCatalogue`, as `validate --spec`) gives the generated one's report; an input
//! that decodes validates leniently (the typed enums keep values a newer server sends; a repeated
//! key only the validator sees); decode → encode → decode gives the same event and the same bytes
//! again, and the encoding validates leniently; the borrowed view decodes what the owned event
//! decodes (or fails with its error), and both what serde_json alone decodes; on any JSON, the
//! validator's verdict is the JSON Schema's (the `jsonschema` crate on
//! `generated/schema/ors-events.schema.json`); a stream of lines gets the same reports from the
//! block reader as one line at a time.
#![no_main]

use std::num::NonZeroUsize;
use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use ors_events::validate::dynamic::DynCatalogue;
use ors_events::validate::{validate, validate_lines, validate_stream, Options, StreamOptions};
use ors_events::{Envelope, Event, EventRef};
use ors_events_fuzz::{envelope, mode};
use serde_json::Value;

fn interpreted() -> &'static DynCatalogue {
    static INTERPRETED: OnceLock<DynCatalogue> = OnceLock::new();
    INTERPRETED.get_or_init(|| DynCatalogue::from_ir(envelope::catalogue()))
}

fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text = include_str!("../../generated/schema/ors-events.schema.json");
        let schema: Value = serde_json::from_str(text).unwrap_or_else(|err| panic!("{err}"));
        jsonschema::draft202012::new(&schema).unwrap_or_else(|err| panic!("{err}"))
    })
}

/// Every option set the validator takes, by index.
fn options(choice: u8) -> Options {
    let release = |text: &str| text.parse().unwrap_or_else(|_| unreachable!());
    match choice % 4 {
        0 => Options::new(),
        1 => Options::new().lenient(true),
        2 => Options::new().ors_version(release("8.1.200.73")),
        _ => Options::new().ors_version(release("8.1.3")).lenient(true),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((mode, rest)) = mode(data, 2) else {
        return;
    };
    let input: Vec<u8> = if mode == 0 {
        rest.to_vec()
    } else {
        match envelope::mutated(&mut Unstructured::new(rest)) {
            Ok(value) => serde_json::to_vec(&value).unwrap_or_default(),
            Err(_) => return,
        }
    };
    let choice = rest.last().copied().unwrap_or(0);
    let options = options(choice);
    let report = validate(&input, &options);
    assert_eq!(report, validate(&input, &options), "not deterministic");
    assert_eq!(
        interpreted().validate(&input, &options),
        report,
        "interpreted differs"
    );
    // The typed decoder keeps what a newer server may send (unknown enum values, attributes):
    // what it accepts, the lenient validator accepts.
    let lenient = validate(&input, &Options::new().lenient(true));
    let duplicate = lenient.violations.iter().any(|v| v.code == "duplicate-key");
    // The view accepts and refuses what the owned event does, with the same error, and both
    // fast readings give serde_json's own decoding.
    let decoded = Event::from_json(&input);
    let viewed = EventRef::from_json(&input).map(EventRef::into_owned);
    assert_eq!(
        viewed.as_ref().map_err(ToString::to_string),
        decoded.as_ref().map_err(ToString::to_string),
        "view differs"
    );
    assert_eq!(
        serde_json::from_slice::<Event>(&input).ok().as_ref(),
        decoded.as_ref().ok(),
        "serde_json differs"
    );
    if let Ok(event) = decoded {
        assert!(
            lenient.is_valid() || duplicate,
            "decoded, yet invalid: {:?}",
            lenient.violations
        );
        round_trip(event);
    }
    if let Ok(value) = serde_json::from_slice::<Value>(&input) {
        // Written again, the JSON has no repeated key, which the schema cannot see.
        let canonical = serde_json::to_vec(&value).unwrap_or_default();
        let ours = validate(&canonical, &Options::new()).is_valid();
        let theirs = schema().is_valid(&value);
        assert_eq!(
            ours,
            theirs,
            "{}\n{:?}",
            String::from_utf8_lossy(&canonical),
            validate(&canonical, &Options::new()).violations
        );
    }
    // A stream of lines: the block reader (which reads a line before its end is known, and
    // the block's UTF-8 prefix as text) gives what one line at a time gives.
    let mut one_by_one = Vec::new();
    let _ = validate_lines(&input[..], &options, 256, |line, report| {
        one_by_one.push((line, report.clone()));
        Ok(())
    });
    let mut streamed = Vec::new();
    let settings = StreamOptions {
        max_line_bytes: 256,
        jobs: NonZeroUsize::MIN,
    };
    let _ = validate_stream(
        &ors_events::Catalogue,
        &input[..],
        &options,
        settings,
        |line, report| {
            streamed.push((line, report.clone()));
            Ok(())
        },
    );
    assert_eq!(streamed, one_by_one, "{}", String::from_utf8_lossy(&input));
});

/// decode → encode → decode: the same event, the same bytes, and a valid encoding.
fn round_trip(event: Event) {
    let encoded = serde_json::to_vec(&Envelope::from(event.clone()))
        .unwrap_or_else(|err| panic!("{event:?} does not encode: {err}"));
    let again = Event::from_json(&encoded).unwrap_or_else(|err| {
        panic!(
            "{} does not decode: {err}",
            String::from_utf8_lossy(&encoded)
        )
    });
    assert_eq!(again, event, "{}", String::from_utf8_lossy(&encoded));
    let encoded_again = serde_json::to_vec(&Envelope::from(again)).unwrap_or_default();
    assert_eq!(encoded_again, encoded, "the encoding is not stable");
    let report = validate(&encoded, &Options::new().lenient(true));
    assert!(
        report.is_valid(),
        "{} {:?}",
        String::from_utf8_lossy(&encoded),
        report.violations
    );
}
