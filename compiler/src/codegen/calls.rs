//! Calls: argument blocks, local, remote and fun calls, and BIFs resolved at compile time.
//!
//! A local call `f(x)` is a special form (special.rs), a function of its
//! module, or a Kernel function (kernel.rs); a remote call `M.f(x)` is a BIF
//! when one is known, a direct call when `M.f` is a public function of the
//! same unit, and otherwise a call through an import, resolved at its first
//! call.

use super::builder::{CResult, FnBuilder};
use super::kernel::local_kernel;
use super::special;
use super::unit::UnitBuilder;
use crate::ast::*;
use crate::diagnostic::Diagnostic;
use beamlet_vm::atom;
use beamlet_vm::bif;
use beamlet_vm::code::{FunId, Op, Reg, TypeTest, NO_LABEL};

impl FnBuilder<'_> {
    /// Compiles `args` into consecutive fresh registers; returns the first.
    fn args(&mut self, u: &mut UnitBuilder, args: &[Expr], span: Span) -> CResult<Reg> {
        let first = self.alloc_n(span, args.len())?;
        let refs: Vec<&Expr> = args.iter().collect();
        self.siblings_to(u, &refs, first)?;
        Ok(first)
    }

    /// [`FnBuilder::args`] for a call to a function. The calling convention
    /// (spec/bytecode.md) starts the callee's window at the first argument,
    /// so nothing live may sit above the block: when a variable's register
    /// lies above it (an argument bound one, `f(x = 1)`), the block moves
    /// above that.
    fn call_args(&mut self, u: &mut UnitBuilder, args: &[Expr], span: Span) -> CResult<Reg> {
        let n = args.len();
        let first = self.args(u, args, span)?;
        if self.floor > first as u32 + n as u32 {
            self.next = self.floor;
            let top = self.alloc_n(span, n)?;
            for i in 0..n as Reg {
                self.emit(Op::Move {
                    dst: top + i,
                    src: first + i,
                });
            }
            return Ok(top);
        }
        Ok(first)
    }

    pub(super) fn call(
        &mut self,
        u: &mut UnitBuilder,
        c: &Call,
        span: Span,
        dst: Reg,
        tail: bool,
    ) -> CResult<()> {
        if c.args.len() > 255 {
            return Err(Diagnostic::new(span, "too many arguments (at most 255)"));
        }
        if let CallTarget::Dynamic(_) = &c.target {
            return Err(Diagnostic::new(
                span,
                "invalid call: the name of a call must be an identifier",
            ));
        }
        match &c.target {
            CallTarget::Dynamic(_) => unreachable!("handled above"),
            CallTarget::Local(name) => {
                // `match?/2` only: a module may define `match?/3` (Version does).
                if special::is_special(name) && (name != "match?" || c.args.len() == 2) {
                    return special::special(self, u, name, c, span, dst, tail);
                }
                // Copied only to add a do block's keyword list.
                let mut args = std::borrow::Cow::Borrowed(c.args.as_slice());
                if let Some(db) = &c.do_block {
                    // `f x do ... end` passes the block as a keyword list.
                    let mut kw = Vec::new();
                    for (k, s, b) in &db.sections {
                        let v = match b {
                            Body::Exprs(e) => e.clone(),
                            Body::Clauses(_) => {
                                return Err(Diagnostic::new(
                                    *s,
                                    format!("unexpected `->` clauses in a call to {name}"),
                                ))
                            }
                        };
                        kw.push(Expr::new(
                            *s,
                            ExprKind::Tuple(vec![Expr::new(*s, ExprKind::Atom(k.clone())), v]),
                        ));
                    }
                    args.to_mut()
                        .push(Expr::new(span, ExprKind::List(kw, None)));
                }
                let n = args.len();
                let key = (self.env.name.clone(), name.clone(), n);
                if let Some((id, _)) = u.local(&key, true) {
                    if self.guard_fail.is_some() {
                        return Err(Diagnostic::new(
                            span,
                            format!("cannot call local function {name}/{n} in a guard"),
                        )
                        .with_hint(
                            "guards take only operators and guard-safe functions such as is_integer/1, \
                             map_size/1 or elem/2; test it in the body instead (with `if` or `cond`)",
                        ));
                    }
                    let m = self.mark();
                    let first = self.call_args(u, &args, span)?;
                    // A function that never returns is called as a tail
                    // call, as OTP's compiler does (see `no_return`).
                    let tail = tail || (u.no_return.contains(&id) && self.try_depth == 0);
                    self.emit_call(u, span, id, first, n as u8, (!tail).then_some(dst));
                    self.release(m);
                    return Ok(());
                }
                // Kernel's `then/2` is a macro in Elixir (`fun.(value)`): a
                // literal fn given to it runs in place (see inline_fn_call).
                if name == "then"
                    && n == 2
                    && self.guard_fail.is_none()
                    && self.inline_fn_call(u, &args[1], &args[..1], dst, tail, span)?
                {
                    return Ok(());
                }
                if let Some((module, fname)) = local_kernel(name, n) {
                    return self.remote_call(u, module, fname, &args, span, dst, tail);
                }
                if u.lenient_locals {
                    let module = self.env.name.clone();
                    return self.remote_call(u, &module, name, &args, span, dst, tail);
                }
                let known: Vec<usize> = u
                    .locals
                    .keys()
                    .filter(|(m, f, _)| *m == self.env.name && f == name)
                    .map(|(_, _, a)| *a)
                    .collect();
                let module = self.env.name.trim_start_matches("Elixir.");
                // A macro of the module defined below the call: macros
                // expand only after their definition.
                let macro_name = format!("MACRO-{name}");
                if u.locals
                    .contains_key(&(self.env.name.clone(), macro_name, n + 1))
                {
                    return Err(Diagnostic::new(
                        span,
                        format!("cannot invoke macro {name}/{n} before its definition"),
                    ));
                }
                let hint = if c.no_parens && n == 0 {
                    format!("variables must be bound before they are used (in this clause or an enclosing scope); {name} is neither a variable here nor a function of the module")
                } else if known.is_empty() {
                    "define it with def or defp in this module, or call it as Module.function(...)"
                        .to_string()
                } else {
                    format!(
                        "{name} is defined with arity {}",
                        known
                            .iter()
                            .map(|a| a.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                Err(Diagnostic::new(
                    span,
                    format!("undefined function {name}/{n} (expected {module} to define such a function or for it to be imported, but none are available)"),
                )
                .with_hint(hint))
            }
            CallTarget::Remote(m, name) => {
                // `nil.key`, `true.key`: a field of no map, as in Elixir.
                let field_of_literal = c.no_parens
                    && c.args.is_empty()
                    && matches!(&m.kind, ExprKind::Atom(a) if matches!(a.as_str(), "nil" | "true" | "false"));
                if let Some(module) = self.module_atom(m)?.filter(|_| !field_of_literal) {
                    return self.remote_call(u, &module, name, &c.args, span, dst, tail);
                }
                if c.no_parens && c.args.is_empty() {
                    // `expr.key`: a map's field; as in Elixir, when `expr` is
                    // an atom other than nil, true and false, the call
                    // `expr.key()` (a module held in a variable).
                    let mm = self.mark();
                    let first = self.alloc_n(span, 2)?;
                    self.expr_to(u, m, first, false)?;
                    self.load_const(atom::intern(name), first + 1);
                    if self.guard_fail.is_some() {
                        self.bif(span, "beamlet", "map_dot", first, 2, dst)?;
                        self.release(mm);
                        return Ok(());
                    }
                    let field = self.new_label();
                    let not_boolean = self.new_label();
                    let end = self.new_label();
                    self.emit(Op::IsType {
                        r: first,
                        ty: TypeTest::Atom,
                        fail: field,
                    });
                    self.emit(Op::IsType {
                        r: first,
                        ty: TypeTest::Boolean,
                        fail: not_boolean,
                    });
                    self.emit(Op::Jump { to: field });
                    self.place(not_boolean);
                    let nil = self.const_reg(atom::NIL, span)?;
                    self.emit(Op::IsNeExact {
                        a: first,
                        b: nil,
                        fail: field,
                    });
                    let args = self.call_args(u, &[], span)?;
                    self.emit(Op::Apply {
                        module: first,
                        fun: first + 1,
                        args,
                        n: 0,
                        dst,
                    });
                    self.emit(Op::Jump { to: end });
                    self.place(field);
                    self.bif(span, "beamlet", "map_dot", first, 2, dst)?;
                    self.place(end);
                    self.release(mm);
                    return Ok(());
                }
                // A module known only at run time: `mod.fun(args)`.
                let mm = self.mark();
                let mr = self.expr(u, m)?;
                let fr = self.const_reg(atom::intern(name), span)?;
                let first = self.call_args(u, &c.args, span)?;
                self.emit_at(
                    u,
                    span,
                    Op::Apply {
                        module: mr,
                        fun: fr,
                        args: first,
                        n: c.args.len() as u8,
                        dst,
                    },
                );
                self.release(mm);
                Ok(())
            }
            CallTarget::Anon(f) => {
                if self.guard_fail.is_some() {
                    return Err(Diagnostic::new(
                        span,
                        "cannot call an anonymous function in a guard",
                    ));
                }
                if self.inline_fn_call(u, f, &c.args, dst, tail, span)? {
                    return Ok(());
                }
                let m = self.mark();
                let fr = self.expr(u, f)?;
                let first = self.call_args(u, &c.args, span)?;
                let n = c.args.len() as u8;
                if tail {
                    self.emit(Op::TailCallFun {
                        fun: fr,
                        args: first,
                        n,
                    });
                } else {
                    self.emit_at(
                        u,
                        span,
                        Op::CallFun {
                            fun: fr,
                            args: first,
                            n,
                            dst,
                        },
                    );
                }
                self.release(m);
                Ok(())
            }
        }
    }

    /// `(fn a, b -> body end).(x, y)`, which `then/2` and `|> (fn ...).()`
    /// make: the body runs in place with its parameters bound to the
    /// arguments, as the BEAM's compiler inlines a fun applied where it is
    /// made, so an error in it names the enclosing function and line as in
    /// Elixir. Only a single clause of distinct plain variables without a
    /// guard (which cannot fail to match); false when `f` is not one.
    fn inline_fn_call(
        &mut self,
        u: &mut UnitBuilder,
        f: &Expr,
        args: &[Expr],
        dst: Reg,
        tail: bool,
        span: Span,
    ) -> CResult<bool> {
        let ExprKind::Fn(clauses) = &f.kind else {
            return Ok(false);
        };
        let [cl] = clauses.as_slice() else {
            return Ok(false);
        };
        if cl.guard.is_some() || cl.args.len() != args.len() {
            return Ok(false);
        }
        let mut names: Vec<&str> = Vec::new();
        for a in &cl.args {
            match &a.kind {
                ExprKind::Var(n) if !names.contains(&n.as_str()) => names.push(n),
                _ => return Ok(false),
            }
        }
        let mark = self.next_mark();
        let saved = self.scope.clone();
        let first = self.call_args(u, args, span)?;
        for (i, n) in names.iter().enumerate() {
            if !n.starts_with('_') {
                self.constants.remove(&(first + i as Reg));
                self.scope.insert((*n).into(), first + i as Reg);
                self.binds += 1;
                self.raise_floor();
            }
        }
        self.expr_to(u, &cl.body, dst, tail)?;
        // A fun for OTP's compiler, whose number it takes (see `lambda`).
        self.lambda_count += 1;
        self.scope = saved;
        self.reset_to(mark);
        Ok(true)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn remote_call(
        &mut self,
        u: &mut UnitBuilder,
        module: &str,
        name: &str,
        args: &[Expr],
        span: Span,
        dst: Reg,
        tail: bool,
    ) -> CResult<()> {
        let n = args.len();
        if name == "exception" && n == 1 && bif::exception::builtin_struct_fields(module).is_some()
        {
            let m = Expr::new(span, ExprKind::Atom(module.to_owned()));
            let all = vec![m, args[0].clone()];
            return self.remote_call(u, "beamlet", "exception", &all, span, dst, tail);
        }
        if self.guard_fail.is_none() {
            if let Some((m2, f2, how)) = inlined(module, name, n) {
                if let Inline::Same = how {
                    return self.remote_call(u, m2, f2, args, span, dst, tail);
                }
                let mut a = args.to_vec();
                match how {
                    Inline::Same => {}
                    Inline::Utf8 => a.push(Expr::new(span, ExprKind::Atom("utf8".into()))),
                    Inline::Swap => a.swap(0, 1),
                }
                return self.remote_call(u, m2, f2, &a, span, dst, tail);
            }
        }
        // apply/2,3 with an argument list known only at run time.
        if name == "apply" && matches!(module, "erlang" | "Elixir.Kernel") && (n == 2 || n == 3) {
            if self.guard_fail.is_some() {
                return Err(Diagnostic::new(span, "cannot invoke apply inside a guard"));
            }
            let m = self.mark();
            let regs: Vec<Reg> = args
                .iter()
                .map(|a| self.expr(u, a))
                .collect::<CResult<_>>()?;
            // In tail position no frame is left, as on the BEAM.
            self.emit(match (regs.as_slice(), tail) {
                ([fun, list], false) => Op::CallFunList {
                    fun: *fun,
                    list: *list,
                    dst,
                },
                ([fun, list], true) => Op::TailCallFunList {
                    fun: *fun,
                    list: *list,
                },
                ([module, fun, list], false) => Op::ApplyList {
                    module: *module,
                    fun: *fun,
                    list: *list,
                    dst,
                },
                ([module, fun, list], true) => Op::TailApplyList {
                    module: *module,
                    fun: *fun,
                    list: *list,
                },
                _ => unreachable!("two or three arguments"),
            });
            self.release(m);
            return Ok(());
        }
        if module == "beamlet" && name == "protocol_call" {
            return self.protocol_call(u, args, span, dst);
        }
        if module == "timer" && name == "sleep" && n == 1 {
            return self.remote_call(u, "Elixir.Process", "sleep", args, span, dst, tail);
        }
        if module == "Elixir.Kernel" && bif::lookup(module, name, n).is_none() {
            if let Some((m2, f2)) = local_kernel(name, n) {
                if m2 != "Elixir.Kernel" || f2 != name {
                    return self.remote_call(u, m2, f2, args, span, dst, tail);
                }
            }
        }
        let m = self.mark();
        if let Some(id) = bif::lookup(module, name, n) {
            if self.guard_fail.is_some() && !bif::BIFS[id as usize].guard {
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "cannot invoke remote function {}.{name}/{n} inside guards",
                        crate::quoted::inspect_module(module)
                    ),
                ));
            }
            let first = self.args(u, args, span)?;
            let op = Op::Bif {
                bif: id,
                args: first,
                n: n as u8,
                dst,
                fail: self.guard_fail.unwrap_or(NO_LABEL),
            };
            if self.guard_fail.is_some() {
                self.emit(op);
            } else {
                self.emit_at(u, span, op);
            }
            self.release(m);
            return Ok(());
        }
        if self.guard_fail.is_some() {
            return Err(Diagnostic::new(
                span,
                format!(
                    "cannot invoke remote function {}.{name}/{n} inside guards",
                    crate::quoted::inspect_module(module)
                ),
            ));
        }
        let first = self.call_args(u, args, span)?;
        // Same unit, same module or another one: call directly when public.
        let key = (module.to_owned(), name.to_owned(), n);
        match u.local(&key, module == self.env.name) {
            Some((id, true)) => {
                self.emit_call(u, span, id, first, n as u8, (!tail).then_some(dst));
            }
            _ => {
                let imp = u.import(atom::intern(module), atom::intern(name), n as u32);
                if tail {
                    self.emit(Op::TailCallExt {
                        import: imp,
                        args: first,
                        n: n as u8,
                    });
                } else {
                    self.emit_at(
                        u,
                        span,
                        Op::CallExt {
                            import: imp,
                            args: first,
                            n: n as u8,
                            dst,
                        },
                    );
                }
            }
        }
        self.release(m);
        Ok(())
    }

    /// `:beamlet.protocol_call(Protocol, :name, fallback, arg1, ..., argN)`,
    /// the body of each `defprotocol` function (stdlib/protocol.ex): the
    /// `ProtocolCall` instruction. The first three arguments are literals.
    fn protocol_call(
        &mut self,
        u: &mut UnitBuilder,
        args: &[Expr],
        span: Span,
        dst: Reg,
    ) -> CResult<()> {
        let literal = |e: &Expr| match &e.kind {
            ExprKind::Atom(a) => Some(atom::intern(a)),
            _ => None,
        };
        let (Some(protocol), Some(fun), Some(fallback)) = (
            args.first().and_then(literal),
            args.get(1).and_then(literal),
            args.get(2).and_then(literal),
        ) else {
            return Err(Diagnostic::new(
                span,
                ":beamlet.protocol_call/N takes a protocol, a function name and a boolean, as literals, then the arguments",
            ));
        };
        if args.len() < 4 || args.len() - 3 > u8::MAX as usize {
            return Err(Diagnostic::new(
                span,
                ":beamlet.protocol_call/N needs the call's arguments",
            ));
        }
        let m = self.mark();
        let pr = self.const_reg(protocol, span)?;
        let fr = self.const_reg(fun, span)?;
        let first = self.call_args(u, &args[3..], span)?;
        self.emit(Op::ProtocolCall {
            protocol: pr,
            fun: fr,
            args: first,
            n: (args.len() - 3) as u8,
            fallback: fallback == atom::TRUE,
            dst,
        });
        self.release(m);
        Ok(())
    }

    /// Emits a call of `fun` with `R[args..args+n]`, a tail call when `dst`
    /// is `None`.
    fn emit_call(
        &mut self,
        u: &UnitBuilder,
        span: Span,
        fun: FunId,
        args: Reg,
        n: u8,
        dst: Option<Reg>,
    ) {
        match dst {
            Some(dst) => self.emit_at(u, span, Op::Call { fun, args, n, dst }),
            None => self.emit(Op::TailCall { fun, args, n }),
        }
    }

    pub(super) fn bif(
        &mut self,
        span: Span,
        module: &str,
        name: &str,
        args: Reg,
        n: usize,
        dst: Reg,
    ) -> CResult<()> {
        // A script's top level is compiled by Elixir without the BEAM's
        // float division instruction: its `/` fails with `:erlang./2`'s
        // frame (`interp::with_bif_frame`), a module's without one.
        let (module, name) = match (module, name, n) {
            ("erlang", "/", 2) if self.guard_fail.is_none() && self.env.name == "__script__" => {
                ("beamlet", "script_fdiv")
            }
            _ => (module, name),
        };
        let id = bif::lookup(module, name, n).ok_or_else(|| {
            Diagnostic::new(
                span,
                format!("internal: missing built-in {module}.{name}/{n}"),
            )
        })?;
        let fail = self.guard_fail.unwrap_or(NO_LABEL);
        self.emit(Op::Bif {
            bif: id,
            args,
            n: n as u8,
            dst,
            fail,
        });
        Ok(())
    }
}

