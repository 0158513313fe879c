//! Rust names for documented things: casing, keyword escaping and collision handling.
//!
//! Every name the emitter prints comes from here, so the rules live in one place:
//!
//! - words are split with heck's rules (see `case`) after every character outside
//!   `[A-Za-z0-9]` becomes a word break (so `@odata.type` → `odata_type`, and non-ASCII
//!   letters never reach an identifier);
//! - a leading digit gets a letter in front: `2fa` → `n2fa` / `N2fa`;
//! - a keyword gets a trailing underscore: `type` → `type_`, `Self` → `Self_`;
//! - a name with no usable characters becomes the caller's fallback;
//! - [`UniqueNames`] makes names unique in one scope by appending `_2`, `_3`, … (snake)
//!   or `2`, `3`, … (Pascal), in the order names are requested.

use std::collections::{BTreeMap, BTreeSet};

mod case;

/// Strict and reserved Rust keywords (2024 edition), plus `_`.
const KEYWORDS: &[&str] = &[
    "_", "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `name` is a Rust keyword (or `_`), i.e. cannot be used as a plain identifier.
pub fn is_keyword(name: &str) -> bool {
    // No keyword is longer than `override`; most names are, and skip the scan.
    name.len() <= LONGEST_KEYWORD && KEYWORDS.contains(&name)
}

/// The length of the longest of [`KEYWORDS`].
const LONGEST_KEYWORD: usize = 8;

/// Whether `name` can be printed as a plain (non-raw) Rust identifier.
///
/// Only ASCII identifiers are accepted; the emitter never produces anything else.
pub fn is_valid_ident(name: &str) -> bool {
    // Bytes, not chars: any non-ASCII byte fails the test either way.
    let Some((&first, rest)) = name.as_bytes().split_first() else {
        return false;
    };
    (first.is_ascii_alphabetic() || first == b'_')
        && rest.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
        && !is_keyword(name)
}

/// Applies the digit and keyword rules to an already-cased name.
fn finish(cased: String, digit_prefix: char, fallback: &str) -> String {
    let name = if cased.is_empty() {
        fallback.to_string()
    } else if cased.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{digit_prefix}{cased}")
    } else {
        cased
    };
    if is_keyword(&name) {
        format!("{name}_")
    } else if is_valid_ident(&name) {
        name
    } else {
        // Only reachable with a malformed fallback; keep the result an identifier anyway.
        "unnamed".to_string()
    }
}

/// `publishedDate` → `published_date`; for fields, modules and parameters.
pub fn snake(name: &str, fallback: &str) -> String {
    if is_one_lowercase_word(name) {
        return finish(name.to_string(), 'n', fallback);
    }
    finish(case::snake_words(name), 'n', fallback)
}

/// `Create itemPublication` → `createItemPublication`, exactly as heck's
/// `to_lower_camel_case` (which keeps non-ASCII letters; only ASCII text takes the fast
/// path). For operation names from page titles.
pub fn lower_camel(text: &str) -> String {
    if text.is_ascii() {
        case::lower_camel_words(text)
    } else {
        heck::ToLowerCamelCase::to_lower_camel_case(text)
    }
}

/// `microsoft graph` → `MicrosoftGraph`, exactly as heck's `to_upper_camel_case` (which
/// keeps non-ASCII letters; only ASCII text takes the fast path).
pub fn upper_camel(text: &str) -> String {
    if text.is_ascii() {
        case::pascal_words(text)
    } else {
        heck::ToUpperCamelCase::to_upper_camel_case(text)
    }
}

/// `itemPublication` → `ItemPublication`; for types, enum members and variants.
pub fn pascal(name: &str, fallback: &str) -> String {
    if is_one_lowercase_word(name) {
        return finish(capitalized(name), 'N', fallback);
    }
    finish(case::pascal_words(name), 'N', fallback)
}

