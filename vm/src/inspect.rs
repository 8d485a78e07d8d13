//! `inspect` as Elixir 1.14 prints it: the `Inspect` protocol implementations for every
//! [`Value`] kind laid out with the document algebra of [`algebra`].
//!
//! * `Kernel.inspect/1` is [`inspect`] with [`InspectOpts::default`] (`pretty: false`: no
//!   width limit, everything on one line);
//! * `IO.inspect/1` is [`inspect`] with [`InspectOpts::io_inspect`] (laid out in 80 columns).

pub mod algebra;

use num_bigint::BigInt;
use std::fmt;
use std::sync::Arc;

use crate::float_fmt::float_inspect;
use crate::value::{FunValue, Value};
use algebra::{decrement, ContainerBreak, DocId, Docs, Limit};

/// The `:charlists` option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Charlists {
    /// Lists of printable ASCII codes print as `'hi'` (the default).
    #[default]
    Infer,
    /// Lists always print as lists of numbers.
    AsLists,
    /// Lists of codes always print as charlists, with escapes.
    AsCharlists,
}

/// The `:binaries` option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Binaries {
    /// Printable UTF-8 binaries print as strings, others as `<<1, 2>>` (the default).
    #[default]
    Infer,
    /// Every binary prints as a string, escaping what is not printable.
    AsStrings,
    /// Every binary prints as `<<...>>`.
    AsBinaries,
}

/// Looks up the fields of a struct module (`"Elixir.User"`) in definition order, as
/// `Module.__info__(:struct)` lists them (`__exception__` included for exceptions).
/// `None`: the module is not known to define a struct.
pub type StructFieldsFn = dyn Fn(&str) -> Option<Vec<String>> + Send + Sync;

/// Options of `inspect/2` (`Inspect.Opts`).
#[derive(Clone)]
pub struct InspectOpts {
    /// Columns available when `pretty` (default 80).
    pub width: usize,
    /// Elements printed per collection before `...` (default 50; `usize::MAX`: `:infinity`).
    pub limit: usize,
    /// Lay out in `width` columns. `false` (the default of `Kernel.inspect/2`) prints everything
    /// on one line. `IO.inspect/2` always lays out in `width` columns: use `pretty: true`.
    pub pretty: bool,
    pub charlists: Charlists,
    pub binaries: Binaries,
    /// Characters of a string or charlist printed before ` <> ...` / ` ++ ...` (default 4096;
    /// `usize::MAX`: `:infinity`).
    pub printable_limit: usize,
    /// `false`: structs print as plain maps (`%{__struct__: Foo, a: 1}`).
    pub structs: bool,
    /// The base integers print in: 2, 8, 10 (the default) or 16 (`base: :hex` → `0xFF`).
    pub base: u32,
    /// Field order of struct modules, consulted before the built-in table of Elixir's own
    /// exception structs. With a lookup, a map whose `__struct__` names a module known to
    /// neither prints as a plain map (as Elixir prints it when the module does not exist);
    /// without one, such a struct prints its fields in key order.
    pub struct_fields: Option<Arc<StructFieldsFn>>,
}

impl fmt::Debug for InspectOpts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InspectOpts")
            .field("width", &self.width)
            .field("limit", &self.limit)
            .field("pretty", &self.pretty)
            .field("charlists", &self.charlists)
            .field("binaries", &self.binaries)
            .field("printable_limit", &self.printable_limit)
            .field("structs", &self.structs)
            .field("base", &self.base)
            .field(
                "struct_fields",
                &self.struct_fields.as_ref().map(|_| "<fn>"),
            )
            .finish()
    }
}

impl Default for InspectOpts {
    fn default() -> Self {
        InspectOpts {
            width: 80,
            limit: 50,
            pretty: false,
            charlists: Charlists::Infer,
            binaries: Binaries::Infer,
            printable_limit: 4096,
            structs: true,
            base: 10,
            struct_fields: None,
        }
    }
}

impl InspectOpts {
    /// The options `IO.inspect/1` prints with: laid out in 80 columns.
    pub fn io_inspect() -> Self {
        InspectOpts {
            pretty: true,
            ..Default::default()
        }
    }

    /// `limit: :infinity, printable_limit: :infinity` (one line, as `Kernel.inspect/2`).
    pub fn unlimited() -> Self {
        InspectOpts {
            limit: usize::MAX,
            printable_limit: usize::MAX,
            ..Default::default()
        }
    }

