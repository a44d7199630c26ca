//! The JSON Schema (draft 2020-12) emitter. Two documents describe the whole catalogue, with the
//! same event and object definitions and two top levels:
//!
//! - the validators' document ([`catalogue_schema`], `ors-events.schema.json`) dispatches on
//!   `name`: `name` must be one of the catalogue's names, and an `if`/`then` per family and then
//!   per event applies the definition of the event that `name` names, and only that one. A
//!   validator evaluates one event's definition per event, and its errors are that definition's
//!   (`required`, `type`, `additionalProperties`, `enum`) at the offending member, never a
//!   failed `oneOf` at the root. Its enums are a `type` and an `enum` of the values, for the same
//!   reason.
//! - the type generators' document ([`types_schema`], `ors-events.types.schema.json`) is a
//!   `oneOf` over every event, which json-schema-to-typescript and datamodel-code-generator turn
//!   into a union narrowed by `name`; its enums are a `oneOf` of titled `const`s, which they turn
//!   into named values. Validators accept exactly the same events with it, only slower and with
//!   worse errors: every `oneOf` branch is tried, and an invalid event fails all of them.
//!
//! Besides, one self-contained schema per event ([`event_schema`]), in the type generators' form,
//! and the same definitions for the AsyncAPI document's `components.schemas`
//! ([`component_schemas`]). Every definition, wherever it goes, is made by the one `Defs`
//! writer below; only the place its `$ref`s point into differs.

use std::collections::BTreeSet;

use super::json::Json;
use crate::ir::{
    Attribute, Catalogue, Enum, EnumKind, Event, Family, ObjectType, Role, Type, WireValue,
};
use crate::version::OrsVersion;

/// The dialect every emitted schema declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Path of the validators' catalogue schema inside the output directory.
pub const CATALOGUE_SCHEMA_PATH: &str = "schema/ors-events.schema.json";

/// Path of the type generators' catalogue schema inside the output directory.
pub const TYPES_SCHEMA_PATH: &str = "schema/ors-events.types.schema.json";

/// The two catalogue schemas and one schema per event, as `(path, text)` pairs.
pub fn emit(catalogue: &Catalogue) -> Vec<(String, String)> {
    let mut files = vec![
        (
            CATALOGUE_SCHEMA_PATH.to_owned(),
            catalogue_schema(catalogue, None).to_pretty(),
        ),
        (
            TYPES_SCHEMA_PATH.to_owned(),
            types_schema(catalogue, None).to_pretty(),
        ),
    ];
    for event in &catalogue.events {
        files.push((
            format!("schema/events/{}.schema.json", event.name),
            event_schema(catalogue, event).to_pretty(),
        ));
    }
    files
}

/// How a document writes an enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EnumForm {
    /// `type` and `enum`: a wrong value fails `enum`, a value of the wrong type fails `type`.
    Values,
    /// A `oneOf` of `const`s, each with its name as `title`: named values for type generators.
    TitledConsts,
}

/// Which tools a catalogue document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Readers {
    /// Validators: `ors-events.schema.json`, which dispatches on `name`.
    Validators,
    /// Type generators: `ors-events.types.schema.json`, a `oneOf` of every event.
    TypeGenerators,
}

impl Readers {
    /// The `schema` command's flag that prints the document, if any.
    fn flag(self) -> &'static str {
        match self {
            Readers::Validators => "",
            Readers::TypeGenerators => " --types",
        }
    }

    /// What the document is for, and which one the other tools should use.
    fn purpose(self) -> &'static str {
        match self {
            Readers::Validators => {
                "For validators: `name` selects the one event definition that applies (`if`/`then` \
                 by family, then by event), so errors point at the offending member. Type \
                 generators should use ors-events.types.schema.json, whose top level is a union of \
                 every event."
            }
            Readers::TypeGenerators => {
                "For type generators (json-schema-to-typescript, datamodel-code-generator): the top \
                 level is a `oneOf` of every event, a union narrowed by `name`. Validators should \
                 use ors-events.schema.json, which accepts the same events, faster and with \
                 precise errors."
            }
        }
    }

    /// How the document writes enums.
    fn enum_form(self) -> EnumForm {
        match self {
            Readers::Validators => EnumForm::Values,
            Readers::TypeGenerators => EnumForm::TitledConsts,
        }
    }
}

/// Where a document keeps the catalogue's definitions, which every `$ref` between them names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// `#/$defs/KEY`: the JSON Schema documents.
    Defs,
    /// `#/components/schemas/KEY`: the AsyncAPI document.
    Components,
}

impl Place {
    /// A schema that refers to the definition `key`.
    fn reference(self, key: &str) -> Json {
        let prefix = match self {
            Place::Defs => "#/$defs/",
            Place::Components => "#/components/schemas/",
        };
        Json::object().with("$ref", Json::str(format!("{prefix}{key}")))
    }
}

