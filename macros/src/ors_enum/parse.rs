//! The first stage: reads the `#[ors(...)]` attributes into a typed model of the enum.
//!
//! A mistake in how a key is written is recorded here, and the key is left out of the model;
//! whether the keys that remain make sense together is for [`super::check`] to say.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{Data, DeriveInput, Error, Generics, Ident, Path};

use super::Kind;
use crate::attr::{flag, i64_value, key_name, parse_keys, skip_to_comma, string_value};
use crate::errors::Errors;

/// An enum deriving `OrsEnum`, with what its attributes say.
pub(super) struct Enum<'a> {
    pub(super) ident: &'a Ident,
    /// Checked to be empty: an enum of ORS values takes no generic parameters.
    pub(super) generics: &'a Generics,
    /// The kind given by `#[ors(integer)]` or `#[ors(string)]`, if one is.
    pub(super) kind: Option<Kind>,
    pub(super) variants: Vec<Variant<'a>>,
}

/// One variant of the enum, with what `#[ors(...)]` says on it.
pub(super) struct Variant<'a> {
    /// The variant as declared, for its name, its fields and any discriminant.
    pub(super) syn: &'a syn::Variant,
    pub(super) attrs: VariantAttrs,
    /// The mistakes in this variant's `#[ors(...)]`. They stay with the variant so that
    /// [`super::check`] reports them together with the variant's other mistakes, variant by
    /// variant.
    pub(super) errors: Errors,
}

/// What `#[ors(...)]` says on one variant.
#[derive(Default)]
pub(super) struct VariantAttrs {
    pub(super) code: Option<Entry<i64>>,
    pub(super) name: Option<Entry<String>>,
    pub(super) value: Option<Entry<String>>,
    /// The `unrecognized` key, to point at.
    pub(super) unrecognized: Option<Path>,
    /// A key was given but its value was wrong, and that is reported already.
    pub(super) invalid: bool,
}

/// One `key = value` of `#[ors(...)]` on a variant.
pub(super) struct Entry<T> {
    /// The value, read.
    pub(super) value: T,
    /// The key, to point at `key = value` as a whole.
    key: Path,
    /// The value as written, to point at it alone.
    written: TokenStream,
}

impl<T> Entry<T> {
    /// An error pointing at the value.
    pub(super) fn error_at_value(&self, message: impl std::fmt::Display) -> Error {
        Error::new_spanned(&self.written, message)
    }

    /// An error pointing at `key = value`.
    pub(super) fn error_at_whole(&self, message: impl std::fmt::Display) -> Error {
        let (key, written) = (&self.key, &self.written);
        Error::new_spanned(quote!(#key #written), message)
    }
}

/// Reads the enum's attributes and those of its variants. Gives nothing when the input is not
/// an enum, which is recorded.
pub(super) fn parse<'a>(input: &'a DeriveInput, errors: &mut Errors) -> Option<Enum<'a>> {
    let kind = kind(input, errors);
    let data = match &input.data {
        Data::Enum(data) => data,
        Data::Struct(data) => {
            errors.push(Error::new_spanned(
                data.struct_token,
                "#[derive(OrsEnum)] is for enums of ORS values; for an event struct use \
                 #[derive(Event)]",
            ));
            return None;
        }
        Data::Union(data) => {
            errors.push(Error::new_spanned(
                data.union_token,
                "#[derive(OrsEnum)] is for enums of ORS values: declare it with `enum`, one unit \
                 variant per value and one #[ors(unrecognized)] variant",
            ));
            return None;
        }
    };
    let variants = data
        .variants
        .iter()
        .map(|variant| {
            let mut errors = Errors::default();
            let attrs = variant_attrs(variant, &mut errors);
            Variant {
                syn: variant,
                attrs,
                errors,
            }
        })
        .collect();
    Some(Enum {
        ident: &input.ident,
        generics: &input.generics,
        kind,
        variants,
    })
}

