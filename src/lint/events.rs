//! Event names as an application writes them: the descriptors of `<transition event="...">`
//! and the names `_event.name` is compared with, checked against the catalogue, the events
//! the application defines itself, and the families the linter knows.

use std::fmt::Write as _;

use roxmltree::Document;

use super::descriptor::{self, Pattern};
use super::families::{family_token, misspelt};
use super::linter::{attribute, is_scxml, list, Linter};
use super::scan::Decoded;
use super::{Options, BAD_DESCRIPTOR, UNKNOWN_FAMILY};

/// The events an application defines itself: the project's (see [`Options::events`]) and
/// those the document sends or raises with a literal name (`<send event="'Entry1.done'">`,
/// `<raise event="application.start">`), and the families it names
/// ([`Options::families`], and the family tokens of those events).
#[derive(Debug, Clone, Default)]
pub(super) struct OwnEvents {
    events: Vec<String>,
    families: Vec<String>,
}

impl OwnEvents {
    pub(super) fn new(document: &Document<'_>, options: &Options) -> OwnEvents {
        let mut events = options.events.clone();
        for node in document.descendants() {
            if !(is_scxml(&node, "send") || is_scxml(&node, "raise")) {
                continue;
            }
            let literal = attribute(&node, "event")
                .map(|event| descriptor::unquote(event.value().trim()).0.to_owned())
                .or_else(|| {
                    let expr = attribute(&node, "eventexpr")?;
                    let value = expr.value().trim();
                    let (inner, shift) = descriptor::unquote(value);
                    let quoted = shift == 1 && inner.len() + 2 == value.len();
                    (quoted && !inner.contains(['\'', '"'])).then(|| inner.to_owned())
                });
            if let Some(name) = literal.filter(|name| !name.is_empty()) {
                events.push(name);
            }
        }
        events.sort();
        events.dedup();
        let mut families = options.families.clone();
        families.extend(
            events
                .iter()
                .filter_map(|event| family_token(event))
                .map(str::to_owned),
        );
        OwnEvents { events, families }
    }

    /// Whether the descriptor matches one of these events.
    fn matches(&self, descriptor: &str) -> bool {
        let pattern = Pattern::parse(descriptor);
        self.events
            .iter()
            .any(|event| event == descriptor || pattern.matches(event))
    }
}

/// One descriptor of a transition's list.
struct Descriptor {
    text: String,
    offset: usize,
}

impl Linter<'_, '_, '_> {
    /// Checks the descriptors of an `event` value; the indexes of the catalogue events they
    /// match, or `None` when one of them lies outside the catalogue's families (then the
    /// transition can match events the catalogue does not describe) or none matches.
    pub(super) fn descriptors(&mut self, value: &Decoded) -> Option<Vec<usize>> {
        let mut all_owned = true;
        let mut matched: Vec<usize> = Vec::new();
        let descriptors = split_descriptors(value);
        for descriptor in &descriptors {
            match self.descriptor(descriptor) {
                Some(events) => {
                    for event in events {
                        if !matched.contains(&event) {
                            matched.push(event);
                        }
                    }
                }
                None => all_owned = false,
            }
        }
        (all_owned && !matched.is_empty()).then_some(matched)
    }

    /// Checks one descriptor; the events it matches when it lies in a catalogue family.
    fn descriptor(&mut self, descriptor: &Descriptor) -> Option<Vec<usize>> {
        let text = descriptor.text.as_str();
        if self.own.matches(text) {
            return None;
        }
        if descriptor::owned_family(self.catalogue, text).is_none() {
            self.family(text, descriptor.offset, "descriptor");
            return None;
        }
        let pattern = Pattern::parse(text);
        if let Pattern::Invalid(why) = pattern {
            self.report(
                BAD_DESCRIPTOR,
                descriptor.offset,
                format!("event descriptor `{text}` cannot match any event: {why}"),
                None,
            );
            return Some(Vec::new());
        }
        let catalogue = self.catalogue;
        let matched = pattern.catalogue_events(catalogue);
        if matched.is_empty() {
            self.unmatched(text, descriptor.offset);
            return Some(matched);
        }
        let events = self.events(&matched);
        self.event_version(&events, text, descriptor.offset);
        Some(matched)
    }

    /// Reports a descriptor of a catalogue family that matches nothing.
    fn unmatched(&mut self, text: &str, offset: usize) {
        let catalogue = self.catalogue;
        let stem = text.strip_suffix(".*").unwrap_or(text);
        // `interaction.party`: a prefix of names, but not of their tokens.
        let cut: Vec<&str> = catalogue
            .events()
            .iter()
            .map(|event| event.name.as_str())
            .filter(|name| name.starts_with(stem))
            .collect();
        let mut message = format!("unknown event `{text}`: it matches no event of the catalogue");
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
        self.unknown_event(message, offset, suggestion);
    }

    /// Reports a name outside the catalogue's families whose family token looks like a
    /// misspelt catalogue family. `what` names it ("descriptor", "event name").
    fn family(&mut self, text: &str, offset: usize, what: &str) {
        let Some(token) = family_token(text) else {
            return;
        };
        let catalogue = self.catalogue;
        let Some(family) = misspelt(token, catalogue.families(), &self.own.families) else {
            return;
        };
        let corrected = replace_family(text, token, family);
        let suggestion = if Pattern::parse(&corrected)
            .catalogue_events(catalogue)
            .is_empty()
        {
            descriptor::suggestion(catalogue, &corrected).unwrap_or(corrected)
        } else {
            corrected
        };
        let message = format!(
            "unknown event family `{token}` in the {what} `{text}`: did you mean `{family}` \
             (`{suggestion}`)?"
        );
        self.report(UNKNOWN_FAMILY, offset, message, Some(suggestion));
    }

    /// Checks a string `_event.name` is compared with, at `offset`.
    pub(super) fn event_name(&mut self, name: &str, offset: usize) {
        if self.own.matches(name) {
            return;
        }
        if descriptor::owned_family(self.catalogue, name).is_none() {
            self.family(name, offset, "event name");
            return;
        }
        let catalogue = self.catalogue;
        let found: Vec<usize> = catalogue
            .events()
            .iter()
            .enumerate()
            .filter(|(_, event)| event.name == name)
            .map(|(index, _)| index)
            .collect();
        if found.is_empty() {
            let names = catalogue.events().iter().map(|event| event.name.as_str());
            let suggestion = crate::names::closest(name, names).map(str::to_owned);
            let message = format!(
                "unknown event `{name}`: `_event.name` is compared with a name no event of the \
                 catalogue has"
            );
            self.unknown_event(message, offset, suggestion);
            return;
        }
        let events = self.events(&found);
        self.event_version(&events, name, offset);
    }
}

/// `text` with its family token `token` replaced by `family`.
fn replace_family(text: &str, token: &str, family: &str) -> String {
    match text.find(token) {
        Some(at) => format!("{}{family}{}", &text[..at], &text[at + token.len()..]),
        None => text.to_owned(),
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
