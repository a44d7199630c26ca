//! A small reader of the Markdown we emit, written independently of the emitter.

use std::collections::HashMap;

/// The code spans and plain text of one line, by CommonMark's rules (backslash escapes outside
/// code spans; a run of N backticks closed by the next run of exactly N).
#[derive(Debug, PartialEq)]
pub(crate) enum Piece {
    Plain(String),
    Code(String),
}

pub(crate) fn pieces(line: &str) -> Vec<Piece> {
    let chars: Vec<char> = line.chars().collect();
    let run_at = |at: usize| chars[at..].iter().take_while(|c| **c == '`').count();
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                plain.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                let run = run_at(i);
                let mut j = i + run;
                let mut close = None;
                while j < chars.len() {
                    if chars[j] == '`' {
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
                        out.push(Piece::Plain(std::mem::take(&mut plain)));
                        let content: String = chars[i + run..end].iter().collect();
                        let content = if content.len() >= 2
                            && content.starts_with(' ')
                            && content.ends_with(' ')
                            && content.trim() != ""
                        {
                            content[1..content.len() - 1].to_owned()
                        } else {
                            content
                        };
                        out.push(Piece::Code(content));
                        i = end + run;
                    }
                    None => {
                        plain.extend(&chars[i..i + run]);
                        i += run;
                    }
                }
            }
            c => {
                plain.push(c);
                i += 1;
            }
        }
    }
    out.push(Piece::Plain(plain));
    out.retain(|piece| !matches!(piece, Piece::Plain(text) if text.is_empty()));
    out
}

/// The characters of a line outside code spans that are not backslash-escaped.
pub(crate) fn raw_outside_code(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let run_at = |at: usize| chars[at..].iter().take_while(|c| **c == '`').count();
    let mut raw = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => i += 2,
            '`' => {
                let run = run_at(i);
                let mut j = i + run;
                let mut close = None;
                while j < chars.len() {
                    if chars[j] == '`' {
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
                i = close.map_or(i + run, |end| end + run);
            }
            c => {
                raw.push(c);
                i += 1;
            }
        }
    }
    raw
}

/// The text a reader sees of inline Markdown without links: escapes resolved, code verbatim.
pub(crate) fn text_content(line: &str) -> String {
    pieces(line)
        .into_iter()
        .map(|piece| match piece {
            Piece::Plain(text) | Piece::Code(text) => text,
        })
        .collect()
}

/// The first code span of a line.
pub(crate) fn first_code(line: &str) -> Option<String> {
    pieces(line).into_iter().find_map(|piece| match piece {
        Piece::Code(text) => Some(text),
        Piece::Plain(_) => None,
    })
}

/// The cells of a pipe-table row: split at pipes not escaped by a backslash (in code spans
/// too, as GFM tables do), without the outer pipes.
pub(crate) fn cells(row: &str) -> Vec<String> {
    let row = row.trim();
    assert!(
        row.starts_with('|') && row.ends_with('|') && row.len() >= 2,
        "not a table row: {row}"
    );
    let inner = &row[1..row.len() - 1];
    let mut out = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next().unwrap_or_default();
                let cell = out.last_mut().unwrap();
                if next == '|' {
                    cell.push('|');
                } else {
                    cell.push('\\');
                    cell.push(next);
                }
            }
            '|' => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out.into_iter().map(|cell| cell.trim().to_owned()).collect()
}

/// A pipe table: its header cells and rows.
#[derive(Debug)]
pub(crate) struct Table {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
}

/// Every table of the document, checked for shape: a blank line before and after, a delimiter
/// row, and as many cells in every row as in the header.
pub(crate) fn tables(markdown: &str) -> Vec<Table> {
    let lines: Vec<&str> = markdown.lines().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with('|') {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].starts_with('|') {
            i += 1;
        }
        let block = &lines[start..i];
        assert!(
            start == 0 || lines[start - 1].is_empty(),
            "line {}: a table must follow a blank line",
            start + 1
        );
        assert!(
            i == lines.len() || lines[i].is_empty(),
            "line {}: a table must be followed by a blank line",
            i + 1
        );
        assert!(block.len() >= 2, "line {}: a table without rows", start + 1);
        let header = cells(block[0]);
        let delimiter = cells(block[1]);
        assert!(
            delimiter.iter().all(|cell| cell == "---"),
            "line {}: bad delimiter row {}",
            start + 2,
            block[1]
        );
        assert_eq!(delimiter.len(), header.len(), "line {}", start + 2);
        let mut rows = Vec::new();
        for (n, line) in block.iter().enumerate().skip(2) {
            let row = cells(line);
            assert_eq!(
                row.len(),
                header.len(),
                "line {}: {} cells where the header has {}: {line}",
                start + n + 1,
                row.len(),
                header.len()
            );
            rows.push(row);
        }
        found.push(Table { header, rows });
    }
    found
}

/// GitHub's heading slugs, with `-N` for repeats, for every heading in order.
pub(crate) fn heading_slugs(markdown: &str) -> Vec<(String, String)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for line in markdown.lines() {
        let Some(text) = line
            .strip_prefix('#')
            .map(|rest| rest.trim_start_matches('#'))
            .and_then(|rest| rest.strip_prefix(' '))
        else {
            continue;
        };
        let content = text_content(text);
        let base: String = content
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let mut slug = base.clone();
        while seen.contains_key(&slug) {
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            slug = format!("{base}-{count}");
        }
        seen.insert(slug.clone(), 0);
        out.push((line.to_owned(), slug));
    }
    out
}

/// The lines of the section that starts with `heading`, up to the next heading of any level.
pub(crate) fn section<'a>(markdown: &'a str, heading: &str) -> Vec<&'a str> {
    let mut lines = markdown.lines();
    assert!(
        lines.any(|line| line == heading),
        "no heading `{heading}` in events.md"
    );
    lines.take_while(|line| !line.starts_with('#')).collect()
}

pub(crate) fn tables_in(lines: &[&str]) -> Vec<Table> {
    tables(&format!("\n{}\n", lines.join("\n")))
}
