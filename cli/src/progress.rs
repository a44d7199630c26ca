//! The progress line of `validate` (`N lines (M lines/s)`), on standard error.
//!
//! It is shown only when standard error is a terminal that standard output does not share: on a
//! terminal that shows both, the violations would land on the line it occupies. And it is
//! cleared before anything is written to standard output.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

/// How often, in lines, the clock is looked at.
const EVERY_LINES: u64 = 4096;
/// How often the line is refreshed at most.
const INTERVAL: Duration = Duration::from_secs(1);

/// A line count, refreshed at most every [`INTERVAL`], written to `W`.
pub struct Progress<W: Write> {
    sink: Option<W>,
    every: u64,
    interval: Duration,
    started: Instant,
    last: Instant,
    shown: bool,
}

impl Progress<io::Stderr> {
    /// On standard error when [`wanted`] says so (and not under `--quiet`), else nowhere.
    pub fn on_stderr(quiet: bool) -> Self {
        let sink = (!quiet && wanted()).then(io::stderr);
        Progress::new(sink, EVERY_LINES, INTERVAL)
    }
}

impl<W: Write> Progress<W> {
    /// Writes to `sink` (none: never), looking at the clock every `every` lines and refreshing
    /// at most every `interval`.
    fn new(sink: Option<W>, every: u64, interval: Duration) -> Self {
        let now = Instant::now();
        Progress {
            sink,
            every: every.max(1),
            interval,
            started: now,
            last: now,
            shown: false,
        }
    }

    /// `line` lines have been read.
    pub fn tick(&mut self, line: u64) {
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        if line % self.every != 0 || self.last.elapsed() < self.interval {
            return;
        }
        self.last = Instant::now();
        let seconds = self.started.elapsed().as_secs_f64().max(0.001);
        // A progress line that cannot be written is not worth failing for.
        let _ = write!(
            sink,
            "\r{line} lines ({:.0} lines/s)\x1b[K",
            line as f64 / seconds
        )
        .and_then(|()| sink.flush());
        self.shown = true;
    }

    /// Removes the line, if it is shown: before anything is written to standard output.
    pub fn clear(&mut self) {
        if let (true, Some(sink)) = (self.shown, self.sink.as_mut()) {
            let _ = sink.write_all(b"\r\x1b[K").and_then(|()| sink.flush());
            self.shown = false;
        }
    }
}

/// Whether to show a progress line: standard error is a terminal, and standard output is not
/// the same file (the same terminal, say).
fn wanted() -> bool {
    io::stderr().is_terminal() && !shares_stderr()
}

/// Whether standard output and standard error are the same file (device and inode). When that
/// cannot be told, whether standard output is a terminal too.
#[cfg(unix)]
fn shares_stderr() -> bool {
    use std::os::fd::AsFd;
    match (
        identity(io::stdout().as_fd()),
        identity(io::stderr().as_fd()),
    ) {
        (Some(out), Some(err)) => out == err,
        _ => io::stdout().is_terminal(),
    }
}

/// Whether standard output is a terminal too (where files cannot be compared).
#[cfg(not(unix))]
fn shares_stderr() -> bool {
    io::stdout().is_terminal()
}

/// The device and inode of the file `fd` refers to, through a duplicate of it.
#[cfg(unix)]
fn identity(fd: std::os::fd::BorrowedFd<'_>) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let file = std::fs::File::from(fd.try_clone_to_owned().ok()?);
    let metadata = file.metadata().ok()?;
    Some((metadata.dev(), metadata.ino()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_is_written_then_cleared_once() {
        let mut progress = Progress::new(Some(Vec::new()), 2, Duration::ZERO);
        progress.tick(1);
        progress.clear();
        assert_eq!(progress.sink.as_deref(), Some(&b""[..]), "nothing shown");
        progress.tick(2);
        let shown =
            String::from_utf8(progress.sink.clone().unwrap_or_default()).unwrap_or_default();
        assert!(shown.starts_with("\r2 lines ("), "{shown:?}");
        assert!(shown.ends_with(" lines/s)\x1b[K"), "{shown:?}");
        progress.clear();
        progress.clear();
        let written = progress.sink.unwrap_or_default();
        assert_eq!(&written[shown.len()..], b"\r\x1b[K", "cleared once");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_and_its_duplicate_are_the_same_file_and_another_is_not() {
        use std::os::fd::AsFd;
        let dir = std::env::temp_dir();
        let path = |n: u32| dir.join(format!("ors-events-progress-{}-{n}", std::process::id()));
        let (one, two) = (path(1), path(2));
        let first = std::fs::File::create(&one).ok();
        let second = std::fs::File::create(&two).ok();
        let (Some(first), Some(second)) = (first, second) else {
            panic!("cannot create files in {}", dir.display());
        };
        let duplicate = first.try_clone().ok();
        let id = |file: &std::fs::File| identity(file.as_fd());
        assert!(id(&first).is_some());
        assert_eq!(id(&first), duplicate.as_ref().and_then(id));
        assert_ne!(id(&first), id(&second));
        let _ = (std::fs::remove_file(one), std::fs::remove_file(two));
    }
}
