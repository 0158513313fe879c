//! Operations: request lines, bodies, responses and typed examples.

use super::hash::{FastMap, fast_map};
use std::mem::take;

use rayon::prelude::*;

use super::plan::{self, OpPlan};
use super::types::{self, Origin};
use super::{PageRef, Resolver, RowPlan};
use crate::diag::Diagnostics;
use crate::extract::{ExampleFragment, OperationFragment, PageFragments, PropertyRow, type_text};
use crate::ir::{Example, ExampleKind, Header, Operation, Property, RequestBody, Response};

/// Builds one operation per API page, in a slot per page (`None` for other pages);
/// clashing names fall back to the file name. The fragments' text moves into the
/// operations.
pub(super) fn build(
    r: &mut Resolver,
    pages: &mut [PageFragments],
    diags: &mut Diagnostics,
) -> Vec<Option<Operation>> {
    // Naming and planning the request rows only read the name tables, so they run on
    // the rayon pool; collected in page order.
    let planned: Vec<Option<(String, OpPlan)>> = pages
        .par_iter()
        .map(|p| {
            let op = p.operation.as_ref()?;
            Some((cased_name(r, op), plan::operation(r, op, p)))
        })
        .collect();
    let (names, typed) = typed_in_page_order(r, pages, planned, diags);
    // Hashed: a tree of the ~5,000 names cost several string comparisons per name.
    let mut count: FastMap<&str, usize> = fast_map(names.len());
    for name in names.iter().flatten() {
        *count.entry(name.as_str()).or_default() += 1;
    }
    let (out, notes) = assemble_on_pool(pages, &names, typed, &count);
    for d in notes {
        diags.extend(d);
    }
    out
}

/// Bodies and responses, in page order: they read (and request tables add to) the types
/// and enums resolved so far. Each page's name is passed through beside them: the plans
/// are taken straight from `planned`, not first split from the names (a move of every
/// plan).
fn typed_in_page_order(
    r: &mut Resolver,
    pages: &mut [PageFragments],
    planned: Vec<Option<(String, OpPlan)>>,
    diags: &mut Diagnostics,
) -> (Vec<Option<String>>, Vec<Option<Typed>>) {
    let mut names = Vec::with_capacity(planned.len());
    let mut typed = Vec::with_capacity(planned.len());
    for (page, planned) in pages.iter_mut().zip(planned) {
        let PageFragments {
            path,
            namespace,
            operation,
            ..
        } = page;
        let page = PageRef { path, namespace };
        let (name, t) = match (operation.as_mut(), planned) {
            (Some(op), Some((name, plan))) => {
                (Some(name), Some(typed_parts(r, op, page, plan, diags)))
            }
            _ => (None, None),
        };
        names.push(name);
        typed.push(t);
    }
    (names, typed)
}

/// The rest only moves the fragments' text into the operations: on the rayon pool, in
/// page order. A name that `count` holds more than once falls back to the file name.
/// One slot per page (`None` but for API pages), and so an indexed collect, written in
/// place: filtering made the pool's pieces be appended on the calling thread, moving
/// every operation once more.
fn assemble_on_pool(
    pages: &mut [PageFragments],
    names: &[Option<String>],
    typed: Vec<Option<Typed>>,
    count: &FastMap<&str, usize>,
) -> (Vec<Option<Operation>>, Vec<Diagnostics>) {
    pages
        .par_iter_mut()
        .zip(names.par_iter())
        .zip(typed)
        .map(|((page, name), typed)| {
            let mut d = Diagnostics::default();
            let op = page.operation.as_mut();
            let built = op.zip(name.clone()).zip(typed).map(|((op, name), typed)| {
                let mut built = assemble(op, name, typed);
                if count.get(built.name.as_str()).copied().unwrap_or(0) > 1 {
                    rename_after_file(&mut built, &page.path, &mut d);
                }
                built
            });
            (built, d)
        })
        .unzip()
}

