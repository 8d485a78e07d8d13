//! Unicode text over binaries as Elixir 1.14 sees it (Unicode 14): grapheme
//! clusters, case mapping with its modes, normalization forms, whitespace.
//!
//! Every function takes bytes that need not be valid UTF-8: as Elixir does,
//! a byte that does not start a valid UTF-8 sequence stands alone, as one
//! code point and one grapheme, and is copied through case mapping and
//! normalization unchanged. Grapheme clusters come from the
//! `unicode-segmentation` crate (pinned to its Unicode 14 release), the
//! normalization forms from `unicode-normalization` (also Unicode 14); case
//! mappings from tables generated from Elixir itself (`tables.rs`,
//! `gen_tables.exs`), since Elixir's own rules (no final sigma unless
//! `:greek`, its idea of which letters count around a sigma) are its own.

mod tables;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// A piece of a binary: a run of valid UTF-8, or one byte that is not.
enum Run<'a> {
    Valid(&'a str),
    Invalid(u8),
}

/// Calls `f` on each valid run and each invalid byte of `b`, in order.
fn runs<'a>(b: &'a [u8], mut f: impl FnMut(Run<'a>) -> bool) {
    let mut pos = 0;
    while pos < b.len() {
        match std::str::from_utf8(&b[pos..]) {
            Ok(s) => {
                f(Run::Valid(s));
                return;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                if valid > 0 {
                    let s = std::str::from_utf8(&b[pos..pos + valid]).unwrap_or_default();
                    if !f(Run::Valid(s)) {
                        return;
                    }
                }
                if !f(Run::Invalid(b[pos + valid])) {
                    return;
                }
                pos += valid + 1;
            }
        }
    }
}

/// Calls `f(start, end)` on the byte range of each grapheme cluster of `b`
/// until it returns `false`. A byte that is not UTF-8 is a cluster of its
/// own, and no cluster spans it.
///
/// `b` is read a window at a time (`GRAPHEME_WINDOW` bytes, doubled as
/// reading goes on or while a single cluster fills it), so that stopping
/// early costs what was read,
/// not the whole of `b` (`String.next_grapheme/1` in a loop, `String.at/2`,
/// `String.split(s, "")`). A window's last cluster may go on past it: it is
/// read again at the start of the next window, whose boundaries are then
/// the whole string's (the rules look one code point ahead, and back only
/// within the cluster or to a boundary).
pub fn graphemes(b: &[u8], mut f: impl FnMut(usize, usize) -> bool) {
    let mut pos = 0;
    let mut window = GRAPHEME_WINDOW;
    while pos < b.len() {
        let rest = &b[pos..];
        let limit = rest.len().min(window);
        // The valid UTF-8 prefix of the window, and whether it ends the run
        // (at the end of `b` or at a byte that is not UTF-8).
        let (valid, hard_end) = match std::str::from_utf8(&rest[..limit]) {
            Ok(_) => (limit, limit == rest.len()),
            // A code point cut by the window's end: the run goes on.
            Err(e) if e.error_len().is_none() && limit < rest.len() => (e.valid_up_to(), false),
            Err(e) => (e.valid_up_to(), true),
        };
        if valid == 0 {
            if !hard_end {
                window *= 2;
                continue;
            }
            if !f(pos, pos + 1) {
                return;
            }
            pos += 1;
            continue;
        }
        let s = std::str::from_utf8(&rest[..valid]).unwrap_or_default();
        // Where the window's clusters were read up to.
        let mut done = 0;
        if s.is_ascii() {
            let sb = s.as_bytes();
            while done < sb.len() {
                let n = if sb[done] == b'\r' && sb.get(done + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                if !hard_end && done + n == sb.len() {
                    break;
                }
                if !f(pos + done, pos + done + n) {
                    return;
                }
                done += n;
            }
        } else {
            let mut clusters = s.grapheme_indices(true).peekable();
            while let Some((i, g)) = clusters.next() {
                if !hard_end && clusters.peek().is_none() {
                    break;
                }
                if !f(pos + i, pos + i + g.len()) {
                    return;
                }
                done = i + g.len();
            }
        }
        if done == 0 && !hard_end {
            // One cluster fills the window: read a larger one.
            window *= 2;
            continue;
        }
        pos += done;
        // Reading on: larger windows, up to a bound.
        window = (window * 2).clamp(GRAPHEME_WINDOW, GRAPHEME_WINDOW_MAX);
    }
}

/// Bytes `graphemes` reads first (a guess: a few clusters, so that reading
/// one costs little); each next window is twice as large, up to
/// `GRAPHEME_WINDOW_MAX`, so that a whole string costs a few restarts.
const GRAPHEME_WINDOW: usize = 64;
const GRAPHEME_WINDOW_MAX: usize = 64 * 1024;

/// The number of grapheme clusters in `b`.
pub fn grapheme_count(b: &[u8]) -> usize {
    if b.is_ascii() {
        let crlf = memchr::memmem::find_iter(b, b"\r\n").count();
        return b.len() - crlf;
    }
    let mut n = 0;
    graphemes(b, |_, _| {
        n += 1;
        true
    });
    n
}

/// The byte size of the first grapheme cluster of `b` (0 when empty).
pub fn first_grapheme_size(b: &[u8]) -> usize {
    let mut size = 0;
    graphemes(b, |s, e| {
        size = e - s;
        false
    });
    size
}

/// Calls `f(start, end)` on each code point of `b` (an invalid byte is one).
pub fn codepoints(b: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut pos = 0;
    while pos < b.len() {
        let n = utf8_len(&b[pos..]).unwrap_or(1);
        f(pos, pos + n);
        pos += n;
    }
}

/// The length of the valid UTF-8 sequence `b` starts with, if it does.
pub fn utf8_len(b: &[u8]) -> Option<usize> {
    let n = match *b.first()? {
        0..=0x7F => return Some(1),
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let s = b.get(..n)?;
    std::str::from_utf8(s).ok().map(|_| n)
}

/// The code point a valid UTF-8 sequence `b` starts with, and its length.
fn decode(b: &[u8]) -> Option<(char, usize)> {
    let n = utf8_len(b)?;
    let c = std::str::from_utf8(&b[..n]).ok()?.chars().next()?;
    Some((c, n))
}

/// The case modes of `String.upcase/2`, `downcase/2`, `capitalize/2`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Default,
    Ascii,
    Greek,
    Turkic,
}

/// Which mapping of the case table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Map {
    Up,
    Down,
    Title,
}

