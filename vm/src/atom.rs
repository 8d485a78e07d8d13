//! The global atom table: atoms are interned once for the whole VM (all
//! processes, all schedulers) and never freed, as in the BEAM.
//!
//! The first atoms are interned at fixed indices so the runtime can name them
//! as constants (`atom::TRUE`, `atom::OK`, ...). ORDER ATOMS: the constants
//! below and `PREDEFINED` must list the same atoms in the same order.

use crate::term::Term;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{OnceLock, RwLock};

/// Most atoms the table takes (the BEAM's default limit is 1,048,576).
pub const MAX_ATOMS: usize = 1 << 20;

macro_rules! predefined {
    ($($name:ident = $text:expr),* $(,)?) => {
        const PREDEFINED: &[&str] = &[$($text),*];
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u32)]
        enum Predef { $($name),* }
        $(pub const $name: Term = Term::atom(Predef::$name as u32);)*
    };
}

predefined! {
    FALSE = "false", TRUE = "true", NIL = "nil", OK = "ok", ERROR = "error",
    UNDEFINED = "undefined", BADARITH = "badarith", BADARG = "badarg", BADMATCH = "badmatch",
    FUNCTION_CLAUSE = "function_clause", CASE_CLAUSE = "case_clause", IF_CLAUSE = "if_clause",
    TRY_CLAUSE = "try_clause", BADFUN = "badfun", BADARITY = "badarity", BADKEY = "badkey",
    BADMAP = "badmap", UNDEF = "undef", THROW = "throw", EXIT = "exit", NORMAL = "normal",
    KILL = "kill", KILLED = "killed", NOPROC = "noproc", INFINITY = "infinity",
    STRUCT = "__struct__", EXCEPTION = "__exception__", MESSAGE = "message",
    FIRST = "first", LAST = "last", STEP = "step", RANGE = "Elixir.Range",
    WITH_CLAUSE = "with_clause", ELIXIR = "Elixir", KERNEL = "Elixir.Kernel",
    ERLANG = "erlang", SCRIPT = "__script__", KEY = "key", TERM = "term",
    MODULE = "module", FUNCTION = "function", ARITY = "arity", REASON = "reason",
    ARGS = "args", KIND = "kind", DOWN = "DOWN", EXIT_UPPER = "EXIT", PROCESS = "process",
    CALL = "call", VALUE = "value", TIMEOUT = "timeout", SYSTEM_LIMIT = "system_limit",
    NOCATCH = "nocatch", ALL = "all", LABEL = "label", CLAUSES = "clauses",
    BADBOOL = "badbool", ENUMERABLE = "Elixir.Enumerable", DESCRIPTION = "description",
    PROTOCOL = "protocol", EXCEPTION_MODULE_RUNTIME = "Elixir.RuntimeError",
    // Protocol dispatch (bif/protocol.rs): the built-in types' modules.
    T_INTEGER = "Elixir.Integer", T_FLOAT = "Elixir.Float", T_ATOM = "Elixir.Atom",
    T_BITSTRING = "Elixir.BitString", T_LIST = "Elixir.List", T_TUPLE = "Elixir.Tuple",
    T_MAP = "Elixir.Map", T_FUNCTION = "Elixir.Function", T_PID = "Elixir.PID",
    T_REFERENCE = "Elixir.Reference", T_ANY = "Elixir.Any", STRING_CHARS = "Elixir.String.Chars",
}

/// Interning: the name of each atom and how many there are, behind a lock
/// (taken only to look a name up or add one).
struct Table {
    len: usize,
    index: HashMap<&'static str, u32, rustc_hash::FxBuildHasher>,
}

