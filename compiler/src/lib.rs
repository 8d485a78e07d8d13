//! beamlet's compiler: Elixir-subset source to beamlet bytecode.
//! Pure: it returns code or diagnostics and never touches the terminal.
#![deny(unsafe_code)]
pub mod ast;
pub mod diagnostic;
