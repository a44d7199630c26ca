//! Unit tests of the rule table and of the order of reports, on one change of every kind.

use super::*;

fn here() -> Located {
    Located {
        side: SideName::New,
        file: "spec/x.yaml".into(),
        line: 1,
        column: 1,
    }
}

/// One change of every kind and case, to check the rules against the serialized kinds: in the
/// order of the rule table.
fn samples() -> Vec<Change> {
    let mut samples = event_and_attribute_samples();
    samples.extend(type_samples());
    samples.extend(known_error_family_and_docs_samples());
    samples
}

/// The changes of events and attributes among [`samples`].
fn event_and_attribute_samples() -> Vec<Change> {
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
    ]
}

/// The changes of enums, their values and object types among [`samples`].
fn type_samples() -> Vec<Change> {
    let at = here;
    vec![
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
    ]
}

/// The changes of known errors, families, actions and docs among [`samples`].
fn known_error_family_and_docs_samples() -> Vec<Change> {
    let at = here;
    vec![
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
fn generator_rows_close_the_table_and_are_no_change_kind() {
    let table = rule_table();
    let kinds: Vec<&str> = rules().iter().map(|rule| rule.kind).collect();
    let last_change_row = rules()
        .iter()
        .filter_map(|rule| table.find(&format!("| `{}`", rule.kind)))
        .max()
        .unwrap_or_default();
    for rule in generator_rules() {
        assert!(rule.categories.is_empty(), "{}", rule.kind);
        assert!(!kinds.contains(&rule.kind), "{}", rule.kind);
        let row = table.find(&format!("| `{}`", rule.kind));
        assert!(
            row.is_some_and(|row| row > last_change_row),
            "{}",
            rule.kind
        );
        assert!(table.contains(&format!("| none of the three | {} |", rule.why)));
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
