//! The door vocabulary (`dsgvo_core::door`) pinned in Rust: every binding
//! (C, PHP through C, Python) marshals exactly these functions, so what
//! they read, answer and refuse is fixed here, not only four doors away.
//!
//! The expectations are the door's contract: an answer is the core's own
//! serde JSON of the same call (a door never changes a verdict); an
//! argument is read as documented (times with their offset, dates
//! `YYYY-MM-DD`, a tolerance of 0 to 7 days); a failure carries its code
//! and names the argument, and a failure inside item `i` of a list names
//! `list[i]` with the caller's own numbering.

mod common;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use common::{base, with};
use dsgvo_core::case::{Case, CaseId};
use dsgvo_core::document::{Recipient, Templates, bundle};
use dsgvo_core::door::breach::{FactsInput, LetterRun};
use dsgvo_core::door::scope::ScopeRun;
use dsgvo_core::door::{self, DoorError, args};
use dsgvo_core::{
    AssessedBreach, AssessmentOptions, BreachFacts, Coded, ErrorCode, Language, Policy, triage,
};
use serde_json::{Value, json};

fn facts_json(v: &Value) -> String {
    v.to_string()
}

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).expect("a door answers JSON")
}

/// A breach whose risk is high (published bank data of many customers):
/// the Art. 34 letters and the notification are due.
fn high_risk() -> Value {
    with(json!({
        "cause": "hacking",
        "malicious": true,
        "data_categories": ["identity", "contact", "financial"],
        "data_subjects": { "count": 5000 },
        "confidentiality": { "recipients": "public", "exfiltrated": "yes" }
    }))
}

fn at(text: &str) -> chrono::DateTime<Utc> {
    chrono::DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

// ---------------------------------------------------------------- args ---

#[test]
fn a_language_defaults_to_german_and_names_the_argument_when_unknown() {
    assert_eq!(args::language(None).unwrap(), Language::De);
    assert_eq!(args::language(Some("en")).unwrap(), Language::En);
    assert_eq!(args::language(Some("de")).unwrap(), Language::De);
    let e = args::language(Some("fr")).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.starts_with("lang: "), "{}", e.message);
    assert!(e.message.contains("\"fr\""), "{}", e.message);
}

#[test]
fn a_choice_is_read_from_its_closed_set() {
    assert_eq!(
        args::choice::<Policy>("notify_always", "policy").unwrap(),
        Policy::NotifyAlways
    );
    let e = args::choice::<Policy>("always", "policy").unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.starts_with("policy: "), "{}", e.message);
}

#[test]
fn a_time_keeps_its_offset_and_a_time_without_one_is_refused() {
    let t = args::timestamp("2026-11-20T09:15:00+01:00", "at").unwrap();
    assert_eq!(t.to_string(), "2026-11-20T09:15:00+01:00");
    assert_eq!(
        args::instant("2026-11-20T09:15:00+01:00", "now").unwrap(),
        Utc.with_ymd_and_hms(2026, 11, 20, 8, 15, 0).unwrap()
    );
    for (text, code) in [
        ("2026-11-20T09:15:00", ErrorCode::TimestampWithoutOffset),
        ("20.11.2026 09:15", ErrorCode::InvalidArgument),
    ] {
        let e = args::instant(text, "now").unwrap_err();
        assert_eq!(e.code, code, "{text}");
        assert!(e.message.starts_with("now: "), "{}", e.message);
        let e = args::timestamp(text, "at").unwrap_err();
        assert!(e.message.starts_with("at: "), "{}", e.message);
    }
}

#[test]
fn a_date_is_iso_and_a_wrong_one_is_named() {
    assert_eq!(
        args::date("2026-12-01", "today").unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    );
    let e = args::date("01.12.2026", "today").unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert_eq!(e.message, "today: \"01.12.2026\" is not a date YYYY-MM-DD");
}

#[test]
fn a_tolerance_lies_between_zero_and_seven_days() {
    assert_eq!(args::MAX_TOLERANCE_SECONDS, 7 * 86_400);
    for seconds in [0, 1, 3_600, 604_800] {
        let t = args::tolerance(seconds).unwrap();
        assert_eq!(t.0, Duration::seconds(seconds));
    }
    for seconds in [-1, 604_801, i64::MAX] {
        let e = args::tolerance(seconds).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidArgument);
        assert_eq!(
            e.message,
            format!("tolerance_seconds: {seconds} is outside 0 to 604800 (7 days)")
        );
    }
}

#[test]
fn a_case_id_is_taken_as_given_but_never_blank() {
    assert_eq!(
        args::case_id("B-2026-1").unwrap(),
        CaseId("B-2026-1".into())
    );
    assert_eq!(args::case_id(" x ").unwrap(), CaseId(" x ".into()));
    for blank in ["", "  ", "\t"] {
        let e = args::case_id(blank).unwrap_err();
        assert_eq!(e.message, "id: must not be blank");
    }
}

