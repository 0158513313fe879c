//! The `codegen` command line; see `codegen --help`.

use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr());
    let err_is_terminal = err.is_terminal();
    let mut console = codegen::cli::Console {
        out: &mut out,
        err: &mut err,
        err_is_terminal,
    };
    ExitCode::from(codegen::cli::run(std::env::args_os(), &mut console))
}

// The generator allocates many small strings and frees them in bulk; with glibc's
// allocator malloc/free were a quarter of a corpus run's CPU profile, and mimalloc cut
// the run's CPU time by about a fifth (see the README's Speed section).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
