//! `quote`: quoted code becomes code that builds it (Elixir's
//! `elixir_quote`), with `unquote` inserting values and `unquote_splicing`
//! splicing lists. A quote gives its variables the quoting module as
//! context (hygiene), records what its local calls import (`imports:`) and
//! how its aliases resolve (`alias:`), and drops the lines of the code it
//! quotes (unless `line:` or `location: :keep` says otherwise).

use super::{EResult, Env, Expander};
use crate::quoted::{self as q, as_atom, as_call, as_list, as_node, keyword_get};
use beamlet_vm::value::Value;

/// How one quote transforms code.
#[derive(Clone)]
pub struct QuoteOpts {
    pub unquote: bool,
    /// Variable context (`nil` means leave the user's variables alone:
    /// the escaping of a `def` by a module body).
    pub context: Option<String>,
    /// `context:` given as code run at run time (`quote(context: mod, ...)`):
    /// what the quote's variables get instead of `context`.
    pub context_code: Option<Value>,
    /// `line:` given: code for the line every node gets.
    pub line: Option<Value>,
    /// `location: :keep`: `{file, line}` on every node.
    pub keep: Option<String>,
    pub generated: bool,
    /// Record imports and aliases (a real `quote`, not a `def`'s escape).
    pub record: bool,
}

impl QuoteOpts {
    /// A module body's escape of a `def`: unquote fragments only.
    pub fn fragments() -> QuoteOpts {
        QuoteOpts {
            unquote: true,
            context: None,
            context_code: None,
            line: None,
            keep: None,
            generated: false,
            record: false,
        }
    }
}

