//! Country values of address columns: ISO 3166-1 codes and the names of
//! the countries shops in the EU mostly ship to, in German and English.

use crate::facts::CountryCode;

/// Names (lower case) of the EEA countries, Switzerland, the United Kingdom
/// and the United States in German and English, with their code. Our list:
/// other countries are read by their ISO code.
const NAMES: &[(&str, &str)] = &[
    ("deutschland", "DE"),
    ("germany", "DE"),
    ("österreich", "AT"),
    ("austria", "AT"),
    ("schweiz", "CH"),
    ("switzerland", "CH"),
    ("frankreich", "FR"),
    ("france", "FR"),
    ("italien", "IT"),
    ("italy", "IT"),
    ("spanien", "ES"),
    ("spain", "ES"),
    ("niederlande", "NL"),
    ("netherlands", "NL"),
    ("belgien", "BE"),
    ("belgium", "BE"),
    ("luxemburg", "LU"),
    ("luxembourg", "LU"),
    ("polen", "PL"),
    ("poland", "PL"),
    ("tschechien", "CZ"),
    ("czechia", "CZ"),
    ("czech republic", "CZ"),
    ("dänemark", "DK"),
    ("denmark", "DK"),
    ("schweden", "SE"),
    ("sweden", "SE"),
    ("finnland", "FI"),
    ("finland", "FI"),
    ("norwegen", "NO"),
    ("norway", "NO"),
    ("island", "IS"),
    ("iceland", "IS"),
    ("irland", "IE"),
    ("ireland", "IE"),
    ("portugal", "PT"),
    ("griechenland", "GR"),
    ("greece", "GR"),
    ("ungarn", "HU"),
    ("hungary", "HU"),
    ("slowakei", "SK"),
    ("slovakia", "SK"),
    ("slowenien", "SI"),
    ("slovenia", "SI"),
    ("kroatien", "HR"),
    ("croatia", "HR"),
    ("rumänien", "RO"),
    ("romania", "RO"),
    ("bulgarien", "BG"),
    ("bulgaria", "BG"),
    ("estland", "EE"),
    ("estonia", "EE"),
    ("lettland", "LV"),
    ("latvia", "LV"),
    ("litauen", "LT"),
    ("lithuania", "LT"),
    ("malta", "MT"),
    ("zypern", "CY"),
    ("cyprus", "CY"),
    ("liechtenstein", "LI"),
    ("vereinigtes königreich", "GB"),
    ("united kingdom", "GB"),
    ("großbritannien", "GB"),
    ("vereinigte staaten", "US"),
    ("united states", "US"),
    ("usa", "US"),
];

/// Whether a value of `len` bytes can be a code (2 or 3) or one of our
/// names (at most 23 bytes: "vereinigtes königreich"). Only saves work: the
/// lookups find nothing for other lengths either.
fn candidate_length(len: usize) -> bool {
    (2..=24).contains(&len)
}

/// The country `value` names: an assigned ISO 3166-1 alpha-2 or alpha-3
/// code in either case, or a name of our list.
///
/// ```
/// use dsgvo_core::scope::detect::read_country;
/// assert_eq!(read_country("de").unwrap().as_str(), "DE");
/// assert_eq!(read_country("AUT").unwrap().as_str(), "AT");
/// assert_eq!(read_country("Österreich").unwrap().as_str(), "AT");
/// assert!(read_country("XX").is_none());
/// ```
pub fn read_country(value: &str) -> Option<CountryCode> {
    let value = super::trimmed(value);
    // Most cells are rejected here, before any lookup.
    if !candidate_length(value.len()) {
        return None;
    }
    if !value.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return None; // names and codes are letters and spaces
    }
    // A code in capitals, without allocating (only ASCII letters change, so
    // the bytes stay UTF-8; no name of ours is that short).
    let mut upper = [0u8; 3];
    let code = match value.len() {
        2 | 3 => {
            let upper = &mut upper[..value.len()];
            upper.copy_from_slice(value.as_bytes());
            upper.make_ascii_uppercase();
            let upper = std::str::from_utf8(upper).unwrap_or("");
            if upper.len() == 2 {
                Some(upper)
            } else {
                isocountry::CountryCode::for_alpha3(upper)
                    .ok()
                    .map(|c| c.alpha2())
            }
        }
        _ => None,
    };
    // Names compared in lower case without building the lower-case text
    // (this runs on every cell of a name column).
    let code = code.or_else(|| {
        let lower = || value.chars().flat_map(char::to_lowercase);
        let first = lower().next();
        NAMES
            .iter()
            .filter(|(name, _)| name.chars().next() == first)
            .find(|(name, _)| name.chars().eq(lower()))
            .map(|(_, c)| *c)
    })?;
    CountryCode::new(code).ok()
}

#[cfg(test)]
mod tests {
    use super::read_country;

    #[test]
    fn codes_and_names_give_the_country() {
        for (value, code) in [
            ("DE", "DE"),
            ("at", "AT"),
            ("FRA", "FR"),
            ("Deutschland", "DE"),
            ("GERMANY", "DE"),
            ("Vereinigtes Königreich", "GB"),
        ] {
            assert_eq!(
                read_country(value).map(|c| c.as_str().to_string()),
                Some(code.to_string()),
                "{value}"
            );
        }
        for bad in ["XX", "UK", "EL", "ABC", "Germania", "", "D"] {
            assert!(read_country(bad).is_none(), "{bad}");
        }
    }
}
