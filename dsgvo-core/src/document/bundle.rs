//! Every document for one breach at once, as named files' contents.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::Phase;
use super::completeness::{DocumentKind, Missing, completeness};
use super::form::{form_blocks, form_blocks_text};
use super::letter::{LetterFormat, LetterWriter, Recipient, public_communication};
use super::messages::MessageId;
use super::notice::ControllerNotice;
use super::notification::{Notification, NotificationRequest};
use super::register::RegisterEntry;
use super::{DocumentError, Templates, markdown_to_text};
use crate::AssessedBreach;
use crate::options::Language;

/// One produced document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    /// File name, e.g. `notification.de.md`.
    pub file_name: String,
    /// The content.
    pub content: String,
}

/// All documents for a breach. For a controller: one notification per
/// competent authority (Markdown, text, JSON; `notification.{lang}.*`, or
/// `notification.{authority}.{lang}.*` where several authorities are
/// competent), form blocks (text, JSON), a sample letter (text, HTML), the
/// public communication where Art. 34(3)(c) applies. For a processor: the
/// notice to its controllers (Art. 33(2)). For both: the register entry
/// (JSON, Markdown, text) and the completeness check. The notification is an
/// initial one (a final one when nothing is missing); a late notification
/// needs `delay_reasons`.
///
/// # Errors
///
/// [`DocumentError::NowBeforeAwareness`],
/// [`DocumentError::DelayReasonsRequired`] for a due notification after the 72
/// hours without reasons, [`DocumentError::Template`] when a template fails.
pub fn bundle(
    breach: &AssessedBreach,
    templates: &Templates,
    now: DateTime<Utc>,
    delay_reasons: Option<&str>,
) -> Result<Vec<Document>, DocumentError> {
    let (facts, verdict) = (breach.facts(), breach.verdict());
    let l = verdict.language;
    let mut docs = Vec::new();
    let mut add = |name: String, content: String| {
        docs.push(Document {
            file_name: name,
            content,
        })
    };

    let missing: Vec<_> = [
        DocumentKind::Notification,
        DocumentKind::Letter,
        DocumentKind::Register,
    ]
    .into_iter()
    .flat_map(|k| completeness(breach, k))
    .collect();
    let phase = if !missing
        .iter()
        .any(|m| m.document == DocumentKind::Notification)
    {
        Phase::Final
    } else {
        Phase::Initial
    };
    if facts.role == crate::facts::Role::Processor {
        // A processor informs its controllers (Art. 33(2), 28(3)(f)); it
        // neither notifies an authority nor writes to their customers.
        let notice = ControllerNotice::new(breach, templates.messages());
        let md = notice.markdown(templates)?;
        add(format!("controller-notice.{l}.txt"), markdown_to_text(&md));
        add(format!("controller-notice.{l}.md"), md);
    } else {
        controller_documents(breach, templates, now, delay_reasons, phase, &mut add)?;
    }

    let entry = RegisterEntry::new(breach, now, templates.messages());
    let register = entry.markdown(templates)?;
    add(
        format!("register-entry.{l}.txt"),
        markdown_to_text(&register),
    );
    add(format!("register-entry.{l}.md"), register);
    add(format!("register-entry.{l}.json"), entry.to_json());

    let lines: Vec<String> = missing
        .iter()
        .map(|m| format!("- [{}] {}", m.document, m.text(templates.messages(), l)))
        .collect();
    let heading = templates.messages().get(l, MessageId::CompletenessHeading);
    add(
        format!("completeness.{l}.txt"),
        format!(
            "{heading}\n\n{}\n\n{}\n",
            if lines.is_empty() {
                "-".into()
            } else {
                lines.join("\n")
            },
            verdict.disclaimer
        ),
    );
    add(
        format!("completeness.{l}.json"),
        serde_json::to_string_pretty(&worded_missing(&missing, templates, l))
            .expect("missing serialises"),
    );
    Ok(docs)
}

