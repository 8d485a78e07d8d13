//! The compiler's built-ins (`beamlet_compiler.NAME/N`), as the VM calls
//! them: argument decoding, then the [`Service`] method doing the work.

use super::Service;
use crate::expand::{self, Env, Expander};
use crate::quoted as q;
use beamlet_vm::atom;
use beamlet_vm::bif::{self, BifResult, Ctx};
use beamlet_vm::convert::{from_value, to_value};
use beamlet_vm::process::Exn;
use beamlet_vm::term::Term;
use beamlet_vm::value::Value;

/// The names of a binding `[x: 1, y: 2]` (user variables only).
fn binding_names(ctx: &mut Ctx, binding: Term) -> Result<Vec<String>, Exn> {
    let items = bif::list_to_vec_pub(binding)
        .ok_or_else(|| bif::argument_error_msg(ctx, "expected a binding (a keyword list)"))?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match it.tuple_elems() {
            Some([k, _]) if k.is_atom() => out.push(atom::name(*k).to_owned()),
            _ => {
                let shown = bif::inspect_term(ctx, binding);
                return Err(bif::argument_error_msg(ctx, &format!("invalid binding, expected a keyword list of variable names and values, got: {shown}")));
            }
        }
    }
    Ok(out)
}

/// An option of a keyword list term.
fn opt(list: Term, key: &str) -> Option<Term> {
    let items = bif::list_to_vec_pub(list)?;
    items.into_iter().find_map(|it| match it.tuple_elems() {
        Some([k, v]) if *k == atom::intern(key) => Some(*v),
        _ => None,
    })
}

fn text(t: Term) -> Option<String> {
    t.binary_bytes()
        .map(|b| String::from_utf8_lossy(b).into_owned())
}

/// The env a `%Macro.Env{}` term describes, or one for a file from options.
fn env_of(ctx: &mut Ctx, t: Term) -> Result<Env, Exn> {
    if t.is_map() {
        let v = to_value(ctx.code, t);
        return Env::from_value(&v)
            .ok_or_else(|| bif::argument_error_msg(ctx, "expected a %Macro.Env{} struct"));
    }
    let file = opt(t, "file")
        .and_then(text)
        .unwrap_or_else(|| "nofile".into());
    let mut env = Env::new(&file);
    if let Some(l) = opt(t, "line").and_then(|l| l.as_small()) {
        env.line = l as u32;
    }
    Ok(env)
}

fn ok_tuple(ctx: &mut Ctx, v: Term) -> Term {
    ctx.st.heap.tuple(&[atom::intern("ok"), v])
}

impl beamlet_vm::bif::compiler::Compiler for Service {
    fn ensure_loaded(&self, ctx: &mut Ctx, module: Term) -> bool {
        Service::ensure_loaded(self, ctx, atom::name(module))
    }

