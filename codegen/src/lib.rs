//! Turns Microsoft Graph documentation markdown into typed Rust models and endpoints.
//!
//! The pipeline is `load → page → extract → resolve → emit → write`; see `design.md`.

pub mod coverage;
pub mod diag;
pub mod extract;
pub mod ir;
pub mod json_repair;
pub mod page;
pub mod pipeline;
pub mod report;
pub mod resolve;
pub mod source;
pub mod typecheck;
