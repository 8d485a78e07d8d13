//! Match specifications (OTP's `ets:select/2`, `ets:match_spec_run/2`,
//! `ets:test_ms/2`): checking a spec, matching a head against a term, and
//! running the guards and the body.
//!
//! A spec is read straight from its terms (the caller's or a table's); the
//! terms it binds point into the matched object, which may live in a
//! table's storage: the caller copies whatever it keeps into its own heap
//! (bif/ets.rs, `export`) while the table is still locked.

use super::{list_to_vec, Ctx};
use crate::atom;
use crate::order;
use crate::process::Exn;
use crate::term::Term;

/// One clause of a spec: `{head, guards, body}`.
pub struct Clause {
    pub head: Term,
    pub guards: Vec<Term>,
    pub body: Vec<Term>,
}

/// Why a spec is not valid (the text `test_ms/2` reports).
pub type Invalid = String;

/// The variable number of `:"$N"`, if `t` is one.
fn var_num(t: Term) -> Option<usize> {
    if !t.is_atom() {
        return None;
    }
    let s = atom::name(t);
    let d = s.strip_prefix('$')?;
    if d.is_empty() || !d.bytes().all(|b| b.is_ascii_digit()) || d.len() > 9 {
        return None;
    }
    d.parse().ok()
}

/// Parses and checks a match specification.
pub fn parse(ms: Term) -> Result<Vec<Clause>, Invalid> {
    let Some(items) = list_to_vec(ms) else {
        return Err("Match program is not a proper list.".into());
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let Some([head, guards, body]) =
            it.tuple_elems().and_then(|e| <[Term; 3]>::try_from(e).ok())
        else {
            return Err("Match program part is not a tuple of arity 3.".into());
        };
        let Some(guards) = list_to_vec(guards) else {
            return Err("Match program part guards is not a proper list.".into());
        };
        let body_v = match list_to_vec(body) {
            Some(b) if !b.is_empty() => b,
            _ => return Err("Match program part body is not a non-empty proper list.".into()),
        };
        let mut bound = Vec::new();
        head_vars(head, &mut bound);
        for g in &guards {
            check_expr(*g, &bound)?;
        }
        for b in &body_v {
            check_expr(*b, &bound)?;
        }
        out.push(Clause {
            head,
            guards,
            body: body_v,
        });
    }
    Ok(out)
}

fn head_vars(t: Term, out: &mut Vec<usize>) {
    if let Some(n) = var_num(t) {
        out.push(n);
    } else if let Some(es) = t.tuple_elems() {
        for e in es {
            head_vars(*e, out);
        }
    } else if let Some((h, tl)) = t.cons_parts() {
        head_vars(h, out);
        head_vars(tl, out);
    } else if t.is_map() {
        if let Some(kv) = Some(crate::hamt::pairs(t)) {
            for (_, v) in kv {
                head_vars(v, out);
            }
        }
    }
}

/// Special names a spec may call besides the guard built-ins of `:erlang`.
fn known_fun(name: &str, arity: usize) -> bool {
    match (name, arity) {
        ("andalso" | "orelse" | "and" | "or", n) => n >= 1,
        ("xor", 2) | ("size", 1) | ("is_port", 1) | ("is_record", 2 | 3) | ("const", 1) => true,
        ("self", 0) | ("node", 0 | 1) | ("float", 1) => true,
        ("bit_size" | "byte_size", 1) => true,
        _ => super::lookup("erlang", name, arity)
            .map(|id| super::BIFS[id as usize].guard)
            .unwrap_or(false),
    }
}

fn check_expr(t: Term, bound: &[usize]) -> Result<(), Invalid> {
    if let Some(n) = var_num(t) {
        if bound.contains(&n) {
            return Ok(());
        }
        return Err(format!("Variable ${n} is unbound."));
    }
    if t.is_atom() {
        return Ok(());
    }
    if let Some(es) = t.tuple_elems() {
        if es.len() == 1 && es[0].is_tuple() {
            for e in es[0].tuple_elems().unwrap_or(&[]) {
                check_expr(*e, bound)?;
            }
            return Ok(());
        }
        let Some(f) = es.first().filter(|f| f.is_atom()) else {
            return Err("Invalid expression in match program.".into());
        };
        let name = atom::name(*f);
        if name == "const" && es.len() == 2 {
            return Ok(());
        }
        if !known_fun(name, es.len() - 1) {
            return Err(format!(
                "Function {}/{} does_not_exist.",
                name,
                es.len() - 1
            ));
        }
        for e in &es[1..] {
            check_expr(*e, bound)?;
        }
        return Ok(());
    }
    if let Some((h, tl)) = t.cons_parts() {
        check_expr(h, bound)?;
        return check_expr(tl, bound);
    }
    if t.is_map() {
        if let Some(kv) = Some(crate::hamt::pairs(t)) {
            for (_, v) in kv {
                check_expr(v, bound)?;
            }
        }
    }
    Ok(())
}

