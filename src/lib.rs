//! beamlet: a pocket BEAM. The embedding facade over the compiler and the VM.
//!
//! ```no_run
//! let mut vm = beamlet::Vm::new().expect("the standard library compiles");
//! let out = vm.run_source("IO.puts(\"hi\")", "hello.ex", &[]);
//! assert!(out.is_ok());
//! ```
#![deny(unsafe_code)]

use beamlet_compiler::diagnostic::Diagnostic;
pub use beamlet_vm::bif::Io;
use beamlet_vm::code::{CodeTable, FunId, Unit};
pub use beamlet_vm::jit::Mode as JitMode;
use beamlet_vm::sched::{self, Config, Outcome};
pub use beamlet_vm::value::Value;
use std::io::Write;

/// The standard library, bundled into the binary. ORDER: modules used by
/// others come first only for readability; calls between them resolve at run time.
pub const STDLIB: &[(&str, &str)] = &[
    ("stdlib/enum.ex", include_str!("../stdlib/enum.ex")),
    ("stdlib/process.ex", include_str!("../stdlib/process.ex")),
];

/// A compile error, rendered as text (file:line:column, the line, a caret, a hint).
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub diagnostic: Diagnostic,
    pub rendered: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.rendered)
    }
}

/// How a program run ended, other than by returning.
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    Compile(CompileError),
    /// An uncaught exception: the `** (Error) message` banner and stack trace lines.
    Raised {
        banner: String,
        trace: Vec<String>,
        exit_status: i32,
    },
    /// The program waits in `receive` and no other process can ever send to it.
    Deadlock,
}

/// Output sink writing to the process's stdout (buffered) and stderr.
pub struct StdIo {
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Default for StdIo {
    fn default() -> Self {
        StdIo {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
        }
    }
}

impl Io for StdIo {
    fn out(&mut self, bytes: &[u8]) {
        let _ = self.out.write_all(bytes);
    }
    fn err(&mut self, bytes: &[u8]) {
        let _ = self.out.flush();
        let _ = std::io::stderr().write_all(bytes);
    }
    fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

/// Output captured in memory (for tests and embedders).
#[derive(Default)]
pub struct CaptureIo {
    pub out: Vec<u8>,
    pub err: Vec<u8>,
}

impl Io for CaptureIo {
    fn out(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
    fn err(&mut self, bytes: &[u8]) {
        self.err.extend_from_slice(bytes);
    }
}

/// A beamlet virtual machine: loaded code plus the means to run it.
///
/// ```no_run
/// let mut vm = beamlet::Vm::builder().schedulers(2).build().expect("stdlib compiles");
/// vm.run_source("IO.puts(:hi)", "hi.ex", &[]).expect("runs");
/// ```
pub struct Vm {
    code: CodeTable,
    config: Config,
}

/// Options for a [`Vm`]: see [`Vm::builder`].
#[derive(Clone, Debug, Default)]
pub struct VmBuilder {
    config: Config,
}

impl VmBuilder {
    /// Scheduler threads to run processes on (default: one per core; at least 1).
    pub fn schedulers(mut self, n: usize) -> VmBuilder {
        self.config.schedulers = n.max(1);
        self
    }

    /// Collect garbage at every safe point: slow; for tests that check a
    /// collection can happen anywhere without changing what a program does.
    pub fn gc_always(mut self, on: bool) -> VmBuilder {
        self.config.gc_always = on;
        self
    }

    /// When functions get native code (default [`JitMode::On`]: once hot).
    pub fn jit(mut self, mode: JitMode) -> VmBuilder {
        self.config.jit = mode;
        self
    }

    /// A VM with the standard library loaded.
    pub fn build(self) -> Result<Vm, CompileError> {
        let mut code = CodeTable::new();
        for (file, src) in STDLIB {
            let unit = compile(src, file, false)?;
            code.load(unit);
        }
        Ok(Vm {
            code,
            config: self.config,
        })
    }
}

/// Parses and compiles `source` into a loadable unit (warnings dropped:
/// see [`compile_with_warnings`]).
pub fn compile(source: &str, file: &str, script: bool) -> Result<Unit, CompileError> {
    compile_with_warnings(source, file, script).map(|(unit, _)| unit)
}

/// Parses and compiles `source`; returns the unit and its warnings, each
/// rendered like an error (`warning: ...`, location, source line, caret).
pub fn compile_with_warnings(
    source: &str,
    file: &str,
    script: bool,
) -> Result<(Unit, Vec<String>), CompileError> {
    let render = |d: Diagnostic| CompileError {
        rendered: d.render(file, source),
        diagnostic: d,
    };
    let program = beamlet_compiler::parser::parse(source).map_err(render)?;
    let (mut unit, warnings) =
        beamlet_compiler::compile_program(source, &program, script).map_err(render)?;
    let file_atom = beamlet_vm::atom::intern(file);
    for f in &mut unit.functions {
        f.file = file_atom;
    }
    let warnings = warnings
        .iter()
        .map(|w| w.render_warning(file, source))
        .collect();
    Ok((unit, warnings))
}

impl Vm {
    /// A VM with the standard library loaded and default options.
    pub fn new() -> Result<Vm, CompileError> {
        VmBuilder::default().build()
    }

