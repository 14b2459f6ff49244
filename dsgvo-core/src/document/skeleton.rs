//! A letter template specialised for one breach: rendered once with
//! placeholders for the recipient's name and greeting, then filled per
//! recipient. Used only when the template provably treats the recipient as
//! plain text, so that the result is byte for byte the full rendering.
//!
//! A template qualifies when every use of `recipient` is one of
//! `{{ recipient.name }}`, `{{ recipient.greeting }}` (printed as they are,
//! escaped like any value) or `{% for x in recipient.affected %}` (the
//! same list for every recipient without an own `affected` list), and it
//! uses nothing that could reach or transform printed output: no `debug`,
//! `include`, `import`, `extends`, `block`, `macro`, `call`, `filter`,
//! `set`, `autoescape` or `raw`. Anything else is rendered in full for every
//! letter. On top, the skeleton is checked against a full rendering for a
//! probe recipient with characters that need escaping, and dropped if the
//! two differ.

use std::fmt::Write;

use minijinja::HtmlEscape;

/// Marks a placeholder; a private-use character that no built-in data
/// contains (a breach whose data contains it is rendered in full).
const MARK: char = '\u{E000}';
/// Ends a placeholder.
const END: char = '\u{E001}';
/// The placeholder for the name.
pub(super) const NAME: &str = "\u{E000}n\u{E001}";
/// The placeholder for the greeting.
pub(super) const GREETING: &str = "\u{E000}g\u{E001}";

/// Words that end eligibility wherever they occur as a whole word.
const BARRED: &[&str] = &[
    "debug",
    "include",
    "import",
    "extends",
    "block",
    "macro",
    "call",
    "filter",
    "set",
    "autoescape",
    "raw",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Name,
    Greeting,
}

/// The letter for one breach with the recipient's name and greeting left
/// open.
#[derive(Debug)]
pub(super) struct Skeleton {
    /// Literal text; `parts.len() == slots.len() + 1`.
    parts: Vec<String>,
    slots: Vec<Slot>,
    escape_html: bool,
    literal_len: usize,
}

impl Skeleton {
    /// The skeleton from a rendering with [`NAME`] and [`GREETING`] as the
    /// recipient's values; `None` if the output has a stray mark.
    pub(super) fn from_rendered(rendered: &str, escape_html: bool) -> Option<Skeleton> {
        let mut pieces = rendered.split(MARK);
        let mut parts = vec![pieces.next()?.to_string()];
        let mut slots = Vec::new();
        for piece in pieces {
            let mut chars = piece.chars();
            let slot = match (chars.next(), chars.next()) {
                (Some('n'), Some(END)) => Slot::Name,
                (Some('g'), Some(END)) => Slot::Greeting,
                _ => return None,
            };
            slots.push(slot);
            parts.push(chars.as_str().to_string());
        }
        if parts.iter().any(|p| p.contains(END)) {
            return None;
        }
        let literal_len = parts.iter().map(String::len).sum();
        Some(Skeleton {
            parts,
            slots,
            escape_html,
            literal_len,
        })
    }

    /// The letter for one recipient.
    pub(super) fn fill(&self, name: &str, greeting: &str) -> String {
        let mut out = String::with_capacity(self.literal_len + 2 * self.slots.len() * 48);
        out.push_str(&self.parts[0]);
        for (slot, part) in self.slots.iter().zip(&self.parts[1..]) {
            let value = match slot {
                Slot::Name => name,
                Slot::Greeting => greeting,
            };
            if self.escape_html {
                // Writing into a String does not fail.
                let _ = write!(out, "{}", HtmlEscape(value));
            } else {
                out.push_str(value);
            }
            out.push_str(part);
        }
        out
    }
}

/// Whether `source` uses the recipient only as plain text (see the module
/// documentation).
pub(super) fn eligible(source: &str) -> bool {
    if source.contains(MARK) || source.contains(END) {
        return false;
    }
    for (at, word) in words(source) {
        if BARRED.contains(&word) {
            return false;
        }
        if word == "recipient" && !plain_use(source, at) {
            return false;
        }
    }
    true
}