/// Writes the definitions of a catalogue's events, enums and object types, with enums in `form`
/// and references into `place`: the one source of every definition this module and the AsyncAPI
/// emitter emit.
#[derive(Clone, Copy)]
struct Defs<'a> {
    catalogue: &'a Catalogue,
    form: EnumForm,
    place: Place,
}

fn header(command: &str) -> String {
    format!(
        "Generated by `{command}` from the event catalogue in spec/. Do not edit: change the spec and run the command again."
    )
}

/// The title of a catalogue document and the command that makes it, for `version` if any.
fn title_and_command(version: Option<&OrsVersion>, readers: Readers) -> (String, String) {
    match version {
        Some(version) => (
            format!("ORS interaction events, as of ORS {version}"),
            format!(
                "ors-events schema{} --ors-version {version}",
                readers.flag()
            ),
        ),
        None => (
            "ORS interaction events".to_owned(),
            "ors-events generate".to_owned(),
        ),
    }
}

/// The top of a catalogue document: dialect, comment, title and description.
fn document(catalogue: &Catalogue, version: Option<&OrsVersion>, readers: Readers) -> Json {
    let (title, command) = title_and_command(version, readers);
    Json::object()
        .with("$schema", Json::str(DIALECT))
        .with(
            "$comment",
            Json::str(format!("{} {}", header(&command), readers.purpose())),
        )
        .with("title", Json::str(title))
        .with(
            "description",
            Json::str(format!(
                "One Genesys Orchestration Server interaction event in its SCXML envelope: `name` \
                 selects one of the catalogue's {} events and `data` holds its attributes. {}",
                catalogue.events.len(),
                catalogue.envelope.description
            )),
        )
}

/// The validators' schema of every event of `catalogue`, which dispatches on `name`. With
/// `version`, the catalogue should already be narrowed to that release
/// ([`Catalogue::at_version`]); the version is named in the title.
pub fn catalogue_schema(catalogue: &Catalogue, version: Option<&OrsVersion>) -> Json {
    let names = catalogue
        .events
        .iter()
        .map(|event| Json::str(event.name.clone()))
        .collect();
    let properties = Json::object()
        .with(
            "name",
            Json::object()
                .with(
                    "description",
                    Json::str("The event: one of the catalogue's event names."),
                )
                .with("enum", Json::Array(names)),
        )
        .with(
            "data",
            Json::object()
                .with(
                    "description",
                    Json::str("The event's attributes, as its definition describes them."),
                )
                .with("type", Json::str("object")),
        );
    let families: Vec<Json> = catalogue
        .families
        .iter()
        .filter(|family| !family.events.is_empty())
        .map(|family| family_dispatch(catalogue, family))
        .collect();
    let readers = Readers::Validators;
    document(catalogue, version, readers)
        .with("type", Json::str("object"))
        .with("properties", properties)
        .with(
            "required",
            Json::Array(vec![Json::str("name"), Json::str("data")]),
        )
        // No `allOf` at all for a release without events: the metaschema wants one item at least.
        .with_opt(
            "allOf",
            (!families.is_empty()).then_some(Json::Array(families)),
        )
        .with("$defs", Defs::of_document(catalogue, readers).all())
}

/// `if` `name` is one of `family`'s events, `then` the `if`/`then` of each of them. Two levels
/// instead of one `if` per event: a validator tests `name` against every family and then against
/// one family's events, not against every event of the catalogue.
fn family_dispatch(catalogue: &Catalogue, family: &Family) -> Json {
    let events: Vec<&Event> = catalogue.family_events(family).collect();
    let names = events
        .iter()
        .map(|event| Json::str(event.name.clone()))
        .collect();
    let branches = events
        .iter()
        .map(|event| {
            Json::object()
                .with("if", name_is("const", Json::str(event.name.clone())))
                .with("then", Place::Defs.reference(&event.variant_name))
        })
        .collect();
    Json::object()
        .with("if", name_is("enum", Json::Array(names)))
        .with("then", Json::object().with("allOf", Json::Array(branches)))
}

/// The condition "`name` is present and satisfies `keyword`: `value`". `properties` comes
/// first, so that a validator rejects another name before it looks at `required`.
fn name_is(keyword: &str, value: Json) -> Json {
    Json::object()
        .with(
            "properties",
            Json::object().with("name", Json::object().with(keyword, value)),
        )
        .with("required", Json::Array(vec![Json::str("name")]))
}

/// The type generators' schema of every event of `catalogue`: a `oneOf` over every event. With
/// `version`, the catalogue should already be narrowed to that release
/// ([`Catalogue::at_version`]); the version is named in the title.
pub fn types_schema(catalogue: &Catalogue, version: Option<&OrsVersion>) -> Json {
    let one_of = catalogue
        .events
        .iter()
        .map(|event| Place::Defs.reference(&event.variant_name))
        .collect();
    let readers = Readers::TypeGenerators;
    document(catalogue, version, readers)
        .with("oneOf", Json::Array(one_of))
        .with("$defs", Defs::of_document(catalogue, readers).all())
}

