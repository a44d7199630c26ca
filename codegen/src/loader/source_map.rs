//! Where every node of a spec file is, found in one pass over the file's YAML events.
//!
//! `serde_yaml` reads the typed spec but tells positions only in its errors, so the loader reads
//! each file it accepted once more with `saphyr-parser`, an event parser whose events carry their
//! spans, and keeps the position of every node in a [`SourceMap`]. Positions are those
//! `serde_yaml` reports (libyaml's start mark of the node's event): a scalar's first character,
//! its quote or its `&anchor`, a block collection's first key or `-`, a flow collection's bracket.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use super::Step;

/// Collections nested deeper than this are not mapped: building stops there. Files that
/// `serde_yaml` accepts nest at most 128 levels (its recursion limit).
pub const MAX_MAP_DEPTH: usize = 1_000;

/// Where one node is in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NodeSpan {
    /// 1-based line, counted as `serde_yaml` counts it.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the node's first character in the file's text.
    pub start: usize,
    /// Byte offset just past the node's last character (for a block collection, past its last
    /// child; for an empty value, `start`).
    pub end: usize,
}

/// A [`NodeSpan`] in a quarter of the room: spec files are at most a few MiB.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Packed {
    line: u32,
    column: u32,
    start: u32,
    end: u32,
}

impl Packed {
    fn unpack(self) -> NodeSpan {
        let wide = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
        NodeSpan {
            line: wide(self.line),
            column: wide(self.column),
            start: wide(self.start),
            end: wide(self.end),
        }
    }
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What a node holds: its children are a range of [`SourceMap::items`] or
/// [`SourceMap::entries`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Children {
    /// A scalar, or a collection not closed when building stopped.
    None,
    /// A sequence's elements, in order.
    Seq { first: u32, len: u32 },
    /// A mapping's entries, sorted by key, equal keys in document order.
    Map { first: u32, len: u32 },
}

#[derive(Debug, Clone)]
struct Node {
    span: Packed,
    children: Children,
}

#[derive(Debug, Clone)]
struct Entry {
    /// The key's text; `None` for a key that is a collection, which no path can name.
    key: Option<Box<str>>,
    key_span: Packed,
    value: u32,
}

/// The position of every node of one YAML file, built once by [`SourceMap::build`] and looked
/// up by the steps of a [`NodePath`](super::NodePath) in time proportional to the path's length
/// (a binary search per mapping step).
///
/// Nodes form a tree, except that an alias is the node its anchor names, as `serde_yaml` reads
/// it: a node under an alias is located at its anchored definition, and nothing is copied, so
/// aliases cost no memory however often they are used.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    nodes: Vec<Node>,
    items: Vec<u32>,
    entries: Vec<Entry>,
    /// The document's root, when the file has one.
    root: Option<u32>,
    /// Byte offset of the start of each line as [`str::lines`] splits them (after each `\n`).
    line_starts: Vec<u32>,
}

