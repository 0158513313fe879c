//! The whole real-world corpus → a crate that compiles without warnings and passes clippy.
//!
//! Expensive (minutes: the crate has thousands of modules), so ignored by default:
//!
//! ```sh
//! cargo test --release -p codegen --test corpus_crate -- --ignored --nocapture
//! ```
//!
//! The corpus is `GRAPH_CORPUS`, else `../shared/corpus/graph-beta-2021` next to the
//! workspace; the test is skipped, with a message, when it is not there. The crate is written
//! to `codegen-corpus-crate-<checkout>` in the temporary directory (outside the workspace,
//! which would otherwise claim it; one per checkout, so runs from two worktrees never write
//! into each other's) and built in `target/corpus-crate`, so a second run only rebuilds what
//! changed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use codegen::diag::Diagnostics;
use codegen::emit::{self, EmitOptions};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

mod common;

#[test]
#[ignore]
fn corpus_crate_compiles_without_warnings_and_passes_clippy() {
    let Some(docs) = common::corpus() else {
        return;
    };
    let out = std::env::temp_dir().join(format!("codegen-corpus-crate-{}", checkout_tag()));
    generate(&docs, &out);
    same_on_one_thread(&docs, &out);
    if let Ok(lock) = std::fs::read(workspace().join("Cargo.lock")) {
        std::fs::write(out.join("Cargo.lock"), lock).unwrap_or_else(|e| panic!("{e}"));
    }
    let started = Instant::now();
    let status = Command::new(env!("CARGO"))
        .args(["clippy", "--quiet", "--", "-D", "warnings"])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", workspace().join("target/corpus-crate"))
        .env("RUSTFLAGS", "-D warnings")
        .env("CARGO_INCREMENTAL", "0")
        .status()
        .unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
    println!("cargo clippy -D warnings: {:.1?}", started.elapsed());
    assert!(
        status.success(),
        "the corpus crate in {} does not pass",
        out.display()
    );
}

/// The checkout's absolute path as a file name: `/work/wt-x` → `work_wt-x`.
fn checkout_tag() -> String {
    let root = workspace().canonicalize().unwrap_or_else(|_| workspace());
    let tag: String = root
        .display()
        .to_string()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    tag.trim_matches('_').to_string()
}

/// `codegen generate` over the corpus, in-process: it must finish, print its summary and
/// report no emitter bug.
fn generate(docs: &Path, out: &Path) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let mut console = codegen::cli::Console {
        out: &mut stdout,
        err: &mut stderr,
        err_is_terminal: false,
    };
    let (docs_arg, out_arg) = (docs.display().to_string(), out.display().to_string());
    let args = [
        "codegen", "generate", "--quiet", "--docs", &docs_arg, "--out", &out_arg,
    ];
    let started = Instant::now();
    let code = codegen::cli::run(args, &mut console);
    let err = String::from_utf8_lossy(&stderr);
    println!("{err}generate: {:.1?}", started.elapsed());
    assert!(code <= 1, "exit code {code}");
    let summary = err.lines().last().unwrap_or_default();
    assert!(summary.starts_with("generated "), "{summary}");
    assert!(!summary.contains("emit-internal"), "{summary}");
}

/// The crate written by the (parallel) CLI is what a single-threaded run produces.
fn same_on_one_thread(docs: &Path, out: &Path) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let files = pool.install(|| {
        let loaded = codegen::pipeline::load(docs).unwrap_or_else(|e| panic!("{e}"));
        let mut diags = Diagnostics::default();
        emit::emit(&loaded.api, &EmitOptions::default(), &mut diags)
    });
    let diff = codegen::write::compare_tree(out, &files);
    assert!(
        diff.is_clean(),
        "one thread differs: {} changed, {} missing, {} extra",
        diff.changed.len(),
        diff.missing.len(),
        diff.extra.len()
    );
}