impl Expander<'_> {
    /// `quote opts, do: body`: the code building `body`, expanded.
    pub fn expand_quote(
        &mut self,
        meta: &Value,
        opts: &Value,
        body: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        // All options and the do block, whichever argument they came in.
        let mut kw: Vec<(String, Value)> = Vec::new();
        for part in [opts, body] {
            match as_list(part) {
                Some(items) => {
                    for i in items {
                        match i {
                            Value::Tuple(t) if t.len() == 2 => {
                                if let Some(k) = as_atom(&t[0]) {
                                    kw.push((k.to_owned(), t[1].clone()));
                                }
                            }
                            _ => return Err(self.error(line, env, "invalid arguments for quote")),
                        }
                    }
                }
                None => {
                    // Options computed by an expression (a macro giving `[line: 3]`).
                    let v = self.expand(part, env)?;
                    match q::as_keyword(&v) {
                        Some(k) => kw.extend(k.into_iter().map(|(a, b)| (a.to_owned(), b.clone()))),
                        None => {
                            return Err(self.error(
                                line,
                                env,
                                "invalid options for quote: expected a keyword list",
                            ))
                        }
                    }
                }
            }
        }
        let get = |k: &str| kw.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone());
        let Some(code) = get("do") else {
            return Err(self.error(line, env, "missing :do option in \"quote\""));
        };
        let bind = get("bind_quoted");
        let mut o = QuoteOpts {
            unquote: !matches!(get("unquote"), Some(Value::Atom(ref f)) if f == "false")
                && bind.is_none(),
            context: Some(env.module.clone().unwrap_or_else(|| "Elixir".into())),
            context_code: None,
            line: None,
            keep: None,
            generated: matches!(get("generated"), Some(Value::Atom(ref t)) if t == "true"),
            record: true,
        };
        if let Some(code) = get("context") {
            let c = self.expand(&code, env)?;
            match c {
                Value::Atom(a) => o.context = Some(a.to_string()),
                // A variable or a call: the context is known when the quote runs.
                Value::Tuple(ref t)
                    if t.len() == 3
                        && !matches!(t[0], Value::Atom(ref n) if n == "{}" || n == "%{}" || n == "<<>>") =>
                {
                    o.context_code = Some(runtime_option("context", code))
                }
                _ => {
                    return Err(self.error(
                        line,
                        env,
                        "invalid :context for quote, expected a compile time atom or alias",
                    ))
                }
            }
        }
        match get("line") {
            // `line: false` (or nil): no line at all.
            Some(Value::Atom(f)) if f == "false" || f == "nil" => {}
            Some(l) => {
                o.line = Some(match &l {
                    Value::Atom(t) if t == "true" => q::int(env.line as i64),
                    Value::Int(_) => l.clone(),
                    _ => self.expand(&runtime_option("line", l.clone()), env)?,
                });
            }
            None => {}
        }
        if let Some(Value::Atom(k)) = get("location") {
            if k == "keep" {
                o.keep = Some(relative_file(&env.file));
            }
        }
        if let Some(Value::Binary(f)) = get("file") {
            o.keep = Some(String::from_utf8_lossy(&f).into_owned());
        }
        let mut built = self.quote(&code, &o, env)?;
        if let Some(b) = bind {
            let Some(pairs) = q::as_keyword(&b) else {
                return Err(self.error(line, env, "invalid :bind_quoted for quote, expected a keyword list of variable names and values"));
            };
            let ctx = o.context.clone().unwrap_or_else(|| "Elixir".into());
            let mut items = Vec::new();
            for (k, v) in pairs {
                // {:=, [], [{k, meta, ctx}, v]}, with the quote's own meta
                // (a quote from a macro has its counter: the body's
                // variables, from the same expansion, are these).
                let var = q::call(
                    "{}",
                    q::list(vec![]),
                    vec![
                        q::atom(k),
                        q::escape(&q::meta_delete(meta, "column")),
                        q::atom(&ctx),
                    ],
                );
                items.push(q::call(
                    "{}",
                    q::list(vec![]),
                    vec![q::atom("="), q::list(vec![]), q::list(vec![var, v.clone()])],
                ));
            }
            // {:__block__, [], [bindings..., body]}
            let body_items = match as_call(&code) {
                Some(("__block__", _, _)) => vec![built],
                _ => vec![built],
            };
            let mut all = items;
            all.extend(body_items);
            built = q::call(
                "{}",
                q::list(vec![]),
                vec![q::atom("__block__"), q::list(vec![]), list_code(all)],
            );
        }
        self.expand(&built, env)
    }

    /// The code that builds `v` under `o` (not yet expanded).
    pub fn quote(&mut self, v: &Value, o: &QuoteOpts, env: &Env) -> EResult<Value> {
        match v {
            Value::List(items, tail) => {
                let mut segments: Vec<Value> = Vec::new();
                let mut current: Vec<Value> = Vec::new();
                let mut spliced = false;
                for (i, it) in items.iter().enumerate() {
                    // `[a, unquote_splicing(l) | t]`: the spliced list's last
                    // element goes in the `|` node.
                    if let (true, true, None, Some(("|", _, [left, t]))) =
                        (o.unquote, i + 1 == items.len(), tail, as_call(it))
                    {
                        if let Some(("unquote_splicing", _, [e])) = as_call(left) {
                            if !current.is_empty() {
                                segments.push(list_code(std::mem::take(&mut current)));
                            }
                            segments.push(e.clone());
                            let mut acc = segments.pop().unwrap_or_else(|| list_code(vec![]));
                            while let Some(s) = segments.pop() {
                                acc = q::remote(
                                    q::atom("erlang"),
                                    "++",
                                    q::list(vec![]),
                                    vec![s, acc],
                                );
                            }
                            let t = self.quote(t, o, env)?;
                            return Ok(q::remote(
                                q::atom("elixir_quote"),
                                "tail_list",
                                q::list(vec![]),
                                vec![acc, t, q::list(vec![])],
                            ));
                        }
                    }
                    if o.unquote {
                        if let Some(("unquote_splicing", _, [e])) = as_call(it) {
                            if !current.is_empty() {
                                segments.push(list_code(std::mem::take(&mut current)));
                            }
                            segments.push(e.clone());
                            spliced = true;
                            continue;
                        }
                    }
                    current.push(self.quote(it, o, env)?);
                }
                let tail = match tail {
                    Some(t) => Some(self.quote(t, o, env)?),
                    None => None,
                };
                if !spliced {
                    return Ok(match tail {
                        Some(t) => Value::List(current, Some(Box::new(t))),
                        None => list_code(current),
                    });
                }
                if !current.is_empty() || tail.is_some() {
                    segments.push(match tail {
                        Some(t) => Value::List(current, Some(Box::new(t))),
                        None => list_code(current),
                    });
                }
                // a ++ b ++ c, right-nested.
                let mut acc = segments.pop().unwrap_or_else(|| list_code(vec![]));
                while let Some(s) = segments.pop() {
                    acc = q::remote(q::atom("erlang"), "++", q::list(vec![]), vec![s, acc]);
                }
                Ok(acc)
            }
            Value::Tuple(t) if t.len() == 2 => Ok(q::tuple(vec![
                self.quote(&t[0], o, env)?,
                self.quote(&t[1], o, env)?,
            ])),
            Value::Tuple(t) if t.len() == 3 => self.quote_node(v, &t[0], &t[1], &t[2], o, env),
            Value::Tuple(_) | Value::Map(_) => Ok(q::escape(v)),
            other => Ok(other.clone()),
        }
    }

    fn quote_node(
        &mut self,
        whole: &Value,
        head: &Value,
        meta: &Value,
        tail: &Value,
        o: &QuoteOpts,
        env: &Env,
    ) -> EResult<Value> {
        if o.unquote {
            if let (Value::Atom(n), Value::List(args, None)) = (head, tail) {
                match (n.as_str(), args.as_slice()) {
                    ("unquote", [e]) => return Ok(e.clone()),
                    ("unquote_splicing", [_]) => {
                        return Err(self.argument_error(
                            "unquote_splicing only works inside arguments and block contexts, wrap it in parens if you want it to work with one-liners",
                        ))
                    }
                    ("quote", _) => {
                        // A quote inside a quote: its unquotes belong to it.
                        let inner = QuoteOpts { unquote: false, ..o.clone() };
                        let m = self.quote_meta(meta, o, Some(head), args.len(), env, true);
                        return Ok(node_code(self.quote(head, &inner, env)?, m, self.quote(tail, &inner, env)?));
                    }
                    _ => {}
                }
            }
            // `expr.unquote(name)` (a field or zero-arity call) and
            // `Mod.unquote(name)(args)` (which parses as a call of the call
            // `Mod.unquote(name)`): what `name` turns out to be when the
            // quote runs decides the form (`:elixir_quote.dot/5`).
            if let (Some((dot, _, Value::List(dargs, None))), Value::List(args, None)) =
                (as_node(head), tail)
            {
                if matches!(dot, Value::Atom(d) if d == ".")
                    && matches!(dargs.as_slice(), [_, Value::Atom(u)] if u == "unquote")
                    && args.len() == 1
                {
                    let m = self.quote_meta(meta, o, None, 0, env, false);
                    let left = self.quote(&dargs[0], o, env)?;
                    return Ok(dot_code(m, left, args[0].clone(), q::nil()));
                }
            }
            if let Some((dot_call, _, Value::List(inner, None))) = as_node(head) {
                if let (Some((dot, _, Value::List(dargs, None))), [e]) =
                    (as_node(dot_call), inner.as_slice())
                {
                    if matches!(dot, Value::Atom(d) if d == ".")
                        && matches!(dargs.as_slice(), [_, Value::Atom(u)] if u == "unquote")
                    {
                        let left = self.quote(&dargs[0], o, env)?;
                        let m = self.quote_meta(meta, o, None, 0, env, false);
                        let args = self.quote(tail, o, env)?;
                        return Ok(dot_code(m, left, e.clone(), args));
                    }
                }
            }
        }
        let Value::List(_, None) = meta else {
            return Ok(q::escape(whole));
        };
        match (head, tail) {
            // A variable: the quote's context, unless it has one.
            (Value::Atom(name), Value::Atom(ctx)) => {
                // A variable named as an import records the import too (a
                // zero-arity call written without parentheses, `&name/n`).
                let call =
                    (o.record && ctx == "nil" && !imports_of(name, env).is_empty()).then_some(head);
                let m = self.quote_meta(meta, o, call, 0, env, false);
                let ctx = match (&o.context_code, &o.context, ctx.as_str()) {
                    (Some(code), _, "nil") => code.clone(),
                    (None, Some(c), "nil") => q::atom(c),
                    _ => q::atom(ctx),
                };
                Ok(node_code(head.clone(), m, ctx))
            }
            (Value::Atom(name), Value::List(args, None)) if name == "__aliases__" && o.record => {
                let mut meta2 = meta.clone();
                if keyword_get(meta, "alias").is_none() {
                    match args.first() {
                        Some(Value::Atom(first)) if first != "Elixir" => {
                            let full = format!("Elixir.{first}");
                            let resolved = match env.alias_of(&full) {
                                Some(t) => {
                                    let mut s = t.to_owned();
                                    for r in &args[1..] {
                                        if let Some(a) = as_atom(r) {
                                            s.push('.');
                                            s.push_str(a);
                                        }
                                    }
                                    q::atom(&s)
                                }
                                None => q::atom("false"),
                            };
                            meta2 = q::meta_put(meta, "alias", resolved);
                        }
                        _ => {}
                    }
                }
                let m = self.quote_meta(&meta2, o, None, 0, env, false);
                Ok(node_code(head.clone(), m, self.quote(tail, o, env)?))
            }
            (Value::Atom(name), Value::List(args, None)) => {
                let mut m = self.quote_meta(meta, o, Some(head), args.len(), env, false);
                // `&name/arity`: the capture records that import of `name`.
                if let (true, "&", Some(ctx), [arg]) =
                    (o.record, name.as_str(), &o.context, args.as_slice())
                {
                    if let Some(("/", _, [fref, Value::Int(n)])) = as_call(arg) {
                        if let Some((Value::Atom(f), _, Value::Atom(fctx))) = as_node(fref) {
                            let n = *n;
                            let imports: Vec<Value> = imports_of(f, env)
                                .into_iter()
                                .filter(|p| matches!(p, Value::Tuple(t) if t[0] == q::int(n)))
                                .collect();
                            if fctx == "nil"
                                && !imports.is_empty()
                                && keyword_get(meta, "imports").is_none()
                            {
                                let mut items: Vec<Value> =
                                    as_list(meta).map(|l| l.to_vec()).unwrap_or_default();
                                items.push(q::pair(q::atom("imports"), q::list(imports)));
                                items.push(q::pair(q::atom("context"), q::atom(ctx)));
                                m = self.quote_meta(&q::list(items), o, None, 0, env, false);
                            }
                        }
                    }
                }
                let _ = name;
                // `def name(...)` and `@name`: the head gets the context too.
                let args_code = match (name.as_str(), args.as_slice()) {
                    ("def" | "defp" | "defmacro" | "defmacrop" | "@", [first, rest @ ..])
                        if o.record =>
                    {
                        let mut out = vec![self.quote_def_head(first, o, env)?];
                        for r in rest {
                            out.push(self.quote(r, o, env)?);
                        }
                        list_code(out)
                    }
                    _ => self.quote(tail, o, env)?,
                };
                Ok(node_code(head.clone(), m, args_code))
            }
            _ => {
                let m = self.quote_meta(meta, o, None, 0, env, false);
                Ok(node_code(
                    self.quote(head, o, env)?,
                    m,
                    self.quote(tail, o, env)?,
                ))
            }
        }
    }

    /// The head of a quoted `def`/`@`: its name node gets `context:`.
    fn quote_def_head(&mut self, head: &Value, o: &QuoteOpts, env: &Env) -> EResult<Value> {
        let add_ctx = |m: &Value| match &o.context {
            Some(c) => q::meta_put(m, "context", q::atom(c)),
            None => m.clone(),
        };
        match as_node(head) {
            // (`def f(a) when g`: the `when` node gets the context.)
            Some((Value::Atom(_), m, rest))
                if !(o.unquote && as_call(head).is_some_and(|(n, _, _)| n == "unquote")) =>
            {
                let m = self.quote_meta(&add_ctx(m), o, None, 0, env, false);
                let rest = match rest {
                    Value::Atom(ctx) => match (&o.context, ctx.as_str()) {
                        (Some(c), "nil") => q::atom(c),
                        _ => rest.clone(),
                    },
                    _ => self.quote(rest, o, env)?,
                };
                Ok(node_code(head_of(head), m, rest))
            }
            _ => self.quote(head, o, env),
        }
    }

    /// The code for a quoted node's meta.
    fn quote_meta(
        &mut self,
        meta: &Value,
        o: &QuoteOpts,
        call: Option<&Value>,
        arity: usize,
        env: &Env,
        is_quote: bool,
    ) -> Value {
        let mut m = meta.clone();
        if o.record {
            m = q::meta_delete(&q::meta_delete(&m, "line"), "column");
        }
        if let Some(f) = &o.keep {
            let line = q::meta_line(meta);
            m = q::meta_delete(&m, "line");
            m = q::meta_put(&m, "keep", q::pair(q::string(f), q::int(line as i64)));
        }
        if o.generated {
            m = q::meta_put(&m, "generated", q::atom("true"));
        }
        if o.record {
            if let (Some(Value::Atom(name)), Some(ctx)) = (call, &o.context) {
                let imports = imports_of(name, env);
                let special = matches!(
                    name.as_str(),
                    "alias"
                        | "import"
                        | "require"
                        | "quote"
                        | "def"
                        | "defp"
                        | "defmacro"
                        | "defmacrop"
                        | "@"
                ) || is_quote;
                // Elixir appends these after the meta the parser gave
                // (`[delimiter: "(", context: M, imports: [...]]`).
                let append = |m: &Value, k: &str, v: Value| {
                    let mut items: Vec<Value> = as_list(m).map(|l| l.to_vec()).unwrap_or_default();
                    items.push(q::tuple(vec![q::atom(k), v]));
                    q::list(items)
                };
                if !imports.is_empty() && keyword_get(&m, "imports").is_none() {
                    m = q::meta_delete(&m, "context");
                    m = append(&m, "context", q::atom(ctx));
                    m = append(&m, "imports", q::list(imports));
                } else if special && keyword_get(&m, "context").is_none() {
                    m = append(&m, "context", q::atom(ctx));
                }
                let _ = arity;
            }
        }
        let code = q::escape(&m);
        match &o.line {
            Some(l) => {
                // [line: <code>] first, then the rest.
                let rest = match q::meta_delete(&m, "line") {
                    Value::List(items, None) => items.iter().map(q::escape).collect::<Vec<_>>(),
                    _ => vec![],
                };
                let mut items = vec![q::pair(q::atom("line"), l.clone())];
                items.extend(rest);
                list_code(items)
            }
            None => code,
        }
    }
}

