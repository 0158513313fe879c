//! One docs page generated four ways: each date mapping as a single file, and the module
//! tree layout.

use codegen::build::{BuildError, Builder, DateMapping, Layout};

fn main() -> Result<(), BuildError> {
    let mappings = [
        ("with_chrono", DateMapping::Chrono),
        ("with_time", DateMapping::Time),
        ("with_strings", DateMapping::String),
    ];
    for (module, dates) in mappings {
        Builder::new()
            .docs("docs")
            .module_name(module)
            .dates(dates)
            .generate()?;
    }
    Builder::new()
        .docs("docs")
        .module_name("as_tree")
        .module_path("crate::nested::as_tree")
        .layout(Layout::ModuleTree)
        .generate()?;
    Ok(())
}
