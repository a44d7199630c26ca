//! Hostile and broken events: the validator and the decoder never panic and never hold more
//! than one line; each bad line is reported for its line and the stream goes on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufReader, Read};

use ors_events::validate::{validate, validate_lines, Options, Report, DEFAULT_MAX_LINE_BYTES};
use ors_events::Event;

const GOOD: &str = r#"{"name": "interaction.added", "data": {"interactionid": "i"}}"#;

/// Every line's (number, codes) for `input`, validated as a stream with `max` bytes per line.
fn stream(input: impl Read, max: usize) -> Vec<(u64, Vec<&'static str>)> {
    let mut found = Vec::new();
    validate_lines(
        BufReader::new(input),
        &Options::new(),
        max,
        |line, report: &Report| {
            found.push((line, report.violations.iter().map(|v| v.code).collect()));
            Ok(())
        },
    )
    .unwrap();
    found
}

fn codes(bytes: &[u8]) -> Vec<&'static str> {
    validate(bytes, &Options::new())
        .violations
        .iter()
        .map(|v| v.code)
        .collect()
}

#[test]
fn each_bad_line_is_reported_and_the_stream_goes_on() {
    let deep = format!(
        r#"{{"name": "interaction.added", "data": {{"interactionid": {}{}}}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let digits = format!(
        r#"{{"name": "voice.createcall.done", "data": {{"requestid": "r", "interactionid": "i", "callstate": 1{}}}}}"#,
        "0".repeat(10_000)
    );
    let lines: Vec<Vec<u8>> = vec![
        GOOD.as_bytes().to_vec(),
        br#"{"name": "interaction.added", "data": {"interact"#.to_vec(),
        b"{\"name\": \"interaction.added\", \"data\": {\"interactionid\": \"\xff\xfe\"}}".to_vec(),
        deep.into_bytes(),
        digits.into_bytes(),
        br#"{"name": "voice.createcall.done", "data": {"requestid": "r", "interactionid": "i", "callstate": NaN}}"#.to_vec(),
        br#"{"name": "interaction.added", "data": {"interactionid": "i", "interactionid": "j"}}"#.to_vec(),
        [b"\xEF\xBB\xBF".as_slice(), GOOD.as_bytes()].concat(),
        [GOOD.as_bytes(), b"\r"].concat(),
        b"{\"name\": \"interaction.added\0\", \"data\": {\"interactionid\": \"i\"}}".to_vec(),
        b"\0\0\0".to_vec(),
        GOOD.as_bytes().to_vec(),
    ];
    let input = lines.join(&b'\n');
    let found = stream(&input[..], DEFAULT_MAX_LINE_BYTES);
    let expected: Vec<(u64, Vec<&str>)> = vec![
        (1, vec![]),
        (2, vec!["malformed-json"]),
        (3, vec!["malformed-json"]),
        // Skipped iteratively by serde_json, so the depth costs no stack: a wrong type.
        (4, vec!["wrong-type"]),
        (5, vec!["malformed-json"]),
        (6, vec!["malformed-json"]),
        (7, vec!["duplicate-key"]),
        (8, vec!["malformed-json"]),
        (9, vec![]),
        (10, vec!["malformed-json"]),
        (11, vec!["malformed-json"]),
        (12, vec![]),
    ];
    assert_eq!(found, expected);
    let bom = validate(&lines[7], &Options::new());
    assert!(bom.violations[0].message.contains("byte order mark"));
    let utf8 = validate(&lines[2], &Options::new());
    assert!(
        utf8.violations[0].message.contains("line 1 column"),
        "{}",
        utf8.violations[0].message
    );
}

/// 100 MB of one line, made on the fly: never held in memory by the test either.
struct HugeLine {
    left: usize,
    tail: &'static [u8],
}

impl Read for HugeLine {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left > 0 {
            let n = buf.len().min(self.left);
            buf[..n].fill(b' ');
            if self.left == 100 * 1024 * 1024 && n > 0 {
                buf[0] = b'[';
            }
            self.left -= n;
            return Ok(n);
        }
        let n = buf.len().min(self.tail.len());
        buf[..n].copy_from_slice(&self.tail[..n]);
        self.tail = &self.tail[n..];
        Ok(n)
    }
}

#[test]
fn a_100_mb_line_is_skipped_not_held() {
    let tail: &'static [u8] =
        b"]\n{\"name\": \"interaction.added\", \"data\": {\"interactionid\": \"i\"}}\n";
    let found = stream(
        HugeLine {
            left: 100 * 1024 * 1024,
            tail,
        },
        DEFAULT_MAX_LINE_BYTES,
    );
    assert_eq!(found, vec![(1, vec!["line-too-long"]), (2, vec![])]);
}

