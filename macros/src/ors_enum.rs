//! `#[derive(OrsEnum)]`: forward-compatible enums of integer codes or strings.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, ToTokens};
use syn::{Data, DataEnum, DeriveInput, Error, Fields, Ident, Path, Result, Type};

use crate::attr::{flag, i64_value, key_name, parse_keys, skip_to_comma, string_value};
use crate::errors::Errors;

/// How an enum's values travel.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// As integer codes, with a name each.
    Integer,
    /// As strings.
    String,
}

impl Kind {
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

/// One `key = value` of `#[ors(...)]` on a variant.
struct Entry<T> {
    /// The value, read.
    value: T,
    /// The key, to point at `key = value` as a whole.
    key: Path,
    /// The value as written, to point at it alone.
    written: TokenStream,
}

impl<T> Entry<T> {
    /// An error pointing at the value.
    fn error_at_value(&self, message: impl std::fmt::Display) -> Error {
        Error::new_spanned(&self.written, message)
    }

    /// An error pointing at `key = value`.
    fn error_at_whole(&self, message: impl std::fmt::Display) -> Error {
        let (key, written) = (&self.key, &self.written);
        Error::new_spanned(quote!(#key #written), message)
    }
}

/// What `#[ors(...)]` says on one variant.
#[derive(Default)]
struct VariantAttrs {
    code: Option<Entry<i64>>,
    name: Option<Entry<String>>,
    value: Option<Entry<String>>,
    unrecognized: Option<Path>,
    /// A key was given but its value was wrong, and that is reported already.
    invalid: bool,
}

/// A known variant, with its code and name (integer enums) or value (string enums).
struct Known {
    ident: Ident,
    code: i64,
    text: String,
}

pub(crate) fn derive(input: &DeriveInput) -> Result<TokenStream> {
    let mut errors = Errors::default();
    let kind = kind(input, &mut errors);

    let data = match &input.data {
        Data::Enum(data) => data,
        Data::Struct(data) => {
            errors.push(Error::new_spanned(
                data.struct_token,
                "#[derive(OrsEnum)] is for enums of ORS values; for an event struct use \
                 #[derive(Event)]",
            ));
            return Err(finish_err(errors));
        }
        Data::Union(data) => {
            errors.push(Error::new_spanned(
                data.union_token,
                "#[derive(OrsEnum)] is for enums of ORS values: declare it with `enum`, one unit \
                 variant per value and one #[ors(unrecognized)] variant",
            ));
            return Err(finish_err(errors));
        }
    };
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        errors.push(Error::new_spanned(
            &input.generics,
            "#[derive(OrsEnum)] takes no generic parameters: an enum of ORS values is a plain \
             enum",
        ));
    }
    let kind_missing = kind.is_none();
    let kind = match kind {
        Some(kind) => kind,
        None => {
            errors.push(Error::new_spanned(
                &input.ident,
                "#[derive(OrsEnum)] needs to know how the values travel: add #[ors(integer)] \
                 for integer codes or #[ors(string)] for strings",
            ));
            // Go on as an integer enum, to report the variants' mistakes too.
            Kind::Integer
        }
    };
    let (known, unrecognized) = variants(input, data, kind, kind_missing, &mut errors);
    errors.finish()?;
    let Some(unrecognized) = unrecognized else {
        return Err(Error::new_spanned(
            &input.ident,
            "invalid #[derive(OrsEnum)] input",
        ));
    };

    Ok(match kind {
        Kind::Integer => integer(&input.ident, &known, &unrecognized),
        Kind::String => string(&input.ident, &known, &unrecognized),
    })
}

fn finish_err(errors: Errors) -> Error {
    match errors.finish() {
        Err(error) => error,
        Ok(()) => Error::new(Span::call_site(), "invalid #[derive(OrsEnum)] input"),
    }
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

/// Checks every variant: gives the known ones, and the unrecognized one.
fn variants(
    input: &DeriveInput,
    data: &DataEnum,
    kind: Kind,
    kind_missing: bool,
    errors: &mut Errors,
) -> (Vec<Known>, Option<Ident>) {
    let mut known: Vec<Known> = Vec::new();
    let mut unrecognized: Option<Ident> = None;
    for variant in &data.variants {
        let mut attrs = variant_attrs(variant, errors);
        if let Some((_, discriminant)) = &variant.discriminant {
            errors.push(Error::new_spanned(
                discriminant,
                "an OrsEnum variant has no discriminant: write its code as \
                 #[ors(code = N, name = \"...\")] on the variant, and remove `= ...`",
            ));
            attrs.invalid = true;
        }
        if let Some(marker) = &attrs.unrecognized {
            check_unrecognized(variant, &attrs, kind, kind_missing, errors);
            match &unrecognized {
                Some(first) => errors.push(Error::new_spanned(
                    marker,
                    format!(
                        "a second #[ors(unrecognized)] variant: `{first}` already holds the \
                         values the enum does not know; keep only one"
                    ),
                )),
                None => unrecognized = Some(variant.ident.clone()),
            }
            continue;
        }
        let Some(this) = check_known(variant, &attrs, kind, kind_missing, errors) else {
            continue;
        };
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
        known.push(this);
    }
    if unrecognized.is_none() {
        let message = if kind_missing {
            "#[derive(OrsEnum)] needs a variant that keeps values it does not know: add \
             `#[ors(unrecognized)] Unrecognized(i64)` (integer enums) or \
             `#[ors(unrecognized)] Unrecognized(String)` (string enums)"
                .to_owned()
        } else {
            format!(
                "#[derive(OrsEnum)] needs a variant that keeps values it does not know: add \
                 `#[ors(unrecognized)] Unrecognized({})`",
                kind.held()
            )
        };
        errors.push(Error::new_spanned(&input.ident, message));
    }
    (known, unrecognized)
}

/// Checks the `#[ors(unrecognized)]` variant: no code, name or value, and one field of the
/// kind's type.
fn check_unrecognized(
    variant: &syn::Variant,
    attrs: &VariantAttrs,
    kind: Kind,
    kind_missing: bool,
    errors: &mut Errors,
) {
    let held = if kind_missing {
        "i64 or String"
    } else {
        kind.held()
    };
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
            if kind_missing {
                return;
            }
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

/// Checks a known variant: a unit variant with its code and name, or its value.
fn check_known(
    variant: &syn::Variant,
    attrs: &VariantAttrs,
    kind: Kind,
    kind_missing: bool,
    errors: &mut Errors,
) -> Option<Known> {
    let ident = &variant.ident;
    let mut ok = !attrs.invalid;
    if !matches!(variant.fields, Fields::Unit) {
        errors.push(Error::new_spanned(
            &variant.fields,
            format!(
                "known variant `{ident}` carries no data: only the #[ors(unrecognized)] variant \
                 holds a value; make `{ident}` a unit variant"
            ),
        ));
        ok = false;
    }
    if kind_missing {
        return None;
    }
    match kind {
        Kind::Integer => {
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
                // A key whose value was wrong is reported already, not as missing.
                if !attrs.invalid {
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
        Kind::String => {
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
                    if !attrs.invalid {
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
    }
}

/// `ors_events::OrsEnum`, the same for both kinds.
fn ors_enum_impl(ident: &Ident, known: &[Known], unrecognized: &Ident) -> TokenStream {
    let variants = known.iter().map(|known| &known.ident);
    quote! {
        #[automatically_derived]
        impl ::ors_events::OrsEnum for #ident {
            const KNOWN: &'static [Self] = &[#(#ident::#variants),*];

            fn is_known(&self) -> bool {
                !::core::matches!(self, #ident::#unrecognized(_))
            }
        }
    }
}

/// Everything an `#[ors(integer)]` enum gets.
fn integer(ident: &Ident, known: &[Known], unrecognized: &Ident) -> TokenStream {
    let variants: Vec<&Ident> = known.iter().map(|known| &known.ident).collect();
    let codes: Vec<Literal> = known
        .iter()
        .map(|known| Literal::i64_unsuffixed(known.code))
        .collect();
    let names: Vec<&str> = known.iter().map(|known| known.text.as_str()).collect();
    let enum_name = ident.to_string();
    let expecting = format!("an integer code of {enum_name}");
    let out_of_range = format!("is out of range for {enum_name}, whose codes are i64");
    let ors_enum = ors_enum_impl(ident, known, unrecognized);
    quote! {
        #[automatically_derived]
        impl #ident {
            /// The value's integer code on the wire.
            pub const fn code(&self) -> i64 {
                match self {
                    #(#ident::#variants => #codes,)*
                    #ident::#unrecognized(code) => *code,
                }
            }

            /// The value of an integer code: a known one, or the unrecognized variant.
            pub fn from_code(code: i64) -> Self {
                match code {
                    #(#codes => #ident::#variants,)*
                    code => #ident::#unrecognized(code),
                }
            }

            /// The value's ORS name, or `None` for a code this enum does not know.
            pub fn name(&self) -> ::core::option::Option<&'static str> {
                match self {
                    #(#ident::#variants => ::core::option::Option::Some(#names),)*
                    #ident::#unrecognized(_) => ::core::option::Option::None,
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.name() {
                    ::core::option::Option::Some(name) => f.pad(name),
                    ::core::option::Option::None => ::core::fmt::Display::fmt(&self.code(), f),
                }
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::ors_events::UnknownName;

            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                match text {
                    #(#names => ::core::result::Result::Ok(#ident::#variants),)*
                    _ => match <i64 as ::core::str::FromStr>::from_str(text) {
                        ::core::result::Result::Ok(code) => {
                            ::core::result::Result::Ok(#ident::from_code(code))
                        }
                        ::core::result::Result::Err(_) => {
                            ::core::result::Result::Err(::ors_events::UnknownName {
                                enum_name: #enum_name,
                                text: ::std::string::String::from(text),
                            })
                        }
                    },
                }
            }
        }

        #[automatically_derived]
        impl ::ors_events::__private::serde::Serialize for #ident {
            fn serialize<__S>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: ::ors_events::__private::serde::Serializer,
            {
                serializer.serialize_i64(self.code())
            }
        }

        #[automatically_derived]
        impl<'de> ::ors_events::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: ::ors_events::__private::serde::Deserializer<'de>,
            {
                struct __OrsEnumVisitor;

                impl<'de> ::ors_events::__private::serde::de::Visitor<'de> for __OrsEnumVisitor {
                    type Value = #ident;

                    fn expecting(
                        &self,
                        f: &mut ::core::fmt::Formatter<'_>,
                    ) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_i64<__E>(self, code: i64) -> ::core::result::Result<#ident, __E>
                    where
                        __E: ::ors_events::__private::serde::de::Error,
                    {
                        ::core::result::Result::Ok(#ident::from_code(code))
                    }

                    fn visit_u64<__E>(self, code: u64) -> ::core::result::Result<#ident, __E>
                    where
                        __E: ::ors_events::__private::serde::de::Error,
                    {
                        match <i64 as ::core::convert::TryFrom<u64>>::try_from(code) {
                            ::core::result::Result::Ok(code) => {
                                ::core::result::Result::Ok(#ident::from_code(code))
                            }
                            ::core::result::Result::Err(_) => ::core::result::Result::Err(
                                <__E as ::ors_events::__private::serde::de::Error>::custom(
                                    ::core::format_args!("integer `{}` {}", code, #out_of_range),
                                ),
                            ),
                        }
                    }
                }

                ::ors_events::__private::serde::Deserializer::deserialize_i64(
                    deserializer,
                    __OrsEnumVisitor,
                )
            }
        }

        #ors_enum
    }
}

/// Everything an `#[ors(string)]` enum gets.
fn string(ident: &Ident, known: &[Known], unrecognized: &Ident) -> TokenStream {
    let variants: Vec<&Ident> = known.iter().map(|known| &known.ident).collect();
    let values: Vec<&str> = known.iter().map(|known| known.text.as_str()).collect();
    let expecting = format!("a string value of {ident}");
    let ors_enum = ors_enum_impl(ident, known, unrecognized);
    quote! {
        #[automatically_derived]
        impl #ident {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#ident::#variants => #values,)*
                    #ident::#unrecognized(value) => value.as_str(),
                }
            }

            /// The value of a wire string: a known one, or the unrecognized variant.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    #(#values => #ident::#variants,)*
                    value => #ident::#unrecognized(::std::string::String::from(value)),
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::core::convert::Infallible;

            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(#ident::from_wire(text))
            }
        }

        #[automatically_derived]
        impl ::ors_events::__private::serde::Serialize for #ident {
            fn serialize<__S>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: ::ors_events::__private::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> ::ors_events::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: ::ors_events::__private::serde::Deserializer<'de>,
            {
                struct __OrsEnumVisitor;

                impl<'de> ::ors_events::__private::serde::de::Visitor<'de> for __OrsEnumVisitor {
                    type Value = #ident;

                    fn expecting(
                        &self,
                        f: &mut ::core::fmt::Formatter<'_>,
                    ) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_str<__E>(self, value: &str) -> ::core::result::Result<#ident, __E>
                    where
                        __E: ::ors_events::__private::serde::de::Error,
                    {
                        ::core::result::Result::Ok(#ident::from_wire(value))
                    }

                    fn visit_borrowed_str<__E>(
                        self,
                        value: &'de str,
                    ) -> ::core::result::Result<#ident, __E>
                    where
                        __E: ::ors_events::__private::serde::de::Error,
                    {
                        ::core::result::Result::Ok(#ident::from_wire(value))
                    }

                    fn visit_string<__E>(
                        self,
                        value: ::std::string::String,
                    ) -> ::core::result::Result<#ident, __E>
                    where
                        __E: ::ors_events::__private::serde::de::Error,
                    {
                        // Keeps the string it was given when the value is unknown.
                        ::core::result::Result::Ok(match value.as_str() {
                            #(#values => #ident::#variants,)*
                            _ => #ident::#unrecognized(value),
                        })
                    }
                }

                ::ors_events::__private::serde::Deserializer::deserialize_string(
                    deserializer,
                    __OrsEnumVisitor,
                )
            }
        }

        #ors_enum
    }
}
