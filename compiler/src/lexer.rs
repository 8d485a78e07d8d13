//! The lexer: Elixir source text to the tokens the grammar consumes.
//!
//! Two stages, as in Elixir's own `elixir_tokenizer`:
//!
//! 1. [`Raw`], a logos lexer, does the regular part: identifiers, numbers,
//!    operators, punctuation. Quoted things (strings, charlists, heredocs,
//!    sigils, quoted atoms, `?c` characters) are scanned by plain-Rust
//!    callbacks ([`extract`], Elixir's `elixir_interpolation:extract/6`),
//!    which find the end of every `#{...}` by running a nested [`Raw`] lexer
//!    (so braces inside nested strings do not confuse them).
//! 2. A post-pass in plain Rust turns raw tokens into [`Tok`]s. It classifies
//!    identifiers by what follows them, as the Elixir tokenizer does:
//!    `f(` is a [`Tok::ParenIdent`], `f do` a [`Tok::DoIdent`], `f -1` a
//!    [`Tok::OpIdent`], `f x` (a space, then something that can start an
//!    argument and is not a binary operator) a [`Tok::CallIdent`], anything
//!    else a plain [`Tok::Ident`]; an operator right after `.` or right before
//!    `/` is an identifier too (`Kernel.+(1, 2)`, `&+/2`). It marks `[` right
//!    after an expression as [`Tok::AccessOpen`], joins `key:` (also
//!    `"key":`, `+:`, `%{}:`) into [`Tok::KwKey`], `not in` into one operator
//!    and `&1` into [`Tok::CaptureInt`], unescapes string text, and decides
//!    which newlines matter (see [`tokenize`]).
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
    fn with_hint(mut self, hint: &str) -> LexError {
        if let LexErrorKind::Message(_, h) = &mut self.kind {
            *h = Some(hint.to_string());
        }
        self
    }
}

/// A piece of a quoted literal as scanned: its text as written (escapes
/// not processed yet), or the byte range of the code inside `#{...}`,
/// relative to the lexed slice.
#[derive(Debug, Clone, PartialEq)]
pub enum RawPart {
    Lit(String),
    Code(usize, usize),
}

/// A string, charlist or heredoc: its parts and whether it is a heredoc.
#[derive(Debug, Clone, PartialEq)]
pub struct RawQuoted {
    parts: Vec<RawPart>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawSigil {
    letter: char,
    parts: Vec<RawPart>,
    modifiers: String,
    /// The opening delimiter as written: `(`, `/`, `"""`, ...
    delimiter: String,
    /// Heredoc sigils: the closing delimiter's indentation.
    indentation: Option<u32>,
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

    /// (The name is the token's text: no copy is made here.)
    #[regex(r"[\p{Ll}\p{Lo}_][\p{L}\p{N}_]*[?!]?")]
    Ident,
    #[regex(r"[A-Z][a-zA-Z0-9_]*")]
    Alias,

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

    #[regex(r":[\p{L}_][\p{L}\p{N}_@]*[?!]?", |l| l.slice()[1..].to_string())]
    #[regex(
        r":(~~~|===|!==|&&&|\|\|\||<<<|>>>|~>>|<<~|<~>|<\|>|\^\^\^|\+\+\+|---|==|=~|!=|<=|>=|&&|\|\||\|>|~>|<~|<-|\\\\|\+\+|--|<>|\*\*|->|\.\.|@|!|\^|&|\+|-|\*|/|<|>|=|\||\.)",
        |l| l.slice()[1..].to_string()
    )]
    #[token(":...", |_| "...".to_string())]
    #[token(":<<>>", |_| "<<>>".to_string())]
    #[token(":%{}", |_| "%{}".to_string())]
    #[token(":%", |_| "%".to_string())]
    #[token(":{}", |_| "{}".to_string())]
    #[token(":..//", |_| "..//".to_string())]
    #[token(":::", |_| "::".to_string())]
    Atom(String),
    /// `:"..."` / `:'...'` (maybe with interpolation).
    #[token(":\"", |l| quoted(l, '"', "atom"))]
    #[token(":'", |l| quoted(l, '\'', "atom"))]
    QuotedAtom(RawQuoted),
    #[token(":")]
    Colon,

    #[token("\"", |l| quoted(l, '"', "string"))]
    #[token("\"\"\"", |l| heredoc_token(l, '"'))]
    Str(RawQuoted),
    #[token("'", |l| quoted(l, '\'', "string"))]
    #[token("'''", |l| heredoc_token(l, '\''))]
    Charlist(RawQuoted),
    /// (Boxed: the largest raw token by far.)
    #[regex(r"~[a-zA-Z]", sigil)]
    Sigil(Box<RawSigil>),

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
    #[token("+++")]
    PlusPlusPlus,
    #[token("---")]
    MinusMinusMinus,
    #[token("<>")]
    Concat,
    #[token("..")]
    DotDot,
    #[token("...")]
    Ellipsis,
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
    #[token("&&&")]
    AndAndAnd,
    #[token("||")]
    OrOr,
    #[token("|||")]
    OrOrOr,
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
    #[token("^^^")]
    CaretCaretCaret,
    #[token("~~~")]
    TildeTildeTilde,
    #[token("@")]
    At,
    #[token(".")]
    Dot,
    #[token("=~")]
    TildeEq,
    #[token("|>")]
    PipeRight,
    /// `<<<` `>>>` `<<~` `~>>` `<~` `~>` `<~>` `<|>`: the arrow operators
    /// other than `|>` (no meaning of their own).
    #[token("<<<", arrow_op)]
    #[token(">>>", arrow_op)]
    #[token("<<~", arrow_op)]
    #[token("~>>", arrow_op)]
    #[token("<~", arrow_op)]
    #[token("~>", arrow_op)]
    #[token("<~>", arrow_op)]
    #[token("<|>", arrow_op)]
    ArrowOp(&'static str),
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
}

