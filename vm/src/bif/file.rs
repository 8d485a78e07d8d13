//! Files: the few `:file` BIFs Elixir's `File` is written over
//! (stdlib/file.ex), with Erlang's results (`{:ok, data}`, `{:error, :enoent}`).
//! In Rust because they call the operating system.

use super::{BifResult, Ctx};
use crate::atom;
use crate::process::Exn;
use crate::term::Term;
use std::io::ErrorKind;

/// The POSIX error name (`:enoent`, ...) of an I/O error.
pub fn posix(e: &std::io::Error) -> &'static str {
    // Linux's errno numbers (the same on most Unixes for these).
    if let Some(n) = e.raw_os_error() {
        let name = match n {
            1 => "eperm",
            2 => "enoent",
            5 => "eio",
            9 => "ebadf",
            12 => "enomem",
            13 => "eacces",
            16 => "ebusy",
            17 => "eexist",
            18 => "exdev",
            20 => "enotdir",
            21 => "eisdir",
            22 => "einval",
            23 => "enfile",
            24 => "emfile",
            26 => "etxtbsy",
            27 => "efbig",
            28 => "enospc",
            30 => "erofs",
            31 => "emlink",
            32 => "epipe",
            36 => "enametoolong",
            39 => "enotempty",
            40 => "eloop",
            _ => "",
        };
        if !name.is_empty() {
            return name;
        }
    }
    match e.kind() {
        ErrorKind::NotFound => "enoent",
        ErrorKind::PermissionDenied => "eacces",
        ErrorKind::AlreadyExists => "eexist",
        ErrorKind::InvalidInput => "einval",
        _ => "eio",
    }
}

/// `{:error, posix}`.
fn error(ctx: &mut Ctx, e: &std::io::Error) -> Term {
    let r = atom::intern(posix(e));
    ctx.st.heap.tuple(&[atom::ERROR, r])
}

fn ok(ctx: &mut Ctx, v: Term) -> Term {
    ctx.st.heap.tuple(&[atom::OK, v])
}

/// A file name: a binary or a charlist (chardata).
fn name_arg(t: Term, position: usize) -> Result<String, Exn> {
    let bytes = match t.binary_bytes() {
        Some(b) => b.to_vec(),
        None if t.is_atom() && t != atom::NIL => atom::name(t).as_bytes().to_vec(),
        None => super::string::chardata_to_bytes(t)
            .map_err(|_| Exn::badarg_at(position, "not a valid file name"))?,
    };
    if bytes.contains(&0) {
        return Err(Exn::badarg_at(position, "not a valid file name"));
    }
    String::from_utf8(bytes).map_err(|_| Exn::badarg_at(position, "not a valid file name"))
}

fn charlist(ctx: &mut Ctx, s: &str) -> Term {
    let cs: Vec<Term> = s.chars().map(|c| Term::small(c as i64)).collect();
    ctx.st.heap.list(&cs)
}

/// `:file.read_file(name)`: `{:ok, binary}`.
pub fn read_file(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    Ok(match std::fs::read(&name) {
        Ok(bytes) => {
            let b = ctx.st.heap.binary(&bytes);
            ok(ctx, b)
        }
        Err(e) => error(ctx, &e),
    })
}

