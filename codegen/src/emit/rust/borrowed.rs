//! The borrowed views of events: beside each event struct that has a string attribute, in
//! `<family>.rs`, its view (`HoldDoneRef<'a>`), whose strings borrow from the JSON they were
//! read from; and `event_ref.rs`, the `EventRef<'a>` enum over every event, each holding its
//! view (or, for an event without a string to borrow, its owned struct).
//!
//! Only an event's own string attributes borrow. Values of enums, object types, arrays and open
//! objects are the owned event's types: they hold no string in the catalogues ORS describes, or
//! hold JSON that serde_json owns anyway.

use proc_macro2::TokenStream;
use quote::quote;

use super::types::{role_marker, rust_type, wire_name};
use super::{docs, event_attribute, event_variants, ident, rt, serde_crate};
use crate::ir::{Attribute, Catalogue, Event, Type};

/// The view struct of `event`, with its `into_owned`; nothing for an event that has no view.
pub(super) fn view_struct(catalogue: &Catalogue, event: &Event) -> TokenStream {
    let reader = super::reader::event_reader(catalogue, event);
    let Some(view_name) = &event.ref_type_name else {
        return reader;
    };
    let rt = rt();
    let serde_crate = serde_crate();
    let view = ident(view_name);
    let owned = ident(&event.type_name);
    let doc = docs(&format!(
        "The borrowed view of [`{}`] (`{}`), decoded by [`EventRef::from_json`](super::EventRef::from_json): its strings borrow from the JSON they were read from, and only a string with escapes is decoded into its own `String`.",
        event.type_name, event.name
    ));
    let event_attribute = event_attribute(event);
    // Named as the owned struct, so that serde's errors are the owned decoding's, word for word.
    let expecting = format!("struct {}", event.type_name);
    let fields = event
        .attributes
        .iter()
        .map(|attribute| view_field(catalogue, event, attribute));
    let copies = event.attributes.iter().map(owned_value);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, #rt::serde::Serialize, #rt::serde::Deserialize, #rt::Event)]
        #serde_crate
        #[serde(expecting = #expecting)]
        #event_attribute
        pub struct #view<'a> {
            #(#fields)*
        }

        impl #view<'_> {
            /// The owned event, every borrowed string copied.
            pub fn into_owned(self) -> #owned {
                #owned { #(#copies)* }
            }
        }

        #reader
    }
}

