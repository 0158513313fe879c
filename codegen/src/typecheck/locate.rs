//! Finds the line of a member inside a JSON body written in a page.

use memchr::memmem::Finder;

use super::Step;
use crate::source::Source;

/// Finds member lines for the diagnostics of one example body (one page, one start
/// line), remembering the lines found for the keys of the last path asked for.
///
/// A search for a key depends only on the keys before it (array indices do not move
/// it), and the diagnostics of a body come in walk order: most share a long prefix of
/// keys with the one before (`value[0].x`, `value[1].x` are the same search), so
/// only the keys past that prefix are searched again.
///
/// Lines are counted here rather than with the page's line index: building that index
/// (an offset per line of the page) cost more than the searches, and newlines are
/// counted with a SIMD loop.
#[derive(Default)]
pub(super) struct Locator<'a> {
    /// Per key of the last path, in order: the key and where its member is, `None` when
    /// it was not found (nothing deeper is kept then).
    found: Vec<(&'a str, Option<Line>)>,
    /// Where the body's first line starts, once asked for.
    start: Option<Line>,
    /// The quoted key being searched for, reused between searches.
    needle: String,
}

/// A 1-based line number and the offset where that line starts.
#[derive(Clone, Copy)]
struct Line {
    number: u32,
    offset: usize,
}

