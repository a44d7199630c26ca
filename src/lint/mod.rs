//! Checking SCXML applications against the catalogue (`ors-events lint`; cargo feature `lint`).
//!
//! Every finding has a line and a column (in characters) and a code of [`RULES`]:
//!
//! - **Event descriptors.** Every descriptor of every `<transition event="...">` (SCXML's
//!   namespace or none) that lies in a family the catalogue owns — a family's name, or `error.`
//!   followed by one (for the compiled-in catalogue: `interaction.`, `voice.`, `msgbased.`,
//!   `chat.`) — must match a catalogue event by the W3C SCXML rules (see [`descriptor`]):
//!   `interaction.partydelete` matches nothing (`unknown-event`, with a "did you mean"),
//!   `interaction.*.done` cannot match anything (`bad-descriptor`). A quoted descriptor
//!   (`event="'interaction.added'"`) is checked by the name inside its quotes.
//! - **Family typos.** A descriptor outside those families whose family token is a near miss
//!   of one (`interation.partystatechanged`, `error.interation.accept`) is `unknown-family`,
//!   with the corrected name. The families ORS and SCXML have outside the catalogue
//!   ([`families::KNOWN_FAMILIES`]: `queue`, `dialog`, `session`, `application`, ...), the
//!   project's own ([`Options::families`], [`Options::events`]) and the events the document
//!   sends or raises itself (`<send event="'Entry1.done'">`) are left alone.
//! - **Event names in code.** A string that `_event.name` is compared with (`==`, `!=`, `===`,
//!   `!==`, either side, or a `case` of `switch (_event.name)`) anywhere in the document is
//!   checked like a descriptor, as a whole event name.
//! - **Attribute reads.** In a transition's `cond` and in everything under it (every attribute
//!   of the executable content and its text: `<script>`, CDATA included), each read of
//!   `_event.data.NAME` (`?.NAME`, `['NAME']`), directly or through a one-level alias
//!   (`var d = _event.data;`, `<assign location="d" expr="_event.data"/>`), must name an
//!   attribute that one of the events the transition can match carries
//!   (`unknown-attribute`). This is checked only when every descriptor lies in an owned
//!   family. ECMAScript is tokenized: string literals, template text and comments are not
//!   code.
//!
//! With a target release ([`Options::ors_version`]), descriptors, event names and reads that
//! some builds of it lack are `not-in-version`. A release name (`8.1.4`) is its whole line, as
//! a catalogue's `since` is: an attribute since `8.1.400.09` is in some 8.1.4 builds, and the
//! finding names the build that added it. A read guarded by a presence test of its attribute
//! (`!x || x == 'deletion'`, `x && ...`, `typeof x != 'undefined'`, `x !== undefined`,
//! `'x' in _event.data`, the same in `if`, `<if>` and the transition's `cond`) is not
//! reported: it handles the builds without it.
//!
//! A finding is accepted by a comment on the line before it: `<!-- ors-events: allow CODE -->`
//! (see [`suppress`]).
//!
//! [`lint`] and [`lint_bytes`] check against the catalogue compiled into this crate;
//! [`Catalogue::lint`] and [`Catalogue::lint_bytes`] against any other, such as a spec read at
//! run time (see [`catalogue`]). [`lint_bytes`] decodes what the byte order mark or the XML
//! declaration says (UTF-8, UTF-16, ISO-8859-1, windows-1252 and the other WHATWG encodings).
//!
//! A file that is not well-formed XML, or not in its encoding, gets one `malformed-xml`
//! finding at the parser's position and nothing else.
//!
//! ```
//! use ors_events::lint::{lint, Options};
//!
//! let scxml = r#"<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0">
//!   <state id="routing">
//!     <transition event="interaction.partydelete" target="done"/>
//!     <transition event="interaction.added" cond="_event.data.partyid == 'p1'"/>
//!   </state>
//! </scxml>"#;
//! let findings = lint(scxml, &Options::new());
//! assert_eq!(findings.len(), 2);
//! assert_eq!((findings[0].code, findings[0].line, findings[0].column), ("unknown-event", 3, 24));
//! assert_eq!(findings[0].suggestion.as_deref(), Some("interaction.partydeleted"));
//! assert_eq!((findings[1].code, findings[1].line, findings[1].column), ("unknown-attribute", 4, 61));
//! ```

