//! Speed and memory over the whole docs corpus, in one process and one run.
//!
//! Stages, each timed on one thread and on all cores (a rayon pool of that size):
//!
//! - **floor**: read each `.md` file and count the events pulldown-cmark (with tables)
//!   produces: the least any markdown tool has to do;
//! - **ir**: `codegen ir --quiet` in-process (load, page, extract, resolve, typecheck, and
//!   the IR printed as JSON to a sink);
//! - **emit**: the emitter alone on an IR loaded beforehand (building and formatting every
//!   file in memory, nothing written), to show where generation spends its time;
//! - **generate**: `codegen generate --quiet` in-process into an empty directory (the IR,
//!   emit with formatting, and writing every file).
//!
//! Each stage runs `BENCH_RUNS` times (default 3) and the fastest run is shown, in
//! milliseconds and as a ratio to the floor with the same number of threads. The floor
//! and ir take turns (floor, ir, floor, ir, …), so that a slow spell of the shared machine
//! weighs on both alike; generate and emit run after them. Memory is
//! shown two ways (the highest of all runs): the peak of live heap bytes during the stage
//! (counted by this binary's global allocator, exact and independent of what earlier
//! stages left behind; counted on one thread only, since shared counters would slow the
//! parallel stages down), and the process's resident high-water mark (`VmHWM`, reset
//! before each stage through `/proc/self/clear_refs`; it includes memory the allocator
//! kept from earlier stages). The one-thread and all-core generated trees are compared byte for byte.
//!
//! ```sh
//! cargo bench -p codegen --bench corpus                      # corpus from GRAPH_CORPUS or ../shared/corpus/graph-beta-2021
//! GRAPH_CORPUS=/path/to/graph-beta-2021 cargo bench -p codegen --bench corpus
//! cargo bench -p codegen --bench corpus -- ir                # only the floor and the named stages
//! ```

use std::alloc::{GlobalAlloc, Layout};

use mimalloc::MiMalloc;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pulldown_cmark::{Options, Parser};

/// The allocator the `codegen` binary uses (mimalloc), counting live bytes and their peak.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Whether allocations are counted (only while a single-threaded stage runs).
static COUNTING: AtomicBool = AtomicBool::new(false);

/// Adds `added` and removes `removed` live bytes, raising the peak.
fn count(added: usize, removed: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        let delta = isize::try_from(added).unwrap_or(isize::MAX)
            - isize::try_from(removed).unwrap_or(isize::MAX);
        let live = LIVE.fetch_add(delta, Ordering::Relaxed) + delta;
        PEAK.fetch_max(usize::try_from(live).unwrap_or(0), Ordering::Relaxed);
    }
}

// SAFETY: every call is forwarded unchanged to `MiMalloc`; the counters are only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as `MiMalloc::alloc`, which the caller upholds.
        let ptr = unsafe { MiMalloc.alloc(layout) };
        if !ptr.is_null() {
            count(layout.size(), 0);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as `MiMalloc::dealloc`, which the caller upholds.
        unsafe { MiMalloc.dealloc(ptr, layout) };
        count(0, layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as `MiMalloc::realloc`, which the caller upholds.
        let new = unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            count(new_size, layout.size());
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One measured stage.
struct Measure {
    name: &'static str,
    threads: usize,
    time: Duration,
    cpu_ms: Option<f64>,
    heap_mb: Option<f64>,
    rss_mb: Option<f64>,
}

fn main() {
    // `cargo bench` passes `--bench`; other arguments name the stages to run.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let Some(corpus) = corpus_dir() else {
        println!("corpus bench skipped: set GRAPH_CORPUS to the graph-beta-2021 folder");
        return;
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let out = std::env::temp_dir().join(format!("codegen-bench-{}", std::process::id()));
    println!("corpus: {}", corpus.display());
    // Warm the page cache so the first timed stage does not pay for the disk.
    let (pages, bytes, _) = floor(&corpus);
    println!("{pages} pages, {:.1} MB, {cores} cores", bytes as f64 / 1e6);
    let mut rows = Vec::new();
    let mut trees = Vec::new();
    for threads in thread_counts(cores) {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("cannot build a pool of {threads} threads: {e}");
                std::process::exit(2);
            }
        };
        let dir = out.join(format!("t{threads}"));
        pool.install(|| run_stages(&corpus, &dir, threads, &only, &mut rows));
        trees.push(dir.join("run0"));
    }
    print_table(&rows);
    if only.is_empty() || only.iter().any(|o| o == "generate") {
        compare_trees(&trees);
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// The corpus folder: `GRAPH_CORPUS`, else `../shared/corpus/graph-beta-2021` next to the
/// workspace; `None` when it does not exist.
fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("GRAPH_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/graph-beta-2021"),
        PathBuf::from,
    );
    dir.is_dir().then_some(dir)
}

