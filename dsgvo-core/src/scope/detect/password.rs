//! Stored passwords, recognised by the format of their hash, and what the
//! format says about the passwords' strength against an attacker who has
//! the table (EDPB Guidelines 01/2021, example 5 vs. 6: a salted,
//! state-of-the-art hash versus plain text or a fast hash).

use serde::{Deserialize, Serialize};

use crate::facts::{PasswordHashing, closed_set};

closed_set!(
    /// A password hash format.
    PasswordFormat {
        /// bcrypt (`$2a$`, `$2b$`, `$2y$`; WordPress 6.8 `$wp$2y$`).
        Bcrypt = "bcrypt", /// Argon2 (`$argon2id$`, `$argon2i$`, `$argon2d$`).
        Argon2 = "argon2", /// scrypt (`$scrypt$`, `$7$`).
        Scrypt = "scrypt", /// PBKDF2 (`$pbkdf2-sha256$`, Django's `pbkdf2_sha256$`).
        Pbkdf2 = "pbkdf2", /// SHA-crypt (`$5$`, `$6$`): salted and iterated, but fast.
        ShaCrypt = "sha_crypt", /// phpass (`$P$`, `$H$`, older WordPress): iterated, salted MD5.
        Phpass = "phpass", /// MD5-crypt (`$1$`).
        Md5Crypt = "md5_crypt", /// A bare hex digest (MD5, SHA-1, SHA-256, SHA-512), unsalted.
        UnsaltedDigest = "unsalted_digest", /// A hex digest with a salt beside it (`digest:salt`).
        SaltedDigest = "salted_digest",
    }
);

impl PasswordFormat {
    /// The strength of passwords stored this way, in the terms of the facts.
    /// bcrypt, Argon2, scrypt and PBKDF2 are the current practice (our
    /// reading of the state of the art, Art. 32(1)); fast or MD5-based
    /// schemes are weak even when salted.
    pub fn strength(self) -> PasswordHashing {
        match self {
            PasswordFormat::Bcrypt
            | PasswordFormat::Argon2
            | PasswordFormat::Scrypt
            | PasswordFormat::Pbkdf2 => PasswordHashing::StateOfTheArt,
            _ => PasswordHashing::Weak,
        }
    }
}

/// The format of the password hash `value`, if it is one.
///
/// ```
/// use dsgvo_core::scope::detect::{read_password_hash, PasswordFormat};
/// let bcrypt = "$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
/// assert_eq!(read_password_hash(bcrypt), Some(PasswordFormat::Bcrypt));
/// assert_eq!(read_password_hash("5f4dcc3b5aa765d61d8327deb882cf99"), Some(PasswordFormat::UnsaltedDigest));
/// assert_eq!(read_password_hash("geheim123"), None);
/// ```
pub fn read_password_hash(value: &str) -> Option<PasswordFormat> {
    let v = super::trimmed(value);
    let v = v.strip_prefix("$wp").unwrap_or(v);
    let modular = [
        ("$2a$", PasswordFormat::Bcrypt),
        ("$2b$", PasswordFormat::Bcrypt),
        ("$2y$", PasswordFormat::Bcrypt),
        ("$argon2id$", PasswordFormat::Argon2),
        ("$argon2i$", PasswordFormat::Argon2),
        ("$argon2d$", PasswordFormat::Argon2),
        ("$scrypt$", PasswordFormat::Scrypt),
        ("$7$", PasswordFormat::Scrypt),
        ("$pbkdf2-sha256$", PasswordFormat::Pbkdf2),
        ("$pbkdf2-sha512$", PasswordFormat::Pbkdf2),
        ("$pbkdf2$", PasswordFormat::Pbkdf2),
        ("pbkdf2_sha256$", PasswordFormat::Pbkdf2),
        ("$5$", PasswordFormat::ShaCrypt),
        ("$6$", PasswordFormat::ShaCrypt),
        ("$P$", PasswordFormat::Phpass),
        ("$H$", PasswordFormat::Phpass),
        ("$1$", PasswordFormat::Md5Crypt),
    ];
    let may_be_modular = v.starts_with('$') || v.starts_with("pbkdf2_");
    if let Some((prefix, format)) = modular
        .iter()
        .filter(|_| may_be_modular)
        .find(|(p, _)| v.starts_with(p))
    {
        return well_formed(v, prefix, *format).then_some(*format);
    }
    let hex =
        |s: &str| matches!(s.len(), 32 | 40 | 64 | 128) && s.bytes().all(|b| b.is_ascii_hexdigit());
    if hex(v) {
        return Some(PasswordFormat::UnsaltedDigest);
    }
    match v.split_once(':') {
        Some((digest, salt)) if hex(digest) && !salt.is_empty() && salt.len() <= 64 => {
            Some(PasswordFormat::SaltedDigest)
        }
        _ => None,
    }
}

