//! The oracle of the text emitters: every file they write is a fixed point of the
//! formatter they replaced, `spaced(prettyplease::unparse(syn::parse_file(..)))`. With the
//! same items as before, that makes their output byte-identical to the old token path.
//!
//! Besides the docs-input crate and the hostile IRs, names of every length around the
//! width at which prettyplease starts breaking each construct are checked, so each rule
//! of `wrap` is tested on both sides of its edge.

use std::path::Path;

use super::test_api::{operation, prop, sample_api, type_def};
use super::test_hostile::{self, enum_def};
use super::{EmitOptions, HEADER, emit, spaced};
use crate::diag::Diagnostics;
use crate::ir::{Api, RequestBody};

/// Whether `path` is written by the text emitters (rather than through prettyplease).
fn text_emitted(path: &str) -> bool {
    path.starts_with("src/models/")
        || path.starts_with("src/enums/")
        || path == "src/operations/mod.rs"
}

/// Emits `api` and checks every text-emitted file; returns the text of those files.
fn assert_fixed_points(name: &str, api: &Api) -> String {
    let mut diags = Diagnostics::default();
    let files = emit(api, &EmitOptions::default(), &mut diags);
    let mut checked = String::new();
    for file in files.iter().filter(|f| text_emitted(&f.path)) {
        let body = file
            .contents
            .strip_prefix(HEADER)
            .and_then(|rest| rest.strip_prefix("\n\n"))
            .unwrap_or_else(|| panic!("{name}: {} lacks the header", file.path));
        let parsed = syn::parse_file(body)
            .unwrap_or_else(|e| panic!("{name}: {} does not parse: {e}\n{body}", file.path));
        let formatted = spaced(&prettyplease::unparse(&parsed));
        if formatted != body {
            let diff = similar::TextDiff::from_lines(body, &formatted);
            panic!(
                "{name}: {} is not what prettyplease prints:\n{}",
                file.path,
                diff.unified_diff().header("written", "prettyplease")
            );
        }
        checked.push_str(body);
    }
    checked
}

#[test]
fn docs_input_files_are_fixed_points() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-input");
    let loaded = crate::pipeline::load(&root).unwrap_or_else(|e| panic!("{e}"));
    assert!(!assert_fixed_points("docs-input", &loaded.api).is_empty());
}

#[test]
fn hostile_files_are_fixed_points() {
    let apis = [
        ("sample", sample_api()),
        ("keywords", test_hostile::keywords_and_non_identifiers()),
        ("clashes", test_hostile::clashes()),
        ("namespaces", test_hostile::namespaces()),
        ("odd enum members", test_hostile::odd_enum_members()),
        ("std names", test_hostile::std_and_runtime_names()),
        ("colliding properties", test_hostile::colliding_properties()),
        ("deep chain", test_hostile::deep_chain(40)),
        ("hostile docs", test_hostile::hostile_docs()),
        ("everything", test_hostile::everything()),
        ("empty", Api::default()),
    ];
    for (name, api) in apis {
        assert!(!assert_fixed_points(name, &api).is_empty(), "{name}");
    }
}

#[test]
fn long_names_are_fixed_points() {
    let text = assert_fixed_points("long names", &long_names());
    // Every way `wrap` breaks a construct occurs, so both sides of each edge are checked.
    for broken in [
        "crate::runtime::Field<\n",
        "        ::std::vec::Vec<\n",
        "        members\n            .field(\n",
        "        members\n            .field(\"",
        "                &self\n",
        ": members\n                .take(\"",
        ": members\n                .take(\n",
        " => {\n",
        "\nfor T",
        "::{\n    Op",
        "Target,\n    Op",
    ] {
        assert!(text.contains(broken), "no {broken:?} in the long names");
    }
}

/// A name of exactly `len` characters, `prefix` then `x`s.
fn sized(prefix: &str, len: usize) -> String {
    format!("{prefix}{}", "x".repeat(len.saturating_sub(prefix.len())))
}

/// Types, properties, enum values and operations whose names grow one character at a
/// time across the width where each construct starts to break, and a little beyond.
fn long_names() -> Api {
    let mut types = Vec::new();
    let mut enums = Vec::new();
    let mut ops = Vec::new();
    for len in 20..=100 {
        // Type names: the impl headers, and field types that refer to them.
        let name = sized(&format!("ns.t{len}"), len + 3);
        let mut props = vec![
            prop(&sized("p", len), "Edm.String", false),
            prop(&sized("q", len / 2), &name, true),
            prop(&sized("r", len / 3), &name, false),
            prop(&sized("s\"é", len), "Edm.Int32", true),
        ];
        // A recursive field is boxed: `Field<Box<T>>`.
        props.push(prop("me", &name, false));
        types.push(type_def(&name, None, props));
        // Enum values: both match arms.
        let wire = sized("v", len);
        let quoted = sized("w\\\"", len);
        enums.push(enum_def(
            &sized(&format!("ns.e{len}"), len + 3),
            &[&wire, &quoted, "short"],
        ));
        // Operation names: the `pub use module::{...}` groups, with and without a body.
        let mut op = operation(&sized(&format!("op{len}"), len), "POST", &["/x"]);
        if len % 2 == 0 {
            op.request_body = Some(RequestBody {
                type_name: None,
                collection: false,
                properties: vec![prop(&sized("b", len), "Edm.String", false)],
            });
        }
        ops.push(op);
    }
    test_hostile::api(types, enums, ops)
}
