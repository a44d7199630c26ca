//! What the fuzz targets of ors-events share: the properties they assert, and the generators of
//! structured input (spec YAML from the spec's shapes, SCXML from a small grammar, mutations of
//! valid event envelopes).
//!
//! Each target in `fuzz_targets/` reads its first byte as a mode: raw bytes, or structured input
//! built from the rest with [`arbitrary`]. A target fails (panics) only when a property below
//! does not hold, never merely because an input is rejected.
#![forbid(unsafe_code)]

pub mod envelope;
pub mod scxml;
pub mod spec_yaml;

pub use libfuzzer_sys::arbitrary;

/// Whether the 1-based `line` and `column` lie inside `text`: a line the text has (lines end
/// where XML 1.0 ends them, at `\r\n`, `\r` and `\n`), and a column from the line's first
/// character to just past its last one (where an unexpected end is reported).
pub fn inside(text: &str, line: usize, column: usize) -> bool {
    inside_lines(split_lines(text, &['\r', '\n']).into_iter(), line, column)
}

/// As [`inside`], with lines broken where YAML (libyaml, and so the spec loader) breaks them:
/// at `\r\n`, `\r`, `\n`, U+0085, U+2028 and U+2029.
pub fn inside_yaml(text: &str, line: usize, column: usize) -> bool {
    let breaks = ['\r', '\n', '\u{85}', '\u{2028}', '\u{2029}'];
    inside_lines(split_lines(text, &breaks).into_iter(), line, column)
}

/// The lines of `text`, broken at any of `breaks` (`\r\n` is one break).
fn split_lines<'t>(text: &'t str, breaks: &[char]) -> Vec<&'t str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(breaks) {
        lines.push(&rest[..at]);
        let width = if rest[at..].starts_with("\r\n") {
            2
        } else {
            rest[at..].chars().next().map_or(1, char::len_utf8)
        };
        rest = &rest[at + width..];
    }
    lines.push(rest);
    lines
}

fn inside_lines<'t>(mut lines: impl Iterator<Item = &'t str>, line: usize, column: usize) -> bool {
    if line == 0 || column == 0 {
        return false;
    }
    lines
        .nth(line - 1)
        .is_some_and(|found| column <= found.chars().count() + 1)
}

/// The text positions are counted in for `bytes`: the bytes themselves when they are UTF-8, else
/// the valid part before the first bad byte, where every position must lie.
pub fn text_of(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default(),
    }
}

/// Splits a fuzz input into its mode (the first byte, modulo `modes`) and the rest.
pub fn mode(data: &[u8], modes: u8) -> Option<(u8, &[u8])> {
    let (first, rest) = data.split_first()?;
    Some((first % modes, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_inside_and_outside() {
        let text = "ab\ncdé\n";
        assert!(inside(text, 1, 1) && inside(text, 1, 3) && inside(text, 2, 4));
        assert!(
            inside(text, 3, 1),
            "the end of the file, after the last line end"
        );
        assert!(!inside(text, 0, 1) && !inside(text, 1, 0));
        assert!(!inside(text, 1, 4) && !inside(text, 2, 5) && !inside(text, 4, 1));
    }

    #[test]
    fn yaml_breaks_lines_at_every_line_break() {
        let text = "a\rbc\r\nd\u{2028}é";
        assert!(inside_yaml(text, 2, 3) && inside_yaml(text, 3, 2) && inside_yaml(text, 4, 2));
        assert!(!inside_yaml(text, 5, 1) && !inside_yaml(text, 1, 3));
        assert!(!inside(text, 3, 1), "two lines for `\\n` alone");
    }
}
