//! The fast reader as a serde [`Deserializer`].

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Declined, Reader, Text, RAW_VALUE_TOKEN};

/// `deserialize_*` methods that visit the value as `deserialize_any` does when its first byte
/// matches the pattern, and decline it otherwise.
macro_rules! only {
    ($($($method:ident),+ => $first:pat),+ $(,)?) => {
        $($(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
                match self.peek() {
                    Some($first) => self.deserialize_any(visitor),
                    _ => Err(Declined),
                }
            }
        )+)+
    };
}

impl<'de> Deserializer<'de> for &mut Reader<'de, '_> {
    type Error = Declined;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.peek().ok_or(Declined)? {
            b'"' => {
                self.pos += 1;
                self.visit_string(visitor)
            }
            b'{' => {
                self.pos += 1;
                self.descend()?;
                let value = visitor.visit_map(Members {
                    reader: &mut *self,
                    first: true,
                })?;
                self.expect(b'}')?;
                self.depth -= 1;
                Ok(value)
            }
            b'[' => {
                self.pos += 1;
                self.descend()?;
                let value = visitor.visit_seq(Members {
                    reader: &mut *self,
                    first: true,
                })?;
                self.expect(b']')?;
                self.depth -= 1;
                Ok(value)
            }
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            b'-' | b'0'..=b'9' => self.integer(visitor),
            _ => Err(Declined),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        self.skip_value()?;
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        if self.peek() == Some(b'n') {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        if name == RAW_VALUE_TOKEN {
            return Err(Declined);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        // Unit variants, as strings; variants with content are left to serde_json.
        self.expect(b'"')?;
        match self.string()? {
            Text::Borrowed(text) => {
                visitor.visit_enum(BorrowedStrDeserializer::<Declined>::new(text))
            }
            Text::Scratch => visitor.visit_enum(StrDeserializer::<Declined>::new(self.scratch)),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    // Each of these takes only the JSON types serde_json's does, and declines the others
    // (serde_json fails on them even where the visitor would take them).
    only! {
        deserialize_bool => b't' | b'f',
        deserialize_i8, deserialize_i16, deserialize_i32, deserialize_i64,
        deserialize_u8, deserialize_u16, deserialize_u32, deserialize_u64,
        deserialize_f32, deserialize_f64 => b'-' | b'0'..=b'9',
        deserialize_char, deserialize_str, deserialize_string, deserialize_identifier => b'"',
        deserialize_unit => b'n',
        deserialize_seq => b'[',
        deserialize_map => b'{',
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        // serde_json fills a struct from an object or an array.
        match self.peek() {
            Some(b'{' | b'[') => self.deserialize_any(visitor),
            _ => Err(Declined),
        }
    }
}

/// The members of an object or the items of an array.
struct Members<'r, 'de, 's> {
    reader: &'r mut Reader<'de, 's>,
    first: bool,
}

impl Members<'_, '_, '_> {
    /// Whether another member or item follows (consuming its comma), or `close` ends them.
    fn more(&mut self, close: u8) -> Result<bool, Declined> {
        match self.reader.peek() {
            Some(byte) if byte == close => Ok(false),
            Some(b',') if !self.first => {
                self.reader.pos += 1;
                Ok(true)
            }
            Some(_) if self.first => {
                self.first = false;
                Ok(true)
            }
            _ => Err(Declined),
        }
    }
}

impl<'de> MapAccess<'de> for Members<'_, 'de, '_> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Declined> {
        if !self.more(b'}')? {
            return Ok(None);
        }
        if self.reader.peek() != Some(b'"') {
            return Err(Declined);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Declined> {
        self.reader.expect(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

impl<'de> SeqAccess<'de> for Members<'_, 'de, '_> {
    type Error = Declined;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Declined> {
        if !self.more(b']')? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}
