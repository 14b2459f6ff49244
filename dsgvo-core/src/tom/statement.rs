//! Reading one statement of a TOM document: which measure it names, and
//! whether it says the measure is in place, planned, absent, recommended to
//! someone else, only vaguely claimed, or a belief.
//!
//! The statement is split into words first; every rule matches whole words
//! (with German inflection and compounds: "Sicherheitsupdates" holds
//! "update", "unverschlüsselt" is "verschlüsselt" negated), never a piece
//! of text inside another word. "unverschlüsselt gespeichert" is therefore
//! not encryption at rest, and "Es findet keine Protokollierung statt" is
//! not logging.

use serde::{Deserialize, Serialize};

use super::area::ControlArea;
use super::baseline::ShopMeasure;
use crate::facts::closed_set;

closed_set!(
    /// What a statement says about its measure.
    Modality {
        /// The measure is in place.
        InPlace = "in_place",
        /// The measure is planned or being introduced, not yet in place.
        Planned = "planned",
        /// The statement says the measure is absent ("keine", "nicht", "un-").
        Negated = "negated",
        /// Advice to others (customers, users), not a measure of the organisation.
        RecommendedToOthers = "recommended_to_others",
        /// A claim without a concrete control ("Regelmäßige Kontrollen finden statt").
        Vague = "vague",
        /// A belief about people or systems, not an action.
        Belief = "belief",
    }
);

/// What a statement says, read once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StatementReading {
    /// The baseline measure it names, if any (also when negated or planned).
    pub measure: Option<ShopMeasure>,
    /// What it says about it.
    pub modality: Modality,
    /// It names a control or an action on one.
    pub names_control: bool,
    /// The words that made it a belief, negation, plan, recommendation or
    /// vague claim, as written (lower case).
    pub cue: Option<String>,
}

impl StatementReading {
    /// Whether the statement describes a measure of the organisation
    /// (in place or planned).
    pub fn is_measure(&self) -> bool {
        matches!(self.modality, Modality::InPlace | Modality::Planned)
            && (self.measure.is_some() || self.names_control)
    }
}

/// The words of a text, lower case; a hyphen inside a word keeps it one
/// word ("zwei-faktor-authentifizierung").
pub(crate) fn words(text: &str) -> Vec<String> {
    spans(text).into_iter().map(|(w, _)| w).collect()
}

/// The words of a text with the byte range each has in it.
fn spans(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, (i, c)) in chars.iter().enumerate() {
        let inner_hyphen = *c == '-'
            && !current.is_empty()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_hyphen {
            if current.is_empty() {
                start = *i;
            }
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            out.push((std::mem::take(&mut current), start..*i));
        }
    }
    if !current.is_empty() {
        out.push((current, start..text.len()));
    }
    out
}

/// The words `phrase` matched at word `at`, as written in `text`.
fn as_written(
    text: &str,
    spans: &[(String, std::ops::Range<usize>)],
    at: usize,
    phrase: &str,
) -> String {
    let n = words(phrase).len().max(1);
    match (spans.get(at), spans.get(at + n - 1)) {
        (Some((_, first)), Some((_, last))) if !phrase.contains('*') => {
            text[first.start..last.end].to_string()
        }
        _ => phrase.to_string(),
    }
}

/// Endings German and English words take (inflection, plural).
const ENDINGS: &[&str] = &["", "s", "e", "en", "er", "es", "n", "em", "t", "te", "ten"];

/// How a word relates to a keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordMatch {
    /// The word is the keyword, inflected, or a compound with it.
    Yes,
    /// The word is the keyword with the negating prefix "un".
    Negated,
    /// No.
    No,
}

