//! The review of a catalogue change: the findings, strictest first, their counts, and the
//! report as a Markdown review comment, plain text or JSON.

use std::fmt::Write as _;

use serde::Serialize;

use super::{rules, Category, Change, Rule};

/// A change with what it breaks, as reports show it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The change.
    #[serde(flatten)]
    pub change: Change,
    /// What it breaks, strictest first.
    pub categories: &'static [Category],
    /// One sentence for people.
    pub message: String,
    /// Why it breaks what it breaks.
    pub why: &'static str,
}

/// How many changes there are, and how many break each category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Every change.
    pub changes: usize,
    /// Changes that break the wire, the Rust API or both.
    pub breaking: usize,
    /// Changes that break the wire.
    pub wire: usize,
    /// Changes that break the Rust API.
    #[serde(rename = "rust-api")]
    pub rust_api: usize,
    /// Changes that break nothing.
    #[serde(rename = "docs-only")]
    pub docs_only: usize,
}

/// The review of a catalogue change: its findings, strictest first.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// What the old side is (`main`, a directory).
    pub old: String,
    /// What the new side is.
    pub new: String,
    /// The counts.
    pub summary: Summary,
    /// Every change, ordered by the strictest category it breaks, then by rule (the README
    /// table's order), then in catalogue order.
    pub changes: Vec<Finding>,
}

impl Report {
    /// The report of `changes` between the sides labelled `old` and `new`.
    pub fn new(old: impl Into<String>, new: impl Into<String>, changes: Vec<Change>) -> Self {
        let rank = |change: &Change| {
            let rule = change.rule();
            let index = rules()
                .iter()
                .position(|listed| std::ptr::eq(*listed, rule))
                .unwrap_or(usize::MAX);
            (rule.strictest(), index)
        };
        let mut changes = changes;
        changes.sort_by_key(|change| rank(change));
        let mut summary = Summary {
            changes: changes.len(),
            ..Summary::default()
        };
        for change in &changes {
            if change.strictest() < Category::DocsOnly {
                summary.breaking += 1;
            }
            for category in change.categories() {
                match category {
                    Category::Wire => summary.wire += 1,
                    Category::RustApi => summary.rust_api += 1,
                    Category::DocsOnly => summary.docs_only += 1,
                }
            }
        }
        let changes = changes
            .into_iter()
            .map(|change| Finding {
                categories: change.categories(),
                message: change.message(),
                why: change.rule().why,
                change,
            })
            .collect();
        Report {
            old: old.into(),
            new: new.into(),
            summary,
            changes,
        }
    }

    /// How many changes break `category` or a stricter one (`DocsOnly`: every change).
    pub fn breaking(&self, category: Category) -> usize {
        self.changes
            .iter()
            .filter(|finding| finding.change.strictest() <= category)
            .count()
    }

    /// The report as pretty JSON: `old`, `new`, `summary` and `changes`, each change with its
    /// `kind`, its own fields, `location`, `categories`, `message` and `why`.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self)
            .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
        text.push('\n');
        text
    }

    /// One line per change (`CATEGORIES  FILE:LINE  KIND: message`) and a summary line.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for finding in &self.changes {
            let categories: Vec<&str> = finding.categories.iter().map(|c| c.as_str()).collect();
            let _ = writeln!(
                text,
                "{}  {}{}  {}: {}",
                categories.join(","),
                finding.change.location(),
                finding.change.location().side_suffix(),
                finding.change.kind(),
                finding.message
            );
        }
        let _ = writeln!(text, "{} -> {}: {}", self.old, self.new, self.counts());
        text
    }

    /// A review comment: a title, the counts, then the changes grouped by rule, breaking ones
    /// first, each group with why it breaks what it breaks, each change with its location.
    pub fn to_markdown(&self) -> String {
        let mut text = format!(
            "### Event catalogue changes: `{}` → `{}`\n\n",
            self.old, self.new
        );
        if self.changes.is_empty() {
            text.push_str("No changes: consumers see the same catalogue.\n");
            return text;
        }
        let _ = writeln!(text, "{}\n", self.counts_markdown());
        let (breaking, docs): (Vec<&Finding>, Vec<&Finding>) = self
            .changes
            .iter()
            .partition(|finding| finding.change.strictest() < Category::DocsOnly);
        for (title, findings) in [("Breaking changes", breaking), ("Docs-only changes", docs)] {
            if findings.is_empty() {
                continue;
            }
            let _ = writeln!(text, "#### {title}\n");
            let mut previous: Option<&'static Rule> = None;
            for finding in findings {
                let rule = finding.change.rule();
                if !previous.is_some_and(|seen| std::ptr::eq(seen, rule)) {
                    if previous.is_some() {
                        text.push('\n');
                    }
                    let case = if rule.case.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", rule.case)
                    };
                    let categories: Vec<&str> =
                        rule.categories.iter().map(|c| c.as_str()).collect();
                    let _ = writeln!(
                        text,
                        "**`{}`**{case}: {}\n> {}\n",
                        rule.kind,
                        categories.join(", "),
                        rule.why
                    );
                    previous = Some(rule);
                }
                let location = finding.change.location();
                let _ = writeln!(
                    text,
                    "- {} — `{location}`{}",
                    capitalized(&finding.message),
                    location.side_suffix()
                );
            }
            text.push('\n');
        }
        text.truncate(text.trim_end().len());
        text.push('\n');
        text
    }

    fn counts(&self) -> String {
        let summary = &self.summary;
        format!(
            "{} change{} ({} wire, {} rust-api, {} docs-only)",
            summary.changes,
            if summary.changes == 1 { "" } else { "s" },
            summary.wire,
            summary.rust_api,
            summary.docs_only
        )
    }

    fn counts_markdown(&self) -> String {
        let summary = &self.summary;
        format!(
            "**{} change{}**: {} breaking ({} on the wire, {} for the Rust API), {} docs-only.",
            summary.changes,
            if summary.changes == 1 { "" } else { "s" },
            summary.breaking,
            summary.wire,
            summary.rust_api,
            summary.docs_only,
        )
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
