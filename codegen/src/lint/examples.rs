//! Example completeness: response examples that omit documented properties, and
//! `@odata.type` values that name no documented type.

use serde_json::Value;

use super::Index;
use crate::diag::{Diagnostics, Location};
use crate::extract::type_text::LEGACY_PROFILE_NAMESPACE;
use crate::ir::{Api, Example, ExampleKind, Operation, Property};

/// How many missing property names a message lists before `…`.
const LISTED: usize = 8;

/// Runs the example rules over one operation.
pub(super) fn check(api: &Api, index: &Index<'_>, op: &Operation, diags: &mut Diagnostics) {
    let mut selects = false;
    for ex in &op.examples {
        match ex.kind {
            ExampleKind::Request => selects = ex.url.as_deref().is_some_and(uses_select),
            ExampleKind::Response if !ex.truncated && !selects => missing(api, ex, diags),
            ExampleKind::Response => {}
        }
        odata_types(index, ex, diags);
    }
}

fn uses_select(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.contains("$select") || lower.contains("?select=") || lower.contains("&select=")
}

/// `example-property-missing`: the first object of a response that is not marked truncated
/// must show every structural property of its type (navigation properties are returned
/// only when expanded, so they are not expected).
fn missing(api: &Api, ex: &Example, diags: &mut Diagnostics) {
    let (Some(body), Some(ty), Some(at)) = (&ex.body, &ex.body_type, &ex.body_source) else {
        return;
    };
    let object = if ex.body_collection {
        body.get("value")
            .and_then(Value::as_array)
            .and_then(|items| items.first())
            .and_then(Value::as_object)
    } else {
        body.as_object()
    };
    let Some(object) = object else { return };
    let absent: Vec<&str> = structural(api, ty)
        .into_iter()
        .map(|p| p.name.as_str())
        .filter(|name| !object.contains_key(*name))
        .collect();
    if absent.is_empty() {
        return;
    }
    let mut listed: Vec<String> = absent
        .iter()
        .take(LISTED)
        .map(|n| format!("`{n}`"))
        .collect();
    if absent.len() > LISTED {
        listed.push(format!("and {} more", absent.len() - LISTED));
    }
    diags
        .warning(
            "example-property-missing",
            at.clone(),
            format!(
                "response example omits {} documented propert{} of `{ty}` and is not marked truncated: {}",
                absent.len(),
                if absent.len() == 1 { "y" } else { "ies" },
                listed.join(", ")
            ),
        )
        .help = Some(
        "add the missing members (null is fine), or add `\"truncated\": true` to the example's annotation".to_string(),
    );
}

/// The structural (non-navigation) properties of a type and its bases.
fn structural<'a>(api: &'a Api, name: &str) -> Vec<&'a Property> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut next = Some(name);
    while let Some(n) = next {
        let Some(t) = api.type_def(n) else { break };
        if seen.contains(&t.name.as_str()) {
            break;
        }
        seen.push(&t.name);
        out.extend(t.properties.iter());
        next = t.base.as_deref();
    }
    out
}

/// `example-odata-type-unknown`: every `"@odata.type": "#x"` written in the body.
fn odata_types(index: &Index<'_>, ex: &Example, diags: &mut Diagnostics) {
    let Some(at) = &ex.body_source else { return };
    let Some(source) = index.source(&at.file) else {
        return;
    };
    let mut line = at.line;
    while line <= source.line_count() {
        let text = source.line_text(line);
        if text.trim_start().starts_with("```") {
            break;
        }
        if let Some((col, value)) = odata_type_value(text) {
            unknown_type(
                index,
                &Location {
                    file: at.file.clone(),
                    line,
                    col,
                },
                value,
                diags,
            );
        }
        line += 1;
    }
}

/// The 1-based column and the value of an `"...@odata.type": "value"` member on a line.
fn odata_type_value(text: &str) -> Option<(u32, &str)> {
    let key_end = text.find("@odata.type\"")? + "@odata.type\"".len();
    let rest = text
        .get(key_end..)?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let value = rest.strip_prefix('"')?;
    let value = &value[..value.find('"')?];
    let col = text.len() - rest.len();
    Some((text[..col].chars().count() as u32 + 1, value))
}

fn unknown_type(index: &Index<'_>, at: &Location, value: &str, diags: &mut Diagnostics) {
    let name = value.trim().trim_start_matches('#');
    let name = name
        .strip_prefix("Collection(")
        .and_then(|n| n.strip_suffix(')'))
        .unwrap_or(name);
    let lower = name.to_ascii_lowercase();
    if name.is_empty() || lower.starts_with("edm.") || lower.starts_with(LEGACY_PROFILE_NAMESPACE) {
        // Primitives are not documented types; the legacy namespace has its own rule.
        return;
    }
    let qualified = if name.contains('.') {
        name.to_string()
    } else {
        format!("microsoft.graph.{name}")
    };
    match index.canonical(&qualified) {
        Some(found) if found == qualified => {}
        Some(found) => {
            diags
                .warning(
                    "example-odata-type-unknown",
                    at.clone(),
                    format!("`@odata.type` \"{value}\" does not match the documented type `{found}` (type names are case-sensitive)"),
                )
                .help = Some(format!("write \"#{found}\""));
        }
        None => {
            diags
                .warning(
                    "example-odata-type-unknown",
                    at.clone(),
                    format!("`@odata.type` \"{value}\" names a type that no page defines"),
                )
                .help = Some(
                "write the qualified name of a documented type, or add the type's resource page"
                    .to_string(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odata_type_members_on_a_line() {
        assert_eq!(
            odata_type_value(r#"    "@odata.type": "microsoft.graph.x","#),
            Some((20, "microsoft.graph.x"))
        );
        assert_eq!(
            odata_type_value(r##"  "members@odata.type" : "#Collection(microsoft.graph.x)""##),
            Some((26, "#Collection(microsoft.graph.x)"))
        );
        assert_eq!(odata_type_value(r#"  "odata": "x""#), None);
    }

    #[test]
    fn select_queries_are_recognised() {
        assert!(uses_select("https://x/beta/me?$select=displayName"));
        assert!(!uses_select("https://x/beta/me/selection"));
    }
}
