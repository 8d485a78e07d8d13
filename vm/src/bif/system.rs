//! The operating system and the clock: Erlang's time BIFs
//! (`:erlang.monotonic_time/0,1`, `system_time`, `time_offset`,
//! `convert_time_unit/3`, `unique_integer/0,1`), `:os` (environment
//! variables, the OS pid and type), `:erlang.system_info/1` and
//! `:erlang.halt/0,1,2`. Elixir's `System` is written in the language over
//! them (stdlib/system.ex). They are in Rust because they read the clock,
//! the environment or the scheduler, or end the run.

use super::{BifResult, Ctx};
use crate::atom;
use crate::order::to_bigint;
use crate::process::Exn;
use crate::term::Term;
use num_bigint::BigInt;
use num_integer::Integer;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The native time unit: nanoseconds (as on Linux's BEAM).
const NATIVE: i64 = 1_000_000_000;
/// Where monotonic time starts, in native units: the BEAM's
/// `ERTS_MONOTONIC_BEGIN` too (about -18 years), so it is negative.
const MONOTONIC_BEGIN: i64 = -(1 << 59);

/// Units per second of a time unit term, `None` if it is not one.
fn unit_per_second(unit: Term) -> Option<i64> {
    if let Some(n) = unit.as_small() {
        return (n > 0).then_some(n);
    }
    if !unit.is_atom() {
        return None;
    }
    Some(match atom::name(unit) {
        "second" | "seconds" => 1,
        "millisecond" | "milli_seconds" => 1_000,
        "microsecond" | "micro_seconds" => 1_000_000,
        "nanosecond" | "nano_seconds" | "native" | "perf_counter" => NATIVE,
        _ => return None,
    })
}

/// `time` (native units) in `to` units per second, rounded down.
fn convert(time: &BigInt, from: i64, to: i64) -> BigInt {
    let scaled = time * BigInt::from(to);
    scaled.div_floor(&BigInt::from(from))
}

fn monotonic_native() -> i64 {
    static START: OnceLock<Instant> = OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    MONOTONIC_BEGIN + start.elapsed().as_nanos() as i64
}

fn system_native() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i64,
        Err(e) => -(e.duration().as_nanos() as i64),
    }
}

/// `native` (a time in native units) converted to the unit `a[i]`.
fn in_unit(ctx: &mut Ctx, native: i64, unit: Term, position: usize) -> BifResult {
    let per = unit_per_second(unit).ok_or_else(|| Exn::badarg_at(position, "invalid time unit"))?;
    let v = convert(&BigInt::from(native), NATIVE, per);
    Ok(ctx.st.heap.bigint(&v))
}

pub fn monotonic_time0(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(ctx.st.heap.int(monotonic_native()))
}
pub fn monotonic_time1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    in_unit(ctx, monotonic_native(), a[0], 1)
}
pub fn system_time0(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(ctx.st.heap.int(system_native()))
}
pub fn system_time1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    in_unit(ctx, system_native(), a[0], 1)
}
/// `:erlang.time_offset/0`: system time minus monotonic time.
pub fn time_offset0(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(ctx.st.heap.int(system_native() - monotonic_native()))
}
pub fn time_offset1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    in_unit(ctx, system_native() - monotonic_native(), a[0], 1)
}

/// `:erlang.convert_time_unit(time, from, to)`, rounding down (towards
/// negative infinity) as Erlang does.
pub fn convert_time_unit(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let time = to_bigint(a[0]).ok_or_else(|| Exn::badarg_at(1, "not an integer"))?;
    let from = unit_per_second(a[1]).ok_or_else(|| Exn::badarg_at(2, "invalid time unit"))?;
    let to = unit_per_second(a[2]).ok_or_else(|| Exn::badarg_at(3, "invalid time unit"))?;
    Ok(ctx.st.heap.bigint(&convert(&time, from, to)))
}

