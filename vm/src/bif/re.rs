//! Erlang's `:re` (PCRE regular expressions), over the `fancy-regex` crate
//! (backtracking where a pattern needs it: backreferences, lookaround;
//! the `regex` crate's automata otherwise). Elixir's `Regex` is written in
//! the language over these, as Elixir writes it over `:re`.
//!
//! A compiled pattern is the term `{:re_pattern, groups, unicode, 0, bin}`,
//! as on the BEAM, where `bin` holds the options and the source: plain data,
//! so it can be sent, compared and stored in literals. The compiled automaton
//! lives in a process-wide cache keyed by `bin`.
//!
//! Where PCRE and the crate differ, the pattern is rewritten before it is
//! compiled: `$` outside a class (not in multiline mode) also matches before
//! a final newline, as PCRE's does (`\Z`).

use super::{badarg, list_to_vec, BifResult, Ctx};
use crate::atom;
use crate::process::Exn;
use crate::term::Term;
use fancy_regex::{BytesMode, Regex, RegexBuilder, RegexInput};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Compile options, as bits of the pattern's first byte.
const CASELESS: u8 = 1;
const MULTILINE: u8 = 2;
const DOTALL: u8 = 4;
const EXTENDED: u8 = 8;
const UNGREEDY: u8 = 16;
const UNICODE: u8 = 32;
const FIRSTLINE: u8 = 64;
const DOLLAR_ENDONLY: u8 = 128;
/// The second byte: anchored.
const ANCHORED: u8 = 1;
/// The tag that starts every pattern binary.
const MAGIC: &[u8] = b"BLRE";

/// A compiled pattern.
pub struct Compiled {
    re: Regex,
    /// Capture groups, the whole match not counted.
    groups: usize,
    /// Named groups, sorted by name (PCRE's name table order).
    names: Vec<(String, usize)>,
    flags: u8,
    anchored: bool,
}

fn cache() -> &'static Mutex<HashMap<Vec<u8>, Arc<Compiled>>> {
    static CACHE: OnceLock<Mutex<HashMap<Vec<u8>, Arc<Compiled>>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Compiles `source` with `flags` and `extra` (the anchored byte): the
/// pattern, or PCRE-shaped error text and the byte position it names.
pub fn compile(source: &[u8], flags: u8, extra: u8) -> Result<Arc<Compiled>, (String, usize)> {
    let mut key = Vec::with_capacity(source.len() + 6);
    key.extend_from_slice(MAGIC);
    key.push(flags);
    key.push(extra);
    key.extend_from_slice(source);
    if let Some(c) = cache().lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Ok(c.clone());
    }
    let text = std::str::from_utf8(source).map_err(|e| {
        (
            "UTF-8 error: invalid byte sequence in the pattern".to_owned(),
            e.valid_up_to(),
        )
    })?;
    let rewritten = rewrite(text, flags);
    let mut b = RegexBuilder::new(&rewritten);
    b.case_insensitive(flags & CASELESS != 0)
        .multi_line(flags & MULTILINE != 0)
        .dot_matches_new_line(flags & DOTALL != 0)
        .ignore_whitespace(flags & EXTENDED != 0)
        .bytes_mode(if flags & UNICODE != 0 {
            BytesMode::UnicodeBytes
        } else {
            BytesMode::Ascii
        })
        .backtrack_limit(10_000_000);
    let re = b
        .build()
        .map_err(|e| (error_text(&e), error_pos(&e, source.len())))?;
    let groups = re.captures_len().saturating_sub(1);
    let mut names: Vec<(String, usize)> = re
        .capture_names()
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| (n.to_owned(), i)))
        .collect();
    names.sort();
    let compiled = Arc::new(Compiled {
        re,
        groups,
        names,
        flags,
        anchored: extra & ANCHORED != 0,
    });
    let mut c = cache().lock().unwrap_or_else(|e| e.into_inner());
    if c.len() > 4096 {
        c.clear();
    }
    c.insert(key, compiled.clone());
    Ok(compiled)
}

