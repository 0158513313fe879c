//! Extraction coverage of a loaded docs tree: what kind of page each page is, decided
//! from its text independently of the extractors, and whether extraction got what a page
//! of that kind should yield. The corpus test asserts on these figures and
//! `examples/corpus_stats.rs` prints them.

use std::collections::BTreeMap;
use std::fmt;

use crate::extract::PageFragments;
use crate::pipeline::Loaded;
use crate::source::Source;

/// What a page is, by its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageKind {
    /// Documents one HTTP operation: has an `HTTP request` heading, or says
    /// `doc_type: apiPageType` without being a resource or enum page.
    Api,
    /// Defines a type: has a `Properties` heading or a `"blockType": "resource"` annotation.
    Resource,
    /// Defines enums: titled `X enum type` or `doc_type: enumPageType` / `enumTypes`.
    Enum,
    /// Anything else (overviews, conceptual pages, stubs that point elsewhere): expected
    /// to yield nothing.
    Overview,
}

impl fmt::Display for PageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PageKind::Api => "api",
            PageKind::Resource => "resource",
            PageKind::Enum => "enum",
            PageKind::Overview => "overview",
        })
    }
}

/// The signals [`classify`] reads from a page's text.
#[derive(Debug, Default)]
struct Signals {
    doc_type: String,
    title: String,
    http_request: bool,
    properties: bool,
    resource_annotation: bool,
}

/// Decides a page's kind from its raw text (front matter, headings outside code fences,
/// annotations), without using the extractors, so that coverage is not circular.
pub fn classify(source: &Source) -> PageKind {
    let s = signals(&source.text);
    let enum_title = {
        let t = s.title.to_ascii_lowercase();
        t.ends_with(" enum type") || t.ends_with(" enum") || t.contains("enumeration")
    };
    if s.http_request {
        PageKind::Api
    } else if enum_title || matches!(s.doc_type.as_str(), "enumpagetype" | "enumtypes") {
        PageKind::Enum
    } else if s.properties || s.resource_annotation {
        PageKind::Resource
    } else if s.doc_type == "apipagetype" {
        PageKind::Api
    } else {
        PageKind::Overview
    }
}

fn signals(text: &str) -> Signals {
    let mut s = Signals::default();
    let mut fence: Option<char> = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if let Some(v) = t.strip_prefix("doc_type:")
            && i < 30
        {
            s.doc_type = v.trim().trim_matches('"').trim().to_ascii_lowercase();
        }
        if let Some(c) = fence_char(t) {
            fence = match fence {
                Some(open) if open == c => None,
                None => Some(c),
                other => other,
            };
            continue;
        }
        let lower = t.to_ascii_lowercase();
        if lower.contains("blocktype") && lower.contains("\"resource\"") {
            s.resource_annotation = true;
        }
        if fence.is_some() || !t.starts_with('#') {
            continue;
        }
        let level = t.chars().take_while(|&c| c == '#').count();
        let heading = lower.trim_start_matches('#').trim();
        if level == 1 && s.title.is_empty() && !heading.starts_with('[') {
            s.title = t.trim_start_matches('#').trim().to_string();
        }
        s.http_request |= heading.starts_with("http request");
        s.properties |= heading.starts_with("properties");
    }
    s
}

fn fence_char(line: &str) -> Option<char> {
    ['`', '~']
        .into_iter()
        .find(|&c| line.chars().take_while(|&x| x == c).count() >= 3)
}

/// How many pages of one kind got what they should, and which did not.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Pages of this kind.
    pub pages: usize,
    /// Pages that yielded what their kind should.
    pub ok: usize,
    /// Paths of the pages that did not.
    pub failing: Vec<String>,
}

impl Tally {
    fn add(&mut self, path: &str, ok: bool) {
        self.pages += 1;
        if ok {
            self.ok += 1;
        } else {
            self.failing.push(path.to_string());
        }
    }

    /// `ok / pages` as a percentage (100 when there are no pages).
    pub fn percent(&self) -> f64 {
        percent(self.ok, self.pages)
    }
}

fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        100.0
    } else {
        n as f64 * 100.0 / of as f64
    }
}

/// Coverage figures for a loaded docs tree.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// API pages that yield an operation with a method, a path and a response status.
    pub api: Tally,
    /// Resource pages that yield a type.
    pub resource: Tally,
    /// Enum pages that yield at least one enum.
    pub enums: Tally,
    /// Overview pages; `ok` counts those that (rightly) yield nothing.
    pub overview: Tally,
    /// Example bodies that look like JSON (a JSON content type, or starting with `{`/`[`).
    pub json_bodies: usize,
    /// Of those, the ones that parse (possibly after repair).
    pub json_parsed: usize,
    /// Pages by folder (`api`, `resources`, …) and kind.
    pub by_folder: BTreeMap<(String, PageKind), usize>,
    /// Types, enums and operations in the IR.
    pub ir: (usize, usize, usize),
    /// Examples in the IR, and how many of them have a body.
    pub examples: (usize, usize),
    /// Diagnostic counts by code.
    pub diagnostics: BTreeMap<String, usize>,
}