/// `:erlang.unique_integer(modifiers)`: unique among all calls of the OS
/// process; `:positive` ones count up from 1, others are negative (as on
/// the BEAM); all are strictly increasing, so `:monotonic` holds.
pub fn unique_integer1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    static NEXT: AtomicI64 = AtomicI64::new(1);
    let mods = super::list_to_vec(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a list"))?;
    let mut positive = false;
    for m in mods {
        match m.is_atom().then(|| atom::name(m)) {
            Some("positive") => positive = true,
            Some("monotonic") => {}
            _ => return Err(Exn::badarg_at(1, "invalid modifier")),
        }
    }
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    Ok(ctx
        .st
        .heap
        .int(if positive { n } else { MONOTONIC_BEGIN + n }))
}
pub fn unique_integer0(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    unique_integer1(ctx, &[Term::NIL])
}

/// A charlist term of `s`.
fn charlist(ctx: &mut Ctx, s: &str) -> Term {
    let cs: Vec<Term> = s.chars().map(|c| Term::small(c as i64)).collect();
    ctx.st.heap.list(&cs)
}

/// The text of a charlist or binary argument (`:os` takes either).
fn text_arg(t: Term, position: usize) -> Result<String, Exn> {
    if let Some(b) = t.binary_bytes() {
        return String::from_utf8(b.to_vec()).map_err(|_| Exn::badarg_at(position, "not a string"));
    }
    super::string::chardata_to_bytes(t)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(|| Exn::badarg_at(position, "not a string"))
}

/// `:os.getenv()`: `["NAME=value", ...]` as charlists.
pub fn getenv0(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let vars: Vec<String> = std::env::vars_os()
        .map(|(k, v)| format!("{}={}", k.to_string_lossy(), v.to_string_lossy()))
        .collect();
    let ts: Vec<Term> = vars.iter().map(|s| charlist(ctx, s)).collect();
    Ok(ctx.st.heap.list(&ts))
}

/// `:os.getenv(name)`: the value as a charlist, or `false`.
pub fn getenv1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    getenv2(ctx, &[a[0], atom::FALSE])
}

/// `:os.getenv(name, default)`.
pub fn getenv2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = text_arg(a[0], 1)?;
    if name.is_empty() || name.contains(['=', '\0']) {
        return Ok(a[1]);
    }
    match std::env::var_os(&name) {
        Some(v) => Ok(charlist(ctx, &v.to_string_lossy())),
        None => Ok(a[1]),
    }
}

/// `:os.putenv(name, value)`: `true`.
pub fn putenv(_: &mut Ctx, a: &[Term]) -> BifResult {
    let name = text_arg(a[0], 1)?;
    let value = text_arg(a[1], 2)?;
    if name.is_empty() || name.contains(['=', '\0']) {
        return Err(Exn::badarg_at(1, "invalid environment variable name"));
    }
    if value.contains('\0') {
        return Err(Exn::badarg_at(2, "invalid environment variable value"));
    }
    std::env::set_var(name, value);
    Ok(atom::TRUE)
}

/// `:os.unsetenv(name)`: `true`.
pub fn unsetenv(_: &mut Ctx, a: &[Term]) -> BifResult {
    let name = text_arg(a[0], 1)?;
    if name.is_empty() || name.contains(['=', '\0']) {
        return Err(Exn::badarg_at(1, "invalid environment variable name"));
    }
    std::env::remove_var(name);
    Ok(atom::TRUE)
}

/// `:os.getpid()`: the OS process id, a charlist.
pub fn getpid(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(charlist(ctx, &std::process::id().to_string()))
}

/// `:os.type()`: `{:unix, :linux}`, `{:unix, :darwin}`, `{:win32, :nt}`.
pub fn os_type(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let (family, name) = match std::env::consts::OS {
        "windows" => ("win32", "nt"),
        "macos" => ("unix", "darwin"),
        other => ("unix", other),
    };
    Ok(ctx
        .st
        .heap
        .tuple(&[atom::intern(family), atom::intern(name)]))
}

