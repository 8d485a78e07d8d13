//! The compiler at run time: what module bodies, `Code.eval_*` and the
//! script runner call (through the built-ins of `beamlet_compiler`).
//!
//! Elixir compiles while the program runs: a script is expanded whole,
//! compiled and run; when it reaches `defmodule`, the module's body is
//! expanded, compiled and run in the same process; the body's `def`s store
//! definitions, which are expanded as they are stored; when the body ends,
//! `@before_compile` hooks run, the module's functions are compiled and
//! loaded, and `@after_compile` hooks run. [`Service`] holds the modules
//! being defined and does each of these steps; the driver that sequences
//! them is written in the language (`stdlib/elixir_module.ex`).
//!
//! A module body made only of definitions and attributes with constant
//! values (most modules, and the whole standard library) takes a fast path:
//! the service stores them itself instead of compiling the body to code
//! and running it ([`Service::module_open`]).

mod behaviours;
mod bifs;
mod finish;
mod host;
mod library;
mod lowering;
mod packed;
pub mod state;

use crate::diagnostic::Diagnostic;
use crate::expand::{self, module::DefKind, Env, Expander, VarCtx, VarId};
use crate::quoted::{self as q, as_atom, as_call, as_list, LineIndex};
use beamlet_vm::atom;
use beamlet_vm::bif::{self, exception, Ctx};
use beamlet_vm::code::FunId;
use beamlet_vm::convert::{from_value, to_value};
use beamlet_vm::process::{Class, Exn};
use beamlet_vm::term::Term;
use beamlet_vm::value::Value;
pub use host::VmHost;
pub use library::{compile_library, read_library};
use state::ModuleState;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A library module as source: its name, file and text.
#[derive(Clone, Copy, Debug)]
pub struct LibModule {
    /// The module atom (`Elixir.Enum`, `elixir_module`).
    pub module: &'static str,
    pub file: &'static str,
    pub source: &'static str,
}

/// Where the library's modules come from; either way each is loaded the
/// first time a program needs it.
pub enum Library {
    /// Source files, compiled on first use (how beamlet's build compiles
    /// the library: [`compile_library`]).
    Sources(&'static [LibModule]),
    /// Compiled units (the library as the build compiled it), decoded on
    /// first use.
    Image(beamlet_vm::image::Image<'static>),
}

/// A module compiled while recording (see [`Service::recording`]): its
/// name, file and serialized unit (or why it has none).
pub type Recorded = (String, String, Result<Vec<u8>, String>);

/// The last compile error a process met, kept for the embedder and the CLI
/// (which print it with its source line and caret).
#[derive(Clone, Debug)]
pub struct CompileFailure {
    pub diagnostic: Diagnostic,
    pub file: String,
    pub source: Option<Arc<str>>,
}

/// The compiler's run-time state for one VM.
/// One compilation's finished modules with their `@after_verify` hooks.
type VerifyFrame = Vec<(Value, Value)>;

pub struct Service {
    /// Modules whose body is running.
    open: Mutex<HashMap<String, Arc<Mutex<ModuleState>>>>,
    /// Source text of compiled files, for diagnostics.
    files: Mutex<HashMap<String, Arc<str>>>,
    counter: AtomicI64,
    /// The library, loaded module by module on first use.
    library: Library,
    /// Library modules being loaded now, with the process loading each: a
    /// module that needs itself while loading fails; another process that
    /// needs it waits until it is loaded. (Loading from an image holds the
    /// lock instead: decoding needs nothing else.)
    loading: Mutex<Vec<(String, u64)>>,
    /// Each module compiled, serialized, when recording.
    recorded: Option<Mutex<Vec<Recorded>>>,
    loaded: std::sync::Condvar,
    /// Each process's last compile error (by pid).
    failures: Mutex<HashMap<u64, CompileFailure>>,
    /// Warnings go to stderr as they are found (Elixir prints them while compiling).
    pub print_warnings: bool,
    /// Import lists of `__CALLER__`s built as literals, by code table
    /// ([`Service::imports_literal`]).
    imports_literals: Mutex<Vec<(u64, expand::env::Imports, Term)>>,
    /// The last large `versioned_vars` map built as a literal, with the
    /// variables it holds and its code table (see `host::versioned_vars`).
    pub(crate) vars_literal: Mutex<Option<VarsLiteral>>,
    /// Module bodies the expanded code refers to by index
    /// (`expand::module::SAVED_BODY`); kept as long as that code may run.
    /// Packed: a body is read once per run of its `defmodule` (usually
    /// once), and a large module's is megabytes as a `Value` tree. The
    /// tree itself, when the expander gave it away (a file's top level),
    /// is kept too until the first run takes it (unpacking a large body
    /// cost twice its packing).
    saved_bodies: Mutex<Vec<(packed::Packed, Option<Value>)>>,
    /// `@after_verify` hooks waiting for the end of a compilation, by pid:
    /// one frame per file, `Code.eval_*` or `Code.compile_*` under way in
    /// that process (innermost last), each holding `(module, hooks)` in the
    /// order the modules were finished. A module finished where no frame is
    /// open (a spawned process) is verified at once, as in Elixir.
    verify_frames: Mutex<HashMap<u64, Vec<VerifyFrame>>>,
}

/// A `versioned_vars` map kept as a literal term of code table `table`:
/// the map of `vars`, which are an env's variables of [`crate::expand::Vars::id`]
/// `id` when they were `vars.len()`.
pub(crate) struct VarsLiteral {
    pub table: u64,
    pub id: u64,
    pub vars: Arc<std::collections::BTreeMap<VarId, u32>>,
    pub term: Term,
}

impl Service {
    pub fn new(library: Library) -> Service {
        Service {
            open: Mutex::new(HashMap::new()),
            files: Mutex::new(HashMap::new()),
            counter: AtomicI64::new(1),
            library,
            loading: Mutex::new(Vec::new()),
            recorded: None,
            loaded: std::sync::Condvar::new(),
            failures: Mutex::new(HashMap::new()),
            print_warnings: true,
            imports_literals: Mutex::new(Vec::new()),
            vars_literal: Mutex::new(None),
            saved_bodies: Mutex::new(Vec::new()),
            verify_frames: Mutex::new(HashMap::new()),
        }
    }

    /// A service that also keeps each module it compiles, serialized (see
    /// [`Service::take_recorded`]): how the build makes the library image.
    pub fn recording(library: Library) -> Service {
        Service {
            recorded: Some(Mutex::new(Vec::new())),
            ..Service::new(library)
        }
    }

    /// The modules compiled so far, when recording, taken.
    pub fn take_recorded(&self) -> Vec<Recorded> {
        match &self.recorded {
            Some(r) => std::mem::take(&mut *lock(r)),
            None => Vec::new(),
        }
    }

    /// The object code of `module` (compiled from `file`): its unit
    /// serialized (`beamlet_vm::image`), empty when it cannot be (a literal
    /// that is a closure, a pid or a reference). Kept when recording.
    fn record(&self, module: &str, file: &str, unit: &beamlet_vm::code::Unit) -> Vec<u8> {
        let bytes = beamlet_vm::image::encode_unit(unit);
        match &self.recorded {
            Some(r) => {
                let object = bytes.clone().unwrap_or_default();
                lock(r).push((module.to_owned(), file.to_owned(), bytes));
                object
            }
            None => bytes.unwrap_or_default(),
        }
    }

    /// The object code of the library module `module` (from its image),
    /// with the file it was compiled from.
    pub fn object_code(&self, module: &str) -> Option<(&[u8], &str)> {
        match &self.library {
            Library::Image(image) => image.entry_bytes(module),
            _ => None,
        }
    }

    /// Loads object code (a unit serialized, as `defmodule` returns it) as
    /// `module`: every function in it must belong to `module`.
    pub fn load_binary(&self, ctx: &mut Ctx, module: Term, bytes: &[u8]) -> Result<(), String> {
        let unit = beamlet_vm::image::decode_unit(bytes).map_err(|e| e.0)?;
        if unit.functions.is_empty() || unit.functions.iter().any(|f| f.module != module) {
            return Err("the code is not that module's".to_owned());
        }
        ctx.code.load(unit);
        Ok(())
    }

    pub fn next_counter(&self) -> i64 {
        self.counter.fetch_add(1, Ordering::Relaxed)
    }

    pub fn register_file(&self, file: &str, source: &str) {
        lock(&self.files).insert(file.to_owned(), Arc::from(source));
    }

    pub fn source_of(&self, file: &str) -> Option<Arc<str>> {
        lock(&self.files).get(file).cloned()
    }

    pub fn module(&self, name: &str) -> Option<Arc<Mutex<ModuleState>>> {
        lock(&self.open).get(name).cloned()
    }

    /// `imports` as `Macro.Env` holds them, a term in the literal area:
    /// most macro calls pass the same few lists (Kernel's, a test module's),
    /// so each is built once instead of at every call.
    pub fn imports_literal(&self, ctx: &mut Ctx, imports: &expand::env::Imports) -> Term {
        match self.imports_literal_opt(ctx, imports) {
            Some(t) => t,
            None => from_value(&mut ctx.st.heap, &expand::env::imports_value(imports)),
        }
    }

    /// [`Service::imports_literal`] as a literal term, or `None` when the
    /// cache is full (the caller builds the list where it needs it).
    pub fn imports_literal_opt(
        &self,
        ctx: &mut Ctx,
        imports: &expand::env::Imports,
    ) -> Option<Term> {
        const KEEP: usize = 64;
        let table = ctx.code.id();
        let mut cache = lock(&self.imports_literals);
        // The same list (most calls) before an equal one.
        let mine = |(t, _, _): &&(u64, expand::env::Imports, Term)| *t == table;
        let hit = cache
            .iter()
            .filter(mine)
            .find(|(_, k, _)| Arc::ptr_eq(k, imports))
            .or_else(|| cache.iter().filter(mine).find(|(_, k, _)| **k == **imports));
        if let Some((_, _, term)) = hit {
            return Some(*term);
        }
        if cache.len() >= KEEP {
            return None;
        }
        let v = expand::env::imports_value(imports);
        let mut heap = beamlet_vm::heap::Heap::new();
        let term = from_value(&mut heap, &v);
        ctx.code.load_private(beamlet_vm::code::Unit {
            functions: Vec::new(),
            imports: Vec::new(),
            literals: heap,
            script: None,
        });
        cache.push((table, imports.clone(), term));
        Some(term)
    }

    /// Keeps a module body for `module_open`; returns its index. Not when
    /// recording: code compiled into the library image outlives this
    /// service, so a `defmodule` in a library function keeps its body as a
    /// literal.
    pub fn save_body<'b>(
        &self,
        body: std::borrow::Cow<'b, Value>,
    ) -> Result<usize, std::borrow::Cow<'b, Value>> {
        if self.recorded.is_some() {
            return Err(body);
        }
        let packed = packed::Packed::pack(&body);
        let tree = match body {
            std::borrow::Cow::Owned(v) => Some(v),
            std::borrow::Cow::Borrowed(_) => None,
        };
        let mut v = lock(&self.saved_bodies);
        v.push((packed, tree));
        Ok(v.len() - 1)
    }

