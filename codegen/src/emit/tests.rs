//! Whole-crate checks of the emitter on the sample API.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::test_api::sample_api;
use super::{EmitOptions, OutputFile, emit};
use crate::diag::{Diagnostics, Severity};

fn emitted() -> (Vec<OutputFile>, Vec<crate::diag::Diagnostic>) {
    let mut diags = Diagnostics::default();
    let files = emit(&sample_api(), &EmitOptions::default(), &mut diags);
    (files, diags.into_sorted())
}

fn contents<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.contents.as_str())
        .unwrap_or_default()
}

#[test]
fn layout_is_sorted_and_complete() {
    let (files, _) = emitted();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    for want in [
        "Cargo.toml",
        "src/lib.rs",
        "src/registry.rs",
        "src/runtime/mod.rs",
        "src/models/mod.rs",
        "src/models/item_publication.rs",
        "src/models/call_records/mod.rs",
        "src/models/call_records/session.rs",
        "src/enums/mod.rs",
        "src/enums/allowed_audiences.rs",
        "src/operations/mod.rs",
        "src/operations/create_item_publication.rs",
    ] {
        assert!(paths.contains(&want), "{want} missing from {paths:?}");
    }
    for f in files.iter().filter(|f| f.path.ends_with(".rs")) {
        assert!(
            f.contents.starts_with(super::HEADER),
            "{} lacks the header",
            f.path
        );
    }
    assert!(!paths.iter().any(|p| p.contains("weird")));
}

#[test]
fn output_is_deterministic_and_order_independent() {
    let (first, _) = emitted();
    let mut shuffled = sample_api();
    shuffled.types.reverse();
    shuffled.enums.reverse();
    shuffled.operations.reverse();
    let mut diags = Diagnostics::default();
    let second = emit(&shuffled, &EmitOptions::default(), &mut diags);
    assert_eq!(first, second);
}

#[test]
fn diagnostics_name_the_problem_and_place() {
    let (_, diags) = emitted();
    let unresolved: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "unresolved-type")
        .collect();
    assert_eq!(unresolved.len(), 1, "{diags:?}");
    assert_eq!(unresolved[0].severity, Severity::Warning);
    assert!(
        unresolved[0]
            .message
            .contains("microsoft.graph.undocumented")
    );
    assert!(
        diags
            .iter()
            .any(|d| d.code == "unsupported-method" && d.message.contains("TRACE"))
    );
}

#[test]
fn operations_get_targets_bodies_and_outputs() {
    let (files, _) = emitted();
    let create = contents(&files, "src/operations/create_item_publication.rs");
    assert!(
        create.contains("pub enum CreateItemPublicationTarget {"),
        "{create}"
    );
    assert!(create.contains("    Me,\n"));
    assert!(create.contains("    Users {"));
    assert!(create.contains("/// The path parameter: `id` or `userPrincipalName`."));
    assert!(
        create.contains(
            "\"/users/\",\n                    crate::runtime::encode_segment(id).as_str(),"
        ),
        "{create}"
    );
    assert!(create.contains("pub body: crate::models::ItemPublication,"));
    assert!(create.contains("type Output = crate::models::ItemPublication;"));
    assert!(create.contains("const METHOD: ::http::Method = ::http::Method::POST;"));
    assert!(create.contains("crate::runtime::status(201)"));
    let list = contents(&files, "src/operations/list_publications.rs");
    assert!(
        list.contains("type Output = crate::runtime::Collection<crate::models::ItemPublication>;")
    );
    assert!(list.contains("`GET /me/profile/publications?$filter=startswith(displayName,'a')`"));
    assert!(list.contains("::std::string::String::from(\"/me/profile/publications\")"));
    let delete = contents(&files, "src/operations/delete_item_publication.rs");
    assert!(delete.contains("type Output = ();"));
    assert!(!delete.contains("pub body"));
    let action = contents(&files, "src/operations/get_by_path.rs");
    assert!(action.contains("pub struct GetByPathBody {"), "{action}");
    assert!(action.contains("pub type_: crate::runtime::Field<::std::string::String>"));
    assert!(action.contains("crate::runtime::encode_path(path)"));
    assert!(action.contains("crate::runtime::encode_literal(name)"));
    assert_eq!(
        action.matches("    DrivesRootAct").count(),
        1,
        "duplicate path kept"
    );
    let keyword = contents(&files, "src/operations/self_.rs");
    assert!(keyword.contains("pub enum SelfTarget {"), "{keyword}");
    assert!(keyword.contains("type Output = crate::runtime::Collection<::std::string::String>;"));
    assert!(keyword.contains("pub body: ::std::vec::Vec<crate::models::Vec>,"));
    let flag = contents(&files, "src/operations/is_flagged.rs");
    assert!(
        flag.contains("type Output = crate::runtime::Single<bool>;"),
        "{flag}"
    );
    let ops_mod = contents(&files, "src/operations/mod.rs");
    assert!(
        ops_mod.contains("pub use get_by_path::{GetByPath, GetByPathTarget, GetByPathBody};"),
        "{ops_mod}"
    );
}

