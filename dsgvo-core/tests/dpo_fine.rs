//! Each DPO rule (Art. 37(1) GDPR, § 38 BDSG), how § 38(1) counts, and the
//! Art. 83 ceilings on the undertaking's turnover — expectations from the
//! provisions and judgments, not from the engine.

// Amounts in cents are written `euros_cents` (17_620_000_00 is EUR 17,620,000.00).
#![allow(clippy::inconsistent_digit_grouping)]

use dsgvo_core::Language;
use dsgvo_core::dpo::{
    BDSG_HEADCOUNT, DpoFacts, DpoOutcome, Engagement, Staff, count_persons, dpo_duty,
};
use dsgvo_core::fine::{Bound, FineFacts, TurnoverBasis, fine_ceilings, fine_ceilings_for};

/// A German shop with every flag assessed as "no".
fn shop(persons: u32) -> DpoFacts {
    DpoFacts {
        german: true,
        persons_processing_automatically: persons,
        public_body: Some(false),
        large_scale_monitoring: Some(false),
        large_scale_special_categories: Some(false),
        dpia_required: Some(false),
        commercial_transfer_or_research: Some(false),
    }
}

fn codes(f: &DpoFacts) -> (DpoOutcome, Vec<String>) {
    let d = dpo_duty(f, Language::De);
    assert_eq!(d.required, d.outcome == DpoOutcome::Required);
    (
        d.outcome,
        d.reasons.into_iter().map(|r| r.code.to_string()).collect(),
    )
}

const GERMAN_NOTES: [&str; 3] = ["bdsg_38_counting", "bdsg_38_2_protection", "art37_2_group"];
const CONSEQUENCES: [&str; 3] = ["art37_7_publish", "art37_5_6_choice", "art38_3_6_position"];

#[test]
fn headcount_threshold_of_section_38_bdsg() {
    assert_eq!(BDSG_HEADCOUNT, 20);
    let (outcome, c) = codes(&shop(19));
    assert_eq!(outcome, DpoOutcome::NotRequired);
    assert_eq!(c, [&["no_dpo_duty"][..], &GERMAN_NOTES].concat());
    let (outcome, c) = codes(&shop(20));
    assert_eq!(outcome, DpoOutcome::Required);
    assert_eq!(
        c,
        [&["bdsg_38_headcount"][..], &CONSEQUENCES, &GERMAN_NOTES].concat()
    );
}

fn person(engagement: Engagement) -> Staff {
    Staff {
        engagement,
        processes_personal_data: true,
        integrated: true,
        seasonal_only: false,
    }
}

/// § 38(1) sentence 1 BDSG counts persons ("Personen"), regularly ("in der
/// Regel") and permanently ("ständig") engaged in automated processing.
#[test]
fn section_38_counts_heads_under_normal_staffing() {
    use Engagement::*;
    // One row per rule: (staff, persons counted).
    let rows: Vec<(Vec<Staff>, u32)> = vec![
        // 24 part-timers at half time are 12 FTE but 24 heads.
        (vec![person(Employee); 24], 24),
        // Trainees count.
        (vec![person(Trainee); 3], 3),
        // Integrated temporary agency workers and freelancers count ...
        (vec![person(TemporaryAgency), person(Freelancer)], 2),
        // ... not when they work from their own organisation.
        (
            vec![
                Staff {
                    integrated: false,
                    ..person(TemporaryAgency)
                },
                Staff {
                    integrated: false,
                    ..person(Freelancer)
                },
                person(ExternalProvider),
            ],
            0,
        ),
        // The Christmas help is not "in der Regel".
        (
            vec![
                Staff {
                    seasonal_only: true,
                    ..person(Employee)
                };
                10
            ],
            0,
        ),
        // Warehouse staff without automated processing of personal data.
        (
            vec![
                Staff {
                    processes_personal_data: false,
                    ..person(Employee)
                };
                5
            ],
            0,
        ),
    ];
    for (staff, expected) in rows {
        assert_eq!(count_persons(&staff), expected, "{staff:?}");
    }
    // 12 FTE in 24 heads: the duty follows the heads.
    let heads = count_persons(&[person(Employee); 24]);
    assert_eq!(codes(&shop(heads)).0, DpoOutcome::Required);
    // 15 core staff and 10 Christmas temps: normal staffing is 15, no duty.
    let mut december = vec![person(Employee); 15];
    december.extend(vec![
        Staff {
            seasonal_only: true,
            ..person(TemporaryAgency)
        };
        10
    ]);
    assert_eq!(
        codes(&shop(count_persons(&december))).0,
        DpoOutcome::NotRequired
    );
    // The guidance is part of the answer, with its source marked unverified.
    let d = dpo_duty(&shop(3), Language::De);
    let r = d
        .reasons
        .iter()
        .find(|r| r.code == "bdsg_38_counting")
        .unwrap();
    assert!(
        r.text.contains("Köpfe, nicht Vollzeitstellen") && r.text.contains("Weihnachtsgeschäft")
    );
    assert!(
        r.source.contains("NICHT GEPRÜFT") && r.source.contains("unsere Festlegung"),
        "{}",
        r.source
    );
}

