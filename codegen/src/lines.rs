//! Lines as YAML breaks them: at `\r\n`, `\r`, `\n`, U+0085, U+2028 and U+2029, the six breaks
//! libyaml counts. Every line and column of a position in a spec file, and every source line a
//! snippet shows, is counted by these functions, so that a problem found by the YAML reader, by
//! the source map and by the checker points at the same place and shows the same line.

use std::ops::Range;

/// Whether `c` may break a line.
pub(crate) fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether a line ends at `c` when `next` follows it: `\r` before `\n` does not, since the pair
/// is one break, which ends at its `\n`.
pub(crate) fn ends_line(c: char, next: Option<char>) -> bool {
    is_break(c) && !(c == '\r' && next == Some('\n'))
}

/// The byte range of each line break of `text`, in order; `\r\n` is one break of two bytes.
pub(crate) fn breaks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            if !is_break(c) {
                continue;
            }
            if c == '\r' && chars.next_if(|&(_, next)| next == '\n').is_some() {
                return Some(at..at + 2);
            }
            return Some(at..at + c.len_utf8());
        }
        None
    })
}

/// The lines of `text` without their breaks; like [`str::lines`], no empty line after a final
/// break.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    let mut breaks = breaks(text);
    std::iter::from_fn(move || match breaks.next() {
        Some(line_break) => {
            let line = &text[start..line_break.start];
            start = line_break.end;
            Some(line)
        }
        None if start < text.len() => {
            let line = &text[start..];
            start = text.len();
            Some(line)
        }
        None => None,
    })
}

/// The byte range, without its break, of the line byte offset `at` is on. An offset inside a
/// line's break belongs to that line.
///
/// It reads only that line and its neighbourhood (back from `at` to the break before it, then
/// on to the break after it), not the text before it: every located problem of a file asks for
/// its line, and reading the file from its start for each made `check` quadratic in problems.
pub(crate) fn line_around(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let start = line_start_before(text, at);
    let end = breaks(&text[start..])
        .next()
        .map_or(text.len(), |line_break| start + line_break.start);
    start..end.max(start)
}

/// The end of the last line break that ends at or before byte offset `at` (0 when none does).
/// `at` is moved back to a character boundary first.
fn line_start_before(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    for (position, c) in text[..at].char_indices().rev() {
        if !is_break(c) {
            continue;
        }
        // A `\r` whose `\n` is at or past `at`: the break `\r\n` ends after `at`.
        if c == '\r' && text[position + 1..].starts_with('\n') && position + 2 > at {
            continue;
        }
        return position + c.len_utf8();
    }
    0
}

/// The byte offset where 1-based line `line` of `text` starts; the end of `text` past its last.
pub(crate) fn line_start(text: &str, line: usize) -> usize {
    match line.checked_sub(2) {
        None => 0,
        Some(breaks_before) => breaks(text)
            .nth(breaks_before)
            .map_or(text.len(), |line_break| line_break.end),
    }
}

/// The 1-based line and column (in characters) just past the end of `text`.
pub(crate) fn end_position(text: &str) -> (usize, usize) {
    let (mut line, mut last_start) = (1, 0);
    for line_break in breaks(text) {
        (line, last_start) = (line + 1, line_break.end);
    }
    (line, text[last_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &str = "a\r\nbé\rc\nd\u{2028}e\u{85}f";

    #[test]
    fn every_yaml_break_ends_a_line_and_crlf_is_one() {
        let found: Vec<_> = breaks(MIXED).map(|b| &MIXED[b]).collect();
        assert_eq!(found, ["\r\n", "\r", "\n", "\u{2028}", "\u{85}"]);
        assert_eq!(
            lines(MIXED).collect::<Vec<_>>(),
            ["a", "bé", "c", "d", "e", "f"]
        );
        assert_eq!(lines("x\n").collect::<Vec<_>>(), ["x"]);
        assert_eq!(lines("").count(), 0);
        assert!(ends_line('\r', None) && !ends_line('\r', Some('\n')) && !ends_line('x', None));
    }

    #[test]
    fn line_around_and_line_start_agree() {
        for (number, line) in lines(MIXED).enumerate() {
            let start = line_start(MIXED, number + 1);
            assert_eq!(&MIXED[line_around(MIXED, start)], line);
        }
        // Inside `\r\n` is still the first line; past the text is its last line.
        assert_eq!(line_around(MIXED, 2), 0..1);
        assert_eq!(&MIXED[line_around(MIXED, MIXED.len())], "f");
        assert_eq!(line_start(MIXED, 99), MIXED.len());
    }

    /// `line_around` as it was first written: a scan of every break from the start.
    fn line_around_from_start(text: &str, at: usize) -> Range<usize> {
        let mut start = 0;
        for line_break in breaks(text) {
            if line_break.end <= at {
                start = line_break.end;
            } else {
                return start..line_break.start.max(start);
            }
        }
        start..text.len()
    }

    #[test]
    fn line_around_reads_only_the_line_and_agrees_with_a_scan_from_the_start() {
        for text in [
            MIXED,
            "",
            "\n",
            "\r\n\r\n",
            "x\r",
            "\r\rx\n\u{2029}",
            "é\u{85}\u{85}é",
        ] {
            for at in (0..=text.len()).filter(|at| text.is_char_boundary(*at)) {
                assert_eq!(
                    line_around(text, at),
                    line_around_from_start(text, at),
                    "{text:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn the_end_is_counted_in_characters_after_the_last_break() {
        assert_eq!(end_position(""), (1, 1));
        assert_eq!(end_position("ab"), (1, 3));
        assert_eq!(end_position("a\r\n"), (2, 1));
        assert_eq!(end_position(MIXED), (6, 2));
        assert_eq!(end_position("x\u{2028}é"), (2, 2));
    }
}
