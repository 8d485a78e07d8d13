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
        Err(CharsError::Argument(msg)) => {
            // Elixir's String.Chars.List calls List.to_string/1, which raises.
            let mut e = argument_error(ctx, &msg);
            e.trace = vec![crate::process::TraceEntry {
                module: crate::frames::atom_of("Elixir.List"),
                name: crate::frames::atom_of("to_string"),
                arity: 1,
                file: crate::frames::atom_of("lib/list.ex"),
                line: 1084,
                args: None,
            }];
            Err(e)
        }
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
    let mut exn = Exn::error(e);
    exn.trace = chars_frames(protocol, description.is_empty());
    exn
}

/// The frames of Elixir's protocol functions that raised: for String.Chars
/// and List.Chars, `impl_for!/1` under the protocol's function (no
/// implementation), or a bitstring's implementation (Enumerable's come
/// from the library's own functions).
fn chars_frames(protocol: &str, undefined: bool) -> Vec<crate::process::TraceEntry> {
    use crate::frames::atom_of;
    let frame = |module: &'static str, name: &'static str, file: &'static str, line: u32| {
        crate::process::TraceEntry {
            module: atom_of(module),
            name: atom_of(name),
            arity: 1,
            file: atom_of(file),
            line,
            args: None,
        }
    };
    const STRING: &str = "Elixir.String.Chars";
    const STRING_FILE: &str = "lib/string/chars.ex";
    const LIST: &str = "Elixir.List.Chars";
    const LIST_FILE: &str = "lib/list/chars.ex";
    match (protocol, undefined) {
        ("String.Chars", true) => vec![
            frame(STRING, "impl_for!", STRING_FILE, 3),
            frame(STRING, "to_string", STRING_FILE, 22),
        ],
        ("String.Chars", false) => vec![frame(
            "Elixir.String.Chars.BitString",
            "to_string",
            STRING_FILE,
            41,
        )],
        ("List.Chars", true) => vec![
            frame(LIST, "impl_for!", LIST_FILE, 1),
            frame(LIST, "to_charlist", LIST_FILE, 17),
        ],
        _ => Vec::new(),
    }
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
        (Some(x), Some(y)) => {
            if super::binary::too_large((x.len() as u64 + y.len() as u64) * 8) {
                return Err(Exn::error(atom::SYSTEM_LIMIT));
            }
            Ok(append(ctx, a[0], x, y))
        }
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
        return Err(Exn::badarg_at(1, "not an atom"));
    }
    Ok(ctx.st.heap.str(atom::name(a[0])))
}
pub fn binary_to_atom(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    atom_of_binary(ctx, a, false)
}

/// `:erlang.binary_to_existing_atom/1,2` (`String.to_existing_atom/1`).
pub fn binary_to_existing_atom(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    atom_of_binary(ctx, a, true)
}

/// The atom a binary names, with OTP's errors argument by argument; a
/// `latin1` binary's bytes are its characters.
fn atom_of_binary(ctx: &mut Ctx, a: &[Term], existing: bool) -> BifResult {
    let Some(bytes) = a[0].binary_bytes() else {
        return Err(Exn::badarg_at(1, "not a binary"));
    };
    let latin1 = atom::intern("latin1");
    if a.len() == 2 && ![latin1, atom::intern("utf8"), atom::intern("unicode")].contains(&a[1]) {
        return Err(Exn::badarg_at(
            2,
            "not one of the atoms: latin1, utf8, or unicode",
        ));
    }
    let flag = Term::bool(existing);
    if a.len() == 2 && a[1] == latin1 && !bytes.is_ascii() {
        let text: String = bytes.iter().map(|&b| b as char).collect();
        let bin = ctx.st.heap.str(&text);
        return string_to_atom(ctx, &[bin, flag]);
    }
    string_to_atom(ctx, &[a[0], flag])
}
/// `:erlang.integer_to_binary/1` (`Integer.to_string/1`).
pub fn integer_to_binary(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    integer_to_binary2(ctx, &[a[0], Term::small(10)])
}

