//! The SCXML linter. Modes: (0) arbitrary bytes; (1) SCXML from a small grammar.
//!
//! Asserted: linting never panics and gives the same findings twice; every finding has a known
//! code with that rule's severity, and a line and column inside the file's decoded text
//! (`lint::source_text`: UTF-16 and declared encodings too; the part before the first bad byte
//! of a file not in its encoding); findings come in order of position; a document from the
//! grammar is well-formed, so it never gets `malformed-xml`; every finding renders as text, JSON
//! and SARIF.
#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use ors_events::lint::{self, FileReport, Options};
use ors_events_fuzz::{inside, mode, scxml};

fuzz_target!(|data: &[u8]| {
    let Some((mode, rest)) = mode(data, 2) else {
        return;
    };
    let source: Vec<u8> = if mode == 0 {
        rest.to_vec()
    } else {
        match scxml::document(&mut Unstructured::new(rest)) {
            Ok(text) => text.into_bytes(),
            Err(_) => return,
        }
    };
    let options = if rest.first().is_some_and(|b| b % 2 == 1) {
        Options::new().ors_version("8.1.200.73".parse().unwrap_or_else(|_| unreachable!()))
    } else {
        Options::new()
    };
    let findings = lint::lint_bytes(&source, &options);
    assert_eq!(
        findings,
        lint::lint_bytes(&source, &options),
        "not deterministic"
    );
    // Positions count in the decoded text (UTF-16 and the declared encodings too), or in the
    // part decoded before a bad byte.
    let text = &*lint::source_text(&source);
    for finding in &findings {
        let rule =
            lint::rule(finding.code).unwrap_or_else(|| panic!("unknown code {}", finding.code));
        assert_eq!(rule.severity, finding.severity, "{}", finding.code);
        assert!(
            inside(text, finding.line as usize, finding.column as usize),
            "{}:{}: {} lies outside the file\n{text}",
            finding.line,
            finding.column,
            finding.code
        );
        if mode == 1 {
            assert_ne!(finding.code, "malformed-xml", "{}\n{text}", finding.message);
        }
        let _ = lint::text_line("a.scxml", finding);
        let _ = lint::json_line("a.scxml", finding);
    }
    let positions: Vec<(u32, u32)> = findings.iter().map(|f| (f.line, f.column)).collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] <= pair[1]),
        "out of order"
    );
    let report = FileReport {
        path: "a.scxml".into(),
        findings,
    };
    let _ = lint::sarif(std::slice::from_ref(&report));
});
