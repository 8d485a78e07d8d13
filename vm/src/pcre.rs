//! A safe door to PCRE2 (the `pcre2-sys` crate, which builds PCRE2's C
//! source into the binary): compiled patterns, their capture tables, and one
//! match at a time. Erlang's `:re` (bif/re.rs) is built on it; everything
//! about terms and OTP's options lives there, this file only speaks PCRE2.
//!
//! Every `unsafe` of the regex engine is here. The obligations are PCRE2's:
//! a code object is immutable once compiled (and JIT-compiled) and may be
//! used from many threads at once; match data and match contexts may not,
//! so each thread keeps its own (`SCRATCH`), used by one match at a time
//! (a match never calls back into Rust: no callouts are set).

use pcre2_sys::*;
use std::cell::RefCell;
use std::ffi::c_void;
use std::ptr::{self, NonNull};

pub use pcre2_sys::{
    PCRE2_ANCHORED, PCRE2_BSR_ANYCRLF, PCRE2_BSR_UNICODE, PCRE2_CASELESS, PCRE2_DOLLAR_ENDONLY,
    PCRE2_DOTALL, PCRE2_DUPNAMES, PCRE2_EXTENDED, PCRE2_FIRSTLINE, PCRE2_MULTILINE,
    PCRE2_NEVER_UTF, PCRE2_NEWLINE_ANY, PCRE2_NEWLINE_ANYCRLF, PCRE2_NEWLINE_CR,
    PCRE2_NEWLINE_CRLF, PCRE2_NEWLINE_LF, PCRE2_NEWLINE_NUL, PCRE2_NOTBOL, PCRE2_NOTEMPTY,
    PCRE2_NOTEMPTY_ATSTART, PCRE2_NOTEOL, PCRE2_NO_AUTO_CAPTURE, PCRE2_NO_START_OPTIMIZE,
    PCRE2_NO_UTF_CHECK, PCRE2_UCP, PCRE2_UNGREEDY, PCRE2_UTF,
};

/// PCRE2's compile error number for an unknown escape (`\i`) and for an
/// escape not allowed in a class (`[\B]`): PCRE 8 (OTP's engine) took both
/// as the literal character, so bif/re.rs compiles such a pattern again
/// with `bad_escape_is_literal`.
pub const ERROR_UNKNOWN_ESCAPE: i32 = 103;
pub const ERROR_ESCAPE_INVALID_IN_CLASS: i32 = 107;
/// A range in a class that is no range (`[\d-z]`): PCRE 8 took the hyphen
/// after a class escape as a literal.
pub const ERROR_CLASS_INVALID_RANGE: i32 = 150;

/// What `compile` takes besides the pattern.
#[derive(Clone, Copy, Debug, Default)]
pub struct CompileOptions {
    /// `PCRE2_*` option bits for `pcre2_compile`.
    pub options: u32,
    /// `PCRE2_NEWLINE_*`, or 0 for the default (LF, as OTP's build).
    pub newline: u32,
    /// `PCRE2_BSR_*`, or 0 for the default (Unicode, as OTP's build).
    pub bsr: u32,
    /// Unknown escapes are literals (PCRE2_EXTRA_BAD_ESCAPE_IS_LITERAL).
    pub bad_escape_is_literal: bool,
}

/// A failed compilation: PCRE2's error number and the byte offset in the
/// pattern where it was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub code: i32,
    pub offset: usize,
}

/// A compiled pattern (JIT-compiled too when the host allows it).
pub struct Code {
    code: NonNull<pcre2_code_8>,
}

// SAFETY: a PCRE2 code object is immutable after `pcre2_compile` and
// `pcre2_jit_compile` (both done in `Code::compile`, before the value is
// handed out), and PCRE2 documents it as usable by many threads at once.
unsafe impl Send for Code {}
// SAFETY: as for Send: matching only reads the code object.
unsafe impl Sync for Code {}

impl Drop for Code {
    fn drop(&mut self) {
        // SAFETY: `code` came from `pcre2_compile_8` and is freed once, here.
        unsafe { pcre2_code_free_8(self.code.as_ptr()) }
    }
}