/// How an inlined call's arguments become the built-in's.
enum Inline {
    Same,
    /// `:utf8` appended (`String.to_atom/1` → `:erlang.binary_to_atom/2`).
    Utf8,
    /// The first two swapped (`Map.fetch!(map, key)` → `:erlang.map_get(key, map)`).
    Swap,
}

/// Calls Elixir's compiler turns into Erlang built-ins (its `elixir_rewrite`
/// inlining), for those beamlet has as built-ins: the call compiles to the
/// built-in, so an error's stack trace is the BEAM's (the built-in's frame
/// with its arguments, then the caller; no library frame between).
fn inlined(module: &str, name: &str, n: usize) -> Option<(&'static str, &'static str, Inline)> {
    let (f, how) = match (module, name, n) {
        ("Elixir.String", "to_integer", 1 | 2) => ("binary_to_integer", Inline::Same),
        ("Elixir.String", "to_atom", 1) => ("binary_to_atom", Inline::Utf8),
        ("Elixir.String", "to_existing_atom", 1) => ("binary_to_existing_atom", Inline::Utf8),
        ("Elixir.Integer", "to_string", 1 | 2) => ("integer_to_binary", Inline::Same),
        ("Elixir.Atom", "to_string", 1) => ("atom_to_binary", Inline::Same),
        ("Elixir.List", "to_tuple", 1) => ("list_to_tuple", Inline::Same),
        ("Elixir.Tuple", "to_list", 1) => ("tuple_to_list", Inline::Same),
        ("Elixir.IO", "iodata_to_binary", 1) => ("iolist_to_binary", Inline::Same),
        ("Elixir.Map", "fetch!", 2) => ("map_get", Inline::Swap),
        ("Elixir.Map", "has_key?", 2) => ("is_map_key", Inline::Swap),
        _ => return None,
    };
    let arity = if matches!(how, Inline::Utf8) {
        n + 1
    } else {
        n
    };
    bif::lookup("erlang", f, arity).map(|_| ("erlang", f, how))
}
