//! Located problems in a spec: a typed code ([`SpecCode`]), where (a byte range of a file, with
//! the line it is on), what is wrong, how to fix it, and the related places ("first defined
//! here").
//!
//! [`Diagnostics`] renders them as rustc does, with `annotate-snippets` ([`Diagnostics::render`];
//! `Display` is the plain form), or as JSON Lines for editors and CI ([`Diagnostics::to_json_lines`]).

use std::fmt;

pub use crate::codes::{Severity, SpecCode};
use crate::lines;

#[cfg(feature = "generator")]
mod json;
mod render;

/// A position in a spec file, 1-based, as editors count.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file, relative to the spec directory's parent when possible (`spec/voice.yaml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// The bytes a diagnostic points at, with the source line they start on, for the snippet.
///
/// A range over several lines (a whole mapping, say) is cut at the end of its first line: that
/// line is what the snippet shows, and what the byte range says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first byte pointed at, in the file's text.
    pub start: usize,
    /// Byte offset just past the last byte pointed at; `start` for a point (an empty value).
    pub end: usize,
    /// The line `start` is on, without its line break.
    pub line_text: String,
    /// Byte offset of `line_text` in the file's text.
    pub line_start: usize,
}

impl Span {
    /// The span of `start..end` of `text`, cut at the end of `start`'s line. Offsets past the
    /// text or inside a character are moved back to the nearest character boundary.
    pub fn in_text(text: &str, start: usize, end: usize) -> Span {
        let start = floor_boundary(text, start.min(text.len()));
        let line = lines::line_around(text, start);
        // A start on the line break itself points just past the line's last character.
        let start = start.min(line.end);
        let end = floor_boundary(text, end.clamp(start, line.end));
        // A range that runs to the end of the line ends at its last non-blank character.
        let end = start + text[start..end].trim_end().len();
        Span {
            start,
            end,
            line_text: text[line.clone()].to_owned(),
            line_start: line.start,
        }
    }

    /// The span that starts at 1-based `line` and character `column` of `text` and covers
    /// `token` when the text there starts with it, else one character (none at a line's end).
    pub fn at(text: &str, line: usize, column: usize, token: Option<&str>) -> Span {
        let line_start = lines::line_start(text, line);
        let line_len = lines::line_around(text, line_start).end - line_start;
        let rest = &text[line_start..];
        let column_byte = rest[..line_len]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_len, |(at, _)| at);
        let start = line_start + column_byte;
        let width = match token {
            Some(token) if !token.is_empty() && text[start..].starts_with(token) => token.len(),
            _ => text[start..].chars().next().map_or(0, char::len_utf8),
        };
        Span::in_text(text, start, start + width)
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Another place a diagnostic is about, shown as a secondary, labelled snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// What this place is to the problem: `first defined here`.
    pub label: String,
    /// Where it is.
    pub location: Location,
    /// Its bytes and line, when the source is at hand.
    pub span: Option<Span>,
}

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable code; tests and scripts match on its name (`unknown-type`).
    pub code: SpecCode,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where it is wrong; `None` for a problem that is not at a place in a file, such as a
    /// directory that cannot be read.
    pub location: Option<Location>,
    /// The bytes at `location` and their line, for the snippet, when the source is at hand.
    pub span: Option<Span>,
    /// How to fix it, when there is something useful to say.
    pub help: Option<String>,
    /// Other places the problem involves, such as an earlier definition of the same name.
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// A diagnostic at `location`, without snippet, help or related places.
    pub fn new(code: SpecCode, message: impl Into<String>, location: Location) -> Self {
        Diagnostic {
            location: Some(location),
            ..Diagnostic::unlocated(code, message)
        }
    }

    /// A diagnostic that is not at a place in a file (an I/O error).
    pub fn unlocated(code: SpecCode, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            location: None,
            span: None,
            help: None,
            related: Vec::new(),
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds the snippet: the bytes at the location and their line.
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Adds a related place.
    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    /// How severe the problem is: its code's severity.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render::render(self, false))
    }
}

/// Every problem found, in file and position order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems were found.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Sorts by location (problems without one first), then code and message, and drops exact
    /// duplicates.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.location, a.code, &a.message).cmp(&(&b.location, b.code, &b.message))
        });
        self.0.dedup();
    }

    /// Every problem as rustc renders one, a blank line after each, then the count; with ANSI
    /// colours when `color` is set. `Display` is `render(false)`.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for diagnostic in &self.0 {
            out.push_str(&render::render(diagnostic, color));
            out.push_str("\n\n");
        }
        let count = self.0.len();
        out.push_str(&format!(
            "{count} problem{} found in the spec",
            if count == 1 { "" } else { "s" }
        ));
        out
    }

    /// Every problem as one JSON object per line (JSON Lines), in order: `code`, `severity`,
    /// `message`, `help`, `file`, `line`, `column`, `start`, `end` (byte offsets in the file)
    /// and `related` (objects with `label`, `file`, `line`, `column`, `start`, `end`). Absent
    /// values are `null`.
    #[cfg(feature = "generator")]
    #[cfg_attr(docsrs, doc(cfg(feature = "generator")))]
    pub fn to_json_lines(&self) -> String {
        self.0.iter().map(|d| json::line(d) + "\n").collect()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostics {}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(mut list: Vec<Diagnostic>) -> Self {
        let mut diagnostics = Diagnostics(std::mem::take(&mut list));
        diagnostics.sort();
        diagnostics
    }
}

#[cfg(test)]
mod tests;
