//! The Art. 33(5) register entry: every breach, notified or not, with the
//! facts, effects, remedial action, the decision and its reasons.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::messages::{MessageId, Messages};
use super::notification::subjects_informed;
use super::view::BreachView;
use super::{DocumentError, Templates, markdown_to_text};
use crate::AssessedBreach;
use crate::facts::BreachFacts;
use crate::verdict::Verdict;

/// The `schema` tag of a register entry.
pub const REGISTER_SCHEMA: &str = "dsgvo.register-entry/1";

/// One entry of the breach register (Art. 33(5)).
#[derive(Clone, Debug, Serialize)]
pub struct RegisterEntry {
    /// Always `"dsgvo.register-entry/1"`.
    pub schema: &'static str,
    /// When the entry was made (the caller's clock).
    pub recorded_at: DateTime<Utc>,
    /// The facts as assessed.
    pub facts: BreachFacts,
    /// The verdict with its reasons.
    pub verdict: Verdict,
    /// Why the authority was not notified, when it was not.
    pub why_not_notified: Option<String>,
    /// Whether and why (not) the data subjects were informed.
    pub subjects_informed: String,
    /// The breach as the Markdown shows it (not part of the JSON).
    #[serde(skip)]
    view: BreachView,
}

impl RegisterEntry {
    /// The entry for an assessed breach, recorded at `now`.
    ///
    /// The sentences come from `messages` (usually [`Templates::messages`]).
    pub fn new(breach: &AssessedBreach, now: DateTime<Utc>, messages: &Messages) -> Self {
        let (facts, verdict) = (breach.facts(), breach.verdict());
        let why_not_notified =
            (!verdict.notify_authority).then(|| why_not_notified(facts, verdict, messages));
        RegisterEntry {
            schema: REGISTER_SCHEMA,
            recorded_at: now,
            facts: facts.facts().clone(),
            verdict: verdict.clone(),
            why_not_notified,
            subjects_informed: subjects_informed(verdict, messages),
            view: BreachView::new(breach, messages),
        }
    }

    /// The entry as JSON (facts and verdict in full).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a register entry always serialises")
    }

    /// The entry as Markdown.
    pub fn markdown(&self, templates: &Templates) -> Result<String, DocumentError> {
        let l = self.verdict.language;
        let ctx = minijinja::context! {
            entry => minijinja::Value::from(minijinja::value::Serde(self)),
            breach => minijinja::Value::from(minijinja::value::Serde(&self.view)),
            recorded_at => crate::label::local_time(self.recorded_at, &self.facts, l),
        };
        templates.render_value(&format!("{l}/register.md"), ctx)
    }

    /// The entry as plain text.
    pub fn text(&self, templates: &Templates) -> Result<String, DocumentError> {
        self.markdown(templates).map(|m| markdown_to_text(&m))
    }
}

fn why_not_notified(facts: &BreachFacts, v: &Verdict, messages: &Messages) -> String {
    if v.inform_controller {
        let l = v.language;
        let informed: Vec<String> = facts
            .controllers_informed
            .iter()
            .map(|c| {
                format!(
                    "{} ({})",
                    c.name,
                    crate::label::local_time(c.informed_at.to_utc(), facts, l)
                )
            })
            .collect();
        return if informed.is_empty() {
            messages
                .get(l, MessageId::RegisterProcessorPending)
                .to_string()
        } else {
            messages.fill(
                l,
                MessageId::RegisterProcessorInformed,
                &[("controllers", &informed.join("; "))],
            )
        };
    }
    let assessed = messages.get(v.language, MessageId::RegisterUnlikely);
    let decisive: Vec<&str> = v
        .reasons
        .iter()
        .filter(|r| {
            matches!(
                r.code.as_str(),
                "data_unintelligible"
                    | "only_hashed_passwords"
                    | "no_recipient"
                    | "recipient_trusted"
                    | "recipient_retrieved"
                    | "data_not_identifying"
                    | "risk_matrix"
            )
        })
        .map(|r| r.text.as_str())
        .collect();
    format!("{assessed} {}", decisive.join(" "))
        .trim()
        .to_string()
}
