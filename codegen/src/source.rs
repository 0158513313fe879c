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

/// Strips a BOM and turns CRLF and lone CR into LF (no copy when there is nothing to do).
fn normalise(raw: String) -> String {
    let clean = !raw.starts_with('\u{feff}') && memchr::memchr(b'\r', raw.as_bytes()).is_none();
    if clean {
        return raw;
    }
    let mut bytes = raw.into_bytes();
    normalise_bytes(&mut bytes);
    // Only ASCII bytes were removed or replaced, so the text is still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`normalise`] on raw bytes, in place, in one pass.
fn normalise_bytes(bytes: &mut Vec<u8>) {
    if bytes.starts_with("\u{feff}".as_bytes()) {
        bytes.drain(..3);
    }
    let mut write = 0;
    let mut read = 0;
    while let Some(found) = memchr::memchr(b'\r', bytes.get(read..).unwrap_or(&[])) {
        let cr = read + found;
        bytes.copy_within(read..cr, write);
        write += cr - read;
        if let Some(b) = bytes.get_mut(write) {
            *b = b'\n';
        }
        write += 1;
        read = cr + 1;
        if bytes.get(read) == Some(&b'\n') {
            read += 1;
        }
    }
    let len = bytes.len();
    bytes.copy_within(read..len, write);
    bytes.truncate(write + (len - read));
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
        Ok(mut bytes) => {
            // Line ends first, on the bytes, so the text is validated as UTF-8 only once.
            normalise_bytes(&mut bytes);
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

    #[test]
    fn bytes_are_normalised_in_place_even_when_not_utf8() {
        for (raw, want) in [
            (&b"\xef\xbb\xbfa\r\nb"[..], &b"a\nb"[..]),
            (b"\r", b"\n"),
            (b"\r\r\n\n", b"\n\n\n"),
            (b"\xff\r\n\xfe\r", b"\xff\n\xfe\n"),
            (b"", b""),
        ] {
            let mut bytes = raw.to_vec();
            normalise_bytes(&mut bytes);
            assert_eq!(bytes, want, "{raw:?}");
        }
    }
}
