//! The layout of a TOM document as people write it: Markdown or text pasted
//! from Word or a PDF — numbered sections ("3. Gewährleistung der
//! Vertraulichkeit"), lettered and roman sub-points ("a.", "b)", "i."),
//! bullets, lines hard-wrapped mid-sentence and words hyphenated across
//! lines ("unver-" / "schlüsselt"). This module turns lines into headings
//! and statements; it decides nothing about measures.

use super::area::{ControlArea, Section};
use super::statement::{read_statement, words};

/// A heading or a statement, with the line it starts on (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// A heading.
    Heading { line: usize, text: String },
    /// One statement (a sentence, or a list item).
    Statement { line: usize, text: String },
    /// Text before the first heading.
    Preamble { line: usize, text: String },
}

/// How a line starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    None,
    /// `-`, `*`, `•`, a checkbox.
    Bullet,
    /// `3.`, `3)`, `3.1`, `3.1.` — with its depth (1 for `3.`).
    Number(usize),
    /// `a.`, `a)`, `(a)`.
    Letter,
    /// `i.`, `ii)`, `iv.`.
    Roman,
}

struct Line<'a> {
    number: usize,
    marker: Marker,
    text: &'a str,
    markdown_heading: bool,
}

/// The blocks of `text`, in order.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // The statement being built, and whether its last line ended a sentence.
    let mut open: Option<(usize, String, Marker)> = None;
    let mut seen_heading = false;
    // The length of the previous line, in characters: a line wrapped by a
    // PDF or a word processor is long.
    let mut previous_len = 0;
    let flush = |open: &mut Option<(usize, String, Marker)>, out: &mut Vec<Block>, seen: bool| {
        if let Some((line, text, _)) = open.take() {
            for sentence in sentences(&text) {
                out.push(if seen {
                    Block::Statement {
                        line,
                        text: sentence,
                    }
                } else {
                    Block::Preamble {
                        line,
                        text: sentence,
                    }
                });
            }
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            flush(&mut open, &mut out, seen_heading);
            continue;
        }
        let line = read_line(n + 1, trimmed);
        // A document title ("# TOM – Kleiner Shop UG") before the first
        // section is preamble, not a section.
        let title = line.markdown_heading && !seen_heading && !names_area_or_section(line.text);
        if title {
            flush(&mut open, &mut out, seen_heading);
            out.push(Block::Preamble {
                line: line.number,
                text: line.text.to_string(),
            });
            continue;
        }
        if let Some(heading) = heading(&line) {
            flush(&mut open, &mut out, seen_heading);
            out.push(Block::Heading {
                line: line.number,
                text: heading,
            });
            seen_heading = true;
            continue;
        }
        let indented = raw.starts_with(char::is_whitespace);
        let length = std::mem::replace(&mut previous_len, trimmed.chars().count());
        // Title lines before the first heading stay lines of their own.
        if line.marker == Marker::None && seen_heading {
            if let Some((_, text, _)) = open.as_mut() {
                if continues(text, length, indented, line.text) {
                    join(text, line.text);
                    continue;
                }
            }
        }
        flush(&mut open, &mut out, seen_heading);
        if line.text.is_empty() {
            continue; // a bare list marker holds no text
        }
        open = Some((line.number, line.text.to_string(), line.marker));
    }
    flush(&mut open, &mut out, seen_heading);
    out
}

fn read_line(number: usize, line: &str) -> Line<'_> {
    if let Some(h) = line.strip_prefix('#') {
        return Line {
            number,
            marker: Marker::None,
            text: h.trim_start_matches('#').trim(),
            markdown_heading: true,
        };
    }
    let (marker, text) = strip_marker(line);
    Line {
        number,
        marker,
        text,
        markdown_heading: false,
    }
}

