//! `#[derive(Event)]`: implements `ors_events::OrsEvent` for a struct.
//!
//! The derive runs in three stages, each handing the next one a value:
//!
//! 1. [`parse`] reads `#[event(...)]` on the struct and on its fields into a [`parse::Event`],
//!    recording the mistakes of how they are written, and checking each value (the name, the
//!    version) as it is read.
//! 2. [`check`] reports a missing name and, when there is no mistake, gives a
//!    [`check::Checked`].
//! 3. [`expand`] writes the `OrsEvent` impl of a checked struct.
//!
//! All the mistakes of a struct are recorded in one [`Errors`] and reported together.

use proc_macro2::TokenStream;
use syn::{DeriveInput, Error, Result};

use crate::errors::Errors;

mod check;
mod expand;
mod parse;

pub(crate) fn derive(input: &DeriveInput) -> Result<TokenStream> {
    let mut errors = Errors::default();
    let parsed = parse::parse(input, &mut errors);
    let checked = check::check(parsed, &mut errors);
    errors.finish()?;
    let Some(checked) = checked else {
        // A stage gives nothing only after recording why, so `finish` returned that.
        return Err(Error::new_spanned(
            &input.ident,
            "invalid #[derive(Event)] input",
        ));
    };
    Ok(expand::expand(&checked))
}
