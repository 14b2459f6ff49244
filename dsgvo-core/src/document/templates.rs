//! Templates are data: the built-in ones live in `dsgvo-core/templates/`,
//! and a shop can override any of them with its own wording and letterhead.

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use serde::Serialize;

use super::DocumentError;
use super::messages::Messages;
use crate::options::Language;

macro_rules! builtin {
    ($($name:literal $(= $file:literal)?),+ $(,)?) => {
        /// Every built-in template: (name, source).
        pub const BUILTIN: &[(&str, &str)] = &[
            $(($name, builtin!(@source $name $($file)?))),+
        ];
    };
    (@source $name:literal) => { include_str!(concat!("../../templates/", $name)) };
    (@source $name:literal $file:literal) => { include_str!(concat!("../../templates/", $file)) };
}

// The text and the HTML letter are one source: every sentence is written
// once. `{{ m.… }}` marks the markup and `{% if html %}` the HTML-only
// parts; `specialise` turns the source into the text or the HTML template
// when the set is built, so rendering costs no more than a plain template,
// and the HTML name escapes every value.
builtin!(
    "de/notification.md",
    "en/notification.md",
    "de/letter.txt" = "de/letter.j2",
    "en/letter.txt" = "en/letter.j2",
    "de/letter.html" = "de/letter.j2",
    "en/letter.html" = "en/letter.j2",
    "de/public_communication.md",
    "en/public_communication.md",
    "de/register.md",
    "en/register.md",
    "de/controller_notice.md",
    "en/controller_notice.md",
    "de/tom.md",
    "en/tom.md",
    "de/tom.html",
    "en/tom.html",
);

/// How much work one rendering may do, in minijinja fuel (one per
/// instruction, plus one per 64 bytes of data built). The largest built-in
/// document, the TOM document of a checklist at the 1 MiB input limit,
/// needs under a fifth of it; a shop template that loops without end
/// or builds gigabytes stops with a template error instead of hanging or
/// exhausting the host's memory.
pub const TEMPLATE_FUEL: u64 = 20_000_000;

/// The set of templates documents are rendered with.
///
/// ```
/// use dsgvo_core::document::Templates;
/// let t = Templates::builtin().with_template("de/letter.txt", "Hallo {{ recipient.name }}").unwrap();
/// let err = Templates::builtin().with_template("de/letter.txt", "Hallo {{ recipient.name").unwrap_err();
/// assert!(err.to_string().starts_with("template de/letter.txt, line 1:"), "{err}");
/// ```
#[derive(Clone, Debug)]
pub struct Templates {
    env: Environment<'static>,
    messages: Messages,
}

impl Default for Templates {
    fn default() -> Self {
        Templates::builtin()
    }
}

impl Templates {
    /// The built-in templates (German and English).
    pub fn builtin() -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(TEMPLATE_FUEL));
        env.set_auto_escape_callback(auto_escape);
        env.set_formatter(format_value);
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .keep_trailing_newline(true)
                .build()
                .expect("static syntax configuration"),
        );
        for (name, source) in BUILTIN {
            let source = match letter_format(name) {
                Some(html) => specialise(source, html),
                None => (*source).to_string(),
            };
            env.add_template_owned(*name, source)
                .expect("built-in templates are checked by the tests");
        }
        Templates {
            env,
            messages: Messages::builtin().clone(),
        }
    }

    /// Replaces the wording of one message of the catalogue (see
    /// [`MessageId`](super::MessageId) for the ids) in `lang`.
    ///
    /// # Errors
    /// An unknown id, or a `{name}` the message does not have; the error
    /// names the id.
    ///
    /// ```
    /// use dsgvo_core::Language;
    /// let t = dsgvo_core::document::Templates::builtin()
    ///     .with_message(Language::De, "letter.greeting", "Hallo {name},")
    ///     .unwrap();
    /// let err = dsgvo_core::document::Templates::builtin()
    ///     .with_message(Language::En, "letter.greting", "Hi {name},")
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "template en/messages.json#letter.greting, line ?: unknown message id \"letter.greting\"");
    /// ```
    pub fn with_message(
        mut self,
        lang: Language,
        id: &str,
        text: &str,
    ) -> Result<Self, DocumentError> {
        self.messages.set(lang, id, text)?;
        Ok(self)
    }

    /// The message catalogue of this set.
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// Replaces (or adds) template `name`; a syntax error names the template and line.
    pub fn with_template(mut self, name: &str, source: &str) -> Result<Self, DocumentError> {
        self.env
            .add_template_owned(name.to_string(), source.to_string())
            .map_err(|e| template_error(name, &e))?;
        Ok(self)
    }

    /// The names of all templates in the set.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.env.templates().map(|(n, _)| n.to_string()).collect();
        names.sort();
        names
    }

    /// The source of template `name` as the set renders it (for the built-in
    /// letters: the text or the HTML form of their one source) — a starting
    /// point for a shop's own version.
    ///
    /// ```
    /// let t = dsgvo_core::document::Templates::builtin();
    /// assert!(t.source("de/letter.html").unwrap().contains("<h2>Was ist passiert?</h2>"));
    /// assert!(!t.source("de/letter.txt").unwrap().contains("<h2>"));
    /// ```
    pub fn source(&self, name: &str) -> Option<String> {
        self.env
            .get_template(name)
            .ok()
            .map(|t| t.source().to_string())
    }

    /// Whether values printed by template `name` are HTML-escaped.
    pub(crate) fn escapes_html(name: &str) -> bool {
        matches!(auto_escape(name), AutoEscape::Html)
    }

    /// Renders template `name` with `ctx`.
    pub(crate) fn render(&self, name: &str, ctx: &impl Serialize) -> Result<String, DocumentError> {
        self.render_value(name, Value::from(minijinja::value::Serde(ctx)))
    }

    /// Renders template `name` with a prepared context.
    pub(crate) fn render_value(&self, name: &str, ctx: Value) -> Result<String, DocumentError> {
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| template_error(name, &e))?;
        tmpl.render(ctx).map_err(|e| template_error(name, &e))
    }
}

