//! The triage verdict (spec section 3): the output contract.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::authority::AuthorityRef;
use crate::error::InputError;
use crate::facts::closed_set;
use crate::options::{DeadlineRule, Language, Policy};
use crate::reason::Reason;
use crate::risk::{Harm, RiskAssessment, RiskLevel, Severity};

/// The `schema` tag of the verdict.
pub const VERDICT_SCHEMA: &str = "dsgvo.verdict/2";

closed_set!(
    /// The exemptions of Art. 34(3) from informing the data subjects.
    Art34Exemption {
        /// (a) protective measures that render the data unintelligible, such as encryption.
        A = "art34_3_a",
        /// (b) subsequent measures ensure the high risk is no longer likely to materialise.
        B = "art34_3_b",
        /// (c) disproportionate effort: a public communication instead.
        C = "art34_3_c",
    }
);

closed_set!(
    /// What the controller (or processor) has to do.
    DutyKind {
        /// Document the breach (Art. 33(5)): always.
        Document = "document",
        /// Notify the supervisory authority (Art. 33(1)).
        NotifyAuthority = "notify_authority",
        /// Inform the data subjects (Art. 34(1)).
        NotifyDataSubjects = "notify_data_subjects",
        /// Public communication instead (Art. 34(3)(c)).
        PublicCommunication = "public_communication",
        /// Processor: inform the controller (Art. 33(2)).
        InformController = "inform_controller",
    }
);

impl DutyKind {
    /// The article behind the duty.
    pub fn article(self) -> &'static str {
        match self {
            DutyKind::Document => "Art. 33(5)",
            DutyKind::NotifyAuthority => "Art. 33(1)",
            DutyKind::NotifyDataSubjects => "Art. 34(1)",
            DutyKind::PublicCommunication => "Art. 34(3)(c)",
            DutyKind::InformController => "Art. 33(2)",
        }
    }
}

/// One duty with its legal basis and, where the law sets one, its due time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Duty {
    /// The duty.
    pub duty: DutyKind,
    /// Its article.
    pub article: String,
    /// Due time in UTC; `null` for "without undue delay" without a fixed limit.
    pub due: Option<DateTime<Utc>>,
}

/// The outcome of [`triage`](crate::triage): decision support, not legal advice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(title = "Triage verdict v2")]
pub struct Verdict {
    /// Always `"dsgvo.verdict/2"`.
    pub schema: String,
    /// The policy that produced the duties.
    pub policy: Policy,
    /// The risk to the rights and freedoms of natural persons (the same under every policy).
    pub risk: RiskLevel,
    /// Art. 33(1).
    pub notify_authority: bool,
    /// Art. 34(1).
    pub notify_data_subjects: bool,
    /// Art. 34(3)(c).
    pub public_communication: bool,
    /// Art. 33(2), for processors.
    pub inform_controller: bool,
    /// Set whenever `notify_authority` is true (RFC 3339, UTC).
    pub authority_deadline: Option<DateTime<Utc>>,
    /// How the deadline was counted.
    pub deadline_rule: DeadlineRule,
    /// The deadline on the controller's clock (RFC 3339 with offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority_deadline_local: Option<String>,
    /// The zone of `authority_deadline_local` (IANA name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// ENISA 2013 severity.
    pub severity: Severity,
    /// Likelihood × severity: both axes of the decisive scenario and every
    /// scenario (v2; absent only in v1 verdicts read back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<RiskAssessment>,
    /// Where the facts and the law disagree, or time presses (v2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Reason>,
    /// For a processor: each informed controller's own Art. 33(1) deadline,
    /// counted from when it was informed (v2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub controller_deadlines: Vec<ControllerDeadline>,
    /// Art. 34(3) exemptions that apply.
    pub exemptions: Vec<Art34Exemption>,
    /// Recital 85 harms.
    pub harms: Vec<Harm>,
    /// Competent supervisory authorities.
    pub authorities: Vec<AuthorityRef>,
    /// What to do, with legal basis and due time.
    pub duties: Vec<Duty>,
    /// Why, each with its source.
    pub reasons: Vec<Reason>,
    /// Unknown facts that decided the outcome (JSON paths into the facts).
    pub open_questions: Vec<String>,
    /// Language of the texts.
    pub language: Language,
    /// Decision support, not legal advice.
    pub disclaimer: String,
}

/// A controller's Art. 33(1) deadline, counted from when its processor
/// informed it (EDPB 9/2022 section II.A.4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ControllerDeadline {
    /// The controller.
    pub controller: String,
    /// When the processor informed it: its awareness.
    pub informed_at: DateTime<Utc>,
    /// 72 hours later (or as the deadline rule says).
    pub due: DateTime<Utc>,
}

impl Verdict {
    /// The verdict as JSON (the spec's format).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a verdict always serialises")
    }

    /// The verdict as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a verdict always serialises")
    }

    /// Reads a verdict back from JSON.
    ///
    /// # Errors
    ///
    /// An [`InputError`] naming the field: not JSON, too
    /// large or too deep, an unknown field or value, an unsupported `schema`.
    pub fn from_json(text: &str) -> Result<Self, InputError> {
        crate::parse::from_json_object("verdict", text)
    }

    /// The duty of kind `kind`, if the verdict has it.
    pub fn duty(&self, kind: DutyKind) -> Option<&Duty> {
        self.duties.iter().find(|d| d.duty == kind)
    }
}

/// The disclaimer every verdict carries.
pub(crate) fn disclaimer(lang: Language) -> &'static str {
    match lang {
        Language::De => {
            "Entscheidungshilfe, keine Rechtsberatung: Die Einschätzung ersetzt nicht die Prüfung durch den Verantwortlichen und seine Datenschutzbeauftragte bzw. seinen Datenschutzbeauftragten."
        }
        Language::En => {
            "Decision support, not legal advice: this assessment does not replace the review by the controller and its data protection officer."
        }
    }
}
