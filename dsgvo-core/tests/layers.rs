//! Deciding and explaining apart: the facts are the bottom layer, the
//! engines decide without words, and only `explain` (and the documents
//! above it) put findings into German or English.

mod common_sources {
    include!("common/sources.rs");
}

use std::path::Path;

fn mentions(dir_or_file: &str) -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let path = src.join(dir_or_file);
    let mut files = Vec::new();
    if path.is_dir() {
        common_sources::sources(&path, &mut files);
    } else {
        files.push(path);
    }
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let code: String = text
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = code.as_str();
        while let Some(i) = rest.find("crate::") {
            let tail = &rest[i + 7..];
            // `crate::{a::x, b}` names several modules at once.
            let names: Vec<&str> = match tail.strip_prefix('{') {
                Some(group) => group[..group.find('}').unwrap_or(group.len())]
                    .split(',')
                    .map(|n| n.trim())
                    .collect(),
                None => vec![tail],
            };
            for name in names {
                let module: String = name
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.push((f.display().to_string(), module));
            }
            rest = tail;
        }
    }
    out
}

fn assert_none(layer: &str, forbidden: &[&str]) {
    let bad: Vec<String> = mentions(layer)
        .into_iter()
        .filter(|(_, m)| forbidden.contains(&m.as_str()))
        .map(|(f, m)| format!("{f} uses crate::{m}"))
        .collect();
    assert!(bad.is_empty(), "{layer}:\n{}", bad.join("\n"));
}

const ABOVE_FACTS: &[&str] = &[
    "risk",
    "duty",
    "authority",
    "warning",
    "clock",
    "reason",
    "explain",
    "label",
    "verdict",
    "document",
    "case",
    "summary",
    "tom",
    "dpo",
    "fine",
    "finding",
];
const WORDS: &[&str] = &["explain", "label", "reason", "document", "summary", "case"];

#[test]
fn facts_are_the_bottom_layer() {
    assert_none("facts", ABOVE_FACTS);
}

#[test]
fn the_breach_engines_decide_without_words() {
    for engine in [
        "risk",
        "duty",
        "authority",
        "warning.rs",
        "clock",
        "finding.rs",
    ] {
        assert_none(engine, WORDS);
    }
}

#[test]
fn the_verdict_does_not_depend_on_the_words() {
    assert_none("verdict.rs", &["explain", "label"]);
    assert_none("reason", &["explain", "label", "risk", "duty", "authority"]);
}