/// Bindings of `$0`... while a clause runs.
pub struct Binds {
    vals: Vec<Option<Term>>,
}

impl Binds {
    fn new() -> Binds {
        Binds { vals: Vec::new() }
    }
    fn get(&self, n: usize) -> Option<Term> {
        self.vals.get(n).copied().flatten()
    }
    fn set(&mut self, n: usize, t: Term) {
        if self.vals.len() <= n {
            self.vals.resize(n + 1, None);
        }
        self.vals[n] = Some(t);
    }
}

/// Matches `pat` against `t`, binding variables.
fn matches(pat: Term, t: Term, b: &mut Binds) -> bool {
    if pat.is_atom() {
        if atom::name(pat) == "_" {
            return true;
        }
        if let Some(n) = var_num(pat) {
            return match b.get(n) {
                Some(v) => order::exact_eq(v, t),
                None => {
                    b.set(n, t);
                    true
                }
            };
        }
        return pat == t;
    }
    if let Some(ps) = pat.tuple_elems() {
        let Some(ts) = t.tuple_elems() else {
            return false;
        };
        return ps.len() == ts.len() && ps.iter().zip(ts).all(|(p, x)| matches(*p, *x, b));
    }
    if pat.is_cons() {
        let (mut p, mut x) = (pat, t);
        loop {
            match (p.cons_parts(), x.cons_parts()) {
                (Some((ph, pt)), Some((xh, xt))) => {
                    if !matches(ph, xh, b) {
                        return false;
                    }
                    p = pt;
                    x = xt;
                }
                (None, _) => return matches(p, x, b),
                (Some(_), None) => return false,
            }
        }
    }
    if pat.is_map() {
        if !t.is_map() {
            return false;
        }
        let Some(kv) = Some(crate::hamt::pairs(pat)) else {
            return false;
        };
        for (k, v) in kv {
            match super::map::map_find(t, k) {
                Some(x) if matches(v, x, b) => {}
                _ => return false,
            }
        }
        return true;
    }
    order::exact_eq(pat, t)
}

/// What running a clause's body gave: a value, or an error (`:EXIT`).
pub enum Outcome {
    NoMatch,
    Value(Term),
}

/// Runs `clauses` on `obj`: the first clause whose head matches and whose
/// guards hold gives its body's last value (`:EXIT` if the body fails).
pub fn run(ctx: &mut Ctx, clauses: &[Clause], obj: Term) -> Outcome {
    for c in clauses {
        let mut b = Binds::new();
        if !matches(c.head, obj, &mut b) {
            continue;
        }
        let ok = c
            .guards
            .iter()
            .all(|g| matches!(eval(ctx, *g, obj, &b), Ok(t) if t == atom::TRUE));
        if !ok {
            continue;
        }
        let mut last = atom::TRUE;
        for e in &c.body {
            match eval(ctx, *e, obj, &b) {
                Ok(v) => last = v,
                Err(_) => return Outcome::Value(atom::EXIT_UPPER),
            }
        }
        return Outcome::Value(last);
    }
    Outcome::NoMatch
}

fn all_vars(ctx: &mut Ctx, b: &Binds) -> Term {
    let vals: Vec<Term> = b.vals.iter().flatten().copied().collect();
    ctx.st.heap.list(&vals)
}

type Ev = Result<Term, Exn>;

fn fail() -> Exn {
    super::badarg()
}