    fn limit(&self) -> Limit {
        if self.limit == usize::MAX {
            None
        } else {
            Some(self.limit)
        }
    }
}

/// `inspect(v, opts)`.
pub fn inspect(v: &Value, opts: &InspectOpts) -> String {
    let mut docs = Docs::new();
    let d = to_doc(&mut docs, v, opts.limit(), opts);
    let d = docs.group(d);
    docs.format(d, if opts.pretty { Some(opts.width) } else { None })
}

/// An integer as `inspect(i, base: ...)` prints it: `0b1010`, `0o17`, `0xFF`, the sign first.
fn int_in_base(i: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = i.magnitude().to_str_radix(base).to_uppercase();
    let sign = if i.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    format!("{sign}{prefix}{digits}")
}

/// Builds the document of `v` (`Inspect.Algebra.to_doc/2`) in `docs`, for callers that
/// embed inspected values in larger documents.
pub fn to_doc(docs: &mut Docs, v: &Value, limit: Limit, opts: &InspectOpts) -> DocId {
    match v {
        Value::Int(i) if opts.base == 10 => docs.text(i.to_string()),
        Value::BigInt(i) if opts.base == 10 => docs.text(i.to_string()),
        Value::Int(i) => docs.text(int_in_base(&BigInt::from(*i), opts.base)),
        Value::BigInt(i) => docs.text(int_in_base(i, opts.base)),
        Value::Float(f) => docs.text(float_inspect(*f)),
        Value::Atom(a) => docs.text(inspect_atom(a)),
        Value::Binary(b) => inspect_binary(docs, b, limit, opts),
        Value::Bitstring(b, n) => inspect_bits(docs, b, *n, limit, opts),
        Value::List(items, tail) => inspect_list(docs, items, tail.as_deref(), limit, opts),
        Value::Tuple(items) => docs.container(
            "{",
            items,
            None,
            "}",
            limit,
            ContainerBreak::Flex,
            ",",
            &mut |d, v, l| to_doc(d, v, l, opts),
        ),
        Value::Map(pairs) => inspect_map_or_struct(docs, pairs, limit, opts),
        Value::Pid { index, serial } => docs.text(format!("#PID<0.{index}.{serial}>")),
        Value::Ref([a, b, c]) => docs.text(format!("#Reference<0.{a}.{b}.{c}>")),
        Value::Fun(f) => docs.text(inspect_fun(f)),
    }
}

// ---------------------------------------------------------------------------------------
// Atoms (`Macro.inspect_atom/2`)

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AtomClass {
    NotCallable,
    QuotedOperator,
    UnquotedOperator,
    Alias,
    Identifier,
    Other,
}

const NOT_CALLABLE: &[&str] = &["%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->"];
const QUOTED_OPERATORS: &[&str] = &["::", "^^^", "~~~", "<|>"];
const UNARY_OPERATORS: &[&str] = &["&", "!", "^", "not", "+", "-", "~~~", "@"];
const BINARY_OPERATORS: &[&str] = &[
    "<-", "\\\\", "when", "::", "|", "=", "||", "|||", "or", "&&", "&&&", "and", "==", "!=", "=~",
    "===", "!==", "<", "<=", ">=", ">", "|>", "<<<", ">>>", "<~", "~>", "<<~", "~>>", "<~>", "<|>",
    "in", "^^^", "++", "--", "..", "<>", "+++", "---", "+", "-", "*", "/", "**", ".",
];

/// `Macro.valid_alias?/1` on the atom's text: `Elixir` followed by `.Upper...` segments.
fn valid_alias(name: &str) -> bool {
    let Some(mut rest) = name.strip_prefix("Elixir") else {
        return false;
    };
    loop {
        if rest.is_empty() {
            return true;
        }
        let b = rest.as_bytes();
        if b.len() < 2 || b[0] != b'.' || !b[1].is_ascii_uppercase() {
            return false;
        }
        let seg = &rest[2..];
        let end = seg
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(seg.len());
        rest = &seg[end..];
    }
}

