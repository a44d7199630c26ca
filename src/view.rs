//! Reading an event's borrowed view straight from its bytes: the envelope here, each event's
//! `data` by the reader generated beside its view (`read_json`), which describes its members as
//! a constant table ([`ViewMember`]) that [`read_members`] reads into [`ViewSlot`]s, one shared
//! loop for every event (code per event, with the loop inlined into each, missed the
//! instruction cache on every other event), and then builds the view from the slots. Object
//! types with members have readers of the same kind (an open one keeps the members it does not
//! describe, [`read_open_members`]); enums are read as their code or string.
//!
//! It is the first try of [`crate::runtime::from_json_ref`] and of `from_json`, whose owned event
//! is then the view made owned. Like the cursor, it declines whatever it is unsure of, and the
//! document is decoded again through serde, whose result (or error) counts: a duplicate
//! member, a missing one, a value of another type, `data` before `name`, an unknown event or
//! envelope field. Members the event does not describe are skipped, as serde's derived
//! decoding ignores them.

use std::borrow::Cow;

use serde::de::{Deserialize, DeserializeSeed, MapAccess};
use serde_json::{Map, Value};

use crate::json::cursor::{Cursor, Kind};
use crate::json::Declined;
use crate::runtime::{Catalogue, EnvelopeFieldSet};
use crate::validate::shape::same_key;

/// How [`read_members`] reads a member's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// A string: borrowed, or decoded when it has escapes.
    Str,
    /// An integer that fits 64 bits.
    Int,
    /// `true` or `false`.
    Bool,
    /// Any other value (an object, an array): its text, read by an object type's reader
    /// ([`ViewSlot::into_read`]) or decoded through serde ([`ViewSlot::into_value`]) once the
    /// view is built.
    Value,
}

/// One member of an event's `data`, as its generated reader describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewMember {
    /// The key on the wire.
    pub key: &'static [u8],
    /// How its value is read.
    pub kind: ViewKind,
}

