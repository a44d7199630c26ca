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

mod compare;
mod items;
mod message;
mod model;
mod report;
mod rules;

pub use items::{DocField, Item, Located, Owner, SideName, Wire};
pub use model::Change;
pub use report::{Finding, Report, Summary};
pub use rules::{rule_table, rules, Category, Rule};

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