/// Art. 37(2): per legal entity; a group may share one DPO.
#[test]
fn each_entity_of_a_group_is_assessed_on_its_own() {
    // A group of three shops with 12 persons each: 36 in the group, no
    // entity at 20 — no duty for any of them.
    let entity = shop(12);
    assert_eq!(codes(&entity).0, DpoOutcome::NotRequired);
    let d = dpo_duty(&entity, Language::En);
    let r = d
        .reasons
        .iter()
        .find(|r| r.code == "art37_2_group")
        .unwrap();
    assert_eq!(r.source, "Art. 37(2) GDPR");
    assert!(r.text.contains("per controller and per processor"));
}

/// A flag left out is "not assessed", never a "no".
#[test]
fn a_flag_not_assessed_leaves_the_answer_open() {
    for flag in [
        "public_body",
        "large_scale_monitoring",
        "large_scale_special_categories",
        "dpia_required",
        "commercial_transfer_or_research",
    ] {
        let mut json = serde_json::to_value(shop(5)).unwrap();
        json.as_object_mut().unwrap().remove(flag);
        let f: DpoFacts = serde_json::from_value(json).unwrap();
        let d = dpo_duty(&f, Language::De);
        assert_eq!(d.outcome, DpoOutcome::Open, "{flag}");
        assert!(!d.required);
        assert_eq!(d.open_questions, [flag]);
        let r = d
            .reasons
            .iter()
            .find(|r| r.code == "dpo_duty_open")
            .unwrap();
        assert!(r.text.contains(flag));
        assert!(!d.reasons.iter().any(|r| r.code == "no_dpo_duty"), "{flag}");
    }
    // Open flags do not matter once a duty is established.
    let f = DpoFacts {
        dpia_required: None,
        ..shop(25)
    };
    assert_eq!(dpo_duty(&f, Language::En).outcome, DpoOutcome::Required);
    // Outside Germany the § 38 flags are not asked.
    let foreign = DpoFacts {
        german: false,
        dpia_required: None,
        commercial_transfer_or_research: None,
        ..shop(500)
    };
    assert_eq!(
        dpo_duty(&foreign, Language::En).outcome,
        DpoOutcome::NotRequired
    );
}

#[test]
fn section_38_applies_only_under_german_law() {
    let foreign = DpoFacts {
        german: false,
        ..shop(500)
    };
    let d = dpo_duty(&foreign, Language::En);
    assert!(!d.required);
    assert!(d.reasons[0].text.contains("Art. 37(4)"));
    assert!(
        !d.reasons
            .iter()
            .any(|r| r.code.as_str().starts_with("bdsg"))
    );
}

#[test]
fn dpia_and_commercial_transfer_need_a_dpo_regardless_of_headcount() {
    assert_eq!(
        codes(&DpoFacts {
            dpia_required: Some(true),
            ..shop(2)
        })
        .1[0],
        "bdsg_38_dpia"
    );
    assert_eq!(
        codes(&DpoFacts {
            commercial_transfer_or_research: Some(true),
            ..shop(2)
        })
        .1[0],
        "bdsg_38_commercial"
    );
}

