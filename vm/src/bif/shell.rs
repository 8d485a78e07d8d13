//! `:beamlet_shell`, the door between the interactive shell's server
//! (`IEx.Server`, stdlib/i_ex/server.ex) and the terminal the CLI drives
//! (src/shell/): built-ins because the terminal lives in the host, outside
//! every process. The server never blocks a scheduler in them: it asks for
//! a line, then polls (`ctx::ShellTerminal`).

use super::BifResult;
use crate::atom;
use crate::ctx::{Ctx, ShellEvent};
use crate::term::Term;

fn text(t: Term) -> Option<String> {
    t.binary_bytes()
        .map(|b| String::from_utf8_lossy(b).into_owned())
}

/// `:beamlet_shell.read_line(prompt)`: starts reading a line after
/// `prompt`; `false` when beamlet runs no terminal (a script).
pub fn read_line(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let prompt = text(a[0]).ok_or_else(super::badarg)?;
    let started = match ctx.io.shell() {
        Some(t) => t.read_line(&prompt),
        None => false,
    };
    Ok(Term::bool(started))
}

/// `:beamlet_shell.poll()`: `:none`, `{:line, text}`, `:eof`, `:interrupt`
/// or `{:complete, text_before_cursor}`.
pub fn poll(ctx: &mut Ctx, _a: &[Term]) -> BifResult {
    let ev = ctx.io.shell().and_then(|t| t.poll());
    Ok(match ev {
        None => atom::intern("none"),
        Some(ShellEvent::Eof) => atom::intern("eof"),
        Some(ShellEvent::Interrupt) => atom::intern("interrupt"),
        Some(ShellEvent::Line(s)) => {
            let b = ctx.st.heap.str(&s);
            ctx.st.heap.tuple(&[atom::intern("line"), b])
        }
        Some(ShellEvent::Complete(s)) => {
            let b = ctx.st.heap.str(&s);
            ctx.st.heap.tuple(&[atom::intern("complete"), b])
        }
    })
}

/// `:beamlet_shell.completion(start, candidates)`: answers the last
/// `{:complete, text}` (the candidates replace the last `start` bytes).
pub fn completion(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let start = a[0]
        .as_small()
        .filter(|n| *n >= 0)
        .ok_or_else(super::badarg)? as usize;
    let list = super::list_to_vec_pub(a[1]).ok_or_else(super::badarg)?;
    let cands = list
        .into_iter()
        .map(|t| text(t).ok_or_else(super::badarg))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(t) = ctx.io.shell() {
        t.completion(start, cands);
    }
    Ok(atom::intern("ok"))
}

/// `:beamlet_shell.colors?()`: whether the shell prints to a terminal.
pub fn colors(ctx: &mut Ctx, _a: &[Term]) -> BifResult {
    Ok(Term::bool(ctx.io.shell().is_some_and(|t| t.colors())))
}
