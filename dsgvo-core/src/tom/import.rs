//! Importing an existing TOM document. Most shops have one: a Word or PDF
//! file, structured by the eight control areas or by the four Art. 32
//! sections. Pasted as text (Markdown or plain), each heading is read into
//! a control area and each line beneath it into an item. Nothing is
//! dropped: a line under a heading that names no area becomes an item
//! without an area (and the evaluation says so); text before the first
//! heading is kept as the preamble.

use serde::Serialize;

use super::area::ControlArea;
use super::baseline::ShopMeasure;
use super::checklist::Checklist;
use super::goal::ProtectionNeed;
use super::item::{ItemId, ItemState, TomItem};
use crate::error::{ErrorKind, FieldError, InputError};
use crate::parse::MAX_INPUT_BYTES;

/// What an import produced.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ImportReport {
    /// The checklist: every statement an item, stated as implemented
    /// (the document says so; no date or owner is on record).
    pub checklist: Checklist,
    /// The headings found, in order, with the area each was read into.
    pub sections: Vec<ImportedSection>,
    /// Text before the first heading (title, introduction).
    pub preamble: Vec<String>,
}

impl ImportReport {
    /// The report as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("reports serialise")
    }
}

/// A heading of the imported document.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ImportedSection {
    /// The heading as written.
    pub heading: String,
    /// Its line (1-based).
    pub line: usize,
    /// The area it was read into; `None` when it names none (a section
    /// title such as "Vertraulichkeit", or an unknown heading).
    pub area: Option<ControlArea>,
    /// The items read beneath it.
    pub items: Vec<ItemId>,
}

/// Reads a TOM document (Markdown or plain text) into a checklist.
///
/// ```
/// use dsgvo_core::tom::{ControlArea, ProtectionNeed, ShopMeasure, import_document};
/// let doc = "# Zugangskontrolle\n- Zwei-Faktor-Anmeldung für alle Shop-Admins\n";
/// let report = import_document(doc, "Beispiel Shop GmbH", ProtectionNeed::Normal).unwrap();
/// let item = &report.checklist.items[0];
/// assert_eq!(item.area, Some(ControlArea::SystemAccess));
/// assert_eq!(item.measure, Some(ShopMeasure::AdminMfa));
/// ```
pub fn import_document(
    text: &str,
    organisation: &str,
    need: ProtectionNeed,
) -> Result<ImportReport, InputError> {
    let fail = |path: &str, kind, problem: String| {
        InputError::single(DOCUMENT, FieldError::new(path, kind, problem))
    };
    if text.len() > MAX_INPUT_BYTES {
        return Err(fail(
            ".",
            ErrorKind::TooLarge,
            format!(
                "input is {} bytes; the limit is {MAX_INPUT_BYTES} bytes",
                text.len()
            ),
        ));
    }
    if organisation.trim().is_empty() {
        return Err(fail(
            "organisation",
            ErrorKind::InvalidValue,
            "must name the controller or processor".into(),
        ));
    }
    let mut checklist = Checklist::new(organisation, need);
    let mut sections: Vec<ImportedSection> = Vec::new();
    let mut preamble = Vec::new();
    let mut last_was_item = false;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            last_was_item = false;
            continue;
        }
        if let Some(heading) = heading(line) {
            sections.push(ImportedSection {
                heading: heading.to_string(),
                line: n + 1,
                area: ControlArea::from_heading(heading),
                items: Vec::new(),
            });
            last_was_item = false;
            continue;
        }
        let Some(section) = sections.last_mut() else {
            preamble.push(line.to_string());
            continue;
        };
        let (bullet, statement) = strip_bullet(line);
        if statement.is_empty() {
            // A bare list marker holds no text.
            continue;
        }
        // An indented line without a bullet continues the item above.
        if !bullet && last_was_item && raw.starts_with(char::is_whitespace) {
            if let Some(item) = checklist.items.last_mut() {
                item.statement.push(' ');
                item.statement.push_str(statement);
                item.measure = ShopMeasure::recognise(&item.statement, item.area);
                continue;
            }
        }
        let area = section.area;
        let slug = area.map(area_slug).unwrap_or_else(|| "unplaced".into());
        let count = checklist
            .items
            .iter()
            .filter(|i| i.id.0.starts_with(&format!("{slug}.")))
            .count();
        let id = ItemId(format!("{slug}.{}", count + 1));
        section.items.push(id.clone());
        checklist.items.push(TomItem {
            id,
            statement: statement.to_string(),
            area,
            measure: ShopMeasure::recognise(statement, area),
            owner: None,
            state: ItemState::Implemented { since: None },
            history: Vec::new(),
        });
        last_was_item = true;
    }
    if checklist.items.is_empty() {
        return Err(fail(
            ".",
            ErrorKind::InvalidValue,
            "no measures found: expected headings (a control area such as \"Zutrittskontrolle\") with lines or bullets beneath them".into(),
        ));
    }
    Ok(ImportReport {
        checklist,
        sections,
        preamble,
    })
}

