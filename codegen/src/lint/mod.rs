//! `codegen lint`: the docs checked against themselves, the way a docs team needs before
//! publishing.
//!
//! The findings are the pipeline's own diagnostics (recorded while reading, resolving and
//! type-checking the pages), re-graded with each rule's lint severity from [`rules`], plus
//! the rules of this module's families: HTTP consistency (`http`), example completeness
//! (`examples`) and page text (`pages`). Every rule is one pass over what `load`
//! already built, so linting costs little more than loading. Rules can be allowed
//! globally, per path glob, or per page (see [`allow`]).

pub mod allow;
mod examples;
pub mod format;
mod help;
mod http;
mod pages;
pub mod rules;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::pipeline::Loaded;
use crate::source::Source;

pub use allow::{AllowError, AllowList};
pub use rules::{Family, RULES, Rule};

/// Lints a loaded docs tree: every finding not allowed by `allow` (or by an allow comment
/// in its page), with lint severities and columns filled in, sorted by place.
pub fn lint(loaded: &Loaded, allow: &AllowList) -> Vec<Diagnostic> {
    let index = Index::new(loaded);
    let mut found = Diagnostics::default();
    for op in &loaded.api.operations {
        http::check(op, &index, &mut found);
        examples::check(&loaded.api, &index, op, &mut found);
    }
    pages::check(&loaded.sources, &loaded.pages, &mut found);
    let mut allow = allow.clone();
    allow.add_comments(&loaded.sources, &mut found);
    let mut all: Vec<Diagnostic> = loaded
        .diagnostics
        .iter()
        .cloned()
        .chain(found.into_sorted())
        .filter(|d| !allow.allows(d))
        .map(|mut d| {
            d.severity = severity(&d);
            fill_column(&mut d, &index);
            help::add(&mut d);
            d
        })
        .collect();
    all.sort();
    all.dedup();
    all
}

/// The lint severity of a diagnostic: its rule's, or the recorded one for unknown codes.
pub fn severity(d: &Diagnostic) -> Severity {
    rules::find(&d.code).map_or(d.severity, |r| r.severity)
}

/// The exit code for lint findings: 1 when there is an error, or a warning and
/// `deny_warnings`; else 0.
pub fn exit_code(diags: &[Diagnostic], deny_warnings: bool) -> u8 {
    let fails = |d: &Diagnostic| {
        d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
    };
    u8::from(diags.iter().any(fails))
}

/// Points a whole-line location at the line's first non-blank character.
fn fill_column(d: &mut Diagnostic, index: &Index<'_>) {
    if d.location.line == 0 || d.location.col != 0 {
        return;
    }
    let Some(source) = index.source(&d.location.file) else {
        return;
    };
    let text = source.line_text(d.location.line);
    let blank = text.chars().take_while(|c| c.is_whitespace()).count();
    d.location.col = if blank == text.chars().count() {
        1
    } else {
        blank as u32 + 1
    };
}

/// Lookups the rules share: sources by path, type and enum names case-insensitively.
pub(crate) struct Index<'a> {
    sources: HashMap<&'a str, &'a Source>,
    names: HashMap<String, &'a str>,
}

impl<'a> Index<'a> {
    fn new(loaded: &'a Loaded) -> Self {
        let api = &loaded.api;
        let names = api
            .types
            .iter()
            .map(|t| t.name.as_str())
            .chain(api.enums.iter().map(|e| e.name.as_str()))
            .map(|n| (n.to_ascii_lowercase(), n))
            .collect();
        Index {
            sources: loaded
                .sources
                .iter()
                .map(|s| (s.path.as_str(), s))
                .collect(),
            names,
        }
    }

    /// The source of a page.
    fn source(&self, path: &str) -> Option<&'a Source> {
        self.sources.get(path).copied()
    }

    /// The documented spelling of a type or enum name, compared case-insensitively.
    fn canonical(&self, qualified: &str) -> Option<&'a str> {
        self.names.get(&qualified.to_ascii_lowercase()).copied()
    }
}
