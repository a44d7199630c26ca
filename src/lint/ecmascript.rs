//! An ECMAScript tokenizer, enough to tell code from what is not code.
//!
//! It splits a script into identifiers (keywords included), numbers, string literals, the
//! literal parts of template literals, regular expression literals and punctuators, and drops
//! whitespace and comments (`//`, `/* */`). Template substitutions (`${...}`) are code and are
//! tokenized as such. A `/` starts a regular expression where an expression may start (after a
//! punctuator other than `)`, `]` and `}`, after a keyword such as `return` or `typeof`, or at
//! the start), and is division elsewhere, which is how every ECMAScript parser decides it.
//!
//! It never fails: an unterminated string, template, comment or regular expression ends at the
//! end of its line (strings, regular expressions) or of the text, and anything else it does
//! not know is a one-character punctuator. Offsets are byte offsets into the script.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A name or keyword: `_event`, `typeof`, `var`.
    Identifier,
    /// A numeric literal.
    Number,
    /// A string literal; its value is in [`Token::value`].
    String,
    /// A literal part of a template literal (code between its parts is tokenized).
    Template,
    /// A regular expression literal.
    Regex,
    /// An operator or other punctuation: `.`, `?.`, `===`, `&&`, `(`.
    Punct,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// What it is.
    pub(crate) kind: Kind,
    /// Its text as written (a string literal with its quotes).
    pub(crate) text: &'a str,
    /// Where it starts, in bytes of the script.
    pub(crate) start: usize,
    /// A string literal's value, escapes resolved (empty for other tokens).
    pub(crate) value: String,
}

impl Token<'_> {
    /// Whether it is the punctuator `p`.
    pub(crate) fn is(&self, p: &str) -> bool {
        self.kind == Kind::Punct && self.text == p
    }

    /// Whether it is the identifier or keyword `name`.
    pub(crate) fn is_word(&self, name: &str) -> bool {
        self.kind == Kind::Identifier && self.text == name
    }
}

/// Punctuators, longest first.
const PUNCTUATORS: &[&str] = &[
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
    "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    "**", "<<", ">>",
];

/// Keywords after which a `/` starts a regular expression.
const BEFORE_EXPRESSION: &[&str] = &[
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
    "await",
];

/// The tokens of `script`, in order.
pub(crate) fn tokenize(script: &str) -> Vec<Token<'_>> {
    let mut tokenizer = Tokenizer {
        script,
        at: 0,
        tokens: Vec::new(),
        templates: Vec::new(),
        braces: 0,
    };
    tokenizer.run();
    tokenizer.tokens
}

struct Tokenizer<'a> {
    script: &'a str,
    at: usize,
    tokens: Vec<Token<'a>>,
    /// For each template substitution we are in, the brace depth at its `${`.
    templates: Vec<usize>,
    braces: usize,
}

impl<'a> Tokenizer<'a> {
    fn rest(&self) -> &'a str {
        self.script.get(self.at..).unwrap_or("")
    }

    fn push(&mut self, kind: Kind, end: usize, value: String) {
        let text = self.script.get(self.at..end).unwrap_or("");
        self.tokens.push(Token {
            kind,
            text,
            start: self.at,
            value,
        });
        self.at = end;
    }

    fn run(&mut self) {
        while let Some(c) = self.rest().chars().next() {
            let rest = self.rest();
            if c.is_whitespace() {
                self.at += c.len_utf8();
            } else if rest.starts_with("//") {
                self.at += rest.find(['\n', '\r']).unwrap_or(rest.len());
            } else if let Some(comment) = rest.strip_prefix("/*") {
                self.at += comment.find("*/").map_or(rest.len(), |end| end + 4);
            } else if c == '\'' || c == '"' {
                self.string(c);
            } else if c == '`' {
                self.template(1);
            } else if c == '}' && self.templates.last() == Some(&self.braces) {
                self.templates.pop();
                self.template(1);
            } else if c.is_ascii_digit()
                || (c == '.' && rest[1..].starts_with(|d: char| d.is_ascii_digit()))
            {
                self.number();
            } else if is_identifier_start(c) {
                let end = rest
                    .find(|c: char| !is_identifier_part(c))
                    .unwrap_or(rest.len());
                self.push(Kind::Identifier, self.at + end, String::new());
            } else if c == '/' && self.regex_allowed() {
                self.regex();
            } else {
                self.punctuator(c);
            }
        }
    }

    fn string(&mut self, quote: char) {
        let rest = self.rest();
        let mut value = String::new();
        let mut chars = rest.char_indices().skip(1);
        let mut end = rest.len();
        while let Some((at, c)) = chars.next() {
            match c {
                c if c == quote => {
                    end = at + 1;
                    break;
                }
                '\n' | '\r' => {
                    end = at;
                    break;
                }
                '\\' => match chars.next() {
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, 't')) => value.push('\t'),
                    Some((_, '\r' | '\n')) => {}
                    Some((_, escaped)) => value.push(escaped),
                    None => {}
                },
                c => value.push(c),
            }
        }
        self.push(Kind::String, self.at + end, value);
    }

    /// A template part from `skip` bytes in, up to its closing `` ` `` or a `${`.
    fn template(&mut self, skip: usize) {
        let rest = self.rest();
        let mut chars = rest.char_indices().skip(skip);
        let mut end = rest.len();
        while let Some((at, c)) = chars.next() {
            match c {
                '`' => {
                    end = at + 1;
                    break;
                }
                '\\' => {
                    chars.next();
                }
                '$' if rest[at..].starts_with("${") => {
                    end = at + 2;
                    self.templates.push(self.braces);
                    break;
                }
                _ => {}
            }
        }
        self.push(Kind::Template, self.at + end, String::new());
    }

    fn number(&mut self) {
        let rest = self.rest();
        let mut end = 0;
        let mut previous = ' ';
        for (at, c) in rest.char_indices() {
            let sign = (c == '+' || c == '-') && matches!(previous, 'e' | 'E') && !is_hex(rest);
            if !(c.is_ascii_alphanumeric() || c == '.' || c == '_' || sign) {
                break;
            }
            end = at + c.len_utf8();
            previous = c;
        }
        self.push(Kind::Number, self.at + end, String::new());
    }

    fn regex_allowed(&self) -> bool {
        match self.tokens.last() {
            None => true,
            Some(token) => match token.kind {
                Kind::Punct => !matches!(token.text, ")" | "]" | "}"),
                Kind::Identifier => BEFORE_EXPRESSION.contains(&token.text),
                _ => false,
            },
        }
    }

    fn regex(&mut self) {
        let rest = self.rest();
        let mut in_class = false;
        let mut chars = rest.char_indices().skip(1);
        let mut close = None;
        while let Some((at, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '[' => in_class = true,
                ']' => in_class = false,
                '/' if !in_class => {
                    close = Some(at + 1);
                    break;
                }
                '\n' | '\r' => break,
                _ => {}
            }
        }
        match close {
            Some(close) => {
                let flags = rest[close..]
                    .find(|c: char| !is_identifier_part(c))
                    .unwrap_or(rest.len() - close);
                self.push(Kind::Regex, self.at + close + flags, String::new());
            }
            // Not a regular expression after all: a lone `/`.
            None => self.push(Kind::Punct, self.at + 1, String::new()),
        }
    }

    fn punctuator(&mut self, c: char) {
        let rest = self.rest();
        let mut length = PUNCTUATORS
            .iter()
            .find(|p| rest.starts_with(**p))
            .map_or(c.len_utf8(), |p| p.len());
        // `a?.5:b` is a conditional, not an optional chain.
        if rest.starts_with("?.") && rest[2..].starts_with(|d: char| d.is_ascii_digit()) {
            length = 1;
        }
        match c {
            '{' => self.braces += 1,
            '}' => self.braces = self.braces.saturating_sub(1),
            _ => {}
        }
        self.push(Kind::Punct, self.at + length, String::new());
    }
}

