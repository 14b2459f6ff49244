//! Whether a data protection officer must be designated: Art. 37(1) GDPR and,
//! for German controllers and processors, § 38(1) BDSG — explained, with
//! how to count the persons and what follows from the answer.
//!
//! Every flag is three-valued: `true`, `false`, or left out = not assessed.
//! A flag not assessed is never stated as "no"; where it could establish the
//! duty, the answer is [`DpoOutcome::Open`] and names it.

use serde::{Deserialize, Serialize};

use crate::facts::closed_set;
use crate::options::Language;
use crate::reason::Reason;

/// § 38(1) sentence 1 BDSG: "in der Regel mindestens 20 Personen ständig mit
/// der automatisierten Verarbeitung personenbezogener Daten beschäftigt"
/// (10 until the 2019 amendment).
pub const BDSG_HEADCOUNT: u32 = 20;

/// The facts the DPO duty depends on, for one legal entity (a controller or
/// processor; a group is several entities, see Art. 37(2) GDPR).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DpoFacts {
    /// Whether German law applies (§ 38 BDSG): seat in Germany.
    pub german: bool,
    /// Persons (heads, not full-time equivalents) of this legal entity who,
    /// under normal staffing, regularly and permanently process personal data
    /// by automated means — part-timers, trainees, temporary agency workers
    /// and freelancers integrated into the work count; seasonal peaks do not.
    pub persons_processing_automatically: u32,
    /// A public authority or body (Art. 37(1)(a)); left out: not assessed.
    #[serde(default)]
    pub public_body: Option<bool>,
    /// Core activities: regular and systematic monitoring of data subjects
    /// on a large scale (Art. 37(1)(b)); left out: not assessed.
    #[serde(default)]
    pub large_scale_monitoring: Option<bool>,
    /// Core activities: large-scale processing of Art. 9 or Art. 10 data
    /// (Art. 37(1)(c)); left out: not assessed.
    #[serde(default)]
    pub large_scale_special_categories: Option<bool>,
    /// Processing that requires a DPIA under Art. 35 (§ 38(1) sentence 2
    /// BDSG); left out: not assessed.
    #[serde(default)]
    pub dpia_required: Option<bool>,
    /// Commercial processing for transfer, anonymised transfer, or market or
    /// opinion research (§ 38(1) sentence 2 BDSG); left out: not assessed.
    #[serde(default)]
    pub commercial_transfer_or_research: Option<bool>,
}

closed_set!(
    /// How a person works for the entity.
    Engagement {
        /// Employed, full or part time (part-timers count as one head).
        Employee = "employee",
        /// A trainee or working student.
        Trainee = "trainee",
        /// A temporary agency worker (Leiharbeitnehmer).
        TemporaryAgency = "temporary_agency",
        /// A freelancer.
        Freelancer = "freelancer",
        /// An external service provider working from its own organisation
        /// (a processor, a tax adviser's office): not counted here.
        ExternalProvider = "external_provider",
    }
);

/// One person working for the entity, as the § 38(1) count needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    /// How they work for the entity.
    pub engagement: Engagement,
    /// Whether they process personal data by automated means permanently,
    /// not just occasionally (e-mail with customers, the shop backend, ERP).
    pub processes_personal_data: bool,
    /// Whether they are integrated into the entity's work (own desk or
    /// account, instructions, regular work); matters for freelancers and
    /// temporary agency workers.
    #[serde(default = "yes")]
    pub integrated: bool,
    /// Only for a seasonal peak (Christmas business): not "in der Regel".
    #[serde(default)]
    pub seasonal_only: bool,
}

fn yes() -> bool {
    true
}

