//! The third stage: writes the code for a checked enum. Each function below writes some of
//! the impls, and [`expand`] puts them in their order.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::Ident;

use super::check::{Checked, Known};
use super::Kind;

/// Everything the enum gets: the items of its kind, then `ors_events::OrsEnum`.
pub(super) fn expand(input: &Checked) -> TokenStream {
    let items = match input.kind {
        Kind::Integer => {
            let methods = integer_methods(input);
            let text = integer_text(input);
            let serde = integer_serde(input);
            quote!(#methods #text #serde)
        }
        Kind::String => {
            let methods = string_methods(input);
            let text = string_text(input);
            let serde = string_serde(input);
            quote!(#methods #text #serde)
        }
    };
    let ors_enum = ors_enum_impl(input);
    quote! {
        #items

        #ors_enum
    }
}

/// The known variants' identifiers, in order.
fn variants(known: &[Known]) -> Vec<&Ident> {
    known.iter().map(|known| &known.ident).collect()
}

/// The known variants' names (integer enums) or values (string enums), in order.
fn texts(known: &[Known]) -> Vec<&str> {
    known.iter().map(|known| known.text.as_str()).collect()
}

/// `ors_events::OrsEnum`, the same for both kinds.
fn ors_enum_impl(input: &Checked) -> TokenStream {
    let Checked {
        ident,
        known,
        unrecognized,
        ..
    } = input;
    let variants = variants(known);
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

/// An integer enum's `code()`, `from_code()` and `name()`.
fn integer_methods(input: &Checked) -> TokenStream {
    let Checked {
        ident,
        known,
        unrecognized,
        ..
    } = input;
    let variants = variants(known);
    let codes: Vec<Literal> = known
        .iter()
        .map(|known| Literal::i64_unsuffixed(known.code))
        .collect();
    let names = texts(known);
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
    }
}

/// An integer enum's `Display` (its name, or its code when unknown) and `FromStr` (a name or a
/// code).
fn integer_text(input: &Checked) -> TokenStream {
    let Checked { ident, known, .. } = input;
    let variants = variants(known);
    let names = texts(known);
    let enum_name = ident.to_string();
    quote! {
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
    }
}

/// An integer enum's `Serialize` and `Deserialize`, as its code.
fn integer_serde(input: &Checked) -> TokenStream {
    let ident = input.ident;
    let enum_name = ident.to_string();
    let expecting = format!("an integer code of {enum_name}");
    let out_of_range = format!("is out of range for {enum_name}, whose codes are i64");
    quote! {
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
    }
}

/// A string enum's `as_str()` and `from_wire()`.
fn string_methods(input: &Checked) -> TokenStream {
    let Checked {
        ident,
        known,
        unrecognized,
        ..
    } = input;
    let variants = variants(known);
    let values = texts(known);
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
    }
}

/// A string enum's `Display` and `FromStr`, both the wire string.
fn string_text(input: &Checked) -> TokenStream {
    let ident = input.ident;
    quote! {
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
    }
}

/// A string enum's `Serialize` and `Deserialize`, as the wire string.
fn string_serde(input: &Checked) -> TokenStream {
    let Checked {
        ident,
        known,
        unrecognized,
        ..
    } = input;
    let variants = variants(known);
    let values = texts(known);
    let expecting = format!("a string value of {ident}");
    quote! {
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
    }
}
