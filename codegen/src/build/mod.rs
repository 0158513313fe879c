//! Generating from a `build.rs`, the way `prost-build` is used: a settings [`Builder`],
//! `cargo:rerun-if-changed` for every input, docs warnings as `cargo:warning` lines, and
//! docs errors as a [`BuildError`] whose message is the full located report.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), codegen::build::BuildError> {
//!     codegen::build::Builder::new()
//!         .docs("docs-input")
//!         .keep_operations(["createItemPublication"])
//!         .generate()?;
//!     Ok(())
//! }
//! ```
//!
//! ```ignore
//! // src/lib.rs
//! pub mod graph {
//!     include!(concat!(env!("OUT_DIR"), "/graph.rs"));
//! }
//! ```
//!
//! The crate that includes the code needs `serde` (with `derive`), `serde_json`, `http`,
//! `uuid`, and the date crate of the [`DateMapping`] (`chrono` by default; none for
//! [`DateMapping::String`]).
//!
//! Nothing here prints, except the `cargo:` lines, and only when running under cargo
//! (`OUT_DIR` is set) or when asked with [`Builder::cargo_instructions`].

use std::io::Write;
use std::path::{Path, PathBuf};

mod cargo;
mod docs;
mod error;
mod run;

pub use crate::emit::{DateMapping, Layout};
pub use error::BuildError;
pub use run::Generated;

/// What to do with docs warnings.
///
/// ```
/// use codegen::build::Warnings;
///
/// assert_eq!(Warnings::default(), Warnings::Print);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Warnings {
    /// Print them as `cargo:warning=` lines (when cargo instructions are on).
    #[default]
    Print,
    /// Fail the build on any warning, like an error.
    Deny,
    /// Print nothing; they are still in [`Generated::diagnostics`].
    Ignore,
}

/// Settings for generating Rust from Microsoft Graph docs, then [`Builder::generate`].
///
/// ```no_run
/// use codegen::build::{Builder, DateMapping, Layout};
///
/// let generated = Builder::new()
///     .docs("docs-input")
///     .out_dir("target/graph")
///     .layout(Layout::SingleFile)
///     .module_name("graph")
///     .keep_types(["microsoft.graph.itemPublication", "microsoft.graph.person*"])
///     .keep_operations(["create*"])
///     .dates(DateMapping::String)
///     .generate()?;
/// println!("wrote {}", generated.main_file.display());
/// # Ok::<(), codegen::build::BuildError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Builder {
    docs: Vec<PathBuf>,
    out_dir: Option<PathBuf>,
    layout: Layout,
    module_name: String,
    module_path: Option<String>,
    crate_name: String,
    base_url: String,
    dates: DateMapping,
    keep_types: Vec<String>,
    keep_operations: Vec<String>,
    warnings: Warnings,
    max_warnings: usize,
    cargo_instructions: Option<bool>,
}

impl Default for Builder {
    fn default() -> Self {
        let emit = crate::emit::EmitOptions::default();
        Builder {
            docs: Vec::new(),
            out_dir: None,
            layout: Layout::default(),
            module_name: "graph".to_string(),
            module_path: None,
            crate_name: emit.crate_name,
            base_url: emit.base_url,
            dates: DateMapping::default(),
            keep_types: Vec::new(),
            keep_operations: Vec::new(),
            warnings: Warnings::default(),
            max_warnings: 20,
            cargo_instructions: None,
        }
    }
}

