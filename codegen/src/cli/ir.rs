//! `codegen ir`: print the resolved IR.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::{Console, DocsArgs, json, output};
use crate::ir::{Api, EnumDef, Operation, TypeDef};

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
    let mut loaded = match output::load(&args.docs, console) {
        Ok(l) => l,
        Err(code) => return code,
    };
    output::print_diagnostics(&loaded, &args.docs, console);
    // The IR is given up to the printer, which frees each item once it is printed.
    let api = std::mem::take(&mut loaded.api);
    // Streamed: the JSON of the whole corpus is tens of MB, not worth holding as a String.
    let mut watch = output::PipeWatch::new(&mut *console.out);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut watch);
    let written = match args.format {
        Format::Json => write_json(api, &mut out)
            .and_then(|()| writeln!(out))
            .map_err(|e| e.to_string()),
        Format::Yaml => serde_yaml::to_writer(&mut out, &api).map_err(|e| e.to_string()),
    }
    .and_then(|()| out.flush().map_err(|e| e.to_string()));
    drop(out);
    let code = match written {
        Ok(()) => output::exit_code(&loaded),
        // The reader went away (`| head`): it has what it wanted.
        Err(_) if watch.broken => output::exit_code(&loaded),
        Err(e) => {
            let _ = writeln!(console.err, "error: cannot write the IR to stdout: {e}");
            2
        }
    };
    output::drop_in_parallel(loaded);
    code
}

/// Writes `api` exactly as `serde_json::to_writer_pretty` does, with the items of its lists
/// serialised on the rayon pool (a chunk at a time, written in order): printing the whole
/// corpus's IR is otherwise a long single-threaded tail. Each item is freed on the pool
/// right after it is printed, while it is still in the cache: freeing the whole IR
/// afterwards walked it all again from memory.
fn write_json(api: Api, out: &mut impl Write) -> io::Result<()> {
    let mut buffers = Vec::new();
    out.write_all(b"{\n")?;
    write_list(out, "types", api.types, ",", &mut buffers)?;
    write_list(out, "enums", api.enums, ",", &mut buffers)?;
    write_list(out, "operations", api.operations, "", &mut buffers)?;
    out.write_all(b"}")
}

/// One member of the top-level object: `  "name": [ ... ]` followed by `separator`.
/// `buffers` hold the text of runs of items; they are reused from window to window.
fn write_list<T: Serialize + Bodies + Send>(
    out: &mut impl Write,
    name: &str,
    items: Vec<T>,
    separator: &str,
    buffers: &mut Vec<RunBuffer>,
) -> io::Result<()> {
    write!(out, "  \"{name}\": ")?;
    if items.is_empty() {
        out.write_all(b"[]")?;
    } else {
        out.write_all(b"[\n")?;
        let mut items = items.into_iter();
        let mut first = true;
        loop {
            // Moved out a window at a time (a few hundred bytes an item), then a run
            // at a time onto the pool, where each run is freed once printed.
            let window: Vec<T> = items.by_ref().take(WINDOW).collect();
            if window.is_empty() {
                break;
            }
            let runs = window.len().div_ceil(RUN);
            if buffers.len() < runs {
                buffers.resize_with(runs, RunBuffer::default);
            }
            window
                .into_par_iter()
                .chunks(RUN)
                .zip(buffers.par_iter_mut())
                .try_for_each(|(run, buffer)| run_json(&run, buffer))?;
            for RunBuffer { text, .. } in buffers.iter().take(runs) {
                if !first {
                    out.write_all(b",\n")?;
                }
                first = false;
                out.write_all(text)?;
            }
        }
        out.write_all(b"\n  ]")?;
    }
    writeln!(out, "{separator}")
}

/// Items serialised before their text is written: bounds the memory held at once.
const WINDOW: usize = 1024;

/// Items per task on the rayon pool, printed into one buffer: fewer buffers to grow and
/// write than one per item, and still many tasks to share out. A run's text (about 90 KB
/// on average) is then larger than the `BufWriter`, which passes it on without copying it.
const RUN: usize = 32;

