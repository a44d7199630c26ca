//! Lowering a resolved spec to the IR: references become typed ids, versions are parsed, every
//! Rust name comes from [`crate::naming`], and every item gets its origin.
//!
//! Lowering trusts the checker: it runs only on a [`Resolved`] spec and never checks again.

use std::collections::BTreeMap;

use crate::ir::{
    Action, ActionId, Attribute, Catalogue, Enum, EnumId, EnumKind, EnumValue, Envelope, Event,
    EventId, EventKind, Family, FamilyId, KnownError, Note, NoteKind, ObjectId, ObjectType, Origin,
    Role, Source, Type, WireValue,
};
use crate::loader::NodePath;
use crate::naming;
use crate::resolve::{parse_type, Resolved, TypeExpr};
use crate::spec::{
    ActionDef, AttributeUse, EnumDef, EventDef, FamilyDef, NoteDef, ObjectDef, ResultDef,
};
use crate::version::OrsVersion;

/// Lowers a checked spec to the catalogue.
pub fn lower(resolved: &Resolved<'_>) -> Catalogue {
    let mut lowering = Lowering::new(resolved);
    lowering.definitions();
    lowering.families();
    lowering.catalogue
}

struct Lowering<'r, 'a> {
    resolved: &'r Resolved<'a>,
    /// Enum and object ids by spec name, for type references.
    enum_ids: BTreeMap<&'a str, EnumId>,
    object_ids: BTreeMap<&'a str, ObjectId>,
    catalogue: Catalogue,
}

fn notes(list: &[NoteDef]) -> Vec<Note> {
    list.iter()
        .map(|note| Note {
            kind: if note.kind == "quirk" {
                NoteKind::Quirk
            } else {
                NoteKind::Usage
            },
            text: note.text.trim().to_owned(),
        })
        .collect()
}

/// A version the checker has already accepted.
fn version(text: Option<&str>) -> Option<OrsVersion> {
    text.and_then(|text| text.parse().ok())
}

fn text(text: &str) -> String {
    text.trim().to_owned()
}

impl<'r, 'a> Lowering<'r, 'a> {
    fn new(resolved: &'r Resolved<'a>) -> Self {
        let spec = resolved.spec;
        let enum_defs = spec.files.iter().flat_map(|file| &file.content.enums);
        let object_defs = spec.files.iter().flat_map(|file| &file.content.objects);
        Lowering {
            resolved,
            enum_ids: enum_defs
                .enumerate()
                .map(|(index, def)| (def.name.as_str(), EnumId::new(index)))
                .collect(),
            object_ids: object_defs
                .enumerate()
                .map(|(index, def)| (def.name.as_str(), ObjectId::new(index)))
                .collect(),
            catalogue: Catalogue {
                sources: Vec::new(),
                envelope: Envelope {
                    description: String::new(),
                    source: None,
                    fields: Vec::new(),
                    origin: crate::loader::locate(resolved.spec, &NodePath::root(0)),
                },
                enums: Vec::new(),
                objects: Vec::new(),
                families: Vec::new(),
                actions: Vec::new(),
                events: Vec::new(),
            },
        }
    }

    fn origin(&self, path: &NodePath) -> Origin {
        crate::loader::locate(self.resolved.spec, path)
    }

    /// Sources, the envelope, enums and object types, file by file in spec order.
    fn definitions(&mut self) {
        let spec = self.resolved.spec;
        for (file_index, file) in spec.files.iter().enumerate() {
            let root = NodePath::root(file_index);
            let content = &file.content;
            for (index, source) in content.sources.iter().enumerate() {
                let origin = self.origin(&root.key("sources").index(index).key("id"));
                self.catalogue.sources.push(Source {
                    id: source.id.clone(),
                    title: text(&source.title),
                    location: source.location.clone(),
                    origin,
                });
            }
            if let Some(envelope) = &content.envelope {
                let path = root.key("envelope");
                self.catalogue.envelope = Envelope {
                    description: text(&envelope.description),
                    source: envelope.source.clone(),
                    fields: self.attributes(&path.key("fields"), &envelope.fields),
                    origin: self.origin(&path.key("description")),
                };
            }
            for (index, item) in content.enums.iter().enumerate() {
                let item = self.enum_type(&root.key("enums").index(index), item);
                self.catalogue.enums.push(item);
            }
            for (index, item) in content.objects.iter().enumerate() {
                let item = self.object_type(&root.key("objects").index(index), item);
                self.catalogue.objects.push(item);
            }
        }
    }