/// `[{arity, Module}, ...]` for every import of `name` in `env`.
fn imports_of(name: &str, env: &Env) -> Vec<Value> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (m, fs) in env.functions.iter().chain(env.macros.iter()) {
        for (n, a) in fs {
            if n == name && !out.iter().any(|(x, y)| x == a && y == m) {
                out.push((*a, m.clone()));
            }
        }
    }
    out.sort();
    out.into_iter()
        .map(|(a, m)| q::pair(q::int(a as i64), q::atom(&m)))
        .collect()
}

fn head_of(node: &Value) -> Value {
    match as_node(node) {
        Some((h, _, _)) => h.clone(),
        None => node.clone(),
    }
}

/// The code building the 3-tuple `{head, meta, tail}`.
fn node_code(head: Value, meta: Value, tail: Value) -> Value {
    q::call("{}", q::list(vec![]), vec![head, meta, tail])
}

/// The code building a list of the values `items` build.
fn list_code(items: Vec<Value>) -> Value {
    Value::List(items, None)
}

/// `path` relative to the current directory, as Elixir shows file names.
pub fn relative_file(path: &str) -> String {
    match std::env::current_dir() {
        Ok(cwd) => {
            let p = std::path::Path::new(path);
            match p.strip_prefix(&cwd) {
                Ok(r) => r.to_string_lossy().into_owned(),
                Err(_) => path.to_owned(),
            }
        }
        Err(_) => path.to_owned(),
    }
}

