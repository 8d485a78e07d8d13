//! Elixir's quoted form: the tree macros see, as ordinary terms.
//!
//! [`from_ast`] turns the parser's tree into exactly what
//! `Code.string_to_quoted/1` gives in Elixir 1.14: calls are
//! `{name, meta, args}`, remote calls `{{:., meta, [mod, name]}, meta, args}`,
//! variables `{name, meta, context}` (context `nil` for parsed code), literals
//! quote to themselves (atoms, numbers, binaries, lists, 2-tuples), and
//! `meta` is `[line: n]`. The expander (`expand/`) works on this form, and
//! `lower.rs` turns its output back into the code generator's tree.
//!
//! The helpers below build and take apart quoted nodes; quoted trees are
//! [`Value`]s, so they cross into the VM (macro arguments and results) by a
//! plain conversion.

use std::cell::Cell;

use crate::ast::{BinOp, Body, CallTarget, Clause, Expr, ExprKind, InterpPart, Span, UnaryOp};
use beamlet_vm::static_atom;
use beamlet_vm::value::{Atom, Value};
use num_traits::ToPrimitive;

/// Maps byte offsets of one source text to 1-based line numbers.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        // (memchr: `match_indices` took 0.66M instructions for a 3,000-line file.)
        starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i as u32 + 1));
        LineIndex { starts }
    }

    /// The index of `source`, shared: the last one built is kept (with a
    /// copy of its text, compared in full, so a different text never gets
    /// it). A file's module close lowers and compiles each unit from the
    /// same text: one index for all instead of two per module.
    pub fn shared(source: &str) -> std::sync::Arc<LineIndex> {
        type Last = std::sync::Mutex<Option<(Box<str>, std::sync::Arc<LineIndex>)>>;
        static LAST: Last = std::sync::Mutex::new(None);
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((text, index)) = &*last {
            if **text == *source {
                return index.clone();
            }
        }
        let index = std::sync::Arc::new(LineIndex::new(source));
        *last = Some((source.into(), index.clone()));
        index
    }

    /// The line holding byte `offset` (1-based).
    pub fn line(&self, offset: u32) -> u32 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The byte offset where `line` starts (clamped to the last line).
    pub fn start_of(&self, line: u32) -> u32 {
        let i = (line.max(1) as usize - 1).min(self.starts.len() - 1);
        self.starts[i]
    }

    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The text of `line` of `src` without its newline (the index knows
    /// where the next line starts: no search for the newline).
    pub fn line_text<'s>(&self, src: &'s str, line: u32) -> &'s str {
        let start = self.start_of(line) as usize;
        let end = self
            .starts
            .get(line as usize)
            .map_or(src.len(), |&next| next as usize - 1);
        src.get(start..end.max(start)).unwrap_or("")
    }

    /// The span of the word at `line`:`column` of `src` (1-based; column 0:
    /// the line's first non-blank character), for a diagnostic's caret.
    pub fn span_at(&self, src: &str, line: u32, column: u32) -> Span {
        if line == 0 || line as usize > self.lines() {
            return Span::default();
        }
        let start = self.start_of(line) as usize;
        let text = self.line_text(src, line);
        let at = if column > 0 {
            text.char_indices()
                .nth(column as usize - 1)
                .map_or(text.len(), |(i, _)| i)
        } else {
            text.len() - text.trim_start().len()
        };
        let rest = &text[at..];
        let first = rest.chars().next().map_or(1, |c| c.len_utf8());
        let word = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '?' | '!')))
            .map_or(rest.len(), |(i, _)| i)
            .max(first);
        Span::new(start + at, start + at + word)
    }
}

// ---- building quoted nodes ----

pub fn atom(s: &str) -> Value {
    Value::Atom(s.into())
}

pub fn nil() -> Value {
    Value::Atom(Atom::from_term(beamlet_vm::atom::NIL))
}

pub fn boolean(b: bool) -> Value {
    Value::Atom(Atom::from_term(if b {
        beamlet_vm::atom::TRUE
    } else {
        beamlet_vm::atom::FALSE
    }))
}

pub fn int(i: i64) -> Value {
    Value::Int(i)
}

pub fn string(s: &str) -> Value {
    Value::Binary(s.as_bytes().to_vec())
}

