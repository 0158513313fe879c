//! The crate's `src/` files as a tree of parsed modules, without test-only modules, and
//! the two ways of turning it into a module of another crate: each file on its own (a
//! module tree) or all of them inlined into one file.

use std::collections::BTreeMap;

use syn::{AttrStyle, Attribute, Item, Meta};

use crate::diag::{Diagnostics, Location};

/// One parsed module file: its path relative to the crate root and its syntax.
pub struct ModuleFile {
    /// `src/models/mod.rs`.
    pub path: String,
    /// The parsed file, `#[cfg(test)] mod …;` declarations removed.
    pub file: syn::File,
}

/// Parses `src/lib.rs` and every module file it declares (depth first, in declaration
/// order), dropping `#[cfg(test)]` modules. A declared module without a file, or a file
/// that does not parse, is an `emit-internal` error (a bug in the emitter).
pub fn parse_tree(sources: &BTreeMap<String, String>, diags: &mut Diagnostics) -> Vec<ModuleFile> {
    let mut out = Vec::new();
    let mut pending = vec![("src/lib.rs".to_string(), "src/".to_string())];
    while let Some((path, dir)) = pending.pop() {
        let Some(mut file) = parse(sources, &path, diags) else {
            continue;
        };
        file.items.retain(|item| !is_test_module(item));
        let mut children = Vec::new();
        for item in &file.items {
            if let Item::Mod(m) = item
                && m.content.is_none()
            {
                let name = m.ident.to_string().trim_start_matches("r#").to_string();
                children.push(child_path(sources, &dir, &name));
            }
        }
        pending.extend(children.into_iter().rev());
        out.push(ModuleFile { path, file });
    }
    out
}

fn parse(
    sources: &BTreeMap<String, String>,
    path: &str,
    diags: &mut Diagnostics,
) -> Option<syn::File> {
    let Some(text) = sources.get(path) else {
        diags.error(
            "emit-internal",
            Location::file(path),
            "a declared module has no file",
        );
        return None;
    };
    match syn::parse_file(text) {
        Ok(file) => Some(file),
        Err(e) => {
            let message = format!("generated file does not parse: {e}");
            diags.error("emit-internal", Location::file(path), message);
            None
        }
    }
}

/// The file of module `name` declared in a module whose children live in `dir`, and the
/// folder of its own children.
fn child_path(sources: &BTreeMap<String, String>, dir: &str, name: &str) -> (String, String) {
    let flat = format!("{dir}{name}.rs");
    let nested = format!("{dir}{name}/mod.rs");
    let path = if sources.contains_key(&flat) {
        flat
    } else {
        nested
    };
    (path, format!("{dir}{name}/"))
}

fn is_test_module(item: &Item) -> bool {
    let Item::Mod(m) = item else { return false };
    m.attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && matches!(&a.meta, Meta::List(list) if list.tokens.to_string() == "test")
    })
}

/// Inlines the whole tree into its root file: every `mod x;` becomes `mod x { … }`, the
/// child file's inner attributes (docs included) kept inside the braces, where intra-doc
/// links resolve as they did in the file.
pub fn inline(files: Vec<ModuleFile>) -> Option<syn::File> {
    let mut by_path: BTreeMap<String, syn::File> =
        files.into_iter().map(|f| (f.path, f.file)).collect();
    let mut root = by_path.remove("src/lib.rs")?;
    inline_items(&mut root.items, "src/", &mut by_path);
    Some(root)
}

fn inline_items(items: &mut [Item], dir: &str, files: &mut BTreeMap<String, syn::File>) {
    for item in items.iter_mut() {
        let Item::Mod(m) = item else { continue };
        if m.content.is_some() {
            continue;
        }
        let name = m.ident.to_string().trim_start_matches("r#").to_string();
        let child_dir = format!("{dir}{name}/");
        let child = files
            .remove(&format!("{dir}{name}.rs"))
            .or_else(|| files.remove(&format!("{dir}{name}/mod.rs")));
        let Some(mut child) = child else { continue };
        inline_items(&mut child.items, &child_dir, files);
        m.attrs.append(&mut child.attrs);
        m.content = Some((syn::token::Brace::default(), child.items));
        m.semi = None;
    }
}

fn is_doc(attr: &Attribute) -> bool {
    attr.path().is_ident("doc")
}

/// Makes a root file includable (`include!` rejects inner attributes): its inner docs are
/// dropped and its other inner attributes (`#![allow(…)]`) are put on every item instead.
pub fn outer_root(file: &mut syn::File) {
    let shared: Vec<Attribute> = std::mem::take(&mut file.attrs)
        .into_iter()
        .filter(|a| !is_doc(a))
        .map(|mut a| {
            a.style = AttrStyle::Outer;
            a
        })
        .collect();
    for item in &mut file.items {
        if let Some(attrs) = item_attrs(item) {
            let mut all = shared.clone();
            all.append(attrs);
            *attrs = all;
        }
    }
}

fn item_attrs(item: &mut Item) -> Option<&mut Vec<Attribute>> {
    Some(match item {
        Item::Const(i) => &mut i.attrs,
        Item::Enum(i) => &mut i.attrs,
        Item::Fn(i) => &mut i.attrs,
        Item::Impl(i) => &mut i.attrs,
        Item::Mod(i) => &mut i.attrs,
        Item::Static(i) => &mut i.attrs,
        Item::Struct(i) => &mut i.attrs,
        Item::Trait(i) => &mut i.attrs,
        Item::Type(i) => &mut i.attrs,
        Item::Use(i) => &mut i.attrs,
        _ => return None,
    })
}