/// `:erlang.integer_to_binary/2` (`Integer.to_string/2`): upper-case
/// digits, OTP's errors argument by argument.
pub fn integer_to_binary2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (b, base) = (to_bigint(a[0]), base_of(a[1]));
    match (b, base) {
        (Some(b), Some(base)) => Ok(ctx.st.heap.str(&b.to_str_radix(base).to_uppercase())),
        (b, base) => {
            let mut lines = Vec::new();
            if b.is_none() {
                lines.push((1, "not an integer"));
            }
            if base.is_none() {
                lines.push((2, "not an integer in the range 2 through 36"));
            }
            Err(Exn::badarg_lines(&lines))
        }
    }
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

/// `:erlang.list_to_binary/1`: `iolist_to_binary/1` with OTP's word for a bad argument.
pub fn list_to_binary(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let out = iodata_to_bytes(a[0]).ok_or_else(|| Exn::badarg_at(1, "not an iolist term"))?;
    Ok(ctx.st.heap.binary(&out))
}

pub fn iolist_to_binary(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let out = chardata_to_bytes(a[0])?;
    Ok(ctx.st.heap.binary(&out))
}
/// `List.to_string/1`: chardata (strings, code points, nested lists) to a
/// UTF-8 binary, with Elixir's errors: `UnicodeConversionError` for a bad
/// code point or bytes that are not UTF-8 (a character may be split
/// between two strings), `ArgumentError` for anything else in the list.
pub fn list_to_string(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut out = Vec::new();
    // Bytes of a character the last string ended in the middle of.
    let mut pending: Vec<u8> = Vec::new();
    let mut stack = vec![a[0]];
    // Elixir's error holds what was converted before the bad part (`encoded`).
    let unicode_error = |ctx: &mut Ctx, out: &[u8], msg: String| {
        let encoded = ctx.st.heap.binary(out);
        unicode_error(ctx, encoded, &msg)
    };
    while let Some(t) = stack.pop() {
        if let Some(b) = t.binary_bytes() {
            let bytes = [pending.as_slice(), b].concat();
            pending.clear();
            match std::str::from_utf8(&bytes) {
                Ok(_) => out.extend_from_slice(&bytes),
                Err(e) => {
                    let at = e.valid_up_to();
                    out.extend_from_slice(&bytes[..at]);
                    if e.error_len().is_some() {
                        let rest = ctx.st.heap.binary(&bytes[at..]);
                        let shown = inspect_term(ctx, rest);
                        return Err(unicode_error(
                            ctx,
                            &out,
                            format!("invalid encoding starting at {shown}"),
                        ));
                    }
                    pending.extend_from_slice(&bytes[at..]);
                }
            }
        } else if let Some(c) = t.as_small().filter(|_| pending.is_empty()) {
            match u32::try_from(c).ok().and_then(char::from_u32) {
                Some(ch) => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                None => return Err(unicode_error(ctx, &out, format!("invalid code point {c}"))),
            }
        } else if let Some((h, tl)) = t.cons_parts() {
            stack.push(tl);
            stack.push(h);
        } else if t.is_nil() {
        } else if t.is_integer() && !pending.is_empty() {
            let rest = ctx.st.heap.binary(&pending);
            let shown = inspect_term(ctx, rest);
            return Err(unicode_error(
                ctx,
                &out,
                format!("invalid encoding starting at {shown}"),
            ));
        } else {
            let shown = inspect_term(ctx, a[0]);
            let msg = format!(
                "cannot convert the given list to a string.\n\n\
                 To be converted to a string, a list must either be empty or only\n\
                 contain the following elements:\n\n  \
                 * strings\n  \
                 * integers representing Unicode code points\n  \
                 * a list containing one of these three elements\n\n\
                 Please check the given list or call inspect/1 to get the list representation, got:\n\n{shown}\n"
            );
            return Err(argument_error(ctx, &msg));
        }
    }
    if !pending.is_empty() {
        let rest = ctx.st.heap.binary(&pending);
        let shown = inspect_term(ctx, rest);
        return Err(unicode_error(
            ctx,
            &out,
            format!("incomplete encoding starting at {shown}"),
        ));
    }
    Ok(ctx.st.heap.binary(&out))
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

// ---- String: the Unicode primitives under stdlib/string.ex ----
//
// Each works on the bytes of a binary, valid UTF-8 or not (see
// `crate::unicode`), and answers with views of its argument where it can.
// The module's public functions, their guards and errors are in the
// language; these are what would be slow there.

/// A part of the binary `s` (`bytes[start..end]`), as a view of it.
fn part_of(ctx: &mut Ctx, s: Term, start: usize, end: usize) -> Term {
    ctx.st
        .heap
        .sub_binary(s, start as u64 * 8, (end - start) as u64 * 8)
}

/// The parts `ranges` of `s` as a list.
fn parts_list(ctx: &mut Ctx, s: Term, ranges: &[(usize, usize)]) -> Term {
    let ts: Vec<Term> = ranges.iter().map(|&(a, b)| part_of(ctx, s, a, b)).collect();
    ctx.st.heap.list(&ts)
}

/// `:beamlet.string_graphemes(s)`: `String.graphemes/1`.
pub fn string_graphemes(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let mut ranges = Vec::new();
    crate::unicode::graphemes(b, |s, e| {
        ranges.push((s, e));
        true
    });
    Ok(parts_list(ctx, a[0], &ranges))
}

/// `:beamlet.string_codepoints(s)`: `String.codepoints/1`.
pub fn string_codepoints(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let mut ranges = Vec::new();
    crate::unicode::codepoints(b, |s, e| ranges.push((s, e)));
    Ok(parts_list(ctx, a[0], &ranges))
}

/// `:beamlet.string_length(s)`: the number of graphemes.
pub fn string_length(_: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    Ok(Term::small(crate::unicode::grapheme_count(b) as i64))
}

/// `:beamlet.string_next_grapheme_size(s)`: the byte size of the first
/// grapheme (0 for `""`).
pub fn string_next_grapheme_size(_: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    Ok(Term::small(crate::unicode::first_grapheme_size(b) as i64))
}

/// `:beamlet.string_slice(s, start, count)`: `count` graphemes from the
/// `start`th (both non-negative), as a view of `s`.
pub fn string_slice(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let start = a[1].as_small().filter(|n| *n >= 0).ok_or_else(badarg)?;
    let count = a[2].as_small().filter(|n| *n >= 0).ok_or_else(badarg)?;
    let (start, count) = (start as usize, count as usize);
    if count == 0 {
        return Ok(ctx.st.heap.binary(&[]));
    }
    if b.is_ascii() && !b.contains(&b'\r') {
        let from = start.min(b.len());
        let to = start.saturating_add(count).min(b.len());
        return Ok(part_of(ctx, a[0], from, to));
    }
    let (mut i, mut from, mut to) = (0, b.len(), b.len());
    crate::unicode::graphemes(b, |s, e| {
        if i == start {
            from = s;
        }
        i += 1;
        if i == start + count {
            to = e;
            return false;
        }
        true
    });
    Ok(part_of(ctx, a[0], from, to.max(from)))
}

/// `:beamlet.string_reverse(s)`: the graphemes in reverse order.
pub fn string_reverse(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let mut out = Vec::with_capacity(b.len());
    if b.is_ascii() && !b.contains(&b'\r') {
        out.extend(b.iter().rev());
    } else {
        // As Elixir: the runs between bytes that are not UTF-8 are each
        // reversed, in place; those bytes stay where they are.
        let mut run: Vec<(usize, usize)> = Vec::new();
        let flush = |run: &mut Vec<(usize, usize)>, out: &mut Vec<u8>| {
            for &(s, e) in run.iter().rev() {
                out.extend_from_slice(&b[s..e]);
            }
            run.clear();
        };
        crate::unicode::graphemes(b, |s, e| {
            if e - s == 1 && b[s] >= 0x80 {
                flush(&mut run, &mut out);
                out.push(b[s]);
            } else {
                run.push((s, e));
            }
            true
        });
        flush(&mut run, &mut out);
    }
    Ok(ctx.st.heap.binary(&out))
}

/// `:beamlet.string_case(s, op, mode)`: `String.upcase/2`, `downcase/2` or
/// `capitalize/2` (op `:upcase`, `:downcase`, `:capitalize`), mode
/// `:default`, `:ascii`, `:greek` or `:turkic`.
pub fn string_case(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    use crate::unicode::Mode;
    let b = bytes_of(a[0])?;
    if !a[2].is_atom() || !a[1].is_atom() {
        return Err(badarg());
    }
    let mode = match atom::name(a[2]) {
        "default" => Mode::Default,
        "ascii" => Mode::Ascii,
        "greek" => Mode::Greek,
        "turkic" => Mode::Turkic,
        _ => return Err(badarg()),
    };
    let out = match atom::name(a[1]) {
        "upcase" => crate::unicode::upcase(b, mode),
        "downcase" => crate::unicode::downcase(b, mode),
        "capitalize" => crate::unicode::capitalize(b, mode),
        _ => return Err(badarg()),
    };
    if out == b {
        return Ok(a[0]);
    }
    Ok(ctx.st.heap.binary(&out))
}

/// `:beamlet.string_normalize(s, form)`: `String.normalize/2`.
pub fn string_normalize(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    use crate::unicode::Form;
    let b = bytes_of(a[0])?;
    if !a[1].is_atom() {
        return Err(badarg());
    }
    let form = match atom::name(a[1]) {
        "nfd" => Form::Nfd,
        "nfc" => Form::Nfc,
        "nfkd" => Form::Nfkd,
        "nfkc" => Form::Nfkc,
        _ => return Err(badarg()),
    };
    if b.is_ascii() {
        return Ok(a[0]);
    }
    let out = crate::unicode::normalize(b, form);
    Ok(ctx.st.heap.binary(&out))
}

/// `:beamlet.string_split_ws(s)`: `String.split/1`, the words between
/// whitespace.
pub fn string_split_ws(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let ranges = crate::unicode::split_words(b);
    Ok(parts_list(ctx, a[0], &ranges))
}

/// `:beamlet.string_trim_ws(s, side)`: `s` without the whitespace at its
/// `:leading` or `:trailing` end, or `:both`.
pub fn string_trim_ws(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let (lead, trail) = match atom::name(a[1]) {
        "leading" => (true, false),
        "trailing" => (false, true),
        _ => (true, true),
    };
    let start = if lead {
        crate::unicode::trim_leading(b)
    } else {
        0
    };
    let end = if trail {
        start + crate::unicode::trim_trailing(&b[start..])
    } else {
        b.len()
    };
    Ok(part_of(ctx, a[0], start, end))
}

/// The patterns of a `:beamlet.string_split/replace` call: a list of
/// non-empty binaries.
fn pattern_list(t: Term) -> Result<Vec<&'static [u8]>, Exn> {
    let bad = || Exn::badarg_at(2, "not a valid pattern");
    let ps: Vec<&'static [u8]> = list_to_vec(t)
        .ok_or_else(bad)?
        .into_iter()
        .map(|p| p.binary_bytes().filter(|b| !b.is_empty()).ok_or_else(bad))
        .collect::<Result<_, _>>()?;
    Ok(ps)
}

