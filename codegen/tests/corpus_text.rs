//! Over the whole real-world corpus: every file the text emitters write (every `.rs` file
//! but the verbatim runtime and the `lib.rs` template) is exactly what the formatter they
//! replaced would print for it,
//! `spaced(prettyplease::unparse(..))` (see `emit/test_fixed_point.rs` for the small IRs).
//!
//! Ignored by default (it formats ~8,260 files, about five seconds in release):
//!
//! ```sh
//! cargo test --release -p codegen --test corpus_text -- --ignored --nocapture
//! ```
//!
//! The corpus is `GRAPH_CORPUS`, else `../shared/corpus/graph-beta-2021` next to the
//! workspace; the test is skipped, with a message, when it is not there.

use codegen::diag::Diagnostics;
use codegen::emit::{self, EmitOptions, HEADER};

mod common;

/// The files the text emitters write in prettyplease's shape (the runtime is copied, and
/// `lib.rs` is a template with `//` comments).
fn text_emitted(path: &str) -> bool {
    path.starts_with("src/")
        && path.ends_with(".rs")
        && !path.starts_with("src/runtime/")
        && path != "src/lib.rs"
}

#[test]
#[ignore]
fn corpus_text_files_are_what_prettyplease_prints() {
    let Some(docs) = common::corpus() else {
        return;
    };
    let loaded = codegen::pipeline::load(&docs).unwrap_or_else(|e| panic!("{e}"));
    let mut diags = Diagnostics::default();
    let files = emit::emit(&loaded.api, &EmitOptions::default(), &mut diags);
    let mut differing = Vec::new();
    let mut checked = 0;
    for file in files.iter().filter(|f| text_emitted(&f.path)) {
        checked += 1;
        let body = file
            .contents
            .strip_prefix(HEADER)
            .and_then(|rest| rest.strip_prefix("\n\n"))
            .unwrap_or_default();
        if codegen::emit::layout::reformat(body).as_deref() != Some(body) {
            differing.push(file.path.clone());
        }
    }
    println!("{checked} text-emitted files, {} differ", differing.len());
    assert!(checked > 8000, "only {checked} text-emitted files");
    assert!(
        differing.is_empty(),
        "not what prettyplease prints: {differing:?}"
    );
}
