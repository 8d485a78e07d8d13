//! OTP's `:ets`: tables of terms that live outside every process heap.
//!
//! Built-ins because a table must outlive and be shared by processes on any
//! scheduler thread: no process heap can hold it. The library module
//! `stdlib/ets.ex` wraps these and adds what is written in the language
//! (`foldl`/`foldr`, `fun2ms`-free helpers).
//!
//! - The tables of a run are in [`Tables`] (one per code table, so runs in
//!   one OS process stay apart): an index by id and one by name, each
//!   behind a read-write lock taken briefly; every table has its own lock,
//!   held for the whole of one operation (so each operation is atomic).
//! - An object is copied into the table on insert (a [`Msg`], the fragment
//!   messages travel in) and copied out into the caller's heap on read, as
//!   on the BEAM: a table never points into a process heap.
//! - An `ordered_set`'s objects are kept in a B-tree in term order (`==`
//!   keys); the other types' in OTP 25's linear hash buckets (ets_hash.rs,
//!   exact keys: `1` and `1.0` differ), so every walk (`tab2list`,
//!   `first`/`next`, `select`, `match`, `slot`, `foldl`) meets them in the
//!   BEAM's order, and a select with a limit stops at a bucket's end as
//!   erts' `match_traverse` does ([`chunk_hash`]).
//! - `safe_fixtable` (and `foldl`/`foldr`, stdlib/ets.ex) fix a table:
//!   no bucket splits or joins, and a deleted key keeps its place until the
//!   table is unfixed, so `next` can go on from it.
//! - When a table's owner ends, the table goes to its heir (with an
//!   `{:"ETS-TRANSFER", tid, from, data}` message) or is deleted
//!   ([`owner_exited`], called from the scheduler's exit path).

use super::ets_hash::{self, HashTable};
use super::ets_ms::{self, Clause, Outcome};
use super::{list_to_vec, BifResult, Ctx};
use crate::atom;
use crate::copy::{LiteralArea, Msg};
use crate::ctx::Sched;
use crate::order;
use crate::process::{ErrorInfo, Exn};
use crate::term::Term;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Set,
    OrderedSet,
    Bag,
    DuplicateBag,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Access {
    Public,
    Protected,
    Private,
}

/// A key in a table: its own copy, compared as the table's type says.
pub(super) struct Key {
    pub(super) term: Term,
    _own: Option<Msg>,
    ordered: bool,
}

// SAFETY: `term` points into `_own` (or is immediate, or a literal), which
// the key owns and never changes.
unsafe impl Send for Key {}

impl Key {
    pub(super) fn probe(term: Term, ordered: bool) -> Key {
        Key {
            term,
            _own: None,
            ordered,
        }
    }
}

impl PartialEq for Key {
    fn eq(&self, o: &Key) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, o: &Key) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Key {
    fn cmp(&self, o: &Key) -> Ordering {
        if self.ordered {
            order::compare(self.term, o.term)
        } else {
            order::key_compare(self.term, o.term)
        }
    }
}

struct Inner {
    name: Term,
    named: bool,
    kind: Kind,
    access: Access,
    keypos: usize,
    owner: Term,
    /// `(pid, data)`, the data copied out of the process that set it.
    heir: Option<(Term, Msg)>,
    read_concurrency: bool,
    write_concurrency: Term,
    decentralized_counters: bool,
    compressed: bool,
    deleted: bool,
    /// Objects in the table.
    size: usize,
    data: Data,
    /// `safe_fixtable`: the processes that fixed the table, newest
    /// first, and how many times each.
    fixes: Vec<(Term, usize)>,
    /// `monotonic_time` when the table was first fixed.
    fixed_at: Term,
}

/// Locks of a `write_concurrency` hash table (erts' `DB_HASH_LOCK_CNT`).
const LOCKS: usize = 64;

/// A table's objects: in key order (`ordered_set`) or in the BEAM's
/// buckets (the other types, ets_hash.rs).
enum Data {
    Tree(BTreeMap<Key, Vec<Msg>>),
    Hash(HashTable),
}

/// One table.
pub struct Table {
    /// The reference's number (`:ets.whereis/1`, the tid of an unnamed table).
    id: u64,
    inner: Mutex<Inner>,
}

/// Every table of a run.
#[derive(Default)]
pub struct Tables {
    by_id: RwLock<HashMap<u64, Arc<Table>>>,
    by_name: RwLock<HashMap<u64, Arc<Table>>>,
    /// Compiled match specifications (`match_spec_compile/1`), by reference.
    compiled: Mutex<HashMap<u64, Msg>>,
    /// `:atomics` arrays and `:persistent_term` terms (bif/atomics.rs).
    pub shared: super::atomics::Shared,
}

/// The text of `t` if it is an atom.
fn aname(t: Term) -> Option<&'static str> {
    t.is_atom().then(|| atom::name(t))
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn no_table() -> Exn {
    Exn::badarg_at(
        1,
        "the table identifier does not refer to an existing ETS table",
    )
}

fn no_access() -> Exn {
    Exn::badarg_at(
        1,
        "the table identifier refers to an ETS table with insufficient access rights",
    )
}

fn bad_type() -> Exn {
    Exn::badarg_at(
        1,
        "the table identifier refers to an ETS table of a type not supported by this operation",
    )
}

fn bad_ms(pos: usize) -> Exn {
    Exn::badarg_at(pos, "not a valid match specification")
}

/// Copies `t` (which may point into a table's storage) into the caller's heap.
fn export(ctx: &mut Ctx, t: Term) -> Term {
    if !t.is_pointer() {
        return t;
    }
    let m = Msg::copy(&LiteralArea::default(), t);
    ctx.st.heap.adopt(m)
}

fn find(ctx: &Ctx, tab: Term) -> Result<Arc<Table>, Exn> {
    let tables = &ctx.code.ets;
    let found = if tab.is_atom() {
        tables
            .by_name
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&tab.raw())
            .cloned()
    } else if let Some(n) = tab.ref_value() {
        tables
            .by_id
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&n)
            .cloned()
    } else {
        return Err(Exn::badarg_at(1, "not an atom or a table identifier"));
    };
    found.ok_or_else(no_table)
}

/// Runs `f` on table `tab` locked, after checking the caller may read it
/// (`write`: may change it).
fn with<R>(
    ctx: &mut Ctx,
    tab: Term,
    write: bool,
    f: impl FnOnce(&mut Ctx, &mut Inner, &Table) -> Result<R, Exn>,
) -> Result<R, Exn> {
    let t = find(ctx, tab)?;
    let mut g = lock(&t.inner);
    if g.deleted {
        return Err(no_table());
    }
    let me = ctx.st.pid;
    let ok = match g.access {
        Access::Public => true,
        Access::Protected => !write || g.owner == me,
        Access::Private => g.owner == me,
    };
    if !ok {
        return Err(no_access());
    }
    f(ctx, &mut g, &t)
}

