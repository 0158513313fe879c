//! Parallel runs (rayon) give byte-identical results to a single-threaded run.

use std::path::{Path, PathBuf};

use codegen::diag::{Diagnostic, Diagnostics};
use codegen::emit::{self, EmitOptions, OutputFile};
use codegen::ir::Api;

/// What one run produces: the IR, every diagnostic, every file and the write report.
type Run = (
    Api,
    Vec<Diagnostic>,
    Vec<OutputFile>,
    codegen::write::WriteReport,
);

fn docs_input() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-input")
}

/// Loads, emits and writes on a pool of `threads` threads.
fn run(threads: usize, out: &Path) -> Run {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap_or_else(|e| panic!("cannot build a pool: {e}"));
    pool.install(|| {
        let loaded = codegen::pipeline::load(&docs_input()).unwrap_or_else(|e| panic!("{e}"));
        let mut diags = Diagnostics::default();
        let files = emit::emit(&loaded.api, &EmitOptions::default(), &mut diags);
        let report = codegen::write::write_tree(out, &files).unwrap_or_else(|e| panic!("{e}"));
        let mut all = loaded.diagnostics;
        all.extend(diags.into_sorted());
        (loaded.api, all, files, report)
    })
}

#[test]
fn parallel_and_sequential_runs_are_identical() {
    let base = std::env::temp_dir().join(format!("codegen-parallel-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let sequential = run(1, &base.join("one"));
    assert!(!sequential.2.is_empty());
    for threads in [2, 4, 7] {
        let parallel = run(threads, &base.join(format!("t{threads}")));
        assert!(
            parallel.0 == sequential.0,
            "IR differs with {threads} threads"
        );
        assert_eq!(parallel.1, sequential.1, "diagnostics differ");
        assert!(
            parallel.2 == sequential.2,
            "files differ with {threads} threads"
        );
        assert_eq!(parallel.3, sequential.3, "write reports differ");
    }
    let _ = std::fs::remove_dir_all(&base);
}
