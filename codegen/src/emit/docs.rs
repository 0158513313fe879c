//! Doc comments from docs text.

use proc_macro2::TokenStream;
use quote::quote;

/// One paragraph from free text: whitespace (newlines, tabs) collapsed to single spaces.
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cleaned text, or `fallback` when the text is empty.
pub fn or(text: &str, fallback: impl FnOnce() -> String) -> String {
    let cleaned = clean(text);
    if cleaned.is_empty() {
        fallback()
    } else {
        cleaned
    }
}

/// `///` lines: one per paragraph, blank lines between; empty paragraphs are dropped.
pub fn outer(paragraphs: &[String]) -> TokenStream {
    let lines = lines(paragraphs);
    quote!(#(#[doc = #lines])*)
}

/// `//!` lines, like [`outer`].
pub fn inner(paragraphs: &[String]) -> TokenStream {
    let lines = lines(paragraphs);
    quote!(#(#![doc = #lines])*)
}

fn lines(paragraphs: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for p in paragraphs
        .iter()
        .map(|p| clean(p))
        .filter(|p| !p.is_empty())
    {
        if !out.is_empty() {
            out.push(String::new());
        }
        out.push(format!(" {p}"));
    }
    if out.is_empty() {
        out.push(" Generated from the Microsoft Graph documentation.".to_string());
    }
    out
}

/// Text as inline code: `` `text` ``, with backticks in the text made harmless.
pub fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_are_single_line_paragraphs() {
        let tokens = outer(&["a\n\tb".to_string(), String::new(), "c".to_string()]);
        let file: syn::File =
            syn::parse2(quote!(#tokens struct X;)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            prettyplease::unparse(&file),
            "/// a b\n///\n/// c\nstruct X;\n"
        );
        assert_eq!(lines(&[]).len(), 1);
        assert_eq!(code("a`b"), "`a'b`");
    }
}
