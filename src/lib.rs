//! beamlet: a pocket BEAM. The embedding facade over the compiler and the VM.
//!
//! ```no_run
//! let mut vm = beamlet::Vm::new().expect("the standard library compiles");
//! let out = vm.run_source("IO.puts(\"hi\")", "hello.ex", &[]);
//! assert!(out.is_ok());
//! ```
#![deny(unsafe_code)]

use beamlet_compiler::diagnostic::Diagnostic;
use beamlet_vm::bif::{exception, Ctx, Io};
use beamlet_vm::code::{CodeTable, FunId, Unit};
use beamlet_vm::heap::Heap;
use beamlet_vm::interp::{self, Exit};
use beamlet_vm::process::{Class, Process};
use beamlet_vm::term::Term;
pub use beamlet_vm::value::Value;
use std::io::Write;
use std::time::Duration;

/// The standard library, bundled into the binary. ORDER: modules used by
/// others come first only for readability; calls between them resolve at run time.
pub const STDLIB: &[(&str, &str)] = &[("stdlib/enum.ex", include_str!("../stdlib/enum.ex"))];

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
pub struct Vm {
    code: CodeTable,
    next_pid: u32,
    /// Collect at every safe point (tests: GC timing must never show).
    pub gc_always: bool,
}

/// Parses and compiles `source` into a loadable unit.
pub fn compile(source: &str, file: &str, script: bool) -> Result<Unit, CompileError> {
    let render = |d: Diagnostic| CompileError {
        rendered: d.render(file, source),
        diagnostic: d,
    };
    let program = beamlet_compiler::parser::parse(source).map_err(render)?;
    beamlet_compiler::compile_program(source, &program, script).map_err(render)
}

impl Vm {
    /// A VM with the standard library loaded.
    pub fn new() -> Result<Vm, CompileError> {
        let mut code = CodeTable::new();
        for (file, src) in STDLIB {
            let unit = compile(src, file, false)?;
            code.load(unit);
        }
        Ok(Vm {
            code,
            next_pid: 100,
            gc_always: false,
        })
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
        io: &mut dyn Io,
    ) -> Result<Value, RunError> {
        let entry = self.load_script(source, file).map_err(RunError::Compile)?;
        self.run(entry, argv, io)
    }

    /// Runs a loaded entry function in a fresh process until it finishes.
    pub fn run(
        &mut self,
        entry: FunId,
        argv: &[String],
        io: &mut dyn Io,
    ) -> Result<Value, RunError> {
        let pid = Term::pid(self.next_pid, 0);
        self.next_pid += 1;
        let mut heap = Heap::new();
        heap.set_gc_always(self.gc_always);
        let nregs = self.code.functions[entry as usize].nregs;
        let mut p = Process::new(pid, heap, entry, nregs, &[]);
        p.st.argv = argv.to_vec();
        loop {
            let mut budget: i64 = 4000;
            match interp::run(&mut p, &self.code, io, &mut budget) {
                Exit::Done(v) => return Ok(beamlet_vm::convert::to_value(&self.code, v)),
                Exit::Yield => continue,
                Exit::Wait { timeout: Some(ms) } => {
                    io.flush();
                    std::thread::sleep(Duration::from_millis(ms));
                    p.timed_out();
                }
                Exit::Wait { timeout: None } => return Err(RunError::Deadlock),
                Exit::Raised(e) => {
                    let trace_t = interp::trace_term(&mut p.st.heap, &e.trace, e.info.as_deref());
                    let mut ctx = Ctx {
                        st: &mut p.st,
                        code: &self.code,
                        io: &mut *io,
                    };
                    let banner = exception::banner(&mut ctx, e.class, e.reason, trace_t);
                    let trace = e
                        .trace
                        .iter()
                        .map(|t| {
                            let m = beamlet_vm::atom::name(t.module);
                            let m = m.strip_prefix("Elixir.").unwrap_or(m);
                            let loc = if t.line > 0 {
                                format!("line {}: ", t.line)
                            } else {
                                String::new()
                            };
                            format!(
                                "    {loc}{m}.{}/{}",
                                beamlet_vm::atom::name(t.name),
                                t.arity
                            )
                        })
                        .collect();
                    let exit_status = exit_status(e.class, e.reason);
                    return Err(RunError::Raised {
                        banner,
                        trace,
                        exit_status,
                    });
                }
            }
        }
    }
}

/// The status `elixir` exits with after an uncaught exception: 1, except for
/// `exit(:normal)`/`exit(:shutdown)` (0) and `exit({:shutdown, n})` (n).
fn exit_status(class: Class, reason: Term) -> i32 {
    if class != Class::Exit {
        return 1;
    }
    if reason == beamlet_vm::atom::NORMAL || beamlet_vm::atom::name(reason) == "shutdown" {
        return 0;
    }
    if let Some([tag, v]) = reason.tuple_elems() {
        if beamlet_vm::atom::name(*tag) == "shutdown" {
            return v.as_small().map_or(0, |n| n as i32);
        }
    }
    1
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
