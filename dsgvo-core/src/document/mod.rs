//! Documents from facts and verdict: the Art. 33(3) notification (phased,
//! with delay reasons when late), Art. 34(2) letters in bulk, the public
//! communication of Art. 34(3)(c), the Art. 33(5) register entry, copy-ready
//! blocks for the German authorities' online forms, and a completeness check.
//!
//! All logic (what is required, advice, lateness) is Rust; templates only
//! word and lay out. Every document is a draft for people to check:
//! decision support, not legal advice.
//!
//! The documents need the default feature `documents` (templates through
//! minijinja). Without it, the catalogue of sentences, the completeness
//! check and the notification phases remain, for the text report and the
//! case log.

// Always built: what the case log, the text report and the completeness
// check need.
mod completeness;
mod messages;
mod phase;
mod text;

// The documents themselves: templates (minijinja) and what renders them.
#[cfg(feature = "documents")]
mod bundle;
#[cfg(feature = "documents")]
mod form;
#[cfg(feature = "documents")]
mod letter;
#[cfg(feature = "documents")]
mod notice;
#[cfg(feature = "documents")]
mod notification;
#[cfg(feature = "documents")]
mod register;
#[cfg(feature = "documents")]
mod skeleton;
#[cfg(feature = "documents")]
mod templates;
#[cfg(feature = "documents")]
mod tom;
#[cfg(feature = "documents")]
mod view;

use chrono::{DateTime, Utc};

#[cfg(feature = "documents")]
pub use bundle::{Document, bundle};
pub use completeness::{DocumentKind, Missing, completeness};
#[cfg(feature = "documents")]
pub use form::{FormBlock, form_blocks, form_blocks_text};
#[cfg(feature = "documents")]
pub use letter::{
    Letter, LetterFormat, Recipient, advice, advice_ids, letters, letters_parallel,
    public_communication, public_communication_text,
};
pub use messages::{MessageId, Messages};
#[cfg(feature = "documents")]
pub use notice::ControllerNotice;
#[cfg(feature = "documents")]
pub use notification::{Change, Notification, NotificationRequest};
pub use phase::Phase;
#[cfg(feature = "documents")]
pub use register::RegisterEntry;
#[cfg(feature = "documents")]
pub use templates::{BUILTIN, TEMPLATE_FUEL, Templates};
pub use text::markdown_to_text;
#[cfg(feature = "documents")]
pub use tom::{TomFormat, tom_document};
#[cfg(feature = "documents")]
pub use view::{AuthorityView, BreachView, ControllerView, ReasonView};

/// A document could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// A template failed to parse or render.
    #[error("template {name}, line {}: {message}", line.map(|l| l.to_string()).unwrap_or_else(|| "?".into()))]
    Template {
        /// The template's name (`de/letter.html`).
        name: String,
        /// The line, where known.
        line: Option<usize>,
        /// What went wrong.
        message: String,
    },
    /// The notification is made after the 72 hours and no reasons for the
    /// delay were given (Art. 33(1) sentence 2).
    #[error(
        "delay_reasons: the notification at {now} is after the deadline {deadline}; Art. 33(1) sentence 2 requires the reasons for the delay"
    )]
    DelayReasonsRequired {
        /// The deadline.
        deadline: DateTime<Utc>,
        /// When the notification is made.
        now: DateTime<Utc>,
    },
    /// A supplement must carry the authority's reference (Art. 33(4)).
    #[error(
        "authority_reference: a supplement must carry the reference the authority gave the initial notification"
    )]
    SupplementWithoutReference,
    /// `now` lies before awareness.
    #[error("now: {now} is before aware_at {aware_at}")]
    NowBeforeAwareness {
        /// The given now.
        now: DateTime<Utc>,
        /// Awareness.
        aware_at: DateTime<Utc>,
    },
    /// A recipient of a letter is invalid.
    #[error("recipients[{index}].{field}: {problem}")]
    InvalidRecipient {
        /// Position in the stream.
        index: usize,
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: String,
    },
}