impl Inner {
    fn ordered(&self) -> bool {
        self.kind == Kind::OrderedSet
    }
    fn probe(&self, k: Term) -> Key {
        Key::probe(k, self.ordered())
    }
    fn key_of(&self, obj: Term) -> Term {
        obj.tuple_elems().expect("a stored object is a tuple")[self.keypos - 1]
    }
    /// The objects under key `k`, oldest first.
    fn objs(&self, k: Term) -> Option<&Vec<Msg>> {
        match &self.data {
            Data::Tree(t) => t.get(&Key::probe(k, true)),
            Data::Hash(h) => h.get(k).map(|g| &g.objs),
        }
    }
    fn has(&self, k: Term) -> bool {
        self.objs(k).is_some()
    }
    /// Stores `obj` (a checked tuple of the caller's heap).
    fn put(&mut self, ctx: &Ctx, obj: Term) {
        let key = self.key_of(obj);
        let copy = ctx.code.copy_term(obj);
        let kind = self.kind;
        let size = &mut self.size;
        let own_key = |key: Term, ordered: bool| {
            let kmsg = ctx.code.copy_term(key);
            Key {
                term: kmsg.peek(),
                _own: Some(kmsg),
                ordered,
            }
        };
        match &mut self.data {
            Data::Tree(tree) => {
                // The new object's key replaces the old one (`1.0` for `1`).
                if tree.remove(&Key::probe(key, true)).is_some() {
                    *size -= 1;
                }
                tree.insert(own_key(key, true), vec![copy]);
                *size += 1;
            }
            Data::Hash(h) => {
                if let Some(g) = h.get_mut(key) {
                    match kind {
                        Kind::Bag if g.objs.iter().any(|o| order::exact_eq(o.peek(), obj)) => {}
                        Kind::Bag | Kind::DuplicateBag => {
                            g.objs.push(copy);
                            *size += 1;
                            let hash = g.hash;
                            h.added(hash, *size);
                        }
                        // A key deleted while the table is fixed comes
                        // back in its place (erts revives the object).
                        _ if g.objs.is_empty() => {
                            g.objs.push(copy);
                            *size += 1;
                            let hash = g.hash;
                            h.revived(hash);
                        }
                        _ => g.objs[0] = copy,
                    }
                    return;
                }
                *size += 1;
                h.insert(own_key(key, false), vec![copy], *size);
            }
        }
    }
    fn remove_key(&mut self, k: Term) -> Option<Vec<Msg>> {
        let size = &mut self.size;
        match &mut self.data {
            Data::Tree(t) => {
                let v = t.remove(&Key::probe(k, true))?;
                *size -= v.len();
                Some(v)
            }
            Data::Hash(h) => {
                let objs = h.remove(k, |n| {
                    *size -= n;
                    *size
                });
                (!objs.is_empty()).then_some(objs)
            }
        }
    }
    fn clear(&mut self) {
        match &mut self.data {
            // erts marks every object deleted until the table is unfixed.
            Data::Hash(h) if !self.fixes.is_empty() => h.empty_all(),
            Data::Hash(h) => *h = h.emptied(),
            Data::Tree(t) => t.clear(),
        }
        self.size = 0;
    }
    /// `safe_fixtable(t, fix)` by `pid`.
    fn fix(&mut self, pid: Term, fix: bool, now: Term) {
        match self.fixes.iter().position(|f| f.0 == pid) {
            Some(i) if fix => self.fixes[i].1 += 1,
            Some(i) => {
                self.fixes[i].1 -= 1;
                if self.fixes[i].1 == 0 {
                    self.fixes.remove(i);
                }
            }
            None if fix => {
                if self.fixes.is_empty() {
                    self.fixed_at = now;
                }
                self.fixes.push((pid, 1));
            }
            None => {}
        }
        if let Data::Hash(h) = &mut self.data {
            h.set_fixed(!self.fixes.is_empty());
        }
    }
    /// Every object, in no particular order.
    fn objects(&self) -> Box<dyn Iterator<Item = &Msg> + '_> {
        match &self.data {
            Data::Tree(t) => Box::new(t.values().flatten()),
            Data::Hash(h) => Box::new(h.groups().flat_map(|g| g.objs.iter())),
        }
    }
}

impl Data {
    /// An empty table's data; a hash table with `write_concurrency` walks
    /// its buckets by its locks, as erts' fine-locked tables do.
    fn new(kind: Kind, write_concurrency: Term, decentralized: bool) -> Data {
        if kind == Kind::OrderedSet {
            Data::Tree(BTreeMap::new())
        } else if write_concurrency != atom::FALSE {
            Data::Hash(HashTable::fine_locked(LOCKS, decentralized))
        } else {
            Data::Hash(HashTable::new())
        }
    }
}

/// The objects `obj` (a tuple or a list of tuples) names, checked against
/// the table's key position.
fn objects_arg(obj: Term, keypos: usize) -> Result<Vec<Term>, Exn> {
    let bad = || Exn::badarg_at(2, "not a non-empty tuple or a list of non-empty tuples");
    let list = if obj.is_tuple() {
        vec![obj]
    } else if !obj.is_list() {
        return Err(Exn::badarg_at(2, "not a tuple"));
    } else {
        let v = list_to_vec(obj).ok_or_else(bad)?;
        if v.iter()
            .any(|o| !matches!(o.tuple_elems(), Some(e) if !e.is_empty()))
        {
            return Err(bad());
        }
        v
    };
    for o in &list {
        let n = o.tuple_elems().map_or(0, |e| e.len());
        if n == 0 && obj.is_tuple() {
            return Err(Exn::badarg_at(2, "is an empty tuple"));
        }
        if n < keypos {
            return Err(super::badarg());
        }
    }
    Ok(list)
}

// ---- new, delete, info ----

pub fn new(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (name, opts) = (a[0], a[1]);
    if !name.is_atom() {
        return Err(Exn::badarg_at(1, "not an atom"));
    }
    let Some(opts) = list_to_vec(opts) else {
        return Err(Exn::badarg_at(2, "not a list"));
    };
    let bad = || Exn::badarg_at(2, "invalid options");
    let mut kind = Kind::Set;
    let mut access = Access::Protected;
    let mut named = false;
    let mut keypos = 1usize;
    let mut heir: Option<(Term, Term)> = None;
    let mut read_concurrency = false;
    let mut write_concurrency = atom::FALSE;
    let mut decentralized = None;
    let mut compressed = false;
    for o in opts {
        if o.is_atom() {
            match atom::name(o) {
                "set" => kind = Kind::Set,
                "ordered_set" => kind = Kind::OrderedSet,
                "bag" => kind = Kind::Bag,
                "duplicate_bag" => kind = Kind::DuplicateBag,
                "public" => access = Access::Public,
                "protected" => access = Access::Protected,
                "private" => access = Access::Private,
                "named_table" => named = true,
                "compressed" => compressed = true,
                _ => return Err(bad()),
            }
            continue;
        }
        match o.tuple_elems() {
            Some([k, v]) if aname(*k) == Some("keypos") => match v.as_small() {
                Some(n) if n >= 1 => keypos = n as usize,
                _ => return Err(bad()),
            },
            Some([k, v]) if aname(*k) == Some("heir") && aname(*v) == Some("none") => heir = None,
            Some([k, p, d]) if aname(*k) == Some("heir") && p.is_pid() => heir = Some((*p, *d)),
            Some([k, v]) if aname(*k) == Some("read_concurrency") && v.is_boolean() => {
                read_concurrency = v.is_true()
            }
            Some([k, v])
                if aname(*k) == Some("write_concurrency")
                    && (v.is_boolean() || aname(*v) == Some("auto")) =>
            {
                write_concurrency = *v
            }
            Some([k, v]) if aname(*k) == Some("decentralized_counters") && v.is_boolean() => {
                decentralized = Some(v.is_true())
            }
            _ => return Err(bad()),
        }
    }
    let decentralized_counters = decentralized.unwrap_or(
        kind == Kind::OrderedSet && write_concurrency != atom::FALSE
            || aname(write_concurrency) == Some("auto"),
    );
    let rf = ctx.rt.make_ref();
    let id = rf.ref_value().expect("make_ref gives a reference");
    let me = ctx.st.pid;
    let heir = heir.map(|(p, d)| (p, ctx.code.copy_term(d)));
    let table = Arc::new(Table {
        id,
        inner: Mutex::new(Inner {
            name,
            named,
            kind,
            access,
            keypos,
            owner: me,
            heir,
            read_concurrency,
            write_concurrency,
            decentralized_counters,
            compressed,
            deleted: false,
            size: 0,
            data: Data::new(kind, write_concurrency, decentralized_counters),
            fixes: Vec::new(),
            fixed_at: Term::small(0),
        }),
    });
    let tables = &ctx.code.ets;
    if named {
        let mut names = tables.by_name.write().unwrap_or_else(|e| e.into_inner());
        if names.contains_key(&name.raw()) {
            return Err(Exn::badarg_at(1, "table name already exists"));
        }
        names.insert(name.raw(), table.clone());
    }
    tables
        .by_id
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, table);
    Ok(if named { name } else { rf })
}