const DOCUMENT: &str = "TOM document";

fn area_slug(area: ControlArea) -> String {
    area.as_str().to_string()
}

/// The heading text when `line` is a heading: Markdown `#`, a bold line, a
/// line ending in a colon, or a short line (possibly numbered) that names
/// a control area or an Art. 32 section.
fn heading(line: &str) -> Option<&str> {
    if let Some(h) = line.strip_prefix('#') {
        return Some(h.trim_start_matches('#').trim());
    }
    let unbold = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .map(str::trim);
    if let Some(h) = unbold {
        return Some(h.trim_end_matches(':').trim());
    }
    let (bullet, rest) = strip_bullet(line);
    if bullet && !starts_numbered(line) {
        return None;
    }
    let rest = rest.trim();
    if rest.len() <= 100 && rest.ends_with(':') {
        return Some(rest.trim_end_matches(':').trim());
    }
    let names_area = ControlArea::from_heading(rest).is_some() || names_section(rest);
    let short = rest.chars().count() <= 80 && !rest.ends_with('.');
    (names_area && short && looks_like_title(rest)).then_some(rest)
}

/// Headings of the four sections of the common layout.
fn names_section(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "vertraulichkeit",
        "integrität",
        "belastbarkeit",
        "evaluierung",
        "confidentiality",
        "integrity",
        "resilience",
    ]
    .iter()
    .any(|s| t.starts_with(s))
}

/// A title starts with the area's name, not with a sentence about it
/// ("Zugangskontrolle" or "Zugangskontrolle (Art. 32 ...)", not "Der
/// Zugang zum Büro ist verschlossen").
fn looks_like_title(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let first = first
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    ControlArea::from_heading(&first).is_some() || names_section(&first)
}

fn starts_numbered(line: &str) -> bool {
    line.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Strips a list marker: `-`, `*`, `+`, `•`, `–`, `[x]`, `☐`, `☑`, `1.`,
/// `1.2`, `a)`. Returns whether there was one.
fn strip_bullet(line: &str) -> (bool, &str) {
    for marker in [
        "- [x]", "- [ ]", "* [x]", "* [ ]", "[x]", "[ ]", "☐", "☑", "☒", "-", "*", "+", "•", "–",
        "—", "·",
    ] {
        if let Some(rest) = line.strip_prefix(marker) {
            return (true, rest.trim());
        }
    }
    let digits = line
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = digits {
        let rest = &line[end..];
        let rest = rest.strip_prefix(')').unwrap_or(rest);
        if rest.starts_with(char::is_whitespace) {
            return (true, rest.trim());
        }
    }
    let mut chars = line.chars();
    if let (Some(c), Some(')')) = (chars.next(), chars.next()) {
        if c.is_ascii_lowercase() {
            return (true, line[2..].trim());
        }
    }
    (false, line)
}
