//! TOM catalogue, checklist lifecycle, evaluation, import and document.
//! `UPDATE_GOLDEN=1 cargo test -p dsgvo-core --test tom` rewrites the
//! document snapshots.

mod common;

use chrono::NaiveDate;
use common::{shared_original, with};
use dsgvo_core::document::{Templates, TomFormat, tom_document};
use dsgvo_core::tom::*;
use dsgvo_core::{BreachFacts, ErrorKind, Language};
use serde_json::{Value, json};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn fixture() -> ImportReport {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tom-kleiner-shop.md"),
    )
    .unwrap();
    import_document(&text, "Beispiel Shop GmbH", ProtectionNeed::Normal).unwrap()
}

#[test]
fn embedded_sdm_catalogue_equals_the_shared_reference() {
    let embedded: Value = serde_json::from_str(include_str!("../data/sdm.json")).unwrap();
    if let Some(original) = shared_original("reference/sdm.json") {
        let reference: Value =
            serde_json::from_str(&std::fs::read_to_string(original).unwrap()).unwrap();
        assert_eq!(
            embedded, reference,
            "copy shared/reference/sdm.json to dsgvo-core/data/"
        );
    }
    let sdm = sdm_catalog();
    assert_eq!(sdm.goals.len(), 7);
    assert_eq!(sdm.bausteine.len(), 9);
    assert!(sdm.caveats().iter().any(|c| c.contains("not re-checked")));
    assert!(
        sdm.attribution
            .contains("Datenlizenz Deutschland – Namensnennung – Version 2.0")
    );
    // The unverified wording of the generic measures stays marked.
    assert!(
        sdm.goals
            .iter()
            .all(|g| g.generic_measures_source.contains("UNVERIFIED"))
    );
}

#[test]
fn every_baseline_measure_cites_sdm_measures_that_exist() {
    let sdm = sdm_catalog();
    for m in ShopMeasure::ALL {
        let spec = m.spec();
        assert!(!spec.sdm.is_empty(), "{m:?}");
        for id in spec.sdm {
            assert!(
                sdm.measure(id).is_some(),
                "{m:?} cites unknown SDM measure {id}"
            );
        }
        assert!(!spec.keywords.is_empty() && !spec.goals.is_empty(), "{m:?}");
        assert!(
            spec.keywords.iter().all(|k| *k == k.to_lowercase()),
            "{m:?}"
        );
    }
    // Each Baustein measure cited does what the baseline measure does, read
    // in the SDM text (Bausteine V1.0 of the catalogue): not a measure of
    // another purpose that shares a word (Baustein 61 "Berichtigen" is about
    // channels to data subjects, M51.S10 evaluates systems after an update).
    let cited = |m: ShopMeasure| m.spec().sdm.to_vec();
    assert_eq!(cited(ShopMeasure::Tls), ["D1-VT-07"]);
    assert_eq!(
        cited(ShopMeasure::AdminMfa),
        ["D1-VT-02", "M51.S05", "M11.S18"]
    );
    assert_eq!(
        sdm.measure("M11.S18").unwrap().text_de,
        "Zwei-Faktor-Authentisierung"
    );
    assert!(!cited(ShopMeasure::SecurityUpdates).contains(&"M51.S10"));
    assert!(cited(ShopMeasure::StaffTraining).contains(&"M51.P26"));
    assert!(
        sdm.measure("M51.P26")
            .unwrap()
            .text_de
            .starts_with("Schulen von Beschäftigten")
    );
    for m in ShopMeasure::ALL {
        assert!(
            !m.spec().sdm.iter().any(|id| id.starts_with("M61.")),
            "{m:?}: Baustein 61 (Berichtigen) concerns rectification, not security"
        );
    }
    // The attribution names exactly the Bausteine cited, with their versions.
    let mut cited_bausteine: Vec<String> = ShopMeasure::ALL
        .iter()
        .flat_map(|m| m.spec().sdm.iter())
        .filter_map(|id| id.strip_prefix('M').map(|r| r[..2].to_string()))
        .collect();
    cited_bausteine.sort();
    cited_bausteine.dedup();
    let listed = format!(
        "Bausteine {} und {} in den Fassungen V1.0 und V1.0a",
        cited_bausteine[..cited_bausteine.len() - 1].join(", "),
        cited_bausteine.last().unwrap()
    );
    assert!(SDM_ATTRIBUTION.contains(&listed), "{listed}");
    // Encryption at rest: SDM Baustein 11 lists it from protection need "hoch".
    assert_eq!(
        sdm.measure("M11.D07").unwrap().from_need.as_deref(),
        Some("hoch")
    );
    assert_eq!(
        ShopMeasure::EncryptionAtRest.spec().required_from,
        ProtectionNeed::High
    );
}

