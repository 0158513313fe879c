//! Every example body in docs-input/ goes through its generated type and back, and must
//! come out equal, explicit nulls included. Bodies that cannot (type placeholders in the
//! docs) must each carry a located diagnostic, and their list is pinned
//! (`integration_tests::UNREADABLE`, shared with the endpoint tests).

use std::collections::BTreeSet;

use codegen::typecheck::UNREADABLE_CODES;
use integration_tests::{UNREADABLE, body_end_line, body_place, docs_input};

fn round_trip(ex: &codegen::ir::Example) -> Result<(), String> {
    let (Some(body), Some(ty)) = (&ex.body, &ex.body_type) else {
        return Ok(());
    };
    let info =
        graph_models::registry::find(ty).ok_or_else(|| format!("no generated type for `{ty}`"))?;
    let convert = if ex.body_collection {
        info.reserialize_collection
    } else {
        info.reserialize
    };
    let back = convert(body.clone()).map_err(|e| format!("does not deserialize: {e}"))?;
    if &back == body {
        Ok(())
    } else {
        Err(format!(
            "changed in the round trip:\n  before: {body}\n  after:  {back}"
        ))
    }
}

#[test]
fn every_example_body_round_trips_or_is_reported() {
    let loaded = docs_input();
    let mut failed = BTreeSet::new();
    let mut typed = 0;
    for op in &loaded.api.operations {
        for ex in op.examples.iter().filter(|e| e.body.is_some()) {
            assert!(
                ex.body_type.is_some(),
                "{}: example body has no type",
                body_place(ex)
            );
            typed += 1;
            if let Err(why) = round_trip(ex) {
                eprintln!("{}: {why}", body_place(ex));
                failed.insert(body_place(ex));
            }
        }
    }
    // 5 seed pages (request + response each) and the rest of the profile API.
    assert_eq!(typed, 124, "example bodies in docs-input/");
    let pinned: BTreeSet<String> = UNREADABLE.iter().map(|s| s.to_string()).collect();
    assert_eq!(failed, pinned, "bodies that fail the round trip");
}

#[test]
fn each_unreadable_body_has_a_diagnostic_naming_line_and_property() {
    let loaded = docs_input();
    let mut reported = BTreeSet::new();
    for op in &loaded.api.operations {
        for ex in &op.examples {
            let Some(at) = &ex.body_source else { continue };
            let end = body_end_line(loaded, ex);
            let inside: Vec<_> = loaded
                .diagnostics
                .iter()
                .filter(|d| UNREADABLE_CODES.contains(&d.code.as_str()))
                .filter(|d| {
                    d.location.file == at.file && (at.line..=end).contains(&d.location.line)
                })
                .collect();
            for d in &inside {
                assert!(d.message.starts_with('`'), "names the property: {d}");
                assert!(d.location.line > at.line, "points inside the body: {d}");
            }
            if !inside.is_empty() {
                reported.insert(body_place(ex));
            }
        }
    }
    let pinned: BTreeSet<String> = UNREADABLE.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        reported, pinned,
        "bodies with an unreadable-value diagnostic"
    );
}