    /// The module body `t` stands for: a saved one's, or `t` read back.
    pub fn body_of(&self, ctx: &Ctx, t: Term) -> Value {
        if let Some([tag, i]) = t.tuple_elems() {
            if tag.is_atom() && atom::name(*tag) == expand::module::SAVED_BODY {
                if let Some(b) = i.as_small().and_then(|i| {
                    let mut bodies = lock(&self.saved_bodies);
                    let (packed, tree) = bodies.get_mut(usize::try_from(i).ok()?)?;
                    Some(tree.take().unwrap_or_else(|| packed.unpack()))
                }) {
                    return b;
                }
            }
        }
        to_value(ctx.code, t)
    }

    pub fn is_open(&self, name: &str) -> bool {
        lock(&self.open).contains_key(name)
    }

    /// Runs `f` on the open module `name`'s state.
    pub fn with_module<R>(&self, name: &str, f: impl FnOnce(&mut ModuleState) -> R) -> Option<R> {
        let m = self.module(name)?;
        let mut g = lock(&m);
        Some(f(&mut g))
    }

    /// Whether `module` may be changed by `call` (`Module.put_attribute/3`):
    /// open and not in the read-only mode of its `@after_compile` hooks.
    pub fn writable(&self, ctx: &mut Ctx, module: &str, call: &str) -> Result<(), Exn> {
        match self.with_module(module, |s| s.read_only) {
            Some(false) => Ok(()),
            Some(true) => Err(beamlet_vm::bif::argument_error_msg(
                ctx,
                &format!(
                    "could not call {call} because the module {} is in read-only mode (@after_compile)",
                    expand::inspect_module(module)
                ),
            )),
            None => Err(not_open(ctx, module, call)),
        }
    }

    /// Ends the read-only mode `module` was left in for its `@after_compile`
    /// hooks (see [`Service::module_finish`]).
    pub fn module_close(&self, module: &str) {
        let mut open = lock(&self.open);
        if open.get(module).is_some_and(|m| lock(m).read_only) {
            open.remove(module);
        }
    }

    /// Forgets `module`, whose definition failed (its body, a hook or its
    /// compilation raised): it is no longer open.
    pub fn module_abort(&self, module: &str) {
        lock(&self.open).remove(module);
    }

    /// Opens a compilation in process `pid` (a file, `Code.eval_string`...):
    /// the `@after_verify` hooks of the modules it defines wait for its end.
    /// Returns the depth of the new frame, for [`Service::verify_close`].
    pub fn verify_open(&self, pid: u64) -> usize {
        let mut frames = lock(&self.verify_frames);
        let stack = frames.entry(pid).or_default();
        stack.push(Vec::new());
        stack.len()
    }

    /// Keeps a finished module's `@after_verify` hooks for the end of the
    /// innermost compilation of `pid`; `false` when none is open (then they
    /// run at once).
    pub fn verify_defer(&self, pid: u64, module: Value, hooks: Value) -> bool {
        match lock(&self.verify_frames)
            .get_mut(&pid)
            .and_then(|s| s.last_mut())
        {
            Some(frame) => {
                frame.push((module, hooks));
                true
            }
            None => false,
        }
    }

    /// Ends the compilation at `depth` (and any inner one an exception
    /// left open): its modules' hooks, in the order Elixir runs them (the
    /// last module finished first).
    pub fn verify_close(&self, pid: u64, depth: usize) -> Vec<(Value, Value)> {
        let mut frames = lock(&self.verify_frames);
        let Some(stack) = frames.get_mut(&pid) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if depth >= 1 && stack.len() >= depth {
            out = stack.drain(depth - 1..).next().unwrap_or_default();
        }
        if stack.is_empty() {
            frames.remove(&pid);
        }
        out.reverse();
        out
    }

    /// The failure recorded for process `pid`, taken.
    pub fn take_failure(&self, pid: Term) -> Option<CompileFailure> {
        lock(&self.failures).remove(&pid.raw())
    }

    /// Some recorded failure, taken (the embedder's view of a program that
    /// died of a compile error).
    pub fn take_any_failure(&self) -> Option<CompileFailure> {
        let mut f = lock(&self.failures);
        let k = *f.keys().next()?;
        f.remove(&k)
    }

    // ---- errors ----

    /// Turns an expansion error into the exception Elixir raises: a
    /// `CompileError` for problems in the code (recorded with its
    /// diagnostic), or what the macro raised.
    pub fn raise(&self, ctx: &mut Ctx, e: expand::Error, file: &str) -> Exn {
        match e {
            expand::Error::Compile(d) => {
                let source = self.source_of(file);
                let line = match &source {
                    Some(src) => crate::diagnostic::line_col(src, d.span.start as usize).0 as i64,
                    None => 0,
                };
                let exn = compile_error(ctx, file, line, &d.message);
                lock(&self.failures).insert(
                    ctx.st.pid.raw(),
                    CompileFailure {
                        diagnostic: d,
                        file: file.to_owned(),
                        source,
                    },
                );
                exn
            }
            expand::Error::Raised(r) => {
                let reason = from_value(&mut ctx.st.heap, &r.reason);
                let class = match r.class.as_str() {
                    "throw" => Class::Throw,
                    "exit" => Class::Exit,
                    _ => Class::Error,
                };
                let mut exn = Exn::error(reason);
                exn.class = class;
                exn.trace = trace_entries(&r.stacktrace);
                exn
            }
        }
    }

    /// Prints (or drops) warnings found while expanding `file`.
    pub fn warnings(&self, ctx: &mut Ctx, file: &str, ws: Vec<Diagnostic>) {
        if !self.print_warnings || ws.is_empty() {
            return;
        }
        let src = self.source_of(file);
        for w in ws {
            let text = match &src {
                Some(s) => w.render_warning(&relative(file), s),
                None => format!("warning: {}\n  {}\n", w.message, relative(file)),
            };
            ctx.io.err(text.as_bytes());
        }
    }

    // ---- evaluation: scripts, Code.eval_string, Code.eval_quoted ----

    /// Parses `source` as `file` into quoted form (lines start at `line`).
    pub fn parse(&self, source: &str, file: &str) -> Result<Value, Diagnostic> {
        let _t = beamlet_vm::timing::enter(beamlet_vm::timing::Phase::Parse);
        self.register_file(file, source);
        let program = crate::parser::parse(source)?;
        Ok(q::from_program_with_columns(
            &program.exprs,
            &LineIndex::new(source),
            source,
        ))
    }

    /// Compiles `quoted` to run in `env` with the variables `binding` bound:
    /// a function taking their values, returning `{value, new_binding}`
    /// when `want_binding`, else the value.
    pub fn compile_eval(
        &self,
        ctx: &mut Ctx,
        quoted: Value,
        env: Env,
        binding: &[String],
        want_binding: bool,
        only_modules: bool,
    ) -> Result<Term, Exn> {
        self.compile_eval_full(ctx, quoted, env, binding, want_binding, only_modules)
            .map(|(fun, _)| fun)
    }

    /// [`Service::compile_eval`] wanting the binding back, with the
    /// environment as it is after `quoted` (`Code.eval_quoted_with_env/3`).
    pub fn compile_eval_env(
        &self,
        ctx: &mut Ctx,
        quoted: Value,
        env: Env,
        binding: &[String],
    ) -> Result<(Term, Env), Exn> {
        self.compile_eval_full(ctx, quoted, env, binding, true, false)
    }