/// `:beamlet.string_split(s, patterns, parts, trim)`: `String.split/3` with
/// non-empty binary patterns (the longest of those matching at the leftmost
/// place wins), at most `parts` parts (0: no limit), empty parts dropped
/// (and not counted) when `trim`.
pub fn string_split(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let ps = pattern_list(a[1])?;
    let parts = a[2].as_small().filter(|n| *n >= 0).ok_or_else(badarg)? as usize;
    let trim = a[3].is_true();
    let mut ranges = Vec::new();
    let mut at = 0;
    if parts != 1 && !ps.is_empty() {
        let found = super::binary_module::search(b, &ps, true).ok_or_else(badarg)?;
        for (pos, len) in found {
            if !(trim && pos == at) {
                ranges.push((at, pos));
            }
            at = pos + len;
            if parts != 0 && ranges.len() + 1 == parts {
                break;
            }
        }
    }
    if !(trim && at == b.len()) {
        ranges.push((at, b.len()));
    }
    Ok(parts_list(ctx, a[0], &ranges))
}

/// `:beamlet.string_replace(s, patterns, replacement, global)`:
/// `String.replace/4` with non-empty binary patterns and a binary
/// replacement, every match or the first.
pub fn string_replace(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = bytes_of(a[0])?;
    let ps = pattern_list(a[1])?;
    let r = bytes_of(a[2])?;
    if ps.is_empty() {
        return Ok(a[0]);
    }
    let found = super::binary_module::search(s, &ps, a[3].is_true()).ok_or_else(badarg)?;
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
    Ok(ctx.st.heap.binary(&out))
}