fn is_hex(number: &str) -> bool {
    number.starts_with("0x") || number.starts_with("0X")
}

fn is_identifier_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

fn is_identifier_part(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(script: &str) -> Vec<(Kind, &str)> {
        tokenize(script)
            .into_iter()
            .map(|token| (token.kind, token.text))
            .collect()
    }

    #[test]
    fn code_strings_and_comments() {
        use Kind::*;
        assert_eq!(
            kinds("a = 'x.y' // _event.data.z\n+ \"q\\\"\" /* c */ ;"),
            vec![
                (Identifier, "a"),
                (Punct, "="),
                (String, "'x.y'"),
                (Punct, "+"),
                (String, "\"q\\\"\""),
                (Punct, ";"),
            ]
        );
        let tokens = tokenize(r"'it\'s' 'a\nb'");
        assert_eq!(tokens[0].value, "it's");
        assert_eq!(tokens[1].value, "a\nb");
        assert_eq!(
            kinds("x?.y ?? z !== w ? 1 : .5e+3"),
            vec![
                (Identifier, "x"),
                (Punct, "?."),
                (Identifier, "y"),
                (Punct, "??"),
                (Identifier, "z"),
                (Punct, "!=="),
                (Identifier, "w"),
                (Punct, "?"),
                (Number, "1"),
                (Punct, ":"),
                (Number, ".5e+3"),
            ]
        );
        assert_eq!(kinds("a?.5:b")[1], (Punct, "?"));
    }

    #[test]
    fn templates_and_substitutions() {
        use Kind::*;
        assert_eq!(
            kinds("`a ${ b({}) } c ${d}` + e"),
            vec![
                (Template, "`a ${"),
                (Identifier, "b"),
                (Punct, "("),
                (Punct, "{"),
                (Punct, "}"),
                (Punct, ")"),
                (Template, "} c ${"),
                (Identifier, "d"),
                (Template, "}`"),
                (Punct, "+"),
                (Identifier, "e"),
            ]
        );
        assert_eq!(
            kinds("`_event.data.x`"),
            vec![(Template, "`_event.data.x`")]
        );
    }

    #[test]
    fn regular_expressions_and_division() {
        use Kind::*;
        assert_eq!(
            kinds("x = /'[/]'/g.test(s) / 2"),
            vec![
                (Identifier, "x"),
                (Punct, "="),
                (Regex, "/'[/]'/g"),
                (Punct, "."),
                (Identifier, "test"),
                (Punct, "("),
                (Identifier, "s"),
                (Punct, ")"),
                (Punct, "/"),
                (Number, "2"),
            ]
        );
        assert_eq!(kinds("a / b / c")[1], (Punct, "/"));
        assert_eq!(kinds("return /x/")[1], (Regex, "/x/"));
    }

    #[test]
    fn never_fails() {
        for script in [
            "'open",
            "\"open\nx",
            "`open ${",
            "/* open",
            "/open\n",
            "}}}",
            "${",
            "\\",
            "0x1e+5",
            "é + ü",
            "'\\",
            "`\\",
        ] {
            let tokens = tokenize(script);
            for token in &tokens {
                assert!(script.get(token.start..).is_some());
            }
        }
    }
}
