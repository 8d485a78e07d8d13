//! Strings (UTF-8 binaries), charlists, `to_string` and string interpolation.

use super::{argument_error, badarg, inspect_term, list_to_vec, BifResult, Ctx};
use crate::atom;
use crate::convert::to_value;
use crate::order::to_bigint;
use crate::process::Exn;
use crate::string_chars::CharsError;
use crate::term::{Kind, Term};

fn bytes_of(t: Term) -> Result<&'static [u8], Exn> {
    t.binary_bytes().ok_or_else(badarg)
}

fn str_of(t: Term) -> Result<&'static str, Exn> {
    std::str::from_utf8(bytes_of(t)?).map_err(|_| badarg())
}

/// String.Chars for one term, appended to `out`.
pub fn chars_into(ctx: &mut Ctx, t: Term, out: &mut Vec<u8>) -> Result<(), Exn> {
    if let Some(b) = t.binary_bytes() {
        out.extend_from_slice(b);
        return Ok(());
    }
    if let Some(v) = t.as_small() {
        out.extend_from_slice(v.to_string().as_bytes());
        return Ok(());
    }
    if t.is_atom() {
        if t != atom::NIL {
            out.extend_from_slice(atom::name(t).as_bytes());
        }
        return Ok(());
    }
    if t.is_bitstring() {
        return Err(bitstring_error(ctx, "String.Chars", t, "string"));
    }
    // Tuples, maps, pids...: a struct's implementation, or a user's
    // `defimpl String.Chars, for: Tuple`, else none.
    if !converts_natively(t) {
        return match user_impl(ctx, atom::STRING_CHARS, t)? {
            Some(m) => {
                let s = crate::nested::call_mfa(ctx, m, atom::intern("to_string"), &[t])?;
                match s.binary_bytes() {
                    Some(b) => {
                        out.extend_from_slice(b);
                        Ok(())
                    }
                    None => Err(super::badarg()),
                }
            }
            None => Err(protocol_error(ctx, "String.Chars", t)),
        };
    }
    match crate::string_chars::to_chars_checked(&to_value(ctx.code, t), &Default::default()) {
        Ok(b) => {
            out.extend_from_slice(&b);
            Ok(())
        }
        Err(CharsError::ProtocolUndefined(_)) => Err(protocol_error(ctx, "String.Chars", t)),
        Err(CharsError::Argument(msg)) => Err(argument_error(ctx, &msg)),
        Err(CharsError::UnicodeConversion(msg, encoded)) => {
            let encoded = ctx.st.heap.binary(&encoded);
            Err(unicode_error(ctx, encoded, &msg))
        }
    }
}

/// Whether built-in code converts `t` itself (String.Chars and List.Chars
/// of atoms, numbers, bitstrings and lists): what only a protocol
/// implementation converts is anything else.
fn converts_natively(t: Term) -> bool {
    matches!(
        t.kind(),
        Kind::Int | Kind::BigInt | Kind::Float | Kind::Atom | Kind::Binary | Kind::Nil | Kind::Cons
    )
}

/// The implementation of `protocol` for a term built-in code does not
/// convert itself (a struct's own or derived one, a `defimpl ..., for:
/// Tuple`), if there is one.
fn user_impl(ctx: &mut Ctx, protocol: Term, t: Term) -> Result<Option<Term>, Exn> {
    let found = super::protocol::protocol_impl(ctx, &[protocol, t, atom::FALSE])?;
    Ok(Some(found).filter(|m| *m != atom::NIL))
}

/// `UnicodeConversionError` with its `encoded` (what was converted before the
/// error) and message.
fn unicode_error(ctx: &mut Ctx, encoded: Term, msg: &str) -> Exn {
    let m = ctx.st.heap.str(msg);
    let e = super::map::build_map(
        &mut ctx.st.heap,
        vec![
            (atom::STRUCT, atom::intern("Elixir.UnicodeConversionError")),
            (atom::EXCEPTION, atom::TRUE),
            (atom::intern("encoded"), encoded),
            (atom::MESSAGE, m),
        ],
    );
    Exn::error(e)
}

