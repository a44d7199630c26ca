//! The text model of the docs: every piece of spec text split into plain text and code spans
//! ([`Span`]) and rendered once for each output ([`Text`]), with the cleaning and escaping that
//! make it safe there.
//!
//! Markdown plain text has every character CommonMark could read as markup backslash-escaped,
//! and a block marker at the start of a line too; a code span gets a fence longer than any
//! backtick run inside it. The HTML template reads the spans and escapes them itself.

/// Where a heading can be linked: its Markdown slug and its HTML id.
#[derive(Debug, Clone, Default)]
pub(super) struct Anchor {
    pub(super) md: String,
    pub(super) html: String,
}

/// A piece of text: plain, or a code span, which may link somewhere.
#[derive(Debug, Clone)]
pub(super) struct Span {
    pub(super) code: bool,
    pub(super) text: String,
    pub(super) link: Option<Anchor>,
}

impl Span {
    pub(super) fn plain(text: impl Into<String>) -> Span {
        Span {
            code: false,
            text: text.into(),
            link: None,
        }
    }

    pub(super) fn code(text: impl Into<String>) -> Span {
        Span {
            code: true,
            text: text.into(),
            link: None,
        }
    }

    pub(super) fn linked(mut self, anchor: Option<&Anchor>) -> Span {
        self.link = anchor.cloned();
        self
    }
}

/// Text ready for both outputs: `md` for Markdown paragraphs and list items, `cell` for a
/// Markdown table cell, `spans` for the HTML template (which escapes them).
#[derive(Debug, Clone, Default)]
pub(super) struct Text {
    pub(super) md: String,
    pub(super) cell: String,
    pub(super) spans: Vec<Span>,
}

impl Text {
    pub(super) fn new(spans: Vec<Span>) -> Text {
        let spans: Vec<Span> = spans
            .into_iter()
            .filter(|span| !span.text.is_empty())
            .collect();
        let mut md = String::new();
        let mut cell = String::new();
        for span in &spans {
            let (mut in_text, mut in_cell) = if span.code {
                (code_md(&span.text, false), code_md(&span.text, true))
            } else {
                let escaped = escape_md(&span.text);
                (escaped.clone(), escaped)
            };
            if let Some(anchor) = &span.link {
                in_text = format!("[{in_text}](#{})", anchor.md);
                in_cell = format!("[{in_cell}](#{})", anchor.md);
            }
            md.push_str(&in_text);
            cell.push_str(&in_cell);
        }
        if spans
            .first()
            .is_some_and(|span| !span.code && span.link.is_none())
        {
            md = guard_line_start(md);
        }
        Text { md, cell, spans }
    }

    /// Plain text: no code spans are recognised.
    pub(super) fn plain(text: &str) -> Text {
        Text::new(vec![Span::plain(clean(text))])
    }

    /// One code span.
    pub(super) fn code(text: &str) -> Text {
        Text::new(vec![Span::code(clean(text))])
    }

    /// A code span linking to `anchor`.
    pub(super) fn link(text: &str, anchor: Option<&Anchor>) -> Text {
        Text::new(vec![Span::code(clean(text)).linked(anchor)])
    }

    /// The text as a reader sees it, for heading slugs.
    pub(super) fn content(&self) -> String {
        self.spans.iter().map(|span| span.text.as_str()).collect()
    }

    /// No text at all: the templates then leave out the sentence that would show it.
    pub(super) fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Control characters and line breaks become spaces, runs of white space one space, and the
/// ends are trimmed: every text is one line.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_control() || c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Splits prose into plain text and code spans by CommonMark's rule: a run of N backticks opens
/// a code span closed by the next run of exactly N; a run with no closing run is literal text.
pub(super) fn prose_spans(text: &str) -> Vec<Span> {
    let text = clean(text);
    let bytes = text.as_bytes();
    let run_at = |at: usize| bytes[at..].iter().take_while(|b| **b == b'`').count();
    let mut spans = Vec::new();
    let (mut plain_start, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = run_at(i);
        let mut j = i + run;
        let mut close = None;
        while j < bytes.len() {
            if bytes[j] == b'`' {
                let other = run_at(j);
                if other == run {
                    close = Some(j);
                    break;
                }
                j += other;
            } else {
                j += 1;
            }
        }
        match close {
            Some(end) => {
                spans.push(Span::plain(&text[plain_start..i]));
                spans.push(Span::code(code_content(&text[i + run..end])));
                i = end + run;
                plain_start = i;
            }
            None => i += run,
        }
    }
    spans.push(Span::plain(&text[plain_start..]));
    spans
}

/// A code span's content as CommonMark shows it: one space stripped from each end when both
/// ends have one and the content is not all spaces.
fn code_content(raw: &str) -> String {
    if raw.len() >= 2 && raw.starts_with(' ') && raw.ends_with(' ') && raw.trim() != "" {
        raw[1..raw.len() - 1].to_owned()
    } else {
        raw.to_owned()
    }
}

/// Backslash-escapes every character of plain text that CommonMark (with pipe tables) could
/// read as markup inside a line.
fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start a block at the start of a line: a heading, a list item, a setext
/// underline or a thematic break.
fn guard_line_start(md: String) -> String {
    if md.starts_with(['#', '-', '+', '=']) {
        return format!("\\{md}");
    }
    // An ordered list item: up to nine digits, `.` or `)`, then a space or the end.
    let digits = md.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &md[digits..];
    if (1..=9).contains(&digits)
        && rest.starts_with(['.', ')'])
        && (rest.len() == 1 || rest[1..].starts_with(' '))
    {
        return format!("{}\\{rest}", &md[..digits]);
    }
    md
}

/// A Markdown code span showing exactly `text`; in a table cell `|` is escaped, which GFM tables
/// turn back into `|` inside the span.
fn code_md(text: &str, in_cell: bool) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && text.trim() != "");
    let pad = if pad { " " } else { "" };
    let content = if in_cell {
        text.replace('|', "\\|")
    } else {
        text.to_owned()
    };
    format!("{fence}{pad}{content}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_keeps_code_and_defuses_markup() {
        let text = Text::new(prose_spans("a | b <script>`x|y` *c* \\ ``d`e`` `open"));
        assert_eq!(
            text.md,
            "a \\| b \\<script\\>`x|y` \\*c\\* \\\\ ``d`e`` \\`open"
        );
        assert_eq!(
            text.cell,
            "a \\| b \\<script\\>`x\\|y` \\*c\\* \\\\ ``d`e`` \\`open"
        );
    }

    #[test]
    fn block_markers_at_the_start_are_escaped() {
        assert_eq!(Text::plain("# no").md, "\\# no");
        assert_eq!(Text::plain("- no").md, "\\- no");
        assert_eq!(Text::plain("12. no").md, "12\\. no");
        assert_eq!(Text::plain("8.1.3 yes").md, "8.1.3 yes");
    }

    #[test]
    fn control_characters_and_newlines_become_one_space() {
        assert_eq!(clean(" a\n\r\u{0}b\t\u{7f} c "), "a b c");
    }

    #[test]
    fn code_spans_get_a_long_enough_fence() {
        assert_eq!(code_md("a`b", false), "``a`b``");
        assert_eq!(code_md("`a", false), "`` `a ``");
        assert_eq!(code_md("a|b", true), "`a\\|b`");
    }
}
