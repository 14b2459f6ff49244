//! The core reads no files, network, environment or clock: no source file
//! names those parts of std (or the clock functions of chrono), and the
//! workspace asks for chrono without its `clock` feature.

use std::path::Path;

mod purity_sources {
    include!("common/sources.rs");
}

use purity_sources::sources;

#[test]
fn the_core_uses_no_files_network_environment_or_clock() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20);
    let forbidden = [
        "std::fs",
        "std::net",
        "std::env",
        "std::process",
        "SystemTime",
        "Instant::now",
        "Utc::now",
        "Local::now",
        "include_bytes!(\"/",
        "unsafe ",
    ];
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for word in forbidden {
            assert!(!text.contains(word), "{} uses {word}", file.display());
        }
    }
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml")).unwrap();
    let chrono = manifest
        .lines()
        .find(|l| l.starts_with("chrono ="))
        .unwrap();
    assert!(
        chrono.contains("default-features = false") && !chrono.contains("clock"),
        "{chrono}"
    );
}
