//! The parser's entry point: source text to [`Program`] or a [`Diagnostic`].
//!
//! [`parse`] runs the lexer, checks that brackets and `do`/`fn` ... `end`
//! pair up (which gives Elixir's "missing terminator" errors and bounds the
//! nesting depth), then runs the lalrpop grammar and words its errors.
//! String interpolations are parsed recursively, each `#{...}` on its own.
//!
//! **Invariant:** the parser never panics and always terminates, whatever
//! the input; trees are at most about [`MAX_NESTING`] levels deep, so the
//! recursive code after it (printing, desugaring, dropping) cannot overflow
//! the stack.

pub(crate) mod build;
mod fast;

use lalrpop_util::ParseError;

use crate::ast::{Expr, ExprKind, Program, Span};
use crate::diagnostic::{line_col, Diagnostic};
use crate::grammar;
use crate::lexer::{self, Tok};

/// The deepest nesting accepted, counted in brackets, `do`/`fn` blocks and
/// operators still open at one point of the source. Real code stays far
/// below 100; the bound keeps recursive passes over the tree within a small
/// stack (1000 levels of about 1 KiB of frames each).
pub const MAX_NESTING: usize = 1000;

/// Parses a whole source file.
pub fn parse(source: &str) -> Result<Program, Diagnostic> {
    parse_range(source, 0, source.len(), 0)
}

/// Parses `src[start..end]`; `depth` counts enclosing interpolations.
fn parse_range(src: &str, start: usize, end: usize, depth: u32) -> Result<Program, Diagnostic> {
    let mut interp = |a: usize, b: usize| parse_interpolation(src, a, b, depth + 1);
    let mut toks = lexer::tokenize(src, start, end, depth, &mut interp)?;
    // Interpolations share the budget: each level gets half of its parent's.
    check_nesting(src, &toks, (MAX_NESTING >> depth.min(6)).max(16))?;
    if check_mode() {
        return parse_checked(src, start, end, depth, toks);
    }
    // The hand-written parser builds the tree for the code people write;
    // what it does not take (syntax errors included) goes to the grammar,
    // which takes the tokens lexed again (the fast parser took theirs).
    if let Some(program) = fast::parse(&mut toks) {
        return Ok(program);
    }
    let toks = lexer::tokenize(src, start, end, depth, &mut interp)?;
    grammar_parse(src, start, end, depth, toks)
}

/// `BEAMLET_PARSE_CHECK=1`: every range is parsed by both parsers and the
/// trees compared (a difference is printed to stderr); the grammar's
/// result is used. `BEAMLET_PARSE_CHECK=2` also reports each range the
/// fast parser left to the grammar.
fn check_mode() -> bool {
    static MODE: std::sync::OnceLock<u8> = std::sync::OnceLock::new();
    *MODE.get_or_init(|| {
        std::env::var("BEAMLET_PARSE_CHECK")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }) > 0
}

fn parse_checked(
    src: &str,
    start: usize,
    end: usize,
    depth: u32,
    toks: Vec<(usize, Tok, usize)>,
) -> Result<Program, Diagnostic> {
    let mut copy = toks.clone();
    let fast = fast::parse(&mut copy);
    let slow = grammar_parse(src, start, end, depth, toks);
    let line = line_col(src, start).0;
    match (&fast, &slow) {
        (Some(f), Ok(s)) if f != s => {
            eprintln!("PARSE-CHECK: trees differ in the range at line {line}");
            for (a, b) in f.exprs.iter().zip(&s.exprs) {
                if a != b {
                    eprintln!("fast: {a:?}\ngrammar: {b:?}");
                    break;
                }
            }
        }
        (Some(_), Err(e)) => {
            eprintln!(
                "PARSE-CHECK: fast parser accepted what the grammar rejects at line {line}: {}",
                e.message
            );
        }
        (None, Ok(_)) if std::env::var("BEAMLET_PARSE_CHECK").as_deref() == Ok("2") => {
            eprintln!("PARSE-CHECK: fast parser left the range at line {line} to the grammar");
        }
        _ => {}
    }
    slow
}

