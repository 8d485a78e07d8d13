//! The buckets of a `set`, `bag` or `duplicate_bag` table, laid out as
//! OTP 25's linear hash tables (erl_db_hash.c), so that every walk over a
//! table (`tab2list`, `first`/`next`, `select`, `match`, `foldl`, `slot`)
//! meets the objects in the order the BEAM does.
//!
//! - A key's hash is erts' `MAKE_HASH`: an atom's is the hash of its name
//!   (hashpjw, with erts' latin-1 fold of two-byte UTF-8), any other key's
//!   is `make_internal_hash(key, 0)` ([`crate::hamt::internal_hash`]).
//!   Keys that are or hold pids, references or funs, and atoms inside a
//!   compound key that are not in the BEAM's initial atom table, hash by
//!   beamlet's own values, so their place is beamlet's, not the BEAM's.
//! - Bucket `hash & szm`, or `hash & (szm >> 1)` when that bucket is not
//!   active yet. A table starts with 256 active buckets (`szm` 255) and
//!   grows by one bucket (splitting bucket `nactive & (szm >> 1)`, keeping
//!   each half's order) whenever an insert leaves more objects than
//!   buckets. It shrinks (joining the top bucket in front of its low
//!   twin) only once it has at least two 2048-bucket segments beyond the
//!   first 256 buckets and fewer objects than half its buckets less one
//!   segment, as `calc_shrink_limit` says.
//! - A bucket is a chain: a new key goes at its end; a bag's new object
//!   goes in front of the key's other objects. A [`Group`] holds one key's
//!   objects oldest first, the reverse of the chain.
//! - Walks go through buckets 0, 1, 2, ... (a table without
//!   `write_concurrency` has one lock, so erts' `next_slot` steps by one);
//!   a `write_concurrency` table (`true` or `auto`) has 64 locks and walks
//!   buckets 0, 64, 128, ..., 1, 65, ...; with decentralized counters (the
//!   default for `auto`) it grows and shrinks by the estimate `64 *` the
//!   objects under the lock of the key just changed, as erts does.
//!   `select` and `match` cons each result, so their lists come out last
//!   bucket first.
//! - A fixed table (`safe_fixtable`, `foldl`) neither splits nor joins
//!   buckets, and a key whose objects all go stays in its chain as an empty
//!   group (erts' pseudo-deleted object): `next` goes on from it, and the
//!   key inserted again takes its old place. Unfixing drops the empty
//!   groups and resizes nothing, as `db_unfix_table_hash`.

use super::ets::Key;
use crate::atom;
use crate::copy::Msg;
use crate::term::Term;

/// Buckets a new table has (erts' `FIRST_SEGSZ`).
const FIRST_SEGSZ: usize = 256;
/// Buckets each further segment adds (erts' `EXT_SEGSZ`).
const EXT_SEGSZ: usize = 2048;
/// Most buckets one insert or delete splits or joins.
const LOOP_LIMIT: usize = 5;

/// One key's objects, oldest first.
pub struct Group {
    pub hash: u32,
    pub key: Key,
    pub objs: Vec<Msg>,
}

/// A linear hash table of [`Group`]s.
pub struct HashTable {
    /// The active buckets (erts' `nactive` is their count).
    buckets: Vec<Vec<Group>>,
    /// erts' `szm`: the mask of the current doubling.
    szm: usize,
    /// Buckets of the allocated segments (erts' `nslots`).
    nslots: usize,
    /// Shrink when fewer objects than this remain.
    shrink_limit: usize,
    /// Buckets a walk steps over (erts' `next_slot`): 1, or the lock
    /// count of a `write_concurrency` table, whose walks go through
    /// buckets 0, 64, 128, ..., then 1, 65, ...
    stride: usize,
    /// Objects per lock (`hash & 63`) of a table with decentralized
    /// counters (empty otherwise): erts grows and shrinks such a table by
    /// the estimate `64 * (objects of the lock of the key just changed)`.
    stripes: Vec<usize>,
    /// Fixed (`safe_fixtable`, `foldl`): no bucket splits or joins, and a
    /// key whose objects all went keeps its place as an empty group (erts'
    /// pseudo-deleted objects) until the table is unfixed.
    fixed: bool,
}

impl Default for HashTable {
    fn default() -> Self {
        HashTable::new()
    }
}

