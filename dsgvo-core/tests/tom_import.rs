//! Reading real TOM documents (issue 21): three fixtures in the layouts seen
//! in practice — numbered Art. 32 sections with "a."/"i." points pasted from
//! a PDF (hard-wrapped, hyphenated), the classic eight controls with colon
//! headings and unbulleted lines, and a Markdown list — each statement with
//! the reading a data protection officer gives it, one row per statement.

use dsgvo_core::tom::{
    ControlArea, ItemState, Modality, ProtectionNeed, ShopMeasure, import_document,
};

/// What a statement must be read as.
#[derive(Debug, PartialEq)]
enum Expect {
    /// A measure in place, in `area`, implementing `measure`.
    InPlace(Option<ControlArea>, Option<ShopMeasure>),
    /// A planned measure.
    Planned(Option<ShopMeasure>),
    /// No measure: what it says, and the measure it names.
    Not(Modality, Option<ShopMeasure>),
}

use ControlArea as A;
use Expect::*;
use Modality as M;
use ShopMeasure as S;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

/// Imports `name` and checks every statement against `rows` (in document
/// order), every heading placed, and nothing else produced.
fn check(name: &str, headings: usize, rows: &[(&str, Expect)]) {
    let report = import_document(&fixture(name), "Muster GmbH", ProtectionNeed::Normal).unwrap();
    assert_eq!(
        report.sections.len(),
        headings,
        "{name}: {:#?}",
        report.sections
    );
    for s in &report.sections {
        assert!(
            s.area.is_some() || s.section.is_some(),
            "{name}: heading \"{}\" (line {}) placed nowhere",
            s.heading,
            s.line
        );
    }
    let c = &report.checklist;
    // Every statement, in document order: items and non-measures by line.
    let mut read: Vec<(usize, &str, Expect)> = c
        .items
        .iter()
        .map(|i| {
            let line = report
                .sections
                .iter()
                .rev()
                .find(|s| s.items.contains(&i.id))
                .map_or(0, |s| s.line);
            let expect = match i.state {
                ItemState::Planned => Planned(i.measure),
                _ => InPlace(i.area, i.measure),
            };
            (line, i.statement.as_str(), expect)
        })
        .chain(c.non_measures.iter().map(|n| {
            (
                n.line.unwrap(),
                n.statement.as_str(),
                Not(n.modality, n.measure),
            )
        }))
        .collect();
    read.sort_by_key(|(line, statement, _)| {
        // Items carry their heading's line; order them by their text's
        // position in the document.
        let head: String = statement.chars().take(30).collect();
        let at = fixture(name).find(&head);
        (at.unwrap_or(*line), *line)
    });
    let got: Vec<(&str, &Expect)> = read.iter().map(|(_, s, e)| (*s, e)).collect();
    let want: Vec<(&str, &Expect)> = rows.iter().map(|(s, e)| (*s, e)).collect();
    assert_eq!(got, want, "{name}");
}

