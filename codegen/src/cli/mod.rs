//! Argument parsing and dispatch. Exit codes: 0 success, 1 the input has errors
//! (something was skipped) or a check failed, 2 usage or I/O errors.

mod check;
mod diff;
mod generate;
mod ir;
mod json;
mod lint;
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
codegen generate --docs ../docs --out /tmp/graph\n  codegen check                           # is generated/ up to date?\n  \
codegen lint --format sarif > lint.sarif\n  \
codegen diff old-docs/ docs-input/ --fail-on breaking\n  codegen ir --format yaml > ir.yaml"
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
    /// Check that the generated crate on disk is up to date; writes nothing.
    #[command(
        long_about = "Regenerates the crate in memory from --docs and compares it with --out, \
writing nothing. Exit 0 when they are identical; exit 1 with a unified diff of every changed \
file (on stdout, `a/` on disk, `b/` generated) and the lists of missing and extra files when \
they are not; exit 2 when the docs cannot be read. Diagnostics about the docs are printed as \
by `generate` but do not change the exit code. CI runs it to keep generated/ in sync.",
        after_help = "Examples:\n  codegen check\n  codegen check --quiet --docs docs-input --out generated\n  \
codegen check > drift.patch || echo 'run codegen generate'"
    )]
    Check(check::Args),
    /// Check the docs against themselves: located diagnostics with stable rule codes.
    #[command(
        long_about = "Reads every .md page under --docs and reports what a docs team should fix \
before publishing: example bodies that are not JSON or don't fit their types (placeholders \
such as \"Date\", wrong types, undocumented or missing properties, unlisted enum values), \
request and response examples that disagree with the documented request lines and status, \
types nobody defines, pages that disagree, non-standard namespaces, leftover TODO text.\n\n\
Each finding has a stable rule code, a severity, file:line:col, the line with a caret and, \
where a fix is known, a help line. `--list-rules` lists the rules; `--explain CODE` explains \
one. Notes are shown with --verbose.\n\n\
Allowing rules: `--allow CODE` everywhere; `--allow CODE:GLOB` in files matching GLOB \
(relative to --docs, `*` within a folder, `**` across folders); or a comment \
`<!-- codegen-lint: allow CODE[, CODE...] -->` anywhere in a page, for that page.\n\n\
Formats: human (stderr, colored on a terminal), json (JSON Lines on stdout: code, severity, \
message, file, line, col, help), sarif (SARIF 2.1.0 on stdout, for code scanning).\n\n\
Exit codes: 0 no errors (warnings allowed); 1 errors, or warnings with `--deny warnings`; \
2 usage or I/O errors.",
        after_help = "Examples:\n  codegen lint\n  codegen lint --docs ../docs --deny warnings\n  \
codegen lint --allow todo-marker --allow placeholder-string:api/profile-*.md\n  \
codegen lint --format json | jq -r 'select(.severity==\"error\") | .file'\n  \
codegen lint --format sarif > lint.sarif\n  codegen lint --list-rules\n  codegen lint --explain placeholder-value"
    )]
    Lint(lint::Args),
    /// Compare the IR of two versions of the docs and mark breaking changes.
    #[command(
        long_about = "Loads OLD and NEW (each a docs folder or a single .md page) and lists the \
types, properties, enums, enum members and operations added, removed or changed (type, \
collection-ness, path alternatives, method, status, request and response types). Each change \
is marked BREAKING when code written against the crate generated from OLD may stop compiling \
or behave differently with the crate generated from NEW: removals, changed types, methods, \
statuses and renamed targets are breaking; additions (properties are optional, enums are open) \
are not. Operations are paired by page file, then by name.\n\n\
Exit codes: 0 (also when there are changes, unless --fail-on says otherwise); 1 when \
--fail-on breaking finds a breaking change (or --fail-on any finds any); 2 usage or I/O errors.",
        after_help = "Examples:\n  codegen diff ../shared/corpus/graph-beta-2021 docs-input\n  \
codegen diff old/api/profile-post-positions.md docs-input/api/profile-post-positions.md\n  \
codegen diff old/ new/ --format json --fail-on breaking\n  \
codegen diff --missing-ok old/api/profile-post.md docs-input/api/profile-post.md"
    )]
    Diff(diff::Args),
}

/// Options every command that reads docs shares.
#[derive(Debug, clap::Args)]
pub struct DocsArgs {
    /// The docs folder (API pages under api/, resource pages under resources/), or one
    /// .md page: it is read with the pages it links to, and only its own diagnostics
    /// are reported.
    #[arg(long, default_value = "docs-input", value_name = "PATH")]
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

/// The generated crate that `generate` writes and `check` compares with.
#[derive(Debug, clap::Args)]
pub struct CrateArgs {
    /// The generated crate's folder (`generate` creates it if missing).
    #[arg(long, default_value = "generated", value_name = "DIR")]
    out: PathBuf,
    /// The generated crate's package name.
    #[arg(long, default_value = "graph-models", value_name = "NAME")]
    crate_name: String,
}

impl CrateArgs {
    /// What to tell the emitter.
    fn emit_options(&self) -> crate::emit::EmitOptions {
        crate::emit::EmitOptions {
            crate_name: self.crate_name.clone(),
            ..crate::emit::EmitOptions::default()
        }
    }
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
        Command::Check(args) => check::run(&args, console),
        Command::Lint(args) => lint::run(&args, console),
        Command::Diff(args) => diff::run(&args, console),
    }
}
