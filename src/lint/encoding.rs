//! A document's bytes to text: its byte order mark, else its XML declaration's `encoding`, says
//! how (XML 1.0, appendix F).
//!
//! - A byte order mark wins: UTF-8 (`EF BB BF`), UTF-16 little-endian (`FF FE`) or big-endian
//!   (`FE FF`). Without one, a document that starts with `<?` in UTF-16 (`3C 00 3F 00` or
//!   `00 3C 00 3F`) is UTF-16 of that order.
//! - Otherwise the declaration's `encoding` names it, read in ASCII: any label of the WHATWG
//!   Encoding Standard (`windows-1252`, `UTF-8`, `Shift_JIS`, ...) is decoded with
//!   `encoding_rs`, except the labels of ISO-8859-1 (`ISO-8859-1`, `latin1`, `l1`, ...), which
//!   are decoded as what they say, each byte its own code point (the Encoding Standard would
//!   read them as windows-1252, which differs in 0x80 to 0x9F). No declaration, or no
//!   `encoding` in it, is UTF-8.
//!
//! Every character of the text is one character of the document, so lines and columns
//! (counted in characters) are the document's own. Bytes that are not valid in the encoding
//! are an error located at the first of them.

use std::borrow::Cow;

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why a document could not be decoded, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecodeError {
    /// The text decoded before the problem: its end is where the problem is.
    pub(crate) before: String,
    /// What is wrong, for people.
    pub(crate) message: String,
}

/// The labels of ISO-8859-1 (IANA's names and aliases), which are decoded byte for byte.
const LATIN_1: &[&str] = &[
    "iso-8859-1",
    "iso_8859-1",
    "iso_8859-1:1987",
    "iso-ir-100",
    "latin1",
    "l1",
    "ibm819",
    "cp819",
    "csisolatin1",
    "iso8859-1",
    "iso88591",
];

/// The text of a document.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf_8(rest);
    }
    if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(DecodeError {
            before: String::new(),
            message: "UTF-32 is not supported (save the file as UTF-8)".to_owned(),
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return with(UTF_16LE, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return with(UTF_16BE, rest);
    }
    if bytes.starts_with(b"<\x00?\x00") {
        return with(UTF_16LE, bytes);
    }
    if bytes.starts_with(b"\x00<\x00?") {
        return with(UTF_16BE, bytes);
    }
    let Some(label) = declared_encoding(bytes) else {
        return utf_8(bytes);
    };
    let lower = label.to_ascii_lowercase();
    if LATIN_1.contains(&lower.as_str()) {
        return Ok(Cow::Owned(bytes.iter().copied().map(char::from).collect()));
    }
    match Encoding::for_label_no_replacement(label.as_bytes()) {
        // The declaration was read in ASCII, so the bytes are not UTF-16 whatever it says.
        Some(encoding) if encoding == UTF_8 || encoding == UTF_16LE || encoding == UTF_16BE => {
            utf_8(bytes)
        }
        Some(encoding) => with(encoding, bytes),
        None => Err(DecodeError {
            before: String::new(),
            message: format!(
                "the XML declaration names the encoding `{label}`, which is not one this \
                 linter knows (UTF-8, UTF-16, ISO-8859-1, windows-1252 and the other \
                 encodings of the WHATWG Encoding Standard are)"
            ),
        }),
    }
}

/// `bytes` as UTF-8, or where they stop being UTF-8.
fn utf_8(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let byte = bytes.get(error.valid_up_to()).copied().unwrap_or(0);
            Err(DecodeError {
                before: String::from_utf8_lossy(valid).into_owned(),
                message: format!(
                    "not UTF-8: byte 0x{byte:02X} is not valid here (declare the file's \
                     encoding in its XML declaration, or save it as UTF-8)"
                ),
            })
        }
    }
}

