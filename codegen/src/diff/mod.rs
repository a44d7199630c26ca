//! Spec diff reviews: what a change of the catalogue breaks, and for whom.
//!
//! [`diff`] compares two catalogues (the IR, never the YAML text) and returns one [`Change`] per
//! difference a consumer can see. Items are matched by identity, never by position:
//!
//! - events by wire name, families and object types and enums by spec name, actions by family
//!   and name;
//! - attributes (of an event, members of an object type, envelope fields) by wire name;
//! - enum values by code for integer enums (a new name for the same code is a rename) and by
//!   value for string enums; known errors by value.
//!
//! Every change has a [`Rule`] ([`Change::rule`]): the categories it breaks and why. The rules
//! are the single source of the table in the README ([`rule_table`] renders it). The categories,
//! strictest first, after buf's breaking-change rules:
//!
//! - [`Category::Wire`]: an event that was valid before is rejected now, or a consumer that
//!   follows the old schema (or the old strict validator) rejects events of the new catalogue;
//! - [`Category::RustApi`]: code written against the old bindings stops compiling (or, for a
//!   role change, silently behaves differently);
//! - [`Category::DocsOnly`]: breaks no consumer; only what people read changes (or the outputs
//!   only grow in a way nothing depends on).
//!
//! What is folded so that one edit is one finding: the attributes of an added or removed event,
//! the members of an added or removed object type, the values of an added or removed enum (or of
//! one whose kind changed), and the actions of an added or removed family are not reported on
//! their own. A presence reason that changes together with the attribute's presence is part of
//! the presence change. Action notes and `since` are part of their events' notes and `since`. The
//! list of cited sources and which shared attribute an attribute `use:`s are provenance, not
//! something consumers see, and are not compared.
//!
//! [`Report`] orders the findings, strictest first, and renders them as a Markdown review
//! comment, plain text or JSON.

mod items;
mod message;
mod model;
mod rules;

pub use items::{DocField, Item, Located, Owner, SideName, Wire};
pub use model::Change;
pub use rules::{rule_table, rules, Category, Rule};

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use crate::ir::{
    Action, Attribute, Catalogue, Enum, EnumKind, Event, Family, KnownError, Note, ObjectType,
    Origin,
};
use crate::version::OrsVersion;

/// One side of the comparison: a catalogue, whose items carry their origins in its spec.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The catalogue.
    pub catalogue: &'a Catalogue,
}

/// Every change from `old` to `new`, in catalogue order: the envelope, enums, object types,
/// families, then events (within each, changed and added items in the new order, then removed
/// items in the old order). [`Report::new`] orders them for review.
pub fn diff(old: Side<'_>, new: Side<'_>) -> Vec<Change> {
    let mut differ = Differ {
        old,
        new,
        changes: Vec::new(),
    };
    differ.envelope();
    differ.enums();
    differ.objects();
    differ.families();
    differ.events();
    differ.changes
}

/// An item of the old side, the new side or both, matched by key.
enum Pair<'x, T> {
    Added(&'x T),
    Removed(&'x T),
    Both(&'x T, &'x T),
}

/// Matches `old` and `new` by `key`: new items in order (added or both), then removed items in
/// the old order.
fn pairs<'x, T, K: Ord>(old: &'x [T], new: &'x [T], key: impl Fn(&'x T) -> K) -> Vec<Pair<'x, T>> {
    let old_by_key: BTreeMap<K, &T> = old.iter().map(|item| (key(item), item)).collect();
    let new_keys: BTreeSet<K> = new.iter().map(&key).collect();
    let mut matched: Vec<Pair<'x, T>> = new
        .iter()
        .map(|item| match old_by_key.get(&key(item)) {
            Some(before) => Pair::Both(*before, item),
            None => Pair::Added(item),
        })
        .collect();
    matched.extend(
        old.iter()
            .filter(|item| !new_keys.contains(&key(item)))
            .map(Pair::Removed),
    );
    matched
}

