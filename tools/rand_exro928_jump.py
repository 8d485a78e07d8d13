# Computes the xoroshiro928 jump constants of :rand (stdlib/rand.ex): the
# characteristic polynomial of the state transition by Berlekamp-Massey over
# one output bit, then x^(2^k) modulo it, checked against OTP 25 (the
# state after exro928_jump_2pow20 of seed 42) and the stored 2^512 constant.
# Prints the words, 58 bits each, low first, with the marker bit 58.
M58 = (1 << 58) - 1
def rotl58(x, n): return ((x << n) & M58) | (x >> (58 - n))
def step(L):
    s15, s0 = L[0] & M58, L[1] & M58
    q = s15 ^ s0
    new15 = rotl58(s0, 44) ^ q ^ ((q & ((1 << 49) - 1)) << 9)
    return [rotl58(q, 45)] + L[2:] + [new15]
# seed58(16, 42) from OTP: recompute splitmix
M64 = (1 << 64) - 1
def splitmix(x):
    x = (x + 0x9E3779B97F4A7C15) & M64
    z = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31), x
def seed58(n, x):
    out = []
    while len(out) < n:
        z, x = splitmix(x)
        if z & M58: out.append(z & M58)
    return out
S = seed58(16, 42)
# sequence of a linear bit
N = 928
L = list(S); seq = []
for t in range(2 * N + 64):
    seq.append(L[1] & 1); L = step(L)
# Berlekamp-Massey over GF(2), polynomials as ints (bit i = coeff of x^i)
def bm(s):
    C, B = 1, 1; Ld, m = 0, 1
    for n in range(len(s)):
        d = s[n]
        for i in range(1, Ld + 1):
            d ^= ((C >> i) & 1) & s[n - i]
        if d == 0: m += 1
        elif 2 * Ld <= n:
            T = C; C ^= B << m; Ld = n + 1 - Ld; B = T; m = 1
        else:
            C ^= B << m; m += 1
    return C, Ld
C, Ld = bm(seq)
print("degree", Ld)
# characteristic polynomial p(x) = reciprocal of C
p = 0
for i in range(Ld + 1):
    if (C >> i) & 1: p |= 1 << (Ld - i)
def mulmod(a, b, p, deg):
    r = 0
    while b:
        if b & 1: r ^= a
        b >>= 1; a <<= 1
        if (a >> deg) & 1: a ^= p
    return r
def xpow2k(k, p, deg):
    r = 2  # x
    for _ in range(k): r = mulmod(r, r, p, deg)
    return r
def jump(L, r):
    acc = [0] * 16
    while r:
        if r & 1: acc = [a ^ b for a, b in zip(acc, L)]
        r >>= 1; L = step(L)
    return acc
r20 = xpow2k(20, p, Ld)
J = jump(list(S), r20)
print("jump20 first", J[0], J[0] == 115701065935688852)
words = [((r20 >> (58 * k)) & M58) | (1 << 58) for k in range(16)]
print([hex(w) for w in words])
r512 = xpow2k(512, p, Ld)
w512 = [((r512 >> (58 * k)) & M58) | (1 << 58) for k in range(16)]
print("512 matches stored first", hex(w512[0]))
