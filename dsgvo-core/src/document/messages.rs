//! The message catalogue: every sentence and label a document, a form block
//! or the console report says outside the templates, keyed by a stable id,
//! in German and English. The built-in wording lives in
//! `dsgvo-core/templates/{de,en}/messages.json`; a shop overrides any id
//! per language with [`Templates::with_message`](super::Templates::with_message).
//!
//! A message may name values in braces (`{name}`); an override may use the
//! same names and no others, so a typo is an error when the set is built,
//! never a letter with a gap.

use std::collections::BTreeMap;

use once_cell::sync::Lazy;

use super::DocumentError;
use crate::options::Language;

macro_rules! message_ids {
    ($($variant:ident = $id:literal),+ $(,)?) => {
        /// The stable id of one message of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum MessageId {
            $(#[doc = concat!("`", $id, "`")] $variant),+
        }

        impl MessageId {
            /// Every id, in catalogue order.
            pub const ALL: &'static [MessageId] = &[$(MessageId::$variant),+];

            /// The id as written in the catalogue (`advice.password_now`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(MessageId::$variant => $id),+
                }
            }

            /// The id for `s`, if the catalogue knows it.
            #[must_use]
            pub fn parse(s: &str) -> Option<MessageId> {
                match s {
                    $($id => Some(MessageId::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

impl serde::Serialize for MessageId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

message_ids!(
    Yes = "word.yes",
    No = "word.no",
    NotGiven = "word.not_given",
    AdvicePasswordPrecaution = "advice.password_precaution",
    AdvicePasswordNow = "advice.password_now",
    AdviceCardStatements = "advice.card_statements",
    AdviceBankStatements = "advice.bank_statements",
    AdviceIdentityMisuse = "advice.identity_misuse",
    AdvicePhishing = "advice.phishing",
    AdviceSensitiveData = "advice.sensitive_data",
    AdviceComplaint = "advice.complaint",
    LetterGreeting = "letter.greeting",
    LetterSampleName = "letter.sample_name",
    PeriodFromUntil = "period.from_until",
    PeriodSince = "period.since",
    PeriodUntil = "period.until",
    RiskMatrix = "risk.matrix",
    SubjectsInformedProcessor = "subjects_informed.processor",
    SubjectsInformedYes = "subjects_informed.yes",
    SubjectsInformedExempt = "subjects_informed.exempt",
    SubjectsInformedPublic = "subjects_informed.public",
    SubjectsInformedNotHigh = "subjects_informed.not_high",
    SubjectsInformedNo = "subjects_informed.no",
    RegisterProcessorPending = "register.processor_pending",
    RegisterProcessorInformed = "register.processor_informed",
    RegisterUnlikely = "register.unlikely",
    CompletenessHeading = "completeness.heading",
    MissingContact = "missing.contact",
    MissingMeasuresTaken = "missing.measures_taken",
    MissingMeasuresProposed = "missing.measures_proposed",
    MissingSummary = "missing.summary",
    MissingRecords = "missing.records",
    MissingOccurredFrom = "missing.occurred_from",
    MissingDiscoveredBy = "missing.discovered_by",
    MissingResidence = "missing.residence",
    MissingAuthority = "missing.authority",
    MissingOpenQuestion = "missing.open_question",
    QuestionAvailabilityBackup = "question.availability.backup",
    QuestionAvailabilityPermanent = "question.availability.permanent",
    QuestionAvailabilityRestored = "question.availability.restored_within_hours",
    QuestionConfidentialityEvidence = "question.confidentiality.evidence",
    QuestionConfidentialityExfiltrated = "question.confidentiality.exfiltrated",
    QuestionConfidentialityExposure = "question.confidentiality.exposure_hours",
    QuestionSubjectsCount = "question.data_subjects.count",
    QuestionSubjectsVulnerable = "question.data_subjects.vulnerable",
    QuestionIdentifiability = "question.identifiability",
    QuestionIntegrityRecoverable = "question.integrity.recoverable",
    QuestionMalicious = "question.malicious",
    QuestionKeyCompromised = "question.protection.key_compromised",
    QuestionControllerCountry = "question.controller.country",
    QuestionSubjectsResidence = "question.data_subjects.residence",
    QuestionRepresentativeRegion = "question.representative.region",
    FormNotificationTitle = "form.notification.title",
    FormNotificationKind = "form.notification.kind",
    FormPhaseInitial = "form.phase.initial",
    FormPhaseSupplement = "form.phase.supplement",
    FormPhaseFinal = "form.phase.final",
    FormAuthorityReference = "form.authority_reference",
    FormNotifiedAt = "form.notified_at",
    FormDelayReasons = "form.delay_reasons",
    FormControllerTitle = "form.controller.title",
    FormSeat = "form.seat",
    FormContactTitle = "form.contact.title",
    FormEmail = "form.email",
    FormPhone = "form.phone",
    FormTimelineTitle = "form.timeline.title",
    FormBegan = "form.began",
    FormEnded = "form.ended",
    FormOngoing = "form.ongoing",
    FormDetected = "form.detected",
    FormAware = "form.aware",
    FormDiscoveredBy = "form.discovered_by",
    FormNatureTitle = "form.nature.title",
    FormType = "form.type",
    FormCause = "form.cause",
    FormMalicious = "form.malicious",
    FormDataTitle = "form.data.title",
    FormCategories = "form.categories",
    FormSpecialCategories = "form.special_categories",
    FormRecords = "form.records",
    FormSubjectsTitle = "form.subjects.title",
    FormCount = "form.count",
    FormGroups = "form.groups",
    FormCrossBorder = "form.cross_border",
    FormConsequencesTitle = "form.consequences.title",
    FormRisk = "form.risk",
    FormMeasuresTitle = "form.measures.title",
    FormTaken = "form.taken",
    FormProposed = "form.proposed",
    FormSubjectsInformedTitle = "form.subjects_informed.title",
    FormPendingTitle = "form.pending.title",
    FormBdsgTitle = "form.bdsg_43_4.title",
    FormBdsgText = "form.bdsg_43_4.text",
    SummaryTitle = "summary.title",
    SummaryIncident = "summary.incident",
    SummaryController = "summary.controller",
    SummaryResult = "summary.result",
    SummaryInformController = "summary.inform_controller",
    SummaryNotifyAuthority = "summary.notify_authority",
    SummaryNotifySubjects = "summary.notify_subjects",
    SummaryPublic = "summary.public_communication",
    SummaryDeadline = "summary.deadline",
    SummaryDeadlineShouldYou = "summary.deadline_should_you",
    SummaryControllerDeadline = "summary.controller_deadline",
    SummaryControllerDeadlinePending = "summary.controller_deadline_pending",
    SummaryAuthority = "summary.authority",
    SummaryNotConfirmed = "summary.not_confirmed",
    SummaryBreachForm = "summary.breach_form",
    SummaryAttention = "summary.attention",
    SummaryMatrix = "summary.matrix",
    SummaryReasons = "summary.reasons",
    SummaryOpenQuestions = "summary.open_questions",
    SummaryNextSteps = "summary.next_steps",
    StepInformController = "step.inform_controller",
    StepNotifyAuthority = "step.notify_authority",
    StepNotifyUnknownAuthority = "step.notify_unknown_authority",
    StepNotifySubjects = "step.notify_subjects",
    StepPublicCommunication = "step.public_communication",
    StepDocument = "step.document",
    StepClarify = "step.clarify",
);

/// The message catalogue of a template set: the built-in wording with a
/// shop's overrides, in both languages.
///
/// ```
/// use dsgvo_core::Language;
/// use dsgvo_core::document::{MessageId, Templates};
/// let t = Templates::builtin()
///     .with_message(Language::De, "advice.complaint", "Fragen Sie uns jederzeit.")
///     .unwrap();
/// assert_eq!(t.messages().get(Language::De, MessageId::AdviceComplaint), "Fragen Sie uns jederzeit.");
/// let err = Templates::builtin().with_message(Language::De, "letter.greeting", "Hallo {nmae},").unwrap_err();
/// assert!(err.to_string().contains("{nmae}"), "{err}");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Messages {
    de: Vec<String>,
    en: Vec<String>,
}

static BUILTIN: Lazy<Messages> = Lazy::new(|| Messages {
    de: catalogue(include_str!("../../templates/de/messages.json"))
        .expect("the built-in German catalogue is checked by the tests"),
    en: catalogue(include_str!("../../templates/en/messages.json"))
        .expect("the built-in English catalogue is checked by the tests"),
});

impl Messages {
    /// The built-in catalogue.
    pub fn builtin() -> &'static Messages {
        &BUILTIN
    }

    /// The wording of `id` in `lang`.
    pub fn get(&self, lang: Language, id: MessageId) -> &str {
        &self.texts(lang)[id as usize]
    }

    /// The wording of `id` in `lang` with each `{name}` replaced by its value.
    pub fn fill(&self, lang: Language, id: MessageId, values: &[(&str, &str)]) -> String {
        fill(self.get(lang, id), values)
    }

    /// Replaces the wording of the message `id` in `lang`.
    ///
    /// # Errors
    /// An unknown id, or a `{name}` the built-in message does not have.
    #[cfg_attr(not(feature = "documents"), allow(dead_code))] // used by the templates
    pub(crate) fn set(
        &mut self,
        lang: Language,
        id: &str,
        text: &str,
    ) -> Result<(), DocumentError> {
        let error = |message: String| DocumentError::Template {
            name: format!("{lang}/messages.json#{id}"),
            line: None,
            message,
        };
        let known =
            MessageId::parse(id).ok_or_else(|| error(format!("unknown message id \"{id}\"")))?;
        let allowed = placeholders(BUILTIN.get(lang, known));
        if let Some(bad) = placeholders(text)
            .into_iter()
            .find(|p| !allowed.contains(p))
        {
            return Err(error(format!(
                "{{{bad}}} is not a value of this message (it has: {})",
                if allowed.is_empty() {
                    "none".to_string()
                } else {
                    allowed
                        .iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            )));
        }
        let texts = match lang {
            Language::De => &mut self.de,
            Language::En => &mut self.en,
        };
        texts[known as usize] = text.to_string();
        Ok(())
    }

    fn texts(&self, lang: Language) -> &[String] {
        match lang {
            Language::De => &self.de,
            Language::En => &self.en,
        }
    }
}

/// Parses a catalogue: every id exactly once, no other key.
pub(crate) fn catalogue(json: &str) -> Result<Vec<String>, String> {
    let map: BTreeMap<String, String> =
        serde_json::from_str(json).map_err(|e| format!("not a JSON object of strings: {e}"))?;
    if let Some(unknown) = map.keys().find(|k| MessageId::parse(k).is_none()) {
        return Err(format!("unknown message id \"{unknown}\""));
    }
    MessageId::ALL
        .iter()
        .map(|id| {
            map.get(id.as_str())
                .cloned()
                .ok_or_else(|| format!("message \"{}\" is missing", id.as_str()))
        })
        .collect()
}

/// The `{name}`s of a message.
#[cfg_attr(not(feature = "documents"), allow(dead_code))] // used by the templates
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

#[cfg_attr(not(feature = "documents"), allow(dead_code))] // used by the templates
fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// `text` with each `{name}` replaced by its value; other braces stay.
fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, *v))
        });
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_builtin_catalogues_have_every_id_and_the_same_values() {
        for id in MessageId::ALL {
            let de = placeholders(BUILTIN.get(Language::De, *id));
            let en = placeholders(BUILTIN.get(Language::En, *id));
            let (mut de, mut en) = (de.clone(), en.clone());
            de.sort_unstable();
            en.sort_unstable();
            assert_eq!(
                de,
                en,
                "{}: German and English name other values",
                id.as_str()
            );
            assert_eq!(MessageId::parse(id.as_str()), Some(*id));
        }
    }

    #[test]
    fn a_catalogue_names_what_is_wrong() {
        assert_eq!(
            catalogue(r#"{"word.yse": "ja"}"#).unwrap_err(),
            "unknown message id \"word.yse\""
        );
        assert_eq!(
            catalogue(r#"{"word.yes": "ja"}"#).unwrap_err(),
            "message \"word.no\" is missing"
        );
    }

    #[test]
    fn fill_replaces_named_values_and_keeps_other_braces() {
        assert_eq!(
            fill("Guten Tag {name}, {x} {", &[("name", "Erika {x}")]),
            "Guten Tag Erika {x}, {x} {"
        );
        assert_eq!(placeholders("a {b} {C} {} {d_e}"), vec!["b", "d_e"]);
    }
}