/// The persons § 38(1) sentence 1 BDSG counts: heads, not full-time
/// equivalents; those who permanently process personal data by automated
/// means under normal staffing; temporary agency workers and freelancers
/// when integrated; external providers and seasonal help not.
///
/// ```
/// use dsgvo_core::dpo::{Engagement, Staff, count_persons};
/// let part_timer = Staff { engagement: Engagement::Employee, processes_personal_data: true, integrated: true, seasonal_only: false };
/// let christmas = Staff { seasonal_only: true, ..part_timer };
/// assert_eq!(count_persons(&[part_timer; 20]), 20);
/// assert_eq!(count_persons(&[part_timer, christmas]), 1);
/// ```
pub fn count_persons(staff: &[Staff]) -> u32 {
    let counted = staff
        .iter()
        .filter(|s| s.processes_personal_data && !s.seasonal_only)
        .filter(|s| match s.engagement {
            Engagement::Employee | Engagement::Trainee => true,
            Engagement::TemporaryAgency | Engagement::Freelancer => s.integrated,
            Engagement::ExternalProvider => false,
        })
        .count();
    u32::try_from(counted).unwrap_or(u32::MAX)
}

closed_set!(
    /// The answer.
    DpoOutcome {
        /// A DPO must be designated.
        Required = "required",
        /// No rule requires one, every relevant flag assessed.
        NotRequired = "not_required",
        /// No rule requires one so far, but a flag not assessed could.
        Open = "open",
    }
);

/// The answer, with the rule behind every part of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DpoDuty {
    /// Whether a DPO must be designated (`outcome == required`).
    pub required: bool,
    /// Required, not required, or open.
    pub outcome: DpoOutcome,
    /// The flags not assessed that could establish the duty (JSON field names).
    pub open_questions: Vec<String>,
    /// Why (each rule that applies, or why none does), what follows, and
    /// how the facts are to be counted.
    pub reasons: Vec<Reason>,
}

/// Decides the DPO duty.
///
/// ```
/// use dsgvo_core::{Language, dpo::{DpoFacts, DpoOutcome, dpo_duty}};
/// let assessed = |persons| DpoFacts {
///     german: true,
///     persons_processing_automatically: persons,
///     public_body: Some(false),
///     large_scale_monitoring: Some(false),
///     large_scale_special_categories: Some(false),
///     dpia_required: Some(false),
///     commercial_transfer_or_research: Some(false),
/// };
/// assert!(dpo_duty(&assessed(20), Language::En).required);
/// assert_eq!(dpo_duty(&assessed(19), Language::En).outcome, DpoOutcome::NotRequired);
/// // A flag left out is not a "no".
/// let open = DpoFacts { dpia_required: None, ..assessed(19) };
/// let duty = dpo_duty(&open, Language::En);
/// assert_eq!((duty.outcome, duty.open_questions.as_slice()), (DpoOutcome::Open, &["dpia_required".to_string()][..]));
/// ```
pub fn dpo_duty(f: &DpoFacts, lang: Language) -> DpoDuty {
    let grounds = grounds(f);
    let open = open_questions(f);
    let outcome = match (grounds.is_empty(), open.is_empty()) {
        (false, _) => DpoOutcome::Required,
        (true, true) => DpoOutcome::NotRequired,
        (true, false) => DpoOutcome::Open,
    };
    let mut reasons: Vec<Reason> = grounds.iter().map(|g| g.reason(f, lang)).collect();
    match outcome {
        DpoOutcome::Required => reasons.extend(consequences(lang)),
        DpoOutcome::NotRequired => reasons.push(no_duty(f, lang)),
        DpoOutcome::Open => reasons.push(open_reason(&open, lang)),
    }
    if f.german {
        reasons.push(counting(lang));
        reasons.push(section_38_2(outcome, lang));
    }
    reasons.push(per_entity(lang));
    DpoDuty {
        required: outcome == DpoOutcome::Required,
        outcome,
        open_questions: open.iter().map(|s| s.to_string()).collect(),
        reasons,
    }
}

/// A rule that requires a DPO.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ground {
    PublicBody,
    Monitoring,
    SpecialCategories,
    Headcount,
    Dpia,
    Commercial,
}

