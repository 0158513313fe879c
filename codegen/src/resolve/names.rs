//! Qualified names: namespaces, the legacy profile namespace, case-insensitive lookup,
//! and links to pages.

use std::collections::HashMap;

use super::hash::{FastMap, fast_map};
use crate::diag::{Diagnostics, Location};
use crate::extract::PageFragments;
use crate::extract::type_text::LEGACY_PROFILE_NAMESPACE;

/// The default namespace of Graph types.
pub const GRAPH: &str = "microsoft.graph";

/// Qualifies a name as written on a page whose namespace is `namespace`.
///
/// `microsoft.graph.x` stays; `Microsoft.Fast.PI.ViewGenerator.V2.Profile.Models.x`
/// becomes `microsoft.graph.x` with a diagnostic; a bare `x` gets the page namespace.
pub fn qualify(name: &str, namespace: &str, at: &Location, diags: &mut Diagnostics) -> String {
    let name = name.trim().trim_start_matches('#');
    if let Some(short) = strip_prefix_ignore_ascii_case(name, LEGACY_PROFILE_NAMESPACE) {
        diags
            .warning(
                "non-standard-namespace",
                at.clone(),
                format!("`{name}` uses the non-standard namespace `Microsoft.Fast.PI.ViewGenerator.V2.Profile.Models`; read as `{GRAPH}.{short}`"),
            )
            .help = Some(format!("write `{GRAPH}.{short}`"));
        return dotted(GRAPH, short);
    }
    // A prefix of two or more segments is a namespace (`microsoft.graph.callRecords.x`);
    // one segment (`callRecords.x`) is read relative to the page's namespace. (A prefix
    // `microsoft.` has a dot of its own, so needs no case of its own.)
    if let Some((ns, short)) = name.rsplit_once('.')
        && ns.contains('.')
    {
        let mut q = String::with_capacity(name.len());
        push_normalised(&mut q, ns);
        q.push('.');
        q.push_str(short);
        return q;
    }
    dotted(namespace, name)
}

/// `namespace.name`, built without the formatting machinery (qualifying is on the hot path).
fn dotted(namespace: &str, name: &str) -> String {
    let mut q = String::with_capacity(namespace.len() + 1 + name.len());
    q.push_str(namespace);
    q.push('.');
    q.push_str(name);
    q
}

/// `text` without `prefix` when it starts with it, ignoring ASCII case (without lowering
/// a copy of `text`).
fn strip_prefix_ignore_ascii_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// `Microsoft.Graph.CallRecords` → `microsoft.graph.callRecords` (first letters lowered).
pub fn normalise_namespace(ns: &str) -> String {
    let mut out = String::with_capacity(ns.len());
    push_normalised(&mut out, ns);
    out
}

/// Appends [`normalise_namespace`] of `ns` to `out`.
fn push_normalised(out: &mut String, ns: &str) {
    for (i, part) in ns.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_lowercase());
            out.push_str(chars.as_str());
        }
    }
}

/// Gives every page the spelling of its namespace that most pages use
/// (`microsoft.graph.termstore` → `microsoft.graph.termStore`), with a
/// `namespace-spelling` note on the pages that spell it otherwise. Names are looked up
/// case-insensitively, but the spelling a page gives ends up in qualified names.
pub fn canonical_namespaces(pages: &mut [PageFragments], diags: &mut Diagnostics) {
    let canonical = canonical_spellings(pages);
    // Pages come in path order, so neighbours mostly share a namespace: the last answer
    // is reused rather than looked up again.
    let mut last: Option<(String, Option<&String>)> = None;
    for p in pages.iter_mut() {
        let c = match &last {
            Some((spelling, c)) if *spelling == p.namespace => *c,
            _ => {
                let c = canonical.get(&p.namespace);
                last = Some((p.namespace.clone(), c));
                c
            }
        };
        let Some(c) = c else { continue };
        if *c != p.namespace {
            diags.note(
                "namespace-spelling",
                Location::line(&p.path, p.namespace_line),
                format!(
                    "namespace `{}` is read as `{c}`, as most pages spell it",
                    p.namespace
                ),
            );
            p.namespace = c.clone();
        }
    }
}

/// Every namespace spelling the pages use → the spelling most pages use for that
/// namespace (compared ignoring ASCII case; a tie goes to the smallest spelling).
///
/// Spellings are counted as written (there are few), then grouped by their lower case:
/// lowering a copy of every page's namespace cost more than the rest.
fn canonical_spellings(pages: &[PageFragments]) -> HashMap<String, String> {
    let mut spelled: HashMap<&str, usize> = HashMap::new();
    let mut run: Option<(&str, usize)> = None;
    for p in pages {
        match &mut run {
            Some((s, n)) if *s == p.namespace => *n += 1,
            _ => {
                if let Some((s, n)) = run.take() {
                    *spelled.entry(s).or_default() += n;
                }
                run = Some((p.namespace.as_str(), 1));
            }
        }
    }
    if let Some((s, n)) = run {
        *spelled.entry(s).or_default() += n;
    }
    let mut counts: HashMap<String, HashMap<&str, usize>> = HashMap::new();
    for (s, n) in &spelled {
        counts
            .entry(s.to_ascii_lowercase())
            .or_default()
            .insert(s, *n);
    }
    let best: HashMap<String, &str> = counts
        .into_iter()
        .filter_map(|(lower, spellings)| {
            let best = spellings
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            Some((lower, best.0))
        })
        .collect();
    spelled
        .keys()
        .filter_map(|s| {
            let c = best.get(&s.to_ascii_lowercase())?;
            Some((s.to_string(), c.to_string()))
        })
        .collect()
}