    fn compile_eval_full(
        &self,
        ctx: &mut Ctx,
        quoted: Value,
        env: Env,
        binding: &[String],
        want_binding: bool,
        only_modules: bool,
    ) -> Result<(Term, Env), Exn> {
        let file = env.file.clone();
        let src = self.source_of(&file);
        let mut env = env;
        for b in binding {
            env.bind(VarId::user(b));
        }
        let (code, env, warnings) = {
            let mut host = VmHost::new(ctx, self);
            let mut x = Expander::new(&mut host, src.as_deref());
            let r = x.expand_owned(quoted, &mut env);
            let warnings = std::mem::take(&mut x.warnings);
            (r, env, warnings)
        };
        self.warnings(ctx, &file, warnings);
        let code = code.map_err(|e| self.raise(ctx, e, &file))?;
        let code = if only_modules {
            // Check all of it; run only its modules.
            finish::compile_function(
                ctx,
                self,
                "__script__",
                "__script__",
                &[binding_pattern(binding)],
                &code,
                &file,
            )
            .map_err(|d| self.raise(ctx, expand::Error::Compile(d), &file))?;
            top_level_modules(&code)
        } else {
            code
        };
        let body = if want_binding {
            // Elixir gives the binding back sorted by name, last first.
            let mut vars: Vec<&VarId> = env.vars.keys().filter(|v| v.ctx == VarCtx::Nil).collect();
            vars.sort_by_key(|v| std::cmp::Reverse(v.name));
            let result = q::var("result", q::list(vec![]), q::atom("beamlet_eval"));
            let pairs = vars
                .iter()
                .map(|v| q::pair(q::atom(&v.name), q::var(&v.name, q::list(vec![]), q::nil())))
                .collect();
            q::call(
                "__block__",
                q::list(vec![]),
                vec![
                    q::call("=", q::list(vec![]), vec![result.clone(), code]),
                    q::pair(result, q::list(pairs)),
                ],
            )
        } else {
            code
        };
        let params = vec![binding_pattern(binding)];
        let fid =
            finish::compile_function(ctx, self, "__script__", "__script__", &params, &body, &file)
                .map_err(|d| self.raise(ctx, expand::Error::Compile(d), &file))?;
        Ok((ctx.st.heap.closure(fid, &[]), env))
    }

    // ---- module bodies ----

    /// `defmodule`: opens `name` and expands its body. Returns
    /// `{:done, result}` when the body was simple enough to do here, or
    /// `{:run, fun}`: the body compiled, for the caller to run with the
    /// values of `binding` and then call [`Service::module_finish`].
    pub fn module_open(
        &self,
        ctx: &mut Ctx,
        name: &str,
        body: Value,
        binding: &[String],
        env: Env,
    ) -> Result<Term, Exn> {
        let file = env.file.clone();
        let line = env.line;
        // A module cannot be defined again inside its own definition.
        let defining = lock(&self.open).get(name).cloned();
        if let Some(other) = defining {
            let (ofile, oline, ro) = {
                let o = lock(&other);
                (o.file.clone(), o.line, o.read_only)
            };
            if !ro {
                let src = self.source_of(&file);
                let span = Expander::new(&mut NoHost, src.as_deref()).span_of_line(line);
                let msg = format!(
                    "cannot define module {} because it is currently being defined in {}:{oline}",
                    expand::inspect_module(name),
                    relative(&ofile)
                );
                return Err(self.raise(
                    ctx,
                    expand::Error::Compile(Diagnostic::new(span, msg)),
                    &file,
                ));
            }
        }
        let mut st = ModuleState::new(name, &file, line);
        // A module redefined: Elixir warns (the old code stays until replaced).
        if ctx.code.module_loaded(atom::intern(name)) && !self.is_library(name) {
            let msg = format!(
                "warning: redefining module {} (current version defined in memory)\n  {}:{}\n\n",
                expand::inspect_module(name),
                relative(&file),
                line
            );
            ctx.io.err(msg.as_bytes());
        }
        st.version = 0;
        lock(&self.open).insert(name.to_owned(), Arc::new(Mutex::new(st)));
        let src = self.source_of(&file);
        let mut benv = env;
        benv.module = Some(name.to_owned());
        for b in binding {
            benv.bind(VarId::user(b));
        }
        let (code, warnings) = {
            let mut host = VmHost::new(ctx, self);
            let mut x = Expander::new(&mut host, src.as_deref());
            let r = x.expand_owned(body, &mut benv);
            (r, std::mem::take(&mut x.warnings))
        };
        self.warnings(ctx, &file, warnings);
        let code = match code {
            Ok(c) => c,
            Err(e) => {
                lock(&self.open).remove(name);
                return Err(self.raise(ctx, e, &file));
            }
        };
        // The fast path: only runtime calls with constant arguments.
        if let Some(ops) = simple_body(&code) {
            // (An empty body is `nil`.)
            let mut last = atom::NIL;
            for (op, args) in ops {
                match self.run_op(ctx, &op, &args) {
                    Ok(v) => last = v,
                    Err(e) => {
                        lock(&self.open).remove(name);
                        return Err(e);
                    }
                }
            }
            // A constant last expression is the body's value.
            if let Some(v) = body_items(&code).last().and_then(|v| constant(v)) {
                last = from_value(&mut ctx.st.heap, &v);
            }
            let done = atom::intern("done");
            return Ok(ctx.st.heap.tuple(&[done, last]));
        }
        let params = vec![binding_pattern(binding)];
        match finish::compile_function(ctx, self, name, "__MODULE__", &params, &code, &file) {
            Ok(fid) => {
                let fun = ctx.st.heap.closure(fid, &[]);
                let run = atom::intern("run");
                Ok(ctx.st.heap.tuple(&[run, fun]))
            }
            Err(d) => {
                lock(&self.open).remove(name);
                Err(self.raise(ctx, expand::Error::Compile(d), &file))
            }
        }
    }

    /// Performs one of the body's runtime calls natively (the fast path).
    fn run_op(&self, ctx: &mut Ctx, op: &str, args: &[Value]) -> Result<Term, Exn> {
        let ts: Vec<Term> = args
            .iter()
            .map(|a| from_value(&mut ctx.st.heap, a))
            .collect();
        self.dispatch(ctx, op, &ts)
    }

    /// The built-ins of `beamlet_compiler`, by name.
    pub fn dispatch(&self, ctx: &mut Ctx, op: &str, a: &[Term]) -> Result<Term, Exn> {
        match (op, a) {
            ("define", [m, kind, index, def, line]) => {
                self.define(ctx, *m, *kind, *index, *def, *line, false)
            }
            ("define", [m, kind, index, def, line, hooks]) => {
                self.define(ctx, *m, *kind, *index, *def, *line, hooks.is_true())
            }
            ("put_attribute", [m, name, v, line]) => {
                let module = atom::name(*m).to_owned();
                let name = atom::name(*name).to_owned();
                let v = to_value(ctx.code, *v);
                let line = line.as_small().unwrap_or(0) as u32;
                self.put_attribute(ctx, &module, &name, v, line)?;
                Ok(atom::intern("ok"))
            }
            ("get_attribute", [m, name, line]) => {
                let module = atom::name(*m).to_owned();
                let name = atom::name(*name).to_owned();
                let r = self.with_module(&module, |s| s.get(&name));
                match r {
                    Some(Some(v)) => Ok(from_value(&mut ctx.st.heap, &v)),
                    Some(None) => {
                        let line = line.as_small().unwrap_or(0);
                        let file = self
                            .with_module(&module, |s| s.file.clone())
                            .unwrap_or_default();
                        let msg = format!(
                            "warning: undefined module attribute @{name}, please remove access to @{name} or explicitly set it before access\n  {}:{line}: {}\n\n",
                            relative(&file),
                            expand::inspect_module(&module)
                        );
                        ctx.io.err(msg.as_bytes());
                        Ok(atom::NIL)
                    }
                    None => Err(not_open(ctx, &module, "Module.get_attribute/2")),
                }
            }
            ("defstruct", [m, fields, line]) => self.defstruct(ctx, *m, *fields, *line, false),
            ("defexception", [m, fields, line]) => self.defstruct(ctx, *m, *fields, *line, true),
            ("defoverridable", [m, what, _line]) => self.defoverridable(ctx, *m, *what),
            _ => Err(beamlet_vm::bif::internal_error(
                ctx,
                &format!("beamlet_compiler.{op}/{}", a.len()),
            )),
        }
    }

    /// `@name value` in the body of `module`.
    pub fn put_attribute(
        &self,
        ctx: &mut Ctx,
        module: &str,
        name: &str,
        v: Value,
        line: u32,
    ) -> Result<(), Exn> {
        let r = self.with_module(module, |s| {
            match name {
                "moduledoc" => s.moduledoc = Some(v.clone()),
                "on_load" => {
                    let valid = match &v {
                        Value::Atom(_) => true,
                        Value::Tuple(t) => {
                            matches!(t.as_slice(), [Value::Atom(_), Value::Int(0)])
                        }
                        _ => false,
                    };
                    if !valid {
                        return Err(format!(
                            "the @on_load attribute should be an atom or an {{atom, 0}} tuple, got: {}",
                            beamlet_vm::inspect::inspect(&v, &Default::default())
                        ));
                    }
                    if s.attr("on_load").is_some_and(|a| a.set) {
                        return Err("the @on_load attribute can only be set once per module".into());
                    }
                }
                _ => {}
            }
            // A hook given as a bare module is stored as `{module, :__hook__}`.
            let v = match (name, v) {
                (
                    "after_compile" | "after_verify" | "before_compile" | "on_definition",
                    Value::Atom(m),
                ) if m != "nil" => q::pair(q::atom(&m), q::atom(&format!("__{name}__"))),
                (_, v) => v,
            };
            s.put(name, v, line);
            Ok(())
        });
        match r {
            Some(Ok(())) => Ok(()),
            Some(Err(msg)) => Err(beamlet_vm::bif::argument_error_msg(ctx, &msg)),
            None => Err(not_open(ctx, module, "Module.put_attribute/3")),
        }
    }

