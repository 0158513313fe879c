//! Shared helpers for the integration tests: where the repository's folders are, the
//! loaded `docs-input/`, and the line range of each example body.

use std::path::PathBuf;
use std::sync::OnceLock;

use codegen::ir::Example;
use codegen::pipeline::Loaded;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `docs-input/`, loaded once per test binary.
pub fn docs_input() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        codegen::pipeline::load(&root().join("docs-input")).expect("docs-input/ loads")
    })
}

/// `file:line` of an example's body, e.g. `api/profile-post.md:69`.
pub fn body_place(ex: &Example) -> String {
    ex.body_source
        .as_ref()
        .map(|l| l.to_string())
        .unwrap_or_default()
}

/// The last line of an example body: the line before the closing fence.
pub fn body_end_line(loaded: &Loaded, ex: &Example) -> u32 {
    let Some(at) = &ex.body_source else { return 0 };
    let Some(source) = loaded.sources.iter().find(|s| s.path == at.file) else {
        return at.line;
    };
    (at.line..=source.line_count())
        .find(|&l| source.line_text(l).trim_start().starts_with("```"))
        .map_or(source.line_count(), |l| l - 1)
}

/// Runs the CLI in-process; returns (exit code, stdout, stderr).
pub fn run_cli(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut console = codegen::cli::Console {
        out: &mut out,
        err: &mut err,
        err_is_terminal: false,
    };
    let mut argv = vec!["codegen"];
    argv.extend_from_slice(args);
    let code = codegen::cli::run(argv, &mut console);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}
