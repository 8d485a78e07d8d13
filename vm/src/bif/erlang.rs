//! Arithmetic, comparison, type tests, lists and tuples (the `erlang` module's BIFs).

use super::{argument_error, badarg, badarith, list_to_vec, BifResult, Ctx};
use crate::atom;
use crate::heap::Heap;
use crate::order::{self, to_bigint};
use crate::process::{Class, Exn};
use crate::term::{Kind, Term};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

#[derive(Clone, Copy)]
enum Arith {
    Add,
    Sub,
    Mul,
}

fn num_f64(t: Term) -> Option<f64> {
    if let Some(v) = t.as_small() {
        return Some(v as f64);
    }
    if let Some(f) = t.float_value() {
        return Some(f);
    }
    crate::order::integer_to_f64(t).filter(|f| f.is_finite())
}

fn float_result(h: &mut Heap, f: f64) -> BifResult {
    if f.is_finite() {
        Ok(h.float(f))
    } else {
        Err(badarith())
    }
}

fn arith(h: &mut Heap, a: Term, b: Term, op: Arith) -> BifResult {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        let r = match op {
            Arith::Add => x.checked_add(y),
            Arith::Sub => x.checked_sub(y),
            Arith::Mul => x.checked_mul(y),
        };
        if let Some(r) = r {
            return Ok(h.int(r));
        }
    }
    if !a.is_number() || !b.is_number() {
        return Err(badarith());
    }
    if a.is_float() || b.is_float() {
        let (x, y) = (
            num_f64(a).ok_or_else(badarith)?,
            num_f64(b).ok_or_else(badarith)?,
        );
        let r = match op {
            Arith::Add => x + y,
            Arith::Sub => x - y,
            Arith::Mul => x * y,
        };
        return float_result(h, r);
    }
    let (x, y) = (
        to_bigint(a).ok_or_else(badarith)?,
        to_bigint(b).ok_or_else(badarith)?,
    );
    let r = match op {
        Arith::Add => x + y,
        Arith::Sub => x - y,
        Arith::Mul => x * y,
    };
    Ok(h.bigint(&r))
}

pub fn add_terms(h: &mut Heap, a: Term, b: Term) -> BifResult {
    arith(h, a, b, Arith::Add)
}
pub fn sub_terms(h: &mut Heap, a: Term, b: Term) -> BifResult {
    arith(h, a, b, Arith::Sub)
}
pub fn mul_terms(h: &mut Heap, a: Term, b: Term) -> BifResult {
    arith(h, a, b, Arith::Mul)
}

pub fn add(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    arith(&mut ctx.st.heap, a[0], a[1], Arith::Add)
}
pub fn sub(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    arith(&mut ctx.st.heap, a[0], a[1], Arith::Sub)
}
pub fn mul(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    arith(&mut ctx.st.heap, a[0], a[1], Arith::Mul)
}

pub fn fdiv(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (x, y) = (
        num_f64(a[0]).ok_or_else(badarith)?,
        num_f64(a[1]).ok_or_else(badarith)?,
    );
    if !a[0].is_number() || !a[1].is_number() || y == 0.0 {
        return Err(badarith());
    }
    float_result(&mut ctx.st.heap, x / y)
}

fn int_pair(a: &[Term]) -> Result<(BigInt, BigInt), Exn> {
    match (to_bigint(a[0]), to_bigint(a[1])) {
        (Some(x), Some(y)) if !y.is_zero() => Ok((x, y)),
        _ => Err(badarith()),
    }
}

pub fn idiv(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if let (Some(x), Some(y)) = (a[0].as_small(), a[1].as_small()) {
        if y != 0 {
            return Ok(ctx.st.heap.int(x / y));
        }
    }
    let (x, y) = int_pair(a)?;
    Ok(ctx.st.heap.bigint(&(x / y)))
}

pub fn irem(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if let (Some(x), Some(y)) = (a[0].as_small(), a[1].as_small()) {
        if y != 0 {
            return Ok(Term::small(x % y));
        }
    }
    let (x, y) = int_pair(a)?;
    Ok(ctx.st.heap.bigint(&(x % y)))
}