    fn enum_type(&self, path: &NodePath, item: &EnumDef) -> Enum {
        let integer = item.kind == "integer";
        let value_key = if integer { "code" } else { "value" };
        let values = item
            .values
            .iter()
            .enumerate()
            .map(|(index, value)| {
                let name = if integer {
                    value.name.clone().unwrap_or_default()
                } else {
                    value.value.clone().unwrap_or_default()
                };
                EnumValue {
                    wire: if integer {
                        WireValue::Int(value.code.unwrap_or_default())
                    } else {
                        WireValue::Str(name.clone())
                    },
                    rust_name: naming::enum_variant(&name, item.prefix.as_deref()),
                    name,
                    description: value.description.as_deref().map(text),
                    inferred: value.inferred,
                    origin: self.origin(&path.key("values").index(index).key(value_key)),
                }
            })
            .collect();
        let rust_name = naming::type_name(&item.name, item.rust_name.as_deref());
        Enum {
            name: item.name.clone(),
            check_name: naming::check(&rust_name),
            rust_name,
            title: item.title.clone(),
            kind: if integer {
                EnumKind::Integer
            } else {
                EnumKind::String
            },
            description: text(&item.description),
            source: item.source.clone(),
            inferred: item.inferred,
            notes: notes(&item.notes),
            values,
            origin: self.origin(&path.key("name")),
        }
    }

    fn object_type(&self, path: &NodePath, item: &ObjectDef) -> ObjectType {
        let rust_name = naming::type_name(&item.name, item.rust_name.as_deref());
        ObjectType {
            name: item.name.clone(),
            check_name: naming::check(&rust_name),
            rust_name,
            title: item.title.clone(),
            open: item.open,
            description: text(&item.description),
            source: item.source.clone(),
            members: self.attributes(&path.key("members"), &item.members),
            origin: self.origin(&path.key("name")),
        }
    }

