//! The lexer: Elixir source text to the tokens the grammar consumes.
//!
//! Two stages, as in Elixir's own `elixir_tokenizer`:
//!
//! 1. [`Raw`], a logos lexer, does the regular part: identifiers, numbers,
//!    operators, punctuation. Quoted things (strings, charlists, heredocs,
//!    sigils, quoted atoms, `?c` characters) are scanned by plain-Rust
//!    callbacks, which find the end of every `#{...}` by running a nested
//!    [`Raw`] lexer (so braces inside nested strings do not confuse them).
//! 2. A post-pass in plain Rust turns raw tokens into [`Tok`]s. It classifies
//!    identifiers by what follows them, as the Elixir tokenizer does:
//!    `f(` is a [`Tok::ParenIdent`], `f do` a [`Tok::DoIdent`], `f x` (a space,
//!    then something that can start an argument and is not a binary operator)
//!    a [`Tok::CallIdent`], anything else a plain [`Tok::Ident`]; it marks `[`
//!    right after an expression as [`Tok::AccessOpen`], joins `key:` into
//!    [`Tok::KwKey`] and `not in` into one operator, and decides which newlines
//!    matter (see [`tokenize`]).
//!
//! The grammar (`grammar.lalrpop`) never sees whitespace: everything it must
//! know about spacing is in the token kinds.

use logos::{Lexer, Logos};
use num_bigint::BigInt;

use crate::ast::{Expr, InterpPart, Span};
use crate::diagnostic::{line_col, Diagnostic};

/// How deeply strings may nest inside interpolations (`"#{"#{"..."}"}"`).
/// Each level costs a nested lexer and parser on the Rust stack; 16 is far
/// beyond anything written by hand.
pub const MAX_INTERPOLATION_DEPTH: u32 = 16;

// ---------------------------------------------------------------------------
// Stage 1: raw tokens
// ---------------------------------------------------------------------------

/// A lexing error from stage 1. `span` is relative to the lexed slice;
/// `None` means "the span of the token logos was matching".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LexError {
    kind: LexErrorKind,
    span: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
enum LexErrorKind {
    #[default]
    UnexpectedChar,
    /// `span.0` is the opening delimiter.
    MissingTerminator {
        term: String,
        what: String,
    },
    Message(String, Option<String>),
}

impl LexError {
    fn at(start: usize, end: usize, kind: LexErrorKind) -> LexError {
        LexError {
            kind,
            span: Some((start, end)),
        }
    }
    fn msg(start: usize, end: usize, message: impl Into<String>) -> LexError {
        LexError::at(start, end, LexErrorKind::Message(message.into(), None))
    }
    fn shifted(mut self, by: usize) -> LexError {
        self.span = self.span.map(|(s, e)| (s + by, e + by));
        self
    }
}

/// A piece of a quoted literal: text (escapes processed) or the byte range of
/// the code inside `#{...}`, relative to the lexed slice.
#[derive(Debug, Clone, PartialEq)]
pub enum RawPart {
    Lit(String),
    Code(usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawSigil {
    letter: char,
    parts: Vec<RawPart>,
    modifiers: String,
    /// The opening delimiter as written: `(`, `/`, `"""`, ...
    delimiter: String,
}

/// Stage-1 tokens. Variants without a pattern are made by the post-pass.
#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error = LexError, extras = u32)]
#[logos(skip r"[ \t\r\f]+")]
#[logos(skip r"\\\r?\n")]
#[logos(skip r"#[^\n]*")]
pub enum Raw {
    #[token("\n")]
    Newline,
    #[token(";")]
    Semi,
    #[token(",")]
    Comma,

    #[regex(r"[\p{Ll}\p{Lo}_][\p{L}\p{N}_]*[?!]?", |l| l.slice().to_string())]
    Ident(String),
    #[regex(r"[A-Z][a-zA-Z0-9_]*", |l| l.slice().to_string())]
    Alias(String),

    #[token("true")]
    True,
    #[token("false")]
    False,
    #[token("nil")]
    Nil,
    #[token("fn")]
    Fn,
    #[token("do")]
    Do,
    #[token("end")]
    End,
    #[token("else")]
    Else,
    #[token("after")]
    After,
    #[token("rescue")]
    Rescue,
    #[token("catch")]
    Catch,
    #[token("when")]
    When,
    #[token("and")]
    And,
    #[token("or")]
    Or,
    #[token("not")]
    Not,
    #[token("in")]
    In,

    #[regex(r"[0-9][0-9_]*", |l| int(l.slice(), 10))]
    #[regex(r"0x[0-9a-fA-F_]+", |l| int(l.slice(), 16))]
    #[regex(r"0o[0-7_]+", |l| int(l.slice(), 8))]
    #[regex(r"0b[01_]+", |l| int(l.slice(), 2))]
    Int(BigInt),
    #[regex(r"[0-9][0-9_]*\.[0-9][0-9_]*([eE][+-]?[0-9][0-9_]*)?", |l| float(l.slice()))]
    Float(f64),
    #[token("?", char_literal)]
    Char(u32),
    #[regex(r"&[0-9]+", |l| capture_int(l.slice()))]
    CaptureInt(u32),

    #[regex(r":[\p{L}_][\p{L}\p{N}_@]*[?!]?", |l| l.slice()[1..].to_string())]
    #[regex(
        r":(\+\+|--|\+|-|\*\*|\*|/|<>|\.\.|==|!=|===|!==|<=|>=|<|>|&&|\|\||!|=~|\|>|&|\^|@|\.|<-|->|\||=>)",
        |l| l.slice()[1..].to_string()
    )]
    #[token(":\"", |l| quoted_atom(l, '"'))]
    #[token(":'", |l| quoted_atom(l, '\''))]
    Atom(String),
    #[token(":")]
    Colon,

