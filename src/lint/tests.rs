//! Unit tests of the linter: descriptors, reads and fragments of documents.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

fn codes(source: &str) -> Vec<(&'static str, u32, u32)> {
    lint(source, &Options::new())
        .into_iter()
        .map(|f| (f.code, f.line, f.column))
        .collect()
}

#[test]
fn descriptors_in_a_list_and_quotes() {
    let source =
        "<scxml><transition event=\"interaction.added  'interaction.addde' queue.x\"/></scxml>";
    assert_eq!(codes(source), vec![("unknown-event", 1, 47)]);
    let source = "<scxml><transition event=\"&apos;interaction.partydelete&apos;\"/></scxml>";
    assert_eq!(codes(source), vec![("unknown-event", 1, 33)]);
}

#[test]
fn reads_point_at_the_name() {
    let source = "<scxml><transition event=\"interaction.added\" cond=\"a &amp;&amp; _event.data.partyid\"/></scxml>";
    assert_eq!(codes(source), vec![("unknown-attribute", 1, 77)]);
    let source = "<scxml><transition event=\"interaction.added\"><script>a &lt; 1<![CDATA[ && _event.data['party' ] ]]>x _event.data.foo</script></transition></scxml>";
    let found = codes(source);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(&source[87..92], "party");
    assert_eq!(found[0], ("unknown-attribute", 1, 88));
    assert_eq!(found[1], ("unknown-attribute", 1, 114));
}

#[test]
fn no_panic_on_fragments() {
    let source = "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\"><state><transition event=\"interaction.added voice.hld\" cond=\"_event.data.x &amp;&amp; _event.data['y']\"><log expr=\"_event.data.é\"/><script><![CDATA[_event.data.z]]>&#x5f;event.data.w</script></transition></state></scxml>";
    for end in 0..=source.len() {
        if let Some(prefix) = source.get(..end) {
            let _ = lint(prefix, &Options::new());
        }
    }
    let bytes = source.as_bytes();
    for at in 0..bytes.len() {
        for replacement in [b'<', b'"', b'&', 0xC3, b'\n'] {
            let mut mutated = bytes.to_vec();
            mutated[at] = replacement;
            let _ = lint_bytes(&mutated, &Options::new());
        }
    }
}
