//! YAML front matter between `---` lines at the top of a page.

use crate::diag::Diagnostics;
use crate::source::Source;

/// Returns the parsed front matter (if any) and the byte offset where the markdown starts.
pub(super) fn split(
    source: &Source,
    diags: &mut Diagnostics,
) -> (Option<serde_yaml::Value>, usize) {
    let text = &source.text;
    let Some(rest) = text.strip_prefix("---\n") else {
        return (None, 0);
    };
    let Some(end) = closing_fence(rest) else {
        diags.warning(
            "front-matter-unclosed",
            source.at_line(1),
            "front matter starts with `---` but has no closing `---` line; read as markdown",
        );
        return (None, 0);
    };
    let yaml = &rest[..end];
    let after = 4 + end + rest[end..].find('\n').map_or(rest.len() - end, |n| n + 1);
    if let Some(v) = flat(yaml) {
        return (Some(v), after.min(text.len()));
    }
    match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Ok(v) => (Some(v), after.min(text.len())),
        Err(e) => {
            let line = e.location().map_or(1, |l| l.line() as u32 + 1);
            diags.warning(
                "front-matter-invalid",
                source.at_line(line),
                format!("front matter is not valid YAML: {e}"),
            );
            (None, after.min(text.len()))
        }
    }
}

/// Front matter of flat `key: "value"` / `key: plain words` lines, read without the YAML
/// parser (which is most of the time a page takes otherwise). Anything else (lists,
/// numbers, booleans, escapes, comments, repeated keys …) returns `None`, and the YAML
/// parser reads it, so the value is the same either way.
fn flat(yaml: &str) -> Option<serde_yaml::Value> {
    // One entry per line at most: no room for keys that are not there.
    let entries = memchr::memchr_iter(b'\n', yaml.as_bytes()).count() + 1;
    let mut map = serde_yaml::Mapping::with_capacity(entries);
    for line in lines(yaml).filter(|l| !l.trim().is_empty()) {
        let (key, value) = line.split_at(memchr::memchr(b':', line.as_bytes())?);
        let value = scalar(value[1..].trim())?;
        if !plain_key(key) {
            return None;
        }
        let key = serde_yaml::Value::String(key.to_string());
        let repeated = map
            .insert(key, serde_yaml::Value::String(value.to_string()))
            .is_some();
        if repeated {
            return None;
        }
    }
    Some(serde_yaml::Value::Mapping(map))
}

/// `text.lines()`, with the line ends found by `memchr` (front matter lines are short,
/// and a char pattern costs more per line than the search itself).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(n) => (
                rest[..n].strip_suffix('\r').unwrap_or(&rest[..n]),
                &rest[n + 1..],
            ),
            None => (rest, ""),
        };
        rest = next;
        Some(line)
    })
}

/// A key YAML reads as the same plain string: a letter or `_`, then letters, digits, `_.-`.
fn plain_key(key: &str) -> bool {
    let b = key.as_bytes();
    b.first()
        .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_')
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// A quoted string without escapes, or plain words that YAML reads as a string.
fn scalar(v: &str) -> Option<&str> {
    if let Some(inner) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return (!inner.contains(['"', '\\'])).then_some(inner);
    }
    if let Some(inner) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return (!inner.contains('\'')).then_some(inner);
    }
    let first = v.chars().next()?;
    // A digit may start a number, but not with a `/` in it: dates like `08/30/2020`.
    let special_start = (first.is_ascii_digit() && !v.contains('/'))
        || matches!(
            first,
            '-' | '?'
                | ':'
                | ','
                | '['
                | ']'
                | '{'
                | '}'
                | '#'
                | '&'
                | '*'
                | '!'
                | '|'
                | '>'
                | '\''
                | '"'
                | '%'
                | '@'
                | '`'
                | '+'
                | '.'
                | '~'
        );
    let keyword = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
        .iter()
        .any(|k| v.eq_ignore_ascii_case(k));
    (!special_start && !keyword && !special(v)).then_some(v)
}