    #[token("\"", |l| quoted(l, '"', "string"))]
    #[token("\"\"\"", |l| heredoc_token(l, '"'))]
    Str(Vec<RawPart>),
    #[token("'", |l| quoted(l, '\'', "charlist"))]
    #[token("'''", |l| heredoc_token(l, '\''))]
    Charlist(Vec<RawPart>),
    #[regex(r"~[a-zA-Z]", sigil)]
    Sigil(RawSigil),

    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("**")]
    StarStar,
    #[token("++")]
    PlusPlus,
    #[token("--")]
    MinusMinus,
    #[token("<>")]
    Concat,
    #[token("..")]
    DotDot,
    #[token("//")]
    SlashSlash,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
    #[token("===")]
    EqEqEq,
    #[token("!==")]
    NotEqEq,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("&&")]
    AndAnd,
    #[token("||")]
    OrOr,
    #[token("!")]
    Bang,
    #[token("=")]
    Eq,
    #[token("=>")]
    FatArrow,
    #[token("->")]
    Arrow,
    #[token("<-")]
    LArrow,
    #[token("\\\\")]
    BackBack,
    #[token("::")]
    ColonColon,
    #[token("|")]
    Bar,
    #[token("&")]
    Amp,
    #[token("^")]
    Caret,
    #[token("@")]
    At,
    #[token(".")]
    Dot,
    #[token("=~")]
    TildeEq,
    #[token("|>")]
    PipeRight,
    #[token("<<")]
    BitOpen,
    #[token(">>")]
    BitClose,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("%{")]
    MapOpen,
    #[token("%")]
    Percent,
    /// Elixir operators outside beamlet's subset.
    #[regex(r"&&&|\|\|\||<<<|>>>|~>|<~>|<~|<\|>|\+\+\+|---|\^\^\^|~~~|\.\.\.")]
    UnsupportedOp,
}

fn int(text: &str, radix: u32) -> Result<BigInt, LexError> {
    let digits = if radix == 10 { text } else { &text[2..] };
    check_underscores(text, digits)?;
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(|| LexError {
        kind: bad_number(text),
        span: None,
    })
}

fn float(text: &str) -> Result<f64, LexError> {
    for group in text.split(['.', 'e', 'E', '+', '-']) {
        check_underscores(text, group)?;
    }
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    match clean.parse::<f64>() {
        Ok(f) if f.is_finite() => Ok(f),
        _ => Err(LexError {
            kind: LexErrorKind::Message(format!("invalid float number {text}"), None),
            span: None,
        }),
    }
}

/// Underscores may only sit between two digits: `1_000`, not `1_` or `1__0`.
fn check_underscores(text: &str, digits: &str) -> Result<(), LexError> {
    if digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(LexError {
            kind: bad_number(text),
            span: None,
        });
    }
    Ok(())
}

fn bad_number(text: &str) -> LexErrorKind {
    LexErrorKind::Message(
        format!("invalid number {text}"),
        Some("an underscore in a number must sit between two digits, as in 1_000".into()),
    )
}

fn capture_int(text: &str) -> Result<u32, LexError> {
    text[1..].parse::<u32>().map_err(|_| LexError {
        kind: LexErrorKind::Message(format!("capture argument {text} is too large"), None),
        span: None,
    })
}

/// `?a`, `?\n`: the code point of one character.
fn char_literal(lex: &mut Lexer<Raw>) -> Result<u32, LexError> {
    let start = lex.span().start;
    let src = lex.source();
    let pos = lex.span().end;
    match src[pos..].chars().next() {
        None | Some(' ' | '\t' | '\n' | '\r') => {
            Err(LexError::msg(start, pos, "unexpected token: ?")
                .with_hint("a character literal needs a character right after the `?`, as in ?a"))
        }
        Some('\\') => {
            let (c, end) = decode_escape(src, pos + 1, start)?;
            lex.bump(end - pos);
            // `?\` followed by a newline has no character; report it like Elixir.
            c.map(|c| c as u32)
                .ok_or_else(|| LexError::msg(start, end, "unexpected token: ?"))
        }
        Some(c) => {
            lex.bump(c.len_utf8());
            Ok(c as u32)
        }
    }
}

impl LexError {
    fn with_hint(mut self, hint: &str) -> LexError {
        if let LexErrorKind::Message(_, h) = &mut self.kind {
            *h = Some(hint.to_string());
        }
        self
    }
}

/// How backslashes are treated inside a quoted literal.
#[derive(Clone, Copy, PartialEq)]
enum Esc {
    /// Strings, charlists, `~s`, `~c`, `~w`: `\n`, `\t`, `\xHH`, `\u{...}`...
    Full,
    /// Other sigils: the text is kept as written (the sigil interprets it),
    /// except that `\` before the terminator lets the terminator through.
    Raw,
}

/// Where a quoted literal stops.
#[derive(Clone, Copy)]
enum Stop {
    Char(char),
    /// A heredoc body: at this byte offset (the start of the closing line).
    Limit(usize),
}

/// What is being scanned, for "missing terminator" errors.
struct Quote<'a> {
    open: usize,
    what: &'a str,
    esc: Esc,
    interp: bool,
    /// Heredocs: strip up to this much indentation from every line.
    indent: Option<usize>,
    depth: u32,
}

/// Scans a quoted body starting at `pos`; returns its parts and the offset
/// just past the terminator.
fn scan_body(
    src: &str,
    pos: usize,
    stop: Stop,
    q: &Quote,
) -> Result<(Vec<RawPart>, usize), LexError> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut i = pos;
    let mut line_start = q.indent.is_some();
    let term_text = match stop {
        Stop::Char(c) => c.to_string(),
        Stop::Limit(_) => "\"\"\"".to_string(),
    };
    let missing = |term: &str| {
        LexError::at(
            q.open,
            q.open + 1,
            LexErrorKind::MissingTerminator {
                term: term.to_string(),
                what: q.what.to_string(),
            },
        )
    };
    loop {
        if line_start {
            line_start = false;
            if let (Some(n), Stop::Limit(end)) = (q.indent, stop) {
                let mut k = 0;
                while k < n && i < end && matches!(src.as_bytes().get(i), Some(b' ' | b'\t')) {
                    i += 1;
                    k += 1;
                }
            }
        }
        if let Stop::Limit(end) = stop {
            if i >= end {
                flush(&mut parts, &mut lit);
                return Ok((parts, end));
            }
        }
        let Some(c) = src[i..].chars().next() else {
            return Err(missing(&term_text));
        };
        if let Stop::Char(t) = stop {
            if c == t {
                flush(&mut parts, &mut lit);
                return Ok((parts, i + t.len_utf8()));
            }
        }
        match c {
            '\\' => {
                let Some(n) = src[i + 1..].chars().next() else {
                    return Err(missing(&term_text));
                };
                match q.esc {
                    Esc::Full => {
                        let (ch, end) = decode_escape(src, i + 1, i)?;
                        if let Some(ch) = ch {
                            lit.push(ch);
                        }
                        i = end;
                    }
                    Esc::Raw => {
                        if !matches!(stop, Stop::Char(t) if t == n) {
                            lit.push('\\');
                        }
                        lit.push(n);
                        i += 1 + n.len_utf8();
                    }
                }
            }
            '#' if q.interp && src[i + 1..].starts_with('{') => {
                flush(&mut parts, &mut lit);
                let code_start = i + 2;
                let code_end = interpolation_end(src, code_start, i, q.depth)?;
                parts.push(RawPart::Code(code_start, code_end));
                i = code_end + 1;
            }
            '\n' => {
                lit.push('\n');
                i += 1;
                line_start = true;
            }
            _ => {
                lit.push(c);
                i += c.len_utf8();
            }
        }
    }
}

