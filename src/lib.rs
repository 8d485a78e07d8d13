//! beamlet: a pocket BEAM. The embedding facade over the compiler and the VM.
//!
//! ```no_run
//! let mut vm = beamlet::Vm::new().expect("the standard library compiles");
//! let out = vm.run_source("IO.puts(\"hi\")", "hello.ex", &[]);
//! assert!(out.is_ok());
//! ```
#![deny(unsafe_code)]

use beamlet_compiler::diagnostic::Diagnostic;
use beamlet_compiler::runtime::{Library, Service};
/// The `RunError::Halted` status of a run that `System.restart/0` ended:
/// the embedder runs the program again.
pub use beamlet_vm::bif::system::RESTART_STATUS;
pub use beamlet_vm::bif::Io;
use beamlet_vm::code::{CodeTable, FunId};
pub use beamlet_vm::jit::Mode as JitMode;
use beamlet_vm::sched::{self, Config, Outcome};
pub use beamlet_vm::value::{Atom, ConversionError, Value};
use std::io::Write;
use std::sync::Arc;

include!(concat!(env!("OUT_DIR"), "/library.rs"));

/// The library image's index, read once (its units are decoded as modules
/// are first used).
fn library_image() -> Result<beamlet_vm::image::Image<'static>, beamlet_vm::image::ImageError> {
    static IMAGE: std::sync::OnceLock<
        Result<beamlet_vm::image::Image<'static>, beamlet_vm::image::ImageError>,
    > = std::sync::OnceLock::new();
    IMAGE
        .get_or_init(|| beamlet_vm::image::Image::parse(LIBRARY_IMAGE))
        .clone()
}

/// The library's modules as `(module, file)`: `("Elixir.Enum", "stdlib/enum.ex")`.
pub fn library_modules() -> Vec<(&'static str, &'static str)> {
    match library_image() {
        Ok(i) => i.entries().iter().map(|e| (e.module, e.file)).collect(),
        Err(_) => Vec::new(),
    }
}

/// The library module that drives module definitions and runs scripts.
const DRIVER: &str = "elixir_module";

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
    /// The program stopped itself with a non-zero status (`System.halt/1`,
    /// `System.stop/1`, or an `at_exit` hook's `exit({:shutdown, n})`).
    Halted {
        exit_status: i32,
    },
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
/// let mut vm = beamlet::Vm::builder().schedulers(2).build().expect("the VM starts");
/// vm.run_source("IO.puts(:hi)", "hi.ex", &[]).expect("runs");
/// ```
pub struct Vm {
    code: CodeTable,
    config: Config,
    compiler: Arc<Service>,
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

    /// A VM with the compiler installed; the library (`stdlib/`, compiled
    /// when beamlet was built) loads module by module as programs use it.
    pub fn build(self) -> Result<Vm, CompileError> {
        let code = CodeTable::new();
        let image = library_image().map_err(|e| {
            let text = format!("{e}\n");
            CompileError {
                diagnostic: Diagnostic::new(Default::default(), text.trim().to_owned()),
                rendered: text,
            }
        })?;
        let compiler = Arc::new(Service::new(Library::Image(image)));
        code.set_compiler(compiler.clone());
        // The driver of module definitions and scripts runs before any
        // program: load it now, outside any process.
        let mut sink = CaptureIo::default();
        let loaded = beamlet_vm::detached::with_ctx(&code, &mut sink, |ctx| {
            compiler.ensure_loaded(ctx, DRIVER)
        });
        if !loaded {
            let text = String::from_utf8_lossy(&sink.err).into_owned();
            return Err(CompileError {
                diagnostic: Diagnostic::new(Default::default(), text.trim().to_owned()),
                rendered: text,
            });
        }
        Ok(Vm {
            code,
            config: self.config,
            compiler,
        })
    }
}

/// Compiles `source` as `file` without running it: its top level is
/// expanded and compiled, and its top-level modules are defined (their
/// bodies run, as compiling them needs); nothing else of the script runs.
/// Returns the warnings, rendered (`warning: ...`, location, source line).
pub fn check(source: &str, file: &str) -> Result<Vec<String>, CompileError> {
    let mut vm = Vm::builder().schedulers(1).build()?;
    let mut io = CaptureIo::default();
    vm.check_with(source, file, &mut io)?;
    Ok(split_warnings(&String::from_utf8_lossy(&io.err)))
}

