//! Fast reading of one JSON document held in memory, as text already checked as UTF-8: the
//! validator's cursor ([`cursor`]), and for typed decoding a serde [`Deserializer`] ([`Reader`])
//! that borrows every string without escapes, compares nothing it does not have to, and skips
//! ignored values without decoding them.
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

use serde::de::{self, Visitor};

pub(crate) mod cursor;
mod deserializer;

/// Nesting deeper than this is left to `serde_json` (whose own limit is 128).
pub(crate) const MAX_DEPTH: u32 = 100;

/// The name serde_json gives its raw values, which only serde_json can produce.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// The fast reading gave up on the document: it is read again with `serde_json`, whose verdict
/// and messages count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declined;

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

/// The longest prefix of `bytes` that is UTF-8, as text.
pub(crate) fn utf8_prefix(bytes: &[u8]) -> &str {
    match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => simdutf8::basic::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default(),
    }
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
        self.pos = unescape(self.text, start, end, self.scratch)?;
        Ok(Text::Scratch)
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

    fn digits(&mut self) -> Result<&'de [u8], Declined> {
        integer_digits(self.text.as_bytes(), &mut self.pos)
    }

    fn skip_number(&mut self) -> Result<(), Declined> {
        skip_number(self.text.as_bytes(), &mut self.pos)
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), Declined> {
        literal(self.text.as_bytes(), &mut self.pos, word)
    }

    /// Skips one value, checking it.
    fn skip_value(&mut self) -> Result<(), Declined> {
        match self.peek().ok_or(Declined)? {
            b'"' => {
                self.pos += 1;
                self.skip_string()
            }
            b'{' => self.skip_container(b'}', |reader| {
                reader.expect(b'"')?;
                reader.skip_string()?;
                reader.expect(b':')?;
                reader.skip_value()
            }),
            b'[' => self.skip_container(b']', Self::skip_value),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.skip_number(),
            _ => Err(Declined),
        }
    }

    /// Skips an object or array whose opening bracket is next, each member or item with
    /// `item`, up to `close`.
    fn skip_container(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), Declined>,
    ) -> Result<(), Declined> {
        self.pos += 1;
        self.descend()?;
        if self.peek() == Some(close) {
            self.pos += 1;
        } else {
            loop {
                item(self)?;
                if self.peek() == Some(b',') {
                    self.pos += 1;
                } else {
                    self.expect(close)?;
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Visits the string whose opening quote was consumed.
    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Declined> {
        match self.string()? {
            Text::Borrowed(text) => visitor.visit_borrowed_str(text),
            Text::Scratch => visitor.visit_str(self.scratch),
        }
    }
}

/// Decodes the string of `text` that starts at `start` (after its opening quote) and has its
/// first escape at `at` into `out`; returns where the text goes on after the closing quote.
fn unescape(text: &str, start: usize, at: usize, out: &mut String) -> Result<usize, Declined> {
    let bytes = text.as_bytes();
    let (mut run, mut at) = (start, at);
    loop {
        out.push_str(text.get(run..at).ok_or(Declined)?);
        match bytes[at] {
            b'"' => return Ok(at + 1),
            byte if byte < 0x20 => return Err(Declined),
            _ => {}
        }
        let (decoded, next) = escape(bytes, at)?;
        out.push(decoded);
        run = next;
        at = string_stop(bytes, next).ok_or(Declined)?;
    }
}

/// The first `"`, `\\` or control character (which JSON does not allow in a string) at or
/// after `from`. Eight bytes at a time: most strings are short, shorter than a vector loop's
/// start-up.
#[inline]
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

/// The digits of a number's integer part at `*pos`: `0` alone, or a non-zero digit first.
fn integer_digits<'a>(bytes: &'a [u8], pos: &mut usize) -> Result<&'a [u8], Declined> {
    let start = *pos;
    let count = bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if count == 0 || (count > 1 && bytes[start] == b'0') {
        return Err(Declined);
    }
    *pos += count;
    Ok(&bytes[start..start + count])
}

/// At least one digit at `*pos`.
fn more_digits(bytes: &[u8], pos: &mut usize) -> Result<(), Declined> {
    let count = bytes
        .get(*pos..)
        .unwrap_or_default()
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if count == 0 {
        return Err(Declined);
    }
    *pos += count;
    Ok(())
}

/// Skips the number at `*pos`, checking its grammar.
fn skip_number(bytes: &[u8], pos: &mut usize) -> Result<(), Declined> {
    if bytes.get(*pos) == Some(&b'-') {
        *pos += 1;
    }
    integer_digits(bytes, pos)?;
    if bytes.get(*pos) == Some(&b'.') {
        *pos += 1;
        more_digits(bytes, pos)?;
    }
    if matches!(bytes.get(*pos), Some(b'e' | b'E')) {
        *pos += 1;
        if matches!(bytes.get(*pos), Some(b'+' | b'-')) {
            *pos += 1;
        }
        more_digits(bytes, pos)?;
    }
    Ok(())
}

/// Consumes the literal `word` (`true`, `false` or `null`) at `*pos`.
fn literal(bytes: &[u8], pos: &mut usize, word: &[u8]) -> Result<(), Declined> {
    if bytes.get(*pos..).unwrap_or_default().starts_with(word) {
        *pos += word.len();
        Ok(())
    } else {
        Err(Declined)
    }
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

#[cfg(test)]
mod tests;