/// `Integer.mod/2`: remainder with the sign of the divisor.
pub fn imod(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (x, y) = int_pair(a)?;
    Ok(ctx.st.heap.bigint(&x.mod_floor(&y)))
}

pub fn floor_div(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (x, y) = int_pair(a)?;
    Ok(ctx.st.heap.bigint(&x.div_floor(&y)))
}

pub fn ipow(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (Some(x), Some(y)) = (to_bigint(a[0]), a[1].as_small()) else {
        return Err(badarith());
    };
    if y < 0 {
        return Err(argument_error(ctx, "bad argument in arithmetic expression"));
    }
    Ok(ctx.st.heap.bigint(&num_traits::pow(x, y as usize)))
}

pub fn gcd(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (Some(x), Some(y)) = (to_bigint(a[0]), to_bigint(a[1])) else {
        return Err(badarith());
    };
    Ok(ctx.st.heap.bigint(&x.gcd(&y)))
}

pub fn digits(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let x = to_bigint(a[0]).ok_or_else(badarg)?;
    let s = x.abs().to_string();
    let ds: Vec<Term> = s.bytes().map(|d| Term::small((d - b'0') as i64)).collect();
    Ok(ctx.st.heap.list(&ds))
}

pub fn is_even(_: &mut Ctx, a: &[Term]) -> BifResult {
    let x = to_bigint(a[0]).ok_or_else(badarg)?;
    Ok(Term::bool(x.is_even()))
}

pub fn is_odd(_: &mut Ctx, a: &[Term]) -> BifResult {
    let x = to_bigint(a[0]).ok_or_else(badarg)?;
    Ok(Term::bool(x.is_odd()))
}

pub fn neg(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    arith(&mut ctx.st.heap, Term::small(0), a[0], Arith::Sub)
}

pub fn plus(_: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_number() {
        Ok(a[0])
    } else {
        Err(badarith())
    }
}

fn bits(ctx: &mut Ctx, a: &[Term], f: fn(BigInt, BigInt) -> Option<BigInt>) -> BifResult {
    let (Some(x), Some(y)) = (to_bigint(a[0]), to_bigint(a[1])) else {
        return Err(badarith());
    };
    let r = f(x, y).ok_or_else(badarith)?;
    Ok(ctx.st.heap.bigint(&r))
}
pub fn bnot(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let x = to_bigint(a[0]).ok_or_else(badarith)?;
    Ok(ctx.st.heap.bigint(&!x))
}
pub fn bor(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    bits(ctx, a, |x, y| Some(x | y))
}
pub fn band(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    bits(ctx, a, |x, y| Some(x & y))
}
pub fn bxor(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    bits(ctx, a, |x, y| Some(x ^ y))
}
pub fn bsl(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    bits(ctx, a, |x, y| {
        let s = y.to_i64()?;
        if s.abs() > 1 << 24 {
            return None;
        }
        Some(if s >= 0 {
            x << s as usize
        } else {
            x >> (-s) as usize
        })
    })
}
pub fn bsr(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    bits(ctx, a, |x, y| {
        let s = y.to_i64()?;
        if s.abs() > 1 << 24 {
            return None;
        }
        Some(if s >= 0 {
            x >> s as usize
        } else {
            x << (-s) as usize
        })
    })
}

pub fn eq(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(order::eq(a[0], a[1])))
}
pub fn ne(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(!order::eq(a[0], a[1])))
}
pub fn exact_eq(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(order::exact_eq(a[0], a[1])))
}
pub fn exact_ne(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(!order::exact_eq(a[0], a[1])))
}
pub fn lt(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(order::compare(a[0], a[1]).is_lt()))
}
pub fn gt(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(order::compare(a[0], a[1]).is_gt()))
}
pub fn le(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(order::compare(a[0], a[1]).is_le()))
}
pub fn ge(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(order::compare(a[0], a[1]).is_ge()))
}

