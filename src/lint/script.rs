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
/// (a `cond`), whose operands are tests.
pub(crate) fn reads(script: &str, aliases: &mut Aliases, condition: bool) -> Vec<Read> {
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
            let tested = tokens.is_test(access.start, access.end, condition)
                || tokens.guarded(access.start, &access.name, aliases);
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

/// Keywords that end an expression on their left.
const STATEMENT_WORDS: &[&str] = &[
    "return", "var", "let", "const", "case", "throw", "else", "do", "yield",
];

/// Control keywords whose parenthesised header is a condition.
const CONDITION_HEADERS: &[&str] = &["if", "while"];

/// Punctuators that end an expression.
const BOUNDARIES: &[&str] = &[
    ";", ",", "?", ":", "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=",
    "**=", "&&=", "||=", "??=", "=>", "{", "}",
];

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
struct Tokens<'a> {
    tokens: Vec<Token<'a>>,
    pairs: Vec<Option<usize>>,
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
        Tokens { tokens, pairs }
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

    /// Whether a presence test of `name` guards the token at `focus`.
    fn guarded(&self, mut focus: usize, name: &str, aliases: &Aliases) -> bool {
        loop {
            let (low, high) = self.enclosing(focus);
            let (start, end) = self.segment(low, high, focus);
            if self.chain_guards(start, end, focus, name, aliases)
                || self.left_guards(low, start, name, aliases)
            {
                return true;
            }
            if low == 0 {
                return false;
            }
            let opener = low - 1;
            if self.is_punct(opener, "{") && self.block_guards(opener, name, aliases) {
                return true;
            }
            focus = opener;
        }
    }

    /// The content of the innermost bracket group holding `i`, or the whole script.
    fn enclosing(&self, i: usize) -> (usize, usize) {
        let mut at = i;
        while at > 0 {
            at -= 1;
            match self.pair(at) {
                Some(close) if close > at && close > i => return (at + 1, close),
                Some(open) if open < at => at = open,
                _ => {}
            }
        }
        (0, self.len())
    }

    /// The expression around `focus` within `low..high`: between the boundaries on its left
    /// and right at its own level.
    fn segment(&self, low: usize, high: usize, focus: usize) -> (usize, usize) {
        let mut start = focus;
        while start > low {
            let token = &self.tokens[start - 1];
            if token.is(")") || token.is("]") {
                match self.pair(start - 1) {
                    Some(open) if open >= low && !self.is_control_header(open) => {
                        start = open;
                        continue;
                    }
                    _ => break,
                }
            }
            if self.ends_expression(token) {
                break;
            }
            start -= 1;
        }
        let mut end = focus;
        while end < high {
            let token = &self.tokens[end];
            if (token.is("(") || token.is("[") || token.is("{")) && end == focus {
                end = self.pair(end).map_or(end + 1, |close| close + 1);
                continue;
            }
            if token.is("(") || token.is("[") {
                end = self.pair(end).map_or(end + 1, |close| close + 1);
                continue;
            }
            if self.ends_expression(token) {
                break;
            }
            end += 1;
        }
        (start, end.min(high))
    }

    fn ends_expression(&self, token: &Token<'_>) -> bool {
        (token.kind == Kind::Punct && BOUNDARIES.contains(&token.text))
            || (token.kind == Kind::Identifier && STATEMENT_WORDS.contains(&token.text))
    }

    /// Whether the `(` at `open` is a control statement's header.
    fn is_control_header(&self, open: usize) -> bool {
        open >= 1
            && ["if", "while", "for", "switch", "catch", "with", "function"]
                .iter()
                .any(|word| self.is_word(open - 1, word))
    }

    /// `start..end` split at `op` on its own level.
    fn split(&self, start: usize, end: usize, op: &str) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let mut from = start;
        let mut at = start;
        while at < end {
            if self.is_punct(at, op) {
                parts.push((from, at));
                from = at + 1;
            } else if let Some(close) = self.pair(at).filter(|close| *close > at && *close < end) {
                at = close;
            }
            at += 1;
        }
        parts.push((from, end));
        parts
    }

    /// A negative test in an earlier `||` operand, or a positive one in an earlier `&&` term.
    fn chain_guards(
        &self,
        start: usize,
        end: usize,
        focus: usize,
        name: &str,
        aliases: &Aliases,
    ) -> bool {
        let operands = self.split(start, end, "||");
        let Some(index) = operands.iter().position(|(s, e)| (*s..*e).contains(&focus)) else {
            return false;
        };
        let negative = operands[..index].iter().any(|(s, e)| {
            self.test(*s, *e, aliases)
                .is_some_and(|test| test.name == name && !test.present_when_true)
        });
        if negative {
            return true;
        }
        let (s, e) = operands[index];
        let terms = self.split(s, e, "&&");
        terms
            .iter()
            .take_while(|(s, e)| !(*s..*e).contains(&focus))
            .any(|(s, e)| self.present_when_true(*s, *e, name, aliases))
    }

    fn present_when_true(&self, start: usize, end: usize, name: &str, aliases: &Aliases) -> bool {
        self.test(start, end, aliases)
            .is_some_and(|test| test.name == name && test.present_when_true)
    }

    /// A conditional's test or an `if` header just left of an expression starting at `start`.
    fn left_guards(&self, low: usize, start: usize, name: &str, aliases: &Aliases) -> bool {
        if start <= low {
            return false;
        }
        let before = start - 1;
        if self.is_punct(before, "?") {
            let (s, _) = self.segment(low, before, before);
            if self
                .facts(s, before, aliases)
                .when_true
                .iter()
                .any(|n| n == name)
            {
                return true;
            }
        }
        if self.is_punct(before, ":") {
            if let Some(question) = self.matching_question(low, before) {
                let (s, _) = self.segment(low, question, question);
                let facts = self.facts(s, question, aliases);
                if facts.when_false.iter().any(|n| n == name) {
                    return true;
                }
            }
        }
        self.statement_guards(low, start, name, aliases)
    }

    /// An `if` header or an `else` that the statement holding `start` follows.
    fn statement_guards(&self, low: usize, start: usize, name: &str, aliases: &Aliases) -> bool {
        let mut at = start;
        while at > low {
            at -= 1;
            let token = &self.tokens[at];
            if token.is(")") || token.is("]") {
                match self.pair(at) {
                    Some(open) if self.is_control_header(open) => {
                        return self.header_guards(open, name, aliases)
                    }
                    Some(open) if open < at => at = open,
                    _ => return false,
                }
            } else if token.is_word("else") {
                return self.else_guards(at, name, aliases);
            } else if token.is(";") || token.is("{") || token.is("}") {
                return false;
            }
        }
        false
    }

    /// The `?` of the conditional whose `:` is at `colon`.
    fn matching_question(&self, low: usize, colon: usize) -> Option<usize> {
        let mut depth = 0usize;
        let mut at = colon;
        while at > low {
            at -= 1;
            if let Some(open) = self.pair(at).filter(|open| *open < at) {
                at = open;
                continue;
            }
            if self.is_punct(at, ":") {
                depth += 1;
            } else if self.is_punct(at, "?") {
                if depth == 0 {
                    return Some(at);
                }
                depth -= 1;
            } else if self.is_punct(at, ";") || self.is_punct(at, "{") {
                return None;
            }
        }
        None
    }

    /// Whether the block opened at `open` runs only when `name` is present.
    fn block_guards(&self, open: usize, name: &str, aliases: &Aliases) -> bool {
        if open == 0 {
            return false;
        }
        let before = open - 1;
        if self.is_punct(before, ")") {
            return self
                .pair(before)
                .is_some_and(|header| self.header_guards(header, name, aliases));
        }
        self.is_word(before, "else") && self.else_guards(before, name, aliases)
    }

    /// Whether the statement after the header `(` at `open` runs only when `name` is present:
    /// its own test, and the tests of the `if`s an `else if` follows.
    fn header_guards(&self, open: usize, name: &str, aliases: &Aliases) -> bool {
        if !self.is_condition_header(open) {
            return false;
        }
        let Some(close) = self.pair(open) else {
            return false;
        };
        if self
            .facts(open + 1, close, aliases)
            .when_true
            .iter()
            .any(|n| n == name)
        {
            return true;
        }
        open >= 2 && self.is_word(open - 2, "else") && self.else_guards(open - 2, name, aliases)
    }

    /// Whether the `else` at `at` runs only when `name` is present: a negative test in the
    /// `if` it belongs to, or in an earlier `if` of the chain.
    fn else_guards(&self, at: usize, name: &str, aliases: &Aliases) -> bool {
        let Some(before) = at.checked_sub(1) else {
            return false;
        };
        // The `if` statement's body: a block, or a statement ending with `;`.
        let body_start = if self.is_punct(before, "}") {
            self.pair(before)
        } else {
            let mut i = before;
            while i > 0 && !self.is_punct(i - 1, ")") {
                i -= 1;
            }
            Some(i)
        };
        let Some(header_close) = body_start.and_then(|start| start.checked_sub(1)) else {
            return false;
        };
        let Some(open) = self.pair(header_close) else {
            return false;
        };
        if !self.is_condition_header(open) || !self.is_word(open - 1, "if") {
            return false;
        }
        if self
            .facts(open + 1, header_close, aliases)
            .when_false
            .iter()
            .any(|n| n == name)
        {
            return true;
        }
        open >= 2 && self.is_word(open - 2, "else") && self.else_guards(open - 2, name, aliases)
    }

    /// What the condition `start..end` tells when it holds and when it does not.
    fn facts(&self, start: usize, end: usize, aliases: &Aliases) -> Facts {
        let (start, end) = self.strip(start, end);
        let mut facts = Facts::default();
        let operands = self.split(start, end, "||");
        if let [(s, e)] = operands.as_slice() {
            let terms = self.split(*s, *e, "&&");
            for (s, e) in &terms {
                if let Some(test) = self.test(*s, *e, aliases) {
                    if test.present_when_true {
                        facts.when_true.push(test.name);
                    } else if terms.len() == 1 {
                        facts.when_false.push(test.name);
                    }
                }
            }
        } else {
            for (s, e) in operands {
                if let Some(test) = self.test(s, e, aliases) {
                    if !test.present_when_true {
                        facts.when_false.push(test.name);
                    }
                }
            }
        }
        facts
    }

    /// `start..end` without the parentheses around all of it.
    fn strip(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        while end > start + 1 && self.is_punct(start, "(") && self.pair(start) == Some(end - 1) {
            start += 1;
            end -= 1;
        }
        (start, end)
    }

    /// The presence test `start..end` is, if it is one.
    fn test(&self, start: usize, end: usize, aliases: &Aliases) -> Option<Test> {
        let (start, end) = self.strip(start, end);
        if self.is_punct(start, "!") {
            return self.test(start + 1, end, aliases).map(|test| Test {
                name: test.name,
                present_when_true: !test.present_when_true,
            });
        }
        if let Some(access) = self.access(start, aliases) {
            // `x.callstate == 2` holds only when `x` is there.
            let members = self.members(access.end);
            let test = if members == end {
                Some(Test {
                    name: access.name,
                    present_when_true: true,
                })
            } else if members + 2 == end {
                self.comparison(&access.name, members, members + 1)
            } else {
                None
            };
            return test.filter(|test| members == access.end || test.present_when_true);
        }
        if self.is_word(start, "typeof") {
            let access = self.access(start + 1, aliases)?;
            if access.end + 2 == end {
                return self.typeof_test(&access.name, access.end, access.end + 1);
            }
            return None;
        }
        let first = self.get(start)?;
        if first.kind == Kind::String && self.is_word(start + 1, "in") {
            let base = self.base(start + 2, aliases)?;
            return (base == end).then(|| Test {
                name: first.value.clone(),
                present_when_true: true,
            });
        }
        if let Some(base) = self.base(start, aliases) {
            let key = self.get(base + 3)?;
            let call = self.is_punct(base, ".")
                && self.is_word(base + 1, "hasOwnProperty")
                && self.is_punct(base + 2, "(")
                && key.kind == Kind::String
                && self.is_punct(base + 4, ")")
                && base + 5 == end;
            return call.then(|| Test {
                name: key.value.clone(),
                present_when_true: true,
            });
        }
        // The reversed forms: `undefined != x`, `'undefined' != typeof x`, `'v' == x`.
        if end >= start + 3 {
            if let Some(access) = self.access(start + 2, aliases) {
                if access.end == end {
                    return self.comparison(&access.name, start + 1, start);
                }
            }
            if self.is_word(start + 2, "typeof") {
                let access = self.access(start + 3, aliases)?;
                if access.end == end {
                    return self.typeof_test(&access.name, start + 1, start);
                }
            }
        }
        None
    }

    /// The index after the member accesses (`.a`, `?.a`, `[k]`) starting at `at`.
    fn members(&self, mut at: usize) -> usize {
        loop {
            if self.is_dot(at) && self.get(at + 1).is_some_and(|t| t.kind == Kind::Identifier) {
                at += 2;
            } else if let Some(close) = self
                .pair(at)
                .filter(|close| self.is_punct(at, "[") && *close > at)
            {
                at = close + 1;
            } else {
                return at;
            }
        }
    }

    /// `x OP other`: a comparison with `undefined`, `null` or a literal value.
    fn comparison(&self, name: &str, op: usize, other: usize) -> Option<Test> {
        let op = self.get(op)?;
        let other = self.get(other)?;
        let negated = op.is("!=") || op.is("!==");
        let strict = op.is("===") || op.is("!==");
        if !(negated || op.is("==") || strict) {
            return None;
        }
        let test = |present_when_true| {
            Some(Test {
                name: name.to_owned(),
                present_when_true,
            })
        };
        if other.is_word("undefined") || (other.is_word("null") && !strict) {
            return test(negated);
        }
        let value = matches!(other.kind, Kind::String | Kind::Number)
            || other.is_word("true")
            || other.is_word("false");
        if value && !negated {
            return test(true);
        }
        None
    }

    /// `typeof x OP 'undefined'`.
    fn typeof_test(&self, name: &str, op: usize, other: usize) -> Option<Test> {
        let op = self.get(op)?;
        let other = self.get(other)?;
        if other.kind != Kind::String || other.value != "undefined" {
            return None;
        }
        let negated = op.is("!=") || op.is("!==");
        (negated || op.is("==") || op.is("===")).then(|| Test {
            name: name.to_owned(),
            present_when_true: negated,
        })
    }
}

#[cfg(test)]
mod tests;
