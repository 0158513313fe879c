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

/// How the words of a name are joined and cased.
#[derive(Clone, Copy)]
struct Style {
    /// Written between words (`_` for snake case).
    separator: Option<u8>,
    /// Whether the first word is capitalized (the rest of a word is lowered).
    first_capitalized: bool,
    /// Whether every later word is capitalized.
    others_capitalized: bool,
}

/// Writes the words of `s` in `style`, split as heck splits `s` after every character
/// outside `[A-Za-z0-9]` became a space: at those characters, between a lowercase letter
/// (or a digit after one) and an uppercase letter, and before the last capital of a
/// capital run followed by a lowercase letter (`HTTPRequest` → `HTTP`, `Request`).
///
/// One pass over the bytes, deciding per letter whether it starts a word: splitting into
/// word slices first (with a `char` predicate, handing each word to a closure) cost
/// thousands of instructions per title. Every byte of a non-ASCII character is outside
/// the set too, so it is a break like the character was.
fn cased(s: &str, style: Style) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() + 4);
    // Whether the next letter or digit starts a word, and heck's mode in the word.
    let mut new_word = true;
    let mut mode = Mode::Boundary;
    let mut next = bytes.first().map_or(Class::Other, |&b| class(b));
    for (i, &c) in bytes.iter().enumerate() {
        let this = next;
        next = bytes.get(i + 1).map_or(Class::Other, |&b| class(b));
        if this == Class::Other {
            new_word = true;
            mode = Mode::Boundary;
            continue;
        }
        let mut starts = std::mem::replace(&mut new_word, false);
        if next != Class::Other {
            let next_mode = match this {
                Class::Lower => Mode::Lower,
                Class::Upper => Mode::Upper,
                _ => mode,
            };
            if next_mode == Mode::Lower && next == Class::Upper {
                new_word = true;
                mode = Mode::Boundary;
            } else if mode == Mode::Upper && this == Class::Upper && next == Class::Lower {
                starts = true;
                mode = Mode::Boundary;
            } else {
                mode = next_mode;
            }
        }
        let cased = if starts {
            start_word(&mut out, c, style)
        } else {
            c.to_ascii_lowercase()
        };
        out.push(cased);
    }
    // Only ASCII letters, digits and the separator were written.
    String::from_utf8(out).unwrap_or_default()
}

/// What a byte is to the word splitting.
#[derive(Clone, Copy, PartialEq)]
enum Class {
    /// Outside `[A-Za-z0-9]`: a word break.
    Other,
    Digit,
    Lower,
    Upper,
}

/// The class of every byte, looked up rather than worked out with range tests.
static CLASSES: [Class; 256] = classes();

const fn classes() -> [Class; 256] {
    let mut table = [Class::Other; 256];
    let mut b = 0u8;
    loop {
        table[b as usize] = if b.is_ascii_digit() {
            Class::Digit
        } else if b.is_ascii_lowercase() {
            Class::Lower
        } else if b.is_ascii_uppercase() {
            Class::Upper
        } else {
            Class::Other
        };
        if b == u8::MAX {
            return table;
        }
        b += 1;
    }
}

fn class(b: u8) -> Class {
    // A `u8` always indexes a 256-entry table.
    CLASSES[usize::from(b)]
}

/// Writes what goes before a word that starts with `c`; gives `c` cased for `style`.
fn start_word(out: &mut Vec<u8>, c: u8, style: Style) -> u8 {
    let capitalized = if out.is_empty() {
        style.first_capitalized
    } else {
        if let Some(sep) = style.separator {
            out.push(sep);
        }
        style.others_capitalized
    };
    if capitalized {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    }
}

/// `publishedDate` → `published_date` (heck's `to_snake_case` of the ASCII words).
pub(super) fn snake_words(s: &str) -> String {
    let style = Style {
        separator: Some(b'_'),
        first_capitalized: false,
        others_capitalized: false,
    };
    cased(s, style)
}

/// `itemPublication` → `ItemPublication` (heck's `to_upper_camel_case` of the ASCII words).
pub(super) fn pascal_words(s: &str) -> String {
    let style = Style {
        separator: None,
        first_capitalized: true,
        others_capitalized: true,
    };
    cased(s, style)
}

/// `Create itemPublication` → `createItemPublication` (heck's `to_lower_camel_case` of the
/// ASCII words).
pub(super) fn lower_camel_words(s: &str) -> String {
    let style = Style {
        separator: None,
        first_capitalized: false,
        others_capitalized: true,
    };
    cased(s, style)
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

    /// The splitting as it was before the single pass (`split` on a `char` predicate,
    /// each word handed out as a slice), to compare the new one with.
    fn old_words(s: &str) -> Vec<String> {
        let mut words = Vec::new();
        for part in s.split(|c: char| !c.is_ascii_alphanumeric()) {
            let bytes = part.as_bytes();
            let mut start = 0;
            let mut mode = Mode::Boundary;
            for (i, &c) in bytes.iter().enumerate() {
                let Some(&next) = bytes.get(i + 1) else {
                    words.push(part[start..].to_string());
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
                    words.push(part[start..=i].to_string());
                    start = i + 1;
                    mode = Mode::Boundary;
                } else if mode == Mode::Upper && c.is_ascii_uppercase() && next.is_ascii_lowercase()
                {
                    words.push(part[start..i].to_string());
                    start = i;
                    mode = Mode::Boundary;
                } else {
                    mode = next_mode;
                }
            }
        }
        words
    }

    fn old_capitalized(w: &str) -> String {
        let mut chars = w.chars();
        let mut out = String::new();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
        out
    }

    fn assert_like_before(s: &str) {
        let words = old_words(s);
        let lowered: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let capitalized: Vec<String> = words.iter().map(|w| old_capitalized(w)).collect();
        assert_eq!(snake_words(s), lowered.join("_"), "snake of {s:?}");
        assert_eq!(pascal_words(s), capitalized.concat(), "pascal of {s:?}");
        let camel = match lowered.first() {
            Some(first) => format!("{first}{}", capitalized[1..].concat()),
            None => String::new(),
        };
        assert_eq!(lower_camel_words(s), camel, "lower camel of {s:?}");
    }

    #[test]
    fn bytes_are_classed_as_the_ascii_tests_class_them() {
        for b in 0..=u8::MAX {
            assert_eq!(class(b) == Class::Digit, b.is_ascii_digit());
            assert_eq!(class(b) == Class::Lower, b.is_ascii_lowercase());
            assert_eq!(class(b) == Class::Upper, b.is_ascii_uppercase());
            assert_eq!(class(b) == Class::Other, !b.is_ascii_alphanumeric());
        }
    }

    #[test]
    fn the_single_pass_cases_as_the_word_split_did() {
        for s in [
            "",
            " ",
            "GET HTTPs",
            "Create itemPublication",
            "List $ref",
            "Delete member ($ref)",
            "x86_64Target",
            "__a__B__",
            "é-café Über",
            "naïveBayes2Go",
            "a\u{a0}b\tc\r\nD",
            "Get b2cIdentityUserFlow (deprecated)",
            "IPv6Range",
            "ABC",
            "aBC",
            "A1b",
            "a1B",
            "1",
            "é",
            "日本語Text",
        ] {
            assert_like_before(s);
        }
        let alphabet = ['a', 'A', '1', '_', 'é', ' '];
        let mut strings = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..6 {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(last.iter().cloned());
        }
        for s in &strings {
            assert_like_before(s);
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