/// The heading text when the line is a heading: Markdown `#`, a bold line,
/// a short line ending in a colon, a numbered top-level line that names an
/// area or a section of the Art. 32 layout, or a plain short title that
/// names one and states no measure ("Zutrittskontrolle",
/// "Vertraulichkeit (Art. 32 Abs. 1 lit. b DSGVO)" — not "Zugang zum
/// Backend nur mit Zwei-Faktor-Authentifizierung").
fn heading(line: &Line<'_>) -> Option<String> {
    let clean = |t: &str| t.trim_end_matches(':').trim().to_string();
    if line.markdown_heading {
        return Some(clean(line.text));
    }
    if let Some(bold) = line
        .text
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
    {
        if line.marker == Marker::None || matches!(line.marker, Marker::Number(_)) {
            return Some(clean(bold.trim()));
        }
    }
    let text = line.text;
    let sentence = text.ends_with(['.', ';', '!', '?']);
    let names = names_area_or_section(text);
    match line.marker {
        Marker::Number(_) | Marker::Letter | Marker::Roman => {
            (names && !sentence && is_title(text)).then(|| clean(text))
        }
        Marker::None => {
            let colon = text.ends_with(':') && text.chars().count() <= 100;
            (colon || (names && !sentence && is_title(text))).then(|| clean(text))
        }
        Marker::Bullet => None,
    }
}

fn names_area_or_section(text: &str) -> bool {
    ControlArea::from_heading(text).is_some() || Section::from_heading(text).is_some()
}

/// A title: at most eight words outside parentheses, no baseline measure
/// named and no belief stated ("Die Integrität unserer Mitarbeiter steht
/// außer Frage") — such a line is a statement.
fn is_title(text: &str) -> bool {
    let outside: String = {
        let mut depth = 0usize;
        text.chars()
            .filter(|c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                depth == 0 && *c != ')'
            })
            .collect()
    };
    let reading = read_statement(text, None);
    words(&outside).len() <= 8
        && reading.measure.is_none()
        && reading.modality != super::statement::Modality::Belief
}

/// Whether a line without a list marker continues the statement before it:
/// a word hyphenated across lines, a line starting in lower case or
/// indented, or a long line (wrapped by a PDF or a word processor, at least
/// [`WRAPPED`] characters) that stopped mid-sentence on a lower-case word
/// ("über eine verschlüsselte" / "Verbindung"). A line ending on a noun
/// without a full stop ("… mit Zwei-Faktor-Authentifizierung") is a list
/// line of its own: German nouns are capitalised.
fn continues(previous: &str, previous_len: usize, indented: bool, line: &str) -> bool {
    let hyphenated = hyphenated(previous);
    let ended = previous.ends_with(['.', '!', '?', ':', ';']);
    let lower = line.chars().next().is_some_and(char::is_lowercase);
    let last_word_lower = previous
        .rsplit(char::is_whitespace)
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_lowercase);
    hyphenated || lower || indented || (!ended && last_word_lower && previous_len >= WRAPPED)
}

/// Whether the text ends with a word hyphenated across lines ("unver-").
fn hyphenated(text: &str) -> bool {
    text.ends_with('-') && text.chars().rev().nth(1).is_some_and(char::is_alphabetic)
}

/// The shortest line taken as wrapped: narrow PDF columns wrap at about 50.
const WRAPPED: usize = 45;

/// Joins a wrapped line: a word hyphenated across lines is joined without
/// the hyphen when the line goes on in lower case ("unver-" + "schlüsselt"),
/// with it when it goes on in upper case ("Zwei-" + "Faktor").
fn join(previous: &mut String, line: &str) {
    let hyphenated = hyphenated(previous);
    if hyphenated {
        if line.chars().next().is_some_and(char::is_lowercase) {
            previous.pop();
        }
    } else {
        previous.push(' ');
    }
    previous.push_str(line);
}

/// Strips a list marker and says which it was.
fn strip_marker(line: &str) -> (Marker, &str) {
    for bullet in [
        "- [x]", "- [ ]", "* [x]", "* [ ]", "[x]", "[ ]", "☐", "☑", "☒", "•", "–", "—", "·", "-",
        "*", "+",
    ] {
        if let Some(rest) = line.strip_prefix(bullet) {
            // "**bold**" is not a bullet.
            if bullet == "*" && rest.starts_with('*') {
                break;
            }
            return (Marker::Bullet, rest.trim());
        }
    }
    if let Some((marker, rest)) = numbered(line) {
        return (marker, rest);
    }
    (Marker::None, line)
}

