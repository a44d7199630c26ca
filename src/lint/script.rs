//! What an ECMAScript snippet does with the event: the attributes it reads from `_event.data`
//! (directly or through a one-level alias), whether each read is guarded by a presence test,
//! and the event names it compares `_event.name` with.
//!
//! The snippet is tokenized ([`super::ecmascript`]), so nothing inside a string literal, a
//! template literal's text or a comment counts. Reads are `_event.data.NAME`,
//! `_event.data?.NAME` and `_event.data['NAME']`, and the same through an alias: a name
//! declared or assigned as exactly `_event.data` (`var d = _event.data;`), from that point on,
//! until it is assigned something else. A method call (`_event.data.hasOwnProperty(...)`) and
//! a computed key are not reads.
//!
//! A read is *tested* when it is itself a presence test (an operand of `!`, `typeof`, `&&`,
//! `||`, `??` or of a conditional's test, a comparison with `undefined` or `null`, or a whole
//! condition) or when a presence test of the same attribute guards it:
//!
//! - `x && READ`, `!x || READ`, `typeof x != 'undefined' && READ`, `x !== undefined && READ`,
//!   `'name' in _event.data && READ`, `_event.data.hasOwnProperty('name') && READ`, and
//!   `x == 'value' && READ`, at any level of parentheses;
//! - `TEST ? READ : ...` and `NEGATIVE-TEST ? ... : READ`;
//! - `if (TEST) READ` and `if (TEST) { ... READ ... }`, and the `else` of a negative test.
//!
//! Tests of the enclosing SCXML (a transition's `cond`, `<if>`/`<elseif>`/`<else>`) are the
//! linter's business: [`facts`] says what a condition tells when it holds and when it does not.

use super::ecmascript::{tokenize, Kind, Token};

/// One read of an event attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Read {
    /// The attribute's name.
    pub(crate) name: String,
    /// Where the name starts, in bytes of the script.
    pub(crate) at: usize,
    /// Whether the read is a presence test or guarded by one.
    pub(crate) tested: bool,
}

/// A string literal `_event.name` is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameLiteral {
    /// The literal's value.
    pub(crate) value: String,
    /// Where its text starts (after the quote), in bytes of the script.
    pub(crate) at: usize,
}

/// What a condition tells about attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Facts {
    /// Attributes present when it holds.
    pub(crate) when_true: Vec<String>,
    /// Attributes present when it does not.
    pub(crate) when_false: Vec<String>,
}

/// The names bound to `_event.data` at some point of executable content.
pub(crate) type Aliases = Vec<String>;

/// Every read of `script`, in order; `aliases` are the names bound to `_event.data` before it,
/// updated with what it declares. `condition` is whether the whole script is a condition
/// (a `cond`), whose operands are tests. Only the reads of attributes `gated` says matter are
/// looked at for guards (the others are never reported for their version); once the guard
/// analysis has looked at [`GUARD_BUDGET`] tokens, the remaining reads count as unguarded.
pub(crate) fn reads(
    script: &str,
    aliases: &mut Aliases,
    condition: bool,
    gated: &dyn Fn(&str) -> bool,
) -> Vec<Read> {
    let tokens = Tokens::new(script);
    let mut reads = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(name) = tokens.alias_binding(i, aliases) {
            match name {
                Binding::Bound(name) => {
                    if !aliases.contains(&name) {
                        aliases.push(name);
                    }
                }
                Binding::Unbound(name) => aliases.retain(|alias| *alias != name),
            }
        }
        if let Some(access) = tokens.access(i, aliases) {
            let tested = gated(&access.name)
                && (tokens.is_test(access.start, access.end, condition)
                    || tokens.guarded(access.start, &access.name, aliases));
            reads.push(Read {
                name: access.name,
                at: access.at,
                tested,
            });
            i = access.end;
            continue;
        }
        i += 1;
    }
    reads
}

/// What the condition `script` tells about attributes read through `_event.data` or `aliases`.
pub(crate) fn facts(script: &str, aliases: &Aliases) -> Facts {
    let tokens = Tokens::new(script);
    tokens.facts(0, tokens.len(), aliases)
}