/// Whether `word` is `keyword`: equal up to an ending, the keyword as the
/// head of a compound ("sicherheitsupdates"), the first part of a hyphenated
/// compound ("zwei-faktor-app"), or — for keywords longer than four letters
/// — the first part of a closed compound ("backupkonzept"). The first part
/// of a compound must have five letters at least. Short keywords
/// ("tls", "mfa") match only as words of their own.
pub(crate) fn word_is(word: &str, keyword: &str) -> WordMatch {
    let ends = |rest: &str| ENDINGS.contains(&rest) || rest.starts_with('-');
    if let Some(rest) = word.strip_prefix(keyword) {
        if ends(rest) || (keyword.chars().count() > 4 && rest.chars().count() >= 3) {
            return WordMatch::Yes;
        }
    }
    if keyword.chars().count() <= 4 {
        return WordMatch::No;
    }
    // The keyword as the head of a compound: "<prefix><keyword><ending>".
    for ending in ENDINGS {
        let Some(stem) = word.strip_suffix(ending) else {
            continue;
        };
        let Some(prefix) = stem.strip_suffix(keyword) else {
            continue;
        };
        if prefix == "un" || prefix == "nicht" || prefix == "nicht-" {
            return WordMatch::Negated;
        }
        // A compound's first part is a word of its own ("sicherheits",
        // "kunden"); shorter remains are pieces of another word
        // ("kont" + "rollen" is "kontrollen", not "Rollen").
        if prefix.chars().count() >= 5 {
            return WordMatch::Yes;
        }
    }
    WordMatch::No
}

/// Where a keyword (one or more words; `*` stands for any words between)
/// occurs in `ws`: the index of its first word and whether a word of it
/// carried the "un" prefix.
pub(crate) fn find(ws: &[String], keyword: &str) -> Option<(usize, bool)> {
    let parts: Vec<&str> = keyword.split_whitespace().collect();
    if parts.contains(&"*") {
        return find_with_gap(ws, &parts);
    }
    let parts: Vec<String> = parts.iter().flat_map(|p| words(p)).collect();
    if parts.is_empty() || parts.len() > ws.len() {
        return None;
    }
    (0..=ws.len() - parts.len()).find_map(|i| {
        let mut negated = false;
        for (j, p) in parts.iter().enumerate() {
            match word_is(&ws[i + j], p) {
                WordMatch::Yes => {}
                WordMatch::Negated => negated = true,
                WordMatch::No => return None,
            }
        }
        Some((i, negated))
    })
}

fn find_with_gap(ws: &[String], parts: &[&str]) -> Option<(usize, bool)> {
    let mut start = None;
    let mut from = 0;
    for p in parts.iter().filter(|p| **p != "*") {
        let (at, _) = find(&ws[from..], p)?;
        start.get_or_insert(from + at);
        from += at + 1;
    }
    start.map(|s| (s, false))
}

/// The first of the phrases that occurs: the phrase and the word it starts at.
fn any_phrase<'a>(ws: &[String], phrases: &[&'a str]) -> Option<(&'a str, usize)> {
    phrases
        .iter()
        .copied()
        .find_map(|p| find(ws, p).map(|(at, _)| (p, at)))
}

const NEGATORS: &[&str] = &[
    "kein", "keine", "keinen", "keiner", "keinem", "keines", "nicht", "ohne", "nie", "niemals",
    "no", "not", "without", "never", "none",
];

const ABSENT: &[&str] = &["fehlt", "fehlen", "entfällt", "missing", "lacking"];

const PLANNED: &[&str] = &[
    "geplant",
    "planung",
    "vorgesehen",
    "künftig",
    "zukünftig",
    "demnächst",
    "perspektivisch",
    "in vorbereitung",
    "in arbeit",
    "im aufbau",
    "soll",
    "sollen",
    "wird * eingeführt",
    "wird * umgesetzt",
    "wird * eingerichtet",
    "werden * eingeführt",
    "werden * umgesetzt",
    "werden * eingerichtet",
    "planned",
    "will be",
    "to be introduced",
    "in preparation",
];

const RECOMMENDED: &[&str] = &[
    "sollten",
    "empfehlen",
    "empfiehlt",
    "empfohlen",
    "bitten * kunden",
    "recommend",
    "recommended",
    "should",
];

/// Phrases of trust or belief: an opinion about people or systems, not an
/// action anyone takes.
const BELIEF: &[&str] = &[
    "außer frage",
    "ausser frage",
    "wir vertrauen",
    "vertrauen * unseren",
    "sind zuverlässig",
    "zuverlässige mitarbeiter",
    "integrität unserer",
    "gehen davon aus",
    "selbstverständlich",
    "ehrlich",
    "loyal",
    "beyond question",
    "we trust",
    "reliable staff",
    "we assume",
    "of course",
];

