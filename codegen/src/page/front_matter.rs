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
    let mut map = serde_yaml::Mapping::with_capacity(16);
    for line in yaml.lines().filter(|l| !l.trim().is_empty()) {
        let (key, value) = line.split_once(':')?;
        let key_ok = key
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        let value = scalar(value.trim())?;
        let key = serde_yaml::Value::String(key.to_string());
        let repeated = map
            .insert(key, serde_yaml::Value::String(value.to_string()))
            .is_some();
        if !key_ok || repeated {
            return None;
        }
    }
    Some(serde_yaml::Value::Mapping(map))
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
    let special_start = first.is_ascii_digit() || "-?:,[]{}#&*!|>'\"%@`+.~".contains(first);
    let keyword = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
        .iter()
        .any(|k| v.eq_ignore_ascii_case(k));
    let special =
        v.contains(": ") || v.contains(" #") || v.ends_with(':') || v.contains(['\t', '"', '\'']);
    (!special_start && !keyword && !special).then_some(v)
}

/// Offset (in `rest`) of the line that closes the front matter.
fn closing_fence(rest: &str) -> Option<usize> {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Some(offset);
        }
        offset += line.len();
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
        ] {
            let want: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
            assert_eq!(flat(yaml), Some(want), "{yaml}");
        }
        for yaml in [
            "ms.date: 08/30/2020\n",
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
}
