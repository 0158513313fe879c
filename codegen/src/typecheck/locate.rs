//! Finds the line of a member inside a JSON body written in a page.

use memchr::memmem::Finder;

use super::Step;
use crate::source::Source;

/// The line of the innermost member on `path`, searching forward from the body's first
/// line; falls back to the deepest member found (or the body start).
pub(super) fn line_of(source: &Source, start: u32, path: &[Step]) -> u32 {
    let mut line = start;
    for step in path {
        let Step::Key(key) = step else { continue };
        let needle = format!("\"{key}\"");
        let Some(found) = member_line(source, line, &needle) else {
            break;
        };
        line = found;
    }
    line
}

/// The first line from `from` on whose first occurrence of `needle` a `:` follows.
///
/// Searches the text once from `from` on rather than line by line (which set up a
/// substring search for every line); only the first occurrence on a line counts.
fn member_line(source: &Source, from: u32, needle: &str) -> Option<u32> {
    if needle.contains('\n') {
        // No line holds a newline.
        return None;
    }
    let text = source.text.as_str();
    let finder = Finder::new(needle);
    // Line 0 (if asked for) is empty: start on line 1.
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
