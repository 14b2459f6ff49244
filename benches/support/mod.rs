//! Shared by the benchmarks (each bench uses what it needs).
#![allow(dead_code)]

use dsgvo::case::{Action, BackdatingTolerance, Case, CaseId, Command};
use dsgvo::{Timestamp, ValidFacts};

/// Opens case `id` five minutes after awareness and applies `steps` as the
/// DSB, the first ten minutes after awareness and then an hour apart.
pub fn case_of(id: String, facts: ValidFacts, steps: impl IntoIterator<Item = Action>) -> Case {
    let t0 = facts.aware_at.to_utc();
    let at = |minutes: i64| Timestamp::from(t0 + chrono::Duration::minutes(minutes));
    let mut case = Case::open(CaseId(id), facts, at(5), "DSB").unwrap();
    for (n, action) in steps.into_iter().enumerate() {
        let command = Command {
            at: at(10 + 60 * n as i64),
            actor: "DSB".into(),
            reason: None,
            action,
        };
        case.apply(command, BackdatingTolerance::default()).unwrap();
    }
    case
}

/// The process's peak resident memory (VmHWM) in MiB, where Linux reports it.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace()
        .nth(1)?
        .parse::<f64>()
        .ok()
        .map(|kib| kib / 1024.0)
}
