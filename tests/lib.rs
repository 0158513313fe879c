//! Shared helpers for the integration tests: where the repository's folders are, the
//! loaded `docs-input/`, the example bodies the docs make unreadable, and the line range
//! of each example body.

use std::path::PathBuf;
use std::sync::OnceLock;

use codegen::ir::Example;
use codegen::pipeline::Loaded;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A fresh folder of its own for one test (`codegen-<name>-XXXXXX` in the system's temp
/// folder), removed when the guard drops: the test ends, passed or failed, and leaves
/// nothing behind.
pub fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("codegen-{name}-"))
        .tempdir()
        .expect("temp dir")
}

/// `docs-input/`, loaded once per test binary.
pub fn docs_input() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        codegen::pipeline::load(&root().join("docs-input")).expect("docs-input/ loads")
    })
}

/// Example bodies of docs-input/ (`file:line` of the body) that the docs themselves make
/// unreadable, so that they cannot go through their generated type unchanged: type
/// placeholders such as `"Date"`, `"datetime-value"`, `"Boolean"` and
/// `"String (timestamp)"` where a date, a boolean or a timestamp is documented.
pub const UNREADABLE: &[&str] = &[
    "api/educationalactivity-get.md:105",
    "api/educationalactivity-update.md:128",
    "api/itempatent-get.md:96",
    "api/itempatent-update.md:113",
    "api/itempublication-get.md:96",
    "api/itempublication-update.md:112",
    "api/personanniversary-get.md:103",
    "api/personanniversary-update.md:115",
    "api/personaward-get.md:96",
    "api/personaward-update.md:111",
    "api/personcertification-get.md:95",
    "api/personcertification-update.md:114",
    "api/profile-get.md:109",
    "api/profile-list-anniversaries.md:108",
    "api/profile-list-awards.md:102",
    "api/profile-list-certifications.md:101",
    "api/profile-list-educationalactivities.md:114",
    "api/profile-list-patents.md:102",
    "api/profile-list-positions.md:114",
    "api/profile-list-projects.md:114",
    "api/profile-list-publications.md:101",
    "api/profile-post-anniversaries.md:117",
    "api/profile-post-awards.md:115",
    "api/profile-post-awards.md:76",
    "api/profile-post-certifications.md:125",
    "api/profile-post-educationalactivities.md:147",
    "api/profile-post-educationalactivities.md:81",
    "api/profile-post-patents.md:115",
    "api/profile-post-positions.md:126",
    "api/profile-post-positions.md:82",
    "api/profile-post-projects.md:159",
    "api/profile-post-publications.md:135",
    "api/profile-post-publications.md:79",
    "api/projectparticipation-get.md:105",
    "api/projectparticipation-update.md:123",
    "api/workposition-get.md:106",
    "api/workposition-update.md:119",
];

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
    let mut out = Vec::new();
    let (code, err) = run_cli_into(args, &mut out);
    (code, String::from_utf8_lossy(&out).into_owned(), err)
}

/// Runs the CLI in-process with `out` as its stdout (one that fails, say); returns
/// (exit code, stderr).
pub fn run_cli_into(args: &[&str], out: &mut dyn std::io::Write) -> (u8, String) {
    let mut err = Vec::new();
    let mut console = codegen::cli::Console {
        out,
        err: &mut err,
        err_is_terminal: false,
    };
    let mut argv = vec!["codegen"];
    argv.extend_from_slice(args);
    let code = codegen::cli::run(argv, &mut console);
    (code, String::from_utf8_lossy(&err).into_owned())
}
