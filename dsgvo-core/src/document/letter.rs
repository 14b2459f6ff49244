//! Art. 34(2) letters to the data subjects, in clear and plain language,
//! personalised and rendered in bulk from a stream of recipients; and the
//! public communication of Art. 34(3)(c).

use minijinja::{Value, context};
use std::collections::VecDeque;
use std::sync::mpsc;

use serde::{Deserialize, Serialize};

use super::messages::{MessageId, Messages};
use super::skeleton::{self, Skeleton};
use super::view::BreachView;
use super::{DocumentError, Templates, markdown_to_text};
use crate::AssessedBreach;
use crate::facts::{DataCategory, closed_set};
use crate::label::Label;
use crate::options::Language;
use crate::risk::Harm;

/// One person to write to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The full name.
    pub name: String,
    /// Salutation line without the name (`Sehr geehrte Frau`); default: a neutral greeting.
    #[serde(default)]
    pub salutation: Option<String>,
    /// E-mail address, if the letter goes by e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Which of this person's data was affected; empty: every category of the breach.
    #[serde(default)]
    pub affected: Vec<DataCategory>,
}

impl Recipient {
    /// What makes the name, salutation or address unfit for a letter head
    /// or a mail header: a blank name; a line break or other control
    /// character (`\r\nBcc:` would add a header where the letter is
    /// mailed); an address without exactly one `@` or with spaces.
    fn header_problem(&self) -> Option<(&'static str, &'static str)> {
        let control = |s: &str| s.chars().any(char::is_control);
        if self.name.trim().is_empty() {
            return Some(("name", "must not be empty"));
        }
        let fields = [
            ("name", Some(&self.name)),
            ("salutation", self.salutation.as_ref()),
            ("email", self.email.as_ref()),
        ];
        if let Some((field, _)) = fields.iter().find(|(_, v)| v.is_some_and(|v| control(v))) {
            return Some((
                field,
                "must not contain line breaks or other control characters",
            ));
        }
        let email = self.email.as_deref()?;
        let plausible = email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && !domain.is_empty() && !domain.contains('@')
        }) && !email.contains(char::is_whitespace);
        (!plausible).then_some(("email", "not an e-mail address (one @, no spaces)"))
    }
}

closed_set!(
    /// The format of a letter.
    LetterFormat {
        /// Plain text (e-mail body, print).
        Text = "text",
        /// HTML (e-mail); every value is escaped.
        Html = "html",
    }
);

/// One rendered letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Letter {
    /// The recipient's name.
    pub name: String,
    /// The recipient's e-mail address, if given.
    pub email: Option<String>,
    /// The letter.
    pub content: String,
}

/// Concrete advice for people whose data of `categories` was affected, in
/// plain words (Art. 34(2) with Art. 33(3)(d): measures to mitigate), worded
/// by `messages` (`advice.*`).
///
/// ```
/// # use dsgvo_core::{AssessedBreach, BreachFacts, Language, document::{advice, Messages}};
/// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/2","role":"controller",
/// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
/// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"hacking",
/// #   "data_categories":["payment_card"],"data_subjects":{"count":500},
/// #   "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}}"#).unwrap();
/// let categories = facts.data_categories.clone();
/// let breach = AssessedBreach::new(facts, &Default::default());
/// let advice = advice(&breach, &categories, Messages::builtin(), Language::De);
/// assert!(advice[0].starts_with("Prüfen Sie Ihre Kreditkartenabrechnungen."));
/// ```
pub fn advice(
    breach: &AssessedBreach,
    categories: &[DataCategory],
    messages: &Messages,
    lang: Language,
) -> Vec<String> {
    advice_items(breach, categories)
        .into_iter()
        .map(|id| messages.get(lang, id).to_string())
        .collect()
}

/// The stable ids of the advice for `categories` (`password_now`,
/// `card_statements`, ...): a shop template can word each itself; the
/// catalogue holds each as `advice.<id>`.
pub fn advice_ids(breach: &AssessedBreach, categories: &[DataCategory]) -> Vec<&'static str> {
    advice_items(breach, categories)
        .into_iter()
        .map(|id| id.as_str().trim_start_matches("advice."))
        .collect()
}

