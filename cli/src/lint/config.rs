//! `ors-lint.toml`: a project's lint settings, at its root.
//!
//! For each file it lints, `ors-events lint` takes the `ors-lint.toml` of the nearest directory
//! at or above the file's (for standard input: the current directory). Its keys, all optional:
//!
//! ```toml
//! # The ORS release the project targets, as --ors-version (which wins when both are given).
//! ors-version = "8.1.4"
//! # Event families the project defines itself: never reported as misspelt families.
//! families = ["acme"]
//! # Events the project defines itself: descriptors and `_event.name` comparisons that match
//! # one are not checked, even in a catalogue family.
//! events = ["interaction.acme.escalated"]
//!
//! # Findings accepted where the team knows better: a code, and the files it is accepted in
//! # (paths relative to this file's directory; a directory covers everything below it; no
//! # paths: everywhere).
//! [[allow]]
//! code = "not-in-version"
//! paths = ["src-gen/Legacy.scxml"]
//! reason = "runs on 8.1.400.20 and later only"
//! ```

use std::path::{Path, PathBuf};

use ors_events::lint::{self, Finding, Options};
use ors_events::OrsVersion;
use serde::Deserialize;

use crate::ui::Failure;

/// The name of the file.
pub const FILE_NAME: &str = "ors-lint.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    ors_version: Option<String>,
    #[serde(default)]
    families: Vec<String>,
    #[serde(default)]
    events: Vec<String>,
    #[serde(default)]
    allow: Vec<RawAllow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAllow {
    code: String,
    #[serde(default)]
    paths: Vec<String>,
    // Read so that it is allowed; it is for people.
    #[allow(dead_code)]
    reason: Option<String>,
}

/// One accepted code, and where.
#[derive(Debug, Clone)]
struct Allow {
    code: String,
    paths: Vec<PathBuf>,
}

/// A project's settings.
#[derive(Debug, Clone)]
pub struct Config {
    ors_version: Option<OrsVersion>,
    families: Vec<String>,
    events: Vec<String>,
    allow: Vec<Allow>,
}

impl Config {
    /// The settings of the nearest `ors-lint.toml` at or above `dir`, if there is one.
    pub fn find(dir: &Path) -> Result<Option<Config>, Failure> {
        let Ok(dir) = dir.canonicalize() else {
            return Ok(None);
        };
        for ancestor in dir.ancestors() {
            let path = ancestor.join(FILE_NAME);
            if path.is_file() {
                return Config::read(&path, ancestor).map(Some);
            }
        }
        Ok(None)
    }

    fn read(path: &Path, root: &Path) -> Result<Config, Failure> {
        let problem = |message: String| Failure::usage(format!("{}: {message}", path.display()));
        let text = std::fs::read_to_string(path)
            .map_err(|error| problem(format!("cannot read it: {error}")))?;
        let raw: Raw = toml::from_str(&text).map_err(|error| problem(error.to_string()))?;
        let ors_version = raw
            .ors_version
            .map(|text| text.parse::<OrsVersion>())
            .transpose()
            .map_err(|error| problem(format!("ors-version: {error}")))?;
        let mut allow = Vec::with_capacity(raw.allow.len());
        for entry in raw.allow {
            if lint::rule(&entry.code).is_none() {
                let codes: Vec<&str> = lint::RULES.iter().map(|rule| rule.code).collect();
                return Err(problem(format!(
                    "allow: no rule has the code `{}` (the codes: {})",
                    entry.code,
                    codes.join(", ")
                )));
            }
            let paths = entry
                .paths
                .iter()
                .map(|relative| root.join(relative.trim_start_matches("./")))
                .collect();
            allow.push(Allow {
                code: entry.code,
                paths,
            });
        }
        Ok(Config {
            ors_version,
            families: raw.families,
            events: raw.events,
            allow,
        })
    }

    /// The options to lint this project's files with: `ors_version` (from the command line)
    /// wins over the file's.
    pub fn options(&self, ors_version: Option<OrsVersion>) -> Options {
        Options {
            ors_version: ors_version.or(self.ors_version),
            families: self.families.clone(),
            events: self.events.clone(),
        }
    }

    /// `findings` of `file` without those the file accepts.
    pub fn filter(&self, file: Option<&Path>, findings: Vec<Finding>) -> Vec<Finding> {
        if self.allow.is_empty() {
            return findings;
        }
        let file = file.and_then(|file| file.canonicalize().ok());
        findings
            .into_iter()
            .filter(|finding| !self.allows(file.as_deref(), finding.code))
            .collect()
    }

    fn allows(&self, file: Option<&Path>, code: &str) -> bool {
        self.allow.iter().any(|allow| {
            allow.code == code
                && (allow.paths.is_empty()
                    || file
                        .is_some_and(|file| allow.paths.iter().any(|path| file.starts_with(path))))
        })
    }
}
