//! Rendering: the gutter fits the line number, and the caret sits under the span's characters
//! however the line is written (tabs, wide characters); JSON carries the same facts.

use super::*;

/// A diagnostic on line `line` of a file whose text is `before` then that line, pointing at the
/// first occurrence of `token` in the line.
fn at_line(line: usize, line_text: &str, token: &str) -> Diagnostic {
    let text = format!("{}{line_text}\nnext: line\n", "# filler\n".repeat(line - 1));
    let line_start = 9 * (line - 1);
    let start = line_start + line_text.find(token).unwrap_or(0);
    let span = Span::in_text(&text, start, start + token.len());
    let column = line_text[..start - line_start].chars().count() + 1;
    let location = Location {
        file: "spec/x.yaml".into(),
        line,
        column,
    };
    Diagnostic::new(
        SpecCode::UnknownType,
        format!("unknown type `{token}`"),
        location,
    )
    .with_span(span)
    .with_help("did you mean `callstate`?")
}

#[test]
fn the_gutter_fits_lines_7_123_and_12345() {
    let cases = [
        (
            7,
            "error[unknown-type]: unknown type `calstate`
 --> spec/x.yaml:7:17
  |
7 |           type: calstate
  |                 ^^^^^^^^
  |
  = help: did you mean `callstate`?",
        ),
        (
            123,
            "error[unknown-type]: unknown type `calstate`
   --> spec/x.yaml:123:17
    |
123 |           type: calstate
    |                 ^^^^^^^^
    |
    = help: did you mean `callstate`?",
        ),
        (
            12_345,
            "error[unknown-type]: unknown type `calstate`
     --> spec/x.yaml:12345:17
      |
12345 |           type: calstate
      |                 ^^^^^^^^
      |
      = help: did you mean `callstate`?",
        ),
    ];
    for (line, expected) in cases {
        let diagnostic = at_line(line, "          type: calstate", "calstate");
        assert_eq!(diagnostic.to_string(), expected, "line {line}");
    }
}

#[test]
fn the_caret_is_under_the_span_after_tabs_and_wide_characters() {
    let tabs = at_line(7, "\ttype:\tcalstate", "calstate");
    assert_eq!(tabs.location.as_ref().map(|l| l.column), Some(8));
    assert_eq!(
        tabs.to_string(),
        "error[unknown-type]: unknown type `calstate`
 --> spec/x.yaml:7:8
  |
7 |     type:    calstate
  |              ^^^^^^^^
  |
  = help: did you mean `callstate`?"
    );
    // `日本` takes four columns on a terminal, two characters, six bytes.
    let wide = at_line(123, "  title: 日本 calstate", "calstate");
    assert_eq!(wide.location.as_ref().map(|l| l.column), Some(13));
    assert_eq!(
        wide.to_string(),
        "error[unknown-type]: unknown type `calstate`
   --> spec/x.yaml:123:13
    |
123 |   title: 日本 calstate
    |               ^^^^^^^^
    |
    = help: did you mean `callstate`?"
    );
    // A wide character pointed at is underlined in full.
    let under = at_line(12_345, "  title: 日本", "日本");
    assert_eq!(
        under.to_string(),
        "error[unknown-type]: unknown type `日本`
     --> spec/x.yaml:12345:10
      |
12345 |   title: 日本
      |          ^^^^
      |
      = help: did you mean `callstate`?"
    );
}

#[test]
fn related_places_are_labelled_snippets_and_unlocated_problems_have_no_arrow() {
    let text = "enums:\n  - name: a\n  - name: a\n";
    let second = Span::in_text(text, 29, 30);
    let first = Span::in_text(text, 17, 18);
    let location = |line| Location {
        file: "spec/types.yaml".into(),
        line,
        column: 11,
    };
    let diagnostic = Diagnostic::new(
        SpecCode::DuplicateName,
        "type `a` is defined twice",
        location(3),
    )
    .with_span(second)
    .with_related(Related {
        label: "first defined here".into(),
        location: location(2),
        span: Some(first),
    });
    assert_eq!(
        diagnostic.to_string(),
        "error[duplicate-name]: type `a` is defined twice
 --> spec/types.yaml:3:11
  |
3 |   - name: a
  |           ^
  |
 ::: spec/types.yaml:2:11
  |
2 |   - name: a
  |           - first defined here"
    );
    let json: serde_json::Value =
        serde_json::from_str(&Diagnostics(vec![diagnostic]).to_json_lines()).unwrap_or_default();
    assert_eq!(json["code"], "duplicate-name");
    assert_eq!(json["severity"], "error");
    assert_eq!(
        (
            json["line"].as_u64(),
            json["start"].as_u64(),
            json["end"].as_u64()
        ),
        (Some(3), Some(29), Some(30))
    );
    assert_eq!(json["related"][0]["label"], "first defined here");
    assert_eq!(json["related"][0]["start"], 17);

    let io = Diagnostic::unlocated(SpecCode::IoError, "cannot read the spec directory nope");
    let text = io.to_string();
    assert!(!text.contains("-->"), "{text}");
    assert!(text.starts_with("error[io-error]: cannot read the spec directory nope"));
    let json: serde_json::Value =
        serde_json::from_str(&Diagnostics(vec![io]).to_json_lines()).unwrap_or_default();
    assert!(json["file"].is_null() && json["line"].is_null() && json["start"].is_null());
}

