//! Whether a presence test guards a read: the `&&`/`||` chains, conditionals, `if`
//! statements and `else`s around it, level by level of brackets.

use super::{Aliases, Tokens};
use crate::lint::ecmascript::{Kind, Token};

/// Keywords that end an expression on their left.
const STATEMENT_WORDS: &[&str] = &[
    "return", "var", "let", "const", "case", "throw", "else", "do", "yield",
];

/// Punctuators that end an expression.
const BOUNDARIES: &[&str] = &[
    ";", ",", "?", ":", "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=",
    "**=", "&&=", "||=", "??=", "=>", "{", "}",
];

impl Tokens<'_> {
    /// Whether a presence test of `name` guards the token at `focus`.
    pub(super) fn guarded(&self, mut focus: usize, name: &str, aliases: &Aliases) -> bool {
        loop {
            if self.work.get() > super::GUARD_BUDGET {
                return false;
            }
            let (low, high) = self.enclosing(focus);
            let (start, end) = self.segment(low, high, focus);
            self.work.set(self.work.get() + (end - start) + 1);
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
    pub(super) fn enclosing(&self, i: usize) -> (usize, usize) {
        let open = self.parents.get(i).copied().flatten();
        match open.and_then(|open| Some((open + 1, self.pair(open)?))) {
            Some(range) => range,
            None => (0, self.len()),
        }
    }

    /// The expression around `focus` within `low..high`: between the boundaries on its left
    /// and right at its own level.
    pub(super) fn segment(&self, low: usize, high: usize, focus: usize) -> (usize, usize) {
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

    pub(super) fn ends_expression(&self, token: &Token<'_>) -> bool {
        (token.kind == Kind::Punct && BOUNDARIES.contains(&token.text))
            || (token.kind == Kind::Identifier && STATEMENT_WORDS.contains(&token.text))
    }

    /// Whether the `(` at `open` is a control statement's header.
    pub(super) fn is_control_header(&self, open: usize) -> bool {
        open >= 1
            && ["if", "while", "for", "switch", "catch", "with", "function"]
                .iter()
                .any(|word| self.is_word(open - 1, word))
    }

    /// `start..end` split at `op` on its own level.
    pub(super) fn split(&self, start: usize, end: usize, op: &str) -> Vec<(usize, usize)> {
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
    pub(super) fn chain_guards(
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

    pub(super) fn present_when_true(
        &self,
        start: usize,
        end: usize,
        name: &str,
        aliases: &Aliases,
    ) -> bool {
        self.test(start, end, aliases)
            .is_some_and(|test| test.name == name && test.present_when_true)
    }

    /// A conditional's test or an `if` header just left of an expression starting at `start`.
    pub(super) fn left_guards(
        &self,
        low: usize,
        start: usize,
        name: &str,
        aliases: &Aliases,
    ) -> bool {
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
    pub(super) fn statement_guards(
        &self,
        low: usize,
        start: usize,
        name: &str,
        aliases: &Aliases,
    ) -> bool {
        let mut at = start;
        while at > low {
            at -= 1;
            self.work.set(self.work.get() + 1);
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
    pub(super) fn matching_question(&self, low: usize, colon: usize) -> Option<usize> {
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
    pub(super) fn block_guards(&self, open: usize, name: &str, aliases: &Aliases) -> bool {
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
    pub(super) fn header_guards(&self, open: usize, name: &str, aliases: &Aliases) -> bool {
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
    pub(super) fn else_guards(&self, at: usize, name: &str, aliases: &Aliases) -> bool {
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
}
