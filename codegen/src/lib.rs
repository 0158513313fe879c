//! Turns Microsoft Graph documentation markdown into typed Rust models and endpoints.
//!
//! The pipeline is `load → page → extract → resolve → emit → write`; see `design.md`.

pub(crate) mod ascii;
pub mod build;
pub mod cli;
pub mod coverage;
pub mod diag;
pub mod diff;
pub mod emit;
pub mod extract;
pub mod ir;
pub mod json_repair;
pub mod lint;
pub mod naming;
pub mod page;
pub mod pipeline;
pub mod report;
pub mod resolve;
pub mod select;
pub mod source;
pub(crate) mod trim;
pub mod typecheck;
pub mod write;
