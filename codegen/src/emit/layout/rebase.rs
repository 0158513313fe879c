//! Rewrites `crate::` paths to another root (`crate::graph::`), for generated code that
//! is not a crate of its own but a module inside the user's crate.
//!
//! Works on tokens, so only real paths change: a `crate` identifier followed by `::`, the
//! path strings of serde attributes (`skip_serializing_if = "crate::runtime::…"`), and
//! code spans in doc attributes (`` [`crate::models::X`] ``). String literals outside
//! attributes (wire names, paths) are never touched.

use proc_macro2::{Delimiter, Group, Literal, TokenStream, TokenTree};

/// serde attribute keys whose string value is a Rust path.
const PATH_KEYS: &[&str] = &[
    "skip_serializing_if",
    "serialize_with",
    "deserialize_with",
    "with",
    "default",
];

/// `tokens` with every `crate::` path starting at `root` instead (`root` is the token form
/// of a path such as `crate::graph`).
pub fn rebase(tokens: TokenStream, root: &TokenStream, root_text: &str) -> TokenStream {
    rewrite(tokens, root, root_text, false)
}

fn rewrite(tokens: TokenStream, root: &TokenStream, text: &str, in_attr: bool) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(id) if id == "crate" && is_path_sep(trees.get(i + 1)) => {
                out.extend(root.clone());
            }
            TokenTree::Group(g) => {
                let attr = in_attr || (g.delimiter() == Delimiter::Bracket && after_pound(&out));
                let inner = rewrite(g.stream(), root, text, attr);
                let mut group = Group::new(g.delimiter(), inner);
                group.set_span(g.span());
                out.push(TokenTree::Group(group));
            }
            TokenTree::Literal(lit) if in_attr => {
                let key = attribute_key(&out);
                out.push(TokenTree::Literal(rewrite_literal(
                    lit,
                    key.as_deref(),
                    text,
                )));
            }
            other => out.push(other.clone()),
        }
    }
    out.into_iter().collect()
}

fn is_path_sep(next: Option<&TokenTree>) -> bool {
    matches!(next, Some(TokenTree::Punct(p)) if p.as_char() == ':')
}

/// Whether the tokens so far end in `#` or `#!` (so a bracket group is an attribute).
fn after_pound(out: &[TokenTree]) -> bool {
    let last = |n: usize| out.len().checked_sub(n).and_then(|i| out.get(i));
    match (last(2), last(1)) {
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if b.as_char() == '!' => {
            a.as_char() == '#'
        }
        (_, Some(TokenTree::Punct(p))) => p.as_char() == '#',
        _ => false,
    }
}

/// The `key` of `key = "literal"` when the tokens so far end in `key =`.
fn attribute_key(out: &[TokenTree]) -> Option<String> {
    let n = out.len();
    match (out.get(n.checked_sub(2)?), out.get(n.checked_sub(1)?)) {
        (Some(TokenTree::Ident(key)), Some(TokenTree::Punct(eq))) if eq.as_char() == '=' => {
            Some(key.to_string())
        }
        _ => None,
    }
}

fn rewrite_literal(lit: &Literal, key: Option<&str>, root: &str) -> Literal {
    let Ok(parsed) = syn::parse2::<syn::LitStr>(TokenTree::Literal(lit.clone()).into()) else {
        return lit.clone();
    };
    let value = parsed.value();
    let new = match key {
        Some("doc") => value.replace("`crate::", &format!("`{root}::")),
        Some(k) if PATH_KEYS.contains(&k) => match value.strip_prefix("crate::") {
            Some(rest) => format!("{root}::{rest}"),
            None => return lit.clone(),
        },
        _ => return lit.clone(),
    };
    if new == value {
        return lit.clone();
    }
    let mut out = Literal::string(&new);
    out.set_span(lit.span());
    out
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn rebased(tokens: TokenStream) -> String {
        let root = quote!(crate::api::graph);
        rebase(tokens, &root, "crate::api::graph").to_string()
    }

    #[test]
    fn paths_attributes_and_doc_links_move_but_values_do_not() {
        let out = rebased(quote! {
            #[doc = " See [`crate::models::X`]; `crate` alone stays."]
            #[serde(rename = "crate::odd", default, skip_serializing_if = "crate::runtime::Field::is_absent")]
            pub(crate) x: crate::runtime::Field<crate::models::X>,
            const WIRE: &str = "crate::models::X";
        });
        assert!(
            out.contains("[`crate::api::graph::models::X`]; `crate` alone"),
            "{out}"
        );
        assert!(out.contains("rename = \"crate::odd\""), "{out}");
        assert!(
            out.contains("\"crate::api::graph::runtime::Field::is_absent\""),
            "{out}"
        );
        assert!(out.contains("pub (crate) x"), "{out}");
        assert!(
            out.contains(
                "crate :: api :: graph :: runtime :: Field < crate :: api :: graph :: models :: X >"
            ),
            "{out}"
        );
        assert!(out.contains("WIRE : & str = \"crate::models::X\""), "{out}");
    }

    #[test]
    fn inner_attributes_count_as_attributes() {
        let out = rebased(quote!(#![doc = " [`crate::BASE_URL`]"] fn f() {}));
        assert!(out.contains("[`crate::api::graph::BASE_URL`]"), "{out}");
    }
}
