//! The words of the violations both readings report (the serde reading's [`super::Checker`]
//! methods and the fast path's `_at` ones): one place, so that they cannot drift apart.

/// Appends `key` to `pointer` with `~` and `/` escaped.
#[cold]
pub(super) fn push_escaped(pointer: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// "`key` appears twice in one object".
pub(super) fn duplicate_message(key: &str) -> String {
    format!("`{key}` appears twice in one object")
}

/// "`key` is not " and the description `what`, with the closest of `known` as a suggestion.
pub(super) fn unknown_message<'k>(
    key: &str,
    known: impl IntoIterator<Item = &'k str>,
    what: &[&str],
) -> String {
    let near = crate::names::closest(key, known);
    concat_with_suggestion(&[&["`", key, "` is not "], what], near)
}

/// "`name` is not an event of the catalogue", with the closest of `names` as a suggestion.
pub(super) fn unknown_event_message<'a>(
    name: &str,
    names: impl Iterator<Item = &'a str>,
) -> String {
    // Event names are ASCII in every catalogue that passed the spec checks (`invalid-name`
    // otherwise): the search skips checking each of them for it.
    let near = crate::names::closest_among_ascii(name, names);
    concat_with_suggestion(&[&["`", name, "` is not an event of the catalogue"]], near)
}

/// The pieces, then " (did you mean `near`?)" when there is a suggestion, in one allocation of
/// the exact length: messages are concatenated rather than formatted, as an invalid line should
/// cost little more than a valid one.
fn concat_with_suggestion(pieces: &[&[&str]], near: Option<&str>) -> String {
    let suggestion = near.map(|near| [" (did you mean `", near, "`?)"]);
    let all = || {
        pieces
            .iter()
            .copied()
            .flatten()
            .chain(suggestion.iter().flatten())
    };
    let mut message = String::with_capacity(all().map(|piece| piece.len()).sum());
    all().for_each(|piece| message.push_str(piece));
    message
}
