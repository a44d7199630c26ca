//! Validating a stream of JSON Lines on several threads, in constant memory, with every report
//! handed back in line order.
//!
//! Each of `jobs` worker threads reads the next block of whole lines itself (the input is
//! shared under a lock), validates it on its own core while its lines are in that core's
//! cache, and sends it back numbered; the calling thread hands the reports to the caller in
//! block order, holding those that come early. At most two blocks per worker are read and not
//! yet handed on, and blocks are recycled: memory stays bounded whatever the input's length.
//! With one job, the calling thread reads and validates the blocks itself; the reports are
//! the same.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::num::NonZeroUsize;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Condvar, Mutex};

use super::{
    read_with_serde, validate_first_line, validate_with, Checks, Options, Report, StreamSummary,
    Violation, ViolationCode,
};

/// The bytes of input a block holds before it is handed to a worker. A quarter of a megabyte
/// fits a core's L2 cache (512 KiB on the project's machine), so a block is still there when
/// its worker validates it right after reading it, and the blocks in flight touch fewer pages:
/// with two jobs, 624 page faults a run instead of 1,922 with a megabyte, and 1.86x and 1.71x
/// one job's throughput against 1.76x and 1.60x in two paired runs (BENCHMARKS.md).
const BLOCK_BYTES: usize = 1 << 18;

/// Blocks in flight per worker: one being validated, one waiting.
const IN_FLIGHT: usize = 2;

/// How to read a stream: see [`validate_stream`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamOptions {
    /// Lines longer than this (without their line break) are reported as `line-too-long` and
    /// skipped without being held whole.
    pub max_line_bytes: usize,
    /// Threads validating lines; 1 validates on the calling thread.
    pub jobs: NonZeroUsize,
}

impl Default for StreamOptions {
    /// [`super::DEFAULT_MAX_LINE_BYTES`], and one job per available core.
    fn default() -> Self {
        StreamOptions {
            max_line_bytes: super::DEFAULT_MAX_LINE_BYTES,
            jobs: available_jobs(),
        }
    }
}

/// One job per core this process may use (1 when that cannot be told).
pub fn available_jobs() -> NonZeroUsize {
    std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN)
}

/// Whole lines of input, and what follows them.
#[derive(Default)]
struct Block {
    /// A buffer whose first `filled` bytes are lines, each with its line break except perhaps
    /// the last one of the input; the rest is room for reading (kept, so as not to clear it
    /// again for every block).
    data: Vec<u8>,
    filled: usize,
    /// The bytes of a line too long to hold, read after the block's lines.
    long_line: Option<u64>,
    /// Room for the reports of the block's lines, kept from block to block.
    reports: Vec<(u64, Report)>,
}

impl Block {
    fn lines(&self) -> &[u8] {
        &self.data[..self.filled]
    }
}

/// A worker's answer for one block.
struct Done {
    /// The block, for reuse.
    block: Block,
    /// The report of every non-blank line, with its line number counted from the block's start.
    reports: Vec<(u64, Report)>,
    /// Lines in the block, blank ones included.
    lines: u64,
    summary: StreamSummary,
}

