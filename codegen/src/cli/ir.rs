//! `codegen ir`: print the resolved IR.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::{Console, DocsArgs, output};
use crate::ir::Api;

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
        Format::Json => write_json(&loaded.api, &mut out)
            .and_then(|()| writeln!(out))
            .map_err(|e| e.to_string()),
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

/// Writes `api` exactly as `serde_json::to_writer_pretty` does, with the items of its lists
/// serialised on the rayon pool (a chunk at a time, written in order): printing the whole
/// corpus's IR is otherwise a long single-threaded tail.
fn write_json(api: &Api, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"{\n")?;
    write_list(out, "types", &api.types, ",")?;
    write_list(out, "enums", &api.enums, ",")?;
    write_list(out, "operations", &api.operations, "")?;
    out.write_all(b"}")
}

/// One member of the top-level object: `  "name": [ ... ]` followed by `separator`.
fn write_list<T: Serialize + Sync>(
    out: &mut impl Write,
    name: &str,
    items: &[T],
    separator: &str,
) -> io::Result<()> {
    write!(out, "  \"{name}\": ")?;
    if items.is_empty() {
        out.write_all(b"[]")?;
    } else {
        out.write_all(b"[\n")?;
        for (i, chunk) in items.chunks(256).enumerate() {
            let texts = chunk
                .par_iter()
                .map(|item| item_json(item))
                .collect::<io::Result<Vec<_>>>()?;
            for (j, text) in texts.iter().enumerate() {
                if i > 0 || j > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(text)?;
            }
        }
        out.write_all(b"\n  ]")?;
    }
    writeln!(out, "{separator}")
}

/// An item of a top-level list, pretty-printed at its depth (two levels in): each line
/// indented by four spaces. JSON strings hold no raw newline, so every `\n` is a line end.
fn item_json<T: Serialize>(item: &T) -> io::Result<Vec<u8>> {
    let flat = serde_json::to_vec_pretty(item).map_err(io::Error::other)?;
    let mut out = Vec::with_capacity(flat.len() + flat.len() / 8);
    out.extend_from_slice(b"    ");
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', &flat) {
        out.extend_from_slice(&flat[start..=end]);
        out.extend_from_slice(b"    ");
        start = end + 1;
    }
    out.extend_from_slice(&flat[start..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_like_serde_json(api: &Api) {
        let mut ours = Vec::new();
        write_json(api, &mut ours).unwrap_or_else(|e| panic!("{e}"));
        let theirs = serde_json::to_string_pretty(api).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(String::from_utf8_lossy(&ours), theirs);
    }

    #[test]
    fn the_json_is_serde_jsons_pretty_printing() {
        assert_like_serde_json(&Api::default());
        let docs = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input");
        let api = crate::pipeline::load(std::path::Path::new(docs))
            .unwrap_or_else(|e| panic!("{e}"))
            .api;
        assert_like_serde_json(&api);
        // Several chunks; one list empty; a description with a newline and quotes.
        let mut big = Api::default();
        while big.types.len() <= 600 {
            big.types.extend(api.types.iter().cloned());
        }
        big.operations = api.operations.clone();
        big.types[1].description = "two\nlines \"quoted\"\t".to_string();
        assert_like_serde_json(&big);
    }
}
