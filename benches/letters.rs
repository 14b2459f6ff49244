//! Bulk Art. 34 letters: rate and peak memory while streaming recipients.
//!
//! `cargo bench --bench letters` renders personalised letters for 10,000
//! and 100,000 recipients (set `LETTERS_MAX=800000` for the release target)
//! into a sink that only counts bytes, on one thread (`letters`, a lazy
//! iterator) and on two (`letters_parallel`), and reports letters per second
//! and the process's peak resident memory (VmHWM) after each run: streaming
//! keeps the peak independent of the count. Each run twice: recipients
//! without their own `affected` list (letters filled into the breach's
//! skeleton) and recipients each with one (every letter rendered in full).

use std::hint::black_box;
mod support;

use std::time::Instant;

use dsgvo::document::{LetterFormat, Recipient, Templates, letters, letters_parallel};

const CASE: &str = include_str!("../examples/scenarios/shipping-label.json");

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing: run small then.
    let benching = std::env::args().any(|a| a == "--bench");
    let max: usize = std::env::var("LETTERS_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let counts: Vec<usize> = if benching {
        [10_000, 100_000, 800_000]
            .into_iter()
            .filter(|n| *n <= max)
            .collect()
    } else {
        vec![100]
    };

    let case: serde_json::Value = serde_json::from_str(CASE).unwrap();
    let mut facts = case["facts"].clone();
    facts["data_subjects"]["count"] = serde_json::json!(800_000);
    let facts = dsgvo::BreachFacts::from_json(&facts.to_string()).unwrap();
    let first_category = facts.data_categories[..1].to_vec();
    let breach = dsgvo::AssessedBreach::new(facts, &dsgvo::AssessmentOptions::default());
    let templates = Templates::builtin();

    println!(
        "{:>9} {:>7} {:>9} {:>8} {:>10} {:>14} {:>12} {:>15}",
        "letters",
        "format",
        "own list",
        "threads",
        "seconds",
        "letters/s",
        "MiB out",
        "peak RSS MiB"
    );
    for (format, own) in [LetterFormat::Text, LetterFormat::Html]
        .into_iter()
        .flat_map(|f| [(f, false), (f, true)])
    {
        let affected = if own {
            first_category.clone()
        } else {
            Vec::new()
        };
        for &n in &counts {
            for threads in [1, 2] {
                let recipients = (0..n).map(|i| Recipient {
                    name: format!("Kundin Nr. {i}"),
                    salutation: Some("Sehr geehrte Frau".into()),
                    email: Some(format!("kundin{i}@example.de")),
                    affected: affected.clone(),
                });
                let start = Instant::now();
                let mut bytes = 0usize;
                if threads == 1 {
                    for letter in letters(&templates, &breach, format, recipients) {
                        bytes += black_box(letter.unwrap().content.len());
                    }
                } else {
                    let written = letters_parallel(
                        &templates,
                        &breach,
                        format,
                        recipients,
                        threads,
                        |letter| bytes += black_box(letter.content.len()),
                    )
                    .unwrap();
                    assert_eq!(written, n);
                }
                let secs = start.elapsed().as_secs_f64();
                let rss = support::peak_rss_mib()
                    .map(|m| format!("{m:.1}"))
                    .unwrap_or_else(|| "n/a".into());
                println!(
                    "{n:>9} {:>7} {:>9} {threads:>8} {secs:>10.3} {:>14.0} {:>12.1} {rss:>15}",
                    format.as_str(),
                    if own { "yes" } else { "no" },
                    n as f64 / secs,
                    bytes as f64 / (1024.0 * 1024.0)
                );
            }
        }
    }
}
