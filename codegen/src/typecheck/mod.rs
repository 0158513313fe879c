//! Example bodies checked against the types they should deserialize into.
//!
//! This predicts, with a located diagnostic, every example value that the generated
//! models cannot read (a type placeholder such as `"Date"`, a string for a Boolean …),
//! and reports documented-vs-example drift (undocumented members).

mod index;
mod locate;
mod values;

use serde_json::{Map, Value};

use crate::diag::{Diagnostics, Location, Severity};

use crate::extract::type_text::LEGACY_PROFILE_NAMESPACE;
use crate::ir::{Api, EnumDef, Example};
use crate::source::Source;
use index::{Index, Named, Pages, property};

pub use values::{Verdict, check_primitive, is_placeholder};

/// Codes that mean "the generated model cannot read this body".
pub const UNREADABLE_CODES: &[&str] = &["placeholder-value", "example-value-wrong-type"];

/// Checks every typed example body of every operation.
pub fn check_examples(api: &Api, sources: &[Source], diags: &mut Diagnostics) {
    use rayon::prelude::*;
    let (by_path, named) = (Pages::of(sources), Index::of(api));
    // Operations are checked independently; their diagnostics are gathered in order.
    let found: Vec<Diagnostics> = api
        .operations
        .par_iter()
        .map(|op| {
            let mut d = Diagnostics::default();
            check_operation(&named, op, &by_path, &mut d);
            d
        })
        .collect();
    for d in found {
        diags.extend(d);
    }
}

fn check_operation<'a>(
    named: &'a Index<'a>,
    op: &'a crate::ir::Operation,
    by_path: &Pages<'a>,
    diags: &mut Diagnostics,
) {
    // One locator per page: a body further down counts its first line on from the last.
    let mut locator = locate::Locator::default();
    let mut page: Option<&str> = None;
    for ex in &op.examples {
        let (Some(body), Some(ty), Some(at)) = (&ex.body, &ex.body_type, &ex.body_source) else {
            continue;
        };
        if page.is_some_and(|p| p != at.file) {
            locator = locate::Locator::default();
        }
        page = Some(&at.file);
        let source = by_path.get(&at.file);
        let mut c = Checker {
            named,
            source,
            start: at,
            locator,
            diags: &mut *diags,
        };
        c.body(ex, body, ty);
        locator = c.locator;
    }
}

/// Checks the values of one example body; `'a` is what it reads (the IR, the body, the
/// page), so paths and names are borrowed rather than copied.
struct Checker<'a, 'd> {
    named: &'a Index<'a>,
    source: Option<&'a Source>,
    start: &'a Location,
    locator: locate::Locator<'a>,
    diags: &'d mut Diagnostics,
}