/// How a match ended, when it did not find or miss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchError {
    /// The match or depth limit (or the JIT stack, or the heap limit) ran
    /// out: OTP's `:match_limit` / `:match_limit_recursion`.
    MatchLimit,
    DepthLimit,
    /// The subject is not valid UTF-8 in UTF mode, or the start offset
    /// falls inside a character.
    BadUtf,
    /// Any other PCRE2 error (its negative number).
    Other(i32),
}

/// Limits on one match; `None` leaves PCRE2's default (10,000,000 each).
#[derive(Clone, Copy, Debug, Default)]
pub struct Limits {
    pub match_limit: Option<u32>,
    pub depth_limit: Option<u32>,
}

impl Code {
    /// Compiles `pattern` (bytes: UTF-8 in UTF mode, else one byte a
    /// character).
    pub fn compile(pattern: &[u8], opts: &CompileOptions) -> Result<Code, CompileError> {
        // SAFETY: a null general context asks for malloc/free.
        let cctx = unsafe { pcre2_compile_context_create_8(ptr::null_mut()) };
        if cctx.is_null() {
            return Err(CompileError {
                code: 121,
                offset: 0,
            });
        }
        // Lookbehinds must be of fixed length, as in PCRE 8;
        // `\K` may stand in a lookaround, as in PCRE 8.
        let mut extra = PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK;
        if opts.bad_escape_is_literal {
            extra |= PCRE2_EXTRA_BAD_ESCAPE_IS_LITERAL;
        }
        let (mut error, mut offset) = (0i32, 0usize);
        // SAFETY: `cctx` is a live compile context owned here; the setters
        // only store values in it (a bad value returns an error code, which
        // leaves the default). The character tables are static, so they
        // outlive the code object, which keeps a pointer to them. `pattern` is valid for its length and PCRE2
        // copies what it keeps. The context is freed after the compilation,
        // which does not keep a pointer to it.
        let code = unsafe {
            pcre2_set_character_tables_8(cctx, latin1_tables().as_ptr());
            pcre2_set_compile_extra_options_8(cctx, extra);
            pcre2_set_max_varlookbehind_8(cctx, 0);
            if opts.newline != 0 {
                pcre2_set_newline_8(cctx, opts.newline);
            }
            if opts.bsr != 0 {
                pcre2_set_bsr_8(cctx, opts.bsr);
            }
            let code = pcre2_compile_8(
                pattern.as_ptr(),
                pattern.len(),
                opts.options,
                &mut error,
                &mut offset,
                cctx,
            );
            pcre2_compile_context_free_8(cctx);
            code
        };
        let Some(code) = NonNull::new(code) else {
            return Err(CompileError {
                code: error,
                offset,
            });
        };
        // SAFETY: `code` is the live code object just compiled, not shared
        // yet. A failed JIT compilation (no executable memory) leaves the
        // interpreter to match, which is the same behaviour, slower.
        unsafe {
            pcre2_jit_compile_8(code.as_ptr(), PCRE2_JIT_COMPLETE);
        }
        Ok(Code { code })
    }

    fn info_u32(&self, what: u32) -> u32 {
        let mut out: u32 = 0;
        // SAFETY: every item asked through this function (ALLOPTIONS,
        // CAPTURECOUNT, NAMECOUNT, NAMEENTRYSIZE, NEWLINE) is a uint32_t
        // PCRE2 writes into `out`.
        unsafe {
            pcre2_pattern_info_8(
                self.code.as_ptr(),
                what,
                &mut out as *mut u32 as *mut c_void,
            );
        }
        out
    }

    /// The number of capture groups, the whole match not counted.
    pub fn capture_count(&self) -> usize {
        self.info_u32(PCRE2_INFO_CAPTURECOUNT) as usize
    }

    /// The options in force after compiling, with those the pattern set
    /// itself (`(*UTF)`, `(*UCP)`).
    pub fn all_options(&self) -> u32 {
        self.info_u32(PCRE2_INFO_ALLOPTIONS)
    }

    /// The newline convention (`PCRE2_NEWLINE_*`).
    pub fn newline(&self) -> u32 {
        self.info_u32(PCRE2_INFO_NEWLINE)
    }

