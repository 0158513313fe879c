//! Loading one or more docs folders into one IR, remembering every file and folder read
//! (for `cargo:rerun-if-changed`) and how to show a page's path to the user.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::BuildError;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::pipeline::{self, Loaded};
use crate::source::{self, Source};

/// The loaded docs and what was read to load them.
pub struct Docs {
    /// The IR, its diagnostics and the sources (paths relative to their docs folder).
    pub loaded: Loaded,
    /// Every page read, as a path the build script can open.
    pub files: Vec<PathBuf>,
    /// Every docs folder and subfolder.
    pub dirs: Vec<PathBuf>,
    /// Relative page path → the path shown to the user (`../../docs-input/api/x.md`).
    shown: BTreeMap<String, String>,
}

/// Loads every `.md` page under `roots`. A page whose relative path an earlier folder
/// already had is skipped with a `page-shadowed` note, so earlier folders override later
/// ones.
pub fn load(roots: &[PathBuf]) -> Result<Docs, BuildError> {
    let mut diags = Diagnostics::default();
    let (mut sources, mut files, mut dirs) = (Vec::new(), Vec::new(), Vec::new());
    let mut shown = BTreeMap::new();
    for root in roots {
        if !root.is_dir() {
            return Err(BuildError::DocsFolder {
                path: root.clone(),
                reason: "does not exist or is not a directory",
            });
        }
        dirs.extend(folders(root));
        for (rel, path) in source::list_markdown(root, &mut diags) {
            if shown.contains_key(&rel) {
                let message = format!(
                    "`{}` is shadowed by a page of an earlier docs folder",
                    path.display()
                );
                diags.note("page-shadowed", Location::file(&rel), message);
                continue;
            }
            shown.insert(rel.clone(), path.display().to_string());
            files.push(path.clone());
            sources.extend(source::read(&rel, &path, &mut diags));
        }
    }
    if sources.is_empty() {
        return Err(BuildError::DocsFolder {
            path: roots.first().cloned().unwrap_or_default(),
            reason: "contains no .md pages",
        });
    }
    Ok(Docs {
        loaded: pipeline::from_sources(sources, diags),
        files,
        dirs,
        shown,
    })
}

impl Docs {
    /// `d` with its file shown as the user would open it.
    pub fn shown(&self, d: &Diagnostic) -> Diagnostic {
        let mut d = d.clone();
        if let Some(path) = self.shown.get(&d.location.file) {
            d.location.file = path.clone();
        }
        d
    }

    /// The sources under the paths [`Docs::shown`] gives, for rendering.
    pub fn shown_sources(&self) -> Vec<Source> {
        self.loaded
            .sources
            .iter()
            .map(|s| match self.shown.get(&s.path) {
                Some(path) => Source::new(path, &s.text),
                None => s.clone(),
            })
            .collect()
    }
}

/// `root` and every folder below it, sorted; symbolic links are not followed.
fn folders(root: &Path) -> Vec<PathBuf> {
    let mut out = vec![root.to_path_buf()];
    let mut next = 0;
    while let Some(dir) = out.get(next).cloned() {
        next += 1;
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut children: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        children.sort();
        out.extend(children);
    }
    out.sort();
    out
}
