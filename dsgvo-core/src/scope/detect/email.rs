//! E-mail addresses (RFC 5321 sizes, the RFC 5322 dot-atom form that shops
//! accept; quoted local parts are too rare in shop data to count).

/// Whether `value` is an e-mail address: a local part of 1 to 64 allowed
/// characters without leading, trailing or double dots, `@`, and a domain of
/// at least two labels (letters, digits, inner hyphens; at most 63 each)
/// whose last label is at least two letters; at most 254 characters.
///
/// ```
/// use dsgvo_core::scope::detect::is_email;
/// assert!(is_email("erika.mustermann@example.de"));
/// assert!(!is_email("erika@localhost"));
/// assert!(!is_email("erika..m@example.de"));
/// ```
pub fn is_email(value: &str) -> bool {
    let value = super::trimmed(value);
    if value.len() > 254 {
        return false;
    }
    // The last `@` (ASCII: never inside a character of several bytes),
    // found byte by byte: a search by `char` costs a call for a few bytes.
    let Some(at) = value.bytes().rposition(|b| b == b'@') else {
        return false;
    };
    local_part(&value[..at]) && domain_part(&value[at + 1..])
}

fn local_part(local: &str) -> bool {
    let bytes = local.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    bytes.len() <= 64
        && first != b'.'
        && last != b'.'
        && bytes.iter().all(|b| IN_LOCAL_PART[usize::from(*b)])
        && !bytes.windows(2).any(|pair| pair == b"..")
}

/// The bytes of a local part: ASCII letters and digits and
/// `` !#$%&'*+/=?^_`{|}~.- `` (RFC 5322 `atext` and the dot). A byte of a
/// wider character is none of them.
static IN_LOCAL_PART: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let others = b"!#$%&'*+/=?^_`{|}~.-";
    let mut i = 0;
    while i < others.len() {
        table[others[i] as usize] = true;
        i += 1;
    }
    table
};

fn domain_part(domain: &str) -> bool {
    let Some(dot) = domain.bytes().rposition(|b| b == b'.') else {
        return false; // at least two labels
    };
    let top = &domain[dot + 1..];
    domain.split('.').all(label) && top.chars().count() >= 2 && top.chars().all(char::is_alphabetic)
}

/// A label: 1 to 63 bytes of letters, digits and inner hyphens.
fn label(l: &str) -> bool {
    !l.is_empty()
        && l.len() <= 63
        && !l.starts_with('-')
        && !l.ends_with('-')
        && l.chars().all(|c| c.is_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::is_email;

    // RFC 5321 (4.5.3.1.3) limits a path to 256 octets with its angle
    // brackets: an address has at most 254 characters.
    #[test]
    fn an_address_has_at_most_254_characters() {
        let address = |len: usize| {
            let domain = format!(
                "{}.{}.{}.de",
                "a".repeat(63),
                "b".repeat(63),
                "c".repeat(63)
            );
            let local = "x".repeat(len - 1 - domain.len());
            format!("{local}@{domain}")
        };
        assert_eq!(address(254).len(), 254);
        assert!(is_email(&address(254)));
        assert!(!is_email(&address(255)));
    }

    // The local part as first written, a character at a time.
    fn local_part_by_chars(local: &str) -> bool {
        !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
    }

    // The address as first written, split by `char` searches.
    fn is_email_by_chars(value: &str) -> bool {
        let value = value.trim();
        let Some((local, domain)) = value.rsplit_once('@') else {
            return false;
        };
        let Some((_, top)) = domain.rsplit_once('.') else {
            return false;
        };
        // Labels of 1 to 63 bytes, letters, digits and inner hyphens.
        let label = |l: &str| {
            (1..=63).contains(&l.len())
                && l.trim_matches('-') == l
                && !l.contains(|c: char| !c.is_alphanumeric() && c != '-')
        };
        value.len() <= 254
            && local_part_by_chars(local)
            && domain.split('.').all(label)
            && top.chars().count() >= 2
            && top.chars().all(char::is_alphabetic)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn addresses_are_read_as_by_characters(
            value in "[a.@]{0,3}[a-z.@ü-]{0,8}\\.[a-zü1.]{0,4}|[ -~]{0,10}"
        ) {
            proptest::prop_assert_eq!(is_email(&value), is_email_by_chars(&value));
        }

        #[test]
        fn the_local_part_is_read_as_by_characters(
            local in "[ -~é\\x00]{0,6}|[a.]{0,8}|[a.]{60,66}"
        ) {
            proptest::prop_assert_eq!(super::local_part(&local), local_part_by_chars(&local));
        }
    }

    #[test]
    fn addresses_are_validated_not_matched_loosely() {
        for ok in [
            "a@b.de",
            "erika.mustermann+shop@mail.example.org",
            "o'brien@example.ie",
            "info@müller-shop.de",
            " kunde@example.com ",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "@example.de",
            "erika@",
            "erika@example",
            "erika@example.d",
            "erika@-example.de",
            "erika@example-.de",
            "erika@exa_mple.de",
            ".erika@example.de",
            "erika.@example.de",
            "er..ika@example.de",
            "erika mustermann@example.de",
            "erika@example.123",
            "Erika Mustermann",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(!is_email(&format!("{}@example.de", "a".repeat(65))));
        assert!(!is_email(&format!("a@{}.de", "b".repeat(64))));
    }
}