/// A step into a JSON value: a member name or an array index.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'a> Checker<'a, '_> {
    fn body(&mut self, ex: &Example, body: &'a Value, ty: &str) {
        if ex.body_collection {
            let items = match body {
                Value::Object(o) => o.get("value").and_then(Value::as_array),
                Value::Array(a) => Some(a),
                _ => None,
            };
            let Some(items) = items else { return };
            let mut path = Vec::new();
            if body.is_object() {
                path.push(Step::Key("value"));
            }
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                self.value(item, ty, &mut path);
                path.pop();
            }
        } else {
            self.value(body, ty, &mut Vec::new());
        }
    }

    fn value(&mut self, v: &'a Value, ty: &str, path: &mut Vec<Step<'a>>) {
        if v.is_null() {
            return;
        }
        match self.named.get(ty) {
            Some(Named::Type(t)) => match v {
                Value::Object(o) => self.object(o, &t.name, path),
                _ => self.report_value(v, ty, path, Verdict::WrongType),
            },
            Some(Named::Enum(e)) => self.enum_value(v, e, path),
            None if crate::ir::is_primitive(ty) => {
                let verdict = check_primitive(ty, v);
                if verdict != Verdict::Ok {
                    self.report_value(v, ty, path, verdict);
                }
            }
            None => {}
        }
    }

    fn object(&mut self, o: &'a Map<String, Value>, ty: &'a str, path: &mut Vec<Step<'a>>) {
        // A member `"@odata.type": "#microsoft.graph.user"` says which (derived) type the
        // object is: its properties are the ones to check against.
        let declared = o
            .get("@odata.type")
            .and_then(Value::as_str)
            .and_then(|t| self.named.type_def(t.trim().trim_start_matches('#')));
        let ty = declared.map_or(ty, |t| t.name.as_str());
        let chain = self.named.chain(ty);
        for (key, v) in o {
            path.push(Step::Key(key));
            if key.contains('@') {
                self.annotation(key, v, path);
            } else if let Some(p) = property(&chain, key) {
                self.member(v, &p.type_name, p.collection, path);
            } else {
                let at = self.at(path);
                self.diags.warning(
                    "example-property-undocumented",
                    at,
                    format!(
                        "example member `{}` is not a documented property of `{ty}`",
                        dotted(path)
                    ),
                );
            }
            path.pop();
        }
    }

    fn member(&mut self, v: &'a Value, ty: &str, collection: bool, path: &mut Vec<Step<'a>>) {
        if !collection {
            return self.value(v, ty, path);
        }
        match v {
            Value::Null => {}
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    self.value(item, ty, path);
                    path.pop();
                }
            }
            _ => self.report_value(v, &format!("{ty} collection"), path, Verdict::WrongType),
        }
    }

    fn enum_value(&mut self, v: &Value, e: &EnumDef, path: &[Step<'a>]) {
        let ty = e.name.as_str();
        let Some(s) = v.as_str() else {
            return self.report_value(v, ty, path, Verdict::WrongType);
        };
        if is_placeholder(s) {
            // Enums accept unlisted values, so the body still reads; it is a doc bug all the same.
            return self.report_value(v, ty, path, Verdict::PlaceholderReadable);
        }
        let listed = s
            .split(',')
            .all(|part| e.members.iter().any(|m| m.name == part.trim()));
        if !listed {
            let at = self.at(path);
            self.diags.warning(
                "enum-value-undocumented",
                at,
                format!(
                    "`{}` has the value \"{s}\", which enum `{ty}` does not list",
                    dotted(path)
                ),
            );
        }
    }

    fn annotation(&mut self, key: &str, v: &Value, path: &[Step<'a>]) {
        let Some(s) = v.as_str() else { return };
        if key.ends_with("@odata.type")
            && s.trim_start_matches('#')
                .to_ascii_lowercase()
                .starts_with(LEGACY_PROFILE_NAMESPACE)
        {
            let at = self.at(path);
            self.diags.warning(
                "non-standard-namespace",
                at,
                format!("`@odata.type` \"{s}\" uses the non-standard namespace `Microsoft.Fast.PI.ViewGenerator.V2.Profile.Models`"),
            );
        }
    }

    fn report_value(&mut self, v: &Value, ty: &str, path: &[Step<'a>], verdict: Verdict) {
        let at = self.at(path);
        let shown = short(v);
        let (code, severity, message) = match verdict {
            Verdict::Ok => return,
            Verdict::Placeholder => (
                "placeholder-value",
                Severity::Warning,
                format!(
                    "`{}` is the type placeholder {shown}, not a value of type {ty}; the body cannot be read into the model",
                    dotted(path)
                ),
            ),
            Verdict::PlaceholderReadable => (
                "placeholder-string",
                Severity::Warning,
                format!(
                    "`{}` is the type placeholder {shown} instead of an example value of type {ty}",
                    dotted(path)
                ),
            ),
            Verdict::WrongType => (
                "example-value-wrong-type",
                Severity::Warning,
                format!(
                    "`{}` is {shown}, which is not a value of type {ty}; the body cannot be read into the model",
                    dotted(path)
                ),
            ),
        };
        let d = crate::diag::Diagnostic::new(severity, code, at, message)
            .with_help(format!("replace it with a realistic {ty} value, or null"));
        self.diags.push(d);
    }

    fn at(&mut self, path: &[Step<'a>]) -> Location {
        let line = match self.source {
            Some(s) => self.locator.line_of(s, self.start.line, path),
            None => self.start.line,
        };
        Location::line(&self.start.file, line)
    }
}

/// `detail.company.displayName`, `colleagues[0]`.
pub(crate) fn dotted(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Diagnostics;
    use crate::pipeline;
    use crate::source::Source;

    #[test]
    fn an_odata_type_member_selects_the_derived_type() {
        let page = |path: &str, md: &str| Source::new(path, md);
        let base = "# base resource type\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|Id.|\n";
        let derived = "# derived resource type\nInherits from [base](base.md).\n## Properties\n\
|Property|Type|Description|\n|:--|:--|:--|\n|extra|Boolean|Extra.|\n";
        let api = "# Get base\n## HTTP request\n```http\nGET /bases/{id}\n```\n## Response\n\
If successful, this method returns a `200 OK` response code and a [base](../resources/base.md) object.\n\
<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\n\n\
{ \"@odata.type\": \"#microsoft.graph.derived\", \"id\": \"1\", \"extra\": true, \"other\": 1 }\n```\n";
        let sources = vec![
            page("resources/base.md", base),
            page("resources/derived.md", derived),
            page("api/base-get.md", api),
        ];
        let loaded = pipeline::from_sources(sources, Diagnostics::default());
        let undocumented: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.code == "example-property-undocumented")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(undocumented.len(), 1, "{undocumented:?}");
        assert!(
            undocumented[0].contains("`other`")
                && undocumented[0].contains("microsoft.graph.derived")
        );
    }
}