#[test]
fn registry_lists_types_and_enums_sorted() {
    let (files, _) = emitted();
    let registry = contents(&files, "src/registry.rs");
    let a = registry
        .find("\"microsoft.graph.allowedAudiences\"")
        .unwrap_or(usize::MAX);
    let c = registry
        .find("\"microsoft.graph.callRecords.session\"")
        .unwrap_or(usize::MAX);
    let i = registry
        .find("\"microsoft.graph.itemPublication\"")
        .unwrap_or(usize::MAX);
    assert!(a < c && c < i && i < usize::MAX, "{registry}");
    assert!(registry.contains("reserialize::<crate::models::call_records::Session>"));
}

#[test]
fn emit_survives_hostile_ir() {
    let mut api = sample_api();
    let mut bad = super::test_api::operation("", "get", &["", "{", "/x/{a}{a}", "/x/{a}{a}"]);
    bad.response = Some(crate::ir::Response {
        status: 0,
        type_name: Some(String::new()),
        collection: true,
    });
    api.operations.push(bad);
    api.operations
        .push(super::test_api::operation("noPath", "GET", &[]));
    let mut looped = super::test_api::type_def(
        "x.loop",
        Some("x.loop"),
        vec![super::test_api::prop("", "x.loop", false)],
    );
    looped.base = Some("x.loop".to_string());
    api.types.push(looped);
    api.types.push(super::test_api::type_def("", None, vec![]));
    let mut diags = Diagnostics::default();
    let files = emit(&api, &EmitOptions::default(), &mut diags);
    let diags = diags.into_sorted();
    assert!(
        !diags.iter().any(|d| d.code == "emit-internal"),
        "{diags:?}"
    );
    assert!(diags.iter().any(|d| d.code == "missing-path"));
    assert!(
        files
            .iter()
            .any(|f| f.path == "src/operations/operation.rs")
    );
}

/// Emits the sample API plus an end-to-end test into a fresh directory, then runs
/// `cargo test` and `cargo clippy --all-targets -- -D warnings` there. Slow (it builds the
/// generated crate and its dependencies), so ignored by default:
/// `cargo test -p codegen -- --ignored generated_crate`.
#[test]
#[ignore]
fn generated_crate_builds_tests_and_passes_clippy() {
    let (files, _) = emitted();
    let e2e = include_str!("e2e_test.rs.txt");
    build_crate("e2e", &files, Some(e2e), &["test"]);
}

/// Every naming and structure category of `test_hostile` in one crate, and an API with no
/// types, must pass `cargo clippy --all-targets -- -D warnings` (which type-checks too).
#[test]
#[ignore]
fn generated_crate_of_hostile_names_passes_clippy() {
    let no_types = super::test_hostile::api(
        vec![],
        vec![],
        vec![super::test_api::operation("x", "GET", &["/x"])],
    );
    for (name, api) in [
        ("hostile", super::test_hostile::everything()),
        ("no-types", no_types),
    ] {
        let mut diags = Diagnostics::default();
        let files = emit(&api, &EmitOptions::default(), &mut diags);
        build_crate(name, &files, None, &[]);
    }
}

/// Writes `files` (and `test` as `tests/e2e.rs`) to a fresh directory and runs cargo
/// `commands` and clippy there with `-D warnings`, sharing one target directory.
fn build_crate(name: &str, files: &[OutputFile], test: Option<&str>, commands: &[&str]) {
    let dir = std::env::temp_dir().join(format!("codegen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let report = crate::write::write_tree(&dir, files).unwrap_or_else(|e| panic!("{e}"));
    assert!(!report.written.is_empty());
    if let Some(test) = test {
        std::fs::create_dir_all(dir.join("tests")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.join("tests/e2e.rs"), test).unwrap_or_else(|e| panic!("{e}"));
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if let Ok(lock) = std::fs::read(workspace.join("Cargo.lock")) {
        std::fs::write(dir.join("Cargo.lock"), lock).unwrap_or_else(|e| panic!("{e}"));
    }
    let target: PathBuf = workspace.join("target/codegen-e2e");
    let clippy = ["clippy", "--all-targets", "--", "-D", "warnings"];
    for args in commands
        .iter()
        .map(|c| vec![*c])
        .chain(std::iter::once(clippy.to_vec()))
    {
        let status = Command::new(env!("CARGO"))
            .args(&args)
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", &target)
            .env("RUSTFLAGS", "-D warnings")
            .status()
            .unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
        assert!(
            status.success(),
            "cargo {args:?} failed in {}",
            dir.display()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
