//! `:lists.sort/1` with the BEAM's exact result.
//!
//! Sorting by term order is not enough to print what Elixir prints: terms
//! that compare equal but differ (`1` and `1.0`) come out in an order set by
//! the algorithm, and `Enum.sort/1` is `:lists.sort/1`. This module follows
//! that algorithm's structure (Erlang/OTP's `lists.erl`):
//!
//! 1. **Runs.** One pass over the input cuts it into runs, keeping the two
//!    newest elements aside so an element that fits between them still
//!    extends the run. A list that starts ascending yields ascending runs
//!    (ties stay in the run); one that starts descending yields descending
//!    runs (only strictly smaller elements extend them). Runs are kept
//!    reversed, as consing builds them.
//! 2. **Merges.** The runs are merged three at a time (two at the end),
//!    alternating between merging ascending lists into reversed results and
//!    merging reversed lists into ascending ones, until one list is left.
//!    Every merge is stable: on ties the element of the earlier list, in the
//!    merge's own argument order, comes first.
//!
//! Lists here are `Vec`s in list order (the head at index 0).

use crate::order::compare;
use crate::term::Term;
use std::cmp::Ordering;

fn le(a: Term, b: Term) -> bool {
    compare(a, b) != Ordering::Greater
}

/// The sorted `list`, as `:lists.sort/1` orders it.
pub fn lists_sort(list: Vec<Term>) -> Vec<Term> {
    match list.len() {
        0 | 1 => return list,
        2 => {
            let (x, y) = (list[0], list[1]);
            return if le(x, y) { list } else { vec![y, x] };
        }
        3 => return sort3(list[0], list[1], list[2]),
        _ => {}
    }
    let (x, y, rest) = (list[0], list[1], &list[2..]);
    if le(x, y) {
        if compare(x, y) == Ordering::Equal {
            equal_prefix(y, rest, vec![x])
        } else {
            ascending(x, y, rest, Vec::new(), Vec::new())
        }
    } else {
        descending(x, y, rest, Vec::new(), Vec::new())
    }
}

/// A three-element list, decided directly.
fn sort3(x: Term, y: Term, z: Term) -> Vec<Term> {
    if le(x, y) {
        if le(y, z) {
            vec![x, y, z]
        } else if le(x, z) {
            vec![x, z, y]
        } else {
            vec![z, x, y]
        }
    } else if le(x, z) {
        vec![y, x, z]
    } else if le(y, z) {
        vec![y, z, x]
    } else {
        vec![z, y, x]
    }
}

/// The input began with equal elements (`pushed`, newest last, then `x`):
/// keep taking equal ones, then continue as a run of the direction found.
fn equal_prefix(mut x: Term, rest: &[Term], mut pushed: Vec<Term>) -> Vec<Term> {
    for (i, &y) in rest.iter().enumerate() {
        match compare(x, y) {
            Ordering::Equal => {
                pushed.push(x);
                x = y;
            }
            Ordering::Less => return ascending(x, y, &rest[i + 1..], pushed, Vec::new()),
            Ordering::Greater => return descending(x, y, &rest[i + 1..], pushed, Vec::new()),
        }
    }
    pushed.push(x);
    pushed
}

/// A finished run: `[y, x | r]` in list order, `r` holding its older
/// elements newest last (so reversed here).
fn run(y: Term, x: Term, r: Vec<Term>) -> Vec<Term> {
    let mut v = Vec::with_capacity(r.len() + 2);
    v.push(y);
    v.push(x);
    v.extend(r.into_iter().rev());
    v
}

