//! The fast path for reading one JSON document held in memory: a serde [`Deserializer`] over
//! text already checked as UTF-8, which borrows every string without escapes, compares nothing
//! it does not have to, and skips ignored values without decoding them.
//!
//! It is strict by construction: whatever it is unsure of, it declines ([`Declined`]), and the
//! caller reads the document again with `serde_json`, whose verdict and error message then
//! count. It declines every malformed document (a control character in a string among
//! others), numbers with a fraction or an exponent where a value is visited (skipped ones are
//! only checked), `-0` and integers beyond 64 bits, `\u` escapes of surrogates, nesting
//! deeper than [`MAX_DEPTH`], and serde_json's raw values. So the fast path never accepts a
//! document that `serde_json` refuses, and never visits a value differently: it can only be
//! faster, never give another answer.

use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Nesting deeper than this is left to `serde_json` (whose own limit is 128).
pub(crate) const MAX_DEPTH: u32 = 100;

/// The name serde_json gives its raw values, which only serde_json can produce.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// The fast reader gave up on the document: read it with `serde_json` instead.
#[derive(Debug)]
pub(crate) struct Declined;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Declined
    }
}

/// The document as text, when the fast reader can take it: valid UTF-8.
pub(crate) fn eligible(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// A string read from the document.
enum Text<'de> {
    /// Without escapes: borrowed from the document.
    Borrowed(&'de str),
    /// With escapes: decoded into the reader's scratch buffer.
    Scratch,
}

/// Reads one document; see the module documentation.
pub(crate) struct Reader<'de, 's> {
    text: &'de str,
    pos: usize,
    depth: u32,
    scratch: &'s mut String,
}

impl<'de, 's> Reader<'de, 's> {
    /// A reader of `text` (see [`eligible`]), decoding escaped strings into `scratch`.
    pub(crate) fn new(text: &'de str, scratch: &'s mut String) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
            scratch,
        }
    }

    /// Checks that only white space follows the document.
    pub(crate) fn end(&mut self) -> Result<(), Declined> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Declined),
        }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not white space, without consuming it.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&byte) = bytes.get(self.pos) {
            if !matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(byte);
            }
            self.pos += 1;
        }
        None
    }

    /// Consumes `byte`, after white space.
    fn expect(&mut self, byte: u8) -> Result<(), Declined> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Declined)
        }
    }

    fn descend(&mut self) -> Result<(), Declined> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Declined);
        }
        Ok(())
    }

    /// Reads a string whose opening quote was consumed.
    fn string(&mut self) -> Result<Text<'de>, Declined> {
        let bytes = self.bytes();
        let start = self.pos;
        let end = string_stop(bytes, start).ok_or(Declined)?;
        if bytes[end] < 0x20 {
            return Err(Declined);
        }
        if bytes[end] == b'"' {
            self.pos = end + 1;
            return self
                .text
                .get(start..end)
                .map(Text::Borrowed)
                .ok_or(Declined);
        }
        self.scratch.clear();
        let mut run = start;
        let mut at = end;
        loop {
            self.scratch
                .push_str(self.text.get(run..at).ok_or(Declined)?);
            match bytes[at] {
                b'"' => {
                    self.pos = at + 1;
                    return Ok(Text::Scratch);
                }
                byte if byte < 0x20 => return Err(Declined),
                _ => {}
            }
            let (decoded, next) = escape(bytes, at)?;
            self.scratch.push(decoded);
            run = next;
            at = string_stop(bytes, next).ok_or(Declined)?;
        }
    }

    /// Skips a string whose opening quote was consumed, checking its escapes.
    fn skip_string(&mut self) -> Result<(), Declined> {
        let bytes = self.bytes();
        let mut at = self.pos;
        loop {
            at = string_stop(bytes, at).ok_or(Declined)?;
            match bytes[at] {
                b'"' => {
                    self.pos = at + 1;
                    return Ok(());
                }
                byte if byte < 0x20 => return Err(Declined),
                _ => {}
            }
            at = escape(bytes, at)?.1;
        }
    }

    /// Reads an integer that fits 64 bits and visits it as serde_json would; declines any other
    /// number.
    fn integer<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Declined> {
        let bytes = self.bytes();
        let negative = bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let digits = self.digits()?;
        let mut value: u64 = 0;
        for &digit in digits {
            value = value
                .checked_mul(10)
                .and_then(|value| value.checked_add(u64::from(digit - b'0')))
                .ok_or(Declined)?;
        }
        if matches!(bytes.get(self.pos), Some(b'.' | b'e' | b'E')) {
            return Err(Declined);
        }
        if !negative {
            return visitor.visit_u64(value);
        }
        // serde_json reads `-0` as a float, and below `i64::MIN` as floats.
        match value {
            0 => Err(Declined),
            magnitude if magnitude <= 1 << 63 => {
                visitor.visit_i64(0i64.wrapping_sub_unsigned(magnitude))
            }
            _ => Err(Declined),
        }
    }

    /// The digits of a number's integer part: `0` alone, or a non-zero digit first.
    fn digits(&mut self) -> Result<&'de [u8], Declined> {
        let bytes = self.bytes();
        let start = self.pos;
        let count = bytes[start..]
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
        if count == 0 || (count > 1 && bytes[start] == b'0') {
            return Err(Declined);
        }
        self.pos += count;
        Ok(&bytes[start..start + count])
    }

    /// Skips a number, checking its grammar.
    fn skip_number(&mut self) -> Result<(), Declined> {
        if self.bytes().get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        self.digits()?;
        if self.bytes().get(self.pos) == Some(&b'.') {
            self.pos += 1;
            self.fraction_digits()?;
        }
        if matches!(self.bytes().get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.bytes().get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.fraction_digits()?;
        }
        Ok(())
    }

    /// At least one digit.
    fn fraction_digits(&mut self) -> Result<(), Declined> {
        let count = self.bytes()[self.pos..]
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
        if count == 0 {
            return Err(Declined);
        }
        self.pos += count;
        Ok(())
    }

    /// Consumes the literal `word` (`true`, `false` or `null`).
    fn literal(&mut self, word: &[u8]) -> Result<(), Declined> {
        if self.bytes()[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Declined)
        }
    }

    /// Skips one value, checking it.
    fn skip_value(&mut self) -> Result<(), Declined> {
        match self.peek().ok_or(Declined)? {
            b'"' => {
                self.pos += 1;
                self.skip_string()
            }
            b'{' => {
                self.pos += 1;
                self.descend()?;
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        self.expect(b'"')?;
                        self.skip_string()?;
                        self.expect(b':')?;
                        self.skip_value()?;
                        if self.peek() == Some(b',') {
                            self.pos += 1;
                        } else {
                            self.expect(b'}')?;
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Ok(())
            }
            b'[' => {
                self.pos += 1;
                self.descend()?;
                if self.peek() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        self.skip_value()?;
                        if self.peek() == Some(b',') {
                            self.pos += 1;
                        } else {
                            self.expect(b']')?;
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Ok(())
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.skip_number(),
            _ => Err(Declined),
        }
    }

    /// Visits the string whose opening quote was consumed.
    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Declined> {
        match self.string()? {
            Text::Borrowed(text) => visitor.visit_borrowed_str(text),
            Text::Scratch => visitor.visit_str(self.scratch),
        }
    }
}

/// The first `"`, `\\` or control character (which JSON does not allow in a string) at or
/// after `from`. Eight bytes at a time: most strings are short, shorter than a vector loop's
/// start-up.
fn string_stop(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    const SPACES: u64 = u64::from_ne_bytes([0x20; 8]);
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let (quotes, backslashes) = (word ^ QUOTES, word ^ BACKSLASHES);
        // The high bit of each byte that is a quote, a backslash, or below 0x20 (exact for the
        // lowest one, which is all that counts).
        let found = ((quotes.wrapping_sub(ONES) & !quotes)
            | (backslashes.wrapping_sub(ONES) & !backslashes)
            | (word.wrapping_sub(SPACES) & !word))
            & HIGHS;
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes
        .get(at..)?
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
        .map(|offset| at + offset)
}

/// Decodes the escape at `at` (a backslash): the character, and where the text goes on.
fn escape(bytes: &[u8], at: usize) -> Result<(char, usize), Declined> {
    let decoded = match bytes.get(at + 1).ok_or(Declined)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let hex = bytes.get(at + 2..at + 6).ok_or(Declined)?;
            let mut code = 0u32;
            for &digit in hex {
                code = code * 16 + char::from(digit).to_digit(16).ok_or(Declined)?;
            }
            // Surrogates (pairs or lone) are left to serde_json, whose rules for them differ
            // between decoded and skipped strings.
            let decoded = char::from_u32(code).ok_or(Declined)?;
            return Ok((decoded, at + 6));
        }
        _ => return Err(Declined),
    };
    Ok((decoded, at + 2))
}

