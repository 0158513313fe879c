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