fn grammar_parse(
    src: &str,
    start: usize,
    end: usize,
    depth: u32,
    toks: Vec<(usize, Tok, usize)>,
) -> Result<Program, Diagnostic> {
    let mut interp = |a: usize, b: usize| parse_interpolation(src, a, b, depth + 1);
    let parser = grammar::ProgramParser::new();
    // The tokens are moved into the parser, not cloned (a clone per token
    // was a tenth of parsing); a syntax error, which needs them to word its
    // message, lexes the range again.
    parser
        .parse(toks.into_iter().map(Ok::<_, Diagnostic>))
        .or_else(|e| {
            let toks = lexer::tokenize(src, start, end, depth, &mut interp)?;
            Err(syntax_error(src, &toks, end, e))
        })
}

/// The code of one `#{...}`: its expressions as one expression.
fn parse_interpolation(
    src: &str,
    start: usize,
    end: usize,
    depth: u32,
) -> Result<Expr, Diagnostic> {
    let mut program = parse_range(src, start, end, depth)?;
    // The quoted form gives an interpolation the line of its `#{`.
    let open = start.saturating_sub(2) as u32;
    if program.exprs.len() == 1 {
        if let Some(e) = program.exprs.pop() {
            let code_line_later = src
                .get(start..e.quoting.at as usize)
                .is_some_and(|t| t.contains('\n'));
            if code_line_later {
                return Ok(Expr::new(e.span, ExprKind::Block(vec![e])).at(open));
            }
            return Ok(e);
        }
    }
    Ok(Expr::new(Span::new(start, end), ExprKind::Block(program.exprs)).at(open))
}

fn opener_name(t: &Tok) -> Option<(&'static str, &'static str)> {
    Some(match t {
        Tok::LParen => ("(", ")"),
        Tok::LBracket | Tok::AccessOpen => ("[", "]"),
        Tok::LBrace => ("{", "}"),
        Tok::MapOpen => ("%{", "}"),
        Tok::BitOpen => ("<<", ">>"),
        Tok::Do => ("do", "end"),
        Tok::Fn => ("fn", "end"),
        _ => return None,
    })
}

fn closer_name(t: &Tok) -> Option<&'static str> {
    Some(match t {
        Tok::RParen => ")",
        Tok::RBracket => "]",
        Tok::RBrace => "}",
        Tok::BitClose => ">>",
        Tok::End => "end",
        _ => return None,
    })
}