/// The full case mapping of `c`, appended to `out`.
fn map_char(c: char, map: Map, out: &mut Vec<u8>) {
    let cp = c as u32;
    match tables::CASE.binary_search_by_key(&cp, |r| r.0) {
        Ok(i) => {
            let (_, up, down, title) = tables::CASE[i];
            let s = match map {
                Map::Up => up,
                Map::Down => down,
                Map::Title => title,
            };
            out.extend_from_slice(s.as_bytes());
        }
        Err(_) => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `String.upcase(b, mode)`.
pub fn upcase(b: &[u8], mode: Mode) -> Vec<u8> {
    if mode == Mode::Ascii || (b.is_ascii() && mode != Mode::Turkic) {
        return b.to_ascii_uppercase();
    }
    let mut out = Vec::with_capacity(b.len());
    map_from(b, 0, Map::Up, mode, &mut out);
    out
}

/// `String.downcase(b, mode)`.
pub fn downcase(b: &[u8], mode: Mode) -> Vec<u8> {
    if mode == Mode::Ascii || (b.is_ascii() && mode != Mode::Turkic) {
        return b.to_ascii_lowercase();
    }
    let mut out = Vec::with_capacity(b.len());
    map_from(b, 0, Map::Down, mode, &mut out);
    out
}

/// `String.capitalize(b, mode)`: the first code point in title case, the
/// rest downcased (a sigma there looks back no further than the rest).
pub fn capitalize(b: &[u8], mode: Mode) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let Some(&first) = b.first() else {
        return out;
    };
    if mode == Mode::Ascii {
        out.push(first.to_ascii_uppercase());
        out.extend_from_slice(&b[1..].to_ascii_lowercase());
        return out;
    }
    let n = match decode(b) {
        Some((c, n)) => {
            if mode == Mode::Turkic && c == 'i' {
                out.extend_from_slice("İ".as_bytes());
            } else {
                map_char(c, Map::Title, &mut out);
            }
            n
        }
        None => {
            out.push(first);
            1
        }
    };
    map_from(b, n, Map::Down, mode, &mut out);
    out
}

/// Maps the code points of `b` from byte `start` on, appending to `out`.
fn map_from(b: &[u8], start: usize, map: Map, mode: Mode, out: &mut Vec<u8>) {
    let mut pos = start;
    // The code point before the current one (for the final sigma).
    let mut prev: Option<char> = None;
    while pos < b.len() {
        let byte = b[pos];
        if byte < 0x80 && !(mode == Mode::Turkic && (byte == b'i' || byte == b'I')) {
            out.push(match map {
                Map::Up | Map::Title => byte.to_ascii_uppercase(),
                Map::Down => byte.to_ascii_lowercase(),
            });
            prev = Some(byte as char);
            pos += 1;
            continue;
        }
        let Some((c, n)) = decode(&b[pos..]) else {
            out.push(byte);
            prev = None;
            pos += 1;
            continue;
        };
        match (mode, map, c) {
            (Mode::Turkic, Map::Up, 'i') => out.extend_from_slice("İ".as_bytes()),
            (Mode::Turkic, Map::Down, 'I') => {
                if b[pos + 1..].starts_with("\u{307}".as_bytes()) {
                    out.push(b'i');
                    pos += 2;
                } else {
                    out.extend_from_slice("ı".as_bytes());
                }
            }
            (Mode::Turkic, Map::Down, 'İ') => out.push(b'i'),
            (Mode::Greek, Map::Down, 'Σ') => {
                let final_sigma = prev.is_some_and(|p| in_ranges(tables::SIGMA_AFTER, p))
                    && !cased_follows(&b[pos + n..]);
                out.extend_from_slice(if final_sigma { "ς" } else { "σ" }.as_bytes());
            }
            _ => map_char(c, map, out),
        }
        prev = Some(c);
        pos += n;
    }
}

/// Whether `rest` starts with a cased letter after case-ignorable code
/// points (for the final sigma).
fn cased_follows(rest: &[u8]) -> bool {
    let mut pos = 0;
    while let Some((c, n)) = decode(&rest[pos..]) {
        if in_ranges(tables::SIGMA_CASED, c) {
            return true;
        }
        if !in_ranges(tables::SIGMA_IGNORABLE, c) {
            return false;
        }
        pos += n;
    }
    false
}

/// The normalization forms of `String.normalize/2`.
#[derive(Clone, Copy)]
pub enum Form {
    Nfd,
    Nfc,
    Nfkd,
    Nfkc,
}

/// `String.normalize(b, form)`: each valid run normalized, invalid bytes
/// kept where they are.
pub fn normalize(b: &[u8], form: Form) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    runs(b, |run| {
        match run {
            Run::Valid(s) => {
                let s: String = match form {
                    Form::Nfd => s.nfd().collect(),
                    Form::Nfkd => s.nfkd().collect(),
                    Form::Nfc => s.graphemes(true).map(|g| compose(g.nfd())).collect(),
                    // OTP splits the compatibility decomposition into
                    // grapheme clusters again before composing each one:
                    // "ǅ" decomposes to "Dz\u030C", whose clusters "D" and
                    // "z\u030C" give "Dž".
                    Form::Nfkc => s
                        .graphemes(true)
                        .flat_map(|g| {
                            let d: String = g.nfkd().collect();
                            let composed: Vec<String> =
                                d.graphemes(true).map(|c| compose(c.chars())).collect();
                            composed
                        })
                        .collect(),
                };
                out.extend_from_slice(s.as_bytes());
            }
            Run::Invalid(byte) => out.push(byte),
        }
        true
    });
    out
}