/// What [`read_members`] read for one member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ViewSlot<'a> {
    /// The member is absent.
    #[default]
    Absent,
    /// A string.
    Str(Cow<'a, str>),
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// Another value, as its JSON text.
    Value(&'a str),
}

impl<'a> ViewSlot<'a> {
    /// An absent member, as a constant: `[ViewSlot::ABSENT; N]` makes a reader's slots.
    pub const ABSENT: ViewSlot<'a> = ViewSlot::Absent;

    /// The string of a required member; absent, it is declined.
    #[inline]
    pub fn into_str(self) -> Result<Cow<'a, str>, Declined> {
        self.into_opt_str()?.ok_or(Declined)
    }

    /// The string of an optional member.
    #[inline]
    pub fn into_opt_str(self) -> Result<Option<Cow<'a, str>>, Declined> {
        match self {
            ViewSlot::Absent => Ok(None),
            ViewSlot::Str(text) => Ok(Some(text)),
            _ => Err(Declined),
        }
    }

    /// The integer of a required member; absent, it is declined.
    #[inline]
    pub fn into_i64(self) -> Result<i64, Declined> {
        self.into_opt_i64()?.ok_or(Declined)
    }

    /// The integer of an optional member.
    #[inline]
    pub fn into_opt_i64(self) -> Result<Option<i64>, Declined> {
        match self {
            ViewSlot::Absent => Ok(None),
            ViewSlot::Int(value) => Ok(Some(value)),
            _ => Err(Declined),
        }
    }

    /// The boolean of a required member; absent, it is declined.
    #[inline]
    pub fn into_bool(self) -> Result<bool, Declined> {
        self.into_opt_bool()?.ok_or(Declined)
    }

    /// The boolean of an optional member.
    #[inline]
    pub fn into_opt_bool(self) -> Result<Option<bool>, Declined> {
        match self {
            ViewSlot::Absent => Ok(None),
            ViewSlot::Bool(value) => Ok(Some(value)),
            _ => Err(Declined),
        }
    }

    /// The value of a required member, decoded by `T`'s serde implementation through the fast
    /// reader (its structs from objects only, as `data` is decoded); absent, it is declined.
    pub fn into_value<T: Deserialize<'a>>(self) -> Result<T, Declined> {
        self.into_opt_value()?.ok_or(Declined)
    }

    /// The value of an optional member, decoded as [`ViewSlot::into_value`] decodes it.
    pub fn into_opt_value<T: Deserialize<'a>>(self) -> Result<Option<T>, Declined> {
        self.into_opt_read(Cursor::read_serde)
    }

    /// The object of a required member, read by `read` (an object type's generated reader,
    /// which reads its members as [`read_members`] does); absent, it is declined.
    pub fn into_read<T>(
        self,
        read: impl FnOnce(&mut Cursor<'a>) -> Result<T, Declined>,
    ) -> Result<T, Declined> {
        self.into_opt_read(read)?.ok_or(Declined)
    }

    /// The object of an optional member, read as [`ViewSlot::into_read`] reads it.
    pub fn into_opt_read<T>(
        self,
        read: impl FnOnce(&mut Cursor<'a>) -> Result<T, Declined>,
    ) -> Result<Option<T>, Declined> {
        match self {
            ViewSlot::Absent => Ok(None),
            ViewSlot::Value(text) => {
                let mut cursor = Cursor::new(text);
                let value = read(&mut cursor)?;
                cursor.end()?;
                Ok(Some(value))
            }
            _ => Err(Declined),
        }
    }
}

/// Reads the object at `cursor` into `slots`: the value of `members[i]` into `slots[i]`, read
/// as its kind says; members not listed are skipped. A repeated member (which serde's decoding
/// refuses), a value of another kind, a key with escapes or anything but an object is
/// declined. One loop for every event and closed object type, so that it stays in the
/// instruction cache.
pub fn read_members<'a>(
    cursor: &mut Cursor<'a>,
    members: &[ViewMember],
    slots: &mut [ViewSlot<'a>],
) -> Result<(), Declined> {
    read_members_with(cursor, members, slots, |_, cursor| cursor.skip_value())
}

/// Reads the object of an open object type at `cursor` as [`read_members`] does, and keeps the
/// members not listed in `other`, as serde's decoding of its flattened map keeps them (a
/// repeated one, the last).
pub fn read_open_members<'a>(
    cursor: &mut Cursor<'a>,
    members: &[ViewMember],
    slots: &mut [ViewSlot<'a>],
    other: &mut Map<String, Value>,
) -> Result<(), Declined> {
    read_members_with(cursor, members, slots, |key, cursor| {
        let key = cursor.key_text(key)?.to_owned();
        other.insert(key, cursor.read_serde()?);
        Ok(())
    })
}

/// The loop of [`read_members`], with what to do with a member not listed.
#[inline]
fn read_members_with<'a>(
    cursor: &mut Cursor<'a>,
    members: &[ViewMember],
    slots: &mut [ViewSlot<'a>],
    mut unlisted: impl FnMut(&'a [u8], &mut Cursor<'a>) -> Result<(), Declined>,
) -> Result<(), Declined> {
    // Members mostly come in the catalogue's order: the one after the last found is tried first.
    let mut next = 0;
    read_object(cursor, |key, cursor| {
        let found = match members.get(next) {
            Some(member) if same_key(member.key, key) => Some(next),
            _ => members.iter().position(|member| same_key(member.key, key)),
        };
        let Some(index) = found else {
            return unlisted(key, cursor);
        };
        next = index + 1;
        let slot = slots.get_mut(index).ok_or(Declined)?;
        if !matches!(slot, ViewSlot::Absent) {
            return Err(Declined);
        }
        *slot = match members[index].kind {
            ViewKind::Str => ViewSlot::Str(cursor.read_str()?),
            ViewKind::Int => ViewSlot::Int(cursor.read_i64()?),
            ViewKind::Bool => ViewSlot::Bool(cursor.read_bool()?),
            ViewKind::Value => {
                let start = cursor.offset();
                cursor.skip_value()?;
                ViewSlot::Value(cursor.slice(start)?)
            }
        };
        Ok(())
    })
}

/// Reads the object at `cursor`, calling `member` with each key, as raw bytes, and the cursor
/// at its value (which `member` must read or skip). Anything but an object is declined, as is a
/// key with escapes.
#[inline]
fn read_object<'de>(
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
fn set_once<T>(slot: &mut Option<T>, value: T) -> Result<(), Declined> {
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
