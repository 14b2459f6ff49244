//! Sources cited the German way in German texts: "Art. 33 Abs. 1 DSGVO",
//! "Art. 4 Nr. 12 DSGVO", "Art. 34 Abs. 3 lit. a", "Erwägungsgrund 85",
//! "EDSA-Leitlinien 9/2022, Rn. 102". The sources are written once, in the
//! international form; this rewrites their citation syntax, never their
//! content.

use std::collections::HashMap;
use std::sync::RwLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use once_cell::sync::Lazy;

/// `source` with German citation syntax.
///
/// ```
/// # use dsgvo_core::explain::german_citation;
/// assert_eq!(german_citation("Art. 33(1), 34(3)(a) GDPR; Recital 85"),
///            "Art. 33 Abs. 1, 34 Abs. 3 lit. a DSGVO; Erwägungsgrund 85");
/// assert_eq!(german_citation("Art. 4(12) GDPR"), "Art. 4 Nr. 12 DSGVO");
/// assert_eq!(german_citation("EDPB Guidelines 9/2022 para 102"), "EDSA-Leitlinien 9/2022 Rn. 102");
/// assert_eq!(german_citation("§ 40(1), (2) BDSG; Art. 4 No. 16 GDPR"), "§ 40 Abs. 1, Abs. 2 BDSG; Art. 4 Nr. 16 DSGVO");
/// ```
pub fn german_citation(source: &str) -> String {
    if let Some(cited) = CITED.read().unwrap_or_else(|p| p.into_inner()).get(source) {
        return cited.clone();
    }
    let cited = cite_in_german(source);
    let mut known = CITED.write().unwrap_or_else(|p| p.into_inner());
    if known.len() < CITED_LIMIT {
        known.insert(source.to_string(), cited.clone());
    }
    cited
}

/// The German citations written so far. A triage cites some 30 sources,
/// nearly all the same from one breach to the next, and rewriting one
/// costs more than the rest of the triage; the answer never depends on
/// what is kept here.
static CITED: Lazy<RwLock<HashMap<String, String>>> = Lazy::new(Default::default);

/// How many citations [`CITED`] keeps at most (a few hundred exist).
const CITED_LIMIT: usize = 4096;

fn cite_in_german(source: &str) -> String {
    let explained = explanations(source);
    let source = explained.as_str();
    let mut out = String::with_capacity(source.len() + 16);
    // The article a paragraph belongs to: Art. 4 counts "Nr.", not "Abs.".
    let mut article = "";
    let mut rest = source;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..start]);
        let digits = rest[start..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(rest.len(), |n| start + n);
        let number = &rest[start..digits];
        if out.trim_end().ends_with("Art.") || out.ends_with(", ") {
            article = number;
        }
        out.push_str(number);
        rest = &rest[digits..];
        // (n) → " Abs. n" (" Nr. n" in Art. 4), then (x) → " lit. x".
        let mut first = true;
        while let Some(group) = rest.strip_prefix('(') {
            let Some(close) = group.find(')') else { break };
            let inner = &group[..close];
            let numeric = !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit());
            let letter = inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase());
            if first && numeric {
                out.push_str(if article == "4" { " Nr. " } else { " Abs. " });
            } else if !first && letter {
                out.push_str(" lit. ");
            } else {
                break;
            }
            out.push_str(inner);
            rest = &group[close + 1..];
            first = false;
        }
    }
    out.push_str(rest);
    words(&out)
}

/// Words of the citations themselves, in German.
const WORDS: &[(&str, &str)] = &[
    ("Recitals", "Erwägungsgründe"),
    ("Recital", "Erwägungsgrund"),
    ("EDPB Guidelines", "EDSA-Leitlinien"),
    ("GDPR", "DSGVO"),
    (" No. ", " Nr. "),
    ("paras ", "Rn. "),
    ("para ", "Rn. "),
    (", cases ", ", Fälle "),
    (", case ", ", Fall "),
    ("Annex", "Anhang"),
    ("section ", "Abschnitt "),
    (
        "Regulation (EEC, Euratom) No",
        "Verordnung (EWG, Euratom) Nr.",
    ),
    (
        "dsgvo method (our choice)",
        "dsgvo-Methode (unsere Festlegung)",
    ),
    ("dsgvo method", "dsgvo-Methode"),
    ("our choice", "unsere Festlegung"),
    ("NOT VERIFIED", "NICHT GEPRÜFT"),
    ("UNVERIFIED", "NICHT GEPRÜFT"),
];

fn words(text: &str) -> String {
    static GLOSSARY: Lazy<Glossary> = Lazy::new(|| Glossary::new(WORDS));
    further_paragraphs(&GLOSSARY.apply(text))
}