/// Words that name a control or an action on one.
const CONTROLS: &[&str] = &[
    "verschlüsselung",
    "verschlüsselt",
    "encrypt",
    "encryption",
    "encrypted",
    "passwort",
    "password",
    "kennwort",
    "authentifizierung",
    "anmeldung",
    "login",
    "berechtigung",
    "berechtigungskonzept",
    "rolle",
    "rollen",
    "zugriffsrechte",
    "protokollierung",
    "protokolliert",
    "logging",
    "backup",
    "datensicherung",
    "gesichert",
    "wiederherstellung",
    "restore",
    "firewall",
    "virenschutz",
    "antivirus",
    "malware",
    "update",
    "patch",
    "schließanlage",
    "abgeschlossen",
    "verschlossen",
    "schlüssel",
    "tür",
    "alarmanlage",
    "videoüberwachung",
    "besucher",
    "empfang",
    "ausweis",
    "chipkarte",
    "pseudonymisierung",
    "pseudonymisiert",
    "anonymisierung",
    "anonymisiert",
    "getrennt",
    "trennung",
    "separat",
    "mandantenfähig",
    "vertrag",
    "avv",
    "richtlinie",
    "policy",
    "anweisung",
    "schulung",
    "geschult",
    "sensibilisiert",
    "sensibilisierung",
    "verpflichtet",
    "verpflichtung",
    "audit",
    "test",
    "getestet",
    "überwachung",
    "monitoring",
    "löschung",
    "gelöscht",
    "löschkonzept",
    "sperrung",
    "vernichtung",
    "shredder",
    "aktenvernichter",
    "usv",
    "raid",
    "redundant",
    "klimaanlage",
    "brandschutz",
    "rauchmelder",
    "vpn",
    "tls",
    "ssl",
    "https",
    "mfa",
    "2fa",
    "zwei-faktor",
    "hash",
    "gehasht",
    "signatur",
    "vier-augen-prinzip",
    "freigabe",
    "dokumentiert",
    "dokumentation",
    "konzept",
    "verfahren",
    "meldeprozess",
    "notfallplan",
    "datenschutzbeauftragte",
    "datenschutzbeauftragter",
    "bildschirmsperre",
    "screen lock",
    "access control",
    "role",
    "permission",
    "training",
    "contract",
    "review",
    "deleted",
    "deletion",
    "penetrationstest",
    "schwachstellenscan",
];

/// Words that only claim control in general ("Kontrollen", "Maßnahmen",
/// "Sicherheit") without naming one.
const GENERIC: &[&str] = &[
    "kontrolle",
    "kontrollen",
    "kontrolliert",
    "maßnahme",
    "maßnahmen",
    "sicherheit",
    "sicher",
    "stabil",
    "zuverlässig",
    "geschützt",
    "schutz",
    "prüfung",
    "überprüfung",
    "überprüft",
    "geprüft",
    "angemessen",
    "geeignet",
    "regelmäßig",
    "measures",
    "controls",
    "security",
    "secure",
    "protected",
    "appropriate",
    "regular",
];