    fn call(&self, ctx: &mut Ctx, name: &str, a: &[Term]) -> BifResult {
        match (name, a) {
            ("module_open", [name, body, binding, env]) => {
                let names = binding_names(ctx, *binding)?;
                let env = env_of(ctx, *env)?;
                let body = self.body_of(ctx, *body);
                let module = atom::name(*name).to_owned();
                self.module_open(ctx, &module, body, &names, env)
            }
            ("before_compile", [m]) => self.before_compile(ctx, atom::name(*m)),
            ("verify_open", []) => Ok(Term::small(self.verify_open(ctx.st.pid.raw()) as i64)),
            ("verify_defer", [m, hooks]) => {
                let (m, hooks) = (to_value(ctx.code, *m), to_value(ctx.code, *hooks));
                Ok(Term::bool(self.verify_defer(ctx.st.pid.raw(), m, hooks)))
            }
            ("verify_close", [depth]) => {
                let depth = depth.as_small().unwrap_or(0).max(0) as usize;
                let pending = self.verify_close(ctx.st.pid.raw(), depth);
                let list = q::list(pending.into_iter().map(|(m, h)| q::pair(m, h)).collect());
                Ok(from_value(&mut ctx.st.heap, &list))
            }
            ("module_finish", [m]) => self.module_finish(ctx, atom::name(*m)),
            ("object_code", [m]) if m.is_atom() => Ok(match self.object_code(atom::name(*m)) {
                Some((bytes, file)) => {
                    let (bytes, file) = (ctx.st.heap.binary(bytes), ctx.st.heap.str(file));
                    ctx.st.heap.tuple(&[bytes, file])
                }
                None => atom::intern("error"),
            }),
            ("load_binary", [m, bin]) if m.is_atom() => {
                let Some(bytes) = bin.binary_bytes() else {
                    return Err(Exn::badarg_at(3, "not a binary"));
                };
                Ok(match self.load_binary(ctx, *m, bytes) {
                    Ok(()) => ctx.st.heap.tuple(&[atom::intern("module"), *m]),
                    Err(_) => ctx
                        .st
                        .heap
                        .tuple(&[atom::intern("error"), atom::intern("badfile")]),
                })
            }
            ("run_on_load", [m, f]) => {
                // The loader calls the `@on_load` function, private or not.
                let id = ctx
                    .code
                    .lookup(*m, *f, 0)
                    .ok_or_else(|| bif::argument_error_msg(ctx, "no @on_load function"))?;
                beamlet_vm::nested::call(ctx, id, &[])
            }
            ("module_abort", [m]) => {
                self.module_abort(atom::name(*m));
                Ok(atom::intern("ok"))
            }
            ("module_close", [m]) => {
                self.module_close(atom::name(*m));
                Ok(atom::intern("ok"))
            }
            ("compile_file", [source, file]) | ("check_file", [source, file]) => {
                let (Some(src), Some(file)) = (text(*source), text(*file)) else {
                    return Err(bif::argument_error_msg(
                        ctx,
                        "compile_file expects a source and a file name",
                    ));
                };
                let file = absolute(&file);
                let quoted = self
                    .parse(&src, &file)
                    .map_err(|d| self.raise(ctx, expand::Error::Compile(d), &file))?;
                self.compile_eval(
                    ctx,
                    quoted,
                    Env::new(&file),
                    &[],
                    false,
                    name == "check_file",
                )
            }
            ("eval_string", [source, binding, opts]) => {
                let Some(src) = text(*source).or_else(|| {
                    bif::list_to_vec_pub(*source).map(|cs| {
                        cs.iter()
                            .filter_map(|c| c.as_small().and_then(|c| char::from_u32(c as u32)))
                            .collect()
                    })
                }) else {
                    return Err(bif::argument_error_msg(
                        ctx,
                        "Code.eval_string expects a string",
                    ));
                };
                let names = binding_names(ctx, *binding)?;
                let mut env = env_of(ctx, *opts)?;
                let quoted = self.parse_at(ctx, &src, &mut env)?;
                self.compile_eval(ctx, quoted, env, &names, true, false)
            }
            ("eval_quoted", [quoted, binding, opts]) => {
                let names = binding_names(ctx, *binding)?;
                let env = env_of(ctx, *opts)?;
                let quoted = to_value(ctx.code, *quoted);
                self.compile_eval(ctx, quoted, env, &names, true, false)
            }
            ("eval_env", [quoted, binding, env]) => {
                // `Code.eval_quoted_with_env/3`: the code compiled to a fun of
                // the binding, and the environment after it (its aliases,
                // imports and requires carry on to the next evaluation: the shell).
                let names = binding_names(ctx, *binding)?;
                let env = env_of(ctx, *env)?;
                let quoted = to_value(ctx.code, *quoted);
                let (fun, env) = self.compile_eval_env(ctx, quoted, env, &names)?;
                let env = from_value(&mut ctx.st.heap, &env.to_value());
                Ok(ctx.st.heap.tuple(&[fun, env]))
            }
            ("eval_string_env", [source, binding, env]) => {
                // The shell's input: as `eval_env`, from source (so errors
                // point at `iex:LINE` with the source at hand).
                let Some(src) = text(*source) else {
                    return Err(bif::argument_error_msg(
                        ctx,
                        "expected a string to evaluate",
                    ));
                };
                let names = binding_names(ctx, *binding)?;
                let mut env = env_of(ctx, *env)?;
                let quoted = self.parse_at(ctx, &src, &mut env)?;
                let (fun, env) = self.compile_eval_env(ctx, quoted, env, &names)?;
                let env = from_value(&mut ctx.st.heap, &env.to_value());
                Ok(ctx.st.heap.tuple(&[fun, env]))
            }
            ("env_for_eval", [opts]) => {
                // `Code.env_for_eval/1` from options: a fresh top-level
                // environment (Kernel imported) for `:file` and `:line`.
                let env = env_of(ctx, *opts)?;
                Ok(from_value(&mut ctx.st.heap, &env.to_value()))
            }
            ("library_modules", []) => {
                // The library's modules, loaded or not (the shell completes them).
                let names = self.library_names();
                let atoms: Vec<Term> = names.iter().map(|n| atom::intern(n)).collect();
                Ok(ctx.st.heap.list(&atoms))
            }
            ("string_to_quoted", [source, opts]) => {
                let Some(src) = text(*source).or_else(|| {
                    bif::list_to_vec_pub(*source).map(|cs| {
                        cs.iter()
                            .filter_map(|c| c.as_small().and_then(|c| char::from_u32(c as u32)))
                            .collect()
                    })
                }) else {
                    return Err(bif::argument_error_msg(
                        ctx,
                        "Code.string_to_quoted expects a string",
                    ));
                };
                let line = opt(*opts, "line")
                    .and_then(|l| l.as_small())
                    .unwrap_or(1)
                    .max(1);
                let padded = format!("{}{}", "\n".repeat(line as usize - 1), src);
                match crate::parser::parse(&padded) {
                    Ok(p) => {
                        let v = q::from_program(&p.exprs, &crate::quoted::LineIndex::new(&padded));
                        let t = from_value(&mut ctx.st.heap, &v);
                        Ok(ok_tuple(ctx, t))
                    }
                    Err(d) => {
                        let (l, c) = syntax_error_position(&padded, &d);
                        let (msg, token) = split_syntax_message(&d.message);
                        let meta = q::keyword(vec![
                            ("line", q::int(l as i64)),
                            ("column", q::int(c as i64)),
                        ]);
                        let e = q::tuple(vec![meta, msg, q::string(&token)]);
                        let e = from_value(&mut ctx.st.heap, &e);
                        Ok(ctx.st.heap.tuple(&[atom::intern("error"), e]))
                    }
                }
            }
            ("expand", [ast, env]) | ("expand_once", [ast, env]) => {
                let env = env_of(ctx, *env)?;
                let ast = to_value(ctx.code, *ast);
                let v = self.expand_in(ctx, &ast, env, name == "expand_once")?;
                Ok(from_value(&mut ctx.st.heap, &v))
            }
            // `:keep_unquote`: ExUnit's escape of an assertion's code (its
            // `code:`): as `Macro.escape/1`, but an `unquote(x)` outside a
            // `quote` stays as it is, for tests defined in unquote
            // fragments. `:assertion_code`: the same, of the code with its
            // metadata pruned first (`q::prune_metadata`). Native because
            // every assertion escapes its code when it expands: written in
            // the language, the two were about 7% of compiling a 300-test
            // file.
            // Both work on the heap's terms directly (as
            // `q::escape_keep_unquote` and `q::prune_metadata` do on
            // values): through values, converting the code and its escape
            // both ways was 7% of compiling a 300-test file.
            // Plain data goes as one binary (`crate::packed_data`), not
            // as escaped code read back and expanded node by node.
            // `:data`: `Macro.escape/1` of data ExUnit's macros put in
            // the code they return (a test module's `__ex_unit__`), or
            // `nil` when it is not plain data.
            ("escape", [v, mode])
                if *mode == atom::intern("keep_unquote")
                    || *mode == atom::intern("assertion_code")
                    || *mode == atom::intern("data") =>
            {
                let data = *mode == atom::intern("data");
                let prune = *mode == atom::intern("assertion_code");
                match crate::packed_data::encode(*v, !data, prune) {
                    Some(bytes) => {
                        let b = ctx.st.heap.binary(&bytes);
                        Ok(ctx
                            .st
                            .heap
                            .tuple(&[atom::intern(crate::packed_data::TAG), b]))
                    }
                    // (The caller escapes it itself.)
                    None if data => Ok(atom::NIL),
                    None => Ok(escape_term(&mut ctx.st.heap, *v, true, prune)),
                }
            }
            ("escape", [v, unquote]) => {
                let v = to_value(ctx.code, *v);
                let out = if unquote.is_true() {
                    let mut host = super::NoHost;
                    let mut x = Expander::new(&mut host, None);
                    x.escape_fragments(&v, &Env::new("nofile"))
                        .map(|(c, _)| c)
                        .unwrap_or_else(|_| q::escape(&v))
                } else {
                    q::escape(&v)
                };
                Ok(from_value(&mut ctx.st.heap, &out))
            }
            ("ensure_loaded", [m]) => {
                // A module made only of built-ins (`:math`) is loaded too.
                let builtin = |m: Term| bif::is_builtin_module(atom::name(m));
                if m.is_atom() && (Service::ensure_loaded(self, ctx, atom::name(*m)) || builtin(*m))
                {
                    Ok(ctx.st.heap.tuple(&[atom::intern("module"), *m]))
                } else {
                    Ok(ctx
                        .st
                        .heap
                        .tuple(&[atom::intern("error"), atom::intern("nofile")]))
                }
            }
            ("register_attribute", [m, name, opts]) => {
                let acc = opt(*opts, "accumulate").is_some_and(|t| t.is_true());
                let persist = opt(*opts, "persist").is_some_and(|t| t.is_true());
                let module = atom::name(*m).to_owned();
                let n = atom::name(*name).to_owned();
                self.writable(ctx, &module, "Module.register_attribute/3")?;
                match self.with_module(&module, |s| s.register(&n, acc, persist)) {
                    Some(()) => Ok(atom::intern("ok")),
                    None => Err(super::not_open(ctx, &module, "Module.register_attribute/3")),
                }
            }
            ("module_put_attribute", [m, name, v]) => {
                let module = atom::name(*m).to_owned();
                let n = atom::name(*name).to_owned();
                let v = to_value(ctx.code, *v);
                self.writable(ctx, &module, "Module.put_attribute/3")?;
                if matches!(
                    n.as_str(),
                    "type" | "typep" | "opaque" | "spec" | "callback" | "macrocallback"
                ) {
                    return Err(bif::argument_error_msg(
                        ctx,
                        "attributes type, typep, opaque, spec, callback, and macrocallback must be set directly via the @ notation",
                    ));
                }
                self.put_attribute(ctx, &module, &n, v, 0)?;
                Ok(atom::intern("ok"))
            }
            ("module_get_attribute", [m, name, default]) => {
                let module = atom::name(*m).to_owned();
                let n = atom::name(*name).to_owned();
                match self.with_module(&module, |s| s.get(&n)) {
                    Some(Some(v)) => Ok(from_value(&mut ctx.st.heap, &v)),
                    Some(None) => Ok(*default),
                    None => Err(super::not_open(ctx, &module, "Module.get_attribute/2")),
                }
            }
            ("delete_attribute", [m, name]) => {
                let module = atom::name(*m).to_owned();
                let n = atom::name(*name).to_owned();
                self.writable(ctx, &module, "Module.delete_attribute/2")?;
                match self.with_module(&module, |s| s.delete(&n)) {
                    Some(Some(v)) => Ok(from_value(&mut ctx.st.heap, &v)),
                    Some(None) => Ok(atom::NIL),
                    None => Err(super::not_open(ctx, &module, "Module.delete_attribute/2")),
                }
            }
            ("has_attribute", [m, name]) => {
                let module = atom::name(*m).to_owned();
                let n = atom::name(*name).to_owned();
                match self.with_module(&module, |s| s.has_attribute(&n)) {
                    Some(b) => Ok(Term::bool(b)),
                    None => Err(super::not_open(ctx, &module, "Module.has_attribute?/2")),
                }
            }
            ("is_open", [m]) => Ok(Term::bool(m.is_atom() && self.is_open(atom::name(*m)))),
            ("defines", [m, fa, kind]) => {
                let module = atom::name(*m).to_owned();
                let Some([n, ar]) = fa.tuple_elems() else {
                    return Err(bif::argument_error_msg(
                        ctx,
                        "expected a {name, arity} tuple",
                    ));
                };
                let (n, ar) = (
                    atom::name(*n).to_owned(),
                    ar.as_small().unwrap_or(-1) as usize,
                );
                let kind = if *kind == atom::NIL {
                    None
                } else {
                    Some(atom::name(*kind).to_owned())
                };
                match self.with_module(&module, |s| {
                    s.defs.iter().any(|d| {
                        d.user_name == n
                            && d.user_arity == ar
                            && kind.as_deref().is_none_or(|k| k == d.kind.name())
                    })
                }) {
                    Some(b) => Ok(Term::bool(b)),
                    None => Err(super::not_open(
                        ctx,
                        &module,
                        if kind.is_some() {
                            "Module.defines?/3"
                        } else {
                            "Module.defines?/2"
                        },
                    )),
                }
            }
            ("get_definition", [m, fa, skip]) => {
                let module = atom::name(*m).to_owned();
                let Some((n, ar)) = name_arity(fa) else {
                    return Err(bif::argument_error_msg(
                        ctx,
                        "expected a {name, arity} tuple",
                    ));
                };
                let skip = *skip == atom::TRUE;
                let r = self.with_module(&module, |s| {
                    s.settle();
                    s.defs
                        .iter()
                        .find(|d| d.user_name == n && d.user_arity == ar)
                        .map(|d| {
                            let clauses = if skip {
                                Vec::new()
                            } else {
                                d.clauses
                                    .iter()
                                    .map(|c| {
                                        q::tuple(vec![
                                            q::line_meta(c.line),
                                            q::list(c.args.clone()),
                                            q::list(c.guard.iter().cloned().collect()),
                                            c.body(),
                                        ])
                                    })
                                    .collect()
                            };
                            q::tuple(vec![
                                q::atom("v1"),
                                q::atom(d.kind.name()),
                                q::line_meta(d.line),
                                q::list(clauses),
                            ])
                        })
                });
                match r {
                    Some(Some(v)) => Ok(from_value(&mut ctx.st.heap, &v)),
                    Some(None) => Ok(atom::NIL),
                    None => Err(super::not_open(ctx, &module, "Module.get_definition/3")),
                }
            }
            ("delete_definition", [m, fa]) => {
                let module = atom::name(*m).to_owned();
                let Some((n, ar)) = name_arity(fa) else {
                    return Err(bif::argument_error_msg(
                        ctx,
                        "expected a {name, arity} tuple",
                    ));
                };
                let r = self.with_module(&module, |s| {
                    let before = s.defs.len();
                    s.defs.retain(|d| !(d.user_name == n && d.user_arity == ar));
                    s.defs.len() != before
                });
                match r {
                    Some(b) => Ok(Term::bool(b)),
                    None => Err(super::not_open(ctx, &module, "Module.delete_definition/2")),
                }
            }
            ("definitions_in", [m, kind]) => {
                let module = atom::name(*m).to_owned();
                let kind = if *kind == atom::NIL {
                    None
                } else {
                    Some(atom::name(*kind).to_owned())
                };
                let r = self.with_module(&module, |s| {
                    s.defs
                        .iter()
                        .filter(|d| kind.as_deref().is_none_or(|k| k == d.kind.name()))
                        // An overridable definition not yet overridden is
                        // no longer counted (as Elixir's).
                        .filter(|d| {
                            !s.overridable.iter().any(|((n, a), taken)| {
                                taken.is_none() && *n == d.name && *a == d.arity
                            })
                        })
                        .map(|d| q::pair(q::atom(&d.user_name), q::int(d.user_arity as i64)))
                        .collect::<Vec<_>>()
                });
                match r {
                    Some(l) => Ok(from_value(&mut ctx.st.heap, &q::list(l))),
                    None => Err(super::not_open(
                        ctx,
                        &module,
                        if kind.is_some() {
                            "Module.definitions_in/2"
                        } else {
                            "Module.definitions_in/1"
                        },
                    )),
                }
            }
            ("overridables_in", [m]) => {
                let module = atom::name(*m).to_owned();
                let r = self.with_module(&module, |s| {
                    // Macros by their names as written (`m/1`, not `MACRO-m/2`).
                    s.overridable
                        .iter()
                        .map(|((n, a), _)| match n.strip_prefix("MACRO-") {
                            Some(m) if *a > 0 => q::pair(q::atom(m), q::int(*a as i64 - 1)),
                            _ => q::pair(q::atom(n), q::int(*a as i64)),
                        })
                        .collect::<Vec<_>>()
                });
                match r {
                    Some(l) => Ok(from_value(&mut ctx.st.heap, &q::list(l))),
                    None => Err(super::not_open(ctx, &module, "Module.overridables_in/1")),
                }
            }
            ("attributes_in", [m]) => {
                let module = atom::name(*m).to_owned();
                let r = self.with_module(&module, |s| {
                    s.attrs
                        .iter()
                        .filter(|a| a.set || a.registered)
                        .map(|a| q::atom(&a.name))
                        .collect::<Vec<_>>()
                });
                match r {
                    Some(l) => Ok(from_value(&mut ctx.st.heap, &q::list(l))),
                    None => Err(super::not_open(ctx, &module, "Module.attributes_in/1")),
                }
            }
            ("struct_from", [st, enforce, kv]) => struct_from(ctx, *st, *enforce, *kv),
            ("exception_from", [st, args]) => exception_from(ctx, *st, *args),
            ("defguard_expand", [guard, names, args, caller]) => {
                let guard = to_value(ctx.code, *guard);
                let names: Vec<String> = bif::list_to_vec_pub(*names)
                    .unwrap_or_default()
                    .iter()
                    .map(|n| atom::name(*n).to_owned())
                    .collect();
                let args: Vec<Value> = bif::list_to_vec_pub(*args)
                    .unwrap_or_default()
                    .iter()
                    .map(|a| to_value(ctx.code, *a))
                    .collect();
                let caller = to_value(ctx.code, *caller);
                let in_guard =
                    Env::from_value(&caller).is_some_and(|e| e.context == expand::Context::Guard);
                let out = defguard_expand(self, &guard, &names, &args, in_guard);
                Ok(from_value(&mut ctx.st.heap, &out))
            }
            ("to_string", [ast]) => {
                let v = to_value(ctx.code, *ast);
                let s = beamlet_vm::macro_string::to_string(&v);
                Ok(ctx.st.heap.str(&s))
            }
            _ => self.dispatch(ctx, name, a),
        }
    }
}

