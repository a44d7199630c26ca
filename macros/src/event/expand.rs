//! The third stage: writes the `ors_events::OrsEvent` impl of a checked struct.

use ors_events_core::version::{Form, OrsVersion};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Ident;

use super::check::Checked;
use super::parse::{EventName, Marked};

/// The `ors_events::OrsEvent` impl.
pub(super) fn expand(input: &Checked) -> TokenStream {
    let ident = input.ident;
    let EventName { name, family } = &input.name;
    let since = since_tokens(input.since);
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let request_id = input
        .request_id
        .as_ref()
        .map(|field| accessor("request_id", field));
    let interaction_id = input
        .interaction_id
        .as_ref()
        .map(|field| accessor("interaction_id", field));
    quote! {
        #[automatically_derived]
        impl #impl_generics ::ors_events::OrsEvent for #ident #ty_generics #where_clause {
            const NAME: &'static str = #name;
            const FAMILY: &'static str = #family;
            const SINCE: ::core::option::Option<::ors_events::OrsVersion> = #since;
            #request_id
            #interaction_id
        }
    }
}

/// `fn request_id(&self)` (or `interaction_id`) returning the marked field. The call is spanned
/// at the field's type, so a field of another type than `String`, `Cow<str>` or an `Option` of
/// one is reported there.
fn accessor(method: &str, field: &Marked) -> TokenStream {
    let method = Ident::new(method, Span::call_site());
    let member = &field.member;
    let call = quote_spanned! {field.ty.span()=>
        ::ors_events::__private::AsOptStr::as_opt_str(&self.#member)
    };
    quote! {
        fn #method(&self) -> ::core::option::Option<&str> {
            #call
        }
    }
}

/// The `SINCE` constant: `Some(OrsVersion::from_parts(...))` of the version, or `None`.
fn since_tokens(version: Option<OrsVersion>) -> TokenStream {
    let Some(version) = version else {
        return quote!(::core::option::Option::None);
    };
    let major = Literal::u32_unsuffixed(version.major());
    let minor = Literal::u32_unsuffixed(version.minor());
    let line = Literal::u32_unsuffixed(version.line());
    let build = match version.build() {
        Some(build) => {
            let build = Literal::u32_unsuffixed(build);
            quote!(::core::option::Option::Some(#build))
        }
        None => quote!(::core::option::Option::None),
    };
    let form = match version.form() {
        Form::Release => quote!(::ors_events::version::Form::Release),
        Form::Line => quote!(::ors_events::version::Form::Line),
        Form::Build { width } => {
            let width = Literal::u8_unsuffixed(width);
            quote!(::ors_events::version::Form::Build { width: #width })
        }
    };
    quote! {
        ::core::option::Option::Some(::ors_events::OrsVersion::from_parts(
            #major, #minor, #line, #build, #form,
        ))
    }
}
