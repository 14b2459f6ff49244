//! Sources cited the German way in German texts: "Art. 33 Abs. 1 DSGVO",
//! "Art. 4 Nr. 12 DSGVO", "Art. 34 Abs. 3 lit. a", "Erwägungsgrund 85",
//! "EDSA-Leitlinien 9/2022, Rn. 102". The sources are written once, in the
//! international form; this rewrites their citation syntax, never their
//! content.

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

fn words(text: &str) -> String {
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
    let mut s = text.to_string();
    for (en, de) in WORDS {
        s = s.replace(en, de);
    }
    further_paragraphs(&s)
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