/// The explanations our sources give in parentheses and after a colon,
/// in German. Titles of documents stay as published.
const EXPLANATIONS: &[(&str, &str)] = &[
    (
        "(awareness: a reasonable degree of certainty)",
        "(Kenntnis: ein hinreichendes Maß an Gewissheit)",
    ),
    ("10 December 2020", "10. Dezember 2020"),
    ("13 February 2025", "13. Februar 2025"),
    ("CJEU ", "EuGH "),
    ("one-day tolerance", "ein Tag Toleranz"),
    (
        "(processor obligations)",
        "(Pflichten des Auftragsverarbeiters)",
    ),
    ("(remedial action)", "(Abhilfemaßnahmen)"),
    ("(without undue delay)", "(unverzüglich)"),
    (
        "(data unintelligible, e.g. encryption)",
        "(Daten unverständlich gemacht, etwa durch Verschlüsselung)",
    ),
    (
        "(high risk neutralised by subsequent measures)",
        "(hohes Risiko durch nachfolgende Maßnahmen ausgeschlossen)",
    ),
    (
        "(disproportionate effort; public communication)",
        "(unverhältnismäßiger Aufwand; öffentliche Bekanntmachung)",
    ),
    ("(where required)", "(soweit vorgeschrieben)"),
    ("(cross-border)", "(grenzüberschreitend)"),
    ("(includes Art. 32, 33, 34)", "(umfasst Art. 32, 33, 34)"),
    ("(state of the art)", "(Stand der Technik)"),
    (
        "(Slimpay: no access logging; absence of proven harm does not remove the duty)",
        "(Slimpay: keine Protokollierung der Zugriffe; dass kein Schaden nachgewiesen ist, hebt die Pflicht nicht auf)",
    ),
    (
        "evidence and duration scores",
        "Punktwerte für Nachweislage und Dauer",
    ),
    (
        "(ransomware restored in good time from a backup; hospital records unavailable for 30 hours)",
        "(Ransomware, rechtzeitig aus einer Sicherung wiederhergestellt; Krankenhausakten 30 Stunden lang nicht verfügbar)",
    ),
    (
        "duration graded by powers of ten (no 24-hour threshold)",
        "Dauer in Zehnerpotenzen gestuft (keine 24-Stunden-Schwelle)",
    ),
    (
        "(likelihood and severity)",
        "(Eintrittswahrscheinlichkeit und Schwere)",
    ),
    ("four-level scales as in", "vierstufige Skalen wie im"),
    (
        "cell layout and scores",
        "Aufteilung der Felder und Punktwerte",
    ),
    (
        "(a statement sent to the wrong customer)",
        "(ein an den falschen Kunden gesandter Auszug)",
    ),
    (
        "personal data breach examples, case study 2 (a colleague inside the organisation who deleted: log only)",
        "„personal data breach examples“, Fallstudie 2 (ein Mitarbeiter innerhalb der Organisation, der die Daten gelöscht hat: nur dokumentieren)",
    ),
    (
        "(approximate information, phased notification)",
        "(ungefähre Angaben, Meldung in Schritten)",
    ),
    (
        "(credentials scored by what they give access to)",
        "(Zugangsdaten bewertet nach dem, wozu sie Zugang geben)",
    ),
    ("(EI)", "(Identifizierbarkeit, EI)"),
    (
        "(CB elements are added)",
        "(die CB-Elemente werden addiert)",
    ),
    (
        "(severity levels: low < 2 ≤ medium < 3 ≤ high < 4 ≤ very high)",
        "(Schweregrade: niedrig < 2 ≤ mittel < 3 ≤ hoch < 4 ≤ sehr hoch)",
    ),
    ("(flags)", "(Kennzeichen)"),
    (
        "(special characteristics of the individuals)",
        "(besondere Merkmale der betroffenen Personen)",
    ),
    ("(vulnerable individuals)", "(schutzbedürftige Personen)"),
    (
        "(special characteristics of the controller)",
        "(besondere Merkmale des Verantwortlichen)",
    ),
    ("(loss of availability)", "(Verlust der Verfügbarkeit)"),
    ("(ransomware without backup)", "(Ransomware ohne Sicherung)"),
    (
        "(loss of confidentiality 0)",
        "(Verlust der Vertraulichkeit 0)",
    ),
    (
        "(loss of integrity, malicious intent)",
        "(Verlust der Integrität, böswillige Absicht)",
    ),
    ("(loss of integrity)", "(Verlust der Integrität)"),
    ("(malicious intent)", "(böswillige Absicht)"),
    (
        "(notification as a fining factor)",
        "(Meldung als Zumessungsfaktor)",
    ),
    (
        "(number of affected individuals)",
        "(Zahl der betroffenen Personen)",
    ),
    (
        "+0.25 per power of ten above 100, at most +1.25",
        "+0,25 je Zehnerpotenz über 100, höchstens +1,25",
    ),
    (
        "(phishing with booking data)",
        "(Phishing mit Buchungsdaten)",
    ),
    (
        "(exfiltration is to be notified where the data would enable individuals to be identified)",
        "(ein Abfluss ist zu melden, wenn die Daten die Identifizierung von Personen ermöglichen)",
    ),
    (
        "(exfiltration of data that identifies people is to be notified)",
        "(der Abfluss von Daten, die Personen identifizieren, ist zu melden)",
    ),
    ("Table 1", "Tabelle 1"),
    (" sentence ", " Satz "),
    (" BDSG with § ", " BDSG i. V. m. § "),
    (
        "counting as in authority and commentary practice",
        "Zählweise nach der Praxis der Aufsichtsbehörden und der Kommentarliteratur",
    ),
    ("summary: dsgvo method", "Zusammenfassung: dsgvo-Methode"),
    ("(highest category counts)", "(die höchste Kategorie zählt)"),
    ("DSK Kurzpapier", "DSK-Kurzpapier"),
    (" and Annex", " und Annex"),
    ("3.1.1 step 1", "3.1.1 Schritt 1"),
    ("retention periods", "Aufbewahrungsfristen"),
    (" and A2 ", " und A2 "),
];

