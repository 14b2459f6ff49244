//! What is missing or still unknown for each document, by field, so the user
//! knows what to find out next — before anything is sent.

use serde::{Deserialize, Serialize};

use super::messages::{MessageId, Messages};
use crate::AssessedBreach;
use crate::facts::closed_set;
use crate::options::Language;

closed_set!(
    /// The documents the completeness check knows.
    DocumentKind {
        /// Art. 33(3) notification.
        Notification = "notification",
        /// Art. 34(2) letter.
        Letter = "letter",
        /// Art. 33(5) register entry.
        Register = "register",
    }
);

/// One missing or unknown fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// The document that needs it.
    pub document: DocumentKind,
    /// JSON path of the fact.
    pub field: String,
    /// The provision that asks for it (English citation).
    pub basis: &'static str,
    /// The provision that asks for it (German citation).
    pub basis_de: &'static str,
    /// What is missing: the catalogue message (`missing.summary`).
    pub problem: MessageId,
}

impl Missing {
    /// `field: problem (basis)` in `lang`, worded by `messages`: for the
    /// people who fill in the facts.
    pub fn text(&self, messages: &Messages, lang: Language) -> String {
        format!("{}: {}", self.field, self.sentence(messages, lang))
    }

    /// `problem (basis)` in `lang` without the JSON path: for the authority
    /// (Art. 33(4): what is still being investigated).
    pub fn sentence(&self, messages: &Messages, lang: Language) -> String {
        let basis = if lang == Language::De {
            self.basis_de
        } else {
            self.basis
        };
        format!("{} ({basis})", self.problem_text(messages, lang))
    }

    /// What is missing in words; an open question names the fact in words
    /// where the catalogue has it (`question.<field>`), else by its path.
    pub fn problem_text(&self, messages: &Messages, lang: Language) -> String {
        if self.problem != MessageId::MissingOpenQuestion {
            return messages.get(lang, self.problem).to_string();
        }
        let question = MessageId::parse(&format!("question.{}", self.field))
            .map_or(self.field.as_str(), |id| messages.get(lang, id));
        messages.fill(lang, self.problem, &[("question", question)])
    }
}

/// Lists what `document` still lacks for this breach.
///
/// ```
/// # use dsgvo_core::{AssessedBreach, BreachFacts, document::{completeness, DocumentKind}};
/// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
/// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
/// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"hacking",
/// #   "data_categories":["identity","contact"],"data_subjects":{"count":500},
/// #   "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}}"#).unwrap();
/// let breach = AssessedBreach::new(facts, &Default::default());
/// let missing = completeness(&breach, DocumentKind::Notification);
/// assert!(missing.iter().any(|m| m.field == "controller.contact"));
/// ```
pub fn completeness(breach: &AssessedBreach, document: DocumentKind) -> Vec<Missing> {
    let (facts, verdict) = (breach.facts(), breach.verdict());
    let mut out = Vec::new();
    let mut add = |field: &str, basis: Basis, problem: MessageId| {
        out.push(Missing {
            document,
            field: field.to_string(),
            basis: basis.en,
            basis_de: basis.de,
            problem,
        });
    };
    let contact = facts.controller.contact.as_ref();
    let reachable = contact.is_some_and(|c| c.email.is_some() || c.phone.is_some());
    let (contact_basis, measures_basis) = match document {
        DocumentKind::Notification => (A33_3_B, A33_3_D),
        DocumentKind::Letter => (A34_2_B, A34_2_D),
        DocumentKind::Register => (A33_5, A33_5_REMEDIAL),
    };
    if !reachable || contact.and_then(|c| c.name.as_ref()).is_none() {
        add(
            "controller.contact",
            contact_basis,
            MessageId::MissingContact,
        );
    }
    if facts.measures_taken.is_empty() {
        add(
            "measures_taken",
            measures_basis,
            MessageId::MissingMeasuresTaken,
        );
    }
    if document == DocumentKind::Letter {
        return out;
    }
    if facts.measures_proposed.is_empty() && document == DocumentKind::Notification {
        add(
            "measures_proposed",
            measures_basis,
            MessageId::MissingMeasuresProposed,
        );
    }
    if facts.summary.is_none() {
        add("summary", A33_3_A, MessageId::MissingSummary);
    }
    if facts.records.is_none() {
        add("records", A33_3_A, MessageId::MissingRecords);
    }
    if facts.occurred.and_then(|o| o.from).is_none() {
        add("occurred.from", FORMS, MessageId::MissingOccurredFrom);
    }
    if facts.discovered_by.is_none() {
        add("discovered_by", FORMS, MessageId::MissingDiscoveredBy);
    }
    if facts.data_subjects.residence.is_empty() {
        add("data_subjects.residence", A56, MessageId::MissingResidence);
    }
    if document == DocumentKind::Notification
        && verdict.authorities.is_empty()
        && !verdict.inform_controller
    {
        add("controller", A55_56, MessageId::MissingAuthority);
    }
    for q in &verdict.open_questions {
        add(q, A33_4, MessageId::MissingOpenQuestion);
    }
    out
}