/// Reads `statement`, placed under `area` (the heading's, if any).
///
/// ```
/// use dsgvo_core::tom::{Modality, ShopMeasure, read_statement};
/// let r = read_statement("Intern werden die Daten unverschlüsselt gespeichert.", None);
/// assert_eq!((r.modality, r.measure), (Modality::Negated, Some(ShopMeasure::EncryptionAtRest)));
/// let r = read_statement("Ein Löschkonzept ist in Planung.", None);
/// assert_eq!((r.modality, r.measure), (Modality::Planned, Some(ShopMeasure::DeletionConcept)));
/// let r = read_statement("Alle Mitarbeiter sind zur Vertraulichkeit verpflichtet.", None);
/// assert_eq!((r.modality, r.measure), (Modality::InPlace, Some(ShopMeasure::ConfidentialityCommitment)));
/// ```
pub fn read_statement(statement: &str, area: Option<ControlArea>) -> StatementReading {
    let spans = spans(statement);
    let ws: Vec<String> = spans.iter().map(|(w, _)| w.clone()).collect();
    let found = measure_in(&ws, area);
    let generic = any_phrase(&ws, GENERIC);
    // Under an area's heading a statement may describe its control in the
    // area's own terms ("Kundennummern statt Namen" under
    // "Pseudonymisierung"), unless it only makes a general claim.
    let names_control = found.is_some()
        || CONTROLS.iter().any(|c| find(&ws, c).is_some())
        || (area.is_some() && generic.is_none());
    let reading = |modality, cue: Option<String>| StatementReading {
        measure: found.map(|(m, _)| m),
        modality,
        names_control,
        cue,
    };
    let written =
        |hit: Option<(&str, usize)>| hit.map(|(p, at)| as_written(statement, &spans, at, p));
    if let Some((_, Some(cue))) = &found {
        return reading(Modality::Negated, Some((*cue).to_string()));
    }
    if found.is_none() {
        if let Some(b) = written(any_phrase(&ws, BELIEF)) {
            return reading(Modality::Belief, Some(b));
        }
    }
    if let Some(r) = written(any_phrase(&ws, RECOMMENDED)) {
        return reading(Modality::RecommendedToOthers, Some(r));
    }
    if let Some(p) = written(any_phrase(&ws, PLANNED)) {
        return reading(Modality::Planned, Some(p));
    }
    if found.is_none() && !names_control {
        // No control named: a claim at most ("sind sehr stabil"), with the
        // generic word that makes it one, where there is such a word.
        return reading(Modality::Vague, written(generic));
    }
    if found.is_none() && names_control {
        // A control word under a negation, with no baseline measure named:
        // "Es findet keine Protokollierung statt" is still no measure.
        if let Some(cue) = CONTROLS
            .iter()
            .filter_map(|c| find(&ws, c))
            .find_map(|(at, un)| negation(&ws, at, un))
        {
            return reading(Modality::Negated, Some(cue.to_string()));
        }
    }
    reading(Modality::InPlace, None)
}

