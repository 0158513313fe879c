//! Prints coverage figures and timings for a docs folder (by default the shared corpus):
//! a bare pulldown-cmark pass over every page against the full pipeline.
//!
//! `cargo run --release -p codegen --example corpus_stats [-- <docs dir> [--failing]]`

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

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

    // Best of five: the machine may be busy with other work.
    let (bare, events) = best_of(5, || {
        sources
            .iter()
            .map(|s| {
                Parser::new_ext(&s.text, Options::ENABLE_TABLES)
                    .into_offset_iter()
                    .count()
            })
            .sum::<usize>()
    });
    stages(&sources);
    let (full, loaded) = best_of(5, || {
        codegen::pipeline::from_sources(sources.clone(), Diagnostics::default())
    });
    let (Some(loaded), Some(events)) = (loaded, events) else {
        return ExitCode::from(2);
    };

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

/// The shortest of `n` runs of `f` (in CPU time of this thread where Linux tells it, so
/// that other work on the machine counts less), and the last result, which is dropped
/// outside the timing.
fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> (Duration, Option<T>) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..n {
        drop(last.take());
        let (t, out) = timed(&mut f);
        best = best.min(t);
        last = Some(out);
    }
    (best, last)
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let out = f();
    let spent = match (cpu, cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    };
    (spent, out)
}

/// On-CPU time of this thread (`/proc/thread-self/schedstat`), when available.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Times each stage on its own (once), for finding where the time goes.
fn stages(sources: &[Source]) {
    let mut d = Diagnostics::default();
    let (page, pages) = timed(|| {
        sources
            .iter()
            .map(|s| Page::parse(s, &mut d))
            .collect::<Vec<Page>>()
    });
    let (extract, frags) = timed(|| {
        let pairs = sources.iter().zip(&pages);
        pairs
            .map(|(s, p)| codegen::extract::extract(s, p, &mut d))
            .collect::<Vec<_>>()
    });
    let (resolve, api) = timed(|| codegen::resolve::resolve(&frags, &mut d));
    let (check, ()) = timed(|| codegen::typecheck::check_examples(&api, sources, &mut d));
    println!(
        "stages: page {page:.2?}, extract {extract:.2?}, resolve {resolve:.2?}, typecheck {check:.2?}"
    );
}