/// A provision, cited in English and in German.
#[derive(Clone, Copy)]
struct Basis {
    en: &'static str,
    de: &'static str,
}

const A33_3_A: Basis = Basis {
    en: "Art. 33(3)(a) GDPR",
    de: "Art. 33 Abs. 3 lit. a DSGVO",
};
const A33_3_B: Basis = Basis {
    en: "Art. 33(3)(b) GDPR",
    de: "Art. 33 Abs. 3 lit. b DSGVO",
};
const A33_3_D: Basis = Basis {
    en: "Art. 33(3)(d) GDPR",
    de: "Art. 33 Abs. 3 lit. d DSGVO",
};
const A34_2_B: Basis = Basis {
    en: "Art. 34(2), 33(3)(b) GDPR",
    de: "Art. 34 Abs. 2, Art. 33 Abs. 3 lit. b DSGVO",
};
const A34_2_D: Basis = Basis {
    en: "Art. 34(2), 33(3)(d) GDPR",
    de: "Art. 34 Abs. 2, Art. 33 Abs. 3 lit. d DSGVO",
};
const A33_5: Basis = Basis {
    en: "Art. 33(5) GDPR",
    de: "Art. 33 Abs. 5 DSGVO",
};
const A33_5_REMEDIAL: Basis = Basis {
    en: "Art. 33(5) GDPR (remedial action)",
    de: "Art. 33 Abs. 5 DSGVO (Abhilfemaßnahmen)",
};
const A33_4: Basis = Basis {
    en: "Art. 33(4) GDPR",
    de: "Art. 33 Abs. 4 DSGVO",
};
const A56: Basis = Basis {
    en: "Art. 56 GDPR, cross-border processing",
    de: "Art. 56 DSGVO, grenzüberschreitende Verarbeitung",
};
const A55_56: Basis = Basis {
    en: "Art. 55, 56 GDPR",
    de: "Art. 55, 56 DSGVO",
};
const FORMS: Basis = Basis {
    en: "authority forms",
    de: "Meldeformulare der Aufsichtsbehörden",
};

#[cfg(test)]
mod tests {
    use super::MessageId;
    use crate::risk::unknowns::Unknown;

    /// Every open question can be put to the authority in words
    /// (`question.<path>` in the catalogue), not as a JSON path.
    #[test]
    fn every_open_question_has_words_in_the_catalogue() {
        let competence = [
            "controller.country",
            "data_subjects.residence",
            "representative.region",
        ];
        for path in Unknown::ALL.iter().map(|u| u.path()).chain(competence) {
            assert!(
                MessageId::parse(&format!("question.{path}")).is_some(),
                "{path}"
            );
        }
    }
}
