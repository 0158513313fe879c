//! Operations: name, method, path alternatives, request body and response.

use std::collections::HashMap;

use super::types::properties;
use super::{Change, Item};
use crate::emit::paths::{Target, targets};
use crate::ir::{Api, Operation, RequestBody, Response};

/// Operations added, removed or changed. Operations are paired by page (the same file in
/// both trees), then by name; two single pages are always compared with each other.
pub(super) fn diff(old: &Api, new: &Api, out: &mut Vec<Change>) {
    for pair in pairs(&old.operations, &new.operations) {
        match pair {
            (Some(o), None) => out.push(Change::removed(
                Item::Operation,
                o.name.clone(),
                format!("operation removed ({})", o.title),
                &o.source,
            )),
            (None, Some(n)) => out.push(Change::added(
                Item::Operation,
                n.name.clone(),
                format!("operation added ({})", n.title),
                &n.source,
                false,
            )),
            (Some(o), Some(n)) => changed(o, n, out),
            (None, None) => {}
        }
    }
}

type Pair<'a> = (Option<&'a Operation>, Option<&'a Operation>);

fn pairs<'a>(old: &'a [Operation], new: &'a [Operation]) -> Vec<Pair<'a>> {
    let mut by_file: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (i, n) in new.iter().enumerate() {
        by_file.entry(n.source.file.as_str()).or_insert(i);
        by_name.entry(n.name.as_str()).or_insert(i);
    }
    let mut used = vec![false; new.len()];
    let mut out = Vec::new();
    let take = |i: Option<usize>, used: &mut Vec<bool>| -> Option<&'a Operation> {
        let i = i?;
        let slot = used.get_mut(i)?;
        if *slot {
            return None;
        }
        *slot = true;
        new.get(i)
    };
    let mut unpaired = Vec::new();
    for o in old {
        match take(by_file.get(o.source.file.as_str()).copied(), &mut used) {
            Some(n) => out.push((Some(o), Some(n))),
            None => unpaired.push(o),
        }
    }
    let single = old.len() == 1 && new.len() == 1;
    for o in unpaired {
        let by_name = take(by_name.get(o.name.as_str()).copied(), &mut used);
        let n = by_name.or_else(|| {
            if single {
                take(Some(0), &mut used)
            } else {
                None
            }
        });
        out.push((Some(o), n));
    }
    for (i, n) in new.iter().enumerate() {
        if used.get(i) == Some(&false) {
            out.push((None, Some(n)));
        }
    }
    out
}

fn changed(o: &Operation, n: &Operation, out: &mut Vec<Change>) {
    let places = (&o.source, &n.source);
    if o.name != n.name {
        let detail = format!(
            "renamed `{}` → `{}` (title \"{}\")",
            o.name, n.name, n.title
        );
        out.push(Change::changed(
            Item::Operation,
            o.name.clone(),
            detail,
            places,
        ));
    }
    if !o.method.eq_ignore_ascii_case(&n.method) {
        let detail = format!("method {} → {}", o.method, n.method);
        out.push(Change::changed(
            Item::Operation,
            n.name.clone(),
            detail,
            places,
        ));
    }
    paths(o, n, out);
    request(o, n, out);
    response(o, n, out);
}

/// A removed alternative, or a kept one whose target variant is renamed, is breaking; an
/// added one is not.
fn paths(o: &Operation, n: &Operation, out: &mut Vec<Change>) {
    let (old_targets, new_targets) = (targets(&o.paths), targets(&n.paths));
    let variant = |ts: &[Target], p: &str| {
        ts.iter()
            .find(|t| t.template == p)
            .map(|t| t.variant.clone())
    };
    for p in o.paths.iter().filter(|p| !n.paths.contains(p)) {
        let v = variant(&old_targets, p).map_or_else(String::new, |v| format!(" (target `{v}`)"));
        let detail = format!("path alternative removed: {} {p}{v}", o.method);
        out.push(Change::removed(
            Item::Path,
            n.name.clone(),
            detail,
            &o.source,
        ));
    }
    for p in n.paths.iter().filter(|p| !o.paths.contains(p)) {
        let detail = format!("path alternative added: {} {p}", n.method);
        out.push(Change::added(
            Item::Path,
            n.name.clone(),
            detail,
            &n.source,
            false,
        ));
    }
    for p in o.paths.iter().filter(|p| n.paths.contains(p)) {
        if let (Some(a), Some(b)) = (variant(&old_targets, p), variant(&new_targets, p))
            && a != b
        {
            let detail = format!("target variant of {p} renamed `{a}` → `{b}`");
            out.push(Change::changed(
                Item::Path,
                n.name.clone(),
                detail,
                (&o.source, &n.source),
            ));
        }
    }
}

fn request(o: &Operation, n: &Operation, out: &mut Vec<Change>) {
    let places = (&o.source, &n.source);
    let detail = match (&o.request_body, &n.request_body) {
        (None, None) => return,
        (Some(a), None) => format!("request body {} removed", body_text(a)),
        (None, Some(b)) => format!("request body {} added", body_text(b)),
        (Some(a), Some(b)) => {
            properties(
                &n.name,
                Item::RequestProperty,
                &a.properties,
                &b.properties,
                out,
            );
            if same_type(&a.type_name, &b.type_name) && a.collection == b.collection {
                return;
            }
            format!("request body {} → {}", body_text(a), body_text(b))
        }
    };
    out.push(Change::changed(
        Item::RequestBody,
        n.name.clone(),
        detail,
        places,
    ));
}

fn response(o: &Operation, n: &Operation, out: &mut Vec<Change>) {
    let places = (&o.source, &n.source);
    let mut details = Vec::new();
    match (&o.response, &n.response) {
        (None, None) => {}
        (Some(a), None) => {
            details.push(format!("documented response {} removed", response_text(a)))
        }
        (None, Some(b)) => details.push(format!("documented response {} added", response_text(b))),
        (Some(a), Some(b)) => {
            if a.status != b.status {
                details.push(format!("success status {} → {}", a.status, b.status));
            }
            if !same_type(&a.type_name, &b.type_name) || a.collection != b.collection {
                details.push(format!(
                    "response type {} → {}",
                    response_type(a),
                    response_type(b)
                ));
            }
        }
    }
    for detail in details {
        out.push(Change::changed(
            Item::Response,
            n.name.clone(),
            detail,
            places,
        ));
    }
}

fn same_type(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        (a, b) => a == b,
    }
}

fn body_text(b: &RequestBody) -> String {
    let ty = b.type_name.as_deref().unwrap_or("(inline)");
    if b.collection {
        format!("`{ty}` collection")
    } else {
        format!("`{ty}`")
    }
}

fn response_type(r: &Response) -> String {
    match (&r.type_name, r.collection) {
        (None, _) => "(no body)".to_string(),
        (Some(t), false) => format!("`{t}`"),
        (Some(t), true) => format!("`{t}` collection"),
    }
}

fn response_text(r: &Response) -> String {
    format!("{} {}", r.status, response_type(r))
}