/// The canonical composition of one decomposed grapheme cluster, as OTP's
/// `unicode:characters_to_nfc_binary/1` (under `String.normalize/2`) does
/// it: the cluster's first code point is the only starter others compose
/// with, so `"\u0600e\u0301"` (a prepended mark, then e and an accent)
/// stays as it is, where Unicode's algorithm would compose `é`.
fn compose(decomposed: impl Iterator<Item = char>) -> String {
    use unicode_normalization::char::{canonical_combining_class, compose};
    let mut chars = decomposed;
    let Some(mut starter) = chars.next() else {
        return String::new();
    };
    let mut rest = String::new();
    // The combining class of the last code point kept after the starter.
    let mut last: Option<u8> = None;
    for c in chars {
        let ccc = canonical_combining_class(c);
        let blocked = match last {
            None => false,
            Some(l) => l == 0 || l >= ccc,
        };
        match (blocked, compose(starter, c)) {
            (false, Some(composed)) => starter = composed,
            _ => {
                rest.push(c);
                last = Some(ccc);
            }
        }
    }
    let mut out = String::with_capacity(rest.len() + 4);
    out.push(starter);
    out.push_str(&rest);
    out
}

/// Whether `c` is whitespace to `String.trim/1` (Unicode's White_Space).
pub fn is_trim_space(c: char) -> bool {
    matches!(c as u32, 0x9..=0xD | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

/// Whether `c` separates words for `String.split/1`: whitespace but the
/// no-break spaces (U+00A0, U+2007, U+202F).
pub fn is_split_space(c: char) -> bool {
    is_trim_space(c) && !matches!(c as u32, 0xA0 | 0x2007 | 0x202F)
}

/// The whitespace code point `b` starts with, as its byte length, if any.
fn space_at(b: &[u8], split: bool) -> Option<usize> {
    match b.first()? {
        0x9..=0xD | 0x20 => Some(1),
        c if *c < 0x80 => None,
        _ => {
            let (c, n) = decode(b)?;
            let yes = if split {
                is_split_space(c)
            } else {
                is_trim_space(c)
            };
            yes.then_some(n)
        }
    }
}

/// The byte ranges of the words of `b` (`String.split/1`).
pub fn split_words(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut start = None;
    while pos < b.len() {
        match space_at(&b[pos..], true) {
            Some(n) => {
                if let Some(s) = start.take() {
                    out.push((s, pos));
                }
                pos += n;
            }
            None => {
                start.get_or_insert(pos);
                pos += utf8_len(&b[pos..]).unwrap_or(1);
            }
        }
    }
    if let Some(s) = start {
        out.push((s, b.len()));
    }
    out
}

/// The byte offset where `b` stops starting with whitespace.
pub fn trim_leading(b: &[u8]) -> usize {
    let mut pos = 0;
    while let Some(n) = space_at(&b[pos..], false) {
        pos += n;
    }
    pos
}

/// The byte offset where the whitespace that `b` ends with starts.
pub fn trim_trailing(b: &[u8]) -> usize {
    let mut end = b.len();
    loop {
        if end == 0 {
            return 0;
        }
        let last = b[end - 1];
        if last < 0x80 {
            if matches!(last, 0x9..=0xD | 0x20) {
                end -= 1;
                continue;
            }
            return end;
        }
        // The start of the multi-byte code point ending at `end`.
        let mut start = end - 1;
        while start > 0 && end - start < 4 && b[start] & 0xC0 == 0x80 {
            start -= 1;
        }
        match space_at(&b[start..end], false) {
            Some(n) if start + n == end => end = start,
            _ => return end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clusters `graphemes` gives, as byte ranges.
    fn clusters(b: &[u8]) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        graphemes(b, |s, e| {
            v.push((s, e));
            true
        });
        v
    }

    #[test]
    fn windows_do_not_move_boundaries() {
        // Clusters across the window ends (64, 128, ...): combining marks,
        // CRLF, flags, a ZWJ sequence, a cluster longer than a window.
        for pad in [60, 62, 63, 64, 126, 127, 250, 4093] {
            for tail in ["e\u{301}\u{301}x", "\r\ny", "🇫🇷🇩🇪", "👨\u{200d}👩\u{200d}👧z", "a\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}b"] {
                let s = format!("{}{tail}{}", "a".repeat(pad), "é".repeat(40));
                let want: Vec<(usize, usize)> =
                    s.grapheme_indices(true).map(|(i, g)| (i, i + g.len())).collect();
                assert_eq!(clusters(s.as_bytes()), want, "pad {pad} tail {tail:?}");
            }
        }
        // A byte that is not UTF-8 is a cluster of its own.
        let mut b = "a".repeat(70).into_bytes();
        b.extend_from_slice(&[0xFF, b'e', 0xCC, 0x81]);
        let got = clusters(&b);
        assert_eq!(got[70..], [(70, 71), (71, 74)]);
        assert_eq!(first_grapheme_size("e\u{301}x".as_bytes()), 3);
    }
}
