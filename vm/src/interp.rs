//! The dispatch loop: runs one process for a time slice.
//!
//! Stackless: a call pushes a [`Frame`] onto the process's own frame stack
//! and switches to the callee; nothing recurses in Rust, so a process can stop
//! after any call (reductions used up, `receive` waiting) and resume later,
//! on any thread, from the state saved in its `Process`.
//!
//! Safe points (where the heap may be collected, see gc.rs) are the calls:
//! after the callee's window is set up every live term is in a register.
//!
//! ```text
//! call / return                       try / raise
//! ─────────────                       ───────────
//! Call f, args, n, dst                Try handler, kind      push Handler{depth, pc}
//!   push Frame{caller, pc, base, dst}   ... body ...
//!   base += args (R[0..n] = args)     TryEnd                 pop Handler
//!   reductions -= 1; maybe GC/yield   Jump done
//!                                     handler:               R[kind..kind+3] := class, reason, trace
//! Return src                            ... match rescue/catch clauses ...
//!   pop Frame; R[dst] := R[src]         Reraise kind         when none matched
//! ```
//!
//! ```text
//! receive
//! ───────
//! loop:  RecvPeek  msg, wait          next unexamined message, or goto wait
//!        <match clause 1 on msg, on failure goto next1> ... RecvAccept; body; Jump end
//!        ...
//!        RecvNext  loop               no clause matched: keep it, look at the next
//! wait:  RecvWait  loop, timeout      suspend; a new message resumes at loop
//!        <after body>                 the timeout expired
//! end:
//! ```

use crate::atom;
use crate::bif;
use crate::code::{CodeTable, FunId, Label, Op, Reg, NO_LABEL};
use crate::ctx::{Ctx, Io, Sched};
use crate::frames;
use crate::order;
use crate::process::{
    Class, ErrorInfo, Exn, Frame, Handler, ProcState, Process, Status, TraceEntry,
};
use crate::term::Term;

/// Why a time slice ended.
#[derive(Debug)]
pub enum Exit {
    /// The process's first function returned this value.
    Done(Term),
    /// An exception escaped every handler.
    Raised(Exn),
    /// The reduction budget ran out; the process is runnable.
    Yield,
    /// `receive` found nothing: wait for a message, or for `timeout` ms.
    Wait { timeout: Option<u64> },
    /// An exit signal from `from` ended the process with `reason`.
    Killed { from: Term, reason: Term },
}

/// Most registers a process's stack may hold (64 Mi words, 512 MiB) before
/// a call fails with `system_limit`: a runaway recursion stops instead of
/// exhausting the machine. The BEAM has no such default limit; this one is
/// far above the 1,000,000-deep recursions programs rely on.
const MAX_STACK_REGS: usize = 64 << 20;

fn class_atom(c: Class) -> Term {
    match c {
        Class::Error => atom::ERROR,
        Class::Throw => atom::THROW,
        Class::Exit => atom::EXIT,
    }
}

/// The stack trace at `fun`/`pc`, innermost first (at most `backtrace_depth` entries).
fn build_trace(p: &Process, code: &CodeTable, fun: FunId, pc: usize) -> Vec<TraceEntry> {
    trace_entries(code, fun, pc, &p.frames, code.backtrace_depth())
}

/// The stack trace at `fun`/`pc` (the next instruction) under `frames`
/// (outermost first), innermost first, at most `depth` entries, library
/// frames renamed as `frames::shown` has them read.
pub(crate) fn trace_entries(
    code: &CodeTable,
    fun: FunId,
    pc: usize,
    frames: &[Frame],
    depth: usize,
) -> Vec<TraceEntry> {
    let mut t = Vec::with_capacity(depth.min(20));
    push_entry(&mut t, depth, code, fun, pc.saturating_sub(1));
    // As the BEAM, a return address the same as the one before it is left
    // out: a recursion `1 + f(n - 1)` shows its function twice (where it
    // failed, where it called itself), not once a level.
    let mut prev = None;
    for fr in frames.iter().rev() {
        if t.len() >= depth {
            break;
        }
        if prev == Some((fr.fun, fr.pc)) {
            continue;
        }
        prev = Some((fr.fun, fr.pc));
        push_entry(
            &mut t,
            depth,
            code,
            fr.fun,
            (fr.pc as usize).saturating_sub(1),
        );
    }
    t
}

/// Appends the frame of `fid` at `pc` to `t` (as `frames::shown` has it
/// read), up to `depth` entries.
fn push_entry(t: &mut Vec<TraceEntry>, depth: usize, code: &CodeTable, fid: FunId, pc: usize) {
    let f = code.function(fid);
    let line = match f.lines.binary_search_by(|(p, _)| p.cmp(&(pc as u32))) {
        Ok(i) => f.lines[i].1,
        Err(0) => 0,
        Err(i) => f.lines[i - 1].1,
    };
    let mut push = |e: TraceEntry| {
        if t.len() < depth {
            t.push(e)
        }
    };
    let renamed = |shown: &frames::Shown| match *shown {
        frames::Shown::As {
            module,
            name,
            arity,
            file,
            line,
        } => Some(TraceEntry {
            module: frames::atom_of(module),
            name: frames::atom_of(name),
            arity,
            file: frames::atom_of(file),
            line,
            args: None,
        }),
        _ => None,
    };
    match frames::shown(f.module, f.name, f.arity) {
        None => push(TraceEntry {
            module: f.module,
            name: f.name,
            arity: f.trace_arity(),
            // Code without a line (generated with `line: 0`) has no
            // location at all, as on the BEAM.
            file: if line == 0 { Term::NIL } else { f.file },
            line,
            args: None,
        }),
        Some(frames::Shown::InFile(file)) => push(TraceEntry {
            module: f.module,
            name: f.name,
            arity: f.trace_arity(),
            file: frames::atom_of(file),
            line,
            args: None,
        }),
        Some(frames::Shown::Many(many)) => many.iter().filter_map(renamed).for_each(push),
        Some(shown) => renamed(&shown).into_iter().for_each(push),
    }
}

/// `function_clause` raised by the named function `fun` (no clause took
/// its arguments `args`): its frame carries the arguments instead of the
/// arity, as on the BEAM (`{M, :f, [:a], [line: 2]}`), which
/// `Exception.blame/3` shows as "The following arguments were given". A
/// closure's arguments come first in its registers too (what it captured
/// follows them).
#[cold]
#[inline(never)]
fn function_clause(p: &mut Process, code: &CodeTable, fun: FunId, pc: usize, args: &[Term]) -> Exn {
    let mut e = Exn::error(atom::FUNCTION_CLAUSE);
    if args.len() != code.function(fun).arity as usize {
        return e;
    }
    let mut trace = build_trace(p, code, fun, pc);
    trace[0].args = Some(p.st.heap.list(args));
    trace.push(TraceEntry::COMPLETE);
    e.trace = trace;
    e
}