#[test]
fn facts_and_options_are_read_and_their_failures_carry_the_field_path() {
    let facts = args::facts(&facts_json(&base())).unwrap();
    assert_eq!(
        facts.data_subjects.count,
        dsgvo_core::facts::ApproxCount::Exact(1)
    );
    let e = args::facts(&facts_json(&with(json!({"data_subjects": {"count": -1}})))).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidValue);
    assert_eq!(e.path.as_deref(), Some("data_subjects.count"));
    assert!(e.message.contains("data_subjects.count"), "{}", e.message);

    assert_eq!(args::options(None).unwrap(), AssessmentOptions::default());
    let o = args::options(Some(r#"{"policy": "notify_always", "language": "en"}"#)).unwrap();
    assert_eq!(o.policy, Policy::NotifyAlways);
    assert_eq!(o.language, Language::En);
    let e = args::options(Some(r#"{"policy": "never"}"#)).unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownValue);
    assert_eq!(e.path.as_deref(), Some("policy"));
}

#[test]
fn a_document_may_be_any_json_and_an_object_must_be_one() {
    let v: Vec<u32> = args::document("numbers", "[1, 2]").unwrap();
    assert_eq!(v, [1, 2]);
    let e = args::document::<Vec<u32>>("numbers", "[1,").unwrap_err();
    assert_eq!(e.code, ErrorCode::JsonSyntax);
    let o: serde_json::Map<String, Value> = args::object("thing", r#"{"a": 1}"#).unwrap();
    assert_eq!(o["a"], 1);
    let e = args::object::<serde_json::Map<String, Value>>("thing", "[]").unwrap_err();
    assert_eq!(e.code, ErrorCode::WrongType);
}

#[test]
fn a_door_error_shows_its_message_and_code_and_keeps_them_in_an_item() {
    let e = DoorError::invalid("cause: missing");
    assert_eq!(e.code(), ErrorCode::InvalidArgument);
    assert_eq!(e.to_string(), "cause: missing");
    assert_eq!(e.path, None);
    let inner = DoorError {
        code: ErrorCode::MissingField,
        message: "cause: missing".into(),
        path: Some("confidentiality.recipients".into()),
    };
    let e = inner.in_item("facts", 7);
    assert_eq!(e.code, ErrorCode::MissingField);
    assert_eq!(e.message, "facts[7]: cause: missing");
    assert_eq!(e.path.as_deref(), Some("[7].confidentiality.recipients"));
    let root = DoorError {
        path: Some(".".into()),
        ..DoorError::invalid("x")
    };
    assert_eq!(root.in_item("cases", 0).path.as_deref(), Some("[0]"));
}

#[test]
fn to_json_is_the_serde_json_of_the_value() {
    assert_eq!(door::to_json(&json!({"a": [1, "b"]})), r#"{"a":[1,"b"]}"#);
}

// -------------------------------------------------------------- breach ---

#[test]
fn triage_at_the_door_is_the_cores_verdict_unchanged() {
    for (facts, options) in [
        (base(), None),
        (high_risk(), None),
        (base(), Some(r#"{"policy": "notify_always"}"#)),
    ] {
        let text = facts_json(&facts);
        let valid = BreachFacts::from_json(&text).unwrap();
        let o = options.map_or_else(AssessmentOptions::default, |o| {
            AssessmentOptions::from_json(o).unwrap()
        });
        let expected = triage(&valid, &o);
        assert_eq!(
            door::breach::triage(&text, options).unwrap(),
            expected.to_json()
        );
        let assessed = door::breach::assessed(&text, options).unwrap();
        assert_eq!(assessed.verdict(), &expected);
        assert_eq!(
            door::breach::report(&text, options).unwrap(),
            dsgvo_core::summary::report(&AssessedBreach::new(valid, &o))
        );
    }
    // Published bank data of 5,000 people: Art. 33 and 34 both apply.
    let v = parsed(&door::breach::triage(&facts_json(&high_risk()), None).unwrap());
    assert_eq!(v["risk"], "high");
    assert_eq!(v["notify_authority"], true);
    assert_eq!(v["notify_data_subjects"], true);
    let e = door::breach::triage("{", None).unwrap_err();
    assert_eq!(e.code, ErrorCode::JsonSyntax);
    let e = door::breach::triage(&facts_json(&base()), Some("{\"policy\": 1}")).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("policy"));
}

#[test]
fn many_breaches_keep_their_order_and_a_bad_one_is_named_by_its_index() {
    let inputs = vec![
        FactsInput::Json(facts_json(&base())),
        FactsInput::Read(Box::new(serde_json::from_value(high_risk()).unwrap())),
        FactsInput::Json(facts_json(&base())),
    ];
    let o = AssessmentOptions::default();
    let verdicts = door::breach::triage_many(inputs, &o, 2).unwrap();
    let one = |v: Value| triage(&BreachFacts::from_json(&v.to_string()).unwrap(), &o);
    assert_eq!(verdicts, vec![one(base()), one(high_risk()), one(base())]);

    let broken = with(json!({"data_subjects": {"count": -1}}));
    for bad in [
        FactsInput::Json(facts_json(&broken)),
        FactsInput::Read(Box::new(
            // Valid JSON, but integrity is listed without its section.
            serde_json::from_value(with(json!({"types": ["confidentiality", "integrity"]})))
                .unwrap(),
        )),
    ] {
        let inputs = vec![FactsInput::Json(facts_json(&base())), bad];
        let e = door::breach::triage_many(inputs, &o, 1).unwrap_err();
        assert!(e.message.starts_with("facts[1]: "), "{}", e.message);
        assert!(
            e.path.as_deref().unwrap().starts_with("[1]"),
            "{:?}",
            e.path
        );
    }
}

#[test]
fn the_documents_at_the_door_are_the_cores_bundle() {
    let text = facts_json(&high_risk());
    let now = "2026-11-21T10:00:00+01:00";
    let docs = door::breach::documents(&text, None, now, None).unwrap();
    let breach = AssessedBreach::new(
        BreachFacts::from_json(&text).unwrap(),
        &AssessmentOptions::default(),
    );
    let expected = bundle(&breach, &Templates::builtin(), at(now), None).unwrap();
    assert_eq!(docs, expected);
    assert!(docs.len() >= 2, "notification and letter at least");
    let e = door::breach::documents(&text, None, "2026-11-21", None).unwrap_err();
    assert!(e.message.starts_with("now: "), "{}", e.message);
    // Later than 72 hours after awareness the notification needs the
    // reasons for the delay (Art. 33(1) sentence 2).
    let e = door::breach::documents(&text, None, "2026-11-24T10:00:00+01:00", None).unwrap_err();
    assert_eq!(e.code, ErrorCode::DocumentDelayReasonsRequired);
}

fn recipients_json(n: usize) -> String {
    let list: Vec<Value> = (0..n)
        .map(|i| json!({"name": format!("Kundin {i}"), "email": format!("k{i}@example.de")}))
        .collect();
    Value::Array(list).to_string()
}

#[test]
fn recipients_are_read_whole_and_a_bad_one_is_named_in_the_callers_numbering() {
    let r = door::breach::recipients(&recipients_json(3), 0).unwrap();
    assert_eq!(r.len(), 3);
    assert_eq!(r[2].name, "Kundin 2");
    // Item 1 of a block that starts at 100 is recipient 101 of the run.
    let bad = r#"[{"name": "A"}, {"email": "b@example.de"}]"#;
    let e = door::breach::recipients(bad, 100).unwrap_err();
    assert_eq!(e.code, ErrorCode::MissingField);
    assert!(e.message.starts_with("recipients[101]: "), "{}", e.message);
    assert_eq!(e.path.as_deref(), Some("[101].name"));
    // Text that is no JSON list is refused as a whole, never item by item.
    let e = door::breach::recipients("[{\"name\": \"A\"},", 5).unwrap_err();
    assert_eq!(e.code, ErrorCode::JsonSyntax);
    assert!(!e.message.contains("recipients[5]"), "{}", e.message);
    let e = door::breach::recipients(r#"{"name": "A"}"#, 5).unwrap_err();
    assert_eq!(e.code, ErrorCode::WrongType);
    // A list nested deeper than the reader allows is refused for its depth,
    // even where an item is also wrong.
    let deep = format!(r#"[{{"email": {}1{}}}]"#, "[".repeat(70), "]".repeat(70));
    let e = door::breach::recipients(&deep, 0).unwrap_err();
    assert_eq!(e.code, ErrorCode::JsonTooDeep);
}

#[test]
fn a_letter_run_writes_one_letter_per_recipient_in_the_asked_layout() {
    let facts = BreachFacts::from_json(&facts_json(&high_risk())).unwrap();
    let run = LetterRun::new(facts, "text", &AssessmentOptions::default()).unwrap();
    let jsonl = run.write_block(&recipients_json(3), 0, "jsonl", 2).unwrap();
    let lines: Vec<Value> = String::from_utf8(jsonl.clone())
        .unwrap()
        .lines()
        .map(parsed)
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(jsonl.ends_with(b"\n"));
    assert_eq!(lines[1]["name"], "Kundin 1");
    assert!(lines[1]["content"].as_str().unwrap().contains("Kundin 1"));
    let print = run.write_block(&recipients_json(3), 0, "print", 1).unwrap();
    let pages: Vec<&[u8]> = print.split(|b| *b == b'\x0c').collect();
    assert_eq!(pages.len(), 4, "three pages, each ended by a form feed");
    assert!(pages[3].is_empty());
    assert_eq!(
        pages[0],
        lines[0]["content"].as_str().unwrap().as_bytes(),
        "the printed page is the letter's text"
    );

    let recipients: Vec<Recipient> = serde_json::from_str(&recipients_json(4)).unwrap();
    let mut names = Vec::new();
    let n = run
        .write(recipients, 10, 2, |l| names.push(l.name))
        .unwrap();
    assert_eq!(n, 4);
    assert_eq!(names, ["Kundin 0", "Kundin 1", "Kundin 2", "Kundin 3"]);
    let blank: Vec<Recipient> =
        serde_json::from_str(r#"[{"name": "A"}, {"name": "B"}, {"name": " "}]"#).unwrap();
    let e = run.write(blank, 10, 1, |_| {}).unwrap_err();
    assert_eq!(e.code, ErrorCode::DocumentInvalidRecipient);
    assert!(
        e.message.contains("12"),
        "recipient 12 of the run: {}",
        e.message
    );

    let e = run
        .write_block(&recipients_json(1), 0, "pdf", 1)
        .unwrap_err();
    assert!(e.message.starts_with("layout: "), "{}", e.message);
    let facts = BreachFacts::from_json(&facts_json(&base())).unwrap();
    let e = LetterRun::new(facts, "docx", &AssessmentOptions::default()).unwrap_err();
    assert!(e.message.starts_with("format: "), "{}", e.message);
}

// ---------------------------------------------------------------- case ---

const AWARE: &str = "2026-11-20T09:15:00+01:00";
/// The assessment, 45 minutes after awareness.
const ASSESS: &str =
    r#"{"at": "2026-11-20T10:00:00+01:00", "actor": "DSB", "action": {"type": "assess"}}"#;

fn opened() -> Case {
    door::case::open("B-1", &facts_json(&high_risk()), AWARE, "DSB").unwrap()
}

#[test]
fn a_case_opened_at_the_door_is_the_cores_case() {
    let case = opened();
    let facts = BreachFacts::from_json(&facts_json(&high_risk())).unwrap();
    let core = Case::open(
        CaseId("B-1".into()),
        facts,
        args::timestamp(AWARE, "at").unwrap(),
        "DSB",
    )
    .unwrap();
    assert_eq!(case.to_json(), core.to_json());
    for (id, at, actor, starts) in [
        (" ", AWARE, "DSB", "id: "),
        ("B-1", "2026-11-20T09:15:00", "DSB", "at: "),
    ] {
        let e = door::case::open(id, &facts_json(&base()), at, actor).unwrap_err();
        assert!(e.message.starts_with(starts), "{}", e.message);
    }
    let e = door::case::open("B-1", &facts_json(&base()), AWARE, " ").unwrap_err();
    assert_eq!(e.code, ErrorCode::CaseInvalidCommand);
}

#[test]
fn a_stored_case_loads_with_its_anchor_and_a_tampered_one_is_refused() {
    let mut case = opened();
    let anchor = door::case::anchor(&case);
    assert_eq!(
        parsed(&anchor),
        serde_json::to_value(case.anchor()).unwrap()
    );
    let loaded = door::case::load(&case.to_json(), 0).unwrap();
    assert_eq!(loaded.to_json(), case.to_json());
    door::case::check_anchor(&loaded, &anchor).unwrap();

    let tampered = case
        .to_json()
        .replacen("Beispiel Shop GmbH", "Beispiel Shop AG", 1);
    assert_ne!(tampered, case.to_json());
    let e = door::case::load(&tampered, 0).unwrap_err();
    assert_eq!(e.code, ErrorCode::CaseBrokenChain);
    let e = door::case::load(&case.to_json(), -1).unwrap_err();
    assert!(
        e.message.starts_with("tolerance_seconds: "),
        "{}",
        e.message
    );

    // Entries added after the anchor was taken are allowed; a log cut
    // back behind a later anchor is refused.
    door::case::apply(&mut case, ASSESS, 0, None).unwrap();
    door::case::check_anchor(&case, &anchor).unwrap();
    let later = door::case::anchor(&case);
    let e = door::case::check_anchor(&loaded, &later).unwrap_err();
    assert_eq!(e.code, ErrorCode::CaseBrokenChain);
    let e = door::case::check_anchor(&case, "[]").unwrap_err();
    assert_eq!(e.code, ErrorCode::WrongType);
}

#[test]
fn a_command_at_the_door_appends_the_cores_entry_and_checks_now() {
    let mut case = opened();
    let entry = parsed(
        &door::case::apply(&mut case, ASSESS, 0, Some("2026-11-20T10:00:00+01:00")).unwrap(),
    );
    assert_eq!(entry["seq"], 1);
    assert_eq!(entry, serde_json::to_value(&case.entries()[1]).unwrap());
    // A command dated a day after now is a mistyped date.
    let later = r#"{"at": "2026-11-22T10:00:00+01:00", "actor": "DSB", "action": {"type": "document_only"}}"#;
    let e =
        door::case::apply(&mut case, later, 3_600, Some("2026-11-21T10:00:00+01:00")).unwrap_err();
    assert_eq!(e.code, ErrorCode::CaseInvalidCommand);
    assert_eq!(case.entries().len(), 2, "nothing appended");
    let e = door::case::apply(&mut case, later, 0, Some("tomorrow")).unwrap_err();
    assert!(e.message.starts_with("now: "), "{}", e.message);
    let e = door::case::apply(&mut case, later, 700_000, None).unwrap_err();
    assert!(
        e.message.starts_with("tolerance_seconds: "),
        "{}",
        e.message
    );
    let e = door::case::apply(&mut case, "[]", 0, None).unwrap_err();
    assert_eq!(e.code, ErrorCode::WrongType);
}

#[test]
fn the_status_and_documents_of_a_case_are_the_cores() {
    let mut case = opened();
    let now = "2026-11-21T09:15:00+01:00";
    assert_eq!(
        parsed(&door::case::status(&case, now).unwrap()),
        serde_json::to_value(case.status(at(now))).unwrap()
    );
    let e = door::case::status(&case, "now").unwrap_err();
    assert!(e.message.starts_with("now: "), "{}", e.message);
    let e = door::case::documents(&case, now, None).unwrap_err();
    assert_eq!(e.code, ErrorCode::CaseNotAssessed);
    door::case::apply(&mut case, ASSESS, 0, None).unwrap();
    let docs = door::case::documents(&case, now, None).unwrap();
    assert_eq!(
        docs,
        case.documents(&Templates::builtin(), at(now), None)
            .unwrap()
    );
    assert!(!docs.is_empty());
    let e = door::case::documents(&case, "2026-11-21", None).unwrap_err();
    assert!(e.message.starts_with("now: "), "{}", e.message);
}

#[test]
fn the_register_at_the_door_lists_every_case_and_names_a_broken_one() {
    let one = opened().to_json();
    let two = door::case::open("B-2", &facts_json(&base()), AWARE, "DSB")
        .unwrap()
        .to_json();
    let csv = door::case::register_export([&one, &two], 0, "csv", 2).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 3, "a header and two cases: {csv}");
    assert!(
        rows[1].starts_with("B-1,") && rows[2].starts_with("B-2,"),
        "{csv}"
    );
    let list = format!("[{one},{two}]");
    let json_rows = parsed(&door::case::register_export_json(&list, 0, "json", 1).unwrap());
    assert_eq!(json_rows.as_array().unwrap().len(), 2);
    assert_eq!(json_rows[1]["id"], "B-2");
    assert_eq!(
        door::case::register_export_json(&list, 0, "markdown", 1).unwrap(),
        door::case::register_export([&one, &two], 0, "markdown", 1).unwrap()
    );

    let broken = one.replacen("Beispiel Shop GmbH", "Beispiel Shop AG", 1);
    let e = door::case::register_export([&two, &broken], 0, "csv", 1).unwrap_err();
    assert_eq!(e.code, ErrorCode::CaseBrokenChain);
    assert!(e.message.starts_with("cases[1]: "), "{}", e.message);
    let e = door::case::register_export([&one], 0, "xlsx", 1).unwrap_err();
    assert!(e.message.starts_with("format: "), "{}", e.message);
    let e = door::case::register_export([&one], -5, "csv", 1).unwrap_err();
    assert!(
        e.message.starts_with("tolerance_seconds: "),
        "{}",
        e.message
    );
    let e = door::case::register_export_json("{", 0, "csv", 1).unwrap_err();
    assert_eq!(e.code, ErrorCode::JsonSyntax);
}

// --------------------------------------------------------------- scope ---

const SCOPE_OPTIONS: &str = r#"{"key": "email", "as_of": "2026-11-20"}"#;

fn report(run: &ScopeRun) -> Value {
    parsed(&run.report().unwrap())
}

#[test]
fn the_batch_and_summary_limits_are_the_documented_ones() {
    assert_eq!(door::scope::MAX_BATCH_BYTES, 64 * 1024 * 1024);
    assert_eq!(door::scope::MAX_SUMMARY_BYTES, 1024 * 1024 * 1024);
}

#[test]
fn rows_as_objects_set_the_header_and_count_people_by_the_key() {
    let mut run = ScopeRun::new(SCOPE_OPTIONS, None).unwrap();
    run.push(
        r#"[{"email": "a@example.de", "name": "A"},
            {"email": "b@example.de", "name": "B"},
            {"email": "a@example.de", "name": "A"}]"#,
        2,
    )
    .unwrap();
    let r = report(&run);
    assert_eq!(r["records"], 3);
    assert_eq!(r["subjects"], 2, "a@ twice is one person");
    assert_eq!(r["key"], "email");
    // A key outside the header makes the row malformed: never counted, its
    // line (the caller's numbering) kept.
    run.push(r#"[{"mail": "c@example.de"}]"#, 40).unwrap();
    let r = report(&run);
    assert_eq!(r["records"], 3);
    assert_eq!(r["malformed"]["count"], 1);
    assert_eq!(r["malformed"]["lines"], json!([40]));
    // Arrays after the header are cells in its order; anything else is
    // malformed, with its line.
    run.push(r#"[["c@example.de", "C"], 17, "x"]"#, 50).unwrap();
    let r = report(&run);
    assert_eq!(r["records"], 4);
    assert_eq!(r["subjects"], 3);
    assert_eq!(r["malformed"]["lines"], json!([40, 51, 52]));
}

#[test]
fn nested_objects_are_flattened_to_dotted_columns_and_cells_keep_their_text() {
    let mut run = ScopeRun::new(r#"{"as_of": "2026-11-20"}"#, None).unwrap();
    run.push(
        r#"[{"customer": {"email": "a@example.de", "address": {"country": "AT"}},
             "extra": {}, "n": 5, "ok": true, "gone": null}]"#,
        1,
    )
    .unwrap();
    let state = parsed(&run.summary_json());
    let headers = state["summary"]["headers"].clone();
    assert_eq!(
        headers,
        json!([
            "customer.address.country",
            "customer.email",
            "extra",
            "gone",
            "n",
            "ok"
        ]),
        "{state}"
    );
    assert_eq!(door::scope::cell(&json!(null)), "");
    assert_eq!(door::scope::cell(&json!("Text")), "Text");
    assert_eq!(door::scope::cell(&json!(5)), "5");
    assert_eq!(door::scope::cell(&json!(true)), "true");
    assert_eq!(door::scope::cell(&json!({})), "{}");
    let r = report(&run);
    assert_eq!(r["residence"], json!([{"country": "AT", "rows": 1}]), "{r}");
}

#[test]
fn a_header_given_first_takes_cells_and_pairs_in_its_order() {
    let mut run = ScopeRun::new(SCOPE_OPTIONS, Some(r#"["name", "email"]"#)).unwrap();
    run.push_cells(2, &["A", "a@example.de"]).unwrap();
    run.push_pairs(
        3,
        vec![
            ("email".into(), "b@example.de".into()),
            (" name ".into(), "B".into()),
        ],
    )
    .unwrap();
    // Keys are matched to the header without surrounding blanks.
    run.push_pairs(4, vec![(" email".into(), "a@example.de".into())])
        .unwrap();
    run.push_pairs(5, vec![("mail".into(), "c@example.de".into())])
        .unwrap();
    run.push_malformed(6).unwrap();
    let r = report(&run);
    assert_eq!(r["records"], 3);
    assert_eq!(r["subjects"], 2);
    assert_eq!(
        r["malformed"]["lines"],
        json!([5, 6]),
        "`mail` is no column of the header"
    );
    let e = ScopeRun::new(SCOPE_OPTIONS, Some(r#"["name", "name"]"#)).unwrap_err();
    assert_eq!(e.code, ErrorCode::ScopeDuplicateColumn);
    let e = ScopeRun::new(r#"{"as_of": "20.11.2026"}"#, None).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidValue);
}

#[test]
fn without_a_header_the_first_row_must_be_an_object() {
    for push in [
        |r: &mut ScopeRun| r.push_cells(9, &["a"]),
        |r: &mut ScopeRun| r.push_malformed(9),
        |r: &mut ScopeRun| r.push(r#"[["a"]]"#, 9),
    ] {
        let mut run = ScopeRun::new(SCOPE_OPTIONS, None).unwrap();
        let e = push(&mut run).unwrap_err();
        assert_eq!(e.code, ErrorCode::ScopeEmpty);
        assert!(e.message.starts_with("row on line 9: "), "{}", e.message);
    }
    let e = ScopeRun::new(SCOPE_OPTIONS, None)
        .unwrap()
        .report()
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::ScopeEmpty);
}

#[test]
fn runs_merge_and_a_summary_round_trips_only_with_its_own_options() {
    let rows_a = r#"[{"email": "a@example.de"}, {"email": "b@example.de"}]"#;
    let rows_b = r#"[{"email": "b@example.de"}, {"email": "c@example.de"}]"#;
    let mut whole = ScopeRun::new(SCOPE_OPTIONS, None).unwrap();
    whole.push(rows_a, 1).unwrap();
    whole.push(rows_b, 3).unwrap();

    let mut a = ScopeRun::new(SCOPE_OPTIONS, None).unwrap();
    a.push(rows_a, 1).unwrap();
    let mut b = ScopeRun::new(SCOPE_OPTIONS, None).unwrap();
    b.push(rows_b, 3).unwrap();
    let mut b = ScopeRun::from_summary_json(&b.summary_json()).unwrap();
    b.merge(ScopeRun::new(SCOPE_OPTIONS, None).unwrap())
        .unwrap();
    a.merge(b).unwrap();
    assert_eq!(report(&a), report(&whole));
    assert_eq!(report(&a)["subjects"], 3);

    let mut empty = ScopeRun::new(SCOPE_OPTIONS, None).unwrap();
    empty.merge(a).unwrap();
    assert_eq!(report(&empty), report(&whole));

    let other = ScopeRun::new(r#"{"as_of": "2026-11-21"}"#, None).unwrap();
    let e = whole.merge(other).unwrap_err();
    assert_eq!(e.code, ErrorCode::ScopeMismatch);

    // A state whose summary was made with other options is refused.
    let mut state = parsed(&whole.summary_json());
    state["options"]["as_of"] = json!("2027-01-01");
    let e = ScopeRun::from_summary_json(&state.to_string()).unwrap_err();
    assert_eq!(e.code, ErrorCode::ScopeMismatch);
    let e = ScopeRun::from_summary_json("[]").unwrap_err();
    assert_eq!(e.code, ErrorCode::WrongType);
}

// ----------------------------------------------------------------- tom ---

fn baseline() -> String {
    door::tom::baseline("Beispiel Shop GmbH", "normal", None).unwrap()
}

#[test]
fn a_tom_baseline_and_its_check_are_the_cores_checklist() {
    use dsgvo_core::tom::{Checklist, ProtectionNeed};
    let text = baseline();
    let core = Checklist::baseline("Beispiel Shop GmbH", ProtectionNeed::Normal, Language::De);
    assert_eq!(text, core.to_json());
    assert_eq!(
        door::tom::baseline("Shop", "high", Some("en")).unwrap(),
        Checklist::baseline("Shop", ProtectionNeed::High, Language::En).to_json()
    );
    assert_eq!(door::tom::check(&text).unwrap(), text);
    let e = door::tom::baseline("Shop", "extreme", None).unwrap_err();
    assert!(e.message.starts_with("protection_need: "), "{}", e.message);
    let e = door::tom::check("{}").unwrap_err();
    assert_eq!(e.code, ErrorCode::MissingField);
}

#[test]
fn an_imported_tom_document_keeps_measures_and_names_beliefs() {
    let doc = "# Zugriffskontrolle\n- Die Integrität unserer Mitarbeiter steht außer Frage.\n- Rollen- und Berechtigungskonzept\n";
    let imported = parsed(&door::tom::import(doc, "Beispiel Shop GmbH", "normal").unwrap());
    assert_eq!(
        imported,
        parsed(
            &dsgvo_core::tom::import_document(
                doc,
                "Beispiel Shop GmbH",
                dsgvo_core::tom::ProtectionNeed::Normal
            )
            .unwrap()
            .to_json()
        )
    );
    assert_eq!(imported["checklist"]["items"].as_array().unwrap().len(), 1);
    let e = door::tom::import(doc, "Shop", "").unwrap_err();
    assert!(e.message.starts_with("protection_need: "), "{}", e.message);
}

#[test]
fn a_tom_evaluation_and_document_are_the_cores() {
    use dsgvo_core::tom::{Checklist, evaluate};
    let text = baseline();
    let c = Checklist::from_json(&text).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(
        door::tom::evaluation(&text, "2026-12-01", Some("en")).unwrap(),
        evaluate(&c, today, Language::En).to_json()
    );
    let e = door::tom::evaluation(&text, "1.12.2026", None).unwrap_err();
    assert!(e.message.starts_with("today: "), "{}", e.message);
    let md = door::tom::document(&text, "2026-12-01", None, "markdown").unwrap();
    let html = door::tom::document(&text, "2026-12-01", None, "html").unwrap();
    assert_eq!(
        md,
        dsgvo_core::document::tom_document(
            &c,
            today,
            Language::De,
            dsgvo_core::document::TomFormat::Markdown,
            &Templates::builtin()
        )
        .unwrap()
    );
    assert!(md.contains("Art. 32") && html.contains("<"), "{html}");
    let e = door::tom::document(&text, "2026-12-01", None, "pdf").unwrap_err();
    assert_eq!(e.message, "format: \"pdf\" is not one of: markdown, html");
    let e = door::tom::document(&text, "gestern", None, "html").unwrap_err();
    assert!(e.message.starts_with("today: "), "{}", e.message);
}

#[test]
fn a_breach_and_an_action_change_the_checklist_as_the_core_does() {
    let text = baseline();
    let failed = door::tom::failed_measures(
        &facts_json(&with(json!({"protection": {"encryption": "none"}}))),
        None,
    )
    .unwrap();
    let failed_v = parsed(&failed);
    assert_eq!(failed_v[0]["measure"], "encryption_at_rest");
    let e = door::tom::failed_measures(&facts_json(&base()), Some("xx")).unwrap_err();
    assert!(e.message.starts_with("lang: "), "{}", e.message);

    let changed = door::tom::record_breach(
        &text,
        r#"{"reference": "2026-017"}"#,
        &failed,
        "2026-11-20",
        "DSB",
        None,
    )
    .unwrap();
    let changed_v = parsed(&changed);
    let items = changed_v["items"].as_array().unwrap();
    assert_eq!(
        items.len(),
        parsed(&text)["items"].as_array().unwrap().len() + 1
    );
    assert_eq!(items.last().unwrap()["state"]["status"], "deficient");
    let e = door::tom::record_breach(&text, "[]", &failed, "2026-11-20", "DSB", None).unwrap_err();
    assert_eq!(e.code, ErrorCode::WrongType);
    let e = door::tom::record_breach(
        &text,
        r#"{"reference": "1"}"#,
        &failed,
        "20.11.",
        "DSB",
        None,
    )
    .unwrap_err();
    assert!(e.message.starts_with("on: "), "{}", e.message);

    let first = items[0]["id"].as_str().unwrap();
    let assigned = door::tom::apply(
        &changed,
        first,
        r#"{"action": "assign_owner", "owner": "IT"}"#,
        "2026-11-21",
        "DSB",
    )
    .unwrap();
    assert_ne!(assigned, changed);
    assert!(assigned.contains("\"IT\""), "{assigned}");
    let e = door::tom::apply(
        &changed,
        "nope",
        r#"{"action": "plan"}"#,
        "2026-11-21",
        "DSB",
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::TomUnknownItem);
    let e = door::tom::apply(
        &changed,
        first,
        r#"{"action": "plan"}"#,
        "21.11.2026",
        "DSB",
    )
    .unwrap_err();
    assert!(e.message.starts_with("on: "), "{}", e.message);
}

#[test]
fn the_directory_dpo_and_fines_are_the_cores() {
    let dir = parsed(&door::tom::authorities());
    assert_eq!(dir["version"], dsgvo_core::authority::DIRECTORY_VERSION);
    assert_eq!(
        dir["authorities"],
        serde_json::to_value(dsgvo_core::authority::directory()).unwrap()
    );
    assert!(
        dir["authorities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == "de-by-lda")
    );

    // § 38(1) BDSG: twenty persons processing automatically.
    let duty = parsed(
        &door::tom::dpo(
            r#"{"german": true, "persons_processing_automatically": 20}"#,
            Some("en"),
        )
        .unwrap(),
    );
    assert_eq!(duty["required"], true);
    let e = door::tom::dpo("[]", None).unwrap_err();
    assert_eq!(e.code, ErrorCode::WrongType);

    // Art. 83(5): 4 % of EUR 2 billion is EUR 80 million.
    let fines = parsed(&door::tom::fines(Some(2_000_000_000), None).unwrap());
    assert_eq!(fines["art83_5_eur"], 80_000_000);
    let e = door::tom::fines(None, Some("fr")).unwrap_err();
    assert!(e.message.starts_with("lang: "), "{}", e.message);
    // C-383/23 ILVA: the undertaking's turnover sets the ceiling.
    let ilva = parsed(
        &door::tom::fines_for(
            r#"{"undertaking_turnover_cents": 88100000000, "own_turnover_cents": 24100000000, "part_of_group": true}"#,
            Some("en"),
        )
        .unwrap(),
    );
    assert_eq!(ilva["art83_4"]["cents"], 1_762_000_000u64);
    let e = door::tom::fines_for(
        r#"{"undertaking_turnover_cents": 1, "own_turnover_cents": 2}"#,
        None,
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Inconsistent);
    let e = door::tom::fines_for(r#"{"turnover": 1}"#, None).unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownField);
}

#[test]
fn the_same_rows_pushed_again_give_the_recipients() {
    let rows = r#"[{"id": 1, "billing": {"first_name": "Erika", "last_name": "Muster", "email": "erika@example.de"}},
                   {"id": 2, "billing": {"first_name": "", "last_name": "", "email": ""}},
                   {"id": 1, "billing": {"first_name": "Erika", "last_name": "Muster", "email": "erika@example.de"}}]"#;
    let mut run = ScopeRun::new(r#"{"as_of": "2026-11-20", "key": "id"}"#, None).unwrap();
    let e = run.recipients_json().unwrap_err();
    assert!(e.message.starts_with("recipients: "), "{}", e.message);
    let e = run.start_recipients().unwrap_err();
    assert_eq!(e.code, ErrorCode::ScopeEmpty);
    run.push(rows, 1).unwrap();
    let before = run.summary_json();
    run.start_recipients().unwrap();
    run.push(rows, 1).unwrap();
    run.push_malformed(9).unwrap();
    assert_eq!(
        run.summary_json(),
        before,
        "the second pass leaves the scope as it was"
    );
    let r = parsed(&run.recipients_json().unwrap());
    assert_eq!(
        r["recipients"],
        json!([{"name": "Erika Muster", "email": "erika@example.de", "affected": ["identity", "contact"]}])
    );
    assert_eq!(r["unreachable"], json!({"count": 1, "lines": [2]}));
    assert_eq!(r["malformed"], json!({"count": 1, "lines": [9]}));
    // The list is the letters' recipient list as it is.
    let list: Vec<Recipient> = serde_json::from_value(r["recipients"].clone()).unwrap();
    assert_eq!(list[0].name, "Erika Muster");
    assert!(run.recipients_json().is_err(), "the pass is over");
}
