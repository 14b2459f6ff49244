//! Imports a TOM document and evaluates it against the shop baseline:
//!
//! ```text
//! cargo run --example tom -- dsgvo-core/tests/fixtures/tom-kleiner-shop.md [normal|high|very_high] [de|en] [YYYY-MM-DD]
//! ```
//!
//! Prints the findings (gaps, non-measures, overdue reviews, uncovered
//! goals) as text; `--json` prints the full `dsgvo.tom-evaluation/1`.
//! The date is today's (UTC) unless given; the library itself reads no clock.

use dsgvo::Language;
use dsgvo::tom::{ProtectionNeed, evaluate, import_document};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let args: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let Some(path) = args.first() else {
        eprintln!("usage: tom <document.md> [normal|high|very_high] [de|en] [YYYY-MM-DD] [--json]");
        std::process::exit(2);
    };
    let need = match args.get(1).map(|s| s.as_str()) {
        None | Some("normal") => ProtectionNeed::Normal,
        Some("high") => ProtectionNeed::High,
        Some("very_high") => ProtectionNeed::VeryHigh,
        Some(other) => fail(&format!(
            "protection need \"{other}\": use normal, high or very_high"
        )),
    };
    let lang = match args.get(2).map(|s| s.as_str()) {
        None | Some("de") => Language::De,
        Some("en") => Language::En,
        Some(other) => fail(&format!("language \"{other}\": use de or en")),
    };
    let today = match args.get(3) {
        Some(d) => d
            .parse()
            .unwrap_or_else(|_| fail(&format!("date \"{d}\": use YYYY-MM-DD"))),
        None => chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).date_naive(),
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let report =
        import_document(&text, "(imported)", need).unwrap_or_else(|e| fail(&e.to_string()));
    let e = evaluate(&report.checklist, today, lang);
    if json {
        println!("{}", e.to_json());
        return;
    }
    println!(
        "{} measures read from {} headings",
        e.items.len(),
        report.sections.len()
    );
    for s in &report.sections {
        let area = s
            .area
            .map(|a| format!("{a:?}"))
            .unwrap_or_else(|| "-".into());
        println!(
            "  line {:>3}: {} -> {area} ({} items)",
            s.line,
            s.heading,
            s.items.len()
        );
    }
    println!("\nCoverage by SDM goal (required baseline measures met / items in place):");
    for g in &e.by_goal {
        println!(
            "  {:<18} {}/{}  {}",
            format!("{:?}", g.goal),
            g.met,
            g.required,
            g.items_in_place
        );
    }
    println!("\nGaps:");
    for g in &e.gaps {
        println!("  - {} [{}]", g.reason.text, g.reason.source);
    }
    println!("\nStatements and items to fix:");
    for f in e
        .lint
        .iter()
        .filter(|f| f.reason.code != "no_responsible_party")
    {
        println!("  - {}: {}", f.item, f.reason.text);
    }
    let ownerless = e
        .lint
        .iter()
        .filter(|f| f.reason.code == "no_responsible_party")
        .count();
    println!(
        "  ({ownerless} measures name nobody responsible; {} reviews due)",
        e.overdue_reviews.len()
    );
    for r in &e.reasons {
        println!("  * {} [{}]", r.text, r.source);
    }
    println!("\n{}", e.disclaimer);
}

fn fail(message: &str) -> ! {
    eprintln!("tom: {message}");
    std::process::exit(2);
}
