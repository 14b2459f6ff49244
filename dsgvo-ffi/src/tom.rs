//! TOM checklists, the authority directory, the DPO duty and fine ceilings:
//! JSON in, JSON (or a document) out. A checklist crosses the door as
//! `dsgvo.tom-checklist/1` JSON; an action returns the changed checklist.

use std::ffi::c_char;

use dsgvo_core::door::tom as door;

use crate::boundary::{arg, boundary, give_string, opt_arg, out_param};
use crate::status::dsgvo_status;

/// Imports a TOM document (Markdown or text) into a checklist; the import
/// report (checklist, sections, preamble) comes as JSON.
///
/// # Safety
/// String arguments are NULL or NUL-terminated; `report_out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_tom_import(
    document: *const c_char,
    organisation: *const c_char,
    protection_need: *const c_char,
    report_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(report_out, "report_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (text, org, level) = unsafe {
            (
                arg(document, "document")?,
                arg(organisation, "organisation")?,
                arg(protection_need, "protection_need")?,
            )
        };
        let report = door::import(text, org, level)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(report_out, report) }
    })
}

/// Evaluates a checklist on `today` (`YYYY-MM-DD`): coverage, gaps,
/// overdue reviews, non-measures (`dsgvo.tom-evaluation/1`).
///
/// # Safety
/// As [`dsgvo_tom_import`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_tom_evaluate(
    checklist_json: *const c_char,
    today: *const c_char,
    lang: *const c_char,
    evaluation_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(evaluation_out, "evaluation_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (checklist, today, lang) = unsafe {
            (
                arg(checklist_json, "checklist_json")?,
                arg(today, "today")?,
                opt_arg(lang, "lang")?,
            )
        };
        let evaluation = door::evaluation(checklist, today, lang)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(evaluation_out, evaluation) }
    })
}

/// Applies an item action (`{"action": "verify", "evidence": "..."}`) to
/// item `item_id` on `on` (`YYYY-MM-DD`) by `actor`; the changed checklist
/// comes as JSON.
///
/// # Safety
/// As [`dsgvo_tom_import`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_tom_apply(
    checklist_json: *const c_char,
    item_id: *const c_char,
    action_json: *const c_char,
    on: *const c_char,
    actor: *const c_char,
    checklist_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(checklist_out, "checklist_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (checklist, id, action, on, actor) = unsafe {
            (
                arg(checklist_json, "checklist_json")?,
                arg(item_id, "item_id")?,
                arg(action_json, "action_json")?,
                arg(on, "on")?,
                arg(actor, "actor")?,
            )
        };
        let changed = door::apply(checklist, id, action, on, actor)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(checklist_out, changed) }
    })
}

/// Records a breach (`breach_json`: `{"reference", "case_id"?}`) that
/// showed the measures in `failed_json` (`[{"measure", "finding"}]`) to
/// have failed; the changed checklist comes as JSON.
///
/// # Safety
/// As [`dsgvo_tom_import`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_tom_record_breach(
    checklist_json: *const c_char,
    breach_json: *const c_char,
    failed_json: *const c_char,
    on: *const c_char,
    actor: *const c_char,
    lang: *const c_char,
    checklist_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(checklist_out, "checklist_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (checklist, breach, failed, on, actor, lang) = unsafe {
            (
                arg(checklist_json, "checklist_json")?,
                arg(breach_json, "breach_json")?,
                arg(failed_json, "failed_json")?,
                arg(on, "on")?,
                arg(actor, "actor")?,
                opt_arg(lang, "lang")?,
            )
        };
        let changed = door::record_breach(checklist, breach, failed, on, actor, lang)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(checklist_out, changed) }
    })
}

/// The TOM document of a checklist on `today`: `format` `"markdown"` or
/// `"html"`.
///
/// # Safety
/// As [`dsgvo_tom_import`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_tom_document(
    checklist_json: *const c_char,
    today: *const c_char,
    lang: *const c_char,
    format: *const c_char,
    document_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(document_out, "document_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (checklist, today, lang, format) = unsafe {
            (
                arg(checklist_json, "checklist_json")?,
                arg(today, "today")?,
                opt_arg(lang, "lang")?,
                arg(format, "format")?,
            )
        };
        let doc = door::document(checklist, today, lang, format)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(document_out, doc) }
    })
}

/// The embedded directory of supervisory authorities as JSON.
///
/// # Safety
/// `directory_out` is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_authorities(directory_out: *mut *mut c_char) -> dsgvo_status {
    boundary(|| {
        out_param(directory_out, "directory_out")?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(directory_out, door::authorities()) }
    })
}

/// Whether a data protection officer must be designated (Art. 37 GDPR,
/// § 38 BDSG), explained, for `dpo_facts_json`.
///
/// # Safety
/// As [`dsgvo_tom_import`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_dpo_duty(
    dpo_facts_json: *const c_char,
    lang: *const c_char,
    duty_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(duty_out, "duty_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (facts, lang) = unsafe {
            (
                arg(dpo_facts_json, "dpo_facts_json")?,
                opt_arg(lang, "lang")?,
            )
        };
        let duty = door::dpo(facts, lang)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(duty_out, duty) }
    })
}

/// The Art. 83(4) and (5) fine ceilings for a worldwide annual turnover in
/// EUR (`turnover_eur` < 0: unknown, the fixed amounts apply).
///
/// # Safety
/// As [`dsgvo_tom_import`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_fine_ceilings(
    turnover_eur: i64,
    lang: *const c_char,
    ceilings_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(ceilings_out, "ceilings_out")?;
        // SAFETY: the caller guarantees a NUL-terminated string or NULL.
        let lang = unsafe { opt_arg(lang, "lang") }?;
        let ceilings = door::fines(u64::try_from(turnover_eur).ok(), lang)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(ceilings_out, ceilings) }
    })
}

/// The Art. 83(4) and (5) fine ceilings for fine facts (JSON: the
/// undertaking's and the entity's own turnover in cents, whether it belongs
/// to a group); contradicting turnovers fail with
/// `DSGVO_STATUS_INCONSISTENT`, naming the field.
///
/// # Safety
/// As [`dsgvo_tom_import`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_fine_ceilings_for(
    fine_facts_json: *const c_char,
    lang: *const c_char,
    ceilings_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(ceilings_out, "ceilings_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (facts, lang) = unsafe {
            (
                arg(fine_facts_json, "fine_facts_json")?,
                opt_arg(lang, "lang")?,
            )
        };
        let ceilings = door::fines_for(facts, lang)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(ceilings_out, ceilings) }
    })
}