    /// A body's `def`: expands the definition in the env the `def` saw and
    /// stores it, then calls the `@on_definition` hooks, or (`give_hooks`)
    /// returns `{hooks, args}` for the caller to call them with: `:ok` when
    /// there are none.
    #[allow(clippy::too_many_arguments)]
    fn define(
        &self,
        ctx: &mut Ctx,
        m: Term,
        kind: Term,
        index: Term,
        def: Term,
        line: Term,
        give_hooks: bool,
    ) -> Result<Term, Exn> {
        let module = atom::name(m).to_owned();
        let Some(kind) = DefKind::parse(atom::name(kind)) else {
            return Err(beamlet_vm::bif::internal_error(ctx, "define: bad kind"));
        };
        let line = line.as_small().unwrap_or(0) as u32;
        let index = index.as_small().unwrap_or(0) as usize;
        // `nil`: the definition was kept when the body was expanded.
        let saved = (def == atom::NIL)
            .then(|| {
                self.with_module(&module, |s| {
                    s.saved_defs
                        .get(index)
                        .and_then(|d| d.as_ref().map(|d| d.unpack()))
                })
            })
            .flatten()
            .flatten();
        // `{:"$beamlet_fragments", values}`: the kept definition's
        // `unquote` fragments, filled in now.
        let fragments = match def.tuple_elems() {
            Some([tag, values]) if *tag == atom::intern(expand::quote::FRAGMENTS) => Some(*values),
            _ => None,
        };
        let def = match (saved, fragments) {
            (Some(d), None) => d,
            (None, Some(values)) => {
                let mut values = match to_value(ctx.code, values) {
                    Value::List(vs, None) => vs,
                    _ => Vec::new(),
                };
                // Filled in as the template is copied (it stays kept: a
                // `def` in a `for` runs once per element).
                let filled = self.with_module(&module, |s| {
                    s.saved_defs
                        .get(index)
                        .and_then(|t| t.as_ref())
                        .map(|t| t.unpack_filling(&mut values))
                });
                let Some(def) = filled.flatten() else {
                    return Err(beamlet_vm::bif::internal_error(
                        ctx,
                        "define: no kept definition",
                    ));
                };
                def
            }
            _ => to_value(ctx.code, def),
        };
        let Some(env) = self.with_module(&module, |s| s.envs.get(index).cloned()) else {
            return Err(not_open(ctx, &module, "Kernel.def/2"));
        };
        let Some(env) = env else {
            return Err(beamlet_vm::bif::internal_error(
                ctx,
                "define: no such environment",
            ));
        };
        // `@file "f"` / `@file {"f", line}`: where the next definition comes from.
        let mut env = env;
        if let Some(Some(f)) = self.with_module(&module, |s| s.take("file")) {
            let text = |v: &Value| match v {
                Value::Binary(b) => std::str::from_utf8(b).ok().map(str::to_owned),
                _ => None,
            };
            let name = match &f {
                Value::Tuple(t) if t.len() == 2 && matches!(t[1], Value::Int(_)) => text(&t[0]),
                other => text(other),
            };
            let Some(name) = name else {
                return Err(beamlet_vm::bif::argument_error_msg(
                    ctx,
                    &format!("@file is a built-in module attribute that annotates the file and line the next definition comes from. It should be a string or {{string, line}} tuple as value, got: {}", beamlet_vm::inspect::inspect(&f, &Default::default())),
                ));
            };
            env.file = bifs::absolute(&name);
        }
        let file = env.file.clone();
        let src = self.source_of(&file);
        // The definition is expanded owned (moved into the result); a copy
        // is kept for `@on_definition` hooks, which get it unexpanded.
        let hooks = self.definition_hooks(&module);
        let kept = (!hooks.is_empty()).then(|| def.clone());
        let (r, warnings) = {
            let mut host = VmHost::new(ctx, self);
            let mut x = Expander::new(&mut host, src.as_deref());
            let r = x.expand_definition(kind, def, &env, line);
            (r, std::mem::take(&mut x.warnings))
        };
        self.warnings(ctx, &file, warnings);
        let d = r.map_err(|e| self.raise(ctx, e, &file))?;
        let bad_impl = self.with_module(&module, |s| match s.attr("impl").filter(|a| a.set) {
            Some(a) => match &a.value {
                Value::Atom(v) if v != "nil" => None,
                other => Some(beamlet_vm::inspect::inspect(other, &Default::default())),
            },
            None => None,
        });
        if let Some(Some(v)) = bad_impl {
            return Err(beamlet_vm::bif::argument_error_msg(
                ctx,
                &format!("@impl is a built-in module attribute that marks the next definition as a callback implementation. It should be a module or a boolean, got: {v}"),
            ));
        }
        let context = self
            .with_module(&module, |s| s.def_contexts.get(index).cloned().flatten())
            .flatten();
        let template = state::ImplMark {
            value: Value::Atom("nil".into()),
            kind: d.kind,
            name: d.name.clone(),
            arity: d.arity,
            user_name: d.user_name.clone(),
            user_arity: d.user_arity,
            line: d.line,
            context: context.clone(),
        };
        // What `def` returns in the module body: `{name, arity}`, as written.
        let (user_name, user_arity) = (d.user_name.clone(), d.user_arity);
        let mark = move |value: Value| state::ImplMark { value, ..template };
        // The clause is lowered as it is stored, with the module's file
        // for its spans (as when the module is compiled).
        let module_src = match self.with_module(&module, |s| s.file.clone()) {
            Some(f) if f == file => src.clone(),
            Some(f) => self.source_of(&f),
            None => None,
        };
        let stored = self.with_module(&module, |s| {
            let doc = s.take("doc");
            let impl_mark = s.take("impl").map(mark);
            let r = s.store(d, doc, module_src.as_ref(), context);
            if let Some(m) = impl_mark {
                if !s
                    .impls
                    .iter()
                    .any(|o| o.name == m.name && o.arity == m.arity)
                {
                    s.impls.push(m);
                }
            }
            r
        });
        let result = |ctx: &mut Ctx| {
            let name = atom::intern(&user_name);
            ctx.st.heap.tuple(&[name, Term::small(user_arity as i64)])
        };
        match stored {
            Some(Ok(())) => {
                match kept.and_then(|def| self.on_definition(ctx, hooks, kind, &def, &env, line)) {
                    Some((hooks, argv)) if give_hooks => {
                        let argv = ctx.st.heap.list(&argv);
                        let r = result(ctx);
                        Ok(ctx.st.heap.tuple(&[hooks, argv, r]))
                    }
                    Some((hooks, argv)) => {
                        // Stored by code that did not expect hooks (a hook set
                        // by `Module.put_attribute/3`): called here, nested.
                        for hook in bif::list_to_vec_pub(hooks).unwrap_or_default() {
                            if let Some([m, f]) = hook.tuple_elems() {
                                beamlet_vm::nested::call_mfa(ctx, *m, *f, &argv)?;
                            }
                        }
                        Ok(result(ctx))
                    }
                    None => Ok(result(ctx)),
                }
            }
            Some(Err((msg, hint))) => {
                let span = Expander::new(&mut NoHost, src.as_deref()).span_of_line(line);
                Err(self.raise(
                    ctx,
                    expand::Error::Compile(Diagnostic::new(span, msg).with_hint(hint)),
                    &file,
                ))
            }
            None => Err(not_open(ctx, &module, "Kernel.def/2")),
        }
    }

    /// The open `module`'s `@on_definition` hooks to call for a
    /// definition (`{module, fun}`, newest first; not the built-in one).
    fn definition_hooks(&self, module: &str) -> Vec<Value> {
        let hooks = match self.with_module(module, |s| s.get("on_definition")) {
            Some(Some(Value::List(hooks, None))) if !hooks.is_empty() => hooks,
            _ => return Vec::new(),
        };
        hooks
            .into_iter()
            .filter_map(|hook| match hook {
                Value::Tuple(t)
                    if t.len() == 2
                        && as_atom(&t[0]) == Some("Elixir.Module")
                        && as_atom(&t[1]) == Some(state::BUILTIN_ON_DEFINITION) =>
                {
                    None
                }
                Value::Tuple(t) if t.len() == 2 => Some(Value::Tuple(t)),
                Value::Atom(m) => Some(q::pair(q::atom(&m), q::atom("__on_definition__"))),
                _ => None,
            })
            .collect()
    }

    /// The module's `@on_definition` hooks (`{module, fun}`, newest first,
    /// the order Elixir calls them in) for a definition just stored, and
    /// their arguments, Elixir's: the
    /// definition's env, its kind, name, arguments (defaults still written
    /// `\\`), guards (a list, one per `when`) and body (the `do:` keyword
    /// list, `nil` for a head), all as written, unexpanded.
    fn on_definition(
        &self,
        ctx: &mut Ctx,
        hooks: Vec<Value>,
        kind: DefKind,
        def: &Value,
        env: &Env,
        line: u32,
    ) -> Option<(Term, Vec<Term>)> {
        if hooks.is_empty() {
            return None;
        }
        let parts = match def {
            Value::List(parts, None) => parts.as_slice(),
            _ => &[],
        };
        let (head, body) = match parts {
            [h] => (h, q::nil()),
            [h, b] => (h, b.clone()),
            _ => return None,
        };
        let mut guards = Vec::new();
        let mut call = head;
        if let Some(("when", _, [c, g])) = as_call(head) {
            call = c;
            let mut g = g;
            while let Some(("when", _, [a, b])) = as_call(g) {
                guards.push(a.clone());
                g = b;
            }
            guards.push(g.clone());
        }
        let (name, args) = match call {
            Value::Tuple(t) if t.len() == 3 => match (&t[0], &t[2]) {
                (Value::Atom(n), Value::List(a, None)) => (*n, a.clone()),
                (Value::Atom(n), _) => (*n, vec![]),
                _ => return None,
            },
            _ => return None,
        };
        let mut env = env.clone();
        env.function = Some((name.to_string(), args.len()));
        if line > 0 {
            env.line = line;
        }
        // Elixir's quoted code of a file has no columns.
        let argv = [
            env.to_value(),
            q::atom(kind.name()),
            q::atom(&name),
            q::without_columns(&q::list(args)),
            q::without_columns(&q::list(guards)),
            q::without_columns(&body),
        ];
        let argv: Vec<Term> = argv
            .iter()
            .map(|v| from_value(&mut ctx.st.heap, v))
            .collect();
        Some((from_value(&mut ctx.st.heap, &q::list(hooks)), argv))
    }