/// `file` as an absolute path (`nofile` stays as it is), as `__ENV__.file` is.
pub(crate) fn absolute(file: &str) -> String {
    let p = std::path::Path::new(file);
    if file == "nofile" || p.is_absolute() {
        return file.to_owned();
    }
    match std::env::current_dir() {
        Ok(cwd) => cwd.join(p).to_string_lossy().into_owned(),
        Err(_) => file.to_owned(),
    }
}

/// `Module.__struct__(fields)` (and so `struct!/2`): each `{key, value}` of
/// `fields` (a keyword list or a map, in its order) replaces the struct's
/// `key`, which must be one of its keys (`:__struct__` too), then every
/// enforced key must have been given. Errors as Elixir's: `KeyError` for an
/// unknown key, `FunctionClauseError` (in the anonymous function Elixir
/// reduces with) for an element that is no pair, `Protocol.UndefinedError`
/// for fields that are not enumerable.
fn struct_from(ctx: &mut Ctx, st: Term, enforce: Term, kv: Term) -> BifResult {
    let module = beamlet_vm::bif::map::map_find(st, atom::STRUCT).unwrap_or(Term::NIL);
    let items: Vec<Term> = if kv.is_map() && struct_name(kv).is_none() {
        beamlet_vm::hamt::pairs(kv)
            .into_iter()
            .map(|(k, v)| ctx.st.heap.tuple(&[k, v]))
            .collect()
    } else if let Some(items) = bif::list_to_vec_pub(kv) {
        items
    } else {
        // A struct, an improper list or no collection: what Enum makes of it.
        let list = beamlet_vm::nested::call_mfa(
            ctx,
            atom::intern("Elixir.Enum"),
            atom::intern("to_list"),
            &[kv],
        )?;
        bif::list_to_vec_pub(list).unwrap_or_default()
    };
    let mut out = st;
    let mut given = Vec::new();
    for p in items {
        let Some([k, v]) = p.tuple_elems() else {
            let e = bif::exception::make_exception(
                ctx,
                "Elixir.FunctionClauseError",
                &[
                    (atom::MODULE, module),
                    (atom::FUNCTION, atom::intern("-__struct__/1-inlined-0-")),
                    (atom::ARITY, Term::small(2)),
                ],
            );
            return Err(Exn::error(e));
        };
        if beamlet_vm::bif::map::map_find(st, *k).is_none() {
            let e = bif::exception::make_exception(ctx, "Elixir.KeyError", &[(atom::KEY, *k)]);
            return Err(Exn::error(e));
        }
        given.push(*k);
        out = beamlet_vm::bif::map::map_put(&mut ctx.st.heap, out, *k, *v);
    }
    let missing: Vec<Term> = bif::list_to_vec_pub(enforce)
        .unwrap_or_default()
        .into_iter()
        .filter(|k| !given.contains(k))
        .collect();
    if !missing.is_empty() {
        let l = ctx.st.heap.list(&missing);
        let msg = format!(
            "the following keys must also be given when building struct {}: {}",
            bif::inspect_term(ctx, module),
            bif::inspect_term(ctx, l)
        );
        return Err(bif::argument_error_msg(ctx, &msg));
    }
    Ok(out)
}

