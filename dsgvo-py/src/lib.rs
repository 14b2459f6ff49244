//! Python bindings of `dsgvo` (import name `dsgvo`, native module
//! `dsgvo._dsgvo`).
//!
//! A thin door over `dsgvo-core`: every aggregate crosses as the core's
//! serde JSON, which the pure-Python package (`python/dsgvo`) wraps into
//! classes; no business logic lives here. Failures raise the exception
//! class `dsgvo._errors` defines for the core's [`ErrorCode`]. Bulk calls
//! release the GIL.

use dsgvo_core::case::{BackdatingTolerance, Case, CaseId, Command, Register, RegisterFormat};
use dsgvo_core::document::{
    DocumentError, Letter, LetterFormat, Recipient, Templates, TomFormat, bundle, letters_parallel,
};
use dsgvo_core::dpo::{DpoFacts, dpo_duty};
use dsgvo_core::fine::{FineFacts, fine_ceilings, fine_ceilings_for};
use dsgvo_core::tom::{
    BreachLink, Checklist, FailedMeasure, ItemAction, ProtectionNeed, evaluate, import_document,
};
use dsgvo_core::{
    AssessmentOptions, BreachFacts, Coded, ErrorCode, Language, Timestamp, ValidFacts, Verdict,
    triage as core_triage,
};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyBytes, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple,
};

/// A failure on its way to Python: its code, message and field path.
struct Failure {
    code: ErrorCode,
    message: String,
    path: Option<String>,
    /// A more specific class of `dsgvo._errors` than the code's own.
    class: Option<&'static str>,
}

impl<E: Coded + std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure {
            code: e.code(),
            message: e.to_string(),
            path: None,
            class: None,
        }
    }
}

fn failure(code: ErrorCode, message: String) -> Failure {
    Failure {
        code,
        message,
        path: None,
        class: None,
    }
}

fn invalid(message: String) -> Failure {
    failure(ErrorCode::InvalidArgument, message)
}

fn input(e: dsgvo_core::InputError) -> Failure {
    Failure {
        code: e.code(),
        path: Some(e.first().path.clone()),
        message: e.to_string(),
        class: None,
    }
}

/// Raises the `dsgvo._errors` class for the failure.
fn raise(py: Python<'_>, f: Failure) -> PyErr {
    let made = py
        .import("dsgvo._errors")
        .and_then(|m| m.getattr("error_for"))
        .and_then(|make| {
            make.call1((
                f.code.name(),
                f.code.number(),
                f.message.clone(),
                f.path,
                f.class,
            ))
        });
    match made {
        Ok(err) => PyErr::from_value(err),
        Err(e) => e,
    }
}

type Out<T> = Result<T, Failure>;

fn lift<T>(py: Python<'_>, r: Out<T>) -> PyResult<T> {
    r.map_err(|f| raise(py, f))
}

/// A JSON argument: text, or Python data already converted.
enum Arg {
    Text(String),
    Value(serde_json::Value),
}

/// A JSON argument: a `str` as it is, or Python data (dict, list, str,
/// int, float, bool, None, aware datetimes and dates) converted to JSON.
fn json_arg(obj: &Bound<'_, PyAny>, name: &str) -> Out<Arg> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_cow().map(|c| Arg::Text(c.into_owned())).map_err(|_| {
            failure(
                ErrorCode::InvalidUtf8,
                format!("{name}: not valid UTF-8 (lone surrogates)"),
            )
        });
    }
    let mut path = String::new();
    Ok(Arg::Value(to_value(obj, &mut path)?))
}

fn facts_arg(arg: &Arg) -> Out<ValidFacts> {
    match arg {
        Arg::Text(t) => facts(t),
        Arg::Value(v) => BreachFacts::from_value(v).map_err(input),
    }
}

fn at(path: &str) -> String {
    if path.is_empty() {
        ".".into()
    } else {
        path.trim_start_matches('.').to_string()
    }
}