/// `String.Tokenizer.tokenize/1` reduced to what `inner_classify/1` needs: `None` when the
/// text is not a single token; otherwise whether it is an identifier without `@`.
fn tokenizes_as_identifier(name: &str) -> Option<bool> {
    let mut chars = name.chars();
    let first = chars.next()?;
    let mut identifier = if first.is_ascii_uppercase() {
        false
    } else if first.is_ascii_lowercase() || first == '_' {
        true
    } else if first.is_ascii() {
        return None;
    } else if first.is_uppercase() {
        false
    } else if first.is_alphabetic() {
        true
    } else {
        return None;
    };
    let mut rest = chars.peekable();
    while let Some(c) = rest.next() {
        match c {
            '?' | '!' => {
                // Punctuation ends the token.
                if rest.peek().is_some() {
                    return None;
                }
            }
            '@' => identifier = false,
            c if c.is_ascii_alphanumeric() || c == '_' => {}
            c if c.is_ascii() => return None,
            c if c.is_alphanumeric() => {}
            _ => return None,
        }
    }
    Some(identifier)
}

pub(crate) fn classify(name: &str) -> AtomClass {
    if NOT_CALLABLE.contains(&name) {
        AtomClass::NotCallable
    } else if QUOTED_OPERATORS.contains(&name) {
        AtomClass::QuotedOperator
    } else if UNARY_OPERATORS.contains(&name) || (BINARY_OPERATORS.contains(&name)) {
        AtomClass::UnquotedOperator
    } else if valid_alias(name) {
        AtomClass::Alias
    } else {
        match tokenizes_as_identifier(name) {
            Some(true) => AtomClass::Identifier,
            Some(false) => AtomClass::NotCallable,
            None => AtomClass::Other,
        }
    }
}

/// `classify_atom/1`: `true` when the atom can be written without quotes.
fn unquoted(class: AtomClass) -> bool {
    matches!(
        class,
        AtomClass::Identifier | AtomClass::NotCallable | AtomClass::UnquotedOperator
    )
}

/// How `inspect` writes an atom: `:ok`, `:"a b"`, `Foo.Bar`, `nil`.
pub fn inspect_atom(name: &str) -> String {
    if matches!(name, "nil" | "true" | "false") {
        return name.to_string();
    }
    let class = classify(name);
    if class == AtomClass::Alias {
        if name == "Elixir" || name == "Elixir.Elixir" || name.starts_with("Elixir.Elixir.") {
            name.to_string()
        } else {
            name["Elixir.".len()..].to_string()
        }
    } else if unquoted(class) {
        format!(":{name}")
    } else {
        format!(":\"{}\"", escape(name.as_bytes(), b'"', None).0)
    }
}

/// An atom as a keyword key, colon included: `a:`, `"a b":`.
pub fn inspect_atom_key(name: &str) -> String {
    let class = classify(name);
    if class == AtomClass::Alias {
        format!("\"{name}\":")
    } else if unquoted(class) {
        format!("{name}:")
    } else {
        format!("\"{}\":", escape(name.as_bytes(), b'"', None).0)
    }
}

/// An atom as the function name of a remote call: `puts`, `+`, `"odd name"`.
pub fn inspect_atom_remote_call(name: &str) -> String {
    match classify(name) {
        AtomClass::Identifier | AtomClass::UnquotedOperator | AtomClass::QuotedOperator => {
            name.to_string()
        }
        AtomClass::NotCallable | AtomClass::Alias => format!("\"{name}\""),
        AtomClass::Other => format!("\"{}\"", escape(name.as_bytes(), b'"', None).0),
    }
}

// ---------------------------------------------------------------------------------------
// Strings and escapes (`Code.Identifier.escape/3`)

/// Decodes the UTF-8 character at the start of `b`: the code point and its length.
fn decode_utf8(b: &[u8]) -> Option<(char, usize)> {
    let len = match *b.first()? {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return None,
    };
    let s = std::str::from_utf8(b.get(..len)?).ok()?;
    s.chars().next().map(|c| (c, len))
}

