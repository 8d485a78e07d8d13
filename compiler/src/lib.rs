//! beamlet's compiler: Elixir-subset source to beamlet bytecode.
//! Pure: it returns code or diagnostics and never touches the terminal.
#![deny(unsafe_code)]
pub mod ast;
pub mod ast_print;
pub mod diagnostic;
pub mod lexer;
pub mod parser;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_parens, unused_imports)]
    grammar
);
