//! Shop templates: any template source replaces a built-in one; rendering
//! every document with it either works or names the template and line.
#![no_main]
use dsgvo_core::document::{
    LetterFormat, Recipient, Templates, TomFormat, bundle, letters, tom_document,
};
use dsgvo_core::tom::{Checklist, ProtectionNeed};
use dsgvo_core::{AssessedBreach, BreachFacts, Language};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, source)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(source) else {
        return;
    };
    let builtin = Templates::builtin();
    let names = builtin.names();
    let name = &names[usize::from(which) % names.len()];
    let templates = match builtin.with_template(name, source) {
        Ok(t) => t,
        Err(e) => {
            assert!(e.to_string().contains(name.as_str()), "{e}");
            return;
        }
    };
    let facts =
        BreachFacts::from_json(std::str::from_utf8(dsgvo_fuzz::FACTS.to_bytes()).unwrap()).unwrap();
    let lang = if name.starts_with("de/") {
        Language::De
    } else {
        Language::En
    };
    let options = dsgvo_core::AssessmentOptions {
        language: lang,
        ..Default::default()
    };
    let breach = AssessedBreach::new(facts.clone(), &options);
    let now = "2026-11-22T09:00:00Z".parse().unwrap();
    if let Err(e) = bundle(&breach, &templates, now, Some("Forensik")) {
        assert!(!e.to_string().is_empty());
    }
    if name.contains("/letter.") {
        // Letters from the per-breach skeleton equal full renderings,
        // forced by an appended expression that prints nothing but holds a
        // barred word (a comment or block tag would let `lstrip_blocks`
        // strip whitespace before it). A source ending in `{` would run
        // into it; those are skipped.
        if source.ends_with('{') {
            return;
        }
        let Ok(full) =
            Templates::builtin().with_template(name, &format!("{source}{{{{ \"raw\"[:0] }}}}"))
        else {
            return;
        };
        let format = if name.ends_with(".html") {
            LetterFormat::Html
        } else {
            LetterFormat::Text
        };
        let people = || {
            ["Kundin & <Co>", "O'Neil \"Jr\"", "Jörg"].map(|n| Recipient {
                name: n.into(),
                salutation: None,
                email: None,
                affected: vec![],
            })
        };
        let fast: Vec<_> = letters(&templates, &breach, format, people())
            .map(|l| l.map(|l| l.content).map_err(|e| e.to_string()))
            .collect();
        let slow: Vec<_> = letters(&full, &breach, format, people())
            .map(|l| l.map(|l| l.content).map_err(|e| e.to_string()))
            .collect();
        assert_eq!(fast, slow);
    }
    if name.contains("tom") {
        let checklist = Checklist::baseline("Shop", ProtectionNeed::Normal, lang);
        for format in [TomFormat::Markdown, TomFormat::Html] {
            let _ = tom_document(
                &checklist,
                "2026-11-22".parse().unwrap(),
                lang,
                format,
                &templates,
            );
        }
    }
});
