//! Importing an existing TOM document. Most shops have one: a Word or PDF
//! file, structured by the eight control areas or by the four Art. 32
//! sections. Pasted as text (Markdown or plain), its layout is read first
//! (numbered and lettered sections, wrapped and hyphenated lines joined,
//! one statement per sentence or list item, see `layout`), then every
//! statement is read for what it says (`statement`): a measure in place
//! becomes an implemented item, a planned one a planned item; a negation,
//! a belief, a vague claim or advice to others is kept as a non-measure
//! with its reason — never as a measure. Nothing is dropped: a statement
//! that names no area and no measure is kept unplaced and reported.

use serde::Serialize;

use super::area::{ControlArea, Section};
use super::checklist::{Checklist, NonMeasure};
use super::goal::ProtectionNeed;
use super::item::{ItemId, ItemState, TomItem};
use super::layout::{Block, blocks};
use super::statement::{Modality, read_statement};
use crate::error::{ErrorKind, FieldError, InputError};
use crate::parse::MAX_INPUT_BYTES;

/// What an import produced.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ImportReport {
    /// The checklist: every measure an item — implemented where the
    /// document says it is in place (no date or owner is on record),
    /// planned where it says so — and every other statement a non-measure.
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
    /// The section of the Art. 32 layout it names, if any; its statements
    /// are placed by the measure they name.
    #[schemars(with = "Option<String>")]
    #[serde(serialize_with = "section_name")]
    pub section: Option<Section>,
    /// The items read beneath it.
    pub items: Vec<ItemId>,
    /// How many of its statements are no measure (see the checklist's
    /// `non_measures`).
    pub non_measures: usize,
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
///
/// # Errors
///
/// An [`InputError`](crate::InputError) for an input over the size limit, a
/// blank `organisation`, or a text with no statement.
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
    for block in blocks(text) {
        match block {
            Block::Preamble { text, .. } => preamble.push(text),
            Block::Heading { line, text } => sections.push(ImportedSection {
                area: ControlArea::from_heading(&text),
                section: Section::from_heading(&text),
                heading: text,
                line,
                items: Vec::new(),
                non_measures: 0,
            }),
            Block::Statement { line, text } => {
                let section = sections
                    .last_mut()
                    .expect("statements come after the first heading");
                for part in measures_of(&text, section.area) {
                    place(&mut checklist, section, line, part);
                }
            }
        }
    }
    if checklist.items.is_empty() && checklist.non_measures.is_empty() {
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

fn section_name<S: serde::Serializer>(s: &Option<Section>, ser: S) -> Result<S::Ok, S::Error> {
    match s {
        Some(section) => ser.serialize_some(section.id()),
        None => ser.serialize_none(),
    }
}

fn area_slug(area: ControlArea) -> String {
    area.as_str().to_string()
}

/// A statement that joins two measures with a semicolon ("Tägliches Backup
/// beim Hoster; die Wiederherstellung wird getestet") is two statements;
/// one measure explained after a semicolon stays one.
fn measures_of(text: &str, area: Option<ControlArea>) -> Vec<String> {
    let parts: Vec<&str> = text.split("; ").collect();
    let measures: Vec<_> = parts
        .iter()
        .map(|p| read_statement(p, area).measure)
        .collect();
    let distinct =
        measures.iter().all(Option::is_some) && measures.windows(2).all(|w| w[0] != w[1]);
    if parts.len() > 1 && distinct {
        parts.into_iter().map(str::to_string).collect()
    } else {
        vec![text.to_string()]
    }
}

/// Reads one statement under `section` into the checklist: a measure (in
/// place or planned) as an item, anything else as a non-measure.
fn place(checklist: &mut Checklist, section: &mut ImportedSection, line: usize, text: String) {
    let reading = read_statement(&text, section.area);
    // Under a section heading of the Art. 32 layout the measure places the
    // statement; the review section holds the data protection management.
    let area = section
        .area
        .or_else(|| reading.measure.map(|m| m.spec().area))
        .or_else(|| {
            (section.section == Some(Section::Review))
                .then_some(ControlArea::DataProtectionManagement)
        });
    if !reading.is_measure() {
        section.non_measures += 1;
        checklist.non_measures.push(NonMeasure {
            statement: text,
            line: Some(line),
            area,
            measure: reading.measure,
            modality: reading.modality,
            cue: reading.cue,
        });
        return;
    }
    let slug = area.map(area_slug).unwrap_or_else(|| "unplaced".into());
    let count = checklist
        .items
        .iter()
        .filter(|i| i.id.0.split_once('.').is_some_and(|(s, _)| s == slug))
        .count();
    let id = ItemId(format!("{slug}.{}", count + 1));
    section.items.push(id.clone());
    checklist.items.push(TomItem {
        id,
        statement: text,
        area,
        measure: reading.measure,
        owner: None,
        state: match reading.modality {
            Modality::Planned => ItemState::Planned,
            _ => ItemState::Implemented { since: None },
        },
        history: Vec::new(),
    });
}
