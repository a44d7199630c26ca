//! Lowering a checked spec to the IR: references resolved, versions parsed, names converted.

use crate::check::{self, parse_type, result_event_names, Index, TypeExpr};
use crate::diagnostics::Diagnostics;
use crate::ir::{
    Action, Attribute, Catalogue, Enum, EnumKind, EnumValue, Envelope, Event, EventKind, Family,
    KnownError, Note, NoteKind, ObjectType, Role, Source, Type, WireValue,
};
use crate::loader::NodePath;
use crate::names;
use crate::spec::{AttributeUse, NoteDef, Spec};
use crate::version::OrsVersion;

/// Checks `spec` and, when it has no problem, lowers it to the IR.
pub fn lower(spec: &Spec) -> Result<Catalogue, Diagnostics> {
    let problems = check::check(spec);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut ignored = Vec::new();
    let index = Index::build(spec, &mut ignored);
    Ok(Lowering { index: &index }.catalogue(spec))
}

struct Lowering<'i, 'a> {
    index: &'i Index<'a>,
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

impl Lowering<'_, '_> {
    fn catalogue(&self, spec: &Spec) -> Catalogue {
        let mut catalogue = Catalogue {
            sources: Vec::new(),
            envelope: Envelope {
                description: String::new(),
                source: None,
                fields: Vec::new(),
            },
            enums: Vec::new(),
            objects: Vec::new(),
            families: Vec::new(),
            events: Vec::new(),
        };
        let mut family_events: Vec<(String, Family, Vec<Event>)> = Vec::new();
        for (file_index, file) in spec.files.iter().enumerate() {
            let root = NodePath::root(file_index);
            let content = &file.content;
            catalogue
                .sources
                .extend(content.sources.iter().map(|source| Source {
                    id: source.id.clone(),
                    title: text(&source.title),
                    location: source.location.clone(),
                }));
            if let Some(envelope) = &content.envelope {
                catalogue.envelope = Envelope {
                    description: text(&envelope.description),
                    source: envelope.source.clone(),
                    fields: self.attributes(&root.key("envelope").key("fields"), &envelope.fields),
                };
            }
            for (enum_index, item) in content.enums.iter().enumerate() {
                let enum_path = root.key("enums").index(enum_index);
                let integer = item.kind == "integer";
                let value_key = if integer { "code" } else { "value" };
                let values = item
                    .values
                    .iter()
                    .enumerate()
                    .map(|(value_index, value)| {
                        let name = if integer {
                            value.name.clone().unwrap_or_default()
                        } else {
                            value.value.clone().unwrap_or_default()
                        };
                        let stripped = item
                            .prefix
                            .as_deref()
                            .and_then(|prefix| name.strip_prefix(prefix))
                            .unwrap_or(&name);
                        EnumValue {
                            wire: if integer {
                                WireValue::Int(value.code.unwrap_or_default())
                            } else {
                                WireValue::Str(name.clone())
                            },
                            rust_name: names::pascal_case(stripped),
                            name,
                            description: value.description.as_deref().map(text),
                            origin: enum_path.key("values").index(value_index).key(value_key),
                        }
                    })
                    .collect();
                catalogue.enums.push(Enum {
                    name: item.name.clone(),
                    rust_name: item
                        .rust_name
                        .clone()
                        .unwrap_or_else(|| names::pascal_case(&item.name)),
                    title: item.title.clone(),
                    kind: if integer {
                        EnumKind::Integer
                    } else {
                        EnumKind::String
                    },
                    description: text(&item.description),
                    source: item.source.clone(),
                    notes: notes(&item.notes),
                    values,
                    origin: enum_path.key("name"),
                });
            }
            for (i, item) in content.objects.iter().enumerate() {
                catalogue.objects.push(ObjectType {
                    name: item.name.clone(),
                    rust_name: item
                        .rust_name
                        .clone()
                        .unwrap_or_else(|| names::pascal_case(&item.name)),
                    title: item.title.clone(),
                    open: item.open,
                    description: text(&item.description),
                    source: item.source.clone(),
                    members: self
                        .attributes(&root.key("objects").index(i).key("members"), &item.members),
                    origin: root.key("objects").index(i).key("name"),
                });
            }
            if let Some(family) = &content.family {
                let (family, events) = self.family(&root, family, content);
                family_events.push((family.name.clone(), family, events));
            }
        }
        if let Some((order, _)) = &self.index.family_order {
            family_events
                .sort_by_key(|(name, _, _)| order.iter().position(|listed| listed == name));
        }
        for (_, family, events) in family_events {
            catalogue.families.push(family);
            catalogue.events.extend(events);
        }
        catalogue
    }