/// `3.`, `3)`, `3.1`, `3.1.`, `a.`, `a)`, `(a)`, `i.`, `ii)` followed by a space.
fn numbered(line: &str) -> Option<(Marker, &str)> {
    let inner = line.strip_prefix('(').unwrap_or(line);
    let end = inner.find(|c: char| c.is_whitespace())?;
    let (head, rest) = inner.split_at(end);
    let rest = rest.trim();
    let numeric = |h: &str| {
        !h.is_empty()
            && h.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    // "3.1 Zutritt": a section number needs no closing mark.
    if head.contains('.') && numeric(head) {
        return Some((Marker::Number(head.split('.').count()), rest));
    }
    let head = head.strip_suffix(['.', ')'])?;
    if numeric(head) {
        return Some((Marker::Number(head.split('.').count()), rest));
    }
    let roman = head.len() <= 4 && head.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    if roman && head != "v" && head != "x" {
        return Some((Marker::Roman, rest));
    }
    let letter = head.chars().count() == 1 && head.chars().all(|c| c.is_ascii_lowercase());
    letter.then_some((Marker::Letter, rest))
}

/// Abbreviations after which a full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "z", "b", "bzw", "ggf", "d", "h", "u", "a", "usw", "etc", "art", "abs", "nr", "ca", "inkl",
    "evtl", "min", "max", "vgl", "s", "lit", "bspw", "sog", "e", "g", "i", "v", "m", "dsgvo",
    "bdsg", "gmbh", "co", "kg", "st", "str", "mio", "mrd", "std", "tel",
];