fn since_text(since: Option<&OrsVersion>) -> Option<String> {
    since.map(ToString::to_string)
}

fn notes_text(notes: &[Note]) -> Option<String> {
    (!notes.is_empty()).then(|| {
        notes
            .iter()
            .map(|note| format!("{}: {}", note.kind.as_str(), note.text))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn enum_kind(kind: EnumKind) -> &'static str {
    match kind {
        EnumKind::Integer => "integer",
        EnumKind::String => "string",
    }
}

struct Differ<'a> {
    old: Side<'a>,
    new: Side<'a>,
    changes: Vec<Change>,
}

impl Differ<'_> {
    fn at(side: SideName, origin: &Origin) -> Located {
        Located {
            side,
            file: origin.file.clone(),
            line: origin.line,
            column: origin.column,
        }
    }

    fn at_old(&self, origin: &Origin) -> Located {
        Self::at(SideName::Old, origin)
    }

    fn at_new(&self, origin: &Origin) -> Located {
        Self::at(SideName::New, origin)
    }

    /// Records a docs change of `item`, defined at `origin` in the new spec, when `old` and
    /// `new` differ.
    fn docs(
        &mut self,
        item: &Item,
        field: DocField,
        old: Option<String>,
        new: Option<String>,
        origin: &Origin,
    ) {
        if old != new {
            self.changes.push(Change::DocsChanged {
                item: item.clone(),
                field,
                old,
                new,
                location: self.at_new(origin),
            });
        }
    }

    fn envelope(&mut self) {
        let (old, new) = (&self.old.catalogue.envelope, &self.new.catalogue.envelope);
        let origin = &new.origin;
        self.docs(
            &Item::Envelope,
            DocField::Description,
            Some(old.description.clone()),
            Some(new.description.clone()),
            origin,
        );
        self.docs(
            &Item::Envelope,
            DocField::Source,
            old.source.clone(),
            new.source.clone(),
            origin,
        );
        self.attributes(&Owner::Envelope, &old.fields, &new.fields);
    }

    fn enums(&mut self) {
        let (old, new) = (self.old.catalogue, self.new.catalogue);
        for pair in pairs(&old.enums, &new.enums, |item| item.name.as_str()) {
            match pair {
                Pair::Added(item) => self.changes.push(Change::EnumAdded {
                    enum_name: item.name.clone(),
                    location: self.at_new(&item.origin),
                }),
                Pair::Removed(item) => self.changes.push(Change::EnumRemoved {
                    enum_name: item.name.clone(),
                    location: self.at_old(&item.origin),
                }),
                Pair::Both(before, after) => self.enum_pair(before, after),
            }
        }
    }

    fn enum_pair(&mut self, old: &Enum, new: &Enum) {
        let origin = &new.origin;
        let name = &new.name;
        if old.rust_name != new.rust_name {
            self.changes.push(Change::EnumRustNameChanged {
                enum_name: name.clone(),
                old: old.rust_name.clone(),
                new: new.rust_name.clone(),
                location: self.at_new(origin),
            });
        }
        let item = Item::Enum { name: name.clone() };
        self.docs(
            &item,
            DocField::Title,
            old.title.clone(),
            new.title.clone(),
            origin,
        );
        self.docs(
            &item,
            DocField::Description,
            Some(old.description.clone()),
            Some(new.description.clone()),
            origin,
        );
        self.docs(
            &item,
            DocField::Notes,
            notes_text(&old.notes),
            notes_text(&new.notes),
            origin,
        );
        self.docs(
            &item,
            DocField::Source,
            old.source.clone(),
            new.source.clone(),
            origin,
        );
        if old.kind != new.kind {
            // Every value changes identity; the kind change says it all.
            self.changes.push(Change::EnumKindChanged {
                enum_name: name.clone(),
                old: enum_kind(old.kind).into(),
                new: enum_kind(new.kind).into(),
                location: self.at_new(origin),
            });
            return;
        }
        for pair in pairs(&old.values, &new.values, |value| &value.wire) {
            match pair {
                Pair::Added(value) => self.changes.push(Change::EnumValueAdded {
                    enum_name: name.clone(),
                    value: Wire::from(&value.wire),
                    name: value.name.clone(),
                    location: self.at_new(&value.origin),
                }),
                Pair::Removed(value) => self.changes.push(Change::EnumValueRemoved {
                    enum_name: name.clone(),
                    value: Wire::from(&value.wire),
                    name: value.name.clone(),
                    location: self.at_old(&value.origin),
                }),
                Pair::Both(before, after) => {
                    let origin = &after.origin;
                    if before.name != after.name || before.rust_name != after.rust_name {
                        self.changes.push(Change::EnumValueRenamed {
                            enum_name: name.clone(),
                            value: Wire::from(&after.wire),
                            old_name: before.name.clone(),
                            new_name: after.name.clone(),
                            old_rust_name: before.rust_name.clone(),
                            new_rust_name: after.rust_name.clone(),
                            location: self.at_new(origin),
                        });
                    }
                    self.docs(
                        &Item::EnumValue {
                            enum_name: name.clone(),
                            value: Wire::from(&after.wire),
                        },
                        DocField::Description,
                        before.description.clone(),
                        after.description.clone(),
                        origin,
                    );
                }
            }
        }
    }

    fn objects(&mut self) {
        let (old, new) = (self.old.catalogue, self.new.catalogue);
        for pair in pairs(&old.objects, &new.objects, |item| item.name.as_str()) {
            match pair {
                Pair::Added(item) => self.changes.push(Change::ObjectAdded {
                    object: item.name.clone(),
                    location: self.at_new(&item.origin),
                }),
                Pair::Removed(item) => self.changes.push(Change::ObjectRemoved {
                    object: item.name.clone(),
                    location: self.at_old(&item.origin),
                }),
                Pair::Both(before, after) => self.object_pair(before, after),
            }
        }
    }

    fn object_pair(&mut self, old: &ObjectType, new: &ObjectType) {
        let origin = &new.origin;
        let name = &new.name;
        if old.rust_name != new.rust_name {
            self.changes.push(Change::ObjectRustNameChanged {
                object: name.clone(),
                old: old.rust_name.clone(),
                new: new.rust_name.clone(),
                location: self.at_new(origin),
            });
        }
        if old.open != new.open {
            self.changes.push(Change::ObjectOpennessChanged {
                object: name.clone(),
                open: new.open,
                location: self.at_new(origin),
            });
        }
        let item = Item::Object { name: name.clone() };
        self.docs(
            &item,
            DocField::Title,
            old.title.clone(),
            new.title.clone(),
            origin,
        );
        self.docs(
            &item,
            DocField::Description,
            Some(old.description.clone()),
            Some(new.description.clone()),
            origin,
        );
        self.docs(
            &item,
            DocField::Source,
            old.source.clone(),
            new.source.clone(),
            origin,
        );
        // Open only when open on both sides: a member removed while the object closes breaks
        // the wire.
        let owner = Owner::Object {
            name: name.clone(),
            open: old.open && new.open,
        };
        self.attributes(&owner, &old.members, &new.members);
    }

    fn families(&mut self) {
        let (old, new) = (self.old.catalogue, self.new.catalogue);
        for pair in pairs(&old.families, &new.families, |family| family.name.as_str()) {
            match pair {
                Pair::Added(family) => self.changes.push(Change::FamilyAdded {
                    family: family.name.clone(),
                    location: self.at_new(&family.origin),
                }),
                Pair::Removed(family) => self.changes.push(Change::FamilyRemoved {
                    family: family.name.clone(),
                    location: self.at_old(&family.origin),
                }),
                Pair::Both(before, after) => self.family_pair(before, after),
            }
        }
    }

    fn family_pair(&mut self, old: &Family, new: &Family) {
        let name = &new.name;
        let origin = &new.origin;
        let item = Item::Family { name: name.clone() };
        self.docs(
            &item,
            DocField::Title,
            Some(old.title.clone()),
            Some(new.title.clone()),
            origin,
        );
        self.docs(
            &item,
            DocField::Description,
            Some(old.description.clone()),
            Some(new.description.clone()),
            origin,
        );
        self.docs(
            &item,
            DocField::Notes,
            notes_text(&old.notes),
            notes_text(&new.notes),
            origin,
        );
        let old_actions: Vec<&Action> = self.old.catalogue.family_actions(old).collect();
        let new_actions: Vec<&Action> = self.new.catalogue.family_actions(new).collect();
        for pair in pairs(&old_actions, &new_actions, |action| action.name.as_str()) {
            match pair {
                Pair::Added(action) => self.changes.push(Change::ActionAdded {
                    family: name.clone(),
                    action: action.name.clone(),
                    location: self.at_new(&action.origin),
                }),
                Pair::Removed(action) => self.changes.push(Change::ActionRemoved {
                    family: name.clone(),
                    action: action.name.clone(),
                    location: self.at_old(&action.origin),
                }),
                Pair::Both(before, after) => {
                    // Its notes and `since` are part of its events' notes and `since`.
                    let origin = &after.origin;
                    self.docs(
                        &Item::Action {
                            family: name.clone(),
                            name: after.name.clone(),
                        },
                        DocField::Description,
                        Some(before.description.clone()),
                        Some(after.description.clone()),
                        origin,
                    );
                }
            }
        }
    }

    fn events(&mut self) {
        let (old, new) = (self.old.catalogue, self.new.catalogue);
        for pair in pairs(&old.events, &new.events, |event| event.name.as_str()) {
            match pair {
                Pair::Added(event) => self.changes.push(Change::EventAdded {
                    event: event.name.clone(),
                    location: self.at_new(&event.origin),
                }),
                Pair::Removed(event) => self.changes.push(Change::EventRemoved {
                    event: event.name.clone(),
                    location: self.at_old(&event.origin),
                }),
                Pair::Both(before, after) => self.event_pair(before, after),
            }
        }
    }

    fn event_pair(&mut self, old: &Event, new: &Event) {
        let name = &new.name;
        let origin = &new.origin;
        if old.since != new.since {
            self.changes.push(Change::EventSinceChanged {
                event: name.clone(),
                old: since_text(old.since.as_ref()),
                new: since_text(new.since.as_ref()),
                location: self.at_new(origin),
            });
        }
        let item = Item::Event { name: name.clone() };
        self.docs(
            &item,
            DocField::Description,
            Some(old.description.clone()),
            Some(new.description.clone()),
            origin,
        );
        self.docs(
            &item,
            DocField::Notes,
            notes_text(&old.notes),
            notes_text(&new.notes),
            origin,
        );
        self.attributes(
            &Owner::Event { name: name.clone() },
            &old.attributes,
            &new.attributes,
        );
        for pair in pairs(&old.known_errors, &new.known_errors, |known| {
            known.value.as_str()
        }) {
            match pair {
                Pair::Added(known) => self.changes.push(Change::KnownErrorAdded {
                    event: name.clone(),
                    value: known.value.clone(),
                    location: self.at_new(&known.origin),
                }),
                Pair::Removed(known) => self.changes.push(Change::KnownErrorRemoved {
                    event: name.clone(),
                    value: known.value.clone(),
                    location: self.at_old(&known.origin),
                }),
                Pair::Both(before, after) => self.known_error_pair(name, before, after),
            }
        }
    }

    fn known_error_pair(&mut self, event: &str, old: &KnownError, new: &KnownError) {
        let origin = &new.origin;
        if old.states != new.states {
            self.changes.push(Change::KnownErrorStatesChanged {
                event: event.to_owned(),
                value: new.value.clone(),
                old: old.states.clone(),
                new: new.states.clone(),
                location: self.at_new(origin),
            });
        }
        let item = Item::KnownError {
            event: event.to_owned(),
            value: new.value.clone(),
        };
        self.docs(
            &item,
            DocField::Description,
            Some(old.description.clone()),
            Some(new.description.clone()),
            origin,
        );
        self.docs(
            &item,
            DocField::Source,
            Some(old.source.clone()),
            Some(new.source.clone()),
            origin,
        );
    }

    fn attributes(&mut self, owner: &Owner, old: &[Attribute], new: &[Attribute]) {
        for pair in pairs(old, new, |attribute| attribute.name.as_str()) {
            match pair {
                Pair::Added(attribute) => self.changes.push(Change::AttributeAdded {
                    owner: owner.clone(),
                    attribute: attribute.name.clone(),
                    required: attribute.required,
                    location: self.at_new(&attribute.origin),
                }),
                Pair::Removed(attribute) => self.changes.push(Change::AttributeRemoved {
                    owner: owner.clone(),
                    attribute: attribute.name.clone(),
                    required: attribute.required,
                    location: self.at_old(&attribute.origin),
                }),
                Pair::Both(before, after) => self.attribute_pair(owner, before, after),
            }
        }
    }

    fn attribute_pair(&mut self, owner: &Owner, old: &Attribute, new: &Attribute) {
        let origin = &new.origin;
        let attribute = &new.name;
        // Types are compared by their spec names: ids of two catalogues are not comparable.
        let (old_type, new_type) = (
            self.old.catalogue.type_spec_name(&old.ty),
            self.new.catalogue.type_spec_name(&new.ty),
        );
        if old_type != new_type {
            self.changes.push(Change::AttributeTypeChanged {
                owner: owner.clone(),
                attribute: attribute.clone(),
                old: old_type,
                new: new_type,
                location: self.at_new(origin),
            });
        }
        match (old.required, new.required) {
            (true, false) => self.changes.push(Change::AttributeMadeOptional {
                owner: owner.clone(),
                attribute: attribute.clone(),
                location: self.at_new(origin),
            }),
            (false, true) => self.changes.push(Change::AttributeMadeRequired {
                owner: owner.clone(),
                attribute: attribute.clone(),
                location: self.at_new(origin),
            }),
            _ => {}
        }
        if old.since != new.since {
            self.changes.push(Change::AttributeSinceChanged {
                owner: owner.clone(),
                attribute: attribute.clone(),
                old: since_text(old.since.as_ref()),
                new: since_text(new.since.as_ref()),
                location: self.at_new(origin),
            });
        }
        if old.rust_name != new.rust_name {
            self.changes.push(Change::AttributeRustNameChanged {
                owner: owner.clone(),
                attribute: attribute.clone(),
                old: old.rust_name.clone(),
                new: new.rust_name.clone(),
                location: self.at_new(origin),
            });
        }
        if old.role != new.role {
            self.changes.push(Change::AttributeRoleChanged {
                owner: owner.clone(),
                attribute: attribute.clone(),
                old: old.role.map(|role| role.as_str().to_owned()),
                new: new.role.map(|role| role.as_str().to_owned()),
                location: self.at_new(origin),
            });
        }
        let item = Item::Attribute {
            owner: owner.clone(),
            name: attribute.clone(),
        };
        self.docs(
            &item,
            DocField::Description,
            Some(old.description.clone()),
            Some(new.description.clone()),
            origin,
        );
        self.docs(
            &item,
            DocField::Notes,
            notes_text(&old.notes),
            notes_text(&new.notes),
            origin,
        );
        // The reason of a presence that flipped is part of the presence change.
        if old.required == new.required {
            self.docs(
                &item,
                DocField::PresenceReason,
                old.presence_reason.clone(),
                new.presence_reason.clone(),
                origin,
            );
        }
    }
}

