//! Example: the Microsoft Graph models and endpoint that `createItemPublication` needs,
//! generated from `docs-input/` by `build.rs` into `OUT_DIR` and included here.

/// The generated code: `graph::models`, `graph::enums`, `graph::operations`,
/// `graph::registry` and `graph::runtime`.
pub mod graph {
    include!(concat!(env!("OUT_DIR"), "/graph.rs"));
}
