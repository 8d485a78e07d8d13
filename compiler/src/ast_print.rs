pub fn sexp(_p: &crate::ast::Program) -> String { String::new() }
