//! `event.rs`: `Family`, `Action`, `EventName` and the `Event` enum over every event, and the
//! catalogue's hookup to the runtime's decoding and encoding.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{docs, event_variants, ident, rt, version_tokens};
use ors_events_core::name_table::NameTable;

use crate::ir::{Catalogue, EventKind};

/// `event.rs`, as its parts in file order, each built when it is printed.
pub(super) fn events(catalogue: &Catalogue) -> impl Iterator<Item = TokenStream> + '_ {
    let parts: [fn(&Catalogue) -> TokenStream; 5] = [
        family_enum,
        action_enum,
        event_name_enum,
        event_enum,
        |_| runtime_hookup(),
    ];
    parts.into_iter().map(move |part| part(catalogue))
}

/// The body of `EventName::from_name`: a lookup in the names' perfect hash table, or, for names
/// the table cannot tell apart (see `NameTable::build`), a match on the length and then the name.
fn from_name(wire_names: &[&str], variants: &[Ident]) -> TokenStream {
    let names: Vec<&[u8]> = wire_names.iter().map(|name| name.as_bytes()).collect();
    let Some(table) = NameTable::build(&names) else {
        let mut lengths: BTreeMap<usize, Vec<(&str, &Ident)>> = BTreeMap::new();
        for (name, variant) in wire_names.iter().zip(variants) {
            lengths.entry(name.len()).or_default().push((name, variant));
        }
        let by_length = lengths.iter().map(|(length, names)| {
            let (names, variants): (Vec<&str>, Vec<&Ident>) = names.iter().copied().unzip();
            quote! {
                #length => match name {
                    #( #names => ::core::option::Option::Some(EventName::#variants), )*
                    _ => ::core::option::Option::None,
                },
            }
        });
        return quote! {
            match name.len() {
                #(#by_length)*
                _ => ::core::option::Option::None,
            }
        };
    };
    let rt = rt();
    let seed = proc_macro2::Literal::u64_unsuffixed(table.seed);
    let displacements = table
        .displacements
        .iter()
        .map(|d| proc_macro2::Literal::u32_unsuffixed(*d));
    let bucket_count = table.displacements.len();
    let slot_count = table.slots.len();
    let slots = table.slots.iter().map(|index| &variants[*index]);
    let names = table.slots.iter().map(|index| wire_names[*index]);
    quote! {
        /// The names' minimal perfect hash (`ors_events_core::name_table`), built by the
        /// generator: the one slot where the name can be, then one comparison.
        static SEED: u64 = #seed;
        static DISPLACEMENTS: [u32; #bucket_count] = [#(#displacements),*];
        static SLOTS: [(EventName, &str); #slot_count] = [#((EventName::#slots, #names)),*];
        let slot = #rt::name_table::slot(name.as_bytes(), SEED, &DISPLACEMENTS, SLOTS.len());
        match SLOTS.get(slot) {
            ::core::option::Option::Some((event, wire))
                if #rt::name_table::same(wire.as_bytes(), name.as_bytes()) =>
            {
                ::core::option::Option::Some(*event)
            }
            _ => ::core::option::Option::None,
        }
    }
}

fn family_enum(catalogue: &Catalogue) -> TokenStream {
    let family_variants: Vec<Ident> = catalogue
        .families
        .iter()
        .map(|f| ident(&f.variant))
        .collect();
    let family_names: Vec<&str> = catalogue.families.iter().map(|f| f.name.as_str()).collect();
    let family_docs = catalogue
        .families
        .iter()
        .map(|f| docs(&format!("`{}`: {}", f.name, f.title)));
    let family_count = catalogue.families.len();
    quote! {
        /// The event families of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Family {
            #( #family_docs #family_variants, )*
        }

        impl Family {
            /// Every family, in catalogue order.
            pub const ALL: [Family; #family_count] = [#(Family::#family_variants),*];

            /// The family's name, the prefix of its events' names.
            pub const fn as_str(self) -> &'static str {
                match self {
                    #( Family::#family_variants => #family_names, )*
                }
            }
        }

        impl ::core::fmt::Display for Family {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

    }
}

fn action_enum(catalogue: &Catalogue) -> TokenStream {
    let actions = &catalogue.actions;
    let action_variants: Vec<Ident> = actions.iter().map(|a| ident(&a.variant)).collect();
    let action_names: Vec<&str> = actions.iter().map(|a| a.name.as_str()).collect();
    let action_families: Vec<Ident> = actions
        .iter()
        .map(|a| ident(&catalogue[a.family].variant))
        .collect();
    let action_dones: Vec<Ident> = actions
        .iter()
        .map(|a| ident(&catalogue[a.done].variant_name))
        .collect();
    let action_errors: Vec<Ident> = actions
        .iter()
        .map(|a| ident(&catalogue[a.error].variant_name))
        .collect();
    let action_docs = actions.iter().map(|a| {
        let family = &catalogue[a.family].name;
        docs(&format!("`{family}.{}`: {}", a.name, a.description))
    });
    let action_count = actions.len();
    quote! {
        /// The actions of the catalogue: requests answered by a done event or an error event.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Action {
            #( #action_docs #action_variants, )*
        }

        impl Action {
            /// Every action, in catalogue order.
            pub const ALL: [Action; #action_count] = [#(Action::#action_variants),*];

            /// The action's name within its family (`hold`).
            pub const fn name(self) -> &'static str {
                match self {
                    #( Action::#action_variants => #action_names, )*
                }
            }

            /// The action's family.
            pub const fn family(self) -> Family {
                match self {
                    #( Action::#action_variants => Family::#action_families, )*
                }
            }

            /// The event that reports the action's success.
            pub const fn done(self) -> EventName {
                match self {
                    #( Action::#action_variants => EventName::#action_dones, )*
                }
            }

            /// The event that reports the action's failure.
            pub const fn error(self) -> EventName {
                match self {
                    #( Action::#action_variants => EventName::#action_errors, )*
                }
            }
        }

    }
}