fn to_value(obj: &Bound<'_, PyAny>, path: &mut String) -> Out<serde_json::Value> {
    use serde_json::Value;
    let unsupported = |path: &str, what: String| Failure {
        code: ErrorCode::InvalidArgument,
        message: format!("{}: {what}", at(path)),
        path: Some(at(path)),
        class: None,
    };
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .map(|s| Value::String(s.into_owned()))
            .map_err(|_| unsupported(path, "not valid UTF-8 (lone surrogates)".into()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(unsupported(path, "an integer beyond 64 bits".into()));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| unsupported(path, "NaN or infinity is not JSON".into()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = serde_json::Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = k
                .cast::<PyString>()
                .map_err(|_| unsupported(path, "a dict key that is not a str".into()))?
                .to_cow()
                .map_err(|_| unsupported(path, "a key that is not valid UTF-8".into()))?
                .into_owned();
            let len = path.len();
            path.push('.');
            path.push_str(&key);
            let value = to_value(&v, path)?;
            path.truncate(len);
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let mut items = Vec::new();
        for (i, item) in obj
            .try_iter()
            .map_err(|_| unsupported(path, "not iterable".into()))?
            .enumerate()
        {
            let item = item.map_err(|_| unsupported(path, "an item could not be read".into()))?;
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            items.push(to_value(&item, path)?);
            path.truncate(len);
        }
        return Ok(Value::Array(items));
    }
    if obj.cast::<PyDateTime>().is_ok()
        && obj
            .call_method0("utcoffset")
            .map(|o| o.is_none())
            .unwrap_or(true)
    {
        return Err(Failure {
            class: Some("NaiveDatetimeError"),
            ..unsupported(
                path,
                "a datetime without timezone; pass an aware datetime (tzinfo=...)".into(),
            )
        });
    }
    if obj.cast::<PyDateTime>().is_ok() || obj.cast::<PyDate>().is_ok() {
        let iso = obj
            .call_method0("isoformat")
            .and_then(|s| s.extract::<String>())
            .map_err(|_| unsupported(path, "a date that cannot be written".into()))?;
        return Ok(Value::String(iso));
    }
    let kind = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "value".into());
    Err(unsupported(path, format!("a {kind} is not JSON")))
}

fn facts(json: &str) -> Out<ValidFacts> {
    BreachFacts::from_json(json).map_err(input)
}

fn options(json: Option<&str>) -> Out<AssessmentOptions> {
    json.map(AssessmentOptions::from_json)
        .transpose()
        .map_err(input)
        .map(Option::unwrap_or_default)
}

/// An RFC 3339 time with offset; a local time without one is named as
/// such (the same codes as the C ABI).
fn time(text: &str, name: &str) -> Out<Timestamp> {
    Timestamp::parse_argument(text).map_err(|(code, e)| failure(code, format!("{name}: {e}")))
}

fn date(text: &str, name: &str) -> Out<chrono::NaiveDate> {
    text.parse()
        .map_err(|_| invalid(format!("{name}: \"{text}\" is not a date YYYY-MM-DD")))
}

fn language(text: &str) -> Out<Language> {
    text.parse().map_err(|e| invalid(format!("language: {e}")))
}

fn tolerance(seconds: i64) -> Out<BackdatingTolerance> {
    if !(0..=7 * 24 * 3600).contains(&seconds) {
        return Err(invalid(format!(
            "tolerance: {seconds} s is outside 0 to 7 days"
        )));
    }
    Ok(BackdatingTolerance(chrono::Duration::seconds(seconds)))
}

/// Threads for bulk work: the host's cores (at most 8). The binding may
/// ask the host; the core never does, callers pass it in.
fn host_workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

fn parse<T: serde::de::DeserializeOwned>(document: &'static str, text: &str) -> Out<T> {
    dsgvo_core::parse::from_json(document, text).map_err(input)
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("core types serialise")
}

/// Triages breach facts (JSON text, or Python data) with options (JSON or
/// None); the verdict as JSON.
#[pyfunction]
#[pyo3(signature = (facts, options_json=None))]
fn triage(
    py: Python<'_>,
    facts: &Bound<'_, PyAny>,
    options_json: Option<&str>,
) -> PyResult<String> {
    let result = (|| {
        let facts = facts_arg(&json_arg(facts, "facts")?)?;
        Ok(core_triage(&facts, &options(options_json)?).to_json())
    })();
    lift(py, result)
}

/// Validates breach facts (JSON text or Python data) without triaging
/// them; the facts as the library writes them.
#[pyfunction]
fn facts_check(py: Python<'_>, facts: &Bound<'_, PyAny>) -> PyResult<String> {
    let result = (|| {
        let facts = facts_arg(&json_arg(facts, "facts")?)?;
        Ok(to_json(&*facts))
    })();
    lift(py, result)
}

/// Triages many facts (JSON each) without the GIL; the first failure names its index.
#[pyfunction]
#[pyo3(signature = (facts, options_json=None))]
fn triage_many(
    py: Python<'_>,
    facts: Vec<Bound<'_, PyAny>>,
    options_json: Option<&str>,
) -> PyResult<Vec<String>> {
    let options = lift(py, options(options_json))?;
    let facts_jsons = lift(
        py,
        facts
            .iter()
            .enumerate()
            .map(|(i, f)| {
                json_arg(f, "facts").map_err(|mut e| {
                    e.path = e.path.map(|p| format!("[{i}].{p}"));
                    e.message = format!("facts[{i}]: {}", e.message);
                    e
                })
            })
            .collect::<Out<Vec<Arg>>>(),
    )?;
    let one = |(i, arg): (usize, &Arg)| {
        facts_arg(arg)
            .map(|f| core_triage(&f, &options).to_json())
            .map_err(|mut f| {
                f.message = format!("facts[{i}]: {}", f.message);
                f.path = f.path.map(|p| format!("[{i}].{p}"));
                f
            })
    };
    // Without the GIL, on the host's cores: consecutive chunks, results in
    // order, the first failure by index.
    let workers = host_workers();
    let chunk = facts_jsons.len().div_ceil(workers).max(64);
    let result = py.detach(|| {
        std::thread::scope(|scope| {
            let handles: Vec<_> = facts_jsons
                .chunks(chunk)
                .enumerate()
                .map(|(c, part)| {
                    scope.spawn(move || {
                        part.iter()
                            .enumerate()
                            .map(|(i, json)| one((c * chunk + i, json)))
                            .collect::<Out<Vec<String>>>()
                    })
                })
                .collect();
            let mut out = Vec::with_capacity(facts_jsons.len());
            for h in handles {
                out.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))?);
            }
            Ok(out)
        })
    });
    lift(py, result)
}

