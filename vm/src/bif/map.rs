//! Maps: construction, lookup and the `Map` module's data functions.
//!
//! A map of at most 32 keys is a flat sorted array of keys and one of values
//! (term.rs): lookups are binary searches, updates copy. A larger one is a
//! hash array mapped trie (hamt.rs), with O(log n) lookups and updates.

use super::{badarg, error2, inspect_term, list_to_vec, raise_msg, BifResult, Ctx};
use crate::atom;
use crate::hamt::{self, FLAT_MAX};
use crate::heap::Heap;
use crate::order::key_compare;
use crate::process::Exn;
use crate::term::Term;

/// Builds a map from pairs in any order; for equal keys the later pair wins.
pub fn build_map(heap: &mut Heap, mut kv: Vec<(Term, Term)>) -> Term {
    if kv.len() > FLAT_MAX {
        return hamt::build(heap, kv);
    }
    // Stable sort keeps insertion order among equal keys; keep the last.
    kv.sort_by(|a, b| key_compare(a.0, b.0));
    let mut keys: Vec<Term> = Vec::with_capacity(kv.len());
    let mut vals: Vec<Term> = Vec::with_capacity(kv.len());
    for (k, v) in kv {
        if let Some(last) = keys.last() {
            if key_compare(*last, k).is_eq() {
                if let Some(slot) = vals.last_mut() {
                    *slot = v;
                }
                continue;
            }
        }
        keys.push(k);
        vals.push(v);
    }
    heap.map_sorted(&keys, &vals)
}

/// The value under `key`, if any.
pub fn map_find(map: Term, key: Term) -> Option<Term> {
    let Some((ks, vs)) = map.map_parts() else {
        return hamt::find(map, key);
    };
    if !key.is_pointer() {
        // An atom, small integer, pid...: equal only to the same word.
        if ks.len() <= 16 {
            return ks.iter().position(|k| *k == key).map(|i| vs[i]);
        }
    }
    if ks.len() <= 8 {
        return ks
            .iter()
            .position(|k| *k == key || key_compare(*k, key).is_eq())
            .map(|i| vs[i]);
    }
    ks.binary_search_by(|k| key_compare(*k, key))
        .ok()
        .map(|i| vs[i])
}

/// `map` with `key` set to `value` (added or replaced).
pub fn map_put(heap: &mut Heap, map: Term, key: Term, value: Term) -> Term {
    let Some((ks, vs)) = map.map_parts() else {
        return hamt::insert(heap, map, key, value);
    };
    match ks.binary_search_by(|k| key_compare(*k, key)) {
        Err(_) if ks.len() == FLAT_MAX => {
            let mut kv = hamt::pairs(map);
            kv.push((key, value));
            hamt::build(heap, kv)
        }
        Ok(i) => {
            if vs[i] == value {
                return map;
            }
            let mut v2 = vs.to_vec();
            v2[i] = value;
            let k2 = ks.to_vec();
            heap.map_sorted(&k2, &v2)
        }
        Err(i) => {
            let mut k2 = ks.to_vec();
            let mut v2 = vs.to_vec();
            k2.insert(i, key);
            v2.insert(i, value);
            heap.map_sorted(&k2, &v2)
        }
    }
}

fn badmap(ctx: &mut Ctx, t: Term) -> Exn {
    error2(ctx, atom::intern("badmap"), t)
}

fn need_map(ctx: &mut Ctx, t: Term) -> Result<(), Exn> {
    if t.is_map() {
        Ok(())
    } else {
        Err(badmap(ctx, t))
    }
}

/// `KeyError` "key K not found in: MAP".
pub fn key_error(ctx: &mut Ctx, key: Term, map: Term) -> Exn {
    let e = super::exception::make_exception(
        ctx,
        "Elixir.KeyError",
        &[(atom::KEY, key), (atom::TERM, map)],
    );
    Exn::error(e)
}

pub fn is_map_key(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    Ok(Term::bool(map_find(a[1], a[0]).is_some()))
}
/// `Kernel.is_map_key(map, key)`: `:erlang.is_map_key/2` with its arguments swapped.
pub fn kernel_is_map_key(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    is_map_key(ctx, &[a[1], a[0]])
}
pub fn map_get(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    match map_find(a[1], a[0]) {
        Some(v) => Ok(v),
        None => Err(error2(ctx, atom::BADKEY, a[0])),
    }
}

