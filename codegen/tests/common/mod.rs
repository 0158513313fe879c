//! What the corpus tests share.

use std::path::{Path, PathBuf};

/// The Graph beta corpus: `GRAPH_CORPUS`, else `../shared/corpus/graph-beta-2021` next to
/// the workspace. `None`, after saying so, when it is not there (the tests then pass
/// without checking anything, as on machines without the corpus).
pub fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("GRAPH_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/graph-beta-2021"),
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "skipped: corpus not found at {} (set GRAPH_CORPUS)",
            dir.display()
        );
        None
    }
}