fn eval(ctx: &mut Ctx, e: Term, obj: Term, b: &Binds) -> Ev {
    if e.is_atom() {
        let s = atom::name(e);
        if s == "$_" {
            return Ok(obj);
        }
        if s == "$$" {
            return Ok(all_vars(ctx, b));
        }
        if let Some(n) = var_num(e) {
            return b.get(n).ok_or_else(fail);
        }
        return Ok(e);
    }
    if let Some(es) = e.tuple_elems() {
        if es.len() == 1 && es[0].is_tuple() {
            let inner = es[0].tuple_elems().unwrap_or(&[]);
            let mut vals = Vec::with_capacity(inner.len());
            for x in inner {
                vals.push(eval(ctx, *x, obj, b)?);
            }
            return Ok(ctx.st.heap.tuple(&vals));
        }
        let f = *es.first().ok_or_else(fail)?;
        let name = atom::name(f);
        let args = &es[1..];
        return call(ctx, name, args, obj, b);
    }
    if e.is_cons() {
        let mut items = Vec::new();
        let mut cur = e;
        while let Some((h, t)) = cur.cons_parts() {
            items.push(eval(ctx, h, obj, b)?);
            cur = t;
        }
        let tail = eval(ctx, cur, obj, b)?;
        return Ok(ctx.st.heap.list_with_tail(&items, tail));
    }
    if e.is_map() {
        if let Some(kv) = Some(crate::hamt::pairs(e)) {
            let mut out = Vec::with_capacity(kv.len());
            for (k, v) in kv {
                out.push((k, eval(ctx, v, obj, b)?));
            }
            return Ok(super::map::build_map(&mut ctx.st.heap, out));
        }
    }
    Ok(e)
}

fn call(ctx: &mut Ctx, name: &str, args: &[Term], obj: Term, b: &Binds) -> Ev {
    match name {
        "const" if args.len() == 1 => return Ok(args[0]),
        "andalso" | "and" if !args.is_empty() => {
            for a in args {
                let v = eval(ctx, *a, obj, b)?;
                if v == atom::FALSE {
                    return Ok(atom::FALSE);
                }
                if v != atom::TRUE {
                    return Err(fail());
                }
            }
            return Ok(atom::TRUE);
        }
        "orelse" | "or" if !args.is_empty() => {
            for a in args {
                let v = eval(ctx, *a, obj, b)?;
                if v == atom::TRUE {
                    return Ok(atom::TRUE);
                }
                if v != atom::FALSE {
                    return Err(fail());
                }
            }
            return Ok(atom::FALSE);
        }
        _ => {}
    }
    let mut vals = Vec::with_capacity(args.len());
    for a in args {
        vals.push(eval(ctx, *a, obj, b)?);
    }
    match (name, vals.as_slice()) {
        ("xor", [x, y]) if x.is_boolean() && y.is_boolean() => {
            return Ok(Term::bool(x.is_true() != y.is_true()))
        }
        ("is_port", [_]) => return Ok(atom::FALSE),
        ("size", [x]) => {
            if let Some(es) = x.tuple_elems() {
                return Ok(Term::small(es.len() as i64));
            }
            if let Some(bytes) = x.binary_bytes() {
                return Ok(Term::small(bytes.len() as i64));
            }
            return Err(fail());
        }
        ("is_record", [x, tag]) | ("is_record", [x, tag, _]) => {
            let size_ok = match vals.get(2) {
                Some(n) => x.tuple_elems().map(|e| Term::small(e.len() as i64)) == Some(*n),
                None => true,
            };
            let ok = x
                .tuple_elems()
                .and_then(|e| e.first().copied())
                .map(|f| f == *tag)
                .unwrap_or(false);
            return Ok(Term::bool(ok && size_ok));
        }
        _ => {}
    }
    let id = super::lookup("erlang", name, vals.len()).ok_or_else(fail)?;
    let f = super::BIFS[id as usize].f;
    f(ctx, &vals)
}

/// The head and the `$$`-style bindings of `pat` against `t` (for
/// `match/2`): `None` if it does not match.
pub fn match_vars(ctx: &mut Ctx, pat: Term, t: Term) -> Option<Term> {
    let mut b = Binds::new();
    if matches(pat, t, &mut b) {
        Some(all_vars(ctx, &b))
    } else {
        None
    }
}

/// Whether `pat` matches `t` (for `match_object/2`).
pub fn pattern_matches(pat: Term, t: Term) -> bool {
    matches(pat, t, &mut Binds::new())
}

/// The key `head` pins at `keypos`, if it is fully bound (no variables):
/// lets a select on a keyed table look up one key.
pub fn bound_key(head: Term, keypos: usize) -> Option<Term> {
    let k = *head.tuple_elems()?.get(keypos - 1)?;
    if ground(k) {
        Some(k)
    } else {
        None
    }
}

fn ground(t: Term) -> bool {
    if t.is_atom() {
        let s = atom::name(t);
        return s != "_" && var_num(t).is_none();
    }
    if let Some(es) = t.tuple_elems() {
        return es.iter().all(|e| ground(*e));
    }
    if let Some((h, tl)) = t.cons_parts() {
        return ground(h) && ground(tl);
    }
    !t.is_map()
}
