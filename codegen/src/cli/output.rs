//! Loading docs and printing diagnostics the same way in every command.

use std::io::Write;

use crate::diag::Severity;
use crate::ir::Api;
use crate::pipeline::{self, Loaded};
use crate::report;
use rayon::prelude::*;

use super::{Console, DocsArgs};

/// `--color`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Color {
    /// Color when stderr is a terminal.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

impl Color {
    /// Whether to color output written to a terminal (`terminal`) or not.
    pub(super) fn enabled(self, terminal: bool) -> bool {
        match self {
            Color::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
            Color::Always => true,
            Color::Never => false,
        }
    }
}

/// Loads the docs folder `--docs` names, or the single page with the pages it links to
/// (see [`pipeline::load_page_in_context`]), or prints why it can't and returns exit
/// code 2.
pub fn load(args: &DocsArgs, console: &mut Console<'_>) -> Result<Loaded, u8> {
    let loaded = if args.docs.is_file() {
        pipeline::load_page_in_context(&args.docs)
    } else {
        pipeline::load(&args.docs)
    };
    loaded.map_err(|e| {
        let _ = writeln!(console.err, "error: {e}");
        let _ = writeln!(
            console.err,
            "  help: pass the folder that holds api/ and resources/, or one .md page, with --docs"
        );
        2
    })
}

/// Whether writing failed because the reader of stdout went away (`codegen ir | head`):
/// it has what it wanted, so that is no error to report.
fn is_broken_pipe(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::BrokenPipe
}

/// Reports a failed write of a command's output on stderr and gives exit code 2; a reader
/// that went away (`| head`) has what it wanted, so that is not a failure.
pub fn check_written(written: std::io::Result<()>, console: &mut Console<'_>) -> Result<(), u8> {
    match written {
        Err(e) if !is_broken_pipe(&e) => {
            let _ = writeln!(console.err, "error: cannot write to stdout: {e}");
            Err(2)
        }
        _ => Ok(()),
    }
}

/// A writer that remembers whether its reader went away (see [`is_broken_pipe`]), for
/// writers such as serde_yaml's that report the failure without the `io::Error`.
pub struct PipeWatch<W> {
    inner: W,
    /// Set once a write or flush failed with a broken pipe.
    pub broken: bool,
}

impl<W: Write> PipeWatch<W> {
    /// Watches `inner`.
    pub fn new(inner: W) -> Self {
        PipeWatch {
            inner,
            broken: false,
        }
    }

    fn watch<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result {
            self.broken |= is_broken_pipe(e);
        }
        result
    }
}

impl<W: Write> Write for PipeWatch<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(buf);
        self.watch(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.watch(result)
    }
}

/// Prints the diagnostics `args` asks for to stderr.
pub fn print_diagnostics(loaded: &Loaded, args: &DocsArgs, console: &mut Console<'_>) {
    if args.quiet {
        return;
    }
    let shown: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| args.verbose || d.severity != Severity::Note)
        .cloned()
        .collect();
    if !shown.is_empty() {
        let color = args.color.enabled(console.err_is_terminal);
        let _ = write!(
            console.err,
            "{}",
            report::render(&shown, &loaded.sources, color)
        );
    }
}

/// Exit code for a run that otherwise succeeded: 1 when an input error was reported.
pub fn exit_code(loaded: &Loaded) -> u8 {
    u8::from(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error),
    )
}

/// Frees `loaded` with its big parts in parallel on the rayon pool: on one thread, freeing
/// the corpus's IR and sources is a single-threaded tail at the end of a run.
pub fn drop_in_parallel(loaded: Loaded) {
    let Loaded {
        api,
        diagnostics,
        pages,
        sources,
    } = loaded;
    let Api {
        types,
        enums,
        operations,
    } = api;
    // The operations hold two thirds of the IR's allocations (their examples' JSON
    // bodies, permissions, request properties): split across the pool item by item
    // rather than freed as one list on one thread while the other waits.
    rayon::join(
        move || operations.into_par_iter().for_each(drop),
        move || {
            rayon::join(
                move || types.into_par_iter().for_each(drop),
                move || drop((sources, enums, diagnostics, pages)),
            )
        },
    );
}