/// The error of an arithmetic instruction (`Add`, `Sub`, `Mul`) gets the
/// operator's frame with its operands, as on the BEAM
/// (`{:erlang, :+, [:a, 1], []}`), which `Exception.blame/3` shows:
/// "bad argument in arithmetic expression: :a + 1".
#[cold]
#[inline(never)]
fn with_operator_frame(st: &mut ProcState, name: &str, x: Term, y: Term, mut e: Exn) -> Exn {
    if e.class != Class::Error || !e.trace.is_empty() {
        return e;
    }
    let list = st.heap.list(&[x, y]);
    e.trace.push(TraceEntry {
        module: atom::ERLANG,
        name: atom::intern(name),
        arity: 2,
        file: Term::NIL,
        line: 0,
        args: Some(list),
    });
    e
}

/// `Op::Bif`: `R[dst] := bif(R[args..args+n])`, or a jump to `fail`, or
/// the error with the function's frame (the interpreter's `data_op` and
/// the JIT's `jit_bif` helper both run it).
#[allow(clippy::too_many_arguments)]
#[inline]
pub(crate) fn bif_op(
    st: &mut ProcState,
    code: &CodeTable,
    io: &mut dyn Io,
    rt: &dyn Sched,
    regs: &mut [Term],
    base: usize,
    bif: bif::BifId,
    args: Reg,
    n: u8,
    dst: Reg,
    fail: Label,
) -> Result<Flow, Exn> {
    let src = base + args as usize;
    let mut ctx = Ctx { st, code, io, rt };
    match (bif::BIFS[bif as usize].f)(&mut ctx, &regs[src..src + n as usize]) {
        Ok(v) => regs[base + dst as usize] = v,
        Err(_) if fail != NO_LABEL => return Ok(Flow::Jump(fail)),
        // The BEAM's float division instruction fails without a frame of its own
        // (`a / b` in a function: the trace starts at the function), unlike the other
        // arithmetic instructions (`{:erlang, :+, [1, :a], []}`) and a call of
        // `:erlang./2` through `apply`.
        Err(e) if is_fdiv(bif) => return Err(e),
        Err(e) => return Err(with_bif_frame(ctx.st, bif, &regs[src..src + n as usize], e)),
    }
    Ok(Flow::Next)
}

/// Whether `bif` is `:erlang./2`.
#[cold]
fn is_fdiv(bif: bif::BifId) -> bool {
    let b = &bif::BIFS[bif as usize];
    b.module == "erlang" && b.name == "/" && b.arity == 2
}

/// An error a built-in function of an Erlang module (`:erlang.div/2`,
/// `:maps.get/2`) raised itself gets the function's frame, with the
/// arguments, as on the BEAM: `{:erlang, :div, [10, 0], []}`, which
/// `Exception.blame/3` reads. The language's own built-ins (`Kernel`,
/// `:beamlet`) add none: Elixir's raise from code of their own; nor do
/// the raising functions themselves (`:erlang.error/1`).
#[cold]
#[inline(never)]
fn with_bif_frame(st: &mut ProcState, bif: bif::BifId, args: &[Term], mut e: Exn) -> Exn {
    let b = &bif::BIFS[bif as usize];
    // Kernel's elem/2 and put_elem/3 are :erlang.element/2 and
    // setelement/3 in Elixir (inlined, 1-based): their frame.
    if e.class == Class::Error && e.trace.is_empty() && b.module == "Elixir.Kernel" {
        let one_based = |i: Term| i.as_small().map_or(i, |n| Term::small(n.saturating_add(1)));
        let frame = match (b.name, args) {
            ("elem", [t, i]) => Some(("element", st.heap.list(&[one_based(*i), *t]))),
            ("put_elem", [t, i, v]) => Some(("setelement", st.heap.list(&[one_based(*i), *t, *v]))),
            _ => None,
        };
        if let Some((name, list)) = frame {
            return push_erlang_frame(e, name, list, args.len());
        }
    }
    // `/` in a script's top level (`codegen::calls::bif`): `:erlang./2`'s frame.
    if e.class == Class::Error
        && e.trace.is_empty()
        && b.module == "beamlet"
        && b.name == "script_fdiv"
    {
        let list = st.heap.list(args);
        return push_erlang_frame(e, "/", list, 2);
    }
    if e.class != Class::Error
        || !e.trace.is_empty()
        || b.module.starts_with("Elixir.")
        || b.module == "beamlet"
        || matches!(b.name, "error" | "exit" | "throw" | "raise" | "nif_error")
        || b.module.starts_with("beamlet_")
    {
        return e;
    }
    let list = st.heap.list(args);
    e.trace.push(TraceEntry {
        module: atom::intern(b.module),
        name: atom::intern(b.name),
        arity: args.len() as u32,
        file: Term::NIL,
        line: 0,
        args: Some(list),
    });
    e
}

/// `e` with the frame of `:erlang.name/arity` given `args` (a list).
fn push_erlang_frame(mut e: Exn, name: &str, args: Term, arity: usize) -> Exn {
    e.trace.push(TraceEntry {
        module: atom::ERLANG,
        name: atom::intern(name),
        arity: arity as u32,
        file: Term::NIL,
        line: 0,
        args: Some(args),
    });
    e
}

/// Whether `e` is the frame of a BIF that failed (its arguments, no
/// location): what the BEAM gives an `error_info`.
fn is_bif_frame(e: &TraceEntry) -> bool {
    let Some(args) = e.args else {
        return false;
    };
    if e.file != Term::NIL || !e.module.is_atom() || !e.name.is_atom() {
        return false;
    }
    let n = bif::list_to_vec_pub(args).map_or(0, |a| a.len());
    bif::lookup(atom::name(e.module), atom::name(e.name), n).is_some()
}

/// A caught exception's stack trace term back as the trace to raise it
/// again with (marked complete), and the `error_info` its first entry
/// carries (see `trace_term`).
#[cold]
fn reraise_trace(t: Term) -> (Vec<TraceEntry>, Option<ErrorInfo>) {
    let Some(mut trace) = bif::exception::trace_of_term(t) else {
        return (Vec::new(), None);
    };
    let info = bif::exception::error_info_of(t).or_else(|| {
        // The older form: a first entry `{:erlang, :error_info, 0, [message: m]}`
        // (a trace with no entry of its own).
        let first = trace.first()?;
        if first.module != atom::ERLANG || atom::name(first.name) != "error_info" {
            return None;
        }
        t.cons_parts()
            .and_then(|(h, _)| h.tuple_elems().map(|e| e[3]))
            .and_then(|loc| loc.cons_parts())
            .and_then(|(kv, _)| kv.tuple_elems().map(|e| e[1]))
            .and_then(|m| {
                m.binary_bytes()
                    .map(|b| ErrorInfo::Message(String::from_utf8_lossy(b).into_owned()))
            })
    });
    if trace
        .first()
        .is_some_and(|f| f.module == atom::ERLANG && atom::name(f.name) == "error_info")
    {
        trace.remove(0);
    }
    trace.push(TraceEntry::COMPLETE);
    (trace, info)
}