pub fn list(items: Vec<Value>) -> Value {
    Value::List(items, None)
}

pub fn tuple(items: Vec<Value>) -> Value {
    Value::Tuple(items)
}

pub fn pair(a: Value, b: Value) -> Value {
    Value::Tuple(vec![a, b])
}

/// `[line: n]`, or `[]` for line 0 (no line known).
pub fn line_meta(line: u32) -> Value {
    if line == 0 {
        list(vec![])
    } else {
        list(vec![pair(
            Value::Atom(static_atom!("line")),
            int(line as i64),
        )])
    }
}

/// `{name, meta, args}`.
pub fn call(name: &str, meta: Value, args: Vec<Value>) -> Value {
    tuple(vec![atom(name), meta, list(args)])
}

/// `{{:., meta, [module, name]}, meta, args}`.
pub fn remote(module: Value, name: &str, meta: Value, args: Vec<Value>) -> Value {
    tuple(vec![
        tuple(vec![
            atom("."),
            meta.clone(),
            list(vec![module, atom(name)]),
        ]),
        meta,
        list(args),
    ])
}

/// A variable `{name, meta, context}`.
pub fn var(name: &str, meta: Value, context: Value) -> Value {
    tuple(vec![atom(name), meta, context])
}

/// `{:__block__, [], exprs}`, or the one expression itself.
pub fn block(mut exprs: Vec<Value>) -> Value {
    if exprs.len() == 1 {
        return exprs.pop().unwrap_or_else(nil);
    }
    call("__block__", list(vec![]), exprs)
}

/// A keyword list `[k: v, ...]`.
pub fn keyword(pairs: Vec<(&str, Value)>) -> Value {
    list(pairs.into_iter().map(|(k, v)| pair(atom(k), v)).collect())
}

// ---- taking quoted nodes apart ----

/// The atom's name, if `v` is an atom.
pub fn as_atom(v: &Value) -> Option<&str> {
    match v {
        Value::Atom(a) => Some(a),
        _ => None,
    }
}

/// A 3-tuple's parts: `(head, meta, args_or_context)`.
pub fn as_node(v: &Value) -> Option<(&Value, &Value, &Value)> {
    match v {
        Value::Tuple(t) if t.len() == 3 => Some((&t[0], &t[1], &t[2])),
        _ => None,
    }
}

/// `{name, meta, args}` with an atom name and a proper list of arguments.
pub fn as_call(v: &Value) -> Option<(&str, &Value, &[Value])> {
    match as_node(v)? {
        (Value::Atom(n), meta, Value::List(args, None)) => Some((n, meta, args)),
        _ => None,
    }
}

/// `{name, meta, context}` with an atom name and an atom context: a variable.
pub fn as_var(v: &Value) -> Option<(&str, &Value, &str)> {
    match as_node(v)? {
        (Value::Atom(n), meta, Value::Atom(ctx)) => Some((n, meta, ctx)),
        _ => None,
    }
}

/// The elements of a proper list.
pub fn as_list(v: &Value) -> Option<&[Value]> {
    match v {
        Value::List(items, None) => Some(items),
        _ => None,
    }
}

/// `[k: v, ...]` with atom keys: the pairs.
pub fn as_keyword(v: &Value) -> Option<Vec<(&str, &Value)>> {
    let items = as_list(v)?;
    items
        .iter()
        .map(|i| match i {
            Value::Tuple(p) if p.len() == 2 => Some((as_atom(&p[0])?, &p[1])),
            _ => None,
        })
        .collect()
}

/// The value under `key` in a keyword list.
/// [`keyword_get`] with the key as an atom (compared by index, not by name).
pub fn keyword_get_atom(v: &Value, key: Atom) -> Option<&Value> {
    match v {
        Value::List(items, None) => items.iter().find_map(|i| match i {
            Value::Tuple(p) if p.len() == 2 && matches!(&p[0], Value::Atom(a) if *a == key) => {
                Some(&p[1])
            }
            _ => None,
        }),
        _ => None,
    }
}

pub fn keyword_get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    as_list(v)?.iter().find_map(|i| match i {
        Value::Tuple(p) if p.len() == 2 && as_atom(&p[0]) == Some(key) => Some(&p[1]),
        _ => None,
    })
}

