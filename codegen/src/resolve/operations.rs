//! Operations: request lines, bodies, responses and typed examples.

use std::collections::HashMap;
use std::mem::take;

use rayon::prelude::*;

use super::types::{self, Origin};
use super::{PageRef, Resolver, RowPlan, qualify};
use crate::diag::Diagnostics;
use crate::extract::{ExampleFragment, OperationFragment, PageFragments, type_text};
use crate::ir::{Example, ExampleKind, Header, Operation, RequestBody, Response};

/// Builds one operation per API page; clashing names fall back to the file name.
/// The fragments' text moves into the operations.
pub(super) fn build(
    r: &mut Resolver,
    pages: &mut [PageFragments],
    diags: &mut Diagnostics,
) -> Vec<Operation> {
    // Naming and planning the request rows only read the name tables, so they run on
    // the rayon pool; collected in page order.
    let planned: Vec<Option<Planned>> = pages
        .par_iter()
        .map(|p| p.operation.as_ref().map(|op| plan(r, op, p)))
        .collect();
    let (names, mut plans): (Vec<Option<String>>, Vec<_>) = planned
        .into_iter()
        .map(|p| match p {
            Some(Planned { name, rows, diags }) => (Some(name), Some((rows, diags))),
            None => (None, None),
        })
        .unzip();
    // Hashed: a tree of the ~5,000 names cost several string comparisons per name.
    let mut count: HashMap<&str, usize> = HashMap::with_capacity(names.len());
    for name in names.iter().flatten() {
        *count.entry(name.as_str()).or_default() += 1;
    }
    let mut out = Vec::with_capacity(names.iter().flatten().count());
    for ((page, name), plan) in pages.iter_mut().zip(&names).zip(&mut plans) {
        let PageFragments {
            path,
            namespace,
            operation: fragment,
            ..
        } = page;
        let (Some(op), Some(name)) = (fragment, name) else {
            continue;
        };
        let page = PageRef { path, namespace };
        let (rows, planning) = plan.take().unwrap_or_default();
        diags.extend(planning);
        let mut built = operation(r, op, name.clone(), page, rows, diags);
        if count.get(name.as_str()).copied().unwrap_or(0) > 1 {
            built.name = crate::extract::operation::name_from_file(page.path);
            diags.note(
                "operation-name-clash",
                built.source.clone(),
                format!(
                    "several pages are titled `{}`; this operation is named `{}` after its file",
                    built.title, built.name
                ),
            );
        }
        out.push(built);
    }
    out
}

/// What of an operation is worked out on the rayon pool: its name and its request rows'
/// plans, with the diagnostics planning made.
struct Planned {
    name: String,
    rows: Vec<RowPlan>,
    diags: Diagnostics,
}

fn plan(r: &Resolver, op: &OperationFragment, p: &PageFragments) -> Planned {
    let page = PageRef {
        path: &p.path,
        namespace: &p.namespace,
    };
    let mut diags = Diagnostics::default();
    let rows = op
        .request_rows
        .iter()
        .map(|row| r.plan(row, page, &mut diags))
        .collect();
    Planned {
        name: cased_name(r, op),
        rows,
        diags,
    }
}

/// The title in camelCase, with words that name a documented type spelled as the type is
/// (`Update itememail` → `updateItemEmail`).
fn cased_name(r: &Resolver, op: &OperationFragment) -> String {
    // One buffer for the names looked up and one for the respelled title: most titles
    // have several words, and this runs for every API page.
    let mut key = format!("{}.", super::GRAPH);
    let prefix = key.len();
    let mut spelled = String::with_capacity(op.title.len());
    for (i, w) in op.title.split_whitespace().enumerate() {
        if i > 0 {
            spelled.push(' ');
        }
        key.truncate(prefix);
        key.push_str(w.trim_matches(|c: char| !c.is_alphanumeric()));
        match r.type_names.get(&key) {
            Some(t) => spelled.push_str(super::short_name(t)),
            None => spelled.push_str(w),
        }
    }
    let name = crate::naming::lower_camel(&spelled);
    if name.is_empty() {
        op.name.clone()
    } else {
        name
    }
}