/// The stack trace as a term: `[{module, function, arity, [file: 'f.ex', line: n]}, ...]`.
/// The first entry's location ends with its `error_info` (where the BEAM
/// puts the `error_info` its formatter reads): a BIF's frame (with its
/// arguments) gets `error_info: %{module: :erl_erts_errors}` as on the BEAM
/// (`:erl_stdlib_errors` for a BIF of another module than `:erlang`); its
/// explanation of a `badarg` (`info`) is not in the term:
/// `Exception.normalize` finds it again (`exception::bif_message`). A trace
/// with no entry gets `{:erlang, :error_info, 0, [message: info]}` for it
/// instead. For `raise`, `error_info: %{module: Exception}`.
pub fn trace_term(
    heap: &mut crate::heap::Heap,
    trace: &[TraceEntry],
    info: Option<&ErrorInfo>,
) -> Term {
    let line_atom = atom::intern("line");
    let file_atom = atom::intern("file");
    let info_is_exception = matches!(info, Some(ErrorInfo::Exception));
    let info = info.and_then(|i| match i {
        ErrorInfo::Message(m) => Some(Some(m.as_str())),
        ErrorInfo::Bif => Some(None),
        ErrorInfo::Exception => None,
    });
    let top_bif = trace.first().filter(|e| is_bif_frame(e)).map(|e| e.module);
    let info_module = match (info, top_bif) {
        (None, _) if info_is_exception => Some("Elixir.Exception"),
        (_, Some(m)) if m == atom::ERLANG => Some("erl_erts_errors"),
        (_, Some(_)) => Some("erl_stdlib_errors"),
        (Some(_), None) => Some("erl_erts_errors"),
        (None, None) => None,
    };
    let mut info_kv = info_module.map(|module| {
        let map = bif::map::build_map(heap, vec![(atom::MODULE, atom::intern(module))]);
        heap.tuple(&[atom::intern("error_info"), map])
    });
    let info = info.flatten();
    // One charlist for each file (a trace names few files, several times).
    let mut files: Vec<(Term, Term)> = Vec::new();
    let mut items: Vec<Term> = trace
        .iter()
        .map(|e| {
            let mut loc = Vec::new();
            if e.file.is_atom() && !e.file.is_nil() {
                let name = match files.iter().find(|(f, _)| *f == e.file) {
                    Some(&(_, name)) => name,
                    None => {
                        let chars: Vec<Term> = atom::name(e.file)
                            .chars()
                            .map(|c| Term::small(c as i64))
                            .collect();
                        let name = heap.list(&chars);
                        files.push((e.file, name));
                        name
                    }
                };
                loc.push(heap.tuple(&[file_atom, name]));
            }
            if e.line > 0 {
                loc.push(heap.tuple(&[line_atom, Term::small(e.line as i64)]));
            }
            if let Some(kv) = info_kv.take() {
                loc.push(kv);
            }
            let loc = heap.list(&loc);
            let arity = e.args.unwrap_or(Term::small(e.arity as i64));
            let (module, name) = script_names(e.module, e.name);
            heap.tuple(&[module, name, arity, loc])
        })
        .collect();
    if let (Some(msg), true) = (info, trace.is_empty()) {
        let m = heap.str(msg);
        let kv = heap.tuple(&[atom::MESSAGE, m]);
        let loc = heap.list(&[kv]);
        let e = heap.tuple(&[
            atom::ERLANG,
            atom::intern("error_info"),
            Term::small(0),
            loc,
        ]);
        items.insert(0, e);
    }
    heap.list(&items)
}

/// A script's top level is the function `__script__/1` of the module
/// `__script__` here; Elixir compiles it into `:elixir_compiler_0.__FILE__/1`,
/// which the stack traces a program sees name (`-__FILE__/1-fun-0-` for its
/// first fun).
fn script_names(module: Term, name: Term) -> (Term, Term) {
    if module != atom::SCRIPT {
        return (module, name);
    }
    let name = match atom::name(name) {
        "__script__" => atom::intern("__FILE__"),
        n => match n.strip_prefix("-__script__/") {
            Some(rest) => atom::intern(&format!("-__FILE__/{rest}")),
            None => name,
        },
    };
    (atom::intern("elixir_compiler_0"), name)
}

/// `apply(m, name, args)` with a module or name that is no atom, or
/// arguments that are no proper list: badarg explained as the BEAM does,
/// with `erlang:apply/3` and its arguments on top of the trace
/// (`Exception.blame/3` reads what was applied there).
#[cold]
fn apply_badarg(heap: &mut crate::heap::Heap, m: Term, name: Term, args: Term) -> Exn {
    let mut lines = Vec::new();
    if !m.is_atom() {
        lines.push((1, "not an atom"));
    }
    if !name.is_atom() {
        lines.push((2, "not an atom"));
    }
    if bif::list_to_vec_pub(args).is_none() {
        lines.push((
            3,
            if args.is_list() {
                "not a proper list"
            } else {
                "not a list"
            },
        ));
    }
    let mut e = Exn::badarg_lines(&lines);
    let all = heap.list(&[m, name, args]);
    e.trace.push(TraceEntry {
        module: atom::ERLANG,
        name: atom::intern("apply"),
        arity: 3,
        file: Term::NIL,
        line: 0,
        args: Some(all),
    });
    e
}

/// Completes the stack trace of `e` raised at `fun`/`pc` and unwinds to the
/// innermost handler: returns where to continue (function, base, pc) with the
/// handler's registers set, or `e` when no handler is left. Out of line: raising
/// is rare, and keeping it out keeps the dispatch loop small.
#[cold]
#[inline(never)]
fn unwind(
    p: &mut Process,
    code: &CodeTable,
    mut e: Exn,
    fun: FunId,
    pc: usize,
) -> Result<(FunId, usize, usize), Exn> {
    // Entries the raiser supplied (the missing function of `undef`) stay
    // innermost; a trace marked complete (`reraise`) stays as it is.
    if e.trace.last() == Some(&TraceEntry::COMPLETE) {
        e.trace.pop();
    } else {
        let mut trace = std::mem::take(&mut e.trace);
        trace.extend(build_trace(p, code, fun, pc));
        // They count toward the depth, as on the BEAM.
        trace.truncate(code.backtrace_depth());
        e.trace = trace;
    }
    match p.handlers.pop() {
        Some(h) => {
            p.frames.truncate(h.depth as usize);
            let tt = trace_term(&mut p.st.heap, &e.trace, e.info.as_ref());
            // A BIF's explanation, kept for `Exception.normalize`: the term
            // has no room for it (one raised again keeps the one it had).
            match &e.info {
                Some(ErrorInfo::Message(msg)) => {
                    p.st.bif_message = bif::exception::top_key(tt)
                        .map(|(m, f, n)| Box::new((m, f, n, msg.to_string())));
                }
                Some(ErrorInfo::Bif) => {}
                _ => p.st.bif_message = None,
            }
            let b = h.base as usize;
            let k = b + h.kind as usize;
            p.regs[k] = class_atom(e.class);
            p.regs[k + 1] = e.reason;
            p.regs[k + 2] = tt;
            Ok((h.fun, b, h.pc as usize))
        }
        None => Err(e),
    }
}

