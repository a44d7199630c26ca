//! `types.rs`: the catalogue's enums, object types and envelope fields.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{docs, ident, paragraphs, rt, serde_crate, since_text};
use crate::ir::{Attribute, Catalogue, Enum, EnumKind, ObjectType, Role, Type, WireValue};
/// `types.rs`.
pub(super) fn types(catalogue: &Catalogue) -> TokenStream {
    let enums = catalogue.enums.iter().map(enum_type);
    let mut readers = super::reader::object_readers(catalogue);
    let objects = catalogue.objects().map(|(id, object)| {
        let item = object_type(catalogue, object);
        let reader = readers.remove(&id);
        quote! { #item #reader }
    });
    let envelope = envelope_fields(catalogue);
    quote! {
        #(#enums)*
        #(#objects)*
        #envelope
    }
}

fn enum_type(item: &Enum) -> TokenStream {
    let name = ident(&item.rust_name);
    let title = item.title.clone().unwrap_or_else(|| item.name.clone());
    let doc = docs(&paragraphs(&[
        format!("{title} (`{}`).", item.name),
        item.description.clone(),
        "Values this catalogue does not know decode to `Unrecognized` and encode back unchanged, so a newer server never breaks an older consumer; the enum is `#[non_exhaustive]`, so a value added to the catalogue never breaks your code either.".into(),
    ]));
    let variants = item.values.iter().map(|value| {
        let variant = ident(&value.rust_name);
        let wire_doc = match &value.wire {
            WireValue::Int(code) => format!("`{code}`: `{}`.", value.name),
            WireValue::Str(text) => format!("`{text}`."),
        };
        let doc = docs(&paragraphs(&[
            wire_doc,
            value.description.clone().unwrap_or_default(),
        ]));
        let attribute = match &value.wire {
            WireValue::Int(code) => {
                let code = Literal::i64_unsuffixed(*code);
                let name = &value.name;
                quote! { #[ors(code = #code, name = #name)] }
            }
            WireValue::Str(text) => quote! { #[ors(value = #text)] },
        };
        quote! { #doc #attribute #variant, }
    });
    let (kind, unrecognized, derives) = match item.kind {
        EnumKind::Integer => (
            quote! { integer },
            quote! { Unrecognized(i64) },
            quote! { Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord },
        ),
        EnumKind::String => (
            quote! { string },
            quote! { Unrecognized(::std::string::String) },
            quote! { Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord },
        ),
    };
    let rt = rt();
    quote! {
        #doc
        #[derive(#derives, #rt::OrsEnum)]
        #[ors(#kind)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value this catalogue does not know, kept as it was received.
            #[ors(unrecognized)]
            #unrecognized,
        }
    }
}

pub(super) fn rust_type(catalogue: &Catalogue, ty: &Type) -> TokenStream {
    match ty {
        Type::String => quote! { ::std::string::String },
        Type::Integer => quote! { i64 },
        Type::Boolean => quote! { bool },
        Type::AnyObject => {
            let rt = rt();
            quote! { #rt::serde_json::Map<::std::string::String, #rt::serde_json::Value> }
        }
        Type::Array(item) => {
            let item = rust_type(catalogue, item);
            quote! { ::std::vec::Vec<#item> }
        }
        Type::Enum(id) => {
            let name = ident(&catalogue[*id].rust_name);
            quote! { super::#name }
        }
        Type::Object(id) => {
            let name = ident(&catalogue[*id].rust_name);
            quote! { super::#name }
        }
    }
}

fn attribute_doc(attribute: &Attribute) -> TokenStream {
    let label = match (attribute.required, attribute.presence_inferred) {
        (true, false) => "Required",
        (true, true) => "Required (the catalogue's inference)",
        (false, false) => "Optional",
        (false, true) => "Optional (the catalogue's inference)",
    };
    let source = attribute
        .presence_source
        .as_ref()
        .map_or_else(String::new, |source| format!(" (source: `{source}`)"));
    let presence = match (&attribute.presence_reason, attribute.required) {
        (Some(reason), _) => format!("{label}: {reason}{source}"),
        (None, true) => String::new(),
        (None, false) => "Optional: it may be absent.".to_owned(),
    };
    let mut parts = vec![
        format!("`{}`: {}", attribute.name, attribute.description),
        since_text(attribute.since.as_ref()),
        presence,
    ];
    parts.extend(
        attribute
            .notes
            .iter()
            .map(|note| format!("Note ({}): {}", note.kind.as_str(), note.text)),
    );
    docs(&paragraphs(&parts))
}

/// A struct field for an attribute, with its serde attributes; `markers` adds the event derive's
/// role markers.
pub(super) fn field(catalogue: &Catalogue, attribute: &Attribute, markers: bool) -> TokenStream {
    let name = ident(&attribute.rust_name);
    let doc = attribute_doc(attribute);
    let (rename, role) = (wire_name(attribute), role_marker(attribute, markers));
    let ty = rust_type(catalogue, &attribute.ty);
    // `null` is not a value of any attribute type: decoding refuses it as validating does.
    let present = "::ors_events::runtime::present";
    if attribute.required {
        quote! { #doc #rename #role pub #name: #ty, }
    } else {
        quote! {
            #doc #rename #role
            #[serde(default, deserialize_with = #present, skip_serializing_if = "Option::is_none")]
            pub #name: ::core::option::Option<#ty>,
        }
    }
}

/// serde's `rename` of a field whose Rust name is not its wire name.
pub(super) fn wire_name(attribute: &Attribute) -> Option<TokenStream> {
    (attribute.rust_name != attribute.name).then(|| {
        let wire = &attribute.name;
        quote! { #[serde(rename = #wire)] }
    })
}

/// The event derive's role marker of an event's field (with `markers`), if it has a role.
pub(super) fn role_marker(attribute: &Attribute, markers: bool) -> TokenStream {
    match (markers, attribute.role) {
        (true, Some(Role::RequestId)) => quote! { #[event(request_id)] },
        (true, Some(Role::InteractionId)) => quote! { #[event(interaction_id)] },
        _ => quote! {},
    }
}

fn object_type(catalogue: &Catalogue, object: &ObjectType) -> TokenStream {
    let name = ident(&object.rust_name);
    let title = object.title.clone().unwrap_or_else(|| object.name.clone());
    let doc = docs(&paragraphs(&[
        format!("{title} (`{}`).", object.name),
        object.description.clone(),
    ]));
    let rt = rt();
    let map = quote! { #rt::serde_json::Map<::std::string::String, #rt::serde_json::Value> };
    let serde_crate = serde_crate();
    if object.members.is_empty() {
        return quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, Default, #rt::serde::Serialize, #rt::serde::Deserialize)]
            #serde_crate
            #[serde(transparent)]
            pub struct #name {
                /// Its members, as received.
                pub members: #map,
            }
        };
    }
    let fields = object
        .members
        .iter()
        .map(|member| field(catalogue, member, false));
    let derive_default = derives_default(catalogue, object).then(|| quote! { Default, });
    let other = object.open.then(|| {
        quote! {
            /// Members the catalogue does not describe, kept as received.
            #[serde(flatten)]
            pub other: #map,
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, #derive_default #rt::serde::Serialize, #rt::serde::Deserialize)]
        #serde_crate
        pub struct #name {
            #(#fields)*
            #other
        }
    }
}

/// Whether the struct of `object` can derive `Default`: every required member's type has a
/// default. Enums have none (no value is a natural default), so a required enum member, or a
/// required member of an object type that has none, rules it out.
fn derives_default(catalogue: &Catalogue, object: &ObjectType) -> bool {
    object.members.iter().all(|member| {
        !member.required
            || match &member.ty {
                Type::Enum(_) => false,
                Type::Object(id) => derives_default(catalogue, &catalogue[*id]),
                Type::String | Type::Integer | Type::Boolean | Type::AnyObject | Type::Array(_) => {
                    true
                }
            }
    })
}

fn envelope_fields(catalogue: &Catalogue) -> TokenStream {
    let rt = rt();
    let fields = &catalogue.envelope.fields;
    let declarations = fields.iter().map(|attribute| {
        let name = ident(&attribute.rust_name);
        let ty = rust_type(catalogue, &attribute.ty);
        let doc = attribute_doc(attribute);
        quote! { #doc pub #name: ::core::option::Option<#ty>, }
    });
    let wire_names: Vec<&str> = fields.iter().map(|a| a.name.as_str()).collect();
    let visits = fields.iter().map(|attribute| {
        let name = ident(&attribute.rust_name);
        let wire = &attribute.name;
        quote! {
            #wire => {
                if self.#name.is_some() {
                    return Err(#rt::serde::de::Error::duplicate_field(#wire));
                }
                // `null` is refused, as the validator refuses it.
                self.#name = ::core::option::Option::Some(map.next_value()?);
                Ok(true)
            }
        }
    });
    let serializations = fields.iter().map(|attribute| {
        let name = ident(&attribute.rust_name);
        let wire = &attribute.name;
        quote! {
            if let ::core::option::Option::Some(value) = &self.#name {
                map.serialize_entry(#wire, value)?;
            }
        }
    });
    let doc = docs(&paragraphs(&[
        "The SCXML envelope fields of an event besides `name` and `data`.".into(),
        catalogue.envelope.description.clone(),
    ]));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct EnvelopeFields {
            #(#declarations)*
        }

        impl #rt::EnvelopeFieldSet for EnvelopeFields {
            const NAMES: &'static [&'static str] = &[#(#wire_names),*];

            #[allow(unused_variables)] // A catalogue without envelope fields reads none.
            fn visit_field<'de, A: #rt::serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> ::core::result::Result<bool, A::Error> {
                match key {
                    #(#visits)*
                    _ => Ok(false),
                }
            }

            #[allow(unused_variables)]
            fn serialize_fields<M: #rt::serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> ::core::result::Result<(), M::Error> {
                #(#serializations)*
                Ok(())
            }
        }
    }
}