/// PCRE's meanings the crate spells differently (see the module doc).
fn rewrite(src: &str, flags: u8) -> String {
    let ungreedy = flags & UNGREEDY != 0;
    let mut out = String::with_capacity(src.len() + 8);
    if ungreedy {
        out.push_str("(?U)");
    }
    let dollar_z = flags & MULTILINE == 0 && flags & DOLLAR_ENDONLY == 0;
    let mut chars = src.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            // \h: horizontal whitespace.
            '\\' if chars.peek() == Some(&'h') && !in_class => {
                chars.next();
                out.push_str("[\\t\\x20\\xa0]");
            }
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // `[]...]` and `[^]...]`: a leading `]` is a member.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push_str("\\]");
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '$' if !in_class && dollar_z => out.push_str("\\Z"),
            _ => out.push(c),
        }
    }
    out
}

/// PCRE's words for an error, where the crate's error has a PCRE
/// counterpart; else the crate's own summary.
fn error_text(e: &fancy_regex::Error) -> String {
    use fancy_regex::{CompileError as C, Error as E, ParseError as P};
    let pcre = match e {
        E::ParseError(_, P::UnclosedOpenParen) => "missing )",
        E::ParseError(_, P::GeneralParseError(m)) if m.contains("end of string not reached") => {
            "unmatched parentheses"
        }
        E::ParseError(_, P::InvalidClass) => "missing terminating ] for character class",
        E::ParseError(_, P::InvalidRepeat | P::TargetNotRepeatable) => "nothing to repeat",
        E::ParseError(_, P::InvalidBackref | P::InvalidGroupNameBackref(_)) => {
            "reference to non-existent subpattern"
        }
        E::ParseError(_, P::TrailingBackslash) => "\\ at end of pattern",
        E::CompileError(c)
            if matches!(**c, C::InvalidBackref(_) | C::InvalidGroupNameBackref(_)) =>
        {
            "reference to non-existent subpattern"
        }
        _ => {
            let s = e.to_string();
            let s = s.lines().next().unwrap_or("invalid pattern");
            return s.split_once(": ").map_or(s, |(_, rest)| rest).to_owned();
        }
    };
    pcre.to_owned()
}

fn error_pos(e: &fancy_regex::Error, len: usize) -> usize {
    match e {
        fancy_regex::Error::ParseError(_, fancy_regex::ParseError::TrailingBackslash) => len,
        fancy_regex::Error::ParseError(pos, _) => *pos,
        _ => len,
    }
}

/// The version `Regex.version/0` gives (stdlib/regex.ex says it too).
pub const VERSION: &str = "beamlet fancy-regex 0.20";

/// A compiled pattern's parts, for a `~r` literal the compiler builds:
/// `(groups, unicode, bin)` of `{:re_pattern, groups, unicode, 0, bin}`, or
/// the error `Regex.CompileError` reports (`"missing ) at position 1"`, or
/// `invalid option "z"`).
pub fn literal_pattern(source: &[u8], modifiers: &str) -> Result<(usize, bool, Vec<u8>), String> {
    let mut flags = 0u8;
    for (i, m) in modifiers.char_indices() {
        flags |= match m {
            'i' => CASELESS,
            'm' => MULTILINE,
            's' => DOTALL,
            'x' => EXTENDED,
            'U' => UNGREEDY,
            'u' => UNICODE,
            'f' => FIRSTLINE,
            _ => return Err(format!("invalid option {:?}", &modifiers[i..])),
        };
    }
    let c = compile(source, flags, 0).map_err(|(msg, pos)| format!("{msg} at position {pos}"))?;
    let mut bin = Vec::with_capacity(source.len() + 6);
    bin.extend_from_slice(MAGIC);
    bin.push(flags);
    bin.push(0);
    bin.extend_from_slice(source);
    Ok((c.groups, flags & UNICODE != 0, bin))
}

/// The pattern a `{:re_pattern, ...}` term names.
pub fn pattern_of(t: Term) -> Option<Arc<Compiled>> {
    let [tag, _, _, _, bin] = t.tuple_elems()? else {
        return None;
    };
    if *tag != atom::intern("re_pattern") {
        return None;
    }
    let b = bin.binary_bytes()?;
    if b.len() < MAGIC.len() + 2 || !b.starts_with(MAGIC) {
        return None;
    }
    let flags = b[MAGIC.len()];
    let extra = b[MAGIC.len() + 1];
    compile(&b[MAGIC.len() + 2..], flags, extra).ok()
}

