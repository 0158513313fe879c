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
