//! `validate --jobs N`: the same bytes on standard output and error, and the same exit status,
//! whatever the number of threads.

use std::fs;

use ors_events_codegen::corpus;

use super::support::{catalogue, ors_events, TempDir};

#[test]
fn validate_writes_the_same_bytes_on_any_number_of_jobs() {
    let dir = TempDir::new("cli-validate-jobs");
    let file = dir.path().join("events.jsonl");
    // More than a block of a megabyte, so that several threads take part.
    let mut input = String::new();
    for sample in corpus::stream(&catalogue(), 0x10B5, 12_000, 100) {
        input.push_str(&sample.line());
        input.push('\n');
    }
    input.push_str("{oops\n\n");
    fs::write(&file, &input).unwrap();
    let path = file.to_str().unwrap();
    for format in ["text", "json"] {
        let run = |jobs: &str| ors_events(&["validate", "--format", format, "--jobs", jobs, path]);
        let one = run("1");
        assert_eq!(one.status.code(), Some(1));
        assert!(one.stdout.len() > 100_000, "{format}");
        for jobs in ["2", "3"] {
            let many = run(jobs);
            assert_eq!(
                many.status.code(),
                one.status.code(),
                "{format}, {jobs} jobs"
            );
            assert!(
                many.stdout == one.stdout,
                "{format}, {jobs} jobs: stdout differs"
            );
            assert_eq!(many.stderr, one.stderr, "{format}, {jobs} jobs");
        }
    }
    let zero = ors_events(&["validate", "--jobs", "0", path]);
    assert_eq!(zero.status.code(), Some(2));
}
