//! Python bindings of `dsgvo` (import name `dsgvo`, native module
//! `dsgvo._dsgvo`).
//!
//! A thin door over the core's door vocabulary ([`dsgvo_core::door`]):
//! Python objects in, the core's answer out, failures raised as the class
//! `dsgvo._errors` defines for the core's error code. Breach facts and
//! letter recipients are read from Python data directly (`objects.rs`);
//! every other aggregate crosses as the core's serde JSON, which the
//! pure-Python package (`python/dsgvo`) wraps into classes. Bulk calls
//! release the GIL.

mod arrow;
mod failure;
mod objects;
mod rows;

use arrow_array::RecordBatchReader;
use arrow_array::ffi_stream::ArrowArrayStreamReader;
use dsgvo_core::case::Case;
use dsgvo_core::document::{Letter, Recipient};
use dsgvo_core::door::breach::{FactsInput, LetterLayout, LetterRun as CoreLetterRun};
use dsgvo_core::door::scope::ScopeRun;
use dsgvo_core::door::{self, DoorError, args, to_json};
use dsgvo_core::{BreachFacts, ErrorCode, Verdict};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

use failure::{Out, lift};

/// Threads for bulk work: the host's cores (at most 8). The binding may
/// ask the host; the core never does, callers pass it in.
fn host_workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// Runs `f` on the value behind `lock` (a panic elsewhere does not poison
/// it): a case or a scoping run that Python threads share.
fn locked<V, T>(
    lock: &std::sync::Mutex<V>,
    f: impl FnOnce(&mut V) -> Result<T, DoorError>,
) -> Out<T> {
    let mut value = lock.lock().unwrap_or_else(|p| p.into_inner());
    Ok(f(&mut value)?)
}

/// Breach facts as Python passes them: JSON text, or Python data read
/// directly (not yet validated).
fn facts_input(obj: &Bound<'_, PyAny>) -> Out<FactsInput> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow().map_err(|_| {
            DoorError::new(
                ErrorCode::InvalidUtf8,
                "facts: not valid UTF-8 (lone surrogates)",
            )
        })?;
        return Ok(FactsInput::Json(text.into_owned()));
    }
    Ok(FactsInput::Read(Box::new(objects::read::<BreachFacts>(
        obj,
        "breach facts",
    )?)))
}

/// A verdict as the core made it. Its JSON is written only when Python
/// asks for it: a caller who reads two fields or stores the verdict pays
/// for one conversion, and one who only counts verdicts for none.
#[pyclass(name = "Verdict", module = "dsgvo._dsgvo", frozen)]
struct PyVerdict {
    verdict: Verdict,
    /// The verdict as a JSON value, made on the first field read.
    value: std::sync::OnceLock<serde_json::Value>,
}

impl PyVerdict {
    fn new(verdict: Verdict) -> PyVerdict {
        PyVerdict {
            verdict,
            value: std::sync::OnceLock::new(),
        }
    }

    fn value(&self) -> &serde_json::Value {
        self.value
            .get_or_init(|| serde_json::to_value(&self.verdict).expect("verdicts serialise"))
    }
}

#[pymethods]
impl PyVerdict {
    /// The verdict as JSON (`dsgvo.verdict/2`).
    fn to_json(&self) -> String {
        self.verdict.to_json()
    }

    /// The verdict as Python data: the data `json.loads(to_json())` gives
    /// (keys in alphabetical order), without the text between.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        objects::to_python(py, self.value())
    }

    /// One top-level field as Python data, without the others: a caller
    /// who reads `risk` pays for `risk`. A missing field raises `KeyError`.
    fn field<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.value().get(name) {
            Some(value) => objects::to_python(py, value),
            None => Err(pyo3::exceptions::PyKeyError::new_err(name.to_string())),
        }
    }
}

/// Triages breach facts (JSON text, or Python data) with options (JSON or
/// None).
#[pyfunction]
#[pyo3(signature = (facts, options_json=None))]
fn triage(
    py: Python<'_>,
    facts: &Bound<'_, PyAny>,
    options_json: Option<&str>,
) -> PyResult<PyVerdict> {
    let result = (|| -> Out<PyVerdict> {
        let facts = facts_input(facts)?.validate()?;
        let options = args::options(options_json)?;
        let verdict = dsgvo_core::triage(&facts, &options);
        Ok(PyVerdict::new(verdict))
    })();
    lift(py, result)
}