/// Every document for a breach: (file name, content) pairs.
#[pyfunction]
#[pyo3(signature = (facts_json, now, options_json=None, delay_reasons=None))]
fn documents(
    py: Python<'_>,
    facts_json: &str,
    now: &str,
    options_json: Option<&str>,
    delay_reasons: Option<&str>,
) -> PyResult<Vec<(String, String)>> {
    let result = (|| {
        let facts = facts(facts_json)?;
        let verdict = core_triage(&facts, &options(options_json)?);
        let now = time(now, "now")?.to_utc();
        let docs = bundle(&facts, &verdict, &Templates::builtin(), now, delay_reasons)?;
        Ok(docs.into_iter().map(|d| (d.file_name, d.content)).collect())
    })();
    lift(py, result)
}

/// A bulk letter run: the facts, the verdict and the templates, prepared
/// once; `render` writes the letters for one batch of recipients on the
/// host's cores, without the GIL.
#[pyclass(name = "LetterRun", module = "dsgvo._dsgvo", frozen)]
struct LetterRun {
    templates: Templates,
    facts: ValidFacts,
    verdict: Verdict,
    format: LetterFormat,
}

#[pymethods]
impl LetterRun {
    #[new]
    #[pyo3(signature = (facts, format="text", options_json=None))]
    fn new(
        py: Python<'_>,
        facts: &Bound<'_, PyAny>,
        format: &str,
        options_json: Option<&str>,
    ) -> PyResult<LetterRun> {
        let result = (|| {
            let facts = facts_arg(&json_arg(facts, "facts")?)?;
            let verdict = core_triage(&facts, &options(options_json)?);
            let format = match format {
                "text" => LetterFormat::Text,
                "html" => LetterFormat::Html,
                other => {
                    return Err(invalid(format!(
                        "format: \"{other}\"; use \"text\" or \"html\""
                    )));
                }
            };
            Ok(LetterRun {
                templates: Templates::builtin(),
                facts,
                verdict,
                format,
            })
        })();
        lift(py, result)
    }

