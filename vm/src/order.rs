//! Erlang term order and equality.
//!
//! number < atom < reference < fun < pid < tuple < map < [] < list < bitstring.
//! Numbers compare by value (`1 == 1.0`); `exact_eq` (`===`) also tells an
//! integer from a float. Tuples compare by size, then element by element;
//! maps by size, then keys in order, then values; lists element by element.

use crate::atom;
use crate::term::{Kind, Term};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cmp::Ordering;

fn class(t: Term) -> u8 {
    match t.kind() {
        Kind::Int | Kind::BigInt | Kind::Float => 0,
        Kind::Atom => 1,
        Kind::Ref => 2,
        Kind::Fun => 3,
        Kind::Pid => 4,
        Kind::Tuple => 5,
        Kind::Map => 6,
        Kind::Nil => 7,
        Kind::Cons => 8,
        Kind::Binary => 9,
        Kind::None => 10,
    }
}

/// An integer term as a float the way erts' `big_to_double` computes it: the 64-bit
/// digits from the most significant, `d = d * 2^64 + digit`, rounding at each step, so
/// not always the nearest float (`405331553746586206669` gives `4.053315537465862e20`,
/// the nearest is `...8624e20`); an infinity when too large. `None` for a non-integer.
pub fn integer_to_f64(t: Term) -> Option<f64> {
    if let Some(v) = t.as_small() {
        return Some(v as f64);
    }
    let (neg, limbs) = t.big_parts()?;
    let mut d = 0.0f64;
    for l in limbs.iter().rev() {
        d = d * 18_446_744_073_709_551_616.0 + *l as f64;
    }
    Some(if neg { -d } else { d })
}

/// An integer term as a BigInt (small or big).
pub fn to_bigint(t: Term) -> Option<BigInt> {
    if let Some(v) = t.as_small() {
        return Some(BigInt::from(v));
    }
    let (neg, limbs) = t.big_parts()?;
    let mag = num_bigint::BigUint::from_slice(
        &limbs
            .iter()
            .flat_map(|l| [*l as u32, (*l >> 32) as u32])
            .collect::<Vec<u32>>(),
    );
    Some(BigInt::from_biguint(
        if neg {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        },
        mag,
    ))
}

fn cmp_numbers(a: Term, b: Term) -> Ordering {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return x.cmp(&y);
    }
    match (a.float_value(), b.float_value()) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Some(x), None) => cmp_float_int(x, &to_bigint(b).unwrap_or_default()),
        (None, Some(y)) => cmp_float_int(y, &to_bigint(a).unwrap_or_default()).reverse(),
        (None, None) => to_bigint(a).cmp(&to_bigint(b)),
    }
}

fn cmp_float_int(f: f64, i: &BigInt) -> Ordering {
    if let Some(v) = i.to_i64() {
        if v.unsigned_abs() < (1u64 << 53) {
            return f.partial_cmp(&(v as f64)).unwrap_or(Ordering::Equal);
        }
    }
    // Exact comparison for large magnitudes: compare the float's integer part.
    let fi = BigInt::from(f.trunc() as i128);
    if f.abs() < 1.7e38 {
        match fi.cmp(i) {
            Ordering::Equal => f.fract().partial_cmp(&0.0).unwrap_or(Ordering::Equal),
            o => o,
        }
    } else {
        let iv = i.to_f64().unwrap_or(f64::INFINITY);
        f.partial_cmp(&iv).unwrap_or(Ordering::Equal)
    }
}

/// Term order (`<`, `>`, sorting). `1` and `1.0` compare equal.
pub fn compare(a: Term, b: Term) -> Ordering {
    compare_impl(a, b, false)
}

/// `==`: equal in term order (numbers by value).
pub fn eq(a: Term, b: Term) -> bool {
    a == b || compare(a, b) == Ordering::Equal
}

/// `===`: exactly equal (an integer never equals a float). Two terms of
/// which one is an immediate (atom, small integer, pid...) are exactly
/// equal only when they are the same word (big integers are never small
/// ones): no walk, which compared two atoms by their names (a guard's
/// `op in [:==, :!=, ...]` tests each in turn).
#[inline]
pub fn exact_eq(a: Term, b: Term) -> bool {
    a == b || (a.is_pointer() && b.is_pointer() && compare_impl(a, b, true) == Ordering::Equal)
}

/// Order used for map keys: like `compare`, but integers sort before floats of
/// equal value so `%{1 => a, 1.0 => b}` keeps both keys.
pub fn key_compare(a: Term, b: Term) -> Ordering {
    compare_impl(a, b, true)
}