#[test]
fn classic_control_areas_map_onto_the_goals_of_the_reference() {
    let sdm: Value = serde_json::from_str(include_str!("../data/sdm.json")).unwrap();
    let controls = sdm["mappings"]["old_bdsg_9_annex_controls"]["controls"]
        .as_array()
        .unwrap();
    assert_eq!(controls.len(), ControlArea::CLASSIC.len());
    for (control, area) in controls.iter().zip(ControlArea::CLASSIC) {
        let goals: Vec<&str> = area.goals().iter().map(|g| g.sdm_id()).collect();
        let expected: Vec<&str> = control["sdm_goals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g.as_str().unwrap())
            .collect();
        assert_eq!(goals, expected, "{}", control["name_de"]);
        let name = control["name_de"].as_str().unwrap();
        assert_eq!(ControlArea::from_heading(name), Some(*area), "{name}");
    }
    // § 64(3) BDSG terms are read into an area.
    for (name, area) in BDSG_64_3 {
        assert_eq!(ControlArea::from_heading(name), Some(*area), "{name}");
    }
    assert_eq!(
        ControlArea::from_heading("2.1 Verfügbarkeitskontrolle"),
        Some(ControlArea::Availability)
    );
}

#[test]
fn importing_a_small_shop_template_gives_coverage_flags_the_non_measure_and_lists_gaps() {
    let report = fixture();
    let areas: Vec<Option<ControlArea>> = report.sections.iter().map(|s| s.area).collect();
    let classic: Vec<Option<ControlArea>> = [
        ControlArea::PhysicalAccess,
        ControlArea::SystemAccess,
        ControlArea::DataAccess,
        ControlArea::Transfer,
        ControlArea::Input,
        ControlArea::Processor,
        ControlArea::Availability,
        ControlArea::Separation,
    ]
    .into_iter()
    .map(Some)
    .collect();
    assert_eq!(areas, classic);
    assert_eq!(
        report.preamble.len(),
        2,
        "title lines are kept: {:?}",
        report.preamble
    );
    let c = &report.checklist;
    // Nothing dropped: eleven measures, two statements that are none.
    assert_eq!(
        (c.items.len(), c.non_measures.len()),
        (11, 2),
        "{:?}",
        c.non_measures
    );
    // The indented line continues the item above.
    let rbac = c.item("data_access.1").unwrap();
    assert!(
        rbac.statement.ends_with("keine Zahlungsdaten."),
        "{}",
        rbac.statement
    );
    assert_eq!(rbac.measure, Some(ShopMeasure::LeastPrivilege));
    assert_eq!(
        c.item("transfer.1").unwrap().measure,
        Some(ShopMeasure::Tls)
    );
    assert_eq!(
        c.item("system_access.2").unwrap().measure,
        Some(ShopMeasure::SecurityUpdates)
    );

    let e = evaluate(c, d("2026-11-22"), Language::De);
    // The non-measures are reported with their reason and count for nothing.
    let reported: Vec<(&str, &str)> = e
        .non_measures
        .iter()
        .map(|n| (n.statement.as_str(), n.reason.code.as_str()))
        .collect();
    assert_eq!(
        reported,
        [
            (
                "Die Integrität unserer Mitarbeiter steht außer Frage.",
                "belief_not_measure"
            ),
            ("Unsere Systeme sind sehr stabil.", "vague_claim"),
        ]
    );
    assert_eq!(e.non_measures[0].line, Some(15));
    assert!(
        e.lint
            .iter()
            .all(|f| f.reason.code == "no_responsible_party"),
        "{:?}",
        e.lint
    );
    // Nobody is named responsible in the document.
    assert_eq!(e.lint.len(), 11);

    // Coverage: the eight classic areas leave data minimisation and
    // intervenability uncovered.
    let goal = |g: ProtectionGoal| e.by_goal.iter().find(|c| c.goal == g).unwrap();
    assert_eq!(goal(ProtectionGoal::DataMinimisation).items_in_place, 0);
    assert_eq!(goal(ProtectionGoal::Intervenability).items_in_place, 0);
    let vt = goal(ProtectionGoal::Confidentiality);
    assert!(vt.items_in_place >= 8);
    assert!(vt.missing.contains(&ShopMeasure::AdminMfa));
    let uncovered: Vec<&str> = e
        .reasons
        .iter()
        .filter(|r| r.code == "goal_uncovered")
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(uncovered.len(), 2, "{uncovered:?}");
    assert!(uncovered[0].contains("Datenminimierung"));
    // Availability: one of two required measures (backups, not restore tests).
    assert_eq!(
        (
            goal(ProtectionGoal::Availability).required,
            goal(ProtectionGoal::Availability).met
        ),
        (3, 2)
    );

    // Gaps against the baseline for normal protection need.
    let gaps: Vec<ShopMeasure> = e.gaps.iter().map(|g| g.measure).collect();
    assert_eq!(
        gaps,
        [
            ShopMeasure::AdminMfa,
            ShopMeasure::PasswordHashing,
            ShopMeasure::RestoreTests,
            ShopMeasure::BreachProcedure,
            ShopMeasure::ProcessorReview,
            ShopMeasure::DataProtectionOfficer,
            ShopMeasure::ConfidentialityCommitment,
            ShopMeasure::StaffTraining,
            ShopMeasure::DeletionConcept,
            ShopMeasure::SubjectRightsProcedure,
            ShopMeasure::PrivacyDefaults,
        ]
    );
    assert!(e.gaps.iter().all(|g| g.reason.code == "gap_missing"));
    assert!(e.reasons.iter().any(|r| r.code == "dpo_duty_not_assessed"));
    // Imported measures carry no date: every one is due for review.
    assert_eq!(e.overdue_reviews.len(), 11);
    assert!(e.overdue_reviews.iter().all(|o| o.due.is_none()));
    let art32 = |p: Art32Point| e.by_art32.iter().find(|c| c.point == p).unwrap();
    assert!(
        art32(Art32Point::C)
            .missing
            .contains(&ShopMeasure::RestoreTests)
    );
}

#[test]
fn a_higher_protection_need_requires_more_and_reviews_sooner() {
    let normal = ShopMeasure::required_at(ProtectionNeed::Normal);
    let high = ShopMeasure::required_at(ProtectionNeed::High);
    let very_high = ShopMeasure::required_at(ProtectionNeed::VeryHigh);
    assert!(normal.len() < high.len() && high.len() < very_high.len());
    assert!(normal.iter().all(|m| high.contains(m)));
    assert_eq!(very_high.len(), ShopMeasure::ALL.len());
    let mut c = fixture().checklist;
    c.protection_need = ProtectionNeed::High;
    let e = evaluate(&c, d("2026-11-22"), Language::En);
    assert!(
        e.gaps
            .iter()
            .any(|g| g.measure == ShopMeasure::EncryptionAtRest
                && g.reason.text.contains("from protection need high"))
    );
    assert_eq!(e.review_interval_months, 6);
}

#[test]
fn a_breach_naming_missing_encryption_at_rest_turns_the_item_deficient() {
    let mut c = Checklist::baseline("Beispiel Shop GmbH", ProtectionNeed::High, Language::De);
    let on = d("2026-03-02");
    c.apply(
        "encryption_at_rest",
        ItemAction::Implement {
            owner: Some("IT".into()),
        },
        on,
        "DSB",
    )
    .unwrap();
    c.apply(
        "encryption_at_rest",
        ItemAction::Verify {
            evidence: "BitLocker-Bericht".into(),
        },
        on,
        "DSB",
    )
    .unwrap();
    c.apply(
        "password_hashing",
        ItemAction::MarkNotApplicable {
            reason: "keine Kundenkonten".into(),
        },
        on,
        "DSB",
    )
    .unwrap();
    let before = evaluate(&c, d("2026-11-19"), Language::De);
    assert!(
        !before
            .gaps
            .iter()
            .any(|g| g.measure == ShopMeasure::EncryptionAtRest)
    );

    // The breach facts name the failed measures themselves.
    let facts = BreachFacts::from_json(
        &with(json!({
            "cause": "stolen_device", "malicious": true,
            "confidentiality": { "recipients": "unknown", "exfiltrated": "unknown" },
            "protection": { "encryption": "none", "password_hashing": "weak" },
            "reference": "2026-017"
        }))
        .to_string(),
    )
    .unwrap();
    let failed = failed_measures(&facts, Language::De);
    assert_eq!(
        failed.iter().map(|f| f.measure).collect::<Vec<_>>(),
        [ShopMeasure::EncryptionAtRest, ShopMeasure::PasswordHashing]
    );
    let link = BreachLink::reference("2026-017");
    let changed = c
        .record_breach(&link, &failed, d("2026-11-20"), "DSB", Language::De)
        .unwrap();
    assert_eq!(changed.len(), 2);
    let item = c.item("encryption_at_rest").unwrap();
    assert!(
        matches!(&item.state, ItemState::Deficient { breach, .. } if breach.reference == "2026-017")
    );
    assert_eq!(item.history.last().unwrap().from, StateName::Verified);
    // The breach shows hashing applies after all: the item is re-opened.
    assert!(matches!(
        c.item("password_hashing").unwrap().state,
        ItemState::Deficient { .. }
    ));

    let e = evaluate(&c, d("2026-11-22"), Language::De);
    let gap = e
        .gaps
        .iter()
        .find(|g| g.measure == ShopMeasure::EncryptionAtRest)
        .unwrap();
    assert_eq!(gap.reason.code, "gap_deficient");
    assert!(
        gap.reason.text.contains("2026-017") && gap.reason.text.contains("nicht verschlüsselt")
    );
    assert!(gap.reason.source.contains("Art. 32 Abs. 1 lit. a DSGVO"));
    let vt = e
        .by_goal
        .iter()
        .find(|g| g.goal == ProtectionGoal::Confidentiality)
        .unwrap();
    assert_eq!(vt.items_deficient, 2);
    assert!(
        e.items
            .iter()
            .any(|i| i.id.0 == "encryption_at_rest" && i.status == ItemStatus::Deficient)
    );

    // A measure the checklist lacks gets a new, deficient item.
    let mut empty = Checklist::new("Shop", ProtectionNeed::Normal);
    let changed = empty
        .record_breach(&link, &failed[..1], d("2026-11-20"), "DSB", Language::En)
        .unwrap();
    assert_eq!(changed[0].0, "encryption_at_rest");
    assert_eq!(empty.items[0].area, Some(ControlArea::Encryption));
    // Remedy: implement again, then verify.
    let err = c
        .apply(
            "encryption_at_rest",
            ItemAction::MarkNotApplicable {
                reason: "egal".into(),
            },
            d("2026-11-21"),
            "DSB",
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            TomError::Refused {
                state: StateName::Deficient,
                ..
            }
        ),
        "{err}"
    );
    c.apply(
        "encryption_at_rest",
        ItemAction::Implement { owner: None },
        d("2026-11-21"),
        "IT",
    )
    .unwrap();
}

