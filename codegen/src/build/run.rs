//! The generation run behind [`Builder::generate`]: check settings, load, select, emit,
//! lay out, report, write.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use super::docs::{self, Docs};
use super::{BuildError, Builder, Warnings, cargo};
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::emit::{self, EmitOptions, Layout, ModulePlace};
use crate::ir::Api;
use crate::report;
use crate::select::{self, Selection};
use crate::write;

/// What [`Builder::generate`] produced.
///
/// ```no_run
/// let generated = codegen::build::Builder::new().docs("docs-input").generate()?;
/// for warning in &generated.diagnostics {
///     eprintln!("{warning}");
/// }
/// println!("{} types, {} operations", generated.types.len(), generated.operations.len());
/// # Ok::<(), codegen::build::BuildError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Generated {
    /// The file to include: `graph.rs`, `graph/mod.rs`, or the crate's `src/lib.rs`.
    pub main_file: PathBuf,
    /// Every generated file.
    pub files: Vec<PathBuf>,
    /// The generated files whose contents changed, so were written this time.
    pub written: Vec<PathBuf>,
    /// Qualified names of the kept entity and complex types.
    pub types: Vec<String>,
    /// Qualified names of the kept enums.
    pub enums: Vec<String>,
    /// Names of the kept operations.
    pub operations: Vec<String>,
    /// Every docs page read.
    pub inputs: Vec<PathBuf>,
    /// Warnings and notes about the kept items, with page paths as given.
    pub diagnostics: Vec<Diagnostic>,
}

/// Settings checked before any work.
struct Checked {
    place: ModulePlace,
    out_dir: PathBuf,
    cargo: bool,
}

fn check(b: &Builder) -> Result<Checked, BuildError> {
    if b.docs.is_empty() {
        return Err(BuildError::Setting {
            setting: "docs",
            message: "no docs folder given".to_string(),
        });
    }
    let place = ModulePlace::new(&b.module_name, b.module_path.as_deref()).map_err(|message| {
        let setting = if b.module_path.is_some() {
            "module_path"
        } else {
            "module_name"
        };
        BuildError::Setting { setting, message }
    })?;
    let out_dir = match &b.out_dir {
        Some(dir) => dir.clone(),
        None => std::env::var_os("OUT_DIR")
            .map(PathBuf::from)
            .ok_or(BuildError::NoOutDir)?,
    };
    let cargo = b
        .cargo_instructions
        .unwrap_or_else(|| std::env::var_os("OUT_DIR").is_some());
    Ok(Checked {
        place,
        out_dir,
        cargo,
    })
}

pub(super) fn run(b: &Builder, out: &mut dyn Write) -> Result<Generated, BuildError> {
    let checked = check(b)?;
    let docs = docs::load(&b.docs)?;
    if checked.cargo {
        cargo::rerun_if_changed(out, &docs.dirs, &docs.files).map_err(BuildError::Output)?;
    }
    let api = selected(b, &docs.loaded.api)?;
    let options = EmitOptions {
        crate_name: b.crate_name.clone(),
        base_url: b.base_url.clone(),
        dates: b.dates,
    };
    let mut emit_diags = Diagnostics::default();
    let files = emit::emit(&api, &options, &mut emit_diags);
    let files = emit::layout::arrange(files, b.layout, &checked.place, &mut emit_diags);
    let diagnostics = relevant(&docs, &api, b, emit_diags);
    fail_on(&docs, &diagnostics, b.warnings)?;
    if checked.cargo && b.warnings == Warnings::Print {
        let warnings: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| docs.shown(d))
            .collect();
        cargo::warnings(out, &warnings, b.max_warnings).map_err(BuildError::Output)?;
    }
    let report = write::write_tree(&checked.out_dir, &files)?;
    let under = |paths: &[String]| -> Vec<PathBuf> {
        paths.iter().map(|p| checked.out_dir.join(p)).collect()
    };
    Ok(Generated {
        main_file: checked
            .out_dir
            .join(main_file(b.layout, checked.place.name())),
        files: files
            .iter()
            .map(|f| checked.out_dir.join(&f.path))
            .collect(),
        written: under(&report.written),
        types: api.types.iter().map(|t| t.name.clone()).collect(),
        enums: api.enums.iter().map(|e| e.name.clone()).collect(),
        operations: api.operations.iter().map(|o| o.name.clone()).collect(),
        inputs: docs.files.clone(),
        diagnostics: diagnostics.iter().map(|d| docs.shown(d)).collect(),
    })
}

fn main_file(layout: Layout, module: &str) -> String {
    match layout {
        Layout::SingleFile => format!("{module}.rs"),
        Layout::ModuleTree => format!("{module}/mod.rs"),
        Layout::Crate => "src/lib.rs".to_string(),
    }
}

/// The kept part of the API; a pattern that matches nothing is an error.
fn selected(b: &Builder, api: &Api) -> Result<Api, BuildError> {
    let selection = Selection {
        types: b.keep_types.clone(),
        operations: b.keep_operations.clone(),
    };
    let selected = select::select(api, &selection);
    let unmatched = selected
        .unmatched_types
        .first()
        .map(|p| ("keep_types", p))
        .or_else(|| {
            selected
                .unmatched_operations
                .first()
                .map(|p| ("keep_operations", p))
        });
    if let Some((setting, pattern)) = unmatched {
        return Err(BuildError::PatternMatchedNothing {
            setting,
            pattern: pattern.clone(),
        });
    }
    Ok(selected.api)
}

/// The load diagnostics about pages that define a kept item (all of them when everything
/// is kept), then the emit diagnostics; sorted, with relative paths.
fn relevant(docs: &Docs, api: &Api, b: &Builder, emit: Diagnostics) -> Vec<Diagnostic> {
    let keeps_all = b.keep_types.is_empty() && b.keep_operations.is_empty();
    let pages: BTreeSet<&str> = api
        .types
        .iter()
        .map(|t| t.source.file.as_str())
        .chain(api.enums.iter().map(|e| e.source.file.as_str()))
        .chain(api.operations.iter().map(|o| o.source.file.as_str()))
        .collect();
    let mut out: Vec<Diagnostic> = docs
        .loaded
        .diagnostics
        .iter()
        .filter(|d| keeps_all || pages.contains(d.location.file.as_str()))
        .cloned()
        .collect();
    out.extend(emit.into_sorted());
    out.sort();
    out.dedup();
    out
}

/// Errors, and under [`Warnings::Deny`] warnings, fail the build with the full report.
fn fail_on(docs: &Docs, diags: &[Diagnostic], warnings: Warnings) -> Result<(), BuildError> {
    let failing: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| {
            d.severity == Severity::Error
                || (warnings == Warnings::Deny && d.severity == Severity::Warning)
        })
        .map(|d| docs.shown(d))
        .collect();
    let Some(first) = failing.first() else {
        return Ok(());
    };
    let what = if failing.iter().any(|d| d.severity == Severity::Error) {
        "errors"
    } else {
        "warnings, which `Warnings::Deny` makes fatal"
    };
    let report = format!(
        "codegen: the Microsoft Graph docs have {what}; nothing was generated\n\n{}{}",
        report::render(&failing, &docs.shown_sources(), false),
        report::summary(&failing),
    );
    Err(BuildError::Docs {
        location: first.location.clone(),
        diagnostics: failing,
        report,
    })
}
