//! The source map checked against yaml_serde's own positions, on real and tricky YAML.
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::*;

/// Where `yaml_serde` puts the node at `steps`: the way positions were found before the
/// source map, by reading the file again and failing on purpose at that node. The oracle the
/// map is checked against.
fn seek(text: &str, steps: &[Step]) -> Option<(usize, usize)> {
    let deserializer = yaml_serde::Deserializer::from_str(text);
    match (Seek { steps }).deserialize(deserializer) {
        Err(err) if err.to_string().contains(FOUND) => err
            .location()
            .map(|location| (location.line(), location.column())),
        _ => None,
    }
}

const FOUND: &str = "ors-events: node found";

struct Seek<'a> {
    steps: &'a [Step],
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.steps.first() {
            None => deserializer.deserialize_any(Found),
            Some(Step::Key(_)) => deserializer.deserialize_map(self),
            Some(Step::Index(_)) => deserializer.deserialize_seq(self),
        }
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the node on the way")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some(Step::Key(wanted)) = self.steps.first() else {
            return Err(de::Error::custom("not found"));
        };
        while let Some(key) = map.next_key::<String>()? {
            if key == *wanted {
                return map.next_value_seed(Seek {
                    steps: &self.steps[1..],
                });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Err(de::Error::custom("not found"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some(Step::Index(wanted)) = self.steps.first() else {
            return Err(de::Error::custom("not found"));
        };
        for _ in 0..*wanted {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Err(de::Error::custom("not found"));
            }
        }
        seq.next_element_seed(Seek {
            steps: &self.steps[1..],
        })?;
        Err(de::Error::custom("not found"))
    }
}

struct Found;

impl<'de> Visitor<'de> for Found {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(FOUND)
    }
}

/// Every path a lookup can take in `map` (the first of equal keys), to `max_depth` steps.
fn paths(map: &SourceMap, max_depth: usize) -> Vec<Vec<Step>> {
    let mut paths = Vec::new();
    let Some(root) = map.root else {
        return paths;
    };
    let mut todo = vec![(Vec::new(), root)];
    while let Some((steps, node)) = todo.pop() {
        if steps.len() < max_depth {
            match map.nodes[node as usize].children {
                Children::None => {}
                Children::Seq { first, len } => {
                    for index in 0..len {
                        let mut next = steps.clone();
                        next.push(Step::Index(index as usize));
                        todo.push((next, map.items[(first + index) as usize]));
                    }
                }
                Children::Map { first, len } => {
                    let entries = &map.entries[first as usize..(first + len) as usize];
                    let mut previous: Option<&str> = None;
                    for entry in entries {
                        let Some(key) = entry.key.as_deref() else {
                            continue;
                        };
                        if previous == Some(key) {
                            continue;
                        }
                        previous = Some(key);
                        let mut next = steps.clone();
                        next.push(Step::Key(Box::leak(key.to_owned().into_boxed_str())));
                        todo.push((next, entry.value));
                    }
                }
            }
        }
        paths.push(steps);
    }
    paths
}

/// Checks every node of `text` (every `stride`-th one) against the oracle; returns how many
/// were compared.
fn agrees_with_yaml_serde(text: &str, stride: usize) -> usize {
    let map = SourceMap::build(text);
    let paths = paths(&map, 64);
    assert!(!paths.is_empty(), "nothing mapped in {text:?}");
    let mut compared = 0;
    for steps in paths.iter().step_by(stride) {
        let mapped = map.node(steps).map(|span| (span.line, span.column));
        assert_eq!(mapped, seek(text, steps), "{steps:?} in {text:?}");
        let span = map
            .node(steps)
            .unwrap_or_else(|| panic!("{steps:?} in {text:?}"));
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        compared += 1;
    }
    compared
}

#[test]
fn every_node_of_the_catalogue_is_where_yaml_serde_puts_it() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec");
    let mut compared = 0;
    let entries = std::fs::read_dir(dir).unwrap_or_else(|err| panic!("{dir}: {err}"));
    for path in entries.flatten().map(|entry| entry.path()) {
        if path.extension().is_some_and(|ext| ext == "yaml") {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            compared += agrees_with_yaml_serde(&text, 1);
        }
    }
    assert!(compared > 1_000, "{compared}");
}

