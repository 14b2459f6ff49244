//! Scoping (issue 20): the CSV and JSON Lines readers, the second pass
//! that gives the recipients, and every detector on arbitrary bytes, in
//! both encodings: nothing panics, a report or list that is made
//! serialises.
#![no_main]
use dsgvo_core::scope::{
    Encoding, ScopeOptions, detect, read_csv, read_csv_recipients, read_json_lines,
    read_json_lines_recipients,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let base = ScopeOptions::new("2026-11-20".parse().unwrap());
    let as_of = base.as_of;
    for encoding in [Encoding::Utf8, Encoding::Latin1] {
        let mut options = base.clone();
        // The first header, if any, is the key.
        options.key = std::str::from_utf8(data)
            .ok()
            .and_then(|t| t.lines().next())
            .and_then(|l| l.split([',', ';', '\t']).next())
            .map(|k| k.trim().to_string());
        if let Ok(s) = read_csv(data, options.clone(), encoding) {
            let _ = s.report().map(|r| serde_json::to_string(&r).unwrap());
            // The second pass over the same bytes gives the recipients.
            if let Ok(r) = read_csv_recipients(data, &s, encoding) {
                let _ = serde_json::to_string(&r).unwrap();
            }
        }
        if let Ok(s) = read_json_lines(data, options.clone(), encoding) {
            let _ = s.report().map(|r| serde_json::to_string(&r).unwrap());
            if let Ok(r) = read_json_lines_recipients(data, &s, encoding) {
                let _ = serde_json::to_string(&r).unwrap();
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        for value in text.split(['\n', ';']) {
            let _ = (
                detect::is_email(value),
                detect::is_phone(value),
                detect::is_iban(value),
                detect::is_card_number(value),
                detect::is_masked_card(value),
                detect::read_date(value).map(|d| d.age_on(as_of)),
                detect::read_country(value),
                detect::is_ip_address(value),
                detect::read_password_hash(value),
                detect::is_german_tax_id(value),
                dsgvo_core::scope::mask(value),
            );
        }
    }
});