/// [`keyword_get`] of an owned keyword list: the value moved out.
pub fn keyword_take(v: Value, key: &str) -> Option<Value> {
    match v {
        Value::List(items, None) => items.into_iter().find_map(|i| match i {
            Value::Tuple(mut p) if p.len() == 2 && as_atom(&p[0]) == Some(key) => p.pop(),
            _ => None,
        }),
        _ => None,
    }
}

/// The `line:` of a node's meta (0 when absent).
pub fn meta_line(meta: &Value) -> u32 {
    match keyword_get_atom(meta, static_atom!("line")) {
        Some(Value::Int(n)) => *n as u32,
        // `quote location: :keep` code: `keep: {file, line}`.
        _ => match keyword_get_atom(meta, static_atom!("keep")) {
            Some(Value::Tuple(t)) if t.len() == 2 => match t[1] {
                Value::Int(n) => n as u32,
                _ => 0,
            },
            _ => 0,
        },
    }
}

/// The `column:` of a node's meta (0 when absent).
pub fn meta_column(meta: &Value) -> u32 {
    match keyword_get_atom(meta, static_atom!("column")) {
        Some(Value::Int(n)) => *n as u32,
        _ => 0,
    }
}

/// The line of any quoted node: its meta's `line:`, 0 for literals.
pub fn line_of(v: &Value) -> u32 {
    match as_node(v) {
        Some((head, meta, _)) => {
            let l = meta_line(meta);
            if l == 0 {
                if let Some((Value::Atom(d), m, _)) = as_node(head) {
                    if d == "." {
                        return meta_line(m);
                    }
                }
            }
            l
        }
        None => 0,
    }
}

/// `meta` with `key: value` set (replacing an existing entry).
pub fn meta_put(meta: &Value, key: &str, value: Value) -> Value {
    let mut items: Vec<Value> = as_list(meta).map(|l| l.to_vec()).unwrap_or_default();
    let entry = pair(atom(key), value);
    match items.iter().position(|i| match i {
        Value::Tuple(p) if p.len() == 2 => as_atom(&p[0]) == Some(key),
        _ => false,
    }) {
        Some(i) => items[i] = entry,
        None => items.insert(0, entry),
    }
    list(items)
}