    fn family(
        &self,
        root: &NodePath,
        def: &crate::spec::FamilyDef,
        content: &crate::spec::FileContent,
    ) -> (Family, Vec<Event>) {
        let family_name = def.name.clone();
        let mut events = Vec::new();
        let mut actions = Vec::new();
        for (i, action) in content.actions.iter().enumerate() {
            let path = root.key("actions").index(i);
            let (done_name, error_name) = result_event_names(&family_name, &action.name);
            let pascal = names::pascal_case(&action.name);
            let action_notes = notes(&action.notes);
            let sides = [
                ("done", &action.done, &done_name, "Done"),
                ("error", &action.error, &error_name, "Error"),
            ];
            for (side, result, event_name, suffix) in sides {
                let Some(result) = result else { continue };
                let side_path = path.key(side);
                let mut event_notes = action_notes.clone();
                event_notes.extend(notes(&result.notes));
                let kind = if side == "done" {
                    EventKind::Done {
                        action: action.name.clone(),
                    }
                } else {
                    EventKind::Error {
                        action: action.name.clone(),
                    }
                };
                events.push(Event {
                    name: event_name.clone(),
                    family: family_name.clone(),
                    kind,
                    type_name: format!("{pascal}{suffix}"),
                    variant_name: names::pascal_case(event_name),
                    description: text(&result.description),
                    since: version(result.since.as_deref().or(action.since.as_deref())),
                    notes: event_notes,
                    attributes: self.attributes(&side_path.key("attributes"), &result.attributes),
                    known_errors: result
                        .errors
                        .iter()
                        .flatten()
                        .enumerate()
                        .map(|(j, known)| KnownError {
                            value: known.value.clone(),
                            description: text(&known.description),
                            source: known.source.clone(),
                            states: known.states.clone(),
                            origin: side_path.key("errors").index(j).key("value"),
                        })
                        .collect(),
                    origin: path.key("name"),
                });
            }
            actions.push(Action {
                name: action.name.clone(),
                rust_name: pascal,
                description: text(&action.description),
                notes: action_notes,
                done: done_name,
                error: error_name,
            });
        }
        let prefix_len = family_name.len() + 1;
        for (i, event) in content.events.iter().enumerate() {
            let path = root.key("events").index(i);
            events.push(Event {
                name: event.name.clone(),
                family: family_name.clone(),
                kind: EventKind::Async,
                type_name: names::pascal_case(event.name.get(prefix_len..).unwrap_or_default()),
                variant_name: names::pascal_case(&event.name),
                description: text(&event.description),
                since: version(event.since.as_deref()),
                notes: notes(&event.notes),
                attributes: self.attributes(&path.key("attributes"), &event.attributes),
                known_errors: Vec::new(),
                origin: path.key("name"),
            });
        }
        let family = Family {
            name: family_name,
            title: text(&def.title),
            description: text(&def.description),
            notes: notes(&def.notes),
            actions,
        };
        (family, events)
    }

    fn attributes(&self, path: &NodePath, list: &[AttributeUse]) -> Vec<Attribute> {
        list.iter()
            .enumerate()
            .map(|(i, item)| self.attribute(&path.index(i), item))
            .collect()
    }

    fn attribute(&self, path: &NodePath, item: &AttributeUse) -> Attribute {
        let shared = item
            .uses
            .as_deref()
            .and_then(|name| self.index.attributes.get(name))
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
            rust_name: item
                .rust_name
                .clone()
                .or_else(|| shared.and_then(|def| def.rust_name.clone()))
                .unwrap_or_else(|| names::snake_case(&name)),
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
            since: version(item.since.as_deref()),
            description: item
                .description
                .as_deref()
                .or(shared.map(|def| def.description.as_str()))
                .map(text)
                .unwrap_or_default(),
            notes: attribute_notes,
            shared: item.uses.clone(),
            origin: path.key(if item.uses.is_some() { "use" } else { "name" }),
            name,
        }
    }

    fn resolve(&self, expr: Option<TypeExpr>) -> Type {
        match expr {
            Some(TypeExpr::Array(item)) => Type::Array(Box::new(self.resolve(Some(*item)))),
            Some(TypeExpr::Named(name)) => match name.as_str() {
                "string" => Type::String,
                "integer" => Type::Integer,
                "boolean" => Type::Boolean,
                "object" => Type::Object,
                _ if self.index.enums.contains_key(name.as_str()) => Type::Enum(name),
                _ => Type::Struct(name),
            },
            None => Type::String,
        }
    }
}
