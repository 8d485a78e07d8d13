//! beamlet's compiler: Elixir-subset source to beamlet bytecode.
//! Pure: it returns code or diagnostics and never touches the terminal.
//!
//! Pipeline: `lexer` → `parser` (lalrpop grammar) → `ast` → `desugar`
//! (modules, defs, sugar) → `codegen` (expressions, calls, patterns, clause
//! lists, special forms: its files are listed in its module doc) → a
//! loadable [`beamlet_vm::code::Unit`].
#![deny(unsafe_code)]
pub mod ast;
pub mod ast_print;
pub mod bitstring;
pub mod codegen;
pub mod desugar;
pub mod diagnostic;
pub mod expand;
pub mod lexer;
pub mod lower;
pub mod packed_data;
pub mod parser;
pub mod quoted;
pub mod runtime;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_parens, unused_imports)]
    grammar
);

use diagnostic::Diagnostic;

/// Compiles an already-parsed program. `script`: also compile its top-level code.
/// Compiles a parsed program; returns the unit and the warnings.
pub fn compile_program(
    source: &str,
    program: &ast::Program,
    script: bool,
) -> Result<(beamlet_vm::code::Unit, Vec<Diagnostic>), Diagnostic> {
    let d = desugar::desugar(program)?;
    codegen::compile_unit(source, &d, script)
}
