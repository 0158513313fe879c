//! The Type column: `String`, `Edm.boolean `, `[identitySet](../resources/identityset.md)`,
//! `X collection`, `Collection(X)`, namespaced names … → a [`TypeRef`].

use crate::page::Text;

/// The namespace the profile pages were written with before they were published.
pub const LEGACY_PROFILE_NAMESPACE: &str = "microsoft.fast.pi.viewgenerator.v2.profile.models.";

/// A type as written in a table, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRef {
    /// `Edm.X` for primitives, else the name as written (possibly qualified).
    pub name: String,
    /// Collection of `name`.
    pub collection: bool,
    /// The link target, when the cell links to a page.
    pub link: Option<String>,
}

/// Reads a Type cell. Returns `None` for an empty cell.
pub fn parse_cell(cell: &Text) -> Option<TypeRef> {
    let text = cell.text.trim();
    if text.is_empty() {
        return None;
    }
    let collection = is_collection(text);
    if let Some(link) = cell.links.iter().find(|l| !l.text.trim().is_empty()) {
        return Some(TypeRef {
            name: normalise_name(&link.text),
            collection,
            link: Some(link.target.clone()),
        });
    }
    let bare = strip_collection(text);
    Some(TypeRef {
        name: normalise_name(bare),
        collection,
        link: None,
    })
}

fn is_collection(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.starts_with("collection(") || lower.contains(" collection") || lower.ends_with("[]")
}

fn strip_collection(text: &str) -> &str {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("collection(") {
        let inner = &t["collection(".len()..];
        return inner.trim_end().trim_end_matches(')').trim();
    }
    if let Some(i) = lower.find(" collection") {
        return t[..i].trim();
    }
    t.trim_end_matches("[]").trim()
}

/// Maps primitive spellings to `Edm.X`; other names are returned trimmed.
pub fn normalise_name(raw: &str) -> String {
    let name = raw.trim().trim_matches('`').trim_matches('*').trim();
    let lower = name.to_ascii_lowercase();
    let bare = lower.strip_prefix("edm.").unwrap_or(&lower);
    match primitive(bare) {
        Some(p) => p.to_string(),
        None => name.to_string(),
    }
}

fn primitive(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "string" => "Edm.String",
        "boolean" | "bool" => "Edm.Boolean",
        "int32" | "int" | "integer" => "Edm.Int32",
        "int64" | "long" => "Edm.Int64",
        "int16" => "Edm.Int16",
        "byte" => "Edm.Byte",
        "sbyte" => "Edm.SByte",
        "double" => "Edm.Double",
        "single" | "float" => "Edm.Single",
        "decimal" => "Edm.Decimal",
        "date" => "Edm.Date",
        "datetimeoffset" | "datetime" => "Edm.DateTimeOffset",
        "timeofday" => "Edm.TimeOfDay",
        "duration" | "timespan" => "Edm.Duration",
        "guid" | "uuid" => "Edm.Guid",
        "binary" => "Edm.Binary",
        "stream" => "Edm.Stream",
        "json" | "object" => "Edm.Untyped",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Link;

    fn cell(text: &str) -> Text {
        Text {
            text: text.to_string(),
            ..Text::default()
        }
    }

    #[test]
    fn primitives_are_normalised() {
        for (text, want) in [
            ("String", "Edm.String"),
            ("Edm.boolean ", "Edm.Boolean"),
            ("DateTimeOffset", "Edm.DateTimeOffset"),
            ("Date", "Edm.Date"),
        ] {
            assert_eq!(parse_cell(&cell(text)).unwrap().name, want, "{text}");
        }
    }

    #[test]
    fn collections_in_both_spellings() {
        let a = parse_cell(&cell("String collection")).unwrap();
        assert_eq!((a.name.as_str(), a.collection), ("Edm.String", true));
        let b = parse_cell(&cell("Collection(Edm.Guid)")).unwrap();
        assert_eq!((b.name.as_str(), b.collection), ("Edm.Guid", true));
    }

    #[test]
    fn linked_types_use_the_link_text() {
        let mut c = cell("relatedPerson collection");
        c.links.push(Link {
            text: "relatedPerson".into(),
            target: "../resources/relatedperson.md".into(),
        });
        let t = parse_cell(&c).unwrap();
        assert_eq!(t.name, "relatedPerson");
        assert!(t.collection);
        assert_eq!(t.link.as_deref(), Some("../resources/relatedperson.md"));
    }

    #[test]
    fn empty_cells_have_no_type() {
        assert!(parse_cell(&cell("  ")).is_none());
    }
}
