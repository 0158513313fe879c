//! The front half of the pipeline: a docs folder → IR + diagnostics.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::extract::{self, PageFragments};
use crate::ir::Api;
use crate::page::Page;
use crate::resolve;
use crate::source::{self, Source};

/// Why a docs folder could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The folder does not exist or is not a directory.
    #[error("docs folder `{0}` does not exist or is not a directory")]
    NotADirectory(PathBuf),
    /// The folder holds no markdown pages.
    #[error("docs folder `{0}` contains no .md pages")]
    Empty(PathBuf),
}

/// The IR of a docs folder, with everything found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The resolved IR.
    pub api: Api,
    /// Sorted diagnostics from every stage.
    pub diagnostics: Vec<Diagnostic>,
    /// Relative paths of every page read, sorted.
    pub pages: Vec<String>,
    /// What each page contributed before resolution, in the order of `sources`.
    pub fragments: Vec<PageFragments>,
    /// The sources, for printing diagnostics with their lines.
    pub sources: Vec<Source>,
}

/// Reads every `.md` page under `root` and resolves them into the IR.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    if !root.is_dir() {
        return Err(LoadError::NotADirectory(root.to_path_buf()));
    }
    let mut diags = Diagnostics::default();
    let files = source::list_markdown(root, &mut diags);
    if files.is_empty() {
        return Err(LoadError::Empty(root.to_path_buf()));
    }
    let sources: Vec<Source> = files
        .iter()
        .filter_map(|(rel, path)| source::read(rel, path, &mut diags))
        .collect();
    Ok(from_sources(sources, diags))
}

/// Runs page → extract → resolve over sources already in memory.
pub fn from_sources(sources: Vec<Source>, mut diags: Diagnostics) -> Loaded {
    let mut fragments: Vec<PageFragments> = sources
        .iter()
        .map(|s| {
            let page = Page::parse(s, &mut diags);
            extract::extract(s, &page, &mut diags)
        })
        .collect();
    resolve::canonical_namespaces(&mut fragments, &mut diags);
    let api = resolve::resolve(&fragments, &mut diags);
    crate::typecheck::check_examples(&api, &sources, &mut diags);
    Loaded {
        api,
        diagnostics: diags.into_sorted(),
        pages: sources.iter().map(|s| s.path.clone()).collect(),
        fragments,
        sources,
    }
}