/// Takes table `t` out of the indexes and empties it.
fn drop_table(tables: &Tables, t: &Table, g: &mut Inner) {
    g.deleted = true;
    g.clear();
    g.heir = None;
    tables
        .by_id
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&t.id);
    if g.named {
        let mut names = tables.by_name.write().unwrap_or_else(|e| e.into_inner());
        if names.get(&g.name.raw()).is_some_and(|x| x.id == t.id) {
            names.remove(&g.name.raw());
        }
    }
}

pub fn delete1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = find(ctx, a[0])?;
    let mut g = lock(&t.inner);
    if g.deleted {
        return Err(no_table());
    }
    if g.access != Access::Public && g.owner != ctx.st.pid {
        return Err(no_access());
    }
    drop_table(&ctx.code.ets, &t, &mut g);
    Ok(atom::TRUE)
}

fn tid_of(g: &Inner, t: &Table) -> Term {
    if g.named {
        g.name
    } else {
        Term::reference(t.id)
    }
}

fn info_item(ctx: &mut Ctx, g: &Inner, t: &Table, item: &str) -> Option<Term> {
    let a = atom::intern;
    Some(match item {
        "id" => Term::reference(t.id),
        "decentralized_counters" => Term::bool(g.decentralized_counters),
        "read_concurrency" => Term::bool(g.read_concurrency),
        "write_concurrency" => g.write_concurrency,
        "compressed" => Term::bool(g.compressed),
        "memory" => {
            let words: usize = g.objects().map(|o| o.words() + 4).sum();
            Term::small(300 + words as i64)
        }
        "owner" => g.owner,
        "heir" => match &g.heir {
            Some((p, _)) => *p,
            None => a("none"),
        },
        "name" => g.name,
        "size" => Term::small(g.size as i64),
        "node" => {
            let f = super::BIFS[super::lookup("erlang", "node", 0)? as usize].f;
            f(ctx, &[]).ok()?
        }
        "named_table" => Term::bool(g.named),
        "type" => a(match g.kind {
            Kind::Set => "set",
            Kind::OrderedSet => "ordered_set",
            Kind::Bag => "bag",
            Kind::DuplicateBag => "duplicate_bag",
        }),
        "keypos" => Term::small(g.keypos as i64),
        "protection" => a(match g.access {
            Access::Public => "public",
            Access::Protected => "protected",
            Access::Private => "private",
        }),
        "fixed" => Term::bool(!g.fixes.is_empty()),
        "safe_fixed" | "safe_fixed_monotonic_time" if g.fixes.is_empty() => atom::FALSE,
        "safe_fixed" | "safe_fixed_monotonic_time" => {
            let at = if item == "safe_fixed" {
                // `erlang:timestamp()` now: the BEAM's is the time of the
                // first fix, which no program can print the same twice.
                let us = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_micros() as i64);
                let parts = [
                    us / 1_000_000_000_000,
                    us / 1_000_000 % 1_000_000,
                    us % 1_000_000,
                ];
                ctx.st.heap.tuple(&parts.map(Term::small))
            } else {
                g.fixed_at
            };
            let pairs: Vec<Term> = g
                .fixes
                .iter()
                .map(|(p, n)| ctx.st.heap.tuple(&[*p, Term::small(*n as i64)]))
                .collect();
            let l = ctx.st.heap.list(&pairs);
            ctx.st.heap.tuple(&[at, l])
        }
        "stats" => return None,
        _ => return None,
    })
}

const INFO_ITEMS: [&str; 15] = [
    "id",
    "decentralized_counters",
    "read_concurrency",
    "write_concurrency",
    "compressed",
    "memory",
    "owner",
    "heir",
    "name",
    "size",
    "node",
    "named_table",
    "type",
    "keypos",
    "protection",
];

pub fn info1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = match find(ctx, a[0]) {
        Ok(t) => t,
        Err(e) if e.info_message().is_some_and(|i| i.contains("not an atom")) => return Err(e),
        Err(_) => return Ok(atom::UNDEFINED),
    };
    let g = lock(&t.inner);
    if g.deleted {
        return Ok(atom::UNDEFINED);
    }
    let mut pairs = Vec::new();
    for item in INFO_ITEMS {
        let v = info_item(ctx, &g, &t, item).unwrap_or(atom::UNDEFINED);
        let k = atom::intern(item);
        pairs.push(ctx.st.heap.tuple(&[k, v]));
    }
    Ok(ctx.st.heap.list(&pairs))
}

pub fn info2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = match find(ctx, a[0]) {
        Ok(t) => t,
        Err(e) if e.info_message().is_some_and(|i| i.contains("not an atom")) => return Err(e),
        Err(_) => return Ok(atom::UNDEFINED),
    };
    let g = lock(&t.inner);
    let item = aname(a[1]).unwrap_or("");
    if g.deleted {
        return Ok(atom::UNDEFINED);
    }
    info_item(ctx, &g, &t, item).ok_or_else(|| Exn::badarg_at(2, "not a valid info item"))
}

pub fn all(ctx: &mut Ctx, _a: &[Term]) -> BifResult {
    let tables: Vec<Arc<Table>> = ctx
        .code
        .ets
        .by_id
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .values()
        .cloned()
        .collect();
    let mut ids: Vec<(u64, Term)> = tables
        .iter()
        .filter_map(|t| {
            let g = lock(&t.inner);
            (!g.deleted).then(|| (t.id, tid_of(&g, t)))
        })
        .collect();
    // Oldest first: erts walks each scheduler's list of the tables made
    // on it in the order they were made (one scheduler's order here).
    ids.sort_by_key(|x| x.0);
    let v: Vec<Term> = ids.into_iter().map(|x| x.1).collect();
    Ok(ctx.st.heap.list(&v))
}

pub fn whereis(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return Err(Exn::badarg_at(1, "invalid table name (must be an atom)"));
    }
    let t = ctx
        .code
        .ets
        .by_name
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&a[0].raw())
        .cloned();
    Ok(match t {
        Some(t) => Term::reference(t.id),
        None => atom::UNDEFINED,
    })
}

pub fn rename(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = a[1];
    if !name.is_atom() {
        return Err(Exn::badarg_at(2, "invalid table name (must be an atom)"));
    }
    let t = find(ctx, a[0])?;
    let mut g = lock(&t.inner);
    if g.deleted {
        return Err(no_table());
    }
    if g.access != Access::Public && g.owner != ctx.st.pid {
        return Err(no_access());
    }
    if g.named {
        let mut names = ctx
            .code
            .ets
            .by_name
            .write()
            .unwrap_or_else(|e| e.into_inner());
        if name != g.name && names.contains_key(&name.raw()) {
            return Err(Exn::badarg_at(2, "table name already exists"));
        }
        names.remove(&g.name.raw());
        names.insert(name.raw(), t.clone());
    }
    g.name = name;
    Ok(tid_of(&g, &t))
}

