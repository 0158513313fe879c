use super::*;

#[test]
fn legacy_namespace_becomes_graph_with_a_warning() {
    let mut d = Diagnostics::default();
    let at = Location::line("api/x.md", 4);
    let q = qualify(
        "Microsoft.Fast.PI.ViewGenerator.V2.Profile.Models.identitySet",
        GRAPH,
        &at,
        &mut d,
    );
    assert_eq!(q, "microsoft.graph.identitySet");
    let all = d.into_sorted();
    assert_eq!(all[0].code, "non-standard-namespace");
    assert_eq!(all[0].location.line, 4);
}

#[test]
fn bare_and_qualified_names() {
    let mut d = Diagnostics::default();
    let at = Location::default();
    assert_eq!(
        qualify("itemFacet", GRAPH, &at, &mut d),
        "microsoft.graph.itemFacet"
    );
    assert_eq!(
        qualify("microsoft.graph.callRecords.session", GRAPH, &at, &mut d),
        "microsoft.graph.callRecords.session"
    );
    assert_eq!(
        qualify("session", "microsoft.graph.callRecords", &at, &mut d),
        "microsoft.graph.callRecords.session"
    );
}

#[test]
fn namespaces_take_the_spelling_most_pages_use() {
    let spellings = [
        "microsoft.graph.termStore",
        "microsoft.graph.termstore",
        "microsoft.graph.termStore",
        "microsoft.graph.b",
        "microsoft.graph.B",
        "microsoft.graph",
        "microsoft.graph.termstore",
        "microsoft.graph.termStore",
    ];
    let mut pages: Vec<PageFragments> = spellings
        .iter()
        .enumerate()
        .map(|(i, ns)| PageFragments {
            path: format!("p{i}.md"),
            namespace: ns.to_string(),
            ..PageFragments::default()
        })
        .collect();
    let mut d = Diagnostics::default();
    canonical_namespaces(&mut pages, &mut d);
    let got: Vec<&str> = pages.iter().map(|p| p.namespace.as_str()).collect();
    // A tie goes to the smallest spelling (`B` < `b`).
    let t = "microsoft.graph.termStore";
    let b = "microsoft.graph.B";
    assert_eq!(got, [t, t, t, b, b, "microsoft.graph", t, t]);
    let noted: Vec<String> = d
        .into_sorted()
        .into_iter()
        .map(|n| n.location.file.clone())
        .collect();
    assert_eq!(noted, ["p1.md", "p3.md", "p6.md"]);
}

#[test]
fn keys_are_lowered_as_to_ascii_lowercase_lowers_them() {
    let long = "microsoft.graph.".repeat(9);
    let cases: [&[&str]; 7] = [
        &[],
        &[""],
        &["Microsoft.Graph.ItemFacet"],
        &[GRAPH, ".", "ÉtatCivil"],
        &["a\r\nB\u{a0}C", "\u{1}D"],
        &[long.as_str()],
        &[&long[..KEY_ROOM - 1], "X"],
    ];
    for parts in cases {
        let mut buf = [0u8; KEY_ROOM];
        let want = parts.concat().to_ascii_lowercase();
        match lowered_into(parts, &mut buf) {
            Some(key) => assert_eq!(key, want),
            None => assert!(want.len() > KEY_ROOM, "{want:?}"),
        }
    }
    let mut names = Names::default();
    names.add("microsoft.graph.itemFacet", None);
    names.add(&format!("{long}Big"), None);
    assert_eq!(
        names.get("MICROSOFT.GRAPH.ITEMFACET"),
        Some("microsoft.graph.itemFacet")
    );
    assert_eq!(
        names.find_name("microsoft.graph.x.ItemFacet").as_deref(),
        Some("microsoft.graph.itemFacet")
    );
    let big = format!("{long}BIG");
    assert_eq!(names.get(&big), Some(format!("{long}Big").as_str()));
    assert_eq!(names.get("microsoft.graph.none"), None);
}

#[test]
fn links_join_relative_to_the_page() {
    assert_eq!(
        join("api/a.md", "../resources/b.md").as_deref(),
        Some("resources/b.md")
    );
    assert_eq!(
        join("resources/a.md", "b.md#x").as_deref(),
        Some("resources/b.md")
    );
    assert_eq!(join("resources/a.md", "https://x/y.md"), None);
}
