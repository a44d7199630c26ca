//! `#[derive(OrsEnum)]`: forward-compatible enums of integer codes or strings.
//!
//! The derive runs in three stages, each handing the next one a value:
//!
//! 1. [`parse`] reads the `#[ors(...)]` attributes of the enum and of each variant into a
//!    [`parse::Enum`], recording the mistakes of how they are written (an unknown key, a value
//!    of the wrong type, a key given twice).
//! 2. [`check`] finds the mistakes of what they say (a variant without its code, a code given
//!    to two variants, an unrecognized variant of the wrong shape) and, when there is none,
//!    gives a [`check::Checked`]: the kind, the known variants and the unrecognized one.
//! 3. [`expand`] writes the code for a checked enum.
//!
//! All the mistakes of an enum are recorded in one [`Errors`] and reported together: first
//! those of the enum itself, then those of each variant in order.

use proc_macro2::TokenStream;
use syn::{DeriveInput, Error, Result};

use crate::errors::Errors;

mod check;
mod expand;
mod parse;

/// How an enum's values travel, chosen by `#[ors(integer)]` or `#[ors(string)]` on the enum.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// As integer codes, with a name each.
    Integer,
    /// As strings.
    String,
}

impl Kind {
    /// The key that chooses this kind, `integer` or `string`.
    fn key(self) -> &'static str {
        match self {
            Kind::Integer => "integer",
            Kind::String => "string",
        }
    }

    /// The type the unrecognized variant holds.
    fn held(self) -> &'static str {
        match self {
            Kind::Integer => "i64",
            Kind::String => "String",
        }
    }
}

pub(crate) fn derive(input: &DeriveInput) -> Result<TokenStream> {
    let mut errors = Errors::default();
    let parsed = parse::parse(input, &mut errors);
    let checked = parsed.and_then(|parsed| check::check(parsed, &mut errors));
    errors.finish()?;
    let Some(checked) = checked else {
        // A stage gives nothing only after recording why, so `finish` returned that.
        return Err(Error::new_spanned(
            &input.ident,
            "invalid #[derive(OrsEnum)] input",
        ));
    };
    Ok(expand::expand(&checked))
}
