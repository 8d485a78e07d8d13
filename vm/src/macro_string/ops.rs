//! Elixir 1.14's operator table (`Code.Identifier.unary_op/1`, `binary_op/1`), the
//! formatter's operator classes, and the calls it writes without parentheses.

/// Associativity of a binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Assoc {
    Left,
    Right,
    NonAssociative,
}

/// `Code.Identifier.unary_op/1`.
pub(super) fn unary_op(op: &str) -> Option<(Assoc, u32)> {
    match op {
        "&" => Some((Assoc::NonAssociative, 90)),
        "!" | "^" | "not" | "+" | "-" | "~~~" => Some((Assoc::NonAssociative, 300)),
        "@" => Some((Assoc::NonAssociative, 320)),
        _ => None,
    }
}

/// `Code.Identifier.binary_op/1`: the parser's precedence table.
pub(super) fn binary_op(op: &str) -> Option<(Assoc, u32)> {
    use Assoc::*;
    Some(match op {
        "<-" | "\\\\" => (Left, 40),
        "when" => (Right, 50),
        "::" => (Right, 60),
        "|" => (Right, 70),
        "=" => (Right, 100),
        "||" | "|||" | "or" => (Left, 120),
        "&&" | "&&&" | "and" => (Left, 130),
        "==" | "!=" | "=~" | "===" | "!==" => (Left, 140),
        "<" | "<=" | ">=" | ">" => (Left, 150),
        "|>" | "<<<" | ">>>" | "<~" | "~>" | "<<~" | "~>>" | "<~>" | "<|>" => (Left, 160),
        "in" => (Left, 170),
        "^^^" => (Left, 180),
        "//" => (Right, 190),
        "++" | "--" | ".." | "<>" | "+++" | "---" => (Right, 200),
        "+" | "-" => (Left, 210),
        "*" | "/" => (Left, 220),
        "**" => (Left, 230),
        "." => (Left, 310),
        _ => return None,
    })
}

/// `Macro.operator?/2`.
pub(super) fn is_operator(name: &str, arity: usize) -> bool {
    match arity {
        1 => unary_op(name).is_some(),
        2 => binary_op(name).is_some(),
        _ => false,
    }
}

/// Operators without spaces around them: `1..2`, `1..2//3`.
pub(super) fn no_space(op: &str) -> bool {
    matches!(op, ".." | "//")
}

/// Operators that never break after them: `left in right`, `a \\ b`.
pub(super) fn no_newline(op: &str) -> bool {
    matches!(op, "\\\\" | "in")
}

/// Left-associative operators that start the next line when they break (pipes).
pub(super) fn pipeline(op: &str) -> bool {
    matches!(op, "|>" | "~>>" | "<<~" | "~>" | "<~" | "<~>" | "<|>")
}

/// Right-associative operators that start the next line when they break.
pub(super) fn right_new_line_before(op: &str) -> bool {
    matches!(op, "|" | "when")
}

/// Logical operators that cannot be mixed without parentheses.
pub(super) fn required_parens_logical(op: &str) -> bool {
    matches!(op, "||" | "|||" | "or" | "&&" | "&&&" | "and")
}

/// Operators whose right operand's next break fits (`x = %{...}`).
pub(super) fn next_break_fits_op(op: &str) -> bool {
    matches!(
        op,
        "<-" | "==" | "!=" | "=~" | "===" | "!==" | "<" | ">" | "<=" | ">=" | "=" | "::"
    )
}

/// Operators whose operands always take parentheses when they are operators themselves.
pub(super) fn required_parens_on_operands(op: &str) -> bool {
    matches!(
        op,
        "|>" | "<<<"
            | ">>>"
            | "<~"
            | "~>"
            | "<<~"
            | "~>>"
            | "<~>"
            | "<|>"
            | "^^^"
            | "in"
            | "++"
            | "--"
            | ".."
            | "<>"
            | "+++"
            | "---"
    )
}

/// `Code.Formatter.locals_without_parens/0` of Elixir 1.14: `(name, arity)`, arity `None`
/// for any.
const LOCALS_WITHOUT_PARENS: &[(&str, Option<usize>)] = &[
    // Special forms
    ("alias", Some(1)),
    ("alias", Some(2)),
    ("case", Some(2)),
    ("cond", Some(1)),
    ("for", None),
    ("import", Some(1)),
    ("import", Some(2)),
    ("quote", Some(1)),
    ("quote", Some(2)),
    ("receive", Some(1)),
    ("require", Some(1)),
    ("require", Some(2)),
    ("try", Some(1)),
    ("with", None),
    // Kernel
    ("def", Some(1)),
    ("def", Some(2)),
    ("defp", Some(1)),
    ("defp", Some(2)),
    ("defguard", Some(1)),
    ("defguardp", Some(1)),
    ("defmacro", Some(1)),
    ("defmacro", Some(2)),
    ("defmacrop", Some(1)),
    ("defmacrop", Some(2)),
    ("defmodule", Some(2)),
    ("defdelegate", Some(2)),
    ("defexception", Some(1)),
    ("defoverridable", Some(1)),
    ("defstruct", Some(1)),
    ("destructure", Some(2)),
    ("raise", Some(1)),
    ("raise", Some(2)),
    ("reraise", Some(2)),
    ("reraise", Some(3)),
    ("if", Some(2)),
    ("unless", Some(2)),
    ("use", Some(1)),
    ("use", Some(2)),
    // Stdlib
    ("defrecord", Some(2)),
    ("defrecord", Some(3)),
    ("defrecordp", Some(2)),
    ("defrecordp", Some(3)),
    // Testing
    ("assert", Some(1)),
    ("assert", Some(2)),
    ("assert_in_delta", Some(3)),
    ("assert_in_delta", Some(4)),
    ("assert_raise", Some(2)),
    ("assert_raise", Some(3)),
    ("assert_receive", Some(1)),
    ("assert_receive", Some(2)),
    ("assert_receive", Some(3)),
    ("assert_received", Some(1)),
    ("assert_received", Some(2)),
    ("doctest", Some(1)),
    ("doctest", Some(2)),
    ("refute", Some(1)),
    ("refute", Some(2)),
    ("refute_in_delta", Some(3)),
    ("refute_in_delta", Some(4)),
    ("refute_receive", Some(1)),
    ("refute_receive", Some(2)),
    ("refute_receive", Some(3)),
    ("refute_received", Some(1)),
    ("refute_received", Some(2)),
    ("setup", Some(1)),
    ("setup", Some(2)),
    ("setup_all", Some(1)),
    ("setup_all", Some(2)),
    ("test", Some(1)),
    ("test", Some(2)),
    // Mix config
    ("config", Some(2)),
    ("config", Some(3)),
    ("import_config", Some(1)),
];

/// `Code.Formatter.local_without_parens?/3` with the default list.
pub(super) fn local_without_parens(name: &str, arity: usize) -> bool {
    arity > 0
        && LOCALS_WITHOUT_PARENS
            .iter()
            .any(|(n, a)| *n == name && a.is_none_or(|a| a == arity))
}