fn is_printable_char(c: u32) -> bool {
    matches!(c, 32..=126 | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

fn escape_map(c: char) -> Option<&'static str> {
    Some(match c {
        '\x07' => "\\a",
        '\x08' => "\\b",
        '\x7F' => "\\d",
        '\x1B' => "\\e",
        '\x0C' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\x0B' => "\\v",
        '\\' => "\\\\",
        _ => return None,
    })
}

fn escape_char(out: &mut String, c: char) {
    let n = c as u32;
    if n == 0 {
        out.push_str("\\0");
    } else if n == 0xFEFF {
        out.push_str("\\uFEFF");
    } else if is_printable_char(n) {
        out.push(c);
    } else if n < 0x100 {
        out.push_str(&format!("\\x{n:02X}"));
    } else if n < 0x10000 {
        out.push_str(&format!("\\x{{{n:04X}}}"));
    } else {
        out.push_str(&format!("\\x{{{n:06X}}}"));
    }
}

/// `Code.Identifier.escape/3`: escapes `bytes` for printing between `quote` characters,
/// stopping after `limit` characters. Returns the text and whether it was cut short.
fn escape(bytes: &[u8], quote: u8, limit: Option<usize>) -> (String, bool) {
    escape_with(bytes, Some(quote), limit)
}

/// [`escape`] with an optional quote character (`None`: quotes are left as they are).
pub(crate) fn escape_with(bytes: &[u8], quote: Option<u8>, limit: Option<usize>) -> (String, bool) {
    let (out, used) = escape_prefix(bytes, quote, limit);
    (out, used < bytes.len())
}

/// [`escape_with`] returning how many bytes of `bytes` it escaped (all of them unless
/// `limit` characters came first).
pub fn escape_prefix(bytes: &[u8], quote: Option<u8>, limit: Option<usize>) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut count = limit;
    let mut pos = 0;
    while pos < bytes.len() {
        if count == Some(0) {
            return (out, pos);
        }
        let rest = &bytes[pos..];
        if Some(rest[0]) == quote {
            out.push('\\');
            out.push(rest[0] as char);
            pos += 1;
        } else if rest.starts_with(b"#{") {
            out.push_str("\\#{");
            pos += 2;
        } else if let Some((c, len)) = decode_utf8(rest) {
            match escape_map(c) {
                Some(e) => out.push_str(e),
                None => escape_char(&mut out, c),
            }
            pos += len;
        } else {
            out.push_str(&format!("\\x{:02X}", rest[0]));
            pos += 1;
        }
        count = decrement(count);
    }
    (out, pos)
}

/// `String.printable?/2`.
pub fn string_printable(bytes: &[u8], limit: usize) -> bool {
    let valid = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""),
    };
    let mut count = 0;
    for c in valid.chars() {
        if count == limit {
            return true;
        }
        let n = c as u32;
        if !(is_printable_char(n) || matches!(n, 7..=13 | 27 | 127)) {
            return false;
        }
        count += 1;
    }
    count == limit || valid.len() == bytes.len()
}

fn inspect_binary(docs: &mut Docs, bytes: &[u8], limit: Limit, opts: &InspectOpts) -> DocId {
    // Any base other than decimal prints bytes.
    let as_string = opts.base == 10
        && match opts.binaries {
            Binaries::AsStrings => true,
            Binaries::AsBinaries => false,
            Binaries::Infer => string_printable(bytes, opts.printable_limit),
        };
    let byte = |b: u8| {
        if opts.base == 10 {
            b.to_string()
        } else {
            int_in_base(&BigInt::from(b), opts.base)
        }
    };
    if as_string {
        let (escaped, cut) = escape(bytes, b'"', Some(opts.printable_limit));
        let s = if cut {
            format!("\"{escaped}\" <> ...")
        } else {
            format!("\"{escaped}\"")
        };
        return docs.text(s);
    }
    if bytes.is_empty() {
        return docs.text("<<>>");
    }
    let pieces: Vec<String> = bytes.iter().map(|&b| byte(b)).collect();
    bit_pieces(docs, &pieces, limit)
}

/// A bitstring of `n` bits (not a multiple of 8): its bytes, then the
/// leftover bits as `v::size(k)`.
fn inspect_bits(docs: &mut Docs, bytes: &[u8], n: u64, limit: Limit, opts: &InspectOpts) -> DocId {
    let whole = (n / 8) as usize;
    let k = n % 8;
    let num = |b: u8| {
        if opts.base == 10 {
            b.to_string()
        } else {
            int_in_base(&BigInt::from(b), opts.base)
        }
    };
    let mut pieces: Vec<String> = bytes[..whole].iter().map(|&b| num(b)).collect();
    pieces.push(format!("{}::size({k})", num(bytes[whole] >> (8 - k))));
    bit_pieces(docs, &pieces, limit)
}