/// A field of a view: a string attribute as a `Cow`, any other as in the owned struct.
fn view_field(catalogue: &Catalogue, event: &Event, attribute: &Attribute) -> TokenStream {
    let name = ident(&attribute.rust_name);
    let doc = docs(&format!(
        "`{}`: see [`{}::{}`].",
        attribute.name, event.type_name, attribute.rust_name
    ));
    let (rename, role) = (wire_name(attribute), role_marker(attribute, true));
    let cow = quote! { ::std::borrow::Cow<'a, str> };
    match (&attribute.ty, attribute.required) {
        (Type::String, true) => quote! {
            #doc #rename #role
            #[serde(borrow, deserialize_with = "::ors_events::runtime::borrow_str")]
            pub #name: #cow,
        },
        (Type::String, false) => quote! {
            #doc #rename #role
            #[serde(borrow, default, deserialize_with = "::ors_events::runtime::present_borrowed_str", skip_serializing_if = "Option::is_none")]
            pub #name: ::core::option::Option<#cow>,
        },
        (ty, true) => {
            let ty = rust_type(catalogue, ty);
            quote! { #doc #rename #role pub #name: #ty, }
        }
        (ty, false) => {
            let ty = rust_type(catalogue, ty);
            quote! {
                #doc #rename #role
                #[serde(default, deserialize_with = "::ors_events::runtime::present", skip_serializing_if = "Option::is_none")]
                pub #name: ::core::option::Option<#ty>,
            }
        }
    }
}

/// The owned struct's field initializer from the view's field.
fn owned_value(attribute: &Attribute) -> TokenStream {
    let name = ident(&attribute.rust_name);
    match (&attribute.ty, attribute.required) {
        (Type::String, true) => quote! { #name: self.#name.into_owned(), },
        (Type::String, false) => {
            quote! { #name: self.#name.map(::std::borrow::Cow::into_owned), }
        }
        _ => quote! { #name: self.#name, },
    }
}

/// `event_ref.rs`: the `EventRef` enum, its methods and serde impls.
pub(super) fn event_ref_file(catalogue: &Catalogue) -> TokenStream {
    let variants = event_variants(catalogue);
    let payloads = catalogue.events.iter().map(|e| {
        let module = ident(&catalogue[e.family].module);
        match &e.ref_type_name {
            Some(view) => {
                let view = ident(view);
                quote! { super::#module::#view<'a> }
            }
            None => {
                let owned = ident(&e.type_name);
                quote! { super::#module::#owned }
            }
        }
    });
    let variant_docs = catalogue.events.iter().map(|e| {
        docs(&match &e.ref_type_name {
            Some(view) => format!("`{}`, as its view `{view}`.", e.name),
            None => format!("`{}`, which has no string to borrow.", e.name),
        })
    });
    // With no view at all, nothing else would use the lifetime: an empty variant does.
    let unused = catalogue.events.iter().all(|e| e.ref_type_name.is_none());
    let empty_variant = unused.then(|| {
        quote! {
            #[doc(hidden)]
            Unborrowed(::core::convert::Infallible, ::core::marker::PhantomData<&'a str>),
        }
    });
    let decoding = decoding(catalogue);
    let accessors = accessors(catalogue, unused);
    quote! {
        /// Every event of the catalogue as a borrowed view of the JSON it was read from: the
        /// event's strings borrow from the input instead of each being copied into a `String`.
        /// Decode one with [`EventRef::from_json`]; [`EventRef::into_owned`] gives the [`Event`](enum@super::Event).
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)] // As `Event`: boxing would cost an allocation each.
        pub enum EventRef<'a> {
            #( #variant_docs #variants(#payloads), )*
            #empty_variant
        }

        #decoding
        #accessors
    }
}

/// `EventRef::from_json`, the dispatch of `data` on the event's name (to the generated reader,
/// and to serde), and the `Deserialize` impl.
fn decoding(catalogue: &Catalogue) -> TokenStream {
    let rt = rt();
    let variants = event_variants(catalogue);
    let readers = catalogue.events.iter().map(|e| {
        let module = ident(&catalogue[e.family].module);
        let target = ident(e.ref_type_name.as_ref().unwrap_or(&e.type_name));
        quote! { super::#module::#target }
    });
    quote! {
        impl<'a> EventRef<'a> {
            /// Decodes one event envelope from JSON bytes, borrowing its strings from `bytes`:
            /// the fastest way to read an event. The envelope's other fields are checked and
            /// dropped, as [`Event::from_json`](super::Event::from_json) does.
            pub fn from_json(bytes: &'a [u8]) -> ::core::result::Result<EventRef<'a>, #rt::serde_json::Error> {
                #rt::from_json_ref::<super::Catalogue>(bytes)
            }

            /// Decodes the `data` of the event called `name`.
            pub(super) fn decode_data<'de, D: #rt::serde::Deserializer<'de>>(
                name: super::EventName,
                deserializer: D,
            ) -> ::core::result::Result<EventRef<'de>, D::Error> {
                match name {
                    #( super::EventName::#variants => #rt::serde::Deserialize::deserialize(deserializer).map(EventRef::#variants), )*
                }
            }

            /// Reads the `data` of the event called `name` at `cursor`, declining whatever
            /// serde's decoding must decide.
            pub(super) fn read_data(
                name: super::EventName,
                cursor: &mut #rt::Cursor<'a>,
            ) -> ::core::result::Result<EventRef<'a>, #rt::Declined> {
                match name {
                    #( super::EventName::#variants => #readers::read_json(cursor).map(EventRef::#variants), )*
                }
            }
        }

        /// An event view decodes from its envelope, as [`Event`](enum@super::Event) does.
        impl<'de: 'a, 'a> #rt::serde::Deserialize<'de> for EventRef<'a> {
            fn deserialize<D: #rt::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<EventRef<'a>, D::Error> {
                #rt::decode_event_ref::<super::Catalogue, D>(deserializer)
            }
        }
    }
}

/// The view's name and ids, `into_owned`, and the `Serialize` impl; `unused` when the enum has
/// only its empty variant besides events without views.
fn accessors(catalogue: &Catalogue, unused: bool) -> TokenStream {
    let rt = rt();
    let variants = event_variants(catalogue);
    let copies = catalogue.events.iter().map(|e| {
        let variant = ident(&e.variant_name);
        match e.ref_type_name {
            Some(_) => {
                quote! { EventRef::#variant(data) => super::Event::#variant(data.into_owned()), }
            }
            None => quote! { EventRef::#variant(data) => super::Event::#variant(data), },
        }
    });
    let empty_arm = unused.then(|| quote! { EventRef::Unborrowed(never, _) => match *never {}, });
    let empty_owned = unused.then(|| quote! { EventRef::Unborrowed(never, _) => match never {}, });
    quote! {
        impl EventRef<'_> {
            /// The event's name, as a value.
            pub const fn event_name(&self) -> super::EventName {
                match self {
                    #( EventRef::#variants(_) => super::EventName::#variants, )*
                    #empty_arm
                }
            }

            /// The event's name on the wire.
            pub fn name(&self) -> &'static str {
                self.event_name().as_str()
            }

            /// The id of the request this event answers, for result events.
            pub fn request_id(&self) -> ::core::option::Option<&str> {
                match self {
                    #( EventRef::#variants(data) => #rt::OrsEvent::request_id(data), )*
                    #empty_arm
                }
            }

            /// The id of the interaction the event is about, when it carries one.
            pub fn interaction_id(&self) -> ::core::option::Option<&str> {
                match self {
                    #( EventRef::#variants(data) => #rt::OrsEvent::interaction_id(data), )*
                    #empty_arm
                }
            }

            /// The owned event, every borrowed string copied.
            pub fn into_owned(self) -> super::Event {
                match self {
                    #(#copies)*
                    #empty_owned
                }
            }
        }

        /// An event view encodes as `{"name": ..., "data": {...}}`, as [`Event`](enum@super::Event) does.
        impl #rt::serde::Serialize for EventRef<'_> {
            fn serialize<S: #rt::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                use #rt::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::core::option::Option::Some(2))?;
                map.serialize_entry("name", self.name())?;
                match self {
                    #( EventRef::#variants(data) => map.serialize_entry("data", data)?, )*
                    #empty_arm
                }
                map.end()
            }
        }
    }
}