/// Whole identifier-like words with their byte offsets.
fn words(source: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in source.char_indices().chain([(source.len(), ' ')]) {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &source[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// Whether the `recipient` at byte `at` sits in one of the allowed forms.
fn plain_use(source: &str, at: usize) -> bool {
    let before = source[..at].trim_end_matches([' ', '\t']);
    let after = &source[at..];
    let printed = |field: &str| {
        after
            .strip_prefix(field)
            .map(|rest| {
                let rest = rest.trim_start_matches([' ', '\t']);
                rest.starts_with("}}") || rest.starts_with("-}}")
            })
            .unwrap_or(false)
            && (before.ends_with("{{") || before.ends_with("{{-"))
    };
    if printed("recipient.name") || printed("recipient.greeting") {
        return true;
    }
    // `{% for x in recipient.affected %}`
    let Some(rest) = after.strip_prefix("recipient.affected") else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    if !(rest.starts_with("%}") || rest.starts_with("-%}")) {
        return false;
    }
    let Some(open) = before.rfind("{%") else {
        return false;
    };
    let head = &before[open + 2..];
    let head = head.strip_prefix('-').unwrap_or(head);
    let tokens: Vec<&str> = head.split_whitespace().collect();
    let identifier = |t: &str| {
        t.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    matches!(tokens.as_slice(), ["for", var, "in"] if identifier(var))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_letters_render_from_a_skeleton() {
        use crate::document::Templates;
        use crate::document::letter::{LetterFormat, LetterWriter};
        let facts = crate::BreachFacts::from_json(
            r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
            "controller":{"name":"Shop & Co <KG>","country":"DE","region":"DE-BY","established_in_eu":true},
            "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"hacking",
            "data_categories":["identity","contact"],"data_subjects":{"count":500},
            "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}}"#,
        )
        .unwrap();
        let templates = Templates::builtin();
        for language in [crate::Language::De, crate::Language::En] {
            let options = crate::AssessmentOptions {
                language,
                ..Default::default()
            };
            let breach = crate::AssessedBreach::new(facts.clone(), &options);
            for format in [LetterFormat::Text, LetterFormat::Html] {
                let w = LetterWriter::bulk(&templates, &breach, format);
                assert!(w.skeleton.is_some(), "{language} {format}");
            }
        }
    }

    #[test]
    fn the_built_in_letters_qualify() {
        let templates = crate::document::Templates::builtin();
        for (name, _) in crate::document::BUILTIN {
            if name.contains("/letter.") {
                assert!(eligible(&templates.source(name).unwrap()), "{name}");
            }
        }
    }

    #[test]
    fn anything_but_plain_use_of_the_recipient_does_not_qualify() {
        for ok in [
            "Hallo {{ recipient.name }}!",
            "{{-recipient.greeting-}}",
            "{% for a in recipient.affected %}{{ a|upper }}{% endfor %}",
            "{%- for  a  in  recipient.affected -%}{{ a }}{% endfor %}",
            "{{ breach.title|upper }} recipients",
        ] {
            assert!(eligible(ok), "{ok}");
        }
        for barred in [
            "{{ recipient.name|upper }}",
            "{{ recipient.name ~ 'x' }}",
            "{{ recipient['name'] }}",
            "{% if recipient.name %}x{% endif %}",
            "{{ recipient }}",
            "{% for a in recipient.affected|reverse %}{% endfor %}",
            "{% filter upper %}{{ recipient.name }}{% endfilter %}",
            "{% set x %}{{ recipient.name }}{% endset %}{{ x|length }}",
            "{% macro m() %}{{ recipient.name }}{% endmacro %}{{ m()|length }}",
            "{{ debug() }}",
            "{% include 'de/letter.txt' %}",
            "{% raw %}{{ recipient.name }}{% endraw %}",
            "{{ 'x' }}\u{E000}",
            "{% for recipient.affected %}",
            "{% forx in recipient.affected %}",
        ] {
            assert!(!eligible(barred), "{barred}");
        }
    }

    #[test]
    fn fill_escapes_like_the_template_engine() {
        let s = Skeleton::from_rendered(&format!("<p>{GREETING}</p>{NAME}."), true).unwrap();
        assert_eq!(
            s.fill("A & <B>", "Hallo \"A\" & 'B',"),
            "<p>Hallo &quot;A&quot; &amp; &#x27;B&#x27;,</p>A &amp; &lt;B&gt;."
        );
        let s = Skeleton::from_rendered(&format!("{GREETING}\n{NAME}"), false).unwrap();
        assert_eq!(s.fill("A & B", "Hallo,"), "Hallo,\nA & B");
        assert!(Skeleton::from_rendered("x\u{E000}y", false).is_none());
        assert!(Skeleton::from_rendered("x\u{E001}y", false).is_none());
    }
}
