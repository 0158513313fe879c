//! Snapshots of the IR and of the emitted Rust for each of the five seed pages.
//!
//! Review changes with `cargo insta review` (or `INSTA_UPDATE=always` and `git diff`);
//! every snapshot here was read before it was accepted.

use codegen::emit::{self, EmitOptions, OutputFile};
use codegen::ir::Operation;
use integration_tests::docs_input;

/// (seed page, operation, module file of the operation, model file of its body type)
const SEEDS: &[(&str, &str, &str, &str)] = &[
    (
        "profile-post-publications",
        "createItemPublication",
        "create_item_publication",
        "item_publication",
    ),
    (
        "profile-post-certifications",
        "createPersonCertification",
        "create_person_certification",
        "person_certification",
    ),
    ("profile-post", "createProfile", "create_profile", "profile"),
    (
        "profile-post-positions",
        "createWorkPosition",
        "create_work_position",
        "work_position",
    ),
    (
        "profile-post-projects",
        "createProjectParticipation",
        "create_project_participation",
        "project_participation",
    ),
];

fn emitted() -> Vec<OutputFile> {
    let mut diags = codegen::diag::Diagnostics::default();
    emit::emit(&docs_input().api, &EmitOptions::default(), &mut diags)
}

fn operation(page: &str) -> &'static Operation {
    let file = format!("api/{page}.md");
    docs_input()
        .api
        .operations
        .iter()
        .find(|o| o.source.file == file)
        .unwrap_or_else(|| panic!("{file} yields an operation"))
}

fn file<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.contents.as_str())
        .unwrap_or_else(|| panic!("{path} is emitted"))
}

#[test]
fn ir_of_each_seed_page() {
    for (page, name, _, _) in SEEDS {
        let op = operation(page);
        assert_eq!(&op.name, name);
        insta::assert_yaml_snapshot!(format!("ir__{page}"), op);
    }
}

#[test]
fn emitted_rust_for_each_seed_page() {
    let files = emitted();
    for (page, _, op_file, model_file) in SEEDS {
        let op = file(&files, &format!("src/operations/{op_file}.rs"));
        insta::assert_snapshot!(format!("rust__{page}__operation"), op);
        let model = file(&files, &format!("src/models/{model_file}.rs"));
        insta::assert_snapshot!(format!("rust__{page}__model"), model);
    }
}
