//! Allowing rules: `--allow CODE` everywhere, `--allow CODE:GLOB` for matching files, and
//! `<!-- codegen-lint: allow CODE[, CODE...] -->` inside a page for that page.

use std::collections::{BTreeMap, BTreeSet};

use super::rules;
use crate::diag::{Diagnostic, Diagnostics};
use crate::source::Source;

/// The comment that allows codes for the page it is in.
pub const COMMENT: &str = "codegen-lint: allow";

/// Why an `--allow` value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllowError {
    /// The code is not a rule's code.
    #[error("`{0}` is not a lint rule (see `codegen lint --list-rules`)")]
    UnknownCode(String),
    /// `CODE:` without a glob.
    #[error("`{0}` has an empty path glob after `:`")]
    EmptyGlob(String),
}

/// One `--allow` value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Allow {
    code: String,
    glob: Option<String>,
}

/// The codes allowed by the command line and by comments in the pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowList {
    global: Vec<Allow>,
    by_file: BTreeMap<String, BTreeSet<String>>,
}

impl AllowList {
    /// Parses `--allow` values: `CODE` or `CODE:GLOB` (GLOB matches paths relative to the
    /// docs folder; `*` stays within a folder, `**` crosses folders, `?` is one character).
    pub fn parse<S: AsRef<str>>(values: &[S]) -> Result<AllowList, AllowError> {
        let mut list = AllowList::default();
        for value in values {
            let value = value.as_ref().trim();
            let (code, glob) = match value.split_once(':') {
                Some((code, glob)) if glob.trim().is_empty() => {
                    return Err(AllowError::EmptyGlob(code.to_string()));
                }
                Some((code, glob)) => (code.trim(), Some(glob.trim().to_string())),
                None => (value, None),
            };
            if rules::find(code).is_none() {
                return Err(AllowError::UnknownCode(code.to_string()));
            }
            list.global.push(Allow {
                code: code.to_string(),
                glob,
            });
        }
        Ok(list)
    }

    /// Adds the codes each page allows with an `allow` comment; unknown codes in a comment
    /// are reported as `allow-unknown-code`.
    pub fn add_comments(&mut self, sources: &[Source], diags: &mut Diagnostics) {
        for source in sources {
            if !source.text.contains(COMMENT) {
                continue;
            }
            for (i, line) in source.text.lines().enumerate() {
                let Some(codes) = comment_codes(line) else {
                    continue;
                };
                for code in codes {
                    if rules::find(code).is_none() {
                        let at = source.at_line(i as u32 + 1);
                        diags
                            .warning(
                                "allow-unknown-code",
                                at,
                                format!("`{code}` in this allow comment is not a lint rule"),
                            )
                            .help = Some("see `codegen lint --list-rules`".to_string());
                    }
                    self.by_file
                        .entry(source.path.clone())
                        .or_default()
                        .insert(code.to_string());
                }
            }
        }
    }

    /// Whether `d` is allowed (and so not reported).
    pub fn allows(&self, d: &Diagnostic) -> bool {
        let file = d.location.file.as_str();
        let by_comment = self
            .by_file
            .get(file)
            .is_some_and(|codes| codes.contains(&d.code));
        by_comment
            || self.global.iter().any(|a| {
                a.code == d.code && a.glob.as_deref().is_none_or(|g| glob_matches(g, file))
            })
    }
}

/// The codes of an allow comment on `line`, if it has one.
fn comment_codes(line: &str) -> Option<impl Iterator<Item = &str>> {
    let start = line.find("<!--")?;
    let inner = line[start + 4..].trim_start().strip_prefix(COMMENT)?;
    let inner = inner.split("-->").next().unwrap_or(inner);
    Some(
        inner
            .split([',', ' ', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty()),
    )
}

/// A piece of a glob.
#[derive(Clone, Copy)]
enum Tok {
    /// One literal character.
    Char(char),
    /// `?`: one character other than `/`.
    One,
    /// `*`: any run without `/`.
    Star,
    /// `**`: any run.
    Stars,
    /// `**/`: nothing, or any run that ends with `/`.
    StarsSlash,
}

fn tokens(glob: &str) -> Vec<Tok> {
    let chars: Vec<char> = glob.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let stars = c == '*' && chars.get(i + 1) == Some(&'*');
        let (tok, width) = match c {
            '*' if stars && chars.get(i + 2) == Some(&'/') => (Tok::StarsSlash, 3),
            '*' if stars => (Tok::Stars, 2),
            '*' => (Tok::Star, 1),
            '?' => (Tok::One, 1),
            c => (Tok::Char(c), 1),
        };
        out.push(tok);
        i += width;
    }
    out
}