/// Every definition of `catalogue` for an AsyncAPI document's `components.schemas`: the same
/// event, enum and object definitions as the type generators' document, keyed alike (an event's
/// [`Event::variant_name`], a type's `rust_name`), with references into
/// `#/components/schemas/`. Enums are titled constants, as for type generators, since AsyncAPI
/// documents feed code generators and documentation portals, which both need the values' names.
pub fn component_schemas(catalogue: &Catalogue) -> Json {
    Defs {
        catalogue,
        form: EnumForm::TitledConsts,
        place: Place::Components,
    }
    .all()
}

/// A self-contained schema of one event, with the enum and object types it uses.
pub fn event_schema(catalogue: &Catalogue, event: &Event) -> Json {
    let mut used = BTreeSet::new();
    for attribute in event.attributes.iter().chain(&catalogue.envelope.fields) {
        collect_types(catalogue, &attribute.ty, &mut used);
    }
    let defs = Defs {
        catalogue,
        form: EnumForm::TitledConsts,
        place: Place::Defs,
    };
    let mut types = Json::object();
    defs.push_types(&mut types, |name| used.contains(name));
    let mut schema = Json::object()
        .with("$schema", Json::str(DIALECT))
        .with("$comment", Json::str(header("ors-events generate")));
    if let Json::Object(members) = defs.event(event) {
        for (key, value) in members {
            schema.push(key, value);
        }
    }
    schema.with("$defs", types)
}

fn collect_types(catalogue: &Catalogue, ty: &Type, used: &mut BTreeSet<String>) {
    match ty {
        Type::Array(item) => collect_types(catalogue, item, used),
        Type::Enum(id) => {
            used.insert(catalogue[*id].name.clone());
        }
        Type::Object(id) => {
            let object = &catalogue[*id];
            if used.insert(object.name.clone()) {
                for member in &object.members {
                    collect_types(catalogue, &member.ty, used);
                }
            }
        }
        Type::String | Type::Integer | Type::Boolean | Type::AnyObject => {}
    }
}

/// `description`, followed by the release that introduced the item.
fn described(description: &str, since: Option<&OrsVersion>) -> Json {
    match since {
        Some(since) => Json::str(format!("{description} Since ORS {since}.")),
        None => Json::str(description),
    }
}

impl<'a> Defs<'a> {
    /// The writer of a catalogue document's `$defs`.
    fn of_document(catalogue: &'a Catalogue, readers: Readers) -> Self {
        Defs {
            catalogue,
            form: readers.enum_form(),
            place: Place::Defs,
        }
    }

    /// Every event's definition, then every enum and object type.
    fn all(self) -> Json {
        let mut defs = Json::object();
        for event in &self.catalogue.events {
            defs.push(event.variant_name.clone(), self.event(event));
        }
        self.push_types(&mut defs, |_| true);
        defs
    }

    /// Adds the enum and object types whose spec name `keep` accepts.
    fn push_types(self, defs: &mut Json, keep: impl Fn(&str) -> bool) {
        for item in self.catalogue.enums.iter().filter(|item| keep(&item.name)) {
            defs.push(item.rust_name.clone(), enum_def(item, self.form));
        }
        for item in self
            .catalogue
            .objects
            .iter()
            .filter(|item| keep(&item.name))
        {
            defs.push(item.rust_name.clone(), self.object(item));
        }
    }

    /// An event in its envelope: `name`, `data` and the envelope's optional fields.
    fn event(self, event: &Event) -> Json {
        let mut data = self.attributes(&event.attributes, false);
        if !event.known_errors.is_empty() {
            // Known values of an error event's error attribute are documentation, not a limit:
            // the published lists are incomplete, so they go in `examples`, never `enum`.
            let known = event
                .known_errors
                .iter()
                .flat_map(|known| known.forms())
                .map(Json::Str);
            let error_attribute = event
                .attribute_with_role(Role::Error)
                .map(|a| a.name.as_str());
            if let Some(error) = error_attribute.and_then(|name| {
                data.get_mut("properties")
                    .and_then(|properties| properties.get_mut(name))
            }) {
                error.push("examples", Json::Array(known.collect()));
            }
        }
        let mut properties = Json::object()
            .with(
                "name",
                Json::object().with("const", Json::str(event.name.clone())),
            )
            .with("data", data);
        for field in &self.catalogue.envelope.fields {
            properties.push(field.name.clone(), self.attribute(field));
        }
        Json::object()
            .with("title", Json::str(event.name.clone()))
            .with(
                "description",
                described(&event.description, event.since.as_ref()),
            )
            .with("type", Json::str("object"))
            .with("properties", properties)
            .with(
                "required",
                Json::Array(vec![Json::str("name"), Json::str("data")]),
            )
            .with("additionalProperties", Json::Bool(false))
    }

