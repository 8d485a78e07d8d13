//! `Macro.to_string/1` of Elixir 1.14: quoted code (Elixir's AST, held as [`Value`]s) printed
//! as source code the way the code formatter prints it.
//!
//! In Elixir 1.14 `Macro.to_string(quoted)` is
//! `quoted |> Code.quoted_to_algebra() |> Inspect.Algebra.format(98)`: the quoted form is
//! normalized ([`normalize`]: literals wrapped with their metadata, keyword lists told
//! apart, `do:` arguments turned into do-end blocks), laid out by the formatter ([`format`])
//! as a document of [`crate::inspect::algebra`], and the document printed in 98 columns.
//!
//! ```
//! use beamlet_vm::macro_string::to_string;
//! use beamlet_vm::value::Value;
//!
//! fn var(name: &str) -> Value {
//!     Value::Tuple(vec![Value::Atom(name.into()), Value::List(vec![], None), Value::Atom("nil".into())])
//! }
//! // {:==, [], [{:a, [], nil}, {:b, [], nil}]}
//! let quoted = Value::Tuple(vec![
//!     Value::Atom("==".into()),
//!     Value::List(vec![], None),
//!     Value::List(vec![var("a"), var("b")], None),
//! ]);
//! assert_eq!(to_string(&quoted), "a == b");
//! ```
//!
//! Terms that are not valid quoted code inside the tree (maps, pids, improper lists, tuples
//! of other sizes) print as `inspect` prints them.

mod format;
mod normalize;
mod ops;

use crate::value::Value;

/// The width `Macro.to_string/1` lays code out in.
pub const DEFAULT_WIDTH: usize = 98;

/// `Macro.to_string(quoted)`: the code `quoted` represents, as Elixir 1.14's formatter prints
/// it in 98 columns.
pub fn to_string(quoted: &Value) -> String {
    to_string_with_width(quoted, DEFAULT_WIDTH)
}

/// [`to_string`] laid out in `width` columns
/// (`quoted |> Code.quoted_to_algebra() |> Inspect.Algebra.format(width)`).
pub fn to_string_with_width(quoted: &Value, width: usize) -> String {
    let q = normalize::normalize(quoted);
    let mut f = format::Formatter::new();
    let doc = f.block(&q);
    f.docs.format(doc, Some(width))
}