    fn defstruct(
        &self,
        ctx: &mut Ctx,
        m: Term,
        fields: Term,
        line: Term,
        exception: bool,
    ) -> Result<Term, Exn> {
        let module = atom::name(m).to_owned();
        let fields = to_value(ctx.code, fields);
        let mut out: Vec<(String, Value)> = Vec::new();
        if exception {
            out.push(("__exception__".into(), q::atom("true")));
        }
        let items: Vec<Value> = match &fields {
            Value::List(items, None) => items.clone(),
            Value::Map(pairs) => pairs
                .iter()
                .map(|(k, v)| q::pair(k.clone(), v.clone()))
                .collect(),
            _ => {
                return Err(beamlet_vm::bif::argument_error_msg(
                    ctx,
                    &format!(
                        "struct fields definition expects a keyword list or list of atoms, got: {}",
                        beamlet_vm::inspect::inspect(&fields, &Default::default())
                    ),
                ))
            }
        };
        for it in items {
            match &it {
                Value::Atom(a) => out.push((a.to_string(), q::nil())),
                Value::Tuple(t) if t.len() == 2 && as_atom(&t[0]).is_some() => {
                    out.push((as_atom(&t[0]).unwrap_or("").to_owned(), t[1].clone()))
                }
                other => {
                    return Err(beamlet_vm::bif::argument_error_msg(
                        ctx,
                        &format!(
                            "struct field names must be atoms, got: {}",
                            beamlet_vm::inspect::inspect(other, &Default::default())
                        ),
                    ))
                }
            }
        }
        let _ = line;
        // The defaults are kept as literals: each must be escapable.
        for (f, v) in &out {
            if let Some(bad) = unescapable(v) {
                return Err(beamlet_vm::bif::argument_error_msg(
                    ctx,
                    &format!(
                        "invalid value for struct field {f}, cannot escape {}",
                        beamlet_vm::inspect::inspect(bad, &Default::default())
                    ),
                ));
            }
        }
        let r = self.with_module(&module, |s| {
            if s.struct_fields.is_some() {
                return Err(format!("defstruct has already been called for {}, defstruct can only be called once per module", expand::inspect_module(&module)));
            }
            check_enforce_keys(&s.enforce_keys(), &out)?;
            s.struct_fields = Some(out.clone());
            s.exception = exception;
            if exception {
                // An exception implements the Exception behaviour.
                s.put("behaviour", q::atom("Elixir.Exception"), line.as_small().unwrap_or(0) as u32);
            }
            Ok(())
        });
        match r {
            Some(Ok(())) => {
                // `@__struct__` holds the struct, as in Elixir.
                let map = finish::struct_map(&module, &out);
                let (derives, file) = self
                    .with_module(&module, |s| {
                        s.put("__struct__", map.clone(), 0);
                        (s.get("derive"), s.file.clone())
                    })
                    .unwrap_or((None, String::new()));
                let value = from_value(&mut ctx.st.heap, &map);
                // `@derive`d protocols are implemented now, by the library's
                // Protocol (never while the library is built: its structs
                // derive nothing).
                if matches!(derives, Some(Value::List(ref d, _)) if !d.is_empty()) {
                    let file = ctx.st.heap.str(&file);
                    beamlet_vm::nested::call_mfa(
                        ctx,
                        atom::intern("Elixir.Protocol"),
                        atom::intern("__derive__"),
                        &[value, m, file, line],
                    )?;
                }
                // `defstruct` returns the struct, `defexception` :ok.
                Ok(if exception { atom::intern("ok") } else { value })
            }
            Some(Err(msg)) => Err(beamlet_vm::bif::argument_error_msg(ctx, &msg)),
            None => Err(not_open(ctx, &module, "Kernel.defstruct/1")),
        }
    }

    /// The callbacks of `behaviour` that `module` defines so far, for
    /// `defoverridable Behaviour` (which the module must declare as its
    /// `@behaviour`).
    fn behaviour_overridables(
        &self,
        ctx: &mut Ctx,
        module: &str,
        behaviour: &str,
    ) -> Result<Vec<(String, usize)>, Exn> {
        let shown = expand::inspect_module(behaviour);
        let b = atom::intern(behaviour);
        let info = beamlet_vm::nested::call_mfa(
            ctx,
            b,
            atom::intern("behaviour_info"),
            &[atom::intern("callbacks")],
        );
        let callbacks = match info.map(|t| to_value(ctx.code, t)) {
            Ok(Value::List(items, None)) => items,
            _ => {
                let why = if ctx.code.module_loaded(b) || self.is_open(behaviour) {
                    "it does not define any callbacks"
                } else {
                    "it was not defined"
                };
                return Err(beamlet_vm::bif::argument_error_msg(
                    ctx,
                    &format!(
                        "cannot pass module {shown} as argument to defoverridable/1 because {why}"
                    ),
                ));
            }
        };
        let declared = self
            .with_module(module, |s| {
                match s.attr("behaviour").map(|a| a.value.clone()) {
                    Some(Value::List(items, None)) => items.contains(&q::atom(behaviour)),
                    Some(v) => v == q::atom(behaviour),
                    None => false,
                }
            })
            .unwrap_or(false);
        if !declared {
            return Err(beamlet_vm::bif::argument_error_msg(
                ctx,
                &format!("cannot pass module {shown} as argument to defoverridable/1 because its corresponding behaviour is missing. Did you forget to add @behaviour {shown}?"),
            ));
        }
        // Callbacks by the names they compile to (`MACRO-m/2` for a
        // macro); the definitions found by their names as written.
        let wanted = name_arities(&callbacks);
        Ok(self
            .with_module(module, |s| {
                s.defs
                    .iter()
                    .filter(|d| wanted.iter().any(|(n, a)| d.name == *n && d.arity == *a))
                    .map(|d| (d.user_name.clone(), d.user_arity))
                    .collect()
            })
            .unwrap_or_default())
    }

    fn defoverridable(&self, ctx: &mut Ctx, m: Term, what: Term) -> Result<Term, Exn> {
        let module = atom::name(m).to_owned();
        let what = to_value(ctx.code, what);
        let pairs: Vec<(String, usize)> = match &what {
            Value::List(items, None) => name_arities(items),
            // defoverridable SomeBehaviour: its callbacks the module defines.
            Value::Atom(b) => self.behaviour_overridables(ctx, &module, b)?,
            _ => {
                let shown = beamlet_vm::inspect::inspect(&what, &Default::default());
                return Err(beamlet_vm::bif::argument_error_msg(
                    ctx,
                    &format!("defoverridable/1 expects a keyword list with function names and arities or a behaviour module, got: {shown}"),
                ));
            }
        };
        let r = self.with_module(&module, |s| {
            for (n, a) in pairs {
                // An arity its defaults make counts as defined.
                let found = s
                    .defs
                    .iter()
                    .find(|d| d.user_name == n && d.user_arity == a)
                    .or_else(|| {
                        s.defs.iter().find(|d| {
                            d.user_name == n
                                && d.user_arity > a
                                && d.user_arity - d.defaults.len() <= a
                        })
                    });
                let (code, code_arity) = match found {
                    Some(d) => (d.name.clone(), d.arity - (d.user_arity - a)),
                    None => {
                        return Err(format!(
                            "cannot make function {n}/{a} overridable because it was not defined"
                        ))
                    }
                };
                s.overridable
                    .retain(|((x, y), _)| !(x == &code && *y == code_arity));
                s.overridable.push(((code, code_arity), None));
            }
            Ok(())
        });
        match r {
            Some(Ok(())) => Ok(atom::intern("ok")),
            Some(Err(msg)) => Err(beamlet_vm::bif::argument_error_msg(ctx, &msg)),
            None => Err(not_open(ctx, &module, "Module.make_overridable/2")),
        }
    }

    /// The names of the library's modules (`Elixir.Enum`, `lists`), loaded or not.
    pub fn library_names(&self) -> Vec<String> {
        match &self.library {
            Library::Sources(l) => l.iter().map(|l| l.module.to_owned()).collect(),
            Library::Image(i) => i.entries().iter().map(|e| e.module.to_owned()).collect(),
        }
    }

    /// Whether `name` comes from the library (loaded lazily, never "redefined").
    pub fn is_library(&self, name: &str) -> bool {
        match &self.library {
            Library::Sources(l) => l.iter().any(|l| l.module == name),
            Library::Image(i) => i.entry(name).is_some(),
        }
    }

    /// The source of the library module `name`, when the library is sources.
    pub fn library_module(&self, name: &str) -> Option<LibModule> {
        match &self.library {
            Library::Sources(l) => l.iter().find(|l| l.module == name).copied(),
            Library::Image(_) => None,
        }
    }

