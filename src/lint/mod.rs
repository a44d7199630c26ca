//! Checking SCXML applications against the catalogue (`ors-events lint`; cargo feature `lint`).
//!
//! Two things are checked, each finding with its line and column:
//!
//! - **Event descriptors.** Every descriptor of every `<transition event="...">` (SCXML's
//!   namespace or none) that lies in a family the catalogue owns — `interaction.`, `voice.`,
//!   `msgbased.`, `chat.`, and `error.` followed by one of those — must match a catalogue event
//!   by the W3C SCXML rules (see [`descriptor`]): `interaction.partydelete` matches nothing
//!   (`unknown-event`, with a "did you mean"), `interaction.*.done` cannot match anything
//!   (`bad-descriptor`). Other descriptors (`queue.`, `dialog.`, `application.`, `error.*`,
//!   `*`, your own events) are left alone. A quoted descriptor (`event="'interaction.added'"`,
//!   which some tools write) is checked by the name inside its quotes.
//! - **Attribute reads.** In a transition's `cond` and in everything under it (every attribute
//!   of the executable content — `<if cond>`, `<elseif cond>`, `<log expr>`, `<assign expr>`,
//!   `<send>`'s `<param expr>`, ORS actions' attributes — and its text: `<script>`, CDATA
//!   included), each `_event.data.NAME` must name an attribute that at least one event the
//!   transition's descriptors can match carries (`unknown-attribute`, with the attributes
//!   there are). This is checked only when every descriptor lies in an owned family: a bare
//!   `error` or `*` can match events the catalogue does not describe. ECMAScript is not parsed:
//!   the text is scanned for `_event.data.NAME`, `_event.data?.NAME` and
//!   `_event.data['NAME']`; a computed key, a method call (`_event.data.hasOwnProperty(...)`)
//!   and an alias (`var d = _event.data`) are not followed, and reads inside string literals
//!   and comments count.
//!
//! With a target release ([`Options::ors_version`]), descriptors that match only newer events
//! and attributes that only newer events or releases carry are reported (`not-in-version`).
//!
//! Codes and severities ([`RULES`]): `unknown-event`, `bad-descriptor`, `unknown-attribute`,
//! `malformed-xml` and `unreadable-file` are errors; `not-in-version` is a warning (an
//! application may well serve several releases). A file that is not well-formed XML (or not
//! UTF-8) gets one `malformed-xml` finding at the parser's position and nothing else.
//!
//! ```
//! use ors_events::lint::{lint, Options};
//!
//! let scxml = r#"<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0">
//!   <state id="routing">
//!     <transition event="interaction.partydelete" target="done"/>
//!     <transition event="interaction.added" cond="_event.data.partyid == 'p1'"/>
//!   </state>
//! </scxml>"#;
//! let findings = lint(scxml, &Options::new());
//! assert_eq!(findings.len(), 2);
//! assert_eq!((findings[0].code, findings[0].line, findings[0].column), ("unknown-event", 3, 24));
//! assert_eq!(findings[0].suggestion.as_deref(), Some("interaction.partydeleted"));
//! assert_eq!((findings[1].code, findings[1].line, findings[1].column), ("unknown-attribute", 4, 61));
//! ```

pub mod descriptor;
mod output;
mod scan;

use std::fmt::Write as _;

use roxmltree::{Document, Node, ParsingOptions};

pub use crate::validate::Severity;
use crate::{AttributeInfo, EventName, OrsVersion};
use descriptor::Pattern;
pub use output::{json_line, sarif, text_line, FileReport};
use scan::{Decoded, LineIndex, Markup};

/// The SCXML namespace.
pub const SCXML_NAMESPACE: &str = "http://www.w3.org/2005/07/scxml";

/// How to lint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Check against this ORS release: events and attributes newer than it are reported.
    pub ors_version: Option<OrsVersion>,
}

impl Options {
    /// Linting against the whole catalogue.
    pub fn new() -> Self {
        Options::default()
    }

    /// Linting against the ORS release `version`.
    pub fn ors_version(mut self, version: OrsVersion) -> Self {
        self.ors_version = Some(version);
        self
    }
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// A stable code, one of [`RULES`].
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// The 1-based line; 0 for a finding about the whole file (`unreadable-file`).
    pub line: u32,
    /// The 1-based column, in characters; 0 for a finding about the whole file.
    pub column: u32,
    /// What is wrong, for people.
    pub message: String,
    /// The name to write instead, when one is close enough to suggest.
    pub suggestion: Option<String>,
}