#[test]
fn article_37_1_a_b_c() {
    let foreign = |f: DpoFacts| DpoFacts { german: false, ..f };
    for (facts, code) in [
        (
            foreign(DpoFacts {
                public_body: Some(true),
                ..shop(0)
            }),
            "art37_1_a",
        ),
        (
            foreign(DpoFacts {
                large_scale_monitoring: Some(true),
                ..shop(0)
            }),
            "art37_1_b",
        ),
        (
            foreign(DpoFacts {
                large_scale_special_categories: Some(true),
                ..shop(0)
            }),
            "art37_1_c",
        ),
    ] {
        let (outcome, c) = codes(&facts);
        assert_eq!(outcome, DpoOutcome::Required, "{code}");
        assert_eq!(
            c,
            [&[code][..], &CONSEQUENCES, &["art37_2_group"]].concat(),
            "not German: no § 38 notes"
        );
    }
}

/// § 38(2) BDSG: § 6(5) sentence 2 and (6) for every DPO of a private body,
/// § 6(4) only where the designation is mandatory.
#[test]
fn section_38_2_states_which_protection_applies() {
    let voluntary = dpo_duty(&shop(5), Language::De);
    let r = voluntary
        .reasons
        .iter()
        .find(|r| r.code == "bdsg_38_2_protection")
        .unwrap();
    assert!(r.text.contains("§ 6 Abs. 5 Satz 2 BDSG") && r.text.contains("§ 6 Abs. 6 BDSG"));
    assert!(
        r.text
            .contains("bei einer freiwilligen Benennung also nicht"),
        "{}",
        r.text
    );
    assert_eq!(
        r.source,
        "§ 38 Abs. 2 BDSG i. V. m. § 6 Abs. 4, Abs. 5 Satz 2, Abs. 6 BDSG"
    );
    let mandatory = dpo_duty(&shop(25), Language::De);
    let r = mandatory
        .reasons
        .iter()
        .find(|r| r.code == "bdsg_38_2_protection")
        .unwrap();
    assert!(r.text.contains("hier also auch er"), "{}", r.text);
}