fn flush(parts: &mut Vec<RawPart>, lit: &mut String) {
    if !lit.is_empty() {
        parts.push(RawPart::Lit(std::mem::take(lit)));
    }
}

/// Finds the `}` closing the interpolation whose code starts at `start`, by
/// lexing the code (nested strings, charlists and sigils are skipped whole).
fn interpolation_end(src: &str, start: usize, open: usize, depth: u32) -> Result<usize, LexError> {
    if depth + 1 >= MAX_INTERPOLATION_DEPTH {
        return Err(LexError::msg(
            open,
            open + 2,
            "string interpolation is nested too deeply",
        ));
    }
    let mut sub = Raw::lexer_with_extras(&src[start..], depth + 1);
    let mut level = 0u32;
    while let Some(tok) = sub.next() {
        match tok {
            // An unterminated string inside the interpolation most likely
            // means the interpolation itself is unterminated: say so.
            Err(LexError {
                kind: LexErrorKind::MissingTerminator { .. },
                ..
            }) => break,
            Err(e) => {
                let span = sub.span();
                let e = LexError {
                    span: e.span.or(Some((span.start, span.end))),
                    ..e
                };
                return Err(e.shifted(start));
            }
            Ok(Raw::LBrace | Raw::MapOpen) => level += 1,
            Ok(Raw::RBrace) => {
                if level == 0 {
                    return Ok(start + sub.span().start);
                }
                level -= 1;
            }
            Ok(_) => {}
        }
    }
    Err(LexError::at(
        open,
        open + 2,
        LexErrorKind::MissingTerminator {
            term: "}".into(),
            what: "interpolation \"#{\"".into(),
        },
    ))
}

/// Decodes the escape whose backslash is just before `pos`. Returns the
/// character (`None` for a line continuation) and the offset after the escape.
fn decode_escape(
    src: &str,
    pos: usize,
    backslash: usize,
) -> Result<(Option<char>, usize), LexError> {
    let Some(n) = src[pos..].chars().next() else {
        return Err(LexError::msg(backslash, pos, "unfinished escape sequence"));
    };
    let after = pos + n.len_utf8();
    let simple = match n {
        '\n' => return Ok((None, after)),
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'e' => '\x1b',
        'a' => '\x07',
        'b' => '\x08',
        'f' => '\x0c',
        'v' => '\x0b',
        '0' => '\0',
        's' => ' ',
        'd' => '\x7f',
        'x' | 'u' => return hex_escape(src, n, after, backslash),
        other => other,
    };
    Ok((Some(simple), after))
}

/// `\xH`, `\xHH`, `\x{H..}`, `\uHHHH`, `\u{H..}`.
fn hex_escape(
    src: &str,
    kind: char,
    pos: usize,
    backslash: usize,
) -> Result<(Option<char>, usize), LexError> {
    let bytes = src.as_bytes();
    let hex_run = |from: usize, max: usize| {
        let mut k = from;
        while k < bytes.len() && k - from < max && bytes[k].is_ascii_hexdigit() {
            k += 1;
        }
        k
    };
    let (digits, end) = if bytes.get(pos) == Some(&b'{') {
        let k = hex_run(pos + 1, 6);
        if k == pos + 1 || bytes.get(k) != Some(&b'}') {
            return Err(
                LexError::msg(backslash, k, format!("invalid \\{kind}{{...}} escape")).with_hint(
                    "write 1 to 6 hexadecimal digits between the braces, as in \\u{1F600}",
                ),
            );
        }
        (&src[pos + 1..k], k + 1)
    } else if kind == 'x' {
        let k = hex_run(pos, 2);
        if k == pos {
            return Err(LexError::msg(backslash, pos, "invalid \\x escape")
                .with_hint("write one or two hexadecimal digits, as in \\x41"));
        }
        (&src[pos..k], k)
    } else {
        let k = hex_run(pos, 4);
        if k != pos + 4 {
            return Err(LexError::msg(backslash, k, "invalid \\u escape")
                .with_hint("write four hexadecimal digits, as in \\u00E9, or \\u{...}"));
        }
        (&src[pos..k], k)
    };
    let code = u32::from_str_radix(digits, 16).unwrap_or(u32::MAX);
    match char::from_u32(code) {
        Some(c) => Ok((Some(c), end)),
        None => Err(LexError::msg(
            backslash,
            end,
            format!("invalid or reserved Unicode code point \\{kind}{{{digits}}}"),
        )),
    }
}

fn quoted(lex: &mut Lexer<Raw>, term: char, what: &str) -> Result<Vec<RawPart>, LexError> {
    let q = Quote {
        open: lex.span().start,
        what,
        esc: Esc::Full,
        interp: true,
        indent: None,
        depth: lex.extras,
    };
    let pos = lex.span().end;
    let (parts, end) = scan_body(lex.source(), pos, Stop::Char(term), &q)?;
    lex.bump(end - pos);
    Ok(parts)
}

fn quoted_atom(lex: &mut Lexer<Raw>, term: char) -> Result<String, LexError> {
    let open = lex.span().start;
    let parts = quoted(lex, term, "atom")?;
    let mut name = String::new();
    for p in parts {
        match p {
            RawPart::Lit(s) => name.push_str(&s),
            RawPart::Code(..) => {
                return Err(LexError::msg(
                    open,
                    lex.span().end,
                    "interpolation in atoms is not supported",
                )
                .with_hint("build the atom at run time with String.to_atom/1"))
            }
        }
    }
    Ok(name)
}