/// `:beamlet.string_to_charlist(s)`: the code points of `s`, or
/// `{:invalid | :incomplete, rest}` at the first bad UTF-8 sequence
/// (incomplete: a valid sequence's start cut off by the end).
pub fn string_to_charlist(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    match std::str::from_utf8(b) {
        Ok(s) => {
            let cs: Vec<Term> = s.chars().map(|c| Term::small(c as i64)).collect();
            Ok(ctx.st.heap.list(&cs))
        }
        Err(e) => {
            let at = e.valid_up_to();
            let kind = if e.error_len().is_none() {
                "incomplete"
            } else {
                "invalid"
            };
            let rest = part_of(ctx, a[0], at, b.len());
            let kind = atom::intern(kind);
            Ok(ctx.st.heap.tuple(&[kind, rest]))
        }
    }
}

/// `:beamlet.string_valid(s)`: whether `s` is valid UTF-8.
pub fn string_valid(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(
        a[0].binary_bytes()
            .is_some_and(|b| std::str::from_utf8(b).is_ok()),
    ))
}

/// The value of digit `c` in `base`, if it is one.
fn digit(c: u8, base: u32) -> Option<u32> {
    (c as char).to_digit(base)
}

/// `[+-]digits` at the start of `b` in `base`: the number and the bytes
/// it took, if there is a digit.
fn parse_int_prefix(b: &[u8], base: u32) -> Option<(num_bigint::BigInt, usize)> {
    let sign = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let n = b[sign..]
        .iter()
        .take_while(|&&c| digit(c, base).is_some())
        .count();
    if n == 0 {
        return None;
    }
    let v = num_bigint::BigInt::parse_bytes(&b[sign..sign + n], base)?;
    Some((if b[0] == b'-' { -v } else { v }, sign + n))
}