/// The baseline measure named, preferring one that is not negated, then the
/// longest keyword, then one of the heading's area; with the negation cue
/// when every mention of it is negated.
fn measure_in(
    ws: &[String],
    area: Option<ControlArea>,
) -> Option<(ShopMeasure, Option<&'static str>)> {
    // (affirmed, keyword length, in area) ranks the candidates.
    type Rank = (bool, usize, bool);
    let mut best: Option<(Rank, ShopMeasure, Option<&'static str>)> = None;
    for m in ShopMeasure::ALL {
        let spec = m.spec();
        for k in spec.keywords {
            let Some((at, un)) = find(ws, k) else {
                continue;
            };
            let negated = negation(ws, at, un);
            let rank = (negated.is_none(), k.len(), Some(spec.area) == area);
            if best.as_ref().is_none_or(|(r, _, _)| rank > *r) {
                best = Some((rank, *m, negated));
            }
        }
    }
    best.map(|(_, m, n)| (m, n))
}

/// Whether the words at `at` are negated: an "un" prefix, a negating word
/// up to two words before ("keine Protokollierung", "nicht verschlüsselt"),
/// or "nicht"/"fehlt" up to two words after ("Backups werden nicht
/// erstellt"). Returns the cue.
fn negation(ws: &[String], at: usize, un: bool) -> Option<&'static str> {
    if un {
        return Some("un-");
    }
    let before = ws[at.saturating_sub(2)..at].iter();
    let after = ws.iter().skip(at + 1).take(3);
    before
        .chain(after)
        .find_map(|w| NEGATORS.iter().chain(ABSENT).find(|n| **n == w.as_str()))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_hyphenated_compounds_and_drop_punctuation() {
        assert_eq!(
            words("Zwei-Faktor-Anmeldung (MFA), täglich; z. B. 2FA."),
            ["zwei-faktor-anmeldung", "mfa", "täglich", "z", "b", "2fa"]
        );
    }

    #[test]
    fn a_word_is_a_keyword_only_as_a_word_or_compound() {
        use WordMatch::*;
        for (word, keyword, expected) in [
            ("update", "update", Yes),
            ("updates", "update", Yes),
            ("sicherheitsupdates", "update", Yes),
            ("unverschlüsselt", "verschlüsselt", Negated),
            ("verschlüsselt", "verschlüsselt", Yes),
            ("zwei-faktor-app", "zwei-faktor", Yes),
            ("backupkonzept", "backup", Yes),
            ("kavvar", "avv", No),
            ("tlsx", "tls", No),
            ("mfa", "mfa", Yes),
            ("protokoll", "protokollierung", No),
            ("kontrollen", "rollen", No),
            ("kundenpasswörter", "passwörter", Yes),
            // "nicht" before the keyword negates it like "un", also hyphenated.
            ("nichtverschlüsselt", "verschlüsselt", Negated),
            ("nicht-verschlüsselt", "verschlüsselt", Negated),
            // Keywords of four letters or fewer start no closed compound.
            ("testament", "test", No),
            ("hashtag", "hash", No),
        ] {
            assert_eq!(word_is(word, keyword), expected, "{word} / {keyword}");
        }
    }

    #[test]
    fn hyphens_at_the_end_of_a_word_are_no_part_of_it() {
        assert_eq!(
            words("Zutritts- und Zugangskontrolle"),
            ["zutritts", "und", "zugangskontrolle"]
        );
    }

    fn ws(text: &str) -> Vec<String> {
        words(text)
    }

    // The words of a phrase with a gap occur in order, each after the one
    // before; one word never stands for two parts of the phrase.
    #[test]
    fn a_phrase_with_a_gap_matches_its_words_in_order() {
        let planned = ws("Die Zwei-Faktor-Anmeldung wird ab Mai eingeführt");
        assert_eq!(find(&planned, "wird * eingeführt"), Some((2, false)));
        assert_eq!(
            find(&ws("eingeführt und wird geprüft"), "wird * eingeführt"),
            None
        );
        assert_eq!(find(&ws("Test bestanden"), "test * test"), None);
        assert_eq!(find(&ws("Test und Test"), "test * test"), Some((0, false)));
    }

    // A cue with a gap is quoted as the phrase: the words between are not
    // part of it.
    #[test]
    fn a_cue_with_a_gap_is_quoted_as_the_phrase() {
        let r = read_statement("Die Zwei-Faktor-Anmeldung wird ab Mai eingeführt.", None);
        assert_eq!(r.modality, Modality::Planned);
        assert_eq!(r.cue.as_deref(), Some("wird * eingeführt"));
    }

    // "nicht" up to three words after the measure negates it.
    #[test]
    fn a_negation_three_words_after_the_measure_counts() {
        let r = read_statement("Datensicherungen werden derzeit nicht erstellt.", None);
        assert_eq!(
            (r.modality, r.measure, r.cue.as_deref()),
            (Modality::Negated, Some(ShopMeasure::Backups), Some("nicht"))
        );
        let r = read_statement(
            "Datensicherungen werden täglich auf einen anderen Server nicht gelöscht.",
            None,
        );
        assert_eq!(r.modality, Modality::InPlace);
    }

    // Our choice: a statement that affirms a baseline measure is that measure
    // in place, even when it says another control is missing; the missing
    // one is read from its own statement.
    #[test]
    fn an_affirmed_measure_is_in_place_beside_a_missing_control() {
        let r = read_statement(
            "Backups werden täglich erstellt; ein Restore-Test fehlt noch.",
            None,
        );
        assert_eq!(
            (r.modality, r.measure),
            (Modality::InPlace, Some(ShopMeasure::Backups))
        );
    }

    // Our choice: between keywords of equal length the heading's area
    // decides, and without one the catalogue's order (TLS before VPN).
    #[test]
    fn equal_keywords_are_ranked_by_area_then_catalogue_order() {
        let text = "Zugriff nur über VPN und TLS.";
        assert_eq!(read_statement(text, None).measure, Some(ShopMeasure::Tls));
        assert_eq!(
            read_statement(text, Some(ControlArea::SystemAccess)).measure,
            Some(ShopMeasure::AdminNetworkRestriction)
        );
    }
}