fn event_name_enum(catalogue: &Catalogue) -> TokenStream {
    let rt = rt();
    let variants = event_variants(catalogue);
    let wire_names: Vec<&str> = catalogue.events.iter().map(|e| e.name.as_str()).collect();
    let event_families: Vec<Ident> = catalogue
        .events
        .iter()
        .map(|e| ident(&catalogue[e.family].variant))
        .collect();
    let sinces = catalogue
        .events
        .iter()
        .map(|e| version_tokens(e.since.as_ref()));
    let name_docs = catalogue
        .events
        .iter()
        .map(|e| docs(&format!("`{}`.", e.name)));
    let results = catalogue.events.iter().map(|e| match e.kind {
        EventKind::Done(action) => {
            let action = ident(&catalogue[action].variant);
            quote! { ::core::option::Option::Some((Action::#action, #rt::Outcome::Done)) }
        }
        EventKind::Error(action) => {
            let action = ident(&catalogue[action].variant);
            quote! { ::core::option::Option::Some((Action::#action, #rt::Outcome::Error)) }
        }
        EventKind::Async => quote! { ::core::option::Option::None },
    });
    let event_count = catalogue.events.len();
    let from_name = from_name(&wire_names, &variants);
    let attribute_infos = catalogue.events.iter().map(|e| {
        let infos = e.attributes.iter().map(|a| {
            let name = &a.name;
            let required = a.required;
            let since = version_tokens(a.since.as_ref());
            quote! { #rt::AttributeInfo { name: #name, required: #required, since: #since } }
        });
        // A const block: `from_parts` is a const fn call, which plain promotion does not take.
        quote! { const { &[#(#infos),*] } }
    });
    let data_types = data_types(catalogue);
    quote! {
        /// The name of every event of the catalogue, as a value.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum EventName {
            #( #name_docs #variants, )*
        }

        impl EventName {
            /// Every event name, in catalogue order.
            pub const ALL: [EventName; #event_count] = [#(EventName::#variants),*];

            /// The name on the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    #( EventName::#variants => #wire_names, )*
                }
            }

            /// The event with this wire name (case-sensitive).
            pub fn from_name(name: &str) -> ::core::option::Option<EventName> {
                #from_name
            }

            /// The event's family.
            pub const fn family(self) -> Family {
                match self {
                    #( EventName::#variants => Family::#event_families, )*
                }
            }

            /// The first ORS release that sends the event, when the catalogue says.
            pub const fn since(self) -> ::core::option::Option<#rt::OrsVersion> {
                match self {
                    #( EventName::#variants => #sinces, )*
                }
            }

            /// The action this event reports the result of, and how it went.
            pub const fn result_of(self) -> ::core::option::Option<(Action, #rt::Outcome)> {
                match self {
                    #( EventName::#variants => #results, )*
                }
            }

            /// The event's attributes, in catalogue order.
            pub const fn attributes(self) -> &'static [#rt::AttributeInfo] {
                match self {
                    #( EventName::#variants => #attribute_infos, )*
                }
            }

            /// Decodes the `data` of this event from `deserializer`.
            pub fn decode_data<'de, D: #rt::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> ::core::result::Result<Event, D::Error> {
                match self {
                    #( EventName::#variants => <#data_types as #rt::serde::Deserialize>::deserialize(deserializer).map(Event::#variants), )*
                }
            }
        }

    }
}

/// The path of each event's struct, from a child module of the bindings.
fn data_types(catalogue: &Catalogue) -> Vec<TokenStream> {
    catalogue
        .events
        .iter()
        .map(|e| {
            let module = ident(&catalogue[e.family].module);
            let ty = ident(&e.type_name);
            quote! { super::#module::#ty }
        })
        .collect()
}

fn event_enum(catalogue: &Catalogue) -> TokenStream {
    let rt = rt();
    let variants = event_variants(catalogue);
    let data_types = data_types(catalogue);
    let variant_docs = catalogue
        .events
        .iter()
        .map(|e| docs(&format!("`{}`: {}", e.name, e.description)));
    quote! {
        /// Every event of the catalogue, each holding its typed `data`.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)] // Events are decoded one at a time; boxing would cost an allocation each.
        pub enum Event {
            #( #variant_docs #variants(#data_types), )*
        }

        impl Event {
            /// The event's name, as a value.
            pub const fn event_name(&self) -> EventName {
                match self {
                    #( Event::#variants(_) => EventName::#variants, )*
                }
            }

            /// The id of the request this event answers, for result events.
            pub fn request_id(&self) -> ::core::option::Option<&str> {
                match self {
                    #( Event::#variants(data) => #rt::OrsEvent::request_id(data), )*
                }
            }

            /// The id of the interaction the event is about, when it carries one.
            pub fn interaction_id(&self) -> ::core::option::Option<&str> {
                match self {
                    #( Event::#variants(data) => #rt::OrsEvent::interaction_id(data), )*
                }
            }

            /// Writes the `data` entry of the event's envelope into `map`.
            pub fn serialize_data<M: #rt::serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> ::core::result::Result<(), M::Error> {
                match self {
                    #( Event::#variants(data) => map.serialize_entry("data", data), )*
                }
            }
        }

        #(
            impl ::core::convert::From<#data_types> for Event {
                fn from(data: #data_types) -> Event {
                    Event::#variants(data)
                }
            }
        )*
    }
}

/// The catalogue's hookup to the runtime: the same for every catalogue, it names the generated
/// types to the runtime's generic decoding, encoding and validation.
fn runtime_hookup() -> TokenStream {
    let rt = rt();
    quote! {
        /// This catalogue, as the runtime's generic functions take it (`ors_events::runtime`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct Catalogue;

        impl #rt::Catalogue for Catalogue {
            type Name = EventName;
            type Event = Event;
            type EventRef<'a> = super::EventRef<'a>;
            type Action = Action;
            type Fields = super::EnvelopeFields;

            const NAMES: &'static [EventName] = &EventName::ALL;

            fn name_str(name: EventName) -> &'static str {
                name.as_str()
            }

            fn lookup(name: &str) -> ::core::option::Option<EventName> {
                EventName::from_name(name)
            }

            fn event_name(event: &Event) -> EventName {
                event.event_name()
            }

            fn decode_data<'de, D: #rt::serde::Deserializer<'de>>(
                name: EventName,
                deserializer: D,
            ) -> ::core::result::Result<Event, D::Error> {
                name.decode_data(deserializer)
            }

            fn decode_data_ref<'de, D: #rt::serde::Deserializer<'de>>(
                name: EventName,
                deserializer: D,
            ) -> ::core::result::Result<super::EventRef<'de>, D::Error> {
                super::EventRef::decode_data(name, deserializer)
            }
            fn read_data_ref<'de>(
                name: EventName,
                cursor: &mut #rt::Cursor<'de>,
            ) -> ::core::result::Result<super::EventRef<'de>, #rt::Declined> {
                super::EventRef::read_data(name, cursor)
            }
            fn into_owned(event: super::EventRef<'_>) -> Event {
                event.into_owned()
            }
            fn serialize_data<M: #rt::serde::ser::SerializeMap>(
                event: &Event,
                map: &mut M,
            ) -> ::core::result::Result<(), M::Error> {
                event.serialize_data(map)
            }

            fn request_id(event: &Event) -> ::core::option::Option<&str> {
                event.request_id()
            }
        }

        /// One event as ORS delivers it: the typed event and the other envelope fields.
        pub type Envelope = #rt::Envelope<Catalogue>;

        impl ::core::convert::From<Event> for Envelope {
            fn from(event: Event) -> Envelope {
                #rt::Envelope::new(event)
            }
        }

        impl ::core::str::FromStr for EventName {
            type Err = #rt::UnknownEvent;

            fn from_str(name: &str) -> ::core::result::Result<EventName, #rt::UnknownEvent> {
                #rt::parse_name::<Catalogue>(name)
            }
        }

        impl ::core::fmt::Display for EventName {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Event {
            /// The event's name on the wire.
            pub fn name(&self) -> &'static str {
                self.event_name().as_str()
            }

            /// The event's family.
            pub fn family(&self) -> Family {
                self.event_name().family()
            }

            /// The first ORS release that sends the event, when the catalogue says.
            pub fn since(&self) -> ::core::option::Option<#rt::OrsVersion> {
                self.event_name().since()
            }

            /// Decodes one event envelope from JSON bytes: the fastest way to decode an event.
            /// It checks the bytes' UTF-8 once for the whole document instead of string by
            /// string.
            pub fn from_json(bytes: &[u8]) -> ::core::result::Result<Event, #rt::serde_json::Error> {
                #rt::from_json::<Catalogue>(bytes)
            }

            /// Decodes the `data` of the event called `name` from a JSON value.
            pub fn from_data(
                name: &str,
                data: #rt::serde_json::Value,
            ) -> ::core::result::Result<Event, #rt::DecodeError> {
                #rt::from_data::<Catalogue>(name, data)
            }

            /// The action this event reports the result of, and how it went.
            pub fn result_of(&self) -> ::core::option::Option<(Action, #rt::Outcome)> {
                self.event_name().result_of()
            }

            /// The action and outcome, if this event answers the request `request_id`.
            pub fn completes(&self, request_id: &str) -> ::core::option::Option<(Action, #rt::Outcome)> {
                if self.request_id() == ::core::option::Option::Some(request_id) {
                    self.result_of()
                } else {
                    ::core::option::Option::None
                }
            }

            /// Validates this event as it would be sent: its envelope encoding is checked like
            /// any other input, so a value built in code gets the same verdict as its JSON.
            pub fn validate(&self, options: &#rt::Options) -> #rt::Report {
                #rt::validate_value(&Catalogue, self, options)
            }
        }

        /// An event decodes from its envelope; the envelope fields besides `name` and `data`
        /// are accepted and dropped (decode an [`Envelope`] to keep them).
        impl<'de> #rt::serde::Deserialize<'de> for Event {
            fn deserialize<D: #rt::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Event, D::Error> {
                #rt::decode_event::<Catalogue, D>(deserializer)
            }
        }

        /// An event encodes as `{"name": ..., "data": {...}}`.
        impl #rt::serde::Serialize for Event {
            fn serialize<S: #rt::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                #rt::encode_event::<Catalogue, S>(self, serializer)
            }
        }
    }
}
