//! `#[derive(Event)]`: implements `ors_events::OrsEvent` for a struct.

use ors_events_core::version::{Form, OrsVersion, VersionError};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Error, Fields, Ident, Index, LitStr, Member, Result, Type};

use crate::attr::{flag, key_name, parse_keys, skip_to_comma, string_value, Errors};

/// What `#[event(...)]` says on the struct, checked as it is read: `None` inside means the
/// value was wrong, and that is reported already.
#[derive(Default)]
struct Container {
    /// The name and its family.
    name: Option<Option<(String, String)>>,
    /// The `SINCE` constant.
    since: Option<Option<TokenStream>>,
}

/// A field marked `#[event(request_id)]` or `#[event(interaction_id)]`.
struct Marked {
    member: Member,
    ty: Type,
}

pub(crate) fn derive(input: &DeriveInput) -> Result<TokenStream> {
    let mut errors = Errors::default();
    let container = container(input, &mut errors);

    let fields = match &input.data {
        Data::Struct(data) => Some(&data.fields),
        Data::Enum(data) => {
            errors.push(Error::new_spanned(
                data.enum_token,
                "#[derive(Event)] is for structs: an event is a struct whose fields are its \
                 attributes; for a set of values use #[derive(OrsEnum)]",
            ));
            None
        }
        Data::Union(data) => {
            errors.push(Error::new_spanned(
                data.union_token,
                "#[derive(Event)] is for structs: an event is a struct whose fields are its \
                 attributes; declare it with `struct` instead of `union`",
            ));
            None
        }
    };
    let (request_id, interaction_id) = match fields {
        Some(fields) => marked_fields(fields, &mut errors),
        None => (None, None),
    };

    let name = match container.name {
        Some(name) => name,
        None => {
            if fields.is_some() {
                errors.push(Error::new_spanned(
                    &input.ident,
                    "#[derive(Event)] needs #[event(name = \"family.event\")] with the event's \
                     name on the wire, e.g. #[event(name = \"voice.hold.done\")]",
                ));
            }
            None
        }
    };
    let since = container
        .since
        .unwrap_or_else(|| Some(quote!(::core::option::Option::None)));

    errors.finish()?;
    let (Some((name, family)), Some(since)) = (name, since) else {
        // Every `None` above recorded an error, so `finish` returned it.
        return Err(Error::new_spanned(
            &input.ident,
            "invalid #[derive(Event)] input",
        ));
    };

    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let request_id = request_id.map(|field| accessor("request_id", &field));
    let interaction_id = interaction_id.map(|field| accessor("interaction_id", &field));
    Ok(quote! {
        #[automatically_derived]
        impl #impl_generics ::ors_events::OrsEvent for #ident #ty_generics #where_clause {
            const NAME: &'static str = #name;
            const FAMILY: &'static str = #family;
            const SINCE: ::core::option::Option<::ors_events::OrsVersion> = #since;
            #request_id
            #interaction_id
        }
    })
}

/// Reads `#[event(...)]` on the struct.
fn container(input: &DeriveInput, errors: &mut Errors) -> Container {
    let mut container = Container::default();
    parse_keys(&input.attrs, "event", errors, |meta, errors| {
        if !(meta.path.is_ident("name") || meta.path.is_ident("since")) {
            return other_container_key(meta, errors);
        }
        let duplicate = if meta.path.is_ident("name") {
            // A wrong value is reported here, not also as a missing name.
            let lit = string_value(meta, "name = \"family.event\"")
                .inspect_err(|_| _ = container.name.get_or_insert(None))?;
            let checked = errors.check(check_name(&lit));
            container.name.replace(checked).is_some()
        } else {
            let lit = string_value(meta, "since = \"8.1.400.09\"")
                .inspect_err(|_| _ = container.since.get_or_insert(None))?;
            let checked = errors.check(since_tokens(&lit));
            container.since.replace(checked).is_some()
        };
        if duplicate {
            errors.push(Error::new_spanned(
                &meta.path,
                format!(
                    "duplicate `{}` in #[event(...)]: give it once",
                    key_name(meta)
                ),
            ));
        }
        Ok(())
    });
    container
}

/// A key of `#[event(...)]` on the struct other than `name` and `since`: an error.
fn other_container_key(meta: &ParseNestedMeta, errors: &mut Errors) -> Result<()> {
    let key = key_name(meta);
    let message = if meta.path.is_ident("request_id") || meta.path.is_ident("interaction_id") {
        format!(
            "`{key}` marks a field, not the struct: put #[event({key})] on the field that holds it"
        )
    } else {
        format!(
            "unknown key `{key}` in #[event(...)]{}: the struct takes \
             #[event(name = \"family.event\", since = \"8.1.3\")]",
            did_you_mean(&key)
        )
    };
    errors.push(Error::new_spanned(&meta.path, message));
    skip_to_comma(meta.input)
}