#[test]
fn a_case_links_its_breach_to_the_checklist() {
    use dsgvo_core::case::{Case, CaseId};
    let facts = BreachFacts::from_json(
        &with(json!({ "reference": "2026-042", "protection": { "encryption": "weak" } }))
            .to_string(),
    )
    .unwrap();
    let case = Case::open(
        CaseId("C-42".into()),
        facts.clone(),
        dsgvo_core::Timestamp::parse("2026-11-20T10:00:00+01:00").unwrap(),
        "DSB",
    )
    .unwrap();
    let link = BreachLink::to_case(&case);
    assert_eq!(link.reference, "2026-042");
    assert_eq!(link.case_id.as_ref().unwrap().0, "C-42");
    let mut c = Checklist::new("Shop", ProtectionNeed::Normal);
    c.record_breach(
        &link,
        &failed_measures(case.facts(), Language::En),
        d("2026-11-20"),
        "DSB",
        Language::En,
    )
    .unwrap();
    let json: Value = serde_json::from_str(&c.to_json()).unwrap();
    assert_eq!(json["items"][0]["state"]["breach"]["case_id"], "C-42");
}

#[test]
fn review_dates_across_month_ends_and_leap_years() {
    for (last, months, due) in [
        ("2026-08-31", 6, "2027-02-28"),
        ("2027-08-31", 6, "2028-02-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2028-02-29", 12, "2029-02-28"),
        ("2027-11-30", 3, "2028-02-29"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-12-15", 3, "2027-03-15"),
        ("2026-03-31", 1, "2026-04-30"),
    ] {
        assert_eq!(review_due(d(last), months), d(due), "{last} + {months}");
    }
    let mut c = Checklist::new("Shop", ProtectionNeed::High);
    c.add(TomItem::planned(
        "backup",
        "Tägliches Backup",
        Some(ControlArea::Availability),
    ))
    .unwrap();
    c.apply(
        "backup",
        ItemAction::Implement {
            owner: Some("IT".into()),
        },
        d("2027-08-01"),
        "DSB",
    )
    .unwrap();
    c.apply(
        "backup",
        ItemAction::Verify {
            evidence: "Restore-Test".into(),
        },
        d("2027-08-31"),
        "DSB",
    )
    .unwrap();
    let item = c.item("backup").unwrap();
    let status = |today: &str| item.status(d(today), c.review_months());
    assert_eq!(
        status("2028-02-28"),
        ItemStatus::Verified {
            review_due: d("2028-02-29")
        }
    );
    assert_eq!(
        status("2028-02-29"),
        ItemStatus::ReviewDue {
            due: Some(d("2028-02-29")),
            days_overdue: Some(0)
        }
    );
    assert_eq!(
        status("2028-03-31"),
        ItemStatus::ReviewDue {
            due: Some(d("2028-02-29")),
            days_overdue: Some(31)
        }
    );
    let e = evaluate(&c, d("2028-03-01"), Language::En);
    assert_eq!(e.overdue_reviews[0].days_overdue, Some(1));
    // A custom interval overrides the protection need's.
    c.review_interval_months = Some(12);
    assert!(matches!(
        c.item("backup")
            .unwrap()
            .status(d("2028-03-01"), c.review_months()),
        ItemStatus::Verified { .. }
    ));
    // A review cannot predate the last one.
    let err = c
        .apply(
            "backup",
            ItemAction::Verify {
                evidence: "x".into(),
            },
            d("2027-08-30"),
            "DSB",
        )
        .unwrap_err();
    assert!(err.to_string().contains("predate"), "{err}");
}

#[test]
fn the_lifecycle_refuses_what_it_must_and_changes_nothing_then() {
    let mut c = Checklist::baseline("Shop", ProtectionNeed::Normal, Language::En);
    let on = d("2026-11-20");
    let before = c.clone();
    let refusals = [
        (
            "tls",
            ItemAction::Verify {
                evidence: "A+".into(),
            },
            "refused in state planned",
        ),
        (
            "tls",
            ItemAction::Implement { owner: None },
            "responsible party",
        ),
        (
            "tls",
            ItemAction::Implement {
                owner: Some(" ".into()),
            },
            "owner: must not be blank",
        ),
        (
            "tls",
            ItemAction::MarkNotApplicable { reason: " ".into() },
            "requires a reason",
        ),
        ("tls", ItemAction::Plan, "already planned"),
        (
            "tls",
            ItemAction::MarkDeficient {
                breach: BreachLink::reference(""),
                finding: "x".into(),
            },
            "reference must not be blank",
        ),
        ("nope", ItemAction::Plan, "no such item"),
    ];
    for (id, action, message) in refusals {
        let err = c.apply(id, action, on, "DSB").unwrap_err();
        assert!(err.to_string().contains(message), "{err}");
    }
    let err = c
        .apply(
            "tls",
            ItemAction::Implement {
                owner: Some("IT".into()),
            },
            on,
            " ",
        )
        .unwrap_err();
    assert!(err.to_string().contains("actor"), "{err}");
    assert_eq!(c, before, "nothing changed");

    c.apply(
        "tls",
        ItemAction::AssignOwner { owner: "IT".into() },
        on,
        "DSB",
    )
    .unwrap();
    c.apply("tls", ItemAction::Implement { owner: None }, on, "DSB")
        .unwrap();
    c.apply(
        "tls",
        ItemAction::Verify {
            evidence: "SSL Labs A+".into(),
        },
        on,
        "Prüfer",
    )
    .unwrap();
    let item = c.item("tls").unwrap();
    assert!(matches!(&item.state, ItemState::Verified { by, .. } if by == "Prüfer"));
    let steps: Vec<(StateName, StateName)> = item.history.iter().map(|e| (e.from, e.to)).collect();
    assert_eq!(
        steps,
        [
            (StateName::Planned, StateName::Planned),
            (StateName::Planned, StateName::Implemented),
            (StateName::Implemented, StateName::Verified),
        ]
    );
    assert!(matches!(
        c.add(TomItem::planned("tls", "TLS", None)),
        Err(TomError::DuplicateItem { .. })
    ));
}

#[test]
fn checklists_round_trip_and_bad_input_names_the_field() {
    let mut c = fixture().checklist;
    // Only the headcount assessed: the other grounds are open, so the
    // DPO stays required (a flag left out is not a "no").
    c.dpo = Some(dsgvo_core::dpo::DpoFacts {
        german: true,
        persons_processing_automatically: 6,
        ..Default::default()
    });
    let dpo_gap = |c: &Checklist| {
        evaluate(c, d("2026-11-22"), Language::De)
            .gaps
            .iter()
            .any(|g| g.measure == ShopMeasure::DataProtectionOfficer)
    };
    assert!(dpo_gap(&c));
    c.dpo = Some(dsgvo_core::dpo::DpoFacts {
        german: true,
        persons_processing_automatically: 6,
        public_body: Some(false),
        large_scale_monitoring: Some(false),
        large_scale_special_categories: Some(false),
        dpia_required: Some(false),
        commercial_transfer_or_research: Some(false),
    });
    let text = c.to_json();
    assert_eq!(Checklist::from_json(&text).unwrap(), c);
    // With the DPO duty assessed (6 persons, no other ground): no gap.
    assert!(!dpo_gap(&c));
    let e = evaluate(&c, d("2026-11-22"), Language::De);
    assert!(e.reasons.iter().any(|r| r.source.contains("§ 38")));

    let bad = |edit: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&text).unwrap();
        edit(&mut v);
        let err = Checklist::from_json(&v.to_string()).unwrap_err();
        (err.first().path.clone(), err.first().kind, err.to_string())
    };
    let (path, kind, _) = bad(&|v| v["schema"] = "dsgvo.tom-checklist/2".into());
    assert_eq!(
        (path.as_str(), kind),
        ("schema", ErrorKind::UnsupportedSchema)
    );
    let (path, kind, _) = bad(&|v| v["items"][1]["id"] = v["items"][0]["id"].clone());
    assert_eq!(
        (path.as_str(), kind),
        ("items[1].id", ErrorKind::Inconsistent)
    );
    let (path, _, _) = bad(&|v| v["review_interval_months"] = 0.into());
    assert_eq!(path, "review_interval_months");
    let (path, kind, _) = bad(&|v| v["items"][0]["colour"] = "red".into());
    assert_eq!(
        (path.as_str(), kind),
        ("items[0].colour", ErrorKind::UnknownField)
    );
    let (path, _, msg) =
        bad(&|v| v["items"][0]["state"] = json!({ "status": "not_applicable", "reason": "" }));
    assert_eq!(path, "items[0].state.reason", "{msg}");
    let (path, kind, _) = bad(&|v| v["items"][0]["measure"] = "firewall_of_doom".into());
    assert_eq!(
        (path.as_str(), kind),
        ("items[0].measure", ErrorKind::UnknownValue)
    );
    let err = ItemAction::from_json(r#"{"action": "verify"}"#).unwrap_err();
    assert_eq!(err.first().kind, ErrorKind::MissingField, "{err}");
    let err = ItemAction::from_json(r#"{"action": "approve"}"#).unwrap_err();
    assert!(err.to_string().contains("approve"), "{err}");
    assert_eq!(
        ItemAction::from_json(r#"{"action": "mark_not_applicable", "reason": "kein Büro"}"#)
            .unwrap(),
        ItemAction::MarkNotApplicable {
            reason: "kein Büro".into()
        }
    );
    let empty = import_document("", "Shop", ProtectionNeed::Normal).unwrap_err();
    assert_eq!(empty.errors[0].path, ".", "{empty}");
    let nameless =
        import_document("# Zutrittskontrolle\n- Tür", " ", ProtectionNeed::Normal).unwrap_err();
    assert_eq!(nameless.errors[0].path, "organisation");
    assert_eq!(nameless.errors[0].kind, dsgvo_core::ErrorKind::InvalidValue);
}

fn golden_checklist() -> Checklist {
    let mut c = fixture().checklist;
    let on = d("2026-03-01");
    for id in ["system_access.1", "system_access.2", "transfer.1"] {
        c.apply(
            id,
            ItemAction::AssignOwner {
                owner: "IT (M. Muster)".into(),
            },
            on,
            "DSB",
        )
        .unwrap();
    }
    c.apply(
        "transfer.1",
        ItemAction::Verify {
            evidence: "SSL-Labs-Test A+".into(),
        },
        on,
        "DSB",
    )
    .unwrap();
    c.add(TomItem::planned(
        "mfa",
        "Zwei-Faktor-Anmeldung für das Shop-Backend",
        Some(ControlArea::SystemAccess),
    ))
    .unwrap();
    let mut defaults = TomItem::planned(
        "defaults",
        "Newsletter nur mit Opt-in; Gastbestellung möglich",
        Some(ControlArea::PrivacyByDefault),
    );
    defaults.state = ItemState::NotApplicable {
        reason: "Der Shop hat keinen Newsletter.".into(),
    };
    c.add(defaults).unwrap();
    c.record_breach(
        &BreachLink::reference("2026-017"),
        &[FailedMeasure {
            measure: ShopMeasure::EncryptionAtRest,
            finding: "Kundenexport auf gestohlenem Laptop unverschlüsselt".into(),
        }],
        d("2026-11-20"),
        "DSB",
        Language::De,
    )
    .unwrap();
    c.scope = Some(TomScope {
        processing: vec!["Onlineshop: Bestellung, Zahlung, Versand".into()],
        systems: vec!["Shopware 6 beim Hoster".into(), "DATEV".into()],
        service_providers: vec![
            "Hoster".into(),
            "Zahlungsdienstleister".into(),
            "Versanddienstleister".into(),
        ],
        data_categories: vec![
            "Identitätsdaten".into(),
            "Kontaktdaten".into(),
            "Bestelldaten".into(),
        ],
    });
    c.protection_need_reason = Some(
        "Bestell- und Kontaktdaten ohne besondere Kategorien; ein Missbrauch führt zu begrenzten, behebbaren Nachteilen (Spam, Phishing).".into(),
    );
    c.approval = Some(Approval {
        version: "2.0".into(),
        approved_by: "Geschäftsführung".into(),
        approved_on: d("2026-03-01"),
    });
    c
}

/// The document says what the DPO evaluation says, shows the scope, the
/// reasoned protection need, version and approval, a real Art. 32(1)(d)
/// procedure, and encryption elsewhere under "Verschlüsselung".
#[test]
fn the_tom_document_an_authority_would_accept() {
    let mut c = Checklist::baseline("Beispiel Shop GmbH", ProtectionNeed::Normal, Language::De);
    let dpo_line = |c: &Checklist| {
        let doc = tom_document(
            c,
            d("2026-11-22"),
            Language::De,
            TomFormat::Markdown,
            &Templates::builtin(),
        )
        .unwrap();
        doc.lines()
            .find(|l| l.contains("Datenschutzbeauftragte"))
            .unwrap()
            .to_string()
    };
    // Not assessed: the DPO stays a planned measure.
    assert!(dpo_line(&c).contains("*geplant*"), "{}", dpo_line(&c));
    // Assessed, no duty: the document says so instead of "geplant".
    c.dpo = Some(dsgvo_core::dpo::DpoFacts {
        german: true,
        persons_processing_automatically: 5,
        public_body: Some(false),
        large_scale_monitoring: Some(false),
        large_scale_special_categories: Some(false),
        dpia_required: Some(false),
        commercial_transfer_or_research: Some(false),
    });
    assert!(
        dpo_line(&c).contains("*nicht erforderlich*"),
        "{}",
        dpo_line(&c)
    );
    // A flag left out: open, so still planned.
    c.dpo.as_mut().unwrap().dpia_required = None;
    assert!(dpo_line(&c).contains("*geplant*"), "{}", dpo_line(&c));

    let golden = golden_checklist();
    let doc = tom_document(
        &golden,
        d("2026-11-22"),
        Language::De,
        TomFormat::Markdown,
        &Templates::builtin(),
    )
    .unwrap();
    for needle in [
        "Version 2.0, freigegeben von Geschäftsführung am 01.03.2026",
        "- Systeme: Shopware 6 beim Hoster, DATEV",
        "- Begründung: Bestell- und Kontaktdaten ohne besondere Kategorien",
        "### Verschlüsselung (Art. 32 Abs. 1 lit. a DSGVO)",
        "(TLS 1.2 oder höher) erreichbar. (siehe Weitergabekontrolle)",
        "## Verfahren zur regelmäßigen Überprüfung (Art. 32 Abs. 1 lit. d DSGVO)",
        "davon 1 geprüft",
    ] {
        assert!(doc.contains(needle), "{needle}\n{doc}");
    }
    // Without scope, reason and approval the document says what is missing.
    let bare = tom_document(
        &c,
        d("2026-11-22"),
        Language::De,
        TomFormat::Markdown,
        &Templates::builtin(),
    )
    .unwrap();
    assert!(bare.contains("Version und Freigabe: noch nicht dokumentiert"));
    assert!(bare.contains("- Noch nicht beschrieben: Für welche Verarbeitungen"));
    assert!(bare.contains("- Begründung: noch nicht dokumentiert"));
}

#[test]
fn golden_tom_documents() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/tom");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let c = golden_checklist();
    let mut stale = Vec::new();
    for lang in Language::ALL {
        for (format, ext) in [(TomFormat::Markdown, "md"), (TomFormat::Html, "html")] {
            let doc =
                tom_document(&c, d("2026-11-22"), *lang, format, &Templates::builtin()).unwrap();
            let path = dir.join(format!("tom.{}.{ext}", lang.as_str()));
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &doc).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(doc.as_str()) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "changed documents (check, then UPDATE_GOLDEN=1):\n{}",
        stale.join("\n")
    );
    let html = tom_document(
        &c,
        d("2026-11-22"),
        Language::En,
        TomFormat::Html,
        &Templates::builtin(),
    )
    .unwrap();
    let mut hostile = c.clone();
    hostile.items[0].statement = "<script>alert(1)</script>".into();
    let escaped = tom_document(
        &hostile,
        d("2026-11-22"),
        Language::En,
        TomFormat::Html,
        &Templates::builtin(),
    )
    .unwrap();
    assert!(!escaped.contains("<script>") && html.contains("Timely restoration"));
}

#[test]
fn evaluations_are_deterministic_and_say_what_they_are() {
    let c = golden_checklist();
    let a = serde_json::to_string(&evaluate(&c, d("2026-11-22"), Language::En)).unwrap();
    let b = serde_json::to_string(&evaluate(&c, d("2026-11-22"), Language::En)).unwrap();
    assert_eq!(a, b);
    let e: Value = serde_json::from_str(&a).unwrap();
    assert_eq!(e["schema"], "dsgvo.tom-evaluation/1");
    assert!(
        e["disclaimer"]
            .as_str()
            .unwrap()
            .contains("not legal advice")
    );
    assert!(e["attribution"].as_str().unwrap().contains("dl-de/by-2-0"));
    for r in e["lint"]
        .as_array()
        .unwrap()
        .iter()
        .chain(e["reasons"].as_array().unwrap())
    {
        assert!(!r["source"].as_str().unwrap().is_empty(), "{r}");
    }
}

/// The most blocks `text` can give: one per non-empty line, and one more
/// for each place a sentence may end inside a line (`.`, `!` or `?`, a
/// space, an upper-case letter).
fn most_blocks(text: &str) -> usize {
    let ends = |line: &str| {
        let chars: Vec<char> = line.chars().collect();
        chars
            .windows(3)
            .filter(|w| {
                matches!(w[0], '.' | '!' | '?') && w[1].is_whitespace() && w[2].is_uppercase()
            })
            .count()
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| 1 + ends(l))
        .sum()
}

// Found by the property test below on a fresh clone (2026-12-04): a line of
// two sentences is two preamble entries ("İ" lower-cases to two characters,
// so it is no one-letter abbreviation), more blocks than lines.
#[test]
fn a_line_of_two_sentences_gives_two_blocks() {
    let text = "İ. İ\nİ. ẞ\n:\na";
    let report = import_document(text, "Shop", ProtectionNeed::Normal).unwrap();
    assert_eq!(report.preamble, ["İ.", "İ", "İ.", "ẞ"]);
    assert_eq!(report.sections.len(), 1);
    assert_eq!(most_blocks(text), 6);
}

proptest::proptest! {
    #[test]
    fn any_text_imports_or_fails_cleanly_into_a_valid_checklist(lines in proptest::collection::vec("[#*\\-•0-9. a-zA-ZäöüßİẞÄ:()]{0,40}", 0..30)) {
        let text = lines.join("\n");
        if let Ok(report) = import_document(&text, "Shop", ProtectionNeed::Normal) {
            let kept: usize = report.checklist.items.len() + report.sections.len() + report.preamble.len();
            // Continuation lines join an item, a line splits only into its
            // sentences; nothing else appears.
            proptest::prop_assert!(kept <= most_blocks(&text), "{} blocks of {:?}", kept, text);
            let e = evaluate(&report.checklist, d("2026-11-22"), Language::De);
            proptest::prop_assert_eq!(e.items.len(), report.checklist.items.len());
            let back = Checklist::from_json(&report.checklist.to_json());
            proptest::prop_assert!(back.is_ok(), "{:?}", back);
        }
    }
}

/// Art. 5(2) and 24(1): a measure in place needs someone who runs and reviews
/// it; a planned item is not in place yet and owes no owner.
#[test]
fn only_measures_in_place_need_an_owner() {
    let text = "# Zugangskontrolle\n\n- Der Zugang zum Shop-Backend erfordert einen zweiten Faktor.\n- Geplant: Die Festplatten der Notebooks werden mit BitLocker verschlüsselt.\n";
    let report = import_document(text, "Beispiel Shop GmbH", ProtectionNeed::Normal).unwrap();
    let c = &report.checklist;
    let planned: Vec<bool> = c
        .items
        .iter()
        .map(|i| matches!(i.state, ItemState::Planned))
        .collect();
    assert_eq!(planned, [false, true], "{:?}", c.items);
    let e = evaluate(c, d("2026-11-22"), Language::En);
    let owners: Vec<&str> = e
        .lint
        .iter()
        .filter(|f| f.reason.code == "no_responsible_party")
        .map(|f| f.item.0.as_str())
        .collect();
    assert_eq!(owners, [c.items[0].id.0.as_str()]);
}

/// `item` saying `statement` instead, linked to its baseline measure or
/// not.
fn restated(item: &TomItem, statement: &str, linked: bool) -> TomItem {
    let mut item = item.clone();
    item.statement = statement.into();
    if !linked {
        item.measure = None;
    }
    item
}

/// A statement of belief or a vague claim describes no measure, even when
/// marked implemented; a statement naming a control does, and so does an
/// item linked to a baseline measure (issue 22: with `is_measure` always
/// true, beliefs counted as measures unnoticed).
#[test]
fn beliefs_and_vague_claims_are_no_measures_and_controls_are() {
    let report = fixture();
    let updates = report.checklist.item("system_access.2").unwrap();
    assert!(is_measure(updates), "{}", updates.statement);
    let with = |statement: &str, linked: bool| restated(updates, statement, linked);
    let belief = "Die Integrität unserer Mitarbeiter steht außer Frage.";
    for text in [belief, "Unsere Systeme sind sehr stabil."] {
        assert!(!is_measure(&with(text, false)), "{text}");
    }
    // Our rule: the keeper's link to a baseline measure is their statement
    // that the measure is in place, whatever the words around it.
    assert!(updates.measure.is_some());
    assert!(is_measure(&with(belief, true)));
}

/// The lint of one item (Art. 24(1), Art. 32(1), Art. 5(2) GDPR): a belief
/// is reported as a belief, in the reader's language, unless the keeper
/// linked the item to a baseline measure; a claim that names no control is
/// reported as such.
#[test]
fn the_lint_names_beliefs_and_claims_without_a_control_in_the_readers_language() {
    let report = fixture();
    let mut base = report.checklist.item("system_access.2").unwrap().clone();
    base.owner = Some("IT-Leitung".into());
    let item = |statement: &str, linked: bool| restated(&base, statement, linked);
    let codes = |item: &TomItem| -> Vec<String> {
        lint(item, Language::De)
            .into_iter()
            .map(|f| f.reason.code.as_str().to_string())
            .collect()
    };
    let belief = item(
        "Die Integrität unserer Mitarbeiter steht außer Frage.",
        false,
    );
    let de = lint(&belief, Language::De);
    assert_eq!(de.len(), 1, "{de:?}");
    assert_eq!(de[0].reason.code, "belief_not_measure");
    assert!(
        de[0]
            .reason
            .text
            .contains("ist eine Überzeugung („außer Frage“)"),
        "{}",
        de[0].reason.text
    );
    assert_eq!(de[0].reason.source, "Art. 24 Abs. 1, Art. 32 Abs. 1 DSGVO");
    let en = lint(&belief, Language::En);
    assert!(
        en[0].reason.text.contains("states a belief"),
        "{}",
        en[0].reason.text
    );
    assert_eq!(en[0].reason.source, "Art. 24(1), Art. 32(1) GDPR");

    // Linked to a baseline measure by its keeper: no finding about the words.
    let linked = item(
        "Die Integrität unserer Mitarbeiter steht außer Frage.",
        true,
    );
    assert!(codes(&linked).is_empty(), "{:?}", codes(&linked));
    // A claim without a control.
    let vague = item("Regelmäßige Kontrollen finden statt.", false);
    assert_eq!(codes(&vague), ["no_control"]);
    // A control named: nothing to say.
    let control = item("Alle Zugriffe werden protokolliert.", false);
    assert!(codes(&control).is_empty(), "{:?}", codes(&control));
}
