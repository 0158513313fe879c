//! `codegen generate`: docs folder → crate on disk.

use crate::emit;
use crate::report;
use crate::write;

use super::{Console, CrateArgs, DocsArgs, output};

/// Arguments of `codegen generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    docs: DocsArgs,
    #[command(flatten)]
    krate: CrateArgs,
}

/// Runs the command; returns the exit code.
pub fn run(args: &Args, console: &mut Console<'_>) -> u8 {
    let loaded = match output::load(&args.docs, console) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let options = args.krate.emit_options();
    let mut emit_diags = crate::diag::Diagnostics::default();
    let files = emit::emit(&loaded.api, &options, &mut emit_diags);
    let mut loaded = loaded;
    loaded.diagnostics.extend(emit_diags.into_sorted());
    loaded.diagnostics.sort();
    loaded.diagnostics.dedup();
    output::print_diagnostics(&loaded, &args.docs, console);
    let written = match write::write_tree(&args.krate.out, &files) {
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
        args.krate.out.display(),
        written,
        report::summary(&loaded.diagnostics),
    );
    let code = output::exit_code(&loaded);
    // The files' text and the IR are freed on the pool, not one after the other at the end.
    rayon::join(|| drop(files), || output::drop_in_parallel(loaded));
    code
}