/// Cuts the rest of the input into runs and merges them. `x`, `y` are the
/// current run's two newest elements (`x <= y` ascending, `y < x`
/// descending), `r` its older ones (newest last), `runs` the finished runs
/// (newest last).
fn cut_runs(
    desc: bool,
    mut x: Term,
    mut y: Term,
    rest: &[Term],
    mut r: Vec<Term>,
    mut runs: Vec<Vec<Term>>,
) -> Vec<Term> {
    // Whether `b` may follow `a` in the run's direction (ties do).
    let follows = |a: Term, b: Term| if desc { le(b, a) } else { le(a, b) };
    // An element that fits neither end, set aside while the run goes on.
    let mut aside: Option<Term> = None;
    for &z in rest {
        if follows(y, z) {
            r.push(x);
            x = y;
            y = z;
        } else if follows(x, z) {
            r.push(x);
            x = z;
        } else if aside.is_none() && r.is_empty() {
            r.push(z);
        } else if let Some(s) = aside {
            // A second such element ends the run; the two start the next one.
            runs.push(run(y, x, std::mem::take(&mut r)));
            let s_first = if desc {
                compare(s, z) == Ordering::Greater
            } else {
                le(s, z)
            };
            (x, y) = if s_first { (s, z) } else { (z, s) };
            aside = None;
        } else {
            aside = Some(z);
        }
    }
    runs.push(run(y, x, r));
    if let Some(s) = aside {
        runs.push(vec![s]);
    }
    // Runs are built reversed: ascending ones come out descending.
    if desc {
        merge_ascending_lists(lists_newest_first(runs), Vec::new())
    } else {
        merge_descending_lists(lists_newest_first(runs), Vec::new())
    }
}

fn ascending(x: Term, y: Term, rest: &[Term], r: Vec<Term>, runs: Vec<Vec<Term>>) -> Vec<Term> {
    cut_runs(false, x, y, rest, r, runs)
}

fn descending(x: Term, y: Term, rest: &[Term], r: Vec<Term>, runs: Vec<Vec<Term>>) -> Vec<Term> {
    cut_runs(true, x, y, rest, r, runs)
}

/// A stack (newest last) as a list (newest first).
fn lists_newest_first(mut v: Vec<Vec<Term>>) -> Vec<Vec<Term>> {
    v.reverse();
    v
}

/// Stable merge of ascending lists, earlier lists first on ties. With
/// `from_back`, each list is read from its end (a descending list read as
/// the ascending one it reverses), so no reversed copy is made.
fn merge_up(lists: &[&[Term]], from_back: bool) -> Vec<Term> {
    let item = |l: &[Term], k: usize| if from_back { l[l.len() - 1 - k] } else { l[k] };
    let mut at = vec![0; lists.len()];
    let mut out = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
    loop {
        let mut best: Option<usize> = None;
        for (i, l) in lists.iter().enumerate() {
            if at[i] < l.len() {
                best = match best {
                    Some(b) if le(item(lists[b], at[b]), item(l, at[i])) => Some(b),
                    _ => Some(i),
                };
            }
        }
        match best {
            Some(b) => {
                out.push(item(lists[b], at[b]));
                at[b] += 1;
            }
            None => return out,
        }
    }
}

/// Merges a list of ascending lists (list order) into reversed results,
/// three at a time, then hands those to [`merge_descending_lists`].
fn merge_ascending_lists(mut ls: Vec<Vec<Term>>, mut acc: Vec<Vec<Term>>) -> Vec<Term> {
    let mut i = 0;
    loop {
        let left = ls.len() - i;
        if left > 0 && ls[i].is_empty() {
            i += 1;
            continue;
        }
        if left >= 3 && !ls[i + 1].is_empty() && !ls[i + 2].is_empty() {
            let mut m = merge_up(&[&ls[i], &ls[i + 1], &ls[i + 2]], false);
            m.reverse();
            acc.push(m);
            i += 3;
        } else if left == 2 && !ls[i + 1].is_empty() {
            let mut m = merge_up(&[&ls[i], &ls[i + 1]], false);
            m.reverse();
            acc.push(m);
            return merge_descending_lists(lists_newest_first(acc), Vec::new());
        } else if left == 1 && acc.is_empty() {
            return std::mem::take(&mut ls[i]);
        } else if left == 1 {
            let mut l = std::mem::take(&mut ls[i]);
            l.reverse();
            acc.push(l);
            return merge_descending_lists(lists_newest_first(acc), Vec::new());
        } else if left == 0 {
            if acc.is_empty() {
                return Vec::new();
            }
            return merge_descending_lists(lists_newest_first(acc), Vec::new());
        } else if ls[i + 1].is_empty() {
            ls.remove(i + 1);
        } else {
            ls.remove(i + 2);
        }
    }
}

