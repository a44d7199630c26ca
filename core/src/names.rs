//! Name conversion from wire names to Rust identifiers, and the rules that keep them safe.

/// Words Rust reserves (strict, reserved and edition-dependent keywords): never an identifier.
const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(['_', '.', '-', ' '])
        .filter(|word| !word.is_empty())
}

/// `interaction.udata.changed` → `InteractionUdataChanged`, `distributionDelay` →
/// `DistributionDelay`: every word capitalised, the rest of each word kept.
pub fn pascal_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in words(name) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// `partyid` → `partyid`, `partyId` → `party_id`, `party-id` → `party_id`.
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for word in words(name) {
        if !out.is_empty() {
            out.push('_');
        }
        let mut previous_lower = false;
        for c in word.chars() {
            if c.is_uppercase() && previous_lower {
                out.push('_');
            }
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The key under which two names collide: case and `_`/`-`/`.` separators ignored, so
/// `partyid`, `party_id` and `partyId` are one name.
pub fn collision_key(name: &str) -> String {
    words(name)
        .flat_map(str::chars)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why a name cannot be a Rust identifier, or `None` when it can.
pub fn identifier_problem(ident: &str) -> Option<&'static str> {
    let mut chars = ident.chars();
    match chars.next() {
        None => Some("it is empty"),
        Some(c) if c.is_ascii_digit() => Some("it starts with a digit"),
        Some(c) if !(c.is_ascii_alphabetic() || c == '_') => {
            Some("it may hold only ASCII letters, digits and `_`")
        }
        _ if ident == "_" => Some("`_` alone is not an identifier"),
        _ if !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') => {
            Some("it may hold only ASCII letters, digits and `_`")
        }
        _ if RUST_KEYWORDS.contains(&ident) => Some("it is a Rust keyword"),
        _ => None,
    }
}

/// `name` when it is a usable identifier; otherwise a safe one made from it (characters outside
/// `[A-Za-z0-9_]` become `_`, a leading digit gets a `_` before it, a keyword a `_` after it).
/// The checker rejects such names first; this keeps the emitters from ever writing one raw.
pub fn safe_identifier(name: &str) -> String {
    if identifier_problem(name).is_none() {
        return name.to_owned();
    }
    let mut safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.chars().all(|c| c == '_') {
        safe.push_str("unnamed");
    }
    if safe.starts_with(|c: char| c.is_ascii_digit()) {
        safe.insert(0, '_');
    }
    if RUST_KEYWORDS.contains(&safe.as_str()) {
        safe.push('_');
    }
    safe
}

/// Whether `name` is a valid event name: dot-separated tokens of lowercase ASCII letters and
/// digits, each starting with a letter.
pub fn is_event_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|token| {
            let mut chars = token.chars();
            matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
                && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The closest of `candidates` to `name` by edit distance, if it is close enough to suggest.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let mut candidates: Vec<&'a str> = candidates.into_iter().collect();
    if name.is_ascii() {
        // The same as below, on bytes (which are the characters here), and faster, when every
        // candidate is ASCII too: one pass finds the first candidate equal but for case (which
        // has the same length as `name`, so it is the first in the order below too), and the
        // least of those one edit away. No candidate is `name` itself, so one edit away is the
        // closest there can be; most misspellings are, and this finds them without the table.
        let mut all_ascii = true;
        let (mut same, mut near): (Option<&'a str>, Option<&'a str>) = (None, None);
        for &candidate in &candidates {
            if !candidate.is_ascii() {
                all_ascii = false;
                break;
            }
            if candidate.len().abs_diff(name.len()) > 1 {
                continue;
            }
            if same.is_none() && candidate.eq_ignore_ascii_case(name) {
                same = Some(candidate);
            }
            if near.is_none_or(|near| candidate < near)
                && one_edit_apart(name.as_bytes(), candidate.as_bytes())
            {
                near = Some(candidate);
            }
        }
        if all_ascii {
            if let Some(found) = same.or(near) {
                return Some(found);
            }
            sort_by_length(&mut candidates, name);
            return nearest(name.as_bytes(), &candidates, limit, str::as_bytes);
        }
    }
    sort_by_length(&mut candidates, name);
    // The same name in another case: nothing is closer.
    if let Some(same) = candidates
        .iter()
        .find(|candidate| same_ignoring_case(candidate, name))
    {
        return Some(same);
    }
    let name: Vec<char> = name.chars().collect();
    nearest(&name, &candidates, limit, |candidate| {
        candidate.chars().collect::<Vec<char>>()
    })
}

/// Candidates of about the same length as `name` first: a close one found early tightens the
/// bound, and the table of every later candidate stops after a few rows.
fn sort_by_length(candidates: &mut [&str], name: &str) {
    candidates.sort_by_key(|candidate| candidate.len().abs_diff(name.len()));
}

/// The least (distance, candidate) within `limit` of `name`, each candidate taken as the
/// sequence `units` gives.
fn nearest<'a, T: PartialEq, U: AsRef<[T]>>(
    name: &[T],
    candidates: &[&'a str],
    limit: usize,
    units: impl Fn(&'a str) -> U,
) -> Option<&'a str> {
    let mut best: Option<(usize, &'a str)> = None;
    let mut row = Vec::new();
    for &candidate in candidates {
        let bound = best.map_or(limit, |(distance, _)| distance);
        let other = units(candidate);
        if let Some(distance) = bounded_edit_distance(name, other.as_ref(), bound, &mut row) {
            if best.is_none_or(|current| (distance, candidate) < current) {
                best = Some((distance, candidate));
            }
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Whether `a` becomes `b` by at most one insertion, deletion or substitution.
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let common = long.iter().zip(short).take_while(|(x, y)| x == y).count();
    if long.len() == short.len() {
        long.get(common + 1..) == short.get(common + 1..)
    } else {
        long.get(common + 1..) == short.get(common..)
    }
}

/// Whether `a` and `b` are the same name but for case.
fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
}

/// The edit distance of `a` and `b` when it is at most `limit`; it stops as soon as every path
/// exceeds the limit. `row` is scratch space, reused between calls.
fn bounded_edit_distance<T: PartialEq>(
    a: &[T],
    b: &[T],
    limit: usize,
    row: &mut Vec<usize>,
) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    row.clear();
    row.extend(0..=b.len());
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut best = row[0];
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
            best = best.min(row[j + 1]);
        }
        if best > limit {
            return None;
        }
    }
    Some(row[b.len()]).filter(|distance| *distance <= limit)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_case() {
        assert_eq!(
            pascal_case("interaction.udata.changed"),
            "InteractionUdataChanged"
        );
        assert_eq!(pascal_case("distributionDelay"), "DistributionDelay");
        assert_eq!(pascal_case("deleted_resultof"), "DeletedResultof");
        assert_eq!(snake_case("partyid"), "partyid");
        assert_eq!(snake_case("partyId"), "party_id");
        assert_eq!(snake_case("party-id"), "party_id");
        assert_eq!(snake_case("CallState2X"), "call_state2_x");
    }

    #[test]
    fn finds_collisions_and_bad_identifiers() {
        assert_eq!(collision_key("partyid"), collision_key("party_id"));
        assert_eq!(collision_key("partyId"), collision_key("party-id"));
        assert_eq!(identifier_problem("type"), Some("it is a Rust keyword"));
        assert_eq!(identifier_problem("1st"), Some("it starts with a digit"));
        assert!(identifier_problem("x: String } fn evil() {").is_some());
        assert!(identifier_problem("é").is_some());
        assert_eq!(identifier_problem("party_id"), None);
        for hostile in ["type", "1st", "x: String } fn evil() {", "", "_", "é"] {
            let safe = safe_identifier(hostile);
            assert_eq!(identifier_problem(&safe), None, "{hostile:?} -> {safe:?}");
        }
        assert_eq!(safe_identifier("partyid"), "partyid");
    }

    /// `closest` by its definition: a name equal but for case (the first, by length difference
    /// then order), else the least (distance, candidate) within the limit.
    fn closest_by_definition<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let mut sorted = candidates.to_vec();
        sorted.sort_by_key(|candidate| candidate.len().abs_diff(name.len()));
        let fold = |text: &str| {
            text.chars()
                .flat_map(char::to_lowercase)
                .collect::<String>()
        };
        if let Some(same) = sorted.iter().find(|candidate| {
            candidate.chars().count() == name.chars().count() && fold(candidate) == fold(name)
        }) {
            return Some(same);
        }
        let limit = (name.chars().count() / 3).max(1);
        candidates
            .iter()
            .map(|candidate| (edit_distance(name, candidate), *candidate))
            .filter(|(distance, _)| *distance <= limit)
            .min()
            .map(|(_, candidate)| candidate)
    }

    #[test]
    fn suggests_as_defined() {
        let candidates = [
            "voice.hold.done",
            "voice.hold",
            "voice.retrieve.done",
            "interaction.added",
            "interaction.deleted",
            "Interaction.Added",
            "partyid",
            "partystate",
            "callstate",
            "café",
        ];
        let mut names: Vec<String> = Vec::new();
        for candidate in candidates {
            names.push(candidate.to_uppercase());
            names.push(format!("{candidate}x"));
            names.push(candidate.replacen('.', "..", 1));
            names.push(candidate[1..].to_string());
            names.push(candidate.chars().rev().collect());
            names.push(candidate.replace('a', "e"));
        }
        names.extend(["zzz", "voice.hld.dne", "CAFÉ", "cafe", "x"].map(String::from));
        // With a non-ASCII candidate (the general path), and without (the path on bytes).
        let ascii: Vec<&str> = candidates.into_iter().filter(|c| c.is_ascii()).collect();
        for set in [&candidates[..], &ascii[..]] {
            for name in &names {
                assert_eq!(
                    closest(name, set.iter().copied()),
                    closest_by_definition(name, set),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn checks_event_names_and_suggests() {
        assert!(is_event_name("interaction.udata.changed"));
        assert!(!is_event_name("interaction..added"));
        assert!(!is_event_name("Interaction.added"));
        assert!(!is_event_name("interaction.2x"));
        assert_eq!(edit_distance("calstate", "callstate"), 1);
        assert_eq!(
            closest("calstate", ["callstate", "cause"]),
            Some("callstate")
        );
        assert_eq!(closest("zzz", ["callstate", "cause"]), None);
        assert_eq!(
            closest("voice.hld.done", ["voice.hold.done", "voice.hold"]),
            Some("voice.hold.done")
        );
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let mut row = Vec::new();
        for (a, b) in [
            ("kitten", "sitting"),
            ("", "abc"),
            ("abc", ""),
            ("flaw", "lawn"),
        ] {
            assert_eq!(
                bounded_edit_distance(&chars(a), &chars(b), 10, &mut row),
                Some(edit_distance(a, b))
            );
        }
        assert_eq!(
            bounded_edit_distance(&chars("abcdefgh"), &chars("hgfedcba"), 3, &mut row),
            None
        );
        assert_eq!(
            closest(
                "INTERACTION.ADDED",
                ["interaction.added", "interaction.deleted"]
            ),
            Some("interaction.added")
        );
    }
}