/// `<<a, b, ...>>` of the pieces, at most `limit` shown (each_bit/3).
fn bit_pieces(docs: &mut Docs, pieces: &[String], limit: Limit) -> DocId {
    // Built back to front (it nests to the right).
    let shown = match limit {
        Some(n) if n < pieces.len() => n,
        _ => pieces.len(),
    };
    let mut inner = if shown < pieces.len() {
        docs.text("...")
    } else {
        docs.text(pieces[pieces.len() - 1].clone())
    };
    let last_full = if shown < pieces.len() {
        shown
    } else {
        pieces.len() - 1
    };
    for b in pieces[..last_full].iter().rev() {
        let t = docs.text(format!("{b},"));
        inner = docs.flex_glue(t, " ", inner);
    }
    let left = docs.text("<<");
    let right = docs.text(">>");
    let nested = docs.nest(inner, 2);
    let d = docs.concat(left, nested);
    let d = docs.concat(d, right);
    docs.group(d)
}

// ---------------------------------------------------------------------------------------
// Lists, keywords, maps, structs

/// `List.ascii_printable?/2`.
fn ascii_printable(items: &[Value], limit: usize) -> bool {
    items
        .iter()
        .take(limit)
        .all(|v| matches!(v, Value::Int(c) if matches!(c, 7..=13 | 27 | 32..=126)))
}

/// `Inspect.List.keyword?/1`.
pub fn is_keyword(items: &[Value]) -> bool {
    items.iter().all(|v| match v {
        Value::Tuple(kv) if kv.len() == 2 => {
            matches!(&kv[0], Value::Atom(k) if !k.starts_with("Elixir."))
        }
        _ => false,
    })
}

/// `Inspect.List.keyword/2`: `key: value`.
fn keyword_doc(
    docs: &mut Docs,
    key: &str,
    value: &Value,
    limit: Limit,
    opts: &InspectOpts,
) -> DocId {
    let k = docs.text(format!("{} ", inspect_atom_key(key)));
    let v = to_doc(docs, value, limit, opts);
    docs.concat(k, v)
}

fn keyword_pair_doc(docs: &mut Docs, pair: &Value, limit: Limit, opts: &InspectOpts) -> DocId {
    match pair {
        Value::Tuple(kv) => match &kv[0] {
            Value::Atom(k) => keyword_doc(docs, k, &kv[1], limit, opts),
            _ => to_doc(docs, pair, limit, opts),
        },
        _ => to_doc(docs, pair, limit, opts),
    }
}

fn inspect_list(
    docs: &mut Docs,
    items: &[Value],
    tail: Option<&Value>,
    limit: Limit,
    opts: &InspectOpts,
) -> DocId {
    if items.is_empty() {
        return match tail {
            None => docs.text("[]"),
            Some(t) => to_doc(docs, t, limit, opts),
        };
    }
    if tail.is_none() {
        let charlist = match opts.charlists {
            Charlists::AsLists => false,
            Charlists::Infer => ascii_printable(items, opts.printable_limit),
            Charlists::AsCharlists => items.iter().all(
                |v| matches!(v, Value::Int(c) if char::from_u32(*c as u32).is_some() && *c >= 0),
            ),
        };
        if charlist {
            let text: String = items
                .iter()
                .filter_map(|v| match v {
                    Value::Int(c) => char::from_u32(*c as u32),
                    _ => None,
                })
                .collect();
            let (escaped, cut) = escape(text.as_bytes(), b'\'', Some(opts.printable_limit));
            let s = if cut {
                format!("'{escaped}' ++ ...")
            } else {
                format!("'{escaped}'")
            };
            return docs.text(s);
        }
        if is_keyword(items) {
            return docs.container(
                "[",
                items,
                None,
                "]",
                limit,
                ContainerBreak::Strict,
                ",",
                &mut |d, v, l| keyword_pair_doc(d, v, l, opts),
            );
        }
    }
    docs.container(
        "[",
        items,
        tail,
        "]",
        limit,
        ContainerBreak::Maybe,
        ",",
        &mut |d, v, l| to_doc(d, v, l, opts),
    )
}

