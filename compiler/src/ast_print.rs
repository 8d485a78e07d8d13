//! A compact S-expression printer for the surface AST, for snapshot tests
//! and debugging.
//!
//! Notation (one top-level form per line; a form too wide for 80 columns
//! breaks with its arguments indented):
//!
//! | source                  | printed                          |
//! |-------------------------|----------------------------------|
//! | `f(a, b)`               | `(f a b)`                        |
//! | `f a, b` (no parens)    | `(f~ a b)`                       |
//! | `Mod.f(x)`, `m.field`   | `(Mod.f x)`, `(m.field~)`        |
//! | `fun.(x)`               | `(fun. x)`                       |
//! | `if c do a else b end`  | `(if~ c (do a) (else b))`        |
//! | `x -> y` clause         | `(-> (x) y)`, with `(when g)`    |
//! | `a + b`, `-a`           | `(+ a b)`, `(- a)`               |
//! | `[a | t]`, `{a, b}`     | `[a | t]`, `{a b}`               |
//! | `%{k => v}`, `%S{m | k: v}` | `(%{} (k v))`, `(%S m | (:k v))` |
//! | `"a#{b}"`               | `(interp "a" b)`                 |
//! | `&(&1 + 1)`, `m[k]`     | `(& (+ &1 1))`, `([] m k)`       |
//! | `@a`, `@a 1`            | `@a`, `(@a 1)`                   |
//!
//! A block of one expression (a clause or section body) prints as that
//! expression; otherwise as `(block ...)`.

use crate::ast::{
    BinOp, Body, Call, CallTarget, Clause, Expr, ExprKind, InterpPart, Program, UnaryOp,
};

/// Prints a program, one top-level expression per line.
pub fn sexp(p: &Program) -> String {
    let mut out = String::new();
    for e in &p.exprs {
        layout(&expr(e), 0, &mut out);
        out.push('\n');
    }
    out
}

/// Prints a program, one top-level expression per line, never breaking lines.
pub fn sexp_flat(p: &Program) -> String {
    let mut out = String::new();
    for e in &p.exprs {
        flat(&expr(e), &mut out);
        out.push('\n');
    }
    out
}

/// Prints one expression.
pub fn sexp_expr(e: &Expr) -> String {
    let mut out = String::new();
    layout(&expr(e), 0, &mut out);
    out
}

/// A printed tree: a word, or a bracketed list of trees.
enum S {
    W(String),
    L(&'static str, Vec<S>, &'static str),
}

fn w(s: impl Into<String>) -> S {
    S::W(s.into())
}

fn paren(items: Vec<S>) -> S {
    S::L("(", items, ")")
}

fn flat(s: &S, out: &mut String) {
    match s {
        S::W(t) => out.push_str(t),
        S::L(open, items, close) => {
            out.push_str(open);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                flat(item, out);
            }
            out.push_str(close);
        }
    }
}

fn width(s: &S) -> usize {
    match s {
        S::W(t) => t.chars().count(),
        S::L(open, items, close) => {
            open.len()
                + close.len()
                + items.iter().map(width).sum::<usize>()
                + items.len().saturating_sub(1)
        }
    }
}

const WIDTH: usize = 80;

/// Prints flat if it fits, else the head on the first line and each other
/// item on its own line, two spaces further in.
fn layout(s: &S, indent: usize, out: &mut String) {
    match s {
        S::L(open, items, close) if indent + width(s) > WIDTH && items.len() > 1 => {
            out.push_str(open);
            // A list keeps its first item on the opening line; a form its head.
            if *open == "(" {
                flat(&items[0], out);
            } else {
                layout(&items[0], indent + 1, out);
            }
            for item in &items[1..] {
                out.push('\n');
                out.push_str(&" ".repeat(indent + 2));
                layout(item, indent + 2, out);
            }
            out.push_str(close);
        }
        _ => flat(s, out),
    }
}

