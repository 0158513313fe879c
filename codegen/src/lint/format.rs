//! Machine-readable lint output: JSON Lines and SARIF 2.1.0.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::rules::{self, RULES};
use crate::diag::{Diagnostic, Severity};

/// The SARIF schema the output follows.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// One JSON object per line: `code`, `severity`, `message`, `file`, `line`, `col`, `help`
/// (`null` when there is none). `line` and `col` are 1-based; 0 means the whole file/line.
pub fn json_lines(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let object = json!({
            "code": d.code,
            "severity": d.severity,
            "message": d.message,
            "file": d.location.file,
            "line": d.location.line,
            "col": d.location.col,
            "help": d.help,
        });
        out.push_str(&object.to_string());
        out.push('\n');
    }
    out
}

/// A SARIF 2.1.0 log with one run: the rules (every registered rule, plus any code found
/// that is not registered) and one result per diagnostic. Paths are relative to the docs
/// folder, which is the run's `DOCS` base.
pub fn sarif(diags: &[Diagnostic], version: &str) -> Value {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    for d in diags {
        if rules::find(&d.code).is_none() && !ids.contains(&d.code.as_str()) {
            ids.push(&d.code);
        }
    }
    let index: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let rules: Vec<Value> = ids.iter().map(|id| rule(id)).collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| result(d, index.get(d.code.as_str()).copied()))
        .collect();
    json!({
        "version": "2.1.0",
        "$schema": SARIF_SCHEMA,
        "runs": [{
            "tool": { "driver": {
                "name": "codegen-lint",
                "version": version,
                "rules": rules,
            }},
            "originalUriBaseIds": { "DOCS": { "description": { "text": "the docs folder" } } },
            "results": results,
        }],
    })
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn rule(id: &str) -> Value {
    match rules::find(id) {
        Some(r) => json!({
            "id": r.code,
            "shortDescription": { "text": r.summary },
            "fullDescription": { "text": r.explanation },
            "defaultConfiguration": { "level": level(r.severity) },
            "properties": { "family": r.family.to_string() },
        }),
        None => json!({
            "id": id,
            "shortDescription": { "text": format!("`{id}` (not a registered lint rule)") },
            "defaultConfiguration": { "level": "warning" },
        }),
    }
}

fn result(d: &Diagnostic, rule_index: Option<usize>) -> Value {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": d.location.file, "uriBaseId": "DOCS" },
        }
    });
    if d.location.line > 0
        && let Some(physical) = location.get_mut("physicalLocation")
        && let Some(object) = physical.as_object_mut()
    {
        let mut region = json!({ "startLine": d.location.line });
        if d.location.col > 0
            && let Some(r) = region.as_object_mut()
        {
            r.insert("startColumn".into(), json!(d.location.col));
        }
        object.insert("region".into(), region);
    }
    let text = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [location],
    });
    if let (Some(i), Some(object)) = (rule_index, result.as_object_mut()) {
        object.insert("ruleIndex".into(), json!(i));
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;

    fn sample() -> Vec<Diagnostic> {
        vec![
            Diagnostic::new(
                Severity::Error,
                "placeholder-value",
                Location {
                    file: "api/a.md".into(),
                    line: 3,
                    col: 5,
                },
                "bad",
            )
            .with_help("fix"),
            Diagnostic::new(
                Severity::Warning,
                "brand-new-code",
                Location::file("b.md"),
                "m",
            ),
        ]
    }

    #[test]
    fn json_lines_have_every_field() {
        let text = json_lines(&sample());
        let lines: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["code"], "placeholder-value");
        assert_eq!(lines[0]["severity"], "error");
        assert_eq!(lines[0]["file"], "api/a.md");
        assert_eq!(
            (lines[0]["line"].as_u64(), lines[0]["col"].as_u64()),
            (Some(3), Some(5))
        );
        assert_eq!(lines[0]["help"], "fix");
        assert!(lines[1]["help"].is_null());
    }

    #[test]
    fn sarif_has_rules_results_and_regions() {
        let log = sarif(&sample(), "0.1.0");
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        assert!(rules.len() > RULES.len(), "unknown codes get a rule too");
        let first = &run["results"][0];
        assert_eq!(first["ruleId"], "placeholder-value");
        let i = first["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(rules[i]["id"], "placeholder-value");
        assert_eq!(rules[i]["defaultConfiguration"]["level"], "error");
        let region = &first["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (region["startLine"].as_u64(), region["startColumn"].as_u64()),
            (Some(3), Some(5))
        );
        let whole_file = &run["results"][1]["locations"][0]["physicalLocation"];
        assert!(whole_file.get("region").is_none());
    }
}