fn grounds(f: &DpoFacts) -> Vec<Ground> {
    let yes = |v: Option<bool>| v == Some(true);
    let mut out = Vec::new();
    if yes(f.public_body) {
        out.push(Ground::PublicBody);
    }
    if yes(f.large_scale_monitoring) {
        out.push(Ground::Monitoring);
    }
    if yes(f.large_scale_special_categories) {
        out.push(Ground::SpecialCategories);
    }
    if f.german {
        if f.persons_processing_automatically >= BDSG_HEADCOUNT {
            out.push(Ground::Headcount);
        }
        if yes(f.dpia_required) {
            out.push(Ground::Dpia);
        }
        if yes(f.commercial_transfer_or_research) {
            out.push(Ground::Commercial);
        }
    }
    out
}

/// The flags not assessed that could establish the duty: § 38 flags only
/// under German law.
fn open_questions(f: &DpoFacts) -> Vec<&'static str> {
    let mut flags = vec![
        ("public_body", f.public_body),
        ("large_scale_monitoring", f.large_scale_monitoring),
        (
            "large_scale_special_categories",
            f.large_scale_special_categories,
        ),
    ];
    if f.german {
        flags.push(("dpia_required", f.dpia_required));
        flags.push((
            "commercial_transfer_or_research",
            f.commercial_transfer_or_research,
        ));
    }
    flags
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(name, _)| name)
        .collect()
}

fn reason(code: &str, lang: Language, de: String, en: String, source: &str) -> Reason {
    let text = match lang {
        Language::De => de,
        Language::En => en,
    };
    crate::explain::cited_reason(code, text, source, lang)
}

impl Ground {
    fn reason(self, f: &DpoFacts, lang: Language) -> Reason {
        let (code, de, en, source) = match self {
            Ground::PublicBody => (
                "art37_1_a",
                "Öffentliche Stelle: Benennung erforderlich.".to_string(),
                "Public authority or body: designation required.".to_string(),
                "Art. 37(1)(a) GDPR",
            ),
            Ground::Monitoring => (
                "art37_1_b",
                "Kerntätigkeit ist die umfangreiche regelmäßige und systematische Überwachung betroffener Personen: Benennung erforderlich.".to_string(),
                "Core activities consist of regular and systematic monitoring of data subjects on a large scale: designation required.".to_string(),
                "Art. 37(1)(b) GDPR",
            ),
            Ground::SpecialCategories => (
                "art37_1_c",
                "Kerntätigkeit ist die umfangreiche Verarbeitung besonderer Kategorien (Art. 9 DSGVO) oder von Daten über Straftaten (Art. 10 DSGVO): Benennung erforderlich.".to_string(),
                "Core activities consist of large-scale processing of special categories (Art. 9 GDPR) or criminal offence data (Art. 10 GDPR): designation required.".to_string(),
                "Art. 37(1)(c) GDPR",
            ),
            Ground::Headcount => (
                "bdsg_38_headcount",
                format!(
                    "{} Personen sind in der Regel ständig mit der automatisierten Verarbeitung beschäftigt (Schwelle: {BDSG_HEADCOUNT}): Benennung erforderlich.",
                    f.persons_processing_automatically
                ),
                format!(
                    "{} persons are regularly and permanently engaged in automated processing (threshold: {BDSG_HEADCOUNT}): designation required.",
                    f.persons_processing_automatically
                ),
                "§ 38(1) sentence 1 BDSG",
            ),
            Ground::Dpia => (
                "bdsg_38_dpia",
                "Verarbeitungen, die einer Datenschutz-Folgenabschätzung (Art. 35 DSGVO) unterliegen: Benennung unabhängig von der Personenzahl erforderlich.".to_string(),
                "Processing subject to a data protection impact assessment (Art. 35 GDPR): designation required regardless of headcount.".to_string(),
                "§ 38(1) sentence 2 BDSG",
            ),
            Ground::Commercial => (
                "bdsg_38_commercial",
                "Geschäftsmäßige Verarbeitung zur Übermittlung, anonymisierten Übermittlung oder Markt- und Meinungsforschung: Benennung unabhängig von der Personenzahl erforderlich.".to_string(),
                "Commercial processing for transfer, anonymised transfer, or market or opinion research: designation required regardless of headcount.".to_string(),
                "§ 38(1) sentence 2 BDSG",
            ),
        };
        reason(code, lang, de, en, source)
    }
}