#[cfg(test)]
thread_local! {
    /// How many maps this thread built: tests check that loading builds one per file.
    pub(crate) static BUILDS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl SourceMap {
    /// Maps every node of the first YAML document of `text`, in one pass over its events.
    ///
    /// Never fails: text the event parser cannot read is mapped up to the problem, and
    /// collections nested deeper than [`MAX_MAP_DEPTH`] are left out; a node that is not mapped is
    /// simply not found. The loader calls this only for files `serde_yaml` accepted.
    pub fn build(text: &str) -> SourceMap {
        #[cfg(test)]
        BUILDS.with(|builds| builds.set(builds.get() + 1));
        let mut builder = Builder::new(text);
        for event in Parser::new_from_str(text) {
            let Ok((event, span)) = event else { break };
            if !builder.event(event, span) {
                break;
            }
        }
        builder.finish()
    }

    /// Where the node at `steps` from the document root is.
    pub fn node(&self, steps: &[Step]) -> Option<NodeSpan> {
        Some(self.nodes.get(self.find(steps)?)?.span.unpack())
    }

    /// Where the key is whose value is the node at `steps`, when the last step is a key.
    pub fn key(&self, steps: &[Step]) -> Option<NodeSpan> {
        let (Step::Key(key), parent) = steps.split_last()? else {
            return None;
        };
        let parent = self.find(parent)?;
        self.entry(parent, key).map(|entry| entry.key_span.unpack())
    }

    /// How many nodes are mapped (an alias adds none).
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Line `number` (1-based) of `text`, the text this map was built from, without its line
    /// ending: the same line as `text.lines().nth(number - 1)`, found without scanning.
    pub fn line<'t>(&self, text: &'t str, number: usize) -> Option<&'t str> {
        if self.line_starts.is_empty() {
            return text.lines().nth(number.checked_sub(1)?);
        }
        let wide = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
        let start = wide(*self.line_starts.get(number.checked_sub(1)?)?);
        if start >= text.len() {
            return None;
        }
        let line = match self.line_starts.get(number) {
            Some(&next) => {
                let line = text.get(start..wide(next) - 1)?;
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => text.get(start..)?,
        };
        Some(line)
    }

    fn find(&self, steps: &[Step]) -> Option<usize> {
        let mut node = usize::try_from(self.root?).ok()?;
        for step in steps {
            let next = match step {
                Step::Key(key) => self.entry(node, key)?.value,
                Step::Index(index) => {
                    let Children::Seq { first, len } = self.nodes.get(node)?.children else {
                        return None;
                    };
                    let index = u32::try_from(*index).ok().filter(|index| *index < len)?;
                    *self.items.get(usize::try_from(first + index).ok()?)?
                }
            };
            node = usize::try_from(next).ok()?;
        }
        Some(node)
    }

    /// The first entry of mapping `node` whose key is `key`.
    fn entry(&self, node: usize, key: &str) -> Option<&Entry> {
        let Children::Map { first, len } = self.nodes.get(node)?.children else {
            return None;
        };
        let first = usize::try_from(first).ok()?;
        let entries = self
            .entries
            .get(first..first + usize::try_from(len).ok()?)?;
        let at = entries.partition_point(|entry| entry.key.as_deref() < Some(key));
        entries
            .get(at)
            .filter(|entry| entry.key.as_deref() == Some(key))
    }
}

