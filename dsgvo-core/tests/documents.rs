//! Documents: golden snapshots for three calibration cases in DE and EN, the
//! Art. 33(3)(a)–(d) and Art. 34(2) elements, lateness, supplements,
//! templates that shops override, and streaming of letters.
//! `UPDATE_GOLDEN=1 cargo test -p dsgvo-core --test documents` rewrites the snapshots.

mod common;

use chrono::{Duration, Utc};
use common::{case_file, with};
use dsgvo_core::document::{
    DocumentError, LetterFormat, Messages, Notification, NotificationRequest, Phase, Recipient,
    Templates, bundle, letters,
};
use dsgvo_core::facts::DataCategory;
use dsgvo_core::{AssessedBreach, AssessmentOptions, BreachFacts, Language};
use serde_json::{Value, json};

fn case(name: &str, lang: Language) -> AssessedBreach {
    let text = std::fs::read_to_string(case_file(name)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let facts = BreachFacts::from_json(&v["facts"].to_string()).unwrap();
    let mut options = match v.get("options") {
        Some(o) => AssessmentOptions::from_json(&o.to_string()).unwrap(),
        None => AssessmentOptions::default(),
    };
    options.language = lang;
    AssessedBreach::new(facts, &options)
}

fn a_day_after(facts: &BreachFacts) -> chrono::DateTime<Utc> {
    facts.aware_at.to_utc() + Duration::hours(24)
}

#[test]
fn golden_documents() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    // (case, hours after awareness, delay reasons)
    let late = Some("Die forensische Untersuchung des Dienstleisters dauerte an.");
    for (name, hours, reasons) in [
        ("shipping-label", 24, None),
        ("interface-leak-merchant", 24, None),
        ("edpb-01-2021-case-11", 24, None),
        // a processor: the notice to its controllers, no notification, no letters
        ("interface-leak-processor", 24, None),
        // a controller under Art. 3(2): one notification per authority
        ("class10-us-shop-three-member-states", 24, None),
        // card data confirmed stolen
        ("class05-card-skimming-on-checkout", 24, None),
        // an encrypted laptop: documented, not notified
        ("class01-encrypted-laptop-stolen", 24, None),
        // a late notification with the reasons for the delay
        ("class07-online-pharmacy-customer-list", 100, late),
        // a middle risk: the authority is notified, the customers are not
        ("class08-ten-thousand-newsletter-addresses", 24, None),
        // a high risk with the Art. 34(3)(b) exemption
        ("class09-passwords-reset-not-published", 24, None),
        // the notify-always policy on a breach unlikely to result in a risk
        ("shipping-label-notify-always", 24, None),
    ] {
        for lang in Language::ALL {
            let breach = case(name, *lang);
            let facts = breach.facts();
            let now = facts.aware_at.to_utc() + Duration::hours(hours);
            let docs = bundle(&breach, &Templates::builtin(), now, reasons).unwrap();
            assert!(docs.len() >= 6, "{name}");
            for d in docs {
                let path = dir.join(name).join(&d.file_name);
                if update {
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(&path, &d.content).unwrap();
                } else if std::fs::read_to_string(&path).ok().as_deref() != Some(d.content.as_str())
                {
                    stale.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "changed documents (check, then UPDATE_GOLDEN=1):\n{}",
        stale.join("\n")
    );
}

fn complete_facts() -> Value {
    with(json!({
        "summary": "Ein Angreifer hat über ein veraltetes Plugin die Kundendatenbank kopiert.",
        "description_for_subjects": "Ein Angreifer hat über eine Sicherheitslücke in unserem Shop Kundendaten kopiert.",
        "cause": "hacking", "malicious": true,
        "data_categories": ["identity", "contact", "order"],
        "data_subjects": { "count": { "min": 1200, "max": 1500 }, "residence": ["DE", "AT"] },
        "records": { "min": 3000, "max": 4000 },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" },
        "controller": { "contact": { "name": "Dr. Datenschutz", "email": "dsb@example.de", "phone": "+49 89 123" } },
        "occurred": { "from": "2026-11-18T00:00:00+01:00" },
        "discovered_by": "Warnung des Hosting-Anbieters",
        "measures_taken": ["Plugin entfernt", "Passwörter zurückgesetzt"],
        "measures_proposed": ["Updates wöchentlich einspielen"]
    }))
}

/// The complete facts and their verdict in `lang`.
fn complete(lang: Language) -> AssessedBreach {
    AssessedBreach::new(
        common::parse(&complete_facts()).unwrap(),
        &AssessmentOptions {
            language: lang,
            ..Default::default()
        },
    )
}

fn notification(
    breach: &AssessedBreach,
    now: chrono::DateTime<Utc>,
    reasons: Option<&str>,
) -> Result<Notification, DocumentError> {
    let request = NotificationRequest {
        now,
        phase: Phase::Initial,
        authority_reference: None,
        delay_reasons: reasons.map(str::to_string),
    };
    Notification::new(breach, &request, None, Messages::builtin())
}

#[test]
fn notification_has_every_art_33_3_element() {
    for lang in Language::ALL {
        let breach = complete(*lang);
        let (facts, verdict) = (breach.facts(), breach.verdict());
        let n = notification(&breach, a_day_after(facts), None).unwrap();
        let text = n.markdown(&Templates::builtin()).unwrap();
        // (a) nature, categories and approximate numbers of people and records
        let (people, records) = match lang {
            Language::De => ("1.200–1.500", "3.000–4.000"),
            Language::En => ("1,200–1,500", "3,000–4,000"),
        };
        for needle in ["Ein Angreifer hat", people, records] {
            assert!(text.contains(needle), "{lang}: (a) {needle}");
        }
        for c in &n.breach.data_categories {
            assert!(text.contains(c), "{lang}: (a) category {c}");
        }
        // (b) DPO or contact point
        assert!(
            text.contains("Dr. Datenschutz") && text.contains("dsb@example.de"),
            "{lang}: (b)"
        );
        // (c) likely consequences
        assert!(!n.breach.consequences.is_empty());
        for c in &n.breach.consequences {
            assert!(text.contains(c), "{lang}: (c) {c}");
        }
        // (d) measures taken and proposed
        for m in [
            "Plugin entfernt",
            "Passwörter zurückgesetzt",
            "Updates wöchentlich einspielen",
        ] {
            assert!(text.contains(m), "{lang}: (d) {m}");
        }
        // German authority forms: times, discovery, informed or not, cross-border, § 43(4) BDSG
        for needle in ["Warnung des Hosting-Anbieters", "AT", "§ 43"] {
            assert!(text.contains(needle), "{lang}: {needle}");
        }
        assert!(text.contains(&n.subjects_informed));
        assert!(text.contains(&verdict.disclaimer));
    }
}

#[test]
fn a_late_notification_cannot_be_produced_without_delay_reasons() {
    let breach = complete(Language::De);
    let verdict = breach.verdict();
    let late = verdict.authority_deadline.unwrap() + Duration::minutes(1);
    let err = notification(&breach, late, None).unwrap_err();
    assert!(
        matches!(err, DocumentError::DelayReasonsRequired { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("Art. 33(1)"));
    assert!(
        matches!(
            notification(&breach, late, Some("   ")),
            Err(DocumentError::DelayReasonsRequired { .. })
        ),
        "blank reasons are no reasons"
    );
    assert!(matches!(
        bundle(&breach, &Templates::builtin(), late, None),
        Err(DocumentError::DelayReasonsRequired { .. })
    ));

    let n = notification(
        &breach,
        late,
        Some("Der Dienstleister hat uns erst am Montag informiert."),
    )
    .unwrap();
    let text = n.markdown(&Templates::builtin()).unwrap();
    assert!(n.late);
    assert!(text.contains("Gründe für die Verzögerung") && text.contains("erst am Montag"));
    // On time: no delay section.
    let on_time = notification(&breach, verdict.authority_deadline.unwrap(), None).unwrap();
    assert!(!on_time.late);
}

#[test]
fn supplements_carry_the_reference_and_only_what_changed() {
    let before = common::parse(&complete_facts()).unwrap();
    let mut changed = complete_facts();
    common::merge(
        &mut changed,
        json!({ "records": 3650, "measures_taken": ["Plugin entfernt", "Passwörter zurückgesetzt", "Kunden informiert"] }),
    );
    let after = AssessedBreach::new(
        common::parse(&changed).unwrap(),
        &AssessmentOptions::default(),
    );
    let mut request = NotificationRequest {
        now: a_day_after(after.facts()),
        phase: Phase::Supplement,
        authority_reference: None,
        delay_reasons: None,
    };
    assert_eq!(
        Notification::new(&after, &request, Some(&before), Messages::builtin()).unwrap_err(),
        DocumentError::SupplementWithoutReference
    );
    request.authority_reference = Some("LDA-1085.3-12345/26".into());
    let n = Notification::new(&after, &request, Some(&before), Messages::builtin()).unwrap();
    let fields: Vec<&str> = n.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["measures_taken", "records"]);
    let text = n.markdown(&Templates::builtin()).unwrap();
    assert!(text.contains("LDA-1085.3-12345/26") && text.contains("Kunden informiert"));
    assert!(
        !text.contains("Art der Verletzung (Art. 33 Abs. 3 lit. a)"),
        "a supplement repeats nothing unchanged"
    );
}

fn recipient(name: &str, affected: &[&str]) -> Recipient {
    serde_json::from_value(json!({ "name": name, "affected": affected })).unwrap()
}

#[test]
fn letter_has_every_art_34_2_element_in_plain_language() {
    for lang in Language::ALL {
        let breach = complete(*lang);
        let verdict = breach.verdict();
        let r = recipient("Erika Mustermann", &["contact"]);
        let letter = letters(&Templates::builtin(), &breach, LetterFormat::Text, [r])
            .next()
            .unwrap()
            .unwrap();
        let t = &letter.content;
        assert!(t.contains("Erika Mustermann"));
        assert!(
            t.contains("Sicherheitslücke in unserem Shop"),
            "{lang}: nature"
        );
        assert!(
            !t.contains("veraltetes Plugin"),
            "{lang}: the authority summary is not the customers' text"
        );
        assert!(
            t.contains("dsb@example.de"),
            "{lang}: contact point (Art. 33(3)(b))"
        );
        // Art. 34(2) with 33(3)(c): each likely consequence, in words a
        // customer reads (a sentence, not the bare Recital 85 noun).
        let heading = if *lang == Language::De {
            "Was kann das für Sie bedeuten?"
        } else {
            "What can this mean for you?"
        };
        let section: Vec<&str> = t
            .split(heading)
            .nth(1)
            .unwrap()
            .lines()
            .skip(1)
            .take_while(|l| l.starts_with("- "))
            .collect();
        assert_eq!(section.len(), verdict.harms.len(), "{lang}: {section:?}");
        for (line, c) in section.iter().zip(&verdict.harms) {
            let noun = dsgvo_core::label::Label::label(c, *lang);
            assert!(
                line.ends_with('.') && line.len() > noun.len() + 10,
                "{lang}: {c}: {line}"
            );
        }
        assert!(
            t.contains("Plugin entfernt"),
            "{lang}: measures (Art. 33(3)(d))"
        );
        assert!(
            t.contains(if *lang == Language::De {
                "Kontaktdaten"
            } else {
                "contact details"
            }),
            "{lang}: their data"
        );
        assert!(
            !t.contains("Identitätsdaten") && !t.contains("identity data"),
            "{lang}: only their own data"
        );
        for jargon in [
            "Art. 34",
            "Verantwortliche",
            "betroffene Person",
            "data subject",
        ] {
            assert!(
                !t.contains(jargon),
                "{lang}: legal jargon {jargon:?} in a letter"
            );
        }
        assert!(
            t.contains(if *lang == Language::De {
                "Seien Sie vorsichtig"
            } else {
                "Be careful"
            }),
            "{lang}: phishing advice"
        );
    }
}

#[test]
fn advice_follows_from_the_data() {
    let facts = common::parse(&with(json!({
        "cause": "hacking", "data_categories": ["identity", "credentials", "payment_card", "bank_account"],
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
    })))
    .unwrap();
    let breach = AssessedBreach::new(facts.clone(), &AssessmentOptions::default());
    let advice = dsgvo_core::document::advice(
        &breach,
        &facts.data_categories,
        Messages::builtin(),
        Language::De,
    )
    .join("\n");
    for needle in [
        "Passwort",
        "Kreditkartenabrechnungen",
        "Kontoauszüge",
        "Identität",
    ] {
        assert!(advice.contains(needle), "{needle}");
    }
}

#[test]
fn html_letters_escape_every_value() {
    let breach = complete(Language::De);
    let r = recipient("<script>alert(1)</script>", &[]);
    let letter = letters(&Templates::builtin(), &breach, LetterFormat::Html, [r])
        .next()
        .unwrap()
        .unwrap();
    assert!(!letter.content.contains("<script>"));
    assert!(letter.content.contains("&lt;script&gt;"));
}

#[test]
fn invalid_recipients_are_named() {
    let breach = complete(Language::De);
    let people = [
        recipient("A", &[]),
        recipient(" ", &[]),
        recipient("C", &["health"]),
    ];
    let results: Vec<_> =
        letters(&Templates::builtin(), &breach, LetterFormat::Text, people).collect();
    let first = &results[0].as_ref().unwrap().content;
    assert!(
        first.contains("Guten Tag A,"),
        "the valid recipient gets its letter: {first}"
    );
    assert_eq!(
        results[1].as_ref().unwrap_err().to_string(),
        "recipients[1].name: must not be empty"
    );
    assert!(
        results[2]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("recipients[2].affected:")
    );
}

#[test]
fn letters_stream_from_an_iterator() {
    let breach = complete(Language::De);
    let templates = Templates::builtin();
    // An endless source: only what is taken is ever rendered or held.
    let endless = (0u64..).map(|i| recipient(&format!("Kunde {i}"), &[]));
    let mut count = 0;
    for letter in letters(&templates, &breach, LetterFormat::Text, endless).take(10_000) {
        let letter = letter.unwrap();
        assert!(letter.content.contains(&format!("Kunde {count},")));
        count += 1;
    }
    assert_eq!(count, 10_000);
}

#[test]
fn a_shop_can_override_a_template() {
    let breach = complete(Language::De);
    let templates = Templates::builtin()
        .with_template("de/letter.txt", "Beispiel Shop · Briefkopf\n{{ recipient.greeting }}\n{% for a in advice %}* {{ a }}\n{% endfor %}")
        .unwrap();
    let letter = letters(
        &templates,
        &breach,
        LetterFormat::Text,
        [recipient("Erika", &[])],
    )
    .next()
    .unwrap()
    .unwrap();
    assert!(
        letter
            .content
            .starts_with("Beispiel Shop · Briefkopf\nGuten Tag Erika,\n* "),
        "{}",
        letter.content
    );
    assert!(templates.names().contains(&"de/letter.txt".to_string()));
}

#[test]
fn a_broken_template_names_itself_and_the_line() {
    let err = Templates::builtin()
        .with_template(
            "de/letter.txt",
            "Zeile 1\n{% for a in advice %}\n{{ a }\n{% endfor %}",
        )
        .unwrap_err();
    assert!(
        matches!(&err, DocumentError::Template { name, line: Some(3), .. } if name == "de/letter.txt"),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with("template de/letter.txt, line 3:"),
        "{err}"
    );

    // A template that parses but uses an unknown variable fails when rendering, with its line.
    let breach = complete(Language::De);
    let templates = Templates::builtin()
        .with_template("de/letter.txt", "Hallo\n{{ recipient.nickname }}")
        .unwrap();
    let err = letters(
        &templates,
        &breach,
        LetterFormat::Text,
        [recipient("E", &[])],
    )
    .next()
    .unwrap()
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("template de/letter.txt, line 2:"),
        "{err}"
    );
}

#[test]
fn every_builtin_template_renders_in_both_languages() {
    let names = Templates::builtin().names();
    assert_eq!(names.len(), dsgvo_core::document::BUILTIN.len());
    for lang in Language::ALL {
        let breach = complete(*lang);
        let (facts, verdict) = (breach.facts(), breach.verdict());
        let docs = bundle(&breach, &Templates::builtin(), a_day_after(facts), None).unwrap();
        for d in &docs {
            assert!(!d.content.trim().is_empty(), "{}", d.file_name);
            if !d.file_name.starts_with("letter") && !d.file_name.ends_with(".json") {
                // A notification in the authority's language carries the
                // disclaimer in that language.
                let own = if d.file_name.contains(".de.") {
                    "keine Rechtsberatung"
                } else {
                    "not legal advice"
                };
                assert!(
                    d.content.contains(&verdict.disclaimer) || d.content.contains(own),
                    "{} lacks the disclaimer",
                    d.file_name
                );
            }
        }
    }
}

/// `letters_parallel` on 1, 2 and 3 workers against `letters` for 3,000
/// recipients, recipient `i` with the own `affected` list `own(i)`: the
/// same letters in `format`, in order; and a blank name at `bad` stops a
/// run in `format_bad` there, with every letter before it handed out.
fn check_parallel_letters(
    format: LetterFormat,
    format_bad: LetterFormat,
    own: impl Fn(usize) -> Vec<DataCategory> + Copy,
    bad: usize,
) {
    let breach = case("shipping-label", Language::De);
    let people = |bad: Option<usize>| {
        (0..3000).map(move |i| Recipient {
            name: if Some(i) == bad {
                " ".into()
            } else {
                format!("Kundin {i}")
            },
            salutation: None,
            email: None,
            affected: own(i),
        })
    };
    let templates = Templates::builtin();
    let sequential: Vec<String> = letters(&templates, &breach, format, people(None))
        .map(|l| l.unwrap().content)
        .collect();
    for workers in [1, 2, 3] {
        let mut parallel = Vec::new();
        let n = dsgvo_core::document::letters_parallel(
            &templates,
            &breach,
            format,
            people(None),
            workers,
            |l| parallel.push(l.content),
        )
        .unwrap();
        assert_eq!((n, &parallel), (3000, &sequential), "{workers} workers");
        let mut sunk = 0;
        let err = dsgvo_core::document::letters_parallel(
            &templates,
            &breach,
            format_bad,
            people(Some(bad)),
            workers,
            |_| sunk += 1,
        )
        .unwrap_err();
        assert!(
            matches!(err, DocumentError::InvalidRecipient { index, .. } if index == bad),
            "{err}"
        );
        assert_eq!(sunk, bad);
    }
}

#[test]
fn parallel_letters_keep_the_order_and_stop_at_the_first_bad_recipient() {
    check_parallel_letters(LetterFormat::Html, LetterFormat::Text, |_| vec![], 1500);
}

#[test]
fn parallel_letters_hand_full_renderings_to_the_workers_in_order() {
    // The first 700 recipients are filled into the skeleton on the calling
    // thread; from the first with an own `affected` list on, the workers
    // render (and fill the ones without a list themselves).
    let breach = case("shipping-label", Language::De);
    let facts = breach.facts();
    let first = facts.data_categories[0];
    let own = move |i: usize| {
        if i >= 700 && i % 3 == 0 {
            vec![first]
        } else {
            vec![]
        }
    };
    let templates = Templates::builtin();
    let with_lists = |i: usize| {
        let r = Recipient {
            name: format!("Kundin {i}"),
            salutation: None,
            email: None,
            affected: own(i),
        };
        letters(&templates, &breach, LetterFormat::Text, [r])
            .next()
            .unwrap()
            .unwrap()
            .content
    };
    assert_ne!(
        with_lists(702).replace("702", "703"),
        with_lists(703),
        "own lists change the letter"
    );
    check_parallel_letters(LetterFormat::Text, LetterFormat::Text, own, 2000);
}

#[test]
fn a_runaway_shop_template_stops_with_a_template_error() {
    let breach = case("shipping-label", Language::De);
    for source in [
        "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
        "{% set s = 'x' * 10000000 %}{% for a in range(100000) %}{{ s }}{% endfor %}",
        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    ] {
        let t = Templates::builtin()
            .with_template("de/letter.txt", source)
            .unwrap();
        let people = [Recipient {
            name: "Kundin".into(),
            salutation: None,
            email: None,
            affected: vec![],
        }];
        let started = std::time::Instant::now();
        let err = letters(&t, &breach, LetterFormat::Text, people)
            .next()
            .unwrap()
            .unwrap_err();
        assert!(
            matches!(&err, DocumentError::Template { name, .. } if name == "de/letter.txt"),
            "{err}"
        );
        // Not a timing assertion: a guard against an endless loop in CI.
        assert!(started.elapsed().as_secs() < 60);
    }
}

#[test]
fn the_tom_document_of_the_largest_checklist_fits_the_template_budget() {
    use dsgvo_core::document::{TomFormat, tom_document};
    use dsgvo_core::tom::{Checklist, ProtectionNeed};
    let base = Checklist::baseline("Shop", ProtectionNeed::High, Language::De);
    let mut big = Checklist::new("Shop", ProtectionNeed::High);
    let mut size = 200;
    'fill: for n in 0.. {
        for item in &base.items {
            let mut item = item.clone();
            item.id = dsgvo_core::tom::ItemId(format!("{}-{n}", item.id.0));
            size += serde_json::to_string(&item).unwrap().len() + 1;
            if size > dsgvo_core::MAX_INPUT_BYTES {
                break 'fill;
            }
            big.items.push(item);
        }
    }
    let json = serde_json::to_string(&big).unwrap();
    let big = Checklist::from_json(&json).unwrap();
    for format in [TomFormat::Markdown, TomFormat::Html] {
        for lang in [Language::De, Language::En] {
            let today = "2026-11-22".parse().unwrap();
            tom_document(&big, today, lang, format, &Templates::builtin())
                .unwrap_or_else(|e| panic!("{} items, {format:?}: {e}", big.items.len()));
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Letters for recipients without an own `affected` list come from a
    /// skeleton rendered once per breach; they equal the full rendering
    /// (forced here by a template comment that disqualifies the skeleton).
    #[test]
    fn skeleton_letters_equal_fully_rendered_letters(
        names in proptest::collection::vec("[ \\PC&<>\"'/]{1,24}", 1..8),
        salutation in proptest::option::of("[\\PC&<>\"']{0,16}"),
        html: bool,
        german: bool,
    ) {
        let lang = if german { Language::De } else { Language::En };
        let breach = case("interface-leak-merchant", lang);
        let format = if html { LetterFormat::Html } else { LetterFormat::Text };
        let name = format!("{lang}/letter.{}", if html { "html" } else { "txt" });
        let builtin = Templates::builtin();
        let source = builtin.source(&name).unwrap();
        let full = Templates::builtin().with_template(&name, &format!("{source}{{# raw #}}")).unwrap();
        let people: Vec<Recipient> = names
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| Recipient { name: n.clone(), salutation: salutation.clone(), email: None, affected: vec![] })
            .collect();
        let fast: Vec<_> = letters(&builtin, &breach, format, people.clone()).map(|l| l.unwrap().content).collect();
        let slow: Vec<_> = letters(&full, &breach, format, people).map(|l| l.unwrap().content).collect();
        proptest::prop_assert_eq!(fast, slow);
    }
}

/// One lint of German text: true when the text has the fault.
type Check = fn(&str) -> bool;

/// German documents read as German: German legal citations, zones as people
/// write them, authority names not forced into the nominative after "an".
#[test]
fn german_documents_read_as_german() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let checks: &[(&str, Check)] = &[
        ("an English citation (GDPR)", |t| t.contains("GDPR")),
        ("an English citation (Recital)", |t| t.contains("Recital")),
        ("an English citation (Art. n(m))", |t| {
            t.match_indices("Art. ").any(|(i, _)| {
                let rest = &t[i + 5..];
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0 && rest[digits..].starts_with('(')
            })
        }),
        ("an IANA zone name", |t| {
            t.contains("Europe/") || t.contains("America/")
        }),
        ("a name in the nominative after \"an\"", |t| {
            [
                "an Der ",
                "an Die ",
                "an Das ",
                "an Österreichische ",
                "an Bayerisches ",
            ]
            .iter()
            .any(|p| t.contains(p))
        }),
        ("the company in apposition (\"bei uns, …\")", |t| {
            t.contains("bei uns, ")
        }),
    ];
    let mut found = Vec::new();
    let mut read = 0;
    for case in std::fs::read_dir(&dir).unwrap() {
        for doc in std::fs::read_dir(case.unwrap().path()).unwrap() {
            let path = doc.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !name.contains(".de.") || name.ends_with(".json") {
                continue;
            }
            read += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            for (what, check) in checks {
                if check(&text) {
                    found.push(format!("{}: {what}", path.display()));
                }
            }
        }
    }
    assert!(read >= 40, "only {read} German documents read");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Card data copied out by an attacker: the breach the shop-wording tests write about.
fn card_theft() -> AssessedBreach {
    let facts = common::parse(&with(json!({
        "cause": "hacking", "malicious": true,
        "data_categories": ["identity", "contact", "payment_card"],
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
    })))
    .unwrap();
    AssessedBreach::new(facts, &AssessmentOptions::default())
}

/// A shop words the greeting and each piece of advice itself (by the
/// advice's stable id), in one letter and in bulk.
#[test]
fn a_shop_template_changes_greeting_and_advice() {
    let shop = Templates::builtin()
        .with_template(
            "de/letter.txt",
            "Liebe Kundschaft, liebe/r {{ recipient.name }}!\n\
             {% for id in advice_ids %}\
             {% if id == \"card_statements\" %}- Bitte schauen Sie auf Ihre Kartenumsätze.\n\
             {% elif id == \"complaint\" %}- Beschwerden nimmt auch die Aufsicht entgegen.\n\
             {% else %}- {{ id }}\n{% endif %}{% endfor %}",
        )
        .unwrap();
    let breach = card_theft();
    let people = (0..3).map(|i| recipient(&format!("Kundin {i}"), &[]));
    let all: Vec<String> = letters(&shop, &breach, LetterFormat::Text, people)
        .map(|l| l.unwrap().content)
        .collect();
    assert_eq!(all.len(), 3);
    for (i, t) in all.iter().enumerate() {
        assert!(
            t.starts_with(&format!("Liebe Kundschaft, liebe/r Kundin {i}!")),
            "{t}"
        );
        assert!(
            t.contains("Bitte schauen Sie auf Ihre Kartenumsätze."),
            "{t}"
        );
        assert!(
            t.contains("Beschwerden nimmt auch die Aufsicht entgegen."),
            "{t}"
        );
        assert!(
            !t.contains("Guten Tag") && !t.contains("Kreditkartenabrechnungen"),
            "{t}"
        );
    }
}

/// The same through the catalogue, without touching a template: the shop's
/// greeting and advice reach every letter (text and HTML, one and bulk),
/// and its wording of a form title, a register sentence and a next step
/// reaches the bundle and the console report.
#[test]
fn a_shop_message_catalogue_words_letters_forms_register_and_report() {
    let shop = Templates::builtin()
        .with_message(Language::De, "letter.greeting", "Hallo {name},")
        .unwrap()
        .with_message(
            Language::De,
            "advice.card_statements",
            "Schauen Sie bitte auf Ihre Kartenumsätze.",
        )
        .unwrap()
        .with_message(Language::De, "form.measures.title", "Was wir tun")
        .unwrap()
        .with_message(
            Language::De,
            "step.document",
            "Alles ins Pannenregister eintragen (Art. 33 Abs. 5 DSGVO).",
        )
        .unwrap();
    let breach = card_theft();
    let facts = breach.facts();
    for format in [LetterFormat::Text, LetterFormat::Html] {
        let people = (0..2).map(|i| recipient(&format!("Kundin {i}"), &[]));
        for (i, l) in letters(&shop, &breach, format, people).enumerate() {
            let t = l.unwrap().content;
            assert!(t.contains(&format!("Hallo Kundin {i},")), "{t}");
            assert!(
                t.contains("Schauen Sie bitte auf Ihre Kartenumsätze."),
                "{t}"
            );
            assert!(!t.contains("Guten Tag") && !t.contains("Kreditkartenabrechnungen"));
        }
    }
    let docs = bundle(
        &breach,
        &shop,
        facts.aware_at.to_utc() + Duration::hours(2),
        None,
    )
    .unwrap();
    let doc = |name: &str| &docs.iter().find(|d| d.file_name == name).unwrap().content;
    assert!(doc("form-blocks.de.txt").contains("## Was wir tun\n"));
    assert!(doc("form-blocks.de.json").contains("\"title\": \"Was wir tun\""));
    assert!(doc("letter-sample.de.txt").contains("Hallo Erika Mustermann,"));
    let report = dsgvo_core::summary::report_with(&breach, shop.messages());
    assert!(
        report.contains("Alles ins Pannenregister eintragen"),
        "{report}"
    );
    assert!(!dsgvo_core::summary::report(&breach).contains("Pannenregister"));
}

/// Art. 33(1) sentence 2 binds only a notification that is due: the
/// documents of a breach unlikely to result in a risk (the parcel label) are
/// made a week later without delay reasons and call nothing late; those of a
/// notifiable breach still need them.
#[test]
fn only_a_due_notification_can_be_late() {
    for (name, due) in [("shipping-label", false), ("edpb-01-2021-case-11", true)] {
        let breach = case(name, Language::De);
        let (facts, verdict) = (breach.facts(), breach.verdict());
        assert_eq!(verdict.notify_authority, due, "{name}");
        let week = facts.aware_at.to_utc() + Duration::days(7);
        let docs = bundle(&breach, &Templates::builtin(), week, None);
        match docs {
            Ok(docs) => {
                assert!(!due, "{name}: a due notification a week late needs reasons");
                let n = docs
                    .iter()
                    .find(|d| d.file_name == "notification.de.md")
                    .unwrap();
                assert!(
                    !n.content.contains("Gründe für die Verzögerung"),
                    "{}",
                    n.content
                );
            }
            Err(e) => {
                assert!(due, "{name}: {e}");
                assert!(matches!(e, DocumentError::DelayReasonsRequired { .. }));
            }
        }
    }
}

/// Issue 19 item 12: a name, salutation or address with a line break would
/// add a header where a letter is mailed (`\r\nBcc:`); refused, naming the
/// field, and the recipients around it are written.
#[test]
fn header_fields_refuse_line_breaks_and_addresses_must_be_addresses() {
    let breach = complete(Language::De);
    let person = |name: &str, salutation: Option<&str>, email: Option<&str>| Recipient {
        name: name.into(),
        salutation: salutation.map(str::to_string),
        email: email.map(str::to_string),
        affected: vec![],
    };
    let cases = [
        (person("Erika\r\nBcc: x@example.org", None, None), "name"),
        (person("Erika", Some("Liebe\nFrau"), None), "salutation"),
        (
            person(
                "Erika",
                None,
                Some("erika@example.org\r\nBcc: x@example.org"),
            ),
            "email",
        ),
        (person("Erika", None, Some("erika.example.org")), "email"),
        (person("Erika", None, Some("erika@@example.org")), "email"),
        (person("Erika", None, Some("@example.org")), "email"),
        (person("Erika", None, Some("erika@")), "email"),
        (person("Erika", None, Some("erika @example.org")), "email"),
        (person("Erika\u{7}", None, None), "name"),
    ];
    for (bad, field) in cases {
        let shown = format!("{:?}", bad.email.as_ref().unwrap_or(&bad.name));
        let good = person(
            "Max Mustermann",
            Some("Sehr geehrter Herr"),
            Some("max@example.org"),
        );
        let results: Vec<_> = letters(
            &Templates::builtin(),
            &breach,
            LetterFormat::Text,
            [good.clone(), bad, good],
        )
        .collect();
        assert!(results[0].is_ok() && results[2].is_ok(), "{shown}");
        match &results[1] {
            Err(DocumentError::InvalidRecipient {
                index: 1, field: f, ..
            }) => {
                assert_eq!(*f, field, "{shown}")
            }
            other => panic!("{shown}: {other:?}"),
        }
    }
}

/// Issue 19 item 11: text from the facts never becomes markup in a
/// Markdown document (a link, an image, raw HTML, a heading), also in the
/// public communication meant for publication; the plain-text documents
/// show it exactly as written.
#[test]
fn markup_in_the_facts_is_shown_literally_never_rendered() {
    let hostile = "[Gutschein](javascript:alert(1)) <img src=x onerror=alert(1)> **dringend**";
    let mut facts = complete_facts();
    common::merge(
        &mut facts,
        json!({
            "summary": hostile,
            "description_for_subjects": hostile,
            "measures_taken": [hostile],
            // no contact details: the public communication of Art. 34(3)(c)
            "subject_communication": { "disproportionate_effort": true },
        }),
    );
    let breach = AssessedBreach::new(
        common::parse(&facts).unwrap(),
        &AssessmentOptions::default(),
    );
    let docs = bundle(
        &breach,
        &Templates::builtin(),
        a_day_after(breach.facts()),
        None,
    )
    .unwrap();
    let doc = |name: &str| {
        &docs
            .iter()
            .find(|d| d.file_name == name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .content
    };
    let escaped =
        r"\[Gutschein\](javascript:alert(1)) \<img src=x onerror=alert(1)\> \*\*dringend\*\*";
    assert!(breach.verdict().public_communication);
    for name in [
        "notification.de.md",
        "register-entry.de.md",
        "public-communication.de.md",
    ] {
        let md = doc(name);
        assert!(md.contains(escaped), "{name}:\n{md}");
        assert!(!md.contains(hostile), "{name} copies the markup verbatim");
    }
    for name in ["notification.de.txt", "register-entry.de.txt"] {
        assert!(
            doc(name).contains(hostile),
            "{name} must show the text as written"
        );
    }
}