#[test]
fn the_decoder_fails_cleanly_on_the_same_inputs() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let nested_data = format!(
        r#"{{"name": "chat.gettranscript.done", "data": {{"requestid": "r", "transcript": [{}{}]}}}}"#,
        "{\"a\":".repeat(50_000),
        "1}".repeat(50_000)
    );
    let inputs: Vec<Vec<u8>> = vec![
        deep.into_bytes(),
        nested_data.into_bytes(),
        format!(r#"{{"name": "voice.createcall.done", "data": {{"requestid": "r", "interactionid": "i", "callstate": 1{}}}}}"#, "0".repeat(10_000)).into_bytes(),
        b"\xEF\xBB\xBF{}".to_vec(),
        b"{\"name\": \"interaction.added\", \"data\": {\"interactionid\": \"\xc3\x28\"}}".to_vec(),
        br#"{"name": "interaction.added", "data": {"interactionid": "i", "interactionid": "j"}}"#.to_vec(),
        br#"{"name": "interaction.added", "data": {"interactionid": "i"}, "name": "x"}"#.to_vec(),
        b"".to_vec(),
        b"null".to_vec(),
    ];
    for input in &inputs {
        assert!(
            Event::from_json(input).is_err(),
            "{:?}",
            String::from_utf8_lossy(&input[..input.len().min(80)])
        );
        assert!(serde_json::from_slice::<Event>(input).is_err());
        assert!(!validate(input, &Options::new()).is_valid());
    }
    assert_eq!(codes(&inputs[1]), ["malformed-json"]);
}

/// Found by the `events` fuzz target: `null` for an optional envelope field or attribute was
/// decoded as absent, while the validator and the JSON Schema refuse it (`wrong-type`), so the
/// typed decoder accepted events the validator calls invalid.
#[test]
fn null_for_an_optional_member_is_refused_by_the_decoder_as_by_the_validator() {
    let inputs: [&[u8]; 4] = [
        br#"{"name": "voice.hold.done", "data": {"requestid": "r", "interactionid": "i"}, "origintype": null}"#,
        br#"{"name": "voice.createcall.done", "data": {"requestid": "r", "interactionid": "i", "callstate": null}}"#,
        br#"{"name": "interaction.partystatechanged", "data": {"interactionid": "i", "focusdeviceid": "7", "partyid": "p", "partystate": "s", "hints": {"ccevent": 6, "cause": 0, "callstate": null}}}"#,
        br#"{"name": "interaction.added", "data": {"interactionid": "i"}, "type": null}"#,
    ];
    for input in inputs {
        let text = String::from_utf8_lossy(input);
        let report = validate(input, &Options::new().lenient(true));
        assert!(
            report.violations.iter().any(|v| v.code == "wrong-type"),
            "{text}: {:?}",
            report.violations
        );
        assert!(Event::from_json(input).is_err(), "{text} decoded");
        assert!(serde_json::from_slice::<ors_events::Envelope>(input).is_err());
        // Without the null member, each is valid and decodes.
        let value: serde_json::Value = serde_json::from_slice(input).unwrap();
        let without = strip_nulls(value);
        let bytes = serde_json::to_vec(&without).unwrap();
        assert!(validate(&bytes, &Options::new()).is_valid(), "{without}");
        assert!(Event::from_json(&bytes).is_ok(), "{without}");
    }
}

fn strip_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(members) => members
            .into_iter()
            .filter(|(_, member)| !member.is_null())
            .map(|(key, member)| (key, strip_nulls(member)))
            .collect(),
        other => other,
    }
}

/// Found by the `events` fuzz target: `Event::from_json` decoded the first event of its input
/// and ignored what followed, which the validator reports as `malformed-json`.
#[test]
fn text_after_the_event_is_refused_by_the_decoder_as_by_the_validator() {
    for tail in ["x", "}", "{}", GOOD, ", 1"] {
        let input = format!("{GOOD}{tail}");
        assert!(Event::from_json(input.as_bytes()).is_err(), "{input}");
        assert_eq!(codes(input.as_bytes()), ["malformed-json"], "{input}");
    }
    // White space after the event is fine for both.
    let input = format!("{GOOD} \t\r\n");
    assert!(Event::from_json(input.as_bytes()).is_ok());
    assert!(validate(input.as_bytes(), &Options::new()).is_valid());
}

/// Found by the `events` fuzz target: serde fills a struct from an array too, so `data` given as
/// an array of the attribute values (or a chat message as an array) decoded, while the validator
/// and the JSON Schema refuse it (`wrong-type`).
#[test]
fn arrays_in_place_of_objects_are_refused_by_the_decoder_as_by_the_validator() {
    let inputs: [&[u8]; 3] = [
        br#"{"name": "voice.hold.done", "data": ["r", "i"]}"#,
        br#"{"data": ["r", "i"], "name": "voice.hold.done"}"#,
        br#"{"name": "chat.gettranscript.done", "data": {"requestid": "r", "interactionid": "i", "transcript": [["a", "b", "c"]]}}"#,
    ];
    for input in inputs {
        let text = String::from_utf8_lossy(input);
        assert!(Event::from_json(input).is_err(), "{text} decoded");
        assert!(
            serde_json::from_slice::<Event>(input).is_err(),
            "{text} decoded"
        );
        let report = validate(input, &Options::new().lenient(true));
        assert!(
            report.violations.iter().any(|v| v.code == "wrong-type"),
            "{text}: {:?}",
            report.violations
        );
    }
    let value = serde_json::json!(["r", "i"]);
    assert!(
        ors_events::runtime::from_data::<ors_events::Catalogue>("voice.hold.done", value).is_err()
    );
}