pub fn not(_: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_boolean() {
        Ok(Term::bool(!a[0].is_true()))
    } else {
        Err(badarg())
    }
}
pub fn and(_: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_boolean() && a[1].is_boolean() {
        Ok(Term::bool(a[0].is_true() && a[1].is_true()))
    } else {
        Err(badarg())
    }
}
pub fn or(_: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_boolean() && a[1].is_boolean() {
        Ok(Term::bool(a[0].is_true() || a[1].is_true()))
    } else {
        Err(badarg())
    }
}

pub fn abs(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if let Some(v) = a[0].as_small() {
        return Ok(ctx.st.heap.int(v.abs()));
    }
    if let Some(f) = a[0].float_value() {
        return Ok(ctx.st.heap.float(f.abs()));
    }
    let b = to_bigint(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a number"))?;
    Ok(ctx.st.heap.bigint(&b.abs()))
}

pub fn max(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(if order::compare(a[0], a[1]).is_lt() {
        a[1]
    } else {
        a[0]
    })
}
pub fn min(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(if order::compare(a[0], a[1]).is_gt() {
        a[1]
    } else {
        a[0]
    })
}

fn float_to_int(h: &mut Heap, f: f64) -> BifResult {
    if !f.is_finite() {
        return Err(badarg());
    }
    if f.abs() < 9.0e18 {
        Ok(h.int(f as i64))
    } else {
        use num_traits::FromPrimitive;
        Ok(h.bigint(&BigInt::from_f64(f).ok_or_else(badarg)?))
    }
}

pub fn round(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_integer() {
        return Ok(a[0]);
    }
    let f = a[0]
        .float_value()
        .ok_or_else(|| Exn::badarg_at(1, "not a number"))?;
    float_to_int(&mut ctx.st.heap, f.round())
}
pub fn trunc(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_integer() {
        return Ok(a[0]);
    }
    let f = a[0]
        .float_value()
        .ok_or_else(|| Exn::badarg_at(1, "not a number"))?;
    float_to_int(&mut ctx.st.heap, f.trunc())
}
pub fn ceil(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_integer() {
        return Ok(a[0]);
    }
    let f = a[0]
        .float_value()
        .ok_or_else(|| Exn::badarg_at(1, "not a number"))?;
    float_to_int(&mut ctx.st.heap, f.ceil())
}
pub fn floor(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_integer() {
        return Ok(a[0]);
    }
    let f = a[0]
        .float_value()
        .ok_or_else(|| Exn::badarg_at(1, "not a number"))?;
    float_to_int(&mut ctx.st.heap, f.floor())
}
pub fn function_exported(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let n = a[2].as_small().ok_or_else(badarg)?;
    // A library module is loaded on first use; Elixir has most of its
    // modules loaded from the start.
    if a[0].is_atom() && !ctx.code.module_loaded(a[0]) {
        super::compiler::autoload(ctx, a[0]);
    }
    let found = ctx
        .code
        .lookup(a[0], a[1], n as u32)
        .is_some_and(|id| ctx.code.function(id).public)
        || super::lookup(atom::name(a[0]), atom::name(a[1]), n as usize).is_some();
    Ok(Term::bool(found))
}
/// `:erlang.float/1`; an integer too large for a float is "not a number", as OTP says.
pub fn to_float(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let f = num_f64(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a number"))?;
    Ok(ctx.st.heap.float(f))
}

/// `Float.round/2`: rounds to `digits` decimal places the way Erlang's
/// `round/1` on the decimal digits would, with the exact decimal value of the
/// float deciding (`Float.round(2.675, 2)` is `2.67`, since 2.675 is really 2.67499...).
pub fn float_round(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let f = a[0].float_value().ok_or_else(badarg)?;
    let d = a[1]
        .as_small()
        .filter(|d| (0..=15).contains(d))
        .ok_or_else(badarg)?;
    // Exact decimal expansion of f, then round half away from zero on it.
    let s = format!("{:.*}", 60, f.abs());
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let d = d as usize;
    let mut digits: Vec<u8> = int_part
        .bytes()
        .chain(frac.bytes().take(d))
        .map(|c| c - b'0')
        .collect();
    let next = frac.as_bytes().get(d).map(|c| c - b'0').unwrap_or(0);
    if next >= 5 {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let n = digits.len();
    let text: String = digits[..n - d]
        .iter()
        .map(|c| (c + b'0') as char)
        .collect::<String>()
        + "."
        + &digits[n - d..]
            .iter()
            .map(|c| (c + b'0') as char)
            .collect::<String>();
    let mut r: f64 = text.trim_end_matches('.').parse().map_err(|_| badarg())?;
    if f < 0.0 {
        r = -r;
    }
    Ok(ctx.st.heap.float(r))
}
pub fn float_round1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let f = a[0].float_value().ok_or_else(badarg)?;
    Ok(ctx.st.heap.float(f.round()))
}
pub fn float_floor(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let f = a[0].float_value().ok_or_else(badarg)?;
    Ok(ctx.st.heap.float(f.floor()))
}
pub fn float_ceil(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let f = a[0].float_value().ok_or_else(badarg)?;
    Ok(ctx.st.heap.float(f.ceil()))
}
pub fn hd(_: &mut Ctx, a: &[Term]) -> BifResult {
    a[0].cons_parts()
        .map(|(h, _)| h)
        .ok_or_else(|| Exn::badarg_at(1, "not a nonempty list"))
}
pub fn tl(_: &mut Ctx, a: &[Term]) -> BifResult {
    a[0].cons_parts()
        .map(|(_, t)| t)
        .ok_or_else(|| Exn::badarg_at(1, "not a nonempty list"))
}
pub fn length(_: &mut Ctx, a: &[Term]) -> BifResult {
    let mut n = 0i64;
    let mut cur = a[0];
    while let Some((_, t)) = cur.cons_parts() {
        n += 1;
        cur = t;
    }
    if cur.is_nil() {
        Ok(Term::small(n))
    } else {
        Err(Exn::badarg_at(1, "not a list"))
    }
}
pub fn tuple_size(_: &mut Ctx, a: &[Term]) -> BifResult {
    a[0].tuple_elems()
        .map(|e| Term::small(e.len() as i64))
        .ok_or_else(|| Exn::badarg_at(1, "not a tuple"))
}
pub fn map_size(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    match a[0].map_size() {
        Some(n) => Ok(Term::small(n as i64)),
        None => Err(super::error2(ctx, atom::intern("badmap"), a[0])),
    }
}
pub fn byte_size(_: &mut Ctx, a: &[Term]) -> BifResult {
    a[0].bit_size()
        .map(|b| Term::small(b.div_ceil(8) as i64))
        .ok_or_else(|| Exn::badarg_at(1, "not a bitstring"))
}

/// `:erlang.bit_size/1`.
pub fn bit_size(_: &mut Ctx, a: &[Term]) -> BifResult {
    a[0].bit_size()
        .map(|b| Term::small(b as i64))
        .ok_or_else(|| Exn::badarg_at(1, "not a bitstring"))
}

/// `:erlang.element/2`: 1-based.
/// `:erlang.element(index, tuple)`, 1-based; errors explained as OTP 25's.
pub fn element(_: &mut Ctx, a: &[Term]) -> BifResult {
    element_at(a[0], a[1])
}

fn element_at(index: Term, tuple: Term) -> BifResult {
    let elems = tuple.tuple_elems();
    if let (Some(i), Some(e)) = (index.as_small(), elems) {
        if i >= 1 && (i as usize) <= e.len() {
            return Ok(e[i as usize - 1]);
        }
    }
    let mut lines = Vec::new();
    if !matches!(index.kind(), Kind::Int | Kind::BigInt) {
        lines.push((1, "not an integer"));
    } else if elems.is_some() {
        lines.push((1, "out of range"));
    }
    if elems.is_none() {
        lines.push((2, "not a tuple"));
    }
    Err(Exn::badarg_lines(&lines))
}

/// `Kernel.elem/2`: 0-based, as Elixir's `:erlang.element(index + 1, tuple)`
/// (an index that is no number fails the addition first).
pub fn elem(_: &mut Ctx, a: &[Term]) -> BifResult {
    match a[1].kind() {
        Kind::Int => {
            let next = a[1].as_small().and_then(|i| Term::try_small(i + 1));
            element_at(next.unwrap_or(a[1]), a[0])
        }
        // A float is no index; a bignum one out of range.
        Kind::BigInt | Kind::Float => element_at(a[1], a[0]),
        _ => Err(badarith()),
    }
}
fn set_elem(ctx: &mut Ctx, t: Term, i: i64, v: Term) -> BifResult {
    let e = t
        .tuple_elems()
        .ok_or_else(|| Exn::badarg_at(2, "not a tuple"))?;
    if i < 0 || i as usize >= e.len() {
        return Err(Exn::badarg_at(1, "out of range"));
    }
    let mut v2 = e.to_vec();
    v2[i as usize] = v;
    Ok(ctx.st.heap.tuple(&v2))
}
pub fn setelement(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let i = a[0].as_small().ok_or_else(badarg)?;
    set_elem(ctx, a[1], i - 1, a[2])
}
pub fn put_elem(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let i = a[1].as_small().ok_or_else(badarg)?;
    set_elem(ctx, a[0], i, a[2])
}
pub fn tuple_to_list(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let e = a[0]
        .tuple_elems()
        .ok_or_else(|| Exn::badarg_at(1, "not a tuple"))?
        .to_vec();
    Ok(ctx.st.heap.list(&e))
}
pub fn list_to_tuple(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let v = list_to_vec(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a list"))?;
    Ok(ctx.st.heap.tuple(&v))
}
pub fn make_tuple(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let n = a[0]
        .as_small()
        .filter(|n| (0..1 << 24).contains(n))
        .ok_or_else(|| Exn::badarg_at(1, "out of range"))?;
    let v = vec![a[1]; n as usize];
    Ok(ctx.st.heap.tuple(&v))
}
pub fn tuple_duplicate(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    make_tuple(ctx, &[a[1], a[0]])
}
pub fn tuple_append(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut e = a[0]
        .tuple_elems()
        .ok_or_else(|| Exn::badarg_at(1, "not a tuple"))?
        .to_vec();
    e.push(a[1]);
    Ok(ctx.st.heap.tuple(&e))
}

macro_rules! type_test {
    ($name:ident, $test:expr) => {
        pub fn $name(_: &mut Ctx, a: &[Term]) -> BifResult {
            let f: fn(Term) -> bool = $test;
            Ok(Term::bool(f(a[0])))
        }
    };
}
type_test!(is_integer, |t| t.is_integer());
type_test!(is_float, |t| t.is_float());
type_test!(is_number, |t| t.is_number());
type_test!(is_atom, |t| t.is_atom());
type_test!(is_boolean, |t| t.is_boolean());
type_test!(is_binary, |t| t.is_binary());
type_test!(is_bitstring, |t| t.is_bitstring());
type_test!(is_list, |t| t.is_list());
type_test!(is_tuple, |t| t.is_tuple());
type_test!(is_map, |t| t.is_map());
type_test!(is_function, |t| t.is_fun());
type_test!(is_pid, |t| t.is_pid());
type_test!(is_reference, |t| t.is_ref());
// beamlet has no ports: nothing is one.
type_test!(is_port, |_t| false);
type_test!(is_nil, |t| t == atom::NIL);

pub fn is_function2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let n = a[1].as_small().ok_or_else(badarg)?;
    Ok(Term::bool(fun_arity(ctx, a[0]) == Some(n as u32)))
}

/// The arity a fun term is called with.
pub fn fun_arity(ctx: &Ctx, f: Term) -> Option<u32> {
    if let Some((_, _, a)) = f.export_parts() {
        return Some(a);
    }
    let (id, _) = f.closure_parts()?;
    ctx.code.get_function(id).map(|f| f.arity)
}

pub fn append(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_nil() {
        return Ok(a[1]);
    }
    let v = list_to_vec(a[0]).ok_or_else(badarg)?;
    Ok(ctx.st.heap.list_with_tail(&v, a[1]))
}

pub fn subtract(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut left = list_to_vec(a[0]).ok_or_else(badarg)?;
    let right = list_to_vec(a[1]).ok_or_else(badarg)?;
    for r in right {
        if let Some(i) = left.iter().position(|x| order::exact_eq(*x, r)) {
            left.remove(i);
        }
    }
    Ok(ctx.st.heap.list(&left))
}

pub fn reverse(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    reverse2(ctx, &[a[0], Term::NIL])
}
pub fn reverse2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut acc = a[1];
    let mut cur = a[0];
    while let Some((h, t)) = cur.cons_parts() {
        acc = ctx.st.heap.cons(h, acc);
        cur = t;
    }
    if cur.is_nil() {
        Ok(acc)
    } else {
        Err(badarg())
    }
}
pub fn keyfind(_: &mut Ctx, a: &[Term]) -> BifResult {
    let n = a[1].as_small().ok_or_else(badarg)?;
    let mut cur = a[2];
    while let Some((h, t)) = cur.cons_parts() {
        if let Some(e) = h.tuple_elems() {
            if n >= 1 && (n as usize) <= e.len() && order::eq(e[n as usize - 1], a[0]) {
                return Ok(h);
            }
        }
        cur = t;
    }
    Ok(atom::FALSE)
}
pub fn member(_: &mut Ctx, a: &[Term]) -> BifResult {
    let mut cur = a[1];
    while let Some((h, t)) = cur.cons_parts() {
        if order::exact_eq(h, a[0]) {
            return Ok(atom::TRUE);
        }
        cur = t;
    }
    if cur.is_nil() {
        Ok(atom::FALSE)
    } else if a[1].is_cons() {
        Err(Exn::badarg_at(2, "not a proper list"))
    } else {
        Err(Exn::badarg_at(2, "not a list"))
    }
}
pub fn sort(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let v = list_to_vec(a[0]).ok_or_else(badarg)?;
    Ok(ctx.st.heap.list(&crate::sort::lists_sort(v)))
}
pub fn flatten(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    fn go(t: Term, out: &mut Vec<Term>) -> Result<(), Exn> {
        let mut cur = t;
        while let Some((h, tl)) = cur.cons_parts() {
            if h.is_list() {
                go(h, out)?;
            } else {
                out.push(h);
            }
            cur = tl;
        }
        if cur.is_nil() {
            Ok(())
        } else {
            Err(badarg())
        }
    }
    let mut out = Vec::new();
    go(a[0], &mut out)?;
    Ok(ctx.st.heap.list(&out))
}

pub fn error(_: &mut Ctx, a: &[Term]) -> BifResult {
    Err(Exn::error(a[0]))
}
pub fn error2(_: &mut Ctx, a: &[Term]) -> BifResult {
    Err(Exn::error(a[0]))
}
pub fn throw(_: &mut Ctx, a: &[Term]) -> BifResult {
    Err(Exn {
        class: Class::Throw,
        reason: a[0],
        trace: Vec::new(),
        info: None,
    })
}
pub fn exit(_: &mut Ctx, a: &[Term]) -> BifResult {
    Err(Exn {
        class: Class::Exit,
        reason: a[0],
        trace: Vec::new(),
        info: None,
    })
}

pub fn make_ref(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(ctx.rt.make_ref())
}
/// `node/0,1`: a VM is one node, not distributed: `:nonode@nohost`, as
/// the BEAM answers when distribution is off (`node(x)` for a pid, port or
/// reference of this node; anything else is a badarg).
pub fn node(_: &mut Ctx, a: &[Term]) -> BifResult {
    match a {
        [] => Ok(atom::intern("nonode@nohost")),
        [t] if t.is_pid() || t.is_ref() => Ok(atom::intern("nonode@nohost")),
        _ => Err(badarg()),
    }
}

pub fn self_(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(ctx.st.pid)
}

/// `send/2`: returns the message; a dead pid is fine, an unregistered name is not.
pub fn send(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    ctx.rt.send(ctx.st, a[0], a[1])?;
    Ok(a[1])
}

/// `:erlang.fun_info(fun)`: what the fun is, as a keyword list. An
/// external fun (`&M.f/1`) gives `module`, `name`, `arity`, `env` and
/// `type: :external`; a closure also its `pid` (the caller's: beamlet
/// does not record the creator), `index`/`new_index` (its function's
/// number), `uniq`/`new_uniq` and `type: :local`.
pub fn fun_info(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let keys = if a[0].export_parts().is_some() {
        &["module", "name", "arity", "env", "type"][..]
    } else {
        &[
            "pid",
            "module",
            "new_index",
            "new_uniq",
            "index",
            "uniq",
            "name",
            "arity",
            "env",
            "type",
        ][..]
    };
    let mut items = Vec::with_capacity(keys.len());
    for k in keys {
        items.push(fun_info_item(ctx, a[0], atom::intern(k))?);
    }
    Ok(ctx.st.heap.list(&items))
}

/// `:erlang.fun_info(fun, item)`: `{item, value}`.
pub fn fun_info2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    fun_info_item(ctx, a[0], a[1])
}

