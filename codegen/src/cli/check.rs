//! `codegen check`: is the crate on disk what `generate` would write? Writes nothing.

use similar::TextDiff;

use crate::emit;
use crate::write::{self, TreeDiff};

use super::{Console, CrateArgs, DocsArgs, output};

/// Arguments of `codegen check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    docs: DocsArgs,
    #[command(flatten)]
    krate: CrateArgs,
}

/// Runs the command; returns 0 when the tree is up to date, 1 when it is not, 2 when the
/// docs cannot be read or the diff cannot be written.
pub fn run(args: &Args, console: &mut Console<'_>) -> u8 {
    let loaded = match output::load(&args.docs, console) {
        Ok(l) => l,
        Err(code) => return code,
    };
    // The docs' own problems are `lint`'s business; check shows them only on request.
    if args.docs.verbose {
        output::print_diagnostics(&loaded, &args.docs, console);
    }
    let options = args.krate.emit_options();
    let files = emit::emit(
        &loaded.api,
        &options,
        &mut crate::diag::Diagnostics::default(),
    );
    let diff = write::compare_tree(&args.krate.out, &files);
    let out = args.krate.out.display();
    if diff.is_clean() {
        let _ = writeln!(
            console.err,
            "{out} is up to date ({} files checked)",
            files.len()
        );
        return 0;
    }
    let written = console.out.write_all(unified(&diff).as_bytes());
    if let Err(code) = output::check_written(written, console) {
        return code;
    }
    let _ = writeln!(
        console.err,
        "{out} is stale: {} changed, {} missing, {} extra",
        diff.changed.len(),
        diff.missing.len(),
        diff.extra.len()
    );
    let _ = writeln!(
        console.err,
        "  help: run `codegen generate --docs {} --out {out}` and commit the result",
        args.docs.docs.display()
    );
    1
}

/// A unified diff per changed file (`a/` on disk, `b/` generated), then the missing and
/// extra files.
pub fn unified(diff: &TreeDiff) -> String {
    let mut text = String::new();
    for (path, on_disk, generated) in &diff.changed {
        let patch = TextDiff::from_lines(on_disk, generated)
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{path}"), &format!("b/{path}"))
            .to_string();
        text.push_str(&patch);
        if !patch.ends_with('\n') {
            text.push('\n');
        }
    }
    for path in &diff.missing {
        text.push_str(&format!("missing: {path} (would be generated)\n"));
    }
    for path in &diff.extra {
        text.push_str(&format!(
            "extra: {path} (generated earlier, no longer produced)\n"
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_gives_a_unified_diff() {
        let diff = TreeDiff {
            changed: vec![("src/lib.rs".into(), "a\nb\nc\n".into(), "a\nB\nc\n".into())],
            missing: vec!["src/x.rs".into()],
            extra: vec!["src/y.rs".into()],
        };
        let text = unified(&diff);
        assert!(
            text.contains("--- a/src/lib.rs\n+++ b/src/lib.rs\n"),
            "{text}"
        );
        assert!(text.contains("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"), "{text}");
        assert!(text.contains("missing: src/x.rs"), "{text}");
        assert!(text.contains("extra: src/y.rs"), "{text}");
    }
}