fn compare_impl(a: Term, b: Term, exact: bool) -> Ordering {
    let mut a = a;
    let mut b = b;
    loop {
        if a == b {
            return Ordering::Equal;
        }
        let (ca, cb) = (class(a), class(b));
        if ca != cb {
            return ca.cmp(&cb);
        }
        match ca {
            0 => {
                if exact && a.is_float() != b.is_float() {
                    // Map key order: every integer sorts before every float.
                    return a.is_float().cmp(&b.is_float());
                }
                let o = cmp_numbers(a, b);
                if o == Ordering::Equal && exact {
                    // Integers before floats of the same value.
                    return a.is_float().cmp(&b.is_float());
                }
                return o;
            }
            1 => return atom::name(a).cmp(atom::name(b)),
            2 => return a.ref_value().cmp(&b.ref_value()),
            3 => return compare_funs(a, b),
            4 => {
                return a
                    .pid_parts()
                    .map(|(i, s)| (s, i))
                    .cmp(&b.pid_parts().map(|(i, s)| (s, i)))
            }
            5 => {
                let (x, y) = (
                    a.tuple_elems().unwrap_or(&[]),
                    b.tuple_elems().unwrap_or(&[]),
                );
                if x.len() != y.len() {
                    return x.len().cmp(&y.len());
                }
                return compare_slices(x, y, exact);
            }
            6 => {
                if let (Some((ka, va)), Some((kb, vb))) = (a.map_parts(), b.map_parts()) {
                    if ka.len() != kb.len() {
                        return ka.len().cmp(&kb.len());
                    }
                    match compare_slices(ka, kb, true) {
                        Ordering::Equal => return compare_slices(va, vb, exact),
                        o => return o,
                    }
                }
                return compare_hash_maps(a, b, exact);
            }
            7 => return Ordering::Equal,
            8 => {
                let (ha, ta) = a.cons_parts().unwrap_or((Term::NIL, Term::NIL));
                let (hb, tb) = b.cons_parts().unwrap_or((Term::NIL, Term::NIL));
                match compare_impl(ha, hb, exact) {
                    Ordering::Equal => {
                        a = ta;
                        b = tb;
                        continue;
                    }
                    o => return o,
                }
            }
            9 => return compare_bitstrings(a, b),
            _ => return Ordering::Equal,
        }
    }
}

/// Maps of which one at least is a hash map (hamt.rs): by size, then as
/// flat maps compare, keys in term order first.
fn compare_hash_maps(a: Term, b: Term, exact: bool) -> Ordering {
    let (na, nb) = (a.map_size().unwrap_or(0), b.map_size().unwrap_or(0));
    if na != nb {
        return na.cmp(&nb);
    }
    let (pa, pb) = (crate::hamt::sorted_pairs(a), crate::hamt::sorted_pairs(b));
    for ((ka, _), (kb, _)) in pa.iter().zip(&pb) {
        match compare_impl(*ka, *kb, true) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    for ((_, va), (_, vb)) in pa.iter().zip(&pb) {
        match compare_impl(*va, *vb, exact) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    Ordering::Equal
}

/// Bitstrings compare bit by bit, a prefix before what extends it.
fn compare_bitstrings(a: Term, b: Term) -> Ordering {
    if let (Some(x), Some(y)) = (a.binary_bytes(), b.binary_bytes()) {
        return x.cmp(y);
    }
    let (Some((x, nx)), Some((y, ny))) = (a.bitstring_bits(), b.bitstring_bits()) else {
        return Ordering::Equal;
    };
    let common = nx.min(ny);
    let whole = (common / 8) as usize;
    match x[..whole].cmp(&y[..whole]) {
        Ordering::Equal => {}
        o => return o,
    }
    let rest = common % 8;
    if rest > 0 {
        let mask = 0xffu8 << (8 - rest);
        match (x[whole] & mask).cmp(&(y[whole] & mask)) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    nx.cmp(&ny)
}

fn compare_slices(x: &[Term], y: &[Term], exact: bool) -> Ordering {
    for (p, q) in x.iter().zip(y) {
        match compare_impl(*p, *q, exact) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    x.len().cmp(&y.len())
}

fn compare_funs(a: Term, b: Term) -> Ordering {
    match (a.closure_parts(), b.closure_parts()) {
        (Some((fa, va)), Some((fb, vb))) => fa.cmp(&fb).then_with(|| compare_slices(va, vb, true)),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => {
            let (ma, na, aa) = a.export_parts().unwrap_or((Term::NIL, Term::NIL, 0));
            let (mb, nb, ab) = b.export_parts().unwrap_or((Term::NIL, Term::NIL, 0));
            compare(ma, mb).then(compare(na, nb)).then(aa.cmp(&ab))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;

    #[test]
    fn numbers_before_atoms_before_tuples_before_lists() {
        let mut h = Heap::new();
        let t = h.tuple(&[]);
        let l = h.list(&[Term::small(1)]);
        let b = h.binary(b"");
        let order = [Term::small(5), atom::OK, t, Term::NIL, l, b];
        for w in order.windows(2) {
            assert_eq!(
                compare(w[0], w[1]),
                Ordering::Less,
                "{:?} < {:?}",
                w[0],
                w[1]
            );
        }
    }

    #[test]
    fn int_float_equality() {
        let mut h = Heap::new();
        let f = h.float(1.0);
        assert!(eq(Term::small(1), f));
        assert!(!exact_eq(Term::small(1), f));
        let g = h.float(1.5);
        assert_eq!(compare(Term::small(1), g), Ordering::Less);
        assert_eq!(compare(Term::small(2), g), Ordering::Greater);
    }

    #[test]
    fn bignums_compare_by_value() {
        let mut h = Heap::new();
        let big = h.bigint(&(BigInt::from(1) << 80usize));
        let neg = h.bigint(&-(BigInt::from(1) << 80usize));
        assert_eq!(compare(Term::small(1), big), Ordering::Greater.reverse());
        assert_eq!(compare(neg, Term::small(-5)), Ordering::Less);
        let f = h.float(1e30);
        assert_eq!(compare(big, f), Ordering::Less);
    }
}