pub fn give_away(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (tab, pid, data) = (a[0], a[1], a[2]);
    let t = find(ctx, tab)?;
    let me = ctx.st.pid;
    let tid = {
        let mut g = lock(&t.inner);
        if g.deleted {
            return Err(no_table());
        }
        if g.owner != me {
            return Err(Exn::badarg_at(
                1,
                "the process is not the owner of the table",
            ));
        }
        if !pid.is_pid() {
            return Err(Exn::badarg_at(2, "not a pid"));
        }
        if pid == me {
            return Err(Exn::badarg_at(
                2,
                "the process is already the owner of the table",
            ));
        }
        if !ctx.rt.alive(pid) {
            return Err(Exn::badarg_at(2, "the pid refers to a terminated process"));
        }
        g.owner = pid;
        tid_of(&g, &t)
    };
    let msg = ctx
        .st
        .heap
        .tuple(&[atom::intern("ETS-TRANSFER"), tid, me, data]);
    let _ = ctx.rt.send(ctx.st, pid, msg);
    Ok(atom::TRUE)
}

pub fn setopts(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let opts = if a[1].is_tuple() {
        vec![a[1]]
    } else {
        list_to_vec(a[1]).ok_or_else(|| Exn::badarg_at(2, "invalid options"))?
    };
    let me = ctx.st.pid;
    let t = find(ctx, a[0])?;
    let mut g = lock(&t.inner);
    if g.deleted {
        return Err(no_table());
    }
    if g.owner != me {
        return Err(no_access());
    }
    for o in opts {
        match o.tuple_elems() {
            Some([k, v]) if aname(*k) == Some("heir") && aname(*v) == Some("none") => g.heir = None,
            Some([k, p, d]) if aname(*k) == Some("heir") && p.is_pid() => {
                g.heir = Some((*p, ctx.code.copy_term(*d)))
            }
            _ => return Err(Exn::badarg_at(2, "invalid options")),
        }
    }
    Ok(atom::TRUE)
}

/// A process ended: its tables go to their heirs or are deleted. Called
/// once from the scheduler's exit path.
pub fn owner_exited(
    code: &crate::code::CodeTable,
    rt: &dyn Sched,
    heap: &mut crate::heap::Heap,
    pid: Term,
) {
    let tables = &code.ets;
    let all: Vec<Arc<Table>> = tables
        .by_id
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .values()
        .cloned()
        .collect();
    for t in all {
        let mut g = lock(&t.inner);
        if g.fixes.iter().any(|f| f.0 == pid) {
            // A process's fixes end with it.
            g.fixes.retain(|f| f.0 != pid);
            let fixed = !g.fixes.is_empty();
            if let Data::Hash(h) = &mut g.data {
                h.set_fixed(fixed);
            }
        }
        if g.deleted || g.owner != pid {
            continue;
        }
        // The heir stays set: it may inherit the table again later.
        if let Some((heir, data)) = g.heir.as_ref().map(|(h, d)| (*h, d.peek())) {
            if heir != pid && rt.alive(heir) {
                g.owner = heir;
                let tid = tid_of(&g, &t);
                let d = heap.adopt(Msg::copy(&LiteralArea::default(), data));
                drop(g);
                let msg = heap.tuple(&[atom::intern("ETS-TRANSFER"), tid, pid, d]);
                let _ = rt.signal(heir, crate::process::Signal::Message(code.copy_term(msg)));
                continue;
            }
        }
        drop_table(tables, &t, &mut g);
    }
}

// ---- insert and delete ----

fn insert_impl(ctx: &mut Ctx, a: &[Term], only_new: bool) -> BifResult {
    insert_table(ctx, a, only_new).map_err(|mut e| {
        // A table that is no table: OTP explains a bad object too.
        let bad_table = e
            .info_message()
            .is_some_and(|i| i.contains("* 1st argument"));
        if let (true, Err(more)) = (bad_table, objects_arg(a[1], 1)) {
            if let (Some(ErrorInfo::Message(info)), Some(lines)) =
                (e.info.as_mut(), more.info_message())
            {
                if let Some(at) = lines.find("  * 2nd argument") {
                    info.push_str(&lines[at..]);
                }
            }
        }
        e
    })
}

fn insert_table(ctx: &mut Ctx, a: &[Term], only_new: bool) -> BifResult {
    with(ctx, a[0], true, |ctx, g, _| {
        let objs = objects_arg(a[1], g.keypos)?;
        if only_new {
            for o in &objs {
                let k = g.key_of(*o);
                if g.has(k) {
                    return Ok(atom::FALSE);
                }
            }
        }
        let mut objs = objs;
        if g.kind == Kind::Bag {
            // OTP stores a list given to a bag last object first.
            objs.reverse();
        }
        for o in objs {
            g.put(ctx, o);
        }
        Ok(atom::TRUE)
    })
}

pub fn insert(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    insert_impl(ctx, a, false)
}

pub fn insert_new(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    insert_impl(ctx, a, true)
}

pub fn delete2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], true, |_, g, _| {
        g.remove_key(a[1]);
        Ok(atom::TRUE)
    })
}

pub fn delete_all_objects(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], true, |_, g, _| {
        g.clear();
        Ok(atom::TRUE)
    })
}

pub fn delete_object(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], true, |_, g, _| {
        let obj = a[1];
        match obj.tuple_elems() {
            Some(e) if e.len() >= g.keypos => {}
            _ => return Err(Exn::badarg_at(2, "not a tuple")),
        }
        let key = g.key_of(obj);
        let gone = |v: &mut Vec<Msg>| {
            let before = v.len();
            v.retain(|o| !order::exact_eq(o.peek(), obj));
            before - v.len()
        };
        match &mut g.data {
            Data::Tree(t) => {
                let probe = Key::probe(key, true);
                if let Some(v) = t.get_mut(&probe) {
                    g.size -= gone(v);
                    if v.is_empty() {
                        t.remove(&probe);
                    }
                }
            }
            Data::Hash(h) => {
                if let Some(at) = h.locate(key) {
                    let grp = &mut h.bucket_mut(at.0)[at.1];
                    let (n, hash) = (gone(&mut grp.objs), grp.hash);
                    if n > 0 {
                        g.size -= n;
                        h.drop_if_empty(at);
                        h.removed(hash, n, g.size);
                    }
                }
            }
        }
        Ok(atom::TRUE)
    })
}

pub fn take(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], true, |ctx, g, _| {
        let objs = g.remove_key(a[1]).unwrap_or_default();
        let terms: Vec<Term> = objs.iter().map(|o| o.peek()).collect();
        let l = ctx.st.heap.list(&terms);
        Ok(export(ctx, l))
    })
}

// ---- reading ----

pub fn lookup(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], false, |ctx, g, _| {
        let terms: Vec<Term> = match g.objs(a[1]) {
            Some(v) => v.iter().map(|o| o.peek()).collect(),
            None => return Ok(Term::NIL),
        };
        let l = ctx.st.heap.list(&terms);
        Ok(export(ctx, l))
    })
}

pub fn member(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], false, |_, g, _| Ok(Term::bool(g.has(a[1]))))
}