/// What follows from a duty: publish and communicate, qualification,
/// position and independence.
fn consequences(lang: Language) -> Vec<Reason> {
    vec![
        reason(
            "art37_7_publish",
            lang,
            "Die Kontaktdaten der oder des Datenschutzbeauftragten sind zu veröffentlichen und der Aufsichtsbehörde mitzuteilen.".into(),
            "Publish the data protection officer's contact details and communicate them to the supervisory authority.".into(),
            "Art. 37(7) GDPR",
        ),
        reason(
            "art37_5_6_choice",
            lang,
            "Zu benennen ist, wer das nötige Fachwissen im Datenschutzrecht und in der Datenschutzpraxis hat; das kann eine Beschäftigte oder ein Beschäftigter sein oder eine externe Stelle auf Grundlage eines Dienstvertrags.".into(),
            "Designate someone with expert knowledge of data protection law and practice; a staff member or an external person under a service contract.".into(),
            "Art. 37(5), (6) GDPR",
        ),
        reason(
            "art38_3_6_position",
            lang,
            "Die oder der Datenschutzbeauftragte ist weisungsfrei, darf wegen der Aufgabenerfüllung nicht abberufen oder benachteiligt werden, berichtet unmittelbar der höchsten Managementebene und darf keine Aufgaben haben, die zu einem Interessenkonflikt führen (etwa Geschäftsführung oder IT-Leitung).".into(),
            "The data protection officer receives no instructions on the tasks, is not dismissed or penalised for performing them, reports directly to the highest management level and holds no tasks that result in a conflict of interests (such as managing director or head of IT).".into(),
            "Art. 38(3), (6) GDPR",
        ),
    ]
}

fn no_duty(f: &DpoFacts, lang: Language) -> Reason {
    if f.german {
        reason(
            "no_dpo_duty",
            lang,
            format!(
                "Keine Pflicht: keine öffentliche Stelle, keine Kerntätigkeit nach Art. 37 Abs. 1 lit. b oder c DSGVO, {} Personen ständig mit automatisierter Verarbeitung beschäftigt (weniger als {BDSG_HEADCOUNT}), keine DSFA-pflichtige Verarbeitung und keine geschäftsmäßige Übermittlung oder Markt- und Meinungsforschung – so wie angegeben. Eine freiwillige Benennung ist möglich; die Pflichten der DSGVO gelten unverändert.",
                f.persons_processing_automatically
            ),
            format!(
                "No duty: no public body, no core activity under Art. 37(1)(b) or (c) GDPR, {} persons permanently engaged in automated processing (fewer than {BDSG_HEADCOUNT}), no processing subject to a DPIA and no commercial transfer or market or opinion research — as stated. A voluntary designation is possible; the GDPR's duties apply unchanged.",
                f.persons_processing_automatically
            ),
            "Art. 37(1) GDPR; § 38(1) BDSG",
        )
    } else {
        reason(
            "no_dpo_duty",
            lang,
            "Keine Pflicht nach Art. 37 Abs. 1 DSGVO, so wie angegeben; nationales Recht kann weitere Fälle vorsehen (Art. 37 Abs. 4 DSGVO).".into(),
            "No duty under Art. 37(1) GDPR, as stated; national law may add cases (Art. 37(4) GDPR).".into(),
            "Art. 37(1), (4) GDPR",
        )
    }
}