/// `map.key`: the value, or a `KeyError`.
pub fn map_dot(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_map() {
        let msg = format!(
            "key {} not found in: {}. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map",
            inspect_term(ctx, a[1]),
            inspect_term(ctx, a[0])
        );
        let m = ctx.st.heap.str(&msg);
        let e = super::exception::make_exception(
            ctx,
            "Elixir.KeyError",
            &[(atom::KEY, a[1]), (atom::TERM, a[0]), (atom::MESSAGE, m)],
        );
        return Err(Exn::error(e));
    }
    match map_find(a[0], a[1]) {
        Some(v) => Ok(v),
        None => Err(key_error(ctx, a[1], a[0])),
    }
}

pub fn get2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    get3(ctx, &[a[0], a[1], atom::NIL])
}
pub fn get3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    Ok(map_find(a[0], a[1]).unwrap_or(a[2]))
}
pub fn put(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    Ok(map_put(&mut ctx.st.heap, a[0], a[1], a[2]))
}
pub fn put_new(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    if map_find(a[0], a[1]).is_some() {
        return Ok(a[0]);
    }
    Ok(map_put(&mut ctx.st.heap, a[0], a[1], a[2]))
}
pub fn fetch(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    Ok(match map_find(a[0], a[1]) {
        Some(v) => ctx.st.heap.tuple(&[atom::OK, v]),
        None => atom::ERROR,
    })
}
pub fn fetch_bang(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    match map_find(a[0], a[1]) {
        Some(v) => Ok(v),
        None => Err(key_error(ctx, a[1], a[0])),
    }
}
pub fn keys(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    if let Some((ks, _)) = a[0].map_parts() {
        return Ok(ctx.st.heap.list(ks));
    }
    let ks: Vec<Term> = hamt::pairs(a[0]).into_iter().map(|p| p.0).collect();
    Ok(ctx.st.heap.list(&ks))
}
pub fn values(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    if let Some((_, vs)) = a[0].map_parts() {
        return Ok(ctx.st.heap.list(vs));
    }
    let vs: Vec<Term> = hamt::pairs(a[0]).into_iter().map(|p| p.1).collect();
    Ok(ctx.st.heap.list(&vs))
}
pub fn has_key(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    Ok(Term::bool(map_find(a[0], a[1]).is_some()))
}
pub fn delete(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    Ok(map_delete(&mut ctx.st.heap, a[0], a[1]))
}

/// `map` without `key`.
pub fn map_delete(heap: &mut Heap, map: Term, key: Term) -> Term {
    let Some((ks, vs)) = map.map_parts() else {
        return hamt::remove(heap, map, key).unwrap_or(map);
    };
    match ks.binary_search_by(|k| key_compare(*k, key)) {
        Ok(i) => {
            let mut k2 = ks.to_vec();
            let mut v2 = vs.to_vec();
            k2.remove(i);
            v2.remove(i);
            heap.map_sorted(&k2, &v2)
        }
        Err(_) => map,
    }
}
pub fn merge(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    need_map(ctx, a[1])?;
    Ok(map_merge(&mut ctx.st.heap, a[0], a[1]))
}

/// `Map.merge(a, b)`: of equal keys, `b`'s value wins.
pub fn map_merge(heap: &mut Heap, a: Term, b: Term) -> Term {
    let (na, nb) = (a.map_size().unwrap_or(0), b.map_size().unwrap_or(0));
    if nb == 0 {
        return a;
    }
    if na == 0 {
        return b;
    }
    if !a.is_flat_map() && nb * 4 <= na {
        // A few pairs into a large map: put them one by one.
        let mut out = a;
        hamt::for_each(b, |k, v| out = hamt::insert(heap, out, k, v));
        return out;
    }
    if let (Some((ka, va)), Some((kb, vb))) = (a.map_parts(), b.map_parts()) {
        return merge_flat(heap, (ka, va), (kb, vb));
    }
    let mut kv = hamt::pairs(a);
    kv.extend(hamt::pairs(b));
    build_map(heap, kv)
}

