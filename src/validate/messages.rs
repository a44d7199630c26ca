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

/// "expected `expected`, found `found`".
pub(super) fn wrong_type_message(expected: &str, found: &str) -> String {
    ["expected ", expected, ", found ", found].concat()
}

/// "`what` `key` is missing" (`what` is "required attribute" or "envelope field").
pub(super) fn missing_message(what: &str, key: &str) -> String {
    [what, " `", key, "` is missing"].concat()
}

/// "`code` is not a value of `name`", for a code (or a whole number) of an integer enum.
pub(super) fn int_enum_message(code: impl std::fmt::Display, name: &str) -> String {
    format!("{code} is not a value of {name}")
}

/// "`value` is not a value of `name`", for a string enum.
pub(super) fn str_enum_message(value: &str, name: &str) -> String {
    ["`", value, "` is not a value of ", name].concat()
}