    /// The named groups and their numbers, in PCRE2's name table order
    /// (sorted by name's bytes; a name given to several groups with
    /// `(?J)` or `dupnames` appears once per group).
    pub fn names(&self) -> Vec<(Vec<u8>, usize)> {
        let count = self.info_u32(PCRE2_INFO_NAMECOUNT) as usize;
        if count == 0 {
            return Vec::new();
        }
        let size = self.info_u32(PCRE2_INFO_NAMEENTRYSIZE) as usize;
        let mut table: *const u8 = ptr::null();
        // SAFETY: NAMETABLE writes a pointer to the code's name table:
        // `count` entries of `size` bytes, alive as long as the code.
        let entries = unsafe {
            pcre2_pattern_info_8(
                self.code.as_ptr(),
                PCRE2_INFO_NAMETABLE,
                &mut table as *mut *const u8 as *mut c_void,
            );
            if table.is_null() {
                return Vec::new();
            }
            std::slice::from_raw_parts(table, count * size)
        };
        entries
            .chunks(size)
            .map(|e| {
                let group = (usize::from(e[0]) << 8) | usize::from(e[1]);
                let name = &e[2..];
                let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
                (name[..end].to_vec(), group)
            })
            .collect()
    }

    /// One match of the pattern in `subject` from byte `start`, with the
    /// match options `options` (`PCRE2_ANCHORED`, `PCRE2_NOTEMPTY`, ...).
    /// On a match, `out` holds each group's `(start, end)` (a start after
    /// the end only when `\K` stood in a lookahead), the whole match first, up to the highest group that took part (`None` for one that
    /// did not); the result is true. No match: false.
    pub fn find(
        &self,
        subject: &[u8],
        start: usize,
        options: u32,
        limits: Limits,
        out: &mut Vec<Option<(usize, usize)>>,
    ) -> Result<bool, MatchError> {
        out.clear();
        let pairs = self.capture_count() + 1;
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let (md, mctx) = s.get(pairs)?;
            // SAFETY: `mctx` and `md` belong to this thread's scratch, which
            // nothing else uses during this call (a match calls nothing back
            // here); `md` has room for `pairs` pairs, so the ovector read
            // below stays within it. `subject` is valid for its length for
            // the whole call, and `self.code` is a live, finished code
            // object.
            unsafe {
                pcre2_set_match_limit_8(mctx, limits.match_limit.unwrap_or(10_000_000));
                pcre2_set_depth_limit_8(mctx, limits.depth_limit.unwrap_or(10_000_000));
                let rc = pcre2_match_8(
                    self.code.as_ptr(),
                    subject.as_ptr(),
                    subject.len(),
                    start,
                    options,
                    md,
                    mctx,
                );
                if rc == PCRE2_ERROR_NOMATCH {
                    return Ok(false);
                }
                if rc < 0 {
                    return Err(match rc {
                        PCRE2_ERROR_MATCHLIMIT
                        | PCRE2_ERROR_JIT_STACKLIMIT
                        | PCRE2_ERROR_HEAPLIMIT => MatchError::MatchLimit,
                        PCRE2_ERROR_DEPTHLIMIT => MatchError::DepthLimit,
                        PCRE2_ERROR_BADUTFOFFSET => MatchError::BadUtf,
                        rc if (PCRE2_ERROR_UTF8_ERR21..=PCRE2_ERROR_UTF8_ERR1).contains(&rc) => {
                            MatchError::BadUtf
                        }
                        rc => MatchError::Other(rc),
                    });
                }
                // rc is one more than the highest group set (0 only when
                // the ovector is too small, which `get` rules out).
                let set = if rc == 0 { pairs } else { rc as usize };
                let ov = std::slice::from_raw_parts(pcre2_get_ovector_pointer_8(md), 2 * pairs);
                for i in 0..set {
                    let (a, b) = (ov[2 * i], ov[2 * i + 1]);
                    out.push(if a == PCRE2_UNSET || b == PCRE2_UNSET {
                        None
                    } else {
                        // `\K` in a lookahead can put the start after
                        // the end: kept so, as OTP reports it.
                        Some((a, b))
                    });
                }
                Ok(true)
            }
        })
    }
}

