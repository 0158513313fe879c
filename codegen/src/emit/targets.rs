//! An operation's target enum: one variant per documented path, `path()` building the
//! path with percent-encoded parameters, and `from_path()` finding the target back.

use super::docs;
use super::paths::{self, Encoding, Piece, Target};
use super::symbols::OpNames;
use super::syntax::{self, Arm, Expr, Pat};
use super::text::{DocStyle, RustWriter, string_literal};
use crate::ir::Operation;
use crate::naming::ident_text;

/// The target enum: one variant per distinct documented path.
pub(super) fn target_enum(w: &mut RustWriter, op: &Operation, names: &OpNames, targets: &[Target]) {
    w.docs(
        DocStyle::Outer,
        &[
            format!(
                "Which resource {} addresses: one variant per documented path.",
                docs::code(&op.name)
            ),
            "Non-exhaustive: new variants are added when the docs add paths.".to_string(),
        ],
    );
    w.line(&["#[derive(Debug, Clone, PartialEq, Eq, Hash)]"]);
    w.line(&["#[non_exhaustive]"]);
    let name = ident_text(&names.target);
    if targets.is_empty() {
        w.line(&["pub enum ", name, " {}"]);
        return;
    }
    w.open(&["pub enum ", name, " {"]);
    for target in targets {
        variant_def(w, target);
    }
    w.close(&["}"]);
}

fn variant_def(w: &mut RustWriter, target: &Target) {
    w.docs(DocStyle::Outer, &[docs::code(&target.template)]);
    let name = ident_text(&target.variant);
    if params(target).next().is_none() {
        w.line(&[name, ","]);
        return;
    }
    w.open(&[name, " {"]);
    for p in params(target) {
        let alternatives: Vec<String> = p.names.iter().map(|n| docs::code(n)).collect();
        let text = if alternatives.is_empty() {
            "The path parameter.".to_string()
        } else {
            format!("The path parameter: {}.", alternatives.join(" or "))
        };
        w.docs(DocStyle::Outer, &[text]);
        w.line(&[ident_text(&p.field), ": ::std::string::String,"]);
    }
    w.close(&["},"]);
}

/// `path()` and `from_path()`.
pub(super) fn target_impl(w: &mut RustWriter, names: &OpNames, targets: &[Target]) {
    w.open(&["impl ", ident_text(&names.target), " {"]);
    w.line(&["/// The path of this target below the service root, parameters percent-encoded."]);
    w.open(&["pub fn path(&self) -> ::std::string::String {"]);
    if targets.is_empty() {
        w.line(&["match self {}"]);
    } else {
        w.open(&["match self {"]);
        for target in targets {
            let variant = format!("Self::{}", ident_text(&target.variant));
            let (fields, parts) = (field_names(target), path_parts(target));
            let arm = path_arm(&variant, &fields, &parts);
            syntax::write(w, |p| syntax::arm(p, &arm));
        }
        w.close(&["}"]);
    }
    w.close(&["}"]);
    from_path(w, targets);
    w.close(&["}"]);
}

/// `from_path`: the inverse of `path()`, matching the templates in documented order.
fn from_path(w: &mut RustWriter, targets: &[Target]) {
    w.line(&["/// The target whose documented path matches `path`, a path below the service root"]);
    w.line(&["///", &from_path_summary(targets)]);
    for line in [
        "///",
        "/// The inverse of [`Self::path`]: literal text compares ASCII case-insensitively",
        "/// and parameters are percent-decoded; a query string is ignored and a trailing",
        "/// `/` tolerated (see [`crate::runtime::match_templates`]). `None` when no template",
        "/// matches or a parameter is not valid percent-encoded UTF-8. When several",
        "/// templates match, the first documented wins.",
    ] {
        w.line(&[line]);
    }
    w.open(&["pub fn from_path(path: &str) -> ::std::option::Option<Self> {"]);
    // TEMPLATES has one template per variant, in variant (documented) order, so the index
    // `match_templates` returns is the variant's and the first documented match wins.
    let templates: Vec<String> = targets
        .iter()
        .map(|t| string_literal(&template_text(t)))
        .collect();
    let list = Expr::Reference(Box::new(Expr::Array(
        templates.iter().map(|t| Expr::Word(t)).collect(),
    )));
    syntax::write(w, |p| {
        syntax::item_value(p, "const TEMPLATES: ", "&[&str]", &list)
    });
    from_path_body(w, targets);
    w.close(&["}"]);
}

