//! Where every node of a spec file is, found in one pass over the file's YAML events.
//!
//! `yaml_serde` reads the typed spec but tells positions only in its errors, so the loader reads
//! each file it accepted once more with `saphyr-parser`, an event parser whose events carry their
//! spans, and keeps the position of every node in a [`SourceMap`]. Positions are those
//! `yaml_serde` reports (libyaml's start mark of the node's event): a scalar's first character,
//! its quote or its `&anchor`, a block collection's first key or `-`, a flow collection's bracket.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use super::Step;

/// Collections nested deeper than this are not mapped: building stops there. Files that
/// `yaml_serde` accepts nest at most 128 levels (its recursion limit).
pub const MAX_MAP_DEPTH: usize = 1_000;

/// Where one node is in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NodeSpan {
    /// 1-based line, counted as `yaml_serde` counts it.
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
/// Nodes form a tree, except that an alias is the node its anchor names, as `yaml_serde` reads
/// it: a node under an alias is located at its anchored definition, and nothing is copied, so
/// aliases cost no memory however often they are used.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    nodes: Vec<Node>,
    items: Vec<u32>,
    entries: Vec<Entry>,
    /// The document's root, when the file has one.
    root: Option<u32>,
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
    /// simply not found. The loader calls this only for files `yaml_serde` accepted.
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

use positions::Positions;

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

    fn finish(self) -> SourceMap {
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
                    // Stable: of equal keys the first written stays first, as yaml_serde reads.
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

mod positions;
#[cfg(test)]
mod tests;