fn arrow_op(lex: &mut Lexer<Raw>) -> &'static str {
    match lex.slice() {
        "<<<" => "<<<",
        ">>>" => ">>>",
        "<<~" => "<<~",
        "~>>" => "~>>",
        "<~" => "<~",
        "~>" => "~>",
        "<~>" => "<~>",
        _ => "<|>",
    }
}

fn int(text: &str, radix: u32) -> Result<BigInt, LexError> {
    // Most integers are a few decimal digits: no copy, no big-number parse.
    if radix == 10 && text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = text.parse::<u64>() {
            return Ok(BigInt::from(n));
        }
    }
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

/// `?a`, `?\n`: the code point of one character. As in Elixir, only the
/// one character after a backslash counts (`?\s` is 32, `?\x` is `?x`).
fn char_literal(lex: &mut Lexer<Raw>) -> Result<u32, LexError> {
    let start = lex.span().start;
    let src = lex.source();
    let pos = lex.span().end;
    match src[pos..].chars().next() {
        None | Some(' ' | '\t' | '\n' | '\r') => {
            Err(LexError::msg(start, pos, "unexpected token: ?")
                .with_hint("a character literal needs a character right after the `?`, as in ?a"))
        }
        Some('\\') => match src[pos + 1..].chars().next() {
            None => Err(LexError::msg(start, pos + 1, "unexpected token: ?")),
            Some(c) => {
                lex.bump(1 + c.len_utf8());
                Ok(unescape_map(c) as u32)
            }
        },
        Some(c) => {
            lex.bump(c.len_utf8());
            Ok(c as u32)
        }
    }
}

/// `elixir_interpolation:unescape_map/1`: the character `\c` stands for.
fn unescape_map(c: char) -> char {
    match c {
        '0' => '\0',
        'a' => '\x07',
        'b' => '\x08',
        'd' => '\x7f',
        'e' => '\x1b',
        'f' => '\x0c',
        'n' => '\n',
        'r' => '\r',
        's' => ' ',
        't' => '\t',
        'v' => '\x0b',
        other => other,
    }
}

/// Processes the escapes of a string's text (Elixir's
/// `elixir_interpolation:unescape_chars/2`): `\n` and the other letters of
/// [`unescape_map`], `\xHH` (a byte), `\uHHHH` and `\u{H...}` (a code
/// point), a backslash before a newline (nothing), and `\c` for any other
/// `c` (the `c` itself). `at` is where the text starts, for errors.
pub fn unescape(text: &str, at: usize) -> Result<Vec<u8>, LexError> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let hex_run = |from: usize, max: usize| {
        let mut k = from;
        while k < b.len() && k - from < max && b[k].is_ascii_hexdigit() {
            k += 1;
        }
        k
    };
    let push_code = |out: &mut Vec<u8>, digits: &str, from: usize, to: usize| {
        let code = u32::from_str_radix(digits, 16).unwrap_or(u32::MAX);
        match char::from_u32(code) {
            Some(c) => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                Ok(())
            }
            None => Err(LexError::msg(
                at + from,
                at + to,
                format!("invalid or reserved Unicode code point \\u{{{digits}}}"),
            )),
        }
    };
    while i < b.len() {
        if b[i] != b'\\' || i + 1 >= b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let start = i;
        match b[i + 1] {
            b'x' => {
                let k = hex_run(i + 2, 2);
                if k == i + 4 {
                    out.push(u8::from_str_radix(&text[i + 2..k], 16).unwrap_or(0));
                    i = k;
                } else if k == i + 3 {
                    push_code(&mut out, &text[i + 2..k], start, k)?;
                    i = k;
                } else if b.get(i + 2) == Some(&b'{') {
                    let k = hex_run(i + 3, 6);
                    if k == i + 3 || b.get(k) != Some(&b'}') {
                        return Err(invalid_hex(at + start, at + k));
                    }
                    push_code(&mut out, &text[i + 3..k], start, k + 1)?;
                    i = k + 1;
                } else {
                    return Err(invalid_hex(at + start, at + i + 2));
                }
            }
            b'u' => {
                let k = hex_run(i + 2, 4);
                if k == i + 6 {
                    push_code(&mut out, &text[i + 2..k], start, k)?;
                    i = k;
                } else if b.get(i + 2) == Some(&b'{') {
                    let k = hex_run(i + 3, 6);
                    if k == i + 3 || b.get(k) != Some(&b'}') {
                        return Err(invalid_unicode(at + start, at + k));
                    }
                    push_code(&mut out, &text[i + 3..k], start, k + 1)?;
                    i = k + 1;
                } else {
                    return Err(invalid_unicode(at + start, at + k));
                }
            }
            b'\n' => i += 2,
            b'\r' if b.get(i + 2) == Some(&b'\n') => i += 3,
            c if c.is_ascii() => {
                out.push(unescape_map(c as char) as u8);
                i += 2;
            }
            _ => {
                // A backslash before a multi-byte character: the character.
                i += 1;
            }
        }
    }
    Ok(out)
}

