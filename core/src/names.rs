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
    closest_of(name, candidates, false)
}

/// [`closest`] among candidates that are all ASCII (event names and attribute names of a
/// checked catalogue are): the same answer, without checking each candidate for being ASCII.
/// A candidate that is not ASCII makes the answer unspecified (it may be missed), never a
/// panic.
pub fn closest_among_ascii<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest_of(name, candidates, true)
}

fn closest_of<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    known_ascii: bool,
) -> Option<&'a str> {
    // Characters are bytes in an ASCII name (most are), counted without decoding.
    let chars = if name.is_ascii() {
        name.len()
    } else {
        name.chars().count()
    };
    let limit = (chars / 3).max(1);
    // Room for a few at once: an iterator that cannot tell its length would grow it step by step.
    let candidates = candidates.into_iter();
    let mut list: Vec<&'a str> = Vec::with_capacity(candidates.size_hint().0.max(16));
    list.extend(candidates);
    let mut candidates = list;
    if name.is_ascii() {
        if let Some(found) = closest_ascii(name, &mut candidates, limit, known_ascii) {
            return found;
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

/// [`closest`] for an ASCII `name`, on bytes (which are its characters), when that gives the
/// same answer: `None` when a candidate that is not ASCII could change it (then the caller
/// goes on on characters).
///
/// One pass finds the first candidate equal but for case and the least of those one edit
/// away; most misspellings are one edit away, and this finds them without the table. It
/// checks only the candidates that could be either for being ASCII: a candidate that is not
/// ASCII is at least one edit away (its other characters cannot match an ASCII name), so it is
/// one edit away only with one character of at most four bytes (at most four bytes longer
/// than `name`, at least as long); and it is equal but for case only through KELVIN SIGN
/// (three bytes, lowercased to `k`), so exactly two bytes longer per sign. Candidates
/// further off are checked only when the table is needed.
fn closest_ascii<'a>(
    name: &str,
    candidates: &mut Vec<&'a str>,
    limit: usize,
    known_ascii: bool,
) -> Option<Option<&'a str>> {
    let len = name.len();
    let (mut same, mut near): (Option<&'a str>, Option<&'a str>) = (None, None);
    for &candidate in candidates.iter() {
        if candidate.len() + 1 < len || candidate.len() > len + 4 {
            continue;
        }
        if !known_ascii && !candidate.is_ascii() {
            return None;
        }
        if candidate.len().abs_diff(len) > 1 {
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
    // A candidate equal but for case has `name`'s length: it comes first in every order.
    if same.is_some() || (known_ascii && near.is_some()) {
        return Some(same.or(near));
    }
    let unchecked = |candidate: &str| candidate.len() + 1 < len || candidate.len() > len + 4;
    if near.is_some() {
        // Only a candidate equal but for case could come before it: one with KELVIN SIGNs.
        let kelvin =
            |candidate: &&str| candidate.len() > len + 4 && (candidate.len() - len) % 2 == 0;
        if candidates
            .iter()
            .all(|candidate| !kelvin(candidate) || candidate.is_ascii())
        {
            return Some(near);
        }
        return None;
    }
    if !known_ascii
        && !candidates
            .iter()
            .all(|candidate| !unchecked(candidate) || candidate.is_ascii())
    {
        return None;
    }
    // Candidates whose letters alone differ by more than the limit cannot be within it: most
    // are dropped before the table, which costs ten times the count.
    if let Some(letters) = Letters::of(name.as_bytes()) {
        candidates.retain(|candidate| {
            candidate.len().abs_diff(len) <= limit && letters.bound(candidate.as_bytes()) <= limit
        });
    }
    sort_by_length(candidates, name);
    Some(nearest(name.as_bytes(), candidates, limit, str::as_bytes))
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

/// How many times each ASCII byte occurs in a name: for a lower bound of its edit distance to
/// others (each edit changes at most one letter's count on each side).
struct Letters {
    counts: [u16; 128],
    len: usize,
}

impl Letters {
    /// The letters of `name`, ASCII and shorter than the counts can hold.
    fn of(name: &[u8]) -> Option<Self> {
        if name.len() > usize::from(u16::MAX) || !name.is_ascii() {
            return None;
        }
        let mut counts = [0u16; 128];
        for &byte in name {
            counts[usize::from(byte)] += 1;
        }
        Some(Letters {
            counts,
            len: name.len(),
        })
    }

    /// A lower bound of the edit distance from the name to `other` (ASCII): the larger of the
    /// letters only `other` has and those only the name has, counted with multiplicity.
    fn bound(&self, other: &[u8]) -> usize {
        let mut counts = self.counts;
        let mut shared = 0;
        for &byte in other {
            if let Some(count) = counts
                .get_mut(usize::from(byte))
                .filter(|count| **count > 0)
            {
                *count -= 1;
                shared += 1;
            }
        }
        (other.len() - shared).max(self.len - shared)
    }
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
        // Candidates that are not ASCII but one edit away (a character of three bytes), or
        // equal but for case through KELVIN SIGN, beside ASCII ones one edit away.
        let exotic = [
            "caf€",
            "cafx",
            "\u{212A}ilometre",
            "kilometrx",
            "x\u{212A}\u{212A}\u{212A}\u{212A}\u{212A}y",
            "xkkkkkz",
        ];
        let exotic_names = ["cafe", "kilometre", "KILOMETRE", "xkkkkky", "cafë"];
        for name in exotic_names {
            for set in [&exotic[..], &exotic[1..2], &exotic[2..4], &exotic[4..]] {
                assert_eq!(
                    closest(name, set.iter().copied()),
                    closest_by_definition(name, set),
                    "{name} in {set:?}"
                );
            }
        }
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
        for name in &names {
            assert_eq!(
                closest_among_ascii(name, ascii.iter().copied()),
                closest_by_definition(name, &ascii),
                "{name}"
            );
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