/// The term for a compiled pattern.
fn pattern_term(ctx: &mut Ctx, c: &Compiled, source: &[u8]) -> Term {
    let mut bin = Vec::with_capacity(source.len() + 6);
    bin.extend_from_slice(MAGIC);
    bin.push(c.flags);
    bin.push(if c.anchored { ANCHORED } else { 0 });
    bin.extend_from_slice(source);
    let bin = ctx.st.heap.binary(&bin);
    let unicode = Term::small(i64::from(c.flags & UNICODE != 0));
    ctx.st.heap.tuple(&[
        atom::intern("re_pattern"),
        Term::small(c.groups as i64),
        unicode,
        Term::small(0),
        bin,
    ])
}

/// Compile options from an option list; other items go to `rest`.
fn compile_flags(opts: &[Term], rest: &mut Vec<Term>) -> Result<(u8, u8), Exn> {
    let (mut flags, mut extra) = (0u8, 0u8);
    for o in opts {
        if o.is_atom() {
            match atom::name(*o) {
                "caseless" => flags |= CASELESS,
                "multiline" => flags |= MULTILINE,
                "dotall" => flags |= DOTALL,
                "extended" => flags |= EXTENDED,
                "ungreedy" => flags |= UNGREEDY,
                "unicode" | "ucp" => flags |= UNICODE,
                "firstline" => flags |= FIRSTLINE,
                "dollar_endonly" => flags |= DOLLAR_ENDONLY,
                "anchored" => extra |= ANCHORED,
                "no_auto_capture" | "export" | "never_utf" | "no_start_optimize"
                | "bsr_anycrlf" | "bsr_unicode" => {}
                _ => rest.push(*o),
            }
        } else if let Some(items) = o.tuple_elems() {
            if items.len() == 2 && items[0] == atom::intern("newline") {
                continue;
            }
            rest.push(*o);
        } else {
            return Err(badarg());
        }
    }
    Ok((flags, extra))
}

/// The bytes of a binary or a charlist (code points, encoded as UTF-8).
fn subject_bytes(t: Term) -> Option<std::borrow::Cow<'static, [u8]>> {
    if let Some(b) = t.binary_bytes() {
        return Some(b.into());
    }
    let mut out = String::new();
    flatten_chars(t, &mut out)?;
    Some(out.into_bytes().into())
}

fn flatten_chars(t: Term, out: &mut String) -> Option<()> {
    if let Some(b) = t.binary_bytes() {
        out.push_str(std::str::from_utf8(b).ok()?);
        return Some(());
    }
    for item in list_to_vec(t)? {
        if let Some(c) = item.as_small() {
            out.push(char::from_u32(u32::try_from(c).ok()?)?);
        } else {
            flatten_chars(item, out)?;
        }
    }
    Some(())
}

/// `:re.compile(source)`, `:re.compile(source, options)`.
pub fn compile1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    compile2(ctx, &[a[0], Term::NIL])
}