impl Finding {
    /// The finding for a file that could not be read.
    pub fn unreadable(error: &std::io::Error) -> Finding {
        Finding {
            code: UNREADABLE_FILE,
            severity: Severity::Error,
            line: 0,
            column: 0,
            message: format!("cannot read the file: {error}"),
            suggestion: None,
        }
    }
}

/// A kind of finding: its code, severity and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The stable code.
    pub code: &'static str,
    /// The severity of every finding of this kind.
    pub severity: Severity,
    /// One sentence on what it means.
    pub description: &'static str,
}

const UNKNOWN_EVENT: &str = "unknown-event";
const BAD_DESCRIPTOR: &str = "bad-descriptor";
const UNKNOWN_ATTRIBUTE: &str = "unknown-attribute";
const NOT_IN_VERSION: &str = "not-in-version";
const MALFORMED_XML: &str = "malformed-xml";
const UNREADABLE_FILE: &str = "unreadable-file";

/// Every kind of finding, in a fixed order.
pub const RULES: &[Rule] = &[
    Rule {
        code: UNKNOWN_EVENT,
        severity: Severity::Error,
        description: "An event descriptor in a family the catalogue owns matches no event of the catalogue.",
    },
    Rule {
        code: BAD_DESCRIPTOR,
        severity: Severity::Error,
        description: "An event descriptor in a family the catalogue owns cannot match any event as written (a `*` that is not alone or a trailing `.*`, an empty token).",
    },
    Rule {
        code: UNKNOWN_ATTRIBUTE,
        severity: Severity::Error,
        description: "`_event.data.NAME` reads an attribute that none of the events the transition can match carries.",
    },
    Rule {
        code: NOT_IN_VERSION,
        severity: Severity::Warning,
        description: "An event or attribute the application uses is newer than the target ORS release.",
    },
    Rule {
        code: MALFORMED_XML,
        severity: Severity::Error,
        description: "The file is not well-formed XML in UTF-8, so nothing else in it was checked.",
    },
    Rule {
        code: UNREADABLE_FILE,
        severity: Severity::Error,
        description: "The file could not be read.",
    },
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.code == code)
}

/// Lints an SCXML document given as bytes: as [`lint`], and a document that is not UTF-8 is
/// `malformed-xml` at its first bad byte.
pub fn lint_bytes(source: &[u8], options: &Options) -> Vec<Finding> {
    match std::str::from_utf8(source) {
        Ok(text) => lint(text, options),
        Err(error) => {
            let valid = &source[..error.valid_up_to()];
            let (line, column) = match std::str::from_utf8(valid) {
                Ok(valid) => LineIndex::new(valid).end(),
                Err(_) => (1, 1),
            };
            let byte = source.get(error.valid_up_to()).copied().unwrap_or(0);
            vec![Finding {
                code: MALFORMED_XML,
                severity: Severity::Error,
                line,
                column,
                message: format!(
                    "not UTF-8: byte 0x{byte:02X} is not valid here (save the file as UTF-8)"
                ),
                suggestion: None,
            }]
        }
    }
}

/// Lints an SCXML document: every finding, in order of position.
pub fn lint(source: &str, options: &Options) -> Vec<Finding> {
    let index = LineIndex::new(source);
    let parsing = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let document = match Document::parse_with_options(source, parsing) {
        Ok(document) => document,
        Err(error) => return vec![malformed(&error, &index)],
    };
    let mut linter = Linter {
        source,
        index: &index,
        target: options.ors_version,
        findings: Vec::new(),
    };
    for node in document.descendants().filter(is_transition) {
        linter.transition(node);
    }
    let mut findings = linter.findings;
    findings.sort_by_key(|finding| (finding.line, finding.column, finding.code));
    findings
}

fn malformed(error: &roxmltree::Error, index: &LineIndex<'_>) -> Finding {
    let position = error.pos();
    let (line, column) = match error {
        // These carry no position of their own; the end of the file is where they show.
        roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => index.end(),
        _ => (position.row, position.col),
    };
    let text = error.to_string();
    let suffix = format!(" at {position}");
    let text = text.strip_suffix(&suffix).unwrap_or(&text);
    Finding {
        code: MALFORMED_XML,
        severity: Severity::Error,
        line,
        column,
        message: format!("not well-formed XML: {text}"),
        suggestion: None,
    }
}

fn is_transition(node: &Node<'_, '_>) -> bool {
    node.is_element()
        && node.tag_name().name() == "transition"
        && node
            .tag_name()
            .namespace()
            .is_none_or(|namespace| namespace == SCXML_NAMESPACE)
}

/// One descriptor of a transition's list.
struct Descriptor {
    text: String,
    offset: usize,
}

