//! Name patterns: `*` matches any run of characters (dots included), `?` one character;
//! everything else matches itself, case-sensitively.
//!
//! Written here rather than taken from `globset`: names are not paths, the two wildcards
//! are all that is needed, and a build dependency should stay small.

/// Whether `name` matches `pattern`.
///
/// ```
/// use codegen::select::glob_match;
///
/// assert!(glob_match("microsoft.graph.item*", "microsoft.graph.itemPublication"));
/// assert!(glob_match("create?tem*", "createItemPublication"));
/// assert!(!glob_match("item*", "microsoft.graph.itemPublication"));
/// ```
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni) = (0, 0);
    // The last `*` seen and the name position it was tried at, for backtracking.
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ni));
                pi += 1;
            }
            Some(&c) if c == '?' || Some(&c) == n.get(ni) => {
                pi += 1;
                ni += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    pi = sp + 1;
                    ni = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|&c| c == '*'))
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn wildcards_match_runs_and_single_characters() {
        let cases = [
            ("*", "", true),
            ("", "", true),
            ("", "a", false),
            ("a*", "a", true),
            ("*b", "aab", true),
            ("a*b*c", "axxbyyc", true),
            ("a*b*c", "axxbyy", false),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("**x", "yx", true),
            ("microsoft.graph.*", "microsoft.graph.a.b", true),
            ("Item*", "itemFacet", false),
            ("é*", "éa", true),
        ];
        for (pattern, name, want) in cases {
            assert_eq!(glob_match(pattern, name), want, "{pattern:?} {name:?}");
        }
    }
}
