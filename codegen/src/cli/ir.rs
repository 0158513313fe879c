//! `codegen ir`: print the resolved IR.

use std::io::Write;

use super::{Console, DocsArgs, output};

/// Arguments of `codegen ir`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    docs: DocsArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
}

/// IR output formats.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    /// Pretty-printed JSON.
    Json,
    /// YAML.
    Yaml,
}

/// Runs the command; returns the exit code.
pub fn run(args: &Args, console: &mut Console<'_>) -> u8 {
    let loaded = match output::load(&args.docs, console) {
        Ok(l) => l,
        Err(code) => return code,
    };
    output::print_diagnostics(&loaded, &args.docs, console);
    // Streamed: the JSON of the whole corpus is tens of MB, not worth holding as a String.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut *console.out);
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &loaded.api)
            .map_err(|e| e.to_string())
            .and_then(|()| writeln!(out).map_err(|e| e.to_string())),
        Format::Yaml => serde_yaml::to_writer(&mut out, &loaded.api).map_err(|e| e.to_string()),
    }
    .and_then(|()| out.flush().map_err(|e| e.to_string()))
    .map_err(|e| format!("cannot write the IR to stdout: {e}"));
    drop(out);
    if let Err(e) = written {
        let _ = writeln!(console.err, "error: {e}");
        return 2;
    }
    output::exit_code(&loaded)
}
