//! Rendering diagnostics for people: rustc-style with the source line and a caret, or
//! one short line each (for `cargo:warning=`).

use std::collections::BTreeMap;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};

use crate::diag::{Diagnostic, Severity};
use crate::source::Source;

/// Renders diagnostics with their source lines; `color` adds ANSI colors.
///
/// A diagnostic about a whole file (line 0) names the file in a note, since it has no
/// line to show; one whose file is not among `sources` is printed on one line.
pub fn render(diags: &[Diagnostic], sources: &[Source], color: bool) -> String {
    let by_path: BTreeMap<&str, &Source> = sources.iter().map(|s| (s.path.as_str(), s)).collect();
    // Only the files that are reported on are handed to the renderer, which keeps its own
    // copy of each: the whole corpus is 34 MB of text.
    let mut files = SimpleFiles::new();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let config = Config::default();
    let mut out = String::new();
    for d in diags {
        let file = d.location.file.as_str();
        let Some(source) = by_path.get(file) else {
            out.push_str(&format!("{d}\n\n"));
            continue;
        };
        let id = *ids
            .entry(file)
            .or_insert_with(|| files.add(source.path.clone(), source.text.clone()));
        let report = to_report(d, source, id);
        let rendered = if color {
            colored(&config, &files, &report)
        } else {
            let mut s = String::new();
            term::emit_to_string(&mut s, &config, &files, &report)
                .ok()
                .map(|_| s)
        };
        out.push_str(&rendered.unwrap_or_else(|| format!("{d}\n")));
    }
    out
}

fn colored(
    config: &Config,
    files: &SimpleFiles<String, String>,
    report: &Report<usize>,
) -> Option<String> {
    let mut buf = term::termcolor::Buffer::ansi();
    term::emit_to_write_style(&mut buf, config, files, report).ok()?;
    String::from_utf8(buf.into_inner()).ok()
}

fn to_report(d: &Diagnostic, source: &Source, id: usize) -> Report<usize> {
    let severity = match d.severity {
        Severity::Error => ReportSeverity::Error,
        Severity::Warning => ReportSeverity::Warning,
        Severity::Note => ReportSeverity::Note,
    };
    let mut report = Report::new(severity)
        .with_message(d.message.clone())
        .with_code(d.code.clone());
    let mut notes = Vec::new();
    match span(source, d.location.line, d.location.col) {
        Some(range) => report = report.with_labels(vec![Label::primary(id, range)]),
        // Without a label the renderer would not name the file at all.
        None => notes.push(format!("in {}", d.location)),
    }
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    report.with_notes(notes)
}

/// The byte range to underline: from the column (or the first non-blank) to the line end.
fn span(source: &Source, line: u32, col: u32) -> Option<std::ops::Range<usize>> {
    if line == 0 || line > source.line_count() {
        return None;
    }
    let text = source.line_text(line);
    let start = source.offset_of_line(line);
    let skip = if col > 0 {
        text.char_indices()
            .nth(col as usize - 1)
            .map_or(text.len(), |(i, _)| i)
    } else {
        text.len() - text.trim_start().len()
    };
    let end = underline_end(text, skip);
    Some(start + skip..start + end.max(skip + usize::from(end == skip && end < text.len())))
}

/// Where the caret run ends: the end of the first cell of a table row, else the line end.
fn underline_end(text: &str, skip: usize) -> usize {
    let line_end = text.trim_end().len().max(skip);
    let rest = &text[skip..line_end];
    match rest.strip_prefix('|').and_then(|r| r.find('|')) {
        Some(i) => skip + i + 2,
        None => line_end,
    }
}

/// One line per diagnostic: `file:line: warning[code]: message`.
pub fn short(d: &Diagnostic) -> String {
    format!("{}: {}[{}]: {}", d.location, d.severity, d.code, d.message)
}

/// `3 errors, 12 warnings (placeholder-value: 8, …), 5 notes`.
pub fn summary(diags: &[Diagnostic]) -> String {
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for d in diags {
        *by_code.entry(d.code.as_str()).or_default() += 1;
    }
    let codes: Vec<String> = by_code.iter().map(|(c, n)| format!("{c}: {n}")).collect();
    format!(
        "{} errors, {} warnings, {} notes{}",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
        if codes.is_empty() {
            String::new()
        } else {
            format!(" ({})", codes.join(", "))
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;

    #[test]
    fn human_output_shows_the_line_and_a_caret() {
        let s = Source::new("api/x.md", "# T\n  \"publishedDate\": \"Date\",\n");
        let d = Diagnostic::new(
            Severity::Warning,
            "placeholder-value",
            Location::line("api/x.md", 2),
            "bad",
        )
        .with_help("use a date");
        let out = render(&[d], &[s], false);
        assert!(out.contains("warning[placeholder-value]: bad"), "{out}");
        assert!(out.contains("api/x.md:2:3"), "{out}");
        assert!(out.contains("^^^^"), "{out}");
        assert!(out.contains("help: use a date"), "{out}");
    }

    #[test]
    fn a_diagnostic_about_a_whole_file_names_the_file() {
        let s = Source::new("api/x.md", "# T\n");
        let d = Diagnostic::new(
            Severity::Warning,
            "page-yields-nothing",
            Location::file("api/x.md"),
            "nothing here",
        )
        .with_help("add a table");
        let out = render(&[d], &[s], false);
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        assert_eq!(
            lines.get(..3),
            Some(
                &[
                    "warning[page-yields-nothing]: nothing here",
                    "= in api/x.md",
                    "= help: add a table",
                ][..]
            ),
            "{out}"
        );
    }

    #[test]
    fn a_diagnostic_on_a_line_past_the_end_names_the_file_and_line() {
        let s = Source::new("api/x.md", "# T\n");
        let d = Diagnostic::new(Severity::Error, "c", Location::line("api/x.md", 9), "m");
        let out = render(&[d], &[s], false);
        assert!(out.contains("= in api/x.md:9"), "{out}");
    }

    #[test]
    fn a_diagnostic_on_a_file_not_loaded_is_one_line() {
        let d = Diagnostic::new(Severity::Error, "c", Location::line("api/gone.md", 3), "m");
        let out = render(std::slice::from_ref(&d), &[], false);
        assert_eq!(out, format!("{d}\n\n"));
        assert!(out.contains("api/gone.md:3"), "{out}");
    }

    #[test]
    fn summary_counts_by_severity_and_code() {
        let d = |s, c: &str| Diagnostic::new(s, c, Location::file("a.md"), "m");
        let s = summary(&[
            d(Severity::Error, "a"),
            d(Severity::Warning, "b"),
            d(Severity::Warning, "b"),
        ]);
        assert_eq!(s, "1 errors, 2 warnings, 0 notes (a: 1, b: 2)");
    }
}