    /// Families in the declared order (spec order when none is declared), each with its
    /// actions and events.
    fn families(&mut self) {
        let spec = self.resolved.spec;
        let mut files: Vec<(usize, &'a FamilyDef)> = spec
            .files
            .iter()
            .enumerate()
            .filter_map(|(index, file)| file.content.family.as_ref().map(|def| (index, def)))
            .collect();
        if let Some((order, _)) = &self.resolved.index.family_order {
            files.sort_by_key(|(_, def)| order.iter().position(|listed| *listed == def.name));
        }
        for (file_index, def) in files {
            let root = NodePath::root(file_index);
            let family_id = FamilyId::new(self.catalogue.families.len());
            let mut family = Family {
                name: def.name.clone(),
                module: naming::family_module(&def.name),
                variant: naming::family_variant(&def.name),
                title: text(&def.title),
                description: text(&def.description),
                notes: notes(&def.notes),
                actions: Vec::new(),
                events: Vec::new(),
                origin: self.origin(&root.key("family").key("name")),
            };
            let content = &spec.files[file_index].content;
            for (index, action) in content.actions.iter().enumerate() {
                let path = root.key("actions").index(index);
                let (action_id, done, error) = self.action(family_id, &def.name, &path, action);
                family.actions.push(action_id);
                family.events.extend([done, error]);
            }
            for (index, event) in content.events.iter().enumerate() {
                let path = root.key("events").index(index);
                family
                    .events
                    .push(self.async_event(family_id, &def.name, &path, event));
            }
            self.catalogue.families.push(family);
        }
    }

    /// An action and its two result events (the checker guarantees both sides).
    fn action(
        &mut self,
        family_id: FamilyId,
        family: &str,
        path: &NodePath,
        def: &ActionDef,
    ) -> (ActionId, EventId, EventId) {
        let action_id = ActionId::new(self.catalogue.actions.len());
        let (done_name, error_name) = naming::result_events(family, &def.name);
        let (done_type, error_type) = naming::result_types(&def.name);
        let action_notes = notes(&def.notes);
        let origin = self.origin(&path.key("name"));
        let mut ids = [EventId::new(0); 2];
        let sides = [
            (
                "done",
                &def.done,
                done_name,
                done_type,
                EventKind::Done(action_id),
            ),
            (
                "error",
                &def.error,
                error_name,
                error_type,
                EventKind::Error(action_id),
            ),
        ];
        for (slot, (side, result, name, type_name, kind)) in sides.into_iter().enumerate() {
            let empty = ResultDef::default();
            let result = result.as_ref().unwrap_or(&empty);
            let side_path = path.key(side);
            let mut event_notes = action_notes.clone();
            event_notes.extend(notes(&result.notes));
            let known_errors = result
                .errors
                .iter()
                .flatten()
                .enumerate()
                .map(|(index, known)| KnownError {
                    value: known.value.clone(),
                    description: text(&known.description),
                    source: known.source.clone(),
                    inferred: known.inferred,
                    states: known.states.clone(),
                    origin: self.origin(&side_path.key("errors").index(index).key("value")),
                })
                .collect();
            let variant_name = naming::event_variant(&name);
            let attributes = self.attributes(&side_path.key("attributes"), &result.attributes);
            let event = Event {
                check_name: naming::check(&variant_name),
                ref_type_name: ref_type_name(&type_name, &attributes),
                variant_name,
                name,
                family: family_id,
                kind,
                type_name,
                description: text(&result.description),
                since: version(result.since.as_deref().or(def.since.as_deref())),
                notes: event_notes,
                attributes,
                known_errors,
                origin: origin.clone(),
            };
            ids[slot] = EventId::new(self.catalogue.events.len());
            self.catalogue.events.push(event);
        }
        self.catalogue.actions.push(Action {
            name: def.name.clone(),
            family: family_id,
            marker: naming::action_marker(&def.name),
            variant: naming::action_variant(family, &def.name),
            description: text(&def.description),
            notes: action_notes,
            done: ids[0],
            error: ids[1],
            origin,
        });
        (action_id, ids[0], ids[1])
    }

    fn async_event(
        &mut self,
        family_id: FamilyId,
        family: &str,
        path: &NodePath,
        def: &EventDef,
    ) -> EventId {
        let variant_name = naming::event_variant(&def.name);
        let type_name = naming::async_type(family, &def.name);
        let attributes = self.attributes(&path.key("attributes"), &def.attributes);
        let event = Event {
            name: def.name.clone(),
            family: family_id,
            kind: EventKind::Async,
            ref_type_name: ref_type_name(&type_name, &attributes),
            type_name,
            check_name: naming::check(&variant_name),
            variant_name,
            description: text(&def.description),
            since: version(def.since.as_deref()),
            notes: notes(&def.notes),
            attributes,
            known_errors: Vec::new(),
            origin: self.origin(&path.key("name")),
        };
        let id = EventId::new(self.catalogue.events.len());
        self.catalogue.events.push(event);
        id
    }

    fn attributes(&self, path: &NodePath, list: &[AttributeUse]) -> Vec<Attribute> {
        list.iter()
            .enumerate()
            .map(|(index, item)| self.attribute(&path.index(index), item))
            .collect()
    }

    fn attribute(&self, path: &NodePath, item: &AttributeUse) -> Attribute {
        let shared = item
            .uses
            .as_deref()
            .and_then(|name| self.resolved.index.attributes.get(name))
            .map(|(def, _)| *def);
        let name = shared
            .map(|def| def.name.clone())
            .or_else(|| item.name.clone())
            .unwrap_or_default();
        let ty_expr = shared
            .map(|def| def.ty.as_str())
            .or(item.ty.as_deref())
            .unwrap_or("string");
        let mut attribute_notes = shared.map(|def| notes(&def.notes)).unwrap_or_default();
        attribute_notes.extend(notes(&item.notes));
        Attribute {
            rust_name: naming::field(
                &name,
                item.rust_name.as_deref(),
                shared.and_then(|def| def.rust_name.as_deref()),
            ),
            ty: self.resolve(parse_type(ty_expr)),
            role: shared
                .and_then(|def| def.role.as_deref())
                .or(item.role.as_deref())
                .and_then(Role::from_spec),
            required: item.optional.is_none(),
            presence_reason: item
                .optional
                .as_deref()
                .or(item.required_because.as_deref())
                .map(text),
            presence_source: item.source.clone(),
            presence_inferred: item.inferred,
            since: version(item.since.as_deref()),
            description: item
                .description
                .as_deref()
                .or(shared.map(|def| def.description.as_str()))
                .map(text)
                .unwrap_or_default(),
            notes: attribute_notes,
            shared: item.uses.clone(),
            origin: self.origin(&path.key(if item.uses.is_some() { "use" } else { "name" })),
            name,
        }
    }

    /// The type of a checked type expression: every name in it is a builtin, an enum or an
    /// object type.
    fn resolve(&self, expr: Option<TypeExpr>) -> Type {
        match expr {
            Some(TypeExpr::Array(item)) => Type::Array(Box::new(self.resolve(Some(*item)))),
            Some(TypeExpr::Named(name)) => match name.as_str() {
                "string" => Type::String,
                "integer" => Type::Integer,
                "boolean" => Type::Boolean,
                "object" => Type::AnyObject,
                other => match (self.enum_ids.get(other), self.object_ids.get(other)) {
                    (Some(id), _) => Type::Enum(*id),
                    (None, Some(id)) => Type::Object(*id),
                    // Unreachable after the checker's `unknown-type`.
                    (None, None) => Type::String,
                },
            },
            None => Type::String,
        }
    }
}

/// The catalogue as release `version` sees it (see [`Catalogue::at_version`]).
pub fn at_version(catalogue: &Catalogue, version: &OrsVersion) -> Catalogue {
    let present = |since: &Option<OrsVersion>| since.as_ref().is_none_or(|since| since <= version);
    let keep = |attributes: &[Attribute]| -> Vec<Attribute> {
        attributes
            .iter()
            .filter(|attribute| present(&attribute.since))
            .cloned()
            .collect()
    };
    let mut event_ids: BTreeMap<EventId, EventId> = BTreeMap::new();
    for (id, event) in catalogue.events() {
        if present(&event.since) {
            event_ids.insert(id, EventId::new(event_ids.len()));
        }
    }
    let mut action_ids: BTreeMap<ActionId, ActionId> = BTreeMap::new();
    let mut actions = Vec::new();
    for (index, action) in catalogue.actions.iter().enumerate() {
        if let (Some(done), Some(error)) =
            (event_ids.get(&action.done), event_ids.get(&action.error))
        {
            action_ids.insert(ActionId::new(index), ActionId::new(actions.len()));
            actions.push(Action {
                done: *done,
                error: *error,
                ..action.clone()
            });
        }
    }
    let events = catalogue
        .events()
        .filter(|(id, _)| event_ids.contains_key(id))
        .map(|(_, event)| {
            let action = event
                .kind
                .action()
                .and_then(|id| action_ids.get(&id).copied());
            let attributes = keep(&event.attributes);
            Event {
                ref_type_name: ref_type_name(&event.type_name, &attributes),
                kind: match (event.kind, action) {
                    (EventKind::Done(_), Some(action)) => EventKind::Done(action),
                    (EventKind::Error(_), Some(action)) => EventKind::Error(action),
                    // The other side is newer than `version`: alone, it is sent on its own.
                    _ => EventKind::Async,
                },
                attributes,
                ..event.clone()
            }
        })
        .collect();
    let families = catalogue
        .families
        .iter()
        .map(|family| Family {
            actions: family
                .actions
                .iter()
                .filter_map(|id| action_ids.get(id).copied())
                .collect(),
            events: family
                .events
                .iter()
                .filter_map(|id| event_ids.get(id).copied())
                .collect(),
            ..family.clone()
        })
        .collect();
    let objects = catalogue
        .objects
        .iter()
        .map(|object| ObjectType {
            members: keep(&object.members),
            ..object.clone()
        })
        .collect();
    Catalogue {
        sources: catalogue.sources.clone(),
        envelope: catalogue.envelope.clone(),
        enums: catalogue.enums.clone(),
        objects,
        families,
        actions,
        events,
    }
}

/// The borrowed view's type of an event with these attributes: one exists when a string
/// attribute can borrow from the input.
fn ref_type_name(type_name: &str, attributes: &[Attribute]) -> Option<String> {
    attributes
        .iter()
        .any(|attribute| attribute.ty == Type::String)
        .then(|| naming::borrowed_type(type_name))
}