/// Lowercase ASCII letters and digits only (`users`, `id`, `2fa`): one word, which
/// snake-cases unchanged and pascal-cases by capitalizing its first character. Common in
/// paths and enum values, and cheaper still to case without splitting.
fn is_one_lowercase_word(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

fn capitalized(word: &str) -> String {
    let mut out = word.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The last dot-separated part of a qualified name: `microsoft.graph.itemPublication` →
/// `itemPublication`.
pub fn short_name(qualified: &str) -> &str {
    qualified.rsplit('.').next().unwrap_or(qualified)
}

/// The namespace of a qualified name, if it has one: `microsoft.graph.callRecords.session` →
/// `microsoft.graph.callRecords`.
pub fn namespace(qualified: &str) -> Option<&str> {
    qualified.rsplit_once('.').map(|(ns, _)| ns)
}

/// The module a namespace's items live in, below `models` / `enums`: `None` for the
/// default `microsoft.graph` namespace (and unqualified names), else the snake-cased rest:
/// `microsoft.graph.callRecords` → `call_records`, `other.ns` → `other_ns`.
pub fn namespace_module(qualified: &str) -> Option<String> {
    let ns = namespace(qualified)?;
    if ns == "microsoft.graph" {
        return None;
    }
    let rest = ns.strip_prefix("microsoft.graph.").unwrap_or(ns);
    Some(snake(rest, "namespace"))
}

/// Which casing a [`UniqueNames`] scope uses for its suffixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `name`, `name_2`, `name_3`.
    Snake,
    /// `Name`, `Name2`, `Name3`.
    Pascal,
}

/// Hands out names that are unique within one scope, deterministically.
///
/// The first request for a name gets it as is; later requests get a numeric suffix.
/// Names can be reserved up front so generated names (`additional`, `Other`) never clash
/// with documented ones.
#[derive(Debug, Clone)]
pub struct UniqueNames {
    case: Case,
    taken: BTreeSet<String>,
    /// The next suffix to try for a base, so that many equal names cost linear time.
    next: BTreeMap<String, u32>,
}

impl UniqueNames {
    /// An empty scope.
    pub fn new(case: Case) -> Self {
        UniqueNames {
            case,
            taken: BTreeSet::new(),
            next: BTreeMap::new(),
        }
    }

    /// A scope in which `reserved` are already taken.
    pub fn with_reserved(case: Case, reserved: &[&str]) -> Self {
        let mut names = UniqueNames::new(case);
        for r in reserved {
            names.taken.insert((*r).to_string());
        }
        names
    }

    /// Whether `name` is already taken in this scope.
    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// Claims `base` (already cased and valid), or the first free suffixed form of it.
    pub fn claim(&mut self, base: &str) -> String {
        let mut candidate = base.to_string();
        let mut n = self.next.get(base).copied().unwrap_or(2);
        while self.taken.contains(&candidate) {
            candidate = match self.case {
                Case::Snake => format!("{}_{n}", base.trim_end_matches('_')),
                Case::Pascal => format!("{}{n}", base.trim_end_matches('_')),
            };
            n = n.saturating_add(1);
        }
        if candidate != base {
            self.next.insert(base.to_string(), n);
        }
        self.taken.insert(candidate.clone());
        candidate
    }

    /// Cases `raw` for this scope (with `fallback` for unusable input) and claims it.
    pub fn name(&mut self, raw: &str, fallback: &str) -> String {
        let base = match self.case {
            Case::Snake => snake(raw, fallback),
            Case::Pascal => pascal(raw, fallback),
        };
        self.claim(&base)
    }
}

/// A name produced by this module as an identifier: `name` when it is a valid identifier,
/// else `unnamed` (names from [`snake`], [`pascal`] and [`UniqueNames`] always are), so
/// no generated name can break the generated code.
pub fn ident_text(name: &str) -> &str {
    if is_valid_ident(name) {
        name
    } else {
        "unnamed"
    }
}

#[cfg(test)]
mod tests {
    use heck::{ToSnakeCase, ToUpperCamelCase};

    use super::*;

    #[test]
    fn no_keyword_is_longer_than_the_shortcut() {
        assert_eq!(
            KEYWORDS.iter().map(|k| k.len()).max(),
            Some(LONGEST_KEYWORD)
        );
    }

    #[test]
    fn lowercase_words_are_cased_like_heck() {
        for word in [
            "a",
            "id",
            "users",
            "2fa",
            "x86",
            "0",
            "self",
            "type",
            "abc123def",
        ] {
            assert!(is_one_lowercase_word(word), "{word}");
            assert_eq!(snake(word, "f"), finish(word.to_snake_case(), 'n', "f"));
            assert_eq!(
                pascal(word, "F"),
                finish(word.to_upper_camel_case(), 'N', "F")
            );
        }
        for word in ["", "Id", "a_b", "a-b", "é", "aB"] {
            assert!(!is_one_lowercase_word(word), "{word}");
        }
    }

    #[test]
    fn casing_follows_heck() {
        assert_eq!(snake("publishedDate", "x"), "published_date");
        assert_eq!(pascal("itemPublication", "X"), "ItemPublication");
        assert_eq!(pascal("groupMembers", "X"), "GroupMembers");
        assert_eq!(snake("@odata.type", "x"), "odata_type");
        assert_eq!(snake("user-id", "x"), "user_id");
        assert_eq!(pascal("HTTPRequest", "X"), "HttpRequest");
    }

    #[test]
    fn keywords_get_an_underscore() {
        for (raw, want) in [("type", "type_"), ("self", "self_"), ("crate", "crate_")] {
            assert_eq!(snake(raw, "x"), want);
        }
        assert_eq!(pascal("self", "X"), "Self_");
        assert_eq!(snake("async", "x"), "async_");
        assert_eq!(snake("gen", "x"), "gen_");
        assert!(is_valid_ident("type_"));
        assert!(!is_valid_ident("type"));
    }

    #[test]
    fn leading_digits_get_a_letter() {
        assert_eq!(snake("2fa", "x"), "n2fa");
        assert_eq!(pascal("2fa", "X"), "N2fa");
        assert_eq!(pascal("3d", "X"), "N3d");
    }

    #[test]
    fn unusable_names_fall_back() {
        assert_eq!(snake("", "field"), "field");
        assert_eq!(snake("@@", "field"), "field");
        assert_eq!(pascal("é", "Value"), "Value");
        assert_eq!(snake("", "type"), "type_");
        assert_eq!(snake("", "1 bad"), "unnamed");
    }

    #[test]
    fn collisions_are_numbered_in_request_order() {
        let mut names = UniqueNames::with_reserved(Case::Snake, &["additional"]);
        assert_eq!(names.name("displayName", "f"), "display_name");
        assert_eq!(names.name("DisplayName", "f"), "display_name_2");
        assert_eq!(names.name("display_name", "f"), "display_name_3");
        assert_eq!(names.name("additional", "f"), "additional_2");
        assert_eq!(names.name("type", "f"), "type_");
        assert_eq!(names.name("type", "f"), "type_2");
        let mut variants = UniqueNames::with_reserved(Case::Pascal, &["Other"]);
        assert_eq!(variants.name("none", "V"), "None");
        assert_eq!(variants.name("None", "V"), "None2");
        assert_eq!(variants.name("other", "V"), "Other2");
    }

    #[test]
    fn namespaces_map_to_modules() {
        assert_eq!(short_name("microsoft.graph.callRecords.session"), "session");
        assert_eq!(namespace_module("microsoft.graph.session"), None);
        assert_eq!(
            namespace_module("microsoft.graph.callRecords.session").as_deref(),
            Some("call_records")
        );
        assert_eq!(
            namespace_module("other.ns.thing").as_deref(),
            Some("other_ns")
        );
        assert_eq!(namespace_module("plain"), None);
    }

    #[test]
    fn ident_never_panics() {
        assert_eq!(ident_text("type"), "unnamed");
        assert_eq!(ident_text(""), "unnamed");
        assert_eq!(ident_text("ok_name"), "ok_name");
    }
}
