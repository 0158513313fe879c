//! Every documented example request of docs-input/ is rebuilt through the generated
//! endpoints, found by operation name in `registry::OPERATIONS`, from its URL path and
//! JSON body, and must come out as documented: method, path and body.
//!
//! Paths are compared segment by segment after percent-decoding each segment and
//! re-encoding it the way the endpoints encode parameters (`encode_segment`). The docs
//! write ids raw (`a@b.com`, `{id}`) where the endpoints escape them (`a%40b.com`,
//! `%7Bid%7D`), so a plain string comparison would fail on correct requests; decoding the
//! whole path instead would also accept an id containing `%2F` built as two segments.

use std::collections::BTreeSet;

use codegen::emit::paths::{self, Encoding, Piece};
use codegen::ir::{Example, ExampleKind, Operation};
use graph_models::registry::{OPERATIONS, OperationInfo, find_operation};
use graph_models::runtime::{Error, encode_literal, encode_path, encode_segment};
use integration_tests::{UNREADABLE, docs_input};
use serde_json::{Value, json};

/// The example requests of docs-input/, the operations and the requests whose bodies are
/// in `UNREADABLE` (the type placeholders of four create pages: awards,
/// educationalActivities, positions, publications).
const REQUESTS: usize = 104;
const OPERATION_COUNT: usize = 103;
const UNREADABLE_REQUESTS: usize = 4;

/// Example requests (`file:line` of the request line) whose URL has a query string: their
/// method, path and body are checked, the query is not (endpoints take no query options).
const WITH_QUERY: &[&str] = &["api/profile-get.md:298"];

/// The service root the docs' example URLs start with (some give the path alone).
const DOCS_ROOT: &str = "https://graph.microsoft.com/beta";

/// What the check of every example request found.
#[derive(Default)]
struct Tally {
    checked: usize,
    unreadable: usize,
    exercised: BTreeSet<String>,
    with_query: BTreeSet<String>,
    failures: Vec<String>,
}

#[test]
fn every_documented_example_request_is_rebuilt_as_documented() {
    let api = &docs_input().api;
    let mut tally = Tally::default();
    for op in &api.operations {
        let Some(info) = find_operation(&op.name) else {
            tally
                .failures
                .push(format!("{}: not in OPERATIONS", op.name));
            continue;
        };
        for ex in requests(op) {
            tally.check(info, op, ex);
        }
    }
    assert!(
        tally.failures.is_empty(),
        "{} of the example requests fail:\n{}",
        tally.failures.len(),
        tally.failures.join("\n")
    );
    let documented = api.operations.iter().flat_map(requests).count();
    assert_eq!(documented, REQUESTS, "example requests in docs-input/");
    assert_eq!(
        tally.unreadable, UNREADABLE_REQUESTS,
        "pinned unreadable requests"
    );
    assert_eq!(
        tally.checked,
        documented - tally.unreadable,
        "every example request that is not pinned was checked"
    );
    let names: BTreeSet<String> = api.operations.iter().map(|o| o.name.clone()).collect();
    assert_eq!(names.len(), OPERATION_COUNT, "operations in docs-input/");
    assert_eq!(tally.exercised, names, "operations with a checked example");
    let with_query: BTreeSet<String> = WITH_QUERY.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        tally.with_query, with_query,
        "example requests with a query"
    );
}

fn requests(op: &Operation) -> impl Iterator<Item = &Example> {
    op.examples
        .iter()
        .filter(|e| e.kind == ExampleKind::Request)
}

impl Tally {
    fn check(&mut self, info: &OperationInfo, op: &Operation, ex: &Example) {
        let place = ex.source.to_string();
        let url = ex.url.as_deref().unwrap_or_default();
        if url.contains('?') {
            self.with_query.insert(place.clone());
        }
        let body_place = ex.body_source.as_ref().map(|l| l.to_string());
        let result = if body_place.is_some_and(|b| UNREADABLE.contains(&b.as_str())) {
            self.unreadable += 1;
            unreadable_but_addressed(info, op, ex)
        } else {
            self.checked += 1;
            rebuild(info, op, ex, ex.body.as_ref())
                .and_then(|request| same_body(&request, ex.body.as_ref()))
        };
        match result {
            Ok(()) => {
                self.exercised.insert(op.name.clone());
            }
            Err(why) => self
                .failures
                .push(format!("{place}: {} {url}: {why}", op.name)),
        }
    }
}

/// A pinned example's body still does not deserialize (when the docs are fixed, unpin
/// it), and with an empty body instead its method and path are still rebuilt as
/// documented: the operation is exercised, only its body is not compared.
fn unreadable_but_addressed(
    info: &OperationInfo,
    op: &Operation,
    ex: &Example,
) -> Result<(), String> {
    let path = service_path(ex.url.as_deref().unwrap_or_default())?;
    match (info.build)(path, ex.body.as_ref()) {
        Some(Err(Error::Json(_))) => rebuild(info, op, ex, Some(&json!({}))).map(drop),
        None => Err("matches none of the documented paths".to_string()),
        Some(other) => Err(format!("pinned as unreadable, but builds: {other:?}")),
    }
}

