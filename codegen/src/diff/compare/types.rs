//! Enums, their values and named object types.

use super::{notes_text, pairs, with_provenance, Differ, Pair};
use crate::diff::{Change, DocField, Item, Owner, Wire};
use crate::ir::{Enum, EnumKind, ObjectType};

fn enum_kind(kind: EnumKind) -> &'static str {
    match kind {
        EnumKind::Integer => "integer",
        EnumKind::String => "string",
    }
}

impl Differ<'_> {
    pub(super) fn enums(&mut self) {
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
            with_provenance(None, old.source.as_deref(), old.inferred),
            with_provenance(None, new.source.as_deref(), new.inferred),
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
                        with_provenance(before.description.as_deref(), None, before.inferred),
                        with_provenance(after.description.as_deref(), None, after.inferred),
                        origin,
                    );
                }
            }
        }
    }

    pub(super) fn objects(&mut self) {
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
}
