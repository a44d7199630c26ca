//! The generated docs: the Markdown reference shows every event, attribute and enum value in
//! well-formed tables with working links, and no description, however hostile, breaks a table,
//! becomes HTML, or reaches the page's script.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

use std::collections::{BTreeSet, HashMap};

use ors_events_codegen::emit::docs;
use ors_events_codegen::ir::{Catalogue, Type, WireValue};
use support::{catalogue, copy_spec, edit, TempDir};

/// The docs of `catalogue`: (events.md, index.html).
fn render(catalogue: &Catalogue) -> (String, String) {
    let files: HashMap<String, String> = docs::files(catalogue).into_iter().collect();
    (
        files[docs::MARKDOWN_FILE].clone(),
        files[docs::HTML_FILE].clone(),
    )
}

// ---------------------------------------------------------------------------------------------
// A small reader of the Markdown we emit, written independently of the emitter.

/// The code spans and plain text of one line, by CommonMark's rules (backslash escapes outside
/// code spans; a run of N backticks closed by the next run of exactly N).
#[derive(Debug, PartialEq)]
enum Piece {
    Plain(String),
    Code(String),
}

fn pieces(line: &str) -> Vec<Piece> {
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
fn raw_outside_code(line: &str) -> String {
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
fn text_content(line: &str) -> String {
    pieces(line)
        .into_iter()
        .map(|piece| match piece {
            Piece::Plain(text) | Piece::Code(text) => text,
        })
        .collect()
}

/// The first code span of a line.
fn first_code(line: &str) -> Option<String> {
    pieces(line).into_iter().find_map(|piece| match piece {
        Piece::Code(text) => Some(text),
        Piece::Plain(_) => None,
    })
}

/// The cells of a pipe-table row: split at pipes not escaped by a backslash (in code spans
/// too, as GFM tables do), without the outer pipes.
fn cells(row: &str) -> Vec<String> {
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
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Every table of the document, checked for shape: a blank line before and after, a delimiter
/// row, and as many cells in every row as in the header.
fn tables(markdown: &str) -> Vec<Table> {
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
fn heading_slugs(markdown: &str) -> Vec<(String, String)> {
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
fn section<'a>(markdown: &'a str, heading: &str) -> Vec<&'a str> {
    let mut lines = markdown.lines();
    assert!(
        lines.any(|line| line == heading),
        "no heading `{heading}` in events.md"
    );
    lines.take_while(|line| !line.starts_with('#')).collect()
}

fn tables_in(lines: &[&str]) -> Vec<Table> {
    tables(&format!("\n{}\n", lines.join("\n")))
}

/// The events, attributes and enum codes the Markdown must show, and its shape.
fn check_markdown(catalogue: &Catalogue, markdown: &str) {
    assert!(
        markdown.starts_with("<!-- Generated by `ors-events generate`"),
        "events.md must start with its generated-file header"
    );
    let all_tables = tables(markdown);
    assert!(all_tables.len() > catalogue.events.len());

    // Every event: a heading, and every attribute in the event's table.
    for event in &catalogue.events {
        let heading = format!("#### `{}`", event.name);
        let lines = section(markdown, &heading);
        let tables = tables_in(&lines);
        if event.attributes.is_empty() {
            continue;
        }
        let table = tables
            .iter()
            .find(|table| table.header.first().map(String::as_str) == Some("attribute"))
            .unwrap_or_else(|| panic!("{}: no attribute table", event.name));
        assert_eq!(
            table.header,
            ["attribute", "type", "required", "since", "description"]
        );
        let shown: Vec<String> = table
            .rows
            .iter()
            .map(|row| first_code(&row[0]).unwrap_or_default())
            .collect();
        let expected: Vec<String> = event.attributes.iter().map(|a| a.name.clone()).collect();
        assert_eq!(shown, expected, "{}: attribute rows", event.name);
        for (row, attribute) in table.rows.iter().zip(&event.attributes) {
            let required = if attribute.required { "yes" } else { "no" };
            assert_eq!(row[2], required, "{}.{}", event.name, attribute.name);
            let since = attribute.since.map(|v| v.to_string()).unwrap_or_default();
            assert_eq!(row[3], since, "{}.{}", event.name, attribute.name);
            let (mut ty, mut arrays) = (&attribute.ty, 0);
            while let Type::Array(item) = ty {
                ty = item;
                arrays += 1;
            }
            assert_eq!(
                first_code(&row[1]),
                Some(catalogue.type_spec_name(ty)),
                "{}.{}: type cell {}",
                event.name,
                attribute.name,
                row[1]
            );
            assert_eq!(row[1].matches("array of ").count(), arrays, "{}", row[1]);
        }
        // Known error values: every form of every value.
        if !event.known_errors.is_empty() {
            let table = tables
                .iter()
                .find(|table| table.header.first().map(String::as_str) == Some("value"))
                .unwrap_or_else(|| panic!("{}: no known-error table", event.name));
            let shown: BTreeSet<String> = table
                .rows
                .iter()
                .flat_map(|row| {
                    pieces(&row[0])
                        .into_iter()
                        .filter_map(|piece| match piece {
                            Piece::Code(code) => Some(code),
                            Piece::Plain(_) => None,
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            for known in &event.known_errors {
                for form in known.forms() {
                    assert!(shown.contains(&form), "{}: error value {form}", event.name);
                }
            }
        }
    }

    // Every enum, the three hints enums among them, with every code and name.
    let hints = catalogue.object_named("hints").expect("hints");
    let hints_enums: Vec<&str> = hints
        .members
        .iter()
        .filter_map(|member| match &member.ty {
            Type::Enum(id) => Some(catalogue[*id].name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(hints_enums, ["ccevent", "cause", "callstate"]);
    for item in &catalogue.enums {
        let lines = section(markdown, &format!("### Enum `{}`", item.name));
        let tables = tables_in(&lines);
        assert_eq!(tables.len(), 1, "enum {}", item.name);
        let shown: Vec<(String, String)> = tables[0]
            .rows
            .iter()
            .map(|row| (first_code(&row[0]).unwrap_or_default(), row[1].clone()))
            .collect();
        let expected: Vec<String> = item
            .values
            .iter()
            .map(|value| match &value.wire {
                WireValue::Int(code) => code.to_string(),
                WireValue::Str(text) => text.clone(),
            })
            .collect();
        let codes: Vec<String> = shown.iter().map(|(code, _)| code.clone()).collect();
        assert_eq!(codes, expected, "enum {}", item.name);
        if hints_enums.contains(&item.name.as_str()) {
            for ((_, name), value) in shown.iter().zip(&item.values) {
                assert_eq!(first_code(name).as_deref(), Some(value.name.as_str()));
            }
        }
    }

    // Every link to a heading of the document resolves, and every event is linked from the
    // table of contents.
    let slugs: BTreeSet<String> = heading_slugs(markdown)
        .into_iter()
        .map(|(_, slug)| slug)
        .collect();
    let mut links = 0;
    for (n, line) in markdown.lines().enumerate() {
        for part in line.split("](#").skip(1) {
            let target = part.split(')').next().unwrap_or_default();
            assert!(
                slugs.contains(target),
                "line {}: link to #{target}, which no heading has",
                n + 1
            );
            links += 1;
        }
    }
    assert!(links > 200, "only {links} links");
    let contents = section(markdown, "## Contents").join("\n");
    for event in &catalogue.events {
        assert!(
            contents.contains(&format!("[`{}`](#", event.name)),
            "the contents do not link {}",
            event.name
        );
    }

    // No raw HTML: outside code spans every `<` is escaped. The header comment is the one
    // HTML block, on the first line.
    for (n, line) in markdown.lines().enumerate().skip(1) {
        assert!(
            !line.starts_with("<!--"),
            "line {}: a second comment",
            n + 1
        );
        assert!(
            !raw_outside_code(line).contains("!["),
            "line {}: an image: {line}",
            n + 1
        );
        assert!(
            !raw_outside_code(line).contains('<'),
            "line {}: raw `<` outside a code span: {line}",
            n + 1
        );
    }
    assert!(
        !markdown.chars().any(|c| c.is_control() && c != '\n'),
        "control characters in events.md"
    );
}

/// The page's one inline script.
fn script(html: &str) -> &str {
    let start = html.find("<script>").expect("a script");
    let end = html.find("</script>").expect("the script's end");
    &html[start..end]
}

fn check_html(catalogue: &Catalogue, html: &str) {
    assert!(html.starts_with("<!-- Generated by `ors-events generate`"));
    assert!(html.contains("<!DOCTYPE html>"));
    let lower = html.to_lowercase();
    assert_eq!(lower.matches("<script").count(), 1, "one script element");
    assert_eq!(lower.matches("</script").count(), 1, "one script end");
    assert_eq!(lower.matches("<style").count(), 1, "one style element");
    // Self-contained: nothing is fetched.
    for needle in [
        " src=",
        "url(",
        "@import",
        "<link rel=\"stylesheet",
        "<iframe",
        "<img",
    ] {
        assert!(
            !lower.contains(needle),
            "the page must not load anything: {needle}"
        );
    }
    for href in html.split("href=\"").skip(1) {
        assert!(
            href.starts_with('#') || href.starts_with("data:"),
            "a link out of the page: {}",
            &href[..href.len().min(40)]
        );
    }
    assert_eq!(
        html.matches("<section class=\"event ").count(),
        catalogue.events.len()
    );
    for event in &catalogue.events {
        assert!(
            html.contains(&format!(
                "id=\"{}\" data-names=\"{}",
                event.name, event.name
            )),
            "no section for {}",
            event.name
        );
        assert!(html.contains(&format!("data-event=\"{}\"", event.name)));
    }
    assert!(html.contains("<input id=\"filter\""));
    assert!(
        !html.chars().any(|c| c.is_control() && c != '\n'),
        "control characters in index.html"
    );
}

#[test]
fn the_markdown_shows_every_event_attribute_and_enum_value() {
    let catalogue = catalogue();
    assert_eq!(catalogue.events.len(), 60);
    let (markdown, _) = render(&catalogue);
    check_markdown(&catalogue, &markdown);
    // Every event heading has its GitHub anchor.
    let slugs = heading_slugs(&markdown);
    for event in &catalogue.events {
        let heading = format!("#### `{}`", event.name);
        let slug = &slugs.iter().find(|(line, _)| *line == heading).unwrap().1;
        assert_eq!(*slug, event.name.replace('.', ""));
    }
}

#[test]
fn the_page_has_a_section_per_event_and_loads_nothing() {
    let catalogue = catalogue();
    let (_, html) = render(&catalogue);
    check_html(&catalogue, &html);
}

#[test]
fn the_committed_docs_are_the_generated_ones() {
    // The golden test covers them too; this names the docs files explicitly.
    let catalogue = catalogue();
    for (path, text) in docs::emit(&catalogue) {
        let on_disk = std::fs::read_to_string(support::workspace().join("generated").join(&path))
            .unwrap_or_else(|err| {
                panic!("generated/{path}: {err}; run `cargo run --features cli -- generate`")
            });
        assert!(
            on_disk == text,
            "generated/{path} is stale: run `cargo run --features cli -- generate`"
        );
    }
}

const HOSTILE: &str = "Pipes | and \\| here, <script>alert(1)</script> and </script><b>bold</b> \
    &amp; `code | with pipe` ``tick ` inside`` `unclosed {{ page.header }} {% if true %}x{% endif %} \
    *stars* _under_ [link](http://example.invalid) ![img](x.png) bang!`interaction.added` <!-- comment --> \u{7}bell\u{0}nul\r\ncrlf\ttab \u{1b}[31mred";

/// Puts hostile text in every description, note and known error of the catalogue.
fn hostile(mut catalogue: Catalogue) -> Catalogue {
    for event in &mut catalogue.events {
        event.description = format!("# {HOSTILE}");
        for attribute in &mut event.attributes {
            attribute.description = format!("- {HOSTILE}");
            attribute.presence_reason = Some(format!("1. {HOSTILE}"));
        }
        for note in &mut event.notes {
            note.text = HOSTILE.to_owned();
        }
        for known in &mut event.known_errors {
            known.value = format!("{}|<i>`v`", known.value);
            known.description = HOSTILE.to_owned();
        }
    }
    for family in &mut catalogue.families {
        family.description = HOSTILE.to_owned();
    }
    for action in &mut catalogue.actions {
        action.description = HOSTILE.to_owned();
    }
    for item in &mut catalogue.enums {
        item.description = HOSTILE.to_owned();
        for value in &mut item.values {
            value.description = Some(HOSTILE.to_owned());
        }
    }
    for object in &mut catalogue.objects {
        object.description = HOSTILE.to_owned();
    }
    catalogue.envelope.description = HOSTILE.to_owned();
    catalogue
}

#[test]
fn hostile_descriptions_keep_tables_intact_and_the_page_inert() {
    let clean = catalogue();
    let (_, clean_html) = render(&clean);
    let catalogue = hostile(clean.clone());
    let (markdown, html) = render(&catalogue);

    check_markdown(&catalogue, &markdown);
    check_html(&catalogue, &html);

    // The text survives, escaped, and the script is the same as ever.
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(html.contains("<code>code | with pipe</code>"));
    assert!(html.contains("{{ page.header }} {% if true %}x{% endif %}"));
    assert!(!html.contains("<b>bold</b>"));
    assert_eq!(script(&html), script(&clean_html));
    assert!(markdown.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(
        markdown.contains("`code \\| with pipe`"),
        "a pipe in a code span in a table is escaped"
    );
    assert!(markdown.contains("{{ page.header }} {% if true %}x{% endif %}"));
    // A description that starts like a heading or a list item stays a paragraph.
    assert!(markdown.contains("\n\\# Pipes"));
    assert!(!markdown.contains("\n# Pipes"));
}

#[test]
fn hostile_text_through_the_spec_is_escaped_too() {
    let dir = TempDir::new("docs-hostile");
    let spec = copy_spec(dir.path());
    edit(
        &spec.join("voice.yaml"),
        "description: Put a party's device on hold for a call.",
        "description: \"Put | on <script>alert(1)</script> `hold|x` {{ x }} {% if %} \\a bell\"",
    );
    let outputs =
        ors_events_codegen::generate(&spec).unwrap_or_else(|problems| panic!("{problems}"));
    let catalogue = ors_events_codegen::compile(&spec).unwrap();
    let markdown = outputs.get("docs/events.md").unwrap();
    let html = outputs.get("docs/index.html").unwrap();
    check_markdown(&catalogue, markdown);
    check_html(&catalogue, html);
    assert!(markdown
        .contains("Put \\| on \\<script\\>alert(1)\\</script\\> `hold|x` {{ x }} {% if %} bell"));
    assert!(html.contains("Put | on &#60;script&#62;alert(1)&#60;/script&#62; <code>hold|x</code> {{ x }} {% if %} bell"));
}

#[cfg(feature = "cli")]
mod cli {
    use std::fs;
    use std::process::Command;

    use super::support::{workspace, TempDir};

    fn docs(args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_ors-events"))
            .arg("docs")
            .args(args)
            .current_dir(workspace())
            .output()
            .expect("run ors-events docs")
    }

    #[test]
    fn docs_writes_the_docs_directory_and_refuses_a_foreign_one() {
        let dir = TempDir::new("docs-cli");
        let out = dir.path().join("docs");
        let output = docs(&["--out", out.to_str().unwrap()]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        for file in ["README.md", "events.md", "index.html"] {
            let written = fs::read_to_string(out.join(file)).unwrap();
            let committed =
                fs::read_to_string(workspace().join("generated/docs").join(file)).unwrap();
            assert!(
                written == committed,
                "{file} differs from generated/docs/{file}"
            );
        }
        // Again, over its own output: replaced.
        let output = docs(&["--out", out.to_str().unwrap()]);
        assert!(output.status.success());

        // A directory it did not write is left alone.
        let foreign = dir.path().join("mine");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "keep me").unwrap();
        let output = docs(&["--out", foreign.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&output.stderr).contains("refusing to replace it"));
        assert_eq!(
            fs::read_to_string(foreign.join("notes.txt")).unwrap(),
            "keep me"
        );
        assert!(!foreign.join("events.md").exists());
    }
}