fn atom_text(a: &str) -> String {
    if matches!(a, "true" | "false" | "nil") {
        return a.to_string();
    }
    let plain = a
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && a.trim_end_matches(['?', '!'])
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@');
    const OPERATORS: &[&str] = &[
        "+", "-", "*", "/", "**", "++", "--", "<>", "..", "==", "!=", "===", "!==", "<=", ">=",
        "<", ">", "&&", "||", "!", "=~", "|>", "&", "^", "@", ".", "<-", "->", "|", "=>",
    ];
    if plain || OPERATORS.contains(&a) {
        format!(":{a}")
    } else {
        format!(":{a:?}")
    }
}

fn binop(op: BinOp) -> &'static str {
    match op {
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
        BinOp::NotIn => "not-in",
        BinOp::Concat => "++",
        BinOp::Subtract => "--",
        BinOp::Range => "..",
        BinOp::RangeStep => "//",
        BinOp::StrConcat => "<>",
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Pow => "**",
        BinOp::Custom(op) => op,
    }
}

fn unop(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Plus => "+",
        UnaryOp::Bang => "!",
        UnaryOp::Not => "not",
        UnaryOp::Pin => "^",
        UnaryOp::Custom(op) => op,
    }
}

fn parts(head: &str, ps: &[InterpPart]) -> S {
    let mut items = vec![w(head)];
    for p in ps {
        items.push(match p {
            InterpPart::Lit(s) => w(format!("{s:?}")),
            InterpPart::Expr(e) => expr(e),
        });
    }
    paren(items)
}

/// A body block: one expression prints as itself.
fn body_expr(e: &Expr) -> S {
    match &e.kind {
        ExprKind::Block(es) if es.len() == 1 => expr(&es[0]),
        _ => expr(e),
    }
}

fn clause(c: &Clause) -> S {
    let mut items = vec![w("->"), paren(c.args.iter().map(expr).collect())];
    if let Some(g) = &c.guard {
        items.push(paren(vec![w("when"), expr(g)]));
    }
    items.push(body_expr(&c.body));
    paren(items)
}

fn pairs(items: &mut Vec<S>, update: &Option<Box<Expr>>, ps: &[(Expr, Expr)]) {
    if let Some(u) = update {
        items.push(expr(u));
        items.push(w("|"));
    }
    for (k, v) in ps {
        items.push(paren(vec![expr(k), expr(v)]));
    }
}

/// The name of a call's target when it can be written as one word.
fn target_word(t: &CallTarget) -> Option<String> {
    match t {
        CallTarget::Local(n) => Some(n.clone()),
        CallTarget::Remote(m, f) => match &m.kind {
            ExprKind::Alias(a) => Some(format!("{a}.{f}")),
            ExprKind::Var(v) => Some(format!("{v}.{f}")),
            ExprKind::Atom(a) => Some(format!("{}.{f}", atom_text(a))),
            _ => None,
        },
        CallTarget::Anon(e) => match &e.kind {
            ExprKind::Var(v) => Some(format!("{v}.")),
            _ => None,
        },
        CallTarget::Dynamic(_) => None,
    }
}

fn call(c: &Call) -> S {
    let mark = if c.no_parens { "~" } else { "" };
    let mut items = match target_word(&c.target) {
        Some(name) => vec![w(format!("{name}{mark}"))],
        None => match &c.target {
            CallTarget::Remote(m, f) => vec![paren(vec![w(format!(".{f}{mark}")), expr(m)])],
            CallTarget::Anon(e) => vec![paren(vec![w(".()"), expr(e)])],
            CallTarget::Dynamic(e) => vec![paren(vec![w("dyn"), expr(e)])],
            CallTarget::Local(_) => vec![],
        },
    };
    items.extend(c.args.iter().map(expr));
    if let Some(d) = &c.do_block {
        for (name, _, body) in &d.sections {
            let mut sec = vec![w(name.clone())];
            match body {
                Body::Exprs(e) => match &e.kind {
                    ExprKind::Block(es) => sec.extend(es.iter().map(expr)),
                    _ => sec.push(expr(e)),
                },
                Body::Clauses(cs) => sec.extend(cs.iter().map(clause)),
            }
            items.push(paren(sec));
        }
    }
    paren(items)
}