pub fn lookup_element(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], false, |ctx, g, _| {
        let pos = match a[2].as_small() {
            Some(p) if p >= 1 => p as usize,
            _ => return Err(Exn::badarg_at(3, "out of range")),
        };
        let Some(v) = g.objs(a[1]) else {
            return Err(Exn::badarg_at(2, "not a key that exists in the table"));
        };
        let mut out = Vec::new();
        for o in v {
            let es = o.peek().tuple_elems().unwrap_or(&[]);
            match es.get(pos - 1) {
                Some(e) => out.push(*e),
                None => {
                    return Err(Exn::badarg_at(
                        3,
                        "position is greater than the size of the object",
                    ))
                }
            }
        }
        let r = if matches!(g.kind, Kind::Set | Kind::OrderedSet) {
            out[0]
        } else {
            ctx.st.heap.list(&out)
        };
        Ok(export(ctx, r))
    })
}

/// `safe_fixtable(t, fix)`: while a table is fixed its keys keep their
/// places (ets_hash.rs), so `first`/`next` may go on from a key deleted
/// meanwhile.
pub fn safe_fixtable(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[1].is_boolean() {
        return Err(Exn::badarg_at(2, "not a boolean"));
    }
    let now = super::system::monotonic_time0(ctx, &[]).unwrap_or(Term::small(0));
    with(ctx, a[0], false, |ctx, g, _| {
        g.fix(ctx.st.pid, a[1].is_true(), now);
        Ok(atom::TRUE)
    })
}

pub fn tab2list(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], false, |ctx, g, _| {
        let terms: Vec<Term> = match &g.data {
            Data::Tree(t) => t.values().flatten().map(|o| o.peek()).collect(),
            // `match_object(t, :_)`: the walk's results consed, so the
            // last bucket's come first, each key's objects oldest first.
            Data::Hash(h) => {
                let gs: Vec<&ets_hash::Group> = h.groups().collect();
                gs.iter()
                    .rev()
                    .flat_map(|g| g.objs.iter().map(|o| o.peek()))
                    .collect()
            }
        };
        let l = ctx.st.heap.list(&terms);
        Ok(export(ctx, l))
    })
}

fn end_of_table() -> Term {
    atom::intern("$end_of_table")
}

fn first_last(ctx: &mut Ctx, a: &[Term], last: bool) -> BifResult {
    with(ctx, a[0], false, |ctx, g, _| {
        let k = match &g.data {
            Data::Tree(t) if last => t.keys().next_back().map(|k| k.term),
            Data::Tree(t) => t.keys().next().map(|k| k.term),
            // `last` is `first` on the BEAM's hash tables.
            Data::Hash(h) => h.groups().next().map(|g| g.key.term),
        };
        Ok(match k {
            Some(k) => export(ctx, k),
            None => end_of_table(),
        })
    })
}

pub fn first(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    first_last(ctx, a, false)
}

pub fn last(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    first_last(ctx, a, true)
}

fn next_prev(ctx: &mut Ctx, a: &[Term], prev: bool) -> BifResult {
    with(ctx, a[0], false, |ctx, g, _| {
        let missing = || Exn::badarg_at(2, "not a key that exists in the table");
        let k = match &g.data {
            Data::Tree(t) => {
                let probe = Key::probe(a[1], true);
                let k = if prev {
                    t.range(..probe).next_back()
                } else {
                    t.range((Bound::Excluded(probe), Bound::Unbounded)).next()
                };
                k.map(|(k, _)| k.term)
            }
            // `prev` is `next` on the BEAM's hash tables.
            Data::Hash(h) => h.next_key(a[1]).map_err(|_| missing())?.map(|g| g.key.term),
        };
        Ok(match k {
            Some(k) => export(ctx, k),
            None => end_of_table(),
        })
    })
}

pub fn next(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    next_prev(ctx, a, false)
}

pub fn prev(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    next_prev(ctx, a, true)
}

/// `slot/2`: an `ordered_set`'s `i`-th object; a hash table's bucket `i`
/// (its chain consed, so each key's objects oldest first, the keys last
/// first).
pub fn slot(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], false, |ctx, g, _| {
        let range = || Exn::badarg_at(2, "out of range");
        let i = match a[1].as_small() {
            Some(i) if i >= 0 => i as usize,
            _ => return Err(range()),
        };
        let terms: Vec<Term> = match &g.data {
            Data::Tree(t) => match t.values().flatten().nth(i) {
                Some(o) => vec![o.peek()],
                None if i == g.size => return Ok(end_of_table()),
                None => return Err(range()),
            },
            Data::Hash(h) if i < h.nactive() => h
                .bucket(i)
                .iter()
                .rev()
                .flat_map(|g| g.objs.iter().map(|o| o.peek()))
                .collect(),
            Data::Hash(h) if i == h.nactive() => return Ok(end_of_table()),
            Data::Hash(_) => return Err(range()),
        };
        let l = ctx.st.heap.list(&terms);
        Ok(export(ctx, l))
    })
}

// ---- updates in place ----

fn set_only(g: &Inner) -> Result<(), Exn> {
    if matches!(g.kind, Kind::Set | Kind::OrderedSet) {
        Ok(())
    } else {
        Err(bad_type())
    }
}

/// One `update_counter` operation: `(pos, incr, threshold/setvalue)`.
type CounterOp = (usize, Term, Option<(Term, Term)>);

fn counter_ops(op: Term, keypos: usize) -> Result<(Vec<CounterOp>, bool), Exn> {
    let invalid = || Exn::badarg_at(3, "not a valid update operation");
    let one = |t: Term| -> Result<CounterOp, Exn> {
        if t.is_integer() {
            return Ok((keypos + 1, t, None));
        }
        let es = t.tuple_elems().ok_or_else(invalid)?;
        let pos = match es.first().and_then(|p| p.as_small()) {
            Some(p) if p >= 1 => p as usize,
            _ => return Err(invalid()),
        };
        match es {
            [_, i] if i.is_integer() => Ok((pos, *i, None)),
            [_, i, th, sv] if i.is_integer() && th.is_integer() && sv.is_integer() => {
                Ok((pos, *i, Some((*th, *sv))))
            }
            _ => Err(invalid()),
        }
    };
    if op.is_list() {
        let items = list_to_vec(op).ok_or_else(invalid)?;
        let v = items.into_iter().map(one).collect::<Result<Vec<_>, _>>()?;
        Ok((v, true))
    } else {
        Ok((vec![one(op)?], false))
    }
}

fn update_counter_impl(ctx: &mut Ctx, a: &[Term], default: Option<Term>) -> BifResult {
    with(ctx, a[0], true, |ctx, g, _| {
        set_only(g)?;
        let key = a[1];
        let (ops, many) = counter_ops(a[2], g.keypos)?;
        let cur = match g.objs(key) {
            Some(v) => v[0].peek(),
            None => match default {
                Some(d) => {
                    let es = match d.tuple_elems() {
                        Some(es) if es.len() >= g.keypos => es,
                        _ => return Err(Exn::badarg_at(4, "not a tuple")),
                    };
                    let mut es = es.to_vec();
                    es[g.keypos - 1] = key;
                    ctx.st.heap.tuple(&es)
                }
                None => return Err(Exn::badarg_at(2, "not a key that exists in the table")),
            },
        };
        let mut es = cur.tuple_elems().unwrap_or(&[]).to_vec();
        let mut results = Vec::new();
        for (pos, incr, th) in ops {
            if pos == g.keypos {
                return Err(Exn::badarg_at(
                    3,
                    "the position is the same as the key position",
                ));
            }
            if pos > es.len() {
                return Err(Exn::badarg_at(
                    3,
                    "the position in the update operation is out of range",
                ));
            }
            let old = es[pos - 1];
            if !old.is_integer() {
                return Err(Exn::badarg_at(
                    3,
                    "the value in the given position, in the object, is not an integer",
                ));
            }
            let mut nv = super::erlang::add_terms(&mut ctx.st.heap, old, incr)?;
            if let Some((threshold, setvalue)) = th {
                let positive = order::compare(incr, Term::small(0)) != Ordering::Less;
                let over = if positive {
                    order::compare(nv, threshold) == Ordering::Greater
                } else {
                    order::compare(nv, threshold) == Ordering::Less
                };
                if over {
                    nv = setvalue;
                }
            }
            es[pos - 1] = nv;
            results.push(nv);
        }
        let new_obj = ctx.st.heap.tuple(&es);
        g.put(ctx, new_obj);
        let r = if many {
            ctx.st.heap.list(&results)
        } else {
            results[0]
        };
        Ok(export(ctx, r))
    })
}

