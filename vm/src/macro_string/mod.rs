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
    // Normalizing and laying out recurse along the tree. Code is shallow; a deeper tree is
    // printed on a thread with a stack sized for it.
    let (depth, size) = nesting_depth(quoted);
    if depth <= SHALLOW {
        return render(quoted, width, size);
    }
    let stack = depth
        .saturating_mul(STACK_PER_LEVEL)
        .saturating_add(1 << 21)
        .min(MAX_STACK);
    std::thread::scope(|scope| {
        match std::thread::Builder::new()
            .stack_size(stack)
            .spawn_scoped(scope, || render(quoted, width, size))
        {
            Ok(handle) => match handle.join() {
                Ok(s) => s,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(_) => render(quoted, width, size),
        }
    })
}

/// Trees at most this deep are printed on the caller's stack.
const SHALLOW: usize = 256;
/// Stack a level of nesting may take (measured: about 4 KB).
const STACK_PER_LEVEL: usize = 16 * 1024;
const MAX_STACK: usize = 1 << 31;

/// `size`: the number of terms in `quoted` (documents take a few per term).
fn render(quoted: &Value, width: usize, size: usize) -> String {
    let q = normalize::normalize(quoted);
    let mut f = format::Formatter::with_capacity(size * 4);
    let doc = f.block(&q);
    f.docs.format(doc, Some(width))
}

/// How deeply tuples and lists nest in `v`, and how many terms it holds (without
/// recursing).
fn nesting_depth(v: &Value) -> (usize, usize) {
    let mut max = 0;
    let mut size = 0;
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        size += 1;
        match v {
            Value::Tuple(items) => stack.extend(items.iter().map(|i| (i, d + 1))),
            Value::List(items, tail) => {
                stack.extend(items.iter().map(|i| (i, d + 1)));
                if let Some(t) = tail {
                    stack.push((t, d + 1));
                }
            }
            Value::Map(pairs) => {
                for (k, v) in pairs {
                    stack.push((k, d + 1));
                    stack.push((v, d + 1));
                }
            }
            _ => {}
        }
    }
    (max, size)
}
