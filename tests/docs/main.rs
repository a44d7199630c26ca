//! The generated docs: the Markdown reference shows every event, attribute and enum value in
//! well-formed tables with working links, and no description, however hostile, breaks a table,
//! becomes HTML, or reaches the page's script.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

mod checks;
mod markdown;

use std::collections::HashMap;

use ors_events_codegen::emit::docs;
use ors_events_codegen::ir::Catalogue;
use support::{catalogue, copy_spec, edit, TempDir};

use crate::checks::{check_html, check_markdown, script};
use crate::markdown::heading_slugs;

/// The docs of `catalogue`: (events.md, index.html).
fn render(catalogue: &Catalogue) -> (String, String) {
    let files: HashMap<String, String> = docs::files(catalogue).into_iter().collect();
    (
        files[docs::MARKDOWN_FILE].clone(),
        files[docs::HTML_FILE].clone(),
    )
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
                panic!("generated/{path}: {err}; run `cargo run -q -p ors-events-cli -- generate`")
            });
        assert!(
            on_disk == text,
            "generated/{path} is stale: run `cargo run -q -p ors-events-cli -- generate`"
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
        "description: Put the specified resource's device on hold for a call.",
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