/// A `defexception`'s default `exception(args)`: a message (a string) or a
/// keyword list whose keys the struct has (other keys, `__struct__` and
/// `__exception__` are left out, as Elixir does after warning); anything
/// else matches no clause of `exception/1`.
fn exception_from(ctx: &mut Ctx, st: Term, args: Term) -> BifResult {
    let module = beamlet_vm::bif::map::map_find(st, atom::STRUCT).unwrap_or(Term::NIL);
    let clause_error = |ctx: &mut Ctx, function: &str| {
        let e = bif::exception::make_exception(
            ctx,
            "Elixir.FunctionClauseError",
            &[
                (atom::MODULE, module),
                (atom::FUNCTION, atom::intern(function)),
                (atom::ARITY, Term::small(1)),
            ],
        );
        Exn::error(e)
    };
    let pairs: Vec<Term> = if args.is_binary() {
        vec![ctx.st.heap.tuple(&[atom::MESSAGE, args])]
    } else {
        match bif::list_to_vec_pub(args) {
            Some(items) => items,
            None => return Err(clause_error(ctx, "exception")),
        }
    };
    let mut out = st;
    for p in pairs {
        let Some([k, v]) = p.tuple_elems() else {
            return Err(clause_error(ctx, "-exception/1-inlined-0-"));
        };
        let special = *k == atom::STRUCT || *k == atom::EXCEPTION;
        if !special && beamlet_vm::bif::map::map_find(st, *k).is_some() {
            out = beamlet_vm::bif::map::map_put(&mut ctx.st.heap, out, *k, *v);
        }
    }
    Ok(out)
}

