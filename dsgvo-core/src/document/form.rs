//! The notification arranged in the sections of the German authorities'
//! online forms (BayLDA, BlnBDI, HmbBfDI, ...), as copy-ready text blocks and
//! as JSON: the forms time out, so the text must be ready before opening them.

use serde::Serialize;

use super::notification::Notification;
use crate::options::Language;

/// One section of an authority's breach form, ready to paste.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormBlock {
    /// Stable id of the section.
    pub id: &'static str,
    /// The section's title.
    pub title: &'static str,
    /// The text to paste.
    pub text: String,
}

/// The notification as form blocks.
pub fn form_blocks(n: &Notification) -> Vec<FormBlock> {
    let b = &n.breach;
    let de = b.language == Language::De;
    let t = |d: &'static str, e: &'static str| if de { d } else { e };
    let none = t("keine Angabe", "not given");
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| none.to_string());
    let list = |v: &[String]| {
        if v.is_empty() {
            none.to_string()
        } else {
            v.iter()
                .map(|x| format!("- {x}"))
                .collect::<Vec<_>>()
                .join("\n")
        }
    };
    let join = |v: &[&str]| {
        if v.is_empty() {
            none.to_string()
        } else {
            v.join(", ")
        }
    };
    let mut blocks = vec![
        FormBlock {
            id: "notification",
            title: t("Art der Meldung", "Type of notification"),
            text: format!(
                "{}: {}\n{}: {}\n{}: {}{}",
                t("Meldung", "Notification"),
                match n.phase {
                    super::Phase::Initial => t(
                        "Erstmeldung (weitere Angaben folgen, Art. 33 Abs. 4 DSGVO)",
                        "initial notification (details follow, Art. 33(4) GDPR)"
                    ),
                    super::Phase::Supplement => t("Folgemeldung (Nachtrag)", "supplement"),
                    super::Phase::Final => t("vollständige Meldung", "complete notification"),
                },
                t("Aktenzeichen der Behörde", "Authority's reference"),
                opt(&n.authority_reference),
                t("Gemeldet am", "Notified at"),
                n.notified_at,
                match (&n.delay_reasons, n.late) {
                    (Some(r), true) => format!(
                        "\n{}: {r}",
                        t(
                            "Gründe für die Verzögerung (Art. 33 Abs. 1 Satz 2 DSGVO)",
                            "Reasons for the delay (Art. 33(1) GDPR)"
                        )
                    ),
                    _ => String::new(),
                }
            ),
        },
        FormBlock {
            id: "controller",
            title: t("Verantwortlicher", "Controller"),
            text: format!(
                "{}\n{}: {}",
                b.controller.name,
                t("Sitz", "Seat"),
                b.controller.seat
            ),
        },
        FormBlock {
            id: "contact",
            title: t(
                "Datenschutzbeauftragte/r oder Anlaufstelle (Art. 33 Abs. 3 lit. b)",
                "Data protection officer or contact point (Art. 33(3)(b))",
            ),
            text: format!(
                "{}\n{}: {}\n{}: {}",
                opt(&b.controller.contact_name),
                t("E-Mail", "E-mail"),
                opt(&b.controller.contact_email),
                t("Telefon", "Phone"),
                opt(&b.controller.contact_phone)
            ),
        },
        FormBlock {
            id: "timeline",
            title: t("Zeitpunkte", "Timeline"),
            text: format!(
                "{}: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}",
                t("Beginn der Verletzung", "Breach began"),
                opt(&b.occurred_from),
                t("Ende der Verletzung", "Breach ended"),
                b.occurred_until.clone().unwrap_or_else(|| t(
                    "andauernd oder unbekannt",
                    "ongoing or unknown"
                )
                .to_string()),
                t("Entdeckt", "Detected"),
                opt(&b.detected_at),
                t("Kenntnis des Verantwortlichen", "Controller became aware"),
                b.aware_at,
                t("Wie entdeckt", "How discovered"),
                opt(&b.discovered_by)
            ),
        },
        FormBlock {
            id: "nature",
            title: t(
                "Art der Verletzung (Art. 33 Abs. 3 lit. a)",
                "Nature of the breach (Art. 33(3)(a))",
            ),
            text: format!(
                "{}\n{}: {}\n{}: {}\n{}: {}",
                b.summary.clone().unwrap_or_else(|| b.title.clone()),
                t("Art", "Type"),
                join(&b.types),
                t("Ursache", "Cause"),
                b.cause,
                t("Vorsätzlich/böswillig", "Malicious"),
                b.malicious
            ),
        },
        FormBlock {
            id: "data",
            title: t(
                "Betroffene Daten (Art. 33 Abs. 3 lit. a)",
                "Data concerned (Art. 33(3)(a))",
            ),
            text: format!(
                "{}: {}\n{}: {}\n{}: {}",
                t("Kategorien", "Categories"),
                join(&b.data_categories),
                t(
                    "Besondere Kategorien (Art. 9, 10 DSGVO)",
                    "Special categories (Art. 9, 10 GDPR)"
                ),
                if b.special_categories {
                    t("ja", "yes")
                } else {
                    t("nein", "no")
                },
                t(
                    "Ungefähre Zahl der Datensätze",
                    "Approximate number of records"
                ),
                opt(&b.records)
            ),
        },
        FormBlock {
            id: "subjects",
            title: t(
                "Betroffene Personen (Art. 33 Abs. 3 lit. a)",
                "Data subjects concerned (Art. 33(3)(a))",
            ),
            text: format!(
                "{}: {}\n{}: {}\n{}: {}",
                t("Ungefähre Zahl", "Approximate number"),
                b.subjects_count,
                t("Gruppen", "Groups"),
                join(&b.subject_categories),
                t(
                    "Grenzüberschreitend (weitere Staaten)",
                    "Cross-border (other states)"
                ),
                if b.cross_border.is_empty() {
                    t("nein", "no").to_string()
                } else {
                    b.cross_border.join(", ")
                }
            ),
        },
        FormBlock {
            id: "consequences",
            title: t(
                "Wahrscheinliche Folgen (Art. 33 Abs. 3 lit. c)",
                "Likely consequences (Art. 33(3)(c))",
            ),
            text: format!(
                "{}\n{}: {}{} – ENISA {}",
                join(&b.consequences),
                t("Risikobewertung", "Risk assessment"),
                b.risk,
                b.matrix
                    .as_ref()
                    .map(|m| format!(" ({m})"))
                    .unwrap_or_default(),
                b.severity
            ),
        },
        FormBlock {
            id: "measures",
            title: t(
                "Maßnahmen (Art. 33 Abs. 3 lit. d)",
                "Measures (Art. 33(3)(d))",
            ),
            text: format!(
                "{}:\n{}\n{}:\n{}",
                t("Ergriffen", "Taken"),
                list(&b.measures_taken),
                t("Vorgeschlagen", "Proposed"),
                list(&b.measures_proposed)
            ),
        },
        FormBlock {
            id: "data_subjects_informed",
            title: t(
                "Benachrichtigung der betroffenen Personen (Art. 34)",
                "Communication to the data subjects (Art. 34)",
            ),
            text: n.subjects_informed.clone(),
        },
    ];
    if !n.pending.is_empty() {
        blocks.push(FormBlock {
            id: "pending",
            title: t(
                "Noch in Prüfung (Art. 33 Abs. 4)",
                "Still being investigated (Art. 33(4))",
            ),
            text: list(&n.pending),
        });
    }
    if b.german_controller {
        blocks.push(FormBlock {
            id: "bdsg_43_4",
            title: t("Hinweis nach § 43 Abs. 4 BDSG", "Note under § 43(4) BDSG"),
            text: t(
                "Diese Meldung darf in einem Verfahren nach dem Gesetz über Ordnungswidrigkeiten gegen den Meldepflichtigen oder seine in § 52 Abs. 1 StPO bezeichneten Angehörigen nur mit Zustimmung des Meldepflichtigen verwendet werden (§ 43 Abs. 4 BDSG).",
                "This notification may be used in administrative-offence proceedings against the notifying person or their relatives named in § 52(1) StPO only with the notifying person's consent (§ 43(4) BDSG).",
            )
            .to_string(),
        });
    }
    blocks
}

/// The blocks as copy-ready text, closed by the draft notice.
pub fn form_blocks_text(blocks: &[FormBlock], disclaimer: &str) -> String {
    let mut text = blocks
        .iter()
        .map(|b| format!("## {}\n{}\n", b.title, b.text))
        .collect::<Vec<_>>()
        .join("\n");
    text.push_str("\n---\n");
    text.push_str(disclaimer);
    text.push('\n');
    text
}