    /// The letters for `recipients` (a list of dicts), the first being
    /// recipient number `start` of the run: (name, email, content) triples.
    fn render(
        &self,
        py: Python<'_>,
        recipients: &Bound<'_, PyAny>,
        start: usize,
    ) -> PyResult<Vec<(String, Option<String>, String)>> {
        let recipients = lift(py, recipients_arg(recipients))?;
        let mut out = Vec::with_capacity(recipients.len());
        let result = py.detach(|| {
            self.write(recipients, start, |l| {
                out.push((l.name, l.email, l.content))
            })
        });
        lift(py, result)?;
        Ok(out)
    }

    /// The letters for `recipients` as one block of UTF-8 bytes in
    /// `layout`: `"jsonl"` (one `{"name", "email", "content"}` object per
    /// line) or `"print"` (each letter followed by a form feed, for a print
    /// run). No Python object per letter.
    fn render_bytes<'py>(
        &self,
        py: Python<'py>,
        recipients: &Bound<'py, PyAny>,
        start: usize,
        layout: &str,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let jsonl = match layout {
            "jsonl" => true,
            "print" => false,
            other => {
                return lift(
                    py,
                    Err(invalid(format!(
                        "layout: \"{other}\"; use \"jsonl\" or \"print\""
                    ))),
                );
            }
        };
        let recipients = lift(py, recipients_arg(recipients))?;
        let mut buf: Vec<u8> = Vec::with_capacity(recipients.len() * 2048);
        let result = py.detach(|| {
            self.write(recipients, start, |l| {
                if jsonl {
                    serde_json::to_writer(&mut buf, &l).expect("a letter serialises");
                    buf.push(b'\n');
                } else {
                    buf.extend_from_slice(l.content.as_bytes());
                    buf.push(b'\x0c');
                }
            })
        });
        lift(py, result)?;
        Ok(PyBytes::new(py, &buf))
    }
}

impl LetterRun {
    /// Renders `recipients` (number `start` onwards) into `sink`, on the
    /// host's cores.
    fn write(&self, recipients: Vec<Recipient>, start: usize, sink: impl FnMut(Letter)) -> Out<()> {
        letters_parallel(
            &self.templates,
            &self.facts,
            &self.verdict,
            self.format,
            recipients,
            host_workers(),
            sink,
        )
        .map(|_| ())
        .map_err(|e| match e {
            DocumentError::InvalidRecipient {
                index,
                field,
                problem,
            } => DocumentError::InvalidRecipient {
                index: start + index,
                field,
                problem,
            },
            other => other,
        })
        .map_err(Failure::from)
    }
}

/// The recipients of a letter batch: a list of dicts read directly when
/// they are plain (`name`, optional `salutation`, `email`, `affected`
/// strings), anything else through JSON with the usual field errors.
fn recipients_arg(recipients: &Bound<'_, PyAny>) -> Out<Vec<Recipient>> {
    if let Some(fast) = plain_recipients(recipients) {
        return Ok(fast);
    }
    json_arg(recipients, "recipients").and_then(|arg| match arg {
        Arg::Text(t) => parse("recipients", &t),
        Arg::Value(v) => dsgvo_core::parse::from_value("recipients", &v).map_err(input),
    })
}

/// The fast path of [`recipients_arg`]; `None` sends the input down the
/// general path, which names any problem.
fn plain_recipients(recipients: &Bound<'_, PyAny>) -> Option<Vec<Recipient>> {
    let list = recipients.cast::<PyList>().ok()?;
    let text = |v: Bound<'_, PyAny>| -> Option<String> {
        v.cast::<PyString>()
            .ok()?
            .to_cow()
            .ok()
            .map(|c| c.into_owned())
    };
    let optional = |v: Bound<'_, PyAny>| -> Option<Option<String>> {
        if v.is_none() {
            Some(None)
        } else {
            text(v).map(Some)
        }
    };
    let mut out = Vec::with_capacity(list.len());
    for item in list.iter() {
        let dict = item.cast::<PyDict>().ok()?;
        let mut r = Recipient {
            name: String::new(),
            salutation: None,
            email: None,
            affected: Vec::new(),
        };
        let mut named = false;
        for (k, v) in dict.iter() {
            match k.cast::<PyString>().ok()?.to_cow().ok()?.as_ref() {
                "name" => {
                    r.name = text(v)?;
                    named = true;
                }
                "salutation" => r.salutation = optional(v)?,
                "email" => r.email = optional(v)?,
                "affected" => {
                    for c in v.cast::<PyList>().ok()?.iter() {
                        r.affected.push(text(c)?.parse().ok()?);
                    }
                }
                _ => return None,
            }
        }
        if !named {
            return None;
        }
        out.push(r);
    }
    Some(out)
}