pub fn update_counter3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    update_counter_impl(ctx, a, None)
}

pub fn update_counter4(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    update_counter_impl(ctx, a, Some(a[3]))
}

pub fn update_element(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    with(ctx, a[0], true, |ctx, g, _| {
        if !matches!(g.kind, Kind::Set | Kind::OrderedSet) {
            return Err(Exn::badarg_at(3, "out of range"));
        }
        let bad = || Exn::badarg_at(3, "not a valid update operation");
        let ops: Vec<Term> = if a[2].is_tuple() {
            vec![a[2]]
        } else {
            list_to_vec(a[2]).ok_or_else(bad)?
        };
        let mut pairs = Vec::new();
        for op in ops {
            match op.tuple_elems() {
                Some([p, v]) => match p.as_small() {
                    Some(p) if p >= 1 => pairs.push((p as usize, *v)),
                    _ => return Err(Exn::badarg_at(3, "out of range")),
                },
                _ => return Err(bad()),
            }
        }
        let cur = match g.objs(a[1]) {
            Some(v) => v[0].peek(),
            None => return Ok(atom::FALSE),
        };
        let mut es = cur.tuple_elems().unwrap_or(&[]).to_vec();
        for (p, v) in pairs {
            if p == g.keypos {
                return Err(Exn::badarg_at(
                    3,
                    "the position is the same as the key position",
                ));
            }
            if p > es.len() {
                return Err(Exn::badarg_at(3, "out of range"));
            }
            es[p - 1] = v;
        }
        let new_obj = ctx.st.heap.tuple(&es);
        g.put(ctx, new_obj);
        Ok(atom::TRUE)
    })
}

// ---- match specifications ----

/// How a select's results are used.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Collect each result.
    Collect,
    /// Count the objects whose result is `true`.
    Count,
    /// Delete the objects whose result is `true`.
    Delete,
    /// Replace each object by its result (when the key is kept).
    Replace,
}

fn parse_ms(ms: Term, pos: usize) -> Result<Vec<Clause>, Exn> {
    ets_ms::parse(ms).map_err(|_| bad_ms(pos))
}

/// Walks an `ordered_set` (or the one key every clause pins) running `clauses`;
/// `from`: continue after this key and this many of its objects;
/// `limit`: stop after that many results. Returns the results and where
/// it stopped (key, objects of it done) when it stopped at the limit.
fn walk_tree(
    ctx: &mut Ctx,
    g: &mut Inner,
    clauses: &[Clause],
    mode: Mode,
    reverse: bool,
    from: Option<(Term, usize)>,
    limit: Option<usize>,
) -> (Vec<Term>, usize, Option<(Term, usize)>) {
    let mut out = Vec::new();
    let mut count = 0usize;
    let Data::Tree(tree) = &g.data else {
        return (out, count, None);
    };
    // One key pinned by every clause: look it up instead of scanning.
    let pinned: Option<Vec<Term>> = clauses
        .iter()
        .map(|c| ets_ms::bound_key(c.head, g.keypos))
        .collect();
    let keys: Vec<Term> = match (&pinned, from) {
        (Some(ks), None) => {
            let mut v: Vec<Term> = ks
                .iter()
                .filter_map(|k| {
                    tree.get_key_value(&Key::probe(*k, true))
                        .map(|(k, _)| k.term)
                })
                .collect();
            v.sort_by_key(|a| g.probe(*a));
            v.dedup_by(|a, b| g.probe(*a) == g.probe(*b));
            v
        }
        _ => {
            let it: Box<dyn Iterator<Item = &Key>> = match (from, reverse) {
                (None, false) => Box::new(tree.keys()),
                (None, true) => Box::new(tree.keys().rev()),
                (Some((k, _)), false) => Box::new(
                    tree.range((Bound::Included(g.probe(k)), Bound::Unbounded))
                        .map(|x| x.0),
                ),
                (Some((k, _)), true) => Box::new(tree.range(..=g.probe(k)).rev().map(|x| x.0)),
            };
            it.map(|k| k.term).collect()
        }
    };
    let mut doomed: Vec<(Term, usize)> = Vec::new();
    let mut replaced: Vec<Term> = Vec::new();
    for k in keys {
        let Some(objs) = g.objs(k) else {
            continue;
        };
        let skip = match from {
            Some((fk, n)) if g.probe(fk) == g.probe(k) => n,
            _ => 0,
        };
        for (i, o) in objs.iter().enumerate().skip(skip) {
            if let Some(l) = limit {
                if out.len() >= l {
                    return (out, count, Some((k, i)));
                }
            }
            let obj = o.peek();
            if let Outcome::Value(v) = ets_ms::run(ctx, clauses, obj) {
                match mode {
                    Mode::Collect => out.push(v),
                    Mode::Count => {
                        if v == atom::TRUE {
                            count += 1
                        }
                    }
                    Mode::Delete => {
                        if v == atom::TRUE {
                            doomed.push((k, i));
                            count += 1;
                        }
                    }
                    Mode::Replace => {
                        let keeps = v.tuple_elems().is_some_and(|es| {
                            es.len() >= g.keypos && order::exact_eq(es[g.keypos - 1], g.key_of(obj))
                        });
                        if keeps {
                            doomed.push((k, i));
                            replaced.push(v);
                            count += 1;
                        }
                    }
                }
            }
        }
    }
    if !doomed.is_empty() {
        // Remove from the last index of each key down, so indexes stay right.
        let owned: Vec<Term> = replaced.iter().map(|r| export(ctx, *r)).collect();
        let mut by_key: Vec<(Term, Vec<usize>)> = Vec::new();
        for (k, i) in doomed {
            match by_key.iter_mut().find(|x| g.probe(x.0) == g.probe(k)) {
                Some(e) => e.1.push(i),
                None => by_key.push((k, vec![i])),
            }
        }
        let kmsgs: Vec<Msg> = by_key.iter().map(|(k, _)| ctx.code.copy_term(*k)).collect();
        for ((_, idx), km) in by_key.iter().zip(&kmsgs) {
            let probe = g.probe(km.peek());
            let mut empty = false;
            let Data::Tree(tree) = &mut g.data else {
                continue;
            };
            if let Some(v) = tree.get_mut(&probe) {
                let mut idx = idx.clone();
                idx.sort_unstable();
                for i in idx.into_iter().rev() {
                    v.remove(i);
                }
                empty = v.is_empty();
            }
            if empty {
                tree.remove(&probe);
            }
            g.size = tree.values().map(|v| v.len()).sum();
        }
        for r in owned {
            g.put(ctx, r);
        }
    }
    (out, count, None)
}

