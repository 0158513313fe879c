//! Operations: request lines, bodies, responses and typed examples.

use std::collections::BTreeMap;

use heck::ToLowerCamelCase;

use super::types::{self, Origin};
use super::{Resolver, qualify};
use crate::diag::Diagnostics;
use crate::extract::{ExampleFragment, OperationFragment, PageFragments, type_text};
use crate::ir::{Example, ExampleKind, Header, Operation, RequestBody, Response};

/// Builds one operation per API page; clashing names fall back to the file name.
pub(super) fn build(
    r: &mut Resolver,
    pages: &[PageFragments],
    diags: &mut Diagnostics,
) -> Vec<Operation> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for op in pages.iter().filter_map(|p| p.operation.as_ref()) {
        *count.entry(op.name.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for page in pages {
        let Some(op) = &page.operation else { continue };
        let mut built = operation(r, op, page, diags);
        if count.get(op.name.as_str()).copied().unwrap_or(0) > 1 {
            built.name = file_name(&page.path);
            diags.note(
                "operation-name-clash",
                op.source.clone(),
                format!(
                    "several pages are titled `{}`; this operation is named `{}` after its file",
                    op.title, built.name
                ),
            );
        }
        out.push(built);
    }
    out
}

fn file_name(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md")
        .unwrap_or(file)
        .to_lower_camel_case()
}

fn operation(
    r: &mut Resolver,
    op: &OperationFragment,
    page: &PageFragments,
    diags: &mut Diagnostics,
) -> Operation {
    let request_body = request_body(r, op, page, diags);
    let response = op.response.as_ref().map(|resp| {
        let ty = resp
            .type_ref
            .as_ref()
            .map(|t| r.lookup(t, &page.path, &page.namespace, &resp.source, diags));
        Response {
            status: resp.status,
            type_name: ty,
            collection: resp.type_ref.as_ref().is_some_and(|t| t.collection),
        }
    });
    if op.response.is_none() {
        diags.warning(
            "response-undocumented",
            op.source.clone(),
            "the Response section gives no status code (expected a sentence like \"returns a `200 OK` response code\")",
        );
    }
    let mut paths: Vec<String> = Vec::new();
    for l in &op.paths {
        if !paths.contains(&l.path) {
            paths.push(l.path.clone());
        }
    }
    let examples = op
        .examples
        .iter()
        .map(|e| example(r, e, request_body.as_ref(), response.as_ref(), page, diags))
        .collect();
    Operation {
        name: op.name.clone(),
        title: op.title.clone(),
        description: op.description.clone(),
        method: op.method.clone(),
        paths,
        request_body,
        response,
        permissions: op.permissions.clone(),
        examples,
        source: op.source.clone(),
    }
}

fn request_body(
    r: &mut Resolver,
    op: &OperationFragment,
    page: &PageFragments,
    diags: &mut Diagnostics,
) -> Option<RequestBody> {
    let ty = op
        .request_type
        .as_ref()
        .map(|t| r.lookup(t, &page.path, &page.namespace, &op.source, diags));
    if ty.is_none() && op.request_rows.is_empty() {
        return None;
    }
    let owner = ty
        .clone()
        .unwrap_or_else(|| format!("{}.{}", page.namespace, op.name));
    let known = ty.as_ref().is_some_and(|t| r.types.contains_key(t));
    let mut properties = Vec::new();
    for row in &op.request_rows {
        if known {
            types::attribute(r, row, &owner, page, Origin::RequestTable, diags);
        }
        properties.push(r.property(row, &owner, page, diags));
    }
    Some(RequestBody {
        collection: op.request_type.as_ref().is_some_and(|t| t.collection),
        type_name: ty,
        properties,
    })
}

fn example(
    r: &Resolver,
    e: &ExampleFragment,
    request: Option<&RequestBody>,
    response: Option<&Response>,
    page: &PageFragments,
    diags: &mut Diagnostics,
) -> Example {
    let (body_type, collection) = match e.kind {
        ExampleKind::Request => (
            request.and_then(|b| b.type_name.clone()),
            request.is_some_and(|b| b.collection),
        ),
        ExampleKind::Response => {
            // `@odata.type` may say `Collection(microsoft.graph.x)`.
            let annotated = e.odata_type.as_deref().map(type_text::odata_collection);
            let annotated_type = annotated.map(|(t, _)| {
                let q = qualify(t, &page.namespace, &e.source, diags);
                r.type_names.find(&q, None, &page.path).unwrap_or(q)
            });
            let documented = response.and_then(|resp| resp.type_name.clone());
            let collection = e.is_collection.unwrap_or_else(|| {
                annotated.is_some_and(|(_, c)| c) || response.is_some_and(|resp| resp.collection)
            });
            (annotated_type.or(documented), collection)
        }
    };
    Example {
        kind: e.kind,
        name: e.name.clone(),
        method: e.message.method.clone(),
        url: e.message.url.clone(),
        status: e.message.status,
        headers: e
            .message
            .headers
            .iter()
            .map(|(n, v)| Header {
                name: n.clone(),
                value: v.clone(),
            })
            .collect(),
        body: e.body.clone(),
        body_type: if e.body.is_some() { body_type } else { None },
        body_collection: e.body.is_some() && collection,
        truncated: e.truncated,
        source: e.source.clone(),
        body_source: e.body_source.clone(),
    }
}