    /// Makes sure `module` is loaded, loading it from the library if it
    /// is one of its modules (decoded from the image, or compiled from
    /// source); whether it is loaded now.
    pub fn ensure_loaded(&self, ctx: &mut Ctx, module: &str) -> bool {
        let m = atom::intern(module);
        if ctx.code.module_loaded(m) {
            return true;
        }
        if let Library::Image(image) = &self.library {
            return self.load_from_image(ctx, image, module);
        }
        let Some(lib) = self.library_module(module) else {
            return false;
        };
        let me = ctx.st.pid.raw();
        {
            let mut l = lock(&self.loading);
            loop {
                match l.iter().find(|(x, _)| x == module) {
                    // Needed while loading itself: not there yet.
                    Some((_, pid)) if *pid == me => return false,
                    // Another process loads it: wait for it.
                    Some(_) => {
                        l = self.loaded.wait(l).unwrap_or_else(|e| e.into_inner());
                        if ctx.code.module_loaded(m) {
                            return true;
                        }
                    }
                    None => break,
                }
            }
            if ctx.code.module_loaded(m) {
                return true;
            }
            l.push((module.to_owned(), me));
        }
        let r = self.load_library(ctx, lib);
        lock(&self.loading).retain(|(x, _)| x != module);
        self.loaded.notify_all();
        if let Err(e) = &r {
            let reason = beamlet_vm::bif::inspect_term(ctx, e.reason);
            let msg = format!(
                "error: the library module {} failed to compile: {reason}\n",
                expand::inspect_module(module)
            );
            ctx.io.err(msg.as_bytes());
        }
        r.is_ok() && ctx.code.module_loaded(m)
    }

    /// Decodes the library module `module` from `image` and loads it;
    /// whether it is loaded now. One load at a time (under the `loading`
    /// lock): two processes needing the module at once load it once.
    fn load_from_image(
        &self,
        ctx: &mut Ctx,
        image: &beamlet_vm::image::Image<'static>,
        module: &str,
    ) -> bool {
        let m = atom::intern(module);
        let _one_at_a_time = lock(&self.loading);
        if ctx.code.module_loaded(m) {
            return true;
        }
        match image.unit(module) {
            None => false,
            Some(Ok(unit)) => {
                ctx.code.load_library(unit);
                true
            }
            Some(Err(e)) => {
                let msg = format!(
                    "error: the library module {} cannot be loaded: {e}\n",
                    expand::inspect_module(module)
                );
                ctx.io.err(msg.as_bytes());
                false
            }
        }
    }

    /// Compiles and loads a library file: one `defmodule` whose module is
    /// `lib.module`. Its body runs here (in nested calls when it is not
    /// simple), then its hooks, then it is loaded.
    fn load_library(&self, ctx: &mut Ctx, lib: LibModule) -> Result<(), Exn> {
        let mut quoted = self
            .parse(lib.source, lib.file)
            .map_err(|d| self.raise(ctx, expand::Error::Compile(d), lib.file))?;
        // `defprotocol` and `defimpl` files: their macro's `defmodule`.
        if let Some(("defprotocol" | "defimpl", _, _)) = as_call(&quoted) {
            let mut env = Env::new(lib.file);
            env.line = q::line_of(&quoted);
            let expanded = self.expand_in(ctx, &quoted, env, true)?;
            quoted = match as_call(&expanded) {
                Some(("__block__", _, exprs)) => exprs
                    .iter()
                    .rfind(|e| matches!(as_call(e), Some(("defmodule", _, _))))
                    .cloned()
                    .unwrap_or(expanded),
                _ => expanded,
            };
        }
        let (meta, body) = match as_call(&quoted) {
            Some(("defmodule", meta, [_, kw])) => match q::keyword_get(kw, "do") {
                Some(body) => (meta.clone(), body.clone()),
                None => {
                    return Err(beamlet_vm::bif::internal_error(
                        ctx,
                        &format!("{}: defmodule without a do block", lib.file),
                    ))
                }
            },
            _ => {
                return Err(beamlet_vm::bif::internal_error(
                    ctx,
                    &format!("{}: a library file must be one defmodule", lib.file),
                ))
            }
        };
        let mut env = Env::new(lib.file);
        env.line = q::meta_line(&meta);
        env.module = Some(lib.module.to_owned());
        let empty = Term::NIL;
        let opened = self.module_open(ctx, lib.module, body, &[], env)?;
        if let Some([tag, fun]) = opened.tuple_elems() {
            if *tag == atom::intern("run") {
                if let Some((fid, _)) = fun.closure_parts() {
                    beamlet_vm::nested::call(ctx, fid, &[empty])?;
                }
            }
        }
        loop {
            let r = self.before_compile(ctx, lib.module)?;
            if r == atom::intern("done") {
                break;
            }
            if let Some([_, fun]) = r.tuple_elems() {
                if let Some((fid, _)) = fun.closure_parts() {
                    beamlet_vm::nested::call(ctx, fid, &[empty])?;
                }
            }
        }
        self.module_finish(ctx, lib.module)?;
        Ok(())
    }

    /// Compiles the open module's macros (and the functions they may call)
    /// so the module's later functions can use them; returns the FunId of
    /// `name/arity` in that code.
    pub fn local_macro(
        &self,
        ctx: &mut Ctx,
        module: &str,
        name: &str,
        arity: usize,
    ) -> Result<Option<FunId>, Diagnostic> {
        let Some(m) = self.module(module) else {
            return Ok(None);
        };
        let cached = {
            let g = lock(&m);
            match &g.macro_cache {
                Some((v, funs)) if *v == g.version => Some(funs.clone()),
                _ => None,
            }
        };
        let funs = match cached {
            Some(f) => f,
            None => {
                let mut snapshot = finish::snapshot(&mut lock(&m), ctx.code);
                let funs = finish::compile_private(ctx, self, &mut snapshot)?;
                lock(&m).macro_cache = Some((snapshot.version, funs.clone()));
                funs
            }
        };
        Ok(funs
            .iter()
            .find(|(n, a, _)| n == name && *a == arity)
            .map(|(_, _, f)| *f))
    }

    /// Runs the next `@before_compile` hook of `module`: `:done` when there
    /// is none left, `{:run, fun}` for code the caller runs (then calls this
    /// again), `:ok` when the hook was handled here.
    pub fn before_compile(&self, ctx: &mut Ctx, module: &str) -> Result<Term, Exn> {
        let next = self.with_module(module, |s| {
            if s.pending_hooks.is_none() {
                let mut hooks: Vec<Value> = match s.attr("before_compile").map(|a| a.value.clone())
                {
                    Some(Value::List(items, None)) => items,
                    _ => vec![],
                };
                hooks.reverse();
                s.pending_hooks = Some(hooks);
            }
            let hooks = s.pending_hooks.as_mut().expect("set above");
            if hooks.is_empty() {
                None
            } else {
                Some(hooks.remove(0))
            }
        });
        let Some(next) = next else {
            return Err(not_open(ctx, module, "Module.create/3"));
        };
        let Some(hook) = next else {
            return Ok(atom::intern("done"));
        };
        let (hmod, hfun) = match &hook {
            Value::Atom(a) => (a.to_string(), "__before_compile__".to_owned()),
            Value::Tuple(t) if t.len() == 2 => (
                as_atom(&t[0]).unwrap_or("").to_owned(),
                as_atom(&t[1]).unwrap_or("__before_compile__").to_owned(),
            ),
            _ => return Ok(atom::intern("ok")),
        };
        let Some((file, line)) = self.with_module(module, |s| (s.file.clone(), s.line)) else {
            return Err(not_open(ctx, module, "Module.create/3"));
        };
        let mut env = self
            .with_module(module, |s| s.envs.last().cloned())
            .flatten()
            .unwrap_or_else(|| Env::new(&file));
        env.module = Some(module.to_owned());
        env.function = None;
        env.line = line;
        env.vars = Default::default();
        // The hook is a macro: its result is code for the module's body.
        let call = q::remote(q::atom(&hmod), &hfun, q::line_meta(line), vec![]);
        let _ = call;
        let src = self.source_of(&file);
        let (r, warnings) = {
            let mut host = VmHost::new(ctx, self);
            let mut x = Expander::new(&mut host, src.as_deref());
            env.require(&hmod);
            // The hook gets the module's environment as its argument.
            let arg = env.to_value();
            let r = x.run_macro(&hmod, &hfun, &q::line_meta(line), &[arg], &mut env, false);
            (r, std::mem::take(&mut x.warnings))
        };
        self.warnings(ctx, &file, warnings);
        let code = r.map_err(|e| self.raise(ctx, e, &file))?;
        if let Some(ops) = simple_body(&code) {
            for (op, args) in ops {
                self.run_op(ctx, &op, &args)?;
            }
            return Ok(atom::intern("ok"));
        }
        let fid = finish::compile_function(
            ctx,
            self,
            module,
            "__before_compile__",
            &[q::list(vec![])],
            &code,
            &file,
        )
        .map_err(|d| self.raise(ctx, expand::Error::Compile(d), &file))?;
        let fun = ctx.st.heap.closure(fid, &[]);
        let run = atom::intern("run");
        Ok(ctx.st.heap.tuple(&[run, fun]))
    }

