//! The unit being compiled: what its functions share, and their linking into a [`Unit`].
//!
//! The function table (ids are reserved before any body compiles, so calls
//! can name functions not compiled yet), the import table of remote
//! functions, the literal heap, the unit-local functions by name (and which
//! of them are used), struct definitions, source lines and warnings.

use crate::ast::{Expr, Span};
use crate::diagnostic::Diagnostic;
use crate::quoted::LineIndex;
use beamlet_vm::code::{FunId, Function, Op, Unit};
use beamlet_vm::heap::Heap;
use beamlet_vm::term::Term;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// State shared by every function of a unit.
pub struct UnitBuilder<'s> {
    pub functions: Vec<Option<Function>>,
    pub imports: Vec<(Term, Term, u32)>,
    import_index: HashMap<(Term, Term, u32), u32>,
    pub literals: Heap,
    /// `(module, name, arity)` → unit-local function index (named functions).
    pub locals: HashMap<(String, String, usize), (FunId, bool)>,
    pub structs: std::collections::HashMap<String, Vec<(String, Expr)>>,
    pub source: &'s str,
    line_starts: Arc<LineIndex>,
    /// Problems that do not stop compilation, in source order.
    pub warnings: Vec<Diagnostic>,
    /// The named function being compiled (its lambdas included).
    pub(super) current: Option<FunId>,
    /// Functions called or captured by another function.
    pub(super) used: HashSet<FunId>,
    /// A module's definitions compiled early for its own macros: a call of
    /// a local function not defined (yet) is a call by name, which raises
    /// `UndefinedFunctionError` if it runs, not a compile error (the
    /// module's real compilation reports it).
    pub lenient_locals: bool,
    /// Named functions that never return (`mod.rs`'s `no_return`): a call
    /// of one is a tail call, as OTP's compiler makes it.
    pub(super) no_return: HashSet<FunId>,
    /// Named functions that always return one atom (`mod.rs`'s
    /// `returns_atom`): `f(x); :ok` is a tail call of such an `f` returning `:ok`.
    pub(super) returns_atom: HashMap<FunId, String>,
}

impl<'s> UnitBuilder<'s> {
    pub fn new(source: &'s str) -> Self {
        // One index for every unit compiled from the same text (0.47M
        // instructions each for a 3,000-line file).
        let line_starts = LineIndex::shared(source);
        UnitBuilder {
            functions: Vec::new(),
            imports: Vec::new(),
            import_index: HashMap::default(),
            literals: Heap::new(),
            locals: HashMap::default(),
            structs: Default::default(),
            source,
            line_starts,
            warnings: Vec::new(),
            current: None,
            used: HashSet::default(),
            lenient_locals: false,
            no_return: HashSet::default(),
            returns_atom: HashMap::default(),
        }
    }

    /// The unit-local function `key`. A call from its own module (`local`)
    /// that is not from the function itself counts as a use.
    pub(super) fn local(
        &mut self,
        key: &(String, String, usize),
        local: bool,
    ) -> Option<(FunId, bool)> {
        let found = self.locals.get(key).copied();
        if let Some((id, _)) = found {
            if local && self.current != Some(id) {
                self.used.insert(id);
            }
        }
        found
    }

    /// The line of `span`; 0 (no location in stack traces, as Elixir's
    /// generated code with `line: 0`) for the empty span at the start, what
    /// `lower` gives a node without a line.
    pub(super) fn line_of(&self, span: Span) -> u32 {
        if span == Span::default() {
            return 0;
        }
        self.line_starts.line(span.start)
    }

    pub(super) fn import(&mut self, m: Term, f: Term, a: u32) -> u32 {
        if let Some(&i) = self.import_index.get(&(m, f, a)) {
            return i;
        }
        let i = self.imports.len() as u32;
        self.imports.push((m, f, a));
        self.import_index.insert((m, f, a), i);
        i
    }

    pub(super) fn reserve(&mut self) -> FunId {
        self.functions.push(None);
        (self.functions.len() - 1) as FunId
    }

    /// A builder for part of the same unit, to run on another thread: it
    /// knows the unit's named functions (all reserved already: this
    /// builder's `functions` so far) and starts every other table empty.
    /// [`UnitBuilder::absorb`] joins it back.
    pub(super) fn fork(&self) -> UnitBuilder<'s> {
        UnitBuilder {
            functions: (0..self.functions.len()).map(|_| None).collect(),
            imports: Vec::new(),
            import_index: HashMap::default(),
            literals: Heap::new(),
            locals: self.locals.clone(),
            structs: self.structs.clone(),
            source: self.source,
            line_starts: self.line_starts.clone(),
            warnings: Vec::new(),
            current: None,
            used: HashSet::default(),
            lenient_locals: self.lenient_locals,
            no_return: self.no_return.clone(),
            returns_atom: self.returns_atom.clone(),
        }
    }

    /// Joins `other`, forked from this builder when it had `named`
    /// functions and compiled after everything this builder compiled: the
    /// unit is the one compiling `other`'s functions here would have made.
    /// Its named functions keep their ids; its closures follow this
    /// builder's, in their order; its imports are numbered here (the ones
    /// new to this builder after this builder's, in their order); its
    /// literals move with their heap; its warnings come after these.
    pub(super) fn absorb(&mut self, other: UnitBuilder<'s>, named: usize) {
        let shift = (self.functions.len() - named) as FunId;
        let imports: Vec<u32> = other
            .imports
            .iter()
            .map(|&(m, f, a)| self.import(m, f, a))
            .collect();
        for (i, mut func) in other.functions.into_iter().enumerate() {
            for op in func.iter_mut().flat_map(|f| &mut f.code) {
                match op {
                    Op::Call { fun, .. }
                    | Op::TailCall { fun, .. }
                    | Op::CallAddImm { fun, .. }
                    | Op::TailCallAddImm { fun, .. }
                    | Op::MakeClosure { fun, .. }
                        if *fun as usize >= named =>
                    {
                        *fun += shift;
                    }
                    Op::CallExt { import, .. } | Op::TailCallExt { import, .. } => {
                        *import = imports[*import as usize];
                    }
                    _ => {}
                }
            }
            if i >= named {
                self.functions.push(func);
            } else if func.is_some() {
                self.functions[i] = func;
            }
        }
        self.literals.join(other.literals);
        self.warnings.extend(other.warnings);
        self.used.extend(other.used);
    }

    pub fn finish(self, script: Option<u32>) -> Unit {
        Unit {
            functions: self
                .functions
                .into_iter()
                .map(|f| f.expect("every reserved function is compiled"))
                .collect(),
            imports: self.imports,
            literals: self.literals,
            script,
        }
    }
}
