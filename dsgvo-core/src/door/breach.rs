//! A breach at the door: facts in; the verdict, the documents, the report
//! or the letters out.

use super::{DoorError, args};
#[cfg(feature = "documents")]
use crate::document::{
    Document, DocumentError, Letter, LetterFormat, Recipient, Templates, bundle, letters_parallel,
};
#[cfg(feature = "documents")]
use crate::facts::closed_set;
use crate::{AssessedBreach, AssessmentOptions, BreachFacts, ValidFacts, Verdict};
#[cfg(feature = "documents")]
use {
    crate::ErrorCode,
    serde::{Deserialize, Serialize},
};

/// The verdict (`dsgvo.verdict/1` JSON) for breach facts
/// (`dsgvo.breach-facts/1` or `/2` JSON) and options (JSON; absent means
/// the defaults).
///
/// # Errors
///
/// The facts' or the options' first problem, with its field path.
///
/// # Examples
///
/// ```
/// let e = dsgvo_core::door::breach::triage("{}", None).unwrap_err();
/// assert_eq!(e.code, dsgvo_core::ErrorCode::MissingField);
/// ```
pub fn triage(facts_json: &str, options_json: Option<&str>) -> Result<String, DoorError> {
    Ok(assessed(facts_json, options_json)?.verdict().to_json())
}

/// The breach assessed, from the JSON a door was given.
pub fn assessed(facts_json: &str, options_json: Option<&str>) -> Result<AssessedBreach, DoorError> {
    let facts = args::facts(facts_json)?;
    Ok(AssessedBreach::new(facts, &args::options(options_json)?))
}

/// Breach facts as a door receives them in a batch: JSON text, or facts a
/// binding has already read from its host's objects (not yet validated).
#[derive(Clone, Debug)]
pub enum FactsInput {
    /// `dsgvo.breach-facts` JSON.
    Json(String),
    /// Facts read from host objects (boxed: facts are some 900 bytes).
    Read(Box<BreachFacts>),
}

impl FactsInput {
    /// The facts, validated.
    ///
    /// # Errors
    ///
    /// The first problem, with its field path.
    pub fn validate(self) -> Result<ValidFacts, DoorError> {
        match self {
            FactsInput::Json(text) => args::facts(&text),
            FactsInput::Read(facts) => Ok(facts.validate()?),
        }
    }
}

/// The verdicts for many breaches, on `workers` threads, in input order.
///
/// # Errors
///
/// The first failing item by index, named `facts[i]` (path `[i].…`).
pub fn triage_many(
    facts: Vec<FactsInput>,
    options: &AssessmentOptions,
    workers: usize,
) -> Result<Vec<Verdict>, DoorError> {
    let one = |(i, input): (usize, FactsInput)| {
        input
            .validate()
            .map(|f| crate::triage(&f, options))
            .map_err(|e| e.in_item("facts", i))
    };
    crate::parallel::map_in_order(facts.into_iter().enumerate(), workers, one)
}

/// Every document for a breach (notification, form blocks, sample letter,
/// public communication, register entry, completeness check); `now` (RFC
/// 3339 with offset) is when the notification is made, `delay_reasons` the
/// Art. 33(1) reasons for a late one.
///
/// # Errors
///
/// A problem with the facts, the options or `now`, or a document refused
/// (a late notification without reasons).
#[cfg(feature = "documents")]
pub fn documents(
    facts_json: &str,
    options_json: Option<&str>,
    now: &str,
    delay_reasons: Option<&str>,
) -> Result<Vec<Document>, DoorError> {
    let breach = assessed(facts_json, options_json)?;
    let now = args::instant(now, "now")?;
    Ok(bundle(&breach, &Templates::builtin(), now, delay_reasons)?)
}

/// The German or English text report, as the `triage` example prints it.
///
/// # Errors
///
/// A problem with the facts or the options.
pub fn report(facts_json: &str, options_json: Option<&str>) -> Result<String, DoorError> {
    Ok(crate::summary::report(&assessed(facts_json, options_json)?))
}

#[cfg(feature = "documents")]
closed_set!(
    /// How a batch of letters is laid out as one block of bytes.
    LetterLayout {
        /// One `{"name", "email", "content"}` JSON object per line.
        Jsonl = "jsonl",
        /// Each letter followed by a form feed, for a print run.
        Print = "print",
    }
);

