//! The package a user installs says the same licence at every door (crates,
//! composer, PyPI) and ships the licence texts it names.

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_door_has_the_same_licence_and_its_texts() {
    let workspace = read("Cargo.toml");
    assert!(workspace.contains("license = \"MIT OR Apache-2.0\""));
    for krate in ["dsgvo-core", "dsgvo-ffi", "dsgvo-py"] {
        let manifest = read(&format!("{krate}/Cargo.toml"));
        assert!(manifest.contains("license.workspace = true"), "{krate}");
    }
    let composer: serde_json::Value =
        serde_json::from_str(&read("dsgvo-ffi/php/composer.json")).unwrap();
    assert_eq!(
        composer["license"],
        serde_json::json!(["MIT", "Apache-2.0"])
    );
    assert!(read("dsgvo-py/pyproject.toml").contains("license = { text = \"MIT OR Apache-2.0\" }"));
    assert!(read("LICENSE-MIT").contains("Permission is hereby granted, free of charge"));
    assert!(
        read("LICENSE-APACHE")
            .contains("Apache License\n                        Version 2.0, January 2004")
    );
}
