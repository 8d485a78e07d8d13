//! Float formatting as Elixir 1.14 on OTP 25 prints it: `to_string`/interpolation and `inspect`.
//!
//! Both start from the shortest digit string that reads back as the same float (what
//! `:erlang.float_to_binary(f, [:short])` and `:io_lib_format.fwrite_g/1` compute; Rust's
//! `{:e}` formatting yields the same digits). The layout rule of OTP 25:
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
fn shortest_digits(f: f64) -> (String, i32) {
    let s = format!("{:e}", f.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    (digits, exp)
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
}