#[cfg(feature = "documents")]
impl LetterLayout {
    /// Appends `letter` to `out` in this layout.
    pub fn append(self, out: &mut Vec<u8>, letter: &Letter) {
        match self {
            LetterLayout::Jsonl => {
                serde_json::to_writer(&mut *out, letter).expect("a letter serialises");
                out.push(b'\n');
            }
            LetterLayout::Print => {
                out.extend_from_slice(letter.content.as_bytes());
                out.push(b'\x0c');
            }
        }
    }
}

/// A bulk letter run: the assessed breach and the templates, prepared
/// once; [`LetterRun::write`] writes the Art. 34 letters for one batch of
/// recipients after another.
#[derive(Debug)]
#[cfg(feature = "documents")]
pub struct LetterRun {
    templates: Templates,
    breach: AssessedBreach,
    format: LetterFormat,
}

/// The recipients of a letter batch (a JSON array) whose first is
/// recipient number `start` of the run. A recipient that cannot be read is
/// named by its number in the run (`recipients[4500]: …`), not in the batch.
///
/// # Errors
///
/// JSON that is not an array of recipients; the first recipient that is not one.
#[cfg(feature = "documents")]
pub fn recipients(json: &str, start: usize) -> Result<Vec<Recipient>, DoorError> {
    let whole = match args::document::<Vec<Recipient>>("recipients", json) {
        Ok(recipients) => return Ok(recipients),
        Err(e) => e,
    };
    let text_problem = matches!(
        whole.code,
        ErrorCode::JsonSyntax | ErrorCode::JsonTooLarge | ErrorCode::JsonTooDeep
    );
    let items = match serde_json::from_str::<Vec<serde_json::Value>>(json) {
        Ok(items) if !text_problem => items,
        _ => return Err(whole),
    };
    for (i, item) in items.iter().enumerate() {
        if let Err(e) = crate::parse::from_value::<Recipient>("recipient", item) {
            return Err(DoorError::from(e).in_item("recipients", start + i));
        }
    }
    Err(whole)
}

#[cfg(feature = "documents")]
impl LetterRun {
    /// The letters for a batch of recipients (a JSON array, the first being
    /// recipient number `start` of the run) as one block of UTF-8 in
    /// `layout` (`"jsonl"` or `"print"`), written on `workers` threads.
    ///
    /// # Errors
    ///
    /// An unknown layout, a recipient that cannot be read or is invalid
    /// (numbered within the run).
    pub fn write_block(
        &self,
        recipients_json: &str,
        start: usize,
        layout: &str,
        workers: usize,
    ) -> Result<Vec<u8>, DoorError> {
        let layout: LetterLayout = args::choice(layout, "layout")?;
        let recipients = recipients(recipients_json, start)?;
        let mut out = Vec::with_capacity(recipients.len() * 2048);
        self.write(recipients, start, workers, |l| layout.append(&mut out, &l))?;
        Ok(out)
    }

    /// A run for `facts` in `format` (`"text"` or `"html"`).
    ///
    /// # Errors
    ///
    /// An unknown format, named `format`.
    pub fn new(
        facts: ValidFacts,
        format: &str,
        options: &AssessmentOptions,
    ) -> Result<LetterRun, DoorError> {
        let format = args::choice(format, "format")?;
        Ok(LetterRun {
            templates: Templates::builtin(),
            breach: AssessedBreach::new(facts, options),
            format,
        })
    }

    /// Writes the letters for `recipients`, the first being recipient
    /// number `start` of the run, into `sink`, on `workers` threads; the
    /// number written.
    ///
    /// # Errors
    ///
    /// The first invalid recipient, numbered within the run.
    pub fn write(
        &self,
        recipients: Vec<Recipient>,
        start: usize,
        workers: usize,
        sink: impl FnMut(Letter),
    ) -> Result<usize, DoorError> {
        letters_parallel(
            &self.templates,
            &self.breach,
            self.format,
            recipients,
            workers,
            sink,
        )
        .map_err(|e| match e {
            DocumentError::InvalidRecipient {
                index,
                field,
                problem,
            } => DocumentError::InvalidRecipient {
                index: start + index,
                field,
                problem,
            },
            other => other,
        })
        .map_err(DoorError::from)
    }
}