/// Tokens that add a level to the tree being built (operators and
/// paren-less calls); separators close those levels again.
fn nests(t: &Tok) -> bool {
    !matches!(
        t,
        Tok::Ident(_)
            | Tok::ParenIdent(_)
            | Tok::DoIdent(_)
            | Tok::Alias(_)
            | Tok::KwKey(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Atom(_)
            | Tok::Str(_)
            | Tok::Charlist(_)
            | Tok::Sigil(..)
            | Tok::CaptureInt(_)
            | Tok::True
            | Tok::False
            | Tok::Nil
            | Tok::Else
            | Tok::After
            | Tok::Rescue
            | Tok::Catch
    ) && opener_name(t).is_none()
        && closer_name(t).is_none()
        && !matches!(t, Tok::Comma | Tok::Eoe | Tok::Arrow)
}

/// Pairs brackets and `do`/`fn` with `end` (Elixir's terminator errors), and
/// rejects nesting deeper than `budget`.
fn check_nesting(src: &str, toks: &[(usize, Tok, usize)], budget: usize) -> Result<(), Diagnostic> {
    struct Frame {
        open: &'static str,
        close: &'static str,
        span: Span,
        ops: usize,
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut top_ops = 0usize;
    let mut total_ops = 0usize;
    let line = |at: u32| line_col(src, at as usize).0;
    for (l, t, r) in toks {
        let span = Span::new(*l, *r);
        if let Some((open, close)) = opener_name(t) {
            if matches!(t, Tok::AccessOpen) {
                // `x[a][b]` nests to the left: count it in the enclosing level.
                *stack.last_mut().map(|f| &mut f.ops).unwrap_or(&mut top_ops) += 1;
                total_ops += 1;
            }
            stack.push(Frame {
                open,
                close,
                span,
                ops: 0,
            });
        } else if let Some(close) = closer_name(t) {
            let Some(frame) = stack.pop() else {
                let msg = if close == "end" {
                    "unexpected reserved word: end".to_string()
                } else {
                    format!("unexpected token: {close}")
                };
                return Err(
                    Diagnostic::new(span, msg).with_hint(format!("this {close} closes nothing"))
                );
            };
            if frame.close != close {
                let msg = if close == "end" {
                    "unexpected reserved word: end".to_string()
                } else {
                    format!("unexpected token: {close}")
                };
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "{msg}. The \"{}\" at line {} is missing terminator \"{}\"",
                        frame.open.trim_start_matches('%'),
                        line(frame.span.start),
                        frame.close
                    ),
                ));
            }
            total_ops -= frame.ops;
        } else if matches!(t, Tok::Comma | Tok::Eoe | Tok::Arrow) {
            let ops = stack.last_mut().map(|f| &mut f.ops).unwrap_or(&mut top_ops);
            total_ops -= *ops;
            *ops = 0;
        } else if nests(t) {
            *stack.last_mut().map(|f| &mut f.ops).unwrap_or(&mut top_ops) += 1;
            total_ops += 1;
        }
        if stack.len() + total_ops > budget {
            return Err(Diagnostic::new(
                span,
                format!("expression nested too deeply (more than {budget} levels)"),
            )
            .with_hint("split the expression into smaller ones bound to variables"));
        }
    }
    if let Some(frame) = stack.last() {
        let (end_line, _) = line_col(src, toks.last().map(|t| t.2).unwrap_or(0));
        let opened = line(frame.span.start);
        return Err(Diagnostic::new(
            frame.span,
            // Elixir names a map's opening `%{` as `{`.
            format!(
                "missing terminator: {} (for \"{}\" starting at line {opened})",
                frame.close,
                frame.open.trim_start_matches('%')
            ),
        )
        .with_hint(format!(
            "the \"{}\" at line {opened} is never closed; add \"{}\" before the end of the input (line {end_line})",
            frame.open, frame.close
        )));
    }
    Ok(())
}

/// Terminals that can start an expression (listed as "an expression").
const EXPRESSION_STARTS: &[&str] = &[
    "identifier",
    "call identifier",
    "paren identifier",
    "do identifier",
    "op identifier",
    "alias",
    "integer",
    "float",
    "atom",
    "interpolated atom",
    "string",
    "binary",
    "charlist",
    "sigil",
    "&N",
    "true",
    "false",
    "nil",
    "fn",
    "(",
    "[",
    "{",
    "%{",
    "%",
    "<<",
    "@",
    "&",
    "-",
    "+",
    "!",
    "^",
    "not",
    "~~~",
    "nullary ..",
    "(;)",
];

/// Binary operators (listed as "an operator").
const OPERATORS: &[&str] = &[
    "<-",
    "\\\\",
    "when",
    "::",
    "|",
    "=",
    "||",
    "|||",
    "or",
    "&&",
    "&&&",
    "and",
    "==",
    "!=",
    "=~",
    "===",
    "!==",
    "<",
    ">",
    "<=",
    ">=",
    "|>",
    "arrow operator",
    "in",
    "not in",
    "^^^",
    "//",
    "++",
    "--",
    "+++ or ---",
    "..",
    "<>",
    "+",
    "-",
    "*",
    "/",
    "**",
    ".",
    ".(",
    "x[",
];