/// `bytes` decoded with `encoding`, no byte order mark expected.
fn with(encoding: &'static Encoding, bytes: &[u8]) -> Result<Cow<'static, str>, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let (result, _read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(Cow::Owned(text)),
        DecoderResult::Malformed(length, _) => Err(DecodeError {
            before: text,
            message: format!(
                "not {}: {length} byte{} here cannot be decoded",
                encoding.name(),
                if length == 1 { "" } else { "s" }
            ),
        }),
        // The buffer is as long as any decoding can be: not reached.
        DecoderResult::OutputFull => Err(DecodeError {
            before: text,
            message: format!("not {}: the text could not be decoded", encoding.name()),
        }),
    }
}

/// The `encoding` of the XML declaration at the very start of `bytes`, if there is one.
fn declared_encoding(bytes: &[u8]) -> Option<&str> {
    let rest = bytes.strip_prefix(b"<?xml")?;
    if !rest.first().is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    let end = rest.windows(2).take(1024).position(|pair| pair == b"?>")?;
    let declaration = std::str::from_utf8(&rest[..end]).ok()?;
    let at = declaration.find("encoding")?;
    let after = declaration[at + "encoding".len()..].trim_start();
    let after = after.strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &after[1..];
    let close = value.find(quote)?;
    Some(value[..close].trim())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes).unwrap().into_owned()
    }

    #[test]
    fn byte_order_marks_win() {
        assert_eq!(text(b"\xEF\xBB\xBF<a/>"), "<a/>");
        assert_eq!(text(b"\xFF\xFE<\x00a\x00/\x00>\x00"), "<a/>");
        assert_eq!(text(b"\xFE\xFF\x00<\x00a\x00/\x00>"), "<a/>");
        assert_eq!(text(b"<\x00?\x00x\x00"), "<?x");
        assert_eq!(text(b"\x00<\x00?\x00x"), "<?x");
        // A BOM over a declaration that says otherwise.
        assert_eq!(
            text(b"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\xC3\xA9"),
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>é"
        );
        assert!(decode(b"\xFF\xFE\x00\x00<").is_err());
    }

    #[test]
    fn declarations_name_the_encoding() {
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a b=\"\xE7\xE3o\x80\"/>";
        assert!(text(latin).ends_with("<a b=\"ção\u{80}\"/>"));
        let cp1252 = b"<?xml version='1.0' encoding='windows-1252' ?><a b=\"\x80\x93\"/>";
        assert!(text(cp1252).ends_with("<a b=\"€“\"/>"));
        let utf8 = "<?xml version=\"1.0\" encoding=\"utf-8\"?><a b=\"é\"/>";
        assert_eq!(text(utf8.as_bytes()), utf8);
        assert_eq!(text(b"<a/>"), "<a/>");
        // UTF-16 declared in an ASCII file: the bytes say UTF-8.
        assert_eq!(
            text(b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"),
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"
        );
        let unknown = decode(b"<?xml version=\"1.0\" encoding=\"klingon\"?><a/>").unwrap_err();
        assert!(unknown.message.contains("`klingon`"), "{}", unknown.message);
        assert_eq!(declared_encoding(b"<?xml encoding = 'x' ?>"), Some("x"));
        assert_eq!(declared_encoding(b"<?xmlfoo encoding='x'?>"), None);
        assert_eq!(declared_encoding(b"<?xml version='1.0'?>"), None);
        assert_eq!(declared_encoding(b"<?xml encoding='x"), None);
    }

    #[test]
    fn errors_are_located() {
        let error = decode(b"<a>\n caf\xE9</a>").unwrap_err();
        assert_eq!(error.before, "<a>\n caf");
        assert!(error.message.starts_with("not UTF-8: byte 0xE9"));
        let error = decode(b"\xFF\xFE<\x00a\x00\x00\xDC").unwrap_err();
        assert_eq!(error.before, "<a");
        assert!(
            error.message.starts_with("not UTF-16LE"),
            "{}",
            error.message
        );
        let shift_jis = b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a>\x82\xa0\x82</a>";
        let error = decode(shift_jis).unwrap_err();
        assert!(error.before.ends_with("<a>\u{3042}"), "{:?}", error.before);
    }
}
