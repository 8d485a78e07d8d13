//! Float formatting as Elixir 1.14 on OTP 25 prints it: `to_string`/interpolation and `inspect`.
//!
//! Both start from the shortest digit string that reads back as the same float (what
//! `:erlang.float_to_binary(f, [:short])` and `:io_lib_format.fwrite_g/1` compute; Rust's
//! `{:e}` formatting yields the same digits, but for an exact tie between two candidates,
//! which OTP breaks as Ryu's steps do: `shortest_digits`). The layout rule of OTP 25:
//!
//! * at or above `2^53` in magnitude: always exponent form (`9.007199254740992e15`);
//! * otherwise the shorter of the decimal form (`1250.0`, `0.0012`) and the exponent form
//!   (`1.25e4`, `1.23e-4`); on a tie the decimal form wins (`100.0`, `0.0001`).
//!
//! `inspect` additionally writes whole floats with `1 <= |f| < 1e16` as integer digits plus
//! `.0` (`1000.0`, `1000000000000000.0`).

/// The shortest round-trip digits of `|f|` (no leading or trailing zeros, at least one digit)
/// and the decimal exponent of the first digit: `f = 0.d1d2d3... * 10^(exp + 1)`.
/// `f` must be finite and non-zero.
///
/// Rust's formatter and OTP's Ryu agree but when the exact value lies halfway between two
/// shortest candidates (`1.0e15 + 0.3` is exactly `1000000000000000.25`: OTP prints
/// `...0.2`, Rust `...0.3`); such a tie needs an exact value of one digit more than the
/// candidates, ending in 5, which `short_exact` finds cheaply, and then Ryu's own steps
/// decide (`ryu_shortest`).
fn shortest_digits(f: f64) -> (String, i32) {
    let a = f.abs();
    let (digits, exp) = sci_digits(&format!("{:e}", a));
    if let Some((exact, _)) = short_exact(a) {
        if exact.len() == digits.len() + 1 && exact.ends_with('5') {
            if let Some(ryu) = ryu_shortest(a) {
                return ryu;
            }
        }
    }
    (digits, exp)
}

/// The digits (trailing zeros dropped) and exponent of a `{:e}`-formatted number.
fn sci_digits(s: &str) -> (String, i32) {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    (digits, exp)
}

