//! Several `generate` runs on one output directory at once, in every other round some of them
//! killed at random moments: afterwards the directory always holds one whole generation, every run that was not
//! killed succeeded (it waited for the lock), and once a run completes nothing is left beside
//! the directory. And one run killed at growing moments leaves the old generation or the new.
//!
//! CI runs a few rounds with a fixed seed. The full check, 100 rounds in a row:
//! `ORS_EVENTS_ROUNDS=100 cargo test -p ors-events-cli --test concurrent_generate -- --nocapture`
//! (`ORS_EVENTS_SEED=N` draws other runs and kill moments).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../tests/support/mod.rs"]
mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ors_events_codegen::corpus::Rng;
use ors_events_codegen::Outputs;
use support::TempDir;

/// Runs started at once in each round.
const RUNS: usize = 3;
/// The latest moment a run is killed, after the round starts; a run takes about a second.
const KILL_WINDOW_MS: usize = 2_500;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

/// Two specs whose generations differ in content and in their sets of files.
struct Specs {
    dirs: [PathBuf; 2],
    outputs: [Outputs; 2],
}

impl Specs {
    fn new(dir: &Path) -> Specs {
        let real = support::workspace().join("spec");
        let synthetic = dir.join("synthetic-spec");
        fs::create_dir_all(&synthetic).unwrap();
        for (name, text) in ors_events_codegen::corpus::synthetic_spec(100) {
            fs::write(synthetic.join(name), text).unwrap();
        }
        let outputs = [
            ors_events_codegen::generate(&real).unwrap(),
            ors_events_codegen::generate(&synthetic).unwrap(),
        ];
        assert_ne!(outputs[0], outputs[1]);
        Specs {
            dirs: [real, synthetic],
            outputs,
        }
    }

    /// Which generation `out` holds whole, if any.
    fn whole_generation(&self, out: &Path) -> Option<usize> {
        (0..2).find(|&which| self.outputs[which].drift(out).unwrap().is_empty())
    }