/// The module of a struct (a map whose `__struct__` is an atom).
fn struct_name(t: Term) -> Option<Term> {
    beamlet_vm::bif::map::map_find(t, atom::STRUCT).filter(|m| m.is_atom())
}

/// A `defguard`'s expansion: in a guard, the guard with the arguments put
/// in; elsewhere, each argument bound once, then the guard.
fn defguard_expand(
    svc: &Service,
    guard: &Value,
    names: &[String],
    args: &[Value],
    in_guard: bool,
) -> Value {
    fn subst(v: &Value, map: &[(String, Value)]) -> Value {
        match v {
            Value::List(items, tail) => Value::List(
                items.iter().map(|i| subst(i, map)).collect(),
                tail.as_ref().map(|t| Box::new(subst(t, map))),
            ),
            Value::Tuple(t) if t.len() == 3 => {
                // A parameter, whatever its context (a `defguard` a macro
                // quoted has its module's): a guard can refer to nothing else.
                if let (Value::Atom(n), Value::Atom(_)) = (&t[0], &t[2]) {
                    if let Some((_, r)) = map.iter().find(|(k, _)| k == n) {
                        return r.clone();
                    }
                }
                Value::Tuple(t.iter().map(|x| subst(x, map)).collect())
            }
            Value::Tuple(t) => Value::Tuple(t.iter().map(|x| subst(x, map)).collect()),
            other => other.clone(),
        }
    }
    if in_guard {
        let map: Vec<(String, Value)> = names.iter().cloned().zip(args.iter().cloned()).collect();
        return subst(guard, &map);
    }
    // Outside a guard the arguments are evaluated once each, side by side
    // as a call's are (`g(x = 2, x)`: the second `x` is the old one), by one
    // match of a tuple of fresh variables.
    let mut vars = Vec::new();
    let mut map = Vec::new();
    for n in names.iter().take(args.len()) {
        let c = svc.next_counter();
        let var = q::var(
            n,
            q::keyword(vec![("counter", q::int(c))]),
            q::atom("beamlet_guard"),
        );
        vars.push(var.clone());
        map.push((n.clone(), var));
    }
    let args: Vec<Value> = args.iter().take(vars.len()).cloned().collect();
    let tuple = |items: Vec<Value>| match items.len() {
        1 => items.into_iter().next().unwrap_or_else(q::nil),
        2 => Value::Tuple(items),
        _ => q::call("{}", q::list(vec![]), items),
    };
    let mut block = Vec::new();
    if !vars.is_empty() {
        block.push(q::call(
            "=",
            q::list(vec![]),
            vec![tuple(vars), tuple(args)],
        ));
    }
    block.push(subst(guard, &map));
    q::call("__block__", q::list(vec![]), block)
}