/// Names by index, readable without a lock (`name` is on hot paths: map
/// keys and term order compare atoms by name): chunks of write-once slots,
/// each filled under the table's lock before its atom's index is handed out.
const CHUNK: usize = 1024;
type NameChunk = [OnceLock<&'static str>; CHUNK];
static NAMES: [OnceLock<Box<NameChunk>>; MAX_ATOMS / CHUNK] =
    [const { OnceLock::new() }; MAX_ATOMS / CHUNK];

fn set_name(i: usize, name: &'static str) {
    let chunk = NAMES[i / CHUNK].get_or_init(|| Box::new([const { OnceLock::new() }; CHUNK]));
    let _ = chunk[i % CHUNK].set(name);
}

fn table() -> &'static RwLock<Table> {
    static TABLE: OnceLock<RwLock<Table>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            len: 0,
            index: HashMap::default(),
        };
        for name in PREDEFINED {
            let i = t.len as u32;
            set_name(t.len, name);
            t.len += 1;
            t.index.insert(name, i);
        }
        RwLock::new(t)
    })
}

/// Atoms kept for the runtime's own use (module and exception names, keys
/// the library interns): atoms made from a program's data stop short of
/// them, so a script flooding the table gets `SystemLimitError`, which the
/// runtime can still name and print, and the VM goes on (the BEAM itself
/// dies when its table fills).
pub const RESERVED_ATOMS: usize = 1 << 16;

/// The atom named `name`, interned on first use: for atoms made from a
/// program's data (`String.to_atom/1`, `:erlang.binary_to_term/1`).
///
/// # Panics
/// Never; returns `None` when the table is full for such atoms
/// ([`MAX_ATOMS`] less [`RESERVED_ATOMS`]).
pub fn try_intern(name: &str) -> Option<Term> {
    intern_below(name, MAX_ATOMS - RESERVED_ATOMS)
}

/// Slots in the cache of recently interned names.
const RECENT: usize = 1024;

/// Recently interned atoms, by a hash of their name ([`recent_slot`]): the
/// compiler interns the same few hundred names (`line`, `counter`,
/// `__block__`, Kernel's functions) hundreds of thousands of times for a
/// large file, and a hit here costs a short hash, a load and a comparison
/// with the slot's atom's name instead of the table's lock and map. Shared
/// by all threads, without a lock: atoms are never removed, so a slot holds
/// some atom's index or `u32::MAX` (empty), and a slot whose atom's name is
/// not yet readable on this thread (or was overwritten by another thread)
/// is only a miss.
static RECENT_ATOMS: [AtomicU32; RECENT] = [const { AtomicU32::new(u32::MAX) }; RECENT];

/// The cache slot of `name`: a multiplicative hash of its length and of its
/// first and last (up to) eight bytes, which tell apart the names the
/// compiler interns (a collision is only a miss).
#[inline]
fn recent_slot(name: &[u8]) -> usize {
    let n = name.len();
    let word = |b: &[u8]| <[u8; 8]>::try_from(b).map_or(0, u64::from_le_bytes);
    let key = if n >= 8 {
        word(&name[..8]) ^ word(&name[n - 8..]).rotate_left(23)
    } else {
        name.iter().fold(0, |a, &b| (a << 8) | u64::from(b))
    };
    let h = (key ^ ((n as u64) << 56)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - RECENT.trailing_zeros())) as usize
}

/// The name of an atom already handed out, if this thread can read it.
#[inline]
fn cached_name(i: u32) -> Option<&'static str> {
    let i = i as usize;
    NAMES
        .get(i / CHUNK)?
        .get()
        .and_then(|c| c[i % CHUNK].get())
        .copied()
}

fn intern_below(name: &str, max: usize) -> Option<Term> {
    let slot = &RECENT_ATOMS[recent_slot(name.as_bytes())];
    let i = slot.load(Ordering::Relaxed);
    if i != u32::MAX && cached_name(i) == Some(name) {
        return Some(Term::atom(i));
    }
    let t = intern_locked(name, max)?;
    if let Some(i) = t.atom_index() {
        slot.store(i, Ordering::Relaxed);
    }
    Some(t)
}

