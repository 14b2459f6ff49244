//! The case lifecycle: scenarios from the calibration cases, escalation,
//! lateness, back-dating, tampering, overrides and Art. 34(4) orders.

mod common;

use chrono::Duration;
use common::{case_file, with};
use dsgvo_core::case::*;
use dsgvo_core::document::{Phase, Templates};
use dsgvo_core::verdict::DutyKind;
use dsgvo_core::{Art34Exemption, AssessmentOptions, BreachFacts, RiskLevel, Timestamp};
use serde_json::{Value, json};

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn case_facts(name: &str) -> dsgvo_core::ValidFacts {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(case_file(name)).unwrap()).unwrap();
    BreachFacts::from_json(&v["facts"].to_string()).unwrap()
}

/// A typed case of a calibration case, opened and assessed at `at`.
fn assessed(name: &str, id: &str, at: Timestamp) -> Tracked<states::Assessed> {
    Tracked::open(CaseId(id.into()), case_facts(name), at, "DSB")
        .unwrap()
        .assess(Default::default(), at, "DSB")
        .unwrap()
}

fn cmd(at: &str, action: Action) -> Command {
    Command {
        at: ts(at),
        actor: "Datenschutz".into(),
        reason: None,
        action,
    }
}

/// The initial Art. 33 notification at `at`, on time.
fn initial_notification(at: &str) -> Command {
    cmd(
        at,
        Action::NotifyAuthority {
            phase: Phase::Initial,
            authority_reference: None,
            delay_reasons: None,
        },
    )
}

fn roundtrip(case: &Case) -> Case {
    let json = case.to_json();
    let back = Case::from_json(&json, BackdatingTolerance::default()).unwrap();
    assert_eq!(&back, case);
    assert_eq!(back.to_json(), json);
    back
}

#[test]
fn shipping_label_is_documented_only_and_closed() {
    let facts = case_facts("shipping-label");
    let at = ts("2026-11-20T09:30:00+01:00");
    let case = Tracked::open(CaseId("2026-017".into()), facts, at, "Datenschutz").unwrap();
    assert!(matches!(
        case.case().next_step(at.to_utc()),
        NextStep::Assess { .. }
    ));
    let case = case
        .assess(AssessmentOptions::default(), at, "Datenschutz")
        .unwrap();
    assert_eq!(case.case().verdict().unwrap().risk, RiskLevel::Unlikely);
    assert!(case.case().open_duties(at.to_utc()).is_empty());
    assert_eq!(case.case().next_step(at.to_utc()), NextStep::Decide);
    let case = case
        .document_only(ts("2026-11-20T10:00:00+01:00"), "Datenschutz")
        .unwrap();
    // Documented, nothing is left to decide: the next step is closing.
    assert_eq!(
        case.case()
            .next_step(ts("2026-11-20T10:01:00+01:00").to_utc()),
        NextStep::Close
    );
    let case = case
        .close(ts("2026-11-20T10:05:00+01:00"), "Datenschutz")
        .unwrap();
    assert_eq!(case.case().state(), CaseState::Closed);
    assert_eq!(case.case().entries().len(), 4);
    roundtrip(case.case());
}

#[test]
fn edpb_case_11_through_phased_notification_letters_and_closing() {
    let facts = case_facts("edpb-01-2021-case-11");
    let t0 = "2026-05-05T19:00:00+02:00";
    let mut case = Case::open(CaseId("11".into()), facts, ts(t0), "DSB").unwrap();
    let tol = BackdatingTolerance::default();
    case.apply(
        cmd(
            t0,
            Action::Assess {
                options: AssessmentOptions::default(),
            },
        ),
        tol,
    )
    .unwrap();
    let due = case.verdict().unwrap().authority_deadline.unwrap();
    let duties = case.open_duties(ts("2026-05-06T18:30:00+02:00").to_utc());
    assert_eq!(
        duties.iter().map(|d| d.duty).collect::<Vec<_>>(),
        [DutyKind::NotifyAuthority, DutyKind::NotifyDataSubjects]
    );
    assert_eq!(duties[0].due, Some(due));
    assert_eq!(duties[0].remaining_seconds, Some(48 * 3600));
    // A supplement before the initial notification is refused.
    let err = case
        .apply(
            cmd(
                "2026-05-06T10:00:00+02:00",
                Action::NotifyAuthority {
                    phase: Phase::Supplement,
                    authority_reference: Some("X".into()),
                    delay_reasons: None,
                },
            ),
            tol,
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("notify_authority is not allowed in state assessed"),
        "{err}"
    );
    case.apply(initial_notification("2026-05-06T10:00:00+02:00"), tol)
        .unwrap();
    assert_eq!(case.state(), CaseState::AuthorityNotified);
    let err = case
        .apply(
            cmd(
                "2026-05-07T10:00:00+02:00",
                Action::NotifyAuthority {
                    phase: Phase::Supplement,
                    authority_reference: None,
                    delay_reasons: None,
                },
            ),
            tol,
        )
        .unwrap_err();
    assert!(err.to_string().contains("authority's reference"), "{err}");
    case.apply(
        cmd(
            "2026-05-07T10:00:00+02:00",
            Action::NotifyAuthority {
                phase: Phase::Supplement,
                authority_reference: Some("LDA-2026-11".into()),
                delay_reasons: None,
            },
        ),
        tol,
    )
    .unwrap();
    assert_eq!(case.authority_reference(), Some("LDA-2026-11"));
    // Closing before the letters went out is refused.
    assert!(
        case.apply(cmd("2026-05-07T11:00:00+02:00", Action::Close), tol)
            .is_err()
    );
    assert_eq!(
        case.next_step(ts("2026-05-07T11:00:00+02:00").to_utc()),
        NextStep::InformSubjects
    );
    case.apply(
        cmd(
            "2026-05-08T09:00:00+02:00",
            Action::InformSubjects { people: 120_000 },
        ),
        tol,
    )
    .unwrap();
    case.apply(
        cmd(
            "2026-05-20T09:00:00+02:00",
            Action::NotifyAuthority {
                phase: Phase::Final,
                authority_reference: None,
                delay_reasons: None,
            },
        ),
        tol,
    )
    .unwrap();
    case.apply(cmd("2026-05-20T10:00:00+02:00", Action::Close), tol)
        .unwrap();
    assert_eq!(case.state(), CaseState::Closed);
    assert_eq!(
        case.next_step(ts("2026-05-21T00:00:00+02:00").to_utc()),
        NextStep::Nothing
    );
    roundtrip(&case);
}