/// Room made in a run's buffer per item at first. Runs of the corpus's operations reach
/// 440 KB (a median of 85 KB); growing a buffer copies it, and the room costs nothing until
/// it is written.
const BYTES_PER_ITEM: usize = 16 << 10;

/// What printing a run needs, kept from window to window and list to list: the buffer keeps
/// its capacity, and the writer its prepared field names (a new writer is also a 26 KB
/// table to fill and move).
struct RunBuffer {
    text: Vec<u8>,
    writer: json::Writer,
}

impl Default for RunBuffer {
    fn default() -> Self {
        RunBuffer {
            text: Vec::with_capacity(RUN * BYTES_PER_ITEM),
            writer: json::Writer::default(),
        }
    }
}

/// The example bodies a top-level item holds, in the order it serialises them:
/// `json::Writer` prints those JSON values directly rather than through serde.
trait Bodies {
    /// Appends the bodies to `into`; items without examples have none.
    fn bodies<'a>(&'a self, _into: &mut Vec<Option<&'a serde_json::Value>>) {}
}

impl Bodies for TypeDef {}

impl Bodies for EnumDef {}

impl Bodies for Operation {
    fn bodies<'a>(&'a self, into: &mut Vec<Option<&'a serde_json::Value>>) {
        into.extend(self.examples.iter().map(|example| example.body.as_ref()));
    }
}

/// Replaces the text of `buffer` with consecutive items of a top-level list, each pretty-printed at its
/// depth (two levels in, so indented by four spaces), separated by `,\n`.
fn run_json<T: Serialize + Bodies>(run: &[T], buffer: &mut RunBuffer) -> io::Result<()> {
    let RunBuffer { text: out, writer } = buffer;
    out.clear();
    let mut bodies = Vec::new();
    for (i, item) in run.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"    " } else { b",\n    " });
        let start = out.len();
        bodies.clear();
        item.bodies(&mut bodies);
        if writer.write_pretty(out, item, 2, &bodies).is_err() {
            out.truncate(start);
            reindented_json(item, out)?;
        }
    }
    Ok(())
}

/// Appends `item` pretty-printed by serde_json and re-indented by four spaces, for values
/// `json` leaves to serde_json. JSON strings hold no raw newline, so every `\n` is a line end.
fn reindented_json<T: Serialize>(item: &T, out: &mut Vec<u8>) -> io::Result<()> {
    let flat = serde_json::to_vec_pretty(item).map_err(io::Error::other)?;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', &flat) {
        out.extend_from_slice(flat.get(start..=end).unwrap_or_default());
        out.extend_from_slice(b"    ");
        start = end + 1;
    }
    out.extend_from_slice(flat.get(start..).unwrap_or_default());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_like_serde_json(api: &Api) {
        let mut ours = Vec::new();
        write_json(api.clone(), &mut ours).unwrap_or_else(|e| panic!("{e}"));
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
        let every_char: String = (0u8..0x80).map(char::from).collect();
        big.types[2].description = format!("{every_char} é\u{a0}\u{2028} \\ / \r\n");
        if let Some(op) = big.operations.first_mut() {
            op.title = every_char;
        }
        assert_like_serde_json(&big);
    }

    #[test]
    fn what_json_refuses_is_printed_by_serde_json() {
        #[derive(Serialize)]
        enum Variants {
            Tuple(u8, u8),
            Struct { a: Vec<u8> },
        }
        impl Bodies for Variants {}
        let items = [Variants::Tuple(1, 2), Variants::Struct { a: vec![3] }];
        let mut buffer = RunBuffer::default();
        run_json(&items, &mut buffer).unwrap_or_else(|e| panic!("{e}"));
        let ours = buffer.text;
        let theirs = serde_json::to_string_pretty(&items[..]).unwrap_or_else(|e| panic!("{e}"));
        let inner = theirs.get(2..theirs.len() - 2).unwrap_or_default();
        let expected = format!("  {}", inner.replace("\n  ", "\n    "));
        assert_eq!(String::from_utf8_lossy(&ours), expected);
    }
}
