//! `IO` and `System.argv`; output capture
//! (`:beamlet.capture_io/2`, see capture.rs) and reading standard input.
//!
//! Every built-in function that writes to standard output or standard
//! error goes through [`emit`], which honours the captures.

use super::string::{chardata_to_bytes, chars_into};
use super::{argument_error, BifResult, Ctx};
use crate::atom;
use crate::capture::{self, Capture};
use crate::process::Exn;
use crate::term::Term;

/// The bytes `IO.puts`/`IO.write` print for `t` (chardata or String.Chars).
///
/// As OTP 25's `:io.put_chars/2` through Elixir's standard IO server: a
/// bare binary written to standard output goes out as it is, even when it
/// is not UTF-8 (`IO.write(<<255>>)` prints the byte), but chardata in a
/// list (`IO.puts` sends `[item, ?\n]`) and anything sent to standard error
/// must be valid UTF-8, else the call raises the ArgumentError below.
fn output_bytes(ctx: &mut Ctx, t: Term, checked: bool) -> Result<Vec<u8>, Exn> {
    let bytes = if let Some(b) = t.binary_bytes() {
        b.to_vec()
    } else if t.is_list() {
        match chardata_to_bytes(t) {
            Ok(b) if std::str::from_utf8(&b).is_ok() => return Ok(b),
            _ => return Err(not_chardata(ctx)),
        }
    } else {
        let mut out = Vec::new();
        chars_into(ctx, t, &mut out)?;
        out
    };
    if checked && std::str::from_utf8(&bytes).is_err() {
        return Err(not_chardata(ctx));
    }
    Ok(bytes)
}

/// The error `:io.put_chars/2` raises for output that is not character data.
fn not_chardata(ctx: &mut Ctx) -> Exn {
    let msg = "errors were found at the given arguments:\n\n  * 2nd argument: not valid character data (an iodata term)\n";
    argument_error(ctx, msg)
}

/// Where output goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    Stdout,
    Stderr,
}

/// The device an IO function is given: `:stdio`/`:standard_io` or
/// `:stderr`/`:standard_error`.
pub fn device(t: Term) -> Option<Device> {
    if !t.is_atom() {
        return None;
    }
    match atom::name(t) {
        "stdio" | "standard_io" => Some(Device::Stdout),
        "stderr" | "standard_error" => Some(Device::Stderr),
        _ => None,
    }
}

/// Writes `bytes` to `device`: the one place built-in functions print.
/// Standard output goes to the calling process's destination (a capture,
/// or the real output); standard error to its capture when one is on (the
/// runtime's output sink checks that, so the compiler's warnings are
/// captured too), else to the real standard error, after what standard
/// output holds.
pub fn emit(ctx: &mut Ctx, device: Device, bytes: &[u8]) {
    // On the BEAM a write is a request to the group leader that the writer
    // waits on, so the processes it has just started run meanwhile: a
    // linked one that crashes at once kills the writer before its next line,
    // and one that prints prints next. The first write after a spawn yields
    // to keep that order (process.rs `spawned`).
    if std::mem::take(&mut ctx.st.spawned) {
        ctx.st.yield_now = true;
    }
    match device {
        Device::Stdout => {
            if let Some(leader) = ctx.st.group_leader {
                put_chars_request(ctx, leader, bytes);
                return;
            }
            if ctx.st.stdout.is_some() {
                if capture::write(&ctx.st.stdout, bytes) {
                    return;
                }
                // Every capture of its chain was released.
                ctx.st.stdout = None;
            }
            ctx.io.out(bytes)
        }
        Device::Stderr => {
            ctx.io.flush();
            ctx.io.err(bytes)
        }
    }
}

/// Sends the group leader `{:io_request, leader, ref, {:put_chars, :unicode,
/// bytes}}` without waiting: a built-in cannot wait for the reply, which goes
/// to the leader itself (StringIO drops it). Messages from one sender keep
/// their order, so what a process writes is in the device before any later
/// request of it (`StringIO.close/1` by ExUnit.CaptureIO).
fn put_chars_request(ctx: &mut Ctx, leader: Term, bytes: &[u8]) {
    let r = ctx.rt.make_ref();
    let data = ctx.st.heap.binary(bytes);
    let request = ctx
        .st
        .heap
        .tuple(&[atom::intern("put_chars"), atom::intern("unicode"), data]);
    let msg = ctx
        .st
        .heap
        .tuple(&[atom::intern("io_request"), leader, r, request]);
    // A dead leader loses the output, as a write to a closed device would.
    let _ = ctx.rt.send(ctx.st, leader, msg);
}

