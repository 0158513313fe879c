//! Diff output: a line per change for people, one JSON document for tools.

use serde_json::{Value, json};

use super::{Change, ChangeKind};

/// One line per change (`BREAKING` marked), each followed by where it is documented.
pub fn human(changes: &[Change]) -> String {
    let mut out = String::new();
    for c in changes {
        let mark = if c.breaking { "BREAKING" } else { "" };
        let change = match c.change {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        };
        out.push_str(&format!(
            "{mark:<9}{change:<8} {:<17} {}: {}\n",
            c.item.label(),
            c.name,
            c.detail
        ));
        let place = match (&c.old, &c.new) {
            (Some(o), Some(n)) if o == n => format!("at {o}"),
            (Some(o), Some(n)) => format!("old {o}, new {n}"),
            (Some(o), None) => format!("old {o}"),
            (None, Some(n)) => format!("new {n}"),
            (None, None) => String::new(),
        };
        if !place.is_empty() {
            out.push_str(&format!("{:18}--> {place}\n", ""));
        }
    }
    out
}

/// `7 changes (3 breaking): 2 added, 3 removed, 2 changed`.
pub fn summary(changes: &[Change]) -> String {
    let count = |k: ChangeKind| changes.iter().filter(|c| c.change == k).count();
    let breaking = changes.iter().filter(|c| c.breaking).count();
    if changes.is_empty() {
        return "no changes".to_string();
    }
    format!(
        "{} change{} ({breaking} breaking): {} added, {} removed, {} changed",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" },
        count(ChangeKind::Added),
        count(ChangeKind::Removed),
        count(ChangeKind::Changed),
    )
}

/// `{"summary": {...}, "changes": [{change, item, name, detail, breaking, old, new}]}`.
pub fn json(changes: &[Change]) -> Value {
    let count = |k: ChangeKind| changes.iter().filter(|c| c.change == k).count();
    json!({
        "summary": {
            "changes": changes.len(),
            "breaking": changes.iter().filter(|c| c.breaking).count(),
            "added": count(ChangeKind::Added),
            "removed": count(ChangeKind::Removed),
            "changed": count(ChangeKind::Changed),
        },
        "changes": changes,
    })
}