/// `meta` without `key`.
pub fn meta_delete(meta: &Value, key: &str) -> Value {
    let items: Vec<Value> = as_list(meta)
        .map(|l| {
            l.iter()
                .filter(|i| match i {
                    Value::Tuple(p) if p.len() == 2 => as_atom(&p[0]) != Some(key),
                    _ => true,
                })
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    list(items)
}

/// `v` escaped as [`escape`] does, except that, while `keep`, an
/// `unquote(x)` node stays as it is (not inside a `quote`, whose unquotes
/// are its own): what ExUnit's assertions make of their code.
pub fn escape_keep_unquote(v: &Value, keep: bool) -> Value {
    match v {
        Value::List(items, None) => {
            list(items.iter().map(|i| escape_keep_unquote(i, keep)).collect())
        }
        Value::Tuple(t) if t.len() == 2 => tuple(vec![
            escape_keep_unquote(&t[0], keep),
            escape_keep_unquote(&t[1], keep),
        ]),
        Value::Tuple(t) if t.len() == 3 => {
            if let Value::Atom(n) = &t[0] {
                if keep && n == "unquote" && matches!(&t[2], Value::List(a, None) if a.len() == 1) {
                    return v.clone();
                }
            }
            let keep = keep && !matches!(&t[0], Value::Atom(n) if n == "quote");
            call(
                "{}",
                list(vec![]),
                t.iter().map(|e| escape_keep_unquote(e, keep)).collect(),
            )
        }
        other => escape(other),
    }
}

/// `v` with the metadata of each node cut to `line:` and `no_parens:` (an
/// `unquote(x)` node left whole): what ExUnit's assertions keep of their
/// code (as `Macro.escape(expr, prune_metadata: true)` would).
pub fn prune_metadata(v: &Value) -> Value {
    match v {
        Value::Tuple(t) if t.len() == 3 => {
            if let (Value::Atom(n), Value::List(a, None)) = (&t[0], &t[2]) {
                if n == "unquote" && a.len() == 1 {
                    return v.clone();
                }
            }
            let Value::List(meta, None) = &t[1] else {
                return v.clone();
            };
            let kept = meta
                .iter()
                .filter(|p| matches!(p, Value::Tuple(kv) if kv.len() == 2 && matches!(&kv[0], Value::Atom(k) if k == "line" || k == "no_parens")))
                .cloned()
                .collect();
            tuple(vec![
                prune_metadata(&t[0]),
                list(kept),
                prune_metadata(&t[2]),
            ])
        }
        Value::Tuple(t) if t.len() == 2 => {
            tuple(vec![prune_metadata(&t[0]), prune_metadata(&t[1])])
        }
        Value::List(items, tail) => Value::List(
            items.iter().map(prune_metadata).collect(),
            tail.as_ref().map(|t| Box::new(prune_metadata(t))),
        ),
        other => other.clone(),
    }
}

/// Whether the code `v` only builds constant data: literals, proper lists
/// and 2-tuples of such, and `{:{}, meta, args}` tuples of such (what
/// `Macro.escape/1` makes of a term, as ExUnit's assertions do of their
/// code). Expanding such code changes nothing, and it lowers to one literal.
pub fn is_constant_data(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Atom(_) | Value::Binary(_) => {
            true
        }
        Value::List(items, None) => items.iter().all(is_constant_data),
        Value::Tuple(t) if t.len() == 2 => is_constant_data(&t[0]) && is_constant_data(&t[1]),
        Value::Tuple(t) if t.len() == 3 => match (&t[0], &t[1], &t[2]) {
            (Value::Atom(n), Value::List(_, None), Value::List(args, None)) if n == "{}" => {
                args.iter().all(is_constant_data)
            }
            _ => false,
        },
        _ => false,
    }
}

/// The value of an [`ExprKind::Data`] term (plain data: no funs to name).
pub fn data_value(t: beamlet_vm::term::Term) -> Value {
    beamlet_vm::convert::to_value(&beamlet_vm::code::CodeTable::default(), t)
}

/// The data constant code builds (see [`is_constant_data`]), if it is
/// constant.
pub fn constant_data(v: &Value) -> Option<Value> {
    Some(match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Atom(_) | Value::Binary(_) => {
            v.clone()
        }
        Value::List(items, None) => Value::List(
            items.iter().map(constant_data).collect::<Option<_>>()?,
            None,
        ),
        Value::Tuple(t) if t.len() == 2 => {
            Value::Tuple(vec![constant_data(&t[0])?, constant_data(&t[1])?])
        }
        Value::Tuple(t) if t.len() == 3 => match (&t[0], &t[1], &t[2]) {
            (Value::Atom(n), Value::List(_, None), Value::List(args, None)) if n == "{}" => {
                Value::Tuple(args.iter().map(constant_data).collect::<Option<_>>()?)
            }
            _ => return None,
        },
        _ => return None,
    })
}