    /// Compiles and loads the open module `module`; returns what to call
    /// then: `{after_compile, after_verify, on_load}`, the `@after_compile`
    /// hooks (modules or `{module, function}`), the `@after_verify` modules
    /// and the `@on_load` function's name (or nil).
    pub fn module_finish(&self, ctx: &mut Ctx, module: &str) -> Result<Term, Exn> {
        let Some(m) = lock(&self.open).remove(module) else {
            return Err(not_open(ctx, module, "Module.create/3"));
        };
        // (Closed: no one else reads it now, so take it rather than copy.)
        let mut st = std::mem::replace(&mut *lock(&m), ModuleState::empty(module, "", 0));
        let file = st.file.clone();
        for (name, line) in st.unused_attributes() {
            if self.print_warnings {
                let msg = format!(
                    "warning: module attribute @{name} was set but never used\n  {}:{line}\n\n",
                    relative(&file)
                );
                ctx.io.err(msg.as_bytes());
            }
        }
        // `@derive` is used (and deleted) by `defstruct`: one left is late or unused.
        if let Some(a) = st.attr("derive") {
            if self.print_warnings && matches!(&a.value, Value::List(d, _) if !d.is_empty()) {
                let what = if st.struct_fields.is_some() {
                    "was set after defstruct, all @derive calls must come before defstruct"
                } else {
                    "was set but never used (it must come before defstruct)"
                };
                // (Elixir 1.14 says "warning: " twice here.)
                let msg = format!(
                    "warning: warning: module attribute @derive {what}\n  {}:{}: {} (module)\n\n",
                    relative(&file),
                    st.line,
                    expand::inspect_module(module)
                );
                ctx.io.err(msg.as_bytes());
            }
        }
        if self.print_warnings {
            for w in behaviours::check(ctx, self, &st) {
                ctx.io.err(w.as_bytes());
            }
        }
        // A function the module calls as an import must not be defined by
        // the module too (Elixir: "imported ... conflicts with local function").
        let conflict = st.defs.iter().find_map(|d| {
            let (_, _, from) = st
                .imported_calls
                .iter()
                .find(|(n, a, _)| *n == d.name && *a == d.arity)?;
            Some((
                d.line,
                format!(
                    "imported {}.{}/{} conflicts with local function",
                    expand::inspect_module(from),
                    d.name,
                    d.arity
                ),
            ))
        });
        // `@on_load` names a function of the module, of arity 0.
        let conflict = conflict.or_else(|| {
            let a = st.attr("on_load").filter(|a| a.set)?;
            let name = match &a.value {
                Value::Atom(n) => *n,
                Value::Tuple(t) => as_atom(t.first()?)?.into(),
                _ => return None,
            };
            let msg = match st
                .defs
                .iter()
                .find(|d| d.user_name == name && d.user_arity == 0)
            {
                None => format!("undefined function {name}/0 given to @on_load"),
                Some(d) if d.kind.is_macro() => format!(
                    "expected @on_load function {name}/0 to be a function, got \"{}\"",
                    d.kind.name()
                ),
                Some(_) => return None,
            };
            Some((st.line, msg))
        });
        // `@compile {:inline, ...}` and `@dialyzer` name functions of the module.
        let defined = |name: &str, arity: i64| {
            st.defs
                .iter()
                .any(|d| d.user_name == name && d.user_arity as i64 == arity)
        };
        let conflict = conflict.or_else(|| {
            let a = st.attr("compile").filter(|a| a.set)?;
            let items = match &a.value {
                Value::List(items, None) => items.clone(),
                _ => return None,
            };
            items.iter().rev().flat_map(flatten_options).find_map(|o| {
                let Value::Tuple(t) = &o else { return None };
                if t.len() != 2 || as_atom(&t[0]) != Some("inline") {
                    return None;
                }
                fun_refs(&t[1])?
                    .into_iter()
                    .find(|(n, ar)| !defined(n, *ar))
                    .map(|(n, ar)| (st.line, format!("inlined function {n}/{ar} undefined")))
            })
        });
        let mut dialyzer_error = None;
        let conflict = conflict.or_else(|| {
            let a = st.attr("dialyzer").filter(|a| a.set)?;
            let items = match &a.value {
                Value::List(items, None) => items.clone(),
                _ => return None,
            };
            for item in items.iter().rev() {
                let list = match item {
                    Value::List(l, None) => l.clone(),
                    other => vec![other.clone()],
                };
                for o in list {
                    let valid_opt =
                        |v: &Value| as_atom(v).is_some_and(|n| DIALYZER_OPTIONS.contains(&n));
                    match &o {
                        v if valid_opt(v) => {}
                        Value::Tuple(t)
                            if t.len() == 2
                                && (valid_opt(&t[0])
                                    || as_atom(&t[0]) == Some("nowarn_function"))
                                && fun_refs(&t[1]).is_some() =>
                        {
                            let opt = as_atom(&t[0]).unwrap_or_default();
                            if let Some((n, ar)) = fun_refs(&t[1])
                                .unwrap_or_default()
                                .into_iter()
                                .find(|(n, ar)| !defined(n, *ar))
                            {
                                return Some((
                                    st.line,
                                    format!(
                                        "undefined function {n}/{ar} given to @dialyzer :{opt}"
                                    ),
                                ));
                            }
                        }
                        other => {
                            dialyzer_error = Some(format!(
                                "invalid value for @dialyzer attribute: {}",
                                beamlet_vm::inspect::inspect(other, &Default::default())
                            ));
                            return None;
                        }
                    }
                }
            }
            None
        });
        if let Some(msg) = dialyzer_error.filter(|_| conflict.is_none()) {
            let src = self.source_of(&file);
            let e = Expander::new(&mut NoHost, src.as_deref()).argument_error(msg);
            return Err(self.raise(ctx, e, &file));
        }
        // A head that no clause followed.
        let conflict = conflict.or_else(|| {
            let d = st.defs.iter().find(|d| d.clauses.is_empty())?;
            Some((
                d.line,
                format!(
                    "implementation not provided for predefined {} {}/{}",
                    d.kind.name(),
                    d.user_name,
                    d.user_arity
                ),
            ))
        });
        if let Some((line, msg)) = conflict {
            let src = self.source_of(&file);
            let span = Expander::new(&mut NoHost, src.as_deref()).span_of_line(line);
            return Err(self.raise(
                ctx,
                expand::Error::Compile(Diagnostic::new(span, msg)),
                &file,
            ));
        }
        let object = finish::compile_module(ctx, self, &mut st)
            .map_err(|d| self.raise(ctx, expand::Error::Compile(d), &file))?;
        // Accumulated: newest first, run oldest first.
        let hooks = |name: &str| match st.attr(name).map(|a| a.value.clone()) {
            Some(Value::List(mut items, None)) => {
                items.reverse();
                q::list(items)
            }
            _ => q::list(vec![]),
        };
        let on_load = match st.attr("on_load") {
            Some(a) if a.set => a.value.clone(),
            _ => q::nil(),
        };
        let after_compile = hooks("after_compile");
        let after_verify = hooks("after_verify");
        if matches!(&after_compile, Value::List(h, None) if !h.is_empty()) {
            // The hooks may read the module's attributes and definitions,
            // not change them: it stays open, read-only, until
            // `module_close` (Elixir's read-only mode).
            let mut ro = st;
            ro.read_only = true;
            *lock(&m) = ro;
            lock(&self.open).insert(module.to_owned(), m);
        }
        let [a, v, l] =
            [after_compile, after_verify, on_load].map(|x| from_value(&mut ctx.st.heap, &x));
        let object = ctx.st.heap.binary(&object);
        Ok(ctx.st.heap.tuple(&[a, v, l, object]))
    }