/// The base argument of `String.to_integer/2`, `Integer.parse/2`.
fn base_of(t: Term) -> Option<u32> {
    t.as_small()
        .filter(|b| (2..=36).contains(b))
        .map(|b| b as u32)
}

/// `:beamlet.string_to_integer(s, base)`: the integer `s` writes in
/// `base` (`String.to_integer/2`, `:erlang.binary_to_integer/2`), with
/// OTP's errors.
/// `:erlang.binary_to_integer/1`: base 10. A built-in so that its error's
/// frame is the BEAM's (`String.to_integer/1` compiles to it, as in Elixir).
pub fn binary_to_integer(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    string_to_integer(ctx, &[a[0], Term::small(10)])
}

pub fn string_to_integer(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (bytes, base) = (a[0].binary_bytes(), base_of(a[1]));
    let mut lines = Vec::new();
    if bytes.is_none() {
        lines.push((1, "not a binary"));
    }
    if base.is_none() {
        lines.push((2, "not an integer in the range 2 through 36"));
    }
    if let (Some(b), Some(base)) = (bytes, base) {
        match parse_int_prefix(b, base) {
            Some((v, n)) if n == b.len() => return Ok(ctx.st.heap.bigint(&v)),
            _ => lines.push((1, "not a textual representation of an integer")),
        }
    }
    Err(Exn::badarg_lines(&lines))
}

