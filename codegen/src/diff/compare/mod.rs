//! The comparison of two catalogues: items matched by identity on both sides, then compared
//! field by field, one [`Change`] per difference.

mod attributes;
mod events;
mod types;

use std::collections::{BTreeMap, BTreeSet};

use crate::diff::{Change, DocField, Item, Located, Owner, Side, SideName};
use crate::ir::{Note, Origin};
use crate::version::OrsVersion;

/// Every change from `old` to `new`, in catalogue order (see [`crate::diff::diff`]).
pub(super) fn diff(old: Side<'_>, new: Side<'_>) -> Vec<Change> {
    let mut differ = Differ {
        old,
        new,
        changes: Vec::new(),
    };
    differ.envelope();
    differ.enums();
    differ.objects();
    differ.families();
    differ.events();
    differ.changes
}

/// An item of the old side, the new side or both, matched by key.
enum Pair<'x, T> {
    Added(&'x T),
    Removed(&'x T),
    Both(&'x T, &'x T),
}

/// Matches `old` and `new` by `key`: new items in order (added or both), then removed items in
/// the old order.
fn pairs<'x, T, K: Ord>(old: &'x [T], new: &'x [T], key: impl Fn(&'x T) -> K) -> Vec<Pair<'x, T>> {
    let old_by_key: BTreeMap<K, &T> = old.iter().map(|item| (key(item), item)).collect();
    let new_keys: BTreeSet<K> = new.iter().map(&key).collect();
    let mut matched: Vec<Pair<'x, T>> = new
        .iter()
        .map(|item| match old_by_key.get(&key(item)) {
            Some(before) => Pair::Both(*before, item),
            None => Pair::Added(item),
        })
        .collect();
    matched.extend(
        old.iter()
            .filter(|item| !new_keys.contains(&key(item)))
            .map(Pair::Removed),
    );
    matched
}

fn since_text(since: Option<&OrsVersion>) -> Option<String> {
    since.map(ToString::to_string)
}

/// A text as the docs show it, with its provenance: `TEXT [source: ID]` when it cites a source
/// (just `ID` for a source alone), and `[inferred]` appended when it is the catalogue's own
/// inference. Marking a text or citing another source changes what readers are told, so it is a
/// docs change of that text.
fn with_provenance(text: Option<&str>, source: Option<&str>, inferred: bool) -> Option<String> {
    let mut marked = match (text, source) {
        (Some(text), Some(source)) => format!("{text} [source: {source}]"),
        (Some(text), None) => text.to_owned(),
        (None, Some(source)) => source.to_owned(),
        (None, None) if inferred => String::new(),
        (None, None) => return None,
    };
    if inferred {
        if !marked.is_empty() {
            marked.push(' ');
        }
        marked.push_str("[inferred]");
    }
    Some(marked)
}

fn notes_text(notes: &[Note]) -> Option<String> {
    (!notes.is_empty()).then(|| {
        notes
            .iter()
            .map(|note| format!("{}: {}", note.kind.as_str(), note.text))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The comparison under way: both sides and the changes found so far.
struct Differ<'a> {
    old: Side<'a>,
    new: Side<'a>,
    changes: Vec<Change>,
}

impl Differ<'_> {
    fn at(side: SideName, origin: &Origin) -> Located {
        Located {
            side,
            file: origin.file.clone(),
            line: origin.line,
            column: origin.column,
        }
    }

    fn at_old(&self, origin: &Origin) -> Located {
        Self::at(SideName::Old, origin)
    }

    fn at_new(&self, origin: &Origin) -> Located {
        Self::at(SideName::New, origin)
    }

    /// Records a docs change of `item`, defined at `origin` in the new spec, when `old` and
    /// `new` differ.
    fn docs(
        &mut self,
        item: &Item,
        field: DocField,
        old: Option<String>,
        new: Option<String>,
        origin: &Origin,
    ) {
        if old != new {
            self.changes.push(Change::DocsChanged {
                item: item.clone(),
                field,
                old,
                new,
                location: self.at_new(origin),
            });
        }
    }

    fn envelope(&mut self) {
        let (old, new) = (&self.old.catalogue.envelope, &self.new.catalogue.envelope);
        let origin = &new.origin;
        self.docs(
            &Item::Envelope,
            DocField::Description,
            Some(old.description.clone()),
            Some(new.description.clone()),
            origin,
        );
        self.docs(
            &Item::Envelope,
            DocField::Source,
            old.source.clone(),
            new.source.clone(),
            origin,
        );
        self.attributes(&Owner::Envelope, &old.fields, &new.fields);
    }
}
