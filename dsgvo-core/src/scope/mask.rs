//! Masked examples: what a column's values look like, never what they are.
//! Letters become `a`/`A`, digits `9`; an e-mail address keeps its first
//! letter and its top-level domain, a card number its last four digits
//! (as receipts show them, PCI DSS 3.4), a password hash its scheme.

use super::detect;

/// The longest example, in characters.
const LONGEST: usize = 32;

/// The masked form of `value`.
///
/// ```
/// use dsgvo_core::scope::mask;
/// assert_eq!(mask("erika.mustermann@example.de").unwrap(), "e***@***.de");
/// assert_eq!(mask("4111 1111 1111 1111").unwrap(), "**** **** **** 1111");
/// assert_eq!(mask("Erika Mustermann").unwrap(), "Aaaaa Aaaaaaaaaa");
/// assert_eq!(mask("12.03.1990").unwrap(), "99.99.9999");
/// ```
pub fn mask(value: &str) -> Option<String> {
    let value = value.trim();
    let found = Found {
        email: detect::is_email(value),
        card: detect::is_card_number(value) || detect::is_masked_card(value),
        hash: detect::read_password_hash(value).is_some(),
    };
    masked(value, found)
}

/// What the detectors found in a cell, as far as the mask shows it.
#[derive(Clone, Copy, Default)]
pub(crate) struct Found {
    pub email: bool,
    /// A card number, full or masked.
    pub card: bool,
    /// A password hash.
    pub hash: bool,
}

/// The mask of the trimmed `value`, with what the detectors found in it
/// (the scoping has run them already; [`mask`] runs them itself).
pub(crate) fn masked(value: &str, found: Found) -> Option<String> {
    let mut out = String::new();
    mask_into(value, found, &mut out).then_some(out)
}

/// Writes the mask of `value` into `out` (cleared first), so a caller
/// masking every cell reuses one buffer; `false` for an empty value.
pub(crate) fn mask_into(value: &str, found: Found, out: &mut String) -> bool {
    use std::fmt::Write;
    out.clear();
    if value.is_empty() {
        return false;
    }
    if found.email {
        let first = value
            .chars()
            .next()
            .filter(char::is_ascii_alphanumeric)
            .unwrap_or('*');
        let tld = value.rsplit('.').next().unwrap_or("");
        let _ = write!(out, "{first}***@***.{tld}");
        return true;
    }
    let first = value.chars().next().unwrap_or(' ');
    let card_like = first.is_ascii_digit() || matches!(first, '*' | 'X' | 'x' | '•');
    if card_like && found.card {
        out.push_str("**** **** **** ");
        let last: Vec<char> = value.chars().filter(char::is_ascii_digit).collect();
        out.extend(&last[last.len().saturating_sub(4)..]);
        return true;
    }
    if value.starts_with('$') && found.hash {
        let scheme = value.splitn(3, '$').take(2).collect::<Vec<_>>().join("$");
        let _ = write!(out, "{scheme}$…");
        return true;
    }
    let mut chars = value.chars();
    for c in chars.by_ref().take(LONGEST) {
        out.push(match c {
            c if c.is_ascii_digit() => '9',
            c if c.is_uppercase() => 'A',
            c if c.is_alphabetic() => 'a',
            c if c.is_whitespace() => ' ',
            c if c.is_ascii_punctuation() => c,
            _ => '?',
        });
    }
    if chars.next().is_some() {
        out.push('…');
    }
    true
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn examples_show_the_shape_never_the_value() {
        assert_eq!(mask("  ").as_deref(), None);
        assert_eq!(mask("ÄÖÜ straße 5").as_deref(), Some("AAA aaaaaa 9"));
        assert_eq!(
            mask("DE89 3704 0044 0532 0130 00").as_deref(),
            Some("AA99 9999 9999 9999 9999 99")
        );
        assert_eq!(
            mask("$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234").as_deref(),
            Some("$2y$…")
        );
        assert_eq!(
            mask("**** **** **** 4242").as_deref(),
            Some("**** **** **** 4242")
        );
        // Punctuation stays, other symbols become `?`, a hex digest its shape.
        assert_eq!(
            mask("Musterstr. 5-7, 2 €").as_deref(),
            Some("Aaaaaaaaa. 9-9, 9 ?")
        );
        assert_eq!(
            mask("5f4dcc3b5aa765d61d8327deb882cf99").as_deref(),
            Some("9a9aaa9a9aa999a99a9999aaa999aa99")
        );
        // 32 characters are shown whole, more are cut with `…`.
        let exactly = "a".repeat(32);
        assert_eq!(mask(&exactly).unwrap(), exactly);
        let long = "Bitte vor der Haustür abstellen, Nachbarin Frau Müller";
        assert_eq!(mask(long).unwrap().chars().count(), 33);
        assert!(!mask(long).unwrap().contains("Müller"));
    }
}
