//! The builder against `docs-input/` and small docs folders made on the spot.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::diag::Severity;

fn docs_input() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-input")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("codegen-build-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn run(builder: &Builder) -> (Result<Generated, BuildError>, String) {
    let mut out = Vec::new();
    let result = builder.generate_to(&mut out);
    (result, String::from_utf8_lossy(&out).into_owned())
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn publications(out: &Path) -> Builder {
    Builder::new()
        .docs(docs_input())
        .out_dir(out)
        .keep_operations(["createItemPublication"])
        .cargo_instructions(true)
}

#[test]
fn single_file_keeps_what_the_operation_needs_and_prints_cargo_lines() {
    let out = temp_dir("single");
    let (generated, lines) = run(&publications(&out));
    let generated = generated.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(generated.main_file, out.join("graph.rs"));
    assert_eq!(generated.operations, ["createItemPublication"]);
    for name in ["itemPublication", "itemFacet", "entity", "identitySet"] {
        let name = format!("microsoft.graph.{name}");
        assert!(
            generated.types.contains(&name),
            "{name}: {:?}",
            generated.types
        );
    }
    assert!(
        !generated
            .types
            .contains(&"microsoft.graph.workPosition".to_string())
    );
    assert!(
        generated
            .enums
            .contains(&"microsoft.graph.allowedAudiences".to_string())
    );
    let text = read(&generated.main_file);
    assert!(text.starts_with(crate::emit::HEADER));
    let top_level_inner = text
        .lines()
        .any(|l| l.starts_with("#![") || l.starts_with("//!"));
    assert!(
        !top_level_inner,
        "include! rejects inner attributes at the top"
    );
    assert!(!text.contains("crate::runtime") && !text.contains("crate::models"));
    assert!(
        text.contains("crate::graph::runtime::Field<"),
        "paths start at the module"
    );
    assert!(text.contains("crate::graph::runtime::MemberWriter::new("));
    assert!(text.contains("name: \"microsoft.graph.itemPublication\""));
    assert!(
        !text.contains("name: \"microsoft.graph.workPosition\""),
        "registry lists kept types only"
    );
    assert!(
        !text.contains("mod tests"),
        "runtime tests stay out of the user's crate"
    );
    let docs = docs_input().display().to_string();
    for want in [
        format!("cargo:rerun-if-changed={docs}\n"),
        format!(
            "cargo:rerun-if-changed={}\n",
            docs_input().join("api").display()
        ),
        format!(
            "cargo:rerun-if-changed={}\n",
            docs_input()
                .join("api/profile-post-publications.md")
                .display()
        ),
    ] {
        assert!(lines.contains(&want), "{want} missing from\n{lines}");
    }
    let reruns = lines
        .lines()
        .filter(|l| l.starts_with("cargo:rerun-if-changed="))
        .count();
    assert_eq!(
        reruns,
        generated.inputs.len() + 3,
        "every page and folder: {lines}"
    );
    let warnings: Vec<&str> = lines
        .lines()
        .filter(|l| l.starts_with("cargo:warning="))
        .collect();
    assert!(!warnings.is_empty() && warnings.len() <= 21, "{lines}");
    let first = warnings.first().copied().unwrap_or_default();
    assert!(
        first.starts_with(&format!("cargo:warning={docs}/")),
        "{first}"
    );
    assert!(
        generated
            .diagnostics
            .iter()
            .all(|d| !d.location.file.contains("workposition"))
    );
    let (again, _) = run(&publications(&out));
    let again = again.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        again.written.is_empty(),
        "an unchanged output is not rewritten"
    );
    let _ = fs::remove_dir_all(&out);
}

#[test]
fn module_tree_and_string_dates() {
    let out = temp_dir("tree");
    let builder = publications(&out)
        .layout(Layout::ModuleTree)
        .module_name("msgraph")
        .module_path("crate::api::msgraph")
        .dates(DateMapping::String)
        .cargo_instructions(false);
    let (generated, lines) = run(&builder);
    let generated = generated.unwrap_or_else(|e| panic!("{e}"));
    assert!(lines.is_empty(), "no cargo lines when switched off");
    assert_eq!(generated.main_file, out.join("msgraph/mod.rs"));
    let root = read(&generated.main_file);
    assert!(!root.contains("#!") && !root.contains("//!"), "{root}");
    assert!(root.contains("pub mod models;"));
    let dates = read(&out.join("msgraph/runtime/dates.rs"));
    assert!(dates.contains("pub type Date = String;"), "{dates}");
    let model = read(&out.join("msgraph/models/item_publication.rs"));
    assert!(
        model.contains("crate::api::msgraph::runtime::Field<"),
        "{model}"
    );
    assert!(!out.join("msgraph/runtime/tests.rs").exists());
    for file in &generated.files {
        assert!(!read(file).contains("chrono::"), "{}", file.display());
    }
    let _ = fs::remove_dir_all(&out);
}