fn fun_info_item(ctx: &mut Ctx, f: Term, item: Term) -> BifResult {
    if !item.is_atom() {
        return Err(badarg());
    }
    let key = atom::name(item);
    let value = if let Some((m, n, arity)) = f.export_parts() {
        match key {
            "module" => m,
            "name" => n,
            "arity" => Term::small(arity as i64),
            "env" => Term::NIL,
            "type" => atom::intern("external"),
            "pid" | "index" | "new_index" | "uniq" | "new_uniq" => atom::intern("undefined"),
            _ => return Err(badarg()),
        }
    } else if let Some((id, free)) = f.closure_parts() {
        let fun = ctx.code.get_function(id).ok_or_else(badarg)?;
        let (module, name, arity) = (fun.module, fun.name, fun.arity);
        match key {
            "module" => module,
            "name" => name,
            "arity" => Term::small(arity as i64),
            "env" => {
                let free = free.to_vec();
                ctx.st.heap.list(&free)
            }
            "type" => atom::intern("local"),
            "pid" => ctx.st.pid,
            "index" | "new_index" => Term::small(id as i64),
            "uniq" | "new_uniq" => Term::small(0),
            _ => return Err(badarg()),
        }
    } else {
        return Err(badarg());
    };
    Ok(ctx.st.heap.tuple(&[item, value]))
}

