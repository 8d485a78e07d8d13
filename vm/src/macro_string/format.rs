//! The part of Elixir 1.14's code formatter (`Code.Formatter`) that `Code.quoted_to_algebra/2`
//! runs: normalized quoted code ([`Q`]) to a document of [`crate::inspect::algebra`].
//!
//! The functions follow the formatter's own: blocks, operators (by precedence, with the
//! formatter's line-breaking classes), calls with and without parentheses, keyword
//! arguments, do-end blocks, anonymous functions and clauses, captures, containers,
//! strings, sigils and heredocs.

use std::borrow::Cow;

use crate::inspect::algebra::{DocId, Docs, GroupMode, Indent, NestMode};
use crate::inspect::{
    classify, escape_with, inspect, inspect_atom, inspect_atom_remote_call, AtomClass, InspectOpts,
};

use super::normalize::{Meta, Part, Q};
use super::ops::{self, Assoc};

/// The position an expression is printed in (the formatter's `context`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    Block,
    Operand,
    ParensArg,
    ParensOneArg,
    NoParensArg,
    NoParensOneArg,
}

/// When a call may drop its parentheses (`:skip_if_only_do_end`...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Skip {
    IfOnlyDoEnd,
    UnlessManyArgs,
    IfDoEnd,
}

/// How arguments are separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    Line,
    Break,
    FlexBreak,
}

/// What the last argument of a list gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LastArg {
    None,
    ForceComma,
    NextBreakFits,
}

/// How literal text is escaped inside quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Escape<'s> {
    /// Between these quotes: the quote is escaped, newlines start a line at column 0.
    Quote(&'s str),
    /// In a heredoc closed by this delimiter: newlines are lines of the heredoc.
    Heredoc(&'s str),
}

pub(super) struct Formatter {
    pub docs: Docs,
    operand_nesting: usize,
}

fn eol(meta: &Meta) -> bool {
    meta.newlines > 0
}

fn force_many_args_or_operand(ctx: Ctx, choice: Ctx) -> Ctx {
    match ctx {
        Ctx::NoParensOneArg | Ctx::NoParensArg => Ctx::NoParensArg,
        Ctx::ParensOneArg | Ctx::ParensArg => Ctx::ParensArg,
        Ctx::Operand | Ctx::Block => choice,
    }
}

fn left_op_context(ctx: Ctx) -> Ctx {
    force_many_args_or_operand(ctx, Ctx::ParensArg)
}

fn right_op_context(ctx: Ctx) -> Ctx {
    force_many_args_or_operand(ctx, Ctx::Operand)
}

/// `{:__block__, _, [expr]}` seen through.
fn unwrap_block<'q, 'a>(q: &'q Q<'a>) -> &'q Q<'a> {
    match q {
        Q::Call(_, "__block__", args) if args.len() == 1 => unwrap_block(&args[0]),
        _ => q,
    }
}

fn is_unary_operator(q: &Q) -> bool {
    matches!(q, Q::Call(_, op, args) if args.len() == 1 && ops::unary_op(op).is_some())
}

fn is_binary_operator(q: &Q) -> bool {
    match q {
        Q::Call(_, "..//", args) => args.len() == 3,
        Q::Call(_, op, args) => args.len() == 2 && ops::binary_op(op).is_some(),
        _ => false,
    }
}

fn is_operator(q: &Q) -> bool {
    is_unary_operator(q) || is_binary_operator(q)
}

/// `@name` reading an attribute.
fn module_attribute_read(q: &Q) -> bool {
    match q {
        Q::Call(_, "@", args) if args.len() == 1 => {
            matches!(&args[0], Q::Var(_, name) if classify(name) == AtomClass::Identifier)
        }
        _ => false,
    }
}

fn integer_capture(q: &Q) -> bool {
    matches!(q, Q::Call(_, "&", args) if args.len() == 1 && matches!(args[0], Q::Int(..)))
}

/// A keyword key: an atom marked `format: :keyword` (or an interpolated one).
fn keyword_key(q: &Q) -> bool {
    match q {
        Q::Atom(m, _) | Q::InterpAtom(m, _) => m.keyword,
        _ => false,
    }
}

/// `keyword?/1`: a list of keyword pairs.
fn is_keyword(items: &[Q]) -> bool {
    items
        .iter()
        .all(|i| matches!(i, Q::Pair(k, _) if keyword_key(k)))
}

/// A `->` clause.
fn is_clause(q: &Q) -> bool {
    matches!(q, Q::Call(_, "->", args) if args.len() == 2)
}

/// `next_break_fits?/2`: whether the document's next break may be taken as fitting (the
/// expression opens with a delimiter: `%{`, `fn`, `[`...).
fn next_break_fits(q: &Q) -> bool {
    match q {
        Q::Tuple(m, _) => eol(m),
        Q::Call(m, "<<>>", args) if !args.is_empty() => {
            m.delimiter.as_deref() == Some("\"\"\"") || eol(m)
        }
        Q::Interp(m, parts) if !parts.is_empty() => m.delimiter.as_deref() == Some("\"\"\""),
        Q::InterpCharlist(m, _) => m.delimiter.as_deref() == Some("'''"),
        Q::CallExpr(_, target, _) => {
            matches!(&**target, Q::Call(_, ".", a) if a.len() == 2 && matches!(a[1], Q::RawAtom("{}")))
        }
        Q::Str(m, _) => m.delimiter.as_deref() == Some("\"\"\""),
        Q::List(_, _) => true,
        Q::Charlist(m, _) => m.delimiter.as_deref() != Some("'"),
        Q::Call(_, "fn" | "%{}" | "%", args) => !args.is_empty(),
        Q::Call(m, name, _) => {
            matches!(m.delimiter.as_deref(), Some("\"\"\"" | "'''")) && name.starts_with("sigil_")
        }
        Q::Pair(k, v) if matches!(**k, Q::Atom(..)) => next_break_fits(v),
        _ => false,
    }
}

/// `insert_underscores/1`: `1000000` as `1_000_000`.
fn insert_underscores(digits: &str) -> String {
    if digits.contains('_') || digits.len() < 6 {
        return digits.to_string();
    }
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    let first = chars.len() % 3;
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (i + 3 - first).is_multiple_of(3) {
            out.push('_');
        }
        out.push(*c);
    }
    out
}

/// An integer's token as the formatter writes it.
fn integer_text(token: &str) -> String {
    if let Some(rest) = token.strip_prefix("0x") {
        format!("0x{}", rest.to_uppercase())
    } else if token.starts_with("0b") || token.starts_with("0o") || token.starts_with('?') {
        token.to_string()
    } else {
        insert_underscores(token)
    }
}

/// A float's token as the formatter writes it.
fn float_text(token: &str) -> String {
    match token.split_once('.') {
        Some((int, dec)) => format!("{}.{}", insert_underscores(int), dec.to_lowercase()),
        None => token.to_string(),
    }
}

