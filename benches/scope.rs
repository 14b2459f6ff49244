//! Scoping a table (issue 20): rows per second and memory per person.
//!
//! `cargo bench --bench scope` builds a CSV of 1,000,000 rows × 12 columns
//! in memory (fake orders: 400,000 customers, e-mail, name, country, date
//! of birth, IBAN, masked card, order date, total, note, SKU; the shape of
//! `tests/scope/orders.csv`) and scopes it five times on one thread with
//! `read_csv` + `report` (key `customer_id`), printing each time and the
//! median, then the peak resident memory (VmHWM) and the summary's size per
//! distinct person. `SCOPE_ROWS` sets the rows; `SCOPE_WRITE=FILE` also
//! writes the table, for a side-by-side run of other code on it.

use std::hint::black_box;
use std::time::Instant;

mod support;

use dsgvo::scope::{Encoding, ScopeOptions, read_csv};

/// A deterministic stream of numbers (xorshift), so every run scopes the
/// same table.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn iban(account: u64) -> String {
    let bban = format!("37040044{account:010}");
    let digits: String = format!("{bban}131400"); // "DE00" as digits
    let rest = digits
        .bytes()
        .fold(0u64, |r, b| (r * 10 + u64::from(b - b'0')) % 97);
    format!("DE{:02}{bban}", 98 - rest)
}

/// The table as CSV text.
pub fn table(rows: usize) -> String {
    let mut n = Numbers(0x2026_1203);
    let first = [
        "Erika", "Max", "Anna", "Jonas", "Lea", "Paul", "Mia", "Felix",
    ];
    let last = ["Mustermann", "Musterfrau", "Beispiel", "Probe", "Muster"];
    let countries = ["DE", "DE", "DE", "AT", "FR", "NL"];
    let mut out = String::with_capacity(rows * 200);
    out.push_str("order_id;customer_id;billing_email;billing_first_name;billing_country;date_of_birth;iban;card_last4;order_date;order_total;customer_note;sku\n");
    for i in 0..rows {
        let c = n.next(400_000);
        let year = if c % 10 == 0 { 2010 } else { 1950 + c % 55 };
        out.push_str(&format!(
            "{};{};kunde{c}@example.org;{} {};{};{:02}.{:02}.{year};{};**** **** **** {:04};2026-11-{:02} 10:{:02}:00;{}.{:02};{};SKU-{}\n",
            500_000 + i,
            100_000 + c,
            first[(c % 8) as usize],
            last[(c % 5) as usize],
            countries[(c % 6) as usize],
            1 + c % 28,
            1 + c % 12,
            iban(c),
            n.next(10_000),
            1 + n.next(30),
            i % 60,
            5 + n.next(300),
            n.next(100),
            if i % 3 == 0 { "Bitte beim Nachbarn abgeben, falls niemand zu Hause ist." } else { "" },
            100 + n.next(900),
        ));
    }
    out
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let rows: usize = std::env::var("SCOPE_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if benching { 1_000_000 } else { 1_000 });
    let csv = table(rows);
    if let Ok(path) = std::env::var("SCOPE_WRITE") {
        std::fs::write(&path, &csv).unwrap();
        eprintln!("wrote {path}");
    }
    let options = ScopeOptions {
        key: Some("customer_id".into()),
        ..ScopeOptions::new("2026-11-20".parse().unwrap())
    };
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..if benching { 5 } else { 1 } {
        let start = Instant::now();
        let summary = read_csv(csv.as_bytes(), options.clone(), Encoding::Utf8).unwrap();
        let scope = summary.report().unwrap();
        times.push(start.elapsed().as_secs_f64());
        last = Some((black_box(scope), summary));
    }
    let (scope, summary) = last.unwrap();
    times.sort_by(f64::total_cmp);
    println!(
        "scope: {rows} rows x 12 columns ({:.0} MB CSV), {} people, {} minors: median {:.3} s (min {:.3} s, max {:.3} s)",
        csv.len() as f64 / 1e6,
        scope.subjects,
        scope.minors.unwrap_or(0),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
    let state = serde_json::to_string(&summary).unwrap();
    println!(
        "summary: {:.1} bytes of state per person (serialised), peak RSS {:.0} MiB (the CSV text itself is {:.0} MiB of it)",
        state.len() as f64 / scope.subjects.max(1) as f64,
        support::peak_rss_mib().unwrap_or(0.0),
        csv.len() as f64 / (1 << 20) as f64
    );
}
