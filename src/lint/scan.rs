//! Text work below the XML parser: raw markup decoded with every byte's position kept, and
//! byte offsets turned into lines and columns.

/// Where raw markup comes from, which decides how the parser normalised it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    /// An attribute value: tabs and line ends become spaces.
    Attribute,
    /// Element content: CDATA sections are taken as they are, and line ends become `\n`.
    Content,
}

/// Text decoded from raw markup (character and entity references, CDATA sections, line ends),
/// with the offset in the source of every byte of the decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    offsets: Vec<usize>,
    end: usize,
}

impl Decoded {
    /// The text the parser gives (`parsed`), with positions from `raw`, its markup starting at
    /// byte `base` of the source. When decoding `raw` does not give `parsed` (an entity the
    /// document's DTD defines, or markup not where the parser said), every byte of `parsed` is
    /// placed at `base`.
    pub(crate) fn new(raw: Option<&str>, base: usize, markup: Markup, parsed: &str) -> Decoded {
        if let Some(raw) = raw {
            let decoded = Decoded::decode(raw, base, markup);
            if decoded.text == parsed {
                return decoded;
            }
        }
        Decoded {
            text: parsed.to_owned(),
            offsets: vec![base; parsed.len()],
            end: base,
        }
    }

    /// Decodes `raw`, which starts at byte `base` of the source, as the XML parser does.
    pub(crate) fn decode(raw: &str, base: usize, markup: Markup) -> Decoded {
        let mut decoded = Decoded {
            text: String::with_capacity(raw.len()),
            offsets: Vec::with_capacity(raw.len()),
            end: base + raw.len(),
        };
        let line_end = match markup {
            Markup::Attribute => ' ',
            Markup::Content => '\n',
        };
        let mut at = 0;
        let mut in_cdata = false;
        while let Some(tail) = raw.get(at..) {
            if in_cdata {
                if tail.starts_with("]]>") {
                    in_cdata = false;
                    at += "]]>".len();
                    continue;
                }
            } else if markup == Markup::Content && tail.starts_with("<![CDATA[") {
                in_cdata = true;
                at += "<![CDATA[".len();
                continue;
            } else if let Some((c, length)) = reference(tail) {
                decoded.push(c, base + at);
                at += length;
                continue;
            }
            let Some(c) = tail.chars().next() else {
                break;
            };
            match c {
                '\r' => {
                    decoded.push(line_end, base + at);
                    at += if tail.starts_with("\r\n") { 2 } else { 1 };
                    continue;
                }
                '\n' | '\t' if markup == Markup::Attribute && !in_cdata => {
                    decoded.push(' ', base + at)
                }
                _ => decoded.push(c, base + at),
            }
            at += c.len_utf8();
        }
        decoded
    }

    fn push(&mut self, c: char, offset: usize) {
        self.text.push(c);
        self.offsets.resize(self.text.len(), offset);
    }

    /// The source offset of byte `at` of the decoded text (its end for `at` past the end).
    pub(crate) fn source_offset(&self, at: usize) -> usize {
        self.offsets.get(at).copied().unwrap_or(self.end)
    }
}

/// A character or predefined entity reference at the start of `text`: its character and length.
fn reference(text: &str) -> Option<(char, usize)> {
    let body = text.strip_prefix('&')?;
    let semicolon = body
        .char_indices()
        .take(12)
        .find(|(_, c)| *c == ';')
        .map(|(at, _)| at)?;
    let name = &body[..semicolon];
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, semicolon + 2))
}

/// The local name of the root element of an XML document (after its declaration, comments,
/// processing instructions and document type declaration), if the prolog is well-formed
/// enough to find it.
pub(crate) fn root_name(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            rest = &after[after.find("?>")? + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if let Some(after) = rest.strip_prefix("<!DOCTYPE") {
            let close = after.find('>')?;
            let end = match after[..close].find('[') {
                Some(open) => {
                    let bracket = open + after[open..].find(']')?;
                    bracket + after[bracket..].find('>')?
                }
                None => close,
            };
            rest = &after[end + 1..];
        } else {
            let name = rest.strip_prefix('<')?;
            let end = name
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(name.len());
            let name = &name[..end];
            return Some(name.rsplit(':').next().unwrap_or(name));
        }
    }
}