fn operation(
    r: &mut Resolver,
    op: &mut OperationFragment,
    name: String,
    page: PageRef,
    plans: Vec<RowPlan>,
    diags: &mut Diagnostics,
) -> Operation {
    let request_body = request_body(r, op, page, plans, diags);
    let response = op.response.as_ref().map(|resp| {
        let ty = resp
            .type_ref
            .as_ref()
            .map(|t| r.lookup(t, page, &resp.source, diags));
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
    for l in &mut op.paths {
        if !paths.contains(&l.path) {
            paths.push(take(&mut l.path));
        }
    }
    let examples = op
        .examples
        .iter_mut()
        .map(|e| example(r, e, request_body.as_ref(), response.as_ref(), page, diags))
        .collect();
    Operation {
        name,
        title: take(&mut op.title),
        description: take(&mut op.description),
        method: take(&mut op.method),
        paths,
        request_body,
        response,
        permissions: take(&mut op.permissions),
        examples,
        source: take(&mut op.source),
    }
}

fn request_body(
    r: &mut Resolver,
    op: &mut OperationFragment,
    page: PageRef,
    plans: Vec<RowPlan>,
    diags: &mut Diagnostics,
) -> Option<RequestBody> {
    let ty = op
        .request_type
        .as_ref()
        .map(|t| r.lookup(t, page, &op.source, diags))
        .or_else(|| updated_type(r, op, diags));
    if ty.is_none() && op.request_rows.is_empty() {
        return None;
    }
    let owner = ty
        .clone()
        .unwrap_or_else(|| format!("{}.{}", page.namespace, op.name));
    let known = ty.as_ref().is_some_and(|t| r.types.contains_key(t));
    let mut properties = Vec::with_capacity(op.request_rows.len());
    let mut plans = plans.into_iter();
    for row in &mut op.request_rows {
        let plan = plans.next().unwrap_or_default();
        if known {
            types::attribute(r, row, &owner, page, Origin::RequestTable, &plan, diags);
        }
        properties.push(r.planned_property(row, &owner, page, plan, diags));
    }
    Some(RequestBody {
        collection: op.request_type.as_ref().is_some_and(|t| t.collection),
        type_name: ty,
        properties,
    })
}

/// The body of an update (PATCH) page whose table lists "the values for relevant fields
/// that should be updated" is a partial representation of the updated resource: the type
/// the response returns. Every generated field can be absent, so the model fits a partial
/// body; a note records the decision.
fn updated_type(r: &Resolver, op: &OperationFragment, diags: &mut Diagnostics) -> Option<String> {
    if op.method != "PATCH" || op.request_rows.is_empty() {
        return None;
    }
    let returned = op.response.as_ref()?.type_ref.as_ref()?;
    if returned.collection {
        return None;
    }
    let q = qualify(
        &returned.name,
        super::GRAPH,
        &op.source,
        &mut Diagnostics::default(),
    );
    let found = r
        .type_names
        .find(&q, returned.link.as_deref(), &op.source.file)?;
    diags.note(
        "request-body-inferred",
        op.source.clone(),
        format!("the update body names no type; read as a partial `{found}`, the type the response returns"),
    );
    Some(found)
}

fn example(
    r: &Resolver,
    e: &mut ExampleFragment,
    request: Option<&RequestBody>,
    response: Option<&Response>,
    page: PageRef,
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
                let q = qualify(t, page.namespace, &e.source, diags);
                r.type_names.find(&q, None, page.path).unwrap_or(q)
            });
            let documented = response.and_then(|resp| resp.type_name.clone());
            let collection = e.is_collection.unwrap_or_else(|| {
                annotated.is_some_and(|(_, c)| c) || response.is_some_and(|resp| resp.collection)
            });
            (annotated_type.or(documented), collection)
        }
    };
    let has_body = e.body.is_some();
    let headers = take(&mut e.message.headers)
        .into_iter()
        .map(|(name, value)| Header { name, value })
        .collect();
    Example {
        kind: e.kind,
        name: e.name.take(),
        method: e.message.method.take(),
        url: e.message.url.take(),
        status: e.message.status,
        headers,
        body: e.body.take(),
        body_type: if has_body { body_type } else { None },
        body_collection: has_body && collection,
        truncated: e.truncated,
        source: take(&mut e.source),
        body_source: e.body_source.take(),
    }
}
