//! The layouts of the hostile sample API: everything still parses, no path is left at
//! `crate::`, and the module tree holds the same items as the single file.

use super::*;
use crate::emit::test_api::sample_api;
use crate::emit::{EmitOptions, emit};

fn arranged(layout: Layout) -> (Vec<OutputFile>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let files = emit(&sample_api(), &EmitOptions::default(), &mut diags);
    let place =
        ModulePlace::new("graph", Some("crate::x::graph")).unwrap_or_else(|e| panic!("{e}"));
    (arrange(files, layout, &place, &mut diags), diags)
}

fn leftover_crate_paths(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.contains("crate::") && !l.contains("crate::x::graph"))
        .collect()
}

#[test]
fn single_file_of_the_hostile_sample_is_rebased_and_has_no_tests() {
    let (files, diags) = arranged(Layout::SingleFile);
    assert!(!diags.has_errors(), "{:?}", diags.into_sorted());
    let [file] = files.as_slice() else {
        panic!("one file expected, got {}", files.len())
    };
    assert_eq!(file.path, "graph.rs");
    assert!(leftover_crate_paths(&file.contents).is_empty());
    assert!(
        file.contents.contains("pub mod crate_ {"),
        "namespaced module inlined"
    );
    assert!(
        file.contents
            .contains("crate::x::graph::models::crate_::Self_")
    );
    assert!(
        !file
            .contents
            .contains("fn absent_null_and_value_round_trip_exactly")
    );
    let first_item = file.contents.lines().find(|l| l.starts_with("pub mod "));
    assert_eq!(first_item, Some("pub mod enums {"), "{}", file.contents);
    assert!(
        file.contents
            .contains("#[allow(clippy::enum_variant_names)]\n#[allow(clippy::large_enum_variant)]\npub mod operations {"),
        "the root's inner allows go on every item: {}",
        file.contents
    );
}

#[test]
fn module_tree_has_one_file_per_module_under_the_module_name() {
    let (files, diags) = arranged(Layout::ModuleTree);
    assert!(!diags.has_errors(), "{:?}", diags.into_sorted());
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for want in [
        "graph/mod.rs",
        "graph/models/crate_/self_.rs",
        "graph/runtime/dates.rs",
    ] {
        assert!(paths.contains(&want), "{want} missing from {paths:?}");
    }
    assert!(
        !paths
            .iter()
            .any(|p| p.ends_with("tests.rs") || p.contains("Cargo"))
    );
    for f in &files {
        assert!(leftover_crate_paths(&f.contents).is_empty(), "{}", f.path);
    }
}

#[test]
fn crate_layout_is_left_alone() {
    let mut diags = Diagnostics::default();
    let files = emit(&sample_api(), &EmitOptions::default(), &mut diags);
    let place = ModulePlace::new("graph", None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        arrange(files.clone(), Layout::Crate, &place, &mut diags),
        files
    );
}