/// Matches a path against a glob: `*` (not `/`), `**` (anything, `/` included), `**/`
/// (any folders, or none), `?` (one character but `/`). Runs in O(glob × path) time.
pub fn glob_matches(glob: &str, path: &str) -> bool {
    let p: Vec<char> = path.chars().collect();
    // reach[j]: the glob read so far can match exactly the first j characters.
    let mut reach = vec![false; p.len() + 1];
    if let Some(first) = reach.first_mut() {
        *first = true;
    }
    for tok in tokens(glob) {
        let mut next = vec![false; p.len() + 1];
        let mut seen = false;
        for j in 0..=p.len() {
            let here = reach.get(j).copied().unwrap_or(false);
            let prev_char = j.checked_sub(1).and_then(|k| p.get(k).copied());
            let prev_reach = j.checked_sub(1).and_then(|k| reach.get(k).copied());
            let prev_next = j.checked_sub(1).and_then(|k| next.get(k).copied());
            let value = match tok {
                Tok::Char(c) => prev_reach == Some(true) && prev_char == Some(c),
                Tok::One => prev_reach == Some(true) && prev_char.is_some_and(|c| c != '/'),
                Tok::Star => here || (prev_next == Some(true) && prev_char != Some('/')),
                Tok::Stars => here || prev_next == Some(true),
                Tok::StarsSlash => here || (seen && prev_char == Some('/')),
            };
            seen = seen || here;
            if let Some(slot) = next.get_mut(j) {
                *slot = value;
            }
        }
        reach = next;
    }
    reach.last().copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Location, Severity};

    #[test]
    fn globs() {
        for (g, p, want) in [
            ("api/*.md", "api/x.md", true),
            ("api/*.md", "api/sub/x.md", false),
            ("api/**", "api/sub/x.md", true),
            ("**/x.md", "x.md", true),
            ("**/x.md", "a/b/x.md", true),
            ("**/x.md", "a/bx.md", false),
            ("api/profile-post?.md", "api/profile-posts.md", true),
            ("api/profile-post?.md", "api/profile-post.md", false),
            ("resources/enums.md", "resources/enums.md", true),
            ("*", "a/b", false),
            ("", "", true),
        ] {
            assert_eq!(glob_matches(g, p), want, "{g} ~ {p}");
        }
    }

    #[test]
    fn command_line_values_and_comments() {
        let d = |code: &str, file: &str| {
            Diagnostic::new(Severity::Warning, code, Location::line(file, 3), "m")
        };
        let mut list = AllowList::parse(&["todo-marker", "placeholder-string:api/*.md"])
            .expect("valid values");
        assert!(list.allows(&d("todo-marker", "resources/x.md")));
        assert!(list.allows(&d("placeholder-string", "api/a.md")));
        assert!(!list.allows(&d("placeholder-string", "resources/a.md")));
        assert!(matches!(
            AllowList::parse(&["no-such"]),
            Err(AllowError::UnknownCode(_))
        ));
        assert!(matches!(
            AllowList::parse(&["todo-marker:"]),
            Err(AllowError::EmptyGlob(_))
        ));
        let page = Source::new(
            "api/a.md",
            "# A\n<!-- codegen-lint: allow placeholder-value, nope -->\n",
        );
        let mut diags = Diagnostics::default();
        list.add_comments(&[page], &mut diags);
        assert!(list.allows(&d("placeholder-value", "api/a.md")));
        assert!(!list.allows(&d("placeholder-value", "api/b.md")));
        let reported = diags.into_sorted();
        assert_eq!(reported.len(), 1);
        assert_eq!(reported[0].code, "allow-unknown-code");
        assert_eq!(reported[0].location.line, 2);
    }
}
