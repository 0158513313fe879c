//! The whole real-world corpus (`../shared/corpus/graph-beta-2021` next to the workspace):
//! loads it once, prints the coverage figures and asserts the minimums.
//!
//! Skipped, with a message, when the corpus is not there (CI has it).

use std::time::Instant;

use codegen::coverage::{Coverage, Tally};
use codegen::pipeline;

mod common;

fn show_failing(what: &str, t: &Tally) {
    if t.failing.is_empty() {
        return;
    }
    println!("{what} ({}), first ones:", t.failing.len());
    for p in t.failing.iter().take(15) {
        println!("  {p}");
    }
}

#[test]
fn corpus_coverage() {
    let Some(dir) = common::corpus() else {
        return;
    };
    let started = Instant::now();
    let loaded = match pipeline::load(&dir) {
        Ok(l) => l,
        Err(e) => panic!("corpus did not load: {e}"),
    };
    println!("loaded in {:.2?}", started.elapsed());
    let c = Coverage::of(&loaded);
    println!("{c}");
    show_failing("API pages without a complete operation", &c.api);
    show_failing("resource pages without a type", &c.resource);
    show_failing("enum pages without an enum", &c.enums);
    show_failing("overview pages that yield something", &c.overview);

    assert!(
        c.resource.pages > 2000 && c.api.pages > 4500,
        "page classification is off:\n{c}"
    );
    assert!(
        c.resource.percent() >= 99.0,
        "resource coverage {:.2}% < 99%",
        c.resource.percent()
    );
    assert!(
        c.enums.percent() >= 99.0,
        "enum page coverage {:.2}% < 99%",
        c.enums.percent()
    );
    assert!(
        c.api.percent() >= 97.0,
        "API coverage {:.2}% < 97%",
        c.api.percent()
    );
    assert!(
        c.json_percent() >= 97.0,
        "JSON bodies parsed {:.2}% < 97%",
        c.json_percent()
    );
    // Overview pages are not excluded: they count with their own rule, yielding nothing.
    let spurious = c.overview.pages - c.overview.ok;
    assert!(
        spurious * 100 <= c.overview.pages,
        "{spurious} overview pages yield a type, enum or operation"
    );
}