/// [`map_merge`] of two flat maps: one walk over their sorted keys (what
/// sorting both maps' pairs in [`build_map`] gives, at a sixth of the
/// cost for a test's context in ExUnit's runner).
fn merge_flat(heap: &mut Heap, a: (&[Term], &[Term]), b: (&[Term], &[Term])) -> Term {
    let ((ka, va), (kb, vb)) = (a, b);
    let mut keys: Vec<Term> = Vec::with_capacity(ka.len() + kb.len());
    let mut vals: Vec<Term> = Vec::with_capacity(ka.len() + kb.len());
    let (mut i, mut j) = (0, 0);
    while i < ka.len() && j < kb.len() {
        match key_compare(ka[i], kb[j]) {
            std::cmp::Ordering::Less => {
                keys.push(ka[i]);
                vals.push(va[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                keys.push(kb[j]);
                vals.push(vb[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                keys.push(ka[i]);
                vals.push(vb[j]);
                i += 1;
                j += 1;
            }
        }
    }
    keys.extend_from_slice(&ka[i..]);
    vals.extend_from_slice(&va[i..]);
    keys.extend_from_slice(&kb[j..]);
    vals.extend_from_slice(&vb[j..]);
    if keys.len() > FLAT_MAX {
        return hamt::build(heap, keys.into_iter().zip(vals).collect());
    }
    heap.map_sorted(&keys, &vals)
}
pub fn to_list(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    let pairs: Vec<Term> = hamt::pairs(a[0])
        .into_iter()
        .map(|(k, v)| ctx.st.heap.tuple(&[k, v]))
        .collect();
    Ok(ctx.st.heap.list(&pairs))
}
/// `:beamlet.map_fold_list(map)`: the `{key, value}` pairs in the order of
/// `maps:fold` and `maps:iterator` (for a map of over 32 keys the reverse
/// of `Map.to_list`'s): a walk of the hash trie, which the language cannot
/// do.
pub fn fold_list(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    let pairs: Vec<Term> = hamt::fold_pairs(a[0])
        .into_iter()
        .map(|(k, v)| ctx.st.heap.tuple(&[k, v]))
        .collect();
    Ok(ctx.st.heap.list(&pairs))
}
pub fn new0(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(ctx.st.heap.map_sorted(&[], &[]))
}
pub fn from_list(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let items = list_to_vec(a[0]).ok_or_else(badarg)?;
    let mut kv = Vec::with_capacity(items.len());
    for i in items {
        match i.tuple_elems() {
            Some([k, v]) => kv.push((*k, *v)),
            _ => return Err(badarg()),
        }
    }
    Ok(build_map(&mut ctx.st.heap, kv))
}
pub fn pop2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    pop3(ctx, &[a[0], a[1], atom::NIL])
}
pub fn pop3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    match map_find(a[0], a[1]) {
        Some(v) => {
            let rest = delete(ctx, &a[..2])?;
            Ok(ctx.st.heap.tuple(&[v, rest]))
        }
        None => Ok(ctx.st.heap.tuple(&[a[2], a[0]])),
    }
}

pub fn is_struct(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(
        a[0].is_map() && map_find(a[0], atom::STRUCT).is_some_and(|m| m.is_atom()),
    ))
}

/// `is_struct(term, name)`: a struct of module `name`.
pub fn is_struct2(_: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[1].is_atom() {
        return Err(super::badarg());
    }
    Ok(Term::bool(
        a[0].is_map() && map_find(a[0], atom::STRUCT).is_some_and(|m| m == a[1]),
    ))
}

/// `beamlet.struct(module, pairs_map)`: `%Module{...}` for a module whose
/// defaults are in `pairs_map` already merged by the caller.
pub fn make_struct(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    Ok(map_put(&mut ctx.st.heap, a[1], atom::STRUCT, a[0]))
}

/// `first..last` as the `%Range{}` struct, stepping by 1, or by -1 when
/// `first > last` (Elixir 1.14 infers it).
pub fn range2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_integer() || !a[1].is_integer() {
        let msg = format!(
            "ranges (first..last) expect both sides to be integers, got: {}..{}",
            inspect_term(ctx, a[0]),
            inspect_term(ctx, a[1])
        );
        return Err(raise_msg(ctx, "Elixir.ArgumentError", &msg));
    }
    let down = crate::order::compare(a[1], a[0]) == std::cmp::Ordering::Less;
    let step = Term::small(if down { -1 } else { 1 });
    range(ctx, &[a[0], a[1], step])
}

/// `first..last//step` as the `%Range{}` struct.
pub fn range(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_integer() || !a[1].is_integer() || !a[2].is_integer() || a[2] == Term::small(0) {
        let msg = format!(
            "ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: {}..{}//{}",
            inspect_term(ctx, a[0]),
            inspect_term(ctx, a[1]),
            inspect_term(ctx, a[2])
        );
        return Err(raise_msg(ctx, "Elixir.ArgumentError", &msg));
    }
    let kv = vec![
        (atom::STRUCT, atom::RANGE),
        (atom::FIRST, a[0]),
        (atom::LAST, a[1]),
        (atom::STEP, a[2]),
    ];
    Ok(build_map(&mut ctx.st.heap, kv))
}
