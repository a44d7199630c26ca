//! The fast reader against serde_json.
#![allow(clippy::unwrap_used)]

use serde::de::IgnoredAny;

use super::*;

/// What the fast reader makes of `text`: the value, or `None` when it declines.
fn fast(text: &str) -> Option<serde_json::Value> {
    let text = eligible(text.as_bytes())?;
    let mut scratch = String::new();
    let mut reader = Reader::new(text, &mut scratch);
    let value = serde::Deserialize::deserialize(&mut reader).ok()?;
    reader.end().ok()?;
    Some(value)
}

fn skips(text: &str) -> bool {
    let Some(text) = eligible(text.as_bytes()) else {
        return false;
    };
    let mut scratch = String::new();
    let mut reader = Reader::new(text, &mut scratch);
    IgnoredAny::deserialize(&mut reader).is_ok() && reader.end().is_ok()
}

use serde::Deserialize;

#[test]
fn reads_what_serde_json_reads_alike() {
    for text in [
        r#"{"a": [1, -2, true, false, null, "x\"y\\z\u00e9\n", {}], "b": {"c": []}}"#,
        r#"  {"name":"voice.hold.done","data":{"requestid":"r"}}  "#,
        "\"caf\u{e9} \u{1f642}\"",
        "18446744073709551615",
        "-9223372036854775808",
        "{\"\":0}\r\n",
        "{\"a\":\t1}",
    ] {
        let expected: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(fast(text), Some(expected), "{text}");
        assert!(skips(text), "{text}");
    }
}

#[test]
fn declines_what_it_does_not_read_as_serde_json_does() {
    for text in [
        "1.5",
        "-0",
        "1e3",
        "18446744073709551616",
        "-9223372036854775809",
        r#""\ud83d\ude42""#,
        r#""\ud800""#,
        "\"tab\there\"",
        r#"{"a":1,}"#,
        "[1,]",
        "[,1]",
        "{,}",
        "01",
        "-",
        "tru",
        "nul",
        r#"{"a" 1}"#,
        r#"{1: 2}"#,
        r#""unterminated"#,
        r#""\x""#,
        r#""\u12""#,
        "{} {}",
        "",
    ] {
        assert_eq!(fast(text), None, "{text}");
    }
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(fast(&deep), None);
    assert!(!skips(&deep));
}

#[test]
fn skipping_checks_the_grammar() {
    for text in [
        "1.5e-3",
        "-0",
        "[1.0, 2E+5, \"\\u00e9\"]",
        "{\"a\": {\"b\": [null]}}",
    ] {
        assert!(serde_json::from_str::<IgnoredAny>(text).is_ok());
        assert!(skips(text), "{text}");
    }
    for text in [
        "1.",
        "1e",
        "-",
        "01",
        "[1 2]",
        "{\"a\":}",
        r#""\q""#,
        "\"\u{1}\"",
    ] {
        assert!(serde_json::from_str::<IgnoredAny>(text).is_err());
        assert!(!skips(text), "{text}");
    }
}

#[test]
fn finds_the_first_string_stop() {
    let text = b"abcdefghij\\klmnop\x1fqrstuvwxyz\"012345\x7f\x80\xff6789\t";
    for from in 0..text.len() {
        let naive = text[from..]
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
            .map(|offset| from + offset);
        assert_eq!(string_stop(text, from), naive, "from {from}");
    }
    assert_eq!(string_stop(b"a\x01\x00\xff\x22", 0), Some(1));
    assert_eq!(string_stop(b"\xc3\xa9\xe2\x82\xac\xff\xfe\x22", 0), Some(7));
}

#[test]
fn never_accepts_invalid_utf8() {
    assert!(eligible(b"\"\xff\"").is_none());
}
