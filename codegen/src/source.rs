//! Loading: a docs tree on disk → [`Source`]s with normalised text and a line index.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostics, Location};

/// One markdown file, normalised (no BOM, `\n` line ends), with a line index.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the docs root, with `/` separators.
    pub path: String,
    /// The text with BOM stripped and CRLF/CR turned into LF.
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    /// Builds a source from raw text (used by tests and by `load`).
    pub fn new(path: &str, raw: &str) -> Self {
        Source::from_owned(path, raw.to_string())
    }

    /// Builds a source from raw text it takes over (no copy when there is no CR to
    /// remove).
    pub fn from_owned(path: &str, raw: String) -> Self {
        let text = normalise(raw);
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Source {
            path: path.to_string(),
            text,
            line_starts,
        }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> u32 {
        let idx = self.line_starts.partition_point(|&s| s <= offset);
        idx.max(1) as u32
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let line = self.line_of(offset);
        let start = self.line_starts[(line - 1) as usize];
        let end = offset.min(self.text.len());
        let col = self.text.get(start..end).map_or(0, |s| s.chars().count()) + 1;
        (line, col as u32)
    }

    /// Byte offset where a 1-based line starts (the text's end past the last line).
    pub fn offset_of_line(&self, line: u32) -> usize {
        self.line_starts
            .get((line as usize).wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Number of lines.
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let Some(&start) = self.line_starts.get((line as usize).wrapping_sub(1)) else {
            return "";
        };
        let rest = &self.text[start..];
        rest.split('\n').next().unwrap_or("")
    }

    /// A location at a byte offset.
    pub fn at(&self, offset: usize) -> Location {
        Location::line(&self.path, self.line_of(offset))
    }

    /// A location at a 1-based line.
    pub fn at_line(&self, line: u32) -> Location {
        Location::line(&self.path, line)
    }
}

/// Strips a BOM and turns CRLF and lone CR into LF, in one pass over the text.
fn normalise(mut raw: String) -> String {
    if raw.starts_with('\u{feff}') {
        raw.drain(..'\u{feff}'.len_utf8());
    }
    let mut crs = memchr::memchr_iter(b'\r', raw.as_bytes()).peekable();
    if crs.peek().is_none() {
        return raw;
    }
    let mut out = String::with_capacity(raw.len());
    let mut from = 0;
    for cr in crs {
        // `\r` is ASCII, so `cr` and `cr + 1` are character boundaries.
        out.push_str(raw.get(from..cr).unwrap_or(""));
        out.push('\n');
        from = cr + 1;
        if raw.as_bytes().get(from) == Some(&b'\n') {
            from += 1;
        }
    }
    out.push_str(raw.get(from..).unwrap_or(""));
    out
}

/// Lists the `.md` files under `root` (recursively), sorted, as relative `/` paths.
pub fn list_markdown(root: &Path, diags: &mut Diagnostics) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                diags.error(
                    "io-error",
                    Location::file(&dir.display().to_string()),
                    format!("cannot read directory: {e}"),
                );
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"))
            {
                out.push((relative(root, &path), path));
            }
        }
    }
    out.sort();
    out
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads one file; an unreadable or non-UTF-8 file becomes a diagnostic.
pub fn read(rel: &str, path: &Path, diags: &mut Diagnostics) -> Option<Source> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let raw = match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => {
                    diags.warning(
                        "not-utf8",
                        Location::file(rel),
                        "file is not valid UTF-8; invalid bytes were replaced",
                    );
                    String::from_utf8_lossy(e.as_bytes()).into_owned()
                }
            };
            Some(Source::from_owned(rel, raw))
        }
        Err(e) => {
            diags.error(
                "io-error",
                Location::file(rel),
                format!("cannot read file: {e}"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_bom_are_normalised_and_lines_counted() {
        let s = Source::new("a.md", "\u{feff}one\r\ntwo\r\nthree");
        assert_eq!(s.text, "one\ntwo\nthree");
        assert_eq!(s.line_of(0), 1);
        assert_eq!(s.line_of(4), 2);
        assert_eq!(s.line_col(9), (3, 2));
        assert_eq!(s.line_text(2), "two");
        assert_eq!(s.line_text(99), "");
    }

    #[test]
    fn lone_cr_and_mixed_line_ends_become_lf() {
        let s = Source::new("a.md", "a\rb\r\n\r\nc\n\rd\r");
        assert_eq!(s.text, "a\nb\n\nc\n\nd\n");
        assert_eq!(s.line_count(), 7);
        assert_eq!(Source::new("a.md", "\u{feff}").text, "");
    }
}