/// The German or English text report (as the Rust `triage` example prints it).
#[pyfunction]
#[pyo3(signature = (facts_json, options_json=None))]
fn report(py: Python<'_>, facts_json: &str, options_json: Option<&str>) -> PyResult<String> {
    let result = (|| {
        let facts = facts(facts_json)?;
        let verdict: Verdict = core_triage(&facts, &options(options_json)?);
        Ok(dsgvo_core::summary::report(&facts, &verdict))
    })();
    lift(py, result)
}

/// A breach case: the log and its replayed state.
#[pyclass(name = "Case", module = "dsgvo._dsgvo", frozen)]
struct PyCase {
    case: std::sync::Mutex<Case>,
}

impl PyCase {
    fn with<T>(&self, f: impl FnOnce(&mut Case) -> Out<T>) -> Out<T> {
        let mut case = self.case.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut case)
    }
}

#[pymethods]
impl PyCase {
    /// Opens a case with the facts known at detection.
    #[staticmethod]
    fn open(py: Python<'_>, id: &str, facts_json: &str, at: &str, actor: &str) -> PyResult<PyCase> {
        let result = (|| {
            if id.trim().is_empty() {
                return Err(invalid("id: must not be blank".into()));
            }
            let case = Case::open(
                CaseId(id.into()),
                facts(facts_json)?,
                time(at, "at")?,
                actor,
            )?;
            Ok(PyCase {
                case: std::sync::Mutex::new(case),
            })
        })();
        lift(py, result)
    }

    /// Loads and verifies a stored case (`dsgvo.case/2`).
    #[staticmethod]
    fn load(py: Python<'_>, json: &str, tolerance_seconds: i64) -> PyResult<PyCase> {
        let result = (|| {
            let case = Case::from_json(json, tolerance(tolerance_seconds)?)?;
            Ok(PyCase {
                case: std::sync::Mutex::new(case),
            })
        })();
        lift(py, result)
    }

    /// Applies a command (JSON); the new entry as JSON.
    fn apply(
        &self,
        py: Python<'_>,
        command_json: &str,
        tolerance_seconds: i64,
    ) -> PyResult<String> {
        let result = (|| {
            let command: Command = parse("case command", command_json)?;
            let tolerance = tolerance(tolerance_seconds)?;
            self.with(|c| Ok(to_json(c.apply(command, tolerance)?)))
        })();
        lift(py, result)
    }

    /// The case as stored.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        lift(py, self.with(|c| Ok(c.to_json())))
    }

    /// State, decision, verdict, open duties and the next step at `now` (JSON).
    fn status(&self, py: Python<'_>, now: &str) -> PyResult<String> {
        let result = (|| {
            let now = time(now, "now")?.to_utc();
            self.with(|c| Ok(to_json(&c.status(now))))
        })();
        lift(py, result)
    }

    /// Every document for the case as it stands.
    #[pyo3(signature = (now, delay_reasons=None))]
    fn documents(
        &self,
        py: Python<'_>,
        now: &str,
        delay_reasons: Option<&str>,
    ) -> PyResult<Vec<(String, String)>> {
        let result = (|| {
            let now = time(now, "now")?.to_utc();
            self.with(|c| {
                let docs = c.documents(&Templates::builtin(), now, delay_reasons)?;
                Ok(docs.into_iter().map(|d| (d.file_name, d.content)).collect())
            })
        })();
        lift(py, result)
    }
}

