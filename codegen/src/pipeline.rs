//! The front half of the pipeline: a docs folder → IR + diagnostics.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

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
    /// Neither a folder nor a file exists at the path.
    #[error("`{0}` does not exist")]
    Missing(PathBuf),
    /// A single file that is not a `.md` page.
    #[error("`{0}` is not a .md page")]
    NotMarkdown(PathBuf),
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
    /// The sources, for printing diagnostics with their lines.
    pub sources: Vec<Source>,
}

/// Reads every `.md` page under `root` and resolves them into the IR.
///
/// Files are read, parsed and extracted in parallel (on the current rayon pool); results
/// are gathered in path order and diagnostics sorted, so the outcome is the same for any
/// number of threads.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    if !root.is_dir() {
        return Err(LoadError::NotADirectory(root.to_path_buf()));
    }
    let mut diags = Diagnostics::default();
    let files = source::list_markdown(root, &mut diags);
    if files.is_empty() {
        return Err(LoadError::Empty(root.to_path_buf()));
    }
    let read: Vec<(Option<Source>, Diagnostics)> = files
        .par_iter()
        .map(|(rel, path)| {
            let mut d = Diagnostics::default();
            (source::read(rel, path, &mut d), d)
        })
        .collect();
    let mut sources = Vec::with_capacity(read.len());
    for (source, d) in read {
        diags.extend(d);
        sources.extend(source);
    }
    Ok(from_sources(sources, diags))
}

/// Reads a docs folder, or a single `.md` page as a tree of its own (see [`load_file`]).
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    if path.is_file() {
        load_file(path)
    } else if path.is_dir() {
        load(path)
    } else {
        Err(LoadError::Missing(path.to_path_buf()))
    }
}

/// Reads one page as a docs tree of its own. Its path is `<folder>/<file>` (for example
/// `api/profile-post.md`), so diagnostics name it as in the full tree; the types it links
/// to are not loaded and resolve to their qualified names.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    check_page(path)?;
    let mut diags = Diagnostics::default();
    let sources = source::read(&tree_name(path), path, &mut diags)
        .into_iter()
        .collect();
    Ok(from_sources(sources, diags))
}

/// Reads one page with the pages it links to (one link away, the ones that exist), and
/// keeps only the diagnostics about the page itself: the page is checked in its context,
/// as in the full tree, without reporting on its neighbours. Paths are named as in
/// [`load_file`].
pub fn load_page_in_context(path: &Path) -> Result<Loaded, LoadError> {
    check_page(path)?;
    let name = tree_name(path);
    let mut diags = Diagnostics::default();
    let Some(page) = source::read(&name, path, &mut diags) else {
        return Ok(from_sources(Vec::new(), diags));
    };
    let mut neighbours = Diagnostics::default();
    let mut sources: Vec<Source> = linked_pages(path, &page.text)
        .filter(|(rel, _)| *rel != name)
        .filter_map(|(rel, linked)| source::read(&rel, &linked, &mut neighbours))
        .collect();
    sources.push(page);
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    let mut loaded = from_sources(sources, diags);
    loaded.diagnostics.retain(|d| d.location.file == name);
    Ok(loaded)
}

/// A single page's path must name an existing `.md` file.
fn check_page(path: &Path) -> Result<(), LoadError> {
    if !path.is_file() {
        return Err(LoadError::Missing(path.to_path_buf()));
    }
    let is_md = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    if is_md {
        Ok(())
    } else {
        Err(LoadError::NotMarkdown(path.to_path_buf()))
    }
}

/// A page's name as in its docs tree: `<folder>/<file>`.
fn tree_name(path: &Path) -> String {
    let name = |p: Option<&Path>| {
        p.and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
    };
    match (name(path.parent()), name(Some(path))) {
        (Some(dir), Some(file)) => format!("{dir}/{file}"),
        (None, Some(file)) => file,
        _ => path.display().to_string(),
    }
}

/// The distinct local `.md` pages that markdown links in `text` point to (relative to the
/// page at `path`) and that exist, each with its tree name, sorted by name.
fn linked_pages(path: &Path, text: &str) -> impl Iterator<Item = (String, PathBuf)> {
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut pages: Vec<(String, PathBuf)> = text
        .split("](")
        .skip(1)
        .filter_map(|rest| {
            let target = rest.split([')', ' ', '#']).next()?;
            let local = !target.contains(':') && !target.starts_with('/');
            let md =
                target.len() > 3 && target.get(target.len() - 3..)?.eq_ignore_ascii_case(".md");
            (local && md).then(|| dir.join(target))
        })
        .filter(|p| p.is_file())
        .map(|p| (tree_name(&p), p))
        .collect();
    pages.sort();
    pages.dedup_by(|a, b| a.0 == b.0);
    pages.into_iter()
}

/// Runs page → extract → resolve over sources already in memory.
///
/// Pages are parsed and extracted in parallel (each on its own, in page order);
/// resolution and the example check, which need every page, run after.
pub fn from_sources(sources: Vec<Source>, mut diags: Diagnostics) -> Loaded {
    // Unzipped on the pool straight into their own vectors: the fragments are not moved
    // again (7,949 of them on the corpus, each a few hundred bytes).
    let (mut fragments, per_page): (Vec<PageFragments>, Vec<Diagnostics>) = sources
        .par_iter()
        .map(|s| {
            let mut d = Diagnostics::default();
            let page = Page::parse(s, &mut d);
            (extract::extract(s, &page, &mut d), d)
        })
        .unzip();
    for d in per_page {
        diags.extend(d);
    }
    resolve::canonical_namespaces(&mut fragments, &mut diags);
    let api = resolve::resolve(&mut fragments, &mut diags);
    // Everything in the fragments is in the IR now; free them (many small allocations)
    // on the pool rather than one thread.
    fragments.into_par_iter().for_each(drop);
    crate::typecheck::check_examples(&api, &sources, &mut diags);
    Loaded {
        api,
        diagnostics: diags.into_sorted(),
        pages: sources.iter().map(|s| s.path.clone()).collect(),
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_pages_are_local_md_links_that_exist() {
        let dir = std::env::temp_dir().join(format!("codegen-linked-{}", std::process::id()));
        let page = dir.join("api/a.md");
        for p in [
            "api/a.md",
            "api/b.md",
            "resources/c.md",
            "resources/e.MD",
            "resources/d.txt",
        ] {
            let p = dir.join(p);
            std::fs::create_dir_all(p.parent().unwrap_or(&dir)).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(p, "x").unwrap_or_else(|e| panic!("{e}"));
        }
        let text = "[c](../resources/c.md#x) [e](../resources/e.MD) [b](b.md \"title\") \
                    [again](../resources/c.md) [gone](gone.md) [web](https://x/y.md) \
                    [abs](/api/b.md) [txt](../resources/d.txt) [self](a.md) [.md]() ](";
        let names: Vec<String> = linked_pages(&page, text).map(|(n, _)| n).collect();
        assert_eq!(
            names,
            ["api/a.md", "api/b.md", "resources/c.md", "resources/e.MD"]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