/// `protocol` (String.Chars or List.Chars) is not implemented for a
/// bitstring that is not a binary: Elixir's error, with its description.
fn bitstring_error(ctx: &mut Ctx, protocol: &str, t: Term, to: &str) -> Exn {
    let description = format!("cannot convert a bitstring to a {to}");
    protocol_error_with(ctx, protocol, t, &description)
}

/// `Protocol.UndefinedError` for `protocol` and `value`.
pub fn protocol_error(ctx: &mut Ctx, protocol: &str, value: Term) -> Exn {
    protocol_error_with(ctx, protocol, value, "")
}

/// `%Protocol.UndefinedError{protocol:, value:, description:}`, exactly
/// Elixir's fields (its message is made from them: `Exception.message/1`).
fn protocol_error_with(ctx: &mut Ctx, protocol: &str, value: Term, description: &str) -> Exn {
    let p = atom::intern(&format!("Elixir.{protocol}"));
    let d = ctx.st.heap.str(description);
    let e = super::exception::make_exception(
        ctx,
        "Elixir.Protocol.UndefinedError",
        &[
            (atom::PROTOCOL, p),
            (atom::VALUE, value),
            (atom::DESCRIPTION, d),
        ],
    );
    Exn::error(e)
}

/// `"#{a}#{b}..."`: the argument is a list of parts.
pub fn interp(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let parts = list_to_vec(a[0]).ok_or_else(badarg)?;
    let mut out = Vec::new();
    for p in parts {
        chars_into(ctx, p, &mut out)?;
    }
    Ok(ctx.st.heap.binary(&out))
}

pub fn to_string(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_binary() {
        return Ok(a[0]);
    }
    let mut out = Vec::new();
    chars_into(ctx, a[0], &mut out)?;
    Ok(ctx.st.heap.binary(&out))
}

/// `a <> b`
pub fn concat(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    match (a[0].binary_bytes(), a[1].binary_bytes()) {
        (Some(x), Some(y)) => Ok(append(ctx, a[0], x, y)),
        _ => {
            // As the construction `<<a::binary, b::binary>>` Elixir makes.
            let (segment, bad) = if a[0].is_binary() {
                (2, a[1])
            } else {
                (1, a[0])
            };
            let shown = inspect_term(ctx, bad);
            let what = if bad.is_bitstring() {
                format!(
                    "the size of the value {shown} is not a multiple of the unit for the segment"
                )
            } else {
                format!("expected a binary but got: {shown}")
            };
            let msg = format!(
                "construction of binary failed: segment {segment} of type 'binary': {what}"
            );
            Err(argument_error(ctx, &msg))
        }
    }
}

/// Binaries at least this long (in bytes) grow into a GROW_BIN with room
/// to spare when appended to (heap.rs), so a loop of appends is linear.
const GROW_AT: usize = 64;

/// `x <> y`, where `x` is the binary `left`'s bytes: in `left`'s spare room
/// when it has some, else a new binary (with spare room when long).
pub fn append(ctx: &mut Ctx, left: Term, x: &[u8], y: &[u8]) -> Term {
    if y.is_empty() {
        return left;
    }
    if let Some(t) = ctx.st.heap.append_in_place(left, y) {
        return t;
    }
    let total = x.len() + y.len();
    let mut v = Vec::with_capacity(total);
    v.extend_from_slice(x);
    v.extend_from_slice(y);
    if total >= GROW_AT {
        ctx.st.heap.grow_bin(&v, 2 * total)
    } else {
        ctx.st.heap.binary(&v)
    }
}

