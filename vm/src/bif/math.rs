//! OTP's `:math`: the C library's floating-point functions, which the
//! language cannot compute itself (BIFs because they are the machine's).
//!
//! As on the BEAM, an argument that is not a number is a `badarg` naming it
//! ("not a number"), and a result that is not a finite float (a domain or
//! range error: `log(0)`, `sqrt(-1)`, `exp(1000)`) is `badarith`.

use super::{badarith, BifResult, Ctx};
use crate::process::Exn;
use crate::term::Term;

/// The float value of a number argument; a bignum too large for a float
/// becomes an infinity, which the result check turns into `badarith`.
fn num(t: Term) -> Option<f64> {
    if let Some(v) = t.as_small() {
        return Some(v as f64);
    }
    if let Some(f) = t.float_value() {
        return Some(f);
    }
    crate::order::integer_to_f64(t)
}

fn args1(a: &[Term]) -> Result<f64, Exn> {
    num(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a number"))
}

fn args2(a: &[Term]) -> Result<(f64, f64), Exn> {
    match (num(a[0]), num(a[1])) {
        (Some(x), Some(y)) => Ok((x, y)),
        (None, Some(_)) => Err(Exn::badarg_at(1, "not a number")),
        (Some(_), None) => Err(Exn::badarg_at(2, "not a number")),
        (None, None) => Err(Exn::badarg_lines(&[
            (1, "not a number"),
            (2, "not a number"),
        ])),
    }
}

fn finite(ctx: &mut Ctx, f: f64) -> BifResult {
    if f.is_finite() {
        Ok(ctx.st.heap.float(f))
    } else {
        Err(badarith())
    }
}

macro_rules! unary {
    ($($name:ident => $f:expr;)*) => {
        $(
            #[doc = concat!("`:math.", stringify!($name), "/1`.")]
            pub fn $name(ctx: &mut Ctx, a: &[Term]) -> BifResult {
                let x = args1(a)?;
                let f: fn(f64) -> f64 = $f;
                finite(ctx, f(x))
            }
        )*
    };
}

unary! {
    sin => f64::sin;
    cos => f64::cos;
    tan => f64::tan;
    asin => f64::asin;
    acos => f64::acos;
    atan => f64::atan;
    sinh => f64::sinh;
    cosh => f64::cosh;
    tanh => f64::tanh;
    asinh => f64::asinh;
    acosh => f64::acosh;
    atanh => f64::atanh;
    exp => f64::exp;
    log => f64::ln;
    log2 => f64::log2;
    log10 => f64::log10;
    sqrt => f64::sqrt;
    erf => libm::erf;
    erfc => libm::erfc;
    ceil => f64::ceil;
    floor => f64::floor;
}

/// `:math.atan2/2`.
pub fn atan2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (y, x) = args2(a)?;
    finite(ctx, y.atan2(x))
}

/// `:math.pow/2`.
pub fn pow(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (x, y) = args2(a)?;
    finite(ctx, x.powf(y))
}

/// `:math.fmod/2`: the remainder with the sign of the dividend.
pub fn fmod(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (x, y) = args2(a)?;
    finite(ctx, x % y)
}

/// `:math.pi/0`.
pub fn pi(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(ctx.st.heap.float(std::f64::consts::PI))
}
