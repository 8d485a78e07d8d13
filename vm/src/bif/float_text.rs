//! `:erlang.float_to_binary/1,2` (and through it `float_to_list/1,2`):
//! a float's text under OTP's options. A BIF because the digits come from
//! the float's exact decimal expansion, which the language cannot compute.
//!
//! - no options, or `{:scientific, n}`: `n` (default 20) digits after the
//!   point in exponent form, `1.50000000000000000000e+00`, rounded to
//!   nearest with ties to even, as C's `%.*e`;
//! - `{:decimals, n}` (0..253): `n` digits after the point, rounded as OTP
//!   does (`decimal_parts`: below 19 decimals half up on the fraction scaled
//!   in doubles, `0.125` → `"0.13"`), and with `:compact` the trailing zeros
//!   dropped down to one (`"1.0"`);
//! - `:short`: the shortest text that reads back as the same float.
//!
//! The last of `decimals`/`scientific`/`short` wins; a text longer than
//! 255 bytes is refused as a bad option, as on the BEAM.

use super::{BifResult, Ctx};
use crate::atom;
use crate::process::Exn;
use crate::term::Term;

enum Style {
    Scientific(usize),
    Decimals(usize),
    Short,
}

/// The exact decimal digits of `|x|` (no leading zeros, no trailing ones)
/// and the power of ten of the first: `x = 0.d1 d2 ... × 10^(point)`.
fn exact_digits(x: f64) -> (Vec<u8>, i32) {
    if x == 0.0 {
        return (Vec::new(), 1);
    }
    // `|x| = m × 2^e` (m < 2^53) has at most 17 + e·log10(2) significant
    // digits when e ≥ 0 (an integer), 17 + |e|·log10(5) when e < 0 (the
    // digits of m × 5^|e|): formatting with that many is exact, and much
    // cheaper than the 1,100 any double fits in (0.1 needs 55, not 1,100).
    let biased = ((x.abs().to_bits() >> 52) & 0x7ff) as i64;
    let e = if biased == 0 { -1074 } else { biased - 1075 };
    let per_bit = if e >= 0 { 0.302 } else { 0.699 };
    let precision = ((e.unsigned_abs() as f64 * per_bit) as usize + 20).min(1100);
    let s = format!("{:.*e}", precision, x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    while digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, exp + 1)
}

/// Rounds `digits` to its first `keep` digits (which may be none, or more
/// than it has); true `ties_even` rounds a tie to even, else away from
/// zero. Returns the digits (exactly `keep`, padded) and whether a carry
/// added a new leading digit.
fn round(digits: &[u8], keep: usize, ties_even: bool) -> (Vec<u8>, bool) {
    let mut out: Vec<u8> = (0..keep)
        .map(|i| digits.get(i).copied().unwrap_or(0))
        .collect();
    let next = digits.get(keep).copied().unwrap_or(0);
    let rest_nonzero = digits.len() > keep + 1;
    let up = match next {
        0..=4 => false,
        5 if !rest_nonzero && ties_even => out.last().is_some_and(|d| d % 2 == 1),
        _ => true,
    };
    if !up {
        return (out, false);
    }
    for d in out.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return (out, false);
        }
    }
    out.insert(0, 1);
    (out, true)
}

fn digit_text(ds: &[u8]) -> String {
    ds.iter().map(|d| char::from(b'0' + d)).collect()
}

fn scientific(x: f64, n: usize) -> String {
    let (digits, point) = exact_digits(x);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let (ds, exp) = if digits.is_empty() {
        (vec![0; n + 1], 0)
    } else {
        let (mut ds, carry) = round(&digits, n + 1, true);
        if carry {
            ds.pop();
        }
        (ds, point - 1 + i32::from(carry))
    };
    let frac = if n > 0 {
        format!(".{}", digit_text(&ds[1..]))
    } else {
        String::new()
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}{}{frac}e{esign}{:02}", ds[0], exp.abs())
}

/// Powers of ten (exact in doubles) for `decimals` below 19, where OTP scales the
/// fraction in doubles (found by comparing 40,000 random cases with OTP 25).
const POW10: [f64; 19] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18,
];

