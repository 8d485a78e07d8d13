"""Reference model of OTP 25 (erts 13.x, 64-bit, no CRC32C build) map key
hashing and large-map (HAMT) iteration order.

Term representation (Python side):
  int                      -> integer (small if -2**59 <= i < 2**59, else bignum)
  float                    -> float
  Atom(name, index)        -> atom; `index` is the atom-table index in the VM
  bytes                    -> binary
  Bits(data, bits, last)   -> bitstring: whole bytes `data` + `bits` (1..7) extra bits
                              taken from the high bits of `last`
  tuple                    -> tuple
  list                     -> proper list
  Improper(items, tail)    -> improper list [items... | tail]
  Map(pairs)               -> map (pairs: list of (k, v))
  Pid(number, serial)      -> local pid <0.number.serial>
  Port(number)             -> local port #Port<0.number>
  Ref(n0, n1, n2)          -> local (ordinary) ref; numbers as in the external
                              format NEWER_REFERENCE_EXT ID words
  LocalFun(module, index, old_uniq, env) -> local fun; module is an Atom
"""

import struct

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF

HCONST = 0x9E3779B9


def hconst(n):
    return (n * HCONST) & M32


INTERNAL_HASH_SALT = 3432918353  # 0xCC9E2D51

SMALL_MIN = -(1 << 59)
SMALL_MAX = (1 << 59) - 1


class Atom:
    __slots__ = ("name", "index")

    def __init__(self, name, index):
        self.name = name
        self.index = index

    def __repr__(self):
        return "Atom(%r,%d)" % (self.name, self.index)

    def __eq__(self, o):
        return isinstance(o, Atom) and o.index == self.index

    def __hash__(self):
        return hash(("atom", self.index))


class Bits:
    __slots__ = ("data", "bits", "last")

    def __init__(self, data, bits, last):
        self.data = bytes(data)   # whole bytes
        self.bits = bits          # 1..7 trailing bits
        self.last = last & 0xFF   # byte holding the trailing bits in its high bits


class Improper:
    __slots__ = ("items", "tail")

    def __init__(self, items, tail):
        self.items = list(items)
        self.tail = tail


class Map:
    __slots__ = ("pairs",)

    def __init__(self, pairs):
        self.pairs = list(pairs)


class Pid:
    __slots__ = ("number", "serial")

    def __init__(self, number, serial):
        self.number = number
        self.serial = serial


class Port:
    __slots__ = ("number",)

    def __init__(self, number):
        self.number = number


class Ref:
    __slots__ = ("numbers",)

    def __init__(self, *numbers):
        self.numbers = list(numbers)


class LocalFun:
    __slots__ = ("module", "index", "old_uniq", "env")

    def __init__(self, module, index, old_uniq, env=()):
        self.module = module
        self.index = index
        self.old_uniq = old_uniq
        self.env = list(env)


# ---------------------------------------------------------------------------
# Bob Jenkins' 96-bit mix (lookup2), as used by erts.

def mix(a, b, c):
    a = (a - b - c) & M32; a ^= c >> 13
    b = (b - c - a) & M32; b ^= (a << 8) & M32
    c = (c - a - b) & M32; c ^= b >> 13
    a = (a - b - c) & M32; a ^= c >> 12
    b = (b - c - a) & M32; b ^= (a << 16) & M32
    c = (c - a - b) & M32; c ^= b >> 5
    a = (a - b - c) & M32; a ^= c >> 3
    b = (b - c - a) & M32; b ^= (a << 10) & M32
    c = (c - a - b) & M32; c ^= b >> 15
    return a, b, c


def u32_hash2(h, x, y, k):
    """Mix two 32-bit words (each offset by constant k) into state h."""
    a = (k + x) & M32
    b = (k + y) & M32
    return mix(a, b, h)[2]


def u32_hash(h, x, k):
    return u32_hash2(h, x, 0, k)


def const_hash(h, k):
    h ^= k
    return ((h << 17) | (h >> 15)) & M32


def block_hash(data, initval):
    """lookup2 over a byte string, seeded with initval as c."""
    a = b = HCONST
    c = initval & M32
    n = len(data)
    i = 0
    while n - i >= 12:
        k = data[i:i + 12]
        a = (a + int.from_bytes(k[0:4], "little")) & M32
        b = (b + int.from_bytes(k[4:8], "little")) & M32
        c = (c + int.from_bytes(k[8:12], "little")) & M32
        a, b, c = mix(a, b, c)
        i += 12
    rest = data[i:]
    c = (c + n) & M32
    r = len(rest)
    # bytes 8..10 go to c shifted by one byte (low byte of c is the length)
    if r > 8:
        c = (c + (int.from_bytes(rest[8:r], "little") << 8)) & M32
    if r > 4:
        b = (b + int.from_bytes(rest[4:min(r, 8)], "little")) & M32
    if r > 0:
        a = (a + int.from_bytes(rest[0:min(r, 4)], "little")) & M32
    a, b, c = mix(a, b, c)
    return c


