//! Authorities that accept breach notifications only through a channel of
//! their own: reference data with its source. A notification for such an
//! authority is a draft for its form, and the document says so.

use crate::options::Language;

/// How one authority accepts breach notifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Channel {
    /// Directory id of the authority.
    pub authority: &'static str,
    de: &'static str,
    en: &'static str,
    /// Where this was read.
    pub source: &'static str,
}

impl Channel {
    /// The rule in `lang`.
    pub fn text(&self, lang: Language) -> &'static str {
        match lang {
            Language::De => self.de,
            Language::En => self.en,
        }
    }
}

const CHANNELS: &[Channel] = &[
    Channel {
        authority: "nl-ap",
        de: "Die Autoriteit Persoonsgegevens nimmt Meldungen nur über ihr Online-Formular „Meldformulier datalekken“ an, nicht per Telefon, Post oder E-Mail. Dieses Dokument ist die Vorlage für die Felder des Formulars.",
        en: "The Autoriteit Persoonsgegevens accepts notifications only through its online form 'Meldformulier datalekken', not by phone, post or e-mail. This document is the draft for the form's fields.",
        source: "authority directory, entry nl-ap: breach_form_kind and breach_form_url (authority page, archived copy)",
    },
    Channel {
        authority: "be-apd-gba",
        de: "Die belgische Datenschutzbehörde (APD/GBA) nimmt Meldungen nur mit ihrem Formular über ihr E-Forms-Portal an, auf Niederländisch oder Französisch; E-Mail wird nicht angenommen. Dieses Dokument ist die Vorlage für das Formular.",
        en: "The Belgian data protection authority (APD/GBA) accepts notifications only with its form through its e-forms portal, in Dutch or French; e-mail is not accepted. This document is the draft for the form.",
        source: "authority directory, entry be-apd-gba: breach_form_kind and breach_form_url (authority page, archived copy)",
    },
];

/// The channel rule of the authority `id`, where it has one.
///
/// ```
/// assert!(dsgvo_core::authority::channel("nl-ap").is_some());
/// assert!(dsgvo_core::authority::channel("de-by-lda").is_none());
/// ```
pub fn channel(id: &str) -> Option<Channel> {
    CHANNELS.iter().copied().find(|c| c.authority == id)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_channel_names_an_authority_of_the_directory() {
        for c in super::CHANNELS {
            assert!(
                crate::authority::by_id(c.authority).is_some(),
                "{}",
                c.authority
            );
        }
    }
}
