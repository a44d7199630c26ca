//! `checks.rs`: the validator's checks, one per event, enum and object type, and the
//! catalogue's hookup to the validator engine.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::{event_variants, ident, rt, version_tokens};
use crate::ir::{Attribute, Catalogue, EnumKind, Type, WireValue};

/// A set of codes as runs of consecutive codes, in order: `(0, 32), (49, 50)`.
fn code_runs(codes: impl Iterator<Item = i64>) -> Vec<(i64, i64)> {
    let mut codes: Vec<i64> = codes.collect();
    codes.sort_unstable();
    codes.dedup();
    let mut runs: Vec<(i64, i64)> = Vec::new();
    for code in codes {
        match runs.last_mut() {
            Some((_, end)) if end.checked_add(1) == Some(code) => *end = code,
            _ => runs.push((code, code)),
        }
    }
    runs
}

/// Match patterns for a set of codes: runs of consecutive codes as ranges (`0..=32 | 49..=50`).
fn code_patterns(codes: impl Iterator<Item = i64>) -> Vec<TokenStream> {
    code_runs(codes)
        .into_iter()
        .map(|(start, end)| {
            let (first, last) = (Literal::i64_unsuffixed(start), Literal::i64_unsuffixed(end));
            if start == end {
                quote! { #first }
            } else {
                quote! { #first..=#last }
            }
        })
        .collect()
}

/// The check of a value of type `ty`, as a type implementing the validator's `ValueShape`.
fn value_check(catalogue: &Catalogue, ty: &Type) -> TokenStream {
    let rt = rt();
    match ty {
        Type::String => quote! { #rt::Str },
        Type::Integer => quote! { #rt::Int },
        Type::Boolean => quote! { #rt::Bool },
        Type::AnyObject => quote! { #rt::Object<#rt::AnyObject> },
        Type::Array(item) => {
            let item = value_check(catalogue, item);
            quote! { #rt::Array<#item> }
        }
        Type::Enum(id) => {
            let check = ident(&catalogue[*id].check_name);
            quote! { #check }
        }
        Type::Object(id) => {
            let check = ident(&catalogue[*id].check_name);
            quote! { #rt::Object<#check> }
        }
    }
}

/// A `MapShape` for an object whose members are `attributes`: every member checked, required
/// ones reported when missing, others reported (closed objects) or skipped (open ones).
fn map_check(
    catalogue: &Catalogue,
    name: &Ident,
    attributes: &[Attribute],
    open: bool,
    owner: &str,
) -> TokenStream {
    let rt = rt();
    let count = attributes.len();
    let wire: Vec<&str> = attributes.iter().map(|a| a.name.as_str()).collect();
    let arms = attributes.iter().enumerate().map(|(index, attribute)| {
        let key = &attribute.name;
        let check = value_check(catalogue, &attribute.ty);
        let since = attribute.since.as_ref().map(|since| {
            let version = version_tokens(Some(since));
            quote! { checker.attribute_since(#version, #key, #owner); }
        });
        quote! {
            #key => {
                let mark = checker.enter(#key);
                if seen[#index] {
                    checker.duplicate();
                }
                seen[#index] = true;
                #since
                map.next_value_seed(#rt::Seed::<#check>::new(checker))?;
                checker.leave(mark);
            }
        }
    });
    let missing = attributes
        .iter()
        .enumerate()
        .filter(|(_, a)| a.required)
        .map(|(index, attribute)| {
            let key = &attribute.name;
            quote! {
                if !seen[#index] {
                    checker.missing_attribute(#key);
                }
            }
        });
    let other = if open {
        quote! { map.next_value::<#rt::serde::de::IgnoredAny>()?; }
    } else {
        quote! {
            checker.unknown_attribute(key.as_ref(), &[#(#wire),*], #owner, &mut map)?;
        }
    };
    let dispatch = if attributes.is_empty() {
        other
    } else {
        quote! {
            match key.as_ref() {
                #(#arms)*
                _ => { #other }
            }
        }
    };
    let shape = object_shape(catalogue, name, attributes, open, owner);
    quote! {
        pub(crate) struct #name;

        impl #rt::MapShape for #name {
            #[allow(unused_mut, unused_variables)]
            fn check_map<'de, A: #rt::serde::de::MapAccess<'de>>(
                checker: &mut #rt::Checker<'_>,
                mut map: A,
            ) -> ::core::result::Result<(), A::Error> {
                let mut seen = [false; #count];
                while let ::core::option::Option::Some(#rt::Key(key)) = map.next_key()? {
                    #dispatch
                }
                #(#missing)*
                Ok(())
            }
        }

        #shape
    }
}

/// The fast path's description of a value of type `ty`: a constant `Shape`.
fn shape(catalogue: &Catalogue, ty: &Type) -> TokenStream {
    let rt = rt();
    match ty {
        Type::String => quote! { #rt::Shape::Str },
        Type::Integer => quote! { #rt::Shape::Int },
        Type::Boolean => quote! { #rt::Shape::Bool },
        Type::AnyObject => quote! { #rt::Shape::AnyObject },
        Type::Array(item) => {
            let item = shape(catalogue, item);
            quote! { #rt::Shape::Array(&#item) }
        }
        Type::Enum(id) => {
            let check = ident(&catalogue[*id].check_name);
            quote! { #check::SHAPE }
        }
        Type::Object(id) => {
            let check = ident(&catalogue[*id].check_name);
            quote! { #rt::Shape::Object(&#check::SHAPE) }
        }
    }
}

/// The fast path's description of an object whose members are `attributes`: a constant
/// `ObjectShape` on the check's type, beside the serde reading's `MapShape`.
fn object_shape(
    catalogue: &Catalogue,
    name: &Ident,
    attributes: &[Attribute],
    open: bool,
    owner: &str,
) -> TokenStream {
    let rt = rt();
    let members = attributes.iter().map(|attribute| {
        let key = &attribute.name;
        let shape = shape(catalogue, &attribute.ty);
        let required = attribute.required;
        let since = version_tokens(attribute.since.as_ref());
        quote! {
            #rt::Member { key: #key, shape: #shape, required: #required, since: #since }
        }
    });
    quote! {
        impl #name {
            /// The fast path's description of the object.
            pub(crate) const SHAPE: #rt::ObjectShape = #rt::ObjectShape {
                owner: #owner,
                open: #open,
                members: &[#(#members),*],
            };
        }
    }
}

/// `checks.rs`, as its parts in file order: one check per enum, object type and event, then the
/// hookup. The parts are built lazily, so the file is printed without ever holding all its tokens.
pub(super) fn checks(catalogue: &Catalogue) -> impl Iterator<Item = TokenStream> + '_ {
    let enums = catalogue.enums.iter().map(enum_check);
    let objects = catalogue.objects.iter().map(|object| {
        let owner = format!("`{}`", object.name);
        map_check(
            catalogue,
            &ident(&object.check_name),
            &object.members,
            object.open,
            &owner,
        )
    });
    let events = catalogue.events.iter().map(|event| {
        let owner = format!("`{}`", event.name);
        map_check(
            catalogue,
            &ident(&event.check_name),
            &event.attributes,
            false,
            &owner,
        )
    });
    let hookup = std::iter::once_with(|| checks_hookup(catalogue));
    enums.chain(objects).chain(events).chain(hookup)
}

fn enum_check(item: &crate::ir::Enum) -> TokenStream {
    let rt = rt();
    let name = ident(&item.check_name);
    let rust_name = &item.rust_name;
    let (check, scan) = match item.kind {
        EnumKind::Integer => {
            let codes = code_patterns(item.values.iter().filter_map(|v| match v.wire {
                WireValue::Int(code) => Some(code),
                WireValue::Str(_) => None,
            }));
            let known = quote! { |code| matches!(code, #(#codes)|*) };
            let runs = code_runs(item.values.iter().filter_map(|v| match v.wire {
                WireValue::Int(code) => Some(code),
                WireValue::Str(_) => None,
            }))
            .into_iter()
            .map(|(first, last)| {
                let (first, last) = (
                    Literal::i64_unsuffixed(first),
                    Literal::i64_unsuffixed(last),
                );
                quote! { (#first, #last) }
            });
            (
                quote! { #rt::int_enum(checker, deserializer, #rust_name, #known) },
                quote! {
                    #rt::Shape::IntEnum(&#rt::IntEnumShape { name: #rust_name, codes: &[#(#runs),*] })
                },
            )
        }
        EnumKind::String => {
            let values: Vec<&str> = item
                .values
                .iter()
                .filter_map(|v| match &v.wire {
                    WireValue::Str(text) => Some(text.as_str()),
                    WireValue::Int(_) => None,
                })
                .collect();
            let known = quote! { |value| matches!(value, #(#values)|*) };
            (
                quote! { #rt::str_enum(checker, deserializer, #rust_name, #known) },
                quote! {
                    #rt::Shape::StrEnum(&#rt::StrEnumShape { name: #rust_name, values: &[#(#values),*] })
                },
            )
        }
    };
    quote! {
        pub(crate) struct #name;

        impl #rt::ValueShape for #name {
            fn check<'de, D: #rt::serde::Deserializer<'de>>(
                checker: &mut #rt::Checker<'_>,
                deserializer: D,
            ) -> ::core::result::Result<(), D::Error> {
                #check
            }
        }

        impl #name {
            /// The fast path's description of the enum.
            pub(crate) const SHAPE: #rt::Shape = #scan;
        }
    }
}

/// The catalogue's `Checks` impl, which plugs the checks into the validator engine, and the
/// catalogue's `validate` and `validate_lines`.
fn checks_hookup(catalogue: &Catalogue) -> TokenStream {
    let rt = rt();
    let variants = event_variants(catalogue);
    let event_checks: Vec<Ident> = catalogue
        .events
        .iter()
        .map(|e| ident(&e.check_name))
        .collect();
    let event_names: Vec<&str> = catalogue.events.iter().map(|e| e.name.as_str()).collect();
    let fields = &catalogue.envelope.fields;
    let field_names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let field_indexes: Vec<usize> = (0..fields.len()).collect();
    let field_shapes: Vec<TokenStream> = fields.iter().map(|f| shape(catalogue, &f.ty)).collect();
    let field_checks: Vec<TokenStream> = fields
        .iter()
        .map(|f| value_check(catalogue, &f.ty))
        .collect();
    quote! {
        impl #rt::Checks for super::Catalogue {
            type EventId = super::EventName;

            fn event(&self, name: &str) -> ::core::option::Option<super::EventName> {
                super::EventName::from_name(name)
            }

            fn name_of(&self, event: super::EventName) -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(event.as_str())
            }

            fn since(&self, event: super::EventName) -> ::core::option::Option<#rt::OrsVersion> {
                event.since()
            }

            fn names(&self) -> impl ::core::iter::Iterator<Item = &str> {
                // A table, not `EventName::as_str` per name: suggestions read every name.
                const NAMES: &[&str] = &[#(#event_names),*];
                NAMES.iter().copied()
            }

            fn envelope_field(&self, name: &str) -> ::core::option::Option<usize> {
                match name {
                    #( #field_names => ::core::option::Option::Some(#field_indexes), )*
                    _ => ::core::option::Option::None,
                }
            }

            fn envelope_field_names(&self) -> impl ::core::iter::Iterator<Item = &str> {
                [#(#field_names),*].into_iter()
            }

            fn check_data<'de, D: #rt::serde::Deserializer<'de>>(
                &self,
                event: super::EventName,
                checker: &mut #rt::Checker<'_>,
                deserializer: D,
            ) -> ::core::result::Result<(), D::Error> {
                match event {
                    #( super::EventName::#variants => <#rt::Object<#event_checks> as #rt::ValueShape>::check(checker, deserializer), )*
                }
            }

            #[allow(unused_variables)] // A catalogue without envelope fields checks none.
            fn check_envelope_field<'de, D: #rt::serde::Deserializer<'de>>(
                &self,
                index: usize,
                checker: &mut #rt::Checker<'_>,
                deserializer: D,
            ) -> ::core::result::Result<(), D::Error> {
                match index {
                    #( #field_indexes => <#field_checks as #rt::ValueShape>::check(checker, deserializer), )*
                    _ => #rt::serde::Deserializer::deserialize_ignored_any(deserializer, #rt::serde::de::IgnoredAny).map(|_| ()),
                }
            }

            fn scan_data(
                &self,
                event: super::EventName,
                checker: &mut #rt::Checker<'_>,
                cursor: &mut #rt::Cursor<'_>,
                at: &#rt::At<'_>,
            ) -> ::core::result::Result<(), #rt::Declined> {
                let shape = match event {
                    #( super::EventName::#variants => &#event_checks::SHAPE, )*
                };
                #rt::scan_object(shape, checker, cursor, at)
            }

            #[allow(unused_variables)] // A catalogue without envelope fields checks none.
            fn scan_envelope_field(
                &self,
                index: usize,
                checker: &mut #rt::Checker<'_>,
                cursor: &mut #rt::Cursor<'_>,
                at: &#rt::At<'_>,
            ) -> ::core::result::Result<(), #rt::Declined> {
                match index {
                    #( #field_indexes => #rt::scan_value(&#field_shapes, checker, cursor, at), )*
                    _ => cursor.skip_value(),
                }
            }
        }

        /// Validates one event envelope (one JSON document) against this catalogue and reports
        /// every violation.
        pub fn validate(line: &[u8], options: &#rt::Options) -> #rt::Report {
            #rt::validate_with(&super::Catalogue, line, options)
        }

        /// Validates a stream of JSON Lines against this catalogue, calling `each` with the
        /// 1-based line number and the report of every non-blank line.
        pub fn validate_lines<R: ::std::io::BufRead>(
            reader: R,
            options: &#rt::Options,
            max_line_bytes: usize,
            each: impl ::core::ops::FnMut(u64, &#rt::Report) -> ::std::io::Result<()>,
        ) -> ::std::io::Result<#rt::StreamSummary> {
            #rt::validate_lines_with(&super::Catalogue, reader, options, max_line_bytes, each)
        }
    }
}
