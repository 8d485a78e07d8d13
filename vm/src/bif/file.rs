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

// ---------------------------------------------------------------------------
// Open files. `File.open/2` starts a process (stdlib/beamlet_file_io.ex) that
// serves Erlang's IO protocol over an OS file; the process holds the file as
// a handle, a number naming an entry of this table. The handle is closed by
// `file_close` (the process closes it when its owner ends).

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Mutex;

/// The OS files open through `file_open`, by handle.
static OPEN_FILES: Mutex<Option<HashMap<i64, std::fs::File>>> = Mutex::new(None);
/// The next handle (handles are never reused).
static NEXT_HANDLE: AtomicI64 = AtomicI64::new(1);

/// Runs `f` on the open file `handle` (`a[0]`); `{:error, :einval}` when it
/// is not open.
fn with_file(
    ctx: &mut Ctx,
    handle: Term,
    f: impl FnOnce(&mut Ctx, &mut std::fs::File) -> Term,
) -> BifResult {
    let h = handle
        .as_small()
        .ok_or_else(|| Exn::badarg_at(1, "not a file handle"))?;
    let mut table = OPEN_FILES.lock().unwrap_or_else(|e| e.into_inner());
    match table.get_or_insert_with(HashMap::new).get_mut(&h) {
        Some(file) => Ok(f(ctx, file)),
        None => {
            let r = atom::intern("einval");
            Ok(ctx.st.heap.tuple(&[atom::ERROR, r]))
        }
    }
}

/// `:beamlet.file_open(name, modes)`: `{:ok, handle}` or `{:error, posix}`.
/// Modes as `:file.open/2`'s: `:read` (the default), `:write` (creates and
/// truncates unless `:read` is there too), `:append`, `:exclusive`; others
/// (`:binary`, encodings, `:raw`, ...) are the caller's business.
pub fn file_open(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    let modes = super::list_to_vec(a[1]).ok_or_else(|| Exn::badarg_at(2, "not a list"))?;
    let has = |m: &str| modes.iter().any(|t| t.is_atom() && atom::name(*t) == m);
    let (read, write, append, exclusive) =
        (has("read"), has("write"), has("append"), has("exclusive"));
    let mut opts = std::fs::OpenOptions::new();
    if append {
        opts.append(true).create(true).read(read);
    } else if exclusive {
        opts.write(true).create_new(true).read(read);
    } else if write {
        opts.write(true).create(true).read(read).truncate(!read);
    } else {
        opts.read(true);
    }
    match opts.open(&name) {
        Ok(file) => {
            // A directory opens on Linux; Erlang refuses it.
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                let r = atom::intern("eisdir");
                return Ok(ctx.st.heap.tuple(&[atom::ERROR, r]));
            }
            let h = NEXT_HANDLE.fetch_add(1, Ordering::Relaxed);
            OPEN_FILES
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert_with(HashMap::new)
                .insert(h, file);
            Ok(ok(ctx, Term::small(h)))
        }
        Err(e) => Ok(error(ctx, &e)),
    }
}

/// `:beamlet.file_read(handle, n)`: `{:ok, binary}` of up to `n` bytes,
/// `:eof`, or `{:error, posix}`.
pub fn file_read(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    use std::io::Read;
    let n = a[1]
        .as_small()
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| *n <= 1 << 30)
        .ok_or_else(|| Exn::badarg_at(2, "out of range"))?;
    with_file(ctx, a[0], |ctx, file| {
        let mut buf = vec![0u8; n];
        let mut got = 0;
        while got < n {
            match file.read(&mut buf[got..]) {
                Ok(0) => break,
                Ok(k) => got += k,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return error(ctx, &e),
            }
        }
        if got == 0 && n > 0 {
            return atom::intern("eof");
        }
        let b = ctx.st.heap.binary(&buf[..got]);
        ok(ctx, b)
    })
}