/// How the normalizer escapes literal text: as `inspect` does, quotes left alone.
fn escape_text(bytes: &[u8]) -> String {
    // Printable ASCII without `\` or `#` needs no escape.
    if bytes
        .iter()
        .all(|&b| (0x20..0x7F).contains(&b) && b != b'\\' && b != b'#')
    {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    escape_with(bytes, None, None).0
}

/// An atom literal: `:ok`, `:"a b"`, `Foo`, `nil`.
fn atom_text(name: &str) -> String {
    let escaped = escape_text(name.as_bytes());
    if matches!(escaped.as_str(), "nil" | "true" | "false") {
        return escaped;
    }
    match classify(&escaped) {
        AtomClass::Alias => inspect_atom(&escaped),
        AtomClass::QuotedOperator | AtomClass::Other => {
            format!(":\"{}\"", escaped.replace('"', "\\\""))
        }
        _ if escaped == "..//" => format!(":\"{escaped}\""),
        _ => format!(":{escaped}"),
    }
}

/// A keyword key with its colon: `a:`, `"a b":`.
fn key_text(name: &str) -> String {
    let escaped = escape_text(name.as_bytes());
    match classify(&escaped) {
        AtomClass::Identifier | AtomClass::NotCallable | AtomClass::UnquotedOperator => {
            format!("{escaped}:")
        }
        _ => format!("\"{escaped}\":"),
    }
}

/// `String.length/1`: the number of graphemes (the VM's own segmentation,
/// crate::unicode, as `String.length/1` has it).
fn grapheme_len(s: &str) -> usize {
    crate::unicode::grapheme_count(s.as_bytes())
}

/// The width `String.length/1` gives (invalid UTF-8 bytes count one each).
fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

impl Formatter {
    /// A formatter with room for `n` documents.
    pub(super) fn with_capacity(n: usize) -> Self {
        Formatter {
            docs: Docs::with_capacity(n),
            operand_nesting: 2,
        }
    }

    // -----------------------------------------------------------------------------------
    // Document helpers

    fn s(&mut self, text: impl Into<Cow<'static, str>>) -> DocId {
        let text = text.into();
        let width = grapheme_len(&text);
        self.docs.string_with_width(text, width)
    }

    /// A string document of borrowed text.
    fn s_ref(&mut self, text: &str) -> DocId {
        self.s(text.to_string())
    }

    fn cat(&mut self, a: DocId, b: DocId) -> DocId {
        self.docs.concat(a, b)
    }

    fn cat_all(&mut self, parts: &[DocId]) -> DocId {
        self.docs.concat_all(parts)
    }

    fn cat_s(&mut self, a: DocId, text: impl Into<Cow<'static, str>>) -> DocId {
        let t = self.s(text);
        self.cat(a, t)
    }

    fn s_cat(&mut self, text: impl Into<Cow<'static, str>>, b: DocId) -> DocId {
        let t = self.s(text);
        self.cat(t, b)
    }

    fn nil(&self) -> DocId {
        self.docs.nil()
    }

    fn is_nil(&self, d: DocId) -> bool {
        self.docs.is_nil(d)
    }

    fn group(&mut self, d: DocId) -> DocId {
        self.docs.group(d)
    }

    fn glue(&mut self, a: DocId, b: DocId) -> DocId {
        self.docs.glue(a, " ", b)
    }

    fn nest_break(&mut self, d: DocId, indent: Indent) -> DocId {
        self.docs.nest_with(d, indent, NestMode::Break)
    }

    /// `surround/3`.
    fn surround(&mut self, left: DocId, doc: DocId, right: DocId) -> DocId {
        if self.is_nil(doc) {
            self.cat(left, right)
        } else {
            let inner = self.docs.glue(left, "", doc);
            let nested = self.nest_break(inner, Indent::By(2));
            let all = self.docs.glue(nested, "", right);
            self.group(all)
        }
    }

    fn surround_s(&mut self, left: &'static str, doc: DocId, right: &'static str) -> DocId {
        let l = self.s(left);
        let r = self.s(right);
        self.surround(l, doc, r)
    }

    /// `wrap_in_parens/1`.
    fn wrap_in_parens(&mut self, doc: DocId) -> DocId {
        let nested = self.docs.nest_with(doc, Indent::Cursor, NestMode::Always);
        let open = self.s_cat("(", nested);
        self.cat_s(open, ")")
    }

    fn wrap_in_parens_if_operator(&mut self, doc: DocId, q: &Q) -> DocId {
        let q = unwrap_block(q);
        if is_operator(q) && !module_attribute_read(q) && !integer_capture(q) {
            self.wrap_in_parens(doc)
        } else {
            doc
        }
    }

    fn wrap_in_parens_if_binary_operator(&mut self, doc: DocId, q: &Q) -> DocId {
        if is_binary_operator(unwrap_block(q)) {
            self.wrap_in_parens(doc)
        } else {
            doc
        }
    }

    fn with_next_break_fits(
        &mut self,
        condition: bool,
        doc: DocId,
        f: impl FnOnce(&mut Self, DocId) -> DocId,
    ) -> DocId {
        if condition {
            let d = self.docs.next_break_fits(doc, true);
            let out = f(self, d);
            self.docs.next_break_fits(out, false)
        } else {
            f(self, doc)
        }
    }

    /// The flat text of a document (`format_to_string/1`).
    fn flat(&self, doc: DocId) -> String {
        self.docs.format(doc, None)
    }

    // -----------------------------------------------------------------------------------
    // Blocks

    /// `block_to_algebra/4`.
    pub(super) fn block(&mut self, q: &Q) -> DocId {
        match q {
            Q::Call(_, "__block__", args) if args.is_empty() => self.block_args(&[]),
            Q::Call(_, "__block__", args) if args.len() >= 2 => self.block_args(args),
            _ => self.block_args(std::slice::from_ref(q)),
        }
    }

    /// `block_args_to_algebra/4`: expressions one per line, a blank line around those that
    /// span several.
    fn block_args(&mut self, args: &[Q]) -> DocId {
        if args.is_empty() {
            return self.nil();
        }
        let mut docs = Vec::with_capacity(args.len());
        let mut left = self.nil();
        for (i, arg) in args.iter().enumerate() {
            let doc = self.quoted(arg, Ctx::Block);
            let next_line = match arg {
                Q::Call(_, "@", _) => self.nil(),
                _ => self.docs.break_(""),
            };
            let newlines = arg.meta().and_then(|m| m.eoe_newlines).unwrap_or(1);
            let right = if newlines >= 2 {
                self.docs.line()
            } else {
                next_line
            };
            let mut doc = if self.is_nil(left) {
                doc
            } else {
                self.cat(left, doc)
            };
            if i + 1 < args.len() && !self.is_nil(right) {
                let collapse = self.docs.collapse_lines(2);
                let tail = self.cat(collapse, right);
                doc = self.cat(doc, tail);
            }
            docs.push(self.group(doc));
            left = right;
        }
        if docs.len() == 1 {
            return docs[0];
        }
        let mut acc = docs[0];
        for &d in &docs[1..] {
            acc = self.docs.line_join(acc, d);
        }
        self.docs.force_unfit(acc)
    }

    // -----------------------------------------------------------------------------------
    // Expressions

    fn quoted(&mut self, q: &Q, ctx: Ctx) -> DocId {
        match q {
            Q::Interp(meta, parts) => {
                if meta.delimiter.as_deref() == Some("\"\"\"") {
                    let open = self.s("\"\"\"");
                    let line = self.docs.line();
                    let start = self.cat(open, line);
                    let end = self.s("\"\"\"");
                    let doc =
                        self.interpolation(parts, Escape::Heredoc("\"\"\""), false, start, end);
                    self.docs.force_unfit(doc)
                } else {
                    let start = self.s("\"");
                    let end = self.s("\"");
                    self.interpolation(parts, Escape::Quote("\""), false, start, end)
                }
            }
            Q::InterpCharlist(meta, parts) => {
                if meta.delimiter.as_deref() == Some("'''") {
                    let open = self.s("'''");
                    let line = self.docs.line();
                    let start = self.cat(open, line);
                    let end = self.s("'''");
                    let doc = self.interpolation(parts, Escape::Heredoc("'''"), true, start, end);
                    self.docs.force_unfit(doc)
                } else {
                    let start = self.s("'");
                    let end = self.s("'");
                    self.interpolation(parts, Escape::Quote("'"), true, start, end)
                }
            }
            Q::InterpAtom(_, parts) => {
                let start = self.s(":\"");
                let end = self.s("\"");
                self.interpolation(parts, Escape::Quote("\""), true, start, end)
            }
            Q::CallExpr(meta, target, args) => self.call_expr(q, meta, target, args, ctx),
            Q::Tuple(meta, args) => self.tuple(meta, args, Join::FlexBreak),
            Q::List(meta, items) => self.list(meta, items),
            Q::Charlist(meta, text) => {
                if meta.delimiter.as_deref() == Some("'''") {
                    let open = self.s("'''");
                    let line = self.docs.line();
                    let start = self.cat(open, line);
                    let body = escape_text(text.as_bytes()).replace("'''", "\\'''");
                    let body = self.heredoc_lines(&body);
                    let end = self.s("'''");
                    let doc = self.cat_all(&[start, body, end]);
                    self.docs.force_unfit(doc)
                } else {
                    let text = escape_with(text.as_bytes(), Some(b'\''), None).0;
                    self.s(format!("'{text}'"))
                }
            }
            Q::Str(meta, bytes) => {
                if meta.delimiter.as_deref() == Some("\"\"\"") {
                    let open = self.s("\"\"\"");
                    let line = self.docs.line();
                    let body = escape_text(bytes).replace("\"\"\"", "\\\"\"\"");
                    let body = self.heredoc_lines(&body);
                    let end = self.s("\"\"\"");
                    let doc = self.cat_all(&[open, line, body, end]);
                    self.docs.force_unfit(doc)
                } else {
                    let text = escape_with(bytes, Some(b'"'), None).0;
                    self.s(format!("\"{text}\""))
                }
            }
            Q::Atom(_, name) => {
                let t = atom_text(name);
                self.s(t)
            }
            Q::Int(_, token) => {
                let t = integer_text(token);
                self.s(t)
            }
            Q::Float(_, token) => {
                let t = float_text(token);
                self.s(t)
            }
            Q::Var(_, name) => self.s_ref(name),
            Q::RawAtom(name) => {
                let t = inspect_atom(name);
                self.s(t)
            }
            Q::Other(v) => {
                let opts = InspectOpts {
                    limit: usize::MAX,
                    printable_limit: usize::MAX,
                    ..InspectOpts::default()
                };
                let t = inspect(v, &opts);
                self.s(t)
            }
            Q::Pair(k, v) => self.pair(k, v, ctx),
            Q::Bare(items) => {
                if items.first().is_some_and(is_clause) {
                    self.type_fun(items)
                } else {
                    self.many_args(items, ctx)
                }
            }
            Q::Call(meta, name, args) => self.call(q, meta, name, args, ctx),
        }
    }

    fn call(&mut self, q: &Q, meta: &Meta, name: &str, args: &[Q], ctx: Ctx) -> DocId {
        match (name, args) {
            ("<<>>", []) => self.s("<<>>"),
            ("<<>>", _) => self.bitstring(meta, args),
            ("%", [name, Q::Call(map_meta, "%{}", map_args)]) => {
                let name_doc = self.quoted(name, Ctx::ParensArg);
                self.map(map_meta, name_doc, map_args)
            }
            ("%{}", _) => {
                let nil = self.nil();
                self.map(meta, nil, args)
            }
            ("__block__", [Q::Call(m, "unquote_splicing", a)]) if a.len() == 1 => {
                let doc = self.local("unquote_splicing", m, a, ctx);
                self.wrap_in_parens(doc)
            }
            ("__block__", [arg]) => self.quoted(arg, ctx),
            ("__block__", []) => self.s("nil"),
            ("__block__", _) => {
                let block = self.block(q);
                self.surround_s("(", block, ")")
            }
            ("__aliases__", [head, tail @ ..]) => {
                let mut doc = match head {
                    Q::RawAtom(a) => self.s_ref(a),
                    other => self.quoted_with_parens_if_operator(other, ctx),
                };
                for t in tail {
                    let seg = match t {
                        Q::RawAtom(a) => self.s_ref(a),
                        other => self.quoted(other, ctx),
                    };
                    let dot = self.cat_s(doc, ".");
                    doc = self.cat(dot, seg);
                }
                doc
            }
            ("&", [arg]) => self.capture(arg, ctx),
            ("@", [arg]) => self.module_attribute(arg, ctx),
            ("not", [Q::Call(in_meta, "in", lr)]) if lr.len() == 2 => {
                self.binary_op("in", "not in", in_meta, &lr[0], &lr[1], ctx, None)
            }
            ("fn", clauses) if !clauses.is_empty() && clauses.iter().all(is_clause) => {
                self.anon_fun(meta, clauses)
            }
            ("..", []) if matches!(ctx, Ctx::NoParensArg | Ctx::NoParensOneArg) => self.s("(..)"),
            ("..", []) => self.s(".."),
            ("..//", [l, m, r]) => {
                // `left..middle//right` is `(left..middle) // right`.
                self.range_step(meta, l, m, r, ctx)
            }
            _ => {
                if let Some(doc) = self.sigil(meta, name, args) {
                    return doc;
                }
                if args.len() == 1 && ops::unary_op(name).is_some() {
                    return self.unary_op(name, &args[0], ctx);
                }
                if args.len() == 2 && ops::binary_op(name).is_some() {
                    return self.binary_op(name, name, meta, &args[0], &args[1], ctx, None);
                }
                self.local(name, meta, args, ctx)
            }
        }
    }

    /// `a..b//c`: printed as the `//` of a `..`.
    fn range_step(&mut self, meta: &Meta, l: &Q, m: &Q, r: &Q, ctx: Ctx) -> DocId {
        // Build `{:"//", meta, [{:.., meta, [l, m]}, r]}` without owning the operands:
        // lay out the `..` as the left operand of `//` (it binds tighter, no parentheses).
        let info = ops::binary_op("//").expect("// is an operator");
        let left_ctx = left_op_context(ctx);
        let right_ctx = right_op_context(ctx);
        let range = self.binary_op("..", "..", meta, l, m, left_ctx, Some(2));
        let right = self.binary_operand(r, right_ctx, "//", info, Assoc::Right, 0);
        let gl = self.group(range);
        let gr = self.group(right);
        let left = self.cat_s(gl, "//");
        self.cat(left, gr)
    }

    fn quoted_with_parens_if_operator(&mut self, q: &Q, ctx: Ctx) -> DocId {
        let doc = self.quoted(q, ctx);
        self.wrap_in_parens_if_operator(doc, q)
    }

    /// `many_args_to_algebra/3`: a bare list of arguments.
    fn many_args(&mut self, items: &[Q], ctx: Ctx) -> DocId {
        let Some((first, rest)) = items.split_first() else {
            return self.nil();
        };
        let mut acc = self.quoted(first, ctx);
        for item in rest {
            let d = self.quoted(item, ctx);
            let comma = self.cat_s(acc, ",");
            acc = self.glue(comma, d);
        }
        self.group(acc)
    }

    /// `key: value` or `key => value`.
    fn pair(&mut self, k: &Q, v: &Q, ctx: Ctx) -> DocId {
        let (left, op) = if keyword_key(k) {
            let left = match k {
                Q::Atom(_, name) => {
                    let t = key_text(name);
                    self.s(t)
                }
                Q::InterpAtom(_, parts) => {
                    let start = self.s("\"");
                    let end = self.s("\":");
                    self.interpolation(parts, Escape::Quote("\""), true, start, end)
                }
                _ => unreachable!("keyword_key"),
            };
            (left, "")
        } else {
            let left = self.quoted(k, ctx);
            (self.wrap_in_parens_if_binary_operator(left, k), " =>")
        };
        let right = self.quoted(v, ctx);
        self.with_next_break_fits(next_break_fits(v), right, |f, right| {
            let op = f.s(op);
            let right = f.group(right);
            let glued = f.glue(op, right);
            let nested = f.nest_break(glued, Indent::By(2));
            let gl = f.group(left);
            let gr = f.group(nested);
            f.cat(gl, gr)
        })
    }

    // -----------------------------------------------------------------------------------
    // Operators

    fn unary_op(&mut self, op: &str, arg: &Q, ctx: Ctx) -> DocId {
        let doc = self.quoted(arg, force_many_args_or_operand(ctx, Ctx::Operand));
        // `@(Foo.Bar)`: a dotted alias after `@` takes parentheses.
        let dotted_alias = match arg {
            Q::Call(_, "__aliases__", parts) => parts.len() >= 2,
            Q::Atom(_, name) => atom_text(name).contains('.'),
            _ => false,
        };
        if op == "@" && dotted_alias {
            let doc = self.wrap_in_parens(doc);
            return self.s_cat("@", doc);
        }
        // `not` and `!` nest without parentheses: `!!x`, `not not x`.
        let nestable = matches!(op, "not" | "!")
            && matches!(arg, Q::Call(_, inner, a) if *inner == op && a.len() == 1);
        let doc = if nestable {
            doc
        } else {
            self.wrap_in_parens_if_operator(doc, arg)
        };
        let op_string = if op == "not" {
            "not ".to_string()
        } else {
            op.to_string()
        };
        self.s_cat(op_string, doc)
    }

    #[allow(clippy::too_many_arguments)]
    fn binary_op(
        &mut self,
        op: &str,
        op_string: &str,
        meta: &Meta,
        left: &Q,
        right: &Q,
        ctx: Ctx,
        nesting: Option<usize>,
    ) -> DocId {
        let nesting = nesting.unwrap_or(self.operand_nesting);
        let info = ops::binary_op(op).expect("a binary operator");
        let left_ctx = left_op_context(ctx);
        let right_ctx = right_op_context(ctx);

        if ops::right_new_line_before(op) {
            let left_doc = self.binary_operand(left, left_ctx, op, info, Assoc::Left, 2);
            return self.right_new_line_op(op, op_string, left_doc, right, ctx);
        }

        if ops::pipeline(op) {
            // Flatten `a |> b |> c` (left-associative) into its operands.
            let mut pipes: Vec<(&str, &Q)> = vec![(op, right)];
            let mut root = left;
            while let Q::Call(_, inner, args) = root {
                if args.len() == 2 && ops::pipeline(inner) {
                    pipes.push((inner, &args[1]));
                    root = &args[0];
                } else {
                    break;
                }
            }
            pipes.reverse();
            // Each operand is a group of its own; the breaks between them are not.
            let root_doc = self.binary_operand(root, left_ctx, op, info, Assoc::Left, 2);
            let mut doc = self.group(root_doc);
            for (pipe_op, arg) in pipes {
                let pipe_info = ops::binary_op(pipe_op).expect("a pipe operator");
                let d = self.binary_operand(arg, right_ctx, pipe_op, pipe_info, Assoc::Right, 0);
                let d = self.s_cat(format!("{pipe_op} "), d);
                let d = self.group(d);
                doc = self.glue(doc, d);
            }
            return doc;
        }

        let left_doc = self.binary_operand(left, left_ctx, op, info, Assoc::Left, 2);
        let right_doc = self.binary_operand(right, right_ctx, op, info, Assoc::Right, 0);
        self.binary_op_docs(op, op_string, meta, left_doc, right_doc, right, nesting)
    }

    /// The layout of `left op right` from the operands' documents.
    #[allow(clippy::too_many_arguments)]
    fn binary_op_docs(
        &mut self,
        op: &str,
        op_string: &str,
        meta: &Meta,
        left_doc: DocId,
        right_doc: DocId,
        right: &Q,
        nesting: usize,
    ) -> DocId {
        if ops::no_space(op) {
            let gl = self.group(left_doc);
            let gr = self.group(right_doc);
            let l = self.cat_s(gl, op_string.to_string());
            return self.cat(l, gr);
        }
        if ops::no_newline(op) {
            let gl = self.group(left_doc);
            let gr = self.group(right_doc);
            let l = self.cat_s(gl, format!(" {op_string} "));
            return self.cat(l, gr);
        }
        let is_eol = eol(meta);
        let nbf = ops::next_break_fits_op(op) && next_break_fits(right) && !is_eol;
        let op_doc = format!(" {op_string}");
        self.with_next_break_fits(nbf, right_doc, |f, right_doc| {
            let op_d = f.s(op_doc);
            let gr = f.group(right_doc);
            let glued = f.glue(op_d, gr);
            let mut r = f.nest_break(glued, Indent::By(nesting));
            if is_eol {
                r = f.docs.force_unfit(r);
            }
            let gl = f.group(left_doc);
            let gr = f.group(r);
            f.cat(gl, gr)
        })
    }

    /// `|` and `when`: a break before the operator, which starts the next line.
    fn right_new_line_op(
        &mut self,
        op: &str,
        op_string: &str,
        left_doc: DocId,
        right: &Q,
        ctx: Ctx,
    ) -> DocId {
        let info = ops::binary_op(op).expect("a binary operator");
        let right_ctx = right_op_context(ctx);
        let op_string = format!("{op_string} ");
        let mut operands: Vec<&Q> = Vec::new();
        let mut cur = right;
        loop {
            match cur {
                Q::Call(_, inner, args) if *inner == op && args.len() == 2 => {
                    operands.push(&args[0]);
                    cur = &args[1];
                }
                _ => {
                    operands.push(cur);
                    break;
                }
            }
        }
        let mut doc = self.group(left_doc);
        for arg in operands {
            let d = self.binary_operand(arg, right_ctx, op, info, Assoc::Right, 0);
            let d = self
                .docs
                .nest_with(d, Indent::By(op_string.chars().count()), NestMode::Always);
            let d = self.s_cat(op_string.clone(), d);
            let d = self.group(d);
            doc = self.glue(doc, d);
        }
        let keyword_right =
            matches!(right, Q::Bare(items) if items.iter().all(|i| matches!(i, Q::Pair(..))));
        if keyword_right && matches!(ctx, Ctx::ParensArg | Ctx::NoParensArg) {
            self.wrap_in_parens(doc)
        } else {
            doc
        }
    }

    /// `binary_operand_to_algebra/7`.
    fn binary_operand(
        &mut self,
        operand: &Q,
        ctx: Ctx,
        parent_op: &str,
        parent_info: (Assoc, u32),
        side: Assoc,
        nesting: usize,
    ) -> DocId {
        let (parent_assoc, parent_prec) = parent_info;
        if let Q::Call(meta, op, args) = operand {
            if args.len() == 2 {
                if let Some((_, prec)) = ops::binary_op(op) {
                    // The same precedence on the side the parent associates to: no
                    // parentheses, unless the operands of a right-associative operator mix
                    // (`a ++ (b -- c)`).
                    if parent_prec == prec
                        && parent_assoc == side
                        && (*op == parent_op
                            || !ops::required_parens_on_operands(op)
                            || parent_assoc == Assoc::Left)
                    {
                        return self.binary_op(
                            op,
                            op,
                            meta,
                            &args[0],
                            &args[1],
                            ctx,
                            Some(nesting),
                        );
                    }
                    if (ops::required_parens_on_operands(parent_op) && !ops::no_space(op))
                        || (ops::required_parens_logical(op)
                            && ops::required_parens_logical(parent_op))
                        || parent_prec > prec
                        || (parent_prec == prec && parent_assoc != side)
                    {
                        let doc = self.binary_op(op, op, meta, &args[0], &args[1], ctx, Some(2));
                        return self.wrap_in_parens(doc);
                    }
                    return self.binary_op(op, op, meta, &args[0], &args[1], ctx, Some(2));
                }
            }
            if *op == "&" && args.len() == 1 && !matches!(args[0], Q::Int(..)) {
                let amp_prec = ops::unary_op("&").map(|i| i.1).unwrap_or(90);
                if side == Assoc::Left || (parent_assoc == Assoc::Left && parent_prec > amp_prec) {
                    let doc = self.quoted(operand, ctx);
                    return self.wrap_in_parens(doc);
                }
            }
        }
        self.quoted(operand, ctx)
    }

    // -----------------------------------------------------------------------------------
    // Calls

    fn local(&mut self, name: &str, meta: &Meta, args: &[Q], ctx: Ctx) -> DocId {
        let parens = if meta.closing {
            Skip::IfOnlyDoEnd
        } else if ops::local_without_parens(name, args.len()) {
            Skip::UnlessManyArgs
        } else {
            Skip::IfDoEnd
        };
        let (call_doc, wrap) = self.call_args(args, meta, ctx, parens, true);
        let doc = self.s_cat(name.to_string(), call_doc);
        if wrap {
            self.wrap_in_parens(doc)
        } else {
            doc
        }
    }

    /// Calls of expressions: remote calls, anonymous calls, access, `Mod.{A, B}`.
    fn call_expr(&mut self, _q: &Q, meta: &Meta, target: &Q, args: &[Q], ctx: Ctx) -> DocId {
        if let Q::Call(_, ".", dot) = target {
            match dot.as_slice() {
                [Q::RawAtom("Elixir.Access"), Q::RawAtom("get")] if args.len() == 2 => {
                    let target_doc = self.remote_target(&args[0]);
                    let access = match &args[1] {
                        Q::Bare(items) if is_keyword(items) => self.list(meta, items),
                        other => self.list(meta, std::slice::from_ref(other)),
                    };
                    return self.cat(target_doc, access);
                }
                [left, Q::RawAtom("{}")] => {
                    let left_doc = self.quoted_with_parens_if_operator(left, Ctx::NoParensArg);
                    let tuple = self.tuple(meta, args, Join::Break);
                    let dot = self.cat_s(left_doc, ".");
                    return self.cat(dot, tuple);
                }
                [remote, fun] => {
                    let target_doc = self.remote_target(remote);
                    let fun_doc = match fun {
                        Q::RawAtom(f) => {
                            let t = inspect_atom_remote_call(f);
                            self.s(t)
                        }
                        other => self.quoted(other, Ctx::NoParensArg),
                    };
                    let dot = self.cat_s(target_doc, ".");
                    let remote_doc = self.cat(dot, fun_doc);
                    let module_target = matches!(
                        remote,
                        Q::Var(_, "__MODULE__") | Q::Atom(..) | Q::Call(_, "__aliases__", _)
                    );
                    if args.is_empty() && !module_target && !meta.closing {
                        return remote_doc;
                    }
                    // `Mod.fun a do`; a computed name keeps its parentheses.
                    let skip = if matches!(fun, Q::RawAtom(_)) {
                        Skip::IfDoEnd
                    } else {
                        Skip::IfOnlyDoEnd
                    };
                    let (call_doc, wrap) = self.call_args(args, meta, ctx, skip, true);
                    let doc = self.cat(remote_doc, call_doc);
                    return if wrap { self.wrap_in_parens(doc) } else { doc };
                }
                [fun] => {
                    let target_doc = self.remote_target(fun);
                    let target_doc = self.cat_s(target_doc, ".");
                    let (call_doc, wrap) = self.call_args(args, meta, ctx, Skip::IfDoEnd, true);
                    let doc = self.cat(target_doc, call_doc);
                    return if wrap { self.wrap_in_parens(doc) } else { doc };
                }
                _ => {}
            }
        }
        let target_doc = self.quoted(target, Ctx::NoParensArg);
        let (call_doc, wrap) = self.call_args(args, meta, ctx, Skip::IfOnlyDoEnd, true);
        let doc = self.cat(target_doc, call_doc);
        if wrap {
            self.wrap_in_parens(doc)
        } else {
            doc
        }
    }

    /// `remote_target_to_algebra/2`.
    fn remote_target(&mut self, q: &Q) -> DocId {
        if matches!(q, Q::Call(_, "fn", a) if !a.is_empty()) {
            let doc = self.quoted(q, Ctx::NoParensArg);
            return self.wrap_in_parens(doc);
        }
        self.quoted_with_parens_if_operator(q, Ctx::NoParensArg)
    }

    /// The do-end blocks of a call, if its last argument holds them.
    fn do_end_blocks<'q, 'a>(
        &self,
        meta: &Meta,
        last: &'q Q<'a>,
    ) -> Option<Vec<(&'a str, &'q Q<'a>)>> {
        if !meta.do_end {
            return None;
        }
        let Q::Bare(items) = last else { return None };
        let mut blocks = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Q::Pair(k, v) => match **k {
                    Q::Atom(ref m, key) if !m.keyword && (i > 0 || key == "do") => {
                        blocks.push((key, &**v))
                    }
                    _ => return None,
                },
                _ => return None,
            }
        }
        if blocks.is_empty() {
            None
        } else {
            Some(blocks)
        }
    }

    /// `call_args_to_algebra/6`: the arguments' document and whether the whole call needs
    /// parentheses around it.
    fn call_args(
        &mut self,
        args: &[Q],
        meta: &Meta,
        ctx: Ctx,
        parens: Skip,
        list_to_keyword: bool,
    ) -> (DocId, bool) {
        let Some((last, init)) = args.split_last() else {
            return (self.s("()"), false);
        };
        if let Some(blocks) = self.do_end_blocks(meta, last) {
            let call_doc = if init.is_empty() {
                self.s(" do")
            } else {
                let skip_parens = parens != Skip::IfOnlyDoEnd;
                let extra = self.s(" do");
                self.call_args_no_blocks(meta, init, skip_parens, list_to_keyword, extra)
            };
            let blocks_doc = self.do_end_blocks_doc(&blocks);
            let doc = self.cat(call_doc, blocks_doc);
            let end = self.s("end");
            let doc = self.docs.line_join(doc, end);
            let doc = self.docs.force_unfit(doc);
            return (doc, matches!(ctx, Ctx::NoParensArg | Ctx::NoParensOneArg));
        }
        let skip_parens = parens == Skip::UnlessManyArgs
            && matches!(
                ctx,
                Ctx::Block | Ctx::Operand | Ctx::NoParensOneArg | Ctx::ParensOneArg
            );
        let extra = self.nil();
        (
            self.call_args_no_blocks(meta, args, skip_parens, list_to_keyword, extra),
            false,
        )
    }

    /// The keyword pairs of a last argument that prints as keywords.
    fn last_arg_keywords<'q, 'a>(
        &self,
        last: &'q Q<'a>,
        list_to_keyword: bool,
    ) -> Option<&'q [Q<'a>]> {
        match last {
            Q::Bare(items) if !items.is_empty() && is_keyword(items) => Some(items),
            Q::List(_, items) if list_to_keyword && !items.is_empty() && is_keyword(items) => {
                Some(items)
            }
            _ => None,
        }
    }

    /// `call_args_to_algebra_no_blocks/6`.
    fn call_args_no_blocks(
        &mut self,
        meta: &Meta,
        args: &[Q],
        skip_parens: bool,
        list_to_keyword: bool,
        extra: DocId,
    ) -> DocId {
        let (last, left) = args.split_last().expect("arguments");
        let keywords = self.last_arg_keywords(last, list_to_keyword);
        let keyword = keywords.is_some();
        let ctx = match (left.is_empty() && !keyword, skip_parens) {
            (true, true) => Ctx::NoParensOneArg,
            (true, false) => Ctx::ParensOneArg,
            (false, true) => Ctx::NoParensArg,
            (false, false) => Ctx::ParensArg,
        };
        let mut all: Vec<&Q> = left.iter().collect();
        match keywords {
            Some(items) => all.extend(items.iter()),
            None => all.push(last),
        }
        let many_eol = all.len() >= 2 && eol(meta);
        let no_generators = !all
            .iter()
            .any(|a| matches!(a, Q::Call(_, "<-", x) if x.len() == 2));
        let kw_layout = !left.is_empty() && keyword && no_generators;

        let (args_doc, nbf) = if kw_layout {
            let items = keywords.expect("keyword arguments");
            let left_refs: Vec<&Q> = left.iter().collect();
            let right_refs: Vec<&Q> = items.iter().collect();
            // The arguments before the keywords go one per line when they are on lines of
            // their own.
            let left_join = if meta.left_newlines && left.len() >= 2 {
                Join::Line
            } else {
                Join::Break
            };
            let join = if many_eol { Join::Line } else { Join::Break };
            let left_doc = self.args_doc(&left_refs, left_join, LastArg::ForceComma, ctx);
            let right_doc = self.args_doc(&right_refs, join, LastArg::None, ctx);
            let sep = match join {
                Join::Line => self.docs.line(),
                _ => self.docs.break_(" "),
            };
            let right_doc = self.cat(sep, right_doc);
            let doc = if skip_parens {
                let g = self.docs.group_with(right_doc, GroupMode::Inherit);
                let g = self.docs.next_break_fits(g, true);
                let d = self.cat(left_doc, g);
                self.nest_break(d, Indent::Cursor)
            } else {
                let r = self.nest_break(right_doc, Indent::By(2));
                let brk = self.docs.break_("");
                let r = self.cat(r, brk);
                let r = self.docs.group_with(r, GroupMode::Inherit);
                let r = self.docs.next_break_fits(r, true);
                let l = self.nest_break(left_doc, Indent::By(2));
                self.cat(l, r)
            };
            (doc, true)
        } else {
            let join = if many_eol { Join::Line } else { Join::Break };
            let nbf = join == Join::Break && all.last().is_some_and(|q| next_break_fits(q));
            let mode = if nbf {
                LastArg::NextBreakFits
            } else {
                LastArg::None
            };
            let doc = self.args_doc(&all, join, mode, ctx);
            let doc = self.docs.ungroup_if_group(doc);
            let doc = if skip_parens {
                self.nest_break(doc, Indent::Cursor)
            } else {
                let n = self.nest_break(doc, Indent::By(2));
                let brk = self.docs.break_("");
                self.cat(n, brk)
            };
            (doc, nbf)
        };

        let doc = if kw_layout && skip_parens {
            let sp = self.s_cat(" ", args_doc);
            let n = self.docs.nest(sp, 2);
            let d = self.cat(n, extra);
            self.group(d)
        } else if skip_parens {
            let sp = self.s_cat(" ", args_doc);
            let d = self.cat(sp, extra);
            self.group(d)
        } else {
            let brk = self.docs.break_("");
            let open = self.s_cat("(", brk);
            let open = self.nest_break(open, Indent::By(2));
            let d = self.cat(open, args_doc);
            let d = self.cat_s(d, ")");
            let d = self.cat(d, extra);
            self.group(d)
        };
        if nbf {
            self.docs.next_break_fits(doc, false)
        } else {
            doc
        }
    }

    /// `args_to_algebra_with_comments/7` without comments: the arguments separated by
    /// commas and `join`.
    fn args_doc(&mut self, args: &[&Q], join: Join, last: LastArg, ctx: Ctx) -> DocId {
        self.args_doc_grouped(args, join, last, ctx, true)
    }

    /// [`Self::args_doc`]; `grouped`: each argument is a group of its own (as in calls and
    /// containers, not in the arguments of clauses).
    fn args_doc_grouped(
        &mut self,
        args: &[&Q],
        join: Join,
        last: LastArg,
        ctx: Ctx,
        grouped: bool,
    ) -> DocId {
        let n = args.len();
        let mut docs = Vec::with_capacity(n);
        for (i, arg) in args.iter().enumerate() {
            let doc = self.quoted(arg, ctx);
            let doc = if i + 1 < n || last == LastArg::ForceComma {
                let comma = self.s(",");
                self.docs.concat_to_last_group(doc, comma)
            } else if last == LastArg::NextBreakFits {
                self.docs.next_break_fits(doc, true)
            } else {
                doc
            };
            // Each argument (its comma included) is a group of its own.
            let doc = if grouped { self.group(doc) } else { doc };
            docs.push(doc);
        }
        self.join_docs(&docs, join)
    }

    fn join_docs(&mut self, docs: &[DocId], join: Join) -> DocId {
        let Some((&first, rest)) = docs.split_first() else {
            return self.nil();
        };
        let mut acc = first;
        for &d in rest {
            acc = match join {
                Join::Line => self.docs.line_join(acc, d),
                Join::Break => self.docs.glue(acc, " ", d),
                Join::FlexBreak => self.docs.flex_glue(acc, " ", d),
            };
        }
        if join == Join::Line {
            self.docs.force_unfit(acc)
        } else {
            acc
        }
    }

    /// The `do ... else ... end` part of a call (without `end`).
    fn do_end_blocks_doc(&mut self, blocks: &[(&str, &Q)]) -> DocId {
        let mut acc = self.nil();
        for (i, (key, value)) in blocks.iter().enumerate() {
            let value_doc = self.clauses(value);
            let body = if self.is_nil(value_doc) {
                self.nil()
            } else {
                let line = self.docs.line();
                let d = self.cat(line, value_doc);
                self.docs.nest(d, 2)
            };
            if i == 0 {
                acc = body;
            } else {
                let k = self.s_ref(key);
                let k = self.cat(k, body);
                acc = self.docs.line_join(acc, k);
            }
        }
        acc
    }

    // -----------------------------------------------------------------------------------
    // Clauses and anonymous functions

    /// `clauses_to_algebra/4`.
    fn clauses(&mut self, q: &Q) -> DocId {
        match q {
            Q::Bare(items) if items.first().is_some_and(is_clause) => {
                let mut acc = self.clause(&items[0]);
                for item in &items[1..] {
                    let d = self.clause(item);
                    let brk = self.docs.break_("");
                    let empty_line = self.docs.nest_with(brk, Indent::Reset, NestMode::Always);
                    let a = self.cat(acc, empty_line);
                    acc = self.docs.line_join(a, d);
                }
                let acc = self.maybe_force_clauses(acc, items);
                self.group(acc)
            }
            other => {
                let doc = self.block(other);
                if self.is_nil(doc) {
                    doc
                } else {
                    self.group(doc)
                }
            }
        }
    }

    fn maybe_force_clauses(&mut self, doc: DocId, clauses: &[Q]) -> DocId {
        if clauses.iter().any(|c| c.meta().is_some_and(eol)) {
            self.docs.force_unfit(doc)
        } else {
            doc
        }
    }

    fn clause_parts<'q, 'a>(clause: &'q Q<'a>) -> Option<(&'q Q<'a>, &'q Q<'a>)> {
        match clause {
            Q::Call(_, "->", args) if args.len() == 2 => Some((&args[0], &args[1])),
            _ => None,
        }
    }

    /// `clause_to_algebra/3`.
    fn clause(&mut self, clause: &Q) -> DocId {
        let Some((args, body)) = Self::clause_parts(clause) else {
            return self.quoted(clause, Ctx::Block);
        };
        if matches!(args, Q::Bare(a) if a.is_empty()) {
            let body_doc = self.block(body);
            let head = self.s("() ->");
            let d = self.glue(head, body_doc);
            return self.docs.nest(d, 2);
        }
        let nesting = self.operand_nesting;
        self.operand_nesting = nesting + 2;
        let args_doc = self.clause_args(args);
        self.operand_nesting = nesting;
        let body_doc = self.block(body);
        let head = self.docs.ungroup_if_group(args_doc);
        let head = self.cat_s(head, " ->");
        let head = self.group(head);
        let brk = self.docs.break_(" ");
        let b = self.cat(brk, body_doc);
        let b = self.docs.nest(b, 2);
        self.cat(head, b)
    }

    /// `clause_args_to_algebra/3`.
    fn clause_args(&mut self, args: &Q) -> DocId {
        let items: &[Q] = match args {
            Q::Bare(items) => items,
            other => std::slice::from_ref(other),
        };
        match items {
            [] => self.s("()"),
            [Q::Call(_, "when", w)] if !w.is_empty() => {
                let (right, init) = w.split_last().expect("when arguments");
                let left = self.clause_args_doc(init);
                let left = self.group(left);
                self.right_new_line_op("when", "when", left, right, Ctx::NoParensArg)
            }
            items => {
                let doc = self.clause_args_doc(items);
                self.group(doc)
            }
        }
    }

    /// The arguments of a clause, separated by commas (a keyword list last without
    /// brackets).
    fn clause_args_doc(&mut self, items: &[Q]) -> DocId {
        let Some((last, init)) = items.split_last() else {
            return self.s("()");
        };
        let mut all: Vec<&Q> = init.iter().collect();
        match self.last_arg_keywords(last, false) {
            Some(kws) => all.extend(kws.iter()),
            None => all.push(last),
        }
        self.args_doc_grouped(&all, Join::Break, LastArg::None, Ctx::NoParensArg, false)
    }

    /// `anon_fun_to_algebra/5`.
    fn anon_fun(&mut self, meta: &Meta, clauses: &[Q]) -> DocId {
        let multi_style = eol(meta);
        if clauses.len() == 1 {
            let (args, body) = Self::clause_parts(&clauses[0]).expect("a clause");
            let break_or_line = |f: &mut Self| {
                if clauses.iter().any(|c| c.meta().is_some_and(eol)) {
                    f.docs.line()
                } else {
                    f.docs.break_(" ")
                }
            };
            if matches!(args, Q::Bare(a) if a.is_empty()) {
                let body_doc = self.block(body);
                let b1 = break_or_line(self);
                let b2 = break_or_line(self);
                let head = self.s("fn ->");
                let d = self.cat_all(&[head, b1, body_doc]);
                let d = self.docs.nest(d, 2);
                let end = self.s("end");
                let d = self.cat_all(&[d, b2, end]);
                let d = self.maybe_force_clauses(d, clauses);
                return self.group(d);
            }
            if !multi_style {
                let args_doc = self.clause_args(args);
                let body_doc = self.block(body);
                let head = self.docs.ungroup_if_group(args_doc);
                let head = self.cat_s(head, " ->");
                let head = self.docs.nest_with(head, Indent::Cursor, NestMode::Always);
                let head = self.group(head);
                let b1 = break_or_line(self);
                let b2 = break_or_line(self);
                let fn_ = self.s("fn ");
                let d = self.cat_all(&[fn_, head, b1, body_doc]);
                let d = self.docs.nest(d, 2);
                let end = self.s("end");
                let d = self.cat_all(&[d, b2, end]);
                let d = self.maybe_force_clauses(d, clauses);
                return self.group(d);
            }
        }
        let clauses_doc = self.clauses_list(clauses);
        let fn_ = self.s("fn");
        let d = self.docs.line_join(fn_, clauses_doc);
        let d = self.docs.nest(d, 2);
        let end = self.s("end");
        let d = self.docs.line_join(d, end);
        self.docs.force_unfit(d)
    }

    /// `clauses_to_algebra/4` over a slice of clauses.
    fn clauses_list(&mut self, clauses: &[Q]) -> DocId {
        let mut acc = self.clause(&clauses[0]);
        for item in &clauses[1..] {
            let d = self.clause(item);
            let brk = self.docs.break_("");
            let empty_line = self.docs.nest_with(brk, Indent::Reset, NestMode::Always);
            let a = self.cat(acc, empty_line);
            acc = self.docs.line_join(a, d);
        }
        let acc = self.maybe_force_clauses(acc, clauses);
        self.group(acc)
    }

    /// `(args -> result)` in typespecs.
    fn type_fun(&mut self, clauses: &[Q]) -> DocId {
        if let [clause] = clauses {
            if !clause.meta().is_some_and(eol) {
                if let Some((args, body)) = Self::clause_parts(clause) {
                    let body_doc = self.block(body);
                    if matches!(args, Q::Bare(a) if a.is_empty()) {
                        let body_doc =
                            self.docs
                                .nest_with(body_doc, Indent::Cursor, NestMode::Always);
                        let d = self.s_cat("() -> ", body_doc);
                        return self.wrap_in_parens(d);
                    }
                    let args_doc = self.clause_args(args);
                    let head = self.docs.ungroup_if_group(args_doc);
                    let head = self.cat_s(head, " ->");
                    let head = self.group(head);
                    let brk = self.docs.break_(" ");
                    let b = self.cat(brk, body_doc);
                    let b = self.docs.nest(b, 2);
                    let d = self.cat(head, b);
                    let d = self.group(d);
                    return self.wrap_in_parens(d);
                }
            }
        }
        let doc = self.clauses_list(clauses);
        let doc = self.docs.force_unfit(doc);
        self.surround_s("(", doc, ")")
    }

    // -----------------------------------------------------------------------------------
    // Captures and module attributes

    fn capture(&mut self, arg: &Q, ctx: Ctx) -> DocId {
        if let Q::Int(_, token) = arg {
            return self.s(format!("&{token}"));
        }
        let doc = self.capture_target(arg, ctx);
        if self.docs.first_char(doc) == Some('&') {
            self.s_cat("& ", doc)
        } else {
            self.s_cat("&", doc)
        }
    }

    fn capture_target(&mut self, arg: &Q, ctx: Ctx) -> DocId {
        if let Q::Call(_, "/", args) = arg {
            if let [target, Q::Int(_, arity)] = args.as_slice() {
                match target {
                    Q::CallExpr(_, dot, call_args) if call_args.is_empty() => {
                        if let Q::Call(_, ".", d) = &**dot {
                            if let [remote, Q::RawAtom(fun)] = d.as_slice() {
                                let target_doc = self.remote_target(remote);
                                let target_doc = self.docs.nest(target_doc, 1);
                                let fun = inspect_atom_remote_call(fun);
                                return self.cat_s(target_doc, format!(".{fun}/{arity}"));
                            }
                        }
                    }
                    Q::Var(_, name) => return self.s(format!("{name}/{arity}")),
                    _ => {}
                }
            }
        }
        self.quoted_with_parens_if_operator(arg, ctx)
    }

    fn module_attribute(&mut self, arg: &Q, ctx: Ctx) -> DocId {
        if let Q::Call(name_meta, name, args) = arg {
            if args.len() == 1
                && *name != "__block__"
                && *name != "__aliases__"
                && classify(name) == AtomClass::Identifier
            {
                let (call_doc, wrap) =
                    self.call_args(args, name_meta, ctx, Skip::UnlessManyArgs, false);
                let doc = self.s_cat(format!("@{name}"), call_doc);
                return if wrap { self.wrap_in_parens(doc) } else { doc };
            }
        }
        self.unary_op("@", arg, ctx)
    }

    // -----------------------------------------------------------------------------------
    // Containers

    fn list(&mut self, meta: &Meta, items: &[Q]) -> DocId {
        let join = if eol(meta) { Join::Line } else { Join::Break };
        let refs: Vec<&Q> = items.iter().collect();
        let args_doc = self.args_doc(&refs, join, LastArg::None, Ctx::ParensArg);
        self.surround_s("[", args_doc, "]")
    }

    fn tuple(&mut self, meta: &Meta, args: &[Q], join: Join) -> DocId {
        let join = if eol(meta) { Join::Line } else { join };
        let refs: Vec<&Q> = args.iter().collect();
        let args_doc = self.args_doc(&refs, join, LastArg::None, Ctx::ParensArg);
        if join == Join::FlexBreak {
            let open = self.s_cat("{", args_doc);
            let n = self.docs.nest(open, 1);
            let d = self.cat_s(n, "}");
            self.group(d)
        } else {
            self.surround_s("{", args_doc, "}")
        }
    }

    fn map(&mut self, meta: &Meta, name_doc: DocId, args: &[Q]) -> DocId {
        let join = if eol(meta) { Join::Line } else { Join::Break };
        let args_doc = match args {
            [Q::Call(_, "|", lr)] if lr.len() == 2 => {
                let left_doc = self.quoted(&lr[0], Ctx::ParensArg);
                let items: Vec<&Q> = match &lr[1] {
                    Q::Bare(items) => items.iter().collect(),
                    other => vec![other],
                };
                let right_doc = self.args_doc(&items, join, LastArg::None, Ctx::ParensArg);
                let left_doc = self.wrap_in_parens_if_binary_operator(left_doc, &lr[0]);
                let right_doc = self.docs.nest(right_doc, 2);
                let bar = self.s_cat("| ", right_doc);
                self.glue(left_doc, bar)
            }
            _ => {
                let refs: Vec<&Q> = args.iter().collect();
                self.args_doc(&refs, join, LastArg::None, Ctx::ParensArg)
            }
        };
        let open = self.s_cat("%", name_doc);
        let open = self.cat_s(open, "{");
        let close = self.s("}");
        self.surround(open, args_doc, close)
    }

    fn bitstring(&mut self, meta: &Meta, args: &[Q]) -> DocId {
        let join = if eol(meta) {
            Join::Line
        } else {
            Join::FlexBreak
        };
        let last = args.len() - 1;
        let mut docs = Vec::with_capacity(args.len());
        for (i, seg) in args.iter().enumerate() {
            let doc = self.bitstring_segment(seg, i, last);
            let doc = if i < last {
                let comma = self.s(",");
                self.docs.concat_to_last_group(doc, comma)
            } else {
                doc
            };
            docs.push(self.group(doc));
        }
        let args_doc = self.join_docs(&docs, join);
        if join == Join::FlexBreak {
            let open = self.s_cat("<<", args_doc);
            let n = self.docs.nest(open, 2);
            let d = self.cat_s(n, ">>");
            self.group(d)
        } else {
            self.surround_s("<<", args_doc, ">>")
        }
    }

    fn bitstring_segment(&mut self, seg: &Q, i: usize, last: usize) -> DocId {
        // `<<x::8 <- bin>>` in comprehensions: the generator's left is a segment.
        if let Q::Call(meta, "<-", parts) = seg {
            if let [left, right] = parts.as_slice() {
                let info = ops::binary_op("<-").expect("<- is an operator");
                let left_doc = self.bitstring_segment(left, usize::MAX, usize::MAX - 1);
                let right_ctx = right_op_context(Ctx::ParensArg);
                let right_doc = self.binary_operand(right, right_ctx, "<-", info, Assoc::Right, 0);
                let nesting = self.operand_nesting;
                let doc =
                    self.binary_op_docs("<-", "<-", meta, left_doc, right_doc, right, nesting);
                return self.bitstring_wrap_parens(doc, i, Some(last));
            }
        }
        if let Q::Call(_, "::", parts) = seg {
            if let [segment, spec] = parts.as_slice() {
                let doc = self.quoted(segment, Ctx::ParensArg);
                let spec_doc = self.bitstring_spec(spec);
                let spec_doc = if i == last {
                    self.bitstring_wrap_parens(spec_doc, i, Some(last))
                } else {
                    spec_doc
                };
                let doc = self.bitstring_wrap_parens(doc, i, None);
                let doc = self.cat_s(doc, "::");
                return self.cat(doc, spec_doc);
            }
        }
        let doc = self.quoted(seg, Ctx::ParensArg);
        self.bitstring_wrap_parens(doc, i, Some(last))
    }

    fn bitstring_spec(&mut self, spec: &Q) -> DocId {
        if let Q::Call(_, op @ ("-" | "*"), lr) = spec {
            if lr.len() == 2 {
                let left = self.bitstring_spec(&lr[0]);
                let right = self.bitstring_modifier(&lr[1]);
                let l = self.cat_s(left, op.to_string());
                return self.cat(l, right);
            }
        }
        self.bitstring_modifier(spec)
    }

    /// A bitstring modifier, normalized (`normalize_bitstring_modifiers`): the known ones
    /// without parentheses (`binary`), others as calls (`custom()`).
    fn bitstring_modifier(&mut self, q: &Q) -> DocId {
        const KNOWN: &[&str] = crate::bif::binary::SPEC_NAMES;
        match q {
            Q::Var(_, name) if *name != "_" && !KNOWN.contains(name) => self.s(format!("{name}()")),
            Q::Call(_, name, args) if args.is_empty() && KNOWN.contains(name) => self.s_ref(name),
            _ => self.quoted_with_parens_if_operator(q, Ctx::ParensArg),
        }
    }

    /// Parentheses around a first segment starting with `~` or `<<`, or a last one ending
    /// with `>>`.
    fn bitstring_wrap_parens(&mut self, doc: DocId, i: usize, last: Option<usize>) -> DocId {
        if i == 0 || Some(i) == last {
            let text = self.flat(doc);
            if (i == 0 && (text.starts_with('~') || text.starts_with("<<")))
                || (Some(i) == last && text.ends_with(">>"))
            {
                return self.wrap_in_parens(doc);
            }
        }
        doc
    }

    // -----------------------------------------------------------------------------------
    // Strings, sigils, heredocs

    /// Heredoc text: its lines joined by newlines (an empty line gets no indentation).
    fn heredoc_lines(&mut self, text: &str) -> DocId {
        let segments: Vec<&str> = text.split('\n').collect();
        let mut acc: Option<DocId> = None;
        for (i, segment) in segments.iter().enumerate() {
            let d = self.s_ref(segment);
            acc = Some(match acc {
                None => d,
                Some(a) => {
                    let line = self.docs.line();
                    let line = if segment.is_empty() && i + 1 < segments.len() {
                        self.docs.nest_with(line, Indent::Reset, NestMode::Always)
                    } else {
                        line
                    };
                    let a = self.cat(a, line);
                    self.cat(a, d)
                }
            });
        }
        acc.unwrap_or_else(|| self.nil())
    }

    /// `escape_string/2` of the formatter.
    fn escape_string(&mut self, text: &str, escape: Escape) -> DocId {
        match escape {
            Escape::Heredoc(delim) => {
                let text = text.replace(delim, &format!("\\{delim}"));
                self.heredoc_lines(&text)
            }
            Escape::Quote(q) => {
                let text = text.replace(q, &format!("\\{q}"));
                let mut acc: Option<DocId> = None;
                for segment in text.split('\n') {
                    let d = self.s_ref(segment);
                    acc = Some(match acc {
                        None => d,
                        Some(a) => {
                            let line = self.docs.line();
                            let nl = self.docs.nest_with(line, Indent::Reset, NestMode::Always);
                            let a = self.cat(a, nl);
                            self.cat(a, d)
                        }
                    });
                }
                acc.unwrap_or_else(|| self.nil())
            }
        }
    }

    /// `interpolation_to_algebra/5`; `escaped`: literal parts are escaped as `inspect`
    /// escapes them first (atoms and charlists).
    fn interpolation(
        &mut self,
        parts: &[Part],
        escape: Escape,
        escaped: bool,
        start: DocId,
        end: DocId,
    ) -> DocId {
        let mut acc = start;
        for part in parts {
            let d = match part {
                Part::Text(bytes) => {
                    let text = if escaped {
                        escape_text(bytes)
                    } else {
                        lossy(bytes)
                    };
                    self.escape_string(&text, escape)
                }
                Part::Expr(expr) => {
                    // An interpolation never breaks (`no_limit`): its groups stay flat.
                    let doc = self.block(expr);
                    let open = self.s_cat("#{", doc);
                    let doc = self.cat_s(open, "}");
                    self.docs.no_limit(doc)
                }
            };
            acc = self.cat(acc, d);
        }
        self.cat(acc, end)
    }

    /// `~x(...)mods`.
    fn sigil(&mut self, meta: &Meta, name: &str, args: &[Q]) -> Option<DocId> {
        let letter = name.strip_prefix("sigil_")?;
        if letter.len() != 1 {
            return None;
        }
        let [Q::Interp(_, parts), Q::Other(mods)] = args else {
            return None;
        };
        let crate::value::Value::List(mods, None) = mods else {
            return None;
        };
        let mods: String = mods
            .iter()
            .map(|m| match m {
                crate::value::Value::Int(c) => char::from_u32(*c as u32),
                _ => None,
            })
            .collect::<Option<String>>()?;
        let open = meta.delimiter.as_deref()?;
        let start = self.s(format!("~{letter}{open}"));
        if open == "\"\"\"" || open == "'''" {
            let line = self.docs.line();
            let start = self.cat(start, line);
            let end = self.s(format!("{open}{mods}"));
            let doc = self.interpolation(parts, Escape::Heredoc(open), false, start, end);
            return Some(self.docs.force_unfit(doc));
        }
        let close = match open {
            "(" => ")",
            "[" => "]",
            "{" => "}",
            "<" => ">",
            other => other,
        };
        let end = self.s(format!("{close}{mods}"));
        Some(self.interpolation(parts, Escape::Quote(close), false, start, end))
    }
}
