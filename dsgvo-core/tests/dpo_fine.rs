//! Each DPO rule (Art. 37(1) GDPR, § 38(1) BDSG) and the Art. 83 ceilings.

use dsgvo_core::Language;
use dsgvo_core::dpo::{BDSG_HEADCOUNT, DpoFacts, dpo_duty};
use dsgvo_core::fine::fine_ceilings;

fn shop(persons: u32) -> DpoFacts {
    DpoFacts {
        german: true,
        persons_processing_automatically: persons,
        ..Default::default()
    }
}

fn codes(f: &DpoFacts) -> (bool, Vec<String>) {
    let d = dpo_duty(f, Language::De);
    (
        d.required,
        d.reasons.into_iter().map(|r| r.code.to_string()).collect(),
    )
}

#[test]
fn headcount_threshold_of_section_38_bdsg() {
    assert_eq!(BDSG_HEADCOUNT, 20);
    let (required, c) = codes(&shop(19));
    assert!(!required);
    assert_eq!(c, ["no_dpo_duty"]);
    let (required, c) = codes(&shop(20));
    assert!(required);
    assert_eq!(
        c,
        [
            "bdsg_38_headcount",
            "art37_7_publish",
            "bdsg_38_2_protection"
        ]
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
}

#[test]
fn dpia_and_commercial_transfer_need_a_dpo_regardless_of_headcount() {
    assert_eq!(
        codes(&DpoFacts {
            dpia_required: true,
            ..shop(2)
        })
        .1[0],
        "bdsg_38_dpia"
    );
    assert_eq!(
        codes(&DpoFacts {
            commercial_transfer_or_research: true,
            ..shop(2)
        })
        .1[0],
        "bdsg_38_commercial"
    );
}

#[test]
fn article_37_1_a_b_c() {
    for (facts, code) in [
        (
            DpoFacts {
                public_body: true,
                ..Default::default()
            },
            "art37_1_a",
        ),
        (
            DpoFacts {
                large_scale_monitoring: true,
                ..Default::default()
            },
            "art37_1_b",
        ),
        (
            DpoFacts {
                large_scale_special_categories: true,
                ..Default::default()
            },
            "art37_1_c",
        ),
    ] {
        let (required, c) = codes(&facts);
        assert!(required, "{code}");
        assert_eq!(c, [code, "art37_7_publish"], "not German: no § 38(2) note");
    }
}

#[test]
fn every_reason_names_its_source_in_both_languages() {
    for lang in Language::ALL {
        for f in [
            shop(3),
            shop(25),
            DpoFacts {
                public_body: true,
                ..shop(0)
            },
        ] {
            for r in dpo_duty(&f, *lang).reasons {
                assert!(!r.text.is_empty() && !r.source.is_empty(), "{r:?}");
            }
        }
    }
}

#[test]
fn fine_ceilings_take_the_higher_of_fixed_amount_and_percentage() {
    // Without turnover (or not an undertaking): the fixed amounts.
    let f = fine_ceilings(None, Language::De);
    assert_eq!((f.art83_4_eur, f.art83_5_eur), (10_000_000, 20_000_000));
    // The edges: 2 % equals EUR 10 M at EUR 500 M; 4 % equals EUR 20 M at EUR 500 M.
    let edge = fine_ceilings(Some(500_000_000), Language::De);
    assert_eq!(
        (edge.art83_4_eur, edge.art83_5_eur),
        (10_000_000, 20_000_000)
    );
    let above = fine_ceilings(Some(500_000_050), Language::De);
    assert_eq!(
        (above.art83_4_eur, above.art83_5_eur),
        (10_000_001, 20_000_002)
    );
    let big = fine_ceilings(Some(120_000_000_000), Language::En);
    assert_eq!(
        (big.art83_4_eur, big.art83_5_eur),
        (2_400_000_000, 4_800_000_000)
    );
    assert!(big.reasons[0].text.contains("2,400,000,000"));
    // No overflow at the top of the range.
    let max = fine_ceilings(Some(u64::MAX), Language::En);
    assert_eq!(max.art83_5_eur, u64::MAX / 25);
    let de = fine_ceilings(Some(3_000_000), Language::De);
    assert!(
        de.reasons[0].text.contains("10.000.000 EUR"),
        "{}",
        de.reasons[0].text
    );
    assert!(de.reasons[2].text.contains("Obergrenzen"));
}
