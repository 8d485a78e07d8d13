//! Erlang's `:re` (`compile/1,2`, `run/2,3`, `inspect/2`, `version/0`) on
//! PCRE2 (vm/src/pcre.rs), as OTP 25 gives it on PCRE 8.44. Elixir's `Regex`
//! (stdlib/regex.ex) is written in the language over these, as Elixir
//! writes it over `:re`; so are `:re.replace` and `:re.split` (stdlib/re.ex).
//!
//! A compiled pattern is the term `{:re_pattern, groups, unicode, crlf, bin}`,
//! shaped as on the BEAM, where `bin` holds our own encoding: `BLR2`, the
//! PCRE2 compile options (4 bytes, little-endian), the newline and `\R`
//! conventions (a byte each), then the source. It is plain data: it can be
//! sent, compared and kept in literals (a `~r` literal is compiled while
//! expanding and stored so); the compiled PCRE2 code lives in a process-wide
//! cache keyed by `bin`, so a pattern is compiled once per VM whichever
//! process or literal uses it.
//!
//! PCRE 8 and PCRE2 differ in a few places, where this file keeps PCRE 8's
//! behaviour: an unknown escape (`\i`, `[\B]`) is the literal character;
//! lookbehinds must have a fixed length (pcre.rs); error messages are PCRE
//! 8's words (`missing )` rather than `missing closing parenthesis`); word
//! characters under `ucp` are letters, digits and `_` (no marks), and
//! `\p{Script}` is the Script property, not Script_Extensions
//! (`pcre8_spelled`). Unicode data stays PCRE2's: characters added to
//! Unicode after PCRE 8.44's tables, and `\X`'s newer cluster rules, match
//! as PCRE2 says.

use super::{badarg, list_to_vec, BifResult, Ctx};
use crate::atom;
use crate::pcre::{self, CompileOptions, Limits, MatchError};
use crate::process::Exn;
use crate::term::Term;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

/// The tag that starts every pattern binary (see the module doc).
const MAGIC: &[u8] = b"BLR2";
/// MAGIC, 4 option bytes, newline, bsr.
const HEADER: usize = MAGIC.len() + 6;

/// A compiled pattern with what `run` needs to know about it.
pub struct Compiled {
    code: pcre::Code,
    /// Capture groups, the whole match not counted.
    pub groups: usize,
    /// Named groups with their numbers, sorted by name (PCRE's name table).
    names: Vec<(Vec<u8>, usize)>,
    /// Compiled with OTP's `unicode`: list subjects and captures are code
    /// points (else bytes).
    unicode: bool,
    /// PCRE2 itself is in UTF mode (`unicode`, or `(*UTF)` in the pattern):
    /// an empty match advances by a whole character.
    utf: bool,
    /// The newline is CRLF, ANY or ANYCRLF: an empty match advances over a
    /// whole CRLF.
    crlf: bool,
}

