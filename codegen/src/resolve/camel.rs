//! lowerCamelCase exactly as `heck` 0.5 spells it, written straight into a `String`.
//!
//! `heck` formats every character through `fmt` (`write!(f, "{}", c.to_lowercase())`),
//! which made naming the operations the most expensive part of resolving them. The word
//! splitting below is `heck::transform` step for step; the tests compare the two.

/// `Update itememail` → `updateItememail`, as `heck::ToLowerCamelCase` does.
pub(super) fn lower_camel(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut first = true;
    for_each_word(s, |word| {
        if first {
            first = false;
            push_lowercase(&mut out, word);
        } else {
            push_capitalized(&mut out, word);
        }
    });
    out
}

/// Calls `with_word` for every word of `s`, where `heck` sees them: runs of alphanumeric
/// characters, split again before an upper-case letter that follows a lower-case one and
/// before the last capital of a run of capitals followed by a lower-case letter.
fn for_each_word(s: &str, mut with_word: impl FnMut(&str)) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Boundary,
        Lowercase,
        Uppercase,
    }
    for word in s.split(|c: char| !c.is_alphanumeric()) {
        let mut chars = word.char_indices().peekable();
        let mut init = 0;
        let mut mode = Mode::Boundary;
        while let Some((i, c)) = chars.next() {
            let Some(&(next_i, next)) = chars.peek() else {
                with_word(&word[init..]);
                break;
            };
            let next_mode = if c.is_lowercase() {
                Mode::Lowercase
            } else if c.is_uppercase() {
                Mode::Uppercase
            } else {
                mode
            };
            if next_mode == Mode::Lowercase && next.is_uppercase() {
                with_word(&word[init..next_i]);
                init = next_i;
                mode = Mode::Boundary;
            } else if mode == Mode::Uppercase && c.is_uppercase() && next.is_lowercase() {
                with_word(&word[init..i]);
                init = i;
                mode = Mode::Boundary;
            } else {
                mode = next_mode;
            }
        }
    }
}

/// Lower-cases `word` onto `out`; a final `Σ` becomes `ς`, as in `heck`.
fn push_lowercase(out: &mut String, word: &str) {
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'Σ' && chars.peek().is_none() {
            out.push('ς');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Upper-cases the first character of `word` and lower-cases the rest onto `out`.
fn push_capitalized(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        push_lowercase(out, chars.as_str());
    }
}

#[cfg(test)]
mod tests {
    use heck::ToLowerCamelCase;

    use super::lower_camel;

    #[test]
    fn spells_as_heck_does() {
        let cases = [
            "",
            " ",
            "Update itememail",
            "Create itemPublication",
            "List   directReports (deprecated)",
            "Get delta for OAuth2PermissionGrant",
            "CamelCase",
            "MixedUP CamelCase, with some Spaces",
            "XMLHttpRequest",
            "ABC",
            "aBC",
            "a1B2c3",
            "123 go",
            "1A",
            "Get b2cIdentityUserFlow",
            "user: getMemberGroups",
            "Δ ΣΑΣ ΟΔΟΣ",
            "straße ǅemal ﬁle",
            "İstanbul Ⅻ",
            "über_Über-ÜBER",
            "__x__Y__",
        ];
        for s in cases {
            assert_eq!(lower_camel(s), s.to_lower_camel_case(), "{s:?}");
        }
    }
}
