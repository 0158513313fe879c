//! Cargo reruns the build script exactly when the docs change.
//!
//! HEAVY on a cold cache: builds a probe crate whose `build.rs` uses codegen, in its own
//! target folder (`<target>/rebuild-test`, kept between runs), because this test runs
//! while the outer cargo holds the workspace's. The first run builds codegen and its
//! dependencies there (about 2 minutes on 2 cores); later runs take seconds.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

const BUILD_RS: &str = r#"fn main() -> Result<(), codegen::build::BuildError> {
    codegen::build::Builder::new()
        .docs("docs")
        .keep_operations(["createItemPublication"])
        .dates(codegen::build::DateMapping::String)
        .generate()?;
    Ok(())
}
"#;

const LIB_RS: &str =
    "pub const GENERATED: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/graph.rs\"));\n";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh probe crate (its own workspace) with a copy of `docs-input/` as `docs/`.
fn probe(dir: &Path) {
    let _ = fs::remove_dir_all(dir);
    let codegen = workspace().join("codegen");
    let manifest = format!(
        "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         [build-dependencies]\ncodegen = {{ path = {:?} }}\n\n[workspace]\n",
        codegen.display().to_string()
    );
    write(&dir.join("Cargo.toml"), &manifest);
    write(&dir.join("build.rs"), BUILD_RS);
    write(&dir.join("src/lib.rs"), LIB_RS);
    let lock = fs::read(workspace().join("Cargo.lock")).expect("Cargo.lock");
    fs::write(dir.join("Cargo.lock"), lock).expect("copy Cargo.lock");
    copy_tree(&workspace().join("docs-input"), &dir.join("docs"));
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, text).expect("write");
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// `cargo build -v` in the probe; returns cargo's stderr (where `-v` reports).
fn build(dir: &Path, target: &Path) -> String {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "-v", "--offline"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "cargo build failed:\n{stderr}");
    stderr
}

/// Whether cargo ran the probe's build script in this build.
fn reran(log: &str) -> bool {
    log.lines()
        .any(|l| l.trim_start().starts_with("Running") && l.contains("/build-script-build`"))
}

/// Sets a file's modification time to now, past the last build's timestamps.
fn touch(path: &Path) {
    std::thread::sleep(Duration::from_millis(1100));
    let file = fs::File::options().append(true).open(path).expect("open");
    file.set_modified(SystemTime::now()).expect("set mtime");
}

#[test]
fn the_build_script_reruns_only_when_the_docs_change() {
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"));
    let root = target_dir.join("rebuild-test");
    let dir = root.join("probe");
    let target = root.join("target");
    probe(&dir);

    let first = build(&dir, &target);
    assert!(
        reran(&first),
        "a fresh probe runs its build script:\n{first}"
    );
    assert!(
        first.contains("warning: probe@0.1.0: docs/api/profile-post-publications.md:"),
        "docs warnings are cargo warnings with file and line:\n{first}"
    );

    let unchanged = build(&dir, &target);
    assert!(
        !reran(&unchanged),
        "nothing changed, yet the build script ran:\n{unchanged}"
    );
    assert!(unchanged.contains("Fresh probe"), "{unchanged}");

    touch(&dir.join("docs/api/profile-post-publications.md"));
    let touched = build(&dir, &target);
    assert!(
        reran(&touched),
        "a touched page must rerun the build script:\n{touched}"
    );
    assert!(touched.contains("Dirty probe"), "{touched}");

    std::thread::sleep(Duration::from_millis(1100));
    let page = "# gadget resource type\n\nNamespace: microsoft.graph\n\nA gadget.\n";
    write(&dir.join("docs/resources/gadget.md"), page);
    let added = build(&dir, &target);
    assert!(
        reran(&added),
        "an added page must rerun the build script:\n{added}"
    );

    let again = build(&dir, &target);
    assert!(
        !reran(&again),
        "after the rerun the build is fresh again:\n{again}"
    );
}