fn to_device(ctx: &mut Ctx, dev: Term, bytes: &[u8]) -> Result<(), Exn> {
    let d = device(dev).ok_or_else(super::badarg)?;
    emit(ctx, d, bytes);
    Ok(())
}

pub fn puts(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    puts2(ctx, &[atom::intern("stdio"), a[0]])
}
/// `:beamlet.io_puts(device, item)`: `IO.puts/2` to `:stdio` or `:stderr`
/// (stdlib/io.ex sends any other device the IO protocol's requests).
pub fn puts2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut b = output_bytes(ctx, a[1], true)?;
    b.push(b'\n');
    to_device(ctx, a[0], &b)?;
    Ok(atom::OK)
}
pub fn write(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    write2(ctx, &[atom::intern("stdio"), a[0]])
}
/// `:beamlet.io_write(device, chardata)`: `IO.write/2` to `:stdio` or `:stderr`.
pub fn write2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let checked = device(a[0]) != Some(Device::Stdout);
    let b = output_bytes(ctx, a[1], checked)?;
    to_device(ctx, a[0], &b)?;
    Ok(atom::OK)
}
/// `:beamlet.io_binwrite(device, binary)`: `IO.binwrite/2` to `:stdio` or
/// `:stderr`. Elixir sends a `:latin1` request, and the standard devices
/// of `elixir` are in `:unicode` mode, so each byte is written as the
/// Latin-1 character it is: `IO.binwrite("é")` prints `"Ã©"`'s bytes.
pub fn binwrite(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let bytes = a[1].binary_bytes().ok_or_else(super::badarg)?;
    let mut b = Vec::with_capacity(bytes.len());
    for &byte in bytes {
        let mut buf = [0u8; 4];
        b.extend_from_slice(char::from(byte).encode_utf8(&mut buf).as_bytes());
    }
    to_device(ctx, a[0], &b)?;
    Ok(atom::OK)
}

/// `System.argv/0`: the script's arguments (`beamlet run f.exs a b`).
pub fn argv(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let args = ctx.st.argv.clone();
    let ts: Vec<Term> = args.iter().map(|s| ctx.st.heap.str(s)).collect();
    Ok(ctx.st.heap.list(&ts))
}

/// `:beamlet.set_argv(args)`, `System.argv/1`: replaces the arguments of
/// the calling process (and of the processes it spawns from now on).
pub fn set_argv(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut args = Vec::new();
    for t in super::list_to_vec(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a list"))? {
        let s = t
            .binary_bytes()
            .and_then(|b| std::str::from_utf8(b).ok())
            .ok_or_else(|| Exn::badarg_at(1, "not a list of strings"))?;
        args.push(s.to_owned());
    }
    ctx.st.argv = std::sync::Arc::from(args);
    Ok(atom::OK)
}