/// `:erlang.system_info(item)` for the items beamlet knows.
pub fn system_info(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let bad = || Exn::badarg_at(1, "invalid system info item");
    if !a[0].is_atom() {
        return Err(bad());
    }
    match atom::name(a[0]) {
        "otp_release" => Ok(charlist(ctx, "25")),
        "schedulers" | "schedulers_online" => Ok(Term::small(ctx.rt.schedulers() as i64)),
        "logical_processors" | "logical_processors_available" | "logical_processors_online" => {
            let n = std::thread::available_parallelism().map_or(1, |n| n.get());
            Ok(Term::small(n as i64))
        }
        "process_count" => Ok(Term::small(ctx.rt.processes().len() as i64)),
        "endian" => Ok(atom::intern(if cfg!(target_endian = "big") {
            "big"
        } else {
            "little"
        })),
        "wordsize" => Ok(Term::small(8)),
        "version" => Ok(charlist(ctx, "13.1.5")),
        "machine" => Ok(charlist(ctx, "BEAM")),
        _ => Err(bad()),
    }
}

/// `:erlang.system_flag(:backtrace_depth, n)`: the most entries of a stack
/// trace (at most 10,000, as the BEAM), returning the old value. Other flags
/// are not supported (badarg).
pub fn system_flag(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    match (a[0], a[1].as_small()) {
        (f, Some(n)) if f.is_atom() && atom::name(f) == "backtrace_depth" && n >= 0 => {
            let old = ctx.code.set_backtrace_depth(n.min(10_000) as u32);
            Ok(Term::small(old as i64))
        }
        _ => Err(Exn::error(atom::BADARG)),
    }
}

/// The exit status `:erlang.halt/1` is given: an integer (taken modulo
/// 256, as the OS does), `:abort` (134, as SIGABRT), or a slogan (a
/// charlist, printed to standard error: status 1).
fn halt_status(ctx: &mut Ctx, status: Term) -> Result<i32, Exn> {
    if let Some(n) = status.as_small() {
        if n < 0 {
            return Err(Exn::badarg_at(1, "invalid status"));
        }
        return Ok((n & 0xff) as i32);
    }
    if status.is_bigint() {
        if to_bigint(status).is_some_and(|b| b.sign() == num_bigint::Sign::Minus) {
            return Err(Exn::badarg_at(1, "invalid status"));
        }
        return Ok(0);
    }
    if status.is_atom() && atom::name(status) == "abort" {
        return Ok(134);
    }
    if status.is_list() {
        if let Ok(b) = super::string::chardata_to_bytes(status) {
            let mut msg = b;
            msg.push(b'\n');
            ctx.io.err(&msg);
            return Ok(1);
        }
    }
    Err(Exn::badarg_at(1, "invalid status"))
}

/// `:erlang.halt(status)`: ends the run at once (output written so far is
/// flushed; no `System.at_exit/1` hooks run).
pub fn halt1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let status = halt_status(ctx, a[0])?;
    ctx.io.flush();
    ctx.rt.halt(status);
    // Stop this process now: the scheduler never runs it again.
    ctx.st.yield_now = true;
    Ok(atom::OK)
}
/// The halt status that asks the embedder to run the program again
/// (`System.restart/0`); real statuses are 0..=255.
pub const RESTART_STATUS: i32 = -1;

/// `:init.restart/0` (`System.restart/0`): ends this run, asking the CLI
/// to run the script again from the start in a fresh VM, as `elixir` does
/// when its runtime restarts. A BIF because only the embedder can rerun.
pub fn restart(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    ctx.io.flush();
    ctx.rt.halt(RESTART_STATUS);
    ctx.st.yield_now = true;
    Ok(atom::OK)
}

pub fn halt0(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    halt1(ctx, &[Term::small(0)])
}
/// `:erlang.halt(status, options)`: the options (`flush:`) change nothing here.
pub fn halt2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if super::list_to_vec(a[1]).is_none() {
        return Err(Exn::badarg_at(2, "not a list"));
    }
    halt1(ctx, &a[..1])
}