/// Field order of Elixir's own structs (`Module.__info__(:struct)` in Elixir 1.14).
const BUILTIN_STRUCTS: &[(&str, &[&str])] = &[
    ("Elixir.ArgumentError", &["__exception__", "message"]),
    ("Elixir.ArithmeticError", &["__exception__", "message"]),
    (
        "Elixir.BadArityError",
        &["__exception__", "function", "args"],
    ),
    (
        "Elixir.BadBooleanError",
        &["__exception__", "term", "operator"],
    ),
    ("Elixir.BadFunctionError", &["__exception__", "term"]),
    ("Elixir.BadMapError", &["__exception__", "term"]),
    (
        "Elixir.BadStructError",
        &["__exception__", "struct", "term"],
    ),
    ("Elixir.CaseClauseError", &["__exception__", "term"]),
    (
        "Elixir.Code.LoadError",
        &["__exception__", "file", "message", "reason"],
    ),
    (
        "Elixir.CompileError",
        &["__exception__", "file", "line", "description"],
    ),
    ("Elixir.CondClauseError", &["__exception__"]),
    ("Elixir.Enum.EmptyError", &["__exception__", "message"]),
    (
        "Elixir.Enum.OutOfBoundsError",
        &["__exception__", "message"],
    ),
    (
        "Elixir.ErlangError",
        &["__exception__", "original", "reason"],
    ),
    (
        "Elixir.File.Error",
        &["__exception__", "reason", "path", "action"],
    ),
    (
        "Elixir.FunctionClauseError",
        &[
            "__exception__",
            "module",
            "function",
            "arity",
            "kind",
            "args",
            "clauses",
        ],
    ),
    (
        "Elixir.KeyError",
        &["__exception__", "key", "term", "message"],
    ),
    ("Elixir.MatchError", &["__exception__", "term"]),
    (
        "Elixir.Protocol.UndefinedError",
        &["__exception__", "protocol", "value", "description"],
    ),
    ("Elixir.RuntimeError", &["__exception__", "message"]),
    (
        "Elixir.SyntaxError",
        &[
            "__exception__",
            "file",
            "line",
            "column",
            "snippet",
            "description",
        ],
    ),
    ("Elixir.SystemLimitError", &["__exception__", "message"]),
    (
        "Elixir.TokenMissingError",
        &[
            "__exception__",
            "file",
            "line",
            "snippet",
            "column",
            "description",
        ],
    ),
    ("Elixir.TryClauseError", &["__exception__", "term"]),
    (
        "Elixir.UndefinedFunctionError",
        &[
            "__exception__",
            "module",
            "function",
            "arity",
            "reason",
            "message",
        ],
    ),
    (
        "Elixir.UnicodeConversionError",
        &["__exception__", "encoded", "message"],
    ),
    ("Elixir.WithClauseError", &["__exception__", "term"]),
    ("Elixir.Range", &["first", "last", "step"]),
];

/// The fields of one of Elixir's own structs in definition order (`__exception__` first
/// for exceptions), from the table the native printer uses.
pub fn builtin_struct_fields(module: &str) -> Option<&'static [&'static str]> {
    BUILTIN_STRUCTS
        .iter()
        .find(|(m, _)| *m == module)
        .map(|(_, fields)| *fields)
}

/// What is known of a struct module.
enum StructInfo {
    /// Its fields in definition order.
    Fields(Vec<String>),
    /// Not a struct module (`Elixir` prints such maps as plain maps).
    NotAStruct,
    /// Nothing known: print the fields in key order.
    Unknown,
}

fn struct_info(module: &str, opts: &InspectOpts) -> StructInfo {
    let builtin = BUILTIN_STRUCTS
        .iter()
        .find(|(m, _)| *m == module)
        .map(|(_, fields)| fields.iter().map(|s| s.to_string()).collect());
    match &opts.struct_fields {
        Some(f) => match f(module).or(builtin) {
            Some(fields) => StructInfo::Fields(fields),
            None => StructInfo::NotAStruct,
        },
        None => builtin.map_or(StructInfo::Unknown, StructInfo::Fields),
    }
}

fn map_get<'a>(pairs: &'a [(Value, Value)], key: &str) -> Option<&'a Value> {
    pairs.iter().find_map(|(k, v)| match k {
        Value::Atom(a) if a == key => Some(v),
        _ => None,
    })
}

fn inspect_map_or_struct(
    docs: &mut Docs,
    pairs: &[(Value, Value)],
    limit: Limit,
    opts: &InspectOpts,
) -> DocId {
    if opts.structs {
        if let Some(Value::Atom(module)) = map_get(pairs, "__struct__") {
            if module == "Elixir.Range" {
                if let Some(d) = inspect_range(docs, pairs, limit, opts) {
                    return d;
                }
            } else if module == "Elixir.Regex" {
                if let Some(d) = inspect_regex(docs, pairs, limit, opts) {
                    return d;
                }
                return inspect_struct(docs, module, pairs, limit, opts);
            } else {
                return inspect_struct(docs, module, pairs, limit, opts);
            }
        }
    }
    inspect_map(docs, pairs, limit, opts)
}

