//! Prints coverage figures and timings for a docs folder (by default the shared corpus):
//! a bare pulldown-cmark pass over every page against the pipeline.
//!
//! `cargo run --release -p codegen --example corpus_stats [-- <docs dir>] [--failing]`
//!
//! Timings are the best of five runs (the machine may be busy with other work): wall
//! clock, and for the pipeline also the CPU time of all its threads. The per-stage
//! figures are single-threaded CPU time of one run.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use codegen::coverage::{Coverage, Tally};
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
    let sources: Vec<Source> = files
        .iter()
        .filter_map(|(rel, path)| source::read(rel, path, &mut diags))
        .collect();
    if sources.is_empty() {
        eprintln!("no .md pages under {}", dir.display());
        return ExitCode::from(2);
    }

    let bare = best_of(5, || {
        let events = sources.iter().map(|s| {
            Parser::new_ext(&s.text, Options::ENABLE_TABLES)
                .into_offset_iter()
                .count()
        });
        events.sum::<usize>()
    });
    stages(&sources);
    // The pipeline consumes its sources: copies are made before the timing.
    let mut copies: Vec<Vec<Source>> = (0..5).map(|_| sources.clone()).collect();
    let full = best_of(5, || {
        let input = copies.pop().unwrap_or_default();
        codegen::pipeline::from_sources(input, Diagnostics::default())
    });
    let (Some(events), Some(loaded)) = (bare.out, full.out) else {
        return ExitCode::from(2);
    };

    let c = Coverage::of(&loaded);
    println!("{c}");
    println!(
        "bare pulldown-cmark pass (one thread): {:.2?} wall ({events} events)",
        bare.wall
    );
    println!(
        "pipeline::from_sources: {:.2?} wall ({:.2}x), {:.2?} CPU over {} threads ({:.2}x)",
        full.wall,
        ratio(full.wall, bare.wall),
        full.cpu,
        rayon_threads(),
        ratio(full.cpu, bare.wall)
    );
    if args.iter().any(|a| a == "--failing") {
        print_failing(&c);
    }
    ExitCode::SUCCESS
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

fn rayon_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn print_failing(c: &Coverage) {
    let kinds: [(&str, &Tally); 4] = [
        ("api", &c.api),
        ("resource", &c.resource),
        ("enum", &c.enums),
        ("overview", &c.overview),
    ];
    for (what, t) in kinds {
        for p in &t.failing {
            println!("failing {what}: {p}");
        }
    }
}

/// The fastest of several runs: its wall time, the CPU time of the process during it,
/// and the last result (dropped outside the timing).
struct Best<T> {
    wall: Duration,
    cpu: Duration,
    out: Option<T>,
}

fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> Best<T> {
    let mut best = Best {
        wall: Duration::MAX,
        cpu: Duration::ZERO,
        out: None,
    };
    for _ in 0..n {
        drop(best.out.take());
        let (wall, cpu) = (Instant::now(), process_cpu());
        let out = f();
        let wall = wall.elapsed();
        if wall < best.wall {
            best.wall = wall;
            best.cpu = process_cpu().saturating_sub(cpu);
        }
        best.out = Some(out);
    }
    best
}

/// CPU time of all threads of this process (`/proc/self/stat`, clock ticks of 10ms);
/// zero where Linux does not tell it.
fn process_cpu() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    // Fields after the `(comm)`: state is field 3, utime 14, stime 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

/// On-CPU time of this thread (`/proc/thread-self/schedstat`, nanoseconds), when known.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let (wall, cpu) = (Instant::now(), thread_cpu());
    let out = f();
    let spent = match (cpu, thread_cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    };
    (spent, out)
}

/// Times each stage on its own thread, once, for finding where the time goes.
fn stages(sources: &[Source]) {
    let mut d = Diagnostics::default();
    let (page, pages) = timed(|| {
        sources
            .iter()
            .map(|s| Page::parse(s, &mut d))
            .collect::<Vec<Page>>()
    });
    let (extract, mut frags) = timed(|| {
        let pairs = sources.iter().zip(&pages);
        pairs
            .map(|(s, p)| codegen::extract::extract(s, p, &mut d))
            .collect::<Vec<_>>()
    });
    let (resolve, api) = timed(|| codegen::resolve::resolve(&mut frags, &mut d));
    let (check, ()) = timed(|| codegen::typecheck::check_examples(&api, sources, &mut d));
    let (drop_pages, ()) = timed(|| drop(pages));
    println!(
        "stages (one thread, CPU): page {page:.2?}, extract {extract:.2?}, resolve {resolve:.2?}, \
typecheck {check:.2?}, dropping the pages {drop_pages:.2?}"
    );
}
