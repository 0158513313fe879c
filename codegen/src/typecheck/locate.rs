//! Finds the line of a member inside a JSON body written in a page.

use super::Step;
use crate::source::Source;

/// The line of the innermost member on `path`, searching forward from the body's first
/// line; falls back to the deepest member found (or the body start).
pub(super) fn line_of(source: &Source, start: u32, path: &[Step]) -> u32 {
    let mut line = start;
    for step in path {
        let Step::Key(key) = step else { continue };
        let needle = format!("\"{key}\"");
        let Some(found) = (line..=source.line_count()).find(|&l| {
            let text = source.line_text(l);
            text.contains(&needle)
                && text[text.find(&needle).unwrap_or(0) + needle.len()..]
                    .trim_start()
                    .starts_with(':')
        }) else {
            break;
        };
        line = found;
    }
    line
}
