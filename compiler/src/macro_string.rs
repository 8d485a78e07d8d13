//! `Macro.to_string/1`: quoted code printed back as source, the way
//! Elixir 1.14's formatter prints it for the common shapes (operators with
//! the fewest parentheses their precedence allows, calls, aliases, data,
//! `fn`, captures, interpolated strings, and calls with `do` blocks on
//! several lines, indented by two spaces).

use crate::quoted::{as_atom, as_list, as_node};
use beamlet_vm::value::Value;

/// `ast` as source text.
pub fn to_string(ast: &Value) -> String {
    expr(ast, 0)
}

fn inspect(v: &Value) -> String {
    beamlet_vm::inspect::inspect(v, &Default::default())
}

/// Binary operators: precedence (higher binds tighter) and whether they
/// associate to the right.
fn binary_op(name: &str) -> Option<(u8, bool)> {
    Some(match name {
        "\\\\" | "<-" => (1, false),
        "when" => (2, true),
        "::" => (3, true),
        "|" => (4, true),
        "=>" => (5, true),
        "=" => (7, true),
        "||" | "|||" | "or" => (8, false),
        "&&" | "&&&" | "and" => (9, false),
        "==" | "!=" | "=~" | "===" | "!==" => (10, false),
        "<" | ">" | "<=" | ">=" => (11, false),
        "|>" | "<<<" | ">>>" | "<<~" | "~>>" | "<~" | "~>" | "<~>" | "<|>" => (12, false),
        "in" => (13, false),
        "^^^" => (14, false),
        "++" | "--" | "+++" | "---" | ".." | "<>" => (15, true),
        "+" | "-" => (17, false),
        "*" | "/" => (18, false),
        "**" => (19, false),
        _ => return None,
    })
}

const UNARY_PREC: u8 = 20;

fn is_unary(name: &str) -> bool {
    matches!(name, "-" | "+" | "!" | "^" | "not" | "~~~")
}