struct Linter<'s, 'i> {
    source: &'s str,
    index: &'i LineIndex<'s>,
    target: Option<OrsVersion>,
    findings: Vec<Finding>,
}

impl Linter<'_, '_> {
    fn report(
        &mut self,
        code: &'static str,
        offset: usize,
        message: String,
        suggestion: Option<String>,
    ) {
        let (line, column) = self.index.position(offset);
        let severity = rule(code).map_or(Severity::Error, |rule| rule.severity);
        self.findings.push(Finding {
            code,
            severity,
            line,
            column,
            message,
            suggestion,
        });
    }

    /// The value of an attribute, with its positions.
    fn attribute_value(&self, attribute: &roxmltree::Attribute<'_, '_>) -> Decoded {
        let range = attribute.range_value();
        let raw = self.source.get(range.clone());
        Decoded::new(raw, range.start, Markup::Attribute, attribute.value())
    }

    fn transition(&mut self, node: Node<'_, '_>) {
        let Some(event) = node
            .attributes()
            .find(|a| a.name() == "event" && a.namespace().is_none())
        else {
            return;
        };
        let value = self.attribute_value(&event);
        let descriptors = split_descriptors(&value);
        let mut all_owned = !descriptors.is_empty();
        let mut events: Vec<EventName> = Vec::new();
        for descriptor in &descriptors {
            if descriptor::owned_family(&descriptor.text).is_none() {
                all_owned = false;
                continue;
            }
            for event in self.descriptor(descriptor) {
                if !events.contains(&event) {
                    events.push(event);
                }
            }
        }
        if !all_owned || events.is_empty() {
            return;
        }
        let mut scripts = Vec::new();
        if let Some(cond) = node
            .attributes()
            .find(|a| a.name() == "cond" && a.namespace().is_none())
        {
            scripts.push(self.attribute_value(&cond));
        }
        for inner in node.descendants().filter(|inner| *inner != node) {
            if inner.is_element() {
                for attribute in inner.attributes() {
                    scripts.push(self.attribute_value(&attribute));
                }
            } else if inner.is_text() {
                if let Some(text) = self.text_content(inner) {
                    scripts.push(text);
                }
            }
        }
        for script in &scripts {
            for read in scan::event_data_reads(&script.text) {
                self.read(&events, &read.name, script.source_offset(read.at));
            }
        }
    }

    /// Checks one descriptor of an owned family; the catalogue events it matches.
    fn descriptor(&mut self, descriptor: &Descriptor) -> Vec<EventName> {
        let text = descriptor.text.as_str();
        let pattern = Pattern::parse(text);
        if let Pattern::Invalid(why) = pattern {
            self.report(
                BAD_DESCRIPTOR,
                descriptor.offset,
                format!("event descriptor `{text}` cannot match any event: {why}"),
                None,
            );
            return Vec::new();
        }
        let events = pattern.catalogue_events();
        if events.is_empty() {
            let stem = text.strip_suffix(".*").unwrap_or(text);
            // `interaction.party`: a prefix of names, but not of their tokens.
            let cut: Vec<&str> = EventName::ALL
                .iter()
                .map(|event| event.as_str())
                .filter(|name| name.starts_with(stem))
                .collect();
            let mut message =
                format!("unknown event `{text}`: it matches no event of the catalogue");
            let suggestion = match cut.as_slice() {
                [] => descriptor::suggestion(text),
                [only] => Some((*only).to_owned()),
                _ => None,
            };
            if !cut.is_empty() {
                let _ = write!(
                    message,
                    " (descriptors match whole tokens, so not {})",
                    list(cut.iter().map(|name| format!("`{name}`")))
                );
            }
            if let Some(suggestion) = &suggestion {
                let _ = write!(message, "; did you mean `{suggestion}`?");
            }
            self.report(UNKNOWN_EVENT, descriptor.offset, message, suggestion);
            return events;
        }
        if let Some(target) = self.target {
            if !events.iter().any(|event| available(event.since(), &target)) {
                let message = if let [event] = events.as_slice() {
                    format!(
                        "event `{}` exists since ORS {}, after the target release {target}",
                        event.as_str(),
                        since_text(event.since()),
                    )
                } else {
                    format!(
                        "every event `{text}` matches is newer than the target release {target}: {}",
                        list(events.iter().map(|event| format!(
                            "`{}` (since {})",
                            event.as_str(),
                            since_text(event.since())
                        )))
                    )
                };
                self.report(NOT_IN_VERSION, descriptor.offset, message, None);
            }
        }
        events
    }