/// `:file.write_file(name, iodata, modes)`: `:ok`; the modes `:append`
/// and `:exclusive` count, the others (`:binary`, `:write`, ...) change nothing.
pub fn write_file(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    let bytes = match a[1].binary_bytes() {
        Some(b) => b.to_vec(),
        None => {
            super::string::chardata_to_bytes(a[1]).map_err(|_| Exn::badarg_at(2, "not iodata"))?
        }
    };
    let modes = super::list_to_vec(a[2]).ok_or_else(|| Exn::badarg_at(3, "not a list"))?;
    let has = |m: &str| modes.iter().any(|t| t.is_atom() && atom::name(*t) == m);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true);
    if has("append") {
        opts.append(true).create(true);
    } else if has("exclusive") {
        opts.create_new(true);
    } else {
        opts.create(true).truncate(true);
    }
    let r = opts.open(&name).and_then(|mut f| {
        use std::io::Write;
        f.write_all(&bytes)
    });
    Ok(match r {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}

/// `:file.get_cwd()`: `{:ok, charlist}`.
pub fn get_cwd(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(match std::env::current_dir() {
        Ok(p) => {
            let s = charlist(ctx, &p.to_string_lossy());
            ok(ctx, s)
        }
        Err(e) => error(ctx, &e),
    })
}

/// `:file.set_cwd(name)`: `:ok`.
pub fn set_cwd(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    Ok(match std::env::set_current_dir(&name) {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}

/// `:file.list_dir(name)`: `{:ok, [charlist]}`, in the directory's order.
pub fn list_dir(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    let rd = match std::fs::read_dir(&name) {
        Ok(rd) => rd,
        Err(e) => return Ok(error(ctx, &e)),
    };
    let mut names = Vec::new();
    for entry in rd {
        match entry {
            Ok(e) => names.push(e.file_name().to_string_lossy().into_owned()),
            Err(e) => return Ok(error(ctx, &e)),
        }
    }
    let ts: Vec<Term> = names.iter().map(|n| charlist(ctx, n)).collect();
    let l = ctx.st.heap.list(&ts);
    Ok(ok(ctx, l))
}

/// `:file.delete(name)`: `:ok`; a directory gives `{:error, :eperm}` (as
/// Erlang reports `unlink`'s refusal on Linux).
pub fn delete(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    if std::fs::symlink_metadata(&name).is_ok_and(|m| m.is_dir()) {
        let r = atom::intern("eperm");
        return Ok(ctx.st.heap.tuple(&[atom::ERROR, r]));
    }
    Ok(match std::fs::remove_file(&name) {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}

/// `:file.make_dir(name)`: `:ok`.
pub fn make_dir(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    Ok(match std::fs::create_dir(&name) {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}

/// `:file.del_dir(name)`: `:ok` (the directory must be empty).
pub fn del_dir(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    Ok(match std::fs::remove_dir(&name) {
        Ok(()) => atom::OK,
        // Erlang's file driver reports a directory that is not empty as `eexist`.
        Err(e) if e.raw_os_error() == Some(39) => {
            let reason = atom::intern("eexist");
            ctx.st.heap.tuple(&[atom::ERROR, reason])
        }
        Err(e) => error(ctx, &e),
    })
}

/// `:file.rename(from, to)`: `:ok`.
pub fn rename(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let from = name_arg(a[0], 1)?;
    let to = name_arg(a[1], 2)?;
    Ok(match std::fs::rename(&from, &to) {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}

/// The user id of this OS process (Linux: from /proc), `None` if unknown.
fn my_uid() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

/// `:beamlet.file_info(name, follow_links)`: `{:ok, type, size, access,
/// mode}` (type `:regular`, `:directory`, `:symlink` or `:other`; access
/// `:read`, `:write`, `:read_write` or `:none`, from the permission bits
/// that apply to this process's user) or `{:error, posix}`; what
/// `File.stat/2` and `File.lstat/2` are written over.
/// The metadata of file `a[0]`, following links when `a[1]` is true.
fn metadata(a: &[Term]) -> Result<std::io::Result<std::fs::Metadata>, Exn> {
    let name = name_arg(a[0], 1)?;
    Ok(if a[1].is_true() {
        std::fs::metadata(&name)
    } else {
        std::fs::symlink_metadata(&name)
    })
}

pub fn file_info(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let md = match metadata(a)? {
        Ok(m) => m,
        Err(e) => return Ok(error(ctx, &e)),
    };
    let ft = md.file_type();
    let kind = if ft.is_symlink() {
        "symlink"
    } else if ft.is_dir() {
        "directory"
    } else if ft.is_file() {
        "regular"
    } else {
        "other"
    };
    #[cfg(unix)]
    let (mode, access) = {
        use std::os::unix::fs::MetadataExt;
        let mode = md.mode();
        let shift = match my_uid() {
            Some(0) => None,
            Some(uid) if uid == md.uid() => Some(6),
            Some(_) => Some(0),
            None => Some(6),
        };
        let (r, w) = match shift {
            // root reads and writes anything.
            None => (true, true),
            Some(s) => ((mode >> s) & 4 != 0, (mode >> s) & 2 != 0),
        };
        (mode as i64, (r, w))
    };
    #[cfg(not(unix))]
    let (mode, access) = (0i64, (true, !md.permissions().readonly()));
    let access = match access {
        (true, true) => "read_write",
        (true, false) => "read",
        (false, true) => "write",
        (false, false) => "none",
    };
    let size = ctx.st.heap.int(md.len() as i64);
    let mode = Term::small(mode);
    Ok(ctx.st.heap.tuple(&[
        atom::OK,
        atom::intern(kind),
        size,
        atom::intern(access),
        mode,
    ]))
}

/// `:beamlet.file_times(name, follow_links)`: `{:ok, {atime, mtime, ctime,
/// links, major_device, inode, uid, gid}}`, times in seconds since the Unix
/// epoch, or `{:error, posix}`; the rest of `File.stat/2` (see `file_info`).
pub fn file_times(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let md = match metadata(a)? {
        Ok(m) => m,
        Err(e) => return Ok(error(ctx, &e)),
    };
    #[cfg(unix)]
    let fields: [i64; 8] = {
        use std::os::unix::fs::MetadataExt;
        [
            md.atime(),
            md.mtime(),
            md.ctime(),
            md.nlink() as i64,
            md.dev() as i64,
            md.ino() as i64,
            i64::from(md.uid()),
            i64::from(md.gid()),
        ]
    };
    #[cfg(not(unix))]
    let fields: [i64; 8] = {
        let secs = |t: std::io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs() as i64)
        };
        [
            secs(md.accessed()),
            secs(md.modified()),
            secs(md.created()),
            1,
            0,
            0,
            0,
            0,
        ]
    };
    let terms: Vec<Term> = fields.iter().map(|&n| ctx.st.heap.int(n)).collect();
    let info = ctx.st.heap.tuple(&terms);
    Ok(ok(ctx, info))
}