impl Expander<'_> {
    /// A module body's `def`: the code that builds the definition with
    /// its `unquote` fragments filled in, or the definition itself when it
    /// has none.
    pub fn escape_fragments(&mut self, v: &Value, env: &Env) -> EResult<(Value, bool)> {
        if !has_unquote(v) {
            return Ok((q::escape(v), false));
        }
        Ok((self.quote(v, &QuoteOpts::fragments(), env)?, true))
    }
}

/// The head of the node standing for the `i`th `unquote` fragment of a
/// definition kept by the host (`{:"$beamlet_fragment", [], [i]}`).
pub const FRAGMENT: &str = "$beamlet_fragment";
/// The tag of the fragments' values passed to `define`
/// (`{:"$beamlet_fragments", [v0, v1, ...]}`).
pub const FRAGMENTS: &str = "$beamlet_fragments";

/// A definition whose `unquote` fragments are all plain `unquote(e)`
/// nodes, with each replaced by a [`FRAGMENT`] node and its `e` pushed on
/// `frags`: the host keeps the definition and the body passes only the
/// fragments' values, instead of the code that builds the whole
/// definition (a test's body, most of the time). `None` for the forms
/// only the quote machinery gets right (`unquote_splicing`, a nested
/// `quote`, `expr.unquote(name)`): then [`Expander::escape_fragments`].
/// Under the fragments' quote options the rest is left as it is, so
/// filling the fragments in gives what the built code would.
pub fn fragment_template(v: &Value, frags: &mut Vec<Value>) -> Option<Value> {
    match v {
        Value::List(items, tail) => {
            let items = items
                .iter()
                .map(|i| fragment_template(i, frags))
                .collect::<Option<Vec<_>>>()?;
            let tail = match tail {
                Some(t) => Some(Box::new(fragment_template(t, frags)?)),
                None => None,
            };
            Some(Value::List(items, tail))
        }
        Value::Tuple(t) if t.len() == 3 => {
            if let Value::Atom(n) = &t[0] {
                match (n.as_str(), &t[2]) {
                    ("unquote", Value::List(args, None)) if args.len() == 1 => {
                        frags.push(args[0].clone());
                        return Some(q::call(
                            FRAGMENT,
                            q::list(vec![]),
                            vec![q::int(frags.len() as i64 - 1)],
                        ));
                    }
                    ("unquote" | "unquote_splicing" | "quote", _) => return None,
                    (".", Value::List(args, None)) if matches!(args.as_slice(), [_, Value::Atom(u)] if u == "unquote") => {
                        return None
                    }
                    _ => {}
                }
            }
            if !matches!(t[1], Value::List(_, None)) {
                // (Escaped whole by the quote: no fragment inside counts.)
                return Some(v.clone());
            }
            Some(Value::Tuple(vec![
                fragment_template(&t[0], frags)?,
                t[1].clone(),
                fragment_template(&t[2], frags)?,
            ]))
        }
        Value::Tuple(t) if t.len() == 2 => Some(Value::Tuple(vec![
            fragment_template(&t[0], frags)?,
            fragment_template(&t[1], frags)?,
        ])),
        other => Some(other.clone()),
    }
}

