//! Tree-building helpers for the grammar's actions: operators, calls,
//! containers, and the grouping of `->` clauses (Elixir's `build_stab`).
//!
//! Every helper that can reject its input returns a [`PResult`], whose error
//! is a [`Diagnostic`] wrapped as lalrpop's user error.

use lalrpop_util::ParseError;

use crate::ast::{
    BinOp, Body, Call, CallTarget, Clause, DoBlock, Expr, ExprKind, InterpPart, Program, Span,
    UnaryOp,
};
use crate::diagnostic::Diagnostic;
use crate::lexer::{SigilTok, Tok};
use beamlet_vm::value::Value;

/// The inside of `%{...}`: an optional `base |` and the entries.
pub type MapInner = (Option<Expr>, Vec<MapItem>);

/// An entry of `%{...}`: `key => value` (or `key: value`), or (inside
/// `quote`) a lone variable or call.
pub enum MapItem {
    Pair(Expr, Expr),
    Entry(Expr),
}

/// Keyword pairs at the end of `%{...}`, back to front.
pub fn map_kw(kw: Rev<(Expr, Expr)>) -> Rev<MapItem> {
    Rev(kw.0.into_iter().map(|(k, v)| MapItem::Pair(k, v)).collect())
}

/// A lone entry of `%{...}` may only be a variable or a call (Elixir's
/// `assoc_expr`), as in `%{unquote_splicing(pairs)}`.
pub fn map_entry(e: Expr) -> PResult<MapItem> {
    match &e.kind {
        ExprKind::Var(_) | ExprKind::Call(_) => Ok(MapItem::Entry(e)),
        _ => fail(
            Diagnostic::new(e.span, "syntax error: expected => after a map key")
                .with_hint("write %{key => value}, or %{key: value} for an atom key"),
        ),
    }
}

/// The entries as pairs, or all of them as expressions (pairs as
/// 2-tuples) when one is not a pair.
fn map_items(items: Vec<MapItem>) -> Result<Vec<(Expr, Expr)>, Vec<Expr>> {
    if items.iter().all(|i| matches!(i, MapItem::Pair(..))) {
        return Ok(items
            .into_iter()
            .filter_map(|i| match i {
                MapItem::Pair(k, v) => Some((k, v)),
                MapItem::Entry(_) => None,
            })
            .collect());
    }
    Err(items
        .into_iter()
        .map(|i| match i {
            MapItem::Pair(k, v) => kw_pair((k, v)),
            MapItem::Entry(e) => e,
        })
        .collect())
}

pub type PResult<T> = Result<T, ParseError<usize, Tok, Diagnostic>>;

fn fail<T>(d: Diagnostic) -> PResult<T> {
    Err(ParseError::User { error: d })
}