fn heredoc_token(lex: &mut Lexer<Raw>, quote: char) -> Result<Vec<RawPart>, LexError> {
    let q = Quote {
        open: lex.span().start,
        what: "heredoc",
        esc: Esc::Full,
        interp: true,
        indent: None,
        depth: lex.extras,
    };
    let pos = lex.span().end;
    let (parts, end) = heredoc(lex.source(), pos, quote, q)?;
    lex.bump(end - pos);
    Ok(parts)
}

/// Scans a heredoc whose opening `"""` (or `'''`) ends at `after`. The body is
/// every line up to the one starting (after indentation) with the closing
/// delimiter; that line's indentation is stripped from every body line.
fn heredoc(
    src: &str,
    after: usize,
    quote: char,
    q: Quote,
) -> Result<(Vec<RawPart>, usize), LexError> {
    let delim: String = std::iter::repeat_n(quote, 3).collect();
    let missing = || {
        LexError::at(
            q.open,
            q.open + 3,
            LexErrorKind::MissingTerminator {
                term: delim.clone(),
                what: q.what.to_string(),
            },
        )
    };
    let Some(nl) = src[after..].find('\n').map(|k| after + k) else {
        return Err(missing());
    };
    if !src[after..nl].trim().is_empty() {
        return Err(LexError::msg(
            q.open,
            nl,
            "heredoc allows only whitespace after the opening delimiter",
        )
        .with_hint("start the heredoc's text on the next line"));
    }
    let body = nl + 1;
    let mut line = body;
    let (close_line, indent) = loop {
        let end = src[line..]
            .find('\n')
            .map(|k| line + k)
            .unwrap_or(src.len());
        let text = &src[line..end];
        let trimmed = text.trim_start_matches([' ', '\t']);
        if trimmed.starts_with(&delim) {
            break (line, text.len() - trimmed.len());
        }
        if end >= src.len() {
            return Err(missing());
        }
        line = end + 1;
    };
    let q = Quote {
        indent: Some(indent),
        ..q
    };
    let (parts, _) = scan_body(src, body, Stop::Limit(close_line), &q)?;
    Ok((parts, close_line + indent + 3))
}

fn sigil(lex: &mut Lexer<Raw>) -> Result<RawSigil, LexError> {
    let open = lex.span().start;
    let letter = lex.slice().chars().nth(1).unwrap_or('s');
    let src = lex.source();
    let pos = lex.span().end;
    let upper = letter.is_ascii_uppercase();
    let esc = if !upper && matches!(letter, 's' | 'c' | 'w') {
        Esc::Full
    } else {
        Esc::Raw
    };
    let q = Quote {
        open,
        what: "sigil",
        esc,
        interp: !upper,
        indent: None,
        depth: lex.extras,
    };
    let heredoc_open = src[pos..].starts_with("\"\"\"") || src[pos..].starts_with("'''");
    let delimiter: String = if heredoc_open {
        src[pos..pos + 3].to_string()
    } else {
        src[pos..]
            .chars()
            .next()
            .map(String::from)
            .unwrap_or_default()
    };
    let (parts, end) = if heredoc_open {
        let quote = if src[pos..].starts_with('"') {
            '"'
        } else {
            '\''
        };
        heredoc(src, pos + 3, quote, q)?
    } else {
        let Some(d) = src[pos..].chars().next() else {
            return Err(LexError::msg(open, pos, "missing sigil delimiter"));
        };
        let term = match d {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            '<' => '>',
            '/' | '|' | '"' | '\'' => d,
            _ => {
                return Err(LexError::msg(
                    open,
                    pos + d.len_utf8(),
                    format!("invalid sigil delimiter: {d:?}"),
                )
                .with_hint("use one of ( [ { < / | \" '"))
            }
        };
        let what = format!("sigil ~{letter}{d}");
        let q = Quote { what: &what, ..q };
        scan_body(src, pos + d.len_utf8(), Stop::Char(term), &q)?
    };
    let modifiers: String = src[end..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    lex.bump(end + modifiers.len() - pos);
    Ok(RawSigil {
        letter,
        parts,
        modifiers,
        delimiter,
    })
}

// ---------------------------------------------------------------------------
// Stage 2: grammar tokens
// ---------------------------------------------------------------------------

/// The tokens the grammar consumes (see `grammar.lalrpop` for their names).
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// One or more newlines or `;`, where they separate expressions.
    Eoe,
    /// An identifier not followed by call arguments: `x`, `_acc`, `__MODULE__`.
    Ident(String),
    /// An identifier followed by a space and then an argument: the `f` in `f x`.
    CallIdent(String),
    /// An identifier followed immediately by `(`.
    ParenIdent(String),
    /// An identifier followed by the keyword `do`.
    DoIdent(String),
    Alias(String),
    /// `key:` or `"key":` in a keyword list.
    KwKey(String),
    Int(BigInt),
    Float(f64),
    Atom(String),
    Str(Vec<InterpPart>),
    Charlist(Vec<InterpPart>),
    /// Letter, parts, modifiers, opening delimiter.
    Sigil(char, Vec<InterpPart>, String, String),
    /// `&1`
    CaptureInt(u32),
    True,
    False,
    Nil,
    Fn,
    Do,
    End,
    Else,
    After,
    Rescue,
    Catch,
    When,
    And,
    Or,
    Not,
    In,
    NotIn,
    Plus,
    Minus,
    Star,
    Slash,
    StarStar,
    PlusPlus,
    MinusMinus,
    Concat,
    DotDot,
    SlashSlash,
    EqEq,
    NotEq,
    EqEqEq,
    NotEqEq,
    Lt,
    Gt,
    Le,
    Ge,
    AndAnd,
    OrOr,
    Bang,
    Eq,
    FatArrow,
    Arrow,
    LArrow,
    BackBack,
    ColonColon,
    Bar,
    Amp,
    Caret,
    At,
    Dot,
    /// The `.` of `fun.(args)`.
    DotCall,
    TildeEq,
    PipeRight,
    BitOpen,
    BitClose,
    LParen,
    RParen,
    /// `[` starting a list.
    LBracket,
    /// `[` right after an expression: `m[key]`.
    AccessOpen,
    RBracket,
    LBrace,
    RBrace,
    MapOpen,
    Percent,
    Comma,
}