/// The request built from the example's path and `body`, checked for the documented
/// method and path.
fn rebuild(
    info: &OperationInfo,
    op: &Operation,
    ex: &Example,
    body: Option<&Value>,
) -> Result<http::Request<Vec<u8>>, String> {
    let path = service_path(ex.url.as_deref().unwrap_or_default())?;
    let request = (info.build)(path, body)
        .ok_or("matches none of the documented paths")?
        .map_err(|e| format!("does not build: {e}"))?;
    let methods = [Some(op.method.as_str()), ex.method.as_deref()];
    if methods
        .iter()
        .any(|m| *m != Some(request.method().as_str()))
    {
        return Err(format!(
            "built {}, documented {methods:?}",
            request.method()
        ));
    }
    same_path(&request, path)?;
    Ok(request)
}

/// The path below the service root of an example URL, query string included.
fn service_path(url: &str) -> Result<&str, String> {
    let path = url.trim();
    let path = path.strip_prefix(DOCS_ROOT).unwrap_or(path);
    if path.starts_with('/') {
        Ok(path)
    } else {
        Err(format!("is not below {DOCS_ROOT}"))
    }
}

fn same_path(request: &http::Request<Vec<u8>>, documented: &str) -> Result<(), String> {
    let uri = request.uri().to_string();
    let built = uri
        .strip_prefix(graph_models::BASE_URL)
        .ok_or_else(|| format!("built {uri}, not below the base URL"))?;
    let documented = documented.split('?').next().unwrap_or_default();
    if canonical(built) == canonical(documented) && canonical(built).is_some() {
        Ok(())
    } else {
        Err(format!("built path {built}"))
    }
}

fn same_body(request: &http::Request<Vec<u8>>, documented: Option<&Value>) -> Result<(), String> {
    let Some(documented) = documented else {
        return if request.body().is_empty() {
            Ok(())
        } else {
            Err("sent a body, none is documented".to_string())
        };
    };
    let sent: Value = serde_json::from_slice(request.body())
        .map_err(|e| format!("sent a body that is not JSON: {e}"))?;
    let json = request.headers().get(http::header::CONTENT_TYPE);
    if json.is_none_or(|v| v != "application/json") {
        return Err(format!("content-type {json:?}"));
    }
    if sent == *documented {
        Ok(())
    } else {
        Err(format!("sent {sent}\n  documented {documented}"))
    }
}

/// Each `/`-separated segment percent-decoded, then encoded as `encode_segment` does;
/// `None` when a segment is not valid percent-encoded UTF-8.
fn canonical(path: &str) -> Option<String> {
    let segments: Option<Vec<String>> = path
        .split('/')
        .map(|s| percent_decode(s).map(|d| encode_segment(&d)))
        .collect();
    segments.map(|s| s.join("/"))
}

fn percent_decode(text: &str) -> Option<String> {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.bytes();
    while let Some(b) = bytes.next() {
        if b != b'%' {
            out.push(b);
            continue;
        }
        let hex = [bytes.next()?, bytes.next()?];
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        out.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
    }
    String::from_utf8(out).ok()
}

/// Ids that need encoding, look like template text, or are empty.
const AWKWARD: &[&str] = &[
    "", " ", "a b", "a/b", "/", "%", "%25", "%zz", "'", "a'b", "ü", "日本", "😀", "?x=1", "#frag",
    ":", "a@b.com", "{id}", "(", ")", ",", "..", "me", "profile",
];

/// Every documented path template of every operation, with its parameters set to awkward
/// ids and encoded as the endpoints encode them, builds a request for exactly that path:
/// `path(from_path(p)) == p`, so `from_path` found the ids back.
#[test]
fn every_documented_template_rebuilds_paths_with_awkward_ids() {
    let mut checked = 0;
    for op in &docs_input().api.operations {
        let info = find_operation(&op.name).expect("in OPERATIONS");
        let body = op.request_body.as_ref().map(|_| json!({}));
        for template in &op.paths {
            let pieces = paths::parse(template);
            for shift in 0..AWKWARD.len() {
                let path = filled(&pieces, shift);
                let request = (info.build)(&path, body.as_ref())
                    .unwrap_or_else(|| panic!("{}: {path} matches no template", op.name))
                    .unwrap_or_else(|e| panic!("{}: {path} does not build: {e}", op.name));
                let uri = request.uri().to_string();
                assert_eq!(
                    uri.strip_prefix(graph_models::BASE_URL),
                    Some(path.as_str())
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 204 * AWKWARD.len(), "documented templates × ids");
}

/// The template with parameter `i` set to `AWKWARD[(shift + i) % len]`, encoded.
fn filled(pieces: &[Piece], shift: usize) -> String {
    let mut ids = AWKWARD.iter().cycle().skip(shift);
    let mut path = String::new();
    for piece in pieces {
        match piece {
            Piece::Literal(text) => path.push_str(text),
            Piece::Param(p) => {
                let id = ids.next().copied().unwrap_or_default();
                path.push_str(&match p.encoding {
                    Encoding::Segment => encode_segment(id),
                    Encoding::Literal => encode_literal(id),
                    Encoding::Path => encode_path(id),
                });
            }
        }
    }
    path
}

#[test]
fn the_registry_lists_every_operation_sorted_by_name() {
    let api = &docs_input().api;
    let names: Vec<&str> = OPERATIONS.iter().map(|o| o.name).collect();
    let mut documented: Vec<&str> = api.operations.iter().map(|o| o.name.as_str()).collect();
    documented.sort_unstable();
    assert_eq!(names, documented);
    for op in &api.operations {
        let info = find_operation(&op.name).expect("found by name");
        assert_eq!(info.name, op.name);
        assert_eq!(info.method.as_str(), op.method);
    }
    assert!(
        find_operation("getitempublication").is_none(),
        "names are case-sensitive"
    );
    assert!(find_operation("").is_none());
}
