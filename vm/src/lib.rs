//! beamlet's runtime: terms, per-process heaps and garbage collection, the
//! bytecode format and the interpreter. Knows nothing about source syntax.
//!
//! `unsafe` code lives only in the term layer (`term.rs`, `heap.rs`, `gc.rs`,
//! `copy.rs`), in `code.rs` (the append-only vectors of loaded code), in
//! `jit/` (calling generated code), in `pcre.rs` (the door to PCRE2's C
//! library), in `signals.rs` (`sigaction`) and in `timing.rs` (`clock_gettime`).
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(clippy::undocumented_unsafe_blocks)]

pub mod atom;
pub mod bif;
pub mod capture;
pub mod code;
pub mod convert;
pub mod copy;
pub mod ctx;
pub mod detached;
pub mod float_fmt;
mod frames;
mod gc;
pub mod hamt;
pub mod heap;
pub mod image;
pub mod inspect;
pub mod interp;
pub mod jit;
pub mod macro_string;
pub mod native;
pub mod nested;
pub mod order;
pub mod pcre;
pub mod process;
pub mod sched;
pub mod signals;
pub mod sort;
pub mod string_chars;
pub mod term;
pub mod timing;
pub mod unicode;
pub mod value;
