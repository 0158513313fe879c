//! One test per kind of trouble the real docs corpus makes for naming and structure, each
//! on the smallest IR that shows it (see `test_hostile`). The ignored end-to-end test
//! compiles all of them together with `-D warnings` and clippy.

use super::test_api::{operation, prop, type_def};
use super::test_hostile::{self as hostile, api};
use super::{EmitOptions, OutputFile, emit};
use crate::diag::{Diagnostic, Diagnostics};
use crate::ir::Api;

fn emitted(api: &Api) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    let mut diags = Diagnostics::default();
    let files = emit(api, &EmitOptions::default(), &mut diags);
    (files, diags.into_sorted())
}

fn file<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.contents.as_str())
        .unwrap_or_else(|| panic!("no {path}"))
}

fn has(files: &[OutputFile], path: &str) -> bool {
    files.iter().any(|f| f.path == path)
}

fn assert_all(text: &str, wanted: &[&str]) {
    for want in wanted {
        assert!(text.contains(want), "`{want}` missing in\n{text}");
    }
}

#[test]
fn keywords_leading_digits_and_non_identifiers() {
    let (files, diags) = emitted(&hostile::keywords_and_non_identifiers());
    assert!(
        !diags.iter().any(|d| d.code == "emit-internal"),
        "{diags:?}"
    );
    let t = file(&files, "src/models/type_.rs");
    assert_all(
        t,
        &[
            "pub struct Type {",
            "pub type_:",
            "pub n2fa:",
            "pub self_:",
            "pub odata_type:",
            "pub a_b_c:",
            "pub field:",
            "pub field_2:",
            "field_2: members.take(\"é\")?,",
        ],
    );
    for path in [
        "src/models/n3d_model.rs",
        "src/models/unnamed.rs",
        "src/models/unnamed_3.rs",
        "src/enums/match_.rs",
        "src/operations/type_.rs",
        "src/operations/n2fa.rs",
        "src/operations/operation.rs",
    ] {
        assert!(has(&files, path), "{path}");
    }
    let e = file(&files, "src/enums/match_.rs");
    assert_all(
        e,
        &["pub enum Match {", "    Fn,", "    Self_,", "    N1x,"],
    );
}

#[test]
fn clashes_between_pages_and_names_differing_only_in_case() {
    let (files, _) = emitted(&hostile::clashes());
    let thing = file(&files, "src/models/thing.rs");
    assert!(
        thing.contains("pub first:") && !thing.contains("second"),
        "{thing}"
    );
    let session = [
        ("src/models/session.rs", "pub struct Session {"),
        ("src/models/session_2.rs", "pub struct Session2 {"),
        ("src/models/session_3.rs", "pub struct Session3 {"),
    ];
    for (path, item) in session {
        assert!(file(&files, path).contains(item), "{path}");
    }
    assert!(has(&files, "src/models/both.rs") && has(&files, "src/enums/both.rs"));
    let registry = file(&files, "src/registry.rs");
    assert_eq!(registry.matches("\"microsoft.graph.both\"").count(), 1);
    assert!(registry.contains("reserialize::<crate::models::Both>"));
}

#[test]
fn colliding_operation_names() {
    let (files, _) = emitted(&hostile::colliding_operations());
    let ops = file(&files, "src/operations/mod.rs");
    assert_all(
        ops,
        &[
            "pub use get_thing::{GetThing, GetThingTarget2};",
            "pub use get_thing_2::{GetThing2, GetThing2Target};",
            "pub use get_thing_4::{GetThing4, GetThing4Target};",
            "pub use get_thing_target::{GetThingTarget, GetThingTargetTarget};",
        ],
    );
    let many: Vec<_> = (0..3000)
        .map(|_| operation("list", "GET", &["/x"]))
        .collect();
    let (files, _) = emitted(&api(vec![], vec![], many));
    assert!(has(&files, "src/operations/list_3000.rs"));
    assert!(file(&files, "src/operations/list_3000.rs").contains("pub struct List3000 {"));
}

#[test]
fn recursion_through_a_base_type_is_boxed() {
    // `node` inherits `child: node` from its base: a cycle only through the base chain.
    let base = type_def("ns.base", None, vec![prop("child", "ns.node", false)]);
    let node = type_def("ns.node", Some("ns.base"), vec![]);
    let (files, _) = emitted(&api(vec![base, node], vec![], vec![]));
    let node = file(&files, "src/models/ns/node.rs");
    assert!(
        node.contains("Field<::std::boxed::Box<crate::models::ns::Node>>"),
        "{node}"
    );
    let base = file(&files, "src/models/ns/base.rs");
    assert!(base.contains("Field<crate::models::ns::Node>"), "{base}");
}

#[test]
fn namespaces_get_their_own_modules_without_inception() {
    let (files, _) = emitted(&hostile::namespaces());
    for path in [
        "src/models/call_records/session.rs",
        "src/models/term_store/set.rs",
        "src/models/external_connectors/external.rs",
        "src/models/a_b/c.rs",
        "src/models/other_ns/x.rs",
        "src/models/models_2/thing.rs",
        "src/models/models_3.rs",
        "src/enums/call_records/modality.rs",
        "src/enums/enums_2/kind.rs",
        "src/enums/enums_3.rs",
        "src/operations/operations_2.rs",
    ] {
        assert!(has(&files, path), "{path}");
    }
    assert!(
        !files
            .iter()
            .any(|f| f.path.starts_with("src/models/models/"))
    );
    let set = file(&files, "src/models/term_store/set.rs");
    assert!(set.contains("::std::vec::Vec<crate::models::term_store::Set>"));
    let models = file(&files, "src/models/mod.rs");
    assert_all(models, &["pub mod models_2;", "pub use models_3::Models;"]);
}