impl Tok {
    /// How a token is named in "syntax error before: ..." messages.
    pub fn describe(&self, text: &str) -> String {
        match self {
            Tok::Eoe => {
                if text.contains(';') {
                    "';'".into()
                } else {
                    "end of line".into()
                }
            }
            Tok::Ident(n)
            | Tok::CallIdent(n)
            | Tok::ParenIdent(n)
            | Tok::DoIdent(n)
            | Tok::Alias(n) => n.clone(),
            Tok::KwKey(k) => format!("{k}:"),
            Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::Charlist(_)
            | Tok::Sigil(..)
            | Tok::Atom(_) => {
                let t: String = text.chars().take(30).collect();
                format!("{t:?}")
            }
            Tok::True => "true".into(),
            Tok::False => "false".into(),
            Tok::Nil => "nil".into(),
            Tok::Fn => "fn".into(),
            Tok::Do => "do".into(),
            Tok::End => "end".into(),
            Tok::Else => "else".into(),
            Tok::After => "after".into(),
            Tok::Rescue => "rescue".into(),
            Tok::Catch => "catch".into(),
            _ => format!("'{}'", text.trim()),
        }
    }
}

type Spanned = (usize, Tok, usize);

/// Tokenizes `src[start..end]`; offsets in the result are absolute.
///
/// `interp` parses the code of one `#{...}` (given by its absolute byte
/// range) into an expression; `depth` is the interpolation nesting level of
/// this slice.
///
/// Newlines and `;` become one [`Tok::Eoe`] where they separate expressions,
/// and are dropped where they cannot: at the start and end, after `,`, an
/// opening bracket, `do`, `fn`, `->`, `else`/`after`/`rescue`/`catch`, `key:`
/// or any operator; before a closing bracket, `end`, `else`/`after`/...,
/// or a binary-only operator (so a line may start with `|>`, but a line
/// starting with `-1` is a new expression, as in Elixir).
pub fn tokenize(
    src: &str,
    start: usize,
    end: usize,
    depth: u32,
    interp: &mut dyn FnMut(usize, usize) -> Result<Expr, Diagnostic>,
) -> Result<Vec<Spanned>, Diagnostic> {
    let text = src.get(start..end).unwrap_or("");
    let mut raw = Vec::new();
    let mut lex = Raw::lexer_with_extras(text, depth);
    while let Some(t) = lex.next() {
        let span = lex.span();
        match t {
            Ok(t) => raw.push((t, span.start + start, span.end + start)),
            Err(e) => return Err(lex_error(src, e, span.start, span.end, start)),
        }
    }
    let mut post = PostPass {
        src,
        base: start,
        raw: &raw,
        out: Vec::with_capacity(raw.len()),
        interp,
    };
    post.run()?;
    Ok(separators(post.out))
}

fn lex_error(src: &str, e: LexError, s: usize, end: usize, base: usize) -> Diagnostic {
    let (s, end) = e.span.unwrap_or((s, end));
    let span = Span::new(s + base, end + base);
    match e.kind {
        LexErrorKind::UnexpectedChar => {
            let c = src
                .get(s + base..)
                .and_then(|t| t.chars().next())
                .unwrap_or(' ');
            Diagnostic::new(
                Span::new(s + base, s + base + c.len_utf8()),
                format!("unexpected token: {c:?} (code point U+{:04X})", c as u32),
            )
        }
        LexErrorKind::MissingTerminator { term, what } => {
            let (line, _) = line_col(src, s + base);
            let hint = match unbalanced_quote_line(src, s + base) {
                Some(earlier) if term == "\"" => format!(
                    "is the string on line {earlier} missing its closing {term}? As written, \
                     it ends on this line and a new one starts here"
                ),
                _ => format!("add the closing {term}"),
            };
            Diagnostic::new(
                span,
                format!("missing terminator: {term} (for {what} starting at line {line})"),
            )
            .with_hint(hint)
        }
        LexErrorKind::Message(m, hint) => {
            let d = Diagnostic::new(span, m);
            match hint {
                Some(h) => d.with_hint(h),
                None => d,
            }
        }
    }
}

/// When the line of `at` has an odd number of `"` before `at`, the first
/// of them closes a string opened on an earlier line: the nearest earlier
/// line with an odd number of `"` (where a closing quote may be missing).
fn unbalanced_quote_line(src: &str, at: usize) -> Option<usize> {
    let quotes = |l: &str| {
        let mut n = 0;
        let mut escaped = false;
        for c in l.chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => n += 1,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        n
    };
    let before = src.get(..at)?;
    let mut lines: Vec<&str> = before.split('\n').collect();
    let current = lines.pop()?;
    if quotes(current) % 2 == 0 {
        return None;
    }
    lines
        .iter()
        .rposition(|l| quotes(l) % 2 == 1)
        .map(|i| i + 1)
}

struct PostPass<'a, 'f> {
    src: &'a str,
    /// Where the lexed slice starts in `src` (raw parts are relative to it).
    base: usize,
    raw: &'a [(Raw, usize, usize)],
    out: Vec<Spanned>,
    interp: &'f mut dyn FnMut(usize, usize) -> Result<Expr, Diagnostic>,
}

impl PostPass<'_, '_> {
    fn run(&mut self) -> Result<(), Diagnostic> {
        let mut i = 0;
        while i < self.raw.len() {
            i = self.step(i)?;
        }
        Ok(())
    }

    fn text(&self, i: usize) -> &str {
        let (_, s, e) = &self.raw[i];
        self.src.get(*s..*e).unwrap_or("")
    }

    /// Is there whitespace (or the end) right after raw token `i`?
    fn space_after(&self, i: usize) -> bool {
        match self.raw.get(i + 1) {
            Some((_, s, _)) => *s > self.raw[i].2,
            None => true,
        }
    }

