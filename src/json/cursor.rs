//! The fast reading of the validator and of event views: a cursor the generated checks and
//! view readers drive token by token, with no serde visitor between them and the bytes. Keys
//! come back as raw bytes, compared against the literal keys the generated code knows; values
//! it does not need are skipped, checked but not decoded.
//!
//! Like [`super::Reader`], it is strict by construction: it declines ([`Declined`]) whatever it
//! is unsure of, and the validator then reads the whole line again with `serde_json`, whose
//! verdict and messages count. Beyond what the reader declines, the cursor declines keys and
//! compared strings with escapes, and numbers that are not plain 64-bit integers wherever a
//! number's value or kind is needed (skipped numbers are only checked).

use std::borrow::Cow;

use serde::de::{Deserialize, DeserializeSeed};

use super::{
    escape, integer_digits, literal, skip_number, string_stop, unescape, Declined, Reader,
    MAX_DEPTH,
};
use crate::strict::Strict;

/// What a JSON value is, told by its first byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `{`
    Object,
    /// `[`
    Array,
    /// `"`
    String,
    /// `-` or a digit.
    Number,
    /// `true` or `false`.
    Bool,
    /// `null`.
    Null,
}

/// A position in one JSON document (UTF-8, checked by the caller), read forward.
#[derive(Debug)]
pub struct Cursor<'de> {
    text: &'de str,
    pos: usize,
    depth: u32,
    /// A line break ends the document: it is not white space (see [`Cursor::first_line`]).
    lines: bool,
}

impl<'de> Cursor<'de> {
    /// A cursor at the start of `text`.
    pub(crate) fn new(text: &'de str) -> Self {
        Cursor {
            text,
            pos: 0,
            depth: 0,
            lines: false,
        }
    }

    /// A cursor at the start of `text`, lines of JSON, whose document ends at the first line
    /// break: the cursor reads no further, so that the caller need not find the line's end
    /// before reading it.
    pub(crate) fn first_line(text: &'de str) -> Self {
        Cursor {
            lines: true,
            ..Cursor::new(text)
        }
    }

    /// Where the cursor is, in bytes from the start of the document.
    pub(crate) fn offset(&self) -> usize {
        self.pos
    }

