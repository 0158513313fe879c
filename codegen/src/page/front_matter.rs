//! YAML front matter between `---` lines at the top of a page.

mod reader;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use crate::diag::Diagnostics;
use crate::source::Source;

/// The string values of a page's front matter, by key.
///
/// Only what [`crate::page::Page::meta`] reads is kept: entries whose key is a YAML
/// string and whose value is a string (after tags). Numbers, booleans, nulls, lists and
/// maps, and the keys that are not strings, are left out: `meta` answers `None` for them
/// as it did when the whole YAML value was kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The front matter text as the page has it (so that most keys and values are spans
    /// of it, without a copy each), then the values that had to be unescaped (the text
    /// is copied only when there are such values).
    text: Cow<'a, str>,
    /// The spans of each key and of its value in `text`, in document order.
    entries: Vec<(Span, Span)>,
}

/// A byte range in [`FrontMatter::text`].
type Span = (usize, usize);

impl<'a> FrontMatter<'a> {
    /// The string value of `key`, if the front matter has one.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.iter().find(|&(k, _)| k == key).map(|(_, v)| v)
    }

    /// The `(key, value)` string entries, in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .map(|&(key, value)| (self.span(key), self.span(value)))
    }

    /// The text of a span.
    fn span(&self, (start, end): Span) -> &str {
        self.text.get(start..end).unwrap_or("")
    }

    /// Appends `s` to the text and returns its span.
    fn push(&mut self, s: &str) -> Span {
        let text = self.text.to_mut();
        let start = text.len();
        text.push_str(s);
        (start, text.len())
    }

    /// The string entries of what the YAML parser read, looked up as
    /// `serde_yaml::Value::get(key)?.as_str()` does: the root and the values may be
    /// tagged (`as_mapping` and `as_str` look through tags), the keys must be untagged
    /// strings.
    fn from_yaml(value: &serde_yaml::Value) -> Self {
        let mut fm = FrontMatter::default();
        for (key, value) in value.as_mapping().into_iter().flatten() {
            if let (serde_yaml::Value::String(key), Some(value)) = (key, value.as_str()) {
                let entry = (fm.push(key), fm.push(value));
                fm.entries.push(entry);
            }
        }
        fm
    }
}

/// Returns the parsed front matter (if any) and the byte offset where the markdown starts.
pub(super) fn split<'a>(
    source: &'a Source,
    diags: &mut Diagnostics,
) -> (Option<FrontMatter<'a>>, usize) {
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
    match parse(yaml) {
        Ok(fm) => (Some(fm), after.min(text.len())),
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

/// The front matter's string entries: by [`reader::read`] when the text is as simple as
/// real pages have it (which is most of the time a page takes otherwise), else by the
/// YAML parser, whose error is the diagnostic.
fn parse(yaml: &str) -> Result<FrontMatter<'_>, serde_yaml::Error> {
    if let Some(fm) = reader::read(yaml) {
        return Ok(fm);
    }
    serde_yaml::from_str::<serde_yaml::Value>(yaml).map(|v| FrontMatter::from_yaml(&v))
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