/// `:beamlet.integer_parse(s, base)`: `Integer.parse/2` once its
/// arguments are checked: `{integer, rest}` or `:error`.
pub fn integer_parse(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let base = base_of(a[1]).ok_or_else(badarg)?;
    match parse_int_prefix(b, base) {
        Some((v, n)) => {
            let v = ctx.st.heap.bigint(&v);
            let rest = part_of(ctx, a[0], n, b.len());
            Ok(ctx.st.heap.tuple(&[v, rest]))
        }
        None => Ok(atom::ERROR),
    }
}

/// `:beamlet.string_to_float(s)`: `String.to_float/1`
/// (`:erlang.binary_to_float/1`): `[+-]digits.digits([eE][+-]digits)?`.
pub fn string_to_float(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let Some(b) = a[0].binary_bytes() else {
        return Err(Exn::badarg_at(1, "not a binary"));
    };
    let bad = || Exn::badarg_at(1, "not a textual representation of a float");
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let n = digits(i);
    // OTP 25's `binary_to_float` takes a comma for the decimal point too:
    // `String.to_float("2,5")` is 2.5.
    if n == 0 || !matches!(b.get(i + n), Some(b'.' | b',')) {
        return Err(bad());
    }
    let point = i + n;
    i += n + 1;
    let n = digits(i);
    if n == 0 {
        return Err(bad());
    }
    i += n;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let n = digits(i);
        if n == 0 {
            return Err(bad());
        }
        i += n;
    }
    if i != b.len() {
        return Err(bad());
    }
    let mut text = std::str::from_utf8(b).map_err(|_| bad())?.to_owned();
    text.replace_range(point..point + 1, ".");
    match text.parse::<f64>() {
        Ok(f) if f.is_finite() => Ok(ctx.st.heap.float(f)),
        _ => Err(bad()),
    }
}

/// `:beamlet.float_parse(s)`: `Float.parse/1` once `s` is known to be a
/// binary: `{float, rest}` or `:error` (no digits, or out of range).
pub fn float_parse(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let n = digits(i);
    if n == 0 {
        return Ok(atom::ERROR);
    }
    i += n;
    if b.get(i) == Some(&b'.') && digits(i + 1) > 0 {
        i += 1 + digits(i + 1);
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'-' | b'+')) {
            j += 1;
        }
        if digits(j) > 0 {
            i = j + digits(j);
        }
    }
    let text = std::str::from_utf8(&b[..i]).map_err(|_| badarg())?;
    match text.parse::<f64>() {
        Ok(f) if f.is_finite() => {
            let f = ctx.st.heap.float(f);
            let rest = part_of(ctx, a[0], i, b.len());
            Ok(ctx.st.heap.tuple(&[f, rest]))
        }
        _ => Ok(atom::ERROR),
    }
}

/// `:beamlet.string_duplicate(s, n)`: `n` copies of `s` (`:binary.copy/2`
/// with `String.duplicate/2`'s errors left to the caller).
pub fn string_duplicate(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let n = a[1].as_small().filter(|n| *n >= 0).ok_or_else(badarg)?;
    let total = b.len().saturating_mul(n as usize);
    if total > 1 << 32 || super::binary::too_large((total as u64).saturating_mul(8)) {
        return Err(Exn::error(atom::SYSTEM_LIMIT));
    }
    Ok(ctx.st.heap.binary(&b.repeat(n as usize)))
}

/// `:beamlet.split_whitespace(s)`: `String.split/1` for a `~w` sigil with
/// interpolation (the compiler calls it directly).
pub fn split_whitespace(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    string_split_ws(ctx, a)
}

