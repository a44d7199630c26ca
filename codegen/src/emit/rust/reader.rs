//! The readers behind `EventRef::from_json`: for every event (in `<family>.rs`, beside its view)
//! and every object type with members (in `types.rs`), a `read_json` that reads the value
//! straight from the JSON at a cursor, declining whatever serde's decoding must decide (a
//! duplicate or missing member, or a value the cursor does not read as the type wants).
//!
//! The members are a constant table that the runtime's one loop (`read_members`) reads into
//! slots; only the building of the value from its slots is code of the type's own. Enums are
//! read as their integer or string and mapped by the enum's own `from_code` / `from_wire`, an
//! object type by its reader; only arrays, open maps and object types without members (maps
//! too) are skipped by the cursor and decoded from their text through serde.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::{ident, rt};
use crate::ir::{Attribute, Catalogue, EnumKind, Event, ObjectId, ObjectType, Type};

/// The `read_json` of `event`'s view (or, for an event without one, of its owned struct).
pub(super) fn event_reader(catalogue: &Catalogue, event: &Event) -> TokenStream {
    let (target, generics, lifetime) = match &event.ref_type_name {
        Some(view) => (ident(view), quote! { <'a> }, quote! { 'a }),
        None => (ident(&event.type_name), quote! {}, quote! { '_ }),
    };
    // Only an event with a view has string attributes (lowering gives every other event
    // none), so a slot's `Cow` always lands in a view's `Cow` field.
    let read = Read {
        members: &event.attributes,
        strings: Strings::Borrowed,
        open: false,
        what: "its `data`",
    };
    reader(catalogue, &read, (&target, &generics, &lifetime))
}

/// The `read_json` of every object type that a reader reads (one with members, held by an
/// event or by such an object type other than through an array), in catalogue order.
pub(super) fn object_readers(catalogue: &Catalogue) -> BTreeMap<ObjectId, TokenStream> {
    let mut read = BTreeSet::new();
    let mut pending: Vec<ObjectId> = catalogue
        .events
        .iter()
        .flat_map(|event| read_objects(catalogue, &event.attributes))
        .collect();
    while let Some(id) = pending.pop() {
        if read.insert(id) {
            pending.extend(read_objects(catalogue, &catalogue[id].members));
        }
    }
    read.into_iter()
        .map(|id| {
            let object = &catalogue[id];
            let read = Read {
                members: &object.members,
                strings: Strings::Owned,
                open: object.open,
                what: "the object",
            };
            let target = ident(&object.rust_name);
            (
                id,
                reader(catalogue, &read, (&target, &quote! {}, &quote! { '_ })),
            )
        })
        .collect()
}

/// The object types among `members`' types that a reader reads with their own reader.
fn read_objects<'c>(
    catalogue: &'c Catalogue,
    members: &'c [Attribute],
) -> impl Iterator<Item = ObjectId> + 'c {
    members.iter().filter_map(|member| match member.ty {
        Type::Object(id) if has_reader(&catalogue[id]) => Some(id),
        _ => None,
    })
}

/// Whether an object type is read by a reader of its own: one with members (one without is a
/// map, decoded through serde). The one rule for both which readers exist and who calls them.
fn has_reader(object: &ObjectType) -> bool {
    !object.members.is_empty()
}

/// What a reader reads.
struct Read<'c> {
    members: &'c [Attribute],
    strings: Strings,
    /// Whether it is an open object type, which keeps the members it does not describe.
    open: bool,
    /// What it reads at the cursor, for its doc.
    what: &'static str,
}

/// Whether the type's strings are `Cow`s borrowed from the input (a view's) or `String`s.
#[derive(Clone, Copy)]
enum Strings {
    Borrowed,
    Owned,
}

/// `impl <target> { fn read_json }`, with the generics and the cursor's lifetime given.
fn reader(
    catalogue: &Catalogue,
    read: &Read<'_>,
    (target, generics, lifetime): (&Ident, &TokenStream, &TokenStream),
) -> TokenStream {
    let rt = rt();
    let members = read.members;
    let count = Literal::usize_unsuffixed(members.len());
    let table = members.iter().map(|member| {
        let key = Literal::byte_string(member.name.as_bytes());
        let kind = match view_kind(catalogue, &member.ty) {
            Kind::Str => quote! { Str },
            Kind::Int => quote! { Int },
            Kind::Bool => quote! { Bool },
            Kind::Value => quote! { Value },
        };
        quote! { #rt::ViewMember { key: #key, kind: #rt::ViewKind::#kind }, }
    });
    let names: Vec<_> = members
        .iter()
        .map(|member| ident(&member.rust_name))
        .collect();
    let values = members
        .iter()
        .map(|member| member_value(catalogue, member, read.strings));
    // An open object type keeps the members it does not describe, in `other`.
    let (other, read_members, other_field) = if read.open {
        (
            quote! { let mut other = ::core::default::Default::default(); },
            quote! { #rt::read_open_members(cursor, &MEMBERS, &mut slots, &mut other)?; },
            quote! { other, },
        )
    } else {
        (
            quote! {},
            quote! { #rt::read_members(cursor, &MEMBERS, &mut slots)?; },
            quote! {},
        )
    };
    let doc = format!(
        " Reads {} at `cursor`, declining whatever serde's decoding must decide.",
        read.what
    );
    quote! {
        impl #generics #target #generics {
            #[doc = #doc]
            pub(crate) fn read_json(cursor: &mut #rt::Cursor<#lifetime>) -> ::core::result::Result<Self, #rt::Declined> {
                const MEMBERS: [#rt::ViewMember; #count] = [#(#table)*];
                let mut slots = [#rt::ViewSlot::ABSENT; #count];
                #other
                #read_members
                let [#(#names),*] = slots;
                ::core::result::Result::Ok(#target { #(#values)* #other_field })
            }
        }
    }
}

/// How the runtime's loop reads a member of type `ty`.
enum Kind {
    Str,
    Int,
    Bool,
    Value,
}

fn view_kind(catalogue: &Catalogue, ty: &Type) -> Kind {
    match ty {
        Type::String => Kind::Str,
        Type::Integer => Kind::Int,
        Type::Boolean => Kind::Bool,
        Type::Enum(id) => match catalogue[*id].kind {
            EnumKind::Integer => Kind::Int,
            EnumKind::String => Kind::Str,
        },
        Type::AnyObject | Type::Array(_) | Type::Object(_) => Kind::Value,
    }
}

/// The field initializer of `member` from its slot (a variable of the member's name).
fn member_value(catalogue: &Catalogue, member: &Attribute, strings: Strings) -> TokenStream {
    let name = ident(&member.rust_name);
    let required = member.required;
    let value = match (&member.ty, required) {
        (Type::String, true) => match strings {
            Strings::Borrowed => quote! { #name.into_str()? },
            Strings::Owned => quote! { #name.into_str()?.into_owned() },
        },
        (Type::String, false) => match strings {
            Strings::Borrowed => quote! { #name.into_opt_str()? },
            Strings::Owned => {
                quote! { #name.into_opt_str()?.map(::std::borrow::Cow::into_owned) }
            }
        },
        (Type::Integer, true) => quote! { #name.into_i64()? },
        (Type::Integer, false) => quote! { #name.into_opt_i64()? },
        (Type::Boolean, true) => quote! { #name.into_bool()? },
        (Type::Boolean, false) => quote! { #name.into_opt_bool()? },
        (Type::Enum(id), _) => {
            let item = &catalogue[*id];
            let path = ident(&item.rust_name);
            // The enum's serde impl maps the value the same way, and keeps values it does not
            // know: these never fail.
            match (&item.kind, required) {
                (EnumKind::Integer, true) => quote! { super::#path::from_code(#name.into_i64()?) },
                (EnumKind::Integer, false) => {
                    quote! { #name.into_opt_i64()?.map(super::#path::from_code) }
                }
                (EnumKind::String, true) => {
                    quote! { super::#path::from_wire(&#name.into_str()?) }
                }
                (EnumKind::String, false) => {
                    quote! { #name.into_opt_str()?.as_deref().map(super::#path::from_wire) }
                }
            }
        }
        (Type::Object(id), _) if has_reader(&catalogue[*id]) => {
            let path = ident(&catalogue[*id].rust_name);
            if required {
                quote! { #name.into_read(super::#path::read_json)? }
            } else {
                quote! { #name.into_opt_read(super::#path::read_json)? }
            }
        }
        (_, true) => quote! { #name.into_value()? },
        (_, false) => quote! { #name.into_opt_value()? },
    };
    quote! { #name: #value, }
}