    /// An object of `attributes`; `open` allows members it does not list.
    fn attributes(self, attributes: &[Attribute], open: bool) -> Json {
        let mut properties = Json::object();
        for attribute in attributes {
            properties.push(attribute.name.clone(), self.attribute(attribute));
        }
        let required: Vec<Json> = attributes
            .iter()
            .filter(|attribute| attribute.required)
            .map(|attribute| Json::str(attribute.name.clone()))
            .collect();
        let mut object = Json::object()
            .with("type", Json::str("object"))
            .with("properties", properties);
        if !required.is_empty() {
            object.push("required", Json::Array(required));
        }
        object.with("additionalProperties", Json::Bool(open))
    }

    fn attribute(self, attribute: &Attribute) -> Json {
        let description = described(&attribute.description, attribute.since.as_ref());
        let schema = self.ty(&attribute.ty);
        match attribute.ty {
            // An attribute of a named type refers to it as `{"allOf": [{"$ref": ...}],
            // "description": ...}`, not as a `$ref` with a sibling `description`, although
            // 2020-12 allows both. json-schema-to-typescript 16 (json2ts) merges a `$ref`'s
            // siblings into a copy of the target (its issues #193, #363): it declared one copy
            // of the type per use (`SCXMLEventType1` ... `SCXMLEventType59`,
            // `CallControlEventCallState1`, `EventHints1`) and put the attribute's description
            // on the copy. Through `allOf` every use names the one type and the description
            // stays on the property. Python `jsonschema`, ajv, the `jsonschema` crate and
            // datamodel-code-generator read both forms alike
            // (scripts/check-schema-consumers.sh). AsyncAPI's schema format, draft-07's
            // superset, ignores a `$ref`'s siblings, so the form is right there too.
            Type::Enum(_) | Type::Object(_) => Json::object()
                .with("allOf", Json::Array(vec![schema]))
                .with("description", description),
            _ => schema.with("description", description),
        }
    }

    fn ty(self, ty: &Type) -> Json {
        match ty {
            Type::String => Json::object().with("type", Json::str("string")),
            Type::Integer => Json::object().with("type", Json::str("integer")),
            Type::Boolean => Json::object().with("type", Json::str("boolean")),
            Type::AnyObject => Json::object().with("type", Json::str("object")),
            Type::Array(item) => Json::object()
                .with("type", Json::str("array"))
                .with("items", self.ty(item)),
            Type::Enum(id) => self.place.reference(&self.catalogue[*id].rust_name),
            Type::Object(id) => self.place.reference(&self.catalogue[*id].rust_name),
        }
    }

    fn object(self, item: &ObjectType) -> Json {
        let mut object = Json::object().with_opt("title", item.title.clone().map(Json::Str));
        object.push("description", Json::str(item.description.clone()));
        if let Json::Object(members) = self.attributes(&item.members, item.open) {
            for (key, value) in members {
                object.push(key, value);
            }
        }
        object
    }
}

fn enum_def(item: &Enum, form: EnumForm) -> Json {
    let wire = |value: &WireValue| match value {
        WireValue::Int(code) => Json::Int(*code),
        WireValue::Str(text) => Json::str(text.clone()),
    };
    let def = Json::object()
        .with_opt("title", item.title.clone().map(Json::Str))
        .with("description", Json::str(item.description.clone()));
    match form {
        EnumForm::Values => {
            let ty = match item.kind {
                EnumKind::Integer => "integer",
                EnumKind::String => "string",
            };
            let values = item.values.iter().map(|value| wire(&value.wire)).collect();
            def.with("type", Json::str(ty))
                .with("enum", Json::Array(values))
        }
        EnumForm::TitledConsts => {
            let values = item
                .values
                .iter()
                .map(|value| {
                    Json::object()
                        .with("const", wire(&value.wire))
                        .with("title", Json::str(value.name.clone()))
                        .with_opt("description", value.description.clone().map(Json::Str))
                })
                .collect();
            // No `type` beside the `oneOf`: the constants already fix it (all integers or all
            // strings). json-schema-to-typescript splits a referenced `type` + `oneOf` into an
            // intersection of two aliases named after the `$defs` key
            // (`CallControlEventCallState = CallState & CallState1`, `CallState = number`), so
            // TypeScript's `CallState` would be any number. Without `type` the enum is the union
            // of its values' literal types. Validators give the same verdicts either way, and
            // datamodel-code-generator still makes an `IntEnum` or a `StrEnum` of it.
            def.with("oneOf", Json::Array(values))
        }
    }
}

#[cfg(test)]
mod tests;