/// Validates breach facts (JSON text or Python data) without triaging
/// them; the facts as the library writes them.
#[pyfunction]
fn facts_check(py: Python<'_>, facts: &Bound<'_, PyAny>) -> PyResult<String> {
    let result = (|| -> Out<String> { Ok(to_json(&*facts_input(facts)?.validate()?)) })();
    lift(py, result)
}

/// Triages many facts (JSON text or Python data each) without the GIL, on
/// the host's cores; the first failure names its index.
#[pyfunction]
#[pyo3(signature = (facts, options_json=None))]
fn triage_many(
    py: Python<'_>,
    facts: Vec<Bound<'_, PyAny>>,
    options_json: Option<&str>,
) -> PyResult<Vec<PyVerdict>> {
    let inputs = facts
        .iter()
        .enumerate()
        .map(|(i, f)| facts_input(f).map_err(|e| in_item(e, "facts", i)))
        .collect::<Out<Vec<_>>>();
    let result = inputs.and_then(|inputs| {
        let options = args::options(options_json)?;
        let verdicts = py.detach(|| door::breach::triage_many(inputs, &options, host_workers()))?;
        Ok(verdicts.into_iter().map(PyVerdict::new).collect())
    });
    lift(py, result)
}

fn in_item(f: failure::Failure, list: &str, index: usize) -> failure::Failure {
    failure::Failure {
        error: f.error.in_item(list, index),
        class: f.class,
    }
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
    let result = door::breach::documents(facts_json, options_json, now, delay_reasons)
        .map(|docs| docs.into_iter().map(|d| (d.file_name, d.content)).collect());
    lift(py, result)
}