/// Merges a list of descending lists into ascending results: each group
/// `[a, b, c]` merges as the ascending `rev(c), rev(b), rev(a)` in that
/// order (the later list first on ties), then [`merge_ascending_lists`].
fn merge_descending_lists(ls: Vec<Vec<Term>>, mut acc: Vec<Vec<Term>>) -> Vec<Term> {
    let mut i = 0;
    loop {
        let left = ls.len() - i;
        if left >= 3 && !ls[i].is_empty() && !ls[i + 1].is_empty() {
            acc.push(merge_up(&[&ls[i + 2], &ls[i + 1], &ls[i]], true));
            i += 3;
        } else if left == 2 && !ls[i].is_empty() {
            acc.push(merge_up(&[&ls[i + 1], &ls[i]], true));
            return merge_ascending_lists(lists_newest_first(acc), Vec::new());
        } else if left >= 1 {
            // One list left (the only remaining case for runs, which are
            // never empty here).
            let l: Vec<Term> = ls[i].iter().rev().copied().collect();
            acc.push(l);
            if left == 1 {
                return merge_ascending_lists(lists_newest_first(acc), Vec::new());
            }
            i += 1;
        } else {
            return merge_ascending_lists(lists_newest_first(acc), Vec::new());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::lists_sort;
    use crate::heap::Heap;
    use crate::order::compare;
    use crate::term::Term;

    /// `1` is `Term::small(1)`, `1.0` a float: equal in term order, not the same term.
    fn parse(h: &mut Heap, s: &str) -> Vec<Term> {
        s.split_whitespace()
            .map(|w| match w.strip_suffix(".0") {
                Some(i) => h.float(i.parse::<f64>().expect("number")),
                None => Term::small(w.parse().expect("number")),
            })
            .collect()
    }

    fn show(v: &[Term]) -> String {
        let words: Vec<String> = v
            .iter()
            .map(|t| match t.as_small() {
                Some(i) => i.to_string(),
                None => format!("{}.0", t.float_value().expect("a float") as i64),
            })
            .collect();
        words.join(" ")
    }

    #[test]
    fn equal_terms_land_where_the_beam_puts_them() {
        // Recorded from :lists.sort/1 on OTP 25.
        let cases = [
            ("3 1.0 2 1 2.0", "1 1.0 2.0 2 3"),
            ("1 1.0", "1 1.0"),
            ("1.0 1", "1.0 1"),
            ("2 1 1.0", "1 1.0 2"),
            ("1 1.0 1 1.0 0", "0 1.0 1 1.0 1"),
        ];
        let mut h = Heap::new();
        for (input, want) in cases {
            let got = lists_sort(parse(&mut h, input));
            assert_eq!(show(&got), want, "sorting {input}");
        }
    }

    #[test]
    fn sorts_and_keeps_every_element() {
        let mut h = Heap::new();
        let mut seed = 12345u64;
        for n in 0..300 {
            let input: Vec<Term> = (0..n % 97)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let v = ((seed >> 33) % 7) as i64;
                    if seed & 1 == 0 {
                        Term::small(v)
                    } else {
                        h.float(v as f64)
                    }
                })
                .collect();
            let got = lists_sort(input.clone());
            assert!(got.windows(2).all(|w| compare(w[0], w[1]).is_le()));
            let key = |v: &[Term]| {
                let mut s: Vec<u64> = v.iter().map(|t| t.raw()).collect();
                s.sort();
                s
            };
            // Floats are boxed: compare them by value, the rest by word.
            assert_eq!(got.len(), input.len());
            assert_eq!(
                key(&got
                    .iter()
                    .filter(|t| t.is_small())
                    .copied()
                    .collect::<Vec<_>>()),
                key(&input
                    .iter()
                    .filter(|t| t.is_small())
                    .copied()
                    .collect::<Vec<_>>())
            );
        }
    }
}