use std::borrow::Cow;

pub mod catalogue;
pub mod descriptor;
mod ecmascript;
mod encoding;
mod events;
pub mod families;
mod linter;
mod output;
mod scan;
mod script;
pub mod suppress;
mod versions;

use roxmltree::{Document, ParsingOptions};

pub use crate::validate::Severity;
use crate::OrsVersion;
pub use catalogue::Catalogue;
pub use output::{json_line, sarif, text_line, FileReport, JsonFinding};
use scan::LineIndex;

/// The SCXML namespace.
pub const SCXML_NAMESPACE: &str = "http://www.w3.org/2005/07/scxml";

/// How to lint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Check against this ORS release: events and attributes that some of its builds lack
    /// are reported. A release name (`8.1.4`) or line (`8.1.400`) is the whole line; a build
    /// (`8.1.400.20`) is that build.
    pub ors_version: Option<OrsVersion>,
    /// Event families the project defines itself (`acme` for `acme.callback.done`): never
    /// reported as misspelt families.
    pub families: Vec<String>,
    /// Events the project defines itself: descriptors and `_event.name` comparisons that
    /// match one are not checked, even in a catalogue family.
    pub events: Vec<String>,
}

impl Options {
    /// Linting against the whole catalogue.
    pub fn new() -> Self {
        Options::default()
    }

    /// Linting against the ORS release `version`.
    pub fn ors_version(mut self, version: OrsVersion) -> Self {
        self.ors_version = Some(version);
        self
    }

    /// With a family the project defines itself.
    pub fn family(mut self, family: impl Into<String>) -> Self {
        self.families.push(family.into());
        self
    }

    /// With an event the project defines itself.
    pub fn event(mut self, event: impl Into<String>) -> Self {
        self.events.push(event.into());
        self
    }
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// A stable code, one of [`RULES`].
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// The 1-based line; 0 for a finding about the whole file (`unreadable-file`).
    pub line: u32,
    /// The 1-based column, in characters; 0 for a finding about the whole file.
    pub column: u32,
    /// What is wrong, for people.
    pub message: String,
    /// The name to write instead, when one is close enough to suggest.
    pub suggestion: Option<String>,
}

impl Finding {
    /// The finding for a file that could not be read.
    pub fn unreadable(error: &std::io::Error) -> Finding {
        Finding {
            code: UNREADABLE_FILE,
            severity: Severity::Error,
            line: 0,
            column: 0,
            message: format!("cannot read the file: {error}"),
            suggestion: None,
        }
    }
}

/// A kind of finding: its code, severity and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The stable code.
    pub code: &'static str,
    /// The severity of every finding of this kind.
    pub severity: Severity,
    /// One sentence on what it means.
    pub description: &'static str,
}

const UNKNOWN_EVENT: &str = "unknown-event";
const UNKNOWN_FAMILY: &str = "unknown-family";
const BAD_DESCRIPTOR: &str = "bad-descriptor";
const UNKNOWN_ATTRIBUTE: &str = "unknown-attribute";
const NOT_IN_VERSION: &str = "not-in-version";
const MALFORMED_XML: &str = "malformed-xml";
const UNREADABLE_FILE: &str = "unreadable-file";

/// Every kind of finding, in a fixed order.
pub const RULES: &[Rule] = &[
    Rule {
        code: UNKNOWN_EVENT,
        severity: Severity::Error,
        description: "An event descriptor in a family the catalogue owns matches no event of the catalogue.",
    },
    Rule {
        code: BAD_DESCRIPTOR,
        severity: Severity::Error,
        description: "An event descriptor in a family the catalogue owns cannot match any event as written (a `*` that is not alone or a trailing `.*`, an empty token).",
    },
    Rule {
        code: UNKNOWN_ATTRIBUTE,
        severity: Severity::Error,
        description: "`_event.data.NAME` (or an alias of `_event.data`) reads an attribute that none of the events the transition can match carries.",
    },
    Rule {
        code: NOT_IN_VERSION,
        severity: Severity::Warning,
        description: "An event or attribute the application uses without testing for it is missing from the target ORS release, or from its builds before the one that added it.",
    },
    Rule {
        code: MALFORMED_XML,
        severity: Severity::Error,
        description: "The file is not well-formed XML, or not in the encoding its byte order mark or XML declaration names, so nothing else in it was checked.",
    },
    Rule {
        code: UNREADABLE_FILE,
        severity: Severity::Error,
        description: "The file could not be read.",
    },
    Rule {
        code: UNKNOWN_FAMILY,
        severity: Severity::Error,
        description: "An event descriptor or a name `_event.name` is compared with has a family token that is a near miss of a catalogue family (`interation.added`), and is no family ORS, SCXML or the project defines.",
    },
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.code == code)
}