/// Character indices (the event parser's) to byte offsets, lines and columns (`serde_yaml`'s).
struct Positions<'a> {
    text: &'a str,
    ascii: bool,
    /// Character index of the start of each line after the first, breaking lines where libyaml
    /// does: at `\r\n`, `\r`, `\n`, U+0085, U+2028 and U+2029.
    yaml_line_starts: Vec<u32>,
    /// Byte offset of each line start as `str::lines` splits (line 1 at 0).
    line_starts: Vec<u32>,
    /// The last conversion, `(character index, byte offset)`: events come nearly in order.
    cursor: (usize, usize),
}

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Self {
        let mut yaml_line_starts = Vec::new();
        let mut line_starts = vec![0];
        let mut chars = text.char_indices().enumerate().peekable();
        while let Some((index, (byte, c))) = chars.next() {
            let yaml_break = match c {
                '\r' => !matches!(chars.peek(), Some((_, (_, '\n')))),
                '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => true,
                _ => false,
            };
            if yaml_break {
                yaml_line_starts.push(narrow(index + 1));
            }
            if c == '\n' {
                line_starts.push(narrow(byte + 1));
            }
        }
        Positions {
            text,
            ascii: text.is_ascii(),
            yaml_line_starts,
            line_starts,
            cursor: (0, 0),
        }
    }

    /// The byte offset of character `index`, walking from the last one converted.
    fn byte(&mut self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.text.len());
        }
        let (mut at, mut byte) = self.cursor;
        if index >= at {
            for c in self.text[byte..].chars() {
                if at == index {
                    break;
                }
                at += 1;
                byte += c.len_utf8();
            }
        } else {
            for c in self.text[..byte].chars().rev() {
                at -= 1;
                byte -= c.len_utf8();
                if at == index {
                    break;
                }
            }
        }
        self.cursor = (at, byte);
        byte
    }

    /// Whether the collection whose start event spans characters `start..end` is in flow
    /// style: past its anchor and tag, its token is a `[` or `{` inside the span (a block
    /// collection's token is empty, at its first key or `-`).
    fn opens_flow(&mut self, start: usize, end: usize) -> bool {
        let byte = self.byte(start);
        let (mut in_property, mut in_comment) = (false, false);
        for (at, c) in (start..).zip(self.text[byte..].chars()) {
            if at >= end {
                return false;
            }
            match c {
                '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    (in_property, in_comment) = (false, false);
                }
                ' ' | '\t' => in_property = false,
                _ if in_property || in_comment => {}
                '&' | '!' => in_property = true,
                '#' => in_comment = true,
                '[' | '{' => return true,
                _ => return false,
            }
        }
        false
    }

    /// Past the closing quote of the quoted scalar whose event starts at character `start`
    /// (at its quote, or at its anchor or tag).
    fn quoted_end(&mut self, start: usize, double: bool) -> Option<usize> {
        let quote = if double { '"' } else { '\'' };
        let byte = self.byte(start);
        let mut chars = self.text[byte..].chars().peekable();
        let mut at = start;
        // Anchor, tag and the white space after them, up to the opening quote.
        loop {
            let c = chars.next()?;
            at += 1;
            if c == quote {
                break;
            }
        }
        while let Some(c) = chars.next() {
            at += 1;
            match c {
                '\\' if double => {
                    chars.next()?;
                    at += 1;
                }
                '\'' if !double && chars.peek() == Some(&'\'') => {
                    chars.next();
                    at += 1;
                }
                _ if c == quote => return Some(at),
                _ => {}
            }
        }
        None
    }

    fn char_at(&mut self, index: usize) -> Option<char> {
        let byte = self.byte(index);
        self.text[byte..].chars().next()
    }

    /// The span from character `start` to character `end`.
    fn span(&mut self, start: usize, end: usize) -> Packed {
        let start_index = narrow(start);
        let line = self
            .yaml_line_starts
            .partition_point(|&line_start| line_start <= start_index);
        // libyaml counts a byte order mark as the first line's first column.
        let line_start = match line {
            0 => 0,
            _ => self.yaml_line_starts[line - 1],
        };
        let start_byte = self.byte(start);
        let end_byte = self.byte(end.max(start));
        Packed {
            line: narrow(line + 1),
            column: start_index.saturating_sub(line_start) + 1,
            start: narrow(start_byte),
            end: narrow(end_byte),
        }
    }

    /// Where the `-` is that character `index` follows, with only blanks between them.
    fn back_to_dash(&mut self, index: usize) -> Option<usize> {
        let byte = self.byte(index);
        let mut at = index;
        for c in self.text[..byte].chars().rev() {
            at = at.checked_sub(1)?;
            match c {
                ' ' | '\t' => {}
                '-' => return Some(at),
                _ => return None,
            }
        }
        None
    }

    /// The index of the `|` or `>` header of a block scalar, the first past character `index`
    /// with only indicators, white space and comments before it.
    fn block_scalar_header(&mut self, index: usize) -> Option<usize> {
        let byte = self.byte(index);
        let mut in_comment = false;
        for (at, c) in (index..).zip(self.text[byte..].chars()) {
            match c {
                '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => in_comment = false,
                _ if in_comment => {}
                '|' | '>' => return Some(at),
                ' ' | '\t' | ':' | '-' | '?' => {}
                '#' => in_comment = true,
                _ => return None,
            }
        }
        None
    }

    /// `end` moved back past trailing white space and line breaks, down to `start` (bytes).
    fn trim_end(&self, start: u32, end: u32) -> u32 {
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
            return end;
        };
        self.text
            .get(start..end)
            .map_or(narrow(end), |node| narrow(start + node.trim_end().len()))
    }

    /// The index of the first character at or after `index` that is not white space, a line
    /// break or part of a comment: where libyaml's next token starts.
    fn next_token(&mut self, index: usize) -> usize {
        let byte = self.byte(index);
        let mut at = index;
        let mut in_comment = false;
        for c in self.text[byte..].chars() {
            match c {
                '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => in_comment = false,
                ' ' | '\t' => {}
                '#' => in_comment = true,
                _ if in_comment => {}
                _ => break,
            }
            at += 1;
        }
        at
    }
}

/// An open collection.
struct Frame {
    node: u32,
    map: bool,
    /// Flow style (`[..]`, `{..}`), or inside one.
    flow: bool,
    /// Where this collection's children start in [`Builder::pending_items`] or
    /// [`Builder::pending_entries`].
    first: usize,
    /// A mapping's key read, waiting for its value.
    key: Option<(Option<Box<str>>, Packed)>,
    /// Byte offset past the last child read, the end of a block collection.
    end: u32,
}