/// Reads `#[ors(integer)]` or `#[ors(string)]` on the enum.
fn kind(input: &DeriveInput, errors: &mut Errors) -> Option<Kind> {
    let mut kind: Option<Kind> = None;
    parse_keys(&input.attrs, "ors", errors, |meta, errors| {
        let this = if meta.path.is_ident("integer") {
            Kind::Integer
        } else if meta.path.is_ident("string") {
            Kind::String
        } else if ["code", "name", "value", "unrecognized"]
            .iter()
            .any(|key| meta.path.is_ident(key))
        {
            errors.push(Error::new_spanned(
                &meta.path,
                format!(
                    "`{}` goes on a variant, not on the enum, which takes #[ors(integer)] or \
                     #[ors(string)]",
                    key_name(meta)
                ),
            ));
            return skip_to_comma(meta.input);
        } else {
            errors.push(Error::new_spanned(
                &meta.path,
                format!(
                    "unknown key `{}` in #[ors(...)]: the enum takes #[ors(integer)] or \
                     #[ors(string)]",
                    key_name(meta)
                ),
            ));
            return skip_to_comma(meta.input);
        };
        flag(meta)?;
        match kind {
            Some(first) if first == this => errors.push(Error::new_spanned(
                &meta.path,
                format!("duplicate `{}` in #[ors(...)]: give it once", this.key()),
            )),
            Some(first) => errors.push(Error::new_spanned(
                &meta.path,
                format!(
                    "conflicting kinds: the enum is already #[ors({})]; an enum is either \
                     #[ors(integer)] or #[ors(string)], not both",
                    first.key()
                ),
            )),
            None => kind = Some(this),
        }
        Ok(())
    });
    kind
}

/// Reads `#[ors(...)]` on one variant.
fn variant_attrs(variant: &syn::Variant, errors: &mut Errors) -> VariantAttrs {
    let mut attrs = VariantAttrs::default();
    parse_keys(&variant.attrs, "ors", errors, |meta, errors| {
        let duplicate = || {
            Error::new_spanned(
                &meta.path,
                format!(
                    "duplicate `{}` in #[ors(...)]: give it once",
                    key_name(meta)
                ),
            )
        };
        if meta.path.is_ident("code") {
            let (value, expr) =
                i64_value(meta, "code = 3").inspect_err(|_| attrs.invalid = true)?;
            let entry = Entry {
                value,
                key: meta.path.clone(),
                written: expr.to_token_stream(),
            };
            match attrs.code {
                Some(_) => errors.push(duplicate()),
                None => attrs.code = Some(entry),
            }
        } else if meta.path.is_ident("name") || meta.path.is_ident("value") {
            let is_name = meta.path.is_ident("name");
            let usage = if is_name {
                "name = \"...\""
            } else {
                "value = \"...\""
            };
            let lit = string_value(meta, usage).inspect_err(|_| attrs.invalid = true)?;
            let entry = Entry {
                value: lit.value(),
                key: meta.path.clone(),
                written: lit.to_token_stream(),
            };
            let slot = if is_name {
                &mut attrs.name
            } else {
                &mut attrs.value
            };
            match slot {
                Some(_) => errors.push(duplicate()),
                None => *slot = Some(entry),
            }
        } else if meta.path.is_ident("unrecognized") {
            flag(meta).inspect_err(|_| attrs.invalid = true)?;
            match attrs.unrecognized {
                Some(_) => errors.push(duplicate()),
                None => attrs.unrecognized = Some(meta.path.clone()),
            }
        } else if meta.path.is_ident("integer") || meta.path.is_ident("string") {
            errors.push(Error::new_spanned(
                &meta.path,
                format!("`{}` goes on the enum, not on a variant", key_name(meta)),
            ));
            skip_to_comma(meta.input)?;
        } else {
            errors.push(Error::new_spanned(
                &meta.path,
                format!(
                    "unknown key `{}` in #[ors(...)] on a variant: a variant takes \
                     #[ors(code = 3, name = \"...\")] (integer enums), #[ors(value = \"...\")] \
                     (string enums) or #[ors(unrecognized)]",
                    key_name(meta)
                ),
            ));
            skip_to_comma(meta.input)?;
        }
        Ok(())
    });
    attrs
}