/// Lints an SCXML document given as bytes against the compiled-in catalogue: as [`lint`],
/// after decoding it as its byte order mark or XML declaration says (UTF-8 without either); a
/// document not in its encoding is `malformed-xml` at its first bad byte.
pub fn lint_bytes(source: &[u8], options: &Options) -> Vec<Finding> {
    Catalogue::builtin().lint_bytes(source, options)
}

/// The text the line and column of a document's findings count in: its bytes decoded as its
/// byte order mark or XML declaration says (UTF-8 without either), or, when they are not in that
/// encoding, the text decoded before the first bad byte (where the `malformed-xml` finding is).
/// An editor that shows findings in a document that is not UTF-8 locates them in this text.
pub fn source_text(source: &[u8]) -> Cow<'_, str> {
    match encoding::decode(source) {
        Ok(text) => text,
        Err(error) => Cow::Owned(error.before),
    }
}

/// Whether a document's root element is `<scxml>` (any prefix), judged from its prolog
/// without parsing the rest: what `ors-events lint DIR` lints among the `.xml` files it finds.
pub fn is_scxml_document(source: &[u8]) -> bool {
    encoding::decode(source).is_ok_and(|text| scan::root_name(&text) == Some("scxml"))
}

/// Lints an SCXML document against the compiled-in catalogue: every finding, in order of
/// position.
pub fn lint(source: &str, options: &Options) -> Vec<Finding> {
    Catalogue::builtin().lint(source, options)
}

impl Catalogue {
    /// Lints an SCXML document given as bytes against this catalogue: as [`Catalogue::lint`],
    /// after decoding it as its byte order mark or XML declaration says (UTF-8 without
    /// either); a document not in its encoding is `malformed-xml` at its first bad byte.
    pub fn lint_bytes(&self, source: &[u8], options: &Options) -> Vec<Finding> {
        match encoding::decode(source) {
            Ok(text) => self.lint(&text, options),
            Err(error) => {
                let (line, column) = LineIndex::new(&error.before).end();
                vec![Finding {
                    code: MALFORMED_XML,
                    severity: Severity::Error,
                    line,
                    column,
                    message: error.message,
                    suggestion: None,
                }]
            }
        }
    }

    /// Lints an SCXML document against this catalogue: every finding, in order of position.
    pub fn lint(&self, source: &str, options: &Options) -> Vec<Finding> {
        let index = LineIndex::new(source);
        let parsing = ParsingOptions {
            allow_dtd: true,
            ..ParsingOptions::default()
        };
        let document = match Document::parse_with_options(source, parsing) {
            Ok(document) => document,
            Err(error) => return vec![malformed(&error, &index)],
        };
        let findings = linter::document(self, options, source, &index, &document);
        let mut findings = suppress::apply(findings, &document, &index);
        findings.sort_by(|a, b| {
            (a.line, a.column, a.code, &a.message).cmp(&(b.line, b.column, b.code, &b.message))
        });
        findings.dedup();
        findings
    }
}

fn malformed(error: &roxmltree::Error, index: &LineIndex<'_>) -> Finding {
    let position = error.pos();
    let (line, column) = match error {
        // These carry no position of their own; the end of the file is where they show.
        roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => index.end(),
        // roxmltree ends lines at `\n` alone; findings end them where XML does.
        _ => index.position_of_lf_row(position.row, position.col),
    };
    let text = error.to_string();
    let suffix = format!(" at {position}");
    let text = text.strip_suffix(&suffix).unwrap_or(&text);
    Finding {
        code: MALFORMED_XML,
        severity: Severity::Error,
        line,
        column,
        message: format!("not well-formed XML: {text}"),
        suggestion: None,
    }
}

#[cfg(test)]
mod tests;
