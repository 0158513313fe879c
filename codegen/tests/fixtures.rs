//! Real corpus pages that broke an assumption of the parser, each cut down to the part
//! that shows the problem (`tests/fixtures/corpus/`, the first line naming the original
//! under `graph-beta-2021/`), and what the parser now extracts from them.
//!
//! A fixture is loaded on its own (or with the page it needs), so the types its links
//! point to are missing: `unresolved-type` is left out of the diagnostics compared here.

use std::path::PathBuf;

use codegen::diag::{Diagnostic, Diagnostics};
use codegen::ir::{Example, ExampleKind, Operation, Property, TypeDef};
use codegen::pipeline::{self, Loaded};
use codegen::source::Source;

#[path = "fixtures/api.rs"]
mod api;
#[path = "fixtures/json.rs"]
mod json;
#[path = "fixtures/resources.rs"]
mod resources;

/// `tests/fixtures/corpus` at the workspace root.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/corpus")
}

/// Loads fixtures (paths relative to [`dir`]) as one docs tree.
pub fn load(paths: &[&str]) -> Loaded {
    let sources = paths
        .iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(dir().join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
            Source::new(p, &text)
        })
        .collect();
    pipeline::from_sources(sources, Diagnostics::default())
}

/// `(line, code)` of every diagnostic but `unresolved-type`, in order.
pub fn diags(l: &Loaded) -> Vec<(u32, &str)> {
    l.diagnostics
        .iter()
        .filter(|d| d.code != "unresolved-type")
        .map(|d| (d.location.line, d.code.as_str()))
        .collect()
}

/// The one diagnostic with `code`.
pub fn diag<'a>(l: &'a Loaded, code: &str) -> &'a Diagnostic {
    let mut found = l.diagnostics.iter().filter(|d| d.code == code);
    let d = found
        .next()
        .unwrap_or_else(|| panic!("no `{code}` in {:#?}", l.diagnostics));
    assert!(found.next().is_none(), "several `{code}`");
    d
}

/// The only operation.
pub fn op(l: &Loaded) -> &Operation {
    assert_eq!(l.api.operations.len(), 1, "{:#?}", l.api.operations);
    &l.api.operations[0]
}

/// The examples of the only operation of one kind.
pub fn examples(l: &Loaded, kind: ExampleKind) -> Vec<&Example> {
    op(l).examples.iter().filter(|e| e.kind == kind).collect()
}

/// A type by qualified name.
pub fn ty<'a>(l: &'a Loaded, name: &str) -> &'a TypeDef {
    l.api
        .type_def(name)
        .unwrap_or_else(|| panic!("no type {name} in {:?}", names(l)))
}

/// A property (structural or navigation) of a type.
pub fn prop<'a>(t: &'a TypeDef, name: &str) -> &'a Property {
    t.properties
        .iter()
        .chain(&t.navigation)
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no property {name} on {}", t.name))
}

fn names(l: &Loaded) -> Vec<&str> {
    l.api.types.iter().map(|t| t.name.as_str()).collect()
}

/// `(type, collection)` of a property.
pub fn typed(p: &Property) -> (&str, bool) {
    (p.type_name.as_str(), p.collection)
}

#[test]
fn every_fixture_names_its_original() {
    let corpus =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/graph-beta-2021");
    let mut count = 0;
    for folder in ["api", "resources"] {
        let Ok(entries) = std::fs::read_dir(dir().join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let rel = format!("{folder}/{}", entry.file_name().to_string_lossy());
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let first = text.lines().next().unwrap_or("");
            assert_eq!(first, format!("<!-- corpus: {rel} (cut down) -->"), "{rel}");
            if corpus.is_dir() {
                assert!(corpus.join(&rel).is_file(), "{rel} is not a corpus page");
            }
            count += 1;
        }
    }
    assert!(
        count >= 40,
        "only {count} fixtures found under {}",
        dir().display()
    );
}
