//! The oracle of the text emitters: every file they write (every generated `.rs` file but
//! the verbatim runtime) is a fixed point of the formatter they replaced,
//! `spaced(prettyplease::unparse(syn::parse_file(..)))`. With the same items as before,
//! that makes their output byte-identical to the old token path.
//!
//! Besides the docs-input crate and the hostile IRs, names of every length around the
//! width at which prettyplease starts breaking each construct are checked, so each rule
//! of `wrap`, and each box `syntax` feeds to `pretty`, is tested on both sides of its edge.

use std::path::Path;

use super::test_api::{operation, prop, sample_api, type_def};
use super::test_hostile::{self, enum_def};
use super::{EmitOptions, HEADER, emit, spaced};
use crate::diag::Diagnostics;
use crate::ir::{Api, RequestBody};

/// Whether `path` is written by the text emitters in prettyplease's shape: every `.rs` file
/// but the runtime (copied verbatim) and `lib.rs` (a template with `//` comments, which
/// the token path never printed either).
fn text_emitted(path: &str) -> bool {
    path.starts_with("src/")
        && path.ends_with(".rs")
        && !path.starts_with("src/runtime/")
        && path != "src/lib.rs"
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
        ("colliding operations", test_hostile::colliding_operations()),
        ("odd paths", test_hostile::odd_paths()),
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

#[test]
fn long_operations_are_fixed_points() {
    let text = assert_fixed_points("long operations", &long_operations());
    // Every way prettyplease breaks the operation files' expressions occurs.
    for broken in [
        // `path()` arms: on one line, in a block, with the array and call broken.
        "\n                [\n",
        "\n                    .concat()\n",
        " => {\n                ::std::string::String::from(\n",
        "::std::string::String::from(\n                    \"",
        // A pattern too long for its line.
        "\n            Self::",
        ",\n            } => {\n",
        // The templates, the `from_path` result and its arms.
        "const TEMPLATES: &[&str] = &[\n",
        "const TEMPLATES: &[&str] = &[\"",
        "::std::option::Option::Some(Self::",
        "::std::option::Option::Some(\n            match variant {\n",
        "_ => {\n                    Self::",
        "                        .next_value(),\n",
        // The endpoint: constructor, output type, impl headers, `from_parts` call.
        "    pub fn new(\n        target: ",
        "    pub fn new(target: ",
        "    type Output = crate::runtime::Collection<\n",
        "    type Output = crate::runtime::Collection<crate",
        "\nfor Op",
        "        crate::runtime::with_body(\n",
        "        crate::runtime::without_body(\n",
        "        crate::runtime::without_body(Op",
        "    pub body: ::std::vec::Vec<\n",
        // The registry's entries.
        "        reserialize_collection: reserialize_collection::<\n",
        "        reserialize: reserialize::<crate",
        "        build: build::<\n",
        "        build: build::<crate",
    ] {
        assert!(
            text.contains(broken),
            "no {broken:?} in the long operations"
        );
    }
}

/// Operations whose names, paths and parameters grow across the widths where the target
/// enum, the endpoint and the registry entries start to break.
fn long_operations() -> Api {
    let mut types = Vec::new();
    let mut ops = Vec::new();
    for len in 10..=110 {
        let ty = sized(&format!("ns.t{len}"), len);
        types.push(type_def(&ty, None, vec![prop("a", "Edm.String", false)]));
        let seg = sized("s", len);
        let id = sized("i", len / 3);
        let one = format!("/{seg}");
        let two = format!("/me/{{{id}}}/{seg}/{{{id}}}/y");
        let long_id = sized("j", len / 2 + 10);
        let three = format!("/users/{{a}}/{{b}}/{{{long_id}}}/{seg}/{{c}}/{{d}}");
        let paths: Vec<&str> = match len % 3 {
            0 => vec![one.as_str()],
            1 => vec![two.as_str()],
            _ => vec![one.as_str(), two.as_str(), three.as_str()],
        };
        let name = sized(&format!("op{len}"), len / 2 + 4);
        let mut op = operation(&name, "POST", &paths);
        if len % 2 == 0 {
            op.request_body = Some(RequestBody {
                type_name: Some(ty.clone()),
                collection: len % 4 == 0,
                properties: vec![],
            });
        }
        op.response = Some(crate::ir::Response {
            status: 200,
            type_name: Some(ty.clone()),
            collection: len % 5 != 0,
        });
        ops.push(op);
    }
    test_hostile::api(types, Vec::new(), ops)
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
