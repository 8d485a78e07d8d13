//! `:os.cmd/1,2`'s door to the system: runs a command line under `/bin/sh`
//! and returns what it wrote on stdout. A BIF because only Rust can start
//! an OS process; `stdlib/os.ex` turns the bytes into OTP's charlist.

use super::{BifResult, Ctx};
use crate::bif::string::iodata_to_bytes;
use crate::process::Exn;
use crate::term::Term;

/// `:beamlet.os_cmd/1`: the stdout of `sh -c command` (a binary); the
/// command's stderr goes to the VM's, as with OTP's `os:cmd`.
pub fn os_cmd(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let command = iodata_to_bytes(a[0]).ok_or_else(|| Exn::badarg_at(1, "not a string"))?;
    let command = String::from_utf8_lossy(&command).into_owned();
    ctx.io.flush();
    let out = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(&command)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    Ok(ctx.st.heap.binary(&out))
}

/// `:os.set_signal/2`: what an OS signal does (`:handle`, `:default`,
/// `:ignore`); handled ones go to `:erl_signal_server` as messages
/// (`vm/src/signals.rs`). A BIF because signal dispositions are the OS's.
pub fn set_signal(_ctx: &mut Ctx, a: &[Term]) -> BifResult {
    use crate::signals::{self, Disposition};
    let sig = signals::number(crate::atom::name(a[0]))
        .ok_or_else(|| Exn::badarg_at(1, "invalid signal"))?;
    let disposition = match crate::atom::name(a[1]) {
        "handle" => Disposition::Handle,
        "default" => Disposition::Default,
        "ignore" => Disposition::Ignore,
        _ => return Err(Exn::badarg_at(2, "invalid option")),
    };
    signals::set(sig, disposition);
    Ok(crate::atom::OK)
}
