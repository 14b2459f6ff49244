//! Loading and verifying a breach register: `cargo bench --bench register`
//! builds 10,000 and 100,000 cases of 9 entries each (set `REGISTER_MAX` to
//! change the largest), stores each as one line of `dsgvo.case/2` JSON in a
//! temporary file (one database row per case, as a shop plugin keeps them),
//! then reads the rows back one by one, loads and verifies every case (hash
//! chain + lifecycle rules) into a [`Register`] with `Register::load` on 1 and
//! on 2 threads, and reports the median time of 3 loads and the peak memory.
//! The stored rows are never all in memory at once, as with a database
//! cursor; each load runs in a fresh process (this binary again), so its
//! peak memory is its own and not the allocator's leftovers of another run.

mod support;

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

use dsgvo::AssessmentOptions;
use dsgvo::case::{Action, BackdatingTolerance, Register};
use dsgvo::document::Phase;

const CASE: &str = include_str!("../examples/scenarios/shipping-label.json");

/// One case of 10 entries: detected, assessed, escalated, notified (initial,
/// two supplements, final), subjects informed, closed.
fn stored_case(i: usize, facts: &serde_json::Value, worse: &dsgvo::BreachFacts) -> String {
    let facts = dsgvo::BreachFacts::from_json(&facts.to_string()).unwrap();
    let steps = [
        Action::Assess {
            options: AssessmentOptions::default(),
        },
        Action::UpdateFacts {
            facts: Box::new(worse.clone()),
        },
        Action::NotifyAuthority {
            phase: Phase::Initial,
            authority_reference: None,
            delay_reasons: None,
        },
        Action::NotifyAuthority {
            phase: Phase::Supplement,
            authority_reference: Some(format!("AZ-{i}")),
            delay_reasons: None,
        },
        Action::NotifyAuthority {
            phase: Phase::Supplement,
            authority_reference: None,
            delay_reasons: None,
        },
        Action::InformSubjects { people: 2500 },
        Action::NotifyAuthority {
            phase: Phase::Final,
            authority_reference: None,
            delay_reasons: None,
        },
        Action::Close,
    ];
    let case = support::case_of(format!("2026-{i:06}"), facts, steps);
    assert_eq!(case.entries().len(), 9);
    case.to_json()
}

fn main() {
    if let Ok(spec) = std::env::var(CHILD) {
        return load_once(&spec);
    }
    let benching = std::env::args().any(|a| a == "--bench");
    let max: usize = std::env::var("REGISTER_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let (counts, runs): (Vec<usize>, usize) = if benching {
        let counts = [10_000, 100_000].into_iter().filter(|n| *n <= max);
        (counts.collect(), 3)
    } else {
        (vec![10], 1)
    };

    let case: serde_json::Value = serde_json::from_str(CASE).unwrap();
    let facts = case["facts"].clone();
    let mut worse = facts.clone();
    worse["cause"] = "hacking".into();
    worse["malicious"] = true.into();
    worse["data_categories"] = serde_json::json!(["identity", "contact", "payment_card"]);
    worse["confidentiality"] = serde_json::json!({ "recipients": "unknown", "exfiltrated": "yes" });
    let worse = dsgvo::BreachFacts::from_json(&worse.to_string())
        .unwrap()
        .into_inner();

    println!(
        "{:>8} {:>9} {:>9} {:>8} {:>8} {:>16} {:>16}",
        "cases", "entries", "MiB JSON", "threads", "build s", "load+verify s", "peak RSS MiB"
    );
    let path = std::env::temp_dir().join(format!("dsgvo-register-{}.jsonl", std::process::id()));
    for n in counts {
        let start = Instant::now();
        let mut rows = BufWriter::new(File::create(&path).expect("temporary file"));
        let mut bytes = 0;
        for i in 0..n {
            let row = stored_case(i, &facts, &worse);
            bytes += row.len();
            writeln!(rows, "{row}").expect("write the row");
        }
        rows.flush().expect("write the rows");
        drop(rows);
        let build = start.elapsed().as_secs_f64();

        for workers in [1, 2] {
            let mut seconds = Vec::new();
            let mut peak = Vec::new();
            for _ in 0..runs {
                let out = std::process::Command::new(std::env::current_exe().expect("this bench"))
                    .env(CHILD, format!("{n} {workers} {}", path.display()))
                    .output()
                    .expect("run a load");
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let text = String::from_utf8(out.stdout).expect("figures");
                let mut figures = text.split_whitespace();
                seconds.push(
                    figures
                        .next()
                        .and_then(|f| f.parse::<f64>().ok())
                        .expect("time"),
                );
                peak.push(figures.next().unwrap_or("n/a").to_string());
            }
            seconds.sort_by(f64::total_cmp);
            println!(
                "{n:>8} {:>9} {:>9.1} {workers:>8} {build:>8.2} {:>16.2} {:>16}",
                9 * n,
                bytes as f64 / (1024.0 * 1024.0),
                seconds[seconds.len() / 2],
                peak.iter()
                    .max_by_key(|p| p.parse::<u64>().unwrap_or(0))
                    .expect("a run"),
            );
        }
    }
    let _ = std::fs::remove_file(&path);
}

/// Set for a child process: "cases workers path".
const CHILD: &str = "DSGVO_REGISTER_LOAD";

/// Loads the rows once and prints seconds and peak RSS in MiB.
fn load_once(spec: &str) {
    let mut parts = spec.splitn(3, ' ');
    let n: usize = parts.next().and_then(|p| p.parse().ok()).expect("cases");
    let workers: usize = parts.next().and_then(|p| p.parse().ok()).expect("workers");
    let path = parts.next().expect("path");
    let start = Instant::now();
    let reader = BufReader::with_capacity(1 << 20, File::open(path).expect("rows"));
    let rows = reader.lines().map(|line| line.expect("read a row"));
    let register = Register::load(rows, BackdatingTolerance::default(), workers).unwrap();
    let seconds = start.elapsed().as_secs_f64();
    let peak = support::peak_rss_mib();
    let entries: usize = register.cases().iter().map(|c| c.entries().len()).sum();
    assert_eq!((register.figures().notified, entries), (n, 9 * n));
    println!(
        "{seconds} {}",
        peak.map(|m| format!("{m:.0}"))
            .unwrap_or_else(|| "n/a".into())
    );
}