#[test]
fn tricky_yaml_is_located_as_yaml_serde_locates_it() {
    let cases = [
        // Block and flow styles, nested both ways.
        "a: 1\nb:\n  c: [1, 2, {d: 3, e: [4]}]\n  f: {g: h, i: [j, k]}\n",
        "- a\n- - b\n  - c\n- d: e\n  f: g\n-   h: i\n",
        "a:\n- 1\n- x: 2\n  y:\n  - 3\n",
        "root:\n  list:\n    - name: a\n      values:\n        - { code: 1, name: X }\n",
        // Empty values, in block and flow style, with comments in the way.
        "a:\nb: \nc: # comment\nd:\n  -\n  - \n  - x\ne: 1\n",
        "a: {b: , c: }\nd: {e: # note\n  , f: 1}\ng: [h: , i: j, k]\nl: {m}\n",
        "- \n-\n- a\n",
        "a: &x [ # c\n  b: , c]\nd: { e: }\nf: !t { g: , h }\ni: [ j: ]\n",
        // Scalars of every style.
        "a: 'single'\nb: \"double \\\" escaped\"\nc: |\n  literal\n  text\nd: >-\n  folded\n  text\ne: plain\n  continued\nf: ''\ng: \"\"\n",
        // (A collection as key ends yaml_serde's reading by name: it comes last.)
        "\"quoted key\": 1\n'other': 2\n? explicit\n: value\nlast: 4\n? [complex, key]\n: 3\n",
        // Anchors, aliases and tags.
        "base: &b {x: 1, y: [2, 3]}\nuse: *b\nlist: [*b, *b]\nnamed: &n\n  deep: &s scalar\nagain: *s\n",
        "&k key: 1\nother: 2\n*k : 3\n",
        "a: !!str 1\nb: !custom {c: d}\nc: &x !!int 2\nd: !t\n  - e\n",
        // Documents, comments, blank lines.
        "# head\n\n---\n# more\na: 1 # trailing\n\n\nb:\n\n  c: 2\n...\n",
        "--- {a: 1,\n  b: [x,\n    y]}\n",
        // Line endings and characters beyond ASCII.
        "a: 1\r\nb:\r\n  c: [x, y]\r\n  d: \"two\r\n    lines\"\r\ne: f\r\n",
        "é: ünïcödé # ça\nb: [日本, 語]\nc: {ключ: значение, 🎉: party}\nd: \"tab\there\"\n",
        // (yaml_serde reads a second key after a byte order mark as a second document.)
        "\u{feff}a: [1, {b: 2}]\n",
        "a: \"x\u{2028}y\"\nb: 1\nc: 'p\u{85}q'\nd: 2\n",
        "a: 1\rb: 2\r",
        // Duplicate keys (yaml_serde's untyped reading keeps the first).
        "a: 1\nb: 2\na: 3\n",
        // Deeper nesting.
        "a: [[[[[[[[x]]]]]]]]\nb: {c: {d: {e: {f: {g: y}}}}}\n",
        // Block scalars: headers, comments, indentation indicators, in sequences.
        "a: |\n  x\nb: >+ # keep\n  y\n\nc: |2-\n    z\nd:\n  - |\n    in list\n  - >\n    again\n  -   |\n    spaced\ne: &s |\n  anchored\nf: !!str |\n  tagged\n",
        "list:\n- |\n  first\n- >-\n  second\n- k: |\n    nested\n  l: end\n",
        "a: # comment before\n  |\n  text\nb: 1\n",
        "a:\r\n  - |\r\n    crlf\r\n  - x\r\n",
        // Indentless sequences, anchored, nested, empty entries.
        "a:\n- 1\n- - 2\n  - 3\n-\n- \nb: &l\n- x\nc:\n  d:\n  - y\n  -   z\n",
        "- - - a\n    - b\n  - c\n-   - d\n",
        // Spacing around keys and values, directives.
        "a  : 1\nb :\n  c   :   2\n\"d\" : [ 3 ,4 ]\n",
        "%YAML 1.1\n---\na: 1\nb: [x]\n",
        "{a: 1,\n b: [2,\n 3], c: {d: e}}\n",
        "[a, [b, [c, {d: [e]}]], {f: g}]\n",
        // A root that is a sequence, or a scalar.
        "[a, {b: c}]\n",
        "just a scalar\n",
    ];
    for case in cases {
        agrees_with_yaml_serde(case, 1);
    }
}

