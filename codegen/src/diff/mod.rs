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
//! are the single source of the table in the README ([`rule_table`] renders it), which ends with
//! the [`generator_rules`]: what consumers see when the generator, not the catalogue, changes an
//! output (the shape of the schema), which `diff` cannot report. The categories, strictest first,
//! after buf's breaking-change rules:
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
//! provenance of a text (the source it cites, its `inferred` mark) is part of that text's docs
//! change, as the docs show them together. The list of declared sources and which shared
//! attribute an attribute `use:`s are not something consumers see, and are not compared.
//!
//! [`Report`] orders the findings, strictest first, and renders them as a Markdown review
//! comment, plain text or JSON.

mod compare;
mod items;
mod message;
mod model;
mod report;
mod rules;

pub use items::{DocField, Item, Located, Owner, SideName, Wire};
pub use model::Change;
pub use report::{Finding, Report, Summary};
pub use rules::{generator_rules, rule_table, rules, Category, Rule};

use crate::ir::Catalogue;

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
    compare::diff(old, new)
}

#[cfg(test)]
mod tests;
