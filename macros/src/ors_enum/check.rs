//! The second stage: finds every mistake in what the parsed attributes say, and gives the
//! enum's known variants and its unrecognized one when there is none.

use syn::{Error, Fields, Ident, Type};

use super::parse::{Enum, VariantAttrs};
use super::Kind;
use crate::errors::Errors;

/// An enum with no mistake: everything [`super::expand`] needs.
pub(super) struct Checked<'a> {
    pub(super) ident: &'a Ident,
    pub(super) kind: Kind,
    /// The known variants, in the order of the enum.
    pub(super) known: Vec<Known>,
    /// The variant that holds the values the enum does not know.
    pub(super) unrecognized: Ident,
}

/// A known variant, with its code and name (integer enums) or value (string enums).
pub(super) struct Known {
    pub(super) ident: Ident,
    /// The code of an integer enum's variant; 0 in a string enum, where it is unused.
    pub(super) code: i64,
    /// The name of an integer enum's variant, or the value of a string enum's.
    pub(super) text: String,
}

/// Reports the mistakes of the enum itself, then each variant's in order: those `parse` kept
/// with the variant first, then those found here. Gives nothing when a mistake was recorded.
pub(super) fn check<'a>(input: Enum<'a>, errors: &mut Errors) -> Option<Checked<'a>> {
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        errors.push(Error::new_spanned(
            input.generics,
            "#[derive(OrsEnum)] takes no generic parameters: an enum of ORS values is a plain \
             enum",
        ));
    }
    if input.kind.is_none() {
        // The variants are still checked, except for what depends on the kind.
        errors.push(Error::new_spanned(
            input.ident,
            "#[derive(OrsEnum)] needs to know how the values travel: add #[ors(integer)] \
             for integer codes or #[ors(string)] for strings",
        ));
    }
    let mut known: Vec<Known> = Vec::new();
    let mut unrecognized: Option<Ident> = None;
    for variant in input.variants {
        let syn = variant.syn;
        let attrs = &variant.attrs;
        errors.append(variant.errors);
        let invalid = has_discriminant(syn, errors) || attrs.invalid;
        if let Some(marker) = &attrs.unrecognized {
            check_unrecognized(syn, attrs, input.kind, errors);
            match &unrecognized {
                Some(first) => errors.push(Error::new_spanned(
                    marker,
                    format!(
                        "a second #[ors(unrecognized)] variant: `{first}` already holds the \
                         values the enum does not know; keep only one"
                    ),
                )),
                None => unrecognized = Some(syn.ident.clone()),
            }
            continue;
        }
        let this = check_known(syn, attrs, invalid, input.kind, errors);
        if let (Some(kind), Some(this)) = (input.kind, this) {
            check_unique(kind, &this, attrs, &known, errors);
            known.push(this);
        }
    }
    if unrecognized.is_none() {
        let message = match input.kind {
            None => "#[derive(OrsEnum)] needs a variant that keeps values it does not know: add \
                     `#[ors(unrecognized)] Unrecognized(i64)` (integer enums) or \
                     `#[ors(unrecognized)] Unrecognized(String)` (string enums)"
                .to_owned(),
            Some(kind) => format!(
                "#[derive(OrsEnum)] needs a variant that keeps values it does not know: add \
                 `#[ors(unrecognized)] Unrecognized({})`",
                kind.held()
            ),
        };
        errors.push(Error::new_spanned(input.ident, message));
    }
    Some(Checked {
        ident: input.ident,
        kind: input.kind?,
        known,
        unrecognized: unrecognized?,
    })
}

/// Reports a discriminant, which an OrsEnum variant does not take; says whether there is one.
fn has_discriminant(variant: &syn::Variant, errors: &mut Errors) -> bool {
    let Some((_, discriminant)) = &variant.discriminant else {
        return false;
    };
    errors.push(Error::new_spanned(
        discriminant,
        "an OrsEnum variant has no discriminant: write its code as \
         #[ors(code = N, name = \"...\")] on the variant, and remove `= ...`",
    ));
    true
}

/// Checks the `#[ors(unrecognized)]` variant: no code, name or value, and one field of the
/// kind's type (any type when the kind is missing).
fn check_unrecognized(
    variant: &syn::Variant,
    attrs: &VariantAttrs,
    kind: Option<Kind>,
    errors: &mut Errors,
) {
    let held = kind.map_or("i64 or String", Kind::held);
    let message = "the #[ors(unrecognized)] variant holds the values the enum does not know, so \
                   it has no code, name or value of its own: remove this";
    if let Some(code) = &attrs.code {
        errors.push(code.error_at_whole(message));
    }
    for text in [&attrs.name, &attrs.value].into_iter().flatten() {
        errors.push(text.error_at_whole(message));
    }
    let ident = &variant.ident;
    let usage = format!("`#[ors(unrecognized)] {ident}({held})`");
    match &variant.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
            let Some(kind) = kind else {
                return;
            };
            let ty = &fields.unnamed[0].ty;
            let ok = match ty {
                Type::Path(path) if path.qself.is_none() => {
                    path.path.segments.last().is_some_and(|segment| {
                        segment.ident == kind.held() && segment.arguments.is_empty()
                    })
                }
                _ => false,
            };
            if !ok {
                errors.push(Error::new_spanned(
                    ty,
                    format!(
                        "the #[ors(unrecognized)] variant of an #[ors({})] enum holds the \
                         unknown value as `{held}`: write {usage}",
                        kind.key()
                    ),
                ));
            }
        }
        Fields::Unit => errors.push(Error::new_spanned(
            ident,
            format!(
                "the #[ors(unrecognized)] variant holds the value it does not know: write {usage}"
            ),
        )),
        fields => errors.push(Error::new_spanned(
            fields,
            format!(
                "the #[ors(unrecognized)] variant holds one unnamed field, the value it does not \
                 know: write {usage}"
            ),
        )),
    }
}

