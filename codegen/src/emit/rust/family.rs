//! `<family>.rs`: one struct per event of a family, each followed by its borrowed view when it
//! has one, and one marker type per action.

use proc_macro2::TokenStream;
use quote::quote;

use super::borrowed;
use super::types::field;
use super::{docs, event_attribute, ident, paragraphs, rt, serde_crate, since_text};
use crate::ir::{Action, Catalogue, Event, EventKind, Family};

/// The module of `family`, as its parts in file order (each event's struct and view, then each
/// action's marker), each built when it is printed.
pub(super) fn family_module<'c>(
    catalogue: &'c Catalogue,
    family: &'c Family,
) -> impl Iterator<Item = TokenStream> + 'c {
    let events = catalogue.family_events(family).map(|event| {
        let owned = event_struct(catalogue, event);
        let view = borrowed::view_struct(catalogue, event);
        quote! { #owned #view }
    });
    let actions = catalogue
        .family_actions(family)
        .map(|action| action_marker(catalogue, action));
    events.chain(actions)
}

/// The marker type of `action`, with its `ActionPair` impl.
fn action_marker(catalogue: &Catalogue, action: &Action) -> TokenStream {
    let rt = rt();
    let marker = ident(&action.marker);
    let (done, error) = (&catalogue[action.done], &catalogue[action.error]);
    let (done_type, error_type) = (ident(&done.type_name), ident(&error.type_name));
    let (done_variant, error_variant) = (ident(&done.variant_name), ident(&error.variant_name));
    let action_variant = ident(&action.variant);
    let doc = docs(&paragraphs(&[
        format!(
            "The `{}` action: {} It is answered by [`{}`] (`{}`) or [`{}`] (`{}`).",
            action.name,
            action.description,
            done.type_name,
            done.name,
            error.type_name,
            error.name
        ),
        "Use it with [`Pending`](ors_events::runtime::Pending) to correlate a request with its result.".into(),
    ]));
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct #marker;

        impl #rt::ActionPair for #marker {
            type Catalogue = super::Catalogue;
            const ACTION: super::Action = super::Action::#action_variant;
            type Done = #done_type;
            type Error = #error_type;

            fn done(event: &super::Event) -> ::core::option::Option<&#done_type> {
                match event {
                    super::Event::#done_variant(done) => ::core::option::Option::Some(done),
                    _ => ::core::option::Option::None,
                }
            }

            fn error(event: &super::Event) -> ::core::option::Option<&#error_type> {
                match event {
                    super::Event::#error_variant(error) => ::core::option::Option::Some(error),
                    _ => ::core::option::Option::None,
                }
            }
        }
    }
}

fn event_doc(catalogue: &Catalogue, event: &Event) -> String {
    let role = match event.kind {
        EventKind::Async => String::new(),
        EventKind::Done(action) => format!(
            "The success result of the `{}` action; its failure is `{}`.",
            catalogue[action].name, catalogue[catalogue[action].error].name
        ),
        EventKind::Error(action) => format!(
            "The failure result of the `{}` action; its success is `{}`.",
            catalogue[action].name, catalogue[catalogue[action].done].name
        ),
    };
    let mut parts = vec![
        format!("`{}`: {}", event.name, event.description),
        role,
        since_text(event.since.as_ref()),
    ];
    if !event.known_errors.is_empty() {
        let known: Vec<String> = event
            .known_errors
            .iter()
            .map(|known| {
                let inferred = if known.inferred {
                    "the catalogue's inference: "
                } else {
                    ""
                };
                format!("`{}` ({inferred}{})", known.value, known.description)
            })
            .collect();
        parts.push(format!(
            "Known error values (a value not listed is still legal): {}.",
            known.join("; ")
        ));
    }
    parts.extend(
        event
            .notes
            .iter()
            .map(|note| format!("Note ({}): {}", note.kind.as_str(), note.text)),
    );
    paragraphs(&parts)
}

fn event_struct(catalogue: &Catalogue, event: &Event) -> TokenStream {
    let rt = rt();
    let serde_crate = serde_crate();
    let name = ident(&event.type_name);
    let doc = docs(&event_doc(catalogue, event));
    let event_attribute = event_attribute(event);
    let fields = event
        .attributes
        .iter()
        .map(|attribute| field(catalogue, attribute, true));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, #rt::serde::Serialize, #rt::serde::Deserialize, #rt::Event)]
        #serde_crate
        #event_attribute
        pub struct #name {
            #(#fields)*
        }
    }
}