/// Rendered warnings, one string each.
fn split_warnings(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("warning:") || out.is_empty() {
            out.push(String::new());
        }
        if let Some(last) = out.last_mut() {
            last.push_str(line);
        }
    }
    out.retain(|w| !w.trim().is_empty());
    out
}

impl Vm {
    /// A VM with default options.
    pub fn new() -> Result<Vm, CompileError> {
        VmBuilder::default().build()
    }

    /// Options: scheduler count, GC testing, native code.
    pub fn builder() -> VmBuilder {
        VmBuilder::default()
    }

    pub fn code(&self) -> &CodeTable {
        &self.code
    }

    /// The driver's function `name/arity`.
    fn driver(&self, name: &str, arity: u32) -> FunId {
        self.code
            .lookup(
                beamlet_vm::atom::intern(DRIVER),
                beamlet_vm::atom::intern(name),
                arity,
            )
            .expect("the driver is loaded when the VM is built")
    }

    /// Runs `source` as a script, as `elixir file.exs` would.
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

    /// Runs test files (see [`Vm::run_tests_with`]) printing to the terminal.
    pub fn run_tests(
        &mut self,
        helpers: &[(String, String)],
        files: &[(String, String)],
        options: &TestOptions,
    ) -> Result<u64, RunError> {
        let mut io = StdIo::default();
        let r = self.run_tests_with(helpers, files, options, &mut io);
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
        let entry = self.driver("eval_file", 2);
        let args = [Value::Binary(source.into()), Value::Binary(file.into())];
        self.run_entry(entry, &args, argv, io)
    }

    /// Runs test files as `mix test` does (see [`TestOptions`]): ExUnit
    /// starts, each helper runs (`test_helper.exs`), `options` configure
    /// ExUnit, each file is compiled and run, then the suite runs and
    /// prints its report. Files are `(source, file name)` pairs. Returns
    /// the number of failed (or invalid) tests.
    pub fn run_tests_with(
        &mut self,
        helpers: &[(String, String)],
        files: &[(String, String)],
        options: &TestOptions,
        io: &mut (dyn Io + Send),
    ) -> Result<u64, RunError> {
        let pairs = |fs: &[(String, String)]| {
            Value::List(
                fs.iter()
                    .map(|(src, name)| {
                        Value::Tuple(vec![
                            Value::Binary(src.as_bytes().to_vec()),
                            Value::Binary(name.as_bytes().to_vec()),
                        ])
                    })
                    .collect(),
                None,
            )
        };
        let entry = self.driver("run_tests", 3);
        let args = [pairs(helpers), pairs(files), options.to_config()];
        match self.run_entry(entry, &args, &[], io)? {
            Value::Int(n) => Ok(n.max(0) as u64),
            other => Err(RunError::Raised {
                banner: format!(
                    "** (RuntimeError) the test run returned {}",
                    beamlet_vm::inspect::inspect(&other, &Default::default())
                ),
                trace: vec![],
                exit_status: 1,
            }),
        }
    }

    /// Compiles `source` as [`check`] does, on this VM (its modules stay loaded).
    pub fn check_with(
        &mut self,
        source: &str,
        file: &str,
        io: &mut (dyn Io + Send),
    ) -> Result<(), CompileError> {
        let entry = self.driver("check_file", 2);
        let args = [Value::Binary(source.into()), Value::Binary(file.into())];
        match self.run_entry(entry, &args, &[], io) {
            Ok(_) => Ok(()),
            Err(RunError::Compile(e)) => Err(e),
            Err(RunError::Raised { banner, trace, .. }) => {
                let mut text = format!("{banner}\n");
                for t in trace {
                    text += &format!("{t}\n");
                }
                Err(CompileError {
                    diagnostic: Diagnostic::new(Default::default(), banner),
                    rendered: text,
                })
            }
            Err(RunError::Halted { exit_status }) => Err(CompileError {
                diagnostic: Diagnostic::new(Default::default(), "halted while compiling"),
                rendered: format!("error: halted while compiling (status {exit_status})\n"),
            }),
            Err(RunError::Deadlock) => Err(CompileError {
                diagnostic: Diagnostic::new(Default::default(), "deadlock while compiling"),
                rendered: "error: deadlock while compiling\n".into(),
            }),
        }
    }

