//! Reading `#[event(...)]` and `#[ors(...)]` attributes, shared by the derives: going through
//! their keys without stopping at a wrong one, and reading each key's value with a message
//! that says how to write it.

use proc_macro2::TokenTree;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, Error, Expr, ExprLit, ExprUnary, Lit, LitStr, Result, Token, UnOp};

use crate::errors::Errors;

/// Parses every `#[NAME(key, key = value, ...)]` attribute among `attrs` with `handle`, called
/// once per key. An error of one key is recorded and the parse goes on with the next key, so
/// every mistake is reported at once.
pub(crate) fn parse_keys(
    attrs: &[Attribute],
    name: &str,
    errors: &mut Errors,
    mut handle: impl FnMut(&ParseNestedMeta, &mut Errors) -> Result<()>,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident(name)) {
        let mut found = Errors::default();
        let result = attr.parse_nested_meta(|meta| {
            if let Err(error) = handle(&meta, &mut found) {
                found.push(error);
                skip_to_comma(meta.input)?;
            }
            Ok(())
        });
        errors.append(found);
        errors.check(result);
    }
}

/// Consumes the rest of a key (its `= value` or `(...)`) up to the next comma.
pub(crate) fn skip_to_comma(input: ParseStream) -> Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// The name of a key, for messages.
pub(crate) fn key_name(meta: &ParseNestedMeta) -> String {
    let segments: Vec<String> = meta
        .path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    segments.join("::")
}

/// The `= value` of a key, as an expression; `usage` is how the key is written, for the
/// message when the value is missing.
fn value_expr(meta: &ParseNestedMeta, usage: &str) -> Result<Expr> {
    if !meta.input.peek(Token![=]) {
        return Err(Error::new_spanned(
            &meta.path,
            format!("`{}` needs a value: write `{usage}`", key_name(meta)),
        ));
    }
    meta.value()?.parse()
}

/// The string literal value of a key written as `usage`.
pub(crate) fn string_value(meta: &ParseNestedMeta, usage: &str) -> Result<LitStr> {
    match value_expr(meta, usage)? {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Ok(lit),
        other => Err(Error::new_spanned(
            other,
            format!(
                "`{}` takes a string literal: write `{usage}`",
                key_name(meta)
            ),
        )),
    }
}

/// The integer literal value of a key written as `usage`, possibly negative, as an `i64`;
/// also gives the expression, to point at in later errors.
pub(crate) fn i64_value(meta: &ParseNestedMeta, usage: &str) -> Result<(i64, Expr)> {
    let expr = value_expr(meta, usage)?;
    let (negative, lit) = match &expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) => (false, lit),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr: inner,
            ..
        }) => match &**inner {
            Expr::Lit(ExprLit {
                lit: Lit::Int(lit), ..
            }) => (true, lit),
            _ => return Err(not_an_integer(meta, &expr, usage)),
        },
        _ => return Err(not_an_integer(meta, &expr, usage)),
    };
    // A literal made by another macro may carry its own minus sign.
    let digits = lit.base10_digits();
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(digits) => (!negative, digits),
        None => (negative, digits),
    };
    let magnitude: u64 = digits.parse().map_err(|_| out_of_range(&expr))?;
    let value = if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    };
    match value {
        Some(value) => Ok((value, expr)),
        None => Err(out_of_range(&expr)),
    }
}

fn not_an_integer(meta: &ParseNestedMeta, expr: &Expr, usage: &str) -> Error {
    Error::new_spanned(
        expr,
        format!(
            "`{}` takes an integer literal: write `{usage}`",
            key_name(meta)
        ),
    )
}

fn out_of_range(expr: &Expr) -> Error {
    Error::new_spanned(
        expr,
        format!(
            "code out of range: codes are i64, from {} to {}",
            i64::MIN,
            i64::MAX
        ),
    )
}

/// Checks that a key is a flag, written without a value.
pub(crate) fn flag(meta: &ParseNestedMeta) -> Result<()> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        Ok(())
    } else {
        Err(meta.error(format!(
            "`{0}` takes no value: write just `{0}`",
            key_name(meta)
        )))
    }
}
