//! Inline suppressions: an XML comment `<!-- ors-events: allow CODE... -->` accepts the
//! findings of those codes on the line after the comment's last line.
//!
//! The codes are separated by spaces or commas; anything after a `;` is the reason, for
//! people (`<!-- ors-events: allow not-in-version; we run 8.1.400.20 and later -->`).

use roxmltree::Document;

use super::scan::LineIndex;
use super::Finding;

/// What starts a suppression comment.
pub const MARKER: &str = "ors-events: allow";

/// The codes one comment allows on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Allowed {
    line: u32,
    codes: Vec<String>,
}

/// `findings` without those a comment of `document` allows.
pub(super) fn apply(
    findings: Vec<Finding>,
    document: &Document<'_>,
    index: &LineIndex<'_>,
) -> Vec<Finding> {
    let allowed = allowed(document, index);
    if allowed.is_empty() {
        return findings;
    }
    findings
        .into_iter()
        .filter(|finding| {
            !allowed.iter().any(|allowed| {
                allowed.line == finding.line && allowed.codes.iter().any(|c| c == finding.code)
            })
        })
        .collect()
}

fn allowed(document: &Document<'_>, index: &LineIndex<'_>) -> Vec<Allowed> {
    let mut allowed = Vec::new();
    for node in document.descendants().filter(|node| node.is_comment()) {
        let Some(codes) = node.text().and_then(codes) else {
            continue;
        };
        let (end_line, _) = index.position(node.range().end.saturating_sub(1));
        allowed.push(Allowed {
            line: end_line.saturating_add(1),
            codes,
        });
    }
    allowed
}

/// The codes a comment's text allows, if it is a suppression.
fn codes(comment: &str) -> Option<Vec<String>> {
    let rest = comment.trim_start().strip_prefix(MARKER)?;
    let rest = rest.split(';').next().unwrap_or(rest);
    let codes: Vec<String> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|code| !code.is_empty())
        .map(str::to_owned)
        .collect();
    (!codes.is_empty()).then_some(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments() {
        assert_eq!(
            codes(" ors-events: allow not-in-version "),
            Some(vec!["not-in-version".to_owned()])
        );
        assert_eq!(
            codes("ors-events: allow unknown-event,unknown-attribute; a reason, with words"),
            Some(vec![
                "unknown-event".to_owned(),
                "unknown-attribute".to_owned()
            ])
        );
        assert_eq!(codes("ors-events: allow"), None);
        assert_eq!(codes("a comment naming not-in-version"), None);
    }
}