/// A thread's match data and match context (with its JIT stack).
struct Scratch {
    md: *mut pcre2_match_data_8,
    pairs: usize,
    mctx: *mut pcre2_match_context_8,
    jit_stack: *mut pcre2_jit_stack_8,
}

impl Scratch {
    /// Match data with room for `pairs` pairs, and the match context.
    fn get(
        &mut self,
        pairs: usize,
    ) -> Result<(*mut pcre2_match_data_8, *mut pcre2_match_context_8), MatchError> {
        // SAFETY: the pointers are this thread's own, created and freed only
        // here and in Drop; a null result from a create call is checked.
        unsafe {
            if self.mctx.is_null() {
                self.mctx = pcre2_match_context_create_8(ptr::null_mut());
                if self.mctx.is_null() {
                    return Err(MatchError::Other(PCRE2_ERROR_NOMEMORY));
                }
                // Deep backtracking in JIT code uses this stack (32 KB at
                // first, growing to 8 MB: PCRE2's default is 32 KB of the
                // machine stack, too little for long subjects).
                self.jit_stack =
                    pcre2_jit_stack_create_8(32 * 1024, 8 * 1024 * 1024, ptr::null_mut());
                if !self.jit_stack.is_null() {
                    pcre2_jit_stack_assign_8(self.mctx, None, self.jit_stack as *mut c_void);
                }
            }
            if self.md.is_null() || self.pairs < pairs {
                if !self.md.is_null() {
                    pcre2_match_data_free_8(self.md);
                }
                let want = pairs.max(16);
                self.md = pcre2_match_data_create_8(want as u32, ptr::null_mut());
                if self.md.is_null() {
                    self.pairs = 0;
                    return Err(MatchError::Other(PCRE2_ERROR_NOMEMORY));
                }
                self.pairs = want;
            }
        }
        Ok((self.md, self.mctx))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // SAFETY: each pointer is null or owned by this scratch, freed once.
        unsafe {
            if !self.md.is_null() {
                pcre2_match_data_free_8(self.md);
            }
            if !self.mctx.is_null() {
                pcre2_match_context_free_8(self.mctx);
            }
            if !self.jit_stack.is_null() {
                pcre2_jit_stack_free_8(self.jit_stack);
            }
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = const {
        RefCell::new(Scratch {
            md: ptr::null_mut(),
            pairs: 0,
            mctx: ptr::null_mut(),
            jit_stack: ptr::null_mut(),
        })
    };
}

/// PCRE2's character tables for ISO-8859-1, the tables OTP's `:re` was
/// built with: which bytes are letters (upper or lower case), digits, word
/// characters, spaces, printable, punctuation or control characters, and
/// each letter's other case. They decide `\w`, `\d`, `\s`, the POSIX
/// classes and caseless matching of characters below 256 (unless `ucp`
/// asks for Unicode properties): `\w` matches `é` (0xE9), and, in a
/// binary holding UTF-8, the byte 0xC3 that starts it. The layout is
/// `pcre2_maketables`'s: lower case, flipped case, ten class bitmaps,
/// then a type byte per character.
fn latin1_tables() -> &'static [u8; 1088] {
    static TABLES: std::sync::OnceLock<[u8; 1088]> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let upper = |c: usize| matches!(c, 0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE);
        // 0xDF (ß) and 0xFF (ÿ) have no upper case in ISO-8859-1.
        let lower =
            |c: usize| matches!(c, 0x61..=0x7A | 0xAA | 0xB5 | 0xBA | 0xDF..=0xF6 | 0xF8..=0xFF);
        let alpha = |c: usize| upper(c) || lower(c);
        let digit = |c: usize| (0x30..=0x39).contains(&c);
        let alnum = |c: usize| alpha(c) || digit(c);
        let space = |c: usize| matches!(c, 0x09..=0x0D | 0x20);
        let graph = |c: usize| matches!(c, 0x21..=0x7E | 0xA0..=0xFF);
        let print = |c: usize| c == 0x20 || graph(c);
        let cntrl = |c: usize| matches!(c, 0x00..=0x1F | 0x7F..=0x9F);
        let xdigit = |c: usize| c < 0x80 && (c as u8).is_ascii_hexdigit();
        let to_lower = |c: usize| if upper(c) { c + 0x20 } else { c };
        let to_upper = |c: usize| {
            if lower(c) && !matches!(c, 0xAA | 0xB5 | 0xBA | 0xDF | 0xFF) {
                c - 0x20
            } else {
                c
            }
        };
        let mut t = [0u8; 1088];
        for c in 0..256usize {
            t[c] = to_lower(c) as u8;
            t[256 + c] = if lower(c) { to_upper(c) } else { to_lower(c) } as u8;
            let classes: [(usize, bool); 10] = [
                (0, space(c)),
                (32, xdigit(c)),
                (64, digit(c)),
                (96, upper(c)),
                (128, lower(c)),
                (160, alnum(c) || c == usize::from(b'_')),
                (192, graph(c)),
                (224, print(c)),
                (256, graph(c) && !alnum(c)),
                (288, cntrl(c)),
            ];
            for (offset, yes) in classes {
                if yes {
                    t[512 + offset + c / 8] |= 1 << (c % 8);
                }
            }
            let mut ty = 0u8;
            if space(c) {
                ty |= 0x01;
            }
            if alpha(c) {
                ty |= 0x02;
            }
            if lower(c) {
                ty |= 0x04;
            }
            if digit(c) {
                ty |= 0x08;
            }
            if alnum(c) || c == usize::from(b'_') {
                ty |= 0x10;
            }
            t[832 + c] = ty;
        }
        t
    })
}

