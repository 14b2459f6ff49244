//! Plain text from the Markdown the templates write.

/// The characters that make Markdown markup: emphasis, code, links and
/// images, raw HTML and autolinks, headings, tables, escapes.
pub(crate) const MARKDOWN_ACTIVE: &[char] =
    &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '!'];

/// Turns the Markdown of a document into plain text: headings underlined,
/// emphasis and link syntax removed, everything else kept.
///
/// ```
/// let t = dsgvo_core::document::markdown_to_text("# Meldung\n\n**Frist:** 23.11.2026\n");
/// assert_eq!(t, "Meldung\n=======\n\nFrist: 23.11.2026\n");
/// ```
pub fn markdown_to_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.lines() {
        let (underline, body) = if let Some(h) = line.strip_prefix("# ") {
            (Some('='), h)
        } else if let Some(h) = line.strip_prefix("## ") {
            (Some('-'), h)
        } else if let Some(h) = line.strip_prefix("### ") {
            (None, h)
        } else {
            (None, line)
        };
        let plain = unescape(&body.replace("**", "").replace('`', ""));
        out.push_str(&plain);
        out.push('\n');
        if let Some(c) = underline {
            out.extend(std::iter::repeat_n(c, plain.chars().count()));
            out.push('\n');
        }
    }
    out
}

/// Drops the backslash of every escaped markup character
/// (`escape_markdown` wrote it), keeping the character.
fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(next)) if MARKDOWN_ACTIVE.contains(next) => {
                out.push(*next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}