#[test]
fn colour_is_only_on_request() {
    let diagnostic = at_line(7, "type: calstate", "calstate");
    let problems = Diagnostics(vec![diagnostic]);
    assert!(!problems.render(false).contains('\u{1b}'));
    assert!(problems.render(true).contains("\u{1b}["));
    assert!(problems
        .render(false)
        .ends_with("\n\n1 problem found in the spec"));
}

#[test]
fn spans_stay_on_their_first_line_and_on_character_boundaries() {
    let text = "a:\n  - é\n  - x\n";
    // A block sequence from its first `-` to its end is shown by its first line.
    let span = Span::in_text(text, 5, text.len());
    assert_eq!(
        (span.start, span.end, span.line_text.as_str()),
        (5, 9, "  - é")
    );
    // An offset inside `é` moves back to its start; past the text, to the end.
    let span = Span::in_text(text, 8, 9);
    assert_eq!(span.start, 7);
    let span = Span::in_text(text, 1_000, 2_000);
    assert_eq!(
        (span.start, span.end, span.line_text.as_str()),
        (text.len(), text.len(), "")
    );
    let span = Span::at(text, 2, 5, Some("é"));
    assert_eq!((span.start, span.end), (7, 9));
    let span = Span::at(text, 99, 99, None);
    assert_eq!((span.start, span.end), (text.len(), text.len()));
}

#[test]
fn any_offsets_of_any_line_render_without_panicking() {
    let text = "a: b\r\n\tc: 日本\r\n\r\nd:\n  - é\n\u{2028}x\n";
    for start in 0..=text.len() + 2 {
        for end in [0, start, start + 1, start + 3, text.len() + 5] {
            let span = Span::in_text(text, start, end);
            assert!(span.start <= span.end && span.end <= span.line_start + span.line_text.len());
            assert!(!span.line_text.contains('\n') && !span.line_text.ends_with('\r'));
            let location = Location {
                file: "spec/x.yaml".into(),
                line: 1 + text[..span.line_start].matches('\n').count(),
                column: 1,
            };
            let rendered = Diagnostic::new(SpecCode::YamlSyntax, "x", location)
                .with_span(span)
                .to_string();
            assert!(rendered.starts_with("error[yaml-syntax]: x"));
        }
    }
    for line in 0..9 {
        for column in 0..12 {
            let span = Span::at(text, line, column, Some("c"));
            assert!(span.start <= span.end && span.end <= text.len());
        }
    }
}

#[test]
fn snippets_show_the_line_yaml_counts_with_every_line_break() {
    let text = "a: 1\rb: 2\u{2028}c: [\r\n";
    let span = Span::at(text, 3, 4, Some("["));
    assert_eq!(span.line_text, "c: [");
    assert_eq!(&text[span.start..span.end], "[");
    // An unclosed flow sequence in a file whose lines break at `\r`: the snippet is the line the
    // location names, not the whole file.
    let loaded = crate::loader::load_texts(
        "spec",
        vec![(
            "types.yaml".to_owned(),
            b"enums:\r  - name: x\r    values: [\r".to_vec(),
        )],
    );
    let Err(problems) = loaded else {
        panic!("an unclosed sequence is refused")
    };
    let Some(problem) = problems.iter().next() else {
        panic!("one problem")
    };
    let (Some(location), Some(span)) = (&problem.location, &problem.span) else {
        panic!("{problem} is located, with a snippet")
    };
    assert!(!span.line_text.contains('\r'), "{span:?}");
    // Past the last line break is an empty last line.
    let line = crate::lines::lines("enums:\r  - name: x\r    values: [\r").nth(location.line - 1);
    assert_eq!(line.unwrap_or(""), span.line_text, "{problem}");
    assert_eq!(location.line, 4, "{problem}");
}
