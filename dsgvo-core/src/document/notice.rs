//! The processor's notice to each controller (Art. 33(2), 28(3)(f)): what
//! happened, which data of the controller's customers, what the processor
//! did, whom to ask, and what the controller needs for its own Art. 33(3)
//! notification — whose 72 hours start with this notice.

use serde::Serialize;

use super::messages::Messages;
use super::view::BreachView;
use super::{DocumentError, Templates};
use crate::AssessedBreach;

/// The notice a processor sends to its controllers.
#[derive(Clone, Debug, Serialize)]
pub struct ControllerNotice {
    /// The breach as the documents show it.
    pub breach: BreachView,
}

impl ControllerNotice {
    /// The notice for a processor's assessed breach, worded by `messages`.
    pub fn new(breach: &AssessedBreach, messages: &Messages) -> Self {
        ControllerNotice {
            breach: BreachView::new(breach, messages),
        }
    }

    /// The notice as Markdown.
    ///
    /// # Errors
    /// A shop template that does not render.
    pub fn markdown(&self, templates: &Templates) -> Result<String, DocumentError> {
        templates.render(
            &format!("{}/controller_notice.md", self.breach.language),
            self,
        )
    }
}
