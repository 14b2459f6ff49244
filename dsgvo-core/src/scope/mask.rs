//! Masked examples: what a column's values look like, never what they are.
//! Letters become `a`/`A`, digits `9`; an e-mail address keeps its first
//! letter and its top-level domain, a card number its last four digits
//! (as receipts show them, PCI DSS 3.4), a password hash its scheme.

use super::cell::{Evidence, Findings, findings};

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
    if value.is_empty() {
        return None;
    }
    let mut out = String::new();
    mask_into(value, &findings(value), &mut out);
    Some(out)
}

/// Writes the mask of the trimmed, non-empty `value` into `out` (cleared
/// first, so a caller masking every cell reuses one buffer), with what the
/// detectors found in it.
pub(crate) fn mask_into(value: &str, found: &Findings, out: &mut String) {
    out.clear();
    let first = value.chars().next().unwrap_or(' ');
    let card_like = first.is_ascii_digit() || matches!(first, '*' | 'X' | 'x' | '•');
    if found.has(Evidence::Email) {
        out.push(
            Some(first)
                .filter(char::is_ascii_alphanumeric)
                .unwrap_or('*'),
        );
        out.push_str("***@***.");
        // What follows the last dot (ASCII, found byte by byte).
        let dot = value.bytes().rposition(|b| b == b'.');
        out.push_str(&value[dot.map_or(0, |d| d + 1)..]);
    } else if card_like && (found.has(Evidence::CardNumber) || found.has(Evidence::MaskedCard)) {
        out.push_str("**** **** **** ");
        let digits = value.chars().filter(char::is_ascii_digit);
        let skip = digits.clone().count().saturating_sub(4);
        out.extend(digits.skip(skip));
    } else if value.starts_with('$') && found.password.is_some() {
        let second = value[1..].find('$').map_or(value.len(), |i| i + 1);
        out.push_str(&value[..second]);
        out.push_str("$…");
    } else {
        shape_into(value, out);
    }
}

/// The shape of `value`: letters `a`/`A`, digits `9`, at most [`LONGEST`]
/// characters and `…` for more.
fn shape_into(value: &str, out: &mut String) {
    let shown = |c: char| match c {
        c if c.is_ascii_digit() => '9',
        c if c.is_uppercase() => 'A',
        c if c.is_alphabetic() => 'a',
        c if c.is_whitespace() => ' ',
        c if c.is_ascii_punctuation() => c,
        _ => '?',
    };
    if value.is_ascii() {
        // Every byte a character: the table below, no decoding.
        let head = &value.as_bytes()[..value.len().min(LONGEST)];
        out.extend(
            head.iter()
                .map(|b| char::from(ASCII_SHAPES[usize::from(*b)])),
        );
        if value.len() > LONGEST {
            out.push('…');
        }
        return;
    }
    let mut chars = value.chars();
    out.extend(chars.by_ref().take(LONGEST).map(shown));
    if chars.next().is_some() {
        out.push('…');
    }
}

/// The shape of each ASCII character, as `shape_into` maps characters.
static ASCII_SHAPES: [u8; 128] = {
    let mut table = [b'?'; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'0'..=b'9' => b'9',
            b'A'..=b'Z' => b'A',
            b'a'..=b'z' => b'a',
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => b' ',
            c if c.is_ascii_punctuation() => c,
            _ => b'?',
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn ascii_is_shaped_as_any_text() {
        let ascii: String = (0u8..128).map(char::from).collect();
        let mut fast = String::new();
        for chunk in ascii.as_bytes().chunks(20) {
            let value = std::str::from_utf8(chunk).unwrap();
            super::shape_into(value, &mut fast);
            // The same characters after one beyond ASCII take the slow path.
            let mut slow = String::new();
            super::shape_into(&format!("{value}é"), &mut slow);
            assert_eq!(format!("{fast}a"), slow, "{value:?}");
            fast.clear();
        }
    }

    #[test]
    fn examples_show_the_shape_never_the_value() {
        assert_eq!(mask("  ").as_deref(), None);
        // An address keeps its first letter and what follows its last dot.
        assert_eq!(
            mask("m.muster@post.example.com").as_deref(),
            Some("m***@***.com")
        );
        assert_eq!(mask("_x@b.de").as_deref(), Some("****@***.de"));
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