#[test]
fn an_escalation_on_day_two_reopens_both_duties_with_the_original_awareness() {
    let facts = case_facts("shipping-label");
    let aware = facts.aware_at;
    let mut case = Case::open(
        CaseId("esc".into()),
        facts.clone(),
        ts("2026-11-20T09:30:00+01:00"),
        "DSB",
    )
    .unwrap();
    let tol = BackdatingTolerance::default();
    case.apply(
        cmd(
            "2026-11-20T09:35:00+01:00",
            Action::Assess {
                options: AssessmentOptions::default(),
            },
        ),
        tol,
    )
    .unwrap();
    case.apply(cmd("2026-11-20T09:40:00+01:00", Action::DocumentOnly), tol)
        .unwrap();
    assert_eq!(case.verdict().unwrap().risk, RiskLevel::Unlikely);

    // Day 2: the label printer was hacked; card data of 3,000 customers left.
    let mut worse = serde_json::to_value(facts.facts()).unwrap();
    common::merge(
        &mut worse,
        json!({
            "cause": "hacking", "malicious": true,
            "data_categories": ["identity", "contact", "payment_card"],
            "data_subjects": { "count": 3000 },
            "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
        }),
    );
    let worse: BreachFacts = serde_json::from_value(worse).unwrap();
    case.apply(
        cmd(
            "2026-11-21T14:00:00+01:00",
            Action::UpdateFacts {
                facts: Box::new(worse.clone()),
            },
        ),
        tol,
    )
    .unwrap();
    assert_eq!(case.verdict().unwrap().risk, RiskLevel::High);
    assert_eq!(
        case.original_decision().unwrap().risk,
        RiskLevel::Unlikely,
        "the first verdict is kept"
    );
    assert_eq!(
        case.state(),
        CaseState::Assessed,
        "documented-only re-opens"
    );
    let duties = case.open_duties(ts("2026-11-21T14:00:00+01:00").to_utc());
    assert_eq!(
        duties.iter().map(|d| d.duty).collect::<Vec<_>>(),
        [DutyKind::NotifyAuthority, DutyKind::NotifyDataSubjects]
    );
    assert_eq!(
        duties[0].due.unwrap(),
        aware.to_utc() + Duration::hours(72),
        "the clock runs from the original awareness"
    );

    // Awareness is fixed once set.
    let mut moved = worse;
    moved.aware_at = ts("2026-11-21T13:00:00+01:00");
    let err = case
        .apply(
            cmd(
                "2026-11-21T14:10:00+01:00",
                Action::UpdateFacts {
                    facts: Box::new(moved),
                },
            ),
            tol,
        )
        .unwrap_err();
    assert!(err.to_string().contains("aware_at is fixed"), "{err}");
    roundtrip(&case);
}

#[test]
fn a_late_notification_is_refused_without_delay_reasons() {
    let facts = case_facts("edpb-01-2021-case-11");
    let mut case = Case::open(
        CaseId("late".into()),
        facts,
        ts("2026-05-05T19:00:00+02:00"),
        "DSB",
    )
    .unwrap();
    let tol = BackdatingTolerance::default();
    case.apply(
        cmd(
            "2026-05-05T19:05:00+02:00",
            Action::Assess {
                options: AssessmentOptions::default(),
            },
        ),
        tol,
    )
    .unwrap();
    let late = "2026-05-09T10:00:00+02:00";
    assert!(case.delay_justification_needed(ts(late).to_utc()));
    assert_eq!(
        case.next_step(ts(late).to_utc()),
        NextStep::NotifyAuthority {
            due: case.verdict().unwrap().authority_deadline.unwrap(),
            overdue: true
        }
    );
    let notify = |reasons: Option<&str>| {
        cmd(
            late,
            Action::NotifyAuthority {
                phase: Phase::Initial,
                authority_reference: None,
                delay_reasons: reasons.map(str::to_string),
            },
        )
    };
    let err = case.apply(notify(None), tol).unwrap_err();
    assert!(err.to_string().contains("requires delay_reasons"), "{err}");
    let blank = case.apply(notify(Some("  ")), tol).unwrap_err();
    assert!(
        blank.to_string().contains("requires delay_reasons"),
        "{blank}"
    );
    case.apply(
        notify(Some(
            "Die forensische Analyse bestätigte die Verletzung erst am 8. Mai.",
        )),
        tol,
    )
    .unwrap();
    assert_eq!(case.state(), CaseState::AuthorityNotified);
}

#[test]
fn back_dated_entries_are_refused_within_a_tolerance() {
    let mut case = Case::open(
        CaseId("b".into()),
        case_facts("shipping-label"),
        ts("2026-11-20T10:00:00+01:00"),
        "DSB",
    )
    .unwrap();
    let assess = |at: &str| {
        cmd(
            at,
            Action::Assess {
                options: AssessmentOptions::default(),
            },
        )
    };
    let err = case
        .apply(
            assess("2026-11-20T09:00:00+01:00"),
            BackdatingTolerance::default(),
        )
        .unwrap_err();
    assert!(matches!(err, CaseError::Backdated { .. }), "{err}");
    case.apply(
        assess("2026-11-20T09:57:00+01:00"),
        BackdatingTolerance::default(),
    )
    .unwrap();
    assert_eq!(case.entries().len(), 2);
}

/// Issue 19 item 6: a command dated decades ahead would lock the case
/// (every real command after it back-dated); ten years after awareness is
/// the bound, to the second.
#[test]
fn a_command_more_than_ten_years_after_awareness_is_refused() {
    let facts = case_facts("shipping-label");
    let aware = facts.aware_at;
    let mut case = Case::open(CaseId("y".into()), facts, aware, "DSB").unwrap();
    let assess_at = |at: chrono::DateTime<chrono::FixedOffset>| Command {
        at: Timestamp::from(at),
        actor: "DSB".into(),
        reason: None,
        action: Action::Assess {
            options: AssessmentOptions::default(),
        },
    };
    let bound = aware.with_offset() + Duration::days(3_653);
    let err = case
        .apply(
            assess_at(bound + Duration::seconds(1)),
            BackdatingTolerance::default(),
        )
        .unwrap_err();
    assert!(
        matches!(err, CaseError::InvalidCommand { field: "at", .. }),
        "{err}"
    );
    assert_eq!(case.entries().len(), 1, "nothing recorded");
    case.apply(assess_at(bound), BackdatingTolerance::default())
        .unwrap();
}

/// Issue 19 item 6: with the caller's clock, a command dated after `now`
/// by more than the tolerance is refused (a mistyped 2027 would lock the
/// case); up to the tolerance it is accepted, as clocks differ a little.
#[test]
fn a_command_after_now_beyond_the_tolerance_is_refused() {
    let facts = case_facts("shipping-label");
    let aware = facts.aware_at;
    let mut case = Case::open(CaseId("f".into()), facts, aware, "DSB").unwrap();
    let now = aware.to_utc() + Duration::hours(2);
    let tolerance = BackdatingTolerance(Duration::minutes(5));
    let assess_at = |at: chrono::DateTime<chrono::Utc>| Command {
        at: Timestamp::from(at.fixed_offset()),
        actor: "DSB".into(),
        reason: None,
        action: Action::Assess {
            options: AssessmentOptions::default(),
        },
    };
    let limit = now + Duration::minutes(5);
    let err = case
        .apply_at(assess_at(limit + Duration::seconds(1)), tolerance, now)
        .unwrap_err();
    assert!(
        matches!(err, CaseError::InvalidCommand { field: "at", .. }),
        "{err}"
    );
    assert_eq!(case.entries().len(), 1, "nothing recorded");
    case.apply_at(assess_at(limit), tolerance, now).unwrap();
}

