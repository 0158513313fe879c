//! Tests of the rule registry.

use super::rules::*;

#[test]
fn rules_are_sorted_unique_and_documented() {
    for pair in RULES.windows(2) {
        if let [a, b] = pair {
            assert!(a.code < b.code, "{} before {}", a.code, b.code);
        }
    }
    for r in RULES {
        assert_eq!(find(r.code), Some(r));
        assert!(r.summary.ends_with('.'), "{}", r.code);
        assert!(r.explanation.len() > 20, "{}", r.code);
        let kebab = r
            .code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit());
        assert!(kebab, "{}", r.code);
    }
    assert!(find("no-such-rule").is_none());
}

/// Codes the front half of the pipeline records with `.warning("code", ...)` and the
/// like: each must be a registered rule so that `lint` grades it. (The emitter's codes
/// are not lint's: `lint` does not emit.)
#[test]
fn every_code_the_pipeline_records_is_a_rule() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src.clone()];
    let mut missing = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("emit") {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                for code in recorded_codes(&text) {
                    seen.insert(code.clone());
                    if find(&code).is_none() {
                        missing.push(format!("{}: {code}", path.display()));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "unregistered codes: {missing:#?}");
    assert!(
        seen.len() >= 25,
        "the scan finds the pipeline's codes: {seen:?}"
    );
}

/// `"code"` literals right after `.warning(`, `.error(` or `.note(` outside tests.
fn recorded_codes(text: &str) -> Vec<String> {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out = Vec::new();
    for call in [".warning(", ".error(", ".note("] {
        for (i, _) in text.match_indices(call) {
            let rest = text[i + call.len()..].trim_start();
            let Some(lit) = rest.strip_prefix('"') else {
                continue;
            };
            let code = &lit[..lit.find('"').unwrap_or(0)];
            if code.contains('-') {
                out.push(code.to_string());
            }
        }
    }
    out
}