/// Words lalrpop's list of expected terminals as a short hint.
fn expected_hint(expected: &[String]) -> Option<String> {
    if std::env::var_os("BEAMLET_DEBUG_EXPECTED").is_some() {
        eprintln!("expected: {expected:?}");
    }
    // lalrpop quotes terminal names and escapes their backslashes.
    let names: Vec<String> = expected
        .iter()
        .map(|e| e.trim_matches('"').replace("\\\\", "\\"))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut parts: Vec<String> = Vec::new();
    // `+` and `-` start expressions and are operators: they decide neither.
    let has_expr = names
        .iter()
        .any(|n| EXPRESSION_STARTS.contains(n) && !OPERATORS.contains(n));
    let ops = names.iter().filter(|n| OPERATORS.contains(n)).count();
    if has_expr {
        parts.push("an expression".into());
    }
    if ops >= 4 {
        parts.push("an operator".into());
    }
    for n in &names {
        let grouped =
            (has_expr && EXPRESSION_STARTS.contains(n)) || (ops >= 4 && OPERATORS.contains(n));
        // After a complete expression `->` is always possible (it could head a
        // clause); naming it beside the operators only misleads.
        if grouped || *n == "call identifier" || (ops >= 4 && *n == "->") {
            continue;
        }
        let shown = match *n {
            "newline" => "a newline".to_string(),
            "key:" | "interpolated key:" => "a keyword (key: value)".to_string(),
            "x[" => "'['".to_string(),
            other => format!("'{other}'"),
        };
        if !parts.contains(&shown) {
            parts.push(shown);
        }
    }
    match parts.len() {
        0 => None,
        1 => Some(format!("expected {}", parts[0])),
        n if n <= 8 => Some(format!(
            "expected {} or {}",
            parts[..n - 1].join(", "),
            parts[n - 1]
        )),
        _ => Some(format!("expected one of {}, ...", parts[..8].join(", "))),
    }
}

fn syntax_error(
    src: &str,
    toks: &[(usize, Tok, usize)],
    end: usize,
    e: ParseError<usize, Tok, Diagnostic>,
) -> Diagnostic {
    match e {
        ParseError::User { error } => error,
        ParseError::UnrecognizedEof { location, expected } => {
            let span = toks
                .last()
                .map(|t| Span::new(t.0, t.2))
                .unwrap_or(Span::new(location.min(end), end));
            let d = Diagnostic::new(span, "syntax error: expression is incomplete");
            match expected_hint(&expected) {
                Some(h) => d.with_hint(format!("{h} after this")),
                None => d,
            }
        }
        ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => {
            let text = src.get(l..r).unwrap_or("");
            let d = Diagnostic::new(
                Span::new(l, r),
                format!("syntax error before: {}", tok.describe(text)),
            );
            let index = toks.iter().position(|t| t.0 == l);
            let prev = index
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| toks.get(i))
                .map(|t| &t.1);
            if tok == Tok::RParen && prev == Some(&Tok::Comma) {
                return d.with_hint("remove the trailing comma");
            }
            let names: Vec<&str> = expected.iter().map(|e| e.trim_matches('"')).collect();
            if names.contains(&"key:")
                && !names.iter().any(|n| EXPRESSION_STARTS.contains(n))
                && prev == Some(&Tok::Comma)
            {
                return d.with_hint(
                    "keyword lists must come last in a call's arguments; wrap one in the middle in brackets: [key: value]",
                );
            }
            if matches!(tok, Tok::Else | Tok::After | Tok::Rescue | Tok::Catch) {
                let word = tok.describe(text);
                return d.with_hint(format!(
                    "{word} only goes inside a do-block, before its end: `if c do ... else ... end`, `try do ... rescue ... end`"
                ));
            }
            if tok == Tok::Arrow {
                return d.with_hint("-> clauses belong in fn, case, cond, receive and similar blocks, one pattern per clause");
            }
            match expected_hint(&expected) {
                Some(h) => d.with_hint(h),
                None => d,
            }
        }
        ParseError::ExtraToken { token: (l, tok, r) } => {
            let text = src.get(l..r).unwrap_or("");
            Diagnostic::new(
                Span::new(l, r),
                format!("syntax error before: {}", tok.describe(text)),
            )
        }
        ParseError::InvalidToken { location } => {
            Diagnostic::new(Span::new(location, location + 1), "invalid token")
        }
    }
}