/// A bulk letter run: the facts, the verdict and the templates, prepared
/// once; `render` writes the letters for one batch of recipients on the
/// host's cores, without the GIL.
#[pyclass(name = "LetterRun", module = "dsgvo._dsgvo", frozen)]
struct LetterRun {
    run: CoreLetterRun,
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
        let result = (|| -> Out<LetterRun> {
            let facts = facts_input(facts)?.validate()?;
            let options = args::options(options_json)?;
            Ok(LetterRun {
                run: CoreLetterRun::new(facts, format, &options)?,
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
        let recipients = lift(py, recipients_arg(recipients, start))?;
        let mut out = Vec::with_capacity(recipients.len());
        let sink = |l: Letter| out.push((l.name, l.email, l.content));
        let result = py.detach(|| self.run.write(recipients, start, host_workers(), sink));
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
        let layout: LetterLayout = lift(py, args::choice(layout, "layout"))?;
        let recipients = lift(py, recipients_arg(recipients, start))?;
        let mut buf: Vec<u8> = Vec::with_capacity(recipients.len() * 2048);
        let sink = |l: Letter| layout.append(&mut buf, &l);
        let result = py.detach(|| self.run.write(recipients, start, host_workers(), sink));
        lift(py, result)?;
        Ok(PyBytes::new(py, &buf))
    }
}

/// The recipients of a letter batch whose first is recipient number
/// `start` of the run: a list of dicts, or JSON text. A recipient that
/// cannot be read is named by its number in the run, not in the batch.
fn recipients_arg(recipients: &Bound<'_, PyAny>, start: usize) -> Out<Vec<Recipient>> {
    if let Ok(text) = recipients.cast::<PyString>() {
        let text = text
            .to_cow()
            .map_err(|_| DoorError::new(ErrorCode::InvalidUtf8, "recipients: not valid UTF-8"))?;
        return Ok(door::breach::recipients(&text, start)?);
    }
    let batch: Out<Vec<Recipient>> = objects::read(recipients, "recipients");
    let Err(whole) = batch else { return batch };
    // Read again one by one, to name the first that fails by its number.
    let Ok(items) = recipients.cast::<PyList>().map(|l| l.iter()) else {
        return Err(whole);
    };
    for (i, item) in items.enumerate() {
        if let Err(e) = objects::read::<Recipient>(&item, "recipient") {
            return Err(in_item(e, "recipients", start + i));
        }
    }
    Err(whole)
}

/// A scoping run (`dsgvo_core::door::scope`): rows pushed in batches from
/// Python (dicts by header, nested dicts flattened to `billing.email`, or
/// sequences in the header's order), the report as JSON, runs over parts
/// of a table merged, the state stored (pickling) and read back.
#[pyclass(name = "ScopeRun", module = "dsgvo._dsgvo", frozen)]
struct PyScopeRun {
    run: std::sync::Mutex<ScopeRun>,
}

impl PyScopeRun {
    fn with<T>(&self, f: impl FnOnce(&mut ScopeRun) -> Result<T, DoorError>) -> Out<T> {
        locked(&self.run, f)
    }
}

#[pymethods]
impl PyScopeRun {
    #[new]
    #[pyo3(signature = (options_json, headers=None))]
    fn new(
        py: Python<'_>,
        options_json: &str,
        headers: Option<Vec<String>>,
    ) -> PyResult<PyScopeRun> {
        let headers = headers.map(|h| to_json(&h));
        let result = ScopeRun::new(options_json, headers.as_deref()).map(|run| PyScopeRun {
            run: std::sync::Mutex::new(run),
        });
        lift(py, result)
    }

    /// A run read back from its state (`state()`).
    #[staticmethod]
    fn from_state(py: Python<'_>, state_json: &str) -> PyResult<PyScopeRun> {
        let result = ScopeRun::from_summary_json(state_json).map(|run| PyScopeRun {
            run: std::sync::Mutex::new(run),
        });
        lift(py, result)
    }

    /// Counts `rows` (any iterable), the first on line `first_line`;
    /// returns the number of rows read.
    fn push(&self, py: Python<'_>, rows: &Bound<'_, PyAny>, first_line: u64) -> PyResult<u64> {
        let mut n = 0u64;
        for row in rows.try_iter()? {
            let row = row?;
            let line = first_line.saturating_add(n);
            let result = match rows::row(&row)? {
                rows::Row::Pairs(pairs) => self.with(|r| r.push_pairs(line, pairs)),
                rows::Row::Cells(cells) => self.with(|r| r.push_cells(line, &cells)),
                rows::Row::Other => self.with(|r| r.push_malformed(line)),
            };
            lift(py, result)?;
            n += 1;
        }
        Ok(n)
    }

    /// Sets the header of a table read as cells (or checks it against the
    /// run's).
    fn set_header(&self, py: Python<'_>, names: Vec<String>) -> PyResult<()> {
        lift(py, self.with(|r| r.table_header(&names)))
    }

    /// Counts the rows of `table`, any object with the Arrow PyCapsule
    /// stream interface (`__arrow_c_stream__`), read in place; the first
    /// row is on line `first_line`. Batches are gathered into groups of
    /// rows, each scoped without the GIL on `threads` threads (the host's
    /// cores when not given): the same counts as on one thread. Returns
    /// the number of rows read.
    #[pyo3(signature = (table, first_line, threads=None))]
    fn push_arrow(
        &self,
        py: Python<'_>,
        table: &Bound<'_, PyAny>,
        first_line: u64,
        threads: Option<i64>,
    ) -> PyResult<u64> {
        let threads = match threads.map(usize::try_from) {
            None => host_workers(),
            Some(Ok(n @ 1..)) => n,
            Some(_) => {
                let e = DoorError::invalid("threads: at least 1 (or None for the host's cores)");
                return lift(py, Err(e));
            }
        };
        let capsule = table.call_method0("__arrow_c_stream__")?;
        let capsule = capsule.cast::<pyo3::types::PyCapsule>()?;
        let stream = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
        // SAFETY: a capsule named "arrow_array_stream" holds an
        // `ArrowArrayStream` (Arrow PyCapsule interface); `from_raw` moves
        // the stream out and leaves a released one behind, which the
        // capsule's destructor then leaves alone. The capsule is alive
        // (bound above) while the stream is moved.
        let reader = unsafe { ArrowArrayStreamReader::from_raw(stream.as_ptr().cast()) };
        let reader = lift(py, reader.map_err(|e| arrow_failed(&e)))?;
        let names: Vec<String> = reader
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        lift(py, self.with(|r| r.table_header(&names)))?;
        let mut line = first_line;
        let mut group = arrow::Group::default();
        let mut batches = reader.into_iter();
        loop {
            // Batches are read with the GIL: a producer may need it.
            let next = batches.next();
            let end = next.is_none();
            if let Some(batch) = next {
                group.add(lift(py, batch.map_err(|e| arrow_failed(&e)))?);
            }
            if group.rows() > 0 && (end || group.is_full()) {
                // The batches are Rust's now: scoped without the GIL.
                let pushed = py.detach(|| self.with(|r| group.push(r, &names, line, threads)));
                lift(py, pushed)?;
                line = line.saturating_add(group.rows() as u64);
                group = arrow::Group::default();
            }
            if end {
                return Ok(line - first_line);
            }
        }
    }

    /// The scope of the rows so far (JSON, `dsgvo.scope/1`).
    fn report(&self, py: Python<'_>) -> PyResult<String> {
        lift(py, self.with(|r| r.report()))
    }

    /// The run's state (JSON): digests of the keys, not the keys; keep it
    /// where the table is.
    fn state(&self, py: Python<'_>) -> PyResult<String> {
        lift(py, self.with(|r| Ok(r.summary_json())))
    }

    /// Starts the second pass: rows pushed from now on give the recipients.
    fn start_recipients(&self, py: Python<'_>) -> PyResult<()> {
        lift(py, self.with(ScopeRun::start_recipients))
    }

    /// The recipients of the second pass (JSON, `scope::Recipients`).
    fn recipients(&self, py: Python<'_>) -> PyResult<String> {
        lift(py, self.with(ScopeRun::recipients_json))
    }

    /// Adds the rows of `other` (another part of the same table).
    fn merge(&self, py: Python<'_>, other: &PyScopeRun) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            let e = DoorError::invalid("other: the same run (its rows would count twice)");
            return lift(py, Err(e));
        }
        let theirs = lift(py, other.with(|r| Ok(r.clone())))?;
        lift(py, self.with(|r| r.merge(theirs)))
    }
}

/// An Arrow stream that failed, without the producer's message (which may
/// quote a value of the table).
fn arrow_failed(e: &arrow_schema::ArrowError) -> DoorError {
    let what = match e {
        arrow_schema::ArrowError::CDataInterface(_) => "the producer reported an error",
        arrow_schema::ArrowError::SchemaError(_) => "its schema cannot be read",
        _ => "a batch cannot be read",
    };
    DoorError::invalid(format!("table: the Arrow stream failed: {what}"))
}

/// The German or English text report (as the Rust `triage` example prints it).
#[pyfunction]
#[pyo3(signature = (facts_json, options_json=None))]
fn report(py: Python<'_>, facts_json: &str, options_json: Option<&str>) -> PyResult<String> {
    lift(py, door::breach::report(facts_json, options_json))
}

/// A breach case: the log and its replayed state.
#[pyclass(name = "Case", module = "dsgvo._dsgvo", frozen)]
struct PyCase {
    case: std::sync::Mutex<Case>,
}

impl PyCase {
    fn new(case: Case) -> PyCase {
        PyCase {
            case: std::sync::Mutex::new(case),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Case) -> Result<T, DoorError>) -> Out<T> {
        locked(&self.case, f)
    }
}

#[pymethods]
impl PyCase {
    /// Opens a case with the facts known at detection.
    #[staticmethod]
    fn open(py: Python<'_>, id: &str, facts_json: &str, at: &str, actor: &str) -> PyResult<PyCase> {
        let result = door::case::open(id, facts_json, at, actor).map(PyCase::new);
        lift(py, result)
    }

    /// Loads and verifies a stored case (`dsgvo.case/2`).
    #[staticmethod]
    fn load(py: Python<'_>, json: &str, tolerance_seconds: i64) -> PyResult<PyCase> {
        let result = door::case::load(json, tolerance_seconds).map(PyCase::new);
        lift(py, result)
    }

    /// Applies a command (JSON); the new entry as JSON. With `now`
    /// (RFC 3339), a command dated after it beyond the tolerance is refused.
    #[pyo3(signature = (command_json, tolerance_seconds, now=None))]
    fn apply(
        &self,
        py: Python<'_>,
        command_json: &str,
        tolerance_seconds: i64,
        now: Option<&str>,
    ) -> PyResult<String> {
        let result = self.with(|c| door::case::apply(c, command_json, tolerance_seconds, now));
        lift(py, result)
    }

    /// The case as stored.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        lift(py, self.with(|c| Ok(c.to_json())))
    }

    /// The anchor to keep outside the stored case (JSON).
    fn anchor(&self, py: Python<'_>) -> PyResult<String> {
        lift(py, self.with(|c| Ok(door::case::anchor(c))))
    }

    /// Checks the case against an anchor kept outside it (JSON).
    fn check_anchor(&self, py: Python<'_>, anchor_json: &str) -> PyResult<()> {
        lift(py, self.with(|c| door::case::check_anchor(c, anchor_json)))
    }

    /// State, decision, verdict, open duties and the next step at `now` (JSON).
    fn status(&self, py: Python<'_>, now: &str) -> PyResult<String> {
        lift(py, self.with(|c| door::case::status(c, now)))
    }

    /// Every document for the case as it stands.
    #[pyo3(signature = (now, delay_reasons=None))]
    fn documents(
        &self,
        py: Python<'_>,
        now: &str,
        delay_reasons: Option<&str>,
    ) -> PyResult<Vec<(String, String)>> {
        let result = self.with(|c| door::case::documents(c, now, delay_reasons));
        let docs = lift(py, result)?;
        Ok(docs.into_iter().map(|d| (d.file_name, d.content)).collect())
    }
}

/// Loads stored cases without the GIL and exports the register:
/// `format` is "csv", "json" (rows), "markdown" or "figures" (JSON), as at
/// every door.
#[pyfunction]
fn register_export(
    py: Python<'_>,
    cases: Vec<String>,
    tolerance_seconds: i64,
    format: &str,
) -> PyResult<String> {
    let result =
        py.detach(|| door::case::register_export(cases, tolerance_seconds, format, host_workers()));
    lift(py, result)
}

/// Imports a TOM document; the import report as JSON.
#[pyfunction]
fn tom_import(
    py: Python<'_>,
    text: &str,
    organisation: &str,
    protection_need: &str,
) -> PyResult<String> {
    let result = door::tom::import(text, organisation, protection_need);
    lift(py, result)
}

/// The shop baseline as a checklist of planned items (JSON).
#[pyfunction]
fn tom_baseline(
    py: Python<'_>,
    organisation: &str,
    protection_need: &str,
    lang: &str,
) -> PyResult<String> {
    let result = door::tom::baseline(organisation, protection_need, Some(lang));
    lift(py, result)
}

/// Validates a checklist and returns it as the library writes it.
#[pyfunction]
fn tom_check(py: Python<'_>, checklist_json: &str) -> PyResult<String> {
    lift(py, door::tom::check(checklist_json))
}

/// Evaluates a checklist on `today`; the evaluation as JSON.
#[pyfunction]
fn tom_evaluate(py: Python<'_>, checklist_json: &str, today: &str, lang: &str) -> PyResult<String> {
    let result = door::tom::evaluation(checklist_json, today, Some(lang));
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
    let result = door::tom::apply(checklist_json, item_id, action_json, on, actor);
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
    let result = door::tom::record_breach(
        checklist_json,
        breach_json,
        failed_json,
        on,
        actor,
        Some(lang),
    );
    lift(py, result)
}

/// The measures the breach facts show to have failed (JSON).
#[pyfunction]
fn tom_failed_measures(py: Python<'_>, facts_json: &str, lang: &str) -> PyResult<String> {
    let result = door::tom::failed_measures(facts_json, Some(lang));
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
    let result = door::tom::document(checklist_json, today, Some(lang), format);
    lift(py, result)
}

/// The embedded directory of supervisory authorities (JSON).
#[pyfunction]
fn authorities() -> String {
    door::tom::authorities()
}

/// The DPO duty for DPO facts (JSON in, JSON out).
#[pyfunction]
fn dpo(py: Python<'_>, facts_json: &str, lang: &str) -> PyResult<String> {
    lift(py, door::tom::dpo(facts_json, Some(lang)))
}

/// The Art. 83 fine ceilings (JSON); `turnover_eur` None = unknown.
#[pyfunction]
#[pyo3(signature = (turnover_eur, lang))]
fn fines(py: Python<'_>, turnover_eur: Option<u64>, lang: &str) -> PyResult<String> {
    lift(py, door::tom::fines(turnover_eur, Some(lang)))
}

/// The Art. 83 fine ceilings for fine facts (JSON in, JSON out).
#[pyfunction]
fn fines_for(py: Python<'_>, facts_json: &str, lang: &str) -> PyResult<String> {
    lift(py, door::tom::fines_for(facts_json, Some(lang)))
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
    m.add_class::<LetterRun>()?;
    m.add_class::<PyVerdict>()?;
    m.add_class::<PyScopeRun>()?;
    m.add_function(wrap_pyfunction!(triage, m)?)?;
    m.add_function(wrap_pyfunction!(triage_many, m)?)?;
    m.add_function(wrap_pyfunction!(facts_check, m)?)?;
    m.add_function(wrap_pyfunction!(documents, m)?)?;
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