/// Every string literal `script` compares `_event.name` with: `_event.name == 'x'` (and
/// `===`, `!=`, `!==`, either side), and `case 'x':` in a `switch (_event.name)`.
pub(crate) fn event_names(script: &str) -> Vec<NameLiteral> {
    let tokens = Tokens::new(script);
    let mut names = Vec::new();
    for i in 0..tokens.len() {
        if !tokens.is_event_name(i) {
            continue;
        }
        let end = i + 3;
        let literal = |at: usize| {
            tokens
                .get(at)
                .filter(|token| token.kind == Kind::String)
                .map(|token| NameLiteral {
                    value: token.value.clone(),
                    at: token.start + 1,
                })
        };
        let equality = |at: usize| tokens.get(at).is_some_and(|t| is_equality(t));
        if equality(end) {
            names.extend(literal(end + 1));
        }
        if i >= 2 && equality(i - 1) {
            names.extend(literal(i - 2));
        }
        // switch (_event.name) { case 'x': ... }
        let header = i >= 2 && tokens.is_punct(i - 1, "(") && tokens.is_word(i - 2, "switch");
        if header && tokens.is_punct(end, ")") && tokens.is_punct(end + 1, "{") {
            if let Some(close) = tokens.pair(end + 1) {
                let mut at = end + 2;
                while at < close {
                    if tokens.is_word(at, "case") && tokens.is_punct(at + 2, ":") {
                        names.extend(literal(at + 1));
                    }
                    at = tokens
                        .pair(at)
                        .filter(|close| *close > at)
                        .map_or(at + 1, |close| close + 1);
                }
            }
        }
    }
    names
}

fn is_equality(token: &Token<'_>) -> bool {
    ["==", "===", "!=", "!=="].iter().any(|op| token.is(op))
}

/// Control keywords whose parenthesised header is a condition.
const CONDITION_HEADERS: &[&str] = &["if", "while"];

struct Access {
    name: String,
    at: usize,
    start: usize,
    end: usize,
}

enum Binding {
    Bound(String),
    Unbound(String),
}

/// A presence test: the attribute, and whether it is present when the test holds.
struct Test {
    name: String,
    present_when_true: bool,
}

/// Tokens with their brackets paired.
/// How many tokens the guard analysis of one script may look at in all: beyond it, reads count
/// as unguarded, so that no script, however long one expression in it is, takes long.
pub(crate) const GUARD_BUDGET: usize = 4_000_000;

struct Tokens<'a> {
    tokens: Vec<Token<'a>>,
    /// Tokens the guard analysis has looked at so far.
    work: std::cell::Cell<usize>,
    pairs: Vec<Option<usize>>,
    /// For each token, the opening bracket of the innermost paired group holding it.
    parents: Vec<Option<usize>>,
}