/// The exact decimal digits of `a > 0` (trailing zeros dropped) and the exponent of the
/// first one, when they are at most 18 (`a = m * 2^e` with `m` odd is `m * 5^-e / 10^-e`
/// for `e < 0`), else `None`.
fn short_exact(a: f64) -> Option<(String, i32)> {
    const LIMIT: u128 = 1_000_000_000_000_000_000;
    let bits = a.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let mut m = bits & ((1u64 << 52) - 1);
    let mut e = if exp_bits == 0 {
        -1074
    } else {
        m |= 1 << 52;
        exp_bits - 1075
    };
    if m == 0 {
        return None;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    if e >= 0 {
        // m < 2^53, so a shift up to 60 fits a u128.
        let v = (e <= 60).then(|| u128::from(m) << e)?;
        (v < LIMIT).then(|| sci_digits(&format!("{v:e}")))
    } else {
        let k = (-e) as u32;
        let v = (k <= 27)
            .then(|| u128::from(m).checked_mul(5u128.pow(k)))
            .flatten()?;
        if v >= LIMIT {
            return None;
        }
        let (d, x) = sci_digits(&format!("{v:e}"));
        Some((d, x - k as i32))
    }
}

/// The shortest digits of `a > 0` as Ryu computes them (Ulf Adams' `d2s.c`, which OTP's
/// `float_to_binary(f, [:short])` runs), step by step with exact integers: the interval of
/// decimals that read back as `a`, the digits removed while it allows, and the rounding
/// of the last one, which breaks a tie towards the even digit only when Ryu knows the
/// removed digits were exactly `50...0` (`vr_trailing_zeros`), and otherwise up.
/// `None` only for values it is not meant for (zero, infinities, NaN).
fn ryu_shortest(a: f64) -> Option<(String, i32)> {
    use num_bigint::BigUint;
    if !a.is_finite() || a <= 0.0 {
        return None;
    }
    let bits = a.to_bits();
    let ieee_mantissa = bits & ((1u64 << 52) - 1);
    let ieee_exponent = ((bits >> 52) & 0x7ff) as i32;
    let (e2, m2) = if ieee_exponent == 0 {
        (1 - 1023 - 52 - 2, ieee_mantissa)
    } else {
        (ieee_exponent - 1023 - 52 - 2, (1u64 << 52) | ieee_mantissa)
    };
    let accept_bounds = m2.is_multiple_of(2);
    let mv = 4 * m2;
    let mm_shift = u64::from(ieee_mantissa != 0 || ieee_exponent <= 1);
    // floor(x * 2^e2 / 10^e10), exactly.
    let scale = |x: u64, e10: i32| -> Option<u64> {
        let mut num = BigUint::from(x);
        let mut den = BigUint::from(1u32);
        if e2 >= 0 {
            num <<= e2 as u32;
        } else {
            den <<= (-e2) as u32;
        }
        if e10 >= 0 {
            den *= BigUint::from(10u32).pow(e10 as u32);
        } else {
            num *= BigUint::from(10u32).pow((-e10) as u32);
        }
        u64::try_from(num / den).ok()
    };
    let mut vr_trailing_zeros = false;
    let mut vm_trailing_zeros = false;
    let e10: i32;
    let (mut vr, mut vp, mut vm);
    if e2 >= 0 {
        // log10(2^e2), less one above 2^3.
        let q = ((e2 as u64 * 78913) >> 18) as i32 - i32::from(e2 > 3);
        e10 = q;
        vr = scale(mv, e10)?;
        vp = scale(mv + 2, e10)?;
        vm = scale(mv - 1 - mm_shift, e10)?;
        if q <= 21 {
            let multiple_of_5q = |v: u64| v.is_multiple_of(5u64.pow(q as u32));
            if mv.is_multiple_of(5) {
                vr_trailing_zeros = multiple_of_5q(mv);
            } else if accept_bounds {
                vm_trailing_zeros = multiple_of_5q(mv - 1 - mm_shift);
            } else {
                vp -= u64::from(multiple_of_5q(mv + 2));
            }
        }
    } else {
        // log10(5^-e2), less one above 5^1.
        let q = (((-e2) as u64 * 732923) >> 20) as i32 - i32::from(-e2 > 1);
        e10 = q + e2;
        vr = scale(mv, e10)?;
        vp = scale(mv + 2, e10)?;
        vm = scale(mv - 1 - mm_shift, e10)?;
        if q <= 1 {
            vr_trailing_zeros = true;
            if accept_bounds {
                vm_trailing_zeros = mm_shift == 1;
            } else {
                vp -= 1;
            }
        } else if q < 63 {
            vr_trailing_zeros = mv & ((1u64 << q) - 1) == 0;
        }
    }
    let mut removed = 0;
    let mut last_removed = 0;
    while vp / 10 > vm / 10 {
        vm_trailing_zeros &= vm % 10 == 0;
        vr_trailing_zeros &= last_removed == 0;
        last_removed = vr % 10;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed += 1;
    }
    if vm_trailing_zeros {
        while vm % 10 == 0 {
            vr_trailing_zeros &= last_removed == 0;
            last_removed = vr % 10;
            vr /= 10;
            vm /= 10;
            removed += 1;
        }
    }
    if vr_trailing_zeros && last_removed == 5 && vr % 2 == 0 {
        // Exactly ...50...0: round to even.
        last_removed = 4;
    }
    let outside = vr == vm && (!accept_bounds || !vm_trailing_zeros);
    let output = vr + u64::from(outside || last_removed >= 5);
    let (digits, x) = sci_digits(&format!("{output:e}"));
    Some((digits, x + e10 + removed))
}

/// Exponent form from shortest digits: `1.25e4`, `1.0e-5`.
fn exponent_form(digits: &str, exp: i32) -> String {
    let (first, rest) = digits.split_at(1);
    let rest = if rest.is_empty() { "0" } else { rest };
    format!("{first}.{rest}e{exp}")
}

/// Decimal form from shortest digits: `1250.0`, `0.0012`, `123.456`.
fn decimal_form(digits: &str, exp: i32) -> String {
    // `place` is the number of digits before the decimal point (may be <= 0).
    let place = exp + 1;
    let len = digits.len() as i32;
    if place <= 0 {
        let mut s = String::from("0.");
        for _ in 0..(-place) {
            s.push('0');
        }
        s.push_str(digits);
        s
    } else if place < len {
        let (int, frac) = digits.split_at(place as usize);
        format!("{int}.{frac}")
    } else {
        let mut s = String::from(digits);
        for _ in 0..(place - len) {
            s.push('0');
        }
        s.push_str(".0");
        s
    }
}

/// What `to_string(f)` and `"#{f}"` print (`:erlang.float_to_binary(f, [:short])`).
pub fn float_to_string(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0.0");
    }
    let (digits, exp) = shortest_digits(f);
    let exponent = exponent_form(&digits, exp);
    // 2^53: from there on OTP always uses the exponent form.
    if f.abs() >= 9_007_199_254_740_992.0 {
        return format!("{sign}{exponent}");
    }
    let decimal = decimal_form(&digits, exp);
    if exponent.len() < decimal.len() {
        format!("{sign}{exponent}")
    } else {
        format!("{sign}{decimal}")
    }
}

