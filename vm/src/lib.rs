//! beamlet's runtime: terms, per-process heaps and garbage collection, the
//! bytecode format and the interpreter. Knows nothing about source syntax.
pub mod float_fmt;
pub mod inspect;
pub mod string_chars;
pub mod value;
