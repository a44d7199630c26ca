//! The linter on real-looking Composer output: guarded reads and releases, family typos,
//! event names in code, aliases, what ECMAScript does not read, encodings, and whole projects
//! on the command line (`tests/lint/composer/` is a Composer project tree).

mod encodings;
mod guards;
mod names;

use ors_events::lint::{self, Finding, Options};

/// (code, line, column) of every finding of `source`.
pub fn found(source: &str, options: &Options) -> Vec<(&'static str, u32, u32)> {
    super::positions(&lint::lint(source, options))
}

/// A Composer-style workflow page around `states` (one or more `<state>` elements).
pub fn page(states: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <scxml version=\"1.0\" xmlns=\"http://www.w3.org/2005/07/scxml\"\n\
         \t\txmlns:ixn=\"http://www.genesyslab.com/modules/interaction\"\n\
         \t\tinitial=\"Entry1\" profile=\"ecmascript\" name=\"Test\">\n\
         {states}\n\
         </scxml>\n"
    )
}

/// The 1-based (line, column) where `needle` first starts in `text`, columns in characters.
pub fn where_is(text: &str, needle: &str) -> (u32, u32) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u32, column as u32)
}

/// The findings' messages.
pub fn messages(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.message.as_str()).collect()
}
