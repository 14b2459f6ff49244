//! Triage a personal data breach from the command line.
//!
//! ```text
//! cargo run --example triage                       # built-in scenario (parcel label shows a phone number)
//! cargo run --example triage -- [--json] [--policy risk_based|notify_always]
//!     [--deadline-rule exact_72h|regulation_1182_71] [--lang de|en]
//!     [--documents DIR [--now RFC3339] [--delay-reasons TEXT]] FILE
//! ```
//! `--documents DIR` also writes every document (notification, form blocks,
//! sample letter, public communication, register entry, completeness) into
//! DIR; `--now` is when the notification is made (default: this computer's
//! clock — the library itself never reads it).
//! FILE holds breach facts, or a case file `{ "facts": ..., "options": ... }`
//! such as those in `tests/cases/`. Options given on the command line win
//! over the file's. Bad input: exit code 2 and a one-line message.

use std::process::ExitCode;

use dsgvo::{
    AssessedBreach, AssessmentOptions, BreachFacts, DeadlineRule, InputError, Language, Policy,
    summary,
};

/// The built-in scenario: a transfer error printed the customer's phone number on the parcel label.
const SCENARIO: &str = include_str!("scenarios/shipping-label.json");

const USAGE: &str = "usage: triage [--json] [--policy risk_based|notify_always] \
[--deadline-rule exact_72h|regulation_1182_71] [--lang de|en] \
[--documents DIR [--now RFC3339] [--delay-reasons TEXT]] [FILE]";

struct Args {
    json: bool,
    policy: Option<Policy>,
    deadline_rule: Option<DeadlineRule>,
    language: Option<Language>,
    documents: Option<String>,
    now: Option<dsgvo::Timestamp>,
    delay_reasons: Option<String>,
    file: Option<String>,
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("triage: {message}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("triage: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
    }
}

enum Failure {
    Help,
    Usage(String),
    Input(String),
}

fn run(argv: Vec<String>) -> Result<String, Failure> {
    let args = parse_args(argv)?;
    let text = match &args.file {
        None => SCENARIO.to_string(),
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))?,
    };
    let (facts, file_options) = read_input(&text)?;
    let mut options = file_options.unwrap_or_default();
    options.policy = args.policy.unwrap_or(options.policy);
    options.deadline_rule = args.deadline_rule.unwrap_or(options.deadline_rule);
    options.language = args.language.unwrap_or(options.language);
    let breach = AssessedBreach::new(facts, &options);
    if let Some(dir) = &args.documents {
        write_documents(dir, &breach, &args)?;
    }
    Ok(if args.json {
        format!("{}\n", breach.verdict().to_json_pretty())
    } else {
        summary::report(&breach)
    })
}

/// Reads plain facts, or a case file with `facts` and optional `options`.
fn read_input(text: &str) -> Result<(dsgvo::ValidFacts, Option<AssessmentOptions>), Failure> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // Not JSON at all: let the library name the problem.
        Err(_) => {
            return BreachFacts::from_json(text)
                .map(|f| (f, None))
                .map_err(|e| input_error(e, ""));
        }
    };
    match value.get("facts") {
        Some(facts) => {
            let facts =
                BreachFacts::from_json(&facts.to_string()).map_err(|e| input_error(e, "facts."))?;
            let options = match value.get("options") {
                Some(o) => Some(
                    AssessmentOptions::from_json(&o.to_string())
                        .map_err(|e| input_error(e, "options."))?,
                ),
                None => None,
            };
            Ok((facts, options))
        }
        None => BreachFacts::from_json(text)
            .map(|f| (f, None))
            .map_err(|e| input_error(e, "")),
    }
}

fn input_error(e: InputError, prefix: &str) -> Failure {
    let first = e.first();
    let path = if first.path == "." {
        prefix.trim_end_matches('.').to_string()
    } else {
        format!("{prefix}{}", first.path)
    };
    let path = if path.is_empty() {
        ".".to_string()
    } else {
        path
    };
    let more = if e.errors.len() > 1 {
        format!(" (and {} more)", e.errors.len() - 1)
    } else {
        String::new()
    };
    Failure::Input(format!(
        "invalid {}: {path}: {}{more}",
        e.document, first.problem
    ))
}

fn parse_args(argv: Vec<String>) -> Result<Args, Failure> {
    let mut args = Args {
        json: false,
        policy: None,
        deadline_rule: None,
        language: None,
        documents: None,
        now: None,
        delay_reasons: None,
        file: None,
    };
    let mut it = argv.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "-h" | "--help" => return Err(Failure::Help),
            "--json" => args.json = true,
            "--policy" => {
                args.policy = Some(choose("--policy", &value("--policy")?, Policy::ALL, |p| {
                    p.as_str()
                })?)
            }
            "--deadline-rule" => {
                let v = value("--deadline-rule")?;
                args.deadline_rule = Some(choose("--deadline-rule", &v, DeadlineRule::ALL, |r| {
                    r.as_str()
                })?)
            }
            "--documents" => args.documents = Some(value("--documents")?),
            "--now" => {
                let v = value("--now")?;
                args.now = Some(
                    dsgvo::Timestamp::parse(&v)
                        .map_err(|e| Failure::Usage(format!("--now: {e}")))?,
                );
            }
            "--delay-reasons" => args.delay_reasons = Some(value("--delay-reasons")?),
            "--lang" => {
                args.language = Some(choose("--lang", &value("--lang")?, Language::ALL, |l| {
                    l.as_str()
                })?)
            }
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!("unknown option {flag}")));
            }
            file if args.file.is_none() => args.file = Some(file.to_string()),
            extra => return Err(Failure::Usage(format!("unexpected argument {extra}"))),
        }
    }
    Ok(args)
}

fn choose<T: Copy>(
    flag: &str,
    value: &str,
    all: &[T],
    name: fn(&T) -> &'static str,
) -> Result<T, Failure> {
    all.iter()
        .copied()
        .find(|x| name(x) == value)
        .ok_or_else(|| {
            let names: Vec<_> = all.iter().map(name).collect();
            Failure::Usage(format!(
                "{flag}: unknown value \"{value}\"; expected one of {}",
                names.join(", ")
            ))
        })
}

/// Writes every document for the case into `dir`.
fn write_documents(dir: &str, breach: &AssessedBreach, args: &Args) -> Result<(), Failure> {
    let now = args
        .now
        .map(|t| t.to_utc())
        .unwrap_or_else(|| std::time::SystemTime::now().into());
    let docs = dsgvo::document::bundle(
        breach,
        &dsgvo::document::Templates::builtin(),
        now,
        args.delay_reasons.as_deref(),
    )
    .map_err(|e| {
        Failure::Input(format!(
            "documents not written: {e} (pass --delay-reasons or --now)"
        ))
    })?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Input(format!("cannot create {dir}: {e}")))?;
    for d in docs {
        let path = std::path::Path::new(dir).join(&d.file_name);
        std::fs::write(&path, d.content)
            .map_err(|e| Failure::Input(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}