/// Validates JSON Lines from `reader`, one envelope per line, on `settings.jobs` threads, and
/// calls `each` on the calling thread with the 1-based line number and report of every
/// non-blank line, in line order: the calls are the same whatever the number of jobs. A
/// broken line never stops the lines after it, and memory stays bounded (a few blocks of a
/// quarter of a megabyte per job, and lines longer than `settings.max_line_bytes` are reported
/// (`line-too-long`) and skipped without being held). An error of `reader` or of `each` stops
/// the run and is returned.
///
/// ```
/// use std::num::NonZeroUsize;
/// use ors_events::validate::{validate_stream, Options, StreamOptions};
///
/// let input = b"{\"name\": \"interaction.added\", \"data\": {\"interactionid\": \"i\"}}\n\n{oops\n";
/// let settings = StreamOptions { jobs: NonZeroUsize::new(2).unwrap(), ..StreamOptions::default() };
/// let mut bad_lines = Vec::new();
/// let summary = validate_stream(&ors_events::Catalogue, &input[..], &Options::new(), settings, |line, report| {
///     if !report.is_valid() {
///         bad_lines.push(line);
///     }
///     Ok(())
/// })?;
/// assert_eq!((summary.events, summary.invalid), (2, 1));
/// assert_eq!(bad_lines, [3]);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn validate_stream<S: Checks + Sync, R: Read + Send>(
    checks: &S,
    reader: R,
    options: &Options,
    settings: StreamOptions,
    mut each: impl FnMut(u64, &Report) -> io::Result<()>,
) -> io::Result<StreamSummary> {
    let mut blocks = Blocks::new(reader, settings.max_line_bytes);
    let mut output = Output {
        summary: StreamSummary::default(),
        lines: 0,
    };
    let max = settings.max_line_bytes;
    let jobs = settings.jobs.get();
    if jobs == 1 {
        // Each report is handed on as soon as it is made, while the line is in the cache,
        // rather than held with the block's others and read back (and dropped) after them.
        while let Some(block) = blocks.next()? {
            let first = output.lines;
            let (lines, summary) =
                validate_lines(checks, options, max, &block, &mut |line, report| {
                    each(first + line, &report)
                })?;
            output.add(lines, &summary);
            blocks.recycle(block);
        }
        return Ok(output.summary);
    }
    let shared = Shared {
        state: Mutex::new(Reading {
            blocks,
            next: 0,
            in_flight: 0,
            stop: false,
            error: None,
        }),
        room: Condvar::new(),
        limit: jobs * IN_FLIGHT,
    };
    let (outbox, answers) = channel::<(u64, Done)>();
    std::thread::scope(|scope| {
        // The calling thread is one of the jobs: it validates blocks too, between handing on
        // the reports of those that are done (a third thread on two cores would take turns
        // with the others).
        for _ in 1..jobs {
            let outbox = outbox.clone();
            let shared = &shared;
            scope.spawn(move || work(checks, options, max, shared, outbox));
        }
        drop(outbox);
        let emitted = validate_and_emit(
            &shared,
            &answers,
            (checks, options, max),
            &mut output,
            &mut each,
        );
        // Stop the workers whatever happened (an error of `each` included).
        shared.lock().stop = true;
        shared.room.notify_all();
        emitted
    })?;
    match shared.state.into_inner().map_err(|_| worker_lost())?.error {
        Some(err) => Err(err),
        None => Ok(output.summary),
    }
}

/// What the workers share: the input, read by whichever worker is free, block by block.
struct Shared<R> {
    state: Mutex<Reading<R>>,
    /// Signalled when a block is emitted (room for another) or the run stops.
    room: Condvar,
    /// Blocks read and not yet emitted, at most: memory stays bounded.
    limit: usize,
}

struct Reading<R> {
    blocks: Blocks<R>,
    /// The number of the next block read.
    next: u64,
    in_flight: usize,
    /// The input ended, failed, or the caller stopped.
    stop: bool,
    error: Option<io::Error>,
}

impl<R> Shared<R> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Reading<R>> {
        // A worker that panicked holding the lock left the state as it was: still usable.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl<R: Read> Shared<R> {
    /// The next block and its number, read under the lock; `None` once the input ended,
    /// failed, or the run stopped. With `wait`, waits for room while too many blocks are read
    /// and not yet handed on; without, returns `Some(None)` then.
    fn take(&self, wait: bool) -> Option<Option<(u64, Block)>> {
        let mut state = self.lock();
        while state.in_flight >= self.limit && !state.stop {
            if !wait {
                return Some(None);
            }
            state = self
                .room
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        if state.stop {
            return None;
        }
        match state.blocks.next() {
            Ok(Some(block)) => {
                let number = state.next;
                state.next += 1;
                state.in_flight += 1;
                Some(Some((number, block)))
            }
            Ok(None) => {
                state.stop = true;
                self.room.notify_all();
                None
            }
            Err(err) => {
                state.error = Some(err);
                state.stop = true;
                self.room.notify_all();
                None
            }
        }
    }
}

/// A worker: reads the next block itself (so that its lines are in this core's cache when
/// it validates them, rather than read on one core and validated on another), validates it,
/// and sends it numbered to the calling thread, until the input ends.
fn work<S: Checks, R: Read>(
    checks: &S,
    options: &Options,
    max_line_bytes: usize,
    shared: &Shared<R>,
    outbox: Sender<(u64, Done)>,
) {
    while let Some(Some((number, block))) = shared.take(true) {
        let done = validate_block(checks, options, max_line_bytes, block);
        if outbox.send((number, done)).is_err() {
            return;
        }
    }
}

/// The calling thread's part: validates blocks like a worker, and hands every block's reports
/// to `each` in input order as soon as those before it are handed on, holding those that
/// come early (at most the in-flight limit).
fn validate_and_emit<S: Checks, R: Read>(
    shared: &Shared<R>,
    answers: &Receiver<(u64, Done)>,
    (checks, options, max_line_bytes): (&S, &Options, usize),
    output: &mut Output,
    each: &mut impl FnMut(u64, &Report) -> io::Result<()>,
) -> io::Result<()> {
    let mut early: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0;
    let mut reading = true;
    loop {
        while let Ok((number, done)) = answers.try_recv() {
            early.insert(number, done);
        }
        while let Some(done) = early.remove(&next) {
            let block = output.emit(done, each)?;
            next += 1;
            let mut state = shared.lock();
            state.blocks.recycle(block);
            state.in_flight -= 1;
            drop(state);
            shared.room.notify_one();
        }
        match reading.then(|| shared.take(false)).flatten() {
            Some(Some((number, block))) => {
                early.insert(
                    number,
                    validate_block(checks, options, max_line_bytes, block),
                );
            }
            // No room: the block to hand on next is with a worker; wait for a block.
            Some(None) => match answers.recv() {
                Ok((number, done)) => {
                    early.insert(number, done);
                }
                Err(_) => return Ok(()),
            },
            // The input ended (or failed): take the workers' last blocks.
            None => {
                reading = false;
                match answers.recv() {
                    Ok((number, done)) => {
                        early.insert(number, done);
                    }
                    Err(_) => {
                        // Every worker stopped: what is left is in order.
                        while let Some(done) = early.remove(&next) {
                            output.emit(done, each)?;
                            next += 1;
                        }
                        return Ok(());
                    }
                }
            }
        }
    }
}

fn worker_lost() -> io::Error {
    io::Error::other("a validation thread stopped unexpectedly")
}

/// The reports in order, and the running totals.
struct Output {
    summary: StreamSummary,
    /// Lines before the next block.
    lines: u64,
}

impl Output {
    /// Hands a block's reports to `each`; returns the block for reuse.
    fn emit(
        &mut self,
        done: Done,
        each: &mut impl FnMut(u64, &Report) -> io::Result<()>,
    ) -> io::Result<Block> {
        for (line, report) in &done.reports {
            each(self.lines + line, report)?;
        }
        let mut block = done.block;
        block.reports = done.reports;
        self.add(done.lines, &done.summary);
        Ok(block)
    }

