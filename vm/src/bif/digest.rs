//! Checksums and message digests over iodata: `:erlang.md5/1`,
//! `crc32/1,2`, `adler32/1,2` and `:crypto.hash/2` (md5, sha, sha2). BIFs
//! because they are byte loops the language would run thousands of times
//! slower; the digests come from the RustCrypto crates, CRC-32 from crc32fast.

use super::{BifResult, Ctx};
use crate::atom;
use crate::bif::string::iodata_to_bytes;
use crate::process::Exn;
use crate::term::Term;
use sha2::Digest;

fn iodata(t: Term, position: usize) -> Result<Vec<u8>, Exn> {
    iodata_to_bytes(t).ok_or_else(|| Exn::badarg_at(position, "not an iodata term"))
}

fn u32_arg(t: Term, position: usize) -> Result<u32, Exn> {
    t.as_small()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| Exn::badarg_at(position, "out of range"))
}

/// `:erlang.md5/1`: the 16-byte MD5 digest of iodata.
pub fn md5(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let data = iodata(a[0], 1)?;
    let d = md5::Md5::digest(&data);
    Ok(ctx.st.heap.binary(&d))
}

/// `:erlang.crc32/1`: the CRC-32 (IEEE) of iodata.
pub fn crc32(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let data = iodata(a[0], 1)?;
    Ok(ctx.st.heap.int(i64::from(crc32fast::hash(&data))))
}

/// `:erlang.crc32/2`: the CRC-32 continued from `old` over more iodata.
pub fn crc32_2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let old = u32_arg(a[0], 1)?;
    let data = iodata(a[1], 2)?;
    let mut h = crc32fast::Hasher::new_with_initial(old);
    h.update(&data);
    Ok(ctx.st.heap.int(i64::from(h.finalize())))
}

fn adler(mut s1: u32, mut s2: u32, data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    for chunk in data.chunks(5552) {
        for b in chunk {
            s1 += u32::from(*b);
            s2 += s1;
        }
        s1 %= MOD;
        s2 %= MOD;
    }
    (s2 << 16) | s1
}

/// `:erlang.adler32/1`: the Adler-32 checksum of iodata.
pub fn adler32(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let data = iodata(a[0], 1)?;
    Ok(ctx.st.heap.int(i64::from(adler(1, 0, &data))))
}

/// `:erlang.adler32/2`: the Adler-32 continued from `old` over more iodata.
pub fn adler32_2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let old = u32_arg(a[0], 1)?;
    let data = iodata(a[1], 2)?;
    Ok(ctx
        .st
        .heap
        .int(i64::from(adler(old & 0xffff, old >> 16, &data))))
}

/// The digest of `data` by the algorithm `:crypto` names `alg`.
fn digest(alg: &str, data: &[u8]) -> Option<Vec<u8>> {
    Some(match alg {
        "md5" => md5::Md5::digest(data).to_vec(),
        "sha" => sha1::Sha1::digest(data).to_vec(),
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        _ => return None,
    })
}

/// `:beamlet.digest/2`: the digest of iodata by a `:crypto` algorithm
/// name, or `:error` for an unknown one (`stdlib/crypto.ex` raises OTP's
/// errors around it).
pub fn crypto_digest(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let alg = if a[0].is_atom() { atom::name(a[0]) } else { "" };
    let data = iodata(a[1], 1)?;
    match digest(alg, &data) {
        Some(d) => Ok(ctx.st.heap.binary(&d)),
        None => Ok(atom::intern("error")),
    }
}

/// `:beamlet.strong_rand_bytes(n)`: `n` bytes from the operating system's
/// random source (`/dev/urandom`), what `:crypto.strong_rand_bytes/1` is
/// written over. A BIF because only the OS holds that randomness.
pub fn strong_rand_bytes(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    use std::io::Read;
    let n = a[0]
        .as_small()
        .and_then(|v| usize::try_from(v).ok())
        .filter(|n| *n <= 1 << 30)
        .ok_or_else(|| Exn::badarg_at(1, "out of range"))?;
    let mut buf = vec![0u8; n];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|_| Exn::badarg_at(1, "no random source"))?;
    Ok(ctx.st.heap.binary(&buf))
}
