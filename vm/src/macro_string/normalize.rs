//! `Code.Normalizer` of Elixir 1.14: quoted code as `Macro.to_string/1` receives it, turned
//! into the shape the formatter expects ([`Q`]): literals wrapped with their metadata
//! (number tokens, string and charlist delimiters, keyword keys marked), keyword lists and
//! map pairs told apart from tuples, `do:` keyword arguments turned into do-end blocks, and
//! calls marked with parentheses unless they may go without.

use crate::float_fmt::float_inspect;
use crate::inspect::{classify, AtomClass};
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

/// A keyword key the formatter writes as `key:`: an atom that is not an alias.
fn keyword_key_atom(v: &Value) -> bool {
    matches!(v, Value::Atom(a) if classify(a) != AtomClass::Alias)
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
    Normalizer.node(v)
}

struct Normalizer;

impl Normalizer {
    fn node<'a>(&self, v: &'a Value) -> Q<'a> {
        let Some((form, meta, third)) = three(v) else {
            return self.literal(v, Meta::default());
        };
        if let Value::Atom(ctx) = third {
            // A variable.
            let _ = ctx;
            return match form {
                Value::Atom(name) => Q::Var(meta, name),
                _ => Q::Other(v),
            };
        }
        let Some(args) = proper_list(third) else {
            return Q::Other(v);
        };
        match (form, args) {
            // Wrapped literals keep the block's metadata.
            (Value::Atom(f), [lit]) if f == "__block__" && !is_call_like(lit) => {
                self.literal(lit, meta)
            }
            (Value::Atom(f), _) if f == "__aliases__" => {
                let parts = args
                    .iter()
                    .map(|a| match a {
                        Value::Atom(s) => Q::RawAtom(s),
                        other => self.node(other),
                    })
                    .collect();
                Q::Call(meta, "__aliases__", parts)
            }
            (Value::Atom(f), [Value::Int(_)]) if f == "&" => {
                Q::Call(meta, "&", vec![self.literal(&args[0], Meta::default())])
            }
            (Value::Atom(f), _) if f == "<<>>" => self.bitstring(meta, args),
            (Value::Atom(f), [left, right]) if f == "." => {
                let right = match right {
                    Value::Atom(s) => Q::RawAtom(s),
                    other => self.node(other),
                };
                let left = match left {
                    Value::Atom(s) if s == "Elixir.Access" => Q::RawAtom(s),
                    other => self.node(other),
                };
                Q::Call(meta, ".", vec![left, right])
            }
            (Value::Atom(f), [left, right]) if f == "->" => {
                let left = match proper_list(left) {
                    Some(items) => Q::Bare(items.iter().map(|a| self.node(a)).collect()),
                    None => self.node(left),
                };
                Q::Call(meta, "->", vec![left, self.node(right)])
            }
            (Value::Atom(f), [string, modifiers]) if f.starts_with("sigil_") && f.len() == 7 => {
                match (three(string), modifiers) {
                    (Some((s, smeta, sparts)), Value::List(mods, None))
                        if is_atom(s, "<<>>") && proper_list(sparts).is_some() =>
                    {
                        let mut meta = meta;
                        if meta.delimiter.is_none() {
                            meta.delimiter = Some("\"".to_string());
                        }
                        let parts = self.parts(proper_list(sparts).unwrap_or(&[]));
                        let _ = mods;
                        Q::Call(meta, f, vec![Q::Interp(smeta, parts), Q::Other(modifiers)])
                    }
                    _ => self.call(v, form, meta, args),
                }
            }
            (Value::Atom(f), _) if f == "{}" => {
                if args.len() >= 2 && keyword_list(&args[args.len() - 1]) {
                    let (init, last) = args.split_at(args.len() - 1);
                    let mut elems: Vec<Q> = init.iter().map(|a| self.node(a)).collect();
                    elems.extend(self.keyword_pairs(proper_list(&last[0]).unwrap_or(&[]), true));
                    Q::Tuple(meta, elems)
                } else {
                    Q::Tuple(meta, args.iter().map(|a| self.node(a)).collect())
                }
            }
            (Value::Atom(f), _) if f == "%{}" => Q::Call(meta, "%{}", self.map_args(args)),
            (Value::Atom(f), [attr]) if f == "@" => match three(attr) {
                Some((Value::Atom(name), name_meta, Value::List(value, None)))
                    if value.len() == 1 =>
                {
                    let value = &value[0];
                    let value = if keyword_list(value) {
                        Q::Bare(self.keyword_pairs(proper_list(value).unwrap_or(&[]), true))
                    } else if proper_list(value).is_some() {
                        self.literal(value, Meta::default())
                    } else {
                        self.node(value)
                    };
                    Q::Call(meta, "@", vec![Q::Call(name_meta, name, vec![value])])
                }
                _ => Q::Call(meta, "@", vec![self.node(attr)]),
            },
            (Value::Atom(f), _) if f == "__block__" => Q::Call(
                meta,
                "__block__",
                args.iter().map(|a| self.node(a)).collect(),
            ),
            _ => {
                // Interpolated atoms and charlists.
                if let Some((dot, dmeta, dargs)) = three(form) {
                    if is_atom(dot, ".") {
                        if let Some([m, f]) = proper_list(dargs) {
                            if is_atom(m, "erlang") && is_atom(f, "binary_to_atom") {
                                if let [string, enc] = args {
                                    if let Some((s, smeta, sparts)) = three(string) {
                                        if is_atom(s, "<<>>") && is_atom(enc, "utf8") {
                                            if let Some(parts) = proper_list(sparts) {
                                                if interpolated(parts) {
                                                    let _ = smeta;
                                                    return Q::InterpAtom(meta, self.parts(parts));
                                                }
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
                                            .map(|p| match p {
                                                Value::Binary(b) => Part::Text(b),
                                                other => {
                                                    let (_, e) = to_string_call(other)
                                                        .expect("checked by list_interpolated");
                                                    Part::Expr(Box::new(self.node(e)))
                                                }
                                            })
                                            .collect();
                                        let _ = dmeta;
                                        return Q::InterpCharlist(meta, parts);
                                    }
                                }
                            }
                        }
                    }
                }
                self.call(v, form, meta, args)
            }
        }
    }

    fn parts<'a>(&self, parts: &'a [Value]) -> Vec<Part<'a>> {
        parts
            .iter()
            .map(|p| match p {
                Value::Binary(b) => Part::Text(b),
                other => match interpolation(other) {
                    Some((_, e)) => Part::Expr(Box::new(self.node(e))),
                    None => Part::Expr(Box::new(self.node(other))),
                },
            })
            .collect()
    }

    fn bitstring<'a>(&self, meta: Meta, args: &'a [Value]) -> Q<'a> {
        if !args.is_empty() && interpolated(args) {
            return Q::Interp(meta, self.parts(args));
        }
        Q::Call(meta, "<<>>", args.iter().map(|a| self.node(a)).collect())
    }

    /// The arguments of `%{}`: pairs stay bare (keyword pairs at the end marked as such),
    /// `left | pairs` keeps its pairs bare.
    fn map_args<'a>(&self, args: &'a [Value]) -> Vec<Q<'a>> {
        if let [update] = args {
            if let Some((Value::Atom(bar), bmeta, Value::List(lr, None))) = three(update) {
                if bar == "|" && lr.len() == 2 {
                    let right = match proper_list(&lr[1]) {
                        Some(items) => Q::Bare(self.map_pairs(items)),
                        None => self.node(&lr[1]),
                    };
                    return vec![Q::Call(bmeta, "|", vec![self.node(&lr[0]), right])];
                }
            }
        }
        self.map_pairs(args)
    }

    fn map_pairs<'a>(&self, items: &'a [Value]) -> Vec<Q<'a>> {
        let kw = keyword_suffixes(items);
        items
            .iter()
            .zip(kw)
            .map(|(item, kw)| match item {
                Value::Tuple(kv) if kv.len() == 2 => {
                    let key = if kw {
                        self.keyword_key(&kv[0])
                    } else {
                        self.node(&kv[0])
                    };
                    Q::Pair(Box::new(key), Box::new(self.node(&kv[1])))
                }
                other => self.node(other),
            })
            .collect()
    }

    fn keyword_key<'a>(&self, k: &'a Value) -> Q<'a> {
        match k {
            Value::Atom(a) => Q::Atom(
                Meta {
                    keyword: true,
                    ..Meta::default()
                },
                a,
            ),
            other => self.node(other),
        }
    }

    /// `normalize_kw_args/3`: the pairs of a keyword list, or of a list ending in one.
    fn keyword_pairs<'a>(&self, items: &'a [Value], force: bool) -> Vec<Q<'a>> {
        let kw = keyword_suffixes(items);
        items
            .iter()
            .zip(kw)
            .map(|(item, kw)| match item {
                Value::Tuple(kv) if kv.len() == 2 && (kw || (force && is_atom_value(&kv[0]))) => {
                    Q::Pair(
                        Box::new(self.keyword_key(&kv[0])),
                        Box::new(self.node(&kv[1])),
                    )
                }
                other => self.node(other),
            })
            .collect()
    }

    fn literal<'a>(&self, v: &'a Value, meta: Meta) -> Q<'a> {
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
                let mut elems = vec![self.node(&t[0])];
                if keyword_list(&t[1]) {
                    elems.extend(self.keyword_pairs(proper_list(&t[1]).unwrap_or(&[]), true));
                } else {
                    elems.push(self.node(&t[1]));
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
                } else if meta.delimiter.as_deref() == Some("'") && charlist_chars(items).is_some()
                {
                    Q::Charlist(meta, charlist_chars(items).unwrap_or_default())
                } else if matches!(items.first(), Some(first) if is_clause(first)) {
                    Q::Bare(items.iter().map(|a| self.node(a)).collect())
                } else {
                    Q::List(meta, self.keyword_pairs(items, false))
                }
            }
            Value::Tuple(_) => match three(v) {
                // A wrapped call (`{:__block__, meta, [call]}` with one argument).
                Some(_) => self.node(v),
                None => Q::Other(v),
            },
            _ => Q::Other(v),
        }
    }

    /// `normalize_call/2`.
    fn call<'a>(&self, v: &'a Value, form: &'a Value, meta: Meta, args: &'a [Value]) -> Q<'a> {
        let _ = v;
        let mut meta = meta;
        let name = atom_of(form);
        let arity = args.len();
        if !meta.no_parens
            && !meta.closing
            && !meta.do_end
            && !name.is_some_and(|n| ops::local_without_parens(n, arity))
        {
            meta.closing = true;
        }
        // Arguments each on a line of its own keep it so.
        let lines: Vec<i64> = args
            .iter()
            .filter_map(|a| three(a).and_then(|(_, m, _)| m.line))
            .collect();
        if lines.len() >= 2 {
            let mut sorted = lines.clone();
            sorted.sort_unstable();
            sorted.dedup();
            if sorted.len() == lines.len() {
                meta.newlines = meta.newlines.max(1);
            }
        }
        let allow_keyword = match name {
            Some("when") => arity == 2,
            Some(n) => !(ops::is_operator(n, arity)),
            None => true,
        };
        let target = match name {
            Some(_) => None,
            None => Some(self.node(form)),
        };
        let last = args.last();
        let do_blocks = allow_keyword
            && match last.and_then(proper_list) {
                Some([first, ..]) => match first {
                    Value::Tuple(kv) if kv.len() == 2 => {
                        is_atom(&kv[0], "do")
                            || three(&kv[0]).is_some_and(|(b, _, a)| {
                                is_atom(b, "__block__")
                                    && matches!(proper_list(a), Some([d]) if is_atom(d, "do"))
                            })
                    }
                    _ => false,
                },
                _ => false,
            }
            && (meta.do_end
                || last.is_some_and(|l| {
                    proper_list(l).is_some_and(|items| {
                        items.iter().all(|i| matches!(i, Value::Tuple(kv) if kv.len() == 2 && matches!(kv[0], Value::Atom(_))))
                    })
                }));
        let mut out: Vec<Q<'a>>;
        if do_blocks {
            meta.do_end = true;
            let (init, last) = args.split_at(args.len() - 1);
            out = init.iter().map(|a| self.node(a)).collect();
            let blocks = proper_list(&last[0])
                .unwrap_or(&[])
                .iter()
                .map(|item| match item {
                    Value::Tuple(kv) if kv.len() == 2 => {
                        let key = match &kv[0] {
                            Value::Atom(a) => Q::Atom(Meta::default(), a),
                            other => self.node(other),
                        };
                        Q::Pair(Box::new(key), Box::new(self.node(&kv[1])))
                    }
                    other => self.node(other),
                })
                .collect();
            out.push(Q::Bare(blocks));
        } else {
            out = args.iter().map(|a| self.node(a)).collect();
            // A keyword list last is the call's keyword arguments.
            if allow_keyword {
                if let Some(Q::List(_, items)) = out.last() {
                    if matches!(items.first(), Some(Q::Pair(k, _)) if matches!(**k, Q::Atom(ref m, _) if m.keyword))
                    {
                        if let Some(Q::List(_, items)) = out.pop() {
                            out.push(Q::Bare(items));
                        }
                    }
                }
            }
        }
        match (name, target) {
            (Some(n), _) => Q::Call(meta, n, out),
            (None, Some(t)) => Q::CallExpr(meta, Box::new(t), out),
            (None, None) => unreachable!(),
        }
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