/// `Kernel.to_charlist/1`: lists as they are, atoms, numbers and strings
/// natively, anything else through its `List.Chars` implementation.
pub fn to_charlist(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = a[0];
    if t.is_list() {
        return Ok(t);
    }
    if t.is_bitstring() && !t.is_binary() {
        return Err(bitstring_error(ctx, "List.Chars", t, "charlist"));
    }
    if !converts_natively(t) {
        let protocol = atom::intern("Elixir.List.Chars");
        return match user_impl(ctx, protocol, t)? {
            Some(m) => crate::nested::call_mfa(ctx, m, atom::intern("to_charlist"), &[t]),
            None => Err(protocol_error(ctx, "List.Chars", t)),
        };
    }
    let s = to_string(ctx, a)?;
    binary_to_list(ctx, &[s])
}

pub fn atom_to_binary(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return Err(badarg());
    }
    Ok(ctx.st.heap.str(atom::name(a[0])))
}
pub fn binary_to_atom(_: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?;
    atom::try_intern(s).ok_or_else(badarg)
}
pub fn integer_to_binary(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = to_bigint(a[0]).ok_or_else(badarg)?;
    Ok(ctx.st.heap.str(&b.to_string()))
}
pub fn integer_to_binary2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = to_bigint(a[0]).ok_or_else(badarg)?;
    let base = a[1]
        .as_small()
        .filter(|b| (2..=36).contains(b))
        .ok_or_else(badarg)?;
    Ok(ctx.st.heap.str(&b.to_str_radix(base as u32).to_uppercase()))
}
pub fn float_to_string(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let f = a[0].float_value().ok_or_else(badarg)?;
    Ok(ctx.st.heap.str(&crate::float_fmt::float_to_string(f)))
}
/// `:erlang.binary_part/3` (`binary_part/3`, `:binary.part/3`): the `len`
/// bytes from `pos` (a negative `len` counts back from `pos`) of a
/// bitstring's whole bytes, as a view of it (heap.rs, `sub_binary`). Errors
/// as OTP 25's: see [`part`].
pub fn binary_part(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    part(ctx, a[0], a[1], a[2], false)
}

/// `:erlang.binary_part/2` (`:binary.part/2`): the part `{pos, len}`.
pub fn binary_part2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    match a[1].tuple_elems() {
        Some(&[pos, len]) if pos.is_integer() && len.is_integer() => {
            part(ctx, a[0], pos, len, true)
        }
        _ => {
            let mut lines = Vec::new();
            if !a[0].is_bitstring() {
                lines.push((1, "not a binary"));
            }
            lines.push((2, "not a valid {Pos,Length} tuple"));
            Err(Exn::badarg_lines(&lines))
        }
    }
}

/// An integer argument clamped to `i128` (a bignum is far out of any range).
fn clamped(t: Term) -> Option<i128> {
    if let Some(v) = t.as_small() {
        return Some(v as i128);
    }
    let b = to_bigint(t)?;
    Some(if b.sign() == num_bigint::Sign::Minus {
        -(1 << 100)
    } else {
        1 << 100
    })
}

/// A part of `subject`, with the BEAM's error info when it is not one: the
/// subject not a bitstring, `pos` not an integer or negative, `len` not an
/// integer; then, when all are right, `pos` past the end or the part
/// sticking out (the 2nd argument for `{pos, len}`, which says nothing of a
/// `pos` past the end).
fn part(ctx: &mut Ctx, subject: Term, pos: Term, len: Term, tuple: bool) -> BifResult {
    let size = subject.bit_size().map(|b| (b / 8) as i128);
    let (p, l) = (clamped(pos), clamped(len));
    if let (Some(size), Some(p), Some(l)) = (size, p, l) {
        let (s, e) = if l >= 0 { (p, p + l) } else { (p + l, p) };
        if p >= 0 && p <= size && s >= 0 && e <= size {
            return Ok(ctx
                .st
                .heap
                .sub_binary(subject, s as u64 * 8, (e - s) as u64 * 8));
        }
    }
    let mut lines = Vec::new();
    if size.is_none() {
        lines.push((1, "not a binary"));
    }
    match p {
        None => lines.push((2, "not an integer")),
        Some(p) if p < 0 => lines.push((2, "out of range")),
        _ => {}
    }
    if l.is_none() {
        lines.push((3, "not an integer"));
    }
    if let (true, Some(size), Some(p)) = (lines.is_empty(), size, p) {
        if p > size {
            if !tuple {
                lines.push((2, "out of range"));
            }
        } else {
            lines.push((if tuple { 2 } else { 3 }, "out of range"));
        }
    }
    Err(Exn::badarg_lines(&lines))
}