/// The sentences of a statement: split after `.`, `!` or `?` followed by a
/// space and an upper-case letter, except after an abbreviation or a number.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (k, (i, c)) in bytes.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next_is_space = bytes.get(k + 1).is_some_and(|(_, n)| n.is_whitespace());
        let then_upper = bytes.get(k + 2).is_some_and(|(_, n)| n.is_uppercase());
        if !(next_is_space && then_upper) {
            continue;
        }
        let word_before = text[start..*i]
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let abbreviation = *c == '.'
            && (ABBREVIATIONS.contains(&word_before.as_str())
                || word_before.chars().all(|ch| ch.is_ascii_digit()));
        if abbreviation {
            continue;
        }
        out.push(text[start..=*i].trim().to_string());
        start = i + c.len_utf8();
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_read_with_their_kind() {
        assert_eq!(
            numbered("3. Vertraulichkeit"),
            Some((Marker::Number(1), "Vertraulichkeit"))
        );
        assert_eq!(
            numbered("3.1 Zutritt"),
            Some((Marker::Number(2), "Zutritt"))
        );
        assert_eq!(numbered("a. Zutritt"), Some((Marker::Letter, "Zutritt")));
        assert_eq!(numbered("(b) Zutritt"), Some((Marker::Letter, "Zutritt")));
        assert_eq!(numbered("ii. Alarm"), Some((Marker::Roman, "Alarm")));
        assert_eq!(numbered("Art. 32"), None);
        assert_eq!(numbered("z. B."), Some((Marker::Letter, "B.")));
        // Letters are one lower-case letter: "A. Müller" is an initial, and
        // "ab)" or "zu." a word.
        assert_eq!(numbered("A. Müller prüft"), None);
        assert_eq!(numbered("ab) Montag"), None);
        assert_eq!(numbered("zu. Text"), None);
    }

    #[test]
    fn sentences_split_after_full_stops_not_after_abbreviations() {
        assert_eq!(
            sentences("Backups z. B. der Datenbank erfolgen täglich. Der Restore wird getestet."),
            [
                "Backups z. B. der Datenbank erfolgen täglich.",
                "Der Restore wird getestet."
            ]
        );
        assert_eq!(
            sentences("Nach Art. 32 DSGVO. Gut"),
            ["Nach Art. 32 DSGVO. Gut"]
        );
    }

    #[test]
    fn wrapped_and_hyphenated_lines_are_joined() {
        let b = blocks(
            "# Verschlüsselung\nIntern werden die Daten auf dem Server unver-\nschlüsselt gespeichert. Für die Anmeldung gilt das Zwei-\nFaktor-Verfahren, das die Geschäftsführung im Jahr 2025\nfür alle Konten eingeführt hat.\nBackups\nSicherung täglich\n",
        );
        assert_eq!(
            b[1..],
            [
                Block::Statement {
                    line: 2,
                    text: "Intern werden die Daten auf dem Server unverschlüsselt gespeichert.".into()
                },
                Block::Statement {
                    line: 2,
                    text: "Für die Anmeldung gilt das Zwei-Faktor-Verfahren, das die Geschäftsführung im Jahr 2025 für alle Konten eingeführt hat.".into()
                },
                // Short lines without a full stop are statements of their own.
                Block::Statement { line: 6, text: "Backups".into() },
                Block::Statement { line: 7, text: "Sicherung täglich".into() },
            ]
        );
    }

    fn heading(line: usize, text: &str) -> Block {
        Block::Heading {
            line,
            text: text.into(),
        }
    }

    fn statement(line: usize, text: &str) -> Block {
        Block::Statement {
            line,
            text: text.into(),
        }
    }

    // Our reading of a pasted document: a bold line is a heading, also after
    // a section number; a bold list item is a statement, and "**" opens no
    // bullet.
    #[test]
    fn bold_lines_are_headings_bold_list_items_are_statements() {
        assert_eq!(
            blocks(
                "**Allgemeines**\nDie Server stehen im Rechenzentrum.\n3. **Sonstiges**\n- **Serverraum abgeschlossen**\n- **Serverraum**: abgeschlossen\n* Serverraum abgeschlossen\n"
            ),
            [
                heading(1, "Allgemeines"),
                statement(2, "Die Server stehen im Rechenzentrum."),
                heading(3, "Sonstiges"),
                statement(4, "**Serverraum abgeschlossen**"),
                statement(5, "**Serverraum**: abgeschlossen"),
                statement(6, "Serverraum abgeschlossen"),
            ]
        );
    }

    // A short line ending in a colon is a heading, a long one (more than 100
    // characters) a statement; a plain line naming an area is a heading
    // unless it is a sentence.
    #[test]
    fn colon_lines_and_area_titles_are_headings_sentences_are_not() {
        let long = format!(
            "Für alle Systeme gilt, {}:",
            "dass die Administratoren ".repeat(4)
        );
        assert!(long.chars().count() > 100);
        assert_eq!(
            blocks(&format!(
                "Sonstiges:\nZutrittskontrolle\nDie Zutrittskontrolle ist geregelt.\n\n{long}\n"
            )),
            [
                heading(1, "Sonstiges"),
                heading(2, "Zutrittskontrolle"),
                statement(3, "Die Zutrittskontrolle ist geregelt."),
                statement(5, &long),
            ]
        );
    }

    // A title counts its words outside parentheses: a legal reference or a
    // list of sub-areas in parentheses keeps a title short; eight words
    // outside are the most a title has.
    #[test]
    fn words_in_parentheses_do_not_count_against_a_title() {
        let referenced = "Vertraulichkeit (Art. 32 Abs. 1 lit. b DSGVO, Zutritts-, Zugangs- und Zugriffskontrolle)";
        let long =
            "Vertraulichkeit (Art. 32) und Belastbarkeit der Systeme im Shop, im Lager und im Büro";
        assert_eq!(
            blocks(&format!("{referenced}\n{long}\n")),
            [heading(1, referenced), statement(2, long)]
        );
    }

    // A list item is never the continuation of the item before it, even
    // when it starts in lower case.
    #[test]
    fn list_items_starting_in_lower_case_stay_items() {
        assert_eq!(
            blocks("# Verfügbarkeit\n- Tägliche Backups\n- auch am Wochenende\n"),
            [
                heading(1, "Verfügbarkeit"),
                statement(2, "Tägliche Backups"),
                statement(3, "auch am Wochenende"),
            ]
        );
    }
}
