//! The native parts of OTP's `:binary` module (the rest is `stdlib/binary.ex`).
//!
//! `binary_search` is the search under `match/matches/split/replace`, native
//! because it is the inner loop over every byte of the subject: a
//! 1 MB subject searched byte by byte in the language runs millions of
//! instructions, where `memchr`'s `memmem` (one pattern) and an
//! Aho-Corasick automaton (several) scan it in about a millisecond. Only
//! the search is here; the options, the errors and the building of results
//! stay in the language.

use super::{badarg, list_to_vec, BifResult, Ctx};
use crate::atom;
use crate::process::Exn;
use crate::term::Term;
use aho_corasick::{AhoCorasick, MatchKind};

/// `:beamlet.binary_search(subject, patterns, from, to, global)`: the
/// matches of the non-empty binaries `patterns` in the bytes `from..to` of
/// the binary `subject`, as a list of `{position, length}` (positions in
/// the whole subject). Where several patterns match at one position the
/// longest wins; the matches do not overlap, each search going on after
/// the end of the last match (OTP's `binary:matches/3`). With `global`
/// false, at most the first match. Badarg on arguments of other shapes
/// (the library checks them first, with OTP's messages).
pub fn binary_search(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let subject = a[0].binary_bytes().ok_or_else(badarg)?;
    let patterns = list_to_vec(a[1])
        .ok_or_else(badarg)?
        .into_iter()
        .map(|p| p.binary_bytes().filter(|b| !b.is_empty()))
        .collect::<Option<Vec<&[u8]>>>()
        .filter(|ps| !ps.is_empty())
        .ok_or_else(badarg)?;
    let from = a[2].as_small().and_then(|n| usize::try_from(n).ok());
    let to = a[3].as_small().and_then(|n| usize::try_from(n).ok());
    let (Some(from), Some(to)) = (from, to) else {
        return Err(badarg());
    };
    if from > to || to > subject.len() {
        return Err(badarg());
    }
    let found = search(&subject[from..to], &patterns, a[4] == atom::TRUE).ok_or_else(badarg)?;
    let items: Vec<Term> = found
        .into_iter()
        .map(|(pos, len)| {
            let pos = Term::small((from + pos) as i64);
            ctx.st.heap.tuple(&[pos, Term::small(len as i64)])
        })
        .collect();
    Ok(ctx.st.heap.list(&items))
}

/// The matches of `patterns` (non-empty, at least one) in `hay` as
/// `(position, length)`: leftmost, the longest of those starting at one
/// position, not overlapping; only the first unless `global`. `None` when
/// the patterns are too many for an automaton.
pub fn search(hay: &[u8], patterns: &[&[u8]], global: bool) -> Option<Vec<(usize, usize)>> {
    let mut found = Vec::new();
    if let [p] = patterns {
        let finder = memchr::memmem::Finder::new(p);
        let mut at = 0;
        while let Some(i) = finder.find(&hay[at..]) {
            found.push((at + i, p.len()));
            at += i + p.len();
            if !global {
                break;
            }
        }
        return Some(found);
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .ok()?;
    for m in ac.find_iter(hay) {
        found.push((m.start(), m.len()));
        if !global {
            break;
        }
    }
    Some(found)
}

/// `:binary.referenced_byte_size/1`: the size of the binary whose bytes
/// `t` views (its own size unless it is a sub-binary: term.rs). Native
/// because only the VM sees the base of a view.
pub fn referenced_byte_size(_: &mut Ctx, a: &[Term]) -> BifResult {
    let (_, base, _, _) = a[0]
        .bitstring_parts()
        .ok_or_else(|| Exn::badarg_at(1, "not a binary"))?;
    Ok(Term::small(base.len() as i64))
}
