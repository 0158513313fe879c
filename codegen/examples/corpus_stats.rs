//! Prints coverage figures and timings for a docs folder (by default the shared corpus):
//! a bare pulldown-cmark pass over every page against the full pipeline.
//!
//! `cargo run --release -p codegen --example corpus_stats [-- <docs dir> [--failing]]`

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use codegen::coverage::Coverage;
use codegen::diag::Diagnostics;
use codegen::page::Page;
use codegen::source::{self, Source};
use pulldown_cmark::{Options, Parser};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/graph-beta-2021")
        });
    let mut diags = Diagnostics::default();
    let files = source::list_markdown(&dir, &mut diags);
    if files.is_empty() {
        eprintln!("no .md pages under {}", dir.display());
        return ExitCode::from(2);
    }
    let sources: Vec<_> = files
        .iter()
        .filter_map(|(rel, path)| source::read(rel, path, &mut diags))
        .collect();

    let started = Instant::now();
    let mut events = 0usize;
    for s in &sources {
        events += Parser::new_ext(&s.text, Options::ENABLE_TABLES)
            .into_offset_iter()
            .count();
    }
    let bare = started.elapsed();

    stages(&sources);
    let started = Instant::now();
    let loaded = codegen::pipeline::from_sources(sources, diags);
    let full = started.elapsed();

    let c = Coverage::of(&loaded);
    println!("{c}");
    println!(
        "bare pulldown-cmark pass: {bare:.2?} ({events} events); pipeline: {full:.2?} ({:.2}x)",
        full.as_secs_f64() / bare.as_secs_f64().max(1e-9)
    );
    if args.iter().any(|a| a == "--failing") {
        for (what, t) in [
            ("api", &c.api),
            ("resource", &c.resource),
            ("enum", &c.enums),
            ("overview", &c.overview),
        ] {
            for p in &t.failing {
                println!("failing {what}: {p}");
            }
        }
    }
    ExitCode::SUCCESS
}

/// Times each stage on its own, for finding where the time goes.
fn stages(sources: &[Source]) {
    let mut d = Diagnostics::default();
    let t = Instant::now();
    let pages: Vec<Page> = sources.iter().map(|s| Page::parse(s, &mut d)).collect();
    let page = t.elapsed();
    let t = Instant::now();
    let frags: Vec<_> = sources
        .iter()
        .zip(&pages)
        .map(|(s, p)| codegen::extract::extract(s, p, &mut d))
        .collect();
    let extract = t.elapsed();
    let t = Instant::now();
    let api = codegen::resolve::resolve(&frags, &mut d);
    let resolve = t.elapsed();
    let t = Instant::now();
    codegen::typecheck::check_examples(&api, sources, &mut d);
    let check = t.elapsed();
    println!(
        "stages: page {page:.2?}, extract {extract:.2?}, resolve {resolve:.2?}, typecheck {check:.2?}"
    );
}
