//! The same docs page generated with each date mapping, and as a module tree included
//! below another module (so its paths start at `crate::nested::as_tree`).

/// `DateMapping::Chrono`, single file.
pub mod with_chrono {
    include!(concat!(env!("OUT_DIR"), "/with_chrono.rs"));
}

/// `DateMapping::Time`, single file.
pub mod with_time {
    include!(concat!(env!("OUT_DIR"), "/with_time.rs"));
}

/// `DateMapping::String`, single file.
pub mod with_strings {
    include!(concat!(env!("OUT_DIR"), "/with_strings.rs"));
}

/// A module that holds the module-tree layout.
pub mod nested {
    /// `Layout::ModuleTree`, included from `OUT_DIR/as_tree/mod.rs`.
    pub mod as_tree {
        include!(concat!(env!("OUT_DIR"), "/as_tree/mod.rs"));
    }
}
