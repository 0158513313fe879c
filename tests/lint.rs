//! `codegen lint`: every rule fires where its fixture says and not in its clean twin; the
//! five seed pages report exactly the problems they have; the output formats parse.

use std::collections::BTreeSet;
use std::path::Path;

use codegen::diag::Diagnostic;
use codegen::lint::{self, AllowList, RULES};
use integration_tests::{docs_input, root};

/// Rules without a fixture, and why.
const NO_FIXTURE: &[(&str, &str)] = &[
    (
        "io-error",
        "needs an unreadable file; tests/cli.rs covers it with a dangling symlink",
    ),
    (
        "page-shadowed",
        "needs two docs folders, which only the build API takes; codegen's build tests cover it",
    ),
];

fn lint_tree(dir: &Path) -> Vec<Diagnostic> {
    let loaded =
        codegen::pipeline::load(dir).unwrap_or_else(|e| panic!("{} loads: {e}", dir.display()));
    lint::lint(&loaded, &AllowList::default())
}

fn places(diags: &[Diagnostic], code: &str) -> BTreeSet<String> {
    diags
        .iter()
        .filter(|d| d.code == code)
        .map(|d| format!("{}:{}", d.location.file, d.location.line))
        .collect()
}

/// `tests/fixtures/lint/<code>/{fires,clean}/` are minimal docs trees (a resource page and
/// an API page, a third page where the rule needs one); `expected` lists `file:line` for
/// every place the rule must report in `fires` (line 0: the whole file).
#[test]
fn every_rule_fires_exactly_where_its_fixture_says_and_not_in_the_clean_one() {
    let fixtures = root().join("tests/fixtures/lint");
    let mut failures = Vec::new();
    for rule in RULES {
        if NO_FIXTURE.iter().any(|(code, _)| *code == rule.code) {
            continue;
        }
        let dir = fixtures.join(rule.code);
        let Ok(expected) = std::fs::read_to_string(dir.join("expected")) else {
            failures.push(format!("{}: no fixture", rule.code));
            continue;
        };
        let expected: BTreeSet<String> = expected.lines().map(str::to_string).collect();
        let fired = places(&lint_tree(&dir.join("fires")), rule.code);
        if fired != expected {
            failures.push(format!(
                "{}: fired at {fired:?}, expected {expected:?}",
                rule.code
            ));
        }
        let clean = places(&lint_tree(&dir.join("clean")), rule.code);
        if !clean.is_empty() {
            failures.push(format!("{}: fired in clean at {clean:?}", rule.code));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Codes that are picked together with their severity (`(Severity::Warning,
/// "type-text-union", ...)`, `("placeholder-value", Severity::Warning, ...)`) and recorded
/// later through `Diagnostic::new`, which the library's scan of `.warning("code", ...)`
/// calls does not see: each must be a rule too.
#[test]
fn codes_chosen_with_their_severity_are_rules() {
    let mut stack = vec![root().join("codegen/src")];
    let mut seen = BTreeSet::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("codegen/src").flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("emit") {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("UTF-8 source");
                let text = text.split("#[cfg(test)]").next().unwrap_or("");
                seen.extend(codes_next_to_a_severity(text));
            }
        }
    }
    for code in ["type-text-union", "placeholder-value"] {
        assert!(seen.contains(code), "the scan finds `{code}`: {seen:?}");
    }
    let missing: Vec<_> = seen
        .iter()
        .filter(|c| lint::rules::find(c).is_none())
        .collect();
    assert!(missing.is_empty(), "unregistered codes: {missing:?}");
}

/// Kebab-case string literals written right before or after `Severity::X,`.
fn codes_next_to_a_severity(text: &str) -> Vec<String> {
    let kebab = |s: &str| {
        s.contains('-')
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let mut out = Vec::new();
    for (i, _) in text.match_indices("Severity::") {
        let after = &text[i + "Severity::".len()..];
        let word_len = after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        if !matches!(&after[..word_len], "Error" | "Warning" | "Note") {
            continue;
        }
        // `Severity::Warning, "code"`
        if let Some(lit) = after[word_len..]
            .trim_start()
            .strip_prefix(',')
            .and_then(|r| r.trim_start().strip_prefix('"'))
            && let Some(end) = lit.find('"')
            && kebab(&lit[..end])
        {
            out.push(lit[..end].to_string());
        }
        // `"code", Severity::Warning`
        if let Some(before) = text[..i].trim_end().strip_suffix(',')
            && let Some(before) = before.trim_end().strip_suffix('"')
            && let Some(start) = before.rfind('"')
            && kebab(&before[start + 1..])
        {
            out.push(before[start + 1..].to_string());
        }
    }
    out
}

#[test]
fn every_fixture_belongs_to_a_rule() {
    let fixtures = root().join("tests/fixtures/lint");
    for entry in std::fs::read_dir(fixtures).expect("fixtures").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(lint::rules::find(&name).is_some(), "stray fixture {name}");
    }
}

/// Every problem in the five seed pages, as `(code, file:line)`. Each was read in the page:
/// - TODO placeholders left in front matter, permission tables and property descriptions
///   (profile-post.md, profile-post-positions.md);
/// - the internal namespace `Microsoft.Fast.PI.ViewGenerator.V2.Profile.Models` in request
///   tables, annotations and `@odata.type` values;
/// - `personDataSources` (plural): no such type; itemFacet documents `source` as
///   `personDataSource`; the example bodies use the same wrong name in `@odata.type`;
/// - `isSearchable` documented only in the positions request table, not on itemFacet;
/// - type placeholders as values: "Date", "Boolean", "String (timestamp)",
///   "datetime-value" (unreadable) and "String" (readable but meaningless);
/// - `companyCode` in the projects response: companyDetail documents no such property;
/// - links to `../resources/projectParticipation.md`, but the page is `projectparticipation.md`.
const SEED_FINDINGS: &[(&str, &str)] = &[
    (
        "placeholder-value",
        "api/profile-post-certifications.md:151",
    ),
    (
        "placeholder-value",
        "api/profile-post-certifications.md:152",
    ),
    (
        "placeholder-value",
        "api/profile-post-certifications.md:155",
    ),
    ("todo-marker", "api/profile-post-positions.md:4"),
    ("todo-marker", "api/profile-post-positions.md:6"),
    ("todo-marker", "api/profile-post-positions.md:22"),
    ("todo-marker", "api/profile-post-positions.md:23"),
    ("todo-marker", "api/profile-post-positions.md:24"),
    ("todo-marker", "api/profile-post-positions.md:49"),
    ("non-standard-namespace", "api/profile-post-positions.md:50"),
    ("todo-marker", "api/profile-post-positions.md:50"),
    ("todo-marker", "api/profile-post-positions.md:51"),
    ("non-standard-namespace", "api/profile-post-positions.md:52"),
    ("todo-marker", "api/profile-post-positions.md:52"),
    ("todo-marker", "api/profile-post-positions.md:53"),
    ("non-standard-namespace", "api/profile-post-positions.md:54"),
    ("todo-marker", "api/profile-post-positions.md:54"),
    ("non-standard-namespace", "api/profile-post-positions.md:55"),
    ("property-disagrees", "api/profile-post-positions.md:55"),
    ("todo-marker", "api/profile-post-positions.md:55"),
    ("unresolved-type", "api/profile-post-positions.md:55"),
    (
        "property-only-in-request-table",
        "api/profile-post-positions.md:56",
    ),
    ("todo-marker", "api/profile-post-positions.md:56"),
    ("todo-marker", "api/profile-post-positions.md:57"),
    ("non-standard-namespace", "api/profile-post-positions.md:58"),
    ("todo-marker", "api/profile-post-positions.md:58"),
    ("non-standard-namespace", "api/profile-post-positions.md:59"),
    ("todo-marker", "api/profile-post-positions.md:59"),
    ("non-standard-namespace", "api/profile-post-positions.md:60"),
    ("todo-marker", "api/profile-post-positions.md:60"),
    ("todo-marker", "api/profile-post-positions.md:61"),
    ("non-standard-namespace", "api/profile-post-positions.md:83"),
    ("placeholder-string", "api/profile-post-positions.md:84"),
    (
        "example-odata-type-unknown",
        "api/profile-post-positions.md:92",
    ),
    ("placeholder-value", "api/profile-post-positions.md:94"),
    ("placeholder-string", "api/profile-post-positions.md:95"),
    ("placeholder-value", "api/profile-post-positions.md:109"),
    (
        "non-standard-namespace",
        "api/profile-post-positions.md:123",
    ),
    (
        "non-standard-namespace",
        "api/profile-post-positions.md:127",
    ),
    ("placeholder-string", "api/profile-post-positions.md:129"),
    ("placeholder-value", "api/profile-post-positions.md:133"),
    ("placeholder-value", "api/profile-post-positions.md:137"),
    (
        "example-odata-type-unknown",
        "api/profile-post-positions.md:142",
    ),
    ("placeholder-value", "api/profile-post-positions.md:144"),
    ("placeholder-string", "api/profile-post-positions.md:145"),
    ("placeholder-value", "api/profile-post-positions.md:159"),
    ("link-case-mismatch", "api/profile-post-projects.md:17"),
    ("link-case-mismatch", "api/profile-post-projects.md:48"),
    (
        "example-property-undocumented",
        "api/profile-post-projects.md:199",
    ),
    ("placeholder-value", "api/profile-post-projects.md:205"),
    ("placeholder-value", "api/profile-post-projects.md:208"),
    ("placeholder-value", "api/profile-post-publications.md:82"),
    ("placeholder-value", "api/profile-post-publications.md:160"),
    ("todo-marker", "api/profile-post.md:4"),
    ("todo-marker", "api/profile-post.md:6"),
    ("todo-marker", "api/profile-post.md:21"),
    ("todo-marker", "api/profile-post.md:22"),
    ("todo-marker", "api/profile-post.md:23"),
    ("todo-marker", "api/profile-post.md:48"),
    ("non-standard-namespace", "api/profile-post.md:70"),
    ("non-standard-namespace", "api/profile-post.md:84"),
    ("non-standard-namespace", "api/profile-post.md:87"),
];

/// The five seed pages in docs-input/.
const SEED_PAGES: &[&str] = &[
    "api/profile-post.md",
    "api/profile-post-certifications.md",
    "api/profile-post-positions.md",
    "api/profile-post-projects.md",
    "api/profile-post-publications.md",
];

#[test]
fn the_seed_pages_report_exactly_their_problems() {
    let all = lint::lint(docs_input(), &AllowList::default());
    let seeds: BTreeSet<(String, String)> = all
        .iter()
        .filter(|d| SEED_PAGES.contains(&d.location.file.as_str()))
        .map(|d| {
            let place = format!("{}:{}", d.location.file, d.location.line);
            (d.code.clone(), place)
        })
        .collect();
    let expected: BTreeSet<(String, String)> = SEED_FINDINGS
        .iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect();
    let missing: Vec<_> = expected.difference(&seeds).collect();
    let unexpected: Vec<_> = seeds.difference(&expected).collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "missing: {missing:#?}\nunexpected: {unexpected:#?}"
    );
    let errors = all
        .iter()
        .filter(|d| d.severity == codegen::diag::Severity::Error)
        .count();
    assert_eq!(lint::exit_code(&all, false), u8::from(errors > 0));
}

#[test]
fn allowing_a_rule_by_code_and_by_glob() {
    let all = lint::lint(docs_input(), &AllowList::default());
    let allow = AllowList::parse(&["todo-marker", "placeholder-value:api/profile-post-p*.md"])
        .expect("valid --allow values");
    let allowed = lint::lint(docs_input(), &allow);
    assert!(all.iter().any(|d| d.code == "todo-marker"));
    assert!(!allowed.iter().any(|d| d.code == "todo-marker"));
    let placeholder_files: BTreeSet<&str> = allowed
        .iter()
        .filter(|d| d.code == "placeholder-value")
        .filter(|d| SEED_PAGES.contains(&d.location.file.as_str()))
        .map(|d| d.location.file.as_str())
        .collect();
    assert_eq!(
        placeholder_files,
        BTreeSet::from(["api/profile-post-certifications.md"]),
        "among the seeds, `p*` matches positions, projects and publications only"
    );
}
