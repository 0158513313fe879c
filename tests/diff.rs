//! `codegen diff` on the seed pages against their 2021 versions (copied into
//! `tests/fixtures/diff/graph-beta-2021/`, see its SOURCE.txt).

use codegen::diff::{self, Change, ChangeKind, Item, Options};
use codegen::ir::Api;
use integration_tests::root;

fn page(path: &str) -> Api {
    let full = root().join(path);
    codegen::pipeline::load_file(&full)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .api
}

fn seed_vs_2021(name: &str) -> Vec<Change> {
    let old = page(&format!("tests/fixtures/diff/graph-beta-2021/api/{name}"));
    let new = page(&format!("docs-input/api/{name}"));
    diff::diff_with(&old, &new, Options { pages: true })
}

/// (change, item, name, breaking) of every change, for comparing whole lists.
fn summary(changes: &[Change]) -> Vec<(ChangeKind, Item, String, bool)> {
    changes
        .iter()
        .map(|c| (c.change, c.item, c.name.clone(), c.breaking))
        .collect()
}

/// The 2021 page documented `POST /me/profile/positions` and
/// `POST /users/{id | userPrincipalName}/profile/positions`; the seed documents only
/// `POST /user/{userId}/profile/positions`. Its request table adds the itemFacet rows
/// (createdBy, createdDateTime, lastModifiedBy, lastModifiedDateTime, isSearchable) and
/// types `source` as `personDataSources` (2021: `personDataSource`). `allowedAudiences` was
/// "String + Possible values" (an inferred enum on the page) and is now typed
/// `allowedAudiences`, defined elsewhere.
#[test]
fn positions_lost_its_documented_paths_and_retyped_source() {
    let changes = seed_vs_2021("profile-post-positions.md");
    use ChangeKind::{Added, Changed, Removed};
    use Item::{Enum, Path, RequestProperty};
    let op = "createWorkPosition";
    let expected = vec![
        (Removed, Path, op.to_string(), true),
        (Removed, Path, op.to_string(), true),
        (Changed, RequestProperty, format!("{op}.source"), true),
        (Added, Path, op.to_string(), false),
        (Added, RequestProperty, format!("{op}.createdBy"), false),
        (
            Added,
            RequestProperty,
            format!("{op}.createdDateTime"),
            false,
        ),
        (Added, RequestProperty, format!("{op}.isSearchable"), false),
        (
            Added,
            RequestProperty,
            format!("{op}.lastModifiedBy"),
            false,
        ),
        (
            Added,
            RequestProperty,
            format!("{op}.lastModifiedDateTime"),
            false,
        ),
        (
            Removed,
            Enum,
            "microsoft.graph.allowedAudiences".to_string(),
            false,
        ),
    ];
    assert_eq!(summary(&changes), expected, "{}", diff::human(&changes));
    let details: Vec<&str> = changes.iter().map(|c| c.detail.as_str()).collect();
    assert!(
        details.contains(&"path alternative removed: POST /me/profile/positions (target `Me`)")
    );
    assert!(details.contains(
        &"path alternative removed: POST /users/{id | userPrincipalName}/profile/positions (target `Users`)"
    ));
    assert!(details.contains(&"path alternative added: POST /user/{userId}/profile/positions"));
    assert!(details.contains(
        &"type `microsoft.graph.personDataSource` → `microsoft.graph.personDataSources`"
    ));
    assert!(diff::has_breaking(&changes));
}

/// Between 2021 and the seeds these three pages changed only prose, permissions (now an
/// include), SDK tabs, `Content-length` headers and (projects) one example member: no
/// change to the operation a Rust user sees.
#[test]
fn publications_certifications_and_projects_did_not_change_their_api() {
    for name in [
        "profile-post-publications.md",
        "profile-post-certifications.md",
        "profile-post-projects.md",
    ] {
        let changes = seed_vs_2021(name);
        assert!(changes.is_empty(), "{name}: {}", diff::human(&changes));
    }
}

/// `profile-post.md` (Create profile) is new: compared with nothing, its operation is added.
#[test]
fn create_profile_is_new() {
    let new = page("docs-input/api/profile-post.md");
    let changes = diff::diff_with(&Api::default(), &new, Options { pages: true });
    assert_eq!(
        summary(&changes),
        vec![(
            ChangeKind::Added,
            Item::Operation,
            "createProfile".to_string(),
            false
        )]
    );
}

/// Two whole trees: the seed tree against itself has no changes; against an empty tree
/// everything is removed, and all of it is breaking.
#[test]
fn trees_compare_by_name() {
    let seeds = &integration_tests::docs_input().api;
    assert!(diff::diff(seeds, seeds).is_empty());
    let gone = diff::diff(seeds, &Api::default());
    assert_eq!(
        gone.len(),
        seeds.types.len() + seeds.enums.len() + seeds.operations.len()
    );
    assert!(
        gone.iter()
            .all(|c| c.breaking && c.change == ChangeKind::Removed)
    );
}