/// Whether [`fragment_template`] takes `v` (it gives `None` otherwise).
pub fn templatable(v: &Value) -> bool {
    match v {
        Value::List(items, tail) => {
            items.iter().all(templatable) && tail.as_deref().is_none_or(templatable)
        }
        Value::Tuple(t) if t.len() == 3 => {
            if let Value::Atom(n) = &t[0] {
                match (n.as_str(), &t[2]) {
                    ("unquote", Value::List(args, None)) if args.len() == 1 => return true,
                    ("unquote" | "unquote_splicing" | "quote", _) => return false,
                    (".", Value::List(args, None)) if matches!(args.as_slice(), [_, Value::Atom(u)] if u == "unquote") => {
                        return false
                    }
                    _ => {}
                }
            }
            !matches!(t[1], Value::List(_, None)) || (templatable(&t[0]) && templatable(&t[2]))
        }
        Value::Tuple(t) if t.len() == 2 => templatable(&t[0]) && templatable(&t[1]),
        _ => true,
    }
}

/// [`fragment_template`] of a tree that is [`templatable`], made in place:
/// each fragment is moved to `frags` and its place takes the placeholder.
pub fn make_template(v: &mut Value, frags: &mut Vec<Value>) {
    match v {
        Value::List(items, tail) => {
            for i in items.iter_mut() {
                make_template(i, frags);
            }
            if let Some(t) = tail {
                make_template(t, frags);
            }
        }
        Value::Tuple(t) if t.len() == 3 => {
            if let [Value::Atom(n), _, Value::List(args, None)] = t.as_mut_slice() {
                if *n == "unquote" && args.len() == 1 {
                    frags.push(std::mem::replace(&mut args[0], q::nil()));
                    *v = q::call(
                        FRAGMENT,
                        q::list(vec![]),
                        vec![q::int(frags.len() as i64 - 1)],
                    );
                    return;
                }
            }
            if !matches!(t[1], Value::List(_, None)) {
                return;
            }
            make_template(&mut t[0], frags);
            make_template(&mut t[2], frags);
        }
        Value::Tuple(t) if t.len() == 2 => {
            make_template(&mut t[0], frags);
            make_template(&mut t[1], frags);
        }
        _ => {}
    }
}