impl<'a> Locator<'a> {
    /// The line of the innermost member on `path`, searching forward from the body's
    /// first line `start`; falls back to the deepest member found (or the body start).
    /// Every call on one locator must give the same `source`; a body further down the
    /// page (a new `start`) counts its first line on from the last body's.
    pub(super) fn line_of(&mut self, source: &Source, start: u32, path: &[Step<'a>]) -> u32 {
        if let Some(known) = self.start
            && known.number != start.max(1)
        {
            self.found.clear();
            self.start = Some(line_start_from(source, known, start));
        }
        let keys = path.iter().filter_map(|s| match s {
            Step::Key(k) => Some(*k),
            Step::Index(_) => None,
        });
        let mut line = None;
        for (depth, key) in keys.enumerate() {
            let found = match self.found.get(depth) {
                Some(&(k, found)) if k == key => found,
                _ => {
                    self.found.truncate(depth);
                    let from = match line {
                        Some(l) => l,
                        None => *self.start.get_or_insert_with(|| line_start(source, start)),
                    };
                    let found = self.search(source, from, key);
                    self.found.push((key, found));
                    found
                }
            };
            match found {
                Some(l) => line = Some(l),
                None => break,
            }
        }
        line.map_or(start, |l| l.number)
    }

    /// [`member_line`] of `"key"` from line `from`.
    fn search(&mut self, source: &Source, from: Line, key: &str) -> Option<Line> {
        self.needle.clear();
        self.needle.push('"');
        self.needle.push_str(key);
        self.needle.push('"');
        member_line(source, from, &self.needle)
    }
}

/// Text is counted in blocks of this many bytes when looking for a line's start.
const BLOCK: usize = 4096;

/// Where line `line` starts (lines before 1 are line 1); past the last line, the end of
/// the text (as `Source::offset_of_line` has it).
fn line_start(source: &Source, line: u32) -> Line {
    let top = Line {
        number: 1,
        offset: 0,
    };
    line_start_from(source, top, line)
}

/// [`line_start`], counted on from `known` (a line start found before) when `line` is
/// not above it: the bodies of one page come in page order.
fn line_start_from(source: &Source, known: Line, line: u32) -> Line {
    let number = line.max(1);
    let from = if known.number <= number {
        known
    } else {
        Line {
            number: 1,
            offset: 0,
        }
    };
    let bytes = source
        .text
        .as_bytes()
        .get(from.offset..)
        .unwrap_or_default();
    let left = (number - from.number) as usize;
    Line {
        number,
        offset: from.offset + after_newlines(bytes, left, BLOCK),
    }
}

/// The offset just past the `n`th newline of `bytes` (`0` for `n == 0`), or its length
/// when it has fewer. Whole blocks of `block` bytes are counted; the block that holds
/// it is counted again in smaller blocks, and the last few newlines are walked one by
/// one (a `memchr` call per newline cost more than counting).
fn after_newlines(bytes: &[u8], n: usize, block: usize) -> usize {
    let mut left = n;
    let mut offset = 0;
    for chunk in bytes.chunks(block.max(1)) {
        if left == 0 {
            break;
        }
        let count = newlines(chunk);
        if count < left {
            left -= count;
            offset += chunk.len();
        } else if block > SMALL_BLOCK {
            return offset + after_newlines(chunk, left, SMALL_BLOCK);
        } else {
            let newline = memchr::memchr_iter(b'\n', chunk).nth(left - 1);
            return offset + newline.map_or(chunk.len(), |i| i + 1);
        }
    }
    offset
}

/// The smaller blocks the block that holds a line start is counted in.
const SMALL_BLOCK: usize = 1024;

/// Newlines in `bytes`, counted with a SIMD loop (no stop per newline).
fn newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// The first line from `from` on whose first occurrence of `needle` a `:` follows.
///
/// Searches the text once from `from` on rather than line by line (which set up a
/// substring search for every line); only the first occurrence on a line counts.
fn member_line(source: &Source, from: Line, needle: &str) -> Option<Line> {
    if needle.contains('\n') {
        // No line holds a newline.
        return None;
    }
    let text = source.text.as_str();
    let bytes = text.as_bytes();
    let finder = Finder::new(needle);
    let mut line = from;
    while let Some(i) = bytes.get(line.offset..).and_then(|rest| finder.find(rest)) {
        let at = line.offset + i;
        // The occurrence is on the line that starts after the last newline before it.
        let before = bytes.get(line.offset..at).unwrap_or_default();
        if let Some(last) = memchr::memrchr(b'\n', before) {
            line = Line {
                number: line.number + newlines(before) as u32,
                offset: line.offset + last + 1,
            };
        }
        let after = text.get(at + needle.len()..).unwrap_or_default();
        let rest_of_line = after.split('\n').next().unwrap_or("");
        if rest_of_line.trim_start().starts_with(':') {
            return Some(line);
        }
        let end = memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default())?;
        line = Line {
            number: line.number + 1,
            offset: at + end + 1,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line of the innermost member on `path`, as a new locator finds it.
    fn line_of(source: &Source, start: u32, path: &[Step]) -> u32 {
        Locator::default().line_of(source, start, path)
    }

    /// The search as it was before the locator, on the page's line index.
    fn indexed(source: &Source, start: u32, path: &[Step]) -> u32 {
        let mut line = start;
        for step in path {
            let Step::Key(key) = step else { continue };
            let Some(found) = indexed_member_line(source, line, &format!("\"{key}\"")) else {
                break;
            };
            line = found;
        }
        line
    }

    fn indexed_member_line(source: &Source, from: u32, needle: &str) -> Option<u32> {
        if needle.contains('\n') {
            return None;
        }
        let text = source.text.as_str();
        let finder = Finder::new(needle);
        let mut pos = source.offset_of_line(from.max(1));
        while let Some(i) = finder.find(&text.as_bytes()[pos..]) {
            let at = pos + i;
            let line = source.line_of(at);
            let after = &text[at + needle.len()..];
            let rest_of_line = after.split('\n').next().unwrap_or("");
            if rest_of_line.trim_start().starts_with(':') {
                return Some(line);
            }
            pos = source.offset_of_line(line + 1);
        }
        None
    }

    #[test]
    fn finds_the_first_member_line_and_goes_deeper() {
        let text = "intro \"a\": no, not this one\n{\n  \"b\" \"a\"\n  \"a\": {\n    \"x\": 1,\n    \"c\" : \"x\"\n  }\n}\n";
        let source = Source::new("api/x.md", text);
        let path = [Step::Key("a"), Step::Index(0), Step::Key("c")];
        assert_eq!(line_of(&source, 2, &path), 6);
        // From line 1, the first line's `"a":` counts.
        assert_eq!(line_of(&source, 1, &[Step::Key("a")]), 1);
        // `"x"` is followed by `:` only on line 5.
        assert_eq!(line_of(&source, 0, &[Step::Key("x")]), 5);
        // Not found: the deepest member found (or the start) is kept.
        assert_eq!(line_of(&source, 2, &[Step::Key("a"), Step::Key("zz")]), 4);
        assert_eq!(line_of(&source, 99, &[Step::Key("a")]), 99);
        assert_eq!(line_of(&source, 3, &[Step::Key("a\nb")]), 3);
    }

    #[test]
    fn the_locator_gives_what_the_line_index_gave() {
        let body = "{\n \"a\": {\n  \"x\": 1,\n  \"b\": {\n   \"x\": 2\n  }\n },\n \"b\": [\n  {\"x\": 3},\n  {\"é\": 4, \"x\" \"x\": 5}\n ]\n}\n";
        // Long pages put the body past the first counting block.
        let filler = "text \"x\": not a member\n\u{a0}line é\r\n\n".repeat(400);
        let texts = [
            body.to_string(),
            format!("{filler}{body}"),
            format!("{filler}{body}{filler}"),
            format!("{body}\"x\""),
            String::new(),
            "\"a\":".to_string(),
        ];
        let (a, b, x, e, zz) = (
            Step::Key("a"),
            Step::Key("b"),
            Step::Key("x"),
            Step::Key("é"),
            Step::Key("zz"),
        );
        let paths: Vec<Vec<Step>> = vec![
            vec![a, x],
            vec![a, b, x],
            vec![a, b, x],
            vec![a, zz, x],
            vec![a, zz],
            vec![a, zz, b],
            vec![b, Step::Index(0), x],
            vec![b, Step::Index(1), e],
            vec![b, Step::Index(1), x],
            vec![],
            vec![zz],
            vec![a],
            vec![x],
            vec![e, x],
        ];
        for text in &texts {
            let source = Source::new("api/x.md", text);
            let lines = source.line_count();
            // One locator per start, and one for all starts (bodies down a page, and
            // back up).
            let mut shared = Locator::default();
            for start in [0, 1, 2, 5, 400, 1200, 1201, lines, lines + 1, lines + 5, 3] {
                let mut locator = Locator::default();
                for path in &paths {
                    let want = indexed(&source, start, path);
                    let got = locator.line_of(&source, start, path);
                    assert_eq!(got, want, "start {start}, {path:?}");
                    assert_eq!(shared.line_of(&source, start, path), want);
                }
            }
        }
    }

    #[test]
    fn lines_start_where_the_line_index_has_them() {
        let text = "a\n\nb\r\nc\n".repeat(3000);
        let source = Source::new("api/x.md", &text);
        for line in (0..source.line_count() + 3)
            .step_by(7)
            .chain([BLOCK as u32])
        {
            let got = line_start(&source, line);
            assert_eq!(got.offset, source.offset_of_line(line.max(1)), "{line}");
            assert_eq!(got.number, line.max(1));
        }
    }

    #[test]
    fn line_starts_counted_on_from_another_are_the_same() {
        let text = format!("{}x\n\n\u{a0}y", "ab\n\nc\r\n".repeat(700));
        let source = Source::new("api/x.md", &text);
        let lines: Vec<u32> = (0..source.line_count() + 3).step_by(37).collect();
        for &from in &lines {
            let known = line_start(&source, from);
            for &line in lines
                .iter()
                .chain(&[0, 1, 2, 255, 256, 257, 1023, 1024, 1025])
            {
                let got = line_start_from(&source, known, line);
                assert_eq!(
                    got.offset,
                    source.offset_of_line(line.max(1)),
                    "{from} {line}"
                );
                assert_eq!(got.number, line.max(1));
            }
        }
    }
}