/// `Inspect.Map.inspect/2`.
fn inspect_map(
    docs: &mut Docs,
    pairs: &[(Value, Value)],
    limit: Limit,
    opts: &InspectOpts,
) -> DocId {
    let keyword = pairs
        .iter()
        .all(|(k, _)| matches!(k, Value::Atom(a) if !a.starts_with("Elixir.")));
    docs.container(
        "%{",
        pairs,
        None,
        "}",
        limit,
        ContainerBreak::Strict,
        ",",
        &mut |d, (k, v), l| {
            if keyword {
                if let Value::Atom(a) = k {
                    return keyword_doc(d, a, v, l, opts);
                }
            }
            let kd = to_doc(d, k, l, opts);
            let sep = d.text(" => ");
            let vd = to_doc(d, v, l, opts);
            let kd = d.concat(kd, sep);
            d.concat(kd, vd)
        },
    )
}

/// `Inspect.Any.inspect/2` for structs: `%Name{field: value, ...}` in field order.
fn inspect_struct(
    docs: &mut Docs,
    module: &str,
    pairs: &[(Value, Value)],
    limit: Limit,
    opts: &InspectOpts,
) -> DocId {
    let fields: Vec<String> = match struct_info(module, opts) {
        StructInfo::NotAStruct => return inspect_map(docs, pairs, limit, opts),
        StructInfo::Fields(fields) => {
            // The struct's keys must be exactly the module's (else it prints as a map).
            // (`__exception__` is one of an exception's keys, which
            // `__info__(:struct)` leaves out.)
            let hidden = |a: &str| a == "__struct__" || a == "__exception__";
            let shown_fields = fields.iter().filter(|f| !hidden(f)).count();
            let shown_keys = pairs
                .iter()
                .filter(|(k, _)| !matches!(k, Value::Atom(a) if hidden(a)))
                .count();
            let matches = shown_keys == shown_fields
                && pairs.iter().all(|(k, _)| match k {
                    Value::Atom(a) => hidden(a) || fields.iter().any(|f| f == a),
                    _ => false,
                });
            if !matches {
                return inspect_map(docs, pairs, limit, opts);
            }
            fields
        }
        StructInfo::Unknown => pairs
            .iter()
            .filter_map(|(k, _)| match k {
                Value::Atom(a) => Some(a.to_string()),
                _ => None,
            })
            .filter(|a| a != "__struct__")
            .collect(),
    };
    if pairs.iter().any(|(k, _)| !matches!(k, Value::Atom(_))) {
        return inspect_map(docs, pairs, limit, opts);
    }
    let shown: Vec<&String> = fields
        .iter()
        .filter(|f| f.as_str() != "__struct__" && f.as_str() != "__exception__")
        .collect();
    let open = format!("%{}{{", inspect_atom(module));
    docs.container(
        &open,
        &shown,
        None,
        "}",
        limit,
        ContainerBreak::Strict,
        ",",
        &mut |d, f, l| {
            let nil = Value::Atom("nil".into());
            let v = map_get(pairs, f).unwrap_or(&nil);
            keyword_doc(d, f, v, l, opts)
        },
    )
}

/// `Inspect.Regex`: `~r/source/opts` (a `/` in the source escaped), or
/// `Regex.compile!(source, options)` when the options are a list.
fn inspect_regex(
    docs: &mut Docs,
    pairs: &[(Value, Value)],
    limit: Limit,
    opts: &InspectOpts,
) -> Option<DocId> {
    let Value::Binary(source) = map_get(pairs, "source")? else {
        return None;
    };
    match map_get(pairs, "opts")? {
        Value::Binary(mods) => {
            let source = std::str::from_utf8(source).ok()?;
            let mut out = String::from("~r/");
            let mut chars = source.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        out.push('\\');
                        if let Some(n) = chars.next() {
                            out.push(n);
                        }
                    }
                    '/' => out.push_str("\\/"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\u{b}' => out.push_str("\\v"),
                    '\u{c}' => out.push_str("\\f"),
                    '\u{7}' => out.push_str("\\a"),
                    _ => out.push(c),
                }
            }
            out.push('/');
            out.push_str(std::str::from_utf8(mods).ok()?);
            Some(docs.text(&out))
        }
        list @ Value::List(..) => {
            let open = docs.text("Regex.compile!(");
            let s = to_doc(docs, &Value::Binary(source.clone()), limit, opts);
            let sep = docs.text(", ");
            let l = to_doc(docs, list, limit, opts);
            let close = docs.text(")");
            Some(docs.concat_all(&[open, s, sep, l, close]))
        }
        _ => None,
    }
}

