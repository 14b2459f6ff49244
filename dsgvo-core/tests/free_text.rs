//! No free text takes part in a decision: the deciding modules never read
//! the caller's prose fields and never fold case to match keywords. The only
//! reading of `controller.sector` is the exact v1 code table
//! (`ControllerContext::from_v1_sector`, reached through `BreachFacts::contexts`).

mod purity_sources {
    include!("common/sources.rs");
}

use purity_sources::sources as rust_files;
use std::path::Path;

#[test]
fn deciding_modules_read_no_free_text() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for d in ["risk", "authority", "duty"] {
        rust_files(&src.join(d), &mut files);
    }
    for f in ["warning.rs", "lib.rs"] {
        files.push(src.join(f));
    }
    let prose = [
        ".sector",
        ".summary",
        ".title",
        ".discovered_by",
        ".description_for_subjects",
        ".measures_taken",
        ".measures_proposed",
        ".justification",
        "to_lowercase(",
        "to_ascii_lowercase(",
        "to_uppercase(",
        "eq_ignore_ascii_case(",
    ];
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for p in prose {
                if code.contains(p) {
                    found.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "free text read where decisions are made:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_sector_is_read_only_through_the_exact_v1_table() {
    let facts = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/facts/category.rs"),
    )
    .unwrap();
    let table = facts
        .split("pub fn from_v1_sector")
        .nth(1)
        .and_then(|rest| rest.split("\n    }\n").next())
        .expect("the v1 table");
    assert!(table.contains("match sector {"), "{table}");
    for forbidden in ["contains(", "starts_with(", "lowercase"] {
        assert!(!table.contains(forbidden), "{forbidden} in {table}");
    }
}