fn invalid_hex(start: usize, end: usize) -> LexError {
    LexError::msg(
        start,
        end.max(start + 2),
        "invalid hex escape character, expected \\xHH where H is a hexadecimal digit",
    )
    .with_hint("write two hexadecimal digits, as in \\x41")
}

fn invalid_unicode(start: usize, end: usize) -> LexError {
    LexError::msg(
        start,
        end.max(start + 2),
        "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is a hexadecimal digit",
    )
    .with_hint("write four hexadecimal digits, as in \\u00E9, or \\u{...}")
}

/// What is being scanned, for errors and nesting.
struct Quote<'a> {
    open: usize,
    what: &'a str,
    interp: bool,
    depth: u32,
}

/// Scans a quoted body that starts at `pos` and ends at `term` (Elixir's
/// `elixir_interpolation:extract/6`). The text parts are as written,
/// except that a backslash before the terminator is dropped; with
/// `interp`, each `#{...}` becomes a code range. A heredoc (a three-quote
/// `term`) ends at the first line that starts, after spaces, with `term`:
/// its text starts with the newline that ends the opening line. Returns
/// the parts, the offset after the terminator and, for a heredoc, the
/// indentation of the closing line.
fn extract(
    src: &str,
    pos: usize,
    term: &str,
    q: &Quote,
) -> Result<(Vec<RawPart>, usize, usize), LexError> {
    let heredoc = term.len() == 3;
    let t0 = term.chars().next().unwrap_or('"');
    let bytes = src.as_bytes();
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut i = pos;
    let missing = || {
        LexError::at(
            q.open,
            q.open + if heredoc { 3 } else { 1 },
            LexErrorKind::MissingTerminator {
                term: term.to_string(),
                what: q.what.to_string(),
            },
        )
    };
    // Heredocs: at the start of each line, is it the closing one?
    let closing = |i: usize| {
        let mut k = i;
        while matches!(bytes.get(k), Some(b' ' | b'\t')) {
            k += 1;
        }
        src[k..].starts_with(term).then_some(k)
    };
    if heredoc {
        lit.push('\n');
        if let Some(k) = closing(i) {
            flush(&mut parts, &mut lit);
            return Ok((parts, k + 3, k - i));
        }
    }
    loop {
        let Some(c) = src[i..].chars().next() else {
            return Err(missing());
        };
        match c {
            '\\' => {
                let rest = &src[i + 1..];
                let n = rest.chars().next().ok_or_else(missing)?;
                if n == '\n' || rest.starts_with("\r\n") {
                    let nl = if n == '\n' { 1 } else { 2 };
                    lit.push('\\');
                    lit.push_str(&rest[..nl]);
                    i += 1 + nl;
                    if heredoc {
                        if let Some(k) = closing(i) {
                            flush(&mut parts, &mut lit);
                            return Ok((parts, k + 3, k - i));
                        }
                    }
                } else if !heredoc && n == t0 {
                    lit.push(n);
                    i += 1 + n.len_utf8();
                } else if heredoc && rest.starts_with(term) {
                    lit.push_str(term);
                    i += 4;
                } else if q.interp && rest.starts_with("#{") {
                    lit.push_str("\\#{");
                    i += 3;
                } else {
                    lit.push('\\');
                    lit.push(n);
                    i += 1 + n.len_utf8();
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
                if heredoc {
                    if let Some(k) = closing(i) {
                        flush(&mut parts, &mut lit);
                        return Ok((parts, k + 3, k - i));
                    }
                }
            }
            _ if !heredoc && c == t0 => {
                flush(&mut parts, &mut lit);
                if parts.is_empty() {
                    parts.push(RawPart::Lit(String::new()));
                }
                return Ok((parts, i + c.len_utf8(), 0));
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

/// A heredoc's parts without the indentation of its closing line (Elixir's
/// `extract_heredoc_indent`): each line of the text parts loses up to
/// `indent` leading spaces or tabs, and the newline that starts the first
/// part goes.
fn dedent(parts: Vec<RawPart>, indent: usize) -> Vec<RawPart> {
    let mut out = Vec::with_capacity(parts.len());
    for (n, p) in parts.into_iter().enumerate() {
        match p {
            RawPart::Lit(text) => {
                let mut s = String::with_capacity(text.len());
                for (k, line) in text.split('\n').enumerate() {
                    if k > 0 {
                        s.push('\n');
                        let mut cut = 0;
                        for b in line.bytes().take(indent) {
                            if b == b' ' || b == b'\t' {
                                cut += 1;
                            } else {
                                break;
                            }
                        }
                        s.push_str(&line[cut..]);
                    } else {
                        s.push_str(line);
                    }
                }
                if n == 0 {
                    s.remove(0);
                }
                out.push(RawPart::Lit(s));
            }
            code => out.push(code),
        }
    }
    out
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

fn quoted(lex: &mut Lexer<Raw>, term: char, what: &str) -> Result<RawQuoted, LexError> {
    let q = Quote {
        open: lex.span().start,
        what,
        interp: true,
        depth: lex.extras,
    };
    let pos = lex.span().end;
    let (parts, end, _) = extract(lex.source(), pos, &term.to_string(), &q)?;
    lex.bump(end - pos);
    Ok(RawQuoted { parts })
}

fn heredoc_token(lex: &mut Lexer<Raw>, quote: char) -> Result<RawQuoted, LexError> {
    let q = Quote {
        open: lex.span().start,
        what: "heredoc",
        interp: true,
        depth: lex.extras,
    };
    let pos = lex.span().end;
    let (parts, end, _) = heredoc(lex.source(), pos, quote, &q)?;
    lex.bump(end - pos);
    Ok(RawQuoted { parts })
}

/// Scans a heredoc whose opening `"""` (or `'''`) ends at `after`: only
/// spaces may follow it on its line. Returns the dedented parts, the end
/// and the indentation.
fn heredoc(
    src: &str,
    after: usize,
    quote: char,
    q: &Quote,
) -> Result<(Vec<RawPart>, usize, usize), LexError> {
    let delim: String = std::iter::repeat_n(quote, 3).collect();
    let Some(nl) = src[after..].find('\n').map(|k| after + k) else {
        return Err(LexError::at(
            q.open,
            q.open + 3,
            LexErrorKind::MissingTerminator {
                term: delim,
                what: q.what.to_string(),
            },
        ));
    };
    if !src[after..nl]
        .trim_end_matches('\r')
        .trim_matches([' ', '\t'])
        .is_empty()
    {
        return Err(LexError::msg(
            q.open,
            nl,
            "heredoc allows only whitespace after the opening delimiter",
        )
        .with_hint("start the heredoc's text on the next line"));
    }
    let (parts, end, indent) = extract(src, nl + 1, &delim, q)?;
    Ok((dedent(parts, indent), end, indent))
}

fn sigil(lex: &mut Lexer<Raw>) -> Result<Box<RawSigil>, LexError> {
    let open = lex.span().start;
    let letter = lex.slice().chars().nth(1).unwrap_or('s');
    let src = lex.source();
    let pos = lex.span().end;
    let q = Quote {
        open,
        what: "sigil",
        interp: letter.is_ascii_lowercase(),
        depth: lex.extras,
    };
    let heredoc_open = src[pos..].starts_with("\"\"\"") || src[pos..].starts_with("'''");
    let (parts, end, delimiter, indentation) = if heredoc_open {
        let quote = if src[pos..].starts_with('"') {
            '"'
        } else {
            '\''
        };
        let (parts, end, indent) = heredoc(src, pos + 3, quote, &q)?;
        (
            parts,
            end,
            src[pos..pos + 3].to_string(),
            Some(indent as u32),
        )
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
        let (parts, end, _) = extract(src, pos + d.len_utf8(), &term.to_string(), &q)?;
        (parts, end, d.to_string(), None)
    };
    let modifiers: String = src[end..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    lex.bump(end + modifiers.len() - pos);
    Ok(Box::new(RawSigil {
        letter,
        parts,
        modifiers,
        delimiter,
        indentation,
    }))
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
    /// An identifier followed by an argument: the `f` in `f x`.
    CallIdent(String),
    /// An identifier followed immediately by `(`.
    ParenIdent(String),
    /// An identifier followed by the keyword `do`.
    DoIdent(String),
    /// An identifier followed by a space and a sign glued to what follows:
    /// the `f` in `f -1` (a call of `f` with `-1`).
    OpIdent(String),
    Alias(String),
    /// `key:`, `"key":`, `+:` in a keyword list.
    KwKey(String),
    /// `"key#{x}":`: a key built at run time.
    KwKeyInterp(Vec<InterpPart>),
    Int(BigInt),
    Float(f64),
    Atom(String),
    /// `:"a#{b}"`: an atom built at run time.
    AtomInterp(Vec<InterpPart>),
    Str(Vec<InterpPart>),
    /// A string without interpolation whose bytes are not UTF-8 (`"\xFF"`).
    Bin(Vec<u8>),
    Charlist(Vec<InterpPart>),
    /// Letter, parts, modifiers, opening delimiter, heredoc indentation
    /// (boxed: the largest token by far).
    Sigil(Box<SigilTok>),
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
    /// `+++` `---`
    ConcatOp3(&'static str),
    Concat,
    DotDot,
    /// `..` where an operand is expected: the full range (`x = ..`).
    DotDotNullary,
    /// `(;)`: an empty block with a line (unlike `()`).
    SemiParens,
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
    AndAndAnd,
    OrOr,
    OrOrOr,
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
    CaretCaretCaret,
    TildeTildeTilde,
    At,
    Dot,
    /// The `.` of `fun.(args)`.
    DotCall,
    TildeEq,
    PipeRight,
    /// `<<<` `>>>` `<<~` `~>>` `<~` `~>` `<~>` `<|>`
    ArrowOp(&'static str),
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
            | Tok::OpIdent(n)
            | Tok::Alias(n) => n.clone(),
            Tok::KwKey(k) => format!("{k}:"),
            Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::Bin(_)
            | Tok::Charlist(_)
            | Tok::Sigil(..)
            | Tok::Atom(_)
            | Tok::AtomInterp(_)
            | Tok::KwKeyInterp(_) => {
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

/// A sigil's letter, parts, modifiers, opening delimiter and (heredocs)
/// indentation.
pub type SigilTok = (char, Vec<InterpPart>, String, String, Option<u32>);

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
/// starting with `-1` is a new expression, as in Elixir); newlines (not `;`)
/// before `do`.
pub fn tokenize(
    src: &str,
    start: usize,
    end: usize,
    depth: u32,
    interp: &mut dyn FnMut(usize, usize) -> Result<Expr, Diagnostic>,
) -> Result<Vec<Spanned>, Diagnostic> {
    let text = src.get(start..end).unwrap_or("");
    // About one token for every four bytes of code: sized once, not grown.
    let mut raw = Vec::with_capacity(text.len() / 4 + 8);
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
    Ok(separators(src, post.out))
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
            // A backslash that ends the input escapes nothing.
            if c == '\\' && s + base + 1 == src.len() {
                return Diagnostic::new(
                    Span::new(s + base, s + base + 1),
                    "invalid escape \\ at end of file",
                );
            }
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

/// Keyword keys made of several raw tokens (`%{}: 1`), as Elixir's
/// tokenizer lists them.
const SPECIAL_KEYS: &[&str] = &["..//", "<<>>", "%{}", "...", "{}", "%", "&", "."];

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

    /// Does a `/` follow raw token `i` (after spaces)? An operator there is
    /// the name of its function: `&+/2`, `&and/2`.
    fn slash_follows(&self, i: usize) -> bool {
        let rest = self.src[self.raw[i].2..].trim_start_matches([' ', '\t']);
        rest.starts_with('/')
    }

    /// Is raw token `i` glued to a `:` that a space follows (a keyword key)?
    /// Returns the index of the colon.
    fn colon_key(&self, i: usize) -> Option<usize> {
        let (_, _, e) = self.raw.get(i)?;
        let (Raw::Colon, cs, ce) = self.raw.get(i + 1)? else {
            return None;
        };
        if cs != e {
            return None;
        }
        let after = self.src[*ce..].chars().next();
        matches!(after, None | Some(' ' | '\t' | '\n' | '\r')).then_some(i + 1)
    }

    /// Is raw token `i` the start of a keyword key? Returns the token and
    /// the index of its colon.
    fn kw_key(&mut self, i: usize) -> Result<Option<(Tok, usize)>, Diagnostic> {
        let t = &self.raw[i].0;
        if let Some((special, colon)) = self.special_key(i) {
            return Ok(Some((Tok::KwKey(special.to_string()), colon)));
        }
        let Some(colon) = self.colon_key(i) else {
            return Ok(None);
        };
        let key = match t {
            Raw::Str(q) | Raw::Charlist(q) => {
                let parts = self.parts(&q.parts, true)?;
                match literal_text(&parts) {
                    Some(text) => Tok::KwKey(text),
                    None => Tok::KwKeyInterp(parts),
                }
            }
            _ if is_word(t) || is_operator_raw(t) => Tok::KwKey(self.text(i).to_string()),
            _ => return Ok(None),
        };
        Ok(Some((key, colon)))
    }

    /// A key made of several raw tokens at raw token `i` (`%{}:`): the
    /// key and the index of its colon.
    fn special_key(&self, i: usize) -> Option<(&'static str, usize)> {
        let s = self.raw.get(i)?.1;
        let bytes = self.src.as_bytes();
        // Every special key starts with one of these bytes, and is at most
        // four bytes long before its colon.
        if !matches!(bytes.get(s), Some(b'.' | b'<' | b'%' | b'{' | b'&'))
            || !bytes[s + 1..(s + 5).min(bytes.len())].contains(&b':')
        {
            return None;
        }
        for special in SPECIAL_KEYS {
            if self.src[s..].starts_with(special) && self.src[s + special.len()..].starts_with(':')
            {
                let colon_end = s + special.len() + 1;
                let after = self.src[colon_end..].chars().next();
                if !matches!(after, None | Some(' ' | '\t' | '\n' | '\r')) {
                    continue;
                }
                let mut k = i;
                while k < self.raw.len() && self.raw[k].2 < colon_end {
                    k += 1;
                }
                if k < self.raw.len() && matches!(self.raw[k].0, Raw::Colon) {
                    return Some((special, k));
                }
            }
        }
        None
    }

    /// Would [`PostPass::kw_key`] find a key at raw token `i` (or fail on
    /// one)? Its test without building the key.
    fn is_kw_key(&self, i: usize) -> bool {
        let Some((t, _, _)) = self.raw.get(i) else {
            return false;
        };
        self.special_key(i).is_some()
            || (self.colon_key(i).is_some()
                && (matches!(t, Raw::Str(_) | Raw::Charlist(_))
                    || is_word(t)
                    || is_operator_raw(t)))
    }

    /// Can raw token `j` start the first argument of a call without parentheses?
    fn starts_argument(&mut self, j: usize) -> bool {
        let Some((t, _, _)) = self.raw.get(j) else {
            return false;
        };
        if self.is_kw_key(j) {
            return true;
        }
        match t {
            Raw::Ident
            | Raw::Alias
            | Raw::Int(_)
            | Raw::Float(_)
            | Raw::Char(_)
            | Raw::Atom(_)
            | Raw::QuotedAtom(_)
            | Raw::Str(_)
            | Raw::Charlist(_)
            | Raw::Sigil(_)
            | Raw::True
            | Raw::False
            | Raw::Nil
            | Raw::Fn
            | Raw::Bang
            | Raw::Caret
            | Raw::TildeTildeTilde
            | Raw::At
            | Raw::Amp
            | Raw::Ellipsis
            | Raw::LParen
            | Raw::LBrace
            | Raw::MapOpen
            | Raw::Percent
            | Raw::BitOpen => !(is_operator_raw(t) && self.slash_follows(j)),
            // `f [1]` is `f([1])`, but `f[1]` an access.
            Raw::LBracket => j > 0 && self.raw[j - 1].2 < self.raw[j].1,
            Raw::Not => {
                !matches!(self.raw.get(j + 1), Some((Raw::In, _, _))) && !self.slash_follows(j)
            }
            _ => false,
        }
    }

    /// `f -1`: after the identifier at `i`, a space, then a sign glued to
    /// something that is not a space, a bracket or another operator.
    fn op_identifier(&self, i: usize) -> bool {
        let Some((Raw::Plus | Raw::Minus, s, e)) = self.raw.get(i + 1) else {
            return false;
        };
        if *s == self.raw[i].2 {
            return false;
        }
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
                    | ':'
            )
        )
    }

    fn classify_ident(&mut self, i: usize, name: String) -> Tok {
        let adjacent = !self.space_after(i);
        match self.raw.get(i + 1) {
            Some((Raw::LParen, _, _)) if adjacent => Tok::ParenIdent(name),
            Some((Raw::LBracket, _, _)) if adjacent => Tok::Ident(name),
            Some((Raw::Do, _, _)) if self.colon_key(i + 1).is_none() => Tok::DoIdent(name),
            Some(_) if self.op_identifier(i) => Tok::OpIdent(name),
            Some(_) if self.starts_argument(i + 1) => Tok::CallIdent(name),
            _ => Tok::Ident(name),
        }
    }

    fn push(&mut self, i: usize, tok: Tok) {
        let (_, s, e) = self.raw[i];
        self.out.push((s, tok, e));
    }

    /// The parts of a quoted literal: text unescaped (`unescape`: strings,
    /// charlists, atoms) or as written (sigils), and each `#{...}` parsed.
    fn parts(&mut self, parts: &[RawPart], unescaped: bool) -> Result<Vec<InterpPart>, Diagnostic> {
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            out.push(match p {
                RawPart::Lit(s) => {
                    if unescaped {
                        let bytes = unescape(s, 0).map_err(|e| {
                            let at = self.lit_offset(s);
                            lex_error(self.src, e, 0, 0, at)
                        })?;
                        InterpPart::Lit(match String::from_utf8(bytes) {
                            Ok(s) => s,
                            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                        })
                    } else {
                        InterpPart::Lit(s.clone())
                    }
                }
                RawPart::Code(a, b) => {
                    InterpPart::Expr((self.interp)(a + self.base, b + self.base)?)
                }
            });
        }
        Ok(out)
    }

    /// Roughly where a literal's text sits in the source, for escape errors:
    /// the first occurrence of its text.
    fn lit_offset(&self, text: &str) -> usize {
        let head: String = text.chars().take(40).collect();
        self.src.find(head.as_str()).unwrap_or(0)
    }

    /// A string token: one literal text that is not UTF-8 is a `Bin`.
    fn string(&mut self, q: &RawQuoted) -> Result<Tok, Diagnostic> {
        if let [RawPart::Lit(s)] = q.parts.as_slice() {
            let bytes = unescape(s, 0).map_err(|e| {
                let at = self.lit_offset(s);
                lex_error(self.src, e, 0, 0, at)
            })?;
            return Ok(match String::from_utf8(bytes) {
                Ok(s) => Tok::Str(vec![InterpPart::Lit(s)]),
                Err(e) => Tok::Bin(e.into_bytes()),
            });
        }
        Ok(Tok::Str(self.parts(&q.parts, true)?))
    }

    /// Processes raw token `i`; returns the index of the next one to look at.
    fn step(&mut self, i: usize) -> Result<usize, Diagnostic> {
        let (t, s, e) = &self.raw[i];
        let (s, e) = (*s, *e);
        let after_dot = i > 0 && matches!(self.raw[i - 1].0, Raw::Dot);

        if !after_dot {
            if let Some((key, colon)) = self.kw_key(i)? {
                let (_, _, colon_end) = self.raw[colon];
                self.out.push((s, key, colon_end));
                return Ok(colon + 1);
            }
        }
        // After a dot, a keyword, an operator or a quoted name is a
        // function's name: `x.do`, `Kernel.+(1, 2)`, `Mod."a b"()`.
        if after_dot {
            let name = match t {
                Raw::Alias | Raw::LBrace | Raw::LParen | Raw::Newline => None,
                Raw::Str(q) | Raw::Charlist(q) => match q.parts.as_slice() {
                    [RawPart::Lit(text)] => Some(
                        String::from_utf8_lossy(&unescape(text, 0).unwrap_or_default())
                            .into_owned(),
                    ),
                    _ => {
                        return Err(Diagnostic::new(
                            Span::new(s, e),
                            "interpolation is not allowed when calling function/macro",
                        )
                        .with_hint("call a function chosen at run time with apply/3"))
                    }
                },
                _ if is_word(t) || is_dot_operator(t) => Some(self.text(i).to_string()),
                _ => None,
            };
            if let Some(name) = name {
                let tok = self.classify_ident(i, name);
                self.push(i, tok);
                return Ok(i + 1);
            }
        }
        // `..//` names the stepped range's function (`&..///3`).
        if let (Raw::DotDot, Some((Raw::SlashSlash, ss, se))) = (t, self.raw.get(i + 1)) {
            if *ss == e && self.slash_follows(i + 1) {
                self.out.push((s, Tok::Ident("..//".into()), *se));
                return Ok(i + 2);
            }
        }
        // An operator before `/` names its function: `&+/2`, `&and/2`.
        if (is_operator_raw(t) || matches!(t, Raw::Not | Raw::And | Raw::Or | Raw::When | Raw::In))
            && self.slash_follows(i)
        {
            let name = self.text(i).to_string();
            self.push(i, Tok::Ident(name));
            return Ok(i + 1);
        }

        let tok = match t {
            Raw::Newline | Raw::Semi => Tok::Eoe,
            Raw::Comma => Tok::Comma,
            Raw::Ident => self.classify_ident(i, self.text(i).to_string()),
            Raw::Ellipsis => self.classify_ident(i, "...".into()),
            Raw::Alias => Tok::Alias(self.text(i).to_string()),
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
                if let Some((Raw::Ident | Raw::Alias, ns, _)) = self.raw.get(i + 1) {
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
            Raw::Atom(a) => Tok::Atom(a.clone()),
            Raw::QuotedAtom(q) => {
                let parts = self.parts(&q.parts, true)?;
                match literal_text(&parts) {
                    Some(text) => Tok::Atom(text),
                    None => Tok::AtomInterp(parts),
                }
            }
            Raw::Colon => {
                return Err(Diagnostic::new(Span::new(s, e), "unexpected token: \":\"")
                    .with_hint("a keyword key needs a space after its colon (`key: value`); an atom is written :name"));
            }
            Raw::Str(q) => self.string(q)?,
            Raw::Charlist(q) => Tok::Charlist(self.parts(&q.parts, true)?),
            Raw::Sigil(sig) => Tok::Sigil(Box::new((
                sig.letter,
                self.parts(&sig.parts, false)?,
                sig.modifiers.clone(),
                sig.delimiter.clone(),
                sig.indentation,
            ))),
            Raw::Plus => Tok::Plus,
            Raw::Minus => Tok::Minus,
            Raw::Star => Tok::Star,
            Raw::Slash => Tok::Slash,
            Raw::StarStar => Tok::StarStar,
            Raw::PlusPlus => Tok::PlusPlus,
            Raw::MinusMinus => Tok::MinusMinus,
            Raw::PlusPlusPlus => Tok::ConcatOp3("+++"),
            Raw::MinusMinusMinus => Tok::ConcatOp3("---"),
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
            Raw::AndAndAnd => Tok::AndAndAnd,
            Raw::OrOr => Tok::OrOr,
            Raw::OrOrOr => Tok::OrOrOr,
            Raw::Bang => Tok::Bang,
            Raw::Eq => Tok::Eq,
            Raw::FatArrow => Tok::FatArrow,
            Raw::Arrow => Tok::Arrow,
            Raw::LArrow => Tok::LArrow,
            Raw::BackBack => Tok::BackBack,
            Raw::ColonColon => Tok::ColonColon,
            Raw::Bar => Tok::Bar,
            Raw::Amp => {
                // `&/2`-style names (not `&//2`, the capture of `//2`).
                if self.slash_follows(i) {
                    let rest = self.src[e..].trim_start_matches([' ', '\t']);
                    if !rest[1..].trim_start_matches([' ', '\t']).starts_with('/') {
                        self.push(i, Tok::Ident("&".into()));
                        return Ok(i + 1);
                    }
                }
                if let Some((Raw::Int(n), _, ie)) = self.raw.get(i + 1) {
                    let n = u32::try_from(n).map_err(|_| {
                        Diagnostic::new(Span::new(s, *ie), "capture argument is too large")
                    })?;
                    self.out.push((s, Tok::CaptureInt(n), *ie));
                    return Ok(i + 2);
                }
                Tok::Amp
            }
            Raw::Caret => Tok::Caret,
            Raw::CaretCaretCaret => Tok::CaretCaretCaret,
            Raw::TildeTildeTilde => Tok::TildeTildeTilde,
            Raw::At => Tok::At,
            Raw::Dot => {
                let mut k = i + 1;
                while matches!(self.raw.get(k), Some((Raw::Newline, _, _))) {
                    k += 1;
                }
                if matches!(self.raw.get(k), Some((Raw::LParen, _, _))) {
                    Tok::DotCall
                } else {
                    Tok::Dot
                }
            }
            Raw::TildeEq => Tok::TildeEq,
            Raw::PipeRight => Tok::PipeRight,
            Raw::ArrowOp(op) => Tok::ArrowOp(op),
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
            Raw::Ident | Raw::Ellipsis => glued,
            _ if after_dot && (is_word(prev) || is_dot_operator(prev)) => glued,
            Raw::RParen
            | Raw::RBracket
            | Raw::RBrace
            | Raw::BitClose
            | Raw::Str(_)
            | Raw::Charlist(_)
            | Raw::Sigil(_)
            | Raw::Atom(_)
            | Raw::QuotedAtom(_)
            | Raw::Int(_)
            | Raw::Float(_)
            | Raw::Char(_)
            | Raw::Alias
            | Raw::True
            | Raw::False
            | Raw::Nil => true,
            _ => false,
        }
    }
}

/// The text of parts that are one literal (or none): a key or atom known
/// when parsing.
fn literal_text(parts: &[InterpPart]) -> Option<String> {
    let mut text = String::new();
    for p in parts {
        match p {
            InterpPart::Lit(s) => text.push_str(s),
            InterpPart::Expr(_) => return None,
        }
    }
    Some(text)
}

/// Operators that can be named as functions after a dot (`Kernel.+`,
/// `Kernel.&&`): all but `//`, `=>`, `->`, `...` and `..//`.
fn is_dot_operator(t: &Raw) -> bool {
    matches!(t, Raw::Amp)
        || is_operator_raw(t) && !matches!(t, Raw::SlashSlash | Raw::FatArrow | Raw::Arrow)
}

/// Operator tokens (what `key:` may be made of, and what names a function
/// before `/`).
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
            | Raw::PlusPlusPlus
            | Raw::MinusMinusMinus
            | Raw::Concat
            | Raw::DotDot
            | Raw::SlashSlash
            | Raw::EqEq
            | Raw::NotEq
            | Raw::EqEqEq
            | Raw::NotEqEq
            | Raw::Lt
            | Raw::Gt
            | Raw::Le
            | Raw::Ge
            | Raw::AndAnd
            | Raw::AndAndAnd
            | Raw::OrOr
            | Raw::OrOrOr
            | Raw::Bang
            | Raw::Eq
            | Raw::FatArrow
            | Raw::Arrow
            | Raw::LArrow
            | Raw::BackBack
            | Raw::ColonColon
            | Raw::Bar
            | Raw::Caret
            | Raw::CaretCaretCaret
            | Raw::TildeTildeTilde
            | Raw::At
            | Raw::TildeEq
            | Raw::PipeRight
            | Raw::ArrowOp(_)
    )
}

/// Identifiers, aliases and keywords: what can be a `key:` or follow a `.`.
fn is_word(t: &Raw) -> bool {
    matches!(
        t,
        Raw::Ident
            | Raw::Alias
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

/// Operators after which an operand must follow: a newline after them is
/// not a separator.
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
            | Tok::ConcatOp3(_)
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
            | Tok::AndAndAnd
            | Tok::OrOr
            | Tok::OrOrOr
            | Tok::Bang
            | Tok::Eq
            | Tok::FatArrow
            | Tok::LArrow
            | Tok::BackBack
            | Tok::ColonColon
            | Tok::Bar
            | Tok::Amp
            | Tok::Caret
            | Tok::CaretCaretCaret
            | Tok::TildeTildeTilde
            | Tok::At
            | Tok::Dot
            | Tok::DotCall
            | Tok::TildeEq
            | Tok::PipeRight
            | Tok::ArrowOp(_)
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
                | Tok::TildeTildeTilde
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
                | Tok::KwKeyInterp(_)
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
                | Tok::Arrow
        )
}

/// Applies the newline rules described at [`tokenize`]; also tells the
/// nullary `..` from the operator (by whether an operand is expected
/// where it stands) and finds `(;)`.
fn separators(src: &str, mut toks: Vec<Spanned>) -> Vec<Spanned> {
    // Compacted in place: the tokens kept are `toks[..w]` (at most one is
    // kept for each one read, so `w` never passes the one being read).
    let mut w: usize = 0;
    for r in 0..toks.len() {
        let mut t = std::mem::replace(&mut toks[r], (0, Tok::Eoe, 0));
        if matches!(t.1, Tok::Eoe) {
            match w.checked_sub(1).map(|i| &toks[i].1) {
                None => continue,
                Some(prev) if drops_eol_after(prev) => continue,
                _ => {}
            }
        } else {
            if matches!(t.1, Tok::DotDot) {
                let prev = toks[..w].iter().rev().find(|p| !matches!(p.1, Tok::Eoe));
                if prev.is_none_or(|p| drops_eol_after(&p.1)) {
                    t.1 = Tok::DotDotNullary;
                }
            }
            let last_is_eoe = w > 0 && matches!(toks[w - 1].1, Tok::Eoe);
            if drops_eol_before(&t.1) && last_is_eoe {
                w -= 1;
            }
            // A `do` may start a line (`for x <- l` then `do` below), as in
            // Elixir; after a `;` it is still an error.
            if matches!(t.1, Tok::Do) && w > 0 {
                if let (es, Tok::Eoe, ee) = &toks[w - 1] {
                    if !src.get(*es..*ee).unwrap_or(";").contains(';') {
                        w -= 1;
                    }
                }
            }
            if matches!(t.1, Tok::RParen) && w > 0 && matches!(toks[w - 1].1, Tok::LParen) {
                let (l, le) = (toks[w - 1].0, toks[w - 1].2);
                let between = src.get(le..t.0).unwrap_or("");
                if between
                    .lines()
                    .any(|line| line.split('#').next().unwrap_or("").contains(';'))
                {
                    toks[w - 1] = (l, Tok::SemiParens, t.2);
                    continue;
                }
            }
        }
        toks[w] = t;
        w += 1;
    }
    toks.truncate(w);
    if matches!(toks.last(), Some((_, Tok::Eoe, _))) {
        toks.pop();
    }
    toks
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
        assert_eq!(kinds("f -1")[0], OpIdent(id("f")));
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
        assert_eq!(kinds("&+/2")[..2], [Amp, Ident(id("+"))]);
        assert_eq!(kinds("Kernel.+(1)")[2], ParenIdent(id("+")));
        assert_eq!(kinds("[||: 1]")[1], KwKey(id("||")));
        assert_eq!(kinds("[%{}: 1]")[1], KwKey(id("%{}")));
        assert_eq!(kinds("&1"), vec![CaptureInt(1)]);
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

    #[test]
    fn strings_unescape_and_sigils_keep_their_text() {
        let lit = |s: &str| vec![InterpPart::Lit(s.to_string())];
        assert_eq!(kinds(r#""a\nb\"""#), vec![Tok::Str(lit("a\nb\""))]);
        assert_eq!(kinds(r#""\xFF""#), vec![Tok::Bin(vec![255])]);
        assert_eq!(
            kinds(r"~s(a\n\)b)"),
            vec![Tok::Sigil(Box::new((
                's',
                lit(r"a\n)b"),
                String::new(),
                "(".into(),
                None
            )))]
        );
        assert_eq!(
            kinds("x = \"\"\"\n  a\n   b\n  \"\"\"")[2],
            Tok::Str(lit("a\n b\n"))
        );
    }
}