/// Issue 19 item 12: informing nobody does not discharge Art. 34.
#[test]
fn informing_nobody_is_refused_and_one_person_is_accepted() {
    let at = ts("2026-11-20T10:00:00+01:00");
    let mut case = assessed("class05-card-skimming-on-checkout", "p", at).into_case();
    let inform = |people| {
        cmd(
            "2026-11-21T10:00:00+01:00",
            Action::InformSubjects { people },
        )
    };
    let err = case
        .apply(inform(0), BackdatingTolerance::default())
        .unwrap_err();
    assert!(
        matches!(
            err,
            CaseError::InvalidCommand {
                field: "action.people",
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("at least 1"), "{err}");
    let before = case.entries().len();
    case.apply(inform(1), BackdatingTolerance::default())
        .unwrap();
    assert_eq!(case.entries().len(), before + 1);
}

#[test]
fn any_tampering_is_detected_at_the_first_broken_entry() {
    let mut case = Case::open(
        CaseId("t".into()),
        case_facts("shipping-label"),
        ts("2026-11-20T10:00:00+01:00"),
        "DSB",
    )
    .unwrap();
    let tol = BackdatingTolerance::default();
    case.apply(
        cmd(
            "2026-11-20T10:01:00+01:00",
            Action::Assess {
                options: AssessmentOptions::default(),
            },
        ),
        tol,
    )
    .unwrap();
    case.apply(cmd("2026-11-20T10:02:00+01:00", Action::DocumentOnly), tol)
        .unwrap();
    let json = case.to_json();
    let broken_at = |text: String| match Case::from_json(&text, tol) {
        Err(CaseError::BrokenChain { seq, .. }) => seq,
        other => panic!("not detected: {other:?}"),
    };
    // A changed fact in the first entry.
    assert_eq!(
        broken_at(json.replacen("Beispiel Shop GmbH", "Beispiel Shop AG", 1)),
        0
    );
    // A back-dated entry, re-hashed by the forger: the chain breaks at the next link.
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["entries"][2]["actor"] = json!("Mallory");
    assert_eq!(broken_at(v.to_string()), 2);
    // A removed entry.
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["entries"].as_array_mut().unwrap().remove(1);
    assert_eq!(broken_at(v.to_string()), 1);
    // Another case id: every hash covers the id (dsgvo.case/2).
    assert_eq!(
        broken_at(json.replacen("\"id\":\"t\"", "\"id\":\"u\"", 1)),
        0
    );
    // The old form without the id in the hashes, claimed for a new case.
    assert_eq!(
        broken_at(json.replacen("dsgvo.case/2", "dsgvo.case/1", 1)),
        0
    );
    // Unknown schema and unknown fields are clear errors, not silent drops.
    let err = Case::from_json(&json.replace("dsgvo.case/2", "dsgvo.case/3"), tol).unwrap_err();
    assert!(err.to_string().contains("unsupported schema"), "{err}");
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["note"] = json!("x");
    assert!(matches!(
        Case::from_json(&v.to_string(), tol),
        Err(CaseError::Input(_))
    ));
}

#[test]
fn illegal_transitions_name_the_state_and_the_action() {
    let mut case = Case::open(
        CaseId("i".into()),
        case_facts("shipping-label"),
        ts("2026-11-20T10:00:00+01:00"),
        "DSB",
    )
    .unwrap();
    let tol = BackdatingTolerance::default();
    let err = case
        .apply(cmd("2026-11-20T10:01:00+01:00", Action::Close), tol)
        .unwrap_err();
    let CaseError::Refused(r) = &err else {
        panic!("{err}")
    };
    assert_eq!((r.state, r.action), (CaseState::Detected, "close"));
    assert_eq!(case.entries().len(), 1, "a refused action changes nothing");
    let err = case
        .apply(
            Command {
                actor: " ".into(),
                ..cmd("2026-11-20T10:01:00+01:00", Action::Close)
            },
            tol,
        )
        .unwrap_err();
    assert!(matches!(
        err,
        CaseError::InvalidCommand { field: "actor", .. }
    ));
}

#[test]
fn an_override_needs_a_justification_and_keeps_the_computed_verdict() {
    let at = ts("2026-11-20T10:00:00+01:00");
    let case = assessed("shipping-label", "o", at);
    let err = case
        .override_decision(true, true, "", at, "DSB")
        .unwrap_err();
    assert!(err.to_string().contains("written justification"), "{err}");

    let case = assessed("shipping-label", "o", at);
    let case = case
        .override_decision(
            true,
            true,
            "Vorsorglich melden: die Geschäftsführung wünscht Rechtssicherheit.",
            at,
            "Geschäftsführung",
        )
        .unwrap();
    assert_eq!(case.case().override_decision(), Some((true, true)));
    assert_eq!(
        assessed("shipping-label", "p", at)
            .case()
            .override_decision(),
        None
    );
    assert!(
        !case.case().verdict().unwrap().notify_authority,
        "the computed verdict stays beside the override"
    );
    assert!(!case.case().decision().unwrap().notify_authority);
    let duties = case.case().open_duties(at.to_utc());
    assert_eq!(duties.len(), 2);
    let err = case.document_only(at, "DSB").unwrap_err();
    assert!(
        err.to_string().contains("requires notifying the authority"),
        "documenting only contradicts the override: {err}"
    );
}

#[test]
fn an_authority_order_under_art_34_4_reopens_the_communication() {
    let facts = common::parse(&with(json!({
        "cause": "hacking", "data_categories": ["identity", "payment_card"],
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" },
        "subject_communication": { "high_risk_neutralised": true, "justification": "Karten gesperrt" }
    })))
    .unwrap();
    let at = ts("2026-11-20T10:00:00+01:00");
    let case = Tracked::open(CaseId("o".into()), facts, at, "DSB")
        .unwrap()
        .assess(Default::default(), at, "DSB")
        .unwrap();
    assert_eq!(
        case.case().verdict().unwrap().exemptions,
        vec![Art34Exemption::B]
    );
    let case = case
        .notify_authority(Phase::Initial, None, None, at, "DSB")
        .unwrap();
    let case = case.exempt_subjects(Art34Exemption::B, at, "DSB").unwrap();
    let mut case = case.into_case();
    let order = AuthorityOrder::RequireCommunication;
    case.apply(
        cmd(
            "2026-11-22T10:00:00+01:00",
            Action::RecordAuthorityOrder { order },
        ),
        BackdatingTolerance::default(),
    )
    .unwrap();
    assert_eq!(case.state(), CaseState::AuthorityNotified);
    assert_eq!(
        case.next_step(ts("2026-11-22T10:00:00+01:00").to_utc()),
        NextStep::InformSubjects
    );
    roundtrip(&case);
}

#[test]
fn not_a_breach_is_final() {
    let at = ts("2026-11-20T10:00:00+01:00");
    let case = assessed("edpb-01-2021-case-11", "n", at)
        .mark_not_a_breach(at, "DSB")
        .unwrap();
    assert_eq!(case.case().state(), CaseState::NotABreach);
    assert!(case.case().open_duties(at.to_utc()).is_empty());
    let mut case = case.into_case();
    assert!(
        case.apply(
            cmd("2026-11-20T10:01:00+01:00", Action::Close),
            BackdatingTolerance::default()
        )
        .is_err()
    );
}

#[test]
fn a_processor_incident_fans_out_to_one_case_per_controller() {
    let facts = case_facts("interface-leak-processor");
    let t0 = "2026-06-10T14:30:00+02:00";
    let tol = BackdatingTolerance::default();
    let mut processor = Case::open(CaseId("P-1".into()), facts, ts(t0), "Dienstleister").unwrap();
    processor
        .apply(
            cmd(
                t0,
                Action::Assess {
                    options: AssessmentOptions::default(),
                },
            ),
            tol,
        )
        .unwrap();
    let duties = processor.open_duties(ts(t0).to_utc());
    assert_eq!(
        duties.iter().map(|d| d.duty).collect::<Vec<_>>(),
        [DutyKind::InformController]
    );
    assert_eq!(
        processor.next_step(ts(t0).to_utc()),
        NextStep::InformController
    );
    let err = processor.apply(cmd(t0, Action::Close), tol).unwrap_err();
    assert!(
        matches!(&err, CaseError::Refused(r) if r.action == "close"),
        "not before the controllers are informed: {err}"
    );

    let controller = |name: &str, region: &str| -> dsgvo_core::facts::Controller {
        serde_json::from_value(json!({ "name": name, "country": "DE", "region": region, "established_in_eu": true, "sector": "retail" })).unwrap()
    };
    let notices = vec![
        ControllerNotice {
            case_id: CaseId("S-2".into()),
            controller: controller("Zweiter Shop KG", "DE-BE"),
            informed_at: ts("2026-06-11T09:00:00+02:00"),
        },
        ControllerNotice {
            case_id: CaseId("S-1".into()),
            controller: controller("Erster Shop GmbH", "DE-HH"),
            informed_at: ts("2026-06-10T18:00:00+02:00"),
        },
    ];
    let cases = fan_out(&mut processor, &notices, "Dienstleister", tol).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(
        cases[0].id(),
        &CaseId("S-1".into()),
        "ordered by the time each controller was informed"
    );
    for (mut case, informed) in cases
        .into_iter()
        .zip(["2026-06-10T18:00:00+02:00", "2026-06-11T09:00:00+02:00"])
    {
        assert_eq!(case.facts().role, dsgvo_core::facts::Role::Controller);
        assert_eq!(
            case.facts().aware_at,
            ts(informed),
            "the controller's awareness starts when it was informed"
        );
        case.apply(
            cmd(
                informed,
                Action::Assess {
                    options: AssessmentOptions::default(),
                },
            ),
            tol,
        )
        .unwrap();
        let v = case.verdict().unwrap();
        assert!(v.notify_authority && v.notify_data_subjects);
        assert_eq!(
            v.authority_deadline.unwrap(),
            ts(informed).to_utc() + Duration::hours(72)
        );
    }
    assert!(
        processor
            .open_duties(ts("2026-06-11T10:00:00+02:00").to_utc())
            .is_empty()
    );
    processor
        .apply(cmd("2026-06-11T10:00:00+02:00", Action::Close), tol)
        .unwrap();
    roundtrip(&processor);
}

fn register_case(
    id: &str,
    title: &str,
    notify_at: Option<(&str, Option<&str>)>,
    not_a_breach: bool,
) -> Case {
    let facts = common::parse(&with(
        json!({ "title": title, "cause": "hacking", "data_categories": ["identity", "payment_card"],
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" } }),
    ))
    .unwrap();
    let tol = BackdatingTolerance::default();
    let mut case = Case::open(
        CaseId(id.into()),
        facts,
        ts("2026-11-20T09:30:00+01:00"),
        "DSB",
    )
    .unwrap();
    case.apply(
        cmd(
            "2026-11-20T09:30:00+01:00",
            Action::Assess {
                options: AssessmentOptions::default(),
            },
        ),
        tol,
    )
    .unwrap();
    if not_a_breach {
        case.apply(
            cmd("2026-11-20T12:00:00+01:00", Action::MarkNotABreach),
            tol,
        )
        .unwrap();
    } else if let Some((at, reasons)) = notify_at {
        let action = Action::NotifyAuthority {
            phase: Phase::Initial,
            authority_reference: None,
            delay_reasons: reasons.map(str::to_string),
        };
        case.apply(cmd(at, action), tol).unwrap();
    }
    case
}

#[test]
fn the_register_exports_csv_json_markdown_and_the_dpo_figures() {
    let mut register = Register::new();
    register.push(register_case(
        "A",
        "Shop, gehackt",
        Some(("2026-11-20T21:15:00+01:00", None)),
        false,
    ));
    register.push(register_case(
        "B",
        "Zweiter \"Vorfall\"",
        Some(("2026-11-24T09:15:00+01:00", Some("Forensik dauerte"))),
        false,
    ));
    register.push(register_case("C", "Fehlalarm", None, true));
    let mut documented = Case::open(
        CaseId("D".into()),
        case_facts("shipping-label"),
        ts("2026-11-20T09:30:00+01:00"),
        "DSB",
    )
    .unwrap();
    let tol = BackdatingTolerance::default();
    documented
        .apply(
            cmd(
                "2026-11-20T09:31:00+01:00",
                Action::Assess {
                    options: AssessmentOptions::default(),
                },
            ),
            tol,
        )
        .unwrap();
    documented
        .apply(cmd("2026-11-20T09:32:00+01:00", Action::DocumentOnly), tol)
        .unwrap();
    register.push(documented);

    let f = register.figures();
    assert_eq!(
        (
            f.breaches,
            f.notified,
            f.documented_only,
            f.not_a_breach,
            f.late_notifications
        ),
        (3, 2, 1, 1, 1)
    );
    assert_eq!(f.per_year.get(&2026), Some(&3));
    // Awareness 09:15: A after 12 h, B after 96 h: median 54 h.
    assert_eq!(f.median_hours_to_notification, Some(54.0));

    let csv = register.to_csv();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5);
    assert!(
        lines[1].starts_with("A,,\"Shop, gehackt\","),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains("\"Zweiter \"\"Vorfall\"\"\""),
        "{}",
        lines[2]
    );
    assert!(
        register
            .to_markdown()
            .contains("| B | Zweiter \"Vorfall\" |")
    );
    let rows: Value = serde_json::from_str(&register.rows_json()).unwrap();
    assert_eq!(rows[1]["late"], true);

    let stored = register.to_json();
    let back = Register::from_json(&stored, tol).unwrap();
    assert_eq!(back, register);
    let (index, err) = Register::from_json(&stored[..stored.len() - 1], tol).unwrap_err();
    assert_eq!(index, 0);
    assert!(
        matches!(err, CaseError::Input(_)),
        "truncated JSON is bad input, not tampering: {err}"
    );
    let tampered = stored.replacen("Fehlalarm", "Fehlerlarm", 1);
    let (index, err) = Register::from_json(&tampered, tol).unwrap_err();
    assert_eq!(index, 2);
    assert!(
        matches!(err, CaseError::BrokenChain { seq: 0, .. }),
        "{err}"
    );

    // Row by row, as a database keeps them, on any number of threads.
    let rows: Vec<String> = register.cases().iter().map(Case::to_json).collect();
    for workers in [1, 2, 3] {
        assert_eq!(Register::load(&rows, tol, workers).unwrap(), register);
        let mut bad = rows.clone();
        bad[1] = bad[1].replacen("Vorfall", "Unfall", 1);
        bad[2].truncate(10);
        let (index, err) = Register::load(&bad, tol, workers).unwrap_err();
        assert_eq!(index, 1, "the first failing row, whatever the threads");
        assert!(matches!(err, CaseError::BrokenChain { .. }), "{err}");
    }
}

#[test]
fn the_case_produces_its_documents_and_supplements_list_what_changed() {
    let facts = case_facts("edpb-01-2021-case-11");
    let tol = BackdatingTolerance::default();
    let mut case = Case::open(
        CaseId("11".into()),
        facts.clone(),
        ts("2026-05-05T19:00:00+02:00"),
        "DSB",
    )
    .unwrap();
    assert!(matches!(
        case.notification(
            &Templates::builtin(),
            ts("2026-05-05T19:00:00+02:00").to_utc(),
            None
        ),
        Err(CaseDocumentError::NotAssessed)
    ));
    case.apply(
        cmd(
            "2026-05-05T19:05:00+02:00",
            Action::Assess {
                options: AssessmentOptions::default(),
            },
        ),
        tol,
    )
    .unwrap();
    let initial = case
        .notification(
            &Templates::builtin(),
            ts("2026-05-06T10:00:00+02:00").to_utc(),
            None,
        )
        .unwrap();
    assert_eq!(initial.phase, Phase::Initial);
    case.apply(
        cmd(
            "2026-05-06T10:00:00+02:00",
            Action::NotifyAuthority {
                phase: Phase::Initial,
                authority_reference: Some("LDA-77".into()),
                delay_reasons: None,
            },
        ),
        tol,
    )
    .unwrap();

    let mut more = facts.into_inner();
    more.records = Some(dsgvo_core::facts::ApproxCount::Exact(130_000));
    case.apply(
        cmd(
            "2026-05-07T09:00:00+02:00",
            Action::UpdateFacts {
                facts: Box::new(more),
            },
        ),
        tol,
    )
    .unwrap();
    let supplement = case
        .notification(
            &Templates::builtin(),
            ts("2026-05-07T10:00:00+02:00").to_utc(),
            None,
        )
        .unwrap();
    assert_eq!(supplement.phase, Phase::Supplement);
    assert_eq!(supplement.authority_reference.as_deref(), Some("LDA-77"));
    assert_eq!(
        supplement
            .changes
            .iter()
            .map(|c| c.field.as_str())
            .collect::<Vec<_>>(),
        ["records"]
    );

    let docs = case
        .documents(
            &dsgvo_core::document::Templates::builtin(),
            ts("2026-05-07T10:00:00+02:00").to_utc(),
            None,
        )
        .unwrap();
    assert!(docs.iter().any(|d| d.file_name == "letter-sample.de.html"));
}

#[test]
fn a_second_initial_notification_is_refused() {
    let at = ts("2026-05-05T19:00:00+02:00");
    let case = assessed("edpb-01-2021-case-11", "2", at)
        .notify_authority(Phase::Initial, None, None, at, "DSB")
        .unwrap();
    let mut case = case.into_case();
    let again = Action::NotifyAuthority {
        phase: Phase::Initial,
        authority_reference: None,
        delay_reasons: None,
    };
    let err = case
        .apply(
            cmd("2026-05-05T20:00:00+02:00", again),
            BackdatingTolerance::default(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("already notified"), "{err}");
}

/// Re-chains a stored case after `edit` changed its entries (as a tool with
/// write access to the database could): the chain then verifies, so what the
/// library says about the content is all that protects it.
fn rechained(json: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut stored: Value = serde_json::from_str(json).unwrap();
    edit(&mut stored);
    let id = CaseId(stored["id"].as_str().unwrap().to_string());
    let bound = (stored["schema"] == "dsgvo.case/2").then_some(&id);
    let mut prev = GENESIS;
    for e in stored["entries"].as_array_mut().unwrap() {
        e["prev"] = prev.to_string().into();
        let entry: Entry = serde_json::from_value(e.clone()).unwrap();
        prev = entry.compute_hash(bound);
        e["hash"] = prev.to_string().into();
    }
    stored.to_string()
}

#[test]
fn the_log_records_the_decision_and_the_verdict_is_re_derived() {
    let at = ts("2026-11-20T09:30:00+01:00");
    let case = assessed("edpb-01-2021-case-11", "2026-031", at);
    let case = case.case();
    let decision = case.decision().unwrap();
    let verdict = case.verdict().unwrap();
    assert!(decision.matches(&verdict));
    assert_eq!(decision.engine, ENGINE);
    assert_eq!(
        decision.reasons,
        verdict
            .reasons
            .iter()
            .map(|r| r.code.clone())
            .collect::<Vec<_>>()
    );
    // The stored entry keeps the decision and its reason codes, not the texts.
    let json = case.to_json();
    assert!(json.contains("\"decision\":{\"risk\":"), "{json}");
    assert!(!json.contains(&verdict.reasons[0].text));
    assert!(json.len() < 4096, "{} bytes", json.len());
}

#[test]
fn documents_refuse_a_decision_this_library_would_not_make() {
    let at = ts("2026-11-20T09:30:00+01:00");
    let case = assessed("edpb-01-2021-case-11", "2026-032", at);
    let earlier = rechained(&case.case().to_json(), |stored| {
        let decision = &mut stored["entries"][1]["event"]["decision"];
        decision["notify_data_subjects"] = false.into();
        decision["engine"] = "dsgvo-core 0.0.9".into();
    });
    let loaded = Case::from_json(&earlier, BackdatingTolerance::default()).unwrap();
    // The record stays what was decided then ...
    let decision = loaded.decision().unwrap();
    assert!(!decision.notify_data_subjects);
    assert_eq!(decision.engine, "dsgvo-core 0.0.9");
    // ... and no document contradicts it.
    let err = loaded
        .documents(&Default::default(), at.to_utc(), None)
        .unwrap_err();
    assert_eq!(
        err,
        CaseDocumentError::DecisionChanged {
            engine: "dsgvo-core 0.0.9".into()
        }
    );
    assert!(err.to_string().contains("update the facts"), "{err}");
}

/// A case stored by the library before the hashes covered the id
/// (`dsgvo.case/1`, written at 5fbaf87 for the fuzz seed corpus) still loads,
/// is written back byte for byte as it was, and takes new entries in its own
/// form; its id is not protected by the chain, which the README says.
#[test]
fn a_case_stored_as_dsgvo_case_1_loads_and_stays_in_its_form() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/case-v1.json");
    let text = std::fs::read_to_string(path).unwrap();
    let tol = BackdatingTolerance::default();
    let mut case = Case::from_json(&text, tol).unwrap();
    assert_eq!(case.to_json(), text);
    assert_eq!(case.id(), &CaseId("2026-017".into()));
    assert_eq!(case.entries().len(), 3);
    let last = case.entries().last().unwrap().at.to_utc() + chrono::Duration::minutes(1);
    case.apply(
        Command {
            at: Timestamp::from(last),
            actor: "DSB".into(),
            reason: None,
            action: Action::InformSubjects { people: 2500 },
        },
        tol,
    )
    .unwrap();
    let json = case.to_json();
    assert!(json.starts_with("{\"schema\":\"dsgvo.case/1\""), "{json}");
    assert_eq!(Case::from_json(&json, tol).unwrap(), case);
    // Its id is outside the hashes: a changed id loads (the README's tamper
    // model names this limit of the old form).
    let renamed = text.replacen("\"id\":\"2026-017\"", "\"id\":\"2026-018\"", 1);
    assert_eq!(
        Case::from_json(&renamed, tol).unwrap().id(),
        &CaseId("2026-018".into())
    );
    // Claiming the new form for it breaks the chain at the first entry.
    let claimed = text.replacen("dsgvo.case/1", "dsgvo.case/2", 1);
    assert!(matches!(
        Case::from_json(&claimed, tol),
        Err(CaseError::BrokenChain { seq: 0, .. })
    ));
}

/// Art. 34(3)(c): a public communication replaces informing each person only
/// where that would involve disproportionate effort. Without it (EDPB case
/// 11: a stolen notebook, high risk, 100,000 customers with known
/// addresses) a public statement is refused and does not close the duty.
#[test]
fn a_public_communication_counts_only_under_art_34_3_c() {
    let at = ts("2026-05-06T10:00:00+01:00");
    let case = assessed("edpb-01-2021-case-11", "p", at)
        .notify_authority(Phase::Initial, None, None, at, "DSB")
        .unwrap();
    let mut case = case.into_case();
    let tol = BackdatingTolerance::default();
    let err = case
        .apply(
            cmd("2026-05-06T11:00:00+01:00", Action::CommunicatePublicly),
            tol,
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("art34_3_c does not apply"),
        "{err}"
    );
    assert!(
        case.apply(cmd("2026-05-06T11:00:00+01:00", Action::Close), tol)
            .unwrap_err()
            .to_string()
            .contains("not been informed")
    );

    // With disproportionate effort, the public communication is the way.
    let facts = common::parse(&with(json!({
        "cause": "hacking", "data_categories": ["identity", "payment_card"],
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" },
        "subject_communication": { "disproportionate_effort": true, "justification": "keine Kontaktdaten" }
    })))
    .unwrap();
    let mut case = Tracked::open(CaseId("q".into()), facts, at, "DSB")
        .unwrap()
        .assess(Default::default(), at, "DSB")
        .unwrap()
        .notify_authority(Phase::Initial, None, None, at, "DSB")
        .unwrap()
        .into_case();
    // Art. 34(3)(c): the open duty is the public communication, and so is
    // the next step.
    let now = ts("2026-11-20T10:30:00+01:00").to_utc();
    let duties: Vec<DutyKind> = case.open_duties(now).iter().map(|d| d.duty).collect();
    assert_eq!(duties, vec![DutyKind::PublicCommunication]);
    assert_eq!(case.next_step(now), NextStep::CommunicatePublicly);
    // Unless the authority requires the communication itself (Art. 34(4)):
    // then the data subjects are to be informed.
    let mut ordered = case.clone();
    ordered
        .apply(
            cmd(
                "2026-11-20T10:40:00+01:00",
                Action::RecordAuthorityOrder {
                    order: AuthorityOrder::RequireCommunication,
                },
            ),
            tol,
        )
        .unwrap();
    let duties: Vec<DutyKind> = ordered.open_duties(now).iter().map(|d| d.duty).collect();
    assert_eq!(duties, vec![DutyKind::NotifyDataSubjects]);
    assert_eq!(ordered.next_step(now), NextStep::InformSubjects);
    case.apply(
        cmd("2026-11-20T11:00:00+01:00", Action::CommunicatePublicly),
        tol,
    )
    .unwrap();
    case.apply(cmd("2026-11-20T11:05:00+01:00", Action::Close), tol)
        .unwrap();
}

/// An override's written justification weighed the facts it saw; new facts
/// end it (our rule), so a case escalated to card theft cannot close on an
/// earlier "do not inform" override.
#[test]
fn new_facts_end_an_override() {
    let at = ts("2026-05-06T10:00:00+01:00");
    let case = assessed("edpb-01-2021-case-11", "o", at)
        .override_decision(
            true,
            false,
            "Adressen waren bereits öffentlich bekannt.",
            at,
            "DSB",
        )
        .unwrap();
    assert_eq!(case.case().override_decision(), Some((true, false)));
    let mut case = case.into_case();
    let tol = BackdatingTolerance::default();
    let mut escalated = serde_json::to_value(case.facts()).unwrap();
    common::merge(
        &mut escalated,
        json!({ "data_categories": ["identity", "contact", "payment_card"] }),
    );
    case.apply(
        cmd(
            "2026-05-06T12:00:00+01:00",
            Action::UpdateFacts {
                facts: Box::new(serde_json::from_value(escalated).unwrap()),
            },
        ),
        tol,
    )
    .unwrap();
    assert_eq!(case.override_decision(), None);
    case.apply(initial_notification("2026-05-06T12:05:00+01:00"), tol)
        .unwrap();
    let err = case
        .apply(cmd("2026-05-06T12:10:00+01:00", Action::Close), tol)
        .unwrap_err();
    assert!(err.to_string().contains("not been informed"), "{err}");
}

/// The median of the hours to notification (the DPO's figure): with an odd
/// count the middle value, with an even count the mean of the two middle
/// ones — never the mean of all, which one late case would drag.
#[test]
fn the_register_median_is_the_middle_value() {
    // Awareness 09:15 (+01:00): 1 h, 3 h, 4 h, 100 h, then 120 h.
    let times = [
        ("2026-11-20T10:15:00+01:00", None),
        ("2026-11-20T12:15:00+01:00", None),
        ("2026-11-20T13:15:00+01:00", None),
        ("2026-11-24T13:15:00+01:00", Some("Forensik dauerte")),
        ("2026-11-25T09:15:00+01:00", Some("Forensik dauerte")),
    ];
    let mut register = Register::new();
    for (i, (at, late)) in times.iter().take(4).enumerate() {
        register.push(register_case(
            &format!("M{i}"),
            "Vorfall",
            Some((at, *late)),
            false,
        ));
    }
    // 1, 3, 4, 100: (3 + 4) / 2 = 3.5 (the mean would be 27).
    assert_eq!(register.figures().median_hours_to_notification, Some(3.5));
    let (at, late) = times[4];
    register.push(register_case("M4", "Vorfall", Some((at, late)), false));
    // 1, 3, 4, 100, 120: 4 (the mean would be 45.6).
    assert_eq!(register.figures().median_hours_to_notification, Some(4.0));
}

/// The back-dating tolerance is a bound that is allowed: an entry exactly
/// the tolerance before the previous one is taken, one second more is not,
/// on applying as on loading.
#[test]
fn back_dating_exactly_by_the_tolerance_is_allowed_one_second_more_is_not() {
    let tolerance = BackdatingTolerance(chrono::Duration::seconds(600));
    let open = || {
        Case::open(
            CaseId("t".into()),
            case_facts("shipping-label"),
            ts("2026-11-20T10:00:00+01:00"),
            "DSB",
        )
        .unwrap()
    };
    let assess = |at: &str| {
        cmd(
            at,
            Action::Assess {
                options: AssessmentOptions::default(),
            },
        )
    };
    let mut late = open();
    let err = late
        .apply(assess("2026-11-20T09:49:59+01:00"), tolerance)
        .unwrap_err();
    assert!(matches!(err, CaseError::Backdated { .. }), "{err}");
    let mut case = open();
    case.apply(assess("2026-11-20T09:50:00+01:00"), tolerance)
        .unwrap();
    // Stored, it loads with that tolerance and is refused with less.
    let json = case.to_json();
    Case::from_json(&json, tolerance).unwrap();
    let err =
        Case::from_json(&json, BackdatingTolerance(chrono::Duration::seconds(599))).unwrap_err();
    assert!(
        matches!(err, CaseError::BrokenChain { seq: 1, .. })
            && err.to_string().contains("back-dated"),
        "{err}"
    );
}

/// Art. 33(1): "not later than 72 hours after having become aware". At the
/// deadline itself the notification is still in time; a second later it is
/// overdue.
#[test]
fn the_notification_is_overdue_only_after_the_deadline() {
    let at = ts("2026-11-20T09:30:00+01:00");
    let case = assessed("edpb-01-2021-case-11", "2026-040", at);
    let case = case.case();
    let deadline = case.verdict().unwrap().authority_deadline.unwrap();
    let duty = |now: chrono::DateTime<chrono::Utc>| {
        case.status(now)
            .open_duties
            .into_iter()
            .find(|d| d.duty == DutyKind::NotifyAuthority)
            .unwrap()
    };
    let on_time = duty(deadline);
    assert!(!on_time.overdue);
    // Art. 33(1) sentence 2: reasons for the delay only once it is late.
    assert!(!case.status(deadline).delay_justification_needed);
    assert!(
        case.status(deadline + chrono::Duration::seconds(1))
            .delay_justification_needed
    );
    assert_eq!(on_time.remaining_seconds, Some(0));
    let late = duty(deadline + chrono::Duration::seconds(1));
    assert!(late.overdue);
    assert_eq!(late.remaining_seconds, Some(-1));
}

/// A decision recorded by an earlier version of the library that this one
/// would make alike still yields documents: only a different decision
/// blocks them, not a different engine.
#[test]
fn a_decision_by_an_earlier_engine_that_this_one_shares_keeps_its_documents() {
    let at = ts("2026-11-20T09:30:00+01:00");
    let case = assessed("edpb-01-2021-case-11", "2026-041", at);
    let earlier = rechained(&case.case().to_json(), |stored| {
        stored["entries"][1]["event"]["decision"]["engine"] = "dsgvo-core 0.0.9".into();
    });
    let loaded = Case::from_json(&earlier, BackdatingTolerance::default()).unwrap();
    let decision = loaded.decision().unwrap();
    assert_eq!(decision.engine, "dsgvo-core 0.0.9");
    let verdict = loaded.verdict().unwrap();
    assert!(decision.matches(&verdict));
    let in_time = verdict.authority_deadline.unwrap();
    let docs = loaded
        .documents(&Default::default(), in_time, None)
        .unwrap();
    assert!(
        docs.iter()
            .any(|d| d.file_name.starts_with("notification."))
    );
}

/// Art. 33(1): a notification at the deadline itself is in time; the
/// register calls it late only after. Every format of the register is what
/// its own export gives.
#[test]
fn the_register_counts_a_notification_at_the_deadline_as_in_time() {
    let mut register = Register::new();
    // aware_at 2026-11-20T09:15:00+01:00, so the deadline is 72 hours on.
    register.push(register_case(
        "A",
        "Pünktlich",
        Some(("2026-11-23T09:15:00+01:00", None)),
        false,
    ));
    register.push(register_case(
        "B",
        "Eine Sekunde zu spät",
        Some(("2026-11-23T09:15:01+01:00", Some("Forensik dauerte"))),
        false,
    ));
    let late: Vec<bool> = register.rows().iter().map(|r| r.late).collect();
    assert_eq!(late, vec![false, true]);
    assert_eq!(register.export(RegisterFormat::Csv), register.to_csv());
    assert_eq!(register.export(RegisterFormat::Json), register.rows_json());
    assert_eq!(
        register.export(RegisterFormat::Markdown),
        register.to_markdown()
    );
    assert_eq!(
        register.export(RegisterFormat::Figures),
        serde_json::to_string(&register.figures()).unwrap()
    );
}

/// A stored entry whose event is not an object is named as such.
#[test]
fn a_stored_event_that_is_no_object_is_named() {
    let at = ts("2026-11-20T09:30:00+01:00");
    let case = assessed("shipping-label", "e", at);
    let mut stored: Value = serde_json::from_str(&case.case().to_json()).unwrap();
    stored["entries"][1]["event"] = "assess".into();
    let broken = stored.to_string();
    let err = Case::from_json(&broken, BackdatingTolerance::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("a log event: an object with an `event` field"),
        "{err}"
    );
}

/// High-risk card data whose risk the controller neutralised (Art. 34(3)(b)),
/// with `more` merged in.
fn neutralised(more: Value) -> Value {
    let mut facts = with(json!({
        "cause": "hacking", "data_categories": ["identity", "payment_card"],
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" },
        "subject_communication": { "high_risk_neutralised": true, "justification": "Karten gesperrt" }
    }));
    common::merge(&mut facts, more);
    facts
}

/// A case exempt under Art. 34(3)(b), notified to the authority.
fn exempt_case() -> Case {
    let at = ts("2026-11-20T10:00:00+01:00");
    Tracked::open(
        CaseId("x".into()),
        common::parse(&neutralised(json!({}))).unwrap(),
        at,
        "DSB",
    )
    .unwrap()
    .assess(Default::default(), at, "DSB")
    .unwrap()
    .notify_authority(Phase::Initial, None, None, at, "DSB")
    .unwrap()
    .exempt_subjects(Art34Exemption::B, at, "DSB")
    .unwrap()
    .into_case()
}

fn update(case: &mut Case, at: &str, facts: Value) {
    let facts: BreachFacts = serde_json::from_value(facts).unwrap();
    let action = Action::UpdateFacts {
        facts: Box::new(facts),
    };
    case.apply(cmd(at, action), BackdatingTolerance::default())
        .unwrap();
}

/// New facts re-open only the duties that became due: an exemption that
/// still holds (Art. 34(3)(b)) keeps the case exempt; one the new facts
/// no longer support re-opens the communication, unless the authority has
/// confirmed the exemption (Art. 34(4)); a documented case whose new facts
/// still need no notification stays documented.
#[test]
fn new_facts_reopen_only_what_became_due() {
    let mut still = exempt_case();
    update(
        &mut still,
        "2026-11-21T10:00:00+01:00",
        neutralised(json!({ "summary": "Nachtrag" })),
    );
    assert_eq!(still.state(), CaseState::SubjectsExempt);

    let mut lost = exempt_case();
    let mut facts = neutralised(json!({}));
    facts
        .as_object_mut()
        .unwrap()
        .remove("subject_communication");
    update(&mut lost, "2026-11-21T10:00:00+01:00", facts.clone());
    assert_eq!(lost.state(), CaseState::AuthorityNotified);
    let now = ts("2026-11-21T11:00:00+01:00").to_utc();
    let duties: Vec<DutyKind> = lost.open_duties(now).iter().map(|d| d.duty).collect();
    assert_eq!(duties, vec![DutyKind::NotifyDataSubjects]);

    let mut confirmed = exempt_case();
    confirmed
        .apply(
            cmd(
                "2026-11-20T12:00:00+01:00",
                Action::RecordAuthorityOrder {
                    order: AuthorityOrder::ConfirmExemption {
                        exemption: Art34Exemption::B,
                    },
                },
            ),
            BackdatingTolerance::default(),
        )
        .unwrap();
    update(&mut confirmed, "2026-11-21T10:00:00+01:00", facts);
    assert_eq!(confirmed.state(), CaseState::SubjectsExempt);

    let at = ts("2026-11-20T09:30:00+01:00");
    let mut documented = assessed("shipping-label", "d", at)
        .document_only(at, "DSB")
        .unwrap()
        .into_case();
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(case_file("shipping-label")).unwrap())
            .unwrap();
    let mut same = v["facts"].clone();
    same["summary"] = "Nachtrag: nur ein Etikett".into();
    update(&mut documented, "2026-11-20T11:00:00+01:00", same);
    assert_eq!(documented.state(), CaseState::DocumentedOnly);
}

/// Under the notify-always policy, a breach whose individual communication
/// would take disproportionate effort is communicated publicly (our
/// policy, applying Art. 34(3)(c)), whatever its risk.
#[test]
fn notify_always_communicates_publicly_where_informing_each_person_is_disproportionate() {
    let facts = common::parse(&with(json!({
        "subject_communication": { "disproportionate_effort": true, "justification": "keine Kontaktdaten" }
    })))
    .unwrap();
    let at = ts("2026-11-20T10:00:00+01:00");
    let options = AssessmentOptions {
        policy: dsgvo_core::Policy::NotifyAlways,
        ..Default::default()
    };
    let mut case = Tracked::open(CaseId("n".into()), facts, at, "DSB")
        .unwrap()
        .assess(options, at, "DSB")
        .unwrap()
        .notify_authority(Phase::Initial, None, None, at, "DSB")
        .unwrap()
        .into_case();
    assert_ne!(case.verdict().unwrap().risk, RiskLevel::High);
    case.apply(
        cmd("2026-11-20T11:00:00+01:00", Action::CommunicatePublicly),
        BackdatingTolerance::default(),
    )
    .unwrap();
    assert_eq!(case.state(), CaseState::PublicCommunication);
}

/// Art. 34(3): an exemption is recorded only where it applies — computed
/// by the assessment, confirmed by the authority (Art. 34(4)), or where no
/// communication is due at all — and (c) only as a public communication.
#[test]
fn an_exemption_is_recorded_only_where_it_applies() {
    let at = ts("2026-11-20T10:00:00+01:00");
    let tol = BackdatingTolerance::default();
    let exempt = |exemption| {
        cmd(
            "2026-11-20T11:00:00+01:00",
            Action::ExemptSubjects { exemption },
        )
    };
    // High risk with no exemption in the facts: (a) and (b) do not apply.
    let high = || {
        let facts = common::parse(&with(json!({
            "cause": "hacking", "data_categories": ["identity", "payment_card"],
            "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
        })))
        .unwrap();
        Tracked::open(CaseId("h".into()), facts, at, "DSB")
            .unwrap()
            .assess(Default::default(), at, "DSB")
            .unwrap()
            .notify_authority(Phase::Initial, None, None, at, "DSB")
            .unwrap()
            .into_case()
    };
    for exemption in [Art34Exemption::A, Art34Exemption::B] {
        let err = high().apply(exempt(exemption), tol).unwrap_err();
        assert!(err.to_string().contains("does not apply"), "{err}");
    }
    // Confirmed by the authority, it is recorded.
    let mut confirmed = high();
    confirmed
        .apply(
            cmd(
                "2026-11-20T10:30:00+01:00",
                Action::RecordAuthorityOrder {
                    order: AuthorityOrder::ConfirmExemption {
                        exemption: Art34Exemption::A,
                    },
                },
            ),
            tol,
        )
        .unwrap();
    confirmed.apply(exempt(Art34Exemption::A), tol).unwrap();
    assert_eq!(confirmed.state(), CaseState::SubjectsExempt);
    // Computed by the assessment (Art. 34(3)(b)), it is recorded.
    let mut computed = exempt_case();
    assert_eq!(computed.state(), CaseState::SubjectsExempt);
    // (c) is never an exemption from telling anyone: where it applies, the
    // public communication is the way.
    let facts = common::parse(&with(json!({
        "cause": "hacking", "data_categories": ["identity", "payment_card"],
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" },
        "subject_communication": { "disproportionate_effort": true, "justification": "keine Kontaktdaten" }
    })))
    .unwrap();
    computed = Tracked::open(CaseId("c".into()), facts, at, "DSB")
        .unwrap()
        .assess(Default::default(), at, "DSB")
        .unwrap()
        .notify_authority(Phase::Initial, None, None, at, "DSB")
        .unwrap()
        .into_case();
    let err = computed.apply(exempt(Art34Exemption::C), tol).unwrap_err();
    assert!(err.to_string().contains("communicate_publicly"), "{err}");
    // No communication due (a risk, not a high one): nothing to exempt from,
    // so recording one is harmless and accepted.
    let mut documented = assessed("shipping-label", "s", at)
        .document_only(at, "DSB")
        .unwrap()
        .into_case();
    documented.apply(exempt(Art34Exemption::B), tol).unwrap();
}

/// Art. 33(1) sentence 2 binds a notification made after the deadline; one
/// made at the deadline itself needs no reasons.
#[test]
fn a_notification_at_the_deadline_needs_no_delay_reasons() {
    let at = ts("2026-05-06T10:00:00+01:00");
    let case = assessed("edpb-01-2021-case-11", "2026-050", at);
    let deadline = case.case().verdict().unwrap().authority_deadline.unwrap();
    let notify = |when: chrono::DateTime<chrono::Utc>| Command {
        at: when.into(),
        ..initial_notification("2026-11-20T09:30:00+01:00")
    };
    let mut on_time = case.case().clone();
    on_time
        .apply(notify(deadline), BackdatingTolerance::default())
        .unwrap();
    let mut late = case.case().clone();
    let err = late
        .apply(
            notify(deadline + chrono::Duration::seconds(1)),
            BackdatingTolerance::default(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("delay_reasons"), "{err}");
}

/// An override needs a written justification of at least ten characters
/// (our threshold: a word or two is no justification).
#[test]
fn an_override_justification_needs_ten_characters() {
    let at = ts("2026-11-20T10:00:00+01:00");
    let err = assessed("shipping-label", "j", at)
        .override_decision(true, false, "123456789", at, "DSB")
        .unwrap_err();
    assert!(err.to_string().contains("written justification"), "{err}");
    assessed("shipping-label", "k", at)
        .override_decision(true, false, "1234567890", at, "DSB")
        .unwrap();
}

/// Issue 19 item 7: what the chain finds by itself, and what only the
/// anchor kept outside the log finds.
#[test]
fn the_anchor_finds_truncation_and_rewrites_the_chain_cannot() {
    let at = ts("2026-11-20T10:00:00+01:00");
    let assess = |at: &str| {
        cmd(
            at,
            Action::Assess {
                options: AssessmentOptions::default(),
            },
        )
    };
    let open = |name: &str| Case::open(CaseId("a".into()), case_facts(name), at, "DSB").unwrap();
    let mut case = open("shipping-label");
    case.apply(
        assess("2026-11-20T10:05:00+01:00"),
        BackdatingTolerance::default(),
    )
    .unwrap();
    let anchor = case.anchor();
    assert_eq!(anchor.entries, 2);
    assert_eq!(anchor.head, case.entries()[1].hash);
    let load = |c: &Case| Case::from_json(&c.to_json(), BackdatingTolerance::default()).unwrap();
    let seq_of = |e: CaseError| match e {
        CaseError::BrokenChain { seq, problem } => (seq, problem),
        other => panic!("{other}"),
    };

    // Unchanged, and grown after the anchor was taken: accepted.
    load(&case).check_anchor(&anchor).unwrap();
    let mut grown = case.clone();
    grown
        .apply(
            cmd("2026-11-20T11:00:00+01:00", Action::DocumentOnly),
            BackdatingTolerance::default(),
        )
        .unwrap();
    load(&grown).check_anchor(&anchor).unwrap();

    // The last entry dropped: a valid chain, which the anchor refuses.
    let truncated = load(&open("shipping-label"));
    let (seq, problem) = seq_of(truncated.check_anchor(&anchor).unwrap_err());
    assert_eq!(seq, 1);
    assert!(problem.contains("entries were removed"), "{problem}");

    // Rewritten with other facts and every hash recomputed: a valid chain
    // the anchor refuses at the anchored entry.
    let mut rewritten = open("class05-card-skimming-on-checkout");
    rewritten
        .apply(
            assess("2026-11-20T10:05:00+01:00"),
            BackdatingTolerance::default(),
        )
        .unwrap();
    let (seq, problem) = seq_of(load(&rewritten).check_anchor(&anchor).unwrap_err());
    assert_eq!(seq, 1);
    assert!(problem.contains("rewritten"), "{problem}");

    // Another case's anchor.
    let other = CaseAnchor {
        id: CaseId("b".into()),
        ..anchor.clone()
    };
    assert!(
        seq_of(case.check_anchor(&other).unwrap_err())
            .1
            .contains("\"b\"")
    );
    let empty = CaseAnchor {
        entries: 0,
        ..anchor
    };
    assert!(case.check_anchor(&empty).is_err());
}

/// Issue 19 item 7: a register that holds a case twice (a copy, or a
/// rewritten copy beside the original) is refused at the second copy.
#[test]
fn the_register_refuses_a_case_id_twice() {
    let at = ts("2026-11-20T10:00:00+01:00");
    let stored = |id: &str| {
        Case::open(CaseId(id.into()), case_facts("shipping-label"), at, "DSB")
            .unwrap()
            .to_json()
    };
    let (a, b) = (stored("a"), stored("b"));
    let register = Register::load([&a, &b], BackdatingTolerance::default(), 1).unwrap();
    assert_eq!(register.rows().len(), 2);
    let (index, err) = Register::load([&a, &b, &a], BackdatingTolerance::default(), 2).unwrap_err();
    assert_eq!(index, 2);
    assert_eq!(
        err,
        CaseError::Duplicate {
            id: "a".into(),
            first: 0
        }
    );
}
