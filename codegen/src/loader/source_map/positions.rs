//! Character indices, as the event parser counts them, turned into the byte offsets, lines and
//! columns that `yaml_serde` reports.

use super::{narrow, Packed};
use crate::lines;

/// Character indices (the event parser's) to byte offsets, lines and columns (`yaml_serde`'s).
pub(super) struct Positions<'a> {
    text: &'a str,
    ascii: bool,
    /// Character index of the start of each line after the first, breaking lines where libyaml
    /// does: at `\r\n`, `\r`, `\n`, U+0085, U+2028 and U+2029.
    yaml_line_starts: Vec<u32>,
    /// The last conversion, `(character index, byte offset)`: events come nearly in order.
    cursor: (usize, usize),
}

impl<'a> Positions<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let mut yaml_line_starts = Vec::new();
        let mut chars = text.chars().enumerate().peekable();
        while let Some((index, c)) = chars.next() {
            if lines::ends_line(c, chars.peek().map(|&(_, next)| next)) {
                yaml_line_starts.push(narrow(index + 1));
            }
        }
        Positions {
            text,
            ascii: text.is_ascii(),
            yaml_line_starts,
            cursor: (0, 0),
        }
    }

    /// The byte offset of character `index`, walking from the last one converted.
    pub(super) fn byte(&mut self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.text.len());
        }
        let (mut at, mut byte) = self.cursor;
        if index >= at {
            for c in self.text[byte..].chars() {
                if at == index {
                    break;
                }
                at += 1;
                byte += c.len_utf8();
            }
        } else {
            for c in self.text[..byte].chars().rev() {
                at -= 1;
                byte -= c.len_utf8();
                if at == index {
                    break;
                }
            }
        }
        self.cursor = (at, byte);
        byte
    }

    /// Whether the collection whose start event spans characters `start..end` is in flow
    /// style: past its anchor and tag, its token is a `[` or `{` inside the span (a block
    /// collection's token is empty, at its first key or `-`).
    pub(super) fn opens_flow(&mut self, start: usize, end: usize) -> bool {
        let byte = self.byte(start);
        let (mut in_property, mut in_comment) = (false, false);
        for (at, c) in (start..).zip(self.text[byte..].chars()) {
            if at >= end {
                return false;
            }
            match c {
                c if lines::is_break(c) => {
                    (in_property, in_comment) = (false, false);
                }
                ' ' | '\t' => in_property = false,
                _ if in_property || in_comment => {}
                '&' | '!' => in_property = true,
                '#' => in_comment = true,
                '[' | '{' => return true,
                _ => return false,
            }
        }
        false
    }

    /// Past the closing quote of the quoted scalar whose event starts at character `start`
    /// (at its quote, or at its anchor or tag).
    pub(super) fn quoted_end(&mut self, start: usize, double: bool) -> Option<usize> {
        let quote = if double { '"' } else { '\'' };
        let byte = self.byte(start);
        let mut chars = self.text[byte..].chars().peekable();
        let mut at = start;
        // Anchor, tag and the white space after them, up to the opening quote.
        loop {
            let c = chars.next()?;
            at += 1;
            if c == quote {
                break;
            }
        }
        while let Some(c) = chars.next() {
            at += 1;
            match c {
                '\\' if double => {
                    chars.next()?;
                    at += 1;
                }
                '\'' if !double && chars.peek() == Some(&'\'') => {
                    chars.next();
                    at += 1;
                }
                _ if c == quote => return Some(at),
                _ => {}
            }
        }
        None
    }

    pub(super) fn char_at(&mut self, index: usize) -> Option<char> {
        let byte = self.byte(index);
        self.text[byte..].chars().next()
    }

    /// The span from character `start` to character `end`.
    pub(super) fn span(&mut self, start: usize, end: usize) -> Packed {
        let start_index = narrow(start);
        let line = self
            .yaml_line_starts
            .partition_point(|&line_start| line_start <= start_index);
        // libyaml counts a byte order mark as the first line's first column.
        let line_start = match line {
            0 => 0,
            _ => self.yaml_line_starts[line - 1],
        };
        let start_byte = self.byte(start);
        let end_byte = self.byte(end.max(start));
        Packed {
            line: narrow(line + 1),
            column: start_index.saturating_sub(line_start) + 1,
            start: narrow(start_byte),
            end: narrow(end_byte),
        }
    }

    /// Where the `-` is that character `index` follows, with only blanks between them.
    pub(super) fn back_to_dash(&mut self, index: usize) -> Option<usize> {
        let byte = self.byte(index);
        let mut at = index;
        for c in self.text[..byte].chars().rev() {
            at = at.checked_sub(1)?;
            match c {
                ' ' | '\t' => {}
                '-' => return Some(at),
                _ => return None,
            }
        }
        None
    }

    /// The index of the `|` or `>` header of a block scalar, the first past character `index`
    /// with only indicators, white space and comments before it.
    pub(super) fn block_scalar_header(&mut self, index: usize) -> Option<usize> {
        let byte = self.byte(index);
        let mut in_comment = false;
        for (at, c) in (index..).zip(self.text[byte..].chars()) {
            match c {
                c if lines::is_break(c) => in_comment = false,
                _ if in_comment => {}
                '|' | '>' => return Some(at),
                ' ' | '\t' | ':' | '-' | '?' => {}
                '#' => in_comment = true,
                _ => return None,
            }
        }
        None
    }

    /// `end` moved back past trailing white space and line breaks, down to `start` (bytes).
    pub(super) fn trim_end(&self, start: u32, end: u32) -> u32 {
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
            return end;
        };
        self.text
            .get(start..end)
            .map_or(narrow(end), |node| narrow(start + node.trim_end().len()))
    }

    /// The index of the first character at or after `index` that is not white space, a line
    /// break or part of a comment: where libyaml's next token starts.
    pub(super) fn next_token(&mut self, index: usize) -> usize {
        let byte = self.byte(index);
        let mut at = index;
        let mut in_comment = false;
        for c in self.text[byte..].chars() {
            match c {
                c if lines::is_break(c) => in_comment = false,
                ' ' | '\t' => {}
                '#' => in_comment = true,
                _ if in_comment => {}
                _ => break,
            }
            at += 1;
        }
        at
    }
}
