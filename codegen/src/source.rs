//! Loading: a docs tree on disk → [`Source`]s with normalised text and a line index.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diag::{Diagnostics, Location};

/// One markdown file, normalised (no BOM, `\n` line ends), with a line index.
///
/// The index is built on the first random lookup: building a page only looks up lines
/// in source order (see [`LineCursor`], which counts the lines itself), and most pages
/// are never asked for a line at random.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the docs root, with `/` separators.
    pub path: String,
    /// The text with BOM stripped and CRLF/CR turned into LF.
    pub text: String,
    line_starts: OnceLock<Vec<usize>>,
}

impl Source {
    /// Builds a source from raw text (used by tests and by `load`).
    pub fn new(path: &str, raw: &str) -> Self {
        Source::from_owned(path, raw.to_string())
    }

    /// Builds a source from raw text it takes over (no copy when there is no CR to
    /// remove).
    pub fn from_owned(path: &str, raw: String) -> Self {
        Source {
            path: path.to_string(),
            text: normalise(raw),
            line_starts: OnceLock::new(),
        }
    }

    /// Byte offsets where the lines start, built on first use.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| line_starts(&self.text))
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> u32 {
        let idx = self.line_starts().partition_point(|&s| s <= offset);
        idx.max(1) as u32
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let line = self.line_of(offset);
        let start = self.line_starts()[(line - 1) as usize];
        let end = offset.min(self.text.len());
        let col = self.text.get(start..end).map_or(0, count_chars) + 1;
        (line, col as u32)
    }

    /// Byte offset where a 1-based line starts (the text's end past the last line).
    pub fn offset_of_line(&self, line: u32) -> usize {
        self.line_starts()
            .get((line as usize).wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Number of lines.
    pub fn line_count(&self) -> u32 {
        self.line_starts().len() as u32
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let starts = self.line_starts();
        let idx = (line as usize).wrapping_sub(1);
        let Some(&start) = starts.get(idx) else {
            return "";
        };
        // The next line starts right after this line's `\n`: no need to search for it.
        let end = starts
            .get(idx + 1)
            .map_or(self.text.len(), |&next| next - 1);
        &self.text[start..end]
    }

    /// A cursor for looking up many offsets in mostly increasing order.
    pub fn cursor(&self) -> LineCursor<'_> {
        let end = line_end(self.text.as_bytes(), 0);
        LineCursor {
            text: &self.text,
            line: 1,
            start: 0,
            end,
            col_at: 0,
            col: 0,
        }
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

/// Byte offsets where the lines of `text` start.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::with_capacity(text.len() / 40 + 1);
    starts.push(0);
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    starts
}

/// Offset of the `\n` ending the line that holds `at`, or the text's end.
fn line_end(bytes: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n)
}

/// Newlines in `bytes`, counted with a SIMD loop (no stop per newline).
fn newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Line lookups for offsets in mostly increasing order, without the line index: the
/// page builder asks for the lines of events in source order, so the answer is almost
/// always the line found last or one a little further on, and the cursor counts the
/// newlines in between itself. Offsets before the last one still work (parsing
/// restarts after an unclosed fence): the newlines are counted back.
#[derive(Debug, Clone)]
pub struct LineCursor<'a> {
    text: &'a str,
    /// 1-based number of the line found last.
    line: u32,
    /// Where that line starts.
    start: usize,
    /// Offset of the `\n` ending that line, or the text's length for the last line.
    end: usize,
    /// An offset on that line whose column is known (a char boundary), and the characters
    /// before it on the line: the cells of a table row are looked up left to right, and
    /// each then counts only the characters after the one before it.
    col_at: usize,
    col: usize,
}

impl<'a> LineCursor<'a> {
    /// 1-based line of a byte offset; the same as [`Source::line_of`].
    #[inline]
    pub fn line_of(&mut self, offset: usize) -> u32 {
        // Offsets past the text are on its last line, as with the index.
        let at = offset.min(self.text.len());
        // Most lookups are on the line found last: that check is inlined, the move is not.
        if at < self.start || at > self.end {
            self.seek(at);
        }
        self.line
    }

    /// Moves to the line holding `at`, which is not on the current line.
    #[inline(never)]
    fn seek(&mut self, at: usize) {
        if at < self.start {
            self.back_to(at);
        } else {
            self.forward_to(at);
        }
        self.col_at = self.start;
        self.col = 0;
    }

    /// Gaps (in bytes) past which newlines are counted in bulk rather than byte by byte:
    /// most lookups are on the next line or one a few lines on.
    const LONG: usize = 64;

    /// Moves to the line holding `at`, which is past the current line's `\n`.
    fn forward_to(&mut self, at: usize) {
        let bytes = self.text.as_bytes();
        let mut start = self.end + 1;
        self.line += 1;
        // The line holding `at` starts after the last newline before it. The gap from
        // the next line to `at` is mostly empty (the next row) or a blank line: a byte
        // loop beats a search there; past a code block, SIMD searches count in bulk.
        let gap = bytes.get(start..at).unwrap_or(&[]);
        let last = if gap.len() > Self::LONG {
            memchr::memrchr(b'\n', gap).inspect(|&n| {
                self.line += newlines(&gap[..=n]) as u32;
            })
        } else {
            let mut last = None;
            for (i, &b) in gap.iter().enumerate() {
                if b == b'\n' {
                    self.line += 1;
                    last = Some(i);
                }
            }
            last
        };
        if let Some(n) = last {
            start += n + 1;
        }
        self.start = start;
        self.end = line_end(bytes, at);
    }

    /// Moves to the line holding `at`, which is before the current line's start.
    fn back_to(&mut self, at: usize) {
        let bytes = self.text.as_bytes();
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |n| n + 1);
        self.line -= newlines(&bytes[start..self.start]) as u32;
        self.start = start;
        self.end = line_end(bytes, at);
    }

    /// 1-based (line, column) of a byte offset; the same as [`Source::line_col`].
    #[inline]
    pub fn line_col(&mut self, offset: usize) -> (u32, u32) {
        let line = self.line_of(offset);
        let end = offset.min(self.text.len());
        if end < self.col_at {
            self.col_at = self.start;
            self.col = 0;
        }
        // Not a char boundary: column 1, as with the index (which cannot slice there).
        let Some(more) = self.text.get(self.col_at..end) else {
            return (line, 1);
        };
        self.col += count_chars(more);
        self.col_at = end;
        (line, self.col as u32 + 1)
    }

    /// The text (without its newline) of the line holding a byte offset; the same as
    /// [`Source::line_text`] of its [`line_of`](Self::line_of).
    pub fn line_text(&mut self, offset: usize) -> &'a str {
        self.line_of(offset);
        &self.text[self.start..self.end]
    }
}

/// Characters in `s`; most line prefixes are ASCII, where that is the length.
fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
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
mod tests;