/// Most objects erts' select runs its match on before it traps
/// (`MAX_SELECT_CHUNK_ITERATIONS`): a chunk that traps splits its extra
/// results the way a continuation does.
const SELECT_ITERATIONS: usize = 1000;

/// The buckets a select on a hash table visits when every clause pins a
/// key: those of the pinned keys in the table, in the clauses' order,
/// each once (erts' `analyze_pattern`).
fn pinned_buckets(h: &HashTable, clauses: &[Clause], keypos: usize) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::new();
    for c in clauses {
        let k = ets_ms::bound_key(c.head, keypos)?;
        if let Some((b, _)) = h.locate(k) {
            if !out.contains(&b) {
                out.push(b);
            }
        }
    }
    Some(out)
}

/// What a walk over hash buckets found.
#[derive(Default)]
struct Scan {
    /// The results, first found first (erts conses them, so its list is
    /// this one reversed).
    found: Vec<Term>,
    /// Objects whose result is `true` (count, delete), or replaced.
    count: usize,
    /// `(bucket, chain position, object, replacement)` of each object to
    /// delete (`None`) or replace.
    changes: Vec<(usize, usize, usize, Option<Term>)>,
}

/// Runs `clauses` on bucket `b`'s objects in chain order (each key's
/// newest object first); returns how many objects it ran on.
fn scan_bucket(
    ctx: &mut Ctx,
    h: &HashTable,
    b: usize,
    clauses: &[Clause],
    mode: Mode,
    keypos: usize,
    scan: &mut Scan,
) -> usize {
    let mut n = 0;
    for (p, grp) in h.bucket(b).iter().enumerate() {
        for (i, o) in grp.objs.iter().enumerate().rev() {
            n += 1;
            let obj = o.peek();
            let Outcome::Value(v) = ets_ms::run(ctx, clauses, obj) else {
                continue;
            };
            match mode {
                Mode::Collect => scan.found.push(v),
                Mode::Count | Mode::Delete if v == atom::TRUE => {
                    scan.count += 1;
                    if mode == Mode::Delete {
                        scan.changes.push((b, p, i, None));
                    }
                }
                Mode::Count | Mode::Delete => {}
                Mode::Replace => {
                    let keeps = v.tuple_elems().is_some_and(|es| {
                        es.len() >= keypos && order::exact_eq(es[keypos - 1], grp.key.term)
                    });
                    if keeps {
                        scan.count += 1;
                        scan.changes.push((b, p, i, Some(v)));
                    }
                }
            }
        }
    }
    n
}

/// A whole select on a hash table: every bucket (or the pinned ones), then
/// the deletions and replacements it decided, in place.
fn walk_hash(ctx: &mut Ctx, g: &mut Inner, clauses: &[Clause], mode: Mode) -> Scan {
    let mut scan = Scan::default();
    let keypos = g.keypos;
    let Data::Hash(h) = &mut g.data else {
        return scan;
    };
    let buckets = pinned_buckets(h, clauses, keypos).unwrap_or_else(|| h.slots().collect());
    for b in buckets {
        scan_bucket(ctx, h, b, clauses, mode, keypos, &mut scan);
    }
    if scan.changes.is_empty() {
        return scan;
    }
    let mut deleted = 0;
    // From the last position back, so positions stay right.
    scan.changes
        .sort_unstable_by_key(|c| std::cmp::Reverse((c.0, c.1, c.2)));
    for &(b, p, i, rep) in &scan.changes {
        let chain = h.bucket_mut(b);
        match rep {
            Some(v) => chain[p].objs[i] = ctx.code.copy_term(v),
            None => {
                chain[p].objs.remove(i);
                let hash = chain[p].hash;
                deleted += 1;
                h.uncount(hash);
                h.drop_if_empty((b, p));
            }
        }
    }
    if deleted > 0 {
        g.size -= deleted;
        h.walked(g.size);
    }
    scan
}

fn hash_cont_tag() -> Term {
    atom::intern("$beamlet_ets_select_hash")
}

/// `select/3` and its continuations on a hash table, as erts'
/// `match_traverse`: walk from bucket `slot` until at least `limit`
/// results are in at the end of a bucket, then keep the results over the
/// limit (the last found) for the next call. `from`: the continuation's
/// bucket (-1: none left) and kept results.
fn chunk_hash(
    ctx: &mut Ctx,
    g: &mut Inner,
    tab: Term,
    ms: Term,
    clauses: &[Clause],
    limit: usize,
    from: Option<(i64, Term)>,
) -> BifResult {
    let keypos = g.keypos;
    let Data::Hash(h) = &g.data else {
        return Err(super::badarg());
    };
    let first = from.is_none();
    let (mut slot, kept) = from.unwrap_or((0, Term::NIL));
    // The kept results come first, as erts' match list does.
    let mut found = list_to_vec(kept).unwrap_or_default();
    found.reverse();
    let mut scan = Scan {
        found,
        ..Scan::default()
    };
    let mut trapped = !first;
    let mut visited = 0;
    let pinned = if first {
        pinned_buckets(h, clauses, keypos)
    } else {
        None
    };
    if let Some(buckets) = pinned {
        for b in buckets {
            visited += scan_bucket(ctx, h, b, clauses, Mode::Collect, keypos, &mut scan);
        }
        slot = -1;
    } else if first || (slot >= 0 && scan.found.len() < limit) {
        let mut b = slot as usize;
        if b >= h.nactive() {
            return Err(Exn::badarg_at(1, "not a valid continuation"));
        }
        let mut left = SELECT_ITERATIONS;
        loop {
            let n = scan_bucket(ctx, h, b, clauses, Mode::Collect, keypos, &mut scan);
            visited += n;
            left = left.saturating_sub(n);
            let Some(next) = h.next_slot(b) else {
                slot = -1;
                break;
            };
            b = next;
            if scan.found.len() >= limit {
                slot = b as i64;
                break;
            }
            if left == 0 {
                trapped = true;
                left = SELECT_ITERATIONS;
            }
        }
    }
    if !trapped && visited == 0 {
        return Ok(end_of_table());
    }
    let mut list: Vec<Term> = scan.found;
    list.reverse();
    let mut rest: Vec<Term> = Vec::new();
    if list.len() > limit {
        rest = list.drain(..list.len() - limit).collect();
        if trapped {
            // A continuation conses the extra results off one by one.
            rest.reverse();
        }
    }
    let cont = if !rest.is_empty() || slot >= 0 {
        let r = ctx.st.heap.list(&rest);
        ctx.st.heap.tuple(&[
            hash_cont_tag(),
            tab,
            ms,
            Term::small(limit as i64),
            Term::small(slot),
            r,
        ])
    } else if !list.is_empty() {
        end_of_table()
    } else {
        return Ok(end_of_table());
    };
    let l = ctx.st.heap.list(&list);
    let r = ctx.st.heap.tuple(&[l, cont]);
    Ok(export(ctx, r))
}

fn cont_tag() -> Term {
    atom::intern("$beamlet_ets_select")
}

