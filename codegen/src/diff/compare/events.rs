//! Families and their actions, events and their known errors.

use super::{notes_text, pairs, since_text, with_provenance, Differ, Pair};
use crate::diff::{Change, DocField, Item, Owner};
use crate::ir::{Action, Event, Family, KnownError};

impl Differ<'_> {
    pub(super) fn families(&mut self) {
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

    pub(super) fn events(&mut self) {
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
            with_provenance(Some(&old.description), None, old.inferred),
            with_provenance(Some(&new.description), None, new.inferred),
            origin,
        );
        self.docs(
            &item,
            DocField::Source,
            old.source.clone(),
            new.source.clone(),
            origin,
        );
    }
}