/// `:beamlet.capture_io(device, input)`: starts capturing what is written
/// to `device` (`:stdio`: by the calling process and the processes it
/// spawns from now on; `:stderr`: by every process); reads of standard
/// input by those processes take `input`. Returns a reference naming the
/// capture. See capture.rs.
pub fn capture_io(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let dev = device(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a device"))?;
    let input = match a[1].binary_bytes() {
        Some(b) => b.to_vec(),
        None => chardata_to_bytes(a[1]).map_err(|_| Exn::badarg_at(2, "not a binary"))?,
    };
    let r = ctx.rt.make_ref();
    let id = r.ref_value().unwrap_or(0);
    match dev {
        Device::Stdout => {
            ctx.io.flush();
            let c = Capture::new(&input, ctx.st.stdout.clone());
            ctx.st.stdout = Some(c.clone());
            ctx.rt.captures().add(id, c, false);
        }
        Device::Stderr => {
            let c = Capture::new(&input, ctx.rt.captures().stderr());
            ctx.rt.captures().add(id, c, true);
        }
    }
    Ok(r)
}

/// `:beamlet.release_io(capture)`: ends the capture and returns what was
/// written to it. Output goes back where it went before the capture.
pub fn release_io(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let id = a[0]
        .ref_value()
        .ok_or_else(|| Exn::badarg_at(1, "not a capture"))?;
    let (_, out, _) = ctx
        .rt
        .captures()
        .release(id)
        .ok_or_else(|| Exn::badarg_at(1, "not a capture that is on"))?;
    ctx.st.stdout = capture::live(&ctx.st.stdout);
    Ok(ctx.st.heap.binary(&out))
}

/// What standard input reads come from for the calling process: the
/// capture its standard output goes to, if any.
fn input_capture(ctx: &mut Ctx) -> Option<std::sync::Arc<Capture>> {
    capture::live(&ctx.st.stdout)
}

/// Writes a prompt (chardata) before a read.
fn prompt(ctx: &mut Ctx, dev: Device, p: Term) -> Result<(), Exn> {
    let bytes = output_bytes(ctx, p, false)?;
    if !bytes.is_empty() {
        emit(ctx, dev, &bytes);
    }
    if dev == Device::Stdout && input_capture(ctx).is_none() {
        ctx.io.flush();
    }
    Ok(())
}

/// A line of the real standard input (with its newline), `Ok(None)` at its end.
fn stdin_line() -> std::io::Result<Option<Vec<u8>>> {
    use std::io::BufRead;
    let mut line = Vec::new();
    let n = std::io::stdin().lock().read_until(b'\n', &mut line)?;
    Ok((n > 0).then_some(line))
}

/// Up to `count` characters of the real standard input, `Ok(None)` at its end.
fn stdin_chars(count: usize) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut out = Vec::new();
    let mut chars = 0;
    let mut byte = [0u8; 1];
    while chars < count {
        if lock.read(&mut byte)? == 0 {
            break;
        }
        out.push(byte[0]);
        // A continuation byte does not start a character.
        if byte[0] & 0xC0 != 0x80 {
            chars += 1;
        }
        // Finish the character just started.
        if chars == count {
            let need = match byte[0] {
                b if b >> 5 == 0b110 => 1,
                b if b >> 4 == 0b1110 => 2,
                b if b >> 3 == 0b11110 => 3,
                _ => 0,
            };
            for _ in 0..need {
                if lock.read(&mut byte)? == 0 {
                    break;
                }
                out.push(byte[0]);
            }
        }
    }
    Ok((!out.is_empty()).then_some(out))
}

/// The result of a read: the data as a binary, `:eof`, or `{:error, reason}`.
fn read_result(ctx: &mut Ctx, r: std::io::Result<Option<Vec<u8>>>) -> Term {
    match r {
        Ok(Some(b)) => ctx.st.heap.binary(&b),
        Ok(None) => atom::intern("eof"),
        Err(e) => {
            let reason = atom::intern(super::file::posix(&e));
            ctx.st.heap.tuple(&[atom::ERROR, reason])
        }
    }
}

/// `:beamlet.get_line(device, prompt)`, `:io.get_line/2` on a standard
/// device (stdlib/erl_io.ex; other devices get the IO protocol): a line of standard input (a binary,
/// with its newline), or `:eof`. A process whose output is captured reads
/// the capture's input (and its prompt is captured).
pub fn get_line(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let dev = device(a[0]).ok_or_else(super::badarg)?;
    prompt(ctx, dev, a[1])?;
    let r = match input_capture(ctx) {
        Some(c) => Ok(c.read_line()),
        None => stdin_line(),
    };
    Ok(read_result(ctx, r))
}

/// `:beamlet.get_chars(device, prompt, count)`, `:io.get_chars/3` on a
/// standard device: up to `count` characters of
/// standard input, or `:eof`.
pub fn get_chars(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let dev = device(a[0]).ok_or_else(super::badarg)?;
    let count = match a[2].as_small() {
        Some(n) if n >= 0 => n as usize,
        _ => return Err(Exn::badarg_at(3, "not a non-negative integer")),
    };
    prompt(ctx, dev, a[1])?;
    if count == 0 {
        return Ok(ctx.st.heap.binary(b""));
    }
    let r = match input_capture(ctx) {
        Some(c) => Ok(c.read_chars(count)),
        None => stdin_chars(count),
    };
    Ok(read_result(ctx, r))
}
