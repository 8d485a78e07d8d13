//! Kernel's macros, handled natively.
//!
//! Most stay as they are, their arguments expanded, for the code generator
//! to compile (`if`, `&&`, `in`, `raise`, sigils...: it already knows
//! them); a few are rewritten here (`|>`, `use`, `var!`, `alias!`,
//! `binding`, `match?`); the module-building ones (`defmodule`, `def`, `@`,
//! `defstruct`...) are in [`super::module`]. `dbg`, `defimpl`,
//! `defprotocol`, the calendar sigils (`~D ~T ~N ~U`, which parse their
//! text with the calendar while compiling) and the path macros (`put_in/2`,
//! `update_in/2`, `get_and_update_in/2`, `pop_in/1`) are written in the
//! language (`stdlib/kernel.ex`) and only routed from here.

use super::{Context, EResult, Env, Expander, VarCtx, VarId};
use crate::quoted::{self as q, as_call, as_keyword, as_list, as_node, as_var, keyword_get};
use beamlet_vm::value::Value;

impl Expander<'_> {
    /// Kernel's macro `name` applied to `args`.
    pub fn kernel_macro(
        &mut self,
        name: &str,
        meta: &Value,
        args: &[Value],
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        match (name, args) {
            ("|>", [l, r]) => {
                // `l |> (a |> b)` is `(l |> a) |> b`, as Macro.unpipe/1 reads it.
                if let Some(("|>", rm, [a, b])) = as_call(r) {
                    let inner = q::call("|>", meta.clone(), vec![l.clone(), a.clone()]);
                    return self.expand(&q::call("|>", rm.clone(), vec![inner, b.clone()]), env);
                }
                let piped = self.pipe(l, r, env, line)?;
                self.expand(&piped, env)
            }
            ("@", [attr]) => self.expand_attribute(meta, attr, env),
            ("def" | "defp" | "defmacro" | "defmacrop", [_] | [_, _]) => {
                self.expand_def(name, meta, args, env)
            }
            ("defmodule", [n, body]) => {
                self.expand_defmodule(meta, n, std::borrow::Cow::Borrowed(body), env)
            }
            ("defstruct", [fields]) => self.expand_defstruct(meta, fields, env, false),
            ("defexception", [fields]) => self.expand_defstruct(meta, fields, env, true),
            ("defdelegate", [head, opts]) => self.expand_defdelegate(meta, head, opts, env),
            ("defguard" | "defguardp", [g]) => self.expand_defguard(name, meta, g, env),
            ("defoverridable", [what]) => self.expand_defoverridable(meta, what, env),
            ("dbg" | "defimpl" | "defprotocol", _)
            | ("sigil_D" | "sigil_T" | "sigil_N" | "sigil_U", [_, _])
            | ("put_in" | "update_in" | "get_and_update_in", [_, _])
            | ("pop_in", [_]) => self.run_macro("Elixir.Kernel", name, meta, args, env, false),
            // `..` as a value: the full range.
            ("..", []) => {
                let full = q::call("..//", meta.clone(), vec![q::int(0), q::int(-1), q::int(1)]);
                self.expand(&full, env)
            }
            ("use", [m]) => self.expand_use(meta, m, None, env),
            ("use", [m, opts]) => self.expand_use(meta, m, Some(opts), env),
            ("var!", [v]) => self.expand_var_bang(meta, v, None, env),
            ("var!", [v, ctx]) => self.expand_var_bang(meta, v, Some(ctx), env),
            ("alias!", [a]) => match as_call(a) {
                Some(("__aliases__", am, segs)) => {
                    let m = q::meta_delete(&q::meta_delete(am, "alias"), "counter");
                    self.expand_alias(&m, segs, env)
                }
                _ => self.expand(a, env),
            },
            ("binding", []) => Ok(self.binding(VarCtx::Nil, env)),
            ("binding", [ctx]) => {
                let c = self.expand(ctx, env)?;
                let ctx = match &c {
                    Value::Atom(a) if a == "nil" => VarCtx::Nil,
                    Value::Atom(a) => VarCtx::Atom(*a),
                    _ => return Err(self.error(line, env, "binding/1 expects a context atom")),
                };
                Ok(self.binding(ctx, env))
            }
            // `x in [a, b | tail]` outside guards: `:lists.member/2` on the
            // list, as Elixir expands it (a tail that is not a list raises
            // ArgumentError unless x is found before it).
            ("in", [x, right]) if env.context == Context::Expr && is_cons_literal(right) => {
                let member = q::tuple(vec![
                    q::tuple(vec![
                        q::atom("."),
                        q::list(vec![]),
                        q::list(vec![q::atom("lists"), q::atom("member")]),
                    ]),
                    meta.clone(),
                    q::list(vec![x.clone(), right.clone()]),
                ]);
                self.expand(&member, env)
            }
            // `x in literal` outside guards: comparisons, as Elixir's `in`
            // expands (what Macro.expand shows), x evaluated once.
            ("in", [x, right]) if env.context == Context::Expr && expr_in(x, right).is_some() => {
                let Some(out) = expr_in(x, right) else {
                    unreachable!("checked by the guard")
                };
                self.expand(&out, env)
            }
            ("in", [x, right]) if env.context == Context::Guard => {
                // A tail that is a call (`[1 | list()]`) is no compile-time
                // list: said before the call is refused as a guard call.
                if improper_tail(right) && !right_tail_is_attribute(right) {
                    return Err(self.argument_error(format!(
                        "invalid right argument for operator \"in\", it expects a compile-time proper list or compile-time range on the right side when used in guard expressions, got: {}",
                        self.code_string(right)
                    )));
                }
                // A range value unquoted as it is (not escaped) is no code.
                if let Value::Map(pairs) = right {
                    let get = |k: &str| {
                        pairs.iter().find(|(key, _)| *key == q::atom(k)).map(|(_, v)| v.clone())
                    };
                    if get("__struct__") == Some(q::atom("Elixir.Range")) {
                        let (f, l, st) = (get("first"), get("last"), get("step"));
                        let show = |v: Option<Value>| match v {
                            Some(Value::Int(i)) => i.to_string(),
                            _ => "nil".to_owned(),
                        };
                        let step = match st {
                            Some(Value::Int(1)) => String::new(),
                            other => format!("//{}", show(other)),
                        };
                        return Err(self.argument_error(format!(
                            "found unescaped value on the right side of in/2: {}..{}{step}",
                            show(f),
                            show(l)
                        )));
                    }
                }
                let x = self.expand(x, env)?;
                let right = self.expand(right, env)?;
                if matches!(
                    q::as_node(&right),
                    Some((Value::Atom(_), _, Value::Atom(_)))
                ) || improper_tail(&right)
                    || matches!(
                        right,
                        Value::Atom(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Binary(_)
                    )
                {
                    return Err(self.argument_error(format!(
                        "invalid right argument for operator \"in\", it expects a compile-time proper list or compile-time range on the right side when used in guard expressions, got: {}",
                        self.code_string(&right)
                    )));
                }
                Ok(guard_in(meta, x, right))
            }
            ("match?", [pat, e]) => {
                let e = self.expand(e, env)?;
                let mut penv = env.clone();
                let pat = match as_call(pat) {
                    Some(("when", wm, [p, g])) => {
                        let p = self.expand_pattern(p, &mut penv)?;
                        let g = self.expand_guard(g, &mut penv)?;
                        q::call("when", wm.clone(), vec![p, g])
                    }
                    _ => self.expand_pattern(pat, &mut penv)?,
                };
                Ok(q::call("match?", meta.clone(), vec![pat, e]))
            }
            (
                "sigil_s" | "sigil_S" | "sigil_c" | "sigil_C" | "sigil_w" | "sigil_W",
                [body, mods],
            ) if matches!(as_call(body), Some(("<<>>", _, _))) => {
                let out = self.kernel_sigil(name, meta, body, mods, env)?;
                self.expand(&out, env)
            }
            ("sigil_r" | "sigil_R", [body, mods])
                if matches!(as_call(body), Some(("<<>>", _, _))) =>
            {
                let out = self.regex_sigil(name, meta, body, mods)?;
                self.expand(&out, env)
            }
            ("destructure", [left, right]) if as_list(left).is_some() => {
                let n = as_list(left).map_or(0, |l| l.len());
                let rhs = q::remote(
                    q::atom("Elixir.Kernel.Utils"),
                    "destructure",
                    meta.clone(),
                    vec![right.clone(), q::int(n as i64)],
                );
                self.expand(&q::call("=", meta.clone(), vec![left.clone(), rhs]), env)
            }
            ("is_struct" | "is_exception", [t, n]) => {
                if env.context == Context::Guard {
                    let erl = |f: &str, args: Vec<Value>| {
                        q::remote(q::atom("erlang"), f, q::list(vec![]), args)
                    };
                    let has = |k: &str| erl("is_map_key", vec![q::atom(k), t.clone()]);
                    let get = |k: &str| erl("map_get", vec![q::atom(k), t.clone()]);
                    let and = |a: Value, b: Value| q::call("and", q::list(vec![]), vec![a, b]);
                    // `is_atom(n) or :fail`: a name that is not an atom fails
                    // the whole guard (an `or` of a non-boolean), as in Elixir.
                    let atom_name = q::call(
                        "or",
                        q::list(vec![]),
                        vec![
                            q::call("is_atom", q::list(vec![]), vec![n.clone()]),
                            q::atom("fail"),
                        ],
                    );
                    let mut g = and(
                        and(
                            and(
                                q::call("is_map", q::list(vec![]), vec![t.clone()]),
                                atom_name,
                            ),
                            has("__struct__"),
                        ),
                        q::call("==", q::list(vec![]), vec![get("__struct__"), n.clone()]),
                    );
                    if name == "is_exception" {
                        g = and(
                            and(g, has("__exception__")),
                            q::call(
                                "==",
                                q::list(vec![]),
                                vec![get("__exception__"), q::atom("true")],
                            ),
                        );
                    }
                    return self.expand(&g, env);
                }
                let call = q::remote(
                    q::atom("Elixir.Kernel.Utils"),
                    name,
                    meta.clone(),
                    vec![t.clone(), n.clone()],
                );
                self.expand(&call, env)
            }
            ("to_char_list", [x]) => {
                let x = self.expand(x, env)?;
                Ok(q::call("to_charlist", meta.clone(), vec![x]))
            }
            ("if" | "unless", [_, branches])
                if !as_keyword(branches).is_some_and(|kw| {
                    let count = |k: &str| kw.iter().filter(|(key, _)| *key == k).count();
                    count("do") == 1 && count("else") <= 1 && count("do") + count("else") == kw.len()
                }) =>
            {
                Err(self.argument_error(format!(
                    "invalid or duplicate keys for {name}, only \"do\" and an optional \"else\" are permitted"
                )))
            }
            ("if" | "unless", [cond, branches]) if as_keyword(branches).is_some() => {
                // The condition's variables and aliases stay in scope after;
                // each branch is a scope of its own.
                let cond = self.expand(cond, env)?;
                let mut out = Vec::new();
                for (k, v) in as_keyword(branches).unwrap_or_default() {
                    let v = self.expand(v, &mut env.clone())?;
                    out.push(q::pair(q::atom(k), v));
                }
                Ok(q::call(name, meta.clone(), vec![cond, q::list(out)]))
            }
            _ => {
                // Left for the code generator, its arguments expanded.
                let args = self.expand_args(args, env)?;
                Ok(q::call(name, meta.clone(), args))
            }
        }
    }

    /// `~r` and `~R`: a literal compiles now, to the `%Regex{}` it is (a bad
    /// one raises `Regex.CompileError` while expanding, as in Elixir); one
    /// with interpolations compiles when run (`Regex.compile!/2`).
    fn regex_sigil(
        &mut self,
        name: &str,
        meta: &Value,
        body: &Value,
        mods: &Value,
    ) -> EResult<Value> {
        let Some((_, bmeta, segs)) = as_call(body) else {
            return Ok(body.clone());
        };
        let raw = name == "sigil_R";
        let modifiers: String = as_list(mods)
            .unwrap_or(&[])
            .iter()
            .filter_map(|c| match c {
                Value::Int(c) => char::from_u32(*c as u32),
                _ => None,
            })
            .collect();
        let parts: Vec<Value> = segs
            .iter()
            .map(|seg| match seg {
                Value::Binary(b) if !raw => Value::Binary(regex_unescape(b)),
                other => other.clone(),
            })
            .collect();
        let literal = match parts.as_slice() {
            [] => Some(Vec::new()),
            [Value::Binary(b)] => Some(b.clone()),
            _ => None,
        };
        let Some(source) = literal else {
            let bin = q::call("<<>>", bmeta.clone(), parts);
            return Ok(q::remote(
                q::atom("Elixir.Regex"),
                "compile!",
                meta.clone(),
                vec![bin, q::string(&modifiers)],
            ));
        };
        match beamlet_vm::bif::re::literal_pattern(&source, &modifiers) {
            Ok((groups, unicode, crlf, bin)) => {
                let pattern = q::tuple(vec![
                    q::atom("re_pattern"),
                    q::int(groups as i64),
                    q::int(i64::from(unicode)),
                    q::int(i64::from(crlf)),
                    Value::Binary(bin),
                ]);
                let version = q::tuple(vec![
                    q::string(beamlet_vm::bif::re::version()),
                    q::atom("little"),
                ]);
                let regex = super::env::sorted_map(vec![
                    (q::atom("__struct__"), q::atom("Elixir.Regex")),
                    (q::atom("opts"), q::string(&modifiers)),
                    (q::atom("re_pattern"), pattern),
                    (q::atom("re_version"), version),
                    (q::atom("source"), Value::Binary(source)),
                ]);
                Ok(q::escape(&regex))
            }
            Err(msg) => {
                let e = super::env::sorted_map(vec![
                    (q::atom("__exception__"), q::atom("true")),
                    (q::atom("__struct__"), q::atom("Elixir.Regex.CompileError")),
                    (q::atom("message"), q::string(&msg)),
                ]);
                Err(super::Error::Raised(Box::new(super::Raised {
                    class: "error".into(),
                    reason: e,
                    stacktrace: q::list(vec![]),
                })))
            }
        }
    }

    /// Kernel's `~s`, `~S`, `~c`, `~C`, `~w` and `~W` as the value they
    /// build: lowercase ones process escapes in their literal parts (the
    /// lexer keeps a sigil's text as written), `~w` splits on whitespace and
    /// its modifier (`s`, `a`, `c`) says what each word becomes.
    pub(super) fn kernel_sigil(
        &mut self,
        name: &str,
        meta: &Value,
        body: &Value,
        mods: &Value,
        env: &Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        let Some((_, bmeta, segs)) = as_call(body) else {
            return Ok(body.clone());
        };
        let letter = name.as_bytes()[6] as char;
        let raw = letter.is_ascii_uppercase();
        let parts: Vec<Value> = segs
            .iter()
            .map(|seg| match seg {
                Value::Binary(b) if !raw => {
                    let text = String::from_utf8_lossy(b);
                    Value::Binary(crate::lexer::unescape(&text, 0).unwrap_or_else(|_| b.clone()))
                }
                other => other.clone(),
            })
            .collect();
        let literal: Option<Vec<u8>> = parts.iter().try_fold(Vec::new(), |mut acc, p| match p {
            Value::Binary(b) => {
                acc.extend_from_slice(b);
                Some(acc)
            }
            _ => None,
        });
        let bin = match &literal {
            Some(b) => Value::Binary(b.clone()),
            None => q::call("<<>>", bmeta.clone(), parts),
        };
        let string_mod = |f: &str, args: Vec<Value>| {
            q::remote(q::atom("Elixir.String"), f, q::list(vec![]), args)
        };
        let charlist = |b: &[u8]| {
            q::list(
                String::from_utf8_lossy(b)
                    .chars()
                    .map(|c| q::int(c as i64))
                    .collect(),
            )
        };
        match letter.to_ascii_lowercase() {
            's' => Ok(bin),
            'c' => Ok(match &literal {
                Some(b) => charlist(b),
                None => string_mod("to_charlist", vec![bin]),
            }),
            _ => {
                let modifier = match as_list(mods) {
                    None | Some([]) => 's',
                    Some([Value::Int(c)]) if matches!(*c as u8, b's' | b'a' | b'c') => {
                        *c as u8 as char
                    }
                    // Elixir's sigil_w raises while it expands.
                    _ => {
                        let _ = (line, env);
                        return Err(self.argument_error("modifier must be one of: s, a, c"));
                    }
                };
                match &literal {
                    Some(b) => {
                        let text = String::from_utf8_lossy(b);
                        Ok(q::list(
                            text.split_ascii_whitespace()
                                .map(|w| match modifier {
                                    'a' => q::atom(w),
                                    'c' => charlist(w.as_bytes()),
                                    _ => q::string(w),
                                })
                                .collect(),
                        ))
                    }
                    None => {
                        let split = string_mod("split", vec![bin]);
                        let conv = match modifier {
                            'a' => "to_atom",
                            'c' => "to_charlist",
                            _ => return Ok(split),
                        };
                        let capture = q::call(
                            "&",
                            q::list(vec![]),
                            vec![q::call(
                                "/",
                                q::list(vec![]),
                                vec![string_mod(conv, vec![]), q::int(1)],
                            )],
                        );
                        Ok(q::remote(
                            q::atom("Elixir.Enum"),
                            "map",
                            q::list(vec![]),
                            vec![split, capture],
                        ))
                    }
                }
            }
        }
    }

    /// `left |> right`: `left` becomes `right`'s first argument.
    pub fn pipe(&self, left: &Value, right: &Value, env: &Env, line: u32) -> EResult<Value> {
        let bad = || {
            self.error(
                line,
                env,
                format!(
                    "cannot pipe {} into {}, can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()",
                    self.show(left),
                    self.show(right)
                ),
            )
        };
        match as_node(right) {
            Some((Value::Atom(n), _, _))
                if matches!(
                    n.as_str(),
                    "&" | "fn" | "__block__" | "__aliases__" | "{}" | "%{}" | "%" | "<<>>"
                ) =>
            {
                Err(bad())
            }
            Some((head, m, Value::List(args, None))) => {
                let mut a = vec![left.clone()];
                a.extend(args.iter().cloned());
                Ok(q::tuple(vec![head.clone(), m.clone(), q::list(a)]))
            }
            Some((Value::Atom(_), m, Value::Atom(_))) => {
                let Some((head, _, _)) = as_node(right) else {
                    return Err(bad());
                };
                Ok(q::tuple(vec![
                    head.clone(),
                    m.clone(),
                    q::list(vec![left.clone()]),
                ]))
            }
            _ => Err(bad()),
        }
    }

    fn expand_use(
        &mut self,
        meta: &Value,
        m: &Value,
        opts: Option<&Value>,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        let invalid = |this: &Self| {
            this.argument_error(format!(
                "invalid arguments for use, expected a compile time atom or alias, got: {}",
                this.code_string(m)
            ))
        };
        // A variable or a literal other than an atom names no module.
        if as_var(m).is_some()
            || matches!(
                m,
                Value::Int(_) | Value::Float(_) | Value::Binary(_) | Value::List(..)
            )
        {
            return Err(invalid(self));
        }
        let mods = self.expand_module_refs(m, env)?;
        let mut out = Vec::new();
        for (module, _) in mods {
            self.ensure_compiled(&module, line, env)?;
            env.require(&module);
            let has = self.host.has_macro(&module, "__using__", 1);
            if !has {
                return Err(self.error(
                    line,
                    env,
                    format!(
                        "undefined function __using__/1 (module {} does not define the __using__/1 macro that use needs)",
                        super::inspect_module(&module)
                    ),
                ));
            }
            let opts = opts.cloned().unwrap_or_else(|| q::list(vec![]));
            out.push(self.run_macro(&module, "__using__", meta, &[opts], env, false)?);
        }
        Ok(match out.len() {
            1 => out.pop().unwrap_or_else(q::nil),
            _ => q::call("__block__", q::list(vec![]), out),
        })
    }

    fn expand_var_bang(
        &mut self,
        meta: &Value,
        v: &Value,
        ctx: Option<&Value>,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        let name = match as_node(v) {
            Some((Value::Atom(n), _, Value::Atom(_))) => *n,
            _ => match v {
                Value::Atom(a) => *a,
                _ => {
                    return Err(self.error(
                        line,
                        env,
                        format!(
                            "expected \"var\" to be an atom or a variable, got: {}",
                            self.show(v)
                        ),
                    ))
                }
            },
        };
        let vmeta = match as_node(v) {
            Some((_, m, _)) => q::meta_delete(m, "counter"),
            None => meta.clone(),
        };
        let ctx = match ctx {
            Some(c) => match self.expand(c, env)? {
                Value::Atom(a) => a,
                other => {
                    return Err(self.error(
                        line,
                        env,
                        format!(
                            "expected var! context to be an atom, got: {}",
                            self.show(&other)
                        ),
                    ))
                }
            },
            None => "nil".into(),
        };
        let var = q::var(&name, vmeta, q::atom(&ctx));
        if env.context != Context::Match {
            let id = VarId::of(&name, &q::list(vec![]), &ctx);
            if !env.has_var(&id) {
                return Err(self.error(
                    line,
                    env,
                    format!(
                        "expected \"{name}\"{} to expand to an existing variable or be part of a match",
                        if ctx == "nil" { String::new() } else { format!(" (context {})", ctx.trim_start_matches("Elixir.")) }
                    ),
                ));
            }
        }
        self.expand(&var, env)
    }

    /// `binding()`: the variables of context `ctx` as a keyword list.
    fn binding(&self, ctx: VarCtx, env: &Env) -> Value {
        let mut vars: Vec<&VarId> = env
            .vars
            .keys()
            .filter(|v| v.ctx == ctx && v.name != "_")
            .collect();
        vars.sort_by_key(|a| a.name);
        let ctx_atom = match &ctx {
            VarCtx::Nil => q::nil(),
            VarCtx::Atom(a) => q::atom(a),
            VarCtx::Counter(_) => q::nil(),
        };
        q::list(
            vars.into_iter()
                .map(|v| {
                    q::pair(
                        q::atom(&v.name),
                        q::var(&v.name, q::list(vec![]), ctx_atom.clone()),
                    )
                })
                .collect(),
        )
    }

    /// Whether `meta` marks generated code.
    pub fn generated(meta: &Value) -> bool {
        keyword_get(meta, "generated").is_some()
    }
}

