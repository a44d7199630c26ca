//! Reading an event's borrowed view straight from its bytes: the envelope here, each event's
//! `data` by the reader generated beside its view (`read_json`, which calls [`read_object`],
//! [`set_once`] and the [`Cursor`]'s `read_*` methods).
//!
//! It is the first try of [`crate::runtime::from_json_ref`] and of `from_json`, whose owned event
//! is then the view made owned. Like the cursor, it declines whatever it is unsure of, and the
//! document is decoded again through serde, whose result (or error) counts: a duplicate
//! member, a missing one, a value of another type, `data` before `name`, an unknown event or
//! envelope field. Members the event does not describe are skipped, as serde's derived
//! decoding ignores them.

use serde::de::{DeserializeSeed, MapAccess};

use crate::json::cursor::{Cursor, Kind};
use crate::json::Declined;
use crate::runtime::{Catalogue, EnvelopeFieldSet};

/// Reads the object at `cursor`, calling `member` with each key, as raw bytes, and the cursor
/// at its value (which `member` must read or skip). Anything but an object is declined, as is a
/// key with escapes.
#[inline]
pub fn read_object<'de>(
    cursor: &mut Cursor<'de>,
    mut member: impl FnMut(&'de [u8], &mut Cursor<'de>) -> Result<(), Declined>,
) -> Result<(), Declined> {
    if cursor.kind()? != Kind::Object {
        return Err(Declined);
    }
    cursor.open_object()?;
    let mut first = true;
    while let Some(key) = cursor.next_key(&mut first)? {
        member(key, cursor)?;
    }
    Ok(())
}

/// Fills `slot` with `value`; a slot already filled is a duplicate member, which serde's
/// decoding refuses, so it is declined.
#[inline]
pub fn set_once<T>(slot: &mut Option<T>, value: T) -> Result<(), Declined> {
    if slot.is_some() {
        return Err(Declined);
    }
    *slot = Some(value);
    Ok(())
}

/// Reads the envelope in `text` into the view of its event: `name` before `data`, the other
/// envelope fields checked as serde's decoding checks them and dropped, nothing after the
/// envelope but white space.
pub(crate) fn read_event_ref<C: Catalogue>(text: &str) -> Result<C::EventRef<'_>, Declined> {
    let mut cursor = Cursor::new(text);
    let mut name = None;
    let mut event = None;
    let mut fields = C::Fields::default();
    read_object(&mut cursor, |key, cursor| match key {
        b"name" => {
            let text = cursor.read_str()?;
            set_once(&mut name, C::lookup(&text).ok_or(Declined)?)
        }
        // `data` before `name` is buffered by serde's decoding.
        b"data" => set_once(&mut event, C::read_data_ref(name.ok_or(Declined)?, cursor)?),
        other => {
            let key = cursor.key_text(other)?;
            if fields.visit_field(key, &mut ValueAt(cursor))? {
                Ok(())
            } else {
                Err(Declined)
            }
        }
    })?;
    cursor.end()?;
    event.ok_or(Declined)
}

/// The value at a cursor, as the one value of a map, for [`EnvelopeFieldSet::visit_field`].
struct ValueAt<'c, 'de>(&'c mut Cursor<'de>);

impl<'de> MapAccess<'de> for ValueAt<'_, 'de> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        _seed: K,
    ) -> Result<Option<K::Value>, Declined> {
        // A field reads its value only.
        Err(Declined)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Declined> {
        self.0.read_seed(seed)
    }
}