pub fn sp(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

/// A list built back to front: right-recursive grammar rules see the last
/// item first, and pushing keeps a long list linear (inserting at the front
/// would make it quadratic).
pub struct Rev<T>(pub(crate) Vec<T>);

impl<T> Rev<T> {
    pub fn one(x: T) -> Rev<T> {
        Rev(vec![x])
    }
    /// Adds an item before all the others.
    pub fn prepend(mut self, x: T) -> Rev<T> {
        self.0.push(x);
        self
    }
    pub fn into_vec(mut self) -> Vec<T> {
        self.0.reverse();
        self.0
    }
}

/// `:name`; also keyword keys (whose span stops before the colon).
pub fn atom(name: String, l: usize, r: usize) -> Expr {
    Expr::new(sp(l, r), ExprKind::Atom(name))
}

/// `:"a#{b}"` (and the key `"a#{b}":`): the atom is made when the code
/// runs, `:erlang.binary_to_atom("a#{b}", :utf8)`.
pub fn atom_interp(parts: Vec<InterpPart>, l: usize, r: usize) -> Expr {
    let erlang = atom("erlang".into(), l, r);
    let text = Expr::new(sp(l, r), ExprKind::Interp(parts));
    let utf8 = atom("utf8".into(), l, r);
    call(
        l,
        r,
        CallTarget::Remote(Box::new(erlang), "binary_to_atom".into()),
        vec![text, utf8],
        false,
        None,
    )
}

/// A string whose bytes are not UTF-8 (`"\xFF"`).
pub fn binary_literal(bytes: Vec<u8>, l: usize, r: usize) -> Expr {
    Expr::new(sp(l, r), ExprKind::Literal(Value::Binary(bytes)))
}

pub fn sigil(tok: SigilTok, l: usize, r: usize) -> Expr {
    let (c, parts, mods, delim, indent) = tok;
    let mut e = Expr::new(sp(l, r), ExprKind::Sigil(c, parts, mods, delim));
    e.quoting.indentation = indent;
    e
}

pub fn string(parts: Vec<InterpPart>, l: usize, r: usize) -> Expr {
    let kind = match parts.as_slice() {
        [] => ExprKind::Str(String::new()),
        [InterpPart::Lit(s)] => ExprKind::Str(s.clone()),
        _ => ExprKind::Interp(parts),
    };
    Expr::new(sp(l, r), kind)
}

/// A binary operator node. Two rewrites follow Elixir: `not a in b` and
/// `!a in b` mean `not(a in b)`, and `//` must follow a range (`1..9//2`).
pub fn binary((op, op_span): (BinOp, Span), l: Expr, r: Expr) -> PResult<Expr> {
    let span = l.span.to(r.span);
    let at = op_span.start;
    if op == BinOp::In && l.quoting.parens == 0 {
        if let ExprKind::Unary(u @ (UnaryOp::Not | UnaryOp::Bang), _) = &l.kind {
            let u = *u;
            let ExprKind::Unary(_, inner) = l.kind else {
                unreachable!("matched above")
            };
            let inside = Expr::new(
                inner.span.to(r.span),
                ExprKind::Binary(op, inner, Box::new(r)),
            )
            .at(at);
            return Ok(Expr::new(span, ExprKind::Unary(u, Box::new(inside))).at(at));
        }
    }
    if op == BinOp::RangeStep && !matches!(l.kind, ExprKind::Binary(BinOp::Range, ..)) {
        return fail(
            Diagnostic::new(op_span, "the range step operator (//) must immediately follow the range definition operator (..)")
                .with_hint("write a stepped range as first..last//step, for example 1..9//2"),
        );
    }
    Ok(Expr::new(span, ExprKind::Binary(op, Box::new(l), Box::new(r))).at(at))
}

pub fn unary((op, op_span): (UnaryOp, Span), e: Expr) -> Expr {
    Expr::new(op_span.to(e.span), ExprKind::Unary(op, Box::new(e)))
}

pub fn capture(l: usize, e: Expr) -> Expr {
    Expr::new(sp(l, e.span.end as usize), ExprKind::Capture(Box::new(e)))
}

pub fn call(
    l: usize,
    r: usize,
    target: CallTarget,
    args: Vec<Expr>,
    no_parens: bool,
    do_block: Option<DoBlock>,
) -> Expr {
    Expr::new(
        sp(l, r),
        ExprKind::Call(Box::new(Call {
            target,
            args,
            no_parens,
            do_block,
        })),
    )
}

/// `recv.name(args)`: `name_at` is where the name is (the call's line),
/// `dot` where the `.` is.
#[allow(clippy::too_many_arguments)]
pub fn remote(
    l: usize,
    r: usize,
    recv: Expr,
    dot: usize,
    name_at: usize,
    name: String,
    args: Vec<Expr>,
    no_parens: bool,
) -> Expr {
    let mut e = call(
        l,
        r,
        CallTarget::Remote(Box::new(recv), name),
        args,
        no_parens,
        None,
    )
    .at(name_at as u32);
    e.quoting.dot = Some(dot as u32);
    e
}

/// A remote call with a do-block: its name's and its dot's places.
pub fn dotted(e: Expr, dot: usize, name_at: usize) -> Expr {
    let mut e = e.at(name_at as u32);
    e.quoting.dot = Some(dot as u32);
    e
}

/// `(;)`: an empty block that, unlike `()`, has a line.
pub fn semicolon_parens(l: usize, r: usize) -> Expr {
    let mut e = Expr::new(sp(l, r), ExprKind::Block(vec![]));
    e.quoting.parens = 1;
    e
}

/// `f -1`: a call without parentheses whose name was followed by a sign
/// glued to its operand (with one argument, Elixir notes it in the meta).
pub fn op_call(l: usize, r: usize, target: CallTarget, args: Vec<Expr>) -> Expr {
    let one = args.len() == 1;
    let mut e = call(l, r, target, args, true, None);
    e.quoting.ambiguous_op = one;
    e
}

/// `f(a)(b)`, `unquote(name)(args)`: a call whose callee is a call.
pub fn nested_call(l: usize, r: usize, callee: Expr, args: Vec<Expr>) -> Expr {
    let at = callee.quoting.at;
    call(
        l,
        r,
        CallTarget::Dynamic(Box::new(callee)),
        args,
        false,
        None,
    )
    .at(at)
}

/// `@x`: `@name` and `@name value` (one argument) are module attributes;
/// anything else (`@foo(1, 2)`, `@unquote(x)`) is the operator `@`
/// applied to an expression.
pub fn at(l: usize, r: usize, operand: Expr) -> Expr {
    let span = sp(l, r);
    match operand.kind {
        ExprKind::Var(name) if operand.quoting.parens == 0 => {
            Expr::new(span, ExprKind::Attr(name, None))
        }
        ExprKind::Call(c)
            if matches!(c.target, CallTarget::Local(_))
                && c.args.len() == 1
                && c.do_block.is_none()
                && operand.quoting.parens == 0 =>
        {
            let Call {
                target: CallTarget::Local(name),
                mut args,
                ..
            } = *c
            else {
                unreachable!("matched above")
            };
            let value = args.pop().map(Box::new);
            let mut e = Expr::new(span, ExprKind::Attr(name, value));
            e.quoting.ambiguous_op = operand.quoting.ambiguous_op;
            e
        }
        kind => {
            let operand = Expr { kind, ..operand };
            Expr::new(
                span,
                ExprKind::Unary(UnaryOp::Custom("@"), Box::new(operand)),
            )
        }
    }
}

/// `Foo.Bar`, and `expr.Bar` on any other expression (`__MODULE__.Sub`,
/// `unquote(m).Sub`), whose quoted form is `{:__aliases__, meta, [expr, :Bar]}`.
/// `dot` is where the `.` is (the line of the latter).
pub fn alias_join(base: Expr, name: String, dot: usize, r: usize) -> PResult<Expr> {
    let span = Span {
        start: base.span.start,
        end: r as u32,
    };
    match base.kind {
        ExprKind::Alias(a) => {
            Ok(Expr::new(span, ExprKind::Alias(format!("{a}.{name}"))).at(base.quoting.at))
        }
        ExprKind::AliasOf(b, mut names) => {
            names.push(name);
            Ok(Expr::new(span, ExprKind::AliasOf(b, names)).at(base.quoting.at))
        }
        ExprKind::Atom(_) if base.quoting.parens == 0 => fail(
            Diagnostic::new(
                span,
                "atom cannot be followed by an alias. If the '.' was meant to be part of the atom's name, the atom name must be quoted",
            )
            .with_hint("write :\"atom.Name\" for an atom with a dot, or Module.Name for an alias"),
        ),
        kind => {
            let base = Expr { kind, ..base };
            Ok(Expr::new(span, ExprKind::AliasOf(Box::new(base), vec![name])).at(dot as u32))
        }
    }
}

/// `Foo.{A, B}`: a call of the function `{}` on `Foo` (`alias Foo.{A, B}`).
pub fn dot_container(l: usize, r: usize, dot: usize, base: Expr, items: Elems) -> PResult<Expr> {
    let (mut args, kw) = items.into_parts();
    if !kw.is_empty() {
        args.push(kw_list(kw));
    }
    Ok(call(
        l,
        r,
        CallTarget::Remote(Box::new(base), "{}".into()),
        args,
        false,
        None,
    )
    .at(dot as u32))
}

/// How many arguments the paren-less call at the right end of an open
/// expression has (the right spine of an `O` expression ends in one).
fn open_arity(e: &Expr) -> usize {
    let mut e = e;
    loop {
        match &e.kind {
            ExprKind::Binary(_, _, r) => e = r,
            ExprKind::Unary(_, x) => e = x,
            ExprKind::Call(c) if c.no_parens && c.do_block.is_none() => return c.args.len(),
            _ => return 1,
        }
    }
}

/// An open expression followed by other items must not hide a comma-list:
/// `f a, g b, c` and `[g a, b]` are ambiguous, as in Elixir.
pub fn single_open(e: Expr, context: &str) -> PResult<Expr> {
    if open_arity(&e) > 1 {
        let msg =
            format!("unexpected comma. Parentheses are required to solve ambiguity in {context}");
        return fail(
            Diagnostic::new(e.span, msg)
                .with_hint("add parentheses to the inner call, as in f(a, g(b, c))"),
        );
    }
    Ok(e)
}

pub fn kw_list(pairs: Vec<(Expr, Expr)>) -> Expr {
    let span = match (pairs.first(), pairs.last()) {
        (Some((k, _)), Some((_, v))) => k.span.to(v.span),
        _ => Span::default(),
    };
    let items = pairs.into_iter().map(kw_pair).collect();
    Expr::new(span, ExprKind::List(items, None))
}

fn kw_pair((k, v): (Expr, Expr)) -> Expr {
    Expr::new(k.span.to(v.span), ExprKind::Tuple(vec![k, v]))
}

/// The items of a list, tuple or bitstring: expressions, then keywords.
pub struct Elems {
    /// Back to front, see [`Rev`].
    exprs: Rev<Expr>,
    kw: Vec<(Expr, Expr)>,
}

impl Elems {
    /// The items in order (the hand-written parser reads them so).
    pub fn from_parts(mut exprs: Vec<Expr>, kw: Vec<(Expr, Expr)>) -> Elems {
        exprs.reverse();
        Elems {
            exprs: Rev(exprs),
            kw,
        }
    }
    pub fn one(e: Expr) -> Elems {
        Elems {
            exprs: Rev::one(e),
            kw: vec![],
        }
    }
    pub fn kw(kw: Vec<(Expr, Expr)>) -> Elems {
        Elems {
            exprs: Rev(vec![]),
            kw,
        }
    }
    pub fn prepend(mut self, e: Expr) -> Elems {
        self.exprs = self.exprs.prepend(e);
        self
    }
    pub fn into_parts(self) -> (Vec<Expr>, Vec<(Expr, Expr)>) {
        (self.exprs.into_vec(), self.kw)
    }
}

/// `[a, b]`, `[a: 1]` (pairs become 2-tuples), `[h | t]` (the last item's
/// `|` becomes the tail).
pub fn list(e: Elems, l: usize, r: usize) -> Expr {
    let (mut exprs, kw) = e.into_parts();
    let mut tail = None;
    // A list has no line of its own: `at` keeps the line of its `|`.
    let mut at = l as u32;
    if kw.is_empty() {
        if let Some(last) = exprs.pop() {
            match last.kind {
                ExprKind::Binary(BinOp::Bar, h, t) => {
                    at = last.quoting.at;
                    exprs.push(*h);
                    tail = Some(t);
                }
                kind => exprs.push(Expr { kind, ..last }),
            }
        }
    }
    exprs.extend(kw.into_iter().map(kw_pair));
    Expr::new(sp(l, r), ExprKind::List(exprs, tail)).at(at)
}

/// `{a, b}`; trailing keywords become one keyword-list element.
pub fn tuple(e: Elems, l: usize, r: usize) -> PResult<Expr> {
    let (mut exprs, kw) = e.into_parts();
    if exprs.is_empty() {
        let at = kw.first().map(|(k, _)| k.span).unwrap_or(sp(l, r));
        return fail(
            Diagnostic::new(at, "unexpected keyword list inside a tuple")
                .with_hint("wrap the keyword list in brackets: {[key: value]}"),
        );
    }
    if !kw.is_empty() {
        exprs.push(kw_list(kw));
    }
    Ok(Expr::new(sp(l, r), ExprKind::Tuple(exprs)))
}

pub fn bitstring(e: Elems, l: usize, r: usize) -> Expr {
    let (mut exprs, kw) = e.into_parts();
    if !kw.is_empty() {
        exprs.push(kw_list(kw));
    }
    Expr::new(sp(l, r), ExprKind::Bitstring(exprs))
}

pub fn map(inner: Option<MapInner>, l: usize, r: usize) -> Expr {
    let (update, items) = inner.unwrap_or_default();
    let update = update.map(Box::new);
    let kind = match map_items(items) {
        Ok(pairs) => ExprKind::Map { update, pairs },
        Err(entries) => ExprKind::MapEntries {
            name: None,
            update,
            entries,
        },
    };
    Expr::new(sp(l, r), kind)
}

pub fn structure(name: Expr, inner: Option<MapInner>, l: usize, r: usize) -> Expr {
    let (update, items) = inner.unwrap_or_default();
    let update = update.map(Box::new);
    let name = Box::new(name);
    let kind = match map_items(items) {
        Ok(pairs) => ExprKind::Struct {
            name,
            update,
            pairs,
        },
        Err(entries) => ExprKind::MapEntries {
            name: Some(name),
            update,
            entries,
        },
    };
    Expr::new(sp(l, r), kind)
}

// ---------------------------------------------------------------------------
// Blocks and clauses
// ---------------------------------------------------------------------------

/// The left of `->`: arguments and an optional guard.
#[derive(Default)]
pub struct Head {
    pub args: Vec<Expr>,
    pub guard: Option<Expr>,
}

impl Head {
    /// `a, b when g` parses as the arguments `a` and `b when g`; the guard
    /// is split off the last one (Elixir's `unwrap_when`). `()` is no
    /// arguments, and `() when g` only a guard.
    pub fn from_args(mut args: Vec<Expr>) -> Head {
        let empty_parens = |e: &Expr| {
            matches!(&e.kind, ExprKind::Block(v) if v.is_empty()) && e.quoting.parens == 0
        };
        if let [only] = args.as_slice() {
            if empty_parens(only) {
                return Head::default();
            }
            if let ExprKind::Binary(BinOp::When, a, _) = &only.kind {
                if empty_parens(a) {
                    let Some(Expr {
                        kind: ExprKind::Binary(_, _, g),
                        ..
                    }) = args.pop()
                    else {
                        unreachable!("matched above")
                    };
                    return Head {
                        args: vec![],
                        guard: Some(*g),
                    };
                }
            }
        }
        let mut guard = None;
        if let Some(last) = args.pop() {
            match last.kind {
                ExprKind::Binary(BinOp::When, a, g) => {
                    args.push(*a);
                    guard = Some(*g);
                }
                kind => args.push(Expr { kind, ..last }),
            }
        }
        Head { args, guard }
    }
}

/// One entry of a block: an expression, or the start of a `->` clause
/// (whose body continues with the expressions after it).
pub enum Item {
    Expr(Expr),
    Clause {
        span: Span,
        head: Head,
        arrow: Span,
        body: Option<Expr>,
    },
}

/// What the grammar collects for a `do ... end`.
pub struct DoBlockParts {
    pub first: (Span, Option<Vec<Item>>),
    pub sections: Vec<(&'static str, Span, Option<Vec<Item>>)>,
    pub end: usize,
}

fn block(exprs: Vec<Expr>, fallback: Span) -> Expr {
    let span = match (exprs.first(), exprs.last()) {
        (Some(a), Some(b)) => a.span.to(b.span),
        _ => fallback,
    };
    Expr::new(span, ExprKind::Block(exprs))
}

fn mixed_clauses(arrow: Span) -> Diagnostic {
    Diagnostic::new(arrow, "unexpected operator ->. If you want to define multiple clauses, the first expression must use ->")
        .with_hint("start every clause of the block with `pattern ->`")
}

/// Groups a block's items into plain expressions or `->` clauses.
pub fn body(items: Option<Vec<Item>>, keyword: Span) -> PResult<Body> {
    let items = items.unwrap_or_default();
    if !matches!(items.first(), Some(Item::Clause { .. })) {
        let mut exprs = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Item::Expr(e) => exprs.push(e),
                Item::Clause { arrow, .. } => return fail(mixed_clauses(arrow)),
            }
        }
        return Ok(Body::Exprs(block(exprs, keyword)));
    }
    Ok(Body::Clauses(clauses(items)))
}

