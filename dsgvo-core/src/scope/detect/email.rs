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
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    local_part(local) && domain_part(domain)
}

fn local_part(local: &str) -> bool {
    !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
}

fn domain_part(domain: &str) -> bool {
    let label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let Some((_, top)) = domain.rsplit_once('.') else {
        return false; // at least two labels
    };
    domain.split('.').all(label) && top.chars().count() >= 2 && top.chars().all(char::is_alphabetic)
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
