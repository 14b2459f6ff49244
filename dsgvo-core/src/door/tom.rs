//! TOM checklists (Art. 32), the authority directory, the DPO duty and the
//! fine ceilings at the door. A checklist crosses as
//! `dsgvo.tom-checklist/1` JSON; an action answers with the changed
//! checklist.

use super::{DoorError, args, to_json};
#[cfg(feature = "documents")]
use crate::document::{Templates, TomFormat, tom_document};
use crate::dpo::{DpoFacts, dpo_duty};
use crate::fine::{FineFacts, fine_ceilings, fine_ceilings_for};
use crate::tom::{BreachLink, Checklist, FailedMeasure, ItemAction, ProtectionNeed, evaluate};

fn checklist(json: &str) -> Result<Checklist, DoorError> {
    Ok(Checklist::from_json(json)?)
}

fn need(text: &str) -> Result<ProtectionNeed, DoorError> {
    args::choice(text, "protection_need")
}

/// Imports a TOM document (Markdown or text) into a checklist; the import
/// report (checklist, sections, preamble) as JSON.
///
/// # Errors
///
/// An unknown protection need, or a document too large.
pub fn import(text: &str, organisation: &str, protection_need: &str) -> Result<String, DoorError> {
    Ok(crate::tom::import_document(text, organisation, need(protection_need)?)?.to_json())
}

/// The shop baseline as a checklist of planned items (JSON).
///
/// # Errors
///
/// An unknown protection need or language.
pub fn baseline(
    organisation: &str,
    protection_need: &str,
    lang: Option<&str>,
) -> Result<String, DoorError> {
    Ok(Checklist::baseline(organisation, need(protection_need)?, args::language(lang)?).to_json())
}

/// A checklist validated and written as the library writes it.
///
/// # Errors
///
/// The checklist's first problem, with its field path.
pub fn check(checklist_json: &str) -> Result<String, DoorError> {
    Ok(checklist(checklist_json)?.to_json())
}

/// The evaluation on `today` (`YYYY-MM-DD`): coverage, gaps, overdue
/// reviews, non-measures (`dsgvo.tom-evaluation/1`).
///
/// # Errors
///
/// A problem with the checklist, `today` or the language.
pub fn evaluation(
    checklist_json: &str,
    today: &str,
    lang: Option<&str>,
) -> Result<String, DoorError> {
    let c = checklist(checklist_json)?;
    Ok(evaluate(&c, args::date(today, "today")?, args::language(lang)?).to_json())
}

/// Applies an item action (`{"action": "verify", "evidence": "..."}`) to
/// item `item_id` on `on` by `actor`; the changed checklist as JSON.
///
/// # Errors
///
/// A problem with an argument, or the action refused.
pub fn apply(
    checklist_json: &str,
    item_id: &str,
    action_json: &str,
    on: &str,
    actor: &str,
) -> Result<String, DoorError> {
    let mut c = checklist(checklist_json)?;
    let action = ItemAction::from_json(action_json)?;
    c.apply(item_id, action, args::date(on, "on")?, actor)?;
    Ok(c.to_json())
}

/// Records a breach (`{"reference", "case_id"?}`) that showed the measures
/// in `failed_json` (`[{"measure", "finding"}]`) to have failed; the
/// changed checklist as JSON.
///
/// # Errors
///
/// A problem with an argument, or the record refused.
pub fn record_breach(
    checklist_json: &str,
    breach_json: &str,
    failed_json: &str,
    on: &str,
    actor: &str,
    lang: Option<&str>,
) -> Result<String, DoorError> {
    let mut c = checklist(checklist_json)?;
    let breach: BreachLink = args::object("breach link", breach_json)?;
    let failed: Vec<FailedMeasure> = args::document("failed measures", failed_json)?;
    let (on, lang) = (args::date(on, "on")?, args::language(lang)?);
    c.record_breach(&breach, &failed, on, actor, lang)?;
    Ok(c.to_json())
}

/// The measures the breach facts show to have failed (JSON).
///
/// # Errors
///
/// A problem with the facts or the language.
pub fn failed_measures(facts_json: &str, lang: Option<&str>) -> Result<String, DoorError> {
    let facts = args::facts(facts_json)?;
    Ok(to_json(&crate::tom::failed_measures(
        &facts,
        args::language(lang)?,
    )))
}

/// The TOM document of a checklist on `today`, in `format` (`"markdown"` or
/// `"html"`).
///
/// # Errors
///
/// A problem with an argument, or a template that fails.
#[cfg(feature = "documents")]
pub fn document(
    checklist_json: &str,
    today: &str,
    lang: Option<&str>,
    format: &str,
) -> Result<String, DoorError> {
    let format: TomFormat = args::choice(format, "format")?;
    let c = checklist(checklist_json)?;
    let (today, lang) = (args::date(today, "today")?, args::language(lang)?);
    Ok(tom_document(
        &c,
        today,
        lang,
        format,
        &Templates::builtin(),
    )?)
}

/// The embedded directory of supervisory authorities (JSON: `version`,
/// `authorities`).
pub fn authorities() -> String {
    serde_json::json!({
        "version": crate::authority::DIRECTORY_VERSION,
        "authorities": crate::authority::directory(),
    })
    .to_string()
}

/// Whether a data protection officer must be designated (Art. 37 GDPR,
/// § 38 BDSG), explained, for DPO facts (JSON).
///
/// # Errors
///
/// A problem with the facts or the language.
pub fn dpo(dpo_facts_json: &str, lang: Option<&str>) -> Result<String, DoorError> {
    let facts: DpoFacts = args::object("DPO facts", dpo_facts_json)?;
    Ok(to_json(&dpo_duty(&facts, args::language(lang)?)))
}

/// The Art. 83(4) and (5) fine ceilings for a worldwide annual turnover in
/// EUR (`None`: unknown, the fixed amounts apply).
///
/// # Errors
///
/// An unknown language.
pub fn fines(turnover_eur: Option<u64>, lang: Option<&str>) -> Result<String, DoorError> {
    Ok(to_json(&fine_ceilings(turnover_eur, args::language(lang)?)))
}

/// The fine ceilings for fine facts (JSON: the undertaking's and the own
/// turnover in cents, group membership).
///
/// # Errors
///
/// A problem with the facts, or contradicting turnovers
/// ([`ErrorCode::Inconsistent`](crate::ErrorCode::Inconsistent)).
pub fn fines_for(fine_facts_json: &str, lang: Option<&str>) -> Result<String, DoorError> {
    let facts: FineFacts = args::object("fine facts", fine_facts_json)?;
    Ok(to_json(&fine_ceilings_for(&facts, args::language(lang)?)?))
}
