//! The backend without the `jit` feature: there is no code generator, so
//! [`Backend::new`] finds none and every function stays interpreted (as on
//! a machine Cranelift does not support).

use crate::code::{CodeTable, FunId};

pub(super) struct Backend {
    pub(super) adapter: usize,
}

impl Backend {
    pub(super) fn new() -> Option<Backend> {
        None
    }

    pub(super) fn compile(&mut self, _code: &CodeTable, _fid: FunId) -> Option<usize> {
        None
    }
}