/// Generates everything in `docs` into `OUT_DIR/graph.rs` with the default settings; the
/// one-line `build.rs`, like `prost_build::compile_protos`.
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), codegen::build::BuildError> {
///     codegen::build::compile_docs("docs-input")?;
///     Ok(())
/// }
/// ```
pub fn compile_docs(docs: impl AsRef<Path>) -> Result<Generated, BuildError> {
    Builder::new().docs(docs).generate()
}

impl Builder {
    /// Default settings: single file `graph.rs` in `OUT_DIR`, module `crate::graph`,
    /// everything kept, chrono dates, warnings printed (at most 20).
    ///
    /// ```
    /// let builder = codegen::build::Builder::new();
    /// # let _ = builder;
    /// ```
    pub fn new() -> Self {
        Builder::default()
    }

    /// Adds a docs folder (the one holding `api/` and `resources/`). May be called more
    /// than once: a page in an earlier folder hides the page with the same relative path
    /// in a later one.
    ///
    /// ```
    /// let builder = codegen::build::Builder::new().docs("overrides").docs("docs-input");
    /// # let _ = builder;
    /// ```
    pub fn docs(mut self, folder: impl AsRef<Path>) -> Self {
        self.docs.push(folder.as_ref().to_path_buf());
        self
    }

    /// Where to write; defaults to `OUT_DIR`.
    ///
    /// ```
    /// let builder = codegen::build::Builder::new().out_dir("src/generated");
    /// # let _ = builder;
    /// ```
    pub fn out_dir(mut self, folder: impl AsRef<Path>) -> Self {
        self.out_dir = Some(folder.as_ref().to_path_buf());
        self
    }

    /// One file, a module tree, or a crate of its own; see [`Layout`].
    ///
    /// ```
    /// use codegen::build::{Builder, Layout};
    ///
    /// let builder = Builder::new().layout(Layout::ModuleTree);
    /// # let _ = builder;
    /// ```
    pub fn layout(mut self, layout: Layout) -> Self {
        self.layout = layout;
        self
    }

    /// The module's name (default `graph`): names the output (`graph.rs`, `graph/mod.rs`)
    /// and, unless [`Builder::module_path`] says otherwise, its path `crate::graph`.
    ///
    /// ```
    /// let builder = codegen::build::Builder::new().module_name("msgraph");
    /// # let _ = builder;
    /// ```
    pub fn module_name(mut self, name: impl Into<String>) -> Self {
        self.module_name = name.into();
        self
    }

    /// Where the module is included, when not at `crate::<module_name>`: generated code
    /// names its own items by absolute paths from here.
    ///
    /// ```
    /// // for `pub mod api { pub mod graph { include!(…); } }`
    /// let builder = codegen::build::Builder::new().module_path("crate::api::graph");
    /// # let _ = builder;
    /// ```
    pub fn module_path(mut self, path: impl Into<String>) -> Self {
        self.module_path = Some(path.into());
        self
    }

    /// The package name, for [`Layout::Crate`] (default `graph-models`).
    ///
    /// ```
    /// use codegen::build::{Builder, Layout};
    ///
    /// let builder = Builder::new().layout(Layout::Crate).crate_name("my-graph");
    /// # let _ = builder;
    /// ```
    pub fn crate_name(mut self, name: impl Into<String>) -> Self {
        self.crate_name = name.into();
        self
    }

    /// The service root endpoints use by default (`https://graph.microsoft.com/beta`).
    ///
    /// ```
    /// let builder = codegen::build::Builder::new().base_url("https://graph.microsoft.com/v1.0");
    /// # let _ = builder;
    /// ```
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// How dates and times are represented; see [`DateMapping`].
    ///
    /// ```
    /// use codegen::build::{Builder, DateMapping};
    ///
    /// let builder = Builder::new().dates(DateMapping::Time);
    /// # let _ = builder;
    /// ```
    pub fn dates(mut self, mapping: DateMapping) -> Self {
        self.dates = mapping;
        self
    }

    /// Keeps only these types and enums (and what they reference); names or `*`/`?`
    /// patterns, see [`crate::select::Selection`]. Adds to earlier calls.
    ///
    /// ```
    /// let builder = codegen::build::Builder::new()
    ///     .keep_types(["microsoft.graph.itemPublication", "microsoft.graph.item*"]);
    /// # let _ = builder;
    /// ```
    pub fn keep_types<I, S>(mut self, patterns: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.keep_types.extend(patterns.into_iter().map(Into::into));
        self
    }

    /// Keeps only these operations (and the types they use); names or patterns such as
    /// `create*`. Adds to earlier calls.
    ///
    /// ```
    /// let builder = codegen::build::Builder::new().keep_operations(["createItemPublication"]);
    /// # let _ = builder;
    /// ```
    pub fn keep_operations<I, S>(mut self, patterns: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.keep_operations
            .extend(patterns.into_iter().map(Into::into));
        self
    }

    /// What to do with docs warnings (default: print them).
    ///
    /// ```
    /// use codegen::build::{Builder, Warnings};
    ///
    /// let builder = Builder::new().warnings(Warnings::Deny);
    /// # let _ = builder;
    /// ```
    pub fn warnings(mut self, warnings: Warnings) -> Self {
        self.warnings = warnings;
        self
    }

    /// At most this many `cargo:warning` lines (default 20), then one `… and N more`.
    ///
    /// ```
    /// let builder = codegen::build::Builder::new().max_warnings(5);
    /// # let _ = builder;
    /// ```
    pub fn max_warnings(mut self, max: usize) -> Self {
        self.max_warnings = max;
        self
    }

    /// Whether to print `cargo:rerun-if-changed` and `cargo:warning` lines. Default: only
    /// when running under cargo (`OUT_DIR` is set).
    ///
    /// ```
    /// let builder = codegen::build::Builder::new().cargo_instructions(false);
    /// # let _ = builder;
    /// ```
    pub fn cargo_instructions(mut self, on: bool) -> Self {
        self.cargo_instructions = Some(on);
        self
    }

    /// Loads the docs, keeps what the filters select, emits and writes, printing the
    /// `cargo:` lines on standard output.
    ///
    /// Errors in the docs (or warnings, under [`Warnings::Deny`]) fail with
    /// [`BuildError::Docs`] and write nothing.
    ///
    /// ```no_run
    /// let generated = codegen::build::Builder::new().docs("docs-input").generate()?;
    /// assert!(generated.main_file.ends_with("graph.rs"));
    /// # Ok::<(), codegen::build::BuildError>(())
    /// ```
    pub fn generate(&self) -> Result<Generated, BuildError> {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        self.generate_to(&mut lock)
    }

    /// Like [`Builder::generate`], but writes the `cargo:` lines to `out` (for tests, or a
    /// tool that forwards them).
    ///
    /// ```no_run
    /// let mut lines = Vec::new();
    /// codegen::build::Builder::new()
    ///     .docs("docs-input")
    ///     .out_dir("target/graph")
    ///     .cargo_instructions(true)
    ///     .generate_to(&mut lines)?;
    /// assert!(String::from_utf8_lossy(&lines).contains("cargo:rerun-if-changed=docs-input"));
    /// # Ok::<(), codegen::build::BuildError>(())
    /// ```
    pub fn generate_to(&self, out: &mut dyn Write) -> Result<Generated, BuildError> {
        run::run(self, out)
    }
}

#[cfg(test)]
mod tests;
