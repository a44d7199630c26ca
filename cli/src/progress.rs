//! The progress line of `validate` (`N lines (M lines/s)`), on standard error.
//!
//! It is shown only when standard error is a terminal that standard output does not share: on a
//! terminal that shows both, the violations would land on the line it occupies. And it is
//! cleared before anything is written to standard output ([`Cleared`]), and shown again after:
//! the report goes through a buffer, so that happens when the buffer is written out, not at
//! every violation.

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
    text: String,
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
            text: String::new(),
            shown: false,
        }
    }

    /// `line` lines have been read.
    pub fn tick(&mut self, line: u64) {
        if self.sink.is_none()
            || !line.is_multiple_of(self.every)
            || self.last.elapsed() < self.interval
        {
            return;
        }
        self.last = Instant::now();
        let seconds = self.started.elapsed().as_secs_f64().max(0.001);
        self.text = format!("{line} lines ({:.0} lines/s)", line as f64 / seconds);
        self.draw();
    }

    /// Writes the line (again); one that cannot be written is not worth failing for.
    fn draw(&mut self) {
        if let Some(sink) = self.sink.as_mut() {
            let line = format!("\r{}\x1b[K", self.text);
            let _ = sink.write_all(line.as_bytes()).and_then(|()| sink.flush());
            self.shown = true;
        }
    }

    /// Removes the line, if it is shown: before anything is written to standard output.
    /// Whether it was shown.
    pub fn clear(&mut self) -> bool {
        match (self.shown, self.sink.as_mut()) {
            (true, Some(sink)) => {
                let _ = sink.write_all(b"\r\x1b[K").and_then(|()| sink.flush());
                self.shown = false;
                true
            }
            _ => false,
        }
    }
}

/// A writer (standard output) that clears the progress line before it writes anything, and
/// shows it again once the bytes are out.
pub struct Cleared<W: Write, E: Write> {
    inner: W,
    /// The progress line to clear.
    pub progress: Progress<E>,
}

impl<W: Write, E: Write> Cleared<W, E> {
    /// `inner`, with `progress` cleared before every write to it.
    pub fn new(inner: W, progress: Progress<E>) -> Self {
        Cleared { inner, progress }
    }
}

impl<W: Write, E: Write> Write for Cleared<W, E> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !self.progress.clear() {
            return self.inner.write(bytes);
        }
        let written = self.inner.write(bytes)?;
        self.inner.flush()?;
        self.progress.draw();
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
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
        assert!(!progress.clear(), "nothing shown");
        assert_eq!(progress.sink.as_deref(), Some(&b""[..]));
        progress.tick(2);
        let shown =
            String::from_utf8(progress.sink.clone().unwrap_or_default()).unwrap_or_default();
        assert!(shown.starts_with("\r2 lines ("), "{shown:?}");
        assert!(shown.ends_with(" lines/s)\x1b[K"), "{shown:?}");
        assert!(progress.clear());
        assert!(!progress.clear());
        let written = progress.sink.unwrap_or_default();
        assert_eq!(&written[shown.len()..], b"\r\x1b[K", "cleared once");
    }

    #[test]
    fn a_write_through_cleared_clears_the_line_and_shows_it_again() {
        let progress = Progress::new(Some(Vec::new()), 1, Duration::ZERO);
        let mut out = io::BufWriter::new(Cleared::new(Vec::new(), progress));
        out.get_mut().progress.tick(1);
        // Buffered: nothing reached the output, the line stays.
        writeln!(out, "a violation").unwrap_or_default();
        let shown = out.get_ref().progress.sink.clone().unwrap_or_default();
        out.flush().unwrap_or_default();
        let cleared = out.get_ref();
        assert_eq!(cleared.inner, b"a violation\n");
        // Cleared, then shown again.
        let sink = cleared.progress.sink.as_deref().unwrap_or_default();
        assert_eq!(&sink[..shown.len()], &shown[..]);
        let after = String::from_utf8_lossy(&sink[shown.len()..]);
        let line = String::from_utf8_lossy(&shown);
        assert_eq!(after, format!("\r\x1b[K{line}"));
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