/// A change with what it breaks, as reports show it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The change.
    #[serde(flatten)]
    pub change: Change,
    /// What it breaks, strictest first.
    pub categories: &'static [Category],
    /// One sentence for people.
    pub message: String,
    /// Why it breaks what it breaks.
    pub why: &'static str,
}

/// How many changes there are, and how many break each category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Every change.
    pub changes: usize,
    /// Changes that break the wire, the Rust API or both.
    pub breaking: usize,
    /// Changes that break the wire.
    pub wire: usize,
    /// Changes that break the Rust API.
    #[serde(rename = "rust-api")]
    pub rust_api: usize,
    /// Changes that break nothing.
    #[serde(rename = "docs-only")]
    pub docs_only: usize,
}

/// The review of a catalogue change: its findings, strictest first.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// What the old side is (`main`, a directory).
    pub old: String,
    /// What the new side is.
    pub new: String,
    /// The counts.
    pub summary: Summary,
    /// Every change, ordered by the strictest category it breaks, then by rule (the README
    /// table's order), then in catalogue order.
    pub changes: Vec<Finding>,
}

impl Report {
    /// The report of `changes` between the sides labelled `old` and `new`.
    pub fn new(old: impl Into<String>, new: impl Into<String>, changes: Vec<Change>) -> Self {
        let rank = |change: &Change| {
            let rule = change.rule();
            let index = rules()
                .iter()
                .position(|listed| std::ptr::eq(*listed, rule))
                .unwrap_or(usize::MAX);
            (rule.strictest(), index)
        };
        let mut changes = changes;
        changes.sort_by_key(|change| rank(change));
        let mut summary = Summary {
            changes: changes.len(),
            ..Summary::default()
        };
        for change in &changes {
            if change.strictest() < Category::DocsOnly {
                summary.breaking += 1;
            }
            for category in change.categories() {
                match category {
                    Category::Wire => summary.wire += 1,
                    Category::RustApi => summary.rust_api += 1,
                    Category::DocsOnly => summary.docs_only += 1,
                }
            }
        }
        let changes = changes
            .into_iter()
            .map(|change| Finding {
                categories: change.categories(),
                message: change.message(),
                why: change.rule().why,
                change,
            })
            .collect();
        Report {
            old: old.into(),
            new: new.into(),
            summary,
            changes,
        }
    }

