//! The native parts of `Integer`, `Float` and `Kernel.**` (stdlib/integer.ex,
//! stdlib/float.ex): exact arithmetic on a float's binary value, which the
//! language has no way to reach without bignum rationals.

use super::{badarg, badarith, BifResult, Ctx};
use crate::atom;
use crate::order::to_bigint;
use crate::term::Term;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// `base ** exponent` (`Kernel.**/2`, `Integer.pow/2` once its guards
/// passed): an integer for integers with a non-negative exponent, else the
/// float power (`:math.pow`); `0 ** -1` and a result out of range raise
/// `ArithmeticError`.
pub fn pow(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if let (Some(x), Some(y)) = (to_bigint(a[0]), to_bigint(a[1])) {
        if !y.is_negative() {
            let y = y.to_usize().ok_or_else(badarith)?;
            // A result past 2^(2^32) bits would exhaust memory long before.
            if x.bits() as u128 * y as u128 > 1 << 32 && x.magnitude() > &One::one() {
                return Err(crate::process::Exn::error(atom::SYSTEM_LIMIT));
            }
            return Ok(ctx.st.heap.bigint(&num_traits::pow(x, y)));
        }
    }
    let (Some(x), Some(y)) = (number(a[0]), number(a[1])) else {
        return Err(badarith());
    };
    let r = x.powf(y);
    if r.is_finite() {
        Ok(ctx.st.heap.float(r))
    } else {
        Err(badarith())
    }
}

fn number(t: Term) -> Option<f64> {
    t.float_value()
        .or_else(|| crate::order::integer_to_f64(t).filter(|f| f.is_finite()))
}

/// `f` as an exact fraction `(numerator, 2^k)` with `k >= 0`.
fn exact(f: f64) -> (BigInt, u32) {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    let sign = if f.is_sign_negative() {
        Sign::Minus
    } else {
        Sign::Plus
    };
    let m = BigInt::from_biguint(sign, mant.into());
    if e >= 0 {
        (m << e as usize, 0)
    } else {
        (m, (-e) as u32)
    }
}

/// `:beamlet.float_round(f, precision, mode)`: `Float.round/2`,
/// `Float.floor/2`, `Float.ceil/2` (mode `:half_up`, `:floor`, `:ceil`) on
/// the float's exact binary value: `Float.round(2.675, 2)` is 2.67 because
/// 2.675 is really 2.67499999.... A zero stays as it is, a non-zero value
/// rounding to zero gives 0.0; precision 0 rounds as `Float.floor/1`,
/// `Float.ceil/1` and `Float.round/1` do.
pub fn float_round(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let f = a[0].float_value().ok_or_else(badarg)?;
    let p = a[1]
        .as_small()
        .filter(|p| (0..=15).contains(p))
        .ok_or_else(badarg)? as u32;
    let mode = if a[2].is_atom() {
        atom::name(a[2])
    } else {
        return Err(badarg());
    };
    if p == 0 {
        let r = match mode {
            "floor" => f.floor(),
            "ceil" => f.ceil(),
            _ => f.round() + 0.0,
        };
        return Ok(ctx.st.heap.float(r));
    }
    if f == 0.0 {
        return Ok(a[0]);
    }
    // |f| * 10^p = num / 2^k: round that to an integer q (up or down as
    // the mode and the sign say); the result is ±q / 10^p.
    let (num, k) = exact(f.abs());
    let scaled = num * BigInt::from(10u32).pow(p);
    let den = BigInt::one() << k as usize;
    let (q, r) = scaled.div_mod_floor(&den);
    let negative = f < 0.0;
    let up = match mode {
        "floor" => negative && !r.is_zero(),
        "ceil" => !negative && !r.is_zero(),
        _ => r * 2 >= den,
    };
    let q = if up { q + 1 } else { q };
    let text = format!("{}{q}e-{p}", if negative { "-" } else { "" });
    let r: f64 = text.parse().map_err(|_| badarg())?;
    Ok(ctx.st.heap.float(r + 0.0))
}

/// `:beamlet.float_ratio(f)`: `Float.ratio/1`, the float as an exact
/// fraction in lowest terms with a positive denominator.
pub fn float_ratio(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let f = a[0].float_value().ok_or_else(badarg)?;
    if f == 0.0 {
        return Ok(ctx.st.heap.tuple(&[Term::small(0), Term::small(1)]));
    }
    let (num, k) = exact(f);
    let den = BigInt::one() << k as usize;
    let g = num.gcd(&den);
    let (n, d) = (num / &g, den / &g);
    let n = ctx.st.heap.bigint(&n);
    let d = ctx.st.heap.bigint(&d);
    Ok(ctx.st.heap.tuple(&[n, d]))
}

/// `round_half_up(|f| * 10^shift)` for a finite `f` (`shift` may be negative).
fn scaled_half_up(f: f64, shift: i32) -> BigInt {
    let (num, k) = exact(f.abs());
    let ten = BigInt::from(10u32);
    let (num, den) = if shift >= 0 {
        (num * ten.pow(shift as u32), BigInt::one() << k as usize)
    } else {
        (
            num,
            (BigInt::one() << k as usize) * ten.pow((-shift) as u32),
        )
    };
    let (q, r) = num.div_mod_floor(&den);
    if r * 2 >= den {
        q + 1
    } else {
        q
    }
}

/// `:beamlet.float_format(f, {kind, digits, compact})`: the deprecated
/// `Float.to_string/2` (`:erlang.float_to_binary/2`): `:decimals` writes
/// `digits` places (`compact` drops trailing zeros), `:scientific` a
/// mantissa with `digits` places and an `e±XX` exponent; both round half
/// up on the float's exact value.
pub fn float_format(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let f = a[0].float_value().ok_or_else(badarg)?;
    let Some(&[kind, digits, compact]) = a[1].tuple_elems() else {
        return Err(badarg());
    };
    let n = digits.as_small().filter(|n| *n >= 0).ok_or_else(badarg)? as usize;
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let text = if atom::name(kind) == "decimals" {
        let q = scaled_half_up(f, n as i32).to_string();
        let q = format!("{q:0>width$}", width = n + 1);
        let (int, frac) = q.split_at(q.len() - n);
        let mut frac = frac.to_string();
        if compact.is_true() {
            while frac.len() > 1 && frac.ends_with('0') {
                frac.pop();
            }
        }
        if n == 0 {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac}")
        }
    } else {
        let mut e = if f == 0.0 {
            0
        } else {
            f.abs().log10().floor() as i32
        };
        let mut q = scaled_half_up(f, n as i32 - e);
        let limit = BigInt::from(10u32).pow(n as u32 + 1);
        if q >= limit {
            e += 1;
            q = scaled_half_up(f, n as i32 - e);
        } else if f != 0.0 && q < limit.clone() / 10u32 {
            e -= 1;
            q = scaled_half_up(f, n as i32 - e);
        }
        let q = q.to_string();
        let (int, frac) = q.split_at(1);
        let es = if e < 0 { '-' } else { '+' };
        let point = if n == 0 { "" } else { "." };
        format!("{sign}{int}{point}{frac}e{es}{:02}", e.abs())
    };
    Ok(ctx.st.heap.str(&text))
}
