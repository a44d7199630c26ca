//! What every command shares on its way out: the global `--quiet` and `--color`, failures and
//! their exit status, and [`report`], the one place a runtime error is printed (`error: ...`,
//! as clap prints its own).

use std::io::{self, IsTerminal, Write};

use clap::builder::styling::{AnsiColor, Style};

/// When to colour what goes to standard error (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When standard error is a terminal and NO_COLOR is unset or empty.
    Auto,
    /// Always, even when NO_COLOR is set.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour what goes to standard error.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
                !no_color && io::stderr().is_terminal()
            }
        }
    }

    /// The same choice for clap's own help and errors.
    pub fn for_clap(self) -> clap::ColorChoice {
        match self {
            ColorChoice::Auto => clap::ColorChoice::Auto,
            ColorChoice::Always => clap::ColorChoice::Always,
            ColorChoice::Never => clap::ColorChoice::Never,
        }
    }
}

/// What makes `validate` and `lint` fail besides errors (`--deny`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    /// Warnings fail too (exit status 1).
    Warnings,
}

/// The global options, as every command needs them.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    /// `--quiet`: no progress line and no summary; findings, problems, errors and the
    /// requested output stay.
    pub quiet: bool,
    /// Whether standard error is coloured (`--color`, resolved).
    pub color: bool,
}

impl Ui {
    /// Prints a summary line (`5 events, 3 invalid`, `wrote 75 files to generated`) on standard
    /// error, unless `--quiet`.
    pub fn summary(&self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }

    /// Prints `warning: MESSAGE` on standard error.
    pub fn warning(&self, message: &str) {
        let style = AnsiColor::Yellow.on_default().bold();
        eprintln!("{}{message}", self.prefix("warning:", style));
    }

    /// `label` and a space, styled when colours are on.
    fn prefix(&self, label: &str, style: Style) -> String {
        if self.color {
            format!("{style}{label}{style:#} ")
        } else {
            format!("{label} ")
        }
    }
}

/// What a failed command prints, besides what it already wrote.
#[derive(Debug)]
enum Message {
    /// A runtime error: printed as `error: MESSAGE`.
    Error(String),
    /// A spec's problems, rendered: each already starts with `error[CODE]:`, as rustc's do.
    Problems(String),
    /// The verdict's summary (`3 changes of category wire or stricter`): the output says the
    /// rest, so it is no error; `--quiet` drops it.
    Summary(String),
    /// Nothing: the findings already written say why.
    Nothing,
}

/// A failed command: its exit status and what it prints about it.
#[derive(Debug)]
pub struct Failure {
    status: u8,
    message: Message,
}

impl Failure {
    /// A runtime error with exit status `status`.
    pub fn error(status: u8, message: impl Into<String>) -> Self {
        Failure {
            status,
            message: Message::Error(message.into()),
        }
    }

    /// A usage or I/O error: exit status 2.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::error(2, message)
    }

    /// A spec's problems, rendered by `Diagnostics::render`.
    pub fn problems(status: u8, rendered: String) -> Self {
        Failure {
            status,
            message: Message::Problems(rendered),
        }
    }

    /// A verdict the output already shows, with its summary line.
    pub fn verdict(status: u8, summary: String) -> Self {
        Failure {
            status,
            message: Message::Summary(summary),
        }
    }

    /// A verdict the output already shows, with nothing more to say.
    pub fn silent(status: u8) -> Self {
        Failure {
            status,
            message: Message::Nothing,
        }
    }

    /// The exit status.
    pub fn status(&self) -> u8 {
        self.status
    }
}

/// Writes `bytes` to standard output and flushes it; a closed pipe (`| head`) is the reader's
/// choice, not an error.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(Failure::usage(format!(
            "cannot write to standard output: {err}"
        ))),
        _ => Ok(()),
    }
}

/// Prints `failure` on standard error: the one place a runtime error is written, so that every
/// one starts with `error:`.
pub fn report(failure: &Failure, ui: &Ui) {
    let mut err = io::stderr().lock();
    let _ = match &failure.message {
        Message::Error(message) => {
            let style = AnsiColor::Red.on_default().bold();
            writeln!(err, "{}{message}", ui.prefix("error:", style))
        }
        Message::Problems(rendered) => writeln!(err, "{rendered}"),
        Message::Summary(summary) if !ui.quiet => writeln!(err, "{summary}"),
        Message::Summary(_) | Message::Nothing => Ok(()),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_styled_only_with_colours() {
        let plain = Ui {
            quiet: false,
            color: false,
        };
        let style = AnsiColor::Red.on_default().bold();
        assert_eq!(plain.prefix("error:", style), "error: ");
        let coloured = Ui {
            color: true,
            ..plain
        };
        assert_eq!(
            coloured.prefix("error:", style),
            "\u{1b}[1m\u{1b}[31merror:\u{1b}[0m "
        );
    }
}