/// The digits of `|x|` with `n` decimals, before and after the point, as OTP's
/// `{:decimals, n}` computes them (erts' `sys_double_to_chars_fast`): below 19
/// decimals, the integer part exactly and the fraction as `(|x| - trunc(|x|)) * 10^n`
/// in doubles, rounded half up, so `0.20545` gives `0.2055` although its exact value
/// is below the tie, and `2.675` gives `2.67`; from 19 decimals on, C's `%.*f`: the
/// exact value rounded half to even.
fn decimal_parts(x: f64, n: usize) -> (Vec<u8>, Vec<u8>) {
    let a = x.abs();
    if n >= POW10.len() {
        let (digits, point) = exact_digits(a);
        let int_len = point.max(0) as usize;
        let mut all = vec![0; (-point).max(0) as usize];
        all.extend_from_slice(&digits);
        let (ds, carry) = round(&all, int_len + n, true);
        let int_len = int_len + usize::from(carry);
        return (ds[..int_len].to_vec(), ds[int_len..].to_vec());
    }
    let ip = a.trunc();
    let fr = (a - ip) * POW10[n];
    let floor = fr.floor();
    let rounded = if fr - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    };
    let (digits, point) = exact_digits(ip);
    let mut int_part: Vec<u8> = (0..point.max(0) as usize)
        .map(|i| digits.get(i).copied().unwrap_or(0))
        .collect();
    let frac_part = if rounded >= POW10[n] {
        // The fraction rounded up to a whole unit.
        let (bumped, _) = round(&[&int_part[..], &[9]].concat(), int_part.len(), false);
        int_part = bumped;
        vec![0; n]
    } else {
        // Below 10^18: a whole double, exact in a u64.
        let text = format!("{:0width$}", rounded as u64, width = n);
        text.bytes().map(|b| b - b'0').collect()
    };
    (int_part, frac_part)
}

fn decimals(x: f64, n: usize, compact: bool) -> String {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let (int_part, frac_part) = decimal_parts(x, n);
    let int_part = if int_part.is_empty() {
        vec![0]
    } else {
        int_part
    };
    let mut frac = digit_text(&frac_part);
    if compact {
        while frac.len() > 1 && frac.ends_with('0') {
            frac.pop();
        }
    }
    let int_text = digit_text(&int_part);
    let int_text = match int_text.trim_start_matches('0') {
        "" => "0",
        t => t,
    };
    if n == 0 {
        format!("{sign}{int_text}")
    } else {
        format!("{sign}{int_text}.{frac}")
    }
}

fn format(x: f64, opts: Term) -> Result<String, Exn> {
    let bad = || Exn::badarg_at(2, "invalid option in list");
    let mut style = Style::Scientific(20);
    let mut compact = false;
    let mut cur = opts;
    while let Some((h, tl)) = cur.cons_parts() {
        if h == atom::intern("compact") {
            compact = true;
        } else if h == atom::intern("short") {
            style = Style::Short;
        } else {
            match h.tuple_elems() {
                Some([k, v]) if k.is_atom() => match (atom::name(*k), v.as_small()) {
                    ("decimals", Some(n @ 0..=253)) => style = Style::Decimals(n as usize),
                    ("scientific", Some(n @ 0..=249)) => style = Style::Scientific(n as usize),
                    _ => return Err(bad()),
                },
                _ => return Err(bad()),
            }
        }
        cur = tl;
    }
    if !cur.is_nil() {
        return Err(bad());
    }
    let text = match style {
        Style::Short => crate::float_fmt::float_to_string(x),
        Style::Scientific(n) => scientific(x, n),
        Style::Decimals(n) => decimals(x, n, false),
    };
    if text.len() > 255 {
        return Err(bad());
    }
    Ok(match style {
        Style::Decimals(n) if compact => decimals(x, n, true),
        _ => text,
    })
}

/// `:erlang.float_to_binary/1`: the float in exponent form with 20 decimals.
pub fn float_to_binary(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let x = a[0]
        .float_value()
        .ok_or_else(|| Exn::badarg_at(1, "not a float"))?;
    let text = scientific(x, 20);
    Ok(ctx.st.heap.str(&text))
}

/// `:erlang.float_to_binary/2`: the float's text under `:decimals`, `:scientific`, `:compact`, `:short`.
pub fn float_to_binary2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let x = a[0]
        .float_value()
        .ok_or_else(|| Exn::badarg_at(1, "not a float"))?;
    let text = format(x, a[1])?;
    Ok(ctx.st.heap.str(&text))
}
