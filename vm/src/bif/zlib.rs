//! OTP's `:zlib` one-shot functions: `compress/1`, `uncompress/1` (zlib
//! format), `zip/1`, `unzip/1` (raw deflate), `gzip/1`, `gunzip/1` (gzip
//! format). BIFs because compression is a byte loop over the same zlib OTP
//! links (through flate2 and libz-sys), so the bytes match OTP's at its
//! default level. Input is iodata; undecodable input is the error
//! `:data_error`, as in OTP. The stream API (`open/0`, `deflateInit/1`, ...)
//! is not here.

use super::{BifResult, Ctx};
use crate::atom;
use crate::bif::string::iodata_to_bytes;
use crate::process::Exn;
use crate::term::Term;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

fn iodata(t: Term) -> Result<Vec<u8>, Exn> {
    iodata_to_bytes(t).ok_or_else(|| Exn::badarg_at(1, "not an iodata term"))
}

fn data_error() -> Exn {
    Exn::error(atom::intern("data_error"))
}

/// All of `data` through `z`, to the end of the stream.
fn deflate(mut z: Compress, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(256));
        }
        let consumed = z.total_in() as usize;
        match z.compress_vec(&data[consumed..], &mut out, FlushCompress::Finish) {
            Ok(Status::StreamEnd) => return out,
            Ok(_) => {}
            // Compression of an in-memory buffer cannot fail; stop rather than loop.
            Err(_) => return out,
        }
    }
}

/// One stream decoded from the start of `data` by `z`: the bytes and how much
/// input it used; `None` when the input is corrupt or ends before the stream.
fn inflate(mut z: Decompress, data: &[u8], out: &mut Vec<u8>) -> Option<usize> {
    loop {
        if out.capacity() - out.len() < 256 {
            out.reserve(out.capacity().max(1024));
        }
        let consumed = z.total_in() as usize;
        let produced = z.total_out();
        match z.decompress_vec(&data[consumed..], out, FlushDecompress::None) {
            Ok(Status::StreamEnd) => return Some(z.total_in() as usize),
            Ok(_) => {
                // No progress with room to write: the input ended early.
                if z.total_in() as usize == consumed && z.total_out() == produced {
                    return None;
                }
            }
            Err(_) => return None,
        }
    }
}

/// `:zlib.compress/1`: iodata compressed in the zlib format (level 6).
pub fn compress(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let data = iodata(a[0])?;
    let out = deflate(Compress::new(Compression::default(), true), &data);
    Ok(ctx.st.heap.binary(&out))
}

/// `:zlib.zip/1`: iodata compressed as raw deflate data.
pub fn zip(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let data = iodata(a[0])?;
    let out = deflate(Compress::new(Compression::default(), false), &data);
    Ok(ctx.st.heap.binary(&out))
}

/// `:zlib.gzip/1`: iodata compressed in the gzip format (zlib's own header:
/// no name, time 0, OS Unix).
pub fn gzip(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let data = iodata(a[0])?;
    let out = deflate(Compress::new_gzip(Compression::default(), 15), &data);
    Ok(ctx.st.heap.binary(&out))
}

/// `:zlib.uncompress/1`: zlib-format data decompressed (bytes after the
/// stream are ignored, as OTP does).
pub fn uncompress(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let data = iodata(a[0])?;
    let mut out = Vec::new();
    inflate(Decompress::new(true), &data, &mut out).ok_or_else(data_error)?;
    Ok(ctx.st.heap.binary(&out))
}

/// `:zlib.unzip/1`: raw deflate data decompressed.
pub fn unzip(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let data = iodata(a[0])?;
    let mut out = Vec::new();
    inflate(Decompress::new(false), &data, &mut out).ok_or_else(data_error)?;
    Ok(ctx.st.heap.binary(&out))
}

/// `:zlib.gunzip/1`: gzip data decompressed; several members one after the
/// other give their contents joined; anything else after a member is an error.
pub fn gunzip(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let data = iodata(a[0])?;
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let used =
            inflate(Decompress::new_gzip(15), &data[pos..], &mut out).ok_or_else(data_error)?;
        pos += used;
        if pos >= data.len() {
            break;
        }
    }
    Ok(ctx.st.heap.binary(&out))
}
