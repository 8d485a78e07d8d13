//! The surface syntax tree: what the parser produces, before desugaring.
//!
//! Like Elixir's own quoted form, the tree is generic: `def`, `if`, `case`,
//! `receive`, `defmodule` … are ordinary [`ExprKind::Call`]s with a
//! [`DoBlock`]; the desugaring phase gives them meaning. Only syntax that the
//! grammar itself must know (operators, `fn`, containers, captures, module
//! attributes, interpolation) has a node of its own.
//!
//! Every node carries a [`Span`] of byte offsets into its source file;
//! diagnostics turn those into `line:column`.

use num_bigint::BigInt;

/// Byte offsets `start..end` into the source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
    /// What Elixir's quoted form records of this node beyond its kind
    /// (set by the parser, read by `quoted.rs`; the code generator ignores it).
    pub quoting: Quoting,
}

impl Expr {
    pub fn new(span: Span, kind: ExprKind) -> Expr {
        Expr {
            span,
            kind,
            quoting: Quoting::at(span.start),
        }
    }

    /// The node with `quoting.at` (where its `line:` comes from) moved to `at`.
    pub fn at(mut self, at: u32) -> Expr {
        self.quoting.at = at;
        self
    }
}

/// The facts of a node's quoted form that the tree does not otherwise hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Quoting {
    /// The byte offset whose line is the node's `line:` meta: the token
    /// Elixir takes it from (the operator of `a + b`, the name of a remote
    /// call, the `[` of an access). [`Expr::new`] sets the span's start.
    pub at: u32,
    /// How many parentheses enclose it: `(not x)` quotes as a one-expression
    /// `{:__block__, [line: n], [...]}`, `(a; b)` as a block with a line
    /// (and `((a; b))` with two, as Elixir does).
    pub parens: u8,
    /// A remote call's `.`, when its line is not the name's (`a.\n  b`).
    pub dot: Option<u32>,
    /// `f -1`: a call whose name is followed by a space and a sign glued to
    /// what follows (`ambiguous_op: nil` in the call's meta).
    pub ambiguous_op: bool,
    /// A heredoc sigil: the indentation of its closing delimiter.
    pub indentation: Option<u32>,
}

