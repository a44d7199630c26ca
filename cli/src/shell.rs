//! `ors-events completions SHELL` (clap_complete) and `ors-events man` (clap_mangen): what a
//! shell and `man` need, made from the command-line definition itself.

use std::io;
use std::path::Path;

use clap_complete::Shell;
use clap_mangen::Man;

use crate::ui::{write_stdout, Failure, Ui};

/// The name the completion scripts complete.
const BIN: &str = "ors-events";

/// Prints the completion script of `shell` for `command`.
pub fn completions(shell: Shell, command: &mut clap::Command) -> Result<(), Failure> {
    let mut script = Vec::new();
    clap_complete::generate(shell, command, BIN, &mut script);
    write_stdout(&script)
}

/// Prints the manual page of `command` (`ors-events.1`), or of its subcommand `name`
/// (`ors-events-NAME.1`).
pub fn man_page(command: clap::Command, name: Option<&str>) -> Result<(), Failure> {
    let pages = pages(command).map_err(cannot_render)?;
    let wanted = match name {
        None => format!("{BIN}.1"),
        Some(name) => format!("{BIN}-{name}.1"),
    };
    match pages.iter().find(|(file, _)| *file == wanted) {
        Some((_, roff)) => write_stdout(roff),
        None => {
            let names: Vec<&str> = pages
                .iter()
                .skip(1)
                .filter_map(|(file, _)| file.strip_prefix("ors-events-")?.strip_suffix(".1"))
                .collect();
            Err(Failure::usage(format!(
                "there is no command `{}`; the commands are {}",
                name.unwrap_or_default(),
                names.join(", ")
            )))
        }
    }
}

/// Writes the page of `command` and of every subcommand (`ors-events.1`, `ors-events-check.1`,
/// ...) into `dir`, creating it.
pub fn write_man_pages(command: clap::Command, dir: &Path, ui: &Ui) -> Result<(), Failure> {
    let pages = pages(command).map_err(cannot_render)?;
    let cannot = |err: io::Error| Failure::usage(format!("cannot write {}: {err}", dir.display()));
    std::fs::create_dir_all(dir).map_err(cannot)?;
    for (file, roff) in &pages {
        std::fs::write(dir.join(file), roff).map_err(cannot)?;
    }
    ui.summary(&format!(
        "wrote {} manual pages to {}",
        pages.len(),
        dir.display()
    ));
    Ok(())
}

/// Every manual page, file name and roff: the command's own first, then one per subcommand (not
/// `help`), each with the same source line (`ors-events VERSION`).
fn pages(command: clap::Command) -> io::Result<Vec<(String, Vec<u8>)>> {
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let source = format!("{BIN} {}", command.get_version().unwrap_or_default());
    let subcommands: Vec<clap::Command> = command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .cloned()
        .collect();
    let mut pages = Vec::new();
    for page in std::iter::once(command).chain(subcommands) {
        let man = Man::new(page).source(source.clone());
        let mut roff = Vec::new();
        man.render(&mut roff)?;
        pages.push((man.get_filename(), roff));
    }
    Ok(pages)
}

fn cannot_render(err: io::Error) -> Failure {
    Failure::usage(format!("cannot render the manual pages: {err}"))
}
