//! The fast path against the serde reading, on every envelope of the test corpus and on
//! variants of each: every value of `data` replaced by values of every JSON kind, members
//! removed, added and repeated, `data` before `name`, and white space between all tokens. For
//! each, under strict, lenient and old-release options, the fast path either declines or gives
//! the very report the serde reading gives; and it must decline only a small share.

use serde_json::{json, Map, Value};

use super::super::{read_with_serde, Options};
use super::{scan_envelope, Checker, Cursor};
use crate::validate::Report;

/// The fast path alone: `None` when it declines.
fn fast(text: &str, options: &Options) -> Option<Report> {
    let checks = crate::Catalogue;
    let mut checker = Checker::new(options, String::new());
    let mut cursor = Cursor::new(text);
    let event = scan_envelope(&checks, &mut checker, text, &mut cursor)
        .and_then(|event| cursor.end().map(|()| event))
        .ok()?;
    Some(Report {
        event: event.map(|event| crate::validate::Checks::name_of(&checks, event)),
        violations: checker.violations,
    })
}

fn envelopes() -> Vec<Map<String, Value>> {
    include_str!("../../../tests/corpus/events.jsonl")
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|case| case["envelope"].as_object().cloned())
        .collect()
}

/// Values of every kind, including those the fast path declines (fractions, big numbers,
/// escapes) and those it reads.
fn replacements() -> Vec<Value> {
    vec![
        json!(7),
        json!(-12),
        json!(0),
        json!(1.5),
        json!(2.0),
        json!(1e3),
        json!(18446744073709551615u64),
        json!("text"),
        json!("with \"escapes\" \n and ü"),
        json!("platform"),
        json!(null),
        json!(true),
        json!([]),
        json!([1, "a", {"k": null}]),
        json!({}),
        json!({"ccevent": 3, "cause": "x", "other": [1]}),
    ]
}

fn variants(envelope: &Map<String, Value>) -> Vec<String> {
    let mut out = vec![Value::Object(envelope.clone()).to_string()];
    // `data` first.
    let mut reordered = Map::new();
    if let Some(data) = envelope.get("data") {
        reordered.insert("data".into(), data.clone());
    }
    for (key, value) in envelope {
        reordered.insert(key.clone(), value.clone());
    }
    out.push(Value::Object(reordered).to_string());
    // White space everywhere.
    out.push(serde_json::to_string_pretty(envelope).unwrap_or_default());
    let Some(Value::Object(data)) = envelope.get("data") else {
        return out;
    };
    for key in data.keys() {
        for value in replacements() {
            let mut changed = envelope.clone();
            changed["data"][key] = value;
            out.push(Value::Object(changed).to_string());
        }
        let mut removed = envelope.clone();
        if let Some(Value::Object(data)) = removed.get_mut("data") {
            data.remove(key);
        }
        out.push(Value::Object(removed).to_string());
    }
    let text = Value::Object(envelope.clone()).to_string();
    // An unknown member, a repeated one, and repeated envelope fields (serde_json's maps
    // cannot hold a key twice: these are spliced into the text).
    out.push(text.replacen("\"data\":{", "\"data\":{\"zzz\":1,", 1));
    if let Some(key) = data.keys().next() {
        out.push(text.replacen("\"data\":{", &format!("\"data\":{{\"{key}\":[],"), 1));
    }
    out.push(text.replacen('{', "{\"name\":\"x\",", 1));
    out.push(text.replacen('{', "{\"type\":\"external\",\"type\":7,\"time\":1,", 1));
    out
}

#[test]
fn the_fast_path_gives_the_serde_reading_s_report_or_declines() {
    let options = [
        Options::new(),
        Options::new().lenient(true),
        Options::new().ors_version("8.1.200.73".parse().unwrap()),
    ];
    let (mut read, mut declined) = (0usize, 0usize);
    for envelope in envelopes() {
        for text in variants(&envelope) {
            for options in &options {
                let expected = read_with_serde(&crate::Catalogue, text.as_bytes(), options);
                match fast(&text, options) {
                    Some(report) => {
                        read += 1;
                        assert_eq!(report, expected, "{text}");
                    }
                    None => declined += 1,
                }
            }
        }
    }
    assert!(read > 50_000, "{read} read, {declined} declined");
    // Fractions, big numbers and escapes where a value is compared: a few replacements out of
    // sixteen.
    assert!(declined * 5 < read, "{read} read, {declined} declined");
}
