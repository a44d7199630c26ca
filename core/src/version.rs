//! ORS version numbers, parsed and ordered in one place.
//!
//! ORS builds are numbered like `8.1.400.09`: major, minor, a three-digit *line* and a build.
//! A release name such as `8.1.3` stands for a whole line (here 8.1.300.xx) and means "from the
//! first build of that line". So `8.1.3` orders after `8.1.200.73` and before `8.1.300.01`,
//! although a naive dotted comparison says otherwise.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// An ORS version: a build (`8.1.400.09`), a line (`8.1.400`) or a release name (`8.1.4`).
///
/// It is `Copy` and can be built in constant context ([`OrsVersion::from_parts`]), so generated
/// code and derive macros hold versions as constants.
#[derive(Debug, Clone, Copy)]
pub struct OrsVersion {
    major: u32,
    minor: u32,
    line: u32,
    build: Option<u32>,
    form: Form,
}

/// How a version was written, so it displays as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A release name such as `8.1.3`.
    Release,
    /// A line such as `8.1.300`.
    Line,
    /// A build such as `8.1.400.09`, whose build number was written with this many digits.
    Build {
        /// Digits of the build number as written (`2` for `09`).
        width: u8,
    },
}

/// Why a string is not an ORS version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionError {
    /// The text that failed to parse.
    pub text: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not an ORS version: {}", self.text, self.reason)
    }
}

impl std::error::Error for VersionError {}

impl OrsVersion {
    /// A version from its parts, as generated code writes it: `line` is the three-digit line
    /// (`400`), and `build` is `Some` exactly when `form` is [`Form::Build`].
    pub const fn from_parts(
        major: u32,
        minor: u32,
        line: u32,
        build: Option<u32>,
        form: Form,
    ) -> Self {
        OrsVersion {
            major,
            minor,
            line,
            build,
            form,
        }
    }

    /// How the version was written.
    pub fn form(&self) -> Form {
        self.form
    }

    /// The major number (`8` in `8.1.400.09`).
    pub fn major(&self) -> u32 {
        self.major
    }

    /// The minor number (`1` in `8.1.400.09`).
    pub fn minor(&self) -> u32 {
        self.minor
    }

    /// The three-digit line (`400` in `8.1.400.09` and in `8.1.4`).
    pub fn line(&self) -> u32 {
        self.line
    }

    /// The build within the line (`9` in `8.1.400.09`), or `None` for a release name or line,
    /// which stands for the line's first build.
    pub fn build(&self) -> Option<u32> {
        self.build
    }

    fn key(&self) -> (u32, u32, u32, Option<u32>) {
        // `None` orders before every `Some`: a release name is the start of its line.
        (self.major, self.minor, self.line, self.build)
    }
}

fn number(part: &str, text: &str) -> Result<u32, VersionError> {
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(VersionError {
            text: text.to_owned(),
            reason: "every part must be a number",
        });
    }
    part.parse().map_err(|_| VersionError {
        text: text.to_owned(),
        reason: "a part is too large",
    })
}

impl FromStr for OrsVersion {
    type Err = VersionError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = |reason| VersionError {
            text: text.to_owned(),
            reason,
        };
        let parts: Vec<&str> = text.split('.').collect();
        if parts.len() != 3 && parts.len() != 4 {
            return Err(err(
                "expected a build such as 8.1.400.09 or a release such as 8.1.3",
            ));
        }
        let major = number(parts[0], text)?;
        let minor = number(parts[1], text)?;
        let line_text = parts[2];
        let line_number = number(line_text, text)?;
        let line =
            match (parts.len(), line_text.len()) {
                (3, 1) => line_number * 100,
                (_, 3) => line_number,
                (3, _) => return Err(err(
                    "the third part is a one-digit release (8.1.3) or a three-digit line (8.1.300)",
                )),
                _ => {
                    return Err(err(
                        "a build's third part is a three-digit line (8.1.400.09)",
                    ))
                }
            };
        let (build, form) = match parts.get(3) {
            Some(part) if part.len() > 3 => {
                return Err(err("a build number has at most three digits"))
            }
            Some(part) => (
                Some(number(part, text)?),
                Form::Build {
                    width: part.len() as u8,
                },
            ),
            None if line_text.len() == 1 => (None, Form::Release),
            None => (None, Form::Line),
        };
        Ok(OrsVersion {
            major,
            minor,
            line,
            build,
            form,
        })
    }
}

impl fmt::Display for OrsVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (major, minor, line) = (self.major, self.minor, self.line);
        match (self.form, self.build) {
            (Form::Release, _) => write!(f, "{major}.{minor}.{}", line / 100),
            (Form::Build { width }, Some(build)) => {
                write!(
                    f,
                    "{major}.{minor}.{line:03}.{build:0width$}",
                    width = usize::from(width)
                )
            }
            _ => write!(f, "{major}.{minor}.{line:03}"),
        }
    }
}

impl PartialEq for OrsVersion {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for OrsVersion {}

impl PartialOrd for OrsVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrsVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> OrsVersion {
        match text.parse() {
            Ok(version) => version,
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn orders_release_names_by_their_line() {
        let ordered = [
            "8.1.200.73",
            "8.1.3",
            "8.1.300.01",
            "8.1.4",
            "8.1.400.09",
            "8.1.400.17",
            "8.1.400.39",
            "8.1.400.53",
            "8.2.000.01",
        ];
        for pair in ordered.windows(2) {
            assert!(v(pair[0]) < v(pair[1]), "{} < {}", pair[0], pair[1]);
        }
        assert_eq!(v("8.1.3"), v("8.1.300"));
        assert_eq!(v("8.1.400.09"), v("8.1.400.9"));
        assert_eq!(v("8.1.400.09").to_string(), "8.1.400.09");
        assert_eq!(v("8.1.3").line(), 300);
        for text in ["8.1.3", "8.1.300", "8.1.400.09", "8.1.400.9", "8.0.000.123"] {
            assert_eq!(v(text).to_string(), text);
        }
    }

    #[test]
    fn rejects_what_is_not_a_version() {
        for text in [
            "",
            "8",
            "8.1",
            "8.1.20",
            "8.1.3.5",
            "8.1.400.1234",
            "8.1.x",
            "8..3",
            "v8.1.3",
            "8.1.400.09.1",
            "99999999999.1.3",
        ] {
            assert!(text.parse::<OrsVersion>().is_err(), "{text:?} parsed");
        }
    }
}