/// What `inspect(f)` prints (`Inspect.Float`).
pub fn float_inspect(f: f64) -> String {
    let abs = f.abs();
    if (1.0..1.0e16).contains(&abs) && f.trunc() == f {
        // Exact: every float below 1e16 fits an i64.
        format!("{}.0", f as i64)
    } else {
        float_to_string(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        assert_eq!(float_to_string(1000.0), "1.0e3");
        assert_eq!(float_to_string(100.0), "100.0");
        assert_eq!(float_to_string(0.0001), "0.0001");
        assert_eq!(float_to_string(1.0e-5), "1.0e-5");
        assert_eq!(float_to_string(-0.0), "-0.0");
        assert_eq!(float_inspect(1000.0), "1000.0");
        assert_eq!(float_inspect(1.0e16), "1.0e16");
        assert_eq!(float_inspect(-1.0e15), "-1000000000000000.0");
    }

    // The literals are the exact values on purpose: they are the ties.
    #[allow(clippy::excessive_precision, clippy::unreadable_literal)]
    #[test]
    fn exact_ties_as_ryu_breaks_them() {
        // Values OTP 25 prints this way (Rust's own formatter rounds these up).
        assert_eq!(float_inspect(1.0e15 + 0.3), "1000000000000000.2");
        assert_eq!(float_inspect(184826735319827.625), "184826735319827.62");
        assert_eq!(float_inspect(1728458690489984.25), "1728458690489984.2");
        assert_eq!(
            float_to_string(2.9802322387695312e-8),
            "2.9802322387695312e-8"
        );
        // A tie Ryu rounds up: the candidate below is outside its interval (2^-24).
        assert_eq!(
            float_to_string(5.9604644775390625e-8),
            "5.960464477539063e-8"
        );
        // Not a tie: the upper digit is even, or the value is not exactly halfway.
        assert_eq!(float_inspect(1.0e15 + 0.75), "1000000000000000.8");
        assert_eq!(
            float_to_string(1.7881393432617188e-7),
            "1.7881393432617188e-7"
        );
        assert_eq!(float_inspect(0.3), "0.3");
        assert_eq!(float_to_string(5.0e-324), "5.0e-324");
    }

    #[allow(clippy::excessive_precision)]
    #[test]
    fn ryu_agrees_with_rust_away_from_ties() {
        for &f in &[
            0.1,
            1.5,
            123.456,
            1.0e300,
            5.0e-324,
            2.2250738585072014e-308,
            9007199254740993.0,
            1.0e23,
        ] {
            let (d, e) = sci_digits(&format!("{:e}", f));
            assert_eq!(ryu_shortest(f), Some((d, e)), "{f}");
        }
    }
}