/// After the match: the variant built from the index and the values. The last variant is
/// the `_` arm (the index is always in range), a single one needs no `match`, and
/// `values` is bound only when a variant reads it (else `unused_mut`, `unused_variables`).
fn from_path_body(w: &mut RustWriter, targets: &[Target]) {
    let values = if targets.iter().any(|t| params(t).next().is_some()) {
        "mut values"
    } else {
        "_"
    };
    const CALL: &str = " = crate::runtime::match_templates(path, TEMPLATES)?;";
    let fields: Vec<Vec<&str>> = targets.iter().map(field_names).collect();
    let variants: Vec<String> = targets
        .iter()
        .map(|t| format!("Self::{}", ident_text(&t.variant)))
        .collect();
    let value = |i: usize| {
        variant_from_values(
            variants.get(i).map_or("Self", String::as_str),
            fields.get(i).map_or(&[][..], Vec::as_slice),
        )
    };
    match targets {
        [] => {
            w.line(&["let _", CALL]);
            w.line(&["::std::option::Option::None"]);
        }
        [_] => {
            w.line(&["let (_, ", values, ")", CALL]);
            let some = Expr::Call("::std::option::Option::Some", vec![value(0)]);
            syntax::write(w, |p| syntax::tail(p, &some));
        }
        _ => {
            w.line(&["let (variant, ", values, ")", CALL]);
            let indices: Vec<String> = (0..targets.len()).map(|i| i.to_string()).collect();
            let last = targets.len() - 1;
            let arms = (0..targets.len())
                .map(|i| Arm {
                    pattern: Pat::Word(if i == last {
                        "_"
                    } else {
                        indices.get(i).map_or("_", String::as_str)
                    }),
                    body: value(i),
                })
                .collect();
            let some = Expr::Call(
                "::std::option::Option::Some",
                vec![Expr::Match("variant", arms)],
            );
            syntax::write(w, |p| syntax::tail(p, &some));
        }
    }
}

/// `Self::Variant { field: values.next_value(), .. }`: values come in template order,
/// which is the order of the variant's fields.
fn variant_from_values<'a>(variant: &'a str, fields: &[&'a str]) -> Expr<'a> {
    if fields.is_empty() {
        return Expr::Word(variant);
    }
    let next = || Expr::MethodCall(Box::new(Expr::Word("values")), "next_value", Vec::new());
    Expr::Struct(variant, fields.iter().map(|f| (*f, Some(next()))).collect())
}

/// The end of `from_path`'s first sentence, naming the first documented template.
fn from_path_summary(targets: &[Target]) -> String {
    let example = targets
        .first()
        .map(|t| t.template.split('?').next().unwrap_or_default().trim())
        .unwrap_or("/");
    let example = docs::code(&docs::clean(example));
    format!(" such as {example} with its parameters filled in.")
}

/// A template as `match_templates` reads it: the literal text, each parameter written
/// `{}`, `{'}` or `{/}` by its encoding (literal text never holds `{`: `uri_safe` escapes it).
fn template_text(target: &Target) -> String {
    target
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Literal(text) => text.as_str(),
            Piece::Param(p) => match p.encoding {
                Encoding::Segment => "{}",
                Encoding::Literal => "{'}",
                Encoding::Path => "{/}",
            },
        })
        .collect()
}

fn params(target: &Target) -> impl Iterator<Item = &paths::Param> {
    target.pieces.iter().filter_map(|p| match p {
        Piece::Param(p) => Some(p),
        Piece::Literal(_) => None,
    })
}

fn field_names(target: &Target) -> Vec<&str> {
    params(target).map(|p| ident_text(&p.field)).collect()
}