#[test]
fn crate_layout_is_what_the_cli_writes() {
    let out = temp_dir("crate");
    let builder = publications(&out)
        .layout(Layout::Crate)
        .crate_name("my-graph");
    let generated = run(&builder).0.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(generated.main_file, out.join("src/lib.rs"));
    assert!(read(&out.join("Cargo.toml")).contains("name = \"my-graph\""));
    assert!(read(&out.join("src/models/item_publication.rs")).contains("crate::runtime::Field<"));
    let _ = fs::remove_dir_all(&out);
}

const RESOURCE: &str = "# widget resource type\n\nNamespace: microsoft.graph\n\nA widget.\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n|name|String|The name.|\n";

const BROKEN_API: &str = "# Create widget\n\n## HTTP request\n\n```http\nPOST /widgets\n```\n\n## Response\n\nIf successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) object.\n\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n{\n  \"name\": \"a\",\n  \"oops\": 00:00:00\n}\n```\n";

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        let _ = fs::create_dir_all(parent);
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

#[test]
fn docs_errors_fail_with_the_located_report_and_write_nothing() {
    let dir = temp_dir("broken");
    let docs = dir.join("docs");
    write(&docs.join("resources/widget.md"), RESOURCE);
    write(&docs.join("api/widget-post.md"), BROKEN_API);
    let builder = Builder::new()
        .docs(&docs)
        .out_dir(dir.join("out"))
        .cargo_instructions(true);
    let (result, lines) = run(&builder);
    let Err(error) = result else {
        panic!("broken docs must fail the build")
    };
    let location = error.location().cloned().unwrap_or_default();
    assert!(
        location.file.ends_with("docs/api/widget-post.md"),
        "{location}"
    );
    assert!(location.line > 0);
    let text = format!("{error:?}");
    assert!(text.contains("nothing was generated"), "{text}");
    assert!(text.contains("api/widget-post.md:"), "{text}");
    assert!(
        text.contains("\"oops\": 00:00:00") || text.contains("\"name\": \"a\""),
        "{text}"
    );
    assert!(
        text.contains("^"),
        "the offending line is underlined: {text}"
    );
    assert!(
        lines.contains("cargo:rerun-if-changed="),
        "fixing the page must rerun the script"
    );
    assert!(!dir.join("out/graph.rs").exists());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn denied_warnings_fail_and_ignored_ones_print_nothing() {
    let out = temp_dir("deny");
    let denied = run(&publications(&out).warnings(Warnings::Deny)).0;
    match denied {
        Err(BuildError::Docs { diagnostics, .. }) => {
            assert!(diagnostics.iter().all(|d| d.severity == Severity::Warning));
        }
        other => panic!("expected BuildError::Docs, got {other:?}"),
    }
    let (ignored, lines) = run(&publications(&out).warnings(Warnings::Ignore));
    assert!(ignored.is_ok_and(|g| !g.diagnostics.is_empty()));
    assert!(!lines.contains("cargo:warning"), "{lines}");
    let _ = fs::remove_dir_all(&out);
}

#[test]
fn bad_settings_are_typed_errors() {
    let out = temp_dir("settings");
    let error = |b: Builder| run(&b).0.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(error(publications(&out).module_name("type")).contains("module_name"));
    assert!(error(publications(&out).module_path("super::graph")).contains("module_path"));
    assert!(error(Builder::new().out_dir(&out)).contains("no docs folder"));
    let typo = error(publications(&out).keep_types(["microsoft.graph.itemPublicaton"]));
    assert!(
        typo.contains("keep_types pattern `microsoft.graph.itemPublicaton`"),
        "{typo}"
    );
    assert!(error(Builder::new().docs(&out).out_dir(&out)).contains("does not exist"));
    let empty = temp_dir("empty");
    let _ = fs::create_dir_all(&empty);
    assert!(error(Builder::new().docs(&empty).out_dir(&out)).contains("no .md pages"));
    if std::env::var_os("OUT_DIR").is_none() {
        let no_out = run(&Builder::new().docs(docs_input())).0;
        assert!(matches!(no_out, Err(BuildError::NoOutDir)));
    }
    let _ = fs::remove_dir_all(&empty);
}

#[test]
fn an_earlier_docs_folder_overrides_a_later_one() {
    let dir = temp_dir("overlay");
    write(&dir.join("a/resources/widget.md"), RESOURCE);
    write(
        &dir.join("b/resources/widget.md"),
        &RESOURCE.replace("|name|", "|other|"),
    );
    let builder = Builder::new()
        .docs(dir.join("a"))
        .docs(dir.join("b"))
        .out_dir(dir.join("out"));
    let generated = run(&builder).0.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(generated.inputs, [dir.join("a/resources/widget.md")]);
    assert!(
        generated
            .diagnostics
            .iter()
            .any(|d| d.code == "page-shadowed")
    );
    assert!(read(&generated.main_file).contains("pub name:"));
    let _ = fs::remove_dir_all(&dir);
}