/// `:erlang.make_fun(module, name, arity)`: `&module.name/arity`.
pub fn make_fun(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arity = a[2].as_small().filter(|n| (0..=255).contains(n));
    match arity {
        Some(n) if a[0].is_atom() && a[1].is_atom() => Ok(ctx.st.heap.export(a[0], a[1], n as u32)),
        _ => Err(badarg()),
    }
}

/// `:erlang.module_loaded/1`: whether `module` is loaded (does not load it).
pub fn module_loaded(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return Err(badarg());
    }
    Ok(Term::bool(ctx.code.module_loaded(a[0])))
}

/// `:erlang.delete_module/1` (what `:code.delete/1` does): unexports
/// `module`; `true` if it was loaded, else `false`.
pub fn delete_module(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return Err(badarg());
    }
    Ok(Term::bool(ctx.code.delete_module(a[0])))
}

/// `:erlang.loaded/0`: the loaded modules.
pub fn loaded(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let ms = ctx.code.loaded_modules();
    Ok(ctx.st.heap.list(&ms))
}

/// `:erlang.list_to_pid/1`: `'<0.I.S>'` to that pid (the shell's `pid/1,3`);
/// another node's number or a malformed text is `badarg`.
pub fn list_to_pid(_ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let chars = list_to_vec(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a list of characters"))?;
    let text: String = chars
        .iter()
        .map(|c| c.as_small().and_then(|c| char::from_u32(c as u32)))
        .collect::<Option<String>>()
        .ok_or_else(not_pid)?;
    let inner = text
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .ok_or_else(not_pid)?;
    let parts: Vec<u32> = inner
        .split('.')
        .map(|p| p.parse::<u32>().ok())
        .collect::<Option<Vec<u32>>>()
        .ok_or_else(not_pid)?;
    match parts[..] {
        [0, index, serial] => Ok(Term::pid(index, serial)),
        _ => Err(not_pid()),
    }
}

fn not_pid() -> Exn {
    Exn::badarg_at(1, "not a textual representation of a pid")
}