pub fn compile2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let source = subject_bytes(a[0]).ok_or_else(badarg)?;
    let opts = list_to_vec(a[1]).ok_or_else(badarg)?;
    let mut rest = Vec::new();
    let (flags, extra) = compile_flags(&opts, &mut rest)?;
    if !rest.is_empty() {
        return Err(badarg());
    }
    match compile(&source, flags, extra) {
        Ok(c) => {
            let p = pattern_term(ctx, &c, &source);
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

/// `:re.inspect(pattern, :namelist)`.
pub fn inspect(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let c = pattern_of(a[0]).ok_or_else(badarg)?;
    if a[1] != atom::intern("namelist") {
        return Err(badarg());
    }
    let names: Vec<Term> = c.names.iter().map(|(n, _)| ctx.st.heap.str(n)).collect();
    let list = ctx.st.heap.list(&names);
    Ok(ctx.st.heap.tuple(&[atom::intern("namelist"), list]))
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

/// `:re.run(subject, pattern)`, `:re.run(subject, pattern, options)`.
pub fn run2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    run3(ctx, &[a[0], a[1], Term::NIL])
}

pub fn run3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let subject = subject_bytes(a[0]).ok_or_else(badarg)?;
    let opts = list_to_vec(a[2]).ok_or_else(badarg)?;
    let mut rest = Vec::new();
    let (flags, extra) = compile_flags(&opts, &mut rest)?;
    let c = match pattern_of(a[1]) {
        Some(c) => c,
        None => {
            let source = subject_bytes(a[1]).ok_or_else(badarg)?;
            compile(&source, flags, extra).map_err(|_| badarg())?
        }
    };
    let mut global = false;
    let mut offset = 0usize;
    let mut spec = Spec::All;
    let mut kind = Kind::Index;
    let mut anchored = c.anchored || extra & ANCHORED != 0;
    let mut notempty = false;
    for o in rest {
        if o.is_atom() {
            match atom::name(o) {
                "global" => global = true,
                "notempty" | "notempty_atstart" => notempty = true,
                "anchored" => anchored = true,
                "notbol" | "noteol" | "report_errors" => {}
                _ => return Err(badarg()),
            }
            continue;
        }
        match o.tuple_elems() {
            Some([k, v]) if atom::name(*k) == "offset" => {
                offset = v
                    .as_small()
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(badarg)?
            }
            Some([k, s]) if atom::name(*k) == "capture" => spec = spec_of(*s)?,
            Some([k, s, t]) if atom::name(*k) == "capture" => {
                spec = spec_of(*s)?;
                kind = match atom::name(*t) {
                    "index" => Kind::Index,
                    "binary" => Kind::Binary,
                    "list" => Kind::List,
                    _ => return Err(badarg()),
                };
            }
            Some([k, _]) if matches!(atom::name(*k), "match_limit" | "match_limit_recursion") => {}
            _ => return Err(badarg()),
        }
    }
    if offset > subject.len() {
        return Err(badarg());
    }
    // `firstline`: the match must start before the first newline.
    let first_nl = if c.flags & FIRSTLINE != 0 {
        subject
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(subject.len())
    } else {
        usize::MAX
    };
    let unicode = c.flags & UNICODE != 0;
    let mut matches: Vec<Vec<Option<(usize, usize)>>> = Vec::new();
    let mut pos = offset;
    let mut last_empty_at: Option<usize> = None;
    loop {
        let found = search(&c.re, &subject, pos, anchored).map_err(|_| badarg())?;
        let Some(groups) = found else { break };
        let (s, e) = groups[0].unwrap_or((pos, pos));
        if s > first_nl {
            break;
        }
        if s == e && (notempty || last_empty_at == Some(s)) {
            // An empty match where one is not wanted (or again where the
            // last one was): try from the next character.
            if s >= subject.len() {
                break;
            }
            pos = next_char(&subject, s, unicode);
            last_empty_at = None;
            if anchored {
                break;
            }
            continue;
        }
        matches.push(groups);
        if !global {
            break;
        }
        if s == e {
            last_empty_at = Some(e);
        } else {
            last_empty_at = None;
        }
        pos = e;
        if pos > subject.len() {
            break;
        }
    }
    if matches.is_empty() {
        return Ok(atom::intern("nomatch"));
    }
    if matches!(spec, Spec::None) {
        return Ok(atom::intern("match"));
    }
    let mut out = Vec::with_capacity(matches.len());
    for m in &matches {
        let picked = pick(&c, &spec, m)?;
        let items: Vec<Term> = picked
            .into_iter()
            .map(|g| capture_term(ctx, &subject, g, kind))
            .collect();
        out.push(ctx.st.heap.list(&items));
    }
    let captured = if global {
        ctx.st.heap.list(&out)
    } else {
        out[0]
    };
    Ok(ctx.st.heap.tuple(&[atom::intern("match"), captured]))
}

fn spec_of(s: Term) -> Result<Spec, Exn> {
    if s.is_atom() && !s.is_nil() {
        return Ok(match atom::name(s) {
            "all" => Spec::All,
            "all_but_first" => Spec::AllButFirst,
            "first" => Spec::First,
            "none" => Spec::None,
            "all_names" => Spec::AllNames,
            _ => return Err(badarg()),
        });
    }
    Ok(Spec::List(list_to_vec(s).ok_or_else(badarg)?))
}

/// One match's groups: the whole match first; `None` for a group that took
/// no part. All groups, so a spec can name any.
type Groups = Vec<Option<(usize, usize)>>;

fn search(re: &Regex, subject: &[u8], pos: usize, anchored: bool) -> Result<Option<Groups>, ()> {
    let mut input = RegexInput::new(subject).from_pos(pos);
    if anchored {
        input = input.anchored(true);
    }
    let Some(caps) = re.captures_input(input).map_err(|_| ())? else {
        return Ok(None);
    };
    Ok(Some(
        (0..caps.len())
            .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
            .collect(),
    ))
}

fn next_char(subject: &[u8], i: usize, unicode: bool) -> usize {
    if !unicode {
        return i + 1;
    }
    let mut j = i + 1;
    while j < subject.len() && subject[j] & 0xC0 == 0x80 {
        j += 1;
    }
    j
}

fn pick(c: &Compiled, spec: &Spec, m: &Groups) -> Result<Groups, Exn> {
    // PCRE reports groups up to the last one that took part.
    let set = m.iter().rposition(|g| g.is_some()).map_or(1, |i| i + 1);
    Ok(match spec {
        Spec::All => m[..set].to_vec(),
        Spec::AllButFirst => m[1..set].to_vec(),
        Spec::First => vec![m[0]],
        Spec::None => vec![],
        Spec::AllNames => c.names.iter().map(|(_, i)| m[*i]).collect(),
        Spec::List(items) => {
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let index = if let Some(n) = it.as_small() {
                    usize::try_from(n).ok()
                } else {
                    let name = if it.is_atom() {
                        Some(atom::name(*it).to_owned())
                    } else {
                        subject_bytes(*it).and_then(|b| String::from_utf8(b.into_owned()).ok())
                    };
                    let name = name.ok_or_else(badarg)?;
                    c.names.iter().find(|(n, _)| *n == name).map(|(_, i)| *i)
                };
                out.push(index.and_then(|i| m.get(i).copied().flatten()));
            }
            out
        }
    })
}

