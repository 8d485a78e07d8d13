//! Lowering: expanded quoted code → the code generator's tree ([`ast`]).
//!
//! The expander's output holds only special forms, variables (with their
//! hygiene: each becomes the name [`VarId::key`] gives), calls of the
//! module's own functions, remote calls and the Kernel macros the code
//! generator compiles itself (`if`, `&&`, `in`, sigils...). Kernel's
//! operators, called remotely after import resolution (`Kernel.+(a, b)`),
//! become the tree's operators again, and Kernel's functions local calls,
//! which the code generator maps to built-ins.

use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::expand::VarId;
use crate::quoted::{self as q, as_atom, as_call, as_keyword, as_list, as_node, LineIndex};
use beamlet_vm::heap::Heap;
use beamlet_vm::term::Term;
use beamlet_vm::value::Value;
use num_bigint::BigInt;

pub struct Lowerer<'a> {
    /// Built on first use: most runs never need a span (shared: an open
    /// module's definitions are lowered one at a time, by a lowerer each).
    lines: std::cell::OnceCell<std::sync::Arc<LineIndex>>,
    source: Option<&'a str>,
    /// The literal heap of the unit the lowered code is compiled into
    /// ([`ExprKind::Data`]'s terms live here): see [`Lowerer::into_literals`].
    literals: std::cell::RefCell<Heap>,
    /// The last `(line, column)` [`Lowerer::span_or`] found a span for, and
    /// that span: a macro's result has every node on its caller's line, with
    /// no column, so most nodes ask for the span just made.
    last_span: std::cell::Cell<(u32, u32, Span)>,
}

type LResult<T> = Result<T, Diagnostic>;

/// A suspended [`Lowerer`]: the line index it built and its literal heap
/// (an open module lowers each definition as it is stored, into one heap
/// that its unit takes when the module is compiled).
#[derive(Default)]
pub struct Kept {
    pub lines: Option<std::sync::Arc<LineIndex>>,
    pub literals: Heap,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("literal_words", &self.literals.used_words())
            .finish()
    }
}

fn binop(name: &str) -> Option<BinOp> {
    Some(match name {
        "=" => BinOp::Match,
        "||" => BinOp::OrOr,
        "or" => BinOp::Or,
        "&&" => BinOp::AndAnd,
        "and" => BinOp::And,
        "==" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "===" => BinOp::StrictEq,
        "!==" => BinOp::StrictNe,
        "=~" => BinOp::RegexMatch,
        "<" => BinOp::Lt,
        ">" => BinOp::Gt,
        "<=" => BinOp::Le,
        ">=" => BinOp::Ge,
        "in" => BinOp::In,
        "++" => BinOp::Concat,
        "--" => BinOp::Subtract,
        ".." => BinOp::Range,
        "<>" => BinOp::StrConcat,
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Div,
        "**" => BinOp::Pow,
        "|" => BinOp::Bar,
        "::" => BinOp::Type,
        "when" => BinOp::When,
        "<-" => BinOp::LArrow,
        "\\\\" => BinOp::Default,
        _ => return None,
    })
}

fn unop(name: &str) -> Option<UnaryOp> {
    Some(match name {
        "-" => UnaryOp::Neg,
        "+" => UnaryOp::Plus,
        "!" => UnaryOp::Bang,
        "not" => UnaryOp::Not,
        "^" => UnaryOp::Pin,
        _ => return None,
    })
}

/// Forms whose trailing keyword list holds their blocks.
fn block_form(name: &str) -> bool {
    matches!(
        name,
        "case" | "cond" | "receive" | "try" | "if" | "unless" | "for" | "with"
    )
}

impl<'a> Lowerer<'a> {
    /// The source's line index, built the first time a span is asked for.
    fn line_index(&self) -> Option<&LineIndex> {
        let src = self.source?;
        Some(self.lines.get_or_init(|| LineIndex::shared(src)))
    }

