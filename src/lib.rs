//! beamlet: a pocket BEAM. Elixir programs run on a VM of processes that
//! a Rust program can embed.
//!
//! A [`Vm`] holds loaded code and a runtime of processes that lives from
//! its first use to [`Vm::shutdown`]: evaluate source ([`Vm::eval`]),
//! define modules ([`Vm::load`]), call functions ([`Vm::call`]), start
//! processes ([`Vm::spawn`]) and send them messages ([`Vm::send`]). Values
//! cross the boundary as owned [`Value`]s, converted with `From`/`TryFrom`.
//!
//! ```
//! let vm = beamlet::Vm::builder().schedulers(2).build().expect("the VM starts");
//! vm.load("defmodule Sq do\n  def sq(x), do: x * x\nend\n", "sq.ex").unwrap();
//! let v = vm.call("Sq", "sq", vec![7.into()]).unwrap();
//! assert_eq!(i64::try_from(v).unwrap(), 49);
//! assert_eq!(vm.eval("Enum.sum([1, 2, 3])").unwrap(), beamlet::Value::from(6));
//! vm.shutdown();
//! ```
//!
//! Thread safety: [`Vm`], [`Pid`], [`Value`] and [`Error`] are `Send` and
//! `Sync`; share a `Vm` between threads in an `Arc`. What blocks is said
//! on each method.
#![deny(unsafe_code)]

mod builder;
mod error;
mod mailbox;
mod output;
mod pid;
mod vm;

/// The `RunError::Halted` status of a run that `System.restart/0` ended:
/// the embedder runs the program again.
pub use beamlet_vm::bif::system::RESTART_STATUS;
pub use beamlet_vm::ctx::{ShellEvent, ShellTerminal};
pub use beamlet_vm::value::{Atom, ConversionError, Value};
pub use builder::{JitMode, Limits, NativeCtx, NativeError, VmBuilder};
pub use error::{CompileError, Error, RunError};
pub use mailbox::Mailbox;
pub use output::{CaptureIo, Io, SharedOutput, StdIo, WriterIo};
pub use pid::Pid;
pub use vm::{Monitor, Vm, LIBRARY_IMAGE};

/// The library's modules as `(module, file)`: `("Elixir.Enum", "stdlib/enum.ex")`.
///
/// ```
/// assert!(beamlet::library_modules().iter().any(|(m, _)| *m == "Elixir.Enum"));
/// ```
pub fn library_modules() -> Vec<(&'static str, &'static str)> {
    match vm::library_image() {
        Ok(i) => i.entries().iter().map(|e| (e.module, e.file)).collect(),
        Err(_) => Vec::new(),
    }
}

/// Compiles `source` as `file` without running it: its top level is
/// expanded and compiled, and its top-level modules are defined (their
/// bodies run, as compiling them needs); nothing else of the script runs.
/// Returns the warnings, rendered (`warning: ...`, location, source line).
///
/// ```
/// let warnings = beamlet::check("defmodule W do\n  def f(x), do: x\nend\n", "w.ex").unwrap();
/// assert!(warnings.is_empty());
/// assert!(beamlet::check("defmodule W do\n  def f(, do: 1\nend\n", "w.ex").is_err());
/// ```
pub fn check(source: &str, file: &str) -> Result<Vec<String>, CompileError> {
    let mut vm = vm::scratch_vm()?;
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
///
/// ```
/// let listing = beamlet::disasm("defmodule D do\n  def f, do: 1\nend\n", "d.ex").unwrap();
/// assert!(listing.contains("D.f/0"));
/// ```
pub fn disasm(source: &str, file: &str) -> Result<String, CompileError> {
    let mut vm = vm::scratch_vm()?;
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
///
/// ```
/// let o = beamlet::TestOptions { seed: Some(0), ..Default::default() };
/// assert!(!o.trace);
/// ```
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
                Value::Atom(k.into()),
                Value::Binary(v.as_bytes().to_vec()),
            ]),
            None => Value::Atom(tag.into()),
        }
    }

    /// The keyword list given to `ExUnit.configure/1`.
    pub(crate) fn to_config(&self) -> Value {
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
