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

/// "`key` is not " and the description `what` (in pieces: messages are concatenated rather
/// than formatted, as invalid lines should cost little more than valid ones), with the closest
/// of `known` as a suggestion.
pub(super) fn unknown_message<'k>(
    key: &str,
    known: impl IntoIterator<Item = &'k str>,
    what: &[&str],
) -> String {
    let mut message = String::with_capacity(64);
    for piece in ["`", key, "` is not "].iter().chain(what) {
        message.push_str(piece);
    }
    if let Some(near) = crate::names::closest(key, known) {
        message.push_str(" (did you mean `");
        message.push_str(near);
        message.push_str("`?)");
    }
    message
}

/// "`name` is not an event of the catalogue", with the closest of `names` as a suggestion.
pub(super) fn unknown_event_message<'a>(
    name: &str,
    names: impl Iterator<Item = &'a str>,
) -> String {
    let mut message = ["`", name, "` is not an event of the catalogue"].concat();
    if let Some(near) = crate::names::closest(name, names) {
        message.push_str(" (did you mean `");
        message.push_str(near);
        message.push_str("`?)");
    }
    message
}
