//! Word splitting and casing with heck's rules, without its formatting machinery.
//!
//! heck writes every character through `fmt::Display` (`char::to_lowercase` per character),
//! which made casing a tenth of generation's instructions. Names here only ever keep ASCII
//! letters and digits, so the same rules are applied to bytes. The tests compare every
//! output with heck's.

/// What the last cased character of the current word was (heck's `WordMode`).
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Boundary,
    Lower,
    Upper,
}

/// Calls `word` with each word of `s`, split as heck splits `s` after every character
/// outside `[A-Za-z0-9]` became a space: at those characters, between a lowercase letter
/// (or a digit after one) and an uppercase letter, and before the last capital of a
/// capital run followed by a lowercase letter (`HTTPRequest` → `HTTP`, `Request`).
pub(super) fn for_each_word(s: &str, mut word: impl FnMut(&str)) {
    for part in s.split(|c: char| !c.is_ascii_alphanumeric()) {
        let bytes = part.as_bytes();
        let mut start = 0;
        let mut mode = Mode::Boundary;
        for (i, &c) in bytes.iter().enumerate() {
            let Some(&next) = bytes.get(i + 1) else {
                word(&part[start..]);
                break;
            };
            let next_mode = if c.is_ascii_lowercase() {
                Mode::Lower
            } else if c.is_ascii_uppercase() {
                Mode::Upper
            } else {
                mode
            };
            if next_mode == Mode::Lower && next.is_ascii_uppercase() {
                word(&part[start..=i]);
                start = i + 1;
                mode = Mode::Boundary;
            } else if mode == Mode::Upper && c.is_ascii_uppercase() && next.is_ascii_lowercase() {
                word(&part[start..i]);
                start = i;
                mode = Mode::Boundary;
            } else {
                mode = next_mode;
            }
        }
    }
}

/// `publishedDate` → `published_date` (heck's `to_snake_case` of the ASCII words).
pub(super) fn snake_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for_each_word(s, |w| {
        if !out.is_empty() {
            out.push('_');
        }
        out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
    });
    out
}

/// `itemPublication` → `ItemPublication` (heck's `to_upper_camel_case` of the ASCII words).
pub(super) fn pascal_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_word(s, |w| push_capitalized(&mut out, w));
    out
}

/// `Create itemPublication` → `createItemPublication` (heck's `to_lower_camel_case` of the
/// ASCII words).
pub(super) fn lower_camel_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_word(s, |w| {
        if out.is_empty() {
            out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            push_capitalized(&mut out, w);
        }
    });
    out
}

fn push_capitalized(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.push(first.to_ascii_uppercase());
        out.extend(chars.map(|c| c.to_ascii_lowercase()));
    }
}

#[cfg(test)]
mod tests {
    use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

    use super::*;

    /// What heck sees in `naming`: everything outside `[A-Za-z0-9]` as a space.
    fn heck_input(s: &str) -> String {
        s.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
            .collect()
    }

    fn assert_like_heck(s: &str) {
        let h = heck_input(s);
        assert_eq!(snake_words(s), h.to_snake_case(), "snake of {s:?}");
        assert_eq!(pascal_words(s), h.to_upper_camel_case(), "pascal of {s:?}");
        assert_eq!(
            lower_camel_words(s),
            h.to_lower_camel_case(),
            "lower camel of {s:?}"
        );
    }

    #[test]
    fn every_short_string_is_cased_like_heck() {
        // Every string of up to 6 characters over lower, upper, digit and separator
        // classes: each transition heck distinguishes occurs.
        let alphabet = ['a', 'b', 'A', 'B', '1', ' ', '.'];
        let mut strings = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = strings
                .iter()
                .filter(|s| s.len() == strings.last().map_or(0, String::len))
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        assert!(strings.len() > 100_000);
        for s in &strings {
            assert_like_heck(s);
        }
    }

    #[test]
    fn real_names_are_cased_like_heck() {
        for s in [
            "HTTPRequest",
            "@odata.type",
            "microsoft.graph.callRecords",
            "Create itemPublication",
            "Get b2cIdentityUserFlow",
            "x86_64Target",
            "IPv6Range",
            "userPrincipalName",
            "List directReports (deprecated)",
            "é-café Über",
            "ABC",
            "aBC",
            "A1b",
            "a1B",
        ] {
            assert_like_heck(s);
        }
    }
}