/// `{results, continuation}` or `:"$end_of_table"`.
fn chunk(
    ctx: &mut Ctx,
    tab: Term,
    ms: Term,
    limit: usize,
    reverse: bool,
    from: Option<(Term, usize)>,
    clauses_pos: usize,
) -> BifResult {
    let clauses = parse_ms(ms, clauses_pos)?;
    with(ctx, tab, false, |ctx, g, _| {
        if !g.ordered() {
            return chunk_hash(ctx, g, tab, ms, &clauses, limit, None);
        }
        let (out, _, stop) = walk_tree(ctx, g, &clauses, Mode::Collect, reverse, from, Some(limit));
        if out.is_empty() && stop.is_none() {
            return Ok(end_of_table());
        }
        let l = ctx.st.heap.list(&out);
        let cont = match stop {
            Some((k, n)) => ctx.st.heap.tuple(&[
                cont_tag(),
                tab,
                ms,
                Term::small(limit as i64),
                Term::bool(reverse),
                k,
                Term::small(n as i64),
            ]),
            None => ctx.st.heap.tuple(&[
                cont_tag(),
                tab,
                ms,
                Term::small(limit as i64),
                Term::bool(reverse),
                atom::intern("$end_of_table"),
                Term::small(-1),
            ]),
        };
        let r = ctx.st.heap.tuple(&[l, cont]);
        Ok(export(ctx, r))
    })
}

fn select_impl(ctx: &mut Ctx, tab: Term, ms: Term, mode: Mode, reverse: bool) -> BifResult {
    let clauses = parse_ms(ms, 2)?;
    let write = matches!(mode, Mode::Delete | Mode::Replace);
    with(ctx, tab, write, |ctx, g, _| {
        // erts replaces in place in any table but a bag.
        if mode == Mode::Replace && g.kind == Kind::Bag {
            return Err(bad_type());
        }
        let (out, count) = if g.ordered() {
            let (out, count, _) = walk_tree(ctx, g, &clauses, mode, reverse, None, None);
            (out, count)
        } else {
            // erts conses the results: the list is the walk reversed.
            let mut scan = walk_hash(ctx, g, &clauses, mode);
            scan.found.reverse();
            (scan.found, scan.count)
        };
        match mode {
            Mode::Collect => {
                let l = ctx.st.heap.list(&out);
                Ok(export(ctx, l))
            }
            _ => Ok(Term::small(count as i64)),
        }
    })
}

pub fn select2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    select_impl(ctx, a[0], a[1], Mode::Collect, false)
}

pub fn select_reverse2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    select_impl(ctx, a[0], a[1], Mode::Collect, true)
}

pub fn select_count(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    select_impl(ctx, a[0], a[1], Mode::Count, false)
}

pub fn select_delete(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    select_impl(ctx, a[0], a[1], Mode::Delete, false)
}

pub fn select_replace(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    select_impl(ctx, a[0], a[1], Mode::Replace, false)
}

fn limit_arg(t: Term) -> Result<usize, Exn> {
    match t.as_small() {
        Some(n) if n >= 1 => Ok(n as usize),
        _ => Err(Exn::badarg_at(3, "out of range")),
    }
}

pub fn select3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let limit = limit_arg(a[2])?;
    chunk(ctx, a[0], a[1], limit, false, None, 2)
}

pub fn select_reverse3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let limit = limit_arg(a[2])?;
    chunk(ctx, a[0], a[1], limit, true, None, 2)
}

/// `select/1`, `select_reverse/1`, `match/1`, `match_object/1`: the next chunk.
pub fn select1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let bad = || Exn::badarg_at(1, "not a valid continuation");
    if a[0] == end_of_table() {
        return Ok(end_of_table());
    }
    let es = a[0].tuple_elems().ok_or_else(bad)?;
    match es {
        [tag, tab, ms, limit, slot, kept] if *tag == hash_cont_tag() => {
            let (tab, ms, kept) = (*tab, *ms, *kept);
            let limit = limit.as_small().ok_or_else(bad)? as usize;
            let slot = slot.as_small().ok_or_else(bad)?;
            let clauses = parse_ms(ms, 1)?;
            with(ctx, tab, false, |ctx, g, _| {
                chunk_hash(ctx, g, tab, ms, &clauses, limit, Some((slot, kept)))
            })
        }
        [tag, tab, ms, limit, rev, k, n] if *tag == cont_tag() => {
            let n = n.as_small().ok_or_else(bad)?;
            if n < 0 {
                return Ok(end_of_table());
            }
            let limit = limit.as_small().ok_or_else(bad)? as usize;
            chunk(
                ctx,
                *tab,
                *ms,
                limit,
                rev.is_true(),
                Some((*k, n as usize)),
                1,
            )
        }
        _ => Err(bad()),
    }
}

/// A `match/2` pattern as a spec: `[{pattern, [], [:"$$"]}]` or `[:"$_"]`.
fn pattern_ms(ctx: &mut Ctx, pat: Term, whole: bool) -> Term {
    let body = atom::intern(if whole { "$_" } else { "$$" });
    let b = ctx.st.heap.list(&[body]);
    let c = ctx.st.heap.tuple(&[pat, Term::NIL, b]);
    ctx.st.heap.list(&[c])
}

pub fn match2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let ms = pattern_ms(ctx, a[1], false);
    select_impl(ctx, a[0], ms, Mode::Collect, false)
}

pub fn match3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let limit = limit_arg(a[2])?;
    let ms = pattern_ms(ctx, a[1], false);
    chunk(ctx, a[0], ms, limit, false, None, 2)
}

pub fn match_object2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let ms = pattern_ms(ctx, a[1], true);
    select_impl(ctx, a[0], ms, Mode::Collect, false)
}

pub fn match_object3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let limit = limit_arg(a[2])?;
    let ms = pattern_ms(ctx, a[1], true);
    chunk(ctx, a[0], ms, limit, false, None, 2)
}

pub fn match_delete(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let body = ctx.st.heap.list(&[atom::TRUE]);
    let c = ctx.st.heap.tuple(&[a[1], Term::NIL, body]);
    let ms = ctx.st.heap.list(&[c]);
    select_impl(ctx, a[0], ms, Mode::Delete, false)?;
    Ok(atom::TRUE)
}

pub fn match_spec_compile(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    parse_ms(a[0], 1)?;
    let r = ctx.rt.make_ref();
    let m = ctx.code.copy_term(a[0]);
    lock(&ctx.code.ets.compiled).insert(r.ref_value().unwrap_or(0), m);
    Ok(r)
}

pub fn is_compiled_ms(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(a[0].ref_value().is_some_and(|r| {
        lock(&ctx.code.ets.compiled).contains_key(&r)
    })))
}

pub fn match_spec_run(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let items = list_to_vec(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a list"))?;
    let ms = {
        let compiled = lock(&ctx.code.ets.compiled);
        match a[1].ref_value().and_then(|r| compiled.get(&r)) {
            Some(m) => m.peek(),
            None => return Err(Exn::badarg_at(2, "not a compiled match specification")),
        }
    };
    // The spec stays alive: compiled specs are never dropped.
    let clauses = parse_ms(ms, 2)?;
    let mut out = Vec::new();
    for it in items {
        if let Outcome::Value(v) = ets_ms::run(ctx, &clauses, it) {
            out.push(v);
        }
    }
    let l = ctx.st.heap.list(&out);
    Ok(export(ctx, l))
}

pub fn test_ms(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let clauses = match ets_ms::parse(a[1]) {
        Ok(c) => c,
        Err(why) => {
            let chars: Vec<Term> = why.chars().map(|c| Term::small(c as i64)).collect();
            let cl = ctx.st.heap.list(&chars);
            let e = ctx.st.heap.tuple(&[atom::ERROR, cl]);
            let l = ctx.st.heap.list(&[e]);
            return Ok(ctx.st.heap.tuple(&[atom::ERROR, l]));
        }
    };
    let r = match ets_ms::run(ctx, &clauses, a[0]) {
        Outcome::Value(v) => v,
        Outcome::NoMatch => atom::FALSE,
    };
    Ok(ctx.st.heap.tuple(&[atom::OK, r]))
}
