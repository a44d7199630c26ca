//! The first stage: reads `#[event(...)]` on the struct and on its fields into an [`Event`].
//!
//! A value is checked as it is read (an event name's characters and dots, a version's form),
//! so that its mistake is reported in the order of the keys, among the mistakes of how the
//! keys are written.

use ors_events_core::version::{OrsVersion, VersionError};
use syn::meta::ParseNestedMeta;
use syn::{Data, DeriveInput, Error, Fields, Generics, Ident, Index, LitStr, Member, Result, Type};

use crate::attr::{flag, key_name, parse_keys, skip_to_comma, string_value};
use crate::errors::Errors;

/// A struct deriving `Event`, with what its attributes say.
pub(super) struct Event<'a> {
    pub(super) ident: &'a Ident,
    pub(super) generics: &'a Generics,
    /// The input is a struct. An enum or a union is reported already, and its missing name is
    /// not reported too.
    pub(super) is_struct: bool,
    pub(super) container: Container,
    pub(super) request_id: Option<Marked>,
    pub(super) interaction_id: Option<Marked>,
}

/// What `#[event(...)]` says on the struct, checked as it is read: `None` inside means the
/// value was wrong, and that is reported already.
#[derive(Default)]
pub(super) struct Container {
    pub(super) name: Option<Option<EventName>>,
    pub(super) since: Option<Option<OrsVersion>>,
}

/// An event's name on the wire, checked, with its family.
pub(super) struct EventName {
    pub(super) name: String,
    /// The first token of the name, after a leading `error.`.
    pub(super) family: String,
}

/// A field marked `#[event(request_id)]` or `#[event(interaction_id)]`.
pub(super) struct Marked {
    pub(super) member: Member,
    pub(super) ty: Type,
}

/// Reads the struct's attributes and those of its fields.
pub(super) fn parse<'a>(input: &'a DeriveInput, errors: &mut Errors) -> Event<'a> {
    let container = container(input, errors);
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
        Some(fields) => marked_fields(fields, errors),
        None => (None, None),
    };
    Event {
        ident: &input.ident,
        generics: &input.generics,
        is_struct: fields.is_some(),
        container,
        request_id,
        interaction_id,
    }
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
            let checked = errors.check(parse_name(&lit));
            container.name.replace(checked).is_some()
        } else {
            let lit = string_value(meta, "since = \"8.1.400.09\"")
                .inspect_err(|_| _ = container.since.get_or_insert(None))?;
            let checked = errors.check(parse_since(&lit));
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

/// Reads an event name, checking it, and finds its family.
fn parse_name(lit: &LitStr) -> Result<EventName> {
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
    Ok(EventName {
        name: name.clone(),
        family: family.to_owned(),
    })
}

/// Reads the `since` version, checking its form.
fn parse_since(lit: &LitStr) -> Result<OrsVersion> {
    lit.value().parse().map_err(|err: VersionError| {
        // The parser's reason may already show both forms.
        let examples = if err.reason.contains("8.1.400.09") && err.reason.contains("8.1.3") {
            ""
        } else {
            "; write a build such as 8.1.400.09 or a release such as 8.1.3"
        };
        Error::new_spanned(lit, format!("`since`: {err}{examples}"))
    })
}