/// erts' `MAKE_HASH(key)`.
pub fn hash_of(key: Term) -> u32 {
    if key.is_atom() {
        atom_hash(atom::name(key).as_bytes())
    } else {
        crate::hamt::internal_hash(key, 0)
    }
}

/// erts' `atom_hash` (atom.c): hashpjw over the name's bytes, a two-byte
/// UTF-8 sequence of a latin-1 character taken as that character.
fn atom_hash(name: &[u8]) -> u32 {
    let mut h: u32 = 0;
    let mut i = 0;
    while i < name.len() {
        let mut v = name[i];
        i += 1;
        if i < name.len() && (v & 0xFE) == 0xC2 && (name[i] & 0xC0) == 0x80 {
            v = (v << 6) | (name[i] & 0x3F);
            i += 1;
        }
        h = (h << 4).wrapping_add(v as u32);
        let g = h & 0xF000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    }
    h
}

impl HashTable {
    pub fn new() -> HashTable {
        let mut buckets = Vec::with_capacity(FIRST_SEGSZ);
        buckets.resize_with(FIRST_SEGSZ, Vec::new);
        HashTable {
            buckets,
            szm: FIRST_SEGSZ - 1,
            nslots: FIRST_SEGSZ,
            shrink_limit: 0,
            stride: 1,
            stripes: Vec::new(),
            fixed: false,
        }
    }

    /// A fine-locked table (`write_concurrency`) of `locks` locks: its
    /// walks step over `locks` buckets, and with `decentralized` counters
    /// it resizes by a lock's count.
    pub fn fine_locked(locks: usize, decentralized: bool) -> HashTable {
        let locks = locks.max(1).next_power_of_two();
        HashTable {
            stride: locks,
            stripes: if decentralized {
                vec![0; locks]
            } else {
                Vec::new()
            },
            ..HashTable::new()
        }
    }

    /// erts' `NITEMS_ESTIMATE` after a change of the objects of hash `h`.
    fn estimate(&self, h: u32, nitems: usize) -> usize {
        match self.stripes.get(h as usize & (self.stride - 1)) {
            Some(&n) => self.stride * n.max(1),
            None => nitems,
        }
    }

    fn count(&mut self, h: u32, added: usize, removed: usize) {
        let mask = self.stride - 1;
        if let Some(n) = self.stripes.get_mut(h as usize & mask) {
            *n = (*n + added).saturating_sub(removed);
        }
    }

    /// The bucket a walk visits after `b`, if any (erts' `next_slot`).
    pub fn next_slot(&self, b: usize) -> Option<usize> {
        let n = b + self.stride;
        if n < self.buckets.len() {
            return Some(n);
        }
        let n = (n + 1) & (self.stride - 1);
        (n != 0).then_some(n)
    }

