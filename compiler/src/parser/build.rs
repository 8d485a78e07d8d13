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
use crate::lexer::Tok;

/// The inside of `%{...}`: an optional `base |` and the pairs.
pub type MapInner = (Option<Expr>, Vec<(Expr, Expr)>);

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
pub struct Rev<T>(Vec<T>);

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
    let l = match (op, l.kind) {
        (BinOp::In, ExprKind::Unary(u @ (UnaryOp::Not | UnaryOp::Bang), inner)) => {
            let inside = Expr::new(
                inner.span.to(r.span),
                ExprKind::Binary(op, inner, Box::new(r)),
            );
            return Ok(Expr::new(span, ExprKind::Unary(u, Box::new(inside))));
        }
        (_, kind) => Expr::new(l.span, kind),
    };
    if op == BinOp::RangeStep && !matches!(l.kind, ExprKind::Binary(BinOp::Range, ..)) {
        return fail(
            Diagnostic::new(op_span, "the range step operator (//) must immediately follow the range definition operator (..)")
                .with_hint("write a stepped range as first..last//step, for example 1..9//2"),
        );
    }
    Ok(Expr::new(
        span,
        ExprKind::Binary(op, Box::new(l), Box::new(r)),
    ))
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

/// `@name(value)` and `@name value`: a module attribute takes one value.
pub fn attr(l: usize, r: usize, name: String, mut args: Vec<Expr>) -> PResult<Expr> {
    if args.len() != 1 {
        return fail(
            Diagnostic::new(
                sp(l, r),
                format!(
                    "module attribute @{name} takes exactly one value, got {}",
                    args.len()
                ),
            )
            .with_hint("to read an attribute write @name; to set one, @name value"),
        );
    }
    let value = args.pop().map(Box::new);
    Ok(Expr::new(sp(l, r), ExprKind::Attr(name, value)))
}

/// `Foo.Bar`: only an alias may precede `.Alias`.
pub fn alias_join(base: Expr, name: String, r: usize) -> PResult<Expr> {
    let span = Span {
        start: base.span.start,
        end: r as u32,
    };
    match base.kind {
        ExprKind::Alias(a) => Ok(Expr::new(span, ExprKind::Alias(format!("{a}.{name}")))),
        _ => fail(
            Diagnostic::new(
                span,
                format!("unsupported alias: .{name} after an expression that is not an alias"),
            )
            .with_hint(
                "only Foo.Bar-style aliases are supported (not __MODULE__.Bar or :atom.Bar)",
            ),
        ),
    }
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
    fn into_parts(self) -> (Vec<Expr>, Vec<(Expr, Expr)>) {
        (self.exprs.into_vec(), self.kw)
    }
}

/// `[a, b]`, `[a: 1]` (pairs become 2-tuples), `[h | t]` (the last item's
/// `|` becomes the tail).
pub fn list(e: Elems, l: usize, r: usize) -> Expr {
    let (mut exprs, kw) = e.into_parts();
    let mut tail = None;
    if kw.is_empty() {
        if let Some(last) = exprs.pop() {
            match last.kind {
                ExprKind::Binary(BinOp::Bar, h, t) => {
                    exprs.push(*h);
                    tail = Some(t);
                }
                kind => exprs.push(Expr::new(last.span, kind)),
            }
        }
    }
    exprs.extend(kw.into_iter().map(kw_pair));
    Expr::new(sp(l, r), ExprKind::List(exprs, tail))
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
    let (update, pairs) = inner.unwrap_or_default();
    Expr::new(
        sp(l, r),
        ExprKind::Map {
            update: update.map(Box::new),
            pairs,
        },
    )
}

pub fn structure(name: Expr, inner: Option<MapInner>, l: usize, r: usize) -> Expr {
    let (update, pairs) = inner.unwrap_or_default();
    Expr::new(
        sp(l, r),
        ExprKind::Struct {
            name: Box::new(name),
            update: update.map(Box::new),
            pairs,
        },
    )
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
    /// is split off the last one (Elixir's `unwrap_when`).
    pub fn from_args(mut args: Vec<Expr>) -> Head {
        let mut guard = None;
        if let Some(last) = args.pop() {
            match last.kind {
                ExprKind::Binary(BinOp::When, a, g) => {
                    args.push(*a);
                    guard = Some(*g);
                }
                kind => args.push(Expr::new(last.span, kind)),
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
            ),
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
        if let Some(e) = exprs.pop() {
            return Ok(e);
        }
    }
    Ok(Expr::new(sp(l, r), ExprKind::Block(exprs)))
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
