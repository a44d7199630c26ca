//! Checking SCXML applications against the catalogue (`ors-events lint`; cargo feature `lint`).
//!
//! Two things are checked, each finding with its line and column:
//!
//! - **Event descriptors.** Every descriptor of every `<transition event="...">` (SCXML's
//!   namespace or none) that lies in a family the catalogue owns — a family's name, or `error.`
//!   followed by one (for the compiled-in catalogue: `interaction.`, `voice.`, `msgbased.`,
//!   `chat.`) — must match a catalogue event by the W3C SCXML rules (see [`descriptor`]):
//!   `interaction.partydelete` matches nothing (`unknown-event`, with a "did you mean"),
//!   `interaction.*.done` cannot match anything (`bad-descriptor`). Other descriptors (there:
//!   `queue.`, `dialog.`, `application.`, `error.*`, `*`, your own events) are left alone. A
//!   quoted descriptor (`event="'interaction.added'"`, which some tools write) is checked by the
//!   name inside its quotes.
//! - **Attribute reads.** In a transition's `cond` and in everything under it (every attribute
//!   of the executable content — `<if cond>`, `<elseif cond>`, `<log expr>`, `<assign expr>`,
//!   `<send>`'s `<param expr>`, ORS actions' attributes — and its text: `<script>`, CDATA
//!   included), each `_event.data.NAME` must name an attribute that at least one event the
//!   transition's descriptors can match carries (`unknown-attribute`, with the attributes
//!   there are). This is checked only when every descriptor lies in an owned family: a bare
//!   `error` or `*` can match events the catalogue does not describe. ECMAScript is not parsed:
//!   the text is scanned for `_event.data.NAME`, `_event.data?.NAME` and
//!   `_event.data['NAME']`; a computed key, a method call (`_event.data.hasOwnProperty(...)`)
//!   and an alias (`var d = _event.data`) are not followed, and reads inside string literals
//!   and comments count.
//!
//! With a target release ([`Options::ors_version`]), descriptors that match only newer events
//! and attributes that only newer events or releases carry are reported (`not-in-version`).
//!
//! [`lint`] and [`lint_bytes`] check against the catalogue compiled into this crate;
//! [`Catalogue::lint`] and [`Catalogue::lint_bytes`] against any other, such as a spec read at
//! run time (see [`catalogue`]).
//!
//! Codes and severities ([`RULES`]): `unknown-event`, `bad-descriptor`, `unknown-attribute`,
//! `malformed-xml` and `unreadable-file` are errors; `not-in-version` is a warning (an
//! application may well serve several releases). A file that is not well-formed XML (or not
//! UTF-8) gets one `malformed-xml` finding at the parser's position and nothing else.
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

pub mod catalogue;
pub mod descriptor;
mod ecmascript;
mod encoding;
pub mod families;
mod linter;
mod output;
mod scan;
mod script;

use roxmltree::{Document, ParsingOptions};

pub use crate::validate::Severity;
use crate::OrsVersion;
pub use catalogue::Catalogue;
pub use output::{json_line, sarif, text_line, FileReport};
use scan::LineIndex;

/// The SCXML namespace.
pub const SCXML_NAMESPACE: &str = "http://www.w3.org/2005/07/scxml";

/// How to lint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Check against this ORS release: events and attributes newer than it are reported.
    pub ors_version: Option<OrsVersion>,
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
        description: "`_event.data.NAME` reads an attribute that none of the events the transition can match carries.",
    },
    Rule {
        code: NOT_IN_VERSION,
        severity: Severity::Warning,
        description: "An event or attribute the application uses is newer than the target ORS release.",
    },
    Rule {
        code: MALFORMED_XML,
        severity: Severity::Error,
        description: "The file is not well-formed XML in UTF-8, so nothing else in it was checked.",
    },
    Rule {
        code: UNREADABLE_FILE,
        severity: Severity::Error,
        description: "The file could not be read.",
    },
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.code == code)
}

/// Lints an SCXML document given as bytes against the compiled-in catalogue: as [`lint`], and a
/// document that is not UTF-8 is `malformed-xml` at its first bad byte.
pub fn lint_bytes(source: &[u8], options: &Options) -> Vec<Finding> {
    Catalogue::builtin().lint_bytes(source, options)
}

/// Lints an SCXML document against the compiled-in catalogue: every finding, in order of
/// position.
pub fn lint(source: &str, options: &Options) -> Vec<Finding> {
    Catalogue::builtin().lint(source, options)
}

impl Catalogue {
    /// Lints an SCXML document given as bytes against this catalogue: as [`Catalogue::lint`],
    /// and a document that is not UTF-8 is `malformed-xml` at its first bad byte.
    pub fn lint_bytes(&self, source: &[u8], options: &Options) -> Vec<Finding> {
        match std::str::from_utf8(source) {
            Ok(text) => self.lint(text, options),
            Err(error) => {
                let valid = &source[..error.valid_up_to()];
                let (line, column) = match std::str::from_utf8(valid) {
                    Ok(valid) => LineIndex::new(valid).end(),
                    Err(_) => (1, 1),
                };
                let byte = source.get(error.valid_up_to()).copied().unwrap_or(0);
                vec![Finding {
                    code: MALFORMED_XML,
                    severity: Severity::Error,
                    line,
                    column,
                    message: format!(
                        "not UTF-8: byte 0x{byte:02X} is not valid here (save the file as UTF-8)"
                    ),
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
        let mut findings =
            linter::transitions(self, source, &index, &document, options.ors_version);
        findings.sort_by_key(|finding| (finding.line, finding.column, finding.code));
        findings
    }
}

fn malformed(error: &roxmltree::Error, index: &LineIndex<'_>) -> Finding {
    let position = error.pos();
    let (line, column) = match error {
        // These carry no position of their own; the end of the file is where they show.
        roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => index.end(),
        _ => (position.row, position.col),
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
