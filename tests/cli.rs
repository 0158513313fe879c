//! The CLI as a user meets it: help, bad paths, broken pages, determinism.

use std::path::{Path, PathBuf};

use integration_tests::{root, run_cli, temp_dir};

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

const GOOD_RESOURCE: &str = "# widget resource type\n\nNamespace: microsoft.graph\n\nA widget.\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n|name|String|The name.|\n";

const BROKEN_API: &str = "# Create widget\n\n## HTTP request\n\n```http\nPOST /widgets\n```\n\n## Response\n\nIf successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) object.\n\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n{\n  \"name\": \"a\",\n  \"oops\": 00:00:00\n}\n```\n";

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in [
        &["--help"][..],
        &["generate", "--help"],
        &["ir", "--help"],
        &["check", "--help"],
        &["lint", "--help"],
        &["diff", "--help"],
    ] {
        let (code, out, _) = run_cli(cmd);
        assert_eq!(code, 0, "{cmd:?}");
        assert!(out.contains("Examples:"), "{cmd:?}: {out}");
    }
}

#[test]
fn a_missing_docs_folder_is_a_usage_error_naming_the_path() {
    let (code, _, err) = run_cli(&["ir", "--docs", "/no/such/docs"]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/docs"), "{err}");
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn a_single_page_is_read_with_the_pages_it_links_to() {
    let tmp = temp_dir("cli-single");
    let dir = tmp.path();
    let page = dir.join("docs/api/widget-create.md");
    write(&page, BROKEN_API);
    let page = page.display().to_string();
    let (code, _, err) = run_cli(&["lint", "--docs", &page]);
    assert_eq!(code, 1, "{err}");
    // Named as in its folder, with the line of the broken body.
    assert!(err.contains("api/widget-create.md:20:12"), "{err}");
    assert!(err.contains("unresolved-type"), "{err}");
    // With the linked resource page beside it, the type resolves, and the neighbour's
    // own problems (a Type cell naming two types) are not reported.
    let resource = format!("{GOOD_RESOURCE}|size|Int32 or String|The size.|\n");
    let resource_path = dir.join("docs/resources/widget.md");
    write(&resource_path, &resource);
    let (_, _, alone) = run_cli(&["lint", "--docs", &resource_path.display().to_string()]);
    assert!(alone.contains("type-text-union"), "{alone}");
    let (code, _, err) = run_cli(&["lint", "--docs", &page]);
    assert_eq!(code, 1, "{err}");
    assert!(!err.contains("unresolved-type"), "{err}");
    assert!(!err.contains("type-text-union"), "{err}");
    let (_, out, _) = run_cli(&["ir", "--docs", &page]);
    assert!(
        out.contains("\"name\": \"microsoft.graph.widget\""),
        "{out}"
    );
    let text = dir.join("docs/api/notes.txt");
    write(&text, "not markdown");
    let (code, _, err) = run_cli(&["ir", "--docs", &text.display().to_string()]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a .md page"), "{err}");
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let (code, _, err) = run_cli(&["generate", "--bogus"]);
    assert_eq!(code, 2);
    assert!(err.contains("--bogus"), "{err}");
}

#[test]
fn a_broken_page_is_reported_with_file_and_line_and_the_rest_is_generated() {
    let dir = temp_dir("cli-broken");
    let docs = dir.path().join("docs");
    write(&docs.join("resources/widget.md"), GOOD_RESOURCE);
    write(&docs.join("api/widget-post.md"), BROKEN_API);
    #[cfg(unix)]
    std::os::unix::fs::symlink("/no/such/target.md", docs.join("api/dangling.md"))
        .expect("symlink");
    let out = dir.path().join("out");
    let (code, _, err) = run_cli(&[
        "generate",
        "--docs",
        docs.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("api/widget-post.md:20"),
        "located at the bad line: {err}"
    );
    assert!(err.contains("example-json-invalid"), "{err}");
    #[cfg(unix)]
    assert!(
        err.contains("api/dangling.md") && err.contains("cannot read file"),
        "{err}"
    );
    assert!(
        out.join("src/models/widget.rs").is_file(),
        "the good page is still generated"
    );
    assert!(err.contains("1 operations"), "summary line: {err}");
}

#[test]
fn generating_twice_gives_byte_identical_output() {
    let dir = temp_dir("cli-twice");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let docs = root().join("docs-input");
    for out in [&a, &b] {
        let (code, _, err) = run_cli(&[
            "generate",
            "--quiet",
            "--docs",
            docs.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
    }
    let files = |d: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        let mut all = Vec::new();
        let mut stack = vec![d.to_path_buf()];
        while let Some(p) = stack.pop() {
            for e in std::fs::read_dir(&p).expect("read_dir").flatten() {
                let path = e.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    all.push((
                        path.strip_prefix(d).expect("prefix").to_path_buf(),
                        std::fs::read(&path).expect("read"),
                    ));
                }
            }
        }
        all.sort();
        all
    };
    let (fa, fb) = (files(&a), files(&b));
    assert!(fa.len() > 50, "a whole crate was written");
    assert_eq!(fa, fb);
}

#[test]
fn ir_prints_json_and_yaml() {
    let docs = root().join("docs-input");
    let (code, out, _) = run_cli(&["ir", "--quiet", "--docs", docs.to_str().unwrap()]);
    assert_eq!(code, 0);
    let ir: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(ir["types"].as_array().is_some_and(|t| t.len() > 30));
    let (code, out, _) = run_cli(&[
        "ir",
        "--quiet",
        "--format",
        "yaml",
        "--docs",
        docs.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("name: createItemPublication"),
        "{}",
        &out[..200.min(out.len())]
    );
}

/// A stdout that takes `room` bytes, then fails every write with `kind`.
struct ClosingPipe {
    room: usize,
    kind: std::io::ErrorKind,
}

impl std::io::Write for ClosingPipe {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            return Err(self.kind.into());
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs the CLI with a stdout that fails after 100 bytes with `kind`; returns (exit
/// code, stderr).
fn run_into_pipe(args: &[&str], kind: std::io::ErrorKind) -> (u8, String) {
    integration_tests::run_cli_into(args, &mut ClosingPipe { room: 100, kind })
}

#[test]
fn a_reader_that_stops_early_is_not_an_error_but_a_full_disk_is() {
    use std::io::ErrorKind::{BrokenPipe, StorageFull};
    let docs = root().join("docs-input");
    let docs = docs.to_str().unwrap();
    for format in ["json", "yaml"] {
        let args = ["ir", "--quiet", "--format", format, "--docs", docs];
        // `codegen ir | head`: the reader has what it wanted.
        let (code, err) = run_into_pipe(&args, BrokenPipe);
        assert_eq!((code, err.as_str()), (0, ""), "{format}");
        let (code, err) = run_into_pipe(&args, StorageFull);
        assert_eq!(code, 2, "{format}: {err}");
        assert!(
            err.contains("cannot write the IR to stdout"),
            "{format}: {err}"
        );
    }
    let lint = ["lint", "--format", "json", "--docs", docs];
    let (code, err) = run_into_pipe(&lint, BrokenPipe);
    assert!(code < 2 && !err.contains("error:"), "{code}: {err}");
    let (code, err) = run_into_pipe(&lint, StorageFull);
    assert_eq!(code, 2, "{err}");
    // A page against the whole folder: a long list of added items.
    let page = root().join("docs-input/resources/itemaddress.md");
    let diff = ["diff", page.to_str().unwrap(), docs];
    let (code, err) = run_into_pipe(&diff, BrokenPipe);
    assert!(code < 2 && !err.contains("error:"), "{code}: {err}");
    let (code, err) = run_into_pipe(&diff, StorageFull);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot write to stdout"), "{err}");
    // `check` against an empty folder: every file missing, then "stale" (exit 1).
    let empty = temp_dir("cli-check-empty");
    let check = [
        "check",
        "--docs",
        docs,
        "--out",
        empty.path().to_str().unwrap(),
    ];
    let (code, err) = run_into_pipe(&check, BrokenPipe);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is stale") && !err.contains("error:"), "{err}");
    let (code, err) = run_into_pipe(&check, StorageFull);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot write to stdout"), "{err}");
}