/// `List.to_integer/1`.
pub fn list_to_integer(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    // A flat proper list of characters, as `:erlang.list_to_integer/1` takes: anything
    // else in it is not a textual integer; not a (proper) list is not a list.
    let not_a_list = || Exn::badarg_at(1, "not a list");
    if !a[0].is_list() {
        return Err(not_a_list());
    }
    let mut text = String::new();
    let mut bad = false;
    let mut t = a[0];
    while let Some((h, tl)) = t.cons_parts() {
        match h
            .as_small()
            .and_then(|c| u32::try_from(c).ok())
            .and_then(char::from_u32)
        {
            Some(c) => text.push(c),
            None => bad = true,
        }
        t = tl;
    }
    if !t.is_nil() {
        return Err(not_a_list());
    }
    if bad {
        return Err(Exn::badarg_at(
            1,
            "not a textual representation of an integer",
        ));
    }
    let b = ctx.st.heap.str(&text);
    string_to_integer(ctx, &[b, Term::small(10)])
}

/// `:beamlet.string_to_atom(s, existing)`: `String.to_atom/1` (or
/// `to_existing_atom/1` when `existing`), with OTP's errors: bad UTF-8,
/// more than 255 characters (`SystemLimitError`), no such atom.
pub fn string_to_atom(_: &mut Ctx, a: &[Term]) -> BifResult {
    let Some(b) = a[0].binary_bytes() else {
        return Err(Exn::badarg_at(1, "not a binary"));
    };
    let s = std::str::from_utf8(b).map_err(|_| Exn::badarg_at(1, "invalid UTF8 encoding"))?;
    if s.len() > 255 && s.chars().count() > 255 {
        return Err(Exn::error(atom::SYSTEM_LIMIT));
    }
    if a[1].is_true() {
        atom::existing(s).ok_or_else(|| Exn::badarg_at(1, "not an already existing atom"))
    } else {
        atom::try_intern(s).ok_or_else(|| Exn::error(atom::SYSTEM_LIMIT))
    }
}

/// `:beamlet.string_pad(s, count, padding, leading)`: `s` padded to
/// `count` graphemes at its start (`leading`) or end with the elements of
/// the list `padding` in turn (each counting as one grapheme); `s` itself
/// when long enough, `{:bad, element}` for an element used that is not a
/// binary.
pub fn string_pad(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let count = a[1].as_small().filter(|n| *n >= 0).ok_or_else(badarg)? as usize;
    let padding = list_to_vec(a[2])
        .filter(|p| !p.is_empty())
        .ok_or_else(badarg)?;
    let len = crate::unicode::grapheme_count(b);
    if len >= count {
        return Ok(a[0]);
    }
    let mut fill = Vec::new();
    for &p in padding.iter().cycle().take(count - len) {
        match p.binary_bytes() {
            Some(pb) => fill.extend_from_slice(pb),
            None => {
                let bad = atom::intern("bad");
                return Ok(ctx.st.heap.tuple(&[bad, p]));
            }
        }
    }
    let out = if a[3].is_true() {
        [fill.as_slice(), b].concat()
    } else {
        [b, fill.as_slice()].concat()
    };
    Ok(ctx.st.heap.binary(&out))
}

/// `:beamlet.string_trim_str(s, to_trim, side)`: `s` without the copies of
/// the non-empty `to_trim` at its `:leading` or `:trailing` end.
pub fn string_trim_str(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = bytes_of(a[0])?;
    let t = bytes_of(a[1])?;
    if t.is_empty() {
        return Err(badarg());
    }
    let (mut start, mut end) = (0, b.len());
    if atom::name(a[2]) == "leading" {
        while b[start..].starts_with(t) {
            start += t.len();
        }
    } else {
        while b[..end].ends_with(t) {
            end -= t.len();
        }
    }
    Ok(part_of(ctx, a[0], start, end))
}
