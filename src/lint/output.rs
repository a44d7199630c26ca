//! Findings as text for people, JSON lines for tools, and SARIF 2.1.0 for editors and code review.

use std::fmt;

use serde::Serialize;
use serde_json::{json, Value};

use super::{Finding, RULES};

/// The findings of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The file as given (a path); SARIF gets it as a relative URI reference.
    pub path: String,
    /// Its findings, in order of position.
    pub findings: Vec<Finding>,
}

/// `FILE:LINE:COL: severity: message [code]` (`FILE: severity: ...` for a finding about the
/// whole file).
pub fn text_line(path: &str, finding: &Finding) -> String {
    let severity = finding.severity.as_str();
    let location = if finding.line == 0 {
        path.to_owned()
    } else {
        format!("{path}:{}:{}", finding.line, finding.column)
    };
    format!(
        "{location}: {severity}: {} [{}]",
        finding.message, finding.code
    )
}

/// One finding as `--format json` writes it, one object per line, with its members in this
/// order. `Display` writes the line (without its line break).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsonFinding<'a> {
    /// The file as given.
    pub file: &'a str,
    /// The 1-based line; `null` for a finding about the whole file.
    pub line: Option<u32>,
    /// The 1-based column, in characters; `null` for a finding about the whole file.
    pub column: Option<u32>,
    /// The rule's code.
    pub code: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// What is wrong.
    pub message: &'a str,
    /// The name to write instead; `null` when there is none.
    pub suggestion: Option<&'a str>,
}

impl fmt::Display for JsonFinding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&line)
    }
}

/// One finding as a JSON object: `file`, `line`, `column` (null for a finding about the whole
/// file), `code`, `severity`, `message` and `suggestion` (null when there is none), in that order.
pub fn json_line<'a>(path: &'a str, finding: &'a Finding) -> JsonFinding<'a> {
    let position = |n: u32| (n != 0).then_some(n);
    JsonFinding {
        file: path,
        line: position(finding.line),
        column: position(finding.column),
        code: finding.code,
        severity: finding.severity.as_str(),
        message: &finding.message,
        suggestion: finding.suggestion.as_deref(),
    }
}

/// A SARIF 2.1.0 log of one run: `tool.driver` named `ors-events` with a rule for every code,
/// and a result for every finding, located by `artifactLocation.uri` and a `region` (none for
/// a finding about the whole file). Columns count Unicode code points (`columnKind`).
pub fn sarif(reports: &[FileReport]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code,
                "shortDescription": { "text": rule.description },
                "defaultConfiguration": { "level": rule.severity.as_str() },
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        let uri = uri_reference(&report.path);
        for finding in &report.findings {
            let mut location = json!({ "artifactLocation": { "uri": uri } });
            if finding.line > 0 {
                location["region"] = json!({
                    "startLine": finding.line,
                    "startColumn": finding.column.max(1),
                });
            }
            let mut result = json!({
                "ruleId": finding.code,
                "level": finding.severity.as_str(),
                "message": { "text": finding.message },
                "locations": [{ "physicalLocation": location }],
            });
            if let Some(index) = RULES.iter().position(|rule| rule.code == finding.code) {
                result["ruleIndex"] = json!(index);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ors-events",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// A path as a URI reference: `/` separators, and every byte outside the unreserved
/// characters, `/` and the sub-delimiters percent-encoded (`:` too, so that `C:` is no scheme).
fn uri_reference(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(byte));
            }
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b'@' => {
                uri.push(char::from(byte));
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(
            uri_reference("tests/lint/app.scxml"),
            "tests/lint/app.scxml"
        );
        assert_eq!(uri_reference("my apps/é.scxml"), "my%20apps/%C3%A9.scxml");
        assert_eq!(
            uri_reference("C:\\apps\\a#1.scxml"),
            "C%3A/apps/a%231.scxml"
        );
    }
}
