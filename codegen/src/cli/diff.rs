//! `codegen diff OLD NEW`: what changed between two versions of the docs.

use std::path::{Path, PathBuf};

use crate::diff;
use crate::ir::Api;
use crate::pipeline::{self, LoadError};

use super::{Console, output};

/// Arguments of `codegen diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old version: a docs folder or a single .md page.
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The new version: a docs folder or a single .md page.
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Exit 1 when a change of this kind is present.
    #[arg(long, value_enum, value_name = "KIND")]
    fail_on: Option<FailOn>,
    /// Treat a side that does not exist as empty docs (a page added or removed between
    /// the versions) instead of failing.
    #[arg(long)]
    missing_ok: bool,
    /// Print only the summary line.
    #[arg(long, short)]
    quiet: bool,
}

/// Diff output formats.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    /// One line per change, breaking ones first.
    Human,
    /// One JSON document: a summary and the changes.
    Json,
}

/// `--fail-on` kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// A change that breaks code written against the old generated crate.
    Breaking,
    /// Any change.
    Any,
}

/// Runs the command; returns the exit code.
pub fn run(args: &Args, console: &mut Console<'_>) -> u8 {
    let (old, new) = match (
        side(&args.old, args, console),
        side(&args.new, args, console),
    ) {
        (Ok(o), Ok(n)) => (o, n),
        _ => return 2,
    };
    let options = diff::Options {
        pages: args.old.is_file() || args.new.is_file(),
    };
    let changes = diff::diff_with(&old, &new, options);
    let written = match args.format {
        Format::Human if args.quiet => Ok(()),
        Format::Human => console.out.write_all(diff::human(&changes).as_bytes()),
        Format::Json => {
            let text = serde_json::to_string_pretty(&diff::json(&changes)).unwrap_or_default();
            writeln!(console.out, "{text}")
        }
    };
    if let Err(code) = output::check_written(written, console) {
        return code;
    }
    let _ = writeln!(
        console.err,
        "{} → {}: {}",
        args.old.display(),
        args.new.display(),
        diff::summary(&changes)
    );
    let fails = match args.fail_on {
        Some(FailOn::Breaking) => diff::has_breaking(&changes),
        Some(FailOn::Any) => !changes.is_empty(),
        None => false,
    };
    u8::from(fails)
}

/// The IR of one side; a missing side is empty with `--missing-ok`.
fn side(path: &Path, args: &Args, console: &mut Console<'_>) -> Result<Api, ()> {
    match pipeline::load_path(path) {
        Ok(loaded) => Ok(loaded.api),
        Err(LoadError::Missing(_)) if args.missing_ok => {
            let _ = writeln!(
                console.err,
                "note: `{}` does not exist; compared as empty docs",
                path.display()
            );
            Ok(Api::default())
        }
        Err(e) => {
            let _ = writeln!(console.err, "error: {e}");
            if matches!(e, LoadError::Missing(_)) {
                let _ = writeln!(
                    console.err,
                    "  help: pass --missing-ok if the page is new (or gone) in one version"
                );
            }
            Err(())
        }
    }
}
