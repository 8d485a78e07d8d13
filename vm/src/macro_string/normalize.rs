//! `Code.Normalizer` of Elixir 1.14: quoted code as `Macro.to_string/1` receives it, turned
//! into the shape the formatter expects ([`Q`]): literals wrapped with their metadata
//! (number tokens, string and charlist delimiters, keyword keys marked), keyword lists and
//! map pairs told apart from tuples, `do:` keyword arguments turned into do-end blocks, and
//! calls marked with parentheses unless they may go without.

use crate::float_fmt::float_inspect;
use crate::value::Value;

use super::ops;

/// The metadata the formatter reads.
#[derive(Clone, Debug, Default)]
pub(super) struct Meta {
    pub line: Option<i64>,
    /// `delimiter:` of sigils, heredocs and charlists.
    pub delimiter: Option<String>,
    /// `format: :keyword` (a keyword key).
    pub keyword: bool,
    /// `closing:` (the call had parentheses).
    pub closing: bool,
    /// `no_parens:`.
    pub no_parens: bool,
    /// `do:` (the call has do-end blocks).
    pub do_end: bool,
    /// `newlines:` (the construct was followed by a newline in the source).
    pub newlines: i64,
    /// The arguments of a call before its keyword arguments sit on lines of their own.
    pub left_newlines: bool,
    /// `end_of_expression: [newlines: n]`.
    pub eoe_newlines: Option<i64>,
    /// `token:` of a number.
    pub token: Option<String>,
}

impl Meta {
    fn read(v: &Value) -> Option<Meta> {
        let Value::List(items, None) = v else {
            return None;
        };
        let mut m = Meta::default();
        // `Keyword.get/2` reads the first occurrence of a key: a bit per key seen.
        let mut seen = 0u16;
        for item in items {
            let Value::Tuple(kv) = item else { continue };
            let [Value::Atom(k), val] = kv.as_slice() else {
                continue;
            };
            let bit = match k.as_str() {
                "line" => 1,
                "delimiter" => 2,
                "format" => 4,
                "closing" => 8,
                "no_parens" => 16,
                "do" => 32,
                "newlines" => 64,
                "end_of_expression" => 128,
                "token" => 256,
                _ => continue,
            };
            if seen & bit != 0 {
                continue;
            }
            seen |= bit;
            let is_nil = matches!(val, Value::Atom(a) if a == "nil");
            match k.as_str() {
                "line" => {
                    if let Value::Int(l) = val {
                        m.line = Some(*l);
                    }
                }
                "delimiter" => {
                    if let Value::Binary(b) = val {
                        m.delimiter = Some(String::from_utf8_lossy(b).into_owned());
                    }
                }
                "format" => m.keyword = matches!(val, Value::Atom(a) if a == "keyword"),
                "closing" => m.closing = !is_nil,
                "no_parens" => m.no_parens = !is_nil,
                "do" => m.do_end = !is_nil,
                "newlines" => {
                    if let Value::Int(n) = val {
                        m.newlines = *n;
                    }
                }
                "end_of_expression" => {
                    if let Value::List(eoe, None) = val {
                        for e in eoe {
                            if let Value::Tuple(kv) = e {
                                if let [Value::Atom(k), Value::Int(n)] = kv.as_slice() {
                                    if k == "newlines" {
                                        m.eoe_newlines = Some(*n);
                                        break;
                                    }
                                }
                            }
                        }
                    }
                }
                "token" => {
                    if let Value::Binary(b) = val {
                        m.token = Some(String::from_utf8_lossy(b).into_owned());
                    }
                }
                _ => {}
            }
        }
        Some(m)
    }
}

