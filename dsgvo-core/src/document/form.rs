//! The notification arranged in the sections of the German authorities'
//! online forms (BayLDA, BlnBDI, HmbBfDI, ...), as copy-ready text blocks and
//! as JSON: the forms time out, so the text must be ready before opening them.

use serde::Serialize;

use super::messages::{MessageId, Messages};
use super::notification::Notification;

/// One section of an authority's breach form, ready to paste.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormBlock {
    /// Stable id of the section.
    pub id: &'static str,
    /// The section's title.
    pub title: String,
    /// The text to paste.
    pub text: String,
}

/// The notification as form blocks, worded by `messages` (`form.*`).
pub fn form_blocks(n: &Notification, messages: &Messages) -> Vec<FormBlock> {
    let b = &n.breach;
    let l = b.language;
    let m = |id| messages.get(l, id);
    let none = m(MessageId::NotGiven);
    let yes_no = |v: bool| m(if v { MessageId::Yes } else { MessageId::No });
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
    // `label: value` lines.
    let lines = |pairs: &[(MessageId, String)]| {
        pairs
            .iter()
            .map(|(id, value)| format!("{}: {value}", m(*id)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let block = |id: &'static str, title: MessageId, text: String| FormBlock {
        id,
        title: m(title).to_string(),
        text,
    };
    let phase = match n.phase {
        super::Phase::Initial => MessageId::FormPhaseInitial,
        super::Phase::Supplement => MessageId::FormPhaseSupplement,
        super::Phase::Final => MessageId::FormPhaseFinal,
    };
    let mut notification = vec![
        (MessageId::FormNotificationKind, m(phase).to_string()),
        (
            MessageId::FormAuthorityReference,
            opt(&n.authority_reference),
        ),
        (MessageId::FormNotifiedAt, n.notified_at.clone()),
    ];
    if let (Some(r), true) = (&n.delay_reasons, n.late) {
        notification.push((MessageId::FormDelayReasons, r.clone()));
    }
    let mut blocks = vec![
        block(
            "notification",
            MessageId::FormNotificationTitle,
            lines(&notification),
        ),
        block(
            "controller",
            MessageId::FormControllerTitle,
            format!(
                "{}\n{}",
                b.controller.name,
                lines(&[(MessageId::FormSeat, b.controller.seat.clone())])
            ),
        ),
        block(
            "contact",
            MessageId::FormContactTitle,
            format!(
                "{}\n{}",
                opt(&b.controller.contact_name),
                lines(&[
                    (MessageId::FormEmail, opt(&b.controller.contact_email)),
                    (MessageId::FormPhone, opt(&b.controller.contact_phone)),
                ])
            ),
        ),
        block(
            "timeline",
            MessageId::FormTimelineTitle,
            lines(&[
                (MessageId::FormBegan, opt(&b.occurred_from)),
                (
                    MessageId::FormEnded,
                    b.occurred_until
                        .clone()
                        .unwrap_or_else(|| m(MessageId::FormOngoing).to_string()),
                ),
                (MessageId::FormDetected, opt(&b.detected_at)),
                (MessageId::FormAware, b.aware_at.clone()),
                (MessageId::FormDiscoveredBy, opt(&b.discovered_by)),
            ]),
        ),
        block(
            "nature",
            MessageId::FormNatureTitle,
            format!(
                "{}\n{}",
                b.summary.clone().unwrap_or_else(|| b.title.clone()),
                lines(&[
                    (MessageId::FormType, join(&b.types)),
                    (MessageId::FormCause, b.cause.to_string()),
                    (MessageId::FormMalicious, b.malicious.to_string()),
                ])
            ),
        ),
        block(
            "data",
            MessageId::FormDataTitle,
            lines(&[
                (MessageId::FormCategories, join(&b.data_categories)),
                (
                    MessageId::FormSpecialCategories,
                    yes_no(b.special_categories).to_string(),
                ),
                (MessageId::FormRecords, opt(&b.records)),
            ]),
        ),
        block(
            "subjects",
            MessageId::FormSubjectsTitle,
            lines(&[
                (MessageId::FormCount, b.subjects_count.clone()),
                (MessageId::FormGroups, join(&b.subject_categories)),
                (
                    MessageId::FormCrossBorder,
                    if b.cross_border.is_empty() {
                        yes_no(false).to_string()
                    } else {
                        b.cross_border.join(", ")
                    },
                ),
            ]),
        ),
        block(
            "consequences",
            MessageId::FormConsequencesTitle,
            format!(
                "{}\n{}",
                join(&b.consequences),
                lines(&[(
                    MessageId::FormRisk,
                    format!(
                        "{}{} – ENISA {}",
                        b.risk,
                        b.matrix
                            .as_ref()
                            .map(|x| format!(" ({x})"))
                            .unwrap_or_default(),
                        b.severity
                    ),
                )])
            ),
        ),
        block(
            "measures",
            MessageId::FormMeasuresTitle,
            format!(
                "{}:\n{}\n{}:\n{}",
                m(MessageId::FormTaken),
                list(&b.measures_taken),
                m(MessageId::FormProposed),
                list(&b.measures_proposed)
            ),
        ),
        block(
            "data_subjects_informed",
            MessageId::FormSubjectsInformedTitle,
            n.subjects_informed.clone(),
        ),
    ];
    if !n.pending.is_empty() {
        blocks.push(block(
            "pending",
            MessageId::FormPendingTitle,
            list(&n.pending),
        ));
    }
    if b.german_controller {
        blocks.push(block(
            "bdsg_43_4",
            MessageId::FormBdsgTitle,
            m(MessageId::FormBdsgText).to_string(),
        ));
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