/// A `~r` sigil's escapes, as Elixir's `Regex.unescape_map/1` takes them:
/// `\f \n \r \t \v \a` become the characters and an escaped newline
/// goes; every other escape stays for the regex engine.
fn regex_unescape(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            let c = match b[i + 1] {
                b'f' => Some(0x0c),
                b'n' => Some(b'\n'),
                b'r' => Some(b'\r'),
                b't' => Some(b'\t'),
                b'v' => Some(0x0b),
                b'a' => Some(0x07),
                b'\n' => {
                    i += 2;
                    continue;
                }
                _ => None,
            };
            match c {
                Some(c) => out.push(c),
                None => out.extend_from_slice(&b[i..i + 2]),
            }
            i += 2;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// `x in right` in a guard, `right` expanded: a module attribute gives its
/// value escaped (a `%Range{}` map, a list with a tail), which becomes the
/// range or list `in` takes; a range with a step becomes the test itself.
fn guard_in(meta: &Value, x: Value, right: Value) -> Value {
    let call = |name: &str, args: Vec<Value>| q::call(name, q::list(vec![]), args);
    let right = range_of_struct(&right).unwrap_or(right);
    let right = flatten_list(right);
    if let Some(("..//", _, [f, l, st])) = as_call(&right) {
        if let (Some(f), Some(l), Some(st)) = (literal_int(f), literal_int(l), literal_int(st)) {
            let int = call("is_integer", vec![x.clone()]);
            let (lo, hi) = if st > 0 { (f, l) } else { (l, f) };
            if (st > 0 && f > l) || (st < 0 && f < l) || st == 0 {
                // An empty range: nothing is in it.
                return call("and", vec![int, q::atom("false")]);
            }
            let mut test = call(
                "and",
                vec![
                    int,
                    call(
                        "and",
                        vec![
                            call(">=", vec![x.clone(), q::int(lo)]),
                            call("<=", vec![x.clone(), q::int(hi)]),
                        ],
                    ),
                ],
            );
            if st.abs() != 1 {
                let offset = call("-", vec![x.clone(), q::int(f)]);
                let rem = call("rem", vec![offset, q::int(st)]);
                test = call("and", vec![test, call("==", vec![rem, q::int(0)])]);
            }
            return test;
        }
        // Bounds known when run: all integers, within them in the step's
        // direction, on a step.
        let ints = [&x, f, l, st]
            .into_iter()
            .map(|v| call("is_integer", vec![v.clone()]))
            .reduce(|a, b| call("and", vec![a, b]))
            .unwrap_or_else(|| q::atom("true"));
        let within = |lo: &Value, hi: &Value| {
            call(
                "and",
                vec![
                    call(">=", vec![x.clone(), lo.clone()]),
                    call("<=", vec![x.clone(), hi.clone()]),
                ],
            )
        };
        let up = call(
            "and",
            vec![call(">", vec![st.clone(), q::int(0)]), within(f, l)],
        );
        let down = call(
            "and",
            vec![call("<", vec![st.clone(), q::int(0)]), within(l, f)],
        );
        let on_step = call(
            "==",
            vec![
                call(
                    "rem",
                    vec![call("-", vec![x.clone(), f.clone()]), st.clone()],
                ),
                q::int(0),
            ],
        );
        return call(
            "and",
            vec![call("and", vec![ints, call("or", vec![up, down])]), on_step],
        );
    }
    q::call("in", meta.clone(), vec![x, right])
}

/// An escaped `%Range{first: f, last: l, step: s}` as `f..l//s`.
fn range_of_struct(v: &Value) -> Option<Value> {
    let Some(("%{}", _, pairs)) = as_call(v) else {
        return None;
    };
    let get = |k: &str| {
        pairs.iter().find_map(|p| match p {
            Value::Tuple(t) if t.len() == 2 && t[0] == q::atom(k) => Some(t[1].clone()),
            _ => None,
        })
    };
    if get("__struct__")? != q::atom("Elixir.Range") {
        return None;
    }
    let args = vec![get("first")?, get("last")?, get("step")?];
    Some(q::call("..//", q::list(vec![]), args))
}

/// `[a | [b, c]]` as `[a, b, c]`.
fn flatten_list(v: Value) -> Value {
    // The quoted form writes a tail as `[a, {:|, _, [b, tail]}]`.
    if let Value::List(items, None) = &v {
        if let Some(("|", _, [h, t])) = items.last().and_then(as_call) {
            let mut out = items[..items.len() - 1].to_vec();
            out.push(h.clone());
            return flatten_list(Value::List(out, Some(Box::new(t.clone()))));
        }
    }
    match v {
        Value::List(mut items, Some(tail)) => match flatten_list(*tail) {
            Value::List(more, rest) => {
                items.extend(more);
                Value::List(items, rest)
            }
            other => Value::List(items, Some(Box::new(other))),
        },
        other => other,
    }
}

/// An integer literal, `-1` (a unary minus call in the quoted form) too.
fn literal_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(n) => Some(*n),
        _ => match as_call(v) {
            Some(("-", _, [Value::Int(n)])) => Some(-n),
            Some(("+", _, [Value::Int(n)])) => Some(*n),
            // Expanded: `Kernel.-(1)`.
            _ => match as_node(v) {
                Some((dot, _, Value::List(args, None))) => match (as_call(dot), args.as_slice()) {
                    (Some((".", _, [Value::Atom(m), Value::Atom(f)])), [Value::Int(n)])
                        if m == "erlang" || m == "Elixir.Kernel" =>
                    {
                        match f.as_str() {
                            "-" => Some(-n),
                            "+" => Some(*n),
                            _ => None,
                        }
                    }
                    _ => None,
                },
                _ => None,
            },
        },
    }
}

