//! The phase of a notification (Art. 33(4)): a plain value the case log
//! records, with or without the document templates.

use serde::{Deserialize, Serialize};

use crate::facts::closed_set;

closed_set!(
    /// The phase of a notification (Art. 33(4)).
    Phase {
        /// First notification; open points are marked as still being investigated.
        Initial = "initial",
        /// A supplement: carries the authority's reference and only what changed.
        Supplement = "supplement",
        /// A complete notification in one go (or the closing one).
        Final = "final",
    }
);
