//! `codegen ir`: print the resolved IR.

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
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&loaded.api)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| e.to_string()),
        Format::Yaml => serde_yaml::to_string(&loaded.api).map_err(|e| e.to_string()),
    };
    let written = text
        .map_err(|e| format!("cannot serialize the IR: {e}"))
        .and_then(|t| {
            console
                .out
                .write_all(t.as_bytes())
                .map_err(|e| format!("cannot write to stdout: {e}"))
        });
    if let Err(e) = written {
        let _ = writeln!(console.err, "error: {e}");
        return 2;
    }
    output::exit_code(&loaded)
}
