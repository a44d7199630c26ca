//! `validate_stream`: the same reports, in line order, on any number of threads, and the same
//! as `validate_lines` gives one line at a time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::num::NonZeroUsize;

use ors_events::validate::{
    validate_lines, validate_stream, Options, Report, StreamOptions, StreamSummary,
};
use ors_events_codegen::corpus;
use support::catalogue;

/// A stream with every kind of line: the corpus (10 % invalid), blank and white-space lines,
/// CRLF line ends, malformed JSON, invalid UTF-8, overlong lines, and no final line break.
fn stream(events: usize) -> Vec<u8> {
    let catalogue = catalogue();
    let mut input = Vec::new();
    for (index, sample) in corpus::stream(&catalogue, 0x5EED, events, 100).enumerate() {
        input.extend_from_slice(sample.line().as_bytes());
        input.extend_from_slice(match index % 997 {
            1 => b"\n\n",
            2 => b"\r\n",
            3 => b"\n   \t\n{oops\n",
            // Bytes that are not UTF-8, in the first block only (the lines of a block after
            // such a byte are read one by one; the other blocks are read as text): first right
            // after a document on its line, then on a line of their own.
            4 if index < 997 => b"\xff\n",
            10 if index < 997 => b"\n\xff\xfe\n",
            5 => b"\n{\"name\": \"voice.hold.done\", \"data\": {\"requestid\": 1.5e3}}\n",
            6 => b"\n[\"not an envelope\"]\n",
            // A document over two lines, one followed by more on its line, white space before
            // a line break, a byte order mark.
            7 => b"\n{\"name\": \"interaction.added\",\n \"data\": {\"interactionid\": \"i\"}}\n",
            8 => b"\n{\"name\": \"interaction.added\", \"data\": {\"interactionid\": \"i\"}} {}\n",
            9 => b" \t \r\n\xEF\xBB\xBF{\"name\": \"interaction.added\", \"data\": {\"interactionid\": \"i\"}}\n",
            _ => b"\n",
        });
        if index % 1_999 == 7 {
            input.extend_from_slice(&vec![b'x'; 3_000]);
            input.push(b'\n');
        }
        // A valid line longer than the smaller limit of the tests.
        if index % 1_999 == 8 {
            let text = "x".repeat(3_000);
            let line = format!(
                r#"{{"name": "interaction.added", "data": {{"interactionid": "{text}"}}}}"#
            );
            input.extend_from_slice(line.as_bytes());
            input.push(b'\n');
        }
    }
    input.extend_from_slice(br#"{"name": "interaction.added", "data": {}}"#);
    input
}

fn run(input: &[u8], jobs: usize, max_line_bytes: usize) -> (Vec<(u64, Report)>, StreamSummary) {
    let mut reports = Vec::new();
    let settings = StreamOptions {
        max_line_bytes,
        jobs: NonZeroUsize::new(jobs).unwrap(),
    };
    let summary = validate_stream(
        &ors_events::Catalogue,
        input,
        &Options::new(),
        settings,
        |line, report| {
            reports.push((line, report.clone()));
            Ok(())
        },
    )
    .unwrap();
    (reports, summary)
}

#[test]
fn every_job_count_gives_the_reports_of_one_line_at_a_time() {
    // Enough lines for several blocks of a megabyte.
    let input = stream(30_000);
    assert!(input.len() > 3 << 20, "{} bytes", input.len());
    for max_line_bytes in [2_000, 1 << 20] {
        let mut expected = Vec::new();
        let summary = validate_lines(
            &input[..],
            &Options::new(),
            max_line_bytes,
            |line, report| {
                expected.push((line, report.clone()));
                Ok(())
            },
        )
        .unwrap();
        assert!(summary.invalid > 1_000 && summary.events > 20_000);
        for jobs in [1, 2, 3] {
            let (reports, got) = run(&input, jobs, max_line_bytes);
            assert_eq!(got, summary, "{jobs} jobs, max {max_line_bytes}");
            assert!(reports == expected, "{jobs} jobs, max {max_line_bytes}");
        }
    }
}

#[test]
fn a_line_longer_than_a_block_and_the_limit_is_skipped_not_held() {
    let mut input = b"{\"name\": \"interaction.added\", \"data\": {}}\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 5 << 20));
    input.extend_from_slice(b"\n\n{}\n");
    let (reports, summary) = run(&input, 2, 1 << 20);
    let codes: Vec<(u64, Vec<&str>)> = reports
        .iter()
        .map(|(line, report)| (*line, report.violations.iter().map(|v| v.code).collect()))
        .collect();
    assert_eq!(
        codes,
        [
            (1, vec!["missing-attribute"]),
            (2, vec!["line-too-long"]),
            (4, vec!["missing-field", "missing-field"]),
        ]
    );
    assert_eq!(summary.bytes, input.len() as u64);
}

#[test]
fn an_error_of_the_callback_stops_the_stream() {
    let input = stream(5_000);
    let mut seen = 0;
    let settings = StreamOptions {
        max_line_bytes: 1 << 20,
        jobs: NonZeroUsize::new(2).unwrap(),
    };
    let result = validate_stream(
        &ors_events::Catalogue,
        &input[..],
        &Options::new(),
        settings,
        |_, _| {
            seen += 1;
            if seen == 100 {
                return Err(std::io::Error::other("enough"));
            }
            Ok(())
        },
    );
    assert_eq!(result.unwrap_err().to_string(), "enough");
    assert_eq!(seen, 100);
}

/// A reader that gives `good` bytes, then fails.
struct Failing<'a> {
    good: &'a [u8],
}

impl std::io::Read for Failing<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if self.good.is_empty() {
            return Err(std::io::Error::other("the disk went away"));
        }
        let count = buffer.len().min(self.good.len()).min(4096);
        buffer[..count].copy_from_slice(&self.good[..count]);
        self.good = &self.good[count..];
        Ok(count)
    }
}

#[test]
fn an_error_of_the_input_stops_the_stream_on_any_number_of_jobs() {
    let input = stream(20_000);
    for jobs in 1..=3 {
        let settings = StreamOptions {
            max_line_bytes: 1 << 20,
            jobs: NonZeroUsize::new(jobs).unwrap(),
        };
        let mut lines = Vec::new();
        let result = validate_stream(
            &ors_events::Catalogue,
            Failing { good: &input },
            &Options::new(),
            settings,
            |line, _| {
                lines.push(line);
                Ok(())
            },
        );
        assert_eq!(
            result.unwrap_err().to_string(),
            "the disk went away",
            "{jobs} jobs"
        );
        // What was handed on before the error came in line order.
        assert!(
            lines.windows(2).all(|pair| pair[0] < pair[1]),
            "{jobs} jobs"
        );
    }
}