/// One piece of `path()`'s value: a string literal, or a field and its encoder.
enum Part<'a> {
    Literal(String),
    Param(&'a str, &'static str),
}

fn path_parts(target: &Target) -> Vec<Part<'_>> {
    target
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Literal(text) => Part::Literal(string_literal(text)),
            Piece::Param(p) => Part::Param(
                ident_text(&p.field),
                match p.encoding {
                    Encoding::Segment => "crate::runtime::encode_segment",
                    Encoding::Literal => "crate::runtime::encode_literal",
                    Encoding::Path => "crate::runtime::encode_path",
                },
            ),
        })
        .collect()
}

/// `Self::Variant { fields } => value` of `path()`.
fn path_arm<'a>(variant: &'a str, fields: &'a [&'a str], parts: &'a [Part<'a>]) -> Arm<'a> {
    let pattern = if fields.is_empty() {
        Pat::Word(variant)
    } else {
        Pat::Struct(variant, fields.to_vec())
    };
    let exprs: Vec<Expr<'a>> = parts
        .iter()
        .map(|part| match part {
            Part::Literal(text) => Expr::Word(text),
            Part::Param(field, encode) => Expr::MethodCall(
                Box::new(Expr::Call(encode, vec![Expr::Word(field)])),
                "as_str",
                Vec::new(),
            ),
        })
        .collect();
    let body = match parts {
        [] => Expr::Call("::std::string::String::new", Vec::new()),
        [Part::Literal(text)] if fields.is_empty() => {
            Expr::Call("::std::string::String::from", vec![Expr::Word(text)])
        }
        _ => Expr::MethodCall(Box::new(Expr::Array(exprs)), "concat", Vec::new()),
    };
    Arm { pattern, body }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `from_path` for `paths`, formatted.
    fn from_path_text(paths: &[&str]) -> String {
        let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
        let mut w = RustWriter::fragment();
        from_path(&mut w, &paths::targets(&paths));
        w.finish()
    }

    #[test]
    fn templates_mark_parameters_by_encoding() {
        let targets = paths::targets(&["/a b/{x}/}{y}/c{".to_string()]);
        let text: Vec<String> = targets.iter().map(template_text).collect();
        // Literal `{` and spaces are escaped, so a `{` always starts a marker.
        assert_eq!(text, ["/a%20b/{}/%7D{}/c%7B"]);
    }

    #[test]
    fn from_path_lists_templates_in_variant_order() {
        let text = from_path_text(&[
            "/me/x/{id}",
            "/drives/{d}/root:/{p}:/f(name='{n}')",
            "/me/x/{other}",
        ]);
        let at = |needle: &str| text.find(needle).unwrap_or(usize::MAX);
        assert!(
            text.contains(r#"&["/me/x/{}", "/drives/{}/root:/{/}:/f(name='{'}')"]"#),
            "{text}"
        );
        assert!(at("0 =>") < at("Self::MeX {"), "{text}");
        assert!(text.contains("id: values.next_value(),"), "{text}");
        // `/me/x/{other}` has the shape of `/me/x/{id}`: no third template or arm, and
        // the last variant is the catch-all.
        assert!(at("Self::MeX {") < at("_ =>"), "{text}");
        assert!(at("_ =>") < at("Self::DrivesRootF {"), "{text}");
        assert!(at("Self::DrivesRootF {") < usize::MAX, "{text}");
        assert_eq!(at("1 =>"), usize::MAX, "{text}");
    }

    #[test]
    fn from_path_without_parameters_binds_no_values() {
        let text = from_path_text(&["/me/flagged()", "/flagged"]);
        assert!(text.contains("let (variant, _) ="), "{text}");
        assert!(!text.contains("values"), "{text}");
        let single = from_path_text(&["/me/flagged()"]);
        assert!(single.contains("let (_, _) ="), "{single}");
        assert!(single.contains("Some(Self::"), "{single}");
        assert!(!single.contains("match variant"), "{single}");
        let none = from_path_text(&[]);
        assert!(none.contains("::std::option::Option::None"), "{none}");
    }
}