    /// The text from `start` to the cursor.
    pub(crate) fn slice(&self, start: usize) -> Result<&'de str, Declined> {
        self.text.get(start..self.pos).ok_or(Declined)
    }

    /// Checks that only white space follows the document (up to the line break, for
    /// [`Cursor::first_line`]; the cursor is then at the line break).
    pub(crate) fn end(&mut self) -> Result<(), Declined> {
        match self.peek() {
            None => Ok(()),
            Some(b'\n') if self.lines => Ok(()),
            Some(_) => Err(Declined),
        }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not white space, without consuming it.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        match self.bytes().get(self.pos) {
            // Most documents have no white space between tokens.
            Some(&byte) if byte > b' ' => Some(byte),
            _ => self.peek_after_space(),
        }
    }

    fn peek_after_space(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&byte) = bytes.get(self.pos) {
            if !(matches!(byte, b' ' | b'\t' | b'\r') || (byte == b'\n' && !self.lines)) {
                return Some(byte);
            }
            self.pos += 1;
        }
        None
    }

    /// The kind of the next value, which is not consumed.
    #[inline(always)]
    pub(crate) fn kind(&mut self) -> Result<Kind, Declined> {
        Ok(match self.peek().ok_or(Declined)? {
            b'{' => Kind::Object,
            b'[' => Kind::Array,
            b'"' => Kind::String,
            b'-' | b'0'..=b'9' => Kind::Number,
            b't' | b'f' => Kind::Bool,
            b'n' => Kind::Null,
            _ => return Err(Declined),
        })
    }

    /// Consumes the `{` or `[` that opens a container.
    fn open(&mut self) -> Result<(), Declined> {
        self.pos += 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Declined);
        }
        Ok(())
    }

    /// Consumes the `{` of an object (its [`Kind`] was read): its members follow, each key
    /// read with [`Cursor::next_key`], which `first` must start `true` for.
    pub(crate) fn open_object(&mut self) -> Result<(), Declined> {
        self.open()
    }

    /// Consumes the `[` of an array (its [`Kind`] was read): its items follow, each announced
    /// by [`Cursor::next_item`], which `first` must start `true` for.
    pub(crate) fn open_array(&mut self) -> Result<(), Declined> {
        self.open()
    }

    /// After `close`, or the `,` before the next member or item (then `true`).
    #[inline]
    fn more(&mut self, first: &mut bool, close: u8) -> Result<bool, Declined> {
        let next = self.peek().ok_or(Declined)?;
        if next == close {
            self.pos += 1;
            self.depth -= 1;
            return Ok(false);
        }
        if *first {
            *first = false;
        } else if next == b',' {
            self.pos += 1;
        } else {
            return Err(Declined);
        }
        Ok(true)
    }

    /// The next member's key, its value next; `None` once the object is closed. The key is
    /// the raw text between its quotes: a key with escapes is declined.
    // Inlined into each generated object check: a call costs a fifth of a key's reading.
    #[inline(always)]
    pub(crate) fn next_key(&mut self, first: &mut bool) -> Result<Option<&'de [u8]>, Declined> {
        // `,"` between members and `"` after the brace, as compact JSON has them, are taken
        // without the general steps.
        match (self.bytes().get(self.pos), *first) {
            (Some(b','), false) => self.pos += 1,
            (Some(b'"'), true) => *first = false,
            _ => {
                if !self.more(first, b'}')? {
                    return Ok(None);
                }
            }
        }
        if self.peek() != Some(b'"') {
            return Err(Declined);
        }
        let key = self.plain_string()?;
        if self.peek() != Some(b':') {
            return Err(Declined);
        }
        self.pos += 1;
        Ok(Some(key))
    }

    /// Whether an item of the array follows (`false` once the array is closed).
    #[inline]
    pub(crate) fn next_item(&mut self, first: &mut bool) -> Result<bool, Declined> {
        self.more(first, b']')
    }

    /// The raw text of the string at the cursor, which must have no escapes (they are declined).
    #[inline(always)]
    fn plain_string(&mut self) -> Result<&'de [u8], Declined> {
        let bytes = self.bytes();
        let start = self.pos + 1;
        let end = string_stop(bytes, start).ok_or(Declined)?;
        if bytes[end] != b'"' {
            return Err(Declined);
        }
        self.pos = end + 1;
        Ok(&bytes[start..end])
    }

    /// `key`, a key [`Cursor::next_key`] returned, as text.
    pub(crate) fn key_text(&self, key: &'de [u8]) -> Result<&'de str, Declined> {
        // The key is a slice of the text: where it starts is its distance from the text's start.
        let start = (key.as_ptr() as usize)
            .checked_sub(self.text.as_ptr() as usize)
            .ok_or(Declined)?;
        // Both ends are at quotes, which are character boundaries of the UTF-8 text.
        self.text.get(start..start + key.len()).ok_or(Declined)
    }

    /// The string at the cursor (its [`Kind`] was read), when it has no escapes; a string with
    /// escapes is declined.
    #[inline(always)]
    pub(crate) fn str(&mut self) -> Result<&'de str, Declined> {
        let start = self.pos + 1;
        self.plain_string()?;
        // Both ends are at quotes, which are character boundaries of the UTF-8 text.
        self.text.get(start..self.pos - 1).ok_or(Declined)
    }

    /// Skips the string at the cursor (its [`Kind`] was read), checking its escapes.
    #[inline(always)]
    pub(crate) fn skip_string(&mut self) -> Result<(), Declined> {
        let bytes = self.bytes();
        let mut at = self.pos + 1;
        loop {
            at = string_stop(bytes, at).ok_or(Declined)?;
            match bytes[at] {
                b'"' => {
                    self.pos = at + 1;
                    return Ok(());
                }
                b'\\' => at = escape(bytes, at)?.1,
                _ => return Err(Declined),
            }
        }
    }

    /// The number at the cursor (its [`Kind`] was read), when it is an integer without
    /// fraction or exponent that fits `i64`; any other number is declined.
    pub(crate) fn integer(&mut self) -> Result<i64, Declined> {
        let bytes = self.bytes();
        let negative = bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let digits = self.digits()?;
        if matches!(bytes.get(self.pos), Some(b'.' | b'e' | b'E')) || digits.len() > 18 {
            // Fractions, exponents and integers near the limits are rare: left to serde_json.
            return Err(Declined);
        }
        let mut value: i64 = 0;
        for &digit in digits {
            value = value * 10 + i64::from(digit - b'0');
        }
        match (negative, value) {
            // serde_json reads `-0` as a float.
            (true, 0) => Err(Declined),
            (true, value) => Ok(-value),
            (false, value) => Ok(value),
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

    /// Skips the boolean at the cursor (its [`Kind`] was read).
    pub(crate) fn skip_bool(&mut self) -> Result<(), Declined> {
        match self.bytes().get(self.pos) {
            Some(b't') => self.literal(b"true"),
            _ => self.literal(b"false"),
        }
    }

    /// The string at the cursor: borrowed from the text when it has no escapes, decoded into
    /// its own `String` otherwise. Anything but a string is declined.
    #[inline]
    pub(crate) fn read_str(&mut self) -> Result<Cow<'de, str>, Declined> {
        if self.peek() != Some(b'"') {
            return Err(Declined);
        }
        let bytes = self.bytes();
        let start = self.pos + 1;
        let end = string_stop(bytes, start).ok_or(Declined)?;
        if bytes[end] == b'"' {
            self.pos = end + 1;
            // Both ends are at quotes, which are character boundaries of the UTF-8 text.
            return self.text.get(start..end).map(Cow::Borrowed).ok_or(Declined);
        }
        // Room for the text before the escape and a little more: most strings with escapes are
        // short, and growing the string step by step took a tenth of a view's decoding.
        let mut text = String::with_capacity(end - start + 32);
        self.pos = unescape(self.text, start, end, &mut text)?;
        Ok(Cow::Owned(text))
    }

    /// The integer at the cursor, as [`Cursor::integer`] reads it; anything but a number is
    /// declined.
    pub(crate) fn read_i64(&mut self) -> Result<i64, Declined> {
        match self.kind()? {
            Kind::Number => self.integer(),
            _ => Err(Declined),
        }
    }

    /// The boolean at the cursor; anything else is declined.
    pub(crate) fn read_bool(&mut self) -> Result<bool, Declined> {
        match self.peek() {
            Some(b't') => self.literal(b"true").map(|()| true),
            Some(b'f') => self.literal(b"false").map(|()| false),
            _ => Err(Declined),
        }
    }

    /// The value at the cursor, decoded by `T`'s serde implementation through the fast
    /// [`Reader`], every struct in it from an object only (as `data` is decoded); declined
    /// wherever that reader, or `T`, refuses it.
    pub(crate) fn read_serde<T: Deserialize<'de>>(&mut self) -> Result<T, Declined> {
        self.with_reader(|reader| T::deserialize(Strict(reader)))
    }

    /// The value at the cursor, decoded by `seed` through the fast [`Reader`] as it stands.
    pub(crate) fn read_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, Declined> {
        self.with_reader(|reader| seed.deserialize(reader))
    }

    /// Runs `read` with a reader at the cursor, then moves the cursor to where it stopped.
    fn with_reader<T>(
        &mut self,
        read: impl FnOnce(&mut Reader<'de, '_>) -> Result<T, Declined>,
    ) -> Result<T, Declined> {
        // The reader takes a line break for white space: it would read past a line's end.
        if self.lines {
            return Err(Declined);
        }
        let mut scratch = String::new();
        let mut reader = Reader {
            text: self.text,
            pos: self.pos,
            depth: self.depth,
            scratch: &mut scratch,
        };
        let value = read(&mut reader)?;
        self.pos = reader.pos;
        Ok(value)
    }

    /// Skips one value, checking it.
    pub fn skip_value(&mut self) -> Result<(), Declined> {
        match self.kind()? {
            Kind::String => self.skip_string(),
            Kind::Object => {
                self.open()?;
                let mut first = true;
                while self.next_key_escaped(&mut first)? {
                    self.skip_value()?;
                }
                Ok(())
            }
            Kind::Array => {
                self.open()?;
                let mut first = true;
                while self.next_item(&mut first)? {
                    self.skip_value()?;
                }
                Ok(())
            }
            Kind::Number => self.skip_number(),
            Kind::Bool => self.skip_bool(),
            Kind::Null => self.literal(b"null"),
        }
    }

    /// Skips the next key of an object being skipped, escapes allowed; `false` once the
    /// object is closed.
    fn next_key_escaped(&mut self, first: &mut bool) -> Result<bool, Declined> {
        if !self.more(first, b'}')? {
            return Ok(false);
        }
        if self.peek() != Some(b'"') {
            return Err(Declined);
        }
        self.skip_string()?;
        if self.peek() != Some(b':') {
            return Err(Declined);
        }
        self.pos += 1;
        Ok(true)
    }
}