    /// Counts a block's lines and adds its totals.
    fn add(&mut self, lines: u64, block: &StreamSummary) {
        self.lines += lines;
        let summary = &mut self.summary;
        summary.events += block.events;
        summary.invalid += block.invalid;
        summary.warned += block.warned;
        summary.bytes += block.bytes;
    }
}

/// Validates every line of `block`, holding the reports in the block's room for them.
fn validate_block<S: Checks>(
    checks: &S,
    options: &Options,
    max_line_bytes: usize,
    mut block: Block,
) -> Done {
    let mut reports = std::mem::take(&mut block.reports);
    reports.clear();
    let Ok((lines, summary)) = validate_lines(
        checks,
        options,
        max_line_bytes,
        &block,
        &mut |line, report| {
            reports.push((line, report));
            Ok::<(), std::convert::Infallible>(())
        },
    );
    Done {
        block,
        reports,
        lines,
        summary,
    }
}

/// Validates every line of `block`, calling `sink` with the line number (from the block's
/// start) and report of each non-blank line, in order; returns the block's lines, blank ones
/// included, and its totals. An error of `sink` stops it.
fn validate_lines<S: Checks, E>(
    checks: &S,
    options: &Options,
    max_line_bytes: usize,
    block: &Block,
    sink: &mut impl FnMut(u64, Report) -> Result<(), E>,
) -> Result<(u64, StreamSummary), E> {
    let mut summary = StreamSummary::default();
    let mut lines = 0;
    let mut add = |line: u64, found: Report, summary: &mut StreamSummary| {
        summary.events += 1;
        if !found.is_valid() {
            summary.invalid += 1;
        } else if !found.violations.is_empty() {
            summary.warned += 1;
        }
        sink(line, found)
    };
    // UTF-8 is checked once for the whole block, far cheaper than line by line; the lines
    // after a byte that fails it are validated one by one from bytes.
    let all = block.lines();
    let text = crate::json::utf8_prefix(all);
    let mut start = 0;
    while start < all.len() {
        // Most lines are read by the fast path before their end is known: it stops at the
        // line break, which is then where it stopped. Others are cut at their line break first.
        let fast = text
            .get(start..)
            .and_then(|rest| validate_first_line(checks, rest, options))
            // The line must end there: at a line break, or at the end of the block (not at
            // the end of its UTF-8 prefix, before a byte that is not).
            .filter(|(_, length)| all.get(start + length).is_none_or(|byte| *byte == b'\n'));
        let (end, report) = match fast {
            Some((report, length)) => (start + length, Some(report)),
            None => (
                memchr::memchr(b'\n', &all[start..]).map_or(all.len(), |end| start + end),
                None,
            ),
        };
        let line = &all[start..end];
        let line_start = start;
        start = (end + 1).min(all.len());
        lines += 1;
        summary.bytes += (start - line_start) as u64;
        if line.len() > max_line_bytes {
            add(lines, too_long(max_line_bytes), &mut summary)?;
        } else if let Some(report) = report {
            add(lines, report, &mut summary)?;
        } else if !line.iter().all(u8::is_ascii_whitespace) {
            // A line inside the block's UTF-8 prefix was declined by the fast path above on
            // exactly its own bytes (the cursor stops at the line break): the serde reading
            // decides. A line past the prefix was never read: it gets the whole of
            // `validate_with`, on bytes.
            let report = if text.len() >= end {
                read_with_serde(checks, line, options)
            } else {
                validate_with(checks, line, options)
            };
            add(lines, report, &mut summary)?;
        }
    }
    if let Some(bytes) = block.long_line {
        lines += 1;
        summary.bytes += bytes;
        add(lines, too_long(max_line_bytes), &mut summary)?;
    }
    Ok((lines, summary))
}

/// The report of a line longer than `max_line_bytes`.
pub(super) fn too_long(max_line_bytes: usize) -> Report {
    Report {
        event: None,
        violations: vec![Violation {
            pointer: String::new(),
            code: ViolationCode::LineTooLong.as_str(),
            message: format!("the line is longer than {max_line_bytes} bytes; it was skipped"),
            severity: ViolationCode::LineTooLong.severity(false),
        }],
    }
}

/// The input cut into blocks of whole lines.
struct Blocks<R> {
    reader: R,
    max_line_bytes: usize,
    /// The start of a line whose end is not read yet.
    carry: Vec<u8>,
    /// Blocks handed back, for reuse.
    spare: Vec<Block>,
    at_end: bool,
    /// The last read returned less than it could: the input has no more for now (a pipe
    /// or terminal), so what was read is handed on rather than held for a whole block.
    short: bool,
}

impl<R: Read> Blocks<R> {
    fn new(reader: R, max_line_bytes: usize) -> Self {
        Blocks {
            reader,
            max_line_bytes,
            carry: Vec::new(),
            spare: Vec::new(),
            at_end: false,
            short: false,
        }
    }

