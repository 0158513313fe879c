//! heck's `to_lower_camel_case` for ASCII text, written straight into one `String`.
//!
//! heck formats every character through `fmt` and allocates per word; operation names
//! are computed for every API page, where that was a tenth of extraction. The word
//! boundaries are heck's, so names do not change; text with non-ASCII characters (whose
//! case rules are Unicode's) is still handed to heck.

use heck::ToLowerCamelCase;

/// `Create itemPublication` → `createItemPublication`, exactly as heck spells it.
pub(crate) fn lower_camel(text: &str) -> String {
    if !text.is_ascii() {
        return text.to_lower_camel_case();
    }
    let mut out = Vec::with_capacity(text.len());
    for word in text.as_bytes().split(|b| !b.is_ascii_alphanumeric()) {
        for_each_part(word, |part| push_part(&mut out, part));
    }
    // Only ASCII letters and digits were copied.
    String::from_utf8(out).unwrap_or_default()
}

/// Case of the cased characters seen so far in a part (heck's `WordMode`).
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Boundary,
    Lower,
    Upper,
}

/// Splits an alphanumeric word where heck does: before an upper-case letter that follows
/// a lower-case one (`itemPublication`), and before the last capital of a run that
/// starts a lower-case part (`XMLHttp` → `XML`, `Http`).
fn for_each_part(word: &[u8], mut f: impl FnMut(&[u8])) {
    let mut init = 0;
    let mut mode = Mode::Boundary;
    for (i, &c) in word.iter().enumerate() {
        let Some(&next) = word.get(i + 1) else {
            f(&word[init..]);
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
            f(&word[init..=i]);
            init = i + 1;
            mode = Mode::Boundary;
        } else if mode == Mode::Upper && c.is_ascii_uppercase() && next.is_ascii_lowercase() {
            f(&word[init..i]);
            init = i;
            mode = Mode::Boundary;
        } else {
            mode = next_mode;
        }
    }
}

/// The first part lower-case, every later one capitalised.
fn push_part(out: &mut Vec<u8>, part: &[u8]) {
    let Some((&head, tail)) = part.split_first() else {
        return;
    };
    out.push(if out.is_empty() {
        head.to_ascii_lowercase()
    } else {
        head.to_ascii_uppercase()
    });
    out.extend(tail.iter().map(u8::to_ascii_lowercase));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_heck_on_titles() {
        for t in [
            "",
            " ",
            "Create itemPublication",
            "List HTTPRequests",
            "XMLHttpRequest",
            "Get b2xIdentityUserFlow",
            "Update 2FA settings (beta)",
            "delete-me_now",
            "ABC",
            "aB",
            "Ab",
            "a1B2c3",
            "OAuth2PermissionGrant: delta",
            "List oauth2PermissionGrants",
            "Get MFA methods for a user 123",
            "profile-post.md",
            "Créer un élément",
        ] {
            assert_eq!(lower_camel(t), t.to_lower_camel_case(), "{t:?}");
        }
    }

    #[test]
    fn agrees_with_heck_on_generated_text() {
        // Every string of up to five characters over letters of both cases, digits and
        // separators: covers each transition of the word-splitting rules.
        let alphabet = ['a', 'B', 'c', 'D', '1', ' ', '-', '.'];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            for t in &longer {
                assert_eq!(lower_camel(t), t.to_lower_camel_case(), "{t:?}");
            }
            texts = longer;
        }
    }
}