# ---------------------------------------------------------------------------
# Immediate term words (64-bit emulator)

def is_small(t):
    return isinstance(t, int) and not isinstance(t, bool) and SMALL_MIN <= t <= SMALL_MAX


def immediate_word(t):
    """The 64-bit tagged word of an immediate term, or None."""
    if is_small(t):
        return ((t << 4) | 0xF) & M64
    if isinstance(t, Atom):
        return (t.index << 6) | 0x0B
    if isinstance(t, list) and not t:
        return 0x3B  # NIL
    if isinstance(t, Pid):
        return pid_word(t.number, t.serial)
    if isinstance(t, Port):
        return port_word(t.number)
    return None


# The process table size (erlang:system_info(process_limit), +P; a power of
# two, default 262144).  A local pid's word carries its process-table slot
# in its upper 32 bits, so pid hashes depend on this VM setting.
PROCESS_LIMIT = 262144
PTAB_SLOTS_PER_CACHE_LINE = 8  # 64-byte cache line / 8-byte atomic


def _fit_bits(x):
    return x.bit_length()


def pid_word(number, serial, process_limit=None):
    """64-bit word of local pid <0.number.serial> (OTP 25, 64-bit)."""
    mx = process_limit or PROCESS_LIMIT
    data = ((serial & 0x1FFF) << 15) | (number & 0x7FFF)  # 28-bit pid data
    pix = _ptab_pix(data, mx)
    return ((pix & M32) << 32) | (data << 4) | 0x3


PORT_LIMIT = 65536  # erlang:system_info(port_limit), +Q


def _ptab_pix(data, mx):
    per_cl = PTAB_SLOTS_PER_CACHE_LINE
    if mx & (per_cl - 1):
        per_cl = 1
    cl_mask = mx // per_cl - 1
    cl_shift = _fit_bits(per_cl) - 1
    cli_shift = _fit_bits(cl_mask)
    cli_mask = per_cl - 1
    return ((data & cl_mask) << cl_shift) + ((data >> cli_shift) & cli_mask)


def port_word(number, port_limit=None):
    """64-bit word of local port #Port<0.number> (28-bit port data)."""
    data = number & 0xFFFFFFF
    pix = _ptab_pix(data, port_limit or PORT_LIMIT)
    return ((pix & M32) << 32) | (data << 4) | 0x7


def is_byte(t):
    return is_small(t) and 0 <= t <= 255


_HASH_CDR = object()


class _Cons:
    """Internal: a cons cell view for hashing list tails."""
    __slots__ = ("items", "pos", "tail")

    def __init__(self, items, pos, tail):
        self.items = items
        self.pos = pos
        self.tail = tail


def _as_cons(t):
    if isinstance(t, list):
        return _Cons(t, 0, [])
    if isinstance(t, Improper):
        if not t.items:
            return None
        return _Cons(t.items, 0, t.tail)
    return None


def _cdr(c):
    """Tail of cons view c: another cons view or a non-list term."""
    if c.pos + 1 < len(c.items):
        return _Cons(c.items, c.pos + 1, c.tail)
    t = c.tail
    if isinstance(t, list) and not t:
        return []
    nc = _as_cons(t)
    return nc if nc is not None else t