    /// Runs `entry` with `args` as the main process, until it finishes
    /// (other processes still running then are stopped, as `elixir` does).
    fn run_entry(
        &mut self,
        entry: FunId,
        args: &[Value],
        argv: &[String],
        io: &mut (dyn Io + Send),
    ) -> Result<Value, RunError> {
        match sched::run_main(&self.code, entry, args, argv, io, &self.config) {
            Outcome::Returned(v) => Ok(v),
            Outcome::Failed {
                banner,
                trace,
                status,
            } => {
                let compile = [
                    "** (CompileError)",
                    "** (SyntaxError)",
                    "** (TokenMissingError)",
                ];
                if compile.iter().any(|p| banner.starts_with(p)) {
                    if let Some(f) = self.compiler.take_any_failure() {
                        let file = beamlet_compiler::runtime::relative(&f.file);
                        let rendered = match &f.source {
                            Some(src) => f.diagnostic.render(&file, src),
                            None => format!("error: {}\n", f.diagnostic.message),
                        };
                        return Err(RunError::Compile(CompileError {
                            diagnostic: f.diagnostic,
                            rendered,
                        }));
                    }
                }
                Err(RunError::Raised {
                    banner,
                    trace,
                    exit_status: status,
                })
            }
            Outcome::Deadlock => Err(RunError::Deadlock),
            Outcome::Halted { status: 0 } => Ok(Value::Atom("nil".into())),
            Outcome::Halted { status } => Err(RunError::Halted {
                exit_status: status,
            }),
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

/// A listing of the code `source` compiles to (`beamlet disasm`): every
/// function compiled from `file` (its top level, its modules and their
/// anonymous functions), in the order they were loaded.
pub fn disasm(source: &str, file: &str) -> Result<String, CompileError> {
    let mut vm = Vm::builder().schedulers(1).build()?;
    let mut io = CaptureIo::default();
    vm.check_with(source, file, &mut io)?;
    let code = &vm.code;
    let file_atom = beamlet_vm::atom::intern(&beamlet_compiler::runtime::relative(file));
    let functions: Vec<(u32, &beamlet_vm::code::Function)> = (0..code.function_count() as u32)
        .map(|i| (i, code.function(i)))
        .filter(|(_, f)| f.file == file_atom)
        .collect();
    let first = functions.first().map_or(0, |(i, _)| *i);
    let mut out = String::new();
    for (i, f) in functions {
        let i = i - first;
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
            let v = beamlet_vm::convert::to_value(code, *lit);
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
                    let v = beamlet_vm::convert::to_value(code, *k);
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
    Ok(out)
}

/// Options of a test run (`beamlet test`), as `mix test` takes them.
#[derive(Clone, Debug, Default)]
pub struct TestOptions {
    /// The seed that orders the tests (random when `None`).
    pub seed: Option<u64>,
    /// Run only tests with these tags (`--only`): they are included and
    /// every other test is excluded.
    pub only: Vec<String>,
    /// Include tests with these tags even if excluded (`--include`).
    pub include: Vec<String>,
    /// Exclude tests with these tags (`--exclude`).
    pub exclude: Vec<String>,
    /// Print each test with its time as it runs (`--trace`); tests then
    /// run one at a time, without a timeout.
    pub trace: bool,
}

impl TestOptions {
    /// A tag filter as ExUnit takes it: `slow` is `:slow`, `os:unix` is
    /// `{:os, "unix"}`.
    fn filter(tag: &str) -> Value {
        match tag.split_once(':') {
            Some((k, v)) => Value::Tuple(vec![
                Value::Atom(k.to_string()),
                Value::Binary(v.as_bytes().to_vec()),
            ]),
            None => Value::Atom(tag.to_string()),
        }
    }

    /// The keyword list given to `ExUnit.configure/1`.
    fn to_config(&self) -> Value {
        let kw = |k: &str, v: Value| Value::Tuple(vec![Value::Atom(k.into()), v]);
        let list = |tags: Vec<&String>| {
            Value::List(tags.into_iter().map(|t| Self::filter(t)).collect(), None)
        };
        let mut config = vec![];
        if let Some(seed) = self.seed {
            config.push(kw("seed", Value::Int(seed as i64)));
        }
        let mut exclude: Vec<Value> = self.exclude.iter().map(|t| Self::filter(t)).collect();
        if !self.only.is_empty() {
            exclude.push(Value::Atom("test".into()));
        }
        let include: Vec<&String> = self.only.iter().chain(&self.include).collect();
        if !include.is_empty() {
            config.push(kw("include", list(include)));
        }
        if !exclude.is_empty() {
            config.push(kw("exclude", Value::List(exclude, None)));
        }
        if self.trace {
            config.push(kw("trace", Value::Atom("true".into())));
            config.push(kw("timeout", Value::Atom("infinity".into())));
        }
        Value::List(config, None)
    }
}