/// Checks a known variant: a unit variant with its code and name, or its value. `invalid` says
/// that a key's value or a discriminant was wrong and is reported already, so the key is not
/// reported as missing too. Gives the variant when it has no mistake; without a kind, only its
/// shape is checked.
fn check_known(
    variant: &syn::Variant,
    attrs: &VariantAttrs,
    invalid: bool,
    kind: Option<Kind>,
    errors: &mut Errors,
) -> Option<Known> {
    let ident = &variant.ident;
    let is_unit = matches!(variant.fields, Fields::Unit);
    if !is_unit {
        errors.push(Error::new_spanned(
            &variant.fields,
            format!(
                "known variant `{ident}` carries no data: only the #[ors(unrecognized)] variant \
                 holds a value; make `{ident}` a unit variant"
            ),
        ));
    }
    let known = match kind? {
        Kind::Integer => integer_known(ident, attrs, invalid, errors),
        Kind::String => string_known(ident, attrs, invalid, errors),
    };
    known.filter(|_| is_unit)
}

/// Checks the keys of a known variant of an integer enum: a code and a name, no value.
fn integer_known(
    ident: &Ident,
    attrs: &VariantAttrs,
    invalid: bool,
    errors: &mut Errors,
) -> Option<Known> {
    let mut ok = !invalid;
    if let Some(value) = &attrs.value {
        errors.push(value.error_at_whole(
            "`value` is for #[ors(string)] enums: a variant of an #[ors(integer)] enum \
             takes #[ors(code = N, name = \"...\")]",
        ));
        ok = false;
    }
    let missing = match (&attrs.code, &attrs.name) {
        (Some(_), Some(_)) => None,
        (None, Some(_)) => Some("its code"),
        (Some(_), None) => Some("its name"),
        (None, None) => Some("its code and name"),
    };
    if let Some(missing) = missing {
        if !invalid {
            errors.push(Error::new_spanned(
                ident,
                format!(
                    "variant `{ident}` of an #[ors(integer)] enum needs {missing}: add \
                     #[ors(code = N, name = \"...\")] (or mark it #[ors(unrecognized)])"
                ),
            ));
        }
        ok = false;
    }
    if let Some(name) = &attrs.name {
        let text = &name.value;
        let reason = if text.is_empty() {
            Some("is empty")
        } else if text.parse::<i64>().is_ok() {
            Some("reads as a number, which FromStr would take for a code")
        } else {
            None
        };
        if let Some(reason) = reason {
            errors.push(name.error_at_value(format!(
                "name {text:?} {reason}: give the variant its ORS name"
            )));
            ok = false;
        }
    }
    match (ok, &attrs.code, &attrs.name) {
        (true, Some(code), Some(name)) => Some(Known {
            ident: ident.clone(),
            code: code.value,
            text: name.value.clone(),
        }),
        _ => None,
    }
}

/// Checks the keys of a known variant of a string enum: a value, no code or name.
fn string_known(
    ident: &Ident,
    attrs: &VariantAttrs,
    invalid: bool,
    errors: &mut Errors,
) -> Option<Known> {
    let mut ok = !invalid;
    let message = "`code` and `name` are for #[ors(integer)] enums: a variant of an \
                   #[ors(string)] enum takes #[ors(value = \"...\")]";
    if let Some(code) = &attrs.code {
        errors.push(code.error_at_whole(message));
        ok = false;
    }
    if let Some(name) = &attrs.name {
        errors.push(name.error_at_whole(message));
        ok = false;
    }
    match &attrs.value {
        Some(value) if ok => Some(Known {
            ident: ident.clone(),
            code: 0,
            text: value.value.clone(),
        }),
        Some(_) => None,
        None => {
            if !invalid {
                errors.push(Error::new_spanned(
                    ident,
                    format!(
                        "variant `{ident}` of an #[ors(string)] enum needs its value: \
                         add #[ors(value = \"...\")] (or mark it #[ors(unrecognized)])"
                    ),
                ));
            }
            None
        }
    }
}

/// Checks that a new known variant's code (integer enums) and its name or value are not
/// those of an earlier one.
fn check_unique(
    kind: Kind,
    this: &Known,
    attrs: &VariantAttrs,
    known: &[Known],
    errors: &mut Errors,
) {
    if let (Kind::Integer, Some(code)) = (kind, &attrs.code) {
        if let Some(other) = known.iter().find(|other| other.code == this.code) {
            errors.push(code.error_at_value(format!(
                "duplicate code {}: variant `{}` already has it; every code belongs to one \
                 variant",
                this.code, other.ident
            )));
        }
    }
    let (text, what) = match kind {
        Kind::Integer => (&attrs.name, "name"),
        Kind::String => (&attrs.value, "value"),
    };
    if let Some(text) = text {
        if let Some(other) = known.iter().find(|other| other.text == this.text) {
            errors.push(text.error_at_value(format!(
                "duplicate {what} {:?}: variant `{}` already has it; every {what} belongs \
                 to one variant",
                this.text, other.ident
            )));
        }
    }
}