type Cache = RwLock<HashMap<Box<[u8]>, Arc<Compiled>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Patterns kept at most; past it the cache starts again (a program that
/// builds regexes from data at run time must not grow memory forever).
const CACHE_MAX: usize = 4096;

/// The bytes of a pattern binary for `source` compiled with `opts`.
fn pattern_bin(source: &[u8], opts: &CompileOptions) -> Vec<u8> {
    let mut key = Vec::with_capacity(HEADER + source.len());
    key.extend_from_slice(MAGIC);
    key.extend_from_slice(&opts.options.to_le_bytes());
    key.push(opts.newline as u8);
    key.push(opts.bsr as u8);
    key.extend_from_slice(source);
    key
}

/// The compiled pattern a pattern binary names, from the cache or compiled
/// now. An error is PCRE 8's message and the byte position it names.
fn compile_bin(bin: &[u8]) -> Result<Arc<Compiled>, (String, usize)> {
    if let Some(c) = cache().read().unwrap_or_else(|e| e.into_inner()).get(bin) {
        return Ok(c.clone());
    }
    let opts = CompileOptions {
        options: u32::from_le_bytes([bin[4], bin[5], bin[6], bin[7]]),
        newline: u32::from(bin[8]),
        bsr: u32::from(bin[9]),
        bad_escape_is_literal: false,
    };
    let source = &bin[HEADER..];
    let mut code = compile_as_pcre8(source, opts).map_err(|e| pcre8_error(source, e))?;
    if let Some(words) = pcre8_spelled(source, opts.options & pcre::PCRE2_UCP != 0) {
        // The rewritten pattern has the same groups and names; were it
        // refused (it should not be), the pattern as written is kept.
        if let Ok(c) = compile_as_pcre8(&words, opts) {
            code = c;
        }
    }
    let names = code.names();
    let all = code.all_options();
    let nl = code.newline();
    let compiled = Arc::new(Compiled {
        groups: code.capture_count(),
        names,
        unicode: opts.options & pcre::PCRE2_UTF != 0,
        utf: all & pcre::PCRE2_UTF != 0,
        crlf: matches!(
            nl,
            pcre::PCRE2_NEWLINE_CRLF | pcre::PCRE2_NEWLINE_ANY | pcre::PCRE2_NEWLINE_ANYCRLF
        ),
        code,
    });
    let mut c = cache().write().unwrap_or_else(|e| e.into_inner());
    if c.len() >= CACHE_MAX {
        c.clear();
    }
    c.insert(bin.into(), compiled.clone());
    Ok(compiled)
}

/// Compiles `source` as PCRE 8 would: where PCRE2 refuses what PCRE 8
/// took, compiles again with PCRE 8's reading. An unknown escape (`\i`) is
/// the literal letter; a hyphen after a class escape or a POSIX class in a
/// class (`[\d-z]`, `[[:alpha:]-]`) is a literal hyphen. The first error
/// found is the one reported.
fn compile_as_pcre8(source: &[u8], opts: CompileOptions) -> Result<pcre::Code, pcre::CompileError> {
    let mut opts = opts;
    let mut src: Cow<[u8]> = match literal_open_braces(source) {
        Some(rewritten) => Cow::Owned(rewritten),
        None => Cow::Borrowed(source),
    };
    let mut first = None;
    // Each retry removes one cause, so this ends; the bound is a guard.
    for _ in 0..64 {
        match pcre::Code::compile(&src, &opts) {
            Ok(code) => return Ok(code),
            Err(e) => {
                let first = *first.get_or_insert(e);
                if (e.code == pcre::ERROR_UNKNOWN_ESCAPE
                    || e.code == pcre::ERROR_ESCAPE_INVALID_IN_CLASS)
                    && !opts.bad_escape_is_literal
                {
                    opts.bad_escape_is_literal = true;
                } else if e.code == pcre::ERROR_CLASS_INVALID_RANGE
                    && e.offset > 0
                    && src.get(e.offset - 1) == Some(&b'-')
                {
                    src.to_mut().insert(e.offset - 1, b'\\');
                } else {
                    return Err(first);
                }
            }
        }
    }
    Err(first.unwrap_or(pcre::CompileError {
        code: 186,
        offset: 0,
    }))
}

/// A word character to PCRE 8 under `ucp`: a letter, a digit, `_`.
const UCP_WORD: &[u8] = br"\p{L}\p{N}_";
/// What is not a word character to PCRE 8 under `ucp`, as class members:
/// marks, symbols, separators, others, and punctuation but `_` (the
/// connector punctuation, Pc, listed but for `_`).
const UCP_NOT_WORD: &[u8] = br"\p{M}\p{S}\p{Z}\p{C}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\x{203F}\x{2040}\x{2054}\x{FE33}\x{FE34}\x{FE4D}-\x{FE4F}\x{FF3F}";

/// The general categories and PCRE's own properties: any other `\p{Name}`
/// names a script.
const NOT_SCRIPTS: &[&str] = &[
    "Any", "L&", "Xan", "Xps", "Xsp", "Xwd", "Xuc", "C", "Cc", "Cf", "Cn", "Co", "Cs", "L", "Ll",
    "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe",
    "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
];

/// `source` with what PCRE2 reads otherwise spelled out as PCRE 8.44 (OTP
/// 25) read it, or `None` when it has none of it:
///
/// - under `ucp` (Elixir's `u`), `\w`, `\W`, `\b`, `\B` and `[:word:]`:
///   PCRE 8 takes letters, digits and `_` for word characters; PCRE2 since
///   10.43 adds the non-spacing marks (Mn) and connector punctuation (Pc),
///   so `~r/\w+/u` would take `"e\u0301te"` whole where Elixir finds `"e"`
///   and `"te"`; `\p{Xwd}` likewise, with or without `ucp`;
/// - `\p{Script}`: PCRE 8 matches a character's Script property, PCRE2
///   (10.40) its Script_Extensions, so `\p{Greek}` would take the combining
///   acute U+0301; it is spelled `\p{sc:Script}`.
///
/// Escapes, classes and `\Q...\E` are walked as in `literal_open_braces`;
/// `\b` in a class is a backspace and stays.
fn pcre8_spelled(source: &[u8], ucp: bool) -> Option<Vec<u8>> {
    let word_class = |negated: bool| {
        let mut v = Vec::with_capacity(UCP_WORD.len() + 3);
        v.extend_from_slice(if negated { b"[^" } else { b"[" });
        v.extend_from_slice(UCP_WORD);
        v.push(b']');
        v
    };
    let boundary = |not: bool| {
        let w = word_class(false);
        let (ahead, not_ahead): (&[u8], &[u8]) = if not {
            (b"(?=", b"(?!")
        } else {
            (b"(?!", b"(?=")
        };
        let mut v = b"(?:(?<=".to_vec();
        for part in [
            &w[..],
            b")",
            ahead,
            &w,
            b")|(?<!",
            &w,
            b")",
            not_ahead,
            &w,
            b"))",
        ] {
            v.extend_from_slice(part);
        }
        v
    };
    let mut out = Vec::with_capacity(source.len() + 32);
    let (mut i, mut in_class, mut quoted, mut changed) = (0, false, false, false);
    while i < source.len() {
        let c = source[i];
        if quoted {
            (i, quoted) = copy_quoted(source, i, &mut out);
            continue;
        }
        match c {
            b'\\' => {
                let next = source.get(i + 1).copied();
                if let (Some(p @ (b'p' | b'P')), Some(b'{')) = (next, source.get(i + 2)) {
                    if let Some(len) = source[i + 3..].iter().position(|&c| c == b'}') {
                        let name = &source[i + 3..i + 3 + len];
                        let (caret, bare) = match name.strip_prefix(b"^") {
                            Some(b) => (true, b),
                            None => (false, name),
                        };
                        let negated = (p == b'P') != caret;
                        let spelled: Option<Vec<u8>> = if bare == b"Xwd" {
                            Some(match (in_class, negated) {
                                (false, n) => word_class(n),
                                (true, false) => UCP_WORD.to_vec(),
                                (true, true) => UCP_NOT_WORD.to_vec(),
                            })
                        } else if !NOT_SCRIPTS.iter().any(|n| n.as_bytes() == bare)
                            && !bare.contains(&b':')
                        {
                            let mut v = vec![b'\\', p, b'{'];
                            if caret {
                                v.push(b'^');
                            }
                            v.extend_from_slice(b"sc:");
                            v.extend_from_slice(bare);
                            v.push(b'}');
                            Some(v)
                        } else {
                            None
                        };
                        match spelled {
                            Some(v) => {
                                out.extend_from_slice(&v);
                                changed = true;
                            }
                            None => out.extend_from_slice(&source[i..i + 4 + len]),
                        }
                        i += 4 + len;
                        continue;
                    }
                }
                let spelled: Option<Vec<u8>> = match (next, in_class, ucp) {
                    (Some(b'w'), false, true) => Some(word_class(false)),
                    (Some(b'W'), false, true) => Some(word_class(true)),
                    (Some(b'b'), false, true) => Some(boundary(false)),
                    (Some(b'B'), false, true) => Some(boundary(true)),
                    (Some(b'w'), true, true) => Some(UCP_WORD.to_vec()),
                    (Some(b'W'), true, true) => Some(UCP_NOT_WORD.to_vec()),
                    _ => None,
                };
                match spelled {
                    Some(v) => {
                        out.extend_from_slice(&v);
                        changed = true;
                    }
                    None => {
                        quoted = next == Some(b'Q');
                        out.extend_from_slice(&source[i..(i + 2).min(source.len())]);
                    }
                }
                i += 2;
                continue;
            }
            b'[' if in_class => {
                // A POSIX class inside a class: `[:word:]`, `[:^word:]`.
                let rest = &source[i..];
                if ucp && rest.starts_with(b"[:word:]") {
                    out.extend_from_slice(UCP_WORD);
                    changed = true;
                    i += 8;
                    continue;
                }
                if ucp && rest.starts_with(b"[:^word:]") {
                    out.extend_from_slice(UCP_NOT_WORD);
                    changed = true;
                    i += 9;
                    continue;
                }
                if rest.starts_with(b"[:") {
                    if let Some(end) = rest.windows(2).position(|w| w == b":]") {
                        out.extend_from_slice(&rest[..end + 2]);
                        i += end + 2;
                        continue;
                    }
                }
            }
            b'[' => {
                in_class = true;
                out.push(c);
                i = copy_class_lead(source, i + 1, &mut out);
                continue;
            }
            b']' if in_class => in_class = false,
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    changed.then_some(out)
}

/// Copies the byte at `i` inside a `\\Q...\\E` span to `out`, or the span's
/// closing `\\E`; returns the next index and whether the span goes on.
fn copy_quoted(source: &[u8], i: usize, out: &mut Vec<u8>) -> (usize, bool) {
    if source[i..].starts_with(b"\\E") {
        out.extend_from_slice(b"\\E");
        (i + 2, false)
    } else {
        out.push(source[i]);
        (i + 1, true)
    }
}

/// Copies what may lead a class right after its `[`: a `^`, then a `]`,
/// which is a member there (`[]...]`, `[^]...]`), not the class's end.
/// Returns the index after them.
fn copy_class_lead(source: &[u8], mut i: usize, out: &mut Vec<u8>) -> usize {
    for lead in [b'^', b']'] {
        if source.get(i) == Some(&lead) {
            out.push(lead);
            i += 1;
        }
    }
    i
}

/// Whether `after` (what follows a `{`) is a quantifier to PCRE2 but text
/// to PCRE 8: `{,3}` and `{1, 2}` (Perl 5.34's forms) where PCRE 8 knew
/// only `{N}`, `{N,}` and `{N,M}`.
fn pcre2_only_quantifier(after: &[u8]) -> bool {
    let Some(len) = after.iter().position(|&c| c == b'}') else {
        return false;
    };
    let body = &after[..len];
    if !body
        .iter()
        .all(|&c| c.is_ascii_digit() || c == b',' || c == b' ')
    {
        return false;
    }
    let (min, max) = match body.iter().position(|&c| c == b',') {
        Some(comma) => (&body[..comma], Some(&body[comma + 1..])),
        None => (body, None),
    };
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let pcre8 = digits(min) && max.is_none_or(|m| m.is_empty() || digits(m));
    let pcre2 =
        body.iter().any(u8::is_ascii_digit) && body.iter().filter(|&&c| c == b',').count() <= 1;
    pcre2 && !pcre8
}

/// `source` with each `{` that starts a quantifier only PCRE2 reads as one
/// escaped, or `None` when it has none: PCRE 8 read `a{,3}` as the literal
/// text. Escapes, classes and `\Q...\E` are skipped.
fn literal_open_braces(source: &[u8]) -> Option<Vec<u8>> {
    if !source
        .iter()
        .enumerate()
        .any(|(i, &c)| c == b'{' && pcre2_only_quantifier(&source[i + 1..]))
    {
        return None;
    }
    let mut out = Vec::with_capacity(source.len() + 4);
    let (mut i, mut in_class, mut quoted) = (0, false, false);
    while i < source.len() {
        let c = source[i];
        if quoted {
            (i, quoted) = copy_quoted(source, i, &mut out);
            continue;
        }
        match c {
            b'\\' => {
                quoted = source.get(i + 1) == Some(&b'Q');
                out.extend_from_slice(&source[i..(i + 2).min(source.len())]);
                i += 2;
                continue;
            }
            b'[' if !in_class => {
                in_class = true;
                out.push(c);
                i = copy_class_lead(source, i + 1, &mut out);
                continue;
            }
            b']' if in_class => in_class = false,
            b'{' if !in_class && pcre2_only_quantifier(&source[i + 1..]) => out.push(b'\\'),
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    Some(out)
}

/// PCRE 8's message and position for a compile error.
fn pcre8_error(source: &[u8], e: pcre::CompileError) -> (String, usize) {
    // `(?` or `(?i` ending the pattern: PCRE2 misses a `)`, PCRE 8 an
    // option letter.
    if e.code == 114 {
        let tail = source
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic() || **c == b'-')
            .count();
        if source[..source.len() - tail].ends_with(b"(?") {
            return (error_text(111), source.len());
        }
    }
    (error_text(e.code), error_position(source, e))
}

/// The byte position PCRE 8 gave for an error, where PCRE2 counts from
/// another place: a lookbehind of no fixed length is reported at its
/// closing parenthesis; a reference to a group that does not exist at the
/// end of the pattern when numbered (PCRE 8 checked those last), at the
/// name's end when named; an unfinished `(?` at the end of the pattern.
fn error_position(source: &[u8], e: pcre::CompileError) -> usize {
    let at = e.offset.min(source.len());
    match e.code {
        125 | 187 | 200 => closing_paren(source, at).unwrap_or(at),
        // PCRE 8 pointed at the name's or the escape's last character.
        137 | 143 | 147 | 150 => at.saturating_sub(1),
        // An unknown POSIX class: at its name.
        130 => source[..at]
            .windows(2)
            .rposition(|w| w == b"[:")
            .map_or(at, |i| i + 2),
        115 => match source.get(at) {
            Some(c) if c.is_ascii_digit() => source.len(),
            Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {
                at + source[at..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                    .count()
            }
            _ => at,
        },
        _ => at,
    }
}

/// The position of the `)` closing the group open at or after `from`
/// (escapes and classes skipped).
fn closing_paren(source: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = from;
    let mut in_class = false;
    while i < source.len() {
        match source[i] {
            b'\\' => i += 1,
            b'[' if !in_class => {
                in_class = true;
                // `[]...]` and `[^]...]`: a leading `]` is a member.
                if source.get(i + 1) == Some(&b'^') {
                    i += 1;
                }
                if source.get(i + 1) == Some(&b']') {
                    i += 1;
                }
            }
            b']' if in_class => in_class = false,
            b'(' if !in_class => depth += 1,
            b')' if !in_class => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// PCRE 8's words for a PCRE2 compile error (what OTP 25 reports), or
/// PCRE2's own for the errors PCRE 8 did not have.
fn error_text(code: i32) -> String {
    let pcre8 = match code {
        101 => "\\ at end of pattern",
        102 => "\\c at end of pattern",
        103 => "unrecognized character follows \\",
        104 => "numbers out of order in {} quantifier",
        105 => "number too big in {} quantifier",
        106 => "missing terminating ] for character class",
        107 => "invalid escape sequence in character class",
        108 => "range out of order in character class",
        109 => "nothing to repeat",
        111 => "unrecognized character after (? or (?-",
        112 => "POSIX named classes are supported only within a class",
        113 => "POSIX collating elements are not supported",
        114 => "missing )",
        115 => "reference to non-existent subpattern",
        118 => "missing ) after comment",
        119 => "parentheses are too deeply nested",
        120 => "regular expression is too large",
        121 => "failed to get memory",
        122 => "unmatched parentheses",
        124 | 179 => "malformed number or name after (?(",
        125 | 187 | 200 => "lookbehind assertion is not fixed length",
        126 => "a numbered reference must not be zero",
        127 => "conditional group contains more than two branches",
        128 => "assertion expected after (?( or (?(?C)",
        129 => "digit expected after (?+",
        130 => "unknown POSIX class name",
        133 => "parentheses are too deeply nested (stack check)",
        134 => "character value in \\x{} or \\o{} is too large",
        136 => "\\C not allowed in lookbehind assertion",
        137 => "PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u",
        138 => "number after (?C is > 255",
        139 | 181 | 182 => "closing ) for (?C expected",
        141 => "unrecognized character after (?P",
        142 => "syntax error in subpattern name (missing terminator)",
        143 => "two named subpatterns have the same name",
        144 => "group name must start with a non-digit",
        146 => "malformed \\P or \\p sequence",
        147 => "unknown property name after \\P or \\p",
        148 => "subpattern name is too long (maximum 32 characters)",
        149 => "too many named subpatterns (maximum 10000)",
        150 => "invalid range in character class",
        151 => "octal value is greater than \\377 in 8-bit non-UTF-8 mode",
        154 => "DEFINE group contains more than one branch",
        155 => "missing opening brace after \\o",
        157 => {
            "\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number"
        }
        158 => "(?R or (?[+-]digits must be followed by )",
        160 => "(*VERB) not recognized or malformed",
        161 => "number is too big",
        162 => "subpattern name expected",
        164 => "non-octal character in \\o{} (closing brace missing?)",
        165 => "different names for subpatterns of the same number are not allowed",
        166 => "(*MARK) must have an argument",
        167 => "non-hex character in \\x{} (closing brace missing?)",
        168 => "\\c must be followed by an ASCII character",
        169 => "\\k is not followed by a braced, angle-bracketed, or quoted name",
        171 => "\\N is not supported in a class",
        173 => "disallowed Unicode code point (>= 0xd800 && <= 0xdfff)",
        176 => "name is too long in (*MARK), (*PRUNE), (*SKIP), or (*THEN)",
        177 => "character value in \\u.... sequence is too large",
        178 => "digits missing in \\x{} or \\o{}",
        186 => "regular expression is too complicated",
        // PCRE2's checks of the pattern's UTF-8 (-3 to -23).
        -23..=-3 => "invalid UTF-8 string",
        _ => return pcre::error_message(code),
    };
    pcre8.to_owned()
}

/// The version `Regex.version/0` and `:re.version/0` give: PCRE2's.
pub fn version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(pcre::version)
}

/// A `~r` literal's pattern, built by the compiler while expanding:
/// `(groups, unicode, crlf, bin)` of `{:re_pattern, groups, unicode, crlf,
/// bin}`, or the message `Regex.CompileError` reports (`"missing ) at
/// position 1"`, or, for a bad modifier, `"invalid_option at position z"`,
/// as Elixir 1.14 prints it).
pub fn literal_pattern(
    source: &[u8],
    modifiers: &str,
) -> Result<(usize, bool, bool, Vec<u8>), String> {
    let mut opts = CompileOptions::default();
    for (i, m) in modifiers.char_indices() {
        opts.options |= match m {
            'i' => pcre::PCRE2_CASELESS,
            'm' => pcre::PCRE2_MULTILINE,
            's' => {
                opts.newline = pcre::PCRE2_NEWLINE_ANYCRLF;
                pcre::PCRE2_DOTALL
            }
            'x' => pcre::PCRE2_EXTENDED,
            'U' => pcre::PCRE2_UNGREEDY,
            'u' => pcre::PCRE2_UTF | pcre::PCRE2_UCP,
            'f' => pcre::PCRE2_FIRSTLINE,
            _ => return Err(format!("invalid_option at position {}", &modifiers[i..])),
        };
    }
    let bin = pattern_bin(source, &opts);
    let c = compile_bin(&bin).map_err(|(msg, pos)| format!("{msg} at position {pos}"))?;
    Ok((c.groups, c.unicode, c.crlf, bin))
}

/// The pattern a `{:re_pattern, ...}` term names, if it is one of ours.
pub fn pattern_of(t: Term) -> Option<Arc<Compiled>> {
    let bin = pattern_bin_of(t)?;
    compile_bin(bin).ok()
}

fn pattern_bin_of(t: Term) -> Option<&'static [u8]> {
    let [tag, _, _, _, bin] = t.tuple_elems()? else {
        return None;
    };
    if *tag != atom::intern("re_pattern") {
        return None;
    }
    let b = bin.binary_bytes()?;
    (b.len() >= HEADER && b.starts_with(MAGIC)).then_some(b)
}

/// The term `{:re_pattern, groups, unicode, crlf, bin}`.
fn pattern_term(ctx: &mut Ctx, c: &Compiled, bin: &[u8]) -> Term {
    let bin = ctx.st.heap.binary(bin);
    ctx.st.heap.tuple(&[
        atom::intern("re_pattern"),
        Term::small(c.groups as i64),
        Term::small(i64::from(c.unicode)),
        Term::small(i64::from(c.crlf)),
        bin,
    ])
}

/// Reads a compile option into `opts`; false when `o` is not one.
fn compile_option(o: Term, opts: &mut CompileOptions) -> bool {
    if o.is_atom() {
        opts.options |= match atom::name(o) {
            "unicode" => pcre::PCRE2_UTF,
            "anchored" => pcre::PCRE2_ANCHORED,
            "caseless" => pcre::PCRE2_CASELESS,
            "dollar_endonly" => pcre::PCRE2_DOLLAR_ENDONLY,
            "dotall" => pcre::PCRE2_DOTALL,
            "extended" => pcre::PCRE2_EXTENDED,
            "firstline" => pcre::PCRE2_FIRSTLINE,
            "multiline" => pcre::PCRE2_MULTILINE,
            "no_auto_capture" => pcre::PCRE2_NO_AUTO_CAPTURE,
            "dupnames" => pcre::PCRE2_DUPNAMES,
            "ungreedy" => pcre::PCRE2_UNGREEDY,
            "no_start_optimize" => pcre::PCRE2_NO_START_OPTIMIZE,
            "ucp" => pcre::PCRE2_UCP,
            "never_utf" => pcre::PCRE2_NEVER_UTF,
            "bsr_anycrlf" => {
                opts.bsr = pcre::PCRE2_BSR_ANYCRLF;
                0
            }
            "bsr_unicode" => {
                opts.bsr = pcre::PCRE2_BSR_UNICODE;
                0
            }
            _ => return false,
        };
        return true;
    }
    match newline_option(o) {
        Some(nl) => {
            opts.newline = nl;
            true
        }
        None => false,
    }
}

/// `{:newline, convention}`'s PCRE2 value.
fn newline_option(o: Term) -> Option<u32> {
    let [k, v] = o.tuple_elems()? else {
        return None;
    };
    if *k != atom::intern("newline") || !v.is_atom() {
        return None;
    }
    Some(match atom::name(*v) {
        "cr" => pcre::PCRE2_NEWLINE_CR,
        "lf" => pcre::PCRE2_NEWLINE_LF,
        "crlf" => pcre::PCRE2_NEWLINE_CRLF,
        "anycrlf" => pcre::PCRE2_NEWLINE_ANYCRLF,
        "any" => pcre::PCRE2_NEWLINE_ANY,
        "nul" => pcre::PCRE2_NEWLINE_NUL,
        _ => return None,
    })
}

/// A subject or a source as bytes: a binary as it is (not copied); a list
/// as iodata (bytes and binaries) or, with `unicode`, as chardata (code
/// points, encoded as UTF-8).
fn data_bytes(t: Term, unicode: bool) -> Option<Cow<'static, [u8]>> {
    if let Some(b) = t.binary_bytes() {
        return Some(Cow::Borrowed(b));
    }
    if !t.is_list() {
        return None;
    }
    let mut out = Vec::new();
    flatten(t, unicode, &mut out)?;
    Some(Cow::Owned(out))
}

fn flatten(t: Term, unicode: bool, out: &mut Vec<u8>) -> Option<()> {
    let mut cur = t;
    while let Some((h, tl)) = cur.cons_parts() {
        if let Some(c) = h.as_small() {
            if unicode {
                let ch = char::from_u32(u32::try_from(c).ok()?)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            } else {
                out.push(u8::try_from(c).ok()?);
            }
        } else if let Some(b) = h.binary_bytes() {
            out.extend_from_slice(b);
        } else if h.is_list() {
            flatten(h, unicode, out)?;
        } else {
            return None;
        }
        cur = tl;
    }
    if let Some(b) = cur.binary_bytes() {
        // iodata's tail may be a binary.
        out.extend_from_slice(b);
        return Some(());
    }
    cur.is_nil().then_some(())
}

/// `:re.compile(source)`.
pub fn compile1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    compile2(ctx, &[a[0], Term::NIL])
}

/// `:re.compile(source, options)`: `{:ok, pattern}` or `{:error, {message
/// charlist, position}}`; bad arguments raise OTP's ArgumentError.
pub fn compile2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut opts = CompileOptions::default();
    let good_opts = list_to_vec(a[1])
        .is_some_and(|items| items.into_iter().all(|o| compile_option(o, &mut opts)));
    let unicode = opts.options & pcre::PCRE2_UTF != 0;
    let source = data_bytes(a[0], unicode);
    if !good_opts {
        let mut lines: Vec<(usize, String)> = Vec::new();
        match &source {
            None => lines.push((1, "not an iodata term".into())),
            Some(s) => {
                if let Err(msg) = compile_bin(&pattern_bin(s, &CompileOptions::default())) {
                    lines.push((1, parse_error_line(msg)));
                }
            }
        }
        lines.push((2, "invalid options".into()));
        return Err(badarg_lines(&lines));
    }
    let Some(source) = source else {
        return Err(Exn::badarg_at(1, "not an iodata term"));
    };
    let bin = pattern_bin(&source, &opts);
    match compile_bin(&bin) {
        Ok(c) => {
            let p = pattern_term(ctx, &c, &bin);
            Ok(ctx.st.heap.tuple(&[atom::intern("ok"), p]))
        }
        Err((msg, pos)) => {
            let chars: Vec<Term> = msg.chars().map(|c| Term::small(c as i64)).collect();
            let msg = ctx.st.heap.list(&chars);
            let detail = ctx.st.heap.tuple(&[msg, Term::small(pos as i64)]);
            Ok(ctx.st.heap.tuple(&[atom::ERROR, detail]))
        }
    }
}

/// OTP's explanation of a pattern that does not compile, in an
/// ArgumentError's list of bad arguments.
fn parse_error_line((msg, pos): (String, usize)) -> String {
    format!("could not parse regular expression\n{msg} on character {pos}")
}

fn badarg_lines(lines: &[(usize, String)]) -> Exn {
    let refs: Vec<(usize, &str)> = lines.iter().map(|(n, s)| (*n, s.as_str())).collect();
    Exn::badarg_lines(&refs)
}

/// `:re.inspect(pattern, :namelist)`: `{:namelist, names}`, sorted.
pub fn inspect(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let Some(c) = pattern_of(a[0]) else {
        return Err(Exn::badarg_at(1, "not a compiled regular expression"));
    };
    if a[1] != atom::intern("namelist") {
        return Err(Exn::badarg_at(2, "not a valid item"));
    }
    let names: Vec<Term> = c.names.iter().map(|(n, _)| ctx.st.heap.binary(n)).collect();
    let list = ctx.st.heap.list(&names);
    Ok(ctx.st.heap.tuple(&[atom::intern("namelist"), list]))
}

/// `:re.version()`.
pub fn version0(ctx: &mut Ctx, _a: &[Term]) -> BifResult {
    Ok(ctx.st.heap.str(version()))
}

/// What `{:capture, spec, type}` asks for.
enum Spec {
    All,
    AllButFirst,
    First,
    None,
    AllNames,
    List(Vec<Term>),
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Index,
    Binary,
    List,
}

/// `:re.run`'s options, read.
struct RunOptions {
    global: bool,
    offset: usize,
    spec: Spec,
    kind: Kind,
    /// PCRE2 match options (`anchored`, `notbol`, `noteol`, `notempty`,
    /// `notempty_atstart`).
    match_options: u32,
    limits: Limits,
    report_errors: bool,
}

/// Reads `:re.run`'s options. Compile options go to `compile` (allowed
/// only when the pattern is not compiled yet). `Err(true)`: an option
/// is not one (OTP: "invalid options"); `Err(false)`: a plain `badarg`
/// (a bad capture specification).
fn run_options(items: &[Term], compile: Option<&mut CompileOptions>) -> Result<RunOptions, bool> {
    let mut r = RunOptions {
        global: false,
        offset: 0,
        spec: Spec::All,
        kind: Kind::Index,
        match_options: 0,
        limits: Limits::default(),
        report_errors: false,
    };
    let mut compile = compile;
    for &o in items {
        if o.is_atom() {
            match atom::name(o) {
                "global" => r.global = true,
                "notbol" => r.match_options |= pcre::PCRE2_NOTBOL,
                "noteol" => r.match_options |= pcre::PCRE2_NOTEOL,
                "notempty" => r.match_options |= pcre::PCRE2_NOTEMPTY,
                "notempty_atstart" => r.match_options |= pcre::PCRE2_NOTEMPTY_ATSTART,
                "anchored" => r.match_options |= pcre::PCRE2_ANCHORED,
                "report_errors" => r.report_errors = true,
                // A match-time `\R` convention: PCRE2 sets it at compile
                // time only; OTP's own default is kept.
                "bsr_anycrlf" | "bsr_unicode" => {}
                _ => match compile.as_deref_mut() {
                    Some(c) => {
                        if !compile_option(o, c) {
                            return Err(true);
                        }
                    }
                    None => return Err(false),
                },
            }
            continue;
        }
        let Some(items) = o.tuple_elems() else {
            return Err(true);
        };
        let key = match items.first() {
            Some(k) if k.is_atom() => atom::name(*k),
            _ => return Err(true),
        };
        match (key, items) {
            ("offset", [_, v]) => {
                r.offset = v
                    .as_small()
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or(true)?
            }
            ("capture", [_, s]) => r.spec = spec_of(*s).ok_or(false)?,
            ("capture", [_, s, t]) => {
                r.spec = spec_of(*s).ok_or(false)?;
                r.kind = match t.is_atom().then(|| atom::name(*t)) {
                    Some("index") => Kind::Index,
                    Some("binary") => Kind::Binary,
                    Some("list") => Kind::List,
                    _ => return Err(false),
                };
            }
            ("match_limit", [_, v]) => {
                r.limits.match_limit = Some(limit_of(*v).ok_or(true)?);
            }
            ("match_limit_recursion", [_, v]) => {
                r.limits.depth_limit = Some(limit_of(*v).ok_or(true)?);
            }
            ("newline", [_, _]) => match (compile.as_deref_mut(), newline_option(o)) {
                (Some(c), Some(nl)) => c.newline = nl,
                // A compiled pattern keeps its own newline convention
                // (PCRE2 sets it at compile time only).
                (None, Some(_)) => {}
                _ => return Err(true),
            },
            _ => return Err(true),
        }
    }
    Ok(r)
}

fn limit_of(v: Term) -> Option<u32> {
    v.as_small()
        .and_then(|n| u32::try_from(n.clamp(0, i64::from(u32::MAX))).ok())
}

fn spec_of(s: Term) -> Option<Spec> {
    if s.is_atom() && !s.is_nil() {
        return Some(match atom::name(s) {
            "all" => Spec::All,
            "all_but_first" => Spec::AllButFirst,
            "first" => Spec::First,
            "none" => Spec::None,
            "all_names" => Spec::AllNames,
            _ => return None,
        });
    }
    let items = list_to_vec(s)?;
    // Each item a group number (0 or more) or a name (atom, binary or
    // charlist), checked now as OTP does.
    let ok = items.iter().all(|it| match it.as_small() {
        Some(n) => n >= 0,
        None => it.is_atom() || it.binary_bytes().is_some() || it.is_list(),
    });
    ok.then_some(Spec::List(items))
}

/// `:re.run(subject, pattern)`.
pub fn run2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    run3(ctx, &[a[0], a[1], Term::NIL])
}

/// `:re.run(subject, pattern, options)`: `:nomatch`, `:match` (capture
/// `:none`), `{:match, captured}` (a list of lists with `:global`), or
/// `{:error, :match_limit | :match_limit_recursion}` with `report_errors`.
pub fn run3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let Some(items) = list_to_vec(a[2]) else {
        return Err(Exn::badarg_at(3, "invalid options"));
    };
    let compiled = pattern_bin_of(a[1]);
    let mut copts = CompileOptions::default();
    let opts = run_options(&items, compiled.is_none().then_some(&mut copts));
    let c = match compiled {
        Some(bin) => compile_bin(bin).map_err(|_| badarg())?,
        None => {
            let unicode = copts.options & pcre::PCRE2_UTF != 0;
            let Some(source) = data_bytes(a[1], unicode) else {
                let mut lines = vec![(
                    2,
                    "neither an iodata term nor a compiled regular expression".to_owned(),
                )];
                if matches!(opts, Err(true)) {
                    lines.push((3, "invalid options".to_owned()));
                }
                return Err(badarg_lines(&lines));
            };
            match compile_bin(&pattern_bin(&source, &copts)) {
                Ok(c) => c,
                Err(e) => return Err(badarg_lines(&[(2, parse_error_line(e))])),
            }
        }
    };
    let opts = match opts {
        Ok(o) => o,
        Err(true) => return Err(Exn::badarg_at(3, "invalid options")),
        Err(false) => return Err(badarg()),
    };
    let Some(subject) = data_bytes(a[0], c.unicode) else {
        return Err(Exn::badarg_at(1, "not an iodata term"));
    };
    if opts.offset > subject.len() {
        // What OTP 25 raises for an offset past the subject's end.
        return Err(Exn::error(atom::intern("internal_error")));
    }
    let matches = match find_all(&c, &subject, &opts) {
        Ok(m) => m,
        Err(MatchError::BadUtf) | Err(MatchError::Other(_)) => return Err(badarg()),
        Err(e) if opts.report_errors && !opts.global => {
            let what = match e {
                MatchError::DepthLimit => "match_limit_recursion",
                _ => "match_limit",
            };
            let what = atom::intern(what);
            return Ok(ctx.st.heap.tuple(&[atom::ERROR, what]));
        }
        Err(_) => return Ok(atom::intern("nomatch")),
    };
    if matches.is_empty() {
        return Ok(atom::intern("nomatch"));
    }
    // Nothing to capture (`:none`, an empty list, `:all_names` without
    // names): just `:match`, as OTP answers.
    let nothing = match &opts.spec {
        Spec::None => true,
        Spec::List(items) => items.is_empty(),
        Spec::AllNames => c.names.is_empty(),
        _ => false,
    };
    if nothing {
        return Ok(atom::intern("match"));
    }
    // A subject given as a binary: captured binaries are views of it.
    let whole = a[0].binary_bytes().is_some().then_some(a[0]);
    let mut out = Vec::with_capacity(matches.len());
    for m in &matches {
        let picked = pick(&c, &opts.spec, m);
        let mut items = Vec::with_capacity(picked.len());
        for g in picked {
            items.push(capture_term(ctx, &subject, whole, g, opts.kind, c.unicode));
        }
        out.push(ctx.st.heap.list(&items));
    }
    let captured = if opts.global {
        ctx.st.heap.list(&out)
    } else {
        out[0]
    };
    Ok(ctx.st.heap.tuple(&[atom::intern("match"), captured]))
}

/// One match's groups: the whole match first, then each group up to the
/// last that took part; `None` for one that did not.
type Groups = Vec<Option<(usize, usize)>>;

/// The matches `run` reports: the first, or with `global` every one, found
/// as Perl's `/g` finds them (after an empty match, the next one may not be
/// empty at the same place; failing that, the search moves on a character).
fn find_all(c: &Compiled, subject: &[u8], o: &RunOptions) -> Result<Vec<Groups>, MatchError> {
    let mut found = Vec::new();
    let mut groups = Vec::new();
    // The search state: where it starts, and the extra options (after an
    // empty match: not empty again, right there).
    let (mut pos, mut extra) = (o.offset, 0);
    // PCRE2 checks that a UTF subject is valid UTF-8 on each call, the
    // whole subject each time; once the first call has checked it, the
    // next ones skip that (a global scan was quadratic in the subject).
    let mut checked = 0;
    loop {
        let options = o.match_options | extra | checked;
        let matched = c.code.find(subject, pos, options, o.limits, &mut groups)?;
        if c.utf {
            checked = pcre::PCRE2_NO_UTF_CHECK;
        }
        if !matched {
            if extra == 0 || !o.global {
                break;
            }
            // No non-empty match here: go on from the next character.
            pos = next_char(c, subject, pos);
            extra = 0;
            if pos > subject.len() {
                break;
            }
            continue;
        }
        let (start, end) = groups[0].unwrap_or((pos, pos));
        found.push(std::mem::take(&mut groups));
        if !o.global {
            break;
        }
        let state = (pos, extra);
        (pos, extra) = match start.cmp(&end) {
            std::cmp::Ordering::Less => (end, 0),
            std::cmp::Ordering::Equal if end == subject.len() => break,
            std::cmp::Ordering::Equal => (end, pcre::PCRE2_NOTEMPTY_ATSTART | pcre::PCRE2_ANCHORED),
            // `\K` in a lookahead set the start after the end.
            std::cmp::Ordering::Greater => (start, 0),
        };
        // The same state would find the same match forever (`\K` can make a
        // match that consumes nothing look non-empty): move on a character.
        if (pos, extra) == state {
            pos = next_char(c, subject, pos);
            extra = 0;
            if pos > subject.len() {
                break;
            }
        }
    }
    Ok(found)
}

/// Where the character at `i` ends: a whole CRLF when the newline may be
/// one, a whole UTF-8 sequence in UTF mode, else one byte.
fn next_char(c: &Compiled, subject: &[u8], i: usize) -> usize {
    if c.crlf && subject.get(i) == Some(&b'\r') && subject.get(i + 1) == Some(&b'\n') {
        return i + 2;
    }
    let mut j = i + 1;
    if c.utf {
        while j < subject.len() && subject[j] & 0xC0 == 0x80 {
            j += 1;
        }
    }
    j
}

/// The groups a capture specification asks for, in its order.
fn pick(c: &Compiled, spec: &Spec, m: &Groups) -> Groups {
    let at = |i: usize| m.get(i).copied().flatten();
    match spec {
        Spec::All => m.clone(),
        Spec::AllButFirst => m[1..].to_vec(),
        Spec::First => vec![m[0]],
        Spec::None => vec![],
        Spec::AllNames => c.names.iter().map(|(_, i)| at(*i)).collect(),
        Spec::List(items) => items
            .iter()
            .map(|it| {
                if let Some(n) = it.as_small() {
                    return usize::try_from(n).ok().and_then(at);
                }
                let name: Option<Cow<[u8]>> = if it.is_atom() {
                    Some(Cow::Borrowed(atom::name(*it).as_bytes()))
                } else {
                    data_bytes(*it, true)
                };
                // With duplicate names, the first group of that name that
                // took part.
                let name = name?;
                c.names
                    .iter()
                    .filter(|(n, _)| **n == *name)
                    .find_map(|(_, i)| at(*i))
            })
            .collect(),
    }
}

fn capture_term(
    ctx: &mut Ctx,
    subject: &[u8],
    whole: Option<Term>,
    g: Option<(usize, usize)>,
    kind: Kind,
    unicode: bool,
) -> Term {
    match (kind, g) {
        (Kind::Index, Some((s, e))) => ctx
            .st
            .heap
            .tuple(&[Term::small(s as i64), Term::small(e as i64 - s as i64)]),
        // A start after the end (`\K` in a lookahead) holds no text.
        (_, Some((s, e))) if s > e => capture_term(ctx, subject, whole, None, kind, unicode),
        (Kind::Index, None) => ctx.st.heap.tuple(&[Term::small(-1), Term::small(0)]),
        (Kind::Binary, Some((s, e))) => match whole {
            Some(w) => ctx.st.heap.sub_binary(w, s as u64 * 8, (e - s) as u64 * 8),
            None => ctx.st.heap.binary(&subject[s..e]),
        },
        (Kind::Binary, None) => ctx.st.heap.binary(b""),
        (Kind::List, Some((s, e))) => {
            let part = &subject[s..e];
            let chars: Vec<Term> = if unicode {
                String::from_utf8_lossy(part)
                    .chars()
                    .map(|c| Term::small(c as i64))
                    .collect()
            } else {
                part.iter().map(|&b| Term::small(i64::from(b))).collect()
            };
            ctx.st.heap.list(&chars)
        }
        (Kind::List, None) => Term::NIL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bin(src: &str, options: u32) -> Vec<u8> {
        pattern_bin(
            src.as_bytes(),
            &CompileOptions {
                options,
                ..Default::default()
            },
        )
    }

    #[test]
    fn pcre8_messages_and_positions() {
        assert_eq!(
            compile_bin(&bin("(", 0)).err(),
            Some(("missing )".to_owned(), 1))
        );
        assert_eq!(
            compile_bin(&bin("a)", 0)).err().map(|e| e.0),
            Some("unmatched parentheses".to_owned())
        );
    }

    #[test]
    fn ucp_words_are_pcre8s() {
        let spelled =
            |p: &str| pcre8_spelled(p.as_bytes(), true).map(|v| String::from_utf8(v).unwrap());
        assert_eq!(spelled(r"a\d"), None);
        assert_eq!(spelled(r"\w+"), Some(r"[\p{L}\p{N}_]+".to_owned()));
        assert_eq!(spelled(r"[\b\w]"), Some(r"[\b\p{L}\p{N}_]".to_owned()));
        assert_eq!(spelled(r"\Q\w\E[[:alpha:]]"), None);
        assert_eq!(spelled(r"\p{Lu}\pL"), None);
        assert_eq!(
            spelled(r"\p{Greek}\P{^Han}"),
            Some(r"\p{sc:Greek}\P{^sc:Han}".to_owned())
        );
        assert_eq!(spelled(r"[\p{Xwd}]"), Some(r"[\p{L}\p{N}_]".to_owned()));
        let c = compile_bin(&bin(r"\w+", pcre::PCRE2_UTF | pcre::PCRE2_UCP)).unwrap();
        let mut g = Vec::new();
        assert!(c
            .code
            .find("e\u{301}te".as_bytes(), 0, 0, Limits::default(), &mut g)
            .unwrap());
        assert_eq!(g[0], Some((0, 1)));
    }

    #[test]
    fn unknown_escapes_are_literals() {
        let c = compile_bin(&bin("\\i\\j", 0)).unwrap();
        let mut g = Vec::new();
        assert!(c.code.find(b"ij", 0, 0, Limits::default(), &mut g).unwrap());
    }

    #[test]
    fn global_matches_as_perl() {
        let c = compile_bin(&bin("a*", 0)).unwrap();
        let o = RunOptions {
            global: true,
            offset: 0,
            spec: Spec::All,
            kind: Kind::Index,
            match_options: 0,
            limits: Limits::default(),
            report_errors: false,
        };
        let m: Vec<_> = find_all(&c, b"baaac", &o)
            .unwrap()
            .into_iter()
            .map(|g| g[0].unwrap())
            .collect();
        assert_eq!(m, vec![(0, 0), (1, 4), (4, 4), (5, 5)]);
    }

    #[test]
    fn open_braces_are_literal_as_in_pcre8() {
        assert_eq!(literal_open_braces(b"a{2}x{2,}y{2,3}"), None);
        assert_eq!(literal_open_braces(b"a{1, 2}"), Some(b"a\\{1, 2}".to_vec()));
        assert_eq!(
            literal_open_braces(b"a{,3}[{,3}]\\{,3}\\Q{,3}\\E{,3}"),
            Some(b"a\\{,3}[{,3}]\\{,3}\\Q{,3}\\E\\{,3}".to_vec())
        );
    }

    #[test]
    fn literal_modifiers() {
        assert!(literal_pattern(b"a", "iu").is_ok());
        assert_eq!(
            literal_pattern(b"a", "iz").err(),
            Some("invalid_option at position z".to_owned())
        );
    }
}