/// Raises `e` in `p` where it stopped (a nested call's `receive` that must
/// not wait: nested.rs): `Ok` when a handler of `p` takes it (then run `p`
/// again), else the exception with its stack trace.
pub(crate) fn raise_at(p: &mut Process, code: &CodeTable, e: Exn) -> Result<(), Exn> {
    p.timeout_pc = None;
    p.wait_deadline = None;
    p.st.recv_scan = 0;
    // `pc + 1`: the trace gives the line of the instruction at `pc`.
    match unwind(p, code, e, p.fun, p.pc as usize + 1) {
        Ok((fun, base, pc)) => {
            p.fun = fun;
            p.base = base as u32;
            p.pc = pc as u32;
            p.status = Status::Runnable;
            Ok(())
        }
        Err(e) => {
            p.status = Status::Done;
            Err(e)
        }
    }
}

/// Where a data instruction leaves control (see [`data_op`]).
pub(crate) enum Flow {
    /// On to the next instruction.
    Next,
    /// To the instruction's failure label.
    Jump(u32),
}

/// Runs one of the instructions that compute in the heap and at most
/// branch to a failure label: BIF calls, map lookups, binary prefixes and
/// the constructors. Shared by the dispatch loop (inlined there) and by
/// native code, which calls it through the JIT's step helper (jit/helpers.rs).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub(crate) fn data_op(
    st: &mut ProcState,
    code: &CodeTable,
    io: &mut dyn Io,
    rt: &dyn Sched,
    regs: &mut [Term],
    base: usize,
    op: Op,
) -> Result<Flow, Exn> {
    let r = |r: Reg| base + r as usize;
    match op {
        Op::Bif {
            bif,
            args,
            n,
            dst,
            fail,
        } => return bif_op(st, code, io, rt, regs, base, bif, args, n, dst, fail),
        Op::GetMapValue {
            dst,
            map,
            key,
            fail,
        } => match bif::map::map_find(regs[r(map)], regs[r(key)]) {
            Some(v) => regs[r(dst)] = v,
            None => return Ok(Flow::Jump(fail)),
        },
        Op::BinSplitPrefix {
            rest,
            src,
            prefix,
            fail,
        } => match (regs[r(src)].binary_bytes(), regs[r(prefix)].binary_bytes()) {
            (Some(s), Some(pfx)) if s.starts_with(pfx) => {
                let (n, k) = (8 * s.len() as u64, 8 * pfx.len() as u64);
                regs[r(rest)] = st.heap.sub_binary(regs[r(src)], k, n - k);
            }
            _ => return Ok(Flow::Jump(fail)),
        },
        Op::MakeTuple { dst, args, n } => {
            let s = r(args);
            regs[r(dst)] = st.heap.tuple(&regs[s..s + n as usize]);
        }
        Op::Cons { dst, head, tail } => {
            regs[r(dst)] = st.heap.cons(regs[r(head)], regs[r(tail)]);
        }
        Op::MakeMap { dst, args, n } => {
            let s = r(args);
            let kv: Vec<(Term, Term)> = (0..n as usize)
                .map(|i| (regs[s + 2 * i], regs[s + 2 * i + 1]))
                .collect();
            regs[r(dst)] = bif::map::build_map(&mut st.heap, kv);
        }
        Op::MapUpdate {
            dst,
            map,
            args,
            n,
            exact,
        } => {
            let m = regs[r(map)];
            if !m.is_map() {
                return Err(Exn::error(st.heap.tuple(&[atom::BADMAP, m])));
            }
            let s = r(args);
            let mut out = m;
            for i in 0..n as usize {
                let (k, v) = (regs[s + 2 * i], regs[s + 2 * i + 1]);
                if exact && bif::map::map_find(out, k).is_none() {
                    return Err(Exn::error(st.heap.tuple(&[atom::BADKEY, k])));
                }
                out = bif::map::map_put(&mut st.heap, out, k, v);
            }
            regs[r(dst)] = out;
        }
        Op::MakeClosure { dst, fun, free, n } => {
            let s = r(free);
            regs[r(dst)] = st.heap.closure(fun, &regs[s..s + n as usize]);
        }
        _ => unreachable!("not a data instruction: {op:?}"),
    }
    Ok(Flow::Next)
}

