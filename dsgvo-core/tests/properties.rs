//! Properties over random input: the Art. 33(1) deadline for any awareness
//! time, offset and summer-time change; lossless JSON round trips of the
//! versioned types (facts, verdict, TOM checklist; the case in
//! `case_properties.rs`).

mod common;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, Offset as _, TimeZone, Timelike, Utc,
    Weekday,
};
use common::with;
use dsgvo_core::tom::{Checklist, ProtectionNeed};
use dsgvo_core::{AssessmentOptions, BreachFacts, DeadlineRule, Language, Verdict, triage};
use proptest::prelude::*;
use serde_json::json;

/// The last Sunday of `month` in `year`, 01:00 UTC: when the EU changes to
/// or from summer time.
fn eu_change(year: i32, month: u32) -> DateTime<Utc> {
    let mut d = NaiveDate::from_ymd_opt(year, month + 1, 1).unwrap() - Duration::days(1);
    while d.weekday() != Weekday::Sun {
        d -= Duration::days(1);
    }
    Utc.from_utc_datetime(&d.and_hms_opt(1, 0, 0).unwrap())
}

/// An awareness time: anywhere from 25 May 2018 (when the GDPR applies) to
/// 2040 with any offset a caller may write, or within the 80 hours before
/// an EU summer-time change with the German offsets.
fn aware_at() -> impl Strategy<Value = DateTime<FixedOffset>> {
    let anywhere =
        (1_527_206_400i64..2_208_988_800, -48i32..=56).prop_map(|(secs, quarter_hours)| {
            let offset = FixedOffset::east_opt(quarter_hours * 15 * 60).unwrap();
            Utc.timestamp_opt(secs, 0).unwrap().with_timezone(&offset)
        });
    let before_a_change = (
        2019i32..2040,
        prop::bool::ANY,
        0i64..80 * 3600,
        prop::bool::ANY,
    )
        .prop_map(|(year, spring, before, summer)| {
            let change = eu_change(year, if spring { 3 } else { 10 });
            let offset = FixedOffset::east_opt(if summer { 7200 } else { 3600 }).unwrap();
            (change - Duration::seconds(before)).with_timezone(&offset)
        });
    prop_oneof![anywhere, before_a_change]
}

/// A breach that must be notified, aware at `aware`, in `country`.
fn notifiable(aware: DateTime<FixedOffset>, country: &str) -> dsgvo_core::ValidFacts {
    let facts = with(json!({
        "controller": { "country": country, "region": if country == "DE" { json!("DE-BY") } else { json!(null) } },
        "aware_at": aware.to_rfc3339(),
        "cause": "hacking",
        "malicious": true,
        "data_categories": ["identity", "contact", "payment_card"],
        "data_subjects": { "count": 2500 },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
    }));
    BreachFacts::from_json(&facts.to_string()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_deadline_is_never_earlier_than_72_hours_after_awareness(
        aware in aware_at(),
        country in prop::sample::select(vec!["DE", "FR", "IE", "PT", "FI", "CY", "IS"]),
        regulation in prop::bool::ANY,
    ) {
        let rule = if regulation { DeadlineRule::Regulation118271 } else { DeadlineRule::Exact72h };
        let facts = notifiable(aware, country);
        let verdict = triage(&facts, &AssessmentOptions { deadline_rule: rule, ..Default::default() });
        let deadline = verdict.authority_deadline.expect("a notifiable breach has a deadline");
        let elapsed = deadline - aware.with_timezone(&Utc);
        prop_assert!(elapsed >= Duration::hours(72), "{aware} -> {deadline}");
        match rule {
            DeadlineRule::Exact72h => prop_assert_eq!(elapsed, Duration::hours(72)),
            DeadlineRule::Regulation118271 => {
                prop_assert!(elapsed <= Duration::hours(73), "{aware} -> {deadline}");
                // Counting starts at a full hour of the caller's clock.
                let on_their_clock = deadline.with_timezone(aware.offset());
                prop_assert_eq!((on_their_clock.minute(), on_their_clock.second()), (0, 0));
            }
        }
        // The local reading is the same instant, on the clock of the
        // controller's country (its capital's zone), whatever offset the
        // caller wrote.
        let local = verdict.authority_deadline_local.as_deref().expect("EU controllers get a local deadline");
        let local = DateTime::parse_from_rfc3339(local).unwrap();
        prop_assert_eq!(local.with_timezone(&Utc), deadline);
        let zone = match country {
            "DE" => "Europe/Berlin", "FR" => "Europe/Paris", "IE" => "Europe/Dublin",
            "PT" => "Europe/Lisbon", "FI" => "Europe/Helsinki", "CY" => "Asia/Nicosia",
            _ => "Atlantic/Reykjavik",
        };
        prop_assert_eq!(verdict.time_zone.as_deref(), Some(zone));
        let tz: chrono_tz::Tz = zone.parse().unwrap();
        prop_assert_eq!(local.offset().local_minus_utc(), deadline.with_timezone(&tz).offset().fix().local_minus_utc());
    }

    #[test]
    fn facts_and_verdicts_round_trip_through_json(
        aware in aware_at(),
        count in 1u64..10_000_000_000,
        categories in prop::sample::subsequence(
            dsgvo_core::facts::DataCategory::ALL.to_vec(), 1..6),
        english in prop::bool::ANY,
    ) {
        let mut facts = serde_json::to_value(&*notifiable(aware, "DE")).unwrap();
        facts["data_categories"] = json!(categories);
        facts["data_subjects"]["count"] = json!(count);
        let text = facts.to_string();
        let parsed = BreachFacts::from_json(&text).unwrap();
        let again = BreachFacts::from_json(&serde_json::to_string(&*parsed).unwrap()).unwrap();
        prop_assert_eq!(&*again, &*parsed);
        let language = if english { Language::En } else { Language::De };
        let verdict = triage(&parsed, &AssessmentOptions { language, ..Default::default() });
        let back = Verdict::from_json(&verdict.to_json()).unwrap();
        prop_assert_eq!(&back, &verdict);
        prop_assert_eq!(back.to_json(), verdict.to_json());
    }

    #[test]
    fn tom_checklists_round_trip_through_json(
        need in prop::sample::select(vec![ProtectionNeed::Normal, ProtectionNeed::High, ProtectionNeed::VeryHigh]),
        organisation in "[\\PC]{1,40}",
        english in prop::bool::ANY,
    ) {
        prop_assume!(!organisation.trim().is_empty());
        let language = if english { Language::En } else { Language::De };
        let c = Checklist::baseline(&organisation, need, language);
        let json = serde_json::to_string(&c).unwrap();
        let back = Checklist::from_json(&json).unwrap();
        prop_assert_eq!(&back, &c);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
}

#[test]
fn the_strategy_reaches_both_summer_time_changes() {
    // 2026: 29 March and 25 October.
    assert_eq!(eu_change(2026, 3).to_rfc3339(), "2026-03-29T01:00:00+00:00");
    assert_eq!(
        eu_change(2026, 10).to_rfc3339(),
        "2026-10-25T01:00:00+00:00"
    );
    let aware = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, 27, 12, 0, 0)
        .unwrap();
    let v = triage(&notifiable(aware, "DE"), &AssessmentOptions::default());
    // 72 absolute hours; the clock in Berlin shows 13:00 after the change.
    assert_eq!(
        v.authority_deadline_local.as_deref(),
        Some("2026-03-30T13:00:00+02:00")
    );
    assert!(v.authority_deadline.unwrap().hour() == 11);
}