/// Items that start with a clause: every expression joins the clause before it.
fn clauses(items: Vec<Item>) -> Vec<Clause> {
    let mut out: Vec<(Span, Head, Span, Vec<Expr>)> = Vec::new();
    // The body's block records where the `->` is (the clause's line).
    for item in items {
        match item {
            Item::Clause {
                span,
                head,
                arrow,
                body,
            } => out.push((span, head, arrow, body.into_iter().collect())),
            Item::Expr(e) => {
                if let Some(last) = out.last_mut() {
                    last.0 = last.0.to(e.span);
                    last.3.push(e);
                }
            }
        }
    }
    out.into_iter()
        .map(|(span, head, arrow, exprs)| Clause {
            span,
            args: head.args,
            guard: head.guard,
            body: block(
                exprs,
                Span {
                    start: arrow.end,
                    end: arrow.end,
                },
            )
            .at(arrow.start),
        })
        .collect()
}

pub fn block_call(
    l: usize,
    r: usize,
    target: CallTarget,
    args: Vec<Expr>,
    no_parens: bool,
    d: DoBlockParts,
) -> PResult<Expr> {
    let _ = d.end;
    let mut sections = Vec::with_capacity(1 + d.sections.len());
    let (do_span, do_items) = d.first;
    sections.push(("do".to_string(), do_span, body(do_items, do_span)?));
    for (name, span, items) in d.sections {
        sections.push((name.to_string(), span, body(items, span)?));
    }
    Ok(call(
        l,
        r,
        target,
        args,
        no_parens,
        Some(DoBlock { sections }),
    ))
}

