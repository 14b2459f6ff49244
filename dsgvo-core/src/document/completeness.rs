//! What is missing or still unknown for each document, by field, so the user
//! knows what to find out next — before anything is sent.

use serde::{Deserialize, Serialize};

use crate::facts::{BreachFacts, closed_set};
use crate::options::Language;
use crate::verdict::Verdict;

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
    /// What is missing, in German.
    pub problem_de: String,
    /// What is missing, in English.
    pub problem_en: String,
}

impl Missing {
    /// `field: problem (basis)` in `lang`.
    pub fn text(&self, lang: Language) -> String {
        let (problem, basis) = if lang == Language::De {
            (&self.problem_de, self.basis_de)
        } else {
            (&self.problem_en, self.basis)
        };
        format!("{}: {problem} ({basis})", self.field)
    }
}

/// Lists what `document` still lacks for this breach.
///
/// ```
/// # use dsgvo_core::{BreachFacts, triage, document::{completeness, DocumentKind}};
/// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
/// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
/// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"hacking",
/// #   "data_categories":["identity","contact"],"data_subjects":{"count":500},
/// #   "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}}"#).unwrap();
/// let missing = completeness(&facts, &triage(&facts, &Default::default()), DocumentKind::Notification);
/// assert!(missing.iter().any(|m| m.field == "controller.contact"));
/// ```
pub fn completeness(
    facts: &BreachFacts,
    verdict: &Verdict,
    document: DocumentKind,
) -> Vec<Missing> {
    let mut out = Vec::new();
    let mut add = |field: &str, basis: Basis, de: &str, en: &str| {
        out.push(Missing {
            document,
            field: field.to_string(),
            basis: basis.en,
            basis_de: basis.de,
            problem_de: de.into(),
            problem_en: en.into(),
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
            "Name und Kontaktdaten (E-Mail oder Telefon) der oder des Datenschutzbeauftragten oder einer Anlaufstelle fehlen",
            "name and contact details (e-mail or phone) of the data protection officer or contact point are missing",
        );
    }
    if facts.measures_taken.is_empty() {
        add(
            "measures_taken",
            measures_basis,
            "keine ergriffenen Maßnahmen angegeben",
            "no measures taken are given",
        );
    }
    if document == DocumentKind::Letter {
        return out;
    }
    if facts.measures_proposed.is_empty() && document == DocumentKind::Notification {
        add(
            "measures_proposed",
            measures_basis,
            "keine vorgeschlagenen Maßnahmen zur Behebung oder Abmilderung angegeben",
            "no proposed measures to address or mitigate the breach are given",
        );
    }
    if facts.summary.is_none() {
        add(
            "summary",
            A33_3_A,
            "Beschreibung des Vorfalls fehlt",
            "description of the incident is missing",
        );
    }
    if facts.records.is_none() {
        add(
            "records",
            A33_3_A,
            "ungefähre Zahl der betroffenen Datensätze fehlt",
            "approximate number of records concerned is missing",
        );
    }
    if facts.occurred.and_then(|o| o.from).is_none() {
        add(
            "occurred.from",
            FORMS,
            "Zeitpunkt (Beginn) der Verletzung fehlt",
            "time (start) of the breach is missing",
        );
    }
    if facts.discovered_by.is_none() {
        add(
            "discovered_by",
            FORMS,
            "wie die Verletzung entdeckt wurde, fehlt",
            "how the breach was discovered is missing",
        );
    }
    if facts.data_subjects.residence.is_empty() {
        add(
            "data_subjects.residence",
            A56,
            "Staaten, in denen die Betroffenen leben, fehlen",
            "member states where the affected people live are missing",
        );
    }
    if document == DocumentKind::Notification
        && verdict.authorities.is_empty()
        && !verdict.inform_controller
    {
        add(
            "controller",
            A55_56,
            "zuständige Aufsichtsbehörde nicht bestimmbar",
            "competent supervisory authority cannot be determined",
        );
    }
    for q in &verdict.open_questions {
        add(
            q,
            A33_4,
            "noch ungeklärt; entscheidet die Bewertung",
            "still unknown; decides the assessment",
        );
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
    en: "Art. 56 GDPR (cross-border)",
    de: "Art. 56 DSGVO (grenzüberschreitend)",
};
const A55_56: Basis = Basis {
    en: "Art. 55, 56 GDPR",
    de: "Art. 55, 56 DSGVO",
};
const FORMS: Basis = Basis {
    en: "authority forms",
    de: "Meldeformulare der Aufsichtsbehörden",
};