fn explanations(source: &str) -> String {
    static GLOSSARY: Lazy<Glossary> = Lazy::new(|| Glossary::new(EXPLANATIONS));
    GLOSSARY.apply(source)
}

/// A table of replacements applied one after the other, as a fold of
/// `str::replace` over the table would apply them (a later entry sees what
/// an earlier one wrote), but at the cost of one scan for all entries
/// instead of one per entry: a triage cites some 30 sources against some
/// 80 entries.
struct Glossary {
    table: &'static [(&'static str, &'static str)],
    automaton: AhoCorasick,
}

impl Glossary {
    fn new(table: &'static [(&'static str, &'static str)]) -> Glossary {
        Glossary {
            table,
            // An NFA: cheap to build (a DFA of these entries takes minutes
            // under Miri); scans are rare, as citations are remembered.
            automaton: AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .build(table.iter().map(|(en, _)| en))
                .expect("the glossary's entries build an automaton"),
        }
    }

    fn apply(&self, text: &str) -> String {
        let mut s = text.to_string();
        let mut next = 0;
        // The first entry from `next` on that occurs in the text as it now
        // is: the fold would skip every entry before it.
        while let Some(i) = self
            .automaton
            .find_overlapping_iter(&s)
            .map(|m| m.pattern().as_usize())
            .filter(|&i| i >= next)
            .min()
        {
            let (en, de) = self.table[i];
            s = s.replace(en, de);
            next = i + 1;
        }
        s
    }
}

/// A paragraph listed without its number, `§ 40(1), (2)`: `, (2)` → `, Abs. 2`.
fn further_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(", (") {
        out.push_str(&rest[..i]);
        let group = &rest[i + 3..];
        let digits = group.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && group[digits..].starts_with(')') {
            out.push_str(", Abs. ");
            out.push_str(&group[..digits]);
            rest = &group[digits + 1..];
        } else {
            out.push_str(", (");
            rest = group;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the glossary must equal: `str::replace` entry after entry.
    fn fold(table: &[(&str, &str)], text: &str) -> String {
        table
            .iter()
            .fold(text.to_string(), |s, (en, de)| s.replace(en, de))
    }

    #[test]
    fn the_glossary_applies_its_entries_as_a_fold_of_replace_would() {
        let table: &'static [(&'static str, &'static str)] = &[
            (" and Annex", " und Annex"),
            ("Annex", "Anhang"),
            ("ab", "b"),
            ("b", "ab"),
            ("abc", "never, b was replaced first"),
            ("x", "y"),
        ];
        let glossary = Glossary::new(table);
        for text in [
            "",
            "nothing to do",
            "Recital 1 and Annex II",
            "Annex, Annex and Annex",
            "aab abc bb",
            "x",
            "abab",
        ] {
            assert_eq!(glossary.apply(text), fold(table, text), "{text:?}");
        }
        // Every entry of our own tables, alone and as part of a sentence.
        for (table, glossary) in [
            (EXPLANATIONS, Glossary::new(EXPLANATIONS)),
            (WORDS, Glossary::new(WORDS)),
        ] {
            for (en, _) in table {
                let text = format!("EDPB Guidelines 9/2022 para 1 {en} and Annex, section 2");
                assert_eq!(glossary.apply(&text), fold(table, &text));
            }
        }
    }
}