/// The documents only a controller makes: notifications, form blocks, the
/// sample letter and, where Art. 34(3)(c) applies, the public communication.
fn controller_documents(
    breach: &AssessedBreach,
    templates: &Templates,
    now: DateTime<Utc>,
    delay_reasons: Option<&str>,
    phase: Phase,
    add: &mut impl FnMut(String, String),
) -> Result<(), DocumentError> {
    let verdict = breach.verdict();
    let l = verdict.language;
    let request = NotificationRequest {
        now,
        phase,
        authority_reference: None,
        delay_reasons: delay_reasons.map(str::to_string),
    };
    let notification = Notification::new(breach, &request, None, templates.messages())?;
    let several = verdict.authorities.len() > 1;
    for (i, authority) in verdict.authorities.iter().enumerate() {
        let stem = if several {
            format!("notification.{}.{l}", authority.id)
        } else {
            format!("notification.{l}")
        };
        let n = notification.clone().for_authority(i);
        add_notification(&n, &stem, templates, add)?;
        // The authority also gets it in its own language where that is not
        // the bundle's: German for the German-speaking member states,
        // English elsewhere (our choice; the binding channel is the
        // authority's own form).
        let own = authority_language(&authority.country);
        if own != l {
            let other = breach.in_language(own);
            let n =
                Notification::new(&other, &request, None, templates.messages())?.for_authority(i);
            add_notification(
                &n,
                &format!("notification.{}.{own}", authority.id),
                templates,
                add,
            )?;
        }
    }
    if verdict.authorities.is_empty() {
        add_notification(&notification, &format!("notification.{l}"), templates, add)?;
    }
    let blocks = form_blocks(&notification, templates.messages());
    add(
        format!("form-blocks.{l}.txt"),
        form_blocks_text(&blocks, &verdict.disclaimer),
    );
    add(
        format!("form-blocks.{l}.json"),
        serde_json::to_string_pretty(&blocks).expect("blocks serialise"),
    );

    let sample = Recipient {
        name: templates
            .messages()
            .get(l, MessageId::LetterSampleName)
            .to_string(),
        salutation: None,
        email: None,
        affected: Vec::new(),
    };
    for (format, ext) in [(LetterFormat::Text, "txt"), (LetterFormat::Html, "html")] {
        let letter = LetterWriter::new(templates, breach, format).write(0, &sample)?;
        add(format!("letter-sample.{l}.{ext}"), letter.content);
    }
    if verdict.public_communication {
        let public = public_communication(templates, breach)?;
        add(
            format!("public-communication.{l}.txt"),
            markdown_to_text(&public),
        );
        add(format!("public-communication.{l}.md"), public);
    }
    Ok(())
}

/// The language an authority reads: German for the German-speaking member
/// states, English for every other (our choice where the directory names no
/// language).
fn authority_language(country: &str) -> Language {
    match country {
        "DE" | "AT" | "LI" => Language::De,
        _ => Language::En,
    }
}

/// A notification as text, Markdown and JSON under `stem`.
fn add_notification(
    n: &Notification,
    stem: &str,
    templates: &Templates,
    add: &mut impl FnMut(String, String),
) -> Result<(), DocumentError> {
    let md = n.markdown(templates)?;
    add(format!("{stem}.txt"), markdown_to_text(&md));
    add(format!("{stem}.md"), md);
    add(format!("{stem}.json"), n.to_json());
    Ok(())
}

/// A missing fact with its words in the document's language.
#[derive(Serialize)]
struct WordedMissing<'a> {
    #[serde(flatten)]
    missing: &'a Missing,
    text: String,
}

fn worded_missing<'a>(
    missing: &'a [Missing],
    templates: &Templates,
    l: Language,
) -> Vec<WordedMissing<'a>> {
    missing
        .iter()
        .map(|m| WordedMissing {
            missing: m,
            text: m.problem_text(templates.messages(), l),
        })
        .collect()
}