    /// Every bucket in walk order.
    pub fn slots(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(0), move |&b| self.next_slot(b))
    }

    /// Active buckets.
    pub fn nactive(&self) -> usize {
        self.buckets.len()
    }

    /// erts' `hash_to_ix`.
    fn ix(&self, hash: u32) -> usize {
        let mut ix = hash as usize & self.szm;
        if ix >= self.buckets.len() {
            ix &= self.szm >> 1;
        }
        ix
    }

    /// Bucket and chain position of `key`'s group (it may be empty while
    /// the table is fixed).
    pub fn locate(&self, key: Term) -> Option<(usize, usize)> {
        let h = hash_of(key);
        let b = self.ix(h);
        self.buckets[b]
            .iter()
            .position(|g| g.hash == h && g.key == Key::probe(key, false))
            .map(|p| (b, p))
    }

    /// `key`'s group, if it has objects.
    pub fn get(&self, key: Term) -> Option<&Group> {
        self.locate(key)
            .map(|(b, p)| &self.buckets[b][p])
            .filter(|g| !g.objs.is_empty())
    }

    /// `key`'s group, even an empty one.
    pub fn get_mut(&mut self, key: Term) -> Option<&mut Group> {
        let (b, p) = self.locate(key)?;
        Some(&mut self.buckets[b][p])
    }

    /// Adds a new key's group at the end of its bucket's chain; `nitems`:
    /// the table's objects counting these.
    pub fn insert(&mut self, key: Key, objs: Vec<Msg>, nitems: usize) {
        let hash = hash_of(key.term);
        let b = self.ix(hash);
        self.count(hash, objs.len(), 0);
        let chain = &mut self.buckets[b];
        // Most chains hold one key: no room for more until needed.
        chain.reserve_exact(1);
        chain.push(Group { hash, key, objs });
        self.grow(self.estimate(hash, nitems));
    }

    /// Takes `key`'s objects out (none if it has none); `nitems` is told
    /// how many and gives the objects left, which may shrink the table.
    pub fn remove(&mut self, key: Term, nitems: impl FnOnce(usize) -> usize) -> Vec<Msg> {
        let Some((b, p)) = self.locate(key) else {
            return Vec::new();
        };
        let hash = self.buckets[b][p].hash;
        let objs = std::mem::take(&mut self.buckets[b][p].objs);
        let left = nitems(objs.len());
        self.count(hash, 0, objs.len());
        self.drop_if_empty((b, p));
        self.shrink(self.estimate(hash, left));
        objs
    }

    /// Drops the group at `(bucket, pos)` if it has no objects left and
    /// the table is not fixed.
    pub fn drop_if_empty(&mut self, at: (usize, usize)) {
        if !self.fixed && self.buckets[at.0][at.1].objs.is_empty() {
            self.buckets[at.0].remove(at.1);
        }
    }

    /// Called after `n` objects of hash `h` were removed from their group
    /// (`delete_object`); `nitems`: the objects left.
    pub fn removed(&mut self, h: u32, n: usize, nitems: usize) {
        self.count(h, 0, n);
        self.shrink(self.estimate(h, nitems));
    }

    /// Counts an object of hash `h` a walk deleted; [`Self::walked`] then
    /// may shrink the table.
    pub fn uncount(&mut self, h: u32) {
        self.count(h, 0, 1);
    }

    /// After a walk deleted objects: `nitems` are left (erts estimates
    /// from a random lock; this takes the exact count).
    pub fn walked(&mut self, nitems: usize) {
        self.shrink(nitems);
    }

    /// Called after an object of hash `h` joined an existing group (a
    /// bag's insert); `nitems`: the objects now.
    pub fn added(&mut self, h: u32, nitems: usize) {
        self.count(h, 1, 0);
        self.grow(self.estimate(h, nitems));
    }

    /// Called after a key deleted while the table is fixed was inserted
    /// again (no resizing: the table is fixed).
    pub fn revived(&mut self, h: u32) {
        self.count(h, 1, 0);
    }

    /// Empties every group (`delete_all_objects` on a fixed table).
    pub fn empty_all(&mut self) {
        for g in self.buckets.iter_mut().flatten() {
            g.objs.clear();
        }
        self.stripes.iter_mut().for_each(|n| *n = 0);
    }

    /// A new empty table of the same locking (`delete_all_objects`).
    pub fn emptied(&self) -> HashTable {
        HashTable {
            stride: self.stride,
            stripes: vec![0; self.stripes.len()],
            ..HashTable::new()
        }
    }

    /// Fixes or unfixes the table; unfixing drops the empty groups (erts'
    /// `db_unfix_table_hash`, which resizes nothing).
    pub fn set_fixed(&mut self, fixed: bool) {
        self.fixed = fixed;
        if !fixed {
            for chain in &mut self.buckets {
                chain.retain(|g| !g.objs.is_empty());
            }
        }
    }

    /// The groups of bucket `b`, in chain order.
    pub fn bucket(&self, b: usize) -> &[Group] {
        &self.buckets[b]
    }

    pub fn bucket_mut(&mut self, b: usize) -> &mut Vec<Group> {
        &mut self.buckets[b]
    }

    /// Every group with objects, bucket by bucket in walk order, each
    /// bucket in chain order.
    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.slots()
            .flat_map(move |b| self.buckets[b].iter())
            .filter(|g| !g.objs.is_empty())
    }

    /// The key with objects after `key` in walk order (`None` at the end),
    /// or `Err` if `key` is not in the table (a key deleted while the table
    /// is fixed still is).
    pub fn next_key(&self, key: Term) -> Result<Option<&Group>, ()> {
        let (b, p) = self.locate(key).ok_or(())?;
        let later = std::iter::successors(self.next_slot(b), move |&b| self.next_slot(b));
        Ok(self.buckets[b][p + 1..]
            .iter()
            .chain(later.flat_map(move |b| self.buckets[b].iter()))
            .find(|g| !g.objs.is_empty()))
    }

    /// erts' `grow`: split buckets while there are more objects than
    /// buckets (at most [`LOOP_LIMIT`] at a time).
    fn grow(&mut self, nitems: usize) {
        if self.fixed {
            return;
        }
        for _ in 0..LOOP_LIMIT {
            let nactive = self.buckets.len();
            if nitems <= nactive {
                return;
            }
            if nactive == self.nslots {
                self.nslots += EXT_SEGSZ;
                self.calc_shrink_limit();
            }
            let from = if nactive <= self.szm {
                nactive & (self.szm >> 1)
            } else {
                self.szm = (self.szm << 1) | 1;
                0
            };
            let szm = self.szm;
            let chain = &mut self.buckets[from];
            let mut go = Vec::new();
            if chain.iter().any(|g| g.hash as usize & szm != from) {
                let old = std::mem::take(chain);
                let (stay, moved): (Vec<Group>, Vec<Group>) =
                    old.into_iter().partition(|g| g.hash as usize & szm == from);
                *chain = stay;
                go = moved;
                chain.shrink_to_fit();
                go.shrink_to_fit();
            }
            self.buckets.push(go);
        }
    }

    /// erts' `shrink`: join the top bucket into its twin while there are
    /// fewer objects than the shrink limit (at most [`LOOP_LIMIT`]).
    fn shrink(&mut self, nitems: usize) {
        if self.fixed {
            return;
        }
        for _ in 0..LOOP_LIMIT {
            if nitems >= self.shrink_limit {
                return;
            }
            let src_ix = self.buckets.len() - 1;
            let low_szm = self.szm >> 1;
            let dst_ix = src_ix & low_szm;
            let mut src = self.buckets.pop().unwrap_or_default();
            if dst_ix == 0 {
                self.szm = low_szm;
            }
            if self.nslots - src_ix >= EXT_SEGSZ {
                self.nslots -= EXT_SEGSZ;
                self.calc_shrink_limit();
            }
            let dst = std::mem::take(&mut self.buckets[dst_ix]);
            src.extend(dst);
            self.buckets[dst_ix] = src;
        }
    }

    fn calc_shrink_limit(&mut self) {
        // With decentralized counters erts waits for 100 buckets a lock.
        let enough = self.stripes.is_empty() || self.nslots >= 100 * self.stride;
        self.shrink_limit = if enough && self.nslots >= FIRST_SEGSZ + 2 * EXT_SEGSZ {
            (self.nslots - EXT_SEGSZ) / 2
        } else {
            0
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atom_hashes_are_hashpjw() {
        assert_eq!(atom_hash(b"a"), 97);
        assert_eq!(atom_hash(b"ab"), 97 * 16 + 98);
        // "é" in UTF-8 hashes as its latin-1 byte.
        assert_eq!(atom_hash("é".as_bytes()), 0xE9);
    }

    #[test]
    fn walks_by_the_stride() {
        let t = HashTable::new();
        assert_eq!(t.slots().collect::<Vec<_>>(), (0..256).collect::<Vec<_>>());
        let f = HashTable::fine_locked(64, false);
        let walk: Vec<usize> = f.slots().collect();
        assert_eq!(walk.len(), 256);
        assert_eq!(&walk[..5], &[0, 64, 128, 192, 1]);
        assert_eq!(walk.last(), Some(&255));
    }

    #[test]
    fn shrinks_only_past_two_extra_segments() {
        let mut t = HashTable::new();
        t.grow(300);
        assert_eq!(t.shrink_limit, 0);
        for n in 301..=4352 {
            t.grow(n);
        }
        assert_eq!(t.nslots, FIRST_SEGSZ + 2 * EXT_SEGSZ);
        assert_eq!(t.shrink_limit, (t.nslots - EXT_SEGSZ) / 2);
        let before = t.nactive();
        t.shrink(10);
        assert_eq!(t.nactive(), before - LOOP_LIMIT);
    }

    #[test]
    fn grows_one_bucket_per_object_past_256() {
        let mut t = HashTable::new();
        t.grow(257);
        assert_eq!(t.nactive(), 257);
        assert_eq!(t.szm, 511);
        t.grow(258);
        assert_eq!(t.nactive(), 258);
    }
}