    fn start(&self, which: usize, out: &Path) -> Child {
        Command::new(support::binary())
            .args(["generate", "--spec"])
            .arg(&self.dirs[which])
            .arg("--out")
            .arg(out)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// One round: `RUNS` runs at once. In a round with kills, each run is killed at a random moment
/// or not at all, and each generates one of the two specs; in a round without, all generate the
/// same spec, so that they reach the output directory at the same moment.
fn round(specs: &Specs, out: &Path, rng: &mut Rng, kills: bool, label: &str) {
    let started = Instant::now();
    let spec = rng.below(2);
    let mut runs: Vec<(Child, Option<Duration>)> = (0..RUNS)
        .map(|_| {
            let child = specs.start(if kills { rng.below(2) } else { spec }, out);
            let kill_at = (kills && rng.chance(500))
                .then(|| Duration::from_millis(rng.below(KILL_WINDOW_MS) as u64));
            (child, kill_at)
        })
        .collect();
    let mut kills: Vec<(Duration, usize)> = runs
        .iter()
        .enumerate()
        .filter_map(|(index, (_, at))| at.map(|at| (at, index)))
        .collect();
    kills.sort();
    for (at, index) in kills {
        if let Some(left) = at.checked_sub(started.elapsed()) {
            std::thread::sleep(left);
        }
        let _ = runs[index].0.kill();
    }
    for (index, (child, kill_at)) in runs.into_iter().enumerate() {
        let output = child.wait_with_output().unwrap();
        if kill_at.is_none() {
            assert!(
                output.status.success(),
                "{label}: run {index} was not killed and failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    assert!(
        specs.whole_generation(out).is_some(),
        "{label}: the output is not one whole generation: {:?}",
        specs.outputs[0].drift(out).unwrap()
    );
}

#[test]
fn concurrent_runs_killed_at_random_leave_one_whole_generation() {
    let rounds = env_number("ORS_EVENTS_ROUNDS", 4);
    let seed = env_number("ORS_EVENTS_SEED", 0x18_2026);
    let dir = TempDir::new("concurrent");
    let specs = Specs::new(dir.path());
    let parent = dir.path().join("work");
    let out = parent.join("generated");
    specs.outputs[0].write_atomic(&out).unwrap();
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    for number in 0..rounds {
        let label = format!("seed {seed}, round {number}");
        round(&specs, &out, &mut rng, number % 2 == 1, &label);
        // A run that completes cleans up what the killed ones left.
        let last = specs.start(rng.below(2), &out).wait_with_output().unwrap();
        assert!(last.status.success(), "{label}: the closing run failed");
        assert!(specs.whole_generation(&out).is_some(), "{label}");
        assert_eq!(names(&parent), ["generated"], "{label}: left behind");
    }
    eprintln!(
        "{rounds} rounds of {RUNS} concurrent runs passed in {:.1} s (seed {seed})",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn a_second_run_fails_at_once_with_wait_0_while_the_lock_is_held() {
    let dir = TempDir::new("locked");
    let out = dir.path().join("generated");
    let lock = ors_events_codegen::output::lock::OutputLock::acquire(&out, Duration::ZERO)
        .expect("the lock is free");
    let run = |wait: &str| {
        Command::new(support::binary())
            .args(["generate", "--wait", wait, "--out"])
            .arg(&out)
            .current_dir(support::workspace())
            .output()
            .unwrap()
    };
    let started = Instant::now();
    let refused = run("0");
    assert_eq!(refused.status.code(), Some(2));
    assert!(started.elapsed() < Duration::from_secs(10));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("another ors-events run is writing")
            && message.contains(&format!("process {}", std::process::id()))
            && message.contains("--wait"),
        "{message}"
    );
    assert!(!out.exists(), "a refused run wrote something");
    // A bounded wait gives up too, after about that long.
    let started = Instant::now();
    assert_eq!(run("1").status.code(), Some(2));
    assert!(started.elapsed() >= Duration::from_secs(1));
    // Once the lock is released, the next run proceeds and removes the lock file.
    drop(lock);
    let done = run("0");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(names(dir.path()), ["generated"]);
}

#[test]
fn recovery_keeps_a_live_writers_staging_directory_and_removes_a_dead_ones() {
    let dir = TempDir::new("recovery");
    let out = dir.path().join("generated");
    let outputs = ors_events_codegen::generate(&support::workspace().join("spec")).unwrap();
    // A live writer: its owner file is locked (by this process, through another handle).
    let live = dir.path().join(".generated.new-live");
    fs::create_dir(&live).unwrap();
    let owner = ors_events_codegen::output::lock::StagingOwner::claim(&live).unwrap();
    // A dead writer's, with its owner file unlocked, and one killed after it removed the file.
    for dead in [".generated.new-dead", ".generated.new-swapping"] {
        fs::create_dir_all(dir.path().join(dead).join("schema")).unwrap();
        fs::write(dir.path().join(dead).join("README.md"), "partial").unwrap();
    }
    fs::write(
        dir.path()
            .join(".generated.new-dead")
            .join(ors_events_codegen::output::lock::OWNER_FILE),
        "4000000\n",
    )
    .unwrap();
    outputs.write_atomic(&out).unwrap();
    assert_eq!(names(dir.path()), [".generated.new-live", "generated"]);
    drop(owner);
    outputs.write_atomic(&out).unwrap();
    assert_eq!(names(dir.path()), ["generated"]);
    assert!(outputs.drift(&out).unwrap().is_empty());
}

/// One run on a big catalogue, killed at growing moments: the output is always the old
/// generation or the new one, and nothing is left beside it.
#[test]
fn generate_killed_midway_leaves_the_output_old_or_new() {
    let dir = TempDir::new("kill");
    // A big synthetic catalogue, so that generating takes long enough to be killed midway.
    let spec = dir.path().join("spec");
    fs::create_dir_all(&spec).unwrap();
    for (name, text) in ors_events_codegen::corpus::synthetic_spec(2_000) {
        fs::write(spec.join(name), text).unwrap();
    }
    let out = dir.path().join("generated");
    let old_outputs = ors_events_codegen::generate(&support::workspace().join("spec")).unwrap();
    old_outputs.write_atomic(&out).unwrap();
    let new_outputs = ors_events_codegen::generate(&spec).unwrap();
    let bin = support::binary();
    let mut saw_old = 0;
    for attempt in 0..12u64 {
        let mut child = Command::new(bin)
            .args([
                "generate",
                "--spec",
                spec.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + attempt * 40));
        let _ = child.kill();
        let _ = child.wait();
        let is_old = old_outputs.drift(&out).unwrap().is_empty();
        assert!(
            is_old || new_outputs.drift(&out).unwrap().is_empty(),
            "attempt {attempt}: the output is neither the old nor the new generation"
        );
        if is_old {
            saw_old += 1;
        }
        // Put the old generation back for the next attempt.
        old_outputs.write_atomic(&out).unwrap();
    }
    assert!(
        saw_old > 0,
        "no attempt was killed before the swap; the test proves nothing"
    );
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        leftovers.iter().all(|name| !name.starts_with(".generated")),
        "{leftovers:?}"
    );
}
