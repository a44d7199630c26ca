//! Attributes of events, members of object types and fields of the envelope.

use super::{notes_text, pairs, since_text, with_provenance, Differ, Pair};
use crate::diff::{Change, DocField, Item, Owner};
use crate::ir::Attribute;

/// The presence reason with its provenance, as the docs show it.
fn presence_text(attribute: &Attribute) -> Option<String> {
    with_provenance(
        attribute.presence_reason.as_deref(),
        attribute.presence_source.as_deref(),
        attribute.presence_inferred,
    )
}

impl Differ<'_> {
    pub(super) fn attributes(&mut self, owner: &Owner, old: &[Attribute], new: &[Attribute]) {
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
                presence_text(old),
                presence_text(new),
                origin,
            );
        }
    }
}