/// The message and token of a parse error as `Code.string_to_quoted/2`
/// gives them: `("syntax error before: ", "')'")`; a bracket that closes
/// the wrong opener splits its message around the token
/// (`{"unexpected token: ", ". The \"(\" at line 1 is missing terminator \")\""}`).
fn split_syntax_message(msg: &str) -> (Value, String) {
    if msg == "syntax error: expression is incomplete" {
        return (q::string("syntax error before: "), String::new());
    }
    for prefix in ["unexpected token: ", "unexpected reserved word: "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            if let Some(at) = rest.find(". The \"") {
                let (token, tail) = rest.split_at(at);
                return (
                    q::tuple(vec![q::string(prefix), q::string(tail)]),
                    token.to_owned(),
                );
            }
        }
    }
    for prefix in ["syntax error before: ", "unexpected token: "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            return (q::string(prefix), rest.to_owned());
        }
    }
    (q::string(msg), String::new())
}

/// Where a parse error is reported: a missing terminator where the input
/// ends (as Elixir's tokenizer finds it), anything else where it was found.
fn syntax_error_position(source: &str, d: &crate::diagnostic::Diagnostic) -> (usize, usize) {
    let at = if d.message.starts_with("missing terminator") {
        source.len()
    } else {
        d.span.start as usize
    };
    crate::diagnostic::line_col(source, at)
}