impl Quoting {
    pub fn at(at: u32) -> Quoting {
        Quoting {
            at,
            ..Quoting::default()
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `42`, `1_000`, `0x1F`, `0b101`, `0o7`, `?a` (a character code).
    Int(BigInt),
    /// `1.5`, `1.0e-3`.
    Float(f64),
    /// `:ok`, `:"a b"`, `true`, `false`, `nil`, and keyword keys (`key:` → `Atom("key")`).
    Atom(String),
    /// `Foo.Bar`: the dotted alias as written, without the `Elixir.` prefix
    /// (`Alias("Foo.Bar")`). `__MODULE__` is a `Var`.
    Alias(String),
    /// `expr.Foo.Bar` where `expr` is not an alias (`__MODULE__.Sub`,
    /// `unquote(m).Sub`): the base and the alias parts after it.
    AliasOf(Box<Expr>, Vec<String>),
    /// A string literal without interpolation, escapes already processed.
    /// (One that is not valid UTF-8, such as `"\xFF"`, is a `Literal`.)
    Str(String),
    /// `"a #{b} c"`: literal parts and interpolated expressions, in order.
    Interp(Vec<InterpPart>),
    /// `'hi'`: a charlist literal, escapes processed (interpolation parts as for strings).
    Charlist(Vec<InterpPart>),
    /// `~w(a b c)`, `~s(...)` etc: sigil letter, parts, modifiers, and the
    /// opening delimiter as written (`"("`, `"/"`, `"\"\"\""`). The text
    /// parts are as written, escapes and all (as in Elixir, a sigil's
    /// function unescapes them, not the parser), except that a backslash
    /// before the closing delimiter is dropped and heredocs lose their
    /// indentation.
    Sigil(char, Vec<InterpPart>, String, String),
    /// An identifier used without arguments: `x`, `_`, `_acc`, `__MODULE__`.
    /// (Whether it is a variable or a zero-arity local call is decided later.)
    Var(String),
    /// `[a, b]`, `[a, b | tail]`, keyword lists (`[a: 1]` → `List([Tuple([Atom a, 1])], None)`).
    List(Vec<Expr>, Option<Box<Expr>>),
    /// `{a, b}`.
    Tuple(Vec<Expr>),
    /// `%{k => v, key: v}` (`update: None`) and `%{m | key: v}` (`update: Some(m)`).
    Map {
        update: Option<Box<Expr>>,
        pairs: Vec<(Expr, Expr)>,
    },
    /// `%Name{key: v}`, `%Name{s | key: v}`: `name` is an `Alias` or `Var("__MODULE__")`.
    Struct {
        name: Box<Expr>,
        update: Option<Box<Expr>>,
        pairs: Vec<(Expr, Expr)>,
    },
    /// `%{foo(1)}`, `%Name{m | bar}`: a map (or a struct, with a `name`)
    /// with an entry that is not a pair, as in `%{unquote_splicing(kv)}`;
    /// only meaningful inside `quote`. Pairs are 2-element `Tuple`s.
    MapEntries {
        name: Option<Box<Expr>>,
        update: Option<Box<Expr>>,
        entries: Vec<Expr>,
    },
    /// `<<a, b::binary>>`: kept only so that the parser can report it; unsupported for now.
    Bitstring(Vec<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// Any call: `f(x)`, `f x`, `Mod.f(x)`, `:mod.f(x)`, `fun.(x)`, `x.field`,
    /// `if c do ... end`, `def f(x) do ... end`.
    Call(Box<Call>),
    /// `fn a, b when g -> body; ... end`.
    Fn(Vec<Clause>),
    /// Clauses in parentheses, `(a -> x; b -> y)`: only as the value of a
    /// `do:`/`else:`/`after:` keyword (`receive(do: (:stop -> :ok))`).
    StabParens(Vec<Clause>),
    /// `&expr`: `&Mod.f/2`, `&f/1`, `&(&1 + 1)`, `&{&1, &2}`.
    Capture(Box<Expr>),
    /// `&1`, `&2` inside a capture.
    CaptureArg(u32),
    /// `expr[key]`.
    Access(Box<Expr>, Box<Expr>),
    /// `@name` (`None`) or `@name value` (`Some`).
    Attr(String, Option<Box<Expr>>),
    /// A sequence of expressions: `(a; b)`, the body of a `do` block.
    Block(Vec<Expr>),
    /// A constant term, as is (made by `lower.rs` for values that macros
    /// and module attributes put into code).
    Literal(beamlet_vm::value::Value),
    /// Escaped data (`Macro.escape/1`'s `{:{}, meta, elems}` of constants,
    /// ExUnit's `code:`) already built by `lower.rs` into the literal heap
    /// of the unit being compiled (only valid in that unit's code
    /// generation): made in one pass, with no `Value` built and dropped.
    Data(beamlet_vm::term::Term),
}

#[derive(Clone, Debug, PartialEq)]
pub enum InterpPart {
    Lit(String),
    Expr(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Plus,
    /// `!x`
    Bang,
    /// `not x`
    Not,
    /// `^x` (pin)
    Pin,
    /// An operator without a meaning of its own in the language, as
    /// written (`~~~`): a call of the function of that name (`Bitwise`
    /// defines it).
    Custom(&'static str),
}

/// Binary operators, tightest last (the table in `spec/language.md` gives the
/// full precedence and associativity, which follow Elixir's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `when` (right-assoc)
    When,
    /// `::` (type; parsed, rejected later)
    Type,
    /// `|` outside a list or map update: parsed so that it can be reported
    Bar,
    /// `a \\ default` in parameter lists
    Default,
    /// `<-` in `for`/`with`
    LArrow,
    /// `=`
    Match,
    /// `||`
    OrOr,
    /// `or`
    Or,
    /// `&&`
    AndAnd,
    /// `and`
    And,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `===`
    StrictEq,
    /// `!==`
    StrictNe,
    /// `=~`
    RegexMatch,
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `<=`
    Le,
    /// `>=`
    Ge,
    /// `|>`
    PipeRight,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `++` (right-assoc)
    Concat,
    /// `--` (right-assoc)
    Subtract,
    /// `..` (right-assoc)
    Range,
    /// `first..last//step`: lhs is the `Range` expression, rhs the step.
    RangeStep,
    /// `<>` (right-assoc)
    StrConcat,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `**` (right-assoc)
    Pow,
    /// An operator without a meaning of its own in the language, as
    /// written (`|||`, `&&&`, `<<<`, `>>>`, `^^^`, `<~`, `~>`, `<<~`, `~>>`,
    /// `<~>`, `<|>`, `+++`, `---`): a call of the function of that name
    /// (imported from `Bitwise`, or defined by the user).
    Custom(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub target: CallTarget,
    pub args: Vec<Expr>,
    /// True for `f x`, `Mod.f`, `x.field`: the call had no parentheses.
    /// (`x.field` is a map field access or a zero-arity remote call, decided later.)
    pub no_parens: bool,
    /// `do ... else ... end` sections, in source order.
    pub do_block: Option<DoBlock>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CallTarget {
    /// `f(x)`: a local (or imported) function or a special form (`if`, `def`, ...).
    Local(String),
    /// `Mod.f(x)`, `:mod.f(x)`, `expr.f(x)`: the module expression and the function name.
    Remote(Box<Expr>, String),
    /// `fun.(x)`
    Anon(Box<Expr>),
    /// `unquote(name)(x)`, `Mod.unquote(name)(x)`: a call whose name is
    /// itself an expression (only meaningful inside `quote` or a `def`).
    Dynamic(Box<Expr>),
}

/// The sections of a `do` block: `do`, `else`, `after`, `rescue`, `catch`, in
/// source order, each with its own span (the span of its keyword).
/// The keyword forms `do: x, else: y` stay ordinary keyword-list arguments; the
/// desugaring phase treats both forms alike.
#[derive(Clone, Debug, PartialEq)]
pub struct DoBlock {
    pub sections: Vec<(String, Span, Body)>,
}

/// A section's body: plain expressions, or `->` clauses.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// A `Block` (possibly empty: `do end`).
    Exprs(Expr),
    Clauses(Vec<Clause>),
}

/// `a, b when guard -> body`.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub span: Span,
    pub args: Vec<Expr>,
    pub guard: Option<Expr>,
    /// A `Block`.
    pub body: Expr,
}

/// A whole source file: its top-level expressions in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub exprs: Vec<Expr>,
}
