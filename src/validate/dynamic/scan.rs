//! The fast path of a [`DynCatalogue`]: its types interpreted over a [`Cursor`], as the
//! generated checks' `scan` methods walk it, with the same [`Checker`] methods.

use super::{DynCatalogue, DynType, DynValues, Members};
use crate::validate::engine::Checker;
use crate::validate::scan::{self, scan_int_enum, scan_str_enum, At, Cursor, Declined, Kind};

impl DynCatalogue {
    /// The value at `cursor`, of type `ty`.
    pub(super) fn scan_value(
        &self,
        ty: &DynType,
        checker: &mut Checker<'_>,
        cursor: &mut Cursor<'_>,
        at: &At<'_>,
    ) -> Result<(), Declined> {
        match ty {
            DynType::String => scan::scan_scalar(checker, cursor, at, Kind::String, "a string"),
            DynType::Integer => scan::scan_scalar(checker, cursor, at, Kind::Number, "an integer"),
            DynType::Boolean => scan::scan_scalar(checker, cursor, at, Kind::Bool, "a boolean"),
            DynType::AnyObject => self.scan_object(None, checker, cursor, at),
            DynType::Array(item) => scan::scan_array(checker, cursor, at, |checker, cursor, at| {
                self.scan_value(item, checker, cursor, at)
            }),
            DynType::Enum(index) => {
                let item = &self.enums[*index];
                match &item.values {
                    DynValues::Integer(codes) => {
                        scan_int_enum(checker, cursor, at, &item.name, |code| {
                            codes.contains(&code)
                        })
                    }
                    DynValues::String(values) => {
                        scan_str_enum(checker, cursor, at, &item.name, |value| {
                            values.iter().any(|known| known == value)
                        })
                    }
                }
            }
            DynType::Object(index) => {
                let object = &self.objects[*index];
                let members = Members {
                    attributes: &object.members,
                    owner: format!("`{}`", object.name),
                    open: object.open,
                };
                self.scan_object(Some(&members), checker, cursor, at)
            }
        }
    }

    /// The object at `cursor`: its `members` checked, or (none) any object at all.
    pub(super) fn scan_object(
        &self,
        members: Option<&Members<'_>>,
        checker: &mut Checker<'_>,
        cursor: &mut Cursor<'_>,
        at: &At<'_>,
    ) -> Result<(), Declined> {
        let kind = cursor.kind()?;
        if kind != Kind::Object {
            return scan::not_a_container(checker, cursor, at, kind, "an object");
        }
        cursor.open_object()?;
        let mut first = true;
        let Some(members) = members else {
            while cursor.next_key(&mut first)?.is_some() {
                cursor.skip_value()?;
            }
            return Ok(());
        };
        let mut seen = vec![false; members.attributes.len()];
        while let Some(key) = cursor.next_key(&mut first)? {
            let found = members
                .attributes
                .iter()
                .position(|attribute| attribute.name.as_bytes() == key);
            match found {
                Some(index) => {
                    let attribute = &members.attributes[index];
                    let at = at.key(&attribute.name);
                    if seen[index] {
                        checker.duplicate_at(&at);
                    }
                    seen[index] = true;
                    checker.attribute_since_at(
                        &at,
                        attribute.since,
                        &attribute.name,
                        &members.owner,
                    );
                    self.scan_value(&attribute.ty, checker, cursor, &at)?;
                }
                None if members.open => cursor.skip_value()?,
                None => {
                    let known = members.attributes.iter().map(|a| a.name.as_str());
                    checker.scan_unknown_attribute(cursor, at, key, known, &members.owner)?;
                }
            }
        }
        for (attribute, seen) in members.attributes.iter().zip(seen) {
            if attribute.required && !seen {
                checker.missing_attribute_at(at, &attribute.name);
            }
        }
        Ok(())
    }
}