#[test]
fn spans_cover_each_node_in_bytes() {
    let text = "é: \"ünï\" # c\nlist:\n  - &a {k: v}\n  - *a\n  - |\n    block\n    text\n\nmap:\n  x: 1\n  y: [2, 3]\nz:\nq: [ 'it''s' , \"\\\"\" ]  # e\n";
    let map = SourceMap::build(text);
    let at = |steps: &[Step]| {
        let span = map
            .node(steps)
            .unwrap_or_else(|| panic!("{steps:?} not mapped"));
        (span.line, span.column, &text[span.start..span.end])
    };
    assert_eq!(at(&[Step::Key("é")]), (1, 4, "\"ünï\""));
    assert_eq!(
        at(&[Step::Key("list"), Step::Index(0)]),
        (3, 5, "&a {k: v}")
    );
    // An alias is its anchored node.
    assert_eq!(
        at(&[Step::Key("list"), Step::Index(1)]),
        (3, 5, "&a {k: v}")
    );
    assert_eq!(
        at(&[Step::Key("list"), Step::Index(1), Step::Key("k")]),
        (3, 12, "v")
    );
    assert_eq!(
        at(&[Step::Key("list"), Step::Index(2)]),
        (5, 5, "|\n    block\n    text")
    );
    assert_eq!(
        at(&[Step::Key("list")]),
        (3, 3, "- &a {k: v}\n  - *a\n  - |\n    block\n    text")
    );
    assert_eq!(at(&[Step::Key("map")]), (10, 3, "x: 1\n  y: [2, 3]"));
    assert_eq!(at(&[Step::Key("map"), Step::Key("y")]), (11, 6, "[2, 3]"));
    assert_eq!(at(&[Step::Key("z")]), (12, 3, ""));
    assert_eq!(at(&[Step::Key("q")]), (13, 4, "[ 'it''s' , \"\\\"\" ]"));
    assert_eq!(at(&[Step::Key("q"), Step::Index(0)]), (13, 6, "'it''s'"));
    assert_eq!(at(&[Step::Key("q"), Step::Index(1)]), (13, 16, "\"\\\"\""));
    let key = map
        .key(&[Step::Key("map"), Step::Key("y")])
        .unwrap_or_else(|| panic!("no key"));
    assert_eq!(
        (key.line, key.column, &text[key.start..key.end]),
        (11, 3, "y")
    );
    assert_eq!(map.node(&[Step::Key("map"), Step::Key("nope")]), None);
    assert_eq!(map.node(&[Step::Key("list"), Step::Index(3)]), None);
    assert_eq!(map.node(&[Step::Key("map"), Step::Index(0)]), None);
    assert_eq!(map.key(&[Step::Key("list"), Step::Index(0)]), None);
    // Three aliases of one node add no node: the root, two keys, two sequences, `1`.
    assert_eq!(
        SourceMap::build("a: &a [1]\nb: [*a, *a, *a]\n").node_count(),
        6
    );
}

#[test]
fn hostile_text_is_mapped_within_bounds_and_never_panics() {
    // Nesting past the bound stops the map, not the program.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let map = SourceMap::build(&deep);
    assert!(map.node_count() <= MAX_MAP_DEPTH, "{}", map.node_count());
    // A billion laughs: aliases are never expanded.
    let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        let previous = format!("*a{}", level - 1);
        bomb.push_str(&format!(
            "a{level}: &a{level} [{}]\n",
            [previous.as_str(); 10].join(", ")
        ));
    }
    let map = SourceMap::build(&bomb);
    assert!(map.node_count() < 100, "{}", map.node_count());
    let steps = vec![Step::Key("a9"); 1]
        .into_iter()
        .chain(std::iter::repeat_n(Step::Index(9), 9))
        .collect::<Vec<_>>();
    assert_eq!(map.node(&steps).map(|span| span.line), Some(1));
    // Broken YAML of every sort: mapped up to the problem, without panicking.
    let alphabet: Vec<char> = " \t\n\r-:?[]{},#&*!|>'\"%@`ab1é\u{feff}\u{2028}"
        .chars()
        .collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..5_000 {
        let mut text = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 40) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let map = SourceMap::build(&text);
        for steps in paths(&map, 8) {
            let span = map
                .node(&steps)
                .unwrap_or_else(|| panic!("{steps:?} in {text:?}"));
            assert!(span.start <= span.end && span.end <= text.len(), "{text:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}