/// One thread, then every core (once when there is only one).
fn thread_counts(cores: usize) -> Vec<usize> {
    if cores > 1 { vec![1, cores] } else { vec![1] }
}

/// A stage to time: its name and what it runs (given the run's index).
type Stage<'a> = (&'static str, Box<dyn FnMut(usize) + 'a>);

/// Times floor, ir, emit and generate (or the floor and the stages named in `only`)
/// inside the current rayon pool.
///
/// The floor and ir take turns, run after run, so that a slow spell of the shared
/// machine falls on both rather than on whichever stage it coincides with: their ratio
/// compares runs taken under the same conditions. Generate runs after them, because the
/// thousands of files it writes are flushed to disk in the background for a while, which
/// would slow the runs that follow it; emit runs last, because it holds an IR in memory,
/// which would add to the others' resident peak.
fn run_stages(corpus: &Path, out: &Path, threads: usize, only: &[String], rows: &mut Vec<Measure>) {
    let wanted = |stage: &str| only.is_empty() || only.iter().any(|o| o == stage);
    let _ = std::fs::remove_dir_all(out);
    let docs = corpus.display().to_string();
    let mut stages: Vec<Stage<'_>> = vec![(
        "floor",
        Box::new(|_| {
            floor(corpus);
        }),
    )];
    if wanted("ir") {
        stages.push((
            "ir",
            Box::new(|_| drop(cli(&["codegen", "ir", "--quiet", "--docs", &docs]))),
        ));
    }
    rows.extend(interleaved(&mut stages, threads));
    if wanted("generate") {
        rows.push(measure("generate", threads, |run| {
            generate(&docs, out, threads, run)
        }));
    }
    if wanted("emit") {
        match codegen::pipeline::load(corpus) {
            Ok(loaded) => rows.push(measure("emit", threads, |_| {
                let mut diags = codegen::diag::Diagnostics::default();
                let options = codegen::emit::EmitOptions::default();
                codegen::emit::emit(&loaded.api, &options, &mut diags);
            })),
            Err(e) => eprintln!("emit stage skipped: {e}"),
        }
    }
}

/// One run of `codegen generate --quiet` into a fresh tree (`run<N>` under `out`); the
/// first is compared across thread counts.
fn generate(docs: &str, out: &Path, threads: usize, run: usize) {
    let out_arg = out.join(format!("run{run}")).display().to_string();
    let summary = cli(&[
        "codegen", "generate", "--quiet", "--docs", docs, "--out", &out_arg,
    ]);
    if threads == 1 && run == 0 {
        print!("{summary}");
    }
}

