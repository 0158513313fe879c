//! `codegen generate`: docs folder → crate on disk.

use std::path::PathBuf;

use crate::emit::{self, EmitOptions};
use crate::report;
use crate::write;

use super::{Console, DocsArgs, output};

/// Arguments of `codegen generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    docs: DocsArgs,
    /// Where to write the crate (created if missing).
    #[arg(long, default_value = "generated", value_name = "DIR")]
    out: PathBuf,
    /// The generated crate's package name.
    #[arg(long, default_value = "graph-models", value_name = "NAME")]
    crate_name: String,
}

/// Runs the command; returns the exit code.
pub fn run(args: &Args, console: &mut Console<'_>) -> u8 {
    let loaded = match output::load(&args.docs, console) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let options = EmitOptions {
        crate_name: args.crate_name.clone(),
        ..EmitOptions::default()
    };
    let mut emit_diags = crate::diag::Diagnostics::default();
    let files = emit::emit(&loaded.api, &options, &mut emit_diags);
    let mut loaded = loaded;
    loaded.diagnostics.extend(emit_diags.into_sorted());
    loaded.diagnostics.sort();
    loaded.diagnostics.dedup();
    output::print_diagnostics(&loaded, &args.docs, console);
    let written = match write::write_tree(&args.out, &files) {
        Ok(w) => w,
        Err(e) => {
            let _ = writeln!(console.err, "error: {e}");
            return 2;
        }
    };
    let api = &loaded.api;
    let examples: usize = api.operations.iter().map(|o| o.examples.len()).sum();
    let _ = writeln!(
        console.err,
        "generated {} types, {} enums, {} operations ({} examples) from {} pages into {}: {}; {}",
        api.types.len(),
        api.enums.len(),
        api.operations.len(),
        examples,
        loaded.pages.len(),
        args.out.display(),
        written,
        report::summary(&loaded.diagnostics),
    );
    output::exit_code(&loaded)
}