/// `" (did you mean `request_id`?)"` for a misspelt key, else nothing.
fn did_you_mean(key: &str) -> String {
    let squash = |text: &str| text.replace(['_', '-'], "").to_ascii_lowercase();
    ["name", "since", "request_id", "interaction_id"]
        .into_iter()
        .find(|known| squash(known) == squash(key))
        .map(|known| format!(" (did you mean `{known}`?)"))
        .unwrap_or_default()
}

/// Finds the fields marked `#[event(request_id)]` and `#[event(interaction_id)]`.
fn marked_fields(fields: &Fields, errors: &mut Errors) -> (Option<Marked>, Option<Marked>) {
    let mut request_id: Option<Marked> = None;
    let mut interaction_id: Option<Marked> = None;
    for (index, field) in fields.iter().enumerate() {
        let member = match &field.ident {
            Some(ident) => Member::Named(ident.clone()),
            None => Member::Unnamed(Index::from(index)),
        };
        parse_keys(&field.attrs, "event", errors, |meta, errors| {
            let (slot, what) = if meta.path.is_ident("request_id") {
                (&mut request_id, "the request id")
            } else if meta.path.is_ident("interaction_id") {
                (&mut interaction_id, "the interaction id")
            } else if meta.path.is_ident("name") || meta.path.is_ident("since") {
                let key = key_name(meta);
                errors.push(Error::new_spanned(
                    &meta.path,
                    format!(
                        "`{key}` goes on the struct, not on a field: #[event({key} = \"...\")]"
                    ),
                ));
                return skip_to_comma(meta.input);
            } else {
                let key = key_name(meta);
                errors.push(Error::new_spanned(
                    &meta.path,
                    format!(
                        "unknown key `{key}` in #[event(...)] on a field{}: a field takes \
                         #[event(request_id)] or #[event(interaction_id)]",
                        did_you_mean(&key)
                    ),
                ));
                return skip_to_comma(meta.input);
            };
            flag(meta)?;
            match slot {
                Some(first) => errors.push(Error::new_spanned(
                    &meta.path,
                    format!(
                        "a second #[event({key})] field: only one field holds {what}, and \
                         `{first}` already does; remove one of the two",
                        key = key_name(meta),
                        first = member_name(&first.member),
                    ),
                )),
                None => {
                    *slot = Some(Marked {
                        member: member.clone(),
                        ty: field.ty.clone(),
                    });
                }
            }
            Ok(())
        });
    }
    (request_id, interaction_id)
}

fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.to_string(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}

/// `fn request_id(&self)` (or `interaction_id`) returning the marked field. The call is spanned
/// at the field's type, so a field of another type than `String` or `Option<String>` is
/// reported there.
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

/// Checks an event name and gives it with its family.
fn check_name(lit: &LitStr) -> Result<(String, String)> {
    let name = lit.value();
    let example = "write it as family.event, e.g. \"voice.hold.done\"";
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '.'))
    {
        return Err(Error::new_spanned(
            lit,
            format!(
                "event name `{name}` contains {bad:?}: an ORS event name holds only lowercase ASCII \
                 letters, digits and dots; {example}"
            ),
        ));
    }
    let tokens: Vec<&str> = name.split('.').collect();
    if tokens.len() < 2 {
        return Err(Error::new_spanned(
            lit,
            format!("event name `{name}` has no dot, so no family: {example}"),
        ));
    }
    if tokens.iter().any(|token| token.is_empty()) {
        return Err(Error::new_spanned(
            lit,
            format!("event name `{name}` has an empty part between dots or at an end: {example}"),
        ));
    }
    let family = match tokens.as_slice() {
        ["error", family, ..] => family,
        [family, ..] => family,
        [] => "",
    };
    Ok((name.clone(), family.to_owned()))
}

/// The `SINCE` constant: `Some(OrsVersion::from_parts(...))` of the version, parsed now.
fn since_tokens(lit: &LitStr) -> Result<TokenStream> {
    let version: OrsVersion = lit.value().parse().map_err(|err: VersionError| {
        // The parser's reason may already show both forms.
        let examples = if err.reason.contains("8.1.400.09") && err.reason.contains("8.1.3") {
            ""
        } else {
            "; write a build such as 8.1.400.09 or a release such as 8.1.3"
        };
        Error::new_spanned(lit, format!("`since`: {err}{examples}"))
    })?;
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
    Ok(quote! {
        ::core::option::Option::Some(::ors_events::OrsVersion::from_parts(
            #major, #minor, #line, #build, #form,
        ))
    })
}
