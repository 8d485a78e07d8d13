//! Diagnostics: errors as data, rendered in one place.
//!
//! Every phase (lexer, parser, desugaring, code generation) reports problems
//! as [`Diagnostic`]s; only [`Diagnostic::render`] turns them into text:
//!
//! ```text
//! error: syntax error before: ')'
//!  --> app.ex:3:14
//!   |
//! 3 |   x = foo(1, )
//!   |              ^
//!   = hint: remove the trailing comma
//! ```

use crate::ast::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// One line, lower-case start, no trailing period.
    pub message: String,
    pub span: Span,
    /// An optional suggestion.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            span,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Renders `error: ...`, the `file:line:column` location, the source line
    /// and a caret line under the span (clipped to the first line of the span).
    pub fn render(&self, file: &str, source: &str) -> String {
        self.render_as("error", file, source)
    }

    /// [`Diagnostic::render`] for a warning: the program still compiles.
    pub fn render_warning(&self, file: &str, source: &str) -> String {
        self.render_as("warning", file, source)
    }

    fn render_as(&self, severity: &str, file: &str, source: &str) -> String {
        let (line, col) = line_col(source, self.span.start as usize);
        let line_text = source.lines().nth(line - 1).unwrap_or("");
        let num = line.to_string();
        let pad = " ".repeat(num.len());
        let start_col = col - 1;
        let line_chars = line_text.chars().count();
        let span_len = source
            .get(self.span.start as usize..(self.span.end as usize).min(source.len()))
            .map(|s| s.split('\n').next().unwrap_or("").chars().count())
            .unwrap_or(1)
            .max(1)
            .min(line_chars.saturating_sub(start_col).max(1));
        let mut out = format!("{severity}: {}\n", self.message);
        out += &format!("{pad}--> {file}:{line}:{col}\n");
        out += &format!("{pad} |\n");
        out += &format!("{num} | {line_text}\n");
        // Keep tabs so the caret lines up under tab-indented source.
        let lead: String = line_text
            .chars()
            .take(start_col)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        out += &format!("{pad} | {lead}{}\n", "^".repeat(span_len));
        if let Some(h) = &self.hint {
            out += &format!("{pad} = hint: {h}\n");
        }
        out
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..floor_char_boundary(source, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