/// PCRE2's version, as `Regex.version/0` reports it: `"10.46 2025-08-27"`.
pub fn version() -> String {
    let mut buf = [0u8; 64];
    // SAFETY: CONFIG_VERSION writes a NUL-terminated string of at most 24
    // code units into the buffer given.
    let n = unsafe { pcre2_config_8(PCRE2_CONFIG_VERSION, buf.as_mut_ptr() as *mut c_void) };
    let n = usize::try_from(n).unwrap_or(0).min(buf.len());
    let end = buf[..n].iter().position(|&b| b == 0).unwrap_or(n);
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// PCRE2's own text for an error number.
pub fn error_message(code: i32) -> String {
    let mut buf = [0u8; 256];
    // SAFETY: PCRE2 writes at most `buf.len()` code units, NUL included.
    let n = unsafe { pcre2_get_error_message_8(code, buf.as_mut_ptr(), buf.len()) };
    let n = usize::try_from(n).unwrap_or(0).min(buf.len());
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(p: &str, s: &str, opts: u32) -> Option<Vec<Option<(usize, usize)>>> {
        let c = Code::compile(p.as_bytes(), &CompileOptions::default()).unwrap();
        let mut out = Vec::new();
        c.find(s.as_bytes(), 0, opts, Limits::default(), &mut out)
            .unwrap()
            .then_some(out)
    }

    #[test]
    fn groups_up_to_the_last_set() {
        assert_eq!(
            find("(a)|(b)|(c)", "b", 0),
            Some(vec![Some((0, 1)), None, Some((0, 1))])
        );
        assert_eq!(find("x", "abc", 0), None);
    }

    #[test]
    fn names_sorted_with_their_groups() {
        let c = Code::compile(b"(?<z>a)(?<b>c)", &CompileOptions::default()).unwrap();
        assert_eq!(c.names(), vec![(b"b".to_vec(), 2), (b"z".to_vec(), 1)]);
        assert_eq!(c.capture_count(), 2);
    }

    #[test]
    fn errors_and_version() {
        let e = Code::compile(b"(", &CompileOptions::default())
            .err()
            .unwrap();
        assert_eq!(
            e,
            CompileError {
                code: 114,
                offset: 1
            }
        );
        assert!(error_message(114).contains("parenthesis"));
        assert!(version().starts_with("10."));
    }

    #[test]
    fn variable_lookbehind_is_refused_as_in_pcre8() {
        assert!(Code::compile(b"(?<=a+)b", &CompileOptions::default()).is_err());
        assert!(Code::compile(b"(?<=a|bc)b", &CompileOptions::default()).is_ok());
    }
}