fn intern_locked(name: &str, max: usize) -> Option<Term> {
    if let Some(&i) = table()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .index
        .get(name)
    {
        return Some(Term::atom(i));
    }
    let mut t = table().write().unwrap_or_else(|e| e.into_inner());
    if let Some(&i) = t.index.get(name) {
        return Some(Term::atom(i));
    }
    if t.len >= max {
        return None;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    let i = t.len as u32;
    set_name(t.len, leaked);
    t.len += 1;
    t.index.insert(leaked, i);
    Some(Term::atom(i))
}

/// Interns `name`; the table is large enough that programs that stay
/// within the subset never fill it (a full table falls back to `nil`).
pub fn intern(name: &str) -> Term {
    intern_below(name, MAX_ATOMS).unwrap_or(NIL)
}

/// The atom's text if it already exists (never creates one).
pub fn existing(name: &str) -> Option<Term> {
    table()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .index
        .get(name)
        .map(|&i| Term::atom(i))
}

/// The text of an atom term (`""` for a non-atom).
#[inline]
pub fn name(atom: Term) -> &'static str {
    let Some(i) = atom.atom_index() else {
        return "";
    };
    // The predefined atoms' slots are filled when the table is first made.
    if (i as usize) < PREDEFINED.len() {
        let _ = table();
    }
    let i = i as usize;
    NAMES
        .get(i / CHUNK)
        .and_then(|c| c.get())
        .and_then(|c| c[i % CHUNK].get())
        .copied()
        .unwrap_or("")
}

/// The atoms whose index in the BEAM's atom table (OTP 25 and Elixir 1.14,
/// `elixir script.exs`) is the same in every run, one a line in index order
/// (tools/maporder/atom_table.py writes it from crash dumps): the erts
/// built-ins and the first atoms the boot makes. Large maps hash an atom by
/// that index, as the BEAM does (hamt.rs).
const BEAM_ATOMS: &str = include_str!("beam_atoms.txt");

/// Each atom's index in [`BEAM_ATOMS`], found once: 0 = not looked up yet,
/// 1 = not there, `i + 2` = index `i`.
static BEAM_INDEX: [OnceLock<Box<[AtomicU32; CHUNK]>>; MAX_ATOMS / CHUNK] =
    [const { OnceLock::new() }; MAX_ATOMS / CHUNK];

/// The BEAM's atom-table index of `atom` when the atom is one of the
/// [`BEAM_ATOMS`] (`false` 0, `true` 1, `ok` 478, `nil` 1739, ...), else
/// `None` (its index on the BEAM depends on the run).
pub fn beam_index(atom: Term) -> Option<u32> {
    let i = atom.atom_index()? as usize;
    let chunk = BEAM_INDEX
        .get(i / CHUNK)?
        .get_or_init(|| Box::new([const { AtomicU32::new(0) }; CHUNK]));
    let slot = &chunk[i % CHUNK];
    let known = slot.load(Ordering::Relaxed);
    if known != 0 {
        return known.checked_sub(2);
    }
    static TABLE: OnceLock<HashMap<&'static str, u32, rustc_hash::FxBuildHasher>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        BEAM_ATOMS
            .lines()
            .enumerate()
            .map(|(n, a)| (a, n as u32))
            .collect()
    });
    let found = table.get(name(atom)).copied();
    slot.store(found.map_or(1, |n| n + 2), Ordering::Relaxed);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_atoms_have_their_names() {
        assert_eq!(name(TRUE), "true");
        assert_eq!(name(FALSE), "false");
        assert_eq!(name(NIL), "nil");
        assert_eq!(name(RANGE), "Elixir.Range");
        assert_eq!(intern("ok"), OK);
    }

    #[test]
    fn beam_indices() {
        assert_eq!(beam_index(FALSE), Some(0));
        assert_eq!(beam_index(TRUE), Some(1));
        assert_eq!(beam_index(OK), Some(478));
        assert_eq!(beam_index(NIL), Some(1739));
        assert_eq!(beam_index(intern("no_such_beam_atom_xyz")), None);
    }

    #[test]
    fn interning_is_stable() {
        let a = intern("some_new_atom");
        assert_eq!(intern("some_new_atom"), a);
        assert_eq!(name(a), "some_new_atom");
        assert_eq!(existing("never_seen_atom_xyz"), None);
    }
}
