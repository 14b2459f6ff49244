//! The Art. 33(5) register: a collection of cases, exported as CSV, JSON and
//! Markdown, with the figures a data protection officer reports.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::{Action, BackdatingTolerance, Case, CaseError, CaseState, Event};
use crate::document::Phase;

crate::facts::closed_set!(
    /// How a register is exported, spelled the same at every door.
    RegisterFormat {
        /// One row per case, RFC 4180.
        Csv = "csv",
        /// One row per case, as a JSON array.
        Json = "json",
        /// A Markdown table.
        Markdown = "markdown",
        /// What a DPO reports (JSON).
        Figures = "figures",
    }
);

/// A collection of cases.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Register {
    cases: Vec<Case>,
}

/// One line of the register.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegisterRow {
    /// Case id.
    pub id: String,
    /// The caller's reference.
    pub reference: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Awareness (RFC 3339).
    pub aware_at: String,
    /// Current state.
    pub state: CaseState,
    /// Latest assessed risk.
    pub risk: Option<crate::RiskLevel>,
    /// Whether the authority had to be notified (computed or overridden).
    pub notify_authority: bool,
    /// When the first notification was made.
    pub notified_at: Option<String>,
    /// Hours from awareness to the first notification.
    pub hours_to_notification: Option<f64>,
    /// Whether the first notification came after the deadline.
    pub late: bool,
    /// Whether the data subjects were informed (or a public communication made).
    pub subjects_informed: bool,
    /// Number of log entries.
    pub entries: usize,
}

/// What a DPO reports about the register.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    /// Breaches (cases that are not `not_a_breach`).
    pub breaches: usize,
    /// Breaches per year of awareness.
    pub per_year: BTreeMap<i32, usize>,
    /// Breaches notified to the authority.
    pub notified: usize,
    /// Breaches documented only.
    pub documented_only: usize,
    /// Incidents that turned out not to be breaches.
    pub not_a_breach: usize,
    /// Notifications made after the deadline.
    pub late_notifications: usize,
    /// Median hours from awareness to notification.
    pub median_hours_to_notification: Option<f64>,
}

impl Register {
    /// An empty register.
    pub fn new() -> Self {
        Register::default()
    }

    /// Adds a case.
    pub fn push(&mut self, case: Case) {
        self.cases.push(case);
    }

    /// The cases.
    pub fn cases(&self) -> &[Case] {
        &self.cases
    }

    /// Loads a register stored as a JSON array of `dsgvo.case/2` cases;
    /// every case is verified and the first failure names the case's index
    /// (a register that is not a JSON array at all is an `Input` error at 0).
    ///
    /// # Errors
    ///
    /// The index of the first case that fails and its [`CaseError`].
    pub fn from_json(
        text: &str,
        tolerance: BackdatingTolerance,
    ) -> Result<Register, (usize, CaseError)> {
        // A register is as large as the shop's history: each case inside has its own limit.
        let values: Vec<Box<serde_json::value::RawValue>> =
            crate::parse::from_json_limited("register", text, usize::MAX)
                .map_err(|e| (0, CaseError::Input(e)))?;
        Register::load(values.iter().map(|raw| raw.get()), tolerance, 1)
    }

    /// Loads stored cases, one `dsgvo.case/2` document per row as a
    /// database keeps them, verifying each; the register keeps the order of
    /// the rows. With `workers` above 1 the rows are verified on that many
    /// threads (the caller decides how many its host may use); the result,
    /// including which failure is reported, is the same for any `workers`:
    /// the first row that fails, by index.
    ///
    /// ```
    /// use dsgvo_core::case::{BackdatingTolerance, Register};
    ///
    /// let rows = ["{}", "not json"];
    /// let (row, _) = Register::load(rows, BackdatingTolerance::default(), 2).unwrap_err();
    /// assert_eq!(row, 0);
    /// ```
    ///
    /// # Errors
    ///
    /// The index of the first case that fails and its [`CaseError`]; a case
    /// id found twice is [`CaseError::Duplicate`] at its second copy.
    pub fn load<I, S>(
        rows: I,
        tolerance: BackdatingTolerance,
        workers: usize,
    ) -> Result<Register, (usize, CaseError)>
    where
        I: IntoIterator<Item = S>,
        I::IntoIter: Send,
        S: AsRef<str> + Send,
    {
        let verify =
            |(i, row): (usize, S)| Case::from_json(row.as_ref(), tolerance).map_err(|e| (i, e));
        let cases = crate::parallel::map_in_order(rows.into_iter().enumerate(), workers, verify)?;
        let mut seen = std::collections::HashMap::with_capacity(cases.len());
        for (i, case) in cases.iter().enumerate() {
            if let Some(first) = seen.insert(&case.id().0, i) {
                let id = case.id().0.clone();
                return Err((i, CaseError::Duplicate { id, first }));
            }
        }
        Ok(Register { cases })
    }

    /// The register as a JSON array of cases (for storage).
    pub fn to_json(&self) -> String {
        let parts: Vec<String> = self.cases.iter().map(Case::to_json).collect();
        format!("[{}]", parts.join(","))
    }

