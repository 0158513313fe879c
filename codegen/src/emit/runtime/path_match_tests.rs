//! Tests of `match_templates`: the inverse of the targets' `path()`.

use super::*;

const ITEM: &str = "/users/{}/items/{}";
const REPORT: &str = "/reports/f(period='{'}')";
const ACTION: &str = "/drives/{}/root:/{/}:/microsoft.graph.act(name='{'}',x={})/$ref";
const FLAGGED: &str = "/me/flagged()";

/// Values that need encoding, look like template text, or are not there at all.
const AWKWARD: &[&str] = &[
    "", " ", "a b", "a/b", "/", "//", "%", "%25", "%zz", "'", "''", "a'b", "'')", "ü", "日本",
    "😀", "?x=1", "#frag", ":", ":/", "a:/b", "a@b.com", "{id}", ",", ")", "(", "x)/$ref",
    "..", ".", "+", "=", "\\", "\u{0}", "\u{7f}", "me",
];

fn values(path: &str, templates: &[&str]) -> Option<(usize, Vec<String>)> {
    match_templates(path, templates).map(|(index, values)| (index, values.remaining().to_vec()))
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

#[test]
fn every_encoded_value_is_found_back() {
    for a in AWKWARD {
        for b in AWKWARD {
            let item = ["/users/", &encode_segment(a), "/items/", &encode_segment(b)].concat();
            assert_eq!(values(&item, &[ITEM]), Some((0, strings(&[a, b]))), "{item}");
            let report = ["/reports/f(period='", &encode_literal(a), "')"].concat();
            assert_eq!(values(&report, &[REPORT]), Some((0, strings(&[a]))));
            let action = [
                "/drives/",
                &encode_segment(a),
                "/root:/",
                &encode_path(b),
                ":/microsoft.graph.act(name='",
                &encode_literal(b),
                "',x=",
                &encode_segment(a),
                ")/$ref",
            ]
            .concat();
            let want = Some((0, strings(&[a, b, b, a])));
            assert_eq!(values(&action, &[ACTION]), want, "{action}");
        }
    }
}

#[test]
fn literals_ignore_case_slashes_and_the_query_string() {
    let want = Some((0, strings(&["a", "b"])));
    for path in [
        "/users/a/items/b",
        "users/a/items/b",
        "/USERS/a/Items/b",
        "/users/a/items/b/",
        "/users/a/items/b?$select=id",
        "/users/a/items/b/?$filter=a eq 'b/c'",
        "/users/a/items/b#x",
    ] {
        assert_eq!(values(path, &[ITEM]), want, "{path}");
    }
    assert_eq!(values("/ME/Flagged()", &[FLAGGED]), Some((0, vec![])));
    // Values keep their case; raw characters that need no decoding stay as they are.
    let raw = values("/users/Adele@Contoso.com/items/{id}", &[ITEM]);
    assert_eq!(raw, Some((0, strings(&["Adele@Contoso.com", "{id}"]))));
    let quoted = values("/reports/f(period='it''s')", &[REPORT]);
    assert_eq!(quoted, Some((0, strings(&["it's"]))));
}

#[test]
fn paths_that_do_not_match_are_none() {
    for path in [
        "",
        "/",
        "/users/a/items",
        "/users/a/items/b/c",
        "/users/a/b/items/c",
        "/users/a/items/b//",
        "/groups/a/items/b",
        "/reports/f(period='x)",
        "/me/flagged",
        "/me/flagged()x",
    ] {
        assert_eq!(values(path, &[ITEM, REPORT, FLAGGED]), None, "{path}");
    }
    assert_eq!(values("/anything", &[]), None);
}

#[test]
fn bad_percent_encoding_is_none() {
    for id in ["%", "%4", "%zz", "%G0", "%FF", "%C3", "%C3%28", "a%2"] {
        let path = format!("/users/{id}/items/b");
        assert_eq!(values(&path, &[ITEM]), None, "{path}");
    }
}

#[test]
fn the_first_matching_template_wins() {
    const ME: &str = "/users/me/items/{}";
    assert_eq!(
        values("/users/me/items/b", &[ITEM, ME]),
        Some((0, strings(&["me", "b"])))
    );
    assert_eq!(
        values("/users/me/items/b", &[ME, ITEM]),
        Some((0, strings(&["b"])))
    );
    // A template that matches the path as given beats one that matches it without its
    // trailing `/`, whatever their order.
    const LIST: &str = "/users/{}/items";
    assert_eq!(
        values("/users/a/items/", &[LIST, ITEM]),
        Some((1, strings(&["a", ""])))
    );
    assert_eq!(
        values("/users/a/items", &[ITEM, LIST]),
        Some((1, strings(&["a"])))
    );
}

#[test]
fn values_are_taken_in_order_and_never_run_out() {
    let (_, mut values) = match_templates("/users/a/items/b", &[ITEM]).unwrap_or_default();
    assert_eq!(values.next_value(), "a");
    assert_eq!(values.remaining(), ["b"]);
    assert_eq!(values.next_value(), "b");
    assert_eq!(values.next_value(), "", "past the end: empty, no panic");
    assert!(values.remaining().is_empty());
}

#[test]
fn templates_with_unknown_or_unclosed_markers_match_nothing() {
    for template in ["/users/{x}", "/users/{", "/users/{}}", "/users/{'"] {
        assert_eq!(values("/users/a", &[template]), None, "{template}");
    }
    assert_eq!(values("/users/a}", &["/users/{}}"]), Some((0, strings(&["a"]))));
    assert_eq!(values("/", &[""]), None);
}
