//! `codegen lint`: the docs checked against themselves.

use crate::diag::Severity;
use crate::lint::{self, AllowList, RULES, format};
use crate::report;

use super::{Console, DocsArgs, output};

/// Arguments of `codegen lint`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    docs: DocsArgs,
    /// Output format: `human` (rustc-style, on stderr), `json` (one object per line, on
    /// stdout) or `sarif` (SARIF 2.1.0, on stdout).
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Don't report CODE; `CODE:GLOB` only in files matching GLOB (relative to --docs;
    /// `*` within a folder, `**` across folders). Repeatable.
    #[arg(long = "allow", value_name = "CODE[:GLOB]")]
    allow: Vec<String>,
    /// Fail (exit 1) on warnings too, not only on errors.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<Deny>,
    /// List every rule: code, severity, family and summary.
    #[arg(long, conflicts_with = "explain")]
    list_rules: bool,
    /// Explain one rule.
    #[arg(long, value_name = "CODE")]
    explain: Option<String>,
}

/// Lint output formats.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    /// rustc-style: the line, a caret, help.
    Human,
    /// JSON Lines: code, severity, message, file, line, col, help.
    Json,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
}

/// `--deny` levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Deny {
    /// Warnings fail the run.
    Warnings,
}

/// Runs the command; returns the exit code.
pub fn run(args: &Args, console: &mut Console<'_>) -> u8 {
    if args.list_rules {
        return list_rules(console);
    }
    if let Some(code) = &args.explain {
        return explain(code, console);
    }
    let allow = match AllowList::parse(&args.allow) {
        Ok(a) => a,
        Err(e) => {
            let _ = writeln!(console.err, "error: --allow: {e}");
            return 2;
        }
    };
    let loaded = match output::load(&args.docs, console) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let found = lint::lint(&loaded, &allow);
    let shown: Vec<_> = found
        .iter()
        .filter(|d| args.docs.verbose || d.severity != Severity::Note)
        .cloned()
        .collect();
    let written = match args.format {
        Format::Human => {
            if !args.docs.quiet && !shown.is_empty() {
                let color = args.docs.color.enabled(console.err_is_terminal);
                let text = report::render(&shown, &loaded.sources, color);
                let _ = write!(console.err, "{text}");
            }
            Ok(())
        }
        Format::Json => console.out.write_all(format::json_lines(&shown).as_bytes()),
        Format::Sarif => {
            let log = format::sarif(&shown, env!("CARGO_PKG_VERSION"));
            let text = serde_json::to_string_pretty(&log).unwrap_or_default();
            writeln!(console.out, "{text}")
        }
    };
    if let Err(code) = output::check_written(written, console) {
        return code;
    }
    let _ = writeln!(
        console.err,
        "lint: {} pages: {}",
        loaded.pages.len(),
        report::summary(&shown)
    );
    lint::exit_code(&found, args.deny == Some(Deny::Warnings))
}

fn list_rules(console: &mut Console<'_>) -> u8 {
    let width = RULES.iter().map(|r| r.code.len()).max().unwrap_or(0);
    for r in RULES {
        let _ = writeln!(
            console.out,
            "{:<width$}  {:<7}  {:<8}  {}",
            r.code,
            r.severity.to_string(),
            r.family.to_string(),
            r.summary
        );
    }
    0
}

fn explain(code: &str, console: &mut Console<'_>) -> u8 {
    let Some(r) = lint::rules::find(code) else {
        let _ = writeln!(console.err, "error: `{code}` is not a lint rule");
        let _ = writeln!(console.err, "  help: see `codegen lint --list-rules`");
        return 2;
    };
    let _ = writeln!(
        console.out,
        "{} ({}, {} rule)\n\n{}\n\n{}\n\nAllow it with `--allow {}`, `--allow {}:GLOB`, or \
         `<!-- codegen-lint: allow {} -->` in a page.",
        r.code, r.severity, r.family, r.summary, r.explanation, r.code, r.code, r.code
    );
    0
}
