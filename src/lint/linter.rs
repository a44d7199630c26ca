//! The walk over a parsed document: each `<transition>`'s descriptors and the `_event.data`
//! reads under it, checked against the catalogue.

use std::fmt::Write as _;

use roxmltree::{Document, Node};

use super::catalogue::{Attribute, Event};
use super::descriptor::{self, Pattern};
use super::scan::{self, Decoded, LineIndex, Markup};
use super::{
    rule, Catalogue, Finding, Severity, BAD_DESCRIPTOR, NOT_IN_VERSION, SCXML_NAMESPACE,
    UNKNOWN_ATTRIBUTE, UNKNOWN_EVENT,
};
use crate::OrsVersion;

/// Every finding of the transitions of `document` (parsed from `source`) against `catalogue`,
/// in no set order.
pub(super) fn transitions(
    catalogue: &Catalogue,
    source: &str,
    index: &LineIndex<'_>,
    document: &Document<'_>,
    target: Option<OrsVersion>,
) -> Vec<Finding> {
    let mut linter = Linter {
        catalogue,
        source,
        index,
        target,
        findings: Vec::new(),
    };
    for node in document.descendants().filter(is_transition) {
        linter.transition(node);
    }
    linter.findings
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

struct Linter<'c, 's, 'i> {
    catalogue: &'c Catalogue,
    source: &'s str,
    index: &'i LineIndex<'s>,
    target: Option<OrsVersion>,
    findings: Vec<Finding>,
}

impl<'c> Linter<'c, '_, '_> {
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
        let mut matched: Vec<usize> = Vec::new();
        for descriptor in &descriptors {
            if descriptor::owned_family(self.catalogue, &descriptor.text).is_none() {
                all_owned = false;
                continue;
            }
            for event in self.descriptor(descriptor) {
                if !matched.contains(&event) {
                    matched.push(event);
                }
            }
        }
        if !all_owned || matched.is_empty() {
            return;
        }
        let events = self.events(&matched);
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

    /// The catalogue's events at these indexes.
    fn events(&self, indexes: &[usize]) -> Vec<&'c Event> {
        let catalogue = self.catalogue;
        indexes
            .iter()
            .filter_map(|index| catalogue.events().get(*index))
            .collect()
    }

    /// Checks one descriptor of an owned family; the indexes of the catalogue events it matches.
    fn descriptor(&mut self, descriptor: &Descriptor) -> Vec<usize> {
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
        let catalogue = self.catalogue;
        let matched = pattern.catalogue_events(catalogue);
        if matched.is_empty() {
            let stem = text.strip_suffix(".*").unwrap_or(text);
            // `interaction.party`: a prefix of names, but not of their tokens.
            let cut: Vec<&str> = catalogue
                .events()
                .iter()
                .map(|event| event.name.as_str())
                .filter(|name| name.starts_with(stem))
                .collect();
            let mut message =
                format!("unknown event `{text}`: it matches no event of the catalogue");
            let suggestion = match cut.as_slice() {
                [] => descriptor::suggestion(catalogue, text),
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
            return matched;
        }
        if let Some(target) = self.target {
            let events = self.events(&matched);
            if !events.iter().any(|event| available(event.since, &target)) {
                let message = if let [event] = events.as_slice() {
                    format!(
                        "event `{}` exists since ORS {}, after the target release {target}",
                        event.name,
                        since_text(event.since),
                    )
                } else {
                    format!(
                        "every event `{text}` matches is newer than the target release {target}: {}",
                        list(events.iter().map(|event| format!(
                            "`{}` (since {})",
                            event.name,
                            since_text(event.since)
                        )))
                    )
                };
                self.report(NOT_IN_VERSION, descriptor.offset, message, None);
            }
        }
        matched
    }

    /// Checks one read of `_event.data.NAME` under a transition that can match `events`.
    fn read(&mut self, events: &[&Event], name: &str, offset: usize) {
        let carriers: Vec<(&Event, &Attribute)> = events
            .iter()
            .filter_map(|event| {
                event
                    .attributes
                    .iter()
                    .find(|attribute| attribute.name == name)
                    .map(|attribute| (*event, attribute))
            })
            .collect();
        if carriers.is_empty() {
            let mut known: Vec<&str> = Vec::new();
            for attribute in events.iter().flat_map(|event| &event.attributes) {
                if !known.contains(&attribute.name.as_str()) {
                    known.push(&attribute.name);
                }
            }
            let suggestion = crate::names::closest(name, known.iter().copied()).map(str::to_owned);
            let mut message = match events {
                [event] => format!("`{}` has no attribute `{name}`", event.name),
                _ => format!(
                    "none of the events this transition can match has an attribute `{name}` ({})",
                    list(events.iter().map(|event| format!("`{}`", event.name)))
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
        if !events.iter().any(|event| available(event.since, &target)) {
            return;
        }
        let in_version = |(event, attribute): &(&Event, &Attribute)| {
            available(event.since, &target) && available(attribute.since, &target)
        };
        if carriers.iter().any(in_version) {
            return;
        }
        if let Some((event, attribute)) = carriers.first() {
            let since = match (event.since, attribute.since) {
                (Some(event), Some(attribute)) => Some(event.max(attribute)),
                (event, attribute) => event.or(attribute),
            };
            let message = format!(
                "attribute `{name}` of `{}` exists since ORS {}, after the target release {target}",
                event.name,
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