impl<'a> Tokens<'a> {
    fn new(script: &'a str) -> Self {
        let tokens = tokenize(script);
        let mut pairs = vec![None; tokens.len()];
        let mut open: Vec<usize> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if token.kind != Kind::Punct {
                continue;
            }
            match token.text {
                "(" | "[" | "{" => open.push(i),
                ")" | "]" | "}" => {
                    let opener = match token.text {
                        ")" => "(",
                        "]" => "[",
                        _ => "{",
                    };
                    if let Some(position) = open.iter().rposition(|o| tokens[*o].text == opener) {
                        let o = open[position];
                        open.truncate(position);
                        pairs[o] = Some(i);
                        pairs[i] = Some(o);
                    }
                }
                _ => {}
            }
        }
        let mut parents = vec![None; tokens.len()];
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for (i, parent) in parents.iter_mut().enumerate() {
            while groups.last().is_some_and(|(_, close)| *close <= i) {
                groups.pop();
            }
            *parent = groups.last().map(|(open, _)| *open);
            if let Some(close) = pairs[i].filter(|close| *close > i) {
                groups.push((i, close));
            }
        }
        Tokens {
            tokens,
            work: std::cell::Cell::new(0),
            pairs,
            parents,
        }
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }

    fn get(&self, i: usize) -> Option<&Token<'a>> {
        self.tokens.get(i)
    }

    fn pair(&self, i: usize) -> Option<usize> {
        self.pairs.get(i).copied().flatten()
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.get(i).is_some_and(|t| t.is(p))
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        self.get(i).is_some_and(|t| t.is_word(word))
    }

    /// Whether token `i` starts a name of its own (not a member: no `.` before it).
    fn is_free(&self, i: usize) -> bool {
        i == 0 || !(self.is_punct(i - 1, ".") || self.is_punct(i - 1, "?."))
    }

    fn is_dot(&self, i: usize) -> bool {
        self.is_punct(i, ".") || self.is_punct(i, "?.")
    }

    /// `_event.name` at `i`.
    fn is_event_name(&self, i: usize) -> bool {
        self.is_word(i, "_event")
            && self.is_free(i)
            && self.is_dot(i + 1)
            && self.is_word(i + 2, "name")
            && !self.is_punct(i + 3, "(")
    }

    /// `_event.data` at `i`: the index after it.
    fn event_data(&self, i: usize) -> Option<usize> {
        (self.is_word(i, "_event")
            && self.is_free(i)
            && self.is_dot(i + 1)
            && self.is_word(i + 2, "data"))
        .then_some(i + 3)
    }

    /// `_event.data` or an alias of it at `i`: the index after it.
    fn base(&self, i: usize, aliases: &Aliases) -> Option<usize> {
        if let Some(end) = self.event_data(i) {
            return Some(end);
        }
        let token = self.get(i)?;
        let alias = token.kind == Kind::Identifier
            && aliases.iter().any(|alias| alias == token.text)
            && self.is_free(i);
        alias.then_some(i + 1)
    }

    /// A read at `i`.
    fn access(&self, i: usize, aliases: &Aliases) -> Option<Access> {
        let after = self.base(i, aliases)?;
        let name_at = if self.is_punct(after, "?.") && self.is_punct(after + 1, "[") {
            after + 1
        } else {
            after
        };
        if self.is_dot(name_at) {
            let name = self.get(name_at + 1)?;
            if name.kind != Kind::Identifier || self.is_punct(name_at + 2, "(") {
                return None;
            }
            return Some(Access {
                name: name.text.to_owned(),
                at: name.start,
                start: i,
                end: name_at + 2,
            });
        }
        if self.is_punct(name_at, "[") && self.is_punct(name_at + 2, "]") {
            let key = self.get(name_at + 1)?;
            if key.kind != Kind::String || key.value.is_empty() || self.is_punct(name_at + 3, "(") {
                return None;
            }
            return Some(Access {
                name: key.value.clone(),
                at: key.start + 1,
                start: i,
                end: name_at + 3,
            });
        }
        None
    }

    /// `var d = _event.data` (or `let`, `const`, a plain `d = ...`) at `i`: the name bound, or
    /// a known alias assigned something else.
    fn alias_binding(&self, i: usize, aliases: &Aliases) -> Option<Binding> {
        let name = self.get(i)?;
        if name.kind != Kind::Identifier || !self.is_free(i) || !self.is_punct(i + 1, "=") {
            return None;
        }
        let bound = self.event_data(i + 2).is_some_and(|end| {
            self.get(end)
                .is_none_or(|next| [";", ",", ")", "}"].iter().any(|p| next.is(p)))
        });
        if bound {
            Some(Binding::Bound(name.text.to_owned()))
        } else if aliases.iter().any(|alias| alias == name.text) {
            Some(Binding::Unbound(name.text.to_owned()))
        } else {
            None
        }
    }

    /// `start..end`, its enclosing parentheses included.
    fn widen(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        while start > 0 && self.is_punct(start - 1, "(") && self.pair(start - 1) == Some(end) {
            if start >= 2 && self.is_condition_header(start - 1) {
                break;
            }
            start -= 1;
            end += 1;
        }
        (start, end)
    }

    /// Whether the `(` at `open` is the header of an `if` or `while`.
    fn is_condition_header(&self, open: usize) -> bool {
        open >= 1
            && self.is_punct(open, "(")
            && CONDITION_HEADERS
                .iter()
                .any(|word| self.is_word(open - 1, word))
    }

    /// Whether the read at `start..end` is itself a presence test.
    fn is_test(&self, start: usize, end: usize, condition: bool) -> bool {
        let (start, end) = self.widen(start, end);
        let before = start.checked_sub(1).and_then(|i| self.get(i));
        let after = self.get(end);
        let is = |token: Option<&Token<'_>>, ops: &[&str]| {
            token.is_some_and(|t| ops.iter().any(|op| t.is(op)))
        };
        if before.is_some_and(|t| t.is("!") || t.is_word("typeof")) {
            return true;
        }
        if is(after, &["&&", "||", "??", "?"]) {
            return true;
        }
        let ends = after.is_none() || is(after, &[")", ";", ",", ":", "}", "]"]);
        if is(before, &["&&", "||", "??"]) && ends {
            return true;
        }
        if start >= 1 && self.is_condition_header(start - 1) && self.is_punct(end, ")") {
            return true;
        }
        if condition && start == 0 && end == self.len() {
            return true;
        }
        let nothing = |i: usize| self.is_word(i, "undefined") || self.is_word(i, "null");
        let loose = |i: usize| self.is_punct(i, "==") || self.is_punct(i, "!=");
        let strict = |i: usize| self.is_punct(i, "===") || self.is_punct(i, "!==");
        let compared = |op: usize, other: usize| {
            (loose(op) && nothing(other)) || (strict(op) && self.is_word(other, "undefined"))
        };
        compared(end, end + 1) || (start >= 2 && compared(start - 1, start - 2))
    }
}

mod guards;
mod presence;
#[cfg(test)]
mod tests;