/// Loads stored cases without the GIL and exports the register:
/// `format` is "csv", "json" (rows), "markdown" or "figures" (JSON), as at
/// every door ([`RegisterFormat`]).
#[pyfunction]
fn register_export(
    py: Python<'_>,
    cases: Vec<String>,
    tolerance_seconds: i64,
    format: &str,
) -> PyResult<String> {
    let tolerance = lift(py, tolerance(tolerance_seconds))?;
    let format: RegisterFormat = lift(
        py,
        format.parse().map_err(|e| invalid(format!("format: {e}"))),
    )?;
    let result = py.detach(move || {
        let register = Register::load(cases, tolerance, host_workers()).map_err(|(i, e)| {
            let mut f = Failure::from(e);
            f.message = format!("cases[{i}]: {}", f.message);
            f
        })?;
        Ok(register.export(format))
    });
    lift(py, result)
}

fn need(text: &str) -> Out<ProtectionNeed> {
    text.parse()
        .map_err(|e| invalid(format!("protection_need: {e}")))
}

/// Imports a TOM document; the import report as JSON.
#[pyfunction]
fn tom_import(
    py: Python<'_>,
    text: &str,
    organisation: &str,
    protection_need: &str,
) -> PyResult<String> {
    lift(
        py,
        (|| {
            Ok(import_document(text, organisation, need(protection_need)?)
                .map_err(input)?
                .to_json())
        })(),
    )
}

/// The shop baseline as a checklist of planned items (JSON).
#[pyfunction]
fn tom_baseline(
    py: Python<'_>,
    organisation: &str,
    protection_need: &str,
    lang: &str,
) -> PyResult<String> {
    lift(
        py,
        (|| {
            Ok(
                Checklist::baseline(organisation, need(protection_need)?, language(lang)?)
                    .to_json(),
            )
        })(),
    )
}

/// Validates a checklist and returns it as the library writes it.
#[pyfunction]
fn tom_check(py: Python<'_>, checklist_json: &str) -> PyResult<String> {
    lift(
        py,
        Checklist::from_json(checklist_json)
            .map(|c| c.to_json())
            .map_err(input),
    )
}

/// Evaluates a checklist on `today`; the evaluation as JSON.
#[pyfunction]
fn tom_evaluate(py: Python<'_>, checklist_json: &str, today: &str, lang: &str) -> PyResult<String> {
    let result = (|| {
        let c = Checklist::from_json(checklist_json).map_err(input)?;
        Ok(evaluate(&c, date(today, "today")?, language(lang)?).to_json())
    })();
    lift(py, result)
}

/// Applies an item action; the changed checklist as JSON.
#[pyfunction]
fn tom_apply(
    py: Python<'_>,
    checklist_json: &str,
    item_id: &str,
    action_json: &str,
    on: &str,
    actor: &str,
) -> PyResult<String> {
    let result = (|| {
        let mut c = Checklist::from_json(checklist_json).map_err(input)?;
        let action = ItemAction::from_json(action_json).map_err(input)?;
        c.apply(item_id, action, date(on, "on")?, actor)?;
        Ok(c.to_json())
    })();
    lift(py, result)
}

/// Records a breach that showed measures to have failed; the changed checklist as JSON.
#[pyfunction]
fn tom_record_breach(
    py: Python<'_>,
    checklist_json: &str,
    breach_json: &str,
    failed_json: &str,
    on: &str,
    actor: &str,
    lang: &str,
) -> PyResult<String> {
    let result = (|| {
        let mut c = Checklist::from_json(checklist_json).map_err(input)?;
        let breach: BreachLink = parse("breach link", breach_json)?;
        let failed: Vec<FailedMeasure> = parse("failed measures", failed_json)?;
        c.record_breach(&breach, &failed, date(on, "on")?, actor, language(lang)?)?;
        Ok(c.to_json())
    })();
    lift(py, result)
}

/// The measures the breach facts show to have failed (JSON).
#[pyfunction]
fn tom_failed_measures(py: Python<'_>, facts_json: &str, lang: &str) -> PyResult<String> {
    let result = (|| {
        let facts = facts(facts_json)?;
        Ok(to_json(&dsgvo_core::tom::failed_measures(
            &facts,
            language(lang)?,
        )))
    })();
    lift(py, result)
}