/// Which advice applies: decided here, worded in the catalogue.
fn advice_items(breach: &AssessedBreach, categories: &[DataCategory]) -> Vec<MessageId> {
    use DataCategory::*;
    let (facts, verdict) = (breach.facts(), breach.verdict());
    let has = |c: DataCategory| categories.contains(&c);
    let harm = |h: Harm| verdict.harms.contains(&h);
    let hashed = facts.protection.and_then(|p| p.password_hashing)
        == Some(crate::facts::PasswordHashing::StateOfTheArt);
    let mut out = Vec::new();
    if has(Credentials) {
        out.push(if hashed {
            MessageId::AdvicePasswordPrecaution
        } else {
            MessageId::AdvicePasswordNow
        });
    }
    if has(PaymentCard) {
        out.push(MessageId::AdviceCardStatements);
    }
    if has(BankAccount) || has(Financial) {
        out.push(MessageId::AdviceBankStatements);
    }
    if has(GovernmentId) || harm(Harm::IdentityTheft) {
        out.push(MessageId::AdviceIdentityMisuse);
    }
    if (has(Contact) || has(Identity) || has(Order))
        && (harm(Harm::Fraud) || verdict.risk == crate::RiskLevel::High)
    {
        out.push(MessageId::AdvicePhishing);
    }
    if has(Health) || has(SpecialCategory) || has(Criminal) {
        out.push(MessageId::AdviceSensitiveData);
    }
    out.push(MessageId::AdviceComplaint);
    out
}

/// Letters for one breach: the breach-level context is built once; each
/// recipient adds only their own part.
pub(crate) struct LetterWriter<'a> {
    templates: &'a Templates,
    breach: &'a AssessedBreach,
    /// The breach as the letter shows it, built once.
    view: Value,
    template: String,
    /// Affected data and advice for recipients without their own `affected`
    /// list (the common case), computed once.
    default_affected: Value,
    default_advice: Value,
    default_advice_ids: Value,
    /// The catalogue's greeting around its one `{name}`, split once: a
    /// letter only puts the name between (`None`: any other greeting, filled
    /// per letter).
    greeting: Option<(String, String)>,
    /// The letter with the name and greeting left open, for recipients
    /// without their own `affected` list, when the template allows it.
    pub(super) skeleton: Option<Skeleton>,
}

impl<'a> LetterWriter<'a> {
    pub(crate) fn new(
        templates: &'a Templates,
        breach: &'a AssessedBreach,
        format: LetterFormat,
    ) -> Self {
        let facts = breach.facts();
        let ext = match format {
            LetterFormat::Text => "txt",
            LetterFormat::Html => "html",
        };
        let l = breach.language();
        LetterWriter {
            templates,
            breach,
            view: Value::from(minijinja::value::Serde(BreachView::new(
                breach,
                templates.messages(),
            ))),
            template: format!("{l}/letter.{ext}"),
            default_affected: Value::from(
                facts
                    .data_categories
                    .iter()
                    .map(|c| c.label(l))
                    .collect::<Vec<_>>(),
            ),
            default_advice: Value::from(advice(
                breach,
                &facts.data_categories,
                templates.messages(),
                l,
            )),
            default_advice_ids: Value::from(advice_ids(breach, &facts.data_categories)),
            greeting: {
                let g = templates.messages().get(l, MessageId::LetterGreeting);
                g.split_once("{name}")
                    .filter(|(_, after)| !after.contains("{name}"))
                    .map(|(before, after)| (before.to_string(), after.to_string()))
            },
            skeleton: None,
        }
    }

    /// A writer for many letters: with the breach's skeleton when the
    /// template allows it (building it costs two renderings, so a single
    /// letter is written without).
    pub(crate) fn bulk(
        templates: &'a Templates,
        breach: &'a AssessedBreach,
        format: LetterFormat,
    ) -> Self {
        let mut writer = LetterWriter::new(templates, breach, format);
        writer.skeleton = writer.skeleton();
        writer
    }

    /// The skeleton of this breach's letter, if the template uses the
    /// recipient only as plain text and the skeleton gives exactly the full
    /// rendering for a probe recipient whose name needs escaping.
    fn skeleton(&self) -> Option<Skeleton> {
        if !skeleton::eligible(&self.templates.source(&self.template)?) {
            return None;
        }
        let rendered = self.render(skeleton::NAME, skeleton::GREETING, None).ok()?;
        let s = Skeleton::from_rendered(&rendered, Templates::escapes_html(&self.template))?;
        let (name, greeting) = ("Probe & <Kundin> \"O'Neil\"", "Hallo Probe & <Kundin>,");
        let full = self.render(name, greeting, None).ok()?;
        (s.fill(name, greeting) == full).then_some(s)
    }

