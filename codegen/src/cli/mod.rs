//! Argument parsing and dispatch. Exit codes: 0 success, 1 the input has errors
//! (something was skipped) or a check failed, 2 usage or I/O errors.

mod generate;
mod ir;
mod output;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Turns Microsoft Graph documentation markdown into typed Rust models and endpoints.
#[derive(Debug, Parser)]
#[command(
    name = "codegen",
    version,
    about,
    long_about = "Turns Microsoft Graph documentation markdown (API pages and resource pages) into \
an intermediate representation and a Rust crate of typed models and sans-IO endpoints.\n\n\
Exit codes: 0 success; 1 the docs have errors (something was skipped) or a check failed; \
2 usage or I/O errors.",
    after_help = "Examples:\n  codegen generate                        # docs-input/ -> generated/\n  \
codegen generate --docs ../docs --out /tmp/graph\n  codegen ir --format yaml > ir.yaml"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generate the Rust crate from a docs folder.
    #[command(
        long_about = "Reads every .md page under --docs, resolves types, enums and operations, and \
writes a crate (Cargo.toml, src/) to --out. Only files whose contents changed are written; \
stale generated files are removed. Diagnostics go to stderr; a summary line ends the run.",
        after_help = "Examples:\n  codegen generate\n  codegen generate --docs docs-input --out generated\n  \
codegen generate --docs ../shared/corpus/graph-beta-2021 --out /tmp/graph-beta --quiet"
    )]
    Generate(generate::Args),
    /// Print the resolved intermediate representation (IR).
    #[command(
        long_about = "Prints the IR described in design.md: types, enums and operations with their \
sources, as JSON or YAML. Diagnostics go to stderr.",
        after_help = "Examples:\n  codegen ir\n  codegen ir --docs docs-input --format yaml"
    )]
    Ir(ir::Args),
}

/// Options every command that reads docs shares.
#[derive(Debug, clap::Args)]
pub struct DocsArgs {
    /// The docs folder (API pages under api/, resource pages under resources/).
    #[arg(long, default_value = "docs-input", value_name = "DIR")]
    docs: PathBuf,
    /// Print only the summary line, not each diagnostic.
    #[arg(long, short)]
    quiet: bool,
    /// Also print notes (decisions the generator made), not only errors and warnings.
    #[arg(long, short)]
    verbose: bool,
    /// When to color diagnostics.
    #[arg(long, value_enum, default_value = "auto")]
    color: output::Color,
}

/// Where a command writes: standard output and standard error (or buffers in tests).
pub struct Console<'a> {
    /// Results (the IR, diffs).
    pub out: &'a mut dyn Write,
    /// Diagnostics and summaries.
    pub err: &'a mut dyn Write,
    /// Whether `err` is a terminal (for `--color auto`).
    pub err_is_terminal: bool,
}

/// Parses `args` (including the program name) and runs the command; returns the exit code.
///
/// ```
/// let (mut out, mut err) = (Vec::new(), Vec::new());
/// let mut console = codegen::cli::Console { out: &mut out, err: &mut err, err_is_terminal: false };
/// let code = codegen::cli::run(["codegen", "ir", "--docs", "/no/such/dir"], &mut console);
/// assert_eq!(code, 2);
/// assert!(String::from_utf8_lossy(&err).contains("/no/such/dir"));
/// ```
pub fn run<I, T>(args: I, console: &mut Console<'_>) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            let _ = write!(console.err, "{}", e.render());
            return 2;
        }
        Err(e) => {
            // --help and --version are answers, not errors: stdout, exit 0.
            let _ = write!(console.out, "{}", e.render());
            return 0;
        }
    };
    match cli.command {
        Command::Generate(args) => generate::run(&args, console),
        Command::Ir(args) => ir::run(&args, console),
    }
}