    /// Checks one read of `_event.data.NAME` under a transition that can match `events`.
    fn read(&mut self, events: &[EventName], name: &str, offset: usize) {
        let carriers: Vec<(EventName, &AttributeInfo)> = events
            .iter()
            .filter_map(|event| {
                event
                    .attributes()
                    .iter()
                    .find(|attribute| attribute.name == name)
                    .map(|attribute| (*event, attribute))
            })
            .collect();
        if carriers.is_empty() {
            let mut known: Vec<&'static str> = Vec::new();
            for attribute in events.iter().flat_map(|event| event.attributes()) {
                if !known.contains(&attribute.name) {
                    known.push(attribute.name);
                }
            }
            let suggestion =
                ors_events_core::names::closest(name, known.iter().copied()).map(str::to_owned);
            let mut message = match events {
                [event] => format!("`{}` has no attribute `{name}`", event.as_str()),
                _ => format!(
                    "none of the events this transition can match has an attribute `{name}` ({})",
                    list(events.iter().map(|event| format!("`{}`", event.as_str())))
                ),
            };
            match (&suggestion, events) {
                (Some(suggestion), _) => {
                    let _ = write!(message, "; did you mean `{suggestion}`?");
                }
                (None, _) if known.is_empty() => message.push_str("; it carries no attributes"),
                (None, [_]) => {
                    let _ = write!(message, "; its attributes: {}", names(&known));
                }
                (None, _) => {
                    let _ = write!(message, "; their attributes: {}", names(&known));
                }
            }
            self.report(UNKNOWN_ATTRIBUTE, offset, message, suggestion);
            return;
        }
        let Some(target) = self.target else {
            return;
        };
        // A transition whose events are all newer is reported once, at its descriptor.
        if !events.iter().any(|event| available(event.since(), &target)) {
            return;
        }
        let in_version = |(event, attribute): &(EventName, &AttributeInfo)| {
            available(event.since(), &target) && available(attribute.since, &target)
        };
        if carriers.iter().any(in_version) {
            return;
        }
        if let Some((event, attribute)) = carriers.first() {
            let since = match (event.since(), attribute.since) {
                (Some(event), Some(attribute)) => Some(event.max(attribute)),
                (event, attribute) => event.or(attribute),
            };
            let message = format!(
                "attribute `{name}` of `{}` exists since ORS {}, after the target release {target}",
                event.as_str(),
                since_text(since),
            );
            self.report(NOT_IN_VERSION, offset, message, None);
        }
    }

    /// The text of a text node, with positions from its raw markup: up to the next node, or to
    /// the parent's end tag (the parser merges text, references and CDATA sections into one
    /// node).
    fn text_content(&self, node: Node<'_, '_>) -> Option<Decoded> {
        let parsed = node.text()?;
        let start = node.range().start;
        let parent = node.parent()?.range();
        let end = match node.next_sibling() {
            Some(next) => Some(next.range().start),
            None => self
                .source
                .get(parent.clone())
                .and_then(|markup| markup.rfind("</"))
                .map(|end| parent.start + end),
        };
        if !(parent.start..parent.end).contains(&start) {
            // Text from an entity the DTD defines: placed at its element.
            return Some(Decoded::new(None, parent.start, Markup::Content, parsed));
        }
        let raw = end
            .filter(|end| start <= *end && *end <= parent.end)
            .and_then(|end| self.source.get(start..end));
        Some(Decoded::new(raw, start, Markup::Content, parsed))
    }
}

/// The descriptors of a decoded `event` value, unquoted, with their source offsets.
fn split_descriptors(value: &Decoded) -> Vec<Descriptor> {
    let text = value.text.as_str();
    let mut descriptors = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        let word_start = text.len() - rest.len() + start;
        let word = &rest[start..];
        let length = word.find(char::is_whitespace).unwrap_or(word.len());
        let (inner, shift) = descriptor::unquote(&word[..length]);
        if !inner.is_empty() {
            descriptors.push(Descriptor {
                text: inner.to_owned(),
                offset: value.source_offset(word_start + shift),
            });
        }
        rest = &word[length..];
    }
    descriptors
}

fn available(since: Option<OrsVersion>, target: &OrsVersion) -> bool {
    since.is_none_or(|since| since <= *target)
}

fn since_text(since: Option<OrsVersion>) -> String {
    since.map_or_else(|| "its first release".to_owned(), |since| since.to_string())
}

fn names(names: &[&str]) -> String {
    list(names.iter().map(|name| format!("`{name}`")))
}

/// At most six items, then how many more.
fn list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    let mut text = items.iter().take(6).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > 6 {
        let _ = write!(text, " and {} more", items.len() - 6);
    }
    text
}

#[cfg(test)]
mod tests {
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
}