impl Service {
    /// Parses `src` as code starting at `env`'s line (at least 1, written
    /// back): the source is padded so the parser's lines agree; a parse
    /// error is the `SyntaxError` Elixir raises.
    fn parse_at(&self, ctx: &mut Ctx, src: &str, env: &mut Env) -> Result<Value, Exn> {
        let line = env.line.max(1);
        let padded = format!("{}{}", "\n".repeat(line as usize - 1), src);
        let file = env.file.clone();
        env.line = line;
        self.parse(&padded, &file)
            .map_err(|d| self.syntax_error(ctx, d, &file, &padded))
    }

    /// A `SyntaxError` (or `TokenMissingError`) for a parse error.
    pub fn syntax_error(
        &self,
        ctx: &mut Ctx,
        d: crate::diagnostic::Diagnostic,
        file: &str,
        source: &str,
    ) -> Exn {
        // Elixir reports a missing terminator where the input ends, and
        // shows the line of the error with a caret (the snippet).
        let missing = d.message.starts_with("missing terminator");
        let incomplete = missing
            || d.message == "syntax error: expression is incomplete"
            || d.message.starts_with("invalid escape \\ at end of file");
        let (line, col) = syntax_error_position(source, &d);
        let module = if incomplete
            || (d.message.contains("missing") && !d.message.contains("is missing terminator"))
        {
            "Elixir.TokenMissingError"
        } else {
            "Elixir.SyntaxError"
        };
        // No snippet for a blank line (an error at the end of the input),
        // nor for a closer that does not match its opener (Elixir 1.14's).
        let content = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let snippet = if content.trim().is_empty() || d.message.contains("is missing terminator") {
            atom::NIL
        } else {
            let content = ctx.st.heap.str(content);
            beamlet_vm::bif::map::build_map(
                &mut ctx.st.heap,
                vec![
                    (atom::intern("content"), content),
                    (atom::intern("offset"), Term::small(col as i64 - 1)),
                ],
            )
        };
        let f = ctx.st.heap.str(file);
        let desc = ctx.st.heap.str(&d.message);
        let e = beamlet_vm::bif::exception::make_exception(
            ctx,
            module,
            &[
                (atom::intern("file"), f),
                (atom::intern("line"), Term::small(line as i64)),
                (atom::intern("column"), Term::small(col as i64)),
                (atom::intern("snippet"), snippet),
                (atom::intern("description"), desc),
            ],
        );
        Exn::error(e)
    }
}

