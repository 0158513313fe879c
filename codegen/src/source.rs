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
}

impl<'a> LineCursor<'a> {
    /// 1-based line of a byte offset; the same as [`Source::line_of`].
    pub fn line_of(&mut self, offset: usize) -> u32 {
        let bytes = self.text.as_bytes();
        // Offsets past the text are on its last line, as with the index.
        let at = offset.min(bytes.len());
        if at < self.start {
            self.back_to(at);
        } else if at > self.end {
            self.forward_to(at);
        }
        self.line
    }

    /// Gaps (in bytes) past which newlines are counted in bulk rather than one line at
    /// a time: most lookups are on the next line or one a few lines on.
    const LONG: usize = 64;

    /// Moves to the line holding `at`, which is past the current line's `\n`.
    fn forward_to(&mut self, at: usize) {
        let bytes = self.text.as_bytes();
        let mut start = self.end + 1;
        self.line += 1;
        if at - start > Self::LONG {
            // Far on (past a code block): count the newlines up to the last one before
            // `at` in one SIMD pass instead of stopping at each.
            if let Some(n) = memchr::memrchr(b'\n', &bytes[start..at]) {
                self.line += newlines(&bytes[start..=start + n]) as u32;
                start += n + 1;
            }
        }
        // Near: step line by line, one search per line, until the line holding `at`.
        loop {
            match memchr::memchr(b'\n', &bytes[start..]) {
                Some(n) if start + n < at => {
                    start += n + 1;
                    self.line += 1;
                }
                found => {
                    self.start = start;
                    self.end = found.map_or(bytes.len(), |n| start + n);
                    return;
                }
            }
        }
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
    pub fn line_col(&mut self, offset: usize) -> (u32, u32) {
        let line = self.line_of(offset);
        let end = offset.min(self.text.len());
        let col = self.text.get(self.start..end).map_or(0, count_chars) + 1;
        (line, col as u32)
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
    fn line_text_ends_at_the_newline_or_the_text_end() {
        let s = Source::new("a.md", "a\n\nbé c\nlast");
        let lines: Vec<_> = (0..=s.line_count() + 1).map(|l| s.line_text(l)).collect();
        assert_eq!(lines, ["", "a", "", "bé c", "last", ""]);
        assert_eq!(Source::new("a.md", "x\n").line_text(2), "");
    }

    /// The cursor must answer as the binary search does for any order of offsets.
    #[test]
    fn line_cursor_agrees_with_line_col_in_any_order() {
        let mut text = String::new();
        for i in 0..60 {
            // Lines of varied length, some empty, some not ASCII, some very long.
            text.push_str(&"é x".repeat(i % 7));
            if i % 13 == 0 {
                text.push_str(&"y".repeat(300));
            }
            text.push('\n');
        }
        text.push_str("tail");
        let s = Source::new("a.md", &text);
        // Every char boundary (and past the end), forwards, backwards, then in jumps.
        let mut offsets: Vec<usize> = (0..=s.text.len() + 2)
            .filter(|&o| o > s.text.len() || s.text.is_char_boundary(o))
            .collect();
        let forward = offsets.clone();
        offsets.reverse();
        let backward = offsets.clone();
        let jumps: Vec<usize> = (0..500).map(|i| (i * 7919) % (s.text.len() + 3)).collect();
        for order in [forward, backward, jumps] {
            let mut c = s.cursor();
            for &o in &order {
                if o <= s.text.len() && !s.text.is_char_boundary(o) {
                    continue;
                }
                assert_eq!(c.line_of(o), s.line_of(o), "offset {o}");
                assert_eq!(c.line_col(o), s.line_col(o), "offset {o}");
                assert_eq!(c.line_text(o), s.line_text(s.line_of(o)), "offset {o}");
            }
        }
        let empty = Source::new("a.md", "");
        assert_eq!(empty.cursor().line_col(0), (1, 1));
    }

    /// Texts whose edges are newlines, where counting newlines and the index could
    /// disagree by one: every offset from every starting offset.
    #[test]
    fn line_cursor_agrees_with_the_index_at_the_edges() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "\na",
            "a\n\nb\n",
            "é\n\n\né",
            "ab\ncd",
        ] {
            let s = Source::new("a.md", text);
            for from in 0..=text.len() + 1 {
                for to in 0..=text.len() + 1 {
                    let mut c = s.cursor();
                    c.line_of(from);
                    assert_eq!(c.line_of(to), s.line_of(to), "{text:?} {from} → {to}");
                    assert_eq!(c.line_text(to), s.line_text(s.line_of(to)), "{text:?} {to}");
                    if to > text.len() || text.is_char_boundary(to) {
                        assert_eq!(c.line_col(to), s.line_col(to), "{text:?} {to}");
                    }
                }
            }
        }
    }

    /// The index, built on first use, answers as `str::split` says.
    #[test]
    fn the_lazy_index_matches_the_text_split_at_newlines() {
        let s = Source::new("a.md", "a\r\n\nbc\n");
        let lines: Vec<_> = s.text.split('\n').collect();
        assert_eq!(s.line_count() as usize, lines.len());
        for (i, l) in lines.iter().enumerate() {
            let n = i as u32 + 1;
            assert_eq!(s.line_text(n), *l);
            assert_eq!(s.line_of(s.offset_of_line(n)), n);
        }
        assert_eq!(s.offset_of_line(99), s.text.len());
        assert_eq!(s.clone().line_text(3), "bc");
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