/// Whether plain text holds what YAML reads as structure: `: `, ` #` (a comment), a
/// final `:` or a tab. One pass over the bytes. (Quotes only count at the start, which
/// [`scalar`] rules out: `group's` is plain text.)
fn special(v: &str) -> bool {
    let b = v.as_bytes();
    v.ends_with(':')
        || b.iter().enumerate().any(|(i, &c)| match c {
            b'\t' => true,
            b':' => b.get(i + 1) == Some(&b' '),
            b'#' => i > 0 && b[i - 1] == b' ',
            _ => false,
        })
}

/// Offset (in `rest`) of the line that closes the front matter.
fn closing_fence(rest: &str) -> Option<usize> {
    let mut offset = 0;
    while offset < rest.len() {
        let end = memchr::memchr(b'\n', &rest.as_bytes()[offset..])
            .map_or(rest.len(), |n| offset + n + 1);
        let t = rest[offset..end].trim_end();
        if t == "---" || t == "..." {
            return Some(offset);
        }
        offset = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_parsed_and_skipped() {
        let s = Source::new("a.md", "---\ntitle: \"X\"\n---\n# X\n");
        let mut d = Diagnostics::default();
        let (fm, start) = split(&s, &mut d);
        assert_eq!(fm.unwrap()["title"].as_str(), Some("X"));
        assert_eq!(&s.text[start..], "# X\n");
    }

    #[test]
    fn flat_front_matter_reads_as_the_yaml_parser_reads_it() {
        for yaml in [
            "title: \"user: delta\"\nauthor: jpettere\nms.prod: \"users\"\ndoc_type: apiPageType\n",
            "documentationcenter: ''\nlocalization_priority: Normal\n",
            "ms.date: 08/30/2020\nb: 3/16/2018\nc: 1/2\n",
            "d: Revoke the group's access\ne: say \"hi\" x\nf: a'b\"c\n",
        ] {
            let want: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
            assert_eq!(flat(yaml), Some(want), "{yaml}");
        }
        for yaml in [
            "ms.date: 2020\n",
            "a: 1.5\n",
            "a: 0x1F\n",
            "a: 'x\n",
            "a: \"x\n",
            "title: driveItem: createUploadSession\n",
            "a: true\n",
            "a: \"x\\ty\"\n",
            "tags:\n  - x\n",
            "a: x\na: y\n",
            "a: x # comment\n",
        ] {
            assert_eq!(flat(yaml), None, "{yaml}");
        }
    }

    #[test]
    fn broken_yaml_is_reported_with_its_line() {
        let s = Source::new("a.md", "---\ntitle: \"X\n  : [\n---\n# X\n");
        let mut d = Diagnostics::default();
        let (fm, _) = split(&s, &mut d);
        assert!(fm.is_none());
        let all = d.into_sorted();
        assert_eq!(all[0].code, "front-matter-invalid");
        assert!(all[0].location.line >= 2);
    }

    #[test]
    fn byte_scans_agree_with_the_str_methods() {
        let texts = [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb\r",
            "a\n\nb",
            "\r\n",
            "x\ry\n",
            "é: x #y\n\n",
            "a: b",
            "a:b",
            "a #b",
            "a#b",
            "#a",
            "a:",
            ":",
            "a\tb",
            "it's",
            "\"q\"",
            "é:é",
        ];
        for t in texts {
            assert_eq!(
                lines(t).collect::<Vec<_>>(),
                t.lines().collect::<Vec<_>>(),
                "{t:?}"
            );
            let old = t.contains(": ") || t.contains(" #") || t.ends_with(':') || t.contains('\t');
            assert_eq!(special(t), old, "{t:?}");
        }
        for (rest, want) in [
            ("a: b\n---\n", Some(5)),
            ("...  \n", Some(0)),
            ("a\n--- x\n", None),
            ("a\n---", Some(2)),
            ("", None),
        ] {
            assert_eq!(closing_fence(rest), want, "{rest:?}");
        }
        assert!(plain_key("ms.prod") && plain_key("_a-1") && !plain_key("1a") && !plain_key("a b"));
        assert!(!plain_key("") && !plain_key("é"));
    }
}