    /// Is raw token `i` a `word:` or `"string":` keyword key (the colon glued
    /// to it and followed by whitespace)? Returns the key.
    fn kw_key(&self, i: usize) -> Option<String> {
        let (t, _, e) = self.raw.get(i)?;
        let (Raw::Colon, cs, ce) = self.raw.get(i + 1)? else {
            return None;
        };
        if cs != e {
            return None;
        }
        let after = self.src[*ce..].chars().next();
        if !matches!(after, None | Some(' ' | '\t' | '\n' | '\r')) {
            return None;
        }
        match t {
            Raw::Str(parts) => {
                let mut key = String::new();
                for p in parts {
                    match p {
                        RawPart::Lit(s) => key.push_str(s),
                        RawPart::Code(..) => return None,
                    }
                }
                Some(key)
            }
            _ if is_word(t) => Some(self.text(i).to_string()),
            _ => None,
        }
    }

    /// Can raw token `j` start the first argument of a call without parentheses?
    fn starts_argument(&self, j: usize) -> bool {
        let Some((t, _, e)) = self.raw.get(j) else {
            return false;
        };
        if self.kw_key(j).is_some() {
            return true;
        }
        match t {
            Raw::Ident(_)
            | Raw::Alias(_)
            | Raw::Int(_)
            | Raw::Float(_)
            | Raw::Char(_)
            | Raw::CaptureInt(_)
            | Raw::Atom(_)
            | Raw::Str(_)
            | Raw::Charlist(_)
            | Raw::Sigil(_)
            | Raw::True
            | Raw::False
            | Raw::Nil
            | Raw::Fn
            | Raw::Bang
            | Raw::Caret
            | Raw::At
            | Raw::Amp
            | Raw::LParen
            | Raw::LBracket
            | Raw::LBrace
            | Raw::MapOpen
            | Raw::Percent
            | Raw::BitOpen => true,
            Raw::Not => !matches!(self.raw.get(j + 1), Some((Raw::In, _, _))),
            // `f -1` is `f(-1)`, but `f - 1`, `f -(1)` and `f -[1]` are subtractions.
            Raw::Plus | Raw::Minus => {
                let next = self.src[*e..].chars().next();
                !matches!(
                    next,
                    None | Some(
                        ' ' | '\t'
                            | '\n'
                            | '\r'
                            | '('
                            | '['
                            | '{'
                            | '<'
                            | '%'
                            | '+'
                            | '-'
                            | '/'
                            | '>'
                    )
                )
            }
            _ => false,
        }
    }

    fn classify_ident(&self, i: usize, name: String) -> Tok {
        let adjacent = !self.space_after(i);
        match self.raw.get(i + 1) {
            Some((Raw::LParen, _, _)) if adjacent => Tok::ParenIdent(name),
            Some((Raw::Do, _, _)) if self.kw_key(i + 1).is_none() => Tok::DoIdent(name),
            Some(_) if !adjacent && self.starts_argument(i + 1) => Tok::CallIdent(name),
            _ => Tok::Ident(name),
        }
    }

    fn push(&mut self, i: usize, tok: Tok) {
        let (_, s, e) = self.raw[i];
        self.out.push((s, tok, e));
    }

