//! Derive macros that give ORS event types their behaviour.
//!
//! Use them through the `ors-events` crate, which re-exports them next to the traits they
//! implement; the code they generate names everything by absolute `::ors_events::...` paths,
//! so a crate that uses them needs `ors-events` (and nothing else, not even `serde`) among its
//! dependencies.
//!
//! - [`macro@Event`] implements `ors_events::OrsEvent` for a struct: its wire name, family and
//!   first release, and which fields hold the request and interaction ids.
//! - [`macro@OrsEnum`] makes an enum whose values travel as integer codes or strings
//!   forward-compatible: a value the enum does not know is kept in its `#[ors(unrecognized)]`
//!   variant, and encodes back to the same JSON.
//!
//! Every mistake in the attributes is a compile error at the offending token, saying how to fix
//! it; all the mistakes of one item are reported together.
#![forbid(unsafe_code)]

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

mod attr;
mod errors;
mod event;
mod ors_enum;

/// Implements `ors_events::OrsEvent` for a struct.
///
/// ```ignore
/// #[derive(ors_events::Event)]
/// #[event(name = "voice.hold.done", since = "8.1.3")]
/// struct HoldDone {
///     #[event(request_id)]
///     requestid: String,
///     #[event(interaction_id)]
///     interactionid: Option<String>,
/// }
/// ```
///
/// - `#[event(name = "...")]` (required) is the event's name on the wire: dot-separated tokens
///   of lowercase ASCII letters and digits, at least two. Its family is the first token, after
///   a leading `error.` (`error.voice.hold` is of the `voice` family).
/// - `#[event(since = "...")]` (optional) is the first ORS release that sends the event, as a
///   build (`8.1.400.09`) or a release name (`8.1.3`); it is checked when the macro runs.
/// - `#[event(request_id)]` and `#[event(interaction_id)]` mark at most one field each, of type
///   `String`, `Cow<str>` or an `Option` of one, which `request_id()` and `interaction_id()`
///   return.
#[proc_macro_derive(Event, attributes(event))]
pub fn derive_event(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    event::derive(&input)
        .unwrap_or_else(|err| err.to_compile_error())
        .into()
}

/// Makes an enum of ORS values forward-compatible, for values that travel as integer codes
/// (`#[ors(integer)]`) or as strings (`#[ors(string)]`).
///
/// ```ignore
/// #[derive(Debug, Clone, PartialEq, ors_events::OrsEnum)]
/// #[ors(integer)]
/// enum CallState {
///     #[ors(code = 0, name = "CallStateOk")]
///     Ok,
///     #[ors(code = 1, name = "CallStateTransferred")]
///     Transferred,
///     /// A code this version does not know.
///     #[ors(unrecognized)]
///     Unrecognized(i64),
/// }
///
/// #[derive(Debug, Clone, PartialEq, ors_events::OrsEnum)]
/// #[ors(string)]
/// enum PartyState {
///     #[ors(value = "detaching")]
///     Detaching,
///     #[ors(unrecognized)]
///     Unrecognized(String),
/// }
/// ```
///
/// Every known variant is a unit variant with its `code` and `name` (integer enums) or its
/// `value` (string enums), each unique; exactly one tuple variant marked `#[ors(unrecognized)]`
/// holds any other value, as `i64` or `String`.
///
/// Integer enums get `Serialize` and `Deserialize` (as the JSON integer code; any other integer
/// becomes the unrecognized variant, and an integer beyond `i64` is an error), `Display` (the
/// name, or the decimal code of an unrecognized value), `FromStr` (a name or a decimal code;
/// anything else is an `ors_events::UnknownName`), `code()`, `from_code()` and `name()`.
///
/// String enums get `Serialize` and `Deserialize` (as the JSON string), `Display` (the string),
/// `FromStr` (which never fails), `as_str()` and `from_wire()`.
///
/// Both get `ors_events::OrsEnum`: `KNOWN`, every known variant in order, and `is_known()`.
#[proc_macro_derive(OrsEnum, attributes(ors))]
pub fn derive_ors_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    ors_enum::derive(&input)
        .unwrap_or_else(|err| err.to_compile_error())
        .into()
}