/// Appends iodata / chardata (`[binary | integer codepoint | nested list]`).
fn chardata_into(t: Term, out: &mut Vec<u8>) -> Result<(), Exn> {
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        if let Some(b) = t.binary_bytes() {
            out.extend_from_slice(b);
        } else if let Some(c) = t.as_small() {
            let ch = u32::try_from(c)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(badarg)?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        } else if let Some((h, tl)) = t.cons_parts() {
            stack.push(tl);
            stack.push(h);
        } else if !t.is_nil() {
            return Err(badarg());
        }
    }
    Ok(())
}

pub fn chardata_to_bytes(t: Term) -> Result<Vec<u8>, Exn> {
    let mut out = Vec::new();
    chardata_into(t, &mut out)?;
    Ok(out)
}

/// The bytes of iodata: binaries and bytes (0..=255) in nested lists.
pub fn iodata_to_bytes(t: Term) -> Option<Vec<u8>> {
    if let Some(b) = t.binary_bytes() {
        return Some(b.to_vec());
    }
    if !t.is_list() {
        return None;
    }
    let mut out = Vec::new();
    // (term, whether it is a list's tail: there a byte is not allowed).
    let mut stack = vec![(t, true)];
    while let Some((t, tail)) = stack.pop() {
        if let Some(b) = t.binary_bytes() {
            out.extend_from_slice(b);
        } else if let (Some(c), false) = (t.as_small(), tail) {
            out.push(u8::try_from(c).ok()?);
        } else if let Some((h, tl)) = t.cons_parts() {
            stack.push((tl, true));
            stack.push((h, false));
        } else if !t.is_nil() {
            return None;
        }
    }
    Some(out)
}

/// `:erlang.iolist_to_binary/1`, `IO.iodata_to_binary/1`.
pub fn iodata_to_binary(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let out = iodata_to_bytes(a[0]).ok_or_else(|| Exn::badarg_at(1, "not an iodata term"))?;
    Ok(ctx.st.heap.binary(&out))
}

pub fn iolist_to_binary(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let out = chardata_to_bytes(a[0])?;
    Ok(ctx.st.heap.binary(&out))
}
pub fn list_to_string(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    iolist_to_binary(ctx, a)
}
pub fn list_to_integer(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = iolist_to_binary(ctx, a)?;
    to_integer(ctx, &[b])
}
/// `:erlang.binary_to_list/1`: the bytes, not the characters.
pub fn binary_to_bytes(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let cs: Vec<Term> = b.iter().map(|&c| Term::small(c as i64)).collect();
    Ok(ctx.st.heap.list(&cs))
}
pub fn binary_to_list(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?;
    let cs: Vec<Term> = s.chars().map(|c| Term::small(c as i64)).collect();
    Ok(ctx.st.heap.list(&cs))
}

fn new_str(ctx: &mut Ctx, s: &str) -> BifResult {
    Ok(ctx.st.heap.str(s))
}