fn expr(e: &Expr) -> S {
    match &e.kind {
        ExprKind::Int(n) => w(n.to_string()),
        ExprKind::Float(f) => w(format!("{f:?}")),
        ExprKind::Atom(a) => w(atom_text(a)),
        ExprKind::Alias(a) => w(a.clone()),
        ExprKind::AliasOf(base, names) => {
            paren(vec![w("alias-of"), expr(base), w(names.join("."))])
        }
        ExprKind::Literal(v) => w(beamlet_vm::inspect::inspect(v, &Default::default())),
        ExprKind::Data(t) => w(beamlet_vm::inspect::inspect(
            &crate::quoted::data_value(*t),
            &Default::default(),
        )),
        ExprKind::Str(s) => w(format!("{s:?}")),
        ExprKind::Interp(ps) => parts("interp", ps),
        ExprKind::Charlist(ps) => parts("charlist", ps),
        ExprKind::Sigil(c, ps, mods, _) => {
            let head = if mods.is_empty() {
                format!("~{c}")
            } else {
                format!("~{c}/{mods}")
            };
            parts(&head, ps)
        }
        ExprKind::Var(v) => w(v.clone()),
        ExprKind::List(items, tail) => {
            let mut out: Vec<S> = items.iter().map(expr).collect();
            if let Some(t) = tail {
                out.push(w("|"));
                out.push(expr(t));
            }
            S::L("[", out, "]")
        }
        ExprKind::Tuple(items) => S::L("{", items.iter().map(expr).collect(), "}"),
        ExprKind::MapEntries {
            name,
            update,
            entries,
        } => {
            let mut items = vec![w("%{...}")];
            items.extend(name.iter().map(|n| expr(n)));
            if let Some(u) = update {
                items.push(paren(vec![w("|"), expr(u)]));
            }
            items.extend(entries.iter().map(expr));
            paren(items)
        }
        ExprKind::Map { update, pairs: ps } => {
            let mut items = vec![w("%{}")];
            pairs(&mut items, update, ps);
            paren(items)
        }
        ExprKind::Struct {
            name,
            update,
            pairs: ps,
        } => {
            let mut items = vec![match &name.kind {
                ExprKind::Alias(a) | ExprKind::Var(a) => w(format!("%{a}")),
                _ => paren(vec![w("%"), expr(name)]),
            }];
            pairs(&mut items, update, ps);
            paren(items)
        }
        ExprKind::Bitstring(items) => {
            let mut out = vec![w("<<>>")];
            out.extend(items.iter().map(expr));
            paren(out)
        }
        ExprKind::Unary(op, x) => paren(vec![w(unop(*op)), expr(x)]),
        ExprKind::Binary(op, l, r) => paren(vec![w(binop(*op)), expr(l), expr(r)]),
        ExprKind::Call(c) => call(c),
        ExprKind::Fn(cs) => {
            let mut items = vec![w("fn")];
            items.extend(cs.iter().map(clause));
            paren(items)
        }
        ExprKind::StabParens(cs) => {
            let mut items = vec![w("->")];
            items.extend(cs.iter().map(clause));
            paren(items)
        }
        ExprKind::Capture(x) => paren(vec![w("&"), expr(x)]),
        ExprKind::CaptureArg(n) => w(format!("&{n}")),
        ExprKind::Access(x, k) => paren(vec![w("[]"), expr(x), expr(k)]),
        ExprKind::Attr(n, None) => w(format!("@{n}")),
        ExprKind::Attr(n, Some(v)) => paren(vec![w(format!("@{n}")), expr(v)]),
        ExprKind::Block(es) => {
            let mut items = vec![w("block")];
            items.extend(es.iter().map(expr));
            paren(items)
        }
    }
}
