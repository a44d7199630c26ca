//! Advisory locks, so that runs writing the same output directory take turns, and so that a run
//! can tell a staging directory whose writer is still at work from one a killed run left.
//!
//! A lock is a `flock` on a small file. The file of an output directory's lock lies beside the
//! directory (`.NAME.lock`) and is removed by its holder on release; a run that was waiting on
//! the removed file notices that the name now leads elsewhere and locks again, so two runs never
//! both believe they hold the lock. The kernel releases a killed holder's lock.
//!
//! On systems without `flock` (not Unix) nothing is locked: every lock is granted at once.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long [`crate::Outputs::write_atomic`] waits for another run to finish with the same
/// output directory before it gives up.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(60);

/// How often a waiting run tries the lock again.
const POLL: Duration = Duration::from_millis(20);

/// The file, inside a staging directory, that its writer holds locked while it writes there.
pub const OWNER_FILE: &str = ".ors-events-writer";

/// The exclusive right to write one output directory, released when dropped.
#[derive(Debug)]
pub struct OutputLock {
    file: File,
    path: PathBuf,
}

impl OutputLock {
    /// Takes the lock of the output directory `dir`, waiting up to `wait` for the run that holds
    /// it. The parent of `dir` must exist. Fails with [`io::ErrorKind::WouldBlock`] when the lock
    /// is still held after `wait` (at once for a zero `wait`), naming the holder's process.
    pub fn acquire(dir: &Path, wait: Duration) -> io::Result<OutputLock> {
        let path = lock_path(dir);
        let deadline = Instant::now() + wait;
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)?;
            if try_lock(&file)? {
                // The previous holder may have removed the file after we opened it: a lock on a
                // file no longer at `path` excludes nobody.
                if same_file(&file, &path)? {
                    let mut lock = OutputLock { file, path };
                    lock.record_holder()?;
                    return Ok(lock);
                }
                continue;
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(busy(dir, &path, wait));
            }
            std::thread::sleep(POLL.min(deadline - now));
        }
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes this process's id into the lock file, for the message of a run that gives up.
    fn record_holder(&mut self) -> io::Result<()> {
        self.file.set_len(0)?;
        writeln!(self.file, "{}", std::process::id())
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked; closing the file then releases the lock.
        let _ = fs::remove_file(&self.path);
    }
}

/// The lock file of the output directory `dir`: `.NAME.lock` beside it.
pub fn lock_path(dir: &Path) -> PathBuf {
    let (parent, name) = super::parent_and_name(dir);
    parent.join(format!(".{name}.lock"))
}

fn busy(dir: &Path, lock: &Path, wait: Duration) -> io::Error {
    let holder = fs::read_to_string(lock)
        .ok()
        .and_then(|text| text.trim().parse::<u32>().ok())
        .map(|pid| format!("process {pid}"))
        .unwrap_or_else(|| "another process".into());
    let waited = if wait.is_zero() {
        "did not wait".to_owned()
    } else {
        format!("gave up after waiting {} s", wait.as_secs_f64())
    };
    io::Error::new(
        io::ErrorKind::WouldBlock,
        format!(
            "another ors-events run is writing {} ({holder} holds the lock {}); {waited}",
            dir.display(),
            lock.display()
        ),
    )
}

/// The lock a writer holds on the owner file of its staging directory while it writes there.
#[derive(Debug)]
pub struct StagingOwner {
    _file: File,
    path: PathBuf,
}

impl StagingOwner {
    /// Creates the owner file in the new, empty directory `staging` and locks it.
    pub fn claim(staging: &Path) -> io::Result<StagingOwner> {
        let path = staging.join(OWNER_FILE);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        if !try_lock(&file)? {
            return Err(io::Error::other(format!(
                "{} is locked by another process",
                path.display()
            )));
        }
        writeln!(file, "{}", std::process::id())?;
        Ok(StagingOwner { _file: file, path })
    }

    /// Removes the owner file, so that the staging directory holds exactly the outputs. The lock
    /// is held until `self` is dropped.
    pub fn remove_file(&self) -> io::Result<()> {
        fs::remove_file(&self.path)
    }
}

/// Whether the staging directory `staging` was left by a writer that is gone: its owner file is
/// missing (killed after removing it; only the output lock's holder may conclude this) or not
/// locked by anyone.
pub fn writer_is_gone(staging: &Path) -> io::Result<bool> {
    let file = match File::open(staging.join(OWNER_FILE)) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(true),
        // Not a directory, or unreadable: nothing of ours is writing there.
        Err(err) if err.kind() == io::ErrorKind::NotADirectory => return Ok(true),
        Err(err) => return Err(err),
    };
    // Locking it proves that no writer holds it; the lock goes with the file.
    try_lock(&file)
}

/// Takes an exclusive `flock` on `file` without waiting: `false` when another holds it.
#[cfg(unix)]
fn try_lock(file: &File) -> io::Result<bool> {
    use rustix::fs::{flock, FlockOperation};
    use rustix::io::Errno;
    loop {
        match flock(file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => return Ok(true),
            Err(Errno::WOULDBLOCK) => return Ok(false),
            Err(Errno::INTR) => continue,
            Err(err) => return Err(err.into()),
        }
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> io::Result<bool> {
    Ok(true)
}

/// Whether the open `file` is the one `path` names now.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let open = file.metadata()?;
    match fs::metadata(path) {
        Ok(named) => Ok(open.dev() == named.dev() && open.ino() == named.ino()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(err) => Err(err),
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> io::Result<bool> {
    Ok(true)
}