/// Whether `v` is a list literal with a tail (`[a, b | t]`).
pub(super) fn is_cons_literal(v: &Value) -> bool {
    let Value::List(elems, None) = v else {
        return false;
    };
    matches!(elems.last().and_then(as_call), Some(("|", _, [_, _])))
}

/// Whether a list literal ends in a tail that is not a list literal
/// (`[1 | list()]`, `[1 | 1..3]`): no compile-time list for a guard's `in`.
fn improper_tail(v: &Value) -> bool {
    let Value::List(elems, None) = v else {
        return false;
    };
    match elems.last().and_then(as_call) {
        Some(("|", _, [_, t])) => !matches!(t, Value::List(..)) || improper_tail(t),
        _ => false,
    }
}

/// Whether a list literal's last tail is a module attribute (`[1 | @rest]`),
/// which expands to a list.
fn right_tail_is_attribute(v: &Value) -> bool {
    let Value::List(elems, None) = v else {
        return false;
    };
    match elems.last().and_then(as_call) {
        Some(("|", _, [_, t])) => {
            matches!(as_call(t), Some(("@", _, _))) || right_tail_is_attribute(t)
        }
        _ => false,
    }
}

/// Elixir's expansion of `x in right` outside guards when `right` is a
/// literal list or a range of integer literals: `=:=` tests joined by
/// `orelse`, or bounds joined by `andalso` (an `x` that is not a variable
/// is bound first to a hygienic `var`); `None` for any other right side.
pub(super) fn expr_in(x: &Value, right: &Value) -> Option<Value> {
    let erl =
        |name: &str, args: Vec<Value>| q::remote(q::atom("erlang"), name, q::list(vec![]), args);
    let int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        _ => match as_call(v) {
            Some(("-", _, [Value::Int(i)])) => Some(-*i),
            _ => None,
        },
    };
    let simple = as_var(x).is_some();
    let v = if simple {
        x.clone()
    } else {
        q::tuple(vec![
            q::atom("var"),
            q::list(vec![]),
            q::atom("Elixir.Kernel"),
        ])
    };
    let test = match right {
        Value::List(items, None) if !is_cons_literal(right) => {
            if items.is_empty() {
                let wild = q::tuple(vec![
                    q::atom("_"),
                    q::list(vec![]),
                    q::atom("Elixir.Kernel"),
                ]);
                let bind = q::call("=", q::list(vec![]), vec![wild, x.clone()]);
                return Some(q::call(
                    "__block__",
                    q::list(vec![]),
                    vec![bind, q::atom("false")],
                ));
            }
            items
                .iter()
                .map(|it| erl("=:=", vec![v.clone(), it.clone()]))
                .reduce(|a, b| erl("orelse", vec![a, b]))?
        }
        _ => {
            let (first, last, step) = match as_call(right) {
                Some(("..", _, [f, l])) => (int(f)?, int(l)?, None),
                Some(("..//", _, [f, l, s])) => (int(f)?, int(l)?, Some(int(s)?)),
                _ => return None,
            };
            if first > last || step.is_some_and(|s| s <= 0) {
                return None;
            }
            if first == last && step.is_none() {
                erl("=:=", vec![v.clone(), q::int(first)])
            } else {
                let bounds = erl(
                    "andalso",
                    vec![
                        erl("is_integer", vec![v.clone()]),
                        erl(
                            "andalso",
                            vec![
                                erl(">=", vec![v.clone(), q::int(first)]),
                                erl("=<", vec![v.clone(), q::int(last)]),
                            ],
                        ),
                    ],
                );
                match step {
                    Some(s) if s != 1 => {
                        let offset = q::call("-", q::list(vec![]), vec![v.clone(), q::int(first)]);
                        let on_step =
                            erl("=:=", vec![erl("rem", vec![offset, q::int(s)]), q::int(0)]);
                        erl("andalso", vec![bounds, on_step])
                    }
                    _ => bounds,
                }
            }
        }
    };
    if simple {
        Some(test)
    } else {
        let bind = q::call("=", q::list(vec![]), vec![v, x.clone()]);
        Some(q::call("__block__", q::list(vec![]), vec![bind, test]))
    }
}
