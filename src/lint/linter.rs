//! The walk over a parsed document: each `<transition>`'s descriptors and the `_event.data`
//! reads under it, with the presence tests that guard them, and every comparison of
//! `_event.name` with a string, checked against the catalogue.

use std::fmt::Write as _;

use roxmltree::{Document, Node};

use super::catalogue::{Attribute, Event};
use super::scan::{Decoded, LineIndex, Markup};
use super::script::{self, Aliases};
use super::versions::{self, Availability};
use super::{rule, Catalogue, Finding, Options, Severity, SCXML_NAMESPACE, UNKNOWN_ATTRIBUTE};
use super::{NOT_IN_VERSION, UNKNOWN_EVENT};

/// Every finding of `document` (parsed from `source`) against `catalogue`, in no set order.
pub(super) fn document(
    catalogue: &Catalogue,
    options: &Options,
    source: &str,
    index: &LineIndex<'_>,
    document: &Document<'_>,
) -> Vec<Finding> {
    let mut linter = Linter {
        catalogue,
        options,
        own: super::events::OwnEvents::new(document, options),
        source,
        index,
        findings: Vec::new(),
    };
    for node in document.descendants() {
        if is_scxml(&node, "transition") {
            linter.transition(node);
        }
    }
    linter.event_names(document);
    linter.findings
}

/// Whether `node` is the SCXML element `name` (SCXML's namespace or none).
pub(super) fn is_scxml(node: &Node<'_, '_>, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node
            .tag_name()
            .namespace()
            .is_none_or(|namespace| namespace == SCXML_NAMESPACE)
}

/// The value of `node`'s attribute `name` (no namespace).
pub(super) fn attribute<'a>(
    node: &Node<'a, '_>,
    name: &str,
) -> Option<roxmltree::Attribute<'a, 'a>> {
    node.attributes()
        .find(|a| a.name() == name && a.namespace().is_none())
}

/// What holds where a read is: the events the transition can match, the attributes known
/// present, and the names bound to `_event.data`.
struct Scope<'c> {
    events: Vec<&'c Event>,
    guards: Vec<String>,
    aliases: Aliases,
}

pub(super) struct Linter<'c, 's, 'i> {
    pub(super) catalogue: &'c Catalogue,
    pub(super) options: &'c Options,
    pub(super) own: super::events::OwnEvents,
    pub(super) source: &'s str,
    pub(super) index: &'i LineIndex<'s>,
    pub(super) findings: Vec<Finding>,
}

impl<'c> Linter<'c, '_, '_> {
    pub(super) fn report(
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
    pub(super) fn attribute_value(&self, attribute: &roxmltree::Attribute<'_, '_>) -> Decoded {
        let range = attribute.range_value();
        let raw = self.source.get(range.clone());
        Decoded::new(raw, range.start, Markup::Attribute, attribute.value())
    }

    fn transition(&mut self, node: Node<'_, '_>) {
        let Some(event) = attribute(&node, "event") else {
            return;
        };
        let value = self.attribute_value(&event);
        let Some(matched) = self.descriptors(&value) else {
            return;
        };
        let mut scope = Scope {
            events: self.events(&matched),
            guards: Vec::new(),
            aliases: Vec::new(),
        };
        if let Some(cond) = attribute(&node, "cond") {
            let cond = self.attribute_value(&cond);
            self.script(&mut scope, &cond, true);
            let facts = script::facts(&cond.text, &scope.aliases);
            scope.guards.extend(facts.when_true);
        }
        for child in node.children() {
            self.content(child, &mut scope);
        }
    }

    /// The catalogue's events at these indexes.
    pub(super) fn events(&self, indexes: &[usize]) -> Vec<&'c Event> {
        let catalogue = self.catalogue;
        indexes
            .iter()
            .filter_map(|index| catalogue.events().get(*index))
            .collect()
    }

    /// One node of a transition's executable content, and everything under it.
    fn content(&mut self, node: Node<'_, '_>, scope: &mut Scope<'c>) {
        if node.is_text() {
            if let Some(text) = self.text_content(node) {
                self.script(scope, &text, false);
            }
            return;
        }
        if !node.is_element() {
            return;
        }
        for attribute in node.attributes() {
            let value = self.attribute_value(&attribute);
            let condition = attribute.name() == "cond" && attribute.namespace().is_none();
            self.script(scope, &value, condition);
        }
        if is_scxml(&node, "assign") {
            assign_alias(&node, &mut scope.aliases);
        }
        if is_scxml(&node, "if") {
            self.branches(node, scope);
        } else {
            for child in node.children() {
                self.content(child, scope);
            }
        }
    }

    /// The branches of an `<if>`, each with what its conditions tell: a branch runs when its
    /// own condition holds and every earlier one does not.
    fn branches(&mut self, node: Node<'_, '_>, scope: &mut Scope<'c>) {
        let outer = scope.guards.clone();
        let mut failed: Vec<String> = Vec::new();
        let facts_of = |linter: &Self, node: &Node<'_, '_>, aliases: &Aliases| {
            attribute(node, "cond")
                .map(|cond| script::facts(&linter.attribute_value(&cond).text, aliases))
                .unwrap_or_default()
        };
        let facts = facts_of(self, &node, &scope.aliases);
        scope.guards = [outer.as_slice(), &facts.when_true].concat();
        failed.extend(facts.when_false);
        for child in node.children() {
            if is_scxml(&child, "elseif") {
                scope.guards = [outer.as_slice(), &failed].concat();
                self.content(child, scope);
                let facts = facts_of(self, &child, &scope.aliases);
                scope.guards = [outer.as_slice(), &failed, &facts.when_true].concat();
                failed.extend(facts.when_false);
            } else if is_scxml(&child, "else") {
                scope.guards = [outer.as_slice(), &failed].concat();
            } else {
                self.content(child, scope);
            }
        }
        scope.guards = outer;
    }