fn open_reason(open: &[&str], lang: Language) -> Reason {
    let list = open.join(", ");
    reason(
        "dpo_duty_open",
        lang,
        format!(
            "Noch nicht entschieden: Keine der geprüften Regeln verlangt eine Benennung, aber nicht geprüft ist: {list}. Jede dieser Angaben kann die Pflicht begründen; bis zur Klärung wird nichts davon als „nein“ unterstellt."
        ),
        format!(
            "Not decided yet: none of the rules assessed requires a designation, but not assessed is: {list}. Each of these can establish the duty; until they are answered none is taken as \"no\"."
        ),
        "Art. 37(1) GDPR; § 38(1) BDSG",
    )
}

/// How § 38(1) BDSG counts — practice of the authorities and commentaries,
/// not verified against a primary source here; the rule of thumb is ours.
fn counting(lang: Language) -> Reason {
    reason(
        "bdsg_38_counting",
        lang,
        "So wird gezählt: Köpfe, nicht Vollzeitstellen – Teilzeitkräfte zählen voll; Auszubildende, Leiharbeitnehmer und freie Mitarbeiter zählen, wenn sie in die Arbeit eingebunden sind und ständig (nicht nur gelegentlich) mit automatisierter Verarbeitung personenbezogener Daten zu tun haben, etwa E-Mail, Warenwirtschaft oder Kundenservice; „in der Regel“ meint die übliche Besetzung, nicht Spitzen wie das Weihnachtsgeschäft; gezählt wird je Verantwortlichem oder Auftragsverarbeiter (juristische Person), nicht für den Konzern.".into(),
        "How to count: heads, not full-time equivalents — part-timers count fully; trainees, temporary agency workers and freelancers count when they are integrated into the work and permanently (not just occasionally) process personal data by automated means, e.g. e-mail, merchandise management or customer service; \"in der Regel\" means normal staffing, not peaks such as the Christmas season; count per controller or processor (legal entity), not per group.".into(),
        "§ 38(1) sentence 1 BDSG (\"in der Regel\", \"ständig\", \"Personen\"); counting as in authority and commentary practice (UNVERIFIED); summary: dsgvo method (our choice)",
    )
}

/// § 38(2) BDSG: § 6(5) sentence 2 and (6) apply to every DPO of a private
/// body, § 6(4) only where the designation is mandatory.
fn section_38_2(outcome: DpoOutcome, lang: Language) -> Reason {
    let mandatory = outcome == DpoOutcome::Required;
    reason(
        "bdsg_38_2_protection",
        lang,
        format!(
            "Für jede benannte Datenschutzbeauftragte und jeden benannten Datenschutzbeauftragten gelten Verschwiegenheit über die Identität betroffener Personen (§ 6 Abs. 5 Satz 2 BDSG) und das Zeugnisverweigerungsrecht (§ 6 Abs. 6 BDSG); der besondere Abberufungs- und Kündigungsschutz (§ 6 Abs. 4 BDSG) gilt nur bei Pflichtbenennung{}.",
            if mandatory {
                " – hier also auch er"
            } else {
                " – bei einer freiwilligen Benennung also nicht"
            }
        ),
        format!(
            "Every designated data protection officer is bound to secrecy about the identity of data subjects (§ 6(5) sentence 2 BDSG) and has the right to refuse to give evidence (§ 6(6) BDSG); the special protection against removal and dismissal (§ 6(4) BDSG) applies only where designation is mandatory{}.",
            if mandatory {
                " — here it does"
            } else {
                " — not for a voluntary designation"
            }
        ),
        "§ 38(2) BDSG with § 6(4), (5) sentence 2, (6) BDSG",
    )
}

fn per_entity(lang: Language) -> Reason {
    reason(
        "art37_2_group",
        lang,
        "Die Pflicht gilt je Verantwortlichem und je Auftragsverarbeiter. Eine Unternehmensgruppe darf eine gemeinsame Datenschutzbeauftragte oder einen gemeinsamen Datenschutzbeauftragten benennen, wenn sie oder er von jeder Niederlassung aus leicht erreichbar ist.".into(),
        "The duty applies per controller and per processor. A group of undertakings may appoint a single data protection officer provided that they are easily accessible from each establishment.".into(),
        "Art. 37(2) GDPR",
    )
}