    fn parts(&mut self, parts: &[RawPart]) -> Result<Vec<InterpPart>, Diagnostic> {
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            out.push(match p {
                RawPart::Lit(s) => InterpPart::Lit(s.clone()),
                RawPart::Code(a, b) => {
                    InterpPart::Expr((self.interp)(a + self.base, b + self.base)?)
                }
            });
        }
        Ok(out)
    }

    /// Processes raw token `i`; returns the index of the next one to look at.
    fn step(&mut self, i: usize) -> Result<usize, Diagnostic> {
        let (t, s, e) = &self.raw[i];
        let (s, e) = (*s, *e);
        let after_dot = i > 0 && matches!(self.raw[i - 1].0, Raw::Dot);

        if let Some(key) = self.kw_key(i).filter(|_| !after_dot) {
            let (_, _, colon_end) = self.raw[i + 1];
            self.out.push((s, Tok::KwKey(key), colon_end));
            return Ok(i + 2);
        }
        // An operator named as a function: `Kernel.+(1, 2)`, `&+/2`,
        // `&Kernel.<>/2` (Elixir's tokenizer does the same).
        if is_operator_raw(t) || is_word(t) && !matches!(t, Raw::Alias(_) | Raw::Ident(_)) {
            let before_arity = matches!(self.raw.get(i + 1), Some((Raw::Slash, _, _)))
                && matches!(self.raw.get(i + 2), Some((Raw::Int(_), _, _)));
            let after_amp = i > 0 && matches!(self.raw[i - 1].0, Raw::Amp);
            if after_dot && is_operator_raw(t) {
                let name = self.text(i).to_string();
                let tok = self.classify_ident(i, name);
                self.push(i, tok);
                return Ok(i + 1);
            }
            if after_amp && before_arity {
                let name = self.text(i).to_string();
                self.push(i, Tok::Ident(name));
                return Ok(i + 1);
            }
        }
        // A keyword right after `.` is a function name: `x.do`, `Kernel.not(x)`.
        if after_dot && is_word(t) && !matches!(t, Raw::Alias(_)) {
            let name = self.text(i).to_string();
            let tok = self.classify_ident(i, name);
            self.push(i, tok);
            return Ok(i + 1);
        }

        let tok = match t {
            Raw::Newline | Raw::Semi => Tok::Eoe,
            Raw::Comma => Tok::Comma,
            Raw::Ident(name) => self.classify_ident(i, name.clone()),
            Raw::Alias(name) => Tok::Alias(name.clone()),
            Raw::True => Tok::True,
            Raw::False => Tok::False,
            Raw::Nil => Tok::Nil,
            Raw::Fn => Tok::Fn,
            Raw::Do => Tok::Do,
            Raw::End => Tok::End,
            Raw::Else => Tok::Else,
            Raw::After => Tok::After,
            Raw::Rescue => Tok::Rescue,
            Raw::Catch => Tok::Catch,
            Raw::When => Tok::When,
            Raw::And => Tok::And,
            Raw::Or => Tok::Or,
            Raw::Not => {
                if let Some((Raw::In, _, in_end)) = self.raw.get(i + 1) {
                    self.out.push((s, Tok::NotIn, *in_end));
                    return Ok(i + 2);
                }
                Tok::Not
            }
            Raw::In => Tok::In,
            Raw::Int(_) | Raw::Float(_) => {
                // `1_` is caught by the number regexes; `0xZ` or `12ab` end up here.
                if let Some((Raw::Ident(_) | Raw::Alias(_), ns, _)) = self.raw.get(i + 1) {
                    if *ns == e {
                        let c = self.src[e..].chars().next().unwrap_or(' ');
                        let number = self.text(i).to_string();
                        return Err(Diagnostic::new(
                            Span::new(s, e + c.len_utf8()),
                            format!("invalid character {:?} after number {number}", c.to_string()),
                        )
                        .with_hint(
                            "separate the number from what follows; identifiers cannot start with a digit",
                        ));
                    }
                }
                match t {
                    Raw::Int(n) => Tok::Int(n.clone()),
                    Raw::Float(f) => Tok::Float(*f),
                    _ => Tok::Eoe,
                }
            }
            Raw::Char(c) => Tok::Int(BigInt::from(*c)),
            Raw::CaptureInt(n) => Tok::CaptureInt(*n),
            Raw::Atom(a) => Tok::Atom(a.clone()),
            Raw::Colon => {
                return Err(Diagnostic::new(Span::new(s, e), "unexpected token: \":\"")
                    .with_hint("a keyword key needs a space after its colon (`key: value`); an atom is written :name"));
            }
            Raw::Str(parts) => Tok::Str(self.parts(parts)?),
            Raw::Charlist(parts) => Tok::Charlist(self.parts(parts)?),
            Raw::Sigil(sig) => Tok::Sigil(
                sig.letter,
                self.parts(&sig.parts)?,
                sig.modifiers.clone(),
                sig.delimiter.clone(),
            ),
            Raw::Plus => Tok::Plus,
            Raw::Minus => Tok::Minus,
            Raw::Star => Tok::Star,
            Raw::Slash => Tok::Slash,
            Raw::StarStar => Tok::StarStar,
            Raw::PlusPlus => Tok::PlusPlus,
            Raw::MinusMinus => Tok::MinusMinus,
            Raw::Concat => Tok::Concat,
            Raw::DotDot => Tok::DotDot,
            Raw::SlashSlash => Tok::SlashSlash,
            Raw::EqEq => Tok::EqEq,
            Raw::NotEq => Tok::NotEq,
            Raw::EqEqEq => Tok::EqEqEq,
            Raw::NotEqEq => Tok::NotEqEq,
            Raw::Lt => Tok::Lt,
            Raw::Gt => Tok::Gt,
            Raw::Le => Tok::Le,
            Raw::Ge => Tok::Ge,
            Raw::AndAnd => Tok::AndAnd,
            Raw::OrOr => Tok::OrOr,
            Raw::Bang => Tok::Bang,
            Raw::Eq => Tok::Eq,
            Raw::FatArrow => Tok::FatArrow,
            Raw::Arrow => Tok::Arrow,
            Raw::LArrow => Tok::LArrow,
            Raw::BackBack => Tok::BackBack,
            Raw::ColonColon => Tok::ColonColon,
            Raw::Bar => Tok::Bar,
            Raw::Amp => Tok::Amp,
            Raw::Caret => Tok::Caret,
            Raw::At => Tok::At,
            Raw::Dot => {
                if matches!(self.raw.get(i + 1), Some((Raw::LParen, ns, _)) if *ns == e) {
                    Tok::DotCall
                } else {
                    Tok::Dot
                }
            }
            Raw::TildeEq => Tok::TildeEq,
            Raw::PipeRight => Tok::PipeRight,
            Raw::BitOpen => Tok::BitOpen,
            Raw::BitClose => Tok::BitClose,
            Raw::LParen => Tok::LParen,
            Raw::RParen => Tok::RParen,
            Raw::LBracket => {
                if self.is_access(i) {
                    Tok::AccessOpen
                } else {
                    Tok::LBracket
                }
            }
            Raw::RBracket => Tok::RBracket,
            Raw::LBrace => Tok::LBrace,
            Raw::RBrace => Tok::RBrace,
            Raw::MapOpen => Tok::MapOpen,
            Raw::Percent => Tok::Percent,
            Raw::UnsupportedOp => {
                let op = self.text(i).to_string();
                return Err(Diagnostic::new(
                    Span::new(s, e),
                    format!("unsupported operator: {op}"),
                )
                .with_hint("beamlet supports a subset of Elixir's operators"));
            }
        };
        self.push(i, tok);
        Ok(i + 1)
    }

    /// Is the `[` at raw index `i` an access (`x[key]`) rather than a list?
    /// After an identifier only when glued to it (`x [1]` is the call
    /// `x([1])`); after a closing bracket or a literal, always (as Elixir).
    fn is_access(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let (prev, _, pe) = &self.raw[i - 1];
        let glued = *pe == self.raw[i].1;
        let after_dot = i > 1 && matches!(self.raw[i - 2].0, Raw::Dot);
        match prev {
            Raw::Ident(_) => glued,
            _ if after_dot && is_word(prev) && !matches!(prev, Raw::Alias(_)) => glued,
            Raw::RParen
            | Raw::RBracket
            | Raw::RBrace
            | Raw::BitClose
            | Raw::Str(_)
            | Raw::Charlist(_)
            | Raw::Sigil(_)
            | Raw::Atom(_)
            | Raw::Int(_)
            | Raw::Float(_)
            | Raw::Char(_)
            | Raw::Alias(_)
            | Raw::True
            | Raw::False
            | Raw::Nil
            | Raw::CaptureInt(_) => true,
            _ => false,
        }
    }
}

/// Operators that can be named as functions (`Kernel.+`, `&+/2`).
fn is_operator_raw(t: &Raw) -> bool {
    matches!(
        t,
        Raw::Plus
            | Raw::Minus
            | Raw::Star
            | Raw::Slash
            | Raw::StarStar
            | Raw::PlusPlus
            | Raw::MinusMinus
            | Raw::Concat
            | Raw::DotDot
            | Raw::EqEq
            | Raw::NotEq
            | Raw::EqEqEq
            | Raw::NotEqEq
            | Raw::Lt
            | Raw::Gt
            | Raw::Le
            | Raw::Ge
            | Raw::AndAnd
            | Raw::OrOr
            | Raw::Bang
            | Raw::Eq
            | Raw::TildeEq
            | Raw::PipeRight
            | Raw::Caret
    )
}

