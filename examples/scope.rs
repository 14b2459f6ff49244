//! Scope a leaked table or an export: which data, how many people, where,
//! minors among them — the facts for the notification, and a report of
//! every column. No value of the table is printed.
//!
//! ```text
//! cargo run --example scope -- [--key COLUMN] [--as-of YYYY-MM-DD]
//!     [--window COLUMN --from RFC3339 --until RFC3339] [--jsonl] [--latin1]
//!     [--set COLUMN=KIND]... FILE
//! cargo run --example scope -- --key customer_id tests/scope/orders.csv
//! ```
//! `--as-of` is the day ages are taken on (default: today on this
//! computer's clock — the library itself never reads it). Prints the scope
//! as JSON. Bad input: exit code 2 and a one-line message.

use std::fs::File;
use std::io::BufReader;
use std::process::ExitCode;

use dsgvo::Timestamp;
use dsgvo::scope::{ColumnKind, Encoding, ScopeOptions, Window, read_csv, read_json_lines};

const USAGE: &str = "usage: scope [--key COLUMN] [--as-of YYYY-MM-DD] [--window COLUMN --from RFC3339 --until RFC3339] [--jsonl] [--latin1] [--set COLUMN=KIND]... FILE";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("scope: {message}");
            ExitCode::from(2)
        }
    }
}

fn today() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut options = ScopeOptions::new(today());
    let (mut file, mut jsonl, mut encoding) = (None, false, Encoding::Utf8);
    let (mut column, mut from, mut until) = (None, None, None);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value; {USAGE}"));
        match arg.as_str() {
            "--key" => options.key = Some(value("--key")?),
            "--as-of" => {
                options.as_of = value("--as-of")?
                    .parse()
                    .map_err(|e| format!("--as-of: {e}"))?
            }
            "--window" => column = Some(value("--window")?),
            "--from" => from = Some(timestamp(&value("--from")?, "--from")?),
            "--until" => until = Some(timestamp(&value("--until")?, "--until")?),
            "--set" => {
                let set = value("--set")?;
                let (name, kind) = set
                    .split_once('=')
                    .ok_or(format!("--set COLUMN=KIND; {USAGE}"))?;
                let kind: ColumnKind = kind.parse().map_err(|e| format!("--set {name}: {e}"))?;
                options.overrides.insert(name.to_string(), kind);
            }
            "--jsonl" => jsonl = true,
            "--latin1" => encoding = Encoding::Latin1,
            "-h" | "--help" => return Err(USAGE.into()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}; {USAGE}")),
            _ => file = Some(arg),
        }
    }
    if let Some(column) = column {
        options.window = Some(Window {
            column,
            from,
            until,
        });
    } else if from.is_some() || until.is_some() {
        return Err(format!("--from and --until need --window COLUMN; {USAGE}"));
    }
    let path = file.ok_or(USAGE)?;
    let input = File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let summary = if jsonl {
        read_json_lines(BufReader::new(input), options, encoding)
    } else {
        read_csv(BufReader::new(input), options, encoding)
    }
    .map_err(|e| format!("{path}: {e}"))?;
    let scope = summary.report().map_err(|e| format!("{path}: {e}"))?;
    let json = serde_json::to_string_pretty(&scope).map_err(|e| e.to_string())?;
    println!("{json}");
    eprintln!(
        "scope: {} rows, {} people{}; decision support — check the columns' kinds (--set COLUMN=KIND) before notifying",
        scope.records,
        scope.subjects,
        scope
            .minors
            .map(|m| format!(", {m} minors"))
            .unwrap_or_default()
    );
    Ok(())
}

fn timestamp(text: &str, name: &str) -> Result<Timestamp, String> {
    Timestamp::parse(text).map_err(|e| format!("{name}: {e}"))
}
