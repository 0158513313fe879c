//! Page text: unfinished `TODO` placeholders and links whose letter case is wrong.
//!
//! Both scan the text once; a line is looked at only when a cheap substring test hits.

use std::collections::HashMap;

use crate::diag::{Diagnostics, Location};
use crate::resolve::join;
use crate::source::Source;

/// Runs the page-text rules over every source.
pub(super) fn check(sources: &[Source], pages: &[String], diags: &mut Diagnostics) {
    let by_lower: HashMap<String, &str> = pages
        .iter()
        .map(|p| (p.to_ascii_lowercase(), p.as_str()))
        .collect();
    for source in sources {
        if source.text.contains("TODO") {
            todos(source, diags);
        }
        if source.text.contains("](") {
            links(source, &by_lower, diags);
        }
    }
}

/// `todo-marker`: `TODO` as a word, once per line.
fn todos(source: &Source, diags: &mut Diagnostics) {
    for (i, line) in source.text.lines().enumerate() {
        let Some(at) = word_at(line, "TODO") else {
            continue;
        };
        let col = line[..at].chars().count() as u32 + 1;
        let shown: String = line[at..]
            .chars()
            .take_while(|c| *c != '*' && *c != '|' && *c != '"')
            .take(60)
            .collect();
        diags
            .warning(
                "todo-marker",
                Location {
                    file: source.path.clone(),
                    line: i as u32 + 1,
                    col,
                },
                format!("unfinished text: `{}`", shown.trim()),
            )
            .help = Some("write the missing text before publishing".to_string());
    }
}

/// The byte offset of `word` in `line` where it is not part of a longer word.
fn word_at(line: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    line.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = line[..i].chars().next_back();
        let after = line[i + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// `link-case-mismatch`: a relative `.md` link that names an existing page in another case.
fn links(source: &Source, by_lower: &HashMap<String, &str>, diags: &mut Diagnostics) {
    for (i, line) in source.text.lines().enumerate() {
        for (start, target) in link_targets(line) {
            let Some(joined) = join(&source.path, target) else {
                continue;
            };
            let Some(actual) = by_lower.get(&joined.to_ascii_lowercase()) else {
                continue;
            };
            if *actual == joined {
                continue;
            }
            let at = Location {
                file: source.path.clone(),
                line: i as u32 + 1,
                col: line[..start].chars().count() as u32 + 1,
            };
            diags
                .warning(
                    "link-case-mismatch",
                    at,
                    format!("link `{target}` names `{joined}`, but the page is `{actual}`"),
                )
                .help = Some(format!(
                "write the file name as on disk (`{}`); links are case-sensitive on GitHub",
                actual.rsplit('/').next().unwrap_or(actual)
            ));
        }
    }
}

/// `(byte offset, target)` of every `](target)` on a line whose target is a relative page.
fn link_targets(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (i, _) in line.match_indices("](") {
        let start = i + 2;
        let Some(rest) = line.get(start..) else {
            continue;
        };
        let end = rest.find([')', ' ']).unwrap_or(rest.len());
        let target = rest[..end].trim_matches(['<', '>']);
        let file = target.split(['#', '?']).next().unwrap_or("");
        let relative = !target.contains("://") && !target.starts_with('/');
        if relative && file.to_ascii_lowercase().ends_with(".md") {
            out.push((start, target));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn todo_is_found_as_a_word_only() {
        assert_eq!(word_at("|x|**TODO: Add**|", "TODO"), Some(5));
        assert_eq!(word_at("TODOSEARCHAPI", "TODO"), None);
        assert_eq!(word_at("<!---TODO-->", "TODO"), Some(5));
    }

    #[test]
    fn relative_page_links_only() {
        let line =
            "see [a](../resources/A.md#x), [b](https://x/y.md), [c](/graph/z.md), [d](e.png)";
        assert_eq!(link_targets(line), vec![(8, "../resources/A.md#x")]);
    }

    #[test]
    fn a_link_in_the_wrong_case_is_reported_with_the_right_name() {
        let page = Source::new(
            "api/a.md",
            "x [p](../resources/projectParticipation.md) y\n",
        );
        let pages = vec![
            "api/a.md".to_string(),
            "resources/projectparticipation.md".to_string(),
        ];
        let mut diags = Diagnostics::default();
        check(&[page], &pages, &mut diags);
        let found = diags.into_sorted();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location.to_string(), "api/a.md:1:7");
        assert!(
            found[0]
                .message
                .contains("resources/projectparticipation.md")
        );
    }
}