    /// Renders the letter in full; `affected` None: every category.
    fn render(
        &self,
        name: &str,
        greeting: &str,
        affected: Option<&[DataCategory]>,
    ) -> Result<String, DocumentError> {
        let l = self.breach.language();
        let (affected, advice_items, ids) = match affected {
            None => (
                self.default_affected.clone(),
                self.default_advice.clone(),
                self.default_advice_ids.clone(),
            ),
            Some(own) => (
                Value::from(own.iter().map(|c| c.label(l)).collect::<Vec<_>>()),
                Value::from(advice(self.breach, own, self.templates.messages(), l)),
                Value::from(advice_ids(self.breach, own)),
            ),
        };
        let ctx = context! {
            breach => self.view.clone(),
            recipient => context! {
                name => name,
                greeting => greeting,
                affected => affected,
            },
            advice => advice_items,
            advice_ids => ids,
        };
        self.templates.render_value(&self.template, ctx)
    }

    /// Whether `r`'s letter is filled into the skeleton (no full rendering).
    fn fills(&self, r: &Recipient) -> bool {
        self.skeleton.is_some() && r.affected.is_empty()
    }

    pub(crate) fn write(&self, index: usize, r: &Recipient) -> Result<Letter, DocumentError> {
        if let Some((field, problem)) = r.header_problem() {
            return Err(DocumentError::InvalidRecipient {
                index,
                field,
                problem: problem.into(),
            });
        }
        if let Some(c) = r
            .affected
            .iter()
            .find(|c| !self.breach.facts().data_categories.contains(c))
        {
            return Err(DocumentError::InvalidRecipient {
                index,
                field: "affected",
                problem: format!("\"{c}\" is not among the breach's data_categories"),
            });
        }
        let l = self.breach.language();
        let name = r.name.trim();
        let greeting = match &r.salutation {
            Some(s) => format!("{} {name},", s.trim()),
            None => match &self.greeting {
                Some((before, after)) => format!("{before}{name}{after}"),
                None => {
                    self.templates
                        .messages()
                        .fill(l, MessageId::LetterGreeting, &[("name", name)])
                }
            },
        };
        let content = match (&self.skeleton, r.affected.is_empty()) {
            (Some(s), true) => s.fill(name, &greeting),
            (_, true) => self.render(name, &greeting, None)?,
            (_, false) => self.render(name, &greeting, Some(&r.affected))?,
        };
        Ok(Letter {
            name: name.to_string(),
            email: r.email.clone(),
            content,
        })
    }
}

/// Renders one letter per recipient, lazily: the stream is consumed as the
/// letters are taken, so memory does not grow with the number of recipients.
///
/// ```
/// # use dsgvo_core::{AssessedBreach, BreachFacts, document::{letters, LetterFormat, Recipient, Templates}};
/// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
/// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
/// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"hacking",
/// #   "data_categories":["identity","contact"],"data_subjects":{"count":500},
/// #   "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}}"#).unwrap();
/// # let breach = AssessedBreach::new(facts, &Default::default());
/// let templates = Templates::builtin();
/// let people = (0..3).map(|i| Recipient { name: format!("Kundin {i}"), salutation: None, email: None, affected: vec![] });
/// let mut n = 0;
/// for letter in letters(&templates, &breach, LetterFormat::Text, people) {
///     assert!(letter.unwrap().content.contains("Guten Tag Kundin"));
///     n += 1;
/// }
/// assert_eq!(n, 3);
/// ```
///
/// # Errors
///
/// Each item is a [`DocumentError::InvalidRecipient`] (naming `recipients[i]`
/// and the field) or a [`DocumentError::Template`]; the iterator goes on after
/// a bad recipient.
pub fn letters<'a, I>(
    templates: &'a Templates,
    breach: &'a AssessedBreach,
    format: LetterFormat,
    recipients: I,
) -> impl Iterator<Item = Result<Letter, DocumentError>> + 'a
where
    I: IntoIterator<Item = Recipient>,
    I::IntoIter: 'a,
{
    let writer = LetterWriter::bulk(templates, breach, format);
    recipients
        .into_iter()
        .enumerate()
        .map(move |(i, r)| writer.write(i, &r))
}

