//! Owned, heap-independent copies of terms.
//!
//! A [`Value`] is what leaves a process: what the embedding API hands to a Rust
//! host, and what `inspect`/`to_string` format. Converting a term into a value
//! copies it out of the process heap, so a value outlives any garbage collection.

use num_bigint::BigInt;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// An integer that fits in an `i64`.
    Int(i64),
    /// Any larger integer (never one that fits in `i64`).
    BigInt(BigInt),
    Float(f64),
    /// The atom's text without a leading colon: `ok`, `Elixir.Foo.Bar`, `a b`, `true`, `nil`.
    Atom(String),
    /// A binary (`"text"` when it is valid UTF-8 and printable, `<<1, 2>>` otherwise).
    Binary(Vec<u8>),
    /// A proper list (`tail: None`) or an improper one (`[1 | 2]`: `tail: Some(2)`).
    List(Vec<Value>, Option<Box<Value>>),
    Tuple(Vec<Value>),
    /// Key-value pairs, already sorted by Erlang term order of the keys.
    /// A struct is a map holding the key `:__struct__`.
    Map(Vec<(Value, Value)>),
    /// `#PID<0.index.serial>`.
    Pid {
        index: u32,
        serial: u32,
    },
    /// `#Reference<0.a.b.c>`.
    Ref([u32; 3]),
    Fun(FunValue),
}

#[derive(Clone, Debug, PartialEq)]
pub enum FunValue {
    /// `&Mod.fun/arity`: prints as `&Mod.fun/1` (`&:lists.reverse/1` for an Erlang-style module).
    External {
        module: String,
        name: String,
        arity: u32,
    },
    /// An anonymous function: prints as `#Function<index.uniq/arity in Mod.fun/arity>`.
    /// `module` is `None` for functions defined at a script's top level (Elixir shows
    /// `:erl_eval.expr/6` there).
    Anonymous {
        module: Option<String>,
        defined_in: String,
        index: u32,
        uniq: u32,
        arity: u32,
    },
}