def internal_hash(term, salt=0):
    """make_internal_hash(term, salt) of OTP 25 (64-bit)."""
    h = (salt ^ INTERNAL_HASH_SALT) & M32
    stack = []
    t = term
    while True:
        w = None if isinstance(t, _Cons) else immediate_word(t)
        if w is not None:
            h = u32_hash2(h, w & M32, w >> 32, HCONST)
        elif isinstance(t, (list, Improper, _Cons)):
            c = t if isinstance(t, _Cons) else _as_cons(t)
            cnt = 0
            sh = 0
            cur = c
            rest = None  # non-list tail reached, if any
            while True:
                if not is_byte(cur.items[cur.pos]):
                    break
                sh = ((sh << 8) + cur.items[cur.pos]) & M32
                if cnt == 3:
                    h = u32_hash(h, sh, hconst(4))
                    cnt = sh = 0
                else:
                    cnt += 1
                nxt = _cdr(cur)
                if not isinstance(nxt, _Cons):
                    rest = nxt
                    break
                cur = nxt
            if cnt > 0:
                h = u32_hash2(h, sh, cnt, hconst(22))
            if rest is None:
                # cur is a cons whose head is not a byte
                tl = _cdr(cur)
                h = const_hash(h, hconst(17))
                stack.append(tl)
                if not isinstance(tl, _Cons):
                    stack.append(_HASH_CDR)
                t = cur.items[cur.pos]
                continue
            else:
                t = rest
                continue
        elif isinstance(t, tuple):
            n = len(t)
            h = u32_hash(h, n, hconst(9))
            if n > 0:
                for i in range(n - 1, 0, -1):
                    stack.append(t[i])
                t = t[0]
                continue
        elif isinstance(t, Map):
            h, nxt = _hash_map_term(h, t, stack)
            if nxt is not None:
                t = nxt
                continue
        elif isinstance(t, _HamtNode):
            h, nxt = _hash_hamt_node(h, t, stack)
            if nxt is not None:
                t = nxt
                continue
        elif isinstance(t, LocalFun):
            nf = len(t.env)
            h = u32_hash2(h, nf, immediate_word(t.module) & M32, hconst(20))
            h = u32_hash2(h, t.index, t.old_uniq, hconst(21))
            if nf:
                for e in reversed(t.env[1:]):
                    stack.append(e)
                t = t.env[0]
                continue
        elif isinstance(t, (bytes, bytearray)):
            con = (hconst(13) + h) & M32
            if len(t) == 0:
                h = con
            else:
                h = block_hash(bytes(t), con)
        elif isinstance(t, Bits):
            con = (hconst(13) + h) & M32
            if len(t.data) == 0 and t.bits == 0:
                h = con
            else:
                h = block_hash(t.data, con)
                if t.bits:
                    h = u32_hash2(h, t.bits, t.last >> (8 - t.bits), hconst(15))
        elif isinstance(t, int):  # bignum
            neg = t < 0
            mag = -t if neg else t
            con = hconst(10) if neg else hconst(11)
            while True:
                d = mag & M64
                mag >>= 64
                h = u32_hash2(h, d & M32, d >> 32, con)
                if mag == 0:
                    break
        elif isinstance(t, float):
            f = t
            if f == 0.0:
                f = 0.0
            bits = struct.unpack("<Q", struct.pack("<d", f))[0]
            h = u32_hash2(h, bits & M32, bits >> 32, hconst(12))
        elif isinstance(t, Ref):
            n = t.numbers
            h = u32_hash(h, n[0], hconst(7))
            h = u32_hash2(h, n[1], n[2], hconst(8))
            if len(n) == 5:  # pid-ref
                h = u32_hash2(h, n[3], n[4], hconst(9))
        else:
            raise TypeError("cannot hash %r" % (t,))
        # pop_next
        while True:
            if not stack:
                return h
            t = stack.pop()
            if t is _HASH_CDR:
                h = const_hash(h, hconst(18))
                continue
            break


def map_hash(key, level):
    """make_map_hash(key, level): level 0 -> internal_hash(key, 0); deeper
    'generations' salt the hash with a mix of the generation number."""
    if level <= 0:
        return internal_hash(key, 0)
    salt = u32_hash2(0, level, 1, hconst(22))
    return internal_hash(key, salt)


# ---------------------------------------------------------------------------
# HAMT

def nibble(key, lvl, cache):
    """Index (0..15) of key at trie depth lvl (0 = root)."""
    gen = lvl >> 3
    h = cache.get(gen)
    if h is None:
        h = map_hash(key, gen)
        cache[gen] = h
    return (h >> (4 * (lvl & 7))) & 0xF


class _HamtNode:
    """A trie node: children in slot order, each (key, value) or _HamtNode."""
    __slots__ = ("slots", "head", "size")

    def __init__(self, slots, head, size):
        self.slots = slots  # list of 16 entries or None
        self.head = head
        self.size = size


def build_hamt(pairs, lvl=0, caches=None, head=True):
    if caches is None:
        caches = [dict() for _ in pairs]
    buckets = [[] for _ in range(16)]
    for i, (k, v) in enumerate(pairs):
        buckets[nibble(k, lvl, caches[i])].append(i)
    slots = [None] * 16
    for ix in range(16):
        b = buckets[ix]
        if len(b) == 1:
            slots[ix] = pairs[b[0]]
        elif len(b) > 1:
            if lvl > 200:
                raise RuntimeError("hash never separates keys")
            slots[ix] = build_hamt([pairs[i] for i in b], lvl + 1,
                                   [caches[i] for i in b], head=False)
    return _HamtNode(slots, head, len(pairs))