    /// Checks the reads of one script under a transition.
    fn script(&mut self, scope: &mut Scope<'c>, script: &Decoded, condition: bool) {
        let events = scope.events.clone();
        let target = self.options.ors_version;
        // Guards matter only for attributes some builds of the target lack.
        let gated = |name: &str| {
            target.is_some_and(|target| {
                events.iter().any(|event| {
                    event.attributes.iter().any(|attribute| {
                        attribute.name == name
                            && versions::availability(
                                versions::later(event.since, attribute.since),
                                &target,
                            ) != Availability::All
                    })
                })
            })
        };
        for read in script::reads(&script.text, &mut scope.aliases, condition, &gated) {
            let tested = read.tested || scope.guards.contains(&read.name);
            self.read(&events, &read.name, script.source_offset(read.at), tested);
        }
    }

    /// Checks one read of `_event.data.NAME` under a transition that can match `events`; a
    /// tested read is not reported for its version.
    fn read(&mut self, events: &[&Event], name: &str, offset: usize, tested: bool) {
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
            self.unknown_attribute(events, name, offset);
            return;
        }
        let Some(target) = self.options.ors_version else {
            return;
        };
        // A transition whose events are not all in every build is reported at its descriptor.
        let whole = |since| versions::availability(since, &target) == Availability::All;
        if tested || !events.iter().any(|event| whole(event.since)) {
            return;
        }
        let availability = versions::best(carriers.iter().map(|(event, attribute)| {
            versions::availability(versions::later(event.since, attribute.since), &target)
        }));
        let Some((event, _)) = carriers.first() else {
            return;
        };
        let what = format!("attribute `{name}` of `{}`", event.name);
        if let Some(message) = availability
            .and_then(|availability| versions::message(&what, availability, &target, "lack it"))
        {
            let message = match availability {
                Some(Availability::From(_)) => format!(
                    "{message}; test that it is there before reading it \
                     (`!_event.data.{name} || ...`)"
                ),
                _ => message,
            };
            self.report(NOT_IN_VERSION, offset, message, None);
        }
    }

    fn unknown_attribute(&mut self, events: &[&Event], name: &str, offset: usize) {
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
    }

    /// Checks every `_event.name == 'literal'` of the document, in attributes and text.
    fn event_names(&mut self, document: &Document<'_>) {
        for node in document.descendants() {
            let scripts: Vec<Decoded> = if node.is_element() {
                node.attributes()
                    .map(|attribute| self.attribute_value(&attribute))
                    .collect()
            } else if node.is_text() {
                self.text_content(node).into_iter().collect()
            } else {
                Vec::new()
            };
            for script in scripts {
                for literal in script::event_names(&script.text) {
                    self.event_name(&literal.value, script.source_offset(literal.at));
                }
            }
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

    /// Reports an event that is not in every build of the target release, if there is one.
    pub(super) fn event_version(&mut self, events: &[&Event], text: &str, offset: usize) {
        let Some(target) = self.options.ors_version else {
            return;
        };
        let availability = versions::best(
            events
                .iter()
                .map(|event| versions::availability(event.since, &target)),
        );
        let Some(availability) = availability.filter(|a| *a != Availability::All) else {
            return;
        };
        let message = if let [event] = events {
            let what = format!("event `{}`", event.name);
            versions::message(&what, availability, &target, "never send it")
        } else {
            let newer = list(events.iter().map(|event| {
                let since = event
                    .since
                    .map_or_else(|| "its first release".to_owned(), |since| since.to_string());
                format!("`{}` (since {since})", event.name)
            }));
            let what = format!("every event `{text}` matches ({newer})");
            versions::message(&what, availability, &target, "never send them")
        };
        if let Some(message) = message {
            self.report(NOT_IN_VERSION, offset, message, None);
        }
    }

    /// Reports a name no catalogue event has.
    pub(super) fn unknown_event(
        &mut self,
        message: String,
        offset: usize,
        suggestion: Option<String>,
    ) {
        let mut message = message;
        if let Some(suggestion) = &suggestion {
            let _ = write!(message, "; did you mean `{suggestion}`?");
        }
        self.report(UNKNOWN_EVENT, offset, message, suggestion);
    }
}

/// `<assign location="d" expr="_event.data"/>` binds `d`; assigning it anything else unbinds.
fn assign_alias(node: &Node<'_, '_>, aliases: &mut Aliases) {
    let Some(location) = attribute(node, "location").map(|a| a.value().trim().to_owned()) else {
        return;
    };
    let is_name = !location.is_empty()
        && location
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    if !is_name {
        return;
    }
    let bound = attribute(node, "expr").is_some_and(|expr| {
        let expr: String = expr
            .value()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        expr == "_event.data"
    });
    aliases.retain(|alias| *alias != location);
    if bound {
        aliases.push(location);
    }
}

pub(super) fn names(names: &[&str]) -> String {
    list(names.iter().map(|name| format!("`{name}`")))
}

/// At most six items, then how many more.
pub(super) fn list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    let mut text = items.iter().take(6).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > 6 {
        let _ = write!(text, " and {} more", items.len() - 6);
    }
    text
}