pub fn length(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::small(graphemes_of(str_of(a[0])?).len() as i64))
}
pub fn upcase(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?.to_uppercase();
    new_str(ctx, &s)
}
pub fn downcase(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?.to_lowercase();
    new_str(ctx, &s)
}
pub fn capitalize(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?;
    let mut cs = s.chars();
    let out = match cs.next() {
        Some(c) => c.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
        None => String::new(),
    };
    new_str(ctx, &out)
}
fn str_list(ctx: &mut Ctx, parts: Vec<&str>) -> BifResult {
    let ts: Vec<Term> = parts.into_iter().map(|p| ctx.st.heap.str(p)).collect();
    Ok(ctx.st.heap.list(&ts))
}
pub fn split1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?;
    str_list(ctx, s.split_whitespace().collect())
}
pub fn split2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    split3(ctx, &[a[0], a[1], Term::NIL])
}
/// Whether `t` is a `%Regex{}`: `String`'s functions that take a pattern
/// hand those to `Regex` (written in the language).
fn is_regex(t: Term) -> bool {
    t.is_map()
        && super::map::map_find(t, atom::intern("__struct__")) == Some(atom::intern("Elixir.Regex"))
}

fn regex_call(ctx: &mut Ctx, name: &str, args: &[Term]) -> BifResult {
    crate::nested::call_mfa(ctx, atom::intern("Elixir.Regex"), atom::intern(name), args)
}

pub fn split3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if is_regex(a[1]) && a[0].is_binary() {
        return regex_call(ctx, "split", &[a[1], a[0], a[2]]);
    }
    let s = str_of(a[0])?;
    let seps: Vec<&str> = if a[1].is_binary() {
        vec![str_of(a[1])?]
    } else {
        list_to_vec(a[1])
            .ok_or_else(badarg)?
            .into_iter()
            .map(str_of)
            .collect::<Result<_, _>>()?
    };
    let opts = list_to_vec(a[2]).unwrap_or_default();
    let mut trim = false;
    let mut parts_limit: Option<usize> = None;
    for o in opts {
        if let Some([k, v]) = o.tuple_elems() {
            match atom::name(*k) {
                "trim" => trim = v.is_true(),
                "parts" => parts_limit = v.as_small().map(|n| n as usize),
                _ => {}
            }
        }
    }
    let mut out: Vec<&str> = Vec::new();
    if seps.iter().all(|p| p.is_empty()) {
        // Split into graphemes.
        out.push("");
        for g in graphemes_of(s) {
            out.push(g);
        }
        out.push("");
    } else {
        let mut rest = s;
        loop {
            if parts_limit.is_some_and(|n| out.len() + 1 >= n) {
                out.push(rest);
                break;
            }
            let found = seps
                .iter()
                .filter(|p| !p.is_empty())
                .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
                .min();
            match found {
                Some((i, l)) => {
                    out.push(&rest[..i]);
                    rest = &rest[i + l..];
                }
                None => {
                    out.push(rest);
                    break;
                }
            }
        }
    }
    if trim {
        out.retain(|p| !p.is_empty());
    }
    str_list(ctx, out)
}

/// Grapheme clusters, approximated: a base character followed by combining marks.
fn graphemes_of(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let combining = matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D | 0xFE0F);
        let crlf = c == '\n' && i > 0 && s.as_bytes()[i - 1] == b'\r';
        if !(combining || crlf) {
            if let Some(st) = start {
                out.push(&s[st..i]);
            }
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

pub fn reverse(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s: String = graphemes_of(str_of(a[0])?).into_iter().rev().collect();
    new_str(ctx, &s)
}
pub fn graphemes(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?;
    str_list(ctx, graphemes_of(s))
}
pub fn to_integer(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    to_integer2(ctx, &[a[0], Term::small(10)])
}
pub fn to_integer2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?;
    let base = a[1]
        .as_small()
        .filter(|b| (2..=36).contains(b))
        .ok_or_else(badarg)?;
    let digits = s.strip_prefix('+').unwrap_or(s);
    match num_bigint::BigInt::parse_bytes(digits.as_bytes(), base as u32) {
        Some(b) if !digits.is_empty() && !digits.starts_with(['+']) => Ok(ctx.st.heap.bigint(&b)),
        _ => Err(badarg()),
    }
}
/// The length of a leading `[+-]digits` run, if there are digits.
fn int_prefix(b: &[u8]) -> Option<usize> {
    let sign = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let digits = b[sign..].iter().take_while(|c| c.is_ascii_digit()).count();
    (digits > 0).then_some(sign + digits)
}