impl Coverage {
    /// Measures a loaded docs tree. What each page yields on its own is extracted again
    /// (`Loaded` keeps only the resolved IR).
    pub fn of(loaded: &Loaded) -> Coverage {
        use rayon::prelude::*;
        let fragments: Vec<PageFragments> = loaded
            .sources
            .par_iter()
            .map(|source| {
                let mut ignored = crate::diag::Diagnostics::default();
                let page = crate::page::Page::parse(source, &mut ignored);
                crate::extract::extract(source, &page, &mut ignored)
            })
            .collect();
        let mut c = Coverage::default();
        for (source, frag) in loaded.sources.iter().zip(&fragments) {
            let kind = classify(source);
            let folder = match source.path.split_once('/') {
                Some((dir, _)) => format!("{dir}/"),
                None => "(root)".to_string(),
            };
            *c.by_folder.entry((folder, kind)).or_default() += 1;
            c.page(kind, source, frag);
        }
        let api = &loaded.api;
        c.ir = (api.types.len(), api.enums.len(), api.operations.len());
        let examples = api.operations.iter().flat_map(|o| &o.examples);
        c.examples = examples.fold((0, 0), |(n, b), e| {
            (n + 1, b + usize::from(e.body.is_some()))
        });
        for d in &loaded.diagnostics {
            *c.diagnostics.entry(d.code.clone()).or_default() += 1;
        }
        c
    }

    fn page(&mut self, kind: PageKind, source: &Source, frag: &PageFragments) {
        let path = source.path.as_str();
        match kind {
            PageKind::Api => {
                let op = frag.operation.as_ref();
                let ok = op.is_some_and(|o| {
                    !o.method.is_empty() && !o.paths.is_empty() && o.response.is_some()
                });
                self.api.add(path, ok);
            }
            PageKind::Resource => self.resource.add(path, !frag.types.is_empty()),
            PageKind::Enum => self.enums.add(path, !frag.enums.is_empty()),
            PageKind::Overview => {
                let nothing =
                    frag.types.is_empty() && frag.enums.is_empty() && frag.operation.is_none();
                self.overview.add(path, nothing);
            }
        }
        for ex in frag.operation.iter().flat_map(|o| &o.examples) {
            if crate::extract::examples::looks_like_json(&ex.message) {
                self.json_bodies += 1;
                self.json_parsed += usize::from(ex.body.is_some());
            }
        }
    }

    /// Parsed JSON bodies as a percentage of the bodies that look like JSON.
    pub fn json_percent(&self) -> f64 {
        percent(self.json_parsed, self.json_bodies)
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pages: usize = self.by_folder.values().sum();
        writeln!(f, "pages: {pages}")?;
        for ((folder, kind), n) in &self.by_folder {
            writeln!(f, "  {folder} {kind}: {n}")?;
        }
        let line = |f: &mut fmt::Formatter<'_>, what: &str, t: &Tally| {
            writeln!(f, "{what}: {}/{} ({:.2}%)", t.ok, t.pages, t.percent())
        };
        line(
            f,
            "api pages with method, path and response status",
            &self.api,
        )?;
        line(f, "resource pages with a type", &self.resource)?;
        line(f, "enum pages with an enum", &self.enums)?;
        line(
            f,
            "overview pages yielding nothing (not counted above)",
            &self.overview,
        )?;
        let (types, enums, ops) = self.ir;
        writeln!(f, "IR: {types} types, {enums} enums, {ops} operations")?;
        let (examples, bodies) = self.examples;
        writeln!(f, "examples: {examples} ({bodies} with a parsed body)")?;
        writeln!(
            f,
            "JSON-looking example bodies that parse: {}/{} ({:.2}%)",
            self.json_parsed,
            self.json_bodies,
            self.json_percent()
        )?;
        let total: usize = self.diagnostics.values().sum();
        writeln!(f, "diagnostics: {total}")?;
        for (code, n) in &self.diagnostics {
            writeln!(f, "  {code}: {n}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> PageKind {
        classify(&Source::new("x.md", text))
    }

    #[test]
    fn kinds_come_from_headings_front_matter_and_annotations() {
        assert_eq!(
            kind("# Get x\n## HTTP request\n```http\nGET /x\n```\n"),
            PageKind::Api
        );
        assert_eq!(
            kind("# x resource type\n## Properties\n"),
            PageKind::Resource
        );
        assert_eq!(
            kind("# x\n<!-- {\n \"blockType\": \"resource\" } -->\n"),
            PageKind::Resource
        );
        assert_eq!(
            kind("# clonableTeamParts enum type\n## Members\n"),
            PageKind::Enum
        );
        assert_eq!(
            kind("---\ndoc_type: \"apiPageType\"\n---\n# Get a site\n"),
            PageKind::Api
        );
        assert_eq!(
            kind("# Overview\n```md\n## Properties\n```\n"),
            PageKind::Overview
        );
    }
}
