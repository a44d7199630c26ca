//! Presence tests: what a condition, or one operand of it, tells about the attributes it
//! reads.

use super::{Aliases, Facts, Test, Tokens};
use crate::lint::ecmascript::Kind;

impl Tokens<'_> {
    /// What the condition `start..end` tells when it holds and when it does not.
    pub(super) fn facts(&self, start: usize, end: usize, aliases: &Aliases) -> Facts {
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
    pub(super) fn strip(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        while end > start + 1 && self.is_punct(start, "(") && self.pair(start) == Some(end - 1) {
            start += 1;
            end -= 1;
        }
        (start, end)
    }

    /// The presence test `start..end` is, if it is one.
    pub(super) fn test(&self, start: usize, end: usize, aliases: &Aliases) -> Option<Test> {
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
    pub(super) fn members(&self, mut at: usize) -> usize {
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
    pub(super) fn comparison(&self, name: &str, op: usize, other: usize) -> Option<Test> {
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
    pub(super) fn typeof_test(&self, name: &str, op: usize, other: usize) -> Option<Test> {
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