/// Names an operation whose title other pages share after its file, with a note.
fn rename_after_file(built: &mut Operation, path: &str, d: &mut Diagnostics) {
    built.name = crate::extract::operation::name_from_file(path);
    d.note(
        "operation-name-clash",
        built.source.clone(),
        format!(
            "several pages are titled `{}`; this operation is named `{}` after its file",
            built.title, built.name
        ),
    );
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

/// What of an operation depends on the types and enums resolved before it: its request
/// body and response, with the example types planned ahead.
struct Typed {
    /// The body without its properties, and the plans to make them from.
    request_body: Option<(RequestBody, Vec<RowPlan>)>,
    response: Option<Response>,
    annotated: Vec<Option<String>>,
}

fn typed_parts(
    r: &mut Resolver,
    op: &mut OperationFragment,
    page: PageRef,
    plan: OpPlan,
    diags: &mut Diagnostics,
) -> Typed {
    let OpPlan {
        rows,
        request_type,
        updated_type,
        response_type,
        annotated,
        diags: planning,
    } = plan;
    diags.extend(planning);
    let request_body = request_body(r, op, page, (rows, request_type, updated_type), diags);
    let response = response(r, op, page, response_type, diags);
    Typed {
        request_body,
        response,
        annotated,
    }
}

/// The operation named `name`, its text moved out of `op`.
fn assemble(op: &mut OperationFragment, name: String, typed: Typed) -> Operation {
    let Typed {
        request_body,
        response,
        annotated,
    } = typed;
    let request_body = request_body.map(|(mut body, plans)| {
        body.properties = request_properties(&mut op.request_rows, plans);
        body
    });
    let mut paths: Vec<String> = Vec::new();
    for l in &mut op.paths {
        if !paths.contains(&l.path) {
            paths.push(take(&mut l.path));
        }
    }
    let mut annotated = annotated.into_iter();
    let examples = op
        .examples
        .iter_mut()
        .map(|e| {
            let annotated_type = annotated.next().flatten();
            example(e, annotated_type, request_body.as_ref(), response.as_ref())
        })
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

/// The response, with its type as planned on the pool or looked up now; a warning when the
/// page gives no status code.
fn response(
    r: &mut Resolver,
    op: &OperationFragment,
    page: PageRef,
    planned: Option<String>,
    diags: &mut Diagnostics,
) -> Option<Response> {
    let Some(resp) = op.response.as_ref() else {
        diags.warning(
            "response-undocumented",
            op.source.clone(),
            "the Response section gives no status code (expected a sentence like \"returns a `200 OK` response code\")",
        );
        return None;
    };
    let ty = resp
        .type_ref
        .as_ref()
        .map(|t| planned.unwrap_or_else(|| r.lookup(t, page, &resp.source, diags)));
    Some(Response {
        status: resp.status,
        type_name: ty,
        collection: resp.type_ref.as_ref().is_some_and(|t| t.collection),
    })
}

/// The request body but for its properties, which `assemble` makes on the pool from the
/// row plans returned, each with its type settled here: in order, as rows may infer enums
/// and request tables add to the types.
fn request_body(
    r: &mut Resolver,
    op: &OperationFragment,
    page: PageRef,
    (mut plans, request_type, updated_type): (Vec<RowPlan>, Option<String>, Option<String>),
    diags: &mut Diagnostics,
) -> Option<(RequestBody, Vec<RowPlan>)> {
    let ty = op
        .request_type
        .as_ref()
        .map(|t| request_type.unwrap_or_else(|| r.lookup(t, page, &op.source, diags)))
        .or(updated_type);
    if ty.is_none() && op.request_rows.is_empty() {
        return None;
    }
    let owner = ty
        .clone()
        .unwrap_or_else(|| format!("{}.{}", page.namespace, op.name));
    let owner = types::Owner {
        at: ty.as_deref().and_then(|t| r.type_index(t)),
        name: &owner,
    };
    plans.resize_with(op.request_rows.len(), RowPlan::default);
    for (row, plan) in op.request_rows.iter().zip(&mut plans) {
        if owner.at.is_some() {
            types::attribute(r, row, owner, page, Origin::RequestTable, plan, diags);
        }
        if plan.type_name.is_none() {
            plan.type_name = Some(r.type_name_of(row, owner.name, page, diags));
        }
    }
    let body = RequestBody {
        collection: op.request_type.as_ref().is_some_and(|t| t.collection),
        type_name: ty,
        properties: Vec::new(),
    };
    Some((body, plans))
}

/// The request body's properties, the rows' text moved into them; every plan's type is
/// settled (see `request_body`).
fn request_properties(rows: &mut [PropertyRow], plans: Vec<RowPlan>) -> Vec<Property> {
    rows.iter_mut()
        .zip(plans)
        .map(|(row, plan)| {
            let nullable = plan
                .nullable
                .unwrap_or_else(|| super::nullable(&row.description));
            super::property_of(row, plan.type_name.unwrap_or_default(), nullable)
        })
        .collect()
}

/// An example, with the type its `@odata.type` names when it has one (planned ahead).
fn example(
    e: &mut ExampleFragment,
    annotated_type: Option<String>,
    request: Option<&RequestBody>,
    response: Option<&Response>,
) -> Example {
    let (body_type, collection) = match e.kind {
        ExampleKind::Request => (
            request.and_then(|b| b.type_name.clone()),
            request.is_some_and(|b| b.collection),
        ),
        ExampleKind::Response => {
            // `@odata.type` may say `Collection(microsoft.graph.x)`.
            let annotated = e.odata_type.as_deref().map(type_text::odata_collection);
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