#[test]
fn numbered_art32_sections_pasted_from_a_pdf() {
    check(
        "tom-art32-pdf.txt",
        9,
        &[
            (
                "Für Auswertungen im Marketing werden Kundennummern statt Namen verwendet; die Zuordnung liegt nur bei der Buchhaltung.",
                InPlace(Some(A::Pseudonymisation), None),
            ),
            (
                "Der Onlineshop ist ausschließlich über HTTPS erreichbar.",
                InPlace(Some(A::Encryption), Some(S::Tls)),
            ),
            (
                "Intern werden die Daten auf dem Dateiserver derzeit noch unverschlüsselt gespeichert.",
                Not(M::Negated, Some(S::EncryptionAtRest)),
            ),
            (
                "Das Büro ist außerhalb der Geschäftszeiten abgeschlossen und mit einer Alarmanlage gesichert.",
                InPlace(Some(A::PhysicalAccess), Some(S::PhysicalSecurity)),
            ),
            (
                "Die Integrität unserer Mitarbeiter steht außer Frage!",
                Not(M::Belief, None),
            ),
            (
                "Alle Administratoren melden sich mit Zwei-Faktor-Authentifizierung am Shop-Backend an.",
                InPlace(Some(A::SystemAccess), Some(S::AdminMfa)),
            ),
            ("Regelmäßige Kontrollen finden statt.", Not(M::Vague, None)),
            (
                "Ein Rollen- und Berechtigungskonzept regelt, wer welche Kundendaten sehen darf.",
                InPlace(Some(A::DataAccess), Some(S::LeastPrivilege)),
            ),
            (
                "Alle Mitarbeiter sind zur Vertraulichkeit verpflichtet.",
                InPlace(Some(A::DataAccess), Some(S::ConfidentialityCommitment)),
            ),
            (
                "Es findet keine Protokollierung statt.",
                Not(M::Negated, Some(S::AccessLogging)),
            ),
            (
                "Exporte an den Steuerberater werden über eine verschlüsselte Verbindung übertragen.",
                InPlace(Some(A::Transfer), Some(S::Tls)),
            ),
            (
                "Die Datenbank wird täglich gesichert, die Backups werden 30 Tage aufbewahrt.",
                InPlace(Some(A::Availability), Some(S::Backups)),
            ),
            (
                "Ein Notfallplan für den Ausfall des Shops ist in Planung.",
                Planned(Some(S::BreachProcedure)),
            ),
            (
                "Ein Löschkonzept ist in Planung.",
                Planned(Some(S::DeletionConcept)),
            ),
            (
                "Wir empfehlen unseren Kunden, sichere Passwörter zu verwenden.",
                Not(M::RecommendedToOthers, None),
            ),
            (
                "Die Geschäftsführung prüft die Maßnahmen einmal im Jahr anhand dieser Liste und dokumentiert das Ergebnis.",
                InPlace(Some(A::DataProtectionManagement), None),
            ),
        ],
    );
}

#[test]
fn the_classic_eight_controls_with_colon_headings() {
    check(
        "tom-acht-kontrollen.txt",
        8,
        &[
            (
                "Der Serverraum ist verschlossen, Schlüssel hat nur der IT-Leiter.",
                InPlace(Some(A::PhysicalAccess), Some(S::PhysicalSecurity)),
            ),
            (
                "Besucher werden am Empfang angemeldet und begleitet.",
                InPlace(Some(A::PhysicalAccess), Some(S::PhysicalSecurity)),
            ),
            // Starts with an area's word, but names a measure: a statement, not a heading.
            (
                "Zugang zum Backend nur mit Zwei-Faktor-Authentifizierung",
                InPlace(Some(A::SystemAccess), Some(S::AdminMfa)),
            ),
            (
                "Bildschirmsperre nach 5 Minuten",
                InPlace(Some(A::SystemAccess), None),
            ),
            (
                "Berechtigungen werden nach dem Need-to-know-Prinzip vergeben.",
                InPlace(Some(A::DataAccess), Some(S::LeastPrivilege)),
            ),
            (
                "Es gibt kein dokumentiertes Berechtigungskonzept.",
                Not(M::Negated, Some(S::LeastPrivilege)),
            ),
            // "vertrauenswürdige Kanäle" is no belief about people.
            (
                "Daten werden nur über vertrauenswürdige Kanäle übertragen.",
                InPlace(Some(A::Transfer), None),
            ),
            (
                "Die Übertragung zum Zahlungsdienstleister erfolgt per TLS.",
                InPlace(Some(A::Transfer), Some(S::Tls)),
            ),
            (
                "Änderungen an Kundendaten werden protokolliert.",
                InPlace(Some(A::Input), Some(S::AccessLogging)),
            ),
            (
                "Mit allen Dienstleistern bestehen Auftragsverarbeitungsverträge.",
                InPlace(Some(A::Processor), Some(S::ProcessorContracts)),
            ),
            (
                "Backups werden nicht erstellt.",
                Not(M::Negated, Some(S::Backups)),
            ),
            (
                "Eine USV schützt den Server vor Stromausfall.",
                InPlace(Some(A::Availability), None),
            ),
            (
                "Mitarbeiter sind für den Datenschutz sensibilisiert.",
                InPlace(Some(A::Separation), Some(S::StaffTraining)),
            ),
        ],
    );
}