    /// Options: scheduler count, GC testing.
    pub fn builder() -> VmBuilder {
        VmBuilder::default()
    }

    pub fn code(&self) -> &CodeTable {
        &self.code
    }

    /// Compiles and loads a script; returns its entry function.
    pub fn load_script(&mut self, source: &str, file: &str) -> Result<FunId, CompileError> {
        let unit = compile(source, file, true)?;
        Ok(self
            .code
            .load(unit)
            .expect("a script unit has an entry function"))
    }

    /// Runs `source` as a script, as `elixir file.ex` would.
    pub fn run_source(
        &mut self,
        source: &str,
        file: &str,
        argv: &[String],
    ) -> Result<Value, RunError> {
        let mut io = StdIo::default();
        let r = self.run_source_with(source, file, argv, &mut io);
        io.flush();
        r
    }

    /// Runs `source` with output going to `io`.
    pub fn run_source_with(
        &mut self,
        source: &str,
        file: &str,
        argv: &[String],
        io: &mut (dyn Io + Send),
    ) -> Result<Value, RunError> {
        let (unit, warnings) =
            compile_with_warnings(source, file, true).map_err(RunError::Compile)?;
        for w in warnings {
            io.err(w.as_bytes());
        }
        let entry = self
            .code
            .load(unit)
            .expect("a script unit has an entry function");
        self.run(entry, argv, io)
    }

    /// Runs a loaded entry function as the main process, until it finishes
    /// (other processes still running then are stopped, as `elixir` does).
    pub fn run(
        &mut self,
        entry: FunId,
        argv: &[String],
        io: &mut (dyn Io + Send),
    ) -> Result<Value, RunError> {
        match sched::run_main(&self.code, entry, argv, io, &self.config) {
            Outcome::Returned(v) => Ok(v),
            Outcome::Failed {
                banner,
                trace,
                status,
            } => Err(RunError::Raised {
                banner,
                trace,
                exit_status: status,
            }),
            Outcome::Deadlock => Err(RunError::Deadlock),
        }
    }
}

/// Parses `source` into Elixir's quoted form, as `Code.string_to_quoted!/1`
/// gives it (`beamlet parse`): meta is `[line: n]`, no columns.
pub fn parse_quoted(source: &str, file: &str) -> Result<Value, CompileError> {
    let program = beamlet_compiler::parser::parse(source).map_err(|d| CompileError {
        rendered: d.render(file, source),
        diagnostic: d,
    })?;
    let lines = beamlet_compiler::quoted::LineIndex::new(source);
    Ok(beamlet_compiler::quoted::from_program(
        &program.exprs,
        &lines,
    ))
}

/// `inspect(v, limit: :infinity, printable_limit: :infinity)`: how
/// `beamlet parse` prints a quoted form.
pub fn inspect_unlimited(v: &Value) -> String {
    beamlet_vm::inspect::inspect(v, &beamlet_vm::inspect::InspectOpts::unlimited())
}

/// A listing of a script's code (`beamlet disasm`).
pub fn disasm(source: &str, file: &str) -> Result<String, CompileError> {
    let unit = compile(source, file, true)?;
    let mut out = String::new();
    let code = CodeTable::new();
    for (i, f) in unit.functions.iter().enumerate() {
        let m = beamlet_vm::atom::name(f.module);
        let m = m.strip_prefix("Elixir.").unwrap_or(m);
        out += &format!(
            "function {i}: {m}.{}/{} (registers {}, free {})\n",
            beamlet_vm::atom::name(f.name),
            f.arity,
            f.nregs,
            f.nfree
        );
        for (k, lit) in f.literals.iter().enumerate() {
            let v = beamlet_vm::convert::to_value(&code, *lit);
            out += &format!(
                "  K[{k}] = {}\n",
                beamlet_vm::inspect::inspect(&v, &Default::default())
            );
        }
        for (t, table) in f.tables.iter().enumerate() {
            let entries: Vec<String> = table
                .entries
                .iter()
                .map(|(k, l)| {
                    let v = beamlet_vm::convert::to_value(&code, *k);
                    let k = beamlet_vm::inspect::inspect(&v, &Default::default());
                    format!("{k} -> {l}")
                })
                .collect();
            out += &format!("  T[{t}] = {{{}}}\n", entries.join(", "));
        }
        for (pc, op) in f.code.iter().enumerate() {
            out += &format!("  {pc:4}  {}\n", beamlet_vm::code::format_op(op));
        }
        out.push('\n');
    }
    for (i, (m, f, a)) in unit.imports.iter().enumerate() {
        out += &format!(
            "import {i}: {}.{}/{a}\n",
            beamlet_vm::atom::name(*m).trim_start_matches("Elixir."),
            beamlet_vm::atom::name(*f)
        );
    }
    Ok(out)
}