/// Runs `p` until it finishes, raises past all handlers, waits, or uses up `budget` reductions.
pub fn run(
    p: &mut Process,
    code: &CodeTable,
    io: &mut dyn Io,
    rt: &dyn Sched,
    budget: &mut i64,
) -> Exit {
    let mut fid = p.fun;
    let mut f = code.function(fid);
    let mut pc = p.pc as usize;
    // Reductions left in this slice, kept in a local (written back on exit).
    let mut left = *budget;
    let mut base = p.base as usize;
    // The register stack as a local slice: its pointer and length stay in
    // machine registers instead of being reloaded from `p` after each store.
    // Re-borrowed after anything that may move it (growth, collection, unwinding).
    let mut regs: &mut [Term] = &mut p.regs[..];

    macro_rules! reg {
        ($r:expr) => {
            regs[base + $r as usize]
        };
    }
    // Saves the current position into the process.
    macro_rules! save {
        () => {
            p.fun = fid;
            p.pc = pc as u32;
            p.base = base as u32;
            *budget = left;
        };
    }
    // Raises `$e` (an Exn): jumps to the innermost handler or leaves the slice.
    macro_rules! raise {
        ($e:expr) => {{
            let e: Exn = $e;
            match unwind(p, code, e, fid, pc) {
                Ok((nf, nb, npc)) => {
                    regs = &mut p.regs[..];
                    fid = nf;
                    f = code.function(fid);
                    base = nb;
                    pc = npc;
                    continue;
                }
                Err(e) => {
                    save!();
                    p.status = Status::Done;
                    return Exit::Raised(e);
                }
            }
        }};
    }
    // Makes the register stack at least `$need` registers long (doubling it),
    // or raises `system_limit` past MAX_STACK_REGS.
    macro_rules! grow {
        ($need:expr) => {{
            let need: usize = $need;
            if need > regs.len() {
                if need > MAX_STACK_REGS {
                    raise!(Exn::error(atom::SYSTEM_LIMIT));
                }
                let n = need.max(regs.len() * 2);
                let max = p.st.heap.max.words;
                if max != 0 && n + p.st.heap.live_after_gc > max {
                    // The stack counts in `max_heap_size`, as on the BEAM:
                    // the scheduler takes it from here.
                    p.st.heap.over_max = true;
                    left = 0;
                }
                p.regs.resize(n, Term::NIL);
                if p.st.heap.account.is_some() {
                    let words = p.stack_words();
                    if p.st.heap.set_stack_words(words) {
                        // Over the VM's memory: the scheduler takes it from here.
                        left = 0;
                    }
                }
                regs = &mut p.regs[..];
            }
        }};
    }
    // Enters function `$callee` with the `$n` arguments at absolute register
    // `$src` and the closure's free variables `$free`, pushing a frame unless
    // it's a tail call.
    macro_rules! enter {
        ($callee:expr, $src:expr, $n:expr, $free:expr, $tail:expr, $dst:expr) => {{
            let callee: FunId = $callee;
            let (src, na): (usize, usize) = ($src, $n);
            let cf = code.function(callee);
            // A call's arguments are the top live registers of the caller
            // (the compiler allocates them last), so the callee's window
            // starts on them and they need no copy; a tail call reuses the
            // caller's window.
            let new_base = if $tail { base } else { src };
            let need = new_base + cf.nregs as usize;
            grow!(need);
            let free: &[Term] = $free;
            let nf = free.len();
            if src != new_base {
                if na <= 4 {
                    // A short loop beats a memmove call for the usual one to four arguments.
                    // Tail calls may overlap (src > new_base): copying upwards is safe then.
                    for i in 0..na {
                        regs[new_base + i] = regs[src + i];
                    }
                } else {
                    regs.copy_within(src..src + na, new_base);
                }
            }
            if nf > 0 {
                regs[new_base + na..new_base + na + nf].copy_from_slice(free);
            }
            // The rest of the window is not cleared: see `Process::regs`.
            if !$tail {
                p.frames.push(Frame {
                    fun: fid,
                    pc: pc as u32,
                    base: base as u32,
                    dst: $dst,
                });
            }
            fid = callee;
            f = cf;
            base = new_base;
            pc = 0;
            left -= 1;
            if p.st.heap.wants_gc() {
                p.collect(need, &mut [], Some(code));
                regs = &mut p.regs[..];
                if p.st.heap.over_max {
                    // Over `max_heap_size`: the scheduler takes it from here.
                    left = 0;
                }
            }
            if left <= 0 {
                save!();
                return Exit::Yield;
            }
            let native = code.jit.native(code, callee, cf);
            if native != 0 {
                let r = code
                    .jit
                    .call(code, native, p, &mut *io, rt, base, &mut left);
                regs = &mut p.regs[..];
                match r {
                    Ok(v) => ret!(v),
                    Err(at) => {
                        // Native code stopped before instruction `pc`:
                        // go on from there, as if it had been interpreted.
                        fid = at.fun;
                        f = code.function(fid);
                        pc = at.pc as usize;
                        base = at.base as usize;
                        if let Some(e) = at.raise {
                            raise!(*e);
                        }
                        grow!(base + f.nregs as usize);
                        if left <= 0 || at.yield_now {
                            save!();
                            return Exit::Yield;
                        }
                    }
                }
            }
        }};
    }
    // Returns `$v` to the caller (or finishes the process).
    macro_rules! ret {
        ($v:expr) => {{
            let v: Term = $v;
            match p.frames.pop() {
                Some(fr) => {
                    fid = fr.fun;
                    f = code.function(fid);
                    pc = fr.pc as usize;
                    base = fr.base as usize;
                    reg!(fr.dst) = v;
                }
                None => {
                    save!();
                    p.status = Status::Done;
                    return Exit::Done(v);
                }
            }
        }};
    }
    macro_rules! call_bif {
        ($bif:expr, $argv:expr) => {{
            let mut ctx = Ctx {
                st: &mut p.st,
                code,
                io: &mut *io,
                rt,
            };
            (bif::BIFS[$bif as usize].f)(&mut ctx, $argv)
        }};
    }

    // Loads `module` through the compiler if it is not loaded (the library
    // is compiled on first use); whether it is loaded now. (Loaded already
    // counts: another thread may have loaded it since the caller's lookup
    // missed, and the caller looks again.)
    macro_rules! try_autoload {
        ($module:expr) => {{
            let module = $module;
            code.module_loaded(module) || {
                let mut ctx = Ctx {
                    st: &mut p.st,
                    code,
                    io: &mut *io,
                    rt,
                };
                bif::compiler::autoload(&mut ctx, module)
            }
        }};
    }

    // A call to a module the host denies (see CodeTable::set_denied).
    macro_rules! raise_denied {
        ($m:expr, $name:expr, $n:expr) => {{
            let mut ctx = Ctx {
                st: &mut p.st,
                code,
                io: &mut *io,
                rt,
            };
            let e = crate::native::denied(&mut ctx, $m, $name, $n as u32);
            raise!(e);
        }};
    }

    // Calls `$m.$name` with the `$n` arguments at register `$args`
    // (`apply/3` and the `Apply` instructions): public function, built-in
    // function, or `undef`.
    macro_rules! apply_mfa {
        ($m:expr, $name:expr, $args:expr, $n:expr, $tail:expr, $dst:expr) => {{
            let (m, name, tail, dst): (Term, Term, bool, Reg) = ($m, $name, $tail, $dst);
            let (src, n): (usize, usize) = (base + $args as usize, $n);

            if !m.is_atom() || !name.is_atom() {
                // As the BEAM: badarg explained, `erlang:apply/3` on top of
                // the trace with its arguments (`Exception.blame/3` reads
                // what was applied there).
                let args = p.st.heap.list(&regs[src..src + n]);
                raise!(apply_badarg(&mut p.st.heap, m, name, args));
            }
            // Whoever applies it: the module may come from a script.
            if code.is_denied(m) {
                raise_denied!(m, name, n);
            }
            let found = |code: &CodeTable| {
                code.lookup(m, name, n as u32)
                    .filter(|id| code.function(*id).public)
            };
            let callee = match found(code) {
                Some(c) => Some(c),
                None if try_autoload!(m) => found(code),
                None => None,
            };
            if let Some(callee) = callee {
                enter!(callee, src, n, &[], tail, dst);
            } else if let Some(b) = bif::lookup_atoms(m, name, n) {
                match call_bif!(b, &regs[src..src + n]) {
                    Ok(v) if tail => ret!(v),
                    Ok(v) => reg!(dst) = v,
                    Err(e) => raise!(with_bif_frame(&mut p.st, b, &regs[src..src + n], e)),
                }
            } else {
                // The missing function's frame holds the arguments, as on the BEAM.
                let args = Some(p.st.heap.list(&regs[src..src + n]));
                let e = Exn {
                    class: Class::Error,
                    reason: atom::UNDEF,
                    trace: vec![TraceEntry {
                        module: m,
                        name,
                        arity: n as u32,
                        file: Term::NIL,
                        line: 0,
                        args,
                    }],
                    info: None,
                };
                raise!(e);
            }
        }};
    }

    // `apply(R[module], R[fun], R[list])`: the arguments go above this
    // window, where the callee's starts (a tail call moves them down).
    macro_rules! apply_list {
        ($module:expr, $fun:expr, $list:expr, $tail:expr, $dst:expr) => {{
            let (m, name) = (reg!($module), reg!($fun));
            let Some(items) = bif::list_to_vec_pub(reg!($list)) else {
                raise!(apply_badarg(&mut p.st.heap, m, name, reg!($list)));
            };
            let at = f.nregs as usize;
            grow!(base + at + items.len());
            regs[base + at..base + at + items.len()].copy_from_slice(&items);
            apply_mfa!(m, name, at as Reg, items.len(), $tail, $dst);
        }};
    }

    // `apply(R[fun], R[list])`, as `apply_list`.
    macro_rules! call_fun_list {
        ($fun:expr, $list:expr, $tail:expr, $dst:expr) => {{
            let Some(items) = bif::list_to_vec_pub(reg!($list)) else {
                raise!(Exn::error(atom::BADARG));
            };
            let at = f.nregs as usize;
            grow!(base + at + items.len());
            regs[base + at..base + at + items.len()].copy_from_slice(&items);
            call_fun!($fun, at as Reg, items.len(), $tail, $dst);
        }};
    }

    macro_rules! call_ext {
        ($import:expr, $args:expr, $n:expr, $tail:expr, $dst:expr) => {{
            let (import, tail, dst) = ($import, $tail, $dst);
            let (src, n) = (base + $args as usize, $n as usize);
            let resolved = match code.resolve_import(import) {
                Some(c) => Some(c),
                // A library module not loaded yet: the compiler loads it.
                None if try_autoload!(code.import(import).module) => code.resolve_import(import),
                None => None,
            };
            match resolved {
                Some(callee) => enter!(callee, src, n, &[], tail, dst),
                None => {
                    let imp = code.import(import);
                    if imp.denied {
                        raise_denied!(imp.module, imp.name, imp.arity);
                    }
                    let args = Some(p.st.heap.list(&regs[src..src + n]));
                    let e = Exn {
                        class: Class::Error,
                        reason: atom::UNDEF,
                        trace: vec![TraceEntry {
                            module: imp.module,
                            name: imp.name,
                            arity: imp.arity,
                            file: Term::NIL,
                            line: 0,
                            args,
                        }],
                        info: None,
                    };
                    raise!(e);
                }
            }
        }};
    }
    macro_rules! call_fun {
        ($fun:expr, $args:expr, $n:expr, $tail:expr, $dst:expr) => {{
            let (fun, args, n, tail, dst) = ($fun, $args, $n, $tail, $dst);

            let fv = reg!(fun);
            let (src, n) = (base + args as usize, n as usize);
            if let Some((id, free)) = fv.closure_parts() {
                let cf = code.function(id);
                if cf.arity as usize != n {
                    let argl = p.st.heap.list(&regs[src..src + n]);
                    let inner = p.st.heap.tuple(&[fv, argl]);
                    let r = p.st.heap.tuple(&[atom::BADARITY, inner]);
                    raise!(Exn::error(r));
                }
                enter!(id, src, n, free, tail, dst);
            } else if let Some((m, name, a)) = fv.export_parts() {
                if a as usize != n {
                    let argl = p.st.heap.list(&regs[src..src + n]);
                    let inner = p.st.heap.tuple(&[fv, argl]);
                    let r = p.st.heap.tuple(&[atom::BADARITY, inner]);
                    raise!(Exn::error(r));
                }
                // Whoever calls it: the fun may come from a script.
                if code.is_denied(m) {
                    raise_denied!(m, name, a);
                }
                let found = |code: &CodeTable| {
                    code.lookup(m, name, a)
                        .filter(|id| code.function(*id).public)
                };
                let callee = match found(code) {
                    Some(c) => Some(c),
                    None if try_autoload!(m) => found(code),
                    None => None,
                };
                if let Some(callee) = callee {
                    enter!(callee, src, n, &[], tail, dst);
                } else if let Some(b) = bif::lookup_atoms(m, name, n) {
                    match call_bif!(b, &regs[src..src + n]) {
                        Ok(v) => {
                            if tail {
                                ret!(v);
                            } else {
                                reg!(dst) = v;
                            }
                        }
                        Err(e) => raise!(with_bif_frame(&mut p.st, b, &regs[src..src + n], e)),
                    }
                } else {
                    let args = Some(p.st.heap.list(&regs[src..src + n]));
                    let e = Exn {
                        class: Class::Error,
                        reason: atom::UNDEF,
                        trace: vec![TraceEntry {
                            module: m,
                            name,
                            arity: a,
                            file: Term::NIL,
                            line: 0,
                            args,
                        }],
                        info: None,
                    };
                    raise!(e);
                }
            } else {
                let r = p.st.heap.tuple(&[atom::BADFUN, fv]);
                raise!(Exn::error(r));
            }
        }};
    }

    // The small-integer result `$fast`, or else the general `$slow` (which may
    // allocate, or raise).
    // `$x $name $y` (`+`, `-`): the small-integer path, else the general
    // one; its error gets the operator's frame with the operands.
    macro_rules! arith {
        ($fast:expr, $slow:expr, $name:expr, $x:expr, $y:expr) => {{
            match $fast {
                Some(v) => v,
                None => match $slow {
                    Ok(v) => v,
                    Err(e) => raise!(with_operator_frame(&mut p.st, $name, $x, $y, e)),
                },
            }
        }};
    }
    // Whether `R[a] op imm` holds, in term order.
    macro_rules! cmp_imm {
        ($a:expr, $imm:expr, $op:expr) => {{
            let x = reg!($a);
            let y = Term::small($imm as i64);
            let ord = match x.small_cmp(y) {
                Some(o) => o,
                None => order::compare(x, y),
            };
            $op.holds(ord)
        }};
    }
    // `R[a] + imm`
    macro_rules! add_imm {
        ($a:expr, $imm:expr) => {{
            let x = reg!($a);
            let y = Term::small($imm as i64);
            // With a literal integer the BEAM's error has no operator frame.
            match x.small_add(y) {
                Some(v) => v,
                None => match bif::erlang::add_terms(&mut p.st.heap, x, y) {
                    Ok(v) => v,
                    Err(e) => raise!(e),
                },
            }
        }};
    }

    loop {
        let op: &Op = &f.code[pc];
        pc += 1;
        match *op {
            Op::Move { dst, src } => reg!(dst) = reg!(src),
            Op::Const { dst, lit } => reg!(dst) = f.literals[lit as usize],
            Op::Call { fun, args, n, dst } => {
                enter!(fun, base + args as usize, n as usize, &[], false, dst);
            }
            Op::TailCall { fun, args, n } => {
                enter!(fun, base + args as usize, n as usize, &[], true, 0);
            }
            Op::CallAddImm {
                fun,
                args,
                n,
                dst,
                a,
                imm,
            } => {
                let v = add_imm!(a, imm);
                reg!(args as usize + n as usize - 1) = v;
                enter!(fun, base + args as usize, n as usize, &[], false, dst);
            }
            Op::TailCallAddImm {
                fun,
                args,
                n,
                a,
                imm,
            } => {
                let v = add_imm!(a, imm);
                reg!(args as usize + n as usize - 1) = v;
                enter!(fun, base + args as usize, n as usize, &[], true, 0);
            }
            Op::CallExt {
                import,
                args,
                n,
                dst,
            } => call_ext!(import, args, n, false, dst),
            Op::TailCallExt { import, args, n } => call_ext!(import, args, n, true, 0),
            Op::CallFun { fun, args, n, dst } => call_fun!(fun, args, n, false, dst),
            Op::TailCallFun { fun, args, n } => call_fun!(fun, args, n, true, 0),
            Op::ApplyList {
                module,
                fun,
                list,
                dst,
            } => apply_list!(module, fun, list, false, dst),
            Op::TailApplyList { module, fun, list } => apply_list!(module, fun, list, true, 0),
            Op::CallFunList { fun, list, dst } => call_fun_list!(fun, list, false, dst),
            Op::TailCallFunList { fun, list } => call_fun_list!(fun, list, true, 0),
            Op::Apply {
                module,
                fun,
                args,
                n,
                dst,
            } => {
                let (m, name) = (reg!(module), reg!(fun));
                apply_mfa!(m, name, args, n as usize, false, dst);
            }
            Op::ProtocolCall {
                protocol,
                fun,
                args,
                n,
                fallback,
                dst,
            } => {
                let (proto, name, data) = (reg!(protocol), reg!(fun), reg!(args));
                let (ty, _) = bif::protocol::dispatch_type(data);
                if let Some(callee) = code.dispatch_cached(proto, ty, name, n, fallback) {
                    enter!(callee, base + args as usize, n as usize, &[], false, dst);
                } else {
                    let generation = code.generation();
                    let found = {
                        let mut ctx = Ctx {
                            st: &mut p.st,
                            code,
                            io: &mut *io,
                            rt,
                        };
                        bif::protocol::protocol_impl(&mut ctx, &[proto, data, Term::bool(fallback)])
                    };
                    regs = &mut p.regs[..];
                    match found {
                        Err(e) => raise!(e),
                        Ok(imp) if imp == atom::NIL => {
                            // impl_for!/1 raises Protocol.UndefinedError from its own frame.
                            apply_mfa!(proto, atom::intern("impl_for!"), args, 1, false, dst);
                        }
                        Ok(imp) => {
                            let found = code.lookup(imp, name, n as u32);
                            if let Some(id) = found.filter(|id| code.function(*id).public) {
                                let key = (proto, ty, name, n, fallback);
                                code.remember_dispatch(key, generation, id);
                            }
                            apply_mfa!(imp, name, args, n as usize, false, dst);
                        }
                    }
                }
            }
            Op::Bif { .. }
            | Op::GetMapValue { .. }
            | Op::BinSplitPrefix { .. }
            | Op::MakeTuple { .. }
            | Op::Cons { .. }
            | Op::MakeMap { .. }
            | Op::MapUpdate { .. }
            | Op::MakeClosure { .. } => {
                match data_op(&mut p.st, code, &mut *io, rt, regs, base, *op) {
                    Ok(Flow::Next) => {}
                    Ok(Flow::Jump(l)) => pc = l as usize,
                    Err(e) => raise!(e),
                }
                if p.st.yield_now {
                    // A BIF signalled this process: handle it now.
                    p.st.yield_now = false;
                    save!();
                    return Exit::Yield;
                }
            }
            Op::Return { src } => {
                let v = reg!(src);
                ret!(v);
            }
            Op::ReturnIf { a, imm, op, src } => {
                if cmp_imm!(a, imm, op) {
                    let v = reg!(src);
                    ret!(v);
                }
            }
            Op::AddReturn { a, b } => {
                let (x, y) = (reg!(a), reg!(b));
                let v = arith!(
                    x.small_add(y),
                    bif::erlang::add_terms(&mut p.st.heap, x, y),
                    "+",
                    x,
                    y
                );
                ret!(v);
            }
            Op::Jump { to } => pc = to as usize,
            Op::IsType { r, ty, fail } => {
                if !ty.holds(reg!(r)) {
                    pc = fail as usize;
                }
            }
            Op::IsTuple { r, arity, fail } => {
                if reg!(r).tuple_elems().map(|e| e.len()) != Some(arity as usize) {
                    pc = fail as usize;
                }
            }
            Op::IsEqExact { a, b, fail } => {
                if !order::exact_eq(reg!(a), reg!(b)) {
                    pc = fail as usize;
                }
            }
            Op::IsNeExact { a, b, fail } => {
                if order::exact_eq(reg!(a), reg!(b)) {
                    pc = fail as usize;
                }
            }
            Op::IsEq { a, b, fail } => {
                if !order::eq(reg!(a), reg!(b)) {
                    pc = fail as usize;
                }
            }
            Op::IsNe { a, b, fail } => {
                if order::eq(reg!(a), reg!(b)) {
                    pc = fail as usize;
                }
            }
            Op::IsLt { a, b, fail } => {
                let (x, y) = (reg!(a), reg!(b));
                let lt = match x.small_cmp(y) {
                    Some(o) => o.is_lt(),
                    None => order::compare(x, y).is_lt(),
                };
                if !lt {
                    pc = fail as usize;
                }
            }
            Op::IsGe { a, b, fail } => {
                let (x, y) = (reg!(a), reg!(b));
                let ge = match x.small_cmp(y) {
                    Some(o) => o.is_ge(),
                    None => order::compare(x, y).is_ge(),
                };
                if !ge {
                    pc = fail as usize;
                }
            }
            Op::CmpImm { a, imm, op, fail } => {
                if !cmp_imm!(a, imm, op) {
                    pc = fail as usize;
                }
            }
            Op::SelectLit { r, table, fail } => {
                pc = match f.tables[table as usize].lookup(reg!(r)) {
                    Some(l) => l as usize,
                    None => fail as usize,
                };
            }
            Op::IsEqLit { a, lit, fail } => {
                let (x, y) = (reg!(a), f.literals[lit as usize]);
                if x != y && (!x.is_pointer() || !order::exact_eq(x, y)) {
                    pc = fail as usize;
                }
            }
            Op::IsTruthy { r, fail } => {
                let t = reg!(r);
                if t == atom::NIL || t == atom::FALSE {
                    pc = fail as usize;
                }
            }
            Op::GetElem { dst, src, index } => {
                let t = reg!(src);
                reg!(dst) = t
                    .tuple_elems()
                    .map(|e| e[index as usize])
                    .unwrap_or(Term::NIL);
            }
            Op::GetList { head, tail, src } => {
                let (h, t) = reg!(src).cons_parts().unwrap_or((Term::NIL, Term::NIL));
                reg!(head) = h;
                reg!(tail) = t;
            }
            Op::Add { dst, a, b } => {
                let (x, y) = (reg!(a), reg!(b));
                let v = arith!(
                    x.small_add(y),
                    bif::erlang::add_terms(&mut p.st.heap, x, y),
                    "+",
                    x,
                    y
                );
                reg!(dst) = v;
            }
            Op::AddImm { dst, a, imm } => {
                let v = add_imm!(a, imm);
                reg!(dst) = v;
            }
            Op::Sub { dst, a, b } => {
                let (x, y) = (reg!(a), reg!(b));
                let v = arith!(
                    x.small_sub(y),
                    bif::erlang::sub_terms(&mut p.st.heap, x, y),
                    "-",
                    x,
                    y
                );
                reg!(dst) = v;
            }
            Op::Mul { dst, a, b } => {
                let (x, y) = (reg!(a), reg!(b));
                match bif::erlang::mul_terms(&mut p.st.heap, x, y) {
                    Ok(v) => reg!(dst) = v,
                    Err(e) => raise!(with_operator_frame(&mut p.st, "*", x, y, e)),
                }
            }
            Op::Error { reason } => {
                let r = reg!(reason);
                raise!(Exn::error(r))
            }
            Op::Badmatch { src } => {
                let r = p.st.heap.tuple(&[atom::BADMATCH, reg!(src)]);
                raise!(Exn::error(r));
            }
            Op::CaseClause { src } => {
                let r = p.st.heap.tuple(&[atom::CASE_CLAUSE, reg!(src)]);
                raise!(Exn::error(r));
            }
            Op::FunctionClause => {
                let n = (f.arity as usize).min(regs.len().saturating_sub(base));
                let args = regs[base..base + n].to_vec();
                raise!(function_clause(p, code, fid, pc, &args))
            }
            Op::Try { handler, kind } => {
                p.handlers.push(Handler {
                    depth: p.frames.len() as u32,
                    fun: fid,
                    base: base as u32,
                    pc: handler,
                    kind,
                });
            }
            Op::TryEnd => {
                p.handlers.pop();
            }
            Op::Reraise { kind } => {
                let class = match reg!(kind) {
                    t if t == atom::THROW => Class::Throw,
                    t if t == atom::EXIT => Class::Exit,
                    _ => Class::Error,
                };
                let reason = reg!(kind + 1);
                // The clauses did not match: raised on with its own stack trace.
                let (trace, info) = reraise_trace(reg!(kind + 2));
                raise!(Exn {
                    class,
                    reason,
                    trace,
                    info
                });
            }
            Op::RecvMark { dst } => {
                // The mailbox's length and its edit count, in one small integer.
                let len = p.st.mailbox.len() as u64;
                let mark = if len < 1 << 31 {
                    (u64::from(p.st.mailbox_edits & EDITS_MASK) << 31 | len) as i64
                } else {
                    -1
                };
                reg!(dst) = Term::small(mark);
            }
            Op::RecvBind { mark, r } => {
                let (m, t) = (reg!(mark).as_small().unwrap_or(-1), reg!(r));
                // Bound only if no message left or came back since the mark:
                // then every message before index `len` predates `t`.
                p.st.recv_mark = if m >= 0
                    && t.is_ref()
                    && (m as u64 >> 31) as u32 == p.st.mailbox_edits & EDITS_MASK
                {
                    Some((t, (m as u64 & ((1 << 31) - 1)) as usize))
                } else {
                    None
                };
            }
            Op::RecvUse { r } => {
                if let Some((t, at)) = p.st.recv_mark {
                    if t == reg!(r) {
                        p.st.recv_scan = p.st.recv_scan.max(at.min(p.st.mailbox.len()));
                    }
                }
            }
            Op::RecvPeek { dst, empty } => match p.st.mailbox.get(p.st.recv_scan) {
                Some(m) => reg!(dst) = *m,
                None => pc = empty as usize,
            },
            Op::RecvPeekShaped { dst, empty, shapes } => {
                let shapes = f.literals[shapes as usize];
                let mb = &p.st.mailbox;
                let mut i = p.st.recv_scan;
                while i < mb.len() && !may_match(mb[i], shapes) {
                    i += 1;
                }
                p.st.recv_scan = i;
                match mb.get(i) {
                    Some(m) => reg!(dst) = *m,
                    None => pc = empty as usize,
                }
            }
            Op::RecvNext { to } => {
                p.st.recv_scan += 1;
                pc = to as usize;
            }
            Op::RecvAccept => {
                let at = p.st.recv_scan;
                p.st.mailbox.remove(at);
                p.st.mailbox_edits = p.st.mailbox_edits.wrapping_add(1);
                if let Some((_, m)) = &mut p.st.recv_mark {
                    if at < *m {
                        *m -= 1;
                    }
                }
                p.st.recv_scan = 0;
                p.wait_deadline = None;
            }
            Op::RecvWait { to, timeout } => {
                let t = reg!(timeout);
                let ms = match t.as_small() {
                    Some(ms) if ms >= 0 => Some(ms as u64),
                    _ if t == atom::INFINITY => None,
                    _ => {
                        let r = p.st.heap.tuple(&[atom::intern("timeout_value"), t]);
                        raise!(Exn::error(r));
                    }
                };
                if ms == Some(0) {
                    // Look at what arrived so far, then give up at once.
                    match rt.drain(&mut p.st) {
                        Ok(true) => {
                            pc = to as usize;
                            continue;
                        }
                        Ok(false) => {}
                        Err((from, reason)) => {
                            save!();
                            p.status = Status::Done;
                            return Exit::Killed { from, reason };
                        }
                    }
                    p.st.recv_scan = 0;
                    continue; // the timeout has expired already: run the `after` body
                }
                // Waiting: the scheduler takes in new signals, or parks the process.
                p.timeout_pc = ms.map(|_| pc as u32);
                pc = to as usize;
                save!();
                p.status = Status::Waiting;
                return Exit::Wait { timeout: ms };
            }
        }
    }
}

/// The bits of `ProcState::mailbox_edits` a receive mark keeps (with 31 of
/// length, a small integer).
const EDITS_MASK: u32 = (1 << 30) - 1;

/// Whether message `m` has one of the `shapes` of `RecvPeekShaped`.
fn may_match(m: Term, shapes: Term) -> bool {
    let mut l = shapes;
    while let Some((s, rest)) = l.cons_parts() {
        if s.is_atom() {
            if m == s {
                return true;
            }
        } else if let (Some([arity, tag]), Some(es)) = (s.tuple_elems(), m.tuple_elems()) {
            if arity.as_small() == Some(es.len() as i64)
                && (tag.is_nil() || es.first() == Some(tag))
            {
                return true;
            }
        }
        l = rest;
    }
    false
}

impl Process {
    /// After a `Wait` ends by timeout: continue with the `after` body.
    pub fn timed_out(&mut self) {
        if let Some(pc) = self.timeout_pc.take() {
            self.pc = pc;
        }
        self.wait_deadline = None;
        self.st.recv_scan = 0;
        self.status = Status::Runnable;
    }
}