    /// How many changes break `category` or a stricter one (`DocsOnly`: every change).
    pub fn breaking(&self, category: Category) -> usize {
        self.changes
            .iter()
            .filter(|finding| finding.change.strictest() <= category)
            .count()
    }

    /// The report as pretty JSON: `old`, `new`, `summary` and `changes`, each change with its
    /// `kind`, its own fields, `location`, `categories`, `message` and `why`.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self)
            .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
        text.push('\n');
        text
    }

    /// One line per change (`CATEGORIES  FILE:LINE  KIND: message`) and a summary line.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for finding in &self.changes {
            let categories: Vec<&str> = finding.categories.iter().map(|c| c.as_str()).collect();
            let _ = writeln!(
                text,
                "{}  {}{}  {}: {}",
                categories.join(","),
                finding.change.location(),
                finding.change.location().side_suffix(),
                finding.change.kind(),
                finding.message
            );
        }
        let _ = writeln!(text, "{} -> {}: {}", self.old, self.new, self.counts());
        text
    }

    /// A review comment: a title, the counts, then the changes grouped by rule, breaking ones
    /// first, each group with why it breaks what it breaks, each change with its location.
    pub fn to_markdown(&self) -> String {
        let mut text = format!(
            "### Event catalogue changes: `{}` → `{}`\n\n",
            self.old, self.new
        );
        if self.changes.is_empty() {
            text.push_str("No changes: consumers see the same catalogue.\n");
            return text;
        }
        let _ = writeln!(text, "{}\n", self.counts_markdown());
        let (breaking, docs): (Vec<&Finding>, Vec<&Finding>) = self
            .changes
            .iter()
            .partition(|finding| finding.change.strictest() < Category::DocsOnly);
        for (title, findings) in [("Breaking changes", breaking), ("Docs-only changes", docs)] {
            if findings.is_empty() {
                continue;
            }
            let _ = writeln!(text, "#### {title}\n");
            let mut previous: Option<&'static Rule> = None;
            for finding in findings {
                let rule = finding.change.rule();
                if !previous.is_some_and(|seen| std::ptr::eq(seen, rule)) {
                    if previous.is_some() {
                        text.push('\n');
                    }
                    let case = if rule.case.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", rule.case)
                    };
                    let categories: Vec<&str> =
                        rule.categories.iter().map(|c| c.as_str()).collect();
                    let _ = writeln!(
                        text,
                        "**`{}`**{case}: {}\n> {}\n",
                        rule.kind,
                        categories.join(", "),
                        rule.why
                    );
                    previous = Some(rule);
                }
                let location = finding.change.location();
                let _ = writeln!(
                    text,
                    "- {} — `{location}`{}",
                    capitalized(&finding.message),
                    location.side_suffix()
                );
            }
            text.push('\n');
        }
        text.truncate(text.trim_end().len());
        text.push('\n');
        text
    }

    fn counts(&self) -> String {
        let summary = &self.summary;
        format!(
            "{} change{} ({} wire, {} rust-api, {} docs-only)",
            summary.changes,
            if summary.changes == 1 { "" } else { "s" },
            summary.wire,
            summary.rust_api,
            summary.docs_only
        )
    }

    fn counts_markdown(&self) -> String {
        let summary = &self.summary;
        format!(
            "**{} change{}**: {} breaking ({} on the wire, {} for the Rust API), {} docs-only.",
            summary.changes,
            if summary.changes == 1 { "" } else { "s" },
            summary.breaking,
            summary.wire,
            summary.rust_api,
            summary.docs_only,
        )
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn here() -> Located {
        Located {
            side: SideName::New,
            file: "spec/x.yaml".into(),
            line: 1,
            column: 1,
        }
    }

    /// One change of every kind and case, to check the rules against the serialized kinds.
    fn samples() -> Vec<Change> {
        let owner = Owner::Event { name: "e".into() };
        let open = Owner::Object {
            name: "hints".into(),
            open: true,
        };
        let at = here;
        vec![
            Change::EventAdded {
                event: "e".into(),
                location: at(),
            },
            Change::EventRemoved {
                event: "e".into(),
                location: at(),
            },
            Change::EventSinceChanged {
                event: "e".into(),
                old: None,
                new: Some("8.1.3".into()),
                location: at(),
            },
            Change::AttributeAdded {
                owner: owner.clone(),
                attribute: "a".into(),
                required: true,
                location: at(),
            },
            Change::AttributeAdded {
                owner: owner.clone(),
                attribute: "a".into(),
                required: false,
                location: at(),
            },
            Change::AttributeRemoved {
                owner: owner.clone(),
                attribute: "a".into(),
                required: false,
                location: at(),
            },
            Change::AttributeRemoved {
                owner: open,
                attribute: "a".into(),
                required: false,
                location: at(),
            },
            Change::AttributeTypeChanged {
                owner: owner.clone(),
                attribute: "a".into(),
                old: "string".into(),
                new: "integer".into(),
                location: at(),
            },
            Change::AttributeMadeOptional {
                owner: owner.clone(),
                attribute: "a".into(),
                location: at(),
            },
            Change::AttributeMadeRequired {
                owner: owner.clone(),
                attribute: "a".into(),
                location: at(),
            },
            Change::AttributeSinceChanged {
                owner: owner.clone(),
                attribute: "a".into(),
                old: None,
                new: None,
                location: at(),
            },
            Change::AttributeRustNameChanged {
                owner: owner.clone(),
                attribute: "a".into(),
                old: "a".into(),
                new: "b".into(),
                location: at(),
            },
            Change::AttributeRoleChanged {
                owner,
                attribute: "a".into(),
                old: None,
                new: None,
                location: at(),
            },
            Change::EnumAdded {
                enum_name: "x".into(),
                location: at(),
            },
            Change::EnumRemoved {
                enum_name: "x".into(),
                location: at(),
            },
            Change::EnumRustNameChanged {
                enum_name: "x".into(),
                old: "X".into(),
                new: "Y".into(),
                location: at(),
            },
            Change::EnumKindChanged {
                enum_name: "x".into(),
                old: "integer".into(),
                new: "string".into(),
                location: at(),
            },
            Change::EnumValueAdded {
                enum_name: "x".into(),
                value: Wire::Int(1),
                name: "One".into(),
                location: at(),
            },
            Change::EnumValueRemoved {
                enum_name: "x".into(),
                value: Wire::Int(1),
                name: "One".into(),
                location: at(),
            },
            Change::EnumValueRenamed {
                enum_name: "x".into(),
                value: Wire::Int(1),
                old_name: "A".into(),
                new_name: "B".into(),
                old_rust_name: "A".into(),
                new_rust_name: "B".into(),
                location: at(),
            },
            Change::EnumValueRenamed {
                enum_name: "x".into(),
                value: Wire::Int(1),
                old_name: "P_A".into(),
                new_name: "A".into(),
                old_rust_name: "A".into(),
                new_rust_name: "A".into(),
                location: at(),
            },
            Change::ObjectAdded {
                object: "o".into(),
                location: at(),
            },
            Change::ObjectRemoved {
                object: "o".into(),
                location: at(),
            },
            Change::ObjectRustNameChanged {
                object: "o".into(),
                old: "O".into(),
                new: "P".into(),
                location: at(),
            },
            Change::ObjectOpennessChanged {
                object: "o".into(),
                open: false,
                location: at(),
            },
            Change::KnownErrorAdded {
                event: "e".into(),
                value: "v".into(),
                location: at(),
            },
            Change::KnownErrorRemoved {
                event: "e".into(),
                value: "v".into(),
                location: at(),
            },
            Change::KnownErrorStatesChanged {
                event: "e".into(),
                value: "v".into(),
                old: vec![],
                new: vec!["s".into()],
                location: at(),
            },
            Change::FamilyAdded {
                family: "f".into(),
                location: at(),
            },
            Change::FamilyRemoved {
                family: "f".into(),
                location: at(),
            },
            Change::ActionAdded {
                family: "f".into(),
                action: "a".into(),
                location: at(),
            },
            Change::ActionRemoved {
                family: "f".into(),
                action: "a".into(),
                location: at(),
            },
            Change::DocsChanged {
                item: Item::Envelope,
                field: DocField::Description,
                old: None,
                new: None,
                location: at(),
            },
        ]
    }

    #[test]
    fn every_rule_is_used_once_and_named_as_serialized() {
        let samples = samples();
        assert_eq!(samples.len(), rules().len());
        for (sample, rule) in samples.iter().zip(rules()) {
            assert!(std::ptr::eq(sample.rule(), *rule), "{sample:?}");
            let json = serde_json::to_value(sample).unwrap_or_default();
            assert_eq!(json["kind"], rule.kind, "{sample:?}");
            assert!(!rule.categories.is_empty());
            let mut sorted = rule.categories.to_vec();
            sorted.sort();
            assert_eq!(sorted, rule.categories, "strictest first");
            let docs_only = rule.categories.contains(&Category::DocsOnly);
            assert!(
                !docs_only || rule.categories.len() == 1,
                "docs-only stands alone"
            );
        }
    }

    #[test]
    fn reports_order_strictest_first() {
        let report = Report::new("a", "b", samples());
        let ranks: Vec<Category> = report
            .changes
            .iter()
            .map(|finding| finding.change.strictest())
            .collect();
        let mut sorted = ranks.clone();
        sorted.sort();
        assert_eq!(ranks, sorted);
        assert_eq!(report.summary.changes, 33);
        assert_eq!(report.breaking(Category::DocsOnly), 33);
    }
}