/// Identifiers, aliases and keywords: what can be a `key:` or follow a `.`.
fn is_word(t: &Raw) -> bool {
    matches!(
        t,
        Raw::Ident(_)
            | Raw::Alias(_)
            | Raw::True
            | Raw::False
            | Raw::Nil
            | Raw::Fn
            | Raw::Do
            | Raw::End
            | Raw::Else
            | Raw::After
            | Raw::Rescue
            | Raw::Catch
            | Raw::When
            | Raw::And
            | Raw::Or
            | Raw::Not
            | Raw::In
    )
}

/// Operators after which a binary operator's right operand (or a unary
/// operator's operand) must follow: a newline after them is not a separator.
fn is_operator(t: &Tok) -> bool {
    matches!(
        t,
        Tok::When
            | Tok::And
            | Tok::Or
            | Tok::Not
            | Tok::In
            | Tok::NotIn
            | Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::StarStar
            | Tok::PlusPlus
            | Tok::MinusMinus
            | Tok::Concat
            | Tok::DotDot
            | Tok::SlashSlash
            | Tok::EqEq
            | Tok::NotEq
            | Tok::EqEqEq
            | Tok::NotEqEq
            | Tok::Lt
            | Tok::Gt
            | Tok::Le
            | Tok::Ge
            | Tok::AndAnd
            | Tok::OrOr
            | Tok::Bang
            | Tok::Eq
            | Tok::FatArrow
            | Tok::LArrow
            | Tok::BackBack
            | Tok::ColonColon
            | Tok::Bar
            | Tok::Amp
            | Tok::Caret
            | Tok::At
            | Tok::Dot
            | Tok::DotCall
            | Tok::TildeEq
            | Tok::PipeRight
            | Tok::Percent
    )
}

/// Binary-only operators: a line may start with one and continue the
/// previous line (`|>` pipelines). `+`, `-` and unary operators are not here.
fn is_binary_only(t: &Tok) -> bool {
    is_operator(t)
        && !matches!(
            t,
            Tok::Plus
                | Tok::Minus
                | Tok::Not
                | Tok::Bang
                | Tok::Caret
                | Tok::Amp
                | Tok::At
                | Tok::Percent
        )
}

fn drops_eol_after(t: &Tok) -> bool {
    is_operator(t)
        || matches!(
            t,
            Tok::Eoe
                | Tok::Comma
                | Tok::LParen
                | Tok::LBracket
                | Tok::AccessOpen
                | Tok::LBrace
                | Tok::MapOpen
                | Tok::BitOpen
                | Tok::Do
                | Tok::Fn
                | Tok::Arrow
                | Tok::Else
                | Tok::After
                | Tok::Rescue
                | Tok::Catch
                | Tok::KwKey(_)
        )
}

fn drops_eol_before(t: &Tok) -> bool {
    is_binary_only(t)
        || matches!(
            t,
            Tok::RParen
                | Tok::RBracket
                | Tok::RBrace
                | Tok::BitClose
                | Tok::End
                | Tok::Else
                | Tok::After
                | Tok::Rescue
                | Tok::Catch
        )
}

/// Applies the newline rules described at [`tokenize`].
fn separators(toks: Vec<Spanned>) -> Vec<Spanned> {
    let mut out: Vec<Spanned> = Vec::with_capacity(toks.len());
    for t in toks {
        if t.1 == Tok::Eoe {
            match out.last() {
                None => continue,
                Some((_, prev, _)) if drops_eol_after(prev) => continue,
                _ => out.push(t),
            }
        } else {
            if drops_eol_before(&t.1) && matches!(out.last(), Some((_, Tok::Eoe, _))) {
                out.pop();
            }
            out.push(t);
        }
    }
    if matches!(out.last(), Some((_, Tok::Eoe, _))) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        let mut no_interp = |_: usize, _: usize| -> Result<Expr, Diagnostic> {
            Ok(Expr::new(
                Span::default(),
                crate::ast::ExprKind::Block(vec![]),
            ))
        };
        tokenize(src, 0, src.len(), 0, &mut no_interp)
            .unwrap()
            .into_iter()
            .map(|t| t.1)
            .collect()
    }

    #[test]
    fn identifiers_are_classified_by_what_follows() {
        use Tok::*;
        let id = |s: &str| s.to_string();
        assert_eq!(kinds("f(x)")[0], ParenIdent(id("f")));
        assert_eq!(kinds("f (x)")[0], CallIdent(id("f")));
        assert_eq!(kinds("f x")[0], CallIdent(id("f")));
        assert_eq!(kinds("f -1")[0], CallIdent(id("f")));
        assert_eq!(kinds("f - 1")[0], Ident(id("f")));
        assert_eq!(kinds("f -(1)")[0], Ident(id("f")));
        assert_eq!(kinds("f do end")[0], DoIdent(id("f")));
        assert_eq!(
            kinds("f[1]"),
            vec![Ident(id("f")), AccessOpen, Int(1.into()), RBracket]
        );
        assert_eq!(kinds("f [1]")[..2], [CallIdent(id("f")), LBracket]);
        assert_eq!(kinds("f, do: 1")[2], KwKey(id("do")));
        assert_eq!(kinds("x not in y")[1], NotIn);
        assert_eq!(kinds("x.do")[2], Ident(id("do")));
        assert_eq!(kinds("f.(1)")[1], DotCall);
    }

    #[test]
    fn newlines_separate_only_where_an_expression_can_end() {
        use Tok::*;
        let x = || Ident("x".into());
        assert_eq!(kinds("\nx\n\n;x\n"), vec![x(), Eoe, x()]);
        assert_eq!(kinds("x +\nx"), vec![x(), Plus, x()]);
        assert_eq!(kinds("x\n|> x"), vec![x(), PipeRight, x()]);
        assert_eq!(kinds("x\n-x"), vec![x(), Eoe, Minus, x()]);
        assert_eq!(kinds("(\nx\n)"), vec![LParen, x(), RParen]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            kinds("1_000 0x1F 0b101 0o17 ?a"),
            [1000, 31, 5, 15, 97].map(|n| Tok::Int(n.into()))
        );
        assert_eq!(
            kinds("1_000.5 1.0e-3"),
            vec![Tok::Float(1000.5), Tok::Float(0.001)]
        );
        assert_eq!(
            kinds("1..2"),
            vec![Tok::Int(1.into()), Tok::DotDot, Tok::Int(2.into())]
        );
    }
}
