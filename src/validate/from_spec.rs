//! A [`DynCatalogue`] from a spec directory, through the generator's IR.

use std::path::Path;

use ors_events_codegen::ir::{self, EnumKind, Type, WireValue};
use ors_events_codegen::Diagnostics;

use super::dynamic::{
    DynAttribute, DynCatalogue, DynEnum, DynEvent, DynObject, DynType, DynValues,
};

#[cfg_attr(docsrs, doc(cfg(feature = "spec")))]
impl DynCatalogue {
    /// Loads, checks and lowers the spec in `dir`: every problem of the spec, or its catalogue.
    pub fn load(dir: &Path) -> Result<DynCatalogue, Diagnostics> {
        ors_events_codegen::compile(dir).map(|catalogue| DynCatalogue::from_ir(&catalogue))
    }

    /// The catalogue that the generator's IR describes, checked as the bindings generated from
    /// it would check it.
    pub fn from_ir(catalogue: &ir::Catalogue) -> DynCatalogue {
        let events = catalogue
            .events
            .iter()
            .map(|event| DynEvent {
                name: event.name.clone(),
                family: catalogue[event.family].name.clone(),
                since: event.since,
                attributes: attributes(&event.attributes),
            })
            .collect();
        let enums = catalogue
            .enums
            .iter()
            .map(|item| DynEnum {
                name: item.rust_name.clone(),
                values: match item.kind {
                    EnumKind::Integer => DynValues::Integer(
                        item.values
                            .iter()
                            .filter_map(|value| match value.wire {
                                WireValue::Int(code) => Some(code),
                                WireValue::Str(_) => None,
                            })
                            .collect(),
                    ),
                    EnumKind::String => DynValues::String(
                        item.values
                            .iter()
                            .filter_map(|value| match &value.wire {
                                WireValue::Str(text) => Some(text.clone()),
                                WireValue::Int(_) => None,
                            })
                            .collect(),
                    ),
                },
            })
            .collect();
        let objects = catalogue
            .objects
            .iter()
            .map(|object| DynObject {
                name: object.name.clone(),
                open: object.open,
                members: attributes(&object.members),
            })
            .collect();
        let fields = attributes(&catalogue.envelope.fields);
        // The IR's event names are unique and its ids index its arenas, which become these
        // vectors in the same order: nothing here can dangle.
        let families = catalogue
            .families
            .iter()
            .map(|family| family.name.clone())
            .collect();
        DynCatalogue::assemble(families, events, enums, objects, fields)
    }
}

fn attributes(list: &[ir::Attribute]) -> Vec<DynAttribute> {
    list.iter()
        .map(|attribute| DynAttribute {
            name: attribute.name.clone(),
            ty: dyn_type(&attribute.ty),
            required: attribute.required,
            since: attribute.since,
        })
        .collect()
}

fn dyn_type(ty: &Type) -> DynType {
    match ty {
        Type::String => DynType::String,
        Type::Integer => DynType::Integer,
        Type::Boolean => DynType::Boolean,
        Type::AnyObject => DynType::AnyObject,
        Type::Array(item) => DynType::Array(Box::new(dyn_type(item))),
        Type::Enum(id) => DynType::Enum(id.index()),
        Type::Object(id) => DynType::Object(id.index()),
    }
}
