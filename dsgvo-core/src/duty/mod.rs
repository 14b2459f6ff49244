//! From the risk to the duties: Art. 33/34, the Art. 34(3) exemptions, the
//! processor duty of Art. 33(2) and the two policies.

mod finding;

pub(crate) use finding::DutyFinding;

use crate::clock;
use crate::facts::{BreachFacts, Role};
use crate::options::{AssessmentOptions, Policy};

use crate::risk::exposure::ConfidentialityExposure;
use crate::risk::{Assessment, RiskLevel, assess};
use crate::verdict::{Art34Exemption, Duty, DutyKind};

/// The decision on notification.
pub(crate) struct Decision {
    pub notify_authority: bool,
    pub notify_data_subjects: bool,
    pub public_communication: bool,
    pub inform_controller: bool,
    pub exemptions: Vec<Art34Exemption>,
    pub duties: Vec<Duty>,
    pub findings: Vec<DutyFinding>,
}

/// The Art. 34(3) exemptions that apply to the assessed breach.
pub(crate) fn exemptions(facts: &BreachFacts, a: &Assessment) -> Vec<Art34Exemption> {
    let mut out = Vec::new();
    let neutralised = a.exposure.confidentiality == Some(ConfidentialityExposure::Neutralised);
    if neutralised && a.risk < RiskLevel::High && assess(facts, &[], true).risk == RiskLevel::High {
        out.push(Art34Exemption::A);
    }
    let sc = facts.subject_communication.clone().unwrap_or_default();
    if a.risk == RiskLevel::High {
        if sc.high_risk_neutralised && !exemption_b_refused(facts, a) {
            out.push(Art34Exemption::B);
        } else if sc.disproportionate_effort {
            out.push(Art34Exemption::C);
        }
    }
    out
}

/// Art. 34(3)(b) is claimed, but the data were published: later measures
/// cannot make published data confidential again, so it does not apply.
pub(crate) fn exemption_b_refused(facts: &BreachFacts, a: &Assessment) -> bool {
    a.risk == RiskLevel::High
        && a.exposure.public
        && facts
            .subject_communication
            .as_ref()
            .is_some_and(|s| s.high_risk_neutralised)
}

/// Applies the policy to the assessment.
pub(crate) fn decide(facts: &BreachFacts, a: &Assessment, options: &AssessmentOptions) -> Decision {
    let mut d = Decision {
        notify_authority: false,
        notify_data_subjects: false,
        public_communication: false,
        inform_controller: false,
        exemptions: exemptions(facts, a),
        duties: vec![duty(DutyKind::Document, None)],
        findings: Vec::new(),
    };
    for e in &d.exemptions {
        d.findings.push(match e {
            Art34Exemption::A => DutyFinding::Art34a,
            Art34Exemption::B => DutyFinding::Art34b,
            Art34Exemption::C => DutyFinding::Art34c,
        });
    }
    if facts.role == Role::Processor {
        d.inform_controller = true;
        d.duties.push(duty(DutyKind::InformController, None));
        d.findings.push(DutyFinding::Processor);
        d.findings.push(DutyFinding::DocumentAlways);
        return d;
    }
    let disproportionate = facts
        .subject_communication
        .as_ref()
        .is_some_and(|s| s.disproportionate_effort);
    match options.policy {
        Policy::RiskBased => {
            d.notify_authority = a.risk >= RiskLevel::Risk;
            let exempt = d
                .exemptions
                .iter()
                .any(|e| matches!(e, Art34Exemption::A | Art34Exemption::B));
            d.public_communication = d.exemptions.contains(&Art34Exemption::C);
            d.notify_data_subjects =
                a.risk == RiskLevel::High && !exempt && !d.public_communication;
            if a.risk == RiskLevel::Risk {
                d.findings
                    .push(DutyFinding::Art34NoSubjects { risk: a.risk });
            }
        }
        Policy::NotifyAlways => {
            d.notify_authority = true;
            d.public_communication = disproportionate;
            d.notify_data_subjects = !disproportionate;
            d.findings.push(DutyFinding::Policy {
                policy: options.policy,
                risk: a.risk,
            });
        }
    }
    d.findings.push(DutyFinding::DocumentAlways);
    if d.notify_authority {
        let due = clock::authority_deadline(facts.aware_at, options.deadline_rule);
        let (local, _) = clock::local_time(due, &facts.controller.country, facts.aware_at);
        d.duties.push(duty(DutyKind::NotifyAuthority, Some(due)));
        d.findings.push(DutyFinding::Deadline {
            rule: options.deadline_rule,
            due,
            local,
            zone: clock::zone_abbreviation(due, &facts.controller.country, facts.aware_at),
        });
    }
    if d.notify_data_subjects {
        d.duties.push(duty(DutyKind::NotifyDataSubjects, None));
    }
    if d.public_communication {
        d.duties.push(duty(DutyKind::PublicCommunication, None));
    }
    d
}

fn duty(kind: DutyKind, due: Option<chrono::DateTime<chrono::Utc>>) -> Duty {
    Duty {
        duty: kind,
        article: kind.article().to_string(),
        due,
    }
}