pub fn integer_parse(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?;
    let Some(i) = int_prefix(s.as_bytes()) else {
        return Ok(atom::ERROR);
    };
    let n: num_bigint::BigInt = s[..i]
        .trim_start_matches('+')
        .parse()
        .map_err(|_| badarg())?;
    let n = ctx.st.heap.bigint(&n);
    let rest = ctx.st.heap.str(&s[i..]);
    Ok(ctx.st.heap.tuple(&[n, rest]))
}
pub fn to_float(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?;
    let ok = s.contains('.') && !s.ends_with('.') && !s.starts_with('.');
    match s.parse::<f64>() {
        Ok(f) if ok && f.is_finite() => Ok(ctx.st.heap.float(f)),
        _ => Err(badarg()),
    }
}
pub fn float_parse(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?;
    let b = s.as_bytes();
    let Some(mut i) = int_prefix(b) else {
        return Ok(atom::ERROR);
    };
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'-' || b[j] == b'+') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    let f: f64 = s[..i].parse().map_err(|_| badarg())?;
    let f = ctx.st.heap.float(f);
    let rest = ctx.st.heap.str(&s[i..]);
    Ok(ctx.st.heap.tuple(&[f, rest]))
}
pub fn duplicate(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let n = a[1].as_small().filter(|n| *n >= 0).ok_or_else(badarg)?;
    if b.len().saturating_mul(n as usize) > 1 << 32 {
        return Err(badarg());
    }
    let v = b.repeat(n as usize);
    Ok(ctx.st.heap.binary(&v))
}
pub fn trim(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?.trim().to_owned();
    new_str(ctx, &s)
}
pub fn trim_leading(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?.trim_start().to_owned();
    new_str(ctx, &s)
}
pub fn trim_trailing(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = str_of(a[0])?.trim_end().to_owned();
    new_str(ctx, &s)
}
fn patterns(t: Term) -> Result<Vec<&'static [u8]>, Exn> {
    if t.is_binary() {
        return Ok(vec![bytes_of(t)?]);
    }
    list_to_vec(t)
        .ok_or_else(badarg)?
        .into_iter()
        .map(bytes_of)
        .collect()
}
pub fn contains(_: &mut Ctx, a: &[Term]) -> BifResult {
    let s = bytes_of(a[0])?;
    let ps = patterns(a[1])?;
    Ok(Term::bool(ps.iter().any(|p| {
        p.is_empty() || s.windows(p.len()).any(|w| w == *p)
    })))
}
pub fn starts_with(_: &mut Ctx, a: &[Term]) -> BifResult {
    let s = bytes_of(a[0])?;
    Ok(Term::bool(patterns(a[1])?.iter().any(|p| s.starts_with(p))))
}
pub fn ends_with(_: &mut Ctx, a: &[Term]) -> BifResult {
    let s = bytes_of(a[0])?;
    Ok(Term::bool(patterns(a[1])?.iter().any(|p| s.ends_with(p))))
}
pub fn replace(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if is_regex(a[1]) && a[0].is_binary() {
        return regex_call(ctx, "replace", &[a[1], a[0], a[2]]);
    }
    if let (Some(s), Some(r)) = (a[0].binary_bytes(), a[2].binary_bytes()) {
        // A pattern of bytes (a binary or a list of them) is replaced as
        // bytes, as `:binary.replace/4` does, whatever the encoding.
        let patterns = match super::list_to_vec(a[1]) {
            Some(list) => list.iter().map(|p| p.binary_bytes()).collect(),
            None => a[1].binary_bytes().map(|p| vec![p]),
        };
        if let Some(ps) = patterns.filter(|ps| !ps.is_empty() && ps.iter().all(|p| !p.is_empty())) {
            let found = super::binary_module::search(s, &ps, true).ok_or_else(badarg)?;
            if found.is_empty() {
                return Ok(a[0]);
            }
            let mut out = Vec::with_capacity(s.len());
            let mut at = 0;
            for (pos, len) in found {
                out.extend_from_slice(&s[at..pos]);
                out.extend_from_slice(r);
                at = pos + len;
            }
            out.extend_from_slice(&s[at..]);
            return Ok(ctx.st.heap.binary(&out));
        }
    }
    let s = str_of(a[0])?;
    let p = str_of(a[1])?;
    let r = str_of(a[2])?;
    let out = if p.is_empty() {
        let mut o = String::from(r);
        for g in graphemes_of(s) {
            o.push_str(g);
            o.push_str(r);
        }
        o
    } else {
        s.replace(p, r)
    };
    new_str(ctx, &out)
}
pub fn slice3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let gs = graphemes_of(str_of(a[0])?);
    let start = a[1].as_small().ok_or_else(badarg)?;
    let len = a[2].as_small().filter(|l| *l >= 0).ok_or_else(badarg)?;
    let n = gs.len() as i64;
    let start = if start < 0 { (n + start).max(0) } else { start };
    if start >= n {
        return new_str(ctx, "");
    }
    let end = (start + len).min(n);
    let s: String = gs[start as usize..end as usize].concat();
    new_str(ctx, &s)
}
/// `String.slice(s, first..last)`.
pub fn slice2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let first = super::map::map_find(a[1], atom::FIRST)
        .and_then(|t| t.as_small())
        .ok_or_else(badarg)?;
    let last = super::map::map_find(a[1], atom::LAST)
        .and_then(|t| t.as_small())
        .ok_or_else(badarg)?;
    let n = graphemes_of(str_of(a[0])?).len() as i64;
    let f = if first < 0 { (n + first).max(0) } else { first };
    let l = if last < 0 { n + last } else { last };
    let len = (l - f + 1).max(0);
    slice3(ctx, &[a[0], Term::small(f), Term::small(len)])
}
pub fn at(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let gs = graphemes_of(str_of(a[0])?);
    let i = a[1].as_small().ok_or_else(badarg)?;
    let i = if i < 0 { gs.len() as i64 + i } else { i };
    match gs.get(i.max(0) as usize) {
        Some(g) if i >= 0 => {
            let g = g.to_string();
            new_str(ctx, &g)
        }
        _ => Ok(atom::NIL),
    }
}
pub fn first(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    at(ctx, &[a[0], Term::small(0)])
}
pub fn last(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    at(ctx, &[a[0], Term::small(-1)])
}
fn pad(ctx: &mut Ctx, a: &[Term], leading: bool) -> BifResult {
    let s = str_of(a[0])?;
    let n = a[1].as_small().filter(|n| *n >= 0).ok_or_else(badarg)? as usize;
    let p = str_of(a[2])?;
    let len = graphemes_of(s).len();
    if len >= n || p.is_empty() {
        return Ok(a[0]);
    }
    let fill: String = p.chars().cycle().take(n - len).collect();
    let out = if leading {
        fill + s
    } else {
        s.to_owned() + &fill
    };
    new_str(ctx, &out)
}
pub fn pad_leading(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    pad(ctx, a, true)
}
pub fn pad_trailing(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    pad(ctx, a, false)
}
pub fn pad_leading2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let sp = ctx.st.heap.str(" ");
    pad(ctx, &[a[0], a[1], sp], true)
}
pub fn pad_trailing2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let sp = ctx.st.heap.str(" ");
    pad(ctx, &[a[0], a[1], sp], false)
}
pub fn valid(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(
        a[0].binary_bytes()
            .is_some_and(|b| std::str::from_utf8(b).is_ok()),
    ))
}