struct Builder<'a> {
    positions: Positions<'a>,
    map: SourceMap,
    stack: Vec<Frame>,
    pending_items: Vec<u32>,
    pending_entries: Vec<Entry>,
    /// Anchor id to its node, and a scalar's text, for aliases used as keys.
    anchors: HashMap<usize, (u32, Option<Box<str>>)>,
    /// Character index where the previous event's span ended.
    previous_end: usize,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            positions: Positions::new(text),
            map: SourceMap::default(),
            stack: Vec::new(),
            pending_items: Vec::new(),
            pending_entries: Vec::new(),
            anchors: HashMap::new(),
            previous_end: 0,
        }
    }

    fn finish(mut self) -> SourceMap {
        self.map.line_starts = std::mem::take(&mut self.positions.line_starts);
        self.map
    }

    /// Whether the next node read is a mapping key.
    fn at_key(&self) -> bool {
        self.stack
            .last()
            .is_some_and(|frame| frame.map && frame.key.is_none())
    }

    fn push_node(&mut self, span: Packed) -> u32 {
        self.map.nodes.push(Node {
            span,
            children: Children::None,
        });
        narrow(self.map.nodes.len() - 1)
    }

    /// Takes one event; `false` once the first document is read or building must stop.
    fn event(&mut self, event: Event<'_>, span: Span) -> bool {
        let previous_end = std::mem::replace(&mut self.previous_end, span.end.index());
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let at_key = self.at_key();
                let plain = anchor == 0 && tag.is_none();
                let empty = text.is_empty() && style == ScalarStyle::Plain;
                let block = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
                let start = if empty && plain && !at_key {
                    self.empty_value_start(span)
                } else if block && plain {
                    // The event parser starts a block scalar at its content; libyaml at its
                    // `|` or `>` header, the first one past the previous token.
                    self.positions
                        .block_scalar_header(previous_end)
                        .unwrap_or(span.start.index())
                } else {
                    span.start.index()
                };
                let end = match style {
                    _ if empty => start,
                    // The event's span runs on over blanks and a comment after the quote.
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => self
                        .positions
                        .quoted_end(span.start.index(), style == ScalarStyle::DoubleQuoted)
                        .unwrap_or(span.end.index()),
                    _ => span.end.index(),
                };
                let mut packed = self.positions.span(start, end);
                if block {
                    packed.end = self.positions.trim_end(packed.start, packed.end);
                }
                let node = self.push_node(packed);
                let key = at_key.then(|| Box::<str>::from(text.as_ref()));
                if anchor != 0 {
                    let text = key.clone().unwrap_or_else(|| text.as_ref().into());
                    self.anchors.insert(anchor, (node, Some(text)));
                }
                self.complete(node, packed.end, key)
            }
            Event::Alias(anchor) => {
                let Some((node, text)) = self.anchors.get(&anchor) else {
                    return false;
                };
                let (node, key) = (*node, self.at_key().then(|| text.clone()).flatten());
                let end = narrow(self.positions.byte(span.end.index()));
                self.complete(node, end, key)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if self.stack.len() >= MAX_MAP_DEPTH {
                    return false;
                }
                let map = matches!(event, Event::MappingStart(..));
                let flow = self.stack.last().is_some_and(|frame| frame.flow)
                    || self
                        .positions
                        .opens_flow(span.start.index(), span.end.index());
                let mut start = span.start.index();
                if !map && !flow && self.stack.last().is_some_and(|frame| frame.map) {
                    // An indentless sequence (`key:` then `- item` at the key's indentation)
                    // starts at its first `-` for libyaml, past it for the event parser.
                    start = self.positions.back_to_dash(start).unwrap_or(start);
                }
                let packed = self.positions.span(start, span.end.index());
                let node = self.push_node(packed);
                if anchor != 0 {
                    self.anchors.insert(anchor, (node, None));
                }
                let first = if map {
                    self.pending_entries.len()
                } else {
                    self.pending_items.len()
                };
                self.stack.push(Frame {
                    node,
                    map,
                    flow,
                    first,
                    key: None,
                    end: packed.end,
                });
                true
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return false;
                };
                let end = if frame.flow {
                    // Past the `]` or `}`, which the event's span starts at.
                    narrow(self.positions.byte(span.start.index() + 1))
                } else {
                    frame.end
                };
                let children = if frame.map {
                    let first = narrow(self.map.entries.len());
                    let mut entries = self.pending_entries.split_off(frame.first);
                    // Stable: of equal keys the first written stays first, as serde_yaml reads.
                    entries.sort_by(|a, b| a.key.cmp(&b.key));
                    let len = narrow(entries.len());
                    self.map.entries.append(&mut entries);
                    Children::Map { first, len }
                } else {
                    let first = narrow(self.map.items.len());
                    let len = narrow(self.pending_items.len() - frame.first);
                    self.map
                        .items
                        .extend(self.pending_items.drain(frame.first..));
                    Children::Seq { first, len }
                };
                let node = &mut self.map.nodes[frame.node as usize];
                node.children = children;
                node.span.end = end;
                self.complete(frame.node, end, None)
            }
            Event::DocumentEnd | Event::StreamEnd => false,
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) => true,
        }
    }

    /// Where libyaml puts an empty value (`key:` with nothing after it, a bare `-`): just past
    /// the `:` or `-` in block style, at the next token in flow style. The event parser puts it
    /// at the `:`, or past the `-` and the blanks after it.
    fn empty_value_start(&mut self, span: Span) -> usize {
        let start = span.start.index();
        let Some(frame) = self.stack.last() else {
            return start;
        };
        match (self.positions.char_at(start), frame.map, frame.flow) {
            (Some(':'), _, false) => start + 1,
            (Some(':'), _, true) => self.positions.next_token(start + 1),
            (_, false, false) => self
                .positions
                .back_to_dash(start)
                .map_or(start, |dash| dash + 1),
            _ => start,
        }
    }

    /// Files a finished node under the open collection, or as the root.
    fn complete(&mut self, node: u32, end: u32, key: Option<Box<str>>) -> bool {
        let node_span = self.map.nodes[node as usize].span;
        let Some(frame) = self.stack.last_mut() else {
            self.map.root = Some(node);
            return true;
        };
        frame.end = frame.end.max(end);
        if !frame.map {
            self.pending_items.push(node);
        } else if let Some((key, key_span)) = frame.key.take() {
            self.pending_entries.push(Entry {
                key,
                key_span,
                value: node,
            });
        } else {
            frame.key = Some((key, node_span));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use std::fmt;

    use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

    use super::*;

    /// Where `serde_yaml` puts the node at `steps`: the way positions were found before the
    /// source map, by reading the file again and failing on purpose at that node. The oracle the
    /// map is checked against.
    fn seek(text: &str, steps: &[Step]) -> Option<(usize, usize)> {
        let deserializer = serde_yaml::Deserializer::from_str(text);
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
    fn agrees_with_serde_yaml(text: &str, stride: usize) -> usize {
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
    fn every_node_of_the_catalogue_is_where_serde_yaml_puts_it() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec");
        let mut compared = 0;
        let entries = std::fs::read_dir(dir).unwrap_or_else(|err| panic!("{dir}: {err}"));
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.extension().is_some_and(|ext| ext == "yaml") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
                compared += agrees_with_serde_yaml(&text, 1);
            }
        }
        assert!(compared > 1_000, "{compared}");
    }

    #[test]
    fn tricky_yaml_is_located_as_serde_yaml_locates_it() {
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
            // (A collection as key ends serde_yaml's reading by name: it comes last.)
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
            // (serde_yaml reads a second key after a byte order mark as a second document.)
            "\u{feff}a: [1, {b: 2}]\n",
            "a: \"x\u{2028}y\"\nb: 1\nc: 'p\u{85}q'\nd: 2\n",
            "a: 1\rb: 2\r",
            // Duplicate keys (serde_yaml's untyped reading keeps the first).
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
            agrees_with_serde_yaml(case, 1);
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
    fn lines_are_those_of_str_lines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "a\nb",
            "a\n\nb\r",
            "x\ry\n",
            "é\n日本\n",
        ] {
            let map = SourceMap::build(text);
            for number in 0..6_usize {
                let expected = number
                    .checked_sub(1)
                    .and_then(|index| text.lines().nth(index));
                assert_eq!(map.line(text, number), expected, "{text:?} line {number}");
            }
        }
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
}
