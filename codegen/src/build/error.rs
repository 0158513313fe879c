//! [`BuildError`]: why [`Builder::generate`](super::Builder::generate) produced nothing.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::diag::{Diagnostic, Location};
use crate::write::WriteError;

/// Why generation failed. Every variant that concerns a docs page carries its location.
///
/// `Debug` prints the same text as `Display`, so a build script that returns the error
/// from `main` or calls `.unwrap()` shows the full, located report rather than a struct
/// dump.
///
/// ```
/// use codegen::build::{BuildError, Builder};
///
/// let error = Builder::new()
///     .docs("/no/such/folder")
///     .out_dir(std::env::temp_dir())
///     .generate()
///     .unwrap_err();
/// assert!(matches!(error, BuildError::DocsFolder { .. }));
/// assert!(error.to_string().contains("/no/such/folder"));
/// assert_eq!(format!("{error:?}"), error.to_string());
/// ```
#[derive(thiserror::Error)]
pub enum BuildError {
    /// A setting is invalid (a module name that is not an identifier, no docs folder, …).
    #[error("invalid codegen setting `{setting}`: {message}")]
    Setting {
        /// The builder method, e.g. `module_name`.
        setting: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// No output folder was set and `OUT_DIR` is not set (not running under cargo).
    #[error(
        "no output folder: call `Builder::out_dir`, or run from a build script (cargo sets OUT_DIR)"
    )]
    NoOutDir,
    /// A docs folder does not exist, is not a folder, or holds no `.md` pages.
    #[error("docs folder `{}` {reason}", path.display())]
    DocsFolder {
        /// The folder as given.
        path: PathBuf,
        /// `does not exist or is not a directory`, or `contains no .md pages`.
        reason: &'static str,
    },
    /// A `keep_types` or `keep_operations` pattern matched nothing (probably a typo).
    #[error("{setting} pattern `{pattern}` matches nothing in the docs")]
    PatternMatchedNothing {
        /// `keep_types` or `keep_operations`.
        setting: &'static str,
        /// The pattern as given.
        pattern: String,
    },
    /// The docs have errors (or warnings, under [`Warnings::Deny`](super::Warnings::Deny)).
    /// Displays the full rustc-style report of each, with the offending lines.
    #[error("{report}")]
    Docs {
        /// The first error, e.g. `../../docs-input/api/x.md:12:3`.
        location: Location,
        /// Every diagnostic that failed the build, with locations as displayed.
        diagnostics: Vec<Diagnostic>,
        /// The rendered report.
        report: String,
    },
    /// Writing the generated files failed.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The `cargo:` instructions could not be written.
    #[error("cannot write cargo instructions: {0}")]
    Output(#[source] io::Error),
}

impl BuildError {
    /// The docs location the error is about, when there is one.
    ///
    /// ```
    /// use codegen::build::BuildError;
    ///
    /// assert!(BuildError::NoOutDir.location().is_none());
    /// ```
    pub fn location(&self) -> Option<&Location> {
        match self {
            BuildError::Docs { location, .. } => Some(location),
            _ => None,
        }
    }
}

impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