/// `:beamlet.cmd(path, args, options)`: runs the program at `path` (a binary)
/// with `args` (binaries) to its end and returns `{:ok, output, status}` (its
/// standard output as a binary) or `{:error, posix}` when it cannot start.
/// `options` is a list of `{:cd, dir}`, `{:env, [{name, value | nil}]}`,
/// `{:arg0, name}`, `{:stderr_to_stdout, true}`. Standard input is closed;
/// standard error goes to ours unless redirected. In Rust because it spawns
/// an OS process; the scheduler thread waits for it (`System.cmd/3`, over
/// this in stdlib/system.ex, blocks its caller the same way in Elixir).
pub fn cmd(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    let text = |t: Term, pos: usize| -> Result<String, Exn> {
        t.binary_bytes()
            .and_then(|b| std::str::from_utf8(b).ok())
            .map(str::to_owned)
            .ok_or_else(|| Exn::badarg_at(pos, "not a binary"))
    };
    let path = text(a[0], 1)?;
    let mut command = Command::new(&path);
    for t in super::list_to_vec(a[1]).ok_or_else(|| Exn::badarg_at(2, "not a list"))? {
        command.arg(text(t, 2)?);
    }
    command.stdin(Stdio::null()).stdout(Stdio::piped());
    let mut to_stdout = false;
    for opt in super::list_to_vec(a[2]).ok_or_else(|| Exn::badarg_at(3, "not a list"))? {
        let (key, value) = match opt.tuple_elems() {
            Some([k, v]) if k.is_atom() => (atom::name(*k), *v),
            _ => return Err(Exn::badarg_at(3, "not a list of options")),
        };
        match key {
            "cd" => {
                command.current_dir(text(value, 3)?);
            }
            "arg0" => {
                command.arg0(text(value, 3)?);
            }
            "stderr_to_stdout" => to_stdout = value == atom::TRUE,
            "env" => {
                let pairs =
                    super::list_to_vec(value).ok_or_else(|| Exn::badarg_at(3, "bad env"))?;
                for pair in pairs {
                    match pair.tuple_elems() {
                        Some([k, v]) if *v == atom::NIL => {
                            command.env_remove(text(*k, 3)?);
                        }
                        Some([k, v]) => {
                            command.env(text(*k, 3)?, text(*v, 3)?);
                        }
                        _ => return Err(Exn::badarg_at(3, "bad env")),
                    }
                }
            }
            _ => return Err(Exn::badarg_at(3, "not a list of options")),
        }
    }
    ctx.io.flush();
    let result = if to_stdout {
        // One pipe for both, so their bytes interleave as written.
        let (reader, writer) = match std::io::pipe() {
            Ok(p) => p,
            Err(e) => return Ok(error_tuple(ctx, &e)),
        };
        let writer2 = match writer.try_clone() {
            Ok(w) => w,
            Err(e) => return Ok(error_tuple(ctx, &e)),
        };
        command.stdout(writer).stderr(writer2);
        match command.spawn() {
            Ok(mut child) => {
                // Drop our copies of the write ends (held by `command`).
                drop(command);
                let mut out = Vec::new();
                let mut reader = reader;
                let read = std::io::Read::read_to_end(&mut reader, &mut out);
                child.wait().and_then(|s| read.map(|_| (out, s)))
            }
            Err(e) => Err(e),
        }
    } else {
        command
            .spawn()
            .and_then(|child| child.wait_with_output())
            .map(|o| (o.stdout, o.status))
    };
    match result {
        Ok((out, status)) => {
            use std::os::unix::process::ExitStatusExt;
            let code = status
                .code()
                .unwrap_or_else(|| 128 + status.signal().unwrap_or(0));
            let out = ctx.st.heap.binary(&out);
            Ok(ctx
                .st
                .heap
                .tuple(&[atom::OK, out, Term::small(code as i64)]))
        }
        Err(e) => Ok(error_tuple(ctx, &e)),
    }
}

fn error_tuple(ctx: &mut Ctx, e: &std::io::Error) -> Term {
    let reason = atom::intern(super::file::posix(e));
    ctx.st.heap.tuple(&[atom::ERROR, reason])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_rounds_down() {
        let c = |t: i64, f: i64, to: i64| convert(&BigInt::from(t), f, to);
        assert_eq!(c(-1, 1000, 1), BigInt::from(-1));
        assert_eq!(c(-1000, 1000, 1), BigInt::from(-1));
        assert_eq!(c(-1001, 1000, 1), BigInt::from(-2));
        assert_eq!(c(7, 3, 5), BigInt::from(11));
        assert_eq!(c(-7, 3, 5), BigInt::from(-12));
        assert_eq!(c(1, 1, NATIVE), BigInt::from(NATIVE));
    }
}