/// `Inspect.Range`: `1..10`, `10..1//-1`, `1..10//2`.
fn inspect_range(
    docs: &mut Docs,
    pairs: &[(Value, Value)],
    limit: Limit,
    opts: &InspectOpts,
) -> Option<DocId> {
    let first = map_get(pairs, "first")?;
    let last = map_get(pairs, "last")?;
    let step = map_get(pairs, "step");
    let ascending = match (first, last) {
        (Value::Int(a), Value::Int(b)) => b >= a,
        _ => false,
    };
    let step_val;
    let step = match step {
        Some(s) => s,
        None => {
            step_val = Value::Int(if ascending { 1 } else { -1 });
            &step_val
        }
    };
    let f = to_doc(docs, first, limit, opts);
    let dots = docs.text("..");
    let l = to_doc(docs, last, limit, opts);
    let mut parts = vec![f, dots, l];
    if !(matches!(step, Value::Int(1)) && ascending) {
        let slashes = docs.text("//");
        let s = to_doc(docs, step, limit, opts);
        parts.push(slashes);
        parts.push(s);
    }
    Some(docs.concat_all(&parts))
}

// ---------------------------------------------------------------------------------------
// Functions

/// `Inspect.Function`: `&Mod.fun/1`, `#Function<0.1234/1 in Mod.fun/2>`.
///
/// For an anonymous function, `defined_in` is the enclosing function as `name/arity`
/// (`bar/1`) or its compiler name (`-bar/1-fun-0-`). With no module: `defined_in` starting
/// with `file:` prints as a function of a script's top level (`#Function<0.1234 in
/// file:x.exs>`, what `elixir x.exs` shows); anything else as an `:erl_eval` function.
pub fn inspect_fun(f: &FunValue) -> String {
    match f {
        FunValue::External {
            module,
            name,
            arity,
        } => {
            format!(
                "&{}.{}/{arity}",
                inspect_atom(module),
                inspect_atom_remote_call(name)
            )
        }
        FunValue::Anonymous {
            module: Some(module),
            defined_in,
            index,
            uniq,
            arity,
        } => {
            let name = anonymous_fun_parent(defined_in);
            format!(
                "#Function<{index}.{uniq}/{arity} in {}{name}>",
                inspect_atom(module)
            )
        }
        FunValue::Anonymous {
            module: None,
            defined_in,
            index,
            uniq,
            arity,
        } => {
            if defined_in.starts_with("file:") {
                format!("#Function<{index}.{uniq} in {defined_in}>")
            } else {
                format!("#Function<{index}.{uniq}/{arity} in :erl_eval.expr/6>")
            }
        }
    }
}

/// `extract_name/1` of `Inspect.Function`: `.bar/1` from `bar/1` or `-bar/1-fun-0-`.
fn anonymous_fun_parent(defined_in: &str) -> String {
    if defined_in.is_empty() {
        return String::new();
    }
    let plain = defined_in
        .strip_prefix('-')
        .and_then(|rest| {
            let (head, trailing) = rest.rsplit_once('/')?;
            let parts: Vec<&str> = trailing.split('-').collect();
            (parts.len() == 4 && parts[3].is_empty())
                .then(|| (head.to_string(), parts[0].to_string()))
        })
        .or_else(|| {
            let (name, arity) = defined_in.rsplit_once('/')?;
            arity
                .parse::<u32>()
                .ok()
                .map(|_| (name.to_string(), arity.to_string()))
        });
    match plain {
        Some((name, arity)) => format!(".{}/{arity}", inspect_atom_remote_call(&name)),
        None => format!(".{}", inspect_atom_remote_call(defined_in)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoms() {
        assert_eq!(inspect_atom("ok"), ":ok");
        assert_eq!(inspect_atom("Elixir.Foo.Bar"), "Foo.Bar");
        assert_eq!(inspect_atom("a b"), ":\"a b\"");
        assert_eq!(inspect_atom("Über"), ":Über");
        assert_eq!(inspect_atom_key("a b"), "\"a b\":");
    }
}