/// [`letters`] on `workers` threads, for the bulk runs of a processor
/// incident: recipients are read in parts of 512, two parts per worker in
/// flight, rendered in parallel, and handed to `sink` in recipient order, so
/// memory stays bounded by `workers` × 1,024 letters whatever the count. Returns the number of letters.
/// The first failure, in recipient order, stops the run; the letters before
/// it have been handed to `sink`. The caller decides how many threads its
/// host may use. When the template uses the recipient only as plain text,
/// letters of recipients without their own `affected` list are filled into
/// one rendering of the breach's letter, which is faster than any hand-over
/// between threads: such recipients are written on the calling thread, and
/// the workers start at the first recipient that needs a full rendering.
///
/// ```
/// # use dsgvo_core::{AssessedBreach, BreachFacts, document::{letters_parallel, LetterFormat, Recipient, Templates}};
/// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
/// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
/// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"hacking",
/// #   "data_categories":["identity","contact"],"data_subjects":{"count":500},
/// #   "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}}"#).unwrap();
/// # let breach = AssessedBreach::new(facts, &Default::default());
/// let people = (0..2000).map(|i| Recipient { name: format!("Kundin {i}"), salutation: None, email: None, affected: vec![] });
/// let mut names = Vec::new();
/// let n = letters_parallel(&Templates::builtin(), &breach, LetterFormat::Text, people, 2, |l| names.push(l.name)).unwrap();
/// assert_eq!(n, 2000);
/// assert_eq!(names[1999], "Kundin 1999");
/// ```
pub fn letters_parallel<I, F>(
    templates: &Templates,
    breach: &AssessedBreach,
    format: LetterFormat,
    recipients: I,
    workers: usize,
    mut sink: F,
) -> Result<usize, DocumentError>
where
    I: IntoIterator<Item = Recipient>,
    F: FnMut(Letter),
{
    const PER_WORKER: usize = 512;
    let workers = workers.max(1);
    let mut source = recipients.into_iter().peekable();
    let mut written = 0;
    let writer = LetterWriter::bulk(templates, breach, format);
    // Filling a skeleton costs less than handing letters between threads:
    // stay on the calling thread while that is all there is to do.
    while let Some(r) = source.next_if(|r| workers == 1 || writer.fills(r)) {
        sink(writer.write(written, &r)?);
        written += 1;
    }
    if source.peek().is_none() {
        return Ok(written);
    }
    type Job = (usize, Vec<Recipient>);
    type Done = Vec<Result<Letter, DocumentError>>;
    std::thread::scope(|scope| {
        // One long-lived thread per worker, each with its own writer: shared
        // template values would make the threads contend for their
        // reference counts.
        let lanes: Vec<(mpsc::Sender<Job>, mpsc::Receiver<Done>)> = (0..workers)
            .map(|_| {
                let (job_tx, job_rx) = mpsc::channel::<Job>();
                let (done_tx, done_rx) = mpsc::channel::<Done>();
                scope.spawn(move || {
                    let writer = LetterWriter::bulk(templates, breach, format);
                    for (start, part) in job_rx {
                        let letters = part
                            .iter()
                            .enumerate()
                            .map(|(i, r)| writer.write(start + i, r))
                            .collect();
                        if done_tx.send(letters).is_err() {
                            return;
                        }
                    }
                });
                (job_tx, done_rx)
            })
            .collect();
        // Jobs go to the lanes in turn and are taken back in the same turn,
        // so the letters come out in recipient order. Two jobs per lane are
        // in flight: a worker renders its next part while this thread reads
        // recipients and hands finished letters to `sink`.
        let mut in_flight: VecDeque<usize> = VecDeque::with_capacity(2 * workers);
        let mut next_lane = 0;
        let mut dispatched = written;
        let mut dispatch = |in_flight: &mut VecDeque<usize>| {
            let part: Vec<Recipient> = source.by_ref().take(PER_WORKER).collect();
            if part.is_empty() {
                return;
            }
            let n = part.len();
            lanes[next_lane]
                .0
                .send((dispatched, part))
                .expect("workers live while the scope does");
            in_flight.push_back(next_lane);
            next_lane = (next_lane + 1) % workers;
            dispatched += n;
        };
        for _ in 0..2 * workers {
            dispatch(&mut in_flight);
        }
        while let Some(lane) = in_flight.pop_front() {
            let letters = lanes[lane]
                .1
                .recv()
                .unwrap_or_else(|_| panic!("a letter worker stopped"));
            dispatch(&mut in_flight);
            for letter in letters {
                sink(letter?);
                written += 1;
            }
        }
        Ok(written)
    })
}

/// The public communication of Art. 34(3)(c) as Markdown.
pub fn public_communication(
    templates: &Templates,
    breach: &AssessedBreach,
) -> Result<String, DocumentError> {
    let l = breach.language();
    let messages = templates.messages();
    let ctx = context! {
        breach => Value::from(minijinja::value::Serde(BreachView::new(breach, messages))),
        advice => advice(breach, &breach.facts().data_categories, messages, l),
    };
    templates.render_value(&format!("{l}/public_communication.md"), ctx)
}

/// The public communication as plain text.
pub fn public_communication_text(
    templates: &Templates,
    breach: &AssessedBreach,
) -> Result<String, DocumentError> {
    public_communication(templates, breach).map(|m| markdown_to_text(&m))
}