def _hash_hamt_node(h, node, stack):
    """Hash a hashmap head/inner node the way make_internal_hash walks the
    heap.  Returns (h, term_to_continue_with or None)."""
    present = [s for s in node.slots if s is not None]
    if not node.head and len(present) == 16:
        # a full inner node is stored as a 16-tuple whose elements are the
        # sub-nodes and the leaf cons cells [K|V]: hashed as that tuple
        elems = tuple(s if isinstance(s, _HamtNode) else Improper([s[0]], s[1])
                      for s in present)
        return h, elems
    if node.head:
        h = u32_hash(h, node.size, hconst(16))
    # head nodes (bitmap or array) and bitmap inner nodes: children pushed in
    # slot order, so the last slot is hashed first; a leaf pushes V then K
    for s in present:
        if isinstance(s, _HamtNode):
            stack.append(s)
        else:
            stack.append(s[1])
            stack.append(s[0])
    return h, None


def _hash_map_term(h, m, stack):
    pairs = m.pairs
    if len(pairs) <= 32:
        ks = sorted(pairs, key=lambda kv: _map_key_sort(kv[0]))
        h = u32_hash(h, len(ks), hconst(16))
        for k, v in reversed(ks):
            stack.append(v)
            stack.append(k)
        return h, None
    node = build_hamt(pairs)
    return _hash_hamt_node(h, node, stack)


def _map_key_sort(t):
    # Minimal term order for flatmap keys: numbers < atoms < refs < funs <
    # ports < pids < tuples < maps < nil < lists < binaries; integers before
    # floats in map-key order.
    if isinstance(t, int) and not isinstance(t, bool):
        return (0, 0, t)
    if isinstance(t, float):
        return (0, 1, t)
    if isinstance(t, Atom):
        return (1, t.name)
    if isinstance(t, tuple):
        return (6, len(t), tuple(_map_key_sort(x) for x in t))
    if isinstance(t, list) and not t:
        return (8,)
    if isinstance(t, list):
        return (9, tuple(_map_key_sort(x) for x in t))
    if isinstance(t, (bytes, bytearray)):
        return (10, bytes(t))
    raise TypeError("no sort key for %r" % (t,))


def to_list_order(keys):
    """Keys of a map with > 32 keys in the order of maps:keys/values/to_list
    (and term_to_binary, Elixir Map.keys/values/to_list, Enum.to_list,
    inspect, and everything going through the Enumerable protocol)."""
    # The trie is walked depth first with the children of every node taken
    # from the highest slot (index 15) down to slot 0, which is exactly the
    # reverse of the ascending lexicographic order of the nibble sequences.
    asc = _sorted_by_generations(keys, list(range(len(keys))), 0)
    return [keys[i] for i in reversed(asc)]


def nibble_reverse(h):
    r = 0
    for _ in range(8):
        r = (r << 4) | (h & 0xF)
        h >>= 4
    return r


def _sorted_by_generations(keys, idx, gen):
    if gen > 64:
        raise RuntimeError("keys never separate")
    groups = {}
    for i in idx:
        groups.setdefault(nibble_reverse(map_hash(keys[i], gen)), []).append(i)
    out = []
    for hk in sorted(groups):
        g = groups[hk]
        if len(g) == 1:
            out.append(g[0])
        else:
            out.extend(_sorted_by_generations(keys, g, gen + 1))
    return out


def keys_in_order(keys):
    """The order of maps:keys/1 (= maps:to_list, Map.keys, Enum.to_list,
    inspect) for a map of more than 32 distinct keys."""
    if len(keys) <= 32:
        raise ValueError("maps of <= 32 keys are flatmaps (term order)")
    return to_list_order(keys)


def keys_in_order_indices(keys, allow_small=False):
    """Like keys_in_order, but returns positions into `keys`."""
    if len(keys) <= 32 and not allow_small:
        raise ValueError("maps of <= 32 keys are flatmaps (term order)")
    asc = _sorted_by_generations(keys, list(range(len(keys))), 0)
    return list(reversed(asc))


def iterator_order(keys):
    """maps:iterator/maps:next, maps:fold, maps:foreach, io_lib ~w/~p, and
    Elixir's Enum.reduce/3 (which uses :maps.fold for maps) and everything
    built on it: Enum.map/filter/each/with_index/sort_by..., `for` over a
    map.  Exactly the reverse of keys_in_order."""
    return list(reversed(keys_in_order(keys)))


def sort_key(key):
    """A key's position as a number (larger = earlier in keys_in_order):
    the nibble-reversed generation-0 hash.  Keys tie only on a full 32-bit
    collision; then the generation-1 hash decides, and so on."""
    return nibble_reverse(map_hash(key, 0))


if __name__ == "__main__":
    # tiny demo: python3 model.py  -> order of 0..39 as OTP 25 shows it
    print(keys_in_order(list(range(40))))
