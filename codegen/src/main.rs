//! The `codegen` command line; see `codegen --help`. (CLI wiring lands with the emitter.)

fn main() {}