fn capture_term(ctx: &mut Ctx, subject: &[u8], g: Option<(usize, usize)>, kind: Kind) -> Term {
    match (kind, g) {
        (Kind::Index, Some((s, e))) => ctx
            .st
            .heap
            .tuple(&[Term::small(s as i64), Term::small((e - s) as i64)]),
        (Kind::Index, None) => ctx.st.heap.tuple(&[Term::small(-1), Term::small(0)]),
        (Kind::Binary, Some((s, e))) => ctx.st.heap.binary(&subject[s..e]),
        (Kind::Binary, None) => ctx.st.heap.binary(b""),
        (Kind::List, Some((s, e))) => {
            let chars: Vec<Term> = String::from_utf8_lossy(&subject[s..e])
                .chars()
                .map(|c| Term::small(c as i64))
                .collect();
            ctx.st.heap.list(&chars)
        }
        (Kind::List, None) => Term::NIL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollar_matches_before_a_final_newline() {
        let c = compile(b"foo$", 0, 0).unwrap();
        assert!(search(&c.re, b"foo\n", 0, false).unwrap().is_some());
        let c = compile(b"foo$", DOLLAR_ENDONLY, 0).unwrap();
        assert!(search(&c.re, b"foo\n", 0, false).unwrap().is_none());
    }

    #[test]
    fn names_sorted_with_their_groups() {
        let c = compile(b"(?<z>a)(?<b>c)", 0, 0).unwrap();
        assert_eq!(c.names, vec![("b".to_owned(), 2), ("z".to_owned(), 1)]);
        assert_eq!(c.groups, 2);
    }

    #[test]
    fn horizontal_whitespace_outside_classes() {
        let c = compile(b"a\\hb", 0, 0).unwrap();
        assert!(search(&c.re, b"a\tb", 0, false).unwrap().is_some());
        assert!(search(&c.re, b"a\nb", 0, false).unwrap().is_none());
    }

    #[test]
    fn errors_give_a_position() {
        assert!(compile(b"(", 0, 0).is_err());
    }
}
