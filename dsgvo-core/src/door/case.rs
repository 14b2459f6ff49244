//! The breach case and the Art. 33(5) register at the door. A binding keeps
//! the [`Case`] itself (a C handle, a Python object) and passes it in.

use super::{DoorError, args, to_json};
use crate::case::{Case, CaseAnchor, Command, Register, RegisterFormat};
#[cfg(feature = "documents")]
use crate::document::{Document, Templates};

/// Opens a case with the facts known at detection (JSON); `at` (RFC 3339
/// with offset) is when it is opened, `actor` who opens it.
///
/// # Errors
///
/// A blank id, a problem with the facts or `at`, or a refused opening.
pub fn open(id: &str, facts_json: &str, at: &str, actor: &str) -> Result<Case, DoorError> {
    let id = args::case_id(id)?;
    let facts = args::facts(facts_json)?;
    Ok(Case::open(id, facts, args::timestamp(at, "at")?, actor)?)
}

/// Loads a stored case (`dsgvo.case/2`, or `/1`) and verifies it: hash
/// chain, sequence, back-dating beyond `tolerance_seconds`, the lifecycle
/// rules.
///
/// # Errors
///
/// A tolerance outside 0 to 7 days, or the first thing the case fails.
pub fn load(case_json: &str, tolerance_seconds: i64) -> Result<Case, DoorError> {
    Ok(Case::from_json(
        case_json,
        args::tolerance(tolerance_seconds)?,
    )?)
}

/// The anchor of `case` (`{"id", "entries", "head"}` JSON): what a host
/// keeps outside the stored case to find a truncation or a rewrite on load
/// ([`check_anchor`]).
pub fn anchor(case: &Case) -> String {
    to_json(&case.anchor())
}

/// Checks a loaded case against an anchor (JSON) kept outside it.
///
/// # Errors
///
/// An anchor that is not one, or the entry where the case departs from
/// it (another case, entries removed, the log rewritten).
pub fn check_anchor(case: &Case, anchor_json: &str) -> Result<(), DoorError> {
    let anchor: CaseAnchor = args::object("case anchor", anchor_json)?;
    Ok(case.check_anchor(&anchor)?)
}

/// Applies a command (JSON) to `case`; the new log entry as JSON. On
/// failure the case is unchanged. With the caller's clock `now` (RFC 3339)
/// a command dated after it by more than the tolerance is refused too
/// ([`Case::apply_at`]).
///
/// # Errors
///
/// A command that is not one, or one the case refuses; a `now` that is not
/// such a time; a command in the future.
pub fn apply(
    case: &mut Case,
    command_json: &str,
    tolerance_seconds: i64,
    now: Option<&str>,
) -> Result<String, DoorError> {
    let command: Command = args::object("case command", command_json)?;
    let tolerance = args::tolerance(tolerance_seconds)?;
    let entry = match now {
        Some(now) => case.apply_at(command, tolerance, args::instant(now, "now")?)?,
        None => case.apply(command, tolerance)?,
    };
    Ok(to_json(entry))
}

/// Where the case stands at `now` (RFC 3339): state, decision, verdict,
/// open duties and the next step, as JSON.
///
/// # Errors
///
/// A `now` that is not such a time.
pub fn status(case: &Case, now: &str) -> Result<String, DoorError> {
    Ok(to_json(&case.status(args::instant(now, "now")?)))
}

/// Every document for the case as it stands.
///
/// # Errors
///
/// A `now` that is not a time, a case not yet assessed, or a document
/// refused.
#[cfg(feature = "documents")]
pub fn documents(
    case: &Case,
    now: &str,
    delay_reasons: Option<&str>,
) -> Result<Vec<Document>, DoorError> {
    let now = args::instant(now, "now")?;
    Ok(case.documents(&Templates::builtin(), now, delay_reasons)?)
}

/// The register of stored cases in `format` (`"csv"`, `"json"` rows,
/// `"markdown"`, `"figures"`), every case verified on `workers` threads.
///
/// # Errors
///
/// An unknown format or tolerance, or the first case that fails, named
/// `cases[i]`.
pub fn register_export<I, S>(
    cases: I,
    tolerance_seconds: i64,
    format: &str,
    workers: usize,
) -> Result<String, DoorError>
where
    I: IntoIterator<Item = S>,
    I::IntoIter: Send,
    S: AsRef<str> + Send,
{
    let tolerance = args::tolerance(tolerance_seconds)?;
    let format: RegisterFormat = args::choice(format, "format")?;
    let register = Register::load(cases, tolerance, workers)
        .map_err(|(i, e)| super::DoorError::from(e).in_item("cases", i))?;
    Ok(register.export(format))
}

/// [`register_export`] for the cases as one JSON array (`[case, ...]`),
/// as the C ABI takes them.
///
/// # Errors
///
/// As [`register_export`]; text that is no JSON array of objects.
pub fn register_export_json(
    cases_json: &str,
    tolerance_seconds: i64,
    format: &str,
    workers: usize,
) -> Result<String, DoorError> {
    // A register is as large as the shop's history: each case inside has its own limit.
    let rows: Vec<Box<serde_json::value::RawValue>> =
        crate::parse::from_json_limited("register", cases_json, usize::MAX)?;
    register_export(
        rows.iter().map(|r| r.get()),
        tolerance_seconds,
        format,
        workers,
    )
}