/// A part of an interpolated string, charlist or atom.
#[derive(Debug)]
pub(super) enum Part<'a> {
    /// Literal text, as the quoted form holds it.
    Text(&'a [u8]),
    /// `#{expr}`.
    Expr(Box<Q<'a>>),
}

/// A normalized quoted form.
#[derive(Debug)]
pub(super) enum Q<'a> {
    /// An atom literal (`{:__block__, meta, [atom]}`).
    Atom(Meta, &'a str),
    /// An integer literal and its token.
    Int(Meta, String),
    /// A float literal and its token.
    Float(Meta, String),
    /// A string literal.
    Str(Meta, &'a [u8]),
    /// A printable charlist literal.
    Charlist(Meta, String),
    /// A list literal.
    List(Meta, Vec<Q<'a>>),
    /// A tuple (`{:{}, meta, args}` or a two-element tuple literal); keyword pairs at its
    /// end are [`Q::Pair`]s.
    Tuple(Meta, Vec<Q<'a>>),
    /// A bare `{key, value}`: a keyword pair (`key: value`) or a map pair (`key => value`).
    Pair(Box<Q<'a>>, Box<Q<'a>>),
    /// A bare list: keyword arguments, the clauses of a block, the arguments of a clause.
    Bare(Vec<Q<'a>>),
    /// An interpolated string (`<<"a", "#{b}">>`).
    Interp(Meta, Vec<Part<'a>>),
    /// An interpolated atom (`:"a#{b}"`).
    InterpAtom(Meta, Vec<Part<'a>>),
    /// An interpolated charlist (`'a#{b}'`).
    InterpCharlist(Meta, Vec<Part<'a>>),
    /// A call: `{name, meta, args}` (local calls, operators, special forms).
    Call(Meta, &'a str, Vec<Q<'a>>),
    /// A call of an expression: `{{:., _, [target, name]}, meta, args}`, `fun.(args)`.
    CallExpr(Meta, Box<Q<'a>>, Vec<Q<'a>>),
    /// A variable: `{name, meta, context}`.
    Var(Meta, &'a str),
    /// A raw atom in a structural position (the name in `Mod.name`, alias segments).
    RawAtom(&'a str),
    /// Anything else (maps, pids, improper lists...): printed as `inspect` prints it.
    Other(&'a Value),
}

impl Q<'_> {
    /// The metadata of a node that has some.
    pub(super) fn meta(&self) -> Option<&Meta> {
        match self {
            Q::Atom(m, _)
            | Q::Int(m, _)
            | Q::Float(m, _)
            | Q::Str(m, _)
            | Q::Charlist(m, _)
            | Q::List(m, _)
            | Q::Tuple(m, _)
            | Q::Interp(m, _)
            | Q::InterpAtom(m, _)
            | Q::InterpCharlist(m, _)
            | Q::Call(m, _, _)
            | Q::CallExpr(m, _, _)
            | Q::Var(m, _) => Some(m),
            _ => None,
        }
    }
}

fn atom_of(v: &Value) -> Option<&str> {
    match v {
        Value::Atom(a) => Some(a),
        _ => None,
    }
}

fn is_atom(v: &Value, name: &str) -> bool {
    matches!(v, Value::Atom(a) if a == name)
}

fn proper_list(v: &Value) -> Option<&[Value]> {
    match v {
        Value::List(items, None) => Some(items),
        _ => None,
    }
}

/// `{form, meta, third}` with a keyword-list `meta`.
fn three(v: &Value) -> Option<(&Value, Meta, &Value)> {
    match v {
        Value::Tuple(t) if t.len() == 3 => Meta::read(&t[1]).map(|m| (&t[0], m, &t[2])),
        _ => None,
    }
}

/// `{{:., _, [Kernel, :to_string]}, meta, [expr]}`.
fn to_string_call(v: &Value) -> Option<(Meta, &Value)> {
    let (form, meta, args) = three(v)?;
    let (dot, _, dot_args) = three(form)?;
    if !is_atom(dot, ".") {
        return None;
    }
    match (proper_list(dot_args)?, proper_list(args)?) {
        ([m, f], [expr]) if is_atom(m, "Elixir.Kernel") && is_atom(f, "to_string") => {
            Some((meta, expr))
        }
        _ => None,
    }
}

/// An interpolation inside `<<>>`: `{:"::", _, [to_string_call, {:binary, _, _}]}`.
fn interpolation(v: &Value) -> Option<(Meta, &Value)> {
    let (form, _, args) = three(v)?;
    if !is_atom(form, "::") {
        return None;
    }
    match proper_list(args)? {
        [call, spec] => {
            let (bin, _, _) = three(spec)?;
            if !is_atom(bin, "binary") {
                return None;
            }
            to_string_call(call)
        }
        _ => None,
    }
}

/// `interpolated?/1` of the formatter: every entry is a binary or an interpolation.
fn interpolated(entries: &[Value]) -> bool {
    entries
        .iter()
        .all(|e| matches!(e, Value::Binary(_)) || interpolation(e).is_some())
}

/// `list_interpolated?/1`: every entry is a binary or a `Kernel.to_string/1` call.
fn list_interpolated(entries: &[Value]) -> bool {
    entries
        .iter()
        .all(|e| matches!(e, Value::Binary(_)) || to_string_call(e).is_some())
}

/// `List.ascii_printable?/1`.
fn ascii_printable(items: &[Value]) -> bool {
    items
        .iter()
        .all(|v| matches!(v, Value::Int(c) if matches!(c, 7..=13 | 27 | 32..=126)))
}

/// A keyword key the formatter writes as `key:`: an atom that is not a module alias.
fn keyword_key_atom(v: &Value) -> bool {
    matches!(v, Value::Atom(a) if !a.starts_with("Elixir."))
}

/// For each position, whether the list from there to its end is a keyword list.
fn keyword_suffixes(items: &[Value]) -> Vec<bool> {
    let mut out = vec![false; items.len() + 1];
    out[items.len()] = true;
    for i in (0..items.len()).rev() {
        out[i] = out[i + 1]
            && matches!(&items[i], Value::Tuple(kv) if kv.len() == 2 && keyword_key_atom(&kv[0]));
    }
    out.truncate(items.len());
    out
}

/// Whether `v` is a non-empty keyword list.
fn keyword_list(v: &Value) -> bool {
    matches!(proper_list(v), Some(items) if !items.is_empty() && keyword_suffixes(items)[0])
}

pub(super) fn normalize(v: &Value) -> Q<'_> {
    Normalizer.node(v, None)
}

/// `patch_meta_line/2`: a node without a line takes its parent's.
fn patched(mut meta: Meta, parent: Option<i64>) -> Meta {
    if meta.line.is_none() {
        meta.line = parent;
    }
    meta
}

/// The normalizer. Each function takes the line of the enclosing node that passes its line
/// down (`parent_meta`): do-end blocks, clauses, maps, bitstrings, the left of a dot.
/// Literals and calls without a line take it.
struct Normalizer;

impl Normalizer {
    fn node<'a>(&self, v: &'a Value, p: Option<i64>) -> Q<'a> {
        let Some((form, meta, third)) = three(v) else {
            return self.literal(v, Meta::default(), p);
        };
        if let Value::Atom(_) = third {
            // A variable keeps its own metadata.
            return match form {
                Value::Atom(name) => Q::Var(meta, name),
                _ => Q::Other(v),
            };
        }
        let Some(args) = proper_list(third) else {
            return Q::Other(v);
        };
        let Value::Atom(f) = form else {
            return self.special_remote(form, meta, args, p);
        };
        match (f.as_str(), args) {
            // Wrapped literals keep the block's metadata.
            ("__block__", [lit]) if !is_call_like(lit) => self.literal(lit, patched(meta, p), p),
            ("__aliases__", [first, ..]) => {
                let first_atom = matches!(first, Value::Atom(_));
                let meta = if first_atom { meta } else { patched(meta, p) };
                let line = meta.line;
                let parts = args
                    .iter()
                    .map(|a| match a {
                        Value::Atom(s) => Q::RawAtom(s),
                        other => self.node(other, line),
                    })
                    .collect();
                Q::Call(meta, "__aliases__", parts)
            }
            ("&", [Value::Int(_)]) => {
                let meta = patched(meta, p);
                Q::Call(
                    meta,
                    "&",
                    vec![self.literal(&args[0], Meta::default(), None)],
                )
            }
            ("<<>>", _) => self.bitstring(patched(meta, p), args),
            (".", [left, right]) => {
                let meta = patched(meta, p);
                let right = match right {
                    Value::Atom(s) => Q::RawAtom(s),
                    other => self.node(other, meta.line),
                };
                let left = match left {
                    Value::Atom(s) if s == "Elixir.Access" => Q::RawAtom(s),
                    other => self.node(other, meta.line),
                };
                Q::Call(meta, ".", vec![left, right])
            }
            ("->", [left, right]) => {
                let meta = patched(meta, p);
                let line = meta.line;
                let left = match proper_list(left) {
                    Some(items) => Q::Bare(items.iter().map(|a| self.node(a, line)).collect()),
                    None => self.node(left, line),
                };
                Q::Call(meta, "->", vec![left, self.node(right, line)])
            }
            (name, [string, modifiers]) if name.starts_with("sigil_") && name.len() == 7 => {
                match (three(string), modifiers) {
                    (Some((s, smeta, sparts)), Value::List(_, None))
                        if is_atom(s, "<<>>") && proper_list(sparts).is_some() =>
                    {
                        let mut meta = patched(meta, p);
                        if meta.delimiter.is_none() {
                            meta.delimiter = Some("\"".to_string());
                        }
                        let smeta = patched(smeta, meta.line);
                        let parts = self.parts(proper_list(sparts).unwrap_or(&[]), smeta.line);
                        Q::Call(
                            meta,
                            name,
                            vec![Q::Interp(smeta, parts), Q::Other(modifiers)],
                        )
                    }
                    _ => self.call(form, meta, args, p),
                }
            }
            // (`{"#{x}", [a: 1]}` is caught by the normalizer's sigil clause, which only
            // sigils pass: its keyword list stays a list.)
            ("{}", _)
                if args.len() >= 2
                    && keyword_list(&args[args.len() - 1])
                    && !sigil_shaped(args) =>
            {
                let meta = patched(meta, p);
                let (init, last) = args.split_at(args.len() - 1);
                let mut elems: Vec<Q> = init.iter().map(|a| self.node(a, p)).collect();
                elems.extend(self.keyword_pairs(proper_list(&last[0]).unwrap_or(&[]), true, p));
                Q::Tuple(meta, elems)
            }
            ("{}", _) => match self.call(form, meta, args, p) {
                // `{:{}, meta, args}` goes through `normalize_call/2` (which may turn a
                // `do:` keyword list into blocks).
                Q::Call(meta, _, elems) => Q::Tuple(meta, elems),
                other => other,
            },
            ("%{}", _) => {
                let meta = patched(meta, p);
                let args = self.map_args(args, meta.line);
                Q::Call(meta, "%{}", args)
            }
            ("@", [attr]) => match three(attr) {
                // `@name value`, whatever the name (`@%{...}` too): only the value is
                // normalized.
                Some((Value::Atom(name), name_meta, Value::List(value, None)))
                    if value.len() == 1 =>
                {
                    let value = &value[0];
                    let value = if keyword_list(value) {
                        Q::Bare(self.keyword_pairs(proper_list(value).unwrap_or(&[]), true, p))
                    } else if proper_list(value).is_some() {
                        self.literal(value, patched(Meta::default(), p), p)
                    } else {
                        self.node(value, p)
                    };
                    let attr = match name.as_str() {
                        "{}" => Q::Tuple(name_meta, vec![value]),
                        _ => Q::Call(name_meta, name, vec![value]),
                    };
                    Q::Call(meta, "@", vec![attr])
                }
                _ => self.call(form, meta, args, p),
            },
            ("__block__", _) => Q::Call(
                meta,
                "__block__",
                args.iter().map(|a| self.node(a, p)).collect(),
            ),
            _ => self.call(form, meta, args, p),
        }
    }

    /// Calls of expressions that are literals of their own: interpolated atoms
    /// (`:erlang.binary_to_atom(<<...>>, :utf8)`) and charlists (`List.to_charlist([...])`).
    fn special_remote<'a>(
        &self,
        form: &'a Value,
        meta: Meta,
        args: &'a [Value],
        p: Option<i64>,
    ) -> Q<'a> {
        if let Some((dot, dmeta, dargs)) = three(form) {
            if let (true, Some([m, f])) = (is_atom(dot, "."), proper_list(dargs)) {
                if is_atom(m, "erlang") && is_atom(f, "binary_to_atom") {
                    if let [string, enc] = args {
                        if let Some((s, smeta, sparts)) = three(string) {
                            if let (true, true, Some(parts)) = (
                                is_atom(s, "<<>>"),
                                is_atom(enc, "utf8"),
                                proper_list(sparts),
                            ) {
                                if interpolated(parts) {
                                    let dmeta = patched(dmeta, p);
                                    let meta = patched(meta, dmeta.line);
                                    let smeta = patched(smeta, p);
                                    return Q::InterpAtom(meta, self.parts(parts, smeta.line));
                                }
                            }
                        }
                    }
                }
                if is_atom(m, "Elixir.List") && is_atom(f, "to_charlist") {
                    if let [Value::List(parts, None)] = args {
                        if list_interpolated(parts) {
                            let parts = parts
                                .iter()
                                .map(|part| match part {
                                    Value::Binary(b) => Part::Text(b),
                                    other => {
                                        let (_, e) = to_string_call(other)
                                            .expect("checked by list_interpolated");
                                        Part::Expr(Box::new(self.node(e, p)))
                                    }
                                })
                                .collect();
                            return Q::InterpCharlist(patched(meta, p), parts);
                        }
                    }
                }
            }
        }
        self.call(form, meta, args, p)
    }

    /// The parts of an interpolated string; `p`: the line of its `<<>>`.
    fn parts<'a>(&self, parts: &'a [Value], p: Option<i64>) -> Vec<Part<'a>> {
        parts
            .iter()
            .map(|part| match part {
                Value::Binary(b) => Part::Text(b),
                other => match interpolation(other) {
                    Some((_, e)) => {
                        // The expression takes the line of the `Kernel.to_string/1` dot.
                        let line = three(other)
                            .and_then(|(_, _, a)| proper_list(a).and_then(|a| a.first()))
                            .and_then(three)
                            .and_then(|(dot, _, _)| three(dot))
                            .and_then(|(_, m, _)| m.line);
                        Part::Expr(Box::new(self.node(e, line)))
                    }
                    None => Part::Expr(Box::new(self.node(other, p))),
                },
            })
            .collect()
    }

    fn bitstring<'a>(&self, meta: Meta, args: &'a [Value]) -> Q<'a> {
        let line = meta.line;
        if !args.is_empty() && interpolated(args) {
            return Q::Interp(meta, self.parts(args, line));
        }
        Q::Call(
            meta,
            "<<>>",
            args.iter().map(|a| self.node(a, line)).collect(),
        )
    }

    /// The arguments of `%{}`: pairs stay bare (keyword pairs at the end marked as such),
    /// `left | pairs` keeps its pairs bare.
    fn map_args<'a>(&self, args: &'a [Value], p: Option<i64>) -> Vec<Q<'a>> {
        if let [update] = args {
            if let Some((Value::Atom(bar), bmeta, Value::List(lr, None))) = three(update) {
                if bar == "|" && lr.len() == 2 {
                    let right = match proper_list(&lr[1]) {
                        Some(items) => Q::Bare(self.map_pairs(items, p)),
                        None => self.node(&lr[1], p),
                    };
                    let bmeta = patched(bmeta, p);
                    return vec![Q::Call(bmeta, "|", vec![self.node(&lr[0], p), right])];
                }
            }
        }
        self.map_pairs(args, p)
    }

    fn map_pairs<'a>(&self, items: &'a [Value], p: Option<i64>) -> Vec<Q<'a>> {
        let kw = keyword_suffixes(items);
        items
            .iter()
            .zip(kw)
            .map(|(item, kw)| match item {
                Value::Tuple(kv) if kv.len() == 2 => {
                    let key = if kw {
                        self.keyword_key(&kv[0], p)
                    } else {
                        self.node(&kv[0], p)
                    };
                    Q::Pair(Box::new(key), Box::new(self.node(&kv[1], p)))
                }
                other => self.node(other, p),
            })
            .collect()
    }

    fn keyword_key<'a>(&self, k: &'a Value, p: Option<i64>) -> Q<'a> {
        match k {
            Value::Atom(a) => Q::Atom(
                Meta {
                    keyword: true,
                    line: p,
                    ..Meta::default()
                },
                a,
            ),
            other => self.node(other, p),
        }
    }

    /// `normalize_kw_args/3`: the pairs of a keyword list, or of a list ending in one.
    fn keyword_pairs<'a>(&self, items: &'a [Value], force: bool, p: Option<i64>) -> Vec<Q<'a>> {
        let kw = keyword_suffixes(items);
        items
            .iter()
            .zip(kw)
            .map(|(item, kw)| match item {
                Value::Tuple(kv) if kv.len() == 2 && (kw || (force && is_atom_value(&kv[0]))) => {
                    Q::Pair(
                        Box::new(self.keyword_key(&kv[0], p)),
                        Box::new(self.node(&kv[1], p)),
                    )
                }
                // A two-element tuple in a list is a tuple of its normalized elements.
                Value::Tuple(kv) if kv.len() == 2 => Q::Tuple(
                    patched(Meta::default(), p),
                    vec![self.node(&kv[0], p), self.node(&kv[1], p)],
                ),
                other => self.node(other, p),
            })
            .collect()
    }

    /// `normalize_literal/3`: `meta` is the literal's (already given its parent's line).
    fn literal<'a>(&self, v: &'a Value, meta: Meta, p: Option<i64>) -> Q<'a> {
        let meta = patched(meta, p);
        match v {
            Value::Int(i) => {
                let token = meta.token.clone().unwrap_or_else(|| i.to_string());
                Q::Int(meta, token)
            }
            Value::BigInt(i) => {
                let token = meta.token.clone().unwrap_or_else(|| i.to_string());
                Q::Int(meta, token)
            }
            Value::Float(f) => {
                let token = meta.token.clone().unwrap_or_else(|| float_inspect(*f));
                Q::Float(meta, token)
            }
            Value::Atom(a) => Q::Atom(meta, a),
            Value::Binary(b) => Q::Str(meta, b),
            Value::Tuple(t) if t.len() == 2 => {
                let line = meta.line;
                let mut elems = vec![self.node(&t[0], line)];
                if keyword_list(&t[1]) {
                    // `{:inline, key: 1}`: the keyword list stays one element, bare.
                    let items = proper_list(&t[1]).unwrap_or(&[]);
                    elems.push(Q::Bare(self.keyword_pairs(items, true, line)));
                } else {
                    elems.push(self.node(&t[1], line));
                }
                Q::Tuple(meta, elems)
            }
            Value::List(items, None) => {
                if !items.is_empty() && ascii_printable(items) {
                    let text: String = items
                        .iter()
                        .filter_map(|c| match c {
                            Value::Int(c) => char::from_u32(*c as u32),
                            _ => None,
                        })
                        .collect();
                    let mut meta = meta;
                    if meta.delimiter.is_none() {
                        meta.delimiter = Some("'".to_string());
                    }
                    Q::Charlist(meta, text)
                } else if let (Some("'"), Some(text)) =
                    (meta.delimiter.as_deref(), charlist_chars(items))
                {
                    Q::Charlist(meta, text)
                } else if matches!(items.first(), Some(first) if is_clause(first)) {
                    Q::Bare(items.iter().map(|a| self.node(a, p)).collect())
                } else {
                    Q::List(meta, self.keyword_pairs(items, false, p))
                }
            }
            Value::Tuple(_) => match three(v) {
                // A wrapped call (`{:__block__, meta, [call]}` with one argument).
                Some(_) => self.node(v, p),
                None => Q::Other(v),
            },
            _ => Q::Other(v),
        }
    }

    /// `normalize_call/2`.
    fn call<'a>(&self, form: &'a Value, meta: Meta, args: &'a [Value], p: Option<i64>) -> Q<'a> {
        let mut meta = patched(meta, p);
        let name = atom_of(form);
        let arity = args.len();
        if !meta.no_parens
            && !meta.closing
            && !meta.do_end
            && !name.is_some_and(|n| ops::local_without_parens(n, arity))
        {
            meta.closing = true;
        }
        let operator = name.is_some_and(|n| ops::is_operator(n, arity));
        let allow_keyword = match name {
            Some("when") => arity == 2,
            Some("{}") => false,
            Some(_) => !operator,
            None => true,
        };
        let target = match name {
            Some(_) => None,
            None => Some(self.node(form, meta.line)),
        };
        let last = args.last();
        // `normalize_kw_blocks/4` comes first, operators included (`a = [do: 1]` prints
        // as `a = :do => 1` in Elixir 1.14).
        let do_blocks = match last.and_then(proper_list) {
                Some([Value::Tuple(kv), ..]) if kv.len() == 2 => {
                    is_atom(&kv[0], "do")
                        || three(&kv[0]).is_some_and(|(b, _, a)| {
                            is_atom(b, "__block__")
                                && matches!(proper_list(a), Some([d]) if is_atom(d, "do"))
                        })
                }
                _ => false,
            }
            && (meta.do_end
                || last.and_then(proper_list).is_some_and(|items| {
                    items.iter().all(
                        |i| matches!(i, Value::Tuple(kv) if kv.len() == 2 && matches!(kv[0], Value::Atom(_))),
                    )
                }));
        let mut out: Vec<Q<'a>>;
        let mut lines: Vec<Option<i64>>;
        if do_blocks {
            meta.do_end = true;
            // `normalize_kw_blocks/4`: the arguments before the blocks take the call's line.
            let line = meta.line;
            let (init, last) = args.split_at(args.len() - 1);
            out = init.iter().map(|a| self.node(a, line)).collect();
            lines = out.iter().map(|q| q.meta().and_then(|m| m.line)).collect();
            let blocks = proper_list(&last[0])
                .unwrap_or(&[])
                .iter()
                .map(|item| match item {
                    Value::Tuple(kv) if kv.len() == 2 => {
                        let key = match &kv[0] {
                            Value::Atom(a) => Q::Atom(patched(Meta::default(), line), a),
                            other => self.node(other, line),
                        };
                        Q::Pair(Box::new(key), Box::new(self.node(&kv[1], line)))
                    }
                    other => self.node(other, line),
                })
                .collect();
            out.push(Q::Bare(blocks));
        } else {
            out = args.iter().map(|a| self.node(a, p)).collect();
            lines = out.iter().map(|q| q.meta().and_then(|m| m.line)).collect();
            // A keyword list last is the call's keyword arguments.
            if allow_keyword {
                if let Some(Q::List(_, items)) = out.last() {
                    if matches!(items.first(), Some(Q::Pair(k, _)) if matches!(**k, Q::Atom(ref m, _) if m.keyword))
                    {
                        // Keyword arguments count with the line of their single pair, when
                        // at most one argument before them has a line.
                        let before = lines[..lines.len() - 1].iter().flatten().count();
                        if items.len() > 1 || before > 1 {
                            if let Some(l) = lines.last_mut() {
                                *l = None;
                            }
                        }
                        if let Some(Q::List(_, items)) = out.pop() {
                            out.push(Q::Bare(items));
                        }
                    }
                }
            }
        }
        // Arguments each on a line of its own (in the source, or taken from the enclosing
        // block) stay one per line.
        let access = matches!(&target, Some(Q::Call(_, ".", d)) if matches!(d.as_slice(), [Q::RawAtom("Elixir.Access"), Q::RawAtom("get")]));
        if !operator && !access && !matches!(name, Some("fn" | "__block__" | "{}")) {
            let distinct = |lines: &[Option<i64>]| {
                let mut known: Vec<i64> = lines.iter().flatten().copied().collect();
                let count = known.len();
                known.sort_unstable();
                known.dedup();
                count >= 2 && known.len() == count
            };
            if distinct(&lines) {
                meta.newlines = meta.newlines.max(1);
            }
            // The arguments before keyword arguments: on lines of their own themselves.
            if matches!(out.last(), Some(Q::Bare(_))) && !do_blocks {
                meta.left_newlines = distinct(&lines[..lines.len() - 1]);
            }
        }
        match (name, target) {
            (Some(n), _) => Q::Call(meta, n, out),
            (None, Some(t)) => Q::CallExpr(meta, Box::new(t), out),
            (None, None) => unreachable!("a call has a name or a target"),
        }
    }
}

/// `[{:<<>>, _, parts}, modifiers]`: the arguments of a sigil.
fn sigil_shaped(args: &[Value]) -> bool {
    match args {
        [string, _] => {
            matches!(three(string), Some((s, _, parts)) if is_atom(s, "<<>>") && proper_list(parts).is_some())
        }
        _ => false,
    }
}

fn is_atom_value(v: &Value) -> bool {
    matches!(v, Value::Atom(_))
}

/// A `->` clause.
fn is_clause(v: &Value) -> bool {
    matches!(three(v), Some((f, _, Value::List(a, None))) if is_atom(f, "->") && a.len() == 2)
}

/// Whether the `{:__block__, meta, [x]}` wrapper holds a call or a variable (a block of
/// one expression) rather than a literal.
fn is_call_like(v: &Value) -> bool {
    match v {
        Value::Tuple(t) => t.len() != 2,
        _ => false,
    }
}

fn charlist_chars(items: &[Value]) -> Option<String> {
    items
        .iter()
        .map(|c| match c {
            Value::Int(c) if *c >= 0 => char::from_u32(*c as u32),
            _ => None,
        })
        .collect()
}