    /// `Macro.expand/2` (`once`: `Macro.expand_once/2`).
    pub fn expand_in(
        &self,
        ctx: &mut Ctx,
        ast: &Value,
        env: Env,
        once: bool,
    ) -> Result<Value, Exn> {
        let file = env.file.clone();
        let src = self.source_of(&file);
        let mut env = env;
        let r = {
            let mut host = VmHost::new(ctx, self);
            let mut x = Expander::new(&mut host, src.as_deref());
            let mut cur = ast.clone();
            let mut r = Ok(cur.clone());
            loop {
                match x.expand_root_once(&cur, &mut env) {
                    Ok(Some(next)) => {
                        cur = next;
                        r = Ok(cur.clone());
                        if once {
                            break;
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        r = Err(e);
                        break;
                    }
                }
            }
            r
        };
        r.map_err(|e| self.raise(ctx, e, &file))
    }
}

/// The top-level `defmodule`s of expanded script code (what `check` runs).
fn top_level_modules(code: &Value) -> Value {
    let is_module = |v: &Value| {
        q::as_node(v).is_some_and(|(head, _, _)| {
            q::as_node(head).is_some_and(|(dot, _, d)| {
                as_atom(dot) == Some(".")
                    && as_list(d).is_some_and(|d| {
                        d.len() == 2
                            && as_atom(&d[0]) == Some("elixir_module")
                            && as_atom(&d[1]) == Some("compile")
                    })
            })
        })
    };
    match as_call(code) {
        Some(("__block__", m, items)) => q::tuple(vec![
            q::atom("__block__"),
            m.clone(),
            q::list(items.iter().filter(|i| is_module(i)).cloned().collect()),
        ]),
        _ if is_module(code) => code.clone(),
        _ => q::nil(),
    }
}

/// The pattern `[{:x, x}, ...]` a compiled body or eval takes its binding by.
fn binding_pattern(names: &[String]) -> Value {
    q::list(
        names
            .iter()
            .map(|b| q::pair(q::atom(b), q::var(b, q::list(vec![]), q::nil())))
            .collect(),
    )
}

/// A host for diagnostics only (no VM).
pub(crate) struct NoHost;

impl expand::Host for NoHost {
    fn call(&mut self, _: &str, _: &str, _: Vec<Value>) -> Result<Value, Box<expand::Raised>> {
        Err(Box::new(expand::Raised {
            class: "error".into(),
            reason: q::atom("undef"),
            stacktrace: q::list(vec![]),
        }))
    }
    fn functions_of(&mut self, _: &str) -> Option<Vec<(String, usize)>> {
        None
    }
    fn macros_of(&mut self, _: &str) -> Option<Vec<(String, usize)>> {
        None
    }
    fn is_open(&mut self, _: &str) -> bool {
        false
    }
    fn attribute(&mut self, _: &str, _: &str) -> Option<Value> {
        None
    }
    fn has_local_macro(&mut self, _: &str, _: &str, _: usize) -> bool {
        false
    }
    fn call_local_macro(
        &mut self,
        m: &str,
        n: &str,
        a: Vec<Value>,
    ) -> Result<Value, Box<expand::Raised>> {
        self.call(m, n, a)
    }
    fn struct_of(&mut self, _: &str) -> Option<Value> {
        None
    }
    fn enforced_keys(&mut self, _: &str) -> Vec<String> {
        vec![]
    }
    fn next_counter(&mut self) -> i64 {
        0
    }
    fn save_env(&mut self, _: &str, _: &Env, _: Option<Value>, _: Option<&str>) -> usize {
        0
    }
}

/// The `{name, arity}` pairs of a list (others left out).
fn name_arities(items: &[Value]) -> Vec<(String, usize)> {
    items
        .iter()
        .filter_map(|p| match p {
            Value::Tuple(t) if t.len() == 2 => match (&t[0], &t[1]) {
                (Value::Atom(n), Value::Int(a)) => Some((n.to_string(), *a as usize)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// The expressions of a body.
fn body_items(code: &Value) -> Vec<&Value> {
    match as_call(code) {
        Some(("__block__", _, items)) => items.iter().collect(),
        _ => vec![code],
    }
}

/// The body's items as runtime operations with constant arguments, if it
/// is made only of those (and of constants: what `alias` leaves behind).
fn simple_body(code: &Value) -> Option<Vec<(String, Vec<Value>)>> {
    let items = body_items(code);
    let mut ops = Vec::new();
    for it in items {
        if constant(it).is_some() {
            continue;
        }
        let (head, _, args) = q::as_node(it)?;
        let (dot, _, d) = q::as_node(head)?;
        if as_atom(dot) != Some(".") {
            return None;
        }
        let d = as_list(d)?;
        if d.len() != 2 || as_atom(&d[0]) != Some(expand::module::RUNTIME) {
            return None;
        }
        let op = as_atom(&d[1])?;
        if !matches!(
            op,
            "define" | "put_attribute" | "defstruct" | "defexception" | "defoverridable"
        ) {
            return None;
        }
        let args: Option<Vec<Value>> = as_list(args)?.iter().map(constant).collect();
        ops.push((op.to_owned(), args?));
    }
    Some(ops)
}

/// The value of constant code (literals, lists, tuples and maps of them).
pub fn constant(v: &Value) -> Option<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Atom(_) | Value::Binary(_) => {
            Some(v.clone())
        }
        Value::List(items, tail) => {
            let mut out = Vec::with_capacity(items.len());
            let mut t = match tail {
                Some(t) => Some(Box::new(constant(t)?)),
                None => None,
            };
            for (i, it) in items.iter().enumerate() {
                if i + 1 == items.len() && t.is_none() {
                    if let Some(("|", _, [h, tl])) = as_call(it) {
                        out.push(constant(h)?);
                        t = Some(Box::new(constant(tl)?));
                        continue;
                    }
                }
                out.push(constant(it)?);
            }
            Some(Value::List(out, t))
        }
        Value::Tuple(t) if t.len() == 2 => Some(q::tuple(vec![constant(&t[0])?, constant(&t[1])?])),
        Value::Tuple(_) => match as_call(v)? {
            ("{}", _, items) => Some(Value::Tuple(
                items.iter().map(constant).collect::<Option<_>>()?,
            )),
            ("%{}", _, items) => {
                let mut pairs = Vec::new();
                for p in items {
                    match p {
                        Value::Tuple(t) if t.len() == 2 => {
                            pairs.push((constant(&t[0])?, constant(&t[1])?))
                        }
                        _ => return None,
                    }
                }
                Some(expand::env::sorted_map(pairs))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A stack trace term (`[{m, f, arity, [file: 'f', line: n]}]`) as the
/// VM's trace entries.
fn trace_entries(v: &Value) -> Vec<beamlet_vm::process::TraceEntry> {
    let Value::List(items, _) = v else {
        return vec![];
    };
    items
        .iter()
        .filter_map(|e| {
            let Value::Tuple(t) = e else { return None };
            let [m, f, a, loc] = t.as_slice() else {
                return None;
            };
            let arity = match a {
                Value::Int(n) => *n as u32,
                Value::List(args, _) => args.len() as u32,
                _ => 0,
            };
            let file = match q::keyword_get(loc, "file") {
                Some(Value::List(cs, None)) => {
                    let s: String = cs
                        .iter()
                        .filter_map(|c| match c {
                            Value::Int(i) => char::from_u32(*i as u32),
                            _ => None,
                        })
                        .collect();
                    atom::intern(&s)
                }
                _ => Term::NIL,
            };
            let line = match q::keyword_get(loc, "line") {
                Some(Value::Int(n)) => *n as u32,
                _ => 0,
            };
            Some(beamlet_vm::process::TraceEntry {
                module: atom::intern(as_atom(m)?),
                name: atom::intern(as_atom(f)?),
                arity,
                file,
                line,
                args: None,
            })
        })
        .collect()
}

/// `%CompileError{file: file, line: line, description: msg}`.
pub fn compile_error(ctx: &mut Ctx, file: &str, line: i64, msg: &str) -> Exn {
    let f = ctx.st.heap.str(&relative(file));
    let d = ctx.st.heap.str(msg);
    let e = exception::make_exception(
        ctx,
        "Elixir.CompileError",
        &[
            (atom::intern("file"), f),
            (atom::intern("line"), Term::small(line)),
            (atom::intern("description"), d),
        ],
    );
    Exn::error(e)
}

pub(crate) fn not_open(ctx: &mut Ctx, module: &str, call: &str) -> Exn {
    // Elixir's hint for the functions that have another way to ask.
    let hint = match call.split('/').next().unwrap_or("") {
        "Module.get_attribute" => ". Use the Module.__info__/1 callback or Code.fetch_docs/1 instead",
        "Module.defines?" => ". Use Kernel.function_exported?/3 and Kernel.macro_exported?/3 to check for public functions and macros instead",
        "Module.definitions_in" => ". Use the Module.__info__/1 callback to get public functions and macros instead",
        _ => "",
    };
    beamlet_vm::bif::argument_error_msg(
        ctx,
        &format!(
            "could not call {call} because the module {} is already compiled{hint}",
            expand::inspect_module(module)
        ),
    )
}

/// `path` relative to the current directory (how Elixir shows files).
pub fn relative(path: &str) -> String {
    expand::quote::relative_file(path)
}

/// `defstruct`'s check of `@enforce_keys` (as a list): every key an atom,
/// and a field of the struct (`fields`, `__exception__` included); Elixir's
/// messages.
fn check_enforce_keys(enforce: &[Value], fields: &[(String, Value)]) -> Result<(), String> {
    let show = |v: &Value| beamlet_vm::inspect::inspect(v, &Default::default());
    if let Some(bad) = enforce.iter().find(|k| as_atom(k).is_none()) {
        return Err(format!(
            "keys given to @enforce_keys must be atoms, got: {}",
            show(bad)
        ));
    }
    // `enforce -- keys`: each field takes away one occurrence.
    let mut missing: Vec<Value> = enforce.to_vec();
    for (f, _) in fields {
        if let Some(i) = missing.iter().position(|k| as_atom(k) == Some(f.as_str())) {
            missing.remove(i);
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let kw = q::list(
        fields
            .iter()
            .map(|(f, v)| q::pair(q::atom(f), v.clone()))
            .collect(),
    );
    Err(format!(
        "@enforce_keys required keys ({}) that are not defined in defstruct: {}",
        show(&q::list(missing)),
        show(&kw)
    ))
}

/// The part of `v` that `Macro.escape/1` cannot turn into code (an
/// anonymous function, a reference), if any.
fn unescapable(v: &Value) -> Option<&Value> {
    match v {
        Value::Ref(_) | Value::Fun(beamlet_vm::value::FunValue::Anonymous { .. }) => Some(v),
        Value::List(items, tail) => items.iter().chain(tail.as_deref()).find_map(unescapable),
        Value::Tuple(items) => items.iter().find_map(unescapable),
        Value::Map(pairs) => pairs
            .iter()
            .find_map(|(k, v)| unescapable(k).or_else(|| unescapable(v))),
        _ => None,
    }
}

/// The options `@dialyzer` takes by themselves (and with functions).
const DIALYZER_OPTIONS: &[&str] = &[
    "no_return",
    "no_unused",
    "no_improper_lists",
    "no_fun_app",
    "no_match",
    "no_opaque",
    "no_fail_call",
    "no_contracts",
    "no_behaviours",
    "no_undefined_callbacks",
    "unmatched_returns",
    "error_handling",
    "race_conditions",
    "no_missing_calls",
    "specdiffs",
    "overspecs",
    "underspecs",
    "unknown",
    "no_underspecs",
];

/// One `@compile` value as its options: a keyword list's pairs, or itself.
fn flatten_options(v: &Value) -> Vec<Value> {
    match v {
        Value::List(items, None) => items.clone(),
        other => vec![other.clone()],
    }
}

/// `{name, arity}` or a list of them (`[foo: 1]`), as `@compile {:inline, ...}`
/// and `@dialyzer` name functions; `None` when `v` is neither.
fn fun_refs(v: &Value) -> Option<Vec<(String, i64)>> {
    let one = |v: &Value| match v {
        Value::Tuple(t) if t.len() == 2 => match (&t[0], &t[1]) {
            (Value::Atom(n), Value::Int(a)) => Some((n.to_string(), *a)),
            _ => None,
        },
        _ => None,
    };
    match v {
        Value::List(items, None) => items.iter().map(one).collect(),
        other => one(other).map(|r| vec![r]),
    }
}