/// The TOM document ("markdown" or "html").
#[pyfunction]
fn tom_document(
    py: Python<'_>,
    checklist_json: &str,
    today: &str,
    lang: &str,
    format: &str,
) -> PyResult<String> {
    let result = (|| {
        let c = Checklist::from_json(checklist_json).map_err(input)?;
        let format = match format {
            "markdown" => TomFormat::Markdown,
            "html" => TomFormat::Html,
            other => {
                return Err(invalid(format!(
                    "format: \"{other}\"; use \"markdown\" or \"html\""
                )));
            }
        };
        Ok(dsgvo_core::document::tom_document(
            &c,
            date(today, "today")?,
            language(lang)?,
            format,
            &Templates::builtin(),
        )?)
    })();
    lift(py, result)
}

/// The embedded directory of supervisory authorities (JSON).
#[pyfunction]
fn authorities() -> String {
    serde_json::json!({
        "version": dsgvo_core::authority::DIRECTORY_VERSION,
        "authorities": dsgvo_core::authority::directory(),
    })
    .to_string()
}

/// The DPO duty for DPO facts (JSON in, JSON out).
#[pyfunction]
fn dpo(py: Python<'_>, facts_json: &str, lang: &str) -> PyResult<String> {
    lift(
        py,
        (|| {
            let f: DpoFacts = parse("DPO facts", facts_json)?;
            Ok(to_json(&dpo_duty(&f, language(lang)?)))
        })(),
    )
}

/// The Art. 83 fine ceilings (JSON); `turnover_eur` None = unknown.
#[pyfunction]
#[pyo3(signature = (turnover_eur, lang))]
fn fines(py: Python<'_>, turnover_eur: Option<u64>, lang: &str) -> PyResult<String> {
    lift(
        py,
        (|| Ok(to_json(&fine_ceilings(turnover_eur, language(lang)?))))(),
    )
}

/// The Art. 83 fine ceilings for fine facts (JSON in, JSON out).
#[pyfunction]
fn fines_for(py: Python<'_>, facts_json: &str, lang: &str) -> PyResult<String> {
    lift(
        py,
        (|| {
            let f: FineFacts = parse("fine facts", facts_json)?;
            Ok(to_json(&fine_ceilings_for(&f, language(lang)?)?))
        })(),
    )
}

/// Every error code: (name, number), as in C.
#[pyfunction]
fn error_codes() -> Vec<(&'static str, u32)> {
    ErrorCode::ALL
        .iter()
        .map(|c| (c.name(), c.number()))
        .collect()
}

/// The native module `dsgvo._dsgvo`.
#[pymodule]
fn _dsgvo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", dsgvo_core::VERSION)?;
    m.add_class::<PyCase>()?;
    m.add_function(wrap_pyfunction!(triage, m)?)?;
    m.add_function(wrap_pyfunction!(triage_many, m)?)?;
    m.add_function(wrap_pyfunction!(facts_check, m)?)?;
    m.add_function(wrap_pyfunction!(documents, m)?)?;
    m.add_class::<LetterRun>()?;
    m.add_function(wrap_pyfunction!(report, m)?)?;
    m.add_function(wrap_pyfunction!(register_export, m)?)?;
    m.add_function(wrap_pyfunction!(tom_import, m)?)?;
    m.add_function(wrap_pyfunction!(tom_baseline, m)?)?;
    m.add_function(wrap_pyfunction!(tom_check, m)?)?;
    m.add_function(wrap_pyfunction!(tom_evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(tom_apply, m)?)?;
    m.add_function(wrap_pyfunction!(tom_record_breach, m)?)?;
    m.add_function(wrap_pyfunction!(tom_failed_measures, m)?)?;
    m.add_function(wrap_pyfunction!(tom_document, m)?)?;
    m.add_function(wrap_pyfunction!(authorities, m)?)?;
    m.add_function(wrap_pyfunction!(dpo, m)?)?;
    m.add_function(wrap_pyfunction!(fines, m)?)?;
    m.add_function(wrap_pyfunction!(fines_for, m)?)?;
    m.add_function(wrap_pyfunction!(error_codes, m)?)?;
    Ok(())
}