/// The body after the prefix has the format's shape: bcrypt a two-digit
/// cost and 53 characters of its alphabet; phpass 31 characters; the others
/// a salt and a hash field from the crypt alphabet.
fn well_formed(v: &str, prefix: &str, format: PasswordFormat) -> bool {
    let body = &v[prefix.len()..];
    let crypt =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '$' | '=' | ',' | '+' | '-');
    match format {
        PasswordFormat::Bcrypt => {
            let (cost, rest) = body.split_at(body.len().min(3));
            cost.len() == 3
                && cost[..2].bytes().all(|b| b.is_ascii_digit())
                && cost.ends_with('$')
                && rest.len() == 53
                && rest
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/'))
        }
        PasswordFormat::Phpass => body.len() == 31 && body.chars().all(crypt),
        _ => body.len() >= 16 && body.contains('$') && body.chars().all(crypt),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_read_from_their_shape() {
        let b = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
        assert_eq!(read_password_hash(b), Some(PasswordFormat::Bcrypt));
        assert_eq!(
            read_password_hash(&format!("$wp{b}")),
            Some(PasswordFormat::Bcrypt)
        );
        assert_eq!(
            read_password_hash(&b[..b.len() - 1]),
            None,
            "one character short"
        );
        let argon = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
        assert_eq!(read_password_hash(argon), Some(PasswordFormat::Argon2));
        let django = "pbkdf2_sha256$600000$salt1234salt$hashhashhashhashhash=";
        assert_eq!(read_password_hash(django), Some(PasswordFormat::Pbkdf2));
        let sha512 = "$6$rounds=5000$usesomesillystri$D4IrlXatmP7rx3P3InaxBeoomnAihCKRVQP22JZ6EY47Wc6BkroIuUUBOov1i.S5KPgErtP/EN5mcO.ChWQW21";
        assert_eq!(read_password_hash(sha512), Some(PasswordFormat::ShaCrypt));
        assert_eq!(
            read_password_hash("$P$984478476IagS59wHZvyQMArzfx58u."),
            Some(PasswordFormat::Phpass)
        );
        assert_eq!(
            read_password_hash("$1$saltsalt$qjXMvbEw8oaL.CzflDugX/"),
            Some(PasswordFormat::Md5Crypt)
        );
        assert_eq!(
            read_password_hash("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"),
            Some(PasswordFormat::UnsaltedDigest)
        );
        assert_eq!(
            read_password_hash("5f4dcc3b5aa765d61d8327deb882cf99:x7Gq"),
            Some(PasswordFormat::SaltedDigest)
        );
        for plain in [
            "geheim123",
            "Passwort!",
            "",
            "5f4dcc3b5aa765d61d8327deb882cf9",
            "$2y$",
            "$argon2id$short",
        ] {
            assert_eq!(read_password_hash(plain), None, "{plain}");
        }
    }

    // A salted digest is a hex digest, a colon and a salt of 1 to 64
    // characters.
    #[test]
    fn a_salted_digest_has_a_hex_digest_and_a_salt() {
        let digest = "5f4dcc3b5aa765d61d8327deb882cf99";
        assert_eq!(
            read_password_hash(&format!("{digest}:s4lt")),
            Some(PasswordFormat::SaltedDigest)
        );
        assert_eq!(
            read_password_hash(&format!("{digest}:{}", "s".repeat(64))),
            Some(PasswordFormat::SaltedDigest)
        );
        for bad in [
            format!("{digest}:"),
            format!("{digest}:{}", "s".repeat(65)),
            format!("{}:s4lt", &digest[..31]),
            format!("x{}:s4lt", &digest[1..]),
        ] {
            assert_eq!(read_password_hash(&bad), None, "{bad}");
        }
    }

    // Every part of a format's shape counts: phpass has 31 characters after
    // its prefix, of the crypt alphabet; the other modular formats a salt
    // and a hash of at least 16 characters together, from that alphabet.
    #[test]
    fn a_prefix_alone_makes_no_hash() {
        for bad in [
            "$P$984478476IagS59wHZvyQMArzfx58u",   // 30 characters
            "$P$984478476IagS59wHZvyQMArzfx58u.x", // 32
            "$P$984478476IagS59wHZ yQMArzfx58u.",  // a space
            "$1$salt$short",                       // 10 after the prefix
            "$1$saltsalt$qjXMvbEw8oaL CzflDugX/",  // a space
            "$1$saltsaltqjXMvbEw8oaLCzflDugX",     // no `$` between salt and hash
        ] {
            assert_eq!(read_password_hash(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_slow_salted_schemes_are_state_of_the_art() {
        use PasswordFormat::*;
        for f in [Bcrypt, Argon2, Scrypt, Pbkdf2] {
            assert_eq!(f.strength(), PasswordHashing::StateOfTheArt, "{f:?}");
        }
        for f in [ShaCrypt, Phpass, Md5Crypt, UnsaltedDigest, SaltedDigest] {
            assert_eq!(f.strength(), PasswordHashing::Weak, "{f:?}");
        }
    }
}