/// `fn clauses end`: every item must belong to a `->` clause.
pub fn fn_expr(items: Vec<Item>, l: usize, r: usize) -> PResult<Expr> {
    if let Some(Item::Expr(e)) = items.first() {
        return fail(
            Diagnostic::new(
                e.span,
                "expected -> in fn: an anonymous function is made of clauses",
            )
            .with_hint("write fn args -> body end, for example fn x -> x * 2 end"),
        );
    }
    Ok(Expr::new(sp(l, r), ExprKind::Fn(clauses(items))))
}

/// `(a)` is `a`; `(a; b)` a block. Clauses are not allowed in parentheses.
pub fn parens(items: Vec<Item>, l: usize, r: usize) -> PResult<Expr> {
    if matches!(items.first(), Some(Item::Clause { .. })) {
        return Ok(Expr::new(sp(l, r), ExprKind::StabParens(clauses(items))));
    }
    let mut exprs = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::Expr(e) => exprs.push(e),
            Item::Clause { arrow, .. } => {
                return fail(
                    Diagnostic::new(arrow, "syntax error before: '->'")
                        .with_hint("-> clauses belong in fn, case, receive and similar blocks"),
                )
            }
        }
    }
    if exprs.len() == 1 {
        if let Some(mut e) = exprs.pop() {
            e.quoting.parens = e.quoting.parens.saturating_add(1);
            return Ok(e);
        }
    }
    let mut e = Expr::new(sp(l, r), ExprKind::Block(exprs));
    e.quoting.parens = 1;
    Ok(e)
}

pub fn program(items: Vec<Item>) -> PResult<Program> {
    let mut exprs = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::Expr(e) => exprs.push(e),
            Item::Clause { arrow, .. } => {
                return fail(
                    Diagnostic::new(arrow, "syntax error before: '->'")
                        .with_hint("-> clauses belong in fn, case, receive and similar blocks"),
                )
            }
        }
    }
    Ok(Program { exprs })
}
