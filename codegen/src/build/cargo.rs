//! The `cargo:` lines a build script prints: `rerun-if-changed` for every input, and one
//! short `warning` line per docs warning.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::diag::Diagnostic;

/// `cargo:rerun-if-changed=` for every folder (so an added page triggers a rerun: cargo
/// scans a folder it is given) and every file read.
pub fn rerun_if_changed(
    out: &mut dyn Write,
    dirs: &[PathBuf],
    files: &[PathBuf],
) -> io::Result<()> {
    for path in dirs.iter().chain(files) {
        writeln!(
            out,
            "cargo:rerun-if-changed={}",
            one_line(&path.display().to_string())
        )?;
    }
    Ok(())
}

/// One `cargo:warning=file:line: code: message` line per diagnostic, at most `max`, then
/// `cargo:warning=… and N more` for the rest.
pub fn warnings(out: &mut dyn Write, diags: &[Diagnostic], max: usize) -> io::Result<()> {
    for d in diags.iter().take(max) {
        let text = format!("{}: {}: {}", d.location, d.code, d.message);
        writeln!(out, "cargo:warning={}", one_line(&text))?;
    }
    if diags.len() > max {
        let rest = diags.len() - max;
        writeln!(
            out,
            "cargo:warning=... and {rest} more docs warnings (see `Generated::diagnostics`, or run `codegen generate --docs DIR`)"
        )?;
    }
    Ok(())
}

/// Cargo reads instructions line by line, so a value must not contain a line break.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Location, Severity};

    #[test]
    fn warnings_are_one_line_each_and_capped() -> io::Result<()> {
        let d = |line| {
            Diagnostic::new(
                Severity::Warning,
                "placeholder-value",
                Location::line("docs/a.md", line),
                "bad\nvalue",
            )
        };
        let mut out = Vec::new();
        warnings(&mut out, &[d(3), d(4), d(5)], 2)?;
        let text = String::from_utf8_lossy(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "cargo:warning=docs/a.md:3: placeholder-value: bad value"
        );
        assert_eq!(lines.len(), 3);
        assert!(lines[2].starts_with("cargo:warning=... and 1 more"));
        Ok(())
    }

    #[test]
    fn folders_come_before_files() -> io::Result<()> {
        let mut out = Vec::new();
        rerun_if_changed(&mut out, &["d".into()], &["d/a.md".into()])?;
        assert_eq!(
            String::from_utf8_lossy(&out),
            "cargo:rerun-if-changed=d\ncargo:rerun-if-changed=d/a.md\n"
        );
        Ok(())
    }
}