    /// One row per case.
    pub fn rows(&self) -> Vec<RegisterRow> {
        self.cases.iter().map(row).collect()
    }

    /// The register in `format`, as every door exports it.
    ///
    /// # Examples
    ///
    /// ```
    /// use dsgvo_core::case::{Register, RegisterFormat};
    ///
    /// let format: RegisterFormat = "csv".parse().unwrap();
    /// assert!(Register::new().export(format).starts_with("id,reference,title"));
    /// assert!("rows".parse::<RegisterFormat>().unwrap_err().contains("csv, json, markdown, figures"));
    /// ```
    pub fn export(&self, format: RegisterFormat) -> String {
        match format {
            RegisterFormat::Csv => self.to_csv(),
            RegisterFormat::Json => self.rows_json(),
            RegisterFormat::Markdown => self.to_markdown(),
            RegisterFormat::Figures => {
                serde_json::to_string(&self.figures()).expect("figures serialise")
            }
        }
    }

    /// The rows as JSON.
    pub fn rows_json(&self) -> String {
        serde_json::to_string_pretty(&self.rows()).expect("rows serialise")
    }

    /// The rows as CSV (RFC 4180).
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "id,reference,title,aware_at,state,risk,notify_authority,notified_at,hours_to_notification,late,subjects_informed,entries\r\n",
        );
        for r in self.rows() {
            let fields = [
                r.id,
                r.reference.unwrap_or_default(),
                r.title.unwrap_or_default(),
                r.aware_at,
                r.state.to_string(),
                r.risk.map(|x| x.to_string()).unwrap_or_default(),
                r.notify_authority.to_string(),
                r.notified_at.unwrap_or_default(),
                r.hours_to_notification
                    .map(|h| format!("{h:.1}"))
                    .unwrap_or_default(),
                r.late.to_string(),
                r.subjects_informed.to_string(),
                r.entries.to_string(),
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// The rows as a Markdown table.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from(
            "| id | title | aware_at | state | risk | notified | hours | late | informed |\n|---|---|---|---|---|---|---|---|---|\n",
        );
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        for r in self.rows() {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                cell(&r.id),
                cell(r.title.as_deref().unwrap_or("")),
                r.aware_at,
                r.state,
                r.risk.map(|x| x.to_string()).unwrap_or_default(),
                r.notified_at.as_deref().unwrap_or("–"),
                r.hours_to_notification
                    .map(|h| format!("{h:.1}"))
                    .unwrap_or_default(),
                if r.late { "yes" } else { "no" },
                if r.subjects_informed { "yes" } else { "no" },
            ));
        }
        out
    }

    /// The figures a DPO reports.
    pub fn figures(&self) -> Figures {
        let rows = self.rows();
        let mut per_year = BTreeMap::new();
        let mut hours: Vec<f64> = Vec::new();
        let mut f = Figures {
            breaches: 0,
            per_year: BTreeMap::new(),
            notified: 0,
            documented_only: 0,
            not_a_breach: 0,
            late_notifications: 0,
            median_hours_to_notification: None,
        };
        for (case, r) in self.cases.iter().zip(&rows) {
            if r.state == CaseState::NotABreach {
                f.not_a_breach += 1;
                continue;
            }
            f.breaches += 1;
            *per_year
                .entry(case.facts().aware_at.with_offset().year())
                .or_insert(0) += 1;
            if r.notified_at.is_some() {
                f.notified += 1;
            } else if case.entries().iter().any(|e| {
                matches!(
                    e.event,
                    Event::Action {
                        action: Action::DocumentOnly
                    }
                )
            }) {
                f.documented_only += 1;
            }
            if r.late {
                f.late_notifications += 1;
            }
            hours.extend(r.hours_to_notification);
        }
        hours.sort_by(f64::total_cmp);
        f.median_hours_to_notification = match hours.len() {
            0 => None,
            n if n % 2 == 1 => Some(hours[n / 2]),
            n => Some((hours[n / 2 - 1] + hours[n / 2]) / 2.0),
        };
        f.per_year = per_year;
        f
    }
}

fn row(case: &Case) -> RegisterRow {
    let r = &case.replay;
    let notified = case.entries().iter().find(|e| {
        matches!(
            &e.event,
            Event::Action {
                action: Action::NotifyAuthority {
                    phase: Phase::Initial | Phase::Final,
                    ..
                }
            }
        )
    });
    let aware = case.facts().aware_at.to_utc();
    RegisterRow {
        id: case.id().0.clone(),
        reference: case.facts().reference.clone(),
        title: case.facts().title.clone(),
        aware_at: case.facts().aware_at.to_string(),
        state: case.state(),
        risk: case.decision().map(|d| d.risk),
        notify_authority: r.must_notify_authority(),
        notified_at: notified.map(|e| e.at.to_string()),
        hours_to_notification: notified
            .map(|e| (e.at.to_utc() - aware).num_seconds() as f64 / 3600.0),
        late: notified.is_some_and(|e| e.at.to_utc() > r.deadline()),
        subjects_informed: r.subjects_done,
        entries: case.entries().len(),
    }
}

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}
