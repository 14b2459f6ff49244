//! Which supervisory authorities are competent, and why.

use super::{Text, pick};
use crate::authority::AuthorityFinding;
use crate::options::Language;

/// The words for a [`AuthorityFinding`] in `lang`: text and source.
pub(crate) fn render(f: &AuthorityFinding, lang: Language) -> Text {
    let l = lang;
    let owned = |s: &str| s.to_string();
    match f {
        AuthorityFinding::Telecom => (
            pick!(
                l,
                owned("Telekommunikationsanbieter melden an die/den BfDI."),
                owned("Telecommunications providers notify the BfDI."),
            ),
            owned(
                "Bundesnetzagentur: competence for Art. 33 notifications of telecom providers lies exclusively with the BfDI; § 169 TKG (statutory basis UNVERIFIED, see legal-reference 1.1)",
            ),
        ),
        AuthorityFinding::Land { name } => (
            pick!(
                l,
                format!(
                    "Zuständig ist die Aufsichtsbehörde des Landes, in dem der Verantwortliche seinen Sitz hat: {name}."
                ),
                format!(
                    "Competent is the supervisory authority of the Land where the controller has its seat: {name}."
                ),
            ),
            owned("Art. 55(1) GDPR; § 40(1), (2) BDSG; Art. 4 No. 16 GDPR"),
        ),
        AuthorityFinding::National { name } => (
            pick!(
                l,
                format!(
                    "Zuständig ist die Aufsichtsbehörde des Mitgliedstaats der (Haupt-)Niederlassung: {name}."
                ),
                format!(
                    "Competent is the supervisory authority of the member state of the (main) establishment: {name}."
                ),
            ),
            owned("Art. 55(1), 56(1) GDPR"),
        ),
        AuthorityFinding::NotInEea { country } => (
            pick!(
                l,
                format!(
                    "Für das Land {country} enthält das Verzeichnis keine Aufsichtsbehörde der EU/des EWR; prüfen Sie controller.country und established_in_eu."
                ),
                format!(
                    "The directory has no EU/EEA supervisory authority for {country}; check controller.country and established_in_eu."
                ),
            ),
            owned("Art. 51, 55 GDPR"),
        ),
        AuthorityFinding::Lead => (
            pick!(
                l,
                owned(
                    "Betroffene leben in mehreren Mitgliedstaaten: Bei grenzüberschreitender Verarbeitung ist die federführende Behörde der Hauptniederlassung der einzige Ansprechpartner.",
                ),
                owned(
                    "Affected people live in several member states: for cross-border processing, the lead authority of the main establishment is the sole interlocutor.",
                ),
            ),
            owned("Art. 56(1), (6) GDPR; Recital 124; EDPB Guidelines 9/2022, section II.C.1"),
        ),
        AuthorityFinding::EveryResidence => (
            pick!(
                l,
                owned(
                    "Verantwortlicher ohne Niederlassung in der EU: Meldung an jede Aufsichtsbehörde der Mitgliedstaaten, in denen Betroffene leben; ein Vertreter begründet keinen One-Stop-Shop.",
                ),
                owned(
                    "Controller not established in the EU: notify every supervisory authority of the member states where affected people live; a representative does not trigger the one-stop shop.",
                ),
            ),
            owned("EDPB Guidelines 9/2022 v2.0, para 73; Art. 3(2), 27 GDPR"),
        ),
        AuthorityFinding::GermanLandUnknown => {
            let options: Vec<String> = crate::authority::GERMAN_LAENDER
                .iter()
                .filter_map(|r| crate::authority::land_authority(r))
                .map(|a| a.name.clone())
                .collect();
            (
                pick!(
                    l,
                    format!(
                        "Betroffene leben in Deutschland; welche Landesbehörde zuständig ist, richtet sich nach dem Land des Vertreters (representative.region) und ist offen. In Betracht kommen: {}.",
                        options.join("; ")
                    ),
                    format!(
                        "Affected people live in Germany; which Land authority is competent follows the Land of the representative (representative.region) and is open. The options: {}.",
                        options.join("; ")
                    ),
                ),
                owned("§ 40 BDSG; Art. 27 GDPR; EDPB Guidelines 9/2022 v2.0, para 73"),
            )
        }
    }
}