fn indent(s: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    s.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A keyword list (`[a: 1]`, never empty) as Elixir recognizes one.
fn keyword(v: &Value) -> Option<Vec<(&str, &Value)>> {
    let items = as_list(v)?;
    if items.is_empty() {
        return None;
    }
    items
        .iter()
        .map(|i| match i {
            Value::Tuple(p) if p.len() == 2 => Some((as_atom(&p[0])?, &p[1])),
            _ => None,
        })
        .collect()
}

fn key(k: &str) -> String {
    let a = inspect(&Value::Atom(k.to_owned()));
    match a.strip_prefix(':') {
        Some(rest) => format!("{rest}:"),
        None => format!("{a}:"),
    }
}

fn kw_items(kw: &[(&str, &Value)]) -> String {
    kw.iter()
        .map(|(k, v)| format!("{} {}", key(k), expr(v, 0)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Call arguments; a trailing keyword list loses its brackets.
fn args(a: &[Value]) -> String {
    let mut out: Vec<String> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        match keyword(x) {
            Some(kw) if i + 1 == a.len() => out.push(kw_items(&kw)),
            _ => out.push(expr(x, 0)),
        }
    }
    out.join(", ")
}

fn list(items: &[Value]) -> String {
    if let Some(kw) = keyword(&Value::List(items.to_vec(), None)) {
        return format!("[{}]", kw_items(&kw));
    }
    let mut parts: Vec<String> = items.iter().map(|x| expr(x, 0)).collect();
    if let Some(last) = items.last() {
        if let Some((Value::Atom(n), _, Value::List(a, None))) = as_node(last) {
            if n == "|" && a.len() == 2 {
                parts.pop();
                parts.push(format!("{} | {}", expr(&a[0], 5), expr(&a[1], 4)));
            }
        }
    }
    format!("[{}]", parts.join(", "))
}

/// The text of an interpolated string's segments, or `None` when the
/// `<<>>` is not a string.
fn interpolation(segs: &[Value]) -> Option<String> {
    let mut out = String::from("\"");
    for s in segs {
        match s {
            Value::Binary(_) => {
                let i = inspect(s);
                out.push_str(&i[1..i.len() - 1].replace("#{", "\\#{"));
            }
            _ => {
                let (_, _, a) = as_node(s)?;
                let a = as_list(a)?;
                if as_atom(as_node(s)?.0)? != "::" || a.len() != 2 {
                    return None;
                }
                match as_node(&a[1]) {
                    Some((Value::Atom(b), _, _)) if b == "binary" => {}
                    _ => return None,
                }
                let inner = match as_node(&a[0]) {
                    Some((head, _, Value::List(x, None))) if x.len() == 1 && is_to_string(head) => {
                        &x[0]
                    }
                    _ => return None,
                };
                out.push_str(&format!("#{{{}}}", expr(inner, 0)));
            }
        }
    }
    out.push('"');
    Some(out)
}

fn is_to_string(head: &Value) -> bool {
    match as_node(head) {
        Some((Value::Atom(d), _, Value::List(a, None))) if d == "." && a.len() == 2 => {
            matches!(&a[0], Value::Atom(m) if m == "Elixir.Kernel")
                && matches!(&a[1], Value::Atom(f) if f == "to_string")
        }
        _ => false,
    }
}

fn alias_name(segs: &[Value]) -> String {
    segs.iter()
        .map(|s| match s {
            Value::Atom(a) => a.trim_start_matches("Elixir.").to_owned(),
            other => expr(other, 0),
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn paren_if(s: String, yes: bool) -> String {
    if yes {
        format!("({s})")
    } else {
        s
    }
}

/// A `do` block's body, or a clause list's clauses, one per line.
fn block_body(v: &Value) -> String {
    if let Some(items) = as_list(v) {
        if !items.is_empty() && items.iter().all(is_clause) {
            return items.iter().map(clause).collect::<Vec<_>>().join("\n");
        }
    }
    match as_node(v) {
        Some((Value::Atom(b), _, Value::List(items, None))) if b == "__block__" => items
            .iter()
            .map(|x| expr(x, 0))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => expr(v, 0),
    }
}

fn is_clause(v: &Value) -> bool {
    matches!(as_node(v), Some((Value::Atom(a), _, Value::List(x, None))) if a == "->" && x.len() == 2)
}

fn clause(v: &Value) -> String {
    let Some((_, _, Value::List(x, None))) = as_node(v) else {
        return expr(v, 0);
    };
    let head = match as_list(&x[0]) {
        Some(pats) => pats
            .iter()
            .map(|p| expr(p, 0))
            .collect::<Vec<_>>()
            .join(", "),
        None => expr(&x[0], 0),
    };
    let body = block_body(&x[1]);
    if body.contains('\n') {
        format!("{head} ->\n{}", indent(&body, 2))
    } else {
        format!("{head} -> {body}")
    }
}

/// A call with a `do` block: `name args do ... end`.
fn do_block(callee: &str, a: &[Value]) -> Option<String> {
    let (last, rest) = a.split_last()?;
    let kw = keyword(last)?;
    if kw.first()?.0 != "do"
        || !kw
            .iter()
            .all(|(k, _)| matches!(*k, "do" | "else" | "after" | "rescue" | "catch"))
    {
        return None;
    }
    let mut out = callee.to_owned();
    if !rest.is_empty() {
        out.push(' ');
        out.push_str(&args(rest));
    }
    for (k, v) in kw {
        if k == "do" {
            out.push_str(" do\n");
        } else {
            out.push_str(&format!("\n{k}\n"));
        }
        out.push_str(&indent(&block_body(v), 2));
    }
    out.push_str("\nend");
    Some(out)
}

fn expr(v: &Value, prec: u8) -> String {
    match v {
        Value::List(items, None) => list(items),
        Value::Tuple(t) if t.len() == 2 => format!("{{{}, {}}}", expr(&t[0], 0), expr(&t[1], 0)),
        Value::Tuple(t) if t.len() == 3 => {
            node(&t[0], &t[1], &t[2], prec).unwrap_or_else(|| inspect(v))
        }
        _ => inspect(v),
    }
}

fn node(head: &Value, meta: &Value, tail: &Value, prec: u8) -> Option<String> {
    // Variables.
    if let (Value::Atom(name), Value::Atom(_)) = (head, tail) {
        return Some(name.clone());
    }
    let a = as_list(tail)?;
    match head {
        Value::Atom(name) => Some(local(name, meta, a, prec)),
        _ => {
            let (h, _, ha) = as_node(head)?;
            let ha = as_list(ha)?;
            if as_atom(h)? != "." {
                return Some(format!("{}({})", expr(head, 0), args(a)));
            }
            match ha {
                [f] => Some(format!("{}.({})", expr(f, UNARY_PREC + 2), args(a))),
                [recv, Value::Atom(fname)] => {
                    let r = match recv {
                        Value::Atom(m) if m.starts_with("Elixir.") => {
                            m["Elixir.".len()..].to_owned()
                        }
                        Value::Atom(_) => inspect(recv),
                        _ => expr(recv, UNARY_PREC + 2),
                    };
                    if r == "Access" && fname == "get" && a.len() == 2 {
                        return Some(format!(
                            "{}[{}]",
                            expr(&a[0], UNARY_PREC + 2),
                            expr(&a[1], 0)
                        ));
                    }
                    let no_parens = crate::quoted::keyword_get(meta, "no_parens").is_some();
                    let callee = format!("{r}.{fname}");
                    if a.is_empty() && no_parens {
                        return Some(callee);
                    }
                    if let Some(b) = do_block(&callee, a) {
                        return Some(b);
                    }
                    Some(format!("{callee}({})", args(a)))
                }
                _ => None,
            }
        }
    }
}

fn local(name: &str, _meta: &Value, a: &[Value], prec: u8) -> String {
    match (name, a) {
        ("__aliases__", segs) => alias_name(segs),
        ("__block__", [x]) => expr(x, prec),
        ("__block__", items) => {
            let lines: Vec<String> = items.iter().map(|x| expr(x, 0)).collect();
            if prec > 0 {
                format!("({})", lines.join("; "))
            } else {
                lines.join("\n")
            }
        }
        ("{}", items) => format!(
            "{{{}}}",
            items
                .iter()
                .map(|x| expr(x, 0))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ("%{}", pairs) => format!("%{{{}}}", map_body(pairs)),
        ("%", [st, m]) => {
            let body = match as_node(m) {
                Some((Value::Atom(n), _, Value::List(p, None))) if n == "%{}" => map_body(p),
                _ => expr(m, 0),
            };
            format!("%{}{{{}}}", expr(st, UNARY_PREC + 2), body)
        }
        ("<<>>", segs) => interpolation(segs).unwrap_or_else(|| {
            format!(
                "<<{}>>",
                segs.iter()
                    .map(|x| expr(x, 0))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }),
        ("fn", clauses) => {
            if let [c] = clauses {
                let s = clause(c);
                if !s.contains('\n') {
                    return format!("fn {s} end");
                }
            }
            let body: Vec<String> = clauses.iter().map(clause).collect();
            format!("fn\n{}\nend", indent(&body.join("\n"), 2))
        }
        ("&", [Value::Int(i)]) => format!("&{i}"),
        ("&", [x]) => {
            let inner = match as_node(x) {
                Some((Value::Atom(s), _, Value::List(sa, None))) if s == "/" && sa.len() == 2 => {
                    format!(
                        "{}/{}",
                        expr(&sa[0], UNARY_PREC + 2),
                        expr(&sa[1], UNARY_PREC + 2)
                    )
                }
                Some((Value::Atom(op), _, Value::List(oa, None)))
                    if (oa.len() == 2 && binary_op(op).is_some())
                        || (oa.len() == 1 && is_unary(op)) =>
                {
                    format!("({})", expr(x, 0))
                }
                _ => expr(x, 0),
            };
            format!("&{inner}")
        }
        ("@", [x]) => match as_node(x) {
            Some((Value::Atom(n), _, Value::List(xa, None))) if xa.len() == 1 => {
                format!("@{n} {}", expr(&xa[0], 0))
            }
            Some((Value::Atom(n), _, _)) => format!("@{n}"),
            _ => format!("@{}", expr(x, UNARY_PREC)),
        },
        ("not", [x]) => match as_node(x) {
            Some((Value::Atom(i), _, Value::List(ia, None))) if i == "in" && ia.len() == 2 => {
                let (p, _) = binary_op("in").unwrap_or((13, false));
                paren_if(
                    format!("{} not in {}", expr(&ia[0], p), expr(&ia[1], p + 1)),
                    prec > p,
                )
            }
            _ => paren_if(format!("not {}", expr(x, UNARY_PREC)), prec > UNARY_PREC),
        },
        (op, [x]) if is_unary(op) => {
            let inner = expr(x, UNARY_PREC + 1);
            paren_if(format!("{op}{inner}"), prec > UNARY_PREC)
        }
        ("..//", [f, l, s]) => paren_if(
            format!("{}..{}//{}", expr(f, 16), expr(l, 16), expr(s, 16)),
            prec > 15,
        ),
        (op, [l, r]) if binary_op(op).is_some() => {
            let (p, right) = binary_op(op).unwrap_or((0, false));
            let (lp, rp) = if right { (p + 1, p) } else { (p, p + 1) };
            let text = match op {
                ".." | "::" => format!("{}{op}{}", expr(l, lp), expr(r, rp)),
                _ => format!("{} {op} {}", expr(l, lp), expr(r, rp)),
            };
            paren_if(text, prec > p)
        }
        _ => {
            if let Some(b) = do_block(name, a) {
                return paren_if(b, false);
            }
            format!("{name}({})", args(a))
        }
    }
}

fn map_body(pairs: &[Value]) -> String {
    if let [one] = pairs {
        if let Some((Value::Atom(p), _, Value::List(pa, None))) = as_node(one) {
            if p == "|" && pa.len() == 2 {
                let rest = match keyword(&pa[1]) {
                    Some(kw) => kw_items(&kw),
                    None => expr(&pa[1], 0),
                };
                return format!("{} | {rest}", expr(&pa[0], 5));
            }
        }
    }
    let list = Value::List(pairs.to_vec(), None);
    if let Some(kw) = keyword(&list) {
        return kw_items(&kw);
    }
    pairs
        .iter()
        .map(|p| match p {
            Value::Tuple(t) if t.len() == 2 => format!("{} => {}", expr(&t[0], 6), expr(&t[1], 0)),
            other => expr(other, 0),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
