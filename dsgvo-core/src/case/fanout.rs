//! Processor incidents fan out: one case per affected controller, each
//! controller's awareness starting when the processor informed it (EDPB
//! 9/2022, Annex B example vii), while the processor's own Art. 33(2) duty is
//! tracked in its case.

use serde::{Deserialize, Serialize};

use super::{Action, BackdatingTolerance, Case, CaseError, CaseId, Command};
use crate::facts::{Controller, Role, Timestamp};

/// A controller the processor informed, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControllerNotice {
    /// The id of the controller's new case.
    pub case_id: CaseId,
    /// The controller.
    pub controller: Controller,
    /// When the processor informed it: the controller's awareness.
    pub informed_at: Timestamp,
}

/// Records in the processor's case that each controller was informed, and
/// opens one case per controller with the processor's facts seen from the
/// controller: `role = controller`, its own details, `aware_at = informed_at`.
pub fn fan_out(
    processor_case: &mut Case,
    notices: &[ControllerNotice],
    actor: &str,
    tolerance: BackdatingTolerance,
) -> Result<Vec<Case>, CaseError> {
    if processor_case.facts().role != Role::Processor {
        return Err(CaseError::InvalidCommand {
            field: "role",
            problem: "only a processor's case fans out".into(),
        });
    }
    let mut ordered: Vec<&ControllerNotice> = notices.iter().collect();
    ordered.sort_by_key(|n| n.informed_at);
    let mut opened = Vec::with_capacity(ordered.len());
    for notice in ordered {
        let mut facts = processor_case.facts().clone();
        facts.role = Role::Controller;
        facts.controller = notice.controller.clone();
        facts.aware_at = notice.informed_at;
        let facts = facts.validate().map_err(|e| CaseError::InvalidCommand {
            field: "facts",
            problem: e.to_string(),
        })?;
        let case = Case::open(notice.case_id.clone(), facts, notice.informed_at, actor)?;
        let command = Command {
            at: notice.informed_at,
            actor: actor.to_string(),
            reason: None,
            action: Action::InformController {
                controller: notice.controller.name.clone(),
            },
        };
        processor_case.apply(command, tolerance)?;
        opened.push(case);
    }
    Ok(opened)
}
