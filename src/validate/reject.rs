//! What a serde visitor that expects one kind of JSON value does with the others: each is
//! consumed and reported as `wrong-type`. Shared by the engine's, the envelope's and the
//! interpreted catalogue's visitors.

/// The `visit_*` methods of a visitor that expects one kind of JSON value (`self.$field` is its
/// checker): each listed other kind is consumed and reported as `wrong-type`.
macro_rules! reject_other_types {
    ($field:tt; $expected:literal, $value:expr; $($kind:ident),*) => {
        $( reject_other_types!(@$kind $field, $expected, $value); )*
    };
    (@bool $field:tt, $expected:literal, $value:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            self.$field.wrong_type($expected, "a boolean");
            Ok($value)
        }
    };
    (@number $field:tt, $expected:literal, $value:expr) => {
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            self.$field.wrong_type($expected, "a number");
            Ok($value)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            self.$field.wrong_type($expected, "a number");
            Ok($value)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            self.$field.wrong_type($expected, "a number");
            Ok($value)
        }
    };
    (@str $field:tt, $expected:literal, $value:expr) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            self.$field.wrong_type($expected, "a string");
            Ok($value)
        }
    };
    (@unit $field:tt, $expected:literal, $value:expr) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.$field.wrong_type($expected, "null");
            Ok($value)
        }
    };
    (@seq $field:tt, $expected:literal, $value:expr) => {
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            self.$field.wrong_type($expected, "an array");
            Ok($value)
        }
    };
    (@map $field:tt, $expected:literal, $value:expr) => {
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            self.$field.wrong_type($expected, "an object");
            Ok($value)
        }
    };
}

pub(super) use reject_other_types;