/// `Macro.escape/1` of the term `t` in `heap`, as `q::escape_keep_unquote`
/// (`keep`: an `unquote(x)` node outside a `quote` stays as it is) of the
/// code `t` first cut by `q::prune_metadata` (`prune`: each node's meta
/// reduced to `line:` and `no_parens:`), in one pass over the terms.
/// Unchanged parts (a kept `unquote`, a meta's pairs) are shared, not copied.
fn escape_term(heap: &mut beamlet_vm::heap::Heap, t: Term, keep: bool, prune: bool) -> Term {
    let node = |heap: &mut beamlet_vm::heap::Heap, elems: &[Term]| {
        let args = heap.list(elems);
        heap.tuple(&[atom::intern("{}"), Term::NIL, args])
    };
    if let Some(elems) = t.tuple_elems() {
        return match elems {
            [a, b] => {
                let (a, b) = (
                    escape_term(heap, *a, keep, prune),
                    escape_term(heap, *b, keep, prune),
                );
                heap.tuple(&[a, b])
            }
            [head, meta, args] => {
                let is_unquote = head.is_atom()
                    && atom::name(*head) == "unquote"
                    && args.is_list()
                    && crate::packed_data::list_len(*args) == Some(1);
                if is_unquote {
                    // Pruning leaves it whole; escaping keeps it or not.
                    if keep {
                        return t;
                    }
                    let es = [*head, *meta, *args].map(|e| escape_term(heap, e, false, false));
                    return node(heap, &es);
                }
                let meta_list = meta.is_list() && crate::packed_data::list_len(*meta).is_some();
                // A node whose meta is not a list is not pruned, nor is anything in it.
                let prune = prune && meta_list;
                let keep = keep && !(head.is_atom() && atom::name(*head) == "quote");
                let h = escape_term(heap, *head, keep, prune);
                let m = if prune {
                    let (line, no_parens) = (atom::intern("line"), atom::intern("no_parens"));
                    let kept: Vec<Term> = list_items(*meta)
                        .into_iter()
                        .filter(|p| {
                            matches!(p.tuple_elems(), Some([k, _]) if *k == line || *k == no_parens)
                        })
                        .collect();
                    // (Escaping a `{key, value}` pair of atoms and integers
                    // changes nothing.)
                    let kept: Vec<Term> = kept
                        .into_iter()
                        .map(|p| escape_term(heap, p, keep, false))
                        .collect();
                    heap.list(&kept)
                } else {
                    escape_term(heap, *meta, keep, false)
                };
                let a = escape_term(heap, *args, keep, prune);
                node(heap, &[h, m, a])
            }
            _ => {
                let es: Vec<Term> = elems
                    .iter()
                    .map(|e| escape_term(heap, *e, false, false))
                    .collect();
                node(heap, &es)
            }
        };
    }
    if t.is_cons() {
        let mut items = Vec::new();
        let mut rest = t;
        while let Some((h, tl)) = rest.cons_parts() {
            items.push(h);
            rest = tl;
        }
        if rest.is_nil() {
            let es: Vec<Term> = items
                .into_iter()
                .map(|e| escape_term(heap, e, keep, prune))
                .collect();
            return heap.list(&es);
        }
        // An improper list: plain `Macro.escape/1` of its (pruned) parts,
        // the tail as `[.. | tail]`.
        let mut es: Vec<Term> = items
            .into_iter()
            .map(|e| escape_term(heap, e, false, prune))
            .collect();
        let last = es.pop().unwrap_or(Term::NIL);
        let tail = escape_term(heap, rest, false, prune);
        let args = heap.list(&[last, tail]);
        es.push(heap.tuple(&[atom::intern("|"), Term::NIL, args]));
        return heap.list(&es);
    }
    if t.is_map() {
        let pairs: Vec<Term> = beamlet_vm::hamt::sorted_pairs(t)
            .into_iter()
            .map(|(k, v)| {
                let (k, v) = (
                    escape_term(heap, k, false, false),
                    escape_term(heap, v, false, false),
                );
                heap.tuple(&[k, v])
            })
            .collect();
        let args = heap.list(&pairs);
        return heap.tuple(&[atom::intern("%{}"), Term::NIL, args]);
    }
    t
}

/// The elements of the proper list `t`.
fn list_items(mut t: Term) -> Vec<Term> {
    let mut out = Vec::new();
    while let Some((h, tl)) = t.cons_parts() {
        out.push(h);
        t = tl;
    }
    out
}

/// A `{name, arity}` tuple's parts.
fn name_arity(fa: &Term) -> Option<(String, usize)> {
    let [n, ar] = fa.tuple_elems()? else {
        return None;
    };
    if !n.is_atom() {
        return None;
    }
    Some((
        atom::name(*n).to_owned(),
        usize::try_from(ar.as_small()?).ok()?,
    ))
}