#[test]
fn every_reason_names_its_source_in_both_languages() {
    for lang in Language::ALL {
        for f in [
            shop(3),
            shop(25),
            DpoFacts {
                public_body: Some(true),
                ..shop(0)
            },
            DpoFacts {
                dpia_required: None,
                ..shop(0)
            },
        ] {
            for r in dpo_duty(&f, *lang).reasons {
                assert!(!r.text.is_empty() && !r.source.is_empty(), "{r:?}");
                if *lang == Language::De {
                    assert!(
                        !r.source.contains("GDPR") && !r.source.contains("sentence"),
                        "{r:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn fine_ceilings_take_the_higher_of_fixed_amount_and_percentage() {
    // Without turnover: the fixed amounts, as a lower bound.
    let f = fine_ceilings(None, Language::De);
    assert_eq!((f.art83_4_eur, f.art83_5_eur), (10_000_000, 20_000_000));
    assert_eq!(f.art83_4.bound, Bound::AtLeast);
    // The edges: 2 % equals EUR 10 M at EUR 500 M; 4 % equals EUR 20 M at EUR 500 M.
    let edge = fine_ceilings(Some(500_000_000), Language::De);
    assert_eq!(
        (edge.art83_4.cents, edge.art83_5.cents),
        (10_000_000_00, 20_000_000_00)
    );
    assert_eq!(edge.art83_4.bound, Bound::Exact);
    let above = fine_ceilings(Some(500_000_050), Language::De);
    assert_eq!(
        (above.art83_4.cents, above.art83_5.cents),
        (10_000_001_00, 20_000_002_00)
    );
    let big = fine_ceilings(Some(120_000_000_000), Language::En);
    assert_eq!(
        (big.art83_4_eur, big.art83_5_eur),
        (2_400_000_000, 4_800_000_000)
    );
    assert!(
        big.reasons[1].text.contains("EUR 2,400,000,000.00"),
        "{}",
        big.reasons[1].text
    );
    // No overflow at the top of the range.
    let max = fine_ceilings(Some(u64::MAX), Language::En);
    assert_eq!(max.art83_5.cents, u64::MAX / 25);
    let de = fine_ceilings(Some(3_000_000), Language::De);
    assert!(
        de.reasons[1].text.contains("10.000.000,00 EUR"),
        "{}",
        de.reasons[1].text
    );
    assert!(de.reasons[4].text.contains("Obergrenzen"));
}

fn cents(undertaking: Option<u64>, own: Option<u64>, group: Option<bool>) -> FineFacts {
    FineFacts {
        undertaking_turnover_cents: undertaking,
        own_turnover_cents: own,
        part_of_group: group,
    }
}

/// Amounts in cents, exact: 2 % and 4 % of a turnover with cents, cut off
/// below one cent (a ceiling never exceeds the percentage).
#[test]
fn fine_ceilings_are_exact_in_cents_around_eur_500_million() {
    for (turnover, four, five) in [
        // EUR 500,000,000.00: the percentages equal the fixed amounts.
        (500_000_000_00, 10_000_000_00, 20_000_000_00),
        // One cent more: 2 % is 10,000,000.0002 — still the fixed amount.
        (500_000_000_01, 10_000_000_00, 20_000_000_00),
        // Fifty cents more: 2 % adds one cent, 4 % two cents.
        (500_000_000_50, 10_000_000_01, 20_000_000_02),
        // EUR 499,999,999.99: below, the fixed amounts.
        (499_999_999_99, 10_000_000_00, 20_000_000_00),
        // EUR 1,234,567,890.12: 24,691,357.8024 and 49,382,715.6048.
        (1_234_567_890_12, 24_691_357_80, 49_382_715_60),
    ] {
        let f = fine_ceilings_for(&cents(Some(turnover), None, None), Language::En).unwrap();
        assert_eq!(
            (f.art83_4.cents, f.art83_5.cents),
            (four, five),
            "{turnover}"
        );
        assert_eq!(f.basis, TurnoverBasis::Undertaking);
    }
}

/// CJEU C-383/23 ILVA: ILVA's own turnover about EUR 241 M, the Lars Larsen
/// Group's about EUR 881 M (figures as summarised for the judgment); the
/// group's turnover sets the ceiling.
#[test]
fn the_group_turnover_sets_the_ceiling_ilva() {
    let ilva = fine_ceilings_for(
        &cents(Some(881_000_000_00), Some(241_000_000_00), Some(true)),
        Language::En,
    )
    .unwrap();
    assert_eq!(
        (ilva.art83_4.cents, ilva.art83_5.cents),
        (17_620_000_00, 35_240_000_00)
    );
    assert_eq!(ilva.art83_4.bound, Bound::Exact);
    assert!(ilva.reasons[0].source.contains("C-383/23"));
    assert!(ilva.reasons[0].source.contains("C-807/21"));
    // The subsidiary's own turnover alone would give the fixed amounts —
    // and with the group unknown, they are only a lower bound.
    let own =
        fine_ceilings_for(&cents(None, Some(241_000_000_00), Some(true)), Language::De).unwrap();
    assert_eq!(
        (own.art83_4.cents, own.art83_4.bound, own.basis),
        (10_000_000_00, Bound::AtLeast, TurnoverBasis::OwnOnly)
    );
    assert!(own.reasons[1].text.starts_with("Höchstbetrag mindestens "));
    // Not in a group: the own turnover is the undertaking's, exactly.
    let alone = fine_ceilings_for(
        &cents(None, Some(881_000_000_00), Some(false)),
        Language::En,
    )
    .unwrap();
    assert_eq!(
        (alone.art83_4.cents, alone.art83_4.bound, alone.basis),
        (17_620_000_00, Bound::Exact, TurnoverBasis::OwnNotInGroup)
    );
    // Group membership not assessed: a lower bound as well.
    let open = fine_ceilings_for(&cents(None, Some(881_000_000_00), None), Language::En).unwrap();
    assert_eq!(open.art83_4.bound, Bound::AtLeast);
}

#[test]
fn contradicting_turnovers_are_refused_naming_the_field() {
    let e = fine_ceilings_for(&cents(Some(100), Some(200), None), Language::En).unwrap_err();
    assert!(
        e.to_string().starts_with("undertaking_turnover_cents: "),
        "{e}"
    );
    let e = fine_ceilings_for(&cents(Some(300), Some(200), Some(false)), Language::En).unwrap_err();
    assert!(e.to_string().starts_with("part_of_group: "), "{e}");
}

/// Art. 83(3): linked infringements together at most the gravest ceiling.
#[test]
fn linked_infringements_are_capped_by_the_gravest() {
    let f = fine_ceilings_for(&cents(Some(2_000_000_000_00), None, None), Language::De).unwrap();
    assert_eq!(f.linked_infringements, f.art83_5);
    let r = f.reasons.iter().find(|r| r.code == "art83_3").unwrap();
    assert_eq!(r.source, "Art. 83 Abs. 3 DSGVO");
    assert!(
        r.text.contains("40.000.000,00 EUR") && r.text.contains("80.000.000,00 EUR"),
        "{}",
        r.text
    );
}

/// The reasons state the rule with its figures: the fixed amount of the
/// paragraph, the percentage and its base, and cite the paragraph.
#[test]
fn each_ceiling_reason_states_its_paragraph_amounts_and_base() {
    let f = fine_ceilings_for(&cents(Some(2_000_000_000_00), None, None), Language::En).unwrap();
    let r4 = f.reasons.iter().find(|r| r.code == "art83_4").unwrap();
    assert_eq!(
        r4.text,
        "Ceiling EUR 40,000,000.00: the higher of EUR 10,000,000.00 and 2 % of the total worldwide annual turnover of the preceding financial year (EUR 40,000,000.00 of EUR 2,000,000,000.00)."
    );
    assert_eq!(r4.source, "Art. 83(4) GDPR (includes Art. 32, 33, 34)");
    let r5 = f.reasons.iter().find(|r| r.code == "art83_5").unwrap();
    assert_eq!(
        r5.text,
        "Ceiling EUR 80,000,000.00: the higher of EUR 20,000,000.00 and 4 % of the total worldwide annual turnover of the preceding financial year (EUR 80,000,000.00 of EUR 2,000,000,000.00)."
    );
    assert_eq!(r5.source, "Art. 83(5), (6) GDPR");
    let de = fine_ceilings_for(&cents(None, Some(100_000_00), None), Language::De).unwrap();
    let r4 = de.reasons.iter().find(|r| r.code == "art83_4").unwrap();
    assert_eq!(
        r4.text,
        "Höchstbetrag mindestens 10.000.000,00 EUR: der höhere Wert aus 10.000.000,00 EUR und 2 % des weltweiten Jahresumsatzes des vorangegangenen Geschäftsjahrs (2.000,00 EUR von 100.000,00 EUR)."
    );
    assert_eq!(r4.source, "Art. 83 Abs. 4 DSGVO (umfasst Art. 32, 33, 34)");
}

/// An undertaking's turnover equal to the entity's own is consistent,
/// whether or not it belongs to a group (a group whose other members have
/// no turnover).
#[test]
fn equal_own_and_undertaking_turnovers_are_consistent() {
    for group in [None, Some(true), Some(false)] {
        let f = fine_ceilings_for(
            &cents(Some(600_000_000_00), Some(600_000_000_00), group),
            Language::En,
        )
        .unwrap_or_else(|e| panic!("{group:?}: {e}"));
        assert_eq!(
            (f.art83_4.cents, f.art83_4.bound),
            (12_000_000_00, Bound::Exact)
        );
    }
}

/// `integrated` left out of a staff entry means integrated (the usual
/// case); a freelancer so given counts.
#[test]
fn staff_read_from_json_default_to_integrated() {
    let staff: Vec<Staff> = serde_json::from_str(
        r#"[{"engagement": "freelancer", "processes_personal_data": true},
            {"engagement": "temporary_agency", "processes_personal_data": true, "integrated": false}]"#,
    )
    .unwrap();
    assert_eq!(count_persons(&staff), 1);
}