/// `Macro.escape/1`: quoted code that evaluates to `v`. Atoms, numbers,
/// binaries, lists and 2-tuples are their own code; other tuples become
/// `{:{}, [], elems}`, maps (structs too) `{:%{}, [], pairs}`.
pub fn escape(v: &Value) -> Value {
    match v {
        Value::List(items, tail) => {
            let mut out: Vec<Value> = items.iter().map(escape).collect();
            if let Some(t) = tail {
                let last = out.pop().unwrap_or_else(|| list(vec![]));
                out.push(call("|", list(vec![]), vec![last, escape(t)]));
            }
            list(out)
        }
        Value::Tuple(items) if items.len() == 2 => tuple(items.iter().map(escape).collect()),
        Value::Tuple(items) => call("{}", list(vec![]), items.iter().map(escape).collect()),
        Value::Map(pairs) => call(
            "%{}",
            list(vec![]),
            pairs
                .iter()
                .map(|(k, v)| pair(escape(k), escape(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

// ---- from the parser's tree ----

/// The quoted form of a parsed expression, with lines from `lines`.
pub fn from_ast(e: &Expr, lines: &LineIndex) -> Value {
    Conv {
        lines,
        source: None,
        cache: Default::default(),
    }
    .expr(e)
}

/// As [`from_program`], with `column:` in every node's meta too (as
/// `Code.string_to_quoted(s, columns: true)` gives): what the compiler
/// parses files with, so diagnostics can point at a column.
pub fn from_program_with_columns(exprs: &[Expr], lines: &LineIndex, source: &str) -> Value {
    let c = Conv {
        lines,
        source: Some(source),
        cache: Default::default(),
    };
    if exprs.is_empty() && lines.lines() > 1 {
        return call("__block__", line_meta(1), vec![]);
    }
    build_block(exprs.iter().map(|e| c.expr(e)).collect())
}

/// The quoted form of a whole file: one expression, or a `__block__`.
pub fn from_program(exprs: &[Expr], lines: &LineIndex) -> Value {
    let c = Conv {
        lines,
        source: None,
        cache: Default::default(),
    };
    if exprs.is_empty() && lines.lines() > 1 {
        // Nothing but newlines (and comments): Elixir's `grammar -> eoe`
        // gives the block the line of the first, which ends line 1.
        return call("__block__", line_meta(1), vec![]);
    }
    build_block(exprs.iter().map(|e| c.expr(e)).collect())
}

/// Elixir's `build_block`: the expressions of a file, a do-block or a
/// clause body as one. A lone `not x`, `!x` or `unquote_splicing(x)` stays
/// in a `__block__`, so that it is not taken for an operand.
pub fn build_block(mut exprs: Vec<Value>) -> Value {
    if exprs.len() == 1 && !keeps_block(&exprs[0]) {
        return exprs.pop().unwrap_or_else(nil);
    }
    call("__block__", list(vec![]), exprs)
}

/// `{:not, _, [_]}`, `{:!, _, [_]}` or `{:unquote_splicing, _, [_]}`.
fn keeps_block(v: &Value) -> bool {
    matches!(as_call(v), Some(("not" | "!" | "unquote_splicing", _, [_])))
}

struct Conv<'a> {
    lines: &'a LineIndex,
    /// With columns: the source text (columns count characters).
    source: Option<&'a str>,
    /// The line (and column) found last: nodes come mostly in source
    /// order, so most lookups stay on it.
    cache: Cell<LineCache>,
}

/// The line holding the offsets `start..next` and the column of `at` on it.
#[derive(Clone, Copy, Default)]
struct LineCache {
    start: u32,
    next: u32,
    line: u32,
    at: u32,
    col: u32,
}

impl Conv<'_> {
    /// The line holding byte `at` (as [`LineIndex::line`]).
    fn line(&self, at: u32) -> u32 {
        let c = self.cache.get();
        if c.line > 0 && (c.start..c.next).contains(&at) {
            return c.line;
        }
        let line = self.lines.line(at);
        let start = self.lines.start_of(line);
        let next = if (line as usize) < self.lines.lines() {
            self.lines.start_of(line + 1)
        } else {
            u32::MAX
        };
        self.cache.set(LineCache {
            start,
            next,
            line,
            at: start,
            col: 1,
        });
        line
    }

    /// `[line: n]` for the node: the line of `quoting.at` (and its column,
    /// with columns).
    fn meta(&self, e: &Expr) -> Value {
        let line = self.line(e.quoting.at);
        match self.source {
            Some(src) => {
                let start = self.lines.start_of(line) as usize;
                let at = (e.quoting.at as usize).min(src.len()).max(start);
                let c = self.cache.get();
                let same_line = c.line == line && c.start as usize == start;
                // Counted on from the column found last on this line.
                let col = if same_line && c.at as usize <= at {
                    src.get(c.at as usize..at)
                        .map(|t| c.col as usize + t.chars().count())
                } else {
                    None
                }
                .or_else(|| src.get(start..at).map(|t| t.chars().count() + 1));
                if let (Some(col), true) = (col, same_line) {
                    self.cache.set(LineCache {
                        at: at as u32,
                        col: col as u32,
                        ..c
                    });
                }
                let col = col.unwrap_or(1);
                list(vec![
                    pair(Value::Atom(static_atom!("line")), int(line as i64)),
                    pair(Value::Atom(static_atom!("column")), int(col as i64)),
                ])
            }
            None => line_meta(line),
        }
    }

    /// `[line: n]` once for each parenthesis around `e` (Elixir adds the
    /// line again for each).
    fn parens_meta(&self, e: &Expr) -> Value {
        let one = pair(
            Value::Atom(static_atom!("line")),
            int(self.line(e.quoting.at) as i64),
        );
        list(vec![one; e.quoting.parens as usize])
    }

    fn exprs(&self, es: &[Expr]) -> Vec<Value> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    fn expr(&self, e: &Expr) -> Value {
        let v = self.bare(e);
        // `(not x)`: a parenthesized lone `not`/`!`/`unquote_splicing`
        // is a block with the line of its parenthesis.
        if e.quoting.parens > 0 && keeps_block(&v) {
            return call("__block__", self.parens_meta(e), vec![v]);
        }
        v
    }

    fn bare(&self, e: &Expr) -> Value {
        let m = || self.meta(e);
        match &e.kind {
            ExprKind::Int(i) => match i.to_i64() {
                Some(v) => Value::Int(v),
                None => Value::BigInt(i.clone()),
            },
            ExprKind::Float(f) => Value::Float(*f),
            ExprKind::Atom(a) => atom(a),
            ExprKind::Alias(a) => {
                let segs: Vec<Value> = a.split('.').map(atom).collect();
                call("__aliases__", m(), segs)
            }
            ExprKind::AliasOf(base, names) => {
                let mut segs = vec![self.expr(base)];
                segs.extend(names.iter().map(|n| atom(n)));
                call("__aliases__", m(), segs)
            }
            ExprKind::Str(s) => string(s),
            ExprKind::Interp(parts) => call("<<>>", m(), self.interp_parts(parts)),
            ExprKind::Charlist(parts) => {
                if parts.iter().all(|p| matches!(p, InterpPart::Lit(_))) {
                    let s: String = parts
                        .iter()
                        .map(|p| match p {
                            InterpPart::Lit(s) => s.as_str(),
                            InterpPart::Expr(_) => "",
                        })
                        .collect();
                    list(s.chars().map(|c| int(c as i64)).collect())
                } else {
                    let items = parts
                        .iter()
                        .map(|p| match p {
                            InterpPart::Lit(s) => string(s),
                            InterpPart::Expr(x) => remote(
                                atom("Elixir.Kernel"),
                                "to_string",
                                self.meta(x),
                                vec![build_block(vec![self.expr(x)])],
                            ),
                        })
                        .collect();
                    remote(atom("Elixir.List"), "to_charlist", m(), vec![list(items)])
                }
            }
            ExprKind::Sigil(c, parts, mods, delim) => {
                let body_meta = match e.quoting.indentation {
                    Some(n) => meta_put(&m(), "indentation", int(n as i64)),
                    None => m(),
                };
                let body = call("<<>>", body_meta, self.interp_parts(parts));
                let mods = list(mods.chars().map(|c| int(c as i64)).collect());
                let meta = meta_put(&m(), "delimiter", string(delim));
                call(&format!("sigil_{c}"), meta, vec![body, mods])
            }
            ExprKind::Var(n) => var(n, m(), nil()),
            ExprKind::List(items, tail) => {
                let mut out = self.exprs(items);
                if let Some(t) = tail {
                    let last = out.pop().unwrap_or_else(|| list(vec![]));
                    out.push(call("|", m(), vec![last, self.expr(t)]));
                }
                list(out)
            }
            ExprKind::Tuple(items) => {
                if items.len() == 2 {
                    tuple(self.exprs(items))
                } else {
                    call("{}", m(), self.exprs(items))
                }
            }
            ExprKind::Map { update, pairs } => call("%{}", m(), self.map_inner(update, pairs, e)),
            ExprKind::Struct {
                name,
                update,
                pairs,
            } => {
                let inner = call("%{}", m(), self.map_inner(update, pairs, e));
                call("%", m(), vec![self.expr(name), inner])
            }
            ExprKind::MapEntries {
                name,
                update,
                entries,
            } => {
                let items = self.exprs(entries);
                let inner = match update {
                    Some(u) => vec![call("|", m(), vec![self.expr(u), list(items)])],
                    None => items,
                };
                let map = call("%{}", m(), inner);
                match name {
                    Some(n) => call("%", m(), vec![self.expr(n), map]),
                    None => map,
                }
            }
            ExprKind::Bitstring(items) => call("<<>>", m(), self.exprs(items)),
            ExprKind::Unary(op, x) => {
                let name = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Plus => "+",
                    UnaryOp::Bang => "!",
                    UnaryOp::Not => "not",
                    UnaryOp::Pin => "^",
                    UnaryOp::Custom(s) => s,
                };
                call(name, m(), vec![self.expr(x)])
            }
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, m()),
            ExprKind::Call(c) => {
                let mut args = self.exprs(&c.args);
                if let Some(db) = &c.do_block {
                    let kw = db
                        .sections
                        .iter()
                        .map(|(k, _, b)| pair(atom(k), self.body(b)))
                        .collect();
                    args.push(list(kw));
                }
                match &c.target {
                    CallTarget::Local(n) => {
                        let meta = if e.quoting.ambiguous_op {
                            meta_put(&m(), "ambiguous_op", nil())
                        } else {
                            m()
                        };
                        call(n, meta, args)
                    }
                    CallTarget::Remote(recv, n) => {
                        let dot_meta = match e.quoting.dot {
                            Some(d) => line_meta(self.line(d)),
                            None => m(),
                        };
                        let dot = tuple(vec![
                            atom("."),
                            dot_meta,
                            list(vec![self.expr(recv), atom(n)]),
                        ]);
                        let meta = if c.no_parens && args.is_empty() {
                            meta_put(&m(), "no_parens", boolean(true))
                        } else {
                            m()
                        };
                        tuple(vec![dot, meta, list(args)])
                    }
                    CallTarget::Anon(f) => {
                        let dot = tuple(vec![atom("."), m(), list(vec![self.expr(f)])]);
                        tuple(vec![dot, m(), list(args)])
                    }
                    CallTarget::Dynamic(f) => tuple(vec![self.expr(f), m(), list(args)]),
                }
            }
            ExprKind::Fn(clauses) => call("fn", m(), self.clauses(clauses)),
            ExprKind::StabParens(clauses) => list(self.clauses(clauses)),
            ExprKind::Capture(x) => call("&", m(), vec![self.expr(x)]),
            ExprKind::CaptureArg(n) => call("&", m(), vec![int(*n as i64)]),
            ExprKind::Access(a, k) => remote(
                atom("Elixir.Access"),
                "get",
                m(),
                vec![self.expr(a), self.expr(k)],
            ),
            ExprKind::Attr(name, None) => call("@", m(), vec![var(name, m(), nil())]),
            ExprKind::Attr(name, Some(v)) => {
                let meta = if e.quoting.ambiguous_op {
                    meta_put(&m(), "ambiguous_op", nil())
                } else {
                    m()
                };
                call("@", m(), vec![call(name, meta, vec![self.expr(v)])])
            }
            ExprKind::Block(items) => {
                let meta = self.parens_meta(e);
                match items.as_slice() {
                    [x] if e.quoting.parens == 0 => build_block(vec![self.expr(x)]),
                    _ => call("__block__", meta, self.exprs(items)),
                }
            }
            ExprKind::Literal(v) => escape(v),
            ExprKind::Data(t) => escape(&data_value(*t)),
        }
    }

    /// The segments of `"a#{x}b"` inside `<<>>`: literal text as binaries,
    /// each `#{x}` as `Kernel.to_string(x)::binary` (the bare module atom,
    /// as Elixir writes it).
    fn interp_parts(&self, parts: &[InterpPart]) -> Vec<Value> {
        parts
            .iter()
            .map(|p| match p {
                InterpPart::Lit(s) => string(s),
                InterpPart::Expr(x) => {
                    let xm = self.meta(x);
                    let ts = remote(
                        atom("Elixir.Kernel"),
                        "to_string",
                        xm.clone(),
                        vec![build_block(vec![self.expr(x)])],
                    );
                    call("::", xm.clone(), vec![ts, var("binary", xm, nil())])
                }
            })
            .collect()
    }

    fn map_inner(
        &self,
        update: &Option<Box<Expr>>,
        pairs: &[(Expr, Expr)],
        e: &Expr,
    ) -> Vec<Value> {
        let kv: Vec<Value> = pairs
            .iter()
            .map(|(k, v)| pair(self.expr(k), self.expr(v)))
            .collect();
        match update {
            Some(u) => vec![call("|", self.meta(e), vec![self.expr(u), list(kv)])],
            None => kv,
        }
    }

    fn binary(&self, op: BinOp, a: &Expr, b: &Expr, m: Value) -> Value {
        let name = match op {
            BinOp::When => "when",
            BinOp::Type => "::",
            BinOp::Bar => "|",
            BinOp::Default => "\\\\",
            BinOp::LArrow => "<-",
            BinOp::Match => "=",
            BinOp::OrOr => "||",
            BinOp::Or => "or",
            BinOp::AndAnd => "&&",
            BinOp::And => "and",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::StrictEq => "===",
            BinOp::StrictNe => "!==",
            BinOp::RegexMatch => "=~",
            BinOp::Lt => "<",
            BinOp::Gt => ">",
            BinOp::Le => "<=",
            BinOp::Ge => ">=",
            BinOp::PipeRight => "|>",
            BinOp::In => "in",
            BinOp::NotIn => {
                let inner = call("in", m.clone(), vec![self.expr(a), self.expr(b)]);
                return call("not", m, vec![inner]);
            }
            BinOp::Concat => "++",
            BinOp::Subtract => "--",
            BinOp::Range => "..",
            BinOp::RangeStep => {
                if let ExprKind::Binary(BinOp::Range, first, last) = &a.kind {
                    return call(
                        "..//",
                        self.meta(a),
                        vec![self.expr(first), self.expr(last), self.expr(b)],
                    );
                }
                "..//"
            }
            BinOp::StrConcat => "<>",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Pow => "**",
            BinOp::Custom(op) => op,
        };
        call(name, m, vec![self.expr(a), self.expr(b)])
    }

    /// A do-block section: its expressions as one (`build_block`), or its
    /// clauses.
    fn body(&self, b: &Body) -> Value {
        match b {
            Body::Exprs(e) => match &e.kind {
                ExprKind::Block(items) if e.quoting.parens == 0 => build_block(self.exprs(items)),
                _ => build_block(vec![self.expr(e)]),
            },
            Body::Clauses(cl) => list(self.clauses(cl)),
        }
    }

    /// `{:->, meta, [args, body]}` for each clause; the meta is the line of
    /// the `->`, which the body's block records.
    fn clauses(&self, cl: &[Clause]) -> Vec<Value> {
        cl.iter()
            .map(|c| {
                let m = self.meta(&c.body);
                let mut args = self.exprs(&c.args);
                if let Some(g) = &c.guard {
                    let mut wargs = std::mem::take(&mut args);
                    wargs.push(self.expr(g));
                    args = vec![call("when", self.meta(g), wargs)];
                }
                let body = match &c.body.kind {
                    ExprKind::Block(items) if items.is_empty() => nil(),
                    ExprKind::Block(items) if c.body.quoting.parens == 0 => {
                        build_block(self.exprs(items))
                    }
                    _ => build_block(vec![self.expr(&c.body)]),
                };
                call("->", m, vec![list(args), body])
            })
            .collect()
    }
}

/// `v` without `column:` in any node's meta: the code a macro receives, as
/// Elixir's compiler (which does not record columns) gives it.
pub fn without_columns(v: &Value) -> Value {
    match v {
        Value::List(items, tail) => Value::List(
            items.iter().map(without_columns).collect(),
            tail.as_ref().map(|t| Box::new(without_columns(t))),
        ),
        Value::Tuple(t) if t.len() == 3 => {
            let meta = match &t[1] {
                m @ Value::List(_, None) if keyword_get(m, "column").is_some() => {
                    meta_delete(m, "column")
                }
                m => m.clone(),
            };
            Value::Tuple(vec![without_columns(&t[0]), meta, without_columns(&t[2])])
        }
        Value::Tuple(t) if t.len() == 2 => {
            Value::Tuple(vec![without_columns(&t[0]), without_columns(&t[1])])
        }
        other => other.clone(),
    }
}

/// A module as Elixir names it in messages: `String`, `:erlang`.
pub fn inspect_module(m: &str) -> String {
    match m.strip_prefix("Elixir.") {
        Some(s) => s.to_owned(),
        None => format!(":{m}"),
    }
}