    pub fn new(source: Option<&'a str>) -> Lowerer<'a> {
        Lowerer {
            lines: std::cell::OnceCell::new(),
            source,
            literals: std::cell::RefCell::new(Heap::new()),
            last_span: std::cell::Cell::new((0, 0, Span::default())),
        }
    }

    /// A lowerer that goes on where one stopped ([`Lowerer::suspend`]):
    /// the same line index of `source`, the same literal heap.
    pub fn resume(source: Option<&'a str>, kept: Kept) -> Lowerer<'a> {
        let lines = std::cell::OnceCell::new();
        if let Some(l) = kept.lines {
            let _ = lines.set(l);
        }
        Lowerer {
            lines,
            source,
            literals: std::cell::RefCell::new(kept.literals),
            last_span: std::cell::Cell::new((0, 0, Span::default())),
        }
    }

    /// What [`Lowerer::resume`] needs to go on later.
    pub fn suspend(self) -> Kept {
        Kept {
            lines: self.lines.into_inner(),
            literals: self.literals.into_inner(),
        }
    }

    /// The literal heap holding the [`ExprKind::Data`] terms of the code
    /// lowered: the code generator's unit takes it as its own.
    pub fn into_literals(self) -> Heap {
        self.literals.into_inner()
    }

    /// Copies the escaped data ([`ExprKind::Data`]) of `e`, lowered by
    /// another lowerer (into another unit's literal heap), into this one's.
    pub fn copy_data(&self, code: &beamlet_vm::code::CodeTable, e: &mut Expr) {
        if let ExprKind::Data(t) = &mut e.kind {
            let v = beamlet_vm::convert::to_value(code, *t);
            *t = beamlet_vm::convert::from_value(&mut self.literals.borrow_mut(), &v);
            return;
        }
        crate::desugar::for_each_child_mut(e, &mut |x| self.copy_data(code, x));
    }

    /// A span for a node on `line` (its line's first non-blank character).
    pub fn span(&self, line: u32) -> Span {
        match (self.line_index(), self.source) {
            (Some(li), Some(src)) if line > 0 && (line as usize) <= li.lines() => {
                let start = li.start_of(line) as usize;
                let text = li.line_text(src, line);
                let indent = text.len() - text.trim_start().len();
                let end = start + text.trim_end().len();
                Span::new(start + indent, end.max(start + indent))
            }
            _ => Span::default(),
        }
    }

    fn span_or(&self, meta: &Value, parent: Span) -> Span {
        let l = q::meta_line(meta);
        if l == 0 {
            return parent;
        }
        let column = q::meta_column(meta);
        let (last_line, last_column, last) = self.last_span.get();
        if (last_line, last_column) == (l, column) {
            return last;
        }
        match (self.line_index(), self.source) {
            (Some(li), Some(src)) => {
                let span = li.span_at(src, l, column);
                self.last_span.set((l, column, span));
                span
            }
            _ => parent,
        }
    }

    pub fn lower(&self, v: &Value, parent: Span) -> LResult<Expr> {
        let e = |k| Ok(Expr::new(parent, k));
        match v {
            Value::Int(i) => e(ExprKind::Int(BigInt::from(*i))),
            Value::BigInt(b) => e(ExprKind::Int(b.clone())),
            Value::Float(f) => e(ExprKind::Float(*f)),
            Value::Atom(a) => e(ExprKind::Atom(a.to_string())),
            Value::Binary(b) => match std::str::from_utf8(b) {
                Ok(s) => e(ExprKind::Str(s.to_owned())),
                Err(_) => e(ExprKind::Literal(v.clone())),
            },
            Value::List(items, tail) => {
                let mut out = Vec::with_capacity(items.len());
                let mut t = match tail {
                    Some(t) => Some(Box::new(self.lower(t, parent)?)),
                    None => None,
                };
                for (i, it) in items.iter().enumerate() {
                    if i + 1 == items.len() && t.is_none() {
                        if let Some(("|", _, [h, tl])) = as_call(it) {
                            out.push(self.lower(h, parent)?);
                            t = Some(Box::new(self.lower(tl, parent)?));
                            continue;
                        }
                    }
                    out.push(self.lower(it, parent)?);
                }
                e(ExprKind::List(out, t))
            }
            // Escaped data carried as bytes (`crate::packed_data`).
            Value::Tuple(t)
                if t.len() == 2
                    && matches!(&t[0], Value::Atom(a) if *a == beamlet_vm::static_atom!("$beamlet_data")) =>
            {
                let data = match &t[1] {
                    Value::Binary(b) => {
                        crate::packed_data::decode(&mut self.literals.borrow_mut(), b)
                    }
                    _ => None,
                };
                match data {
                    Some(d) => e(ExprKind::Data(d)),
                    None => e(ExprKind::Tuple(vec![
                        self.lower(&t[0], parent)?,
                        self.lower(&t[1], parent)?,
                    ])),
                }
            }
            Value::Tuple(t) if t.len() == 2 => e(ExprKind::Tuple(vec![
                self.lower(&t[0], parent)?,
                self.lower(&t[1], parent)?,
            ])),
            Value::Tuple(t) if t.len() == 3 => self.node(v, &t[0], &t[1], &t[2], parent),
            _ => e(ExprKind::Literal(v.clone())),
        }
    }

    fn all(&self, vs: &[Value], span: Span) -> LResult<Vec<Expr>> {
        vs.iter().map(|v| self.lower(v, span)).collect()
    }

    fn node(
        &self,
        whole: &Value,
        head: &Value,
        meta: &Value,
        tail: &Value,
        parent: Span,
    ) -> LResult<Expr> {
        let span = self.span_or(meta, parent);
        let mk = |k| Ok(Expr::new(span, k));
        match (head, tail) {
            (Value::Atom(name), Value::Atom(ctx)) => {
                let key = if name == "_" || name == "__STACKTRACE__" {
                    name.to_string()
                } else {
                    var_key(name, meta, ctx)
                };
                debug_assert!(
                    key == "_"
                        || key == "__STACKTRACE__"
                        || key == VarId::of(name, meta, ctx).key()
                );
                mk(ExprKind::Var(key))
            }
            (Value::Atom(name), Value::List(args, None)) => self.call(name, meta, args, span),
            (Value::Tuple(_), Value::List(args, None)) => match as_node(head) {
                Some((Value::Atom(dot), _, Value::List(d, None))) if dot == "." => {
                    match d.as_slice() {
                        [recv, Value::Atom(fname)] => {
                            let no_parens = q::keyword_get(meta, "no_parens").is_some();
                            // 'a#{x}' is List.to_charlist(["a", Kernel.to_string(x)]).
                            if as_atom(recv) == Some("Elixir.List") && fname == "to_charlist" {
                                if let Some(e) = self.charlist(args, span)? {
                                    return Ok(e);
                                }
                            }
                            // `:erlang.orelse/2`, `:erlang.andalso/2` (what Elixir's
                            // macros write): the short-circuit operators.
                            if as_atom(recv) == Some("erlang")
                                && (fname == "orelse" || fname == "andalso")
                                && args.len() == 2
                            {
                                let op = if fname == "orelse" {
                                    BinOp::Or
                                } else {
                                    BinOp::And
                                };
                                let a = self.lower(&args[0], span)?;
                                let b = self.lower(&args[1], span)?;
                                return mk(ExprKind::Binary(op, Box::new(a), Box::new(b)));
                            }
                            if as_atom(recv) == Some("Elixir.Kernel") {
                                if let Some(e) = self.kernel_call(fname, args, span)? {
                                    return Ok(e);
                                }
                            }
                            let r = self.lower(recv, span)?;
                            let args = self.all(args, span)?;
                            mk(ExprKind::Call(Box::new(Call {
                                target: CallTarget::Remote(Box::new(r), fname.to_string()),
                                args,
                                no_parens,
                                do_block: None,
                            })))
                        }
                        [f] => {
                            let f = self.lower(f, span)?;
                            let args = self.all(args, span)?;
                            mk(ExprKind::Call(Box::new(Call {
                                target: CallTarget::Anon(Box::new(f)),
                                args,
                                no_parens: false,
                                do_block: None,
                            })))
                        }
                        _ => mk(ExprKind::Literal(whole.clone())),
                    }
                }
                _ => Err(Diagnostic::new(
                    span,
                    "invalid call: a call's name must be an atom",
                )),
            },
            _ => mk(ExprKind::Literal(whole.clone())),
        }
    }

    /// `Kernel.name(args)` of an operator: the tree's operator node; `None`
    /// for other Kernel functions (remote calls, which the code generator
    /// maps to built-ins).
    fn kernel_call(&self, name: &str, args: &[Value], span: Span) -> LResult<Option<Expr>> {
        let mk = |k| Ok(Some(Expr::new(span, k)));
        match args {
            [a, b] => {
                if let Some(op) = binop(name) {
                    let (a, b) = (self.lower(a, span)?, self.lower(b, span)?);
                    return mk(ExprKind::Binary(op, Box::new(a), Box::new(b)));
                }
            }
            [a] => {
                if let Some(op) = unop(name) {
                    let a = self.lower(a, span)?;
                    // `+1` is the number itself (so it can be a pattern too).
                    if op == UnaryOp::Plus
                        && matches!(a.kind, ExprKind::Int(_) | ExprKind::Float(_))
                    {
                        return Ok(Some(a));
                    }
                    return mk(ExprKind::Unary(op, Box::new(a)));
                }
            }
            _ => {}
        }
        Ok(None)
    }

    fn call(&self, name: &str, meta: &Value, args: &[Value], span: Span) -> LResult<Expr> {
        let mk = |k| Ok(Expr::new(span, k));
        match (name, args) {
            ("__block__", items) => mk(ExprKind::Block(self.all(items, span)?)),
            // Escaped data (`Macro.escape/1`'s tuples, ExUnit's `code:`):
            // one literal, not code building each tuple, built straight
            // into the unit's literal heap.
            ("{}", items)
                if items.len() == 3
                    && matches!(items[1], Value::List(_, None))
                    && items.iter().all(q::is_constant_data) =>
            {
                let mut heap = self.literals.borrow_mut();
                let mut stack = Vec::new();
                for i in items {
                    data_term(&mut heap, i, &mut stack);
                }
                mk(ExprKind::Data(heap.tuple(&stack)))
            }
            ("{}", items) => mk(ExprKind::Tuple(self.all(items, span)?)),
            ("%{}", items) => {
                let (update, pairs) = self.map_parts(items, span)?;
                mk(ExprKind::Map { update, pairs })
            }
            ("%", [n, m]) => {
                let name_e = self.lower(n, span)?;
                let items = match as_call(m) {
                    Some(("%{}", _, items)) => items,
                    _ => &[],
                };
                let (update, pairs) = self.map_parts(items, span)?;
                mk(ExprKind::Struct {
                    name: Box::new(name_e),
                    update,
                    pairs,
                })
            }
            ("<<>>", segs) => self.bitstring(segs, span),
            ("fn", clauses) => mk(ExprKind::Fn(self.clauses(clauses, span)?)),
            ("&", [Value::Int(n)]) => mk(ExprKind::CaptureArg(*n as u32)),
            ("&", [x]) => {
                // &name/arity and &Mod.name/arity keep their shape.
                if let Some(("/", _, [f, Value::Int(a)])) = as_call(x) {
                    let f = match as_node(f) {
                        Some((Value::Atom(fname), _, Value::Atom(_))) => {
                            Expr::new(span, ExprKind::Var(fname.to_string()))
                        }
                        _ => self.lower(f, span)?,
                    };
                    let div = Expr::new(
                        span,
                        ExprKind::Binary(
                            BinOp::Div,
                            Box::new(f),
                            Box::new(Expr::new(span, ExprKind::Int(BigInt::from(*a)))),
                        ),
                    );
                    return mk(ExprKind::Capture(Box::new(div)));
                }
                mk(ExprKind::Capture(Box::new(self.lower(x, span)?)))
            }
            ("^", [x]) => mk(ExprKind::Unary(
                UnaryOp::Pin,
                Box::new(self.lower(x, span)?),
            )),
            ("not", [x]) => mk(ExprKind::Unary(
                UnaryOp::Not,
                Box::new(self.lower(x, span)?),
            )),
            ("!", [x]) => mk(ExprKind::Unary(
                UnaryOp::Bang,
                Box::new(self.lower(x, span)?),
            )),
            ("..", []) => mk(ExprKind::Call(Box::new(Call {
                target: CallTarget::Local("..".into()),
                args: vec![],
                no_parens: true,
                do_block: None,
            }))),
            ("..//", [a, b, c]) => {
                let range = Expr::new(
                    span,
                    ExprKind::Binary(
                        BinOp::Range,
                        Box::new(self.lower(a, span)?),
                        Box::new(self.lower(b, span)?),
                    ),
                );
                mk(ExprKind::Binary(
                    BinOp::RangeStep,
                    Box::new(range),
                    Box::new(self.lower(c, span)?),
                ))
            }
            (_, [a, b]) if binop(name).is_some() && name != "\\\\" => {
                let op = binop(name).expect("checked");
                mk(ExprKind::Binary(
                    op,
                    Box::new(self.lower(a, span)?),
                    Box::new(self.lower(b, span)?),
                ))
            }
            (s, [body, mods])
                if s.starts_with("sigil_")
                    && s.len() == 7
                    // Kernel's sigils the expander leaves (a user's sigil
                    // is a plain call of their sigil_x).
                    && matches!(&s[6..], "s" | "S" | "c" | "C" | "w" | "W" | "r" | "R" | "D" | "N" | "T" | "U")
                    && matches!(as_call(body), Some(("<<>>", _, _))) =>
            {
                let c = s.chars().nth(6).unwrap_or('s');
                let parts = match as_call(body) {
                    Some((_, _, segs)) => self.interp_parts(segs, span)?.unwrap_or_default(),
                    None => vec![],
                };
                let mods: String = as_list(mods)
                    .map(|l| {
                        l.iter()
                            .filter_map(|c| match c {
                                Value::Int(i) => char::from_u32(*i as u32),
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let delim = match q::keyword_get(meta, "delimiter") {
                    Some(Value::Binary(b)) => String::from_utf8_lossy(b).into_owned(),
                    _ => "(".into(),
                };
                mk(ExprKind::Sigil(c, parts, mods, delim))
            }
            _ => {
                // Rebuilt (without the do block) only when there is one:
                // cloning every call's arguments cost 2% of compiling a
                // large test file.
                let mut rebuilt: Option<Vec<Value>> = None;
                let mut do_block = None;
                if block_form(name) {
                    if let Some(last) = args.last() {
                        if let Some(kw) = as_keyword(last) {
                            if kw.iter().any(|(k, _)| *k == "do") {
                                // The sections become a do block; `for`'s
                                // options (into:, uniq:, reduce:) stay a
                                // keyword argument.
                                let mut sections = Vec::new();
                                let mut rest = Vec::new();
                                for (k, v) in kw {
                                    if name == "for" && k != "do" {
                                        rest.push(q::pair(q::atom(k), v.clone()));
                                    } else {
                                        sections.push((k.to_owned(), span, self.body(v, span)?));
                                    }
                                }
                                do_block = Some(DoBlock { sections });
                                let mut kept = args[..args.len() - 1].to_vec();
                                if !rest.is_empty() {
                                    kept.push(q::list(rest));
                                }
                                rebuilt = Some(kept);
                            }
                        }
                    }
                }
                let args = self.all(rebuilt.as_deref().unwrap_or(args), span)?;
                mk(ExprKind::Call(Box::new(Call {
                    target: CallTarget::Local(name.to_owned()),
                    no_parens: args.is_empty() && q::keyword_get(meta, "no_parens").is_some(),
                    args,
                    do_block,
                })))
            }
        }
    }

    /// A block section's body: `->` clauses, or expressions.
    fn body(&self, v: &Value, span: Span) -> LResult<Body> {
        if let Some(items) = as_list(v) {
            if !items.is_empty()
                && items
                    .iter()
                    .all(|i| matches!(as_call(i), Some(("->", _, _))))
            {
                return Ok(Body::Clauses(self.clauses(items, span)?));
            }
        }
        let e = self.lower(v, span)?;
        Ok(Body::Exprs(match e.kind {
            ExprKind::Block(_) => e,
            _ => Expr::new(e.span, ExprKind::Block(vec![e])),
        }))
    }

    fn clauses(&self, cl: &[Value], span: Span) -> LResult<Vec<Clause>> {
        let mut out = Vec::with_capacity(cl.len());
        for c in cl {
            let Some(("->", m, [args, body])) = as_call(c) else {
                return Err(Diagnostic::new(span, "expected -> clauses"));
            };
            let cspan = self.span_or(m, span);
            let args = as_list(args).unwrap_or(&[]);
            let (pats, guard) = match args {
                [w] => match as_call(w) {
                    Some(("when", _, wargs)) if !wargs.is_empty() => {
                        let (g, ps) = wargs.split_last().expect("not empty");
                        (ps, Some(self.lower(g, cspan)?))
                    }
                    _ => (args, None),
                },
                _ => (args, None),
            };
            let body = self.lower(body, cspan)?;
            let body = match body.kind {
                ExprKind::Block(_) => body,
                _ => Expr::new(body.span, ExprKind::Block(vec![body])),
            };
            out.push(Clause {
                span: cspan,
                args: self.all(pats, cspan)?,
                guard,
                body,
            });
        }
        Ok(out)
    }

    #[allow(clippy::type_complexity)]
    fn map_parts(
        &self,
        items: &[Value],
        span: Span,
    ) -> LResult<(Option<Box<Expr>>, Vec<(Expr, Expr)>)> {
        if let [one] = items {
            if let Some(("|", _, [base, kv])) = as_call(one) {
                let base = self.lower(base, span)?;
                let pairs = self.pairs(as_list(kv).unwrap_or(&[]), span)?;
                return Ok((Some(Box::new(base)), pairs));
            }
        }
        Ok((None, self.pairs(items, span)?))
    }

    fn pairs(&self, items: &[Value], span: Span) -> LResult<Vec<(Expr, Expr)>> {
        items
            .iter()
            .map(|p| match p {
                Value::Tuple(t) if t.len() == 2 => {
                    Ok((self.lower(&t[0], span)?, self.lower(&t[1], span)?))
                }
                _ => Err(Diagnostic::new(span, "expected key-value pairs in a map")),
            })
            .collect()
    }

    /// `<<"a", to_string(x)::binary>>`: interpolation parts, if that is
    /// what the segments are.
    fn interp_parts(&self, segs: &[Value], span: Span) -> LResult<Option<Vec<InterpPart>>> {
        let mut parts = Vec::new();
        for s in segs {
            match s {
                Value::Binary(b) => match std::str::from_utf8(b) {
                    Ok(t) => parts.push(InterpPart::Lit(t.to_owned())),
                    Err(_) => return Ok(None),
                },
                _ => match as_call(s) {
                    Some(("::", _, [x, ty])) if matches!(as_node(ty), Some((Value::Atom(b), _, Value::Atom(_))) if b == "binary") =>
                    {
                        let inner = match as_call(x) {
                            Some(("to_string", _, [inner])) => inner,
                            _ => match as_node(x) {
                                Some((h, _, Value::List(a, None)))
                                    if a.len() == 1 && is_kernel_to_string(h) =>
                                {
                                    &a[0]
                                }
                                _ => return Ok(None),
                            },
                        };
                        parts.push(InterpPart::Expr(self.lower(inner, span)?));
                    }
                    _ => return Ok(None),
                },
            }
        }
        Ok(Some(parts))
    }

    /// `List.to_charlist(["a", Kernel.to_string(x)])`: an interpolated charlist.
    fn charlist(&self, args: &[Value], span: Span) -> LResult<Option<Expr>> {
        let [Value::List(items, None)] = args else {
            return Ok(None);
        };
        let segs: Vec<Value> = items
            .iter()
            .map(|i| match as_node(i) {
                Some((h, m, Value::List(a, None)))
                    if a.len() == 1
                        && (is_kernel_to_string(h) || as_atom(h) == Some("to_string")) =>
                {
                    q::call(
                        "::",
                        m.clone(),
                        vec![i.clone(), q::var("binary", q::list(vec![]), q::nil())],
                    )
                }
                _ => i.clone(),
            })
            .collect();
        Ok(self
            .interp_parts(&segs, span)?
            .map(|parts| Expr::new(span, ExprKind::Charlist(parts))))
    }

    fn bitstring(&self, segs: &[Value], span: Span) -> LResult<Expr> {
        if let Some(parts) = self.interp_parts(segs, span)? {
            if parts.iter().any(|p| matches!(p, InterpPart::Expr(_))) || parts.len() != 1 {
                return Ok(Expr::new(span, ExprKind::Interp(parts)));
            }
            if let [InterpPart::Lit(s)] = parts.as_slice() {
                return Ok(Expr::new(span, ExprKind::Str(s.clone())));
            }
        }
        Ok(Expr::new(span, ExprKind::Bitstring(self.all(segs, span)?)))
    }
}

/// [`VarId::key`] of the variable `{name, meta, ctx}`, built straight
/// into one string: no `VarId` (two strings), no `format!`, no atom (it
/// was interned and read back, 17,000 times for a large test file).
fn var_key(name: &str, meta: &Value, ctx: &str) -> String {
    let counter = match q::keyword_get_atom(meta, beamlet_vm::static_atom!("counter")) {
        Some(Value::Int(n)) => Some(*n),
        Some(Value::Tuple(t)) if t.len() == 2 => match &t[1] {
            Value::Int(n) => Some(*n),
            _ => None,
        },
        _ => None,
    };
    match counter {
        Some(c) => {
            let mut digits = [0u8; 20];
            let mut i = digits.len();
            let mut n = c.unsigned_abs();
            loop {
                i -= 1;
                digits[i] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            let mut s = String::with_capacity(name.len() + 2 + digits.len() - i);
            s.push_str(name);
            s.push('#');
            if c < 0 {
                s.push('-');
            }
            s.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
            s
        }
        None if ctx == "nil" => name.to_owned(),
        None => {
            let ctx = ctx.trim_start_matches("Elixir.");
            let mut s = String::with_capacity(name.len() + 1 + ctx.len());
            s.push_str(name);
            s.push('@');
            s.push_str(ctx);
            s
        }
    }
}

/// The term of escaped data `v` (one [`q::is_constant_data`] accepts), built in `heap`
/// and pushed on `stack` (a tuple's or list's elements are pushed, built
/// from the top of the stack, and popped: no vector per node): the same term
/// `convert::from_value` gives for [`q::constant_data`]'s value.
fn data_term(heap: &mut Heap, v: &Value, stack: &mut Vec<Term>) {
    let base = stack.len();
    let t = match v {
        Value::List(items, _) => {
            for i in items {
                data_term(heap, i, stack);
            }
            heap.list_with_tail(&stack[base..], Term::NIL)
        }
        Value::Tuple(t) if t.len() == 2 => {
            data_term(heap, &t[0], stack);
            data_term(heap, &t[1], stack);
            heap.tuple(&stack[base..])
        }
        Value::Tuple(t) => match &t[2] {
            Value::List(args, _) => {
                for i in args {
                    data_term(heap, i, stack);
                }
                heap.tuple(&stack[base..])
            }
            _ => unreachable!("constant data has only {{:{{}}, meta, args}}"),
        },
        other => beamlet_vm::convert::from_value(heap, other),
    };
    stack.truncate(base);
    stack.push(t);
}

fn is_kernel_to_string(head: &Value) -> bool {
    match as_node(head) {
        Some((Value::Atom(d), _, Value::List(a, None))) if d == "." && a.len() == 2 => {
            as_atom(&a[0]) == Some("Elixir.Kernel") && as_atom(&a[1]) == Some("to_string")
        }
        _ => false,
    }
}