#[test]
fn a_markdown_list_with_art32_sections() {
    check(
        "tom-markdown.md",
        4,
        &[
            (
                "Sicherheitsupdates für Shop und Plugins werden wöchentlich eingespielt.",
                InPlace(Some(A::SystemAccess), Some(S::SecurityUpdates)),
            ),
            (
                "Kunden sollten ihr Passwort regelmäßig ändern.",
                Not(M::RecommendedToOthers, None),
            ),
            (
                "Kundenpasswörter werden mit bcrypt gehasht.",
                InPlace(Some(A::DataAccess), Some(S::PasswordHashing)),
            ),
            ("Alle Daten sind sicher.", Not(M::Vague, None)),
            (
                "Die Verschlüsselung der Datenbank wird derzeit eingeführt.",
                Planned(Some(S::EncryptionAtRest)),
            ),
            (
                "Tägliches Backup beim Hoster",
                InPlace(Some(A::Availability), Some(S::Backups)),
            ),
            (
                "die Wiederherstellung wird zweimal im Jahr getestet.",
                InPlace(Some(A::Availability), Some(S::RestoreTests)),
            ),
            (
                "Anfragen betroffener Personen beantwortet das Support-Team nach einem festen Verfahren.",
                InPlace(
                    Some(A::DataProtectionManagement),
                    Some(S::SubjectRightsProcedure),
                ),
            ),
            (
                "Wir gehen davon aus, dass unsere Dienstleister die DSGVO einhalten.",
                Not(M::Belief, None),
            ),
        ],
    );
}

/// The evaluation reports every goal no measure serves — here data
/// minimisation and intervenability for the classic eight controls, which
/// contain no measure for them.
#[test]
fn the_evaluation_reports_every_uncovered_goal() {
    let report = import_document(
        &fixture("tom-acht-kontrollen.txt"),
        "Beispiel Versand KG",
        ProtectionNeed::Normal,
    )
    .unwrap();
    let e = dsgvo_core::tom::evaluate(
        &report.checklist,
        "2026-11-22".parse().unwrap(),
        dsgvo_core::Language::De,
    );
    let uncovered: Vec<&str> = e
        .by_goal
        .iter()
        .filter(|g| g.items_in_place == 0)
        .map(|g| g.goal.sdm_id())
        .collect();
    let reported = e
        .reasons
        .iter()
        .filter(|r| r.code == "goal_uncovered")
        .count();
    assert_eq!(reported, uncovered.len());
    assert!(
        uncovered.contains(&"DM") && uncovered.contains(&"IV"),
        "{uncovered:?}"
    );
    // The negations are gaps, not measures.
    assert!(e.gaps.iter().any(|g| g.measure == ShopMeasure::Backups));
    assert!(
        e.non_measures
            .iter()
            .any(|n| n.reason.code == "statement_negated")
    );
}

/// No substring match of free text decides whether a measure exists: in
/// `tom/`, text is read only through the word reader (`statement.rs`),
/// which compares whole words; the layout reader (`layout.rs`) decides
/// about lines, never about measures. The old `contains_word` and
/// lower-cased `contains`/`find` on statements are gone for good.
#[test]
fn no_substring_of_free_text_decides_a_measure_in_tom() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tom");
    let mut offending = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name == "statement.rs" || name == "layout.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            // `str::contains`/`find`/`matches` take a pattern; the slice and
            // iterator methods used on sets take `&value` or a closure.
            let pattern_call = |method: &str, allowed: &[char]| {
                code.match_indices(method)
                    .any(|(i, m)| !code[i + m.len()..].starts_with(allowed))
            };
            let substring = pattern_call(".contains(", &['&'])
                || pattern_call(".find(", &['|'])
                || code.contains(".matches(")
                || code.contains("contains_word");
            if substring {
                offending.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(offending.is_empty(), "{}", offending.join("\n"));
}