/// Runs every stage once per round, [`runs`] rounds, and keeps each stage's best (see
/// [`best_of`]).
fn interleaved(stages: &mut [Stage<'_>], threads: usize) -> Vec<Measure> {
    let mut best: Vec<Option<Measure>> = stages.iter().map(|_| None).collect();
    for run in 0..runs() {
        for ((name, stage), best) in stages.iter_mut().zip(&mut best) {
            let m = measure_once(name, threads, || stage(run));
            *best = Some(best_of(best.take(), m));
        }
    }
    best.into_iter().flatten().collect()
}

/// How many times each stage runs: `BENCH_RUNS`, else 3. The fastest run is reported,
/// because on a shared machine other jobs only ever make a run slower.
fn runs() -> usize {
    std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(3)
}

/// Runs a stage [`runs`] times in a row (the closure gets the run's index) and keeps
/// the best (see [`best_of`]).
fn measure(name: &'static str, threads: usize, mut stage: impl FnMut(usize)) -> Measure {
    let mut best = None;
    for run in 0..runs() {
        best = Some(best_of(best, measure_once(name, threads, || stage(run))));
    }
    best.unwrap_or_else(|| measure_once(name, threads, || stage(0)))
}

/// The faster run's wall and CPU time, with the higher memory peaks of the two.
fn best_of(best: Option<Measure>, m: Measure) -> Measure {
    let Some(b) = best else { return m };
    let (fast, slow) = if m.time < b.time { (m, b) } else { (b, m) };
    Measure {
        heap_mb: max(fast.heap_mb, slow.heap_mb),
        rss_mb: max(fast.rss_mb, slow.rss_mb),
        ..fast
    }
}

fn max(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// Runs a stage once and records its wall time and peak memory.
fn measure_once(name: &'static str, threads: usize, stage: impl FnOnce()) -> Measure {
    reset_peak();
    // Bytes freed while not counting make `LIVE` meaningless; start each stage from zero.
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(threads == 1, Ordering::Relaxed);
    let cpu_start = cpu_ms();
    let start = Instant::now();
    stage();
    let time = start.elapsed();
    let cpu = cpu_ms().zip(cpu_start).map(|(end, start)| end - start);
    COUNTING.store(false, Ordering::Relaxed);
    let heap = PEAK.load(Ordering::Relaxed) as f64 / (1024.0 * 1024.0);
    Measure {
        name,
        threads,
        time,
        cpu_ms: cpu,
        heap_mb: (threads == 1).then_some(heap),
        rss_mb: peak_mb(),
    }
}

/// The floor: read every `.md` file (in parallel in the current pool) and count the events
/// pulldown-cmark produces with tables enabled. Returns (files, bytes, events).
fn floor(corpus: &Path) -> (usize, u64, u64) {
    use rayon::prelude::*;
    let mut diags = codegen::diag::Diagnostics::default();
    let files = codegen::source::list_markdown(corpus, &mut diags);
    let counts: Vec<(u64, u64)> = files
        .par_iter()
        .map(|(_, path)| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let events = Parser::new_ext(&text, Options::ENABLE_TABLES).count();
            (text.len() as u64, events as u64)
        })
        .collect();
    let (bytes, events) = counts
        .iter()
        .fold((0, 0), |(b, e), (tb, te)| (b + tb, e + te));
    (files.len(), bytes, events)
}

/// Runs the CLI in-process with stdout discarded; returns what it wrote to stderr.
fn cli(args: &[&str]) -> String {
    let (mut out, mut err) = (std::io::sink(), Vec::new());
    let mut console = codegen::cli::Console {
        out: &mut out,
        err: &mut err,
        err_is_terminal: false,
    };
    let code = codegen::cli::run(args.iter().copied(), &mut console);
    let text = String::from_utf8_lossy(&err).into_owned();
    if code > 1 {
        eprintln!("{args:?} failed with exit code {code}:\n{text}");
        std::process::exit(2);
    }
    text
}

/// Resets the resident-set high-water mark (Linux 4.0+); a no-op elsewhere.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// User plus system CPU time of the whole process so far, in ms (`/proc/self/stat`,
/// assuming the usual 100 ticks per second).
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) * 10.0)
}

/// `VmHWM` in MB, when the platform reports it.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn print_table(rows: &[Measure]) {
    println!();
    println!("| stage    | threads | wall ms | × floor | CPU ms | heap peak MB | VmHWM MB |");
    println!("|----------|--------:|--------:|--------:|-------:|-------------:|---------:|");
    for row in rows {
        let floor = rows
            .iter()
            .find(|r| r.name == "floor" && r.threads == row.threads)
            .map_or(row.time, |r| r.time);
        let ratio = row.time.as_secs_f64() / floor.as_secs_f64().max(1e-9);
        let mb = |m: Option<f64>| m.map_or("–".to_string(), |m| format!("{m:.0}"));
        println!(
            "| {:<8} | {:>7} | {:>7.0} | {:>7.2} | {:>6} | {:>12} | {:>8} |",
            row.name,
            row.threads,
            row.time.as_secs_f64() * 1000.0,
            ratio,
            mb(row.cpu_ms),
            mb(row.heap_mb),
            mb(row.rss_mb)
        );
    }
}

/// Compares the trees generated with different thread counts byte for byte.
fn compare_trees(trees: &[PathBuf]) {
    let Some((first, rest)) = trees.split_first() else {
        return;
    };
    let reference = read_tree(first);
    for other in rest {
        let same = read_tree(other) == reference;
        println!(
            "output of {} identical to {}: {}",
            other.display(),
            first.display(),
            if same { "yes" } else { "NO" }
        );
        if !same {
            std::process::exit(1);
        }
    }
}

/// Every file under `dir` (relative path, bytes), sorted.
fn read_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
                out.push((rel, std::fs::read(&path).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}