    /// Takes a block back for reuse, unless an overlong line made it large.
    fn recycle(&mut self, mut block: Block) {
        if block.data.len() <= 2 * BLOCK_BYTES {
            block.filled = 0;
            block.long_line = None;
            self.spare.push(block);
        }
    }

    /// The next block: whole lines, or the rest of the input; `None` at its end.
    fn next(&mut self) -> io::Result<Option<Block>> {
        let mut block = self.spare.pop().unwrap_or_default();
        let carried = self.carry.len();
        if block.data.len() < carried {
            block.data.resize(carried, 0);
        }
        block.data[..carried].copy_from_slice(&self.carry);
        block.filled = carried;
        self.carry.clear();
        loop {
            if self.at_end {
                return Ok((block.filled > 0).then_some(block));
            }
            if block.filled >= BLOCK_BYTES || self.short {
                if let Some(last) = memchr::memrchr(b'\n', block.lines()) {
                    self.carry
                        .extend_from_slice(&block.data[last + 1..block.filled]);
                    block.filled = last + 1;
                    return Ok(Some(block));
                }
                if block.filled > self.max_line_bytes {
                    block.long_line = Some(self.skip_line(block.filled)?);
                    block.filled = 0;
                    return Ok(Some(block));
                }
            }
            let filled = block.filled;
            block.filled += self.fill(&mut block.data, filled)?;
        }
    }

    /// Reads more input into `data` after its first `filled` bytes (growing it when it has
    /// less than a block's worth of room); returns the bytes read.
    fn fill(&mut self, data: &mut Vec<u8>, filled: usize) -> io::Result<usize> {
        if data.len() < filled + BLOCK_BYTES / 2 {
            data.resize(filled + BLOCK_BYTES, 0);
        }
        let room = &mut data[filled..];
        let read = loop {
            match self.reader.read(room) {
                Ok(read) => break read,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            }
        };
        self.at_end = read == 0;
        self.short = read < room.len();
        Ok(read)
    }

    /// Reads and drops the rest of an overlong line of which `held` bytes were read; returns
    /// the bytes of the whole line with its line break, and keeps what follows it.
    fn skip_line(&mut self, held: usize) -> io::Result<u64> {
        let mut consumed = held as u64;
        let mut buffer = Vec::new();
        loop {
            let read = self.fill(&mut buffer, 0)?;
            if self.at_end {
                return Ok(consumed);
            }
            if let Some(end) = memchr::memchr(b'\n', &buffer[..read]) {
                consumed += end as u64 + 1;
                self.carry.extend_from_slice(&buffer[end + 1..read]);
                return Ok(consumed);
            }
            consumed += read as u64;
        }
    }
}