/// `:beamlet.file_write(handle, iodata)`: `:ok` or `{:error, posix}`.
pub fn file_write(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    use std::io::Write;
    let bytes = match a[1].binary_bytes() {
        Some(b) => b.to_vec(),
        None => {
            super::string::chardata_to_bytes(a[1]).map_err(|_| Exn::badarg_at(2, "not iodata"))?
        }
    };
    with_file(ctx, a[0], |ctx, file| match file.write_all(&bytes) {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}

/// `:beamlet.file_position(handle, {from, offset})` with `from` one of
/// `:bof`, `:cur`, `:eof`: `{:ok, new_position}` or `{:error, posix}`.
pub fn file_position(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    use std::io::{Seek, SeekFrom};
    let bad = || Exn::badarg_at(2, "not a position");
    let (from, offset) = match a[1].tuple_elems() {
        Some([from, offset]) if from.is_atom() => {
            (atom::name(*from), offset.as_small().ok_or_else(bad)?)
        }
        _ => return Err(bad()),
    };
    let pos = match from {
        "bof" => SeekFrom::Start(u64::try_from(offset).unwrap_or(u64::MAX)),
        "cur" => SeekFrom::Current(offset),
        "eof" => SeekFrom::End(offset),
        _ => return Err(bad()),
    };
    if from == "bof" && offset < 0 {
        let r = atom::intern("einval");
        return Ok(ctx.st.heap.tuple(&[atom::ERROR, r]));
    }
    with_file(ctx, a[0], |ctx, file| match file.seek(pos) {
        Ok(p) => {
            let p = ctx.st.heap.int(p as i64);
            ok(ctx, p)
        }
        Err(e) => error(ctx, &e),
    })
}

/// `:beamlet.file_close(handle)`: `:ok` (also for a handle closed already).
pub fn file_close(_ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if let Some(h) = a[0].as_small() {
        OPEN_FILES
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert_with(HashMap::new)
            .remove(&h);
    }
    Ok(atom::OK)
}

/// `:beamlet.file_link(existing, new, symbolic)`: a hard or symbolic link,
/// `:ok` or `{:error, posix}` (`File.ln/2`, `File.ln_s/2`).
pub fn file_link(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let existing = name_arg(a[0], 1)?;
    let new = name_arg(a[1], 2)?;
    #[cfg(unix)]
    let r = if a[2] == atom::TRUE {
        std::os::unix::fs::symlink(&existing, &new)
    } else {
        std::fs::hard_link(&existing, &new)
    };
    #[cfg(not(unix))]
    let r = std::fs::hard_link(&existing, &new);
    Ok(match r {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}

/// `:file.read_link(name)`: `{:ok, charlist}` of where a symbolic link points.
pub fn read_link(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    Ok(match std::fs::read_link(&name) {
        Ok(p) => {
            let s = charlist(ctx, &p.to_string_lossy());
            ok(ctx, s)
        }
        Err(e) => error(ctx, &e),
    })
}

/// `:beamlet.file_chmod(name, mode)`: sets the permission bits; `:ok` or
/// `{:error, posix}`.
pub fn file_chmod(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    let mode = a[1]
        .as_small()
        .and_then(|m| u32::try_from(m).ok())
        .ok_or_else(|| Exn::badarg_at(2, "not a mode"))?;
    #[cfg(unix)]
    let r = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&name, std::fs::Permissions::from_mode(mode))
    };
    #[cfg(not(unix))]
    let r: std::io::Result<()> = {
        let _ = (name, mode);
        Ok(())
    };
    Ok(match r {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}

/// `:beamlet.file_chown(name, uid, gid)`: the owner (`uid`) or group
/// (`gid`), each `-1` to leave it; `:ok` or `{:error, posix}`.
pub fn file_chown(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    let id = |t: Term, p: usize| {
        t.as_small()
            .ok_or_else(|| Exn::badarg_at(p, "not an id"))
            .map(|v| u32::try_from(v).ok())
    };
    let (uid, gid) = (id(a[1], 2)?, id(a[2], 3)?);
    #[cfg(unix)]
    let r = std::os::unix::fs::chown(&name, uid, gid);
    #[cfg(not(unix))]
    let r: std::io::Result<()> = {
        let _ = (name, uid, gid);
        Ok(())
    };
    Ok(match r {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}

/// `:beamlet.file_set_times(name, atime, mtime)`: access and modification
/// times in seconds since the Unix epoch; `:ok` or `{:error, posix}`
/// (`File.touch/2`, `File.write_stat/3`).
pub fn file_set_times(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = name_arg(a[0], 1)?;
    let time = |t: Term, p: usize| {
        t.as_small()
            .ok_or_else(|| Exn::badarg_at(p, "not a time"))
            .map(|s| {
                if s >= 0 {
                    std::time::UNIX_EPOCH + std::time::Duration::from_secs(s as u64)
                } else {
                    std::time::UNIX_EPOCH - std::time::Duration::from_secs(s.unsigned_abs())
                }
            })
    };
    let times = std::fs::FileTimes::new()
        .set_accessed(time(a[1], 2)?)
        .set_modified(time(a[2], 3)?);
    let r = std::fs::OpenOptions::new()
        .write(true)
        .open(&name)
        .or_else(|_| std::fs::File::open(&name))
        .and_then(|f| f.set_times(times));
    Ok(match r {
        Ok(()) => atom::OK,
        Err(e) => error(ctx, &e),
    })
}