/// Case-insensitive registry of canonical qualified names, plus which page defines what.
#[derive(Debug, Default)]
pub struct Names {
    by_lower: FastMap<String, String>,
    by_page: FastMap<String, String>,
}

impl Names {
    /// Registers a canonical name; `page` when links to that page mean this name.
    pub fn add(&mut self, canonical: &str, page: Option<&str>) {
        self.by_lower
            .entry(canonical.to_ascii_lowercase())
            .or_insert_with(|| canonical.to_string());
        if let Some(page) = page {
            self.by_page
                .entry(page.to_ascii_lowercase())
                .or_insert_with(|| canonical.to_string());
        }
    }

    /// An empty registry with room for `names` names of `pages` pages.
    pub fn with_capacity(names: usize, pages: usize) -> Self {
        Names {
            by_lower: fast_map(names),
            by_page: fast_map(pages),
        }
    }

    /// [`Names::add`] for a name whose lower-case spelling `lower` (and its page's,
    /// `page_lower`) were worked out ahead. The name is moved in rather than copied: this
    /// runs for every name, in order.
    pub fn add_lowered(&mut self, lower: String, canonical: String, page_lower: Option<String>) {
        if let Some(page) = page_lower {
            self.by_page
                .entry(page)
                .or_insert_with(|| canonical.clone());
        }
        self.by_lower.entry(lower).or_insert(canonical);
    }

    /// The canonical spelling of a qualified name, if registered.
    pub fn get(&self, qualified: &str) -> Option<&str> {
        self.get_joined(&[qualified])
    }

    /// [`Names::get`] of the concatenation of `parts`. The key is lowered into a buffer
    /// on the stack: names are looked up for every row, and a lowered copy of each cost
    /// an allocation.
    fn get_joined(&self, parts: &[&str]) -> Option<&str> {
        let mut buf = [0u8; KEY_ROOM];
        let found = match lowered_into(parts, &mut buf) {
            Some(key) => self.by_lower.get(key),
            None => self.by_lower.get(&parts.concat().to_ascii_lowercase()),
        };
        found.map(String::as_str)
    }

    /// The type defined by the page a link points to. A link to a section of a page
    /// (`chat.md#chattype-values`) does not mean the page's type.
    pub fn by_link(&self, from_page: &str, target: &str) -> Option<&str> {
        if target.contains('#') {
            return None;
        }
        let path = join(from_page, target)?;
        self.by_page
            .get(&path.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// Finds a qualified name, or the same short name in `microsoft.graph`.
    pub fn find_name(&self, qualified: &str) -> Option<String> {
        if let Some(c) = self.get(qualified) {
            return Some(c.to_string());
        }
        self.get_joined(&[GRAPH, ".", short_name(qualified)])
            .map(str::to_string)
    }

    /// Finds a qualified name (see [`Names::find_name`]), or else the type of the page
    /// the link points to.
    pub fn find(&self, qualified: &str, link: Option<&str>, from_page: &str) -> Option<String> {
        self.find_name(qualified).or_else(|| {
            link.and_then(|l| self.by_link(from_page, l))
                .map(str::to_string)
        })
    }
}

/// Room for a lowered key on the stack; longer keys are lowered into a `String`.
const KEY_ROOM: usize = 128;

/// The concatenation of `parts`, ASCII-lowered into `buf`, when it fits.
fn lowered_into<'b>(parts: &[&str], buf: &'b mut [u8; KEY_ROOM]) -> Option<&'b str> {
    let mut len = 0;
    for part in parts {
        let end = len + part.len();
        buf.get_mut(len..end)?.copy_from_slice(part.as_bytes());
        len = end;
    }
    let key = buf.get_mut(..len)?;
    key.make_ascii_lowercase();
    // Lowering ASCII letters keeps UTF-8 valid, so this always succeeds.
    std::str::from_utf8(key).ok()
}

/// The last segment of a qualified name.
pub fn short_name(qualified: &str) -> &str {
    qualified.rsplit('.').next().unwrap_or(qualified)
}

/// The namespace part of a qualified name.
pub fn namespace_of(qualified: &str) -> &str {
    qualified.rsplit_once('.').map_or(GRAPH, |(ns, _)| ns)
}

/// Joins a relative link to the page it is on: (`api/x.md`, `../resources/y.md`) → `resources/y.md`.
pub fn join(from_page: &str, target: &str) -> Option<String> {
    let target = target.split(['#', '?']).next()?.trim();
    if target.is_empty() || target.contains("://") {
        return None;
    }
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        from_page.split('/').collect()
    };
    parts.pop();
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    Some(if joined.ends_with(".md") {
        joined
    } else {
        format!("{joined}.md")
    })
}

#[cfg(test)]
mod tests;
