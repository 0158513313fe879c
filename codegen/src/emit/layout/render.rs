//! Token streams printed as generated files, for the layouts that rewrite the crate's
//! parsed files (the emitter itself writes text directly).

use proc_macro2::TokenStream;

use super::super::{HEADER, OutputFile};
use crate::diag::Diagnostics;

/// Formats a token stream as a file with the header; a stream that does not parse (a bug)
/// becomes an `emit-internal` error and a file saying so.
pub fn render(path: String, tokens: TokenStream, diags: &mut Diagnostics) -> OutputFile {
    let contents = match syn::parse2::<syn::File>(tokens) {
        Ok(file) => format!("{HEADER}\n\n{}", spaced(&prettyplease::unparse(&file))),
        Err(e) => {
            let at = crate::diag::Location::file(&path);
            diags.error(
                "emit-internal",
                at,
                format!("generated code for `{path}` does not parse: {e}"),
            );
            format!(
                "{HEADER}\n\ncompile_error!(\"codegen produced invalid code for this file\");\n"
            )
        }
    };
    OutputFile { path, contents }
}

/// What the token path would print for `body` (a generated file without its header):
/// prettyplease's output with the emitter's blank lines; `None` when `body` does not parse.
/// The emitter writes text directly, and tests use this to check that the text is exactly
/// what prettyplease prints.
#[doc(hidden)]
pub fn reformat(body: &str) -> Option<String> {
    syn::parse_file(body)
        .ok()
        .map(|file| spaced(&prettyplease::unparse(&file)))
}

/// Blank lines between top-level items (prettyplease leaves none): after a closing `}`,
/// after the inner docs, and before an item's outer docs. Only unindented lines count, and
/// generated string literals never span lines, so this never changes a literal.
pub fn spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    let mut previous = "";
    for line in text.lines() {
        let starts_docs = line.starts_with("///") && !previous.starts_with("///");
        let after_item =
            previous == "}" || (previous.starts_with("//!") && !line.starts_with("//!"));
        let attached = previous.starts_with('#') || previous.is_empty();
        if !line.is_empty() && (after_item || (starts_docs && !attached)) {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = line;
    }
    out
}