#[test]
fn odd_enum_members_and_empty_enums() {
    let (files, _) = emitted(&hostile::odd_enum_members());
    let odd = file(&files, "src/enums/odd.rs");
    assert_all(
        odd,
        &[
            "\"0\" => Self::N0,",
            "\"-\" => Self::Value,",
            "\"\" => Self::Value2,",
            "\"none\" => Self::None,",
            "\"None\" => Self::None2,",
            "\"NONE\" => Self::None3,",
            "\"Other\" => Self::Other2,",
            "\"other\" => Self::Other3,",
            "\"as_str\" => Self::AsStr,",
        ],
    );
    assert_eq!(odd.matches("\"none\" =>").count(), 1);
    assert_eq!(odd.matches("\"\" =>").count(), 1);
    let empty = file(&files, "src/enums/empty.rs");
    // No single-arm `match` (clippy's `match_single_binding`).
    assert!(empty.contains("Self::Other(::std::string::ToString::to_string(value))"));
    assert!(!empty.contains("match value"), "{empty}");
}

#[test]
fn deep_nesting_raises_the_recursion_limit() {
    let (files, _) = emitted(&hostile::deep_chain(120));
    let lib = file(&files, "src/lib.rs");
    assert!(lib.contains("#![recursion_limit = \"544\"]"), "{lib}");
    let (files, _) = emitted(&hostile::deep_chain(10));
    assert!(!file(&files, "src/lib.rs").contains("recursion_limit"));
}

#[test]
fn types_named_like_std_serde_and_runtime_items() {
    let (files, _) = emitted(&hostile::std_and_runtime_names());
    let user = file(&files, "src/models/user.rs");
    assert_all(
        user,
        &[
            "pub option: crate::runtime::Field<crate::models::Option>,",
            "pub box_: crate::runtime::Field<crate::models::Box>,",
            "pub field: crate::runtime::Field<crate::models::Field>,",
            "pub self_: crate::runtime::Field<crate::models::Self_>,",
            "::serde_json::Map<::std::string::String, ::serde_json::Value>",
        ],
    );
    let op = file(&files, "src/operations/endpoint.rs");
    assert_all(
        op,
        &[
            "impl crate::runtime::Endpoint for Endpoint {",
            "type Output = crate::models::Result;",
            "pub body: crate::models::Option,",
        ],
    );
    assert!(file(&files, "src/models/string.rs").contains("pub struct String {"));
}

#[test]
fn properties_colliding_after_snake_casing_and_additional() {
    let (files, _) = emitted(&hostile::colliding_properties());
    let derived = file(&files, "src/models/derived.rs");
    let fields = [
        ("id", "id"),
        ("Id", "id_2"),
        ("ID", "id_3"),
        ("displayName", "display_name"),
        ("display_name", "display_name_2"),
        ("DisplayName", "display_name_3"),
        ("additional", "additional_2"),
        ("additional_2", "additional_2_2"),
    ];
    for (json, rust) in fields {
        assert!(derived.contains(&format!("pub {rust}: ")), "{rust}");
        let read = format!("{rust}: members.take(\"{json}\")?,");
        let write = format!("members.field(\"{json}\", &self.{rust})?;");
        assert!(
            derived.contains(&read) && derived.contains(&write),
            "{json}"
        );
    }
    assert_eq!(derived.matches("pub id: ").count(), 1, "inherited once");
    assert!(derived.contains("pub additional: ::serde_json::Map"));
}

#[test]
fn odd_paths_become_encoded_targets() {
    let (files, _) = emitted(&hostile::odd_paths());
    let odd = file(&files, "src/operations/odd.rs");
    assert_all(
        odd,
        &[
            "ReportsGetEmailActivity { period_value }",
            "\"/reports/getEmailActivity(period='\",",
            "crate::runtime::encode_literal(period_value).as_str(),",
            "crate::runtime::encode_path(item_path).as_str(),",
            "\"/me/messages/\", crate::runtime::encode_segment(id).as_str(), \"/$value\"",
            "\"/members/$ref\",",
            "Self::UsersPhotosXValue { id, size, size_2 }",
            "crate::runtime::encode_path(server_relative_path).as_str(),",
            "`/sites/{hostname}:/{server-relative-path}?$select=id`",
        ],
    );
    assert!(
        !odd.contains("\"$select"),
        "query strings are not part of the path"
    );
}

#[test]
fn docs_lose_control_and_direction_characters() {
    let (files, _) = emitted(&hostile::hostile_docs());
    for path in ["src/models/doc.rs", "src/enums/doc_enum.rs"] {
        let text = file(&files, path);
        let bad = text
            .lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .find(|l| {
                l.chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{2069}').contains(&c))
            });
        assert_eq!(bad, None, "{path}");
    }
    let doc = file(&files, "src/models/doc.rs");
    assert!(
        doc.contains("/// Beforeafter end */ /* \\[link\\](x) &lt;b&gt;"),
        "{doc}"
    );
    let e = file(&files, "src/enums/doc_enum.rs");
    assert!(e.contains("\"c\\\"d\\\\e\" => Self::CDE,"), "{e}");
}

#[test]
fn an_api_without_types_has_no_unused_registry_helpers() {
    let (files, _) = emitted(&api(vec![], vec![], vec![operation("x", "GET", &["/x"])]));
    let registry = file(&files, "src/registry.rs");
    assert!(!registry.contains("fn reserialize"), "{registry}");
    assert!(
        registry.contains("pub static TYPES: &[TypeInfo] = &[];"),
        "{registry}"
    );
}