/// Turns byte offsets of a source into 1-based lines and columns (columns in characters, as
/// the XML parser counts them).
pub(crate) struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Lines end where XML 1.0 ends them (section 2.11): at `\r\n`, `\n` and a lone `\r`, as
    /// editors and SARIF viewers count them too.
    pub(crate) fn new(source: &'a str) -> Self {
        let bytes = source.as_bytes();
        let starts = std::iter::once(0)
            .chain(
                source
                    .match_indices(['\r', '\n'])
                    .filter(|&(at, end)| end == "\n" || bytes.get(at + 1) != Some(&b'\n'))
                    .map(|(at, _)| at + 1),
            )
            .collect();
        LineIndex { source, starts }
    }

    /// The line and column of byte `offset` (clamped into the source).
    pub(crate) fn position(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|start| *start <= offset);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let text = &self.source[start..offset];
        let column = text.trim_start_matches('\u{feff}').chars().count() + 1;
        (saturate(line), saturate(column))
    }

    /// The position of what is at 1-based `row` and character `column` as counted by a reader
    /// that ends lines at `\n` alone (roxmltree's error positions).
    pub(crate) fn position_of_lf_row(&self, row: u32, column: u32) -> (u32, u32) {
        let row = usize::try_from(row).unwrap_or(usize::MAX);
        let row_start = match row.checked_sub(2) {
            None => 0,
            Some(breaks) => self
                .source
                .match_indices('\n')
                .nth(breaks)
                .map_or(self.source.len(), |(at, _)| at + 1),
        };
        let skip = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
        let offset = self.source[row_start..]
            .char_indices()
            .nth(skip)
            .map_or(self.source.len(), |(at, _)| row_start + at);
        self.position(offset)
    }

    /// The position just past the end of the source.
    pub(crate) fn end(&self) -> (u32, u32) {
        self.position(self.source.len())
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn decodes_with_offsets() {
        let decoded = Decoded::decode("a &amp;&amp; _event.data.x", 10, Markup::Attribute);
        assert_eq!(decoded.text, "a && _event.data.x");
        assert_eq!(decoded.source_offset(0), 10);
        assert_eq!(decoded.source_offset(2), 12);
        assert_eq!(decoded.source_offset(3), 17);
        assert_eq!(decoded.source_offset(5), 23);
        assert_eq!(decoded.source_offset(100), 36);
        let decoded = Decoded::decode(
            "x<![CDATA[ a < b ]]>y&#x41;&#66;&bogus;",
            0,
            Markup::Content,
        );
        assert_eq!(decoded.text, "x a < b yAB&bogus;");
        assert_eq!(decoded.source_offset(1), 10);
        assert_eq!(decoded.source_offset(8), 20);
        assert_eq!(decoded.source_offset(9), 21);
        assert_eq!(decoded.source_offset(10), 27);
        let open = Decoded::decode("<![CDATA[ab", 0, Markup::Content);
        assert_eq!(open.text, "ab");
        let multibyte = Decoded::decode("é&lt;", 0, Markup::Attribute);
        assert_eq!(multibyte.text, "é<");
        assert_eq!(multibyte.source_offset(2), 2);
        let lines = Decoded::decode("a\r\nb\tc&#10;d\re", 0, Markup::Attribute);
        assert_eq!(lines.text, "a b c\nd e");
        assert_eq!(lines.source_offset(2), 3);
        let lines = Decoded::decode("a\r\nb\t<![CDATA[\r\n]]>", 0, Markup::Content);
        assert_eq!(lines.text, "a\nb\t\n");
        let fallback = Decoded::new(Some("&e;"), 7, Markup::Content, "expanded");
        assert_eq!(fallback.text, "expanded");
        assert_eq!(fallback.source_offset(3), 7);
        assert_eq!(fallback.source_offset(30), 7);
        for text in [
            "&",
            "&#;",
            "&#x;",
            "&#xFFFFFFFFF;",
            "&#55296;",
            "&lt",
            "<![CDATA[",
        ] {
            let _ = Decoded::decode(text, 0, Markup::Content);
            let _ = Decoded::decode(text, 0, Markup::Attribute);
        }
    }

    #[test]
    fn root_names() {
        assert_eq!(root_name("<scxml/>"), Some("scxml"));
        assert_eq!(
            root_name("\u{feff}<?xml version='1.0'?>\n<!-- c -->\n<sc:scxml xmlns:sc='x'>"),
            Some("scxml")
        );
        assert_eq!(
            root_name("<!DOCTYPE scxml [<!ENTITY a 'b'>]>\n<scxml>"),
            Some("scxml")
        );
        assert_eq!(root_name("<!DOCTYPE project>\n<project>"), Some("project"));
        assert_eq!(root_name("<?xml version='1.0'?><beans>"), Some("beans"));
        assert_eq!(root_name("<!-- open"), None);
        assert_eq!(root_name("text"), None);
    }

    #[test]
    fn lines_and_columns() {
        let source = "ab\ncé\r\nx";
        let index = LineIndex::new(source);
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(2), (1, 3));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(4), (2, 2));
        assert_eq!(index.position(5), (2, 2));
        assert_eq!(index.position(6), (2, 3));
        assert_eq!(index.position(8), (3, 1));
        assert_eq!(index.position(9), (3, 2));
        assert_eq!(index.position(999), (3, 2));
        assert_eq!(LineIndex::new("\u{feff}<a/>").position(3), (1, 1));
    }
}
