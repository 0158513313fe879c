//! Layouts other than a crate of its own: the crate's modules as a module tree or as one
//! file, inside the user's crate at a given path.
//!
//! The emitter always builds the crate layout; these are rearrangements of its `src/`
//! files, so every layout holds exactly the same items. Paths are rewritten from `crate::`
//! to the module's path (`rebase.rs`), and test-only modules are left out.

use std::collections::BTreeMap;

use quote::ToTokens;

use super::OutputFile;
use crate::diag::Diagnostics;

mod rebase;
mod render;
mod tree;

use rebase::rebase;
#[doc(hidden)]
pub use render::reformat;
#[cfg(test)]
pub(super) use render::spaced;

/// How the generated code is laid out on disk.
///
/// ```
/// use codegen::emit::Layout;
///
/// assert_eq!(Layout::default(), Layout::SingleFile);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Layout {
    /// One file, `<module>.rs`, for
    /// `pub mod graph { include!(concat!(env!("OUT_DIR"), "/graph.rs")); }`.
    #[default]
    SingleFile,
    /// A module folder, `<module>/mod.rs` and one file per item, for
    /// `pub mod graph { include!(concat!(env!("OUT_DIR"), "/graph/mod.rs")); }` or for
    /// `mod graph;` when written into `src/`.
    ModuleTree,
    /// A crate of its own: `Cargo.toml` and `src/` (what `codegen generate` writes).
    Crate,
}

/// Where the generated module sits in the user's crate: its name (which names the output,
/// `graph` → `graph.rs`) and its absolute path (`crate::graph`).
///
/// ```
/// use codegen::emit::ModulePlace;
///
/// let place = ModulePlace::new("graph", None)?;
/// assert_eq!(place.path(), "crate::graph");
/// assert!(ModulePlace::new("type", None).is_err());
/// assert!(ModulePlace::new("graph", Some("super::graph")).is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModulePlace {
    name: String,
    path: String,
}

impl ModulePlace {
    /// A module called `name` at `path` (default `crate::<name>`). The name must be a
    /// Rust identifier that is not a keyword; the path must start with `crate`.
    pub fn new(name: &str, path: Option<&str>) -> Result<Self, String> {
        if syn::parse_str::<syn::Ident>(name).is_err() || name.starts_with("r#") {
            return Err(format!(
                "`{name}` is not a Rust identifier (or is a keyword)"
            ));
        }
        let text = path.map_or_else(|| format!("crate::{name}"), str::to_string);
        let parsed = syn::parse_str::<syn::Path>(&text)
            .ok()
            .filter(|p| p.leading_colon.is_none())
            .filter(|p| p.segments.first().is_some_and(|s| s.ident == "crate"))
            .filter(|p| p.segments.iter().all(|s| s.arguments.is_none()));
        match parsed {
            Some(path) => Ok(ModulePlace {
                name: name.to_string(),
                path: path.to_token_stream().to_string().replace(' ', ""),
            }),
            None => Err(format!(
                "`{text}` is not an absolute module path (it must start with `crate`, e.g. `crate::{name}`)"
            )),
        }
    }

    /// The module's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The module's path as written in Rust, e.g. `crate::graph`.
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// Rearranges crate-layout `files` into `layout`; crate-layout files come back unchanged.
/// A file the emitter produced but that does not parse is an `emit-internal` error.
///
/// ```
/// use codegen::diag::Diagnostics;
/// use codegen::emit::{EmitOptions, Layout, ModulePlace, emit, layout::arrange};
///
/// let mut diags = Diagnostics::default();
/// let files = emit(&codegen::ir::Api::default(), &EmitOptions::default(), &mut diags);
/// let place = ModulePlace::new("graph", Some("crate::api::graph"))?;
/// let single = arrange(files, Layout::SingleFile, &place, &mut diags);
/// assert_eq!(single.len(), 1);
/// assert_eq!(single[0].path, "graph.rs");
/// assert!(single[0].contents.contains("crate::api::graph::BASE_URL"));
/// # Ok::<(), String>(())
/// ```
pub fn arrange(
    files: Vec<OutputFile>,
    layout: Layout,
    place: &ModulePlace,
    diags: &mut Diagnostics,
) -> Vec<OutputFile> {
    if layout == Layout::Crate {
        return files;
    }
    let sources: BTreeMap<String, String> = files
        .into_iter()
        .filter(|f| f.path.starts_with("src/"))
        .map(|f| (f.path, f.contents))
        .collect();
    let modules = tree::parse_tree(&sources, diags);
    let root: proc_macro2::TokenStream = place.path.parse().unwrap_or_default();
    let root_text = place.path();
    let render = |path: String, file: &syn::File, diags: &mut Diagnostics| {
        let tokens = rebase(file.to_token_stream(), &root, root_text);
        render::render(path, tokens, diags)
    };
    if layout == Layout::SingleFile {
        let Some(mut file) = tree::inline(modules) else {
            return Vec::new();
        };
        tree::outer_root(&mut file);
        return vec![render(format!("{}.rs", place.name), &file, diags)];
    }
    let mut out: Vec<OutputFile> = modules
        .into_iter()
        .map(|mut m| {
            let rest = m.path.strip_prefix("src/").unwrap_or(&m.path);
            let path = if rest == "lib.rs" {
                tree::outer_root(&mut m.file);
                format!("{}/mod.rs", place.name)
            } else {
                format!("{}/{rest}", place.name)
            };
            render(path, &m.file, diags)
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests;
