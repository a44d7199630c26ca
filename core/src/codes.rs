//! The registry of every diagnostic code: what each code of the spec checks ([`SpecCode`]) and
//! of the event validator ([`ViolationCode`]) means, how severe it is, and its stable kebab-case
//! name. The codes are part of the public output (text, JSON, exit statuses); the registry is the
//! one place their text and severity are written, and `generated/codes.md` is rendered from it
//! ([`markdown`]).
//!
//! Always compiled: the `ors-events` runtime reports validator codes from here.

use std::fmt;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something is wrong: a spec with it is rejected, an event with it is invalid.
    Error,
    /// Reported, but nothing is rejected for it (a validator finding in lenient mode).
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stage of the generator that finds a spec problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Reading the files: I/O, encoding, YAML syntax and the shape of each construct.
    Load,
    /// Checking the loaded spec as a whole: references, names, versions, duplicates.
    Check,
}

impl Stage {
    /// `load` or `check`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Load => "load",
            Stage::Check => "check",
        }
    }
}

/// Defines a code enum: its variants with their names and texts, `ALL`, `as_str`, `summary`,
/// `from_name`, `Display` and comparisons with `&str`.
macro_rules! registry {
    (
        $(#[$meta:meta])*
        $name:ident { $( $variant:ident = $code:literal: $summary:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(
                #[doc = concat!("`", $code, "`: ", $summary)]
                $variant,
            )*
        }

        impl $name {
            /// Every code, in registry order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable kebab-case name printed in reports: `unknown-type`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            /// What the code means, in one sentence.
            pub fn summary(self) -> &'static str {
                match self {
                    $($name::$variant => $summary,)*
                }
            }

            /// The code of this name.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($code => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

registry! {
    /// A problem of a spec, found while loading or checking it. Every one is an error: a spec
    /// with any is not generated from.
    SpecCode {
        IoError = "io-error": "A spec directory or file cannot be read, or an output cannot be written.",
        NoSpecFiles = "no-spec-files": "The spec directory holds no `*.yaml` file.",
        FileTooLarge = "file-too-large": "A spec file is larger than the loader accepts (4 MiB).",
        NotUtf8 = "not-utf8": "A spec file is not valid UTF-8.",
        EmptyFile = "empty-file": "A spec file holds no YAML document, only comments or blanks.",
        YamlSyntax = "yaml-syntax": "The file is not valid YAML (a tab in the indentation, an unclosed quote or bracket).",
        UnknownKey = "unknown-key": "A construct has a key the format does not define (often a typo).",
        MissingKey = "missing-key": "A construct lacks a key it must have.",
        DuplicateKey = "duplicate-key": "A mapping has the same key twice.",
        WrongShape = "wrong-shape": "A key holds the wrong kind of value: a list for a text, a mapping for a list.",
        TooDeep = "too-deep": "The YAML nests too deeply or expands too many aliases.",
        DuplicateName = "duplicate-name": "A source, type, shared attribute, family, list or the envelope is defined twice.",
        DuplicateEvent = "duplicate-event": "Two definitions make the same event name.",
        DuplicateAttribute = "duplicate-attribute": "An attribute list names the same attribute twice, or lists an envelope's own `name` or `data`.",
        DuplicateEnumValue = "duplicate-enum-value": "An enum code, value name or known error is listed twice.",
        DuplicateRole = "duplicate-role": "Two attributes of one event have the same role.",
        UnknownType = "unknown-type": "A type reference names no builtin, enum or object type, or is not a type expression.",
        UnknownAttributeRef = "unknown-attribute-ref": "`use:` names no shared attribute.",
        UnknownSource = "unknown-source": "`source:` names no source of the `sources` list.",
        UncitedClaim = "uncited-claim": "A known error value, an enum's value set or a presence reason neither cites a source nor is marked `inferred: true`.",
        UnusedSource = "unused-source": "A declared source is cited nowhere.",
        StrayProvenance = "stray-provenance": "`source:` or `inferred:` where there is no claim for it to back.",
        UnknownFamily = "unknown-family": "The `families` list names a family no file defines.",
        UnknownRole = "unknown-role": "A role other than `request-id`, `interaction-id` and `error`.",
        UnknownNoteKind = "unknown-note-kind": "A note kind other than `quirk` and `usage`.",
        UnknownEnumKind = "unknown-enum-kind": "An enum kind other than `integer` and `string`.",
        UnlistedFamily = "unlisted-family": "A family file defines a family the `families` list leaves out.",
        MissingFamily = "missing-family": "A file has `actions:` or `events:` but no `family:` header.",
        MissingType = "missing-type": "A local attribute (`name:`) has no `type:`.",
        InvalidName = "invalid-name": "A name is not a valid family, action, event or Rust name.",
        RustKeyword = "rust-keyword": "A name would become a Rust keyword in the bindings.",
        NameCollision = "name-collision": "Two names become the same Rust name after case conversion.",
        InvalidVersion = "invalid-version": "A `since:` is not an ORS build or release number.",
        SinceRequired = "since-required": "A required attribute is newer than its event: older releases do not send it.",
        SinceBeforeEvent = "since-before-event": "An attribute is older than its event.",
        IncompleteResultPair = "incomplete-result-pair": "An action lacks its `done` or its `error` side.",
        MisplacedErrors = "misplaced-errors": "Known error values on a done event, or on an event with no `role: error` attribute.",
        WrongFamily = "wrong-family": "An event's name does not start with its family, or looks like a result event.",
        TypeOnUse = "type-on-use": "An attribute that uses a shared one also gives a `type:`.",
        RoleOnUse = "role-on-use": "An attribute that uses a shared one also gives a `role:`.",
        AttributeForm = "attribute-form": "An attribute has both or neither of `use:` and `name:`.",
        ConflictingPresence = "conflicting-presence": "An attribute is both `optional:` and `required_because:`.",
        EmptyText = "empty-text": "A description, title, note or known error value is empty.",
        EmptyEnum = "empty-enum": "An enum has no values.",
        WrongEnumValue = "wrong-enum-value": "An enum value has the wrong keys for its kind (`code` and `name`, or `value`).",
        PrefixMismatch = "prefix-mismatch": "An enum value name does not start with the enum's `prefix:`.",
        RecursiveType = "recursive-type": "An object type contains itself, directly or through others.",
    }
}

impl SpecCode {
    /// How severe the code is: every spec problem is an error.
    pub fn severity(self) -> Severity {
        Severity::Error
    }

    /// The stage that finds it.
    pub fn stage(self) -> Stage {
        use SpecCode::*;
        match self {
            IoError | NoSpecFiles | FileTooLarge | NotUtf8 | EmptyFile | YamlSyntax
            | UnknownKey | DuplicateKey | WrongShape | TooDeep => Stage::Load,
            // A missing key is found by the loader for most constructs, and by the checker for
            // the description of a local attribute.
            MissingKey => Stage::Load,
            _ => Stage::Check,
        }
    }
}

registry! {
    /// A finding of the event validator (`ors-events validate`, `ors_events::validate`).
    ViolationCode {
        MalformedJson = "malformed-json": "The line is not one JSON value, or starts with a byte order mark.",
        LineTooLong = "line-too-long": "The line is longer than the validator reads; it is skipped.",
        WrongType = "wrong-type": "A value has the wrong JSON type.",
        MissingField = "missing-field": "The envelope lacks `name` or `data`.",
        UnknownField = "unknown-field": "The envelope has a field the catalogue does not define.",
        DuplicateKey = "duplicate-key": "An object has the same key twice.",
        UnknownEvent = "unknown-event": "The event name is not in the catalogue.",
        MissingAttribute = "missing-attribute": "A required attribute is absent.",
        UnknownAttribute = "unknown-attribute": "An attribute the event or object type does not define.",
        EnumValue = "enum-value": "A value that its enum does not list.",
        NotInVersion = "not-in-version": "An event or attribute newer than the target ORS release.",
    }
}

impl ViolationCode {
    /// The severity of a finding of this code: an error, except that in lenient mode unknown
    /// fields, attributes and enum values are warnings, for consumers of newer servers.
    pub fn severity(self, lenient: bool) -> Severity {
        match self {
            ViolationCode::UnknownField
            | ViolationCode::UnknownAttribute
            | ViolationCode::EnumValue
                if lenient =>
            {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

/// The registry as Markdown: one table of spec codes, one of validator codes.
pub fn markdown() -> String {
    let mut out = String::from(
        "## Spec problems\n\n`ors-events check` (and `generate`, `docs`, `schema`, the build script) \
         reports these. Every one is an error.\n\n| code | stage | severity | meaning |\n|---|---|---|---|\n",
    );
    for code in SpecCode::ALL {
        out.push_str(&format!(
            "| `{code}` | {} | {} | {} |\n",
            code.stage().as_str(),
            code.severity(),
            code.summary()
        ));
    }
    out.push_str(
        "\n## Event violations\n\n`ors-events validate` and `ors_events::validate` report these. \
         With `--lenient`, the codes marked so are warnings.\n\n| code | severity | lenient | meaning |\n|---|---|---|---|\n",
    );
    for code in ViolationCode::ALL {
        out.push_str(&format!(
            "| `{code}` | {} | {} | {} |\n",
            code.severity(false),
            code.severity(true),
            code.summary()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for code in SpecCode::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert_eq!(SpecCode::from_name(code.as_str()), Some(*code));
            assert!(code
                .as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            assert!(code.summary().ends_with('.'), "{code}");
        }
        assert_eq!(SpecCode::ALL.len(), 47);
        for code in ViolationCode::ALL {
            assert_eq!(ViolationCode::from_name(code.as_str()), Some(*code));
        }
        assert_eq!(ViolationCode::ALL.len(), 11);
        assert_eq!(SpecCode::UnknownType, "unknown-type");
    }

    #[test]
    fn the_markdown_lists_every_code_once() {
        let text = markdown();
        for code in SpecCode::ALL {
            assert!(text.contains(&format!("| `{code}` | ")), "{code}");
        }
        assert!(text.contains("| `enum-value` | error | warning |"));
    }
}
