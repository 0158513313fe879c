//! Doc comments from docs text.

use std::borrow::Cow;

/// One paragraph from free text: whitespace (newlines, tabs) collapsed to single spaces,
/// and characters that may not or should not appear in a doc comment dropped: control
/// characters (a bare CR is an error in a doc comment), the byte order mark, and the
/// invisible text-direction controls that rustc rejects (`text_direction_codepoint_in_comment`).
pub fn clean(text: &str) -> String {
    cleaned(text).into_owned()
}

/// [`clean`], borrowing `text` when it is clean already (most docs text is).
fn cleaned(text: &str) -> Cow<'_, str> {
    if is_clean(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(clean_slowly(text))
    }
}

/// Printable ASCII with single spaces between words: what [`clean`] leaves unchanged
/// (the common case, checked first because cleaning word by word allocates).
fn is_clean(text: &str) -> bool {
    // One pass over the bytes; starting as if after a space rejects a leading one.
    let mut after_space = true;
    for &b in text.as_bytes() {
        let space = b == b' ';
        if !(b' '..=b'~').contains(&b) || (space && after_space) {
            return false;
        }
        after_space = space;
    }
    !after_space || text.is_empty()
}

fn clean_slowly(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.chars().any(is_invisible) {
            out.extend(word.chars().filter(|c| !is_invisible(*c)));
        } else {
            out.push_str(word);
        }
    }
    // A word of invisible characters only leaves a double or trailing space behind.
    if out.contains("  ") || out.ends_with(' ') {
        return out.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

/// Control characters, the byte order mark, and bidirectional embeddings, overrides and
/// isolates.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{feff}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Docs text made safe for rustdoc: whitespace collapsed, `[`, `]`, `<` and `>` escaped
/// outside code spans (no broken links or stray HTML), bare URLs wrapped in `<…>`.
pub fn text(raw: &str) -> String {
    let cleaned = clean(raw);
    if !cleaned.contains('`') && !needs_markup(&cleaned) {
        return cleaned;
    }
    let plain = if cleaned.matches('`').count().is_multiple_of(2) {
        cleaned
    } else {
        cleaned.replace('`', "'")
    };
    plain
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("`{part}`")
            } else {
                markup(part)
            }
        })
        .collect()
}

/// Escapes one stretch of plain text and turns its URLs into autolinks.
fn markup(part: &str) -> String {
    if !needs_markup(part) {
        return part.to_string();
    }
    let words: Vec<String> = part.split(' ').map(markup_word).collect();
    words.join(" ")
}

/// Whether [`markup`] changes `part`.
fn needs_markup(part: &str) -> bool {
    part.contains(['[', ']', '<', '>']) || part.contains("http")
}

fn markup_word(word: &str) -> String {
    let Some(start) = word.find("https://").or_else(|| word.find("http://")) else {
        return escape(word);
    };
    let (before, rest) = word.split_at(start);
    let url = rest.trim_end_matches(['.', ',', ')', ';', ':', '\'', '"']);
    let after = &rest[url.len()..];
    let url = url.replace('<', "%3C").replace('>', "%3E");
    format!("{}<{url}>{}", escape(before), escape(after))
}

fn escape(text: &str) -> String {
    text.replace('[', "\\[")
        .replace(']', "\\]")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The docs text (see [`text`]), or `fallback` when the text is empty.
pub fn or(raw: &str, fallback: impl FnOnce() -> String) -> String {
    let cleaned = text(raw);
    if cleaned.is_empty() {
        fallback()
    } else {
        cleaned
    }
}

/// Calls `line` with the text of each doc line: one per paragraph, each cleaned (see
/// [`clean`]), with an empty line between paragraphs; empty paragraphs are dropped, and
/// no paragraph at all gives one generic line.
pub fn each_line(paragraphs: &[String], mut line: impl FnMut(&str)) {
    let mut first = true;
    for p in paragraphs {
        let cleaned = cleaned(p);
        if cleaned.is_empty() {
            continue;
        }
        if !first {
            line("");
        }
        first = false;
        line(&cleaned);
    }
    if first {
        line("Generated from the Microsoft Graph documentation.");
    }
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
        let mut w = super::super::text::RustWriter::fragment();
        w.docs(
            super::super::text::DocStyle::Outer,
            &["a\n\tb".to_string(), String::new(), "c".to_string()],
        );
        assert_eq!(w.finish(), "/// a b\n///\n/// c\n");
        let mut count = 0;
        each_line(&[], |_| count += 1);
        assert_eq!(count, 1);
        assert_eq!(code("a`b"), "`a'b`");
    }

    #[test]
    fn docs_text_is_safe_for_rustdoc() {
        assert_eq!(
            text("See https://docs.microsoft.com/x. Or [this] <br/>"),
            "See <https://docs.microsoft.com/x>. Or \\[this\\] &lt;br/&gt;"
        );
        assert_eq!(text("keep `<b>[x]` as code"), "keep `<b>[x]` as code");
        assert_eq!(text("odd ` tick <"), "odd ' tick &lt;");
        assert_eq!(text("(https://a.b/c)."), "(<https://a.b/c>).");
    }

    #[test]
    fn clean_text_is_kept_as_is() {
        for text in ["", "a", "a b", "Read-only. See `x` [y] <z>.", "~!"] {
            assert!(is_clean(text), "{text:?}");
            assert_eq!(clean_slowly(text), text);
        }
        for text in [" ", " a", "a ", "a  b", "a\tb", "é", "a\u{7f}"] {
            assert!(!is_clean(text), "{text:?}");
        }
    }

    #[test]
    fn invisible_and_control_characters_are_dropped() {
        assert_eq!(
            clean("a\u{202e}b\u{0}c \u{2066}d\u{2069}\r\ne\u{feff}\u{7}"),
            "abc d e"
        );
        assert_eq!(clean("\u{202a}"), "");
        assert_eq!(code("x\u{202e}y"), "`x\u{202e}y`");
        let mut lines = Vec::new();
        each_line(&[code("x\u{202e}y")], |l| lines.push(l.to_string()));
        assert_eq!(lines, ["`xy`"]);
    }
}