/// A copy of `template` (see [`fragment_template`]) with its fragments
/// filled in from `values` (moved out of it).
pub fn fill_fragments(template: &Value, values: &mut [Value]) -> Value {
    match template {
        Value::List(items, tail) => Value::List(
            items.iter().map(|i| fill_fragments(i, values)).collect(),
            tail.as_ref().map(|t| Box::new(fill_fragments(t, values))),
        ),
        Value::Tuple(t) if t.len() == 3 => {
            if let (Value::Atom(n), Value::List(args, None)) = (&t[0], &t[2]) {
                if n == FRAGMENT {
                    if let [Value::Int(i)] = args.as_slice() {
                        if let Some(v) = values.get_mut(*i as usize) {
                            return std::mem::replace(v, q::nil());
                        }
                    }
                }
            }
            Value::Tuple(t.iter().map(|e| fill_fragments(e, values)).collect())
        }
        Value::Tuple(t) if t.len() == 2 => {
            Value::Tuple(t.iter().map(|e| fill_fragments(e, values)).collect())
        }
        other => other.clone(),
    }
}

/// Whether `v` contains `unquote`/`unquote_splicing` (outside nested quotes).
pub fn has_unquote(v: &Value) -> bool {
    match v {
        Value::List(items, tail) => {
            items.iter().any(has_unquote) || tail.as_deref().is_some_and(has_unquote)
        }
        Value::Tuple(t) if t.len() == 3 => {
            if let Value::Atom(n) = &t[0] {
                if n == "unquote" || n == "unquote_splicing" {
                    return true;
                }
                if n == "quote" {
                    return false;
                }
            }
            has_unquote(&t[0]) || has_unquote(&t[2])
        }
        Value::Tuple(t) => t.iter().any(has_unquote),
        _ => false,
    }
}

/// The code building `left.right(args)` when the quote runs (`args` nil:
/// no call parentheses).
fn dot_code(meta: Value, left: Value, right: Value, args: Value) -> Value {
    q::remote(
        q::atom("elixir_quote"),
        "dot",
        q::list(vec![]),
        vec![meta, left, right, args, q::nil()],
    )
}

/// A `quote` option known only when the quote runs (`line: line`), checked
/// then (`:elixir_quote.validate_runtime/2` raises as Elixir does).
fn runtime_option(name: &str, code: Value) -> Value {
    q::remote(
        q::atom("elixir_quote"),
        "validate_runtime",
        q::list(vec![]),
        vec![q::atom(name), code],
    )
}