/// `deserialize_*` methods that visit the value as `deserialize_any` does when its first byte
/// matches the pattern, and decline it otherwise.
macro_rules! only {
    ($($($method:ident),+ => $first:pat),+ $(,)?) => {
        $($(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
                match self.peek() {
                    Some($first) => self.deserialize_any(visitor),
                    _ => Err(Declined),
                }
            }
        )+)+
    };
}

impl<'de> Deserializer<'de> for &mut Reader<'de, '_> {
    type Error = Declined;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.peek().ok_or(Declined)? {
            b'"' => {
                self.pos += 1;
                self.visit_string(visitor)
            }
            b'{' => {
                self.pos += 1;
                self.descend()?;
                let value = visitor.visit_map(Members {
                    reader: &mut *self,
                    first: true,
                })?;
                self.expect(b'}')?;
                self.depth -= 1;
                Ok(value)
            }
            b'[' => {
                self.pos += 1;
                self.descend()?;
                let value = visitor.visit_seq(Members {
                    reader: &mut *self,
                    first: true,
                })?;
                self.expect(b']')?;
                self.depth -= 1;
                Ok(value)
            }
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            b'-' | b'0'..=b'9' => self.integer(visitor),
            _ => Err(Declined),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        self.skip_value()?;
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        if self.peek() == Some(b'n') {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        if name == RAW_VALUE_TOKEN {
            return Err(Declined);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        // Unit variants, as strings; variants with content are left to serde_json.
        self.expect(b'"')?;
        match self.string()? {
            Text::Borrowed(text) => {
                visitor.visit_enum(BorrowedStrDeserializer::<Declined>::new(text))
            }
            Text::Scratch => visitor.visit_enum(StrDeserializer::<Declined>::new(self.scratch)),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    // Each of these takes only the JSON types serde_json's does, and declines the others
    // (serde_json fails on them even where the visitor would take them).
    only! {
        deserialize_bool => b't' | b'f',
        deserialize_i8, deserialize_i16, deserialize_i32, deserialize_i64,
        deserialize_u8, deserialize_u16, deserialize_u32, deserialize_u64,
        deserialize_f32, deserialize_f64 => b'-' | b'0'..=b'9',
        deserialize_char, deserialize_str, deserialize_string, deserialize_identifier => b'"',
        deserialize_unit => b'n',
        deserialize_seq => b'[',
        deserialize_map => b'{',
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        // serde_json fills a struct from an object or an array.
        match self.peek() {
            Some(b'{' | b'[') => self.deserialize_any(visitor),
            _ => Err(Declined),
        }
    }
}

/// The members of an object or the items of an array.
struct Members<'r, 'de, 's> {
    reader: &'r mut Reader<'de, 's>,
    first: bool,
}

impl Members<'_, '_, '_> {
    /// Whether another member or item follows (consuming its comma), or `close` ends them.
    fn more(&mut self, close: u8) -> Result<bool, Declined> {
        match self.reader.peek() {
            Some(byte) if byte == close => Ok(false),
            Some(b',') if !self.first => {
                self.reader.pos += 1;
                Ok(true)
            }
            Some(_) if self.first => {
                self.first = false;
                Ok(true)
            }
            _ => Err(Declined),
        }
    }
}

impl<'de> MapAccess<'de> for Members<'_, 'de, '_> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Declined> {
        if !self.more(b'}')? {
            return Ok(None);
        }
        if self.reader.peek() != Some(b'"') {
            return Err(Declined);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Declined> {
        self.reader.expect(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

impl<'de> SeqAccess<'de> for Members<'_, 'de, '_> {
    type Error = Declined;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Declined> {
        if !self.more(b']')? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
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
}
