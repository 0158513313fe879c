//! Turns Microsoft Graph documentation markdown into typed Rust models and endpoints.
//!
//! The pipeline is `load → page → extract → resolve → emit → write`; see `design.md`.

pub mod diag;
pub mod ir;
