//! What of an operation's resolution only reads the name tables, worked out on the rayon
//! pool before the operations are built in page order.

use super::{PageRef, Resolver, RowPlan, qualify};
use crate::diag::{Diagnostics, Location};
use crate::extract::type_text::{self, TypeRef};
use crate::extract::{OperationFragment, PageFragments};
use crate::ir::ExampleKind;

/// An operation's name and the parts of it planned ahead, with the diagnostics planning
/// made. `None` lookups are done in order.
#[derive(Default)]
pub(super) struct OpPlan {
    pub(super) rows: Vec<RowPlan>,
    /// The documented request type, when no enum inferred later can change it.
    pub(super) request_type: Option<String>,
    /// The type an update body with no type of its own is read as (see `updated_type`).
    pub(super) updated_type: Option<String>,
    /// The documented response type, when no enum inferred later can change it.
    pub(super) response_type: Option<String>,
    /// Per example, the type its `@odata.type` annotation names (response bodies only).
    pub(super) annotated: Vec<Option<String>>,
    pub(super) diags: Diagnostics,
}

/// Plans the operation `op` of page `p`.
pub(super) fn operation(r: &Resolver, op: &OperationFragment, p: &PageFragments) -> OpPlan {
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
    let request_type = op
        .request_type
        .as_ref()
        .and_then(|t| r.settled_lookup(t, page, &op.source, &mut diags));
    // Only asked when the page names no request type, as in order.
    let updated_type = match op.request_type {
        None => updated_type(r, op, &mut diags),
        Some(_) => None,
    };
    let response_type = op.response.as_ref().and_then(|resp| {
        let t = resp.type_ref.as_ref()?;
        r.settled_lookup(t, page, &resp.source, &mut diags)
    });
    let annotated = op
        .examples
        .iter()
        .map(|e| match e.kind {
            ExampleKind::Response => {
                let annotated = e.odata_type.as_deref().map(type_text::odata_collection);
                annotated.map(|(t, _)| annotated_type(r, t, page, &e.source, &mut diags))
            }
            ExampleKind::Request => None,
        })
        .collect();
    OpPlan {
        rows,
        request_type,
        updated_type,
        response_type,
        annotated,
        diags,
    }
}

/// The type an example's `@odata.type` names (`#microsoft.graph.x`), or its qualified
/// name when no page defines it.
fn annotated_type(
    r: &Resolver,
    t: &str,
    page: PageRef,
    at: &Location,
    diags: &mut Diagnostics,
) -> String {
    let q = qualify(t, page.namespace, at, diags);
    r.type_names.find(&q, None, page.path).unwrap_or(q)
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

impl Resolver {
    /// What [`Resolver::lookup`] gives for `t` when no enum inferred later can change
    /// it: a primitive, or a name found among the types or spelled exactly as an enum
    /// (inferring only adds enum names, and lookup prefers those two). `None` leaves the
    /// lookup to be done in order; its diagnostics are then not kept here.
    pub(super) fn settled_lookup(
        &self,
        t: &TypeRef,
        page: PageRef,
        at: &Location,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        if crate::ir::is_primitive(&t.name) {
            return Some(t.name.clone());
        }
        let mut d = Diagnostics::default();
        let q = qualify(&t.name, page.namespace, at, &mut d);
        let found = self
            .type_names
            .find_name(&q)
            .or_else(|| self.enum_names.get(&q).map(str::to_string))?;
        diags.extend(d);
        Some(found)
    }
}