/// For the letter names: whether it is the HTML one.
fn letter_format(name: &str) -> Option<bool> {
    match name.rsplit_once('/') {
        Some((_, "letter.html")) => Some(true),
        Some((_, "letter.txt")) => Some(false),
        _ => None,
    }
}

/// The markup of the one letter source: (mark, HTML, text).
const LETTER_MARKUP: &[(&str, &str, &str)] = &[
    // A paragraph ends with an empty line, also after a block tag.
    ("{{ m.p_end }}", "</p>", "{{ \"\" }}\n"),
    ("{{ m.p }}", "<p>", ""),
    ("{{ m.h_end }}", "</h2>", ""),
    ("{{ m.h }}", "<h2>", ""),
    // An expression that prints nothing keeps the line's newline where the
    // item ends with a block tag (trim_blocks would take it).
    ("{{ m.li_end }}", "</li>", "{{ \"\" }}"),
    ("{{ m.li }}", "<li>", "- "),
    ("{{ m.br }}", "<br>\n", "\n"),
    ("{{ m.gap }}", "", ""),
    ("{% if html %}", "{% if true %}", "{% if false %}"),
];

/// The text or the HTML template made from the one letter source.
fn specialise(source: &str, html: bool) -> String {
    LETTER_MARKUP
        .iter()
        .fold(source.to_string(), |s, (mark, h, t)| {
            s.replace(mark, if html { h } else { t })
        })
}

/// HTML templates escape every value they print; the others print as is.
fn auto_escape(name: &str) -> AutoEscape {
    if name.ends_with(".html") {
        AutoEscape::Html
    } else if name.ends_with(".md") {
        AutoEscape::Custom(MARKDOWN.into())
    } else {
        AutoEscape::None
    }
}

/// The auto-escape mode of the Markdown templates.
const MARKDOWN: &str = "markdown";

/// Writes a value into a document: HTML-escaped in HTML, Markdown-escaped
/// in Markdown (see [`escape_markdown`]), as it is in plain text. Values a
/// template marks `safe` are written as they are.
fn format_value(
    out: &mut minijinja::Output<'_>,
    state: &mut minijinja::State<'_, '_>,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if matches!(state.auto_escape(), AutoEscape::Custom(mode) if mode == MARKDOWN)
        && !value.is_safe()
    {
        let text = match value.as_str() {
            Some(s) => escape_markdown(s),
            None => escape_markdown(&value.to_string()),
        };
        return out
            .write_str(&text)
            .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()));
    }
    minijinja::escape_formatter(out, state, value)
}

/// Text as Markdown shows it literally: every markup character
/// backslash-escaped, so text from the facts (a summary, a measure, a
/// name) never becomes a link, an image, raw HTML or a heading, also in
/// the public communication meant for publication.
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if super::text::MARKDOWN_ACTIVE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn template_error(name: &str, e: &minijinja::Error) -> DocumentError {
    DocumentError::Template {
        name: e.name().unwrap_or(name).to_string(),
        line: e.line(),
        message: e
            .detail()
            .map(|d| format!("{}: {d}", e.kind()))
            .unwrap_or_else(|| e.kind().to_string()),
    }
}
